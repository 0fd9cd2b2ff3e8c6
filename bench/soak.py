"""Memory soak: many requests of generated text full of never-seen tokens, RSS printed along the way.

Starts its own single-worker server on loopback, sends `--requests` documents (20,000 by default) from a
few clients and prints the server's resident memory after every `--every` requests. It passes when RSS at
the end is within `--tolerance` (10%) of RSS after the first checkpoint: every request's strings and
lexemes must be released (spaCy memory zones), or the string store grows with each unique token.

    .venv/bin/python bench/soak.py [--requests 20000] [--clients 2] [--max-minutes 40]

Set ENRICH_TEST_PORTS=low-high to keep the server within a port range. Exit status 1 when RSS grew.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from corpus import NewsText
from prometheus_client.parser import text_string_to_metric_families

from service.localserver import running_server


def resident_mb(base: str) -> float:
    """The server's own RSS, from its process metrics (single-worker mode exposes them)."""
    text = httpx.get(f"{base}/metrics", timeout=10).text
    for family in text_string_to_metric_families(text):
        if family.name == "process_resident_memory_bytes":
            return family.samples[0].value / 2**20
    raise RuntimeError("process_resident_memory_bytes missing: is PROMETHEUS_MULTIPROC_DIR set?")


def send(base: str, seed: int, count: int) -> int:
    """`count` requests of unique-token text on one keep-alive connection; returns how many failed."""
    generator = NewsText(seed=seed, unique=True)
    failures = 0
    with httpx.Client(base_url=base, timeout=120) as client:
        for _ in range(count):
            text = generator.document(generator.rng.randint(3, 12))
            if client.post("/v1/enrich", json={"text": text}).status_code != 200:
                failures += 1
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--every", type=int, default=1_000, help="requests between RSS checkpoints")
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--max-minutes", type=float, default=40.0, help="stop early after this long")
    parser.add_argument("--tolerance", type=float, default=0.10)
    args = parser.parse_args()

    # Ample queue and deadline: the soak measures memory, not load shedding.
    with running_server(
        ENRICH_LOG_LEVEL="WARNING", ENRICH_MAX_QUEUED_REQUESTS="64", ENRICH_REQUEST_TIMEOUT_SECONDS="120"
    ) as base:
        started = time.monotonic()
        print(f"server {base}; RSS at start {resident_mb(base):.1f} MiB", flush=True)
        print(f"{'requests':>9} {'seconds':>8} {'RSS MiB':>8} {'vs first':>9} {'failed':>7}", flush=True)
        done = failed = 0
        reference = None
        rss = 0.0
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            while done < args.requests and time.monotonic() - started < args.max_minutes * 60:
                step = min(args.every, args.requests - done)
                shares = [step // args.clients + (i < step % args.clients) for i in range(args.clients)]
                seeds = [done + i for i in range(args.clients)]
                failed += sum(pool.map(send, [base] * args.clients, seeds, shares))
                done += step
                rss = resident_mb(base)
                reference = reference or rss
                growth = rss / reference - 1
                print(
                    f"{done:>9} {time.monotonic() - started:>8.0f} {rss:>8.1f} {growth:>+8.1%} {failed:>7}",
                    flush=True,
                )
    if reference is None:
        return 1
    ok = rss <= reference * (1 + args.tolerance) and failed == 0 and done == args.requests
    print(
        f"{'PASS' if ok else 'FAIL'}: {done} requests, {failed} failed; RSS {reference:.1f} MiB after the first "
        f"{args.every}, {rss:.1f} MiB at the end ({rss / reference - 1:+.1%}, limit +{args.tolerance:.0%})"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
