"""A papermill engine that runs notebooks on warm kernels (:mod:`toolkit.reports._kernel`).

Papermill stays the runner: :class:`WarmKernelEngine` is a papermill engine, registered as
``"toolkit"``, that executes the notebook with papermill's own client on the kernel passed as
``kernel=``, reset to a fresh state first::

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

from typing import Any

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import Engine, NBClientEngine, papermill_engines
from papermill.log import logger
from papermill.utils import merge_kwargs, remove_args

from toolkit.reports._kernel import KernelError, WarmKernel

__all__ = ["ENGINE_NAME", "KernelError", "WarmKernel", "WarmKernelEngine"]

ENGINE_NAME = "toolkit"


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
            # nbclient's `timeout` takes whole seconds only; its timeout_func may return any
            # number (a falsy timeout means none at all: the batch never passes one).
            timeout=None,
            timeout_func=(lambda cell: execution_timeout) if execution_timeout else None,
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
