"""``toolkit stats``, ``toolkit actors`` and ``toolkit quotes``: one analysis, rows per article."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from toolkit.cli._common import (
    PATHS_HELP,
    Failures,
    add_format_flags,
    add_table_options,
    each_analysed,
    emit,
    metadata_fields,
    table_columns,
)
from toolkit.errors import printable

#: Columns of the ``toolkit stats`` table; --json and --csv print every field.
_STATS_TABLE_COLUMNS = (
    "id",
    "words",
    "sentences",
    "syllables",
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog",
    "dale_chall",
    "mtld",
    "reading_time_minutes",
)

#: Columns of the ``toolkit quotes`` table; --json and --csv print every Quote field.
_QUOTES_TABLE_COLUMNS = (
    "article",
    "kind",
    "cue_class",
    "speaker",
    "speaker_mention",
    "cue",
    "text",
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``stats``, ``actors`` and ``quotes`` commands."""
    p = sub.add_parser(
        "stats",
        help="text statistics, one row per article",
        description="Counts, readability, lexical diversity and reading time, one row per "
        "article. The table shows the main columns; --json and --csv print every field.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    add_format_flags(p)
    add_table_options(p)
    p.set_defaults(func=_cmd_stats)

    p = sub.add_parser("actors", help="people, organisations and places named in articles")
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    p.add_argument("--codebook", help="CSV with columns actor, kind, aliases")
    add_format_flags(p)
    add_table_options(p)
    p.set_defaults(func=_cmd_actors)

    p = sub.add_parser(
        "quotes",
        help="quotations and reported speech, with their speakers",
        description="Quotations in quote marks, reported speech and reported clauses holding "
        "quoted words, one row per quotation, with its speaker. The table shows the main "
        "columns; --json and --csv print every field.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help=PATHS_HELP)
    p.add_argument(
        "--scope",
        choices=("speech", "all"),
        default="speech",
        help="speech (the default): what was said or written; all: every attribution, "
        "beliefs, intentions, judgements and the like too (the column cue_class says which)",
    )
    add_format_flags(p)
    add_table_options(p)
    p.set_defaults(func=_cmd_quotes)


def _cmd_stats(args: argparse.Namespace) -> int:
    from toolkit.text.stats import text_stats

    failures = Failures()
    rows = []
    for article, stats in each_analysed(args.paths, failures, text_stats, table_columns(args)):
        rows.append({**_article_fields(article), **stats.to_dict()})
    if args.fmt == "table":
        rows = [{key: row[key] for key in _STATS_TABLE_COLUMNS} for row in rows]
    emit(rows, args.fmt)
    return failures.exit_code


def _cmd_actors(args: argparse.Namespace) -> int:
    from toolkit.actors import actors_to_frame, find_actors, load_codebook

    codebook = load_codebook(args.codebook) if args.codebook else None
    failures = Failures()
    rows: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    analysed = each_analysed(
        args.paths, failures, lambda a: find_actors(a, codebook=codebook), table_columns(args)
    )
    for article, actors in analysed:
        if args.fmt == "json":
            documents.append(
                {
                    **_article_fields(article),
                    "actors": [{**a.to_dict(), "mention_count": a.mention_count} for a in actors],
                }
            )
            continue
        for row in actors_to_frame(actors).to_dict("records"):
            rows.append({"article": article.id, **row})
    emit(documents if args.fmt == "json" else rows, args.fmt)
    return failures.exit_code


def _cmd_quotes(args: argparse.Namespace) -> int:
    from toolkit.quotes import extract_quotes

    failures = Failures()
    rows: list[dict[str, Any]] = []
    analyse = partial(extract_quotes, scope=args.scope)
    for article, quotes in each_analysed(args.paths, failures, analyse, table_columns(args)):
        for quote in quotes:
            row = {"article": article.id, **quote.to_dict()}
            if args.fmt == "table":
                row = {key: row[key] for key in _QUOTES_TABLE_COLUMNS}
            rows.append(row)
    emit(rows, args.fmt)
    return failures.exit_code


def _article_fields(article) -> dict[str, Any]:
    """id, path (escaped: a bidi control in a file name is shown, not obeyed), the row of a
    table, and the metadata the article has."""
    fields: dict[str, Any] = {"id": article.id}
    fields["path"] = printable(str(article.source_path)) if article.source_path else None
    if article.source_row is not None:
        fields["row"] = article.source_row
    return {**fields, **metadata_fields(article)}
