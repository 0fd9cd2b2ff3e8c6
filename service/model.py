"""Loads the spaCy model the way every part of the service parses: with paragraph breaks as sentence
breaks.

News text puts its headline, dateline and paragraphs on lines of their own, often with no full stop
between them, and the small English parser then runs a headline into the lead sentence. A sentence that
spans a paragraph break is always wrong for news; marking the breaks before the parser runs makes it
parse each paragraph on its own, which quotes, claims and dates all read from. A single line break that
only wraps a sentence (hard-wrapped text) is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
import spacy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

PARAGRAPH_BREAKS = "paragraph_breaks"
# The longest stretch without whitespace spaCy's tokenizer is handed at once. It peels prefixes and
# suffixes off a word one character at a time, searching the rest again each time: a run of punctuation or
# emoji costs time quadratic in its length (4,000 "$" take 2 s, a 200k-character run of them hours, with
# the spaCy thread held). Words in news are far shorter; a longer run (a pasted link, "!!!…", base64) is
# tokenized in pieces of this size, at most a word split where a piece ends.
MAX_TOKENIZER_RUN = 100
# The most words the parser is given as one sentence; the longest of 32k sentences in news is about 220.
MAX_SENTENCE_TOKENS = 250
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKENIZER_RUN + 1},}}")


class PiecewiseTokenizer:
    """spaCy's tokenizer, handed text with no whitespace run longer than MAX_TOKENIZER_RUN: longer runs
    are tokenized in pieces and the pieces joined into one Doc with the same text and offsets."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = [
            cut
            for run in _LONG_RUN.finditer(text)
            for cut in range(run.start() + MAX_TOKENIZER_RUN, run.end(), MAX_TOKENIZER_RUN)
        ]
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        pieces = [self.tokenizer(text[start:end]) for start, end in zip(bounds, bounds[1:], strict=False)]
        return Doc.from_docs(pieces, ensure_whitespace=False)


# What ends a line that ends a sentence or a headline ("…said.", "…:", "…”"); a line ending otherwise
# was wrapped mid-sentence, unless it looks like a headline running into a new sentence.
_LINE_ENDERS = frozenset(".!?:;\"”’')]…")
_CONTINUERS = frozenset(",-–—(/&")


@Language.component(PARAGRAPH_BREAKS)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first word after a blank line, or after a single line break that ends a
    sentence or a headline (not one that wraps a sentence: "the council⏎would vote"), and within any
    stretch too long to be one. The parser keeps such starts."""
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
    _bound_sentences(doc)
    return doc


def _bound_sentences(doc: Doc) -> None:
    """Start a sentence every MAX_SENTENCE_TOKENS words of a stretch with no start marked: a text without
    breaks would be one tree, and every reading of a cue's clause walks it (quotes took 12 s on 15k
    characters of "he said that ...")."""
    starts = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    for begin, end in zip([0, *starts], [*starts, len(doc)], strict=True):
        for index in range(begin + MAX_SENTENCE_TOKENS, end, MAX_SENTENCE_TOKENS):
            doc[index].is_sent_start = True


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
    """The spaCy package or path `name`, tokenizing long runs in pieces, with paragraph breaks marked ahead
    of its parser (if it has one)."""
    nlp = spacy.load(name)
    nlp.tokenizer = PiecewiseTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp
