"""Where batch work runs: in this process, in a local process pool, or on a Dask cluster.

The engines know nothing about articles. Each one applies a function to a list of small,
picklable tasks and yields ``(index, result)`` pairs as results arrive (not necessarily in
order); the caller puts them back in order. A task that could not run at all (its worker
process died, say) yields a :class:`TaskFailure` instead of a result, so one lost task never stops
the batch. Local workers die with the process that started them, however it ends (``kill -9``
included), instead of living on as orphans.

>>> sorted(run_local(abs, [-2, 3], workers=1))
[(0, 2), (1, 3)]
"""

from __future__ import annotations

import collections
import ctypes
import gc
import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sized
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
    tasks: Iterable[Any],
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    total: int | None = None,
) -> Iterator[tuple[int, Any]]:
    """Apply ``func`` to every task on the chosen engine; yield ``(index, result)`` pairs.

    ``tasks`` may be a list or any iterable: tasks are taken from it only as workers become
    free, so a long stream (the rows of a large table) never sits in memory whole. ``total``
    (the number of tasks, when ``tasks`` has no length) sizes the batches.

    ``func`` must be a module-level function (it is pickled by name) and should catch its own
    errors: an exception that escapes it is reported as a :class:`TaskFailure`.
    """
    if scheduler is not None and engine != "dask":
        raise ValueError("a scheduler address needs the dask engine (engine='dask')")
    if total is None and isinstance(tasks, Sized):
        total = len(tasks)
    if engine == "local":
        yield from run_local(func, tasks, workers=workers, total=total)
    elif engine == "dask":
        yield from run_dask(func, tasks, workers=workers, scheduler=scheduler, total=total)
    else:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")


# --- local: this process or a multiprocessing pool ----------------------------------------


def run_local(
    func: Callable[[Any], Any],
    tasks: Iterable[Any],
    *,
    workers: int | None = None,
    total: int | None = None,
) -> Iterator[tuple[int, Any]]:
    """Run in this process (``workers=1``) or in a pool of ``workers`` processes.

    Tasks go to the pool in small batches, a few per worker at a time, so each worker holds
    only the task it is working on. A worker process that dies (killed, out of memory, a crash
    in native code) does not stop the run, whenever the pool notices it: its batch and the
    others in flight are run again one task at a time in a fresh pool, and only a task whose
    worker dies while it runs alone fails.
    """
    workers = _check_workers(workers)
    if total is None and isinstance(tasks, Sized):
        total = len(tasks)
    # Objects that exist now (loaded models, word lists) move to gc's permanent generation:
    # collections no longer scan them, and forked workers do not copy their pages by doing so.
    gc.freeze()
    try:
        if workers == 1 or (total is not None and total <= 1):
            for index, task in enumerate(tasks):
                yield index, _call(func, task)
            return
        yield from _run_pool(func, tasks, workers if total is None else min(workers, total), total)
    finally:
        gc.unfreeze()


#: Batches in flight per local worker: enough to keep it busy while results travel back.
LOCAL_IN_FLIGHT_PER_WORKER = 2
WORKER_DIED = "the worker process died (killed, out of memory, or crashed)"


