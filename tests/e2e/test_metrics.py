"""/metrics on the real server, parsed with prometheus_client's own parser, with one worker and with two."""

from __future__ import annotations

import os
import re
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from service.localserver import running_server

pytestmark = pytest.mark.slow

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]

TEXTS = [
    "Maria Lopez, the mayor of Valencia, met officials from Siemens in Berlin.",
    "Lopez said the talks with Siemens went well.",
    "Tokyo and Osaka reported record visitor numbers, according to the Japan Tourism Agency.",
]
BUCKETS = [
    "0.005",
    "0.01",
    "0.025",
    "0.05",
    "0.1",
    "0.25",
    "0.5",
    "1.0",
    "2.5",
    "5.0",
    "10.0",
    "30.0",
    "+Inf",
]


def scrape(base: str) -> Samples:
    """Every sample of one scrape, on a fresh connection (so with several workers, any worker may answer)."""
    response = httpx.get(f"{base}/metrics", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, metric: str, /, **labels: str) -> float:
    return samples.get((metric, frozenset(labels.items())), 0.0)


def labelled(samples: Samples, name: str) -> list[dict[str, str]]:
    return [dict(labels) for sample_name, labels in samples if sample_name == name]


def enrich(base: str, text: str) -> dict[str, list[object]]:
    response = httpx.post(f"{base}/v1/enrich", json={"text": text}, timeout=60)
    assert response.status_code == 200
    body: dict[str, list[object]] = response.json()
    return body


def test_single_worker_counts_requests_documents_stages_and_items(server: str) -> None:
    before = scrape(server)
    entities = len(enrich(server, TEXTS[0])["entities"])
    batch = httpx.post(
        f"{server}/v1/enrich/batch", json={"documents": [{"text": t} for t in TEXTS[1:]]}, timeout=60
    )
    assert batch.status_code == 200
    entities += sum(len(item["result"]["entities"]) for item in batch.json()["results"])
    assert httpx.get(f"{server}/v1/no-such-thing/12345", timeout=10).status_code == 404
    after = scrape(server)

    def delta(metric: str, /, **labels: str) -> float:
        return value(after, metric, **labels) - value(before, metric, **labels)

    assert delta("http_requests_total", method="POST", route="/v1/enrich", status="200") == 1
    assert delta("http_requests_total", method="POST", route="/v1/enrich/batch", status="200") == 1
    assert delta("http_requests_total", method="GET", route="unmatched", status="404") == 1
    assert delta("enrich_documents_total") == 3
    assert delta("enrich_characters_total") == sum(len(t) for t in TEXTS)
    for stage in ("parse", "entities"):
        assert delta("enrich_stage_duration_seconds_count", stage=stage) == 3
    assert entities > 0
    assert delta("enrich_items_total", kind="entities") == entities
    assert delta("http_request_duration_seconds_count", route="/v1/enrich") == 1
    buckets = [
        b["le"] for b in labelled(after, "http_request_duration_seconds_bucket") if b["route"] == "/v1/enrich"
    ]
    assert buckets == BUCKETS


def test_labels_are_route_templates_never_raw_paths(server: str) -> None:
    httpx.get(f"{server}/v1/enrich/secret-looking-path", timeout=10)
    samples = scrape(server)
    routes = {
        labels["route"] for name, labels in map(lambda k: (k[0], dict(k[1])), samples) if "route" in labels
    }
    assert routes <= {
        "/v1/enrich",
        "/v1/enrich/batch",
        "/v1/info",
        "/healthz",
        "/readyz",
        "/metrics",
        "unmatched",
    }
    assert "/readyz" in routes and "unmatched" in routes


def test_model_info_in_flight_and_queue_depth(server: str) -> None:
    model = httpx.get(f"{server}/v1/info", timeout=10).json()["model"]
    samples = scrape(server)
    assert value(samples, "enrich_model_info", name=model["name"], version=model["version"]) == 1
    assert value(samples, "http_requests_in_flight") == 1  # the scrape itself
    assert ("enrich_queue_depth", frozenset()) in samples
    assert value(samples, "enrich_queue_depth") == 0


def _ready_workers(directory: Path) -> set[int]:
    """Workers with the model loaded: enrich_model_info, the only `livemax` gauge, is set once it is."""
    return {
        int(m.group(1)) for p in directory.iterdir() if (m := re.match(r"gauge_livemax_(\d+)\.db$", p.name))
    }


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    directory = tmp_path_factory.mktemp("metrics")
    with running_server(ENRICH_WORKERS="2", PROMETHEUS_MULTIPROC_DIR=str(directory)) as base:
        deadline = time.monotonic() + 60
        while len(_ready_workers(directory)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        yield base, directory


def test_several_workers_every_scrape_sees_the_total(two_workers: tuple[str, Path]) -> None:
    base, directory = two_workers
    assert len(_ready_workers(directory)) == 2
    requests = 16
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda i: enrich(base, TEXTS[i % len(TEXTS)]), range(requests)))
    for _ in range(6):  # each scrape may be answered by either worker; all must agree
        samples = scrape(base)
        assert value(samples, "enrich_documents_total") == requests
        assert (
            value(samples, "http_requests_total", method="POST", route="/v1/enrich", status="200") == requests
        )
        assert value(samples, "http_requests_in_flight") == 1
        assert len(labelled(samples, "enrich_model_info")) == 1
        assert labelled(samples, "enrich_model_info")[0].keys() == {"name", "version"}


def test_a_killed_worker_leaves_totals_but_not_its_gauges(two_workers: tuple[str, Path]) -> None:
    base, directory = two_workers
    documents = value(scrape(base), "enrich_documents_total")
    victim = min(_ready_workers(directory))
    os.kill(victim, signal.SIGKILL)  # a crash: no chance to clean up its files
    deadline = time.monotonic() + 90
    while len(_ready_workers(directory) - {victim}) < 2:  # the supervisor starts a replacement
        assert time.monotonic() < deadline, "no replacement worker"
        time.sleep(0.2)
    samples = scrape(base)
    assert not list(directory.glob(f"gauge_live*_{victim}.db"))
    assert value(samples, "enrich_documents_total") == documents  # its counts are kept
    assert value(samples, "enrich_model_info", **labelled(samples, "enrich_model_info")[0]) == 1
    enrich(base, TEXTS[0])  # and the service still serves
