"""The seed article over real HTTP against the real server, the way `make run` starts it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from schemas import EnrichResponse

pytestmark = pytest.mark.slow


def test_seed_article_offsets_and_clusters(server: str, seed_text: str) -> None:
    response = httpx.post(
        f"{server}/v1/enrich", json={"text": seed_text, "published_at": "2022-03-14"}, timeout=60
    )
    assert response.status_code == 200
    assert response.headers["x-request-id"]
    result = EnrichResponse.model_validate_json(response.content)
    assert result.reference_date.isoformat() == "2022-03-14"
    spans = [
        *result.entities,
        *result.dates,
        *result.quotes,
        *(c for p in result.claims for c in (p.claim, p.denial)),
    ]
    for item in spans:
        assert seed_text[item.start : item.end] == item.text
    sullivan_clusters = {e.cluster for e in result.entities if "Sullivan" in e.text}
    assert len(sullivan_clusters) == 1
    cluster = result.clusters[sullivan_clusters.pop()]
    assert cluster.canonical == "Jake Sullivan"
    assert len(cluster.mentions) == seed_text.count("Sullivan")
    assert {e.canonical for e in result.entities if e.text in {"Xi", "Xi Jinping"}} == {"Xi Jinping"}
    assert {e.canonical for e in result.entities if "Zhao" in e.text} == {"Zhao Lijian"}


def test_seed_article_in_utf16(server: str, seed_text: str) -> None:
    body = {"text": seed_text, "published_at": "2022-03-14", "offset_encoding": "utf16"}
    result = EnrichResponse.model_validate_json(
        httpx.post(f"{server}/v1/enrich", json=body, timeout=60).content
    )
    encoded = seed_text.encode("utf-16-le")
    for entity in result.entities:
        assert encoded[entity.start * 2 : entity.end * 2].decode("utf-16-le") == entity.text


def test_scorer_runs_against_the_server(server: str, shared_dir: Path, tmp_path: Path) -> None:
    """The shared scorer (dev data, absent in some checkouts) talks to the real server end to end."""
    out = tmp_path / "seed.json"
    command = [
        sys.executable,
        str(shared_dir / "eval" / "score.py"),
        "--url",
        server,
        "--quiet",
        "--out",
        str(out),
    ]
    command += [str(shared_dir / "data" / "seed.jsonl")]
    subprocess.run(command, check=True, timeout=300)
    metrics = json.loads(out.read_text())
    assert metrics["service.errors"] == 0
    assert metrics["entities.f1"] >= 0.75
