"""Start the real service (`python -m service`, what `make run` runs) on a free loopback port.

Shared by the end-to-end tests, the benchmarks and `make eval`, so every one of them measures the
server exactly as it is deployed rather than an in-process imitation.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
STARTUP_SECONDS = 120


def free_port() -> int:
    """A free loopback port; ENRICH_TEST_PORTS="low-high" confines the choice (hosts shared with others).

    Free as uvicorn sees it: it binds with SO_REUSEADDR, so a port whose last server just stopped (its
    connections in TIME_WAIT) serves at once and is taken here too, or a small range would run dry.
    """
    low, _, high = os.environ.get("ENRICH_TEST_PORTS", "0-0").partition("-")
    for candidate in range(int(low), int(high or low) + 1):
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            port: int = sock.getsockname()[1]
            return port
    raise RuntimeError(f"no free port in ENRICH_TEST_PORTS={low}-{high}")


@contextmanager
def running_server(**env: str) -> Iterator[str]:
    """Start the service with ENRICH_* overrides, wait until /readyz is 200, yield its base URL."""
    port = free_port()
    environment = {**os.environ, "ENRICH_HOST": "127.0.0.1", "ENRICH_PORT": str(port), **env}
    base = f"http://127.0.0.1:{port}"
    # The log goes to a file, not a pipe: a full pipe would block the server's logging.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "service"], cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            _wait_until_ready(process, log, base)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _ready(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def _wait_until_ready(process: subprocess.Popen[bytes], log: IO[bytes], base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while not _ready(base):
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"server exited: {log.read().decode(errors='replace')[-2000:]}")
        if time.monotonic() > deadline:
            raise RuntimeError("server did not become ready in time")
        time.sleep(0.2)
