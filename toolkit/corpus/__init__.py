"""A whole corpus as tidy pandas tables: one row per article, actor, quotation, co-mention.

:func:`analyze_corpus` loads and analyses every article (see :func:`toolkit.analyze`) on a
pool of worker processes or a Dask cluster, and collects small rows, never article texts:

>>> corpus = analyze_corpus("bbc/", workers=2)              # doctest: +SKIP
>>> corpus.articles[["id", "topic", "words", "flesch_reading_ease"]].head(2)  # doctest: +SKIP
>>> corpus.top_actors(5)                                     # doctest: +SKIP
>>> corpus.to_parquet("bbc-tables/")                         # doctest: +SKIP

Each worker reads and analyses one article at a time and sends back only its rows; the parent
appends them in input order, so the tables are the same whatever the number of workers or the
engine. :func:`write_corpus` streams the rows straight to Parquet files instead of memory (the
``toolkit corpus`` command). Articles that cannot be read or analysed are listed in
``Corpus.errors`` (path, one-line message); the rest of the run goes on.
"""

from __future__ import annotations

import contextlib
import html
import os
import random
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit._io import TEMP_PREFIX, TEMP_SUFFIX
from toolkit.article import Article, assign_ids, expand_paths, load_article
from toolkit.corpus import engines
from toolkit.errors import ArticleError

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.analysis import ArticleAnalysis

__all__ = [
    "TABLES",
    "ArticleChangedError",
    "ArticleResult",
    "Corpus",
    "WriteSummary",
    "analysis_rows",
    "analyze_corpus",
    "iter_corpus",
    "write_corpus",
]

#: The tables of a corpus, in the order they are written.
TABLES = ("articles", "actors", "quotes", "co_mentions", "errors")

ACTOR_KINDS = ("person", "organization", "place")
QUOTE_KINDS = ("direct", "indirect")
_TEXT = "string"

# Column -> dtype for each table. The articles table also has one column per field of
# toolkit.text.stats.TextStats, between the identity columns and the counts (see _schema).
_ARTICLE_HEAD = {
    "id": _TEXT,
    "path": _TEXT,
    "topic": "category",
    "title": _TEXT,
    "encoding": _TEXT,
    "content_hash": _TEXT,
    "duplicate_of": _TEXT,
}
_ARTICLE_COUNTS = {
    "n_actors": "int64",
    "n_people": "int64",
    "n_organizations": "int64",
    "n_places": "int64",
    "n_quotes": "int64",
    "n_direct_quotes": "int64",
    "n_indirect_quotes": "int64",
    "n_attributed_quotes": "int64",
}
_SCHEMAS: dict[str, dict[str, str]] = {
    "actors": {
        "article_id": _TEXT,
        "actor": _TEXT,
        "kind": "category",
        "mentions": "int64",
        "name_mentions": "int64",
        "demonym_mentions": "int64",
        "pronoun_mentions": "int64",
        "quotes": "int64",
        "first_offset": "int64",
    },
    "quotes": {
        "article_id": _TEXT,
        "kind": "category",
        "speaker": _TEXT,
        "text": _TEXT,
        "start": "int64",
        "end": "int64",
        "speaker_mention": _TEXT,
        "speaker_start": "Int64",
        "speaker_end": "Int64",
        "cue": _TEXT,
        "cue_start": "Int64",
        "cue_end": "Int64",
    },
    "co_mentions": {"article_id": _TEXT, "actor_a": _TEXT, "actor_b": _TEXT, "count": "int64"},
    "errors": {"path": _TEXT, "message": _TEXT},
}
# Categories that do not depend on the data, so that every corpus has the same ones.
_FIXED_CATEGORIES = {("actors", "kind"): ACTOR_KINDS, ("quotes", "kind"): QUOTE_KINDS}

#: Rows are turned into a DataFrame (or a Parquet row group) every this many articles.
_FLUSH_EVERY = 256


class ArticleChangedError(ValueError):
    """An article's file no longer holds the text the corpus tables were made from (its
    ``content_hash`` differs), so the offsets in the tables would point at the wrong text."""


