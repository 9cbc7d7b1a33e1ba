"""A time limit for work done in the batch's own process (the HTML export).

Notebook cells are bounded by the kernel client (the kernel is interrupted, then restarted);
the HTML export runs in a worker thread of the batch, and a thread cannot be killed. So
:func:`call_with_deadline` raises :class:`DeadlineExceeded` *inside* the running function,
through CPython's ``PyThreadState_SetAsyncExc``: pure-Python code (nbconvert, jinja2) stops at
its next bytecode; a long call into C code stops as soon as it returns.

>>> call_with_deadline(lambda: sum(range(10)), seconds=5)
45
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["DeadlineExceeded", "call_with_deadline"]

T = TypeVar("T")


class DeadlineExceeded(Exception):
    """The function ran over its time limit."""


def call_with_deadline(function: Callable[[], T], seconds: float) -> T:
    """``function()``, run in this thread; :class:`DeadlineExceeded` if it runs over
    ``seconds``. The exception never escapes later: once this returns, nothing is pending."""
    target = threading.get_ident()
    lock = threading.Lock()
    running = [True]

    def expire() -> None:
        with lock:
            if running[0]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(DeadlineExceeded)
                )

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        try:
            return function()
        finally:
            with lock:
                running[0] = False
            timer.cancel()
            _checkpoint()
    except DeadlineExceeded:
        raise DeadlineExceeded(f"ran over {seconds:g} s") from None


def _checkpoint() -> None:
    """A Python call: the interpreter raises a pending asynchronous exception on entering it,
    so one set just before the deadline was cancelled is raised here, inside the ``try``."""
