"""The batch: :func:`build_reports`, in named steps.

1. Check the options and find the article files, outside the output folder
   (:func:`_articles`).
2. Under the output folder's lock, sweep an interrupted batch's temporary files, load the
   manifest and plan: each article (a file, or a row of a table: see
   :mod:`toolkit.reports._inputs`) is unchanged (skipped), unreadable (failed) or a job
   (:func:`_plan`); a row's article is saved for its job to read.
3. Run the jobs on warm kernels (:func:`_run_jobs`, :mod:`toolkit.reports._runner`).
4. Write ``index.html`` and ``summary.csv``; only then remove the files the new index no
   longer links (:func:`_remove_stale_files`), and save ``manifest.json``.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit._io import atomic_write_bytes
from toolkit.article import TableColumns, scan_paths
from toolkit.errors import ArticleError
from toolkit.quotes import check_scope
from toolkit.reports._folder import (
    FORMATS,
    INPUT_SUFFIX,
    ReportNamer,
    articles_outside,
    input_file,
    inputs_folder,
    lock_folder,
    new_kernels_folder,
    remove_failed_notebook,
    remove_kernels_folder,
    remove_stale_inputs,
    remove_stale_temp_files,
    safe_path,
)
from toolkit.reports._index import write_index, write_summary_csv
from toolkit.reports._inputs import ReportInput, report_inputs
from toolkit.reports._keys import batch_key, record_key, report_key
from toolkit.reports._notebook import notebook_path
from toolkit.reports._outcomes import BatchResult, Job, ReportOutcome
from toolkit.reports._render import Renderer
from toolkit.reports._runner import BatchRunner
from toolkit.reports.manifest import Manifest

__all__ = ["build_reports"]


@dataclass(frozen=True)
class _Options:
    """The options of one batch, checked."""

    out: Path
    notebook: Path
    formats: tuple[str, ...]
    timeout: float
    workers: int
    force: bool
    progress: bool | None
    on_failure: Callable[[ReportOutcome], None] | None
    columns: TableColumns | None = None
    on_warning: Callable[[str], None] | None = None
    scope: str = "speech"


@dataclass
class _Plan:
    """Report names in input order, the outcomes known without running anything (skipped,
    unreadable), the jobs to run, and the files skipped on purpose (reason -> count)."""

    names: list[str] = field(default_factory=list)
    outcomes: dict[str, ReportOutcome] = field(default_factory=dict)
    jobs: list[Job] = field(default_factory=list)
    skipped_files: Counter[str] = field(default_factory=Counter)

    def result(self, out: Path) -> BatchResult:
        outcomes = [self.outcomes[name] for name in self.names]
        return BatchResult(out, outcomes, skipped_files=dict(self.skipped_files))


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
    columns: TableColumns | None = None,
    on_warning: Callable[[str], None] | None = None,
    scope: str = "speech",
) -> BatchResult:
    """Build a report for each article in ``paths`` (files, folders, globs) into ``out``: one
    per article file, and one per row of a table (CSV, TSV, JSON lines, JSON, Parquet) or
    page of a web archive, its report named by the table's id column (made safe and unique).

    ``workers`` warm kernels run in parallel. ``force`` rebuilds unchanged articles.
    ``formats`` is any of ``"html"``, ``"ipynb"``. ``notebook`` replaces the report notebook
    (it must take ``article_path`` and ``article_id`` parameters and call
    :func:`~toolkit.reports.publish_summary`; it may take ``full_tables_dir``, see
    :func:`~toolkit.reports.save_full_tables`). ``timeout`` bounds each cell and the HTML
    export, in seconds (fractions welcome). ``progress``: a tqdm bar on stderr (``None``: only
    on a terminal). ``on_failure`` is called once per failed article as it happens.
    ``columns`` names a table's columns (None: recognised by their usual names); warnings
    about tables (dates that do not parse, duplicate ids) go to ``on_warning`` (default: an
    :class:`~toolkit.errors.ArticleWarning`). ``scope`` chooses the quotations the reports show,
    as :func:`toolkit.extract_quotes` does (``"speech"``, the default, or ``"all"``); a
    notebook that takes a ``scope`` parameter is given it.

    >>> result = build_reports(["seeds/"], "reports/", workers=2)       # doctest: +SKIP
    >>> result.counts                                                    # doctest: +SKIP
    {'built': 1, 'skipped': 0, 'failed': 0}

    Raises :class:`ValueError` for an unknown format, a timeout that is not a positive finite
    number or no articles, :class:`FileNotFoundError` for a missing notebook, :class:`OSError`
    when ``out`` cannot be written or another batch is using it. Problems with single
    articles never raise: they become failed outcomes.
    """
    started = time.perf_counter()
    checked_formats = _checked_formats(formats)
    notebook_file = _notebook_file(notebook)
    timeout = _checked_timeout(timeout)
    check_scope(scope)
    options = _Options(
        Path(out),
        notebook_file,
        checked_formats,
        timeout,
        workers,
        force,
        progress,
        on_failure,
        columns,
        on_warning,
        scope,
    )
    articles, skipped = _articles(paths, options.out)
    options.out.mkdir(parents=True, exist_ok=True)
    with lock_folder(options.out):
        remove_stale_temp_files(options.out)
        manifest = Manifest.load(options.out)
        plan = _plan(articles, manifest, options, skipped)
        _announce_failures(plan.outcomes.values(), options)
        try:
            _run_jobs(plan, manifest, options)
        finally:
            manifest.save()
            remove_kernels_folder(options.out)
        result = plan.result(options.out)
        write_index(options.out, result)
        write_summary_csv(options.out, result)
        _remove_stale_files(result, plan, manifest)
        manifest.save()
    result.seconds = time.perf_counter() - started
    return result


# --- steps ----------------------------------------------------------------------------------


def _checked_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """``formats`` cleaned (``" HTML"`` is ``"html"``, once each); :class:`ValueError` for an
    unknown one or none."""
    checked = tuple(dict.fromkeys(f.strip().lower() for f in formats if f.strip()))
    unknown = [f for f in checked if f not in FORMATS]
    if unknown or not checked:
        raise ValueError(f"unknown report format {', '.join(unknown) or '(none)'}: use html, ipynb")
    return checked


def _checked_timeout(timeout: float) -> float:
    """``timeout`` if it is a number of seconds above 0 (fractions welcome); :class:`ValueError`
    for 0, a negative number, NaN or infinity (a report that may run forever is no option)."""
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise ValueError(f"timeout must be a number of seconds, not {timeout!r}")
    if not (math.isfinite(timeout) and timeout > 0):
        raise ValueError(f"timeout must be a positive, finite number of seconds, not {timeout}")
    return float(timeout)


def _notebook_file(notebook: str | Path | None) -> Path:
    notebook_file = Path(notebook) if notebook is not None else notebook_path()
    if not notebook_file.is_file():
        raise FileNotFoundError(f"{notebook_file}: report notebook not found")
    return notebook_file


def _articles(
    paths: str | Path | Iterable[str | Path], out: Path
) -> tuple[list[Path], Counter[str]]:
    """The article files ``paths`` names, outside ``out``, and the files skipped on purpose
    in folders (reason -> count); :class:`ValueError` if there are no files."""
    scan = scan_paths([paths] if isinstance(paths, (str, Path)) else list(paths))
    articles = articles_outside(scan.files, out)
    if not articles:
        inside = f" outside the output folder {out}" if scan.files else ""
        raise ValueError(f"no article files found{inside}")
    return articles, scan.skipped


def _plan(
    articles: list[Path], manifest: Manifest, options: _Options, skipped: Counter[str]
) -> _Plan:
    """What to do with each article, file or table row: skip it (its report is current),
    fail it (it cannot be read), or build it."""
    plan = _Plan(skipped_files=Counter(skipped))
    namer = ReportNamer()
    key_of_batch = batch_key(options.notebook, options.formats, options.scope)
    inputs = report_inputs(articles, options.columns, options.on_warning, plan.skipped_files)
    for item in inputs:
        name = namer.name(item.id)
        plan.names.append(name)
        outcome = _plan_input(plan, item, name, key_of_batch, manifest, options)
        if outcome is not None:
            plan.outcomes[name] = outcome
    return plan


def _plan_input(
    plan: _Plan, item: ReportInput, name: str, batch: str, manifest: Manifest, options: _Options
) -> ReportOutcome | None:
    """The outcome of one article known without running it (failed, skipped), or None after
    adding its job to ``plan``."""
    if item.error is not None:
        return ReportOutcome(name, item.source, "failed", error=item.error)
    try:
        if item.path is not None:
            key = report_key(batch, name, item.path)
        else:
            key = record_key(batch, name, item.record or b"")
    except (ArticleError, OSError) as exc:
        return ReportOutcome(name, item.source, "failed", error=_unreadable(item, exc))
    if not options.force and manifest.is_current(name, key):
        files = manifest.files(name) or ()
        return ReportOutcome(name, item.source, "skipped", manifest.summary(name), files=files)
    if item.path is not None:
        plan.jobs.append(Job(name, item.path, item.source, key))
        return None
    try:
        saved = _save_record(options.out, name, item.record or b"")
    except (OSError, ValueError) as exc:
        reason = f"{item.source}: cannot write the report ({exc})"
        return ReportOutcome(name, item.source, "failed", error=reason)
    plan.jobs.append(Job(name, saved, item.source, key, input_file(name)))
    return None


def _save_record(out: Path, name: str, record: bytes) -> Path:
    """Save a table row's article for its report notebook: ``_inputs/<name>.article.json``."""
    folder = inputs_folder(out)
    folder.mkdir(exist_ok=True)
    target = safe_path(folder, f"{name}{INPUT_SUFFIX}")
    atomic_write_bytes(target, record)
    return target


