"""The key of a report: a hash of everything the report depends on. An article whose key is
the one recorded in the manifest (and whose files are there) is not built again.

>>> key = report_key("b" * 64, "talks", Path(__file__))
>>> len(key), key == report_key("b" * 64, "talks", Path(__file__))
(64, True)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from toolkit._version import __version__

__all__ = ["batch_key", "file_digest", "record_key", "report_key", "toolkit_fingerprint"]


def report_key(batch: str, name: str, path: Path) -> str:
    """The key of report ``name`` of the article at ``path`` in a batch whose
    :func:`batch_key` is ``batch``. Raises :class:`OSError` if the article cannot be read."""
    digest = file_digest(path)
    return hashlib.sha256(f"{batch}\0{name}\0{path}\0{digest}".encode()).hexdigest()


def record_key(batch: str, name: str, record: bytes) -> str:
    """The key of report ``name`` of a table row saved as ``record`` (see
    :func:`toolkit.reports._inputs.article_record`): the row's article, not its table."""
    digest = hashlib.sha256(record).hexdigest()
    return hashlib.sha256(f"{batch}\0{name}\0record\0{digest}".encode()).hexdigest()


def batch_key(notebook_file: Path, formats: tuple[str, ...]) -> str:
    """What every report of this batch depends on besides its article: the toolkit, the
    notebook, the formats, the NLTK settings and which NLTK packages are installed (reports
    built with a fallback are rebuilt once ``toolkit setup`` has installed the data)."""
    from toolkit.lang import nltk_data

    # Looked up afresh (installed since this process last looked?), and not left cached:
    # the answer holds for this batch's settings, not for whatever runs next in the process.
    nltk_data.have.cache_clear()
    missing = nltk_data.missing()
    nltk_data.have.cache_clear()
    parts = [
        __version__,
        toolkit_fingerprint(),
        hashlib.sha256(notebook_file.read_bytes()).hexdigest(),
        ",".join(sorted(formats)),
        os.environ.get("TOOLKIT_NLTK_DATA", ""),
        os.environ.get("NLTK_DATA", ""),
        "missing:" + ",".join(missing),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of the file's bytes, read in 1 MB blocks. Only a regular file is read, as
    articles are: :class:`toolkit.errors.ArticleError` naming the file and the problem for
    anything else (a FIFO would block the batch, ``/dev/zero`` never end, a symlink loop)."""
    from toolkit.article import open_regular_file

    digest = hashlib.sha256()
    with open_regular_file(path) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def toolkit_fingerprint() -> str:
    """A hash of the toolkit's code and data files: an edited toolkit rebuilds reports."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()
