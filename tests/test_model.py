"""The model as the service loads it: paragraph breaks are sentence breaks, line wraps are not; long runs
without whitespace are tokenized in pieces and overlong stretches are cut into sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from service.model import MAX_SENTENCE_TOKENS, MAX_TOKENIZER_RUN, PARAGRAPH_BREAKS

# Headlines with no full stop, each followed by its lead paragraph (or a line break with spaces around it).
TEXTS = [
    "Mayor Vows New Budget Talks In Rivertown\n\nThe mayor said on Monday that talks would resume.",
    "Senators Weigh Farm Bill After Long Delay \n \nLawmakers said they expected a vote soon.",
    "Court ruling delayed\nThe judge told reporters she needed more time",
]


@pytest.mark.parametrize("text", TEXTS)
def test_no_sentence_spans_a_line_break(nlp: Language, text: str) -> None:
    doc = nlp(text)
    for sentence in doc.sents:
        assert "\n" not in sentence.text.strip(), sentence.text


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said on Monday that the council\nwould vote on the plan next week.",
        "Officials met the\nMayor of Leeds on Friday to discuss the harbour.",
        "The strike, which began in May,\nended when both sides signed.",
    ],
)
def test_a_line_break_that_wraps_a_sentence_is_no_sentence_break(nlp: Language, text: str) -> None:
    assert len(list(nlp(text).sents)) == 1


def test_the_cue_of_a_lead_paragraph_does_not_reach_into_the_headline(nlp: Language) -> None:
    doc = nlp(TEXTS[0])
    said = next(t for t in doc if t.lower_ == "said")
    assert all(t.idx > doc.text.index("\n") for t in said.subtree if not t.is_space)


def test_the_component_sits_just_before_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index(PARAGRAPH_BREAKS) == names.index("parser") - 1


@pytest.mark.parametrize(
    "text",
    [
        "x" * (2 * MAX_TOKENIZER_RUN + 50),
        "$" * (3 * MAX_TOKENIZER_RUN) + " then a word",
        "See https://example.org/" + "a/b" * MAX_TOKENIZER_RUN + ' and "\U0001f600' * 3 + "!" * 500,
    ],
)
def test_a_long_run_is_tokenized_in_pieces_with_exact_offsets(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc.text == text
    assert all(text[token.idx : token.idx + len(token)] == token.text for token in doc)
    assert max(len(token) for token in doc) <= MAX_TOKENIZER_RUN


def test_a_stretch_with_no_break_is_cut_into_sentences(nlp: Language) -> None:
    """One tree per sentence: a text without any break would be one tree that every cue walks."""
    doc = nlp("he said that " * (MAX_SENTENCE_TOKENS // 2))
    assert max(len(sentence) for sentence in doc.sents) <= MAX_SENTENCE_TOKENS
