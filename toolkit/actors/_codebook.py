"""A research team's codebook: the actors of its coding scheme, their type and their aliases.

A codebook is a CSV file or a DataFrame with the columns ``actor``, ``kind`` and ``aliases``
(aliases separated by ``|`` or ``;``). Its actors are counted under exactly those names, every
alias counts as a name mention, and the surname of a person in it finds that person too. Names
the codebook does not list are still found, as without one. The optional columns ``gender``
(female, male or unknown) and ``role`` (one of :data:`toolkit.actors.ROLES`) set an actor's
inferred gender and role whatever the text suggests; left empty, the text decides.
"""

from __future__ import annotations

import bisect
import itertools
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit import lang
from toolkit.actors._document import Candidate, DemonymMention, Document
from toolkit.actors._model import GENDERS, KINDS, ROLES

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class CodebookEntry:
    """One actor of a codebook. ``gender`` and ``role`` are None when the codebook leaves them
    to the text; ``gender`` is ``""`` when the codebook says it is unknown."""

    actor: str
    kind: str
    aliases: tuple[str, ...]
    gender: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Codebook:
    """Parsed codebook entries; build one with :func:`load_codebook`."""

    entries: tuple[CodebookEntry, ...]

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def _matcher(self) -> tuple[re.Pattern[str], dict[str, CodebookEntry]]:
        """One pattern for every alias (longest first), built once per codebook."""
        by_alias: dict[str, CodebookEntry] = {}
        for entry in self.entries:
            for alias in (entry.actor, *entry.aliases):
                by_alias.setdefault(alias, entry)
                by_alias.setdefault(alias.upper(), entry)
        ordered = sorted(by_alias, key=len, reverse=True)
        body = "|".join(re.escape(a) for a in ordered)
        return re.compile(rf"(?<![\w.])(?:{body})(?!\w)"), by_alias

    def apply(self, doc: Document) -> None:
        """Force the codebook's actors onto the candidates of a document (internal)."""
        if not self.entries:
            return
        forced = self._matches(doc)
        surnames = {
            e.actor.split()[-1]: e for e in self.entries if e.kind == "person" and " " in e.actor
        }
        doc.candidates[:] = _merge_forced(doc.candidates, forced, surnames)
        _drop_demonyms_inside_codebook_names(doc)

    def _matches(self, doc: Document) -> list[Candidate]:
        """Every alias of the codebook in the text, as a candidate forced to its actor."""
        pattern, by_alias = self._matcher
        starts = [s.start for s in doc.sentences]
        forced: list[Candidate] = []
        for match in pattern.finditer(doc.text):
            entry = by_alias[match.group()]
            number = max(0, bisect.bisect_right(starts, match.start()) - 1)
            forced.append(
                Candidate(
                    match.start(), match.end(), match.group(), tuple(match.group().split()),
                    number, kind=entry.kind, forced=entry.actor,
                )
            )  # fmt: skip
        return forced

    def label(self, clusters: dict) -> None:
        """Name codebook clusters after the codebook (internal)."""
        kinds = {e.actor: e.kind for e in self.entries}
        for key, cluster in clusters.items():
            if key[0] == "codebook":
                cluster.label = key[1]
                cluster.kind = kinds[key[1]]


def _merge_forced(
    candidates: list[Candidate], forced: list[Candidate], surnames: dict[str, CodebookEntry]
) -> list[Candidate]:
    """The candidates with the codebook's matches: a candidate that holds matches only is
    their actor ("Vladimir Putin" with the alias "Putin"); one that a match overlaps partly
    gives way to the match; a lone surname of a codebook person is that person. In text order.
    """
    # Matches never overlap one another and come in text order, so the matches touching a
    # candidate are found by bisection: linear in the article, not candidates x matches.
    forced_ends = [f.end for f in forced]
    used: set[int] = set()
    kept = []
    for c in candidates:
        first = bisect.bisect_right(forced_ends, c.start)
        overlapping = []
        for k in range(first, len(forced)):
            if forced[k].start >= c.end:
                break
            if k not in used:
                overlapping.append(k)
        inside = [k for k in overlapping if forced[k].start >= c.start and forced[k].end <= c.end]
        if inside and len(overlapping) == len(inside):
            c.kind, c.forced = forced[inside[0]].kind, forced[inside[0]].forced
            used.update(inside)
            kept.append(c)
        elif not overlapping:
            if len(c.tokens) == 1 and c.tokens[0] in surnames:
                entry = surnames[c.tokens[0]]
                c.kind, c.forced = entry.kind, entry.actor
            kept.append(c)
    kept.extend(f for k, f in enumerate(forced) if k not in used)
    kept.sort(key=lambda c: c.start)
    return kept


def _drop_demonyms_inside_codebook_names(doc: Document) -> None:
    """A demonym inside a codebook name ("Russian" in "Russian Orthodox Church") goes with
    it: keep a demonym only if no codebook name starting before its end reaches past its
    start (prefix maxima of the ends of the names, in order of start)."""
    coded = [c for c in doc.candidates if c.forced]
    coded_starts = [c.start for c in coded]
    reach = list(itertools.accumulate((c.end for c in coded), max))

    def outside_codebook_names(d: DemonymMention) -> bool:
        k = bisect.bisect_left(coded_starts, d.end)
        return k == 0 or reach[k - 1] <= d.start

    doc.demonyms[:] = [d for d in doc.demonyms if outside_codebook_names(d)]


#: Columns a codebook must have; ``aliases`` may be left out.
REQUIRED_COLUMNS = ("actor", "kind")


