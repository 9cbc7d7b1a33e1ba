"""The report notebook and its contract with the batch: where the notebook is, and the
summary row it publishes (inside the kernel) and the batch reads back (in the parent).

>>> notebook_path().name
'article_report.ipynb'
>>> summary_from_outputs([{"data": {SUMMARY_MIMETYPE: {"title": "Talks resume"}}}])
{'title': 'Talks resume'}

Only the standard library is imported here: the notebook imports this module in every
report, and a batch with nothing to build must not pay for more.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.analysis import ArticleAnalysis

__all__ = [
    "HIDDEN_CELL_TAGS",
    "NOTEBOOK_NAME",
    "SUMMARY_MIMETYPE",
    "notebook_path",
    "publish_summary",
    "read_summary",
    "report_summary",
    "summary_from_outputs",
]

NOTEBOOK_NAME = "article_report.ipynb"
#: The notebook's last cell publishes the article's summary row under this MIME type; the
#: batch reads it from the executed notebook to build the index.
SUMMARY_MIMETYPE = "application/vnd.toolkit.reports-summary+json"
#: Cells with these tags are left out of the HTML report (instructions, parameters, summary).
HIDDEN_CELL_TAGS = frozenset({"report-hide", "parameters", "injected-parameters"})


def notebook_path() -> Path:
    """The report notebook shipped inside the package, ``toolkit/reports/notebook/article_report.ipynb``
    (the one source: ``notebooks/article_report.ipynb`` in a checkout is a link to it).

    Raises :class:`FileNotFoundError` with what to do when it is missing.
    """
    path = Path(__file__).resolve().parent / "notebook" / NOTEBOOK_NAME
    if not path.is_file():
        raise FileNotFoundError(
            f"report notebook {path} not found: reinstall the toolkit, or pass --notebook PATH"
        )
    return path


# --- inside the notebook --------------------------------------------------------------------


def report_summary(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The article's row in ``index.html`` and ``summary.csv``: ``analysis.summary()`` made
    JSON-safe (paths as text, tuples as lists, NaN as ``None``)."""
    return _json_safe(analysis.summary())


def publish_summary(analysis: ArticleAnalysis) -> None:
    """Display the summary row as :data:`SUMMARY_MIMETYPE` output (invisible in the HTML
    report); the batch reads it back from the executed notebook."""
    from IPython.display import display

    display({SUMMARY_MIMETYPE: report_summary(analysis)}, raw=True)


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if hasattr(value, "item"):  # numpy scalars
        return _json_safe(value.item())
    return str(value)


# --- in the batch ---------------------------------------------------------------------------


def read_summary(nb: Any) -> dict[str, Any] | None:
    """The summary row an executed notebook published, or ``None`` if it published none."""
    for cell in reversed(nb.cells):
        summary = summary_from_outputs(cell.get("outputs", ()))
        if summary is not None:
            return summary
    return None


def summary_from_outputs(outputs: Iterable[Any]) -> dict[str, Any] | None:
    """The summary row among one cell's ``outputs``, if there is one."""
    for output in outputs:
        data = output.get("data", {})
        if SUMMARY_MIMETYPE in data:
            value = data[SUMMARY_MIMETYPE]
            return json.loads(value) if isinstance(value, str) else dict(value)
    return None
