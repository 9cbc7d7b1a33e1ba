"""The corpus tables' columns and dtypes, and how any frame is brought to them.

The ``articles`` table has one column per field of :class:`toolkit.text.stats.TextStats` and
the ``quotes`` table one per field of :class:`toolkit.quotes.Quote`, typed by their
annotations, so a new statistic or quotation field becomes a column without an edit here:

>>> list(schema("co_mentions"))
['article_id', 'actor_a', 'actor_b', 'count']
>>> schema("quotes")["speaker_start"]
'Int64'
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from toolkit.actors import GENDERS, ROLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ACTOR_KINDS",
    "DUPLICATE_KINDS",
    "QUOTE_KINDS",
    "TABLES",
    "normalise",
    "schema",
    "upgrade_actors",
    "upgrade_articles",
]

#: The tables of a corpus, in the order they are written.
TABLES = ("articles", "actors", "quotes", "co_mentions", "errors")

ACTOR_KINDS = ("person", "organization", "place")
QUOTE_KINDS = ("direct", "mixed", "indirect")
#: What ``duplicate_of`` means: the same cleaned text, or a near-duplicate (an edited copy).
DUPLICATE_KINDS = ("exact", "near")
TEXT = "string"
#: Publication dates: timezone-aware, in UTC (one column holds one time zone), to the
#: microsecond (as Python's datetimes; any year a date can have).
DATE = "datetime64[us, UTC]"
#: The articles columns holding an article's other fields (``Article.meta``) start so.
META_PREFIX = "meta_"

# The articles table: these identity and metadata columns, then one per text statistic, then
# the counts, then the article's other fields (meta_*).
_ARTICLE_HEAD = {
    "id": TEXT,
    "path": TEXT,
    "topic": "category",
    "title": TEXT,
    "encoding": TEXT,
    "content_hash": TEXT,
    "duplicate_of": TEXT,
    "duplicate_kind": "category",
    "duplicate_similarity": "float64",
    "row": "Int64",
    "date": DATE,
    "outlet": "category",
    "url": TEXT,
    "authors": TEXT,
}
_ARTICLE_COUNTS = {
    "n_actors": "int64",
    "n_people": "int64",
    "n_organizations": "int64",
    "n_places": "int64",
    "n_quotes": "int64",
    "n_direct_quotes": "int64",
    "n_mixed_quotes": "int64",
    "n_indirect_quotes": "int64",
    "n_attributed_quotes": "int64",
}
# The quotes table: article_id, these fields of Quote first (in this order), then its others.
_QUOTE_FIRST = (
    "kind",
    "speaker",
    "source",
    "text",
    "start",
    "end",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
)
_FIXED_SCHEMAS: dict[str, dict[str, str]] = {
    "actors": {
        "article_id": TEXT,
        "actor": TEXT,
        "key": TEXT,
        "kind": "category",
        "gender": "category",
        "role": "category",
        "mentions": "int64",
        "name_mentions": "int64",
        "demonym_mentions": "int64",
        "pronoun_mentions": "int64",
        "quotes": "int64",
        "first_offset": "int64",
    },
    "co_mentions": {"article_id": TEXT, "actor_a": TEXT, "actor_b": TEXT, "count": "int64"},
    "errors": {"path": TEXT, "message": TEXT},
}
# Categories that do not depend on the data, so that every corpus has the same ones.
_FIXED_CATEGORIES = {
    ("actors", "kind"): ACTOR_KINDS,
    ("actors", "gender"): GENDERS,
    ("actors", "role"): ROLES,
    ("quotes", "kind"): QUOTE_KINDS,
    ("articles", "duplicate_kind"): DUPLICATE_KINDS,
}


def schema(name: str, frame: pd.DataFrame | None = None) -> dict[str, str]:
    """Column -> dtype of the table ``name``. For ``articles``, the statistics columns of
    ``frame`` that the toolkit does not declare (older or newer tables) are kept too."""
    if name == "quotes":
        return _quote_schema()
    if name != "articles":
        return _FIXED_SCHEMAS[name]
    stats = _stats_dtypes()
    meta = {}
    if frame is not None:
        known = set(_ARTICLE_HEAD) | set(_ARTICLE_COUNTS) | set(stats)
        for column in frame.columns:
            if str(column).startswith(META_PREFIX):
                meta[column] = TEXT
            elif column not in known:
                kind = frame[column].dtype.kind
                stats[column] = "int64" if kind in "iub" else "float64" if kind == "f" else TEXT
    return {**_ARTICLE_HEAD, **stats, **_ARTICLE_COUNTS, **meta}


def _stats_dtypes() -> dict[str, str]:
    """One column per :class:`toolkit.text.stats.TextStats` field."""
    from toolkit.text.stats import TextStats

    return {f.name: _dtype_of(f.type) for f in dataclasses.fields(TextStats)}


def _quote_schema() -> dict[str, str]:
    """article_id, then one column per :class:`toolkit.quotes.Quote` field."""
    from toolkit.quotes import Quote

    fields = {f.name: _dtype_of(f.type) for f in dataclasses.fields(Quote)}
    fields["source"] = TEXT  # a property: the speaker, or the words naming an unnamed source
    order = [n for n in _QUOTE_FIRST if n in fields] + [n for n in fields if n not in _QUOTE_FIRST]
    columns = {"article_id": TEXT, **{n: fields[n] for n in order}}
    columns["kind"] = "category"
    return columns


def _dtype_of(annotation: object) -> str:
    """The column dtype for a dataclass field's annotation (a string under
    ``from __future__ import annotations``): optional whole numbers and flags are nullable.

    >>> _dtype_of("int | None"), _dtype_of("float"), _dtype_of("bool"), _dtype_of("str")
    ('Int64', 'float64', 'boolean', 'string')
    >>> _dtype_of("tuple[tuple[int, int], ...]")
    'string'
    """
    text = str(annotation)
    if "tuple" in text:
        return TEXT  # spans, written as JSON: "[[12, 40]]"
    if "bool" in text:
        return "boolean"
    if "float" in text:
        return "float64"
    if "int" in text:
        return "Int64" if "None" in text else "int64"
    return TEXT


def upgrade_actors(frame: pd.DataFrame) -> pd.DataFrame:
    """An actors table written before ``mentions`` counted every form (then it counted names
    only, and there was no ``name_mentions``), or before actors had a ``key``, in today's
    columns."""
    if "key" not in frame and {"actor", "kind"} <= set(frame.columns):
        from toolkit.actors import identity_key

        keys = [identity_key(a, str(k)) for a, k in zip(frame["actor"], frame["kind"], strict=True)]
        frame = frame.assign(key=keys)
    if "mentions" not in frame or "name_mentions" in frame:
        return frame
    total = frame["mentions"]
    for column in ("demonym_mentions", "pronoun_mentions"):
        if column in frame:
            total = total + frame[column]
    return frame.assign(name_mentions=frame["mentions"], mentions=total)


def upgrade_articles(frame: pd.DataFrame) -> pd.DataFrame:
    """An articles table written before near-duplicates were found: its duplicates were
    exact copies."""
    if "duplicate_of" in frame and "duplicate_kind" not in frame:
        exact = frame["duplicate_of"].notna()
        frame = frame.assign(
            duplicate_kind=exact.map({True: "exact", False: None}),
            duplicate_similarity=exact.map({True: 1.0, False: None}),
        )
    return frame


def normalise(
    name: str, frame: pd.DataFrame, columns: dict[str, str] | None = None
) -> pd.DataFrame:
    """``frame`` with the columns of the table ``name`` (or ``columns``), in order, with their
    dtypes (a missing column is all missing); a fresh RangeIndex."""
    import pandas as pd

    columns = columns or schema(name, frame)
    frame = frame.reset_index(drop=True)
    typed = {}
    for column, dtype in columns.items():
        values = frame[column] if column in frame else pd.Series([None] * len(frame), dtype=object)
        typed[column] = pd.Series(_typed(name, column, values, dtype), index=frame.index)
    return pd.DataFrame(typed, index=pd.RangeIndex(len(frame)))


def _typed(name: str, column: str, values: pd.Series, dtype: str):
    import pandas as pd

    if dtype == DATE:
        return pd.to_datetime(values, utc=True).astype(DATE)
    if dtype == "category":
        fixed = _FIXED_CATEGORIES.get((name, column), ())
        values = values.astype(TEXT)
        extra = sorted(set(values.dropna().unique()) - set(fixed))
        return pd.Categorical(values, categories=[*fixed, *extra])
    if dtype in ("int64", "float64") and values.isna().any():
        return values.astype("float64")  # a missing statistic stays missing
    return values.astype(dtype)
