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
    LATER = "later"  # after a past event, on either side of today: "agreed to meet Tuesday"


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
# Modals that point ahead ("must reply by Friday") but not with a perfect: "may have fled on Friday",
# "can't have left on Tuesday" guess about the past, while "will have finished by Friday" is ahead.
_MODAL_AUX = frozenset({"would", "must", "should", "may", "might", "can", "ca"})


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


def _is_clause_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound")


def _path_to_verb(doc: Doc, start: int, end: int) -> list[Token]:
    """The words from the span's root up to the verb that governs it, or up to four words when no verb
    is that near: "met on Monday" is Monday → on → met, "sales in the first half were flat" half → in →
    sales → were; further up is another clause's verb."""
    if not doc.has_annotation("DEP"):
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return []
    path = [span.root]
    while not _is_clause_verb(path[-1]) and len(path) < 4 and path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    verb, before = path[-1], doc[span.start - 1] if span.start > 0 else None
    if before is not None and verb.dep_ == "ccomp" and verb.head.i == before.i < span.root.i < verb.i:
        return [span.root, before]  # "said Tuesday it will close": the parse hung Tuesday on "close"
    return path


def states_plan(doc: Doc, start: int, end: int) -> bool:
    """Whether the span hangs on its verb itself, through a preposition or the day it is joined to
    ("reopens Tuesday", "is on Thursday", "runs Tuesday and Wednesday"), not through a noun ("follows
    Tuesday's declaration", "statements made Thursday by X is"), and the verb is not one of saying
    ("officials say Tuesday that ..." report what was said then)."""
    path = _path_to_verb(doc, start, end)
    return (
        len(path) > 1
        and _is_clause_verb(path[-1])
        and path[-1].lemma_ not in lex.SAYING_VERBS
        and path[0].dep_ != "poss"
        and all(
            word.dep_ == "prep" or below.dep_ == "conj"
            for below, word in zip(path[:-2], path[1:-1], strict=True)
        )
    )


def is_habitual(doc: Doc, start: int, end: int) -> bool:
    """Whether the verb governing the span says it recurs ("is usually held in the second quarter")."""
    path = _path_to_verb(doc, start, end)
    verb = path[-1] if path and _is_clause_verb(path[-1]) else None
    return verb is not None and any(c.lower_ in lex.HABITUAL_ADVERBS for c in verb.children)


def governing_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """Tense of the verb governing the span: 'will'/'shall' → future, past morphology → past; 'since'
    points back, and 'until', 'through' or 'by' under a present verb point ahead."""
    path = _path_to_verb(doc, start, end)
    preposition = next((word.lower_ for word in reversed(path) if word.dep_ == "prep"), "")
    tense = _tense_along(path, preposition)
    if preposition in lex.SINCE_WORDS:
        return Tense.PAST  # "shares have been halted since Friday"
    if tense is Tense.PRESENT and preposition in lex.DEADLINE_WORDS:
        return Tense.FUTURE  # "the offer runs through Friday"
    return tense


def _tense_along(path: list[Token], preposition: str) -> Tense | None:
    if any(word.lower_ in lex.FUTURE_WORDS for word in path):
        return Tense.FUTURE  # "payable Dec. 1", "due Monday"
    if not path or not _is_clause_verb(path[-1]):
        return None
    token = path[-1]
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
        return Tense.LATER  # "agreed to buy it in February": after the agreement, before or after today
    for verb in (token, token.head) if token.dep_ in ("xcomp", "ccomp") and token.tag_ == "VB" else (token,):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
        if any(a.lower_ in _FUTURE_AUX or (a.lower_ in _MODAL_AUX and not perfect) for a in auxes):
            return Tense.FUTURE
        if verb.lower_ in _FUTURE_AUX or verb.lower_ in _MODAL_AUX:
            return Tense.FUTURE
        if any(_is_past(a) for a in auxes) or verb.tag_ == "VBD" or (_is_past(verb) and verb.tag_ != "VBN"):
            return Tense.PAST
        if perfect:
            scheduled = verb.lemma_ in lex.SCHEDULING_VERBS and not _is_pluperfect(verb)
            return Tense.FUTURE if scheduled else Tense.PAST
        if verb.tag_ == "VBP" and not auxes and verb.lower_ in lex.SAME_IN_PAST_VERBS:
            return None  # "stocks hurt the index on Friday": past or present alike
        present = verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)
        if present and verb.dep_ not in ("xcomp", "ccomp"):
            return Tense.PRESENT
    return Tense.PRESENT if token.tag_ in ("VBZ", "VBP") else None
