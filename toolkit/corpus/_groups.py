"""A corpus split by outlet, by publication period, or by any articles column: what
:meth:`toolkit.corpus.Corpus.by` returns. Each method gives a tidy table, one row per group
(and actor), with the group columns first:

>>> groups = corpus.by(outlet=True, period="month")    # doctest: +SKIP
>>> groups.articles()                                  # doctest: +SKIP
>>> groups.actors(["Ines Marlow", "Teo Vance"])        # doctest: +SKIP

Periods are calendar periods of the UTC publication date: ``period`` holds the start of each
(a Monday for weeks). Articles without a date (or outlet) are left out of the groups that
need one; :attr:`CorpusGroups.left_out` counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from toolkit.corpus._actor_tables import actor_table, display_names

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PERIODS", "CorpusGroups", "period_starts"]

#: Period names and their pandas frequencies (weeks run Monday to Sunday).
PERIODS = {"day": "D", "week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}


def period_starts(dates: pd.Series, period: str) -> pd.Series:
    """The start of the calendar period (UTC) holding each date, as a UTC timestamp.

    >>> import pandas as pd
    >>> dates = pd.Series(pd.to_datetime(["2024-03-06 23:30", "2024-03-11 08:00"], utc=True))
    >>> [str(d.date()) for d in period_starts(dates, "week")]
    ['2024-03-04', '2024-03-11']
    """
    import pandas as pd

    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}: choose one of {', '.join(PERIODS)}")
    naive = pd.to_datetime(dates, utc=True).dt.tz_localize(None)
    starts = naive.dt.to_period(PERIODS[period]).dt.start_time
    return starts.dt.tz_localize("UTC")


class CorpusGroups:
    """The articles of a corpus in groups: by ``columns`` of the articles table, by
    ``outlet`` (True; or an outlet's name, or several, to keep only those), by ``period``
    (``"day"``, ``"week"``, ``"month"``, ``"quarter"``, ``"year"``), in that order."""

    def __init__(
        self,
        corpus,
        columns: Sequence[str] = (),
        *,
        outlet: bool | str | Iterable[str] = False,
        period: str | None = None,
    ) -> None:
        self.corpus = corpus
        articles = corpus.articles
        keys = list(columns)
        missing = [c for c in keys if c not in articles]
        if missing:
            raise KeyError(f"no articles column {missing[0]!r} to group by")
        if outlet is not False:
            keys.append("outlet")
            if outlet is not True:
                wanted = {outlet} if isinstance(outlet, str) else set(outlet)
                articles = articles[articles["outlet"].astype(str).isin(wanted)]
        if period is not None:
            articles = articles.assign(period=period_starts(articles["date"], period))
            keys.append("period")
        if not keys:
            raise ValueError("group by something: outlet=True, period='month' or a column")
        self.keys = keys
        self.period = period
        kept = articles[keys].notna().all(axis=1)
        #: Articles left out for want of a group value (no date, no outlet).
        self.left_out = int((~kept).sum())
        self.frame = articles[kept]

    def groups(self) -> pd.DataFrame:
        """Every group: each combination of the values present, and for periods every
        period from the first to the last (empty ones included, so that a time line shows
        its gaps as zeros)."""
        import pandas as pd

        if not len(self.frame):
            return self.frame[self.keys].reset_index(drop=True)
        levels = []
        for key in self.keys:
            values = self.frame[key]
            if key == "period":
                naive = values.dt.tz_localize(None)
                span = pd.period_range(naive.min(), naive.max(), freq=PERIODS[self.period])
                levels.append(pd.Series(span.start_time).dt.tz_localize("UTC").tolist())
            else:
                levels.append(sorted(pd.unique(values.astype(object))))
        grid = pd.MultiIndex.from_product(levels, names=self.keys)
        return grid.to_frame(index=False)

    def articles(self) -> pd.DataFrame:
        """Per group: ``articles``, ``words``, actor ``mentions``, ``quotes`` (all
        quotations), ``attributed_quotes`` (with a speaker); zeros for empty groups.

        >>> corpus.by(outlet=True).articles()  # doctest: +SKIP
        """
        frame = self.frame
        mentions = self.corpus.actors.groupby("article_id")["mentions"].sum()
        frame = frame.assign(mentions=frame["id"].map(mentions).fillna(0).to_numpy())
        sums = frame.groupby(self.keys, observed=True).agg(
            articles=("id", "size"),
            words=("words", "sum"),
            mentions=("mentions", "sum"),
            quotes=("n_quotes", "sum"),
            attributed_quotes=("n_attributed_quotes", "sum"),
        )
        table = self.groups().join(sums, on=self.keys)
        counts = ["articles", "words", "mentions", "quotes", "attributed_quotes"]
        table[counts] = table[counts].fillna(0).astype("int64")
        return _typed_keys(table, self.frame, self.keys).reset_index(drop=True)

    def actors(
        self,
        actors: Iterable[str] | None = None,
        *,
        n: int | None = None,
        kind: str | None = None,
    ) -> pd.DataFrame:
        """Per group and actor, the columns of :meth:`~toolkit.corpus.Corpus.actor_table`
        (articles, mentions, quotes, quoted_articles, mention_share, voice_share, ...),
        shares of the group's mentions and quotations.

        ``actors``: only these (display names or keys), with a row for every group, zeros
        where the group does not mention them (``voice_share`` is missing where the group
        has no quotation). Otherwise every actor (of ``kind``), the ``n`` most mentioned of
        each group if ``n`` is given.

        >>> corpus.by(period="week").actors(["Ines Marlow", "Teo Vance"])  # doctest: +SKIP
        """
        table = actor_table(
            self.frame, self.corpus.actors, self.corpus.quotes, by=self.keys, kind=kind
        )
        if actors is None:
            if n is not None:
                table = table.groupby(self.keys, observed=True, sort=False).head(n)
            return _typed_keys(table, self.frame, self.keys).reset_index(drop=True)
        return self._complete(table, self._keys_of(actors))

    def _keys_of(self, actors: Iterable[str]) -> list[str]:
        """The identity keys of ``actors`` (display names or keys), in the order given."""
        names = display_names(self.corpus.actors)
        by_name = {name: key for key, name in names.items()}
        keys = []
        for actor in actors:
            key = actor if actor in names.index else by_name.get(actor)
            if key is None:
                raise KeyError(f"no actor {actor!r} in this corpus")
            keys.append(key)
        return list(dict.fromkeys(keys))

    def _complete(self, table: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
        """Rows of ``table`` for the actors with ``keys``, one for every group and actor."""
        import pandas as pd

        names = display_names(self.corpus.actors)
        kinds = self.corpus.actor_table().set_index("key")["kind"]
        actors = pd.DataFrame({"key": keys, "actor": [names[k] for k in keys]})
        grid = self.groups().merge(actors, how="cross")
        columns = [*self.keys, "actor", "key", "kind"]
        if grid.empty:  # no group at all (no dates, no outlets)
            return grid.reindex(columns=columns + [c for c in table if c not in columns])
        table = grid.merge(
            table.drop(columns=["actor", "kind"]), on=[*self.keys, "key"], how="left"
        )
        table.insert(len(self.keys) + 2, "kind", table["key"].map(kinds).astype(str))
        counts = [c for c in table.columns if c.endswith(("mentions", "articles")) or c == "quotes"]
        table[counts] = table[counts].fillna(0).astype("int64")
        table["mention_share"] = table["mention_share"].fillna(0.0)
        table["quoted_share"] = table["quoted_share"].where(table["articles"] > 0)
        quoted_groups = self.articles().set_index(self.keys)["quotes"]
        has_quotes = table.join(quoted_groups.rename("_q"), on=self.keys)["_q"] > 0
        table["voice_share"] = table["voice_share"].fillna(0.0).where(has_quotes.to_numpy())
        order = {key: i for i, key in enumerate(keys)}
        table = table.sort_values(
            [*self.keys, "key"], key=lambda c: c.map(order) if c.name == "key" else c
        )
        table = table[columns + [c for c in table.columns if c not in columns]]
        return _typed_keys(table, self.frame, self.keys).reset_index(drop=True)


def _typed_keys(table: pd.DataFrame, articles: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The group columns with the articles table's dtypes (categories stay categories)."""
    for key in keys:
        if key in articles and key != "period":
            table[key] = table[key].astype(articles[key].dtype)
    return table
