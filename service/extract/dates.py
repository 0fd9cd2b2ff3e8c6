"""Temporal expressions with TIMEX3 values, resolved against the publication date.

Candidates come from regular patterns over the text (one rule per family, built from the tables in
`date_lexicon`) and from spaCy's DATE/TIME entities; the longest non-overlapping candidates win. Rules
that need the reading of the sentence ask the parse for the tense of the governing verb: a bare weekday
or month is the past occurrence under a past verb and the next one under "will". Expressions that point
back into the text ("the next morning", "the year before", "a year earlier" in a quarterly report) are
resolved, in text order, from what the text named last, as TimeML does; the publication date anchors the
rest. Expressions whose value cannot be known honestly keep a null value rather than a guess.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import Enum

from dateutil import parser as dateutil_parser
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token

from schemas import DateExpression, DateInterval, TimexType
from service.extract import date_lexicon as lex


class Tense(Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


@dataclass(frozen=True)
class Timex:
    type: TimexType
    value: str | None
    mod: str | None = None


@dataclass
class _Context:
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


Resolver = Callable[[re.Match[str], _Context], Timex | None]


@dataclass(frozen=True)
class _Rule:
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
class _Candidate:
    start: int
    end: int
    timex: Timex
    rule: str
    match: re.Match[str] | None = field(default=None, compare=False)


# ---------------------------------------------------------------------------------------------------
# Regex building blocks


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so that "sept." wins over "sep."; spaces match any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_B = r"(?<![\w'])"  # start of a word (a hyphen may precede: "mid-November")
_E = r"(?![\w])"
_MONTH = rf"(?P<month>{_alternation(lex.MONTHS)})"
_WEEKDAY = rf"(?P<weekday>{_alternation(lex.WEEKDAYS)})"
_SPOKEN_YEAR = (
    r"(?:nineteen|twenty)[\s-]+(?:hundred|oh[\s-]+(?:one|two|three|four|five|six|seven|eight|nine)|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
    r"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\s-](?:one|two|three|four|five|"
    r"six|seven|eight|nine))?))?"
)
_YEAR = rf"(?P<year>(?:1[5-9]|20)\d\d(?![\d,.]\d)|{_SPOKEN_YEAR})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:.,]\d)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_DIGIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_SMALL = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen"
)
_COUNT = (
    rf"(?:\d+(?:\.\d+)?|(?:{_TENS})(?:[\s-](?:{_DIGIT_WORDS}))?|{_SMALL}|a\s+hundred|hundred|"
    r"a\s+couple\s+of|a\s+couple|couple\s+of|an?)"
)
_HALF = r"(?:\s*-?\s*1/2|½|\s+and\s+a\s+half)"
# A count, a count and a half ("5 1/2", "two and a half", "half an", "a half"), or a range ("two to three"), which
# names no single count.
_NUMBER = rf"(?:{_COUNT}\s*(?:-|to|or)\s*{_COUNT}|{_COUNT}{_HALF}?|half(?:\s+an?)?|a\s+half)"
_VAGUE = _alternation(lex.VAGUE_QUANTITIES)
_UNIT = r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))s?"
_PART = rf"(?P<part>{_alternation(lex.DAY_PARTS)})"
_SEASON = rf"(?P<season>{_alternation(lex.SEASONS)})"
_ORDINAL = (
    r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|twenty-first|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth)"
)
_HOLIDAY = (
    rf"(?P<holiday>{_alternation([*lex.FIXED_HOLIDAYS, *lex.NTH_WEEKDAY_HOLIDAYS, *lex.EASTER_HOLIDAYS])})"
)
_TIME_OF_DAY = (
    r"(?:(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?!\w)"
    r"(?:\s+(?P<tz>ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|CET)\b)?"
    r"|(?P<noon>noon|midday|midnight)"
    r"|(?P<oclock>[01]?\d)\s+o'clock"
    r"|(?P<hour_in>[01]?\d)\s+in\s+the\s+(?P<half>morning|afternoon|evening|night)"
    r"|(?P<bare_hour>[0-2]?\d):(?P<bare_minute>[0-5]\d)(?![\d:]))"
)


# Between a count and its unit: space, or nothing after a digit ("24hours"); "twodays" or "everyday" is
# one word, not a count and a unit.
_GLUE = r"(?:\s+|(?<=\d))"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(_B + "(?:" + pattern + ")" + _E, re.IGNORECASE)


# ---------------------------------------------------------------------------------------------------
# Calendar helpers


def parse_number(text: str) -> int | float | None:
    """'four' → 4, 'twenty-four' → 24, '2.5' → 2.5, '5 1/2' → 5.5, 'a couple of' → 2; None for vague
    quantities and ranges ('two to three')."""
    words = re.sub(r"\s+", " ", text.strip().lower())
    if words in ("half", "a half", "half a", "half an"):
        return 0.5
    if half := re.fullmatch(r"(.+?)" + _HALF, words):
        whole = parse_number(half.group(1))
        return None if whole is None else whole + 0.5
    if re.fullmatch(r"\d+", words):
        return int(words)
    if re.fullmatch(r"\d+\.\d+", words):
        return float(words)
    if words in lex.NUMBER_WORDS:
        return lex.NUMBER_WORDS[words]
    parts = re.split(r"[\s-]", words)
    if len(parts) == 2 and re.fullmatch(_TENS, parts[0]) and re.fullmatch(_DIGIT_WORDS, parts[1]):
        return lex.NUMBER_WORDS[parts[0]] + lex.NUMBER_WORDS[parts[1]]  # "twenty-four"
    return None


def year_number(text: str) -> int:
    """'1996' → 1996, 'nineteen ninety-six' → 1996, 'two thousand and one' → 2001."""
    if text.isdigit():
        return int(text)
    words = re.sub(r"[\s-]+", " ", text.lower()).replace(" and", "").split(" ")
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(parse_number(" ".join(words[2:])) or 0)
    century = lex.NUMBER_WORDS[words[0]] * 100
    rest = [w for w in words[1:] if w not in ("oh", "hundred")]
    return century + int(parse_number(" ".join(rest)) or 0) if rest else century


def _day(d: dt.date) -> str:
    return d.isoformat()


def _week(d: dt.date) -> str:
    """ISO week; a Sunday counts in the week it starts, as in US usage ("this week", said on a Sunday).
    Always two digits (2000-W07), as ISO 8601 writes weeks: some TimeBank files write 2000-W7, or 1989-WXX
    for a week the annotator did not compute; neither is followed."""
    year, week, _ = (d + dt.timedelta(days=1) if d.weekday() == 6 else d).isocalendar()
    return f"{year}-W{week:02d}"


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _quarter_year(reference: dt.date, quarter: int, tense: Tense | None) -> int:
    """Year of a quarter named without one: the latest begun under a past verb, else the nearest, the
    side the verb points away from counting double: "the fourth quarter" in January is the one just
    ended, "will report third-quarter earnings" in October the one that has ended, and "will slow in the
    third quarter" in January the one to come."""
    years = (reference.year - 1, reference.year, reference.year + 1)
    firsts = {year: dt.date(year, 3 * quarter - 2, 1) for year in years}
    if tense is Tense.PAST:
        return max(year for year in years if firsts[year] <= reference)
    ahead, behind = (1, 2) if tense is Tense.FUTURE else (2, 1)  # news mostly reports the past

    def distance(year: int) -> int:
        last = firsts[year] + relativedelta(months=3, days=-1)
        return max(0, behind * (reference - last).days, ahead * (firsts[year] - reference).days)

    return min(years, key=distance)


