"""The API contract: pydantic models only, no logic, no spaCy, no FastAPI.

`openapi.yaml` is generated from these models; change them deliberately.
"""

from schemas.enrich import (
    BatchDocument,
    BatchItemResult,
    BatchRequest,
    BatchResponse,
    Claim,
    ClaimPair,
    Cluster,
    Cue,
    DateExpression,
    DateInterval,
    Denial,
    EnrichRequest,
    EnrichResponse,
    Entity,
    Feature,
    ModelInfo,
    OffsetEncoding,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    TimexType,
)
from schemas.info import Health, InfoResponse, Limits, Readiness
from schemas.problem import Problem

__all__ = [
    "BatchDocument",
    "BatchItemResult",
    "BatchRequest",
    "BatchResponse",
    "Claim",
    "ClaimPair",
    "Cluster",
    "Cue",
    "DateExpression",
    "DateInterval",
    "Denial",
    "EnrichRequest",
    "EnrichResponse",
    "Entity",
    "Feature",
    "Health",
    "InfoResponse",
    "Limits",
    "ModelInfo",
    "OffsetEncoding",
    "Problem",
    "Quote",
    "QuoteKind",
    "Readiness",
    "Span",
    "Speaker",
    "TimexType",
]
