"""`toolkit corpus --scope` and `analyze_corpus(scope=)`: the quotes table holds what was said
or written (the default) or every attribution; the scope is kept with the tables, so that an
article analysed again from the corpus gives the same quotations."""

from __future__ import annotations

import pytest

from toolkit.cli import main
from toolkit.corpus import Corpus, analyze_corpus

ARTICLE = (
    "Mayor Ingrid Solberg said the ferry would run again in May.\n\n"
    "She wants to double the number of crossings next year."
)


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scope") / "news"
    folder.mkdir()
    (folder / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_speech_by_default_every_attribution_with_scope_all(news):
    speech = analyze_corpus(news, workers=1, progress=False)
    every = analyze_corpus(news, workers=1, progress=False, scope="all")
    assert list(speech.quotes["cue_class"]) == ["speech"]
    assert list(every.quotes["cue_class"]) == ["speech", "intention"]
    assert len(every.analysis("ferry").quotes) == 2


def test_the_scope_is_kept_with_the_tables(news, tmp_path):
    assert main(["corpus", str(news), "--out", str(tmp_path / "tables"), "--scope", "all"]) == 0
    corpus = Corpus.read_parquet(tmp_path / "tables")
    assert corpus.scope == "all"
    assert list(corpus.quotes["cue_class"]) == ["speech", "intention"]
    assert [q.cue_class for q in corpus.analysis("ferry").quotes] == ["speech", "intention"]


def test_an_unknown_scope_is_refused(news):
    with pytest.raises(ValueError, match="scope must be one of 'speech', 'all', not 'said'"):
        analyze_corpus(news, workers=1, progress=False, scope="said")
