"""Charts of a corpus: each function returns a matplotlib :class:`~matplotlib.figure.Figure`.

Figures are built without pyplot, so nothing leaks into pyplot's global state: show them in
Jupyter (they display as images), or save them from a script.

>>> from toolkit import plots
>>> fig = plots.top_actors(corpus, n=15)            # doctest: +SKIP
>>> fig.savefig("top-actors.png")                   # doctest: +SKIP

Every function takes a :class:`toolkit.Corpus`, or the table it would compute from it (for
example ``plots.top_actors(corpus.top_actors(30, kind="person"))``), so the numbers behind a
chart are always one call away.

Every figure carries a description of what it shows, its label (``fig.get_label()``):
:func:`toolkit.display.as_png` and :func:`~toolkit.display.as_svg` make it the image's
alternative text, for screen readers and exported notebooks.

>>> from toolkit.display import as_png
>>> image = as_png(plots.top_actors(corpus))         # doctest: +SKIP
>>> image.alt                                       # doctest: +SKIP
'Bar chart of the 20 most mentioned actors by mentions: ...'
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from toolkit import display

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from toolkit.corpus import Corpus

__all__ = [
    "GENDER_COLOURS",
    "KIND_COLOURS",
    "MEASURES",
    "READABILITY_MEASURES",
    "ROLE_COLOURS",
    "SERIES_COLOURS",
    "actor_over_time",
    "co_mention_network",
    "outlet_comparison",
    "readability",
    "role_mix",
    "top_actors",
    "top_actors_by_topic",
    "voice_share",
    "women_quoted",
    "women_quoted_over_time",
]

#: One colour per actor kind, the same in every chart and in the article reports.
KIND_COLOURS = display.KIND_COLOURS
_OTHER_COLOUR = display.OTHER_KIND_COLOUR
#: The measures :func:`readability` draws by default.
READABILITY_MEASURES = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog")
# The scale each readability measure is read on, as in the article reports: the y-axis label.
_SCALES = {field: note for field, _, _, note in display._READABILITY_FIELDS}
#: Colours for series (actors, outlets): the Okabe-Ito palette, told apart with the common
#: colour-vision deficiencies, in an order where neighbours contrast; then matplotlib's tab20.
SERIES_COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#000000",
    "#F0E442",
)
#: What :func:`actor_over_time` and :func:`outlet_comparison` can draw (columns of
#: :meth:`toolkit.corpus.CorpusGroups.actors`), and the axis label of each.
MEASURES = {
    "mentions": "mentions",
    "quotes": "quotations attributed",
    "articles": "articles mentioning",
    "mention_share": "share of all actor mentions",
    "voice_share": "share of all quotations",
}


def top_actors(data: Corpus | pd.DataFrame, n: int = 20, *, kind: str | None = None) -> Figure:
    """Horizontal bars: the ``n`` most mentioned actors, coloured by kind.

    ``data``: a corpus, or a table with ``actor``, ``kind`` and ``mentions`` columns
    (:meth:`Corpus.top_actors`).
    """
    table = _table(data, lambda c: c.top_actors(n, kind=kind)).head(n)
    fig = Figure(figsize=(7, 0.3 * max(len(table), 4) + 1.2), layout="constrained")
    ax = fig.add_subplot()
    title = f"Most mentioned {_kind_label(kind)}"
    if not _has_rows(ax, table, title):
        return fig
    _actor_bars(ax, table, "mentions")
    ax.set_xlabel("mentions")
    ax.set_ylabel(_kind_label(kind))
    ax.set_title(title)
    _kind_legend(ax, table["kind"])
    fig.set_label(
        f"Bar chart of the {len(table)} most mentioned {_kind_label(kind)} by mentions: "
        f"{_actor_counts(table)}."
    )
    return fig


def top_actors_by_topic(
    data: Corpus | pd.DataFrame,
    n: int = 8,
    *,
    by: str = "topic",
    kind: str | None = None,
    columns: int = 3,
) -> Figure:
    """One panel per topic (or other articles column ``by``): its ``n`` most mentioned actors.

    ``data``: a corpus, or a table with a ``by`` column (:meth:`Corpus.top_actors` with ``by``).
    """
    table = _table(data, lambda c: c.top_actors(n, by=by, kind=kind))
    groups = [] if table.empty else [g for g in table[by].dropna().unique()]
    if not groups:
        fig = Figure(figsize=(7, 3), layout="constrained")
        _has_rows(fig.add_subplot(), table, f"Most mentioned {_kind_label(kind)} by {by}")
        return fig
    columns = max(1, min(columns, len(groups)))
    rows = math.ceil(len(groups) / columns)
    fig = Figure(figsize=(4.2 * columns, (0.28 * n + 1.1) * rows), layout="constrained")
    axes = fig.subplots(rows, columns, squeeze=False).ravel()
    for ax, group in zip(axes, groups, strict=False):
        part = table[table[by] == group].head(n)
        _actor_bars(ax, part, "mentions")
        ax.set_title(str(group))
        ax.tick_params(axis="y", labelsize=8)
    for ax in axes[len(groups) :]:
        ax.set_axis_off()
    fig.suptitle(f"Most mentioned {_kind_label(kind)} by {by}")
    fig.supxlabel("mentions")
    fig.supylabel(_kind_label(kind))
    _kind_legend(axes[0], table["kind"])
    parts = [f"{g}: {_actor_counts(table[table[by] == g].head(n), ', ')}" for g in groups]
    fig.set_label(
        f"Bar charts of the most mentioned {_kind_label(kind)} by {by}, by mentions. "
        + ". ".join(parts)
        + "."
    )
    return fig


def voice_share(data: Corpus | pd.DataFrame, n: int = 20, *, kind: str | None = "person") -> Figure:
    """Who is quoted versus only mentioned: for the ``n`` most mentioned actors, stacked bars of
    the articles where they are quoted and those where they are only mentioned, with the share
    quoted at the end of each bar.

    ``data``: a corpus, or a table with ``actor``, ``quoted_articles`` and
    ``only_mentioned_articles`` columns (:meth:`Corpus.voice_share`).
    """
    table = _table(data, lambda c: c.voice_share(n, kind=kind)).head(n)
    fig = Figure(figsize=(7.5, 0.3 * max(len(table), 4) + 1.4), layout="constrained")
    ax = fig.add_subplot()
    title = f"Quoted or only mentioned: the {len(table)} most mentioned {_kind_label(kind)}"
    if not _has_rows(ax, table, title):
        return fig
    y = np.arange(len(table))[::-1]
    quoted = table["quoted_articles"].to_numpy()
    only = table["only_mentioned_articles"].to_numpy()
    ax.barh(y, quoted, color="#c44e52", label="quoted")
    ax.barh(y, only, left=quoted, color="#d0d0d0", label="only mentioned")
    for yi, q, o in zip(y, quoted, only, strict=True):
        share = q / (q + o) if q + o else 0.0
        ax.text(q + o, yi, f" {share:.0%}", va="center", fontsize=8)
    ax.set_yticks(y, table["actor"].astype(str))
    ax.set_xlabel("articles")
    ax.set_ylabel(_kind_label(kind))
    ax.set_title(title)
    ax.legend(loc="lower right", frameon=False)
    ax.margins(x=0.08)
    shares = "; ".join(
        f"{a} quoted in {q} of {q + o}" + (f" ({q / (q + o):.0%})" if q + o else "")
        for a, q, o in zip(table["actor"], quoted, only, strict=True)
    )
    fig.set_label(
        f"Stacked bar chart of the articles where each of the {len(table)} most mentioned "
        f"{_kind_label(kind)} is quoted or only mentioned: {shares}."
    )
    return fig


def co_mention_network(
    data: Corpus | tuple[pd.DataFrame, pd.DataFrame],
    n: int = 25,
    *,
    kind: str | None = None,
    min_articles: int = 2,
    seed: int = 0,
) -> Figure:
    """The ``n`` most mentioned actors as nodes (sized by mentions, coloured by kind), linked
    when they are named in the same sentence in at least ``min_articles`` articles (line
    width: the number of such articles). The layout is a seeded force-directed one: the same data gives
    the same picture.

    ``data``: a corpus, or ``(nodes, edges)``: a table with ``actor``, ``kind``, ``mentions``
    (:meth:`Corpus.top_actors`) and one with ``actor_a``, ``actor_b``, ``articles``
    (:meth:`Corpus.co_mention_table`).
    """
    if isinstance(data, tuple):
        nodes, edges = data
    else:
        nodes = data.top_actors(n, kind=kind)
        edges = data.co_mention_table(nodes["actor"])
    nodes = nodes.head(n).reset_index(drop=True)
    names = list(nodes["actor"].astype(str))
    index = {name: i for i, name in enumerate(names)}
    edges = edges[
        edges["actor_a"].isin(index)
        & edges["actor_b"].isin(index)
        & (edges["articles"] >= min_articles)
    ]
    fig = Figure(figsize=(9, 7.5), layout="constrained")
    ax = fig.add_subplot()
    title = f"Co-mentions of the {len(names)} most mentioned {_kind_label(kind)}"
    if not _has_rows(ax, nodes, title):
        return fig
    pairs = [(index[a], index[b]) for a, b in zip(edges["actor_a"], edges["actor_b"], strict=True)]
    weights = edges["articles"].to_numpy(dtype=float)
    pos = _force_layout(len(names), pairs, weights, seed=seed)
    if pairs:
        segments = [(pos[i], pos[j]) for i, j in pairs]
        widths = 0.5 + 4.5 * weights / weights.max()
        ax.add_collection(
            LineCollection(segments, linewidths=widths, colors="#999999", alpha=0.5, zorder=1)
        )
    mentions = nodes["mentions"].to_numpy(dtype=float)
    sizes = 80 + 1400 * mentions / max(mentions.max(), 1)
    colours = [KIND_COLOURS.get(str(k), _OTHER_COLOUR) for k in nodes["kind"]]
    ax.scatter(pos[:, 0], pos[:, 1], s=sizes, c=colours, edgecolors="white", zorder=2)
    for (x, y), name in zip(pos, names, strict=True):
        ax.annotate(name, (x, y), ha="center", va="center", fontsize=8, zorder=3)
    ax.set_title(f"{title}\nlinked when named in one sentence, in at least {min_articles} articles")
    ax.set_axis_off()
    ax.margins(0.12)
    _network_legend(ax, nodes, weights)
    fig.set_label(_network_description(title, nodes, edges, min_articles))
    return fig


def readability(
    data: Corpus | pd.DataFrame,
    measures: Sequence[str] = READABILITY_MEASURES,
    *,
    by: str | None = "topic",
) -> Figure:
    """Distributions of readability measures per topic (or other articles column ``by``;
    ``None`` for the corpus as a whole): one box plot panel per measure.

    ``data``: a corpus, or its ``articles`` table.
    """
    articles = data if isinstance(data, pd.DataFrame) else data.articles
    missing = [m for m in measures if m not in articles]
    if missing:
        raise KeyError(f"no such statistics in the articles table: {', '.join(missing)}")
    fig = Figure(figsize=(4.2 * max(len(measures), 1), 4.2), layout="constrained")
    axes = fig.subplots(1, max(len(measures), 1), squeeze=False).ravel()
    if by is None:
        groups = {"all articles": articles}
    else:
        groups = {str(k): g for k, g in articles.groupby(by, observed=True, sort=True)}
    medians = []
    for ax, measure in zip(axes, measures, strict=False):
        name = measure.replace("_", " ")
        series = {k: g[measure].dropna().to_numpy(dtype=float) for k, g in groups.items()}
        series = {k: v for k, v in series.items() if len(v)}
        if not _has_rows(ax, pd.DataFrame({"n": list(series)}), name):
            medians.append(f"{name}: no data")
            continue
        ax.boxplot(list(series.values()), showfliers=True, widths=0.6)
        ax.set_xticks(range(1, len(series) + 1), list(series), rotation=30, ha="right")
        ax.set_title(name)
        ax.set_xlabel(by or "articles")
        ax.set_ylabel(_SCALES.get(measure, name))
        ax.grid(axis="y", alpha=0.3)
        groups_text = ", ".join(f"{k} {np.median(v):.1f}" for k, v in series.items())
        medians.append(f"{name}: {groups_text}")
    fig.suptitle("Readability" + (f" by {by}" if by else ""))
    fig.set_label(
        f"Box plots of {', '.join(m.replace('_', ' ') for m in measures)}"
        + (f" by {by}" if by else "")
        + f", with the medians: {'; '.join(medians)}."
    )
    return fig


def actor_over_time(
    data: Corpus | pd.DataFrame,
    actors: Sequence[str] | None = None,
    *,
    n: int = 5,
    period: str = "month",
    measure: str = "mentions",
    by_outlet: bool = False,
    kind: str | None = "person",
    columns: int = 3,
) -> Figure:
    """Lines over time: ``measure`` (see :data:`MEASURES`) of each actor per ``period``
    (``"day"``, ``"week"``, ``"month"``, ``"quarter"``, ``"year"``); with ``by_outlet``, one
    panel per outlet on shared axes (small multiples). ``actors``: display names or keys
    (default: the ``n`` most mentioned, of ``kind``). Periods without a mention count 0.

    ``data``: a corpus, or a table with ``period``, ``actor``, the measure (and ``outlet``)
    columns (:meth:`Corpus.by(period=..., outlet=...).actors(actors)
    <toolkit.corpus.CorpusGroups.actors>`).

    >>> plots.actor_over_time(corpus, ["Ines Marlow", "Teo Vance"], period="week")  # doctest: +SKIP
    """
    _check_measure(measure)
    if isinstance(data, pd.DataFrame):
        table = data
    else:
        actors = list(actors) if actors is not None else _top_names(data, n, kind)
        groups = data.by(outlet=by_outlet, period=period)
        table = groups.actors(actors) if actors else pd.DataFrame()
    panels = _panels(table, by_outlet and "outlet" in table)
    names = list(dict.fromkeys(table["actor"].astype(str))) if len(table) else []
    colours = _series_colours(names)
    title = f"{MEASURES[measure].capitalize()} per {period}"
    if None not in panels:
        title += ", by outlet"
    fig, axes = _small_multiples(len(panels), columns, width=6.5, height=3.4)
    if not _has_rows(axes[0], table, title):
        return fig
    for ax, (panel, rows) in zip(axes, panels.items(), strict=False):
        for name in names:
            line = rows[rows["actor"].astype(str) == name].sort_values("period")
            ax.plot(
                line["period"], line[measure], marker="o", ms=3, color=colours[name], label=name
            )
        if panel is not None:
            ax.set_title(str(panel))
        ax.grid(alpha=0.3)
        _date_axis(ax, table["period"], integer=not measure.endswith("_share"))
    for ax in axes[len(panels) :]:
        ax.set_axis_off()
    for ax in axes[: len(panels)]:  # dates under every panel, not only the bottom row's
        ax.tick_params(axis="x", labelbottom=True)
    _label_axes(fig, axes, panels, f"{period} starting", MEASURES[measure])
    handles = [_line_handle(colours[name], name) for name in names]
    fig.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=8)
    fig.suptitle(title)
    fig.set_label(_over_time_description(panels, names, measure, period))
    return fig


def outlet_comparison(
    data: Corpus | pd.DataFrame,
    actors: Sequence[str] | None = None,
    *,
    n: int = 10,
    measure: str = "voice_share",
    kind: str | None = "person",
) -> Figure:
    """Outlets side by side: for each actor (a row), a dot per outlet at its ``measure`` in
    that outlet's coverage (see :data:`MEASURES`; by default its share of the outlet's
    quotations: who each outlet lets speak). ``actors``: display names or keys (default: the
    ``n`` most mentioned in the whole corpus, of ``kind``).

    ``data``: a corpus, or a table with ``outlet``, ``actor`` and the measure columns
    (:meth:`Corpus.by(outlet=True).actors(actors) <toolkit.corpus.CorpusGroups.actors>`).

    >>> plots.outlet_comparison(corpus, n=8)  # doctest: +SKIP
    """
    _check_measure(measure)
    ylabel = "actors" if actors is not None or isinstance(data, pd.DataFrame) else None
    if isinstance(data, pd.DataFrame):
        table = data
    else:
        actors = list(actors) if actors is not None else _top_names(data, n, kind)
        table = data.by(outlet=True).actors(actors) if actors else pd.DataFrame()
    names = list(dict.fromkeys(table["actor"].astype(str))) if len(table) else []
    outlets = sorted(set(table["outlet"].astype(str))) if len(table) else []
    fig = Figure(figsize=(7.5, 0.45 * max(len(names), 4) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    title = f"{_outlet_measure_label(measure).capitalize()}, by outlet"
    if not _has_rows(ax, table, title):
        return fig
    colours = _series_colours(outlets)
    y = {name: i for i, name in enumerate(reversed(names))}
    # The outlets of a row from top to bottom, in the legend's order.
    offsets = np.linspace(0.25, -0.25, len(outlets)) if len(outlets) > 1 else [0.0]
    for outlet, offset in zip(outlets, offsets, strict=True):
        rows = table[table["outlet"].astype(str) == outlet]
        ys = [y[str(a)] + offset for a in rows["actor"]]
        ax.plot(rows[measure], ys, ls="", marker="o", ms=6, color=colours[outlet], label=outlet)
    ax.set_yticks(list(y.values()), list(y))
    ax.set_xlabel(_outlet_measure_label(measure))
    ax.set_ylabel(ylabel or _kind_label(kind))
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    if measure.endswith("_share"):
        from matplotlib.ticker import FuncFormatter

        ax.xaxis.set_major_formatter(FuncFormatter(_percent_tick))
    handles = [_line_handle(colours[o], o, line=False) for o in outlets]
    fig.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=8)
    fig.set_label(_outlet_description(table, names, outlets, measure))
    return fig


# --- helpers --------------------------------------------------------------------------------


def _check_measure(measure: str) -> None:
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}: choose one of {', '.join(MEASURES)}")


def _top_names(corpus: Corpus, n: int, kind: str | None) -> list[str]:
    return list(corpus.top_actors(n, kind=kind)["actor"])


def _series_colours(names: Sequence[str]) -> dict[str, str]:
    """A colour per name: the palette's, then tab20's (beyond eight series)."""
    from matplotlib import colormaps
    from matplotlib.colors import to_hex

    extra = [to_hex(c) for c in colormaps["tab20"].colors]
    palette = [*SERIES_COLOURS, *extra]
    return {name: palette[i % len(palette)] for i, name in enumerate(names)}


def _line_handle(colour: str, label: str, *, line: bool = True):
    from matplotlib.lines import Line2D

    return Line2D([], [], color=colour, marker="o", ms=5, ls="-" if line else "", label=label)


def _panels(table: pd.DataFrame, by_outlet: bool) -> dict:
    """Rows per panel: per outlet, or all in one panel (key None)."""
    if not by_outlet or not len(table):
        return {None: table}
    return {o: rows for o, rows in table.groupby("outlet", observed=True, sort=True)}


def _small_multiples(count: int, columns: int, *, width: float, height: float):
    columns = max(1, min(columns, count))
    rows = math.ceil(count / columns)
    fig = Figure(figsize=(width if count == 1 else 4.3 * columns, height * rows + 0.6))
    fig.set_layout_engine("constrained")
    axes = fig.subplots(rows, columns, squeeze=False, sharex=True, sharey=True).ravel()
    return fig, list(axes)


def _label_axes(fig: Figure, axes: list, panels: dict, xlabel: str, ylabel: str) -> None:
    if len(panels) == 1:
        axes[0].set_xlabel(xlabel)
        axes[0].set_ylabel(ylabel)
        return
    fig.supxlabel(xlabel)
    fig.supylabel(ylabel)


def _date_axis(ax: Axes, dates: pd.Series, *, integer: bool) -> None:
    """Dates as short as they can be told apart (one date: itself); whole numbers on a
    count axis."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DateFormatter
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    unique = pd.Series(dates.unique())
    if len(unique) == 1:
        ax.set_xticks(list(unique))
        ax.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
    else:
        locator = AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    if integer:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        ax.yaxis.set_major_formatter(FuncFormatter(_percent_tick))


