"""One article's report: run the notebook on a warm kernel, write the report files, or say in
one line why it failed (and keep the failed notebook under ``_failed/``).

>>> renderer = Renderer(Path("reports"), notebook_path(), ("html",), timeout=600)  # doctest: +SKIP
>>> outcome, kernel_usable = renderer.render(job, kernel)                          # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import os
import threading
import time
from pathlib import Path
from typing import Any

from toolkit._io import atomic_write_text
from toolkit.errors import ArticleError, one_line
from toolkit.reports._deadline import DeadlineExceeded, call_with_deadline
from toolkit.reports._folder import (
    FULL_TABLES,
    failed_folder,
    full_tables_folder,
    remove_full_tables,
    safe_path,
)
from toolkit.reports._html_export import export_html, html_exporter
from toolkit.reports._notebook import FULL_TABLES_PARAMETER, read_summary, takes_parameter
from toolkit.reports._outcomes import Job, ReportOutcome

__all__ = ["ExportTimeout", "Renderer"]


class ExportTimeout(Exception):
    """The HTML export of a report ran over the batch's timeout."""


class Renderer:
    """Builds reports into ``out`` from ``notebook``, in ``formats``, each cell bounded by
    ``timeout`` seconds. Shared by the worker threads of a batch; ``stop`` is set when the
    batch is interrupted."""

    def __init__(
        self,
        out: Path,
        notebook: Path,
        formats: tuple[str, ...],
        timeout: float,
        stop: threading.Event | None = None,
    ):
        self.out = out
        self.notebook = notebook
        self.formats = formats
        self.timeout = timeout
        self.stop = stop if stop is not None else threading.Event()
        self.takes_full_tables = takes_parameter(notebook, FULL_TABLES_PARAMETER)
        # One HTML exporter for all workers: building and warming it up costs about 0.4 s of
        # the parent's CPU, and exporting holds the GIL anyway, so the lock costs no parallelism.
        self._exporter: Any = None
        self._exporter_lock = threading.Lock()

    def prepare(self) -> None:
        """Build the HTML exporter now, if the batch makes HTML (the first worker does it
        while its kernel starts)."""
        if "html" in self.formats:
            self._html_exporter()

    def render(self, job: Job, kernel: Any) -> tuple[ReportOutcome, bool]:
        """Run the notebook for one article; return the outcome and whether the kernel is
        still usable."""
        import papermill

        from toolkit.reports._papermill import ENGINE_NAME

        started = time.perf_counter()
        kernel.last_notebook = None
        try:
            parameters = self._parameters(job)
        except ValueError as exc:
            return self.failed(job, f"{job.source}: cannot write the report ({exc})"), True
        try:
            nb = papermill.execute_notebook(
                str(self.notebook),
                None,
                parameters=parameters,
                engine_name=ENGINE_NAME,
                kernel=kernel,
                progress_bar=False,
                execution_timeout=self.timeout,
            )
        except Exception as exc:
            reason, kernel_usable = self._run_failure(job, exc, kernel)
            return self.failed(job, reason, kernel.last_notebook), kernel_usable
        outcome = self._finish(job, nb)
        if outcome.status == "built":
            outcome = dataclasses.replace(outcome, seconds=time.perf_counter() - started)
        return outcome, True

    def failed(self, job: Job, reason: str, nb: Any = None) -> ReportOutcome:
        """The failed outcome of ``job``; papermill's notebook ``nb`` is kept in ``_failed/``,
        unless the batch was interrupted (then the notebook failed because the batch cut it
        short, not because of the article)."""
        kept = None
        if nb is not None and not self.stop.is_set():
            try:
                kept = self._keep_failed_notebook(job, nb)
            except (OSError, ValueError) as exc:
                reason += f"; its notebook was not kept ({one_line(exc, with_type=False)})"
        return ReportOutcome(job.id, job.source, "failed", error=reason, failed_notebook=kept)

    def _keep_failed_notebook(self, job: Job, nb: Any) -> str:
        """Write ``nb`` to ``_failed/<id>.ipynb``; its path relative to the output folder."""
        import nbformat

        folder = failed_folder(self.out)
        target = safe_path(folder, f"{job.id}.ipynb")
        folder.mkdir(exist_ok=True)
        atomic_write_text(target, nbformat.writes(nb))
        return target.relative_to(self.out).as_posix()

    # --- steps ------------------------------------------------------------------------------

    def _run_failure(self, job: Job, exc: Exception, kernel: Any) -> tuple[str, bool]:
        """Why running the notebook failed, in one line, and whether the kernel is usable."""
        from nbclient.exceptions import CellTimeoutError, DeadKernelError
        from papermill.exceptions import PapermillExecutionError

        from toolkit.reports._kernel import KernelError

        if isinstance(exc, PapermillExecutionError):
            return execution_reason(job, exc), True
        if isinstance(exc, CellTimeoutError):
            return (
                f"{job.source}: a notebook cell ran over {self.timeout:g} s (kernel restarted)",
                False,
            )
        if isinstance(exc, (DeadKernelError, KernelError)):
            tail = one_line(kernel.log_tail(1)) if kernel.log_tail(1) else ""
            detail = one_line(exc, with_type=False) + (f"; kernel said: {tail}" if tail else "")
            return f"{job.source}: kernel died or failed ({detail}; kernel restarted)", False
        reason = (
            f"{job.source}: could not run the report notebook ({one_line(exc, with_type=False)})"
        )
        return reason, kernel.is_alive()

    def _parameters(self, job: Job) -> dict[str, str]:
        """The notebook's parameters for ``job``: the article (a file, or a table row's saved
        article), its report name, and (if the notebook takes it) where the full tables of a
        long article go."""
        article_path = str(job.path) if job.input_file else job.source
        parameters = {"article_path": article_path, "article_id": job.id}
        if self.takes_full_tables:
            folder = full_tables_folder(self.out, job.id)
            parameters[FULL_TABLES_PARAMETER] = os.path.abspath(folder)
        return parameters

    def _finish(self, job: Job, nb: Any) -> ReportOutcome:
        """The report files of the executed notebook ``nb``, or why there are none."""
        summary = read_summary(nb)
        if summary is None:
            reason = f"{job.source}: the report notebook published no summary (publish_summary)"
            return self.failed(job, reason, nb)
        try:
            files = self._write_report(job, nb, summary)
        except ExportTimeout as exc:
            return self.failed(job, f"{job.source}: {exc}", nb)
        except (OSError, ValueError) as exc:
            return self.failed(
                job, f"{job.source}: cannot write the report ({one_line(exc, with_type=False)})", nb
            )
        return ReportOutcome(job.id, job.source, "built", summary, None, files)

    def _write_report(self, job: Job, nb: Any, summary: dict[str, Any]) -> tuple[str, ...]:
        """Write the report's files; their names, relative to the output folder: the notebook,
        the page, then the full tables the notebook wrote (the page links them, so they were
        written first; stale ones go once the new page, which does not link them, is there),
        and a table row's saved article."""
        tables = self._full_tables(job)
        files = []
        if "ipynb" in self.formats:
            import nbformat

            atomic_write_text(safe_path(self.out, f"{job.id}.ipynb"), nbformat.writes(nb))
            files.append(f"{job.id}.ipynb")
        if "html" in self.formats:
            title = f"{summary.get('title') or job.id} · toolkit report"
            body = self._export_html(nb, title)
            atomic_write_text(safe_path(self.out, f"{job.id}.html"), body)
            files.append(f"{job.id}.html")
        if not tables:
            remove_full_tables(self.out, job.id)
        inputs = (job.input_file,) if job.input_file else ()
        return (*files, *tables, *inputs)

    def _full_tables(self, job: Job) -> tuple[str, ...]:
        """The full tables this run of the notebook wrote (a notebook that does not take
        :data:`FULL_TABLES_PARAMETER` wrote none)."""
        if not self.takes_full_tables:
            return ()
        folder = full_tables_folder(self.out, job.id)
        names = [f"{table}.csv" for table in FULL_TABLES]
        return tuple(f"{folder.name}/{n}" for n in names if (folder / n).is_file())

    def _export_html(self, nb: Any, title: str) -> str:
        """The HTML page of ``nb``, exported within the batch's timeout (:class:`ExportTimeout`
        if not: the exporter, cut short, is then built afresh for the next report)."""
        exporter = self._html_exporter()
        with self._exporter_lock:  # the exporter registers filters on itself as it runs
            try:
                return call_with_deadline(lambda: export_html(exporter, nb, title), self.timeout)
            except DeadlineExceeded:
                self._exporter = None
                raise ExportTimeout(f"the HTML export ran over {self.timeout:g} s") from None

    def _html_exporter(self) -> Any:
        """The batch's HTML exporter, built and warmed up by the first worker that needs it."""
        with self._exporter_lock:
            if self._exporter is None:
                self._exporter = html_exporter()
            return self._exporter


def _names_of_subclasses(cls: type) -> frozenset[str]:
    return frozenset({cls.__name__}).union(*map(_names_of_subclasses, cls.__subclasses__()))


#: The names of the errors ``load_article`` raises (ArticleTooLargeError, EmptyArticleError...):
#: the kernel reports an exception by class name only.
_ARTICLE_ERRORS = _names_of_subclasses(ArticleError)


def execution_reason(job: Job, exc: Any) -> str:
    """One line: the article error's own message (it names the file), else the exception."""
    ename = str(getattr(exc, "ename", "") or "error")
    evalue = one_line(getattr(exc, "evalue", "") or "")
    if ename in _ARTICLE_ERRORS and evalue:
        return evalue  # a loading error: "<path>: file is empty", "<path>: file is too large"
    cell = getattr(exc, "exec_count", None)
    where = f" in cell [{cell}]" if cell else ""
    return f"{job.source}: notebook error{where}: {ename}" + (f": {evalue}" if evalue else "")
