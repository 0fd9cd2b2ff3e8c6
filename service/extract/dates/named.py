"""Resolvers for dates the text names outright: numeric dates, month and day, months, weekdays, today
and tonight, years, decades, centuries, seasons, holidays and clock times.

Why together: each is one calendar period picked by its name; only the year (or week) may be missing,
and then the governing verb's tense says which occurrence is meant.
"""

from __future__ import annotations

import datetime as dt
import re

from schemas import TimexType
from service.extract import date_lexicon as lex
from service.extract.dates.context import Context
from service.extract.dates.patterns import DAY_RANGE_JOINER, FULL_YEAR, MONTH, RANGE_ON
from service.extract.dates.tense import Tense
from service.extract.dates.timex import (
    Timex,
    absolute_value,
    day_timex,
    decade_of,
    holiday_date,
    interval_of,
    iso_week,
    safe_date,
    season_value,
    shift_weekday,
    two_digit_year,
    year_for,
    year_number,
    year_text,
)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _month_number(m: re.Match[str]) -> int | None:
    word = m.group("month")
    if not _is_capitalised(word):
        return None
    return lex.MONTHS.get(word.lower())


def resolve_iso(m: re.Match[str], ctx: Context) -> Timex | None:
    """'2022-03-14', '2022-03-14T15:30:05Z' (the clock time kept, its zone not); '2022-13-45' is shaped like
    a date but names none: null."""
    found = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if found is None:
        return Timex(TimexType.DATE, None)
    if m.group("hour"):
        seconds = f":{m.group('second')}" if m.group("second") else ""
        return Timex(TimexType.TIME, f"{found.isoformat()}T{m.group('hour')}:{m.group('minute')}{seconds}")
    return day_timex(found)


def resolve_compact(m: re.Match[str], ctx: Context) -> Timex | None:
    value = absolute_value(m.group(0))
    return Timex(TimexType.DATE, value) if value else None


def resolve_numeric(m: re.Match[str], ctx: Context) -> Timex | None:
    """US order (3/14/2022); day first only when the first number cannot be a month (14/3/2022)."""
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if month > 12 >= day:
        month, day = day, month
    if year < 100:
        year = two_digit_year(year, ctx.reference)
    found = safe_date(year, month, day)
    return day_timex(found) if found else None


def _year_of(ctx: Context, month: int, day: int | None, relation: str) -> int:
    """Year of a month (and day) named without one: "next June 30" is the coming one, "last Dec. 31"
    the one before, "this May" this year's; with no such word, the verb's tense decides."""
    named = (month, 0 if day is None else day)
    today = (ctx.reference.month, 0 if day is None else ctx.reference.day)
    if relation == "next":
        return ctx.reference.year if named > today else ctx.reference.year + 1
    if relation == "last":
        return ctx.reference.year if named < today else ctx.reference.year - 1
    if relation == "this":
        return ctx.reference.year
    return year_for(ctx.reference, month, day, ctx.tense)


def resolve_month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    month = _month_number(m)
    if month is None:
        return None
    day = int(m.group("day"))
    relation = (m.groupdict().get("rel") or "").lower()
    written_year = m.group("year") or m.groupdict().get("range_year")  # "March 3-5, 2021"
    year = year_number(written_year, ctx.reference) if written_year else _year_of(ctx, month, day, relation)
    found = safe_date(year, month, day)
    return Timex(TimexType.DATE, found.isoformat() if found else None)  # "Feb. 30": a date, but no such day


_RANGE_FIRST_DAY = re.compile(
    rf"(?<![\w']){MONTH}\s+(?P<first>[0-3]?\d)(?:st|nd|rd|th)?{DAY_RANGE_JOINER}$", re.I
)


def resolve_range_last_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """The last day of a range within a month ('5' in 'March 3-5', 'March 3 to 5, 2021'): TimeML marks
    both days; the last is in the first one's month and year."""
    found = _RANGE_FIRST_DAY.search(ctx.text[max(0, ctx.start - 24) : ctx.start])
    if found is None or not _is_capitalised(found.group("month")):
        return None
    month, first, last = (
        lex.MONTHS[found.group("month").lower()],
        int(found.group("first")),
        int(m.group("day")),
    )
    if last <= first:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif ctx.last_day is not None and (ctx.last_day.month, ctx.last_day.day) == (month, first):
        year = ctx.last_day.year  # the first day, just resolved
    else:
        year = year_for(ctx.reference, month, first, ctx.tense)
    day = safe_date(year, month, last)
    return Timex(TimexType.DATE, day.isoformat() if day else None)


