"""Readings of the parse that more than one extractor needs."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_TEXT = "news_enrich.text"
# Double quotation marks as the tokenizer splits them off (straight, curly and the `` '' of typeset text).
DOUBLE_QUOTE_TOKENS = frozenset({"“", "”", '"', "''", "``"})


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per document and kept on it: spaCy joins a Token per word on every access,
    and each extractor reads the text (a fifth of their time went into rebuilding it)."""
    text = doc.user_data.get(_TEXT)
    if not isinstance(text, str):
        text = doc.user_data[_TEXT] = doc.text
    return text


def child_by_dep(token: Token, *deps: str) -> Token | None:
    """The token's first child in one of these dependency relations."""
    return next((c for c in token.children if c.dep_ in deps), None)


def has_mark(clause: Token, *marks: str) -> bool:
    """Whether a clause opens with one of these subordinators ('that X')."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def set_off_by_comma(token: Token) -> bool:
    """Whether the phrase a token heads follows a comma (', which he denied', ', speaking in Ohio,'): an
    aside to what comes before, not part of it."""
    first = token.left_edge
    return first.i > 0 and token.doc[first.i - 1].text == ","


def is_title_case(line: str) -> bool:
    """A headline-style line ('Senator Denies Report On Trip'), where the tagger reads most words as names."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
