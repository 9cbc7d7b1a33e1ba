"""Typing: is a name a person, an organisation or a place? Strongest evidence first.

1. **A name's own words and context** (:func:`intrinsic_kind`): the user's codebook (already
   set), the organisation gazetteer, a title, country, region and city gazetteers (a city in a
   sports-results context is the club named after it), organisation words ("Ministry",
   "United"), place words ("River", "Province"), given names, context ("in X", "oil firm X",
   "X, which", "X defender", "the X" for an acronym).
2. **The whole article**: a place named as a team once is the team throughout a sports report;
   a surface typed a person by a title is a person everywhere; a surname of a person named in
   full is that person; other mentions of the same words vote; a longer name led by an
   organisation of the article is one too ("AOL Europe"); a name written with and without a
   space ("Time Warner", "TimeWarner") has one type.
3. **Defaults** (:func:`default_kind`): unknown names are people; an acronym with no cue in
   any mention, and a lone ordinary word, are left out.

>>> from toolkit.actors._candidates import collect
>>> from toolkit.actors._lexicon import lexicon
>>> doc = collect("Shares in Norvik fell. Norvik said Tom Reyes was in Velmar.", lexicon())
>>> type_candidates(doc, lexicon())
>>> [(c.text, c.kind) for c in doc.candidates]
[('Norvik', 'organization'), ('Norvik', 'organization'), ('Tom Reyes', 'person'), ('Velmar', 'place')]
"""

from __future__ import annotations

import re
from collections import defaultdict

from toolkit.actors._document import Candidate, Document, normal
from toolkit.actors._lexicon import Lexicon
from toolkit.actors._words import is_coined, is_common, is_given

_DATELINE = re.compile(
    r"[A-Z][\w.' -]*(?:, [A-Z][\w.' -]*)? \d{4}-\d\d-\d\d"  # NEW YORK 1996-08-30
    r"|[A-Z][A-Z .'-]+, (?:[A-Z][a-z]+\.? )?\d"  # LONDON, March 3 -
)


def type_candidates(doc: Document, lex: Lexicon) -> None:
    """Set the kind of every candidate of ``doc``; drop those that get none."""
    cands = doc.candidates
    for c in cands:
        if not c.kind and not c.forced:
            c.kind = intrinsic_kind(c, lex)
    if doc.sports:
        _teams_throughout(doc, lex)
    _people_throughout(cands, lex)
    untyped = _vote(cands)
    _type_untyped(cands, untyped, lex)
    join_spaced_forms(cands)
    _towns_before_provinces(cands)
    cands[:] = [c for c in cands if c.kind]


def _towns_before_provinces(cands: list[Candidate]) -> None:
    """A name typed "person" that stands before a province or state abbreviation somewhere
    ("Lake Ellis, B.C.") is a town everywhere: no person is written so."""
    towns = {
        normal(c.tokens) for c in cands if c.kind == "person" and c.before_province and not c.forced
    }
    for c in cands:
        if c.kind == "person" and not c.forced and normal(c.tokens) in towns:
            c.kind = "place"


def intrinsic_kind(c: Candidate, lex: Lexicon) -> str:
    """The type a name's own words (and its title) give it, or "" when they say nothing."""
    whole = normal(c.tokens)
    if whole in lex.organizations:
        return "organization"
    if _is_headline(c, lex):
        return ""  # and default_kind gives none either
    if whole in lex.places and (c.person_cue or c.peeled) and c.tokens[0] not in lex.first_names:
        return "place"  # "defending champion Spain", "a former Miss Moscow"
    if c.peeled or (c.person_cue and c.tokens[-1].lower().rstrip(".") not in lex.org_words):
        return "person"  # "President Jordan"; not "an official Emergency Committee appeal"
    # From here on c.person_cue is False: a person cue returned above, or the place below does.
    if whole in lex.places:
        place = lex.places[whole]
        if c.team_context and place not in lex.countries:
            return "organization"  # "Barcelona beat Real Madrid": the club, not the city
        return "place"
    return _kind_from_words_and_context(c, lex)


