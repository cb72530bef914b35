"""The README's configuration table says the defaults that service/config.py has."""

from __future__ import annotations

import json
import re

import pytest

from service import config
from tests.paths import REPO_ROOT

# "| `TUTOR_ANSWER_THRESHOLD` | `0.81` | ..." : a variable whose default is a literal number
_ROW = re.compile(r"^\| `TUTOR_([A-Z_]+)` \| `(-?[0-9.]+)` \|", re.MULTILINE)
ROWS = _ROW.findall((REPO_ROOT / "README.md").read_text())


def test_the_table_has_numeric_defaults_to_check():
    assert len(ROWS) >= 10


@pytest.mark.parametrize(("name", "default"), ROWS, ids=[name for name, _ in ROWS])
def test_the_readme_states_the_configured_default(name, default):
    assert getattr(config, name) == json.loads(default)
