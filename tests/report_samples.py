"""Articles written for the report tests, and how the tests run `toolkit report`."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import time
from pathlib import Path

PAYLOAD = (
    "Minister &lt;script&gt;alert(1)&lt;/script&gt; resigns\n\n"
    "The minister posted &lt;img src=x onerror=alert(2)&gt; on Monday, then raw "
    "<script>alert(3)</script> markup.\n\n"
    '"I am leaving &lt;script&gt;alert(4)&lt;/script&gt; today," said Anna Keller.\n'
)
HARBOUR = (
    "Harbour reopens after storm\n\n"
    "The harbour of Port Ellen reopened on Friday after a week of storms.\n\n"
    '"Boats are back and the ferry runs again," said the harbour master, Iain Campbell.\n'
)


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """``python -m toolkit ARGS``, its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args], capture_output=True, text=True, **kwargs
    )


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def harbour_articles(folder: Path, count: int) -> list[Path]:
    """``count`` different short articles ``harbour0.txt``... in ``folder`` (made if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"harbour{i}.txt"
        path.write_text(HARBOUR.replace("Friday", f"day {i}"), encoding="utf-8")
        paths.append(path)
    return paths


def index_links(out: Path) -> list[str]:
    """The files ``out/index.html`` links to, relative to ``out``."""
    page = read(out / "index.html")
    return [html.unescape(link) for link in re.findall(r'href="([^"]+)"', page)]


def missing_links(out: Path) -> list[str]:
    """The links of ``out/index.html`` whose file is not there (there should be none)."""
    return [link for link in index_links(out) if not (out / link).is_file()]


def kernels_started_by(pid: int) -> list[int]:
    """The live kernel processes that process ``pid`` started (Jupyter tells a kernel its
    parent in ``JPY_PARENT_PID``). Linux only: read from /proc."""
    marker = f"JPY_PARENT_PID={pid}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if marker in environ and state != "Z":
            found.append(int(entry.name))
    return found


def wait_for(condition, seconds: float, step: float = 0.05) -> bool:
    """Poll ``condition()`` until it is true or ``seconds`` have passed; its last value."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return bool(condition())
        time.sleep(step)
    return True


def trap_notebook(path: Path, cell: str) -> Path:
    """The toolkit's report notebook with ``cell`` run just before the analysis, saved at
    ``path``."""
    import nbformat

    from toolkit.reports import notebook_path

    nb = nbformat.read(notebook_path(), as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell(cell))
    nbformat.write(nb, path)
    return path
