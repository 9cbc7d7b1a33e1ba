"""The summary row an article's report publishes for the batch: the index and the report agree
on its top actors, and it carries what the overview page needs (metadata, speakers with their
inferred gender and role, people by gender and role)."""

from __future__ import annotations

from toolkit import Article, analyze
from toolkit.display import header_html, top_actors
from toolkit.reports import report_summary

TEXT = (
    "Ferry deal signed\n\n"
    "The ferry company and the port of Kellby signed a deal on Friday. Kellby will get two "
    "new boats, and Kellby will pay for half of them.\n\n"
    '"Our island finally has its boats back," said Mayor Ingrid Solberg. She added that the '
    'boats "will run from May."\n\n'
    'Lars Berg, a local fisherman, said: "We waited ten years."'
)


def _analysis():
    return analyze(
        Article.from_text(
            TEXT, id="ferry", date="2024-03-05T09:30:00Z", outlet="Island Post",
            url="https://island.example/ferry", authors="By Ana Ruiz",
        )
    )  # fmt: skip


def test_the_summary_lists_the_top_actors_of_the_report_header():
    analysis = _analysis()
    summary = report_summary(analysis)
    assert summary["top_actors"] == [a.name for a in top_actors(analysis)]
    assert ", ".join(summary["top_actors"]) in header_html(analysis)
    assert "Ingrid Solberg" in summary["top_actors"]


def test_the_summary_carries_the_metadata():
    summary = report_summary(_analysis())
    assert summary["date"] == "2024-03-05T09:30:00+00:00"
    assert summary["outlet"] == "Island Post"
    assert summary["url"] == "https://island.example/ferry"
    assert summary["authors"] == ["Ana Ruiz"]


def test_the_summary_counts_people_and_sources_by_inferred_gender_and_role():
    analysis = _analysis()
    summary = report_summary(analysis)
    people = [a for a in analysis.actors if a.kind == "person"]
    quoted = {q.speaker for q in analysis.quotes}
    sources = [a for a in people if a.name in quoted]
    assert {a.name for a in sources} == {"Ingrid Solberg", "Lars Berg"}
    assert sum(summary["people_by_gender"].values()) == len(people)
    assert sum(summary["sources_by_gender"].values()) == 2
    assert summary["sources_by_gender"]["female"] == 1  # "She", "Mayor Ingrid"
    assert sum(summary["sources_by_role"].values()) == 2
    speakers = {s["name"]: s for s in summary["speakers"]}
    assert speakers["Ingrid Solberg"]["gender"] == "female"
    assert speakers["Ingrid Solberg"]["quotes"] == 2
    assert speakers["Ingrid Solberg"]["key"] == "person:ingrid solberg"
    assert summary["unattributed_quotes"] == 0


def test_an_article_without_metadata_has_no_metadata_fields():
    summary = report_summary(analyze(Article.from_text(TEXT, id="ferry")))
    assert not {"date", "outlet", "url", "authors"} & set(summary)
