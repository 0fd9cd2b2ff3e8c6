"""HTTP routes: translate HTTP ↔ schemas, nothing else. No spaCy object is touched here."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from schemas import (
    BatchItemResult,
    BatchRequest,
    BatchResponse,
    EnrichRequest,
    EnrichResponse,
    Feature,
    Health,
    InfoResponse,
    Limits,
    OffsetEncoding,
    Readiness,
)
from service import __version__, metrics
from service.admission import Admission, Overloaded, TimedOut
from service.jobs import job_for, text_problem
from service.pipeline import COMPONENTS, IMPLEMENTED, DeadlineExceeded, Job, Pipeline
from service.problems import PROBLEM_MEDIA_TYPE, ProblemError, problem
from service.settings import Settings


@dataclass
class Runtime:
    """What the routes need: settings, the (possibly still loading) pipeline and the admission gate."""

    settings: Settings
    admission: Admission
    pipeline: Pipeline | None = None


def _problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "Malformed body: not JSON, not UTF-8, or empty.",
        404: "Unknown path.",
        405: "Method not allowed.",
        408: "The body did not arrive within the body timeout.",
        413: "Body over `max_body_bytes` (or holding more JSON values than any valid request needs), `text` over "
        "`max_text_chars`, or a batch over `max_batch_documents`.",
        415: "Content-Type is not application/json, or the body has a Content-Encoding (none is accepted).",
        422: "The JSON does not match the schema, or `text` is blank. `errors` names the fields.",
        503: "Not ready, overloaded (queue full) or past the processing deadline. See Retry-After.",
    }
    # Problem is in the components already, through BatchItemResult.
    schema = {"schema": {"$ref": "#/components/schemas/Problem"}}
    return {
        status: {"description": descriptions[status], "content": {PROBLEM_MEDIA_TYPE: schema}}
        for status in statuses
    }


ENRICH_ERRORS = _problem_responses(400, 408, 413, 415, 422, 503)

# A document needs a handful of JSON values (text, date, encoding, id, features); this many is generous.
JSON_VALUES_PER_DOCUMENT = 256


def _more_values_than(value: Any, limit: int) -> bool:
    """Whether the parsed JSON `value` holds more than `limit` values (counting stops there)."""
    pending = [value]
    while pending:
        limit -= 1
        if limit < 0:
            return True
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return False


class _BoundedJSONRequest(Request):
    """JSON read as UTF-8 only (RFC 8259 §8.1; a byte order mark is ignored): `json.loads` of bytes would
    also take UTF-16 or UTF-32, and UTF-8-encoded surrogates, which are not UTF-8.

    Millions of tiny values fit within `max_body_bytes` (`"features": ["x", "x", ...]`, unknown keys,
    empty documents), and validating them builds one error each on the event loop: seconds in which no
    other request, probe included, is answered. A body with more values than any valid request needs is
    refused (413) before validation."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            value = json.loads((await self.body()).decode("utf-8-sig"))  # not UTF-8: 400
            limit = JSON_VALUES_PER_DOCUMENT * runtime(self).settings.max_batch_documents
            if _more_values_than(value, limit):
                raise HTTPException(413)
            self._json = value
        return self._json


class _BoundedJSONRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def bounded(request: Request) -> Response:
            return await handler(_BoundedJSONRequest(request.scope, request.receive))

        return bounded


router = APIRouter(route_class=_BoundedJSONRoute)


def runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def require_json(request: Request) -> None:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json" and not media_type.endswith("+json"):
        raise ProblemError(415, "Send the body as application/json.")


def _ready_pipeline(rt: Runtime) -> Pipeline:
    if rt.pipeline is None:
        raise ProblemError(
            503, "The model is still loading.", {"Retry-After": str(rt.settings.retry_after_seconds)}
        )
    return rt.pipeline


def _observe(job: Job, result: EnrichResponse) -> None:
    counts = {
        "entities": len(result.entities),
        "dates": len(result.dates),
        "quotes": len(result.quotes),
        "claims": len(result.claims),
    }
    metrics.observe_document(len(job.text), result.timings_ms, counts)


