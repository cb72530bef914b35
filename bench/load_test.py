"""A bounded load test on loopback: chat and calculators mixed, then a worker killed.

    .venv/bin/python bench/load_test.py [--seconds 60] [--kill-seconds 20] [--connections 64]

Starts the real gunicorn (rate limits off, fresh SQLite records) on a free loopback port and
runs wrk in one command: GET /healthz for `--seconds` (the trivial baseline), then a mix of
POST /chat (in-scope, out-of-scope and calculation questions from eval/holdout.yaml) and
POST /calc/conv for `--seconds`, which must see no error at all. Then the same mix for
`--kill-seconds` while one gunicorn worker is killed with SIGKILL half-way (the connections it
held are reset: those errors are expected); every fallback the server acknowledged in any run
(HTTP 200 with kind "fallback", counted by wrk's Lua script) must be in the records database.
Exits non-zero on an error in the clean runs or a lost record. Needs Debian's wrk.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import gunicorn, lua_string, worker_pids, wrk  # noqa: E402
from service.core.evaluation import load_cases  # noqa: E402

LUA_MIX = """
local bodies = {%s}
local paths = {%s}
local n = 0
fallbacks = 0  -- a global: done() reads it from every thread with thread:get
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

request = function()
  n = n + 1
  local i = (n %% #bodies) + 1
  return wrk.format("POST", paths[i], {["Content-Type"] = "application/json"}, bodies[i])
end

-- a fallback that is a question (greetings and thanks are fallbacks too, and not recorded)
response = function(status, headers, body)
  if status == 200 and string.find(body, '"kind":"fallback"', 1, true)
      and not string.find(body, "Hi! I'm the course's tutor", 1, true)
      and not string.find(body, "You're welcome", 1, true) then
    fallbacks = fallbacks + 1
  end
end

done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("fallbacks")
  end
  io.write(string.format("ACKNOWLEDGED_FALLBACKS %%d\\n", total))
end
"""


def run_mix(base: str, seconds: int, connections: int, script: Path) -> tuple[dict, int]:
    """Run the mixed wrk script; return its figures and the fallbacks it saw acknowledged."""
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
         base + "/chat"], capture_output=True, text=True, check=True).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": re.search(r"50%\s+([\d.]+\w+)", output).group(1),
        "p99": re.search(r"99%\s+([\d.]+\w+)", output).group(1),
        "errors": sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)",
                                                 output)),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
    }
    return figures, int(re.search(r"ACKNOWLEDGED_FALLBACKS (\d+)", output).group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--kill-seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with gunicorn(args.workers) as (server, base, workdir):
        cases = load_cases(ROOT / "eval" / "holdout.yaml")
        bodies, paths = [], []
        for n, case in enumerate(cases):
            bodies.append(json.dumps({"message": case.question}))
            paths.append("/chat")
            if n % 3 == 0:
                bodies.append(json.dumps({"input": 16 + n % 50, "kernel": 3,
                                          "stride": 1 + n % 3, "padding": n % 2}))
                paths.append("/calc/conv")
        script = workdir / "mix.lua"
        script.write_text(LUA_MIX % (", ".join(lua_string(b) for b in bodies),
                                     ", ".join(lua_string(p) for p in paths)))

        baseline = wrk(base + "/healthz", args.seconds, args.connections, None)
        mixed, acknowledged = run_mix(base, args.seconds, args.connections, script)
        killed: list[int] = []

        def kill_one_worker() -> None:
            time.sleep(args.kill_seconds / 2)
            pids = worker_pids(server.pid)
            if pids:
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])

        killer = threading.Thread(target=kill_one_worker)
        killer.start()
        with_kill, acknowledged_during_kill = run_mix(base, args.kill_seconds, args.connections,
                                                      script)
        killer.join()
        acknowledged += acknowledged_during_kill
    with sqlite3.connect(workdir / "feedback.sqlite3") as db:
        stored = db.execute("SELECT count(*) FROM questions WHERE kind = 'fallback'").fetchone()[0]

    print(f"{os.cpu_count()} cores; gunicorn {args.workers} workers x 4 threads; wrk 2 threads, "
          f"{args.connections} connections")
    print(f"{'run':<40} {'req/s':>8} {'ratio':>6} {'p50':>9} {'p99':>9} {'errors':>7} "
          f"{'non-2xx':>8}")
    rows = [(f"GET /healthz, {args.seconds} s (baseline)", baseline | {"non2xx": 0}),
            (f"chat + calc mixed, {args.seconds} s", mixed),
            (f"mixed, {args.kill_seconds} s, worker SIGKILLed", with_kill)]
    for name, run in rows:
        print(f"{name:<40} {run['rps']:>8.0f} {run['rps'] / baseline['rps']:>6.2f} "
              f"{run['p50']:>9} {run['p99']:>9} {run['errors']:>7} {run['non2xx']:>8}")
    print(f"worker killed: {killed[0] if killed else 'none'}; fallbacks acknowledged: "
          f"{acknowledged}; stored: {stored}")
    failed = baseline["errors"] or mixed["errors"] or mixed["non2xx"] or stored < acknowledged
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
