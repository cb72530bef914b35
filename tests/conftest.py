"""Shared fixtures: the app over the real knowledge base, its client, and a tiny knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from service import create_app
from service.knowledge.loading import load_knowledge_base

# The browser tests' `browser` and `screenshots` fixtures (Playwright is imported only when used).
pytest_plugins = ["tests.browser"]

DATA = Path(__file__).parent / "data"
REPO_KNOWLEDGE = Path(__file__).parent.parent / "knowledge"


@pytest.fixture(autouse=True)
def _no_tutor_environment(monkeypatch):
    """Tests see only the configuration they pass, never the developer's TUTOR_* variables."""
    import os

    for name in list(os.environ):
        if name.startswith("TUTOR_") or name.startswith("SLACK_"):
            monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """One app over the real knowledge base for the whole run: building it takes a second."""
    sessions = tmp_path_factory.mktemp("sessions") / "sessions.sqlite3"
    # No rate limits: the suite sends far more than a student would
    # (tests/operations/test_ratelimits.py).
    return create_app({"TESTING": True, "SESSION_DB": str(sessions), "RATE_LIMITS": ""})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def knowledge_base():
    """The repository's real knowledge base, loaded once."""
    return load_knowledge_base(REPO_KNOWLEDGE)


@pytest.fixture
def tiny_knowledge(tmp_path) -> Path:
    """A writable copy of the two-entry knowledge base in tests/data/knowledge."""
    target = tmp_path / "knowledge"
    shutil.copytree(DATA / "knowledge", target)
    return target
