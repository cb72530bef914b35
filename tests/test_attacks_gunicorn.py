"""Under the real gunicorn: messages built to stall a worker, text that is not Unicode, numbers
beyond range and borrowed session ids. Every one is answered (a 4xx where the input is bad,
never a 5xx), no request waits on a stalled worker, and /healthz answers all along.

Speed itself is measured by bench/message_budget.py; here a request that took longer than the
client's 10 s timeout would be a stall, and fails the test."""

from __future__ import annotations

import json
import threading

import pytest

from tests import adversarial
from tests import test_gunicorn as g
from tests.operations import test_reload_gunicorn as r

pytestmark = pytest.mark.slow

served = r.served
MAX_LENGTH = 2000


def post(server, path: str, body) -> tuple[int, dict]:
    status, content_type, raw = g.call(server, "POST", path,
                                       data=json.dumps(body).encode(), timeout=10)
    assert content_type.startswith("application/json"), (path, raw[:200])

    def refuse(constant):
        raise AssertionError(f"{constant} is not JSON")
    return status, json.loads(raw, parse_constant=refuse)


@pytest.fixture
def health(served):
    """Polls /healthz from another thread while the test runs; yields the failures seen."""
    server, _knowledge = served
    failures: list[str] = []
    stop = threading.Event()

    def poll():
        while not stop.is_set():
            try:
                status = g.call(server, "GET", "/healthz", timeout=5)[0]
                if status != 200:
                    failures.append(f"status {status}")
            except OSError as error:
                failures.append(repr(error))
            stop.wait(0.05)

    poller = threading.Thread(target=poll)
    poller.start()
    yield failures
    stop.set()
    poller.join()


def test_messages_built_to_stall_a_worker_are_all_answered(served, health):
    server, _knowledge = served
    calculation = post(server, "/chat", {"message": "output size for a 28x28 input, 5x5 "
                                                    "kernel, stride 2"})[1]["session_id"]
    statuses = []
    for attack in adversarial.message_attacks():
        text = attack.make(MAX_LENGTH)[:MAX_LENGTH]
        statuses.append(post(server, "/chat", {"message": text})[0])
        statuses.append(post(server, "/chat", {"message": text,
                                               "session_id": calculation})[0])
        statuses.append(post(server, "/calc/graphical-model", {"factorisations": [text]})[0])
    assert set(statuses) <= {200, 422}
    assert health == []


@pytest.mark.parametrize(("path", "body"), [
    ("/chat", {"message": "what is dropout \ud800"}),
    ("/chat", {"message": "hi", "session_id": "\udfff"}),
    ("/feedback", {"session_id": "abc", "entry_id": None, "message": "\ud800", "rating": "up"}),
    ("/practice/answer", {"id": "\ud800", "answer": "1"}),
    ("/calc/eigen", {"matrix": [[10**400]]}),
    ("/calc/conv", {"input": 10**400, "kernel": 3}),
])
def test_bad_input_is_a_422_in_the_contract_shape(served, path, body):
    server, _knowledge = served
    status, answer = post(server, path, body)
    assert status == 422 and set(answer) == {"error"} and answer["error"]["fields"]


def test_a_web_client_cannot_reach_a_slack_conversation(served):
    server, _knowledge = served
    slack_id = "slack:T0TEAM:C0CLASS:U0STUDENT"
    status, reply = post(server, "/chat", {"message": "show the formula",
                                           "session_id": slack_id})
    assert status == 200 and reply["session_id"] != slack_id


def test_the_message_that_once_held_both_workers_is_answered(served):
    """144 characters that took both workers past their 30 s timeout (the client's 10 s
    timeout in `post` fails the test if it stalls again)."""
    server, _knowledge = served
    status, _reply = post(server, "/chat", {"message": "[[1]" + "    [1]" * 20})
    assert status == 200