def resolve_ordinal_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """'on the 6th': that day of the month the text named last, else of the reference month, or of the
    month before under a past verb (the next under a future one) when the day lies the other way."""
    day = int(m.group("day"))
    if ctx.last_month is not None:
        month = ctx.last_month
    else:
        month = ctx.reference.replace(day=1)
        tense = ctx.tense
        if tense is Tense.PAST and day > ctx.reference.day:
            month = (month - dt.timedelta(days=1)).replace(day=1)
        elif tense is Tense.FUTURE and day < ctx.reference.day:
            month = (month + dt.timedelta(days=31)).replace(day=1)
    found = safe_date(month.year, month.month, day)
    return Timex(TimexType.DATE, found.isoformat() if found else None)


def resolve_month(m: re.Match[str], ctx: Context) -> Timex | None:
    month = _month_number(m)
    if month is None:
        return None
    relation = (m.group("rel") or "").lower()
    word = m.group("month").lower()
    written_year = m.group("year") or m.group("range_year")  # "May 2019", "May to July 2019"
    bare = not (written_year or m.group("year_rel") or relation)
    if bare and word in lex.WORDLIKE_MONTHS and ctx.word_before() not in lex.DATE_PREPOSITIONS:
        return None
    if bare and word in lex.DOTLESS_MONTHS:
        return None  # "Jan said", "talked to Jan"
    if relation in ("each", "every"):
        return Timex(TimexType.SET, f"XXXX-{month:02d}")
    if written_year:
        year = year_number(written_year, ctx.reference)
    elif m.group("year_rel"):  # "February this year"
        year = ctx.reference.year + lex.RELATION_STEPS[m.group("year_rel").lower()]
    else:
        year = _year_of(ctx, month, None, relation)
    return Timex(TimexType.DATE, f"{year_text(year)}-{month:02d}")


def resolve_week_of(m: re.Match[str], ctx: Context) -> Timex | None:
    day = resolve_month_day(m, ctx)
    if day is None or day.value is None:
        return None
    return Timex(TimexType.DATE, iso_week(dt.date.fromisoformat(day.value)))


_COUNTED_FROM = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+from\s+$", re.IGNORECASE)


def _counted_from(ctx: Context) -> bool:
    """'a week from Friday' counts ahead from the coming Friday ('3 days from Monday to Friday' is a range)."""
    before = ctx.text[max(0, ctx.start - 20) : ctx.start]
    return _COUNTED_FROM.search(before) is not None and not RANGE_ON.match(ctx.text, ctx.end)


def resolve_weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m.group("weekday")
    if not _is_capitalised(word):
        return None
    weekday = lex.WEEKDAYS[word.lower()]
    relation = lex.WEEKDAY_RELATIONS.get(re.sub(r"\s+", " ", (m.group("rel") or "").lower()), "")
    if m.group("plural") and not m.group("every"):
        before = ctx.word_before()
        if before in lex.COUNTING_WORDS or before.isdigit():
            return None  # "the next two Sundays": particular days, no repetition
    if m.group("every") or m.group("plural"):  # "every Monday", "on Mondays", "every Monday morning"
        part = f"T{lex.DAY_PARTS[m.group('part').lower()]}" if m.group("part") else ""
        return Timex(TimexType.SET, f"XXXX-WXX-{weekday + 1}{part}")
    if relation == "last":
        delta = (ctx.reference.weekday() - weekday) % 7 or 7
        found = ctx.reference - dt.timedelta(days=delta)
    elif relation == "next":
        delta = (weekday - ctx.reference.weekday()) % 7 or 7
        found = ctx.reference + dt.timedelta(days=delta)
    elif relation in ("this", "coming") or _counted_from(ctx):
        found = shift_weekday(ctx.reference, weekday, Tense.FUTURE if relation != "this" else ctx.tense)
    else:
        found = shift_weekday(ctx.reference, weekday, _day_tense(ctx))
    return day_timex(found, m.group("part"))


