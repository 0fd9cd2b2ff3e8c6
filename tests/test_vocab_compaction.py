"""Compacting the vocab (which bounds memory on a stream of unseen tokens) changes no result."""

from __future__ import annotations

import datetime as dt

from service.pipeline import Job, Pipeline
from service.settings import Settings

TEXTS = [
    'Zorvath Quillen, the mayor of Brindlemoor, said on Monday: "We will not sign the Kestral deal."',
    "Quillen denied reports that Brindlemoor had paid 40 million euros to Kestral Holdings in 2021.",
]


def test_results_are_the_same_after_each_compaction(pipeline: Pipeline, seed_text: str) -> None:
    compacting = Pipeline(Settings().model_name, compact_after_characters=1)  # compacts after every call
    strings = len(compacting._nlp.vocab.strings)
    for text in [*TEXTS, seed_text, *TEXTS]:
        job = Job(text, dt.date(2022, 3, 14))
        (expected,) = pipeline.run([job])
        (got,) = compacting.run([job])
        assert got.model_dump(exclude={"timings_ms"}) == expected.model_dump(exclude={"timings_ms"})
        assert len(compacting._nlp.vocab) == 0  # the lexeme index was rebuilt after the call
        assert len(compacting._nlp.vocab.strings) == strings  # permanent strings kept, transient ones gone
