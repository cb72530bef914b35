"""Knowledge base updated without downtime: reload in place, or keep the last good copy.

Two paths, one rule ("a broken file leaves the old knowledge base serving and reports it"):

- In one process (`POST /admin/reload` outside gunicorn, tests, `tutor serve --dev`):
  `reload_knowledge` validates `knowledge/`, builds a new Tutor (matcher index) and swaps
  `app.extensions` entries in single assignments; a KnowledgeBaseError leaves them untouched.
- Under gunicorn, every worker must change, and only the master reaches them all: SIGHUP makes
  it start fresh workers (which read `knowledge/` again) and retire the old ones. A fresh
  worker that found a broken file would fail to boot and gunicorn would stop altogether, so
  with `KEEP_LAST_GOOD_KB` (set by service/gunicorn_conf.py) every successful load saves a
  pickled snapshot beside the session database and a failed one logs the problems and serves
  the snapshot instead (`load_or_last_good`). `POST /admin/reload` validates first (422 with
  the problems) and only then signals the master (202).
"""

from __future__ import annotations

import logging
import os
import pickle
import signal
import tempfile
from pathlib import Path

from service.knowledge.loading import KnowledgeBase, KnowledgeBaseError, load_knowledge_base

log = logging.getLogger(__name__)

SNAPSHOT = "knowledge-last-good.pickle"


def snapshot_path(app) -> Path:
    """The last good knowledge base's file: beside the session database, like the records."""
    if app.config["SESSION_DB"] == ":memory:":
        return Path(app.instance_path) / SNAPSHOT
    return (Path(app.instance_path) / app.config["SESSION_DB"]).parent / SNAPSHOT


def save_snapshot(path: Path, knowledge_base: KnowledgeBase) -> None:
    """Write the snapshot atomically (temporary file, then rename): workers may race here."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        pickle.dump(knowledge_base, out, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


def load_or_last_good(app) -> KnowledgeBase:
    """Load `KNOWLEDGE_DIR`; with `KEEP_LAST_GOOD_KB`, fall back to the last good snapshot.

    Raises KnowledgeBaseError when the files are broken and there is no snapshot to fall back
    on (or the fallback is off): a first deployment with a broken file must not start.
    """
    keep = bool(app.config.get("KEEP_LAST_GOOD_KB"))
    path = snapshot_path(app)
    try:
        knowledge_base = load_knowledge_base(app.config["KNOWLEDGE_DIR"])
    except KnowledgeBaseError as error:
        if not keep or not path.exists():
            raise
        log.error("knowledge base not reloaded, serving the last good copy: %s", error)
        with open(path, "rb") as snapshot:  # our own file, written by save_snapshot
            return pickle.load(snapshot)
    if keep:
        save_snapshot(path, knowledge_base)
    return knowledge_base


def problems_of(error: KnowledgeBaseError) -> list[dict]:
    """The problems as JSON: file, entry id, field and message of each."""
    return [{"file": p.file, "entry_id": p.entry_id, "field": p.field, "message": p.message}
            for p in error.problems]


def reload_knowledge(app) -> KnowledgeBase:
    """Load `knowledge/` again and swap in a new knowledge base and tutor; raises
    KnowledgeBaseError (and changes nothing) when a file is broken."""
    from service.core.dialogue import Tutor

    knowledge_base = load_knowledge_base(app.config["KNOWLEDGE_DIR"])
    old = app.extensions["tutor"]
    tutor = Tutor.from_config(knowledge_base, old.sessions, app.config)
    tutor.recorder = old.recorder
    # the tutor first: a request reads the knowledge base through it or through the extension,
    # and each is a whole, validated one either way
    app.extensions["tutor"] = tutor
    app.extensions["knowledge_base"] = knowledge_base
    if app.config.get("KEEP_LAST_GOOD_KB"):
        save_snapshot(snapshot_path(app), knowledge_base)
    return knowledge_base


def signal_master() -> None:
    """Ask the gunicorn master (this worker's parent) to replace every worker."""
    os.kill(os.getppid(), signal.SIGHUP)
