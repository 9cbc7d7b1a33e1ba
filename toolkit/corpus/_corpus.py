"""The :class:`Corpus` (an analysed corpus's tables, with helpers to read, select, summarise
and go back to the articles) and :func:`analyze_corpus`, which makes one in memory.

>>> corpus = analyze_corpus([], progress=False)
>>> len(corpus), corpus.errors["message"].tolist()
(0, ['(no paths): no article files found'])
"""

from __future__ import annotations

import itertools
import json
import random
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.article import Article, TableColumns, load_article, read_rows
from toolkit.corpus._actor_tables import actor_table as _actor_table
from toolkit.corpus._actor_tables import co_mention_table as _co_mention_table
from toolkit.corpus._display import corpus_html
from toolkit.corpus._diversity import diversity_table
from toolkit.corpus._folder import COLUMNS_KEY, SCOPE_KEY, read_tables
from toolkit.corpus._groups import CorpusGroups
from toolkit.corpus._near import THRESHOLD as NEAR_THRESHOLD
from toolkit.corpus._rows import actor_key
from toolkit.corpus._run import Columns, as_columns, iter_corpus
from toolkit.corpus._schema import TABLES, normalise, upgrade_actors, upgrade_articles
from toolkit.corpus._sink import TableSink, collect
from toolkit.corpus._write import run_metadata, write_tables
from toolkit.errors import ArticleError
from toolkit.quotes import check_scope

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.analysis import ArticleAnalysis

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
    columns: Columns = None,
    on_warning: Callable[[str], None] | None = None,
    near_duplicates: float | None = NEAR_THRESHOLD,
    scope: str = "speech",
) -> Corpus:
    """Analyse every article under ``paths`` into a :class:`Corpus` of tidy tables.

    ``paths``: article files, folders, globs, web pages and tables of articles (CSV, JSON
    lines, Parquet...: one article per row, its date, outlet, URL and authors kept;
    ``columns`` names the table's columns, e.g. ``{"text": "body", "date": "published"}``,
    others are recognised by their usual names).
    ``workers``: worker processes (``None``: one per CPU core; ``1``: in this process).
    ``engine="dask"`` runs on the Dask scheduler at ``scheduler``, or on a local cluster of
    ``workers`` processes when none is given (needs ``pip install 'toolkit[dask]'``).
    Repeated stories: an article whose cleaned text repeats an earlier one is an exact
    duplicate; one whose word 5-grams overlap an earlier article's by ``near_duplicates``
    (a Jaccard similarity, 0.4 by default, see :mod:`toolkit.corpus._near`; None: not
    looked for) is a near-duplicate, such as an agency story several outlets ran with small
    edits. ``dedupe=True`` drops both; otherwise they are kept, and ``articles.duplicate_of``
    names the first copy (for a near-duplicate, the most similar earlier original),
    ``duplicate_kind`` says ``exact`` or ``near`` and ``duplicate_similarity`` how similar.
    ``scope`` chooses the quotations, as :func:`toolkit.extract_quotes` does: what was said
    or written (``"speech"``, the default) or every attribution (``"all"``).
    Bad articles never stop the run: they are listed in ``Corpus.errors``.

    >>> corpus = analyze_corpus(["bbc/politics", "bbc/tech"], workers=2)  # doctest: +SKIP
    >>> len(corpus), len(corpus.errors)                                   # doctest: +SKIP
    (818, 0)
    """
    check_scope(scope)
    sinks = {name: TableSink(name) for name in TABLES}
    columns = as_columns(columns)
    options = dict(engine=engine, scheduler=scheduler, sample=sample, seed=seed)
    results = iter_corpus(
        paths,
        workers=workers,
        progress=progress,
        columns=columns,
        on_warning=on_warning,
        scope=scope,
        **options,
    )
    collect(results, sinks, dedupe=dedupe, near_duplicates=near_duplicates)
    frames = {name: sink.frame() for name, sink in sinks.items()}
    return Corpus(**frames, columns=columns, scope=scope)


