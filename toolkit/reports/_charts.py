"""Charts of the overview page as plain HTML and CSS: nothing to load, nothing that runs, text
kept as text.

Bar and stacked-bar charts are tables (a caption, a row per item, the figures as text beside
the bar), which screen readers read as they are; the bars themselves are hidden from them.
Column charts (over time) are one image to a screen reader, described by an ``aria-label``
that lists every value. Every label is escaped; style attributes only ever hold numbers and
the colours below.

>>> html = bar_chart("Articles per outlet", [Bar("Island Post", 3, "3 articles")])
>>> html.startswith('<figure class="ov-chart"><table class="ov-bars"><caption>')
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

__all__ = [
    "GENDER_COLOURS",
    "ROLE_COLOURS",
    "UNKNOWN_COLOUR",
    "Bar",
    "Column",
    "Segment",
    "bar_chart",
    "column_chart",
    "legend",
    "stacked_chart",
]

#: The colour of "unknown" (gender, role).
UNKNOWN_COLOUR = "#BBBBBB"
#: Colours of the inferred genders (Okabe-Ito: colour-blind safe).
GENDER_COLOURS = {"female": "#E69F00", "male": "#0072B2", "unknown": UNKNOWN_COLOUR}
#: Colours of known roles, most common first; the rest share the last one.
ROLE_COLOURS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#999999",
)
_DEFAULT_COLOUR = "#0072B2"
_COLUMN_LABELS = 12  # at most about this many labels under a column chart


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart: ``label``, the bar's ``value``, the figures as ``text``."""

    label: str
    value: float
    text: str
    colour: str = _DEFAULT_COLOUR


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: ``value`` in ``colour``; ``name`` says what it counts."""

    name: str
    value: float
    colour: str


@dataclass(frozen=True)
class Column:
    """One column of a column chart; ``value`` None: no data for that period."""

    label: str
    value: float | None
    text: str


def bar_chart(caption: str, bars: list[Bar], note: str = "") -> str:
    """A horizontal bar chart as a table: label, bar (as long as ``value`` against the
    largest), figures."""
    top = max((b.value for b in bars), default=0) or 1
    rows = "".join(
        f'<tr><th scope="row">{escape(b.label)}</th>'
        f'<td class="ov-bar-cell" aria-hidden="true"><span class="ov-bar" '
        f'style="width:{_percent(b.value, top)};background:{b.colour}"></span></td>'
        f'<td class="ov-num">{escape(b.text)}</td></tr>'
        for b in bars
    )
    return _figure(caption, rows, note)


def stacked_chart(
    caption: str, rows: list[tuple[str, list[Segment], str]], legend_items: list[Segment]
) -> str:
    """A stacked (100%) bar per row: label, segments as shares of the row's total, figures;
    a legend under the table."""
    body = []
    for label, segments, text in rows:
        total = sum(s.value for s in segments)
        parts = "".join(
            f'<span style="width:{_percent(s.value, total)};background:{s.colour}" '
            f'title="{escape(s.name)}: {s.value:,.0f}"></span>'
            for s in segments
            if s.value > 0
        )
        body.append(
            f'<tr><th scope="row">{escape(label)}</th>'
            f'<td class="ov-bar-cell" aria-hidden="true"><span class="ov-stack">{parts}</span></td>'
            f'<td class="ov-num">{escape(text)}</td></tr>'
        )
    return _figure(caption, "".join(body), legend(legend_items))


def column_chart(
    caption: str,
    columns: list[Column],
    alt: str,
    note: str = "",
    scale: float | None = None,
    half_line: bool = False,
) -> str:
    """Vertical columns (periods in time order), labelled underneath (every few columns when
    there are many); to a screen reader one image, described by ``alt``. A column of height
    ``scale`` fills the chart (default: the tallest column does); ``half_line`` draws a line
    at half the height (parity, for shares)."""
    top = scale or max((c.value or 0 for c in columns), default=0) or 1
    every = max(1, math.ceil(len(columns) / _COLUMN_LABELS))
    bars = "".join(
        f'<span class="ov-col" title="{escape(c.label)}: {escape(c.text)}">'
        f'<span class="ov-col-bar{" ov-none" if c.value is None else ""}" '
        f'style="height:{_percent(c.value or 0, top)}"></span></span>'
        for c in columns
    )
    labels = "".join(
        f"<span>{escape(c.label) if i % every == 0 else ''}</span>" for i, c in enumerate(columns)
    )
    note_html = f'<p class="ov-note">{escape(note)}</p>' if note else ""
    return (
        f'<figure class="ov-chart"><figcaption>{escape(caption)}</figcaption>'
        f'<div role="img" aria-label="{escape(alt)}">'
        f'<div class="ov-cols{" ov-half" if half_line else ""}">{bars}</div>'
        f'<div class="ov-col-labels" aria-hidden="true">{labels}</div></div>'
        f"{note_html}</figure>"
    )


def legend(items: list[Segment]) -> str:
    """Colour swatches with what each colour stands for."""
    spans = "".join(
        f'<span><span class="ov-swatch" style="background:{s.colour}"></span>'
        f"{escape(s.name)}</span>"
        for s in items
    )
    return f'<p class="ov-legend">{spans}</p>'


def _figure(caption: str, rows: str, after: str = "") -> str:
    if after and not after.startswith("<"):
        after = f'<p class="ov-note">{escape(after)}</p>'
    return (
        f'<figure class="ov-chart"><table class="ov-bars"><caption>{escape(caption)}</caption>'
        f"<tbody>{rows}</tbody></table>{after}</figure>"
    )


def _percent(value: float, top: float) -> str:
    """``value`` as a CSS percentage of ``top`` (0% to 100%)."""
    share = value / top if top > 0 else 0.0
    return f"{max(0.0, min(1.0, share)) * 100:.1f}%"
