"""`python -m service.openapi` prints the OpenAPI document as YAML; `make openapi` writes openapi.yaml."""

from __future__ import annotations

from typing import Any

import yaml

from service.app import create_app
from service.settings import Settings


def openapi_document() -> dict[str, Any]:
    """Built with default settings and docs on, so the committed file does not depend on the environment."""
    return create_app(Settings(docs_enabled=True)).openapi()


def as_yaml(document: dict[str, Any]) -> str:
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=110)


if __name__ == "__main__":
    print(as_yaml(openapi_document()), end="")
