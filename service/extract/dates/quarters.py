"""Resolvers for reporting periods: quarters and halves, fiscal years, "the year", year-end, and the
finance-style references back to them ("the quarter", "the year-earlier period").

Why apart: a company report speaks of the quarter it is about; "the quarter" and "a year earlier" are
that quarter and the same quarter a year before, remembered in `Context.last_period`.
"""

from __future__ import annotations

import re

from schemas import TimexType
from service.extract import date_lexicon as lex
from service.extract.dates.context import Context
from service.extract.dates.patterns import DAY, MONTH, YEAR
from service.extract.dates.tense import Tense
from service.extract.dates.timex import (
    Timex,
    anchor_unit,
    previous_quarter,
    quarter_of,
    quarter_year,
    two_digit_year,
    year_for,
    year_number,
    year_text,
)


def year_ago(ctx: Context) -> Timex:
    """'a year ago', 'year-earlier': in an article about a quarter (or a half), that quarter a year
    before; after 'the nine months', the year before."""
    if ctx.last_period is not None and not ctx.year_to_date:
        year, letter, number = ctx.last_period
        return Timex(TimexType.DATE, f"{year_text(year - 1)}-{letter}{number}")
    return Timex(TimexType.DATE, year_text(ctx.reference.year - 1))


def resolve_ordinal_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the third quarter', 'the first half of 1990', and the first of a pair ("the second and third
    quarters"), whose match holds only its ordinal."""
    groups = m.groupdict()
    half = (groups.get("unit") or "quarter").lower() == "half"
    number = lex.QUARTER_ORDINALS[m.group("ord").lower()]
    number = min(number, 2) if half else number  # "the final half" is the second
    written_year = groups.get("year") or groups.get("year2")
    relation = groups.get("rel") or groups.get("year2_rel")
    if written_year:
        year = year_number(written_year, ctx.reference)
    elif relation:
        year = ctx.reference.year + lex.RELATION_STEPS[relation.split()[0].lower()]
    elif ctx.habitual:  # "is usually held in the second quarter": every year's
        return Timex(TimexType.SET, f"XXXX-{'H' if half else 'Q'}{number}")
    else:
        year = quarter_year(ctx.reference, number, ctx.tense, 6 if half else 3)
    if groups.get("ago"):
        year -= 1
    return Timex(TimexType.DATE, f"{year_text(year)}-{'H' if half else 'Q'}{number}")


def resolve_two_quarters_of(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the first two quarters of 1990' is that year's first half; 'the last two quarters of' its second."""
    half = 1 if m.group("which").lower() == "first" else 2
    if m.group("year2"):
        year = int(m.group("year2"))
    else:
        year = ctx.reference.year + lex.RELATION_STEPS[m.group("year2_rel").lower()]
    return Timex(TimexType.DATE, f"{year_text(year)}-H{half}")


def resolve_month_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the September quarter': the calendar quarter that month closes."""
    month = lex.MONTHS[m.group("month").lower()]
    quarter = quarter_of(month)
    if m.group("year"):
        return Timex(TimexType.DATE, f"{year_text(year_number(m.group('year'), ctx.reference))}-Q{quarter}")
    return Timex(TimexType.DATE, f"{year_text(quarter_year(ctx.reference, quarter, ctx.tense))}-Q{quarter}")


def resolve_quarter_code(m: re.Match[str], ctx: Context) -> Timex | None:
    """'Q4 2021'; a bare 'Q3' is this year's, or last year's when it is still to come and the verb is past."""
    if not m.group(0).startswith("Q"):
        return None
    quarter = int(m.group("quarter"))
    if m.group("year"):
        return Timex(TimexType.DATE, f"{year_text(year_number(m.group('year'), ctx.reference))}-Q{quarter}")
    return Timex(TimexType.DATE, f"{year_text(quarter_year(ctx.reference, quarter, ctx.tense))}-Q{quarter}")


_ENDED_ON = re.compile(rf"\s+(?:ended|ending|through|to)\s+{MONTH}\s+{DAY}(?:\s*,?\s*{YEAR})?", re.IGNORECASE)


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
            year_number(ended.group("year"), ctx.reference)
            if ended.group("year")
            else year_for(ctx.reference, month, day, Tense.PAST)
        )
        return Timex(TimexType.DATE, f"{year_text(year)}-Q{quarter_of(month)}")
    period = ctx.last_period
    if period is None and ctx.tense is Tense.FUTURE:  # "will reopen by the end of the quarter"
        return Timex(TimexType.DATE, anchor_unit(ctx.reference, "quarter", 0))
    if period is None or (period[1] == "H" and "quarter" in words):
        period = previous_quarter(ctx.reference)
    year, letter, number = period
    earlier = re.search(r"year[\s-](?:ago|earlier|before)|last year|prior-year", words)
    if m.group("year"):
        year = year_number(m.group("year"), ctx.reference)
    elif earlier:
        year -= 1
    if ctx.year_to_date and "quarter" not in words and (earlier or m.group("year")):
        return Timex(TimexType.DATE, year_text(year))  # "the 1988 period" after "the nine months"
    return Timex(TimexType.DATE, f"{year_text(year)}-{letter}{number}")


def resolve_year_ago_adjective(m: re.Match[str], ctx: Context) -> Timex | None:
    return year_ago(ctx)


# After "the year", the day or month it runs up to: "the year ended June 30", "the year to March".
_YEAR_ENDING = re.compile(rf"\s+(?:(?:ended|ending)\b|(?:to|through)\s+{MONTH})", re.IGNORECASE)


def resolve_the_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """'the year' is the reference year; 'the fiscal year (ended June 30)', 'the year to March' a span of one year; 'the
    year 7 class' and 'the year-long probe' are no such date ('the year 1066' is that year, read by its
    own rule)."""
    words = m.group(0).lower()
    if re.match(r"\s+\d|-", ctx.text[m.end() : m.end() + 2]):
        return None  # "the year 7 class", "the year-long probe"
    if ("fiscal" in words and "current" not in words) or _YEAR_ENDING.match(ctx.text, m.end()):
        return Timex(TimexType.DURATION, "P1Y")
    return Timex(TimexType.DATE, year_text(ctx.reference.year))


def resolve_year_end(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.DATE, year_text(ctx.reference.year), "END")


def resolve_fiscal_year(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex(TimexType.DATE, year_text(year_number(m.group("year"), ctx.reference)))


def resolve_fiscal_year_code(m: re.Match[str], ctx: Context) -> Timex | None:
    """'FY2021', 'FY 2021', 'FY21': that (fiscal) year; a lower-case 'fy' is no such code."""
    if not m.group(0).startswith("FY"):
        return None
    if m.group("short_year"):
        return Timex(TimexType.DATE, year_text(two_digit_year(int(m.group("short_year")), ctx.reference)))
    return resolve_fiscal_year(m, ctx)
