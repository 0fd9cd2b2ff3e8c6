"""Speaker resolution routes, table-driven over small texts written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from service.extract.entities import extract_entities
from service.extract.mentions import MentionResolver, resolve_speaker


def _resolve(nlp: Language, text: str, mention: str, occurrence: int = 1) -> str | None:
    doc = nlp(text)
    start = -1
    for _ in range(occurrence):
        start = text.index(mention, start + 1)
    speaker = resolve_speaker(doc, start, start + len(mention), extract_entities(doc))
    assert speaker.text == mention
    return speaker.canonical


@pytest.mark.parametrize(
    ("text", "mention", "occurrence", "canonical"),
    [
        # a named mention joins its full name
        ("Jake Sullivan met the envoy. Sullivan said the talks went well.", "Sullivan", 2, "Jake Sullivan"),
        # pronoun with gender from an honorific: "she" skips the nearer man
        (
            "Ms. Clara Novak met Peter Brandt in Vienna. Later she said the meeting was useful.",
            "she",
            1,
            "Clara Novak",
        ),
        # pronoun without gender evidence: the nearest person
        ("Omar Haddad arrived late on Monday. He said the delay was unavoidable.", "He", 1, "Omar Haddad"),
        # title noun: the person last given that title
        (
            "President Elena Ruiz opened the summit. The president said trade was the priority.",
            "The president",
            1,
            "Elena Ruiz",
        ),
        # apposition gives a title that a later nominal picks up
        (
            "Zhao Lijian, the ministry spokesman, spoke first. The spokesman said nothing new.",
            "The spokesman",
            1,
            "Zhao Lijian",
        ),
        # apposition inside the mention itself
        ("The spokesman, Liu Wen, said the plan was final.", "The spokesman, Liu Wen", 1, "Liu Wen"),
        # a relative pronoun points at its noun
        ("Sara Mendes, who chairs the panel, said the vote was fair.", "who", 1, "Sara Mendes"),
    ],
)
def test_resolution_routes(nlp: Language, text: str, mention: str, occurrence: int, canonical: str) -> None:
    assert _resolve(nlp, text, mention, occurrence) == canonical


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("A senior official said the talks were over.", "A senior official"),
        ("The weather was cold. He said the roads were closed.", "He"),
        ("The spokesman said the office was closed.", "The spokesman"),
    ],
)
def test_unresolvable_mentions_keep_their_span(nlp: Language, text: str, mention: str) -> None:
    assert _resolve(nlp, text, mention) is None


def test_resolver_clamps_odd_offsets(nlp: Language) -> None:
    doc = nlp("Anna Berg spoke.")
    resolver = MentionResolver(doc, extract_entities(doc))
    assert resolver.resolve(-5, 400).text == doc.text
    assert resolver.resolve(10, 3).text == ""
