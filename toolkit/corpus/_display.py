"""A corpus as HTML in Jupyter: its headline figures, the most mentioned and most quoted
actors, and the first failures. Every value is escaped.

>>> _list_block("Most quoted", [])
"<div style='margin-right:2em'><b>Most quoted</b><ol style='margin:0'><li>none</li></ol></div>"
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["corpus_html"]


def corpus_html(summary: dict[str, Any], actors: pd.DataFrame, errors: pd.DataFrame) -> str:
    """The HTML of a corpus: ``summary`` is :meth:`Corpus.summary`, ``actors`` its
    :meth:`Corpus.actor_table`, ``errors`` its errors table."""
    top = actors.head(5)
    quoted = actors.sort_values(["quotes", "actor"], ascending=[False, True], kind="stable")
    quoted = quoted[quoted["quotes"] > 0].head(5)
    blocks = _list_block(
        "Most mentioned",
        [f"{a} ({m:,})" for a, m in zip(top["actor"], top["mentions"], strict=True)],
    ) + _list_block(
        "Most quoted",
        [f"{a} ({q:,})" for a, q in zip(quoted["actor"], quoted["quotes"], strict=True)],
    )
    return (
        "<div class='toolkit-corpus'><b>Corpus</b>"
        f"<div style='display:flex;align-items:flex-start'><table>{_figures(summary)}</table>"
        f"<div style='display:flex;margin-left:2em'>{blocks}</div></div>{_failures(errors)}</div>"
    )


def _figures(s: dict[str, Any]) -> str:
    figures = [
        ("articles", f"{s['articles']:,}"),
        ("duplicates", f"{s['duplicates']:,}" + _near(s)),
        ("failures", f"{s['failures']:,}"),
        ("words", f"{s['words']:,}"),
        ("distinct actors", f"{s['distinct_actors']:,}"),
        ("quotations", f"{s['quotes']:,}"),
    ]
    for name in ("topics", "outlets"):
        if s.get(name):
            figures.append((name, ", ".join(f"{k} ({v:,})" for k, v in s[name].items())))
    if s.get("first_date"):
        figures.append(("dates", f"{s['first_date']} to {s['last_date']}"))
    return "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
        f"<td style='text-align:left'>{html.escape(v)}</td></tr>"
        for k, v in figures
    )


def _near(summary: dict[str, Any]) -> str:
    near = summary.get("near_duplicates", 0)
    return f" ({near:,} near-duplicates)" if near else ""


def _list_block(title: str, items: list[str]) -> str:
    entries = "".join(f"<li>{html.escape(item)}</li>" for item in items) or "<li>none</li>"
    return (
        f"<div style='margin-right:2em'><b>{html.escape(title)}</b>"
        f"<ol style='margin:0'>{entries}</ol></div>"
    )


def _failures(errors: pd.DataFrame) -> str:
    if not len(errors):
        return ""
    shown = "".join(
        f"<li><code>{html.escape(str(m))}</code></li>" for m in errors["message"].head(5)
    )
    more = len(errors) - 5
    return (
        f"<details><summary>{len(errors):,} failed</summary><ul>{shown}</ul>"
        + (f"<p>and {more:,} more in <code>.errors</code></p>" if more > 0 else "")
        + "</details>"
    )
