"""What joins an expression once the candidates are chosen: a qualifying word before it ("late last
year", "more than four hours" → a mod), a clock time and its day ("Monday at 3 p.m."), "the day before"
"a week from" or "a week ago" and the day they name, and a lone clock time and the day its sentence
names.

Why after selection: each part is found by its own rule; only side by side do they make one expression.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc

from schemas import TimexType
from service.extract import date_lexicon as lex
from service.extract.dates.patterns import RANGE_ON, UNIT, alternation
from service.extract.dates.rules import Candidate
from service.extract.dates.timex import Timex, duration, parse_number

_MOD_BEFORE = re.compile(
    r"(?<![\w-])(?P<mod>" + alternation(lex.MOD_WORDS) + r")(?:\s+|-|\s*-\s*)$",
    re.IGNORECASE,
)

# Mods that qualify a position in a period ("late last year"); the others qualify an amount.
_POSITION_MODS = frozenset({"START", "MID", "END"})

# Amount words that also mean "during" or "a few" ("over the weekend", "some years").
_LOOSE_AMOUNT_WORDS = frozenset({"over", "under", "some"})

_APPROX_DATE_WORDS = frozenset({"about", "around", "roughly"})


def _mod_applies(word: str, mod: str | None, candidate: Candidate, text: str) -> bool:
    """Whether the qualifier fits the expression: a position only in a period, an amount only in a length."""
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


def with_mod(candidate: Candidate, text: str) -> Candidate:
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


# "or two" after a counted unit ("in a week or two"); not before "ago", which the count rules read whole,
# nor before a unit, which starts an expression of its own ("a week or two months", "or two days later").
_MOD_AFTER = re.compile(
    rf"\s+or\s+(?P<word>{alternation(lex.MOD_AFTER_WORDS)})\b(?!\s+(?:ago|{UNIT})\b)", re.IGNORECASE
)
_ENDS_WITH_UNIT = re.compile(rf"\b{UNIT}$", re.IGNORECASE)


def with_mod_after(candidate: Candidate, text: str) -> Candidate:
    """Take in a count left open after the expression: 'a day or two' is about a day, 'ten years or more'
    at least ten; without it the expression would claim an exact count."""
    found = _MOD_AFTER.match(text, candidate.end)
    if found is None or candidate.timex.mod is not None:
        return candidate
    if not _ENDS_WITH_UNIT.search(text[candidate.start : candidate.end]):
        return candidate
    mod = lex.MOD_AFTER_WORDS[found.group("word").lower()]
    return replace(candidate, end=found.end(), timex=replace(candidate.timex, mod=mod))


_TIME_JOINER = re.compile(r"\s*(?:,\s*)?(?:at|on|,)?\s*", re.IGNORECASE)

_DAY_OR_PART_VALUE = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})(?:T(?P<part>MO|AF|EV|NI))?$")


def _clock_in_part(clock: Candidate, part: str | None) -> str:
    """The clock part of a time ('T08:00'), moved past noon when a later part of the day names it:
    '8 o'clock tonight' → T20:00, '3:30 this afternoon' → T15:30."""
    time_part = (clock.timex.value or "")[10:]
    said_am = clock.match is not None and (clock.match.group("ampm") or "").lower().startswith("a")
    hour = int(time_part[1:3]) if re.match(r"^T\d\d:", time_part) else None
    if part in ("AF", "EV", "NI") and hour is not None and hour < 12 and not said_am:
        return f"T{hour + 12:02d}{time_part[3:]}"
    return time_part


def _join_neighbours(
    candidates: list[Candidate], join: Callable[[Candidate, Candidate], Candidate | None]
) -> list[Candidate]:
    """Each candidate in turn joined to the one kept before it, where `join` makes one of the two."""
    kept: list[Candidate] = []
    for candidate in candidates:
        joined = join(kept[-1], candidate) if kept else None
        if joined is None:
            kept.append(candidate)
        else:
            kept[-1] = joined
    return kept


