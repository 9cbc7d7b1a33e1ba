"""The explore notebook runs under papermill and its charts show data.

On a sample of ../shared/corpus/bbc when it is there, otherwise on the synthetic corpus of
``corpus_samples``. The charts' data is checked directly in ``test_plots.py``; here, that the
executed notebook holds every chart as a non-blank image and no errors.
"""

from __future__ import annotations

import base64
import importlib.util
import io

import nbformat
import pytest
from conftest import ROOT, SHARED
from corpus_samples import write_news

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
CHARTS = 5  # top actors, by topic, voice share, co-mention network, readability


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:40]
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    for name in ("corpus_path", "sample", "workers", "actor", "dedupe"):
        assert f"{name} = " in tagged[0].source


@pytest.mark.skipif(
    importlib.util.find_spec("toolkit.display") is None,
    reason="the article display (toolkit.display) has not landed yet",
)
def test_notebook_runs_under_papermill_and_draws_every_chart(tmp_path):
    papermill = pytest.importorskip("papermill")
    shared = SHARED / "corpus" / "bbc"
    if shared.is_dir():
        corpus_path, sample = str(shared), 40
    else:
        corpus_path, sample = str(write_news(tmp_path)), None
    output = tmp_path / "explored.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(output),
        parameters={"corpus_path": corpus_path, "sample": sample, "workers": 2},
        cwd=str(NOTEBOOK.parent),
        kernel_name="python3",
        progress_bar=False,
    )
    executed = nbformat.read(output, as_version=4)
    outputs = [o for c in executed.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o.data["image/png"] for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == CHARTS
    for png in images:
        assert not _blank(png)
    summary = next(o for o in outputs if "toolkit-corpus" in o.get("data", {}).get("text/html", ""))
    assert "Most mentioned" in summary.data["text/html"]


def _blank(png_base64: str) -> bool:
    from matplotlib.image import imread

    pixels = imread(io.BytesIO(base64.b64decode(png_base64)), format="png")
    return float(pixels.std()) < 1e-3