async def _run(rt: Runtime, jobs: list[Job]) -> list[EnrichResponse]:
    pipeline = _ready_pipeline(rt)
    retry = {"Retry-After": str(rt.settings.retry_after_seconds)}
    try:
        results = await rt.admission.run(lambda: pipeline.run(jobs), cost=sum(len(job.text) for job in jobs))
    except Overloaded:
        metrics.REJECTED.labels("queue_full").inc()
        raise ProblemError(503, "The service is at capacity; retry later.", retry) from None
    except (TimedOut, DeadlineExceeded):
        metrics.REJECTED.labels("deadline").inc()
        raise ProblemError(
            503, "Processing passed the deadline; retry later or send less text.", retry
        ) from None
    for job, result in zip(jobs, results, strict=True):
        _observe(job, result)
    return results


def _json(model: EnrichResponse | BatchResponse) -> Response:
    return Response(model.model_dump_json(), media_type="application/json")


@router.post(
    "/v1/enrich",
    response_model=EnrichResponse,
    responses=ENRICH_ERRORS,
    dependencies=[Depends(require_json)],
    summary="Enrich one article",
)
async def enrich(body: EnrichRequest, rt: Runtime = Depends(runtime)) -> Response:
    if (issue := text_problem(body.text, rt.settings)) is not None:
        raise ProblemError(*issue)
    deadline = time.monotonic() + rt.settings.request_timeout_seconds
    (result,) = await _run(rt, [job_for(body, deadline)])
    return _json(result)


@router.post(
    "/v1/enrich/batch",
    response_model=BatchResponse,
    responses=ENRICH_ERRORS,
    dependencies=[Depends(require_json)],
    summary="Enrich several articles in one call",
    description="Results come in input order. A document with a bad `text` gets a `problem`; the rest still run.",
)
async def enrich_batch(body: BatchRequest, rt: Runtime = Depends(runtime)) -> Response:
    if len(body.documents) > rt.settings.max_batch_documents:
        raise ProblemError(413, f"A batch holds at most {rt.settings.max_batch_documents} documents.")
    deadline = time.monotonic() + rt.settings.request_timeout_seconds
    items: list[BatchItemResult] = []
    jobs: list[Job] = []
    for index, doc in enumerate(body.documents):
        item = BatchItemResult(index=index, id=doc.id)
        if (issue := text_problem(doc.text, rt.settings)) is not None:
            item.problem = problem(*issue)
        else:
            jobs.append(job_for(doc, deadline))
        items.append(item)
    results = iter(await _run(rt, jobs) if jobs else [])
    for item in items:
        if item.problem is None:
            item.result = next(results)
    return _json(BatchResponse(results=items))


@router.get(
    "/v1/info",
    response_model=InfoResponse,
    responses=_problem_responses(503),
    summary="What this service does",
)
def info(rt: Runtime = Depends(runtime)) -> InfoResponse:
    pipeline = _ready_pipeline(rt)
    s = rt.settings
    implemented = [f for f in Feature if f in IMPLEMENTED]
    return InfoResponse(
        service_version=__version__,
        model=pipeline.model,
        features_implemented=implemented,
        features_planned=[f for f in Feature if f not in IMPLEMENTED],
        components_by_feature={f.value: list(COMPONENTS[f]) for f in implemented},
        offset_encodings=[e.value for e in OffsetEncoding],
        limits=Limits(
            max_text_chars=s.max_text_chars,
            max_batch_documents=s.max_batch_documents,
            max_body_bytes=s.max_body_bytes,
            max_queued_requests=s.max_queued_requests,
            request_timeout_seconds=s.request_timeout_seconds,
        ),
    )


@router.get("/healthz", response_model=Health, summary="Liveness: the process answers")
async def healthz() -> Health:
    return Health()


@router.get(
    "/readyz",
    response_model=Readiness,
    responses=_problem_responses(503),
    summary="Readiness: model loaded and warm",
)
async def readyz(rt: Runtime = Depends(runtime)) -> Readiness:
    _ready_pipeline(rt)
    return Readiness(status="ready")


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text exposition."}},
)
async def prometheus_metrics() -> Response:
    body, content_type = metrics.exposition()
    return Response(body, media_type=content_type)
