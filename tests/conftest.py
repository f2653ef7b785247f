from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def root() -> Path:
    return ROOT


FRONT = """---
title: Testbrief
kind: prioriteitenbrief
year: 2026
country: NL
date: 2025-12-01
issuer: Minister van Buitenlandse Zaken
---
"""


@pytest.fixture
def front() -> str:
    return FRONT
