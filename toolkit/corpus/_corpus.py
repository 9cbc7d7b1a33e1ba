"""The :class:`Corpus` (an analysed corpus's tables, with helpers to read, select, summarise
and go back to the articles) and :func:`analyze_corpus`, which makes one in memory.

>>> corpus = analyze_corpus([], progress=False)
>>> len(corpus), corpus.errors["message"].tolist()
(0, ['(no paths): no article files found'])
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.article import load_article
from toolkit.corpus._actor_tables import actor_table as _actor_table
from toolkit.corpus._actor_tables import co_mention_table as _co_mention_table
from toolkit.corpus._display import corpus_html
from toolkit.corpus._diversity import diversity_table
from toolkit.corpus._folder import read_tables
from toolkit.corpus._rows import actor_key
from toolkit.corpus._run import iter_corpus
from toolkit.corpus._schema import TABLES, normalise, upgrade_actors
from toolkit.corpus._sink import TableSink, collect
from toolkit.corpus._write import write_tables
from toolkit.errors import ArticleError

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.analysis import ArticleAnalysis
    from toolkit.article import Article

__all__ = ["ArticleChangedError", "Corpus", "analyze_corpus"]


class ArticleChangedError(ValueError):
    """An article's file no longer holds the text the corpus tables were made from (its
    ``content_hash`` differs), so the offsets in the tables would point at the wrong text."""


def analyze_corpus(
    paths: str | Path | Iterable[str | Path],
    workers: int | None = None,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    sample: int | None = None,
    seed: int = 0,
    dedupe: bool = False,
    progress: bool = True,
) -> Corpus:
    """Analyse every article under ``paths`` into a :class:`Corpus` of tidy tables.

    ``workers``: worker processes (``None``: one per CPU core; ``1``: in this process).
    ``engine="dask"`` runs on the Dask scheduler at ``scheduler``, or on a local cluster of
    ``workers`` processes when none is given (needs ``pip install 'toolkit[dask]'``).
    ``dedupe=True`` drops articles whose cleaned text repeats an earlier one (otherwise they
    are kept and ``articles.duplicate_of`` names the first copy). Bad articles never stop the
    run: they are listed in ``Corpus.errors``.

    >>> corpus = analyze_corpus(["bbc/politics", "bbc/tech"], workers=2)  # doctest: +SKIP
    >>> len(corpus), len(corpus.errors)                                   # doctest: +SKIP
    (818, 0)
    """
    sinks = {name: TableSink(name) for name in TABLES}
    options = dict(engine=engine, scheduler=scheduler, sample=sample, seed=seed)
    results = iter_corpus(paths, workers=workers, progress=progress, **options)
    collect(results, sinks, dedupe=dedupe)
    return Corpus(**{name: sink.frame() for name, sink in sinks.items()})


@dataclass(frozen=True, eq=False)
class Corpus:
    """The tables of an analysed corpus (pandas DataFrames, rows in input order).

    - ``articles``: one row per article: id, path, topic (parent folder), title, encoding,
      content_hash, duplicate_of, every text statistic, and counts (n_actors, n_quotes, ...).
    - ``actors``: one row per actor per article: article_id, actor (its name in that
      article), key (its identity across articles, :attr:`toolkit.actors.Actor.key`), kind,
      gender (inferred: "female", "male" or missing) and role (:attr:`toolkit.actors.Actor.role`),
      mentions (every
      mention, as :func:`toolkit.quotes.voice_share_frame` counts them), the same by form
      (name_mentions, demonym_mentions, pronoun_mentions), quotes (attributed to the actor
      in that article), first_offset.
    - ``quotes``: one row per quotation: article_id, then every field of
      :class:`toolkit.quotes.Quote`: kind, speaker (an actor's name or missing), text, start,
      end, speaker_mention (the words naming the speaker), speaker_start, speaker_end, cue,
      cue_start, cue_end (offsets into the article's text), then the others (closed,
      paragraphs, rule, ...).
    - ``co_mentions``: article_id, actor_a, actor_b (in name order), count (sentences of the
      article that name both; see :func:`toolkit.actors.co_mentions`).
    - ``errors``: path, message: the articles that could not be read or analysed.
    """

    articles: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    co_mentions: pd.DataFrame
    errors: pd.DataFrame

    def __len__(self) -> int:
        return len(self.articles)

    # --- files ----------------------------------------------------------------------------

    def to_parquet(self, folder: str | Path) -> Path:
        """Write each table to ``folder/<table>.parquet`` (atomically); return the folder."""
        folder = Path(folder)
        with write_tables(folder) as sinks:
            for name, sink in sinks.items():
                sink.write(getattr(self, name))
        return folder

    @classmethod
    def read_parquet(cls, folder: str | Path) -> Corpus:
        """Read the tables written by :meth:`to_parquet`, :func:`write_corpus` or
        ``toolkit corpus --out FOLDER``.

        Raises :class:`~toolkit.corpus.MixedTablesError` when the tables are not all from one
        run (a run stopped between its final renames), rather than mixing two corpora.
        """
        folder = Path(folder)
        if not (folder / "articles.parquet").is_file():
            raise FileNotFoundError(
                f"{folder}: not a corpus folder (no articles.parquet); "
                f"write one with: toolkit corpus ARTICLES... --out {folder}"
            )
        tables = read_tables(folder)
        tables["actors"] = upgrade_actors(tables["actors"])
        return cls(**{name: normalise(name, frame) for name, frame in tables.items()})

    @classmethod
    def open(
        cls,
        source: str | Path | Iterable[str | Path],
        *,
        sample: int | None = None,
        seed: int = 0,
        dedupe: bool = False,
        **options: Any,
    ) -> Corpus:
        """A corpus folder written by :meth:`to_parquet` (or ``toolkit corpus --out``) is
        read; anything else (articles, folders of articles, globs) is analysed with
        :func:`analyze_corpus`, with ``sample``, ``seed``, ``dedupe`` and ``options``
        (``workers``, ``engine``, ``scheduler``, ``progress``).

        ``sample``, ``seed`` and ``dedupe`` apply to tables too: ``sample=N`` keeps a random
        choice of N articles (reproducible with ``seed``, in table order) and their rows,
        ``dedupe`` drops exact duplicates. The other options only say how to analyse, so
        they do nothing when tables are read.

        >>> corpus = Corpus.open("bbc-tables/", sample=200, seed=1)  # doctest: +SKIP
        """
        if isinstance(source, (str, Path)) and (Path(source) / "articles.parquet").is_file():
            corpus = cls.read_parquet(source)
            if dedupe:
                corpus = corpus.deduplicated()
            return corpus.sample(sample, seed=seed) if sample is not None else corpus
        return analyze_corpus(source, sample=sample, seed=seed, dedupe=dedupe, **options)

    # --- selections -----------------------------------------------------------------------

    def select(self, article_ids: Iterable[str]) -> Corpus:
        """The corpus restricted to the given articles (their rows in every table)."""
        keep = set(article_ids)

        def rows_of(table: pd.DataFrame, column: str = "article_id") -> pd.DataFrame:
            return table[table[column].isin(keep)].reset_index(drop=True)

        return Corpus(
            articles=rows_of(self.articles, "id"),
            actors=rows_of(self.actors),
            quotes=rows_of(self.quotes),
            co_mentions=rows_of(self.co_mentions),
            errors=self.errors,
        )

    def sample(self, n: int, *, seed: int = 0) -> Corpus:
        """A random choice of ``n`` articles (all of them if there are fewer), reproducible
        with ``seed``, in table order, with their rows in every table (``errors`` is kept
        whole: its files have no article row to sample).

        >>> corpus.sample(100, seed=3)  # doctest: +SKIP
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"sample must be a positive number of articles, got {n!r}")
        ids = list(self.articles["id"])
        if n >= len(ids):
            return self
        keep = sorted(random.Random(seed).sample(range(len(ids)), n))
        return self.select(ids[i] for i in keep)

    def deduplicated(self) -> Corpus:
        """Without the articles whose cleaned text repeats an earlier article's."""
        return self.select(self.articles.loc[self.articles["duplicate_of"].isna(), "id"])

    # --- actors ---------------------------------------------------------------------------

    def actor_table(self, *, by: str | None = None, kind: str | None = None) -> pd.DataFrame:
        """Per actor (and per value of the articles column ``by``, e.g. ``"topic"``):

        - ``actor``: its display name, the name it has in most articles; ``key``: its identity
          across articles (:attr:`toolkit.actors.Actor.key`: "Britain", "UK" and "United
          Kingdom" are one actor, ``place:united kingdom``);
        - ``kind``: the actor's most frequent kind;
        - ``articles``: articles mentioning it;
        - ``mentions``: every mention of it in them (names, demonyms such as "French", and
          pronouns the actor finder linked to it), then the same by form: ``name_mentions``,
          ``demonym_mentions``, ``pronoun_mentions``;
        - ``quotes``: quotations attributed to it; ``quoted_articles``: articles where it is
          quoted; ``quoted_share``: ``quoted_articles / articles``;
        - ``mention_share``, ``voice_share``: its share of all actor mentions and of all
          quotations (attributed or not) in the corpus (or in its ``by`` group).

        ``mentions``, ``mention_share`` and ``voice_share`` are those of
        :func:`toolkit.quotes.voice_share_frame`, summed over the corpus instead of one article.

        Rows are sorted by mentions, then articles, then name (within each ``by`` group).

        >>> corpus.actor_table(kind="person").head(3)  # doctest: +SKIP
        """
        return _actor_table(self.articles, self.actors, self.quotes, by=by, kind=kind)

    def top_actors(
        self, n: int = 20, *, by: str | None = None, kind: str | None = None
    ) -> pd.DataFrame:
        """The ``n`` most mentioned actors (per value of ``by`` when given); see
        :meth:`actor_table` for the columns."""
        table = self.actor_table(by=by, kind=kind)
        if by is None:
            return table.head(n).reset_index(drop=True)
        return table.groupby(by, observed=True, sort=True).head(n).reset_index(drop=True)

    def voice_share(self, n: int = 20, *, kind: str | None = "person") -> pd.DataFrame:
        """Who is quoted versus only mentioned: for the ``n`` most mentioned actors (people by
        default), the articles where they are quoted (``quoted_articles``) and those where they
        are only mentioned (``only_mentioned_articles``), their quotations and mentions, and
        their ``voice_share`` of all quotations in the corpus.
        """
        table = self.top_actors(n, kind=kind)
        table["only_mentioned_articles"] = table["articles"] - table["quoted_articles"]
        columns = ["actor", "kind", "articles", "quoted_articles", "only_mentioned_articles"]
        return table[[*columns, "quoted_share", "quotes", "mentions", "voice_share"]]

    def co_mention_table(self, actors: Iterable[str] | None = None) -> pd.DataFrame:
        """Pairs of actors named in the same sentence: actor_a, actor_b (display names, as in
        :meth:`actor_table`, in name order), articles (in how many articles they meet), count
        (in how many sentences). Pairs are counted by actor key, so "Britain" and "United
        Kingdom" are one actor. Only pairs of ``actors`` (display names or keys) if given.
        Most frequent first."""
        return _co_mention_table(self.co_mentions, self.actors, actors)

    def diversity(self, by: str | Iterable[str] = ()) -> pd.DataFrame:
        """Source diversity: people mentioned and quoted, their quotations and words quoted,
        by inferred gender and by role, with shares of the known, for the whole corpus or per
        value of ``by`` (articles columns such as ``"outlet"`` or ``"id"``; ``"week"``,
        ``"month"``, ``"year"`` of the ``date`` column: the period's first day).

        One row per group of articles, ``dimension`` (``gender``, ``role``) and ``group``
        (``female``, ``male``, ``unknown``; each role, zeros included): the ``by`` columns,
        ``articles``, ``people_mentioned``, ``people_quoted`` (a person counts once per
        article, by actor key), ``quotes``, ``words_quoted``, and the shares of the people
        with a known value: ``mentioned_share``, ``quoted_share`` (for women: women quoted /
        people quoted with a known inferred gender), ``quotes_share``, ``words_share``.

        >>> table = corpus.diversity(by=("outlet", "month"))  # doctest: +SKIP
        >>> table.query("dimension == 'gender' and group == 'female'")  # doctest: +SKIP
        """
        return diversity_table(self.articles, self.actors, self.quotes, by=by)

    # --- back to the articles -------------------------------------------------------------

    def analysis(self, article_id: str) -> ArticleAnalysis:
        """Load and analyse one article of the corpus again (for its rich display in Jupyter,
        its report, or offsets the tables do not keep).

        Raises :class:`ArticleChangedError` when the file no longer holds the text the tables
        were made from (its ``content_hash`` differs), ``KeyError`` for an unknown id and
        :class:`toolkit.errors.ArticleError` when the file cannot be read any more.
        """
        from toolkit.analysis import analyze

        return analyze(self._load(article_id))

    def kwic(
        self,
        actor: str,
        *,
        window: int = 5,
        limit: int | None = 50,
        forms: Iterable[str] = ("name",),
    ) -> pd.DataFrame:
        """Keywords in context for an actor (a display name or a key, as in :meth:`actor_table`)
        across the corpus: each of its mentions (by name;
        add ``"demonym"`` or ``"pronoun"`` to ``forms`` for more) with ``window`` words either
        side, in the articles that mention it, in corpus order; at most ``limit`` lines
        (``None``: all). Columns: article_id, then those of :func:`toolkit.text.stats.kwic` (left,
        keyword, right, start, end).

        Only the actor's own mentions are shown: "Blair" in "Cherie Blair" is not a mention of
        Tony Blair. The articles are read and their actors found again, one at a time; an
        article whose file changed since the corpus was made (or cannot be read any more) is
        left out with a warning.

        >>> corpus.kwic("Tony Blair", limit=3)  # doctest: +SKIP
        """
        import pandas as pd

        forms = set(forms)
        table = self.actors
        keys = set(table.loc[(table["actor"] == actor) | (table["key"] == actor), "key"])
        ids = table.loc[table["key"].isin(keys), "article_id"].drop_duplicates()
        frames = []
        total = 0
        for article_id in ids:
            if limit is not None and total >= limit:
                break
            try:
                article = self._load(article_id)
            except (ArticleChangedError, ArticleError) as exc:
                warnings.warn(f"kwic: {exc}; left out", stacklevel=2)
                continue
            lines = _kwic_lines(article, keys, forms, window)
            if lines is not None:
                frames.append(lines.assign(article_id=article_id))
                total += len(lines)
        columns = ["article_id", "left", "keyword", "right", "start", "end"]
        if not frames:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        table = pd.concat(frames, ignore_index=True)[columns]
        return table.head(limit) if limit is not None else table

    def _load(self, article_id: str) -> Article:
        """The article, read again from its file, checked against the stored content hash:
        the tables' offsets are only valid for the text they were made from."""
        import pandas as pd

        match = self.articles.loc[self.articles["id"] == article_id, ["path", "content_hash"]]
        if match.empty:
            raise KeyError(f"no article {article_id!r} in this corpus")
        path, expected = match.iloc[0]
        article = load_article(str(path), id=article_id)
        if not pd.isna(expected) and article.fingerprint != expected:
            raise ArticleChangedError(
                f"{path}: the file changed since the corpus was analysed (its text no longer "
                f"matches content_hash); analyse it again"
            )
        return article

    # --- display --------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Headline figures: articles, duplicates, failures, words, actors, quotes, topics."""
        import pandas as pd

        articles = self.articles
        topics = articles["topic"].value_counts(sort=False) if len(articles) else pd.Series()
        return {
            "articles": len(articles),
            "duplicates": int(articles["duplicate_of"].notna().sum()),
            "failures": len(self.errors),
            "words": int(articles["words"].sum()) if "words" in articles else 0,
            "distinct_actors": int(self.actors["key"].nunique()),
            "actor_mentions": int(self.actors["mentions"].sum()),
            "quotes": len(self.quotes),
            "topics": {str(k): int(v) for k, v in topics.items() if v},
        }

    def __repr__(self) -> str:
        s = self.summary()
        return (
            f"Corpus(articles={s['articles']}, duplicates={s['duplicates']}, "
            f"failures={s['failures']}, words={s['words']}, actors={s['distinct_actors']}, "
            f"quotes={s['quotes']})"
        )

    def _repr_html_(self) -> str:
        return corpus_html(self.summary(), self.actor_table(), self.errors)


def _kwic_lines(
    article: Article, keys: set[str], forms: set[str], window: int
) -> pd.DataFrame | None:
    """The keyword-in-context lines of the own mentions (of those ``forms``) of the actor with
    one of ``keys`` in the article, in text order; None when it has no such mention there."""
    import pandas as pd

    from toolkit.actors import find_actors
    from toolkit.text.stats import kwic

    found = next((a for a in find_actors(article) if actor_key(a) in keys), None)
    mentions = [m for m in found.mentions if m.form in forms] if found else []
    if not mentions:
        return None
    spans = {(m.start, m.end) for m in mentions}
    lines = pd.concat(
        [kwic(article, term, window=window) for term in sorted({m.text for m in mentions})],
        ignore_index=True,
    )
    own = [(s, e) in spans for s, e in zip(lines["start"], lines["end"], strict=True)]
    return lines[own].drop_duplicates(["start", "end"]).sort_values("start")
