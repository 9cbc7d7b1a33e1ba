"""Source diversity: the people an article mentions and quotes, by inferred gender and by
role, counted per article, per outlet, per period or for the whole corpus, from the corpus
tables alone (no table of its own to keep in step with them).

A person counts once per article (one actor ``key``, however many mentions): ``people_*``
count person-article pairs, so someone quoted in three articles of an outlet counts three
times for it. ``quotes`` and ``words_quoted`` sum the quotations attributed to those people.
Shares are of the people with a *known* value: the quoted share of women is the women quoted
over the people quoted with a known (inferred) gender; the ``unknown`` rows have no share.

>>> import pandas as pd
>>> articles = pd.DataFrame({"id": ["a1", "a2"], "outlet": ["The Ledger", "The Ledger"]})
>>> actors = pd.DataFrame({
...     "article_id": ["a1", "a1", "a2"], "actor": ["Ana Ruiz", "Tom Hale", "Ana Ruiz"],
...     "key": ["person:ana ruiz", "person:tom hale", "person:ana ruiz"],
...     "kind": ["person"] * 3, "gender": ["female", "male", "female"],
...     "role": ["politician", "expert", "politician"], "quotes": [1, 0, 1]})
>>> quotes = pd.DataFrame({"article_id": ["a1", "a2"], "speaker": ["Ana Ruiz", "Ana Ruiz"],
...                        "text": ["We will build it.", "Not this year."]})
>>> table = diversity_table(articles, actors, quotes, by="outlet")
>>> columns = ["group", "people_mentioned", "people_quoted", "words_quoted", "quoted_share"]
>>> table.loc[table["dimension"] == "gender", columns].to_string(index=False)
'  group  people_mentioned  people_quoted  words_quoted  quoted_share\\n female                 2              2             7           1.0\\n   male                 1              0             0           0.0\\nunknown                 0              0             0           NaN'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from toolkit.actors import GENDERS, ROLES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DIMENSIONS", "PERIODS", "diversity_table", "people_per_article"]

UNKNOWN = "unknown"
#: What people are counted by, and the groups of each (every group gets a row, even at 0).
DIMENSIONS: dict[str, tuple[str, ...]] = {
    "gender": (*GENDERS, UNKNOWN),
    "role": ROLES,
}
#: Periods derived from the articles' ``date`` column (pandas period codes): each is the
#: period's first day (weeks start on Monday), in the time zone the date is written in.
PERIODS = {"week": "W-SUN", "month": "M", "year": "Y"}
# The counts and shares of each row, in column order.
_COUNTS = ("people_mentioned", "people_quoted", "quotes", "words_quoted")
_SHARES = {
    "mentioned_share": "people_mentioned",
    "quoted_share": "people_quoted",
    "quotes_share": "quotes",
    "words_share": "words_quoted",
}


def diversity_table(
    articles: pd.DataFrame,
    actors: pd.DataFrame,
    quotes: pd.DataFrame,
    by: str | Iterable[str] = (),
) -> pd.DataFrame:
    """One row per group of articles (each combination of the ``by`` values; the whole corpus
    when ``by`` is empty), dimension (``gender``, ``role``) and group of that dimension
    (``female``, ``male``, ``unknown``; each of :data:`toolkit.actors.ROLES`).

    ``by``: articles columns (``"outlet"``, ``"topic"``, ``"id"`` for one row group per
    article) or periods of the ``date`` column (``"week"``, ``"month"``, ``"year"``). Articles
    with no value form a group of their own (missing). Columns: the ``by`` columns,
    ``articles`` (in the group), ``dimension``, ``group``, ``people_mentioned``,
    ``people_quoted``, ``quotes``, ``words_quoted``, then the shares of each among the groups
    with a known value: ``mentioned_share``, ``quoted_share``, ``quotes_share``,
    ``words_share`` (missing for ``unknown`` and when no one has a known value).

    >>> diversity_table(corpus.articles, corpus.actors, corpus.quotes, by=("outlet", "month"))  # doctest: +SKIP
    """
    import pandas as pd

    keys = [by] if isinstance(by, str) else list(by)
    groups = article_groups(articles, keys)
    people = people_per_article(actors, quotes).merge(groups, on="article_id", how="inner")
    sizes = _group_sizes(groups, keys)
    parts = [_dimension_rows(people, sizes, keys, name) for name in DIMENSIONS]
    table = pd.concat(parts, ignore_index=True)
    return table.drop(columns="_all") if not keys else table


def article_groups(articles: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """``article_id`` and one column per ``by`` name: the articles column, or a period of
    ``date``.

    >>> import pandas as pd
    >>> dates = pd.DataFrame({"id": ["a"], "date": ["2024-03-31T23:30:00-05:00"]})
    >>> article_groups(dates, ["month"])["month"].tolist()
    [Timestamp('2024-03-01 00:00:00')]
    """
    import pandas as pd

    columns = {"article_id": articles["id"].astype(object).to_numpy()}
    for name in by:
        if name in ("article_id", "dimension", "group", "articles"):
            raise ValueError(f"cannot group by {name!r}: it names a column of the table")
        if name in articles:
            columns[name] = articles[name].to_numpy()
        elif name in PERIODS and "date" in articles:
            columns[name] = _periods(articles["date"], PERIODS[name]).to_numpy()
        elif name in PERIODS:
            raise KeyError(f"cannot group by {name!r}: the articles have no date column")
        else:
            raise KeyError(f"no articles column {name!r} to group by")
    frame = pd.DataFrame(columns, index=articles.index)
    for name in by:  # a category keeps its categories (and their order)
        if name in articles and isinstance(articles[name].dtype, pd.CategoricalDtype):
            frame[name] = frame[name].astype(articles[name].dtype)
    if not by:
        frame["_all"] = "all"
    return frame


def _periods(dates: pd.Series, code: str) -> pd.Series:
    """The first day of each date's period, on the wall clock of the time zone the date is
    written in (23:30 on 31 March in New York is a March article; a date stored in UTC is
    read in UTC)."""
    import pandas as pd

    from toolkit.article import parse_date

    def wall_clock(value):
        try:
            moment = parse_date(value)
        except ValueError:  # a value no loader would have let through: no period
            return None
        return moment.replace(tzinfo=None) if moment else None

    moments = pd.to_datetime(pd.Series([wall_clock(v) for v in dates], dtype=object))
    return moments.dt.to_period(code).dt.start_time


def people_per_article(actors: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per person per article (by actor ``key``): article_id, key, gender and role
    (``unknown`` when not inferred, or when two actors of one key disagree on gender; else
    the first role other than unknown),
    quoted (at least one quotation), quotes, words_quoted (words of their quotations).

    >>> import pandas as pd
    >>> actors = pd.DataFrame({"article_id": ["a"], "actor": ["Tom Hale"],
    ...     "key": ["person:tom hale"], "kind": ["person"], "gender": [None],
    ...     "role": ["expert"], "quotes": [1]})
    >>> quotes = pd.DataFrame({"article_id": ["a"], "speaker": ["Tom Hale"],
    ...                        "text": ["Prices will fall."]})
    >>> people_per_article(actors, quotes).to_dict("records")
    [{'article_id': 'a', 'key': 'person:tom hale', 'gender': 'unknown', 'role': 'expert', 'quotes': 1, 'words_quoted': 3, 'quoted': True}]
    """
    people = actors[actors["kind"].astype(str) == "person"]
    people = people[["article_id", "actor", "key", "gender", "role", "quotes"]].astype(
        {"gender": object, "role": object, "article_id": object, "actor": object}
    )
    people = people.merge(_words_per_speaker(quotes), on=["article_id", "actor"], how="left")
    known = people.assign(
        gender=people["gender"].where(people["gender"].isin(GENDERS)),
        role=people["role"].where(people["role"].isin(ROLES) & (people["role"] != UNKNOWN)),
    )
    table = (
        known.groupby(["article_id", "key"], sort=False)
        .agg(
            genders=("gender", "nunique"),
            gender=("gender", "first"),  # the first known one; the actors' order is the text's
            role=("role", "first"),
            quotes=("quotes", "sum"),
            words_quoted=("words_quoted", "sum"),
        )
        .reset_index()
    )
    # Actors of one key that disagree on gender: unknown, never a guess.
    table["gender"] = table["gender"].where(table.pop("genders") == 1, UNKNOWN)
    table["role"] = table["role"].fillna(UNKNOWN)
    table = table.astype({"quotes": "int64", "words_quoted": "int64"})
    table["quoted"] = table["quotes"] > 0
    return table


