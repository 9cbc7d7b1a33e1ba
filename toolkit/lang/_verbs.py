"""The verbs that attribute speech, views and judgements: one row of ``quote_verbs.tsv`` each.

Both the actor finder (a name before "said" is a speaker) and the quotation grammar read them,
so they live here, below both.
"""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.lang._cache import cached
from toolkit.lang._files import LanguageDataError, table

__all__ = ["VERB_CLASSES", "Verb", "verbs"]

VERBS_FILE = "quote_verbs.tsv"
#: The classes of cue verbs, as the quotation grammar tells them apart (see ``quote_verbs.tsv``).
VERB_CLASSES = ("speech", "cognition", "evidence", "intention", "stance", "evaluation")
_YES_NO = ("yes", "no")


@dataclass(frozen=True)
class Verb:
    """One verb: its forms (base form first), its class, and what may follow it."""

    forms: tuple[str, ...]
    cls: str  # one of VERB_CLASSES
    takes_object: bool  # "told reporters (that) ...": the hearer before what was said
    takes_infinitive: bool  # "urged voters to ...": what was said is an infinitive

    @property
    def base(self) -> str:
        return self.forms[0]


@cached
def verbs() -> tuple[Verb, ...]:
    """Every verb of ``quote_verbs.tsv``, in file order, forms lower-cased.

    A form listed in two rows fails the loading: a verb is described in one row.

    >>> tell = next(v for v in verbs() if v.base == "tell")
    >>> tell.forms, tell.cls, tell.takes_object, tell.takes_infinitive
    (('tell', 'told', 'tells', 'telling'), 'speech', True, True)
    """
    rows = table(
        VERBS_FILE,
        ("forms", "class", "takes_object", "takes_infinitive"),
        {"class": VERB_CLASSES, "takes_object": _YES_NO, "takes_infinitive": _YES_NO},
    )
    found: list[Verb] = []
    row_of: dict[str, int] = {}  # form -> index of its row in found
    for forms, cls, takes_object, takes_infinitive in rows:
        verb = Verb(
            tuple(forms.lower().split()), cls, takes_object == "yes", takes_infinitive == "yes"
        )
        for form in verb.forms:
            if row_of.setdefault(form, len(found)) != len(found):
                other = found[row_of[form]].base
                problem = f"the form {form!r} of {verb.base!r} is also in the row of {other!r}"
                raise LanguageDataError(VERBS_FILE, problem)
        found.append(verb)
    return tuple(found)
