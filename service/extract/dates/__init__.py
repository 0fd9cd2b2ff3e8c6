"""Temporal expressions with TIMEX3 values, resolved against the publication date.

`extract_dates(doc, reference)` is the entry point. Its flow, module by module:
1. `rules.RULES` lists the rule families (patterns built in `patterns` from the tables in
   `date_lexicon`). `scan` runs each pattern only near the words its matches need.
2. Each match goes to its resolver (`named`: days, months, years, holidays, clock times; `relative`:
   durations, "ago", "next year", repetitions, "the next morning"; `quarters`: reporting periods). The
   resolver reads the match in its `context` and gives a TIMEX3 value computed by `timex`, or rejects
   it (a count, an age, part of a name). A bare weekday or month asks `tense` for the governing verb's
   tense: the past occurrence under a past verb, the next one under "will".
3. The longest non-overlapping candidates win (on equal spans, the earlier rule). Those inside a name
   or a title are dropped. spaCy's DATE/TIME entities fill the gaps the rules left, mostly without a
   value.
4. In text order, the chosen matches are resolved again, so that expressions pointing back ("the
   quarter", "the year before", "the next morning") take what the text named last, as TimeML does. The
   publication date anchors the rest.
5. `joins` adds a qualifier before an expression as its mod ("late last year"), puts a clock time on
   its day ("Monday at 3 p.m.") and joins "the day before" to the day it names; "Friday, the day before
   the vote" is that Friday, and "a week from Friday" the Friday after.
Expressions whose value cannot be known honestly keep a null value rather than a guess.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import replace

from spacy.tokens import Doc

from schemas import DateExpression, TimexType
from service.extract.dates.context import Context
from service.extract.dates.joins import (
    anchor_clock_times,
    attach_counted_from,
    attach_day_shifts,
    attach_times,
    restate_appositions,
    with_mod,
    with_mod_after,
)
from service.extract.dates.rules import RULES, Candidate, Rule
from service.extract.dates.scan import Scanner
from service.extract.dates.timex import Timex, absolute_value, interval_of, safe_date
from service.extract.syntax import doc_text

_RULE_BY_NAME = {rule.name: rule for rule in RULES}
_RULE_RANK = {rule.name: rank for rank, rule in enumerate(RULES)}


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first; on equal length the earlier rule; no overlaps."""
    ranked = sorted(
        candidates, key=lambda c: (-(c.end - c.start), _RULE_RANK.get(c.rule, len(_RULE_RANK)), c.start)
    )
    taken: list[Candidate] = []
    starts: list[int] = []  # of the taken candidates, sorted; they never overlap
    ends: list[int] = []
    for candidate in ranked:
        at = bisect.bisect_left(starts, candidate.start)
        if (at > 0 and ends[at - 1] > candidate.start) or (at < len(starts) and starts[at] < candidate.end):
            continue
        starts.insert(at, candidate.start)
        ends.insert(at, candidate.end)
        taken.append(candidate)
    return sorted(taken, key=lambda c: c.start)


_TEMPORAL_WORD = re.compile(
    r"\b(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|century|"
    r"centuries|periods?|seasons?|era)\b",
    re.IGNORECASE,
)

_AGE_OR_ORDINAL = re.compile(r"\b(?:old|aged?|ages)\b|^\W*\d+(?:st|nd|rd|th)\W*$", re.IGNORECASE)

_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "LAW", "NORP"})


def _inside_name(doc: Doc, candidate: Candidate) -> bool:
    """'Sunday Times', 'VOA Today', 'High Noon': a time word inside a name spaCy found. A name made of the
    expression alone ('Easter Sunday' as a building, '03/04/2022' as a person) is spaCy's misreading."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or len(span) == 0 or not all(token.ent_type_ in _NAME_LABELS for token in span):
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return span[0].ent_iob_ == "I" or (after is not None and after.ent_iob_ == "I") or len(span.ents) > 1


# Rules whose words are written in lower case inside a sentence: capitalised there, they are a title
# ("ABC's "This Week"", "VOA Today", "High Noon").
_LOWER_CASE_RULES = frozenset(
    {"day_word", "relative_unit", "reference_word", "the_year", "anaphoric", "time"}
)


def _in_title(text: str, candidate: Candidate) -> bool:
    if candidate.rule not in _LOWER_CASE_RULES or not text[candidate.start : candidate.start + 1].isupper():
        return False
    before = re.sub(r"[\s\"“'`‘]+$", "", text[max(0, candidate.start - 6) : candidate.start])
    return before[-1:].isalnum()


def _unit_capitalised_inside(candidate: Candidate) -> bool:
    """'Man of the Year', 'a Year 2000 bug': a unit word capitalised after a lower-case one is a name."""
    m = candidate.match
    if m is None or not m.group(0)[:1].islower():
        return False
    if m.groupdict().get("unit"):
        return m.group("unit")[:1].isupper()
    return candidate.rule == "the_year" and m.group(0)[-4:-3].isupper()


def _entity_candidates(doc: Doc, taken: list[tuple[int, int]]) -> list[Candidate]:
    """spaCy's DATE/TIME entities where no rule found or rejected anything: found, without a value."""
    spans = sorted(taken)
    starts = [start for start, _ in spans]
    furthest_ends = list(itertools.accumulate((end for _, end in spans), max))
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or _AGE_OR_ORDINAL.search(ent.text):
            continue
        before = bisect.bisect_left(starts, ent.end_char)  # spans starting before the entity ends
        if before and furthest_ends[before - 1] > ent.start_char:
            continue
        kind = TimexType.TIME if ent.label_ == "TIME" else TimexType.DATE
        value = absolute_value(ent.text) if kind is TimexType.DATE else None
        if value is None and not _TEMPORAL_WORD.search(ent.text):
            continue  # "Hernandez, 49", "the annual meeting"
        found.append(Candidate(ent.start_char, ent.end_char, Timex(kind, value), "entity"))
    return found