def _percent_tick(value: float, _position: int) -> str:
    return f"{value:.0%}"


def _outlet_measure_label(measure: str) -> str:
    if measure == "voice_share":
        return "share of the outlet's quotations"
    if measure == "mention_share":
        return "share of the outlet's actor mentions"
    return f"{MEASURES[measure]}, in the outlet's articles"


def _number(value: float, measure: str) -> str:
    if pd.isna(value):
        return "no quotations"
    return f"{value:.0%}" if measure.endswith("_share") else f"{value:g}"


def _over_time_description(panels: dict, names: list[str], measure: str, period: str) -> str:
    """Per panel and actor: the total (or the mean share) and the peak, with its period."""
    parts = []
    for panel, rows in panels.items():
        per_actor = []
        for name in names:
            line = rows[rows["actor"].astype(str) == name].dropna(subset=[measure])
            if not len(line):
                continue
            peak = line.loc[line[measure].idxmax()]
            if not peak[measure]:
                per_actor.append(f"{name} {_number(0, measure)} throughout")
                continue
            when = pd.Timestamp(peak["period"]).date().isoformat()
            per_actor.append(
                f"{name} peaks at {_number(peak[measure], measure)} ({period} of {when})"
            )
        where = f"{panel}: " if panel is not None else ""
        parts.append(where + ("; ".join(per_actor) or "no data"))
    periods = pd.concat([rows["period"] for rows in panels.values()])
    span = f"from {periods.min().date().isoformat()} to {periods.max().date().isoformat()}"
    shape = (
        f"Line charts, one per outlet ({', '.join(str(p) for p in panels)}),"
        if None not in panels
        else "Line chart"
    )
    return (
        f"{shape} of {MEASURES[measure]} per {period} of {', '.join(names)}, {span}. "
        + ". ".join(parts)
        + "."
    )


