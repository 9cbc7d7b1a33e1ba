"""Warm kernels for papermill: run many report notebooks without paying start-up each time.

Starting a Jupyter kernel and importing pandas, matplotlib, nltk and the toolkit takes about two
seconds, far longer than analysing one article. A :class:`WarmKernel` is started once, imports
all that once, and then runs notebook after notebook; before each one it is reset to the state
of a fresh kernel (see :mod:`toolkit._report_kernel`), so a report made in a batch is the report
a fresh kernel would make.

Papermill stays the runner: :class:`WarmKernelEngine` is a papermill engine, registered as
``"toolkit"``, that executes the notebook on the kernel passed as ``kernel=``::

    kernel = WarmKernel()
    nb = papermill.execute_notebook(
        "notebooks/article_report.ipynb", None, parameters={"article_path": "seeds/a.txt"},
        engine_name="toolkit", kernel=kernel, progress_bar=False,
    )
    kernel.shutdown()

Without ``kernel=`` the engine behaves like papermill's default engine (a new kernel).
A kernel is used by one thread at a time: the thread that started it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import tempfile
import time
from queue import Empty
from typing import Any

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import Engine, NBClientEngine, papermill_engines
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

__all__ = ["ENGINE_NAME", "KernelError", "WarmKernel", "WarmKernelEngine"]

ENGINE_NAME = "toolkit"

# Silent requests that leave no name behind in the user namespace.
_PREPARE = "__import__('toolkit._report_kernel', fromlist=['prepare']).prepare()"
_RESET = "__import__('toolkit._report_kernel', fromlist=['reset']).reset()"


class KernelError(RuntimeError):
    """A warm kernel could not be started, prepared or reset."""


def python_kernel_spec() -> KernelSpec:
    """An IPython kernel on *this* interpreter, whatever ``python3`` kernel spec is installed,
    so reports always run with the toolkit and libraries of the environment running the batch.
    """
    return KernelSpec(
        argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        display_name=f"Python {sys.version_info.major}.{sys.version_info.minor} (toolkit)",
        language="python",
        name="python3",
    )


class WarmKernel:
    """A started IPython kernel that has imported what reports need.

    ``cwd`` is the kernel's working directory (relative article paths are read from there).
    ``startup_timeout`` bounds the start and the warm-up, in seconds.
    """

    def __init__(self, cwd: str | os.PathLike[str] | None = None, startup_timeout: float = 120):
        self.cwd = os.fspath(cwd) if cwd is not None else os.getcwd()
        self.startup_timeout = startup_timeout
        self.notebooks_run = 0
        #: The notebook the engine last worked on (kept for failed-notebook debugging).
        self.last_notebook: Any = None
        self.km = AsyncKernelManager(kernel_name="python3")
        self.km._kernel_spec = python_kernel_spec()  # see python_kernel_spec()
        self.kc: Any = None
        self._log: Any = None
        started = time.perf_counter()
        try:
            # The kernel's own log (start-up chatter, crash tracebacks) goes to a file, not to
            # the terminal of the batch; see log_tail().
            self._log = tempfile.TemporaryFile(prefix="toolkit-kernel-", suffix=".log")  # noqa: SIM115 - lives as long as the kernel
            run_sync(self.km.start_kernel)(
                cwd=self.cwd,
                extra_arguments=["--HistoryManager.hist_file=:memory:"],
                stdout=self._log,
                stderr=self._log,
            )
            self.kc = self.km.client()
            self.kc.start_channels()
            run_sync(self.kc.wait_for_ready)(timeout=startup_timeout)
            remaining = max(1.0, startup_timeout - (time.perf_counter() - started))
            self._run_silently(_PREPARE, timeout=remaining)
        except BaseException:
            self.shutdown()
            raise

    def reset(self) -> None:
        """Put the kernel back into the state of a freshly started one."""
        self._run_silently(_RESET, timeout=60)

    def is_alive(self) -> bool:
        try:
            return bool(run_sync(self.km.is_alive)())
        except Exception:
            return False

    def log_tail(self, lines: int = 5) -> str:
        """The last lines the kernel process wrote to stdout/stderr (for error messages)."""
        if self._log is None:
            return ""
        try:
            self._log.seek(0)
            text = self._log.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""
        kept = [line for line in text.splitlines() if "running over TCP" not in line]
        return "\n".join(kept[-lines:])

    def shutdown(self) -> None:
        """Stop the kernel (immediately) and close its channels. Safe to call twice."""
        if self.kc is not None:
            with contextlib.suppress(Exception):
                self.kc.stop_channels()
            self.kc = None
        if self.km is not None:
            try:
                if self.km.has_kernel:
                    run_sync(self.km.shutdown_kernel)(now=True)
                run_sync(self.km.cleanup_resources)()
            except Exception:
                pass
            self.km = None
        if self._log is not None:
            with contextlib.suppress(OSError):
                self._log.close()
            self._log = None

    def _run_silently(self, code: str, timeout: float) -> None:
        run_sync(self._async_run_silently)(code, timeout)

    async def _async_run_silently(self, code: str, timeout: float) -> None:
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)
        deadline = time.monotonic() + timeout
        reply = None
        while reply is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise KernelError(f"kernel did not answer within {timeout:.0f} s")
            try:
                msg = await self.kc.get_shell_msg(timeout=min(remaining, 1.0))
            except (Empty, asyncio.TimeoutError):
                if not await self.km.is_alive():
                    raise KernelError("kernel died while starting or resetting") from None
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        # Drain this request's iopub messages up to its "idle", so none reaches a notebook.
        while time.monotonic() < deadline:
            try:
                msg = await self.kc.get_iopub_msg(timeout=1.0)
            except Exception:
                break
            if (
                msg["parent_header"].get("msg_id") == msg_id
                and msg["msg_type"] == "status"
                and msg["content"].get("execution_state") == "idle"
            ):
                break
        content = reply["content"]
        if content.get("status") != "ok":
            detail = f"{content.get('ename', 'error')}: {content.get('evalue', '')}"
            raise KernelError(f"warm-up or reset failed in the kernel ({detail})")


class WarmKernelEngine(Engine):
    """Papermill engine that runs the notebook on ``kernel=`` (a :class:`WarmKernel`).

    The kernel is reset before every notebook but the first after its warm-up. Execution
    itself is papermill's own client, so outputs, metadata and error handling are papermill's.
    """

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: float = 60,
        execution_timeout: float | None = None,
        kernel: WarmKernel | None = None,
        **kwargs: Any,
    ) -> Any:
        if kernel is None:
            return NBClientEngine.execute_managed_notebook(
                nb_man,
                kernel_name,
                log_output=log_output,
                stdout_file=stdout_file,
                stderr_file=stderr_file,
                start_timeout=start_timeout,
                execution_timeout=execution_timeout,
                **kwargs,
            )
        kernel.last_notebook = nb_man.nb
        if kernel.notebooks_run:
            kernel.reset()
        kernel.notebooks_run += 1
        kwargs = remove_args(["input_path", "timeout", "startup_timeout"], **kwargs)
        final_kwargs = merge_kwargs(
            kwargs,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            kernel_name=kernel_name,
            log=logger,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        client = PapermillNotebookClient(nb_man, km=kernel.km, **final_kwargs)
        client.kc = kernel.kc  # reuse the kernel's channels: no new client per notebook
        return client.execute()


papermill_engines.register(ENGINE_NAME, WarmKernelEngine)
