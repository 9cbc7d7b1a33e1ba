"""NLTK data is found on NLTK's own search path, without importing NLTK."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from toolkit.lang import nltk_data


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    """An NLTK data folder holding stopwords as a zip (as NLTK ships it) and cmudict unzipped."""
    (tmp_path / "corpora").mkdir()
    with zipfile.ZipFile(tmp_path / "corpora" / "stopwords.zip", "w") as zipped:
        zipped.writestr("stopwords/", "")
        zipped.writestr("stopwords/english", "the\nof\nand\n")
    (tmp_path / "corpora" / "cmudict").mkdir()
    (tmp_path / "corpora" / "cmudict" / "cmudict").write_text("banana 1 B AH0 N AE1 N AH0\n")
    monkeypatch.setattr(nltk_data, "search_path", lambda: [tmp_path])
    monkeypatch.delenv("TOOLKIT_NLTK_DATA", raising=False)
    nltk_data.have.cache_clear()
    yield tmp_path
    nltk_data.have.cache_clear()


def test_reads_files_inside_package_zips_and_folders(data_dir: Path):
    assert nltk_data.read_bytes("corpora/stopwords/english") == b"the\nof\nand\n"
    assert nltk_data.read_bytes("corpora/cmudict/cmudict").startswith(b"banana 1")
    assert nltk_data.have("stopwords") and nltk_data.have("cmudict")
    assert not nltk_data.have("punkt_tab")
    with pytest.raises(LookupError, match="toolkit setup"):
        nltk_data.read_bytes("corpora/stopwords/french")


def test_off_switch_hides_installed_data(data_dir: Path, monkeypatch):
    monkeypatch.setenv("TOOLKIT_NLTK_DATA", "off")
    nltk_data.have.cache_clear()
    assert not nltk_data.have("stopwords")
    with pytest.raises(LookupError):
        nltk_data.read_bytes("corpora/stopwords/english")


def test_search_path_follows_nltk_data_then_home(tmp_path: Path):
    code = (
        "import sys; from toolkit.lang import nltk_data; "
        "print([str(p) for p in nltk_data.search_path()][:2]); print('nltk' in sys.modules)"
    )
    env = {"NLTK_DATA": str(tmp_path), "HOME": "/home/reader", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    ).stdout.splitlines()
    assert out == [f"['{tmp_path}', '/home/reader/nltk_data']", "False"]


def test_search_path_matches_nltk_once_nltk_is_imported():
    import nltk

    assert nltk_data.search_path() == [Path(p) for p in nltk.data.path]


def test_analysing_an_article_does_not_import_nltk():
    # `import nltk` costs about a second per process (it imports SciPy): workers, report
    # kernels and the command line must not pay it just to read two word lists.
    code = (
        "import sys, toolkit; "
        "toolkit.analyze('Mr Putin said the talks, held in Paris, were \"useful\".'); "
        "print(sorted(m for m in ('nltk', 'scipy', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