# --- one article -> rows ------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleResult:
    """What one article contributes to the corpus tables, or why it could not.

    ``article`` is the article's row (``None`` when it failed, with ``error`` set to a one-line
    message naming the file); ``actors``, ``quotes`` and ``co_mentions`` are its rows in those
    tables. Rows are plain dicts: small to send between processes.
    """

    path: str
    article: dict[str, Any] | None = None
    actors: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    co_mentions: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def analysis_rows(analysis: ArticleAnalysis, *, topic: str | None = None) -> ArticleResult:
    """The corpus rows of one analysed article.

    >>> rows = analysis_rows(toolkit.analyze(article), topic="politics")  # doctest: +SKIP
    >>> rows.article["n_quotes"], rows.quotes[0]["speaker"]               # doctest: +SKIP
    """
    article = analysis.article
    path = str(article.source_path) if article.source_path else None
    quotes_by_speaker: dict[str, int] = {}
    for quote in analysis.quotes:
        if quote.speaker:
            quotes_by_speaker[quote.speaker] = quotes_by_speaker.get(quote.speaker, 0) + 1

    actors = []
    for actor in analysis.actors:
        forms = [m.form for m in actor.mentions]
        actors.append(
            {
                "article_id": article.id,
                "actor": actor.name,
                "kind": actor.kind,
                # Every mention, as toolkit.quotes.voice_share_frame counts them, then by form.
                "mentions": len(forms),
                "name_mentions": forms.count("name"),
                "demonym_mentions": forms.count("demonym"),
                "pronoun_mentions": forms.count("pronoun"),
                "quotes": quotes_by_speaker.get(actor.name, 0),
                "first_offset": min((m.start for m in actor.mentions), default=-1),
            }
        )
    quotes = [
        {
            "article_id": article.id,
            "kind": q.kind,
            "speaker": q.speaker,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "speaker_mention": q.speaker_mention,
            "speaker_start": q.speaker_start,
            "speaker_end": q.speaker_end,
            "cue": q.cue,
            "cue_start": q.cue_start,
            "cue_end": q.cue_end,
        }
        for q in analysis.quotes
    ]
    co_rows = [
        {"article_id": article.id, "actor_a": a, "actor_b": b, "count": n}
        for (a, b), n in sorted(_co_mentions_by_name(article, analysis.actors).items())
    ]
    kinds = [a.kind for a in analysis.actors]
    quote_kinds = [q.kind for q in analysis.quotes]
    row = {
        "id": article.id,
        "path": path,
        "topic": topic,
        "title": article.title,
        "encoding": article.encoding,
        "content_hash": article.fingerprint,
        "duplicate_of": None,
        **analysis.stats.to_dict(),
        "n_actors": len(kinds),
        "n_people": kinds.count("person"),
        "n_organizations": kinds.count("organization"),
        "n_places": kinds.count("place"),
        "n_quotes": len(quote_kinds),
        "n_direct_quotes": quote_kinds.count("direct"),
        "n_indirect_quotes": quote_kinds.count("indirect"),
        "n_attributed_quotes": sum(1 for q in analysis.quotes if q.speaker),
    }
    return ArticleResult(
        path=path or article.id, article=row, actors=actors, quotes=quotes, co_mentions=co_rows
    )


def _co_mentions_by_name(article: Article, actors: Any) -> dict[tuple[str, str], int]:
    """:func:`toolkit.actors.co_mention_counts` (names in one sentence) keyed by the two
    actors' names in name order, as the ``co_mentions`` table stores them."""
    from toolkit.actors import co_mention_counts

    actors = list(actors)
    by_name: dict[tuple[str, str], int] = {}
    for (i, j), n in co_mention_counts(article, actors).items():
        a, b = sorted((actors[i].name, actors[j].name))
        by_name[(a, b)] = by_name.get((a, b), 0) + n
    return by_name


def _analyze_task(task: tuple[str, str, str]) -> ArticleResult:
    """Worker side: load and analyse one article; never raises."""
    from toolkit.analysis import analyze

    path, article_id, topic = task
    try:
        analysis = analyze(load_article(path, id=article_id))
        return analysis_rows(analysis, topic=topic)
    except ArticleError as exc:
        return ArticleResult(path=path, error=str(exc))
    except Exception as exc:
        detail = " ".join(str(exc).split())[:300]
        return ArticleResult(
            path=path, error=f"{path}: analysis failed ({type(exc).__name__}: {detail})"
        )


