"""Where batch work runs: in this process, in a local process pool, or on a Dask cluster.

The engines know nothing about articles. Each one applies a function to a list of small,
picklable tasks and yields ``(index, result)`` pairs as results arrive (not necessarily in
order); the caller puts them back in order. A task that could not run at all (its worker
process died, say) yields a :class:`TaskFailure` instead of a result, so one lost task never stops
the batch.

>>> sorted(run_local(abs, [-2, 3], workers=1))
[(0, 2), (1, 3)]
"""

from __future__ import annotations

import collections
import gc
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from toolkit.errors import one_line

__all__ = [
    "ENGINES",
    "WORKER_DIED",
    "DaskUnavailableError",
    "TaskFailure",
    "default_workers",
    "run",
]

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

    Tasks go to the pool in small batches, a few per worker at a time, so each worker holds
    only the task it is working on. A worker process that dies (killed, out of memory, a crash
    in native code) does not stop the run: its batch and the others in flight are run again
    one task at a time in a fresh pool, and only the task that kills a worker again fails.
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
        yield from _run_pool(func, tasks, min(workers, len(tasks)))
    finally:
        gc.unfreeze()


#: Batches in flight per local worker: enough to keep it busy while results travel back.
LOCAL_IN_FLIGHT_PER_WORKER = 2
WORKER_DIED = "the worker process died (killed, out of memory, or crashed)"


def _run_pool(
    func: Callable[[Any], Any], tasks: Sequence[Any], workers: int
) -> Iterator[tuple[int, Any]]:
    # Small batches keep every worker busy to the end; large enough to make pickling cheap.
    batch = max(1, min(8, len(tasks) // (workers * 8)))
    queue = collections.deque((start, batch) for start in range(0, len(tasks), batch))
    suspects: collections.deque[tuple[int, int]] = collections.deque()
    in_flight: dict[Future, tuple[int, int]] = {}
    pool = _new_pool(workers)
    try:
        while queue or suspects or in_flight:
            # After a crash, the tasks that were in flight run alone, one at a time, until
            # the one that kills its worker is found.
            alone = bool(suspects) and not in_flight
            limit = 1 if alone else workers * LOCAL_IN_FLIGHT_PER_WORKER
            source = suspects if alone else queue
            while source and len(in_flight) < limit:
                start, size = source.popleft()
                chunk = list(tasks[start : start + min(size, len(tasks) - start)])
                in_flight[pool.submit(_call_batch, func, chunk)] = (start, len(chunk))
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                start, size = in_flight.pop(future)
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield start, TaskFailure(WORKER_DIED)
                    else:
                        suspects.extend((start + i, 1) for i in range(size))
                    continue
                for offset, result in enumerate(results):
                    yield start + offset, result
            if broken:
                for start, size in in_flight.values():
                    suspects.extend((start + i, 1) for i in range(size))
                in_flight.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _new_pool(workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(), initializer=_ignore_sigint
    )


def _ignore_sigint() -> None:
    # Ctrl-C goes to the whole process group: let the parent stop the pool cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _call(func: Callable[[Any], Any], task: Any) -> Any:
    try:
        return func(task)
    except Exception as exc:
        return TaskFailure(one_line(exc))


def _check_workers(workers: int | None) -> int:
    if workers is None:
        return default_workers()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive whole number, got {workers!r}")
    return workers


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
    scheduler stays bounded however long the task list is. A batch that fails as a whole (a
    worker died under it: ``KilledWorker``) is run again one task at a time, alone on the
    cluster, so that only the task that kills its worker fails.
    """
    distributed = _import_distributed()
    if scheduler is None and not tasks:
        return
    with _dask_client(distributed, scheduler, workers) as client:
        threads = max(1, sum(client.nthreads().values()))
        slots = threads * DASK_IN_FLIGHT_PER_WORKER
        if batch is None:
            batch = max(1, min(DASK_MAX_BATCH, -(-len(tasks) // (threads * 16))))
        queue = collections.deque(
            (start, min(batch, len(tasks) - start)) for start in range(0, len(tasks), batch)
        )
        # Tasks of a batch that failed as a whole (its worker died: KilledWorker, ...), to run
        # again one at a time, alone on the cluster, so that only the task that kills its
        # worker fails (as run_local does). Alone, because the scheduler also blames the
        # other tasks running on a worker when it dies.
        suspects: collections.deque[tuple[int, int]] = collections.deque()
        futures = distributed.as_completed()
        submitted: dict[Any, tuple[int, int, bool]] = {}  # future -> (start, size, alone)

        def submit(start: int, size: int, alone: bool) -> None:
            chunk = list(tasks[start : start + size])
            future = client.submit(_call_batch, func, chunk, pure=False)
            submitted[future] = (start, size, alone)
            futures.add(future)

        def top_up() -> None:
            if suspects:
                if not submitted:
                    submit(*suspects.popleft(), alone=True)
                return  # the cluster drains, then runs the suspects one by one
            while queue and len(submitted) < slots:
                submit(*queue.popleft(), alone=False)

        top_up()
        while submitted:
            future = next(futures)
            start, size, alone = submitted.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # the batch could not run (its worker died, ...)
                if alone:
                    results = [_dask_failure(distributed, exc)]
                else:
                    suspects.extend((start + i, 1) for i in range(size))
                    results = []
            finally:
                future.release()
            for offset, result in enumerate(results):
                yield start + offset, result
            top_up()


def _dask_failure(distributed: Any, exc: BaseException) -> TaskFailure:
    if isinstance(exc, getattr(distributed, "KilledWorker", ())):
        return TaskFailure(WORKER_DIED)
    return TaskFailure(f"Dask task failed ({one_line(exc)})")


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
                    f"cannot reach the Dask scheduler at {self.scheduler} ({one_line(exc)})"
                ) from None
            return self.client
        self.cluster = distributed.LocalCluster(
            n_workers=_check_workers(self.workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # Failures are reported with the results, one line each, not logged as well.
            silence_logs=logging.CRITICAL,
        )
        self.client = distributed.Client(self.cluster)
        return self.client

    def __exit__(self, *exc_info) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