@dataclass(frozen=True, eq=False)
class Corpus:
    """The tables of an analysed corpus (pandas DataFrames, rows in input order).

    - ``articles``: one row per article: id, path, topic (parent folder, or a table's
      topic/section/category column), title, encoding, content_hash, duplicate_of; row (the
      record's number in its table, from 1; missing for a file), date (timezone-aware, UTC),
      outlet, url, authors (``"; "``-separated); every text statistic; counts (n_actors,
      n_quotes, ...); then the article's other simple fields (a table's other columns) as
      text columns ``meta_<name>``.
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
    - ``errors``: path (a file, or ``"articles.csv:12"``: a table's line), message: the
      articles that could not be read or analysed.

    ``columns``: the table columns named when the corpus was made (to read its rows again);
    ``scope``: the quotations it holds (see :func:`toolkit.extract_quotes`).
    """

    articles: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    co_mentions: pd.DataFrame
    errors: pd.DataFrame
    columns: TableColumns | None = field(default=None, repr=False)
    scope: str = field(default="speech", repr=False)

    def __len__(self) -> int:
        return len(self.articles)

    # --- files ----------------------------------------------------------------------------

    def to_parquet(self, folder: str | Path) -> Path:
        """Write each table to ``folder/<table>.parquet`` (atomically); return the folder."""
        folder = Path(folder)
        with write_tables(folder, run_metadata(self.columns, self.scope)) as sinks:
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
        tables, metadata = read_tables(folder)
        tables["actors"] = upgrade_actors(tables["actors"])
        tables["articles"] = upgrade_articles(tables["articles"])
        given = json.loads(metadata.get(COLUMNS_KEY, "{}"))
        return cls(
            **{name: normalise(name, frame) for name, frame in tables.items()},
            columns=TableColumns(**given) if given else None,
            scope=metadata.get(SCOPE_KEY, "speech"),
        )

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
        (``workers``, ``engine``, ``scheduler``, ``progress``, ``scope``).

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
            columns=self.columns,
            scope=self.scope,
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

    def deduplicated(self, *, near: bool = True) -> Corpus:
        """Without the articles that repeat an earlier story: exact copies, and (``near``)
        near-duplicates (an agency story other outlets ran with small edits).

        >>> corpus.deduplicated(near=False)  # doctest: +SKIP
        """
        articles = self.articles
        repeated = articles["duplicate_of"].notna()
        if not near:
            repeated &= articles["duplicate_kind"].astype(str).eq("exact").to_numpy()
        return self.select(articles.loc[~repeated.to_numpy(), "id"])

    def duplicates(self) -> pd.DataFrame:
        """The repeated stories: per article that repeats an earlier one, its id, the earlier
        article (``duplicate_of``), ``duplicate_kind`` (exact, near), ``duplicate_similarity``
        and both titles, outlets and dates.

        >>> corpus.duplicates().query("duplicate_kind == 'near'")  # doctest: +SKIP
        """
        articles = self.articles
        shown = [c for c in ("id", "title", "outlet", "date") if c in articles]
        copies = articles.loc[articles["duplicate_of"].notna()]
        copies = copies[[*shown, "duplicate_of", "duplicate_kind", "duplicate_similarity"]]
        firsts = articles[shown].rename(columns={c: f"{c}_first" for c in shown})
        table = copies.merge(firsts, left_on="duplicate_of", right_on="id_first", how="left")
        return table.drop(columns=["id_first"]).reset_index(drop=True)

    # --- groups: outlets, periods ---------------------------------------------------------

    def by(
        self,
        *columns: str,
        outlet: bool | str | Iterable[str] = False,
        period: str | None = None,
    ) -> CorpusGroups:
        """The corpus in groups, for tidy tables per group: by outlet (``outlet=True``; or
        an outlet's name, or a list of them, to keep only those), by publication period
        (``period="day"``, ``"week"``, ``"month"``, ``"quarter"`` or ``"year"``), and by any
        articles ``columns`` (``"topic"``, ``"meta_section"``), combined.

        - ``.articles()``: per group, articles, words, actor mentions, quotations;
        - ``.actors(actors=None, n=None, kind=None)``: per group and actor, mentions, quotes,
          voice share and the other columns of :meth:`actor_table`; for chosen ``actors``
          with a row for every group (zeros where they are not mentioned).

        Count with or without repeated stories: ``corpus.deduplicated().by(...)``.

        >>> corpus.by(outlet=True, period="month").actors(["Teo Vance"])  # doctest: +SKIP
        """
        return CorpusGroups(self, columns, outlet=outlet, period=period)

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

        return analyze(self._load(article_id), scope=self.scope)

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
        for article_id, article in self._articles(ids):
            if limit is not None and total >= limit:
                break
            if isinstance(article, Exception):
                warnings.warn(f"kwic: {article}; left out", stacklevel=2)
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
        """The article, read again from its file (or its table's row), checked against the
        stored content hash: the tables' offsets are only valid for the text they were made
        from."""
        for _id, article in self._articles([article_id]):
            if isinstance(article, Exception):
                raise article
            return article
        raise KeyError(f"no article {article_id!r} in this corpus")

    def _articles(
        self, article_ids: Iterable[str]
    ) -> Iterator[tuple[str, Article | ArticleError | ArticleChangedError]]:
        """``(id, article)`` for each of ``article_ids`` found in the articles table, read again
        (or the error that says why it cannot be), in the order given; consecutive ids from
        one table are read in one pass over it (and come in the table's order)."""
        import pandas as pd

        wanted = pd.DataFrame({"id": pd.Series(list(article_ids), dtype="string")})
        columns = ["id", "path", "row", "content_hash"]
        found = wanted.merge(self.articles.reindex(columns=columns), on="id", how="inner")
        records = [
            (str(i), str(path), None if pd.isna(row) else int(row), expected)
            for i, path, row, expected in found.itertuples(index=False, name=None)
        ]
        # A run: one file, or consecutive rows of one table.
        runs = itertools.groupby(
            enumerate(records), key=lambda item: (item[1][1], item[0] if item[1][2] is None else -1)
        )
        for _, run in runs:
            run = [record for _, record in run]
            hashes = {article_id: expected for article_id, _, _, expected in run}
            for article_id, article in self._read_run(run):
                yield article_id, _checked(article, hashes[article_id])

    def _read_run(
        self, run: list[tuple[str, str, int | None, Any]]
    ) -> Iterator[tuple[str, Article | ArticleError]]:
        """The articles of a run of ``(id, path, row, content_hash)``: one file, or rows of
        one table (read in one pass over it)."""
        article_id, path, row, _ = run[0]
        if row is None:
            try:
                yield article_id, load_article(path, id=article_id)
            except ArticleError as exc:
                yield article_id, exc
            return
        by_row = {row: article_id for article_id, _, row, _ in run}
        try:
            for number, article in read_rows(path, by_row, columns=self.columns):
                if isinstance(article, Article):
                    article = replace(article, id=by_row[number])
                yield by_row.pop(number), article
        except ArticleError as exc:
            for article_id in by_row.values():
                yield article_id, exc
            return
        for number, article_id in by_row.items():  # rows the table no longer has
            yield article_id, ArticleError(path, f"row {number}: no such row any more")

    # --- display --------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """Headline figures: articles, duplicates (near_duplicates of them not exact copies),
        failures, words, actors, quotes, topics,
        outlets (name -> articles) and the first and last publication dates (ISO 8601 days,
        None without dates)."""
        articles = self.articles
        dates = articles["date"].dropna() if "date" in articles else articles["id"].iloc[:0]
        return {
            "articles": len(articles),
            "duplicates": int(articles["duplicate_of"].notna().sum()),
            "near_duplicates": int(articles["duplicate_kind"].astype(str).eq("near").sum())
            if "duplicate_kind" in articles
            else 0,
            "failures": len(self.errors),
            "words": int(articles["words"].sum()) if "words" in articles else 0,
            "distinct_actors": int(self.actors["key"].nunique()),
            "actor_mentions": int(self.actors["mentions"].sum()),
            "quotes": len(self.quotes),
            "topics": _counts(articles, "topic"),
            "outlets": _counts(articles, "outlet"),
            "first_date": dates.min().date().isoformat() if len(dates) else None,
            "last_date": dates.max().date().isoformat() if len(dates) else None,
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


def _counts(articles: pd.DataFrame, column: str) -> dict[str, int]:
    """Articles per value of ``column`` (in the column's order), without empty values."""
    if column not in articles or not len(articles):
        return {}
    counts = articles[column].value_counts(sort=False)
    return {str(k): int(v) for k, v in counts.items() if v}


def _checked(article: Article | Exception, expected: Any) -> Article | Exception:
    """``article``, or :class:`ArticleChangedError` when its text is not the one the tables
    were made from (its fingerprint differs from ``expected``, the stored content hash)."""
    import pandas as pd

    if isinstance(article, Exception) or pd.isna(expected) or article.fingerprint == expected:
        return article
    where = article.source_path or article.id
    if article.source_row is not None:
        where = f"{where}: row {article.source_row}"
    return ArticleChangedError(
        f"{where}: the file changed since the corpus was analysed (its text no longer "
        f"matches content_hash); analyse it again"
    )


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
