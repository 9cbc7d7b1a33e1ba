"""Per-article reports in batch: the report notebook, run by papermill for every article.

>>> result = build_reports(["seeds/"], "reports/", workers=2)       # doctest: +SKIP
>>> result.counts                                                    # doctest: +SKIP
{'built': 1, 'skipped': 0, 'failed': 0}

For each article, ``reports/<id>.ipynb`` (the executed notebook) and ``reports/<id>.html``
(code hidden) are written, then ``reports/index.html`` (one row per article, failures with
their reason) and ``reports/summary.csv``.

- **Fast.** Notebooks run on warm kernels (:mod:`toolkit.reports._papermill`): each of ``workers``
  kernels is started and imports pandas, matplotlib, nltk and the toolkit once, then runs
  article after article, reset between them to the state of a fresh kernel.
- **Incremental.** ``reports/manifest.json`` records, for every completed report, a key made of
  the article file's bytes, the notebook, the toolkit's code and version, the formats and the
  NLTK settings; an article whose key is unchanged and whose files exist is skipped without
  starting any kernel. ``force=True`` rebuilds.
- **Safe.** Report names are checked to stay inside the output folder; every file is written to
  a temporary file in the same folder and renamed into place, so an interrupted batch leaves
  complete reports or none; a failing article is listed with a one-line reason and its failed
  notebook is kept under ``reports/_failed/``, and the batch goes on.

This module imports only the standard library until reports actually have to be built, so
that a re-run with nothing to do costs hashing and a manifest lookup.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import math
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit._io import atomic_write_text, csv_cell, remove_temp_files
from toolkit._version import __version__
from toolkit.article import assign_ids, expand_paths

if TYPE_CHECKING:
    from toolkit.analysis import ArticleAnalysis

__all__ = [
    "FORMATS",
    "NOTEBOOK_NAME",
    "SUMMARY_MIMETYPE",
    "BatchResult",
    "ReportOutcome",
    "build_reports",
    "notebook_path",
    "publish_summary",
    "report_summary",
]

NOTEBOOK_NAME = "article_report.ipynb"
#: Report formats ``toolkit report --format`` accepts.
FORMATS = ("html", "ipynb")
#: The notebook's last cell publishes the article's summary row under this MIME type; the
#: batch reads it from the executed notebook to build the index.
SUMMARY_MIMETYPE = "application/vnd.toolkit.reports-summary+json"
#: Cells with these tags are left out of the HTML report (instructions, parameters, summary).
HIDDEN_CELL_TAGS = frozenset({"report-hide", "parameters", "injected-parameters"})

MANIFEST_NAME = "manifest.json"
FAILED_DIR = "_failed"
_RESERVED_NAMES = {"index", "summary", "manifest", "readme"}
_MANIFEST_FORMAT = 1
_MANIFEST_SAVE_EVERY = 2.0  # seconds between manifest saves during a batch


# --- inside the notebook --------------------------------------------------------------------


def report_summary(analysis: ArticleAnalysis) -> dict[str, Any]:
    """The article's row in ``index.html`` and ``summary.csv``: ``analysis.summary()`` made
    JSON-safe (paths as text, tuples as lists, NaN as ``None``)."""
    return _json_safe(analysis.summary())


def publish_summary(analysis: ArticleAnalysis) -> None:
    """Display the summary row as :data:`SUMMARY_MIMETYPE` output (invisible in the HTML
    report); the batch reads it back from the executed notebook."""
    from IPython.display import display

    display({SUMMARY_MIMETYPE: report_summary(analysis)}, raw=True)


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if hasattr(value, "item"):  # numpy scalars
        return _json_safe(value.item())
    return str(value)


# --- locating the notebook ------------------------------------------------------------------


def notebook_path() -> Path:
    """The report notebook shipped inside the package, ``toolkit/reports/notebook/article_report.ipynb``
    (the one source: ``notebooks/article_report.ipynb`` in a checkout is a link to it).

    Raises :class:`FileNotFoundError` with what to do when it is missing.
    """
    path = Path(__file__).resolve().parent / "notebook" / NOTEBOOK_NAME
    if not path.is_file():
        raise FileNotFoundError(
            f"report notebook {path} not found: reinstall the toolkit, or pass --notebook PATH"
        )
    return path


# --- outcomes -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportOutcome:
    """What happened to one article: ``status`` is ``"built"``, ``"skipped"`` (unchanged) or
    ``"failed"`` (``error`` says why in one line, ``failed_notebook`` is papermill's notebook).
    ``files`` are the report files, relative to the output folder."""

    id: str
    source: str
    status: str
    summary: dict[str, Any] | None = None
    error: str | None = None
    files: tuple[str, ...] = ()
    failed_notebook: str | None = None
    seconds: float = 0.0


@dataclass
class BatchResult:
    """All outcomes of :func:`build_reports`, in input order."""

    out: Path
    outcomes: list[ReportOutcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        return {
            s: sum(o.status == s for o in self.outcomes) for s in ("built", "skipped", "failed")
        }

    @property
    def failures(self) -> list[ReportOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exit_code(self) -> int:
        return 1 if self.failures or not self.outcomes else 0


@dataclass(frozen=True)
class _Job:
    id: str
    path: Path
    source: str  # the path as the user gave it (what the report and errors show)
    key: str


# --- the batch ------------------------------------------------------------------------------


def build_reports(
    paths: str | Path | Iterable[str | Path],
    out: str | Path = "reports",
    *,
    workers: int = 1,
    force: bool = False,
    formats: Iterable[str] = FORMATS,
    notebook: str | Path | None = None,
    timeout: float = 600,
    progress: bool | None = None,
    on_failure: Callable[[ReportOutcome], None] | None = None,
) -> BatchResult:
    """Build a report for each article in ``paths`` (files, folders, globs) into ``out``.

    ``workers`` warm kernels run in parallel. ``force`` rebuilds unchanged articles.
    ``formats`` is any of ``"html"``, ``"ipynb"``. ``notebook`` replaces the report notebook
    (it must take ``article_path`` and ``article_id`` parameters and call
    :func:`publish_summary`). ``timeout`` bounds each cell, in seconds. ``progress``: a tqdm
    bar on stderr (``None``: only on a terminal). ``on_failure`` is called once per failed
    article as it happens.

    Raises :class:`ValueError` for an unknown format or no articles, :class:`FileNotFoundError`
    for a missing notebook, :class:`OSError` when ``out`` cannot be written. Problems with
    single articles never raise: they become failed outcomes.
    """
    started = time.perf_counter()
    formats = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f"unknown report format {', '.join(unknown) or '(none)'}: use html, ipynb")
    notebook_file = Path(notebook) if notebook is not None else notebook_path()
    if not notebook_file.is_file():
        raise FileNotFoundError(f"{notebook_file}: report notebook not found")
    out = Path(out)
    found = expand_paths([paths] if isinstance(paths, (str, Path)) else list(paths))
    articles = _outside(found, out)
    if not articles:
        inside = f" outside the output folder {out}" if found else ""
        raise ValueError(f"no article files found{inside}")

    out.mkdir(parents=True, exist_ok=True)
    with _lock(out):
        _remove_stale_temp_files(out)
        manifest = _Manifest.load(out / MANIFEST_NAME)
        names = _report_names(assign_ids(articles))
        batch_key = _batch_key(notebook_file, formats)
        result = BatchResult(out=out)
        outcomes: dict[str, ReportOutcome] = {}
        jobs: list[_Job] = []
        for path in articles:
            name = names[path]
            try:
                digest = _file_digest(path)
            except OSError as exc:
                reason = "file not found" if not path.exists() else _os_reason(exc)
                outcomes[name] = ReportOutcome(name, str(path), "failed", error=f"{path}: {reason}")
                continue
            key = hashlib.sha256(f"{batch_key}\0{name}\0{path}\0{digest}".encode()).hexdigest()
            entry = manifest.reports.get(name)
            files = _manifest_files(out, name, entry)
            if (
                not force
                and files is not None
                and entry.get("key") == key
                and all((out / f).is_file() for f in files)
            ):
                summary = entry.get("summary")
                outcomes[name] = ReportOutcome(
                    name,
                    str(path),
                    "skipped",
                    summary=summary if isinstance(summary, dict) else None,
                    files=files,
                )
            else:
                jobs.append(_Job(name, path, str(path), key))

        for outcome in outcomes.values():
            if outcome.status == "failed":
                _drop_stale_report(out, manifest, outcome.id)
                if on_failure is not None:
                    on_failure(outcome)
        if jobs:
            keys = {job.id: job.key for job in jobs}
            runner = _BatchRunner(out, notebook_file, formats, timeout, manifest)
            try:
                for outcome in runner.run(
                    jobs, workers, progress, skipped=len(outcomes), total=len(articles)
                ):
                    outcomes[outcome.id] = outcome
                    if outcome.status == "failed":
                        _drop_stale_report(out, manifest, outcome.id, keys[outcome.id])
                        if on_failure is not None:
                            on_failure(outcome)
            finally:
                manifest.save()

        result.outcomes = [outcomes[names[path]] for path in articles]
        _write_index(out, result)
        _write_summary_csv(out, result)
        manifest.save()
        result.seconds = time.perf_counter() - started
        return result


def _outside(files: list[Path], out: Path) -> list[Path]:
    """``files`` less the output folder and everything under it, compared resolved: a batch
    never reads its own reports (``toolkit report news/ --out news/reports``, run twice, must
    not report on the reports of the first run)."""
    root = out.resolve()
    return [f for f in files if not f.resolve().is_relative_to(root)]


def _batch_key(notebook_file: Path, formats: tuple[str, ...]) -> str:
    """What every report of this batch depends on besides its article: the toolkit, the
    notebook, the formats, the NLTK settings and which NLTK packages are installed (reports
    built with a fallback are rebuilt once ``toolkit setup`` has installed the data)."""
    from toolkit.lang import nltk_data

    # Looked up afresh (installed since this process last looked?), and not left cached:
    # the answer holds for this batch's settings, not for whatever runs next in the process.
    nltk_data.have.cache_clear()
    missing = nltk_data.missing()
    nltk_data.have.cache_clear()
    parts = [
        __version__,
        _toolkit_fingerprint(),
        hashlib.sha256(notebook_file.read_bytes()).hexdigest(),
        ",".join(sorted(formats)),
        os.environ.get("TOOLKIT_NLTK_DATA", ""),
        os.environ.get("NLTK_DATA", ""),
        "missing:" + ",".join(missing),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _manifest_files(out: Path, name: str, entry: Any) -> tuple[str, ...] | None:
    """The report files a manifest entry lists, if they are this report's own files
    (``<name>.html``, ``<name>.ipynb``) inside ``out``; ``None`` for an entry that is missing,
    malformed or names anything else (a hand-edited manifest never makes the index link, or
    a batch delete, a file of its choosing)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("files"), list):
        return None
    own = {f"{name}.{fmt}" for fmt in FORMATS}
    files = entry["files"]
    if not files or not all(isinstance(f, str) and f in own for f in files):
        return None
    try:
        for f in files:
            _safe_path(out, f)
    except ValueError:
        return None
    return tuple(files)


