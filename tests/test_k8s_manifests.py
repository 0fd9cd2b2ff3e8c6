"""deploy/k8s/: valid against the Kubernetes schemas (offline, bundled by kubernetes-validate) and consistent
with each other, with the image (Dockerfile) and with the service's settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from dockerfile_parse import DockerfileParser

from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
MANIFESTS = sorted((ROOT / "deploy" / "k8s").glob("*.yaml"))
KUBERNETES_VERSIONS = ["1.30", kubernetes_validate.utils.latest_version()]


def documents() -> list[dict[str, Any]]:
    return [doc for path in MANIFESTS for doc in yaml.safe_load_all(path.read_text()) if doc]


def by_kind() -> dict[str, dict[str, Any]]:
    found = {doc["kind"]: doc for doc in documents()}
    assert len(found) == len(documents()), "one object per kind expected"
    return found


def container() -> dict[str, Any]:
    (only,) = by_kind()["Deployment"]["spec"]["template"]["spec"]["containers"]
    spec: dict[str, Any] = only
    return spec


def env() -> dict[str, str]:
    return {item["name"]: item["value"] for item in container()["env"]}


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_manifest_is_valid_kubernetes(path: Path, version: str) -> None:
    for doc in yaml.safe_load_all(path.read_text()):
        kubernetes_validate.validate(doc, version, strict=True)


def test_the_validator_rejects_a_broken_manifest() -> None:
    broken = by_kind()["Deployment"]
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["httpGet"]["path"] = ["/healthz"]
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSIONS[0], strict=True)


def test_expected_objects() -> None:
    assert set(by_kind()) >= {"Deployment", "Service", "HorizontalPodAutoscaler"}


def test_probes_target_the_health_endpoints_on_the_serving_port() -> None:
    c = container()
    (port,) = c["ports"]
    for probe, path in [
        ("startupProbe", "/readyz"),
        ("readinessProbe", "/readyz"),
        ("livenessProbe", "/healthz"),
    ]:
        assert c[probe]["httpGet"] == {"path": path, "port": port["name"]}
    startup = c["startupProbe"]
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 60  # time to load the model


def test_one_process_per_pod_and_settings_exist() -> None:
    c, variables = container(), env()
    assert variables["ENRICH_WORKERS"] == "1"
    assert variables["ENRICH_HOST"] == "0.0.0.0"
    assert int(variables["ENRICH_PORT"]) == c["ports"][0]["containerPort"]
    fields = {f"ENRICH_{name.upper()}" for name in Settings.model_fields}
    assert set(variables) <= fields  # no misspelt, silently ignored setting
    settings = Settings(**{name.removeprefix("ENRICH_").lower(): value for name, value in variables.items()})
    assert settings.keepalive_seconds > 60


def test_resources_and_hardening() -> None:
    c = container()
    pod = by_kind()["Deployment"]["spec"]["template"]["spec"]
    for kind in ("requests", "limits"):
        assert {"cpu", "memory"} <= set(c["resources"][kind])
    security = c["securityContext"]
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    tmp = next(m for m in c["volumeMounts"] if m["mountPath"] == "/tmp")
    assert "emptyDir" in next(v for v in pod["volumes"] if v["name"] == tmp["name"])


def test_runs_as_the_images_user() -> None:
    dockerfile = DockerfileParser(path=str(ROOT / "Dockerfile"))
    user = [i["value"] for i in dockerfile.structure if i["instruction"] == "USER"][-1]
    pod = by_kind()["Deployment"]["spec"]["template"]["spec"]
    assert user.split(":")[0] == str(pod["securityContext"]["runAsUser"])


def test_grace_period_covers_pre_stop_and_graceful_shutdown() -> None:
    pod = by_kind()["Deployment"]["spec"]["template"]["spec"]
    pre_stop = container()["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    assert pod["terminationGracePeriodSeconds"] > int(pre_stop[1]) + int(
        env()["ENRICH_GRACEFUL_SHUTDOWN_SECONDS"]
    )


def test_service_and_autoscaler_point_at_the_deployment() -> None:
    objects = by_kind()
    deployment, service, hpa = objects["Deployment"], objects["Service"], objects["HorizontalPodAutoscaler"]
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert deployment["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    assert {p["targetPort"] for p in service["spec"]["ports"]} <= {p["name"] for p in container()["ports"]}
    target = hpa["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment["metadata"]["name"])
    (metric,) = hpa["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"  # utilization is relative to the CPU request, which is set
    assert hpa["spec"]["minReplicas"] >= 2
