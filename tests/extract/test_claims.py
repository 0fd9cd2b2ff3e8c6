"""The claims extractor as a whole: odd input never raises, and a headline states no claim the body
denies. Denial forms are tested in test_denials.py, linking routes in test_claim_links.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from schemas.enrich import Quote, QuoteKind
from service.extract.claims import extract_claims
from service.extract.entities import extract_entities
from tests.extract.claim_texts import find_pairs


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        '"""',
        "deny",
        "Denied.",
        "denied that",
        "🙂 “unbalanced",
        "It is false. " * 50,
        "\u200b\ufeff",
    ],
)
def test_odd_input_never_raises(nlp: Language, text: str) -> None:
    doc = nlp(text)
    quotes = [Quote(text=text, start=0, end=len(text), kind=QuoteKind.direct, speaker=None, cue=None)]
    assert isinstance(extract_claims(doc, quotes, extract_entities(doc)), list)
    assert isinstance(extract_claims(doc, [], extract_entities(doc)), list)


HEADLINE = "Mayor Denies Council Hid Audit.\n\n"


def test_a_headline_is_no_statement_of_a_claim_the_body_denies(nlp: Language) -> None:
    """The body's denial answers the body's statement, not the headline's wording of it; the headline's
    own denial answers the statement the article reports below it."""
    claim = "the council hid the audit from voters"
    body = f"Auditors said {claim}.\n\nThe mayor denied it on Monday.\n\nThe vote is in May."
    text = HEADLINE + body
    pairs = find_pairs(nlp, text, ((claim, "Auditors"),))
    assert [(p.claim.text, p.denial.start < len(HEADLINE)) for p in pairs] == [(claim, True), (claim, False)]


def test_a_body_denial_does_not_take_the_headline_as_its_claim(nlp: Language) -> None:
    """With no statement in the body, 'denied it' has nothing to answer: the headline states no claim."""
    text = HEADLINE + "The mayor denied it on Monday.\n\nThe vote is in May."
    assert [p for p in find_pairs(nlp, text) if p.denial.start >= len(HEADLINE)] == []
