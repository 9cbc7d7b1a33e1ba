"""The output folder of a batch: which files a report has, names that stay inside the
folder, one batch at a time, and the leftovers of an interrupted one.

A report named ``name`` is ``<name>.html`` and ``<name>.ipynb`` (the formats asked for), and,
for an article too long to show whole, ``<name>_files/quotes.csv`` and ``actors.csv``, and for
a table row, its saved article ``_inputs/<name>.article.json``; a failed article's notebook is
``_failed/<name>.ipynb``; the batch's own files are
``index.html``, ``summary.csv``, ``manifest.json`` and ``.lock``; while it runs, its kernels'
connection files are in ``.tk-kernels/``.

>>> report_names({Path("a/index.txt"): "index", Path("b/talks.txt"): "talks"})
{PosixPath('a/index.txt'): 'index-2', PosixPath('b/talks.txt'): 'talks'}
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from toolkit._io import remove_temp_files

__all__ = [
    "FAILED_DIR",
    "FORMATS",
    "FULL_TABLES",
    "INPUTS_DIR",
    "INPUT_SUFFIX",
    "ReportNamer",
    "articles_outside",
    "failed_folder",
    "full_table_files",
    "full_tables_folder",
    "input_file",
    "inputs_folder",
    "lock_folder",
    "new_kernels_folder",
    "remove_failed_notebook",
    "remove_full_tables",
    "remove_kernels_folder",
    "remove_stale_inputs",
    "remove_stale_temp_files",
    "report_names",
    "safe_path",
]

#: Report formats ``toolkit report --format`` accepts.
FORMATS = ("html", "ipynb")
#: The sub-folder where the notebooks of failed articles are kept.
FAILED_DIR = "_failed"
#: The tables a long article's report keeps whole, as ``<name>_files/<table>.csv``.
FULL_TABLES = ("quotes", "actors")
FULL_TABLES_SUFFIX = "_files"
#: The sub-folder where the articles of table rows are saved, and the ending of their names.
INPUTS_DIR = "_inputs"
INPUT_SUFFIX = ".article.json"
#: The folder of the running batch's kernel connection files.
KERNELS_DIR = ".tk-kernels"
#: Names of the batch's own files: no report may take them.
_RESERVED_NAMES = {"index", "summary", "manifest", "readme"}


def safe_path(folder: Path, name: str) -> Path:
    """``folder/name``, refusing any name that would land outside ``folder``.

    >>> safe_path(Path("reports"), "talks.html")
    PosixPath('reports/talks.html')
    """
    if not name or name in {".", ".."} or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"unsafe report name {name!r}")
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise ValueError(f"report name {name!r} leaves the output folder {folder}")
    return folder / name


def report_names(ids: dict[Path, str]) -> dict[Path, str]:
    """Report names from article ids, unique even on case-insensitive file systems and never
    one of the batch's own files (``index``, ``summary``, ``manifest``)."""
    namer = ReportNamer()
    return {path: namer.name(article_id) for path, article_id in ids.items()}


