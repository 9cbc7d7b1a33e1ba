"""Warm kernels: started once, warmed up once, reset to a fresh state between notebooks.

Starting a Jupyter kernel and importing pandas, matplotlib, nltk and the toolkit takes about two
seconds, far longer than analysing one article. A :class:`WarmKernel` is started once, imports
all that once (:func:`toolkit.reports._in_kernel.prepare`), and then runs notebook after notebook;
before each one it is reset to the state of a fresh kernel (:func:`toolkit.reports._in_kernel.reset`),
so a report made in a batch is the report a fresh kernel would make. Papermill runs the
notebooks on it through :class:`toolkit.reports._papermill.WarmKernelEngine`.

This module needs only ``jupyter_client``, so a batch can launch its kernels before importing
papermill and nbconvert, and let their start-up overlap.

>>> kernel = WarmKernel(wait=False)   # returns once the process is launched  # doctest: +SKIP
>>> kernel.wait_ready()               # started and warmed up                 # doctest: +SKIP
>>> kernel.shutdown()                                                         # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import tempfile
import time
from queue import Empty
from typing import Any

from jupyter_client.kernelspec import KernelSpec
from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync

__all__ = ["KernelError", "WarmKernel", "python_kernel_spec"]

# Silent requests that leave no name behind in the user namespace.
_PREPARE = "__import__('toolkit.reports._in_kernel', fromlist=['prepare']).prepare()"
_RESET = "__import__('toolkit.reports._in_kernel', fromlist=['reset']).reset()"


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
    ``startup_timeout`` bounds the start and the warm-up, in seconds. ``connection_dir``: where
    the connection file goes (default: Jupyter's runtime folder).
    """

    def __init__(
        self,
        cwd: str | os.PathLike[str] | None = None,
        startup_timeout: float = 120,
        *,
        wait: bool = True,
        connection_dir: str | os.PathLike[str] | None = None,
    ):
        self.cwd = os.fspath(cwd) if cwd is not None else os.getcwd()
        self.startup_timeout = startup_timeout
        self.notebooks_run = 0
        #: The notebook the engine last worked on (kept for failed-notebook debugging).
        self.last_notebook: Any = None
        self.km = AsyncKernelManager(kernel_name="python3")
        self.km._kernel_spec = python_kernel_spec()  # see python_kernel_spec()
        if connection_dir is not None:
            # Where the connection file goes (Jupyter's runtime folder by default): a batch
            # gives a folder of its own, to sweep if it is killed before it can clean up.
            name = f"kernel-{os.getpid()}-{os.urandom(6).hex()}.json"
            self.km.connection_file = os.path.join(os.fspath(connection_dir), name)
        self.kc: Any = None
        self._log: Any = None
        self._prepare_id: str | None = None
        self._started = time.monotonic()
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
            # Queued until the kernel is up; its reply says the warm-up is done.
            self._prepare_id = self._send_silently(_PREPARE)
            if wait:
                self.wait_ready()
        except BaseException:
            self.shutdown()
            raise

    def wait_ready(self) -> None:
        """Wait until the kernel has started and warmed up (``WarmKernel(wait=False)`` returns
        as soon as the process is launched, so other work can overlap its start-up)."""
        if self._prepare_id is None:
            return
        remaining = max(1.0, self.startup_timeout - (time.monotonic() - self._started))
        try:
            run_sync(self._async_await_reply)(self._prepare_id, remaining, False)
        except BaseException:
            self.shutdown()
            raise
        self._prepare_id = None

    def reset(self) -> None:
        """Put the kernel back into the state of a freshly started one."""
        self._run_silently(_RESET, timeout=60)

    def interrupt(self) -> None:
        """Interrupt the running cell (SIGINT to the kernel process); safe from any thread."""
        provisioner = getattr(self.km, "provisioner", None) if self.km is not None else None
        pid = getattr(provisioner, "pid", None)
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGINT)

    def kill(self) -> None:
        """Kill the kernel process now (SIGKILL); safe from any thread. The thread using the
        kernel sees it die within a second; :meth:`shutdown` still cleans up."""
        provisioner = getattr(self.km, "provisioner", None) if self.km is not None else None
        pid = getattr(provisioner, "pid", None)
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, getattr(signal, "SIGKILL", signal.SIGTERM))

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
        run_sync(self._async_await_reply)(self._send_silently(code), timeout)

    def _send_silently(self, code: str) -> str:
        return self.kc.execute(code, silent=True, store_history=False, allow_stdin=False)

    async def _async_await_reply(self, msg_id: str, timeout: float, drain: bool = True) -> None:
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
                    tail = " ".join(self.log_tail(1).split())
                    detail = f": {tail}" if tail else ""
                    raise KernelError(f"kernel died while starting or resetting{detail}") from None
                continue
            if msg["parent_header"].get("msg_id") == msg_id:
                reply = msg
        # Drain this request's iopub messages up to its "idle". Not needed for correctness
        # (notebook clients skip messages of other requests), and skipped at start-up, where
        # iopub may have joined too late to see them.
        while drain and time.monotonic() < deadline:
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
