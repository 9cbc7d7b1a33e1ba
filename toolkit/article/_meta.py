"""Article metadata from outside: dates, authors, outlets and URLs as tables and pages give them.

>>> parse_date("Sat, 05 Nov 2016 14:03:00 -0500").isoformat()
'2016-11-05T14:03:00-05:00'
>>> split_authors("By Ana Ruiz and Tomas Brandt")
('Ana Ruiz', 'Tomas Brandt')
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from toolkit.article._clean import clean_line

# Written-out dates common in exports, tried after ISO 8601 and RFC 2822.
_DATE_FORMATS = (
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M:%S",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%a, %d %b %Y",
    "%B %d, %Y %H:%M",
    "%b %d, %Y %H:%M",
)
_UTC_SUFFIX = re.compile(r"\s*(?:Z|UTC|GMT)$", re.I)
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
# Epoch seconds taken as dates: 1973-03-03 (1e8, so that a year such as 2016 is not read as
# seconds) to 2100; larger values up to 1000 times that are milliseconds.
_EPOCH_RANGE = (100_000_000, 4_102_444_800)


def parse_date(value: Any) -> datetime | None:
    """A timezone-aware datetime from what tables and pages hold, or None for no value.

    Accepts datetimes and dates (naive ones are taken as UTC), ISO 8601 (``2016-11-05``,
    ``2016-11-05 14:03:00``, ``2016-11-05T14:03:00Z``), RFC 2822 (``Sat, 05 Nov 2016 14:03:00
    GMT``), ``YYYYMMDD``, written dates (``Nov 5, 2016``) and epoch seconds (or milliseconds)
    from 1973 to 2100.
    Raises :class:`ValueError` for a value that is none of these.

    >>> parse_date("2016-11-05 14:03:00").isoformat()
    '2016-11-05T14:03:00+00:00'
    >>> parse_date(1478354580).isoformat()
    '2016-11-05T14:03:00+00:00'
    >>> parse_date("")
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime):
        if value != value:  # pandas.NaT
            return None
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_number(value, str(value))
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = " ".join(value.split())
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        return _from_number(float(text), text)
    parsed = _parse_text(text)
    if parsed is None:
        raise ValueError(f"not a date: {text!r}")
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _parse_text(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(_UTC_SUFFIX.sub("+00:00", text) if "-" in text else text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(_UTC_SUFFIX.sub("", text), layout)
        except ValueError:
            continue
    return None


def _from_number(number: float, text: str) -> datetime:
    digits = text.lstrip("+")
    if len(digits) == 8 and digits.isdigit():  # 20161105: a date, not 1970-08-22
        try:
            return datetime.strptime(digits, "%Y%m%d").replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    if number > _EPOCH_RANGE[1]:  # milliseconds
        number /= 1000
    if not _EPOCH_RANGE[0] <= number <= _EPOCH_RANGE[1]:
        raise ValueError(f"not a date: {text!r} (as epoch seconds, outside 1973-2100)")
    return datetime.fromtimestamp(number, tz=timezone.utc)


_BYLINE = re.compile(r"^\s*(?:by|von|par|por|di|door)\s+", re.I)
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[;|&/\n]|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)


def split_authors(value: Any) -> tuple[str, ...]:
    """Author names from a byline, a separated string or a list, in order, without repeats.

    >>> split_authors("Doe, Jane")
    ('Doe, Jane',)
    >>> split_authors(["Ana Ruiz", "ana ruiz", "Li Wei"])
    ('Ana Ruiz', 'Li Wei')
    >>> split_authors("Ana Ruiz; Li Wei, Tomas Brandt")
    ('Ana Ruiz', 'Li Wei', 'Tomas Brandt')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ()
    if isinstance(value, dict):
        value = value.get("name") or ""
    if isinstance(value, str):
        names = _split_byline(value)
    elif isinstance(value, Iterable):
        names = [n for item in value for n in split_authors(item)]
    else:
        names = [str(value)]
    unique: dict[str, str] = {}
    for name in names:
        name = clean_line(_BYLINE.sub("", name)).strip(" ,.")
        if name and name.casefold() not in unique:
            unique[name.casefold()] = name
    return tuple(unique.values())


def _split_byline(text: str) -> list[str]:
    parts = [p for p in _AUTHOR_SEPARATORS.split(_BYLINE.sub("", text.strip())) if p.strip()]
    names = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        # "Doe, Jane" is one name; "Ana Ruiz, Li Wei" are two.
        if len(pieces) == 2 and all(len(p.split()) == 1 for p in pieces):
            names.append(part)
        else:
            names.extend(pieces)
    return names


def text_value(value: Any) -> str | None:
    """A one-line string from a cell (NewsAPI's ``{"name": ...}`` objects included), or None.

    >>> text_value({"id": "ledger", "name": "The Daily Ledger"}), text_value(float("nan"))
    ('The Daily Ledger', None)
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
        if value is None:
            return None
    return clean_line(str(value)) or None
