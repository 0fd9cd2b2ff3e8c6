"""Shared fixtures: one spaCy model per test session, the app around it, and the shared data dir."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from service.app import create_app
from service.model import load_model
from service.pipeline import Pipeline
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "us-china-rome-2022-03-14.txt"
SHARED = Path(os.environ.get("ENRICH_SHARED_DIR", ROOT.parent / "shared"))
MODEL = Settings().model_name


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model(MODEL)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    loaded = Pipeline(MODEL)
    loaded.warm_up()
    return loaded


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture
def client(pipeline: Pipeline) -> Iterator[TestClient]:
    """The real app (routes, middleware, error handlers) around the session's loaded pipeline."""
    with TestClient(create_app(Settings(), pipeline=pipeline), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (evaluation data, dev only); tests that need it skip cleanly when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"shared evaluation data not found at {SHARED}")
    return SHARED
