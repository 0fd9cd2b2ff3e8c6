"""Quotes and reported speech, each with its content, cue and speaker.

Three sources of evidence, combined:
- the parse: a cue word from `cue_lexicon` and the dependency its content hangs off ("said that …" →
  the clause, "vowed to …" → the infinitive, "criticized the plan" → the object, "…, according to X" →
  the clause it modifies), with the speaker as the cue's subject;
- the quote marks: quoted stretches extend a content the parse cut short (a quote of several sentences,
  a quote resumed after its attribution), and a quoted stretch no cue claims is still a quote, framed by
  the verb of its sentence or continuing the last speaker;
- the layout: a line "NAME: …" (a transcript turn, a credited headline).
Each word belongs to one attribution, as the annotators count it: cues inside quotes or inside another
content are dropped. Speakers are resolved to entity clusters by `mentions.MentionResolver`.

The steps live in their own modules: `quote_text` (marks, paragraphs, spans), `quote_speakers` (who
speaks), `quote_routes` (cue → content), `quote_extent` (a content grown across quotation marks),
`quote_framing` and `quote_layout` (quotes found around marks and by layout); this module combines them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from schemas import Cue, Quote, QuoteKind
from service.extract.cue_lexicon import LEXICON, WEAK_CUES
from service.extract.entities import EntityClusters
from service.extract.mentions import MentionResolver
from service.extract.quote_framing import MAX_FRAME_TOKENS
from service.extract.quote_layout import labelled_lines, named_colon_quotes, uncued_quotes
from service.extract.quote_routes import candidate_attributions
from service.extract.quote_speakers import phrase_of
from service.extract.quote_text import DOUBLE_MARKS, Attribution, overlap_of, quote_around, quoted_spans
from service.extract.syntax import doc_text

_WEAK_ROUTES = frozenset(pair.split(" ", 1)[0] for pair in WEAK_CUES)
# Subjects that point at a thing or a clause, never at a speaker ("this was a 'perfect storm'").
_NO_ONE = frozenset({"that", "this", "these", "those", "what"})


def _kind(text: str, content: tuple[int, int], quotes: list[tuple[int, int]]) -> QuoteKind:
    segment = text[content[0] : content[1]]
    if not any(m in segment for m in DOUBLE_MARKS):
        return QuoteKind.indirect
    quoted = sum(overlap_of(content, q) for q in quotes)
    return QuoteKind.direct if quoted * 10 >= (content[1] - content[0]) * 9 else QuoteKind.partial


def _speaker_outside_quotes(
    doc: Doc, found: Attribution, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """A speaker inside a quote that its cue is not in is the parser's mistake (`"Yes, I agree," Ann Lee,
    the founder, tells …` parsed with "I" as the subject): the speaker is then the first noun phrase
    between the quote and the cue, or right after the cue (`"…," read one.`), or unknown."""
    speaker = found.speaker
    quote = None if speaker is None else quote_around(speaker, quotes)
    if quote is None or quote_around(found.cue, quotes) is not None:
        return speaker
    between = doc.char_span(quote[1], found.cue[0], alignment_mode="contract")
    cue = doc.char_span(*found.cue, alignment_mode="expand")
    after = [] if cue is None else list(doc[cue.end : cue.end + MAX_FRAME_TOKENS])
    for stretch in ([] if between is None else list(between), after):
        head = _first_noun_phrase_head(stretch)
        if head is not None:
            return phrase_of(head)
    return None


def _first_noun_phrase_head(tokens: list[Token]) -> Token | None:
    """The head of the first noun phrase in a stretch of words, before any punctuation but commas."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.is_punct and token.text != ",":
            return None
        nominal = token.pos_ in ("PROPN", "NOUN", "PRON", "NUM") or token.dep_ in ("nsubj", "attr")
        if nominal and not (token.head.i in inside and token.head.pos_ in ("PROPN", "NOUN")):
            return token
    return None


def _outermost(found: list[Attribution], quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Each word belongs to one attribution: drop those cued inside a quote or inside another content."""

    def inside(cue: tuple[int, int], span: tuple[int, int]) -> bool:
        return span[0] <= cue[0] and cue[1] <= span[1]

    return [
        f
        for f in found
        if quote_around(f.cue, quotes) is None
        and not any(
            inside(f.cue, other.content) and not inside(other.cue, f.content)
            for other in found
            if other is not f
        )
    ]


def _is_weak(doc: Doc, found: Attribution) -> bool:
    """A cue the lexicon counts only when its content holds a quote ("pushed the bill" is rarely said)."""
    if found.route not in _WEAK_ROUTES:
        return False
    cue = doc.char_span(found.cue[0], found.cue[1], alignment_mode="expand")
    lemmas = "_".join(t.lemma_.lower() for t in cue) if cue is not None else ""
    return f"{found.route} {lemmas}" in WEAK_CUES


def _priority(doc: Doc, found: Attribution) -> int:
    """Which of two attributions of one stretch wins: a credit by layout, then a verb of saying that
    reports a clause or quote ("…," she said), then the rest in text order."""
    if found.route in ("labelled", "named colon"):
        return 0
    if found.route not in ("clause", "colon", "interrupting", "as"):
        return 2
    cue = doc.char_span(found.cue[0], found.cue[1], alignment_mode="expand")
    saying = cue is not None and len(cue) > 0 and cue[0].lemma_.lower() in LEXICON.colon
    return 1 if saying else 2


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """One attribution per stretch of content: the first found (in cue priority) wins an overlap."""
    kept: list[Attribution] = []
    for item in found:
        length = item.content[1] - item.content[0]
        if all(
            overlap_of(item.content, k.content) * 2 < min(length, k.content[1] - k.content[0]) for k in kept
        ):
            kept.append(item)
    return kept


def extract_quotes(doc: Doc, entities: EntityClusters) -> list[Quote]:
    """Direct, partial and indirect quotes with cue and speaker, in text order (code-point offsets)."""
    text = doc_text(doc)
    quotes = quoted_spans(text)
    candidates = (
        labelled_lines(text, entities)
        + named_colon_quotes(doc, text, quotes, entities)
        + candidate_attributions(doc, quotes)
    )
    found = _dedupe(sorted(_outermost(candidates, quotes), key=lambda f: _priority(doc, f)))
    found += uncued_quotes(doc, text, quotes, found)
    resolver = MentionResolver(doc, entities)
    results = []
    for item in sorted(found, key=lambda f: f.content):
        start, end = item.content
        cue = (
            None
            if item.cue[0] == item.cue[1]
            else Cue(text=text[item.cue[0] : item.cue[1]], start=item.cue[0], end=item.cue[1])
        )
        speaker_span = _speaker_outside_quotes(doc, item, quotes)
        if speaker_span is not None and text[speaker_span[0] : speaker_span[1]].lower() in _NO_ONE:
            speaker_span = None
        kind = _kind(text, item.content, quotes)
        if kind is QuoteKind.indirect and (speaker_span is None or _is_weak(doc, item)):
            continue  # reported speech with no one reporting it, or a weak cue without a quote
        speaker = None if speaker_span is None else resolver.resolve(*speaker_span)
        results.append(Quote(text=text[start:end], start=start, end=end, kind=kind, speaker=speaker, cue=cue))
    return results
