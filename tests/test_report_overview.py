"""The batch's overview page (index.html): figures added up from the reports' summary rows,
charts as HTML and CSS, the article table, and one script of the toolkit's own, allowed by its
hash. Built here from summary rows written for the test (the browser checks are in
test_report_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import html
import re

from overview_samples import ROWS, XSS_TITLE, batch, speaker, summary

from toolkit.reports._index import index_html
from toolkit.reports._overview import overview

# --- the figures ----------------------------------------------------------------------------


def test_corpus_totals_add_up_the_articles():
    figures = overview(ROWS)
    total = figures.total
    assert (total.articles, total.words, total.quotes, total.unattributed) == (3, 600, 13, 3)
    assert dict(total.sources) == {"female": 2, "male": 2, "unknown": 1}
    assert total.women_share == 0.5
    assert dict(total.roles) == {"politician": 2, "official": 2, "citizen": 1}


def test_top_actors_and_speakers_add_up_by_identity_key():
    figures = overview(ROWS)
    assert [(a.name, a.articles, a.mentions) for a in figures.actors] == [
        ("Port Ellen", 3, 9),
        ("Anna Keller", 2, 4),  # ties: alphabetical
        ("Iain Campbell", 2, 4),
        ("Jo Park", 1, 2),
    ]
    assert [(s.name, s.quotes, s.quoted_articles) for s in figures.speakers] == [
        ("Anna Keller", 6, 2),
        ("Iain Campbell", 2, 2),  # ties: alphabetical
        ("Jo Park", 2, 1),
    ]


def test_outlets_and_months():
    figures = overview(ROWS)
    assert [(g.label, g.articles) for g in figures.outlets] == [
        ("Island <b>Post</b>", 1),
        ("Island Post", 1),
        ("The Ledger", 1),
    ]
    assert figures.period == "week"
    assert figures.periods[0].label == "2024-W02" and figures.periods[-1].label == "2024-W12"
    assert len(figures.periods) == 11  # the empty weeks between are there too
    assert sum(g.articles for g in figures.periods) == 3


def test_a_longer_span_is_shown_by_month_and_dates_that_do_not_parse_are_undated():
    rows = [summary("a", [], date="2023-11-30"), summary("b", [], date="2024-12-01"),
            summary("c", [], date="last Tuesday"), summary("d", [])]  # fmt: skip
    figures = overview(rows)
    assert figures.period == "month"
    assert [g.label for g in figures.periods][:3] == ["2023-11", "2023-12", "2024-01"]
    assert len(figures.periods) == 14
    assert figures.undated == 2


def test_fields_of_the_wrong_type_count_as_missing():
    rows = [{"words": "many", "quotes": float("inf"), "speakers": "Anna", "outlet": 3,
             "sources_by_gender": ["female"], "actor_counts": [None, {"name": "x"}]}]  # fmt: skip
    figures = overview(rows)
    assert (figures.total.words, figures.total.quotes, figures.actors, figures.outlets) == (
        0,
        0,
        [],
        [],
    )


# --- the page -------------------------------------------------------------------------------


def test_the_page_has_the_overview_sections_in_order():
    page = index_html(batch(ROWS, failed=1))
    headings = re.findall(r"<h2>([^<]*)</h2>", page)
    assert headings == ["The corpus", "Top actors", "Who is quoted", "Source diversity",
                        "By outlet", "Over time", "Failed (1)", "Articles (3)"]  # fmt: skip
    assert "<dt>quotations</dt><dd>13</dd>" in page
    assert "<dt>people quoted</dt><dd>5</dd>" in page


def test_every_gender_chart_says_inferred_gender():
    page = index_html(batch(ROWS))
    captions = re.findall(r"<(?:caption|figcaption)>([^<]*)</", page)
    gendered = [c for c in captions if "gender" in c or "women" in c.lower()]
    assert len(gendered) == 3
    assert all("inferred gender" in c for c in gendered)
    assert "women 50% of 4; 1 unknown" in page


def test_without_outlets_and_dates_there_are_no_outlet_or_time_charts_or_columns():
    rows = [{k: v for k, v in r.items() if k not in ("outlet", "date")} for r in ROWS]
    page = index_html(batch(rows))
    assert "<h2>By outlet</h2>" not in page and "<h2>Over time</h2>" not in page
    assert ">outlet</button>" not in page and ">date</button>" not in page
    assert 'id="ov-outlet"' not in page


def test_the_article_table_has_sortable_columns_and_hidden_controls():
    page = index_html(batch(ROWS))
    heads = re.findall(r'<th scope="col" data-type="(\w+)"><button type="button">([^<]*)<', page)
    assert heads == [("text", "article"), ("text", "outlet"), ("number", "date"),
                     ("number", "words"), ("number", "Flesch reading ease"),
                     ("number", "quotations"), ("number", "people quoted"),
                     ("number", "women quoted (inferred gender)"), ("text", "top actors")]  # fmt: skip
    assert '<div class="ov-controls" id="ov-controls" hidden>' in page
    row = re.search(r'<tr data-outlet="The Ledger">(.*?)</tr>', page).group(1)
    assert '<a href="a1.html">Ferry deal signed</a>' in row
    assert '<td class="num" data-sort="1709366400">2024-03-02</td>' in row
    assert "<td>Port Ellen, Anna Keller, Jo Park</td>" in row


def test_article_text_is_escaped_and_nothing_of_it_can_run():
    page = index_html(batch(ROWS))
    assert XSS_TITLE not in page
    assert f'<a href="a2.html">{html.escape(XSS_TITLE)}</a>' in page
    assert "Island <b>Post</b>" not in page
    assert '<option value="Island &lt;b&gt;Post&lt;/b&gt;">' in page
    # No inline event handler anywhere, and one script: the toolkit's own.
    tags = re.findall(r"<[a-z][^>]*>", page)
    assert not [t for t in tags if re.search(r"\son[a-z]+\s*=", t)]
    assert page.count("<script") == 1


def test_the_script_runs_by_its_hash_and_nothing_else_may():
    page = index_html(batch(ROWS))
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert policy == (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    assert "'unsafe-inline'" not in policy.split("script-src")[1]


def test_an_empty_batch_has_an_empty_overview():
    page = index_html(batch([], failed=2))
    assert re.findall(r"<h2>([^<]*)</h2>", page) == ["The corpus", "Failed (2)", "Articles (0)"]
    assert page.rstrip().endswith("</html>")


def test_roles_known_first_most_common_first_and_unknown_last_in_grey():
    rows = [
        summary("a", [speaker("Ann Roe", None, "unknown", 1), speaker("Bo Lee", None, "unknown", 1),
                      speaker("Cy Dunn", None, "expert", 1)]),
        summary("b", [speaker("Di Fox", None, "politician", 1),
                      speaker("Ed Gray", None, "politician", 1)]),
    ]  # fmt: skip
    page = index_html(batch(rows))
    chart = page[page.index("People quoted, by role") :]
    labels = re.findall(r'<th scope="row">([^<]*)</th>', chart)[:3]
    assert labels == ["politician", "expert", "role unknown"]
    assert re.search(r"role unknown</th>.*?background:#BBBBBB", chart)
