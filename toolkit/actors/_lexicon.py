"""The word lists the actor finder uses, read once from ``toolkit/lang/data/actor_*`` files (and the
speech verbs from ``quote_verbs.txt``, shared with the quotation finder).

Every list is a data file with its source and licence at the top; nothing here is fitted to an
evaluation set. The common-word check reads ``english_words.txt.gz`` (the public-domain Unix
word list, built by ``tools/build_english_words.py``), so it needs no NLTK data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from toolkit.lang import iter_lines, read_lines, word_set


@dataclass(frozen=True)
class Lexicon:
    #: lower-cased place name -> canonical place name (country aliases map to the country).
    places: dict[str, str]
    #: canonical country names (a subset of the values of ``places``).
    countries: frozenset[str]
    #: demonym surface form (exact case) -> canonical country name.
    demonyms: dict[str, str]
    #: lower-cased organisation name -> canonical name.
    organizations: dict[str, str]
    #: title as a tuple of lower-cased tokens -> implied gender ("m", "f" or "").
    titles: dict[tuple[str, ...], str]
    #: relation word ("wife") -> implied gender.
    relations: dict[str, str]
    max_title_tokens: int
    org_words: frozenset[str]
    place_words: frozenset[str]
    #: given name (exact case) -> gender ("m", "f" or "").
    first_names: dict[str, str]
    surnames: frozenset[str]
    not_names: frozenset[str]
    common: frozenset[str]
    #: context word -> type, for the word right after a name and the word before "of <name>".
    after_cues: dict[str, str] = field(default_factory=dict)
    of_cues: dict[str, str] = field(default_factory=dict)
    #: word prefixes of multi-word places and organisations ("bank of", "united states").
    prefixes: frozenset[str] = field(default_factory=frozenset)
    #: lower-case particles inside names ("de", "van", "bin").
    particles: frozenset[str] = field(default_factory=frozenset)
    #: lower-case connector -> role: "of" ("Bank of England") or "in" (continues an "of" name).
    connectors: dict[str, str] = field(default_factory=dict)
    #: words that may precede a title ("deputy", "acting").
    title_modifiers: frozenset[str] = field(default_factory=frozenset)
    #: sports reports: words before / after a team name, and a pattern of topic words.
    team_before: frozenset[str] = field(default_factory=frozenset)
    team_after: frozenset[str] = field(default_factory=frozenset)
    sports_topic: re.Pattern[str] = re.compile(r"(?!)")
    #: prepositions that suggest the unknown name after them is a place ("in", "near").
    place_prepositions: frozenset[str] = field(default_factory=frozenset)
    #: finite forms of speech verbs ("said", "tells") from the shared ``quote_verbs.txt``.
    speech_verbs: frozenset[str] = field(default_factory=frozenset)
    #: personal pronoun -> gender ("he" -> "m").
    pronouns: dict[str, str] = field(default_factory=dict)
    #: words that show an unknown acronym is an organisation: "before" it ("the", "(") or
    #: "after" it ("'s", "officials").
    acronym_cues: dict[str, str] = field(default_factory=dict)
    #: relative pronoun -> "person" or "thing" ("who", "which").
    relatives: dict[str, str] = field(default_factory=dict)
    #: surname prefixes that may come before a capital inside one word ("mc", "di", "le").
    name_prefixes: frozenset[str] = field(default_factory=frozenset)
    #: the lower-case word right before a name -> type ("firm" -> organization).
    before_cues: dict[str, str] = field(default_factory=dict)
    #: (word, preposition) before a name that make it an organisation ("chairman", "of").
    company_of: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    #: words that may follow the head noun of an apposition (", the oil company, which").
    apposition_ends: frozenset[str] = field(default_factory=frozenset)
    #: names that are not actors: holidays, events, awards ("Christmas", "Olympics"), and the
    #: last words that make a longer name one ("Cup", "Festival", "Act").
    events: frozenset[str] = field(default_factory=frozenset)
    event_heads: frozenset[str] = field(default_factory=frozenset)
    #: adjectives and group nouns that name no actor ("Muslim", "Tory", "Olympic"), with plurals.
    group_words: frozenset[str] = field(default_factory=frozenset)
    #: acronyms used as ordinary nouns ("TV", "GDP", "DVDs"), with plurals.
    common_acronyms: frozenset[str] = field(default_factory=frozenset)


def _tsv(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _raw_lines(name)]


def _raw_lines(name: str) -> list[str]:
    # read_lines strips comments after '#', which never occurs inside our entries.
    from toolkit.lang import data_path

    text = data_path(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and line[0] != "#"]


def _plural(word: str) -> str:
    if word.endswith(("ese", "ss", "ish", "ch")):
        return word
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


@cache
def lexicon() -> Lexicon:
    """The shared, read-only lexicon (built on first use, then cached)."""
    places: dict[str, str] = {}
    countries: set[str] = set()
    demonyms: dict[str, str] = {}
    for row in _tsv("actor_countries.tsv"):
        row += [""] * (3 - len(row))
        canonical, aliases, adjectives = row[0].strip(), row[1], row[2]
        countries.add(canonical)
        for alias in [canonical, *aliases.split("|")]:
            if alias.strip():
                places[alias.strip().lower()] = canonical
        for demonym in adjectives.split("|"):
            demonym = demonym.strip()
            if demonym:
                demonyms.setdefault(demonym, canonical)
                demonyms.setdefault(_plural(demonym), canonical)
    for name in ("actor_regions.txt", "actor_cities.txt"):
        for line in read_lines(name):
            places.setdefault(line.lower(), line)
    for row in _tsv("actor_region_demonyms.tsv"):
        region = places.get(row[0].strip().lower(), row[0].strip())
        for demonym in row[1].split("|"):
            demonym = demonym.strip()
            for form in (demonym, _plural(demonym)) if demonym else ():
                if form.lower() not in places:  # "Balkans" is the region's own name
                    demonyms.setdefault(form, region)

    organizations: dict[str, str] = {}
    for row in _tsv("actor_organizations.tsv"):
        canonical = row[0].strip()
        for alias in [canonical, *(row[1].split("|") if len(row) > 1 else [])]:
            if alias.strip():
                organizations[alias.strip().lower()] = canonical

    titles: dict[tuple[str, ...], str] = {}
    for row in _tsv("actor_titles.tsv"):
        gender = row[1].strip() if len(row) > 1 else "-"
        key = tuple(row[0].lower().split())
        titles.setdefault(key, "" if gender == "-" else gender)
    relations = {
        row[0].lower(): ("" if len(row) < 2 or row[1] == "-" else row[1])
        for row in _tsv("actor_relations.tsv")
    }
    first_names = {
        row[0]: ("" if len(row) < 2 or row[1] == "-" else row[1])
        for row in _tsv("actor_first_names.tsv")
    }
    prefixes = set()
    for key in [*places, *organizations]:
        parts = key.split()
        prefixes.update(" ".join(parts[:n]) for n in range(2, len(parts) + 1))
    sports = _tsv("actor_sports.tsv")
    topic = sorted((w.lower() for w, role in sports if role == "topic"), key=len, reverse=True)
    cues: dict[str, dict[str, str]] = {"after": {}, "of": {}, "before": {}}
    company_of: set[tuple[str, str]] = set()
    for row in _tsv("actor_context.tsv"):
        if row[1].startswith("company-"):  # "chairman<TAB>company-of": "chairman of X"
            company_of.add((row[0].lower(), row[1].removeprefix("company-").replace("’", "'")))
        else:
            cues[row[1]][row[0].lower()] = row[2]
    events = _tsv("actor_events.tsv")
    return Lexicon(
        after_cues=cues["after"],
        of_cues=cues["of"],
        before_cues=cues["before"],
        company_of=frozenset(company_of),
        apposition_ends=word_set("actor_apposition_ends.txt"),
        places=places,
        countries=frozenset(countries),
        demonyms=demonyms,
        organizations=organizations,
        titles=titles,
        relations=relations,
        max_title_tokens=max(len(k) for k in titles),
        org_words=frozenset(w.rstrip(".") for w in word_set("actor_org_words.txt")),
        place_words=word_set("actor_place_words.txt"),
        first_names=first_names,
        surnames=frozenset(s.capitalize() for s in read_lines("actor_surnames.txt")),
        not_names=word_set("actor_not_names.txt"),
        common=_common_words(),
        prefixes=frozenset(prefixes),
        particles=word_set("actor_particles.txt"),
        connectors={row[0].lower(): row[1] for row in _tsv("actor_connectors.tsv")},
        title_modifiers=word_set("actor_title_modifiers.txt"),
        team_before=frozenset(w.lower() for w, role in sports if role == "before"),
        team_after=frozenset(w.lower() for w, role in sports if role == "after"),
        sports_topic=re.compile(r"\b(?:" + "|".join(map(re.escape, topic)) + r")\b", re.IGNORECASE),
        place_prepositions=word_set("actor_place_prepositions.txt"),
        speech_verbs=_speech_verb_forms(),
        pronouns={row[0].lower(): row[1] for row in _tsv("actor_pronouns.tsv")},
        acronym_cues={row[0].lower(): row[1] for row in _tsv("actor_acronym_cues.tsv")},
        relatives={row[0].lower(): row[1] for row in _tsv("actor_relatives.tsv")},
        name_prefixes=word_set("actor_name_prefixes.txt"),
        events=frozenset(name for name, role in events if role == "name"),
        event_heads=frozenset(name for name, role in events if role == "head"),
        group_words=_with_plurals(read_lines("actor_group_words.txt")),
        common_acronyms=_with_plurals(read_lines("actor_common_acronyms.txt")),
    )


def _with_plurals(words) -> frozenset[str]:
    """The words and their plurals in -s ("Christian", "Christians"; "DVD", "DVDs")."""
    return frozenset(form for w in words for form in (w, _plural(w)))


def _speech_verb_forms() -> frozenset[str]:
    """The finite forms ("said", "says", "told", "tells") of the verbs in ``quote_verbs.txt``.

    Each line there is one verb, base form first, then its other forms; the base form ("say")
    and the -ing form are left out, as "Smith say" or "Smith saying" says little about Smith.
    """
    forms: set[str] = set()
    for line in read_lines("quote_verbs.txt"):
        base, *others = line.lower().split()
        forms.update(f for f in others if f != base and not f.endswith("ing"))
    return frozenset(forms)


def _common_words() -> frozenset[str]:
    # english_words.txt.gz is the lower-case part of the Unix word list (public domain), shipped
    # so that every machine reads capitalised sentence openers the same way.
    # Read once into the union, not through the cached word_set: 210,000 words kept once.
    return frozenset(iter_lines("english_words.txt.gz")).union(
        word_set("actor_common_words.txt"), word_set("sentence_starters.txt")
    )
