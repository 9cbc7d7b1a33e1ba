"""The language-data layer: one loader for the files of toolkit/lang/data, two formats (word
list, table), declared word classes, and one cache emptied by one call."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import toolkit
from toolkit import lang
from toolkit.lang import LanguageDataError

DATA = Path(lang.__file__).parent / "data"


@pytest.fixture
def data_folder(tmp_path, monkeypatch):
    """Data files written by the test, read by the real loader; forgotten afterwards."""
    lang.clear_cache()  # a shipped file of the same name may have been loaded
    monkeypatch.setattr(lang._files, "data_path", lambda name: tmp_path / name)

    def write(name: str, text: str) -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        return name

    yield write
    monkeypatch.undo()
    lang.clear_cache()


# --- formats ----------------------------------------------------------------------------------


def test_comments_and_blank_lines_are_the_same_in_word_lists_and_tables(data_folder):
    header = "# Harbour words.\n# Source: written for the test. Licence: MIT.\n\n"
    words = data_folder("harbour_words.txt", header + "quay  # a comment after an entry\n\nferry\n")
    rows = data_folder(
        "harbour_roles.tsv",
        header
        + "word\trole\n# a comment between rows\nquay\tplace  # after a row\n\nferry\tboat\n",
    )
    assert lang.read_lines(words) == ("quay", "ferry")
    assert lang.table(rows, ("word", "role")) == (("quay", "place"), ("ferry", "boat"))


def test_a_word_list_entry_may_hold_spaces_but_no_tab(data_folder):
    assert lang.read_lines(data_folder("ports.txt", "Port Talbot\n  Kingston upon Hull \n")) == (
        "Port Talbot",
        "Kingston upon Hull",
    )
    with pytest.raises(LanguageDataError, match=r"tabbed\.txt, line 2: a tab in a word list"):
        lang.read_lines(data_folder("tabbed.txt", "quay\nferry\tboat\n"))


def test_word_set_is_lower_cased_unless_asked_not_to(data_folder):
    name = data_folder("crews.txt", "Skipper\nmate\n")
    assert lang.word_set(name) == {"skipper", "mate"}
    assert lang.word_set(name, lower=False) == {"Skipper", "mate"}


def test_missing_cells_at_the_end_of_a_row_are_empty(data_folder):
    name = data_folder("boats.tsv", "name\taliases\tport\nMarina Star\nHarbour Queen\tQueenie\n")
    assert lang.table(name, ("name", "aliases", "port")) == (
        ("Marina Star", "", ""),
        ("Harbour Queen", "Queenie", ""),
    )


def test_a_table_header_must_name_the_expected_columns(data_folder):
    name = data_folder("berths.tsv", "# Berths.\nberth\tlength\nA1\t40\n")
    assert lang.table(name, ("berth", "length")) == (("A1", "40"),)
    with pytest.raises(LanguageDataError, match=r"berths\.tsv, line 2: header names berth, length"):
        lang.table(name, ("berth", "metres"))


def test_a_row_with_too_many_cells_or_no_first_cell_fails(data_folder):
    name = data_folder("tides.tsv", "port\ttide\nDover\thigh\tlow\n")
    with pytest.raises(LanguageDataError, match=r"tides\.tsv, line 2: 3 cells for 2 columns"):
        lang.table(name, ("port", "tide"))
    name = data_folder("gaps.tsv", "port\ttide\n\thigh\n")
    with pytest.raises(LanguageDataError, match=r"gaps\.tsv, line 2: empty port"):
        lang.table(name, ("port", "tide"))


def test_a_missing_file_is_a_one_line_error():
    with pytest.raises(LanguageDataError, match=r"^toolkit/lang/data/no_such_list\.txt: no such"):
        lang.read_lines("no_such_list.txt")
    with pytest.raises(LanguageDataError, match="not a word list"):
        lang.read_lines("actor_titles.tsv")


# --- declared classes ----------------------------------------------------------------------


def test_an_unknown_class_value_fails_when_the_table_loads(data_folder):
    name = data_folder("roles.tsv", "word\trole\nquay\tplace\nferry\tbaot\n")
    with pytest.raises(
        LanguageDataError,
        match=r"roles\.tsv, line 3: unknown role 'baot' \(declared: boat, place\); "
        r"did you mean 'boat'\?",
    ):
        lang.table(name, ("word", "role"), {"role": ("place", "boat")})


@dataclass(frozen=True)
class HarbourWords:
    vessel: frozenset[str]
    crew: frozenset[str]


def test_word_classes_load_into_their_declaration(data_folder):
    name = data_folder(
        "harbour_classes.tsv", "class\tword\nvessel\tFerry\nvessel\ttug\ncrew\tmate\n"
    )
    words = lang.classes(name, HarbourWords, lower=True)
    assert words.vessel == {"ferry", "tug"} and words.crew == {"mate"}


def test_an_undeclared_class_fails_when_the_file_loads(data_folder):
    name = data_folder("misspelt.tsv", "class\tword\nvessel\tferry\ncrw\tmate\n")
    with pytest.raises(
        LanguageDataError, match=r"line 3: unknown class 'crw'.*did you mean 'crew'"
    ):
        lang.classes(name, HarbourWords)


def test_a_declared_class_without_words_fails_when_the_file_loads(data_folder):
    name = data_folder("no_crew.tsv", "class\tword\nvessel\tferry\n")
    with pytest.raises(
        LanguageDataError, match=r"no words for the declared class.* crew of HarbourWords"
    ):
        lang.classes(name, HarbourWords)


def test_quote_word_classes_read_as_attributes():
    from toolkit.quotes._lexicon import WORD_CLASSES, lexicon

    lex = lexicon()
    assert "june" in lex.classes.calendar
    assert len(WORD_CLASSES) == 80
    with pytest.raises(AttributeError, match="calender"):
        lex.classes.calender  # noqa: B018


def _class_names_used_in(source: str) -> set[str]:
    """Word classes the code reads: ``words["name"]`` and ``classes.name``."""
    used = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Subscript) and _is_words(node.value):
            if isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                used.add(node.slice.value)
        elif isinstance(node, ast.Attribute) and _is_words(node.value):
            used.add(node.attr)
    return used


def _is_words(node: ast.AST) -> bool:
    names = ("words", "classes")
    return (isinstance(node, ast.Attribute) and node.attr in names) or (
        isinstance(node, ast.Name) and node.id in names
    )


def test_every_word_class_the_quotation_code_reads_is_declared():
    """A misspelt class in a rule that rarely runs fails here, not in a user's batch."""
    from toolkit.quotes._lexicon import WORD_CLASSES

    folder = Path(toolkit.__file__).parent / "quotes"
    used = set()
    for path in folder.rglob("*.py"):
        used |= _class_names_used_in(path.read_text(encoding="utf-8"))
    assert len(used) > 60
    assert used - set(WORD_CLASSES) == set()
    assert _class_names_used_in('lex.words["calender"] | lex.classes.tiem') == {"calender", "tiem"}


