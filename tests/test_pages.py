"""Saved web pages through main-content extraction, and the ``toolkit eval html`` scorer."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from toolkit import Article, load_article
from toolkit.errors import ArticleTooLargeError, EmptyArticleError

PARAGRAPHS = [
    "Dockers in the port of Valmora returned to work on Friday after a nine-day strike over "
    "pay and night shifts.",
    "The union said its members had accepted an offer of a four percent rise this year and "
    "three percent next year.",
    '"We got what we came for," said Tomas Brandt, the union\'s regional secretary, outside '
    "the harbour gates.",
]

PAGE = """<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8"><title>Port strike ends after nine days | The Daily Ledger</title>
<meta property="og:title" content="Port strike ends after nine days">
<meta property="og:site_name" content="The Daily Ledger">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
<link rel="canonical" href="https://ledger.example/news/port-strike-ends">
</head><body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience.
Read our Privacy Policy and accept all cookies to continue reading.</p><button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>Port strike ends after nine days</h1>
<p>{}</p><p>{}</p><p>{}</p></article>
<aside><h3>Related</h3><ul><li><a href="/a">Ferry fares to rise in spring</a></li></ul></aside>
<footer>Copyright 2024 The Daily Ledger. Privacy Policy. Terms of use.</footer>
</body></html>""".format(*PARAGRAPHS)


def test_a_saved_page_keeps_the_article_and_drops_the_boilerplate(tmp_path: Path):
    path = tmp_path / "strike.html"
    path.write_text(PAGE, encoding="utf-8")
    article = load_article(path)
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert "Privacy Policy" not in article.text
    assert "cookies" not in article.text
    assert article.title == "Port strike ends after nine days"
    assert article.outlet == "The Daily Ledger"
    assert article.authors == ("Ana Ruiz",)
    assert article.date == datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert article.url == "https://ledger.example/news/port-strike-ends"
    assert (article.id, article.encoding) == ("strike", "utf-8")


def test_a_gzipped_page_is_read(tmp_path: Path):
    path = tmp_path / "strike.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode("utf-8")))
    article = load_article(path)
    assert (article.id, article.text) == ("strike", "\n\n".join(PARAGRAPHS))


def test_a_page_without_an_article_body_is_an_error_naming_the_file(tmp_path: Path):
    path = tmp_path / "index.html"
    path.write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
        "<a href='/news'>News</a></nav><footer>Copyright</footer></body></html>"
    )
    with pytest.raises(EmptyArticleError, match=r"index\.html: web page without an article body"):
        load_article(path)


def test_the_declared_charset_is_used(tmp_path: Path):
    text = "Портовые рабочие в Вальморе вернулись к работе в пятницу после забастовки."
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f"<title>Забастовка</title></head><body><article><p>{text}</p></article></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("koi8-r"))
    article = load_article(path)
    assert (article.text, article.encoding) == (text, "koi8-r")


def test_a_gzip_bomb_is_refused_without_unpacking_it(tmp_path: Path):
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b" " * 5_000_000 + b"</p>"))
    with pytest.raises(ArticleTooLargeError, match="unpacks to over the 1,000,000-byte limit"):
        load_article(path, max_bytes=1_000_000)


def test_text_that_is_already_clean_keeps_the_toolkit_cleaning():
    article = Article.from_text("Port strike ends\n\nDockers  went back on Friday.")
    assert article.text == "Port strike ends\n\nDockers went back on Friday."
    assert article.title == "Port strike ends"


# --- toolkit eval html --------------------------------------------------------------------------


def test_page_counts_follow_the_benchmark_shingles():
    from toolkit.evaluation.html import page_counts, score_pages

    # 6 tokens: 3 shingles of 4 each side; 2 shared (the last gold one and first guess differ).
    tp, fp, fn = page_counts("a b c d e f", "a b c d e g")
    assert (tp, fp, fn) == (2 / 4, 1 / 4, 1 / 4)
    assert page_counts("", "") == (0.0, 0.0, 0.0)
    score = score_pages("x", [(0.5, 0.25, 0.25), (1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
    # precision over pages with a prediction (2), recall over pages with gold (3)
    assert score.precision == pytest.approx((2 / 3 + 1) / 2)
    assert score.recall == pytest.approx((2 / 3 + 1 + 0) / 3)
    assert score.f1 == pytest.approx(
        2 * score.precision * score.recall / (score.precision + score.recall)
    )


def _benchmark(folder: Path) -> Path:
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "k1.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    truth = {"k1": {"articleBody": "\n".join(PARAGRAPHS), "url": "https://ledger.example/x"}}
    (folder / "ground-truth.json").write_text(json.dumps(truth))
    return folder


def test_eval_html_scores_the_toolkit_beside_trafilatura(tmp_path: Path, capsys):
    from toolkit.cli import main

    folder = _benchmark(tmp_path / "bench")
    assert main(["eval", "html", str(folder), "--json"]) == 0
    rows = {row["system"]: row for row in json.loads(capsys.readouterr().out)}
    assert set(rows) == {"toolkit", "trafilatura"}
    assert (rows["toolkit"]["pages"], rows["toolkit"]["f1"]) == (1, 1.0)


def test_eval_html_on_a_bad_folder_is_one_line_and_exit_2(tmp_path: Path, capsys):
    from toolkit.cli import main

    assert main(["eval", "html", str(tmp_path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"error: {tmp_path / 'ground-truth.json'}: not found (expected html/<key>.html.gz and this file)"
    ]
    (tmp_path / "ground-truth.json").write_text('{"k1": {"url": "x"}}')
    assert main(["eval", "html", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip().endswith("page 'k1' has no articleBody text")


# --- web archives ------------------------------------------------------------------------------


def _warc(path: Path, pages: list[tuple[str, str, str]]) -> Path:
    from io import BytesIO

    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    with path.open("wb") as handle:
        writer = warcio.warcwriter.WARCWriter(handle, gzip=True)
        for url, content_type, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body.encode("utf-8")), http_headers=headers
            )
            writer.write_record(record)
    return path


def test_a_web_archive_gives_one_article_per_html_page(tmp_path: Path):
    from toolkit.article import ArticleInputs

    archive = _warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://ledger.example/news/port-strike-ends", "text/html; charset=utf-8", PAGE),
            ("https://ledger.example/logo.png", "image/png", "not a page"),
            ("https://ledger.example/", "text/html", "<html><body><nav>Home</nav></body></html>"),
        ],
    )
    inputs = ArticleInputs([archive])
    items = list(inputs)
    assert len(items) == 2
    article = items[0].article
    assert article.id == "ledger.example-news-port-strike-ends"
    assert article.text == "\n\n".join(PARAGRAPHS)
    assert (article.outlet, article.source_path) == ("The Daily Ledger", archive)
    assert article.meta["crawled"]
    assert (
        str(items[1].error)
        == f"{archive}: record 3: web page without an article body (no main content found)"
    )
    assert inputs.scan.skipped == {"WARC records that are not HTML pages": 1}
