"""No text of the third-party data in ../shared is copied into the repository.

tools/find_copied_text.py compares every six-word run of the tracked files with the texts of
the gold files and the BBC corpus (see its docstring); these tests run it.
"""

from __future__ import annotations

import shutil
import sys

import pytest
from conftest import ROOT, shared_file

sys.path.insert(0, str(ROOT / "tools"))

import find_copied_text


def test_a_copied_passage_is_found_across_comment_lines():
    source = "The harbour master said the new quay would open in time for the summer fleet."
    index = {shingle: ["source-1"] for shingle in find_copied_text.shingles(source)}
    code = (
        "x = 1\n# As in 'the harbour master said the new\n# quay would open in time', a name ...\n"
    )
    found = list(find_copied_text.find_passages(code, index, ignored=set()))
    assert found == [(2, "source-1", "the harbour master said the new # quay would open in time")]


def test_common_and_ignored_phrases_are_not_reported():
    shingle = "fed the seven violet herons"
    text = "Marta fed the seven violet herons on Tuesday."
    index = {shingle: ["a", "b", "c"]}  # in three documents: common English
    assert list(find_copied_text.find_passages(text, index, set(), size=5)) == []
    index = {shingle: ["a"]}
    assert list(find_copied_text.find_passages(text, index, {shingle}, size=5)) == []
    assert list(find_copied_text.find_passages(text, index, set(), size=5)) == [
        (1, "a", "fed the seven violet herons")
    ]


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the tracked files")
def test_the_repository_holds_no_third_party_text():
    shared = shared_file("eval/quotes-dev.jsonl").parent.parent
    shared_file("corpus/bbc")
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    found = find_copied_text.find_copies(shared, list(find_copied_text.DEFAULT_PATHS))
    assert found == [], "\n".join(f"{path}:{line}: {passage}" for path, line, _, passage in found)
