"""gunicorn settings for the DL Tutor, used as `--config python:service.gunicorn_conf`.

Only environment variables are read here, never the app's configuration: each worker calls
the factory itself (`preload_app = False`), so the master stays free of app state and a
SIGHUP reload picks up a new knowledge base. Command-line flags (`--bind`, `--workers`)
override everything set here.
"""

from __future__ import annotations

import os
import shutil
import tempfile


def _usable_cores() -> int:
    """Return the CPUs this process may run on (a container's cpuset, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _workers_from_env(default: int) -> int:
    """Return `TUTOR_WORKERS` as a positive int, `default` when unset or empty.

    Raises ValueError naming the variable when it is set to anything else, so a typo stops the
    server at start-up instead of silently running with the default.
    """
    raw = os.environ.get("TUTOR_WORKERS", "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"TUTOR_WORKERS must be a positive integer, not {raw!r}")
    return value


# 127.0.0.1 unless told otherwise: exposing the tutor is a deliberate `--bind 0.0.0.0:8000`
# (the Dockerfile's CMD does that).
bind = ["127.0.0.1:8000"]

# Threads, not only processes. A request takes a few milliseconds of CPU, but the service may
# face browsers (the chat widget) with no buffering proxy in front (docker-compose.yml puts
# none there), and a sync worker is held for the whole of a slow client's upload and download
# and cannot keep connections alive at all. gthread lets a worker wait on four sockets at once
# and honours `keepalive`; the GIL makes its threads no faster at the CPU work, which is why
# processes still scale with cores. The app is thread-safe: the knowledge base and matcher are
# read-only after the factory builds them, and the SQLite session store keeps one connection
# per thread.
worker_class = "gthread"
threads = 4

# Processes only have to cover the CPUs, since threads cover waiting: one per core plus one,
# so that a worker busy with a request or being recycled by `max_requests` does not leave a
# core idle. That is 3 on a 2-core box; 2 * cores + 1 (gunicorn's rule for sync workers that
# block on I/O) would be 5 there, each with its own copy of the knowledge base and matcher
# index and its own second or two of start-up, for no gain once the cores are busy. Capped at
# 4 because `os.sched_getaffinity` on a large host without a cpuset reports every core, and
# 4 x 4 threads is far more than this service's traffic needs.
workers = _workers_from_env(min(_usable_cores() + 1, 4))

# A request that takes 30 s is a hung worker, not a slow calculation: the body and matrix size
# limits keep every honest request in milliseconds.
timeout = 30
graceful_timeout = 30
keepalive = 5

# Each worker builds its own app (see the module docstring).
preload_app = False

# SIGHUP replaces every worker, and a new worker reads knowledge/ again: one that finds a broken
# file serves the last good copy instead of failing to boot, and POST /admin/reload validates
# and then sends the SIGHUP itself (service/operations/reload.py). Workers inherit these.
os.environ.setdefault("TUTOR_KEEP_LAST_GOOD_KB", "true")
os.environ.setdefault("TUTOR_RELOAD_SIGNALS_MASTER", "true")

# Recycle workers now and then, so that a slow leak cannot grow without bound; the jitter keeps
# them from all restarting at the same moment. A restart costs a worker about 1.4 s of CPU (the
# knowledge base is indexed again), so not too often: at 2000 it was most of /healthz's cost.
max_requests = 20000
max_requests_jitter = 2000

# Logs go to the process's streams for the container runtime to collect: access lines to
# stdout, everything else to stderr. The access line adds the worker's pid (to tell workers
# apart) and the request time in milliseconds.
accesslog = "-"
errorlog = "-"
loglevel = "info"
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(p)s %(M)sms'

# Which proxies may set X-Forwarded-Proto/-For: only loopback unless the deployment says so
# (a comma-separated list of addresses or networks, or "*" behind a trusted load balancer).
forwarded_allow_ips = os.environ.get(
    "TUTOR_FORWARDED_ALLOW_IPS", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1"))

# No control socket (gunicorn >= 25.1; older versions ignore the name). Nothing of ours uses
# `gunicornc`, and its default path is one per user ($HOME/.gunicorn/gunicorn.ctl): a second
# server on the same machine (the test suite next to `tutor serve`) unlinks the first one's
# socket, and the container's user has no home to create it in. Signals (HUP, TERM, TTIN,
# TTOU) still manage the master.
control_socket_disable = True

# Workers' heartbeat files: in memory where there is a tmpfs, because a container's /tmp on an
# overlay filesystem can stall the heartbeat long enough for the master to kill the worker.
if os.path.isdir("/dev/shm"):
    worker_tmp_dir = "/dev/shm"


def post_worker_init(worker) -> None:
    """Log when a worker has built its app and starts taking requests.

    gunicorn only logs a worker's spawn ("Booting worker"); building the app (loading and
    indexing the knowledge base) takes a second or two more, and a worker that fails there
    exits instead. This line says when each one is really serving.
    """
    worker.log.info("Worker ready (pid: %s)", worker.pid)


# Prometheus metrics across workers: each worker writes its numbers to files in one directory and
# /metrics adds them up (service/operations/observability.py). The master picks an empty directory
# before any worker starts, unless PROMETHEUS_MULTIPROC_DIR already names one (which must then be
# empty at start-up, or old counts are added in), and removes the one it made on exit.
_METRICS_DIR_CREATED: list[str] = []


def on_starting(server) -> None:
    """Create and export PROMETHEUS_MULTIPROC_DIR for the workers when it is not set."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return
    parent = "/dev/shm" if os.path.isdir("/dev/shm") else None
    path = tempfile.mkdtemp(prefix="tutor-metrics-", dir=parent)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
    _METRICS_DIR_CREATED.append(path)
    server.log.info("Prometheus multiprocess directory: %s", path)


def child_exit(server, worker) -> None:
    """Drop a dead worker's live gauges; its counters stay in the totals."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def on_exit(server) -> None:
    """Remove the metrics directory this master created."""
    for path in _METRICS_DIR_CREATED:
        shutil.rmtree(path, ignore_errors=True)