# --- many articles --------------------------------------------------------------------------


def _tasks(
    paths: str | Path | Iterable[str | Path],
    sample: int | None,
    seed: int,
    exclude: str | Path | None = None,
):
    if isinstance(paths, (str, Path)):
        paths = [paths]
    given = list(paths)
    files = expand_paths(given)
    if exclude is not None:
        # The output folder and everything in it are never input (compared resolved).
        root = Path(exclude).resolve()
        files = [f for f in files if not f.resolve().is_relative_to(root)]
    # Ids come from the whole list, so an article has the same id in a sample as in the corpus.
    ids = assign_ids(files)
    if sample is not None:
        if sample < 0:
            raise ValueError(f"sample must be a positive number of articles, got {sample}")
        if sample < len(files):
            # A random choice (reproducible with ``seed``) in the input order.
            keep = sorted(random.Random(seed).sample(range(len(files)), sample))
            files = [files[i] for i in keep]
    tasks = [(str(p), ids[p], _topic(p)) for p in files]
    nothing = [] if files else [" ".join(str(p) for p in given) or "(no paths)"]
    return tasks, nothing


def _topic(path: Path) -> str | None:
    """The article's folder name (``bbc/sport/001.txt`` -> ``sport``)."""
    return path.parent.name or path.resolve().parent.name or None


def iter_corpus(
    paths: str | Path | Iterable[str | Path],
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    sample: int | None = None,
    seed: int = 0,
    progress: bool = True,
    exclude: str | Path | None = None,
) -> Iterator[ArticleResult]:
    """Analyse articles and yield an :class:`ArticleResult` for each, in input order.

    ``paths`` are files, folders (searched recursively) and globs, as for the CLI. Results
    arrive as the workers finish them and are put back in order with a small buffer.
    ``sample=N`` analyses a random choice of N files (``seed`` makes it reproducible), kept
    in input order. Files in the folder ``exclude`` (an output folder) are left out.

    >>> for result in iter_corpus("bbc/", workers=2, progress=False):   # doctest: +SKIP
    ...     print(result.path, result.error or result.article["words"])
    """
    tasks, nothing = _tasks(paths, sample, seed, exclude)
    for given in nothing:
        yield ArticleResult(path=given, error=f"{given}: no article files found")
    if not tasks:
        return
    if engine == "local":
        # Load the models once here: forked workers share them instead of each loading its own.
        _warm_up()
    bar = _progress_bar(len(tasks), progress)
    waiting: dict[int, ArticleResult] = {}
    next_index = 0
    try:
        results = engines.run(
            _analyze_task, tasks, engine=engine, workers=workers, scheduler=scheduler
        )
        for index, result in results:
            if isinstance(result, engines.TaskFailure):
                path = tasks[index][0]
                result = ArticleResult(path=path, error=f"{path}: {result.message}")
            waiting[index] = result
            bar.update(1)
            while next_index in waiting:
                yield waiting.pop(next_index)
                next_index += 1
    finally:
        bar.close()


def _warm_up() -> None:
    """Analyse a line of text, so that lazily loaded models and word lists are in memory."""
    from toolkit.analysis import analyze

    with contextlib.suppress(Exception):  # a real article will report the problem
        analyze('Talks resumed in London on Monday. "We are ready," Mr Smith said.')