def _kind_from_words_and_context(c: Candidate, lex: Lexicon) -> str:
    """:func:`intrinsic_kind` for a name no gazetteer knows and no title types."""
    words = [w.lower().rstrip(".") for w in c.tokens]
    if "&" in words or any(w in lex.name_determiners for w in words[1:-1]):
        return "organization"  # "Procter & Gamble", "Save Our Riverside"
    first_name = len(words) > 1 and (
        is_given(c.tokens[0], lex) or (len(words[0]) == 1 and c.tokens[0].isupper())
    )  # "Olaf Scholz", "Saqlain Mushtaq", "C. Lewis"
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if len(words) > 2 and " ".join(words[-2:]) in lex.org_words:
        return "organization"  # "Columbus Blue Jackets"
    if head in lex.org_words and not (
        (first_name or len(words) == 1) and c.tokens[-1] in lex.surnames
    ):  # "Interior Ministry", "British Chambers of Commerce"; not "Ana Chambers", "Chambers"
        return "organization"
    if head in lex.place_words:
        return "place"  # "Kursk Oblast"
    if len(words) > 1 and words[0] in lex.place_openers and not c.team_context:
        return "place"  # "West Hollywood"; but "East Fife" beat ...: a club
    if lex.before_cues.get(c.prev_word) == "organization":
        return "organization"  # "oil firm Yukos", "rock band Green Day"
    if not first_name and _organization_cue(c, words, lex):
        return "organization"
    if first_name:
        return "person"
    if (
        c.before_place
        and not any(w in lex.surnames or is_given(w, lex) for w in c.tokens)
        and not all(is_common(w.lower(), lex) for w in c.tokens)  # "Automakers, U.S. agency"
    ):
        return "place"  # "Lockerbie, Scotland": an address
    if c.prev_word == "the" and _plural_of_ordinary_word(c.tokens[-1], lex):
        return "organization"  # "the Blue Jays", "the Greens", "the Springboks": a team or group
    if c.next_word in lex.place_words and c.next_word not in lex.org_words:
        return "place"  # "the Kursk region"
    if _is_acronym(c) and _acronym_cue(c, lex):
        return "organization"  # "the OSCE", "(OSCE)", "OSCE said", "OSCE's"
    if len(words) == 1:
        if words[0].endswith("shire"):
            return "place"
        if c.prev_word == "of" and lex.of_cues.get(c.prev_prev) == "place":
            return "place"  # "the town of Arbil", "40 km north of Tavildara"
    return ""


def _is_headline(c: Candidate, lex: Lexicon) -> bool:
    """Five or more capitalised words, half of them ordinary words: a headline in title case
    ("Says Bridge Will Reopen Soon After Storm"), not a name."""
    if len(c.tokens) < 5 or any(
        w.islower() or w.lower().rstrip(".") in lex.org_words for w in c.tokens
    ):  # "Organisation for Security and Cooperation in Europe" is a name
        return False
    return sum(1 for w in c.tokens if is_common(w.lower(), lex)) * 2 >= len(c.tokens)


def _plural_of_ordinary_word(word: str, lex: Lexicon) -> bool:
    """ "Jays", "Greens": a capitalised plural of an ordinary noun or adjective."""
    lower = word.lower()
    if not word.endswith("s") or len(word) < 4 or word.isupper():
        return False
    singular = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1]
    return singular in lex.common and word not in lex.surnames


def _organization_cue(c: Candidate, words: list[str], lex: Lexicon) -> bool:
    """Context or words that make a name without a given name an organisation."""
    return (
        c.company_cue  # "Orvex's shares", "chairman of Brakstad"
        or lex.after_cues.get(c.next_word) == "organization"  # "Dagens Posten newspaper"
        or c.club_cue  # "Chelsea boss Jose Mourinho", "Chelsea have"
        or (len(words) > 1 and words[0] in lex.organizations)  # "BBC Sport"
        or (any(w in lex.org_words for w in words) and len(words) > 1)
    )


def _is_acronym(c: Candidate) -> bool:
    return len(c.tokens) == 1 and (c.tokens[0].isupper() or "." in c.text) and not c.in_caps


def _acronym_cue(c: Candidate, lex: Lexicon) -> bool:
    return (
        lex.acronym_cues.get(c.prev_word) == "before"
        or lex.acronym_cues.get(c.next_word) == "after"
        or c.next_word in lex.speech_verbs
    )


def default_kind(c: Candidate, lex: Lexicon) -> str:
    """Last resort for names no list or cue types ("" drops the candidate)."""
    if c.before_title or (c.in_caps and not c.team_context) or _is_headline(c, lex):
        return ""  # "Privatisation Minister X", "BREXIT VOTE": a name only if typed elsewhere
    if c.team_context:
        return "organization"
    if _is_acronym(c):
        # An acronym no list knows is an organisation only with a cue in one of its mentions
        # (see intrinsic_kind); alone it may be a weapon, a format or a unit ("ATACMS").
        return ""
    common = [
        is_common(w.lower(), lex) and w not in lex.surnames and w not in lex.first_names
        for w in c.tokens
    ]
    if len(c.tokens) > 1 and all(w.isupper() for w in c.tokens) and any(common):
        return ""  # "BREXIT VOTE: ...", "THE DAY IN ASIA": a heading in capitals, no name
    if is_coined(c.tokens, lex) or c.relative == "thing":
        return "organization"  # "DaimlerChrysler", "T-Mobile", "Chelsea, which ..."
    if c.next_word in lex.speech_verbs and not all(common[1:]):
        return "person"  # "Frater said"
    if len(c.tokens) == 1:
        if common[0]:
            return ""  # "Women", "Golf": a capitalised ordinary word with nothing to type it
        if c.prev_word in lex.place_prepositions:
            return "place"
        return "person"
    if all(common):
        return "organization"  # "Gold Fields", "Red Star": names made of ordinary words
    return "person"


