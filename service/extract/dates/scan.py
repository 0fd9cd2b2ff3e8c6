"""Where each date rule may match: windows around the words its matches need.

Why: running some thirty patterns over a whole article dominated the dates stage; most text holds
none of a rule's words, so each pattern is searched only near them, with the same matches.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from typing import Protocol


class ScanRule(Protocol):
    """What the scanner needs of a rule: its pattern, the words every match contains, and its reach."""

    @property
    def pattern(self) -> re.Pattern[str]: ...

    @property
    def near(self) -> tuple[str, ...]: ...

    @property
    def reach(self) -> tuple[int, int]: ...


DIGITS = "0-9"
# Characters other than A-Z that IGNORECASE matches to ASCII letters ('ſ' to 's', the Kelvin sign to 'k').
_FOLD = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(65, 91)}, "İ": "i", "ı": "i", "ſ": "s", "K": "k"}
)
_CHUNK = re.compile(r"\S+")
_DIGIT_RUN = re.compile(r"\d+")


class Scanner:
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

    def matches(self, rule: ScanRule) -> Iterable[re.Match[str]]:
        return itertools.chain.from_iterable(
            rule.pattern.finditer(self.text, start, end)
            for start, end in self._windows(rule.near, rule.reach)
        )
