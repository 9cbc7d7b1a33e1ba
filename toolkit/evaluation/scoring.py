"""Precision, recall and F1, the shared arithmetic of every evaluation."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class PRF:
    """Counts and the scores derived from them.

    >>> prf(tp=8, fp=2, fn=8).f1
    0.6153846153846154
    """

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


def prf(tp: int, fp: int, fn: int) -> PRF:
    return PRF(tp, fp, fn)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSON-lines gold file; a clear error if it is not one."""
    path = Path(path)
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
    return records


def in_part(record_id: str, part: tuple[int, int]) -> bool:
    """Is the article in part ``k`` of ``n`` (by a hash of its id)? For checking that a change
    moves two halves of a gold file the same way (``part=(0, 2)`` and ``(1, 2)``).

    >>> in_part("polnear/x", (0, 1))
    True
    """
    k, n = part
    return int(hashlib.md5(record_id.encode("utf-8")).hexdigest(), 16) % n == k
