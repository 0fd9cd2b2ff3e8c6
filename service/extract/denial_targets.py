"""What a denial cue denies, form by form: the clause it states ("denied that X", "it is not true that X"),
or the word by which it points at a claim made elsewhere ("rejected the allegations", "that's a lie",
"she made it up"). Each form returns None where it proposes, hedges or answers no claim ("rejected the
offer", "denied him entry", "not always true", "his world view is wrong"), so nothing downstream sees it.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from service.extract.claim_syntax import (
    SUBJECT_DEPS,
    clause_span,
    content_words,
    is_relative_pronoun,
    line_of,
    negated,
    said_clause,
    trim_tokens,
    trim_within,
)
from service.extract.denial_lexicon import (
    BACK_REFERENCE_PRONOUNS,
    CLAIM_NOUNS,
    DENIED_CHARGES,
    DENIED_THINGS,
    DENY_VERBS,
    FALSITY_ADJECTIVES,
    FALSITY_NOUNS,
    HEADLINE_CLAIM_CUES,
    HEADLINE_CUES,
    OPINION_FALSITY,
    REFUTE_VERBS,
    REJECT_VERBS,
    SAYING_VERBS,
)
from service.extract.denial_objects import (
    Target,
    apposed_clause,
    clause_target,
    is_person,
    noun_target,
    prep_object,
    relative_target,
)
from service.extract.falsity_targets import falsity_target, is_falsity_word, is_not_true
from service.extract.syntax import child_by_dep, has_mark, is_title_case

# Words that can start a denial, by lemma and by lower-case form (`target_of` tells which do).
CUE_LEMMAS = (
    DENY_VERBS
    | REFUTE_VERBS
    | REJECT_VERBS
    | FALSITY_NOUNS
    | FALSITY_ADJECTIVES
    | OPINION_FALSITY
    | {"make", "believe", "happen", "truth", "push"}
)
CUE_WORDS = HEADLINE_CUES | {"true", "case", "contrary"}
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def target_of(token: Token, sent: Span) -> Target | None:
    """What the word denies, by the denial form it starts; None when it starts none."""
    lemma = token.lemma_.lower()
    if lemma in DENY_VERBS and token.pos_ == "VERB":
        return _deny_target(token)
    if lemma in REFUTE_VERBS and token.pos_ == "VERB":
        return _object_target(token, require_claim_noun=False)
    if lemma in REJECT_VERBS and token.pos_ == "VERB":
        return _object_target(token, require_claim_noun=True)
    if is_falsity_word(token) or is_not_true(token):
        return falsity_target(token)
    if lemma == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return _made_up_target(token)
    if token.lower_ == "contrary":
        return _contrary_target(token)
    if lemma == "push" and token.pos_ == "VERB":
        return _pushback_target(token)
    if lemma in {"believe", "happen"} and token.pos_ == "VERB" and negated(token):
        return _disbelief_target(token)
    if lemma == "truth" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return _no_truth_target(token)
    if token.lower_ in HEADLINE_CUES and _in_headline(token, sent):
        return _headline_target(token, sent)
    return None


def _contrary_target(word: Token) -> Target | None:
    """'contrary to the claims of X, he is not plotting Y': the clause set against the claims."""
    to = next((c for c in word.children if c.lower_ == "to"), None)
    noun = None if to is None else child_by_dep(to, "pobj")
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    verb = next((a for a in word.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    after = noun.right_edge.i
    said = said_clause(verb) if verb.lemma_.lower() in SAYING_VERBS else None
    if said is not None and said.left_edge.i > after:  # "contrary to X's claims, officials say Y": Y
        return Target(inner=clause_span(said), noun=noun)
    tokens = [t for t in verb.subtree if t.i > after and not (t.is_punct and t.i == after + 1)]
    if verb.i <= after or content_words(tokens) < 2:
        return None
    return Target(inner=trim_tokens(tokens[0], tokens[-1]), noun=noun)


def _pushback_target(verb: Token) -> Target | None:
    """'pushed back on/against the report (that X)': the claim noun after it."""
    if not any(c.lower_ == "back" for c in verb.children):
        return None
    noun = prep_object(verb, {"on", "against"})
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS or negated(verb):
        return None
    return noun_target(noun)


def _disbelief_target(verb: Token) -> Target | None:
    """'Don't believe it', 'I don't believe that', 'it never happened': a pronoun for a claim made before."""
    subject = child_by_dep(verb, "nsubj")
    if verb.lemma_.lower() == "happen":  # a past event denied, not "it won't happen" or "can't be happening"
        if verb.tag_ != "VBD" and not any(c.lemma_ == "do" for c in verb.children):
            return None  # not "it hasn't happened (yet)", an expectation
        if any(c.tag_ == "MD" for c in verb.children):
            return None
        word = subject
    else:  # the speaker's or an imperative disbelief, not a report of someone else's
        if subject is not None and subject.lower_ not in {"i", "we"}:
            return None
        word = child_by_dep(verb, "dobj")
    if word is None or word.lower_ not in BACK_REFERENCE_PRONOUNS or is_relative_pronoun(word):
        return None
    return Target(reference=word.lower_, noun=word)


def _no_truth_target(truth: Token) -> Target | None:
    """'there is no truth to the reports (that X)'."""
    noun = prep_object(truth, {"to", "in"})
    return None if noun is None else noun_target(noun)


def _made_up_target(verb: Token) -> Target | None:
    """'made up the story', 'she just made it up'."""
    if negated(verb):
        return None
    words = [*verb.children, *(g for c in verb.children if c.dep_ == "prt" for g in c.children)]
    obj = next((c for c in words if c.dep_ in {"dobj", "nsubj"} and c.i > verb.i), None)
    target = None if obj is None else noun_target(obj)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if target is not None and subject is not None and is_person(subject):
        return replace(target, noun=subject)  # "she made it up": she made the claim
    return target


def _in_headline(token: Token, sent: Span) -> bool:
    """A title-case line ('Trump Denies Tyson Was Invited'), where the tagger misreads verbs as names."""
    start, end = line_of(sent, token)
    return is_title_case(sent.text[start - sent.start_char : end - sent.start_char])


def _headline_target(token: Token, sent: Span) -> Target | None:
    """'X Denies Y Invited to Z': what follows the cue word is the denied claim."""
    word = token.lower_  # one of HEADLINE_CUES (`target_of`)
    end = line_of(sent, token)[1]
    rest = [t for t in sent if token.i < t.i and t.idx + len(t) <= end]
    if word in HEADLINE_CLAIM_CUES and not (rest and rest[0].lemma_.lower() in CLAIM_NOUNS):
        return None
    if sum(t.is_alpha and not t.is_stop for t in rest) < 2:
        return None
    return Target(inner=trim_within(sent, rest[0].idx, end))


def _deny_target(verb: Token) -> Target | None:
    """'denied that X' / 'denied it' / 'which he denied'; not 'denied him entry' or 'no denying'."""
    if negated(verb) or any(c.dep_ == "dative" for c in verb.children):
        return None
    passive = any(c.dep_ == "auxpass" and c.lower_ not in {"'s", "’s"} for c in verb.children)
    if passive and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "workers were denied overtime"; not "he's denied it"
    if verb.dep_ == "attr" or (verb.i > 0 and verb.doc[verb.i - 1].lower_ in {"no", "not"}):
        return None
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"} and not _noun_like(child):
            return clause_target(child)
    if verb.dep_ == "relcl" and any(c.lower_ in {"which", "that"} for c in verb.children):
        # "allegations that he assaulted her, which he has denied": the claim noun above the clause
        claim_noun = next((a for a in verb.ancestors if a.lemma_.lower() in CLAIM_NOUNS), None)
        if claim_noun is None:
            return None
        return relative_target(claim_noun)  # "X said Y, a charge that Z denied": Y
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objects = objects or [c for c in verb.children if c.dep_ == "nsubjpass" and verb.tag_ == "VBN"]
    for child in objects[:1]:
        if child.lemma_.lower() in DENIED_THINGS:
            return None
        target = noun_target(child)
        if target is None and child.lemma_.lower() in DENIED_CHARGES:
            return Target(reference=child.lower_, noun=child)
        return target
    return None


def _noun_like(clause: Token) -> bool:
    """'denied the change being sought': a subject with a participle, a thing denied, not a statement."""
    finite = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in clause.children)
    return has_subject and not any(t.tag_ in _FINITE_TAGS for t in finite)


def _object_target(verb: Token, require_claim_noun: bool) -> Target | None:
    """'rejected the allegations (that X)', 'refuted the report', 'dismissed it as false'."""
    if negated(verb):
        return None
    if verb.dep_ == "amod":  # "X rubbished Y's claim" parsed with the verb as a modifier
        noun = verb.head.head if verb.head.dep_ == "poss" else verb.head
        return noun_target(noun) if noun.lemma_.lower() in CLAIM_NOUNS else None
    relative = child_by_dep(verb, "dobj")
    if verb.dep_ == "relcl" and (relative is None or relative.lower_ in {"that", "which"}):
        # "X said Y, a claim (that) the engineers rejected": Y
        apposed = apposed_clause(verb.head) if verb.head.lemma_.lower() in CLAIM_NOUNS else None
        if apposed is not None:
            return Target(apposed, verb.head.lower_, verb.head)
    for child in verb.children:  # "rejected that X": the clause right after the verb, not a later one
        clause = child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"} and has_mark(child, "that")
        if clause and child.left_edge.i == verb.i + 1:
            return clause_target(child)
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            if _as_falsity(verb):
                return noun_target(child, any_noun=True)
            target = noun_target(child)
            if require_claim_noun and (
                target is None or target.noun is None or target.noun.lemma_.lower() not in CLAIM_NOUNS
            ):
                return None
            return target
    return None


def _as_falsity(verb: Token) -> bool:
    """'dismissed the report as false/a lie'."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            return any(is_falsity_word(t) for t in prep.subtree)
    return False
