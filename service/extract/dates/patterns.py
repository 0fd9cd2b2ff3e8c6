"""Regex building blocks of the date rules (months, years, counts, units, clock times), made from the
word tables in `date_lexicon` so that a new word needs no new pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable

from service.extract import date_lexicon as lex


def alternation(words: Iterable[str]) -> str:
    """Longest first, so that "sept." wins over "sep."; spaces match any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_B = r"(?<![\w'])"  # start of a word (a hyphen may precede: "mid-November")
_E = r"(?![\w])"
MONTH = rf"(?P<month>{alternation(lex.MONTHS)})"
WEEKDAY = rf"(?P<weekday>{alternation(lex.WEEKDAYS)})"
_SPOKEN_YEAR = (
    r"(?:nineteen|twenty)[\s-]+(?:hundred|oh[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?))?"
)
FULL_YEAR = r"(?:1[5-9]|20)\d\d"
# A year in digits, in words, or shortened after an apostrophe ("in '87"; not "'80s").
YEAR = rf"(?P<year>{FULL_YEAR}(?![\d,.]\d)|'\d\d(?![\w'])|{_SPOKEN_YEAR})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d)"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen"
)
_UNIT_NAMES = "second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)"
# "a"/"an" counts one, never before a plural: "a months-long feud" has no count.
_COUNT = (
    rf"(?:\d+(?:\.\d+)?|(?:{TENS})(?:[\s-](?:{DIGIT_WORDS}))?|{_SMALL}|a\s+hundred|hundred|"
    rf"a\s+couple\s+of|a\s+couple|couple\s+of|a\s+quarter(?:\s+of\s+an?)?|an?(?!\s+(?:{_UNIT_NAMES})s\b))"
)
HALF = r"(?:\s*-?\s*1/2|½|\s+and\s+a\s+half|-and-a-half)"
# A count, a count and a half ("5 1/2", "two and a half", "half an", "a half"), or a range ("two to three"), which
# names no single count.
NUMBER = rf"(?:{_COUNT}\s*(?:-|to|or)\s*{_COUNT}|{_COUNT}{HALF}?|half(?:\s+an?)?|a\s+half)"
VAGUE = alternation(lex.VAGUE_QUANTITIES)
UNIT = rf"(?P<unit>{_UNIT_NAMES})s?"
DAY_PART = rf"(?P<part>{alternation(lex.DAY_PARTS)})"
SEASON = rf"(?P<season>{alternation(lex.SEASONS)})"
ORDINAL = (
    r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|twenty-first|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth)"
)
HOLIDAY = (
    rf"(?P<holiday>{alternation([*lex.FIXED_HOLIDAYS, *lex.NTH_WEEKDAY_HOLIDAYS, *lex.EASTER_HOLIDAYS])})"
)
TIME_OF_DAY = (
    r"(?:(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?!\w)"
    r"(?:\s+(?P<tz>ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET)\b)?"
    r"|(?P<noon>noon|midday|midnight)"
    r"|(?P<oclock>[01]?\d)\s+o'clock"
    r"|(?P<hour_in>[01]?\d)\s+in\s+the\s+(?P<half>morning|afternoon|evening|night)"
    r"|(?P<part_hour>[01]?\d)(?=\s+(?:tonight|this\s+(?:morning|afternoon|evening)|"  # "at 10 tonight"
    r"(?:tomorrow|yesterday)\s+(?:morning|afternoon|evening|night))\b)"
    r"|(?P<bare_hour>[0-2]?\d):(?P<bare_minute>[0-5]\d)(?![\d:])"
    r"|(?P<mil_hour>[01]\d|2[0-3])(?P<mil_minute>[0-5]\d)\s+(?:GMT|UTC|(?P<hours>hours))\b)"  # "(1530 GMT)"
)

# Between a count and its unit: space, or nothing after a digit ("24hours"); "twodays" or "everyday" is
# one word, not a count and a unit.
GLUE = r"(?:\s+|(?<=\d))"


# Between the days of a range within a month ("March 3-5", "March 3 to 5", "March 3 through 5").
DAY_RANGE_JOINER = r"(?:\s*[-–]\s*|\s+(?:to|through|until)\s+)"
_ANY_MONTH = alternation(lex.MONTHS)
# The rest of a range after its first day, and the year it closes with ("-5, 2021", " to May 5, 2021").
DAY_RANGE_YEAR = (
    rf"(?:(?={DAY_RANGE_JOINER}(?:(?:{_ANY_MONTH})\s+)?[0-3]?\d(?:st|nd|rd|th)?\s*,?\s*"
    rf"(?P<range_year>{FULL_YEAR})(?!\d)))?"
)
# Between the months or seasons of a range or a list ("May to July", "January, February and March").
_SERIES_JOINER = r"(?:\s*[-–]\s*|\s*,\s*(?:(?:and|or)\s+)?|\s+(?:to|through|until|and|or)\s+)"
# The rest of such a range or list after its first month, and the year it closes with (" to July 2019").
MONTH_RANGE_YEAR = (
    rf"(?:(?=(?:{_SERIES_JOINER}(?:{_ANY_MONTH})){{1,3}}\s*,?\s*(?P<range_year>{FULL_YEAR})(?!\d)))?"
)
# ... after its first season (" and summer of 2019").
SEASON_RANGE_YEAR = (
    rf"(?:(?={_SERIES_JOINER}(?:the\s+)?(?:{alternation(lex.SEASONS)})\s+(?:of\s+)?"
    rf"(?P<range_year>{FULL_YEAR})(?!\d)))?"
)

# After a day, the rest of a range ("from Monday to Friday"): that day is no point counted from.
RANGE_ON = re.compile(r"\s*(?:to|through|till|until|-|–)\s", re.IGNORECASE)


def rx(pattern: str) -> re.Pattern[str]:
    """A rule's pattern: whole words only, in any case."""
    return re.compile(_B + "(?:" + pattern + ")" + _E, re.IGNORECASE)
