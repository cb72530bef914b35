"""/metrics under the real gunicorn with two workers: totals over every worker, dead ones too."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.paths import REPO_ROOT

pytestmark = pytest.mark.slow

GUNICORN = Path(sys.executable).with_name("gunicorn")
WORKERS = 2
REQUESTS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read()


def healthz_count(url: str) -> float:
    """tutor_http_requests_total for GET /healthz 200, as Prometheus would read it."""
    text = get(url + "/metrics").decode()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "tutor_http_requests_total" and sample.labels == {
                    "method": "GET", "route": "/healthz", "status": "200"}:
                return sample.value
    return 0.0


def worker_pids(stderr: Path) -> list[int]:
    return [int(pid) for pid in re.findall(r"Worker ready \(pid: (\d+)\)", stderr.read_text())]


def wait_for(condition, what: str, stderr: Path, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"{what} did not happen in {timeout:.0f} s:\n{stderr.read_text()}")


def test_metrics_add_up_every_worker_and_survive_a_killed_one(tmp_path):
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("TUTOR_", "SLACK_", "GUNICORN_", "PROMETHEUS_"))}
    env.update(TUTOR_SESSION_DB=str(tmp_path / "sessions.sqlite3"),
               TUTOR_WORKERS=str(WORKERS), TUTOR_JSON_LOGS="false")
    url = f"http://127.0.0.1:{free_port()}"
    stdout, stderr = tmp_path / "stdout.log", tmp_path / "stderr.log"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        process = subprocess.Popen(
            [str(GUNICORN), "--config", "python:service.gunicorn_conf",
             "--bind", url.removeprefix("http://"), "service:create_app()"],
            cwd=REPO_ROOT, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
    try:
        wait_for(lambda: len(worker_pids(stderr)) >= WORKERS, "both workers ready", stderr)
        directory = re.search(r"Prometheus multiprocess directory: (\S+)",
                              stderr.read_text()).group(1)
        assert Path(directory).is_dir()

        for _ in range(REQUESTS):  # a new connection each: the workers share them out
            get(url + "/healthz")
        served_by = set(re.findall(r'"GET /healthz HTTP/1\.1" 200 .* <(\d+)>',
                                   stdout.read_text()))
        assert healthz_count(url) == REQUESTS, f"served by workers {served_by}"

        victim = worker_pids(stderr)[0]
        os.kill(victim, signal.SIGKILL)
        wait_for(lambda: len(worker_pids(stderr)) >= WORKERS + 1, "a replacement worker",
                 stderr)
        for _ in range(5):  # whichever worker answers, the dead one's requests still count
            assert healthz_count(url) == REQUESTS
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
    assert not Path(directory).exists()  # the master removed the directory it made
