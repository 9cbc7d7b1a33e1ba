"""Benchmark: `toolkit report` on the longest article it accepts: time, memory, report size.

    python benchmarks/bench_report_long.py                 # one 9.99 MB article
    python benchmarks/bench_report_long.py --mb 1 5 9.99   # several sizes
    python benchmarks/bench_report_long.py --mb 1 --toolkit ../other-checkout   # compare code

A long article's report shows the first ``toolkit.display.TEXT_LIMIT`` characters of the text
and the first ``ROW_LIMIT`` rows of each table (the full tables go to ``<id>_files/``), so the
report's size and the batch process's memory stay bounded whatever the article's length.
Before that, a 9.9 MB article took 9 minutes, the batch process reached 7.5 GB and wrote a
201 MB page. Targets: the batch process (the parent of the kernels) well under 1 GB, the
report (HTML and notebook) under 10 MB each, at the largest accepted size.

Each article is made at run time by joining articles of the corpus (default
``$TOOLKIT_SHARED/corpus/bbc``), repeated as needed, and written under ``benchmarks/out/``
(ignored by git). The batch runs as ``toolkit report ARTICLE --workers 1`` in a child process
that reports its own peak memory; the kernel's peak is read from /proc while it runs (Linux).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared")) / "corpus" / "bbc"
LARGEST_ACCEPTED_MB = 9.99  # toolkit.article.DEFAULT_MAX_BYTES is 10,000,000 bytes

# The batch, run as the command line does, printing its own peak memory when it is done.
_MEASURED_CLI = (
    "import resource, sys\n"
    "from toolkit.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(f'peak-rss-kb {peak}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def make_article(corpus: Path, megabytes: float, path: Path) -> int:
    """Write an article of about ``megabytes`` MB made of the corpus's articles; its bytes."""
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(corpus.rglob("*.txt"))
        if p.name.upper() != "README.TXT"
    ]
    if not texts:
        raise SystemExit(f"no articles in {corpus}")
    target = int(megabytes * 1_000_000)
    parts: list[str] = ["A very long article\n"]
    size = len(parts[0].encode("utf-8"))
    index = 0
    while size < target:
        chunk = "\n" + texts[index % len(texts)]
        size += len(chunk.encode("utf-8"))
        parts.append(chunk)
        index += 1
    data = "".join(parts).encode("utf-8")[:target]
    path.write_bytes(data.decode("utf-8", errors="ignore").encode("utf-8"))
    return path.stat().st_size


def _peak_kb(pid: int) -> int:
    """The peak resident memory of process ``pid`` so far (VmHWM), in kB; 0 if gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children_of(pid: int) -> list[int]:
    marker = f"JPY_PARENT_PID={pid}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def run_report(article: Path, out: Path, toolkit: Path) -> dict[str, float]:
    """``toolkit report ARTICLE --out OUT``; seconds, peak memory of the batch and kernel (MB)."""
    env = {**os.environ, "PYTHONPATH": str(toolkit), "MPLBACKEND": "Agg"}
    command = [sys.executable, "-c", _MEASURED_CLI, "report", str(article), "--out", str(out)]
    command += ["--workers", "1", "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env, cwd=toolkit)
    kernel_peak = [0]

    def watch() -> None:
        while proc.poll() is None:
            for pid in _children_of(proc.pid):
                kernel_peak[0] = max(kernel_peak[0], _peak_kb(pid))
            time.sleep(0.5)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    watcher.join()
    peak = [int(line.split()[1]) for line in stderr.splitlines() if line.startswith("peak-rss-kb")]
    if proc.returncode != 0 or not peak:
        raise SystemExit(f"toolkit report failed ({proc.returncode}):\n{stderr}")
    return {"seconds": seconds, "parent_mb": peak[0] / 1024, "kernel_mb": kernel_peak[0] / 1024}


def _size_mb(path: Path) -> float:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6
    return path.stat().st_size / 1e6 if path.exists() else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mb", type=float, nargs="+", default=[LARGEST_ACCEPTED_MB])
    parser.add_argument(
        "--toolkit", type=Path, default=ROOT, help="checkout to run (default: this)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "long")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found: {args.corpus}")
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    print(f"toolkit from {args.toolkit.resolve()}, {os.cpu_count()} CPUs")
    print(
        "article MB   seconds   batch peak MB   kernel peak MB   HTML MB   notebook MB   tables MB"
    )
    worst_parent = 0.0
    for megabytes in args.mb:
        article = (args.out / f"long-{megabytes:g}mb.txt").resolve()
        size = make_article(args.corpus, megabytes, article)
        out = (args.out / f"reports-{megabytes:g}mb").resolve()
        figures = run_report(article, out, args.toolkit)
        name = article.stem
        worst_parent = max(worst_parent, figures["parent_mb"])
        print(
            f"{size / 1e6:10.2f} {figures['seconds']:9.1f} {figures['parent_mb']:15.0f} "
            f"{figures['kernel_mb']:16.0f} {_size_mb(out / f'{name}.html'):9.2f} "
            f"{_size_mb(out / f'{name}.ipynb'):13.2f} {_size_mb(out / f'{name}_files'):11.2f}"
        )
    print(f"batch process peak: {worst_parent:.0f} MB (target: well under 1,024 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