# --- verbs ---------------------------------------------------------------------------------


def test_a_verb_is_one_row_with_its_class_object_and_infinitive():
    verbs = {verb.base: verb for verb in lang.verbs()}
    assert verbs["say"].forms == ("say", "said", "says", "saying")
    assert (verbs["urge"].cls, verbs["urge"].takes_object, verbs["urge"].takes_infinitive) == (
        "speech",
        True,
        True,
    )
    assert (verbs["believe"].cls, verbs["believe"].takes_object) == ("cognition", False)
    assert {verb.cls for verb in verbs.values()} == set(lang.VERB_CLASSES)


def test_a_verb_form_in_two_rows_fails_when_the_verbs_load(data_folder):
    data_folder(
        "quote_verbs.tsv",
        "forms\tclass\ttakes_object\ttakes_infinitive\n"
        "agree agreed agrees agreeing\tspeech\tno\tno\n"
        "agree agreed agrees agreeing\tintention\tno\tno\n",
    )
    with pytest.raises(LanguageDataError, match="'agree' of 'agree' is also in the row of 'agree'"):
        lang.verbs()


def test_an_unknown_verb_class_fails_when_the_verbs_load(data_folder):
    data_folder(
        "quote_verbs.tsv",
        "forms\tclass\ttakes_object\ttakes_infinitive\nquip quipped quips\tspeach\tno\tno\n",
    )
    with pytest.raises(LanguageDataError, match=r"line 2: unknown class 'speach'.*'speech'"):
        lang.verbs()


