"""Entity spans and clusters, table-driven over small texts."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from service.extract.entities import (
    EntityMention,
    clean_span,
    cluster_mentions,
    extract_entities,
    find_mentions,
    plainly_named,
    strip_titles,
)
from service.extract.syntax import is_title_case


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("CNN)American", "American"),
        ("Vladimir] Putin", "Putin"),
        ("[Putin", "Putin"),
        ("the Council on Foreign Relations", "Council on Foreign Relations"),
        ("the Communist Party's", "Communist Party"),
        ('"Reuters', "Reuters"),
        ("(Reuters)", "Reuters"),
        ("Xi Jinping", "Xi Jinping"),
    ],
)
def test_clean_span_trims_debris(raw: str, expected: str) -> None:
    span = clean_span(raw, 0, len(raw))
    assert span is not None
    assert raw[span[0] : span[1]] == expected


@pytest.mark.parametrize("raw", ["()", "--", "’ ’", " ] "])
def test_clean_span_rejects_nothing_name_like(raw: str) -> None:
    assert clean_span(raw, 0, len(raw)) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Spokesperson Zhao Lijian", "Zhao Lijian"),
        ("President Joe Biden", "Joe Biden"),
        ("Sen. Elizabeth Warren", "Elizabeth Warren"),
        ("Jake Sullivan", "Jake Sullivan"),
        ("President", "President"),
    ],
)
def test_strip_titles(raw: str, expected: str) -> None:
    assert strip_titles(raw) == expected


def _clusters(nlp: Language, text: str) -> dict[str, set[str]]:
    found = extract_entities(nlp(text))
    return {c.canonical: {m.text for m in c.mentions} for c in found.clusters}


@pytest.mark.parametrize(
    ("text", "canonical", "mentions"),
    [
        (
            "US National Security Advisor Jake Sullivan met officials. Sullivan said the talks were useful.",
            "Jake Sullivan",
            {"Jake Sullivan", "Sullivan"},
        ),
        (
            "Chinese President Xi Jinping arrived in Moscow. Xi was greeted by officials.",
            "Xi Jinping",
            {"Xi Jinping", "Xi"},
        ),
        (
            "Spokesperson Zhao Lijian spoke to reporters. Zhao denied the report.",
            "Zhao Lijian",
            {"Zhao Lijian", "Zhao"},
        ),
        # a middle initial does not make another person; the fullest form names the cluster
        (
            "Mary Ellis won the race.\n\nMary K. Ellis said on Monday that she had won. Ellis thanked voters.",
            "Mary K. Ellis",
            {"Mary Ellis", "Mary K. Ellis", "Ellis"},
        ),
    ],
)
def test_surname_joins_full_name(nlp: Language, text: str, canonical: str, mentions: set[str]) -> None:
    assert _clusters(nlp, text)[canonical] == mentions


def test_aliases_share_a_cluster(nlp: Language) -> None:
    clusters = _clusters(nlp, "The United States warned China. The US said Beijing would pay a price.")
    assert {"United States", "US"} <= clusters["United States"]


def test_distinct_people_stay_apart(nlp: Language) -> None:
    clusters = _clusters(nlp, "Joe Biden met Hunter Smith in Paris. Biden left early and Smith stayed.")
    assert clusters["Joe Biden"] == {"Joe Biden", "Biden"}
    assert clusters["Hunter Smith"] == {"Hunter Smith", "Smith"}


def test_different_initials_are_different_people(nlp: Language) -> None:
    clusters = _clusters(
        nlp, "John A. Reyes met John B. Reyes in Dallas. Later John Reyes spoke to the press."
    )
    assert clusters["John A. Reyes"] == {"John A. Reyes"}
    assert clusters["John B. Reyes"] == {"John B. Reyes"}
    assert clusters["John Reyes"] == {"John Reyes"}  # either of them: left alone


def test_initials_compare_by_their_letters(nlp: Language) -> None:
    clusters = _clusters(nlp, "Carla J. Moreno won the vote. Carla J Moreno thanked her staff.")
    assert clusters["Carla J. Moreno"] == {"Carla J. Moreno", "Carla J Moreno"}


def test_every_mention_is_exactly_its_text(nlp: Language, seed_text: str) -> None:
    found = extract_entities(nlp(seed_text))
    assert found.mentions
    for mention in found.mentions:
        assert seed_text[mention.start : mention.end] == mention.text
        assert mention.label not in {"DATE", "TIME"}


def test_seed_clusters(nlp: Language, seed_text: str) -> None:
    found = extract_entities(nlp(seed_text))
    by_canonical = {c.canonical: c for c in found.clusters}
    sullivan = by_canonical["Jake Sullivan"]
    assert {m.text for m in sullivan.mentions} == {"Jake Sullivan", "Sullivan"}
    # every "Sullivan" in the text is a mention of that cluster
    sullivan_starts = {m.start for m in sullivan.mentions}
    position = seed_text.find("Sullivan")
    while position >= 0:
        assert any(start <= position < start + 13 for start in sullivan_starts)
        position = seed_text.find("Sullivan", position + 1)
    assert by_canonical["Zhao Lijian"].label == "PERSON"
    assert {m.text for m in by_canonical["Richard N. Haas"].mentions} == {"Richard N. Haas", "Haas"}
    assert all("US National Security Advisor" not in c.canonical for c in found.clusters)


def _people(names: list[str], plain: set[str] | None = None) -> dict[str, str]:
    """Each name's canonical, for PERSON mentions in this order (one word apart); `plain` names the full
    forms read plainly in running text (all of them when None)."""
    mentions, start = [], 0
    for name in names:
        mentions.append(EntityMention(start, start + len(name), name, "PERSON"))
        start += len(name) + 1
    named = frozenset(m for m in mentions if len(m.text.split()) > 1 and (plain is None or m.text in plain))
    found = cluster_mentions(mentions, named)
    return {m.text: found.clusters[found.cluster_of[m]].canonical for m in found.mentions}


def test_a_bare_surname_names_the_first_named_of_its_people(nlp: Language) -> None:
    """A second person of the same surname is named in full each time; a longer name is no reason."""
    text = (
        "Maria Lopez, the mayor, opened the bridge on Monday. Her cousin, Juan Carlos Lopez, cut the "
        "ribbon. Lopez said the bridge was safe."
    )
    clusters = _clusters(nlp, text)
    assert clusters["Maria Lopez"] == {"Maria Lopez", "Lopez"}
    assert clusters["Juan Carlos Lopez"] == {"Juan Carlos Lopez"}


def test_a_name_read_only_off_a_headline_names_no_one_else() -> None:
    """'Defiant Lopez' is a headline's adjective read into a name: 'Lopez' is the person named plainly."""
    canonical = _people(["Defiant Lopez", "Maria Lopez", "Lopez"], plain={"Maria Lopez"})
    assert canonical["Lopez"] == "Maria Lopez"


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # a middle name, like an initial, leaves one person; the fullest form names them
        (
            ["Ana Lopez", "Ana Belen Lopez", "Lopez"],
            {"Ana Lopez": "Ana Belen Lopez", "Lopez": "Ana Belen Lopez"},
        ),
        # two different middles are two people; the form without one could be either and stays apart
        (
            ["John Paul Reyes", "John Mark Reyes", "John Reyes"],
            {
                "John Paul Reyes": "John Paul Reyes",
                "John Mark Reyes": "John Mark Reyes",
                "John Reyes": "John Reyes",
            },
        ),
    ],
)
def test_middle_names(names: list[str], expected: dict[str, str]) -> None:
    canonical = _people(names)
    assert {name: canonical[name] for name in expected} == expected


