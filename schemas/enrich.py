"""Request and result models of `/v1/enrich` and `/v1/enrich/batch`.

Offsets (`start`, `end`) index the submitted text in the request's `offset_encoding`, end exclusive.
"""

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from schemas.problem import Problem


class Feature(StrEnum):
    entities = "entities"
    dates = "dates"
    quotes = "quotes"
    claims = "claims"


class OffsetEncoding(StrEnum):
    codepoint = "codepoint"
    utf16 = "utf16"
    utf8 = "utf8"


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class QuoteKind(StrEnum):
    direct = "direct"
    partial = "partial"
    indirect = "indirect"


_TEXT_DESCRIPTION = (
    "The article text. Must contain a non-whitespace character; the longest accepted length is "
    "`limits.max_text_chars` in `GET /v1/info` (200,000 code points by default)."
)
_PUBLISHED_DESCRIPTION = (
    "Publication date (or datetime; its date part is used), the reference for relative dates. "
    "Defaults to today (UTC)."
)


def _not_a_timestamp(value: object) -> object:
    """Pydantic would read a number (or a string of digits) as a Unix timestamp: 0 → 1970-01-01."""
    if isinstance(value, int | float) or (isinstance(value, str) and value.strip().lstrip("-").isdigit()):
        raise ValueError("expected an ISO 8601 date or datetime, not a number")
    return value


PublishedAt = Annotated[dt.date | dt.datetime, BeforeValidator(_not_a_timestamp)]


class EnrichRequest(BaseModel):
    """Unknown fields are rejected so that a misspelt option never silently falls back to a default."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description=_TEXT_DESCRIPTION)
    published_at: PublishedAt | None = Field(default=None, description=_PUBLISHED_DESCRIPTION)
    features: list[Feature] | None = Field(
        default=None, description="Which results to compute; default all. Unrequested lists come back empty."
    )
    offset_encoding: OffsetEncoding = Field(
        default=OffsetEncoding.codepoint,
        description="Unit of `start`/`end`: code points (Python), UTF-16 code units (JavaScript, Java) or bytes.",
    )


class BatchDocument(EnrichRequest):
    id: str | None = Field(default=None, max_length=256, description="Caller's id, echoed in the result.")


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[BatchDocument] = Field(
        min_length=1,
        description="Documents to enrich, at most `limits.max_batch_documents` (32 by default).",
    )


class Span(BaseModel):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(Span):
    label: str = Field(
        description="OntoNotes label (PERSON, ORG, GPE, NORP, ...); DATE and TIME are in `dates`."
    )
    cluster: int = Field(description="Id of the entity's cluster in `clusters`.")
    canonical: str = Field(description="Canonical name shared by every mention of the same entity.")


class Cluster(BaseModel):
    id: int
    canonical: str
    label: str
    mentions: list[Span] = Field(description="Every mention of the entity, in text order.")


class DateInterval(BaseModel):
    """Calendar days covered, so callers can filter by range without parsing TIMEX3."""

    first_day: dt.date
    last_day: dt.date


class DateExpression(Span):
    type: TimexType
    value: str | None = Field(description="TIMEX3 value; null when none can be given honestly.")
    mod: str | None = Field(default=None, description="TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, ...")
    interval: DateInterval | None = Field(default=None, description="Days covered, for DATE and TIME.")


class Speaker(Span):
    canonical: str | None = Field(default=None, description="Canonical name, when the mention resolves.")
    cluster: int | None = Field(default=None, description="Entity cluster id, when the mention resolves.")


class Cue(Span):
    pass


class Quote(Span):
    kind: QuoteKind
    speaker: Speaker | None
    cue: Cue | None


class Claim(Span):
    claimant: Speaker | None


class Denial(Span):
    denier: Speaker | None
    cue: Cue | None


class ClaimLink(BaseModel):
    """Why the denial was paired with this claim."""

    route: Literal["inside_denial", "back_reference", "content_overlap"]
    terms: list[str] = Field(default_factory=list, description="Back-reference word or shared lemmas.")
    score: float = Field(ge=0, le=1)


class ClaimPair(BaseModel):
    claim: Claim
    denial: Denial
    link: ClaimLink


class ModelInfo(BaseModel):
    name: str
    version: str


class EnrichResponse(BaseModel):
    entities: list[Entity]
    clusters: list[Cluster]
    dates: list[DateExpression]
    quotes: list[Quote]
    claims: list[ClaimPair]
    reference_date: dt.date = Field(description="The date relative expressions were resolved against.")
    language: Literal["en"] = "en"
    offset_encoding: OffsetEncoding
    model: ModelInfo
    service_version: str
    timings_ms: dict[str, float] = Field(description="Milliseconds per stage (parse, entities, dates, ...).")


class BatchItemResult(BaseModel):
    index: int = Field(description="Position in the request's `documents`.")
    id: str | None = None
    result: EnrichResponse | None = None
    problem: Problem | None = Field(default=None, description="Why this document has no result.")


class BatchResponse(BaseModel):
    results: list[BatchItemResult]
