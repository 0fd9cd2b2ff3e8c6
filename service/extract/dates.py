"""Temporal expressions with TIMEX3 values, resolved against the publication date.

The flow of `extract_dates`:
1. Each rule of `date_rules.RULES` (patterns from `date_patterns`, words from `date_lexicon`) is run
   only near the words it needs (`date_scan`); its resolver (`date_resolvers`) turns a match into a
   TIMEX3 value (arithmetic in `timex`), asking the parse for the governing verb's tense
   (`date_tense`) where a bare weekday or month needs it, or rejects it.
2. The longest non-overlapping candidates win; those inside a name or a title are dropped, and spaCy's
   DATE/TIME entities fill the gaps the rules left (found, mostly without a value).
3. In text order, expressions that point back ("the next morning", "the year-earlier quarter") are
   resolved again from what the text named last, as TimeML does; qualifiers ("late", "more than")
   become mods; a clock time joins its day ("Monday at 3 p.m."), and "the day before" its named day.
Expressions whose value cannot be known honestly keep a null value rather than a guess.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from schemas import DateExpression, TimexType
from service.extract import date_lexicon as lex
from service.extract.date_patterns import alternation
from service.extract.date_resolvers import Context
from service.extract.date_rules import RULES, Rule
from service.extract.date_scan import Scanner
from service.extract.timex import Timex, absolute_value, interval_of, safe_date


@dataclass
class _Candidate:
    start: int
    end: int
    timex: Timex
    rule: str
    match: re.Match[str] | None = field(default=None, compare=False)


# ---------------------------------------------------------------------------------------------------
# Selection, modifiers, times attached to days, and spaCy's entities


_MOD_BEFORE = re.compile(
    r"(?<![\w-])(?P<mod>" + alternation(lex.MOD_WORDS) + r")(?:\s+|-|\s*-\s*)$",
    re.IGNORECASE,
)
# Mods that qualify a position in a period ("late last year"); the others qualify an amount.
_POSITION_MODS = frozenset({"START", "MID", "END"})
# Amount words that also mean "during" or "a few" ("over the weekend", "some years").
_LOOSE_AMOUNT_WORDS = frozenset({"over", "under", "some"})
_APPROX_DATE_WORDS = frozenset({"about", "around", "roughly"})
_TIME_JOINER = re.compile(r"\s*(?:,\s*)?(?:at|on|,)?\s*", re.IGNORECASE)
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _mod_applies(word: str, mod: str | None, candidate: _Candidate, text: str) -> bool:
    timex = candidate.timex
    if mod in _POSITION_MODS:  # "late last year", "mid-November"
        return timex.type in (TimexType.DATE, TimexType.TIME) and not (timex.value or "").endswith("_REF")
    if mod is None:  # "earlier this month", "later Sunday"
        return timex.type is TimexType.DATE and candidate.rule in ("relative_unit", "weekday", "day_word")
    if (
        timex.type is TimexType.DURATION
    ):  # "more than four hours", "some four months", not "over the past decade"
        counted = candidate.rule == "per_unit" or (
            candidate.match is not None and bool(candidate.match.groupdict().get("num"))
        )  # "over a decade" counts one
        return word not in _LOOSE_AMOUNT_WORDS or (
            counted and not text[candidate.start :].lower().startswith("the")
        )
    if timex.type is TimexType.TIME:  # "around 7:15 p.m."
        return word not in _LOOSE_AMOUNT_WORDS
    return mod == "APPROX" and word in _APPROX_DATE_WORDS  # "about 1990"


def _with_mod(candidate: _Candidate, text: str) -> _Candidate:
    """Take in a qualifying word before the expression ('late last year', 'more than four hours')."""
    found = _MOD_BEFORE.search(text[max(0, candidate.start - 20) : candidate.start])
    if found is None or candidate.timex.mod is not None:
        return candidate
    word = re.sub(r"\s+", " ", found.group("mod").lower()).rstrip("-")
    mod = lex.MOD_WORDS.get(word, lex.MOD_WORDS.get(word + "-"))
    if not _mod_applies(word, mod, candidate, text):
        return candidate
    start = candidate.start - len(found.group(0))
    return replace(candidate, start=start, timex=replace(candidate.timex, mod=mod))


_DAY_OR_PART_VALUE = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})(?:T(?P<part>MO|AF|EV|NI))?$")


def _clock_in_part(clock: _Candidate, part: str | None) -> str:
    """The clock part of a time ('T08:00'), moved past noon when a later part of the day names it:
    '8 o'clock tonight' → T20:00, '3:30 this afternoon' → T15:30."""
    time_part = (clock.timex.value or "")[10:]
    said_am = clock.match is not None and (clock.match.group("ampm") or "").lower().startswith("a")
    hour = int(time_part[1:3]) if re.match(r"^T\d\d:", time_part) else None
    if part in ("AF", "EV", "NI") and hour is not None and hour < 12 and not said_am:
        return f"T{hour + 12:02d}{time_part[3:]}"
    return time_part


