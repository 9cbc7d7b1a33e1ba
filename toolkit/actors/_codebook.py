"""A research team's codebook: the actors of its coding scheme, their type and their aliases.

A codebook is a CSV file or a DataFrame with the columns ``actor``, ``kind`` and ``aliases``
(aliases separated by ``|`` or ``;``). Its actors are counted under exactly those names, every
alias counts as a name mention, and the surname of a person in it finds that person too. Names
the codebook does not list are still found, as without one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit._data import read_lines
from toolkit.actors._model import KINDS

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class CodebookEntry:
    actor: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Codebook:
    """Parsed codebook entries; build one with :func:`load_codebook`."""

    entries: tuple[CodebookEntry, ...]

    def __len__(self) -> int:
        return len(self.entries)

    def _pattern(self) -> tuple[re.Pattern[str], dict[str, CodebookEntry]]:
        by_alias: dict[str, CodebookEntry] = {}
        for entry in self.entries:
            for alias in (entry.actor, *entry.aliases):
                by_alias.setdefault(alias, entry)
                by_alias.setdefault(alias.upper(), entry)
        ordered = sorted(by_alias, key=len, reverse=True)
        body = "|".join(re.escape(a) for a in ordered)
        return re.compile(rf"(?<![\w.])(?:{body})(?!\w)"), by_alias

    def apply(self, doc) -> None:
        """Force the codebook's actors onto the candidates of a document (internal)."""
        from toolkit.actors._find import _Candidate

        if not self.entries:
            return
        pattern, by_alias = self._pattern()
        starts = [s.start for s in doc.sentences]
        forced: list[_Candidate] = []
        for match in pattern.finditer(doc.text):
            entry = by_alias[match.group()]
            number = max(0, bisect.bisect_right(starts, match.start()) - 1)
            forced.append(
                _Candidate(
                    match.start(), match.end(), match.group(), tuple(match.group().split()),
                    number, kind=entry.kind, forced=entry.actor,
                )
            )  # fmt: skip
        surnames = {
            e.actor.split()[-1]: e for e in self.entries if e.kind == "person" and " " in e.actor
        }
        kept = []
        for c in doc.candidates:
            inside = [f for f in forced if f.start >= c.start and f.end <= c.end]
            overlapping = [f for f in forced if f.start < c.end and c.start < f.end]
            if inside and len(overlapping) == len(inside):
                # "Vladimir Putin" with the alias "Putin": the whole candidate is that actor.
                c.kind, c.forced = inside[0].kind, inside[0].forced
                forced = [f for f in forced if f not in inside]
                kept.append(c)
            elif overlapping:
                continue
            else:
                if len(c.tokens) == 1 and c.tokens[0] in surnames:
                    entry = surnames[c.tokens[0]]
                    c.kind, c.forced = entry.kind, entry.actor
                kept.append(c)
        kept.extend(forced)
        kept.sort(key=lambda c: c.start)
        doc.candidates[:] = kept
        doc.demonyms[:] = [
            d
            for d in doc.demonyms
            if not any(f.start < d.end and d.start < f.end for f in kept if f.forced)
        ]

    def label(self, clusters: dict) -> None:
        """Name codebook clusters after the codebook (internal)."""
        kinds = {e.actor: e.kind for e in self.entries}
        for key, cluster in clusters.items():
            if key[0] == "codebook":
                cluster.label = key[1]
                cluster.kind = kinds[key[1]]


def load_codebook(source: Any) -> Codebook:
    """Read a codebook from a CSV path, a DataFrame, a list of dicts, or pass a Codebook through.

    >>> import pandas as pd
    >>> book = load_codebook(pd.DataFrame({"actor": ["Vladimir Putin"], "kind": ["person"],
    ...                                    "aliases": ["Putin|President Putin"]}))
    >>> book.entries[0].aliases
    ('Putin', 'President Putin')
    """
    if isinstance(source, Codebook):
        return source
    if isinstance(source, (str, Path)):
        import pandas as pd

        path = Path(source)
        if not path.exists():
            raise ValueError(f"{path}: codebook file not found")
        try:
            rows = pd.read_csv(path, dtype=str, keep_default_na=False).to_dict("records")
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise ValueError(
                f"{path}: not a readable CSV codebook ({exc.__class__.__name__})"
            ) from None
        where = str(path)
    elif hasattr(source, "to_dict"):
        rows = source.fillna("").astype(str).to_dict("records")
        where = "codebook"
    else:
        rows = [dict(r) for r in source]
        where = "codebook"
    entries = []
    for number, row in enumerate(rows, 1):
        row = {
            str(k).strip().lower(): ("" if v is None else str(v).strip()) for k, v in row.items()
        }
        if "actor" not in row:
            raise ValueError(f"{where}: needs the columns actor, kind, aliases")
        actor = row["actor"]
        if not actor:
            continue
        kind = _kind_names().get(row.get("kind", "").lower())
        if kind is None:
            raise ValueError(
                f"{where}: row {number}: kind {row.get('kind', '')!r} is not one of {', '.join(KINDS)}"
            )
        aliases = tuple(
            a.strip()
            for a in re.split(r"[|;]", row.get("aliases", ""))
            if a.strip() and a.strip() != actor
        )
        entries.append(CodebookEntry(actor, kind, aliases))
    return Codebook(tuple(entries))


@cache
def _kind_names() -> dict[str, str]:
    """Words a codebook may use for a kind ("org", "GPE") -> the actor kind they mean."""
    return dict(tuple(line.lower().split("\t")) for line in read_lines("actor_kind_names.tsv"))


def codebook_frame(codebook: Codebook) -> pd.DataFrame:
    """The codebook as a DataFrame (actor, kind, aliases joined by ``|``)."""
    import pandas as pd

    return pd.DataFrame(
        [
            {"actor": e.actor, "kind": e.kind, "aliases": "|".join(e.aliases)}
            for e in codebook.entries
        ],
        columns=["actor", "kind", "aliases"],
    )
