"""Shared by the HTTP benchmarks: a real gunicorn on a free loopback port, and wrk."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lua_string(text: str) -> str:
    """A Lua string literal: JSON's escapes are Lua's too, except \\uXXXX (kept as UTF-8)."""
    return json.dumps(text, ensure_ascii=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wrk(url: str, seconds: int, connections: int, script: Path | None) -> dict:
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script:
        args += ["-s", str(script)]
    output = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"50%\s+([\d.]+\w+)", output).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", output).group(1)
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50": p50, "p99": p99,
            "errors": errors + (int(non2xx.group(1)) if non2xx else 0)}


def worker_pids(master: int) -> list[int]:
    """The gunicorn workers: the master's children."""
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


@contextmanager
def gunicorn(workers: int) -> Iterator[tuple[subprocess.Popen, str, Path]]:
    """Run the service under gunicorn (rate limits off, fresh databases in a temporary folder)
    until every worker is up; yield the master process, the base URL and that folder."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
    env = {**os.environ, "TUTOR_SESSION_DB": str(workdir / "sessions.sqlite3"),
           "TUTOR_WORKERS": str(workers), "TUTOR_RATE_LIMITS": "", "TUTOR_JSON_LOGS": "false"}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn")), "--config",
         "python:service.gunicorn_conf", "--bind", f"127.0.0.1:{port}", "--workers",
         str(workers), "--access-logfile", "/dev/null", "service:create_app()"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                if len(worker_pids(server.pid)) >= workers:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                sys.exit("gunicorn did not come up")
            time.sleep(0.3)
        yield server, base, workdir
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
