"""Every bad request gets its documented 4xx as problem+json, and nothing the client sent comes back.

Each request carries MARKER inside the values it sends; no response may contain it, nor a stack trace
or a path of the server's files. The slow-body and raw-bytes cases go through a real uvicorn on a
loopback port, because the test client neither trickles bodies nor sends a lying Content-Length.
"""

from __future__ import annotations

import gzip
import json
import select
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
import yaml
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from service.app import create_app
from service.localserver import free_port
from service.pipeline import Pipeline
from service.settings import Settings

MARKER = "Zq7xMarker"
ROOT = Path(__file__).resolve().parents[2]
LIMITS = Settings(max_text_chars=200, max_body_bytes=8_000, max_batch_documents=2, body_timeout_seconds=1.0)
LEAKS = ("Traceback", 'File "', ".py", "site-packages", str(ROOT), "/usr/lib")


def assert_clean_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status that echoes nothing and leaks nothing."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert body["title"] and body["type"]
    assert MARKER.lower() not in response.text.lower()
    for leak in LEAKS:
        assert leak not in response.text
    return body


@pytest.fixture
def limited(pipeline: Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(LIMITS, pipeline=pipeline), raise_server_exceptions=False) as client:
        yield client


def documented_statuses(path: str, method: str = "post") -> set[int]:
    """The statuses the committed contract (openapi.yaml) promises for this operation."""
    contract = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    return {int(code) for code in contract["paths"][path][method]["responses"]}


JSON = {"content-type": "application/json"}
TEXT = f"{MARKER} said on Monday that the talks in Rome went well."
TEXT_BODY = json.dumps({"text": TEXT}).encode()

ENRICH_CASES: list[tuple[str, dict[str, Any], int]] = [
    ("invalid JSON", {"content": f'{{"text": "{MARKER}'.encode(), "headers": JSON}, 400),
    ("JSON with a trailing comma", {"content": f'{{"text": "{MARKER}",}}'.encode(), "headers": JSON}, 400),
    ("empty body", {"content": b"", "headers": JSON}, 400),
    (
        "invalid UTF-8",
        {"content": f'{{"text": "{MARKER} \xff\xfe"}}'.encode("latin-1"), "headers": JSON},
        400,
    ),
    # UTF-8 has no encoded surrogates, and JSON on the wire is UTF-8 (RFC 8259 §8.1)
    (
        "UTF-8-encoded surrogate",
        {"content": f'{{"text": "{MARKER} '.encode() + b'\xed\xa0\x80"}', "headers": JSON},
        400,
    ),
    ("UTF-16 body", {"content": json.dumps({"text": TEXT}).encode("utf-16"), "headers": JSON}, 400),
    (
        "text/plain",
        {"content": json.dumps({"text": TEXT}).encode(), "headers": {"content-type": "text/plain"}},
        415,
    ),
    (
        "form",
        {
            "content": f"text={MARKER}".encode(),
            "headers": {"content-type": "application/x-www-form-urlencoded"},
        },
        415,
    ),
    (
        "no content type",
        {"content": json.dumps({"text": TEXT}).encode(), "headers": {"content-type": ""}},
        415,
    ),
    ("text missing", {"json": {"published_at": "2022-03-14", "features": ["entities"]}}, 422),
    ("text empty", {"json": {"text": "", "published_at": "2022-03-14"}}, 422),
    ("text whitespace only", {"json": {"text": " \n\t\u00a0\u2003 "}}, 422),
    ("text over the limit", {"json": {"text": MARKER * 21}}, 413),
    ("text a number", {"json": {"text": 12345, "features": [MARKER]}}, 422),
    ("text a list", {"json": {"text": [MARKER]}}, 422),
    ("body a list", {"json": [{"text": TEXT}]}, 422),
    ("body a string", {"json": TEXT}, 422),
    ("body null", {"content": b"null", "headers": JSON}, 422),
    ("features not a list", {"json": {"text": TEXT, "features": "entities"}}, 422),
    ("unknown feature", {"json": {"text": TEXT, "features": ["entities", MARKER]}}, 422),
    ("unknown encoding", {"json": {"text": TEXT, "offset_encoding": MARKER}}, 422),
    ("encoding in capitals", {"json": {"text": TEXT, "offset_encoding": "UTF16"}}, 422),
    ("published_at words", {"json": {"text": TEXT, "published_at": f"{MARKER} Monday"}}, 422),
    ("published_at no such day", {"json": {"text": TEXT, "published_at": "2022-02-30"}}, 422),
    ("published_at day first", {"json": {"text": TEXT, "published_at": "14/03/2022"}}, 422),
    ("published_at an object", {"json": {"text": TEXT, "published_at": {"year": 2022}}}, 422),
    # a number would otherwise be read as a Unix timestamp: 0 → 1970-01-01, silently
    ("published_at a number", {"json": {"text": TEXT, "published_at": 0}}, 422),
    ("published_at digits", {"json": {"text": TEXT, "published_at": "1647216000"}}, 422),
    ("body over max_body_bytes", {"json": {"text": TEXT, "published_at": MARKER * 1000}}, 413),
    (
        "nesting too deep to parse",
        {"content": b'{"text": ' + b"[" * 1500 + b"]" * 1500 + b"}", "headers": JSON},
        400,
    ),
    # the service reads no content coding: a compressed body is refused before a byte is inflated
    (
        "gzip body",
        {"content": gzip.compress(TEXT_BODY), "headers": {**JSON, "content-encoding": "gzip"}},
        415,
    ),
    (
        "deflate body",
        {"content": zlib.compress(TEXT_BODY), "headers": {**JSON, "content-encoding": "deflate"}},
        415,
    ),
    ("br body", {"content": TEXT_BODY, "headers": {**JSON, "content-encoding": "br"}}, 415),
    (
        "gzip bomb",
        {"content": gzip.compress(b" " * 5_000_000), "headers": {**JSON, "content-encoding": "GZIP"}},
        415,
    ),
    (
        "integer too long to parse",
        {"content": b'{"text": "x", "published_at": ' + b"9" * 5000 + b"}", "headers": JSON},
        400,
    ),
]


@pytest.mark.parametrize(
    ("request_kwargs", "status"), [c[1:] for c in ENRICH_CASES], ids=[c[0] for c in ENRICH_CASES]
)
def test_bad_enrich_request(limited: TestClient, request_kwargs: dict[str, Any], status: int) -> None:
    assert status in documented_statuses("/v1/enrich")
    response = limited.post("/v1/enrich", **request_kwargs)
    assert_clean_problem(response, status)


BATCH_CASES: list[tuple[str, dict[str, Any], int]] = [
    ("no documents", {"json": {"documents": []}}, 422),
    ("documents not a list", {"json": {"documents": {"text": TEXT}}}, 422),
    ("batch over its limit", {"json": {"documents": [{"text": TEXT}] * 3}}, 413),
    ("unknown field in a document", {"json": {"documents": [{"text": TEXT, "lang": MARKER}]}}, 422),
    ("unknown top-level field", {"json": {"documents": [{"text": TEXT}], "options": MARKER}}, 422),
    ("invalid JSON", {"content": f'{{"documents": [{{"text": "{MARKER}"'.encode(), "headers": JSON}, 400),
    ("wrong content type", {"content": b"{}", "headers": {"content-type": "text/csv"}}, 415),
]


@pytest.mark.parametrize(
    ("request_kwargs", "status"), [c[1:] for c in BATCH_CASES], ids=[c[0] for c in BATCH_CASES]
)
def test_bad_batch_request(limited: TestClient, request_kwargs: dict[str, Any], status: int) -> None:
    assert status in documented_statuses("/v1/enrich/batch")
    response = limited.post("/v1/enrich/batch", **request_kwargs)
    assert_clean_problem(response, status)


# Millions of tiny values fit in max_body_bytes; each invalid one would cost a validation error built on
# the event loop (seconds in which no other request, probe included, is answered).
VALUE_FLOODS = {
    "features": {"text": TEXT, "features": ["x"] * 1_000_000},
    "unknown keys": {"text": TEXT, **{f"k{i}": 0 for i in range(300_000)}},
    "documents": {"documents": [{}] * 1_000_000},
}


