"""One analysis object per article: statistics, actors and quotations together.

This is where the data flow meets: ``Article -> sentences/words -> stats / actors -> quotes``.
Reports, corpus tables, notebooks and the command line all start from :func:`analyze`.

>>> result = analyze("Talks resumed on Monday, Reuters reported.")  # doctest: +SKIP
>>> result.stats.words, [a.name for a in result.actors]             # doctest: +SKIP
(6, ['Reuters'])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.article import Article
from toolkit.spans import TextLike

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.actors import Actor
    from toolkit.quotes import Quote
    from toolkit.text.stats import TextStats


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the toolkit extracts from one article. Offsets point into ``article.text``."""

    article: Article
    stats: TextStats
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]

    def actor_frame(self) -> pd.DataFrame:
        """One row per actor (see :func:`toolkit.actor_frequency`)."""
        from toolkit.actors import actors_to_frame

        return actors_to_frame(self.actors)

    def quote_frame(self) -> pd.DataFrame:
        """One row per quotation (see :func:`toolkit.quote_table`)."""
        from toolkit.quotes import quotes_to_frame

        return quotes_to_frame(self.quotes)

    def voice_share(self) -> pd.DataFrame:
        """Per actor: how often quoted versus mentioned (see :func:`toolkit.voice_share_frame`)."""
        from toolkit.quotes import voice_share_frame

        return voice_share_frame(self.quotes, self.actors)

    def summary(self) -> dict[str, Any]:
        """A flat row for indexes and corpus tables: id, title, statistics, counts."""
        names = [a.name for a in self.actors]
        return {
            "id": self.article.id,
            "title": self.article.title,
            "path": str(self.article.source_path) if self.article.source_path else None,
            **self.stats.to_dict(),
            "actors": len(self.actors),
            "top_actors": names[:5],
            "quotes": len(self.quotes),
        }

    def _repr_html_(self) -> str:
        from toolkit.display import analysis_html

        return analysis_html(self)


def analyze(x: TextLike, scope: str = "speech") -> ArticleAnalysis:
    """Analyse an article (or a string, cleaned as by :meth:`Article.from_text`).

    ``scope`` chooses the quotations, as :func:`toolkit.extract_quotes` does: ``"speech"``
    (the default), what was said or written; ``"all"``, every attribution, beliefs,
    intentions and judgements too.

    >>> text = "Ana Ruiz said the port would reopen. She wants to double its size."
    >>> [q.text for q in analyze(text).quotes]
    ['the port would reopen']
    >>> [q.cue_class for q in analyze(text, scope="all").quotes]
    ['speech', 'intention']
    """
    from toolkit.actors import find_actors
    from toolkit.quotes import extract_quotes
    from toolkit.text.stats import text_stats

    article = x if isinstance(x, Article) else Article.from_text(x)
    actors = find_actors(article)
    return ArticleAnalysis(
        article=article,
        stats=text_stats(article),
        actors=tuple(actors),
        quotes=tuple(extract_quotes(article, actors=actors, scope=scope)),
    )
