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


# --- a table of articles with dates and outlets (a news desk's export) ---------------------------

STRIKE = (
    "Dockers in Kelso returned to work on Monday after a week-long strike. "
    '"We have a fair deal at last," union leader Ines Marlow said.\n\n'
    "The Harbour Board said shipping would be back to normal by Friday. Teo Vance, the "
    "board's chairman, thanked both sides for their patience."
)
STRIKE_OVER = (
    "The strike at Kelso port is over. Ines Marlow told reporters that members had voted to "
    'accept the offer. "This was never about money alone," Ms Marlow said.\n\n'
    "Teo Vance said the Harbour Board would review its safety rules."
)
CRANES = (
    "The Harbour Board will buy four new cranes for Kelso, its chairman Teo Vance announced "
    'on Tuesday. "The port must grow or it will wither," Mr Vance said.\n\n'
    "Critics on the town council said the money should go to housing instead."
)
# An agency story, and the same story as another outlet ran it the next day, lightly edited.
FERRY = (
    "The ferry between Kelso and North Bay will run again from Saturday, three months after "
    "a storm damaged its landing stage, the Harbour Board said on Wednesday. "
    '"Islanders have waited long enough, and we are grateful for their patience," said Teo '
    "Vance, the board's chairman.\n\n"
    "Repairs to the landing stage cost more than had been planned, and the board has asked "
    "the regional council to share the bill. Ines Marlow, who leads the dockers' union, said "
    "her members had worked through the winter to finish the job on time."
)
FERRY_AGAIN = (
    "The ferry between Kelso and North Bay will run again from Saturday, three months after "
    "a storm damaged its landing stage, the Harbour Board said. "
    '"Islanders have waited long enough, and we are grateful for their patience," said Teo '
    "Vance, the board's chairman.\n\n"
    "Repairs to the landing stage cost more than had been planned, and the board has asked "
    "the regional council to share the bill. Tickets will cost the same as last year."
)
HOUSING = (
    "Kelso town council approved plans for two hundred homes on the old rope works site. "
    '"Young families are leaving because they cannot find a home," councillor Rhoda Imrie '
    "said.\n\nThe Harbour Board, which owns part of the site, has not yet agreed to sell."
)

#: The desk's stories: (id, date, outlet, title, text), in table order.
DESK = [
    ("ledger-0001", "2024-03-04", "The Ledger", "Port strike ends after talks", STRIKE),
    ("courier-0001", "2024-03-05 08:15:00", "Kelso Courier", "Dockers back at work", STRIKE_OVER),
    ("ledger-0002", "2024-03-12T09:00:00Z", "The Ledger", "Board promises new cranes", CRANES),
    ("wire/0001", "2024-03-20", "North Bay Post", "Ferry service to resume", FERRY),
    ("courier-0002", "Thu, 21 Mar 2024 07:30:00 +0000", "Kelso Courier", "Ferry back", FERRY_AGAIN),
    ("ledger-0003", "2024-03-26", "The Ledger", "Homes planned for rope works", HOUSING),
]
#: Ids in the corpus: "wire/0001" is made file-name-safe.
DESK_IDS = [
    "ledger-0001",
    "courier-0001",
    "ledger-0002",
    "wire-0001",
    "courier-0002",
    "ledger-0003",
]


def write_desk(root: Path) -> Path:
    """Write ``root/desk/`` holding ``stories.csv`` (the :data:`DESK` stories, with a
    ``section`` column) and files that are skipped on purpose: a README, a hidden table, a
    spreadsheet. Return the folder."""
    import csv

    desk = root / "desk"
    desk.mkdir(parents=True, exist_ok=True)
    with open(desk / "stories.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "outlet", "title", "section", "text"])
        for story_id, date, outlet, title, text in DESK:
            section = "housing" if story_id == "ledger-0003" else "port"
            writer.writerow([story_id, date, outlet, title, section, text])
    (desk / "README.md").write_text("Stories exported from the desk.\n", encoding="utf-8")
    (desk / ".backup.csv").write_text("id,text\nx,An old copy.\n", encoding="utf-8")
    (desk / "budget.xlsx").write_bytes(b"PK\x03\x04")
    return desk


def write_messy_table(root: Path) -> Path:
    """A CSV (one line per row) with problems on some rows: too many fields (line 3), an
    empty text (line 4), a repeated id (line 5), a date that is no date (line 6). Return its
    path."""
    import csv
    import io

    def line(*fields: str) -> str:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(fields)
        return out.getvalue()

    def flat(text: str) -> str:
        return text.replace("\n\n", " ")

    path = root / "messy.csv"
    path.write_text(
        line("id", "date", "outlet", "text")
        + line("m-1", "2024-03-04", "The Ledger", flat(CRANES))
        + "m-2,2024-03-05,The Ledger,Cranes,arrive,early\n"
        + line("m-3", "2024-03-06", "The Ledger", "")
        + line("m-1", "2024-03-07", "The Ledger", flat(HOUSING))
        + line("m-4", "next Tuesday", "The Ledger", flat(STRIKE)),
        encoding="utf-8",
    )
    return path