def test_the_grammar_and_the_actor_finder_read_the_same_verb_table():
    from toolkit.actors._lexicon import lexicon as actor_lexicon
    from toolkit.quotes._lexicon import lexicon as quote_lexicon

    forms = quote_lexicon().forms
    assert forms["told"] == ("tell", "speech") and forms["believes"] == ("believe", "cognition")
    assert {"urge", "tell"} <= quote_lexicon().with_infinitive
    speech = actor_lexicon().speech_verbs
    assert {"said", "says", "told"} <= speech and not {"say", "saying", "believes"} & speech


# --- every shipped file ----------------------------------------------------------------------


def _header(path: Path) -> str:
    text = lang._files._text(path.name)
    return "\n".join(line for line in text.splitlines()[:40] if line.startswith("#"))


@pytest.mark.parametrize("path", sorted(DATA.iterdir()), ids=lambda p: p.name)
def test_every_data_file_has_a_known_format_and_states_its_source_and_licence(path):
    assert path.name.endswith((".txt", ".txt.gz", ".tsv")), "a word list (.txt) or a table (.tsv)"
    header = _header(path)
    assert "Source:" in header and "Licence:" in header
    if path.name.endswith(".tsv"):
        columns = next(
            line.split("#", 1)[0]
            for line in lang._files._text(path.name).splitlines()
            if line.split("#", 1)[0].strip()
        ).split("\t")
        assert all(re.fullmatch(r"[a-z_]+", column) for column in columns), columns
        assert lang.table(path.name, columns)
    else:
        assert lang.read_lines(path.name)


# --- the one cache ---------------------------------------------------------------------------


def test_clear_cache_empties_every_loader_in_one_call():
    toolkit.analyze("Talks resume in Geneva.\n\nThe minister, Anna Keller, said they would.")
    toolkit.text_stats("Talks resumed on Monday.")
    assert lang.CACHE.size() > 10
    loaded = [name for name in lang.CACHE.names() if lang.CACHE.size(name)]
    assert {
        "toolkit.actors._lexicon.lexicon",
        "toolkit.quotes._lexicon.lexicon",
        "toolkit.text.syllables._default_counter",
        "toolkit.text.stats._WORD_CACHE",
        "toolkit.lang._files.read_lines",
    } <= set(loaded)
    lang.clear_cache()
    assert lang.CACHE.size() == 0
    assert [name for name in lang.CACHE.names() if lang.CACHE.size(name)] == []


def _toolkit_modules():
    for info in pkgutil.walk_packages(toolkit.__path__, "toolkit."):
        if info.name.endswith("__main__"):
            continue
        try:
            yield importlib.import_module(info.name)
        except ImportError:  # an optional dependency is missing: nothing of it is loaded
            continue


def test_every_cached_function_of_the_toolkit_is_in_the_one_cache():
    """A ``functools.cache`` of its own would survive clear_cache(): use toolkit.lang.cached."""
    modules = list(_toolkit_modules())  # imported first: importing registers their loaders
    registered = set(lang.CACHE.names())
    stray = []
    for module in modules:
        for value in vars(module).values():
            name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
            clears = callable(getattr(value, "cache_clear", None))
            if clears and value.__module__ == module.__name__ and name not in registered:
                stray.append(name)
    assert stray == []
