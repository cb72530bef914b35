"""Requests/s of `POST /chat` and `POST /calc/conv` beside a trivial route, same gunicorn, same run.

    .venv/bin/python bench/http_throughput.py [--seconds 20] [--workers 2] [--connections 16]
                                              [--rounds 3] [--redis redis://127.0.0.1:6379/0]

Starts the real gunicorn on a free loopback port (records and sessions on, in fresh files; with
`--redis`, sessions in Redis under a key prefix of their own, deleted afterwards), then runs wrk
(Debian's `wrk` package) for `--seconds` against GET /healthz (the trivial baseline), POST /chat
(questions rotated from eval/holdout.yaml) and POST /calc/conv, one after the other, `--rounds`
times, and prints requests/s, latency and errors for each and the ratio to the baseline of the
same round. With several rounds the medians are printed: on a shared machine one round can be
slowed by a neighbour, and the median ratio is the figure that survives.

Each run also reports the server's CPU time per request (`cpu/req`: the gunicorn master and its
workers, including workers recycled by `max_requests`, whose boot counts too) and the baseline's
CPU per request divided by the route's (`cpu ratio`): what the req/s ratio comes to when the
server has the cores to itself, and much steadier than req/s when neighbours take CPU.
Loopback only, bounded in time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import gunicorn, lua_string, worker_pids, wrk  # noqa: E402
from service.core.evaluation import load_cases  # noqa: E402

LUA_ROTATE = """
local bodies = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"},
                    bodies[(n %% #bodies) + 1])
end
"""
BASELINE = "GET /healthz (baseline)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1,
                        help="run the three routes this many times in turn; report medians")
    parser.add_argument("--redis", metavar="URL",
                        help="keep sessions in this Redis (TUTOR_REDIS_URL) instead of SQLite")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    prefix = f"bench-{uuid.uuid4().hex[:8]}:"
    if args.redis:
        os.environ.update(TUTOR_REDIS_URL=args.redis, TUTOR_REDIS_KEY_PREFIX=prefix)
    rounds: list[dict[str, dict]] = []
    try:
        with gunicorn(args.workers) as (server, base, workdir):
            scripts = write_scripts(workdir)
            plan = {BASELINE: (base + "/healthz", None),
                    "POST /chat": (base + "/chat", scripts["chat"]),
                    "POST /calc/conv": (base + "/calc/conv", scripts["conv"])}
            for _ in range(args.rounds):
                runs = {}
                for name, (url, script) in plan.items():
                    before = server_cpu_seconds(server.pid)
                    runs[name] = wrk(url, args.seconds, args.connections, script)
                    runs[name]["cpu"] = ((server_cpu_seconds(server.pid) - before)
                                         / (runs[name]["rps"] * args.seconds))
                rounds.append(runs)
    finally:
        if args.redis:
            forget_keys(args.redis, prefix)
    print(f"gunicorn {args.workers} workers, wrk 2 threads {args.connections} connections, "
          f"{args.seconds} s each, {args.rounds} round(s), {os.cpu_count()} cores, sessions in "
          f"{'Redis' if args.redis else 'SQLite'}")
    report(rounds)


def write_scripts(workdir: Path) -> dict[str, Path]:
    """wrk scripts that rotate chat questions and conv requests; return their paths."""
    questions = [c.question for c in load_cases(ROOT / "eval" / "holdout.yaml")]
    chat_bodies = ", ".join(lua_string(json.dumps({"message": q})) for q in questions)
    conv_bodies = ", ".join(lua_string(json.dumps(
        {"input": 16 + n, "kernel": 3, "stride": 1 + n % 3, "padding": n % 2}))
        for n in range(50))
    (workdir / "chat.lua").write_text(LUA_ROTATE % chat_bodies)
    (workdir / "conv.lua").write_text(LUA_ROTATE % conv_bodies)
    return {"chat": workdir / "chat.lua", "conv": workdir / "conv.lua"}


def server_cpu_seconds(master: int) -> float:
    """CPU seconds used so far by the gunicorn master, its live workers and its exited ones."""
    def times(pid: int, fields: slice) -> float:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # a worker that has just exited: the master accounts for it
            return 0.0
        return sum(int(n) for n in stat[fields]) / os.sysconf("SC_CLK_TCK")

    # utime, stime, and for the master also cutime, cstime (its children that have exited)
    return times(master, slice(11, 15)) + sum(times(pid, slice(11, 13))
                                                 for pid in worker_pids(master))


def report(rounds: list[dict[str, dict]]) -> None:
    """Print each round, then (for several) the medians per route."""
    print(f"{'route':<26} {'req/s':>8} {'ratio':>6} {'p50':>9} {'p99':>9} {'errors':>7} "
          f"{'cpu/req':>9} {'cpu ratio':>9}")
    for number, runs in enumerate(rounds, 1):
        if len(rounds) > 1:
            print(f"round {number}")
        baseline = runs[BASELINE]
        for name, run in runs.items():
            print(f"{name:<26} {run['rps']:>8.0f} {run['rps'] / baseline['rps']:>6.2f} "
                  f"{run['p50']:>9} {run['p99']:>9} {run['errors']:>7} "
                  f"{run['cpu'] * 1000:>7.2f}ms {baseline['cpu'] / run['cpu']:>9.2f}")
    if len(rounds) > 1:
        print("median of the rounds")
        for name in rounds[0]:
            rps = statistics.median(r[name]["rps"] for r in rounds)
            ratio = statistics.median(r[name]["rps"] / r[BASELINE]["rps"] for r in rounds)
            errors = sum(r[name]["errors"] for r in rounds)
            cpu = statistics.median(r[name]["cpu"] for r in rounds)
            cpu_ratio = statistics.median(r[BASELINE]["cpu"] / r[name]["cpu"] for r in rounds)
            print(f"{name:<26} {rps:>8.0f} {ratio:>6.2f} {'':>9} {'':>9} {errors:>7} "
                  f"{cpu * 1000:>7.2f}ms {cpu_ratio:>9.2f}")


def forget_keys(url: str, prefix: str) -> None:
    """Delete the keys this run left in Redis."""
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=prefix + "*", count=1000):
        client.delete(key)
    client.close()


if __name__ == "__main__":
    main()
