"""Near-duplicates: the same story run again with small edits (wire copies), flagged in
``duplicate_of`` beside exact copies, counted with or without them."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import SHARED
from corpus_samples import FERRY, FERRY_AGAIN, write_desk
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.article import Article
from toolkit.cli import main
from toolkit.corpus import Corpus, analyze_corpus
from toolkit.corpus._near import (
    HASHES,
    SHINGLE_WORDS,
    THRESHOLD,
    NearDuplicates,
    signature,
    words,
)


def jaccard(a: str, b: str) -> float:
    """The exact Jaccard similarity of two texts' sets of word 5-grams."""

    def grams(text: str) -> set[tuple[bytes, ...]]:
        w = words(text)
        return {tuple(w[i : i + 5]) for i in range(max(1, len(w) - 4))}

    x, y = grams(a), grams(b)
    return len(x & y) / len(x | y)


def estimate(a: str, b: str) -> float:
    """The share of the two signatures' values that agree."""
    x, y = np.frombuffer(signature(a), "<u2"), np.frombuffer(signature(b), "<u2")
    return float((x == y).mean())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return analyze_corpus(write_desk(tmp_path_factory.mktemp("near")), workers=1, progress=False)


def test_the_same_text_has_the_same_signature_whatever_its_punctuation_and_case():
    assert signature(FERRY) == signature(FERRY.upper().replace(",", " ,"))
    assert signature("") is None


def test_an_edited_copy_is_flagged_with_its_similarity(corpus):
    articles = corpus.articles.set_index("id")
    assert articles.at["courier-0002", "duplicate_of"] == "wire-0001"
    assert articles.at["courier-0002", "duplicate_kind"] == "near"
    similarity = articles.at["courier-0002", "duplicate_similarity"]
    exact = jaccard(FERRY, FERRY_AGAIN)
    assert exact == pytest.approx(0.602, abs=0.001)
    assert similarity == pytest.approx(exact, abs=0.1)
    # The other stories share words and people, but no passage.
    assert articles["duplicate_of"].drop("courier-0002").isna().all()


def test_count_with_or_without_repeated_stories(corpus):
    assert len(corpus) == 6
    assert "courier-0002" not in set(corpus.deduplicated().articles["id"])
    assert "courier-0002" in set(corpus.deduplicated(near=False).articles["id"])
    per_outlet = corpus.deduplicated().by(outlet=True).articles()
    assert per_outlet.set_index("outlet").at["Kelso Courier", "articles"] == 1
    assert corpus.summary()["near_duplicates"] == 1


def test_duplicates_table_pairs_each_copy_with_the_first(corpus):
    table = corpus.duplicates()
    assert table[["id", "duplicate_of", "duplicate_kind", "outlet", "outlet_first"]].astype(
        str
    ).values.tolist() == [["courier-0002", "wire-0001", "near", "Kelso Courier", "North Bay Post"]]
    assert table.loc[0, "date"] - table.loc[0, "date_first"] == pd.Timedelta(hours=31, minutes=30)


def test_dedupe_drops_near_duplicates_from_every_table(corpus, tmp_path):
    deduped = analyze_corpus(write_desk(tmp_path), workers=1, progress=False, dedupe=True)
    assert list(deduped.articles["id"]) == list(corpus.deduplicated().articles["id"])
    for name in ("actors", "quotes", "co_mentions"):
        assert "courier-0002" not in set(getattr(deduped, name)["article_id"])


def test_near_duplicates_can_be_left_alone(tmp_path):
    corpus = analyze_corpus(write_desk(tmp_path), workers=1, progress=False, near_duplicates=None)
    assert corpus.articles["duplicate_of"].isna().all()


def test_the_most_similar_original_is_named_and_copies_are_not_originals():
    story = FERRY
    trimmed = FERRY.rsplit("\n\n", 1)[0]  # the first paragraph only
    reworded = story.replace("from Saturday", "from Sunday").replace("on Wednesday", "today")
    index = NearDuplicates()
    index.add(signature(trimmed), "trimmed")
    index.add(signature(story), "full")
    assert index.match(signature(reworded))[0] == "full"
    assert index.match(signature(Article.from_text(FERRY).text))[0] == "full"


