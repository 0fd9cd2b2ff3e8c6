"""`python -m service`: serve with uvicorn using the settings (ENRICH_* environment variables).

With several workers, Prometheus' multiprocess mode needs a directory shared by the workers and
empty at start; one is made here unless PROMETHEUS_MULTIPROC_DIR is already set.
"""

from __future__ import annotations

import os
import tempfile

import uvicorn

from service.logs import log_config
from service.settings import get_settings


def main() -> None:
    settings = get_settings()
    if settings.workers > 1 and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="enrich-metrics-")
    uvicorn.run(
        "service.app:app",
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        timeout_keep_alive=settings.keepalive_seconds,
        timeout_graceful_shutdown=settings.graceful_shutdown_seconds,
        log_config=log_config(settings.log_level),
        access_log=False,
        server_header=False,
    )


if __name__ == "__main__":
    main()