def _teams_throughout(doc: Document, lex: Lexicon) -> None:
    """In a match report, a city or region is the team named after it ("Kent captain", "Kent
    have", "Essex reached 372"; in another sports report only one once named as a team),
    except where it is a venue or an address: after a place
    preposition ("at Kent"), in the dateline, before a results heading's colon or a
    bracketed venue ("Hove:", "London (The Oval)"), after another place and a comma
    ("Headingley, Leeds"), or with a place word in it ("Ellis Park"). A country stays a place
    (national sides are named as their country); so does a world region ("Europe")."""
    cands = doc.candidates
    ends = {c.end: c for c in cands}
    cued = {normal(c.tokens) for c in cands if c.team_context and c.kind == "organization"}
    for c in cands:
        if c.kind != "place" or c.forced:
            continue
        if not doc.match_report and normal(c.tokens) not in cued:
            continue  # elsewhere only a place once named as a team ("Kent captain")
        place = lex.places.get(normal(c.tokens), "")
        if (
            place not in lex.countries
            and place not in lex.world_regions
            and c.prev_word not in lex.place_prepositions
            and c.prev_word != "of"  # "Espanyol of Barcelona"
            and c.next_word not in (":", "(")
            and c.next_word not in lex.club_of_place
            and not any(w.lower() in lex.place_words for w in c.tokens)
            and not _after_a_place(doc.text, c, ends, lex)
            and not _in_dateline(doc.text, c.start)
        ):
            c.kind = "organization"
            c.team_context = True


def _after_a_place(text: str, c: Candidate, ends: dict[int, Candidate], lex: Lexicon) -> bool:
    """ "Headingley, Leeds", "at Lord's, London", "in Erfurt and Stuttgart": the name follows
    a venue or a place and a comma or "and"/"or" (an address or a list of places, not a team)."""
    if c.prev_word not in (",", "and", "or"):
        return False
    joint = text.rfind("," if c.prev_word == "," else f" {c.prev_word} ", 0, c.start)
    if joint < 0:
        return False
    before = ends.get(joint) or ends.get(joint - 2)  # "Leeds,", "Lord's,", "Erfurt and"
    return before is not None and (
        before.kind == "place"
        or before.prev_word in lex.place_prepositions
        or any(w.lower() in lex.place_words for w in before.tokens)
    )


def _in_dateline(text: str, start: int) -> bool:
    """Is ``start`` in a dateline ("NEW YORK 1996-08-30", "ARLINGTON, Texas 1996-08-31",
    "LONDON, March 3 -")? The place there is where the story was filed, never a team."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _DATELINE.match(text, line_start)
    return match is not None and start < match.end()


def _people_throughout(cands: list[Candidate], lex: Lexicon) -> None:
    """A surface typed "person" by a title anywhere is a person everywhere in the article; a
    lone word that is the surname of a person named in full is a person (unless a country)."""
    titled = {
        normal(c.tokens) for c in cands if c.kind == "person" and c.person_cue and not c.forced
    }
    surnames: set[str] = set()  # of full names of people: the anchors shorter forms join
    for c in cands:
        if normal(c.tokens) in titled and not c.forced:
            c.kind = "person"
        if c.kind == "person" and len(c.tokens) > 1:
            surnames.add(c.tokens[-1])
    for c in cands:
        if c.forced or c.kind == "person" or len(c.tokens) != 1:
            continue
        if c.tokens[0] in surnames and lex.places.get(normal(c.tokens)) not in lex.countries:
            c.kind = "person"


def _vote(cands: list[Candidate]) -> dict[str, list[Candidate]]:
    """Type an untyped name as the same words are most often typed elsewhere in the article;
    returns the names still untyped, grouped by their words."""
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in cands:
        if c.kind and not c.team_context:
            votes[normal(c.tokens)][c.kind] += 1
    untyped: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        if not c.kind:
            seen = votes.get(normal(c.tokens))
            if seen:
                c.kind = max(seen, key=seen.get)
            else:
                untyped[normal(c.tokens)].append(c)
    return untyped


def _type_untyped(
    cands: list[Candidate], untyped: dict[str, list[Candidate]], lex: Lexicon
) -> None:
    """A longer name that starts with an organisation of the article is one too ("AOL Europe"
    when "AOL" is an organisation), unless a given name is in it ("Acme CEO John Smith");
    any other untyped name gets :func:`default_kind`."""
    org_heads = {c.tokens[0] for c in cands if c.kind == "organization" and len(c.tokens) == 1}
    for group in untyped.values():
        first = group[0]
        if (
            len(first.tokens) > 1
            and first.tokens[0] in org_heads
            and not any(w in lex.first_names for w in first.tokens)
        ):
            for c in group:
                c.kind = "organization"
        else:
            for c in group:
                c.kind = default_kind(c, lex)


def join_spaced_forms(cands: list[Candidate]) -> None:
    """ "Time Warner" and "TimeWarner" are one name written with and without a space: when one
    form is an organisation, so are the others (except a form with a person cue)."""
    forms: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        forms["".join(c.tokens).lower()].append(c)
    for group in forms.values():
        if len({len(c.tokens) for c in group}) > 1 and any(c.kind == "organization" for c in group):
            for c in group:
                if not c.forced and not c.person_cue:
                    c.kind = "organization"
