"""The one place where code-point offsets become the client's offset encoding.

Extractors work in code points (Python `str` indices into `doc.text`); clients in JavaScript or Java
index strings in UTF-16 code units, and byte-oriented clients in UTF-8.
"""

from __future__ import annotations

from itertools import accumulate
from typing import TypeVar

from pydantic import BaseModel

from schemas import OffsetEncoding, Span

Model = TypeVar("Model", bound=BaseModel)


def _unit_width(char: str, encoding: OffsetEncoding) -> int:
    if encoding is OffsetEncoding.utf16:
        return 2 if ord(char) > 0xFFFF else 1
    return len(char.encode("utf-8", "surrogatepass"))


def offset_table(text: str, encoding: OffsetEncoding) -> list[int] | None:
    """Code-point index → encoded index (len(text) + 1 entries); None when the two are the same."""
    if encoding is OffsetEncoding.codepoint or text.isascii():
        return None
    if encoding is OffsetEncoding.utf16 and all(ord(c) <= 0xFFFF for c in text):
        return None
    return [0, *accumulate(_unit_width(c, encoding) for c in text)]


def convert_offsets(model: Model, table: list[int] | None) -> Model:
    """A copy of `model` whose every span (at any depth) uses the encoded offsets."""
    if table is None:
        return model
    update: dict[str, object] = {}
    if isinstance(model, Span):
        update = {"start": table[model.start], "end": table[model.end]}
    for name, value in model:
        if isinstance(value, BaseModel):
            update[name] = convert_offsets(value, table)
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            update[name] = [convert_offsets(item, table) for item in value]
    return model.model_copy(update=update)
