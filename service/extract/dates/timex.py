"""TIMEX3 values: counts and years read from words, calendar arithmetic (days, weeks, quarters,
seasons, holidays, durations), and the interval of days a value covers.

Why a module of its own: the rules decide which period a text names; this module only computes it,
so each rule stays a few lines of reading and every value is written one way.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from dateutil import parser as dateutil_parser
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from schemas import DateInterval, TimexType
from service.extract import date_lexicon as lex
from service.extract.dates.patterns import DIGIT_WORDS, HALF, TENS
from service.extract.dates.tense import Tense


@dataclass(frozen=True)
class Timex:
    type: TimexType
    value: str | None
    mod: str | None = None


# ---------------------------------------------------------------------------------------------------
# Counts and years written in words


def parse_number(text: str) -> int | float | None:
    """'four' → 4, 'twenty-four' → 24, '2.5' → 2.5, '5 1/2' → 5.5, 'a couple of' → 2, 'a quarter' → 0.25; None for vague
    quantities and ranges ('two to three')."""
    words = re.sub(r"\s+", " ", text.strip().lower())
    if words in ("half", "a half", "half a", "half an"):
        return 0.5
    if words in ("a quarter", "a quarter of a", "a quarter of an"):
        return 0.25
    if half := re.fullmatch(r"(.+?)" + HALF, words):
        whole = parse_number(half.group(1))
        return None if whole is None else whole + 0.5
    if re.fullmatch(r"\d+", words):
        return int(words)
    if re.fullmatch(r"\d+\.\d+", words):
        return float(words)
    if words in lex.NUMBER_WORDS:
        return lex.NUMBER_WORDS[words]
    parts = re.split(r"[\s-]", words)
    if len(parts) == 2 and re.fullmatch(TENS, parts[0]) and re.fullmatch(DIGIT_WORDS, parts[1]):
        return lex.NUMBER_WORDS[parts[0]] + lex.NUMBER_WORDS[parts[1]]  # "twenty-four"
    return None


def year_number(text: str, reference: dt.date) -> int:
    """'1996' → 1996, 'nineteen ninety-six' → 1996, 'two thousand and one' → 2001, "'87" → 1987 (next
    to a reference in the 1990s)."""
    if text.isdigit():
        return int(text)
    if text.startswith("'"):
        return two_digit_year(int(text[1:]), reference)
    words = re.sub(r"[\s-]+", " ", text.lower()).replace(" and", "").split(" ")
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(parse_number(" ".join(words[2:])) or 0)
    century = lex.NUMBER_WORDS[words[0]] * 100
    rest = [w for w in words[1:] if w not in ("oh", "hundred")]
    return century + int(parse_number(" ".join(rest)) or 0) if rest else century


def two_digit_year(digits: int, reference: dt.date) -> int:
    """The year ending in `digits` in the century that puts it at most ten years after the reference."""
    century = reference.year // 100 * 100
    year = century + digits
    return year if year <= reference.year + 10 else year - 100


# ---------------------------------------------------------------------------------------------------
# Calendar arithmetic


def year_text(year: int) -> str:
    """A year as TIMEX3 writes it, in four digits ('0522'): three digits are a decade, two a century."""
    return f"{year:04d}"


def month_text(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def iso_week(d: dt.date) -> str:
    """ISO week; a Sunday counts in the week it starts, as in US usage ("this week", said on a Sunday).
    Always two digits (2000-W07), as ISO 8601 writes weeks: some TimeBank files write 2000-W7, or 1989-WXX
    for a week the annotator did not compute; neither is followed."""
    year, week, _ = (d + dt.timedelta(days=1) if d.weekday() == 6 else d).isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def quarter_year(reference: dt.date, quarter: int, tense: Tense | None, months: int = 3) -> int:
    """Year of a quarter (or, with `months` 6, a half) named without one: the latest begun under a past
    verb, else the nearest, the side the verb points away from counting double: "the fourth quarter" in
    January is the one just ended, "will report third-quarter earnings" in October the one that has
    ended, and "will slow in the third quarter" in January the one to come."""
    years = (reference.year - 1, reference.year, reference.year + 1)
    firsts = {year: dt.date(year, months * (quarter - 1) + 1, 1) for year in years}
    if tense is Tense.PAST:
        return max(year for year in years if firsts[year] <= reference)
    ahead, behind = (1, 2) if tense is Tense.FUTURE else (2, 1)  # news mostly reports the past

    def distance(year: int) -> int:
        last = firsts[year] + relativedelta(months=months, days=-1)
        return max(0, behind * (reference - last).days, ahead * (firsts[year] - reference).days)

    return min(years, key=distance)


def previous_quarter(d: dt.date) -> tuple[int, str, int]:
    """The quarter before the one holding `d`, as (year, "Q", quarter)."""
    quarter = quarter_of(d.month) - 1
    return (d.year, "Q", quarter) if quarter else (d.year - 1, "Q", 4)


def shift_weekday(reference: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The weekday's date: the reference itself on the same weekday, else the next one under a future
    verb, the nearer one after a past event ("agreed to meet Tuesday"), and the last one otherwise
    (news mostly reports what happened)."""
    delta = weekday - reference.weekday()
    if delta == 0:
        return reference
    ahead, back = delta % 7, (-delta) % 7
    if tense in (Tense.FUTURE, Tense.PRESENT) or (tense is Tense.LATER and ahead < back):
        return reference + dt.timedelta(days=ahead)
    return reference - dt.timedelta(days=back)


