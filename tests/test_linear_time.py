"""Every regular expression applied to user text runs in linear time, and so does every reader.

A message that makes one pattern backtrack stalls a gunicorn worker for as long as the pattern
runs (one 144-character message once held both workers past their timeout). Each pattern below
is attacked with strings built from its own structure (tests/adversarial.py), and the time on
8 times the text must grow about 8 times, not 64 (quadratic) or without bound (exponential).
Patterns written inline in a function would escape this scan, so they are not allowed in these
modules: every pattern is a module-level constant.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import service
from service.channels.slack import mrkdwn
from service.channels.web import rendering
from service.core import calcparse, graphical, practice
from tests import adversarial as adv


def _modules_with_patterns() -> tuple:
    """Every module of the service that imports `re`: found, not listed, so that a module split
    in two or a new one cannot take its patterns out of the scan. (The migrations and the
    gunicorn settings are not imported: they run as they load.)"""
    names = sorted(info.name for info in pkgutil.walk_packages(service.__path__, "service.")
                   if ".migrations" not in info.name and info.name != "service.gunicorn_conf")
    modules = [importlib.import_module(name) for name in names]
    return tuple(module for module in modules if "re" in vars(module))


MODULES = _modules_with_patterns()
INLINE_CALLS = {"search", "match", "fullmatch", "sub", "subn", "findall", "finditer", "split",
                "compile"}


def _patterns(value, seen: set[int]):
    """Every compiled pattern in a module-level value (lists, tuples, dicts, sets nested)."""
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, list | tuple | set | frozenset) and id(value) not in seen:
        seen.add(id(value))
        for item in value:
            yield from _patterns(item, seen)
    elif isinstance(value, dict) and id(value) not in seen:
        seen.add(id(value))
        for key, item in value.items():
            yield from _patterns(key, seen)
            yield from _patterns(item, seen)


def _short(module) -> str:
    return module.__name__.removeprefix("service.")


def module_patterns() -> list[tuple[str, re.Pattern]]:
    found: dict[tuple[str, int], tuple[str, re.Pattern]] = {}
    for module in MODULES:
        seen: set[int] = set()
        for name, value in vars(module).items():
            for pattern in _patterns(value, seen):
                if isinstance(pattern.pattern, str):
                    found.setdefault((pattern.pattern, pattern.flags),
                                     (f"{_short(module)}.{name}", pattern))
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = module_patterns()


def test_the_scan_finds_the_patterns_of_every_module_that_has_some():
    modules = {label.rpartition(".")[0] for label, _ in PATTERNS}
    assert modules == {_short(m) for m in MODULES}
    assert {"core.textnorm", "core.dialogue", "channels.web.rendering"} <= modules
    assert len(PATTERNS) > 150
    # all of calcparse's patterns (107 when it was one module), wherever they now live
    assert sum(label.startswith("core.calcparse.") for label, _ in PATTERNS) >= 107


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_no_pattern_is_written_inline_where_the_scan_cannot_see_it(module):
    tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))
    inline = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and \
                    node.func.attr in INLINE_CALLS:
                inline.append(f"line {node.lineno}: re.{node.func.attr}")
    assert inline == []


@pytest.mark.parametrize(("label", "pattern"), PATTERNS, ids=[label for label, _ in PATTERNS])
def test_pattern_runs_in_linear_time(label, pattern):
    worst = adv.worst_growth(pattern)
    assert worst.linear(), (f"{label} /{pattern.pattern[:120]}/ took {worst.ratio:.0f}x the time "
                            f"on 8x the text: {worst.attack}")


# --- the adversary's own checks ----------------------------------------------------------------

@pytest.mark.parametrize("known_bad", [
    r"(a*)*b",                                   # nested repetition: exponential
    r"\[\s*\[[^\[\]]*\](?:\s*[,;]?\s*\[[^\[\]]*\])*\s*\]",   # the matrix pattern of issue 16
    r"kernel[\s_]*(?:size)?\s*(?:of)?\s*(\d+)",  # adjacent runs of spaces: cubic
    r"(\d+)\s*x",                                # a search restarting inside a run: quadratic
])
def test_the_adversary_catches_known_super_linear_patterns(known_bad):
    assert not adv.worst_growth(re.compile(known_bad)).linear()


def test_the_adversary_passes_a_linear_pattern():
    assert adv.worst_growth(re.compile(r"(?<!\d)(\d++)\s*+x")).linear()


# --- whole readers -----------------------------------------------------------------------------
# Work outside the patterns (loops over matches, slices, the matcher) must not grow faster than
# the text either. Messages are timed at about 240 and 1,920 characters: a chat message is at
# most 2,000, and a reader that stops at that limit (the factorisation reader's MAX_CHARACTERS)
# takes another path above it. Timed at 256 and 2,048, "p(x|z) = p(z" + "1" * n was drawn as a
# factorisation at the small size (0.2 ms) and went through the whole tutor at the large one
# (5-9 ms, linear from there on: 10 ms at 4,096): a step at the limit read as 24-27x growth,
# which failed about one run in three on a shared machine.
MESSAGE_SIZE = 240

@pytest.fixture(scope="module")
def tutor(knowledge_base):
    from service.core.dialogue import Tutor
    from service.core.sessions import MemorySessionStore

    return Tutor(knowledge_base, MemorySessionStore(), max_message_length=4096)


def _readers(tutor):
    from service.core.practice import read_choices, read_number, read_size, read_verdict

    def after_a_calculation(text):
        first = tutor.respond("output size for 28x28 input, 5x5 kernel, stride 2")
        tutor.respond(text, first.session_id)

    def graded(read):
        def run(text):
            try:
                read(text)
            except practice.AnswerShapeError:
                pass
        return run

    def drawn(text):
        try:
            graphical.build_graph(graphical.find_factorisations(text) or [text])
        except graphical.FactorisationError:
            pass

    return {
        "Tutor.respond": lambda text: tutor.respond(text),
        "Tutor.respond after a calculation": after_a_calculation,
        "parse_calculation": calcparse.parse_calculation,
        "Matcher.search": tutor.matcher.search,
        "read_practice_request": lambda text: practice.read_practice_request(text.lower()),
        "read_number": graded(read_number),
        "read_size": graded(read_size),
        "read_verdict": graded(read_verdict),
        "read_choices": graded(lambda text: read_choices(text, 5)),
        "graphical": drawn,
        "mrkdwn.message_text": mrkdwn.message_text,
        "mrkdwn.to_mrkdwn": mrkdwn.to_mrkdwn,
        "rendering.reply_html": rendering.reply_html,
    }


READERS = ("Tutor.respond", "Tutor.respond after a calculation", "parse_calculation",
           "Matcher.search", "read_practice_request", "read_number", "read_size", "read_verdict",
           "read_choices", "graphical", "mrkdwn.message_text", "mrkdwn.to_mrkdwn",
           "rendering.reply_html")


@pytest.mark.parametrize("reader", READERS)
def test_reader_runs_in_linear_time_on_adversarial_messages(tutor, reader):
    run = _readers(tutor)[reader]
    worst = adv.worst_of(run, adv.message_attacks(), size=MESSAGE_SIZE, budget=5.0)
    assert worst.linear(floor=0.005), (f"{reader} took {worst.ratio:.0f}x the time on 8x the "
                                       f"text: {worst.attack}")
