"""A whole corpus as tidy pandas tables: one row per article, actor, quotation, co-mention.

:func:`analyze_corpus` loads and analyses every article (see :func:`toolkit.analyze`) on a
pool of worker processes or a Dask cluster, and collects small rows, never article texts.
Articles come from files, folders and web pages, or from tables (CSV, JSON lines, Parquet:
one article per row, with its date, outlet, URL and authors):

>>> corpus = analyze_corpus("bbc/", workers=2)              # doctest: +SKIP
>>> corpus.articles[["id", "topic", "words", "flesch_reading_ease"]].head(2)  # doctest: +SKIP
>>> corpus.top_actors(5)                                     # doctest: +SKIP
>>> corpus.to_parquet("bbc-tables/")                         # doctest: +SKIP
>>> news = analyze_corpus("exports/stories.csv", columns={"text": "body"})  # doctest: +SKIP
>>> news.by(outlet=True, period="month").actors(["Ines Marlow"])            # doctest: +SKIP

Each worker reads and analyses one article at a time and sends back only its rows; the parent
appends them in input order, so the tables are the same whatever the number of workers or the
engine. :func:`write_corpus` streams the rows straight to Parquet files instead of memory (the
``toolkit corpus`` command). Articles that cannot be read or analysed are listed in
``Corpus.errors`` (path, one-line message); the rest of the run goes on.

The modules, in the order data flows through them:

- ``_schema``: the tables' columns and dtypes;
- ``_sources``: the inputs as a stream of tasks (files for the workers to read, table rows);
- ``_rows``: one analysed article -> its rows (and the worker-side task);
- ``_near``: MinHash signatures of the texts, and the index that finds near-duplicates;
- ``engines``: where tasks run (this process, a local process pool, a Dask cluster);
- ``_run``: many articles -> results in input order (:func:`iter_corpus`);
- ``_sink``: results -> tables, in memory or streamed to Parquet, duplicates marked;
- ``_folder``: a folder of tables from one run (lock, run id, leftovers);
- ``_write``: streaming the tables to that folder (:func:`write_corpus`);
- ``_actor_tables``, ``_groups``, ``_display``: summaries (per actor, per outlet and
  period: :class:`CorpusGroups`) and HTML of the tables;
- ``_corpus``: the :class:`Corpus` and :func:`analyze_corpus`.
"""

from __future__ import annotations

from toolkit.corpus import engines
from toolkit.corpus._corpus import ArticleChangedError, Corpus, analyze_corpus
from toolkit.corpus._folder import MixedTablesError
from toolkit.corpus._groups import PERIODS, CorpusGroups
from toolkit.corpus._rows import ArticleResult, analysis_rows
from toolkit.corpus._run import iter_corpus
from toolkit.corpus._schema import TABLES
from toolkit.corpus._write import WriteSummary, write_corpus

__all__ = [
    "PERIODS",
    "TABLES",
    "ArticleChangedError",
    "ArticleResult",
    "Corpus",
    "CorpusGroups",
    "MixedTablesError",
    "WriteSummary",
    "analysis_rows",
    "analyze_corpus",
    "engines",
    "iter_corpus",
    "write_corpus",
]
