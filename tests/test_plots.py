from __future__ import annotations

import inspect
import sys

import pandas as pd
import pytest
from corpus_samples import write_desk, write_news
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from toolkit import display, plots
from toolkit.corpus import Corpus, analyze_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    news = write_news(tmp_path_factory.mktemp("plots"))
    return analyze_corpus(news, workers=1, progress=False).deduplicated()


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> Corpus:
    """Stories from three outlets over four weeks."""
    desk = write_desk(tmp_path_factory.mktemp("plots-dated"))
    return analyze_corpus(desk, workers=1, progress=False)


def bars(ax) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() > 0]


def labels_top_down(ax) -> list[str]:
    ticks = zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)
    return [label.get_text() for _, label in sorted(ticks, key=lambda t: -t[0])]


def test_top_actors_draws_one_bar_per_actor_with_its_mentions(corpus):
    table = corpus.top_actors(5)
    fig = plots.top_actors(corpus, n=5)
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert [b.get_width() for b in bars(ax)] == list(table["mentions"])
    assert labels_top_down(ax) == list(table["actor"])  # the most mentioned on top


def test_top_actors_accepts_the_table(corpus):
    table = corpus.top_actors(3)
    fig = plots.top_actors(table)
    assert len(bars(fig.axes[0])) == 3


def test_top_actors_by_topic_has_a_panel_per_topic(corpus):
    fig = plots.top_actors_by_topic(corpus, n=3)
    titles = [ax.get_title() for ax in fig.axes if ax.get_visible() and ax.axison]
    assert titles == ["business", "politics", "tech"]
    table = corpus.top_actors(3, by="topic")
    for ax in fig.axes[:3]:
        expected = table.loc[table["topic"] == ax.get_title(), "mentions"]
        assert [b.get_width() for b in bars(ax)] == list(expected)


def test_voice_share_stacks_quoted_and_only_mentioned_articles(corpus):
    table = corpus.voice_share(6, kind=None)
    fig = plots.voice_share(corpus, n=6, kind=None)
    widths = [b.get_width() for b in fig.axes[0].patches]
    quoted, only = widths[: len(table)], widths[len(table) :]
    assert quoted == list(table["quoted_articles"])
    assert only == list(table["only_mentioned_articles"])
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == [
        "quoted",
        "only mentioned",
    ]


def test_co_mention_network_draws_nodes_and_links(corpus):
    nodes = corpus.top_actors(8)
    fig = plots.co_mention_network(corpus, n=8, min_articles=1)
    ax = fig.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    links = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(points[0].get_offsets()) == len(nodes)
    edges = corpus.co_mention_table(nodes["actor"])
    assert len(links[0].get_segments()) == len(edges) > 0
    assert sorted(t.get_text() for t in ax.texts) == sorted(nodes["actor"])


def test_co_mention_layout_is_deterministic(corpus):
    first = plots.co_mention_network(corpus, n=8).axes[0].collections[-1].get_offsets()
    again = plots.co_mention_network(corpus, n=8).axes[0].collections[-1].get_offsets()
    assert (first == again).all()


def test_readability_has_a_box_per_topic_for_each_measure(corpus):
    fig = plots.readability(corpus)
    assert [ax.get_title() for ax in fig.axes] == [
        m.replace("_", " ") for m in plots.READABILITY_MEASURES
    ]
    for ax in fig.axes:
        assert [t.get_text() for t in ax.get_xticklabels()] == ["business", "politics", "tech"]
        medians = [line.get_ydata()[0] for line in ax.lines[4::6]]  # boxplot: 6 lines per box
        assert len(medians) == 3


def test_readability_of_an_articles_table_as_a_whole(corpus):
    fig = plots.readability(corpus.articles, ["words"], by=None)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["all articles"]
    with pytest.raises(KeyError, match="no_such_measure"):
        plots.readability(corpus, ["no_such_measure"])


def test_empty_data_gives_a_figure_that_says_so():
    table = pd.DataFrame(columns=["actor", "kind", "mentions"])
    fig = plots.top_actors(table)
    assert [t.get_text() for t in fig.axes[0].texts] == ["no data"]


def test_plots_leave_pyplot_alone(corpus):
    before = sys.modules.get("matplotlib.pyplot")
    for fig in (
        plots.top_actors(corpus),
        plots.top_actors_by_topic(corpus),
        plots.voice_share(corpus),
        plots.co_mention_network(corpus),
        plots.readability(corpus),
    ):
        assert isinstance(fig, Figure)
    if before is None:
        assert "matplotlib.pyplot" not in sys.modules
    else:
        assert before.get_fignums() == []


# --- every chart: axis labels, a legend for what colour and size mean, a description ----------

CHARTS = [
    getattr(plots, name) for name in plots.__all__ if inspect.isfunction(getattr(plots, name))
]
CHARTS.append(display.actor_chart)


#: Charts of metadata: drawn on the corpus with dates and outlets.
DATED_CHARTS = (plots.actor_over_time, plots.outlet_comparison)


