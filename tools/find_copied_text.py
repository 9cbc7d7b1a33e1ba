"""Find passages of third-party text copied into the repository.

    python tools/find_copied_text.py [--shared ../shared] [--size 6] [--min-docs 3] [paths ...]

The texts under ``../shared`` (PolNeAR quotations, CoNLL-2003 entities, the BBC corpus) belong to
their publishers and are never copied into the project. This script takes every run of six
words (a "shingle": lower-cased, punctuation and line breaks ignored, so a sentence split over
comment lines is still found) of each tracked file and looks it up among the shingles of those
texts. Shingles found in ``--min-docs`` or more different source documents are common English
("one of the things that", "said in a statement on") and are ignored, and so are those of the
seed article in ``seeds/`` (it ships with the project) and of the passages reviewed and listed
in ``tools/copied_text_allowed.txt`` (names of organisations, stock phrases).

Hits are merged into passages (runs of overlapping matching shingles) and printed as
``path:line: [source document] passage``. The exit status is 1 when anything was found.
Smaller ``--size`` values (4 or 5) find shorter borrowings, and many coincidences to review.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = ROOT / "tools" / "copied_text_allowed.txt"
SIZE = 6
DEFAULT_PATHS = (
    "toolkit",
    "tests",
    "docs",
    "benchmarks",
    "scripts",
    "tools",
    "notebooks",
    "reports",
    "README.md",
    "CONTRIBUTING.md",
    "CHANGELOG.md",
)
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")


def words_with_offsets(text: str) -> list[tuple[str, int]]:
    """Lower-cased words of ``text`` with their start offsets (curly apostrophes made straight).

    >>> words_with_offsets("He said: “Don’t.”")
    [('he', 0), ('said', 3), ("don't", 10)]
    """
    return [(m.group().replace("’", "'"), m.start()) for m in _WORD.finditer(text.lower())]


def shingles(text: str, size: int = SIZE) -> list[str]:
    """Every run of ``size`` consecutive words of ``text``, as one string each."""
    words = [w for w, _ in words_with_offsets(text)]
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def source_documents(shared: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every third-party document under ``shared``."""
    for name in ("quotes-dev.jsonl", "ner-dev.jsonl"):
        path = shared / "eval" / name
        if path.exists():
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    yield f"{name}:{record['id']}", record["text"]
    for path in sorted((shared / "corpus" / "bbc").glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        yield f"bbc/{path.parent.name}/{path.name}", text


def index_sources(shared: Path, size: int = SIZE, min_docs: int = 3) -> dict[str, list[str]]:
    """Shingle -> the source documents it occurs in (at most ``min_docs`` of them)."""
    index: dict[str, list[str]] = defaultdict(list)
    for name, text in source_documents(shared):
        for shingle in set(shingles(text, size)):
            docs = index[shingle]
            if len(docs) < min_docs:
                docs.append(name)
    return dict(index)


def ignored_shingles(size: int = SIZE) -> set[str]:
    """Shingles of the seed article and of the reviewed passages in ``copied_text_allowed.txt``."""
    ignored: set[str] = set()
    for line in ALLOWED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ignored.update(shingles(line, size))
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        ignored.update(shingles(seed.read_text(encoding="utf-8"), size))
    return ignored


def project_files(paths: list[str]) -> list[Path]:
    """Files tracked by git under ``paths``, the seed article left out."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--", *paths],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\0")
    return [ROOT / name for name in listed if name and not name.startswith("seeds/")]


def find_passages(
    text: str, index: dict[str, list[str]], ignored: set[str], min_docs: int = 3, size: int = SIZE
) -> Iterator[tuple[int, str, str]]:
    """(line number, source document, passage) of each passage of ``text`` found in ``index``."""
    tokens = words_with_offsets(text)
    words = [w for w, _ in tokens]
    hits = []
    for i in range(len(words) - size + 1):
        shingle = " ".join(words[i : i + size])
        docs = index.get(shingle)
        if docs and len(docs) < min_docs and shingle not in ignored:
            hits.append((i, docs[0]))
    runs: list[list] = []  # [first word, end word, source document]
    for i, doc in hits:
        if runs and i <= runs[-1][1]:
            runs[-1][1] = i + size
        else:
            runs.append([i, i + size, doc])
    for first, end, doc in runs:
        start = tokens[first][1]
        last_word, last_offset = tokens[end - 1]
        passage = " ".join(text[start : last_offset + len(last_word)].split())
        yield text.count("\n", 0, start) + 1, doc, passage


def find_copies(
    shared: Path, paths: list[str], size: int = SIZE, min_docs: int = 3
) -> list[tuple[str, int, str, str]]:
    """(file, line, source document, passage) for every passage of ``shared`` texts in ``paths``."""
    index = index_sources(shared, size, min_docs)
    ignored = ignored_shingles(size)
    found = []
    for path in project_files(paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue  # binary files (images)
        for line, doc, passage in find_passages(text, index, ignored, min_docs, size):
            found.append((str(path.relative_to(ROOT)), line, doc, passage))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    default_shared = os.environ.get("TOOLKIT_SHARED", str(ROOT.parent / "shared"))
    parser.add_argument("--shared", default=default_shared, help="folder with eval/ and corpus/")
    parser.add_argument("--size", type=int, default=SIZE, help="words per shingle (default 6)")
    parser.add_argument(
        "--min-docs", type=int, default=3, help="shingles in this many documents are common English"
    )
    args = parser.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "eval").is_dir():
        print(f"error: {shared}: no eval/ folder (give --shared)", file=sys.stderr)
        return 2
    found = find_copies(shared, args.paths, args.size, args.min_docs)
    for path, line, doc, passage in found:
        print(f"{path}:{line}: [{doc}] {passage}")
    print(f"{len(found)} passage(s) found", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
