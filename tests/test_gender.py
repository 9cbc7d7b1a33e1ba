"""Inferred gender of people: pronouns, gendered titles and nouns, first names, the codebook,
credit lines, and the ``toolkit eval gender`` scorer."""

from __future__ import annotations

import json

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.actors import actors_to_frame, find_actors, named_only_in_credits
from toolkit.actors._describe import descriptions
from toolkit.evaluation.gender import evaluate_gender, match_names


def person(text: str, name: str):
    return next(a for a in find_actors(text) if a.name == name)


# --- evidence, one rule at a time ------------------------------------------------------------


def test_linked_pronouns_and_first_name_agree():
    lena = person("Lena Oduya arrived late. She said the bridge would reopen.", "Lena Oduya")
    assert lena.gender == "female"
    assert lena.gender_evidence == ("pronouns: 1 she/her", "first name: Lena (99% female)")


def test_gendered_title_alone_decides():
    okafor = person("Mrs Okafor said the bridge would reopen.", "Okafor")
    assert (okafor.gender, okafor.gender_evidence) == ("female", ("title: Mrs",))


def test_gendered_noun_just_before_the_name():
    text = "The mayor's husband, Zorvan Pettik, said the vote was fair."
    pettik = person(text, "Zorvan Pettik")
    assert (pettik.gender, pettik.gender_evidence) == ("male", ("before: mayor's husband",))


def test_gendered_noun_heading_an_apposition():
    text = "Zelna Morrow, a mother of three, said the school must stay open."
    morrow = person(text, "Zelna Morrow")
    assert (morrow.gender, morrow.gender_evidence) == ("female", ("apposition: a mother of three",))


def test_a_noun_of_someone_named_after_it_is_not_evidence():
    text = "Zorvan Pettik, his wife Ilse and their son arrived on Monday."
    assert person(text, "Zorvan Pettik").gender is None


def test_mr_and_mrs_of_one_family_name_go_to_the_person_of_that_gender():
    text = (
        "Carl Brandt and Ilse Brandt opened the bakery in May. Mrs Brandt said she had "
        "planned it for years. Mr Brandt said he was tired."
    )
    carl, ilse = person(text, "Carl Brandt"), person(text, "Ilse Brandt")
    assert (carl.gender, ilse.gender) == ("male", "female")
    assert [m.start for m in carl.name_mentions] == [0, 103]
    assert [m.start for m in ilse.name_mentions] == [16, 58]


def test_a_mrs_is_not_merged_with_the_only_man_of_her_family_name():
    text = "Pavel Strand spoke first. Mrs Strand said she would stand too."
    strand = person(text, "Strand")
    assert (strand.gender, strand.titles) == ("female", ("Mrs",))
    assert person(text, "Pavel Strand").gender == "male"


def test_first_name_decides_when_nearly_all_its_bearers_share_a_gender():
    quarry = person("Thomas Quarry said the plan works.", "Thomas Quarry")
    assert (quarry.gender, quarry.gender_evidence) == ("male", ("first name: Thomas (100% male)",))


def test_a_shared_first_name_gives_no_gender():
    pike = person("Leslie Pike said the plan works.", "Leslie Pike")
    assert pike.gender is None
    assert pike.gender_evidence == ("first name: Leslie (shared: 58% female)",)


def test_a_leaning_first_name_decides_when_the_census_list_agrees():
    pike = person("Andrea Pike said the plan works.", "Andrea Pike")
    assert (pike.gender, pike.gender_evidence) == (
        "female",
        ("first name: Andrea (83% female, census list female)",),
    )


def test_the_given_name_after_a_title_left_in_the_name():
    text = "Harbour Minister Lena Vasko said the port was open."
    vasko = next(a for a in find_actors(text) if a.kind == "person")
    assert vasko.gender == "female"


def test_disagreeing_evidence_gives_none():
    pettik = person("Mr Zorvan Pettik, a mother of two, said the plan works.", "Zorvan Pettik")
    assert pettik.gender is None
    assert "apposition: a mother of two" in pettik.gender_evidence


def test_a_single_pronoun_with_nothing_else_is_too_weak():
    zorvan = person("Zorvan arrived. He said the plan works.", "Zorvan")
    assert (zorvan.gender, zorvan.gender_evidence) == (None, ("pronouns: 1 he/him",))


def test_two_pronouns_decide_without_a_name():
    text = "Zorvan arrived. He said the plan works. He left at noon."
    assert person(text, "Zorvan").gender == "male"


def test_a_given_name_alone_counts_unless_it_is_a_common_surname():
    assert person("Marta waved. The crowd cheered.", "Marta").gender == "female"
    assert person("Thomas waved. The crowd cheered.", "Thomas").gender is None


def test_organisations_and_places_have_no_gender():
    actors = find_actors("The Interior Ministry said the streets of Berlin were calm.")
    assert [(a.kind, a.gender, a.gender_evidence) for a in actors] == [
        ("organization", None, ()),
        ("place", None, ()),
    ]


# --- the codebook, tables, credits ------------------------------------------------------------


def test_codebook_sets_and_clears_gender():
    text = "Thomas Quarry said the plan works. Jordan Pike agreed."
    book = pd.DataFrame(
        {
            "actor": ["Thomas Quarry", "Jordan Pike"],
            "kind": ["person", "person"],
            "gender": ["unknown", "female"],
        }
    )
    found = {a.name: a for a in find_actors(text, codebook=book)}
    assert (found["Thomas Quarry"].gender, found["Thomas Quarry"].gender_evidence) == (
        None,
        ("codebook",),
    )
    assert (found["Jordan Pike"].gender, found["Jordan Pike"].gender_evidence) == (
        "female",
        ("codebook",),
    )


