"""Generated news-like text for the benchmark and the soak: reproducible, no data files needed.

Sentences follow the shapes news articles use (attributed quotes, denials, dates, organisations and
places), so every extractor has work to do. `unique=True` fills the slots with words never seen before,
which is what grows a string store that is not cleaned between requests.
"""

from __future__ import annotations

import random
import string

FIRST = (
    "Maria James Li Ahmed Olga Kenji Fatima Pierre Grace Tomasz Amara Diego Ingrid Samuel Mei Omar".split()
)
LAST = (
    "Alvarez Okafor Chen Novak Haddad Larsen Moreau Tanaka Kowalski Mensah Rossi Petrov Nguyen Walsh".split()
)
ORGS = [
    "the European Commission",
    "Reuters",
    "the World Bank",
    "Siemens",
    "the United Nations",
    "the Ministry of Finance",
    "Goldman Sachs",
    "the Red Cross",
    "NATO",
    "the Bank of England",
]
PLACES = "Brussels Nairobi Jakarta Lima Warsaw Toronto Geneva Seoul Lagos Madrid Manila Oslo".split()
ROLES = ["spokesperson", "finance minister", "chief executive", "ambassador", "senior official", "analyst"]
PAST = ["on Monday", "last week", "on March 3", "in 2021", "earlier this month", "two days ago"]
FUTURE = ["on Friday", "next week", "by June 30", "next year", "within days"]
SINCE = ["March 3", "2021", "January", "the spring of 2019"]
TOPICS = [
    "the trade agreement",
    "the new tariffs",
    "the ceasefire talks",
    "the budget deficit",
    "the vaccine rollout",
    "the border dispute",
    "the merger",
    "the election results",
]
TEMPLATES = [
    '"We are committed to {topic}," {person}, the {role} of {org}, said {when}.',
    "{person} told reporters in {place} that {topic} would be signed {later}.",
    "{org} denied reports that it had abandoned {topic}, calling them {adjective}.",
    "{person} rejected claims that {org} paid {number} million dollars to officials in {place}.",
    "Talks between {org} and officials from {place} resumed {when}, according to {org2}.",
    "The {role} said {topic} had cost {number} million euros since {since}.",
    '"This is not what we agreed," said {person}, who has led {org} since {year}.',
    "Officials in {place} expect {topic} to be discussed {later} at a meeting with {person}.",
    "{person} met {person2} in {place} {when} to discuss {topic}.",
    "According to {org}, about {number} people attended the protest in {place} {when}.",
]
ADJECTIVES = ["false", "baseless", "misleading", "premature", "inaccurate"]


def _word(rng: random.Random, serial: int) -> str:
    """A pronounceable word that no vocabulary holds: letters, then a serial number that never repeats."""
    letters = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 8)))
    return f"{letters.capitalize()}{serial}"


class NewsText:
    """Documents of `sentences` sentences; each call to `document()` returns a new one."""

    def __init__(self, seed: int = 7, unique: bool = False) -> None:
        self.rng = random.Random(seed)
        self.unique = unique
        self.serial = 0

    def _pick(self, table: list[str]) -> str:
        if not self.unique:
            return self.rng.choice(table)
        self.serial += 1
        return _word(self.rng, self.serial)

    def _person(self) -> str:
        return f"{self._pick(FIRST)} {self._pick(LAST)}"

    def sentence(self) -> str:
        rng = self.rng
        text = rng.choice(TEMPLATES).format(
            person=self._person(),
            person2=self._person(),
            role=rng.choice(ROLES),
            org=self._pick(ORGS),
            org2=self._pick(ORGS),
            place=self._pick(PLACES),
            when=rng.choice(PAST),
            later=rng.choice(FUTURE),
            since=rng.choice(SINCE),
            topic=rng.choice(TOPICS),
            adjective=rng.choice(ADJECTIVES),
            number=rng.randint(2, 950),
            year=rng.randint(1995, 2021),
        )
        return text[0].upper() + text[1:]

    def document(self, sentences: int) -> str:
        paragraphs = []
        remaining = sentences
        while remaining > 0:
            size = min(remaining, self.rng.randint(2, 4))
            paragraphs.append(" ".join(self.sentence() for _ in range(size)))
            remaining -= size
        return "\n\n".join(paragraphs)
