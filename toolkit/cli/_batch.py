"""``toolkit corpus`` and ``toolkit report``: batches over many articles, written to a folder."""

from __future__ import annotations

import argparse
import contextlib
import logging
import math
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from toolkit.article import PathScan
from toolkit.cli._common import (
    PATHS_HELP,
    Failures,
    add_scope_option,
    add_table_options,
    plural,
    positive_int,
    print_above_progress,
    table_columns,
    warn,
)
from toolkit.errors import one_line, printable


def _add_corpus_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "corpus",
        help="analyse many articles into tidy Parquet tables (articles, actors, quotes, ...)",
        description="Analyse articles (files, folders, globs, web pages, and tables: CSV, TSV, "
        "JSON lines, JSON, Parquet, one article per row with its date, outlet, URL and "
        "authors) into FOLDER/articles.parquet, "
        "actors.parquet, quotes.parquet, co_mentions.parquet and errors.parquet. "
        "Read them with toolkit.Corpus.read_parquet(FOLDER) or pandas. The tables are "
        "replaced at the end of a run, all from that run: a run that was stopped leaves the "
        "previous ones (or, stopped during the last renames, a set that read_parquet refuses); "
        "run it again. One run at a time per FOLDER.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    p.add_argument("--out", required=True, metavar="FOLDER", help="where to write the tables")
    p.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="worker processes (default: one per CPU core)",
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local process pool (default) or a Dask cluster (pip install 'toolkit[dask]')",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (e.g. tcp://10.0.0.5:8786); default: a local cluster",
    )
    p.add_argument("--sample", type=positive_int, metavar="N", help="analyse N random articles")
    p.add_argument("--seed", type=int, default=0, help="random seed for --sample (default 0)")
    p.add_argument(
        "--dedupe",
        action="store_true",
        help="drop articles that repeat an earlier story: the same text, or a near-duplicate",
    )
    p.add_argument(
        "--near-threshold",
        type=_similarity,
        default=0.4,
        metavar="J",
        help="an article whose word 5-grams overlap an earlier one's by at least J (Jaccard "
        "similarity) is a near-duplicate, marked in duplicate_of (default: 0.4; off: none)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    add_table_options(p)
    add_scope_option(p)
    p.set_defaults(func=_cmd_corpus)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``corpus`` and ``report`` commands."""
    _add_corpus_parser(sub)

    p = sub.add_parser(
        "report",
        help="a report (HTML and notebook) for each article, and an index",
        description="Run the report notebook (papermill) for each article, and for each row "
        "of a table of articles: OUT/<id>.html, OUT/<id>.ipynb; then OUT/index.html (an "
        "overview of the batch) and OUT/summary.csv. Unchanged articles are skipped.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument(
        "--workers", type=positive_int, default=2, help="kernels run in parallel (default: 2)"
    )
    p.add_argument("--force", action="store_true", help="rebuild unchanged articles too")
    p.add_argument(
        "--format", default="html,ipynb", help="report formats: html, ipynb or both (default)"
    )
    p.add_argument("--notebook", help="a report notebook of your own (default: the toolkit's)")
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=600,
        metavar="SECONDS",
        help="seconds one notebook cell, or the HTML export, may run; fractions allowed "
        "(default: 600)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    add_scope_option(p)
    add_table_options(p)
    p.set_defaults(func=_cmd_report)


def _similarity(text: str) -> float | None:
    """A similarity in (0, 1], or None for ``off``."""
    if text.strip().lower() in ("off", "none"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a similarity (0 to 1) or off") from None
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not a similarity above 0 and at most 1")
    return value


def _seconds(text: str) -> float:
    """A positive, finite number of seconds (``2.5`` is fine; ``0``, ``-1``, ``nan``, ``inf``
    are not: a report must never be allowed to run forever)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not (math.isfinite(value) and value > 0):
        raise argparse.ArgumentTypeError(f"{text} is not a positive, finite number of seconds")
    return value


def _cmd_corpus(args: argparse.Namespace) -> int:
    from toolkit.corpus import write_corpus
    from toolkit.corpus.engines import DaskUnavailableError

    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    progress = sys.stderr.isatty() if args.progress is None else args.progress
    try:
        summary = write_corpus(
            args.paths,
            args.out,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            sample=args.sample,
            seed=args.seed,
            dedupe=args.dedupe,
            progress=progress,
            columns=table_columns(args),
            on_warning=warn,
            near_duplicates=args.near_threshold,
            scope=args.scope,
        )
    except DaskUnavailableError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (ValueError, OSError):
        raise  # bad options or an unwritable folder: main() prints them (exit 2)
    except Exception as exc:
        print(f"error: toolkit corpus stopped: {one_line(exc)}", file=sys.stderr)
        return 1
    rows = summary.rows
    kept = "dropped" if args.dedupe else "kept, marked in duplicate_of"
    repeated = plural(summary.duplicates, "duplicate")
    if args.near_threshold is not None:
        repeated += f" and {plural(summary.near_duplicates, 'near-duplicate')}"
    print(
        f"{plural(summary.articles, 'article')} ({repeated} "
        f"{kept}), {plural(rows['actors'], 'actor row')}, {plural(rows['quotes'], 'quote')}, "
        f"{plural(rows['co_mentions'], 'co-mention row')} -> {summary.folder}"
        + (f"; {summary.skipped_summary()}" if summary.skipped else "")
    )
    failures = Failures()
    for _path, message in summary.errors:
        failures.add(message)
    return failures.exit_code


def _cmd_report(args: argparse.Namespace) -> int:
    from toolkit.reports import build_reports

    def on_failure(outcome) -> None:
        print_above_progress(f"error: {outcome.error}")

    try:
        with _library_messages_prefixed():
            result = build_reports(
                args.paths,
                args.out,
                workers=args.workers,
                force=args.force,
                formats=args.format.split(","),
                notebook=args.notebook,
                timeout=args.timeout,
                scope=args.scope,
                progress=False if args.quiet else None,
                on_failure=on_failure,
                columns=table_columns(args),
                on_warning=lambda message: print_above_progress(_warning_line(message)),
            )
    except (ValueError, OSError):
        raise  # bad options or an unwritable folder: main() prints them (exit 2)
    except Exception as exc:
        print(f"error: toolkit report stopped: {one_line(exc)}", file=sys.stderr)
        return 1
    skipped = PathScan(skipped=Counter(result.skipped_files)).skipped_summary()
    if skipped:
        print(f"note: {skipped}", file=sys.stderr)
    counts = result.counts
    index = Path(args.out) / "index.html"
    print(
        f"{len(result.outcomes)} articles: {counts['built']} built, {counts['skipped']} unchanged, "
        f"{counts['failed']} failed in {result.seconds:.1f} s; index: {index}",
        file=sys.stderr,
    )
    kept = sum(o.failed_notebook is not None for o in result.failures)
    if kept:
        folder = Path(args.out) / "_failed"
        print(f"{plural(kept, 'failed notebook')} kept in {folder}", file=sys.stderr)
    return result.exit_code


def _warning_line(message: str) -> str:
    """``warning: <message>``, escaped to one line as :func:`toolkit.cli._common.warn` prints."""
    return f"warning: {printable(message)}"


class _PrefixedLogHandler(logging.Handler):
    """Log records of the libraries the batch runs (nbclient, papermill, jupyter_client) as
    one line each, prefixed like the toolkit's own: ``error: Kernel died while waiting for
    execute reply.``"""

    def emit(self, record: logging.LogRecord) -> None:
        prefix = "error" if record.levelno >= logging.ERROR else "warning"
        try:
            message = " ".join(record.getMessage().split())
        except Exception:  # a malformed record: say what we can
            message = str(record.msg)
        print_above_progress(f"{prefix}: {message[:300]}")


@contextlib.contextmanager
def _library_messages_prefixed() -> Iterator[None]:
    """While the batch runs, library warnings and errors go through :class:`_PrefixedLogHandler`."""
    root = logging.getLogger()
    handler = _PrefixedLogHandler(logging.WARNING)
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
