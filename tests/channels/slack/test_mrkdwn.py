"""Slack's mrkdwn both ways: the tutor's Markdown written as mrkdwn, a user's text read."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from service.channels.slack.mrkdwn import message_text, to_mrkdwn
from tests.channels.test_unicode_math import LATEXISH, PRIVATE_USE, entry_texts

BACKSLASH_COMMAND = re.compile(r"\\[A-Za-z]")


# --- Markdown to mrkdwn ------------------------------------------------------------------------


@pytest.mark.parametrize(("markdown", "mrkdwn"), [
    ("**Verdict: explode.** With", "*Verdict: explode.* With"),
    ("an *equivariant* map", "an _equivariant_ map"),
    ("_Ask *why?* for the explanation, *show the formula*._",
     "_Ask “why?” for the explanation, “show the formula”._"),
    ("- one\n- two", "• one\n• two"),
    ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
    ("the `padding=\"same\"` argument", "the `padding=\"same\"` argument"),
    ("costs \\$5, not $x_1$", "costs $5, not x₁"),
    ("if $\\rho < 1$ then", "if ρ &lt; 1 then"),
    ("see [the notes](https://example.edu/notes)", "see <https://example.edu/notes|the notes>"),
    ("snake_case_name stays", "snake_case_name stays"),
])
def test_markdown_becomes_slack_mrkdwn(markdown, mrkdwn):
    assert to_mrkdwn(markdown) == mrkdwn


def test_display_math_becomes_a_preformatted_line():
    text = to_mrkdwn("the length is\n$$\\text{out} = \\frac{n}{s},$$\nso")
    assert "```out = n/s,```" in text.splitlines()


def test_every_knowledge_base_text_becomes_mrkdwn_without_commands(knowledge_base):
    for entry in knowledge_base.entries.values():
        for text in entry_texts(entry):
            mrkdwn = to_mrkdwn(text)
            assert not BACKSLASH_COMMAND.search(mrkdwn), (entry.id, mrkdwn)
            assert "$" not in mrkdwn.replace("\\$", ""), (entry.id, mrkdwn)


@settings(max_examples=500, deadline=None)
@given(LATEXISH)
def test_any_latex_in_markdown_becomes_mrkdwn_without_commands(latex):
    mrkdwn = to_mrkdwn(f"before ${latex}$ between $${latex}$$ after {latex}")
    outside_code = re.sub(r"```.*?```|`[^`\n]+`", "", mrkdwn, flags=re.S)
    assert not BACKSLASH_COMMAND.search(outside_code) and not PRIVATE_USE.search(mrkdwn)


# --- reading Slack's text ----------------------------------------------------------------------


@pytest.mark.parametrize(("slack", "plain"), [
    ("<@U0TUTORBOT> what is max pooling?", "what is max pooling?"),
    ("<@U0TUTORBOT|tutor>   why?", "why?"),
    ("is 3 &lt; 5 &amp;&amp; 5 &gt; 2", "is 3 < 5 && 5 > 2"),
    ("see <https://example.edu|the notes> in <#C123|general>", "see the notes in general"),
    ("<!here> anyone?", "anyone?"),
    ("", ""),
])
def test_slack_text_is_read_as_plain_text(slack, plain):
    assert message_text(slack) == plain
