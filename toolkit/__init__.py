"""toolkit: read news articles at scale.

>>> import toolkit
>>> article = toolkit.Article.from_text("Talks resume\\n\\nThe talks resumed on Monday. Both sides spoke.")
>>> [s.text for s in toolkit.sentences(article)]
['Talks resume', 'The talks resumed on Monday.', 'Both sides spoke.']
"""

from toolkit._version import __version__  # first: other modules read it
from toolkit.actors import (
    Actor,
    Mention,
    actor_at,
    actor_frequency,
    actors_to_frame,
    co_mentions,
    find_actors,
    load_codebook,
)
from toolkit.analysis import ArticleAnalysis, analyze
from toolkit.article import Article, clean_text, load_article, read_articles, slugify
from toolkit.corpus import Corpus, analyze_corpus
from toolkit.errors import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    ArticleWarning,
    BinaryArticleError,
    EmptyArticleError,
    TableError,
    UndecodableArticleError,
)
from toolkit.quotes import (
    Quote,
    extract_quotes,
    quote_table,
    quotes_to_frame,
    voice_share,
    voice_share_frame,
)
from toolkit.reports import build_reports
from toolkit.spans import Span
from toolkit.text.segment import paragraph_spans, sentences, words
from toolkit.text.stats import TextStats, collocations, kwic, text_stats, top_terms
from toolkit.text.syllables import count_syllables, estimate_syllables

__all__ = [
    "Actor",
    "Article",
    "ArticleAnalysis",
    "ArticleError",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "ArticleWarning",
    "BinaryArticleError",
    "Corpus",
    "EmptyArticleError",
    "Mention",
    "Quote",
    "Span",
    "TableError",
    "TextStats",
    "UndecodableArticleError",
    "__version__",
    "actor_at",
    "actor_frequency",
    "actors_to_frame",
    "analyze",
    "analyze_corpus",
    "build_reports",
    "clean_text",
    "co_mentions",
    "collocations",
    "count_syllables",
    "estimate_syllables",
    "extract_quotes",
    "find_actors",
    "kwic",
    "load_article",
    "load_codebook",
    "paragraph_spans",
    "quote_table",
    "quotes_to_frame",
    "read_articles",
    "sentences",
    "slugify",
    "text_stats",
    "top_terms",
    "voice_share",
    "voice_share_frame",
    "words",
]
