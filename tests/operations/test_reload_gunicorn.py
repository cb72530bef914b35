"""Reloading the knowledge base under the real gunicorn: SIGHUP and POST /admin/reload.

A broken file must leave the old knowledge base serving (new workers fall back to the last
good snapshot instead of failing to boot, which would stop gunicorn); a fixed one is served
by every worker after the reload.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request

import pytest

from tests import test_gunicorn as g

pytestmark = pytest.mark.slow

TOKEN = "reload-token"
WORKERS = 2


@pytest.fixture
def served(tmp_path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(g.REPO_ROOT / "knowledge", knowledge)
    stdout, stderr = tmp_path / "stdout.log", tmp_path / "stderr.log"
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("TUTOR_", "SLACK_", "GUNICORN_"))}
    env.update(TUTOR_SESSION_DB=str(tmp_path / "sessions.sqlite3"), TUTOR_WORKERS=str(WORKERS),
               TUTOR_KNOWLEDGE_DIR=str(knowledge), TUTOR_ADMIN_TOKEN=TOKEN,
               TUTOR_RATE_LIMITS="")
    url = f"http://127.0.0.1:{g.free_port()}"
    command = [str(g.GUNICORN), "--config", "python:service.gunicorn_conf",
               "--bind", url.removeprefix("http://"), "service:create_app()"]
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(command, cwd=g.REPO_ROOT, env=env, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL)
    server = g.Server(url, process, stdout, stderr)
    try:
        g.wait_until_healthy(server)
        yield server, knowledge
    finally:
        g.stop(process)


def versions(server, n=12) -> set[str]:
    """The knowledge versions `n` /healthz calls saw (every one must be a 200)."""
    seen = set()
    for _ in range(n):
        status, body = g.call_json(server, "GET", "/healthz")
        assert status == 200, body
        seen.add(body["knowledge_version"])
    return seen


def wait_for_workers(server, ready: int, timeout: float = 30.0) -> None:
    """Wait until `ready` "Worker ready" lines were logged in all and the old workers left."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = server.stderr.read_text(errors="replace")
        exited = log.count("Worker exiting")
        if log.count("Worker ready") >= ready and exited >= ready - WORKERS:
            return
        assert server.process.poll() is None, log
        time.sleep(0.1)
    pytest.fail(f"workers not replaced in {timeout} s:\n{server.stderr.read_text()}")


def edit(knowledge, old: str, new: str) -> None:
    path = knowledge / "attention.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def reload(server):
    request = urllib.request.Request(server.url + "/admin/reload", data=b"", method="POST",
                                     headers={"Authorization": f"Bearer {TOKEN}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        with error:
            return error.code, json.loads(error.read())


def test_sighup_with_a_broken_file_keeps_serving_and_a_fixed_one_is_served(served):
    server, knowledge = served
    [original] = versions(server)

    edit(knowledge, "topic: attention", "topic: cooking")
    server.process.send_signal(signal.SIGHUP)
    wait_for_workers(server, 2 * WORKERS)
    assert versions(server) == {original}
    log = server.stderr.read_text()
    assert "serving the last good copy" in log and "field 'topic'" in log

    edit(knowledge, "topic: cooking", "topic: attention")
    edit(knowledge, "question: ", "question: (edited) ")
    server.process.send_signal(signal.SIGHUP)
    wait_for_workers(server, 3 * WORKERS)
    [fixed] = versions(server)
    assert fixed != original


def test_admin_reload_validates_then_has_the_master_replace_every_worker(served):
    server, knowledge = served
    [original] = versions(server)

    edit(knowledge, "topic: attention", "topic: cooking")
    status, body = reload(server)
    assert status == 422 and body["error"]["code"] == "invalid_knowledge_base"
    assert any("topic" in where for where in body["error"]["fields"])
    time.sleep(1)
    assert versions(server) == {original}
    assert server.stderr.read_text().count("Worker ready") == WORKERS  # nobody restarted

    edit(knowledge, "topic: cooking", "topic: attention")
    edit(knowledge, "question: ", "question: (edited) ")
    status, body = reload(server)
    assert status == 202 and body["status"] == "reloading"
    wait_for_workers(server, 2 * WORKERS)
    assert versions(server) == {body["knowledge_version"]} != {original}