class _Batches:
    """Which tasks to send next, in batches ``(start, chunk)`` (the index of the chunk's first
    task, and its tasks): taken from the task stream in order, as they are needed; after a
    worker died under some batches, their tasks one at a time, each alone on the engine, so
    that a task that kills its worker is found (and only it fails).

    >>> plan = _Batches(iter("abcde"), batch=2)
    >>> list(plan.take(in_flight=0, slots=2))
    [(0, ['a', 'b'], False), (2, ['c', 'd'], False)]
    >>> plan.suspect(0, ["a", "b"])
    >>> list(plan.take(in_flight=1, slots=2)), list(plan.take(in_flight=0, slots=2))
    ([], [(0, ['a'], True)])
    """

    def __init__(self, tasks: Iterable[Any], batch: int) -> None:
        self._tasks = iter(tasks)
        self._batch = batch
        self._read = 0  # tasks taken from the stream so far
        self._ahead: collections.deque[tuple[int, list[Any]]] = collections.deque()
        self.suspects: collections.deque[tuple[int, list[Any]]] = collections.deque()

    @property
    def pending(self) -> bool:
        return bool(self.suspects or self._ahead or self._read_ahead())

    def _read_ahead(self) -> bool:
        """The next batch from the stream, if any is left (False at its end)."""
        chunk = list(itertools.islice(self._tasks, self._batch))
        if chunk:
            self._ahead.append((self._read, chunk))
            self._read += len(chunk)
        return bool(chunk)

    def take(self, in_flight: int, slots: int) -> Iterator[tuple[int, list[Any], bool]]:
        """Batches to submit now, as ``(start, chunk, alone)``, with ``in_flight`` running."""
        if self.suspects:
            if not in_flight:  # the engine drains, then runs the suspects one by one
                yield (*self.suspects.popleft(), True)
            return
        while in_flight < slots and (self._ahead or self._read_ahead()):
            in_flight += 1
            yield (*self._ahead.popleft(), False)

    def suspect(self, start: int, chunk: list[Any]) -> None:
        """The tasks of a batch that could not finish, to run again one at a time."""
        self.suspects.extend((start + i, [task]) for i, task in enumerate(chunk))

    def put_back(self, start: int, chunk: list[Any], alone: bool) -> None:
        """A batch that was never sent: first in line again."""
        (self.suspects if alone else self._ahead).appendleft((start, chunk))


