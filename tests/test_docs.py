"""The README and the documentation site stay true: their examples run, their pages name no
path outside the repository, and the hooks that print the CLI reference and the rule catalogue
work (the catalogue on a small registry written here)."""

from __future__ import annotations

import doctest
import importlib.machinery
import importlib.util
import re
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

import toolkit
from toolkit.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "docs" / "hooks"
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
TEXTS = [*PAGES, ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md"]
#: Pages whose examples print figures that count syllables with CMUdict.
NEEDS_CMUDICT = {"statistics.md"}


def load_hook(name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(f"docs_hook_{name}", HOOKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def examples(page: Path) -> str:
    """The page's ``pycon`` code blocks, one after the other (they share one namespace)."""
    blocks = re.findall(r"^```pycon\n(.*?)^```", page.read_text(encoding="utf-8"), re.M | re.S)
    return "\n".join(blocks)


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_readme_is_short_and_starts_with_the_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) <= 10 * 1024
    opening = readme[:1200]
    for command in ('pip install -e ".[dev]"', "toolkit report seeds/ --out reports/"):
        assert command in opening
    assert "python -m pytest" in opening
    assert "mkdocs serve" in readme


@pytest.mark.parametrize("path", TEXTS, ids=relative)
def test_no_path_outside_the_repository(path):
    hook = load_hook("repository_paths")
    assert hook.outside_paths(hook.without_links(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("page", [p for p in PAGES if examples(p)], ids=relative)
def test_examples_run(page, monkeypatch):
    from toolkit.lang import nltk_data

    if page.name in NEEDS_CMUDICT and not nltk_data.have("cmudict"):
        pytest.skip("its figures count syllables with CMUdict (toolkit setup)")
    monkeypatch.chdir(ROOT)  # examples read seeds/ as a user in a checkout would
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples(page), {"toolkit": toolkit}, relative(page), str(page), 0)
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.REPORT_NDIFF
    )
    runner.run(test, out=sys.stdout.write)
    assert runner.failures == 0, f"{runner.failures} example(s) of {relative(page)} failed"


@pytest.mark.parametrize(
    "name", ["cli_reference", "griffe_doctest", "repository_paths", "rule_catalogue"]
)
def test_hook_docstrings(name):
    assert doctest.testmod(load_hook(name)).failed == 0


def test_cli_reference_has_every_command():
    page = load_hook("cli_reference").render(build_parser())
    headings = re.findall(r"^#+ `(.+)`$", page, re.M)
    assert headings[0] == "toolkit"
    expected = {"toolkit setup", "toolkit stats", "toolkit eval quotes", "toolkit report"}
    assert expected <= set(headings)
    assert len(headings) == len(set(headings))  # each command once
    assert "--workers" in page


# A registry of the shape toolkit.quotes.rules has, small and invented for the test.
@dataclass(frozen=True)
class Example:
    text: str
    quote: str
    speaker: str | None


@dataclass(frozen=True)
class Rule:
    name: str
    summary: str
    examples: tuple[Example, ...]
    apply: object


@dataclass(frozen=True)
class Cascade:
    name: str
    summary: str
    rules: tuple[Rule, ...]


def said_after(tokens):
    """Stand-in for a rule's function."""


FAKE_CASCADES = (
    Cascade(
        "Speaker rules",
        "Who said a quotation, tried in order.",
        (
            Rule(
                "said after",
                "The cue and the speaker follow the quotation.",
                (Example('"We will appeal," said Tom Reyes.', "We will appeal,", "Tom Reyes"),),
                said_after,
            ),
            Rule("no speaker", "Nobody is named | yet.", (), lambda tokens: None),
        ),
    ),
    Cascade(
        "Reported clauses",
        "Which clauses are reported speech.",
        (
            Rule(
                "hedge",
                "A view that no one is named as holding.",
                (Example("The ferry is expected to sail in <May>.", "to sail in <May>", None),),
                said_after,
            ),
        ),
    ),
)


def test_rule_catalogue_renders_cascades_in_order():
    page = load_hook("rule_catalogue").render(FAKE_CASCADES, ROOT)
    headings = re.findall(r"^(#+ .+?) \{#([\w-]+)\}$", page, re.M)
    assert headings == [
        ("## Speaker rules", "speaker-rules"),
        ("### 1. `said after`", "speaker-rules-said-after"),
        ("### 2. `no speaker`", "speaker-rules-no-speaker"),
        ("## Reported clauses", "reported-clauses"),
        ("### 1. `hedge`", "reported-clauses-hedge"),
    ]
    assert "| [Speaker rules](#speaker-rules) | 2 | Who said a quotation, tried in order. |" in page
    assert (
        '| "<mark>We will appeal,</mark>" said Tom Reyes. | We will appeal, | Tom Reyes |' in page
    )
    # example text is escaped, a missing speaker says so
    assert (
        "| The ferry is expected <mark>to sail in &lt;May&gt;</mark>. | to sail in &lt;May&gt; | none |"
        in page
    )
    # where each rule's code is, as a path inside the repository
    assert f"Code: `{__name__}.said_after` (`tests/test_docs.py`, line " in page
    assert "Nobody is named | yet." in page  # summaries are Markdown, kept as written


def test_rule_catalogue_page_while_the_registry_is_missing(monkeypatch):
    hook = load_hook("rule_catalogue")
    monkeypatch.setattr(hook, "REGISTRY", "toolkit.no_such_registry")
    page = hook.on_page_markdown(f"# Rules\n\n{hook.MARKER}\n", None, {}, None)
    assert '!!! note "Not in this version"' in page
    assert hook.MARKER not in page


def test_rule_catalogue_page_from_a_registry(monkeypatch, tmp_path):
    hook = load_hook("rule_catalogue")
    registry = types.ModuleType("toolkit_fake_rules")
    registry.__spec__ = importlib.machinery.ModuleSpec("toolkit_fake_rules", None)
    registry.CASCADES = FAKE_CASCADES
    monkeypatch.setitem(sys.modules, "toolkit_fake_rules", registry)
    monkeypatch.setattr(hook, "REGISTRY", "toolkit_fake_rules")
    config = {"config_file_path": str(ROOT / "mkdocs.yml")}
    page = hook.on_page_markdown(f"# Rules\n\n{hook.MARKER}\n", None, config, None)
    assert "### 1. `said after` {#speaker-rules-said-after}" in page
