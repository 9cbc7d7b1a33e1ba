"""The shape of the package: which toolkit module imports which, read from the source.

Every ``import`` and ``from ... import`` in every module of ``toolkit/`` counts, wherever it
stands: at the top, inside a function, under ``if TYPE_CHECKING:``. ``from toolkit.actors import
Actor`` is an import of the package ``toolkit.actors`` (its ``__init__`` re-exports the name
and imports the module defining it); ``from toolkit.quotes import rules`` is an import of the
module ``toolkit.quotes.rules``. The parent packages Python runs first do not count.

Two rules hold over that graph:

- no import cycles, between modules of one package or of different ones;
- data flows one way, through the layers of ``LAYERS`` (file -> Article -> segments -> stats /
  actors -> quotes -> analysis -> views / reports / corpus / CLI): a module imports its own
  layer or a layer of lower rank, never one of the same rank or above.

A new top-level module or package must be placed in ``LAYERS``; the test says so.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

import toolkit

PACKAGE_ROOT = Path(toolkit.__file__).resolve().parent

#: The layers, lowest first, as (rank, name, top-level modules and packages of toolkit). A
#: module may import modules of its own layer and of layers of lower rank; layers that share a
#: rank are siblings and never import each other.
LAYERS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (0, "shared shapes", ("toolkit._version", "toolkit.errors", "toolkit.spans", "toolkit._io")),
    (1, "language data", ("toolkit.lang",)),
    (2, "loading", ("toolkit.article",)),
    (3, "segments and statistics", ("toolkit.text",)),
    (4, "actors", ("toolkit.actors",)),
    (5, "quotations", ("toolkit.quotes",)),
    # The HTML of one article reads what an analysis holds through a Protocol
    # (toolkit.display.Analysed), so that ArticleAnalysis can show itself in Jupyter.
    (6, "views of one article", ("toolkit.display",)),
    (7, "analysis", ("toolkit.analysis",)),
    (8, "evaluation", ("toolkit.evaluation",)),
    (8, "reports", ("toolkit.reports",)),
    (8, "corpus", ("toolkit.corpus",)),
    (9, "views of a corpus", ("toolkit.plots",)),
    (10, "command line", ("toolkit.cli", "toolkit.__main__")),
    (11, "public API", ("toolkit",)),
)


@cache
def toolkit_modules() -> dict[str, Path]:
    """Every module of the package, by dotted name (a package by its own name)."""
    modules = {}
    for path in sorted(PACKAGE_ROOT.rglob("*.py")):
        parts = path.relative_to(PACKAGE_ROOT.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


def imported_modules(
    module: str, source: str, known: set[str] | frozenset[str], is_package: bool = False
) -> set[str]:
    """The toolkit modules (among ``known``) that ``source``, the code of ``module``, imports.

    >>> code = (
    ...     "from typing import TYPE_CHECKING\\n"
    ...     "from toolkit.quotes import rules, Quote\\n"
    ...     "if TYPE_CHECKING:\\n"
    ...     "    from toolkit.analysis import ArticleAnalysis\\n"
    ...     "def show():\\n"
    ...     "    from . import display\\n"
    ... )
    >>> known = {"toolkit", "toolkit.quotes", "toolkit.quotes.rules", "toolkit.analysis",
    ...          "toolkit.display", "toolkit.plots"}
    >>> sorted(imported_modules("toolkit.plots", code, known))
    ['toolkit.analysis', 'toolkit.display', 'toolkit.quotes', 'toolkit.quotes.rules']
    """
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(_nearest_module(alias.name, known) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in known else _nearest_module(base, known))
    found.discard(None)  # type: ignore[arg-type]  # an import from outside the toolkit
    found.discard(module)
    return found


def _absolute(node: ast.ImportFrom, package: str) -> str:
    """The module a ``from ... import`` reads from, relative imports resolved."""
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _nearest_module(name: str, known: set[str] | frozenset[str]) -> str | None:
    """``name`` or the nearest package above it that is a toolkit module; None outside it."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


@cache
def import_graph() -> dict[str, frozenset[str]]:
    modules = toolkit_modules()
    known = frozenset(modules)
    return {
        name: frozenset(
            imported_modules(
                name, path.read_text(encoding="utf-8"), known, path.name == "__init__.py"
            )
        )
        for name, path in modules.items()
    }


def find_cycle(graph: dict[str, frozenset[str]]) -> list[str] | None:
    """One import cycle as a path that ends where it starts, or None (a depth-first search).

    >>> find_cycle({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"})})
    ['a', 'b', 'c', 'a']
    >>> find_cycle({"a": frozenset({"b"}), "b": frozenset()}) is None
    True
    """
    finished: set[str] = set()
    for start in sorted(graph):
        path = [start]
        pending = [iter(sorted(graph[start]))]
        while pending:
            following = next(pending[-1], None)
            if following is None:
                finished.add(path.pop())
                pending.pop()
            elif following in path:
                return [*path[path.index(following) :], following]
            elif following not in finished:
                path.append(following)
                pending.append(iter(sorted(graph.get(following, ()))))
    return None


def layer_of(module: str) -> tuple[int, str]:
    """The (rank, name) of the layer a module belongs to: that of the longest entry of
    ``LAYERS`` that is the module or a package above it."""
    best: tuple[int, int, str] | None = None
    for rank, name, prefixes in LAYERS:
        for prefix in prefixes:
            inside = module == prefix or module.startswith(prefix + ".")
            if inside and (best is None or len(prefix) > best[0]):
                best = (len(prefix), rank, name)
    assert best is not None, f"{module}: place it in a layer of LAYERS in {__file__}"
    return best[1], best[2]


# --- the graph --------------------------------------------------------------------------------


def test_the_graph_sees_imports_at_the_top_in_functions_and_for_type_checking():
    graph = import_graph()
    assert "toolkit.actors" in graph["toolkit.quotes"]  # at the top and inside functions
    assert "toolkit.quotes.rules" in graph["toolkit.quotes._pipeline"]
    assert "toolkit.corpus" in graph["toolkit.plots"]  # under TYPE_CHECKING only
    assert "toolkit.cli" in graph["toolkit.__main__"]


def test_every_top_level_module_is_placed_in_a_layer():
    unplaced = [m for m in toolkit_modules() if m.count(".") <= 1 and not _in_layers(m)]
    assert not unplaced, f"place these in LAYERS of {__file__}: {unplaced}"


def _in_layers(module: str) -> bool:
    return any(
        module == prefix or module.startswith(prefix + ".")
        for _, _, prefixes in LAYERS
        for prefix in prefixes
    )


# --- the rules --------------------------------------------------------------------------------


def test_no_import_cycles():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())


@pytest.mark.parametrize("module", sorted(toolkit_modules()))
def test_data_flows_one_way_through_the_layers(module):
    rank, name = layer_of(module)
    upward = []
    for imported in sorted(import_graph()[module]):
        other_rank, other_name = layer_of(imported)
        if other_name != name and other_rank >= rank:
            upward.append(f"{imported} ({other_name}, rank {other_rank})")
    assert not upward, f"{module} ({name}, rank {rank}) imports " + ", ".join(upward)


def test_nothing_imports_the_command_line_but_the_command():
    importers = sorted(
        module
        for module, imported in import_graph().items()
        if any(layer_of(m)[1] == "command line" for m in imported)
        and layer_of(module)[1] != "command line"
    )
    assert importers == []
