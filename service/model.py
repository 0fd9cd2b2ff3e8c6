"""Loads the spaCy model the way every part of the service parses: with paragraph breaks as sentence
breaks.

News text puts its headline, dateline and paragraphs on lines of their own, often with no full stop
between them, and the small English parser then runs a headline into the lead sentence. A sentence that
spans a paragraph break is always wrong for news; marking the breaks before the parser runs makes it
parse each paragraph on its own, which quotes, claims and dates all read from. A single line break that
only wraps a sentence (hard-wrapped text) is left alone.
"""

from __future__ import annotations

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Token

PARAGRAPH_BREAKS = "paragraph_breaks"


# What ends a line that ends a sentence or a headline ("…said.", "…:", "…”"); a line ending otherwise
# was wrapped mid-sentence, unless it looks like a headline running into a new sentence.
_LINE_ENDERS = frozenset(".!?:;\"”’')]…")
_CONTINUERS = frozenset(",-–—(/&")


@Language.component(PARAGRAPH_BREAKS)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after a blank line, or after a single line break that ends a
    sentence or a headline (not one that wraps a sentence: "the council⏎would vote"). The parser keeps
    such starts."""
    is_space = doc.to_array(IS_SPACE)
    following = 0
    for start in numpy.flatnonzero(is_space).tolist():  # only whitespace runs are read: this runs per request
        if start < following:
            continue  # inside the run read already
        following, newlines = start, 0
        while following < len(doc) and is_space[following]:
            newlines += doc[following].text.count("\n")
            following += 1
        previous = doc[start - 1] if start > 0 else None
        if newlines and following < len(doc) and (newlines > 1 or _ends_line(previous, doc[following])):
            doc[following].is_sent_start = True
    return doc


def _ends_line(previous: Token | None, following: Token) -> bool:
    """Whether a single line break ends a sentence or a headline: after closing punctuation; after a
    capitalised word when a capitalised word follows ("… Talks In Rivertown⏎John Smith said"); after a
    lower-case word only when a capitalised common word starts the next line ("Court ruling
    delayed⏎The judge …", not "met the⏎Mayor of Leeds" or "the council⏎would vote")."""
    if previous is None or previous.text[-1] in _LINE_ENDERS:
        return True
    if previous.text in _CONTINUERS:
        return False
    first = following.text[0]
    if previous.text[0].islower():
        return first.isupper() and following.tag_ not in ("NNP", "NNPS")  # the tagger has run
    return first.isupper() or first.isdigit() or first in "\"“‘'"


def load_model(name: str) -> Language:
    """The spaCy package or path `name`, with paragraph breaks marked ahead of its parser (if it has one)."""
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp
