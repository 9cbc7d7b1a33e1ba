"""Text statistics: every formula on hand-counted texts, terms, collocations, kwic, the CLI,
and both NLTK paths."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import toolkit
from toolkit import Article, TextStats, collocations, kwic, text_stats, top_terms
from toolkit.cli import main
from toolkit.text.stats import hdd, mattr, mtld, ttr, yules_k

ROOT = Path(__file__).resolve().parent.parent

# 14 one-syllable words, 2 sentences, 41 letters; "the" four times and 10 other words once.
FARM = "The cat sat on the mat. The dog ran to the big red barn."


@pytest.fixture(scope="module")
def farm() -> TextStats:
    return text_stats(FARM)


def test_counts_of_a_hand_counted_text(farm):
    assert (farm.words, farm.sentences, farm.paragraphs) == (14, 2, 1)
    assert (farm.syllables, farm.letters, farm.characters) == (14, 41, len(FARM))
    assert (farm.mean_sentence_length, farm.max_sentence_length) == (7.0, 8)
    assert (farm.long_words, farm.complex_words, farm.polysyllables) == (0, 0, 0)
    assert (farm.difficult_words, farm.types) == (0, 11)


def test_readability_formulas_on_the_hand_counted_text(farm):
    approx = pytest.approx
    # Flesch (1948): 206.835 - 1.015 * 14/2 - 84.6 * 14/14
    assert farm.flesch_reading_ease == approx(115.13)
    # Kincaid et al. (1975): 0.39 * 7 + 11.8 * 1 - 15.59
    assert farm.flesch_kincaid_grade == approx(-1.06)
    # Gunning (1952): 0.4 * (7 + 100 * 0/14)
    assert farm.gunning_fog == approx(2.8)
    # McLaughlin (1969): 1.0430 * sqrt(0 * 30/2) + 3.1291
    assert farm.smog == approx(3.1291)
    # Coleman and Liau (1975): 0.0588 * (100 * 41/14) - 0.296 * (100 * 2/14) - 15.8
    assert farm.coleman_liau == approx(0.0588 * 4100 / 14 - 0.296 * 200 / 14 - 15.8)
    assert farm.coleman_liau == approx(-2.808571, abs=1e-6)
    # Senter and Smith (1967): 4.71 * 41/14 + 0.5 * 7 - 21.43
    assert farm.ari == approx(-4.136429, abs=1e-6)
    # Dale and Chall (1948): 0.1579 * 0 + 0.0496 * 7, no adjustment (0% difficult)
    assert farm.dale_chall == approx(0.3472)
    # Brysbaert (2019): 14 words at 238 words per minute
    assert farm.reading_time_minutes == approx(14 / 238)


def test_lexical_diversity_on_the_hand_counted_text(farm):
    approx = pytest.approx
    assert farm.ttr == approx(11 / 14)
    assert farm.mattr == approx(11 / 14)  # shorter than the 50-word window: plain TTR
    # Yule (1944): 10 types once, 1 type four times: 1e4 * (10 * 1 + 1 * 16 - 14) / 14**2
    assert farm.yules_k == approx(1e4 * 12 / 196)
    # MTLD forward: TTR falls to 5/7 at the 7th word (1 factor), the last 7 words are all new
    # (partial factor 0): 14 / 1. Backward: no full factor; partial (1 - 11/14) / 0.28.
    forward, backward = 14 / 1, 14 / ((1 - 11 / 14) / 0.28)
    assert farm.mtld == approx((forward + backward) / 2)
    assert farm.mtld == approx(16.146667, abs=1e-6)
    assert farm.hdd is None  # fewer than 42 words


def test_lexical_diversity_functions_on_token_lists():
    assert ttr([]) is None and mtld([]) is None and yules_k([]) is None
    assert mattr(["a", "b", "a", "c"], window=2) == 1.0
    assert mattr(["a", "a", "b", "b"], window=2) == pytest.approx(2 / 3)
    assert mattr(list("abcab"), window=3) == 1.0
    assert mtld(list("abcdef")) is None  # every token new: not a single factor
    # HD-D: 42 distinct words, each certainly in a 42-word sample -> 1.0
    distinct = [f"w{i}" for i in range(42)]
    assert hdd(distinct) == pytest.approx(1.0)
    # 43 words, one used twice: 41 types missed with chance 1/43, the repeated one never.
    assert hdd([*distinct[:41], "w41", "w41"]) == pytest.approx((41 * 42 / 43 + 1) / 42)
    assert hdd(["a", "a", "b", "b"], sample=2) == pytest.approx(5 / 6)


def test_gunning_complex_words_skip_names_compounds_and_inflections():
    # "Officials" is complex (3 syllables, capitalised only because it opens the sentence);
    # "created", "excuses" and "combining" have 3 syllables only with their ending.
    s = text_stats("Officials created new excuses while combining budgets.")
    assert (s.polysyllables, s.complex_words) == (4, 1)
    s = text_stats("On Monday Elizabeth met well-informed diplomats.")
    assert s.complex_words == 1  # diplomats; Elizabeth is a name, well-informed a compound
    assert s.gunning_fog == pytest.approx(0.4 * (6 / 1 + 100 * 1 / 6))


def test_dale_chall_difficult_words_and_adjustment():
    # committee, approved, legislation are not on the list; "The" is; Parliament is a name.
    s = text_stats("The committee approved the legislation in Parliament.")
    assert (s.words, s.difficult_words) == (7, 3)
    pdw = 100 * 3 / 7
    assert s.dale_chall == pytest.approx(0.1579 * pdw + 0.0496 * 7 + 3.6365)
    # Inflections of listed words are familiar: walked, dogs, bigger, running, stopped.
    assert text_stats("The dogs walked. Bigger boys stopped running.").difficult_words == 0


def test_dale_chall_doubled_consonant_inflections_are_familiar():
    """The list has "drop", "plan", "hot" and "thin" but not these forms: a doubled final
    consonant before -ed, -er or -est leads back to the listed word; an unlisted base does not."""
    from toolkit.lang import word_set

    listed = word_set("dale_chall_easy_words.txt")
    doubled = ["dropped", "planned", "hotter", "thinnest"]
    assert not listed & set(doubled)
    assert {"drop", "plan", "hot", "thin"} <= listed
    s = text_stats("The boys dropped their bags. Hotter days were planned for the thinnest dogs.")
    assert (s.words, s.difficult_words) == (13, 0)
    assert text_stats("The boys zapped their bags.").difficult_words == 1  # "zap" is not listed


def test_smog_scales_short_texts_to_thirty_sentences():
    s = text_stats("Negotiators met yesterday. Nothing changed.")
    assert (s.sentences, s.polysyllables) == (2, 2)  # negotiators (5), yesterday (3)
    assert s.smog == pytest.approx(1.0430 * math.sqrt(2 * 30 / 2) + 3.1291)


def test_numbers_and_abbreviations_count_as_read_aloud():
    s = text_stats("The BBC paid £1.5bn in 2004.")
    # the(1) BBC(3) paid(1) £1.5bn(6: one point five billion pounds) in(1) 2004(5)
    assert (s.words, s.syllables) == (6, 17)
    assert s.complex_words == 0  # numbers and abbreviations are not Gunning's hard words


def test_paragraphs_and_sentences_of_an_article():
    article = Article.from_text("Talks resume\n\nThe talks resumed on Monday. Both sides spoke.")
    s = text_stats(article)
    assert (s.paragraphs, s.sentences, s.words) == (2, 3, 10)
    assert s.max_sentence_length == 5


def test_empty_text_has_zero_counts_and_no_ratios():
    s = text_stats("")
    assert (s.words, s.sentences, s.syllables) == (0, 0, 0)
    assert s.flesch_reading_ease is None and s.ttr is None and s.smog is None
    assert s.reading_time_minutes == 0
    assert text_stats("...").words == 0


def test_to_dict_has_the_agreed_field_names(farm):
    row = farm.to_dict()
    agreed = {
        "characters", "words", "sentences", "paragraphs", "syllables", "mean_sentence_length",
        "max_sentence_length", "long_words", "complex_words", "flesch_reading_ease",
        "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau", "ari", "dale_chall",
        "ttr", "mattr", "mtld", "hdd", "yules_k", "reading_time_minutes",
    }  # fmt: skip
    assert agreed <= set(row)
    json.dumps(row)  # plain data
    with pytest.raises(AttributeError):
        farm.words = 3  # frozen


@given(st.text(alphabet=st.sampled_from("ab Cd.!?\n'-1é"), max_size=200))
def test_counts_are_consistent_on_any_text(text):
    s = text_stats(text)
    assert min(s.words, s.sentences, s.syllables, s.paragraphs, s.letters) >= 0
    assert s.sentences <= s.words
    assert s.max_sentence_length <= s.words
    assert s.polysyllables <= s.words and s.complex_words <= s.polysyllables
    if s.ttr is not None:
        assert 0 < s.ttr <= 1 and 0 < s.mattr <= 1


# --- terms, collocations, kwic -------------------------------------------------------------

BUDGET = (
    "The Chancellor said interest rates would stay low. Interest rates matter to families, "
    "the Chancellor's office said. The BBC asked whether interest rates would rise in the US. "
    "Families told us they feared higher interest rates."
)


def test_top_terms_drop_stop_words_and_keep_acronyms():
    terms = top_terms(BUDGET, 4)
    assert terms[0] == ("interest", 4)
    assert terms[1] == ("rates", 4)
    assert ("chancellor", 2) in terms and ("families", 2) in terms
    everything = dict(top_terms(BUDGET, 100))
    assert "said" not in everything and "the" not in everything and "us" not in everything
    assert everything["US"] == 1 and everything["BBC"] == 1
    assert terms[0].term == "interest" and terms[0].count == 4


def test_collocations_find_repeated_pairs():
    found = collocations(BUDGET, 5)
    assert found[0].phrase == "interest rates" and found[0].count == 4
    assert all(c.count >= 2 for c in found)
    assert collocations(BUDGET, 5, min_count=5) == []


def test_kwic_matches_whole_words_case_insensitively():
    frame = kwic(BUDGET, "interest rates", window=2)
    assert list(frame.columns) == ["left", "keyword", "right", "start", "end"]
    assert len(frame) == 4
    first = frame.iloc[0]
    assert (first.left, first.keyword, first.right) == (
        "Chancellor said",
        "interest rates",
        "would stay",
    )
    # The window crosses sentence ends, as in a concordance.
    assert (frame.iloc[1].left, frame.iloc[1].keyword) == ("stay low.", "Interest rates")
    for row in frame.itertuples():
        assert BUDGET[row.start : row.end] == row.keyword
    assert len(kwic(BUDGET, "rate")) == 0  # "rates" is another word
    assert len(kwic("A first-rate rate.", "rate")) == 1
    with pytest.raises(ValueError):
        kwic(BUDGET, "  ")


@given(
    st.lists(
        st.sampled_from(["Rates", "rates", "rose", "Bank's", "rate-setting", ",", "."]), max_size=40
    ),
    st.integers(min_value=0, max_value=4),
)
def test_kwic_offsets_slice_back(tokens, window):
    text = " ".join(tokens)
    frame = kwic(text, "rates", window=window)
    for row in frame.itertuples():
        assert text[row.start : row.end] == row.keyword
        assert row.keyword.lower() == "rates"
        assert len(toolkit.words(row.left)) <= window
        assert len(toolkit.words(row.right)) <= window


# --- command line ----------------------------------------------------------------------------


@pytest.fixture
def articles(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Rates rise\n\nThe bank raised rates on Monday. Markets fell.\n"
    )
    (tmp_path / "b.txt").write_text("Talks end\n\nThe talks ended without a deal.\n")
    (tmp_path / "empty.txt").write_text("")
    return tmp_path


def test_cli_stats_json_has_one_row_per_article(articles, capsys):
    code = main(["stats", str(articles / "a.txt"), str(articles / "b.txt"), "--json"])
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["words"] == 10 and rows[0]["sentences"] == 3
    assert set(TextStats.__dataclass_fields__) <= set(rows[0])


def test_cli_stats_reports_bad_files_and_goes_on(articles, capsys):
    code = main(["stats", str(articles), "--csv"])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.count("error:") == 1 and "empty.txt" in err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert "flesch_reading_ease" in rows[0]


def test_cli_stats_table_shows_the_main_columns(articles, capsys):
    assert main(["stats", str(articles / "b.txt")]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split()[:3] == ["id", "words", "sentences"]
    assert row.split()[:3] == ["b", "8", "2"]


# --- without NLTK data -----------------------------------------------------------------------

SCRIPT = """
import json, warnings
warnings.simplefilter("always")
import toolkit
s = toolkit.text_stats("The BBC said Mourinho's team won 2-1 in 2004. Fans celebrated.")
print(json.dumps(s.to_dict()))
"""


@pytest.mark.parametrize("how", ["switch", "empty-dir"])
def test_text_stats_without_nltk_data_warns_once_and_works(how, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    env.pop("TOOLKIT_NLTK_DATA", None)
    if how == "switch":
        env["TOOLKIT_NLTK_DATA"] = "off"
    else:
        env["NLTK_DATA"] = str(tmp_path / "empty")
        (tmp_path / "empty").mkdir()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    # the(1) BBC(3) said(1) Mourinho's(3) team(1) won(1) 2-1(2) in(1) 2004(5) Fans(1) celebrated(4)
    assert (row["words"], row["sentences"], row["syllables"]) == (11, 2, 23)
    assert result.stderr.count("NltkDataMissingWarning") == 1
    assert "cmudict" in result.stderr and "estimat" in result.stderr
    assert "toolkit setup" in result.stderr


def test_text_stats_with_nltk_data_uses_the_dictionary():
    if not toolkit.lang.nltk_data.have("cmudict"):
        pytest.skip("NLTK cmudict is not installed")
    # "fire" is 2 syllables in CMUdict's first pronunciation, 1 for the estimator.
    assert text_stats("Fire.").syllables == 2
