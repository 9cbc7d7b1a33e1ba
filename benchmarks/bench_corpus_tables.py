"""``toolkit corpus`` on a 100,000-row table: memory and speed against the same articles as files.

    python benchmarks/bench_corpus_tables.py                # 100,000 rows, 2 workers
    python benchmarks/bench_corpus_tables.py --rows 20000   # a smaller run
    python benchmarks/bench_corpus_tables.py --format parquet --json

The evaluation data's BBC corpus (2,225 articles; beside the checkout, under
``TOOLKIT_SHARED``, or ``--corpus DIR``) is repeated, with new ids, dates and outlets, into a
CSV (or JSON lines, Parquet) of ``--rows`` rows in a temporary folder (never in the
repository), and into as many ``.txt`` files: the same articles, in the same order. Then
``toolkit corpus`` runs on each, with ``--workers`` workers, each run in a fresh Python
process: first the files (the baseline), then the table.

During each run a sampler adds up the memory of the run's process and all its children
(proportional set size: pages forked workers share with the parent count once) every
second, with the number of articles done so far; the peak of each quarter of the run is
reported. CPU time is that of the run's process and its workers.

Targets (issue 11): peak memory of the whole table run under 1.5 GB and flat from 25% to
100% of the rows (the last quarter's peak within 10% of the first's); throughput at least
90% of the files' (articles per second of wall time; CPU seconds per article beside it, less
sensitive to other work on a shared machine).

Needs psutil (installed with the dask extra).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from _child import in_child

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared")) / "corpus" / "bbc"
MB = 1024 * 1024
#: Invented outlets the rows are spread over.
OUTLETS = (
    "The Ledger",
    "Kelso Courier",
    "North Bay Post",
    "Evening Lantern",
    "The Harbour Star",
    "Valley Gazette",
    "Morning Tribune",
    "The Daily Beacon",
)
FIRST_DATE = datetime.datetime(2019, 1, 1, tzinfo=datetime.timezone.utc)
COLUMNS = ["id", "date", "outlet", "title", "section", "text"]


# --- the inputs -----------------------------------------------------------------------------


def source_articles(corpus: Path) -> list[tuple[str, str, str]]:
    """(topic, name, text) of each article file of the corpus, text as decoded by the toolkit."""
    from toolkit.article import decode_bytes, expand_paths, read_file_bytes

    articles = []
    for path in expand_paths([corpus]):
        text, _ = decode_bytes(read_file_bytes(path), path)
        articles.append((path.parent.name, path.stem, text))
    return articles


def rows(articles: list[tuple[str, str, str]], count: int):
    """``count`` rows: the articles over and over, each copy with its own id, date, outlet."""
    for i in range(count):
        topic, name, text = articles[i % len(articles)]
        copy = i // len(articles)
        yield {
            "id": f"{topic}-{name}-c{copy:02d}",
            "date": (FIRST_DATE + datetime.timedelta(minutes=10 * i)).isoformat(),
            "outlet": OUTLETS[(i + copy) % len(OUTLETS)],
            "title": text.strip().split("\n", 1)[0].strip(),
            "section": topic,
            "text": text,
        }


def write_inputs(articles, count: int, folder: Path, fmt: str) -> tuple[Path, Path]:
    """The table (``folder/articles.<fmt>``) and the same articles as ``.txt`` files
    (``folder/files/cNN/<topic>-<name>.txt``, in the table's order)."""
    table = folder / f"articles.{fmt}"
    files = folder / "files"
    if fmt == "csv":
        with open(table, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows(articles, count))
    elif fmt == "jsonl":
        with open(table, "w", encoding="utf-8") as handle:
            for row in rows(articles, count):
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        import pandas as pd

        pd.DataFrame(list(rows(articles, count))).to_parquet(table, row_group_size=1000)
    for row in rows(articles, count):
        topic, name, copy = row["id"].rsplit("-", 2)
        path = files / copy / f"{topic}-{name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(row["text"], encoding="utf-8")
    return table, files


# --- one run, in a fresh process ------------------------------------------------------------


class Sampler:
    """Every ``interval`` seconds: the memory of this process and its children (PSS), this
    process's alone, and the articles done so far (the run's progress bar)."""

    def __init__(self, interval: float = 1.0) -> None:
        import psutil

        self.process = psutil.Process()
        self.interval = interval
        self.samples: list[tuple[float, int, int, int]] = []  # seconds, done, total, parent
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        start = time.perf_counter()
        while not self._stop.is_set():
            parent = _memory(self.process)
            total = parent
            for child in self.process.children(recursive=True):
                with contextlib.suppress(Exception):  # it ended between listing and reading
                    total += _memory(child)
            self.samples.append((time.perf_counter() - start, _done(), total, parent))
            self._stop.wait(self.interval)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _memory(process) -> int:
    try:
        return process.memory_full_info().pss
    except Exception:
        return process.memory_info().rss


def _done() -> int:
    """Articles the run's progress bar has counted."""
    from tqdm import tqdm

    return max((bar.n for bar in list(getattr(tqdm, "_instances", ()))), default=0)


def run_one(spec: dict) -> dict:
    from toolkit.cli import main

    command = [
        "corpus",
        spec["input"],
        "--out",
        spec["out"],
        "--workers",
        str(spec["workers"]),
        "--progress",
    ]
    if spec.get("engine"):
        command += ["--engine", spec["engine"]]
    with Sampler() as sampler:
        own = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        code = main(command)
        seconds = time.perf_counter() - start
    own_after = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (own_after.ru_utime + own_after.ru_stime - own.ru_utime - own.ru_stime) + (
        children.ru_utime + children.ru_stime
    )
    return {
        **spec,
        "exit": code,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "samples": sampler.samples,
    }


def measure(spec: dict) -> dict:
    lines = in_child(__file__, spec)
    result = json.loads(lines[-1])
    result["summary_line"] = lines[-2]
    return result


# --- figures --------------------------------------------------------------------------------


def quarters(run: dict, articles: int) -> list[float]:
    """The peak memory (MB) while each quarter of the articles was being done."""
    peaks = [0.0] * 4
    for _, done, total, _ in run["samples"]:
        quarter = min(3, int(4 * done / max(articles, 1)))
        peaks[quarter] = max(peaks[quarter], total / MB)
    return peaks


def parent_growth(run: dict, articles: int) -> tuple[float, float]:
    """The run's own process (the parent): peak MB in the first and in the last quarter."""
    first = [p for _, d, _, p in run["samples"] if d < articles / 4]
    last = [p for _, d, _, p in run["samples"] if d >= 3 * articles / 4]
    return max(first, default=0) / MB, max(last, default=0) / MB


def index_memory(originals: int = 100_000) -> float:
    """MB the near-duplicate index holds for ``originals`` distinct articles (the benchmark's
    table repeats 2,225 texts, whose copies the index does not keep)."""
    import tracemalloc

    from toolkit.corpus._near import NearDuplicates

    index = NearDuplicates()
    tracemalloc.start()
    for n in range(originals):
        index.add(os.urandom(256), f"article-{n:06d}")
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return current / MB


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of articles")
    parser.add_argument("--rows", type=int, default=100_000, help="rows (default 100,000)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="csv")
    parser.add_argument("--dask", action="store_true", help="also run the table on Dask")
    parser.add_argument("--json", action="store_true", help="print the runs as JSON")
    parser.add_argument("--run-one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_one:
        print(json.dumps(run_one(json.loads(args.run_one))))
        return 0
    if not Path(args.corpus).is_dir():
        sys.exit(f"no corpus at {args.corpus} (use --corpus DIR)")
    folder = Path(tempfile.mkdtemp(prefix="bench-corpus-tables-"))
    try:
        return run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(args: argparse.Namespace, folder: Path) -> int:
    start = time.perf_counter()
    table, files = write_inputs(source_articles(Path(args.corpus)), args.rows, folder, args.format)
    written = time.perf_counter() - start
    size = table.stat().st_size / MB
    base = {"workers": args.workers}
    runs = {
        "files": measure({**base, "input": str(files), "out": str(folder / "out-files")}),
        "table": measure({**base, "input": str(table), "out": str(folder / "out-table")}),
    }
    if args.dask:
        spec = {**base, "input": str(table), "out": str(folder / "out-dask"), "engine": "dask"}
        runs["table on dask"] = measure(spec)
    index_mb = index_memory()
    if args.json:
        print(json.dumps({"rows": args.rows, "runs": runs, "index_mb": index_mb}, indent=2))
        return 0
    print(
        f"inputs: {args.rows:,} rows ({args.format}, {size:.0f} MB) and {args.rows:,} .txt files, "
        f"written in {written:.0f} s; {args.workers} workers"
    )
    print(
        f"{'run':16} {'seconds':>8} {'articles/s':>11} {'CPU ms/article':>15} {'peak MB by quarter of the run':>32}"
    )
    for name, result in runs.items():
        peaks = quarters(result, args.rows)
        print(
            f"{name:16} {result['seconds']:8.0f} {args.rows / result['seconds']:11.1f} "
            f"{1000 * result['cpu_seconds'] / args.rows:15.1f} "
            f"{' / '.join(f'{p:.0f}' for p in peaks):>32}"
        )
        print(f"  {result['summary_line']}")
    files_run, table_run = runs["files"], runs["table"]
    ratio = files_run["seconds"] / table_run["seconds"]
    cpu_ratio = files_run["cpu_seconds"] / table_run["cpu_seconds"]
    print(
        f"\nthroughput, table vs files: {ratio:.0%} of the files' articles/s "
        f"(target >= 90%: {_verdict(ratio >= 0.9)}); CPU time per article: the files' is "
        f"{cpu_ratio:.0%} of the table's"
    )
    peaks = quarters(table_run, args.rows)
    growth = peaks[3] / peaks[0] - 1 if peaks[0] else float("nan")
    print(
        f"peak memory of the table run (parent + workers): {max(peaks):.0f} MB (target < 1,536 "
        f"MB: {_verdict(max(peaks) < 1536)}); last quarter vs first: {growth:+.1%} (target: "
        f"flat, within 10%: {_verdict(abs(growth) <= 0.10)})"
    )
    first, last = parent_growth(table_run, args.rows)
    print(
        f"the parent alone: {first:.0f} MB in the first quarter, {last:.0f} MB in the last; "
        f"the near-duplicate index would hold {index_mb:.0f} MB for 100,000 distinct articles "
        f"(this table repeats {min(args.rows, 2225):,} texts)"
    )
    return 0


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


if __name__ == "__main__":
    sys.exit(main())
