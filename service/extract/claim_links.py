"""Which claim a denial answers, and the evidence that links them (a route, the terms, a score).

A claim is stated outside its denial by another party; the annotators take its first clear statement. A
denial that states its clause finds that clause's earliest statement; one that points back goes by the
person it judges, the kind of claim it names, the content it shares, and only then by nearness.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from spacy.tokens import Doc, Token

from schemas.enrich import Claim, ClaimLink, ClaimPair, Cue, Denial, Speaker
from service.extract.claim_candidates import MIN_SHARED, Candidate, kinds
from service.extract.claim_nouns import owners
from service.extract.claim_syntax import trim
from service.extract.claim_terms import char_terms, party_terms
from service.extract.denial_lexicon import (
    BACK_REFERENCE_PRONOUNS,
    CLAIM_NOUNS,
    DEFINITE_DETERMINERS,
    FALSITY_ADJECTIVES,
    FALSITY_NOUNS,
    KIND_FAMILIES,
    OPINION_FALSITY,
    OPINION_NOUNS,
    REPORT_KINDS,
    THIRD_PERSON_POSSESSIVES,
)
from service.extract.denial_objects import is_person
from service.extract.denials import FoundDenial
from service.extract.syntax import child_by_dep

Route = Literal["inside_denial", "back_reference", "content_overlap"]
# Share of the smaller set of terms two statements must have in common to state the same proposition.
_MIN_OVERLAP = 0.5
# Share of its terms an earlier statement must have for a clause stated in a denial to be its restatement.
_RESTATED_OVERLAP = 0.6
# The words that judge a claim false say nothing of which claim it is ("misleading" answers many).
_VERDICT_WORDS = FALSITY_NOUNS | FALSITY_ADJECTIVES | OPINION_FALSITY
# Entity types that make the object of "the claims of ..." their owner, not their topic.
_PARTIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# How close (in characters) a statement must end before a denial to be its claim on nearness alone.
_ADJACENT = 200


@dataclass(frozen=True)
class Article:
    """What linking reads of the whole article: its text, the term of each token, the terms found
    all over it, and the writer's own sentences (statements a denied clause may restate)."""

    doc: Doc
    text: str
    token_terms: list[str | None]
    common: frozenset[str]
    written: list[Candidate]


def pair_denial(article: Article, denial: FoundDenial, candidates: list[Candidate]) -> ClaimPair | None:
    """The denial paired with the claim it answers, or None when no claim is clearly its own."""
    # the claims a denial can answer: outside it, by another party; later statements may repeat them
    eligible = [c for c in candidates if _outside(c, denial) and not _same_party(c.claimant, denial.denier)]
    owned = [c for c in eligible if party_terms(c.claimant) & denial.claimant_hint]
    noun = denial.target.noun
    if noun is not None and is_person(noun) and denial.target.inner is None:
        # "she is wrong", "she made it up": her claim, first stated
        earlier_owned = [c for c in owned if c.end <= denial.cue.idx]
        if not earlier_owned:
            return None
        return _link(article.text, denial, earlier_owned[0], "back_reference", _reference(denial), 0.5)
    if denial.target.inner is not None:
        if noun is not None and is_person(noun):  # "X was wrong to say Y": as X said it, else as stated here
            return _pair_stated(article, denial, denial.target.inner, candidates, owned, owned, writer=False)
        return _pair_stated(article, denial, denial.target.inner, candidates, eligible, owned or eligible)
    return _pair_pointing_back(article, denial, eligible, owned)


def _pair_stated(
    article: Article,
    denial: FoundDenial,
    inner: tuple[int, int],
    candidates: list[Candidate],
    eligible: list[Candidate],
    others: list[Candidate],
    writer: bool = True,
) -> ClaimPair:
    """A denial stating its clause: the clause's first clear statement, an earlier one (attributed, else
    the writer's unless the denial names whose claim it is), or the denial's own unless it is a headline."""
    text = article.text
    stated = next((c for c in candidates if (c.start, c.end) == inner), None)
    stated = stated or Candidate(*inner, None, char_terms(article.doc, *inner, article.token_terms))
    before = others if denial.headline else [c for c in others if c.start < denial.start]
    best = _best_overlap(stated.terms, before, MIN_SHARED, _RESTATED_OVERLAP)
    if best is not None:
        first = _first_statement(best[0], eligible)
        return _link(text, denial, first, "content_overlap", best[1], best[2])
    # the writer may have stated it first, unattributed ("waterboarding, a torture technique, ...")
    prior = [] if denial.headline or not writer else [c for c in article.written if c.end <= denial.start]
    best = _best_overlap(stated.terms - article.common, prior, MIN_SHARED, _RESTATED_OVERLAP)
    if best is not None:
        start, end = trim(text, best[0].start, best[0].end)
        sentence = replace(best[0], start=start, end=end)
        return _link(text, denial, sentence, "content_overlap", best[1], best[2])
    first = _first_statement(stated, eligible)
    if first is not stated:
        return _link(text, denial, first, "content_overlap", first.terms & stated.terms, 0.8)
    return _link(text, denial, stated, "inside_denial", frozenset(), 0.9)


