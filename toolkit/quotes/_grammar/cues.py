"""Speech cues: which words and phrases report speech or a view, and how they stand."""

from __future__ import annotations

import re

from toolkit.quotes._grammar.mentions import looks_like_speaker
from toolkit.quotes._grammar.words import is_abbreviation, is_adverb, is_relative
from toolkit.quotes._lexicon import _Lexicon, lexicon
from toolkit.quotes._tokens import MASK, SOFT_PUNCT, Cue, Token


def find_cues(tokens: list[Token], headline: bool = False) -> list[Cue]:
    """Speech, belief, evidence and evaluation cues among ``tokens``, in order.

    In a headline (``headline=True``) capitalised words may be cues: "Mayor Warns ...".
    """
    lex = lexicon()
    cues: list[Cue] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.kind != "word":
            i += 1
            continue
        phrase = _match_phrase(tokens, i, lex) or _holder_of_view(tokens, i, lex)
        if phrase is not None:
            cues.append(phrase)
            i = phrase.j
            continue
        entry = lex.forms.get(token.lower)
        if entry is not None and is_verb(tokens, i, lex, headline):
            base, cls = entry
            participle = token.lower.endswith("ing") or (i > 0 and tokens[i - 1].lower == "having")
            cues.append(Cue(i, i + 1, base, cls, "verb", participle, token.lower))
        i += 1
    return cues


def _holder_of_view(tokens: list[Token], i: int, lex: _Lexicon) -> Cue | None:
    """ "To Ruiz, the plan is ...", "..., because to her, it ...": "to" and a person, between
    a clause boundary and a comma, says whose view the clause is (a cognition cue)."""
    if tokens[i].lower != "to":
        return None
    if i > 0:
        prev = tokens[i - 1]
        if not (
            prev.text == "," or (prev.text.islower() and prev.lower in lex.classes.clause_link)
        ):
            return None
    comma = next(
        (m for m in range(i + 1, min(i + 6, len(tokens))) if tokens[m].kind != "word"), None
    )
    if comma is None or comma == i + 1 or tokens[comma].text != "," or comma + 1 >= len(tokens):
        return None
    after = tokens[comma + 1]
    if after.kind == "punct" or (
        after.text.islower()
        and (
            is_relative(after, lex)
            or after.lower in lex.classes.preposition | lex.classes.stop
            or after.lower in lex.classes.coordinator
        )
    ):
        return None  # "..., to her lawyer, who ...": a phrase, not a view
    words = tokens[i + 1 : comma]
    if len(words) == 1 and words[0].lower in lex.classes.object:
        return Cue(i, i + 1, "to", "cognition", "before", form="to")
    first, head = words[0], words[-1]
    if first.text.islower() and first.lower not in lex.classes.det | lex.classes.number:
        return None  # ", to pitch the plan, ...": an infinitive
    if any(t.text.islower() and t.lower in lex.classes.preposition for t in words):
        return None  # "to the north of the river"
    named = (
        head.text[0].isupper()
        and head.lower not in lex.classes.function | lex.classes.calendar | lex.classes.time
    ) or head.lower in lex.source_nouns  # "To Ruiz", "To many voters", not "To some extent"
    if not named or not looks_like_speaker(tokens, i + 1, comma, lex):
        return None
    return Cue(i, i + 1, "to", "cognition", "before", form="to")


def _match_phrase(tokens: list[Token], i: int, lex: _Lexicon) -> Cue | None:
    for words, order, needs in lex.phrases.get(tokens[i].lower, ()):
        j = i + len(words)
        if j <= len(tokens) and all(t.lower == w for t, w in zip(tokens[i:j], words, strict=True)):
            if needs is not None and not any(t.lower in needs for t in tokens[j : j + 4]):
                continue  # "did not return the money", not "did not return calls"
            participle = tokens[i].lower.endswith("ing")
            return Cue(i, j, " ".join(words), "speech", order, participle, " ".join(words))
    return None