# How far back a past verb's day of the month may lie (days) before it is read as the coming one.
_STALE_DAY_DAYS = 300


def year_for(reference: dt.date, month: int, day: int | None, tense: Tense | None) -> int:
    """Year of a month (and day) named without one: past under a past verb, future under a future
    verb, else the nearest occurrence. A day is named without its year only when it is near: a past
    verb with a day almost a year back is one just ahead ("fixed Oct. 3 as the cutoff")."""
    key = (month, day or 0)
    ref_key = (reference.month, reference.day if day else 0)
    ahead_weight = 1 if tense in (Tense.PRESENT, Tense.LATER) else 2  # "expires in March": no lean back

    # In days, roughly; with no tense a date ahead counts double (news reports the past).
    def distance(year: int) -> int:
        days = (year - reference.year) * 372 + (month - reference.month) * 31 + (day or 0) - ref_key[1]
        return days * ahead_weight if days > 0 else -days

    if tense is Tense.PAST:
        if key <= ref_key:
            return reference.year
        stale = day is not None and distance(reference.year - 1) > _STALE_DAY_DAYS
        return reference.year if stale else reference.year - 1
    if tense is Tense.FUTURE:
        return reference.year if key >= ref_key else reference.year + 1

    return min(
        (reference.year + 1, reference.year, reference.year - 1), key=distance
    )  # a tie: the coming one


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_timex(d: dt.date, part: str | None = None) -> Timex:
    if part:
        return Timex(TimexType.TIME, f"{d.isoformat()}T{lex.DAY_PARTS[part.lower()]}")
    return Timex(TimexType.DATE, d.isoformat())


def duration(amount: int | float | None, unit: str) -> str:
    letter, is_time = lex.UNITS[unit.lower()]
    if letter in lex.SCALED_UNITS and amount is not None:  # "three decades" → P30Y
        scale, letter = lex.SCALED_UNITS[letter]
        amount = round(amount * scale, 9)  # 1.1 decades: 11, not 11.000…02
    if amount is None:
        return _iso_duration([("X", letter, is_time)])
    whole = int(amount)
    parts: list[tuple[str, str, bool]] = [(str(whole), letter, is_time)]
    smaller = lex.SMALLER_UNITS.get((letter, is_time))
    rest = round((amount - whole) * smaller[2], 6) if smaller else 0.0
    if amount != whole and smaller and rest.is_integer():  # "5 1/2 hours" → PT5H30M
        parts = parts[:1] if whole else []
        parts.append((str(int(rest)), smaller[0], smaller[1]))
    elif amount != whole:  # in plain digits: '0.0000001', never '1e-07'
        parts = [(format(Decimal(str(amount)), "f"), letter, is_time)]
    return _iso_duration(parts)


def _iso_duration(parts: list[tuple[str, str, bool]]) -> str:
    """(number, unit letter, is a time unit) parts → 'P1DT12H'."""
    days = "".join(number + letter for number, letter, is_time in parts if not is_time)
    clock = "".join(number + letter for number, letter, is_time in parts if is_time)
    return "P" + days + ("T" + clock if clock else "")


