"""The practice service the tests of tests/core/practice share (one per test module)."""

from __future__ import annotations

import pytest

from service.core.practice.service import Practice


@pytest.fixture(scope="module")
def practice(knowledge_base):
    return Practice(knowledge_base, "test-key-" + "x" * 32)
