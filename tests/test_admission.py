"""The admission gate on its own: queue bound, deadline, and refusing work that would outlast its deadline."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import pytest

from service.admission import Admission, Overloaded, TimedOut


def _sleeper(seconds: float) -> Callable[[], float]:
    def work() -> float:
        time.sleep(seconds)
        return seconds

    return work


def test_runs_work_and_returns_its_result() -> None:
    async def scenario() -> float:
        return await Admission(max_queued=2, timeout_seconds=5).run(_sleeper(0.01))

    assert asyncio.run(scenario()) == 0.01


def test_refuses_beyond_the_queue_bound() -> None:
    async def scenario() -> list[object]:
        gate = Admission(max_queued=1, timeout_seconds=5)
        calls = [gate.run(_sleeper(0.3)) for _ in range(3)]
        return await asyncio.gather(*calls, return_exceptions=True)

    outcomes = asyncio.run(scenario())
    assert outcomes[:2] == [0.3, 0.3]
    assert isinstance(outcomes[2], Overloaded)


def test_times_out_and_frees_its_place_when_the_work_ends() -> None:
    async def scenario() -> None:
        gate = Admission(max_queued=0, timeout_seconds=0.1)
        with pytest.raises(TimedOut):
            await gate.run(_sleeper(0.3))
        with pytest.raises(Overloaded):  # the abandoned work still runs
            await gate.run(_sleeper(0.01))
        await asyncio.sleep(0.4)
        assert await gate.run(_sleeper(0.01)) == 0.01

    asyncio.run(scenario())


def test_refuses_at_once_what_the_recent_pace_says_would_miss_its_deadline() -> None:
    async def scenario() -> None:
        gate = Admission(max_queued=10, timeout_seconds=1.0)
        await gate.run(_sleeper(0.2), cost=100)  # pace: ~2 ms per unit
        running = asyncio.ensure_future(gate.run(_sleeper(0.2), cost=100))
        await asyncio.sleep(0.05)
        started = time.monotonic()
        with pytest.raises(Overloaded):
            await gate.run(_sleeper(0.01), cost=500)  # (100 + 500) × 2 ms > 1 s
        assert time.monotonic() - started < 0.1  # refused at once, not after waiting
        assert await gate.run(_sleeper(0.01), cost=100) == 0.01  # fits: admitted
        await running

    asyncio.run(scenario())


def test_with_nothing_ahead_even_a_large_job_is_tried() -> None:
    async def scenario() -> float:
        gate = Admission(max_queued=10, timeout_seconds=1.0)
        await gate.run(_sleeper(0.1), cost=10)  # pace: 10 ms per unit
        return await gate.run(_sleeper(0.01), cost=1_000)

    assert asyncio.run(scenario()) == 0.01