@pytest.mark.parametrize("body", VALUE_FLOODS.values(), ids=VALUE_FLOODS.keys())
def test_a_flood_of_json_values_is_refused_before_validation(
    client: TestClient, body: dict[str, Any]
) -> None:
    """Validated, each value would cost an error object (seconds of event loop for a million): a 413 says
    the body was refused before validation, which would have answered 422."""
    path = "/v1/enrich/batch" if "documents" in body else "/v1/enrich"
    response = client.post(path, json=body)
    assert_clean_problem(response, 413)
    assert client.post("/v1/enrich", json={"text": TEXT, "features": ["entities"] * 100}).status_code == 200


def test_compressed_body_names_the_coding_it_accepts(limited: TestClient) -> None:
    response = limited.post(
        "/v1/enrich", content=gzip.compress(TEXT_BODY), headers={**JSON, "content-encoding": "gzip"}
    )
    assert_clean_problem(response, 415)
    assert response.headers["accept-encoding"] == "identity"


def test_a_utf8_body_may_start_with_a_byte_order_mark(limited: TestClient) -> None:
    """RFC 8259 §8.1: a parser may ignore it, and some clients send it."""
    response = limited.post("/v1/enrich", content=b"\xef\xbb\xbf" + TEXT_BODY, headers=JSON)
    assert response.status_code == 200


def test_identity_coding_is_no_coding(limited: TestClient) -> None:
    response = limited.post("/v1/enrich", content=TEXT_BODY, headers={**JSON, "content-encoding": "identity"})
    assert response.status_code == 200


def test_unknown_field_is_named_but_its_value_is_not_echoed(limited: TestClient) -> None:
    """Decision: unknown fields are rejected (422), so a misspelt option never silently does nothing."""
    response = limited.post("/v1/enrich", json={"text": TEXT, "feature": [MARKER]})
    body = assert_clean_problem(response, 422)
    assert body["errors"] == [
        {"loc": ["body", "feature"], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}
    ]


def test_many_unknown_fields_get_a_short_answer(pipeline: Pipeline) -> None:
    """Neither a flood of unknown keys nor a long key comes back in full: the answer stays small."""
    body = {"text": TEXT, **{f"k{i}": i for i in range(5_000)}, "x" * 64 + MARKER: 1}
    with TestClient(create_app(Settings(), pipeline=pipeline)) as client:
        response = client.post("/v1/enrich", json=body)
    problem = assert_clean_problem(response, 422)
    assert 0 < len(problem["errors"]) <= 20
    assert len(response.content) < 5_000


def test_validation_errors_name_fields_without_values(limited: TestClient) -> None:
    response = limited.post("/v1/enrich", json={"text": [MARKER], "offset_encoding": MARKER})
    body = assert_clean_problem(response, 422)
    assert {tuple(e["loc"]) for e in body["errors"]} == {("body", "text"), ("body", "offset_encoding")}
    assert all(set(e) == {"loc", "msg", "type"} for e in body["errors"])


def test_bad_document_in_a_batch_gets_its_own_problem(limited: TestClient) -> None:
    response = limited.post("/v1/enrich/batch", json={"documents": [{"text": " \n "}, {"text": MARKER * 21}]})
    assert response.status_code == 200
    problems = [item["problem"] for item in response.json()["results"]]
    assert [p["status"] for p in problems] == [422, 413]
    assert MARKER.lower() not in response.text.lower()


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/v1/nowhere", 404),
        ("get", "/v1/enrich", 405),
        ("delete", "/healthz", 405),
        # the path of a probe is not echoed (in `instance`), however long
        ("get", f"/v1/{MARKER}", 404),
        ("get", f"/{MARKER * 1000}", 404),
        # no redirect to the slash-less path: its Location would echo the Host header and query
        ("get", f"/healthz/?{MARKER}=1", 404),
        ("post", "/v1/enrich/", 404),
    ],
)
def test_unknown_routes_and_methods(limited: TestClient, method: str, path: str, status: int) -> None:
    response = limited.request(method, path, follow_redirects=False)
    assert_clean_problem(response, status)
    assert "location" not in response.headers


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/v1/info", "/metrics"])
def test_head_is_get_without_the_body(limited: TestClient, path: str) -> None:
    """RFC 9110 §9.1: a server supports HEAD wherever it supports GET."""
    head = limited.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == limited.get(path).headers["content-type"]


