"""Signed question ids: altered ids, ids signed with another key, ids past the TTL and payloads
naming nothing are refused."""

from __future__ import annotations

import base64
import json

import pytest

from service.core.practice.errors import QuestionExpired, QuestionNotFound
from service.core.practice.service import Practice


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def payload(practice, question_id: str) -> dict:
    """What anyone can read from an id without the key (it is signed, not encrypted)."""
    readable, data = practice.signer.serializer.loads_unsafe(question_id)
    assert readable
    return data


def test_an_altered_id_is_not_found(practice):
    question = practice.next_question(kind="choice", seed=3)
    body, stamp, signature = question.id.split(".")
    asked = payload(practice, question.id)["e"]
    other = "vae-true-statements" if asked == "gan-true-statements" else "gan-true-statements"
    forged = base64.urlsafe_b64encode(json.dumps({"e": other}).encode()).decode().rstrip("=")
    for tampered in (f"{forged}.{stamp}.{signature}", f"{body}.{stamp}.{signature[::-1]}",
                     question.id[:-1], "not-an-id", "a.b.c", ""):
        with pytest.raises(QuestionNotFound) as raised:
            practice.grade(tampered, "1")
        assert raised.value.status == 404 and "id" in raised.value.fields


def test_an_id_signed_with_another_key_is_not_found(knowledge_base, practice):
    other = Practice(knowledge_base, "another-key-" + "y" * 32)
    with pytest.raises(QuestionNotFound):
        practice.grade(other.next_question(seed=1).id, "1")


def test_an_id_expires_after_the_ttl(knowledge_base):
    clock = Clock()
    practice = Practice(knowledge_base, "k" * 40, ttl_seconds=3600, clock=clock)
    question = practice.next_question(kind="choice", seed=2)
    clock.now += 3600
    assert "correct" in practice.grade(question.id, "1")
    clock.now += 1
    with pytest.raises(QuestionExpired) as raised:
        practice.grade(question.id, "1")
    assert raised.value.status == 410 and "id" in raised.value.fields


def test_a_signed_payload_naming_nothing_we_have_is_not_found(practice):
    for data in ({"e": "no-such-entry"}, {"e": "stride"}, {"g": "no-such-generator", "p": {}},
                 {"g": "conv-output"}, ["e"]):
        with pytest.raises(QuestionNotFound):
            practice.grade(practice.signer.sign(data), "1")
