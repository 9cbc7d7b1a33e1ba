from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from corpus_samples import FAILING, IDS, write_news

import toolkit
from toolkit.article import load_article
from toolkit.cli import main
from toolkit.corpus import (
    TABLES,
    ArticleChangedError,
    Corpus,
    analyze_corpus,
    engines,
    iter_corpus,
    write_corpus,
)


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    return write_news(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def corpus(news) -> Corpus:
    return analyze_corpus(news, workers=1, progress=False)


def assert_same_corpus(a: Corpus, b: Corpus) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


def test_one_row_per_readable_article_in_input_order(corpus, news):
    articles = corpus.articles
    assert list(articles["id"]) == IDS
    assert list(articles["topic"].astype(str)) == [i.split("-")[0] for i in IDS]
    assert list(articles["path"]) == [str(news / i.replace("-", "/", 1)) + ".txt" for i in IDS]
    assert articles.loc[1, "title"] == "Retailer buys rival for £15.8m"
    assert articles.loc[1, "encoding"] == "cp1252"
    assert articles["words"].gt(0).all()
    assert list(articles.columns[:7]) == [
        "id",
        "path",
        "topic",
        "title",
        "encoding",
        "content_hash",
        "duplicate_of",
    ]


def test_duplicates_are_marked_with_the_first_copy(corpus):
    duplicate_of = corpus.articles.set_index("id")["duplicate_of"]
    assert duplicate_of["politics-003"] == "politics-001"
    assert duplicate_of.drop("politics-003").isna().all()
    hashes = corpus.articles.set_index("id")["content_hash"]
    assert hashes["politics-003"] == hashes["politics-001"]
    assert list(corpus.deduplicated().articles["id"]) == [i for i in IDS if i != "politics-003"]


def test_dedupe_drops_the_copies_from_every_table(news, corpus):
    deduped = analyze_corpus(news, workers=1, progress=False, dedupe=True)
    assert "politics-003" not in set(deduped.articles["id"])
    assert "politics-003" not in set(deduped.actors["article_id"])
    assert "politics-003" not in set(deduped.quotes["article_id"])
    assert_same_corpus(deduped, corpus.deduplicated())


def test_bad_files_are_collected_not_raised(corpus, news):
    assert list(corpus.errors["path"]) == [str(news / name) for name in FAILING]
    assert list(corpus.errors["message"]) == [
        f"{news / name}: {problem}" for name, problem in FAILING.items()
    ]


def test_tables_have_sensible_dtypes(corpus):
    assert isinstance(corpus.articles["topic"].dtype, pd.CategoricalDtype)
    assert list(corpus.actors["kind"].cat.categories[:3]) == ["person", "organization", "place"]
    assert list(corpus.quotes["kind"].cat.categories[:3]) == ["direct", "mixed", "indirect"]
    assert corpus.quotes["quoted"].dtype == "string"
    assert corpus.articles["id"].dtype == "string"
    assert corpus.quotes["speaker_start"].dtype == "Int64"
    assert list(corpus.actors.columns) == [
        "article_id",
        "actor",
        "key",
        "kind",
        "gender",
        "role",
        "mentions",
        "name_mentions",
        "demonym_mentions",
        "pronoun_mentions",
        "quotes",
        "first_offset",
    ]
    assert list(corpus.quotes.columns[:13]) == [
        "article_id",
        "kind",
        "speaker",
        "source",
        "text",
        "start",
        "end",
        "speaker_mention",
        "speaker_start",
        "speaker_end",
        "cue",
        "cue_start",
        "cue_end",
    ]
    assert list(corpus.co_mentions.columns) == ["article_id", "actor_a", "actor_b", "count"]


def test_the_quotes_table_holds_every_field_of_quote(corpus):
    """Quote.to_dict() makes the row: a field added to Quote becomes a column, typed by its
    annotation, with no change in the corpus code; the quoted spans are JSON text."""
    fields = [f.name for f in dataclasses.fields(toolkit.Quote)] + ["source"]
    assert sorted(corpus.quotes.columns) == sorted(["article_id", *fields])
    assert list(corpus.quotes.columns[13:]) == [
        f for f in fields if f not in corpus.quotes.columns[:13]
    ]
    assert corpus.quotes["closed"].dtype == "boolean"
    assert corpus.quotes["paragraphs"].dtype == "int64"
    assert corpus.quotes["rule"].dtype == "string"
    first = corpus.quotes.iloc[0]
    analysis = corpus.analysis(first["article_id"])
    row = {k: None if pd.isna(first[k]) else first[k] for k in fields}
    expected = analysis.quotes[0].to_dict()
    assert json.loads(row.pop("quoted")) == [list(span) for span in expected.pop("quoted")]
    assert row == expected


def test_rows_agree_with_the_articles(corpus):
    articles = corpus.articles.set_index("id")
    quotes_per_article = corpus.quotes.groupby("article_id").size()
    actors_per_article = corpus.actors.groupby("article_id").size()
    for article_id, row in articles.iterrows():
        assert row["n_quotes"] == quotes_per_article.get(article_id, 0)
        assert row["n_actors"] == actors_per_article.get(article_id, 0)
    pairs = corpus.co_mentions
    assert (pairs["actor_a"] < pairs["actor_b"]).all()  # one key per pair across articles
    assert len(corpus.quotes) >= 4  # every sample article quotes someone


def test_quote_offsets_slice_back_to_the_article_text(corpus):
    paths = corpus.articles.set_index("id")["path"]
    for quote in corpus.quotes.itertuples():
        text = load_article(paths[quote.article_id]).text
        assert text[quote.start : quote.end] == quote.text
        if not pd.isna(quote.speaker_start):
            assert text[quote.speaker_start : quote.speaker_end].strip()


def test_same_tables_with_one_or_two_workers(news, corpus):
    assert_same_corpus(analyze_corpus(news, workers=2, progress=False), corpus)


def test_same_tables_on_a_dask_scheduler(news, corpus):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        on_dask = analyze_corpus(
            news, engine="dask", scheduler=cluster.scheduler_address, progress=False
        )
    assert_same_corpus(on_dask, corpus)


def test_same_tables_on_a_local_dask_cluster_of_processes(news, corpus):
    pytest.importorskip("dask.distributed")
    on_dask = analyze_corpus(news, workers=2, engine="dask", progress=False)
    assert_same_corpus(on_dask, corpus)


def test_dask_engine_without_dask_says_how_to_install_it(news, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(engines.DaskUnavailableError, match=r"pip install 'toolkit\[dask\]'"):
        analyze_corpus(news, engine="dask", progress=False)


def test_a_scheduler_needs_the_dask_engine(news):
    with pytest.raises(ValueError, match="dask engine"):
        analyze_corpus(news, scheduler="tcp://127.0.0.1:8786", progress=False)


def test_an_unexpected_analysis_failure_is_one_line_and_the_run_goes_on(news, monkeypatch):
    real_analyze = toolkit.analysis.analyze

    def analyze(article, scope="speech"):
        if article.id == "politics-002":
            raise RuntimeError("tagger exploded\nwhile reading")
        return real_analyze(article, scope=scope)

    monkeypatch.setattr(toolkit.analysis, "analyze", analyze)
    corpus = analyze_corpus(news, workers=1, progress=False)
    assert "politics-002" not in set(corpus.articles["id"])
    assert len(corpus.articles) == len(IDS) - 1
    assert list(corpus.errors["message"]) == [
        f"{news / 'business/003.txt'}: file is empty",
        f"{news / 'politics/002.txt'}: analysis failed (RuntimeError: tagger exploded while reading)",
        f"{news / 'tech/002.txt'}: binary file, not text",
    ]


def test_engines_report_a_task_that_raises_as_a_failure():
    results = dict(engines.run(_invert, [2, 0, 4], workers=2))
    assert results[0] == 0.5 and results[2] == 0.25
    assert results[1] == engines.TaskFailure("ZeroDivisionError: division by zero")


def _invert(x: float) -> float:
    return 1 / x


def test_no_article_files_is_an_error_row(tmp_path):
    (tmp_path / "empty").mkdir()
    corpus = analyze_corpus(tmp_path / "empty", progress=False)
    assert len(corpus) == 0
    assert list(corpus.errors["message"]) == [f"{tmp_path / 'empty'}: no article files found"]
    assert list(corpus.articles.columns[:3]) == ["id", "path", "topic"]


def test_sample_is_reproducible_and_keeps_input_order(news):
    first = analyze_corpus(news, workers=1, sample=3, seed=7, progress=False)
    again = analyze_corpus(news, workers=1, sample=3, seed=7, progress=False)
    assert len(first.articles) + len(first.errors) == 3
    assert_same_corpus(first, again)
    ids = list(first.articles["id"])
    assert ids == sorted(ids, key=IDS.index)


def test_iter_corpus_streams_results_in_input_order(news):
    results = list(iter_corpus(news, workers=2, progress=False))
    assert [Path(r.path).relative_to(news).as_posix() for r in results] == [
        "business/001.txt",
        "business/002.txt",
        "business/003.txt",
        "politics/001.txt",
        "politics/002.txt",
        "politics/003.txt",
        "tech/001.txt",
        "tech/002.txt",
    ]
    assert [r.ok for r in results] == [True, True, False, True, True, True, True, False]


def test_parquet_round_trip(corpus, tmp_path):
    folder = corpus.to_parquet(tmp_path / "tables")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    assert_same_corpus(Corpus.read_parquet(folder), corpus)


def test_write_corpus_streams_the_same_tables(news, corpus, tmp_path):
    summary = write_corpus(news, tmp_path / "out", workers=2, progress=False)
    assert summary.articles == len(IDS)
    assert summary.duplicates == 1
    assert [path for path, _ in summary.errors] == [str(news / name) for name in FAILING]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]
    assert_same_corpus(Corpus.read_parquet(tmp_path / "out"), corpus)


def test_read_parquet_explains_a_folder_that_is_not_a_corpus(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a corpus folder"):
        Corpus.read_parquet(tmp_path)


def test_open_reads_tables_or_analyses_articles(news, corpus, tmp_path):
    corpus.to_parquet(tmp_path / "tables")
    assert_same_corpus(Corpus.open(tmp_path / "tables"), corpus)
    assert_same_corpus(Corpus.open(news, workers=1, progress=False), corpus)


def test_cli_writes_the_tables_and_reports_failures_at_the_end(news, corpus, tmp_path, capsys):
    code = main(["corpus", str(news), "--out", str(tmp_path / "out"), "--workers", "2"])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith(
        "6 articles (1 duplicate and 0 near-duplicates kept, marked in duplicate_of), "
    )
    assert out.rstrip().endswith(f"-> {tmp_path / 'out'}")
    assert err.splitlines() == [
        *(f"error: {news / name}: {problem}" for name, problem in FAILING.items()),
        "2 input(s) failed",
    ]
    assert_same_corpus(Corpus.read_parquet(tmp_path / "out"), corpus)


def test_cli_dedupe_and_clean_exit(news, tmp_path, capsys):
    good = [str(news / "politics"), str(news / "tech" / "001.txt")]
    code = main(["corpus", *good, "--out", str(tmp_path / "out"), "--dedupe", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert out.startswith("3 articles (1 duplicate and 0 near-duplicates dropped), ")
    assert list(Corpus.read_parquet(tmp_path / "out").articles["id"]) == [
        "politics-001",
        "002",
        "tech-001",
    ]


def test_cli_on_dask(news, corpus, tmp_path, capsys):
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        code = main(
            [
                "corpus",
                str(news),
                "--out",
                str(tmp_path / "out"),
                "--engine",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
            ]
        )
    capsys.readouterr()
    assert code == 1  # the two bad files
    assert_same_corpus(Corpus.read_parquet(tmp_path / "out"), corpus)


def test_cli_rejects_a_scheduler_without_the_dask_engine(news, tmp_path, capsys):
    code = main(["corpus", str(news), "--out", str(tmp_path), "--scheduler", "tcp://x:1"])
    assert code == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def test_top_actors_and_voice_share(corpus):
    table = corpus.actor_table()
    assert list(table.columns) == [
        "actor",
        "key",
        "kind",
        "articles",
        "mentions",
        "name_mentions",
        "demonym_mentions",
        "pronoun_mentions",
        "quotes",
        "quoted_articles",
        "quoted_share",
        "mention_share",
        "voice_share",
    ]
    assert table["mentions"].is_monotonic_decreasing
    totals = corpus.actors.groupby("key")["mentions"].sum()
    assert dict(zip(table["key"], table["mentions"], strict=True)) == totals.to_dict()
    assert len(corpus.top_actors(3)) == 3
    by_topic = corpus.top_actors(2, by="topic")
    assert set(by_topic["topic"]) == {"business", "politics", "tech"}
    assert by_topic.groupby("topic", observed=True).size().le(2).all()
    share = corpus.voice_share(5, kind=None)
    assert (share["quoted_articles"] + share["only_mentioned_articles"] == share["articles"]).all()
    assert share["quoted_share"].between(0, 1).all()
    assert table["voice_share"].sum() == pytest.approx(
        corpus.quotes["speaker"].notna().sum() / len(corpus.quotes)
    )
    assert table["mention_share"].sum() == pytest.approx(1.0)


def test_co_mention_table_counts_articles(corpus):
    table = corpus.co_mention_table()
    per_article = corpus.co_mentions.groupby(["actor_a", "actor_b"])["article_id"].nunique()
    for row in table.head(10).itertuples():
        assert row.articles == per_article[(row.actor_a, row.actor_b)]
    assert table["articles"].is_monotonic_decreasing


def test_kwic_shows_each_mention_of_the_actor(corpus):
    lines = corpus.deduplicated().kwic("Ruth Kelly")
    assert list(lines.columns) == ["article_id", "left", "keyword", "right", "start", "end"]
    assert lines[["article_id", "keyword"]].values.tolist() == [
        ["politics-001", "Ruth Kelly"],
        ["politics-001", "Kelly"],  # "Ms Kelly"
        ["politics-001", "Kelly"],
        ["politics-002", "Ruth Kelly"],
    ]
    assert lines.loc[1, "left"].endswith('another upheaval," Ms')
    assert lines.loc[1, "right"].startswith("told MPs.")
    assert len(corpus.kwic("Ruth Kelly", limit=2)) == 2
    assert corpus.kwic("Nobody Atall").empty


def test_who_is_quoted_and_who_only_mentioned(corpus):
    people = corpus.deduplicated().voice_share(3)
    assert people[
        ["actor", "articles", "quoted_articles", "quotes", "mentions"]
    ].values.tolist() == [
        # 4 mentions by name, and "she would meet its board"; quoted twice ("defended the rail
        # shake-up" is a judgement, not speech: it counts with scope="all" only)
        ["Ruth Kelly", 2, 1, 2, 5],
        ["Gordon Brown", 1, 1, 1, 5],  # and "his spending plans"
        ["Tim Collins", 2, 2, 3, 3],
    ]
    direct = corpus.quotes[corpus.quotes["kind"] == "direct"]
    assert direct[["article_id", "speaker", "text", "cue"]].values.tolist()[1:3] == [
        [
            "politics-001",
            "Ruth Kelly",
            "The railways need stability, not another upheaval,",
            "told",
        ],
        ["politics-002", "Gordon Brown", "We will not put stability at risk,", "said"],
    ]


def test_analysis_of_one_article_again(corpus):
    analysis = corpus.analysis("politics-002")
    assert analysis.article.id == "politics-002"
    assert len(analysis.quotes) == corpus.articles.set_index("id").loc["politics-002", "n_quotes"]
    with pytest.raises(KeyError, match="no article 'nope'"):
        corpus.analysis("nope")


def test_corpus_summary_and_html_escape_everything(corpus):
    assert repr(corpus).startswith("Corpus(articles=6, duplicates=1, failures=2, words=")
    hostile = Corpus(
        articles=corpus.articles,
        actors=corpus.actors.assign(actor="<script>alert(1)</script>"),
        quotes=corpus.quotes,
        co_mentions=corpus.co_mentions,
        errors=corpus.errors.assign(message="bad <b>file</b>"),
    )
    html = hostile._repr_html_()
    assert "<script>" not in html and "<b>file" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "bad &lt;b&gt;file&lt;/b&gt;" in html
    assert ">6<" in html  # articles


def test_co_mention_counts_agree_with_toolkit_actors(corpus):
    from toolkit.actors import co_mentions

    for article_id in corpus.articles["id"]:
        analysis = corpus.analysis(article_id)
        frame = co_mentions(analysis.article, actors=list(analysis.actors))
        expected = {
            (min(a, b), max(a, b)): n
            for a, b, n in zip(frame["actor_a"], frame["actor_b"], frame["count"], strict=True)
        }
        rows = corpus.co_mentions[corpus.co_mentions["article_id"] == article_id]
        got = dict(
            zip(zip(rows["actor_a"], rows["actor_b"], strict=True), rows["count"], strict=True)
        )
        assert got == expected
    assert len(corpus.co_mentions) > 0


def _die_on_three(x: int) -> int:
    if x == 3:
        os._exit(1)  # a worker killed mid-task (as by the out-of-memory killer)
    return x * 10


def test_a_worker_that_dies_fails_only_its_task():
    results = dict(engines.run(_die_on_three, list(range(40)), workers=2))
    assert results[3] == engines.TaskFailure(engines.WORKER_DIED)
    assert {i: r for i, r in results.items() if i != 3} == {i: i * 10 for i in range(40) if i != 3}


def test_a_dask_worker_that_dies_fails_only_its_task():
    """A task that kills its Dask worker fails its whole batch (KilledWorker): the batch is
    run again one task at a time, and only the killer fails."""
    dask = pytest.importorskip("dask")
    pytest.importorskip("dask.distributed")
    tasks = [f"{i} * 10" for i in range(40)]
    tasks[3] = "__import__('os')._exit(1)"  # eval, pickled by name, runs it on the worker
    # Declared dead at the first worker it kills (the default retries it on three more).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        results = dict(engines.run_dask(eval, tasks, workers=2, batch=8))
    assert results[3] == engines.TaskFailure(engines.WORKER_DIED)
    assert {i: r for i, r in results.items() if i != 3} == {i: i * 10 for i in range(40) if i != 3}


def test_mentions_and_shares_are_those_of_voice_share_frame(corpus):
    """One definition of mentions and voice share: the corpus sums, per actor, what
    toolkit.quotes.voice_share_frame gives for each article."""
    from toolkit.quotes import voice_share_frame

    for article_id in corpus.articles["id"]:
        analysis = corpus.analysis(article_id)
        expected = voice_share_frame(analysis.quotes, analysis.actors).set_index("actor")
        rows = corpus.actors[corpus.actors["article_id"] == article_id].set_index("actor")
        assert rows["mentions"].to_dict() == expected["mentions"].to_dict()
        assert rows["quotes"].to_dict() == expected["quotes"].to_dict()
        assert (
            rows["mentions"]
            == rows["name_mentions"] + rows["demonym_mentions"] + rows["pronoun_mentions"]
        ).all()
        alone = corpus.select([article_id]).actor_table().set_index("actor")
        for column in ("mentions", "mention_share", "voice_share"):
            assert alone[column].to_dict() == pytest.approx(expected[column].to_dict()), column


def test_tables_of_an_older_toolkit_are_read_with_todays_columns(corpus, tmp_path):
    folder = corpus.to_parquet(tmp_path / "tables")
    for name in TABLES:  # an older toolkit wrote no run id
        pd.read_parquet(folder / f"{name}.parquet").to_parquet(folder / f"{name}.parquet")
    old = pd.read_parquet(folder / "actors.parquet")
    old = old.assign(mentions=old["name_mentions"]).drop(columns="name_mentions")
    old.to_parquet(folder / "actors.parquet")  # as written when mentions counted names only
    newer = ["closed", "paragraphs", "rule"]
    old_quotes = pd.read_parquet(folder / "quotes.parquet").drop(columns=newer)
    old_quotes.to_parquet(folder / "quotes.parquet")  # before the table held every Quote field
    read = Corpus.read_parquet(folder)
    assert read.quotes["closed"].isna().all() and read.quotes["rule"].isna().all()
    assert_same_corpus(read, dataclasses.replace(corpus, quotes=read.quotes))
    columns = [c for c in corpus.quotes.columns if c not in newer]
    pd.testing.assert_frame_equal(read.quotes[columns], corpus.quotes[columns])


def test_an_article_changed_since_the_corpus_was_made_is_refused(news, tmp_path):
    copy = tmp_path / "news"
    shutil.copytree(news, copy)
    corpus = analyze_corpus(copy, workers=1, progress=False)
    rail = copy / "politics" / "001.txt"
    rail.write_text(rail.read_text(encoding="utf-8").replace("Monday", "Tuesday"), "utf-8")
    with pytest.raises(ArticleChangedError, match=r"001\.txt: the file changed since"):
        corpus.analysis("politics-001")
    assert corpus.analysis("politics-002").article.id == "politics-002"
    with pytest.warns(UserWarning, match=r"kwic: .*001\.txt: the file changed.*; left out"):
        lines = corpus.kwic("Ruth Kelly")
    assert set(lines["article_id"]) == {"politics-002", "politics-003"}


def test_open_samples_and_dedupes_tables_too(corpus, tmp_path):
    folder = corpus.to_parquet(tmp_path / "tables")
    sampled = Corpus.open(folder, sample=3, seed=7)
    assert len(sampled) == 3
    assert_same_corpus(sampled, Corpus.open(folder, sample=3, seed=7))
    ids = list(sampled.articles["id"])
    assert ids == sorted(ids, key=IDS.index)
    assert set(sampled.actors["article_id"]) <= set(ids)
    deduped = Corpus.open(folder, dedupe=True, workers=2)  # workers: nothing to run
    assert "politics-003" not in set(deduped.articles["id"])
    assert len(Corpus.open(folder, sample=100)) == len(IDS)
    with pytest.raises(ValueError, match="positive number"):
        Corpus.open(folder, sample=-1)


def test_write_corpus_never_reads_its_output_folder(news, tmp_path):
    copy = tmp_path / "news"
    shutil.copytree(news / "business", copy / "business")
    out = copy / "tables"
    out.mkdir()
    (out / "notes.txt").write_text("Notes\n\nA file someone left among the tables.\n", "utf-8")
    summary = write_corpus(copy, out, workers=1, progress=False)
    read = Corpus.read_parquet(out)
    assert list(read.articles["id"]) == ["001", "002"]
    assert summary.articles == 2
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_cli_corpus_turns_an_unexpected_error_into_one_line(news, tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("the cluster went away\nmid-run")

    monkeypatch.setattr("toolkit.corpus.write_corpus", broken)
    code = main(["corpus", str(news), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert err == "error: toolkit corpus stopped: RuntimeError: the cluster went away mid-run\n"
