"""The attribution rules as a catalogue: every example of every rule is found by that rule,
names are unique and stable, and each quotation says which rule found it.

Every text here is written for the test (invented names), as are the rules' examples.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import toolkit
from toolkit.quotes import extract_quotes, quotes_to_frame
from toolkit.quotes.rules import CASCADES, Cascade, Example, Rule, rule

ALL_RULES = [r for cascade in CASCADES for r in cascade.rules]
EXAMPLES = [
    pytest.param(r.name, example, id=f"{r.name}-{n}")
    for r in ALL_RULES
    for n, example in enumerate(r.examples)
]


@pytest.mark.parametrize(("name", "example"), EXAMPLES)
def test_each_rule_finds_its_examples(name, example):
    quotes = toolkit.extract_quotes(example.text, scope="all")
    if name in DESCRIBING:  # these widen the mention of an unnamed source: no actor, no rule
        found = [(q.text, q.speaker_mention, q.source, q.speaker) for q in quotes]
        assert (example.quote, example.speaker, example.speaker, None) in found
        return
    if name in RESOLVING:  # these say who "they" stand for: the source, not a rule
        assert (example.quote, example.speaker) in [(q.text, q.source) for q in quotes]
        return
    assert (example.quote, example.speaker, name) in [(q.text, q.speaker, q.rule) for q in quotes]


DESCRIBING = {r.name for c in CASCADES if c.name == "description" for r in c.rules}
RESOLVING = {r.name for c in CASCADES if c.name == "antecedent" for r in c.rules}


def test_an_unnamed_source_keeps_its_whole_description():
    text = (
        "A person close to the talks said the mill would close. Officials in the valley "
        "on Friday said the road was shut. Several growers and packers say prices fell. "
        "A guide who knows the pass said it was icy."
    )
    assert [q.source for q in extract_quotes(text)] == [
        "A person close to the talks",
        "Officials in the valley",
        "Several growers and packers",
        "A guide",
    ]


def test_a_description_stops_at_a_name_a_pronoun_and_the_quotation():
    text = (
        "Ana Ruiz said the port would close. She said it was late. "
        "The mayor left when asked by a reporter about the budget."
    )
    assert [q.speaker_mention for q in extract_quotes(text, scope="all")] == [
        "Ana Ruiz",
        "She",
        "a reporter",
    ]


def test_the_cascades_and_their_order():
    assert [c.name for c in CASCADES] == [
        "speaker",
        "source",
        "inherit",
        "reported",
        "clause",
        "description",
        "antecedent",
    ]
    assert [r.name for r in CASCADES[0].rules][:4] == [
        "quote-attribution-according-to",
        "quote-pronoun-repeats-introducer",
        "quote-comma-said-name",
        "quote-comma-name-said",
    ]
    assert CASCADES[0].rules[-1].name == "sentence-subject"


def test_every_rule_has_a_unique_kebab_case_name_a_sentence_and_an_example():
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names))
    for r in ALL_RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name), r.name
        assert r.summary.endswith(".") and r.summary[0].isupper(), r.name
        assert r.examples and all(isinstance(e, Example) for e in r.examples), r.name
        assert callable(r.apply), r.name
    for cascade in CASCADES:
        assert cascade.summary and cascade.rules


def test_a_rule_is_looked_up_by_name():
    assert rule("quote-comma-said-name").examples[0] == Example(
        '"We will rebuild the bridge," said Ana Ruiz.', "We will rebuild the bridge,", "Ana Ruiz"
    )
    with pytest.raises(KeyError, match="known rules: quote-attribution-according-to, "):
        rule("said-smith")


def test_a_cascade_answers_with_the_first_rule_that_answers():
    def no(x):
        return None

    def yes(x):
        return x * 2

    cascade = Cascade(
        "demo",
        "Demonstration.",
        (Rule("a", "A.", (), no), Rule("b", "B.", (), yes), Rule("c", "C.", (), yes)),
    )
    chosen, answer = cascade.first(21)
    assert (chosen.name, answer) == ("b", 42)
    assert Cascade("none", "Nothing.", (Rule("a", "A.", (), no),)).first(1) is None


def test_only_the_rules_that_find_a_speaker_without_a_cue_are_subject_only():
    assert sorted(r.name for r in ALL_RULES if r.subject_only) == [
        "clause-subject",
        "sentence-subject",
    ]
    assert [r.name for r in ALL_RULES if r.scare_inherits] == ["clause-subject"]


def test_each_quotation_says_which_rule_found_it():
    text = (
        '"We will rebuild the bridge," said Ana Ruiz. "It will take a year." '
        "Tom Reyes said the cost would double."
    )
    assert [(q.text, q.rule) for q in extract_quotes(text, actors=[])] == [
        ("We will rebuild the bridge,", "quote-comma-said-name"),
        ("It will take a year.", "same-paragraph"),
        ("the cost would double", "clause-after-cue"),
    ]


def test_a_quotation_whose_speaker_no_rule_finds_names_no_rule():
    [quote] = extract_quotes('"The bridge will open in May, and the ferry will stop."', actors=[])
    assert (quote.speaker_mention, quote.rule) == (None, "")


def test_the_rule_is_a_column_of_the_table_to_filter_by():
    text = '"We are ready," said Ana Ruiz. Tom Reyes said the crews were ready.'
    quotes = extract_quotes(text)
    assert quotes[0].to_dict()["rule"] == "quote-comma-said-name"
    frame = quotes_to_frame(quotes)
    assert "rule" in frame.columns
    assert frame[frame["rule"] == "clause-after-cue"]["text"].tolist() == ["the crews were ready"]


def test_the_code_never_branches_on_a_rule_name():
    # Rules are chosen by their order and their flags, never by comparing names.
    from toolkit.quotes._attribution import Attribution

    assert "how" not in Attribution.__dataclass_fields__
    package = Path(toolkit.__file__).parent / "quotes"
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\.(name|rule)\s*(==|!=|in\b|not in\b)", source), path


def test_a_description_takes_no_verb_phrase_and_no_line_above():
    from toolkit.quotes._descriptions import post_modifier

    text = "The firm named in the suit rejected each charge and said the firm would appeal."
    said = text.index("said")
    assert post_modifier(text, (0, 14), (said, said + 4), (said + 5, len(text) - 1)) is None
    text = (
        "Reyes left early.\n\nFarmers and traders say the tax is unfair. A porter for "
        "allegedly many years said the lift was broken."
    )
    assert [q.speaker_mention for q in extract_quotes(text, scope="all")] == [
        "Farmers and traders",
        "A porter",
    ]
