"""The toolkit's language data: word lists and tables in ``toolkit/lang/data/``, read through
one loader and kept in one cache.

Two kinds of data file (``toolkit/lang/README.md`` describes them, and how to add a verb, a
title or a word to a class):

- **word list** (``name.txt``, or ``name.txt.gz``): one entry per line. An entry may hold
  spaces ("Roman Catholic"), never a tab. Read with :func:`read_lines` (entries in file order)
  or :func:`word_set` (a set, lower-cased by default).
- **table** (``name.tsv``): a header row naming the columns, then one row per line, cells
  separated by one tab. Missing cells at the end of a row are empty. A cell that lists several
  words separates them by spaces, several phrases by ``|``. Read with :func:`table`, which
  checks the header against the columns the code expects and the cells of class columns
  against their declared values; :func:`classes` reads a table of word classes (columns
  ``class`` and ``word``) into a dataclass that declares them, one field per class. :func:`verbs` reads the table
of cue verbs, one :class:`Verb` a row.

In every file, ``#`` starts a comment that runs to the end of the line, and blank lines are
skipped. Every file opens with a comment block that says what it holds, its ``Source:`` and
its ``Licence:``. A file that breaks its format, or names a class that the code does not
declare, fails when it loads with a one-line :class:`LanguageDataError`.

Everything loaded, and everything built from it (the actor lexicon, the quotation grammar's
word lists, the syllable counter), is kept in :data:`CACHE` by the loaders decorated with
:func:`cached`; :func:`clear_cache` forgets all of it in one call.

>>> from toolkit import lang
>>> "who" in lang.word_set("quote_relative_pronouns.txt")
True
>>> lang.clear_cache()
>>> lang.CACHE.size()
0
"""

from __future__ import annotations

from toolkit.lang._cache import CACHE, DataCache, cached, clear_cache
from toolkit.lang._files import (
    LanguageDataError,
    classes,
    data_path,
    iter_lines,
    read_lines,
    table,
    word_set,
)
from toolkit.lang._verbs import VERB_CLASSES, Verb, verbs

__all__ = [
    "CACHE",
    "VERB_CLASSES",
    "DataCache",
    "LanguageDataError",
    "Verb",
    "cached",
    "classes",
    "clear_cache",
    "data_path",
    "iter_lines",
    "read_lines",
    "table",
    "verbs",
    "word_set",
]
