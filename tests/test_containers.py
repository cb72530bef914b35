"""The Dockerfile and docker-compose.yml, built and run with podman on this machine.

The image: it serves `/healthz` and a seed question over 127.0.0.1, runs as uid 10001, passes
its own HEALTHCHECK and stops cleanly on SIGTERM. The compose stack (podman-compose): two tutor
replicas behind nginx, PostgreSQL and Redis, behaving as one service: a conversation goes on
across replicas, a record written through one is in the report read through the other, a
rate limit counts across them, and killing one during traffic loses no acknowledged record.

No container registry is reachable here, so tests/containers/standins.py builds stand-ins for
python:3.11-slim, postgres, redis and nginx from Debian's packages (cached; the first run takes
a few minutes). Needs root, Debian's podman, runc, netavark, aardvark-dns, iptables and
debootstrap, and podman-compose (the test extra): with CI=true a missing one fails the test,
elsewhere it skips, saying what to install.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parent.parent


def _load_standins():
    """tests/containers/standins.py, loaded by path: its folder is no package, and putting it
    on sys.path would let its redis/ folder stand in for the redis package."""
    spec = importlib.util.spec_from_file_location(
        "standins", REPO_ROOT / "tests" / "containers" / "standins.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


standins = _load_standins()

PODMAN_COMPOSE = Path(sys.executable).with_name("podman-compose")
COMPOSE_FILES = [REPO_ROOT / "docker-compose.yml", standins.HERE / "compose.test.yml"]
PROJECT = "dl-tutor-test"
IMAGE = "localhost/dl-tutor-test:latest"
IN_CI = os.environ.get("CI", "").lower() == "true"
START_TIMEOUT = 120.0
BUILD_TIMEOUT = 1800.0

SEED_QUESTION = ("A single-channel image of size M x N is convolved with an m x n filter, where "
                 "M, N, m and n are all odd. What is the output image size if the stride is 2 "
                 "and zero padding is used?")
SEED_ENTRY = "conv-output-size-stride2"
CALCULATION = "output size of a 28x28 input with a 5x5 kernel, stride 2, same padding"
# Large enough for the kill test's traffic through nginx (all of it one client: at most 4
# threads x KILL_TRAFFIC_PER_THREAD requests), small enough to exhaust in a second or two
# straight at the replicas.
RATE_LIMIT = 300
KILL_TRAFFIC_PER_THREAD = 60
ADMIN_TOKEN = secrets.token_urlsafe(16)


def _require_tools() -> None:
    """Skip (or, in CI, fail) with what to install when something the tests need is missing."""
    missing = []
    if os.geteuid() != 0:
        missing.append("root (podman runs rootful here, and debootstrap needs root)")
    packages = [name for name in ("podman", "runc", "debootstrap", "iptables")
                if shutil.which(name) is None]
    packages += [name for name in ("netavark", "aardvark-dns")
                 if not Path("/usr/lib/podman", name).exists()]
    if packages:
        missing.append(f"Debian's {', '.join(packages)} (apt-get install -y "
                       "--no-install-recommends podman runc netavark aardvark-dns iptables "
                       "debootstrap)")
    if not PODMAN_COMPOSE.exists():
        missing.append("podman-compose (.venv/bin/pip install -e '.[test]')")
    if missing:
        message = "the container tests need " + " and ".join(missing)
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


# --- talking to the containers --------------------------------------------------------------

def call(base: str, method: str, path: str, body=None, headers: dict | None = None,
         timeout: float = 15.0) -> tuple[int, dict | bytes]:
    """Send one request to `base` ("127.0.0.1:port"); return the status and the decoded JSON
    body (raw bytes when it is not JSON). 4xx and 5xx are returned, not raised."""
    headers = dict(headers or {})
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(f"http://{base}{path}", data=data, method=method,
                                     headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, content_type, raw = (response.status,
                                         response.headers.get("Content-Type", ""),
                                         response.read())
    except urllib.error.HTTPError as error:
        with error:
            status, content_type, raw = (error.code, error.headers.get("Content-Type", ""),
                                         error.read())
    return status, json.loads(raw) if content_type.startswith("application/json") else raw


def as_client(address: str) -> dict:
    """Headers that make a replica (which trusts one proxy hop) see the request as coming from
    `address`: each test is its own student, with its own rate-limit budget."""
    return {"X-Forwarded-For": address}


def podman(*args: str, timeout: float = 60.0) -> str:
    """Run podman with the tests' configuration; return its stdout; raise when it fails."""
    return standins.podman(*args, capture_output=True, text=True, timeout=timeout).stdout


def published(container: str) -> str:
    """The "127.0.0.1:port" where `container`'s port 8000 is published."""
    return podman("port", container, "8000/tcp").split()[0]


