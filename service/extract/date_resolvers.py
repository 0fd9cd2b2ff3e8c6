"""Date rule resolvers: each reads one rule's match in its context and gives a Timex, or None to
reject the match (a count, an age, part of a name).

Why apart from the patterns: the patterns say what text a rule takes; these say what it means, with the
reference date, the tense of the governing verb, and what the text named before (`Context`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc

from schemas import TimexType
from service.extract import date_lexicon as lex
from service.extract.date_patterns import DAY, MONTH, YEAR
from service.extract.date_tense import Tense, governing_tense
from service.extract.timex import (
    Timex,
    absolute_value,
    anchor_unit,
    day_timex,
    decade_of,
    duration,
    holiday_date,
    interval_of,
    iso_week,
    parse_number,
    previous_quarter,
    quarter_of,
    quarter_year,
    safe_date,
    season_value,
    shift_weekday,
    year_for,
    year_number,
)


@dataclass
class Context:
    """What a rule may look at: the reference date, the parse, and what the text mentioned before."""

    reference: dt.date
    doc: Doc
    text: str  # doc.text, which spaCy rebuilds on every access
    start: int = 0
    end: int = 0
    last_quarter: tuple[int, int] | None = None  # (year, quarter) of the last quarter named
    last_day: dt.date | None = None
    last_month: dt.date | None = None  # the first day of the last month named
    last_year: int | None = None
    year_to_date: bool = False  # the last period named was months of the year so far ("the nine months")

    @property
    def tense(self) -> Tense | None:
        return governing_tense(self.doc, self.start, self.end)


Resolver = Callable[[re.Match[str], Context], Timex | None]


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _previous_word(ctx: Context) -> str:
    before = ctx.text[max(0, ctx.start - 20) : ctx.start]
    words = re.findall(r"[\w'-]+", before)
    return words[-1].lower() if words else ""


def _month_number(m: re.Match[str]) -> int | None:
    word = m.group("month")
    if not _is_capitalised(word):
        return None
    return lex.MONTHS.get(word.lower())


def resolve_iso(m: re.Match[str], ctx: Context) -> Timex | None:
    found = safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return day_timex(found) if found else None


def resolve_compact(m: re.Match[str], ctx: Context) -> Timex | None:
    value = absolute_value(m.group(0))
    return Timex(TimexType.DATE, value) if value else None


def resolve_numeric(m: re.Match[str], ctx: Context) -> Timex | None:
    """US order (3/14/2022); day first only when the first number cannot be a month (14/3/2022)."""
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if month > 12 >= day:
        month, day = day, month
    if year < 100:
        year += 2000 if year + 2000 <= ctx.reference.year + 10 else 1900
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
    year = year_number(m.group("year")) if m.group("year") else _year_of(ctx, month, day, relation)
    found = safe_date(year, month, day)
    return Timex(TimexType.DATE, found.isoformat() if found else None)  # "Feb. 30": a date, but no such day


def resolve_month(m: re.Match[str], ctx: Context) -> Timex | None:
    month = _month_number(m)
    if month is None:
        return None
    relation = (m.group("rel") or "").lower()
    word = m.group("month").lower()
    bare = not (m.group("year") or m.group("year_rel") or relation)
    if bare and word in lex.WORDLIKE_MONTHS and _previous_word(ctx) not in lex.DATE_PREPOSITIONS:
        return None
    if relation in ("each", "every"):
        return Timex(TimexType.SET, f"XXXX-{month:02d}")
    if m.group("year"):
        year = year_number(m.group("year"))
    elif m.group("year_rel"):  # "February this year"
        year = ctx.reference.year + lex.RELATION_STEPS[m.group("year_rel").lower()]
    else:
        year = _year_of(ctx, month, None, relation)
    return Timex(TimexType.DATE, f"{year}-{month:02d}")


def resolve_weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m.group("weekday")
    if not _is_capitalised(word):
        return None
    weekday = lex.WEEKDAYS[word.lower()]
    relation = (m.group("rel") or "").lower()
    if m.group("every") or m.group("plural"):  # "every Monday", "on Mondays"
        return Timex(TimexType.SET, f"XXXX-WXX-{weekday + 1}")
    if relation == "last":
        delta = (ctx.reference.weekday() - weekday) % 7 or 7
        found = ctx.reference - dt.timedelta(days=delta)
    elif relation == "next":
        delta = (weekday - ctx.reference.weekday()) % 7 or 7
        found = ctx.reference + dt.timedelta(days=delta)
    elif relation in ("this", "coming"):
        found = shift_weekday(ctx.reference, weekday, Tense.FUTURE if relation == "coming" else ctx.tense)
    else:
        found = shift_weekday(ctx.reference, weekday, ctx.tense)
    return day_timex(found, m.group("part"))


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


def resolve_year(m: re.Match[str], ctx: Context) -> Timex | None:
    if not m.group("year").isdigit():  # spoken: "nineteen ninety-six"
        return Timex(TimexType.DATE, str(year_number(m.group("year"))))
    before = ctx.text[max(0, ctx.start - 5) : ctx.start].lower()
    if re.search(r"(?:post|pre|mid)-$", before):  # "post-1959 politics"
        return Timex(TimexType.DATE, m.group("year"))
    if before[-1:] in ("$", "#", "£", "€", "/", ".", ",", ":", "-"):
        return None  # money, a fraction, a number range or a code
    span = ctx.doc.char_span(m.start("year"), m.end("year"), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    label = span[0].ent_type_
    following = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    if label in _NUMERIC_LABELS:
        return None
    counted = following is not None and following.tag_ == "NNS" and following.lower_ not in _TIME_NOUNS
    if counted and _previous_word(ctx) not in _DETERMINERS:
        return None  # a count: "weighs 1990 grams", but a year in "the 1992 protests"
    if (
        label not in ("DATE", "EVENT")
        and not m.group("lead")
        and _previous_word(ctx) not in lex.DATE_PREPOSITIONS
    ):
        return None
    return Timex(TimexType.DATE, str(year_number(m.group("year"))))


def resolve_decade(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the 1980s' → 198, the decade (the issue's form, TIMEX2/TIDES granularity); TimeBank often writes
    198X, "some year of the 1980s", which says less and is not used."""
    if m.group("full"):
        value = m.group("full")[:3]
    elif m.group("short"):
        value = str(decade_of(int(m.group("short")), ctx.reference))
    else:
        value = str(decade_of(lex.DECADE_WORDS[m.group("word").lower()], ctx.reference))
    return Timex(TimexType.DATE, value)