def _join_neighbours(
    candidates: list[_Candidate], join: Callable[[_Candidate, _Candidate], _Candidate | None]
) -> list[_Candidate]:
    """Each candidate in turn joined to the one kept before it, where `join` makes one of the two."""
    kept: list[_Candidate] = []
    for candidate in candidates:
        joined = join(kept[-1], candidate) if kept else None
        if joined is None:
            kept.append(candidate)
        else:
            kept[-1] = joined
    return kept


def _attach_times(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """'Monday at 3 p.m.', '10 p.m. Wednesday': one TIME on that day."""

    def time_on_day(previous: _Candidate, candidate: _Candidate) -> _Candidate | None:
        if not _TIME_JOINER.fullmatch(text[previous.end : candidate.start]):
            return None
        clock, day = (previous, candidate) if previous.rule == "time" else (candidate, previous)
        on_day = _DAY_OR_PART_VALUE.match(day.timex.value or "")
        if clock.rule != "time" or not on_day:
            return None
        time_part = _clock_in_part(clock, on_day.group("part"))
        timex = Timex(TimexType.TIME, on_day.group("day") + time_part, clock.timex.mod or day.timex.mod)
        return _Candidate(previous.start, candidate.end, timex, "day_time")

    return _join_neighbours(candidates, time_on_day)


def _anchor_clock_times(candidates: list[_Candidate], doc: Doc) -> list[_Candidate]:
    """A clock time on its own ('at 10:35 a.m. (0735 GMT) Friday') is on the nearest day its sentence
    names; the reference date only when the sentence names none."""
    # Days, and times on a day ('4 a.m. EDT Thursday'): the clock time is on that day.
    days = [c for c in candidates if c.rule != "time" and _DAY_VALUE.match((c.timex.value or "")[:10])]
    if not days or not doc.has_annotation("SENT_START"):
        return candidates
    sentence_starts = [sentence.start_char for sentence in doc.sents]
    day_starts = [d.start for d in days]  # in text order

    def sentence_of(candidate: _Candidate) -> int:
        return bisect.bisect_right(sentence_starts, candidate.start)

    anchored = []
    for candidate in candidates:
        at = bisect.bisect_left(day_starts, candidate.start)
        neighbours = days[max(0, at - 1) : at + 1] if candidate.rule == "time" else []
        near = [d for d in neighbours if sentence_of(d) == sentence_of(candidate)]
        if near and candidate.timex.value:
            day = (min(near, key=lambda d: abs(d.start - candidate.start)).timex.value or "")[:10]
            candidate = replace(
                candidate, timex=replace(candidate.timex, value=day + candidate.timex.value[10:])
            )
        anchored.append(candidate)
    return anchored


def _day_shift(candidate: _Candidate) -> int | None:
    """+1 or -1 for 'the day after' or 'the day before', else None."""
    match = candidate.match
    if candidate.rule != "anaphoric" or match is None or (match.group("shifted") or "").lower() != "day":
        return None
    return lex.ANAPHORIC_STEPS[match.group("dir").lower()]


def _shifted_day(value: str, days: int) -> str | None:
    """The ISO day `days` away from `value`; None past the calendar's ends."""
    try:
        return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return None


def _attach_day_shifts(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """'the day before last Tuesday', 'the day after Christmas': one DATE a day off the named day."""

    def shifted_day(previous: _Candidate, candidate: _Candidate) -> _Candidate | None:
        shift = _day_shift(previous)
        value = candidate.timex.value or ""
        if not shift or not _DAY_VALUE.match(value) or text[previous.end : candidate.start].strip():
            return None
        timex = Timex(TimexType.DATE, _shifted_day(value, shift))
        return _Candidate(previous.start, candidate.end, timex, "anaphoric")

    return _join_neighbours(candidates, shifted_day)


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first; on equal length the earlier rule; no overlaps."""
    order = {rule.name: i for i, rule in enumerate(RULES)}
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), order.get(c.rule, len(order)), c.start))
    taken: list[_Candidate] = []
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


def _inside_name(doc: Doc, candidate: _Candidate) -> bool:
    """'Sunday Times', 'VOA Today', 'High Noon': a time word inside a name spaCy found."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return all(token.ent_type_ in _NAME_LABELS for token in span)


# Rules whose words are written in lower case inside a sentence: capitalised there, they are a title
# ("ABC's "This Week"", "VOA Today").
_LOWER_CASE_RULES = frozenset({"day_word", "relative_unit", "reference_word", "the_year", "anaphoric"})


def _in_title(text: str, candidate: _Candidate) -> bool:
    if candidate.rule not in _LOWER_CASE_RULES or not text[candidate.start : candidate.start + 1].isupper():
        return False
    before = re.sub(r"[\s\"“'`‘]+$", "", text[max(0, candidate.start - 6) : candidate.start])
    return before[-1:].isalnum()


def _entity_candidates(doc: Doc, taken: list[tuple[int, int]]) -> list[_Candidate]:
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
        found.append(_Candidate(ent.start_char, ent.end_char, Timex(kind, value), "entity"))
    return found


# Months counted from the start of a (fiscal) year: "the nine months", "the first six months".
_YEAR_TO_DATE = re.compile(r"the\s+(?:first|latest)?\s*", re.IGNORECASE)


def _remember(ctx: Context, candidate: _Candidate) -> None:
    timex = candidate.timex
    value = timex.value or ""
    if timex.type is TimexType.DURATION and re.fullmatch(r"P\d+M", value):
        ctx.year_to_date = ctx.year_to_date or _YEAR_TO_DATE.match(ctx.text, candidate.start) is not None
    if timex.type is not TimexType.DATE and timex.type is not TimexType.TIME:
        return
    quarter = re.match(r"^(\d{4})-Q([1-4])$", value)
    bounds = interval_of(value) if quarter else None
    year_ago = candidate.match is not None and candidate.match.groupdict().get("ago")
    if quarter and bounds and not year_ago:
        ctx.year_to_date = False
        # The first quarter an article names is the one it reports on, even one not over yet (a fiscal
        # quarter); later, a quarter still under way is a forecast ("a fourth-quarter charge").
        begun = bounds.first_day <= ctx.reference and ctx.last_quarter is None
        if (bounds.last_day < ctx.reference or begun) and candidate.rule == "ordinal_quarter":
            ctx.last_quarter = (int(quarter.group(1)), int(quarter.group(2)))
    day = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if day:
        ctx.last_day = safe_date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
    month = re.match(r"^(\d{4})-(\d{2})(?:-|T|$)", value)
    if month:
        ctx.last_month = safe_date(int(month.group(1)), int(month.group(2)), 1)
    if re.match(r"^\d{4}", value):
        ctx.last_year = int(value[:4])


def _resolve(rule: Rule, match: re.Match[str], ctx: Context) -> Timex | None:
    ctx.start, ctx.end = match.start(), match.end()
    try:
        return rule.resolve(match, ctx)
    except (ValueError, OverflowError, KeyError, IndexError):
        return Timex(TimexType.DATE, None)  # recognised, but no honest value


def extract_dates(doc: Doc, reference: dt.date) -> list[DateExpression]:
    """Every temporal expression in `doc`, with code-point offsets and a TIMEX3 value."""
    text = doc.text
    ctx = Context(reference, doc, text)
    rules = {rule.name: rule for rule in RULES}
    candidates: list[_Candidate] = []
    rejected: list[tuple[int, int]] = []
    scanner = Scanner(text)
    for rule in RULES:
        for match in scanner.matches(rule):
            timex = _resolve(rule, match, ctx)
            if timex is None:
                rejected.append(match.span())
            else:
                candidates.append(_Candidate(match.start(), match.end(), timex, rule.name, match))
    chosen = [c for c in _select(candidates) if not _inside_name(doc, c) and not _in_title(text, c)]
    rejected += [(c.start, c.end) for c in chosen]  # entities only fill gaps between the rules' finds
    chosen = sorted(chosen + _entity_candidates(doc, rejected), key=lambda c: c.start)
    resolved: list[_Candidate] = []
    for candidate in chosen:  # again in text order, so that "the quarter" knows the last one named
        if candidate.match is not None:
            timex = _resolve(rules[candidate.rule], candidate.match, ctx) or candidate.timex
            candidate = replace(candidate, timex=timex)
        _remember(ctx, candidate)
        resolved.append(_with_mod(candidate, text))
    merged = _attach_times(_attach_day_shifts(resolved, text), text)
    return [_to_schema(c, text) for c in _anchor_clock_times(merged, doc)]


def _to_schema(candidate: _Candidate, text: str) -> DateExpression:
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
