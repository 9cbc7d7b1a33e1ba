"""Inputs that are not articles fail one by one in a report batch, as in the other commands:
the rest of the batch is built."""

from __future__ import annotations

import os

import pytest

from toolkit.reports import build_reports


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks (POSIX)")
def test_a_symlink_loop_a_fifo_and_a_device_fail_alone(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "harbour.txt").write_text(
        '"The quay opens in May," harbour master Tomas Brandt said.\n', encoding="utf-8"
    )
    os.symlink("loop-b.txt", news / "loop-a.txt")
    os.symlink("loop-a.txt", news / "loop-b.txt")
    os.mkfifo(news / "pipe.txt")

    result = build_reports([news, "/dev/zero"], tmp_path / "out", formats=["html"])

    failed = {o.id: o.error for o in result.outcomes if o.status == "failed"}
    assert [o.id for o in result.outcomes if o.status == "built"] == ["harbour"]
    assert failed["loop-a"].endswith("loop-a.txt: symlink loop")
    assert failed["pipe"].endswith("pipe.txt: is a named pipe (FIFO), not a regular file")
    assert failed["zero"] == "/dev/zero: is a character device, not a regular file"
    assert (tmp_path / "out" / "harbour.html").exists()
