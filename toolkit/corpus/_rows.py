"""One analysed article -> its rows in the corpus tables (plain dicts, small to send between
processes), and the worker-side task that loads, analyses and turns an article into rows.

>>> result = analyze_task(FileTask("missing.txt", "missing"))
>>> result.ok, result.error
(False, 'missing.txt: file not found')
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from toolkit.article import load_article
from toolkit.corpus._near import signature
from toolkit.corpus._schema import META_PREFIX
from toolkit.corpus._sources import ArticleTask, FailedTask, FileTask, Task
from toolkit.errors import ArticleError, one_line

if TYPE_CHECKING:
    from toolkit.actors import Actor
    from toolkit.analysis import ArticleAnalysis
    from toolkit.article import Article
    from toolkit.quotes import Quote

__all__ = ["ArticleResult", "actor_key", "analysis_rows", "analyze_task"]


@dataclass(frozen=True)
class ArticleResult:
    """What one article contributes to the corpus tables, or why it could not.

    ``article`` is the article's row (``None`` when it failed, with ``error`` set to a one-line
    message naming the file); ``actors``, ``quotes`` and ``co_mentions`` are its rows in those
    tables; ``signature`` its text's MinHash signature, to find near-duplicates
    (:mod:`toolkit.corpus._near`). Rows are plain dicts: small to send between processes.
    """

    path: str
    article: dict[str, Any] | None = None
    actors: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    co_mentions: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    signature: bytes | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.error is None


def analysis_rows(
    analysis: ArticleAnalysis, *, topic: str | None = None, source: str | None = None
) -> ArticleResult:
    """The corpus rows of one analysed article (``source`` names it in messages: its file,
    or ``"articles.csv:12"`` for a table's row).

    >>> rows = analysis_rows(toolkit.analyze(article), topic="politics")  # doctest: +SKIP
    >>> rows.article["n_quotes"], rows.quotes[0]["speaker"]               # doctest: +SKIP
    """
    article = analysis.article
    path = str(article.source_path) if article.source_path else None
    return ArticleResult(
        path=source or path or article.id,
        article=_article_row(analysis, path, topic),
        actors=_actor_rows(analysis),
        # Every field of the quotation, whatever fields Quote has.
        quotes=[_quote_row(article.id, q) for q in analysis.quotes],
        co_mentions=[
            {"article_id": article.id, "actor_a": a, "actor_b": b, "count": n}
            for (a, b), n in sorted(_co_mentions_by_name(article, analysis.actors).items())
        ],
        signature=signature(article.text),
    )


def _quote_row(article_id: str, quote: Quote) -> dict[str, Any]:
    """Every field of the quotation, whatever fields Quote has; its quoted spans as JSON."""
    return {"article_id": article_id, **quote.to_dict(), "quoted": json.dumps(quote.quoted)}


def _article_row(analysis: ArticleAnalysis, path: str | None, topic: str | None) -> dict:
    article = analysis.article
    kinds = Counter(a.kind for a in analysis.actors)
    quote_kinds = Counter(q.kind for q in analysis.quotes)
    return {
        "id": article.id,
        "path": path,
        "topic": topic,
        "title": article.title,
        "encoding": article.encoding,
        "content_hash": article.fingerprint,
        "duplicate_of": None,
        "duplicate_kind": None,
        "duplicate_similarity": None,
        **metadata_fields(article),
        **analysis.stats.to_dict(),
        "n_actors": len(analysis.actors),
        "n_people": kinds["person"],
        "n_organizations": kinds["organization"],
        "n_places": kinds["place"],
        "n_quotes": len(analysis.quotes),
        "n_direct_quotes": quote_kinds["direct"],
        "n_mixed_quotes": quote_kinds["mixed"],
        "n_indirect_quotes": quote_kinds["indirect"],
        "n_attributed_quotes": sum(1 for q in analysis.quotes if q.speaker),
        **meta_fields(article.meta),
    }


def metadata_fields(article: Article) -> dict[str, Any]:
    """Where the article was published and where it was read from: the ``row`` of its table
    (None for a file), ``date``, ``outlet``, ``url`` and ``authors`` (joined with ``"; "``).

    >>> from toolkit.article import Article
    >>> a = Article.from_text("Rates held.", date="2024-03-05", authors=["Ana Ruiz", "Li Wei"])
    >>> metadata_fields(a)["authors"], metadata_fields(a)["date"].isoformat()
    ('Ana Ruiz; Li Wei', '2024-03-05T00:00:00+00:00')
    """
    return {
        "row": article.source_row,
        "date": article.date,
        "outlet": article.outlet,
        "url": article.url,
        "authors": "; ".join(article.authors) or None,
    }


#: Longer text is no "simple" field: it stays out of the articles table.
META_MAX_CHARS = 1000


def meta_fields(meta: dict[str, Any]) -> dict[str, str | None]:
    """The simple fields of ``Article.meta`` as text columns ``meta_<name>``: short text,
    numbers, flags and dates (as ISO 8601); lists, objects and long text are left out.

    >>> meta_fields({"section": "business", "words": 412, "tags": ["a"], "ok": None})
    {'meta_section': 'business', 'meta_words': '412', 'meta_ok': None}
    """
    fields: dict[str, str | None] = {}
    for name, value in meta.items():
        text = _simple_text(value)
        if text is not _NOT_SIMPLE:
            fields[f"{META_PREFIX}{name}"] = text
    return fields


_NOT_SIMPLE = object()


def _simple_text(value: Any) -> Any:
    import datetime
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)):
        text = str(value)
        return text if len(text) <= META_MAX_CHARS else _NOT_SIMPLE
    return _NOT_SIMPLE


def _actor_rows(analysis: ArticleAnalysis) -> list[dict[str, Any]]:
    from toolkit.actors import count_actors

    article_id = analysis.article.id
    return [
        {
            "article_id": article_id,
            "actor": c.actor.name,
            "key": actor_key(c.actor),
            "kind": c.actor.kind,
            "gender": c.actor.gender,  # inferred; None when unknown
            "role": c.actor.role,
            # Every mention, as toolkit.quotes.voice_share_frame counts them, then by form.
            "mentions": c.mentions,
            "name_mentions": c.name_mentions,
            "demonym_mentions": c.demonym_mentions,
            "pronoun_mentions": c.pronoun_mentions,
            "quotes": c.quotes,
            "first_offset": min((m.start for m in c.actor.mentions), default=-1),
        }
        for c in count_actors(analysis.actors, analysis.quotes)
    ]


def actor_key(actor: Actor) -> str:
    """The actor's identity across articles (:attr:`toolkit.actors.Actor.key`, or the key its
    name and kind give when it has none), as the ``key`` column holds it."""
    from toolkit.actors import identity_key

    return actor.key or identity_key(actor.name, actor.kind)


def _co_mentions_by_name(article: Article, actors: tuple[Actor, ...]) -> dict[tuple[str, str], int]:
    """:func:`toolkit.actors.co_mention_counts` (names in one sentence) keyed by the two
    actors' names in name order, as the ``co_mentions`` table stores them."""
    from toolkit.actors import co_mention_counts

    actors = list(actors)
    by_name: Counter[tuple[str, str]] = Counter()
    for (i, j), n in co_mention_counts(article, actors).items():
        by_name[tuple(sorted((actors[i].name, actors[j].name)))] += n
    return dict(by_name)


def analyze_task(task: Task | tuple[str, str, str | None], scope: str = "speech") -> ArticleResult:
    """Worker side: load (a file) and analyse one article, its quotations in ``scope`` (see
    :func:`toolkit.extract_quotes`); never raises. A
    :class:`~toolkit.corpus._sources.FailedTask` comes back as its error."""
    from toolkit.analysis import analyze

    if isinstance(task, tuple):  # (path, id, topic), as before tasks had types
        task = FileTask(*task)
    if isinstance(task, FailedTask):
        return ArticleResult(path=task.source, error=task.message)
    try:
        if isinstance(task, ArticleTask):
            article = task.article
        else:
            article = load_article(task.path, id=task.id)
        return analysis_rows(analyze(article, scope=scope), topic=task.topic, source=task.source)
    except ArticleError as exc:
        return ArticleResult(path=task.source, error=str(exc))
    except Exception as exc:
        return ArticleResult(
            path=task.source, error=f"{task.source}: analysis failed ({one_line(exc)})"
        )
