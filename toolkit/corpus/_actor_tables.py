"""Per-actor and per-pair summaries of a corpus's tables (what :meth:`Corpus.actor_table` and
:meth:`Corpus.co_mention_table` return), as functions of the tables. Actors are counted by
``key`` (their identity across articles) and shown by their display name, the name the key
has in most articles:

>>> import pandas as pd
>>> actors = pd.DataFrame({"article_id": ["a", "a", "b", "b", "c"],
...                        "actor": ["Ann Lee", "Bo Park", "Ann Lee", "Park", "Bo Park"],
...                        "key": ["person:ann lee", "person:bo park", "person:ann lee",
...                                "person:bo park", "person:bo park"],
...                        "mentions": [1, 1, 1, 1, 1]})
>>> pairs = pd.DataFrame({"article_id": ["a", "b"], "actor_a": ["Ann Lee", "Ann Lee"],
...                       "actor_b": ["Bo Park", "Park"], "count": [2, 1]})
>>> co_mention_table(pairs, actors).to_dict("records")
[{'actor_a': 'Ann Lee', 'actor_b': 'Bo Park', 'articles': 2, 'count': 3}]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from toolkit.corpus._schema import ACTOR_KINDS, TEXT

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["actor_table", "co_mention_table", "display_names"]


def actor_table(
    articles: pd.DataFrame,
    actors: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    by: str | Sequence[str] | None = None,
    kind: str | None = None,
) -> pd.DataFrame:
    """One row per actor (per value of the articles column ``by``, or per combination of the
    columns ``by`` lists); the columns are those documented at
    :meth:`toolkit.corpus.Corpus.actor_table`. Articles whose ``by`` value is missing are
    left out."""
    names = display_names(actors)
    groups = [by] if isinstance(by, str) else list(by or ())
    if groups:
        missing = [column for column in groups if column not in articles]
        if missing:
            raise KeyError(f"no articles column {missing[0]!r} to group by")
        actors = _with_groups(actors, articles, groups)
        quotes = _with_groups(quotes, articles, groups)
    keys = [*groups, "key"]
    # Shares are of every actor's mentions and every quotation, whatever ``kind`` keeps.
    shares_of = _share_totals(actors, quotes, groups)
    if kind is not None:
        actors = actors[actors["kind"] == kind]
    table = _sums_per_actor(actors, keys)
    table.insert(0, "kind", _most_frequent_kind(actors, keys).reindex(table.index).astype(TEXT))
    table = table.reset_index()
    table.insert(len(keys) - 1, "actor", table["key"].map(names))
    table["quoted_share"] = table["quoted_articles"] / table["articles"]
    table = _add_shares(table, shares_of, groups)
    return _ordered(table, groups)


def _with_groups(rows: pd.DataFrame, articles: pd.DataFrame, groups: list[str]) -> pd.DataFrame:
    """``rows`` (of the actors or quotes table) with their article's ``groups`` columns; the
    rows of articles with a missing group value (or no article row) left out."""
    lookup = articles.set_index("id")[groups]
    values = lookup.reindex(rows["article_id"].to_numpy())
    rows = rows.assign(**{column: values[column].to_numpy() for column in groups})
    return rows[values.notna().all(axis=1).to_numpy()]


def display_names(actors: pd.DataFrame) -> pd.Series:
    """Key -> the name its actor has in most articles (then: with most mentions, first in
    alphabetical order)."""
    rows = actors.groupby(["key", "actor"], observed=True).agg(
        articles=("article_id", "size"), mentions=("mentions", "sum")
    )
    rows = rows.reset_index().sort_values(
        ["key", "articles", "mentions", "actor"], ascending=[True, False, False, True]
    )
    return rows.drop_duplicates("key").set_index("key")["actor"]


def _sums_per_actor(actors: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    grouped = actors.groupby(keys, observed=True, sort=False)
    table = grouped.agg(
        articles=("article_id", "nunique"),
        mentions=("mentions", "sum"),
        name_mentions=("name_mentions", "sum"),
        demonym_mentions=("demonym_mentions", "sum"),
        pronoun_mentions=("pronoun_mentions", "sum"),
        quotes=("quotes", "sum"),
    )
    table["quoted_articles"] = (
        actors[actors["quotes"] > 0]
        .groupby(keys, observed=True, sort=False)["article_id"]
        .nunique()
        .reindex(table.index, fill_value=0)
    )
    return table


def _most_frequent_kind(actors: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Each actor's most frequent kind (ties: the first in name order)."""
    return (
        actors.assign(kind=actors["kind"].astype(TEXT))
        .groupby([*keys, "kind"], observed=True, sort=False)
        .size()
        .reset_index(name="n")
        .sort_values([*keys, "n", "kind"], ascending=[True] * len(keys) + [False, True])
        .drop_duplicates(keys)
        .set_index(keys)["kind"]
    )


