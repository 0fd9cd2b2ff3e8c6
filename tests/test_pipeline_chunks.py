"""How the pipeline cuts a batch into `nlp.pipe` calls: bounded in documents and characters, order kept."""

from __future__ import annotations

import datetime as dt

import pytest

from service.pipeline import PIPE_CHUNK_CHARACTERS, PIPE_CHUNK_DOCUMENTS, Job, Pipeline, pipe_chunks

DAY = dt.date(2022, 3, 14)


def _jobs(*sizes: int) -> list[Job]:
    return [Job("x" * size, DAY) for size in sizes]


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        ([10] * (PIPE_CHUNK_DOCUMENTS + 1), [list(range(PIPE_CHUNK_DOCUMENTS)), [PIPE_CHUNK_DOCUMENTS]]),
        ([PIPE_CHUNK_CHARACTERS // 2] * 3, [[0, 1], [2]]),
        ([10, PIPE_CHUNK_CHARACTERS * 3, 10], [[0], [1], [2]]),
        ([PIPE_CHUNK_CHARACTERS * 3], [[0]]),
        ([], []),
    ],
)
def test_chunks_are_bounded_in_documents_and_characters(sizes: list[int], expected: list[list[int]]) -> None:
    jobs = _jobs(*sizes)
    assert list(pipe_chunks(jobs, list(range(len(jobs))))) == expected


def test_chunks_follow_the_given_indices() -> None:
    jobs = _jobs(10, 10, 10, 10)
    assert list(pipe_chunks(jobs, [3, 1])) == [[3, 1]]


def test_a_batch_spanning_several_chunks_keeps_its_order(pipeline: Pipeline) -> None:
    years = range(2000, 2000 + PIPE_CHUNK_DOCUMENTS * 2 + 1)
    responses = pipeline.run(
        [Job(f"Anna Berg met officials in Lisbon on March 14, {y}.", DAY) for y in years]
    )
    assert [r.dates[0].value for r in responses] == [f"{y}-03-14" for y in years]
    assert all(r.timings_ms["parse"] > 0 for r in responses)
