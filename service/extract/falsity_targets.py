"""Denials by a word of falsity: what "false", "a lie", "not true", "wrong" is said of ("the claims are
false", "called it a lie", "it is not true that X", "she is wrong to say X"), and None where the word
judges no claim ("the wrong impression", "not always true", "his view is wrong").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from service.extract.claim_nouns import complement_clause, noun_claim
from service.extract.claim_syntax import (
    SUBJECT_DEPS,
    is_relative_pronoun,
    negated,
    said_clause,
    trim_tokens,
)
from service.extract.denial_lexicon import (
    CLAIM_NOUNS,
    COPULAS,
    DEFINITE_DETERMINERS,
    FALSITY_ADJECTIVES,
    FALSITY_NOUNS,
    HEDGES,
    LABEL_VERBS,
    OPINION_FALSITY,
    OPINION_NOUNS,
    QUANTITY_NOUNS,
    REPORTING_VERBS,
    SAYING_VERBS,
    SPREAD_VERBS,
)
from service.extract.denial_objects import Target, clause_target, is_person, noun_target, relative_target
from service.extract.syntax import child_by_dep, has_mark

# Dependents by which a labelling verb names what it labels ("called the claims false", "described it as a lie").
_LABELLED_DEPS = frozenset({"dobj", "obj", "nsubjpass", "pobj", "attr", "oprd", "nmod", "appos", "conj"})


def is_falsity_word(token: Token) -> bool:
    """A falsity noun used as a noun ('a lie', not 'to lie'), a falsity adjective as an adjective."""
    lemma = token.lemma_.lower()
    if lemma in FALSITY_NOUNS:
        return token.pos_ in {"NOUN", "PROPN"}
    return (lemma in FALSITY_ADJECTIVES or lemma in OPINION_FALSITY) and (
        token.pos_ == "ADJ" or token.tag_ == "VBN"
    )


def is_not_true(token: Token) -> bool:
    """'not true' and 'not the case', but not 'not true of previous nominees'."""
    if token.lower_ not in {"true", "case"} or any(c.dep_ == "prep" for c in token.children):
        return False
    if token.lower_ == "case":
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        copular = token.dep_ == "attr" and _is_copula(token.head)
        return the and copular and negated(token.head) and not _hedged(token)
    return negated(token.head if token.dep_ == "acomp" else token) and not _hedged(token)


def _hedged(word: Token) -> bool:
    """'not always true', 'not necessarily the case': a qualification, not a denial."""
    return any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in [*word.children, *word.head.children])


def falsity_target(word: Token) -> Target | None:
    """'the claims are false', 'called it a lie', 'this fiction that X', 'It's nonsense'."""
    if word.lemma_.lower() in OPINION_FALSITY:
        return _opinion_target(word)
    return _falsity_target_of(word)


def _opinion_target(word: Token) -> Target | None:
    """'wrong', 'absurd' deny only a claim ('the report is wrong') or a person's saying ('she is wrong',
    'wrong for saying X'); 'wrong about taxes' or 'the plan is absurd' are opinions."""
    target = _falsity_target_of(word)
    noun = None if target is None else target.noun
    if noun is not None and noun.lemma_.lower() in CLAIM_NOUNS - OPINION_NOUNS:  # not "his view is wrong"
        return target
    if word.dep_ != "acomp" or not _is_copula(word.head):
        return None
    subject = child_by_dep(word.head, *SUBJECT_DEPS)
    if subject is None or not is_person(subject):
        return None
    preps = [c for c in [*word.children, *word.head.children] if c.dep_ == "prep"]
    if any(p.lower_ != "for" for p in preps):
        return None
    saying = next((t for p in preps for t in p.children if t.dep_ == "pcomp"), None)
    # "wrong for saying X", "wrong to say X"
    saying = saying or next(
        (c for c in word.children if c.dep_ == "xcomp" and c.lemma_.lower() in SAYING_VERBS), None
    )
    clause = None if saying is None else said_clause(saying)
    if clause is not None:  # what the person said, stated here; the person is its claimant
        target = clause_target(clause)
        return None if target is None else replace(target, noun=subject)
    return None if preps else Target(reference=subject.lower_, noun=subject)


