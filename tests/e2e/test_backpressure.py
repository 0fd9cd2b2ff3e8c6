"""Backpressure over real HTTP: a full queue and a passed deadline answer 503 at once, and the worker recovers.

One server with a tiny deadline and a one-place queue; a long article takes far longer than the deadline.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from service.localserver import running_server
from tests.e2e.test_metrics import scrape, value

pytestmark = pytest.mark.slow

TIMEOUT_SECONDS = 0.3
SENTENCE = "Officials of Northwind Trading met the mayor of Springfield, Anna Berg, on Monday in Lisbon. "
LONG_TEXT = SENTENCE * 900  # ~80,000 characters: seconds of parsing, far past the deadline
SHORT_TEXT = "Anna Berg met officials in Lisbon."


@pytest.fixture(scope="module")
def strict_server() -> Iterator[str]:
    with running_server(
        ENRICH_REQUEST_TIMEOUT_SECONDS=str(TIMEOUT_SECONDS), ENRICH_MAX_QUEUED_REQUESTS="1"
    ) as base:
        yield base


def post(base: str, text: str) -> httpx.Response:
    return httpx.post(f"{base}/v1/enrich", json={"text": text}, timeout=60)


def assert_unavailable(response: httpx.Response) -> str:
    """A 503 problem document with Retry-After that does not echo the text; returns its detail."""
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["retry-after"]) >= 1
    assert "Northwind" not in response.text
    body = response.json()
    assert body["status"] == 503
    detail: str = body["detail"]
    return detail


def wait_until_serving(base: str) -> None:
    """The spaCy thread finishes the abandoned parse; then short documents are served normally again."""
    deadline = time.monotonic() + 90
    while (response := post(base, SHORT_TEXT)).status_code != 200:
        assert_unavailable(response)
        assert time.monotonic() < deadline, "the worker did not recover"
        time.sleep(0.5)
    assert response.json()["entities"]


def test_deadline_gives_503_and_the_worker_stays_healthy(strict_server: str) -> None:
    started = time.monotonic()
    detail = assert_unavailable(post(strict_server, LONG_TEXT))
    assert "deadline" in detail
    assert (
        time.monotonic() - started < 10 * TIMEOUT_SECONDS + 2
    )  # answered at the deadline, not after the parse
    probe_started = time.monotonic()
    assert httpx.get(f"{strict_server}/healthz", timeout=10).status_code == 200  # while spaCy is still busy
    assert time.monotonic() - probe_started < 1.0
    wait_until_serving(strict_server)


def test_full_queue_refuses_at_once_and_recovers(strict_server: str) -> None:
    wait_until_serving(strict_server)
    before = scrape(strict_server)
    clients = 8
    with ThreadPoolExecutor(max_workers=clients) as pool:
        responses = list(pool.map(lambda _: post(strict_server, LONG_TEXT), range(clients)))
    details = [assert_unavailable(r) for r in responses]  # none fits in the deadline
    at_capacity = sum("capacity" in d for d in details)
    assert at_capacity >= clients - 4  # one running and one waiting; the rest never queue
    after = scrape(strict_server)
    assert (
        value(after, "enrich_rejected_total", reason="queue_full")
        - value(before, "enrich_rejected_total", reason="queue_full")
        == at_capacity
    )
    assert value(after, "enrich_rejected_total", reason="deadline") > value(
        before, "enrich_rejected_total", reason="deadline"
    )
    wait_until_serving(strict_server)
    assert value(scrape(strict_server), "enrich_queue_depth") == 0