def _previous_quarter(d: dt.date) -> tuple[int, int]:
    quarter = _quarter_of(d) - 1
    return (d.year, quarter) if quarter else (d.year - 1, 4)


def _shift_weekday(reference: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The weekday's date: the reference itself on the same weekday, else the next one under a future
    verb and the last one otherwise (news mostly reports what happened)."""
    delta = weekday - reference.weekday()
    if delta == 0:
        return reference
    if tense is Tense.FUTURE:
        return reference + dt.timedelta(days=delta % 7)
    return reference - dt.timedelta(days=(-delta) % 7)


# How far back a past verb's day of the month may lie (days) before it is read as the coming one.
_STALE_DAY_DAYS = 300


def _year_for(reference: dt.date, month: int, day: int | None, tense: Tense | None) -> int:
    """Year of a month (and day) named without one: past under a past verb, future under a future
    verb, else the nearest occurrence. A day is named without its year only when it is near: a past
    verb with a day almost a year back is one just ahead ("set Nov. 10 as the deadline")."""
    key = (month, day or 0)
    ref_key = (reference.month, reference.day if day else 0)

    def distance(year: int) -> int:  # in days, roughly; a future date counts double (news reports the past)
        days = (year - reference.year) * 372 + (month - reference.month) * 31 + (day or 0) - ref_key[1]
        return days * 2 if days > 0 else -days

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


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _timex_day(d: dt.date, part: str | None = None) -> Timex:
    if part:
        return Timex(TimexType.TIME, f"{_day(d)}T{lex.DAY_PARTS[part.lower()]}")
    return Timex(TimexType.DATE, _day(d))


def _duration(amount: int | float | None, unit: str) -> str:
    letter, is_time = lex.UNITS[unit.lower()]
    if letter in lex.YEARS_PER_UNIT and amount is not None:  # "three decades" → P30Y
        amount, letter = amount * lex.YEARS_PER_UNIT[letter], "Y"
    if amount is None:
        return _iso_duration([("X", letter, is_time)])
    whole = int(amount)
    parts: list[tuple[str, str, bool]] = [(str(whole), letter, is_time)]
    smaller = lex.SMALLER_UNITS.get((letter, is_time))
    rest = round((amount - whole) * smaller[2], 6) if smaller else 0.0
    if amount != whole and smaller and rest.is_integer():  # "5 1/2 hours" → PT5H30M
        parts = parts[:1] if whole else []
        parts.append((str(int(rest)), smaller[0], smaller[1]))
    elif amount != whole:
        parts = [(f"{amount:g}", letter, is_time)]
    return _iso_duration(parts)


def _iso_duration(parts: list[tuple[str, str, bool]]) -> str:
    """(number, unit letter, is a time unit) parts → 'P1DT12H'."""
    days = "".join(number + letter for number, letter, is_time in parts if not is_time)
    clock = "".join(number + letter for number, letter, is_time in parts if is_time)
    return "P" + days + ("T" + clock if clock else "")


def _anchor_unit(reference: dt.date, unit: str, steps: int) -> str | None:
    """The period `steps` units away from the reference, at the unit's granularity."""
    unit = unit.lower()
    if unit == "day":
        return _day(reference + dt.timedelta(days=steps))
    if unit == "week":
        return _week(reference + dt.timedelta(weeks=steps))
    if unit == "month":
        return (reference + relativedelta(months=steps)).strftime("%Y-%m")
    if unit == "quarter":
        moved = reference + relativedelta(months=3 * steps)
        return f"{moved.year}-Q{_quarter_of(moved)}"
    if unit == "year":
        return str(reference.year + steps)
    if unit == "decade":
        return str(reference.year // 10 + steps)
    if unit in ("century", "centurie"):
        return str(reference.year // 100 + steps)
    return None


# ---------------------------------------------------------------------------------------------------
# Tense of the governing verb


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would"})


def _is_past(token: Token) -> bool:
    return "Tense=Past" in str(token.morph)


def _is_pluperfect(verb: Token) -> bool:
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children)


def governing_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """Tense of the verb governing the span: 'will'/'shall' → future, past morphology → past."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    preposition = ""
    for _ in range(3):  # "met on Monday": Monday → on → met; further up is another clause's verb
        if token.lower_ in lex.FUTURE_WORDS:
            return Tense.FUTURE  # "payable Dec. 1", "due Monday"
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
            break
        if token.dep_ == "prep":
            preposition = token.lower_
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    if token.lemma_ in lex.DEFERRING_VERBS and preposition in lex.DEFERRED_TO:
        return Tense.FUTURE  # "postponed the vote until Tuesday", "was set for Nov. 21"
    if token.tag_ == "VB" and token.dep_ in ("xcomp", "ccomp") and token.head.lemma_ in lex.FUTURE_HEADS:
        if _is_pluperfect(token.head):
            return Tense.PAST  # "had been scheduled to expire Friday": a plan that has passed
        return Tense.FUTURE  # "is set to resume Monday"
    if token.tag_ == "VB" and token.dep_ == "xcomp" and _is_past(token.head):
        return None  # "agreed to buy it in February": after the agreement, before or after today
    for verb in (token, token.head) if token.dep_ in ("xcomp", "ccomp") and token.tag_ == "VB" else (token,):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_AUX for a in auxes):
            return Tense.FUTURE
        if verb.lower_ in _FUTURE_AUX:
            return Tense.FUTURE
        if any(_is_past(a) for a in auxes) or verb.tag_ == "VBD" or (_is_past(verb) and verb.tag_ != "VBN"):
            return Tense.PAST
        if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
            scheduled = verb.lemma_ in lex.SCHEDULING_VERBS and not _is_pluperfect(verb)
            return Tense.FUTURE if scheduled else Tense.PAST
        present = verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)
        if present and verb.dep_ not in ("xcomp", "ccomp"):
            return Tense.PRESENT
    return Tense.PRESENT if token.tag_ in ("VBZ", "VBP") else None


# ---------------------------------------------------------------------------------------------------
# Rule resolvers: each turns a match into a Timex, or None to reject the candidate


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _previous_word(ctx: _Context) -> str:
    before = ctx.text[max(0, ctx.start - 20) : ctx.start]
    words = re.findall(r"[\w'-]+", before)
    return words[-1].lower() if words else ""


def _month_number(m: re.Match[str]) -> int | None:
    word = m.group("month")
    if not _is_capitalised(word):
        return None
    return lex.MONTHS.get(word.lower())


def _resolve_iso(m: re.Match[str], ctx: _Context) -> Timex | None:
    found = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return Timex(TimexType.DATE, _day(found)) if found else None


def _resolve_compact(m: re.Match[str], ctx: _Context) -> Timex | None:
    value = absolute_value(m.group(0))
    return Timex(TimexType.DATE, value) if value else None


def _resolve_numeric(m: re.Match[str], ctx: _Context) -> Timex | None:
    """US order (3/14/2022); day first only when the first number cannot be a month (14/3/2022)."""
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if month > 12 >= day:
        month, day = day, month
    if year < 100:
        year += 2000 if year + 2000 <= ctx.reference.year + 10 else 1900
    found = _safe_date(year, month, day)
    return Timex(TimexType.DATE, _day(found)) if found else None


def _resolve_month_day(m: re.Match[str], ctx: _Context) -> Timex | None:
    month = _month_number(m)
    if month is None:
        return None
    day = int(m.group("day"))
    relation = (m.groupdict().get("rel") or "").lower()
    today = (ctx.reference.month, ctx.reference.day)
    if m.group("year"):
        year = year_number(m.group("year"))
    elif relation == "next":  # "next June 30": the coming one
        year = ctx.reference.year if (month, day) > today else ctx.reference.year + 1
    elif relation == "last":  # "last Dec. 31": the one before
        year = ctx.reference.year if (month, day) < today else ctx.reference.year - 1
    elif relation == "this":
        year = ctx.reference.year
    else:
        year = _year_for(ctx.reference, month, day, ctx.tense)
    found = _safe_date(year, month, day)
    return Timex(TimexType.DATE, _day(found) if found else None)  # "Feb. 30": a date, but no such day


def _resolve_month(m: re.Match[str], ctx: _Context) -> Timex | None:
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
        year = ctx.reference.year + {"last": -1, "this": 0, "next": 1}[m.group("year_rel").lower()]
    elif relation == "last":
        year = ctx.reference.year if month < ctx.reference.month else ctx.reference.year - 1
    elif relation == "next":
        year = ctx.reference.year if month > ctx.reference.month else ctx.reference.year + 1
    elif relation == "this":
        year = ctx.reference.year
    else:
        year = _year_for(ctx.reference, month, None, ctx.tense)
    return Timex(TimexType.DATE, f"{year}-{month:02d}")


def _resolve_weekday(m: re.Match[str], ctx: _Context) -> Timex | None:
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
        found = _shift_weekday(ctx.reference, weekday, Tense.FUTURE if relation == "coming" else ctx.tense)
    else:
        found = _shift_weekday(ctx.reference, weekday, ctx.tense)
    return _timex_day(found, m.group("part"))


_DAY_WORD_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _resolve_day_word(m: re.Match[str], ctx: _Context) -> Timex | None:
    part = m.group("part") or m.group("lead")
    if m.group("this"):  # "this morning", "last night"
        if part is None:
            return None
        days_back = 1 if m.group("this").lower() == "last" else 0
        return _timex_day(ctx.reference - dt.timedelta(days=days_back), part)
    word = m.group("word").lower()
    found = ctx.reference + dt.timedelta(days=_DAY_WORD_OFFSETS[word])
    return _timex_day(found, part or ("tonight" if word == "tonight" else None))


_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "this", "that"})
_TIME_NOUNS = frozenset({"years", "months", "weeks", "days", "hours", "decades", "centuries"})
_NUMERIC_LABELS = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT", "ORDINAL", "PRODUCT", "LAW"})


def _resolve_year(m: re.Match[str], ctx: _Context) -> Timex | None:
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


def _decade_of(digit: int, reference: dt.date) -> int:
    """'80s → 198: the latest decade with that digit that has begun by the reference year."""
    century = reference.year // 100
    return (
        century * 10 + digit if century * 100 + digit * 10 <= reference.year else (century - 1) * 10 + digit
    )


def _resolve_decade(m: re.Match[str], ctx: _Context) -> Timex | None:
    """'the 1980s' → 198, the decade (the issue's form, TIMEX2/TIDES granularity); TimeBank often writes
    198X, "some year of the 1980s", which says less and is not used."""
    if m.group("full"):
        value = m.group("full")[:3]
    elif m.group("short"):
        value = str(_decade_of(int(m.group("short")), ctx.reference))
    else:
        value = str(_decade_of(lex.DECADE_WORDS[m.group("word").lower()], ctx.reference))
    return Timex(TimexType.DATE, value)


def _resolve_century(m: re.Match[str], ctx: _Context) -> Timex | None:
    following = ctx.text[m.end() : m.end() + 3].lstrip()
    if _is_capitalised(m.group("century")) and _is_capitalised(following):
        return None  # part of a name: "21st Century Fox"
    ordinal = m.group("ord").lower()
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else lex.ORDINALS[ordinal]
    return Timex(TimexType.DATE, str(number - 1)) if number > 0 else None


def _resolve_relative_unit(m: re.Match[str], ctx: _Context) -> Timex | None:
    relation = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    ref = ctx.reference
    if relation == "the past" and unit == "year":
        return Timex(TimexType.DATE, str(ref.year - 1))  # "over the past year": TimeBank dates the year
    if relation in ("the past", "the last", "the coming", "the next", "past", "coming"):
        if unit in lex.UNITS:
            return Timex(TimexType.DURATION, _duration(1, unit))
        return None
    if relation == "the" and unit in ("year", "quarter"):
        return None  # read by the rules for "the year" and "the quarter"
    step = {"last": -1, "this past": -1, "previous": -1, "the previous": -1, "next": 1}.get(relation, 0)
    if unit == "weekend":
        monday = ref - dt.timedelta(days=ref.weekday())
        target = monday + dt.timedelta(weeks=step)
        if step == 0 and ref.weekday() < 5 and ctx.tense is Tense.PAST:
            target -= dt.timedelta(weeks=1)
        return Timex(TimexType.DATE, _week(target) + "-WE")
    value = _anchor_unit(ref, unit, step)
    return Timex(TimexType.DATE, value) if value else None


def _season(reference: dt.date, season: str, step: int) -> str:
    """This (step 0), the last ended (-1) or the next unstarted (+1) season of the kind."""
    occurrences = []
    for year in range(reference.year - 2, reference.year + 3):
        bounds = interval_of(f"{year}-{season}")
        if bounds is not None:
            occurrences.append((year, bounds.first_day, bounds.last_day))
    if step < 0:
        year = max(y for y, _, last in occurrences if last < reference)
    elif step > 0:
        year = min(y for y, first, _ in occurrences if first > reference)
    else:
        current = [y for y, first, last in occurrences if first <= reference <= last]
        year = current[0] if current else reference.year
    return f"{year}-{season}"


def _resolve_season(m: re.Match[str], ctx: _Context) -> Timex | None:
    season = lex.SEASONS[m.group("season").lower()]
    if m.group("year"):
        return Timex(TimexType.DATE, f"{year_number(m.group('year'))}-{season}")
    word = (m.group("rel") or "").lower()
    if not word and _previous_word(ctx) not in lex.SEASON_PREPOSITIONS:
        return None  # "prices fall", "a fall in sales"
    if word == "the" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "the fall of the wall"
    step = {"last": -1, "next": 1}.get(word, 0)
    bounds = interval_of(_season(ctx.reference, season, 0))
    ongoing = bounds is not None and bounds.first_day <= ctx.reference <= bounds.last_day
    if word in ("", "the") and not ongoing and ctx.tense in (Tense.PAST, Tense.FUTURE):
        step = 1 if ctx.tense is Tense.FUTURE else -1  # "will meet in the spring", "closed in the winter"
    return Timex(TimexType.DATE, _season(ctx.reference, season, step))


def _resolve_ago(m: re.Match[str], ctx: _Context) -> Timex | None:
    unit = m.group("unit").lower()
    direction = re.sub(r"\s+", " ", m.group("dir").lower())
    amount = parse_number(m.group("num")) if m.group("num") else None
    if m.group("num") is None and not m.group("unit_text").lower().endswith("s"):
        return None  # "next year after the vote": the rule for "next year" reads it
    if direction in ("later", "earlier", "before", "after"):
        if unit == "year" and amount == 1 and direction in ("earlier", "before"):
            return _year_ago(ctx)  # "a year earlier": the same period of the previous year
        return Timex(TimexType.DURATION, _duration(amount, unit))
    if amount is None or isinstance(amount, float):
        return Timex(TimexType.DATE, "PAST_REF" if direction == "ago" else "FUTURE_REF")
    if unit == "year" and amount == 1 and direction == "ago":
        return _year_ago(ctx)
    steps = -amount if direction == "ago" else amount
    value = _anchor_unit(ctx.reference, unit, steps)  # at the unit's granularity: "two weeks ago" → a week
    return Timex(TimexType.DATE, value) if value else None


def _year_ago(ctx: _Context) -> Timex:
    """'a year ago', 'year-earlier': in an article about a quarter, that quarter a year before; after
    'the nine months', the year before."""
    if ctx.last_quarter is not None and not ctx.year_to_date:
        year, quarter = ctx.last_quarter
        return Timex(TimexType.DATE, f"{year - 1}-Q{quarter}")
    return Timex(TimexType.DATE, str(ctx.reference.year - 1))


def _resolve_in_units(m: re.Match[str], ctx: _Context) -> Timex | None:
    """'in three weeks': a date from now under a future verb, else how long something took."""
    amount = parse_number(m.group("num"))
    unit = m.group("unit").lower()
    if ctx.tense is Tense.FUTURE and isinstance(amount, int) and unit in ("day", "week", "month", "year"):
        value = _anchor_unit(ctx.reference, unit, amount)
        if value:
            return Timex(TimexType.DATE, value)
    return Timex(TimexType.DURATION, _duration(amount, unit))


def _before_verb_or_after_modal(ctx: _Context) -> bool:
    span = ctx.doc.char_span(ctx.start, ctx.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    before = ctx.doc[span.start - 1] if span.start > 0 else None
    after = ctx.doc[span.end] if span.end < len(ctx.doc) else None
    return (before is not None and before.tag_ == "MD") or (after is not None and after.tag_ == "VB")


def _resolve_duration(m: re.Match[str], ctx: _Context) -> Timex | None:
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
    return Timex(TimexType.DURATION, _duration(amount, unit))


def _resolve_adjective_duration(m: re.Match[str], ctx: _Context) -> Timex | None:
    if re.match(r"-?old\b", ctx.text[m.end() : m.end() + 5].lower()):
        return None  # "five-year-old": an age
    if m.group(0).lower().endswith("quarters"):
        return None  # "three-quarters of its food": a fraction
    return Timex(TimexType.DURATION, _duration(parse_number(m.group("num")), m.group("unit")))


def _resolve_per_unit(m: re.Match[str], ctx: _Context) -> Timex | None:
    """'$5 billion a year' is a rate (SET); 'each year' too."""
    unit = m.group("unit").lower()
    every = m.group("every").lower()
    if every == "a":
        before = ctx.text[max(0, ctx.start - 25) : ctx.start]
        if not re.search(r"(\d|percent|%|times|once|twice|million|billion|cents?|dollars?)\W*$", before):
            return Timex(TimexType.DURATION, _duration(1, unit))
    return Timex(TimexType.SET, _duration(1, unit))


_QUARTER_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "final": 4,
}


def _resolve_ordinal_quarter(m: re.Match[str], ctx: _Context) -> Timex | None:
    quarter = _QUARTER_ORDINALS[m.group("ord").lower()]
    year_text = m.group("year") or m.group("year2")
    if year_text:
        year = year_number(year_text)
    elif m.group("rel") or m.group("year2_rel"):
        relation = (m.group("rel") or m.group("year2_rel")).split()[0].lower()
        year = ctx.reference.year + {"last": -1, "this": 0, "next": 1}[relation]
    else:
        year = _quarter_year(ctx.reference, quarter, ctx.tense)
    if m.group("ago"):
        year -= 1
    if m.group("unit").lower() == "half":
        return Timex(TimexType.DATE, f"{year}-H{min(quarter, 2)}")
    return Timex(TimexType.DATE, f"{year}-Q{quarter}")


def _resolve_quarter_code(m: re.Match[str], ctx: _Context) -> Timex | None:
    """'Q4 2021'; a bare 'Q3' is this year's, or last year's when it is still to come and the verb is past."""
    if not m.group(0).startswith("Q"):
        return None
    quarter = int(m.group("quarter"))
    if m.group("year"):
        return Timex(TimexType.DATE, f"{year_number(m.group('year'))}-Q{quarter}")
    return Timex(TimexType.DATE, f"{_quarter_year(ctx.reference, quarter, ctx.tense)}-Q{quarter}")


def _resolve_quarter_reference(m: re.Match[str], ctx: _Context) -> Timex | None:
    """'the quarter', 'the latest period': the quarter the article is about (the last one named, else
    the last completed quarter); 'the year-ago quarter' is that quarter a year before."""
    words = m.group(0).lower()
    relation = (m.group("rel") or "").lower()
    if relation or "current" in words:
        step = {"last": -1, "next": 1}.get(relation, 0)
        moved = ctx.reference + relativedelta(months=3 * step)
        return Timex(TimexType.DATE, f"{moved.year}-Q{_quarter_of(moved)}")
    if "period" in words and not re.search(r"latest|year|same|comparable|corresponding|\d", words):
        return None
    ended = _ENDED_ON.match(ctx.text, m.end())
    if ended and "year" not in words:  # "the quarter ended Sept. 30": the quarter of that day
        month = lex.MONTHS[ended.group("month").lower()]
        day = int(ended.group("day"))
        year = (
            year_number(ended.group("year"))
            if ended.group("year")
            else _year_for(ctx.reference, month, day, Tense.PAST)
        )
        return Timex(TimexType.DATE, f"{year}-Q{(month - 1) // 3 + 1}")
    year, quarter = ctx.last_quarter or _previous_quarter(ctx.reference)
    earlier = re.search(r"year[\s-](?:ago|earlier|before)|last year|prior-year", words)
    if m.group("year"):
        year = year_number(m.group("year"))
    elif earlier:
        year -= 1
    if ctx.year_to_date and "quarter" not in words and (earlier or m.group("year")):
        return Timex(TimexType.DATE, str(year))  # "the 1988 period" after "the nine months"
    return Timex(TimexType.DATE, f"{year}-Q{quarter}")


_ENDED_ON = re.compile(rf"\s+(?:ended|ending|through)\s+{_MONTH}\s+{_DAY}(?:\s*,?\s*{_YEAR})?", re.IGNORECASE)


def _resolve_week_of(m: re.Match[str], ctx: _Context) -> Timex | None:
    day = _resolve_month_day(m, ctx)
    if day is None or day.value is None:
        return None
    return Timex(TimexType.DATE, _week(dt.date.fromisoformat(day.value)))


def _resolve_year_ago_adjective(m: re.Match[str], ctx: _Context) -> Timex | None:
    return _year_ago(ctx)


def _resolve_reference_word(m: re.Match[str], ctx: _Context) -> Timex | None:
    return Timex(TimexType.DATE, lex.REFERENCE_WORDS[re.sub(r"\s+", " ", m.group("ref").lower())])


def _resolve_set_word(m: re.Match[str], ctx: _Context) -> Timex | None:
    return Timex(TimexType.SET, lex.SET_WORDS[m.group(0).lower()])


def _resolve_every(m: re.Match[str], ctx: _Context) -> Timex | None:
    """'every month' → P1M, 'every other week' → P2W, 'every three months' → P3M."""
    every = 2 if m.group("other") else parse_number(m.group("num")) if m.group("num") else 1
    return Timex(TimexType.SET, _duration(every, m.group("unit")))


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


def _resolve_time(m: re.Match[str], ctx: _Context) -> Timex | None:
    if m.group("bare_hour") and _previous_word(ctx) not in lex.CLOCK_PREPOSITIONS:
        return None  # "3:30" alone may be a score or a verse; "at 3:30" is a time
    clock = _clock_time(m)
    return Timex(TimexType.TIME, _day(ctx.reference) + clock) if clock else None


def _holiday_date(name: str, year: int) -> dt.date | None:
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


def _resolve_holiday(m: re.Match[str], ctx: _Context) -> Timex | None:
    name = re.sub(r"\s+", " ", m.group("holiday").lower())
    if not _is_capitalised(m.group("holiday").lstrip("the ")) and name not in ("christmas", "easter"):
        return None
    if m.group("year"):
        found = _holiday_date(name, year_number(m.group("year")))
        return Timex(TimexType.DATE, _day(found)) if found else None
    ref = ctx.reference
    dates = [d for year in (ref.year - 1, ref.year, ref.year + 1) if (d := _holiday_date(name, year))]
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
    return Timex(TimexType.DATE, _day(found))


_ANAPHORIC_STEPS = {
    "following": 1,
    "next": 1,
    "after": 1,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "before": -1,
}


def _resolve_anaphoric(m: re.Match[str], ctx: _Context) -> Timex | None:
    """'that year', 'the same day', 'the next morning', 'the year before': from the last one the text
    named (TimeML anchors these to the narrative, not to the publication date); null when none was."""
    unit = (m.group("unit") or m.group("shifted") or "day").lower()
    step_word = (m.group("step") or m.group("dir") or "").lower()
    if step_word == "next" and unit != "day" and not m.group("part"):
        return None  # "the next year": the rule for "next year" reads it
    step = _ANAPHORIC_STEPS.get(step_word, 0)
    if m.group("dir") and not re.match(r"\s*(?:[,.;:)]|$)", ctx.text[m.end() : m.end() + 2]):
        return Timex(TimexType.DATE, None)  # "the day before the vote": a day the text does not date
    if unit == "year":
        return Timex(TimexType.DATE, str(ctx.last_year + step) if ctx.last_year else None)
    if unit == "month" and ctx.last_month is not None:  # "in March ... the following month"
        return Timex(TimexType.DATE, (ctx.last_month + relativedelta(months=step)).strftime("%Y-%m"))
    if ctx.last_day is None:
        return Timex(TimexType.TIME if m.group("part") else TimexType.DATE, None)
    if m.group("part"):
        return _timex_day(ctx.last_day + dt.timedelta(days=step), m.group("part"))
    return Timex(TimexType.DATE, _anchor_unit(ctx.last_day, unit, step))


def _resolve_the_year(m: re.Match[str], ctx: _Context) -> Timex | None:
    """'the year' is the reference year; 'the fiscal year (ended June 30)' is a span of one year."""
    words = m.group(0).lower()
    if ("fiscal" in words and "current" not in words) or re.match(
        r"\s+(?:ended|ending)\b", ctx.text[m.end() : m.end() + 9]
    ):
        return Timex(TimexType.DURATION, "P1Y")
    return Timex(TimexType.DATE, str(ctx.reference.year))


def _resolve_year_end(m: re.Match[str], ctx: _Context) -> Timex | None:
    return Timex(TimexType.DATE, str(ctx.reference.year), "END")


def _resolve_fiscal_year(m: re.Match[str], ctx: _Context) -> Timex | None:
    return Timex(TimexType.DATE, str(year_number(m.group("year"))))


# ---------------------------------------------------------------------------------------------------
# Scanning only near the words a rule needs

DIGITS = "0-9"
# Characters other than A-Z that IGNORECASE matches to ASCII letters ('ſ' to 's', the Kelvin sign to 'k').
_FOLD = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(65, 91)}, "İ": "i", "ı": "i", "ſ": "s", "K": "k"}
)
_CHUNK = re.compile(r"\S+")
_DIGIT_RUN = re.compile(r"\d+")


