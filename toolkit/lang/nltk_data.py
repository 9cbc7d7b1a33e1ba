"""NLTK data: where it is, fetching it once, and what the toolkit does without it.

The toolkit works without any NLTK data, with stated fallbacks:

========================================  =============================================
NLTK package                              used for / fallback when it is absent
========================================  =============================================
``cmudict``                               syllable counts; fallback: the estimator
``averaged_perceptron_tagger_eng``        only for the NLTK comparison in benchmarks
                                          (actors use capitalisation and word lists)
``maxent_ne_chunker_tab`` (binary)        only for the NLTK comparison in benchmarks
``stopwords``                             not needed: the toolkit ships its own list
``punkt_tab``                             only for the NLTK comparison in evaluations
========================================  =============================================

``toolkit setup`` (or :func:`setup`) downloads them. When a function first needs a missing
package it warns once, naming the fallback and the command that fixes it.

>>> from toolkit.lang import nltk_data
>>> nltk_data.have("cmudict") in (True, False)
True
"""

from __future__ import annotations

import os
import sys
import warnings
import zipfile
from pathlib import Path

from toolkit.lang._cache import CACHE, cached, stacklevel

__all__ = [
    "PACKAGES",
    "NltkDataMissingWarning",
    "have",
    "missing",
    "read_bytes",
    "search_path",
    "setup",
    "warn_missing",
]

#: NLTK package name -> the resource path ``nltk.data.find`` looks up, and what needs it.
PACKAGES: dict[str, tuple[str, str]] = {
    "cmudict": ("corpora/cmudict", "syllable counts (fallback: estimated)"),
    "averaged_perceptron_tagger_eng": (
        "taggers/averaged_perceptron_tagger_eng/",
        "NLTK comparisons in benchmarks (actors use capitalisation and word lists)",
    ),
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


def search_path() -> list[Path]:
    """The folders NLTK searches for its data, in order, without importing NLTK.

    Importing ``nltk`` costs about a second (it pulls in SciPy), which every worker process
    and report kernel would pay just to read two word lists. So the toolkit finds the files
    itself, on the same path as ``nltk.data.path``: ``$NLTK_DATA``, ``~/nltk_data``, then the
    interpreter's and the system's ``nltk_data`` folders. Once ``nltk`` has been imported,
    its ``nltk.data.path`` (which a user may have changed) is used instead.
    """
    nltk = sys.modules.get("nltk")
    data = getattr(nltk, "data", None)
    if data is not None and isinstance(getattr(data, "path", None), list):
        return [Path(p) for p in data.path if isinstance(p, (str, os.PathLike))]
    paths = [p for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
    if os.path.expanduser("~/") != "~/":
        paths.append(os.path.expanduser("~/nltk_data"))
    paths += [
        os.path.join(sys.prefix, "nltk_data"),
        os.path.join(sys.prefix, "share", "nltk_data"),
        os.path.join(sys.prefix, "lib", "nltk_data"),
    ]
    if sys.platform.startswith("win"):
        paths += [os.path.join(os.environ.get("APPDATA", "C:\\"), "nltk_data"), r"C:\nltk_data"]
    else:
        paths += [
            "/usr/share/nltk_data",
            "/usr/local/share/nltk_data",
            "/usr/lib/nltk_data",
            "/usr/local/lib/nltk_data",
        ]
    return [Path(p) for p in paths]


def _locate(resource: str) -> tuple[Path, str | None] | None:
    """Where ``resource`` (e.g. ``corpora/cmudict/cmudict``) is: ``(path, None)`` for a plain
    file or folder, ``(zip_path, member)`` inside a package zip, as NLTK stores them."""
    parts = [p for p in resource.split("/") if p]
    for root in search_path():
        plain = root.joinpath(*parts)
        if plain.exists():
            return plain, None
        # corpora/cmudict/cmudict lives in corpora/cmudict.zip as cmudict/cmudict.
        for depth in range(len(parts), 1, -1):
            archive = root.joinpath(*parts[: depth - 1], parts[depth - 1] + ".zip")
            if not archive.is_file():
                continue
            member = "/".join(parts[depth - 1 :])
            try:
                with zipfile.ZipFile(archive) as zipped:
                    names = zipped.namelist()
            except (OSError, zipfile.BadZipFile):
                continue
            if member in names or any(name.startswith(member + "/") for name in names):
                return archive, member
    return None


@cached
def have(package: str) -> bool:
    """Is this NLTK package installed where NLTK looks (``NLTK_DATA``, ``~/nltk_data``...)?"""
    if _disabled():
        return False
    return _locate(PACKAGES[package][0]) is not None


def read_bytes(resource: str) -> bytes:
    """The bytes of one NLTK data file, e.g. ``read_bytes("corpora/cmudict/cmudict")``.

    Raises ``LookupError`` when it is not installed (or ``TOOLKIT_NLTK_DATA=off``).
    """
    found = None if _disabled() else _locate(resource)
    if found is None or (found[1] is None and not found[0].is_file()):
        raise LookupError(f"NLTK data '{resource}' is not installed; run `toolkit setup`")
    path, member = found
    if member is None:
        return path.read_bytes()
    with zipfile.ZipFile(path) as zipped:
        return zipped.read(member)


def missing() -> list[str]:
    """The packages of :data:`PACKAGES` that are not installed."""
    return [name for name in PACKAGES if not have(name)]


@cached
def warn_missing(package: str, fallback: str) -> None:
    """Warn once per process that ``package`` is missing and which fallback is used.

    The loaders being built when it warns are noted in the one cache (and this warn-once
    itself): ``toolkit.lang.clear_cache(only_warned=True)`` empties them, so that they load,
    and warn, again.
    """
    CACHE.note_warning()
    remedy = (
        "TOOLKIT_NLTK_DATA=off hides any installed copy; unset it, or run `toolkit setup`."
        if _disabled()
        else "Run `toolkit setup` once to download it."
    )
    warnings.warn(
        f"toolkit: NLTK data '{package}' is not installed, so {fallback}. {remedy}",
        NltkDataMissingWarning,
        stacklevel=stacklevel(3),  # the caller of the loader that needs the data
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
