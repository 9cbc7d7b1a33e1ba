"""Quotations and reported speech, each with its speaker.

>>> quotes = extract_quotes('“We are ready,” Smith said. He said talks would resume on Monday.')
>>> [(q.kind, q.text, q.cue) for q in quotes]
[('direct', 'We are ready,', 'said'), ('indirect', 'talks would resume on Monday', 'said')]

A :class:`Quote` is **direct** (the words inside quote marks, without the marks), **indirect**
(a reported clause: "Smith said talks would resume") or **mixed** (a reported clause holding
quoted words: 'Smith said talks were "close to a deal"', one quotation, its quoted words in
``quoted``). ``cue_class`` says what the attribution reports (speech, a belief, an intention,
...); by default only what was said or written is returned (``scope="speech"``), with
``scope="all"`` every attribution. Quotations never overlap. Its speaker is given twice:
``speaker_start``/``speaker_end`` locate the mention that names the speaker in the text (a
name, a description, a pronoun such as "he", or a relative pronoun such as "who"), and
``speaker`` is the canonical name of the actor that mention stands for, from
:mod:`toolkit.actors` (resolved by :mod:`toolkit.quotes._speakers`: the head of the phrase, the
person behind "he" or "the minister"), or None when no actor is found; ``source`` is the
speaker or, for a source the article leaves unnamed, the words that name it. ``rule`` names
the attribution rule that found the speaker or the clause, so quotations can be filtered by
how they were found:

>>> [(q.text, q.rule) for q in quotes]
[('We are ready,', 'quote-comma-name-said'), ('talks would resume on Monday', 'clause-after-cue')]

How it works, in three steps:

1. Quote marks are paired paragraph by paragraph (:mod:`toolkit.quotes._marks`): straight,
   curly, single and doubled-apostrophe marks and guillemets; a quotation with no closing mark
   runs to the end of its paragraph; one that continues over paragraphs (each reopens with a
   mark) is one quotation.
2. Each quotation is masked, so that the sentence around it reads like ``Q, Smith said.``
   (:mod:`toolkit.quotes._sentences`), and the attribution rules (:mod:`toolkit.quotes.rules`,
   the catalogue: each rule's name, summary and examples, in the order they are tried) read
   speech cues ("said", "told", "according to", "wrote", "cites", ...) and their speaker
   phrases with the attribution grammar (:mod:`toolkit.quotes._grammar`): "X said", "said X",
   "X, the ..., said", "according to X", "X, who said". A quotation with no cue in its sentence
   keeps the speaker of the quotation before it in its paragraph, or, when it opens its
   paragraph, of the last quotation or cue in the paragraph before. Of several mentions, the
   one the reader is given for the words is returned, as attribution corpora mark it: a source
   that reports the attribution ('"...," Ruiz said, according to the Herald'), the speaker
   who introduced a quotation rather than a pronoun repeating it after, the sender of a
   document that speaks ('Ruiz released a video that says ...').
3. Quoted stretches that are not quotations are dropped (:mod:`toolkit.quotes._classify`):
   names and titles in quote marks ('reports "Reuters"', 'the film "Home Alone"'), terms after
   naming words ('so-called "reforms"') and scare quotes (a word or two in marks with no one
   saying them). Reported clauses ("X said (that) ...", "..., X said.", "according to X,
   ...", "officials believe ...", "Ruiz wants to ...", "his claim that ...") become indirect
   quotes, or mixed ones when quoted words stand in them; a clause that is one quotation and
   nothing else is left to it. Cues that
   are not speech verbs (belief, evidence, judgement, stance, intention) need a speaker who can
   hold a view: a name, a personal pronoun or a phrase headed by a word from
   ``quote_source_nouns.txt``.

The modules: :mod:`~toolkit.quotes._tokens` (tokens, cues, phrases),
:mod:`~toolkit.quotes._marks` (quote marks), :mod:`~toolkit.quotes._lexicon` (word lists),
:mod:`~toolkit.quotes._grammar` (cues, speaker phrases, subjects, reported clauses),
:mod:`~toolkit.quotes._sentences` (the masked text in sentences),
:mod:`~toolkit.quotes._speaker_rules`, :mod:`~toolkit.quotes._inherit_rules` and
:mod:`~toolkit.quotes._clause_rules` (the rules' functions), :mod:`toolkit.quotes.rules`
(their names and order), :mod:`~toolkit.quotes._classify` (quotation or not) and
:mod:`~toolkit.quotes._pipeline` (the steps, per text) and :mod:`~toolkit.quotes._speakers`
(which actor a speaker mention stands for).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._pipeline import SCOPES, Found, find
from toolkit.quotes._speakers import Speakers
from toolkit.quotes.rules import ANTECEDENT, DESCRIPTION
from toolkit.spans import TextLike, text_of

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.actors import Actor

__all__ = [
    "SCOPES",
    "Quote",
    "check_scope",
    "extract_quotes",
    "quote_table",
    "quotes_to_frame",
    "voice_share",
    "voice_share_frame",
]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation. ``text == article.text[start:end]``; likewise for the speaker and cue.

    ``kind`` is ``"direct"`` (words in quote marks, marks excluded), ``"indirect"`` (reported
    speech) or ``"mixed"`` (a reported clause holding quoted words: 'Ruiz said the plan was
    "dead on arrival"' is one quotation, the clause). ``quoted`` holds the (start, end) spans
    of the words in quote marks: the whole quotation for a direct one, the quoted parts of a
    mixed one, none for an indirect one. ``cue_class`` says what the attribution reports:
    ``"speech"`` (said or written; words in quote marks are always speech), ``"cognition"``
    (a belief or an expectation: "officials believe"), ``"intention"`` ("wants to"),
    ``"stance"`` ("supports"), ``"evaluation"`` ("praised"), ``"evidence"`` ("a poll shows"),
    ``"question"`` ("asked whether"), ``"hedge"`` ("is expected to", with no one holding the
    view) or ``"topic"`` ("talked about the budget": what was spoken about, not what was said).
    ``speaker`` is an actor's canonical name or None; ``speaker_start:speaker_end`` is the
    mention naming the speaker (None when there is none). ``closed`` is False for a quotation
    with no closing mark; ``paragraphs`` counts the paragraphs a quotation in marks runs
    over. ``rule`` names the rule that found the speaker of a direct quotation (empty when
    none did) or the reported clause; the rules and their order are listed in
    :mod:`toolkit.quotes.rules`. ``antecedent``: for a plural pronoun speaker ("they said")
    that stands for a group the article leaves unnamed ("Union officials said ... They
    added"), the words that named the group (then also :attr:`source`); else None.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_mention: str | None = None
    closed: bool = True
    paragraphs: int = 1
    rule: str = ""
    cue_class: str = "speech"
    quoted: tuple[tuple[int, int], ...] = ()
    antecedent: str | None = None

    @property
    def source(self) -> str | None:
        """Who is quoted, as a researcher would note it: the speaker's canonical name, or, for
        a source the article leaves unnamed, the words that name it ("a justice official",
        "Some experts"); None for an unattributed quotation, or one whose speaker is a pronoun
        that resolves to no one.

        >>> [q.source for q in extract_quotes('"No," said Ana Ruiz. Officials said it would wait.')]
        ['Ana Ruiz', 'Officials']
        """
        if self.speaker:
            return self.speaker
        if self.antecedent:
            return self.antecedent
        mention = self.speaker_mention
        if not mention or mention.lower() in _pronouns():
            return None
        return mention

    def to_dict(self) -> dict[str, Any]:
        """The fields, and :attr:`source`."""
        return {**asdict(self), "source": self.source}


# --- extraction ---------------------------------------------------------------------------


def check_scope(scope: str) -> None:
    """:class:`ValueError` unless ``scope`` is one of :data:`SCOPES`.

    >>> check_scope("beliefs")
    Traceback (most recent call last):
    ValueError: scope must be one of 'speech', 'all', not 'beliefs'
    """
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(map(repr, SCOPES))}, not {scope!r}")


def extract_quotes(
    x: TextLike, actors: Sequence[Actor] | None = None, scope: str = "speech"
) -> list[Quote]:
    """Every quotation in an article or a string, direct, mixed and reported, with its
    speaker, in text order; no two overlap.

    ``scope`` chooses which attributions count. ``"speech"`` (the default) keeps what was
    said or written, the quotations a researcher asking "who is quoted" means: words in quote
    marks and speech reported with a speech verb or a source ("said", "told", "according
    to", "his claim that"). ``"all"`` keeps every attribution as well, beliefs, intentions,
    stances, judgements, evidence, questions, hedges and topics (see ``Quote.cue_class``),
    as attribution corpora such as PolNeAR annotate them.

    ``actors`` is the list :func:`toolkit.find_actors` returned for the same text (pass it
    when you have it, so actors are not found twice); by default it is computed here.

    >>> [(q.text, q.speaker_mention) for q in extract_quotes('"Not now," she said.')]
    [('Not now,', 'she')]
    >>> text = "Ana Ruiz said the port would reopen. She wants to double its size."
    >>> [(q.text, q.cue_class) for q in extract_quotes(text, actors=[])]
    [('the port would reopen', 'speech')]
    >>> [(q.text, q.cue_class) for q in extract_quotes(text, actors=[], scope="all")]
    [('the port would reopen', 'speech'), ('to double its size', 'intention')]
    """
    check_scope(scope)
    text = text_of(x)
    found = find(text, scope)
    if not found:
        return []  # no actors to find: nobody speaks
    if actors is None:
        actors = _find_actors(x)
    quoted = [span for item in found for span in item.quoted]
    speakers = Speakers(text, actors, quoted, antecedents=ANTECEDENT.first)
    return [_to_quote(text, item, speakers) for item in found]


def _pronouns() -> frozenset[str]:
    """Speaker mentions that name no one by themselves: personal and relative pronouns."""
    lex = lexicon()
    return (
        lex.pronouns
        | lex.relatives
        | lex.classes.object
        | lex.classes.possessive
        | lex.classes.person_pronoun
    )


def _find_actors(x: TextLike) -> list[Actor]:
    from toolkit.actors import find_actors

    return find_actors(x)


def _described(
    text: str, mention: tuple[int, int], cue: tuple[int, int] | None, said: tuple[int, int]
) -> tuple[int, int]:
    """The whole description of an unnamed source of the words at ``said``: the mention
    widened by every rule of the ``description`` cascade that answers."""
    start, end = mention
    for _, (wide_start, wide_end) in DESCRIPTION.each(text, mention, cue, said):
        start, end = min(start, wide_start), max(end, wide_end)
    return start, end


def _unnamed_antecedent(phrase: str) -> str | None:
    """The words a relative pronoun stands for when they name no actor ("a campaign aide who
    said", "business leaders who say"): a short lowercase description, or None.

    >>> _unnamed_antecedent("a campaign aide"), _unnamed_antecedent("Harbour Board")
    ('a campaign aide', None)
    """
    words = phrase.split()
    if not words or len(words) > 6 or any(w[0].isupper() for w in words):
        return None
    return phrase


def _to_quote(text: str, item: Found, speakers: Speakers) -> Quote:
    attribution = item.attribution
    speaker_span = attribution.speaker if attribution else None
    cue_span = attribution.cue if attribution else None
    name = antecedent = None
    if speaker_span is not None:
        actor = speakers.actor_for(speaker_span, attribution.name_span, (item.start, item.end))
        name = actor.name if actor is not None else None
        if speakers.antecedent is not None:
            antecedent = text[slice(*speakers.antecedent)]
        elif actor is None and attribution.name_span is not None:
            antecedent = _unnamed_antecedent(text[slice(*attribution.name_span)])
        elif actor is None and text[slice(*speaker_span)].lower() not in _pronouns():
            mention = speaker_span
            speaker_span = _described(text, speaker_span, cue_span, (item.start, item.end))
            speakers.unnamed(mention, speaker_span)
    return Quote(
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        kind=item.kind,
        speaker=name,
        speaker_start=speaker_span[0] if speaker_span else None,
        speaker_end=speaker_span[1] if speaker_span else None,
        cue=text[cue_span[0] : cue_span[1]] if cue_span else None,
        cue_start=cue_span[0] if cue_span else None,
        cue_end=cue_span[1] if cue_span else None,
        speaker_mention=text[speaker_span[0] : speaker_span[1]] if speaker_span else None,
        closed=item.closed,
        paragraphs=item.paragraphs,
        rule=item.rule,
        cue_class=item.cue_class,
        quoted=item.quoted,
        antecedent=antecedent,
    )


# --- tables -------------------------------------------------------------------------------


def quotes_to_frame(quotes: Sequence[Quote]) -> pd.DataFrame:
    """One row per quotation, columns as the :class:`Quote` fields and ``source``."""
    import pandas as pd

    columns = [*Quote.__dataclass_fields__, "source"]
    return pd.DataFrame([q.to_dict() for q in quotes], columns=columns)


def quote_table(x: TextLike) -> pd.DataFrame:
    """:func:`extract_quotes` as a DataFrame.

    >>> quote_table('"No," he said.')[["kind", "text", "speaker_mention", "cue"]].values.tolist()
    [['direct', 'No,', 'he', 'said']]
    """
    return quotes_to_frame(extract_quotes(x))


def voice_share_frame(quotes: Sequence[Quote], actors: Sequence[Actor]) -> pd.DataFrame:
    """Per actor: mentions and quotations, and each as a share of the article's total.

    Columns: ``actor``, ``kind``, ``mentions`` (every mention the actors module found: names,
    demonyms, resolved pronouns), ``quotes`` (``direct`` + ``indirect``), ``mention_share`` (of
    all actor mentions), ``voice_share`` (of all quotations, attributed or not) and
    ``quotes_per_mention``. Sorted by quotations, then mentions.
    """
    import pandas as pd

    from toolkit.actors import count_actors

    rows = []
    counts = count_actors(actors, quotes)
    total_mentions = sum(c.mentions for c in counts) or 1
    total_quotes = len(quotes) or 1
    for c in counts:
        rows.append(
            {
                "actor": c.actor.name,
                "kind": c.actor.kind,
                "mentions": c.mentions,
                "quotes": c.quotes,
                "direct": c.direct_quotes,
                "indirect": c.indirect_quotes,
                "mention_share": c.mentions / total_mentions,
                "voice_share": c.quotes / total_quotes,
                "quotes_per_mention": c.quotes / c.mentions if c.mentions else 0.0,
            }
        )
    columns = [
        "actor",
        "kind",
        "mentions",
        "quotes",
        "direct",
        "indirect",
        "mention_share",
        "voice_share",
        "quotes_per_mention",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["quotes", "mentions"], ascending=False, kind="stable").reset_index(
        drop=True
    )


def voice_share(x: TextLike) -> pd.DataFrame:
    """Who speaks and who is only spoken about, for one article (see :func:`voice_share_frame`)."""
    actors = _find_actors(x)
    return voice_share_frame(extract_quotes(x, actors=actors), actors)
