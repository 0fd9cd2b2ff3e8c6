"""Prometheus metrics. Correct with several workers via prometheus-client's multiprocess mode.

Multiprocess mode is on when PROMETHEUS_MULTIPROC_DIR is set before this module is imported
(`python -m service` sets it for multi-worker runs); each worker then writes its samples to files there
and a scrape of any worker aggregates them. Labels carry route templates and fixed names only, so the
number of series stays bounded whatever clients send.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

HTTP_REQUESTS = Counter(
    "http_requests_total",
    "HTTP requests by method, route template and status.",
    ["method", "route", "status"],
)
HTTP_DURATION = Histogram(
    "http_request_duration_seconds",
    "HTTP request latency by route template.",
    ["route"],
    buckets=LATENCY_BUCKETS,
)
HTTP_IN_FLIGHT = Gauge("http_requests_in_flight", "HTTP requests being served.", multiprocess_mode="livesum")
QUEUE_DEPTH = Gauge(
    "enrich_queue_depth", "Enrichment requests waiting for the spaCy thread.", multiprocess_mode="livesum"
)
DOCUMENTS = Counter("enrich_documents_total", "Documents enriched.")
CHARACTERS = Counter("enrich_characters_total", "Characters (code points) of the documents enriched.")
STAGE_DURATION = Histogram(
    "enrich_stage_duration_seconds", "Time per pipeline stage.", ["stage"], buckets=LATENCY_BUCKETS
)
ITEMS = Counter("enrich_items_total", "Items extracted, by kind.", ["kind"])
REJECTED = Counter("enrich_rejected_total", "Requests refused by backpressure, by reason.", ["reason"])
MODEL_INFO = Gauge(
    "enrich_model_info", "The spaCy model loaded (value 1).", ["name", "version"], multiprocess_mode="livemax"
)

_LIVE_GAUGE_FILE = re.compile(r"^gauge_live\w+?_(\d+)\.db$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0 only checks; PermissionError still means the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def forget_dead_workers(directory: str) -> None:
    """Drop the live gauges of workers that are gone (crashed, killed, restarted by the supervisor).

    Their in-flight and queue-depth values would otherwise be summed for ever. Counters and histograms
    of dead workers are kept, so totals never go backwards.
    """
    pids = {int(m.group(1)) for p in Path(directory).iterdir() if (m := _LIVE_GAUGE_FILE.match(p.name))}
    for pid in pids:
        if not _alive(pid):
            mark_process_dead(pid, directory)  # type: ignore[no-untyped-call]


def exposition() -> tuple[bytes, str]:
    """The text exposition, aggregated across workers in multiprocess mode."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if directory:
        forget_dead_workers(directory)
        registry = CollectorRegistry()
        MultiProcessCollector(registry, directory)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def observe_document(characters: int, timings_ms: dict[str, float], item_counts: dict[str, int]) -> None:
    DOCUMENTS.inc()
    CHARACTERS.inc(characters)
    for stage, ms in timings_ms.items():
        STAGE_DURATION.labels(stage).observe(ms / 1000)
    for kind, count in item_counts.items():
        ITEMS.labels(kind).inc(count)
