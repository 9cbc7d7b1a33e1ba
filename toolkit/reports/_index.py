"""The batch's tables of contents: ``index.html`` (a row per report, failures with their
reason) and ``summary.csv`` (the summary rows, spreadsheet-safe). Both are written atomically.

>>> result = BatchResult(Path("reports"), [ReportOutcome("a", "a.txt", "built")])
>>> write_index(result.out, result)                                     # doctest: +SKIP
>>> write_summary_csv(result.out, result)                               # doctest: +SKIP

Everything taken from articles (titles, names, sources, reasons) is escaped in the index and
defused in the CSV (a cell a spreadsheet would run as a formula gets a leading apostrophe).
"""

from __future__ import annotations

import csv
import io
import math
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from toolkit._io import atomic_write_text, csv_cell
from toolkit._version import __version__
from toolkit.reports._outcomes import BatchResult, ReportOutcome

__all__ = ["INDEX_NAME", "SUMMARY_NAME", "write_index", "write_summary_csv"]

INDEX_NAME = "index.html"
SUMMARY_NAME = "summary.csv"

_CSV_FIRST = ("id", "status", "title", "source", "report", "words", "flesch_reading_ease")
_CSV_LEFT_OUT = frozenset({"actor_counts"})

_INDEX_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;line-height:1.45;color:#1b1b1b}
h1{font-size:1.5em;margin-bottom:.2em}
p.meta{color:#666;margin-top:0}
table{border-collapse:collapse;width:100%;font-size:.93em}
th,td{border-bottom:1px solid #ddd;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.failed td{background:#fff3f3}
.reason{font-family:ui-monospace,monospace;font-size:.9em;color:#8a1c1c}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


# --- summary.csv ----------------------------------------------------------------------------


def write_summary_csv(out: Path, result: BatchResult) -> None:
    """``out/summary.csv``: a row per article (id, status, title, source, report file, the
    summary's figures, error), in input order."""
    rows = [_csv_row(o) for o in result.outcomes]
    columns = list(dict.fromkeys([*_CSV_FIRST, *(k for r in rows for k in r)]))
    columns.remove("error")
    columns.append("error")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    atomic_write_text(out / SUMMARY_NAME, buffer.getvalue())


def _csv_row(outcome: ReportOutcome) -> dict[str, Any]:
    summary = dict(outcome.summary or {})
    summary.pop("id", None)
    summary.pop("path", None)
    row: dict[str, Any] = {
        "id": outcome.id,
        "status": outcome.status,
        "title": summary.pop("title", ""),
        "source": outcome.source,
        "report": _link_target(outcome) or "",
    }
    for key, value in summary.items():
        row.update(_csv_cells(key, value))
    row["error"] = outcome.error or ""
    return row


def _csv_cells(key: str, value: Any) -> dict[str, Any]:
    """A summary field as CSV cells: a dict of counts as one column per entry
    (``sources_by_gender.female``), a list of actors as their names, the rest as is; the
    20 most mentioned actors (``actor_counts``, for the overview page) are left out."""
    if key in _CSV_LEFT_OUT:
        return {}
    if isinstance(value, dict):
        return {f"{key}.{k}": v for k, v in value.items() if not isinstance(v, (dict, list))}
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return {key: [v.get("name", "") for v in value if isinstance(v, dict)]}
    return {key: value}


# --- index.html -----------------------------------------------------------------------------


def write_index(out: Path, result: BatchResult) -> None:
    """``out/index.html``: counts, then the failed articles with their reason (and failed
    notebook), then a row per report with its headline figures."""
    failure_rows = [_failure_row(o) for o in result.failures]
    report_rows = [_report_row(o) for o in result.outcomes if o.status != "failed"]
    parts = [*_page_head(result)]
    if failure_rows:
        parts += [
            f"<h2>Failed ({len(failure_rows)})</h2>",
            "<table><thead><tr><th>article</th><th>reason</th></tr></thead><tbody>",
            *failure_rows,
            "</tbody></table>",
            "<h2>Reports</h2>",
        ]
    parts += [
        "<table><thead><tr><th>article</th><th>words</th><th>Flesch reading ease</th>"
        "<th>top actors</th><th>quotes</th></tr></thead><tbody>",
        *report_rows,
        "</tbody></table></body></html>",
    ]
    atomic_write_text(out / INDEX_NAME, "\n".join(parts) + "\n")


def _page_head(result: BatchResult) -> list[str]:
    counts = result.counts
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Article reports</title>",
        f"<style>{_INDEX_STYLE}</style></head><body>",
        "<h1>Article reports</h1>",
        f'<p class="meta">{len(result.outcomes)} articles: {counts["built"]} built, '
        f"{counts['skipped']} unchanged, {counts['failed']} failed. Made {when} by toolkit "
        f'{escape(__version__)}. Summary table: <a href="{SUMMARY_NAME}">{SUMMARY_NAME}</a>.</p>',
    ]


def _report_row(outcome: ReportOutcome) -> str:
    s = outcome.summary or {}
    target = _link_target(outcome)
    title = escape(str(s.get("title") or outcome.id))
    link = f'<a href="{escape(target)}">{title}</a>' if target else title
    actors = ", ".join(str(a) for a in (s.get("top_actors") or []))
    return (
        "<tr>"
        f"<td>{link}<br><small>{escape(outcome.id)}</small></td>"
        f'<td class="num">{_num(s.get("words"), "{:,}")}</td>'
        f'<td class="num">{_num(s.get("flesch_reading_ease"), "{:.1f}")}</td>'
        f"<td>{escape(actors)}</td>"
        f'<td class="num">{_num(s.get("quotes"), "{:,}")}</td>'
        "</tr>"
    )


def _failure_row(outcome: ReportOutcome) -> str:
    notebook = (
        f'<br><a href="{escape(outcome.failed_notebook)}">failed notebook</a>'
        if outcome.failed_notebook
        else ""
    )
    return (
        f'<tr class="failed"><td>{escape(outcome.id)}<br><small>{escape(outcome.source)}</small></td>'
        f'<td class="reason">{escape(outcome.error or "failed")}{notebook}</td></tr>'
    )


def _link_target(outcome: ReportOutcome) -> str | None:
    """The report file to link: the HTML page, else the notebook."""
    html = next((f for f in outcome.files if f.endswith(".html")), None)
    return html or (outcome.files[0] if outcome.files else None)


def _num(value: Any, fmt: str) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    try:
        return escape(fmt.format(value))
    except (TypeError, ValueError):
        return escape(str(value))
