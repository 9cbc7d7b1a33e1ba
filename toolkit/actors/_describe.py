"""What an article says a person is: titles, the words before a name, appositions after it.

These descriptions are the evidence for a person's inferred gender ("his wife Ana Ruiz", "Ana
Ruiz, a mother of three") and role ("Transport Secretary Ana Ruiz", "Ana Ruiz, a professor of
economics", "Ana Ruiz of the Acme Group").

>>> from toolkit.actors._model import Actor, Mention
>>> text = "Ana Ruiz, a professor of economics, said so."
>>> ruiz = Actor("Ana Ruiz", "person", ("Ana Ruiz",), (), (Mention(0, 8, "Ana Ruiz"),))
>>> [(d.where, d.text, d.head) for d in descriptions(text, ruiz)]
[('apposition', 'a professor of economics', 'a professor')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit import lang
from toolkit.actors._model import Actor

_DESCRIPTION_CLASSES = ("stop", "head_end", "end", "credit", "joins", "social", "auxiliary")


@lang.cached
def _function_words(kind: str) -> frozenset[str]:
    """Words of class ``kind`` in ``person_description_words.tsv`` (stop, head_end, end, credit,
    joins, social, auxiliary)."""
    rows = lang.table(
        "person_description_words.tsv", ("word", "class"), {"class": _DESCRIPTION_CLASSES}
    )
    return frozenset(word for word, cls in rows if cls == kind)


@lang.cached
def _apposition_end() -> re.Pattern[str]:
    """A word that ends an apposition and everything after it ("Ana Ruiz, the mayor, said")."""
    words = "|".join(sorted(_function_words("end")))
    return re.compile(rf"(?:^|\s+)(?:{words})\b.*$", re.S)


@lang.cached
def _apposition() -> re.Pattern[str]:
    """ ", a professor of economics," after a name; a title's abbreviation period ("a spokesman
    for Mrs. Ruiz") does not end it."""
    abbreviations = "|".join(sorted(lang.read_lines("abbreviations_nonfinal.txt"), key=len)[::-1])
    return re.compile(
        r"\s*,\s+(?:(?:aged\s+)?\d{1,3}\s*,\s+)?"
        r"(?:(?:who|which)\s+(?:is|was|has\s+been|had\s+been|became|serves\s+as|works\s+as)\s+)?"
        rf"(?P<d>(?:\b(?:{abbreviations})\.(?=\s+[A-Z])|[^,.;:!?()\"“”\[\]\n]|\.(?=\w|\s+[a-z])){{2,120}})"
    )


_AFFILIATION = re.compile(
    r"\s+(?:of|from|at|with)\s+(?:the\s+)?(?P<d>[A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’&.-]*)*)"
)
#: "(D-Mass.)", "(R)", "(I-Vt.)": a US party and state after a legislator's name.
_PARTY = re.compile(r"\s*\((?P<d>[DRI](?:-[A-Z][A-Za-z.]{0,12})?)\)")
_BOUNDARY = re.compile(r"[.!?;:()\"“”\[\]\n]")
_WORD = re.compile(r"[\w][\w'’.&-]*|,")
_MAX_WORDS = 16


@dataclass(frozen=True, slots=True)
class Description:
    """Words of the article that describe a person, with where they stand.

    ``where`` is ``"title"`` (a title the actors code found with the name: "Mrs",
    "Transport Secretary"), ``"name"`` (title words left inside a name: "Sen" in "Sen Ana
    Ruiz"), ``"before"`` (words just before a name, "economics professor", "his wife,"),
    ``"apposition"`` ("a professor of economics" after "Ana Ruiz,"), ``"affiliation"`` ("the
    Acme Group" in "Ana Ruiz of the Acme Group") or ``"party"`` ("D-Mass." in "Ana Ruiz
    (D-Mass.)"). ``head`` is the description up to its first
    preposition ("a professor"). ``start`` is an offset into the article (-1 for titles).
    """

    where: str
    text: str
    start: int = -1

    @property
    def words(self) -> list[str]:
        return [w for w in _WORD.findall(self.text) if w != ","]

    @property
    def head(self) -> str:
        head = []
        for w in self.words:
            if w.lower() in _function_words("head_end"):
                break
            head.append(w)
        return " ".join(head)


@lang.cached
def _given_names() -> dict[str, float]:
    """Lower-case given name -> share of its bearers recorded as female."""
    rows = lang.table("gender_first_names.tsv", ("name", "female_share", "bearers"))
    return {name: float(share) for name, share, _bearers in rows}


def is_given_name(word: str) -> bool:
    """Is ``word`` a given name in the first-name table? ("Ana" is; "Minister" is not.)"""
    return _fold(word) in _given_names()


#: A syllable of a given name written with a hyphen is short ("Jong-un", "Jae-in").
SYLLABLE_CHARS = 4