def _outlet_description(
    table: pd.DataFrame, names: list[str], outlets: list[str], measure: str
) -> str:
    """Per actor: its measure in each outlet."""
    parts = []
    for name in names:
        rows = table[table["actor"].astype(str) == name]
        values = ", ".join(
            f"{o} {_number(v, measure)}"
            for o, v in zip(rows["outlet"].astype(str), rows[measure], strict=True)
        )
        parts.append(f"{name}: {values}")
    return (
        f"Dot plot of the {_outlet_measure_label(measure)} ({MEASURES[measure]}) of "
        f"{len(names)} actors in {len(outlets)} outlets ({', '.join(outlets)}). "
        + "; ".join(parts)
        + "."
    )


def _table(data, compute) -> pd.DataFrame:
    return data if isinstance(data, pd.DataFrame) else compute(data)


def _kind_label(kind: str | None) -> str:
    return {
        None: "actors",
        "person": "people",
        "organization": "organisations",
        "place": "places",
    }.get(kind, f"{kind} actors")


def _has_rows(ax: Axes, table: pd.DataFrame, title: str) -> bool:
    if len(table):
        return True
    ax.set_title(title)
    ax.figure.set_label(f"{title}: no data.")
    ax.text(0.5, 0.5, "no data", ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()
    return False


def _actor_bars(ax: Axes, table: pd.DataFrame, column: str) -> None:
    y = np.arange(len(table))[::-1]
    colours = [KIND_COLOURS.get(str(k), _OTHER_COLOUR) for k in table["kind"]]
    ax.barh(y, table[column].to_numpy(), color=colours)
    ax.set_yticks(y, table["actor"].astype(str))
    ax.grid(axis="x", alpha=0.3)


def _kind_legend(ax: Axes, kinds: pd.Series) -> None:
    handles = _kind_handles(kinds)
    if handles:
        ax.legend(handles=handles, loc="lower right", frameon=False, fontsize=8)


def _kind_handles(kinds: pd.Series) -> list:
    """A legend entry for each actor kind present, in the palette's order; one for the rest."""
    from matplotlib.patches import Patch

    present = set(kinds.astype(str))
    handles = [Patch(color=KIND_COLOURS[k], label=k) for k in KIND_COLOURS if k in present]
    if present - set(KIND_COLOURS):
        handles.append(Patch(color=_OTHER_COLOUR, label="other"))
    return handles


def _actor_counts(table: pd.DataFrame, sep: str = "; ") -> str:
    """``"Anna Keller (person) 12; Geneva (place) 3"``: actors, kinds and mentions."""
    return sep.join(
        f"{actor} ({kind}) {mentions}"
        for actor, kind, mentions in zip(
            table["actor"], table["kind"], table["mentions"], strict=True
        )
    )


def _network_legend(ax: Axes, nodes: pd.DataFrame, weights: np.ndarray) -> None:
    """Below the network: the colour of each kind, and what node size and line width count."""
    from matplotlib.lines import Line2D

    handles = _kind_handles(nodes["kind"])
    low, high = int(nodes["mentions"].min()), int(nodes["mentions"].max())
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            ls="",
            ms=9,
            color="#999999",
            label=f"size: mentions ({_range(low, high)})",
        )
    )
    if len(weights):
        low, high = int(weights.min()), int(weights.max())
        handles.append(
            Line2D(
                [],
                [],
                lw=2.5,
                color="#999999",
                label=f"width: articles together ({_range(low, high)})",
            )
        )
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        ncols=min(len(handles), 3),
        frameon=False,
        fontsize=8,
    )


