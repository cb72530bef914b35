"""Practice in the conversation: start, answer graded, skip, I don't know, stop, and drawings."""

from __future__ import annotations

import pytest

from service.core.dialogue import Thresholds, Tutor
from service.core.practice.chat import read_practice_request
from service.core.sessions import MemorySessionStore


@pytest.fixture
def tutor(knowledge_base):
    return Tutor(knowledge_base, MemorySessionStore(), Thresholds(answer=0.5, suggest=0.4))


class Conversation:
    def __init__(self, tutor):
        self.tutor, self.session_id = tutor, None

    def say(self, message):
        reply = self.tutor.respond(message, self.session_id)
        self.session_id = reply.session_id
        return reply

    def expected(self, reply) -> str:
        """The right answer to the question a reply asked, as a student would type it."""
        return str(self.tutor.practice.reveal(reply.practice["id"])["expected_text"])

    def key(self, reply) -> str:
        """Which multiple-choice item a reply asked: an entry id, or "<entry id>#<n>"."""
        return self.tutor.practice.question(reply.practice["id"])[1].key

    def ask_until(self, start: str, key: str, tries: int = 12):
        """Start practice with `start`, then skip until the item `key` is asked."""
        asked = self.say(start)
        for _ in range(tries):
            if self.key(asked) == key:
                return asked
            asked = self.say("next")
        raise AssertionError(f"{key} was never asked")


@pytest.mark.parametrize(("message", "topics", "kind"), [
    ("quiz me on GANs", ["gan"], None),
    ("Quiz me on transformers!", ["attention"], None),
    ("give me a conv question", ["dl-basics"], None),
    ("practice question please", None, None),
    ("quiz me", None, None),
    ("test me on attention", ["attention"], None),
    ("can you ask me a multiple choice question about VAEs?", ["vae"], "choice"),
    ("let's practise RNNs", ["rnn"], None),
    ("give me a question on output sizes", ["dl-basics"], None),
    ("give me a numeric question", None, "numeric"),
    ("give me another question", None, None),
    ("exam practice on gans and vaes", ["gan", "vae"], None),
])
def test_practice_requests_are_recognised(message, topics, kind):
    text = message.lower().rstrip("!?.")
    request = read_practice_request(text)
    assert request is not None and "unknown" not in request
    assert request["topics"] == topics and request["kind"] == kind


@pytest.mark.parametrize("message", [
    "give me an example of mode collapse", "show me question 5", "give me question 6",
    "what questions are on the exam", "why would you use max pooling in a cnn", "q6",
    "test set vs validation set", "practical uses of gans", "give me the answer to q8",
    "give me a hint about the elbo question",
])
def test_ordinary_messages_are_not_practice(tutor, message):
    assert read_practice_request(message.lower()) is None
    assert tutor.respond(message).practice is None


def test_an_unknown_subject_says_what_there_is(tutor):
    reply = tutor.respond("quiz me on cooking")
    assert reply.kind == "fallback" and reply.practice is None
    assert "cooking" in reply.reply and "GANs" in reply.reply


def test_a_choice_question_is_asked_then_graded_statement_by_statement(tutor):
    chat = Conversation(tutor)
    asked = chat.ask_until("quiz me on GANs", "gan-true-statements")
    assert asked.kind == "clarify" and asked.entry_id is None
    assert asked.practice["kind"] == "choice" and len(asked.practice["choices"]) == 5
    assert "5. Mode collapse" in asked.reply and "*skip*" in asked.reply
    graded = chat.say("2 and 4")
    assert graded.kind == "answer" and graded.entry_id == "gan-true-statements"
    result = graded.practice["result"]
    assert result["correct"] is False and result["score"] == {"right": 2, "of": 5}
    assert "4. ✗ **False**, you selected it" in graded.reply
    assert "statements 2, 3 and 5 are true" in graded.reply
    # "why?" now explains the entry, as after any answer
    why = chat.say("why?")
    assert why.kind == "answer" and why.entry_id == "gan-true-statements"
    assert "Statement by statement" in why.reply


def test_a_numeric_question_is_graded_with_the_worked_solution(tutor):
    chat = Conversation(tutor)
    for _ in range(8):
        asked = chat.say("give me a conv question")
        assert asked.practice["kind"] == "numeric" and asked.practice["topic"] == "dl-basics"
        graded = chat.say(chat.expected(asked))
        assert graded.kind == "calculation" and graded.practice["result"]["correct"]
        assert graded.reply.startswith("**Right!**") and "**Worked solution**" in graded.reply
        assert graded.calculation["calculator"] in ("conv", "params")


def test_after_a_numeric_grade_the_calculation_can_be_changed(tutor):
    chat = Conversation(tutor)
    asked = chat.say("give me a question on output sizes")
    chat.say("1x1")
    changed = chat.say("what about stride 1?")
    assert changed.kind == "calculation" and changed.practice is None
    assert changed.calculation["request"]["stride"] == 1
    height, width = tutor.practice.question(asked.practice["id"])[2]["p"]["input"]
    assert changed.calculation["request"]["input"] in (height, [height, width])