def _drop_stale_report(out: Path, manifest: _Manifest, name: str, key: str | None = None) -> None:
    """An article that now fails loses the report of its earlier text (files and manifest
    entry), so that no report that no longer matches the article is left to be linked. A
    report made from the same key (``--force`` rebuilding an unchanged article) still matches
    the article, and is kept."""
    entry = manifest.reports.get(name)
    if key is not None and isinstance(entry, dict) and entry.get("key") == key:
        return
    entry = manifest.forget(name)
    for f in _manifest_files(out, name, entry) or ():
        with contextlib.suppress(OSError):
            _safe_path(out, f).unlink()


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _toolkit_fingerprint() -> str:
    """A hash of the toolkit's code and data files: an edited toolkit rebuilds reports."""
    package = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _report_names(ids: dict[Path, str]) -> dict[Path, str]:
    """Report names from article ids, unique even on case-insensitive file systems and never
    one of the batch's own files (``index``, ``summary``, ``manifest``)."""
    taken: set[str] = set()
    names: dict[Path, str] = {}
    for path, article_id in ids.items():
        name = article_id
        counter = 1
        while (
            name.casefold() in taken or name.casefold() in _RESERVED_NAMES or name.startswith("_")
        ):
            counter += 1
            name = f"{article_id.lstrip('_') or 'article'}-{counter}"
        taken.add(name.casefold())
        names[path] = name
    return names


