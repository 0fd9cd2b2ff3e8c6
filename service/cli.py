"""`news-enrich-batch`: enrich a JSON Lines corpus, one output line per input line, in input order.

Each input line is an object like the body of `POST /v1/enrich` (`text`, and optionally `published_at`,
the reference for relative dates, `features` and `offset_encoding`); other fields such as ids or URLs
are ignored, so corpus files need no rewriting. Each output line is the API's `EnrichResponse`, or for a
line that cannot be enriched, a problem object (the API's RFC 9457 shape plus `line`, the 1-based input
line number) that never echoes the input. Several processes each load the model once; chunks of lines
go to them in turn and come back in order.

    news-enrich-batch corpus.jsonl -o enriched.jsonl --processes 4 --features entities,dates
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult
from typing import IO

from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from tqdm import tqdm

from schemas import EnrichRequest, Feature, OffsetEncoding
from service.jobs import job_for, text_problem
from service.pipeline import Job, Pipeline
from service.problems import field_errors, problem
from service.settings import Settings, get_settings

CHUNK_LINES = 16  # documents per nlp.pipe call and per task sent to a process
AHEAD_PER_PROCESS = 4  # chunks in flight per process: keeps them busy, bounds memory on huge corpora
REQUEST_FIELDS = set(EnrichRequest.model_fields)

Line = tuple[int, bytes]  # 1-based line number, raw bytes
PROBLEM_PREFIX = '{"line":'  # how a problem output line starts (a result starts with its entities)


@dataclass(frozen=True)
class Defaults:
    """What a line gets when it does not say: the command's --features and --offset-encoding."""

    features: tuple[Feature, ...] | None = None
    offset_encoding: OffsetEncoding = OffsetEncoding.codepoint


def _problem_line(number: int, status: int, detail: str, **extra: object) -> str:
    body = problem(status, detail, **extra).model_dump(mode="json", exclude_none=True)
    return json.dumps({"line": number, **body}, ensure_ascii=False)  # starts with PROBLEM_PREFIX


def parse_line(number: int, raw: bytes, defaults: Defaults, settings: Settings) -> Job | str:
    """A job for the pipeline, or the problem line that replaces the result."""
    if not raw.strip():
        return _problem_line(number, 400, "The line is empty.")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return _problem_line(number, 400, "The line is not valid UTF-8.")
    except json.JSONDecodeError:
        return _problem_line(number, 400, "The line is not valid JSON.")
    if not isinstance(data, dict):
        return _problem_line(number, 400, "The line is not a JSON object.")
    fields = {key: value for key, value in data.items() if key in REQUEST_FIELDS}
    if defaults.features is not None:
        fields.setdefault("features", list(defaults.features))
    fields.setdefault("offset_encoding", defaults.offset_encoding)
    try:
        request = EnrichRequest.model_validate(fields)
    except ValidationError as exc:
        errors = field_errors(RequestValidationError(exc.errors()))
        return _problem_line(number, 422, "The line does not match the schema; see `errors`.", errors=errors)
    if (issue := text_problem(request.text, settings)) is not None:
        return _problem_line(number, *issue)
    return job_for(request, deadline=float("inf"))


def enrich_lines(lines: list[Line], pipeline: Pipeline, defaults: Defaults, settings: Settings) -> list[str]:
    """Output lines for `lines`, in order; the valid documents share one `nlp.pipe` call."""
    parsed = [(number, parse_line(number, raw, defaults, settings)) for number, raw in lines]
    jobs = [job for _, job in parsed if isinstance(job, Job)]
    try:
        results = iter(pipeline.run(jobs))
    except Exception:  # one document broke the shared call: run each alone to find it
        return [_enrich_alone(number, item, pipeline) for number, item in parsed]
    return [item if isinstance(item, str) else next(results).model_dump_json() for _, item in parsed]


def _enrich_alone(number: int, item: Job | str, pipeline: Pipeline) -> str:
    if isinstance(item, str):
        return item
    try:
        (result,) = pipeline.run([item])
    except Exception:
        return _problem_line(number, 500, "The document could not be enriched.")
    return result.model_dump_json()


def _chunks(source: IO[bytes]) -> Iterator[list[Line]]:
    chunk: list[Line] = []
    for number, raw in enumerate(source, start=1):
        chunk.append((number, raw.rstrip(b"\r\n")))
        if len(chunk) == CHUNK_LINES:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# Each worker process's state, set once by `_start_worker` (the model is loaded once per process).
_worker: tuple[Pipeline, Defaults, Settings] | None = None


def _start_worker(defaults: Defaults) -> None:
    global _worker
    settings = get_settings()
    _worker = (Pipeline(settings.model_name), defaults, settings)


def _worker_enrich(lines: list[Line]) -> list[str]:
    assert _worker is not None, "worker not started"
    return enrich_lines(lines, *_worker)


def _in_order(chunks: Iterable[list[Line]], processes: int, defaults: Defaults) -> Iterator[list[str]]:
    """Output chunks in input order, from this process or from a pool of `processes`."""
    if processes == 1:
        _start_worker(defaults)
        yield from map(_worker_enrich, chunks)
        return
    with multiprocessing.get_context("spawn").Pool(processes, _start_worker, (defaults,)) as pool:
        pending: deque[AsyncResult[list[str]]] = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_worker_enrich, (chunk,)))
            if len(pending) >= processes * AHEAD_PER_PROCESS:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _features(value: str) -> tuple[Feature, ...]:
    try:
        return tuple(Feature(name.strip()) for name in value.split(",") if name.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"features are among {', '.join(Feature)}") from None


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    settings = get_settings()
    parser = argparse.ArgumentParser(
        prog="news-enrich-batch", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("input", nargs="?", default="-", help="JSON Lines file (default: standard input)")
    parser.add_argument("-o", "--output", default="-", help="JSON Lines file (default: standard output)")
    parser.add_argument(
        "--processes",
        type=int,
        default=settings.batch_processes,
        help=f"worker processes, each loading the model once (default ENRICH_BATCH_PROCESSES={settings.batch_processes})",
    )
    parser.add_argument(
        "--features", type=_features, help="comma-separated, for lines without their own (default: all)"
    )
    parser.add_argument(
        "--offset-encoding",
        type=OffsetEncoding,
        choices=list(OffsetEncoding),
        default=OffsetEncoding.codepoint,
        help="for lines without their own (default: codepoint)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
    args = parser.parse_args(argv)
    if args.processes < 1:
        parser.error("--processes must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    defaults = Defaults(args.features, args.offset_encoding)
    done = problems = 0
    with ExitStack() as files:
        try:
            source = sys.stdin.buffer if args.input == "-" else files.enter_context(open(args.input, "rb"))
            sink = (
                sys.stdout
                if args.output == "-"
                else files.enter_context(open(args.output, "w", encoding="utf-8"))
            )
        except OSError as exc:
            print(f"news-enrich-batch: {exc}", file=sys.stderr)
            return 2
        progress = files.enter_context(
            tqdm(unit="doc", file=sys.stderr, disable=True if args.no_progress else None)
        )
        for out in _in_order(_chunks(source), args.processes, defaults):
            for line in out:
                sink.write(line + "\n")
                problems += line.startswith(PROBLEM_PREFIX)
            done += len(out)
            progress.update(len(out))
        sink.flush()
    print(f"{done} lines: {done - problems} enriched, {problems} problems", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
