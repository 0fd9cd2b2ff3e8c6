"""The date rules as a table (name, pattern, resolver, the words every match needs, its reach), and
the candidate a rule's match becomes.

Rules are listed most specific first: on candidates of equal length the earlier rule wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from service.extract import date_lexicon as lex
from service.extract.dates import named, quarters, relative
from service.extract.dates.context import Resolver
from service.extract.dates.patterns import (
    DAY,
    DAY_PART,
    DAY_RANGE_YEAR,
    FULL_YEAR,
    GLUE,
    HOLIDAY,
    MONTH,
    MONTH_RANGE_YEAR,
    NUMBER,
    ORDINAL,
    SEASON,
    SEASON_RANGE_YEAR,
    TIME_OF_DAY,
    UNIT,
    VAGUE,
    WEEKDAY,
    YEAR,
    alternation,
    rx,
)
from service.extract.dates.scan import DIGITS
from service.extract.dates.timex import Timex


@dataclass(frozen=True)
class Rule:
    """One family of expressions: the text it takes and what that text means."""

    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    # Lower-case strings one of which every match contains at the start of a word (DIGITS: a digit): the
    # rule is only run near them, which spares scanning the whole text with each pattern.
    near: tuple[str, ...]
    # How far a match reaches from the needed word it contains, in whitespace-separated chunks before and
    # after it (lookaheads included; every repeat in the patterns is bounded).
    reach: tuple[int, int]


@dataclass
class Candidate:
    """A span found and its value; `rule` names what found it (a rule, "entity", or a join)."""

    start: int
    end: int
    timex: Timex
    rule: str
    match: re.Match[str] | None = field(default=None, compare=False)


_REL_WORDS = (
    r"(?P<rel>this\s+past|last|next|this|the\s+coming|coming|the\s+previous|previous|the\s+current|current|the\s+past|past|"
    r"the\s+last|the)"
)


def _key_word(phrase: str) -> str:
    """The longest word of a phrase, which a match of the phrase contains whatever its spacing."""
    words: list[str] = re.findall(r"[a-z]+", phrase)
    return max(words, key=len)


_UNIT_WORDS = (
    "second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade", "centur"
)  # fmt: skip

_MONTH_WORDS = tuple(sorted({month[:3] for month in lex.MONTHS}))  # "sep" is in "sept." and "september"

_PART_WORDS = ("morning", "afternoon", "evening", "night", "tonight")

# Each rule: its name, pattern, resolver, the words every match contains, and how many chunks a match
# reaches before and after the one holding such a word.
RULES: tuple[Rule, ...] = (
    Rule(
        "iso_date",
        rx(
            r"(\d{4})-(\d{2})-(\d{2})"
            r"(?:T(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d)(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
        ),
        named.resolve_iso,
        (DIGITS,),
        (0, 0),
    ),
    Rule(
        "compact_date",
        rx(r"\d{4}/\d{1,2}/\d{1,2}|\d{1,2}-[a-z]{3}-\d{4}"),
        named.resolve_compact,
        (DIGITS,),
        (0, 0),
    ),
    Rule(
        "numeric_date",
        rx(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?!/)"),
        named.resolve_numeric,
        (DIGITS,),
        (0, 0),
    ),
    Rule(
        "month_day",
        rx(
            rf"(?:(?P<rel>next|last|this)\s+)?(?:(?:{alternation(lex.WEEKDAYS)}),?\s+)?{MONTH}\s+{DAY}"
            rf"(?:\s*,?\s*{YEAR}|{DAY_RANGE_YEAR})"
        ),
        named.resolve_month_day,
        _MONTH_WORDS,
        (2, 7),
    ),
    Rule(
        "range_last_day",
        rx(
            r"(?:(?<=\d-)|(?<=\d–)|(?<=\d\s-\s)|(?<=\d\s–\s)|(?<=\d\sto\s)|(?<=\d\suntil\s)|(?<=\d\sthrough\s))"
            rf"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*,?\s*(?P<year>{FULL_YEAR}))?(?![\d:.,]\d|\s*(?:%|percent))"
        ),
        named.resolve_range_last_day,
        (DIGITS,),
        (0, 2),
    ),
    Rule(
        "day_month",
        rx(
            rf"(?:(?:{alternation(lex.WEEKDAYS)}),?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{YEAR})?"
        ),
        named.resolve_month_day,
        _MONTH_WORDS,
        (4, 6),
    ),
    Rule(
        "ordinal_day",
        rx(
            r"(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\bsince\s))"
            r"the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in)\s)"
        ),
        named.resolve_ordinal_day,
        (DIGITS,),
        (1, 2),
    ),
    Rule(
        "month",
        rx(
            rf"(?:(?P<rel>last|next|this|each|every)\s+)?{MONTH}"
            rf"(?:\s*,?\s*(?:of\s+)?{YEAR}|\s+(?P<year_rel>this|last|next)\s+year|{MONTH_RANGE_YEAR})"
        ),
        named.resolve_month,
        _MONTH_WORDS,
        (1, 10),
    ),
    Rule(
        "weekday",
        rx(
            rf"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming)\s+|(?P<every>each|every)\s+(?:other\s+)?)?{WEEKDAY}(?P<plural>s)?"
            rf"(?:\s+{DAY_PART})?"
        ),
        named.resolve_weekday,
        tuple(lex.WEEKDAYS),
        (2, 1),
    ),
    Rule(
        "day_word",
        rx(
            r"(?:(?P<lead>mid-afternoon|morning|afternoon|evening|night)\s+(?=today|yesterday|tomorrow))?"
            rf"(?:(?P<word>today|tonight|yesterday|tomorrow)|(?P<this>this|last))(?:\s+{DAY_PART})?"
        ),
        named.resolve_day_word,
        ("today", "tonight", "yesterday", "tomorrow", "this", "last"),
        (1, 1),
    ),
    Rule(
        "holiday",
        rx(rf"(?:(?P<rel>last|next|this|every|each)\s+)?{HOLIDAY}(?:\s*,?\s*{YEAR})?"),
        named.resolve_holiday,
        tuple(
            {
                _key_word(name)
                for name in (*lex.FIXED_HOLIDAYS, *lex.NTH_WEEKDAY_HOLIDAYS, *lex.EASTER_HOLIDAYS)
            }
        ),
        (2, 10),
    ),
    Rule("time", rx(TIME_OF_DAY), named.resolve_time, (DIGITS, "noon", "midday", "midnight"), (0, 3)),
    Rule(
        "decade",
        rx(
            r"(?:the\s+)?(?:(?P<full>(?:1[5-9]|20)\d0)'?s|'(?P<short>\d)0s|(?P<word>"
            + "|".join(lex.DECADE_WORDS)
            + "))"
        ),
        named.resolve_decade,
        (DIGITS, *lex.DECADE_WORDS),
        (1, 0),
    ),
    Rule(
        "century",
        rx(rf"(?:the\s+)?{ORDINAL}[\s-]+(?P<century>century)"),
        named.resolve_century,
        ("century",),
        (2, 0),
    ),
    Rule(
        "ordinal_quarter",
        rx(
            rf"(?:(?P<rel>last\s+year's|next\s+year's|this\s+year's)\s+|(?:the\s+)?(?:fiscal[\s-]+)?(?:{YEAR}(?:'s)?\s+)?)?"
            r"(?:the\s+)?(?P<ago>(?:year-ago|year-earlier|prior-year)\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?"
            r"(?P<unit>quarter|half)(?:(?<=quarter)s(?=\W))?"  # "the second and third quarters"
            r"(?![\s-]+(?:hour|minute|second|day|century|decade|mile|point)s?\b)"
            r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>(?:1[5-9]|20)\d\d)|(?P<year2_rel>last|this|next)\s+year))?"
        ),
        quarters.resolve_ordinal_quarter,
        ("quarter", "half"),
        (10, 4),
    ),
    Rule(
        "two_quarters_of",
        rx(
            r"the\s+(?P<which>first|last|final|second)\s+two\s+quarters\s+of\s+(?:fiscal\s+)?"
            r"(?:(?P<year2>(?:1[5-9]|20)\d\d)|(?P<year2_rel>last|this|next)\s+year)"
        ),
        quarters.resolve_two_quarters_of,
        ("quarters",),
        (3, 4),
    ),
    Rule(
        "paired_quarter",
        rx(
            r"(?:the\s+)?(?P<ord>first|second|third|fourth)"
            r"(?=\s+and\s+(?:the\s+)?(?:first|second|third|fourth)[\s-]+(?:fiscal\s+)?quarters\b"
            r"(?:\s+of\s+(?:fiscal\s+)?(?P<year2>(?:1[5-9]|20)\d\d))?)"
        ),
        quarters.resolve_ordinal_quarter,
        ("first", "second", "third", "fourth"),
        (1, 8),
    ),
    Rule(
        "month_quarter",
        rx(rf"the\s+{MONTH}(?:\s+{YEAR})?\s+quarter(?![\s-]+(?:hour|mile|point)s?\b)"),
        quarters.resolve_month_quarter,
        _MONTH_WORDS,
        (1, 2),
    ),
    Rule(
        "quarter_code",
        rx(rf"Q(?P<quarter>[1-4])(?:\s*,?\s*{YEAR})?"),
        quarters.resolve_quarter_code,
        (DIGITS,),
        (0, 6),
    ),
    Rule(
        "quarter_reference",
        rx(
            rf"(?:last\s+year's\s+|the\s+)(?:{YEAR}\s+)?(?:(?:latest|current|same|comparable|corresponding|year-ago|"
            r"year-earlier|prior-year|most\s+recent|recent|fiscal)\s+){0,4}(?:quarter|period)(?:\s+(?:a\s+)?year\s+"
            r"(?:ago|earlier|before)|\s+last\s+year)?|(?P<rel>this|last|next)\s+quarter"
        ),
        quarters.resolve_quarter_reference,
        ("quarter", "period"),
        (14, 3),
    ),
    Rule(
        "year_ago_adjective",
        rx(r"year-(?:ago|earlier)"),
        quarters.resolve_year_ago_adjective,
        ("year",),
        (0, 0),
    ),
    Rule(
        "week_of",
        rx(rf"the\s+week\s+of\s+{MONTH}\s+{DAY}(?:\s*,?\s*{YEAR})?"),
        named.resolve_week_of,
        _MONTH_WORDS,
        (3, 7),
    ),
    Rule("year_end", rx(r"year[\s-]end|year's\s+end"), quarters.resolve_year_end, ("year",), (0, 1)),
    Rule(
        "fiscal_year",
        rx(rf"(?:fiscal|calendar|financial)(?:[\s-]+year)?\s+{YEAR}"),
        quarters.resolve_fiscal_year,
        ("fiscal", "calendar", "financial"),
        (0, 6),
    ),
    Rule(
        "fiscal_year_code",
        rx(rf"FY\s?(?:{YEAR}|(?P<short_year>\d\d)(?!\d))"),
        quarters.resolve_fiscal_year_code,
        ("fy",),
        (0, 6),
    ),
    Rule(
        "year_fiscal",
        rx(rf"(?:the\s+)?{YEAR}\s+(?:fiscal|calendar|financial)[\s-]+year"),
        quarters.resolve_fiscal_year,
        ("fiscal", "calendar", "financial"),
        (6, 1),
    ),
    Rule(
        "range_first_year",
        rx(rf"(?P<first>{FULL_YEAR})(?=(?:\s*[-–]\s*|/)(?P<last>{FULL_YEAR}|\d\d)(?![\d/]))"),
        named.resolve_year_range,
        (DIGITS,),
        (0, 2),
    ),
    Rule(
        "range_last_year",
        rx(
            r"(?:(?<=\d{4}-)|(?<=\d{4}–)|(?<=\d{4}/)|(?<=\d{4}\s-\s)|(?<=\d{4}\s–\s))"
            rf"(?P<last>{FULL_YEAR}|\d\d)(?![\d/])"
        ),
        named.resolve_year_range,
        (DIGITS,),
        (0, 0),
    ),
    Rule(
        "year",
        rx(rf"(?P<lead>the\s+year\s+)?{YEAR}(?!\s*(?:%|percent))"),
        named.resolve_year,
        (DIGITS, "nineteen", "twenty", "thousand"),
        (3, 4),
    ),
    Rule(
        "numbered_year",
        rx(r"the\s+year\s+(?P<number>\d{3,4})(?![\d,.]\d)"),
        named.resolve_numbered_year,
        ("year",),
        (1, 1),
    ),
    Rule(
        "season",
        rx(
            rf"(?:(?P<rel>last|this|next|the|every|each)\s+)?{SEASON}(?:\s+(?:of\s+)?{YEAR}|{SEASON_RANGE_YEAR})"
        ),
        named.resolve_season,
        tuple(lex.SEASONS),
        (1, 7),
    ),
    Rule(
        "relative_unit",
        rx(rf"{_REL_WORDS}\s+(?:fiscal[\s-]+)?(?P<unit>week|weekend|month|year|quarter|decade|century)"),
        relative.resolve_relative_unit,
        _UNIT_WORDS,
        (2, 0),
    ),
    Rule(
        "anaphoric",
        rx(
            r"(?:that(?:\s+same)?|the\s+same|the\s+(?P<step>following|next|previous|preceding|prior))\s+"
            rf"(?:(?P<unit>year|month|week|day)|{DAY_PART})|the\s+(?P<shifted>year|month|week|day)\s+(?P<dir>before|after)"
        ),
        relative.resolve_anaphoric,
        (*_UNIT_WORDS, *_PART_WORDS),
        (2, 1),
    ),
    Rule(
        "ago",
        rx(
            rf"(?:(?P<num>{NUMBER}|{VAGUE}){GLUE})?(?P<unit_text>{UNIT})(?:\s+or\s+so)?\s+"
            r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence)"
        ),
        relative.resolve_ago,
        _UNIT_WORDS,
        (7, 4),
    ),
    Rule("in_units", rx(rf"in\s+(?P<num>{NUMBER})\s+{UNIT}"), relative.resolve_in_units, _UNIT_WORDS, (8, 0)),
    Rule(
        "per_unit",
        rx(rf"(?P<every>an?|per|each|every)\s+{UNIT}"),
        relative.resolve_per_unit,
        _UNIT_WORDS,
        (1, 0),
    ),
    Rule(
        "duration",
        rx(
            r"(?:the\s+)?(?:(?P<lead>past|last|next|coming|first|final|following|previous|latest|recent|"
            r"subsequent)\s+)?"
            rf"(?:(?P<num>{NUMBER}|{VAGUE}){GLUE})?(?:(?:more|additional|further|straight|consecutive|full|trading|business|working)\s+)?"
            rf"(?P<unit_text>{UNIT})(?P<and_half>\s+and\s+a\s+half)?"
        ),
        relative.resolve_duration,
        _UNIT_WORDS,
        (10, 3),
    ),
    Rule(
        "adjective_duration",
        rx(rf"(?P<num>{NUMBER})-{UNIT}(?!s)"),
        relative.resolve_adjective_duration,
        _UNIT_WORDS,
        (6, 0),
    ),
    Rule(
        "long_adjective",
        rx(rf"(?:(?P<num>{NUMBER})-)?{UNIT}-long"),
        relative.resolve_long_adjective,
        _UNIT_WORDS,
        (6, 0),
    ),
    Rule(
        "every",
        rx(rf"(?:every|each)\s+(?:(?:(?P<other>other)|(?P<num>{NUMBER})|(?P<vague>{VAGUE})){GLUE})?{UNIT}"),
        relative.resolve_every,
        _UNIT_WORDS,
        (8, 0),
    ),
    Rule("set_word", rx(alternation(lex.SET_WORDS)), relative.resolve_set_word, tuple(lex.SET_WORDS), (0, 0)),
    Rule(
        "recurring_part",
        # A bare "weekends" recurs only after "on"/"at" ("shuts on weekends"); "the last two weekends" and
        # "the final two weekends of May" count particular ones.
        rx(rf"(?:every|each)\s+(?:{DAY_PART}|(?P<weekend>weekend))|(?<=\b(?:on|at)\s)(?P<weekends>weekends)"),
        relative.resolve_recurring_part,
        ("every", "each", "weekends"),
        (0, 1),
    ),
    Rule(
        "reference_word",
        rx(rf"(?P<ref>{alternation(lex.REFERENCE_WORDS)})"),
        relative.resolve_reference_word,
        tuple({_key_word(phrase) for phrase in lex.REFERENCE_WORDS}),
        (2, 1),
    ),
    Rule(
        "the_year",
        rx(r"the\s+(?:full\s+|current\s+|fiscal\s+|calendar\s+){0,4}year"),
        quarters.resolve_the_year,
        ("year",),
        (5, 0),
    ),
)
