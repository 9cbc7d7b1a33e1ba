"""`toolkit report`: the real notebook run by papermill on warm kernels, in batch.

One batch (module fixture) runs the command line on the seed article, an article carrying an
HTML/JS payload, an article named like the batch index, and three bad files; most tests read
its output. Tests that change reports work on a copy.
"""

from __future__ import annotations

import base64
import copy
import csv
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, SEED
from report_samples import HARBOUR, PAYLOAD, read, run_cli

from toolkit.reports import build_reports, notebook_path
from toolkit.reports._html_export import html_exporter


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Run `toolkit report` once; the seed comes last so it runs on a kernel already used."""
    base = tmp_path_factory.mktemp("batch")
    articles = base / "articles"
    articles.mkdir()
    (articles / "payload.txt").write_text(PAYLOAD, encoding="utf-8")
    (articles / "index.txt").write_text(HARBOUR, encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (articles / "garbled.txt").write_bytes(b"Headline\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 20)
    seed = articles / SEED.name
    shutil.copy(SEED, seed)
    order = ["payload.txt", "index.txt", "empty.txt", "photo.txt", "garbled.txt", SEED.name]
    paths = [str(articles / name) for name in order]
    out = base / "reports"
    started = time.perf_counter()
    done = run_cli("report", *paths, "--out", str(out), "--workers", "2", cwd=base)
    return {
        "base": base,
        "articles": articles,
        "paths": paths,
        "out": out,
        "done": done,
        "seconds": time.perf_counter() - started,
        "seed_id": SEED.stem,
    }


# --- the batch ------------------------------------------------------------------------------


def test_bad_articles_fail_alone_and_the_exit_code_says_so(batch):
    done, articles = batch["done"], batch["articles"]
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(errors) == sorted(
        [
            f"error: {articles / 'empty.txt'}: file is empty",
            f"error: {articles / 'photo.txt'}: binary file, not text",
            f"error: {articles / 'garbled.txt'}: binary file, not text (control characters)",
        ]
    )
    assert "6 articles: 3 built, 0 unchanged, 3 failed" in done.stderr
    assert f"3 failed notebooks kept in {batch['out'] / '_failed'}" in done.stderr
    assert "Traceback" not in done.stderr
    out = batch["out"]
    for name in ("payload", "index-2", batch["seed_id"]):
        assert (out / f"{name}.html").is_file()
        assert (out / f"{name}.ipynb").is_file()


def test_failed_notebooks_are_kept(batch):
    failed = nbformat.read(batch["out"] / "_failed" / "empty.ipynb", as_version=4)
    errors = [o for c in failed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert [(e.ename, e.evalue) for e in errors] == [
        ("EmptyArticleError", f"{batch['articles'] / 'empty.txt'}: file is empty")
    ]
    assert sorted(p.name for p in (batch["out"] / "_failed").iterdir()) == [
        "empty.ipynb",
        "garbled.ipynb",
        "photo.ipynb",
    ]


def test_index_lists_every_article(batch):
    index = read(batch["out"] / "index.html")
    seed_id = batch["seed_id"]
    assert f'<a href="{seed_id}.html">' in index
    # The index and the report name the same top actors, the main speaker among them.
    page = read(batch["out"] / f"{seed_id}.html")
    top = re.search(r"<tr><th>actors</th><td>\d+: ([^<]*)</td></tr>", page).group(1)
    assert "Emmanuel Macron" in top.split(", ")
    assert f"<td>{top}</td></tr>" in index
    assert '<a href="index-2.html">Harbour reopens after storm</a>' in index
    assert '<a href="payload.html">' in index
    # Failures: one line each, with papermill's notebook.
    assert "file is empty" in index
    assert "binary file, not text" in index
    assert '<a href="_failed/photo.ipynb">failed notebook</a>' in index
    assert "6 articles: 3 built, 0 unchanged, 3 failed." in index


def test_summary_csv(batch):
    rows = list(csv.DictReader((batch["out"] / "summary.csv").open(encoding="utf-8")))
    by_id = {row["id"]: row for row in rows}
    assert list(by_id) == ["payload", "index-2", "empty", "photo", "garbled", batch["seed_id"]]
    assert by_id["index-2"]["status"] == "built"
    assert by_id["index-2"]["title"] == "Harbour reopens after storm"
    assert by_id["index-2"]["report"] == "index-2.html"
    assert int(by_id["index-2"]["words"]) > 20
    assert by_id["empty"]["status"] == "failed"
    assert by_id["empty"]["error"].endswith("empty.txt: file is empty")


def test_payload_is_escaped_in_report_and_index(batch):
    out = batch["out"]
    index = read(out / "index.html")
    # The index runs one script, the toolkit's own (allowed by its hash); none of the article's.
    assert index.count("<script") == 1
    assert "<script>(function () {" in index or "<script>// " in index
    for page in (read(out / "payload.html"), index.replace(index[index.index("<script>") :], "")):
        assert "<script" not in page
        assert "<img src=x" not in page
        assert "Minister &lt;script&gt;alert(1)&lt;/script&gt; resigns" in page
    report_html = read(out / "payload.html")
    assert "&lt;img src=x onerror=alert(2)&gt;" in report_html
    assert "&lt;script&gt;alert(4)&lt;/script&gt;" in report_html
    assert (
        "<title>Minister &lt;script&gt;alert(1)&lt;/script&gt; resigns · toolkit report</title>"
        in report_html
    )
    # Nothing in a report may run, whatever it contains.
    assert "default-src 'none'" in report_html


def test_report_html_hides_code_and_shows_the_analysis(batch):
    page = read(batch["out"] / f"{batch['seed_id']}.html")
    assert "load_article(" not in page  # code cells hidden
    assert "article_path" not in page  # parameters cells left out
    assert "papermill" not in page.lower() or "papermill-error" not in page
    # The actor chart: an SVG image (nothing in it can run) whose names are text, described
    # for screen readers by its alt text.
    chart = re.search(r'<div class="jp-RenderedSVG[^>]*>\s*(<img [^>]*>)', page)
    assert chart is not None
    source = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', chart.group(1))
    alt = re.search(r'alt="([^"]*)"', chart.group(1))
    svg = base64.b64decode(source.group(1)).decode("utf-8")
    assert ">Who is mentioned, and who is quoted</text>" in svg
    assert ">Emmanuel Macron</text>" in svg
    assert alt.group(1).startswith("Bar chart of actors by mentions: Ukraine (place) 13; ")
    assert "; Emmanuel Macron (person) 4, quoted 3; " in alt.group(1)
    assert page.count('<mark class="tk-quote') >= 1
    for heading in ("Statistics", "Actors", "The article and its quotations", "Quotations"):
        assert f">{heading}<" in page


def test_seed_report_shows_the_quotes_and_their_speakers(batch):
    """The seed's targets: three quotations of Macron's words in quote marks, each in a clause
    the article reports (kind "mixed"), the third unclosed and said by "He"; seven people."""
    page = read(batch["out"] / f"{batch['seed_id']}.html")
    rows = re.findall(
        r'<tr><td class="tk-num">(Q\d+)</td><td><span [^>]*></span>([^<]*)</td>'
        r"<td>([^<]*)</td><td>([^<]*)</td><td>[^<]*</td><td>([^<]*)</td></tr>",
        page,
    )
    marked = [row for row in rows if row[3].startswith("mixed")]
    assert [(q, speaker, kind) for q, speaker, _, kind, _ in marked] == [
        ("Q1", "Emmanuel Macron", "mixed"),
        ("Q2", "Emmanuel Macron", "mixed"),
        ("Q3", "Emmanuel Macron", "mixed, unclosed"),
    ]
    assert marked[2][2] == "He"
    assert marked[0][4].startswith("another massive Russian attack on Ukraine")
    assert "priority was to" in marked[1][4]
    assert "must remain united" in marked[2][4]
    # In the text: highlighted, labelled with the speaker, the speaker's words marked.
    for number in (1, 2, 3):
        assert f'<span class="tk-label">Q{number} · Emmanuel Macron</span>' in page
    # "He declined to comment ..., adding ...": "He" speaks Q3
    assert re.search(r'<span class="tk-speaker" [^>]*title="speaker of Q3">He</span>', page)
    people = set(re.findall(r"</span>([^<]+)</td><td>person</td>", page))
    for surname in ("Macron", "Putin", "Scholz", "Biden", "Zelensky", "Trump", "Lavrov"):
        assert any(surname in name for name in people), (surname, people)
    assert len(people) == 7
    # The speakers: Macron first, with his inferred gender and role and their evidence.
    assert re.search(
        r"Emmanuel Macron</td><td>person</td><td class=\"tk-num\">3</td><td class=\"tk-num\">3</td>"
        r'<td><span class="tk-tip" tabindex="0">male<span class="tk-tip-text"> \(evidence: '
        r"[^<]*</span></span></td>"
        r'<td><span class="tk-tip" tabindex="0">politician<span class="tk-tip-text">',
        page,
    )
    assert ">Speakers<" in page


# --- a batch report is the report a fresh kernel makes ---------------------------------------


def _normalised(nb) -> dict:
    """The notebook minus what differs between any two runs: times, papermill paths, the
    injected cell's random id, the kernel's temporary cell file names."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.pop("id", None)
    text = json.dumps(nb, sort_keys=True)
    return json.loads(re.sub(r"/tmp/ipykernel_\d+/\d+\.py", "<cell>", text))


