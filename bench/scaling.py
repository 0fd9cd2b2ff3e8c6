"""Pathological inputs: does the work grow with the text, or faster? Each case runs at a size and at four
times that size; a ratio near 4 is linear, near 16 quadratic. Cases are texts the service must survive
within its length limit: long runs without whitespace, a long stretch without a sentence break full of
speech verbs or quote marks, thousands of people named on one line, and dates on every few words.

    .venv/bin/python bench/scaling.py [--size 2000] [--rounds 3]

Prints seconds at both sizes and the ratio per case, best of --rounds; a ratio over 8 is marked
SUPERLINEAR. Timing belongs here, not in the tests: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from service.extract.claims import extract_claims
from service.extract.dates import extract_dates
from service.extract.entities import extract_entities
from service.extract.quotes import extract_quotes
from service.model import load_model
from service.settings import Settings

LINEAR_LIMIT = 8.0
REFERENCE = dt.date(2022, 3, 14)
# Dates on every few words: overlap checks against every kept candidate were once quadratic.
DENSE_DATES = (
    "He met on Monday at 3 p.m. and at 5 p.m. Tuesday, the day before last Friday, then 2 1/2 hours later. "
)


def named_people(nlp: Language, people: int) -> Doc:
    """One line naming `people` different people in full, each then by surname alone, tagged and
    recognised by hand (no parse needed): 'Kalo Mirate met Mirate. ...'."""
    syllables = ["Ka", "Lo", "Mi", "Ra", "To", "Ve", "Su", "Di"]
    words: list[str] = []
    tags: list[str] = []
    ents: list[str] = []
    for i in range(people):
        first = syllables[i % 8] + syllables[i // 8 % 8].lower()
        last = "".join(syllables[i // 8**k % 8] for k in range(4)).capitalize()
        words += [first, last, "met", last, "."]
        tags += ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
        ents += ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O"]
    return Doc(nlp.vocab, words=words, pos=tags, ents=ents)


def everything(nlp: Language, text: str) -> None:
    """Parse and run every extractor, as a request for all features does."""
    doc = nlp(text)
    entities = extract_entities(doc)
    extract_dates(doc, REFERENCE)
    quotes = extract_quotes(doc, entities)
    extract_claims(doc, quotes, entities)


def cases(nlp: Language) -> dict[str, Callable[[int], None]]:
    """Each case runs on a text of about `n` characters (or `n` / 4 people)."""
    return {
        "tokenize a run of '$'": lambda n: nlp.make_doc("$" * n),
        "tokenize a run of emoji": lambda n: nlp.make_doc("\U0001f600" * n),
        "all features, 'he said that' without a break": lambda n: everything(
            nlp, "he said that " * (n // 13)
        ),
        "all features, 'X said Y said' without a break": lambda n: everything(
            nlp, "Ann Lee said Bo Park said " * (n // 26)
        ),
        "all features, 'He said: \"' without a break": lambda n: everything(nlp, 'He said: "' * (n // 10)),
        "all features, denials without a break": lambda n: everything(
            nlp, "they denied that it was false and said it was not true that " * (n // 61)
        ),
        "entities, people named on one line": lambda n: extract_entities(named_people(nlp, n // 4)),
        "dates, dense expressions": lambda n: extract_dates(
            nlp(DENSE_DATES * (n // len(DENSE_DATES))), REFERENCE
        ),
    }


def best_seconds(run: Callable[[int], None], size: int, rounds: int) -> float:
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        run(size)
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=2000, help="characters of the smaller text")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    nlp = load_model(Settings().model_name)
    print(f"{'case':52} {'n s':>9} {'4n s':>9} {'ratio':>6}")
    for name, run in cases(nlp).items():
        small = best_seconds(run, args.size, args.rounds)
        large = best_seconds(run, 4 * args.size, args.rounds)
        ratio = large / max(small, 1e-9)
        verdict = "SUPERLINEAR" if ratio > LINEAR_LIMIT else ""
        print(f"{name:52} {small:9.3f} {large:9.3f} {ratio:6.1f} {verdict}")


if __name__ == "__main__":
    main()