def _is_definite_claim(noun: Token) -> bool:
    """'the false claims', 'his baseless charge': a particular claim, not a genre ('fake news stories')."""
    if noun.lemma_.lower() not in CLAIM_NOUNS or any(c.lower_ == "news" for c in noun.children):
        return False
    return complement_clause(noun) is not None or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in noun.children
    )


def _is_copula(token: Token) -> bool:
    return token.lemma_.lower() in COPULAS or token.lower_ in {"'s", "’s", "'re", "’re"}


def _falsity_target_of(word: Token) -> Target | None:
    """What a word of falsity is said of: the claim it qualifies, is predicated of, or labels."""
    lemma = word.lemma_.lower()
    # "the false claims", "Trump's baseless allegation that ..."; not "the wrong impression"
    if word.dep_ == "amod" or (word.dep_ == "conj" and word.head.dep_ == "amod"):
        noun = word.head if word.dep_ == "amod" else word.head.head  # "the absurd and inaccurate claim"
        strict = lemma not in OPINION_FALSITY
        return noun_target(noun) if strict and _is_definite_claim(noun) else None
    if lemma not in {"true", "case"} and (negated(word) or negated(word.head)):
        return None  # "not necessarily wrong"
    found, inner = noun_claim(word) if lemma in FALSITY_NOUNS else (False, None)
    if found:
        return None if inner is None else Target(inner, lemma)
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.lemma_.lower() in QUANTITY_NOUNS:
        word = word.head.head  # "it's a bunch of malarkey"
    head = word.head
    # copular: "<subject> is false / a lie / not true / not the case", "<subject> appears to be fabricated"
    if word.dep_ in {"acomp", "attr"} and _is_copula(head):
        extraposed = _extraposed_clause(head)  # "it is false that X", "it's misleading to imply that X"
        if extraposed is not None:
            return clause_target(extraposed)
        subject = _subject_of(head)
        if subject is not None and is_relative_pronoun(subject) and head.head.lemma_.lower() in CLAIM_NOUNS:
            return relative_target(head.head)  # "X, an idea that was untrue": X
        return None if subject is None else _claimer_target(subject) or noun_target(subject)
    if word.dep_ == "dobj" and head.lemma_.lower() in SPREAD_VERBS:  # "he is spreading lies"
        subject = _subject_of(head)
        return None if subject is None else _claimer_target(subject)
    if word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children):  # "appears to be fabricated"
        subject = _subject_of(word)
        return None if subject is None else noun_target(subject)
    # labelling: "called the claims false", "described it as a lie"
    label = head if head.lemma_.lower() in LABEL_VERBS else head.head if head.dep_ == "prep" else None
    if label is not None and label.lemma_.lower() in LABEL_VERBS and label.pos_ == "VERB":
        for t in label.subtree:
            if t.dep_ in _LABELLED_DEPS and t != word and t.i > label.i:
                target = noun_target(t)
                if target is not None:
                    return target
    return None


def _extraposed_clause(copula: Token) -> Token | None:
    """The that-clause an 'it' subject stands for: 'it is not true that X', 'it's misleading to say X'."""
    if not any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in copula.children):
        return None
    for child in copula.children:
        if child.dep_ == "ccomp" and has_mark(child, "that"):
            return child
        if child.dep_ == "xcomp" and child.lemma_.lower() in SAYING_VERBS | REPORTING_VERBS | {"imply"}:
            return said_clause(child)
    return None


def _claimer_target(subject: Token) -> Target | None:
    """Who is said to spread falsehoods: 'anyone claiming that X (is peddling fiction)' states X inside the
    denial ('he spreads lies' is a label, answering no claim in particular)."""
    if any(c.dep_ == "acl" and c.lemma_.lower() in SAYING_VERBS for c in subject.children):
        return Target(inner=trim_tokens(subject.left_edge, subject.right_edge), noun=subject)
    return None


def _subject_of(verb: Token) -> Token | None:
    """A verb's subject, or that of the verb it completes or shares it with ('the figures appear to be
    false', 'the figures were cited but are false')."""
    for _ in range(3):
        subject = child_by_dep(verb, *SUBJECT_DEPS)
        if subject is not None or verb.dep_ not in {"xcomp", "conj"}:
            return subject
        verb = verb.head
    return None
