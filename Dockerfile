# The DL Tutor as one container: gunicorn (PID 1) serving service:create_app().
#   docker build -t dl-tutor . && docker run -p 127.0.0.1:8000:8000 dl-tutor
# PYTHON_IMAGE swaps the base for a compatible one (tests/containers/ builds a stand-in for
# python:3.11-slim from Debian's packages where no registry is reachable).
ARG PYTHON_IMAGE=python:3.11-slim
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

# The dependencies first, in a layer of their own that is rebuilt only when pyproject.toml
# changes (and flit_core, which builds the package below without reaching the network).
# Every dependency ships a manylinux wheel for 3.11, so no compiler is needed.
COPY pyproject.toml /tmp/src/
# Packages in tool.dl-tutor's install-without-dependencies are installed bare (see there).
RUN python -c 'import tomllib; toml = tomllib.load(open("/tmp/src/pyproject.toml", "rb")); \
        print(*toml["project"]["dependencies"], *toml["build-system"]["requires"], sep="\n", \
              file=open("/tmp/requirements.txt", "w")); \
        print(*toml["tool"]["dl-tutor"]["install-without-dependencies"], sep="\n", \
              file=open("/tmp/bare.txt", "w"))' \
    && pip install -r /tmp/requirements.txt \
    && pip install --no-deps -r /tmp/bare.txt \
    && rm /tmp/requirements.txt /tmp/bare.txt

# Then the package itself (no test extra) from a scratch copy of the source, so that the
# running service imports the installed package and nothing shadows it from the working
# directory.
COPY README.md /tmp/src/
COPY service /tmp/src/service
RUN pip install --no-deps --no-build-isolation /tmp/src && rm -rf /tmp/src

# The knowledge base is data, read at start-up; the installed package cannot find the
# repository's knowledge/ on its own, hence TUTOR_KNOWLEDGE_DIR.
WORKDIR /app
COPY knowledge /app/knowledge

# A system user without a login or home; it owns only the session store's directory. An
# absolute TUTOR_SESSION_DB wins over Flask's instance folder (inside site-packages here).
# SQLite's WAL mode writes -wal and -shm files next to the database, so the whole directory
# must be writable. A named volume mounted there starts with this directory's ownership.
RUN groupadd --system --gid 10001 tutor \
    && useradd --system --uid 10001 --gid tutor --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin tutor \
    && mkdir -p /var/lib/tutor \
    && chown tutor:tutor /var/lib/tutor

ENV TUTOR_KNOWLEDGE_DIR=/app/knowledge \
    TUTOR_SESSION_DB=/var/lib/tutor/sessions.sqlite3

# Numeric, so that orchestrators enforcing "run as non-root" can check it.
USER 10001:10001

EXPOSE 8000

# slim has no curl: ask /healthz with the interpreter that is already there. (podman keeps
# HEALTHCHECK only in Docker's image format: `podman build --format docker`.)
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

# Exec form: gunicorn is PID 1 and receives `docker stop`'s SIGTERM itself. Its graceful
# shutdown waits up to graceful_timeout (30 s), longer than docker's default 10 s before
# SIGKILL: run with `docker stop -t 35` or compose's stop_grace_period.
CMD ["gunicorn", "--config", "python:service.gunicorn_conf", "--bind", "0.0.0.0:8000", "service:create_app()"]
