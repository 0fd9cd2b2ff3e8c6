"""Owns spaCy: loads the model once, runs one call at a time, inside a memory zone.

Requests come in as plain `Job`s and leave as `EnrichResponse`s with offsets already in the requested
encoding. Only the spaCy components the requested features need are run.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from schemas import ClaimPair, DateExpression, EnrichResponse, Feature, ModelInfo, OffsetEncoding, Quote
from service import __version__
from service.extract.claims import extract_claims
from service.extract.dates import extract_dates
from service.extract.entities import EntityClusters, extract_entities
from service.extract.quotes import extract_quotes
from service.model import PARAGRAPH_BREAKS, load_model
from service.offsets import convert_offsets, offset_table
from service.results import entity_results

# Features that produce output; the others are accepted and return empty lists.
IMPLEMENTED: frozenset[Feature] = frozenset({Feature.entities, Feature.dates, Feature.quotes, Feature.claims})

# spaCy components each feature needs (entities alone need no parser).
_PARSED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", PARAGRAPH_BREAKS, "parser", "ner")
COMPONENTS: dict[Feature, tuple[str, ...]] = {
    Feature.entities: ("ner",),
    Feature.dates: _PARSED,
    Feature.quotes: _PARSED,
    Feature.claims: _PARSED,
}

# Documents nlp.pipe takes at once, bounded in count and in characters: 16 news-sized documents parse ~8%
# faster than 2 at a time (~3% faster than 8), and a batch past its deadline runs on for at most one such
# chunk, about a second of parsing (or one document longer than the character bound).
PIPE_CHUNK_DOCUMENTS = 16
PIPE_CHUNK_CHARACTERS = 40_000

WARM_UP_TEXT = 'The spokesman said on Monday that "the talks in Rome went well," according to Reuters.'


class DeadlineExceeded(Exception):
    """The request ran past its processing deadline; the pipeline stops between stages."""


@dataclass(frozen=True)
class Job:
    text: str
    reference_date: dt.date
    features: frozenset[Feature] = frozenset(Feature)
    offset_encoding: OffsetEncoding = OffsetEncoding.codepoint
    deadline: float = float("inf")  # time.monotonic() value


@dataclass
class _Clock:
    deadline: float
    timings_ms: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if time.monotonic() > self.deadline:
            raise DeadlineExceeded(name)
        started = time.perf_counter()
        yield
        self.timings_ms[name] = round((time.perf_counter() - started) * 1000, 3)


def pipe_chunks(jobs: list[Job], indices: list[int]) -> Iterator[list[int]]:
    """Consecutive runs of at most PIPE_CHUNK_DOCUMENTS jobs and PIPE_CHUNK_CHARACTERS characters (a longer
    document is a chunk of its own)."""
    chunk: list[int] = []
    characters = 0
    for index in indices:
        size = len(jobs[index].text)
        if chunk and (len(chunk) == PIPE_CHUNK_DOCUMENTS or characters + size > PIPE_CHUNK_CHARACTERS):
            yield chunk
            chunk, characters = [], 0
        chunk.append(index)
        characters += size
    if chunk:
        yield chunk


def components_for(features: frozenset[Feature], available: list[str]) -> list[str]:
    wanted = {c for f in features & IMPLEMENTED for c in COMPONENTS[f]}
    return [name for name in available if name in wanted]


# Memory zones free each request's strings and lexemes, but their slots in the string store's and the
# vocab's hash tables stay behind as tombstones, and those tables double without ever shrinking: memory
# grows with every distinct token ever seen (tens of MiB per million). Rebuilding the vocab from its own
# bytes (public API) rebuilds both tables from the permanent entries.
COMPACT_AFTER_CHARACTERS = 2_000_000  # ~0.3-0.6 s per ~1 minute of parsing: about 1% of the time


_LIBC_NAME = ctypes.util.find_library("c")
_MALLOC_TRIM = getattr(ctypes.CDLL(_LIBC_NAME), "malloc_trim", None) if _LIBC_NAME else None  # glibc only


def _release_free_heap() -> None:
    """Return the freed tables to the OS (glibc's malloc keeps them otherwise), so RSS stays flat."""
    if _MALLOC_TRIM is not None:
        _MALLOC_TRIM(0)


class Pipeline:
    """Thread-safe by serialization: spaCy's memory zones are not, so one call runs at a time."""

    def __init__(
        self,
        model_name: str,
        loader: Callable[[str], Language] = load_model,
        compact_after_characters: int = COMPACT_AFTER_CHARACTERS,
    ) -> None:
        self._nlp = loader(model_name)
        self._lock = threading.Lock()
        self._compact_after_characters = compact_after_characters
        self._characters_since_compaction = 0
        meta = self._nlp.meta
        self.model = ModelInfo(name=f"{meta.get('lang', 'en')}_{meta['name']}", version=meta["version"])

    @property
    def component_names(self) -> list[str]:
        return list(self._nlp.pipe_names)

    def warm_up(self) -> None:
        self.run([Job(WARM_UP_TEXT, dt.date(2022, 3, 14))])

    def run(self, jobs: list[Job]) -> list[EnrichResponse]:
        """Enrich documents in order; documents needing the same components share `nlp.pipe` calls, one
        chunk (see PIPE_CHUNK_DOCUMENTS) at a time between deadline checks."""
        results: list[EnrichResponse | None] = [None] * len(jobs)
        groups: dict[tuple[str, ...], list[int]] = {}
        for index, job in enumerate(jobs):
            groups.setdefault(tuple(components_for(job.features, self.component_names)), []).append(index)
        with self._lock:
            self._characters_since_compaction += sum(len(job.text) for job in jobs)
            with self._nlp.memory_zone():
                for components, indices in groups.items():
                    disable = [name for name in self.component_names if name not in components]
                    for chunk in pipe_chunks(jobs, indices):
                        parsed = self._parse([jobs[i] for i in chunk], disable)
                        for index, (doc, parse_ms) in zip(chunk, parsed, strict=True):
                            results[index] = self._enrich(doc, jobs[index], parse_ms)
            if self._characters_since_compaction >= self._compact_after_characters:
                self._compact_vocab()
        return [r for r in results if r is not None]

    def _parse(self, chunk: list[Job], disable: list[str]) -> list[tuple[Doc, float]]:
        """Docs with their share of the chunk's parse time (by characters). A chunk whose deadline has
        passed is not started, so a request the client was already told had timed out keeps the spaCy
        thread at most one chunk longer."""
        if time.monotonic() > min(job.deadline for job in chunk):
            raise DeadlineExceeded("parse")
        started = time.perf_counter()
        docs = list(self._nlp.pipe([job.text for job in chunk], disable=disable, batch_size=len(chunk)))
        elapsed_ms = (time.perf_counter() - started) * 1000
        characters = max(1, sum(len(job.text) for job in chunk))
        return [(doc, elapsed_ms * len(job.text) / characters) for doc, job in zip(docs, chunk, strict=True)]

    def _compact_vocab(self) -> None:
        """Drop what grows with every distinct token: tombstones in the vocab (see COMPACT_AFTER_CHARACTERS)
        and the lemmatizer's cache."""
        vocab = self._nlp.vocab
        getters = dict(vocab.lex_attr_getters)  # type: ignore[attr-defined]  # from_bytes re-wraps NORM
        kept = ["vectors", "lookups"]  # unchanged by requests; only strings and lexemes are rebuilt
        vocab.from_bytes(vocab.to_bytes(exclude=kept), exclude=kept)
        vocab.lex_attr_getters = getters  # type: ignore[attr-defined]
        for _, component in self._nlp.pipeline:  # the rule lemmatizer caches every (word, tag) it has seen
            if isinstance(cache := getattr(component, "cache", None), dict):
                cache.clear()
        _release_free_heap()
        self._characters_since_compaction = 0

    def _enrich(self, doc: Doc, job: Job, parse_ms: float) -> EnrichResponse:
        clock = _Clock(job.deadline, {"parse": round(parse_ms, 3)})
        if time.monotonic() > job.deadline:
            raise DeadlineExceeded("parse")
        wanted = job.features & IMPLEMENTED
        entities = EntityClusters([], [], {})
        if wanted:  # every extractor builds on the shared entity mentions
            with clock.stage("entities"):
                entities = extract_entities(doc)
        entity_list, clusters = entity_results(entities) if Feature.entities in wanted else ([], [])
        dates: list[DateExpression] = []
        if Feature.dates in wanted:
            with clock.stage("dates"):
                dates = extract_dates(doc, job.reference_date)
        quotes: list[Quote] = []
        if wanted & {Feature.quotes, Feature.claims}:
            with clock.stage("quotes"):
                quotes = extract_quotes(doc, entities)
        claims: list[ClaimPair] = []
        if Feature.claims in wanted:
            with clock.stage("claims"):
                claims = extract_claims(doc, quotes, entities)
        # Each further extractor: `with clock.stage(name): items = extract_x(doc, ...)` when its feature
        # (or a feature building on it) is wanted; only requested features are returned.
        response = EnrichResponse(
            entities=entity_list,
            clusters=clusters,
            dates=dates,
            quotes=quotes if Feature.quotes in wanted else [],
            claims=claims,
            reference_date=job.reference_date,
            offset_encoding=job.offset_encoding,
            model=self.model,
            service_version=__version__,
            timings_ms=clock.timings_ms,
        )
        return convert_offsets(response, offset_table(job.text, job.offset_encoding))
