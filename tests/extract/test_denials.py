"""Denial forms over small texts: each form and the claim it states, and the hard negatives that deny
nothing (rejected proposals, "denied him entry", hedges, wishes, labels), even right after a claim.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.claim_texts import CLAIM, find_pairs


@pytest.mark.parametrize(
    ("text", "claim", "cue"),
    [
        ("He denied that he paid the women.", "he paid the women", "denied"),
        (
            "The minister rejected the allegations that she had lied to parliament.",
            "she had lied to parliament",
            "rejected",
        ),
        (
            "The senator dismissed the notion that the economy is in decline.",
            "the economy is in decline",
            "dismissed",
        ),
        ("The mayor refuted the claim that the bridge was unsafe.", "the bridge was unsafe", "refuted"),
        ("The club disputed reports that its coach had been fired.", "its coach had been fired", "disputed"),
        ("This idea that the vote was rigged is a myth, the governor said.", "the vote was rigged", "myth"),
        ("Let us dispel the fiction that the city is broke.", "the city is broke", "dispel"),
        (
            "He kept repeating the debunked accounts of thousands of fans rioting downtown.",
            "thousands of fans rioting downtown",
            "debunked",
        ),
        (
            "When the mayor says the budget is balanced, I don't believe that.",
            "the budget is balanced",
            "believe",
        ),
        ("She said the river was clean, but that is not true.", "the river was clean", "true"),
        ("It is not true that the mayor sold the park.", "the mayor sold the park", "true"),
        ("When I am described as a coward, it is not true.", "I am described as a coward", "true"),
        (
            "The senator said Maria Lopez was wrong to say the mill had closed.",
            "the mill had closed",
            "wrong",
        ),
        (
            "He repeated the false accusations that the mayor was a ''socialist'' of foreign birth.",
            "the mayor was a ''socialist'' of foreign birth",
            "false",
        ),
        ("It's misleading to imply that the bill was a bailout.", "the bill was a bailout", "misleading"),
        (
            "The aide rejected the idea that the senator would hurt the ticket, saying the crowds prove it.",
            "the senator would hurt the ticket",
            "rejected",
        ),
        (
            "The chair dismissed accusations that the campaign broke the law — saying the rival had no case.",
            "the campaign broke the law",
            "dismissed",
        ),
        (
            "Anyone claiming that the river is polluted is peddling fiction.",
            "Anyone claiming that the river is polluted",
            "fiction",
        ),
        (
            "The senator rejected attacks from his rivals that he was a fraud.",
            "he was a fraud",
            "rejected",
        ),
        (
            "Contrary to his claims, officials say the hacker never entered the system.",
            "the hacker never entered the system",
            "Contrary",
        ),
        (
            "The White House pushed back against claims that the deal collapsed.",
            "the deal collapsed",
            "pushed",
        ),
        (
            "There is no truth to the reports that the mayor resigned.",
            "the mayor resigned",
            "truth",
        ),
        (
            "The governor says that contrary to the claims of his rivals, he is not raising property taxes.",
            "he is not raising property taxes",
            "contrary",
        ),
    ],
)
def test_claim_stated_inside_the_denial(nlp: Language, text: str, claim: str, cue: str) -> None:
    pairs = find_pairs(nlp, text)
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.claim.text == claim
    assert pair.claim.claimant is None
    assert pair.link.route == "inside_denial"
    assert pair.denial.cue is not None and pair.denial.cue.text == cue
    assert pair.denial.start <= pair.claim.start and pair.claim.end <= pair.denial.end
    assert text[pair.claim.start : pair.claim.end] == pair.claim.text


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "The senator rubbished the governor's claim to understand farmers.",
            "the governor's claim to understand farmers",
        ),
        (
            "She tried to dispel the image of her rival as a friend of the workers.",
            "the image of her rival as a friend of the workers",
        ),
        (
            "The mayor is discrediting a report from the Herald saying the council hid the audit.",
            "the council hid the audit",
        ),
        (
            "The senator says the latest polls showing him a distant second behind the governor are wrong.",
            "him a distant second behind the governor",
        ),
    ],
)
def test_a_claim_noun_states_its_claim(nlp: Language, text: str, claim: str) -> None:
    """An infinitive, a portrayal 'of X as Y' or a report's 'saying X' states what is denied."""
    pairs = find_pairs(nlp, text)
    assert [(p.claim.text, p.link.route) for p in pairs] == [(claim, "inside_denial")]


@pytest.mark.parametrize(
    "text",
    [
        "The Senate rejected the proposal to raise taxes.",
        "The board rejected his offer.",
        "Voters rejected the plan.",
        "The embassy denied him entry.",
        "The court denied bail.",
        "There is no denying that the economy grew.",
        "He rejected the notion that we should raise taxes.",
        "If the report is false, he will resign.",
        "Could the polls be misleading?",
        "They sold fake passports and false documents.",
        "He did not deny that he met her.",
        "The store was not open on Sunday.",
        "The polls were not wrong.",
        "She is wrong about taxes.",
        "Her favourite genre is fiction.",
        "But that's not always the case.",
        "That is not necessarily true.",
        "Contrary to his habit, the mayor walked to work.",
        "Without a deal, it won't happen.",
        "She thought, this can't be happening.",
        "His critics said he doesn't believe it.",
        "I do not believe in ghosts.",
        "Spreading lies is a sin, the pastor said.",
        "The idea of deporting eleven million people is absurd.",
        "He rejected the notion that the episode should be forgotten, saying that he would fix the rules.",
        "His world view is dangerously wrong.",
        "He kept talking, never admitting he was wrong.",
        "But that hasn't happened yet.",
        '"But I hope they are fake," she said.',
        "The committee met and denied the change being sought.",
        "The law punishes false statements causing agents to waste time.",
        "The senator pushed back on the proposal to raise taxes.",
    ],
)
def test_hard_negatives_make_no_pair(nlp: Language, text: str) -> None:
    """No pair, even right after a statement a real denial could point back to."""
    assert find_pairs(nlp, text) == []
    after_a_claim = f"Auditors said {CLAIM}. {text}"
    assert find_pairs(nlp, after_a_claim, ((CLAIM, "Auditors"),)) == []
