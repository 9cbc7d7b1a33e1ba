"""The ``toolkit`` command: a thin layer over the library.

Every subcommand that reads articles takes files, folders and globs, prints one line per bad
input to stderr (``error: <path>: <problem>``), carries on with the rest, and exits 1 at the
end if any input failed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from toolkit._io import csv_cell
from toolkit._version import __version__
from toolkit.article import Article, assign_ids, expand_paths, load_article
from toolkit.errors import ArticleError

# --- shared helpers -----------------------------------------------------------------------


class Failures:
    """One-line reports of inputs that failed, printed as they happen and counted."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, message: str) -> None:
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


# --- subcommands --------------------------------------------------------------------------


def _cmd_setup(args: argparse.Namespace) -> int:
    from toolkit.lang import nltk_data

    status = nltk_data.setup(args.dir)
    target = Path(args.dir) if args.dir else nltk_data.default_download_dir()
    for package, state in status.items():
        print(f"{package:34} {state}")
    failed = [p for p, s in status.items() if s == "failed"]
    print(f"NLTK data folder: {target}")
    if failed:
        print(
            f"could not download {', '.join(failed)} (no network?). The toolkit still works with "
            "its fallbacks; see the README, 'Without NLTK data'.",
            file=sys.stderr,
        )
        return 1
    return 0


def _cmd_eval_sentences(args: argparse.Namespace) -> int:
    from toolkit.evaluation.sentences import evaluate_sentences

    results = evaluate_sentences(args.gold)
    rows = [{"splitter": name, **score.to_dict()} for name, score in results.items()]
    emit(rows, "json" if args.json else "table")
    return 0


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


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
    print(
        f"{_plural(summary.articles, 'article')} ({_plural(summary.duplicates, 'duplicate')} "
        f"{kept}), {_plural(rows['actors'], 'actor row')}, {_plural(rows['quotes'], 'quote')}, "
        f"{_plural(rows['co_mentions'], 'co-mention row')} -> {summary.folder}"
    )
    failures = Failures()
    for _path, message in summary.errors:
        failures.add(message)
    return failures.exit_code


def _cmd_report(args: argparse.Namespace) -> int:
    from toolkit.reports import build_reports

    def on_failure(outcome) -> None:
        _print_above_progress(f"error: {outcome.error}")

    try:
        result = build_reports(
            args.paths,
            args.out,
            workers=args.workers,
            force=args.force,
            formats=args.format.split(","),
            notebook=args.notebook,
            timeout=args.timeout,
            progress=False if args.quiet else None,
            on_failure=on_failure,
        )
    except (ValueError, OSError):
        raise  # bad options or an unwritable folder: main() prints them (exit 2)
    except Exception as exc:
        print(f"error: toolkit report stopped: {one_line(exc)}", file=sys.stderr)
        return 1
    counts = result.counts
    index = Path(args.out) / "index.html"
    print(
        f"{len(result.outcomes)} articles: {counts['built']} built, {counts['skipped']} unchanged, "
        f"{counts['failed']} failed in {result.seconds:.1f} s; index: {index}",
        file=sys.stderr,
    )
    if counts["failed"]:
        kept = Path(args.out) / "_failed"
        print(
            f"{counts['failed']} article(s) failed; failed notebooks are in {kept}", file=sys.stderr
        )
    return result.exit_code


def _print_above_progress(line: str) -> None:
    try:
        from tqdm import tqdm

        tqdm.write(line, file=sys.stderr)
    except ImportError:  # pragma: no cover
        print(line, file=sys.stderr)


def _cmd_actors(args: argparse.Namespace) -> int:
    from toolkit.actors import actors_to_frame, find_actors, load_codebook

    codebook = load_codebook(args.codebook) if args.codebook else None
    failures = Failures()
    rows: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    analysed = each_analysed(args.paths, failures, lambda a: find_actors(a, codebook=codebook))
    for article, actors in analysed:
        if args.fmt == "json":
            documents.append(
                {
                    "id": article.id,
                    "path": article.source_path,
                    "actors": [{**a.to_dict(), "mention_count": a.mention_count} for a in actors],
                }
            )
            continue
        for row in actors_to_frame(actors).to_dict("records"):
            rows.append({"article": article.id, **row})
    emit(documents if args.fmt == "json" else rows, args.fmt)
    return failures.exit_code


