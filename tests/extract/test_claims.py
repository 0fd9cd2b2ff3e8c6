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
    """The body's denial answers the body's statement, not the headline's wording of it."""
    claim = "the council hid the audit from voters"
    body = f"Auditors said {claim}.\n\nThe mayor denied it on Monday.\n\nThe vote is in May."
    text = HEADLINE + body
    pairs = find_pairs(nlp, text, ((claim, "Auditors"),))
    body_pairs = [p for p in pairs if p.denial.start > len(HEADLINE)]
    assert [p.claim.text for p in body_pairs] == [claim]
