"""Claim/denial pairs: a proposition stated in the article and a party's denial of it.

Precision comes first, since a false pair misleads a reader. A denial needs an explicit cue (deny, refute,
"rejected the allegations", "called the claims false", "not true", "it never happened", "contrary to the
claims", ...) in a construction that takes a proposition, so rejected proposals, "denied him entry",
"there's no denying", hedges ("not always the case") and wishes ("I hope it's fake") never start a pair.

The flow, one module a step:
- `denials` finds each denial and its denier; `denial_targets` (verb forms) and `falsity_targets` ("false",
  "a lie", "not true") say what each cue form denies; `denial_objects` what the denied object stands for (a
  clause it states, the clause a claim noun is set beside: "Y, a charge that Z denied", or a word pointing
  back at a claim); `claim_nouns` what a claim noun states and who owns it.
- `claim_candidates` gathers what can be denied: the attributed statements of the quotes extractor and the
  clauses claim nouns state anywhere ("a report from X saying Y", "the allegation that Y"); a headline
  states nothing the body denies. `claim_terms` gives each its terms: entities canonicalized, capitals
  standing for their country.
- `claim_links` pairs each denial with the claim it answers. One that states its clause ("denied that Y")
  takes the earliest statement of Y (an attributed one or a sentence of the writer's sharing most of its
  terms), else Y itself. One that points back takes, in order: a clause reported in its own sentence or
  quote ("When X says Y, that's false"); the claim of the person it judges ("X is wrong"); the first
  statement of the kind it names ("the AP report"); the statement sharing the most telling content with
  it (only one about what the noun says the claim is about: "the accusations of fraud"); or, when nothing
  says otherwise, the statement just before it, where its teller began; with no statement quoted before
  it, the writer's sentence that introduced what it names ("the figures are fabricated").
`claim_syntax` holds the parse readings they share (clause spans, trimming, negation).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from schemas.enrich import ClaimPair, Quote
from service.extract.claim_candidates import (
    Candidate,
    common_terms,
    noun_statements,
    overlaps,
    quote_candidate,
    writer_sentences,
)
from service.extract.claim_links import Article, pair_denial
from service.extract.claim_terms import char_terms, token_terms
from service.extract.denials import find_denials
from service.extract.entities import EntityClusters
from service.extract.mentions import MentionResolver
from service.extract.syntax import doc_text

# A headline (with its subhead) is this short at most.
_HEADLINE_MAX = 250


def extract_claims(doc: Doc, quotes: list[Quote], entities: EntityClusters) -> list[ClaimPair]:
    """Every (claim, denial) pair, one per denial sentence or continuous quote, in text order."""
    try:
        return _extract(doc, quotes, entities)
    except (ValueError, IndexError):  # a parse too odd to read gives no pair, never a failed request
        return []


def _extract(doc: Doc, quotes: list[Quote], entities: EntityClusters) -> list[ClaimPair]:
    text = doc_text(doc)
    resolver = MentionResolver(doc, entities)
    clusters = entities.clusters_by_token(doc)
    terms = token_terms(doc, clusters)
    denials = find_denials(doc, quotes, clusters, resolver)
    headline_end = _headline_end(text)
    # A claim a claim noun introduces ("a report by X saying Y", "rebutted the accusation that Y") is stated
    # more exactly than any quote overlapping it, which it replaces.
    stated = noun_statements(doc, terms, resolver)
    candidates = [
        c
        for q in quotes
        if (c := quote_candidate(doc, q, terms)) is not None and not any(overlaps(c, n) for n in stated)
    ]
    # a claim first stated inside a denial ("denied that X") can be denied again later
    inside = [
        Candidate(*d.target.inner, None, char_terms(doc, *d.target.inner, terms))
        for d in denials
        if d.target.inner is not None
    ]
    stated += [c for c in inside if not any(overlaps(c, n) for n in stated)]
    candidates = sorted(candidates + stated, key=lambda c: c.start)
    written = writer_sentences(doc, terms, headline_end)
    article = Article(doc, text, terms, common_terms(written), written)
    pairs = []
    for denial in denials:
        if denial.start < headline_end:
            denial = replace(denial, headline=True)
        # a headline is no clear statement of a claim the body denies
        usable = [c for c in candidates if c.start >= headline_end or denial.headline]
        pair = pair_denial(article, denial, usable)
        if pair is not None:
            pairs.append(pair)
    return pairs


def _headline_end(text: str) -> int:
    """Where the headline ends: a short first line (and its subhead) set apart by a blank line, in a text of
    several paragraphs (a lone first paragraph of a two-paragraph text is its lead, not a headline)."""
    end = text.find("\n\n", 0, _HEADLINE_MAX)
    if end < 0 or text[:end].strip().count("\n") > 1 or text.find("\n\n", end + 2) < 0:
        return 0
    return end
