"""The ASGI application: wiring only. `uvicorn service.app:app` or `python -m service` serves it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from service import __version__, metrics, problems
from service.admission import Admission
from service.api import Runtime, router
from service.middleware import EdgeMiddleware
from service.pipeline import Pipeline
from service.settings import Settings, get_settings

log = logging.getLogger("service.app")

DESCRIPTION = """\
Entities (with clusters of one real-world entity each), temporal expressions (TIMEX3 values), quotes with
their speakers, and claim/denial pairs, for English news text.

Offsets are `start`/`end` into the submitted text in the requested `offset_encoding`, end exclusive.
Errors are RFC 9457 `application/problem+json` and never echo the submitted text.
"""


def _load(runtime: Runtime) -> None:
    pipeline = Pipeline(runtime.settings.model_name)
    pipeline.warm_up()
    metrics.MODEL_INFO.labels(pipeline.model.name, pipeline.model.version).set(1)
    runtime.pipeline = pipeline
    log.info("model ready", extra={"model": pipeline.model.name, "version": pipeline.model.version})


def create_app(settings: Settings | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """Build the app; pass a loaded `pipeline` to share one model between apps (tests do)."""
    settings = settings or get_settings()
    runtime = Runtime(
        settings, Admission(settings.max_queued_requests, settings.request_timeout_seconds), pipeline
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        loading = None
        if runtime.pipeline is None:  # load off the event loop, so /healthz answers while /readyz says 503
            loading = asyncio.get_running_loop().run_in_executor(None, _load, runtime)
        yield
        if loading is not None and not loading.done():
            loading.cancel()
        runtime.admission.shutdown()

    docs = settings.docs_enabled
    app = FastAPI(
        title="News enrichment service",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
        # "/healthz/" is a 404 problem, not a redirect whose Location is built from the Host header and query
        redirect_slashes=False,
    )
    app.state.runtime = runtime
    app.include_router(router)
    problems.install(app)
    app.add_middleware(
        EdgeMiddleware,
        body_timeout_seconds=settings.body_timeout_seconds,
        max_body_bytes=settings.max_body_bytes,
    )
    return app


app = create_app()
