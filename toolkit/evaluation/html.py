"""Main-content extraction from web pages, scored as the article-extraction benchmark scores it.

Gold (``html-dev`` of the evaluation data): ``html/<key>.html.gz`` pages and
``ground-truth.json`` (``{key: {"articleBody": text, "url": ...}}``). The metric is the
benchmark's own (its ``evaluate.py``):

- text is split into ``\\w+`` tokens; every run of 4 consecutive tokens is a shingle, counted
  in the gold text and in the prediction;
- per page, tp = shared shingle counts, fp = predicted beyond gold, fn = gold beyond predicted,
  normalised to sum to 1 (long pages do not weigh more);
- precision is the mean over pages of tp / (tp + fp) (pages with a prediction), recall the
  mean of tp / (tp + fn) (pages with gold text), both 1 on a page where gold and prediction
  are both empty or equal; F1 is their harmonic mean. ``page_f1``, the mean of per-page F1,
  is printed beside it.

The toolkit's figure is for what users get, :func:`toolkit.load_article` on the page (its
``Article.text``); trafilatura is called directly on the same pages in the same run, as the
benchmark calls it (``trafilatura.extract(html, include_comments=False)``).

>>> page_counts("the port strike ended on friday", "the port strike ended on friday")
(1.0, 0.0, 0.0)
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.errors import printable

_TOKEN = re.compile(r"\w+")

#: path of a ``.html.gz`` page -> the article text a system extracts ("" for nothing).
Extractor = Callable[[Path], str]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Counts of the runs of ``n`` consecutive ``\\w+`` tokens (one shorter run for a text of
    fewer than ``n`` tokens).

    >>> shingles("Port strike ends")
    Counter({('Port', 'strike', 'ends'): 1})
    """
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over shingle counts for one page, normalised to sum to 1."""
    gold, guess = shingles(truth), shingles(predicted)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class HtmlScore:
    """One system's scores over the pages (see the module docstring)."""

    system: str
    pages: int
    precision: float
    recall: float
    page_f1: float
    empty: int
    seconds: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "pages": self.pages,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "page_f1": round(self.page_f1, 4),
            "empty": self.empty,
            "seconds": round(self.seconds, 1),
        }


def score_pages(
    system: str, counts: list[tuple[float, float, float]], empty: int = 0, seconds: float = 0.0
) -> HtmlScore:
    """The benchmark's precision, recall and F1 from per-page (tp, fp, fn)."""

    def ratio(tp: float, fp: float, fn: float, other: float) -> float:
        if fp == fn == 0:
            return 1.0
        return tp / (tp + other) if tp + other else 0.0

    precisions = [ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0]
    f1s = [2 * tp / (2 * tp + fp + fn) if tp else 0.0 for tp, fp, fn in counts]
    return HtmlScore(
        system,
        len(counts),
        statistics.mean(precisions) if precisions else 0.0,
        statistics.mean(recalls) if recalls else 0.0,
        statistics.mean(f1s) if f1s else 0.0,
        empty,
        seconds,
    )


def read_gold(folder: str | Path) -> list[tuple[Path, str]]:
    """(page path, gold article text) for every page of a benchmark folder. A missing or
    malformed ``ground-truth.json`` is a one-line :class:`ValueError` naming it."""
    folder = Path(folder)
    truth_file = folder / "ground-truth.json"
    where = printable(str(truth_file))
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(
            f"{where}: not found (expected html/<key>.html.gz and this file)"
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{where}: not readable JSON ({getattr(exc, 'msg', exc)})") from None
    if not isinstance(truth, dict) or not truth:
        raise ValueError(f"{where}: expected an object {{key: {{articleBody: ...}}}}, non-empty")
    pages = []
    for key, record in truth.items():
        if not isinstance(record, dict) or not isinstance(record.get("articleBody"), str):
            raise ValueError(f"{where}: page {key!r} has no articleBody text")
        page = folder / "html" / f"{key}.html.gz"
        if not page.is_file():
            raise ValueError(f"{printable(str(page))}: page missing for a ground-truth key")
        pages.append((page, record["articleBody"]))
    return pages


def toolkit_extractor(path: Path) -> str:
    """``load_article(path).text``: what a user of the toolkit gets ("" if it raises)."""
    from toolkit.article import load_article
    from toolkit.errors import ArticleError

    try:
        return load_article(path, id="page").text
    except ArticleError:
        return ""


def trafilatura_extractor(path: Path) -> str:
    """trafilatura called directly, as the benchmark calls it."""
    import trafilatura

    html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    return trafilatura.extract(html, include_comments=False) or ""


def evaluate_html(
    folder: str | Path, systems: dict[str, Extractor] | None = None
) -> list[HtmlScore]:
    """Score each system (default: the toolkit and trafilatura) on the benchmark folder."""
    pages = read_gold(folder)
    systems = systems or {"toolkit": toolkit_extractor, "trafilatura": trafilatura_extractor}
    results = []
    for name, extract in systems.items():
        started = time.perf_counter()
        counts, empty = [], 0
        for path, truth in pages:
            predicted = extract(path)
            empty += not predicted.strip()
            counts.append(page_counts(truth, predicted))
        results.append(score_pages(name, counts, empty, time.perf_counter() - started))
    return results
