"""Fault injection for ``toolkit corpus``: kill it (``kill -9``) at a random point, look at
what it left, run it again, and check that the tables are one run's, complete, and that no
process or temporary file is left. Used by tests/test_corpus_faults.py (3 seeds) and
benchmarks/bench_corpus_faults.py (20 seeds or more). Linux only (reads /proc).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_command(paths: list[Path], out: Path, workers: int = 2, engine: str = "local"):
    return [sys.executable, "-m", "toolkit", "corpus", *map(str, paths), "--out", str(out),
            "--workers", str(workers), "--engine", engine, "--no-progress"]  # fmt: skip


def environment() -> dict[str, str]:
    """This checkout's code first on the path, whatever the caller's working folder."""
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


# --- processes --------------------------------------------------------------------------------


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state letter) of a process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), fields[0]


def descendants(pid: int) -> set[int]:
    """Every living process below ``pid``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            children.setdefault(stat[0], []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    """Those still running (a zombie has ended: it only waits to be reaped)."""
    return {pid for pid in pids if (stat := _stat(pid)) is not None and stat[1] != "Z"}


def wait_gone(pids: set[int], timeout: float = 5.0) -> set[int]:
    """The processes still alive after up to ``timeout`` seconds (killed then, so that a
    failed check leaves nothing running)."""
    deadline = time.monotonic() + timeout
    while (left := alive(pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    return left


def run_watched(command: list[str], kill_after: float | None = None) -> tuple[int, set[int]]:
    """Run ``command``, noting every process it starts; ``kill -9`` it after ``kill_after``
    seconds unless it ended first. Returns its exit code (-9 when killed) and the processes
    it started."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment()
    )
    seen: set[int] = set()
    deadline = None if kill_after is None else time.monotonic() + kill_after
    while process.poll() is None and (deadline is None or time.monotonic() < deadline):
        seen |= descendants(process.pid)
        time.sleep(0.02)
    if process.poll() is None:
        seen |= descendants(process.pid)
        process.send_signal(signal.SIGKILL)
    return process.wait(), seen


# --- the tables -------------------------------------------------------------------------------


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".tk-*.tmp")) if folder.is_dir() else []


def table_state(folder: Path) -> str:
    """What a reader finds: "none" (no tables yet), "one run", or "refused" (a mixed set,
    which Corpus.read_parquet refuses)."""
    from toolkit.corpus import Corpus, MixedTablesError

    try:
        Corpus.read_parquet(folder)
    except FileNotFoundError:
        return "none"
    except MixedTablesError:
        return "refused"
    return "one run"


@dataclass
class Trial:
    """One kill and rerun."""

    seed: int
    delay: float
    killed: bool
    state: str  # what a reader found after the kill
    temp_left_by_kill: int
    workers_seen: int
    left_after_kill: set[int] = field(default_factory=set)
    left_after_rerun: set[int] = field(default_factory=set)
    temp_after_rerun: list[str] = field(default_factory=list)
    rerun_code: int = 0
    rerun_seconds: float = 0.0
    whole: bool = False  # the rerun's tables equal the reference and are one run's


def kill_and_rerun(
    seed: int, command: list[str], out: Path, window: tuple[float, float], reference
) -> Trial:
    """Kill ``command`` after a random delay in ``window`` (seconds), then run it again to
    the end and compare the tables with ``reference`` (a Corpus)."""
    from toolkit.corpus import Corpus

    delay = random.Random(seed).uniform(*window)
    code, seen = run_watched(command, kill_after=delay)
    trial = Trial(
        seed=seed,
        delay=delay,
        killed=code == -signal.SIGKILL,
        state=table_state(out),
        temp_left_by_kill=len(temp_files(out)),
        workers_seen=len(seen),
        left_after_kill=wait_gone(seen),
    )
    start = time.monotonic()
    trial.rerun_code, seen = run_watched(command)
    trial.rerun_seconds = time.monotonic() - start
    trial.left_after_rerun = wait_gone(seen)
    trial.temp_after_rerun = temp_files(out)
    trial.whole = table_state(out) == "one run" and same_tables(Corpus.read_parquet(out), reference)
    return trial


def same_tables(a, b) -> bool:
    """The same rows, columns and dtypes in every table of two corpora."""
    import pandas as pd

    from toolkit.corpus import TABLES

    try:
        for name in TABLES:
            pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), obj=name)
    except AssertionError:
        return False
    return True


def write_many_news(root: Path, copies: int) -> Path:
    """``copies`` copies of the sample news corpus (tests/corpus_samples.py), a folder each."""
    from corpus_samples import write_news

    many = root / "many"
    many.mkdir(parents=True, exist_ok=True)
    for k in range(copies):
        write_news(root / f"copy{k:02d}").rename(many / f"batch{k:02d}")
    return many
