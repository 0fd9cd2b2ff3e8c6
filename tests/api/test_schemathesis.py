"""Schemathesis against the committed openapi.yaml on the real app (ASGI): no 5xx, every response as documented.

Valid and invalid requests are generated from the contract itself, so a response the contract does not
describe, or an input that crashes the service, fails here. Bounded: at most 25 examples per operation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings

from service.app import create_app
from service.pipeline import Pipeline
from service.settings import Settings

OPENAPI = Path(__file__).resolve().parents[2] / "openapi.yaml"


schema = schemathesis.openapi.from_path(OPENAPI)


@pytest.fixture
def app(pipeline: Pipeline) -> FastAPI:
    """One app per operation: schemathesis ends the app's lifespan (and so its spaCy thread) after each."""
    return create_app(Settings(), pipeline=pipeline)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_contract(case: schemathesis.Case, app: FastAPI) -> None:
    case.call_and_validate(app=app)
