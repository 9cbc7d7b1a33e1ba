"""Per-article reports in batch: the report notebook, run by papermill for every article.

>>> result = build_reports(["seeds/"], "reports/", workers=2)       # doctest: +SKIP
>>> result.counts                                                    # doctest: +SKIP
{'built': 1, 'skipped': 0, 'failed': 0}

For each article, ``reports/<id>.ipynb`` (the executed notebook) and ``reports/<id>.html``
(code hidden) are written, then ``reports/index.html`` (the overview of the batch: figures,
charts, failures with their reason, a sortable table of the reports) and
``reports/summary.csv``. A table of articles (CSV, JSON lines, Parquet...) gives one report
per row, its id from the id column.

- **Fast.** Notebooks run on warm kernels (:mod:`toolkit.reports._papermill`): each of ``workers``
  kernels is started and imports pandas, matplotlib, nltk and the toolkit once, then runs
  article after article, reset between them to the state of a fresh kernel.
- **Incremental.** ``reports/manifest.json`` records, for every completed report, a key made of
  the article file's bytes (for a table row: its article's), the notebook, the toolkit's code
  and version, the formats and the NLTK settings; an article whose key is unchanged and whose
  files exist is skipped without starting any kernel. ``force=True`` rebuilds.
- **Safe.** Report names are checked to stay inside the output folder; every file is written to
  a temporary file in the same folder and renamed into place, so an interrupted batch leaves
  complete reports or none; a failing article is listed with a one-line reason and its failed
  notebook is kept under ``reports/_failed/``, and the batch goes on.

Where things are:

- :mod:`~toolkit.reports._batch`: :func:`build_reports`, step by step;
- :mod:`~toolkit.reports._runner`: worker threads with their warm kernels;
- :mod:`~toolkit.reports._render`: one article's report (notebook run, files, failure reason);
- :mod:`~toolkit.reports._kernel`, :mod:`~toolkit.reports._in_kernel`,
  :mod:`~toolkit.reports._papermill`: the warm kernels, the code that runs inside them, and the
  papermill engine that uses them;
- :mod:`~toolkit.reports.manifest`: ``manifest.json`` (what is built, from what);
- :mod:`~toolkit.reports._keys`: what a report depends on (its key);
- :mod:`~toolkit.reports._inputs`: the articles of a batch, files and table rows (a row's
  article is saved for its notebook: :func:`load_report_article` reads it back);
- :mod:`~toolkit.reports._index`: ``index.html`` and ``summary.csv``;
  :mod:`~toolkit.reports._overview` adds up the overview's figures,
  :mod:`~toolkit.reports._sections` and :mod:`~toolkit.reports._charts` draw them;
- :mod:`~toolkit.reports._folder`: report names, safe paths, the lock of the output folder;
- :mod:`~toolkit.reports._notebook`: the notebook's place and its summary row
  (:func:`publish_summary`); ``notebook/`` and ``templates/`` hold the notebook and the HTML
  template;
- :mod:`~toolkit.reports._html_export`, :mod:`~toolkit.reports._imports`: the HTML export, and
  importing papermill without the optional modules it does not need.

This package imports only the standard library until reports actually have to be built, so
that a re-run with nothing to do costs hashing and a manifest lookup.
"""

from __future__ import annotations

from toolkit.reports._batch import build_reports
from toolkit.reports._folder import FORMATS
from toolkit.reports._inputs import load_report_article
from toolkit.reports._notebook import (
    NOTEBOOK_NAME,
    SUMMARY_MIMETYPE,
    notebook_path,
    publish_summary,
    report_summary,
    save_full_tables,
)
from toolkit.reports._outcomes import BatchResult, ReportOutcome

__all__ = [
    "FORMATS",
    "NOTEBOOK_NAME",
    "SUMMARY_MIMETYPE",
    "BatchResult",
    "ReportOutcome",
    "build_reports",
    "load_report_article",
    "notebook_path",
    "publish_summary",
    "report_summary",
    "save_full_tables",
]
