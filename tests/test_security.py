"""What the service itself guarantees at its edge: docs can be switched off, errors leak nothing."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from fastapi.testclient import TestClient

from service.app import create_app
from service.pipeline import Job, Pipeline
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
MARKER = "Zq7xSecret"
DOC_PATHS = ("/docs", "/redoc", "/openapi.json")
LEAKS = ("Traceback", 'File "', ".py", "site-packages", str(ROOT), "RuntimeError", MARKER)


class ExplodingPipeline(Pipeline):
    """A pipeline whose run fails with a message full of internals, as a real bug's would be."""

    def __init__(self) -> None:
        super().__init__("en", loader=spacy.blank)

    def run(self, jobs: list[Job]) -> list[object]:  # type: ignore[override]
        raise RuntimeError(f"{MARKER} failed in {__file__} on {jobs[0].text!r}")


@pytest.mark.parametrize("switch", ["false", "0", "no"])
def test_docs_can_be_switched_off_by_environment(
    monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline, switch: str
) -> None:
    monkeypatch.setenv("ENRICH_DOCS_ENABLED", switch)
    with TestClient(create_app(Settings(), pipeline=pipeline)) as client:
        for path in DOC_PATHS:
            response = client.get(path)
            assert response.status_code == 404, path
            assert response.headers["content-type"].startswith("application/problem+json")
        assert client.get("/healthz").status_code == 200


def test_docs_are_served_when_on(pipeline: Pipeline) -> None:
    """The counterpart of the test above, so that one cannot pass by accident."""
    with TestClient(create_app(Settings(docs_enabled=True), pipeline=pipeline)) as client:
        for path in DOC_PATHS:
            assert client.get(path).status_code == 200, path


@pytest.fixture
def exploding() -> Iterator[TestClient]:
    app = create_app(Settings(), pipeline=ExplodingPipeline())
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/enrich", {"text": f"{MARKER} said so."}),
        ("/v1/enrich/batch", {"documents": [{"text": f"{MARKER} said so."}]}),
    ],
)
def test_internal_error_is_a_bare_500_problem(
    exploding: TestClient, path: str, body: dict[str, object]
) -> None:
    response = exploding.post(path, json=body, headers={"x-request-id": "trace-me-42"})
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 500
    assert problem["request_id"] == "trace-me-42"  # what an operator needs to find the logged traceback
    assert response.headers["x-request-id"] == "trace-me-42"  # as on every other answer
    for leak in LEAKS:
        assert leak not in response.text


def test_internal_error_does_not_break_the_next_request(exploding: TestClient) -> None:
    assert exploding.post("/v1/enrich", json={"text": "x"}).status_code == 500
    assert exploding.get("/healthz").status_code == 200
    assert exploding.get("/readyz").status_code == 200


@pytest.mark.parametrize(
    "bad_id", ["<script>alert(1)</script>", "a" * 129, "id with spaces", "new\\nline", "ünïcode"]
)
def test_unsafe_request_ids_are_replaced(client: TestClient, bad_id: str) -> None:
    """A caller's request id reaches logs and headers only when it is short and plain."""
    response = client.get("/healthz", headers={"x-request-id": bad_id.encode()})
    assert response.headers["x-request-id"] != bad_id
    assert response.headers["x-request-id"].isalnum()


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/v1/enrich/../../etc/passwd"), ("get", "/v1/%00%ff"), ("put", "/v1/enrich")],
)
def test_4xx_bodies_leak_no_internals(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path)
    assert 400 <= response.status_code < 500
    assert response.headers["content-type"].startswith("application/problem+json")
    for leak in LEAKS[:-1]:
        assert leak not in response.text


@pytest.mark.slow
@pytest.mark.timeout(90)
def test_a_batch_past_its_deadline_stops_holding_the_worker(pipeline: Pipeline) -> None:
    """A request the client was told had timed out must not keep the one spaCy thread busy for long after:
    every request behind it would be turned away too."""
    document = {"text": " ".join(["Joe Biden met Xi Jinping in Rome on Monday, Reuters reported."] * 150)}
    settings = Settings(request_timeout_seconds=1.0)
    started = time.monotonic()
    pipeline.run([Job(document["text"], dt.date(2022, 3, 14))])
    one_document = time.monotonic() - started
    with TestClient(create_app(settings, pipeline=pipeline), raise_server_exceptions=False) as client:
        started = time.monotonic()
        assert client.post("/v1/enrich/batch", json={"documents": [document] * 24}).status_code == 503
        while client.post("/v1/enrich", json={"text": "Joe Biden spoke."}).status_code != 200:
            pass
        busy = time.monotonic() - started
    # it may finish the parse chunk it is in (at most 40,000 characters: four of these documents), then the
    # document it is enriching; without the chunk's deadline check it would take all 24
    assert busy < settings.request_timeout_seconds + 5 * one_document + 1.0, (busy, one_document)
