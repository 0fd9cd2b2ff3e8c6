"""Linking a denial to the claim it answers, one route a test: back-references, shared content (capitals
as their country), the kind of claim named, the person judged, nearness and its limits.

The tests hand the extractor the attributed statements themselves (as the quotes extractor would), so
they test claims and nothing else.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.extract.claim_texts import CLAIM, FILLER, attributed, find_pairs, pairs_given


@pytest.mark.parametrize(
    ("denial", "reference"),
    [
        ("The company has denied it.", "it"),
        ('Spokeswoman Ana Ruiz called the allegations "disinformation."', "allegations"),
        ("The firm rejected the allegations.", "allegations"),
        ('"That is not true," the spokesman said.', "that"),
        ("That isn’t true, the spokesman said.", "that"),  # a curly apostrophe the parser may not read
        ('"It\'s nonsense," the spokesman said.', "it"),
        ("The chairman said the report was false.", "report"),
        ("The firm dismissed the story as baseless.", "story"),
        ('"That\'s a heap of malarkey," the spokesman said.', "that"),
        ('"That is simply not the case," the spokesman said.', "that"),
        ("The chairman said the figures were plainly fabricated.", "figures"),
        ("The chairman said the figures, quoted by critics, were plainly fabricated.", "figures"),
        ("The firm's founder has always denied it.", "it"),
        ('"They just made it up," the spokesman said.', "it"),
        ('"It never happened," the spokesman said.', "it"),
        ('"Don\'t believe them," the spokesman said.', "them"),
        ("The chairman said there was no truth to the report.", "report"),
    ],
)
def test_back_reference_links_the_statement_before(nlp: Language, denial: str, reference: str) -> None:
    text = f"Auditors said {CLAIM}. {denial}"
    pairs = find_pairs(nlp, text, ((CLAIM, "Auditors"),))
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.claim.text == CLAIM
    assert pair.claim.claimant is not None and pair.claim.claimant.text == "Auditors"
    assert pair.link.route == "back_reference"
    assert pair.link.terms == [reference]
    assert text[pair.denial.start : pair.denial.end] == denial


def test_content_overlap_sees_a_capital_as_its_country(nlp: Language) -> None:
    claim = "Paris had asked Tokyo for tankers"
    text = f"A Canadian diplomat said on Friday that {claim}.\n\nJapan on Saturday denied that France had sought its tankers."
    pairs = find_pairs(nlp, text, ((claim, "A Canadian diplomat"),))
    assert len(pairs) == 1
    assert pairs[0].claim.text == claim
    assert pairs[0].link.route == "content_overlap"
    assert "france" in pairs[0].link.terms
    assert pairs[0].denial.denier is not None and pairs[0].denial.denier.text == "Japan"


def test_each_denial_of_one_claim_is_its_own_pair(nlp: Language) -> None:
    text = f"Auditors said {CLAIM}. The company has denied it. Its chairman later called the claims false."
    pairs = find_pairs(nlp, text, ((CLAIM, "Auditors"),))
    assert [p.claim.text for p in pairs] == [CLAIM, CLAIM]
    assert len({p.denial.start for p in pairs}) == 2


def test_a_party_does_not_deny_its_own_statement(nlp: Language) -> None:
    text = f"The company said {CLAIM}. The company called the claims false."
    assert find_pairs(nlp, text, ((CLAIM, "The company"),)) == []


def test_a_bare_back_reference_with_no_statement_makes_no_pair(nlp: Language) -> None:
    assert find_pairs(nlp, "The weather was fine. The company has denied it.") == []


COUNCIL = "the council wasted the grant money on consultants"


@pytest.mark.parametrize(
    ("text", "paired"),
    [
        (f"Critics said {COUNCIL}. The allegations are false, the mayor wrote.", True),
        (f"Critics said {COUNCIL}. Your allegations are false, the mayor wrote to them.", False),
        (f"Critics said {COUNCIL}. The mayor rejected the allegations by the newspaper.", False),
        (f"Critics said {COUNCIL}. The mayor disputed their account.", True),
        (f"Critics said {COUNCIL}. The mayor disputed the waste allegations.", True),  # a topic, no owner
        (f"Critics said {COUNCIL}. The mayor disputed the Gazette allegations.", False),
    ],
)
def test_nearness_alone_never_gives_a_named_owners_claim_to_another(
    nlp: Language, text: str, paired: bool
) -> None:
    """'your allegations', 'the allegations by the newspaper' name who claimed: the statement just before,
    by someone else, is not theirs; 'their account' points back to whoever was just quoted."""
    pairs = find_pairs(nlp, text, ((COUNCIL, "Critics"),))
    assert [p.claim.text for p in pairs] == ([COUNCIL] if paired else [])


def test_shared_verdict_words_do_not_link_a_denial_to_a_statement(nlp: Language) -> None:
    """Two texts calling things 'misleading and inaccurate' need not be about the same claim."""
    statement = "the old forecast was misleading and inaccurate"
    text = f"Analysts said {statement}. {FILLER} The firm called the claims inaccurate and misleading."
    assert find_pairs(nlp, text, ((statement, "Analysts"),)) == []


def test_the_report_points_back_to_what_the_report_said_first(nlp: Language) -> None:
    """'the report' is the report introduced earlier: its claim is the first thing it was said to say,
    not the statement just before the denial."""
    report = "the mayor had met donors in secret"
    text = (
        f"A report suggesting {report} caused a stir. "
        "Critics said the city budget was too large for a town of its size. "
        "The mayor's office said the report was false."
    )
    pairs = find_pairs(nlp, text, (("the city budget was too large for a town of its size", "Critics"),))
    assert [p.claim.text for p in pairs] == [report]
    assert pairs[0].link.route == "back_reference"


def test_a_word_that_names_no_claim_links_by_content_only(nlp: Language) -> None:
    """'dismissed the hubbub as absurd': the statement just before is no claim of a hubbub."""
    text = f"Auditors said {CLAIM}. The chairman dismissed the entire hubbub as absurd."
    assert find_pairs(nlp, text, ((CLAIM, "Auditors"),)) == []


def test_a_person_called_wrong_is_wrong_in_their_own_claim_first_stated(nlp: Language) -> None:
    """'Lopez is wrong' answers what Lopez claimed, at its first statement, however far back; not the
    statement just before by someone else."""
    hers = "the plant will close next year"
    text = (
        f"Councillor Maria Lopez said {hers}. {FILLER} "
        "Lopez added that the closure would empty the high street. "
        "Analysts said the bridge repairs would cost more than planned. "
        "The mayor said Lopez is wrong."
    )
    statements = (
        (hers, "Councillor Maria Lopez"),
        ("the closure would empty the high street", "Lopez"),
        ("the bridge repairs would cost more than planned", "Analysts"),
    )
    pairs = find_pairs(nlp, text, statements)
    assert [p.claim.text for p in pairs] == [hers]
    # the writer's own verdict: Lopez is what is judged, not who denies
    pairs = find_pairs(
        nlp, text.replace("The mayor said Lopez is wrong.", "Maria Lopez is wrong."), statements
    )
    assert [(p.claim.text, p.denial.denier) for p in pairs] == [(hers, None)]
    spreading = text.replace(
        "The mayor said Lopez is wrong.", "The mayor said Maria Lopez is spreading lies."
    )
    assert find_pairs(nlp, spreading, statements) == []  # a label answers no claim in particular


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
    assert len(find_pairs(nlp, text, ((CLAIM, "Auditors"),))) == (1 if paired else 0)


def test_nearness_counts_to_the_start_of_the_answering_quote(nlp: Language) -> None:
    """A long reply whose last sentence denies answers the statement just before the reply begins."""
    answer = (
        "We have looked at the books many times and the auditors have always signed them off without a "
        "single remark. Our shareholders know the numbers and trust them, and so do our banks and our "
        "staff, who have seen the figures every quarter for years. The company has always denied it."
    )
    text = f'Auditors said {CLAIM}. "{answer}" the chairman said.'
    quotes = [
        attributed(text, CLAIM, "Auditors"),
        attributed(text, f'"{answer}"', "the chairman"),
    ]
    pairs = pairs_given(nlp, text, quotes)
    assert [p.claim.text for p in pairs] == [CLAIM]


def test_a_denied_clause_restating_an_earlier_claim_takes_it(nlp: Language) -> None:
    """'denied that X' answers an earlier statement saying most of what X says, in other words."""
    claim = "paying ransoms rewards pirates"
    text = f"Critics said {claim}. The minister denied that the payment would reward pirates."
    pairs = find_pairs(nlp, text, ((claim, "Critics"),))
    assert [(p.claim.text, p.link.route) for p in pairs] == [(claim, "content_overlap")]


def test_a_pronoun_takes_what_was_reported_just_before_in_the_same_quote(nlp: Language) -> None:
    """'"People say Y. It is all lies," he said': Y, reported in the quote's previous sentence."""
    quote = '"People say the old bridge is safe. It is all lies,"'
    text = f"{quote} the mayor said."
    pairs = pairs_given(nlp, text, [attributed(text, quote, "the mayor")])
    assert [p.claim.text for p in pairs] == ["the old bridge is safe"]


