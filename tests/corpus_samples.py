"""A small news corpus written for the corpus tests: three topic folders, an exact duplicate,
a cp1252 file, an empty file and a binary one."""

from __future__ import annotations

from pathlib import Path

RAIL = (
    "Minister defends rail shake-up\n\n"
    "Transport Secretary Ruth Kelly defended the rail shake-up on Monday. "
    '"The railways need stability, not another upheaval," Ms Kelly told MPs.\n\n'
    "Shadow transport secretary Tim Collins said the plan was a missed opportunity. "
    "Mr Collins added that fares would rise again next year.\n\n"
    "Network Rail welcomed the plan, and Ms Kelly said she would meet its board in London.\n"
)
BUDGET = (
    "Brown sets out spending plans\n\n"
    "Chancellor Gordon Brown set out his spending plans in London on Wednesday. "
    '"We will not put stability at risk," Mr Brown said.\n\n'
    "The Treasury said the plans were fully costed. Ruth Kelly, the transport secretary, "
    "backed the chancellor. Tim Collins said Mr Brown was borrowing too much.\n"
)
AIRLINE = (
    "Airline profits soar\n\n"
    "Shares in easyJet rose sharply after the airline reported record profits. "
    '"This has been an outstanding year," said chief executive Ray Webster.\n\n'
    "Analysts at Merrill Lynch said British airlines were outperforming their rivals in "
    "France and Germany. Mr Webster said fuel costs were the biggest worry.\n"
)
RETAILER = (
    "Retailer buys rival for £15.8m\n\n"
    "Tesco has bought a smaller rival for £15.8m, the company said on Friday. "
    'Chairman John Gardiner said the deal would "strengthen our position in Scotland".\n'
)
GADGET = (
    "Phone makers bet on music\n\n"
    "Nokia and Motorola unveiled music phones in Cannes on Monday. "
    '"People want one device in their pocket," said Nokia executive Anssi Vanjoki.\n'
)

#: Article ids in input order, and the files that fail.
IDS = ["business-001", "business-002", "politics-001", "politics-002", "politics-003", "tech-001"]
FAILING = {
    "business/003.txt": "file is empty",
    "tech/002.txt": "binary file, not text",
}


def write_news(root: Path) -> Path:
    """Write the corpus under ``root/news`` and return that folder."""
    news = root / "news"
    files = {
        "business/001.txt": AIRLINE.encode("utf-8"),
        "business/002.txt": RETAILER.encode("cp1252"),
        "business/003.txt": b"",
        "politics/001.txt": RAIL.encode("utf-8"),
        "politics/002.txt": BUDGET.encode("utf-8"),
        "politics/003.txt": RAIL.encode("utf-8"),  # an exact duplicate of politics/001
        "tech/001.txt": GADGET.encode("utf-8"),
        "tech/002.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    }
    for name, data in files.items():
        path = news / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return news


# --- TEMPORARY: stand-ins until toolkit.stats / actors / quotes land on main ----------------


def install_stand_ins() -> bool:
    """Install /tmp-free stand-ins for the analysis modules that are not there yet (the pool
    workers inherit them by fork). Returns True when stand-ins are in use."""
    import importlib.util
    import re
    import sys
    import types
    from dataclasses import asdict, dataclass

    import pandas as pd

    names = ("stats", "actors", "quotes")
    if any(getattr(sys.modules.get(f"toolkit.{m}"), "STAND_IN", False) for m in names):
        return True
    missing = [m for m in names if importlib.util.find_spec(f"toolkit.{m}") is None]
    if not missing:
        return False

    @dataclass(frozen=True)
    class TextStats:
        characters: int
        words: int
        flesch_reading_ease: float
        flesch_kincaid_grade: float
        gunning_fog: float

        def to_dict(self):
            return asdict(self)

    def text_stats(a):
        n = len(a.text.split())
        return TextStats(len(a.text), n, 100.0 - n / 10, n / 50, n / 40)

    @dataclass(frozen=True)
    class Mention:
        start: int
        end: int
        text: str
        form: str = "name"

    @dataclass(frozen=True)
    class Actor:
        name: str
        kind: str
        aliases: tuple
        titles: tuple
        mentions: tuple

    def find_actors(a):
        found: dict[str, list] = {}
        for m in re.finditer(r"\b(?:[A-Z][a-z]+ )?[A-Z][a-z]+\b", a.text):
            if m.start() == 0 or a.text[m.start() - 2] in ".\n":
                continue
            found.setdefault(m.group(), []).append(Mention(m.start(), m.end(), m.group()))
        return [Actor(n, "person", (), (), tuple(ms)) for n, ms in found.items()]

    @dataclass(frozen=True)
    class Quote:
        start: int
        end: int
        text: str
        kind: str
        speaker: str | None
        speaker_start: int | None
        speaker_end: int | None
        cue: str | None

    def extract_quotes(a, actors=()):
        return [
            Quote(m.start(), m.end(), m.group(), "direct", None, None, None, None)
            for m in re.finditer(r'"[^"]+"', a.text)
        ]

    def co_mentions(x, actors=None):
        names = [a.name for a in actors]
        rows = [(x, y, 1) for i, x in enumerate(names) for y in names[i + 1 :]]
        return pd.DataFrame(rows, columns=["actor_a", "actor_b", "count"])

    def kwic(a, term, window=8):
        rows = [
            {
                "left": a.text[max(0, m.start() - 40) : m.start()],
                "keyword": term,
                "right": a.text[m.end() : m.end() + 40],
            }
            for m in re.finditer(re.escape(term), a.text)
        ]
        return pd.DataFrame(rows, columns=["left", "keyword", "right"])

    import toolkit

    namespace = locals()
    modules = {
        "stats": ["TextStats", "text_stats", "kwic"],
        "actors": ["Actor", "Mention", "find_actors", "co_mentions"],
        "quotes": ["Quote", "extract_quotes"],
    }
    for name in missing:
        module = types.ModuleType(f"toolkit.{name}")
        module.STAND_IN = True
        for attr in modules[name]:
            setattr(module, attr, namespace[attr])
        sys.modules[f"toolkit.{name}"] = module
        setattr(toolkit, name, module)
    return True
