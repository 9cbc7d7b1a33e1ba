"""Build ``toolkit/lang/data/actor_identities.tsv``: one identity per country, territory and
well-known organisation, with every name news copy gives it.

Run by a maintainer after editing a source (not at install or run time); the output is committed:

    pip install babel
    python tools/build_identities.py

Sources:
- ``toolkit/lang/data/actor_countries.tsv`` (names, other names, demonyms; MIT, the toolkit's);
- the English territory names of the Unicode CLDR (Unicode License v3), read from the ``babel``
  package, with their ISO 3166-1 codes: a CLDR name joins the country of the same name (after
  "&" -> "and", "St." -> "Saint", parentheses read as other names), else it is a new territory;
- ``toolkit/lang/data/actor_organizations.tsv`` (MIT, the toolkit's);
- ``tools/identity_aliases.tsv``: hand-written links and extra names (MIT).

The key of an entry is :func:`toolkit.actors._identity.make_key` of its kind and name, as for
actors that no entry lists. A name shared by two entries of one kind is reported and kept by the
first.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = ROOT / "toolkit" / "lang" / "data"
sys.path.insert(0, str(ROOT))

from toolkit.actors._identity import _is_acronym, fold_name, make_key  # noqa: E402

# CLDR territories that are not places an article names (groupings, codes for testing).
_NOT_TERRITORIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "UM"}


def _rows(path: Path) -> list[list[str]]:
    """The rows of a tab-separated file; a toolkit data table's header row is left out."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:] if path.parent == DATA else rows


def _names(field: str) -> list[str]:
    return [n.strip() for n in field.split("|") if n.strip()]


def _spelling(name: str) -> tuple[str, bool]:
    return fold_name(name), _is_acronym(name)


class Entry:
    def __init__(self, kind: str, name: str) -> None:
        self.kind, self.name, self.code = kind, name, ""
        self.aliases: list[str] = []

    def add(self, names: list[str]) -> None:
        # "Labour party" adds nothing to "Labour Party", but "Nato" does to "NATO": a name in
        # capitals only matches in capitals.
        known = {_spelling(a) for a in (self.name, *self.aliases)}
        for n in names:
            if _spelling(n) not in known:
                known.add(_spelling(n))
                self.aliases.append(n)

    @property
    def key(self) -> str:
        return make_key(self.kind, self.name)


def _plain(name: str) -> str:
    return name.replace(" & ", " and ").replace("St. ", "Saint ").replace(" SAR China", "")


def _cldr_forms(name: str) -> list[str]:
    """ "St. Kitts & Nevis" -> its name with "and" and "Saint"; "Myanmar (Burma)" -> "Myanmar
    (Burma)", "Myanmar", "Burma"; "Hong Kong SAR China" -> "Hong Kong"."""
    plain = _plain(name)
    forms = [name, plain, re.sub(r"\s*\(.*?\)", "", plain), *re.findall(r"\((.*?)\)", plain)]
    return list(dict.fromkeys(f for f in forms if " - " not in f))


def _cldr_names(name: str) -> list[str]:
    """The names a CLDR name adds to its entry: not "Burma" alone from "Myanmar (Burma)", which
    only serves to find the entry."""
    inner = set(re.findall(r"\((.*?)\)", _plain(name)))
    return [f for f in _cldr_forms(name) if f not in inner]