def test_codebook_rejects_an_unknown_gender():
    book = pd.DataFrame({"actor": ["Thomas Quarry"], "kind": ["person"], "gender": ["x"]})
    try:
        toolkit.load_codebook(book)
    except ValueError as exc:
        assert "gender 'x' is not one of female, male, unknown" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("a bad gender must be refused")


def test_gender_in_dict_and_frame():
    actors = find_actors("Lena Oduya arrived late. She said the bridge would reopen.")
    assert actors[0].to_dict()["gender"] == "female"
    frame = actors_to_frame(actors)
    assert list(frame.columns[-5:-1]) == ["gender", "gender_evidence", "role", "role_evidence"]
    assert frame.loc[0, "gender_evidence"] == [
        "pronouns: 1 she/her",
        "first name: Lena (99% female)",
    ]


def test_people_named_only_in_credit_lines():
    text = (
        "Harbour reopens\n\nLena Oduya, The Daily Planet\n\nThe harbour reopened on Monday. "
        "(Jana Weller/Daily Planet)\n\nTomas Brenner said the work was done.\n\n"
        "With files from Ilse Moran"
    )
    credited = {a.name for a in find_actors(text) if named_only_in_credits(text, a)}
    assert credited == {"Lena Oduya", "Jana Weller", "Ilse Moran"}


def test_more_credit_lines_bylines_agencies_reporting_and_social_handles():
    text = (
        "Byline: Lena Oduya.\n\nThe harbour reopened. Tomas Brenner said the work was done. "
        "Kai Moreno was reporting from the quay when Pia Sorel arrived.\n\n"
        "Jana Weller via Harbour Images.\n\nAdditional reporting by Ilse Moran.\n\n"
        "Rafe Dunst reported from Velmar.\n\n- Nora Kesh.\n\nFollow Ben Ortiz on Twitter."
    )
    credited = {a.name for a in find_actors(text) if named_only_in_credits(text, a)}
    assert credited == {
        "Lena Oduya",
        "Jana Weller",
        "Ilse Moran",
        "Rafe Dunst",
        "Nora Kesh",
        "Ben Ortiz",
    }


def test_people_named_only_in_a_photo_caption_are_credits_too():
    text = (
        "Tomas Brenner opened the new ferry pier on Monday.\n\n"
        "Lena Oduya and Tomas Brenner cut the ribbon at the pier. (Jana Weller/Harbour Press)\n\n"
        "Brenner said the pier would serve the islands."
    )
    people = [a for a in find_actors(text) if a.kind == "person"]
    credited = {a.name for a in people if named_only_in_credits(text, a)}
    assert credited == {"Lena Oduya", "Jana Weller"}


def test_a_long_paragraph_before_a_credit_is_no_caption():
    body = "Lena Oduya spoke at the pier. " + "The ferry was late again that day. " * 12
    text = body + "(Jana Weller/Harbour Press)"
    credited = {a.name for a in find_actors(text) if named_only_in_credits(text, a)}
    assert credited == {"Jana Weller"}


def test_a_list_after_a_name_is_no_apposition():
    text = "He came with his brother, Carl Brandt, and the first lady, Ilse Brandt."
    brandt = person(text, "Carl Brandt")
    assert [d.text for d in descriptions(text, brandt) if d.where == "apposition"] == []
    assert brandt.gender == "male"


def test_the_given_name_before_a_particle():
    text = "Mayor Tomas de Vries said the harbour would reopen."
    vries = person(text, "Tomas de Vries")
    assert (vries.gender, vries.gender_evidence) == ("male", ("first name: Tomas (100% male)",))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(["the", "chief", "said", "of", "Acme", ",", "a", "mother"]), max_size=8
    ),
    st.lists(st.sampled_from(["a", "professor", "of", "law", ",", "who", "said", "2"]), max_size=8),
)
def test_descriptions_slice_back(before, after):
    text = " ".join(before) + " Lena Oduya " + " ".join(after) + "."
    for actor in find_actors(text):
        for d in descriptions(text, actor):
            if d.start >= 0:
                assert text[d.start : d.start + len(d.text)] == d.text


# --- the scorer ------------------------------------------------------------------------------


def test_match_names_pairs_titles_surnames_and_family_names_first():
    assert match_names(["Ana Ruiz", "Kim Jong-un"], ["Kim", "Minister Ana Ruiz"]) == [
        (0, 1),
        (1, 0),
    ]
    assert match_names(["Ana Ruiz"], ["Minister Ana Ruiz"], exact=True) == []


def test_evaluate_gender_on_a_small_gold_file(tmp_path):
    text = "Lena Oduya said the bridge would reopen. Thomas Quarry agreed. Leslie Pike left."
    record = {
        "id": "test/1",
        "text": text,
        "quotes": [],
        "meta": {
            "outlet": "Daily Planet",
            "people_female": ["Lena Oduya"],
            "people_male": ["Thomas Quarry", "Leslie Pike"],
            "people_unknown": [],
            "sources_female": ["Lena Oduya"],
            "sources_male": [],
            "sources_unknown": [],
        },
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = evaluate_gender(gold)
    people = result.counts[("people", "names")]
    assert (people.prf("female").f1, people.prf("male").recall) == (1.0, 0.5)
    assert (people.wrong, people.unknown) == (0, 1)
    assert result.counts[("sources", "names")].prf("female").f1 == 1.0
