"""MkDocs hook: the attribution-rule catalogue, printed from the rule registry.

``docs/reference/rules.md`` holds the marker ``<!-- rule-catalogue -->``; at build time it is
replaced by one section per cascade of ``toolkit.quotes.rules.CASCADES``, its rules in the order
they are tried, each with its name, summary, where its code is, and its examples. A version of
the toolkit without that module gets a note instead (and no build warning).

The registry's shape, as this hook reads it::

    CASCADES: tuple[Cascade, ...]
    Cascade(name: str, summary: str, rules: tuple[Rule, ...])
    Rule(name: str, summary: str, examples: tuple[Example, ...], apply: Callable)
    Example(text: str, quote: str, speaker: str | None)
"""

from __future__ import annotations

import functools
import html
import importlib
import importlib.util
import inspect
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MARKER = "<!-- rule-catalogue -->"
REGISTRY = "toolkit.quotes.rules"

log = logging.getLogger("mkdocs.hooks.rule_catalogue")

MISSING_NOTE = f"""!!! note "Not in this version"

    This page is made from the rule registry, `{REGISTRY}`, which this version of the
    toolkit does not have yet (nor `Quote.rule`, which comes with it). Until then, the rules
    are described in the [Quotations](../guide/quotations.md) guide.
"""

# Characters that would start Markdown inside a table cell; written as entities, they are text.
_MARKDOWN_SPECIALS = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_[]|{}#~"})


def slug(name: str) -> str:
    """An HTML id for a cascade or rule name.

    >>> slug("Speaker after the quotation")
    'speaker-after-the-quotation'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def cell(text: str) -> str:
    """Text for a Markdown table cell: escaped, on one line, never read as markup.

    >>> cell('a | b <i>*c*</i>')
    'a &#124; b &lt;i&gt;&#42;c&#42;&lt;/i&gt;'
    """
    return html.escape(re.sub(r"\s+", " ", text), quote=False).translate(_MARKDOWN_SPECIALS)


def highlighted(text: str, quote: str) -> str:
    """The example's text as a cell, the quotation in it marked.

    >>> highlighted('"We are ready," Ana Ruiz said.', "We are ready,")
    '"<mark>We are ready,</mark>" Ana Ruiz said.'
    """
    start = text.find(quote) if quote else -1
    if start < 0:
        return cell(text)
    end = start + len(quote)
    return f"{cell(text[:start])}<mark>{cell(quote)}</mark>{cell(text[end:])}"


def code_location(apply: Any, root: Path | None = None) -> str:
    """Where a rule's function is defined: ``module.name`` (``file``, line N) when known."""
    function = inspect.unwrap(apply)
    while isinstance(function, functools.partial):
        function = function.func
    module = getattr(function, "__module__", None)
    name = getattr(function, "__qualname__", None) or getattr(function, "__name__", None)
    if not module or not name:
        return ""
    where = f"`{module}.{name}`"
    try:
        path = Path(inspect.getsourcefile(function) or "")
        line = inspect.getsourcelines(function)[1]
    except (OSError, TypeError):
        return where
    if root is not None and path.is_relative_to(root):
        path = path.relative_to(root)
    elif path.is_absolute():  # never print a path outside the repository
        return where
    return f"{where} (`{path.as_posix()}`, line {line})"


def render_rule(number: int, rule: Any, cascade_id: str, root: Path | None) -> str:
    parts = [f"### {number}. `{rule.name}` {{#{cascade_id}-{slug(rule.name)}}}\n", rule.summary]
    location = code_location(rule.apply, root)
    if location:
        parts.append(f"Code: {location}")
    if rule.examples:
        rows = ["| Example | Quotation | Speaker |", "|---|---|---|"]
        for example in rule.examples:
            speaker = cell(example.speaker) if example.speaker else "none"
            rows.append(
                f"| {highlighted(example.text, example.quote)} | {cell(example.quote)} | {speaker} |"
            )
        parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


def render(cascades: Sequence[Any], root: Path | None = None) -> str:
    """The catalogue as Markdown: an overview table, then a section per cascade."""
    overview = ["| Cascade | Rules | What it decides |", "|---|---:|---|"]
    sections = []
    for cascade in cascades:
        cascade_id = slug(cascade.name)
        overview.append(
            f"| [{cell(cascade.name)}](#{cascade_id}) | {len(cascade.rules)} | {cell(cascade.summary)} |"
        )
        rules = [
            render_rule(number, rule, cascade_id, root)
            for number, rule in enumerate(cascade.rules, start=1)
        ]
        sections.append(
            f"## {cascade.name} {{#{cascade_id}}}\n\n{cascade.summary}\n\n" + "\n".join(rules)
        )
    return "\n".join(overview) + "\n\n" + "\n".join(sections)


def load_cascades() -> Sequence[Any] | None:
    """``CASCADES`` from the registry, or None while the toolkit has no registry module.

    Only a missing module is forgiven: a registry that fails to import fails the build.
    """
    if importlib.util.find_spec(REGISTRY) is None:
        return None
    return importlib.import_module(REGISTRY).CASCADES


def on_page_markdown(markdown: str, page, config, files) -> str:
    if MARKER not in markdown:
        return markdown
    cascades = load_cascades()
    if cascades is None:
        log.info("%s is missing: the rule catalogue page shows a note", REGISTRY)
        return markdown.replace(MARKER, MISSING_NOTE)
    root = Path(config["config_file_path"]).resolve().parent
    return markdown.replace(MARKER, render(cascades, root))