def family_name_first(words: list[str] | tuple[str, ...]) -> bool:
    """Does a name of ``words`` end in a given name written with a hyphen and a short
    syllable, so that its first word is the family name? (Korean names: "Kim Jong-un".)

    >>> family_name_first(["Kim", "Jong-un"]), family_name_first(["Jean-Pierre", "Leduc"])
    (True, False)
    """
    if len(words) < 2 or "-" not in words[-1]:
        return False
    tail = words[-1].rsplit("-", 1)[1]
    return tail.isalpha() and tail.islower() and len(tail) <= SYLLABLE_CHARS


#: A given name suggests a gender when at least this share of its bearers is of one gender.
NAME_SHARE = 0.9


def given_name_gender(word: str) -> str:
    """ "f" or "m" when nearly all bearers of the given name ``word`` share a gender, else "".

    >>> given_name_gender("Ilse"), given_name_gender("Robin")
    ('f', '')
    """
    share = _given_names().get(_fold(word))
    if share is None:
        return ""
    return "f" if share >= NAME_SHARE else "m" if share <= 1 - NAME_SHARE else ""


@lang.cached(maxsize=50_000)
def _fold(word: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(c for c in plain if not unicodedata.combining(c))


def descriptions(text: str, actor: Actor) -> list[Description]:
    """Every description of ``actor`` in ``text``: titles, title words inside its names, the
    words before each name mention and the apposition or affiliation after it."""
    found = [Description("title", t) for t in actor.titles]
    found += _name_prefixes(actor)
    for m in actor.name_mentions:
        before = _before(text, m.start)
        if before is not None and before.text not in actor.titles:  # said once, as its title
            found.append(before)
        found += _after(text, m.end)
        found += _context_after(text, m.end)
    return found


def _name_prefixes(actor: Actor) -> list[Description]:
    """Title words a name kept before its given name ("Sen" in "Sen Ana Ruiz")."""
    found = []
    for alias in actor.aliases:
        words = alias.split()
        for i, w in enumerate(words[:-1]):
            if is_given_name(w.rstrip(".")):
                if i:
                    found.append(Description("name", " ".join(words[:i])))
                break
    return found


def _before(text: str, start: int) -> Description | None:
    """The words just before a name, back to a boundary or a stop word (at most five)."""
    window = text[max(0, start - 120) : start]
    cut = max((m.end() for m in _BOUNDARY.finditer(window)), default=0)
    tokens = list(_WORD.finditer(window, cut))
    if tokens and tokens[-1].group() == "," and len(tokens) > 1:
        tokens.pop()  # "his wife, Ana Ruiz": one comma right before the name
    kept: list[re.Match[str]] = []
    for k in range(len(tokens) - 1, -1, -1):
        word = tokens[k].group()
        if word == "," or len(kept) == 6:
            break
        if word.lower() in _function_words("stop") and not _inside_name(tokens, k):
            break
        kept.append(tokens[k])
    if not kept:
        return None
    first, last = kept[-1], kept[0]
    offset = max(0, start - 120)
    return Description("before", window[first.start() : last.end()], offset + first.start())


def _inside_name(tokens: list[re.Match[str]], k: int) -> bool:
    """Is the word at ``k`` an "of" between capitalised words ("Bank of England governor")?"""
    return (
        tokens[k].group() == "of"
        and 0 < k < len(tokens) - 1
        and tokens[k - 1].group()[:1].isupper()
        and tokens[k + 1].group()[:1].isupper()
    )


def _after(text: str, end: int) -> list[Description]:
    """The party label (" (D-Mass.)"), apposition (", a professor of economics,") or
    affiliation (" of the Acme Group") right after a name mention."""
    rest = text[end : end + 200]
    if rest.startswith(("'s", "’s")):
        return []
    party = _PARTY.match(rest)
    if party:
        return [Description("party", party.group("d"), end + party.start("d"))]
    match = _apposition().match(rest)
    if match:
        body = _apposition_end().sub("", match.group("d")).strip()
        words = body.split()
        if words and words[0].lower() in _function_words("joins"):
            return []  # "Tom Reyes, and the former first lady, ...": a list, not a description
        if body and len(words) <= _MAX_WORDS:
            return [Description("apposition", body, end + match.start("d"))]
        return []
    match = _AFFILIATION.match(rest)
    if match:
        body = match.group("d")
        if body.endswith(".") and len(body.split()[-1]) > 4:
            body = body[:-1]  # "of Norvik Holdings." ends a sentence; "Norvik Inc." keeps it
        return [Description("affiliation", body, end + match.start("d"))]
    return []


@lang.cached
def _context_words() -> dict[str, dict[str, str]]:
    """where ("next", "verb", "object") -> phrase -> role, from role_context_words.tsv."""
    rows = lang.table("role_context_words.tsv", ("phrase", "role", "where"))
    found: dict[str, dict[str, str]] = {"next": {}, "verb": {}, "object": {}}
    for phrase, role, where in rows:
        found[where][phrase] = role
    return found


_OBJECT_WINDOW = 6  # words after the verb


def _context_after(text: str, end: int) -> list[Description]:
    """What the words right after a name say of the person: "Ruiz campaign", "Ruiz's
    candidacy", "Ruiz won the Democratic primary" (where ``"context"``)."""
    skip = 2 if text.startswith(("'s", "’s"), end) else 0
    rest = text[end + skip : end + 120]
    words = list(_WORD.finditer(rest))
    if not words or rest[: words[0].start()].strip(" ") or words[0].group() == ",":
        return []  # the name ends a sentence or a clause
    table, lower = _context_words(), [m.group().lower() for m in words]
    for size in (2, 1):
        if " ".join(lower[:size]) in table["next"]:
            return [_context(text, end, rest[: words[size - 1].end()])]
    if skip or lower[0] not in table["verb"]:
        return []
    for k in range(1, min(len(words), _OBJECT_WINDOW + 1)):
        if words[k].group() == "," or _BOUNDARY.search(rest[words[k - 1].end() : words[k].start()]):
            return []
        if lower[k] in table["object"]:
            return [_context(text, end, rest[: words[k].end()])]
    return []


def _context(text: str, end: int, phrase: str) -> Description:
    return Description("context", phrase.strip(), end)


_PHOTO_CREDIT = re.compile(r"\s*/\s*[A-Z]|\s+via\s+[A-Z]")
_BYLINE_REST = re.compile(r"\s*(?:,\s*(?:[A-Z][\w'’&.-]*\s*){1,5})?[\s.]*$")
_CONTRIBUTED = re.compile(r"\s+contributed\b")
_REPORTED_FROM = re.compile(r"\s+reported\s+from\b")
_FILES_FROM = re.compile(
    r"\b(?:with\s+)?files\s+from\b[^\n]*$|^[\s\-–—]*(?:additional\s+)?reporting\s+(?:from|by)\b",
    re.I,
)
_BY = re.compile(r"^[\s\-–—]*(?:by|byline:|photo(?:graph)?\s+by|photo:|credit:)?\s*$", re.I)
_FOLLOW = re.compile(r"\bfollow\s+$", re.I)
_ON_NETWORK = re.compile(r"\s+on\s+(\w+)")


@lang.cached
def _credit_words() -> frozenset[str]:
    return _function_words("credit")


def in_credit_line(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` a credit, not someone the story is about? A photo credit
    ("(Ana Ruiz/Agency)", "Ana Ruiz via Getty Images"), a byline paragraph ("By Ana Ruiz",
    "Byline: Ana Ruiz", "- Ana Ruiz.", "Ana Ruiz, The Daily"), a contribution note ("With files
    from Ana Ruiz", "Additional reporting by Ana Ruiz", "Ana Ruiz contributed to this report",
    "Ana Ruiz reported from Lyon") or an author's line ("Ana Ruiz is a reporter covering ...",
    opening its paragraph; "Follow Ana Ruiz on Twitter")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if _PHOTO_CREDIT.match(after) or _CONTRIBUTED.match(after):
        return True
    if not before.strip() and _REPORTED_FROM.match(after):
        return True
    if _FILES_FROM.search(before) or _followed_on_a_network(before, after):
        return True
    if _BY.match(before) and _BYLINE_REST.match(after):
        return True
    if not before.strip() and after.startswith(" is a"):
        words = {w.lower() for w in _WORD.findall(after[:120])}
        return bool(words & _credit_words())
    return False


def _followed_on_a_network(before: str, after: str) -> bool:
    """ "Follow Ana Ruiz on Twitter": an author's line."""
    network = _ON_NETWORK.match(after)
    return bool(
        _FOLLOW.search(before) and network and network.group(1).lower() in _function_words("social")
    )


#: A photo credit in brackets closing a caption: "(Ana Ruiz/Agency)", "( Ana Ruiz / Agency )".
_BRACKETED_CREDIT = re.compile(r"\(\s*[^()\n/]{2,60}/[^()\n/]{2,60}\)")
#: A caption is short: a longer stretch before a credit is body text.
_CAPTION_CHARS = 400


def caption_spans(text: str) -> list[tuple[int, int]]:
    r"""The photo captions of ``text`` as ``(start, end)``: the words between the start of a
    line (or the credit before) and a bracketed photo credit closing them.

    >>> text = "Ana Ruiz waves. (Tom Lee/Agency)\nRuiz said so."
    >>> [text[s:e] for s, e in caption_spans(text)]
    ['Ana Ruiz waves. (Tom Lee/Agency)']
    """
    spans: list[tuple[int, int]] = []
    for credit in _BRACKETED_CREDIT.finditer(text):
        start = max(text.rfind("\n", 0, credit.start()) + 1, spans[-1][1] if spans else 0)
        if credit.start() - start <= _CAPTION_CHARS:
            spans.append((start, credit.end()))
    return spans


def named_only_in_credits(text: str, actor: Actor) -> bool:
    """Is every name mention of ``actor`` a credit (see :func:`in_credit_line`) or in a photo
    caption (:func:`caption_spans`)? Such people took the photographs or wrote the story, or
    stand in a picture the story does not name them in; they are not among the people it
    mentions."""
    names = actor.name_mentions
    if not names:
        return False
    captions = caption_spans(text)
    return all(
        in_credit_line(text, m.start, m.end) or any(s <= m.start < e for s, e in captions)
        for m in names
    )
