"""Benchmark: `toolkit report` (warm kernels, parallel) against a plain papermill loop.

    python benchmarks/bench_reports.py                 # 20 articles, 2 workers
    python benchmarks/bench_reports.py --full          # + a first run and a re-run of the corpus

The baseline is what one would write without the toolkit: for each article, one
``papermill.execute_notebook`` (a new kernel each time) and an nbconvert HTML export, with the
same notebook and the same HTML exporter. Both are timed in the same run on the same articles,
``--repeat`` times each (default 2, each from an empty output folder; the fastest counts, as
with ``timeit``, since a shared machine only ever adds time); the script prints the times and
the ratio, then times a re-run with nothing changed (every article skipped). The toolkit's time
is the whole command, Python start-up and imports included; the loop's excludes its imports. Targets: ratio >= 10; re-run < 10% of the first run on the 20 articles and
< 2% on the whole corpus.

The corpus (default ``$TOOLKIT_SHARED/corpus/bbc``, else ``../shared/corpus/bbc`` beside the
project) is read in place; outputs go to
``benchmarks/out/`` (ignored by git) and are deleted first.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared")) / "corpus" / "bbc"


def pick_articles(corpus: Path, n: int) -> list[Path]:
    """``n`` articles spread evenly over the sorted corpus (so over all its sections)."""
    everything = sorted(p for p in corpus.rglob("*.txt") if p.name.upper() != "README.TXT")
    if len(everything) < n:
        raise SystemExit(f"{corpus}: only {len(everything)} articles, {n} wanted")
    step = len(everything) / n
    return [everything[int(i * step)] for i in range(n)]


def plain_loop(articles: list[Path], out: Path) -> float:
    """One papermill.execute_notebook per article (new kernel each), then nbconvert to HTML."""
    import papermill
    from nbconvert import HTMLExporter

    from toolkit.reports import notebook_path

    notebook = str(notebook_path())
    out.mkdir(parents=True)
    warnings.filterwarnings("ignore", message="Your element with mimetype")
    started = time.perf_counter()
    exporter = HTMLExporter(exclude_input=True)
    with _kernel_chatter_hidden():
        for i, article in enumerate(articles):
            target = out / f"{i:03d}.ipynb"
            nb = papermill.execute_notebook(
                notebook,
                str(target),
                parameters={"article_path": str(article), "article_id": f"a{i:03d}"},
                progress_bar=False,
            )
            body, _ = exporter.from_notebook_node(nb)
            (out / f"{i:03d}.html").write_text(body, encoding="utf-8")
    return time.perf_counter() - started


@contextlib.contextmanager
def _kernel_chatter_hidden():
    """Each new kernel prints a start-up warning on the inherited stderr; hide it (errors
    still raise, and are printed once stderr is back)."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def toolkit_report(paths: list[str], out: Path, workers: int) -> tuple[float, str]:
    """``toolkit report PATHS --out OUT --workers N`` as a user runs it; (seconds, summary)."""
    command = [sys.executable, "-m", "toolkit", "report", *paths, "--out", str(out)]
    command += ["--workers", str(workers), "--quiet"]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"toolkit report failed ({done.returncode}):\n{done.stderr}")
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    failures = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    if failures:
        summary += f" [{len(failures)} failures, e.g. {failures[0]}]"
    return seconds, summary


def _runs(times: list[float]) -> str:
    """ "; runs: 4.1, 3.8 s" when there was more than one run."""
    return f"; runs: {', '.join(f'{t:.2f}' for t in times)} s" if len(times) > 1 else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-n", type=int, default=20, help="articles (default 20)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; fastest counts")
    parser.add_argument("--full", action="store_true", help="also the whole corpus, then re-run")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument(
        "--skip-baseline", action="store_true", help="only time toolkit report (no ratio)"
    )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus}")
    os.environ.setdefault("MPLBACKEND", "Agg")
    shutil.rmtree(args.out, ignore_errors=True)
    articles = pick_articles(args.corpus, args.n)
    print(f"{len(articles)} articles from {args.corpus}, {os.cpu_count()} CPUs")

    repeat = max(1, args.repeat)
    times = []
    for _ in range(repeat):
        shutil.rmtree(args.out / "toolkit", ignore_errors=True)
        seconds, summary = toolkit_report(
            [str(a) for a in articles], args.out / "toolkit", args.workers
        )
        times.append(seconds)
    ours = min(times)
    print(f"toolkit report --workers {args.workers}: {ours:7.2f} s   ({summary}){_runs(times)}")
    if not args.skip_baseline:
        times = []
        for _ in range(repeat):
            shutil.rmtree(args.out / "plain", ignore_errors=True)
            times.append(plain_loop(articles, args.out / "plain"))
        base = min(times)
        print(
            f"plain papermill loop + nbconvert:   {base:7.2f} s   "
            f"({base / len(articles):.2f} s per article){_runs(times)}"
        )
        print(f"speed-up: {base / ours:.1f}x  (target >= 10x)")

    again, summary = toolkit_report([str(a) for a in articles], args.out / "toolkit", args.workers)
    print(f"re-run, nothing changed:            {again:7.2f} s   ({summary})")
    print(f"re-run / first run: {again / ours:.1%}  (target < 10%)")

    if args.full:
        first, summary = toolkit_report([str(args.corpus)], args.out / "full", args.workers)
        print(f"whole corpus, first run:            {first:7.2f} s   ({summary})")
        again, summary = toolkit_report([str(args.corpus)], args.out / "full", args.workers)
        print(f"whole corpus, re-run:               {again:7.2f} s   ({summary})")
        print(f"re-run / first run: {again / first:.2%}  (target < 2%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
