"""The one cache of the toolkit's language data and of everything built from it.

Every function that loads or builds language data (a word list, a table, the actor lexicon,
the syllable counter) is decorated with :func:`cached`: it runs once, and its result is kept
in :data:`CACHE` until :func:`clear_cache` empties it, all loaders in one call.

Missing NLTK data is announced once per process, by a warning issued while a loader builds
its value (the syllable counter without ``cmudict``). :meth:`DataCache.note_warning` records
which loaders were being built at that moment, so that ``clear_cache(only_warned=True)`` can
empty just those: a warm report kernel does that between reports, so that every report warns
again, as a fresh process would, while the other loaders stay warm.

>>> cache, calls = DataCache(), []
>>> @cache.cached
... def doubled(word: str) -> str:
...     calls.append(word)
...     return word * 2
>>> doubled("ab"), doubled("ab"), calls, cache.size()
('abab', 'abab', ['ab'], 1)
>>> cache.clear()
>>> doubled("ab"), calls
('abab', ['ab', 'ab'])
"""

from __future__ import annotations

import functools
import sys
import threading
from collections.abc import Callable, Sized
from typing import Any, Protocol, TypeVar

__all__ = ["CACHE", "DataCache", "cached", "clear_cache", "stacklevel"]

F = TypeVar("F", bound=Callable[..., Any])


class _Store(Protocol):
    """What the cache needs of a registered store: a dict, or a ``functools`` cache."""

    def clear(self) -> None: ...


class DataCache:
    """Every loader's kept results, by the loader's qualified name; emptied in one call.

    Loaders keep their results in a ``functools.cache`` each (a look-up costs no more than
    before), registered here by name; other stores of results built from the data (a dict
    memo) register with :meth:`register`. Registering a name again replaces the old store, so
    reloading a module does not pile up stale loaders.
    """

    def __init__(self) -> None:
        self._stores: dict[str, tuple[Callable[[], None], Callable[[], int]]] = {}
        self._warned: set[str] = set()
        self._local = threading.local()

    def cached(self, function: F, maxsize: int | None = None) -> F:
        """Keep ``function``'s results (by arguments; the ``maxsize`` most recent, or all) in
        this cache; see :func:`cached`."""
        name = f"{function.__module__}.{function.__qualname__}"
        memo = functools.lru_cache(maxsize)(_noting_builds(self, name, function))
        self._stores[name] = (memo.cache_clear, lambda: memo.cache_info().currsize)
        return memo  # type: ignore[return-value]

    def register(self, name: str, store: _Store) -> None:
        """Empty ``store`` (a dict, or anything with ``clear()``) with the rest of the cache."""
        size = (lambda: len(store)) if isinstance(store, Sized) else (lambda: 0)
        self._stores[name] = (store.clear, size)

    def note_warning(self) -> None:
        """Mark the loaders being built right now (the caller's and those that called it) as
        having warned: ``clear(only_warned=True)`` empties them."""
        self._warned.update(self._building())

    def clear(self, *, only_warned: bool = False) -> None:
        """Empty every store, or with ``only_warned`` only the loaders that warned since the
        last clear (see :meth:`note_warning`)."""
        names = list(self._warned) if only_warned else list(self._stores)
        self._warned.clear()
        for name in names:
            if name in self._stores:
                self._stores[name][0]()

    def names(self) -> list[str]:
        """The qualified names of the registered loaders and stores, sorted."""
        return sorted(self._stores)

    def warned(self) -> list[str]:
        """The loaders that warned since the last clear, sorted."""
        return sorted(self._warned)

    def size(self, name: str | None = None) -> int:
        """Results kept, by one loader (its qualified name) or by all of them."""
        if name is not None:
            return self._stores[name][1]()
        return sum(size() for _, size in self._stores.values())

    def _building(self) -> list[str]:
        stack = getattr(self._local, "stack", None)
        if stack is None:
            stack = self._local.stack = []
        return stack


def _noting_builds(cache: DataCache, name: str, function: F) -> F:
    """``function``, noting on the cache's stack that ``name`` is being built while it runs
    (only on a miss: the ``functools`` cache around it answers hits itself)."""

    @functools.wraps(function)
    def build(*args: Any, **kwargs: Any) -> Any:
        stack = cache._building()
        stack.append(name)
        try:
            return function(*args, **kwargs)
        finally:
            stack.pop()

    return build  # type: ignore[return-value]


_BUILD_CODE = _noting_builds(None, "", lambda: None).__code__  # type: ignore[arg-type]

#: The toolkit's one cache of language data.
CACHE = DataCache()


def cached(function: F | None = None, *, maxsize: int | None = None) -> Any:
    """Decorator: load once, keep the result in :data:`CACHE` (by arguments, which must be
    hashable). The decorated function also has ``cache_clear()`` and ``cache_info()``, as with
    ``functools.cache``. ``@cached(maxsize=N)`` keeps only the N most recent results: for a
    function of words or names, whose arguments never stop coming in a long corpus run.

    >>> @cached(maxsize=2)
    ... def shout(word: str) -> str:
    ...     return word.upper()
    >>> [shout(w) for w in ("a", "b", "c")], shout.cache_info().currsize
    (['A', 'B', 'C'], 2)
    """
    if function is None:
        return lambda f: CACHE.cached(f, maxsize)
    return CACHE.cached(function, maxsize)


def stacklevel(level: int) -> int:
    """The ``stacklevel`` for ``warnings.warn`` that points at the ``level``-th frame (1: the
    caller of this function), not counting the frames of the cache's own wrappers, so that
    a warning from inside a loader names the same line as it would without the cache."""
    frame, found, counted = sys._getframe(1), 0, 0
    while frame is not None and counted < level:
        found += 1
        if frame.f_code is not _BUILD_CODE:
            counted += 1
        frame = frame.f_back
    return found


def clear_cache(*, only_warned: bool = False) -> None:
    """Forget every loaded word list, table and model: the next use loads them again.

    With ``only_warned=True``, forget only what was built while missing NLTK data was
    announced (see the module docstring): that is what a warm report kernel does between
    reports.
    """
    CACHE.clear(only_warned=only_warned)
