"""`toolkit report` when things go wrong: notebooks that raise, kernels that die or hang,
batches interrupted or killed. Each bad article fails alone, with a one-line reason; an
interrupted batch leaves whole files, and the next run finishes the work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest
from report_faults import run_with_fault
from report_samples import (
    HARBOUR,
    harbour_articles,
    index_links,
    kernels_started_by,
    missing_links,
    read,
    run_cli,
    trap_notebook,
    wait_for,
)

from toolkit._io import atomic_write_text
from toolkit.reports import build_reports, notebook_path
from toolkit.reports._outcomes import Job
from toolkit.reports._render import Renderer


def test_an_interrupted_article_keeps_no_failed_notebook(tmp_path):
    """After Ctrl-C the running notebooks fail because the batch cut them short: they are
    not failures of their articles, and nothing goes to _failed/."""
    renderer = Renderer(tmp_path, notebook_path(), ("html",), 60)
    job = Job("harbour", tmp_path / "harbour.txt", "harbour.txt", "key")
    nb = nbformat.v4.new_notebook()
    renderer.stop.set()
    renderer.failed(job, "harbour.txt: notebook error: KeyboardInterrupt", nb)
    assert not (tmp_path / "_failed").exists()
    renderer.stop.clear()
    outcome = renderer.failed(job, "harbour.txt: notebook error: RuntimeError", nb)
    assert outcome.failed_notebook == "_failed/harbour.ipynb"


def test_notebook_errors_and_dead_kernels_fail_one_article_only(tmp_path):
    nb = nbformat.read(notebook_path(), as_version=4)
    trap = nbformat.v4.new_code_cell(
        "import os\n"
        "if 'boom' in article_path: raise RuntimeError('the analysis blew up')\n"
        "if 'die' in article_path: os._exit(1)\n"
        "if 'slow' in article_path: __import__('time').sleep(120)"
    )
    nb.cells.insert(2, trap)
    custom = tmp_path / "trap.ipynb"
    nbformat.write(nb, custom)
    names = ("die.txt", "boom.txt", "slow.txt", "fine.txt")
    for name in names:
        (tmp_path / name).write_text(HARBOUR, encoding="utf-8")
    paths = [str(tmp_path / n) for n in names]
    failures = []
    result = build_reports(
        paths,
        tmp_path / "out",
        workers=1,
        notebook=custom,
        timeout=7.5,
        progress=False,
        on_failure=failures.append,
    )
    assert [(o.id, o.status) for o in result.outcomes] == [
        ("die", "failed"),
        ("boom", "failed"),
        ("slow", "failed"),
        ("fine", "built"),
    ]
    assert result.exit_code == 1
    die, boom, slow = (o.error for o in result.outcomes[:3])
    assert die.startswith(f"{paths[0]}: kernel died or failed (") and "kernel restarted" in die
    assert boom == f"{paths[1]}: notebook error in cell [3]: RuntimeError: the analysis blew up"
    assert slow == f"{paths[2]}: a notebook cell ran over 7.5 s (kernel restarted)"
    assert failures == result.failures
    kept = nbformat.read(tmp_path / "out" / "_failed" / "boom.ipynb", as_version=4)
    assert any(o.get("ename") == "RuntimeError" for c in kept.cells for o in c.get("outputs", []))


def test_interrupted_batch_leaves_complete_reports_and_the_next_run_finishes(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(8):
        (articles / f"harbour{i}.txt").write_text(HARBOUR.replace("Friday", f"day {i}"))
    out = tmp_path / "reports"
    command = [sys.executable, "-m", "toolkit", "report", str(articles), "--out", str(out)]
    proc = subprocess.Popen([*command, "--workers", "1"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while not list(out.glob("harbour*.html")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    (out / ".tk-harbour7.html.0123.tmp").write_text("<html><body>half a rep")  # as if cut short
    for page in out.glob("harbour*.html"):
        assert read(page).rstrip().endswith("</html>"), page
    manifest = json.loads(read(out / "manifest.json")) if (out / "manifest.json").exists() else None
    recorded = set(manifest["reports"]) if manifest else set()
    for name in recorded:
        assert (out / f"{name}.html").is_file() and (out / f"{name}.ipynb").is_file()

    done = run_cli("report", str(articles), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    assert (
        f"8 articles: {8 - len(recorded)} built, {len(recorded)} unchanged, 0 failed" in done.stderr
    )
    assert not list(out.glob(".tk-*"))
    assert len(list(out.glob("harbour*.html"))) == 8


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "a.html"
    target.write_text("old report")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, "new report")
    assert read(target) == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["a.html"]


# --- time limits ----------------------------------------------------------------------------


@pytest.mark.parametrize("timeout", ["0", "-1", "-0.5", "nan", "inf", "-inf", "soon"])
def test_a_timeout_is_a_positive_finite_number_of_seconds(timeout, tmp_path, capsys):
    """0 used to mean "no limit", so a hung cell hung the batch forever."""
    from toolkit.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["report", str(tmp_path), "--out", str(tmp_path / "out"), f"--timeout={timeout}"])
    assert stopped.value.code == 2
    assert "argument --timeout: " in capsys.readouterr().err
    value = float(timeout) if timeout != "soon" else timeout
    with pytest.raises(ValueError, match="timeout must be a"):
        build_reports(tmp_path, tmp_path / "out", timeout=value)
    assert not (tmp_path / "out").exists()


def test_the_html_export_is_bounded_by_the_timeout(tmp_path, monkeypatch):
    """An export that never ends fails its article, and the next report is exported by a
    fresh exporter."""
    from toolkit.reports import _html_export, _render

    exports = []

    def export(exporter, nb, title):
        exports.append(title)
        while "Harbour" in title and len(exports) == 1:  # the first export hangs
            time.sleep(0.01)
        return _html_export.export_html(exporter, nb, title)

    monkeypatch.setattr(_render, "export_html", export)
    for name in ("harbour.txt", "quay.txt"):
        (tmp_path / name).write_text(HARBOUR, encoding="utf-8")
    result = build_reports(
        [tmp_path / "harbour.txt", tmp_path / "quay.txt"], tmp_path / "out", timeout=2.5
    )
    assert [(o.id, o.status) for o in result.outcomes] == [("harbour", "failed"), ("quay", "built")]
    assert result.outcomes[0].error == f"{tmp_path / 'harbour.txt'}: the HTML export ran over 2.5 s"
    assert len(exports) == 2
    assert (tmp_path / "out" / "quay.html").read_text(encoding="utf-8").endswith("</html>\n")


def test_a_deadline_never_fires_after_the_call_returned():
    """The deadline's exception is raised inside the call or not at all, however close the
    call ends to its deadline."""
    from toolkit.reports._deadline import DeadlineExceeded, call_with_deadline

    outcomes = {"returned": 0, "ran over": 0}
    for i in range(300):
        try:
            call_with_deadline(lambda n=i: sum(range(200 * n)), seconds=0.0005 * (i % 7 + 1))
            outcomes["returned"] += 1
        except DeadlineExceeded:
            outcomes["ran over"] += 1
        total = sum(range(1000))  # a pending exception would be raised here
    assert total == 499500
    assert sum(outcomes.values()) == 300


# --- an interrupted batch -------------------------------------------------------------------


def test_a_batch_killed_after_a_changed_article_failed_links_no_missing_file(tmp_path):
    """The report of an article that now fails is removed only once the new index (which
    does not link it) is in place: killed just after the failure, the old index still links
    the old report, which is still there."""
    news = tmp_path / "news"
    articles = harbour_articles(news, 4)
    out = tmp_path / "reports"
    command = ["report", str(news), "--out", str(out), "--workers", "1", "--quiet"]
    assert run_cli(*command).returncode == 0
    articles[0].write_bytes(b"")  # harbour0 now fails; the others change, and come after it
    for path in articles[1:]:
        path.write_text(read(path) + "\nThe ferry leaves at noon.\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit", *command], stderr=subprocess.PIPE, text=True
    )
    for line in proc.stderr:
        if line.startswith("error: "):
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    assert "harbour0.html" in index_links(out)
    assert missing_links(out) == []
    done = run_cli(*command)
    assert done.returncode == 1
    assert "harbour0.html" not in index_links(out) and missing_links(out) == []
    assert not (out / "harbour0.html").exists()


# --- what a failure says --------------------------------------------------------------------


@pytest.fixture(scope="module")
def trapped(tmp_path_factory):
    """`toolkit report` on an article over the size limit and one whose kernel dies, with a
    symbolic link planted as the output folder's ``_failed`` (pointing outside it)."""
    base = tmp_path_factory.mktemp("trapped")
    nb = nbformat.read(notebook_path(), as_version=4)
    trap = "import os\nif article_path.endswith('die.txt'): os._exit(1)"
    nb.cells.insert(2, nbformat.v4.new_code_cell(trap))
    nbformat.write(nb, base / "trap.ipynb")
    huge = base / "huge.txt"
    huge.write_bytes(b"The ferry runs. " * 625_000 + b"!")  # 10,000,001 bytes
    (base / "die.txt").write_text(HARBOUR, encoding="utf-8")
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    out = base / "reports"
    out.mkdir()
    (out / "_failed").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / ".tk-keep.html.0123.tmp").write_text("not the batch's", encoding="utf-8")
    done = run_cli(
        "report", str(huge), str(base / "die.txt"), "--out", str(out),
        "--notebook", str(base / "trap.ipynb"), "--workers", "1", "--quiet",
    )  # fmt: skip
    return {"base": base, "out": out, "elsewhere": elsewhere, "done": done}