def _unreadable(item: ReportInput, exc: ArticleError | OSError) -> str:
    """The one-line reason an input cannot be read, as the loaders word it."""
    if isinstance(exc, ArticleError):
        return str(exc)
    return str(ArticleError(item.source, f"cannot read file ({exc.strerror or exc})"))


def _run_jobs(plan: _Plan, manifest: Manifest, options: _Options) -> None:
    """Build the reports of ``plan.jobs``; their outcomes go into ``plan.outcomes``."""
    if not plan.jobs:
        return
    renderer = Renderer(
        options.out, options.notebook, options.formats, options.timeout, scope=options.scope
    )
    runner = BatchRunner(renderer, manifest, new_kernels_folder(options.out))
    outcomes = runner.run(
        plan.jobs,
        options.workers,
        options.progress,
        skipped=len(plan.outcomes),
        total=len(plan.names),
    )
    for outcome in outcomes:
        plan.outcomes[outcome.id] = outcome
        _announce_failures([outcome], options)


def _announce_failures(outcomes: Iterable[ReportOutcome], options: _Options) -> None:
    """Tell the caller about each failed outcome, as it happens."""
    for outcome in outcomes:
        if outcome.status == "failed" and options.on_failure is not None:
            options.on_failure(outcome)


def _remove_stale_files(result: BatchResult, plan: _Plan, manifest: Manifest) -> None:
    """Files the new index no longer links: the report of an article that now fails (of an
    earlier text: see :meth:`Manifest.drop_stale_report`), the failed notebook of an
    earlier run of an article that now builds, or fails without one, and saved table rows
    that no report is made from. Removed only now, after
    the new index is written, so that no index ever links a missing file, wherever the batch
    is stopped."""
    keys = {job.id: job.key for job in plan.jobs}
    for outcome in result.outcomes:
        if outcome.status == "failed":
            manifest.drop_stale_report(outcome.id, keys.get(outcome.id))
        if outcome.status != "skipped" and outcome.failed_notebook is None:
            remove_failed_notebook(result.out, outcome.id)
    remove_stale_inputs(result.out, set(manifest.reports))