def _os_reason(exc: OSError) -> str:
    return f"cannot read file ({exc.strerror or exc})"


# --- running notebooks ----------------------------------------------------------------------


class _BatchRunner:
    """Worker threads, each with its own warm kernel, fed from one queue of jobs."""

    def __init__(
        self,
        out: Path,
        notebook: Path,
        formats: tuple[str, ...],
        timeout: float,
        manifest: _Manifest,
    ):
        self.out = out
        self.notebook = notebook
        self.formats = formats
        self.timeout = timeout
        self.manifest = manifest
        self.stop = threading.Event()
        self._kernels: set[Any] = set()  # live kernels, to interrupt them on Ctrl-C
        # One HTML exporter for all workers: building and warming it up costs about 0.4 s of
        # the parent's CPU, and exporting holds the GIL anyway, so the lock costs no parallelism.
        self._exporter: Any = None
        self._exporter_lock = threading.Lock()

    def run(
        self, jobs: list[_Job], workers: int, progress: bool | None, skipped: int, total: int
    ) -> Iterator[ReportOutcome]:
        from tqdm.auto import tqdm

        todo: queue.Queue[_Job | None] = queue.Queue()
        for job in jobs:
            todo.put(job)
        done: queue.Queue[ReportOutcome | BaseException] = queue.Queue()
        count = max(1, min(workers, len(jobs)))
        threads = [
            threading.Thread(
                target=self._work, args=(todo, done), name=f"report-worker-{i}", daemon=True
            )
            for i in range(count)
        ]
        bar = tqdm(
            total=total,
            initial=skipped,
            unit="article",
            desc="reports",
            disable=(not sys.stderr.isatty()) if progress is None else not progress,
            dynamic_ncols=True,
        )
        failed = 0
        bar.set_postfix_str(f"failed={failed}")
        for thread in threads:
            thread.start()
        remaining = len(jobs)
        last_save = time.monotonic()
        try:
            while remaining:
                try:
                    item = done.get(timeout=0.2)
                except queue.Empty:
                    if not any(t.is_alive() for t in threads):
                        raise RuntimeError("report workers stopped unexpectedly") from None
                    continue
                if isinstance(item, BaseException):
                    raise item
                item, key = item
                remaining -= 1
                if item.status == "built":
                    self.manifest.record(item, key)
                else:
                    failed += 1
                    bar.set_postfix_str(f"failed={failed}")
                bar.update(1)
                if time.monotonic() - last_save > _MANIFEST_SAVE_EVERY:
                    self.manifest.save()
                    last_save = time.monotonic()
                yield item
        finally:
            self.stop.set()
            for _ in threads:
                todo.put(None)
            # Interrupted (Ctrl-C) or failed: cut the running notebooks short. Their outcomes
            # are dropped; what was completed is in the manifest, the rest is built next time.
            for kernel in list(self._kernels):
                kernel.interrupt()
            for thread in threads:
                thread.join(timeout=30)
            bar.close()

    def _work(self, todo: queue.Queue[_Job | None], done: queue.Queue[Any]) -> None:
        from toolkit.reports._kernel import WarmKernel

        kernel: WarmKernel | None = None
        start_failures = 0
        start_error = ""
        try:
            while not self.stop.is_set():
                job = todo.get()
                if job is None:
                    break
                if kernel is None and start_failures < 2:
                    try:
                        # Launch first, then import papermill and nbconvert while it starts.
                        kernel = WarmKernel(cwd=os.getcwd(), wait=False)
                        self._kernels.add(kernel)
                        _import_notebook_tools()
                        if "html" in self.formats:
                            self._html_exporter()
                        kernel.wait_ready()
                        start_failures = 0
                    except Exception as exc:
                        if kernel is not None:
                            self._kernels.discard(kernel)
                            kernel.shutdown()
                        kernel = None
                        start_failures += 1
                        start_error = _one_line(exc)
                if kernel is None:
                    reason = f"{job.source}: could not start a kernel ({start_error})"
                    done.put((self._failed(job, reason), job.key))
                    continue
                outcome, kernel_ok = self._render(job, kernel)
                if not kernel_ok:
                    self._kernels.discard(kernel)
                    kernel.shutdown()
                    kernel = None
                if self.stop.is_set():
                    break  # interrupted: this outcome may be an artefact of the interrupt
                done.put((outcome, job.key))
        except BaseException as exc:  # surfaced in the main thread
            done.put(exc)
        finally:
            if kernel is not None:
                self._kernels.discard(kernel)
                kernel.shutdown()

    def _html_exporter(self) -> Any:
        """The batch's HTML exporter, built and warmed up by the first worker that needs it."""
        with self._exporter_lock:
            if self._exporter is None:
                self._exporter = _html_exporter()
            return self._exporter

    def _render(self, job: _Job, kernel: Any) -> tuple[ReportOutcome, bool]:
        """Run the notebook for one article; return the outcome and whether the kernel is
        still usable."""
        import papermill
        from nbclient.exceptions import CellTimeoutError, DeadKernelError
        from papermill.exceptions import PapermillExecutionError

        from toolkit.reports._papermill import ENGINE_NAME
        from toolkit.reports._kernel import KernelError

        started = time.perf_counter()
        kernel.last_notebook = None
        try:
            nb = papermill.execute_notebook(
                str(self.notebook),
                None,
                parameters={"article_path": job.source, "article_id": job.id},
                engine_name=ENGINE_NAME,
                kernel=kernel,
                progress_bar=False,
                execution_timeout=self.timeout,
            )
        except PapermillExecutionError as exc:
            return self._failed(job, _execution_reason(job, exc), kernel.last_notebook), True
        except CellTimeoutError:
            reason = f"{job.source}: a notebook cell ran over {self.timeout:g} s (kernel restarted)"
            return self._failed(job, reason, kernel.last_notebook), False
        except (DeadKernelError, KernelError) as exc:
            tail = _one_line(kernel.log_tail(1)) if kernel.log_tail(1) else ""
            detail = _one_line(exc) + (f"; kernel said: {tail}" if tail else "")
            reason = f"{job.source}: kernel died or failed ({detail}; kernel restarted)"
            return self._failed(job, reason, kernel.last_notebook), False
        except Exception as exc:
            reason = f"{job.source}: could not run the report notebook ({_one_line(exc)})"
            return self._failed(job, reason, kernel.last_notebook), kernel.is_alive()

        summary = _read_summary(nb)
        if summary is None:
            reason = f"{job.source}: the report notebook published no summary (publish_summary)"
            return self._failed(job, reason, nb), True
        try:
            files = self._write_report(job, nb, summary)
        except (OSError, ValueError) as exc:
            reason = f"{job.source}: cannot write the report ({_one_line(exc)})"
            return self._failed(job, reason, nb), True
        stale = self.out / FAILED_DIR / f"{job.id}.ipynb"
        with contextlib.suppress(OSError):
            stale.unlink()
        seconds = time.perf_counter() - started
        return ReportOutcome(
            job.id, job.source, "built", summary, None, tuple(files), None, seconds
        ), True

    def _write_report(self, job: _Job, nb: Any, summary: dict[str, Any]) -> tuple[str, ...]:
        files = []
        if "ipynb" in self.formats:
            import nbformat

            atomic_write_text(_safe_path(self.out, f"{job.id}.ipynb"), nbformat.writes(nb))
            files.append(f"{job.id}.ipynb")
        if "html" in self.formats:
            title = f"{summary.get('title') or job.id} · toolkit report"
            exporter = self._html_exporter()
            with self._exporter_lock:  # the exporter registers filters on itself as it runs
                body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
            atomic_write_text(_safe_path(self.out, f"{job.id}.html"), body)
            files.append(f"{job.id}.html")
        return tuple(files)

    def _failed(self, job: _Job, reason: str, nb: Any = None) -> ReportOutcome:
        kept = None
        # Interrupted (Ctrl-C): the notebook failed because the batch cut it short, not
        # because of the article, so nothing is kept (the outcome is dropped, see _work).
        if nb is not None and not self.stop.is_set():
            import nbformat

            try:
                target = _safe_path(self.out / FAILED_DIR, f"{job.id}.ipynb")
                target.parent.mkdir(exist_ok=True)
                atomic_write_text(target, nbformat.writes(nb))
                kept = target.relative_to(self.out).as_posix()
            except (OSError, ValueError):
                kept = None
        return ReportOutcome(job.id, job.source, "failed", error=reason, failed_notebook=kept)


