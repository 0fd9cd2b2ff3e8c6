"""Service metadata and probe bodies."""

from typing import Literal

from pydantic import BaseModel, Field

from schemas.enrich import Feature, ModelInfo


class Limits(BaseModel):
    max_text_chars: int = Field(description="Longest accepted `text`, in code points.")
    max_batch_documents: int = Field(description="Most documents in one batch request.")
    max_body_bytes: int = Field(description="Largest accepted request body.")
    max_queued_requests: int = Field(description="Requests that may wait per worker before 503.")
    request_timeout_seconds: float = Field(description="Processing deadline per request.")


class InfoResponse(BaseModel):
    service_version: str
    language: Literal["en"] = "en"
    model: ModelInfo
    features_implemented: list[Feature] = Field(description="Features that produce output.")
    features_planned: list[Feature] = Field(description="Accepted features that return an empty list so far.")
    components_by_feature: dict[str, list[str]] = Field(
        description="spaCy components each feature runs; a request runs the union for its features."
    )
    offset_encodings: list[str]
    limits: Limits


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready", "loading"]
