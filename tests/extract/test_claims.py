"""Claim/denial pairs over small texts: each denial form, each linking route, and the hard negatives.

Linking tests hand the extractor the attributed statements themselves (as the quotes extractor would), so
they test claims and nothing else.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from schemas.enrich import ClaimPair, Quote, QuoteKind, Speaker
from service.extract.claims import extract_claims
from service.extract.entities import extract_entities


def _statement(text: str, content: str, speaker: str) -> Quote:
    """An indirect quote of `content` attributed to `speaker` (first occurrences in `text`)."""
    start = text.index(content)
    who = text.index(speaker)
    return Quote(
        text=content,
        start=start,
        end=start + len(content),
        kind=QuoteKind.indirect,
        speaker=Speaker(text=speaker, start=who, end=who + len(speaker)),
        cue=None,
    )


def _pairs(nlp: Language, text: str, statements: tuple[tuple[str, str], ...] = ()) -> list[ClaimPair]:
    doc = nlp(text)
    quotes = [_statement(text, content, speaker) for content, speaker in statements]
    return extract_claims(doc, quotes, extract_entities(doc))


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
    pairs = _pairs(nlp, text)
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.claim.text == claim
    assert pair.claim.claimant is None
    assert pair.link.route == "inside_denial"
    assert pair.denial.cue is not None and pair.denial.cue.text == cue
    assert pair.denial.start <= pair.claim.start and pair.claim.end <= pair.denial.end
    assert text[pair.claim.start : pair.claim.end] == pair.claim.text


CLAIM = "the company had hidden its losses for years"


@pytest.mark.parametrize(
    ("denial", "reference"),
    [
        ("The company has denied it.", "it"),
        ('Spokesman Li Wei called the claims "disinformation."', "claims"),
        ("The firm rejected the allegations.", "allegations"),
        ('"That is not true," the spokesman said.', "that"),
        ('"It\'s nonsense," the spokesman said.', "it"),
        ("The chairman said the report was false.", "report"),
        ("The firm dismissed the story as baseless.", "story"),
        ('"It\'s a bunch of malarkey," the spokesman said.', "it"),
        ('"That is simply not the case," the spokesman said.', "that"),
        ("The chairman said the figures appear to be fabricated.", "figures"),
        ("The chairman said the figures, cited by critics, appear to be fabricated.", "figures"),
        ("The firm's founder has always denied it.", "it"),
        ('"They just made it up," the spokesman said.', "it"),
        ('"It never happened," the spokesman said.', "it"),
        ('"Don\'t believe them," the spokesman said.', "them"),
        ("The chairman said there was no truth to the report.", "report"),
    ],
)
def test_back_reference_links_the_statement_before(nlp: Language, denial: str, reference: str) -> None:
    text = f"Auditors said {CLAIM}. {denial}"
    pairs = _pairs(nlp, text, ((CLAIM, "Auditors"),))
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.claim.text == CLAIM
    assert pair.claim.claimant is not None and pair.claim.claimant.text == "Auditors"
    assert pair.link.route == "back_reference"
    assert pair.link.terms == [reference]
    assert text[pair.denial.start : pair.denial.end] == denial


def test_content_overlap_sees_a_capital_as_its_country(nlp: Language) -> None:
    claim = "Moscow had asked Beijing for drones"
    text = f"A US official said on Sunday that {claim}.\n\nChina on Monday denied that it had been asked by Russia for drones."
    pairs = _pairs(nlp, text, ((claim, "A US official"),))
    assert len(pairs) == 1
    assert pairs[0].claim.text == claim
    assert pairs[0].link.route == "content_overlap"
    assert "russia" in pairs[0].link.terms
    assert pairs[0].denial.denier is not None and pairs[0].denial.denier.text == "China"


def test_each_denial_of_one_claim_is_its_own_pair(nlp: Language) -> None:
    text = f"Auditors said {CLAIM}. The company has denied it. Its chairman later called the claims false."
    pairs = _pairs(nlp, text, ((CLAIM, "Auditors"),))
    assert [p.claim.text for p in pairs] == [CLAIM, CLAIM]
    assert len({p.denial.start for p in pairs}) == 2


def test_a_party_does_not_deny_its_own_statement(nlp: Language) -> None:
    text = f"The company said {CLAIM}. The company called the claims false."
    assert _pairs(nlp, text, ((CLAIM, "The company"),)) == []


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
    assert _pairs(nlp, text) == []
    after_a_claim = f"Auditors said {CLAIM}. {text}"
    assert _pairs(nlp, after_a_claim, ((CLAIM, "Auditors"),)) == []


def test_a_bare_back_reference_with_no_statement_makes_no_pair(nlp: Language) -> None:
    assert _pairs(nlp, "The weather was fine. The company has denied it.") == []


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


COUNCIL = "the council wasted the grant money on consultants"


@pytest.mark.parametrize(
    ("text", "paired"),
    [
        (f"Critics said {COUNCIL}. The allegations are false, the mayor wrote.", True),
        (f"Critics said {COUNCIL}. Your allegations are false, the mayor wrote to them.", False),
        (f"Critics said {COUNCIL}. The mayor rejected the allegations by the newspaper.", False),
    ],
)
def test_nearness_alone_never_gives_a_named_owners_claim_to_another(
    nlp: Language, text: str, paired: bool
) -> None:
    """'your allegations', 'the allegations by the newspaper' name who claimed: the statement just before,
    by someone else, is not theirs."""
    pairs = _pairs(nlp, text, ((COUNCIL, "Critics"),))
    assert [p.claim.text for p in pairs] == ([COUNCIL] if paired else [])


def test_shared_verdict_words_do_not_link_a_denial_to_a_statement(nlp: Language) -> None:
    """Two texts calling things 'misleading and inaccurate' need not be about the same claim."""
    statement = "the old forecast was misleading and inaccurate"
    filler = " ".join(["The town held its annual fair on the green, with music and a parade."] * 5)
    text = f"Analysts said {statement}. {filler} The firm called the claims inaccurate and misleading."
    assert _pairs(nlp, text, ((statement, "Analysts"),)) == []


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
    pairs = _pairs(nlp, text)
    assert [(p.claim.text, p.link.route) for p in pairs] == [(claim, "inside_denial")]


def test_the_report_points_back_to_what_the_report_said_first(nlp: Language) -> None:
    """'the report' is the report introduced earlier: its claim is the first thing it was said to say,
    not the statement just before the denial."""
    report = "the mayor had met donors in secret"
    text = (
        f"A report suggesting {report} caused a stir. "
        "Critics said the city budget was too large for a town of its size. "
        "The mayor's office said the report was false."
    )
    pairs = _pairs(nlp, text, (("the city budget was too large for a town of its size", "Critics"),))
    assert [p.claim.text for p in pairs] == [report]
    assert pairs[0].link.route == "back_reference"


HEADLINE = "Mayor Denies Council Hid Audit.\n\n"


def test_a_headline_is_no_statement_of_a_claim_the_body_denies(nlp: Language) -> None:
    """The body's denial answers the body's statement, not the headline's wording of it."""
    claim = "the council hid the audit from voters"
    body = f"Auditors said {claim}.\n\nThe mayor denied it on Monday.\n\nThe vote is in May."
    text = HEADLINE + body
    pairs = _pairs(nlp, text, ((claim, "Auditors"),))
    body_pairs = [p for p in pairs if p.denial.start > len(HEADLINE)]
    assert [p.claim.text for p in body_pairs] == [claim]


