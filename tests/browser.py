"""What the browser tests share: the service under gunicorn on loopback, Debian's Chromium
driven by Playwright, and where screenshots go.

The `browser` and `screenshots` fixtures are registered for the whole suite in conftest.py
(`pytest_plugins`); Playwright itself is imported only when a test asks for a browser.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.paths import REPO_ROOT

GUNICORN = Path(sys.executable).with_name("gunicorn")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
WORKERS = 2
START_TIMEOUT = 30.0
# Read at import: the suite's autouse fixture hides TUTOR_* variables from each test.
SCREENSHOT_DIR = os.environ.get("TUTOR_SCREENSHOT_DIR")
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_browser(test: str) -> None:
    """Skip (or, in CI, fail) saying what to install when Chromium or Playwright is missing."""
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append("Debian's Chromium (apt-get install -y chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright (.venv/bin/pip install -e '.[test]')")
    if missing:
        message = f"the {test} needs " + " and ".join(missing)
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


def free_port() -> int:
    """A loopback port that was free a moment ago (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Service:
    """The service under gunicorn: its URL, process, and logs in its work folder."""

    def __init__(self, url: str, process: subprocess.Popen, work: Path):
        self.url, self.process, self.work = url, process, work
        self.stdout, self.stderr = work / "stdout.log", work / "stderr.log"
        self.feedback_db = work / "feedback.sqlite3"


def start_service(work: Path, url: str | None = None, **settings: str) -> Service:
    """Start the service under gunicorn on `url` (a free loopback port unless given), with
    WORKERS workers, its files in `work`, and `settings` as environment (the caller's TUTOR_*,
    SLACK_* and GUNICORN_* variables left out); returns once every worker is ready."""
    url = url or f"http://127.0.0.1:{free_port()}"
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("TUTOR_", "SLACK_", "GUNICORN_"))}
    env.update(TUTOR_SESSION_DB=str(work / "sessions.sqlite3"), TUTOR_WORKERS=str(WORKERS),
               **settings)
    command = [str(GUNICORN), "--config", "python:service.gunicorn_conf",
               "--bind", url.removeprefix("http://"), "service:create_app()"]
    with (work / "stdout.log").open("wb") as out, (work / "stderr.log").open("wb") as err:
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL)
    service = Service(url, process, work)
    try:
        wait_until_ready(service)
    except BaseException:
        stop(process)
        raise
    return service


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def wait_until_ready(service: Service) -> None:
    """Wait for every worker's "Worker ready" line and for /healthz to answer."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if service.process.poll() is not None:
            pytest.fail(f"gunicorn exited:\n{service.stderr.read_text(errors='replace')}")
        if service.stderr.read_text(errors="replace").count("Worker ready") >= WORKERS:
            try:
                with urllib.request.urlopen(service.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
        time.sleep(0.1)
    pytest.fail(f"gunicorn was not ready in time:\n{service.stderr.read_text(errors='replace')}")


@pytest.fixture(scope="module")
def browser(request):
    """Headless Chromium for one test module (skipped, or failed in CI, when missing)."""
    require_browser(f"browser test {request.module.__name__}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory) -> Path:
    """Where screenshots go: $TUTOR_SCREENSHOT_DIR, or a temporary folder."""
    directory = Path(SCREENSHOT_DIR) if SCREENSHOT_DIR else tmp_path_factory.mktemp("shots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory
