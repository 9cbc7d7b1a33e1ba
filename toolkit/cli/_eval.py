"""``toolkit eval``: quality against gold data (sentences, syllables, entities, quotations,
inferred gender)."""

from __future__ import annotations

import argparse
import sys

from toolkit.cli._common import emit, parse_part


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``eval`` and its subcommands."""
    evaluate = sub.add_parser("eval", help="measure quality against gold data")
    eval_sub = evaluate.add_subparsers(dest="what", metavar="WHAT")
    eval_sub.required = True
    p = eval_sub.add_parser("sentences", help="sentence boundaries vs CoNLL-style gold sentences")
    p.add_argument(
        "gold", help="gold JSONL file (CoNLL-style, as ner-dev.jsonl of the evaluation data)"
    )
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
    p.add_argument(
        "gold", help="gold JSONL file (CoNLL-style, as ner-dev.jsonl of the evaluation data)"
    )
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

    p = eval_sub.add_parser(
        "quotes",
        help="quotation spans and speakers vs PolNeAR-style (quotes-dev.jsonl) or GGT-style"
        " gold (ggt-dev.jsonl)",
    )
    p.add_argument(
        "gold",
        help="gold JSONL file, PolNeAR-style (as quotes-dev.jsonl of the evaluation data) or"
        " GGT-style (as ggt-dev.jsonl: scored as GGT scores, at overlaps 0.3 and 0.8); the"
        " format is read from the file",
    )
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

    p = eval_sub.add_parser(
        "gender",
        help="inferred gender of people mentioned and quoted vs GGT-style gold (ggt-dev.jsonl)",
    )
    p.add_argument(
        "gold", help="gold JSONL file (GGT-style, as ggt-dev.jsonl of the evaluation data)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--part",
        metavar="K/N",
        help="score only part K of N (0-based, by a hash of the article ids), e.g. 0/2 and 1/2",
    )
    p.set_defaults(func=_cmd_eval_gender)

    p = eval_sub.add_parser(
        "roles", help="speaker roles vs hand labels (article id, speaker, role; a TSV file)"
    )
    p.add_argument("gold", help="TSV file of labels, as tests/data/roles_gold.tsv")
    p.add_argument(
        "--corpus",
        required=True,
        help="folder holding the labelled articles (bbc/<topic>/<nnn>.txt, polnear/articles.csv)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_cmd_eval_roles)

    p = eval_sub.add_parser(
        "html",
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
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_cmd_eval_html)


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


def _cmd_eval_gender(args: argparse.Namespace) -> int:
    from toolkit.evaluation.gender import evaluate_gender

    part = parse_part(args.part)
    if part is False:
        return 2
    try:
        result = evaluate_gender(args.gold, part=part)
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {args.gold}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        emit([result.to_dict()], "json")
        return 0
    print(f"Inferred gender, {result.articles} articles (people = mentioned, sources = quoted)")
    print()
    emit(result.rows(), "table")
    print()
    emit(result.summary_rows(), "table")
    print()
    emit(result.outlet_rows(), "table")
    if result.errors:
        print(f"{result.errors} articles raised an error, scored as empty")
    return 0


def _cmd_eval_roles(args: argparse.Namespace) -> int:
    from toolkit.evaluation.roles import evaluate_roles

    try:
        result = evaluate_roles(args.gold, args.corpus)
    except (OSError, ValueError) as exc:
        print(f"error: {args.gold}: {exc}", file=sys.stderr)
        return 2
    if args.json:
        emit([result.to_dict()], "json")
        return 0
    print(f"Speaker roles: {len(result.pairs)} labels, {result.found} found")
    print()
    emit(result.rows(), "table")
    print()
    emit(result.confusion(), "table")
    if result.errors:
        print(f"{result.errors} articles could not be read, their labels scored as missing")


def _cmd_eval_html(args: argparse.Namespace) -> int:
    from toolkit.evaluation.html import evaluate_html

    results = evaluate_html(args.folder)
    emit([result.to_dict() for result in results], "json" if args.json else "table")
    return 0


def _eval_ggt(args: argparse.Namespace, part: tuple[int, int] | None) -> int:
    from toolkit.evaluation.ggt import DESCRIPTION, evaluate_ggt

    results = evaluate_ggt(args.gold, baseline=not args.no_baseline, limit=args.limit, part=part)
    if args.json:
        emit([result.to_dict() for result in results], "json")
        return 0
    print(DESCRIPTION)
    print()
    emit([row for result in results for row in result.rows()], "table")
    for result in results:
        if result.errors:
            print(f"{result.name}: {result.errors} articles raised an error, scored as empty")
    return 0
