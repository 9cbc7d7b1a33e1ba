"""``toolkit eval``: quality against gold data (sentences, syllables, entities, quotations,
inferred gender)."""

from __future__ import annotations

import argparse
import sys

from toolkit.cli._common import emit, parse_part
from toolkit.errors import one_line

#: The gold files, as the evaluation data names them.
_CONLL_GOLD = "gold JSONL file (CoNLL-style, as ner-dev.jsonl of the evaluation data)"
_GGT_GOLD = "gold JSONL file (GGT-style, as ggt-dev.jsonl of the evaluation data)"
_QUOTES_GOLD = (
    "gold JSONL file, PolNeAR-style (as quotes-dev.jsonl of the evaluation data) or"
    " GGT-style (as ggt-dev.jsonl: scored as GGT scores, at overlaps 0.3 and 0.8); the"
    " format is read from the file"
)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eval`` and its subcommands."""
    evaluate = sub.add_parser("eval", help="measure quality against gold data")
    eval_sub = evaluate.add_subparsers(dest="what", metavar="WHAT")
    eval_sub.required = True
    _register_text(eval_sub)
    _register_quotes(eval_sub)
    _register_people(eval_sub)
    _register_html(eval_sub)


def _command(
    eval_sub: argparse._SubParsersAction, name: str, func, gold: str | None, **texts: str
) -> argparse.ArgumentParser:
    """A subcommand of ``eval``: its ``gold`` argument (when it reads a gold file) and
    ``--json``; ``texts`` are the parser's ``help`` and ``description``."""
    p = eval_sub.add_parser(name, **texts)
    if gold is not None:
        p.add_argument("gold", help=gold)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=func)
    return p


def _part_option(p: argparse.ArgumentParser, records: str) -> None:
    p.add_argument(
        "--part",
        metavar="K/N",
        help=f"score only part K of N (0-based, by a hash of the {records} ids), e.g. 0/2 and 1/2",
    )


def _register_text(eval_sub: argparse._SubParsersAction) -> None:
    """``eval sentences``, ``eval syllables`` and ``eval entities``."""
    _command(
        eval_sub,
        "sentences",
        _cmd_eval_sentences,
        _CONLL_GOLD,
        help="sentence boundaries vs CoNLL-style gold sentences",
    )
    _command(
        eval_sub,
        "syllables",
        _cmd_eval_syllables,
        None,
        help="syllable counts vs CMUdict on its held-out tenth, with pyphen, syllapy",
    )
    p = _command(
        eval_sub,
        "entities",
        _cmd_eval_entities,
        _CONLL_GOLD,
        help="actor name mentions vs CoNLL-style gold entities (PER/ORG/LOC)",
    )
    p.add_argument(
        "--nltk", action="store_true", help="also score NLTK's binary ne_chunk (span only; slow)"
    )
    _part_option(p, "document")


def _register_quotes(eval_sub: argparse._SubParsersAction) -> None:
    p = _command(
        eval_sub,
        "quotes",
        _cmd_eval_quotes,
        _QUOTES_GOLD,
        help="quotation spans and speakers vs PolNeAR-style (quotes-dev.jsonl) or GGT-style"
        " gold (ggt-dev.jsonl)",
    )
    p.add_argument("--limit", type=int, help="score only the first N articles")
    p.add_argument(
        "--no-baseline", action="store_true", help="skip the regular-expression baseline"
    )
    _part_option(p, "article")


def _register_people(eval_sub: argparse._SubParsersAction) -> None:
    """``eval gender`` and ``eval roles``."""
    p = _command(
        eval_sub,
        "gender",
        _cmd_eval_gender,
        _GGT_GOLD,
        help="inferred gender of people mentioned and quoted vs GGT-style gold (ggt-dev.jsonl)",
    )
    _part_option(p, "article")
    p = _command(
        eval_sub,
        "roles",
        _cmd_eval_roles,
        "TSV file of labels, as tests/data/roles_gold.tsv",
        help="speaker roles vs hand labels (article id, speaker, role; a TSV file)",
    )
    p.add_argument(
        "--corpus",
        required=True,
        help="folder holding the labelled articles (bbc/<topic>/<nnn>.txt, polnear/articles.csv)",
    )


