"""How quotation extraction scales with the length of one article.

    python benchmarks/bench_quotes_scaling.py [--sizes 60,125,250] [--repeat 3]

Builds articles of about 60, 125 and 250 KB by repeating paragraphs written for this benchmark
(quotations, reported speech, pronouns, a new cast of names in every round, so that the
number of actors and mentions grows with the text, as in a long live blog), and times
``find_actors`` and ``extract_quotes(article, actors=...)`` on each, and ``extract_quotes`` on
the same text run together into one paragraph with no sentence ends (periods made commas), the
worst case for rules that read a sentence as a whole. The baseline is the
smallest article: for each size the script prints the time, the time per KB and that figure
as a ratio to the baseline's. Linear scaling keeps the ratio near 1; quadratic work doubles
it with each doubling of the size.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.actors import find_actors  # noqa: E402
from toolkit.quotes import extract_quotes  # noqa: E402

_FIRST = ["Ana", "Tom", "Lena", "Piet", "Grace", "Omar", "Ines", "Karl", "Maya", "Yusuf", "Nora"]
# Invented family names: every pair of a stem and an ending (230 of them).
_STEMS = (
    "Al Bor Cas Dun Fer Gal Hol Ish Kor Lan Mar Nor Ost Pel Quin Ros Sal Tor Ul Vel Wen Yar Zan"
)
_LAST = [
    stem + end
    for stem in _STEMS.split()
    for end in ["ley", "mann", "ova", "ard", "ez", "ini", "sen", "berg", "ton", "ski"]
]

_PARAGRAPHS = [
    '"We will open the new ferry line in {month}," said {a}, the harbour director. '
    '"The boats are ready and the crews are trained."',
    "{b} said the council had approved the budget on Tuesday, but warned that the repairs "
    'to the old quay would take "at least another winter."',
    "According to {c}, the port authority expects traffic to grow by a fifth next year. "
    "{c_last} told reporters that the figures would be published in full.",
    '"It is a fair deal for the islands," {d_last} added. "Nobody loses a job."',
    "Residents say the fares are too high, and {e}, who leads the residents' association, "
    'called the plan "a tax on living here." She said her members would protest.',
    "The ministry, {f_last} said, has promised to review the timetable before the summer. "
    "The review will look at night crossings and the cost of tickets for pupils.",
    '{a_last} later wrote that the line was "the best news in years" and thanked the crews.',
    "Fishermen on the north shore are less sure. {g} said the new route cuts across the "
    'fishing grounds. "We were never asked," he said.',
]
_MONTHS = ["March", "April", "June", "October"]


def invented_article(size_kb: int) -> str:
    """An article of about ``size_kb`` KB made of the invented paragraphs above."""
    paragraphs = []
    length = 0
    round_ = 0
    while length < size_kb * 1000:
        names = [
            f"{_FIRST[(round_ + k) % len(_FIRST)]} {_LAST[(round_ * 7 + k) % len(_LAST)]}"
            for k in range(7)
        ]
        fields = {key: name for key, name in zip("abcdefg", names, strict=True)}
        fields.update({f"{key}_last": name.split()[1] for key, name in fields.items()})
        fields["month"] = _MONTHS[round_ % len(_MONTHS)]
        for template in _PARAGRAPHS:
            paragraph = template.format(**fields)
            paragraphs.append(paragraph)
            length += len(paragraph) + 2
        round_ += 1
    return "Ferry plans\n\n" + "\n\n".join(paragraphs)


def best_time(function, repeat: int) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = len(function())
        best = min(best, time.perf_counter() - start)
    return best, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="60,125,250", help="article sizes in KB")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    print(f"{'size':>7} {'step':24} {'seconds':>8} {'items':>6} {'ms/KB':>7} {'vs smallest':>12}")
    baseline: dict[str, float] = {}
    for size in sizes:
        text = invented_article(size)
        kb = len(text.encode("utf-8")) / 1000
        actors = find_actors(text)
        flat = text.replace("\n\n", " ").replace(".", ",")
        steps = (
            ("find_actors", lambda t=text: find_actors(t)),
            ("extract_quotes(actors=)", lambda t=text, a=actors: extract_quotes(t, actors=a)),
            ("... one sentence", lambda t=flat: extract_quotes(t, actors=[])),
        )
        for name, function in steps:
            seconds, count = best_time(function, args.repeat)
            per_kb = seconds * 1000 / kb
            baseline.setdefault(name, per_kb)
            print(
                f"{kb:6.0f}K {name:24} {seconds:8.3f} {count:6d} {per_kb:7.2f} "
                f"{per_kb / baseline[name]:11.2f}x"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