def test_an_article_over_the_size_limit_is_a_loading_error(trapped):
    huge = trapped["base"] / "huge.txt"
    error = f"{huge}: file is 10,000,001 bytes, over the 10,000,000-byte limit (max_bytes)"
    assert f"error: {error};" in trapped["done"].stderr
    assert "notebook error" not in trapped["done"].stderr


def test_a_planted_failed_folder_link_is_refused(trapped):
    """Failed notebooks are never written, nor temporary files swept, through it."""
    assert [p.name for p in trapped["elsewhere"].iterdir()] == [".tk-keep.html.0123.tmp"]
    errors = [line for line in trapped["done"].stderr.splitlines() if "huge.txt" in line]
    assert len(errors) == 1
    assert errors[0].endswith(
        "; its notebook was not kept (report name '_failed' leaves the output folder "
        f"{trapped['out']})"
    )


def test_no_failed_notebooks_are_announced_when_none_was_kept(trapped):
    assert "2 articles: 0 built, 0 unchanged, 2 failed" in trapped["done"].stderr
    assert "failed notebook" not in trapped["done"].stderr


def test_every_message_of_a_failed_batch_is_an_error_line(trapped):
    """nbclient's own message about the dead kernel is prefixed like the toolkit's."""
    lines = trapped["done"].stderr.splitlines()
    assert "error: Kernel died while waiting for execute reply." in lines
    summary = [line for line in lines if not line.startswith("error: ")]
    assert len(summary) == 1 and summary[0].startswith("2 articles: ")
    assert trapped["done"].returncode == 1


