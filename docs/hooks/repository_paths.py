"""MkDocs hook: no page may name a path outside the repository.

The docs describe the toolkit, not one machine: data that is not shipped is "the evaluation
data" or "a corpus", given to a command by its argument or option. A page that names a path
such as one beside the checkout (``../``) or under ``/home/`` or ``/tmp/`` gets a build warning, which
``mkdocs build --strict`` turns into a failure. Generated pages (API, command line, rule
catalogue) are checked too, since docstrings and help texts end up on them.
"""

from __future__ import annotations

import logging
import re

log = logging.getLogger("mkdocs.hooks.repository_paths")

#: Paths that point outside a checkout of the repository. (NLTK's default ``~/nltk_data`` is
#: allowed: it is where NLTK looks on any machine, not a place on this one.)
OUTSIDE = re.compile(
    r"(?<![\w.])(?:\.\./)+[\w.\-/]*"  # ../anything: beside or above the checkout
    r"|(?<![\w:/.])/(?:work|tmp|home|Users|root|mnt|data|srv|opt|var)/[\w.\-/]*"  # absolute
    r"|\b[A-Z]:\\\\"  # a Windows drive
)

#: Paths shown as hostile input, not as places (``slugify``'s docstring).
ALLOWED = frozenset({"../../etc/passwd"})


def outside_paths(text: str) -> list[str]:
    """The paths outside the repository that ``text`` names.

    >>> outside_paths("read ../shared/eval/x.jsonl or /tmp/out, not docs/report.png")
    ['../shared/eval/x.jsonl', '/tmp/out']
    >>> outside_paths("https://example.org/home/ and toolkit/lang/data/ are fine")
    []
    """
    return [m.group() for m in OUTSIDE.finditer(text) if m.group() not in ALLOWED]


def without_links(text: str) -> str:
    """Markdown or HTML without its link targets, which MkDocs checks stay inside the site
    (``../guide/x.md`` is a page, not a place on a machine): what readers see remains.

    >>> without_links('See [the guide](../guide/x.md) or <a href="../x/">this</a>.')
    'See [the guide] or <a>this</a>.'
    """
    return re.sub(
        r'\]\([^)]*\)|\s(?:href|src)="[^"]*"', lambda m: "]" if m.group()[0] == "]" else "", text
    )


def on_page_content(html: str, page, config, files) -> str:
    for found in sorted(set(outside_paths(without_links(html)))):
        log.warning("%s names a path outside the repository: %s", page.file.src_uri, found)
    return html
