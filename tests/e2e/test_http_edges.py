"""HTTP details that only the real server (uvicorn) shows: what goes on the wire for HEAD."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.slow


def test_head_answers_like_get_without_a_body_and_keeps_the_connection(server: str) -> None:
    with httpx.Client(base_url=server, timeout=10) as client:
        get = client.get("/healthz")
        head = client.head("/healthz")
        assert head.status_code == 200
        assert head.content == b""
        assert head.headers["content-length"] == get.headers["content-length"]
        assert client.get("/readyz").json() == {"status": "ready"}  # the same connection still works