def _parse_part(value: str | None) -> tuple[int, int] | bool | None:
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


def _cmd_eval_entities(args: argparse.Namespace) -> int:
    from toolkit.evaluation.entities import evaluate_entities, nltk_binary_predictions

    part = _parse_part(args.part)
    if part is False:
        return 2
    systems = {"toolkit": evaluate_entities(args.gold, part=part)}
    if args.nltk:
        try:
            systems["nltk.ne_chunk(binary)"] = evaluate_entities(
                args.gold, nltk_binary_predictions(), part=part
            )
        except LookupError:
            print("NLTK data for ne_chunk is missing: comparison skipped", file=sys.stderr)
    rows = [
        {"system": name, "scope": scope, **score.to_dict()}
        for name, scores in systems.items()
        for scope, score in scores.items()
        if name == "toolkit" or scope == "span"
    ]
    emit(rows, "json" if args.json else "table")
    return 0


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


def _cmd_stats(args: argparse.Namespace) -> int:
    from toolkit.text.stats import text_stats

    failures = Failures()
    rows = []
    for article, stats in each_analysed(args.paths, failures, text_stats):
        rows.append({"id": article.id, "path": str(article.source_path), **stats.to_dict()})
    if args.fmt == "table":
        rows = [{key: row[key] for key in _STATS_TABLE_COLUMNS} for row in rows]
    emit(rows, args.fmt)
    return failures.exit_code


#: Columns of the ``toolkit quotes`` table; --json and --csv print every Quote field.
_QUOTES_TABLE_COLUMNS = ("article", "kind", "speaker", "speaker_mention", "cue", "text")


def _cmd_quotes(args: argparse.Namespace) -> int:
    from toolkit.quotes import extract_quotes

    failures = Failures()
    rows: list[dict[str, Any]] = []
    for article, quotes in each_analysed(args.paths, failures, extract_quotes):
        for quote in quotes:
            row = {"article": article.id, **quote.to_dict()}
            if args.fmt == "table":
                row = {key: row[key] for key in _QUOTES_TABLE_COLUMNS}
            rows.append(row)
    emit(rows, args.fmt)
    return failures.exit_code


def _cmd_eval_syllables(args: argparse.Namespace) -> int:
    from toolkit.evaluation.syllables import evaluate_syllables

    try:
        results = evaluate_syllables()
    except LookupError as exc:
        print(f"error: {exc} (CMUdict is the gold standard of this evaluation)", file=sys.stderr)
        return 2
    rows = [result.to_dict() for result in results]
    emit(rows, "json" if args.json else "table")
    return 0