def draw(chart, corpus: Corpus, dated: Corpus) -> Figure:
    if chart in DATED_CHARTS:
        return chart(dated)
    if chart is display.actor_chart:
        busiest = corpus.articles.sort_values("n_quotes", kind="stable")["id"].iloc[-1]
        return chart(corpus.analysis(busiest))
    return chart(corpus)


def data_axes(fig: Figure) -> list:
    """The panels that draw data (not the hidden spare panels, not a network's bare canvas)."""
    return [ax for ax in fig.axes if ax.get_visible() and ax.axison]


def legend_entries(fig: Figure) -> list[tuple[str, str | None]]:
    """(label, colour) of every legend entry of the figure."""
    legends = [ax.get_legend() for ax in fig.axes if ax.get_legend()] + list(fig.legends)
    entries = []
    for legend in legends:
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
            colour = handle.get_color() if hasattr(handle, "get_marker") else handle.get_facecolor()
            entries.append((text.get_text(), to_hex(colour)))
    return entries


def colours_drawn(fig: Figure) -> set[str]:
    """The colours that tell data apart: bars, scatter points, and lines or dots with
    markers (not a box plot's outliers)."""
    colours = set()
    for ax in fig.axes:
        colours |= {to_hex(p.get_facecolor()) for p in bars(ax)}
        for points in (c for c in ax.collections if isinstance(c, PathCollection)):
            colours |= {to_hex(c) for c in points.get_facecolors()}
        for line in ax.lines:
            if line.get_marker() not in ("None", "", None) and line.get_label()[:1] != "_":
                colours.add(to_hex(line.get_color()))
    return colours


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
def test_every_chart_labels_its_axes(chart, corpus, dated):
    fig = draw(chart, corpus, dated)
    for ax in data_axes(fig):
        assert ax.get_xlabel() or fig.get_supxlabel(), ax.get_title()
        assert ax.get_ylabel() or fig.get_supylabel(), ax.get_title()


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
def test_every_chart_has_a_legend_for_its_colours_and_sizes(chart, corpus, dated):
    fig = draw(chart, corpus, dated)
    colours = colours_drawn(fig)
    entries = legend_entries(fig)
    if len(colours) > 1:
        assert colours <= {colour for _, colour in entries}
    for ax in fig.axes:
        for points in (c for c in ax.collections if isinstance(c, PathCollection)):
            if len(set(points.get_sizes())) > 1:
                assert any(label.startswith("size: ") for label, _ in entries)
        for lines in (c for c in ax.collections if isinstance(c, LineCollection)):
            if len(set(lines.get_linewidths())) > 1:
                assert any(label.startswith("width: ") for label, _ in entries)


@pytest.mark.parametrize("chart", CHARTS, ids=lambda f: f.__name__)
def test_every_chart_describes_itself_in_its_images_alt_text(chart, corpus, dated):
    fig = draw(chart, corpus, dated)
    description = fig.get_label()
    assert description.endswith(".") and len(description) > 60
    assert display.as_png(fig).alt == description
    assert display.as_svg(fig).alt == description
    assert repr(display.as_png(fig)) == f"PngImage(alt={description!r})"  # no bytes in text


def test_top_actors_description_names_each_bar():
    table = pd.DataFrame(
        {
            "actor": ["Ines Marlow", "Harbour Board"],
            "kind": ["person", "organization"],
            "mentions": [7, 3],
        }
    )
    assert plots.top_actors(table).get_label() == (
        "Bar chart of the 2 most mentioned actors by mentions: "
        "Ines Marlow (person) 7; Harbour Board (organization) 3."
    )


def test_voice_share_description_gives_each_share():
    table = pd.DataFrame(
        {
            "actor": ["Ines Marlow", "Teo Vance"],
            "quoted_articles": [3, 0],
            "only_mentioned_articles": [1, 2],
        }
    )
    assert plots.voice_share(table).get_label() == (
        "Stacked bar chart of the articles where each of the 2 most mentioned people is quoted "
        "or only mentioned: Ines Marlow quoted in 3 of 4 (75%); Teo Vance quoted in 0 of 2 (0%)."
    )


def test_co_mention_network_description_lists_actors_and_links():
    nodes = pd.DataFrame(
        {
            "actor": ["Ines Marlow", "Teo Vance", "Kelso"],
            "kind": ["person", "person", "place"],
            "mentions": [9, 4, 2],
        }
    )
    edges = pd.DataFrame({"actor_a": ["Ines Marlow"], "actor_b": ["Teo Vance"], "articles": [3]})
    fig = plots.co_mention_network((nodes, edges))
    assert fig.get_label() == (
        "Network of the co-mentions of the 3 most mentioned actors (node size: mentions; "
        "colour: kind), linked when named in one sentence in at least 2 articles (line width: "
        "articles). Actors, with their mentions: Ines Marlow (person) 9; Teo Vance (person) 4; "
        "Kelso (place) 2. "
        "Links: Ines Marlow and Teo Vance (3 articles)."
    )
    assert [label for label, _ in legend_entries(fig)] == [
        "person",
        "place",
        "size: mentions (2 to 9)",
        "width: articles together (3)",
    ]


