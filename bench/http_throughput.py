"""Requests/s of `POST /chat` and `POST /calc/conv` beside a trivial route, same gunicorn, same run.

    .venv/bin/python bench/http_throughput.py [--seconds 20] [--workers 2] [--connections 16]

Starts the real gunicorn on a free loopback port, then runs wrk (Debian's `wrk` package) for
`--seconds` against GET /healthz (the trivial baseline), POST /chat (questions rotated from
eval/holdout.yaml) and POST /calc/conv, one after the other, and prints requests/s, latency
and errors for each and the ratio to the baseline. The ratio is the figure that survives a noisy
machine. Loopback only, bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.evaluation import load_cases  # noqa: E402

LUA_ROTATE = """
local bodies = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
                    bodies[(n %% #bodies) + 1])
end
"""


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    workdir = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
    env = {**os.environ, "TUTOR_SESSION_DB": str(workdir / "sessions.sqlite3"),
           "TUTOR_WORKERS": str(args.workers), "TUTOR_RATE_LIMITS": "",
           "TUTOR_JSON_LOGS": "false"}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "python:service.gunicorn_conf", "--bind",
         f"127.0.0.1:{port}", "--workers", str(args.workers), "--access-logfile", "/dev/null",
         "service:create_app()"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    sys.exit("gunicorn did not come up")
                time.sleep(0.3)
        questions = [c.question for c in load_cases(ROOT / "eval" / "holdout.yaml")]
        chat_bodies = ", ".join(lua_string(json.dumps({"message": q})) for q in questions)
        conv_bodies = ", ".join(lua_string(json.dumps(
            {"input": 16 + n, "kernel": 3, "stride": 1 + n % 3, "padding": n % 2}))
            for n in range(50))
        (workdir / "chat.lua").write_text(LUA_ROTATE % chat_bodies)
        (workdir / "conv.lua").write_text(LUA_ROTATE % conv_bodies)
        runs = {
            "GET /healthz (baseline)": wrk(base + "/healthz", args.seconds, args.connections,
                                           None),
            "POST /chat": wrk(base + "/chat", args.seconds, args.connections,
                              workdir / "chat.lua"),
            "POST /calc/conv": wrk(base + "/calc/conv", args.seconds, args.connections,
                                   workdir / "conv.lua"),
        }
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    baseline = runs["GET /healthz (baseline)"]["rps"]
    print(f"gunicorn {args.workers} workers, wrk 2 threads {args.connections} connections, "
          f"{args.seconds} s each, {os.cpu_count()} cores")
    print(f"{'route':<26} {'req/s':>8} {'ratio':>6} {'p50':>9} {'p99':>9} {'errors':>7}")
    for name, run in runs.items():
        print(f"{name:<26} {run['rps']:>8.0f} {run['rps'] / baseline:>6.2f} {run['p50']:>9} "
              f"{run['p99']:>9} {run['errors']:>7}")


if __name__ == "__main__":
    main()
