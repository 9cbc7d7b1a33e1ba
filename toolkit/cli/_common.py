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
from toolkit.article import Article, ArticleInputs, TableColumns
from toolkit.errors import one_line, printable


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


def iter_articles(
    paths: Sequence[str], failures: Failures, columns: TableColumns | None = None
) -> Iterator[Article]:
    """Each article named by ``paths`` (files, folders, globs, web pages, tables: one article
    per row); the bad ones go to ``failures``, warnings are printed as ``warning:`` lines, and
    the files skipped on purpose are counted on stderr at the end.

    This is the loop every command that reads articles shares; ``columns`` comes from
    :func:`table_columns` (the ``--text-col``... options).
    """
    inputs = ArticleInputs(list(paths), columns=columns, on_warning=warn)
    if not inputs.files:
        failures.add(f"{' '.join(paths)}: no article files found")
    for item in inputs:
        if item.article is not None:
            yield item.article
        elif item.error is not None:
            failures.add(str(item.error))
    skipped = inputs.scan.skipped_summary()
    if skipped:
        print(f"note: {skipped}", file=sys.stderr)


def warn(message: str) -> None:
    """Print a ``warning:`` line on stderr (escaped, one line)."""
    print(f"warning: {printable(message)}", file=sys.stderr)


#: The table options: (option, TableColumns field, what the column holds).
_TABLE_OPTIONS = (
    ("--text-col", "text", "the article text"),
    ("--id-col", "id", "the article id"),
    ("--date-col", "date", "the publication date"),
    ("--outlet-col", "outlet", "the outlet (publisher, site)"),
    ("--title-col", "title", "the headline"),
    ("--url-col", "url", "the article's URL"),
    ("--authors-col", "authors", "the authors or byline"),
)


def add_table_options(parser: argparse.ArgumentParser) -> None:
    """The ``--text-col``, ``--id-col``, ``--date-col``, ``--outlet-col``, ``--title-col``,
    ``--url-col`` and ``--authors-col`` options of every command that reads articles; read
    them back with :func:`table_columns`."""
    group = parser.add_argument_group(
        "tables (CSV, TSV, JSON lines, JSON, Parquet: one article per row)",
        "Columns are recognised by their usual names (text/body/content, date/publish_date, "
        "outlet/media_name/source, title/headline, url/link, id/stories_id, authors/byline); "
        "name them when they differ.",
    )
    for option, field, holds in _TABLE_OPTIONS:
        group.add_argument(
            option, metavar="NAME", dest=f"{field}_col", help=f"column holding {holds}"
        )


def table_columns(args: argparse.Namespace) -> TableColumns | None:
    """The columns named with :func:`add_table_options`' options (None if none was)."""
    given = {field: getattr(args, f"{field}_col", None) for _, field, _ in _TABLE_OPTIONS}
    return TableColumns(**given) if any(given.values()) else None


def each_analysed(
    paths: Sequence[str],
    failures: Failures,
    analyse: Callable[[Article], Any],
    columns: TableColumns | None = None,
) -> Iterator[tuple[Article, Any]]:
    """``(article, analyse(article))`` for each article named by ``paths``.

    An article that cannot be read, or whose analysis raises, is reported to ``failures`` in
    one line and skipped: one bad article never stops the batch.
    """
    for article in iter_articles(paths, failures, columns):
        try:
            result = analyse(article)
        except Exception as exc:
            where = article_source(article)
            failures.add(f"{where}: analysis failed ({one_line(exc)})")
            continue
        yield article, result


def article_source(article: Article) -> str:
    """Where an article came from, for messages: its file, with its row for a table."""
    if article.source_path is None:
        return article.id
    if article.source_row is not None:
        return f"{article.source_path}: row {article.source_row} ({article.id})"
    return str(article.source_path)


def metadata_fields(article: Article) -> dict[str, Any]:
    """The article's metadata as output columns (only those it has): date (ISO 8601), outlet,
    url, authors."""
    fields: dict[str, Any] = {}
    if article.date is not None:
        fields["date"] = article.date.isoformat()
    if article.outlet:
        fields["outlet"] = article.outlet
    if article.url:
        fields["url"] = article.url
    if article.authors:
        fields["authors"] = list(article.authors)
    return fields


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
