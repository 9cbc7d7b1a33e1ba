from __future__ import annotations

import os
from pathlib import Path

import pytest

from toolkit import (
    Article,
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    load_article,
    slugify,
)
from toolkit.article import assign_ids, expand_paths

STORY = (
    "Minister resigns over leaked memo\n\n"
    "The transport minister resigned on Tuesday after a leaked memo showed she had  ignored\n"
    "\n"
    "safety warnings.   Her deputy, Tom  Hale, takes over.\n"
)


def test_from_text_cleans_whitespace_and_keeps_paragraphs():
    article = Article.from_text(STORY, id="memo")
    assert article.title == "Minister resigns over leaked memo"
    assert article.text == (
        "Minister resigns over leaked memo\n\n"
        "The transport minister resigned on Tuesday after a leaked memo showed she had ignored\n\n"
        "safety warnings. Her deputy, Tom Hale, takes over."
    )
    assert [p.text for p in article.paragraphs] == [
        "Minister resigns over leaked memo",
        "The transport minister resigned on Tuesday after a leaked memo showed she had ignored",
        "safety warnings. Her deputy, Tom Hale, takes over.",
    ]
    for p in article.paragraphs:
        assert article.text[p.start : p.end] == p.text


def test_seed_article_loses_its_stray_markup_line(seed):
    assert seed.id == "000_810c36b51088a32c"
    assert "p>" not in seed.text
    assert len(seed.paragraphs) == 12
    assert seed.paragraphs[0].text.startswith("French President Emmanuel Macron said on Sunday")
    assert seed.title == (
        "French President Emmanuel Macron said on Sunday that another massive Russian attack…"
    )
    assert seed.encoding == "utf-8"


def test_single_line_breaks_separate_paragraphs_unless_hard_wrapped():
    wrapped = (
        "The council voted on Monday to close the library on Elm Street after a long\n"
        "debate in which residents argued that the building should be kept open for\n"
        "children who have nowhere else to study.\n"
    )
    assert Article.from_text(wrapped).text.count("\n") == 0
    lines = "First paragraph ends here.\nSecond paragraph starts here.\n"
    assert (
        Article.from_text(lines).text
        == "First paragraph ends here.\n\nSecond paragraph starts here."
    )


def test_web_page_gives_its_main_text_and_title_apart(tmp_path: Path):
    page = tmp_path / "story.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Site | Story</title><style>p{}</style></head>"
        "<body><nav>Home | World</nav><h1>Storm hits coast</h1>"
        "<p>Winds of 100&nbsp;mph hit <b>Florida</b> &amp; Georgia.</p>"
        "<script>alert('x')</script><p>Thousands lost power.</p></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    assert article.title == "Storm hits coast"
    assert article.text == "Winds of 100 mph hit Florida & Georgia.\n\nThousands lost power."


def test_text_file_with_html_tags_is_stripped(tmp_path: Path):
    path = tmp_path / "tags.txt"
    path.write_text("<p>Prices rose 3%.</p>\n<p>Analysts &quot;expected&quot; it.</p>\n</div>\n")
    assert load_article(path).text == 'Prices rose 3%.\n\nAnalysts "expected" it.'


def test_markdown_heading_becomes_title(tmp_path: Path):
    path = tmp_path / "note.md"
    path.write_text("# Budget approved\n\nThe **budget** passed, [reports](http://x) say.\n")
    article = load_article(path)
    assert article.title == "Budget approved"
    assert article.text == "Budget approved\n\nThe budget passed, reports say."


def test_cp1252_fallback(tmp_path: Path):
    path = tmp_path / "pound.txt"
    path.write_bytes("The \u00a315.8m signing \u201cwas worth it\u201d.".encode("cp1252"))
    article = load_article(path)
    assert article.encoding == "cp1252"
    assert article.text == "The \u00a315.8m signing \u201cwas worth it\u201d."