def _execution_reason(job: _Job, exc: Any) -> str:
    """One line: the article error's own message (it names the file), else the exception."""
    ename = str(getattr(exc, "ename", "") or "error")
    evalue = _one_line(getattr(exc, "evalue", "") or "")
    if ename.endswith("ArticleError") and evalue:
        return evalue
    cell = getattr(exc, "exec_count", None)
    where = f" in cell [{cell}]" if cell else ""
    return f"{job.source}: notebook error{where}: {ename}" + (f": {evalue}" if evalue else "")


def _one_line(exc: Any) -> str:
    text = " ".join(str(exc).split())
    return text[:300] + ("…" if len(text) > 300 else "") if text else type(exc).__name__


def _read_summary(nb: Any) -> dict[str, Any] | None:
    for cell in reversed(nb.cells):
        for output in cell.get("outputs", ()):
            data = output.get("data", {})
            if SUMMARY_MIMETYPE in data:
                value = data[SUMMARY_MIMETYPE]
                return json.loads(value) if isinstance(value, str) else dict(value)
    return None


_IMPORT_LOCK = threading.Lock()
#: Optional modules that libraries we import load eagerly and that reports never use; the
#: batch imports papermill with them hidden, which saves about 1.2 s of CPU at every start.
#: ``rfc3987_syntax`` (pulled in by jupyterlab through ``jsonschema[format-nongpl]``) compiles
#: 38 lark grammars when imported, about 0.9 s, only to check the "iri" format, which
#: nbformat's schema does not use; ``import nbformat`` imports jsonschema, which imports it
#: (python-jsonschema/jsonschema#1392 and #1521). The others are papermill's handlers for
#: notebooks stored on S3, Azure, Google Cloud, HDFS and GitHub (boto3, pyarrow: 0.25 s);
#: reports run the toolkit's own notebook from local disk.
_SKIPPED_OPTIONAL_IMPORTS = ("rfc3987_syntax", "boto3", "azure", "gcsfs", "pyarrow", "github")


