"""Graceful shutdown: on SIGTERM (what Kubernetes sends) a request in progress still gets its answer."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from service.localserver import running_server

pytestmark = pytest.mark.slow

# Long enough (about 180,000 characters) to take seconds on any machine, so SIGTERM lands mid-request.
LONG_TEXT = (
    "Officials of Northwind Trading met the mayor of Springfield, Anna Berg, on Monday in Lisbon. " * 1900
)


def _requests_in_flight(base: str) -> float:
    families = text_string_to_metric_families(httpx.get(f"{base}/metrics", timeout=5).text)
    return next(f.samples[0].value for f in families if f.name == "http_requests_in_flight")


def _server_pid(port: int) -> int:
    """The child of this process serving `port` (`python -m service` with ENRICH_PORT=port)."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            parent = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            environment = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if parent == os.getpid() and f"ENRICH_PORT={port}".encode() in environment:
            return int(proc.name)
    raise LookupError(port)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_sigterm_lets_the_request_in_progress_finish() -> None:
    with running_server(ENRICH_GRACEFUL_SHUTDOWN_SECONDS="120", ENRICH_REQUEST_TIMEOUT_SECONDS="120") as base:
        pid = _server_pid(int(base.rsplit(":", 1)[1]))
        with ThreadPoolExecutor(max_workers=1) as pool:
            pending = pool.submit(httpx.post, f"{base}/v1/enrich", json={"text": LONG_TEXT}, timeout=120)
            deadline = time.monotonic() + 30
            while _requests_in_flight(base) < 2:  # the scrape itself is one; the enrichment the other
                assert time.monotonic() < deadline, "the request never started"
                time.sleep(0.05)
            assert not pending.done()
            os.kill(pid, signal.SIGTERM)
            response = pending.result()
        assert response.status_code == 200
        assert response.json()["entities"]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # and then the server is gone
            try:
                httpx.get(f"{base}/healthz", timeout=1)
            except httpx.TransportError:
                break
            time.sleep(0.2)
        else:
            pytest.fail("server still answering after SIGTERM")