def test_nearness_takes_an_account_where_its_teller_started_it(nlp: Language) -> None:
    """Statements one party made in a row are one account: a denial of 'it' answers its first statement."""
    first = "the manager grabbed her arm at the rally"
    second = "his grip left bruises on her wrist"
    text = f"The reporter said {first}. She said {second}. The campaign denied it."
    quotes = [attributed(text, first, "The reporter"), attributed(text, second, "She")]
    quotes = [
        q.model_copy(update={"speaker": q.speaker and q.speaker.model_copy(update={"cluster": 1})})
        for q in quotes
    ]
    pairs = pairs_given(nlp, text, quotes)
    assert [p.claim.text for p in pairs] == [first]


def test_a_denied_clause_the_writer_stated_before_takes_that_sentence(nlp: Language) -> None:
    """No one is quoted saying it, but the article stated it: the denial answers the writer's sentence."""
    first = "The agency used waterboarding, a torture method, on three prisoners."
    text = f"{first} The minister denied that waterboarding is torture."
    pairs = find_pairs(nlp, text)
    assert [(p.claim.text, p.claim.claimant) for p in pairs] == [(first.rstrip("."), None)]


INTRODUCED = "A charity posted a chart of invented crime figures on its website on Monday"
NOTION = "A columnist floated the notion of a four-day week in his Monday column"


