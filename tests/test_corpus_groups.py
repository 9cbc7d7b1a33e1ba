"""Corpus.by: mentions, quotations and voice share per outlet and per period, as tidy tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from corpus_samples import write_desk, write_news

from toolkit.corpus import Corpus, analyze_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return analyze_corpus(write_desk(tmp_path_factory.mktemp("groups")), workers=1, progress=False)


def weeks(*days: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(day, tz="UTC") for day in days]


def test_articles_per_outlet(corpus):
    table = corpus.by(outlet=True).articles()
    assert list(table.columns) == [
        "outlet",
        "articles",
        "words",
        "mentions",
        "quotes",
        "attributed_quotes",
    ]
    assert table[["outlet", "articles", "quotes"]].values.tolist() == [
        ["Kelso Courier", 2, 6],
        ["North Bay Post", 1, 4],
        ["The Ledger", 3, 6],
    ]
    assert table["words"].sum() == corpus.articles["words"].sum()


def test_articles_per_week_start_on_mondays_and_cover_every_week(corpus):
    table = corpus.by(period="week").articles()
    assert list(table["period"]) == weeks("2024-03-04", "2024-03-11", "2024-03-18", "2024-03-25")
    assert list(table["articles"]) == [2, 1, 2, 1]


def test_empty_groups_count_zero(corpus):
    table = corpus.by(outlet=True, period="week").articles()
    assert len(table) == 3 * 4  # every outlet in every week
    north_bay = table[table["outlet"] == "North Bay Post"]
    assert list(north_bay["articles"]) == [0, 0, 1, 0]


def test_chosen_actors_have_a_row_for_every_period(corpus):
    table = corpus.by(period="week").actors(["Teo Vance", "person:ines marlow"])
    assert list(table.columns[:4]) == ["period", "actor", "key", "kind"]
    assert table[["actor", "mentions", "quotes"]].values.tolist() == [
        ["Teo Vance", 2, 1],
        ["Ines Marlow", 3, 3],
        ["Teo Vance", 2, 2],
        ["Ines Marlow", 0, 0],  # not mentioned in the week of 11 March
        ["Teo Vance", 2, 2],
        ["Ines Marlow", 2, 1],  # by name, and "her members"
        ["Teo Vance", 0, 0],
        ["Ines Marlow", 0, 0],
    ]
    # Shares are of the week's quotations (5, 3, 7 and 1 of them).
    assert list(table["voice_share"].round(3)) == [0.2, 0.6, 0.667, 0.0, 0.286, 0.143, 0.0, 0.0]


def test_voice_share_per_outlet_is_a_share_of_that_outlets_quotations(corpus):
    table = corpus.by(outlet=True).actors(kind="person")
    ledger = table[table["outlet"] == "The Ledger"].set_index("actor")
    assert ledger.at["Teo Vance", "quotes"] == 2
    assert ledger.at["Teo Vance", "voice_share"] == pytest.approx(2 / 6)
    top = corpus.by(outlet=True).actors(kind="person", n=1)
    assert top[["outlet", "actor"]].values.tolist() == [
        ["Kelso Courier", "Teo Vance"],
        ["North Bay Post", "Ines Marlow"],
        ["The Ledger", "Teo Vance"],
    ]


def test_one_outlet_or_a_few(corpus):
    assert list(corpus.by(outlet="The Ledger").articles()["articles"]) == [3]
    table = corpus.by(outlet=["The Ledger", "Kelso Courier"], period="month").articles()
    assert table[["outlet", "articles"]].values.tolist() == [
        ["Kelso Courier", 2],
        ["The Ledger", 3],
    ]


def test_any_articles_column_groups_too(corpus):
    table = corpus.by("topic", period="month").articles()
    assert table[["topic", "articles"]].astype(str).values.tolist() == [
        ["housing", "1"],
        ["port", "5"],
    ]
    with pytest.raises(KeyError, match="no articles column 'desk'"):
        corpus.by("desk")
    with pytest.raises(ValueError, match="unknown period 'fortnight'"):
        corpus.by(period="fortnight")
    with pytest.raises(KeyError, match="no actor 'Nobody Atall'"):
        corpus.by(period="week").actors(["Nobody Atall"])


def test_articles_without_a_date_are_left_out_of_periods(tmp_path):
    corpus = analyze_corpus(write_news(tmp_path), workers=1, progress=False)
    groups = corpus.by(period="month")
    assert groups.left_out == len(corpus.articles)
    assert groups.articles().empty
    assert corpus.by("topic").articles()["articles"].sum() == len(corpus.articles)


def test_summary_names_outlets_and_dates(corpus):
    summary = corpus.summary()
    assert summary["outlets"] == {"Kelso Courier": 2, "North Bay Post": 1, "The Ledger": 3}
    assert (summary["first_date"], summary["last_date"]) == ("2024-03-04", "2024-03-26")
    html = corpus._repr_html_()
    assert "Kelso Courier (2)" in html and "2024-03-04 to 2024-03-26" in html


def test_counting_without_repeated_stories(corpus, tmp_path: Path):
    assert corpus.deduplicated().by(outlet=True).articles()["articles"].sum() <= len(corpus)