def attach_times(candidates: list[Candidate], text: str) -> list[Candidate]:
    """'Monday at 3 p.m.', '10 p.m. Wednesday': one TIME on that day."""

    def time_on_day(previous: Candidate, candidate: Candidate) -> Candidate | None:
        if not _TIME_JOINER.fullmatch(text[previous.end : candidate.start]):
            return None
        clock, day = (previous, candidate) if previous.rule == "time" else (candidate, previous)
        on_day = _DAY_OR_PART_VALUE.match(day.timex.value or "")
        if clock.rule != "time" or not on_day:
            return None
        time_part = _clock_in_part(clock, on_day.group("part"))
        timex = Timex(TimexType.TIME, on_day.group("day") + time_part, clock.timex.mod or day.timex.mod)
        return Candidate(previous.start, candidate.end, timex, "day_time")

    return _join_neighbours(candidates, time_on_day)


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def anchor_clock_times(candidates: list[Candidate], doc: Doc) -> list[Candidate]:
    """A clock time on its own ('at 9:20 a.m. (0620 GMT) Sunday') is on the nearest day its sentence
    names; the reference date only when the sentence names none."""
    # Days, and times on a day ('4 a.m. EDT Thursday'): the clock time is on that day.
    days = [c for c in candidates if c.rule != "time" and _DAY_VALUE.match((c.timex.value or "")[:10])]
    if not days or not doc.has_annotation("SENT_START"):
        return candidates
    sentence_starts = [sentence.start_char for sentence in doc.sents]
    day_starts = [d.start for d in days]  # in text order

    def sentence_of(candidate: Candidate) -> int:
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


def _day_shift(candidate: Candidate) -> int | None:
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


def attach_day_shifts(candidates: list[Candidate], text: str) -> list[Candidate]:
    """'the day before last Tuesday', 'the day after Christmas': one DATE a day off the named day."""

    def shifted_day(previous: Candidate, candidate: Candidate) -> Candidate | None:
        shift = _day_shift(previous)
        value = candidate.timex.value or ""
        if not shift or not _DAY_VALUE.match(value) or text[previous.end : candidate.start].strip():
            return None
        timex = Timex(TimexType.DATE, _shifted_day(value, shift))
        return Candidate(previous.start, candidate.end, timex, "anaphoric")

    return _join_neighbours(candidates, shifted_day)


_COUNTED_LENGTH = re.compile(r"^P(?P<amount>\d+)(?P<unit>[DWMY])$")
_FROM = re.compile(r"\s+from\s+", re.IGNORECASE)
_STEP: dict[str, Callable[[int], relativedelta]] = {
    "D": lambda n: relativedelta(days=n),
    "W": lambda n: relativedelta(weeks=n),
    "M": lambda n: relativedelta(months=n),
    "Y": lambda n: relativedelta(years=n),
}


def _count_ago(candidate: Candidate) -> re.Match[str] | None:
    """The length counted back by 'a week ago' (as 'P1W'), for 'a week ago Sunday'."""
    match = candidate.match
    if candidate.rule != "ago" or match is None or match.group("dir").lower() != "ago":
        return None
    amount = parse_number(match.group("num") or "")
    if not isinstance(amount, int):
        return None
    return _COUNTED_LENGTH.match(duration(amount, match.group("unit")))


def attach_counted_from(candidates: list[Candidate], text: str) -> list[Candidate]:
    """'a week from Friday', 'ten days from today': one DATE that many days (or weeks...) after the day;
    'a week ago Sunday', 'a year ago today': that long before it."""

    def counted_from(previous: Candidate, candidate: Candidate) -> Candidate | None:
        value = candidate.timex.value or ""
        between = text[previous.end : candidate.start]
        if not _DAY_VALUE.match(value) or RANGE_ON.match(text, candidate.end):
            return None  # "3 days from Monday to Friday": a range
        if previous.timex.type is TimexType.DURATION and _FROM.fullmatch(between):
            length, sign = _COUNTED_LENGTH.match(previous.timex.value or ""), 1
        elif between.isspace():
            length, sign = _count_ago(previous), -1
        else:
            return None
        if length is None:
            return None
        step = _STEP[length.group("unit")](sign * int(length.group("amount")))
        try:
            day = (dt.date.fromisoformat(value) + step).isoformat()
        except (OverflowError, ValueError):
            day = None
        timex = Timex(TimexType.DATE, day, previous.timex.mod)
        return Candidate(previous.start, candidate.end, timex, "counted_from")

    return _join_neighbours(candidates, counted_from)


_APPOSITION = re.compile(r"\s*,\s*")


def restate_appositions(candidates: list[Candidate], text: str) -> list[Candidate]:
    """'On Friday, the day before the ballot, ...': a day put in apposition to a date, which the text
    dates no other way, is that date."""
    restated: list[Candidate] = []
    for candidate in candidates:
        previous = restated[-1] if restated else None
        if (
            previous is not None
            and candidate.rule == "anaphoric"
            and candidate.timex.value is None
            and _DAY_VALUE.match(previous.timex.value or "")
            and _APPOSITION.fullmatch(text[previous.end : candidate.start])
        ):
            candidate = replace(candidate, timex=replace(candidate.timex, value=previous.timex.value))
        restated.append(candidate)
    return restated