@pytest.mark.parametrize(
    ("introduced", "denial", "paired"),
    [
        (INTRODUCED, "The figures are false, the police said.", True),
        (INTRODUCED, "Such figures are false, the police said.", False),  # no particular figures
        (INTRODUCED, "The charity's figures are false, the police said.", False),  # a named owner
        (NOTION, "The notion is false, the police said.", False),  # may name a view
    ],
)
def test_a_definite_claim_noun_with_nothing_quoted_takes_the_sentence_introducing_it(
    nlp: Language, introduced: str, denial: str, paired: bool
) -> None:
    """'the figures are false', no one quoted: the writer's sentence that introduced the figures."""
    text = f"{introduced}. Police chiefs met on Tuesday to plan the budget. {denial}"
    pairs = find_pairs(nlp, text)
    assert [(p.claim.text, p.link.route) for p in pairs] == (
        [(introduced, "back_reference")] if paired else []
    )


@pytest.mark.parametrize(
    ("denial", "paired"),
    [
        ("The chairman rejected the accusations of hidden losses.", True),
        ("The chairman rejected the accusations of bribery.", False),
        ("The chairman rejected the accusations about his pension.", False),
    ],
)
def test_what_a_claim_noun_says_it_is_about_must_be_in_the_claim(
    nlp: Language, denial: str, paired: bool
) -> None:
    """'accusations of bribery' answers a statement about bribery, not whatever was said just before."""
    text = f"Auditors said {CLAIM}. {denial}"
    pairs = find_pairs(nlp, text, ((CLAIM, "Auditors"),))
    assert [p.claim.text for p in pairs] == ([CLAIM] if paired else [])


def test_a_body_denial_answers_no_statement_made_after_it(nlp: Language) -> None:
    """Only a headline answers a claim the article reports below it; a body denial points back."""
    text = f"The chairman denied the report about hidden losses on Monday. Auditors later said {CLAIM}."
    assert find_pairs(nlp, text, ((CLAIM, "Auditors"),)) == []


def test_a_person_wrong_to_say_something_is_its_only_claimant(nlp: Language) -> None:
    """'Haddad was wrong to tell them Y' answers Y as Haddad said it, else as stated here: never another
    party's statement of Y."""
    others = "the school trip had been cancelled because of the snow"
    text = (
        f"Parents said {others}. Omar Haddad said the coaches were already booked. "
        "The head teacher said Omar Haddad was wrong to tell parents the school trip had been cancelled."
    )
    statements = ((others, "Parents"), ("the coaches were already booked", "Omar Haddad"))
    pairs = find_pairs(nlp, text, statements)
    assert [(p.claim.text, p.link.route) for p in pairs] == [
        ("the school trip had been cancelled", "inside_denial")
    ]


def test_a_light_verb_shared_is_no_restatement(nlp: Language) -> None:
    """'the rain would come too late' and 'a shortage is coming' share a verb that says little: not the
    same claim, though both are about the wheat."""
    rain = "the rain would come too late for the wheat"
    text = f"Farmers said {rain}. The weather office rejected reports that a wheat shortage is coming."
    pairs = find_pairs(nlp, text, ((rain, "Farmers"),))
    assert [(p.claim.text, p.link.route) for p in pairs] == [("a wheat shortage is coming", "inside_denial")]
