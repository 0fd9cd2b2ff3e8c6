"""Overload: at twice the measured capacity the service sheds load with 503 instead of queueing without bound.

Starts the real server (`python -m service`, one worker, default settings) on a loopback port, then
    1. capacity: --clients requests at a time on the seed article for --measure seconds → documents/s
    2. overload: an open-loop arrival rate of --factor × capacity (arrivals do not wait for answers, as
       real traffic does not) for --seconds, or longer if that is needed to overflow the queue twice over
       (at most --max-seconds), while /healthz is probed every 100 ms on its own connection
    3. recovery: --after requests one at a time must all succeed, /readyz must be 200, and the server's
       own metrics must show no 5xx other than the 503s it chose to send
and prints the figures. Exit status 0 only when every check holds. Bounded: at most --max-requests
requests and --max-seconds in the overload phase, and every request has a client timeout.

    .venv/bin/python bench/overload.py [--factor 2] [--seconds 15] [--max-seconds 90] [--max-requests 1500]

Set ENRICH_TEST_PORTS=low-high to keep the server within a port range.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from service.localserver import running_server
from service.settings import Settings

SEED = Path(__file__).resolve().parent.parent / "seeds" / "us-china-rome-2022-03-14.txt"
CLIENT_TIMEOUT = 60.0


@dataclass
class Outcome:
    status: int  # 0: no HTTP answer (connection error or client timeout)
    seconds: float
    retry_after: bool = False


@dataclass
class Probe:
    latencies: list[float] = field(default_factory=list)
    failures: int = 0


def percentile(values: list[float], p: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def ms(values: list[float]) -> str:
    return f"p50 {percentile(values, 50) * 1000:7.1f} ms  p95 {percentile(values, 95) * 1000:7.1f} ms  max {max(values, default=float('nan')) * 1000:7.1f} ms"


async def enrich(client: httpx.AsyncClient, body: dict[str, str]) -> Outcome:
    started = time.perf_counter()
    try:
        response = await client.post("/v1/enrich", json=body)
    except httpx.HTTPError:
        return Outcome(0, time.perf_counter() - started)
    return Outcome(response.status_code, time.perf_counter() - started, "retry-after" in response.headers)


async def measure_capacity(base: str, body: dict[str, str], clients: int, seconds: float) -> float:
    """Documents per second with `clients` requests always in flight (closed loop, as bench/throughput.py c1)."""
    done = 0
    async with httpx.AsyncClient(base_url=base, timeout=CLIENT_TIMEOUT) as client:
        for _ in range(2):  # warm the connection and the code paths
            await enrich(client, body)
        stop = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal done
            while time.perf_counter() < stop:
                outcome = await enrich(client, body)
                if outcome.status != 200:
                    raise SystemExit(f"capacity run got HTTP {outcome.status}")
                done += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        return done / (time.perf_counter() - started)


async def probe_health(base: str, stop: asyncio.Event, probe: Probe) -> None:
    """Liveness must answer quickly whatever the enrichment queue holds: its own connection, every 100 ms."""
    async with httpx.AsyncClient(base_url=base, timeout=5.0) as client:
        while not stop.is_set():
            started = time.perf_counter()
            try:
                response = await client.get("/healthz")
                if response.status_code == 200:
                    probe.latencies.append(time.perf_counter() - started)
                else:
                    probe.failures += 1
            except httpx.HTTPError:
                probe.failures += 1
            await asyncio.sleep(0.1)


async def overload(
    base: str, body: dict[str, str], rate: float, seconds: float, max_requests: int
) -> tuple[list[Outcome], Probe, float]:
    count = min(int(rate * seconds), max_requests)
    limits = httpx.Limits(max_connections=min(count, 512), max_keepalive_connections=64)
    probe, stop = Probe(), asyncio.Event()
    async with httpx.AsyncClient(base_url=base, timeout=CLIENT_TIMEOUT, limits=limits) as client:
        health = asyncio.create_task(probe_health(base, stop, probe))
        started = time.perf_counter()
        tasks = []
        for i in range(count):  # open loop: send on schedule whatever the answers
            await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
            tasks.append(asyncio.create_task(enrich(client, body)))
        outcomes = list(await asyncio.gather(*tasks))
        elapsed = time.perf_counter() - started
        stop.set()
        await health
    return outcomes, probe, elapsed


def sum_by_label(metrics_text: str, metric: str, label: str, values: str = r"[^\"]*") -> dict[str, float]:
    """A Prometheus counter summed by one label, from the server's own exposition."""
    counts: dict[str, float] = {}
    line = rf'^{metric}\{{[^}}]*{label}="({values})"[^}}]*\}} (\S+)$'
    for match in re.finditer(line, metrics_text, re.M):
        counts[match.group(1)] = counts.get(match.group(1), 0.0) + float(match.group(2))
    return counts


