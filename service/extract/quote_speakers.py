"""Who speaks: the source of a cue read off the parse (its subject, the subject of the verb it continues,
a name the parser left loose, a poll's respondents, the agent of a passive) as a character span."""

from __future__ import annotations

import re

from spacy.tokens import Token

from service.extract.cue_lexicon import ADDRESSEE_VERBS, DATA_SOURCE_NOUNS, LEXICON
from service.extract.quote_text import DOUBLE_MARKS, span_of_tokens
from service.extract.syntax import child_by_dep, set_off_by_comma

# Words that make a subject a share of respondents ("a majority of voters", "half", "most").
_SHARE_WORDS = frozenset({"percent", "%", "majority", "plurality", "half", "third", "quarter", "most"})
# Dependencies of a speaker's head that are not part of the speaker mention ("Trump and Ryan" stay whole).
_NOT_SPEAKER_DEPS = frozenset({"relcl", "advcl"})
_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}|\b[ap]\.m\b")
_TIME_LABELS = frozenset({"DATE", "TIME"})
_RELATIVE = frozenset({"who", "which", "that"})
# Passive subjects that stand for no one ("it was reported that …").
_EXPLETIVES = frozenset({"it", "there"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
COLON_SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
# A cue hanging off another verb this way shares that verb's subject.
_SUBJECT_SHARING_DEPS = frozenset({"conj", "xcomp", "advcl", "parataxis", "pcomp", "acomp", "dep"})


def is_cue_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and lemma in LEXICON.colon


def phrase_of(head: Token, without: frozenset[str] = _NOT_SPEAKER_DEPS) -> tuple[int, int] | None:
    """A noun phrase with its apposition, without its relative clauses: "the official, who declined …" →
    "the official"."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in without and not _is_aside(child):
            tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    # Keep the contiguous stretch around the head.
    indices = [t.i for t in tokens]
    lo = hi = indices.index(head.i)
    while lo > 0 and indices[lo - 1] == indices[lo] - 1:
        lo -= 1
    while hi + 1 < len(indices) and indices[hi + 1] == indices[hi] + 1:
        hi += 1
    while lo < hi and tokens[lo].is_punct:  # commas join an apposition ("One of them, Ann Lee, 70"),
        lo += 1  # but marks and commas at the edges are not part of the name
    while hi > lo and tokens[hi].is_punct:
        hi -= 1
    return span_of_tokens(tokens[lo : hi + 1])


def _is_aside(child: Token) -> bool:
    """A participle set off by a comma ("Ann Lee, speaking in Ohio, said") describes the moment, not who
    speaks."""
    return child.dep_ == "acl" and set_off_by_comma(child)


def _past_dateline(subject: Token, verb: Token) -> tuple[int, int] | None:
    """A subject that is a dateline or timestamp ("LONDON (Reuters) -", "12:15 p.m.") is the parser's
    mistake: the speaker is then the first person named between it and the cue (the rest may be an
    aside: "12:15 p.m. Ann Lee, speaking in Ohio, is calling …"), else the last name there."""
    words = [t for t in subject.subtree if t.i < verb.i]
    if not words:
        return None
    is_dateline = (
        is_time(subject)
        or _CLOCK_TIME.search(" ".join(t.text for t in words)) is not None
        or any(t.text == ")" for t in words)
        or (subject.text.isupper() and len(subject.text) > 2 and subject.ent_type_ == "GPE")
    )
    if not is_dateline:
        return None
    names = [
        e for e in verb.sent.ents if e.end <= verb.i and e.label_ in SPEAKER_LABELS and e.start > words[0].i
    ]
    names = [e for e in names if not any(t.text == ")" for t in verb.doc[e.end : verb.i])]
    if not names:
        return None
    chosen = next((e for e in names if e.label_ == "PERSON"), names[-1])
    return (chosen.start_char, chosen.end_char)


def speaker_of(verb: Token) -> tuple[int, int] | None:
    """The source of a cue verb: its subject by the parse, else the subject of its sentence standing
    before it (a participle the parser cut loose: "X, arguing …", "X was … calling …")."""
    found = _subject_by_parse(verb) or _name_just_before(verb)
    if found is not None:
        return found
    subjects = [
        t
        for t in verb.sent
        if t.dep_ == "nsubj" and t.i < verb.i and t.lower_ not in _RELATIVE and not _is_dummy_it(t, t.head)
    ]
    return phrase_of(subjects[0]) if subjects else None


def _poll_of_respondents(subject: Token, verb: Token) -> tuple[int, int] | None:
    """ "In a survey out this week, 40 percent of parents said …": a share of respondents speaks through the poll
    named before it in the sentence, which the annotators take as the source."""
    if not _is_share(subject):
        return None
    doc = verb.doc
    polls = [t for t in doc[verb.sent.start : subject.left_edge.i] if t.lemma_.lower() in DATA_SOURCE_NOUNS]
    return phrase_of(polls[-1]) if polls else None


def _is_share(token: Token) -> bool:
    return token.ent_type_ in ("PERCENT", "CARDINAL") or token.like_num or token.lower_ in _SHARE_WORDS


def _name_just_before(verb: Token) -> tuple[int, int] | None:
    """A name the parser did not make the cue's subject ("On Friday, Capt. Ola Berg, a navy spokesman in
    Porto, said" with the name hung on the date): the last person or organisation named before the cue
    in its sentence with no verb between, else the last name there."""
    names = [e for e in verb.sent.ents if e.end <= verb.i and e.label_ in SPEAKER_LABELS]
    names = [
        e for e in names if not any(is_verb(t) or t.text in DOUBLE_MARKS for t in verb.doc[e.end : verb.i])
    ]
    if not names:
        return None
    chosen = next((e for e in reversed(names) if e.label_ in COLON_SPEAKER_LABELS), names[-1])
    return (chosen.start_char, chosen.end_char)


def _subject_by_parse(verb: Token) -> tuple[int, int] | None:
    """The cue's subject, or the subject of the verb it continues ("X declined, saying …", "X angered
    voters by saying …"), or the noun a participle describes ("a statement saying …")."""
    current = verb
    for _ in range(5):
        children = list(current.children)
        sources = [source_of_according(c) for c in children if c.lower_ == "according"]
        if source := next((s for s in sources if s is not None), None):
            return phrase_of(source)
        for child in children:
            if child.dep_ == "nsubj" and child.lower_ in _RELATIVE and current.dep_ == "relcl":
                antecedent = phrase_of(current.head)  # "Sullivan, who said …": both words name the source
                end = child.idx + len(child)
                return (antecedent[0], end) if antecedent and antecedent[0] < end else phrase_of(child)
            if child.dep_ == "nsubj":
                subject = _nearest_before([c for c in children if c.dep_ == "nsubj"], current)
                if _is_dummy_it(subject, current):
                    return None
                return (
                    _poll_of_respondents(subject, current)
                    or _past_dateline(subject, current)
                    or phrase_of(subject)
                )
            if child.dep_ == "agent" and (by := child_by_dep(child, "pobj")) is not None:
                return phrase_of(by)
        named = [c for c in children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < current.i]
        if named:  # "…," Lee barked: a verb has no compound, the parser missed its subject
            return phrase_of(named[-1])
        passive_subject = child_by_dep(current, "nsubjpass")  # "X is expected to …", "X is assured of …"
        addressed = (
            current.lemma_.lower() in ADDRESSEE_VERBS and child_by_dep(current, "ccomp", "xcomp") is not None
        )
        # ^ but "we are told that …" names who heard it, not who told it
        if passive_subject is not None and passive_subject.lower_ not in _EXPLETIVES and not addressed:
            return phrase_of(passive_subject)
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            noun = current.head  # "a statement saying …", but "X issued a statement saying …": X
            holder = noun.head.head if noun.dep_ == "pobj" else noun.head
            if (
                noun.dep_ in ("dobj", "pobj")
                and is_verb(holder)
                and (holder_subject := subject_of(holder)) is not None
            ):
                return phrase_of(holder_subject)
            return phrase_of(noun, _NOT_SPEAKER_DEPS | {"acl"})
        if current.dep_ not in _SUBJECT_SHARING_DEPS or current.head is current:
            return None
        reported = current.dep_ in ("conj", "advcl") and is_cue_verb(current)
        current = current.head
        if current.dep_ == "prep" and current.head is not current:  # "by saying": past the preposition
            current = current.head
        if reported and current.dep_ == "ccomp" and is_cue_verb(current.head) and current.head.i < current.i:
            current = current.head  # "X insisted that he won, adding …": the parser hung "adding" low
    return None


def _is_dummy_it(subject: Token, verb: Token) -> bool:
    """ "It is tempting to think …", "it is unwise to expect …": an "it" standing for the clause after it is
    no one."""
    return (
        subject.lower_ == "it"
        and verb.lemma_ == "be"
        and any(c.dep_ in ("acomp", "attr") for c in verb.children)
    )


def subject_of(verb: Token) -> Token | None:
    """The verb's subject nearest before it (the parser may hang a quote's own subject on the cue too:
    `"Belief that …," Lee said`), else its first subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return _nearest_before(subjects, verb) if subjects else None


def _nearest_before(tokens: list[Token], anchor: Token) -> Token:
    before = [t for t in tokens if t.i < anchor.i]
    return before[-1] if before else tokens[0]


def source_of_according(token: Token) -> Token | None:
    """The source in "according to X" (or the misspelt "according X")."""
    to = child_by_dep(token, "prep")
    return child_by_dep(token, "pobj") if to is None else child_by_dep(to, "pobj")


def is_time(token: Token) -> bool:
    return token.ent_type_ in _TIME_LABELS


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")
