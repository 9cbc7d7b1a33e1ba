"""Fault injection for ``toolkit corpus``: ``kill -9`` at random points, then a rerun.

    python benchmarks/bench_corpus_faults.py                 # 20 kills, 600 BBC articles
    python benchmarks/bench_corpus_faults.py --seeds 50 --sample 100
    python benchmarks/bench_corpus_faults.py --corpus DIR --engine dask

A whole run into the output folder is timed first (the baseline). Then, for each seed, the
command is started again into the same folder and killed (SIGKILL) after a random delay: seed
i of n in the i-th n-th of the baseline's duration (stratified, so start-up, analysis and the
final renames all get their share). After each kill the script records what a reader finds
(the previous run's tables, or a mixed set that ``Corpus.read_parquet`` refuses), the
temporary files left, and whether every process the run started is gone within 5 s. Then
the command runs again to its end; its tables must equal a reference analysis, be one run's,
and leave no temporary file and no process.

Without the evaluation data's BBC corpus (beside the checkout, under ``TOOLKIT_SHARED``, or
given with ``--corpus``), copies of the tests' sample corpus are used. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import collections
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from corpus_faults import (  # noqa: E402
    corpus_command,
    kill_and_rerun,
    run_watched,
    wait_gone,
    write_many_news,
)

# The evaluation data beside the checkout, or where TOOLKIT_SHARED points.
DEFAULT_CORPUS = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared")) / "corpus" / "bbc"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of articles")
    parser.add_argument("--sample", type=int, default=600, help="articles (default 600)")
    parser.add_argument("--seeds", type=int, default=20, help="kills (default 20)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    args = parser.parse_args()
    if not sys.platform.startswith("linux"):
        sys.exit("this benchmark reads /proc: Linux only")
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as tmp:
        return run(args, Path(tmp))


def run(args: argparse.Namespace, tmp: Path) -> int:
    from toolkit.corpus import analyze_corpus

    if Path(args.corpus).is_dir():
        paths, sample = [Path(args.corpus)], ["--sample", str(args.sample)]
        label = f"{args.corpus}, {args.sample} random articles"
    else:
        paths, sample = [write_many_news(tmp, copies=max(1, args.sample // 8))], []
        label = f"copies of the tests' sample corpus ({max(1, args.sample // 8) * 8} files)"
    out = tmp / "tables"
    command = corpus_command(paths, out, workers=args.workers, engine=args.engine) + sample
    start = time.monotonic()
    code, seen = run_watched(command)
    baseline = time.monotonic() - start
    if code not in (0, 1) or wait_gone(seen):
        sys.exit(f"the baseline run failed (exit {code}) or left processes")
    options = {"sample": args.sample, "seed": 0} if sample else {}
    reference = analyze_corpus(paths, workers=args.workers, progress=False, **options)
    print(f"corpus: {label}; engine {args.engine}, {args.workers} workers")
    print(f"baseline: a whole run takes {baseline:.1f} s ({len(seen)} processes started)")
    trials = []
    print(f"{'seed':>4} {'kill at':>8} {'after the kill':>15} {'tmp':>4} {'procs':>6} "
          f"{'left':>5} {'rerun s':>8} {'left':>5} {'tmp':>4} {'whole':>6}")  # fmt: skip
    for seed in range(args.seeds):
        window = (baseline * seed / args.seeds, baseline * (seed + 1) / args.seeds)
        trial = kill_and_rerun(seed, command, out, window, reference)
        trials.append(trial)
        print(
            f"{seed:>4} {trial.delay:>7.2f}s {trial.state if trial.killed else 'ended':>15} "
            f"{trial.temp_left_by_kill:>4} {trial.workers_seen:>6} "
            f"{len(trial.left_after_kill):>5} {trial.rerun_seconds:>8.1f} "
            f"{len(trial.left_after_rerun):>5} {len(trial.temp_after_rerun):>4} "
            f"{'yes' if trial.whole else 'NO':>6}"
        )
    return report(trials, baseline)


def report(trials: list, baseline: float) -> int:
    killed = [t for t in trials if t.killed]
    states = collections.Counter(t.state for t in killed)
    whole = sum(t.whole for t in trials)
    left = sum(len(t.left_after_kill) + len(t.left_after_rerun) for t in trials)
    temp = sum(len(t.temp_after_rerun) for t in trials)
    reruns = statistics.median(t.rerun_seconds for t in trials)
    print(
        f"\n{len(killed)} of {len(trials)} runs killed (the others ended first); after the kill "
        f"a reader found: {', '.join(f'{n} {s}' for s, n in states.most_common())} "
        f"(one run: the previous run's tables; refused: a mixed set Corpus.read_parquet "
        f"refuses); {sum(t.temp_left_by_kill for t in killed)} temporary files left by the kills"
    )
    print(
        f"after the reruns: {whole}/{len(trials)} whole (one run's tables, equal to the "
        f"reference); processes left {left} (of {sum(t.workers_seen for t in trials)} seen); "
        f"temporary files left {temp}"
    )
    print(f"rerun after a kill: median {reruns:.1f} s, {reruns / baseline:.2f}x a whole run")
    ok = whole == len(trials) and left == 0 and temp == 0
    print("result:", "all consistent, complete and clean" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
