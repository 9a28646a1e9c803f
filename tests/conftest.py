"""Shared fixtures: the default plan, a scratch folder, and the LibreOffice gate."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from matrix.readers.soffice import find_soffice

# Hypothesis profiles: ``ci`` (the default, 2,000 examples a property) and ``long`` for ``make fuzz``.
settings.register_profile(
    "ci", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile(
    "long", max_examples=50_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLAN = ROOT / "plan_source" / "00_zizhu_chuangxin_2008.txt"


@pytest.fixture
def default_plan() -> Path:
    """The default plan the user gave us (plan_source/)."""
    return DEFAULT_PLAN


def soffice() -> str:
    """The LibreOffice program, or skip the test; CI sets MATRIX_REQUIRE_LIBREOFFICE=1 to fail instead."""
    found = find_soffice()  # where matrix itself looks: MATRIX_SOFFICE, PATH, the install folders
    if found is None:
        if os.environ.get("MATRIX_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice is required in CI but soffice was not found")
        pytest.skip("LibreOffice (soffice) is not installed")
    return str(found)
