"""What every command shares: failures reported in one line, article iteration, output formats."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from toolkit._io import csv_cell
from toolkit.article import Article, assign_ids, expand_paths, load_article
from toolkit.errors import ArticleError, printable


class Failures:
    """One-line reports of inputs that failed, printed as they happen and counted.

    Messages are printed escaped (:func:`toolkit.errors.printable`): a file name holding a
    line break or a bidi control cannot forge or disguise an ``error:`` line.
    """

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, message: str) -> None:
        message = printable(message)
        self.messages.append(message)
        print(f"error: {message}", file=sys.stderr)

    @property
    def exit_code(self) -> int:
        if self.messages:
            print(f"{len(self.messages)} input(s) failed", file=sys.stderr)
            return 1
        return 0


def iter_articles(paths: Sequence[str], failures: Failures) -> Iterator[Article]:
    """Load each article named by ``paths``; report the bad ones to ``failures``."""
    expanded = expand_paths(list(paths))
    if not expanded:
        failures.add(f"{' '.join(paths)}: no article files found")
    ids = assign_ids(expanded)
    for path in expanded:
        try:
            yield load_article(path, id=ids[path])
        except ArticleError as exc:
            failures.add(str(exc))


def each_analysed(
    paths: Sequence[str], failures: Failures, analyse: Callable[[Article], Any]
) -> Iterator[tuple[Article, Any]]:
    """``(article, analyse(article))`` for each article named by ``paths``.

    An article that cannot be read, or whose analysis raises, is reported to ``failures`` in
    one line and skipped: one bad article never stops the batch.
    """
    for article in iter_articles(paths, failures):
        try:
            result = analyse(article)
        except Exception as exc:
            where = article.source_path or article.id
            failures.add(f"{where}: analysis failed ({one_line(exc)})")
            continue
        yield article, result


def one_line(exc: BaseException) -> str:
    """An exception as one line: its type and its message with whitespace collapsed."""
    message = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def emit(rows: list[dict[str, Any]], fmt: str, out=None) -> None:
    """Print rows as an aligned table, JSON (a list of objects) or CSV."""
    out = out or sys.stdout
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2, default=_json_default)
        out.write("\n")
        return
    if not rows:
        return
    columns = list(dict.fromkeys(key for row in rows for key in row))
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: csv_cell(v) for k, v in row.items()})
        return
    cells = [[_cell(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    widths = [min(w, 60) for w in widths]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)).rstrip() + "\n")
    for r in cells:
        out.write(
            "  ".join(_clip(v, w).ljust(w) for v, w in zip(r, widths, strict=False)).rstrip() + "\n"
        )


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e6 else f"{value:.0f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if value is None:
        return ""
    return str(value)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _json_default(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "to_dict"):
        return value.to_dict()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def add_format_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", dest="fmt", action="store_const", const="json", help="print JSON")
    group.add_argument("--csv", dest="fmt", action="store_const", const="csv", help="print CSV")
    parser.set_defaults(fmt="table")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parse_part(value: str | None) -> tuple[int, int] | bool | None:
    """ "K/N" -> (K, N); None without the option; False (after a one-line error) if malformed."""
    if not value:
        return None
    try:
        k, n = (int(x) for x in value.split("/"))
        if not 0 <= k < n:
            raise ValueError
    except ValueError:
        print(f"error: --part {value}: expected K/N with 0 <= K < N", file=sys.stderr)
        return False
    return (k, n)


def plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def print_above_progress(line: str) -> None:
    try:
        from tqdm import tqdm

        tqdm.write(line, file=sys.stderr)
    except ImportError:  # pragma: no cover
        print(line, file=sys.stderr)


#: Help for the PATH arguments of the commands that read articles.
PATHS_HELP = "article files, folders or globs"
