"""End-to-end fixtures: the real server on a real port (see service/localserver.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from service.localserver import running_server


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """One single-worker server shared by the e2e tests that need no special settings."""
    with running_server() as base:
        yield base
