"""Every error leaves as RFC 9457 problem+json, and none echoes what the client sent."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from schemas import Problem
from schemas.problem import FieldError
from service.middleware import route_template

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("service.errors")


class ProblemError(Exception):
    """Raised anywhere in the HTTP layer to answer with a problem document."""

    def __init__(self, status: int, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.headers = headers or {}


def problem(status: int, detail: str | None = None, **extra: Any) -> Problem:
    return Problem(title=HTTPStatus(status).phrase, status=status, detail=detail, **extra)


def problem_response(
    request: Request, status: int, detail: str | None, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body = problem(
        status,
        detail,
        instance=route_template(request.scope),
        request_id=request.scope.get("request_id"),
        **extra,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE
    )


# A body of 100,000 unknown keys must not earn a 100,000-entry answer, nor a long key a long echo.
MAX_FIELD_ERRORS = 20
MAX_LOC_CHARS = 64


def _loc_part(part: object) -> str | int:
    return part if isinstance(part, int) else str(part)[:MAX_LOC_CHARS]


def field_errors(exc: RequestValidationError) -> list[FieldError]:
    """Pydantic's errors without their `input` and `ctx`, which would echo the request; the first few."""
    return [
        FieldError(loc=[_loc_part(p) for p in e["loc"]], msg=e["msg"], type=e["type"])
        for e in exc.errors()[:MAX_FIELD_ERRORS]
    ]


async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = field_errors(exc)
    if any(e.type == "json_invalid" for e in errors):
        return problem_response(request, 400, "The body is not valid JSON.")
    if any(e.type == "missing" and e.loc == ["body"] for e in errors):
        return problem_response(request, 400, "The request body is empty; send a JSON object.")
    return problem_response(
        request, 422, "The request does not match the schema; see `errors`.", errors=errors
    )


async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = {
        400: "The body could not be read as UTF-8 JSON.",
        404: "No such resource.",
        405: "Method not allowed on this resource.",
        408: "The request body did not arrive in time.",
        413: "The request body is larger than the configured limit, or holds more JSON values than any "
        "valid request needs.",
        415: "The body must not be compressed; send it without a Content-Encoding.",
    }.get(exc.status_code, HTTPStatus(exc.status_code).description)
    return problem_response(request, exc.status_code, detail, headers=getattr(exc, "headers", None))


async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
    return problem_response(request, exc.status, exc.detail, headers=exc.headers)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    """Starlette answers this one outside the middleware, which therefore cannot add the X-Request-ID."""
    request_id = request.scope.get("request_id")
    log.error("unhandled error", exc_info=exc, extra={"request_id": request_id})
    headers = {"X-Request-ID": request_id} if request_id else None
    return problem_response(request, 500, "Internal error; it has been logged with the request id.", headers)


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http)  # type: ignore[arg-type]
    app.add_exception_handler(ProblemError, _problem)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
