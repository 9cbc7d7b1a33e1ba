"""The figures of a batch's overview page, added up from the summary rows its reports
published (see :func:`toolkit.reports.report_summary`): corpus totals, the top actors, who is
quoted (voice share), people quoted by inferred gender and by role, per outlet and per period.

Only the standard library: the index is rewritten on every run, also a run with nothing to
build, which must not pay for pandas.

>>> rows = [{"words": 120, "quotes": 2, "outlet": "Island Post", "date": "2024-03-05",
...          "sources_by_gender": {"female": 1, "male": 1, "unknown": 0}}]
>>> figures = overview(rows)
>>> figures.total.articles, figures.total.women_share, figures.period
(1, 0.5, 'day')
>>> [(g.label, g.quotes) for g in figures.outlets]
[('Island Post', 2)]

A summary row comes from a notebook (or a manifest anyone can edit): a field of the wrong
type counts as missing, never as an error.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

__all__ = [
    "GENDERS",
    "ActorTotal",
    "Group",
    "Overview",
    "overview",
    "parse_summary_date",
    "period_label",
    "women_share",
]

#: Inferred genders, in the order charts show them (``unknown``: no or conflicting evidence).
GENDERS = ("female", "male", "unknown")
#: Periods of the over-time charts, finest first, with the longest span (days) each is used
#: for: a day for up to six weeks of articles, a week for up to ten months...
_PERIODS = (("day", 45), ("week", 45 * 7), ("month", 5 * 366), ("year", None))


@dataclass
class Group:
    """The articles of one outlet, one period, or the whole batch, added up."""

    label: str
    articles: int = 0
    words: int = 0
    quotes: int = 0
    unattributed: int = 0
    people: Counter[str] = field(default_factory=Counter)  # people mentioned, by gender
    sources: Counter[str] = field(default_factory=Counter)  # people quoted, by gender
    roles: Counter[str] = field(default_factory=Counter)  # people quoted, by role

    def add(self, summary: dict[str, Any]) -> None:
        self.articles += 1
        self.words += _int(summary.get("words"))
        self.quotes += _int(summary.get("quotes"))
        self.unattributed += _int(summary.get("unattributed_quotes"))
        self.people.update(_counts(summary.get("people_by_gender"), GENDERS))
        self.sources.update(_counts(summary.get("sources_by_gender"), GENDERS))
        self.roles.update(_counts(summary.get("sources_by_role")))

    @property
    def sources_total(self) -> int:
        return sum(self.sources.values())

    @property
    def women_share(self) -> float | None:
        """Women quoted / people quoted with an inferred gender (None when there are none)."""
        return women_share(self.sources)


def women_share(people: Counter[str]) -> float | None:
    """Women among ``people`` (counts by inferred gender) with an inferred gender; None when
    no one has one.

    >>> women_share(Counter(female=1, male=3, unknown=5))
    0.25
    """
    known = people["female"] + people["male"]
    return people["female"] / known if known else None


@dataclass
class ActorTotal:
    """One actor (by its identity key) over the batch."""

    key: str
    kind: str
    names: Counter[str] = field(default_factory=Counter)  # name -> articles using it
    articles: int = 0
    mentions: int = 0
    quotes: int = 0
    quoted_articles: int = 0

    @property
    def name(self) -> str:
        """The name the actor has in most articles (then the first in alphabetical order)."""
        return min(self.names.items(), key=lambda item: (-item[1], item[0]))[0]

    def add(self, entry: dict[str, Any]) -> None:
        self.names[str(entry.get("name") or self.key)] += 1
        self.articles += 1
        self.mentions += _int(entry.get("mentions"))
        quotes = _int(entry.get("quotes"))
        self.quotes += quotes
        self.quoted_articles += quotes > 0


@dataclass
class Overview:
    """Everything the overview page shows; see :func:`overview`."""

    total: Group
    actors: list[ActorTotal]  # most mentioned first
    speakers: list[ActorTotal]  # most quoted first
    outlets: list[Group]  # most articles first
    periods: list[Group]  # in time order, empty periods included
    period: str | None  # "day", "week", "month", "year"; None without dates
    undated: int  # articles without a date


def overview(summaries: Iterable[dict[str, Any]]) -> Overview:
    """The overview figures of the reports whose summary rows are ``summaries``.

    Top actors add up each article's 20 most mentioned actors, and speakers each article's
    20 most quoted, by identity key (see :attr:`toolkit.actors.Actor.key`)."""
    total = Group("all articles")
    actors: dict[str, ActorTotal] = {}
    speakers: dict[str, ActorTotal] = {}
    outlets: dict[str, Group] = {}
    dated: list[tuple[datetime, dict[str, Any]]] = []
    undated = 0
    for summary in summaries:
        total.add(summary)
        _add_actors(actors, summary.get("actor_counts"))
        _add_actors(speakers, summary.get("speakers"))
        outlet = summary.get("outlet")
        if isinstance(outlet, str) and outlet.strip():
            outlets.setdefault(outlet.strip(), Group(outlet.strip())).add(summary)
        when = parse_summary_date(summary.get("date"))
        if when is None:
            undated += 1
        else:
            dated.append((when, summary))
    period, periods = _by_period(dated)
    return Overview(
        total=total,
        actors=sorted(actors.values(), key=lambda a: (-a.mentions, -a.articles, a.name)),
        speakers=sorted(
            (s for s in speakers.values() if s.quotes), key=lambda s: (-s.quotes, s.name)
        ),
        outlets=sorted(outlets.values(), key=lambda g: (-g.articles, g.label)),
        periods=periods,
        period=period,
        undated=undated,
    )


def _add_actors(totals: dict[str, ActorTotal], entries: Any) -> None:
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict) or not entry.get("key"):
            continue
        key = str(entry["key"])
        totals.setdefault(key, ActorTotal(key, str(entry.get("kind") or ""))).add(entry)


# --- periods --------------------------------------------------------------------------------


def _by_period(dated: list[tuple[datetime, dict[str, Any]]]) -> tuple[str | None, list[Group]]:
    """The period that shows the dates' span in at most about 45-60 steps, and a group per
    period from the first to the last (empty ones included: a gap is news too)."""
    if not dated:
        return None, []
    first = min(when for when, _ in dated).date()
    last = max(when for when, _ in dated).date()
    span = (last - first).days
    period = next(name for name, longest in _PERIODS if longest is None or span <= longest)
    groups = {label: Group(label) for label in _period_labels(first, last, period)}
    for when, summary in dated:
        groups[period_label(when.date(), period)].add(summary)
    return period, list(groups.values())


def period_label(day: date, period: str) -> str:
    """``2024-03-05`` as its day, ISO week, month or year.

    >>> [period_label(date(2024, 3, 5), p) for p in ("day", "week", "month", "year")]
    ['2024-03-05', '2024-W10', '2024-03', '2024']
    """
    if period == "day":
        return day.isoformat()
    if period == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    return str(day.year)


def _period_labels(first: date, last: date, period: str) -> list[str]:
    """Every period from the one of ``first`` to the one of ``last``, in order."""
    step = {"day": 1, "week": 7}.get(period)
    labels: dict[str, None] = {}
    if step is not None:
        day = first - timedelta(days=first.weekday()) if period == "week" else first
        while day <= last:
            labels[period_label(day, period)] = None
            day += timedelta(days=step)
    elif period == "month":
        for index in range(first.year * 12 + first.month - 1, last.year * 12 + last.month):
            labels[f"{index // 12}-{index % 12 + 1:02d}"] = None
    else:
        labels = dict.fromkeys(str(y) for y in range(first.year, last.year + 1))
    return list(labels)


def parse_summary_date(value: Any) -> datetime | None:
    """An ISO 8601 date or time of a summary row, timezone-aware (UTC when it says none, as
    the toolkit reads dates); None for anything else."""
    if not isinstance(value, str) or not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


# --- defensive reading ----------------------------------------------------------------------


def _int(value: Any) -> int:
    """A count from a summary row: a non-negative whole number, else 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return 0
    return max(0, int(value))


def _counts(value: Any, keys: tuple[str, ...] | None = None) -> Counter[str]:
    """A ``{label: count}`` field of a summary row (only ``keys``, if given)."""
    if not isinstance(value, dict):
        return Counter()
    return Counter({str(k): _int(v) for k, v in value.items() if keys is None or k in keys})
