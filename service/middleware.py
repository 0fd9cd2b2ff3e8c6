"""One pure-ASGI middleware at the edge: request id, access log, HTTP metrics, body size and deadline."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service import metrics

_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
# Methods that get a metric label of their own; any other token (h11 and other servers pass the app any
# method a client sends) is counted as "other", so the number of series stays bounded.
_LABELLED_METHODS = frozenset(
    {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"}
)
access_log = logging.getLogger("service.access")
# A body refused before it is all read: the server would otherwise go on reading (and dropping) the rest
# for as long as the client sends it.
_HANG_UP = {"Connection": "close"}


def _header(scope: Scope, name: bytes) -> bytes | None:
    """The first value of a header (ASGI gives names lower-cased)."""
    return next((bytes(value) for key, value in scope.get("headers", []) if key == name), None)


def _request_id(scope: Scope) -> str:
    candidate = (_header(scope, b"x-request-id") or b"").decode("latin-1")
    return candidate if _VALID_REQUEST_ID.match(candidate) else uuid.uuid4().hex


def _content_length(scope: Scope) -> int | None:
    value = _header(scope, b"content-length")
    return int(value) if value is not None and value.isdigit() else None


def _content_coded(scope: Scope) -> bool:
    """The body carries a content coding (gzip, deflate, ...): the service reads only plain bodies, so it
    never inflates a small upload into a large one."""
    coding = (_header(scope, b"content-encoding") or b"").strip().lower()
    return coding not in (b"", b"identity")


def _allow_with_head(allow: bytes) -> bytes:
    """An Allow header's methods plus HEAD wherever GET is, since HEAD is answered as GET here."""
    methods = {method.strip() for method in allow.split(b",")}
    return allow + b", HEAD" if b"GET" in methods and b"HEAD" not in methods else allow


def route_template(scope: Scope) -> str | None:
    """The matched route's path template, None when no route matched; never the raw path, so metric
    labels stay bounded and problem documents echo nothing of what the client sent."""
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else None


class EdgeMiddleware:
    def __init__(self, app: ASGIApp, body_timeout_seconds: float, max_body_bytes: int) -> None:
        self.app = app
        self.body_timeout_seconds = body_timeout_seconds
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        scope["request_id"] = request_id
        method = scope["method"]
        if method == "HEAD":  # GET without the body (RFC 9110 §9.3.2), so every GET route answers it too
            scope = {**scope, "method": "GET"}  # a copy: the server still sees HEAD and sends no body
        started = time.perf_counter()
        body_deadline = time.monotonic() + self.body_timeout_seconds
        status = 500
        body_complete = False
        declared_bytes = _content_length(scope)
        received_bytes = 0

        async def receive_within_limits() -> Message:
            """A client must not hold a worker for ever by trickling its body, nor send more than the limit,
            nor a compressed body.

            Raised here, inside the route, the 408/413/415 leave as problem+json through the exception
            handlers (Starlette's own body limit answers a declared oversize body in plain text).
            """
            nonlocal body_complete, received_bytes
            if body_complete:
                return await receive()
            if _content_coded(scope):
                raise HTTPException(415, headers={"Accept-Encoding": "identity", **_HANG_UP})
            if declared_bytes is not None and declared_bytes > self.max_body_bytes:
                raise HTTPException(413, headers=_HANG_UP)
            try:
                message = await asyncio.wait_for(receive(), max(body_deadline - time.monotonic(), 0.001))
            except TimeoutError:
                raise HTTPException(408, headers=_HANG_UP) from None
            if message["type"] == "http.request":
                received_bytes += len(message.get("body", b""))
                if received_bytes > self.max_body_bytes:
                    raise HTTPException(413, headers=_HANG_UP)
            body_complete = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [
                    (k, _allow_with_head(v) if k == b"allow" else v) for k, v in message.get("headers", [])
                ]
                message["headers"] = [*headers, (b"x-request-id", request_id.encode())]
            elif method == "HEAD":
                message = {**message, "body": b""}
            await send(message)

        metrics.HTTP_IN_FLIGHT.inc()
        try:
            await self.app(scope, receive_within_limits, send_with_id)
        finally:
            metrics.HTTP_IN_FLIGHT.dec()
            elapsed = time.perf_counter() - started
            route = route_template(scope) or "unmatched"
            method_label = method if method in _LABELLED_METHODS else "other"
            metrics.HTTP_REQUESTS.labels(method_label, route, str(status)).inc()
            metrics.HTTP_DURATION.labels(route).observe(elapsed)
            access_log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": method,
                    "route": route,
                    "status": status,
                    "duration_ms": round(elapsed * 1000, 2),
                },
            )
