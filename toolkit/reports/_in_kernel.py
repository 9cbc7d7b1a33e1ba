"""Code that runs *inside* a warm report kernel (see :mod:`toolkit.reports._kernel`).

A warm kernel imports the heavy libraries once (:func:`prepare`), then runs many report
notebooks. Before each notebook, :func:`reset` puts the kernel back into the state a freshly
started kernel would be in, as far as a notebook can tell: an empty user namespace, execution
counts from 1, the working directory, environment, ``sys.path``, warning filters, matplotlib
settings and pandas options as they were after start-up, no open figures, and the toolkit's
warn-once messages armed again. Only the imported modules and pure caches (word lists, models)
are kept: that is the whole point of keeping the kernel warm.

Both functions are called with a silent ``execute_request`` that leaves no trace in the
notebook, in ``In``/``Out`` or in the execution count.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
import warnings
from typing import Any

#: Imported once per kernel instead of once per article. The priming analysis (see
#: :func:`_prime`) then imports whatever the analysis itself uses (nltk, its models...).
#: pandas is not here: the report notebook does not use it, so a fresh kernel would not load it.
WARM_MODULES = (
    "matplotlib",
    "matplotlib.figure",
    "IPython.display",
    "toolkit",
    "toolkit.analysis",
    "toolkit.display",
    "toolkit.reports",
)

# A short text written for warming up: it loads the models and word lists the analysis uses.
_PRIMER = (
    "Talks resume in Geneva\n\n"
    'The Swiss foreign minister, Anna Keller, said on Monday that the talks "will go on". '
    "Officials from the United Nations declined to comment, Reuters reported."
)

_snapshot: dict[str, Any] | None = None
#: Environment variables that decide which NLTK data the toolkit finds (toolkit.lang.nltk_data).
_DATA_VARIABLES = ("NLTK_DATA", "TOOLKIT_NLTK_DATA", "HOME", "APPDATA")


def prepare(modules: tuple[str, ...] = WARM_MODULES, prime: bool = True) -> None:
    """Import ``modules``, run one analysis to load models, and record the clean state."""
    global _snapshot
    for name in modules:
        # A module that cannot be imported is left to the notebook, which reports it clearly.
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    if prime:
        _prime()
    _snapshot = _take_snapshot()
    reset()


def reset() -> None:
    """Bring the kernel back to the state recorded by :func:`prepare`."""
    if _snapshot is None:
        raise RuntimeError("toolkit.reports._in_kernel.reset() called before prepare()")
    shell = _shell()
    if shell is not None:
        # new_session=True also restarts the execution count at 1. IPython's reset ends with a
        # full gc.collect() (~70 ms with pandas loaded, more than a whole report); a fresh
        # kernel does not pay for one, so neither do we: the automatic collector frees cycles.
        collect = gc.collect
        gc.collect = lambda generation=2: 0
        try:
            shell.reset(new_session=True)
        finally:
            gc.collect = collect
    data_moved = any(os.environ.get(v) != _snapshot["environ"].get(v) for v in _DATA_VARIABLES)
    _restore_process_state(_snapshot)
    _restore_libraries(_snapshot)
    _rearm_warnings()
    if data_moved:
        # The cached loaders may have loaded NLTK data from elsewhere, or none at all.
        _clear_toolkit_caches()
    else:
        _clear_loaders_that_warned()


def _prime() -> None:
    """Analyse and draw a short text once: loads the models, word lists and fonts that the
    first report would otherwise load."""
    try:
        from toolkit import display
        from toolkit.analysis import analyze

        with warnings.catch_warnings():
            warnings.simplefilter("always")
            # Silently: the one cache notes which loaders warn (the reset empties them).
            warnings.showwarning = lambda *args, **kwargs: None
            analysis = analyze(_PRIMER)
            display.analysis_html(analysis)
            display.as_svg(display.actor_chart(analysis))
    except Exception:
        pass  # priming is an optimisation; the notebook reports any error itself


def _clear_loaders_that_warned() -> None:
    """Empty the cached loaders that warned about missing NLTK data since the last reset
    (``toolkit.text.syllables._default_counter`` without cmudict...), so that the next report
    loads them and warns again, as in a fresh kernel; all other caches stay warm. The toolkit's
    one cache knows which they are (see :mod:`toolkit.lang`)."""
    lang = sys.modules.get("toolkit.lang")
    if lang is not None:
        lang.clear_cache(only_warned=True)


def _clear_toolkit_caches() -> None:
    """Empty the toolkit's one cache of language data (after the environment, and so possibly
    the NLTK data the loaders see, changed)."""
    lang = sys.modules.get("toolkit.lang")
    if lang is not None:
        lang.clear_cache()


def _shell() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - kernels always have IPython
        return None
    return get_ipython()


def _take_snapshot() -> dict[str, Any]:
    snapshot: dict[str, Any] = {
        "cwd": os.getcwd(),
        "environ": dict(os.environ),
        "sys_path": list(sys.path),
        "warning_filters": list(warnings.filters),
        # Our hook (see _watch_warnings): a notebook may replace it (logging.captureWarnings).
        "showwarning": warnings.showwarning,
        "formatwarning": warnings.formatwarning,
    }
    if "matplotlib" in sys.modules:
        import matplotlib

        snapshot["rcparams"] = {k: v for k, v in matplotlib.rcParams.items() if k != "backend"}
    return snapshot


def _restore_process_state(snapshot: dict[str, Any]) -> None:
    if os.getcwd() != snapshot["cwd"]:
        os.chdir(snapshot["cwd"])
    if os.environ != snapshot["environ"]:
        os.environ.clear()
        os.environ.update(snapshot["environ"])
    sys.path[:] = snapshot["sys_path"]
    warnings.filters[:] = snapshot["warning_filters"]
    warnings.showwarning = snapshot["showwarning"]
    warnings.formatwarning = snapshot["formatwarning"]


def _restore_libraries(snapshot: dict[str, Any]) -> None:
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
    if "rcparams" in snapshot:
        import matplotlib

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            matplotlib.rcParams.update(snapshot["rcparams"])
    if "pandas" in sys.modules:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            sys.modules["pandas"].reset_option("all")


def _rearm_warnings() -> None:
    """Make every warning show again, as it would the first time in a new process."""
    mutated = getattr(warnings, "_filters_mutated", None)
    if mutated is not None:
        mutated()  # invalidates every module's __warningregistry__
    warnings.onceregistry.clear()
    for module in list(sys.modules.values()):
        registry = getattr(module, "__warningregistry__", None)
        if isinstance(registry, dict):
            registry.clear()
    # The toolkit's own warn-once helpers.
    nltk_data = sys.modules.get("toolkit.lang.nltk_data")
    if nltk_data is not None:
        nltk_data.warn_missing.cache_clear()