def test_readability_description_gives_the_medians_and_axes_their_scales():
    articles = pd.DataFrame(
        {"topic": ["arts", "arts", "farming"], "flesch_reading_ease": [60.0, 70.0, 41.5]}
    )
    fig = plots.readability(articles, ["flesch_reading_ease"])
    assert fig.get_label() == (
        "Box plots of flesch reading ease by topic, with the medians: "
        "flesch reading ease: arts 65.0, farming 41.5."
    )
    assert (fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()) == (
        "topic",
        "0-100, higher is easier",
    )


def test_an_empty_chart_says_so_in_its_description():
    table = pd.DataFrame(columns=["actor", "kind", "mentions"])
    assert plots.top_actors(table).get_label() == "Most mentioned actors: no data."


def test_a_kind_outside_the_palette_is_grey_and_called_other_in_the_legend():
    table = pd.DataFrame(
        {"actor": ["Ines Marlow", "Spring Fair"], "kind": ["person", "event"], "mentions": [5, 2]}
    )
    fig = plots.top_actors(table)
    assert colours_drawn(fig) == {"#0072b2", "#7f7f7f"}
    assert legend_entries(fig) == [("person", "#0072b2"), ("other", "#7f7f7f")]


# --- charts of metadata: actors over time, outlets side by side -------------------------------


def test_actor_over_time_draws_a_line_per_actor_through_every_period(dated):
    table = dated.by(period="week").actors(["Teo Vance", "Ines Marlow"])
    fig = plots.actor_over_time(dated, ["Teo Vance", "Ines Marlow"], period="week")
    ax = fig.axes[0]
    lines = {line.get_label(): list(line.get_ydata()) for line in ax.lines}
    assert lines == {
        "Teo Vance": list(table.loc[table["actor"] == "Teo Vance", "mentions"]),
        "Ines Marlow": [3, 0, 2, 0],
    }
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("week starting", "mentions")
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["Teo Vance", "Ines Marlow"]


def test_actor_over_time_per_outlet_is_small_multiples_on_shared_axes(dated):
    fig = plots.actor_over_time(dated, ["Teo Vance"], period="week", by_outlet=True)
    panels = data_axes(fig)
    assert [ax.get_title() for ax in panels] == ["Kelso Courier", "North Bay Post", "The Ledger"]
    assert [list(ax.lines[0].get_ydata()) for ax in panels] == [
        [1, 0, 1, 0],
        [0, 0, 1, 0],
        [1, 2, 0, 0],
    ]
    assert panels[0].get_shared_y_axes().joined(panels[0], panels[2])
    assert fig.get_supylabel() == "mentions"


def test_actor_over_time_of_voice_share_leaves_weeks_without_quotations_blank():
    table = pd.DataFrame(
        {
            "period": pd.to_datetime(["2024-03-04", "2024-03-11", "2024-03-18"], utc=True),
            "actor": ["Ines Marlow"] * 3,
            "voice_share": [0.5, float("nan"), 0.25],
        }
    )
    fig = plots.actor_over_time(table, measure="voice_share", period="week")
    assert fig.axes[0].get_ylabel() == "share of all quotations"
    assert fig.get_label() == (
        "Line chart of share of all quotations per week of Ines Marlow, from 2024-03-04 to "
        "2024-03-18. Ines Marlow peaks at 50% (week of 2024-03-04)."
    )
    with pytest.raises(ValueError, match="unknown measure 'fame'"):
        plots.actor_over_time(table, measure="fame")


def test_outlet_comparison_puts_a_dot_per_outlet_on_each_actors_row(dated):
    table = dated.by(outlet=True).actors(["Teo Vance", "Ines Marlow"])
    fig = plots.outlet_comparison(dated, ["Teo Vance", "Ines Marlow"])
    ax = fig.axes[0]
    dots = {line.get_label(): list(line.get_xdata()) for line in ax.lines}
    for outlet, values in dots.items():
        expected = table.loc[table["outlet"] == outlet, "voice_share"]
        assert values == pytest.approx(list(expected)), outlet
    assert labels_top_down(ax) == ["Teo Vance", "Ines Marlow"]
    assert ax.get_xlabel() == "share of the outlet's quotations"
    assert [label for label, _ in legend_entries(fig)] == [
        "Kelso Courier",
        "North Bay Post",
        "The Ledger",
    ]


def test_outlet_comparison_description_gives_each_value():
    table = pd.DataFrame(
        {
            "outlet": ["The Ledger", "Kelso Courier", "The Ledger", "Kelso Courier"],
            "actor": ["Ines Marlow", "Ines Marlow", "Teo Vance", "Teo Vance"],
            "mentions": [4, 1, 0, 3],
        }
    )
    fig = plots.outlet_comparison(table, measure="mentions")
    assert fig.get_label() == (
        "Dot plot of the mentions, in the outlet's articles (mentions) of 2 actors in 2 outlets "
        "(Kelso Courier, The Ledger). Ines Marlow: The Ledger 4, Kelso Courier 1; Teo Vance: "
        "The Ledger 0, Kelso Courier 3."
    )


def test_charts_of_metadata_without_dates_or_outlets_say_so(corpus):
    for chart in DATED_CHARTS:
        assert chart(corpus).get_label().endswith(": no data.")
