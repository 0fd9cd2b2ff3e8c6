"""Quotes found by layout rather than by a cue: a line "NAME: …" (a transcript turn, a credited headline),
a quote after a colon that closes a name, a quoted stretch no cue claims (framed by a nearby verb, or
continuing the last speaker), and a credit line closing a pull quote."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from service.extract.entities import EntityClusters
from service.extract.quote_extent import extend_by_marks
from service.extract.quote_framing import cue_around, is_utterance
from service.extract.quote_speakers import COLON_SPEAKER_LABELS, SPEAKER_LABELS, is_verb
from service.extract.quote_text import (
    DOUBLE_MARKS,
    MARK_AND_PUNCT,
    Attribution,
    end_before_spaces,
    overlap_of,
    paragraph_of,
    quote_around,
)

_DASHES = frozenset({"-", "–", "—", "--"})
_TITLE_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with"}
)
# A quoted stretch no cue claimed is a quote from this many words; with a verb framing it, from fewer.
MIN_UNCUED_WORDS = 4
MIN_FRAMED_WORDS = 2
# The most characters between a quote and the next one that continues it across its attribution.
MAX_CONTINUATION_GAP = 60


def labelled_lines(text: str, entities: EntityClusters) -> list[Attribution]:
    """`NAME: what was said` — a transcript turn or a headline credited to its source ("Newspaper: …"):
    the label is a name of a few capitalised words (an entity, or capitals as transcripts write speakers)."""
    found = []
    for match in _LABELLED_LINE.finditer(text):
        label_start, label_end = match.span("label")
        label = match.group("label")
        named = any(
            m.label in SPEAKER_LABELS and label_start <= m.start and m.end <= label_end
            for m in entities.mentions
        )
        shouting = label.replace(" ", "").replace(".", "").isupper()
        if (
            (named or shouting)
            and _looks_like_title(label.split())
            and label.upper() not in _NOT_SPEAKER_LABELS
        ):
            content = (match.start("content"), end_before_spaces(text, match.end("content")))
            found.append(Attribution(content, match.span("colon"), (label_start, label_end), "labelled"))
    return found


def named_colon_quotes(
    doc: Doc, text: str, quotes: list[tuple[int, int]], entities: EntityClusters
) -> list[Attribution]:
    """`… - Pollster Ann Lee: "…"`, `More from the Institute: "…"`: a quote right after a colon that
    closes a name is that name's (a credit inside a line, where `labelled_lines` needs the line start),
    unless a verb governs the name (`X told CNN: "…"`, `X said on Twitter: "…"`: X is the source) and no
    dash sets the name off as a credit."""
    named_ending_at = {m.end: m for m in entities.mentions if m.label in COLON_SPEAKER_LABELS}
    found = []
    for start, end in quotes:
        colon = start - 1
        while colon >= 0 and text[colon] in " \t":
            colon -= 1
        if colon < 0 or text[colon] != ":":
            continue
        name = named_ending_at.get(colon)
        span = None if name is None else doc.char_span(name.start, name.end, alignment_mode="expand")
        credited = span is not None and any(
            t.text in _DASHES for t in doc[max(0, span.start - 3) : span.start]
        )
        if name is not None and span is not None and (credited or not _governed_by_verb(span.root)):
            found.append(Attribution((start, end), (colon, colon + 1), (name.start, name.end), "named colon"))
        elif (dashed := _DASHED_CREDIT.search(text, max(0, colon - 80), colon)) is not None:
            found.append(Attribution((start, end), (colon, colon + 1), dashed.span("name"), "named colon"))
    return found


# "… - Ann Weller:" / "… — Pew Research:" before a quote: a credit the entity recognizer may miss.
_DASHED_CREDIT = re.compile(r" [-–—] (?P<name>[A-Z][\w.'’&]*(?: [A-Z][\w.'’&]*){0,4})$")


def _governed_by_verb(token: Token) -> bool:
    """An object of a verb, directly or through a preposition ("told CNN", "wrote on Twitter")."""
    head = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in ("dobj", "dative", "pobj") and is_verb(head)


def _looks_like_title(words: list[str]) -> bool:
    """ "State of the Union", "Make America Great Again": every word but short function words capitalised."""
    letters = [w.strip(MARK_AND_PUNCT) for w in words]
    content = [w for w in letters if w and w[0].isalpha() and w.lower() not in _TITLE_FUNCTION_WORDS]
    return all(w[0].isupper() for w in content)


_LABELLED_LINE = re.compile(
    r"^[ \t]*(?P<label>[A-Z][\w.'’-]*(?: [\w.'’-]+){0,4})(?P<colon>:)[ \t]+(?P<content>\S[^\n]*)$",
    re.MULTILINE,
)
# Labels before a colon that name a kind of text, not its source.
_NOT_SPEAKER_LABELS = frozenset(
    {
        "UPDATE",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "PHOTO",
        "VIDEO",
        "WATCH",
        "READ",
        "RELATED",
        "SOURCE",
        "Q",
        "A",
    }
)


def uncued_quotes(
    doc: Doc, text: str, quotes: list[tuple[int, int]], found: list[Attribution]
) -> list[Attribution]:
    """Quoted stretches no cue claimed (titles aside, unless a verb after them frames them as said, as in
    `"Boston," he answered`; a title in a list is also closed by a comma): the verb of the sentence
    around the quote is the cue; a quote alone in its sentence continues the last speaker before it in its
    paragraph, else the next one in its paragraph, else the last one in the paragraph before, else the
    person named nearest (`_person_near`). A quote resuming an attribution grows that attribution in
    `found`, in place, instead of being returned."""
    extra: list[Attribution] = []
    for span in quotes:
        length = span[1] - span[0]
        if any(overlap_of(span, f.content) * 2 >= length for f in found):
            continue
        words = text[span[0] : span[1]].split()
        if extra and overlap_of(span, extra[-1].content) * 2 >= length:
            continue  # resumed after the attribution of the quote before
        framed = cue_around(doc, span, quotes)
        utterance = framed is not None and framed.cue[0] >= span[1] and is_utterance(doc, span)
        if not utterance and _looks_like_title(words):
            continue
        if framed is not None and (utterance or len(words) >= MIN_FRAMED_WORDS):
            extra.append(extend_by_marks(doc, text, framed, quotes))
            continue
        if len(words) < MIN_UNCUED_WORDS:
            continue
        paragraph = paragraph_of(text, span[0])
        if (credit := _credit_line_after(text, span)) is not None:
            extra.append(Attribution(span, (span[0], span[0]), credit, "uncued"))
            continue
        previous = paragraph_of(text, max(0, paragraph[0] - 2))
        spoken = [f for f in found + extra if f.speaker is not None]
        before = [f for f in spoken if previous[0] <= f.cue[0] < span[0]]
        after = [f for f in spoken if span[1] <= f.cue[0] < paragraph[1]]
        if after and not any(f.cue[0] >= paragraph[0] for f in before):
            before = []  # the speaker of the paragraph before gives way to one named in this paragraph
        nearest = (
            max(before, key=lambda f: f.cue[0])
            if before
            else min(after, key=lambda f: f.cue[0], default=None)
        )
        if nearest is not None and nearest in before and _continues(text, nearest, span):
            grown = Attribution((nearest.content[0], span[1]), nearest.cue, nearest.speaker, nearest.route)
            found[:] = [grown if f is nearest else f for f in found]
            extra[:] = [grown if f is nearest else f for f in extra]
            continue
        speaker = _person_near(doc, previous[0], span, quotes) if nearest is None else nearest.speaker
        extra.append(Attribution(span, (span[0], span[0]), speaker, "uncued"))
    return extra


# A line that only names who said the quote left open above it, and closes it (a pull-quote credit):
# `"… ¶ Name, Organisation."`
_CREDIT_LINE = re.compile(
    r"[ \t]*(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})(?:,[^\n.]{0,60})?\.?[\"”][ \t]*$"
)


def _credit_line_after(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The name on a credit line right after a quote's paragraph, if the next line is one."""
    end = text.find("\n", span[1] - 1)
    if end < 0 or paragraph_of(text, span[0])[1] != end:
        return None
    start = end
    while start < len(text) and text[start] in "\n \t":
        start += 1
    line_end = paragraph_of(text, start)[1] if start < len(text) else start
    match = _CREDIT_LINE.fullmatch(text, start, line_end)
    return None if match is None else match.span("name")


def _person_near(
    doc: Doc, since: int, span: tuple[int, int], quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """With no attribution around, the person last named before the quote (in its paragraph or the one
    before), outside quotes, else the first one named after it in its sentence."""
    people = [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and quote_around((e.start_char, e.end_char), quotes) is None
    ]
    before = [e for e in people if since <= e.start_char and e.end_char <= span[0]]
    covered = doc.char_span(span[0], span[1], alignment_mode="expand")
    sentence_end = covered[-1].sent.end if covered is not None and len(covered) > 0 else 0
    after = [e for e in people if e.start_char >= span[1] and e.end <= sentence_end]
    chosen = before[-1] if before else (after[0] if after else None)
    return None if chosen is None else (chosen.start_char, chosen.end_char)


def _continues(text: str, before: Attribution, span: tuple[int, int]) -> bool:
    """A quote that follows a quoted content with only that content's attribution between (`"…," X said.
    ¶ "…"`) goes on with it, as one attribution."""
    end = before.content[1]
    return (
        0 < end <= span[0]
        and text[end - 1] in DOUBLE_MARKS + "'"
        and span[0] - end <= MAX_CONTINUATION_GAP
        and before.cue[0] >= end
    )