def test_allow_lists_head_beside_get(limited: TestClient) -> None:
    assert limited.delete("/healthz").headers["allow"] == "GET, HEAD"


def test_head_on_a_post_route_is_405(limited: TestClient) -> None:
    response = limited.head("/v1/enrich")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.content == b""


def test_unknown_methods_share_one_metric_label(limited: TestClient) -> None:
    """Servers other than uvicorn+httptools (h11, hypercorn) pass any method token to the app."""
    for method in (f"{MARKER}A", f"{MARKER}B"):
        assert_clean_problem(limited.request(method, "/healthz"), 405)
    families = text_string_to_metric_families(limited.get("/metrics").text)
    requests = next(family for family in families if family.name == "http_requests")
    methods = {sample.labels["method"] for sample in requests.samples if "method" in sample.labels}
    assert "other" in methods
    assert not any(MARKER.lower() in method.lower() for method in methods)


def test_problem_instance_is_the_route_template(limited: TestClient) -> None:
    response = limited.post(f"/v1/enrich?{MARKER}=1", json={"text": " "})
    assert assert_clean_problem(response, 422)["instance"] == "/v1/enrich"


def test_a_good_request_still_works_with_the_same_limits(limited: TestClient) -> None:
    """The limits above reject what is over them, not everything."""
    response = limited.post(
        "/v1/enrich", json={"text": "Joe Biden spoke in Rome.", "published_at": "2022-03-14"}
    )
    assert response.status_code == 200
    assert response.json()["reference_date"] == "2022-03-14"


# --- a real server on a loopback port: slow bodies, raw bytes, lying Content-Length --------------------