def test_batch_report_equals_the_report_made_alone_by_plain_papermill(batch, tmp_path):
    seed_path = batch["paths"][-1]
    alone = tmp_path / "alone.ipynb"
    tables = batch["out"] / f"{batch['seed_id']}_files"  # where a long article's would go
    done = subprocess.run(
        [sys.executable, "-m", "papermill", str(notebook_path()), str(alone),
         "-p", "article_path", seed_path, "-p", "article_id", batch["seed_id"],
         "-p", "full_tables_dir", str(tables), "--no-progress-bar"],
        capture_output=True, text=True, cwd=batch["base"],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    made_alone = nbformat.read(alone, as_version=4)
    in_batch = nbformat.read(batch["out"] / f"{batch['seed_id']}.ipynb", as_version=4)
    assert [c.execution_count for c in in_batch.cells if c.cell_type == "code"] == list(
        range(1, 1 + sum(c.cell_type == "code" for c in in_batch.cells))
    )
    assert _normalised(in_batch) == _normalised(made_alone)
    # The same HTML, too.
    exporter = html_exporter()
    title = {"metadata": {"name": "t"}}
    assert (
        exporter.from_notebook_node(made_alone, resources=dict(title))[0]
        == (exporter.from_notebook_node(in_batch, resources=dict(title))[0])
    )


def test_without_nltk_data_every_report_warns_like_a_fresh_kernel(tmp_path, monkeypatch):
    """The fallbacks warn once per process, from cached loaders: a warm kernel must still
    print the warnings in every report, exactly as a fresh kernel does."""
    monkeypatch.setenv("TOOLKIT_NLTK_DATA", "off")
    (tmp_path / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    shutil.copy(SEED, tmp_path / SEED.name)
    monkeypatch.chdir(tmp_path)
    result = build_reports(["harbour.txt", SEED.name], "out", workers=1, progress=False)
    assert result.counts == {"built": 2, "skipped": 0, "failed": 0}
    tables = tmp_path / "out" / f"{SEED.stem}_files"
    done = subprocess.run(
        [sys.executable, "-m", "papermill", str(notebook_path()), "alone.ipynb",
         "-p", "article_path", SEED.name, "-p", "article_id", SEED.stem,
         "-p", "full_tables_dir", str(tables), "--no-progress-bar"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    in_batch = nbformat.read(tmp_path / "out" / f"{SEED.stem}.ipynb", as_version=4)
    assert _normalised(in_batch) == _normalised(nbformat.read("alone.ipynb", as_version=4))
    for page in ("harbour.html", f"{SEED.stem}.html"):
        assert re.search(
            r"NLTK data (&#x27;|&#39;|')cmudict\1 is not installed", read(tmp_path / "out" / page)
        )


def test_warm_kernel_reset_leaves_no_state(tmp_path):
    """Notebook B, run after notebook A on the same warm kernel, sees a fresh kernel."""
    import papermill

    from toolkit.reports._papermill import ENGINE_NAME, WarmKernel

    def notebook(*sources):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
        nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "P"}
        path = tmp_path / f"nb{len(list(tmp_path.iterdir()))}.ipynb"
        nbformat.write(nb, path)
        return str(path)

    messy = notebook(
        "import os, warnings, matplotlib, pandas as pd, matplotlib.pyplot as plt\n"
        "leak = 1; plt.figure(); matplotlib.rcParams['lines.linewidth'] = 9\n"
        "pd.set_option('display.max_rows', 3); os.environ['LEAK'] = '1'; os.chdir('/')\n"
        "warnings.simplefilter('ignore')",
        "import warnings; warnings.warn('once per process')",
        "from toolkit.lang import nltk_data; nltk_data.warn_missing('cmudict', 'a fallback')",
    )
    checks = notebook(
        "import os, warnings, matplotlib, pandas as pd, matplotlib.pyplot as plt\n"
        "assert 'leak' not in globals() and 'LEAK' not in os.environ\n"
        "assert plt.get_fignums() == [] and matplotlib.rcParams['lines.linewidth'] == 1.5\n"
        "assert pd.get_option('display.max_rows') == 60\n"
        f"assert os.getcwd() == {str(tmp_path)!r}",
        # A warning in the last notebook (not about NLTK data) leaves the loaded models alone;
        # without cmudict the syllable counter warned while loading, so it loads (and warns) again.
        "from toolkit.lang import nltk_data; from toolkit.text import syllables; from toolkit.actors import _lexicon\n"
        "loaded = 1 if nltk_data.have('cmudict') else 0\n"
        "assert syllables._default_counter.cache_info().currsize == loaded\n"
        "assert _lexicon.lexicon.cache_info().currsize == 1",
        "import warnings; warnings.warn('once per process')",
        "from toolkit.lang import nltk_data; nltk_data.warn_missing('cmudict', 'a fallback')",
    )
    kernel = WarmKernel(cwd=tmp_path)
    try:
        run = dict(engine_name=ENGINE_NAME, kernel=kernel, progress_bar=False)
        papermill.execute_notebook(messy, None, **run)
        nb = papermill.execute_notebook(checks, None, **run)
    finally:
        kernel.shutdown()
    assert [c.execution_count for c in nb.cells] == [1, 2, 3, 4]
    warned = ["".join(o.get("text", "")) for c in nb.cells[2:] for o in c.outputs]
    assert "UserWarning: once per process" in warned[0]
    assert "NLTK data 'cmudict' is not installed" in warned[1]


def test_a_missing_data_warning_empties_only_the_loaders_that_warned(monkeypatch):
    """In a warm kernel, the cached loader that warned about missing NLTK data is emptied at
    the next reset (so the next report warns again, as in a fresh kernel); the other caches
    (the estimator's model, the actor lexicon) stay loaded."""
    import warnings

    from toolkit import lang
    from toolkit.actors import _lexicon
    from toolkit.lang import nltk_data
    from toolkit.reports import _in_kernel
    from toolkit.text import syllables

    syllables.count_syllables("harbour")
    _lexicon.lexicon()
    monkeypatch.setenv("TOOLKIT_NLTK_DATA", "off")
    nltk_data.have.cache_clear()
    nltk_data.warn_missing.cache_clear()
    syllables._default_counter.cache_clear()
    lang.clear_cache(only_warned=True)  # forget earlier notes
    counter = "toolkit.text.syllables._default_counter"
    try:
        shown = []
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.showwarning = lambda message, category, *args: shown.append(category)
            warnings.warn("not about NLTK data", UserWarning, stacklevel=1)
            assert lang.CACHE.warned() == []
            syllables.count_syllables("harbour")
        assert shown == [UserWarning, nltk_data.NltkDataMissingWarning]
        assert lang.CACHE.warned() == ["toolkit.lang.nltk_data.warn_missing", counter]
        _in_kernel._clear_loaders_that_warned()
        assert lang.CACHE.size(counter) == 0 and lang.CACHE.warned() == []
        assert syllables._model.cache_info().currsize == 1
        assert _lexicon.lexicon.cache_info().currsize == 1
    finally:
        monkeypatch.delenv("TOOLKIT_NLTK_DATA")
        nltk_data.have.cache_clear()
        nltk_data.warn_missing.cache_clear()
        syllables._default_counter.cache_clear()
        lang.clear_cache(only_warned=True)


# --- incremental ----------------------------------------------------------------------------


def _good(batch) -> list[str]:
    return [p for p in batch["paths"] if Path(p).name in ("payload.txt", "index.txt", SEED.name)]


def test_rerun_skips_unchanged_articles_without_heavy_imports(batch, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(batch["out"], out)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html")}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "toolkit", "report", *_good(batch),
         "--out", str(out)],
        capture_output=True, text=True, cwd=batch["base"],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "3 articles: 0 built, 3 unchanged, 0 failed" in done.stderr
    imported = {
        line.split("|")[-1].strip() for line in done.stderr.splitlines() if "import time:" in line
    }
    assert not imported & {
        "papermill",
        "nbconvert",
        "pandas",
        "matplotlib",
        "nltk",
        "jupyter_client",
    }
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html") if p.name != "index.html"}
    assert after == {k: v for k, v in before.items() if k != "index.html"}
    index = read(out / "index.html")
    assert "3 articles: 0 built, 3 unchanged, 0 failed." in index
    assert '<a href="index-2.html">Harbour reopens after storm</a>' in index


def test_changed_and_failing_articles_and_force_rebuild(batch, tmp_path):
    """The output folder sits inside the folder of articles, with a whole earlier batch in it:
    its reports, index and failed notebooks are never taken for articles."""
    news = tmp_path / "news"
    news.mkdir()
    shutil.copy(batch["articles"] / "index.txt", news / "index.txt")
    shutil.copy(SEED, news / SEED.name)
    out = news / "reports"
    shutil.copytree(batch["out"], out)
    # The articles moved, so their keys changed: both are built.
    first = build_reports([news], out, workers=1, progress=False)
    assert [(o.id, o.status) for o in first.outcomes] == [
        (SEED.stem, "built"),
        ("index-2", "built"),
    ]
    (news / "index.txt").write_text(HARBOUR.replace("Friday", "Saturday"), encoding="utf-8")
    second = build_reports(news, out, workers=1, progress=False)
    assert [(o.id, o.status) for o in second.outcomes] == [
        (SEED.stem, "skipped"),
        ("index-2", "built"),
    ]
    assert "Saturday" in read(out / "index-2.html")
    assert not list(out.glob("reports*")) and not (out / "index-3.html").exists()

    # Now the article fails: the report of its old text goes, and the index says why.
    (news / "index.txt").write_bytes(b"")
    forced = build_reports(news, out, workers=1, force=True, progress=False)
    assert [(o.id, o.status) for o in forced.outcomes] == [
        (SEED.stem, "built"),
        ("index-2", "failed"),
    ]
    assert not (out / "index-2.html").exists() and not (out / "index-2.ipynb").exists()
    manifest = json.loads(read(out / "manifest.json"))
    assert "index-2" not in manifest["reports"]
    assert manifest["reports"][SEED.stem]["files"] == [f"{SEED.stem}.ipynb", f"{SEED.stem}.html"]
    index = read(out / "index.html")
    assert 'href="index-2.html"' not in index and "file is empty" in index


# --- the command line and the notebook ------------------------------------------------------


def test_no_articles_and_bad_options(tmp_path):
    done = run_cli("report", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "o"))
    assert done.returncode == 1
    assert "nothing-here: file not found" in done.stderr
    done = run_cli("report", str(SEED), "--out", str(tmp_path / "o"), "--format", "pdf")
    assert done.returncode == 2
    assert "unknown report format pdf" in done.stderr


def test_cli_turns_an_unexpected_error_into_one_line(tmp_path, monkeypatch, capsys):
    from toolkit.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("report workers stopped unexpectedly")

    monkeypatch.setattr("toolkit.reports.build_reports", broken)
    code = main(["report", str(SEED), "--out", str(tmp_path / "out")])
    assert code == 1
    assert capsys.readouterr().err == (
        "error: toolkit report stopped: RuntimeError: report workers stopped unexpectedly\n"
    )


def test_the_notebook_is_found_and_stored_clean():
    path = notebook_path()
    assert path == ROOT / "toolkit" / "reports" / "notebook" / "article_report.ipynb"
    # One source: the checkout's notebooks/ copy (linked from the README) is the same file.
    assert (ROOT / "notebooks" / "article_report.ipynb").read_bytes() == path.read_bytes()
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    parameters = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1
    assert "article_path =" in parameters[0].source and "article_id = None" in parameters[0].source
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)


def test_batch_imports_papermill_without_optional_slow_modules_and_hides_nothing_after():
    code = (
        "import sys\n"
        "from toolkit.reports._imports import SKIPPED_OPTIONAL_IMPORTS, import_notebook_tools\n"
        "import_notebook_tools()\n"
        "print(sorted(m for m in SKIPPED_OPTIONAL_IMPORTS if m in sys.modules))\n"
        "import papermill, nbformat\n"
        "print(nbformat.validate(nbformat.v4.new_notebook()))\n"
        "import importlib.util\n"
        "print(all(importlib.util.find_spec(m) is None or sys.modules.get(m, 1) is not None"
        " for m in SKIPPED_OPTIONAL_IMPORTS))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["[]", "None", "True"]
