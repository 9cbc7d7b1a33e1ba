"""Source diversity (``Corpus.diversity``): people mentioned and quoted by inferred gender and
by role, per article, outlet, period and for the whole corpus. Texts and names are invented."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.actors import ROLES
from toolkit.corpus import Corpus, analyze_corpus
from toolkit.corpus._diversity import diversity_table, people_per_article

BRIDGE = (
    "Bridge opens after three years\n\n"
    "Mayor Lena Okafor opened the Tamsin Street bridge on Monday. "
    '"We built this for everyone," she said.\n\n'
    "Professor Karl Brandt, an engineer at Northgate University, said the design would last "
    'a century. "It is a very safe bridge," he added.\n\n'
    "Local resident Maya Holt watched from the bank.\n"
)
BUDGET = (
    "Council budget approved\n\n"
    'Ivo Marsh, a councillor, said the budget was balanced. "There are no cuts to libraries," '
    "Mr Marsh said.\n\n"
    'Mayor Lena Okafor said she was pleased. "This is a fair budget for the whole town," '
    "she said.\n"
)
FERRY = (
    "Ferry fares to rise\n\n"
    "The Coast Line ferry company will raise fares in April, chief executive Leslie Quill said "
    "on Tuesday.\n\n"
    '"Fuel has never cost more," Quill said. Union leader Petra Lund called the rise unfair.\n'
)
# id -> (text, outlet, date)
ARTICLES = {
    "bridge": (BRIDGE, "Harbour Times", "2024-03-04T08:00:00+00:00"),
    "budget": (BUDGET, "Harbour Times", "2024-04-10T17:30:00+00:00"),
    "ferry": (FERRY, "Coast Post", "2024-03-20T06:15:00+00:00"),
}
COUNTS = ["people_mentioned", "people_quoted", "quotes", "words_quoted"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    """The three articles, with the outlet and date their metadata would give them."""
    folder = tmp_path_factory.mktemp("diversity") / "news"
    folder.mkdir()
    for name, (text, _, _) in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    corpus = analyze_corpus(folder, workers=1, progress=False)
    assert list(corpus.articles["id"]) == ["bridge", "budget", "ferry"]
    outlets = [ARTICLES[i][1] for i in corpus.articles["id"]]
    dates = [ARTICLES[i][2] for i in corpus.articles["id"]]
    return dataclasses.replace(corpus, articles=corpus.articles.assign(outlet=outlets, date=dates))


def rows(table: pd.DataFrame, dimension: str = "gender", **where) -> dict[str, list]:
    """group -> [people_mentioned, people_quoted, quotes, words_quoted] of the matching rows."""
    mask = table["dimension"] == dimension
    for column, value in where.items():
        mask &= table[column] == value
    part = table[mask]
    return {g: list(v) for g, v in zip(part["group"], part[COUNTS].to_numpy(), strict=True)}


# --- the actors table -----------------------------------------------------------------------


def test_actor_rows_carry_inferred_gender_and_role(corpus):
    people = corpus.actors[corpus.actors["kind"] == "person"]
    found = {
        (a, r, g if isinstance(g, str) else None)
        for a, r, g in zip(people["actor"], people["role"], people["gender"], strict=True)
    }
    assert found == {
        ("Lena Okafor", "politician", "female"),
        ("Karl Brandt", "expert", "male"),
        ("Maya Holt", "citizen", "female"),
        ("Ivo Marsh", "politician", "male"),
        ("Leslie Quill", "business", None),  # a name shared by women and men: no guess
        ("Petra Lund", "advocacy", "female"),
    }
    assert list(corpus.actors["gender"].cat.categories) == ["female", "male"]
    assert list(corpus.actors["role"].cat.categories) == list(ROLES)


def test_gender_and_role_survive_parquet(corpus, tmp_path):
    again = Corpus.read_parquet(corpus.to_parquet(tmp_path / "tables"))
    pd.testing.assert_frame_equal(again.actors, corpus.actors)


# --- the whole corpus -----------------------------------------------------------------------


def test_whole_corpus_counts_people_quotes_and_words_by_gender(corpus):
    table = corpus.diversity()
    assert list(table.columns) == [
        "articles",
        "dimension",
        "group",
        *COUNTS,
        "mentioned_share",
        "quoted_share",
        "quotes_share",
        "words_share",
    ]
    # Lena Okafor counts once in each of her two articles; Leslie Quill's gender is unknown.
    # Words: "We built this for everyone" 5 + 3 ("she was pleased") + 9; Karl Brandt 6 + 6,
    # Ivo Marsh 4 + 6; Leslie Quill 10 + 5.
    assert rows(table) == {
        "female": [4, 2, 3, 17],
        "male": [2, 2, 4, 22],
        "unknown": [1, 1, 2, 15],
    }
    assert set(table["articles"]) == {3}


def test_shares_are_of_people_with_a_known_gender(corpus):
    table = corpus.diversity().set_index(["dimension", "group"])
    women, men = table.loc[("gender", "female")], table.loc[("gender", "male")]
    assert women["quoted_share"] == 2 / 4  # Leslie Quill (unknown) is left out
    assert women["mentioned_share"] == 4 / 6
    assert women["quotes_share"] == 3 / 7
    assert women["words_share"] == 17 / 39
    assert women["quoted_share"] + men["quoted_share"] == 1
    assert table.loc[("gender", "unknown"), ["mentioned_share", "quoted_share"]].isna().all()


def test_role_rows_cover_every_role(corpus):
    table = corpus.diversity()
    roles = rows(table, "role")
    assert list(roles) == list(ROLES)
    assert roles["politician"] == [3, 3, 5, 27]  # Lena Okafor twice (17 words), Ivo Marsh
    assert roles["expert"] == [1, 1, 2, 12]
    assert roles["business"] == [1, 1, 2, 15]
    assert roles["citizen"] == [1, 0, 0, 0]
    assert roles["advocacy"] == [1, 0, 0, 0]
    assert roles["sport"] == [0, 0, 0, 0]
    shares = table[table["dimension"] == "role"].set_index("group")["quoted_share"]
    assert shares["politician"] == 3 / 5
    assert shares["sport"] == 0


# --- per outlet, period, article ------------------------------------------------------------


def test_per_outlet(corpus):
    table = corpus.diversity(by="outlet")
    assert list(table["outlet"].drop_duplicates()) == ["Coast Post", "Harbour Times"]
    assert rows(table, outlet="Harbour Times") == {
        "female": [3, 2, 3, 17],
        "male": [2, 2, 4, 22],
        "unknown": [0, 0, 0, 0],
    }
    harbour = table[(table["outlet"] == "Harbour Times") & (table["group"] == "female")]
    assert harbour["quoted_share"].tolist() == [0.5]
    # Coast Post quotes only Leslie Quill, whose gender is unknown: no share, not 0%.
    coast = table[(table["outlet"] == "Coast Post") & (table["group"] == "female")]
    assert coast["people_mentioned"].tolist() == [1]
    assert coast["quoted_share"].isna().all()


def test_per_outlet_and_month(corpus):
    table = corpus.diversity(by=("outlet", "month"))
    women = table[(table["dimension"] == "gender") & (table["group"] == "female")]
    got = [
        (o, m.strftime("%Y-%m"), n, q)
        for o, m, n, q in zip(
            women["outlet"], women["month"], women["articles"], women["people_quoted"], strict=True
        )
    ]
    assert got == [
        ("Coast Post", "2024-03", 1, 0),
        ("Harbour Times", "2024-03", 1, 1),
        ("Harbour Times", "2024-04", 1, 1),
    ]


def test_weeks_start_on_monday_and_years_on_the_first_of_january(corpus):
    weeks = corpus.diversity(by="week")["week"].drop_duplicates().dt.strftime("%Y-%m-%d")
    assert list(weeks) == ["2024-03-04", "2024-03-18", "2024-04-08"]
    years = corpus.diversity(by="year")["year"].drop_duplicates().dt.strftime("%Y-%m-%d")
    assert list(years) == ["2024-01-01"]


def test_per_article(corpus):
    table = corpus.diversity(by="id")
    assert rows(table, id="ferry") == {
        "female": [1, 0, 0, 0],
        "male": [0, 0, 0, 0],
        "unknown": [1, 1, 2, 15],
    }
    assert len(table) == 3 * (3 + len(ROLES))


def test_works_without_outlet_or_date(corpus):
    plain = dataclasses.replace(corpus, articles=corpus.articles.drop(columns=["outlet", "date"]))
    assert rows(plain.diversity()) == rows(corpus.diversity())
    with pytest.raises(KeyError, match="no articles column 'outlet'"):
        plain.diversity(by="outlet")
    with pytest.raises(KeyError, match="the articles have no date column"):
        plain.diversity(by="month")


# --- the rules, on tables written by hand ---------------------------------------------------


def actors_table(*people: tuple) -> pd.DataFrame:
    """Actor rows: (article_id, actor, key, gender, role, quotes), all people."""
    columns = ["article_id", "actor", "key", "gender", "role", "quotes"]
    return pd.DataFrame(people, columns=columns).assign(kind="person")


NO_QUOTES = pd.DataFrame({"article_id": [], "speaker": [], "text": []})


def test_a_person_counts_once_per_article_and_quotes_add_up():
    # Two actors of one key in one article ("Dr Ana Ruiz" and "Ruiz" left apart).
    actors = actors_table(
        ("a", "Ana Ruiz", "person:ana ruiz", "female", "expert", 1),
        ("a", "Ruiz", "person:ana ruiz", None, "unknown", 2),
    )
    quotes = pd.DataFrame(
        {
            "article_id": ["a", "a", "a"],
            "speaker": ["Ana Ruiz", "Ruiz", "Ruiz"],
            "text": ["Rates will rise.", "Not soon.", "Maybe next spring, or later."],
        }
    )
    people = people_per_article(actors, quotes)
    assert people.to_dict("records") == [
        {
            "article_id": "a",
            "key": "person:ana ruiz",
            "gender": "female",
            "role": "expert",
            "quotes": 3,
            "words_quoted": 3 + 2 + 5,
            "quoted": True,
        }
    ]


def test_actors_of_one_key_that_disagree_on_gender_are_unknown():
    actors = actors_table(
        ("a", "Sam Ortiz", "person:sam ortiz", "female", "unknown", 0),
        ("a", "Ortiz", "person:sam ortiz", "male", "unknown", 0),
    )
    assert people_per_article(actors, NO_QUOTES)["gender"].tolist() == ["unknown"]


def test_organisations_and_places_are_not_people():
    actors = actors_table(
        ("a", "Ana Ruiz", "person:ana ruiz", "female", "expert", 0),
        ("a", "Harbour Board", "organization:harbour board", None, "official", 2),
    )
    actors.loc[1, "kind"] = "organization"
    table = diversity_table(pd.DataFrame({"id": ["a"]}), actors, NO_QUOTES)
    assert rows(table)["female"] == [1, 0, 0, 0]
    assert rows(table, "role")["official"] == [0, 0, 0, 0]


def test_articles_without_a_value_are_a_group_of_their_own():
    articles = pd.DataFrame({"id": ["a", "b"], "outlet": ["The Ledger", None]})
    actors = actors_table(
        ("a", "Ana Ruiz", "person:ana ruiz", "female", "expert", 1),
        ("b", "Tom Hale", "person:tom hale", "male", "citizen", 1),
    )
    table = diversity_table(articles, actors, NO_QUOTES, by="outlet")
    men = table[(table["dimension"] == "gender") & (table["group"] == "male")]
    assert men["outlet"].isna().tolist() == [False, True]
    assert men["people_quoted"].tolist() == [0, 1]


def test_an_actors_table_without_gender_or_role_counts_everyone_unknown():
    actors = actors_table(("a", "Tom Hale", "person:tom hale", None, None, 0))
    table = diversity_table(pd.DataFrame({"id": ["a"]}), actors, NO_QUOTES)
    assert rows(table)["unknown"] == [1, 0, 0, 0]
    assert rows(table, "role")["unknown"] == [1, 0, 0, 0]


def test_periods_follow_the_articles_own_clock():
    # 23:30 on 31 March in New York is 04:30 on 1 April in UTC: a March article.
    articles = pd.DataFrame({"id": ["a", "b"], "date": ["2024-03-31T23:30:00-05:00", "bad"]})
    table = diversity_table(articles, actors_table(), NO_QUOTES, by="month")
    months = table["month"].drop_duplicates()
    assert months.iloc[0] == pd.Timestamp("2024-03-01")
    assert months.isna().tolist() == [False, True]  # a date that cannot be read: no period


def test_a_name_of_the_tables_own_columns_cannot_be_grouped_by():
    articles = pd.DataFrame({"id": ["a"], "group": ["x"]})
    with pytest.raises(ValueError, match="cannot group by 'group'"):
        diversity_table(articles, actors_table(), NO_QUOTES, by="group")


def test_an_empty_corpus_has_an_empty_table():
    table = diversity_table(pd.DataFrame({"id": []}), actors_table(), NO_QUOTES, by=())
    assert table.empty and "quoted_share" in table


# --- invariants -----------------------------------------------------------------------------

PERSON_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c"]),
        st.sampled_from(["Ana Ruiz", "Tom Hale", "Ruiz", "Sam Ortiz"]),
        st.sampled_from(["female", "male", None]),
        st.sampled_from(["politician", "expert", "citizen", "unknown", None]),
        st.integers(0, 3),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None)
@given(PERSON_ROWS, st.lists(st.sampled_from(["The Ledger", "Coast Post", None]), min_size=3))
def test_groups_add_up_to_the_whole_corpus(people, outlets):
    articles = pd.DataFrame({"id": ["a", "b", "c"], "outlet": outlets[:3]})
    actors = actors_table(
        *[(a, name, f"person:{name.split()[-1].lower()}", g, r, q) for a, name, g, r, q in people]
    )
    whole = diversity_table(articles, actors, NO_QUOTES)
    pairs = len(actors[["article_id", "key"]].drop_duplicates())
    for dimension in ("gender", "role"):
        part = whole[whole["dimension"] == dimension]
        assert part["people_mentioned"].sum() == pairs
        assert (part["people_quoted"] <= part["people_mentioned"]).all()
        shares = part["quoted_share"].dropna()
        assert shares.empty or shares.sum() == pytest.approx(1)
    for by in ("outlet", "id"):
        split = diversity_table(articles, actors, NO_QUOTES, by=by)
        summed = split.groupby(["dimension", "group"], sort=False)[COUNTS].sum().reset_index()
        assert summed.to_dict("records") == whole[["dimension", "group", *COUNTS]].to_dict(
            "records"
        )


# --- against the annotators (the evaluation data, when present) ------------------------------


def test_share_of_women_quoted_stays_near_the_annotators():
    """A guard against regressions, not the target: issue 13 asks for 5 points, which the dev
    file misses at 5.3 (21.2% against 26.5%, docs/results.md); this fails beyond 6."""
    import json

    from conftest import shared_file

    from toolkit import analyze, read_articles
    from toolkit.corpus import analysis_rows
    from toolkit.corpus._schema import TABLES
    from toolkit.corpus._sink import TableSink, collect

    records = [json.loads(line) for line in shared_file("eval/ggt-dev.jsonl").open()]
    frame = pd.DataFrame(
        {"text": [r["text"] for r in records], "outlet": [r["meta"]["outlet"] for r in records]}
    )
    articles = list(read_articles(frame))
    sinks = {name: TableSink(name) for name in TABLES}
    collect((analysis_rows(analyze(a)) for a in articles), sinks, dedupe=False)
    tables = {name: sink.frame() for name, sink in sinks.items()}
    tables["articles"]["outlet"] = [a.outlet for a in articles]
    gender = Corpus(**tables).diversity().set_index(["dimension", "group"]).loc["gender"]
    women = sum(len(r["meta"]["sources_female"] or []) for r in records)
    men = sum(len(r["meta"]["sources_male"] or []) for r in records)
    assert abs(gender.loc["female", "quoted_share"] - women / (women + men)) <= 0.06


# --- charts ---------------------------------------------------------------------------------


def widths(ax) -> list[float]:
    return [round(p.get_width(), 4) for p in ax.patches if p.get_width() > 0]


def legend_labels(fig) -> list[str]:
    return [t.get_text() for t in fig.legends[0].get_texts()]


def test_women_quoted_stacks_the_shares_of_women_and_men_per_outlet(corpus):
    from toolkit import plots

    fig = plots.women_quoted(corpus)
    ax = fig.axes[0]
    assert widths(ax) == [0.5, 0.5]  # Harbour Times; Coast Post has no one of known gender
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Coast Post (n=0, 1 unknown)",
        "Harbour Times (n=4)",
    ]
    assert legend_labels(fig) == ["women", "men"]
    assert "inferred gender" in ax.get_title()
    assert fig.get_label() == (
        "Stacked bar chart of the shares of women and men among people quoted (inferred "
        "gender) by outlet: Coast Post n/a women of 0 quoted with a known gender (1 unknown); "
        "Harbour Times 50% women of 4 quoted with a known gender."
    )


def test_women_quoted_over_time_has_a_panel_per_outlet_with_n_at_each_point(corpus):
    from toolkit import plots

    fig = plots.women_quoted_over_time(corpus, period="month")
    coast, harbour = fig.axes[:2]
    assert (coast.get_title(), harbour.get_title()) == (
        "Coast Post: n/a of 0",
        "Harbour Times: 50% of 4",
    )
    assert list(harbour.lines[0].get_ydata()) == [0.5, 0.5]
    assert [t.get_text() for t in harbour.texts] == ["2", "2"]  # n of each month
    assert "inferred gender" in fig.get_suptitle() and "inferred gender" in fig.get_supylabel()
    assert fig.get_label().endswith(
        "Coast Post: 2024-03 n/a of 0. Harbour Times: 2024-03 50% of 2, 2024-04 50% of 2."
    )


def test_women_quoted_over_time_without_dates_says_so(corpus):
    from toolkit import plots

    plain = dataclasses.replace(corpus, articles=corpus.articles.drop(columns=["date"]))
    fig = plots.women_quoted_over_time(plain)
    assert fig.get_label() == (
        "Share of women among people quoted (inferred gender) by month "
        "(the articles have no date): no data."
    )


def test_role_mix_stacks_the_roles_of_the_people_quoted(corpus):
    from toolkit import plots

    fig = plots.role_mix(corpus)
    ax = fig.axes[0]
    # Bars bottom-up, role by role: politician (Harbour Times), expert, business (Coast Post).
    assert widths(ax) == [0.75, 0.25, 1.0]
    assert legend_labels(fig) == ["politician", "expert", "business"]
    assert fig.get_label() == (
        "Stacked bar chart of the roles of the people quoted by outlet, as shares: "
        "Coast Post (n=1): business 100%; Harbour Times (n=4): politician 75%, expert 25%."
    )
    mentioned = plots.role_mix(corpus, by=None, measure="people_mentioned")
    assert [t.get_text() for t in mentioned.axes[0].get_yticklabels()] == ["all articles (n=7)"]
    with pytest.raises(ValueError, match="measure must be one of"):
        plots.role_mix(corpus, measure="mentions")


def test_charts_take_the_diversity_table_or_leave_out_a_missing_outlet(corpus):
    from toolkit import plots

    table = corpus.diversity(by="outlet")
    assert plots.women_quoted(table).get_label() == plots.women_quoted(corpus).get_label()
    plain = dataclasses.replace(corpus, articles=corpus.articles.drop(columns=["outlet"]))
    assert (
        plots.role_mix(plain)
        .get_label()
        .startswith(
            "Stacked bar chart of the roles of the people quoted (the articles have no outlet: "
            "the whole corpus), as shares: all articles (n=5):"
        )
    )
    with pytest.raises(KeyError, match="no column 'month'"):
        plots.women_quoted_over_time(table)
