"""Roles of sources: titles, appositions, organisations, sports reports, unnamed speakers, the
codebook, the hand-labelled speakers and ``toolkit eval roles``."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ROOT

from toolkit.actors import ROLES, find_actors, is_sports_report, role_of_phrase
from toolkit.evaluation.roles import (
    GenderTally,
    RoleResult,
    evaluate_roles,
    read_person_labels,
    read_role_labels,
)
from toolkit.evaluation.scoring import PRF

GOLD = ROOT / "tests" / "data" / "roles_gold.tsv"


def person(text: str):
    return next(a for a in find_actors(text) if a.kind == "person")


def test_a_title_before_the_name():
    ruiz = person("Transport Secretary Ana Ruiz said the line would reopen.")
    assert (ruiz.role, ruiz.role_evidence) == (
        "politician",
        ("title: Transport Secretary",),
    )


def test_an_apposition_after_the_name():
    text = "Tom Baker, a professor of economics at Northfield University, said prices rose."
    baker = person(text)
    assert (baker.role, baker.role_evidence) == (
        "expert",
        ("apposition: a professor of economics at Northfield University",),
    )


def test_a_generic_head_takes_its_organisations_role():
    marr = person("Lisa Marr, a spokeswoman for the Interior Ministry, said the border was open.")
    assert marr.role == "official"


def test_an_affiliation_alone():
    assert person("Ben Ortiz of Oxfam said aid was late.").role == "advocacy"


def test_words_before_a_name_need_a_role_word_next_to_it():
    text = "Crowds greeting Ana Ruiz cheered. Ruiz said she was moved."
    assert person(text).role == "unknown"


def test_a_generic_head_in_a_sports_report_is_sport():
    text = (
        "Oakfield beat Rovers 2-1 and then 3-0 in the league. "
        "Oakfield manager Pete Crane said the team played well."
    )
    assert is_sports_report(text)
    assert person(text).role == "sport"


def test_percentage_points_make_no_sports_report():
    text = "The senator gained 3 points. Her rival lost 2 points over the season, 51-49 in a poll."
    assert not is_sports_report(text)


def test_goals_and_a_season_make_no_sports_report():
    text = (
        "The law has two goals. Its main goal is cost control; other goals came later, "
        "and the goal of the enrolment season is growth."
    )
    assert not is_sports_report(text)


@pytest.mark.parametrize(
    "text",
    [
        "Minnesota Gov. Ana Ruiz said the line would reopen.",
        "Tory co-chairman Ana Ruiz said the line would reopen.",
    ],
)
def test_abbreviated_and_shared_offices(text):
    assert person(text).role == "politician"


def test_a_spokesman_of_a_person_takes_that_persons_role():
    text = (
        "Senator Ana Ruiz spoke first. Ruiz spokesman Tom Baker said the vote was fair. "
        '"We will win," said Ilse Moran, a spokeswoman for Ruiz.'
    )
    roles = {a.name: (a.role, a.role_evidence) for a in find_actors(text) if a.kind == "person"}
    assert roles == {
        "Ana Ruiz": ("politician", ("title: Senator",)),
        "Tom Baker": ("politician", ("before: Ruiz spokesman",)),
        "Ilse Moran": ("politician", ("apposition: a spokeswoman for Ruiz",)),
    }


def test_a_party_and_state_in_brackets_after_the_name():
    text = "The bill passed. Ana Ruiz (D-Mass.) said it was late; Tom Baker (R) agreed."
    roles = {a.name: (a.role, a.role_evidence) for a in find_actors(text) if a.kind == "person"}
    assert roles["Ana Ruiz"] == ("politician", ("party: D-Mass.",))
    assert roles["Tom Baker"] == ("politician", ("party: R",))


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Ana Ruiz won the primary. The Vermont senator thanked her staff.", "The Vermont senator"),
        ('Ana Ruiz won. "We did it," the senator said.', "the senator"),
        (
            "Ana Ruiz won. Yet the former secretary of state looked tired.",
            "the former secretary of state",
        ),
    ],
)
def test_a_subject_description_refers_back_to_the_subject_before_it(text, evidence):
    ruiz = person(text)
    assert (ruiz.role, ruiz.role_evidence) == ("politician", (f"refers back: {evidence}",))


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz spoke. The officials said no.",  # a group
        "Ana Ruiz spoke. The senator's plan failed.",  # not the subject
        "Ana Ruiz spoke. The hall will play host to a rally.",  # a verb before the role word
        "On Monday a large crowd in the square cheered Ana Ruiz. The senator spoke.",  # an object
    ],
)
def test_descriptions_that_refer_back_to_no_one(text):
    assert person(text).role == "unknown"


def test_a_title_outweighs_a_description_that_refers_back():
    text = "Professor Ana Ruiz spoke. The senator left."
    assert person(text).role_evidence == ("title: Professor",)


def test_a_spokesman_of_an_unknown_organisation_speaks_for_a_business():
    text = (
        "Shares in Norvik Holdings fell. Norvik Holdings spokesman Tom Baker said sales held up. "
        '"We are fine," said Ana Ruiz of Norvik Holdings.'
    )
    roles = {a.name: (a.role, a.role_evidence) for a in find_actors(text) if a.kind == "person"}
    assert roles == {
        "Tom Baker": ("business", ("before: Norvik Holdings spokesman",)),
        "Ana Ruiz": ("business", ("affiliation: Norvik Holdings",)),
    }


def test_a_relative_of_a_politician_is_no_politician():
    text = "Senator Ana Ruiz arrived. Ruiz's husband, Tom Baker, said little."
    baker = next(a for a in find_actors(text) if a.name == "Tom Baker")
    assert baker.role == "citizen"


@pytest.mark.parametrize(
    "text, role, evidence",
    [
        (
            "Ana Ruiz won the Democratic primary in Iowa.",
            "politician",
            "won the Democratic primary",
        ),
        ("Ana Ruiz campaigned in Ohio on Monday.", "politician", "campaigned"),
        ("Aides said Ana Ruiz's candidacy was over.", "politician", "candidacy"),
        ("Ana Ruiz won the match in three sets.", "sport", "won the match"),
    ],
)
def test_what_the_words_after_a_name_say(text, role, evidence):
    assert (person(text).role, person(text).role_evidence) == (role, (f"context: {evidence}",))


def test_an_object_after_a_clause_boundary_says_nothing():
    assert person("Ana Ruiz won. The primary is next week.").role == "unknown"


def test_a_title_abbreviation_does_not_end_an_apposition():
    text = 'Senator Ana Ruiz spoke. "No," said Tom Baker, a spokesman for Mrs. Ruiz.'
    baker = next(a for a in find_actors(text) if a.name == "Tom Baker")
    assert baker.role_evidence == ("apposition: a spokesman for Mrs. Ruiz",)


def test_no_description_is_unknown():
    assert person("Ana Ruiz said the line would reopen.").role == "unknown"


def test_organisations_by_their_names_and_places_none():
    roles = {
        a.name: a.role for a in find_actors("Northfield University researchers met in Berlin.")
    }
    assert roles == {"Northfield University": "expert", "Berlin": None}


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("police", "police_military"),
        ("a local resident", "citizen"),
        ("officials", "official"),
        ("a Labour spokesperson", "politician"),
        ("a spokesman for the Acme Group", "business"),
        ("the weather", "unknown"),
    ],
)
def test_role_of_an_unnamed_speaker(phrase, role):
    assert role_of_phrase(phrase)[0] == role


def test_codebook_sets_a_role():
    book = pd.DataFrame({"actor": ["Ana Ruiz"], "kind": ["person"], "role": ["advocacy"]})
    ruiz = person_with("Transport Secretary Ana Ruiz said the line would reopen.", book)
    assert (ruiz.role, ruiz.role_evidence) == ("advocacy", ("codebook",))


def person_with(text, book):
    return next(a for a in find_actors(text, codebook=book) if a.kind == "person")


# --- the hand labels and their scorer --------------------------------------------------------


def test_hand_labels_are_well_formed():
    labels = read_person_labels(GOLD)
    ids = list(labels)
    assert sum(i.startswith("bbc/") for i in ids) == 40
    assert sum(i.startswith("polnear/") for i in ids) == 40
    for rows in labels.values():
        for row in rows:
            assert row.role in (*ROLES, None)
            assert row.gender in ("female", "male", "unknown", None)
            assert 0 < len(row.person.split()) <= 5  # names or short descriptions, no text
    speakers = read_role_labels(GOLD)
    assert sum(len(rows) for rows in speakers.values()) >= 259


def test_a_label_file_with_three_columns_is_refused(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text("bbc/politics/001\tAna Ruiz\tpolitician\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.tsv:1: expected article_id, person, role"):
        read_person_labels(gold)


def test_evaluate_roles_on_a_small_corpus(tmp_path):
    (tmp_path / "bbc" / "politics").mkdir(parents=True)
    (tmp_path / "bbc" / "politics" / "001.txt").write_text(
        "Line reopens\n\nTransport Secretary Ana Ruiz said the line would reopen. "
        '"It is a good day," said Tom Baker, a professor of economics. '
        "Mrs Ilse Moran was there.\n",
        encoding="utf-8",
    )
    gold = tmp_path / "gold.tsv"
    gold.write_text(
        "# test labels\nbbc/politics/001\tAna Ruiz\tpolitician\tunknown\n"
        "bbc/politics/001\tTom Baker\texpert\tmale\n"
        "bbc/politics/001\tCora Dunn\tcitizen\tfemale\n"
        "bbc/politics/001\tIlse Moran\t-\tfemale\n",
        encoding="utf-8",
    )
    result = evaluate_roles(gold, tmp_path)
    assert result.pairs == [("politician", "politician"), ("expert", "expert"), ("citizen", None)]
    assert (result.found, round(result.accuracy, 4)) == (2, 0.6667)
    people = result.genders["people"]
    # Ana Ruiz: no gender in the text, one from her given name (guessed); Tom Baker: male from
    # his given name, right; Cora Dunn: not in the text; Ilse Moran: "Mrs", right.
    assert people.pairs == [
        ("unknown", "female"),
        ("male", "male"),
        ("female", None),
        ("female", "female"),
    ]
    assert people.summary("people")["guessed"] == 1
    assert [r["f1"] for r in people.rows("people")] == [0.6667, 1.0]
    assert result.genders["speakers"].pairs == people.pairs[:3]


def test_gender_tally_counts_the_other_gender_as_wrong():
    tally = GenderTally(
        [("female", "male"), ("male", "male"), ("unknown", "male"), ("male", "none")]
    )
    assert tally.prf("male") == PRF(tp=1, fp=1, fn=1)
    assert tally.prf("female") == PRF(tp=0, fp=0, fn=1)
    summary = tally.summary("people")
    assert (summary["wrong"], summary["none"], summary["guessed"]) == (1, 1, 1)


def test_role_result_rows():
    result = RoleResult([("expert", "expert"), ("expert", "business"), ("media", None)])
    assert result.rows()[-1] == {
        "role": "all",
        "labels": 3,
        "found": 2,
        "right": 1,
        "accuracy": 0.3333,
        "accuracy_found": 0.5,
    }
    assert result.confusion() == [
        {"gold": "expert", "toolkit": "business", "n": 1},
        {"gold": "media", "toolkit": "(missing)", "n": 1},
    ]