def resolve_century(m: re.Match[str], ctx: Context) -> Timex | None:
    following = ctx.text[m.end() : m.end() + 3].lstrip()
    if _is_capitalised(m.group("century")) and _is_capitalised(following):
        return None  # part of a name: "21st Century Fox"
    ordinal = m.group("ord").lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else lex.ORDINALS[ordinal]
    return Timex(TimexType.DATE, str(number - 1)) if number > 0 else None


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    relation = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    ref = ctx.reference
    if relation == "the past" and unit == "year":
        return Timex(TimexType.DATE, str(ref.year - 1))  # "over the past year": TimeBank dates the year
    if relation in ("the past", "the last", "the coming", "the next", "past", "coming"):
        if unit in lex.UNITS:
            return Timex(TimexType.DURATION, duration(1, unit))
        return None
    if relation == "the" and unit in ("year", "quarter"):
        return None  # read by the rules for "the year" and "the quarter"
    step = {"last": -1, "this past": -1, "previous": -1, "the previous": -1, "next": 1}.get(relation, 0)
    if unit == "weekend":
        monday = ref - dt.timedelta(days=ref.weekday())
        target = monday + dt.timedelta(weeks=step)
        if step == 0 and ref.weekday() < 5 and ctx.tense is Tense.PAST:
            target -= dt.timedelta(weeks=1)
        return Timex(TimexType.DATE, iso_week(target) + "-WE")
    value = anchor_unit(ref, unit, step)
    return Timex(TimexType.DATE, value) if value else None


