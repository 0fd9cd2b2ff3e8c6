"""Requests become pipeline jobs here, one way for the HTTP routes and the batch command alike."""

from __future__ import annotations

import datetime as dt

from schemas import EnrichRequest, Feature
from service.pipeline import Job
from service.settings import Settings


def text_problem(text: str, settings: Settings) -> tuple[int, str] | None:
    """(status, detail) when `text` cannot be enriched; checked per document so one bad batch item
    does not fail the others."""
    if len(text) > settings.max_text_chars:
        return 413, f"`text` is longer than {settings.max_text_chars} characters."
    if not text.strip():
        return 422, "`text` is blank."
    return None


def job_for(request: EnrichRequest, deadline: float) -> Job:
    """A datetime's own date is the reference (the article's local day); no date means today in UTC."""
    published = request.published_at
    if isinstance(published, dt.datetime):
        published = published.date()
    return Job(
        text=request.text,
        reference_date=published or dt.datetime.now(dt.UTC).date(),
        features=frozenset(request.features) if request.features is not None else frozenset(Feature),
        offset_encoding=request.offset_encoding,
        deadline=deadline,
    )