def is_verb(tokens: list[Token], i: int, lex: _Lexicon, headline: bool = False) -> bool:
    """Is the speech word at ``i`` used as a verb (not "the claims", "to say", "was told")?

    In a headline (``headline=True``) a capitalised word may be a verb: "Mayor Warns ..."."""
    token = tokens[i]
    if token.text[0].isupper() and not (headline and i > 0):
        return False  # "Asked about ...", a title ("Fox News Reports")
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return not (
        _noun_after_its_determiner(token, prev, nxt, lex)
        or _gerund_noun(tokens, i, prev, nxt, lex)
        or _plural_noun(token, prev, nxt, lex)
        or _noun_by_its_form(tokens, i, prev, nxt, lex)
        or _passive(tokens, i, lex)
    )


def _noun_after_its_determiner(
    token: Token, prev: Token | None, nxt: Token | None, lex: _Lexicon
) -> bool:
    """ "the claims", "to say", "claims of fraud", "Ruiz's comments", "his remarks were"."""
    if prev is not None and prev.kind == "word":
        if prev.lower in lex.classes.pronoun_det and token.lower != lex.forms[token.lower][0]:
            return False  # "Several said ...", "Some claimed ...": the determiner is a subject
        if prev.lower in lex.classes.det or prev.lower == "to":
            return True  # "the claims", "to say"
        if (
            prev.lower.endswith(("'s", "’s", "s'", "s’"))
            and prev.lower[:-2] not in lex.pronouns | lex.relatives | lex.classes.function
        ):
            return True  # "Ruiz's comments", "the party's claims": a noun after a possessive
    if nxt is None or not token.lower.endswith("s"):
        return False
    if nxt.lower == "of":
        return True  # "claims of fraud"
    return (prev is None or prev.lower not in lex.pronouns) and (
        nxt.lower in lex.classes.be or nxt.lower in lex.classes.finite
    )  # "his remarks were", "the comments have": a plural noun


def _gerund_noun(
    tokens: list[Token], i: int, prev: Token | None, nxt: Token | None, lex: _Lexicon
) -> bool:
    """ "gave the council a sharp warning: ...": an -ing form after a noun marker and before
    punctuation or a preposition is a noun (but not "a placard saying", nor "one of its
    leaflets asking, ...", a plural noun before a participle)."""
    return (
        tokens[i].lower.endswith("ing")
        and (nxt is None or nxt.kind == "punct" or nxt.lower in lex.classes.noun_preposition)
        and not (
            prev is not None
            and prev.lower.endswith("s")
            and not prev.lower.endswith(("ss", "ous", "'s", "’s"))
        )
        and any(
            tokens[m].lower in lex.classes.noun_marker
            and all(t.kind == "word" and t.text.islower() for t in tokens[m + 1 : i])
            for m in range(max(i - 3, 0), i)
        )
    )


def _plural_noun(token: Token, prev: Token | None, nxt: Token | None, lex: _Lexicon) -> bool:
    """ "three coastal states", "the plans": a word that is mostly a plural noun is a verb only
    after a pronoun, a name, a source noun or a comma ("Lena Berg, a longtime ally of the
    mayor, calls the plan")."""
    return token.lower in lex.classes.plural_noun and not (
        prev is not None
        and (prev.kind == "word" or (prev.text == "," and nxt is not None and nxt.kind == "word"))
        and (
            prev.lower in lex.pronouns | lex.relatives
            or prev.text == ","
            or prev.text[0].isupper()
            or prev.lower in lex.source_nouns
            or prev.lower in lex.classes.skip
        )
    )


def _noun_by_its_form(
    tokens: list[Token], i: int, prev: Token | None, nxt: Token | None, lex: _Lexicon
) -> bool:
    """A form that reads as a noun or an adjective here: "amendments added by the council" (a
    participle), "giving towns more money", "a phone call", "voter suggestions", "Night
    attacks" (an -s form of a judging verb is a verb only after a pronoun: "she attacks")."""
    token = tokens[i]
    lower = token.lower
    base, cls = lex.forms[lower]
    if nxt is not None and nxt.lower == "by" and lower != base and not lower.endswith(("ing", "s")):
        return True  # 'amendments added by the council': a participle, not a speech verb
    if (
        lower.endswith("s")
        and lower != base
        and prev is not None
        and prev.kind == "word"
        and prev.text.islower()
        and prev.lower.endswith("ing")
    ):
        return True  # "giving towns more money": a noun after a participle
    if (
        lower == base
        and base not in lex.classes.direct_only
        and not may_precede_base_form(prev, lex)
        and not plural_subject_before(tokens, i, lex)
    ):
        return True  # "a phone call", "voter suggestions": a noun, not a verb
    return (
        cls in ("evaluation", "stance")
        and lower.endswith("s")
        and not lower.endswith("ss")
        and (prev is None or prev.lower not in lex.pronouns | lex.relatives)
    )


