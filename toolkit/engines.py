"""Where batch work runs: in this process, in a local process pool, or on a Dask cluster.

The engines know nothing about articles. Each one applies a function to a list of small,
picklable tasks and yields ``(index, result)`` pairs as results arrive (not necessarily in
order); the caller puts them back in order. A task that could not run at all (a Dask worker
died, say) yields a :class:`TaskFailure` instead of a result, so one lost task never stops
the batch.

>>> sorted(run_local(abs, [-2, 3], workers=1))
[(0, 2), (1, 3)]
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["ENGINES", "DaskUnavailableError", "TaskFailure", "default_workers", "run"]

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class TaskFailure:
    """A task the engine could not run; ``message`` is one line."""

    message: str


class DaskUnavailableError(RuntimeError):
    """The Dask engine was asked for but ``dask.distributed`` is not installed."""


def default_workers() -> int:
    """The number of worker processes used when none is given: one per CPU core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def run(
    func: Callable[[Any], Any],
    tasks: Sequence[Any],
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[int, Any]]:
    """Apply ``func`` to every task on the chosen engine; yield ``(index, result)`` pairs.

    ``func`` must be a module-level function (it is pickled by name) and should catch its own
    errors: an exception that escapes it is reported as a :class:`TaskFailure`.
    """
    if scheduler is not None and engine != "dask":
        raise ValueError("a scheduler address needs the dask engine (engine='dask')")
    if engine == "local":
        yield from run_local(func, tasks, workers=workers)
    elif engine == "dask":
        yield from run_dask(func, tasks, workers=workers, scheduler=scheduler)
    else:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


# --- local: this process or a multiprocessing pool ----------------------------------------


def run_local(
    func: Callable[[Any], Any], tasks: Sequence[Any], *, workers: int | None = None
) -> Iterator[tuple[int, Any]]:
    """Run in this process (``workers=1``) or in a pool of ``workers`` processes.

    Tasks go to the pool in small chunks through ``imap``, so each worker holds only the task
    it is working on and results stream back in input order.
    """
    workers = _check_workers(workers)
    # Objects that exist now (loaded models, word lists) move to gc's permanent generation:
    # collections no longer scan them, and forked workers do not copy their pages by doing so.
    gc.freeze()
    try:
        if workers == 1 or len(tasks) <= 1:
            for index, task in enumerate(tasks):
                yield index, _call(func, task)
            return
        workers = min(workers, len(tasks))
        # Small chunks keep every worker busy to the end; large enough to make pickling cheap.
        chunksize = max(1, min(8, len(tasks) // (workers * 8)))
        with multiprocessing.get_context().Pool(workers, initializer=_ignore_sigint) as pool:
            for index, result in enumerate(pool.imap(_Call(func), tasks, chunksize=chunksize)):
                yield index, result
    finally:
        gc.unfreeze()


def _ignore_sigint() -> None:
    # Ctrl-C goes to the whole process group: let the parent stop the pool cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class _Call:
    """A picklable ``lambda task: _call(func, task)``."""

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def __call__(self, task: Any) -> Any:
        return _call(self.func, task)


def _call(func: Callable[[Any], Any], task: Any) -> Any:
    try:
        return func(task)
    except Exception as exc:
        return TaskFailure(_one_line(exc))


def _check_workers(workers: int | None) -> int:
    if workers is None:
        return default_workers()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive whole number, got {workers!r}")
    return workers


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


# --- Dask ---------------------------------------------------------------------------------

#: Tasks per Dask future, at most: each future costs the scheduler and the client a few
#: milliseconds, so batches are as large as load balancing allows (about 16 per worker).
DASK_MAX_BATCH = 32
#: Futures in flight per worker thread: keeps workers fed without queueing the whole corpus.
DASK_IN_FLIGHT_PER_WORKER = 3


def run_dask(
    func: Callable[[Any], Any],
    tasks: Sequence[Any],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    batch: int | None = None,
) -> Iterator[tuple[int, Any]]:
    """Run on a Dask cluster: the scheduler at ``scheduler``, or a local cluster of
    ``workers`` single-threaded processes started for the run and closed after it.

    Tasks are grouped into batches (``batch`` tasks each, or enough for about 16 batches per
    worker, at most ``DASK_MAX_BATCH``); at most a few batches per worker are in
    flight at any time (submitted as earlier ones complete), so memory on the client and the
    scheduler stays bounded however long the task list is.
    """
    distributed = _import_distributed()
    if scheduler is None and not tasks:
        return
    with _dask_client(distributed, scheduler, workers) as client:
        threads = max(1, sum(client.nthreads().values()))
        slots = threads * DASK_IN_FLIGHT_PER_WORKER
        if batch is None:
            batch = max(1, min(DASK_MAX_BATCH, -(-len(tasks) // (threads * 16))))
        starts = iter(range(0, len(tasks), batch))
        futures = distributed.as_completed()
        submitted: dict[Any, int] = {}

        def submit_next() -> bool:
            start = next(starts, None)
            if start is None:
                return False
            chunk = list(tasks[start : start + batch])
            future = client.submit(_call_batch, func, chunk, pure=False)
            submitted[future] = start
            futures.add(future)
            return True

        for _ in range(slots):
            if not submit_next():
                break
        for future in futures:
            start = submitted.pop(future)
            size = min(batch, len(tasks) - start)
            try:
                results = future.result()
            except Exception as exc:  # the task itself could not run (worker died, ...)
                failure = TaskFailure(f"Dask task failed ({_one_line(exc)})")
                results = [failure] * size
            finally:
                future.release()
            for offset, result in enumerate(results):
                yield start + offset, result
            submit_next()


def _call_batch(func: Callable[[Any], Any], chunk: list[Any]) -> list[Any]:
    return [_call(func, task) for task in chunk]


def _import_distributed():
    try:
        import dask.distributed as distributed
    except ImportError:
        raise DaskUnavailableError(
            "the dask engine needs dask.distributed: pip install 'toolkit[dask]'"
        ) from None
    return distributed


class _dask_client:
    """A client for ``scheduler``, or for a local cluster that is closed on exit."""

    def __init__(self, distributed, scheduler: str | None, workers: int | None) -> None:
        self.distributed = distributed
        self.scheduler = scheduler
        self.workers = workers
        self.cluster = None
        self.client = None

    def __enter__(self):
        distributed = self.distributed
        if self.scheduler is not None:
            try:
                self.client = distributed.Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError) as exc:
                raise ConnectionError(
                    f"cannot reach the Dask scheduler at {self.scheduler} ({_one_line(exc)})"
                ) from None
            return self.client
        self.cluster = distributed.LocalCluster(
            n_workers=_check_workers(self.workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        self.client = distributed.Client(self.cluster)
        return self.client

    def __exit__(self, *exc_info) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
