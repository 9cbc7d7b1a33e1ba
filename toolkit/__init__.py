"""toolkit: read news articles at scale.

>>> import toolkit
>>> article = toolkit.Article.from_text("Talks resume\\n\\nThe talks resumed on Monday. Both sides spoke.")
>>> [s.text for s in toolkit.sentences(article)]
['Talks resume', 'The talks resumed on Monday.', 'Both sides spoke.']
"""

from toolkit.article import Article, clean_text, load_article, slugify
from toolkit.errors import (
    ArticleError,
    ArticleNotFoundError,
    ArticleTooLargeError,
    BinaryArticleError,
    EmptyArticleError,
    UndecodableArticleError,
)
from toolkit.segment import paragraph_spans, sentences, words
from toolkit.spans import Span
from toolkit.stats import TextStats, collocations, kwic, text_stats, top_terms
from toolkit.syllables import count_syllables, estimate_syllables

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "ArticleNotFoundError",
    "ArticleTooLargeError",
    "BinaryArticleError",
    "EmptyArticleError",
    "Span",
    "TextStats",
    "UndecodableArticleError",
    "__version__",
    "clean_text",
    "collocations",
    "count_syllables",
    "estimate_syllables",
    "kwic",
    "load_article",
    "paragraph_spans",
    "sentences",
    "slugify",
    "text_stats",
    "top_terms",
    "words",
]
