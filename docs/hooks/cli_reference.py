"""MkDocs hook: the command-line reference, printed from the parser itself.

``docs/reference/cli.md`` holds the marker ``<!-- cli-reference -->``; at build time it is
replaced by the ``--help`` of ``toolkit`` and of every subcommand, walked from
``toolkit.cli.build_parser()``, so the page cannot drift from the code.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Iterator

MARKER = "<!-- cli-reference -->"
#: Help is wrapped at this width whatever the terminal that builds the site.
WIDTH = 96


def walk(
    parser: argparse.ArgumentParser, depth: int = 0
) -> Iterator[tuple[int, argparse.ArgumentParser]]:
    """``(depth, parser)`` for ``parser`` and each of its subcommands, in the order they were added."""
    yield depth, parser
    seen: set[int] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                if id(sub) not in seen:  # an alias maps to the same parser
                    seen.add(id(sub))
                    yield from walk(sub, depth + 1)


def help_text(parser: argparse.ArgumentParser) -> str:
    """``parser.format_help()`` at :data:`WIDTH` columns, with the parser's own formatter class."""
    formatter_class = parser.formatter_class
    parser.formatter_class = functools.partial(formatter_class, width=WIDTH)
    try:
        return parser.format_help().rstrip()
    finally:
        parser.formatter_class = formatter_class


def render(parser: argparse.ArgumentParser) -> str:
    """A Markdown section per command: ``toolkit``, ``toolkit eval``, ``toolkit eval quotes``..."""
    sections = []
    for depth, command in walk(parser):
        heading = "#" * min(depth + 2, 6)
        sections.append(f"{heading} `{command.prog}`\n\n```text\n{help_text(command)}\n```\n")
    return "\n".join(sections)


def on_page_markdown(markdown: str, page, config, files) -> str:
    if MARKER not in markdown:
        return markdown
    from toolkit.cli import build_parser

    return markdown.replace(MARKER, render(build_parser()))