def test_a_bare_surname_names_whose_surname_it_is() -> None:
    """'Ellis' is Tom Ellis, not Ellis Moreno named before him, whose first name it is."""
    canonical = _people(["Ellis Moreno", "Tom Ellis", "Ellis"])
    assert canonical["Ellis"] == "Tom Ellis"


def test_a_name_opened_by_no_proper_noun_is_not_plain(nlp: Language) -> None:
    """NER may read a sentence's first word into the name ('Lately Rosa Brandt'): not a plain naming."""
    words = ["Lately", "Rosa", "Brandt", "spoke", ".", "Rosa", "Brandt", "left", "."]
    tags = ["ADV", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = Doc(nlp.vocab, words=words, pos=tags, ents=ents)
    mentions = find_mentions(doc)
    assert [m.text for m in plainly_named(doc, mentions)] == ["Rosa Brandt"]


def test_a_first_name_that_looks_like_a_word_still_names(nlp: Language) -> None:
    """'Will Moreno': with the word left out no full name remains, so the first word is the first name."""
    words = ["Will", "Moreno", "won", "."]
    doc = Doc(
        nlp.vocab, words=words, pos=["AUX", "PROPN", "VERB", "PUNCT"], ents=["B-PERSON", "I-PERSON", "O", "O"]
    )
    assert [m.text for m in plainly_named(doc, find_mentions(doc))] == ["Will Moreno"]


def test_plainly_named_is_a_proper_noun_outside_a_title_case_line(nlp: Language) -> None:
    doc = nlp(
        "Worried Maria Lopez Cancels Trip\n\nCarlos Lopez said he would stay. Maria Lopez is his sister."
    )
    mentions = find_mentions(doc)
    plain = plainly_named(doc, mentions)
    body = doc.text.index("\n")
    assert [(m.text, m.start > body, m in plain) for m in mentions if m.text == "Maria Lopez"] == [
        ("Maria Lopez", False, False),
        ("Maria Lopez", True, True),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mayor Rejects Calls To Resign Over Bridge", True),
        ("The mayor rejected calls to resign over the bridge.", False),
        ("Maria Lopez", False),  # too short to tell
    ],
)
def test_is_title_case(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected
