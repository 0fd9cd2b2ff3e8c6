"""Denial forms over small texts: each form and the claim it states, and the hard negatives that deny
nothing (rejected proposals, "denied him entry", hedges, wishes, labels), even right after a claim.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from service.extract.claims import extract_claims
from service.extract.entities import extract_entities
from service.extract.quotes import extract_quotes
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
            "The coach dismissed the notion that the squad is losing its nerve.",
            "the squad is losing its nerve",
            "dismissed",
        ),
        ("The mayor refuted the claim that the bridge was unsafe.", "the bridge was unsafe", "refuted"),
        ("The club disputed reports that its coach had been fired.", "its coach had been fired", "disputed"),
        ("This idea that the vote was rigged is a myth, the governor said.", "the vote was rigged", "myth"),
        ("Let us dispel the fiction that the city is broke.", "the city is broke", "dispel"),
        (
            "Nobody believes those debunked stories of a giant eel living under the pier.",
            "a giant eel living under the pier",
            "debunked",
        ),
        (
            "My brother insists he washed the car, but I don't believe it.",
            "he washed the car",
            "believe",
        ),
        ("She said the river was clean, but that is not true.", "the river was clean", "true"),
        (
            "Critics argue the mayor sold the park to a developer and that is plainly untrue.",
            "the mayor sold the park to a developer",
            "untrue",
        ),
        (
            "Pundits argue the weak spot in this squad is the goalkeeper and that simply is not true.",
            "the weak spot in this squad is the goalkeeper",
            "true",
        ),
        ("It is not true that the mayor sold the park.", "the mayor sold the park", "true"),
        ("When we are portrayed as idle, it is not true.", "we are portrayed as idle", "true"),
        (
            "The head teacher said Omar Haddad was wrong to tell parents the school trip had been cancelled.",
            "the school trip had been cancelled",
            "wrong",
        ),
        (
            "The council answered the false rumour that its recycling trucks dump everything in a ''secret'' pit "
            "outside town.",
            "its recycling trucks dump everything in a ''secret'' pit outside town",
            "false",
        ),
        ("It's misleading to suggest that the tariff was a gift.", "the tariff was a gift", "misleading"),
        (
            "The groundsman disputed that the pitch would flood again, saying the new drains work.",
            "the pitch would flood again",
            "disputed",
        ),
        (
            "The brewer dismissed accusations that its cider contained sugar — saying the lab had no sample.",
            "its cider contained sugar",
            "dismissed",
        ),
        (
            "Anyone claiming that the orchard is dying is peddling fantasy.",
            "Anyone claiming that the orchard is dying",
            "fantasy",
        ),
        (
            "The chef rejected criticism by diners that her soup was bland.",
            "her soup was bland",
            "rejected",
        ),
        (
            "Contrary to her claims, engineers say the pump never leaked.",
            "the pump never leaked",
            "Contrary",
        ),
        (
            "The league pushed back against claims that the final was fixed.",
            "the final was fixed",
            "pushed",
        ),
        (
            "There is no truth to the rumour that the swimming club quit using chlorine.",
            "the swimming club quit using chlorine",
            "truth",
        ),
        (
            "For weeks fans assumed the striker would sign for a rival, a notion that was baseless.",
            "the striker would sign for a rival",
            "baseless",
        ),
        (
            'A leaflet warned that the tap water was "unsafe," a claim that is false.',
            'the tap water was "unsafe',
            "false",
        ),
        (
            "The mayor mocked the absurd and false claim that the harbour was closed.",
            "the harbour was closed",
            "false",
        ),
        (
            "The bus company denied that it was cutting the night routes, pointing out that ridership had grown.",
            "it was cutting the night routes",
            "denied",
        ),
        (
            "There is no truth to the reports that the bakery had closed.",
            "the bakery had closed",
            "truth",
        ),
        (
            "Contrary to rumours on the parents' forum, the swimming pool will stay open through August.",
            "the swimming pool will stay open through August",
            "Contrary",
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
            "The critic rubbished the baker's claim to bake without flour.",
            "the baker's claim to bake without flour",
        ),
        (
            "The band worked to discredit the portrayal of its drummer as a recluse.",
            "the portrayal of its drummer as a recluse",
        ),
        (
            "The brewer is discrediting a report from the Gazette saying its ale causes headaches.",
            "its ale causes headaches",
        ),
        (
            "The striker says the statistics showing him the slowest runner on the team are wrong.",
            "him the slowest runner on the team",
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
        "She rejected the notion that we should cut wages.",
        "If the report is false, he will resign.",
        "Could the polls be misleading?",
        "They sold fake passports and false documents.",
        "He did not deny that he met her.",
        "The store was not open on Sunday.",
        "The polls were not wrong.",
        "She is wrong about taxes.",
        "Her favourite genre is fiction.",
        "Still, it isn't always the case.",
        "That is not necessarily true.",
        "Contrary to his habit, the mayor walked to work.",
        "Without a deal, it won't happen.",
        "He thought, this cannot be real.",
        "Her neighbours said she doesn't believe it.",
        "We do not believe in horoscopes.",
        "Spreading lies is a sin, the pastor said.",
        "The idea of moving the harbour inland is absurd.",
        "She rejected the notion that the quarrel should be buried, saying that she would rewrite the bylaws.",
        "Her reading of the tide tables is badly wrong.",
        "The coach kept shouting, never admitting his tactics were wrong.",
        "The merger hasn't happened yet, though.",
        '"I only hope those receipts are fake," the clerk said.',
        "The panel convened and denied the permit being requested.",
        "The law punishes false statements causing agents to waste time.",
        "The senator pushed back on the proposal to raise taxes.",
        "They wasted the evening on the false theory that the porter would repeat.",
        "Even when the report was false, nobody resigned.",
        "She mocked the idea that the report is false.",
    ],
)
def test_hard_negatives_make_no_pair(nlp: Language, text: str) -> None:
    """No pair, even right after a statement a real denial could point back to."""
    assert find_pairs(nlp, text) == []
    after_a_claim = f"Auditors said {CLAIM}. {text}"
    assert find_pairs(nlp, after_a_claim, ((CLAIM, "Auditors"),)) == []


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("The critic rubbished the baker's claim to bake without flour.", "baker"),
        ("The brewer is discrediting a report from the Gazette saying its ale causes headaches.", "Gazette"),
    ],
)
def test_a_claim_noun_names_its_owner_as_claimant(nlp: Language, text: str, claimant: str) -> None:
    (pair,) = find_pairs(nlp, text)
    assert pair.claim.claimant is not None and pair.claim.claimant.text == claimant


def test_a_relative_clause_denies_the_claim_it_comments_on(nlp: Language) -> None:
    """'the accusation that X, which he denies': the denial is asserted, though it hangs off the claim."""
    text = "Local papers repeated the accusation that the coach kicked a ball at a fan, which he denies."
    assert [p.claim.text for p in find_pairs(nlp, text)] == ["the coach kicked a ball at a fan"]


@pytest.mark.parametrize(
    ("text", "speaker", "claim", "denier"),
    [
        (
            "Residents say the landlord ignored their complaints about mould, an accusation that he flatly denies.",
            "Residents",
            "the landlord ignored their complaints about mould",
            "he",
        ),
        (
            "Critics said the bridge was unsafe, a claim the engineers rejected.",
            "Critics",
            "the bridge was unsafe",
            "the engineers",
        ),
        (
            "Cyclists have long argued that the new roundabout is dangerous, an assessment that the highways office "
            "has disputed.",
            "Cyclists",
            "the new roundabout is dangerous",
            "the highways office",
        ),
        (
            "The hotel brochure promises that every room looks out over the bay – a description which many guests "
            "dispute.",
            "The hotel brochure",
            "every room looks out over the bay",
            "many guests",
        ),
    ],
)
def test_a_claim_noun_set_beside_a_clause_names_it(
    nlp: Language, text: str, speaker: str, claim: str, denier: str
) -> None:
    """'X said Y, a charge that Z denied': Y is the claim, Z its denier (not X, even when X is quoted)."""
    quoted = text[text.index(claim) :].rstrip(".")
    pairs = find_pairs(nlp, text, ((quoted, speaker),))
    assert [(p.claim.text, p.denial.denier and p.denial.denier.text) for p in pairs] == [(claim, denier)]


def test_a_curly_apostrophe_negates(nlp: Language) -> None:
    """'Isn’t True' in a title: the parser may read 'n’t' as a number, yet it negates."""
    (pair,) = find_pairs(nlp, "It Isn’t True That The Pool Will Close This Summer, Council Says")
    assert pair.claim.text == "The Pool Will Close This Summer"
    assert pair.denial.cue is not None and pair.denial.cue.text == "True"


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        # the subject without its relative clause, with its apposition
        (
            "The bakery, which opened its third shop in May, denied that it had raised its prices.",
            "The bakery",
        ),
        (
            "The club's new captain, Ada Moreno, denied that the team had skipped training.",
            "The club's new captain, Ada Moreno",
        ),
        # a relative pronoun stands for the noun its clause hangs on
        ("The owner, who denied that the shop would close, left early.", "The owner"),
        ("The bakery, which denied that the shop would close, opened early.", "The bakery"),
        # past what is judged to who reports the verdict
        ("These rumours are false, the shop's owner said.", "the shop's owner"),
        ("It is not true that the ferry will stop running, the harbour office said.", "the harbour office"),
        # a verb of labelling: its subject passes the verdict
        ("The owner called them the same baseless allegations as before.", "The owner"),
        ("These are the same false claims, the owner said.", "the owner"),
        # a demonstrative with words of its own names people
        ("Those close to the owner called the report false.", "Those close to the owner"),
        ("The rumour is false, those close to the owner said.", "those close to the owner"),
        ("The rumour is false, those who run the shop said.", "those"),  # without its relative clause
        ("The owner described it as the same baseless allegation.", "The owner"),
        ("The owner called the baseless claim a lie.", "The owner"),  # labelled a lie
        ("The owner described the baseless rumour as a lie.", "The owner"),
        # a verdict passed in passing is the writer's: the subject only repeats the claim
        ("The senator repeated the false claim that the ballots were printed abroad.", None),
        ("Voters heard his baseless allegations that the count had been rigged.", None),
        ("Voters heard baseless allegations that the count had been rigged.", None),
        ("The host repeated the debunked claim that the ballots were printed abroad.", None),
        ("The host repeated the odd and false claim that the ballots were printed abroad.", None),
        ("The owner called the baseless claim a distraction.", None),  # labelled, but not false
    ],
)
def test_the_denier_is_who_passes_the_verdict(nlp: Language, text: str, denier: str | None) -> None:
    """Denials that point back need a statement before them: each text follows one."""
    said = "Neighbours said the shop would close."
    (pair,) = find_pairs(nlp, f"{said} {text}", (("the shop would close", "Neighbours"),))
    assert (pair.denial.denier and pair.denial.denier.text) == denier


@pytest.mark.parametrize(
    ("text", "denier"),
    [
        # the quotes extractor reads the verb as reporting the claim it uses: its speaker only repeats it
        ("The senator repeated the false claim that the ballots were printed abroad.", None),
        # a verb that answers the claim, read as reporting it: its speaker rejects it
        ("The union condemned the false claim that its members had been paid twice.", "The union"),
        # a labelling verb: its speaker passes the verdict
        ("The owner called those false rumours that the shop would close.", "The owner"),
        # the sentence quoted whole is the quoted speaker's verdict
        (
            '"The senator repeated the false claim that the ballots were printed abroad," the governor said.',
            "the governor",
        ),
        (
            "The governor said the senator repeated the false claim that the ballots were printed abroad.",
            "The governor",
        ),
    ],
)
def test_a_verdict_in_passing_is_not_the_repeaters_own(nlp: Language, text: str, denier: str | None) -> None:
    doc = nlp(text)
    entities = extract_entities(doc)
    (pair,) = extract_claims(doc, extract_quotes(doc, entities), entities)
    assert (pair.denial.denier and pair.denial.denier.text) == denier