def _import_notebook_tools() -> None:
    """Import papermill, nbformat and our papermill engine, once per process, without the
    optional modules above (jsonschema then has no "iri" format checker, papermill no remote
    storage). Afterwards, ``import pyarrow`` works as usual. Modules already imported are not
    hidden. During the import (about 0.25 s) another thread of the process that imports one of
    them for the first time would get ``ImportError``: ``toolkit report`` has no such thread;
    a program calling :func:`build_reports` from several threads should import papermill first.
    """
    with _IMPORT_LOCK:
        if "toolkit.reports._papermill" in sys.modules:
            return
        hidden = [name for name in _SKIPPED_OPTIONAL_IMPORTS if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment] # makes its import fail
        try:
            import nbformat  # noqa: F401 - imports jsonschema while the modules are hidden

            import toolkit.reports._papermill  # noqa: F401 - registers the engine with papermill
        finally:
            for name in hidden:
                if sys.modules.get(name, False) is None:
                    del sys.modules[name]


def _html_exporter() -> Any:
    """nbconvert's HTML exporter with our template (code hidden), warmed up: the first export
    compiles the templates (about 0.2 s), so it is done here, on a one-cell notebook."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    templates = Path(__file__).resolve().parent / "templates" / "nbconvert"
    exporter = HTMLExporter(
        extra_template_basedirs=[str(templates)],
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


# --- files ----------------------------------------------------------------------------------


def _safe_path(folder: Path, name: str) -> Path:
    """``folder/name``, refusing any name that would land outside ``folder``."""
    if not name or name in {".", ".."} or "/" in name or "\\" in name or "\0" in name:
        raise ValueError(f"unsafe report name {name!r}")
    target = (folder / name).resolve()
    if target.parent != folder.resolve():
        raise ValueError(f"report name {name!r} leaves the output folder {folder}")
    return folder / name


def _remove_stale_temp_files(out: Path) -> None:
    """Temporary files left by an interrupted batch (the lock says none is running)."""
    for folder in (out, out / FAILED_DIR):
        remove_temp_files(folder)


@contextlib.contextmanager
def _lock(out: Path) -> Iterator[None]:
    """One batch at a time per output folder."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no lock
        yield
        return
    with open(out / ".lock", "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OSError(f"{out} is in use by another `toolkit report`") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class _Manifest:
    """``manifest.json``: the key and summary of every completed report, saved atomically."""

    def __init__(self, path: Path, reports: dict[str, dict[str, Any]]):
        self.path = path
        self.reports = reports
        self._lock = threading.Lock()
        self._dirty = False

    @classmethod
    def load(cls, path: Path) -> _Manifest:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            reports = data["reports"] if data.get("format") == _MANIFEST_FORMAT else {}
            if not isinstance(reports, dict):
                reports = {}
        except (OSError, ValueError, KeyError, AttributeError):
            reports = {}  # missing or unreadable: everything is rebuilt, nothing is lost
        return cls(path, reports)

    def record(self, outcome: ReportOutcome, key: str) -> None:
        with self._lock:
            self.reports[outcome.id] = {
                "key": key,
                "source": outcome.source,
                "files": list(outcome.files),
                "summary": outcome.summary,
                "built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            }
            self._dirty = True

    def forget(self, name: str) -> Any:
        """Drop the entry of report ``name`` (returned, or None if there was none)."""
        with self._lock:
            entry = self.reports.pop(name, None)
            if entry is not None:
                self._dirty = True
            return entry

    def save(self) -> None:
        with self._lock:
            if not self._dirty and self.path.exists():
                return
            text = json.dumps(
                {"format": _MANIFEST_FORMAT, "toolkit": __version__, "reports": self.reports},
                ensure_ascii=False,
                indent=1,
                sort_keys=True,
            )
            atomic_write_text(self.path, text + "\n")
            self._dirty = False


# --- index.html and summary.csv -------------------------------------------------------------

_CSV_FIRST = ("id", "status", "title", "source", "report", "words", "flesch_reading_ease")


def _write_summary_csv(out: Path, result: BatchResult) -> None:
    rows = []
    for o in result.outcomes:
        summary = dict(o.summary or {})
        summary.pop("id", None)
        summary.pop("path", None)
        row: dict[str, Any] = {
            "id": o.id,
            "status": o.status,
            "title": summary.pop("title", ""),
            "source": o.source,
            "report": next(
                (f for f in o.files if f.endswith(".html")), o.files[0] if o.files else ""
            ),
        }
        row.update(summary)
        row["error"] = o.error or ""
        rows.append(row)
    columns = list(dict.fromkeys([*_CSV_FIRST, *(k for r in rows for k in r)]))
    columns.remove("error")
    columns.append("error")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    atomic_write_text(out / "summary.csv", buffer.getvalue())


_INDEX_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;line-height:1.45;color:#1b1b1b}
h1{font-size:1.5em;margin-bottom:.2em}
p.meta{color:#666;margin-top:0}
table{border-collapse:collapse;width:100%;font-size:.93em}
th,td{border-bottom:1px solid #ddd;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.failed td{background:#fff3f3}
.reason{font-family:ui-monospace,monospace;font-size:.9em;color:#8a1c1c}
"""


def _write_index(out: Path, result: BatchResult) -> None:
    ok = [o for o in result.outcomes if o.status != "failed"]
    failed = result.failures
    rows = []
    for o in ok:
        s = o.summary or {}
        html_file = next((f for f in o.files if f.endswith(".html")), None)
        link_target = html_file or (o.files[0] if o.files else None)
        title = escape(str(s.get("title") or o.id))
        link = f'<a href="{escape(link_target)}">{title}</a>' if link_target else title
        rows.append(
            "<tr>"
            f"<td>{link}<br><small>{escape(o.id)}</small></td>"
            f'<td class="num">{_num(s.get("words"), "{:,}")}</td>'
            f'<td class="num">{_num(s.get("flesch_reading_ease"), "{:.1f}")}</td>'
            f"<td>{escape(', '.join(str(a) for a in (s.get('top_actors') or [])))}</td>"
            f'<td class="num">{_num(s.get("quotes"), "{:,}")}</td>'
            "</tr>"
        )
    failure_rows = []
    for o in failed:
        notebook = (
            f'<br><a href="{escape(o.failed_notebook)}">failed notebook</a>'
            if o.failed_notebook
            else ""
        )
        failure_rows.append(
            f'<tr class="failed"><td>{escape(o.id)}<br><small>{escape(o.source)}</small></td>'
            f'<td class="reason">{escape(o.error or "failed")}{notebook}</td></tr>'
        )
    counts = result.counts
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Article reports</title>",
        f"<style>{_INDEX_STYLE}</style></head><body>",
        "<h1>Article reports</h1>",
        f'<p class="meta">{len(result.outcomes)} articles: {counts["built"]} built, '
        f"{counts['skipped']} unchanged, {counts['failed']} failed. Made {when} by toolkit "
        f'{escape(__version__)}. Summary table: <a href="summary.csv">summary.csv</a>.</p>',
    ]
    if failure_rows:
        parts += [
            f"<h2>Failed ({len(failure_rows)})</h2>",
            "<table><thead><tr><th>article</th><th>reason</th></tr></thead><tbody>",
            *failure_rows,
            "</tbody></table>",
        ]
    parts += [
        "<h2>Reports</h2>" if failure_rows else "",
        "<table><thead><tr><th>article</th><th>words</th><th>Flesch reading ease</th>"
        "<th>top actors</th><th>quotes</th></tr></thead><tbody>",
        *rows,
        "</tbody></table></body></html>",
    ]
    atomic_write_text(out / "index.html", "\n".join(p for p in parts if p) + "\n")


def _num(value: Any, fmt: str) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    try:
        return escape(fmt.format(value))
    except (TypeError, ValueError):
        return escape(str(value))
