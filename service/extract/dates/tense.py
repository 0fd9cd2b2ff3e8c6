"""Tense of the verb that governs a date, read from spaCy's parse and morphology.

Why: a weekday, month, quarter or season named without its year is the past occurrence under a past
verb ("met on Monday") and the next one under a future verb ("will meet on Monday").
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Doc, Token

from service.extract import date_lexicon as lex


class Tense(Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


_FUTURE_AUX = frozenset(
    {"will", "'ll", "shall", "wo", "would", "must", "should", "may", "might", "can", "ca"}
)


def _is_past(token: Token) -> bool:
    return "Tense=Past" in str(token.morph)


def _is_pluperfect(verb: Token) -> bool:
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children)


def _is_to_be_done(verb: Token) -> bool:
    """'is to meet', 'are to be completed': a present 'be' with a 'to' infinitive is a plan."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and head.tag_ in ("VBZ", "VBP")
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    )


def governing_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """Tense of the verb governing the span: 'will'/'shall' → future, past morphology → past."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    preposition = ""
    for _ in range(3):  # "met on Monday": Monday → on → met; further up is another clause's verb
        if token.lower_ in lex.FUTURE_WORDS:
            return Tense.FUTURE  # "payable Dec. 1", "due Monday"
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
            break
        if token.dep_ == "prep":
            preposition = token.lower_
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    if token.lemma_ in lex.DEFERRING_VERBS and preposition in lex.DEFERRED_TO:
        return Tense.FUTURE  # "postponed the vote until Tuesday", "was set for Nov. 21"
    if token.tag_ == "VB" and token.dep_ in ("xcomp", "ccomp") and token.head.lemma_ in lex.FUTURE_HEADS:
        if _is_pluperfect(token.head):
            return Tense.PAST  # "had been scheduled to expire Friday": a plan that has passed
        return Tense.FUTURE  # "is set to resume Monday"
    if _is_to_be_done(token):
        return Tense.FUTURE  # "the talks are to resume Friday"
    if token.tag_ == "VBN" and token.dep_ == "acl" and token.lemma_ in lex.PLANNED_PARTICIPLES:
        return Tense.FUTURE  # "the vote, expected Friday, ..."
    if token.tag_ == "VB" and token.dep_ == "xcomp" and _is_past(token.head):
        return None  # "agreed to buy it in February": after the agreement, before or after today
    for verb in (token, token.head) if token.dep_ in ("xcomp", "ccomp") and token.tag_ == "VB" else (token,):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_AUX for a in auxes):
            return Tense.FUTURE
        if verb.lower_ in _FUTURE_AUX:
            return Tense.FUTURE
        if any(_is_past(a) for a in auxes) or verb.tag_ == "VBD" or (_is_past(verb) and verb.tag_ != "VBN"):
            return Tense.PAST
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            scheduled = verb.lemma_ in lex.SCHEDULING_VERBS and not _is_pluperfect(verb)
            return Tense.FUTURE if scheduled else Tense.PAST
        present = verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)
        if present and verb.dep_ not in ("xcomp", "ccomp"):
            return Tense.PRESENT
    return Tense.PRESENT if token.tag_ in ("VBZ", "VBP") else None