def anchor_unit(reference: dt.date, unit: str, steps: int) -> str | None:
    """The period `steps` units away from the reference, at the unit's granularity; None when it lies
    outside the calendar's years 1 to 9999 ("30000 years ago", "in 99999999 years")."""
    unit = unit.lower()
    if unit == "day":
        return (reference + dt.timedelta(days=steps)).isoformat()
    if unit in ("week", "fortnight"):
        return iso_week(reference + dt.timedelta(weeks=steps * (2 if unit == "fortnight" else 1)))
    if unit == "month":
        return month_text(reference + relativedelta(months=steps))
    if unit == "quarter":
        moved = reference + relativedelta(months=3 * steps)
        return f"{year_text(moved.year)}-Q{quarter_of(moved.month)}"
    years_per_step = {"year": 1, "decade": 10, "century": 100, "centurie": 100}.get(unit)
    if years_per_step is None:
        return None
    first_year = (reference.year // years_per_step + steps) * years_per_step
    if not 1 <= first_year <= 9999:
        return None
    digits = {1: 4, 10: 3, 100: 2}[years_per_step]  # "0522", decade "052", century "05"
    return f"{first_year // years_per_step:0{digits}d}"


def decade_of(digit: int, reference: dt.date) -> int:
    """'80s → 198: the latest decade with that digit that has begun by the reference year."""
    century = reference.year // 100
    return (
        century * 10 + digit if century * 100 + digit * 10 <= reference.year else (century - 1) * 10 + digit
    )


def season_value(reference: dt.date, season: str, step: int) -> str:
    """This (step 0), the last ended (-1) or the next unstarted (+1) season of the kind."""
    occurrences = []
    for year in range(reference.year - 2, reference.year + 3):
        bounds = interval_of(f"{year_text(year)}-{season}")
        if bounds is not None:
            occurrences.append((year, bounds.first_day, bounds.last_day))
    if step < 0:
        year = max(y for y, _, last in occurrences if last < reference)
    elif step > 0:
        year = min(y for y, first, _ in occurrences if first > reference)
    else:
        current = [y for y, first, last in occurrences if first <= reference <= last]
        year = current[0] if current else reference.year
    return f"{year_text(year)}-{season}"


def holiday_date(name: str, year: int) -> dt.date | None:
    if name in lex.FIXED_HOLIDAYS:
        month, day = lex.FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name in lex.EASTER_HOLIDAYS:
        return easter(year) + dt.timedelta(days=lex.EASTER_HOLIDAYS[name])
    month, weekday, nth = lex.NTH_WEEKDAY_HOLIDAYS[name]
    days = [
        d
        for d in calendar.Calendar().itermonthdates(year, month)
        if d.month == month and d.weekday() == weekday
    ]
    return days[nth if nth < 0 else nth - 1]


# ---------------------------------------------------------------------------------------------------
# Dates written out in full


_DEFAULTS = (dt.datetime(1, 1, 1), dt.datetime(2, 2, 2))


def absolute_value(text: str) -> str | None:
    """A date written out in full that the rules do not know ('14-Mar-2022', '2022/03/14'), read by
    dateutil; parsing with two different defaults shows which fields the text gave. None without a year."""
    if not re.search(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", text):
        return None
    try:
        first, second = (dateutil_parser.parse(text, default=default) for default in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:
        return None
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    return first.date().isoformat()


# ---------------------------------------------------------------------------------------------------
# Interval of a TIMEX3 value


def _days(first: dt.date, last: dt.date) -> DateInterval:
    return DateInterval(first_day=first, last_day=last)


def interval_of(value: str | None) -> DateInterval | None:
    """First and last calendar day a DATE/TIME value covers; None for vague or unknown values."""
    if not value:
        return None
    try:
        return _interval(value)
    except (ValueError, OverflowError):
        return None


def _interval(value: str) -> DateInterval | None:
    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)", value):
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _days(day, day)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m.group(1)), int(m.group(2))
        return _days(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]))
    if m := re.fullmatch(r"(\d{4})-([QH])([1-4])", value):
        year, months = int(m.group(1)), 3 if m.group(2) == "Q" else 6
        first_month = (int(m.group(3)) - 1) * months + 1
        last_month = first_month + months - 1
        if last_month > 12:
            return None
        return _days(
            dt.date(year, first_month, 1), dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        )
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year, start_month = int(m.group(1)), lex.SEASON_START_MONTH[m.group(2)]
        first = dt.date(year, start_month, 1)
        return _days(first, first + relativedelta(months=3) - dt.timedelta(days=1))
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return _days(monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
        return _days(monday, monday + dt.timedelta(days=6))
    if m := re.fullmatch(r"\d{4}", value):
        return _days(dt.date(int(value), 1, 1), dt.date(int(value), 12, 31))
    if re.fullmatch(r"\d{3}", value):
        return _days(dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31))
    if re.fullmatch(r"\d{2}", value) and int(value) > 0:
        return _days(dt.date(int(value) * 100, 1, 1), dt.date(int(value) * 100 + 99, 12, 31))
    return None