def _day_tense(ctx: Context) -> Tense | None:
    """Tense for a weekday or a holiday: a present verb it hangs on directly states a plan, kept as
    PRESENT ("the museum reopens Tuesday", "the vote is on Thursday"); through a noun, or as a verb of
    saying, it says nothing of the day, None ("follows Tuesday's declaration", "officials say Tuesday")."""
    tense = ctx.tense
    return None if tense is Tense.PRESENT and not ctx.states_plan else tense


_DAY_WORD_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def resolve_day_word(m: re.Match[str], ctx: Context) -> Timex | None:
    part = m.group("part") or m.group("lead")
    if m.group("this"):  # "this morning", "last night"
        if part is None:
            return None
        days_back = 1 if m.group("this").lower() == "last" else 0
        return day_timex(ctx.reference - dt.timedelta(days=days_back), part)
    word = m.group("word").lower()
    found = ctx.reference + dt.timedelta(days=_DAY_WORD_OFFSETS[word])
    return day_timex(found, part or ("tonight" if word == "tonight" else None))


_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "this", "that"})

_TIME_NOUNS = frozenset({"years", "months", "weeks", "days", "hours", "decades", "centuries"})

_NUMERIC_LABELS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL", "PRODUCT", "LAW"})


# Characters before a number that make it money, a fraction, part of a number range or a code.
_MONEY_OR_CODE = frozenset({"$", "#", "£", "€", "/", ".", ",", ":", "-"})