def _range(low: int, high: int) -> str:
    return str(low) if low == high else f"{low} to {high}"


def _network_description(
    title: str, nodes: pd.DataFrame, edges: pd.DataFrame, min_articles: int, most: int = 20
) -> str:
    """What the network shows, in words: its actors, then its ``most`` heaviest links."""
    heaviest = edges.sort_values("articles", ascending=False, kind="stable")
    links = [
        f"{a} and {b} ({n} articles)"
        for a, b, n in zip(
            heaviest["actor_a"], heaviest["actor_b"], heaviest["articles"], strict=True
        )
    ]
    more = f"; and {len(links) - most} more" if len(links) > most else ""
    return (
        f"Network of the {title[0].lower()}{title[1:]} (node size: mentions; colour: kind), "
        f"linked when named in one sentence in at least {min_articles} articles (line width: "
        f"articles). Actors, with their mentions: {_actor_counts(nodes)}. "
        + (f"Links: {'; '.join(links[:most])}{more}." if links else "No links.")
    )


def _force_layout(
    count: int,
    pairs: list[tuple[int, int]],
    weights: np.ndarray,
    *,
    seed: int = 0,
    iterations: int = 300,
    gravity: float = 1.0,
) -> np.ndarray:
    """Fruchterman-Reingold: linked nodes attract (more with heavier links), all nodes repel.
    Returns ``count`` x 2 positions in the unit square; deterministic for a given ``seed``."""
    rng = np.random.default_rng(seed)
    if count == 1:
        return np.array([[0.5, 0.5]])
    pos = rng.random((count, 2))
    k = math.sqrt(1.0 / count)
    strength = np.zeros((count, count))
    if pairs:
        scaled = weights / weights.max()
        for (i, j), w in zip(pairs, scaled, strict=True):
            strength[i, j] = strength[j, i] = 0.3 + w
    temperature = 0.1
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        repulsion = (k * k / distance**2)[:, :, None] * delta
        attraction = (strength * distance / k)[:, :, None] * delta
        force = (repulsion - attraction).sum(axis=1)
        # Gravity towards the centre keeps actors with few or no links from drifting away
        # (which would squeeze the rest of the picture into a corner).
        force += (pos.mean(axis=0) - pos) * gravity
        length = np.maximum(np.linalg.norm(force, axis=1, keepdims=True), 1e-9)
        pos += force / length * np.minimum(length, temperature)
        temperature = max(temperature * 0.98, 0.002)
    span = pos.max(axis=0) - pos.min(axis=0)
    return (pos - pos.min(axis=0)) / np.where(span > 0, span, 1)


