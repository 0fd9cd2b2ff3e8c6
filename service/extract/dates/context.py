"""What a date rule's resolver may look at: the reference date, the parse, where the match is, and what
the text named before it (for "the quarter", "the next morning", "a year earlier")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from service.extract.dates.tense import Tense, governing_tense, is_habitual, states_plan
from service.extract.dates.timex import Timex


@dataclass
class Context:
    """Built once per document; `start`/`end` move to each match, the `last_*` fields follow the text."""

    reference: dt.date
    doc: Doc
    text: str  # doc.text, which spaCy rebuilds on every access
    start: int = 0
    end: int = 0
    last_period: tuple[int, str, int] | None = None  # the last quarter or half named: (1989, "Q", 3)
    last_day: dt.date | None = None
    last_month: dt.date | None = None  # the first day of the last month named
    last_year: int | None = None
    year_to_date: bool = False  # the last period named was months of the year so far ("the nine months")

    @property
    def tense(self) -> Tense | None:
        return governing_tense(self.doc, self.start, self.end)

    @property
    def states_plan(self) -> bool:
        return states_plan(self.doc, self.start, self.end)

    @property
    def habitual(self) -> bool:
        return is_habitual(self.doc, self.start, self.end)

    def word_before(self) -> str:
        """The word just before the match, lower case and without a hyphen joining it to the match ("in"
        for "in May", "mid" for "mid-March"); empty at the start."""
        before = self.text[max(0, self.start - 20) : self.start]
        words = re.findall(r"[\w'-]+", before)
        return words[-1].lower().rstrip("-") if words else ""


Resolver = Callable[[re.Match[str], Context], Timex | None]
