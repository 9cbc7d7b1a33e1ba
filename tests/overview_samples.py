"""Summary rows written for the overview tests (test_report_overview.py, test_report_browser.py):
three articles of two invented outlets quoting three invented people, one titled with markup."""

from __future__ import annotations

from pathlib import Path

from toolkit.reports._outcomes import BatchResult, ReportOutcome

XSS_TITLE = "<img src=x onerror=alert(1)>"


def speaker(name: str, gender: str | None, role: str, quotes: int) -> dict:
    key = f"person:{name.casefold()}"
    return {"name": name, "key": key, "kind": "person", "mentions": 2, "quotes": quotes,
            "gender": gender, "role": role}  # fmt: skip


def summary(title: str, speakers: list[dict], **fields) -> dict:
    """A summary row as report_summary makes it, for an article quoting ``speakers``."""
    genders = [s["gender"] or "unknown" for s in speakers]
    roles: dict[str, int] = {}
    for s in speakers:
        roles[s["role"]] = roles.get(s["role"], 0) + 1
    port = {"name": "Port Ellen", "key": "place:port ellen", "kind": "place", "mentions": 3,
            "quotes": 0}  # fmt: skip
    return {
        "title": title,
        "words": 200,
        "flesch_reading_ease": 55.5,
        "quotes": sum(s["quotes"] for s in speakers) + 1,
        "top_actors": ["Port Ellen", *(s["name"] for s in speakers)],
        "people_by_gender": {g: genders.count(g) + 1 for g in ("female", "male", "unknown")},
        "sources_by_gender": {g: genders.count(g) for g in ("female", "male", "unknown")},
        "sources_by_role": roles,
        "unattributed_quotes": 1,
        "speakers": speakers,
        "actor_counts": [port, *speakers],
        **fields,
    }


KELLER = speaker("Anna Keller", "female", "politician", 3)
CAMPBELL = speaker("Iain Campbell", "male", "official", 1)
PARK = speaker("Jo Park", None, "citizen", 2)

ROWS = [
    summary("Harbour reopens", [KELLER, CAMPBELL], outlet="Island Post", date="2024-01-10"),
    summary("Ferry deal signed", [KELLER, PARK], outlet="The Ledger", date="2024-03-02T08:00:00Z"),
    summary(XSS_TITLE, [CAMPBELL], outlet="Island <b>Post</b>", date="2024-03-20"),
]


def batch(rows: list[dict], failed: int = 0) -> BatchResult:
    outcomes = [
        ReportOutcome(f"a{i}", f"a{i}.txt", "built", row, files=(f"a{i}.html", f"a{i}.ipynb"))
        for i, row in enumerate(rows)
    ]
    outcomes += [
        ReportOutcome(f"bad{i}", f"bad{i}.txt", "failed", error=f"bad{i}.txt: file is empty")
        for i in range(failed)
    ]
    return BatchResult(Path("reports"), outcomes)