async def recovery(base: str, body: dict[str, str], requests: int) -> tuple[list[Outcome], int, str]:
    async with httpx.AsyncClient(base_url=base, timeout=CLIENT_TIMEOUT) as client:
        outcomes = [await enrich(client, body) for _ in range(requests)]
        ready = (await client.get("/readyz")).status_code
        metrics = (await client.get("/metrics")).text
    return outcomes, ready, metrics


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--factor", type=float, default=2.0, help="offered load as a multiple of capacity")
    parser.add_argument("--seconds", type=float, default=15.0, help="shortest overload phase")
    parser.add_argument("--max-seconds", type=float, default=90.0, help="longest overload phase")
    parser.add_argument("--max-requests", type=int, default=1500, help="cap on overload requests")
    parser.add_argument("--measure", type=float, default=8.0, help="seconds of the capacity run")
    parser.add_argument("--clients", type=int, default=2, help="concurrent clients of the capacity run")
    parser.add_argument("--after", type=int, default=10, help="requests of the recovery check")
    args = parser.parse_args()

    settings = Settings()
    body = {"text": SEED.read_text(encoding="utf-8"), "published_at": "2022-03-14"}
    with running_server() as base:
        capacity = asyncio.run(measure_capacity(base, body, args.clients, args.measure))
        rate = args.factor * capacity
        # The excess arrivals, (factor - 1) x capacity per second, must overflow the queue twice over.
        fill = 2 * (settings.max_queued_requests + 1) / ((args.factor - 1) * capacity)
        seconds = min(max(args.seconds, fill), args.max_seconds)
        outcomes, probe, elapsed = asyncio.run(overload(base, body, rate, seconds, args.max_requests))
        after, ready, metrics = asyncio.run(recovery(base, body, args.after))
    errors = sum_by_label(
        metrics, "http_requests_total", "status", r"5\d\d"
    )  # 503s include /readyz at startup
    refused = sum_by_label(metrics, "enrich_rejected_total", "reason")

    accepted = [o.seconds for o in outcomes if o.status == 200]
    shed = [o for o in outcomes if o.status == 503]
    other = sorted({o.status for o in outcomes} - {200, 503})
    # Bounded queueing: an accepted request waits behind at most one running and `max_queued` waiting
    # documents; half as much again, plus a second, leaves room for a shared, noisy CPU. An unbounded
    # queue would instead make the last arrival wait for every excess request before it.
    wait_bound = 1.5 * (settings.max_queued_requests + 1) / capacity + 1.0
    unbounded_wait = max(0.0, len(outcomes) / capacity - elapsed)
    checks = {
        "sheds load with 503 (some requests refused)": len(shed) > 0,
        "every refusal is a 503 with Retry-After": all(o.retry_after for o in shed),
        "no other status, no connection error or timeout": not other,
        f"accepted requests wait a bounded time (max <= {wait_bound:.1f} s)": max(accepted, default=0)
        <= wait_bound,
        "/healthz answered every probe": probe.failures == 0 and len(probe.latencies) > 0,
        "/healthz stays fast (p95 < 100 ms)": percentile(probe.latencies, 95) < 0.1,
        f"afterwards {args.after}/{args.after} requests succeed": all(o.status == 200 for o in after),
        "afterwards /readyz is 200": ready == 200,
        "server metrics: no 5xx other than 503": set(errors) <= {"503"},
    }

    print(
        f"document: seed article, {len(body['text'])} characters; server: 1 worker, max_queued_requests={settings.max_queued_requests}"
    )
    print(f"capacity ({args.clients} clients, {args.measure:.0f} s):  {capacity:6.2f} documents/s")
    print(
        f"offered:  {args.factor:g} x capacity = {rate:6.2f} requests/s, {len(outcomes)} requests in {elapsed:.1f} s (open loop)"
    )
    print(
        f"200:      {len(accepted):5d}  {ms(accepted)}  (an unbounded queue: last one ~{unbounded_wait:.0f} s)"
    )
    print(f"503:      {len(shed):5d}  {ms([o.seconds for o in shed])}")
    print(f"other:    {sum(o.status not in (200, 503) for o in outcomes):5d}  statuses {other}")
    print(f"served:   {len(accepted) / elapsed:6.2f} documents/s during the overload")
    print(f"/healthz: {len(probe.latencies):5d}  {ms(probe.latencies)}  failures {probe.failures}")
    print(
        f"after:    {sum(o.status == 200 for o in after)}/{len(after)} ok  {ms([o.seconds for o in after])}  /readyz {ready}"
    )
    print(f"server 5xx counts: {errors or 'none'}; refusals by reason: {refused or 'none'}")
    for name, ok in checks.items():
        print(f"[{'PASS' if ok else 'FAIL'}] {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
