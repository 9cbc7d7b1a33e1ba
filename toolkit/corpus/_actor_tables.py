"""Per-actor and per-pair summaries of a corpus's tables (what :meth:`Corpus.actor_table` and
:meth:`Corpus.co_mention_table` return), as functions of the tables.

>>> import pandas as pd
>>> pairs = pd.DataFrame({"article_id": ["a", "b"], "actor_a": ["Ann Lee", "Ann Lee"],
...                       "actor_b": ["Bo Park", "Bo Park"], "count": [2, 1]})
>>> co_mention_table(pairs).to_dict("records")
[{'actor_a': 'Ann Lee', 'actor_b': 'Bo Park', 'articles': 2, 'count': 3}]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from toolkit.corpus._schema import ACTOR_KINDS, TEXT

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["actor_table", "co_mention_table"]


def actor_table(
    articles: pd.DataFrame,
    actors: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    by: str | None = None,
    kind: str | None = None,
) -> pd.DataFrame:
    """One row per actor (per value of the articles column ``by``); the columns are those
    documented at :meth:`toolkit.corpus.Corpus.actor_table`."""
    keys = ["actor"]
    if by is not None:
        if by not in articles:
            raise KeyError(f"no articles column {by!r} to group by")
        lookup = articles.set_index("id")[by]
        actors = actors.assign(**{by: actors["article_id"].map(lookup).to_numpy()})
        quotes = quotes.assign(**{by: quotes["article_id"].map(lookup).to_numpy()})
        keys = [by, "actor"]
    # Shares are of every actor's mentions and every quotation, whatever ``kind`` keeps.
    shares_of = _share_totals(actors, quotes, by)
    if kind is not None:
        actors = actors[actors["kind"] == kind]
    table = _sums_per_actor(actors, keys)
    table.insert(0, "kind", _most_frequent_kind(actors, keys).reindex(table.index).astype(TEXT))
    table = table.reset_index()
    table["quoted_share"] = table["quoted_articles"] / table["articles"]
    _add_shares(table, shares_of, by)
    return _ordered(table, by)


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


def _share_totals(actors: pd.DataFrame, quotes: pd.DataFrame, by: str | None):
    """All mentions and all quotations: two numbers, or two Series by ``by`` group."""
    if by is None:
        return int(actors["mentions"].sum()), len(quotes)
    mentions = actors.groupby(by, observed=True)["mentions"].sum()
    return mentions, quotes.groupby(by, observed=True).size()


def _add_shares(table: pd.DataFrame, shares_of, by: str | None) -> None:
    mentions, quotes = shares_of
    if by is None:
        table["mention_share"] = table["mentions"] / max(mentions, 1)
        table["voice_share"] = table["quotes"] / max(quotes, 1)
        return
    group_mentions = table[by].map(mentions).astype(float).clip(lower=1)
    group_quotes = table[by].map(quotes).astype(float).fillna(0).clip(lower=1)
    table["mention_share"] = table["mentions"] / group_mentions.to_numpy()
    table["voice_share"] = table["quotes"] / group_quotes.to_numpy()


def _ordered(table: pd.DataFrame, by: str | None) -> pd.DataFrame:
    """By mentions, then articles, then name (within each ``by`` group); kinds categorical."""
    import pandas as pd

    order = ([by] if by else []) + ["mentions", "articles", "actor"]
    ascending = ([True] if by else []) + [False, False, True]
    table = table.sort_values(order, ascending=ascending, kind="stable")
    extra = sorted(set(table["kind"].dropna()) - set(ACTOR_KINDS))
    table["kind"] = pd.Categorical(table["kind"], categories=[*ACTOR_KINDS, *extra])
    return table.reset_index(drop=True)


def co_mention_table(pairs: pd.DataFrame, actors: Iterable[str] | None = None) -> pd.DataFrame:
    """Per pair of actors in ``pairs`` (the co_mentions table; only pairs of ``actors`` if
    given): articles where they meet, sentences naming both (count); most frequent first."""
    if actors is not None:
        keep = set(actors)
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
