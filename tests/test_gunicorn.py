"""The real gunicorn, with our config module and two workers, serving every endpoint over HTTP."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
START_TIMEOUT = 20.0
WORKERS = 2

Q9_MATRIX = [[-0.64, -0.06, -1.12], [-0.56, 0.28, -0.76], [0.62, -1.66, -0.2]]
SEED_QUESTION = "List two reasons why the max pooling operation is often used in CNNs."


class Server:
    """A running gunicorn: its base URL and where its two streams are written."""

    def __init__(self, url: str, process: subprocess.Popen, stdout: Path, stderr: Path):
        self.url = url
        self.process = process
        self.stdout = stdout
        self.stderr = stderr

    def access_pids(self, request_line: str) -> list[str]:
        """The worker pid of every access-log line for `request_line` ("POST /chat?...")."""
        text = self.stdout.read_text(errors="replace")
        return re.findall(rf'"{re.escape(request_line)} HTTP/1\.1" \d+ .* <(\d+)> \d+ms$', text,
                          flags=re.MULTILINE)


def free_port() -> int:
    """A loopback port that was free a moment ago (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def call(server: Server, method: str, path: str, body=None, data: bytes | None = None,
         timeout: float = 10.0) -> tuple[int, str, bytes]:
    """Send one request; return status, content type and raw body (4xx/5xx included)."""
    headers = {}
    if body is not None:
        data = json.dumps(body).encode()
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(server.url + path, data=data, method=method,
                                     headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers.get("Content-Type", ""), error.read()


def call_json(server: Server, method: str, path: str, body=None, data: bytes | None = None):
    """Send one request; return status and the decoded JSON body."""
    status, content_type, raw = call(server, method, path, body, data)
    assert content_type.startswith("application/json"), (path, content_type, raw[:200])
    return status, json.loads(raw)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM (gunicorn's graceful stop), then SIGKILL if it is still there after 15 s."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn on a free loopback port, configured only by service.gunicorn_conf and env."""
    work = tmp_path_factory.mktemp("gunicorn")
    stdout, stderr = work / "stdout.log", work / "stderr.log"
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("TUTOR_", "SLACK_", "GUNICORN_"))}
    env.update(TUTOR_SESSION_DB=str(work / "sessions.sqlite3"), TUTOR_WORKERS=str(WORKERS))
    url = f"http://127.0.0.1:{free_port()}"
    command = [str(GUNICORN), "--config", "python:service.gunicorn_conf",
               "--bind", url.removeprefix("http://"), "service:create_app()"]
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL)
    running = Server(url, process, stdout, stderr)
    try:
        wait_until_healthy(running)
        yield running
    finally:
        stop(process)


def wait_until_healthy(server: Server) -> None:
    """Wait up to START_TIMEOUT seconds for every worker to be ready and /healthz to answer.

    /healthz alone proves only that one worker is up; the conversation test needs both, so
    also wait for each worker's "Worker ready" line (the config's post_worker_init hook).
    Fails with gunicorn's stderr when either does not happen in time or gunicorn exits.
    """
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"gunicorn exited with {server.process.returncode}:\n"
                        f"{server.stderr.read_text(errors='replace')}")
        if server.stderr.read_text(errors="replace").count("Worker ready") >= WORKERS:
            try:
                if call(server, "GET", "/healthz", timeout=1)[0] == 200:
                    return
            except OSError:  # a worker restarting between our checks
                pass
        time.sleep(0.1)
    pytest.fail(f"gunicorn and its {WORKERS} workers were not ready within "
                f"{START_TIMEOUT:.0f} s:\n{server.stderr.read_text(errors='replace')}")


def test_gunicorn_runs_the_configured_workers(server):
    log = server.stderr.read_text()
    assert "Using worker: gthread" in log
    assert log.count("Booting worker") == WORKERS
    assert log.count("Worker ready") == WORKERS
    assert "Listening at: " + server.url in log


def test_healthz(server):
    status, body = call_json(server, "GET", "/healthz")
    assert status == 200
    assert body["status"] == "ok"
    assert body["entries"] > 0


def test_openapi_lists_every_endpoint(server):
    status, spec = call_json(server, "GET", "/openapi.json")
    assert status == 200
    assert spec["openapi"].startswith("3.")
    for path in ("/calc/conv", "/calc/params", "/calc/eigen", "/calc/attention", "/chat",
                 "/kb/search", "/kb/entries"):
        assert path in spec["paths"], path