def test_cli_threshold_and_off(tmp_path, capsys):
    desk = write_desk(tmp_path)
    assert main(["corpus", str(desk), "--out", str(tmp_path / "a"), "--near-threshold", "off"]) == 0
    assert "(0 duplicates kept, marked in duplicate_of)" in capsys.readouterr().out
    assert main(["corpus", str(desk), "--out", str(tmp_path / "b"), "--near-threshold", "0.9"]) == 0
    assert "0 duplicates and 0 near-duplicates kept" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["corpus", str(desk), "--out", str(tmp_path / "c"), "--near-threshold", "1.5"])
    assert "not a similarity above 0 and at most 1" in capsys.readouterr().err


WORDS = [
    "harbour",
    "board",
    "ferry",
    "kelso",
    "north",
    "bay",
    "storm",
    "landing",
    "stage",
    "council",
    "bill",
    "union",
    "dockers",
]


def edited_pair(seed: int, length: int) -> tuple[str, str]:
    """A text of ``length`` invented words and a copy with about 8% of its words changed."""
    rng = random.Random(seed)
    first = [rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(length)]
    second = [w if rng.random() > 0.08 else rng.choice(WORDS) for w in first]
    return " ".join(first), " ".join(second)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=60, max_value=400))
def test_the_estimate_follows_the_jaccard_similarity(seed, length):
    # An estimate from k agreeing values has a standard error of sqrt(J(1-J)/k), k the
    # signature's values or, in a short text, its shingles: within four of them, always.
    a, b = edited_pair(seed, length)
    similarity = jaccard(a, b)
    k = min(HASHES, length - SHINGLE_WORDS + 1)
    error = (similarity * (1 - similarity) / k) ** 0.5
    assert estimate(a, b) == pytest.approx(similarity, abs=4 * error + 0.02)


def test_the_estimate_is_unbiased_with_the_stated_spread():
    # 200 edited pairs of 200 words (similarity about 0.5): the module docstring says a
    # standard error of about 0.04.
    errors = np.array(
        [estimate(*pair) - jaccard(*pair) for pair in map(edited_pair, range(200), [200] * 200)]
    )
    assert abs(errors.mean()) < 0.01
    assert errors.std() < 0.045


# --- the evaluation data ------------------------------------------------------------------------


def near_pairs(articles: list[Article]) -> tuple[int, list[tuple[Article, Article, float]]]:
    """Exact duplicates, and near-duplicate pairs (copy, original, similarity), as a corpus
    run finds them."""
    firsts: dict[str, Article] = {}
    index = NearDuplicates()
    by_id = {a.id: a for a in articles}
    exact, pairs = 0, []
    for article in articles:
        if firsts.setdefault(article.fingerprint, article) is not article:
            exact += 1
            continue
        found = index.match(signature(article.text))
        if found:
            pairs.append((article, by_id[found[0]], found[1]))
        else:
            index.add(signature(article.text), article.id)
    return exact, pairs


def test_polnear_has_three_republished_stories():
    table = SHARED / "corpus" / "polnear" / "articles.csv"
    if not table.is_file():
        pytest.skip(f"{table} is not available")
    from toolkit import read_articles

    exact, pairs = near_pairs(list(read_articles(table)))
    assert exact == 0
    found = [(c.outlet, o.date.date().isoformat(), c.date.date().isoformat()) for c, o, _ in pairs]
    assert sorted(found) == [
        ("breitbart", "2016-03-15", "2016-03-15"),  # two "The Latest" updates of one day
        ("nyt", "2015-11-25", "2015-11-26"),
        ("nyt", "2016-03-04", "2016-03-05"),
    ]
    assert min(similarity for *_, similarity in pairs) > THRESHOLD + 0.1


def test_bbc_has_98_exact_copies_and_edited_ones_above_the_threshold():
    folder = SHARED / "corpus" / "bbc"
    if not folder.is_dir():
        pytest.skip(f"{folder} is not available")
    from toolkit.article import assign_ids, expand_paths, load_article

    files = expand_paths([folder])
    ids = assign_ids(files)
    exact, pairs = near_pairs([load_article(f, id=ids[f]) for f in files])
    assert exact == 98
    assert 60 <= len(pairs) <= 80
    # Edited copies share most of their passages: their exact similarity is above 0.35.
    assert all(jaccard(c.text, o.text) > 0.35 for c, o, _ in pairs)


def test_the_same_repeats_are_found_whatever_the_number_of_workers(tmp_path: Path):
    desk = write_desk(tmp_path)
    one = analyze_corpus(desk, workers=1, progress=False)
    two = analyze_corpus(desk, workers=2, progress=False)
    pd.testing.assert_frame_equal(one.articles, two.articles)