def resolve_year(m: re.Match[str], ctx: Context) -> Timex | None:
    if not m.group("year").isdigit() and not m.group("year").startswith("'"):  # "nineteen ninety-six"
        return Timex(TimexType.DATE, year_text(year_number(m.group("year"), ctx.reference)))
    before = ctx.text[max(0, ctx.start - 5) : ctx.start].lower()
    if re.search(r"(?:post|pre|mid)-$", before):  # "post-1959 politics"
        return Timex(TimexType.DATE, m.group("year"))
    if before[-1:] in _MONEY_OR_CODE:
        return None  # money, a fraction, a number range or a code
    if re.match(r"\s+(?:GMT|UTC)\b", ctx.text[m.end() : m.end() + 5]):
        return None  # a clock time: "1530 GMT"
    if not m.group("lead") and ctx.word_before() in lex.NUMBERING_NOUNS:
        return None  # "Flight 2020", "Room 1999": a number that names a thing
    span = ctx.doc.char_span(m.start("year"), m.end("year"), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    label = span[0].ent_type_
    if label in _NUMERIC_LABELS:
        return None
    if _counts_things(ctx, _token_after(ctx, m.end() + _range_rest(ctx.text, m.end()))):
        return None  # a count: "weighs 1990 grams", "1990-2000 points", but a year in "the 1992 protests"
    if (
        label not in ("DATE", "EVENT")
        and not m.group("lead")
        and ctx.word_before() not in lex.DATE_PREPOSITIONS
    ):
        return None
    return Timex(TimexType.DATE, year_text(year_number(m.group("year"), ctx.reference)))


def _counts_things(ctx: Context, next_token: int) -> bool:
    """Whether the number ending before token `next_token` counts the plural noun there ("1990 grams",
    "1990-2000 points"); not after a determiner ("the 1992 protests") nor before "levels", "earnings"."""
    following = ctx.doc[next_token] if next_token < len(ctx.doc) else None
    return (
        following is not None
        and following.tag_ == "NNS"
        and following.lower_ not in _TIME_NOUNS
        and following.lower_ not in lex.YEAR_QUALIFIED_NOUNS
        and ctx.word_before() not in _DETERMINERS
    )


def _token_after(ctx: Context, char: int) -> int:
    """Index of the first token that starts at or after `char` (len(doc) when none does)."""
    after = ctx.doc.char_span(char, len(ctx.text), alignment_mode="expand")
    return after.start if after is not None and len(after) > 0 else len(ctx.doc)


_RANGE_REST = re.compile(r"(?:\s*[-–]\s*|/)\d{2,4}(?!\d)")


def _range_rest(text: str, end: int) -> int:
    """Length of the rest of a number range after `end` ('-2000' in '1990-2000'), else 0."""
    rest = _RANGE_REST.match(text, end)
    return rest.end() - end if rest else 0


_RANGE_FIRST_YEAR = re.compile(rf"(?P<first>{FULL_YEAR})(?:\s*[-–]\s*|/)$")


def resolve_year_range(m: re.Match[str], ctx: Context) -> Timex | None:
    """Each end of a range of years ('1990-1995', '1990–95', '2001 - 2009', '2021/22'): TimeML marks both. A
    range that does not go forward ('2021-03', a month) or counts things ('1990-2000 points') is none."""
    is_first = bool(m.groupdict().get("first"))
    if is_first:
        first_text, range_start, range_end = m.group("first"), ctx.start, m.end("last")
    else:
        before = ctx.text[max(0, ctx.start - 8) : ctx.start]
        found = _RANGE_FIRST_YEAR.search(before)
        if found is None:
            return None
        first_text, range_start, range_end = (
            found.group("first"),
            ctx.start - len(before) + found.start(),
            ctx.end,
        )
    first, last_text = int(first_text), m.group("last")
    last = int(last_text) if len(last_text) == 4 else first // 100 * 100 + int(last_text)
    if len(last_text) == 2 and last <= first and last + 100 - first <= 10:
        last += 100  # "1998-03" runs into the next century; "2021-03" is a month
    if not first < last <= first + 99 or ctx.text[max(0, range_start - 1) : range_start] in _MONEY_OR_CODE:
        return None
    if _counts_things(ctx, _token_after(ctx, range_end)):
        return None
    return Timex(TimexType.DATE, year_text(first if is_first else last))


def resolve_numbered_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the year 1066', 'the year 3021': any year of the calendar (1 to 9999); 'the year 0000' has none."""
    number = int(m.group("number"))
    return Timex(TimexType.DATE, f"{number:04d}" if number >= 1 else None)


_DECADE_QUALIFIERS = frozenset({"early", "mid", "mid-", "late"})


def resolve_decade(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the 1980s' → 198, the decade (the issue's form, TIMEX2/TIDES granularity); TimeBank often writes
    198X, "some year of the 1980s", which says less and is not used. 'The 1800s' are a century (18);
    'in her thirties', 'his mid-60s' are ages."""
    words = re.findall(r"[\w'-]+", ctx.text[max(0, ctx.start - 30) : ctx.start].lower())
    while words and words[-1] in _DECADE_QUALIFIERS:
        words.pop()
    if words and words[-1] in lex.AGE_POSSESSIVES:
        return None
    if m.group("full") and m.group("full").endswith("00") and m.group("full") < "2000":
        value = m.group("full")[:2]
    elif m.group("full"):
        value = m.group("full")[:3]
    else:
        digit = int(m.group("short")) if m.group("short") else lex.DECADE_WORDS[m.group("word").lower()]
        decade = decade_of(digit, ctx.reference)
        value = f"{decade:03d}" if decade >= 0 else None  # none before the year 0
    return Timex(TimexType.DATE, value)


def resolve_century(m: re.Match[str], ctx: Context) -> Timex | None:
    following = ctx.text[m.end() : m.end() + 3].lstrip()
    if _is_capitalised(m.group("century")) and _is_capitalised(following):
        return None  # part of a name: "21st Century Fox"
    ordinal = m.group("ord").lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else lex.ORDINALS[ordinal]
    return Timex(TimexType.DATE, f"{number - 1:02d}") if 0 < number <= 100 else None


def resolve_season(m: re.Match[str], ctx: Context) -> Timex | None:
    season = lex.SEASONS[m.group("season").lower()]
    written_year = m.group("year") or m.group("range_year")  # "summer 2019", "the spring and summer of 2019"
    if written_year:
        return Timex(TimexType.DATE, f"{year_text(year_number(written_year, ctx.reference))}-{season}")
    word = (m.group("rel") or "").lower()
    if word in ("every", "each"):
        return Timex(TimexType.SET, f"XXXX-{season}")
    if not word and ctx.word_before() not in lex.SEASON_PREPOSITIONS:
        return None  # "prices fall", "a fall in sales"
    if word == "the" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "the fall of the wall"
    step = lex.RELATION_STEPS.get(word, 0)
    bounds = interval_of(season_value(ctx.reference, season, 0))
    ongoing = bounds is not None and bounds.first_day <= ctx.reference <= bounds.last_day
    if word in ("", "the", "this") and not ongoing and ctx.tense in (Tense.PAST, Tense.FUTURE):
        step = 1 if ctx.tense is Tense.FUTURE else -1  # "will meet in the spring", "closed in the winter"
    elif word in ("", "the") and not ongoing and ctx.tense is Tense.PRESENT:
        step = _nearer_season_step(ctx.reference, season)  # "the plant opens in the spring"
    return Timex(TimexType.DATE, season_value(ctx.reference, season, step))


def _nearer_season_step(reference: dt.date, season: str) -> int:
    """-1 or +1: whether the last season of the kind ended closer to the reference than the next begins."""
    last = interval_of(season_value(reference, season, -1))
    coming = interval_of(season_value(reference, season, 1))
    if last is None or coming is None:
        return 0
    return -1 if (reference - last.last_day) < (coming.first_day - reference) else 1


def resolve_holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    name = re.sub(r"\s+", " ", m.group("holiday").lower())
    if not _is_capitalised(m.group("holiday").lstrip("the ")) and name not in ("christmas", "easter"):
        return None
    if m.group("year"):
        found = holiday_date(name, year_number(m.group("year"), ctx.reference))
        return day_timex(found) if found else None
    relation = (m.group("rel") or "").lower()
    if relation in ("every", "each"):  # "every Christmas": XXXX-12-25; a movable feast has no such value
        fixed = lex.FIXED_HOLIDAYS.get(name)
        return Timex(TimexType.SET, f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else None)
    ref = ctx.reference
    dates = [d for year in (ref.year - 1, ref.year, ref.year + 1) if (d := holiday_date(name, year))]
    day_tense = None if relation else _day_tense(ctx)
    tense = Tense.FUTURE if day_tense is Tense.PRESENT else day_tense  # a present plan: the coming one
    if relation == "this" or ref in dates:
        found = dates[1] if relation == "this" else ref
    elif relation == "last" or tense is Tense.PAST:
        found = max(d for d in dates if d < ref)
    elif relation == "next" or tense is Tense.FUTURE:
        found = min(d for d in dates if d > ref)
    else:
        found = min(dates, key=lambda d: (ref - d).days if d <= ref else 2 * (d - ref).days)
    return day_timex(found)


def _clock_time(m: re.Match[str]) -> str | None:
    if m.group("noon"):
        return "T24:00" if m.group("noon").lower() == "midnight" else "T12:00"
    if m.group("mil_hour"):  # "1530 GMT"
        return f"T{m.group('mil_hour')}:{m.group('mil_minute')}"
    if m.group("bare_hour"):  # "at 3:30": the hour as written; a part of the day may follow
        hour = int(m.group("bare_hour"))
        return f"T{hour:02d}:{m.group('bare_minute')}" if hour < 24 else None
    hour = int(m.group("hour") or m.group("oclock") or m.group("hour_in") or m.group("part_hour"))
    if not 1 <= hour <= 12:
        return None
    minute = int(m.group("minute") or 0) if m.group("hour") else 0
    half = (m.group("half") or "").lower()
    evening = half in ("afternoon", "evening") or (half == "night" and hour >= 6)
    if ((m.group("ampm") or "").lower().startswith("p") or evening) and hour != 12:
        hour += 12
    elif (m.group("ampm") or "").lower().startswith("a") and hour == 12:
        hour = 0
    return f"T{hour:02d}:{minute:02d}"


def resolve_time(m: re.Match[str], ctx: Context) -> Timex | None:
    if (m.group("bare_hour") or m.group("part_hour")) and ctx.word_before() not in lex.CLOCK_PREPOSITIONS:
        return None  # "3:30" alone may be a score or a verse, "10 tonight" a count; "at 3:30" is a time
    if m.group("mil_hour") and ctx.text[max(0, ctx.start - 1) : ctx.start] == "(":
        return None  # "9:15 a.m. (1415 GMT)": the same time again, in another zone
    if (
        m.group("hours")
        and not m.group(0).startswith("0")
        and ctx.word_before() not in lex.CLOCK_PREPOSITIONS
    ):
        return None  # "1500 hours of service" is a length; "at 1500 hours", "0600 hours" a clock time
    clock = _clock_time(m)
    return Timex(TimexType.TIME, ctx.reference.isoformat() + clock) if clock else None
