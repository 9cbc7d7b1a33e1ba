"""``toolkit corpus`` under faults: a killed parent leaves no worker behind, a killed worker
does not stop the run, a run stopped between its final renames is refused by readers and
repaired by the next run, and ``kill -9`` at random points always ends, after a rerun, in
one run's complete tables with no process or temporary file left."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path

import pytest
from corpus_faults import (
    corpus_command,
    kill_and_rerun,
    run_watched,
    temp_files,
    wait_gone,
    write_many_news,
)
from corpus_samples import write_news

from toolkit.cli import main
from toolkit.corpus import (
    Corpus,
    MixedTablesError,
    analyze_corpus,
    engines,
    iter_corpus,
    write_corpus,
)
from toolkit.corpus._folder import locked

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    return write_news(tmp_path_factory.mktemp("faults"))


@pytest.fixture(scope="module")
def corpus(news) -> Corpus:
    return analyze_corpus(news, workers=1, progress=False)


def assert_same_corpus(a: Corpus, b: Corpus) -> None:
    import pandas as pd

    from toolkit.corpus import TABLES

    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)


# --- workers die with their parent ----------------------------------------------------------


def test_pool_workers_die_with_their_parent():
    script = (
        "import time\n"
        "from toolkit.corpus import engines\n"
        "for _ in engines.run(time.sleep, [0.5] * 40, workers=2):\n"
        "    pass\n"
    )
    code, seen = run_watched([sys.executable, "-c", script], kill_after=3.0)
    assert code == -signal.SIGKILL
    assert len(seen) >= 2  # the workers had started
    assert wait_gone(seen) == set()


# --- a killed worker ------------------------------------------------------------------------


def _slow_square(x: int) -> int:
    time.sleep(0.05)
    return x * x


def _kill_a_worker() -> None:
    """Kill one pool worker, and give the pool time to notice before it is used again (the
    case that stopped the run: the next batch sent to a pool already broken)."""
    os.kill(multiprocessing.active_children()[0].pid, signal.SIGKILL)
    time.sleep(1.0)


def test_a_worker_killed_mid_run_has_its_tasks_run_again():
    results = {}
    for n, (index, result) in enumerate(engines.run(_slow_square, list(range(40)), workers=2)):
        results[index] = result
        if n == 0:
            _kill_a_worker()
    assert results == {i: i * i for i in range(40)}


def test_a_corpus_run_goes_on_when_a_worker_is_killed(news, corpus):
    results = []
    for result in iter_corpus(news, workers=2, progress=False):
        results.append(result)
        if len(results) == 1:
            _kill_a_worker()
    assert [r.path for r in results] == [
        r.path for r in iter_corpus(news, workers=1, progress=False)
    ]
    assert [r.article["id"] for r in results if r.ok] == list(corpus.articles["id"])


# --- a run stopped between its final renames ------------------------------------------------

STOP_AFTER = (
    "import os, signal, sys\n"
    "from toolkit.corpus import _write, write_corpus\n"
    "def stop(table):\n"
    "    if table == sys.argv[3]:\n"
    "        os.kill(os.getpid(), signal.SIGKILL)\n"
    "_write.fault_hook = stop\n"
    "write_corpus(sys.argv[1], sys.argv[2], workers=1, progress=False)\n"
)


@pytest.mark.parametrize("last", ["articles", "co_mentions"])
def test_a_run_killed_between_its_renames_is_refused_then_repaired(news, corpus, tmp_path, last):
    out = tmp_path / "tables"
    write_corpus(news / "politics", out, workers=1, progress=False)  # an earlier run's tables
    (out / ".tk-index.html.1a2b.tmp").write_text("another tool's file", "utf-8")
    code, _ = run_watched([sys.executable, "-c", STOP_AFTER, str(news), str(out), last])
    assert code == -signal.SIGKILL
    with pytest.raises(MixedTablesError) as refused:
        Corpus.read_parquet(out)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"{out}: the tables are not from one run (")
    assert "write them again (toolkit corpus ... --out FOLDER)" in message
    with pytest.raises(MixedTablesError):
        Corpus.open(out)
    not_renamed = {"articles": 4, "co_mentions": 1}[last]
    assert len(temp_files(out)) == not_renamed + 1  # and the other tool's file
    write_corpus(news, out, workers=1, progress=False)
    assert temp_files(out) == [".tk-index.html.1a2b.tmp"]  # only the corpus's own are swept
    assert_same_corpus(Corpus.read_parquet(out), corpus)


def test_a_set_missing_a_table_is_refused(corpus, tmp_path):
    folder = corpus.to_parquet(tmp_path / "tables")
    (folder / "errors.parquet").unlink()
    with pytest.raises(MixedTablesError, match=r"errors: missing\)"):
        Corpus.read_parquet(folder)


def test_one_writer_at_a_time(news, tmp_path, capsys):
    out = tmp_path / "tables"
    out.mkdir()
    with locked(out):
        with pytest.raises(OSError, match="in use by another run writing corpus tables"):
            write_corpus(news, out, workers=1, progress=False)
        assert main(["corpus", str(news), "--out", str(out)]) == 2
    assert capsys.readouterr().err == f"error: {out}: in use by another run writing corpus tables\n"
    assert write_corpus(news, out, workers=1, progress=False).articles == 6


# --- kill -9 at random points ---------------------------------------------------------------

SEEDS = 3


@pytest.fixture(scope="module")
def killed_runs(tmp_path_factory):
    """The many-copies corpus, its tables, and how long a whole run takes."""
    root = tmp_path_factory.mktemp("killed")
    many = write_many_news(root, copies=6)
    out = root / "tables"
    command = corpus_command([many], out)
    start = time.monotonic()
    code, seen = run_watched(command)
    seconds = time.monotonic() - start
    assert code == 1 and wait_gone(seen) == set()  # 1: the sample's two bad files per copy
    return command, out, seconds, analyze_corpus(many, workers=1, progress=False)


@pytest.mark.parametrize("seed", range(SEEDS))
def test_killed_at_a_random_point_then_rerun(killed_runs, seed):
    command, out, seconds, reference = killed_runs
    # Seed i kills in the i-th third of a run: early (start-up), middle, late (writing).
    window = (seconds * seed / SEEDS, seconds * (seed + 1) / SEEDS)
    trial = kill_and_rerun(seed, command, out, window, reference)
    assert trial.state in ("one run", "refused")  # never a mix read silently
    assert trial.left_after_kill == set()
    assert trial.rerun_code == 1
    assert trial.left_after_rerun == set()
    assert trial.temp_after_rerun == []
    assert trial.whole