def load_codebook(source: Any) -> Codebook:
    """Read a codebook from a CSV path, a DataFrame, a list of dicts, or pass a Codebook through.

    The columns ``actor`` and ``kind`` are required (``aliases`` is optional); a source without
    them raises ``ValueError`` naming the source and the missing column. A codebook with the
    columns but no rows is allowed: it fixes no actor (a ``UserWarning`` says so).

    >>> import pandas as pd
    >>> book = load_codebook(pd.DataFrame({"actor": ["Vladimir Putin"], "kind": ["person"],
    ...                                    "aliases": ["Putin|President Putin"]}))
    >>> book.entries[0].aliases
    ('Putin', 'President Putin')
    """
    if isinstance(source, Codebook):
        return source
    rows, where = _rows(source)
    entries = []
    for number, row in enumerate(rows, 1):
        entry = _entry(row, number, where)
        if entry is not None:
            entries.append(entry)
    if not entries:
        warnings.warn(
            f"{where}: the codebook lists no actors; names are found as without one",
            UserWarning,
            stacklevel=2,
        )
    return Codebook(tuple(entries))


def _rows(source: Any) -> tuple[list[dict[Any, Any]], str]:
    """The rows of a CSV path, a DataFrame or an iterable of dicts, with the name of the source
    for messages; a source without the required columns raises ``ValueError``."""
    if isinstance(source, (str, Path)):
        return _csv_rows(Path(source)), str(Path(source))
    if hasattr(source, "to_dict") and hasattr(source, "columns"):
        where = "codebook DataFrame"
        _check_columns(source.columns, where)
        return source.fillna("").astype(str).to_dict("records"), where
    where = "codebook"
    rows = [dict(r) for r in source]
    for number, row in enumerate(rows, 1):
        _check_columns(row, f"{where} row {number}")
    return rows, where


def _csv_rows(path: Path) -> list[dict[Any, Any]]:
    import pandas as pd

    if not path.exists():
        raise ValueError(f"{path}: codebook file not found")
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError:
        raise ValueError(
            f"{path}: empty codebook file (it needs a header line: actor,kind,aliases)"
        ) from None
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise ValueError(
            f"{path}: not a readable CSV codebook ({exc.__class__.__name__})"
        ) from None
    _check_columns(frame.columns, str(path))
    return frame.to_dict("records")


def _entry(row: dict[Any, Any], number: int, where: str) -> CodebookEntry | None:
    """The entry of one codebook row (None for a row with no actor); an unknown kind raises
    ``ValueError`` naming the row."""
    row = {str(k).strip().lower(): ("" if v is None else str(v).strip()) for k, v in row.items()}
    actor = row["actor"]
    if not actor:
        return None
    kind = _kind_names().get(row["kind"].lower())
    if kind is None:
        raise ValueError(
            f"{where}: row {number}: kind {row['kind']!r} is not one of {', '.join(KINDS)}"
        )
    aliases = tuple(
        a.strip()
        for a in re.split(r"[|;]", row.get("aliases", ""))
        if a.strip() and a.strip() != actor
    )
    gender = _gender_value(row.get("gender", ""), f"{where}: row {number}")
    role = _role_value(row.get("role", ""), f"{where}: row {number}")
    return CodebookEntry(actor, kind, aliases, gender, role)


def _check_columns(columns: Iterable[Any], where: str) -> None:
    """Raise a one-line ValueError when a required codebook column is missing."""
    found = [str(c).strip().lower() for c in columns]
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        shown = ", ".join(repr(str(c)) for c in columns) or "none"
        raise ValueError(
            f"{where}: codebook has no {' or '.join(repr(m) for m in missing)} column "
            f"(columns found: {shown}; needs actor, kind and optionally aliases)"
        )


_GENDER_VALUES = {"f": "female", "m": "male", "unknown": "", "none": "", "-": ""}


def _gender_value(value: str, where: str) -> str | None:
    """A codebook's gender cell: "female"/"male" (or f/m), "unknown" (-> ""), empty -> None."""
    value = value.strip().lower()
    if not value:
        return None
    value = _GENDER_VALUES.get(value, value)
    if value and value not in GENDERS:
        raise ValueError(f"{where}: gender {value!r} is not one of female, male, unknown")
    return value


def _role_value(value: str, where: str) -> str | None:
    """A codebook's role cell: one of ROLES, or empty -> None."""
    value = value.strip().lower().replace("/", "_").replace(" ", "_")
    if not value:
        return None
    if value not in ROLES:
        raise ValueError(f"{where}: role {value!r} is not one of {', '.join(ROLES)}")
    return value


@lang.cached
def _kind_names() -> dict[str, str]:
    """Words a codebook may use for a kind ("org", "GPE") -> the actor kind they mean."""
    rows = lang.table("actor_kind_names.tsv", ("word", "kind"), {"kind": KINDS})
    return {word.lower(): kind for word, kind in rows}


def codebook_frame(codebook: Codebook) -> pd.DataFrame:
    """The codebook as a DataFrame (actor, kind, aliases joined by ``|``; gender and role
    when an entry sets them)."""
    import pandas as pd

    columns = ["actor", "kind", "aliases"]
    if any(e.gender is not None for e in codebook.entries):
        columns.append("gender")
    if any(e.role is not None for e in codebook.entries):
        columns.append("role")
    rows = [
        {
            "actor": e.actor,
            "kind": e.kind,
            "aliases": "|".join(e.aliases),
            "gender": "unknown" if e.gender == "" else (e.gender or ""),
            "role": e.role or "",
        }
        for e in codebook.entries
    ]
    return pd.DataFrame(rows, columns=columns)
