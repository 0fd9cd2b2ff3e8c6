"""Property tests: no input makes an extractor or the pipeline raise, and every offset is valid.

Texts mix news-like words with what breaks naive code: astral characters and emoji (two UTF-16 units,
four UTF-8 bytes), combining marks, right-to-left scripts and marks, NUL and other control characters,
lone quote marks and brackets. The default runs are small; `-m slow` runs the same properties on many
more examples and on very long documents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from spacy.language import Language

from schemas import EnrichResponse, Feature, OffsetEncoding
from service.app import create_app
from service.extract.claims import extract_claims
from service.extract.dates import extract_dates
from service.extract.entities import clean_span, extract_entities, strip_titles
from service.extract.mentions import resolve_speaker
from service.extract.quote_text import quoted_spans
from service.extract.quotes import extract_quotes
from service.pipeline import Job, Pipeline
from service.settings import Settings

FEW = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fragments joined by spaces into texts; '|' separates them here.
WORDS = (
    "Joe Biden|Xi Jinping|Jake Sullivan|Sullivan|President|Spokesperson|Rome|China|the U.S.|Reuters|said|told|denied|claims|false"
    "|"
    "on Monday|March 14, 2022|last week|next year|at 3 p.m.|2022|that|he|she|it|was|not|a lie|,|."
).split("|")
ODD = (
    "\"|“|”|'|‘|’|«|»|„|(|)|[|]|{|}|<|>|—|…"
    "|"
    "👍🏽|🇺🇸|👨\u200d👩\u200d👧|𝒜𝒷𝒸|😀|\U0010fffd|e\u0301|\u0308|Zoë|Ångström|مرحبا بالعالم|שלום|\u200f|\u202e|\u200b|\ufeff|习近平"
    "|"
    "東京|\x00|\x07|\x1b|\x7f|\u2028|\x85|\t|\n|\n\n|\r\n| |  "
).split("|")
QUOTES_AND_BRACKETS = "\"'“”‘’«»„‹›()[]{}<>"

news_like = st.lists(st.sampled_from(WORDS + ODD), min_size=1, max_size=40).map(" ".join)
any_unicode = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=200)
only_quotes_or_brackets = st.text(st.sampled_from(QUOTES_AND_BRACKETS), min_size=1, max_size=60)
one_char = st.characters(exclude_categories=["Cs"])
texts = st.one_of(news_like, any_unicode, only_quotes_or_brackets, one_char)
feature_sets = st.sets(st.sampled_from(list(Feature)), min_size=1).map(frozenset)


def spans(value: Any) -> Iterator[Any]:
    """Every object with `text`, `start` and `end` inside a result, at any depth."""
    if isinstance(value, BaseModel):
        if {"text", "start", "end"} <= set(type(value).model_fields):
            yield value
        for name in type(value).model_fields:
            yield from spans(getattr(value, name))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if all(hasattr(value, name) for name in ("text", "start", "end")):
            yield value
        for f in dataclasses.fields(value):
            yield from spans(getattr(value, f.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from spans(item)


def encoded_slice(text: str, start: int, end: int, encoding: OffsetEncoding) -> str:
    if encoding is OffsetEncoding.utf16:
        return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")
    if encoding is OffsetEncoding.utf8:
        return text.encode("utf-8")[start:end].decode("utf-8")
    return text[start:end]


def assert_offsets_valid(text: str, result: Any, encoding: OffsetEncoding = OffsetEncoding.codepoint) -> int:
    """Every span is non-empty, inside the text, and its slice in `encoding` is exactly its text."""
    count = 0
    for span in spans(result):
        assert 0 <= span.start < span.end, span
        assert encoded_slice(text, span.start, span.end, encoding) == span.text, (span, encoding)
        count += 1
    return count


def assert_clusters_consistent(result: EnrichResponse) -> None:
    ids = {c.id for c in result.clusters}
    assert all(e.cluster in ids for e in result.entities)


def run_everywhere(pipeline: Pipeline, text: str, reference: dt.date, features: frozenset[Feature]) -> None:
    """The same document in all three offset encodings, in one pipeline call (as a batch would be)."""
    jobs = [Job(text, reference, features, encoding) for encoding in OffsetEncoding]
    results = pipeline.run(jobs)
    assert len(results) == len(jobs)
    for job, result in zip(jobs, results, strict=True):
        assert result.offset_encoding is job.offset_encoding
        assert_offsets_valid(text, result, job.offset_encoding)
        assert_clusters_consistent(result)
        assert not (set(Feature) - features) & {f for f in Feature if getattr(result, f.value)}
    texts_found = [[span.text for span in spans(result)] for result in results]
    assert texts_found[1:] == texts_found[:-1], "the offset encoding changed what was found"


# --- the whole pipeline -------------------------------------------------------------------------------


@FEW
@given(text=texts, reference=st.dates(), features=feature_sets)
@example(text="\x00", reference=dt.date(1, 1, 1), features=frozenset(Feature))
@example(text="“" * 50, reference=dt.date(9999, 12, 31), features=frozenset(Feature))
@example(
    text='He said: "Rome 👍🏽 fell" — Xi Jinping denied it on Monday (Reuters).',
    reference=dt.date(2022, 3, 14),
    features=frozenset(Feature),
)
def test_pipeline_never_raises_and_offsets_are_valid(
    pipeline: Pipeline, text: str, reference: dt.date, features: frozenset[Feature]
) -> None:
    run_everywhere(pipeline, text, reference, features)


@pytest.mark.slow
@MANY
@given(text=texts, reference=st.dates(), features=feature_sets)
def test_pipeline_never_raises_many(
    pipeline: Pipeline, text: str, reference: dt.date, features: frozenset[Feature]
) -> None:
    run_everywhere(pipeline, text, reference, features)


@pytest.mark.parametrize("repeat", [1, 10])
def test_long_documents(pipeline: Pipeline, repeat: int) -> None:
    """A few thousand characters of every awkward piece at once, and ten times as much."""
    text = " ".join(WORDS + ODD) * repeat
    run_everywhere(pipeline, text, dt.date(2022, 3, 14), frozenset(Feature))


def _document(characters: int) -> str:
    piece = " ".join(WORDS + ODD) + "\n\n"
    return (piece * (characters // len(piece) + 1))[:characters]


@pytest.mark.slow
@pytest.mark.timeout(60)  # a hard cap, so that a quadratic extractor costs CI one minute, not ten
def test_very_long_document_within_the_deadline(pipeline: Pipeline) -> None:
    """Half the default length limit, in UTF-16 offsets, inside the request deadline: a length the service
    accepts but cannot process in time would hold the spaCy thread and turn every other request away."""
    text = _document(Settings().max_text_chars // 2)
    started = time.monotonic()
    (result,) = pipeline.run([Job(text, dt.date(2022, 3, 14), frozenset(Feature), OffsetEncoding.utf16)])
    elapsed = time.monotonic() - started
    assert assert_offsets_valid(text, result, OffsetEncoding.utf16) > 0
    assert elapsed < Settings().request_timeout_seconds, result.timings_ms


@pytest.mark.slow
@pytest.mark.timeout(60)
def test_extractors_scale_linearly(pipeline: Pipeline) -> None:
    """Four times the text may take about four times as long, not sixteen (e.g. `doc.text` rebuilt per match)."""

    def stage_ms(characters: int) -> dict[str, float]:
        job = Job(_document(characters), dt.date(2022, 3, 14), frozenset(Feature))
        runs = [pipeline.run([job])[0].timings_ms for _ in range(2)]
        return {stage: min(run[stage] for run in runs) for stage in runs[0]}

    small, large = stage_ms(4_000), stage_ms(16_000)
    ratios = {stage: large[stage] / max(small[stage], 1.0) for stage in large if large[stage] > 100}
    assert all(ratio < 8 for ratio in ratios.values()), ratios


# --- each extractor on its own ----------------------------------------------------------------------


@FEW
@given(text=texts)
@example(text="President Joe Biden met Spokesperson Zhao Lijian.")
def test_entities_never_raise_and_offsets_are_valid(nlp: Language, text: str) -> None:
    doc = nlp(text)
    found = extract_entities(doc)
    assert_offsets_valid(text, found.mentions)
    for cluster in found.clusters:
        assert_offsets_valid(text, cluster.mentions)
        assert cluster.canonical
    assert set(found.cluster_of) == set(found.mentions)
    by_token = found.clusters_by_token(doc)
    for mention in found.mentions:
        tokens = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        assert tokens is not None and any(by_token.get(t.i) is not None for t in tokens)


@FEW
@given(text=texts, reference=st.dates())
@example(text="on Monday, last week, next year, in the spring of 2019", reference=dt.date(1, 1, 1))
@example(text="on Monday, last week, next year, by June 30", reference=dt.date(9999, 12, 31))
def test_dates_never_raise_and_offsets_are_valid(nlp: Language, text: str, reference: dt.date) -> None:
    found = extract_dates(nlp(text), reference)
    assert_offsets_valid(text, found)
    for date in found:
        if date.interval is not None:
            assert date.interval.first_day <= date.interval.last_day


@FEW
@given(text=texts)
@example(text='"Unclosed, he said. “Curly” and \'single\' “nested "straight" marks”\n\n"Next paragraph')
def test_quotes_never_raise_and_offsets_are_valid(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert_offsets_valid(text, extract_quotes(doc, extract_entities(doc)))


@FEW
@given(text=texts)
@example(
    text='"It is a lie," he said. Xi Jinping denied that "the U.S. claims" were true, calling them "false".'
)
def test_claims_never_raise_and_offsets_are_valid(nlp: Language, text: str) -> None:
    doc = nlp(text)
    entities = extract_entities(doc)
    assert_offsets_valid(text, extract_claims(doc, extract_quotes(doc, entities), entities))


@FEW
@given(text=texts)
def test_quoted_spans_are_inside_the_text(text: str) -> None:
    previous_end = 0
    for start, end in quoted_spans(text):
        assert previous_end <= start < end <= len(text)
        previous_end = end


@FEW
@given(text=texts, data=st.data())
def test_speaker_resolution_never_raises(nlp: Language, text: str, data: st.DataObject) -> None:
    doc = nlp(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert_offsets_valid(text, resolve_speaker(doc, start, end, extract_entities(doc)))


@FEW
@given(text=texts, data=st.data())
def test_clean_span_stays_inside_its_span(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = clean_span(text, start, end)
    if span is not None:
        assert start <= span[0] < span[1] <= end
        assert any(ch.isalnum() for ch in text[span[0] : span[1]])


@FEW
@given(name=texts)
def test_strip_titles_returns_a_suffix_of_the_words(name: str) -> None:
    assert name.endswith(strip_titles(name))


@FEW
@given(
    title=st.sampled_from(["President", "Spokesperson", "Sen."]),
    gaps=st.lists(st.sampled_from([" ", "  ", "\u00a0", " \n"]), min_size=2, max_size=2),
)
def test_a_titled_name_is_never_cut_mid_word(nlp: Language, title: str, gaps: list[str]) -> None:
    text = f"{title}{gaps[0]}Joe{gaps[1]}Biden said so on Monday."
    for mention in extract_entities(nlp(text)).mentions:
        assert mention.start == 0 or not text[mention.start - 1].isalnum(), mention


# --- through HTTP: JSON escaping of NUL, U+2028, astral characters ---------------------------------


@pytest.fixture(scope="module")
def http(pipeline: Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(), pipeline=pipeline), raise_server_exceptions=False) as client:
        yield client


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, encoding=st.sampled_from(list(OffsetEncoding)))
def test_http_round_trip(http: TestClient, text: str, encoding: OffsetEncoding) -> None:
    response = http.post("/v1/enrich", json={"text": text, "offset_encoding": encoding.value})
    if not text.strip():
        assert response.status_code == 422
        return
    assert response.status_code == 200, response.text
    assert_offsets_valid(text, EnrichResponse.model_validate(response.json()), encoding)
