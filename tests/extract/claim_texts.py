"""Small texts and attributed statements shared by the claims tests."""

from __future__ import annotations

from spacy.language import Language

from schemas.enrich import ClaimPair, Quote, QuoteKind, Speaker
from service.extract.claims import extract_claims
from service.extract.entities import extract_entities

CLAIM = "the company had hidden its losses for years"
# Sentences about nothing in particular, which put a statement far back from a denial.
FILLER = " ".join(["The town held its annual fair on the green, with music and a parade."] * 5)


def attributed(text: str, content: str, speaker: str) -> Quote:
    """An indirect quote of `content` attributed to `speaker` (first occurrences in `text`)."""
    start = text.index(content)
    who = text.index(speaker)
    return Quote(
        text=content,
        start=start,
        end=start + len(content),
        kind=QuoteKind.indirect,
        speaker=Speaker(text=speaker, start=who, end=who + len(speaker)),
        cue=None,
    )


def find_pairs(nlp: Language, text: str, statements: tuple[tuple[str, str], ...] = ()) -> list[ClaimPair]:
    """The pairs in `text`, given the (content, speaker) statements as its quotes."""
    return pairs_given(nlp, text, [attributed(text, content, speaker) for content, speaker in statements])


def pairs_given(nlp: Language, text: str, quotes: list[Quote]) -> list[ClaimPair]:
    """The pairs in `text`, given these quotes."""
    doc = nlp(text)
    return extract_claims(doc, quotes, extract_entities(doc))
