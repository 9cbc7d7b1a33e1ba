"""The ``toolkit`` command: a thin layer over the library.

Every subcommand that reads articles takes files, folders and globs, prints one line per bad
input to stderr (``error: <path>: <problem>``), carries on with the rest, and exits 1 at the
end if any input failed. Each command family registers its own subcommands: ``_setup``,
``_articles`` (stats, actors, quotes), ``_eval``, ``_batch`` (corpus, report).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from toolkit._version import __version__
from toolkit.cli import _articles, _batch, _eval, _setup

__all__ = ["build_parser", "main"]

#: Command families in the order ``toolkit --help`` lists them.
_FAMILIES = (_setup, _articles, _eval, _batch)


def build_parser() -> argparse.ArgumentParser:
    """The ``toolkit`` argument parser, with every subcommand (the CLI reference is made from it)."""
    parser = argparse.ArgumentParser(
        prog="toolkit",
        description="Read news articles at scale: statistics, actors, quotations, reports.",
    )
    parser.add_argument("--version", action="version", version=f"toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for family in _FAMILIES:
        family.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except (ValueError, OSError) as exc:  # bad gold files, unwritable output folders...
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
