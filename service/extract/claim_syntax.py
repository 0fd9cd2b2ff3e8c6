"""Readings of the parse shared by denials and claims: which words to look at, negation, what a clause
states and where its words begin and end once trimmed of edge punctuation and quote marks.

Spans are code-point offsets into `doc.text`, read off the smallest span that holds them: `Doc.text` is
rebuilt whole on each access, which per denial or clause made long documents quadratic.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from service.extract.denial_lexicon import GLOSS_VERBS, PROPOSAL_MODALS
from service.extract.syntax import child_by_dep, set_off_by_comma

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Negations the parser may leave unlabelled ("isn’t" with a curly apostrophe is sometimes read as a number).
_NEGATIONS = frozenset({"no", "cannot", "can't", "can’t", "never", "n't", "n’t"})
_EDGE = " \t\r\n,;:-–—"
_CLAUSE_ENDS = frozenset({";", "—", "–"})
_CLOSING_QUOTES = frozenset({"”", "''", '"'})
# Words opening a clause that are not part of what it states ("said that X", "when X happens").
_SUBORDINATORS = frozenset({"that", "when", "whenever"})


def words_among(doc: Doc, lemmas: frozenset[str], words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form is listed, read as arrays: building a Token for
    every word of a long document is most of the cost of a pass over it."""
    tags = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    lemma_ids = [strings[form] for w in lemmas for form in (w, w.capitalize())]  # names keep their case
    word_ids = [strings[w] for w in words]
    wanted = numpy.isin(tags[:, 0], lemma_ids) | numpy.isin(tags[:, 1], word_ids)
    return [int(i) for i in numpy.flatnonzero(wanted)]


def negated(token: Token) -> bool:
    """'did not deny', 'never happened', 'no truth': the word is negated."""
    return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in token.children)


def is_relative_pronoun(token: Token) -> bool:
    """'that' / 'which' opening a relative clause ('stereotypes that are untrue'), not pointing back."""
    return token.lower_ in {"that", "which"} and any(
        a.dep_ in {"relcl", "acl"} for a in [token.head, *token.head.ancestors][:2]
    )


def said_clause(verb: Token) -> Token | None:
    """The clause a verb of saying reports ('said that X': X)."""
    return child_by_dep(verb, "ccomp")


def is_proposal_clause(clause: Token) -> bool:
    """'that we should raise taxes' proposes, it does not assert."""
    return any(t.lower_ in PROPOSAL_MODALS for t in clause.doc[clause.left_edge.i : clause.i])


def content_words(tokens: Iterable[Token]) -> int:
    """How many words say something (content parts of speech, not stop words)."""
    return sum(t.pos_ in CONTENT_POS and not t.is_stop for t in tokens)


def stated_clause(clause: Token, min_content: int) -> tuple[int, int] | None:
    """What a clause states, unless it proposes or is too thin to state anything."""
    if is_proposal_clause(clause):
        return None
    words = clause.doc[clause.left_edge.i : clause.right_edge.i + 1]  # its subtree, read as a slice
    return None if content_words(words) < min_content else clause_span(clause)


def clause_span(head: Token) -> tuple[int, int]:
    """Span of a clause without its leading 'that' (or 'when') and edge punctuation."""
    # "..., saying Y" after the clause is its reporter's gloss, not part of what is stated
    glosses = [c for c in head.children if c.dep_ == "advcl" and c.i > head.i and c.tag_ == "VBG"]
    glossed = {t.i for g in glosses if g.lemma_.lower() in GLOSS_VERBS for t in g.subtree}
    tokens = [t for t in head.subtree if t.i not in glossed]
    # "..., which he has denied" closing it is a comment on the clause, not part of what it states
    aside = next((t for t in tokens if t.i > head.i and _comment_clause(t)), None)
    if aside is not None and all(t.is_punct for t in tokens if t.i > aside.right_edge.i):
        tokens = [t for t in tokens if t.i < aside.left_edge.i]
    tokens = without_subordinator(tokens, head)
    # a dash, a semicolon or a quote closed after a comma (',"') after the verb ends what the clause states
    end = next((t for t in tokens if t.i > head.i and _ends_clause(t)), None)
    if end is not None and end.i > tokens[0].i:
        tokens = [t for t in tokens if t.i < end.i]
    return trim_tokens(tokens[0], tokens[-1])


def without_subordinator(tokens: list[Token], head: Token) -> list[Token]:
    """A clause's words without the 'that' (or 'when') opening it, before its head however the parser
    labelled it ('a report that he was weighing quitting' makes 'that' an object), but not a determiner
    ('that plan'); all of them when nothing else would be left."""
    while (
        len(tokens) > 1
        and tokens[0].lower_ in _SUBORDINATORS
        and tokens[0].i < head.i
        and tokens[0].dep_ != "det"
    ):
        tokens = tokens[1:]
    return tokens


def _comment_clause(token: Token) -> bool:
    """A relative clause set off by a comma (', which he denied'), which comments rather than restricts."""
    return token.dep_ == "relcl" and set_off_by_comma(token)


def _ends_clause(token: Token) -> bool:
    """A dash or semicolon, or a quote mark closed beside a comma, ends what a clause states."""
    if token.text in _CLAUSE_ENDS:
        return True
    doc = token.doc
    by_comma = (token.i > 0 and doc[token.i - 1].text == ",") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == ","
    )
    return token.text in _CLOSING_QUOTES and by_comma  # not scare quotes ('a "socialist" of ...')


def trim_tokens(first: Token, last: Token) -> tuple[int, int]:
    """The span from one token to another, trimmed."""
    span = first.doc[first.i : last.i + 1]
    return trim_within(span, span.start_char, span.end_char)


def trim_within(span: Span, start: int, end: int) -> tuple[int, int]:
    """`trim` of doc offsets inside a span, reading only the span's text: `doc.text` is rebuilt whole on
    each access, which per denial or clause made long documents quadratic."""
    offset = span.start_char
    start, end = trim(span.text, start - offset, end - offset)
    return start + offset, end + offset


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without edge spaces, punctuation and quote marks (and a final full stop)."""
    while start < end and (text[start] in _EDGE or text[start] in "\"'“”‘’"):
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] in ".\"'“”‘’"):
        end -= 1
    return start, end


def line_of(sent: Span, token: Token) -> tuple[int, int]:
    """The sentence holding the cue, cut at line breaks (a headline is a sentence of its own)."""
    text, offset = sent.text, sent.start_char
    cue = token.idx - offset
    start, end = 0, len(text)
    before = text.rfind("\n", start, cue)
    after = text.find("\n", cue, end)
    if before >= 0:
        start = before + 1
    if after >= 0:
        end = after
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start + offset, end + offset
