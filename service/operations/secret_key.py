"""The key that signs practice-question ids: configured, or created once and shared by workers.

gunicorn runs several workers, each calling the factory; a question signed by one worker must
be accepted by another, and by the next restart, so a random per-process key will not do.
When `SECRET_KEY` (`TUTOR_SECRET_KEY`) is not set, the key is read from where the sessions
are kept, which every worker can already reach and write: with `REDIS_URL`, a Redis key that
the first worker of any replica creates with SET NX (no time to live: it must outlast every id
it signed); otherwise a `secret_key` file next to the session database, created atomically.
Either way all of them read the same key.
"""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path

from flask import Flask
from redis import Redis

from service.core.sessions import redis_prefix, shared_redis

KEY_FILE = "secret_key"
REDIS_KEY = "secret_key"  # after REDIS_KEY_PREFIX
MIN_LENGTH = 32


def init_secret_key(app: Flask) -> None:
    """Make sure `app.config["SECRET_KEY"]` is set, deriving a stable one when it is not.

    With sessions kept in memory (one process: the CLI, some tests) a random key will do.
    Raises OSError if the key file can be neither read nor created, or redis.RedisError if
    Redis does not answer, so that the service refuses to start rather than hand out ids no
    other worker accepts.
    """
    if app.config.get("SECRET_KEY"):
        return
    client = shared_redis(app)
    if client is not None:
        app.config["SECRET_KEY"] = read_or_create_redis_key(client, redis_prefix(app) + REDIS_KEY)
        return
    if app.config["SESSION_DB"] == ":memory:":
        app.config["SECRET_KEY"] = secrets.token_hex(32)
        return
    # the same rule as the session database: relative to the instance folder, absolute wins
    folder = (Path(app.instance_path) / app.config["SESSION_DB"]).parent
    app.config["SECRET_KEY"] = read_or_create_key(folder / KEY_FILE)


def read_or_create_key(path: Path, attempts: int = 50) -> str:
    """Return the key stored at `path`, creating it (mode 0600) if there is none yet.

    Creation is atomic: the key is written to a private temporary file that is then
    hard-linked into place, which fails if another process got there first, so no reader ever
    sees a half-written key and no two processes end up with different ones. Raises OSError
    when the folder is not writable, or ValueError when the file holds a key too short to use.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    for _ in range(attempts):
        try:
            key = path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            _create(path)
            continue
        if len(key) >= MIN_LENGTH:
            return key
        time.sleep(0.02)  # only the fallback in _create can expose a partly written file
    raise ValueError(f"{path} holds no usable key (at least {MIN_LENGTH} characters): "
                     "delete it, or set TUTOR_SECRET_KEY")


def read_or_create_redis_key(client: Redis, name: str) -> str:
    """Return the key stored in Redis under `name`, creating it first if there is none yet.

    SET NX is atomic: of all the workers and replicas starting together exactly one stores its
    new key, and every one of them then reads that one. Raises redis.RedisError when Redis does
    not answer, or ValueError when the stored key is too short to use.
    """
    client.set(name, secrets.token_hex(32), nx=True)
    stored = client.get(name)
    key = stored.decode("utf-8").strip() if stored is not None else ""
    if len(key) < MIN_LENGTH:
        raise ValueError(f"Redis key {name!r} holds no usable key (at least {MIN_LENGTH} "
                         "characters): delete it, or set TUTOR_SECRET_KEY")
    return key


def _create(path: Path) -> None:
    """Write a new random key to `path` unless some other process already has."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(secrets.token_hex(32) + "\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another worker won the race; its key is the one everybody reads
        except OSError:
            _create_in_place(path)  # a filesystem without hard links
    finally:
        temporary.unlink(missing_ok=True)


def _create_in_place(path: Path) -> None:
    """Create `path` exclusively and write the key into it (readers retry while it is short)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(secrets.token_hex(32) + "\n")
