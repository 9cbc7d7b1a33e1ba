"""`toolkit setup`: fetch the NLTK data once, say where it went, and fail clearly offline."""

from __future__ import annotations

from pathlib import Path

import nltk
import pytest

from toolkit.cli import main
from toolkit.lang import nltk_data


@pytest.fixture
def no_nltk_data(monkeypatch, tmp_path: Path) -> Path:
    """NLTK sees no data anywhere but the folder setup is asked to fill."""
    monkeypatch.setattr(nltk.data, "path", [])
    monkeypatch.delenv("TOOLKIT_NLTK_DATA", raising=False)
    nltk_data.have.cache_clear()
    yield tmp_path / "nltk_data"
    nltk_data.have.cache_clear()


def _fake_download(package, download_dir, **_):
    """Lay the package out as NLTK's downloader would (a folder is enough for the lookup)."""
    Path(download_dir, nltk_data.PACKAGES[package][0]).mkdir(parents=True, exist_ok=True)
    return True


def test_setup_downloads_every_package_and_says_where(no_nltk_data: Path, monkeypatch, capsys):
    monkeypatch.setattr(nltk, "download", _fake_download)
    assert main(["setup", "--dir", str(no_nltk_data)]) == 0
    out = capsys.readouterr().out
    for package in nltk_data.PACKAGES:
        assert f"{package:34} downloaded" in out
    assert f"NLTK data folder: {no_nltk_data}" in out
    assert nltk_data.have("cmudict")


def test_setup_skips_what_is_already_installed(no_nltk_data: Path, monkeypatch, capsys):
    monkeypatch.setattr(nltk, "download", _fake_download)
    main(["setup", "--dir", str(no_nltk_data)])
    capsys.readouterr()

    def must_not_download(*args, **kwargs):
        raise AssertionError("downloaded again")

    monkeypatch.setattr(nltk, "download", must_not_download)
    assert main(["setup", "--dir", str(no_nltk_data)]) == 0
    assert capsys.readouterr().out.count(" present") == len(nltk_data.PACKAGES)


def test_setup_without_network_fails_clearly_and_names_the_fallback(
    no_nltk_data: Path, monkeypatch, capsys
):
    def offline(*args, **kwargs):
        raise OSError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(nltk, "download", offline)
    assert main(["setup", "--dir", str(no_nltk_data)]) == 1
    captured = capsys.readouterr()
    assert "cmudict                            failed" in captured.out
    assert "could not download cmudict" in captured.err
    assert "still works with its fallbacks" in captured.err
