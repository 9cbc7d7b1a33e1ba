"""Benchmark: toolkit.text_stats against textstat on every article of a corpus, in one run.

    python benchmarks/bench_stats.py                      # ../shared/corpus/bbc
    python benchmarks/bench_stats.py --corpus DIR --limit 200

Articles are loaded first (not timed). Then each library computes its measures for every
article:

- toolkit: ``text_stats`` (counts, seven readability scores, five lexical diversity measures,
  reading time);
- textstat: the equivalent measures it has (counts of characters, letters, words, sentences,
  syllables, long words, polysyllables, difficult words; Flesch reading ease, Flesch-Kincaid,
  Gunning fog, SMOG, Coleman-Liau, ARI, Dale-Chall; reading time). textstat has no lexical
  diversity measures, so the toolkit does more work per article.

Both get one warm-up call on a short text first, so that loading CMUdict (both use it) and
word lists is not timed. Prints articles per second for each and the ratio (toolkit / textstat;
above 1 means the toolkit is faster). Timings vary with machine load: compare ratios taken in
the same run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit import load_article  # noqa: E402
from toolkit.article import expand_paths  # noqa: E402
from toolkit.errors import ArticleError  # noqa: E402
from toolkit.text.stats import text_stats  # noqa: E402

# ../shared beside the checkout (as in CI); a worktree one level deeper finds it one level up.
DEFAULT_CORPUS = next(
    (
        base / "shared" / "corpus" / "bbc"
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared" / "corpus" / "bbc").is_dir()
    ),
    ROOT.parent / "shared" / "corpus" / "bbc",
)
WARM_UP = "The committee met on Monday. It approved the budget for 2005, officials said."


def textstat_measures(text: str) -> dict[str, float]:
    import textstat

    return {
        "characters": textstat.char_count(text, ignore_spaces=False),
        "letters": textstat.letter_count(text),
        "words": textstat.lexicon_count(text),
        "sentences": textstat.sentence_count(text),
        "syllables": textstat.syllable_count(text),
        "long_words": textstat.long_word_count(text),
        "polysyllables": textstat.polysyllabcount(text),
        "difficult_words": textstat.difficult_words(text),
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog": textstat.smog_index(text),
        "coleman_liau": textstat.coleman_liau_index(text),
        "ari": textstat.automated_readability_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "reading_time": textstat.reading_time(text),
    }


def load_corpus(corpus: Path, limit: int | None) -> list[str]:
    texts = []
    for path in expand_paths([str(corpus)]):
        if path.name.upper() == "README.TXT":
            continue
        try:
            texts.append(load_article(path).text)
        except ArticleError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
        if limit and len(texts) >= limit:
            break
    return texts


def rate(function, texts: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    for text in texts:
        function(text)
    elapsed = time.perf_counter() - start
    return len(texts) / elapsed, elapsed


def _offline_nltk_download() -> None:
    """textstat looks for CMUdict with ``nltk.data.find("corpora/cmudict")``, which misses the
    zipped package NLTK installs, so it calls ``nltk.download`` (an error message without
    network), then loads the zip anyway through ``nltk.corpus.cmudict``. Skip that download:
    textstat's figures are the same, the output has no download noise."""
    import nltk

    nltk.download = lambda *args, **kwargs: False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of articles")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"error: {args.corpus}: corpus folder not found", file=sys.stderr)
        return 2
    texts = load_corpus(args.corpus, args.limit)
    print(f"{len(texts)} articles from {args.corpus}")

    text_stats(WARM_UP)
    _offline_nltk_download()
    textstat_measures(WARM_UP)
    toolkit_rate, toolkit_time = rate(text_stats, texts)
    textstat_rate, textstat_time = rate(textstat_measures, texts)
    print(f"toolkit.text_stats : {toolkit_rate:8.1f} articles/s ({toolkit_time:.2f} s)")
    print(f"textstat           : {textstat_rate:8.1f} articles/s ({textstat_time:.2f} s)")
    print(f"ratio (toolkit / textstat): {toolkit_rate / textstat_rate:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