def test_a_word_that_names_no_claim_links_by_content_only(nlp: Language) -> None:
    """'dismissed the kerfuffle as absurd': the statement just before is no claim of a kerfuffle."""
    text = f"Auditors said {CLAIM}. The chairman dismissed the whole kerfuffle as absurd."
    assert _pairs(nlp, text, ((CLAIM, "Auditors"),)) == []


def test_a_person_called_wrong_is_wrong_in_their_own_claim_first_stated(nlp: Language) -> None:
    """'Lopez is wrong' answers what Lopez claimed, at its first statement, however far back; not the
    statement just before by someone else."""
    hers = "the plant will close next year"
    filler = " ".join(["The town held its annual fair on the green, with music and a parade."] * 5)
    text = (
        f"Councillor Maria Lopez said {hers}. {filler} "
        "Lopez added that the closure would cost hundreds of jobs. "
        "Analysts said the bridge repairs would cost more than planned. "
        "The mayor said Lopez is wrong."
    )
    statements = (
        (hers, "Councillor Maria Lopez"),
        ("the closure would cost hundreds of jobs", "Lopez"),
        ("the bridge repairs would cost more than planned", "Analysts"),
    )
    pairs = _pairs(nlp, text, statements)
    assert [p.claim.text for p in pairs] == [hers]
    # the writer's own verdict: Lopez is what is judged, not who denies
    pairs = _pairs(nlp, text.replace("The mayor said Lopez is wrong.", "Maria Lopez is wrong."), statements)
    assert [(p.claim.text, p.denial.denier) for p in pairs] == [(hers, None)]
    spreading = text.replace(
        "The mayor said Lopez is wrong.", "The mayor said Maria Lopez is spreading lies."
    )
    assert _pairs(nlp, spreading, statements) == []  # a label answers no claim in particular