class _Scanner:
    """Finds a rule's matches only in windows around the strings it needs, with exactly the results of
    `pattern.finditer(text)`: a match lies within reach of the needed string it contains, and
    windows that touch are merged, so each window is searched from a point no match crosses."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = text.translate(_FOLD)  # same length: offsets carry over
        chunks = [m.span() for m in _CHUNK.finditer(text)]
        self.chunk_starts = [start for start, _ in chunks]
        self.chunk_ends = [end for _, end in chunks]
        self.windows_for: dict[tuple[tuple[str, ...], tuple[int, int]], list[tuple[int, int]]] = {}

    def _occurrences(self, needle: str) -> Iterable[int]:
        if needle == DIGITS:
            yield from (m.start() for m in _DIGIT_RUN.finditer(self.text))
            return
        folded = self.folded
        at = folded.find(needle)
        while at >= 0:
            if not ("a" <= folded[at - 1 : at] <= "z"):  # inside a word ("today") no pattern has it
                yield at
            at = folded.find(needle, at + 1)

    def _windows(self, near: tuple[str, ...], reach: tuple[int, int]) -> list[tuple[int, int]]:
        if (near, reach) in self.windows_for:
            return self.windows_for[near, reach]
        before, after = reach
        last = len(self.chunk_starts) - 1
        spans = []
        for at in sorted(at for needle in near for at in self._occurrences(needle)):
            chunk = bisect.bisect_right(self.chunk_starts, at) - 1  # the chunk holding the needle
            first = self.chunk_starts[max(0, chunk - before)]
            spans.append((first, self.chunk_ends[min(last, chunk + after)]))
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self.windows_for[near, reach] = merged
        return merged

    def matches(self, rule: _Rule) -> Iterable[re.Match[str]]:
        return itertools.chain.from_iterable(
            rule.pattern.finditer(self.text, start, end)
            for start, end in self._windows(rule.near, rule.reach)
        )


# ---------------------------------------------------------------------------------------------------
# The rules, most specific first (on equal spans the earlier rule wins)

_REL_WORDS = (
    r"(?P<rel>this\s+past|last|next|this|the\s+coming|coming|the\s+previous|previous|the\s+current|current|the\s+past|past|"
    r"the\s+last|the)"
)


def _key_word(phrase: str) -> str:
    """The longest word of a phrase, which a match of the phrase contains whatever its spacing."""
    words: list[str] = re.findall(r"[a-z]+", phrase)
    return max(words, key=len)


_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "centur")
_MONTH_WORDS = tuple(sorted({month[:3] for month in lex.MONTHS}))  # "sep" is in "sept." and "september"
_PART_WORDS = ("morning", "afternoon", "evening", "night", "tonight")

# Each rule: its name, pattern, resolver, the words every match contains, and how many chunks a match
# reaches before and after the one holding such a word.
RULES: tuple[_Rule, ...] = (
    _Rule("iso_date", _rx(r"(\d{4})-(\d{2})-(\d{2})"), _resolve_iso, (DIGITS,), (0, 0)),
    _Rule(
        "compact_date",
        _rx(r"\d{4}/\d{1,2}/\d{1,2}|\d{1,2}-[a-z]{3}-\d{4}"),
        _resolve_compact,
        (DIGITS,),
        (0, 0),
    ),
    _Rule(
        "numeric_date", _rx(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?!/)"), _resolve_numeric, (DIGITS,), (0, 0)
    ),
    _Rule(
        "month_day",
        _rx(
            rf"(?:(?P<rel>next|last|this)\s+)?(?:(?:{_alternation(lex.WEEKDAYS)}),?\s+)?{_MONTH}\s+{_DAY}"
            rf"(?:\s*,?\s*{_YEAR})?"
        ),
        _resolve_month_day,
        _MONTH_WORDS,
        (2, 7),
    ),
    _Rule(
        "day_month",
        _rx(
            rf"(?:(?:{_alternation(lex.WEEKDAYS)}),?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:\s*,?\s*{_YEAR})?"
        ),
        _resolve_month_day,
        _MONTH_WORDS,
        (4, 6),
    ),
    _Rule(
        "month",
        _rx(
            rf"(?:(?P<rel>last|next|this|each|every)\s+)?{_MONTH}"
            rf"(?:\s*,?\s*(?:of\s+)?{_YEAR}|\s+(?P<year_rel>this|last|next)\s+year)?"
        ),
        _resolve_month,
        _MONTH_WORDS,
        (1, 7),
    ),
    _Rule(
        "weekday",
        _rx(
            rf"(?:(?P<rel>last|next|this|coming)\s+|(?P<every>each|every)\s+(?:other\s+)?)?{_WEEKDAY}(?P<plural>s)?"
            rf"(?:\s+{_PART})?"
        ),
        _resolve_weekday,
        tuple(lex.WEEKDAYS),
        (2, 1),
    ),
    _Rule(
        "day_word",
        _rx(
            r"(?:(?P<lead>mid-afternoon|morning|afternoon|evening|night)\s+(?=today|yesterday|tomorrow))?"
            rf"(?:(?P<word>today|tonight|yesterday|tomorrow)|(?P<this>this|last))(?:\s+{_PART})?"
        ),
        _resolve_day_word,
        ("today", "tonight", "yesterday", "tomorrow", "this", "last"),
        (1, 1),
    ),
    _Rule(
        "holiday",
        _rx(rf"(?:(?P<rel>last|next|this)\s+)?{_HOLIDAY}(?:\s*,?\s*{_YEAR})?"),
        _resolve_holiday,
        tuple(
            {
                _key_word(name)
                for name in (*lex.FIXED_HOLIDAYS, *lex.NTH_WEEKDAY_HOLIDAYS, *lex.EASTER_HOLIDAYS)
            }
        ),
        (2, 10),
    ),
    _Rule("time", _rx(_TIME_OF_DAY), _resolve_time, (DIGITS, "noon", "midday", "midnight"), (0, 3)),
    _Rule(
        "decade",
        _rx(
            r"(?:the\s+)?(?:(?P<full>(?:1[5-9]|20)\d0)'?s|'(?P<short>\d)0s|(?P<word>"
            + "|".join(lex.DECADE_WORDS)
            + "))"
        ),
        _resolve_decade,
        (DIGITS, *lex.DECADE_WORDS),
        (1, 0),
    ),
    _Rule(
        "century",
        _rx(rf"(?:the\s+)?{_ORDINAL}[\s-]+(?P<century>century)"),
        _resolve_century,
        ("century",),
        (2, 0),
    ),
    _Rule(
        "ordinal_quarter",
        _rx(
            rf"(?:(?P<rel>last\s+year's|next\s+year's|this\s+year's)\s+|(?:the\s+)?(?:{_YEAR}(?:'s)?\s+))?"
            r"(?:the\s+)?(?P<ago>(?:year-ago|year-earlier|prior-year)\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?"
            r"(?P<unit>quarter|half)(?![\s-]+(?:hour|minute|second|day|century|decade|mile|point)s?\b)"
            r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>(?:1[5-9]|20)\d\d)|(?P<year2_rel>last|this|next)\s+year))?"
        ),
        _resolve_ordinal_quarter,
        ("quarter", "half"),
        (10, 4),
    ),
    _Rule(
        "quarter_code",
        _rx(rf"Q(?P<quarter>[1-4])(?:\s*,?\s*{_YEAR})?"),
        _resolve_quarter_code,
        (DIGITS,),
        (0, 6),
    ),
    _Rule(
        "quarter_reference",
        _rx(
            rf"(?:last\s+year's\s+|the\s+)(?:{_YEAR}\s+)?(?:(?:latest|current|same|comparable|corresponding|year-ago|"
            r"year-earlier|prior-year|most\s+recent|recent|fiscal)\s+){0,4}(?:quarter|period)(?:\s+(?:a\s+)?year\s+"
            r"(?:ago|earlier|before)|\s+last\s+year)?|(?P<rel>this|last|next)\s+quarter"
        ),
        _resolve_quarter_reference,
        ("quarter", "period"),
        (14, 3),
    ),
    _Rule("year_ago_adjective", _rx(r"year-(?:ago|earlier)"), _resolve_year_ago_adjective, ("year",), (0, 0)),
    _Rule(
        "week_of",
        _rx(rf"the\s+week\s+of\s+{_MONTH}\s+{_DAY}(?:\s*,?\s*{_YEAR})?"),
        _resolve_week_of,
        _MONTH_WORDS,
        (3, 7),
    ),
    _Rule("year_end", _rx(r"year[\s-]end|year's\s+end"), _resolve_year_end, ("year",), (0, 1)),
    _Rule(
        "fiscal_year",
        _rx(rf"(?:fiscal|calendar|financial)\s+(?:year\s+)?{_YEAR}"),
        _resolve_fiscal_year,
        ("fiscal", "calendar", "financial"),
        (0, 6),
    ),
    _Rule(
        "year",
        _rx(rf"(?P<lead>the\s+year\s+)?{_YEAR}(?!\s*(?:%|percent))"),
        _resolve_year,
        (DIGITS, "nineteen", "twenty", "thousand"),
        (3, 4),
    ),
    _Rule(
        "season",
        _rx(rf"(?:(?P<rel>last|this|next|the)\s+)?{_SEASON}(?:\s+(?:of\s+)?{_YEAR})?"),
        _resolve_season,
        tuple(lex.SEASONS),
        (1, 6),
    ),
    _Rule(
        "relative_unit",
        _rx(rf"{_REL_WORDS}\s+(?P<unit>week|weekend|month|year|quarter|decade|century)"),
        _resolve_relative_unit,
        _UNIT_WORDS,
        (2, 0),
    ),
    _Rule(
        "anaphoric",
        _rx(
            r"(?:that(?:\s+same)?|the\s+same|the\s+(?P<step>following|next|previous|preceding|prior))\s+"
            rf"(?:(?P<unit>year|month|week|day)|{_PART})|the\s+(?P<shifted>year|month|week|day)\s+(?P<dir>before|after)"
        ),
        _resolve_anaphoric,
        (*_UNIT_WORDS, *_PART_WORDS),
        (2, 1),
    ),
    _Rule(
        "ago",
        _rx(
            rf"(?:(?P<num>{_NUMBER}|{_VAGUE}){_GLUE})?(?P<unit_text>{_UNIT})(?:\s+or\s+so)?\s+"
            r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence)"
        ),
        _resolve_ago,
        _UNIT_WORDS,
        (7, 4),
    ),
    _Rule("in_units", _rx(rf"in\s+(?P<num>{_NUMBER})\s+{_UNIT}"), _resolve_in_units, _UNIT_WORDS, (8, 0)),
    _Rule("per_unit", _rx(rf"(?P<every>a|per|each|every)\s+{_UNIT}"), _resolve_per_unit, _UNIT_WORDS, (1, 0)),
    _Rule(
        "duration",
        _rx(
            r"(?:the\s+)?(?:(?P<lead>past|last|next|coming|first|final|following|previous|latest|recent|"
            r"subsequent)\s+)?"
            rf"(?:(?P<num>{_NUMBER}|{_VAGUE}){_GLUE})?(?:(?:more|additional|further|straight|consecutive|full|trading|business|working)\s+)?"
            rf"(?P<unit_text>{_UNIT})(?P<and_half>\s+and\s+a\s+half)?"
        ),
        _resolve_duration,
        _UNIT_WORDS,
        (10, 3),
    ),
    _Rule(
        "adjective_duration",
        _rx(rf"(?P<num>{_NUMBER})-{_UNIT}(?!s)"),
        _resolve_adjective_duration,
        _UNIT_WORDS,
        (6, 0),
    ),
    _Rule(
        "every",
        _rx(rf"(?:every|each)\s+(?:(?:(?P<other>other)|(?P<num>{_NUMBER})){_GLUE})?{_UNIT}"),
        _resolve_every,
        _UNIT_WORDS,
        (8, 0),
    ),
    _Rule("set_word", _rx(_alternation(lex.SET_WORDS)), _resolve_set_word, tuple(lex.SET_WORDS), (0, 0)),
    _Rule(
        "reference_word",
        _rx(rf"(?P<ref>{_alternation(lex.REFERENCE_WORDS)})"),
        _resolve_reference_word,
        tuple({_key_word(phrase) for phrase in lex.REFERENCE_WORDS}),
        (2, 1),
    ),
    _Rule(
        "the_year",
        _rx(r"the\s+(?:full\s+|current\s+|fiscal\s+|calendar\s+){0,4}year"),
        _resolve_the_year,
        ("year",),
        (5, 0),
    ),
)


# ---------------------------------------------------------------------------------------------------
# Selection, modifiers, times attached to days, and spaCy's entities


_MOD_BEFORE = re.compile(
    r"(?<![\w-])(?P<mod>" + _alternation(lex.MOD_WORDS) + r")(?:\s+|-|\s*-\s*)$",
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


def _attach_times(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """'Monday at 3 p.m.', '10 p.m. Wednesday': one TIME on that day."""
    merged: list[_Candidate] = []
    for candidate in candidates:
        previous = merged[-1] if merged else None
        if previous is not None and _TIME_JOINER.fullmatch(text[previous.end : candidate.start]):
            pair = (previous, candidate) if previous.rule == "time" else (candidate, previous)
            clock, day = pair
            on_day = _DAY_OR_PART_VALUE.match(day.timex.value or "")
            if clock.rule == "time" and on_day:
                time_part = _clock_in_part(clock, on_day.group("part"))
                timex = Timex(
                    TimexType.TIME, on_day.group("day") + time_part, clock.timex.mod or day.timex.mod
                )
                merged[-1] = _Candidate(previous.start, candidate.end, timex, "day_time")
                continue
        merged.append(candidate)
    return merged


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
    return _ANAPHORIC_STEPS[match.group("dir").lower()]


def _shifted_day(value: str, days: int) -> str | None:
    """The ISO day `days` away from `value`; None past the calendar's ends."""
    try:
        return _day(dt.date.fromisoformat(value) + dt.timedelta(days=days))
    except OverflowError:
        return None


