"""RFC 9457 problem details: the one shape of every error response."""

from pydantic import BaseModel, ConfigDict, Field


class FieldError(BaseModel):
    """One invalid request field. Names where, never what was sent."""

    loc: list[str | int] = Field(description="Path of the field in the request body.")
    msg: str = Field(description="What is wrong with it.")
    type: str = Field(description="Machine-readable error type.")


class Problem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str = Field(default="about:blank", description="URI reference identifying the problem type.")
    title: str = Field(description="Short, human-readable summary of the problem type.")
    status: int = Field(description="HTTP status code.", ge=100, le=599)
    detail: str | None = Field(default=None, description="Explanation specific to this occurrence.")
    instance: str | None = Field(
        default=None, description="Path of the route the problem occurred on; absent for an unknown path."
    )
    request_id: str | None = Field(default=None, description="The request id, also in X-Request-ID.")
    errors: list[FieldError] | None = Field(
        default=None, description="Invalid fields, for 422. The submitted values are never echoed."
    )