def _register_html(eval_sub: argparse._SubParsersAction) -> None:
    p = _command(
        eval_sub,
        "html",
        _cmd_eval_html,
        None,
        help="article text from web pages vs the article-extraction benchmark (shingle F1)",
        description="Score the toolkit's web-page reading (load_article on each page) and "
        "trafilatura called directly, with the benchmark's metric (4-token shingles, per-page "
        "precision and recall averaged, F1 of the two).",
    )
    p.add_argument(
        "folder",
        metavar="DIR",
        help="benchmark folder: html/<key>.html.gz and ground-truth.json (as html-dev of the "
        "evaluation data)",
    )


def _cmd_eval_sentences(args: argparse.Namespace) -> int:
    from toolkit.evaluation.sentences import evaluate_sentences

    results = evaluate_sentences(args.gold)
    rows = [{"splitter": name, **score.to_dict()} for name, score in results.items()]
    emit(rows, "json" if args.json else "table")
    return 0


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


def _cmd_eval_entities(args: argparse.Namespace) -> int:
    from toolkit.evaluation.entities import evaluate_entities, nltk_binary_predictions

    part = parse_part(args.part)
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


def _cmd_eval_quotes(args: argparse.Namespace) -> int:
    from toolkit.evaluation.ggt import is_ggt_gold
    from toolkit.evaluation.quotes import VIEWS, evaluate_quotes

    part = parse_part(args.part)
    if part is False:
        return 2
    if is_ggt_gold(args.gold):
        return _eval_ggt(args, part)
    results = evaluate_quotes(args.gold, baseline=not args.no_baseline, limit=args.limit, part=part)
    return _print_evaluations(results, "\n".join(VIEWS.values()), args.json)


def _cmd_eval_gender(args: argparse.Namespace) -> int:
    from toolkit.evaluation.gender import evaluate_gender

    part = parse_part(args.part)
    if part is False:
        return 2
    try:
        result = evaluate_gender(args.gold, part=part)
    except (OSError, ValueError, KeyError) as exc:
        return _gold_error(args.gold, exc)
    return _print_tables(
        result,
        args.json,
        f"Inferred gender, {result.articles} articles (people = mentioned, sources = quoted)",
        [result.rows(), result.summary_rows(), result.outlet_rows()],
        f"{result.errors} articles raised an error, scored as empty",
    )


def _cmd_eval_roles(args: argparse.Namespace) -> int:
    from toolkit.evaluation.roles import evaluate_roles

    try:
        result = evaluate_roles(args.gold, args.corpus)
    except (OSError, ValueError) as exc:
        return _gold_error(args.gold, exc)
    return _print_tables(
        result,
        args.json,
        f"Speaker roles: {len(result.pairs)} labels, {result.found} found; inferred gender",
        [result.rows(), result.confusion(), result.gender_rows(), result.gender_summary()],
        f"{result.errors} articles could not be read, their labels scored as missing",
    )


def _gold_error(gold: str, exc: Exception) -> int:
    """Say in one line that the gold file cannot be scored (naming it once) and return 2."""
    message = one_line(exc, with_type=False)
    named = message if message.startswith(f"{gold}:") else f"{gold}: {message}"
    print(f"error: {named}", file=sys.stderr)
    return 2


def _print_tables(
    result, as_json: bool, title: str, tables: list[list[dict]], errors_note: str
) -> int:
    """One evaluation as JSON, or as ``title`` and its tables, then ``errors_note`` when
    some articles could not be scored."""
    if as_json:
        emit([result.to_dict()], "json")
        return 0
    print(title)
    for rows in tables:
        print()
        emit(rows, "table")
    if result.errors:
        print(errors_note)
    return 0


def _cmd_eval_html(args: argparse.Namespace) -> int:
    from toolkit.evaluation.html import evaluate_html

    results = evaluate_html(args.folder)
    emit([result.to_dict() for result in results], "json" if args.json else "table")
    return 0


def _eval_ggt(args: argparse.Namespace, part: tuple[int, int] | None) -> int:
    from toolkit.evaluation.ggt import DESCRIPTION, evaluate_ggt

    results = evaluate_ggt(args.gold, baseline=not args.no_baseline, limit=args.limit, part=part)
    return _print_evaluations(results, DESCRIPTION, args.json)


def _print_evaluations(results: list, description: str, as_json: bool) -> int:
    """The scores of each system (the toolkit, the baseline) as JSON, or as a table after
    ``description``, with the articles a system could not score."""
    if as_json:
        emit([result.to_dict() for result in results], "json")
        return 0
    print(description)
    print()
    emit([row for result in results for row in result.rows()], "table")
    for result in results:
        if result.errors:
            print(f"{result.name}: {result.errors} articles raised an error, scored as empty")
    return 0
