"""Fault injection for `toolkit report`: kill the batch at a random moment, check what it left,
run it again, check that the output folder is whole and consistent.

Used by tests/test_report_faults.py (3 seeds) and benchmarks/bench_report_faults.py (20).
Each check that fails raises :class:`AssertionError` naming the seed, so a failure can be
replayed with that seed.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from report_samples import HARBOUR, kernels_started_by, missing_links, read, wait_for

#: Seconds after the start at which a batch is killed: from before the kernels are up to
#: after the last report (a batch of these articles takes about 3 to 8 s here).
KILL_WINDOW = (0.2, 6.0)


@dataclass
class FaultRun:
    """What one seed did: the signal, when, and what the interrupted batch had done."""

    seed: int
    signal: str
    delay: float
    reports_when_stopped: int
    seconds_to_stop: float  # from the signal to the batch's exit
    rebuilt: int  # reports the rerun built


def run_with_fault(seed: int, workdir: Path) -> FaultRun:
    """Set up articles (and, for some seeds, an earlier complete batch whose articles then
    change or break), start `toolkit report`, send it SIGKILL or SIGINT after a random delay,
    check the folder it left; rerun to the end, check again; a third run must build nothing."""
    rng = random.Random(seed)
    news, out = workdir / "news", workdir / "reports"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(workdir / "runtime")}
    command = [sys.executable, "-m", "toolkit", "report", str(news), "--out", str(out)]
    command += ["--workers", "2", "--quiet"]
    texts = {f"harbour{i}": HARBOUR.replace("Friday", f"day {i}") for i in range(5)}
    texts["blank"] = ""  # fails every time
    _write(news, texts)
    if rng.random() < 0.5:  # an earlier batch, then an article changes and another breaks
        subprocess.run(command, env=env, capture_output=True, check=False)
        changed, broken = rng.sample(sorted(k for k in texts if k != "blank"), 2)
        texts[changed] += "\nThe ferry leaves at noon.\n"
        texts[broken] = ""
        _write(news, texts)

    name = rng.choice(["SIGKILL", "SIGKILL", "SIGINT"])
    delay = rng.uniform(*KILL_WINDOW)
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(delay)
    sent = time.monotonic()
    proc.send_signal(getattr(signal, name))
    proc.communicate()
    seconds_to_stop = time.monotonic() - sent
    where = f"seed {seed} ({name} after {delay:.1f} s)"
    assert wait_for(lambda: not kernels_started_by(proc.pid), 10), f"{where}: kernels left"
    reports = _check_stopped(out, where)

    good = sorted(k for k, text in texts.items() if text)
    rerun = _run_to_the_end(command, env, f"{where}, rerun")
    _check_complete(out, workdir, rerun, good, sorted(texts), f"{where}, rerun")
    third = _run_to_the_end(command, env, f"{where}, third run")
    bad = len(texts) - len(good)
    expected = f"{len(texts)} articles: 0 built, {len(good)} unchanged, {bad} failed"
    assert expected in third.stderr, f"{where}, third run: {third.stderr}"
    built = re.search(r"(\d+) built", rerun.stderr)
    return FaultRun(seed, name, delay, reports, seconds_to_stop, int(built.group(1)))


def _run_to_the_end(command: list[str], env: dict, where: str) -> subprocess.CompletedProcess:
    """Run the batch to its end; it must leave no kernel behind."""
    proc = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    stdout, stderr = proc.communicate()
    assert wait_for(lambda: not kernels_started_by(proc.pid), 10), f"{where}: kernels left"
    return subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)


def _write(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def _check_stopped(out: Path, where: str) -> int:
    """What a stopped batch leaves: an index linking only files that are there, manifest
    entries whose files are there, whole pages. Returns the number of reports recorded."""
    if not out.exists():
        return 0
    if (out / "index.html").exists():
        assert missing_links(out) == [], f"{where}: the index links missing files"
    for page in out.glob("*.html"):
        assert read(page).rstrip().endswith("</html>"), f"{where}: {page.name} is cut short"
    entries = _manifest(out)
    for entry in entries.values():
        for file in entry["files"]:
            assert (out / file).is_file(), f"{where}: the manifest lists a missing {file}"
    return len(entries)


def _check_complete(
    out: Path,
    workdir: Path,
    rerun: subprocess.CompletedProcess,
    good: list[str],
    everything: list[str],
    where: str,
) -> None:
    """After a run to the end: every good article has its report, recorded and linked; every
    other article is listed as failed; no temporary file, connection file or kernel is left."""
    assert rerun.returncode == 1, f"{where}: exit {rerun.returncode}: {rerun.stderr}"
    assert "Traceback" not in rerun.stderr, f"{where}: {rerun.stderr}"
    assert missing_links(out) == [], f"{where}: the index links missing files"
    index = read(out / "index.html")
    for name in good:
        assert f'href="{name}.html"' in index, f"{where}: {name} is not in the index"
        assert read(out / f"{name}.html").rstrip().endswith("</html>"), f"{where}: {name}.html"
        json.loads(read(out / f"{name}.ipynb"))
    entries = _manifest(out)
    assert sorted(entries) == good, f"{where}: manifest has {sorted(entries)}"
    with (out / "summary.csv").open(encoding="utf-8") as handle:
        rows = {row["id"]: row["status"] for row in csv.DictReader(handle)}
    assert sorted(rows) == everything, f"{where}: summary.csv has {sorted(rows)}"
    assert all((rows[n] != "failed") == (n in good) for n in everything), f"{where}: {rows}"
    leftovers = [p.relative_to(out).as_posix() for p in out.rglob(".tk-*")]
    assert leftovers == [], f"{where}: temporary files left: {leftovers}"
    runtime = workdir / "runtime"
    stale = [p.name for p in runtime.glob("kernel-*.json")] if runtime.exists() else []
    assert stale == [], f"{where}: connection files left in Jupyter's runtime folder: {stale}"


def _manifest(out: Path) -> dict:
    path = out / "manifest.json"
    return json.loads(read(path))["reports"] if path.exists() else {}