def test_ctrl_c_stops_the_batch_at_once_even_when_the_kernels_ignore_it(tmp_path):
    """Ctrl-C kills the kernels rather than waiting for them: here both run a cell that
    ignores interrupts. The target is 2 s (benchmarks/bench_report_faults.py measures it);
    before, a worker waiting on its kernel held the batch up to 30 s or more."""
    markers = tmp_path / "running"
    markers.mkdir()
    cell = (
        "import os, pathlib, signal, time\n"
        "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
        "pathlib.Path(os.environ['TK_TEST_MARKERS'], article_id).touch()\n"
        "time.sleep(120)"
    )
    notebook = trap_notebook(tmp_path / "stuck.ipynb", cell)
    harbour_articles(tmp_path / "news", 2)
    out = tmp_path / "reports"
    proc = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "report", str(tmp_path / "news"), "--out", str(out),
         "--notebook", str(notebook), "--workers", "2", "--quiet"],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "TK_TEST_MARKERS": str(markers)},
    )  # fmt: skip
    try:
        assert wait_for(lambda: len(list(markers.iterdir())) == 2, seconds=120)
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
        stopped_after = time.monotonic() - started
    finally:
        proc.kill()
    assert proc.returncode == 130 and stderr.rstrip().endswith("interrupted")
    assert stopped_after < 5, stopped_after
    assert "Traceback" not in stderr
    assert wait_for(lambda: not kernels_started_by(proc.pid), seconds=5)
    assert not list(out.glob(".tk-*"))
    assert not (out / "_failed").exists()  # notebooks cut short are not failures


# --- killed at random -----------------------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_batch_killed_at_a_random_moment_leaves_a_folder_the_next_run_completes(seed, tmp_path):
    """SIGKILL or SIGINT at a random moment (benchmarks/bench_report_faults.py runs 20 seeds):
    the folder left holds whole files and an index that links only what is there; the next
    run completes it, and leaves no temporary file, connection file or kernel behind."""
    run = run_with_fault(seed, tmp_path)
    assert run.signal in {"SIGKILL", "SIGINT"}