def _cmd_eval_quotes(args: argparse.Namespace) -> int:
    from toolkit.evaluation.quotes import VIEWS, evaluate_quotes

    part = _parse_part(args.part)
    if part is False:
        return 2
    results = evaluate_quotes(args.gold, baseline=not args.no_baseline, limit=args.limit, part=part)
    if args.json:
        emit([result.to_dict() for result in results], "json")
        return 0
    for description in VIEWS.values():
        print(description)
    print()
    emit([row for result in results for row in result.rows()], "table")
    for result in results:
        if result.errors:
            print(f"{result.name}: {result.errors} articles raised an error, scored as empty")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toolkit",
        description="Read news articles at scale: statistics, actors, quotations, reports.",
    )
    parser.add_argument("--version", action="version", version=f"toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser("setup", help="download the NLTK data the toolkit uses")
    p.add_argument("--dir", help="where to put it (default: $NLTK_DATA or ~/nltk_data)")
    p.set_defaults(func=_cmd_setup)

    p = sub.add_parser(
        "stats",
        help="text statistics, one row per article",
        description="Counts, readability, lexical diversity and reading time, one row per "
        "article. The table shows the main columns; --json and --csv print every field.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    add_format_flags(p)
    p.set_defaults(func=_cmd_stats)

    evaluate = sub.add_parser("eval", help="measure quality against gold data")
    eval_sub = evaluate.add_subparsers(dest="what", metavar="WHAT")
    eval_sub.required = True
    p = eval_sub.add_parser("sentences", help="sentence boundaries vs CoNLL-style gold sentences")
    p.add_argument("gold", help="gold JSONL file (e.g. ../shared/eval/ner-dev.jsonl)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_cmd_eval_sentences)
    p = eval_sub.add_parser(
        "syllables", help="syllable counts vs CMUdict on its held-out tenth, with pyphen, syllapy"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_cmd_eval_syllables)
    p = eval_sub.add_parser(
        "entities", help="actor name mentions vs CoNLL-style gold entities (PER/ORG/LOC)"
    )
    p.add_argument("gold", help="gold JSONL file (e.g. ../shared/eval/ner-dev.jsonl)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--nltk", action="store_true", help="also score NLTK's binary ne_chunk (span only; slow)"
    )
    p.add_argument(
        "--part",
        metavar="K/N",
        help="score only part K of N (0-based, by a hash of the document ids), e.g. 0/2 and 1/2",
    )
    p.set_defaults(func=_cmd_eval_entities)

    p = sub.add_parser("actors", help="people, organisations and places named in articles")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    p.add_argument("--codebook", help="CSV with columns actor, kind, aliases")
    add_format_flags(p)
    p.set_defaults(func=_cmd_actors)
    p = eval_sub.add_parser(
        "quotes", help="quotation spans and speakers vs PolNeAR-style gold (quotes-dev.jsonl)"
    )
    p.add_argument("gold", help="gold JSONL file (e.g. ../shared/eval/quotes-dev.jsonl)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--limit", type=int, help="score only the first N articles")
    p.add_argument(
        "--no-baseline", action="store_true", help="skip the regular-expression baseline"
    )
    p.add_argument(
        "--part",
        metavar="K/N",
        help="score only part K of N (0-based, by a hash of the article ids), e.g. 0/2 and 1/2",
    )
    p.set_defaults(func=_cmd_eval_quotes)

    p = sub.add_parser("quotes", help="quotations and reported speech, with their speakers")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    add_format_flags(p)
    p.set_defaults(func=_cmd_quotes)

    p = sub.add_parser(
        "corpus",
        help="analyse many articles into tidy Parquet tables (articles, actors, quotes, ...)",
        description="Analyse articles (files, folders, globs) into FOLDER/articles.parquet, "
        "actors.parquet, quotes.parquet, co_mentions.parquet and errors.parquet. "
        "Read them with toolkit.Corpus.read_parquet(FOLDER) or pandas.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    p.add_argument("--out", required=True, metavar="FOLDER", help="where to write the tables")
    p.add_argument(
        "--workers",
        type=_positive_int,
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
    p.add_argument("--sample", type=_positive_int, metavar="N", help="analyse N random articles")
    p.add_argument("--seed", type=int, default=0, help="random seed for --sample (default 0)")
    p.add_argument(
        "--dedupe", action="store_true", help="drop articles whose text repeats an earlier one"
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    p.set_defaults(func=_cmd_corpus)

    p = sub.add_parser(
        "report",
        help="a report (HTML and notebook) for each article, and an index",
        description="Run the report notebook (papermill) for each article: OUT/<id>.html, "
        "OUT/<id>.ipynb, OUT/index.html, OUT/summary.csv. Unchanged articles are skipped.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    p.add_argument("--out", default="reports", help="output folder (default: reports)")
    p.add_argument(
        "--workers", type=_positive_int, default=2, help="kernels run in parallel (default: 2)"
    )
    p.add_argument("--force", action="store_true", help="rebuild unchanged articles too")
    p.add_argument(
        "--format", default="html,ipynb", help="report formats: html, ipynb or both (default)"
    )
    p.add_argument("--notebook", help="a report notebook of your own (default: the toolkit's)")
    p.add_argument(
        "--timeout",
        type=float,
        default=600,
        help="seconds one notebook cell may run (default: 600)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_report)

    return parser


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except (ValueError, OSError) as exc:  # bad gold files, unwritable output folders...
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