@pytest.mark.parametrize(
    ("denial", "paired"),
    [
        ("The chairman rejected the notion.", False),
        ("The chairman disputed that argument.", False),
        ("The chairman rejected the accusation.", True),
        ("The chairman rejected the criticism.", True),
    ],
)
def test_nearness_links_a_stated_claim_not_a_view(nlp: Language, denial: str, paired: bool) -> None:
    """'the notion', 'that argument' may answer a view: without content to go by, no pair."""
    text = f"Auditors said {CLAIM}. {denial}"
    assert len(_pairs(nlp, text, ((CLAIM, "Auditors"),))) == (1 if paired else 0)


def test_nearness_counts_to_the_start_of_the_answering_quote(nlp: Language) -> None:
    """A long reply whose last sentence denies answers the statement just before the reply begins."""
    answer = (
        "We have looked at the books many times and the auditors have always signed them off without a "
        "single remark. Our shareholders know the numbers and trust them, and so do our banks and our "
        "staff, who have seen the figures every quarter for years. The company has always denied it."
    )
    text = f'Auditors said {CLAIM}. "{answer}" the chairman said.'
    quotes = [
        _statement(text, CLAIM, "Auditors"),
        _statement(text, f'"{answer}"', "the chairman"),
    ]
    doc = nlp(text)
    pairs = extract_claims(doc, quotes, extract_entities(doc))
    assert [p.claim.text for p in pairs] == [CLAIM]


def test_a_denied_clause_restating_an_earlier_claim_takes_it(nlp: Language) -> None:
    """'denied that X' answers an earlier statement saying most of what X says, in other words."""
    claim = "trading prisoners encourages kidnappers"
    text = f"Critics said {claim}. The minister denied that the exchange would encourage kidnappers."
    pairs = _pairs(nlp, text, ((claim, "Critics"),))
    assert [(p.claim.text, p.link.route) for p in pairs] == [(claim, "content_overlap")]


def test_a_pronoun_takes_what_was_reported_just_before_in_the_same_quote(nlp: Language) -> None:
    """'"People say Y. It is all lies," he said': Y, reported in the quote's previous sentence."""
    quote = '"People say the old bridge is safe. It is all lies,"'
    text = f"{quote} the mayor said."
    doc = nlp(text)
    quotes = [_statement(text, quote, "the mayor")]
    pairs = extract_claims(doc, quotes, extract_entities(doc))
    assert [p.claim.text for p in pairs] == ["the old bridge is safe"]


def test_nearness_takes_an_account_where_its_teller_started_it(nlp: Language) -> None:
    """Statements one party made in a row are one account: a denial of 'it' answers its first statement."""
    first = "the manager grabbed her arm at the rally"
    second = "his grip left bruises on her wrist"
    text = f"The reporter said {first}. She said {second}. The campaign denied it."
    quotes = [_statement(text, first, "The reporter"), _statement(text, second, "She")]
    quotes = [
        q.model_copy(update={"speaker": q.speaker and q.speaker.model_copy(update={"cluster": 1})})
        for q in quotes
    ]
    doc = nlp(text)
    pairs = extract_claims(doc, quotes, extract_entities(doc))
    assert [p.claim.text for p in pairs] == [first]


def test_a_denied_clause_the_writer_stated_before_takes_that_sentence(nlp: Language) -> None:
    """No one is quoted saying it, but the article stated it: the denial answers the writer's sentence."""
    first = "The agency used waterboarding, a torture method, on three prisoners."
    text = f"{first} The minister denied that waterboarding is torture."
    pairs = _pairs(nlp, text)
    assert [(p.claim.text, p.claim.claimant) for p in pairs] == [(first.rstrip("."), None)]