def test_docs_page_and_its_assets_are_served_locally(server):
    status, content_type, raw = call(server, "GET", "/docs")
    assert status == 200
    assert content_type.startswith("text/html")
    page = raw.decode()
    assets = set(re.findall(r'(?:src|href)="(/docs/assets/[^"]+)"', page))
    assert {Path(a).name for a in assets} >= {"swagger-ui-bundle.js", "swagger-ui.css"}
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page), "the page reaches a CDN"
    for asset in assets:
        status, _, body = call(server, "GET", asset)
        assert status == 200, asset
        assert len(body) > 1000, asset


@pytest.mark.parametrize(("path", "request_body", "expected"), [
    ("/calc/conv", {"input": 32, "kernel": 3, "stride": 2, "padding": 1}, {"output": [16, 16]}),
    ("/calc/params", {"kernel": 3, "in_channels": 32, "out_channels": 1},
     {"weights": 288, "biases": 1, "total": 289}),
    ("/calc/eigen", {"matrix": Q9_MATRIX}, {"verdict": "explode"}),
    ("/calc/attention", {"input": [8, 8, 3], "patch": 3},
     {"num_patches": 36, "token_dim": 27, "dot_products": 1296, "macs": 34992}),
])
def test_calculators(server, path, request_body, expected):
    status, body = call_json(server, "POST", path, request_body)
    assert status == 200, body
    assert {key: body[key] for key in expected} == expected


def test_kb_entries(server):
    status, body = call_json(server, "GET", "/kb/entries")
    assert status == 200
    ids = {entry["id"] for entry in body["entries"]}
    assert "conv-filter-parameter-count" in ids

    status, entry = call_json(server, "GET", "/kb/entries/conv-filter-parameter-count")
    assert status == 200
    assert entry["id"] == "conv-filter-parameter-count"
    assert "289" in entry["answer"]


def test_kb_unknown_entry_is_404_in_the_contract_shape(server):
    status, body = call_json(server, "GET", "/kb/entries/no-such-entry")
    assert status == 404
    assert set(body["error"]) >= {"code", "message"}


def test_kb_search(server):
    status, body = call_json(server, "GET", "/kb/search?q=max+pooling")
    assert status == 200
    assert body["results"][0]["entry_id"] == "max-pooling-reasons"


def test_chat_answers_a_seed_question(server):
    status, body = call_json(server, "POST", "/chat", {"message": SEED_QUESTION})
    assert status == 200
    assert body["kind"] == "answer"
    assert body["entry_id"] == "max-pooling-reasons"
    assert body["session_id"]


def test_conversation_continues_on_either_worker(server):
    """Follow-ups find the session whichever worker serves them (the SQLite store is shared)."""
    # The query string is ignored by /chat but tags this conversation's access-log lines.
    path = f"/chat?conversation={uuid.uuid4().hex}"
    status, first = call_json(server, "POST", path, {"message": SEED_QUESTION})
    assert status == 200 and first["kind"] == "answer"
    session_id, entry_id = first["session_id"], first["entry_id"]
    turns = 1
    pids: set[str] = set()
    # Which worker accepts a connection is the kernel's choice: keep asking "why?" until both
    # workers have served part of this conversation (a handful of turns in practice).
    while len(pids) < WORKERS and turns < 60:
        for _ in range(4):
            status, reply = call_json(server, "POST", path,
                                      {"message": "why?", "session_id": session_id})
            assert status == 200
            assert (reply["kind"], reply["entry_id"]) == ("answer", entry_id), (turns, reply)
            assert reply["session_id"] == session_id
            turns += 1
        pids = set(wait_for_access_lines(server, "POST " + path, turns))
    assert len(pids) == WORKERS, f"all {turns} turns were served by worker(s) {pids}"


def wait_for_access_lines(server: Server, request_line: str, count: int) -> list[str]:
    """The pids of `count` access lines, waiting briefly: a worker logs after it replies."""
    deadline = time.monotonic() + 5
    while True:
        pids = server.access_pids(request_line)
        if len(pids) >= count or time.monotonic() > deadline:
            return pids
        time.sleep(0.05)


def test_malformed_json_is_400_in_the_contract_shape(server):
    status, body = call_json(server, "POST", "/chat", data=b'{"message": "hi"')
    assert status == 400
    assert set(body) == {"error"}
    assert isinstance(body["error"]["code"], str) and body["error"]["code"]
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_sigterm_stops_gunicorn_gracefully(server):
    stop(server.process)
    assert server.process.returncode == 0
    assert "Shutting down: Master" in server.stderr.read_text()
