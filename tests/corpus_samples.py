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
    "sat beside the chancellor. Tim Collins said Mr Brown was borrowing too much.\n"
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