@contextmanager
def _serving(pipeline: Pipeline) -> Iterator[tuple[str, int]]:
    port = free_port()
    config = uvicorn.Config(
        create_app(LIMITS, pipeline=pipeline), host="127.0.0.1", port=port, log_level="critical"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def live(pipeline: Pipeline) -> Iterator[tuple[str, int]]:
    with _serving(pipeline) as address:
        yield address


def _raw_exchange(
    address: tuple[str, int], head: bytes, chunks: list[bytes], pause: float
) -> tuple[bytes, float]:
    """Send the head, then a chunk every `pause` seconds until the server answers; return the raw
    response and how long after the head it began to arrive."""
    with socket.create_connection(address, timeout=10) as sock:
        started = time.monotonic()
        sock.sendall(head)
        for chunk in chunks:
            if select.select([sock], [], [], pause)[0]:  # the server answered: stop trickling
                break
            sock.sendall(chunk)
        select.select([sock], [], [], 10)
        elapsed = time.monotonic() - started
        received = b""
        while not _complete(received) and (data := sock.recv(65536)):
            received += data
        return received, elapsed


def _complete(raw: bytes) -> bool:
    head, found, body = raw.partition(b"\r\n\r\n")
    if not found:
        return False
    lengths = [
        line.split(b":")[1] for line in head.lower().split(b"\r\n") if line.startswith(b"content-length:")
    ]
    return bool(lengths) and len(body) >= int(lengths[0])


def _parse(raw: bytes) -> httpx.Response:
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = [tuple(line.split(": ", 1)) for line in header_lines]
    return httpx.Response(int(status_line.split()[1]), headers=headers, content=body)


def _head(address: tuple[str, int], content_length: int | None) -> bytes:
    length = (
        f"Content-Length: {content_length}\r\n"
        if content_length is not None
        else "Transfer-Encoding: chunked\r\n"
    )
    return f"POST /v1/enrich HTTP/1.1\r\nHost: {address[0]}:{address[1]}\r\nContent-Type: application/json\r\n{length}\r\n".encode()


@pytest.mark.slow
def test_slow_body_gets_408_within_the_body_timeout(live: tuple[str, int]) -> None:
    body = json.dumps({"text": TEXT}).encode()
    chunks = [
        body[i : i + 4] for i in range(0, len(body), 4)
    ]  # ~0.3 s apart: far slower than the 1 s timeout allows
    raw, elapsed = _raw_exchange(live, _head(live, len(body)), chunks, pause=0.3)
    assert_clean_problem(_parse(raw), 408)
    assert elapsed < LIMITS.body_timeout_seconds + 1.0


@pytest.mark.slow
def test_body_that_never_comes_gets_408(live: tuple[str, int]) -> None:
    raw, elapsed = _raw_exchange(live, _head(live, 100), [], pause=0)
    assert_clean_problem(_parse(raw), 408)
    assert elapsed < LIMITS.body_timeout_seconds + 1.0


def _closed_after_answer(address: tuple[str, int], head: bytes, trickle: bytes) -> bool:
    """Whether the server hangs up after answering, while the client still trickles its body."""
    with socket.create_connection(address, timeout=10) as sock:
        sock.sendall(head)
        select.select([sock], [], [], 10)  # the answer
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            try:
                if select.select([sock], [], [], 0.2)[0] and not sock.recv(65536):
                    return True
                sock.sendall(trickle)
            except OSError:  # reset: the server hung up with bytes in flight
                return True
        return False


@pytest.mark.slow
@pytest.mark.parametrize(
    ("status", "head"),
    [
        (408, b"Content-Length: 1000\r\n"),
        (413, f"Content-Length: {10 * LIMITS.max_body_bytes}\r\n".encode()),
        (415, b"Content-Length: 1000\r\nContent-Encoding: gzip\r\n"),
    ],
)
def test_a_refused_body_closes_the_connection(live: tuple[str, int], status: int, head: bytes) -> None:
    """The rest of a body refused unread would otherwise be read (and dropped) for as long as the client
    sends it, a byte at a time if it likes; `Connection: close` ends that (RFC 9112 §9.6)."""
    request = b"POST /v1/enrich HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + head + b"\r\n{"
    raw, _ = _raw_exchange(live, request, [], pause=0)
    response = _parse(raw)
    assert_clean_problem(response, status)
    assert response.headers["connection"] == "close"
    assert _closed_after_answer(live, request, b"a")


@pytest.mark.slow
def test_declared_oversize_body_is_refused_before_it_is_read(live: tuple[str, int]) -> None:
    raw, _ = _raw_exchange(
        live, _head(live, 10 * LIMITS.max_body_bytes), [f'{{"text": "{MARKER}'.encode()], pause=0
    )
    assert_clean_problem(_parse(raw), 413)


@pytest.mark.slow
def test_chunked_oversize_body_is_refused(live: tuple[str, int]) -> None:
    piece = json.dumps({"text": MARKER * 100}).encode()
    chunks = [f"{len(piece):x}\r\n".encode() + piece + b"\r\n"] * 10 + [b"0\r\n\r\n"]
    raw, _ = _raw_exchange(live, _head(live, None), chunks, pause=0)
    assert_clean_problem(_parse(raw), 413)


@pytest.mark.slow
def test_invalid_utf8_over_real_http(live: tuple[str, int]) -> None:
    body = f'{{"text": "{MARKER} \xc3\x28 \xed\xa0\x80"}}'.encode("latin-1")
    raw, _ = _raw_exchange(live, _head(live, len(body)), [body], pause=0)
    assert_clean_problem(_parse(raw), 400)


@pytest.mark.slow
def test_server_serves_normally_after_bad_requests(live: tuple[str, int]) -> None:
    response = httpx.post(
        f"http://{live[0]}:{live[1]}/v1/enrich", json={"text": "Joe Biden spoke in Rome."}, timeout=30
    )
    assert response.status_code == 200
    assert "Joe Biden" in [e["text"] for e in response.json()["entities"]]