def countries() -> list[Entry]:
    from babel import Locale

    entries: dict[str, Entry] = {}
    by_name: dict[str, Entry] = {}
    for row in _rows(DATA / "actor_countries.tsv"):
        row += [""] * (3 - len(row))
        entry = entries.setdefault(row[0], Entry("place", row[0]))
        entry.add(_names(row[1]) + _names(row[2]))
        for n in [row[0], *_names(row[1])]:
            by_name.setdefault(fold_name(n), entry)
    extra = {r[0]: r for r in _rows(HERE / "identity_aliases.tsv") if r[1] == "place"}
    by_code = {}
    for name, row in extra.items():
        row += [""] * (4 - len(row))
        entry = entries.setdefault(name, Entry("place", name))
        entry.add(_names(row[2]))
        if row[3].strip() not in ("", "-"):
            by_code[row[3].strip()] = entry
    for code, name in sorted(Locale("en").territories.items()):
        if len(code) != 2 or code in _NOT_TERRITORIES:
            continue
        forms = _cldr_forms(name)
        entry = by_code.get(code) or next(
            (by_name[fold_name(f)] for f in forms if fold_name(f) in by_name), None
        )
        if entry is None and not forms:
            print(f"note: CLDR {code} {name!r} matches no country; left out")
            continue
        if entry is None:  # a territory the toolkit's list does not name: its own entry
            plain = _plain(name)
            entry = entries.setdefault(plain, Entry("place", plain))
        entry.code = code
        entry.add(_cldr_names(name))
    return list(entries.values())


def organizations() -> list[Entry]:
    """The organisations of actor_organizations.tsv, with the names of identity_aliases.tsv; a
    new organisation there takes its names from the entries that had them ("US Treasury" is
    not the "Treasury" of another country)."""
    entries: dict[str, Entry] = {}
    for row in _rows(DATA / "actor_organizations.tsv"):
        names = _names(row[1]) if len(row) > 1 else []
        entries.setdefault(row[0], Entry("organization", row[0])).add(names)
    for row in _rows(HERE / "identity_aliases.tsv"):
        if row[1] != "organization":
            continue
        row += [""] * (3 - len(row))
        if row[0] not in entries:
            taken = {fold_name(n) for n in [row[0], *_names(row[2])]}
            for other in entries.values():
                other.aliases = [a for a in other.aliases if fold_name(a) not in taken]
        entries.setdefault(row[0], Entry("organization", row[0])).add(_names(row[2]))
    return list(entries.values())


def check(entries: list[Entry]) -> None:
    """Report a name that two entries of one kind share (the first keeps it)."""
    seen: dict[tuple[str, str], str] = {}
    for e in entries:
        for n in [e.name, *e.aliases]:
            owner = seen.setdefault((e.kind, fold_name(n)), e.key)
            if owner != e.key:
                print(f"note: {n!r} is a name of {owner} and {e.key}; kept by {owner}")


HEADER = """\
# One identity per actor across articles: key <TAB> name <TAB> ISO 3166-1 code (places; - if
# none) <TAB> other names (|). An actor whose name is listed here for its kind gets the key,
# so "Britain", "UK" and "British" are one actor in a corpus. Names written in capitals
# ("WHO") match only in capitals.
# Source: the toolkit's actor_countries.tsv and actor_organizations.tsv; the English territory
# names and ISO 3166-1 codes of the Unicode CLDR, via the babel package; the hand-written
# tools/identity_aliases.tsv. Licence: MIT (the toolkit's files); CLDR data: Unicode License v3.
# Generated by tools/build_identities.py with babel {babel}; edit its sources, not this file.
key	name	code	aliases
"""


def render(entries: list[Entry]) -> str:
    """The text of actor_identities.tsv for ``entries``."""
    import babel

    lines = [
        "\t".join((e.key, e.name, e.code or "-", "|".join(e.aliases))).rstrip("\t") for e in entries
    ]
    return HEADER.format(babel=babel.__version__) + "\n".join(lines) + "\n"


def main() -> None:
    entries = countries() + organizations()
    check(entries)
    out = DATA / "actor_identities.tsv"
    tmp = out.with_suffix(".tmp")
    tmp.write_text(render(entries), encoding="utf-8")
    tmp.replace(out)
    places = sum(e.kind == "place" for e in entries)
    print(f"{out.name}: {places} places, {len(entries) - places} organisations")


if __name__ == "__main__":
    main()
