"""The text side of quotes: quoted stretches, paragraphs, trimmed spans, and the `Attribution` record
(content, cue and speaker spans) that every way of finding a quote produces."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

DOUBLE_MARKS = '"“”„«»'
OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
# A double mark, or a newline (where a quote left open ends unless the next paragraph reopens it).
_MARK_OR_NEWLINE = re.compile(r"''+|[\n\"“”„«»]")
_EDGE_PUNCT = " \t\r\n,;:.-–—"
MARK_AND_PUNCT = DOUBLE_MARKS + "‘’'.,;:!?()[]"


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    route: str  # how the content was found: clause, colon, interrupting, as, intention, preposition, object,
    # according, noun, framed (the verb of the sentence around a quote), labelled (NAME: …), named colon
    # (… NAME: "…"), uncued


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches, marks included, in text order.

    Straight marks open or close by their neighbours (space before: opening; space or punctuation after:
    closing); two apostrophes ('') are a straight double mark, as some papers print it. A closing mark
    with nothing open is a stray and ignored; a mark left open closes at its paragraph's end, unless the
    next paragraph opens again (a multi-paragraph quote continues).
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _MARK_OR_NEWLINE.finditer(text):
        i, end = match.span()
        if match.group() == "\n":
            if open_at is not None and not _paragraph_reopens(text, i):
                spans.append((open_at, end_before_spaces(text, i)))
                open_at = None
            continue
        if _mark_role(text, i, end, open_at is not None) == "open":
            if open_at is None or not _continues_paragraph_quote(text, open_at, i):
                open_at = i  # an earlier mark left open in this paragraph was a stray
        elif open_at is not None:
            spans.append((open_at, end))
            open_at = None
    if open_at is not None:
        spans.append((open_at, end_before_spaces(text, len(text))))
    return [(s, e) for s, e in spans if any(c.isalnum() for c in text[s:e])]


def end_before_spaces(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _paragraph_reopens(text: str, newline: int) -> bool:
    """Whether the next non-blank line starts with an opening mark (a multi-paragraph quote)."""
    rest = text[newline:].lstrip()
    return rest.startswith("''") or (bool(rest) and rest[0] in DOUBLE_MARKS and rest[0] not in CLOSING_MARKS)


def _continues_paragraph_quote(text: str, open_at: int, i: int) -> bool:
    """A re-opening mark at the start of a paragraph that continues a quote left open."""
    line_start = text.rfind("\n", open_at, i)
    return line_start >= 0 and not text[line_start:i].strip()


def _mark_role(text: str, i: int, end: int, is_open: bool) -> str:
    """Straight marks by their neighbours; curly ones by their shape, except an opening mark that can
    only close (`…here,“ said X`: words before it, a space after, a quote open)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[end] if end < len(text) else " "
    space_before = before.isspace() or before in "([{—–-:"
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if ch in OPENING_MARKS:
        return "close" if is_open and space_after and not space_before else "open"
    if ch in CLOSING_MARKS:
        return "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "close" if is_open else "open"


def span_of_tokens(tokens: list[Token]) -> tuple[int, int] | None:
    """The stretch of text the tokens cover, without edge punctuation; None when no word is left.
    (`Doc.text` joins the whole document on every access, so only the hull's own text is read.)"""
    if not tokens:
        return None
    hull = tokens[0].doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]
    text, base = hull.text, hull.start_char
    trimmed = trim_span(text, 0, len(text))
    return None if trimmed is None else (base + trimmed[0], base + trimmed[1])


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The stretch without edge punctuation; None when no word is left."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return (start, end) if any(c.isalnum() for c in text[start:end]) else None


def overlap_of(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def paragraph_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def quote_around(span: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    index = bisect.bisect_right(quotes, span[0], key=lambda q: q[0]) - 1
    inside = index >= 0 and quotes[index][0] <= span[0] and span[1] <= quotes[index][1]
    return quotes[index] if inside else None
