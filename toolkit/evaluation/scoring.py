"""Precision, recall and F1, the shared arithmetic of every evaluation."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
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


def read_jsonl(
    path: str | Path,
    fields: Mapping[str, type | tuple[type, ...]] | None = None,
    items: Mapping[str, Sequence[str] | int] | None = None,
) -> list[dict[str, Any]]:
    """Read a JSON-lines gold file, one object per line, checking each record.

    ``fields`` maps the keys every record needs to their types; ``items`` names the keys each
    object of a list field needs (``{"entities": ("start", "end", "label")}``) or their length if they are arrays of
    numbers (``{"sentences": 2}``). Anything else
    (not a regular file, not UTF-8, a line that is not a JSON object, a missing key, no records
    at all) is a one-line :class:`ValueError` naming the file and the line.
    """
    from toolkit.article import open_regular_file
    from toolkit.errors import ArticleError, printable

    path = Path(path)
    where = printable(str(path))
    try:
        handle = open_regular_file(path)
    except ArticleError as exc:
        raise ValueError(str(exc)) from None
    records = []
    with handle:
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise ValueError(f"{where}:{number}: not UTF-8 text") from None
            if line.strip():
                record = _parse_record(line, fields or {}, items or {})
                if isinstance(record, str):
                    raise ValueError(f"{where}:{number}: {record}")
                records.append(record)
    if not records:
        raise ValueError(f"{where}: no records (the gold file is empty)")
    return records


def _parse_record(
    line: str,
    fields: Mapping[str, type | tuple[type, ...]],
    items: Mapping[str, Sequence[str] | int],
) -> dict[str, Any] | str:
    """The record on ``line``, or what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg})"
    if not isinstance(record, dict):
        return f"expected a JSON object, found {_json_kind(record)}"
    for key, kind in fields.items():
        if key not in record:
            return f"record has no {key!r} (it has: {', '.join(map(repr, record)) or 'nothing'})"
        if not isinstance(record[key], kind):
            return f"{key!r} should be {_type_names(kind)}, found {_json_kind(record[key])}"
    for key, needed in items.items():
        for position, item in enumerate(record.get(key) or [], 1):
            problem = _item_problem(item, needed)
            if problem:
                return f"{key!r} item {position} {problem}"
    return record


def _item_problem(item: Any, needed: Sequence[str] | int) -> str | None:
    if isinstance(needed, int):  # an array of that many numbers: [start, end]
        if (
            not isinstance(item, list)
            or len(item) != needed
            or not all(isinstance(x, int) for x in item)
        ):
            return f"should be an array of {needed} numbers, found {json.dumps(item)[:40]}"
        return None
    missing = [k for k in needed if not isinstance(item, dict) or k not in item]
    return f"lacks {', '.join(map(repr, missing))}" if missing else None


def _json_kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _type_names(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names = {dict: "an object", list: "an array", str: "a string", int: "a number"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def in_part(record_id: str, part: tuple[int, int]) -> bool:
    """Is the article in part ``k`` of ``n`` (by a hash of its id)? For checking that a change
    moves two halves of a gold file the same way (``part=(0, 2)`` and ``(1, 2)``).

    >>> in_part("polnear/x", (0, 1))
    True
    """
    k, n = part
    return int(hashlib.md5(record_id.encode("utf-8")).hexdigest(), 16) % n == k


def select_records(
    records: list[dict[str, Any]],
    part: tuple[int, int] | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """The gold records to score: those of part ``k`` of ``n`` (:func:`in_part`, by their
    ``id``) when ``part=(k, n)``, then the first ``limit`` of them.

    >>> records = [{"id": "a"}, {"id": "b"}, {"id": "c"}]
    >>> select_records(records, limit=2)
    [{'id': 'a'}, {'id': 'b'}]
    >>> len(select_records(records, part=(0, 2))) + len(select_records(records, part=(1, 2)))
    3
    """
    if part is not None:
        records = [r for r in records if in_part(str(r.get("id", "")), part)]
    return records if limit is None else records[:limit]


def one_to_one(candidates: Iterable[tuple[Any, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: ``candidates`` are ``(rank, gold index, predicted index)``,
    the lowest rank the best; each gold and each predicted item is used once, best first.
    Returns the ``(gold, predicted)`` pairs in gold order.

    >>> one_to_one([(-5, 0, 1), (-9, 1, 1), (-2, 0, 0)])
    [(0, 0), (1, 1)]
    """
    gold_used, predicted_used, pairs = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in gold_used and j not in predicted_used:
            gold_used.add(i)
            predicted_used.add(j)
            pairs.append((i, j))
    return sorted(pairs)
