"""A real server for end-to-end tests: `python -m service` (what `make run` runs) on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_server(**env: str) -> Iterator[str]:
    """Start the service with ENRICH_* overrides, wait until /readyz is 200, yield its base URL."""
    port = free_port()
    environment = {**os.environ, "ENRICH_HOST": "127.0.0.1", "ENRICH_PORT": str(port), **env}
    log = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would block the server's logging
    process = subprocess.Popen(
        [sys.executable, "-m", "service"], cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"server exited: {log.read().decode(errors='replace')[-2000:]}")
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not become ready in time")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """One single-worker server shared by the e2e tests that need no special settings."""
    with running_server() as base:
        yield base