def _passive(tokens: list[Token], i: int, lex: _Lexicon) -> bool:
    """ "was told", "is widely expected": a form of "be" (and adverbs) before a past form."""
    if tokens[i].lower.endswith("ing"):
        return False
    k = i - 1
    while k >= 0 and tokens[k].kind == "word" and is_adverb(tokens[k], lex):
        k -= 1
    return k >= 0 and tokens[k].lower in lex.classes.be


def plural_subject_before(tokens: list[Token], i: int, lex: _Lexicon) -> bool:
    """ "aides close to the mayor say": a plural source noun heads the phrase before a
    base form, a few words back."""
    for k in range(i - 2, max(i - 6, -1), -1):
        token = tokens[k]
        if token.kind != "word" or token.lower in lex.classes.stop or token.lower in lex.forms:
            return False
        if token.lower in lex.source_nouns and token.lower.endswith("s"):
            return True
    return False


def may_precede_base_form(prev: Token | None, lex: _Lexicon) -> bool:
    """A base form ("say", "call") is a verb after "they", "will", "officials", "farmers"."""
    if prev is None or prev.kind != "word":
        return False
    lower = prev.lower
    return (
        lower in lex.classes.base_subject
        or is_adverb(prev, lex)
        or (lower.endswith("s") and not lower.endswith(("ss", "'s", "’s")) and len(lower) > 3)
    )


def opens_with_attribution(text: str) -> bool:
    """Does ``text`` open with "Smith said", "he added", "Mr. Reyes told"? Then a quotation
    that ends with a period just before it is still attributed by it."""
    lex = lexicon()
    words = re.findall(r"[\w.’'-]+|[^\w\s]", text)[:20]
    for n, word in enumerate(words[:5]):
        lower = word.lower()
        if (
            n > 0
            and lower in lex.forms
            and lower != lex.forms[lower][0]
            and lex.forms[lower][1] == "speech"
        ):
            # '"..." Smith said.' but not '"..." He added that ...' or '"..." He adds, "..."'
            after = words[n + 1 : n + 3]
            if lower.endswith("ing"):
                return False
            if after[:1] in ([","], ["."], [";"]):
                return not (len(after) == 2 and after[1] in "\"“'‘«" + MASK)
            return _closing_phrase(words[n + 1 :], lex)
        if not (word[:1].isupper() or lower in lex.pronouns or is_abbreviation(word)):
            return False
    return False


def _closing_phrase(words: list[str], lex: _Lexicon) -> bool:
    """'... said to cheers.', '... said of the process.', '... said in an interview.': a short
    adverbial that ends the sentence, with no reported clause in it."""
    if not words or words[0].lower() not in lex.classes.preposition:
        return False
    for n, word in enumerate(words[:10]):
        if word in (".", "!", "?") or (word.endswith(".") and not is_abbreviation(word)):
            return n > 0
        if word.lower() == "that" or word.lower() in lex.forms or word in (",", ";", ":", MASK):
            return False
    return False


def inverts(cue: Cue) -> bool:
    """May the speaker follow this cue ("said Smith")? Not "told Smith", not "say Smith"."""
    lex = lexicon()
    return cue.base not in lex.classes.no_inversion and (
        cue.order == "before" or (cue.cls == "speech" and cue.base != cue.form)
    )


def introduces(tokens: list[Token], cue: Cue, k: int) -> bool:
    """Does the cue stand right before the quotation ('he said, "..."', 'added that "..."',
    'saying at the hearing on Monday, "..."')?"""
    between = tokens[cue.j : k]
    if all(t.text in (",", ":", "that") for t in between):
        return True
    # An adverbial between the cue and a comma or colon before the quotation.
    lex = lexicon()
    return (
        2 <= len(between) <= 9
        and between[-1].text in (",", ":")
        and between[0].lower in lex.classes.preposition | lex.classes.time
        and all(
            (t.kind == "word" and t.lower not in lex.forms and t.lower != "that")
            or t.text in SOFT_PUNCT
            for t in between[:-1]
        )
    )