def test_latin1_fallback_when_cp1252_cannot_decode(tmp_path: Path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Caf\xe9 owners \x81protest.")
    article = load_article(path)
    assert article.encoding == "latin-1"
    assert article.text.startswith("Café owners")


def test_utf16_with_bom(tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Zelensky spoke.".encode("utf-16"))
    assert load_article(path).text == "Zelensky spoke."


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (b"", EmptyArticleError, "file is empty"),
        (b"   \n\n  ", EmptyArticleError, "file is empty"),
        (b"<p></p>\n<div> </div>", EmptyArticleError, "no text left"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryArticleError, "binary file"),
        (b"abc\x00def\x00ghi", BinaryArticleError, "binary file"),
        (bytes(range(1, 32)) * 20, BinaryArticleError, "binary"),
    ],
)
def test_bad_files_raise_one_line_errors_naming_the_file(tmp_path: Path, content, error, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        load_article(path)
    text = str(info.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "\n" not in text
    assert isinstance(info.value, ArticleError)


def test_missing_file_and_directory(tmp_path: Path):
    with pytest.raises(ArticleNotFoundError, match="file not found"):
        load_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleNotFoundError, match="is a directory"):
        load_article(tmp_path)


def test_too_large(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    with pytest.raises(ArticleTooLargeError, match="over the 100-byte limit"):
        load_article(path, max_bytes=100)


def test_slugify_never_yields_a_path():
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("..") == "article"
    assert slugify("a/b\\c") == "a-b-c"
    assert "/" not in slugify("/" * 10)


def test_expand_paths_and_unique_ids(tmp_path: Path):
    for topic in ("business", "sport"):
        (tmp_path / topic).mkdir()
        (tmp_path / topic / "001.txt").write_text("Text.")
    (tmp_path / "README.TXT").write_text("About.")
    (tmp_path / ".hidden.txt").write_text("Hidden.")
    paths = expand_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == [
        "business/001.txt",
        "sport/001.txt",
    ]
    assert sorted(assign_ids(paths).values()) == ["business-001", "sport-001"]
    assert expand_paths([str(tmp_path / "*" / "*.txt")]) == paths


def test_cli_gives_files_sharing_a_name_distinct_ids(tmp_path: Path, capsys):
    from toolkit.cli import main

    for topic in ("business", "sport"):
        (tmp_path / topic).mkdir()
        (tmp_path / topic / "001.txt").write_text("Shares rose 2.5% on Monday.")
    assert main(["stats", str(tmp_path), "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["business-001", "sport-001"]


def test_cli_reports_a_failing_analysis_in_one_line_and_goes_on(
    tmp_path: Path, capsys, monkeypatch
):
    import toolkit.text.stats
    from toolkit.cli import main

    (tmp_path / "good.txt").write_text("The minister resigned on Tuesday.")
    (tmp_path / "odd.txt").write_text("A text the analysis trips over.")
    real = toolkit.text.stats.text_stats

    def flaky(article):
        if article.id == "odd":
            raise RuntimeError("unexpected\ninput")
        return real(article)

    monkeypatch.setattr(toolkit.text.stats, "text_stats", flaky)
    assert main(["stats", str(tmp_path), "--csv"]) == 1
    captured = capsys.readouterr()
    assert [line.split(",")[0] for line in captured.out.splitlines()[1:]] == ["good"]
    assert f"error: {tmp_path / 'odd.txt'}: analysis failed (RuntimeError: unexpected input)" in (
        captured.err.splitlines()
    )


def test_ids_stay_unique_when_a_counter_meets_a_real_name(tmp_path: Path):
    paths = [tmp_path / "a.txt", tmp_path / "a.md", tmp_path / "a-2.txt"]
    ids = assign_ids(paths)
    assert ids == {paths[0]: "a", paths[1]: "a-3", paths[2]: "a-2"}


def test_html_with_unclosed_head_or_page_wide_form_keeps_its_body():
    unclosed_head = (
        "<html><head><title>Site</title><body><h1>Port strike ends</h1>"
        "<p>Dockers returned to work on Friday.</p>"
    )
    assert Article.from_text(unclosed_head).text == (
        "Port strike ends\n\nDockers returned to work on Friday."
    )
    webforms = (
        "<html><body><form action='/x'><div><h1>Port strike ends</h1>"
        "<p>Dockers returned to work.</p></div></form></body></html>"
    )
    assert Article.from_text(webforms).text == "Port strike ends\n\nDockers returned to work."
    everything_in_aside = "<html><body><aside><p>Only text here.</p></aside></body></html>"
    assert Article.from_text(everything_in_aside).text == "Only text here."


@pytest.mark.parametrize(
    "opening", ["MZ Wallace opens a store", "ID3 standard revised", "RIFF between allies", "BZh"]
)
def test_text_that_starts_like_a_file_signature_is_still_text(tmp_path: Path, opening):
    path = tmp_path / "story.txt"
    path.write_text(f"{opening} on Monday.\n")
    assert load_article(path).text == f"{opening} on Monday."


def test_plain_text_comparisons_are_not_taken_for_tags():
    assert Article.from_text("Prices fall if a<b and c>d holds.").text == (
        "Prices fall if a<b and c>d holds."
    )


def test_bidi_controls_and_unicode_line_separators_are_normalised():
    text = "Talks\u2029The \u202eminister\u202c spoke.\u2028Then left."
    assert Article.from_text(text).text == "Talks\n\nThe minister spoke.\n\nThen left."


# --- hostile and unlucky inputs (issue 14) ---------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_a_fifo_is_an_error_not_a_hang(tmp_path: Path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleNotFoundError, match=r"feed\.txt: is a named pipe \(FIFO\)"):
        load_article(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_an_error_before_any_byte_is_read():
    with pytest.raises(ArticleNotFoundError, match="/dev/zero: is a character device"):
        load_article("/dev/zero")


def test_a_symlink_loop_is_an_error_and_expand_paths_does_not_raise(tmp_path: Path):
    (tmp_path / "one.txt").symlink_to(tmp_path / "two.txt")
    (tmp_path / "two.txt").symlink_to(tmp_path / "one.txt")
    (tmp_path / "real.txt").write_text("The mayor opened the bridge on Friday.")
    paths = expand_paths([tmp_path, tmp_path / "one.txt"])
    assert [p.name for p in paths] == ["one.txt", "real.txt", "two.txt"]
    assert sorted(assign_ids(paths).values()) == ["one", "real", "two"]
    with pytest.raises(ArticleNotFoundError, match=r"one\.txt: symlink loop"):
        load_article(tmp_path / "one.txt")


def test_a_folder_named_like_a_file_is_an_error(tmp_path: Path):
    (tmp_path / "story.txt").mkdir()
    with pytest.raises(ArticleNotFoundError, match=r"story\.txt: is a directory"):
        load_article(tmp_path / "story.txt")


def test_a_nul_byte_far_into_the_file_makes_it_binary(tmp_path: Path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"The council met. " * 5000 + b"\x00" + b"More text.")
    with pytest.raises(BinaryArticleError, match="binary file"):
        load_article(path)


def test_lone_surrogates_become_replacement_characters():
    article = Article.from_text("a \ud800 b")
    assert article.text == "a \ufffd b"
    assert len(article.fingerprint) == 64
    assert Article.from_text("Smile \ud83d\ude00 now.").text == "Smile \U0001f600 now."
    assert Article.from_text("Talks resume.", title="Bad \udc80 title").title == "Bad \ufffd title"


def test_file_names_are_printed_escaped_in_errors(tmp_path: Path):
    forged = tmp_path / "bad\nerror: forged.txt"
    forged.write_bytes(b"")
    with pytest.raises(EmptyArticleError) as info:
        load_article(forged)
    assert "\n" not in str(info.value)
    assert "bad\\nerror: forged.txt: file is empty" in str(info.value)
    assert info.value.path == str(forged)
    disguised = tmp_path / "invoice\u202etxt.exe"
    disguised.write_bytes(b"\x00\x01")
    with pytest.raises(BinaryArticleError) as info:
        load_article(disguised)
    assert "\u202e" not in str(info.value)
    assert "invoice\\u202etxt.exe" in str(info.value)


def test_article_errors_survive_pickling_between_processes():
    import pickle

    error = pickle.loads(pickle.dumps(EmptyArticleError("a.txt", "file is empty")))
    assert type(error) is EmptyArticleError
    assert str(error) == "a.txt: file is empty"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_cli_batch_goes_on_past_a_fifo_a_loop_and_a_forged_name(tmp_path: Path, capsys):
    from toolkit.cli import main

    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "x\nerror: all good.txt").write_bytes(b"\x00")
    (tmp_path / "good.txt").write_text("The mayor opened the bridge on Friday.")
    assert main(["stats", str(tmp_path), "--csv"]) == 1
    captured = capsys.readouterr()
    assert [line.split(",")[0] for line in captured.out.splitlines()[1:]] == ["good"]
    errors = captured.err.splitlines()
    assert errors == [
        f"error: {tmp_path / 'loop.txt'}: symlink loop",
        f"error: {tmp_path / 'pipe.txt'}: is a named pipe (FIFO), not a regular file",
        f"error: {tmp_path}/x\\nerror: all good.txt: binary file, not text",
        "3 input(s) failed",
    ]
