"""Shared fixtures. Tests use short texts written for them; the seed article ships with the
project. Data in ../shared (corpus, gold files, NLTK data) is used only when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_810c36b51088a32c.txt"
# ../shared beside the checkout (as in CI); TOOLKIT_SHARED points elsewhere (e.g. from a worktree).
SHARED = Path(os.environ.get("TOOLKIT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed():
    from toolkit import load_article

    return load_article(SEED)


def shared_file(relative: str) -> Path:
    """A file under ../shared, or skip the test when it is not there."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def nltk_data_dir() -> str | None:
    env = os.environ.get("NLTK_DATA")
    if env:
        return env
    candidate = SHARED / "nltk_data"
    return str(candidate) if candidate.exists() else None