def _batch_size(total: int | None, threads: int, per_thread: int, largest: int) -> int:
    """Tasks per batch: enough batches for ``per_thread`` per worker thread (load balance),
    at most ``largest`` (pickling and scheduling overhead); ``largest // 4`` when the number
    of tasks is not known.

    >>> _batch_size(1000, 2, 8, 8), _batch_size(20, 2, 8, 8), _batch_size(None, 2, 8, 8)
    (8, 1, 2)
    """
    if total is None:
        return max(1, largest // 4)
    return max(1, min(largest, total // (threads * per_thread)))


def _run_pool(
    func: Callable[[Any], Any], tasks: Iterable[Any], workers: int, total: int | None
) -> Iterator[tuple[int, Any]]:
    # Small batches keep every worker busy to the end; large enough to make pickling cheap.
    batch = _batch_size(total, workers, 8, 8)
    yield from _PoolRun(func, workers, _Batches(tasks, batch))


class _PoolRun:
    """One run of tasks on a local process pool that survives the death of its workers: the
    pool is replaced, and the tasks that were in flight run again (see :class:`_Batches`)."""

    def __init__(self, func: Callable[[Any], Any], workers: int, batches: _Batches) -> None:
        self.func = func
        self.workers = workers
        self.batches = batches
        self.slots = workers * LOCAL_IN_FLIGHT_PER_WORKER
        self.in_flight: dict[Future, tuple[int, list[Any], bool]] = {}

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        self.pool = _new_pool(self.workers)
        try:
            while self.in_flight or self.batches.pending:
                if self._submit():
                    yield from self._results()
                else:
                    self._replace_pool()
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self) -> bool:
        """Top up the batches in flight; False if the pool broke (a worker died since the
        last look: the pool only says so now)."""
        for start, chunk, alone in self.batches.take(len(self.in_flight), self.slots):
            try:
                future = self.pool.submit(_call_batch, self.func, chunk)
            except BrokenProcessPool:
                self.batches.put_back(start, chunk, alone)
                return False
            self.in_flight[future] = (start, chunk, alone)
        return True

    def _results(self) -> Iterator[tuple[int, Any]]:
        """Wait for a batch to finish; yield the results of the finished ones."""
        done, _ = wait(self.in_flight, return_when=FIRST_COMPLETED)
        broken = False
        for future in done:
            start, chunk, alone = self.in_flight.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool:
                broken = True
                if alone:  # it ran alone, so it killed its worker
                    yield start, TaskFailure(WORKER_DIED)
                else:
                    self.batches.suspect(start, chunk)
                continue
            for offset, result in enumerate(results):
                yield start + offset, result
        if broken:
            self._replace_pool()

    def _replace_pool(self) -> None:
        for start, chunk, _alone in self.in_flight.values():
            self.batches.suspect(start, chunk)
        self.in_flight.clear()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = _new_pool(self.workers)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context()
    # A forkserver's workers are its children, not ours: they watch it instead (it ends with us).
    parent = None if context.get_start_method() == "forkserver" else os.getpid()
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(parent,)
    )


def _init_worker(parent: int | None) -> None:
    """In each pool worker: leave Ctrl-C to the parent (it goes to the whole process group,
    and the parent stops the pool cleanly), and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _set_parent_death_signal():
        watch = threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True)
        watch.start()
    if parent is not None and os.getppid() != parent:  # it died before the line above
        os._exit(1)


#: prctl option (linux/prctl.h): the signal this process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


def _set_parent_death_signal() -> bool:
    """Have the kernel kill this process when its parent dies (Linux). Without it, a worker
    whose parent was killed (``kill -9``, out of memory) lives on, blocked on a pipe."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int, every: float = 0.5) -> None:
    """Elsewhere: end this process once its parent is gone (it is then adopted)."""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


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
    tasks: Iterable[Any],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    batch: int | None = None,
    total: int | None = None,
) -> Iterator[tuple[int, Any]]:
    """Run on a Dask cluster: the scheduler at ``scheduler``, or a local cluster of
    ``workers`` single-threaded processes started for the run and closed after it.

    Tasks are grouped into batches of consecutive tasks (``batch`` tasks each, or enough for
    about 16 batches per worker, at most ``DASK_MAX_BATCH``): the rows of a table go out as
    row ranges. At most a few batches per worker are in flight at any time (submitted as
    earlier ones complete), so memory on the client and the scheduler stays bounded however
    long the task stream is. A batch that fails as a whole (a worker died under it:
    ``KilledWorker``) is run again one task at a time, alone on the cluster, so that only the
    task that kills its worker fails.
    """
    distributed = _import_distributed()
    if total is None and isinstance(tasks, Sized):
        total = len(tasks)
    tasks = iter(tasks)
    first = next(tasks, _NOTHING)
    if first is _NOTHING and scheduler is None:
        return
    tasks = itertools.chain([] if first is _NOTHING else [first], tasks)
    with _dask_client(distributed, scheduler, workers) as client:
        threads = max(1, sum(client.nthreads().values()))
        if batch is None:
            batch = _batch_size(total, threads, 16, DASK_MAX_BATCH)
        # Suspects run alone on the cluster: its scheduler also blames the other tasks
        # running on a worker when it dies.
        run = _DaskRun(distributed, client, func, _Batches(tasks, batch))
        yield from run.results(slots=threads * DASK_IN_FLIGHT_PER_WORKER)


_NOTHING = object()


class _DaskRun:
    """Batches of tasks submitted to a Dask client as earlier ones complete."""

    def __init__(self, distributed, client, func, plan: _Batches) -> None:
        self.distributed = distributed
        self.client = client
        self.func = func
        self.plan = plan
        self.futures = distributed.as_completed()
        self.submitted: dict[Any, tuple[int, list[Any], bool]] = {}  # future -> batch

    def results(self, slots: int) -> Iterator[tuple[int, Any]]:
        self._top_up(slots)
        while self.submitted:
            future = next(self.futures)
            start, chunk, alone = self.submitted.pop(future)
            try:
                results = future.result()
            except Exception as exc:  # the batch could not run (its worker died, ...)
                if alone:
                    results = [_dask_failure(self.distributed, exc)]
                else:
                    self.plan.suspect(start, chunk)
                    results = []
            finally:
                future.release()
            for offset, result in enumerate(results):
                yield start + offset, result
            self._top_up(slots)

    def _top_up(self, slots: int) -> None:
        for start, chunk, alone in self.plan.take(len(self.submitted), slots):
            future = self.client.submit(_call_batch, self.func, chunk, pure=False)
            self.submitted[future] = (start, chunk, alone)
            self.futures.add(future)


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
