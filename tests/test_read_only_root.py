"""The service works on a read-only root filesystem: it writes nowhere but the temp dir.

No container engine runs here, so the real server (`python -m service`, the image's CMD) runs with the
image's environment and a Python audit hook, installed through `sitecustomize` in every process the
server starts (uvicorn's workers too), that records each file opened for writing and each file-system
change outside the temp dir. The deployment mounts a writable emptyDir at /tmp and nothing else.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from dockerfile_parse import DockerfileParser

from service.localserver import running_server

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "us-china-rome-2022-03-14.txt"

AUDIT_HOOK = """
import os, sys

_report = open(os.environ["WRITE_AUDIT_REPORT"], "a", buffering=1)
_allowed = tuple(os.path.realpath(p) + os.sep for p in (os.environ["TMPDIR"], "/dev"))
_write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
# audit event -> positions of (path, dir_fd) pairs among its arguments
_changes = {
    "os.mkdir": [(0, 2)], "os.remove": [(0, 1)], "os.rmdir": [(0, 1)], "os.rename": [(0, 2), (1, 3)],
    "os.chmod": [(0, 2)], "os.symlink": [(1, 2)], "os.link": [(1, 3)], "os.truncate": [(0, None)],
}


def _outside(path, dir_fd=None):
    if isinstance(path, int):
        return False
    path = os.fsdecode(path)
    if isinstance(dir_fd, int) and dir_fd >= 0 and not os.path.isabs(path):  # shutil.rmtree works by fd
        path = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), path)
    return not (os.path.realpath(path) + os.sep).startswith(_allowed)


def _hook(event, args):
    if event == "open" and args[2] & _write_flags and _outside(args[0]):
        _report.write(f"{event} {args[0]!r}\\n")
    for path_at, fd_at in _changes.get(event, []):
        if _outside(args[path_at], None if fd_at is None else args[fd_at]):
            _report.write(f"{event} {args[path_at]!r}\\n")


sys.addaudithook(_hook)
"""


def image_environment() -> dict[str, str]:
    """The runtime stage's ENV, minus what this test sets itself."""
    envs = dict(DockerfileParser(str(ROOT / "Dockerfile")).envs)
    return {k: v for k, v in envs.items() if k not in {"PATH", "ENRICH_HOST", "ENRICH_PORT"}}


def test_image_does_not_write_bytecode() -> None:
    assert image_environment().get("PYTHONDONTWRITEBYTECODE") == "1"


def audited(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """Environment that installs the audit hook in every Python process, and the report it writes."""
    hooks, temp = tmp_path / "hooks", tmp_path / "tmp"
    hooks.mkdir()
    temp.mkdir()
    (hooks / "sitecustomize.py").write_text(AUDIT_HOOK)
    report = tmp_path / "writes.txt"
    report.touch()
    return {"PYTHONPATH": str(hooks), "TMPDIR": str(temp), "WRITE_AUDIT_REPORT": str(report)}, report


def test_the_audit_hook_sees_writes_outside_the_temp_dir(tmp_path: Path) -> None:
    """Without this, the server test below could pass by seeing nothing."""
    environment, report = audited(tmp_path)
    script = "import os, tempfile; open(tempfile.mktemp(), 'w').close(); open('outside', 'w').close(); os.mkdir('dir')"
    subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env={**os.environ, **environment}, check=True
    )
    assert report.read_text().splitlines() == ["open 'outside'", "os.mkdir 'dir'"]


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_server_writes_only_to_the_temp_dir(tmp_path: Path, workers: str) -> None:
    audit, report = audited(tmp_path)
    environment = {**image_environment(), **audit, "ENRICH_WORKERS": workers}
    with running_server(**environment) as base:
        body = {"text": SEED.read_text(encoding="utf-8"), "published_at": "2022-03-14"}
        for _ in range(int(workers) * 2):  # reach every worker
            assert httpx.post(f"{base}/v1/enrich", json=body, timeout=60).status_code == 200
        assert httpx.get(f"{base}/metrics", timeout=10).status_code == 200
        assert httpx.get(f"{base}/v1/info", timeout=10).status_code == 200
        bad = httpx.post(f"{base}/v1/enrich", content=b"{", headers={"content-type": "application/json"})
        assert bad.status_code == 400
    writes = report.read_text().splitlines()
    assert writes == [], json.dumps(writes[:20], indent=1)
