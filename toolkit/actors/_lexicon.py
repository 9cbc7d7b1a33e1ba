"""The word lists the actor finder uses, read through :mod:`toolkit.lang` from the
``toolkit/lang/data/actor_*`` files (and the speech verbs from ``quote_verbs.tsv``, shared with
the quotation finder), and kept in its cache.

Every list is a data file with its source and licence at the top; nothing here is fitted to an
evaluation set. The common-word check reads ``english_words.txt.gz`` (the public-domain Unix
word list, built by ``tools/build_english_words.py``), so it needs no NLTK data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from toolkit import lang
from toolkit.lang import iter_lines, read_lines, word_set


@dataclass(frozen=True)
class Lexicon:
    #: lower-cased place name -> canonical place name (country aliases map to the country).
    places: dict[str, str]
    #: abbreviations of provinces and states written with a period ("Ont", "Calif"); their
    #: forms with the period are keys of ``places`` ("ont.").
    place_abbreviations: frozenset[str]
    #: canonical country names (a subset of the values of ``places``).
    countries: frozenset[str]
    #: continents and world regions ("Europe", "Middle East"): never a sports team.
    world_regions: frozenset[str]
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
    #: lower-case words that open place names and are no given names there ("west", "santa").
    place_openers: frozenset[str] = field(default_factory=frozenset)
    #: lower-case party labels written before a politician's name ("republican").
    party_labels: frozenset[str] = field(default_factory=frozenset)
    #: lower-case particles inside names ("de", "van", "bin").
    particles: frozenset[str] = field(default_factory=frozenset)
    #: lower-case connector -> role: "of" ("Bank of England") or "in" (continues an "of" name).
    connectors: dict[str, str] = field(default_factory=dict)
    #: words that may precede a title ("deputy", "acting").
    title_modifiers: frozenset[str] = field(default_factory=frozenset)
    #: possessive determiners that belong to a name inside a run ("Save Our Riverside").
    name_determiners: frozenset[str] = field(default_factory=frozenset)
    #: portfolio words that join a title ("Transport Secretary", "Minister of Public Safety").
    portfolios: frozenset[str] = field(default_factory=frozenset)
    #: sports reports: words before / after a team name, and a pattern of topic words.
    team_before: frozenset[str] = field(default_factory=frozenset)
    team_after: frozenset[str] = field(default_factory=frozenset)
    #: in a sports report, the word after a place that shows it is where a club is from ("the
    #: Moscow club"), not the club.
    club_of_place: frozenset[str] = field(default_factory=frozenset)
    sports_topic: re.Pattern[str] = re.compile(r"(?!)")
    #: prepositions that suggest the unknown name after them is a place ("in", "near").
    place_prepositions: frozenset[str] = field(default_factory=frozenset)
    #: finite forms of speech verbs ("said", "tells") from the shared ``quote_verbs.tsv``.
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


def _plural(word: str) -> str:
    if word.endswith(("ese", "ss", "ish", "ch")):
        return word
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


#: Declared values of the class columns of the actor tables: any other value fails the loading.
_GENDERS = ("m", "f", "-")
_WHERE = (
    "after",
    "of",
    "before",
    "company-of",
    "company-in",
    "company-at",
    "company-for",
    "company-'s",
)
_TYPES = ("person", "organization", "place", "team", "club")


@lang.cached
def lexicon() -> Lexicon:
    """The shared, read-only lexicon (built on first use, then cached)."""
    places, countries, demonyms, world_regions = _places()
    organizations = _aliases("actor_organizations.tsv", ("name", "aliases"))
    for alias, name in _organization_names().items():
        organizations.setdefault(alias, name)
    titles = _titles()
    cues, company_of = _context_cues()
    sports = lang.table(
        "actor_sports.tsv", ("word", "role"), {"role": ("topic", "before", "after", "place")}
    )
    topic = sorted((w.lower() for w, role in sports if role == "topic"), key=len, reverse=True)
    events = lang.table("actor_events.tsv", ("name", "role"), {"role": ("name", "head")})
    first_names = _genders("actor_first_names.tsv", ("name", "gender"))
    surnames = frozenset(s.capitalize() for s in read_lines("actor_surnames.txt"))
    common = _common_words()
    abbreviations = dict(lang.table("actor_place_abbreviations.tsv", ("abbreviation", "place")))
    for abbreviation, place in abbreviations.items():
        places.setdefault(abbreviation.lower().rstrip(".") + ".", place)  # "Ont.", "B.C."
        plain = abbreviation.rstrip(".")
        if plain.lower() not in common and plain not in first_names and plain not in surnames:
            places.setdefault(abbreviation.lower(), place)  # "Ont" (not "Man" nor "Alta")
    return Lexicon(
        place_abbreviations=frozenset(a for a in abbreviations if "." not in a),
        after_cues=cues["after"],
        of_cues=cues["of"],
        before_cues=cues["before"],
        company_of=company_of,
        apposition_ends=word_set("actor_apposition_ends.txt"),
        places=places,
        countries=countries,
        world_regions=world_regions,
        demonyms=demonyms,
        organizations=organizations,
        titles=titles,
        relations=_genders("actor_relations.tsv", ("word", "gender"), lower=True),
        max_title_tokens=max(len(k) for k in titles),
        org_words=frozenset(w.rstrip(".") for w in word_set("actor_org_words.txt")),
        place_words=word_set("actor_place_words.txt"),
        first_names=first_names,
        surnames=surnames,
        not_names=word_set("actor_not_names.txt"),
        common=common,
        prefixes=_prefixes([*places, *organizations]),
        particles=word_set("actor_particles.txt"),
        party_labels=frozenset(w.lower() for w in word_set("actor_party_labels.txt")),
        place_openers=frozenset(w.lower() for w in word_set("actor_place_openers.txt")),
        connectors=_pairs("actor_connectors.tsv", ("word", "role"), ("of", "in")),
        title_modifiers=word_set("actor_title_modifiers.txt"),
        portfolios=word_set("actor_title_portfolios.txt"),
        name_determiners=word_set("actor_name_determiners.txt"),
        team_before=frozenset(w.lower() for w, role in sports if role == "before"),
        team_after=frozenset(w.lower() for w, role in sports if role == "after"),
        club_of_place=frozenset(w.lower() for w, role in sports if role == "place"),
        sports_topic=re.compile(r"\b(?:" + "|".join(map(re.escape, topic)) + r")\b", re.IGNORECASE),
        place_prepositions=word_set("actor_place_prepositions.txt"),
        speech_verbs=_speech_verb_forms(),
        pronouns=_pairs("actor_pronouns.tsv", ("word", "gender"), ("m", "f")),
        acronym_cues=_pairs("actor_acronym_cues.tsv", ("word", "side"), ("before", "after")),
        relatives=_pairs("actor_relatives.tsv", ("word", "refers_to"), ("person", "thing")),
        name_prefixes=word_set("actor_name_prefixes.txt"),
        events=frozenset(name for name, role in events if role == "name"),
        event_heads=frozenset(name for name, role in events if role == "head"),
        group_words=_with_plurals(read_lines("actor_group_words.txt")),
        common_acronyms=_with_plurals(read_lines("actor_common_acronyms.txt")),
    )


def _places() -> tuple[dict[str, str], frozenset[str], dict[str, str], frozenset[str]]:
    """Lower-cased place name -> canonical name, the countries, demonym -> country or region,
    and the world regions."""
    places: dict[str, str] = {}
    countries: set[str] = set()
    demonyms: dict[str, str] = {}
    for canonical, aliases, adjectives in lang.table(
        "actor_countries.tsv", ("name", "aliases", "demonyms")
    ):
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
    world: set[str] = set()
    rows = lang.table(
        "actor_region_demonyms.tsv",
        ("region", "demonyms", "scope"),
        {"scope": ("world", "local")},
    )
    for region_name, forms, scope in rows:
        region = places.get(region_name.lower(), region_name)
        if scope == "world":
            world.add(region)
        for demonym in forms.split("|"):
            demonym = demonym.strip()
            for form in (demonym, _plural(demonym)) if demonym else ():
                if form.lower() not in places:  # "Balkans" is the region's own name
                    demonyms.setdefault(form, region)
    return places, frozenset(countries), demonyms, frozenset(world)


def _aliases(name: str, columns: tuple[str, str]) -> dict[str, str]:
    """Lower-cased name or alias -> canonical name, from a table of names and their aliases."""
    found: dict[str, str] = {}
    for canonical, aliases in lang.table(name, columns):
        for alias in [canonical, *aliases.split("|")]:
            if alias.strip():
                found[alias.strip().lower()] = canonical
    return found


def _organization_names() -> dict[str, str]:
    """Lower-cased name or alias -> canonical name, from the table of clubs, parties, unions,
    companies and news organisations."""
    found: dict[str, str] = {}
    rows = lang.table(
        "actor_organization_names.tsv",
        ("name", "aliases", "type"),
        {"type": ("club", "party", "union", "company", "media")},
    )
    for canonical, aliases, _type in rows:
        for alias in [canonical, *aliases.split("|")]:
            if alias.strip():
                found.setdefault(alias.strip().lower(), canonical)
    return found


def _titles() -> dict[tuple[str, ...], str]:
    """Title as a tuple of lower-cased tokens -> implied gender ("m", "f" or "")."""
    titles: dict[tuple[str, ...], str] = {}
    for title, gender in lang.table("actor_titles.tsv", ("title", "gender"), {"gender": _GENDERS}):
        words = title.lower().split()
        implied = "" if gender == "-" else gender
        titles.setdefault(tuple(words), implied)
        if len(words) == 2:  # "Major General" is also written "Major-General"
            titles.setdefault(("-".join(words),), implied)
    return titles


def _genders(name: str, columns: tuple[str, str], lower: bool = False) -> dict[str, str]:
    """Word -> the gender it implies ("m", "f", or "" for "-")."""
    rows = lang.table(name, columns, {columns[1]: _GENDERS})
    return {(w.lower() if lower else w): ("" if g == "-" else g) for w, g in rows}


def _pairs(name: str, columns: tuple[str, str], values: tuple[str, ...]) -> dict[str, str]:
    """Lower-cased word -> its value in the second column (one of ``values``)."""
    return {w.lower(): v for w, v in lang.table(name, columns, {columns[1]: values})}


def _context_cues() -> tuple[dict[str, dict[str, str]], frozenset[tuple[str, str]]]:
    """Context word -> type by where it stands ("after", "of", "before"), and the (word,
    preposition) pairs before a name that make it an organisation ("chairman", "of")."""
    cues: dict[str, dict[str, str]] = {"after": {}, "of": {}, "before": {}}
    company_of: set[tuple[str, str]] = set()
    rows = lang.table(
        "actor_context.tsv", ("cue", "where", "type"), {"where": _WHERE, "type": _TYPES}
    )
    for cue, where, kind in rows:
        if where.startswith("company-"):  # "chairman<TAB>company-of": "chairman of X"
            company_of.add((cue.lower(), where.removeprefix("company-")))
        else:
            cues[where][cue.lower()] = kind
    return cues, frozenset(company_of)


def _prefixes(names: list[str]) -> frozenset[str]:
    """Word prefixes of multi-word names ("bank of", "united states")."""
    prefixes = set()
    for key in names:
        parts = key.split()
        prefixes.update(" ".join(parts[:n]) for n in range(2, len(parts) + 1))
    return frozenset(prefixes)


def _with_plurals(words) -> frozenset[str]:
    """The words and their plurals in -s ("Christian", "Christians"; "DVD", "DVDs")."""
    return frozenset(form for w in words for form in (w, _plural(w)))


def _speech_verb_forms() -> frozenset[str]:
    """The finite forms ("said", "says", "told", "tells") of the speech verbs of
    ``quote_verbs.tsv``: the base form ("say") and the -ing form are left out, as "Smith say"
    or "Smith saying" says little about Smith."""
    forms: set[str] = set()
    for verb in lang.verbs():
        if verb.cls == "speech":
            forms.update(f for f in verb.forms[1:] if f != verb.base and not f.endswith("ing"))
    return frozenset(forms)


def _common_words() -> frozenset[str]:
    # english_words.txt.gz is the lower-case part of the Unix word list (public domain), shipped
    # so that every machine reads capitalised sentence openers the same way.
    # Read once into the union, not through the cached word_set: 210,000 words kept once.
    return frozenset(iter_lines("english_words.txt.gz")).union(
        word_set("actor_common_words.txt"), word_set("sentence_starters.txt")
    )
