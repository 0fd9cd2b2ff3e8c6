"""Loads the spaCy model the way every part of the service parses: with paragraph breaks as sentence
breaks.

News text puts its headline, dateline and paragraphs on lines of their own, often with no full stop
between them, and the small English parser then runs a headline into the lead sentence. A sentence that
spans a paragraph break is always wrong for news; marking the breaks before the parser runs makes it
parse each paragraph on its own, which quotes, claims and dates all read from.
"""

from __future__ import annotations

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAKS = "paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after a line break (the parser keeps such starts)."""
    is_space = doc.to_array(IS_SPACE)
    for i in numpy.flatnonzero(is_space).tolist():
        if "\n" in doc[i].text:
            following = i + 1
            while following < len(doc) and is_space[following]:
                following += 1
            if following < len(doc):
                doc[following].is_sent_start = True
    return doc


def load_model(name: str) -> Language:
    """The spaCy package or path `name`, with paragraph breaks marked ahead of its parser (if it has one)."""
    nlp = spacy.load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp
