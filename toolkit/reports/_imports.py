"""Importing papermill and nbformat without the optional modules they drag in.

Libraries the batch imports load, eagerly, optional modules that reports never use;
:func:`import_notebook_tools` imports papermill with them hidden, which saves about 1.2 s of
CPU at every start:

- ``rfc3987_syntax`` (pulled in by jupyterlab through ``jsonschema[format-nongpl]``) compiles
  38 lark grammars when imported, about 0.9 s, only to check the "iri" format, which nbformat's
  schema does not use; ``import nbformat`` imports jsonschema, which imports it
  (python-jsonschema/jsonschema#1392 and #1521);
- papermill's handlers for notebooks stored on S3, Azure, Google Cloud, HDFS and GitHub
  (boto3, pyarrow: 0.25 s); reports run the toolkit's own notebook from local disk.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

__all__ = ["SKIPPED_OPTIONAL_IMPORTS", "import_notebook_tools"]

#: The optional modules hidden while papermill and nbformat are imported (see above).
SKIPPED_OPTIONAL_IMPORTS = ("rfc3987_syntax", "boto3", "azure", "gcsfs", "pyarrow", "github")

_IMPORT_LOCK = threading.Lock()


def import_notebook_tools() -> None:
    """Import papermill, nbformat and our papermill engine, once per process, without the
    optional modules above (jsonschema then has no "iri" format checker, papermill no remote
    storage). Afterwards, ``import pyarrow`` works as usual. Modules already imported are not
    hidden. During the import (about 0.25 s) another thread of the process that imports one of
    them for the first time would get ``ImportError``: ``toolkit report`` has no such thread;
    a program calling :func:`~toolkit.reports.build_reports` from several threads should
    import papermill first.
    """
    with _IMPORT_LOCK:
        if "toolkit.reports._papermill" in sys.modules:
            return
        with _hidden(SKIPPED_OPTIONAL_IMPORTS):
            import nbformat  # noqa: F401 - imports jsonschema while the modules are hidden

            import toolkit.reports._papermill  # noqa: F401 - registers the engine with papermill


@contextlib.contextmanager
def _hidden(modules: tuple[str, ...]) -> Iterator[None]:
    """Make ``import`` of each of ``modules`` not imported yet fail, until the block ends."""
    hidden = [name for name in modules if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment] # makes its import fail
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
