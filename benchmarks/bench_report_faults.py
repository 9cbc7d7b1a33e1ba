"""Fault injection: `toolkit report` killed at random moments, then run again.

    python benchmarks/bench_report_faults.py              # seeds 1 to 20
    python benchmarks/bench_report_faults.py --seeds 40   # seeds 1 to 40

For each seed (see tests/report_faults.py, whose checks the test suite runs for 3 seeds): some
articles, for half the seeds an earlier complete batch whose articles then change or break;
`toolkit report --workers 2` gets SIGKILL or SIGINT (Ctrl-C) after a random delay; the folder
it left must hold whole files, an index linking only files that are there and a manifest whose
files exist, and no kernel may outlive it; a rerun must complete the folder (every report
there, recorded and linked; no temporary file, connection file or kernel left), and a third
run must build nothing. Prints one line per seed, then how long SIGINT took to stop the batch
(target: within 2 s). Work goes to ``benchmarks/out/faults/`` (ignored by git).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the checks are the test suite's

from report_faults import run_with_fault  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=int, default=20, help="seeds 1..N (default 20)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "faults")
    args = parser.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    print("seed  signal   after s  reports then  stopped in s  rerun built  verdict")
    stops, failures = [], 0
    for seed in range(1, args.seeds + 1):
        workdir = args.out / f"seed{seed}"
        workdir.mkdir(parents=True)
        try:
            run = run_with_fault(seed, workdir)
        except AssertionError as exc:
            failures += 1
            print(f"{seed:4}  FAILED: {exc}")
            continue
        if run.signal == "SIGINT":
            stops.append(run.seconds_to_stop)
        print(
            f"{seed:4}  {run.signal:7} {run.delay:8.1f} {run.reports_when_stopped:13} "
            f"{run.seconds_to_stop:13.2f} {run.rebuilt:12}  ok"
        )
    print(f"{args.seeds - failures} of {args.seeds} seeds consistent after the rerun")
    if stops:
        print(
            f"SIGINT stopped the batch in {max(stops):.2f} s at most, "
            f"{sum(stops) / len(stops):.2f} s on average ({len(stops)} runs; target: within 2 s)"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
