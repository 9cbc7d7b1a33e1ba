"""Tables of articles: CSV, TSV, JSON lines, JSON arrays, Parquet and DataFrames (issue 11)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import read_articles
from toolkit.article import ArticleInputs, TableColumns, clean_text, load_article, parse_date
from toolkit.errors import ArticleWarning, EmptyArticleError, TableError

UTC = timezone.utc
STRIKE = "Dockers in Valmora went back to work on Friday.\n\nThe union accepted a pay offer."
FERRY = '"We will not pay more," said Mara Quist, a commuter.'


def _csv(path: Path, rows: list[dict], delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _read(source, **columns) -> list:
    with warnings.catch_warnings():
        warnings.simplefilter("error", ArticleWarning)
        return list(read_articles(source, **columns))


def _inputs(*paths, **options) -> tuple[list, list[str]]:
    notes: list[str] = []
    items = list(ArticleInputs([str(p) for p in paths], on_warning=notes.append, **options))
    return items, notes


def test_csv_rows_become_articles_with_their_metadata(tmp_path):
    table = _csv(
        tmp_path / "articles.csv",
        [
            {
                "id": "strike-1",
                "date": "2024-03-05 09:30:00",
                "outlet": "The Ledger",
                "title": "Port strike ends",
                "url": "https://ledger.example/strike",
                "authors": "By Ana Ruiz and Li Wei",
                "text": STRIKE,
                "section": "business",
            },
            {
                "id": "ferry-2",
                "date": "2024-03-06T08:00:00+01:00",
                "outlet": "Harbour Post",
                "title": "",
                "url": "",
                "authors": "",
                "text": FERRY,
                "section": "",
            },
        ],
    )
    first, second = _read(table)
    assert (first.id, first.title, first.outlet) == ("strike-1", "Port strike ends", "The Ledger")
    assert first.text == STRIKE
    assert first.date == datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    assert first.url == "https://ledger.example/strike"
    assert first.authors == ("Ana Ruiz", "Li Wei")
    assert first.meta == {"section": "business"}
    assert (first.source_path, first.source_row) == (table, 1)
    assert second.date == datetime(2024, 3, 6, 7, 0, tzinfo=UTC)
    assert second.title == FERRY  # no title column value: the opening words, as for files
    assert (second.url, second.authors) == (None, ())


def test_usual_column_names_are_recognised(tmp_path):
    media_cloud = _csv(
        tmp_path / "mc.csv",
        [{"stories_id": "991", "publish_date": "2024-03-05", "media_name": "The Ledger",
          "title": "Port strike ends", "url": "https://ledger.example/s", "text": STRIKE}],
    )  # fmt: skip
    (article,) = _read(media_cloud)
    assert (article.id, article.outlet, article.date.day) == ("991", "The Ledger", 5)
    assert TableColumns.recognise(["Headline", "Body", "Published", "Source", "Byline"]) == {
        "text": "Body",
        "date": "Published",
        "outlet": "Source",
        "title": "Headline",
        "authors": "Byline",
    }


def test_named_columns_win_over_recognised_ones(tmp_path):
    table = _csv(
        tmp_path / "t.csv",
        [{"text": "teaser only", "full_story": STRIKE, "paper": "The Ledger", "when": "20240305"}],
    )
    (article,) = _read(table, text="full_story", outlet="PAPER", date="when")
    assert (article.text, article.outlet) == (STRIKE, "The Ledger")
    assert article.date == datetime(2024, 3, 5, tzinfo=UTC)
    assert article.meta == {"text": "teaser only"}


def test_jsonl_with_newsapi_style_fields(tmp_path):
    path = tmp_path / "news.jsonl"
    records = [
        {"headline": "Port strike ends", "body": STRIKE, "published": 1709631000,
         "source": {"id": "ledger", "name": "The Ledger"}, "author": ["Ana Ruiz"]},
        {"headline": "Fares", "body": FERRY, "published": "Tue, 05 Mar 2024 10:00:00 +0100"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    first, second = _read(path)
    assert (first.title, first.outlet, first.authors) == (
        "Port strike ends",
        "The Ledger",
        ("Ana Ruiz",),
    )
    assert first.date == datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    assert second.date == datetime(2024, 3, 5, 9, 0, tzinfo=UTC)
    assert (first.id, second.id) == ("news-1", "news-2")  # no id column: table name and row


def test_json_array_is_streamed_and_errors_name_the_line(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text(
        '[\n  {"title": "Port strike ends", "text": "Dockers went back."},\n'
        '  {"title": "Fares", "text": "Fares rose."},\n  {"title": "Broken", "text": }\n]\n',
        encoding="utf-8",
    )
    items, _ = _inputs(path)
    assert [i.article.title for i in items[:2]] == ["Port strike ends", "Fares"]
    assert items[2].source == f"{path}:4"
    assert str(items[2].error).startswith(f"{path}:4: not valid JSON")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"status": "ok", "articles": [{"content": FERRY}]}))
    assert [a.text for a in _read(wrapped)] == [FERRY]


def test_parquet_keeps_types_and_streams(tmp_path):
    path = tmp_path / "articles.parquet"
    frame = pd.DataFrame(
        {
            "id": ["p1", "p2"],
            "published": pd.to_datetime(["2024-03-05 09:30", "2024-03-06 10:00"]).tz_localize(
                "Europe/Berlin"
            ),
            "site": ["The Ledger", "Harbour Post"],
            "content": [STRIKE, FERRY],
            "words": [15, 9],
        }
    )
    frame.to_parquet(path)
    first, second = _read(path)
    assert first.date == datetime(2024, 3, 5, 8, 30, tzinfo=UTC)
    assert first.date.tzinfo is not None
    assert (second.id, second.outlet, second.meta) == ("p2", "Harbour Post", {"words": 9})


def test_dataframe_in_python(tmp_path):
    frame = pd.DataFrame(
        {
            "title": ["Port strike ends", "Fares"],
            "text": [STRIKE, None],
            "date": ["2024-03-05", None],
        }
    )
    with pytest.warns(ArticleWarning, match="row 2: empty text"):
        assert [a.title for a in read_articles(frame)] == ["Port strike ends"]


def test_tsv_semicolons_and_gzip(tmp_path):
    rows = [{"title": "Port strike ends", "text": STRIKE}]
    tsv = _csv(tmp_path / "a.tsv", rows, delimiter="\t")
    semicolons = _csv(tmp_path / "b.csv", rows, delimiter=";")
    packed = tmp_path / "c.csv.gz"
    packed.write_bytes(gzip.compress(_csv(tmp_path / "c.csv", rows).read_bytes()))
    for path in (tsv, semicolons, packed):
        assert [a.text for a in _read(path)] == [STRIKE]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5, tzinfo=UTC)),
        ("2024-03-05 09:30:00", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("2024-03-05T09:30:00Z", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("2024-03-05T09:30:00-05:00", datetime(2024, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=-5)))),
        ("Tue, 05 Mar 2024 09:30:00 GMT", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("1709631000", datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        (1709631000000, datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        ("March 5, 2024", datetime(2024, 3, 5, tzinfo=UTC)),
        ("", None),
        (None, None),
    ],
)  # fmt: skip
def test_dates_are_timezone_aware(value, expected):
    parsed = parse_date(value)
    assert parsed == expected
    assert parsed is None or parsed.tzinfo is not None


@pytest.mark.parametrize("value", ["yesterday", "2024", "05/03/24", "32 March 2024"])
def test_values_that_are_not_dates_raise(value):
    with pytest.raises(ValueError, match="not a date"):
        parse_date(value)


def test_unparsable_dates_are_kept_as_text_and_reported_once_per_column(tmp_path):
    table = _csv(
        tmp_path / "t.csv",
        [
            {"date": "yesterday", "text": STRIKE},
            {"date": "2024-03-05", "text": FERRY},
            {"date": "last week", "text": "Fares rose again."},
        ],
    )
    items, notes = _inputs(table)
    articles = [i.article for i in items]
    assert [a.date for a in articles] == [None, datetime(2024, 3, 5, tzinfo=UTC), None]
    assert [a.meta.get("date") for a in articles] == ["yesterday", None, "last week"]
    assert notes == [
        f"{table}: column 'date': 2 value(s) not a date (first 'yesterday' at line 2); "
        "kept as text in meta"
    ]


def test_a_malformed_csv_row_is_an_error_naming_the_line_and_other_rows_run(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(
        'id,title,text\na1,Port strike ends,"Dockers\n\nwent back."\n'
        "a2,Fares,rose,again,badly\na3,Ferries,Ferry fares rose.\n",
        encoding="utf-8",
    )
    items, _ = _inputs(table)
    assert [i.article.id if i.article else None for i in items] == ["a1", None, "a3"]
    assert str(items[1].error) == f"{table}:5: malformed CSV row: 5 fields where the header has 3"


def test_a_malformed_json_line_is_an_error_and_other_lines_run(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(
        json.dumps({"text": STRIKE}) + "\n[1, 2]\n{oops\n" + json.dumps({"text": FERRY}) + "\n"
    )
    items, _ = _inputs(path)
    assert [str(i.error) if i.error else i.article.text for i in items] == [
        STRIKE,
        f"{path}:2: expected a JSON object, found an array",
        f"{path}:3: not valid JSON (Expecting property name enclosed in double quotes)",
        FERRY,
    ]


def test_an_empty_text_is_one_failed_article(tmp_path):
    table = _csv(tmp_path / "t.csv", [{"id": "a1", "text": "  "}, {"id": "a2", "text": FERRY}])
    items, _ = _inputs(table)
    assert isinstance(items[0].error, EmptyArticleError)
    assert str(items[0].error) == f"{table}:2: empty text (column 'text')"
    assert items[1].article.id == "a2"


def test_duplicate_ids_are_made_unique_with_a_warning(tmp_path):
    table = _csv(
        tmp_path / "t.csv",
        [{"id": "a1", "text": STRIKE}, {"id": "a1", "text": FERRY}, {"id": "a1", "text": "More."}],
    )
    items, notes = _inputs(table)
    assert [i.article.id for i in items] == ["a1", "a1-2", "a1-3"]
    # The first record spans lines 2-4 (its text has a blank line): the repeat starts on line 5.
    assert notes == [f"{table}: 2 duplicate id(s) made unique (first 'a1' at line 5 -> 'a1-2')"]


def test_unsafe_ids_are_made_safe_and_the_original_kept(tmp_path):
    table = _csv(tmp_path / "t.csv", [{"id": "../../etc/passwd", "text": STRIKE}])
    (article,) = _read(table)
    assert article.id == "etc-passwd"
    assert article.meta == {"id": "../../etc/passwd"}


def test_no_text_column_is_one_error_listing_the_columns(tmp_path):
    table = _csv(tmp_path / "t.csv", [{"id": "a1", "headline": "Port strike ends", "lede": "x"}])
    items, _ = _inputs(table)
    assert len(items) == 1
    message = str(items[0].error)
    assert message.startswith(f"{table}: no text column (looked for text, body, content,")
    assert "it has: id, headline, lede" in message
    with pytest.raises(TableError, match="no column 'story' \\(given as the text column\\)"):
        list(read_articles(table, text="story", errors="raise"))


def test_a_folder_holding_a_table_reads_it_as_a_table(tmp_path):
    _csv(tmp_path / "export.csv", [{"title": "Port strike ends", "text": STRIKE}])
    (tmp_path / "note.txt").write_text(FERRY)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "README.md").write_text("About this export.")
    inputs = ArticleInputs([tmp_path])
    assert [i.article.id for i in inputs] == ["export-1", "note"]
    assert inputs.scan.skipped_summary() == "2 files skipped: 1 README-style, 1 not an article format"


def test_load_article_refuses_a_table_and_points_to_read_articles(tmp_path):
    table = _csv(tmp_path / "t.csv", [{"text": STRIKE}])
    with pytest.raises(TableError, match="one per row: read it with read_articles"):
        load_article(table)


def test_a_long_text_field_is_read(tmp_path):
    long_text = "The council met again. " * 20_000  # 460 KB, over the csv module's default limit
    (article,) = _read(_csv(tmp_path / "t.csv", [{"text": long_text}]))
    assert article.text == long_text.strip()


def test_errors_raise_mode_and_nothing_readable(tmp_path):
    table = _csv(tmp_path / "t.csv", [{"id": "a1", "text": ""}, {"id": "a2", "text": FERRY}])
    with pytest.raises(EmptyArticleError, match=":2: empty text"):
        list(read_articles(table, errors="raise"))
    empty_only = _csv(tmp_path / "e.csv", [{"id": "a1", "text": ""}])
    with pytest.warns(ArticleWarning), pytest.raises(EmptyArticleError):
        list(read_articles(empty_only))


def test_cli_reads_a_table_one_result_per_row(tmp_path, capsys):
    from toolkit.cli import main

    table = _csv(
        tmp_path / "t.csv",
        [
            {"copy": STRIKE, "paper": "The Ledger", "day": "2024-03-05"},
            {"copy": "", "paper": "The Ledger", "day": "2024-03-06"},
            {"copy": FERRY, "paper": "Harbour Post", "day": "soon"},
        ],
    )
    argv = ["stats", str(table), "--csv", "--text-col", "copy", "--outlet-col", "paper"]
    assert main([*argv, "--date-col", "day"]) == 1
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert [(r["id"], r["row"], r["outlet"], r["date"]) for r in rows] == [
        ("t-1", "1", "The Ledger", "2024-03-05T00:00:00+00:00"),
        ("t-3", "3", "Harbour Post", ""),
    ]
    assert captured.err.splitlines() == [
        f"error: {table}:5: empty text (column 'copy')",
        f"warning: {table}: column 'day': 1 value(s) not a date (first 'soon' at line 6); "
        "kept as text in meta",
        "1 input(s) failed",
    ]


def test_cli_without_a_text_column_says_which_columns_there_are(tmp_path, capsys):
    from toolkit.cli import main

    table = _csv(tmp_path / "t.csv", [{"id": "a1", "copy": STRIKE}])
    assert main(["quotes", str(table)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"error: {table}: no text column")
    assert "it has: id, copy" in err[0]
    assert main(["quotes", str(table), "--text-col", "copy", "--json"]) == 0


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
    ).filter(lambda t: clean_text(t))
)
def test_any_text_survives_a_csv_round_trip(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("rt") / "t.csv"
    _csv(path, [{"id": "a", "text": text}])
    (article,) = _read(path)
    assert article.text == clean_text(text)


def test_cli_counts_the_files_it_skips_on_purpose(tmp_path, capsys):
    from toolkit.cli import main

    _csv(tmp_path / "export.csv", [{"title": "Port strike ends", "text": STRIKE}])
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    assert main(["stats", str(tmp_path), "--csv"]) == 0
    captured = capsys.readouterr()
    assert [line.split(",")[0] for line in captured.out.splitlines()[1:]] == ["export-1"]
    assert captured.err.splitlines() == ["note: 2 files skipped: 1 hidden, 1 not an article format"]
