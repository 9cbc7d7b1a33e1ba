"""Speed of quotation extraction over a news corpus, against a baseline run alongside.

    python benchmarks/bench_quotes.py [--corpus ../shared/corpus/bbc] [--limit N] [--repeat 3]

Prints articles per second for:

- ``extract_quotes(article)``: what users call (it finds the article's actors itself);
- ``extract_quotes(article, actors=...)``: the quotation work alone, actors found beforehand
  (this is how ``toolkit.analyze`` calls it);
- the baseline: pairing double quote marks with one regular expression, nothing else;

and the ratio of each to the baseline. Articles are loaded once, before timing. Timings are
the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.article import expand_paths, load_article  # noqa: E402
from toolkit.errors import ArticleError  # noqa: E402
from toolkit.quotes import _find_actors, extract_quotes  # noqa: E402

_REGEX_PAIR = re.compile(r"[\"“”]([^\"“”\n]+)[\"“”]")


def regex_baseline(text: str) -> list[tuple[int, int]]:
    return [m.span(1) for m in _REGEX_PAIR.finditer(text)]


def best_rate(articles, function, repeat: int) -> tuple[float, int]:
    best = float("inf")
    count = 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = sum(len(function(article)) for article in articles)
        best = min(best, time.perf_counter() - start)
    return len(articles) / best, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "bbc"))
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    if not Path(args.corpus).is_dir():
        print(f"error: {args.corpus}: no such folder (give --corpus)", file=sys.stderr)
        return 2
    paths = [p for p in expand_paths([args.corpus]) if p.name.lower() != "readme.txt"]
    paths = paths[: args.limit] if args.limit else paths
    articles = []
    for path in paths:
        try:
            articles.append(load_article(path))
        except ArticleError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    if not articles:
        print(f"error: no articles under {args.corpus}", file=sys.stderr)
        return 2
    with_actors = [(a, _find_actors(a)) for a in articles]

    baseline, n_base = best_rate([a.text for a in articles], regex_baseline, args.repeat)
    alone, n_alone = best_rate(
        with_actors, lambda pair: extract_quotes(pair[0], actors=pair[1]), args.repeat
    )
    full, n_full = best_rate(articles, extract_quotes, args.repeat)

    print(f"{len(articles)} articles from {args.corpus}")
    print(f"{'method':44} {'articles/s':>11} {'quotes':>7} {'vs baseline':>12}")
    for name, rate, count in (
        ("regex quote-mark pairing (baseline)", baseline, n_base),
        ("extract_quotes(article, actors=found)", alone, n_alone),
        ("extract_quotes(article)", full, n_full),
    ):
        print(f"{name:44} {rate:11.1f} {count:7d} {rate / baseline:11.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
