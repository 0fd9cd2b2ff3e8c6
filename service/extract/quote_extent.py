"""How far a reported content reaches across quotation marks: a quote it cuts into is taken whole, a
quote resumed right after the attribution goes on with it, one after a colon that closes a reported clause
continues it, and a cue that the parser hung on more than the quote just before it reports that quote."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from service.extract.quote_text import Attribution
from service.extract.syntax import child_by_dep

# The most characters between a quote's end and its resumption after the attribution (which may hold a
# long apposition: "…," said Ann Lee, a former adviser to … who is now …. "…").
MAX_ATTRIBUTION_CHARS = 200
# A quote closed by a comma inside its mark: an attribution of its own follows it.
_OWN_ATTRIBUTION = re.compile(r",\s*(?:''|[\"”])$")


def quote_after_colon(doc: Doc, content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """`X said that a deal is possible: "…"`: a quote right after a colon that closes a reported clause
    goes on with it, unless a comma closes it (its own attribution follows)."""
    last = doc.char_span(content[1] - 1, content[1], alignment_mode="expand")
    following = [] if last is None else [t for t in doc[last.end : last.end + 3] if not t.is_space]
    if len(following) < 2 or following[0].text != ":":
        return content
    index = bisect.bisect_left(quotes, following[1].idx, key=lambda q: q[0])
    if index == len(quotes) or quotes[index][0] != following[1].idx:
        return content
    covered = doc.char_span(*quotes[index], alignment_mode="expand")
    if covered is None or (len(covered) > 1 and covered[-2].text == ","):
        return content
    return (content[0], quotes[index][1])


def quote_just_before(
    cue: Token, content: tuple[int, int] | None, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """`"…," he said` reports the quote closed just before it: where the parse hung more on the cue (an
    earlier sentence or paragraph it ran together with the quote), the content is that quote alone."""
    index = bisect.bisect_right(quotes, cue.idx, key=lambda q: q[1]) - 1
    if content is None or index < 0:
        return content
    q_start, q_end = quotes[index]
    if content[0] >= q_start or cue.idx - q_end > MAX_ATTRIBUTION_CHARS:
        return content
    index = cue.i - 1
    while index >= 0 and cue.doc[index].idx >= q_end:
        if "\n" in cue.doc[index].text:
            return content
        index -= 1
    return (q_start, q_end)


def extend_by_marks(doc: Doc, text: str, found: Attribution, quotes: list[tuple[int, int]]) -> Attribution:
    """Grow a content to the quoted stretches it cuts into (a quote of several sentences)."""
    start, end = found.content
    first = bisect.bisect_right(quotes, start, key=lambda q: q[1])  # quotes are sorted and disjoint
    for q_start, q_end in quotes[first:]:
        if q_start >= end:
            break
        shared = text[max(start, q_start) : min(end, q_end)]
        touches = any(c.isalnum() for c in shared)
        inside_cue = q_start <= found.cue[0] < q_end
        if touches and not inside_cue and (q_start < start or q_end > end):
            start, end = min(start, q_start), max(end, q_end)
    if found.cue[0] >= end:
        end = _resumed_quote_end(doc, text, found.cue[1], end, quotes)
    return Attribution((start, end), found.cue, found.speaker, found.route)


def _resumed_quote_end(doc: Doc, text: str, cue_end: int, end: int, quotes: list[tuple[int, int]]) -> int:
    """`"…," X said. "…"`: a quote resumed in the same paragraph right after its attribution belongs to
    the same quote, which then spans the attribution too; so do further quotes that follow at once, but
    not one closed by a comma, which has an attribution of its own (`"…," she said. "…," she added`)."""
    for q_start, q_end in quotes[bisect.bisect_left(quotes, cue_end, key=lambda q: q[0]) :]:
        between = text[max(end, cue_end) : q_start]
        limit = MAX_ATTRIBUTION_CHARS if end < cue_end else 3
        if "\n" in between or len(between) > limit or (between.strip() and between.strip()[-1] not in ".,:;"):
            break
        if _OWN_ATTRIBUTION.search(text, q_start, q_end) or _another_clause(doc, cue_end, q_start):
            break
        end = q_end
    return end


def _another_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether a verb outside a subordinate clause stands between an attribution and the next quote
    (`"…," Lee said. Ruiz replied, "…"`, `"…," Lee told AP, referring to …`): that quote is not resumed."""
    between = doc.char_span(start, end, alignment_mode="contract")
    if between is None:
        return False
    inside = range(between.start, between.end)
    return any(
        t.pos_ == "VERB" and not any(_subordinate(a) for a in (t, *t.ancestors) if a.i in inside)
        for t in between
    )


def _subordinate(verb: Token) -> bool:
    """A relative clause or one opened by a subordinator ("…," Lee said, when the vote was called, "…")."""
    return verb.dep_ in ("relcl", "acl") or (verb.dep_ == "advcl" and child_by_dep(verb, "mark") is not None)
