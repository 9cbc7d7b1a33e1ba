"""`toolkit report --scope`: the reports show what was said or written (the default) or every
attribution; changing the scope rebuilds the reports, since they depend on it."""

from __future__ import annotations

import re

import pytest
from report_samples import read, run_cli

from toolkit.reports import build_reports

ARTICLE = (
    "Mayor Ingrid Solberg said the ferry would run again in May.\n\n"
    "She wants to double the number of crossings next year."
)


def kinds_listed(page: str) -> list[str]:
    """The kind column of the report's table of quotations."""
    return re.findall(r'<td class="tk-num">Q\d+</td>(?:<td>.*?</td>){2}<td>([^<]*)</td>', page)


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    base = tmp_path_factory.mktemp("scope")
    (base / "news").mkdir()
    (base / "news" / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    return base


def test_speech_by_default_and_every_attribution_with_scope_all(news):
    done = run_cli("report", "news", "--out", "reports", "--format", "html", cwd=news)
    assert done.returncode == 0, done.stderr
    page = read(news / "reports" / "ferry.html")
    assert kinds_listed(page) == ["indirect"]

    done = run_cli(
        "report", "news", "--out", "reports", "--format", "html", "--scope", "all", cwd=news
    )
    assert done.returncode == 0, done.stderr
    assert "1 built" in done.stdout + done.stderr  # the scope changed: rebuilt, not skipped
    page = read(news / "reports" / "ferry.html")
    assert kinds_listed(page) == ["indirect", "indirect, intention"]


def test_an_unknown_scope_is_refused(news, tmp_path):
    with pytest.raises(ValueError, match="scope must be one of 'speech', 'all', not 'beliefs'"):
        build_reports(news / "news", tmp_path / "out", scope="beliefs")
    done = run_cli("report", "news", "--out", "reports", "--scope", "beliefs", cwd=news)
    assert done.returncode == 2
    assert "invalid choice: 'beliefs'" in done.stderr