# --- source diversity: who is quoted, by inferred gender and by role ---------------------------

#: Colours of the inferred genders in the source-diversity charts (colour-blind safe).
GENDER_COLOURS = {"female": "#D55E00", "male": "#56B4E9"}
_GENDER_LABELS = {"female": "women", "male": "men"}
#: One colour per role (:data:`toolkit.actors.ROLES`); ``unknown`` is light grey.
ROLE_COLOURS = {
    "politician": "#332288",
    "official": "#88CCEE",
    "expert": "#44AA99",
    "business": "#117733",
    "police_military": "#999933",
    "advocacy": "#DDCC77",
    "media": "#CC6677",
    "legal": "#882255",
    "sport": "#AA4499",
    "arts": "#E69F00",
    "citizen": "#0072B2",
    "unknown": "#DDDDDD",
}
_DIVERSITY_MEASURES = {
    "people_quoted": "people quoted",
    "people_mentioned": "people mentioned",
    "quotes": "quotations",
    "words_quoted": "words quoted",
}


def women_quoted(data: Corpus | pd.DataFrame, *, by: str | None = "outlet") -> Figure:
    """Stacked bars per outlet (or other articles column ``by``; the whole corpus when
    ``None`` or when the articles have no such column): the shares of women and of men among
    the people quoted with a known **inferred** gender, with n (and how many are unknown).

    ``data``: a corpus, or its :meth:`Corpus.diversity` table with a ``by`` column.
    """
    table, by, note = _diversity_of(data, by)
    gender = _gender_counts(table, [by] if by else [])
    fig = Figure(figsize=(8.5, 0.35 * max(len(gender), 3) + 1.8), layout="constrained")
    ax = fig.add_subplot()
    title = f"Share of women among people quoted (inferred gender){_by_text(by)}{note}"
    if not _has_rows(ax, gender[gender["known"] > 0], title):
        return fig
    y = np.arange(len(gender))[::-1]
    left = np.zeros(len(gender))
    for name, colour in GENDER_COLOURS.items():
        share = gender[name].to_numpy() / np.maximum(gender["known"].to_numpy(), 1)
        ax.barh(y, share, left=left, color=colour, label=_GENDER_LABELS[name])
        left += share
    ax.axvline(0.5, color="#555555", lw=0.8, ls="--")
    counts = zip(gender["label"], gender["known"], gender["unknown"], strict=True)
    ax.set_yticks(y, [f"{g} (n={k}" + (f", {u} unknown)" if u else ")") for g, k, u in counts])
    _share_axis(ax, "share of people quoted with a known inferred gender", by)
    ax.set_title(textwrap.fill(title, 70))
    fig.legend(loc="outside lower center", ncols=2, frameon=False)
    shares = "; ".join(
        f"{label} {_percent(f, k)} women of {k} quoted with a known gender"
        + (f" ({u} unknown)" if u else "")
        for label, f, k, u in zip(
            gender["label"], gender["female"], gender["known"], gender["unknown"], strict=True
        )
    )
    fig.set_label(
        "Stacked bar chart of the shares of women and men among people quoted "
        f"(inferred gender){_by_text(by)}{note}: {shares}."
    )
    return fig