def _share_totals(actors: pd.DataFrame, quotes: pd.DataFrame, groups: list[str]):
    """All mentions and all quotations: two numbers, or two Series by group."""
    if not groups:
        return int(actors["mentions"].sum()), len(quotes)
    mentions = actors.groupby(groups, observed=True)["mentions"].sum()
    return mentions, quotes.groupby(groups, observed=True).size()


def _add_shares(table: pd.DataFrame, shares_of, groups: list[str]) -> pd.DataFrame:
    mentions, quotes = shares_of
    if not groups:
        table["mention_share"] = table["mentions"] / max(mentions, 1)
        table["voice_share"] = table["quotes"] / max(quotes, 1)
        return table
    totals = (
        table[groups].join(mentions.rename("_m"), on=groups).join(quotes.rename("_q"), on=groups)
    )
    group_mentions = totals["_m"].astype(float).fillna(0).clip(lower=1)
    group_quotes = totals["_q"].astype(float).fillna(0).clip(lower=1)
    table["mention_share"] = table["mentions"] / group_mentions.to_numpy()
    table["voice_share"] = table["quotes"] / group_quotes.to_numpy()
    return table


def _ordered(table: pd.DataFrame, groups: list[str]) -> pd.DataFrame:
    """By mentions, then articles, then name (within each group); kinds categorical."""
    import pandas as pd

    order = [*groups, "mentions", "articles", "actor"]
    ascending = [True] * len(groups) + [False, False, True]
    table = table.sort_values(order, ascending=ascending, kind="stable")
    extra = sorted(set(table["kind"].dropna()) - set(ACTOR_KINDS))
    table["kind"] = pd.Categorical(table["kind"], categories=[*ACTOR_KINDS, *extra])
    return table.reset_index(drop=True)


def co_mention_table(
    co_mentions: pd.DataFrame, actors: pd.DataFrame, only: Iterable[str] | None = None
) -> pd.DataFrame:
    """Per pair of actors in the ``co_mentions`` table, counted by key and named by display
    name (``actors`` is the actors table; only pairs of the actors ``only`` names, by display
    name or key, if given): articles where they meet, sentences naming both (count); most
    frequent first."""
    names = display_names(actors)
    pairs = _pairs_by_key(co_mentions, actors, names)
    if only is not None:
        keep = set(only)
        keep |= {names[k] for k in keep if k in names.index}
        pairs = pairs[pairs["actor_a"].isin(keep) & pairs["actor_b"].isin(keep)]
    table = (
        pairs.groupby(["actor_a", "actor_b"], observed=True, sort=False)
        .agg(articles=("article_id", "nunique"), count=("count", "sum"))
        .reset_index()
    )
    table = table.sort_values(
        ["articles", "count", "actor_a", "actor_b"],
        ascending=[False, False, True, True],
        kind="stable",
    )
    return table.reset_index(drop=True)


def _pairs_by_key(co_mentions: pd.DataFrame, actors: pd.DataFrame, names: pd.Series):
    """The co-mention rows with each actor's name replaced by its key's display name (the
    name itself where the actors table lacks the actor), pairs in name order, self-pairs
    (two names of one actor) left out."""
    import pandas as pd

    key_of = actors.drop_duplicates(["article_id", "actor"]).set_index(["article_id", "actor"])[
        "key"
    ]
    sides = {}
    for side in ("actor_a", "actor_b"):
        where = pd.MultiIndex.from_arrays([co_mentions["article_id"], co_mentions[side]])
        keys = pd.Series(key_of.reindex(where).to_numpy(), dtype=object)
        keys = keys.fillna(pd.Series(co_mentions[side].to_numpy(), dtype=object))
        sides[side] = keys.map(names).fillna(keys).astype(str)
    a, b = sides["actor_a"], sides["actor_b"]
    pairs = pd.DataFrame(
        {
            "article_id": co_mentions["article_id"].to_numpy(),
            "actor_a": a.where(a < b, b).to_numpy(),
            "actor_b": b.where(a < b, a).to_numpy(),
            "count": co_mentions["count"].to_numpy(),
        }
    )
    return pairs[pairs["actor_a"] != pairs["actor_b"]]