def resolve_season(m: re.Match[str], ctx: Context) -> Timex | None:
    season = lex.SEASONS[m.group("season").lower()]
    if m.group("year"):
        return Timex(TimexType.DATE, f"{year_number(m.group('year'))}-{season}")
    word = (m.group("rel") or "").lower()
    if not word and _previous_word(ctx) not in lex.SEASON_PREPOSITIONS:
        return None  # "prices fall", "a fall in sales"
    if word == "the" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "the fall of the wall"
    step = lex.RELATION_STEPS.get(word, 0)
    bounds = interval_of(season_value(ctx.reference, season, 0))
    ongoing = bounds is not None and bounds.first_day <= ctx.reference <= bounds.last_day
    if word in ("", "the") and not ongoing and ctx.tense in (Tense.PAST, Tense.FUTURE):
        step = 1 if ctx.tense is Tense.FUTURE else -1  # "will meet in the spring", "closed in the winter"
    return Timex(TimexType.DATE, season_value(ctx.reference, season, step))


def resolve_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = m.group("unit").lower()
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    amount = parse_number(m.group("num")) if m.group("num") else None
    if m.group("num") is None and not m.group("unit_text").lower().endswith("s"):
        return None  # "next year after the vote": the rule for "next year" reads it
    if direction in ("later", "earlier", "before", "after"):
        if unit == "year" and amount == 1 and direction in ("earlier", "before"):
            return _year_ago(ctx)  # "a year earlier": the same period of the previous year
        return Timex(TimexType.DURATION, duration(amount, unit))
    if amount is None or isinstance(amount, float):
        return Timex(TimexType.DATE, "PAST_REF" if direction == "ago" else "FUTURE_REF")
    if unit == "year" and amount == 1 and direction == "ago":
        return _year_ago(ctx)
    steps = -amount if direction == "ago" else amount
    value = anchor_unit(ctx.reference, unit, steps)  # at the unit's granularity: "two weeks ago" → a week
    return Timex(TimexType.DATE, value) if value else None


def _year_ago(ctx: Context) -> Timex:
    """'a year ago', 'year-earlier': in an article about a quarter, that quarter a year before; after
    'the nine months', the year before."""
    if ctx.last_quarter is not None and not ctx.year_to_date:
        year, quarter = ctx.last_quarter
        return Timex(TimexType.DATE, f"{year - 1}-Q{quarter}")
    return Timex(TimexType.DATE, str(ctx.reference.year - 1))


def resolve_in_units(m: re.Match[str], ctx: Context) -> Timex | None:
    """'in three weeks': a date from now under a future verb, else how long something took."""
    amount = parse_number(m.group("num"))
    unit = m.group("unit").lower()
    if ctx.tense is Tense.FUTURE and isinstance(amount, int) and unit in ("day", "week", "month", "year"):
        value = anchor_unit(ctx.reference, unit, amount)
        if value:
            return Timex(TimexType.DATE, value)
    return Timex(TimexType.DURATION, duration(amount, unit))


def _before_verb_or_after_modal(ctx: Context) -> bool:
    span = ctx.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    before = ctx.doc[span.start - 1] if span.start > 0 else None
    after = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    return (before is not None and before.tag_ == "MD") or (after is not None and after.tag_ == "VB")


def resolve_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    after = ctx.text[m.end() : m.end() + 8].lower()
    if re.match(r"[\s-]*old\b", after) or _previous_word(ctx) in ("aged", "age", "ages"):
        return None  # an age, not a period
    if re.fullmatch(r"(?:one|some)\s+day", m.group(0), re.IGNORECASE) and _before_verb_or_after_modal(ctx):
        return Timex(TimexType.DATE, "FUTURE_REF")  # "will one day be": some day to come, not a length
    num = m.group("num")
    plural = m.group("unit_text").lower().endswith("s")
    amount = parse_number(num) if num else (1 if m.group("lead") and not plural else None)
    if amount is not None and m.group("and_half"):  # "a year and a half"
        amount += 0.5
    unit = m.group("unit").lower()
    if num is None and m.group("lead") is None and not plural:
        return None
    if unit == "quarter" and (num is None or re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4])):
        return None  # "three quarters of the votes": a fraction
    return Timex(TimexType.DURATION, duration(amount, unit))


def resolve_adjective_duration(m: re.Match[str], ctx: Context) -> Timex | None:
    if re.match(r"-?old\b", ctx.text[m.end() : m.end() + 5].lower()):
        return None  # "five-year-old": an age
    if m.group(0).lower().endswith("quarters"):
        return None  # "three-quarters of its food": a fraction
    return Timex(TimexType.DURATION, duration(parse_number(m.group("num")), m.group("unit")))


