"""The speaker phrase of a cue, and the mention in it that names the speaker."""

from __future__ import annotations

from toolkit.quotes._grammar.cues import inverts
from toolkit.quotes._grammar.mentions import looks_like_name, may_refer_to, names_source
from toolkit.quotes._grammar.phrases import speaker_after, speaker_before
from toolkit.quotes._grammar.subjects import sentence_subject
from toolkit.quotes._grammar.words import not_an_actor
from toolkit.quotes._lexicon import lexicon
from toolkit.quotes._tokens import Cue, Phrase, Token


def cue_speaker(tokens: list[Token], cues: list[Cue], cue: Cue) -> Phrase | None:
    if cue.order == "before":
        return speaker_after(tokens, cue)
    prev = tokens[cue.i - 1] if cue.i > 0 else None
    if (
        cue.participle
        and prev is not None
        and (prev.text == "," or prev.lower in lexicon().classes.participle_link)
    ):
        return clause_subject_of_participle(
            tokens, cues, cue
        )  # "..., adding that ...", "by saying that ..."
    phrase = speaker_before(tokens, cue)
    if phrase is None and cue.participle:
        return clause_subject_of_participle(
            tokens, cues, cue
        )  # "Ruiz posted messages saying that ..."
    if phrase is not None and cue.participle and phrase.j == cue.i:
        return _participle_subject(tokens, phrase)
    if phrase is not None:
        return phrase
    if prev is not None and prev.lower in lexicon().classes.predicate_link:
        return clause_subject_of_participle(
            tokens, cues, cue
        )  # "Ruiz outlined her plan and vowed to ..."
    if inverts(cue) and (prev is None or prev.kind == "quote" or prev.text in (",", ":")):
        phrase = speaker_after(tokens, cue)
        if phrase is not None and prev is not None:
            # "..., said Smith." but not "..., said the time when ..." or '"Open Roads," said
            # the bridge was ...': the inverted speaker ends its clause (an adverbial may follow
            # a quotation: '"...," said Smith in a statement').
            after = tokens[phrase.j] if phrase.j < len(tokens) else None
            if (
                after is not None
                and after.kind == "word"
                and not _modifies_speaker(tokens, phrase.j)
            ):
                lex = lexicon()
                adverbial = after.lower in lex.classes.preposition | lex.classes.right_stop
                if prev.kind != "quote" or not adverbial or after.lower in lex.classes.be:
                    return None
        return phrase
    return None


def _modifies_speaker(tokens: list[Token], k: int) -> bool:
    """After an inverted speaker, do the words from ``k`` to the end of the sentence only
    modify it: a relative clause ("said a handful of councillors who back her") or a short
    phrase after a preposition with no verb ("said one council source in the room")?"""
    lex = lexicon()
    first = tokens[k]
    if first.lower in ("who", "whose"):
        return True
    if first.lower not in lex.classes.preposition:
        return False
    rest = [t for t in tokens[k:] if t.kind == "word"]
    return len(rest) <= 6 and not any(
        t.lower in lex.forms or t.lower in lex.classes.finite | lex.classes.be or t.lower == "that"
        for t in rest
    )


def speaking_phrase(tokens: list[Token], phrase: Phrase) -> Phrase:
    """The phrase whose mention names the speaker: for a relative pronoun that stands for a
    document, whoever released it; for the pronoun of a free relative ("what she called"),
    the subject it stands for; otherwise ``phrase`` itself."""
    if phrase.relative:
        return _sender(tokens, phrase) or phrase
    return _subject_of_free_relative(tokens, phrase) or phrase


