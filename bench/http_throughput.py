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
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import gunicorn, lua_string, wrk  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    with gunicorn(args.workers) as (_, base, workdir):
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
    baseline = runs["GET /healthz (baseline)"]["rps"]
    print(f"gunicorn {args.workers} workers, wrk 2 threads {args.connections} connections, "
          f"{args.seconds} s each, {os.cpu_count()} cores")
    print(f"{'route':<26} {'req/s':>8} {'ratio':>6} {'p50':>9} {'p99':>9} {'errors':>7}")
    for name, run in runs.items():
        print(f"{name:<26} {run['rps']:>8.0f} {run['rps'] / baseline:>6.2f} {run['p50']:>9} "
              f"{run['p99']:>9} {run['errors']:>7}")


if __name__ == "__main__":
    main()