def women_quoted_over_time(
    data: Corpus | pd.DataFrame,
    *,
    by: str | None = "outlet",
    period: str = "month",
    columns: int = 3,
) -> Figure:
    """Small multiples: per outlet (or other articles column ``by``; the whole corpus when
    ``None`` or when the articles have no such column), the share of women among the people
    quoted with a known **inferred** gender in each ``period`` (``week``, ``month``, ``year``
    of the articles' ``date``), each point marked with its n. A period where no one with a
    known gender is quoted is a gap.

    ``data``: a corpus, or its :meth:`Corpus.diversity` table with ``by`` and ``period``
    columns.
    """
    title = f"Share of women among people quoted (inferred gender) by {period}"
    if not isinstance(data, pd.DataFrame) and "date" not in data.articles:
        fig = Figure(figsize=(7, 3), layout="constrained")
        _has_rows(fig.add_subplot(), pd.DataFrame(), f"{title} (the articles have no date)")
        return fig
    table, by, note = _diversity_of(data, by, period)
    gender = _gender_counts(table, [by, period] if by else [period]).dropna(subset=[period])
    panels = list(gender[by].drop_duplicates()) if by else ["all articles"]
    cols = max(1, min(columns, len(panels)))
    rows = max(1, math.ceil(len(panels) / cols))
    fig = Figure(figsize=(4.4 * cols, 3.2 * rows + 0.8), layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False, sharex=True, sharey=True).ravel()
    title += (f", per {by}" if by else "") + note
    if not _has_rows(axes[0], gender, title):
        for ax in axes[1:]:
            ax.set_axis_off()
        return fig
    parts = []
    for ax, panel in zip(axes, panels, strict=False):
        part = gender[gender[by] == panel] if by else gender
        parts.append(_share_line(ax, part, str(panel), period))
    for ax in axes[len(panels) :]:
        ax.set_axis_off()
    fig.suptitle(title)
    fig.supxlabel(period)
    fig.supylabel("share of women among people quoted\nwith a known inferred gender")
    fig.set_label(
        f"Line charts of the {title[0].lower()}{title[1:]}, each point with n, the people "
        f"quoted with a known gender; the dashed line is 50%. {' '.join(parts)}"
    )
    return fig


