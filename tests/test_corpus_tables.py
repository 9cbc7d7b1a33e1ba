"""``toolkit corpus`` and ``analyze_corpus`` on tables of articles: one article per row, the
row's metadata in the tables, bad rows reported with their line, rows read again later."""

from __future__ import annotations

import itertools
import json
import warnings
from pathlib import Path

import pandas as pd
import pytest
from corpus_samples import DESK, DESK_IDS, FERRY_AGAIN, write_desk, write_messy_table

from toolkit.article import Article
from toolkit.cli import main
from toolkit.corpus import ArticleChangedError, Corpus, analyze_corpus, engines
from toolkit.errors import ArticleWarning


@pytest.fixture(scope="module")
def desk(tmp_path_factory) -> Path:
    return write_desk(tmp_path_factory.mktemp("tables"))


@pytest.fixture(scope="module")
def corpus(desk) -> Corpus:
    return analyze_corpus(desk, workers=1, progress=False)


def articles_without_paths(corpus: Corpus) -> pd.DataFrame:
    return corpus.articles.drop(columns=["path"])


def test_a_table_gives_one_article_per_row_with_its_metadata(corpus, desk):
    articles = corpus.articles
    assert list(articles["id"]) == DESK_IDS
    assert list(articles["row"]) == [1, 2, 3, 4, 5, 6]
    assert set(articles["path"]) == {str(desk / "stories.csv")}
    assert list(articles["title"]) == [title for _, _, _, title, _ in DESK]
    assert list(articles["outlet"].astype(str)) == [outlet for _, _, outlet, _, _ in DESK]
    assert [d.isoformat() for d in articles["date"]] == [
        "2024-03-04T00:00:00+00:00",
        "2024-03-05T08:15:00+00:00",
        "2024-03-12T09:00:00+00:00",
        "2024-03-20T00:00:00+00:00",
        "2024-03-21T07:30:00+00:00",
        "2024-03-26T00:00:00+00:00",
    ]
    # The other columns are kept as text columns; the section is the topic.
    assert list(articles["meta_section"]) == ["port"] * 5 + ["housing"]
    assert list(articles["topic"].astype(str)) == ["port"] * 5 + ["housing"]
    assert articles.set_index("id").at["wire-0001", "meta_id"] == "wire/0001"
    assert corpus.errors.empty


def test_metadata_columns_have_their_types(corpus):
    dtypes = corpus.articles.dtypes.astype(str)
    assert dtypes["date"] == "datetime64[us, UTC]"
    assert dtypes["row"] == "Int64"
    assert dtypes["outlet"] == "category"
    assert (dtypes["url"], dtypes["authors"], dtypes["meta_section"]) == ("string",) * 3
    head = ["id", "path", "topic", "title", "encoding", "content_hash", "duplicate_of"]
    head += ["duplicate_kind", "duplicate_similarity"]
    assert list(corpus.articles.columns[:14]) == [*head, "row", "date", "outlet", "url", "authors"]
    # The other fields last, in the order they first appear.
    assert list(corpus.articles.columns[-2:]) == ["meta_section", "meta_id"]


def test_parquet_keeps_the_types(corpus, tmp_path):
    import pyarrow.parquet as pq

    corpus.to_parquet(tmp_path / "tables")
    again = Corpus.read_parquet(tmp_path / "tables")
    pd.testing.assert_frame_equal(again.articles, corpus.articles)
    field = pq.read_schema(tmp_path / "tables" / "articles.parquet").field("date")
    assert str(field.type) == "timestamp[us, tz=UTC]"


def test_json_lines_and_parquet_tables_give_the_same_articles(corpus, tmp_path):
    frame = pd.DataFrame(DESK, columns=["id", "date", "outlet", "title", "text"])
    frame.insert(4, "section", ["port"] * 5 + ["housing"])
    frame.to_json(tmp_path / "stories.jsonl", orient="records", lines=True)
    frame.to_parquet(tmp_path / "stories.parquet")
    for name in ("stories.jsonl", "stories.parquet"):
        other = analyze_corpus(tmp_path / name, workers=1, progress=False)
        pd.testing.assert_frame_equal(
            articles_without_paths(other), articles_without_paths(corpus), obj=name
        )


