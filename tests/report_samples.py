"""Articles written for the report tests, and how the tests run `toolkit report`."""

from __future__ import annotations

import html
import re
import subprocess
import sys
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
