"""The terms a statement or a party is matched by: content lemmas, entity mentions as their canonical name
and capitals as their country ("Moscow" ~ "Russia"), so that a denial and a claim worded apart still meet.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from schemas.enrich import Speaker
from service.extract.claim_syntax import CONTENT_POS
from service.extract.denial_lexicon import NON_CONTENT_LEMMAS
from service.extract.entities import EntityCluster
from service.extract.lexicon import CAPITAL_METONYMS


def token_terms(doc: Doc, clusters: dict[int, EntityCluster]) -> list[str | None]:
    """The term of each token, or None: content lemmas, entity mentions as their canonical name, capitals
    as their country. Read once per document, since every sentence's terms are asked for."""
    terms: list[str | None] = []
    for token in doc:
        cluster = clusters.get(token.i)
        if cluster is not None:
            name = cluster.canonical.lower()
            terms.append(CAPITAL_METONYMS.get(name, cluster.canonical).lower())
            continue
        lemma = token.lemma_.lower()
        content = (
            token.pos_ in CONTENT_POS
            and not token.is_stop
            and lemma not in NON_CONTENT_LEMMAS
            and re.search(r"\w", lemma)
        )
        terms.append(CAPITAL_METONYMS.get(lemma, lemma).lower() if content else None)
    return terms


def char_terms(doc: Doc, start: int, end: int, terms: list[str | None]) -> frozenset[str]:
    """`span_terms` of the text between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return frozenset() if span is None else span_terms(span, terms)


def span_terms(span: Span, terms: list[str | None]) -> frozenset[str]:
    """The terms of a span's tokens (see `token_terms`)."""
    return frozenset(term for term in terms[span.start : span.end] if term is not None)


def party_terms(party: Speaker | None) -> frozenset[str]:
    """Names a party goes by: its canonical name, and the words of its mention."""
    if party is None:
        return frozenset()
    names = {w.lower() for w in party.text.split() if w[:1].isupper()}
    if party.canonical:
        names.add(party.canonical.lower())
    return frozenset(names)
