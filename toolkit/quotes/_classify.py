"""Is a stretch in quote marks a quotation, a scare quote, or a name, title or term?

:func:`classify` decides for one quotation from its words and the sentence around it
('She starred in "The Long Road Home"' names a film; 'Ruiz called it "a disgrace"' quotes);
:func:`speaker_quotes` finds quotations that stand where a speaker does ('talks failed,
reports "Reuters".').
"""

from __future__ import annotations

import re

from toolkit.quotes._attribution import Attribution
from toolkit.quotes._grammar.cues import introduces, inverts
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._marks import QuotedSpan
from toolkit.quotes._sentences import Sentence
from toolkit.quotes._tokens import Cue, Token


def speaker_quotes(
    text: str, spans: list[QuotedSpan], tokens: list[Token], cues: list[Cue]
) -> set[int]:
    """Quotations that stand where a speaker does: 'talks failed, reports "Reuters".' A short
    name-like quotation right after a cue that may precede its speaker, ending the sentence."""
    named = set()
    for cue in cues:
        k = cue.j
        if k >= len(tokens) or tokens[k].kind != "quote" or tokens[k].quote < 0 or not inverts(cue):
            continue
        if k + 1 < len(tokens) and tokens[k + 1].kind != "punct":
            continue
        if cue.i == 0 or tokens[cue.i - 1].text != ",":
            continue
        span = spans[tokens[k].quote]
        words = _WORDS.findall(text[span.inner_start : span.inner_end])
        if 0 < len(words) <= 4 and title_like(words):
            named.add(tokens[k].quote)
    return named


_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def classify(
    text: str,
    span: QuotedSpan,
    s: Sentence,
    k: int,
    attribution: Attribution | None,
    subject_only: bool,
    headline: bool,
) -> str:
    """ "quote", "scare" (a quotation only if a speaker is found in its paragraph) or "not"
    (a name, a title, a term or markup, never a quotation), for the quotation ``span`` at
    token ``k`` of the sentence. ``subject_only``: its attribution was found with no cue (see
    :class:`toolkit.quotes.rules.Rule`)."""
    tokens, cues = s.tokens, s.cues
    inner = text[span.inner_start : span.inner_end]
    words = _WORDS.findall(inner)
    if not words or text[max(span.outer_start - 1, 0) : span.outer_start] == "=":
        return "not"  # nothing to say, or markup: author="@someone"
    named = _after_naming_word(tokens, k, words)
    if named is not None:
        return named
    introduced = _introduced(tokens, cues, k)
    if _possessive_before(tokens, k) and not introduced and title_like(words) and not headline:
        return "not"  # 'the BBC's "Question Time"' (but 'Ruiz's "judgment"' quotes her)
    ending = re.search(r"[.,!?;:…]+\W*$", inner)
    if re.search(r"[.!?;:]\s|[!?]", inner) or len(words) > 6:
        return "quote"  # it reads as a sentence
    inside = inner[: ending.start()] if ending else inner
    if (
        not headline
        and not introduced
        and title_like(words)
        and not _attributed_after(tokens, k, attribution)
        and (ending is None or ending.group().strip() in (",", "."))
        and not re.search(r"[,;:]", inside)
    ):
        return "not"  # 'She starred in "The Long Road Home"', '"Face the Nation,"'
    if ending is not None or (attribution is not None and not subject_only):
        return "quote"
    if len(words) <= 3 and not any(cue.cls == "speech" for cue in cues) and inner == inner.lower():
        return "scare"
    return "quote"


def _after_naming_word(tokens: list[Token], k: int, words: list[str]) -> str | None:
    """After a naming word ("called", "dubbed", "titled"): 'a film called "Home"' names
    ("not"), 'what Novak called "an image problem"' quotes ("quote"); None after any other
    word. Across a comma only a title is named."""
    lex = lexicon()
    prev = _previous_word(tokens, k)
    across_comma = k > 0 and tokens[k - 1].text == ","
    if (
        prev is not None
        and prev.lower in lex.naming
        and prev.text.islower()
        and (not across_comma or title_like(words))
    ):
        return "quote" if _spoken_by_subject(tokens, k, lex) else "not"
    return None


def _introduced(tokens: list[Token], cues: list[Cue], k: int) -> bool:
    """Is the quotation at ``k`` introduced: after a colon ('Her answer: "NO DEAL."') or right
    after a speech cue ('Reyes said "Tuesday" three times')?"""
    if k == 0:
        return False
    return tokens[k - 1].text == ":" or any(
        cue.cls == "speech" and introduces(tokens, cue, k) for cue in cues if cue.j <= k
    )


def _possessive_before(tokens: list[Token], k: int) -> bool:
    prev = tokens[k - 1] if k > 0 else None
    return (
        prev is not None and prev.kind == "word" and prev.lower.endswith(("'s", "’s", "s'", "s’"))
    )


def _previous_word(tokens: list[Token], k: int) -> Token | None:
    """The word before the quotation, skipping an article or a comma ('its podcast, "..."')."""
    j = k - 1
    if j >= 0 and tokens[j].text == ",":
        j -= 1
    articles = lexicon().classes.article
    while j >= 0 and tokens[j].kind == "word" and tokens[j].lower in articles:
        j -= 1
    return tokens[j] if j >= 0 and tokens[j].kind == "word" else None


def _spoken_by_subject(tokens: list[Token], k: int, lex) -> bool:
    """'what he called "a disaster"': a naming verb with a pronoun or name subject."""
    j = k - 1
    while j >= 0 and tokens[j].kind == "word" and tokens[j].lower in lex.classes.article:
        j -= 1
    if j < 1 or tokens[j].lower not in lex.classes.naming_verb:
        return False
    subject = tokens[j - 1]
    return subject.kind == "word" and (subject.lower in lex.pronouns or subject.text[0].isupper())


def title_like(words: list[str]) -> bool:
    small = lexicon().classes.title_small_word
    significant = [w for w in words if w.lower() not in small]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _attributed_after(tokens: list[Token], k: int, attribution: Attribution | None) -> bool:
    return (
        attribution is not None
        and attribution.speaker is not None
        and (attribution.speaker[0] > tokens[k].start)
        and attribution.cue is not None
        and attribution.cue[0] - tokens[k].end < 40
    )
