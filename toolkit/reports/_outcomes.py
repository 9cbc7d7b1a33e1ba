"""What a batch of reports produces: one :class:`ReportOutcome` per article, gathered in a
:class:`BatchResult`; and the :class:`Job` a worker gets for an article to build.

>>> result = BatchResult(Path("reports"), [ReportOutcome("a", "a.txt", "built")])
>>> result.counts, result.exit_code
({'built': 1, 'skipped': 0, 'failed': 0}, 0)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["STATUSES", "BatchResult", "Job", "ReportOutcome"]

#: What can happen to an article, in the order the counts are given.
STATUSES = ("built", "skipped", "failed")


@dataclass(frozen=True)
class ReportOutcome:
    """What happened to one article: ``status`` is ``"built"``, ``"skipped"`` (unchanged) or
    ``"failed"`` (``error`` says why in one line, ``failed_notebook`` is papermill's notebook).
    ``files`` are the report files, relative to the output folder."""

    id: str
    source: str
    status: str
    summary: dict[str, Any] | None = None
    error: str | None = None
    files: tuple[str, ...] = ()
    failed_notebook: str | None = None
    seconds: float = 0.0


@dataclass
class BatchResult:
    """All outcomes of :func:`~toolkit.reports.build_reports`, in input order."""

    out: Path
    outcomes: list[ReportOutcome] = field(default_factory=list)
    seconds: float = 0.0
    #: Files skipped on purpose, and why (hidden files, files that are not articles...).
    skipped_files: dict[str, int] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(o.status == s for o in self.outcomes) for s in STATUSES}

    @property
    def failures(self) -> list[ReportOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exit_code(self) -> int:
        return 1 if self.failures or not self.outcomes else 0


@dataclass(frozen=True)
class Job:
    """An article to build a report for: its report name (``id``), its file, the path as the
    user gave it (what the report and errors show) and its manifest key. For a table row,
    ``path`` is the file its article is saved in and ``input_file`` that file relative to
    the output folder (one of the report's files)."""

    id: str
    path: Path
    source: str
    key: str
    input_file: str | None = None
