"""``manifest.json``: what a batch knows about the reports in its output folder.

For every completed report the manifest records its key (see :mod:`toolkit.reports._keys`:
the article's bytes, the notebook, the toolkit...), its files and its summary row. A later
batch skips an article whose key is unchanged and whose files are all there, and removes the
report of an article that now fails. The manifest is saved atomically: a batch that is cut
short leaves the old manifest or the new one.

>>> manifest = Manifest(Path("reports"))
>>> manifest.record(ReportOutcome("talks", "talks.txt", "built", files=("talks.html",)), "k1")
>>> manifest.files("talks"), manifest.summary("talks")
(('talks.html',), None)
>>> manifest.files("../etc")  # no entry, or one naming files that are not its own: None

The entries come from a file anyone can edit: :meth:`Manifest.files` returns only a report's
own files (``<name>.html``, ``<name>.ipynb``, ``<name>_files/quotes.csv``,
``_inputs/<name>.article.json``...) inside the
folder, so a hand-edited manifest never makes the index link, or a batch delete, a file of
its choosing.
"""

from __future__ import annotations

import contextlib
import json
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from toolkit._io import atomic_write_text
from toolkit._version import __version__
from toolkit.reports._folder import (
    FORMATS,
    full_table_files,
    input_file,
    remove_full_tables,
    safe_path,
)
from toolkit.reports._outcomes import ReportOutcome

__all__ = ["MANIFEST_NAME", "Manifest"]

MANIFEST_NAME = "manifest.json"
_FORMAT = 1


class Manifest:
    """The manifest of the output folder ``folder``; ``reports`` maps report names to entries.

    Safe to use from several threads.
    """

    def __init__(self, folder: Path, reports: dict[str, dict[str, Any]] | None = None):
        self.folder = Path(folder)
        self.reports: dict[str, dict[str, Any]] = reports if reports is not None else {}
        self._lock = threading.Lock()
        self._dirty = False

    @property
    def path(self) -> Path:
        return self.folder / MANIFEST_NAME

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The manifest saved in ``folder``; an empty one if it is missing or unreadable (then
        every report is rebuilt: nothing is lost)."""
        folder = Path(folder)
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
            reports = data["reports"] if data.get("format") == _FORMAT else {}
            if not isinstance(reports, dict):
                reports = {}
        except (OSError, ValueError, KeyError, AttributeError):
            reports = {}
        return cls(folder, reports)

    # --- reading ----------------------------------------------------------------------------

    def files(self, name: str) -> tuple[str, ...] | None:
        """The files the entry of report ``name`` lists, relative to the folder, if they are
        that report's own files inside the folder; ``None`` for an entry that is missing,
        malformed or names anything else."""
        entry = self.reports.get(name)
        if not isinstance(entry, dict) or not isinstance(entry.get("files"), list):
            return None
        own = {*(f"{name}.{fmt}" for fmt in FORMATS), *full_table_files(name), input_file(name)}
        files = entry["files"]
        if not files or not all(isinstance(f, str) and f in own for f in files):
            return None
        try:
            for f in files:
                folder, _, file = f.rpartition("/")
                safe_path(safe_path(self.folder, folder) if folder else self.folder, file)
        except ValueError:
            return None
        return tuple(files)

    def summary(self, name: str) -> dict[str, Any] | None:
        """The summary row recorded for report ``name``, if any."""
        entry = self.reports.get(name)
        summary = entry.get("summary") if isinstance(entry, dict) else None
        return summary if isinstance(summary, dict) else None

    def is_current(self, name: str, key: str) -> bool:
        """Is report ``name`` recorded with ``key``, and are all its files there?"""
        entry = self.reports.get(name)
        files = self.files(name)
        return (
            files is not None
            and entry.get("key") == key
            and all((self.folder / f).is_file() for f in files)
        )

    # --- changing ---------------------------------------------------------------------------

    def record(self, outcome: ReportOutcome, key: str) -> None:
        """Record the report ``outcome`` built, made from ``key``."""
        with self._lock:
            self.reports[outcome.id] = {
                "key": key,
                "source": outcome.source,
                "files": list(outcome.files),
                "summary": outcome.summary,
                "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }
            self._dirty = True

    def forget(self, name: str) -> Any:
        """Drop the entry of report ``name`` (returned, or None if there was none)."""
        with self._lock:
            entry = self.reports.pop(name, None)
            if entry is not None:
                self._dirty = True
            return entry

    def drop_stale_report(self, name: str, key: str | None = None) -> None:
        """Report ``name``'s article now fails: its report of an earlier text goes (files and
        entry), so that no report that no longer matches the article is left to be linked.

        A report made from the same ``key`` (``--force`` rebuilding an unchanged article)
        still matches the article, and is kept.
        """
        entry = self.reports.get(name)
        if key is not None and isinstance(entry, dict) and entry.get("key") == key:
            return
        files = self.files(name) or ()
        self.forget(name)
        for f in files:
            with contextlib.suppress(OSError):
                (self.folder / f).unlink()
        remove_full_tables(self.folder, name)  # also any its failed run wrote

    def save(self) -> None:
        """Write ``manifest.json`` atomically (only if something changed, or it is missing)."""
        with self._lock:
            if not self._dirty and self.path.exists():
                return
            text = json.dumps(
                {"format": _FORMAT, "toolkit": __version__, "reports": self.reports},
                ensure_ascii=False,
                indent=1,
                sort_keys=True,
            )
            atomic_write_text(self.path, text + "\n")
            self._dirty = False