def resolve_per_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """'$5 billion a year' is a rate (SET); 'each year' too."""
    unit = m.group("unit").lower()
    every = m.group("every").lower()
    if every == "a":
        before = ctx.text[max(0, ctx.start - 25) : ctx.start]
        if not re.search(r"(\d|percent|%|times|once|twice|million|billion|cents?|dollars?)\W*$", before):
            return Timex(TimexType.DURATION, duration(1, unit))
    return Timex(TimexType.SET, duration(1, unit))


def resolve_ordinal_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    quarter = lex.QUARTER_ORDINALS[m.group("ord").lower()]
    year_text = m.group("year") or m.group("year2")
    if year_text:
        year = year_number(year_text)
    elif m.group("rel") or m.group("year2_rel"):
        relation = (m.group("rel") or m.group("year2_rel")).split()[0].lower()
        year = ctx.reference.year + lex.RELATION_STEPS[relation]
    else:
        year = quarter_year(ctx.reference, quarter, ctx.tense)
    if m.group("ago"):
        year -= 1
    if m.group("unit").lower() == "half":
        return Timex(TimexType.DATE, f"{year}-H{min(quarter, 2)}")
    return Timex(TimexType.DATE, f"{year}-Q{quarter}")


def resolve_quarter_code(m: re.Match[str], ctx: Context) -> Timex | None:
    """'Q4 2021'; a bare 'Q3' is this year's, or last year's when it is still to come and the verb is past."""
    if not m.group(0).startswith("Q"):
        return None
    quarter = int(m.group("quarter"))
    if m.group("year"):
        return Timex(TimexType.DATE, f"{year_number(m.group('year'))}-Q{quarter}")
    return Timex(TimexType.DATE, f"{quarter_year(ctx.reference, quarter, ctx.tense)}-Q{quarter}")


_ENDED_ON = re.compile(rf"\s+(?:ended|ending|through)\s+{MONTH}\s+{DAY}(?:\s*,?\s*{YEAR})?", re.IGNORECASE)


