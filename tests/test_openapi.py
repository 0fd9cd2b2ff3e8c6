"""openapi.yaml is committed, valid, and exactly what the app serves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from openapi_spec_validator import validate

from service.openapi import as_yaml, openapi_document

OPENAPI = Path(__file__).resolve().parent.parent / "openapi.yaml"


def test_committed_openapi_matches_the_app() -> None:
    assert OPENAPI.read_text(encoding="utf-8") == as_yaml(openapi_document()), "run `make openapi` and commit"


def test_openapi_is_valid() -> None:
    validate(yaml.safe_load(OPENAPI.read_text(encoding="utf-8")))


def test_every_error_response_is_documented_as_problem_json() -> None:
    document: dict[str, Any] = yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))
    enrich = document["paths"]["/v1/enrich"]["post"]["responses"]
    for status in ("400", "408", "413", "415", "422", "503"):
        assert list(enrich[status]["content"]) == ["application/problem+json"], status
        assert enrich[status]["content"]["application/problem+json"]["schema"]["$ref"].endswith("/Problem")
    schemas = document["components"]["schemas"]
    for name in (
        "EnrichRequest",
        "EnrichResponse",
        "Entity",
        "DateExpression",
        "Quote",
        "ClaimPair",
        "Problem",
    ):
        assert name in schemas