def _progress_bar(total: int, enabled: bool):
    import sys

    # Where stderr is no terminal (a notebook without ipywidgets, papermill, a log file) each
    # refresh stays as a line of its own: refresh at most every tenth of the work and 10 s.
    quiet = (
        {}
        if sys.stderr.isatty()
        else {"miniters": max(1, total // 10), "mininterval": 10, "maxinterval": float("inf")}
    )
    with warnings.catch_warnings():
        # Without ipywidgets, tqdm.auto falls back to a text bar (with a warning we don't need).
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

        return tqdm(total=total, unit="article", desc="analysing", disable=not enabled, **quiet)


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
    sinks = {name: _TableSink(name) for name in TABLES}
    _collect(
        iter_corpus(
            paths,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            sample=sample,
            seed=seed,
            progress=progress,
        ),
        sinks,
        dedupe=dedupe,
    )
    return Corpus(**{name: sink.frame() for name, sink in sinks.items()})


@dataclass(frozen=True)
class WriteSummary:
    """What :func:`write_corpus` wrote."""

    folder: Path
    articles: int
    duplicates: int
    errors: list[tuple[str, str]]
    rows: dict[str, int]


def write_corpus(
    paths: str | Path | Iterable[str | Path],
    folder: str | Path,
    workers: int | None = None,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    sample: int | None = None,
    seed: int = 0,
    dedupe: bool = False,
    progress: bool = True,
) -> WriteSummary:
    """Like :func:`analyze_corpus`, but stream the tables to Parquet files in ``folder``
    (``articles.parquet``, ``actors.parquet``, ...) as the rows arrive, so memory stays flat
    however large the corpus. Read them back with :meth:`Corpus.read_parquet`.

    Each file is written under a temporary name and renamed when complete. Files under
    ``folder`` are never taken as articles, even when it lies inside ``paths``.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sinks = {name: _TableSink(name, folder / f"{name}.parquet") for name in TABLES}
    try:
        articles, duplicates = _collect(
            iter_corpus(
                paths,
                workers=workers,
                engine=engine,
                scheduler=scheduler,
                sample=sample,
                seed=seed,
                progress=progress,
                exclude=folder,
            ),
            sinks,
            dedupe=dedupe,
        )
        for sink in sinks.values():
            sink.close()
    finally:
        for sink in sinks.values():
            sink.abort()
    return WriteSummary(
        folder=folder,
        articles=articles,
        duplicates=duplicates,
        errors=list(sinks["errors"].errors),
        rows={name: sink.rows for name, sink in sinks.items()},
    )


def _collect(
    results: Iterator[ArticleResult], sinks: dict[str, _TableSink], *, dedupe: bool
) -> tuple[int, int]:
    """Append each result's rows to the sinks; return (articles kept, duplicates seen)."""
    first_with_hash: dict[str, str] = {}
    articles = duplicates = 0
    for result in results:
        if result.error is not None:
            sinks["errors"].add([{"path": result.path, "message": result.error}])
            continue
        row = result.article
        first = first_with_hash.setdefault(row["content_hash"], row["id"])
        if first != row["id"]:
            duplicates += 1
            if dedupe:
                continue
            row = {**row, "duplicate_of": first}
        articles += 1
        sinks["articles"].add([row])
        sinks["actors"].add(result.actors)
        sinks["quotes"].add(result.quotes)
        sinks["co_mentions"].add(result.co_mentions)
        if articles % _FLUSH_EVERY == 0:
            for sink in sinks.values():
                sink.flush()
    for sink in sinks.values():
        sink.flush()
    return articles, duplicates


# --- tables ---------------------------------------------------------------------------------


def _schema(name: str, frame: pd.DataFrame | None = None) -> dict[str, str]:
    if name != "articles":
        return _SCHEMAS[name]
    stats = _stats_dtypes()
    if frame is not None:  # statistics the toolkit did not declare (older or newer tables)
        known = set(_ARTICLE_HEAD) | set(_ARTICLE_COUNTS) | set(stats)
        for column in frame.columns:
            if column not in known:
                kind = frame[column].dtype.kind
                stats[column] = "int64" if kind in "iub" else "float64" if kind == "f" else _TEXT
    return {**_ARTICLE_HEAD, **stats, **_ARTICLE_COUNTS}


def _stats_dtypes() -> dict[str, str]:
    """One column per :class:`toolkit.text.stats.TextStats` field, typed by its annotation."""
    import dataclasses

    from toolkit.text.stats import TextStats

    return {
        f.name: "float64" if "float" in str(f.type) else "int64" if "int" in str(f.type) else _TEXT
        for f in dataclasses.fields(TextStats)
    }


def _upgrade_actors(frame: pd.DataFrame) -> pd.DataFrame:
    """An actors table written before ``mentions`` counted every form (then it counted names
    only, and there was no ``name_mentions``), in today's columns."""
    if "mentions" not in frame or "name_mentions" in frame:
        return frame
    total = frame["mentions"]
    for column in ("demonym_mentions", "pronoun_mentions"):
        if column in frame:
            total = total + frame[column]
    return frame.assign(name_mentions=frame["mentions"], mentions=total)


def _normalise(
    name: str, frame: pd.DataFrame, schema: dict[str, str] | None = None
) -> pd.DataFrame:
    """Columns in schema order with the schema's dtypes; a fresh RangeIndex."""
    import pandas as pd

    schema = schema or _schema(name, frame)
    frame = frame.reset_index(drop=True)
    columns = {}
    for column, dtype in schema.items():
        values = frame[column] if column in frame else pd.Series([None] * len(frame), dtype=object)
        if dtype == "category":
            fixed = _FIXED_CATEGORIES.get((name, column), ())
            values = values.astype(_TEXT)
            extra = sorted(set(values.dropna().unique()) - set(fixed))
            values = pd.Categorical(values, categories=[*fixed, *extra])
        elif dtype in ("int64", "float64") and values.isna().any():
            values = values.astype("float64")  # a missing statistic stays missing
        else:
            values = values.astype(dtype)
        columns[column] = pd.Series(values, index=frame.index)
    return pd.DataFrame(columns, index=pd.RangeIndex(len(frame)))


class _TableSink:
    """Rows of one table, appended in order; kept as DataFrame parts, or written as Parquet
    row groups to ``path`` (under a temporary name until :meth:`close`)."""

    def __init__(self, name: str, path: Path | None = None) -> None:
        self.name = name
        self.path = path
        self.pending: list[dict[str, Any]] = []
        self.parts: list[pd.DataFrame] = []
        self.rows = 0
        self.errors: list[tuple[str, str]] = []
        self.schema: dict[str, str] | None = None
        self._writer = None
        self._tmp: Path | None = None

    def add(self, rows: list[dict[str, Any]]) -> None:
        self.pending.extend(rows)
        self.rows += len(rows)
        if self.name == "errors":
            self.errors.extend((r["path"], r["message"]) for r in rows)

    def flush(self) -> None:
        import pandas as pd

        if not self.pending:
            return
        frame = pd.DataFrame(self.pending)
        self.pending = []
        if self.schema is None:
            self.schema = _schema(self.name, frame)
        frame = _normalise(self.name, frame, self.schema)
        if self.path is None:
            self.parts.append(frame)
        else:
            self._write(frame)

    def frame(self) -> pd.DataFrame:
        import pandas as pd

        self.flush()
        if not self.parts:
            return _normalise(self.name, pd.DataFrame(), self.schema)
        return _normalise(self.name, pd.concat(self.parts, ignore_index=True), self.schema)

    def _write(self, frame: pd.DataFrame) -> None:
        import pandas as pd
        import pyarrow as pa
        import pyarrow.parquet as pq

        # Categories differ from one row group to the next: store them as plain strings
        # (read_parquet makes them categorical again).
        for column in frame.columns:
            if isinstance(frame[column].dtype, pd.CategoricalDtype):
                frame[column] = frame[column].astype(_TEXT)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        if self._writer is None:
            # Named like every temporary file of the toolkit (toolkit._io), beside the target.
            unique = f"{os.getpid()}-{os.urandom(4).hex()}"
            self._tmp = self.path.with_name(f"{TEMP_PREFIX}{self.path.name}.{unique}{TEMP_SUFFIX}")
            self._writer = pq.ParquetWriter(self._tmp, table.schema)
        else:
            table = table.cast(self._writer.schema)
        self._writer.write_table(table)

    def close(self) -> None:
        import pandas as pd

        self.flush()
        if self.path is None:
            return
        if self._writer is None:  # no rows: write the empty table
            self._write(_normalise(self.name, pd.DataFrame(), self.schema))
        self._writer.close()
        self._writer = None
        with open(self._tmp, "rb+") as handle:  # on disk before it replaces the old table
            os.fsync(handle.fileno())
        os.replace(self._tmp, self.path)
        self._tmp = None

    def abort(self) -> None:
        """Drop a half-written file (after an interruption); a no-op after :meth:`close`."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)
            self._tmp = None


# --- the corpus -----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Corpus:
    """The tables of an analysed corpus (pandas DataFrames, rows in input order).

    - ``articles``: one row per article: id, path, topic (parent folder), title, encoding,
      content_hash, duplicate_of, every text statistic, and counts (n_actors, n_quotes, ...).
    - ``actors``: one row per actor per article: article_id, actor, kind, mentions (every
      mention, as :func:`toolkit.quotes.voice_share_frame` counts them), the same by form
      (name_mentions, demonym_mentions, pronoun_mentions), quotes (attributed to the actor
      in that article), first_offset.
    - ``quotes``: one row per quotation: article_id, kind, speaker (an actor's name or
      missing), text, start, end, speaker_mention (the words naming the speaker),
      speaker_start, speaker_end, cue, cue_start, cue_end (offsets into the article's text).
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
        folder.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            sink = _TableSink(name, folder / f"{name}.parquet")
            try:
                frame = getattr(self, name)
                sink.schema = _schema(name, frame)
                sink._write(_normalise(name, frame, sink.schema))
                sink.close()
            finally:
                sink.abort()
        return folder

    @classmethod
    def read_parquet(cls, folder: str | Path) -> Corpus:
        """Read the tables written by :meth:`to_parquet`, :func:`write_corpus` or
        ``toolkit corpus --out FOLDER``."""
        import pandas as pd

        folder = Path(folder)
        if not (folder / "articles.parquet").is_file():
            raise FileNotFoundError(
                f"{folder}: not a corpus folder (no articles.parquet); "
                f"write one with: toolkit corpus ARTICLES... --out {folder}"
            )
        tables = {}
        for name in TABLES:
            path = folder / f"{name}.parquet"
            frame = pd.read_parquet(path) if path.is_file() else pd.DataFrame()
            if name == "actors":
                frame = _upgrade_actors(frame)
            tables[name] = _normalise(name, frame)
        return cls(**tables)

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
        return Corpus(
            articles=self.articles[self.articles["id"].isin(keep)].reset_index(drop=True),
            actors=self.actors[self.actors["article_id"].isin(keep)].reset_index(drop=True),
            quotes=self.quotes[self.quotes["article_id"].isin(keep)].reset_index(drop=True),
            co_mentions=self.co_mentions[self.co_mentions["article_id"].isin(keep)].reset_index(
                drop=True
            ),
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
        import pandas as pd

        actors = self.actors
        quotes = self.quotes
        keys = ["actor"]
        if by is not None:
            if by not in self.articles:
                raise KeyError(f"no articles column {by!r} to group by")
            lookup = self.articles.set_index("id")[by]
            actors = actors.assign(**{by: actors["article_id"].map(lookup).to_numpy()})
            quotes = quotes.assign(**{by: quotes["article_id"].map(lookup).to_numpy()})
            keys = [by, "actor"]
        all_mentions = actors.groupby(keys[:-1], observed=True)["mentions"].sum() if by else None
        all_quotes = quotes.groupby(by, observed=True).size() if by else None
        total_mentions = int(actors["mentions"].sum())
        total_quotes = len(quotes)
        if kind is not None:
            actors = actors[actors["kind"] == kind]
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
        kinds = (
            actors.assign(kind=actors["kind"].astype(_TEXT))
            .groupby([*keys, "kind"], observed=True, sort=False)
            .size()
            .reset_index(name="n")
            .sort_values([*keys, "n", "kind"], ascending=[True] * len(keys) + [False, True])
            .drop_duplicates(keys)
            .set_index(keys)["kind"]
        )
        table.insert(0, "kind", kinds.reindex(table.index).astype(_TEXT))
        table = table.reset_index()
        table["quoted_share"] = table["quoted_articles"] / table["articles"]
        if by is None:
            table["mention_share"] = table["mentions"] / max(total_mentions, 1)
            table["voice_share"] = table["quotes"] / max(total_quotes, 1)
        else:
            group_mentions = table[by].map(all_mentions).astype(float).clip(lower=1)
            group_quotes = table[by].map(all_quotes).astype(float).fillna(0).clip(lower=1)
            table["mention_share"] = table["mentions"] / group_mentions.to_numpy()
            table["voice_share"] = table["quotes"] / group_quotes.to_numpy()
        order = ([by] if by else []) + ["mentions", "articles", "actor"]
        ascending = ([True] if by else []) + [False, False, True]
        table = table.sort_values(order, ascending=ascending, kind="stable")
        extra = sorted(set(table["kind"].dropna()) - set(ACTOR_KINDS))
        table["kind"] = pd.Categorical(table["kind"], categories=[*ACTOR_KINDS, *extra])
        return table.reset_index(drop=True)

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
        return table[
            [
                "actor",
                "kind",
                "articles",
                "quoted_articles",
                "only_mentioned_articles",
                "quoted_share",
                "quotes",
                "mentions",
                "voice_share",
            ]
        ]

    def co_mention_table(self, actors: Iterable[str] | None = None) -> pd.DataFrame:
        """Pairs of actors named in the same sentence: actor_a, actor_b (in name order),
        articles (in how many articles they meet), count (in how many sentences). Only pairs
        of ``actors`` if given. Most frequent first."""
        pairs = self.co_mentions
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
        """Keywords in context for an actor across the corpus: each of its mentions (by name;
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

        from toolkit.actors import find_actors
        from toolkit.text.stats import kwic

        forms = set(forms)
        ids = self.actors.loc[self.actors["actor"] == actor, "article_id"].drop_duplicates()
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
            found = next((a for a in find_actors(article) if a.name == actor), None)
            mentions = [m for m in found.mentions if m.form in forms] if found else []
            if not mentions:
                continue
            spans = {(m.start, m.end) for m in mentions}
            lines = pd.concat(
                [kwic(article, term, window=window) for term in sorted({m.text for m in mentions})],
                ignore_index=True,
            )
            own = [(s, e) in spans for s, e in zip(lines["start"], lines["end"], strict=True)]
            lines = lines[own].drop_duplicates(["start", "end"]).sort_values("start")
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
            "distinct_actors": int(self.actors["actor"].nunique()),
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
        s = self.summary()
        esc = html.escape
        figures = [
            ("articles", f"{s['articles']:,}"),
            ("duplicates", f"{s['duplicates']:,}"),
            ("failures", f"{s['failures']:,}"),
            ("words", f"{s['words']:,}"),
            ("distinct actors", f"{s['distinct_actors']:,}"),
            ("quotations", f"{s['quotes']:,}"),
        ]
        if s["topics"]:
            figures.append(("topics", ", ".join(f"{k} ({v:,})" for k, v in s["topics"].items())))
        rows = "".join(
            f"<tr><th style='text-align:left'>{esc(k)}</th><td style='text-align:left'>{esc(v)}</td></tr>"
            for k, v in figures
        )
        top = self.top_actors(5)
        quoted = self.actor_table().sort_values(
            ["quotes", "actor"], ascending=[False, True], kind="stable"
        )
        quoted = quoted[quoted["quotes"] > 0].head(5)
        lists = [
            (
                "Most mentioned",
                [f"{a} ({m:,})" for a, m in zip(top["actor"], top["mentions"], strict=True)],
            ),
            (
                "Most quoted",
                [f"{a} ({q:,})" for a, q in zip(quoted["actor"], quoted["quotes"], strict=True)],
            ),
        ]
        blocks = "".join(
            f"<div style='margin-right:2em'><b>{esc(title)}</b><ol style='margin:0'>"
            + ("".join(f"<li>{esc(item)}</li>" for item in items) or "<li>none</li>")
            + "</ol></div>"
            for title, items in lists
        )
        errors = ""
        if len(self.errors):
            shown = "".join(
                f"<li><code>{esc(str(m))}</code></li>" for m in self.errors["message"].head(5)
            )
            more = len(self.errors) - 5
            errors = (
                f"<details><summary>{len(self.errors):,} failed</summary><ul>{shown}</ul>"
                + (f"<p>and {more:,} more in <code>.errors</code></p>" if more > 0 else "")
                + "</details>"
            )
        return (
            "<div class='toolkit-corpus'><b>Corpus</b>"
            f"<div style='display:flex;align-items:flex-start'><table>{rows}</table>"
            f"<div style='display:flex;margin-left:2em'>{blocks}</div></div>{errors}</div>"
        )
