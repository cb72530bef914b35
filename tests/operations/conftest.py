"""The databases the records are tested on: a real SQLite file, and a real PostgreSQL where
one runs (127.0.0.1:5432, database `test`; required when CI=true), each test in a fresh schema."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from service.operations.records import Records, sqlite_url

PG_BASE = "postgresql+psycopg://{user}@127.0.0.1:5432/test"


def _postgres_user() -> str | None:
    try:
        import psycopg
    except ImportError:
        return None
    for user in ("postgres", "root"):
        try:
            psycopg.connect(host="127.0.0.1", port=5432, dbname="test", user=user,
                            connect_timeout=3).close()
            return user
        except psycopg.Error:
            continue
    return None


@pytest.fixture(scope="session")
def postgres_user():
    user = _postgres_user()
    if user is None:
        message = ("PostgreSQL is not reachable on 127.0.0.1:5432 (database `test`, trust auth "
                   "for user postgres or root); start one, e.g. `docker run -d -p 5432:5432 "
                   "-e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:16`")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return user


@pytest.fixture
def postgres_url(postgres_user):
    """A fresh schema in the `test` database, dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_BASE.format(user=postgres_user))
    with admin.begin() as db:
        db.execute(sa.text(f"CREATE SCHEMA {schema}"))
    yield PG_BASE.format(user=postgres_user) + f"?options=-csearch_path%3D{schema}"
    with admin.begin() as db:
        db.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "records.sqlite3")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def records(url):
    store = Records(url)
    yield store
    store.dispose()
