"""Resolvers for time counted from a point: lengths ("four months"), periods before or after now
("two weeks ago", "next year", "in three days"), repetitions ("every month", "a year" in a rate), vague
references ("recently"), and periods counted from what the text named last ("the next morning").

Why together: each is a unit and a count or a step; `timex.duration` and `timex.anchor_unit` write them.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from schemas import TimexType
from service.extract import date_lexicon as lex
from service.extract.dates.context import Context
from service.extract.dates.quarters import year_ago
from service.extract.dates.tense import Tense
from service.extract.dates.timex import (
    Timex,
    anchor_unit,
    day_timex,
    duration,
    iso_week,
    month_text,
    parse_number,
    year_text,
)


def resolve_relative_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    relation = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    ref = ctx.reference
    if relation == "the past" and unit == "year":
        return Timex(TimexType.DATE, year_text(ref.year - 1))  # "over the past year": TimeBank dates the year
    if relation in ("the past", "the last", "the coming", "the next", "past", "coming"):
        if unit in lex.UNITS:
            return Timex(TimexType.DURATION, duration(1, unit))
        return None
    if relation == "the" and unit in ("year", "quarter"):
        return None  # read by the rules for "the year" and "the quarter"
    step = {"last": -1, "this past": -1, "previous": -1, "the previous": -1, "next": 1}.get(relation, 0)
    if relation in ("previous", "the previous") and (anchored := _step_from_last_named(ctx, unit, -1)):
        return Timex(
            TimexType.DATE, anchored
        )  # "sold in 1987; the previous year": 1986, as TimeML anchors it
    if unit == "weekend":
        monday = ref - dt.timedelta(days=ref.weekday())
        target = monday + dt.timedelta(weeks=step)
        if step == 0 and ref.weekday() < 5 and ctx.tense is Tense.PAST:
            target -= dt.timedelta(weeks=1)
        return Timex(TimexType.DATE, iso_week(target) + "-WE")
    return Timex(TimexType.DATE, anchor_unit(ref, unit, step))  # null past the calendar's end


def resolve_ago(m: re.Match[str], ctx: Context) -> Timex | None:
    unit = m.group("unit").lower()
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    amount = parse_number(m.group("num")) if m.group("num") else None
    if m.group("num") is None and not m.group("unit_text").lower().endswith("s"):
        return None  # "next year after the vote": the rule for "next year" reads it
    if direction in ("later", "earlier", "before", "after"):
        if unit == "year" and amount == 1 and direction in ("earlier", "before"):
            return year_ago(ctx)  # "a year earlier": the same period of the previous year
        return Timex(TimexType.DURATION, duration(amount, unit))
    if amount is None or isinstance(amount, float):
        return Timex(TimexType.DATE, "PAST_REF" if direction == "ago" else "FUTURE_REF")
    if unit == "year" and amount == 1 and direction == "ago":
        return year_ago(ctx)
    steps = -amount if direction == "ago" else amount
    value = anchor_unit(ctx.reference, unit, steps)  # at the unit's granularity: "two weeks ago" → a week
    if value is None:  # "three hours ago" (no clock time to count from), "30000 years ago" (no such year)
        return Timex(TimexType.TIME if lex.UNITS[unit][1] else TimexType.DATE, None)
    return Timex(TimexType.DATE, value)


def resolve_in_units(m: re.Match[str], ctx: Context) -> Timex | None:
    """'in three weeks': a date from now under a future verb, else how long something took."""
    amount = parse_number(m.group("num"))
    unit = m.group("unit").lower()
    if (
        ctx.tense is Tense.FUTURE
        and isinstance(amount, int)
        and unit in ("day", "week", "fortnight", "month", "year")
    ):
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
    if _not_a_period(m, ctx):
        return None
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


def resolve_long_adjective(m: re.Match[str], ctx: Context) -> Timex | None:
    """'year-long' → P1Y, 'a two-week-long strike' → P2W, 'months-long' → PXM."""
    plural = m.group(0).lower().endswith("s-long")
    amount = parse_number(m.group("num")) if m.group("num") else None if plural else 1
    return Timex(TimexType.DURATION, duration(amount, m.group("unit")))


_RATE_BEFORE = re.compile(
    r"(\d|percent|%|times|once|twice|million|billion|cents?|dollars?)\W*$", re.IGNORECASE
)


def _after_an_amount(ctx: Context) -> bool:
    """Whether the word before the match counts something ("$5 billion", "twice", "200 shares")."""
    if _RATE_BEFORE.search(ctx.text[max(0, ctx.start - 25) : ctx.start]):
        return True
    span = ctx.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    before = ctx.doc[span.start - 1] if span is not None and span.start > 0 else None
    return before is not None and before.tag_ in ("NNS", "NNPS")


def _not_a_period(m: re.Match[str], ctx: Context) -> bool:
    """An age ('five years old', 'a century-old firm'), an ordinal ('a second term'), a time of night ('the
    early hours'), or a unit word modifying a noun with no count of its own ('a day care center'): no
    length of time."""
    if (
        re.match(r"[\s-]*old\b", ctx.text[m.end() : m.end() + 8].lower())
        or ctx.word_before() in lex.AGE_WORDS
    ):
        return True
    if m.group(0).lower() == "hours" and ctx.word_before() in lex.NIGHT_HOURS_WORDS:
        return True  # "the early hours of Tuesday", "the small hours": a time of night
    span = ctx.doc.char_span(m.start("unit"), m.end("unit"), alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    unit = span[0]
    if m.group("unit").lower() == "second" and unit.pos_ not in ("NOUN", "PROPN"):
        return True
    count = (m.groupdict().get("num") or m.groupdict().get("every") or "").lower()
    return count in ("", "a", "an") and unit.dep_ == "compound" and unit.head.i > unit.i


def resolve_per_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """'$5 billion a year', '$12 an hour' are rates (SET); 'each year' too; 'for a year' a length."""
    if _not_a_period(m, ctx):
        return None
    unit = m.group("unit").lower()
    every = m.group("every").lower()
    if every in ("a", "an") and m.group(0).lower().endswith("s"):
        return None  # "a months-long feud": the plural is a length of its own
    if every in ("a", "an") and not _after_an_amount(ctx):
        return Timex(TimexType.DURATION, duration(1, unit))
    return Timex(TimexType.SET, duration(1, unit))


def resolve_every(m: re.Match[str], ctx: Context) -> Timex | None:
    """'every month' → P1M, 'every other week' → P2W, 'every three months' → P3M, 'every few years' → PXY."""
    if m.group("vague"):
        return Timex(TimexType.SET, duration(None, m.group("unit")))
    every = 2 if m.group("other") else parse_number(m.group("num")) if m.group("num") else 1
    return Timex(TimexType.SET, duration(every, m.group("unit")))


def resolve_set_word(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.SET, lex.SET_WORDS[m.group(0).lower()])


def resolve_recurring_part(m: re.Match[str], ctx: Context) -> Timex | None:
    """'every morning' → XXXX-XX-XXTMO, 'every weekend' and 'on weekends' → XXXX-WXX-WE."""
    if m.group("part"):
        return Timex(TimexType.SET, f"XXXX-XX-XXT{lex.DAY_PARTS[m.group('part').lower()]}")
    return Timex(TimexType.SET, "XXXX-WXX-WE")


def resolve_reference_word(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.DATE, lex.REFERENCE_WORDS[re.sub(r"\s+", " ", m.group("ref").lower())])


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
    if m.group("part"):
        if ctx.last_day is None:
            return Timex(TimexType.TIME, None)
        return day_timex(ctx.last_day + dt.timedelta(days=step), m.group("part"))
    return Timex(TimexType.DATE, _step_from_last_named(ctx, unit, step))


def _step_from_last_named(ctx: Context, unit: str, step: int) -> str | None:
    """The period `step` units from the last one of that unit the text named ("in March ... the
    following month" → April); None when it named none."""
    if unit == "year":
        return year_text(ctx.last_year + step) if ctx.last_year else None
    if unit == "month":
        return month_text(ctx.last_month + relativedelta(months=step)) if ctx.last_month else None
    if unit in ("week", "day"):
        return anchor_unit(ctx.last_day, unit, step) if ctx.last_day else None
    return None
