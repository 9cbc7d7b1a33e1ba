"""`toolkit report` on tables of articles: one report per row, named by the id column (made
safe and unique); bad rows fail alone, as bad files do; a row's article is saved beside the
reports for its notebook, so that a report can be run again and a changed row (only it) is
rebuilt."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_samples import HARBOUR, read, run_cli

from toolkit import read_articles
from toolkit.article import Article
from toolkit.errors import ArticleError, ArticleWarning
from toolkit.reports import build_reports, load_report_article
from toolkit.reports._inputs import article_from_record, article_record

ROWS = [
    {"id": "ferry/7", "date": "2024-03-05 09:30:00", "outlet": "Island Post",
     "title": "Ferry deal signed", "url": "https://island.example/ferry",
     "text": '"Our island finally has its boats back," said Mayor Ingrid Solberg on Tuesday.'},
    {"id": "ferry/7", "date": "2024-04-02", "outlet": "The Ledger",
     "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(2)",
     "text": '"We waited ten years," said Lars Berg, a fisherman from Kellby.'},
    {"id": "empty", "date": "2024-04-03", "outlet": "The Ledger", "title": "Nothing here",
     "url": "", "text": "   "},
    {"id": "quay", "date": "2024-05-01", "outlet": "Island Post", "title": "Quay opens",
     "url": "", "text": '"The quay opens in May," harbour master Tomas Brandt said.'},
]  # fmt: skip


def write_csv(path: Path, rows: list[dict]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def table_batch(tmp_path_factory):
    """`toolkit report news/articles.csv --out reports` once."""
    base = tmp_path_factory.mktemp("tables")
    table = write_csv(base / "news" / "articles.csv", ROWS)
    done = run_cli("report", "news/articles.csv", "--out", "reports", "--workers", "1", cwd=base)
    return {"base": base, "table": table, "out": base / "reports", "done": done}


def test_a_report_per_row_named_by_the_id_column(table_batch):
    done, out = table_batch["done"], table_batch["out"]
    assert done.returncode == 1, done.stderr
    assert "4 articles: 3 built, 0 unchanged, 1 failed" in done.stderr
    manifest = json.loads(read(out / "manifest.json"))["reports"]
    assert sorted(manifest) == ["ferry-7", "ferry-7-2", "quay"]
    assert manifest["ferry-7"]["source"] == "news/articles.csv:2"
    assert manifest["ferry-7"]["files"] == [
        "ferry-7.ipynb",
        "ferry-7.html",
        "_inputs/ferry-7.article.json",
    ]


def test_a_bad_row_fails_alone_and_duplicate_ids_are_warned_about(table_batch):
    done, out = table_batch["done"], table_batch["out"]
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert errors == ["error: news/articles.csv:4: empty text (column 'text')"]
    assert (
        "warning: news/articles.csv: 1 duplicate id(s) made unique (first 'ferry-7' at line 3 "
        "-> 'ferry-7-2')" in done.stderr
    )
    rows = {r["id"]: r for r in csv.DictReader((out / "summary.csv").open(encoding="utf-8"))}
    assert list(rows) == ["ferry-7", "ferry-7-2", "articles.csv-4", "quay"]
    assert rows["articles.csv-4"]["status"] == "failed"
    assert rows["ferry-7"]["outlet"] == "Island Post"
    assert rows["ferry-7"]["date"] == "2024-03-05T09:30:00+00:00"
    assert "empty text (column &#x27;text&#x27;)" in read(out / "index.html")


def test_the_report_of_a_row_shows_its_date_outlet_and_link(table_batch):
    page = read(table_batch["out"] / "ferry-7.html")
    assert "<tr><th>date</th><td>2024-03-05 09:30 +00:00</td></tr>" in page
    assert "<tr><th>outlet</th><td>Island Post</td></tr>" in page
    assert (
        '<a href="https://island.example/ferry" rel="noopener noreferrer">'
        "https://island.example/ferry</a>" in page
    )
    other = read(table_batch["out"] / "ferry-7-2.html")
    assert "<tr><th>URL</th><td>javascript:alert(2)</td></tr>" in other
    assert "&lt;img src=x onerror=alert(1)&gt;" in other and "<img src=x" not in other


def test_the_overview_has_outlets_and_dates(table_batch):
    index = read(table_batch["out"] / "index.html")
    assert "<h2>By outlet</h2>" in index and "<h2>Over time</h2>" in index
    assert '<option value="Island Post">Island Post</option>' in index


def test_a_saved_row_loads_as_the_article_the_table_gives(table_batch):
    """The executed notebook names the saved row: it can be run again on its own."""
    nb = nbformat.read(table_batch["out"] / "ferry-7.ipynb", as_version=4)
    injected = next(c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", []))
    assert 'article_path = "reports/_inputs/ferry-7.article.json"' in injected.source
    saved = load_report_article(table_batch["base"] / "reports/_inputs/ferry-7.article.json")
    with pytest.warns(ArticleWarning):  # the empty row, the repeated id
        articles = list(read_articles(table_batch["table"]))
    (original,) = [a for a in articles if a.title == ROWS[0]["title"]]
    for field in ("text", "title", "paragraphs", "date", "outlet", "url", "authors", "meta"):
        assert getattr(saved, field) == getattr(original, field), field
    assert saved.id == "ferry-7"


def test_only_a_changed_row_is_rebuilt_and_moving_rows_changes_nothing(
    table_batch, tmp_path, monkeypatch
):
    base = tmp_path / "copy"
    shutil.copytree(table_batch["base"], base)
    monkeypatch.chdir(base)  # the table named as in the first batch
    table = Path("news/articles.csv")
    warned: list[str] = []
    again = build_reports([table], base / "reports", progress=False, on_warning=warned.append)
    assert again.counts == {"built": 0, "skipped": 3, "failed": 1}
    moved = [ROWS[3], ROWS[2], ROWS[0], ROWS[1]]
    write_csv(table, moved)
    assert (
        build_reports([table], base / "reports", progress=False, on_warning=warned.append).counts[
            "built"
        ]
        == 0
    )
    changed = [dict(r) for r in moved]
    changed[0]["text"] = changed[0]["text"].replace("May", "June")
    write_csv(table, changed)
    result = build_reports([table], base / "reports", progress=False, on_warning=warned.append)
    assert [(o.id, o.status) for o in result.outcomes if o.status != "skipped"] == [
        ("quay", "built"),
        ("articles.csv-3", "failed"),
    ]
    assert "June" in read(base / "reports" / "quay.html")
    assert len(warned) == 3 and all("1 duplicate id(s) made unique" in w for w in warned)


def test_a_folder_holding_a_table_and_a_file(tmp_path):
    write_csv(tmp_path / "news" / "export.csv", [dict(ROWS[3], id="harbour")])
    (tmp_path / "news" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "news" / "photo.jpg").write_bytes(b"\xff\xd8")
    done = run_cli("report", "news", "--out", "out", "--workers", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "note: 1 file skipped: 1 not an article format" in done.stderr
    assert "2 articles: 2 built" in done.stderr
    manifest = json.loads(read(tmp_path / "out" / "manifest.json"))["reports"]
    assert {name: entry["source"] for name, entry in manifest.items()} == {
        "harbour": "news/export.csv:2",
        "harbour-2": "news/harbour.txt",
    }
    assert (tmp_path / "out" / "_inputs" / "harbour.article.json").is_file()


def test_table_columns_can_be_named(tmp_path):
    rows = [{"story": "Quay opens", "body": ROWS[3]["text"], "paper": "Island Post"}]
    write_csv(tmp_path / "odd.csv", rows)
    done = run_cli(
        "report", "odd.csv", "--out", "out", "--text-col", "body", "--title-col", "story",
        "--outlet-col", "paper", "--format", "html", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    page = read(tmp_path / "out" / "odd-1.html")
    assert "<h1>Quay opens</h1>" in page and "<td>Island Post</td>" in page


# --- the saved article ----------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    paragraphs=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=4),
    outlet=st.none() | st.text(min_size=1, max_size=20),
    meta=st.dictionaries(st.text(max_size=8), st.none() | st.integers() | st.text(max_size=8)),
)
def test_an_article_survives_being_saved_and_loaded(paragraphs, outlet, meta):
    try:
        article = Article.from_text("\n\n".join(paragraphs), id="a", outlet=outlet, meta=meta,
                                    date="2024-03-05T09:30:00+01:00", authors="By Ana Ruiz")  # fmt: skip
    except ArticleError:
        return  # nothing left after cleaning
    loaded = article_from_record(article_record(article, "a"))
    for field in ("id", "title", "text", "paragraphs", "has_headline", "date", "outlet", "url",
                  "authors", "meta"):  # fmt: skip
        assert getattr(loaded, field) == getattr(article, field), field
    assert article_record(loaded, "a") == article_record(article, "a")


def test_a_damaged_saved_article_is_a_one_line_error(tmp_path):
    path = tmp_path / "x.article.json"
    path.write_text('{"format": 1, "text": "Short", "paragraphs": [[0, 99]]}', encoding="utf-8")
    with pytest.raises(ArticleError, match=r"x\.article\.json: cannot read the saved article"):
        load_report_article(path)


def test_a_table_without_a_text_column_is_one_failure_naming_its_columns(tmp_path):
    write_csv(tmp_path / "links.csv", [{"headline": "Quay opens", "link": "https://x.example"}])
    result = build_reports([tmp_path / "links.csv"], tmp_path / "out", progress=False)
    [outcome] = result.outcomes
    assert (outcome.id, outcome.status) == ("links.csv", "failed")
    assert outcome.error.startswith(f"{tmp_path / 'links.csv'}: no text column (looked for text,")
    assert "it has: headline, link" in outcome.error