def role_mix(
    data: Corpus | pd.DataFrame, *, by: str | None = "outlet", measure: str = "people_quoted"
) -> Figure:
    """Stacked bars per outlet (or other articles column ``by``; the whole corpus when
    ``None`` or when the articles have no such column): the share of each role among the
    people quoted (``measure``: or ``people_mentioned``, ``quotes``, ``words_quoted``), the
    unknown included, in grey, with n.

    ``data``: a corpus, or its :meth:`Corpus.diversity` table with a ``by`` column.
    """
    if measure not in _DIVERSITY_MEASURES:
        raise ValueError(f"measure must be one of {', '.join(_DIVERSITY_MEASURES)}")
    table, by, note = _diversity_of(data, by)
    what = _DIVERSITY_MEASURES[measure]
    roles = _pivot(table[table["dimension"] == "role"], [by] if by else [], measure)
    roles = roles.loc[:, roles.sum() > 0]
    fig = Figure(figsize=(8, 0.35 * max(len(roles), 3) + 2.2), layout="constrained")
    ax = fig.add_subplot()
    title = f"Roles of the {what}{_by_text(by)}{note}"
    if not _has_rows(ax, roles[roles.sum(axis=1) > 0], title):
        return fig
    totals = roles.sum(axis=1).to_numpy()
    y = np.arange(len(roles))[::-1]
    left = np.zeros(len(roles))
    for role in roles.columns:
        share = roles[role].to_numpy() / np.maximum(totals, 1)
        colour = ROLE_COLOURS.get(role, _OTHER_COLOUR)
        ax.barh(y, share, left=left, color=colour, label=_role_label(role))
        left += share
    ax.set_yticks(y, [f"{g} (n={n})" for g, n in zip(roles.index, totals, strict=True)])
    _share_axis(ax, f"share of {what}", by)
    ax.set_title(textwrap.fill(title, 70))
    fig.legend(loc="outside lower center", ncols=6, frameon=False, fontsize=8)
    mixes = "; ".join(
        f"{group} (n={n}): "
        + ", ".join(f"{_role_label(r)} {_percent(v, n)}" for r, v in row.items() if v)
        for (group, row), n in zip(roles.iterrows(), totals, strict=True)
    )
    fig.set_label(
        f"Stacked bar chart of the roles of the {what}{_by_text(by)}{note}, as shares: {mixes}."
    )
    return fig


