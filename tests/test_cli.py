"""The `tutor` command, through click's runner."""

from __future__ import annotations

import yaml
from click.testing import CliRunner

from service.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_kb_validate_passes_on_the_real_knowledge_base():
    result = run("kb", "validate")
    assert result.exit_code == 0
    assert "all valid" in result.output


def test_kb_validate_lists_every_problem_and_exits_non_zero(tiny_knowledge):
    path = tiny_knowledge / "dl-basics.yaml"
    document = yaml.safe_load(path.read_text())
    document["entries"][0]["topic"] = "cooking"
    document["entries"][0]["related"] = ["nowhere"]
    path.write_text(yaml.safe_dump(document))
    result = CliRunner().invoke(main, ["kb", "validate", str(tiny_knowledge)])
    assert result.exit_code == 1
    assert "2 problem(s)" in result.output
    assert "field 'topic'" in result.output and "field 'related'" in result.output


def test_kb_show_prints_an_entry_readably():
    result = run("kb", "show", "gan-true-statements")
    assert result.exit_code == 0
    assert "gan-true-statements" in result.output
    assert "[TRUE ]" in result.output and "[false]" in result.output
    assert "Explanation" in result.output


def test_kb_show_unknown_id_fails_cleanly():
    result = CliRunner().invoke(main, ["kb", "show", "no-such-entry"])
    assert result.exit_code != 0
    assert "no-such-entry" in result.output


def test_ask_prints_the_reply_kind_and_text():
    result = run("ask", "params of a 3x3 conv from 64 to 128 channels")
    assert result.exit_code == 0
    assert "[calculation" in result.output and "73856" in result.output


def test_chat_keeps_the_session_between_lines():
    result = CliRunner().invoke(main, ["chat"], input="what is the cell state in an lstm\n"
                                                      "why?\nquit\n")
    assert result.exit_code == 0
    assert result.output.count("[answer lstm") == 2


def test_eval_prints_the_figures(tmp_path):
    cases = tmp_path / "cases.yaml"
    cases.write_text(yaml.safe_dump([
        {"q": "what is the cell state in an lstm", "expect": "lstm"},
        {"q": "recipe for banana bread", "expect": "fallback"},
        {"q": "params of a 3x3 conv from 64 to 128 channels", "expect": "calculation",
         "contains": ["73856"]},
    ]))
    result = run("eval", str(cases))
    assert result.exit_code == 0
    assert "in-scope top-1                       100.0%" in result.output
    assert "out-of-scope rejection               100.0%" in result.output
    assert "calculation accuracy                 100.0%" in result.output
