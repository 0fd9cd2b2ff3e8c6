"""Throughput and latency on the same documents: raw spaCy, the pipeline in process, the server over HTTP.

    (a)  spaCy `nlp.pipe` with the components the requested features need, in batches of --batch-size
    (b)  `Pipeline.run` (all of the enrichment) on the same batches, in process
    (c1) the real server (`python -m service`, one worker) over HTTP, `/v1/enrich`, --clients at once
    (c2) the same server, `/v1/enrich/batch` with --batch-size documents per request
    tiny one-sentence document, one request at a time: HTTP latency minus in-process latency = overhead

Prints docs/s, words/s and latency percentiles per call (a batch for a, b and c2; a document for c1),
and the ratios to (a). Targets: c2/a >= 0.85; overhead on the tiny document < 5 ms at p50.
Documents are generated news-like text (reproducible), or the `text` fields of a JSON Lines file.

    .venv/bin/python bench/throughput.py [--docs 200] [--batch-size 16] [--clients 4] [--from-jsonl F]

Set ENRICH_TEST_PORTS=low-high to keep the server within a port range.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import spacy
from corpus import NewsText

from schemas import Feature
from service.localserver import running_server
from service.pipeline import Job, Pipeline, components_for
from service.settings import get_settings

TINY = "Anna Berg met officials in Lisbon on Monday."
REFERENCE = dt.date(2022, 3, 14)


@dataclass
class Row:
    name: str
    seconds: float
    documents: int
    words: int
    latencies: list[float]  # seconds per call
    per_call: float

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds

    def percentile(self, p: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] * 1000 if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1] * 1000

    def line(self) -> str:
        return (
            f"{self.name:<36} {self.docs_per_second:>8.1f} {self.words / self.seconds:>9.0f} "
            f"{self.percentile(50):>8.1f} {self.percentile(95):>8.1f} {self.percentile(99):>8.1f} "
            f"{self.per_call:>6.0f}"
        )


def load_texts(args: argparse.Namespace) -> list[str]:
    if args.from_jsonl:
        lines = Path(args.from_jsonl).read_text(encoding="utf-8").splitlines()
        texts = [t for line in lines if line.strip() and (t := json.loads(line).get("text"))]
        return texts[: args.docs]
    generator = NewsText(seed=11)
    return [generator.document(generator.rng.randint(8, 30)) for _ in range(args.docs)]


def batches(items: Sequence[str], size: int) -> list[list[str]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def timed_calls(name: str, calls: list[Callable[[], None]], texts: list[str], clients: int = 1) -> Row:
    """Run `calls` (each one processes its share of `texts`) on `clients` threads; time each and all."""
    latencies: list[float] = []

    def timed(call: Callable[[], None]) -> None:
        started = time.perf_counter()
        call()
        latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        list(pool.map(timed, calls))
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    return Row(name, seconds, len(texts), words, latencies, len(texts) / len(calls))


def in_process(texts: list[str], batch_size: int) -> tuple[Row, Row, float]:
    """Rows (a) and (b), and the in-process p50 latency of the tiny document in seconds."""
    settings = get_settings()
    every_feature = frozenset(Feature)
    nlp = spacy.load(settings.model_name)
    disable = [n for n in nlp.pipe_names if n not in components_for(every_feature, nlp.pipe_names)]
    print(f"components: {[n for n in nlp.pipe_names if n not in disable]}", flush=True)
    list(nlp.pipe(texts[:batch_size], disable=disable))  # warm up

    def raw(batch: list[str]) -> Callable[[], None]:
        def call() -> None:
            with nlp.memory_zone():
                list(nlp.pipe(batch, disable=disable, batch_size=batch_size))

        return call

    groups = batches(texts, batch_size)
    a = timed_calls("a  spaCy nlp.pipe", [raw(g) for g in groups], texts)

    pipeline = Pipeline(settings.model_name)
    pipeline.warm_up()

    def enrich(batch: list[str]) -> Callable[[], None]:
        def call() -> None:
            pipeline.run([Job(t, REFERENCE) for t in batch])

        return call

    b = timed_calls("b  Pipeline.run (in process)", [enrich(g) for g in groups], texts)
    tiny = timed_calls("tiny in process", [enrich([TINY]) for _ in range(200)], [TINY] * 200)
    return a, b, tiny.percentile(50) / 1000


def over_http(texts: list[str], batch_size: int, clients: int, tiny_requests: int) -> tuple[Row, Row, Row]:
    with running_server(ENRICH_LOG_LEVEL="WARNING", ENRICH_MAX_QUEUED_REQUESTS=str(clients * 2)) as base:
        per_thread = threading.local()  # one keep-alive connection per client thread, like a client pool
        opened: list[httpx.Client] = []
        failures: list[int] = []

        def client() -> httpx.Client:
            if not hasattr(per_thread, "client"):
                per_thread.client = httpx.Client(base_url=base, timeout=300)
                opened.append(per_thread.client)
            connection: httpx.Client = per_thread.client
            return connection

        def post(path: str, body: dict[str, object]) -> Callable[[], None]:
            payload = json.dumps(body).encode()

            def call() -> None:
                response = client().post(path, content=payload, headers={"content-type": "application/json"})
                if response.status_code != 200:
                    failures.append(response.status_code)

            return call

        def single(text: str) -> Callable[[], None]:
            return post("/v1/enrich", {"text": text, "published_at": str(REFERENCE)})

        def batch(group: list[str]) -> Callable[[], None]:
            documents = [{"text": t, "published_at": str(REFERENCE)} for t in group]
            return post("/v1/enrich/batch", {"documents": documents})

        timed_calls("warm up", [single(t) for t in texts[: clients * 2]], texts[: clients * 2], clients)
        c1 = timed_calls(
            f"c1 HTTP /v1/enrich ({clients} clients)", [single(t) for t in texts], texts, clients
        )
        c2 = timed_calls(
            f"c2 HTTP /v1/enrich/batch ({clients} clients)",
            [batch(g) for g in batches(texts, batch_size)],
            texts,
            clients,
        )
        tiny = timed_calls(
            "tiny over HTTP", [single(TINY) for _ in range(tiny_requests)], [TINY] * tiny_requests
        )
        for connection in opened:
            connection.close()
        if failures:
            print(f"WARNING: {len(failures)} HTTP calls failed: statuses {sorted(set(failures))}")
    return c1, c2, tiny


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--tiny-requests", type=int, default=200)
    parser.add_argument("--from-jsonl", help="take documents from the `text` fields of this JSON Lines file")
    args = parser.parse_args()

    texts = load_texts(args)
    words = sum(len(t.split()) for t in texts)
    source = args.from_jsonl or "generated news-like text"
    print(f"{len(texts)} documents ({source}), {words} words, batch size {args.batch_size}", flush=True)
    a, b, tiny_in_process = in_process(texts, args.batch_size)
    c1, c2, tiny_http = over_http(texts, args.batch_size, args.clients, args.tiny_requests)

    print(
        f"\n{'':<36} {'docs/s':>8} {'words/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'docs/call':>6}"
    )
    for row in (a, b, c1, c2):
        print(row.line())
    print(
        f"\nratios to (a): b/a {b.docs_per_second / a.docs_per_second:.2f}, "
        f"c1/a {c1.docs_per_second / a.docs_per_second:.2f}, "
        f"c2/a {c2.docs_per_second / a.docs_per_second:.2f} (target c2/a >= 0.85); "
        f"c2/b {c2.docs_per_second / b.docs_per_second:.2f}"
    )
    overhead = tiny_http.percentile(50) - tiny_in_process * 1000
    print(
        f"tiny document: HTTP p50 {tiny_http.percentile(50):.2f} ms, in process p50 {tiny_in_process * 1000:.2f} ms, "
        f"overhead p50 {overhead:.2f} ms (target < 5 ms); HTTP p95 {tiny_http.percentile(95):.2f} ms"
    )


if __name__ == "__main__":
    main()