def _diversity_of(data, by: str | None, *periods: str) -> tuple[pd.DataFrame, str | None, str]:
    """The diversity table (a corpus's, by ``by`` and ``periods``; or ``data`` itself), the
    ``by`` it has, and a note when the corpus's articles lack ``by`` or have no value in it
    (then it is left out)."""
    from toolkit.corpus._diversity import PERIODS

    if isinstance(data, pd.DataFrame):
        missing = [c for c in (by, *periods) if c and c not in data]
        if missing:
            raise KeyError(f"no column {missing[0]!r} in the diversity table")
        return data, by, ""
    note = ""
    articles = data.articles
    # A corpus of files has an outlet column too (empty): the same as none.
    if by is not None and by not in PERIODS and (by not in articles or articles[by].isna().all()):
        note = f" (the articles have no {by}: the whole corpus)"
        by = None
    return data.diversity(by=[k for k in (by, *periods) if k]), by, note


def _pivot(table: pd.DataFrame, by: list[str], measure: str) -> pd.DataFrame:
    """Groups of articles as rows (the corpus as one row), groups of people as columns: the
    sum of ``measure``."""
    frame = table if by else table.assign(corpus="all articles")
    wide = frame.pivot_table(
        index=by or ["corpus"],
        columns="group",
        values=measure,
        aggfunc="sum",
        sort=False,
        observed=True,
    )
    if not by:
        wide.index = wide.index.rename(None)
    wide.columns = [str(c) for c in wide.columns]
    return wide.fillna(0).astype("int64")


def _gender_counts(table: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """People quoted per group of articles: the ``by`` columns, female, male, unknown, known
    (female + male) and a label (the first ``by`` value)."""
    wide = _pivot(table[table["dimension"] == "gender"], by, "people_quoted")
    for name in ("female", "male", "unknown"):
        if name not in wide:
            wide[name] = 0
    wide["known"] = wide["female"] + wide["male"]
    wide = wide.reset_index(drop=not by)
    wide["label"] = wide[by[0]].astype(str) if by else "all articles"
    return wide


def _share_line(ax: Axes, part: pd.DataFrame, name: str, period: str) -> str:
    """One panel: the share of women per period, each point with its n; its description."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    share = part["female"] / part["known"].where(part["known"] > 0)
    ax.plot(part[period], share, marker="o", color=GENDER_COLOURS["female"])
    for x, s, n in zip(part[period], share, part["known"], strict=True):
        if n:
            ax.annotate(
                str(n),
                (x, s),
                textcoords="offset points",
                xytext=(0, 5),
                ha="center",
                fontsize=7,
                color="#555555",
            )
    female, known = int(part["female"].sum()), int(part["known"].sum())
    ax.set_title(f"{name}: {_percent(female, known)} of {known}", fontsize=10)
    ax.set_ylim(-0.05, 1.1)
    ax.yaxis.set_major_formatter("{x:.0%}")
    ax.axhline(0.5, color="#555555", lw=0.8, ls="--")
    ax.grid(alpha=0.3)
    ax.xaxis.set_major_locator(locator := AutoDateLocator(minticks=2, maxticks=6))
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.tick_params(axis="x", labelsize=8)
    points = ", ".join(
        f"{_period_text(x, period)} {_percent(f, k)} of {k}"
        for x, f, k in zip(part[period], part["female"], part["known"], strict=True)
    )
    return f"{name}: {points or 'no one quoted'}."


def _share_axis(ax: Axes, label: str, by: str | None) -> None:
    """A 0-100% x axis and the groups' y label."""
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.set_xlabel(label)
    ax.set_ylabel(by or "corpus")


def _role_label(role: str) -> str:
    return role.replace("_", " / ")


def _period_text(moment: pd.Timestamp, period: str) -> str:
    return moment.strftime({"year": "%Y", "month": "%Y-%m"}.get(period, "week of %Y-%m-%d"))


def _percent(part: float, whole: float) -> str:
    """``"25%"``; ``"<1%"`` rather than a 0% that is not one; ``"n/a"`` of nothing."""
    if not whole:
        return "n/a"
    return "<1%" if 0 < part / whole < 0.005 else f"{part / whole:.0%}"


def _by_text(by: str | None) -> str:
    return f" by {by}" if by else ""
