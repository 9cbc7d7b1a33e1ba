from __future__ import annotations

import sys

import pandas as pd
import pytest
from corpus_samples import write_news
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from toolkit import plots
from toolkit.corpus import Corpus, analyze_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    news = write_news(tmp_path_factory.mktemp("plots"))
    return analyze_corpus(news, workers=1, progress=False).deduplicated()


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
