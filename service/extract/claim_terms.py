"""The terms a statement or a party is matched by: content lemmas, entity mentions as their canonical name
and capitals as their country ("Moscow" ~ "Russia"), so that a denial and a claim worded apart still meet.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from schemas.enrich import Speaker
from service.extract.claim_syntax import CONTENT_POS
from service.extract.denial_lexicon import NON_CONTENT_LEMMAS
from service.extract.entities import EntityCluster, EntityClusters
from service.extract.lexicon import CAPITAL_METONYMS


def clusters_by_token(doc: Doc, entities: EntityClusters) -> dict[int, EntityCluster]:
    """The cluster of each token inside an entity mention, as `entities.cluster_at` finds it for the token
    (the mention overlapping it most, the first on ties), built once: asking `cluster_at`, which scans
    every mention, for every token made claims quadratic on long documents."""
    starts = [t.idx for t in doc]
    best: dict[int, tuple[int, EntityCluster]] = {}
    for mention in entities.mentions:
        i = max(bisect_right(starts, mention.start) - 1, 0)
        while i < len(doc) and doc[i].idx < mention.end:
            token = doc[i]
            overlap = min(token.idx + len(token), mention.end) - max(token.idx, mention.start)
            if overlap > best.get(i, (0, None))[0]:
                best[i] = (overlap, entities.clusters[entities.cluster_of[mention]])
            i += 1
    return {i: cluster for i, (_, cluster) in best.items()}


def char_terms(doc: Doc, start: int, end: int, clusters: dict[int, EntityCluster]) -> frozenset[str]:
    """`span_terms` of the text between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return frozenset() if span is None else span_terms(span, clusters)


def span_terms(span: Span, clusters: dict[int, EntityCluster]) -> frozenset[str]:
    """Content lemmas of a span; entity mentions become their canonical name, capitals their country."""
    terms = set()
    for token in span:
        cluster = clusters.get(token.i)
        if cluster is not None:
            name = cluster.canonical.lower()
            terms.add(CAPITAL_METONYMS.get(name, cluster.canonical).lower())
            continue
        lemma = token.lemma_.lower()
        if (
            token.pos_ in CONTENT_POS
            and not token.is_stop
            and lemma not in NON_CONTENT_LEMMAS
            and re.search(r"\w", lemma)
        ):
            terms.add(CAPITAL_METONYMS.get(lemma, lemma).lower())
    return frozenset(terms)


def party_terms(party: Speaker | None) -> frozenset[str]:
    """Names a party goes by: its canonical name, and the words of its mention."""
    if party is None:
        return frozenset()
    names = {w.lower() for w in party.text.split() if w[:1].isupper()}
    if party.canonical:
        names.add(party.canonical.lower())
    return frozenset(names)