def _attach_day_shifts(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """'the day before last Tuesday', 'the day after Christmas': one DATE a day off the named day."""
    merged: list[_Candidate] = []
    for candidate in candidates:
        previous = merged[-1] if merged else None
        shift = _day_shift(previous) if previous is not None else None
        value = candidate.timex.value or ""
        if (
            previous is not None
            and shift
            and _DAY_VALUE.match(value)
            and not text[previous.end : candidate.start].strip()
        ):
            merged[-1] = _Candidate(
                previous.start, candidate.end, Timex(TimexType.DATE, _shifted_day(value, shift)), "anaphoric"
            )
            continue
        merged.append(candidate)
    return merged


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


def _remember(ctx: _Context, candidate: _Candidate) -> None:
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
        ctx.last_day = _safe_date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
    month = re.match(r"^(\d{4})-(\d{2})(?:-|T|$)", value)
    if month:
        ctx.last_month = _safe_date(int(month.group(1)), int(month.group(2)), 1)
    if re.match(r"^\d{4}", value):
        ctx.last_year = int(value[:4])


def _resolve(rule: _Rule, match: re.Match[str], ctx: _Context) -> Timex | None:
    ctx.start, ctx.end = match.start(), match.end()
    try:
        return rule.resolve(match, ctx)
    except (ValueError, OverflowError, KeyError, IndexError):
        return Timex(TimexType.DATE, None)  # recognised, but no honest value


def extract_dates(doc: Doc, reference: dt.date) -> list[DateExpression]:
    """Every temporal expression in `doc`, with code-point offsets and a TIMEX3 value."""
    text = doc.text
    ctx = _Context(reference, doc, text)
    rules = {rule.name: rule for rule in RULES}
    candidates: list[_Candidate] = []
    rejected: list[tuple[int, int]] = []
    scanner = _Scanner(text)
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
