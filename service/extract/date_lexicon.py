"""Word tables for temporal expressions. Data, not logic: extend freely (keys are lower case)."""

MONTHS: dict[str, int] = {
    "january": 1, "jan.": 1, "february": 2, "feb.": 2, "march": 3, "mar.": 3, "april": 4, "apr.": 4,
    "may": 5, "june": 6, "jun.": 6, "july": 7, "jul.": 7, "august": 8, "aug.": 8, "september": 9,
    "sept.": 9, "sep.": 9, "october": 10, "oct.": 10, "november": 11, "nov.": 11, "december": 12,
    "dec.": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sept": 9, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip

# Month names that are also common English words: dates only with a day, a year or a date preposition.
WORDLIKE_MONTHS = frozenset({"may", "march"})
# Abbreviations without their dot ("Jan 6 2021"): dates only with a day or a year ("Jan" is also a name).
DOTLESS_MONTHS = frozenset("jan feb mar apr jun jul aug sept sep oct nov dec".split())

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip
# First month of each season (meteorological seasons; winter runs into the next year).
SEASON_START_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# Parts of the day and their TIMEX3 codes.
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "mid-afternoon": "AF", "evening": "EV", "night": "NI",
    "tonight": "NI",
}  # fmt: skip

# Calendar units: TIMEX3 duration letter, and whether the letter is a time unit (after "T").
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "month": ("M", False), "quarter": ("Q", False), "year": ("Y", False),
    "decade": ("DE", False), "century": ("CE", False), "centurie": ("CE", False),
    "fortnight": ("FN", False),
}  # fmt: skip

# The next smaller unit for the fraction of a count ("5 1/2 hours" → PT5H30M): (letter, is_time) →
# (smaller letter, is_time, how many make one).
SMALLER_UNITS: dict[tuple[str, bool], tuple[str, bool, int]] = {
    ("Y", False): ("M", False, 12), ("D", False): ("H", True, 24), ("H", True): ("M", True, 60),
    ("M", True): ("S", True, 60),
}  # fmt: skip

# Units written as years or weeks in TIMEX3 durations ("three decades" → P30Y, "a fortnight" → P2W).
SCALED_UNITS: dict[str, tuple[int, str]] = {"DE": (10, "Y"), "CE": (100, "Y"), "FN": (2, "W")}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip
# Words before a length of time that make it an age ("aged 40 years").
AGE_WORDS = frozenset({"aged", "age", "ages"})
# Words before a bare "hours" that make it a time of night, not a length ("in the early hours of Tuesday").
NIGHT_HOURS_WORDS = frozenset({"early", "small", "wee"})

# Words before a plural weekday that count particular days rather than make it recur ("the next two
# Sundays", "those Mondays"; but "on Mondays").
COUNTING_WORDS = frozenset(
    "the these those two three four five six seven eight nine ten few several next last past first final".split()
)

# Quantities that name no number: the duration keeps the unit with an X ("several years" → PXY).
VAGUE_QUANTITIES = frozenset({"several", "a few", "few", "some", "many", "a number of"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}  # fmt: skip

# Possessives before a decade that make it an age ("in her thirties", "his mid-sixties").
AGE_POSSESSIVES = frozenset("his her their my your our its".split())

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip

# Words before an expression that qualify it, and their TIMEX3 mod (None: part of the span, no mod).
MOD_WORDS: dict[str, str | None] = {
    "early": "START", "the early": "START", "the beginning of": "START", "beginning of": "START",
    "the start of": "START", "start of": "START", "mid": "MID", "mid-": "MID", "the middle of": "MID",
    "middle of": "MID", "late": "END", "the late": "END", "the end of": "END", "end of": "END",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "nearly": "APPROX", "almost": "APPROX", "some": "APPROX", "more than": "MORE_THAN",
    "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS", "earlier": None, "later": None, "the early part of": "START",
    "the latter part of": "END", "the later part of": "END",
}  # fmt: skip

# Words after "or" that leave a count open ("a day or two", "a week or so", "ten years or more").
MOD_AFTER_WORDS: dict[str, str] = {
    "so": "APPROX", "two": "APPROX", "three": "APPROX", "four": "APPROX", "more": "EQUAL_OR_MORE",
    "longer": "EQUAL_OR_MORE", "less": "EQUAL_OR_LESS", "fewer": "EQUAL_OR_LESS",
}  # fmt: skip

# Vague references to the present, past and future. Left out because TimeML annotators seldom mark them:
# "recent" before a noun, "the foreseeable future", "soon", "already", "previously".
REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "at present": "PRESENT_REF", "presently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "then current": "PAST_REF",
    "then-current": "PAST_REF",
    "the past": "PAST_REF", "formerly": "PAST_REF", "the old days": "PAST_REF", "years past": "PAST_REF",
    "lately": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}  # fmt: skip

# Regular repetitions (TIMEX3 SET). "quarterly" is left out: in news it is nearly always "quarterly dividend".
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "annually": "P1Y", "yearly": "P1Y", "semiannually": "P6M", "hourly": "PT1H",
}  # fmt: skip

