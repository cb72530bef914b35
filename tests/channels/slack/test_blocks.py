"""Block Kit: replies rendered as sections and buttons, within Slack's limits."""

from __future__ import annotations

import json
import re

import pytest

from service.channels.slack.blocks import render_reply
from service.channels.unicode_math import latex_to_unicode
from service.core.matcher import Match
from service.core.reply import Reply
from tests.channels.slack.helpers import buttons, strings
from tests.channels.test_unicode_math import PRIVATE_USE


@pytest.fixture(scope="module")
def tutor(app):
    """The app's tutor (real knowledge base); each test uses its own session ids."""
    return app.extensions["tutor"]


def test_an_answer_has_explain_related_and_suggestion_buttons(tutor, knowledge_base):
    reply = tutor.respond("what does the stride of a convolution do", "slack:T1:C1:1.1",
                          channel="slack")
    assert reply.kind == "answer" and reply.suggestions
    message = render_reply(reply)
    sections = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    assert sections[0].startswith("*What does the stride")
    assert "```out = ⌊(n + 2p - k)/s⌋ + 1,```" in sections[0]
    labels = buttons(message)
    assert {"Explain more", "Related"} <= set(labels)
    assert json.loads(labels["Explain more"]["value"]) == {"s": "slack:T1:C1:1.1",
                                                           "m": "explain more"}
    suggested = [b for b in labels.values() if b["action_id"].startswith("tutor_suggestion")]
    assert [json.loads(b["value"])["e"] for b in suggested] == \
        [s.entry_id for s in reply.suggestions[:3]]
    for button in suggested:
        question = knowledge_base.get(json.loads(button["value"])["e"]).question
        assert len(button["text"]["text"]) <= 75
        assert button["text"]["text"].rstrip("…")[:40] in " ".join(
            latex_to_unicode(question).split()) or "$" in question


def test_a_calculation_shows_its_worked_steps_as_a_code_block(tutor):
    reply = tutor.respond("params of a 3x3 conv from 64 to 128 channels", "slack:T1:C1:1.2")
    message = render_reply(reply)
    text = message["blocks"][0]["text"]["text"]
    code = re.search(r"```(.*?)```", text, re.S).group(1).splitlines()
    assert len(code) == len(reply.calculation["result"]["steps"])
    assert code[-1] == f"total = {3 * 3 * 64 * 128} + 128 = {3 * 3 * 64 * 128 + 128}"
    assert list(buttons(message)) == ["Explain more"]  # "related" means nothing for numbers


def test_a_fallback_offers_its_closest_entries_as_buttons(tutor):
    # off-topic, but near enough to one entry to offer it ("recipe for banana bread" is now
    # named as cooking, a topic the course does not cover, and offers nothing)
    reply = tutor.respond("fine tuning a guitar with a clip on tuner", "slack:T1:C1:1.3")
    message = render_reply(reply)
    assert reply.kind == "fallback" and reply.suggestions
    assert message["text"].startswith("I don't know that one")
    assert {b["action_id"] for b in buttons(message).values()} == {
        f"tutor_suggestion_{n}" for n in range(1, len(reply.suggestions[:3]) + 1)}


def test_practice_choices_become_buttons_that_answer_with_their_number():
    reply = Reply("clarify", "Which is true?", "slack:T1:C1:1.4", confidence=1.0, practice={
        "id": "p1", "kind": "choice", "prompt": "Which is true?",
        "choices": ["$\\rho < 1$ vanishes", "it explodes"]})
    practice = [b for b in buttons(render_reply(reply)).values()
                if b["action_id"].startswith("tutor_practice")]
    assert [b["text"]["text"] for b in practice] == ["1. ρ < 1 vanishes", "2. it explodes"]
    assert [json.loads(b["value"])["m"] for b in practice] == ["1", "2"]
    reply.practice["result"] = {"correct": True}  # once graded, nothing left to click
    assert not any(b["action_id"].startswith("tutor_practice")
                   for b in buttons(render_reply(reply)).values())


def test_a_practice_question_clicked_is_graded_in_the_same_conversation(tutor):
    session = "slack:T1:D1"
    question = tutor.respond("quiz me on rnn multiple choice", session)
    assert question.practice["kind"] == "choice"
    (first,) = [b for b in buttons(render_reply(question)).values()
                if b["action_id"] == "tutor_practice_1"]
    value = json.loads(first["value"])
    graded = tutor.respond(value["m"], value["s"])
    assert graded.practice["result"]["your_answer"] == [1]


def test_a_long_answer_is_split_into_sections_slack_accepts():
    paragraphs = "\n\n".join(f"Paragraph {n}: " + "word " * 150 for n in range(80))
    message = render_reply(Reply("answer", paragraphs, "s", entry_id="x", confidence=1.0,
                                 suggestions=[Match("a", "A?", 0.5)]))
    assert len(message["blocks"]) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in message["blocks"]
               if b["type"] == "section")
    assert message["blocks"][-1]["block_id"] == "tutor_suggestions"  # buttons survive
    assert len(message["text"]) <= 3000


def test_no_reply_about_any_entry_leaves_a_command_or_dollar(tutor, knowledge_base):
    """Every entry, with every follow-up a student can click or type, rendered for Slack."""
    rendered = 0
    for number, entry in enumerate(knowledge_base.entries.values()):
        session = f"slack:T1:C2:{number}.1"
        replies = [tutor.respond(entry.question, session)]
        replies.append(tutor.respond(f"tell me about {entry.id.replace('-', ' ')}", session))
        for follow_up in ("why?", "explain more", "show the formula", "related"):
            replies.append(tutor.respond(follow_up, session))
        for reply in replies:
            message = render_reply(reply, note="<@U1> asked: Explain more")
            for text in strings(message):
                assert "\\" not in text, (entry.id, reply.kind, text)
                assert not PRIVATE_USE.search(text), (entry.id, text)
                assert not re.search(r"(?<![`\w])\$(?!\d)", text), (entry.id, text)
            rendered += 1
    assert rendered == 6 * len(knowledge_base.entries)
