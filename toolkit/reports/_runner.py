"""Worker threads, each with its own warm kernel, fed from one queue of jobs.

The main thread hands out the jobs, yields each outcome as it arrives (recording built
reports in the manifest, saved every few seconds), and on Ctrl-C or an error kills the
kernels and stops within two seconds.

>>> runner = BatchRunner(renderer, manifest)                           # doctest: +SKIP
>>> for outcome in runner.run(jobs, workers=2, progress=None, skipped=0, total=len(jobs)):
...     print(outcome.id, outcome.status)                                # doctest: +SKIP
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from toolkit.errors import one_line
from toolkit.reports._imports import import_notebook_tools
from toolkit.reports._outcomes import Job, ReportOutcome
from toolkit.reports._render import Renderer
from toolkit.reports.manifest import Manifest

__all__ = ["BatchRunner"]

_MANIFEST_SAVE_EVERY = 2.0  # seconds between manifest saves during a batch
_KERNEL_START_ATTEMPTS = 2  # a worker gives up starting kernels after this many failures
_STOP_WAIT = 0.5  # seconds the workers get to stop after Ctrl-C (the kernels are killed)
_FINISH_WAIT = 30.0  # seconds the idle workers get to shut their kernels down at the end


class BatchRunner:
    """Runs jobs on ``workers`` warm kernels; see the module docstring."""

    def __init__(self, renderer: Renderer, manifest: Manifest, kernels_dir: Path | None = None):
        self.renderer = renderer
        self.manifest = manifest
        self.kernels_dir = kernels_dir  # where the kernels' connection files go
        self.stop = renderer.stop
        self._kernels: set[Any] = set()  # live kernels, to kill them on Ctrl-C

    def run(
        self, jobs: list[Job], workers: int, progress: bool | None, skipped: int, total: int
    ) -> Iterator[ReportOutcome]:
        """Yield the outcome of every job, in the order they finish."""
        todo: queue.Queue[Job | None] = queue.Queue()
        for job in jobs:
            todo.put(job)
        done: queue.Queue[Any] = queue.Queue()
        threads = [
            threading.Thread(
                target=self._work, args=(todo, done), name=f"report-worker-{i}", daemon=True
            )
            for i in range(max(1, min(workers, len(jobs))))
        ]
        bar = _progress_bar(progress, total, skipped)
        for thread in threads:
            thread.start()
        finished = False
        try:
            yield from self._collect(done, threads, len(jobs), bar)
            finished = True
        finally:
            self._stop_workers(todo, threads, interrupted=not finished)
            bar.close()

    def _collect(
        self, done: queue.Queue[Any], threads: list[threading.Thread], count: int, bar: Any
    ) -> Iterator[ReportOutcome]:
        """The outcomes the workers put in ``done``, recorded as they arrive."""
        failed = 0
        last_save = time.monotonic()
        for _ in range(count):
            outcome, key = _next_outcome(done, threads)
            if outcome.status == "built":
                self.manifest.record(outcome, key)
            else:
                failed += 1
                bar.set_postfix_str(f"failed={failed}")
            bar.update(1)
            if time.monotonic() - last_save > _MANIFEST_SAVE_EVERY:
                self.manifest.save()
                last_save = time.monotonic()
            yield outcome

    def _stop_workers(
        self, todo: queue.Queue[Job | None], threads: list[threading.Thread], interrupted: bool
    ) -> None:
        """Let the workers go. Interrupted (Ctrl-C) or failed: kill the kernels at once, and
        give the workers :data:`_STOP_WAIT` seconds to notice; the outcomes of notebooks cut
        short are dropped (what was completed is in the manifest, the rest is built next
        time), and a worker still busy after that (in an HTML export) is left behind: it is a
        daemon thread, and the process is on its way out."""
        self.stop.set()
        for _ in threads:
            todo.put(None)
        if interrupted:
            for kernel in list(self._kernels):
                kernel.kill()
        deadline = time.monotonic() + (_STOP_WAIT if interrupted else _FINISH_WAIT)
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def _work(self, todo: queue.Queue[Job | None], done: queue.Queue[Any]) -> None:
        """A worker thread: take jobs until there are none (or the batch stops), each run on
        this worker's kernel, started at the first job and again after it died."""
        kernel: Any = None
        start_failures = 0
        start_error = ""
        try:
            while not self.stop.is_set():
                job = todo.get()
                if job is None or self.stop.is_set():
                    break
                if kernel is None and start_failures < _KERNEL_START_ATTEMPTS:
                    kernel, start_error = self._start_kernel()
                    start_failures = 0 if kernel is not None else start_failures + 1
                if kernel is None:
                    reason = f"{job.source}: could not start a kernel ({start_error})"
                    done.put((self.renderer.failed(job, reason), job.key))
                    continue
                outcome, kernel_usable = self.renderer.render(job, kernel)
                if not kernel_usable:
                    self._stop_kernel(kernel)
                    kernel = None
                if self.stop.is_set():
                    break  # interrupted: this outcome may be an artefact of the interrupt
                done.put((outcome, job.key))
        except BaseException as exc:  # surfaced in the main thread
            done.put(exc)
        finally:
            if kernel is not None:
                self._stop_kernel(kernel)

    def _start_kernel(self) -> tuple[Any, str]:
        """A started, warmed-up kernel and ``""``, or ``None`` and why it could not start."""
        from toolkit.reports._kernel import WarmKernel

        kernel = None
        try:
            # Launch first, then import papermill and nbconvert while it starts.
            kernel = WarmKernel(cwd=os.getcwd(), wait=False, connection_dir=self.kernels_dir)
            self._kernels.add(kernel)
            if self.stop.is_set():  # stopped while it was launched: not killed with the others
                kernel.kill()
            import_notebook_tools()
            self.renderer.prepare()
            kernel.wait_ready()
            return kernel, ""
        except Exception as exc:
            if kernel is not None:
                self._stop_kernel(kernel)
            return None, one_line(exc, with_type=False)

    def _stop_kernel(self, kernel: Any) -> None:
        self._kernels.discard(kernel)
        kernel.shutdown()


def _next_outcome(
    done: queue.Queue[Any], threads: list[threading.Thread]
) -> tuple[ReportOutcome, str]:
    """The next ``(outcome, key)`` a worker finished; a worker's exception is raised here."""
    while True:
        try:
            item = done.get(timeout=0.2)
        except queue.Empty:
            if not any(t.is_alive() for t in threads):
                raise RuntimeError("report workers stopped unexpectedly") from None
            continue
        if isinstance(item, BaseException):
            raise item
        return item


def _progress_bar(progress: bool | None, total: int, skipped: int) -> Any:
    """A tqdm bar on stderr (``progress=None``: only on a terminal), skipped articles done."""
    from tqdm.auto import tqdm

    bar = tqdm(
        total=total,
        initial=skipped,
        unit="article",
        desc="reports",
        disable=(not sys.stderr.isatty()) if progress is None else not progress,
        dynamic_ncols=True,
    )
    bar.set_postfix_str("failed=0")
    return bar
