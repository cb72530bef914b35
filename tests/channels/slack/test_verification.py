"""Slack's signatures: what passes, what is refused and with which header named."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from service.channels.slack.seen import MemorySeenStore
from service.channels.slack.verification import RequestVerifier, SlackSignatureError
from tests.channels.slack.helpers import NOW, SECRET, FakeClock, signed_headers

BODY = b'{"type": "event_callback"}'


def test_a_request_signed_by_slack_passes():
    RequestVerifier(SECRET, clock=FakeClock(NOW)).verify(BODY, signed_headers(BODY, NOW))


def test_header_names_are_case_insensitive_as_in_http():
    headers = {k.lower(): v for k, v in signed_headers(BODY, NOW).items()}
    RequestVerifier(SECRET, clock=FakeClock(NOW)).verify(BODY, CaseInsensitive(headers))


class CaseInsensitive(dict):
    """What werkzeug's headers do: look names up regardless of case."""

    def get(self, key, default=None):
        return super().get(key.lower(), default)


@pytest.mark.parametrize(("headers", "field"), [
    ({}, "X-Slack-Signature"),
    ({"X-Slack-Request-Timestamp": str(NOW)}, "X-Slack-Signature"),
    ({"X-Slack-Signature": "v0=abc"}, "X-Slack-Request-Timestamp"),
    ({"X-Slack-Signature": "v0=abc", "X-Slack-Request-Timestamp": "yesterday"},
     "X-Slack-Request-Timestamp"),
    ({"X-Slack-Signature": "v0=abc", "X-Slack-Request-Timestamp": str(NOW)},
     "X-Slack-Signature"),
])
def test_unsigned_or_garbled_requests_are_refused_naming_the_header(headers, field):
    with pytest.raises(SlackSignatureError) as caught:
        RequestVerifier(SECRET, clock=FakeClock(NOW)).verify(BODY, headers)
    assert caught.value.status == 401
    assert field in caught.value.fields


def test_a_signature_made_with_another_secret_is_refused():
    with pytest.raises(SlackSignatureError):
        RequestVerifier(SECRET, clock=FakeClock(NOW)).verify(
            BODY, signed_headers(BODY, NOW, secret="not-the-secret"))


@pytest.mark.parametrize(("age", "accepted"), [
    (0, True), (299, True), (300, True), (301, False), (3600, False),
    (-300, True), (-301, False),  # from the future: a clock skewed too far is refused too
])
def test_the_window_is_five_minutes_either_way(age, accepted):
    verifier = RequestVerifier(SECRET, clock=FakeClock(NOW + age))
    headers = signed_headers(BODY, NOW)
    if accepted:
        verifier.verify(BODY, headers)
    else:
        with pytest.raises(SlackSignatureError) as caught:
            verifier.verify(BODY, headers)
        assert "X-Slack-Request-Timestamp" in caught.value.fields


def test_a_replayed_signature_is_refused_when_asked_to_be_used_once():
    verifier = RequestVerifier(SECRET, clock=FakeClock(NOW), seen=MemorySeenStore())
    headers = signed_headers(BODY, NOW)
    verifier.verify(BODY, headers, once=True)
    with pytest.raises(SlackSignatureError) as caught:
        verifier.verify(BODY, headers, once=True)
    assert caught.value.fields == {"X-Slack-Signature": ["Already used."]}


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=300), position=st.integers(min_value=0), flip=st.integers(1, 255))
def test_any_change_to_the_body_breaks_the_signature(body, position, flip):
    text = body.decode("latin-1").encode()  # a UTF-8 body, as Slack's always are
    assume(text)
    index = position % len(text)
    tampered = bytearray(text)
    tampered[index] ^= flip
    assume(bytes(tampered) != text)
    try:
        bytes(tampered).decode("utf-8")
    except UnicodeDecodeError:
        assume(False)
    verifier = RequestVerifier(SECRET, clock=FakeClock(NOW))
    verifier.verify(text, signed_headers(text, NOW))
    with pytest.raises(SlackSignatureError):
        verifier.verify(bytes(tampered), signed_headers(text, NOW))
