"""Where things are, for tests at any depth: the repository and the read-only shared folder."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
DATA = REPO_ROOT / "tests" / "data"
