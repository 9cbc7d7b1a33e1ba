"""The explore notebook runs under papermill and its charts show data.

On a sample of ../shared/corpus/bbc (passed as the ``corpus_path`` parameter) when it is
there, otherwise on the synthetic corpus of ``corpus_samples``; and on its default, the
shipped seeds folder. The charts' data is checked directly in ``test_plots.py``; here, that
the executed notebook holds every chart as a non-blank image with its description, no errors,
and no flood of progress-bar lines.
"""

from __future__ import annotations

import base64
import importlib.util
import io
import re
from pathlib import Path

import nbformat
import pytest
from conftest import ROOT, SEED, SHARED
from corpus_samples import write_news

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
# top actors, by topic, voice share, co-mention network, readability; women quoted and role mix
# (the share of women quoted over time only shows when the articles have dates)
CHARTS = 7


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:40]
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for name in ("corpus_path", "sample", "workers", "actor", "dedupe"):
        assert f"{name} = " in tagged[0].source


def test_default_corpus_is_the_shipped_seeds_folder():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    tagged = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    assert 'corpus_path = "../seeds"' in tagged.source
    assert (NOTEBOOK.parent / "../seeds").resolve() == SEED.parent
    assert "corpus_path" in notebook.cells[0].source  # the introduction says how to change it


def execute(output: Path, **parameters) -> nbformat.NotebookNode:
    if importlib.util.find_spec("toolkit.display") is None:
        pytest.skip("the article display (toolkit.display) has not landed yet")
    papermill = pytest.importorskip("papermill")
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(output),
        parameters=parameters,
        cwd=str(NOTEBOOK.parent),
        kernel_name="python3",
        progress_bar=False,
    )
    return nbformat.read(output, as_version=4)


@pytest.fixture(scope="module")
def explored(tmp_path_factory) -> nbformat.NotebookNode:
    """The notebook executed by papermill on a sample of the BBC corpus, or on the synthetic one."""
    tmp_path = tmp_path_factory.mktemp("explore")
    shared = SHARED / "corpus" / "bbc"
    if shared.is_dir():
        corpus_path, sample = str(shared), 40
    else:
        corpus_path, sample = str(write_news(tmp_path)), None
    return execute(tmp_path / "explored.ipynb", corpus_path=corpus_path, sample=sample, workers=2)


def _outputs(notebook: nbformat.NotebookNode) -> list:
    return [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]


def test_notebook_runs_under_papermill_and_draws_every_chart(explored):
    outputs = _outputs(explored)
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == CHARTS
    for image in images:
        assert not _blank(image.data["image/png"])
        # The chart's description, as the image's alternative text and its plain-text form.
        alt = image.metadata["image/png"]["alt"]
        assert alt.startswith(
            ("Bar chart", "Stacked bar chart", "Network", "Box plots", "Line charts")
        )
        assert image.data["text/plain"] == f"PngImage(alt={alt!r})"
    summary = next(o for o in outputs if "toolkit-corpus" in o.get("data", {}).get("text/html", ""))
    assert "Most mentioned" in summary.data["text/html"]


def test_notebook_runs_on_its_default_corpus(tmp_path):
    outputs = _outputs(execute(tmp_path / "seeds.ipynb", workers=1))
    assert not [o for o in outputs if o.output_type == "error"]
    assert len([o for o in outputs if "image/png" in o.get("data", {})]) == CHARTS
    assert "Corpus(articles=1," in outputs_text(outputs)


def outputs_text(outputs: list) -> str:
    return "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs)


def test_progress_bar_does_not_flood_the_output(explored):
    # Each refresh of a text progress bar is kept as an output of its own (papermill), shown
    # as a line each when the notebook is exported: the whole bar must stay a few lines.
    stderr = "".join(o.text for o in _outputs(explored) if o.get("name") == "stderr")
    lines = [line for line in re.split(r"[\r\n]+", stderr) if line.strip()]
    assert len(lines) <= 4, lines


def _blank(png_base64: str) -> bool:
    from matplotlib.image import imread

    pixels = imread(io.BytesIO(base64.b64decode(png_base64)), format="png")
    return float(pixels.std()) < 1e-3


# --- a table of dated articles from several outlets ---------------------------------------------

OUTLET_AND_TIME_CHARTS = ("Dot plot", "Line chart", "Line charts, one per outlet")


@pytest.fixture(scope="module")
def explored_table(tmp_path_factory) -> nbformat.NotebookNode:
    """The notebook executed on the PolNeAR table (dated articles from seven outlets)."""
    table = SHARED / "corpus" / "polnear" / "articles.csv"
    if not table.is_file():
        pytest.skip(f"{table} is not available")
    tmp_path = tmp_path_factory.mktemp("explore-table")
    return execute(tmp_path / "explored.ipynb", corpus_path=str(table), workers=2)


def test_notebook_on_a_table_compares_outlets_and_follows_actors_over_time(explored_table):
    outputs = _outputs(explored_table)
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    alts = [image.metadata["image/png"]["alt"] for image in images]
    for kind in OUTLET_AND_TIME_CHARTS:
        chart = next(alt for alt in alts if alt.startswith(kind))
        assert not chart.endswith("no data.")
        assert "breitbart" in chart or kind == "Line chart"
    for image in images:
        assert not _blank(image.data["image/png"])
    # No topics in the table: that chart says so instead of drawing nothing.
    assert not any(
        alt.startswith("Bar charts of the most mentioned actors by topic") for alt in alts
    )
    text = outputs_text(outputs) + "".join(o.get("text", "") for o in outputs)
    assert "3 of 341 articles repeat an earlier story" in text
    assert "No topics" in text