@pytest.mark.parametrize("answer", ["explodes", "it will vanish", "the gradient explodes"])
def test_gradient_verdicts_are_graded_in_words(tutor, answer):
    chat = Conversation(tutor)
    # The RNN pool also holds the multiple-choice items, and one ask in about five is a verdict:
    # twenty asks missed it one run in fifty; two hundred miss it about once in 10^17.
    for _ in range(200):
        asked = chat.say("quiz me on exploding gradients")
        if "explode" in asked.practice["answer_format"]:
            break
    else:
        pytest.fail("no explode-or-vanish question in 200 asks")
    graded = chat.say(answer)
    assert graded.kind == "calculation" and graded.calculation["calculator"] == "eigen"
    expected = graded.practice["result"]["expected"]
    assert graded.practice["result"]["correct"] == (expected in answer)


def test_an_unreadable_answer_asks_again_and_keeps_the_question(tutor):
    chat = Conversation(tutor)
    asked = chat.say("quiz me on vaes")
    again = chat.say("hmm, the one about the KL?")
    assert again.kind == "clarify" and again.practice["id"] == asked.practice["id"]
    assert "couldn't read that" in again.reply
    graded = chat.say(chat.expected(asked))
    assert graded.practice["result"]["correct"] is True


def test_skip_gives_the_answer_away_and_asks_another(tutor):
    chat = Conversation(tutor)
    chat.say("quiz me on attention")
    skipped = chat.say("skip")
    assert skipped.kind == "clarify" and skipped.reply.startswith("Skipped (the answer was")
    assert skipped.practice["topic"] == "attention"


def test_skip_goes_through_every_question_of_a_topic_then_says_it_repeats(tutor):
    chat = Conversation(tutor)
    keys = {item[1] for item in tutor.practice.pool(["vae"], "choice")}
    assert len(keys) >= 3  # the exam item and the quiz items of the VAE entries
    seen = [chat.key(chat.say("quiz me on vaes with multiple choice questions"))]
    for _ in range(len(keys) - 1):
        reply = chat.say("next")
        assert "no other questions" not in reply.reply
        seen.append(chat.key(reply))
    assert set(seen) == keys
    again = chat.say("next")
    assert "no other questions of that kind" in again.reply and chat.key(again) in keys


def test_quiz_me_on_a_topic_has_more_than_one_question_in_every_unit(tutor):
    for topic in ("dl-basics", "vae", "gan", "rnn", "attention"):
        assert len(tutor.practice.pool([topic], "choice")) >= 2, topic


def test_i_dont_know_shows_the_answer(tutor):
    chat = Conversation(tutor)
    chat.ask_until("quiz me on vaes", "vae-true-statements")
    shown = chat.say("I don't know")
    assert shown.kind == "answer" and shown.practice["result"]["your_answer"] is None
    assert shown.reply.startswith("Only statement 5 is true.")


def test_stop_ends_practice_with_the_score(tutor):
    chat = Conversation(tutor)
    chat.say(chat.expected(chat.say("quiz me on gans")))  # right
    asked = chat.say("another one")
    chat.say("none" if chat.expected(asked) != "none" else "1")  # wrong
    stopped = chat.say("stop")
    assert stopped.kind == "fallback" and "You got 1 of 2 right" in stopped.reply
    after = chat.say("2")
    assert after.practice is None  # no longer graded


def test_next_after_a_grade_asks_another_of_the_same_kind(tutor):
    chat = Conversation(tutor)
    chat.say("give me a numeric rnn question")
    chat.say("explode")
    following = chat.say("next")
    assert following.kind == "clarify" and following.practice["topic"] == "rnn"
    assert following.practice["kind"] == "numeric"


def test_practice_overrides_a_pending_calculation(tutor):
    chat = Conversation(tutor)
    assert chat.say("what is the output size with a 5x5 kernel?").kind == "clarify"
    assert chat.say("quiz me on gans").practice is not None
    read_as_answer = chat.say("28")  # not the input size the calculation was waiting for
    assert read_as_answer.kind == "clarify" and read_as_answer.calculation is None
    assert "There is no statement 28" in read_as_answer.reply


def test_sessions_practise_independently(tutor):
    first, second = Conversation(tutor), Conversation(tutor)
    right = first.expected(first.say("quiz me on gans"))
    assert second.say(right).practice is None
    assert first.say(right).practice["result"]["correct"] is True


def test_a_pasted_factorisation_is_drawn(tutor):
    reply = tutor.respond("p(x,z) = p(z)p(x|z) and q(z|x) = q(z|x)")
    assert reply.kind == "calculation" and reply.calculation["calculator"] == "graphical-model"
    assert {(e["from"], e["to"]) for e in reply.calculation["result"]["edges"]} == {
        ("z", "x"), ("x", "z")}
    assert "**p** (generative model, solid arrows): $z \\to x$" in reply.reply


def test_a_malformed_factorisation_says_where(tutor):
    reply = tutor.respond("p(a,b) = p(a|b)p(b|a)")
    assert reply.kind == "clarify" and "cycle a -> b -> a" in reply.reply


def test_a_factorisation_during_practice_is_drawn_and_the_question_stays(tutor):
    chat = Conversation(tutor)
    asked = chat.say("quiz me on gans")
    assert chat.say("q(z|x) = q(z|x)").kind == "calculation"
    graded = chat.say(chat.expected(asked))
    assert graded.practice["id"] == asked.practice["id"]
    assert graded.practice["result"]["correct"] is True
