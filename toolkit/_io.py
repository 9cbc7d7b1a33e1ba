"""Writing output safely: atomic file writes and spreadsheet-safe CSV cells.

Used by every layer that writes files or CSV (reports, corpus tables, the command line).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from toolkit.errors import without_bidi

#: Temporary files are named ``.<TEMP_PREFIX><name>.<random><TEMP_SUFFIX>`` beside the target,
#: so a folder can be swept of leftovers from an interrupted run.
TEMP_PREFIX = ".tk-"
TEMP_SUFFIX = ".tmp"

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets
# (OWASP "CSV injection"). Article text is untrusted, so such cells get a leading apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value ready for ``csv.writer``: lists joined with ``"; "``, None as empty, text
    that a spreadsheet would run as a formula defused with a leading apostrophe, and
    bidirectional controls escaped (a name cannot display reordered).

    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell(["Putin", "Biden"]), csv_cell(-2.5)
    ('\\'=HYPERLINK("http://x")', 'Putin; Biden', -2.5)
    """
    if isinstance(value, (list, tuple)):
        value = "; ".join("" if v is None else str(v) for v in value)
    if value is None:
        return ""
    if isinstance(value, str):
        value = without_bidi(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
    return value


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place: readers
    see the old file or the new one, never half of one (also after a crash or Ctrl-C)."""
    path = Path(path)
    for _ in range(100):
        tmp = path.parent / f"{TEMP_PREFIX}{path.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}"
        try:
            # 0o666 minus the umask, like any new file (mkstemp would make it private).
            fd = os.open(
                tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666
            )
            break
        except FileExistsError:
            continue
    else:  # pragma: no cover
        raise OSError(f"cannot create a temporary file in {path.parent}")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """:func:`atomic_write_bytes` for UTF-8 text."""
    atomic_write_bytes(path, text.encode("utf-8"))


def remove_temp_files(folder: Path) -> None:
    """Delete temporary files an interrupted writer left in ``folder``."""
    if Path(folder).is_dir():
        for tmp in Path(folder).glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                tmp.unlink()