def _words_per_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """article_id, actor (the speaker's name), words_quoted: words of its quotations."""
    from toolkit.text.segment import words

    said = quotes.loc[quotes["speaker"].notna(), ["article_id", "speaker", "text"]]
    said = said.astype(object).assign(words_quoted=[len(words(str(t))) for t in said["text"]])
    summed = said.groupby(["article_id", "speaker"], sort=False)["words_quoted"].sum()
    return summed.reset_index().rename(columns={"speaker": "actor"})


def _group_sizes(groups: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Each group of articles (every combination present, missing values included) and the
    number of its articles."""
    columns = keys or ["_all"]
    sizes = groups.groupby(columns, dropna=False, observed=True, sort=True).size()
    return sizes.rename("articles").reset_index()


def _dimension_rows(
    people: pd.DataFrame, sizes: pd.DataFrame, keys: list[str], dimension: str
) -> pd.DataFrame:
    """The rows of one dimension: every group of articles times every group of people."""
    import pandas as pd

    columns = keys or ["_all"]
    names = DIMENSIONS[dimension]
    counted = people.assign(group=people[dimension].where(people[dimension].isin(names)))
    counted["group"] = counted["group"].fillna(UNKNOWN)
    sums = counted.groupby([*columns, "group"], dropna=False, observed=True).agg(
        people_mentioned=("key", "size"),
        people_quoted=("quoted", "sum"),
        quotes=("quotes", "sum"),
        words_quoted=("words_quoted", "sum"),
    )
    grid = sizes.merge(pd.DataFrame({"group": list(names)}), how="cross")
    grid.insert(len(columns) + 1, "dimension", dimension)
    table = grid.merge(sums.reset_index(), on=[*columns, "group"], how="left")
    for column in _COUNTS:
        table[column] = table[column].fillna(0).astype("int64")
    known = table["group"] != UNKNOWN
    for share, count in _SHARES.items():
        totals = (
            table[count]
            .where(known, 0)
            .groupby([table[c] for c in columns], dropna=False, observed=True, sort=False)
        )
        total = totals.transform("sum")
        table[share] = (table[count] / total.where(total > 0)).where(known)
    return table
