from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from toolkit import Article, sentences, words


def texts(spans):
    return [s.text for s in spans]


def test_seed_article_has_sixteen_sentences(seed):
    found = sentences(seed)
    assert len(found) == 16
    assert found[1].text == (
        'France\'s priority was to "equip, support and help Ukraine to resist," Macron said as he '
        "left Argentina to attend the G20 summit in Brazil."
    )


def test_news_abbreviations_do_not_end_sentences():
    text = (
        "U.S. officials met Gen. Mark Milley at 9 a.m. on Jan. 5 in Washington. "
        "J. R. Smith of Acme Inc. was there too. The talks ended in the U.S. The next round is in Geneva."
    )
    assert texts(sentences(text)) == [
        "U.S. officials met Gen. Mark Milley at 9 a.m. on Jan. 5 in Washington.",
        "J. R. Smith of Acme Inc. was there too.",
        "The talks ended in the U.S.",
        "The next round is in Geneva.",
    ]


def test_closing_quote_belongs_to_its_sentence():
    text = '"We will not retreat." Zelensky said the front held. "Why?" he asked.'
    assert texts(sentences(text)) == [
        '"We will not retreat."',
        "Zelensky said the front held.",
        '"Why?" he asked.',
    ]


def test_decimals_and_money_do_not_split():
    text = "Profits rose 1.13% to $1.5bn. Shares fell."
    assert texts(sentences(text)) == ["Profits rose 1.13% to $1.5bn.", "Shares fell."]


def test_paragraphs_always_end_sentences():
    article = Article.from_text("Headline without a stop\n\nBody text here")
    assert texts(sentences(article)) == ["Headline without a stop", "Body text here"]


def test_words_keep_contractions_hyphens_numbers_and_abbreviations():
    text = "Biden's U.S.-supplied ATACMS cost $1.5bn, a 20-year-old said. Don't!"
    assert texts(words(text)) == [
        "Biden's",
        "U.S.-supplied",
        "ATACMS",
        "cost",
        "$1.5bn",
        "a",
        "20-year-old",
        "said",
        "Don't",
    ]


@given(st.text(alphabet=st.sampled_from(list("ab .?!\"'”“\n-UJ.S")), max_size=200))
def test_every_span_slices_back_and_spans_do_not_overlap(text):
    for finder in (sentences, words):
        spans = finder(text)
        previous_end = 0
        for span in spans:
            assert text[span.start : span.end] == span.text
            assert span.start >= previous_end
            assert span.end > span.start
            previous_end = span.end


@given(st.text(max_size=300))
def test_sentences_cover_all_non_space_text(text):
    covered = "".join(s.text for s in sentences(text))
    assert "".join(covered.split()) == "".join(text.split())


def test_a_long_line_without_breaks_is_split_in_linear_time():
    # A badly exported article can be one 500 KB line. Quadratic work would take minutes here.
    sentence = 'Mr. Hale met U.S. envoys at 9 a.m. on Jan. 5. "We are ready," he said. '
    text = sentence * (500_000 // len(sentence))
    assert len(sentences(text)) == 2 * (500_000 // len(sentence))
