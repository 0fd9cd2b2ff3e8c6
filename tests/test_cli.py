"""The JSON Lines command: one output line per input line, in order; problems name the line, never echo it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from schemas import EnrichResponse, Feature, OffsetEncoding
from service.cli import Defaults, enrich_lines
from service.pipeline import Pipeline
from service.settings import Settings

GOOD = {"text": "Maria Lopez met officials from Siemens in Berlin on Monday.", "published_at": "2022-03-14"}
SECRET = "Zanzibar-7781"  # appears only in bad lines: no output may contain it
LINES = [
    json.dumps({**GOOD, "id": "kept-out", "url": "https://example.org/a"}).encode(),  # extra fields ignored
    b"",
    f"not json {SECRET}".encode(),
    json.dumps([SECRET]).encode(),
    json.dumps({"text": " \n\t "}).encode(),
    json.dumps({"body": SECRET}).encode(),
    json.dumps({"text": SECRET, "features": ["sentiment"]}).encode(),
    b'\xff{"text": "' + SECRET.encode() + b'"}',
    json.dumps({"text": "Lopez flew to Tokyo \U0001f600 with Kenji Tanaka."}).encode(),
]
EXPECTED_PROBLEMS = {2: 400, 3: 400, 4: 400, 5: 422, 6: 422, 7: 422, 8: 400}


def run(pipeline: Pipeline, lines: list[bytes], defaults: Defaults | None = None) -> list[dict[str, object]]:
    out = enrich_lines(list(enumerate(lines, start=1)), pipeline, defaults or Defaults(), Settings())
    assert len(out) == len(lines)
    return [json.loads(line) for line in out]


def test_each_line_gives_a_result_or_a_problem_with_its_line_number(pipeline: Pipeline) -> None:
    out = run(pipeline, LINES)
    problems = {item["line"]: item["status"] for item in out if "line" in item}
    assert problems == EXPECTED_PROBLEMS
    for item in out:
        if "line" in item:
            assert item["title"] and item["detail"]
        else:
            EnrichResponse.model_validate(item)
    assert SECRET not in json.dumps(out)
    first = EnrichResponse.model_validate(out[0])
    assert str(first.reference_date) == "2022-03-14"  # from the line's published_at
    assert {"Maria Lopez", "Siemens", "Berlin"} <= {e.text for e in first.entities}
    assert "Tokyo" in {e.text for e in EnrichResponse.model_validate(out[-1]).entities}


def test_features_and_offset_encoding_flags_apply_to_lines_without_their_own(pipeline: Pipeline) -> None:
    text = "\U0001f600 Kenji Tanaka visited Osaka."
    lines = [
        json.dumps({"text": text}).encode(),
        json.dumps({"text": text, "features": ["entities"]}).encode(),
    ]
    defaults = Defaults(features=(Feature.dates,), offset_encoding=OffsetEncoding.utf16)
    flagged, own = (EnrichResponse.model_validate(item) for item in run(pipeline, lines, defaults))
    assert flagged.entities == [] and own.entities
    utf16 = text.encode("utf-16-le")
    for entity in own.entities:
        assert own.offset_encoding == OffsetEncoding.utf16
        assert utf16[2 * entity.start : 2 * entity.end].decode("utf-16-le") == entity.text


@pytest.mark.slow
def test_command_with_several_processes_keeps_input_order(pipeline: Pipeline, tmp_path: Path) -> None:
    names = ["Maria Lopez", "Kenji Tanaka", "Olga Novak", "Pierre Moreau", "Grace Mensah", "Omar Haddad"]
    lines = [json.dumps({"text": f"{name} spoke in Geneva on Friday."}).encode() for name in names * 7]
    lines.insert(5, b"{broken")
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    target = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "service.cli", str(source), "-o", str(target), "--processes", "2"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert "43 lines: 42 enriched, 1 problems" in finished.stderr
    out = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    expected = run(pipeline, lines)
    for got, want in zip(out, expected, strict=True):
        got.pop("timings_ms", None)
        want.pop("timings_ms", None)
        assert got == want