def resolve_quarter_reference(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the quarter', 'the latest period': the quarter the article is about (the last one named, else
    the last completed quarter); 'the year-ago quarter' is that quarter a year before."""
    words = m.group(0).lower()
    relation = (m.group("rel") or "").lower()
    if relation or "current" in words:
        return Timex(
            TimexType.DATE, anchor_unit(ctx.reference, "quarter", lex.RELATION_STEPS.get(relation, 0))
        )
    if "period" in words and not re.search(r"latest|year|same|comparable|corresponding|\d", words):
        return None
    ended = _ENDED_ON.match(ctx.text, m.end())
    if ended and "year" not in words:  # "the quarter ended Sept. 30": the quarter of that day
        month = lex.MONTHS[ended.group("month").lower()]
        day = int(ended.group("day"))
        year = (
            year_number(ended.group("year"))
            if ended.group("year")
            else year_for(ctx.reference, month, day, Tense.PAST)
        )
        return Timex(TimexType.DATE, f"{year}-Q{quarter_of(month)}")
    year, quarter = ctx.last_quarter or previous_quarter(ctx.reference)
    earlier = re.search(r"year[\s-](?:ago|earlier|before)|last year|prior-year", words)
    if m.group("year"):
        year = year_number(m.group("year"))
    elif earlier:
        year -= 1
    if ctx.year_to_date and "quarter" not in words and (earlier or m.group("year")):
        return Timex(TimexType.DATE, str(year))  # "the 1988 period" after "the nine months"
    return Timex(TimexType.DATE, f"{year}-Q{quarter}")


def resolve_week_of(m: re.Match[str], ctx: Context) -> Timex | None:
    day = resolve_month_day(m, ctx)
    if day is None or day.value is None:
        return None
    return Timex(TimexType.DATE, iso_week(dt.date.fromisoformat(day.value)))


def resolve_year_ago_adjective(m: re.Match[str], ctx: Context) -> Timex | None:
    return _year_ago(ctx)


def resolve_reference_word(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.DATE, lex.REFERENCE_WORDS[re.sub(r"\s+", " ", m.group("ref").lower())])


def resolve_set_word(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.SET, lex.SET_WORDS[m.group(0).lower()])


def resolve_every(m: re.Match[str], ctx: Context) -> Timex | None:
    """'every month' → P1M, 'every other week' → P2W, 'every three months' → P3M."""
    every = 2 if m.group("other") else parse_number(m.group("num")) if m.group("num") else 1
    return Timex(TimexType.SET, duration(every, m.group("unit")))


def _clock_time(m: re.Match[str]) -> str | None:
    if m.group("noon"):
        return "T24:00" if m.group("noon").lower() == "midnight" else "T12:00"
    if m.group("bare_hour"):  # "at 3:30": the hour as written; a part of the day may follow
        hour = int(m.group("bare_hour"))
        return f"T{hour:02d}:{m.group('bare_minute')}" if hour < 24 else None
    hour = int(m.group("hour") or m.group("oclock") or m.group("hour_in"))
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
    if m.group("bare_hour") and _previous_word(ctx) not in lex.CLOCK_PREPOSITIONS:
        return None  # "3:30" alone may be a score or a verse; "at 3:30" is a time
    clock = _clock_time(m)
    return Timex(TimexType.TIME, ctx.reference.isoformat() + clock) if clock else None


def resolve_holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    name = re.sub(r"\s+", " ", m.group("holiday").lower())
    if not _is_capitalised(m.group("holiday").lstrip("the ")) and name not in ("christmas", "easter"):
        return None
    if m.group("year"):
        found = holiday_date(name, year_number(m.group("year")))
        return day_timex(found) if found else None
    ref = ctx.reference
    dates = [d for year in (ref.year - 1, ref.year, ref.year + 1) if (d := holiday_date(name, year))]
    relation = (m.group("rel") or "").lower()
    tense = None if relation else ctx.tense
    if relation == "this" or ref in dates:
        found = dates[1] if relation == "this" else ref
    elif relation == "last" or tense is Tense.PAST:
        found = max(d for d in dates if d < ref)
    elif relation == "next" or tense is Tense.FUTURE:
        found = min(d for d in dates if d > ref)
    else:
        found = min(dates, key=lambda d: (ref - d).days if d <= ref else 2 * (d - ref).days)
    return day_timex(found)


def resolve_anaphoric(m: re.Match[str], ctx: Context) -> Timex | None:
    """'that year', 'the same day', 'the next morning', 'the year before': from the last one the text
    named (TimeML anchors these to the narrative, not to the publication date); null when none was."""
    unit = (m.group("unit") or m.group("shifted") or "day").lower()
    step_word = (m.group("step") or m.group("dir") or "").lower()
    if step_word == "next" and unit != "day" and not m.group("part"):
        return None  # "the next year": the rule for "next year" reads it
    step = lex.ANAPHORIC_STEPS.get(step_word, 0)
    if m.group("dir") and not re.match(r"\s*(?:[,.;:)]|$)", ctx.text[m.end() : m.end() + 2]):
        return Timex(TimexType.DATE, None)  # "the day before the vote": a day the text does not date
    if unit == "year":
        return Timex(TimexType.DATE, str(ctx.last_year + step) if ctx.last_year else None)
    if unit == "month" and ctx.last_month is not None:  # "in March ... the following month"
        return Timex(TimexType.DATE, (ctx.last_month + relativedelta(months=step)).strftime("%Y-%m"))
    if ctx.last_day is None:
        return Timex(TimexType.TIME if m.group("part") else TimexType.DATE, None)
    if m.group("part"):
        return day_timex(ctx.last_day + dt.timedelta(days=step), m.group("part"))
    return Timex(TimexType.DATE, anchor_unit(ctx.last_day, unit, step))


def resolve_the_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the year' is the reference year; 'the fiscal year (ended June 30)' is a span of one year."""
    words = m.group(0).lower()
    if ("fiscal" in words and "current" not in words) or re.match(
        r"\s+(?:ended|ending)\b", ctx.text[m.end() : m.end() + 9]
    ):
        return Timex(TimexType.DURATION, "P1Y")
    return Timex(TimexType.DATE, str(ctx.reference.year))


def resolve_year_end(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.DATE, str(ctx.reference.year), "END")


def resolve_fiscal_year(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.DATE, str(year_number(m.group("year"))))
