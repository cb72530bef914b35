"""The `tutor` command, through click's runner."""

from __future__ import annotations

import re

import pytest
import yaml
from click.testing import CliRunner

from service import config
from service.cli import main, reply_label, terminal_text
from service.core.matcher import Match
from service.core.reply import Reply
from service.knowledge.loading import load_knowledge_base


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
    assert result.output.startswith("gan-true-statements · gan · seed Q8\n")
    assert " 1 False. " in result.output and " 2 True. " in result.output
    assert "Explanation\n" in result.output and "How students ask it\n" in result.output
    assert "\x1b[" not in result.output  # styling only on a terminal


@pytest.mark.parametrize("entry_id", [e.id for e in load_knowledge_base(config.KNOWLEDGE_DIR)
                                      .entries.values()])
def test_kb_show_renders_the_markdown_and_every_formula(entry_id):
    output = run("kb", "show", entry_id).output
    assert "$" not in output.replace("\\$", "")  # no formula left as LaTeX
    assert not re.search(r"\\[A-Za-z]", output)  # no LaTeX command
    assert "**" not in output  # bold is rendered, not shown


def test_terminal_text_reads_maths_as_the_slack_channel_does():
    from service.channels.unicode_math import latex_to_unicode

    text = terminal_text("The hidden state $W_h h_{t-1}$ and $x_{data}$, **bold**.")
    assert latex_to_unicode("W_h h_{t-1}") in text and "Wₕ hₜ₋₁" in text
    assert "x_data" in text and "**" not in text  # a literal underscore, not emphasis
    shown = terminal_text("so\n$$\\frac{a+b}{c}$$\nthen more").splitlines()
    assert shown == ["so", "  " + latex_to_unicode("\\frac{a+b}{c}"), "then more"]
    assert terminal_text("$$x^2$$").strip() == "x²"
    styled = terminal_text("**bold**")
    assert "\x1b[1m" in styled and styled.rstrip().endswith("\x1b[0m")


def test_kb_list_lists_every_entry_or_one_topic():
    knowledge_base = load_knowledge_base(config.KNOWLEDGE_DIR)
    listing = run("kb", "list").output
    assert all(entry_id in listing for entry_id in knowledge_base.entries)
    assert "rnn (" in listing and "gan (" in listing
    gan = run("kb", "list", "--topic", "gan").output
    assert gan.startswith(f"gan ({len(knowledge_base.by_topic('gan'))})")
    assert all(e.id in gan for e in knowledge_base.by_topic("gan"))
    assert "stride" not in gan.split() and "$" not in gan
    assert CliRunner().invoke(main, ["kb", "list", "--topic", "cooking"]).exit_code == 2


def test_ask_prints_a_plain_label_and_the_reply():
    result = run("ask", "params of a 3x3 conv from 64 to 128 channels")
    assert result.exit_code == 0
    assert result.output.startswith("Calculation · calculator params\n")
    assert "73856" in result.output and "$" not in result.output


def test_chat_keeps_the_session_between_lines():
    result = CliRunner().invoke(main, ["chat"], input="what is the cell state in an lstm\n"
                                                      "why?\nquit\n")
    assert result.exit_code == 0
    assert result.output.count("Answer · entry lstm · confidence") == 2


@pytest.mark.parametrize(("reply", "label"), [
    (Reply("answer", "", "s", "lstm", 0.9), "Answer"),
    (Reply("calculation", "", "s", confidence=1.0), "Calculation"),
    (Reply("clarify", "", "s", suggestions=[Match("lstm", "q", 0.5)]), "Did you mean…?"),
    (Reply("clarify", "", "s"), "Question back"),
    (Reply("clarify", "", "s", practice={"id": "x"}), "Practice question"),
    (Reply("answer", "", "s", practice={"result": {}}), "Practice, graded"),
    (Reply("fallback", "", "s"), "Not in the knowledge base"),
    (Reply("fallback", "", "s", small_talk=True), "Tutor"),
])
def test_reply_kinds_have_plain_labels(reply, label):
    assert reply_label(reply) == label


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


@pytest.mark.parametrize(("host", "url"), [
    ("127.0.0.1", "http://127.0.0.1:8000"), ("0.0.0.0", "http://127.0.0.1:8000"),
    ("::", "http://[::1]:8000"), ("tutor.example.edu", "http://tutor.example.edu:8000")])
def test_serve_prints_where_to_open_the_tutor(monkeypatch, host, url):
    started = []
    monkeypatch.setattr("service.cli.os.execv", lambda path, args: started.append(args))
    result = CliRunner().invoke(main, ["serve", "--host", host, "--port", "8000"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    for path in ("/", "/demo", "/docs"):
        assert any(line.split()[0] == url + path for line in lines[1:]), result.output
    [args] = started
    assert args[args.index("--bind") + 1] == f"{host}:8000"
