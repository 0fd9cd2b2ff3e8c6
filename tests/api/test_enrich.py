"""The v1 contract through the real app (routes, middleware, error handlers) with TestClient."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from schemas import BatchResponse, EnrichResponse, InfoResponse
from service.app import create_app
from service.pipeline import IMPLEMENTED
from service.settings import Settings

TEXT = "Jake Sullivan met Yang Jiechi in Rome on Monday. Sullivan said the talks were candid."


def _enrich(client: TestClient, **body: object) -> EnrichResponse:
    response = client.post("/v1/enrich", json={"text": TEXT, **body})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return EnrichResponse.model_validate_json(response.content)


def test_enrich_returns_the_whole_contract(client: TestClient) -> None:
    result = _enrich(client, published_at="2022-03-14")
    assert result.reference_date == dt.date(2022, 3, 14)
    assert result.language == "en"
    assert result.model.name and result.model.version
    assert "parse" in result.timings_ms and "entities" in result.timings_ms
    for entity in result.entities:
        assert TEXT[entity.start : entity.end] == entity.text
        assert result.clusters[entity.cluster].canonical == entity.canonical
    sullivans = {e.cluster for e in result.entities if "Sullivan" in e.text}
    assert len(sullivans) == 1
    assert result.clusters[sullivans.pop()].canonical == "Jake Sullivan"


def test_datetime_reference_uses_its_date_and_default_is_today(client: TestClient) -> None:
    assert _enrich(client, published_at="2021-10-05T23:30:00+02:00").reference_date == dt.date(2021, 10, 5)
    today = dt.datetime.now(dt.UTC).date()
    assert _enrich(client).reference_date in {today, today + dt.timedelta(days=1)}


def test_features_select_what_is_returned(client: TestClient) -> None:
    only_dates = _enrich(client, features=["dates"])
    assert only_dates.entities == [] and only_dates.clusters == [] and only_dates.quotes == []
    only_entities = _enrich(client, features=["entities"])
    assert only_entities.entities and only_entities.dates == []
    assert "dates" not in only_entities.timings_ms


def test_offsets_in_every_encoding(client: TestClient) -> None:
    text = "🎉 Émilie Dubois met Jake Sullivan in Zürich. 😀 Sullivan left."
    by_encoding = {}
    for encoding in ("codepoint", "utf16", "utf8"):
        response = client.post("/v1/enrich", json={"text": text, "offset_encoding": encoding})
        by_encoding[encoding] = EnrichResponse.model_validate_json(response.content)
    encoded = {"utf16": text.encode("utf-16-le"), "utf8": text.encode("utf-8")}
    width = {"utf16": 2, "utf8": 1}
    assert by_encoding["codepoint"].entities
    for entity in by_encoding["codepoint"].entities:
        assert text[entity.start : entity.end] == entity.text
    for encoding in ("utf16", "utf8"):
        codec = "utf-16-le" if encoding == "utf16" else "utf-8"
        for entity in by_encoding[encoding].entities:
            raw = encoded[encoding][entity.start * width[encoding] : entity.end * width[encoding]]
            assert raw.decode(codec) == entity.text
        for cluster in by_encoding[encoding].clusters:
            for mention in cluster.mentions:
                raw = encoded[encoding][mention.start * width[encoding] : mention.end * width[encoding]]
                assert raw.decode(codec) == mention.text


def test_batch_keeps_order_ids_and_isolates_bad_documents(client: TestClient) -> None:
    documents = [
        {"id": "a", "text": "Angela Merkel spoke in Berlin."},
        {"id": "b", "text": "   "},
        {"id": "c", "text": "Emmanuel Macron visited Madrid.", "features": ["entities"]},
    ]
    response = client.post("/v1/enrich/batch", json={"documents": documents})
    assert response.status_code == 200, response.text
    results = BatchResponse.model_validate_json(response.content).results
    assert [(r.index, r.id) for r in results] == [(0, "a"), (1, "b"), (2, "c")]
    assert results[0].result is not None and results[2].result is not None
    assert results[1].result is None and results[1].problem is not None and results[1].problem.status == 422
    assert "Merkel" in {e.text.split()[-1] for e in results[0].result.entities}
    assert "Macron" in {e.text.split()[-1] for e in results[2].result.entities}


def test_batch_over_its_limit_is_413(pipeline: object) -> None:
    settings = Settings(max_batch_documents=2)
    with TestClient(create_app(settings, pipeline=pipeline)) as small:  # type: ignore[arg-type]
        documents = [{"text": "One."}, {"text": "Two."}, {"text": "Three."}]
        response = small.post("/v1/enrich/batch", json={"documents": documents})
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


def test_info_reports_features_components_and_limits(client: TestClient) -> None:
    info = InfoResponse.model_validate_json(client.get("/v1/info").content)
    assert set(info.features_implemented) == set(IMPLEMENTED)
    assert set(info.features_implemented) | set(info.features_planned) == {
        "entities",
        "dates",
        "quotes",
        "claims",
    }
    assert info.components_by_feature["entities"] == ["ner"]
    assert info.limits.max_text_chars == 200_000 and info.limits.max_batch_documents == 32


def test_probes(client: TestClient, pipeline: object) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready"}
    loading = TestClient(create_app(Settings()))  # no lifespan run: the model never loads
    response = loading.get("/readyz")
    assert response.status_code == 503 and response.headers["retry-after"]
    assert response.headers["content-type"] == "application/problem+json"
    assert loading.get("/healthz").status_code == 200
    assert loading.post("/v1/enrich", json={"text": TEXT}).status_code == 503


def test_request_id_is_taken_or_made(client: TestClient) -> None:
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"] == "abc-123"
    generated = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"}).headers["x-request-id"]
    assert generated != "bad id with spaces" and len(generated) == 32


def test_metrics_use_route_templates(client: TestClient) -> None:
    client.post("/v1/enrich", json={"text": TEXT})
    client.get("/no/such/path/12345")
    families = {f.name: f for f in text_string_to_metric_families(client.get("/metrics").text)}
    routes = {s.labels["route"] for s in families["http_requests"].samples if "route" in s.labels}
    assert "/v1/enrich" in routes and "unmatched" in routes
    assert not any("12345" in r for r in routes)
    assert "http_request_duration_seconds" in families
    stages = {s.labels.get("stage") for s in families["enrich_stage_duration_seconds"].samples}
    assert {"parse", "entities"} <= stages
