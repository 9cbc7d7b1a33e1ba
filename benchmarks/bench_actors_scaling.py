"""Does ``find_actors`` scale linearly with article length?

Builds texts of 60, 125 and 250 KB from invented news paragraphs (made-up people, companies
and towns, so the number of distinct actors grows with the length, as in a long report) and
times ``find_actors`` on each (best of three). Prints milliseconds per KB and the ratio of the
longest to the shortest: about 1.0 is linear; the target is at most 1.3.

    python benchmarks/bench_actors_scaling.py [--sizes 60 125 250] [--one-line]

``--one-line`` joins the paragraphs with spaces instead of blank lines (one 250 KB line), which
also measures how sentence splitting copes with a text that has no line breaks.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.actors import find_actors  # noqa: E402

_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "sen",
    "tor",
    "vel",
    "dan",
    "bri",
    "ost",
    "hal",
    "mer",
    "qui",
    "zan",
    "fel",
    "gor",
]
_TEMPLATES = [
    "{a}, the chief executive of {org} Holdings, said on Tuesday that the company would close "
    'its plant in {town}. "We have no choice," {a_last} told reporters. She added that 300 '
    "jobs were at risk.",
    "The {org} Workers Union called the decision a betrayal. Its general secretary, {b}, said he "
    "would meet MPs at Westminster next week and warned that strikes could follow in {town}.",
    "Analysts at {org} Capital said shares fell 8% in London. Dr {b} of the Institute for Fiscal "
    "Studies said the outlook for {town} was uncertain, and Mr {b_last} expected more cuts.",
    "{a} met Prime Minister {b} in {town} on Thursday. After the meeting {a_last} said the talks "
    "had been frank, while {org} officials declined to comment.",
]


def _word(rnd: random.Random, syllables: int) -> str:
    return "".join(rnd.choice(_SYLLABLES) for _ in range(syllables)).capitalize()


def invented_text(kilobytes: int, one_line: bool = False, seed: int = 1) -> str:
    """About ``kilobytes`` KB of invented news paragraphs."""
    rnd = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    for n in itertools.count():
        if size >= kilobytes * 1000:
            break
        a_last, b_last = _word(rnd, 3), _word(rnd, 3)
        paragraph = _TEMPLATES[n % len(_TEMPLATES)].format(
            a=f"{_word(rnd, 2)} {a_last}",
            a_last=a_last,
            b=f"{_word(rnd, 2)} {b_last}",
            b_last=b_last,
            org=_word(rnd, 2),
            town=_word(rnd, 2),
        )
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return (" " if one_line else "\n\n").join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 125, 250])
    parser.add_argument("--one-line", action="store_true")
    args = parser.parse_args()
    find_actors("Warm-up: Olaf Scholz met officials in Paris.")  # load the word lists
    per_kb = []
    for kilobytes in args.sizes:
        text = invented_text(kilobytes, args.one_line)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            actors = find_actors(text)
            best = min(best, time.perf_counter() - start)
        per_kb.append(best * 1000 / (len(text) / 1000))
        print(
            f"{len(text) / 1000:7.0f} KB  {best:6.2f} s  {per_kb[-1]:5.2f} ms/KB  "
            f"{len(actors)} actors"
        )
    ratio = per_kb[-1] / per_kb[0]
    print(
        f"ms/KB at {args.sizes[-1]} KB / at {args.sizes[0]} KB: {ratio:.2f} "
        f"({'linear' if ratio <= 1.3 else 'NOT linear'}; target <= 1.3)"
    )


if __name__ == "__main__":
    main()
