"""`python -m service`: serve with uvicorn using the settings (ENRICH_* environment variables).

With several workers, Prometheus' multiprocess mode needs a directory shared by the workers and empty at
start (stale files of an earlier run would be added to this run's totals). One is made here and removed
at exit, unless PROMETHEUS_MULTIPROC_DIR is set, in which case its old metric files are deleted first.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import uvicorn

from service.logs import log_config
from service.settings import get_settings


def _fresh_metrics_dir(workers: int) -> str | None:
    """Prepare the multiprocess metrics directory; return it when this run made it (and must remove it)."""
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if given:
        for stale in Path(given).glob("*.db"):
            stale.unlink()
        return None
    if workers == 1:
        return None
    made = tempfile.mkdtemp(prefix="enrich-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = made
    return made


def main() -> None:
    settings = get_settings()
    made = _fresh_metrics_dir(settings.workers)
    try:
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
    finally:
        if made:
            shutil.rmtree(made, ignore_errors=True)


if __name__ == "__main__":
    main()