def _pair_pointing_back(
    article: Article, denial: FoundDenial, eligible: list[Candidate], owned: list[Candidate]
) -> ClaimPair | None:
    """A denial pointing back ("the claims", "it"): a clause reported just before in its own sentence, the
    first statement of the kind it names, the one sharing the most content, else the nearest before."""
    text, noun, others = article.text, denial.target.noun, owned or eligible
    # the parties of the denial say nothing of which claim it is
    probe = (
        char_terms(article.doc, denial.start, denial.end, article.token_terms)
        - party_terms(denial.denier)
        - denial.claimant_hint
    )
    topic = _topic(article, noun)
    if topic:  # "the claims of plagiarism" answers a statement about plagiarism, whatever else is near
        others = [c for c in others if c.terms & topic]
        if not others:
            return None
    earlier = [c for c in others if c.end <= denial.cue.idx]
    if not earlier:  # a headline denial answers a claim the article reports below it
        best = _best_overlap(probe, others, MIN_SHARED, 0.0) if denial.headline else None
        if best is None:
            return _introduced(article, denial)
        return _link(text, denial, _first_statement(best[0], eligible), "content_overlap", best[1], best[2])
    pronoun = noun is not None and noun.lower_ in BACK_REFERENCE_PRONOUNS
    if pronoun and earlier[-1].start >= denial.start:  # "When X says Y, I don't believe that": Y
        return _link(text, denial, earlier[-1], "back_reference", _reference(denial), 0.6)
    family = _kind_family(noun)
    # a claim of the kind the back-reference names, by its named owner or by nobody named
    compatible = [
        c
        for c in eligible
        if c.end <= denial.cue.idx
        and kinds(article.doc, c) & family
        and (c.claimant is None or not denial.claimant_hint or c in owned)
    ]
    if compatible and family is REPORT_KINDS:
        # "the report" is the report introduced earlier: its claim is the first it was said to make
        return _link(text, denial, compatible[0], "back_reference", _reference(denial), 0.7)
    # "your allegations", "the AP report": nearness alone must not give a named owner's claim to another
    # ... nor to a word that names no claim ("dismissed the kerfuffle as absurd")
    # ... nor to an opinion's name ("rejected the notion", "disputed the argument"), which may answer a view
    near_ok = noun is None or (
        (noun.lower_ in BACK_REFERENCE_PRONOUNS or noun.lemma_.lower() in CLAIM_NOUNS - OPINION_NOUNS)
        and (bool(owned) or not _named_owners(noun))
    )
    # nearness is counted to the start of the denier's utterance: the statement it answers comes before it
    chosen = _back_reference(probe, compatible or earlier, denial.opens, article.common, near_ok)
    if chosen is None:
        return _introduced(article, denial)
    candidate, shared, score = chosen
    route: Route = "back_reference" if denial.target.reference is not None else "content_overlap"
    terms = shared if route == "content_overlap" or shared else _reference(denial)
    return _link(text, denial, _first_statement(candidate, eligible), route, terms, score)


def _topic(article: Article, noun: Token | None) -> frozenset[str]:
    """The terms of what a claim noun says its claim is about ('accusations of sexism', 'reports about the
    merger'), not of who made it ('the claims of the senator')."""
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS:
        return frozenset()
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "about"}:
            about = child_by_dep(prep, "pobj")
            if about is None or about.ent_type_ in _PARTIES or about.pos_ in {"PRON", "PROPN"}:
                return frozenset()
            terms = (article.token_terms[t.i] for t in about.subtree)
            return frozenset(t for t in terms if t is not None)
    return frozenset()


def _introduced(article: Article, denial: FoundDenial) -> ClaimPair | None:
    """'the statistics are fabricated', no one quoted: the writer's sentence that introduced the statistics
    (the first before the denial naming them) states the claim."""
    noun = denial.target.noun
    if noun is None or denial.headline or noun.lemma_.lower() not in CLAIM_NOUNS - OPINION_NOUNS:
        return None
    if _named_owners(noun) or not any(
        c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in noun.children
    ):
        return None
    term = article.token_terms[noun.i]
    first = next((s for s in article.written if s.end <= denial.start and term in s.terms), None)
    if first is None:
        return None
    start, end = trim(article.text, first.start, first.end)
    return _link(
        article.text, denial, replace(first, start=start, end=end), "back_reference", _reference(denial), 0.3
    )


