"""The batch's tables of contents: ``index.html``, the overview of the batch (its figures and
charts, the failed articles with their reason, then a row per report in a table the page's
own script sorts and filters), and ``summary.csv`` (the summary rows, spreadsheet-safe). Both
are written atomically.

>>> result = BatchResult(Path("reports"), [ReportOutcome("a", "a.txt", "built")])
>>> write_index(result.out, result)                                     # doctest: +SKIP
>>> write_summary_csv(result.out, result)                               # doctest: +SKIP

Everything taken from articles (titles, names, outlets, sources, reasons) is escaped in the
index and defused in the CSV (a cell a spreadsheet would run as a formula gets a leading
apostrophe). The index runs one script, the toolkit's ``templates/overview/index.js``, allowed
by its hash in the page's Content-Security-Policy; nothing else on the page can run.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import math
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from toolkit._io import atomic_write_text, csv_cell
from toolkit._version import __version__
from toolkit.reports._outcomes import BatchResult, ReportOutcome
from toolkit.reports._overview import Overview, overview, parse_summary_date
from toolkit.reports._sections import overview_sections

__all__ = ["INDEX_NAME", "SUMMARY_NAME", "write_index", "write_summary_csv"]

INDEX_NAME = "index.html"
SUMMARY_NAME = "summary.csv"

_CSV_FIRST = ("id", "status", "title", "source", "report", "words", "flesch_reading_ease")
_CSV_LEFT_OUT = frozenset({"actor_counts"})

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
    """``out/index.html``: the overview of the batch (see :func:`index_html`)."""
    atomic_write_text(out / INDEX_NAME, index_html(result))


def index_html(result: BatchResult) -> str:
    """The overview page: counts, the corpus's figures and charts (see
    :mod:`toolkit.reports._sections`), the failed articles with their reason (and failed
    notebook), then the table of reports, which the page's own script sorts and filters."""
    reports = [o for o in result.outcomes if o.status != "failed"]
    figures = overview(o.summary or {} for o in reports)
    script = _asset("index.js")
    parts = [
        *_page_head(result, script),
        overview_sections(figures),
        _failures_table(result.failures),
        _article_table(reports, figures),
        f"<script>{script}</script>",
        "</body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _page_head(result: BatchResult, script: str) -> list[str]:
    counts = result.counts
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(script)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>Corpus overview · toolkit reports</title>",
        f"<style>{_asset('index.css')}</style></head><body>",
        "<h1>Corpus overview</h1>",
        f'<p class="meta">{len(result.outcomes)} articles: {counts["built"]} built, '
        f"{counts['skipped']} unchanged, {counts['failed']} failed. Made {when} by toolkit "
        f'{escape(__version__)}. Summary table: <a href="{SUMMARY_NAME}">{SUMMARY_NAME}</a>.</p>',
    ]


def content_security_policy(script: str) -> str:
    """The page's policy: nothing loads from anywhere, inline styles and data: images are
    allowed, and the one script that runs is ``script``, named by its SHA-256 hash.

    >>> content_security_policy("")
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; base-uri 'none'; form-action 'none'"
    """
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def _failures_table(failures: list[ReportOutcome]) -> str:
    if not failures:
        return ""
    rows = "".join(_failure_row(o) for o in failures)
    return (
        f"<section><h2>Failed ({len(failures):,})</h2>"
        "<table><thead><tr><th>article</th><th>reason</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


#: The article table's columns: (heading, sort as, needs): ``needs`` names the metadata a
#: column is shown for (only when some article has it).
_COLUMNS = (
    ("article", "text", None),
    ("outlet", "text", "outlet"),
    ("date", "number", "date"),
    ("words", "number", None),
    ("Flesch reading ease", "number", None),
    ("quotations", "number", None),
    ("people quoted", "number", None),
    ("women quoted (inferred gender)", "number", None),
    ("top actors", "text", None),
)


def _article_table(reports: list[ReportOutcome], figures: Overview) -> str:
    """The reports, one row each, with the controls the page's script shows (hidden without
    it: the table is whole and readable anyway)."""
    has = {"outlet": bool(figures.outlets), "date": bool(figures.periods)}
    columns = [c for c in _COLUMNS if c[2] is None or has[c[2]]]
    head = "".join(
        f'<th scope="col" data-type="{kind}"><button type="button">{escape(name)}</button></th>'
        for name, kind, _ in columns
    )
    rows = "".join(_report_row(o, has) for o in reports)
    return (
        f"<section><h2>Articles ({len(reports):,})</h2>{_controls(figures)}"
        f'<table id="ov-articles"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        "</section>"
    )


def _controls(figures: Overview) -> str:
    outlets = sorted(g.label for g in figures.outlets)
    select = ""
    if outlets:
        options = "".join(f'<option value="{escape(o)}">{escape(o)}</option>' for o in outlets)
        select = (
            '<label>Outlet <select id="ov-outlet" aria-controls="ov-articles">'
            f'<option value="">all outlets</option>{options}</select></label>'
        )
    return (
        '<div class="ov-controls" id="ov-controls" hidden>'
        '<label>Filter <input type="search" id="ov-filter" aria-controls="ov-articles" '
        'placeholder="words in the title, actors, outlet..."></label>'
        f'{select}<span id="ov-count" aria-live="polite"></span></div>'
    )


def _report_row(outcome: ReportOutcome, has: dict[str, bool]) -> str:
    s = outcome.summary or {}
    target = _link_target(outcome)
    title = escape(str(s.get("title") or outcome.id))
    link = f'<a href="{escape(target)}">{title}</a>' if target else title
    outlet = s.get("outlet") if isinstance(s.get("outlet"), str) else ""
    sources = s.get("sources_by_gender") if isinstance(s.get("sources_by_gender"), dict) else {}
    cells = [f"<td>{link}<br><small>{escape(outcome.id)}</small></td>"]
    if has["outlet"]:
        cells.append(f"<td>{escape(outlet.strip())}</td>")
    if has["date"]:
        cells.append(_date_cell(s.get("date")))
    cells += [
        _number_cell(s.get("words"), "{:,}"),
        _number_cell(s.get("flesch_reading_ease"), "{:.1f}"),
        _number_cell(s.get("quotes"), "{:,}"),
        _number_cell(sum(v for v in sources.values() if _is_number(v)) if sources else None),
        _number_cell(sources.get("female")),
        f"<td>{escape(', '.join(str(a) for a in _list(s.get('top_actors'))))}</td>",
    ]
    return f'<tr data-outlet="{escape(outlet.strip())}">{"".join(cells)}</tr>'


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


def _date_cell(value: Any) -> str:
    """The date of an article (its day, as written) sorting by its time."""
    when = parse_summary_date(value)
    if when is None:
        return '<td data-sort=""></td>'
    return f'<td class="num" data-sort="{when.timestamp():.0f}">{when.date().isoformat()}</td>'


def _number_cell(value: Any, fmt: str = "{:,}") -> str:
    if not _is_number(value):
        return '<td class="num" data-sort=""></td>'
    return f'<td class="num" data-sort="{value!r}">{escape(fmt.format(value))}</td>'


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _link_target(outcome: ReportOutcome) -> str | None:
    """The report file to link: the HTML page, else the notebook."""
    html = next((f for f in outcome.files if f.endswith(".html")), None)
    return html or (outcome.files[0] if outcome.files else None)


def _asset(name: str) -> str:
    """A file of the page (its script, its style sheet), from ``templates/overview/``."""
    return (Path(__file__).resolve().parent / "templates" / "overview" / name).read_text(
        encoding="utf-8"
    )