def test_bad_rows_are_reported_with_file_and_line_and_the_run_goes_on(tmp_path):
    table = write_messy_table(tmp_path)
    with pytest.warns(ArticleWarning) as caught:
        corpus = analyze_corpus(table, workers=1, progress=False)
    assert list(corpus.articles["id"]) == ["m-1", "m-1-2", "m-4"]
    assert list(corpus.errors["path"]) == [f"{table}:3", f"{table}:4"]
    assert list(corpus.errors["message"]) == [
        f"{table}:3: malformed CSV row: 6 fields where the header has 4",
        f"{table}:4: empty text (column 'text')",
    ]
    # A date that is no date is kept as text, and said once.
    assert corpus.articles.set_index("id").at["m-4", "meta_date"] == "next Tuesday"
    assert pd.isna(corpus.articles.set_index("id").at["m-4", "date"])
    assert [str(w.message) for w in caught] == [
        f"{table}: column 'date': 1 value(s) not a date (first 'next Tuesday' at line 6); "
        "kept as text in meta",
        f"{table}: 1 duplicate id(s) made unique (first 'm-1' at line 5 -> 'm-1-2')",
    ]


def test_cli_reads_a_folder_holding_a_table_and_counts_what_it_skipped(desk, tmp_path, capsys):
    code = main(["corpus", str(desk), "--out", str(tmp_path / "out"), "--workers", "2"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("6 articles (")
    assert out.rstrip().endswith(
        f"-> {tmp_path / 'out'}; 3 files skipped: 1 README-style, 1 hidden, 1 not an article format"
    )
    assert list(Corpus.read_parquet(tmp_path / "out").articles["id"]) == DESK_IDS


def test_cli_reports_bad_rows_with_their_line_at_the_end(tmp_path, capsys):
    table = write_messy_table(tmp_path)
    code = main(["corpus", str(table), "--out", str(tmp_path / "out"), "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith("3 articles (")
    assert err.splitlines() == [
        f"warning: {table}: column 'date': 1 value(s) not a date (first 'next Tuesday' at "
        "line 6); kept as text in meta",
        f"warning: {table}: 1 duplicate id(s) made unique (first 'm-1' at line 5 -> 'm-1-2')",
        f"error: {table}:3: malformed CSV row: 6 fields where the header has 4",
        f"error: {table}:4: empty text (column 'text')",
        "2 input(s) failed",
    ]


def write_unusual_table(folder: Path) -> Path:
    """The desk's stories under column names no export uses."""
    frame = pd.DataFrame(
        {
            "story_ref": [i for i, *_ in DESK],
            "filed": [d for _, d, *_ in DESK],
            "masthead": [o for _, _, o, *_ in DESK],
            "words_of_story": [t for *_, t in DESK],
        }
    )
    path = folder / "unusual.tsv"
    frame.to_csv(path, sep="\t", index=False)
    return path


def test_cli_takes_the_columns_by_name(tmp_path, capsys):
    table = write_unusual_table(tmp_path)
    options = ["--text-col", "words_of_story", "--id-col", "story_ref", "--date-col", "filed"]
    code = main(["corpus", str(table), "--out", str(tmp_path / "out"), *options])
    assert code == 0, capsys.readouterr().err
    corpus = Corpus.read_parquet(tmp_path / "out")
    assert list(corpus.articles["id"]) == DESK_IDS
    assert corpus.articles["date"].notna().all()
    assert list(corpus.articles["meta_masthead"]) == [o for _, _, o, *_ in DESK]
    # The columns named are kept with the tables, so that rows can be read again.
    assert corpus.columns.given() == {"text": "words_of_story", "id": "story_ref", "date": "filed"}
    assert corpus.analysis("courier-0002").article.text == Article.from_text(FERRY_AGAIN).text


def test_a_table_without_a_text_column_is_one_error_listing_its_columns(tmp_path, capsys):
    table = write_unusual_table(tmp_path)
    code = main(["corpus", str(table), "--out", str(tmp_path / "out")])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines()[0].startswith(
        f"error: {table}: no text column (looked for text, body, content,"
    )
    assert "it has: story_ref, filed, masthead, words_of_story;" in err


def test_ids_already_used_by_another_input_are_made_unique(desk, tmp_path):
    (tmp_path / "ledger-0001.txt").write_text("Rates held\n\nThe bank held rates.\n")
    with pytest.warns(ArticleWarning, match="1 id.* already used by another input made unique"):
        corpus = analyze_corpus([tmp_path / "ledger-0001.txt", desk], workers=1, progress=False)
    assert list(corpus.articles["id"])[:3] == ["ledger-0001", "ledger-0001-2", "courier-0001"]


def test_analysis_and_kwic_read_the_rows_of_the_table_again(corpus):
    analysis = corpus.analysis("courier-0002")
    assert analysis.article.id == "courier-0002"
    assert analysis.article.outlet == "Kelso Courier"
    assert analysis.article.text == Article.from_text(FERRY_AGAIN).text
    lines = corpus.kwic("Teo Vance", limit=None)
    assert list(lines["article_id"].drop_duplicates()) == [
        "ledger-0001",
        "courier-0001",
        "ledger-0002",
        "wire-0001",
        "courier-0002",
    ]
    assert set(lines["keyword"]) == {"Teo Vance", "Vance"}


def test_a_row_changed_since_the_corpus_was_made_is_refused(tmp_path):
    desk = write_desk(tmp_path)
    corpus = analyze_corpus(desk, workers=1, progress=False)
    table = desk / "stories.csv"
    table.write_text(table.read_text().replace("four new cranes", "six new cranes"))
    with pytest.raises(ArticleChangedError, match=r"stories.csv: row 3: the file changed"):
        corpus.analysis("ledger-0002")
    with pytest.warns(UserWarning, match="kwic: .*row 3: the file changed"):
        lines = corpus.kwic("Teo Vance", limit=None)
    assert "ledger-0002" not in set(lines["article_id"])
    assert "courier-0002" in set(lines["article_id"])


def test_a_sample_of_rows_keeps_their_ids_and_order(desk, corpus):
    sample = analyze_corpus(desk, workers=1, sample=3, seed=4, progress=False)
    again = analyze_corpus(desk, workers=1, sample=3, seed=4, progress=False)
    ids = list(sample.articles["id"])
    assert len(ids) == 3 and ids == list(again.articles["id"])
    assert ids == [i for i in DESK_IDS if i in ids]
    same_rows = corpus.articles[corpus.articles["id"].isin(ids)].reset_index(drop=True)
    pd.testing.assert_frame_equal(
        sample.articles, same_rows[sample.articles.columns], check_categorical=False
    )


def test_the_dask_engine_takes_the_table_in_row_ranges(desk, corpus):
    pytest.importorskip("dask.distributed")
    on_dask = analyze_corpus(desk, workers=2, engine="dask", progress=False)
    for name in ("articles", "actors", "quotes", "co_mentions"):
        pd.testing.assert_frame_equal(getattr(on_dask, name), getattr(corpus, name), obj=name)


def test_engines_take_tasks_from_a_stream_only_as_workers_free_up():
    taken = []

    def stream():
        for n in range(200):
            taken.append(n)
            yield n

    results = engines.run(abs, stream(), workers=2)
    first = next(results)
    assert first[1] == first[0]
    # Two workers hold two batches each (of 2 tasks when the length is not known).
    assert len(taken) <= 2 * engines.LOCAL_IN_FLIGHT_PER_WORKER * 2 + 2
    assert sorted(itertools.chain([first], results)) == [(n, n) for n in range(200)]


def test_the_table_columns_survive_a_round_trip_through_parquet(tmp_path):
    table = write_unusual_table(tmp_path)
    columns = {"text": "words_of_story", "id": "story_ref"}
    corpus = analyze_corpus(table, workers=1, progress=False, columns=columns)
    corpus.to_parquet(tmp_path / "tables")
    metadata = json.loads(
        __import__("pyarrow.parquet")
        .parquet.read_schema(tmp_path / "tables" / "articles.parquet")
        .metadata[b"toolkit.corpus.columns"]
    )
    assert metadata == columns
    again = Corpus.read_parquet(tmp_path / "tables")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert again.analysis("wire-0001").article.id == "wire-0001"
