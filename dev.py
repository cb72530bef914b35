#!/usr/bin/env python3
"""Set up and run the DL Tutor with nothing but Python 3.11: `python3 dev.py serve` or `test`.

The first run creates `.venv/` and installs the project into it; later runs reinstall only
when `pyproject.toml` changed. Everything after the command word is passed on, so
`python3 dev.py test -k conv` narrows the test run.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".installed-from"


def ensure_environment() -> None:
    """Create the virtual environment and install the project with its test extra, once."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 is
        sys.exit(f"The DL Tutor needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not (BIN / "python").exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("Installing the DL Tutor and its test tools into .venv ...", flush=True)
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
    import tomllib  # here: Python 3.11's, after the version check above

    with (ROOT / "pyproject.toml").open("rb") as file:
        bare = tomllib.load(file)["tool"]["dl-tutor"]["install-without-dependencies"]
    subprocess.run([*pip, "install", "--no-deps", *bare], check=True)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    """Dispatch `serve` or `test`; returns the exit status of what it ran."""
    if not argv or argv[0] not in {"serve", "test"}:
        print(__doc__.strip())
        return 2
    command, rest = argv[0], argv[1:]
    ensure_environment()
    if command == "serve":
        args = [str(BIN / "tutor"), "serve", *rest]
    else:
        args = [str(BIN / "python"), "-m", "pytest", *rest]
    os.chdir(ROOT)
    os.execv(args[0], args)  # replace this process, so Ctrl-C and signals reach the server
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
