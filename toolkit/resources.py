"""NLTK data: where it is, fetching it once, and what the toolkit does without it.

The toolkit works without any NLTK data, with stated fallbacks:

========================================  =============================================
NLTK package                              used for / fallback when it is absent
========================================  =============================================
``cmudict``                               syllable counts; fallback: the estimator
``averaged_perceptron_tagger_eng``        only for the NLTK comparison in benchmarks
                                          (actors use capitalisation and word lists)
``maxent_ne_chunker_tab`` (binary)        only for the NLTK comparison in benchmarks
``words``                                 common-word check for actors; fallback: the
                                          shipped stop-word and opener lists
``stopwords``                             not needed: the toolkit ships its own list
``punkt_tab``                             only for the NLTK comparison in evaluations
========================================  =============================================

``toolkit setup`` (or :func:`setup`) downloads them. When a function first needs a missing
package it warns once, naming the fallback and the command that fixes it.

>>> from toolkit import resources
>>> resources.have("cmudict") in (True, False)
True
"""

from __future__ import annotations

import os
import warnings
from functools import cache
from pathlib import Path

__all__ = ["PACKAGES", "NltkDataMissingWarning", "have", "missing", "setup", "warn_missing"]

#: NLTK package name -> the resource path ``nltk.data.find`` looks up, and what needs it.
PACKAGES: dict[str, tuple[str, str]] = {
    "cmudict": ("corpora/cmudict", "syllable counts (fallback: estimated)"),
    "averaged_perceptron_tagger_eng": (
        "taggers/averaged_perceptron_tagger_eng/",
        "NLTK comparisons in benchmarks (actors use capitalisation and word lists)",
    ),
    "words": ("corpora/words", "common-word checks for actors (fallback: shipped lists)"),
    "stopwords": ("corpora/stopwords", "NLTK comparisons (the toolkit ships its own list)"),
    "punkt_tab": ("tokenizers/punkt_tab/english/", "NLTK comparisons in evaluations"),
    "maxent_ne_chunker_tab": (
        "chunkers/maxent_ne_chunker_tab/english_ace_binary/",
        "NLTK comparisons in benchmarks",
    ),
}

#: Set ``TOOLKIT_NLTK_DATA=off`` to ignore installed NLTK data and use the fallbacks.
_DISABLE_ENV = "TOOLKIT_NLTK_DATA"


class NltkDataMissingWarning(UserWarning):
    """An NLTK package is not installed; the toolkit uses its fallback."""


def _disabled() -> bool:
    return os.environ.get(_DISABLE_ENV, "").strip().lower() in {"off", "0", "no", "false"}


@cache
def have(package: str) -> bool:
    """Is this NLTK package installed where NLTK looks (``NLTK_DATA``, ``~/nltk_data``...)?"""
    if _disabled():
        return False
    resource = PACKAGES[package][0]
    try:
        import nltk.data

        for candidate in (resource, resource.rstrip("/") + ".zip"):
            try:
                nltk.data.find(candidate)
                return True
            except LookupError:
                continue
    except ImportError:
        return False
    return False


def missing() -> list[str]:
    """The packages of :data:`PACKAGES` that are not installed."""
    return [name for name in PACKAGES if not have(name)]


@cache
def warn_missing(package: str, fallback: str) -> None:
    """Warn once per process that ``package`` is missing and which fallback is used."""
    warnings.warn(
        f"toolkit: NLTK data '{package}' is not installed, so {fallback}. "
        "Run `toolkit setup` once to download it.",
        NltkDataMissingWarning,
        stacklevel=3,
    )


def default_download_dir() -> Path:
    """``$NLTK_DATA`` (first entry) if set, else ``~/nltk_data``: places NLTK always searches."""
    env = os.environ.get("NLTK_DATA")
    if env:
        return Path(env.split(os.pathsep)[0])
    return Path.home() / "nltk_data"


def setup(download_dir: str | Path | None = None, *, quiet: bool = True) -> dict[str, str]:
    """Download the NLTK packages the toolkit can use; return ``{package: status}``.

    Status is ``"present"`` (already installed), ``"downloaded"`` or ``"failed"``. Packages
    already present anywhere NLTK looks are not downloaded again.
    """
    import nltk

    target = Path(download_dir) if download_dir else default_download_dir()
    target.mkdir(parents=True, exist_ok=True)
    if str(target) not in nltk.data.path:
        nltk.data.path.insert(0, str(target))
    status: dict[str, str] = {}
    for package in PACKAGES:
        have.cache_clear()
        if have(package):
            status[package] = "present"
            continue
        try:
            ok = nltk.download(package, download_dir=str(target), quiet=quiet, raise_on_error=True)
        except Exception:  # network errors surface in many shapes
            ok = False
        have.cache_clear()
        status[package] = "downloaded" if ok and have(package) else "failed"
    return status
