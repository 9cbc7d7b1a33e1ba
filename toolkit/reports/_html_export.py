"""The HTML report: an executed notebook exported by nbconvert with the toolkit's template
(``templates/nbconvert/toolkit_report``: code hidden, nothing that can run).

>>> exporter = html_exporter()                                          # doctest: +SKIP
>>> html = export_html(exporter, nb, title="Talks resume · toolkit report")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.reports._notebook import HIDDEN_CELL_TAGS

__all__ = ["export_html", "html_exporter"]

TEMPLATES = Path(__file__).resolve().parent / "templates" / "nbconvert"


def html_exporter() -> Any:
    """nbconvert's HTML exporter with our template (code hidden), warmed up: the first export
    compiles the templates (about 0.2 s), so it is done here, on a one-cell notebook."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="toolkit_report",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_CELL_TAGS)), enabled=True
    )
    warm_up = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("warm-up")])
    exporter.from_notebook_node(warm_up)
    return exporter


def export_html(exporter: Any, nb: Any, title: str) -> str:
    """The HTML page of the executed notebook ``nb``, titled ``title``."""
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body
