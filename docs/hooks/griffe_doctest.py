"""Griffe extension: the toolkit's docstrings, written for ``help()`` and doctest, as Markdown.

The docstrings are plain prose with doctest examples and a few Sphinx roles. Rendered as
Markdown as they are, ``>>>`` lines become nested block quotes and ``:func:`x``` shows its role.
This extension, loaded by mkdocstrings (``mkdocs.yml``), rewrites each docstring before it is
rendered:

>>> to_markdown("Pairs the marks (:func:`~toolkit.quotes._marks.quoted_spans`)::\\n\\n"
...             ">>> 1 + 1\\n2\\n\\nThen more.").splitlines()
['Pairs the marks (`quoted_spans`):', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'Then more.']
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:func|class|meth|attr|data|mod|exc|obj|const|py:\w+):`(~?)([^`]+)`")


def _role_to_code(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"


def _fence_doctests(lines: list[str]) -> list[str]:
    """Wrap each run of doctest lines that starts at the left margin in a ``pycon`` fence."""
    out: list[str] = []
    in_example = False
    for line in lines:
        if not in_example and line.startswith(">>>"):
            if out and out[-1].strip():
                out.append("")
            out.append("```pycon")
            in_example = True
        elif in_example and not line.strip():
            out.append("```")
            in_example = False
        out.append(line)
    if in_example:
        out.append("```")
    return out


def to_markdown(docstring: str) -> str:
    """The docstring with roles as code spans, ``::`` as ``:`` and doctests fenced."""
    text = _ROLE.sub(_role_to_code, docstring)
    text = re.sub(r"::$", ":", text, flags=re.MULTILINE)
    return "\n".join(_fence_doctests(text.split("\n")))


class DoctestMarkdown(griffe.Extension):
    """Rewrite every docstring of the loaded objects with :func:`to_markdown`."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = to_markdown(obj.docstring.value)
