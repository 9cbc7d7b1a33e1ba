"""Benchmark: the highlighted article text (`toolkit.display.article_html`) on long articles.

    python benchmarks/bench_display.py               # invented articles of 60, 125 and 250 KB
    python benchmarks/bench_display.py --sizes 30 60 120 240

The text is marked in one sweep over the mark boundaries, so its time should grow with the
article's length, not with its square. The articles are invented here (many paragraphs of
quotations, named people, organisations, places and pronouns), analysed once with
`toolkit.analyze`, then rendered. The baseline, measured in the same run, is the smallest
article: the script prints each size's time per KB as a ratio to the smallest one's
(target: under 2, where a quadratic sweep gives about 4 at 4x the length).
"""

from __future__ import annotations

import argparse
import time

from toolkit import analyze
from toolkit.article import Article
from toolkit.display import article_html

_PEOPLE = [
    ("Anna", "Keller"), ("Iain", "Campbell"), ("Maria", "Lindqvist"), ("Tomas", "Oduya"),
    ("Ruth", "Abernethy"), ("Karl", "Brandt"), ("Leila", "Haddad"), ("Owen", "Pritchard"),
]  # fmt: skip
_PLACES = ["Port Ellen", "Geneva", "Oslo", "Cardiff", "Lisbon", "Tallinn"]
_BODIES = ["the Harbour Board", "the Ferry Company", "the United Nations", "Reuters"]


def invented_article(kilobytes: float) -> str:
    """An invented news article of about ``kilobytes`` KB: a title, then paragraphs each with
    a direct quotation, a reported one, several named actors and a pronoun."""
    paragraphs = ["Harbour talks drag on"]
    size = 0
    i = 0
    while size < kilobytes * 1000:
        first, last = _PEOPLE[i % len(_PEOPLE)]
        other = _PEOPLE[(i * 3 + 1) % len(_PEOPLE)][1]
        place = _PLACES[i % len(_PLACES)]
        body = _BODIES[i % len(_BODIES)]
        paragraph = (
            f'"We will keep the harbour open for round {i}," said {first} {last}, who chairs '
            f"{body}. Officials met {other}'s team in {place} on Monday. Mr {other} said "
            f"the talks would go on. {last} added that she expected a deal by spring."
        )
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        i += 1
    return "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[60, 125, 250], metavar="KB")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many renderings")
    args = parser.parse_args()
    print(f"{'KB':>6} {'marks':>7} {'analyse s':>10} {'render s':>9} {'ms/KB':>7} {'ratio':>6}")
    base = None
    for kilobytes in args.sizes:
        text = invented_article(kilobytes)
        article = Article.from_text(text, id=f"invented-{kilobytes:g}kb", html=False)
        started = time.perf_counter()
        analysis = analyze(article)
        analysed = time.perf_counter() - started
        marks = len(analysis.quotes) + sum(len(a.mentions) for a in analysis.actors)
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            article_html(analysis)
            best = min(best, time.perf_counter() - started)
        per_kb = best / (len(text) / 1000)
        base = base or per_kb
        print(
            f"{len(text) / 1000:6.0f} {marks:7,} {analysed:10.2f} {best:9.3f} "
            f"{per_kb * 1000:7.2f} {per_kb / base:6.2f}"
        )


if __name__ == "__main__":
    main()