# Fixed-date holidays (month, day).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's": (1, 1), "new year's eve": (12, 31),
    "valentine's day": (2, 14), "st. patrick's day": (3, 17), "independence day": (7, 4),
    "the fourth of july": (7, 4), "fourth of july": (7, 4), "halloween": (10, 31),
    "veterans day": (11, 11), "inauguration day": (1, 20), "flag day": (6, 14),
    "christmas eve": (12, 24), "christmas": (12, 25),
    "christmas day": (12, 25), "boxing day": (12, 26),
}  # fmt: skip
# Holidays on the n-th weekday of a month: (month, weekday, n); n = -1 is the last one.
NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "martin luther king day": (1, 0, 3), "martin luther king jr. day": (1, 0, 3),
    "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3), "memorial day": (5, 0, -1),
    "labor day": (9, 0, 1), "columbus day": (10, 0, 2), "thanksgiving": (11, 3, 4),
    "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
    "thanksgiving day": (11, 3, 4),
}  # fmt: skip
# Holidays computed from Easter Sunday: days after it.
EASTER_HOLIDAYS: dict[str, int] = {"easter": 0, "easter sunday": 0, "good friday": -2, "easter monday": 1}

# Verbs whose infinitive complement is still to come ("is expected to meet Monday").
FUTURE_HEADS = frozenset("set schedule expect due plan go intend slate poise prepare hope aim".split())

# Verbs whose past is spelt like their present ("stocks hurt the index on Friday"): the tagger's
# present for them says nothing of the tense.
SAME_IN_PAST_VERBS = frozenset(
    "hurt cut put set hit cost let shut quit spread cast bid burst split bet broadcast forecast upset".split()
)

# Verbs of saying: in the present with a weekday they report what was said then ("officials say Tuesday").
SAYING_VERBS = frozenset("say tell report confirm deny claim add note insist warn acknowledge admit".split())

# Adverbs that make what their verb governs recur: "is usually held in the second quarter" (a SET).
HABITUAL_ADVERBS = frozenset("usually typically normally generally traditionally customarily".split())

# Participles after a noun that put its date ahead: "the vote, expected Friday", "talks planned for May".
PLANNED_PARTICIPLES = frozenset("expect schedule plan slate".split())

# Words that put the date they govern ahead: "payable Dec. 1", "effective June 1", "due Monday".
FUTURE_WORDS = frozenset("payable effective due upcoming".split())
# Verbs that fix a later date: "has planned a town hall meeting for Thursday".
SCHEDULING_VERBS = frozenset("schedule plan slate".split())

# Verbs that move or fix an event to a later date, and the prepositions that introduce that date:
# "postponed the vote until Tuesday", "was scheduled for Nov. 21" (the verb is past, the date ahead).
DEFERRING_VERBS = frozenset(
    "postpone delay defer adjourn reschedule schedule slate set extend recess move push".split()
)
DEFERRED_TO = frozenset("until till to for".split())

# Prepositions that put the date they govern behind ("since Friday"), or, under a present verb, ahead
# ("the offer runs through Friday").
SINCE_WORDS = frozenset({"since"})
DEADLINE_WORDS = frozenset("until till through by".split())

# Words before a clock time written without a.m./p.m. that make it a time ("at 3:30", not a score).
CLOCK_PREPOSITIONS = frozenset("at by until till before after around about from to since".split())

# Words before a bare season that make it a time of year ("in spring", not "prices fall").
SEASON_PREPOSITIONS = frozenset("in during since until by through early late mid each every".split())

# Plural nouns a year before them dates rather than counts ("1988 levels", "1989 earnings"; but "1990 workers").
YEAR_QUALIFIED_NOUNS = frozenset(
    """
    levels highs lows earnings sales results profits losses revenues figures prices rates returns totals
    elections games olympics models budgets forecasts estimates
    """.split()
)

# Nouns a number right after names a thing, not a year ("Flight 2020", "Room 1999", "page 2010").
NUMBERING_NOUNS = frozenset(
    """
    flight route room highway interstate bus platform gate channel apartment suite page chapter section
    article rule resolution number model version exit box row seat locker ward precinct pier track
    """.split()
)

# Words before a bare year or a word-like month that make it a date ("in 1990", "since May").
DATE_PREPOSITIONS = frozenset(
    """
    in since by of until till through from to before after during between for fiscal calendar early late
    mid last next this until around about circa spring summer fall autumn winter
    """.split()
)

# Ordinals that name a quarter or a half ("the final quarter" is the fourth).
QUARTER_ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4,
}  # fmt: skip

# Words that move a period the text named before one step ahead or back ("the following month").
ANAPHORIC_STEPS: dict[str, int] = {
    "following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1,
}  # fmt: skip

# Words before a weekday and the relation they name ("this past Sunday" is last Sunday).
WEEKDAY_RELATIONS: dict[str, str] = {
    "last": "last", "this past": "last", "next": "next", "this": "this", "coming": "coming",
    "this coming": "coming",
}  # fmt: skip

# Words that name the period before the current one, the current one, or the next ("last year's").
RELATION_STEPS: dict[str, int] = {"last": -1, "this": 0, "next": 1}
