"""What the object of a denial stands for: the clause a claim noun carries ("the report that X"), the
clause it is set beside ("X, a charge he denied"), or a word pointing back at a claim made elsewhere
("the allegations", "it"). Shared by the verb forms (`denial_targets`) and the falsity forms
(`falsity_targets`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from service.extract.claim_nouns import noun_claim
from service.extract.claim_syntax import (
    SUBJECT_DEPS,
    content_words,
    is_proposal_clause,
    is_relative_pronoun,
    stated_clause,
    trim_tokens,
    without_subordinator,
)
from service.extract.denial_lexicon import (
    BACK_REFERENCE_PRONOUNS,
    CLAIM_NOUNS,
    FALSITY_NOUNS,
    PERSON_PRONOUNS,
    PORTRAYAL_NOUNS,
    PROPOSAL_NOUNS,
    QUANTIFIERS,
)
from service.extract.syntax import DOUBLE_QUOTE_TOKENS, child_by_dep

_APPOSITION_MARKS = frozenset({",", "-", "–", "—", "--"})
_QUOTE_TOKENS = DOUBLE_QUOTE_TOKENS | {"’", "‘"}


@dataclass(frozen=True)
class Target:
    """What a denial cue denies: a clause it states, and/or a word pointing at a claim made elsewhere."""

    inner: tuple[int, int] | None = None
    reference: str | None = None
    noun: Token | None = None  # the claim noun ("the allegations"), whose owner hints at the claimant


def is_person(token: Token) -> bool:
    """A word for a person ('she', 'Trump'): a verdict on them judges what they said."""
    return token.lower_ in PERSON_PRONOUNS or token.ent_type_ == "PERSON"


def prep_object(word: Token, prepositions: set[str]) -> Token | None:
    """The object of the word's first preposition among these ('pushed back on X', 'no truth to X')."""
    prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
    return None if prep is None else child_by_dep(prep, "pobj")


def noun_target(noun: Token, any_noun: bool = False) -> Target | None:
    """What a noun object of a denial stands for: its that-clause, or a back-reference to a claim."""
    if noun.lower_ in QUANTIFIERS:  # "many of the points"
        noun = prep_object(noun, {"of"}) or noun
    lemma = noun.lemma_.lower()
    is_claim = lemma in CLAIM_NOUNS or lemma in FALSITY_NOUNS
    found, inner = noun_claim(noun) if is_claim else (False, None)
    if found:
        return None if inner is None else Target(inner, lemma, noun)
    portrayal = _portrayal(noun) if lemma in PORTRAYAL_NOUNS else None
    if portrayal is not None:  # "dispel the image of X as Y"
        return Target(portrayal, lemma, noun)
    if lemma in PROPOSAL_NOUNS:
        return None
    if noun.lower_ in BACK_REFERENCE_PRONOUNS and is_relative_pronoun(noun):
        return None  # "stereotypes that are untrue" describes, it answers nothing
    if is_claim or noun.lower_ in BACK_REFERENCE_PRONOUNS:
        return Target(reference=noun.lower_, noun=noun)
    if any_noun and noun.pos_ in {"NOUN", "PROPN"}:
        return Target(reference=noun.lower_, noun=noun)
    return None


def clause_target(clause: Token) -> Target | None:
    """A denied clause; one too thin to state anything ("denied it happened") points back instead."""
    inner = stated_clause(clause, min_content=2)
    if inner is not None:
        return Target(inner=inner)
    subject = child_by_dep(clause, *SUBJECT_DEPS)
    if subject is not None and subject.lower_ in BACK_REFERENCE_PRONOUNS and not is_proposal_clause(clause):
        return Target(reference=subject.lower_)
    return None


def relative_target(noun: Token) -> Target | None:
    """What a claim noun that a relative clause denies stands for: the clause it is set beside ('Y, a
    charge that Z denied'), else the noun itself ('the allegations, which he denied')."""
    apposed = apposed_clause(noun)
    return Target(apposed, noun.lower_, noun) if apposed is not None else noun_target(noun)


def apposed_clause(noun: Token) -> tuple[int, int] | None:
    """The clause a claim noun is set beside after a comma or dash ('the vote was rigged, a charge that
    ...'): what the noun names, however the parser hung the noun; a reported clause before a report of it."""
    first = noun.left_edge
    doc = noun.doc
    mark = first.i - 1
    while mark > 0 and doc[mark].text in _QUOTE_TOKENS:  # 'X was "unfit," an idea that ...'
        mark -= 1
    if mark < 1 or doc[mark].text not in _APPOSITION_MARKS or first.lower_ not in {"a", "an", "the"}:
        return None
    before = doc[mark - 1]
    clauses = [
        t
        for t in [before, *before.ancestors]
        if t.pos_ in {"VERB", "AUX", "ADJ"} and child_by_dep(t, *SUBJECT_DEPS) is not None and t.i < mark
    ]
    verb = next((t for t in clauses if t.dep_ == "ccomp"), clauses[-1] if clauses else None)
    if verb is None:
        return None
    words = without_subordinator([t for t in verb.subtree if t.i < mark], verb)
    return trim_tokens(words[0], words[-1]) if content_words(words) >= 2 else None


def _portrayal(noun: Token) -> tuple[int, int] | None:
    """'the image of X as Y', a portrayal saying what someone is (the parser may hang 'as Y' on the verb)."""
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    after = noun.right_edge.i + 1
    as_prep = next((t for t in noun.subtree if t.lower_ == "as" and t.dep_ == "prep"), None)
    if as_prep is None and after < len(noun.doc) and noun.doc[after].lower_ == "as":
        as_prep = noun.doc[after]
    return None if as_prep is None else trim_tokens(noun.left_edge, as_prep.right_edge)
