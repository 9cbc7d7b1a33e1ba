"""The word lists of the attribution grammar, read through :mod:`toolkit.lang` and kept in its
cache.

``lexicon()`` holds the cue verbs and their classes (``quote_verbs.tsv``), cue phrases
(``quote_cue_phrases.tsv``), the closed word classes (``quote_words.tsv``, declared by
:class:`QuoteWords`), pronouns, source and speech nouns and hedges; the other loaders hold names
the rules must tell apart.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from toolkit import lang


@dataclass(frozen=True, slots=True)
class QuoteWords:
    """The closed word classes of ``quote_words.tsv``: the declaration the file is checked
    against when it loads (a row of any other class fails, and so does a class without words).
    What each class is for is documented at the top of the file, in this order.

    ``lexicon().classes.calendar`` reads a class as an attribute; ``tests/test_lang.py``
    checks that every class name the quotation code uses is declared here, so a misspelt class
    fails the tests, not a rule that rarely runs.
    """

    det: frozenset[str]
    be: frozenset[str]
    skip: frozenset[str]
    stop: frozenset[str]
    time: frozenset[str]
    clause: frozenset[str]
    preposition: frozenset[str]
    right_stop: frozenset[str]
    opener: frozenset[str]
    object: frozenset[str]
    hearers: frozenset[str]
    no_inversion: frozenset[str]
    base_subject: frozenset[str]
    conjunction: frozenset[str]
    participle_link: frozenset[str]
    function: frozenset[str]
    particle: frozenset[str]
    finite: frozenset[str]
    source_object: frozenset[str]
    first_person: frozenset[str]
    number: frozenset[str]
    calendar: frozenset[str]
    direct_only: frozenset[str]
    object_content: frozenset[str]
    clause_only: frozenset[str]
    plural_noun: frozenset[str]
    clause_link: frozenset[str]
    document: frozenset[str]
    article: frozenset[str]
    possessive: frozenset[str]
    person_possessive: frozenset[str]
    owner_possessive: frozenset[str]
    noun_marker: frozenset[str]
    noun_preposition: frozenset[str]
    period: frozenset[str]
    ago_measure: frozenset[str]
    indefinite_subject: frozenset[str]
    name_link: frozenset[str]
    joined_determiner: frozenset[str]
    agent_pronoun: frozenset[str]
    approximator: frozenset[str]
    quantity: frozenset[str]
    masculine: frozenset[str]
    feminine: frozenset[str]
    title_stop: frozenset[str]
    content_opener: frozenset[str]
    naming_link: frozenset[str]
    coordinator: frozenset[str]
    predicate_link: frozenset[str]
    not_actor: frozenset[str]
    empty_subject: frozenset[str]
    person_pronoun: frozenset[str]
    referring_pronoun: frozenset[str]
    noun_link: frozenset[str]
    subject_link: frozenset[str]
    title_small_word: frozenset[str]
    naming_verb: frozenset[str]
    impersonal_pronoun: frozenset[str]
    question_verb: frozenset[str]
    question_opener: frozenset[str]
    question_lead: frozenset[str]
    contact: frozenset[str]
    linking: frozenset[str]
    degree: frozenset[str]
    clause_end: frozenset[str]
    adverbial_noun: frozenset[str]
    light_verb: frozenset[str]
    modifier_skip: frozenset[str]
    organisation_noun: frozenset[str]
    unnamed_source: frozenset[str]
    plural_source: frozenset[str]
    publication: frozenset[str]
    contraction: frozenset[str]
    irregular_past: frozenset[str]
    section_label: frozenset[str]
    pronoun_det: frozenset[str]
    demonstrative: frozenset[str]
    negation: frozenset[str]
    time_unit: frozenset[str]
    data_source: frozenset[str]


#: The names of the declared classes, in declaration order.
WORD_CLASSES: tuple[str, ...] = tuple(f.name for f in fields(QuoteWords))


@dataclass(frozen=True)
class _Lexicon:
    forms: dict[str, tuple[str, str]]  # verb form -> (base form, class)
    # first word -> [(words, order, class one of the next words must be in, or "")]
    phrases: dict[str, list[tuple[tuple[str, ...], str, frozenset[str] | None]]]
    with_object: frozenset[str]  # base forms of the verbs that take an object
    with_infinitive: frozenset[str]  # base forms of the verbs that take an infinitive
    classes: QuoteWords  # the closed classes of quote_words.tsv: lex.classes.calendar
    pronouns: frozenset[str]
    relatives: frozenset[str]
    naming: frozenset[str]
    source_nouns: frozenset[str]
    speech_nouns: dict[str, str]  # noun -> the class of what it reports (quote_nouns.tsv)
    # hedges (quote_hedges.tsv) by their first word after any "be": [(cue words, "be" first?,
    # openers of the content or None)]
    hedges: dict[str, list[tuple[tuple[str, ...], bool, frozenset[str] | None]]]


@lang.cached
def lexicon() -> _Lexicon:
    """The shared, read-only lexicon of the attribution grammar (loaded once, then cached)."""
    verbs = lang.verbs()
    classes = lang.classes("quote_words.tsv", QuoteWords, lower=True)
    forms: dict[str, tuple[str, str]] = {}
    for verb in verbs:
        for form in verb.forms:
            forms[form] = (verb.base, verb.cls)
    return _Lexicon(
        forms=forms,
        phrases=_read_phrases(classes),
        with_object=frozenset(verb.base for verb in verbs if verb.takes_object),
        with_infinitive=frozenset(verb.base for verb in verbs if verb.takes_infinitive),
        classes=classes,
        pronouns=lang.word_set("quote_speaker_pronouns.txt"),
        relatives=lang.word_set("quote_relative_pronouns.txt"),
        naming=lang.word_set("quote_naming_words.txt"),
        source_nouns=lang.word_set("quote_source_nouns.txt"),
        speech_nouns=_read_nouns(),
        hedges=_read_hedges(),
    )


def _read_phrases(
    classes: QuoteWords,
) -> dict[str, list[tuple[tuple[str, ...], str, frozenset[str] | None]]]:
    """First word -> [(words, "before" or "verb", the words of the class one of the next
    words needs, or None)], longest first, from ``quote_cue_phrases.tsv``."""
    rows = lang.table(
        "quote_cue_phrases.tsv",
        ("order", "phrase", "needs"),
        {"order": ("before", "after"), "needs": ("", *WORD_CLASSES)},
    )
    phrases: dict[str, list[tuple[tuple[str, ...], str, frozenset[str] | None]]] = {}
    for order, phrase, needs in rows:
        words = tuple(phrase.lower().split())
        needed = getattr(classes, needs) if needs else None
        entry = (words, "before" if order == "before" else "verb", needed)
        phrases.setdefault(words[0], []).append(entry)
    for alternatives in phrases.values():
        alternatives.sort(key=lambda item: -len(item[0]))
    return phrases


#: The classes a speech noun may report (quote_nouns.tsv): the verb classes and questions.
NOUN_CLASSES = (*lang.VERB_CLASSES, "question")


def _read_nouns() -> dict[str, str]:
    """Speech noun -> the class of what it reports, from ``quote_nouns.tsv``."""
    rows = lang.table("quote_nouns.tsv", ("noun", "class"), {"class": NOUN_CLASSES})
    return {noun.lower(): cls for noun, cls in rows}


def _read_hedges() -> dict[str, list[tuple[tuple[str, ...], bool, frozenset[str] | None]]]:
    hedges: dict[str, list[tuple[tuple[str, ...], bool, frozenset[str] | None]]] = {}
    for cue_words, openers in lang.table("quote_hedges.tsv", ("cue", "openers")):
        cue, following = cue_words.lower().split(), openers.lower().split()
        be = cue[0] == "be"
        words = tuple(cue[1:] if be else cue)
        entry = (words, be, None if following == ["*"] else frozenset(following))
        hedges.setdefault(words[0], []).append(entry)
    return hedges


def _first_names() -> tuple[tuple[str, str], ...]:
    return lang.table("actor_first_names.tsv", ("name", "gender"), {"gender": ("m", "f", "-")})


@lang.cached
def _given_names() -> frozenset[str]:
    """Given names that look like adverbs ("Kelly", "Emily", "Beverly")."""
    return frozenset(name.lower() for name, _ in _first_names())


@lang.cached
def _name_genders() -> dict[str, str]:
    return {name.lower(): gender for name, gender in _first_names()}


@lang.cached
def _pronoun_genders() -> dict[str, str]:
    """Pronoun -> the gender code of actor_first_names.tsv it agrees with ("he" -> "m")."""
    classes = lexicon().classes
    return {**dict.fromkeys(classes.masculine, "m"), **dict.fromkeys(classes.feminine, "f")}


@lang.cached
def _place_and_family_names() -> frozenset[str]:
    """Names that look like participles ("Wyoming", "Manning", "Beijing")."""
    return (
        lang.word_set("actor_regions.txt")
        | lang.word_set("actor_cities.txt")
        | lang.word_set("actor_surnames.txt")
    )


@lang.cached
def title_words() -> frozenset[str]:
    """The lowercase words of the titles that precede a person's name (``actor_titles.tsv``):
    "minister", "mayor", "coach"; "the minister" may stand for the person with that title."""
    rows = lang.table("actor_titles.tsv", ("title", "gender"), {"gender": ("m", "f", "-")})
    small = lexicon().classes.title_small_word
    return frozenset(
        word
        for title, _ in rows
        for word in title.lower().split()
        if word.isalpha() and len(word) > 2 and word not in small
    )


@lang.cached
def title_modifiers() -> frozenset[str]:
    """Words that modify a title ("vice", "deputy", "former"; ``actor_title_modifiers.txt``)."""
    return lang.word_set("actor_title_modifiers.txt")


@lang.cached
def person_nouns() -> frozenset[str]:
    """One-word descriptions of what a person is (``role_words.tsv``): "professor", "striker";
    "the professor" may stand for the person the paragraph names."""
    rows = lang.table("role_words.tsv", ("phrase", "role", "generic"))
    return frozenset(phrase for phrase, _, _ in rows if phrase.isalpha())


@lang.cached
def _topic_entries() -> dict[str, list[tuple[str, str, tuple[tuple[str, ...], ...]]]]:
    """Head word -> [(kind, base form, tails)] from ``quote_topic_cues.tsv``."""
    rows = lang.table(
        "quote_topic_cues.tsv",
        ("kind", "forms", "tails"),
        {"kind": ("verb", "adjective", "noun")},
    )
    entries: dict[str, list[tuple[str, str, tuple[tuple[str, ...], ...]]]] = {}
    for kind, head_forms, tails in rows:
        forms = head_forms.lower().split()
        parsed = tuple(
            sorted((tuple(t.split()) for t in tails.lower().split("|")), key=len, reverse=True)
        )
        for form in forms:
            entries.setdefault(form, []).append((kind, forms[0], parsed))
    return entries