def _sender(tokens: list[Token], phrase: Phrase) -> Phrase | None:
    """'Ruiz released a video that said ...', 'She posted a note from her lawyer that says
    ...': a document that speaks ("that", "which") speaks for the subject of the clause whose
    object it is."""
    relative = phrase.head_i
    if tokens[relative].lower not in ("that", "which"):
        return None
    lex = lexicon()
    document = None
    for m in range(relative - 1, max(relative - 8, -1), -1):
        token = tokens[m]
        if token.kind != "word":
            if m == relative - 1 and token.text == ",":
                continue  # "a letter, which says"
            return None
        if token.lower in lex.classes.document or token.lower[:-1] in lex.classes.document:
            document = m
            break
        if token.text.islower() and (
            token.lower in lex.forms or token.lower in lex.classes.be | lex.classes.finite
        ):
            return None
    if document is None:
        return None
    span = sentence_subject(tokens, document)
    if span is None or span[1] >= document or not_an_actor(tokens[span[0]]):
        return None
    verbs = [
        t for t in tokens[span[1] : document] if t.kind == "word" and t.text.islower()
    ]  # the document is an object: a verb stands between the subject and it
    if not verbs or not names_source(tokens, Phrase(span[0], span[1], *span)):
        return None
    return Phrase(span[0], span[1], span[0], span[1])


def _subject_of_free_relative(tokens: list[Token], phrase: Phrase) -> Phrase | None:
    """'Ruiz mocked what she called "a plan for nobody."': the pronoun of a free relative
    ("what he called") stands for the subject of the sentence, which is the mention that names
    the speaker (when the pronoun can refer to it)."""
    k = phrase.head_i
    if phrase.head_j - k != 1 or k == 0 or tokens[k - 1].lower != "what":
        return None
    pronoun = tokens[k].lower
    if pronoun not in lexicon().classes.referring_pronoun:
        return None
    span = sentence_subject(tokens, k - 1)
    if span is None or span[1] >= k - 1 or not may_refer_to(tokens, span, pronoun):
        return None
    return Phrase(span[0], span[1], span[0], span[1])


def _participle_subject(tokens: list[Token], phrase: Phrase) -> Phrase:
    """'footage of Ruiz saying', 'a recording of her telling': the name after the last
    preposition of the phrase before a participle is the one speaking."""
    lex = lexicon()
    for n in range(phrase.j - 2, phrase.i, -1):
        token = tokens[n]
        if token.kind == "word" and token.text.islower() and token.lower in lex.classes.preposition:
            rest = tokens[n + 1 : phrase.j]
            if rest and looks_like_name(tokens, n + 1, phrase.j, lex):
                return Phrase(n + 1, phrase.j, n + 1, phrase.j)
            break
    return phrase


def clause_subject_of_participle(tokens: list[Token], cues: list[Cue], cue: Cue) -> Phrase | None:
    """The speaker of ", adding that ...": the subject of the clause the participle hangs on
    ("and she hinted ... by urging"), an earlier cue's speaker, or the sentence subject."""
    lex = lexicon()
    for n in range(cue.i - 2, 0, -1):
        token = tokens[n]
        if token.kind == "quote" or token.text in (";", ":"):
            break
        if (
            (tokens[n - 1].lower in ("and", "but") or tokens[n - 1].text == ",")
            and (token.lower in lex.pronouns - lex.classes.impersonal_pronoun)
            and n + 1 < cue.i
            and tokens[n + 1].text.islower()
        ):
            return Phrase(n, n + 1, n, n + 1)
    if cue.i > 0 and tokens[cue.i - 1].lower == "and":
        # "with Reyes tweeting that ... and asking, ...": the participle it is joined to
        for other in reversed([c for c in cues if c.i < cue.i]):
            if other.participle and other.order == "verb" and other.cls == "speech":
                phrase = speaker_before(tokens, other)
                if phrase is not None and phrase.j == other.i:
                    return phrase
                break
    for other in cues:
        if other.i >= cue.i:
            break
        if other.order == "verb" and not other.participle and other.cls == "speech":
            phrase = cue_speaker(tokens, cues, other)  # "... but said ..., adding: ..."
            if phrase is not None:
                return phrase
    span = sentence_subject(tokens, cue.i)
    if span is None:
        return None
    return Phrase(span[0], span[1], span[0], span[1])