def _named_owners(noun: Token) -> list[Token]:
    """The owners a claim noun names ('the AP report', 'your claims'); 'his / their account' points back to
    whoever was just quoted, as nearness does."""
    return [o for o in owners(noun) if o.lower_ not in THIRD_PERSON_POSSESSIVES]


def _reference(denial: FoundDenial) -> frozenset[str]:
    """The evidence of a back-reference: the word pointing back."""
    return frozenset({denial.target.reference or ""})


def _kind_family(noun: Token | None) -> frozenset[str]:
    """The words a claim named by `noun` can go by ('the report' ~ a report, an article, 'X reported')."""
    lemma = "" if noun is None else noun.lemma_.lower()
    return next((family for family in KIND_FAMILIES if lemma in family), frozenset())


def _outside(candidate: Candidate, denial: FoundDenial) -> bool:
    """A claim lies outside its denial, or before the cue of a denial pointing back ("..., a view X disputed")."""
    if candidate.end <= denial.start or candidate.start >= denial.end:
        return True
    return (
        denial.target.reference is not None
        and candidate.start >= denial.start
        and candidate.end <= denial.cue.idx
    )


def _back_reference(
    probe: frozenset[str],
    earlier: list[Candidate],
    denial_start: int,
    common: frozenset[str],
    near_ok: bool,
) -> tuple[Candidate, frozenset[str], float] | None:
    """The earlier statement a denial answers: the one sharing the most telling content with it, else the
    statement just before the denial. Names found all over the article tell nothing."""
    best: tuple[int, Candidate, frozenset[str]] | None = None
    for candidate in earlier:
        shared = (probe & candidate.terms) - common - _VERDICT_WORDS
        if len(shared) >= MIN_SHARED and (best is None or len(shared) > best[0]):
            best = (len(shared), candidate, shared)
    if best is not None:
        return best[1], best[2], min(1.0, best[0] / 4)
    nearest = earlier[-1]
    if near_ok and denial_start - nearest.end <= _ADJACENT:
        return _opening_statement(nearest, earlier), frozenset(), 0.4
    return None


def _opening_statement(last: Candidate, earlier: list[Candidate]) -> Candidate:
    """The first of the statements its claimant made in a row up to `last` (an account told over several
    sentences is claimed where it starts)."""
    first = last
    for candidate in reversed(earlier[: earlier.index(last)]):
        if not _same_party(candidate.claimant, last.claimant) or first.start - candidate.end > _ADJACENT:
            break
        first = candidate
    return first


def _link(
    text: str, denial: FoundDenial, claim: Candidate, route: Route, terms: frozenset[str], score: float
) -> ClaimPair:
    cue = denial.cue
    return ClaimPair(
        claim=Claim(
            text=text[claim.start : claim.end], start=claim.start, end=claim.end, claimant=claim.claimant
        ),
        denial=Denial(
            text=text[denial.start : denial.end],
            start=denial.start,
            end=denial.end,
            denier=denial.denier,
            cue=Cue(text=cue.text, start=cue.idx, end=cue.idx + len(cue)),
        ),
        link=ClaimLink(route=route, terms=sorted(terms), score=round(min(score, 1.0), 3)),
    )


def _first_statement(chosen: Candidate, candidates: list[Candidate]) -> Candidate:
    """The earliest statement of the same proposition (the annotators' claim is its first clear statement)."""
    for candidate in candidates:
        if candidate.start >= chosen.start:
            break
        shared = chosen.terms & candidate.terms
        if candidate.terms == chosen.terms or (
            len(shared) >= MIN_SHARED + 1
            and len(shared) >= _MIN_OVERLAP * min(len(chosen.terms), len(candidate.terms))
        ):
            return candidate
    return chosen


def _best_overlap(
    probe: frozenset[str], candidates: list[Candidate], min_shared: int, min_ratio: float
) -> tuple[Candidate, frozenset[str], float] | None:
    """The candidate sharing the most content terms with the probe; ties go to the earliest."""
    best = None
    for candidate in candidates:
        shared = probe & candidate.terms
        if len(shared) < min_shared or not candidate.terms:
            continue
        score = len(shared) / min(len(probe), len(candidate.terms))
        if score >= min_ratio and (best is None or len(shared) > len(best[1])):
            best = (candidate, shared, score)
    return best


def _same_party(claimant: Speaker | None, denier: Speaker | None) -> bool:
    if claimant is None or denier is None:
        return False
    if claimant.cluster is not None and claimant.cluster == denier.cluster:
        return True
    return claimant.text.lower() == denier.text.lower()
