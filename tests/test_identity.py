"""Actor.key: one identity per actor across articles (toolkit/actors/_identity.py), and the
corpus tables that group by it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import toolkit
from toolkit.actors import actors_to_frame, find_actors, identity_key
from toolkit.actors._identity import IDENTITIES_FILE, _identities, fold_name, make_key
from toolkit.corpus import TABLES, Corpus, analyze_corpus
from toolkit.lang import data_path, table

ROOT = Path(__file__).resolve().parent.parent


def key_of(text: str, kind: str = "place") -> str:
    """The key of the one actor of ``kind`` that ``text`` mentions."""
    found = [a for a in find_actors(text) if a.kind == kind]
    assert len(found) == 1, found
    return found[0].key


@pytest.mark.parametrize(
    "text",
    [
        "Britain signed the treaty on Monday.",
        "The UK signed the treaty on Monday.",
        "The U.K. signed the treaty on Monday.",
        "Great Britain won the relay.",
        "The United Kingdom signed the treaty.",
        "British ministers flew home.",
    ],
)
def test_every_name_of_the_united_kingdom_has_one_key(text):
    assert key_of(text) == "place:united kingdom"


@pytest.mark.parametrize(
    "text",
    [
        "America signed the treaty.",
        "The United States signed the treaty.",
        "The US signed the treaty.",
        "The U.S. signed the treaty.",
        "American officials flew home.",
    ],
)
def test_every_name_of_the_united_states_has_one_key(text):
    assert key_of(text) == "place:united states"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("The UN sent observers.", "organization:united nations"),
        ("The United Nations sent observers.", "organization:united nations"),
        ("Nato sent observers.", "organization:north atlantic treaty organization"),
        ("NATO sent observers.", "organization:north atlantic treaty organization"),
        ("The EU fined the firm.", "organization:european union"),
        ("The European Union fined the firm.", "organization:european union"),
    ],
)
def test_well_known_organisations_and_their_abbreviations_share_a_key(text, key):
    assert key_of(text, "organization") == key


def test_a_person_is_keyed_by_the_fullest_name_the_article_gives():
    assert key_of("Marta Lindqvist spoke in Oslo. Lindqvist left early.", "person") == (
        "person:marta lindqvist"
    )
    assert key_of("Ms Lindqvist said the plan would fail.", "person") == "person:lindqvist"


def test_a_person_key_folds_case_and_accents():
    assert key_of("Zoé Müller said the plan would fail.", "person") == "person:zoe muller"
    assert key_of("Zoe Muller said the plan would fail.", "person") == "person:zoe muller"


def test_a_person_is_never_merged_with_a_place_of_the_same_name():
    assert identity_key("Jordan", "person") == "person:jordan"
    assert identity_key("Jordan", "place") == "place:jordan"
    assert identity_key("Georgia", "person") != identity_key("Georgia", "place")
    assert key_of("Georgia Banks said the vote was fair.", "person") == "person:georgia banks"


def test_an_acronym_matches_only_in_capitals():
    assert identity_key("WHO", "organization") == "organization:world health organization"
    assert identity_key("Who", "organization") == "organization:who"


def test_an_unlisted_name_is_its_own_key():
    assert identity_key("Harrow Valley Rovers", "organization") == (
        "organization:harrow valley rovers"
    )


def test_a_codebook_sets_the_key_of_its_actors_to_its_name():
    book = pd.DataFrame(
        {"actor": ["Britain", "Anna Keller"], "kind": ["place", "person"], "aliases": ["UK", ""]}
    )
    found = find_actors("The UK backed Anna Keller. Keller thanked Britain.", codebook=book)
    assert {a.name: a.key for a in found} == {
        "Britain": "place:britain",
        "Anna Keller": "person:anna keller",
    }


def test_the_key_is_in_to_dict_and_in_the_actor_frame():
    found = find_actors("Nato sent observers to Spain.")
    assert [a.to_dict()["key"] for a in found] == [
        "organization:north atlantic treaty organization",
        "place:spain",
    ]
    assert list(actors_to_frame(found)["key"]) == [a.key for a in found]


def test_an_actor_built_by_hand_has_no_key():
    assert toolkit.Actor("Anna Keller", "person").key == ""


@given(st.text(max_size=30))
def test_folding_is_idempotent(name):
    assert fold_name(fold_name(name)) == fold_name(name)
    assert make_key("person", name) == make_key("person", fold_name(name))


COLUMNS = ("key", "name", "code", "aliases")


# --- the data file -----------------------------------------------------------------------


def test_every_identity_is_found_under_each_of_its_names():
    for key, name, code, aliases in table(IDENTITIES_FILE, COLUMNS):
        kind = key.split(":", 1)[0]
        assert key == make_key(kind, name), name
        assert code == "-" or (len(code) == 2 and code.isupper()), name
        for alias in [name, *(aliases.split("|") if aliases else [])]:
            assert identity_key(alias, kind) == key, (alias, key)


def test_no_name_of_one_kind_belongs_to_two_identities():
    owners: dict[tuple[str, str], str] = {}
    for key, name, _, aliases in table(IDENTITIES_FILE, COLUMNS):
        for alias in [name, *(aliases.split("|") if aliases else [])]:
            owner = owners.setdefault((key.split(":")[0], fold_name(alias)), key)
            assert owner == key, alias
    assert len(_identities()) == len(owners)


def test_the_identities_file_is_what_its_build_script_makes():
    babel = pytest.importorskip("babel")
    shipped = data_path(IDENTITIES_FILE).read_text(encoding="utf-8")
    if f"with babel {babel.__version__};" not in shipped:
        pytest.skip("another babel (CLDR) version than the file was built with")
    spec = importlib.util.spec_from_file_location("build", ROOT / "tools" / "build_identities.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    expected = build.render(build.countries() + build.organizations())
    assert shipped == expected


# --- corpus tables group by key ----------------------------------------------------------

ARTICLES = {
    "a.txt": "Britain and Norway signed the accord. Anna Keller said it was fair.\n",
    "b.txt": "The United Kingdom and Norway met in Bergen. Keller said the talks went well.\n",
    "c.txt": "Ministers from the United Kingdom and Norway met again.\n",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    folder = tmp_path_factory.mktemp("identity")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return analyze_corpus(folder, workers=1, progress=False)


def test_actor_rows_carry_the_key(corpus):
    rows = corpus.actors[["article_id", "actor", "key"]]
    assert rows[rows["key"] == "place:united kingdom"].values.tolist() == [
        ["a", "Britain", "place:united kingdom"],
        ["b", "United Kingdom", "place:united kingdom"],
        ["c", "United Kingdom", "place:united kingdom"],
    ]
    # An article that only gives the surname keeps the surname form.
    assert set(rows.loc[rows["actor"].str.contains("Keller"), "key"]) == {
        "person:anna keller",
        "person:keller",
    }


def test_the_actor_table_counts_one_actor_per_key_under_its_most_frequent_name(corpus):
    table = corpus.actor_table().set_index("key")
    uk = table.loc["place:united kingdom"]
    assert (uk["actor"], uk["articles"]) == ("United Kingdom", 3)
    assert corpus.summary()["distinct_actors"] == corpus.actors["key"].nunique()


def test_the_co_mention_table_counts_pairs_by_key(corpus):
    table = corpus.co_mention_table()
    pair = table[(table["actor_a"] == "Norway") & (table["actor_b"] == "United Kingdom")]
    assert pair["articles"].tolist() == [3]
    assert "Britain" not in set(table["actor_a"]) | set(table["actor_b"])


def test_the_co_mention_table_keeps_the_pairs_of_actors_named_by_display_name_or_key(corpus):
    by_name = corpus.co_mention_table(["United Kingdom", "Norway"])
    assert by_name[["actor_a", "actor_b", "articles"]].values.tolist() == [
        ["Norway", "United Kingdom", 3]
    ]
    pd.testing.assert_frame_equal(
        corpus.co_mention_table(["place:united kingdom", "Norway"]), by_name
    )


def test_kwic_finds_an_actor_under_every_name_of_its_key(corpus):
    lines = corpus.kwic("United Kingdom")
    assert sorted(lines["keyword"]) == ["Britain", "United Kingdom", "United Kingdom"]
    assert len(corpus.kwic("place:united kingdom")) == 3


def test_tables_written_before_keys_are_read_with_keys(corpus, tmp_path):
    folder = corpus.to_parquet(tmp_path / "tables")
    for name in TABLES:  # the toolkit wrote no run id then either
        pd.read_parquet(folder / f"{name}.parquet").to_parquet(folder / f"{name}.parquet")
    old = pd.read_parquet(folder / "actors.parquet").drop(columns="key")
    old.to_parquet(folder / "actors.parquet")
    again = Corpus.read_parquet(folder)
    pd.testing.assert_series_equal(again.actors["key"], corpus.actors["key"])
