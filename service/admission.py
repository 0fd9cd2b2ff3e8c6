"""Backpressure: one document at a time per worker, a bounded queue, and a deadline per request.

spaCy calls are serialized (memory zones are not thread-safe), so each worker process runs one
pipeline call at a time on a dedicated thread; the event loop stays free for probes and metrics.
Beyond `max_queued` waiting requests a request is refused at once instead of joining an unbounded backlog,
and so is one that, by the recent pace of work, would reach the spaCy thread only after its deadline:
it could only end in a 503 after a long wait, while holding a place others could use.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from service import metrics

T = TypeVar("T")


class Overloaded(Exception):
    """The queue is full, or the work already queued would outlast this request's deadline."""


class TimedOut(Exception):
    """The request's processing deadline passed."""


class Admission:
    def __init__(self, max_queued: int, timeout_seconds: float) -> None:
        self.max_queued = max_queued
        self.timeout_seconds = timeout_seconds
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spacy")
        self._pending = 0  # admitted and not finished: waiting or running; changed on the event loop only
        self._running = 0  # changed on the spaCy thread only
        self._pending_cost = 0  # cost units (characters) admitted and not finished; event loop only
        self._seconds_per_unit: float | None = None  # moving average of the pace; spaCy thread only

    @property
    def queue_depth(self) -> int:
        """Admitted requests still waiting for the spaCy thread."""
        return max(self._pending - self._running, 0)

    def _would_miss_deadline(self, cost: int) -> bool:
        if self._pending == 0 or self._seconds_per_unit is None:
            return False  # nothing ahead of it, or no pace known yet: trying is the best answer
        return (self._pending_cost + cost) * self._seconds_per_unit > self.timeout_seconds

    def _learn_pace(self, cost: int, seconds: float) -> None:
        pace = seconds / max(cost, 1)
        previous = self._seconds_per_unit
        self._seconds_per_unit = pace if previous is None else 0.8 * previous + 0.2 * pace

    async def run(self, work: Callable[[], T], cost: int = 1) -> T:
        """Run `work` on the spaCy thread; raise Overloaded or TimedOut instead of waiting without bound.
        `cost` is the work's size in any unit proportional to its time (the pipeline uses characters).

        A request that times out still holds its place until its work stops (the pipeline checks the
        same deadline between stages, and work whose deadline passed in the queue never starts), so
        abandoned work can never pile up behind the queue limit.
        """
        if self._pending > self.max_queued or self._would_miss_deadline(cost):  # one running + max_queued
            raise Overloaded
        deadline = time.monotonic() + self.timeout_seconds
        self._pending += 1
        self._pending_cost += cost
        self._report()

        def call() -> T:
            if time.monotonic() > deadline:
                raise TimedOut
            self._running += 1
            self._report()
            started = time.monotonic()
            try:
                result = work()
            finally:
                self._running -= 1
            self._learn_pace(cost, time.monotonic() - started)
            return result

        future = asyncio.get_running_loop().run_in_executor(self._executor, call)
        future.add_done_callback(lambda done: self._release(done, cost))
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.timeout_seconds)
        except TimeoutError as exc:
            raise TimedOut from exc

    def _release(self, future: asyncio.Future[T], cost: int) -> None:
        self._pending -= 1
        self._pending_cost -= cost
        self._report()
        if not future.cancelled():
            future.exception()  # retrieved, so an abandoned failure is not reported as unhandled

    def _report(self) -> None:
        metrics.QUEUE_DEPTH.set(self.queue_depth)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
