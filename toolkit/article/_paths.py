"""From what the user names (files, folders, globs) to the files to read, and their ids.

Folders are searched recursively; what is skipped on purpose (hidden files, README-style
files, files of other kinds) is counted, so a summary can say so. Nothing here opens a file:
a symlink loop or a FIFO is kept, to be reported when it is read.

>>> slugify("Élysée: Macron's speech")
'Elysee-Macron-s-speech'
"""

from __future__ import annotations

import glob
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.article._pages import PAGE_SUFFIXES
from toolkit.article._tables import TABLE_SUFFIXES
from toolkit.article._warc import WARC_SUFFIXES

#: Suffixes of article files (one article each).
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: Suffixes picked up when a folder is given: articles, web pages (``.html.gz``), tables and
#: web archives (``.warc.gz``).
INPUT_SUFFIXES = tuple(
    dict.fromkeys((*ARTICLE_SUFFIXES, *PAGE_SUFFIXES, *TABLE_SUFFIXES, *WARC_SUFFIXES))
)
_NOT_ARTICLES = re.compile(r"^(?:readme|license|licence|changelog|copying|sha256sums)\b", re.I)


@dataclass
class PathScan:
    """The files named by some paths, and what was skipped on purpose (reason -> count)."""

    files: list[Path] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def skipped_summary(self) -> str:
        """``"3 skipped: 2 not an article format (.jpg), 1 hidden"``, or ``""``.

        >>> PathScan(skipped=Counter({"hidden": 1})).skipped_summary()
        '1 file skipped: 1 hidden'
        """
        total = sum(self.skipped.values())
        if not total:
            return ""
        parts = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        return f"{total} file{'' if total == 1 else 's'} skipped: {parts}"


def expand_paths(paths: str | Path | list[str | Path], suffixes=INPUT_SUFFIXES) -> list[Path]:
    """Files named by ``paths``: files as given, folders searched recursively, globs expanded.

    In folders, files with an input suffix (``.txt``, ``.md``, ``.html``, ``.html.gz``, and
    tables: ``.csv``, ``.jsonl``, ``.parquet``...) are taken, except hidden files and
    README/LICENSE-style files. A path that matches nothing is kept,
    so that loading it reports "file not found". Order is stable and duplicates are dropped.
    Never raises on a symlink loop or an unreadable folder.

    >>> expand_paths(["seeds/"])  # doctest: +SKIP
    [PosixPath('seeds/000_810c36b51088a32c.txt')]
    """
    return scan_paths(paths, suffixes).files


def scan_paths(paths: str | Path | list[str | Path], suffixes=INPUT_SUFFIXES) -> PathScan:
    """As :func:`expand_paths`, also counting the files skipped in folders and why."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    scan = PathScan()
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if os.path.isdir(path):
            found.extend(_walk(path, tuple(suffixes), scan.skipped))
        elif not os.path.lexists(path) and glob.has_magic(str(raw)):
            found.extend(
                Path(p) for p in sorted(glob.glob(str(raw), recursive=True)) if not os.path.isdir(p)
            )
        else:
            found.append(path)
    seen: set[Path] = set()
    for path in found:
        key = resolved(path)
        if key not in seen:
            seen.add(key)
            scan.files.append(path)
    return scan


def _walk(root: Path, suffixes: tuple[str, ...], skipped: Counter[str]) -> list[Path]:
    """Files under ``root`` with one of ``suffixes``, sorted; symlinked folders are followed
    once each (a link back up the tree is not a loop forever)."""
    files: list[Path] = []
    visited = {os.path.realpath(root)}
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        keep = []
        for name in sorted(dirnames):
            if name.startswith("."):
                skipped["hidden"] += 1
                continue
            real = os.path.realpath(os.path.join(folder, name))
            if real not in visited:
                visited.add(real)
                keep.append(name)
        dirnames[:] = keep
        for name in filenames:
            reason = _skip_reason(name, suffixes)
            if reason:
                skipped[reason] += 1
            else:
                files.append(Path(folder) / name)
    return sorted(files)


def _skip_reason(name: str, suffixes: tuple[str, ...]) -> str | None:
    if name.startswith("."):
        return "hidden"
    if not name.lower().endswith(suffixes):
        return "not an article format"
    if _NOT_ARTICLES.match(name):
        return "README-style"
    return None


def file_stem(path: Path) -> str:
    """The name without its suffix, ``.gz`` included: ``page.html.gz`` -> ``page``.

    >>> file_stem(Path("crawl/page.html.gz"))
    'page'
    """
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem


def resolved(path: Path) -> Path:
    """``path.resolve()``, or the absolute path where it cannot be resolved (a symlink loop)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def slugify(name: str, max_length: int = 80) -> str:
    """A file-name-safe id: letters, digits, ``.``, ``_`` and ``-`` only, never a path.

    >>> slugify("../../etc/passwd")
    'etc-passwd'
    >>> slugify("Élysée: Macron's speech")
    'Elysee-Macron-s-speech'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name)
    slug = re.sub(r"-{2,}", "-", slug).strip("-._")[:max_length].strip("-._")
    return slug or "article"


def assign_ids(paths: list[Path]) -> dict[Path, str]:
    """A unique, file-name-safe id for each path: the file name's slug, with parent folder
    names prefixed where two files share a name (``business/001.txt`` -> ``business-001``).

    >>> assign_ids([Path("bbc/business/001.txt"), Path("bbc/sport/001.txt")])
    {PosixPath('bbc/business/001.txt'): 'business-001', PosixPath('bbc/sport/001.txt'): 'sport-001'}
    """
    depth = {path: 0 for path in paths}

    def make(path: Path) -> str:
        parts = resolved(path).parts[:-1]
        prefix = parts[len(parts) - depth[path] :] if depth[path] else ()
        return slugify("-".join([*prefix, file_stem(path)]))

    for _ in range(64):
        ids: dict[str, list[Path]] = {}
        for path in paths:
            ids.setdefault(make(path), []).append(path)
        clashes = [group for group in ids.values() if len(group) > 1]
        if not clashes:
            break
        grew = False
        for group in clashes:
            if len({resolved(path).parent for path in group}) == 1:
                continue  # folder names cannot tell files of one folder apart
            for path in group:
                if depth[path] < len(resolved(path).parts) - 1:
                    depth[path] += 1
                    grew = True
        if not grew:  # same-folder twins (a.txt, a.md): the counter below tells them apart
            break
    natural = {path: make(path) for path in paths}
    # Paths that still clash (the same file spelled twice, very deep twins) get a counter that
    # is never another path's natural id: assign_ids([a.txt, a.md, x/a-2.txt]) stays unique.
    taken = set(natural.values())
    result: dict[Path, str] = {}
    used: set[str] = set()
    for path, value in natural.items():
        candidate, counter = value, 1
        while candidate in used or (candidate != value and candidate in taken):
            counter += 1
            candidate = f"{value}-{counter}"
        used.add(candidate)
        result[path] = candidate
    return result