def healthy(container: str) -> bool:
    """Run the container's health check now (podman runs none on its own without systemd)."""
    return standins.podman("healthcheck", "run", container, check=False, quiet=True,
                           timeout=30).returncode == 0


def wait_for(what: str, ready, timeout: float = START_TIMEOUT, logs=None,
             interval: float = 0.5) -> None:
    """Poll `ready()` until it is true; fail after `timeout` seconds with `logs()`'s text."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not within {timeout:.0f} s\n{logs() if logs else ''}")
        time.sleep(interval)


def answers_healthz(base: str) -> bool:
    """Whether GET /healthz on `base` is a 200 now."""
    try:
        return call(base, "GET", "/healthz", timeout=5)[0] == 200
    except (OSError, http.client.HTTPException):
        return False


def logs_of(*containers: str) -> str:
    """The last lines each container wrote, for a failure message."""
    parts = []
    for name in containers:
        result = standins.podman("logs", "--tail", "40", name, check=False,
                                 capture_output=True, text=True, timeout=30)
        parts.append(f"--- {name}\n{result.stdout}{result.stderr}")
    return "\n".join(parts)


# --- the image --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def images() -> dict[str, str]:
    """The stand-ins (built or found in the cache) and the tutor's image built on them."""
    _require_tools()
    standin = standins.ensure_all()
    result = standins.podman(
        "build", "--format", "docker", "--build-arg", f"PYTHON_IMAGE={standin['PYTHON_IMAGE']}",
        "--tag", IMAGE, str(REPO_ROOT), check=False, capture_output=True, text=True,
        timeout=BUILD_TIMEOUT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return standin


def start_container(name: str) -> str:
    """Run the image as `name`, published on a free loopback port; return "127.0.0.1:port"."""
    standins.podman("rm", "--force", "--volumes", name, check=False, quiet=True, timeout=60)
    podman("run", "--detach", "--name", name, "--publish", "127.0.0.1::8000", IMAGE)
    base = published(name)
    wait_for(f"{name} answering /healthz", lambda: answers_healthz(base),
             logs=lambda: logs_of(name))
    return base


def remove_container(name: str) -> None:
    """Remove the container and its anonymous volumes, whatever its state."""
    standins.podman("rm", "--force", "--volumes", "--time", "0", name, check=False, quiet=True,
                    timeout=60)


class TestImage:
    @pytest.fixture(scope="class")
    def container(self, images):
        name = f"{PROJECT}-image-{os.getpid()}"
        try:
            yield name, start_container(name)
        finally:
            remove_container(name)

    def test_it_serves_healthz_and_a_seed_question_over_loopback(self, container):
        _name, base = container
        status, health = call(base, "GET", "/healthz")
        assert status == 200 and health["status"] == "ok" and health["entries"] > 0
        status, reply = call(base, "POST", "/chat", {"message": SEED_QUESTION})
        assert status == 200
        assert (reply["kind"], reply["entry_id"]) == ("answer", SEED_ENTRY)

    def test_it_runs_as_uid_10001_with_gunicorn_as_pid_1(self, container):
        name, _base = container
        status = podman("exec", name, "cat", "/proc/1/status")
        uids = next(line.split()[1:] for line in status.splitlines() if line.startswith("Uid:"))
        assert set(uids) == {"10001"}
        command = podman("exec", name, "cat", "/proc/1/cmdline").split("\0")
        assert "gunicorn" in command[1] and "service:create_app()" in command
        assert podman("image", "inspect", "--format", "{{.Config.User}}", IMAGE).strip() \
            == "10001:10001"

    def test_its_own_healthcheck_passes(self, container):
        name, _base = container
        assert healthy(name)

    def test_sigterm_stops_it_cleanly(self, images):
        name = f"{PROJECT}-sigterm-{os.getpid()}"
        try:
            base = start_container(name)
            assert call(base, "POST", "/chat", {"message": SEED_QUESTION})[0] == 200
            started = time.monotonic()
            podman("kill", "--signal", "TERM", name)
            exit_code = podman("wait", name, timeout=40).strip()
            elapsed = time.monotonic() - started
            output = logs_of(name)
        finally:
            remove_container(name)
        assert exit_code == "0", output
        assert elapsed < 30, output  # well inside gunicorn's graceful_timeout
        assert "Handling signal: term" in output and "Shutting down: Master" in output, output
        assert "Traceback" not in output and "SIGKILL" not in output, output


# --- the compose stack ------------------------------------------------------------------------

@dataclass
class Stack:
    """The running stack: nginx's address, each replica's container and address, and more."""

    proxy: str
    replicas: list[tuple[str, str]]  # (container, "127.0.0.1:port")
    postgres: str
    redis: str
    containers: list[str]

    def stored_questions(self) -> set[str]:
        """Every unanswered question in PostgreSQL, read with psql inside its container."""
        out = podman("exec", self.postgres, "psql", "-U", "tutor", "-d", "tutor", "-At",
                     "-c", "SELECT message FROM questions")
        return set(out.splitlines())


def compose(*args: str, env: dict[str, str], timeout: float = 300.0) -> None:
    """Run podman-compose on the project's compose file and the tests' additions; fail with
    its output when it fails."""
    files = [option for path in COMPOSE_FILES for option in ("-f", str(path))]
    result = subprocess.run([str(PODMAN_COMPOSE), "-p", PROJECT, *files, *args], env=env,
                            cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, (args, result.stdout[-3000:], result.stderr[-3000:])


def containers_by_service() -> dict[str, list[str]]:
    """The project's containers, per compose service, in replica order."""
    listed = json.loads(podman("ps", "--all", "--format", "json", "--filter",
                               f"label=io.podman.compose.project={PROJECT}"))
    services: dict[str, list[tuple[int, str]]] = {}
    for container in listed:
        labels = container["Labels"]
        number = int(labels.get("com.docker.compose.container-number", "1"))
        services.setdefault(labels["com.docker.compose.service"], []).append(
            (number, container["Names"][0]))
    return {service: [name for _n, name in sorted(names)] for service, names in services.items()}


def anonymous_volumes(containers: list[str]) -> list[str]:
    """The unnamed volumes the containers' images declared (podman-compose leaves them)."""
    volumes = []
    for name in containers:
        mounts = json.loads(podman("inspect", "--format", "{{json .Mounts}}", name))
        volumes += [m["Name"] for m in mounts
                    if m.get("Type") == "volume" and not m["Name"].startswith(PROJECT)]
    return volumes


@pytest.fixture(scope="module")
def stack(images):
    """The compose stack with the stand-ins, the tutor image built by compose, a random proxy
    port; torn down (volumes too) at the end."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("TUTOR_", "SLACK_", "POSTGRES_"))}
    env.update(standins.podman_environment())
    env.update(images)
    env.update(
        TUTOR_IMAGE=IMAGE,
        PROXY_ADDRESS="127.0.0.1:",  # "127.0.0.1::8000": podman picks a free port
        TUTOR_SECRET_KEY=secrets.token_urlsafe(32),
        TUTOR_ADMIN_TOKEN=ADMIN_TOKEN,
        POSTGRES_PASSWORD=secrets.token_urlsafe(16),
        TUTOR_RATE_LIMITS=f"{RATE_LIMIT} per minute",
        TUTOR_WORKERS="2",
    )
    compose("down", "--volumes", env=env)  # what an interrupted run left
    everything: list[str] = []
    try:
        # `build tutor` builds once (`up --build` would build once per replica, in parallel).
        compose("build", "tutor", env=env, timeout=BUILD_TIMEOUT)
        compose("up", "--detach", env=env)
        names = containers_by_service()
        everything = [name for group in names.values() for name in group]
        running = Stack(proxy=published(names["proxy"][0]),
                        replicas=[(name, published(name)) for name in names["tutor"]],
                        postgres=names["postgres"][0], redis=names["redis"][0],
                        containers=everything)
        assert len(running.replicas) == 2, names
        wait_until_ready(running)
        yield running
    finally:
        volumes = anonymous_volumes(everything)
        compose("down", "--volumes", "--timeout", "10", env=env)
        for volume in volumes:
            standins.podman("volume", "rm", "--force", volume, check=False, quiet=True)


def wait_until_ready(stack: Stack) -> None:
    """Wait until every compose health check passes, PostgreSQL has finished initialising
    (it listens on TCP only then) and nginx answers /healthz."""
    def ready() -> bool:
        return (all(healthy(name) for name in (stack.postgres, stack.redis))
                and standins.podman("exec", stack.postgres, "pg_isready", "-h", "127.0.0.1",
                                    "-U", "tutor", "-d", "tutor", check=False, quiet=True,
                                    timeout=30).returncode == 0
                and all(healthy(name) for name, _base in stack.replicas)
                and answers_healthz(stack.proxy))

    wait_for("the stack healthy", ready, logs=lambda: logs_of(*stack.containers))


class TestStack:
    def test_every_service_is_healthy_and_nginx_serves_the_replicas(self, stack):
        for name in stack.containers:
            state = json.loads(podman("inspect", "--format", "{{json .State}}", name))
            assert state["Status"] == "running", name
        for name in [stack.postgres, stack.redis] + [name for name, _ in stack.replicas]:
            assert healthy(name), name
        status, reply = call(stack.proxy, "POST", "/chat", {"message": SEED_QUESTION})
        assert status == 200 and reply["entry_id"] == SEED_ENTRY

    def test_a_conversation_continues_across_replicas(self, stack):
        (_a, first), (_b, second) = stack.replicas
        student = as_client("198.51.100.1")
        status, reply = call(first, "POST", "/chat", {"message": CALCULATION}, student)
        assert status == 200 and reply["kind"] == "calculation", reply
        session = reply["session_id"]
        status, reply = call(second, "POST", "/chat",
                             {"message": "what about stride 1?", "session_id": session}, student)
        assert status == 200
        assert reply["session_id"] == session, "the other replica did not know the session"
        assert reply["kind"] == "calculation", reply
        assert reply["calculation"]["request"] == {"input": 28, "kernel": 5, "stride": 1,
                                                   "padding": "same"}

    def test_a_record_written_through_one_replica_is_in_the_report_read_through_the_other(
            self, stack):
        (_a, first), (_b, second) = stack.replicas
        question = f"which ferry leaves the harbour of {secrets.token_hex(4)} at dawn?"
        status, reply = call(first, "POST", "/chat", {"message": question},
                             as_client("198.51.100.2"))
        assert status == 200 and reply["kind"] == "fallback", reply
        status, report = call(second, "GET", "/admin/unanswered",
                              headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
        assert status == 200, report
        assert question in [text for group in report["groups"] for text in group["examples"]]

    def test_a_rate_limit_counts_across_replicas(self, stack):
        student = {**as_client("198.51.100.3"), "Content-Type": "application/json"}
        body = json.dumps({"input": 32, "kernel": 3})
        # One kept-alive connection per replica; the student's requests alternate between them,
        # so each replica alone sees only half the limit.
        connections = [http.client.HTTPConnection(base, timeout=15)
                       for _name, base in stack.replicas]

        def ask(connection: http.client.HTTPConnection) -> tuple[int, dict]:
            connection.request("POST", "/calc/conv", body=body, headers=student)
            response = connection.getresponse()
            return response.status, json.loads(response.read())

        try:
            statuses = [ask(connections[i % 2])[0] for i in range(RATE_LIMIT)]
            over = [ask(connection) for connection in connections]
        finally:
            for connection in connections:
                connection.close()
        assert statuses == [200] * RATE_LIMIT
        for status, reply in over:
            assert status == 429 and reply["error"]["code"] == "rate_limited"

    def test_killing_a_replica_during_traffic_loses_no_acknowledged_record(self, stack):
        victim, _base = stack.replicas[0]
        acknowledged: list[str] = []
        unexpected: list[object] = []
        lock = threading.Lock()
        stop = threading.Event()

        def ask(thread: int) -> None:
            for i in range(KILL_TRAFFIC_PER_THREAD):
                if stop.is_set():
                    return
                message = f"how do I bake sourdough bread, attempt {thread}-{i}?"
                try:
                    status, reply = call(stack.proxy, "POST", "/chat", {"message": message})
                except (OSError, http.client.HTTPException):
                    continue  # no reply, so nothing was acknowledged
                except BaseException as error:  # reported by the main thread
                    with lock:
                        unexpected.append(error)
                    return
                if status == 502:
                    # nginx had sent the request to the replica that died: it does not retry
                    # a POST elsewhere, and the student saw no answer.
                    continue
                with lock:
                    if status != 200:
                        unexpected.append((status, reply))
                    elif reply["kind"] == "fallback":
                        acknowledged.append(message)

        pid = int(podman("inspect", "--format", "{{.State.Pid}}", victim))
        served_before = podman("logs", victim).count('"POST /chat HTTP/')
        threads = [threading.Thread(target=ask, args=(t,)) for t in range(4)]
        for thread in threads:
            thread.start()
        try:
            wait_for("traffic through nginx", lambda: len(acknowledged) >= 20, timeout=60,
                     interval=0.005)
            os.kill(pid, signal.SIGKILL)  # a crash: gunicorn, PID 1 of the replica, dies at once
            with lock:
                at_kill = len(acknowledged)
            wait_for("traffic after the kill", lambda: len(acknowledged) >= at_kill + 40,
                     timeout=60, interval=0.005)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=60)
        assert not any(thread.is_alive() for thread in threads), "the traffic did not end"
        assert not unexpected, unexpected
        served_by_victim = podman("logs", victim).count('"POST /chat HTTP/') - served_before
        assert served_by_victim > 0, "nginx sent the victim nothing before the kill"
        missing = set(acknowledged) - stack.stored_questions()
        assert not missing, f"{len(missing)} acknowledged questions are not stored: {missing}"
        # compose's `restart: unless-stopped`: podman starts the crashed replica again.
        wait_for(f"{victim} restarted and healthy",
                 lambda: answers_healthz(published(victim)) and healthy(victim),
                 logs=lambda: logs_of(victim))
        assert int(podman("inspect", "--format", "{{.RestartCount}}", victim)) >= 1
