"""Backpressure: one document at a time per worker, a bounded queue, and a deadline per request.

spaCy calls are serialized (memory zones are not thread-safe), so each worker process runs one
pipeline call at a time on a dedicated thread; the event loop stays free for probes and metrics.
Beyond `max_queued` waiting requests a request is refused at once instead of joining an unbounded backlog.
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
    """The queue is full."""


class TimedOut(Exception):
    """The request's processing deadline passed."""


class Admission:
    def __init__(self, max_queued: int, timeout_seconds: float) -> None:
        self.max_queued = max_queued
        self.timeout_seconds = timeout_seconds
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spacy")
        self._pending = 0  # admitted and not finished: waiting or running; changed on the event loop only
        self._running = 0  # changed on the spaCy thread only

    @property
    def queue_depth(self) -> int:
        """Admitted requests still waiting for the spaCy thread."""
        return max(self._pending - self._running, 0)

    async def run(self, work: Callable[[], T]) -> T:
        """Run `work` on the spaCy thread; raise Overloaded or TimedOut instead of waiting without bound.

        A request that times out still holds its place until its work stops (the pipeline checks the
        same deadline between stages, and work whose deadline passed in the queue never starts), so
        abandoned work can never pile up behind the queue limit.
        """
        if self._pending > self.max_queued:  # one running plus `max_queued` waiting
            raise Overloaded
        deadline = time.monotonic() + self.timeout_seconds
        self._pending += 1
        self._report()

        def call() -> T:
            if time.monotonic() > deadline:
                raise TimedOut
            self._running += 1
            self._report()
            try:
                return work()
            finally:
                self._running -= 1

        future = asyncio.get_running_loop().run_in_executor(self._executor, call)
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.timeout_seconds)
        except TimeoutError as exc:
            raise TimedOut from exc

    def _release(self, future: asyncio.Future[T]) -> None:
        self._pending -= 1
        self._report()
        if not future.cancelled():
            future.exception()  # retrieved, so an abandoned failure is not reported as unhandled

    def _report(self) -> None:
        metrics.QUEUE_DEPTH.set(self.queue_depth)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
