"""Benchmark the actor finder against NLTK's pos_tag + ne_chunk(binary=True), in one run.

(a) Quality on a CoNLL-style gold file: typed and span-only scores of ``toolkit.find_actors``
    and the span-only score of NLTK's binary chunker on NLTK's own tokenisation, both through
    ``toolkit.evaluation.entities`` (same rules: exact spans, MISC not scored).
(b) Speed over a folder of articles: articles per second of ``find_actors`` and of NLTK's
    sent_tokenize + word_tokenize + pos_tag + ne_chunk (chunker loaded once, outside the
    clock), on the same articles, and the ratio. Target: at least 3x.

    python benchmarks/bench_actors.py [--gold ../shared/eval/ner-dev.jsonl]
        [--corpus ../shared/corpus/bbc] [--limit 300] [--skip-quality] [--skip-speed]

Needs the NLTK data punkt_tab, averaged_perceptron_tagger_eng and maxent_ne_chunker_tab
(``export NLTK_DATA=../shared/nltk_data`` here).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.actors import find_actors  # noqa: E402
from toolkit.article import expand_paths, load_article  # noqa: E402
from toolkit.errors import ArticleError  # noqa: E402
from toolkit.evaluation.entities import evaluate_entities, nltk_binary_predictions  # noqa: E402


def quality(gold: Path, limit: int | None) -> None:
    print(f"== quality on {gold}" + (f" (first {limit} documents)" if limit else ""))
    start = time.perf_counter()
    ours = evaluate_entities(gold, limit=limit)
    ours_time = time.perf_counter() - start
    start = time.perf_counter()
    theirs = evaluate_entities(gold, nltk_binary_predictions(), limit=limit)
    theirs_time = time.perf_counter() - start
    print(f"{'system':28} {'scope':6} {'P':>6} {'R':>6} {'F1':>6}")
    for scope in ("PER", "ORG", "LOC", "micro", "span"):
        s = ours[scope]
        print(
            f"{'toolkit.find_actors':28} {scope:6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
        )
    s = theirs["span"]
    print(
        f"{'nltk pos_tag+ne_chunk(bin)':28} {'span':6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
    )
    print(
        f"span-only F1: toolkit {ours['span'].f1:.3f} vs NLTK {s.f1:.3f} "
        f"({'above' if ours['span'].f1 > s.f1 else 'NOT above'}); "
        f"typed micro F1 {ours['micro'].f1:.3f} (target 0.75)"
    )
    print(f"time: toolkit {ours_time:.1f}s, NLTK {theirs_time:.1f}s")


def speed(corpus: Path, limit: int) -> None:
    import nltk
    from nltk.chunk import ne_chunker

    paths = expand_paths([str(corpus)])
    paths = paths[:: max(1, len(paths) // limit)][:limit]  # spread over every section
    articles = []
    for path in paths:
        try:
            articles.append(load_article(path))
        except ArticleError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    if not articles:
        raise SystemExit(f"no articles under {corpus}")
    print(f"== speed on {len(articles)} articles from {corpus}")
    find_actors(articles[0])  # load the word lists outside the clock, as NLTK's models are
    chunker = ne_chunker(fmt="binary")
    nltk.pos_tag(["warm", "up"])

    start = time.perf_counter()
    for article in articles:
        find_actors(article)
    ours = time.perf_counter() - start

    start = time.perf_counter()
    for article in articles:
        for sentence in nltk.sent_tokenize(article.text):
            chunker.parse(nltk.pos_tag(nltk.word_tokenize(sentence)))
    theirs = time.perf_counter() - start

    n = len(articles)
    print(f"toolkit.find_actors:            {n / ours:8.1f} articles/s")
    print(f"nltk pos_tag + ne_chunk(binary): {n / theirs:8.1f} articles/s")
    print(f"ratio: {theirs / ours:.1f}x (target >= 3x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", default=str(ROOT.parent / "shared" / "eval" / "ner-dev.jsonl"))
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--limit", type=int, default=300, help="articles for the speed test")
    parser.add_argument("--gold-limit", type=int, default=None, help="documents for quality")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    for flag, path in (("--gold", args.gold), ("--corpus", args.corpus)):
        if not Path(path).exists():
            raise SystemExit(f"{path}: not found (pass {flag} PATH)")
    if not args.skip_quality:
        quality(Path(args.gold), args.gold_limit)
    if not args.skip_speed:
        speed(Path(args.corpus), args.limit)


if __name__ == "__main__":
    main()
