"""Syllable counts: dictionary path, estimator path, the held-out split and the evaluation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toolkit import count_syllables, estimate_syllables
from toolkit.evaluation.syllables import held_out_words, is_held_out, is_scored_word
from toolkit.lang import nltk_data
from toolkit.text.syllables import SyllableCounter, vowel_group_contexts

# The same answers are expected with CMUdict and without it (an empty lookup forces the rules
# and the estimator), except where the dictionary knows better.
ROOT = Path(__file__).resolve().parent.parent
NO_DICTIONARY = SyllableCounter({})

READ_ALOUD = {
    # names the dictionary does not have
    "Zelensky": 3,
    "Mourinho": 3,
    "Zelensky's": 3,
    # abbreviations: letter by letter; pronounceable acronyms are words
    "UK": 2,
    "BBC": 3,
    "EU": 2,
    "NHS": 3,
    "U.S.": 2,
    "a.m.": 2,
    "MPs": 2,
    "CEOs": 3,
    "BBC's": 3,
    "W": 3,
    "FIFA": 2,
    "OECD": 4,
    "NSPCC": 5,
    # numbers as spoken
    "1,000": 3,  # one thousand
    "1999": 5,  # nineteen ninety-nine
    "1905": 4,  # nineteen oh five
    "2004": 5,  # two thousand and four
    "2012": 3,  # twenty twelve
    "1990s": 4,  # nineteen nineties
    "5%": 3,  # five percent
    "£1.5bn": 6,  # one point five billion pounds
    "$10m": 5,  # ten million dollars
    "21st": 3,  # twenty-first
    "22nd": 4,  # twenty-second
    "105": 5,  # one hundred and five
    "9:30": 3,  # nine thirty
    "G7": 3,  # gee seven
    "007": 4,  # oh oh seven
    # hyphenated words: the sum of their parts
    "20-year-old": 4,
    "well-known": 2,
    "U.S.-supplied": 4,
    # words not said as spelled
    "Mr": 2,
    "Dr": 2,
    "etc": 4,
    # plain words
    "code": 1,
    "created": 3,
    "idea": 3,
    "media": 3,
}


@pytest.mark.parametrize(("word", "expected"), READ_ALOUD.items())
def test_words_read_aloud_without_the_dictionary(word, expected):
    assert NO_DICTIONARY(word) == expected


@pytest.mark.parametrize(("word", "expected"), READ_ALOUD.items())
def test_words_read_aloud_with_the_dictionary(word, expected):
    if not nltk_data.have("cmudict"):
        pytest.skip("NLTK cmudict is not installed")
    assert count_syllables(word) == expected


def test_dictionary_words_take_the_first_pronunciation():
    if not nltk_data.have("cmudict"):
        pytest.skip("NLTK cmudict is not installed")
    assert count_syllables("fire") == 2  # F AY1 ER0 comes first
    assert count_syllables("NATO") == 2
    assert count_syllables("Jones's") == 2  # "Jones" + a hissing possessive


def test_possessives_add_a_syllable_only_after_a_hissing_sound():
    counter = SyllableCounter({"jones": (1,), "bush": (1,), "smith": (1,)})
    assert counter("Jones's") == 2
    assert counter("Bush's") == 2
    assert counter("Smith's") == 1
    assert counter("Jones'") == 1


def test_empty_and_punctuation_count_zero():
    assert count_syllables("") == 0
    assert count_syllables("--") == 0
    assert count_syllables('"') == 0


def test_curly_apostrophes_are_apostrophes():
    assert NO_DICTIONARY("Zelensky’s") == NO_DICTIONARY("Zelensky's") == 3


def test_estimator_alone_ignores_dictionary_and_rules():
    assert estimate_syllables("Mourinho") == 3
    assert estimate_syllables("code") == 1
    assert estimate_syllables("hmm") == 1  # no vowel letter
    assert estimate_syllables("1999") == 0  # no letters: numbers are count_syllables' job


def test_vowel_groups_have_one_key_per_context_level():
    keys = vowel_group_contexts("code")
    assert [k[0] for k in keys] == ["[o]", "[e]"]
    assert keys[1][-1] == "cod[e]$"  # up to 3 letters either side, ^ and $ at the edges


@given(st.text(max_size=30))
def test_counts_are_small_non_negative_integers(word):
    n = NO_DICTIONARY(word)
    assert isinstance(n, int) and n >= 0
    assert estimate_syllables(word) >= 0


# --- the held-out tenth ---------------------------------------------------------------------


def test_held_out_split_is_a_crc32_of_the_word_before_its_apostrophe():
    for word in ["zelensky", "aaron", "table", "running"]:
        assert is_held_out(word) == (zlib.crc32(word.encode()) % 10 == 0)
    assert is_held_out("aaron's") == is_held_out("aaron") == is_held_out("AARON")


def test_held_out_share_is_about_a_tenth():
    words = [f"word{i}" for i in range(20_000)]
    share = sum(map(is_held_out, words)) / len(words)
    assert 0.09 < share < 0.11


def test_scored_words_are_letters_with_one_apostrophe():
    assert is_scored_word("aaron's") and is_scored_word("achilles'")
    assert not is_scored_word("a42128") and not is_scored_word("able-bodied")
    assert not is_scored_word("a.")


def test_training_script_excludes_exactly_the_held_out_words():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_syllable_model as build
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    import toolkit.evaluation.syllables as evaluation

    assert build.is_held_out is evaluation.is_held_out  # one shared definition
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [f"ba{letters[i // 26]}{letters[i % 26]}" for i in range(400)]
    dictionary = dict.fromkeys(words, (1,)) | {"word-x": (2,), "w0rd": (1,)}
    training = build.training_words(dictionary)
    evaluated = held_out_words(dictionary)
    assert training and evaluated
    assert not set(training) & set(evaluated)
    assert set(training) | set(evaluated) == set(words)


def test_estimator_meets_the_target_on_held_out_cmudict_words():
    if not nltk_data.have("cmudict"):
        pytest.skip("NLTK cmudict is not installed")
    from toolkit.evaluation.syllables import evaluate_syllables

    results = {r.method: r for r in evaluate_syllables(compare=False)}
    estimator = results["toolkit.estimate_syllables"]
    assert estimator.words > 10_000
    assert estimator.rate >= 0.90
    assert estimator.rate_first <= estimator.rate


# --- without NLTK data ------------------------------------------------------------------------


def _run(code: str, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=120
    )


def test_eval_syllables_needs_cmudict_and_says_so():
    result = _run(
        "import sys; from toolkit.cli import main; sys.exit(main(['eval', 'syllables']))",
        TOOLKIT_NLTK_DATA="off",
    )
    assert result.returncode == 2
    assert "cmudict" in result.stderr and "toolkit setup" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_syllables_prints_json_for_every_method(capsys):
    if not nltk_data.have("cmudict"):
        pytest.skip("NLTK cmudict is not installed")
    from toolkit.cli import main

    assert main(["eval", "syllables", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    methods = [row["method"] for row in rows]
    assert methods[0] == "toolkit.estimate_syllables"
    assert any(m.startswith("pyphen") for m in methods)
    assert all(0 <= row["agreement"] <= 1 for row in rows)