# Months counted from the start of a (fiscal) year: "the nine months", "the first six months".
_YEAR_TO_DATE = re.compile(r"the\s+(?:first|latest)?\s*", re.IGNORECASE)


# Rules that name a quarter or a half outright ("the third quarter", "the September quarter", "Q3", "the
# first half"), which later references ("the quarter", "the same period a year earlier") point back to.
_NAMED_PERIOD_RULES = frozenset({"ordinal_quarter", "paired_quarter", "month_quarter", "quarter_code"})


def _remember(ctx: Context, candidate: Candidate) -> None:
    """Note the quarter or half, day, month and year the text named last, for the expressions that point back."""
    timex = candidate.timex
    value = timex.value or ""
    if timex.type is TimexType.DURATION and re.fullmatch(r"P\d+M", value):
        ctx.year_to_date = ctx.year_to_date or _YEAR_TO_DATE.match(ctx.text, candidate.start) is not None
    if timex.type is not TimexType.DATE and timex.type is not TimexType.TIME:
        return
    period = re.match(r"^(\d{4})-([QH])([1-4])$", value)
    bounds = interval_of(value) if period else None
    year_ago = candidate.match is not None and candidate.match.groupdict().get("ago")
    if period and bounds and not year_ago:
        ctx.year_to_date = False
        # The first period an article names is the one it reports on, even one not over yet (a fiscal
        # quarter); later, a quarter still under way is a forecast ("a fourth-quarter charge").
        begun = bounds.first_day <= ctx.reference and ctx.last_period is None
        if (bounds.last_day < ctx.reference or begun) and candidate.rule in _NAMED_PERIOD_RULES:
            ctx.last_period = (int(period.group(1)), period.group(2), int(period.group(3)))
    day = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if day:
        ctx.last_day = safe_date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
    month = re.match(r"^(\d{4})-(\d{2})(?:-|T|$)", value)
    if month:
        ctx.last_month = safe_date(int(month.group(1)), int(month.group(2)), 1)
    if re.match(r"^\d{4}", value):
        ctx.last_year = int(value[:4])


# A value whose year the calendar (1 to 9999) lacks: "10000-02" (next February after 9999-12-25), "0000".
_OUTSIDE_CALENDAR = re.compile(r"^(?:-|\d{5}|0000)")


def _resolve(rule: Rule, match: re.Match[str], ctx: Context) -> Timex | None:
    """The rule's reading of the match; a value the calendar cannot hold ("Feb. 30", a year past 9999) is
    null, never raised."""
    ctx.start, ctx.end = match.start(), match.end()
    try:
        timex = rule.resolve(match, ctx)
    except (ValueError, OverflowError, KeyError, IndexError):
        return Timex(TimexType.DATE, None)  # recognised, but no honest value
    if timex is not None and timex.value and _OUTSIDE_CALENDAR.match(timex.value):
        return replace(timex, value=None)
    return timex


def extract_dates(doc: Doc, reference: dt.date) -> list[DateExpression]:
    """Every temporal expression in `doc`, with code-point offsets and a TIMEX3 value."""
    text = doc_text(doc)
    ctx = Context(reference, doc, text)
    candidates: list[Candidate] = []
    rejected: list[tuple[int, int]] = []
    scanner = Scanner(text)
    for rule in RULES:
        for match in scanner.matches(rule):
            timex = _resolve(rule, match, ctx)
            if timex is None:
                rejected.append(match.span())
            else:
                candidates.append(Candidate(match.start(), match.end(), timex, rule.name, match))
    chosen = [
        c
        for c in _select(candidates)
        if not _inside_name(doc, c) and not _in_title(text, c) and not _unit_capitalised_inside(c)
    ]
    rejected += [(c.start, c.end) for c in chosen]  # entities only fill gaps between the rules' finds
    chosen = sorted(chosen + _entity_candidates(doc, rejected), key=lambda c: c.start)
    resolved: list[Candidate] = []
    for candidate in chosen:  # again in text order, so that "the quarter" knows the last one named
        if candidate.match is not None:
            timex = _resolve(_RULE_BY_NAME[candidate.rule], candidate.match, ctx) or candidate.timex
            candidate = replace(candidate, timex=timex)
        _remember(ctx, candidate)
        resolved.append(with_mod_after(with_mod(candidate, text), text))
    merged = attach_times(
        restate_appositions(attach_counted_from(attach_day_shifts(resolved, text), text), text), text
    )
    return [_to_schema(c, text) for c in anchor_clock_times(merged, doc)]


def _to_schema(candidate: Candidate, text: str) -> DateExpression:
    timex = candidate.timex
    interval = interval_of(timex.value) if timex.type in (TimexType.DATE, TimexType.TIME) else None
    return DateExpression(
        text=text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        type=timex.type,
        value=timex.value,
        mod=timex.mod,
        interval=interval,
    )