class ReportNamer:
    """Hands out report names one at a time, as :func:`report_names` does (for inputs that
    stream: the rows of a large table).

    >>> namer = ReportNamer()
    >>> namer.name("Talks"), namer.name("talks"), namer.name("_failed")
    ('Talks', 'talks-2', 'failed-2')
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def name(self, article_id: str) -> str:
        name = article_id
        counter = 1
        while self._unusable(name):
            counter += 1
            name = f"{article_id.lstrip('_') or 'article'}-{counter}"
        self._taken.add(name.casefold())
        return name

    def _unusable(self, name: str) -> bool:
        folded = name.casefold()
        return folded in self._taken or folded in _RESERVED_NAMES or name[:1] == "_"


def articles_outside(files: list[Path], out: Path) -> list[Path]:
    """``files`` less the output folder and everything under it, compared resolved: a batch
    never reads its own reports (``toolkit report news/ --out news/reports``, run twice, must
    not report on the reports of the first run)."""
    from toolkit.article import resolved  # a symlink loop is an input error, not a crash

    root = resolved(out)
    return [f for f in files if not resolved(f).is_relative_to(root)]


def input_file(name: str) -> str:
    """Where the article of report ``name``'s table row is saved, relative to the output
    folder.

    >>> input_file("strike")
    '_inputs/strike.article.json'
    """
    return f"{INPUTS_DIR}/{name}{INPUT_SUFFIX}"


def inputs_folder(out: Path) -> Path:
    """``out/_inputs``; :class:`ValueError` if it leads out of ``out`` (a planted link)."""
    return safe_path(out, INPUTS_DIR)


def remove_stale_inputs(out: Path, keep: set[str]) -> None:
    """Delete the saved articles in ``_inputs/`` of reports not named in ``keep``."""
    with contextlib.suppress(OSError, ValueError):
        for path in inputs_folder(out).glob(f"*{INPUT_SUFFIX}"):
            if path.name[: -len(INPUT_SUFFIX)] not in keep:
                path.unlink(missing_ok=True)


def full_tables_folder(out: Path, name: str) -> Path:
    """``out/<name>_files``, where the full tables of report ``name``'s long article go
    (:class:`ValueError` if it leads out of ``out``)."""
    return safe_path(out, f"{name}{FULL_TABLES_SUFFIX}")


def full_table_files(name: str) -> tuple[str, ...]:
    """The names of report ``name``'s full tables, relative to the output folder.

    >>> full_table_files("talks")
    ('talks_files/quotes.csv', 'talks_files/actors.csv')
    """
    return tuple(f"{name}{FULL_TABLES_SUFFIX}/{table}.csv" for table in FULL_TABLES)


def remove_full_tables(out: Path, name: str) -> None:
    """Delete report ``name``'s full tables, and their folder if nothing else is in it."""
    with contextlib.suppress(OSError, ValueError):
        folder = full_tables_folder(out, name)
        for table in FULL_TABLES:
            (folder / f"{table}.csv").unlink(missing_ok=True)
        folder.rmdir()


def failed_folder(out: Path) -> Path:
    """``out/_failed``, where failed notebooks are kept; :class:`ValueError` if it leads out
    of ``out`` (a symbolic link planted there is refused like a report file)."""
    return safe_path(out, FAILED_DIR)


def remove_failed_notebook(out: Path, name: str) -> None:
    """Delete ``_failed/<name>.ipynb``, if it is there."""
    with contextlib.suppress(OSError, ValueError):
        safe_path(failed_folder(out), f"{name}.ipynb").unlink()


def remove_stale_temp_files(out: Path) -> None:
    """Temporary files left by an interrupted batch (the lock says none is running)."""
    remove_temp_files(out)
    with contextlib.suppress(ValueError):
        remove_temp_files(failed_folder(out))
    with contextlib.suppress(ValueError):
        remove_temp_files(inputs_folder(out))
    remove_kernels_folder(out)


def new_kernels_folder(out: Path) -> Path:
    """``out/.tk-kernels``, empty and private: the batch's kernels keep their connection
    files there (not in Jupyter's runtime folder), so that a batch killed before it could
    clean up leaves nothing behind once the next one has run."""
    remove_kernels_folder(out)
    folder = out / KERNELS_DIR
    folder.mkdir(mode=0o700)
    return folder


def remove_kernels_folder(out: Path) -> None:
    """Delete ``out/.tk-kernels`` (a link planted there is removed, never followed)."""
    folder = out / KERNELS_DIR
    with contextlib.suppress(OSError):
        if folder.is_symlink() or not folder.is_dir():
            folder.unlink(missing_ok=True)
        else:
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def lock_folder(out: Path) -> Iterator[None]:
    """One batch at a time per output folder: :class:`OSError` if another one holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        yield
        return
    try:
        # Never through a symbolic link planted in the folder.
        fd = os.open(out / ".lock", os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except OSError as exc:
        raise OSError(f"{out / '.lock'}: cannot lock the output folder ({exc.strerror})") from None
    with os.fdopen(fd, "r+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(f"{out} is in use by another `toolkit report`") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
