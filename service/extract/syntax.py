"""Readings of the parse that more than one extractor needs."""

from __future__ import annotations

from spacy.tokens import Token


def child_by_dep(token: Token, *deps: str) -> Token | None:
    """The token's first child in one of these dependency relations."""
    return next((c for c in token.children if c.dep_ in deps), None)
