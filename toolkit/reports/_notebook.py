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

import contextlib
import csv
import io
import json
import math
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.analysis import ArticleAnalysis

__all__ = [
    "FULL_TABLES_PARAMETER",
    "HIDDEN_CELL_TAGS",
    "NOTEBOOK_NAME",
    "SUMMARY_MIMETYPE",
    "notebook_path",
    "publish_summary",
    "read_summary",
    "report_summary",
    "save_full_tables",
    "summary_from_outputs",
    "takes_parameter",
]

_MAX_FIELDS = 100
_MAX_ITEMS = 20

NOTEBOOK_NAME = "article_report.ipynb"
#: The notebook parameter that says where the full tables of a long article go (optional:
#: a notebook of one's own need not take it).
FULL_TABLES_PARAMETER = "full_tables_dir"
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


def takes_parameter(notebook: Path, name: str) -> bool:
    """Does the notebook's ``parameters`` cell set ``name``? (Papermill warns about any other
    parameter it is given.) Read as plain JSON: nbformat is not needed to know it.

    >>> takes_parameter(notebook_path(), "article_path")
    True
    """
    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return False
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*(:[^=]*)?=", re.MULTILINE)
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = cell.get("source", "")
            return bool(pattern.search("".join(source) if isinstance(source, list) else source))
    return False


# --- inside the notebook --------------------------------------------------------------------


def report_summary(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The article's row in ``index.html`` and ``summary.csv``: ``analysis.summary()`` with
    what the batch's overview page needs, made JSON-safe (paths as text, tuples as lists, NaN
    as ``None``) and of bounded size (see :func:`bounded_summary`).

    Added: ``top_actors`` as the report's header lists them (the main speaker included:
    :func:`toolkit.display.top_actors`); the article's ``date`` (ISO 8601), ``outlet``,
    ``url`` and ``authors`` when it has them; people mentioned and people quoted by inferred
    gender (``people_by_gender``, ``sources_by_gender``: ``female``, ``male``, ``unknown``),
    people quoted by role (``sources_by_role``), ``unattributed_quotes``; and, for the
    corpus's top actors and voice share, the 20 most quoted ``speakers`` and the 20 most
    mentioned actors (``actor_counts``), each with its ``key`` (its identity across articles).
    """
    summary = analysis.summary()
    summary.update(_overview_fields(analysis))
    return bounded_summary(_json_safe(summary))


def _overview_fields(analysis: ArticleAnalysis) -> dict[str, Any]:
    from toolkit.actors import count_actors
    from toolkit.display import speaker_of, top_actors

    counts = count_actors(analysis.actors, analysis.quotes)
    people = [c for c in counts if c.actor.kind == "person"]
    sources = [c for c in people if c.quotes]
    speakers = sorted((c for c in counts if c.quotes), key=lambda c: -c.quotes)
    mentioned = sorted(counts, key=lambda c: -c.mentions)
    return {
        "top_actors": [a.name for a in top_actors(analysis)],
        **_metadata(analysis.article),
        "people_by_gender": _by_gender(people),
        "sources_by_gender": _by_gender(sources),
        "sources_by_role": _by_role(sources),
        "unattributed_quotes": sum(1 for q in analysis.quotes if not speaker_of(q)),
        "speakers": [_actor_entry(c, gender=True) for c in speakers[:_MAX_ITEMS]],
        "actor_counts": [_actor_entry(c) for c in mentioned[:_MAX_ITEMS]],
    }


def _metadata(article: Any) -> dict[str, Any]:
    """The article's date (ISO 8601), outlet, url and authors, those it has."""
    fields: dict[str, Any] = {}
    if article.date is not None:
        fields["date"] = article.date.isoformat()
    for name in ("outlet", "url"):
        if getattr(article, name):
            fields[name] = getattr(article, name)
    if article.authors:
        fields["authors"] = list(article.authors)
    return fields


def _by_gender(counts: list[Any]) -> dict[str, int]:
    genders = [c.actor.gender or "unknown" for c in counts]
    return {g: genders.count(g) for g in ("female", "male", "unknown")}


def _by_role(counts: list[Any]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for c in counts:
        role = c.actor.role or "unknown"
        roles[role] = roles.get(role, 0) + 1
    return dict(sorted(roles.items(), key=lambda item: (-item[1], item[0])))


def _actor_entry(counts: Any, gender: bool = False) -> dict[str, Any]:
    """One actor of the summary: name, identity key, kind, mentions and quotations (and, for a
    speaker, its inferred gender and role)."""
    actor = counts.actor
    entry = {
        "name": actor.name,
        "key": actor.key or f"{actor.kind}:{actor.name.casefold()}",
        "kind": actor.kind,
        "mentions": counts.mentions,
        "quotes": counts.quotes,
    }
    if gender:
        entry.update(gender=actor.gender, role=actor.role)
    return entry


def save_full_tables(
    analysis: ArticleAnalysis, folder: str | os.PathLike[str] | None
) -> dict[str, str]:
    """Every quotation and actor of an article too long for its report to show whole (see
    :data:`toolkit.display.TEXT_LIMIT` and :data:`~toolkit.display.ROW_LIMIT`), written to
    ``folder/quotes.csv`` and ``folder/actors.csv`` (spreadsheet-safe); returns their links
    relative to the report, ``{"quotes": "<folder name>/quotes.csv", ...}``, for the notes
    under the report's tables. For an article shown whole, tables left there by an earlier
    version are removed and ``{}`` returned. ``folder=None`` (a notebook run by hand): ``{}``.
    """
    if folder is None:
        return {}
    folder = Path(folder)
    tables = {"quotes": analysis.quote_frame, "actors": analysis.actor_frame}
    if _shown_whole(analysis):
        for name in tables:
            (folder / f"{name}.csv").unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            folder.rmdir()  # if empty
        return {}
    folder.mkdir(exist_ok=True)
    for name, frame in tables.items():
        _write_csv(folder / f"{name}.csv", frame())
    return {name: f"{folder.name}/{name}.csv" for name in tables}


def _shown_whole(analysis: ArticleAnalysis) -> bool:
    from toolkit.display import ROW_LIMIT, TEXT_LIMIT

    return (
        len(analysis.article.text) <= TEXT_LIMIT
        and len(analysis.quotes) <= ROW_LIMIT
        and len(analysis.actors) <= ROW_LIMIT
    )


def _write_csv(path: Path, frame: Any) -> None:
    from toolkit._io import atomic_write_text, csv_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        writer.writerow([csv_cell(v) for v in row])
    atomic_write_text(path, buffer.getvalue())


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
    """The summary row an executed notebook published (bounded: see :func:`bounded_summary`),
    or ``None`` if it published none."""
    for cell in reversed(nb.cells):
        summary = summary_from_outputs(cell.get("outputs", ()))
        if summary is not None:
            return bounded_summary(summary)
    return None


def summary_from_outputs(outputs: Iterable[Any]) -> dict[str, Any] | None:
    """The summary row among one cell's ``outputs``, if there is one."""
    for output in outputs:
        data = output.get("data", {})
        if SUMMARY_MIMETYPE in data:
            value = data[SUMMARY_MIMETYPE]
            return json.loads(value) if isinstance(value, str) else dict(value)
    return None


def bounded_summary(summary: dict[str, Any]) -> dict[str, Any]:
    """``summary`` with texts clipped to :data:`~toolkit.display.TITLE_LIMIT` characters, lists
    to 20 items and at most 100 fields: what goes into the index, the manifest and
    ``summary.csv`` stays small whatever the article (a one-word 5 MB "title"...).

    >>> bounded_summary({"title": "x" * 400, "top_actors": ["Anna Keller"]})["title"][-3:]
    'xx…'
    """
    return {_clip(str(k)): _bounded(v) for k, v in list(summary.items())[:_MAX_FIELDS]}


def _bounded(value: Any) -> Any:
    if isinstance(value, str):
        return _clip(value)
    if isinstance(value, list):
        return [_bounded(v) for v in value[:_MAX_ITEMS]]
    if isinstance(value, dict):
        return bounded_summary(value)
    return value


def _clip(text: str) -> str:
    from toolkit.display import TITLE_LIMIT

    return text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1] + "…"
