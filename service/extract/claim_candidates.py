"""The statements a denial can answer, each with the content terms it is matched by: the attributed
statements of the quotes extractor that state a proposition, the clauses claim nouns state ("a report
saying X", "the allegation that X"), and the writer's own sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.symbols import NOUN
from spacy.tokens import Doc

from schemas.enrich import Quote, Speaker
from service.extract.claim_nouns import noun_claim, owner_speaker
from service.extract.claim_syntax import words_among
from service.extract.claim_terms import char_terms, span_terms
from service.extract.denial_lexicon import STATEMENT_NOUNS
from service.extract.mentions import MentionResolver

# Content terms a statement must share with a denial to be paired with it (and must hold to be a claim).
MIN_SHARED = 2


@dataclass(frozen=True)
class Candidate:
    """A statement that can be a claim: an attributed quote, or the clause a claim noun introduces ("a
    report saying X", "the allegation that X"). Its kinds are the words that name it (the claim noun, the
    head words of its quote's speaker and cue, read only when asked: see `kinds`), which a back-reference
    ("the report") must agree with."""

    start: int
    end: int
    claimant: Speaker | None
    terms: frozenset[str]
    kinds: frozenset[str] = frozenset()
    named_by: tuple[tuple[int, int], ...] = ()  # spans whose head word names it (a speaker, a cue)


def overlaps(a: Candidate, b: Candidate) -> bool:
    """Whether two statements share any text."""
    return a.start < b.end and b.start < a.end


def quote_candidate(doc: Doc, quote: Quote, terms_of_tokens: list[str | None]) -> Candidate | None:
    """An attributed statement that states a proposition (a clause, not a quoted phrase)."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not any(t.pos_ in {"VERB", "AUX"} for t in span):
        return None
    terms = span_terms(span, terms_of_tokens)
    if len(terms) < MIN_SHARED:
        return None
    named_by = tuple((part.start, part.end) for part in (quote.speaker, quote.cue) if part is not None)
    return Candidate(quote.start, quote.end, quote.speaker, terms, named_by=named_by)


def kinds(doc: Doc, candidate: Candidate) -> frozenset[str]:
    """The words naming a statement, its quote's speaker and cue read now: few statements are ever asked."""
    heads = (doc.char_span(start, end, alignment_mode="expand") for start, end in candidate.named_by)
    return candidate.kinds | {
        words.root.lemma_.lower() for words in heads if words is not None and len(words)
    }


def noun_statements(
    doc: Doc, terms_of_tokens: list[str | None], resolver: MentionResolver
) -> list[Candidate]:
    """Claims stated as the complement of a claim noun: 'the allegation that X', 'a report saying X'."""
    found = []
    for i in words_among(doc, STATEMENT_NOUNS, frozenset()):
        token = doc[i]
        if token.pos != NOUN:
            continue
        inner = noun_claim(token)[1]
        if inner is None:
            continue
        start, end = inner
        claimant = owner_speaker(token, resolver)
        terms = char_terms(doc, start, end, terms_of_tokens)
        found.append(Candidate(start, end, claimant, terms, frozenset({token.lemma_.lower()})))
    return found


def writer_sentences(doc: Doc, terms_of_tokens: list[str | None], body_start: int) -> list[Candidate]:
    """Every sentence of the body as a statement of the writer's, unattributed."""
    # trimmed only when one is linked (`claim_links`): reading each sentence's text costs
    return [
        Candidate(s.start_char, s.end_char, None, span_terms(s, terms_of_tokens))
        for s in doc.sents
        if s.start_char >= body_start
    ]


def common_terms(sentences: list[Candidate]) -> frozenset[str]:
    """Terms in many sentences of the article (its protagonists and topic)."""
    counts: dict[str, int] = {}
    for sent in sentences:
        for term in sent.terms:
            counts[term] = counts.get(term, 0) + 1
    limit = max(3, len(sentences) // 5)
    return frozenset(t for t, n in counts.items() if n > limit)
