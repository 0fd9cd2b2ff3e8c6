"""Claim/denial pairs: a proposition stated in the article and a party's denial of it.

Precision comes first, since a false pair misleads a reader. A denial needs an explicit cue (deny, refute,
"rejected the allegations", "called the claims false", "not true", "it never happened", "contrary to the
claims", ...) in a construction that takes a proposition, so rejected proposals, "denied him entry",
"there's no denying", hedges ("not always the case") and wishes ("I hope it's fake") never start a pair.

Candidate claims are the attributed statements of the quotes extractor and the clauses claim nouns state
anywhere ("a report from X saying Y", "the allegation that Y"); a headline states nothing the body denies.
A denial that states its clause ("denied that Y") takes the earliest statement of Y (an attributed one or
a sentence of the writer's sharing most of its terms), else Y itself. One that points back takes, in
order: a clause reported in its own sentence or quote ("When X says Y, that's false"); the claim of the
person it judges ("X is wrong"); the first statement of the kind it names ("the AP report"); the statement
sharing the most telling content with it; or, when nothing says otherwise, the statement just before it,
where its teller began. Entities are canonicalized, capitals standing for their country.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Literal

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.symbols import NOUN
from spacy.tokens import Doc, Span, Token

from schemas.enrich import Claim, ClaimLink, ClaimPair, Cue, Denial, Quote, Speaker
from service.extract.denial_lexicon import (
    BACK_REFERENCE_PRONOUNS,
    CLAIM_NOUNS,
    COPULAS,
    DEFINITE_DETERMINERS,
    DENIED_CHARGES,
    DENIED_THINGS,
    DENY_VERBS,
    FALSITY_ADJECTIVES,
    FALSITY_NOUNS,
    HEADLINE_CLAIM_CUES,
    HEADLINE_CUES,
    HEDGES,
    HYPOTHETICAL_MODALS,
    KIND_FAMILIES,
    LABEL_VERBS,
    NON_ASSERTIVE_VERBS,
    NON_CONTENT_LEMMAS,
    OPINION_FALSITY,
    OPINION_NOUNS,
    PERSON_PRONOUNS,
    PORTRAYAL_NOUNS,
    PORTRAYING_VERBS,
    PROPOSAL_MODALS,
    PROPOSAL_NOUNS,
    QUANTIFIERS,
    QUANTITY_NOUNS,
    REFUTE_VERBS,
    REJECT_VERBS,
    REPORT_KINDS,
    REPORTING_VERBS,
    SAYING_VERBS,
    SPREAD_VERBS,
    STATEMENT_NOUNS,
)
from service.extract.entities import EntityCluster, EntityClusters
from service.extract.lexicon import CAPITAL_METONYMS
from service.extract.mentions import MentionResolver

Route = Literal["inside_denial", "back_reference", "content_overlap"]
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "nsubjpass", "pobj", "attr", "oprd", "nmod", "appos", "conj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_EDGE = " \t\r\n,;:-–—"
_CLAUSE_BREAKS = frozenset({"“", "”", '"', "''", "``", ";", "(", ")", "—", "–"})
_NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "quantmod"})
# Words that can start a denial, by lemma and by lower-case form (`_denial_at` tells which do).
_CUE_LEMMAS = (
    DENY_VERBS
    | REFUTE_VERBS
    | REJECT_VERBS
    | FALSITY_NOUNS
    | FALSITY_ADJECTIVES
    | OPINION_FALSITY
    | {"make", "believe", "happen", "truth", "push"}
)
_CUE_WORDS = HEADLINE_CUES | {"true", "case", "contrary"}
_CLAUSE_ENDS = frozenset({";", "—", "–"})
_CLOSING_QUOTES = frozenset({"”", "''", '"'})
_RELATIVES = frozenset({"where", "which", "who", "when"})

# Content overlap needed to pair a denial with a statement stated elsewhere.
_MIN_SHARED = 2
_MIN_OVERLAP = 0.5
# Share of its terms an earlier statement must have for a clause stated in a denial to be its restatement.
_RESTATED_OVERLAP = 0.6
# The words that judge a claim false say nothing of which claim it is ("misleading" answers many).
_VERDICT_WORDS = FALSITY_NOUNS | FALSITY_ADJECTIVES | OPINION_FALSITY
# How close (in characters) a statement must end before a denial to be its claim on nearness alone.
_ADJACENT = 200
# A headline (with its subhead) is this short at most.
_HEADLINE_MAX = 250


@dataclass(frozen=True)
class _Target:
    """What a denial cue denies: a clause it states, and/or a word pointing at a claim made elsewhere."""

    inner: tuple[int, int] | None = None
    reference: str | None = None
    noun: Token | None = None  # the claim noun ("the allegations"), whose owner hints at the claimant


@dataclass(frozen=True)
class _Denial:
    """One denial found in a sentence, before it is paired with a claim."""

    start: int
    end: int
    cue: Token
    denier: Speaker | None
    target: _Target
    claimant_hint: frozenset[str]  # names owning the denied claim ("Exxon's accusation", "a report by X")
    headline: bool = False
    opens: int = -1  # where the utterance holding it starts (its quote, else the denial itself)


@dataclass(frozen=True)
class _Candidate:
    """A statement that can be a claim: an attributed quote, or the clause a claim noun introduces ("a
    report saying X", "the allegation that X"). Its kinds are the words that name it (the claim noun, the
    head words of its quote's speaker and cue, read only when asked: see `_kinds`), which a back-reference
    ("the report") must agree with."""

    start: int
    end: int
    claimant: Speaker | None
    terms: frozenset[str]
    kinds: frozenset[str] = frozenset()
    named_by: tuple[tuple[int, int], ...] = ()  # spans whose head word names it (a speaker, a cue)


def extract_claims(doc: Doc, quotes: list[Quote], entities: EntityClusters) -> list[ClaimPair]:
    """Every (claim, denial) pair, one per denial sentence or continuous quote, in text order."""
    try:
        return _extract(doc, quotes, entities)
    except (ValueError, IndexError):  # a parse too odd to read gives no pair, never a failed request
        return []


def _extract(doc: Doc, quotes: list[Quote], entities: EntityClusters) -> list[ClaimPair]:
    resolver = MentionResolver(doc, entities)
    denials = _unique_per_quote(_find_denials(doc, quotes, entities, resolver), quotes)
    clusters = _clusters_by_token(doc, entities)
    text = doc.text  # spaCy rebuilds the whole string on each access: read it once per document
    headline_end = _headline_end(text)
    # A claim a claim noun introduces ("a report by X saying Y", "rebutted the accusation that Y") is stated
    # more exactly than any quote overlapping it, which it replaces.
    stated = _noun_statements(doc, clusters, entities, resolver)
    candidates = [
        c
        for q in quotes
        if (c := _candidate(doc, q, clusters)) is not None and not any(_overlaps(c, n) for n in stated)
    ]
    # a claim first stated inside a denial ("denied that X") can be denied again later
    stated += [
        _Candidate(*d.target.inner, None, _terms(doc, *d.target.inner, clusters))
        for d in denials
        if d.target.inner is not None
        and not any(n.start < d.target.inner[1] and d.target.inner[0] < n.end for n in stated)
    ]
    candidates = sorted(candidates + stated, key=lambda c: c.start)
    written = _written(doc, clusters, headline_end)
    common = _common_terms(written)
    pairs = []
    for denial in denials:
        if denial.start < headline_end:
            denial = replace(denial, headline=True)
        # a headline is no clear statement of a claim the body denies
        usable = [c for c in candidates if c.start >= headline_end or denial.headline]
        pair = _pair(doc, text, denial, usable, clusters, common, written)
        if pair is not None:
            pairs.append(pair)
    return pairs


def _headline_end(text: str) -> int:
    """Where the headline ends: a short first line (and its subhead) set apart by a blank line, in a text of
    several paragraphs (a lone first paragraph of a two-paragraph text is its lead, not a headline)."""
    end = text.find("\n\n", 0, _HEADLINE_MAX)
    if end < 0 or text[:end].strip().count("\n") > 1 or text.find("\n\n", end + 2) < 0:
        return 0
    return end


def _overlaps(a: _Candidate, b: _Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _candidate(doc: Doc, quote: Quote, clusters: dict[int, EntityCluster]) -> _Candidate | None:
    """An attributed statement that states a proposition (a clause, not a quoted phrase)."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not any(t.pos_ in {"VERB", "AUX"} for t in span):
        return None
    terms = _span_terms(span, clusters)
    if len(terms) < _MIN_SHARED:
        return None
    named_by = tuple((part.start, part.end) for part in (quote.speaker, quote.cue) if part is not None)
    return _Candidate(quote.start, quote.end, quote.speaker, terms, named_by=named_by)


def _kinds(doc: Doc, candidate: _Candidate) -> frozenset[str]:
    heads = (doc.char_span(start, end, alignment_mode="expand") for start, end in candidate.named_by)
    return candidate.kinds | {
        words.root.lemma_.lower() for words in heads if words is not None and len(words)
    }


def _noun_statements(
    doc: Doc, clusters: dict[int, EntityCluster], entities: EntityClusters, resolver: MentionResolver
) -> list[_Candidate]:
    """Claims stated as the complement of a claim noun: 'the allegation that X', 'a report saying X'."""
    found = []
    for i in _words_among(doc, STATEMENT_NOUNS, frozenset()):
        token = doc[i]
        if token.pos != NOUN:
            continue
        inner = _noun_claim(token)[1]
        if inner is None:
            continue
        start, end = inner
        claimant = _owner_speaker(token, resolver)
        terms = _terms(doc, start, end, clusters)
        found.append(_Candidate(start, end, claimant, terms, frozenset({token.lemma_.lower()})))
    return found


def _owner_speaker(noun: Token, resolver: MentionResolver) -> Speaker | None:
    """The party owning a claim noun ('Exxon's accusation', 'a report from Bloomberg'), as a speaker."""
    for owner in _owners(noun):
        tokens = [t for t in owner.subtree if t.pos_ in {"PROPN", "NOUN"} and (t == owner or t.head == owner)]
        if tokens:
            start, end = _trim_tokens(tokens[0], tokens[-1])
            if end > start:
                return resolver.resolve(start, end)
    return None


# ---------------------------------------------------------------- denial cues


def _find_denials(
    doc: Doc, quotes: list[Quote], entities: EntityClusters, resolver: MentionResolver
) -> list[_Denial]:
    found: list[_Denial] = []
    for i in _words_among(doc, _CUE_LEMMAS, _CUE_WORDS):
        token = doc[i]
        sent = token.sent
        if found and found[-1].cue.sent.start == sent.start:
            continue  # one denial per sentence
        denial = _denial_at(token, sent, quotes, entities, resolver)
        if denial is not None:
            found.append(denial)
    return found


def _words_among(doc: Doc, lemmas: frozenset[str], words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form is listed, read as arrays: building a Token for
    every word of a long document is most of the cost of a pass over it."""
    tags = doc.to_array([LEMMA, LOWER])
    strings = doc.vocab.strings
    lemma_ids = [strings[form] for w in lemmas for form in (w, w.capitalize())]  # names keep their case
    word_ids = [strings[w] for w in words]
    wanted = numpy.isin(tags[:, 0], lemma_ids) | numpy.isin(tags[:, 1], word_ids)
    return [int(i) for i in numpy.flatnonzero(wanted)]


def _denial_at(
    token: Token, sent: Span, quotes: list[Quote], entities: EntityClusters, resolver: MentionResolver
) -> _Denial | None:
    lemma = token.lemma_.lower()
    target: _Target | None = None
    if lemma in DENY_VERBS and token.pos_ == "VERB":
        target = _deny_target(token)
    elif lemma in REFUTE_VERBS and token.pos_ == "VERB":
        target = _object_target(token, require_claim_noun=False)
    elif lemma in REJECT_VERBS and token.pos_ == "VERB":
        target = _object_target(token, require_claim_noun=True)
    elif _is_falsity_word(token) or _is_not_true(token):
        target = _falsity_target(token)
    elif lemma == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        target = _made_up_target(token)
    elif token.lower_ == "contrary":
        target = _contrary_target(token)
    elif lemma == "push" and token.pos_ == "VERB":
        target = _pushback_target(token)
    elif lemma in {"believe", "happen"} and token.pos_ == "VERB" and _negated(token):
        target = _disbelief_target(token)
    elif lemma == "truth" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        target = _no_truth_target(token)
    elif token.lower_ in HEADLINE_CUES and _in_headline(token, sent):
        target = _headline_target(token, sent)
    # The hypothetical test walks the parse, so it runs only once a cue has matched (most tokens are none).
    if target is None or (target.inner is None and target.reference is None) or _hypothetical(token):
        return None
    if target.inner is None and target.reference in BACK_REFERENCE_PRONOUNS:
        # "When X says Y, I don't believe that", "she said Y, but that is false", '"We are told Y. It is
        # all lies," he said': Y
        said = _said_before(token.i, sent) or _said_before(sent.start, _quoted_sentence_before(sent, quotes))
        target = replace(target, inner=said)
    start, end = _line_of(sent, token)
    hint = frozenset() if target.noun is None else _owner_names(target.noun, entities)
    if target.noun is not None and _is_person(target.noun):  # "Trump is wrong": wrong in what Trump said
        hint = _party_terms(resolver.resolve(target.noun.idx, target.noun.idx + len(target.noun)))
    return _Denial(start, end, token, _denier(token, quotes, resolver, target.noun), target, hint)


def _is_person(token: Token) -> bool:
    return token.lower_ in PERSON_PRONOUNS or token.ent_type_ == "PERSON"


def _contrary_target(word: Token) -> _Target | None:
    """'contrary to the claims of X, he is not plotting Y': the clause set against the claims."""
    to = next((c for c in word.children if c.lower_ == "to"), None)
    noun = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    verb = next((a for a in word.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    after = noun.right_edge.i
    said = _said_clause(verb) if verb.lemma_.lower() in SAYING_VERBS else None
    if said is not None and said.left_edge.i > after:  # "contrary to X's claims, officials say Y": Y
        return _Target(inner=_clause(said), noun=noun)
    tokens = [t for t in verb.subtree if t.i > after and not (t.is_punct and t.i == after + 1)]
    if verb.i <= after or sum(t.pos_ in _CONTENT_POS and not t.is_stop for t in tokens) < 2:
        return None
    return _Target(inner=_trim_tokens(tokens[0], tokens[-1]), noun=noun)


def _said_before(cue: int, sent: Span | None) -> tuple[int, int] | None:
    """The last clause reported in a sentence before token `cue`, which a pronoun after it points back to."""
    said = None
    for verb in [] if sent is None else sent:
        if verb.i >= cue:
            break
        if _portrayed(verb) and verb.dep_ == "advcl" and verb.right_edge.i < cue:
            said = verb  # "when I am described as X, it is not true"
            continue
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SAYING_VERBS:
            continue
        if any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in verb.children):
            continue  # "I'll say it again": the speaker's own words
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.right_edge.i < cue and not _is_proposal_clause(clause):
                said = clause
    return None if said is None else _clause(said)


def _portrayed(verb: Token) -> bool:
    """'X is described / portrayed / called as Y': a passive portrayal, a claim about X."""
    return (
        verb.lemma_.lower() in PORTRAYING_VERBS
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ in {"prep", "oprd"} for c in verb.children)
    )


def _quoted_sentence_before(sent: Span, quotes: list[Quote]) -> Span | None:
    """The sentence before, when one quote runs across both (the speaker goes on answering it)."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    inside = any(
        q.start <= before.end_char - 1 and sent.start_char < q.end and q.start < sent.start_char
        for q in quotes
    )
    return before if inside else None


def _pushback_target(verb: Token) -> _Target | None:
    """'pushed back on/against the report (that X)': the claim noun after it."""
    if not any(c.lower_ == "back" for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "against"}), None)
    noun = None if prep is None else next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS or _negated(verb):
        return None
    return _noun_target(noun)


def _disbelief_target(verb: Token) -> _Target | None:
    """'Don't believe it', 'I don't believe that', 'it never happened': a pronoun for a claim made before."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_.lower() == "happen":  # a past event denied, not "it won't happen" or "can't be happening"
        if verb.tag_ != "VBD" and not any(c.lemma_ == "do" for c in verb.children):
            return None  # not "it hasn't happened (yet)", an expectation
        if any(c.tag_ == "MD" for c in verb.children):
            return None
        word = subject
    else:  # the speaker's or an imperative disbelief, not a report of someone else's
        if subject is not None and subject.lower_ not in {"i", "we"}:
            return None
        word = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if word is None or word.lower_ not in BACK_REFERENCE_PRONOUNS or _is_relative_pronoun(word):
        return None
    return _Target(reference=word.lower_, noun=word)


def _no_truth_target(truth: Token) -> _Target | None:
    """'there is no truth to the reports (that X)'."""
    to = next((c for c in truth.children if c.dep_ == "prep" and c.lower_ in {"to", "in"}), None)
    noun = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
    return None if noun is None else _noun_target(noun)


def _made_up_target(verb: Token) -> _Target | None:
    """'made up the story', 'she just made it up'."""
    if _negated(verb):
        return None
    words = [*verb.children, *(g for c in verb.children if c.dep_ == "prt" for g in c.children)]
    obj = next((c for c in words if c.dep_ in {"dobj", "nsubj"} and c.i > verb.i), None)
    target = None if obj is None else _noun_target(obj)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if target is not None and subject is not None and _is_person(subject):
        return replace(target, noun=subject)  # "she made it up": she made the claim
    return target


def _in_headline(token: Token, sent: Span) -> bool:
    """A title-case line ('Trump Denies Tyson Was Invited'), where the tagger misreads verbs as names."""
    start, end = _line_of(sent, token)
    words = [w for w in sent.text[start - sent.start_char : end - sent.start_char].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _headline_target(token: Token, sent: Span) -> _Target | None:
    """'X Denies Y Invited to Z': what follows the cue word is the denied claim."""
    word = token.lower_
    if word not in HEADLINE_CUES:
        return None
    start, end = _line_of(sent, token)
    rest = [t for t in sent if token.i < t.i and t.idx + len(t) <= end]
    if word in HEADLINE_CLAIM_CUES and not (rest and rest[0].lemma_.lower() in CLAIM_NOUNS):
        return None
    if sum(t.is_alpha and not t.is_stop for t in rest) < 2:
        return None
    return _Target(inner=_trim_within(sent, rest[0].idx, end))


def _hypothetical(token: Token) -> bool:
    """'if it wasn't true', 'could it be misleading?', 'would deny': no denial is made."""
    for t in [token, *token.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in t.children):
            return True
        if t.dep_ in {"ccomp", "xcomp"} and _negated(t.head):  # "never admitting he was wrong"
            return True
        if (
            t.dep_ in {"ccomp", "xcomp"} and t.head.lemma_.lower() in NON_ASSERTIVE_VERBS
        ):  # "I hope it's fake"
            return True
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in t.children):
            return True
        if t.dep_ in {"ROOT", "ccomp"}:
            break
    sent = token.sent
    return sent.text.rstrip().endswith("?")


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"no", "cannot", "can't", "never"} for c in token.children)


def _deny_target(verb: Token) -> _Target | None:
    """'denied that X' / 'denied it' / 'which he denied'; not 'denied him entry' or 'no denying'."""
    if _negated(verb) or any(c.dep_ == "dative" for c in verb.children):
        return None
    passive = any(c.dep_ == "auxpass" and c.lower_ not in {"'s", "’s"} for c in verb.children)
    if passive and any(c.dep_ == "dobj" for c in verb.children):
        return None  # "workers were denied overtime"; not "he's denied it"
    if verb.dep_ == "attr" or (verb.i > 0 and verb.doc[verb.i - 1].lower_ in {"no", "not"}):
        return None
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.pos_ in {"VERB", "AUX"} and not _noun_like(child):
            return _clause_target(child)
    if verb.dep_ == "relcl" and any(c.lower_ in {"which", "that"} for c in verb.children):
        # "allegations that he assaulted her, which he has denied": the claim noun above the clause
        claim_noun = next((a for a in verb.ancestors if a.lemma_.lower() in CLAIM_NOUNS), None)
        return None if claim_noun is None else _noun_target(claim_noun)
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objects = objects or [c for c in verb.children if c.dep_ == "nsubjpass" and verb.tag_ == "VBN"]
    for child in objects[:1]:
        if child.lemma_.lower() in DENIED_THINGS:
            return None
        target = _noun_target(child)
        if target is None and child.lemma_.lower() in DENIED_CHARGES:
            return _Target(reference=child.lower_, noun=child)
        return target
    return None


def _noun_like(clause: Token) -> bool:
    """'denied the change being sought': a subject with a participle, a thing denied, not a statement."""
    finite = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
    has_subject = any(c.dep_ in _SUBJECT_DEPS for c in clause.children)
    return has_subject and not any(t.tag_ in _FINITE_TAGS for t in finite)


def _object_target(verb: Token, require_claim_noun: bool) -> _Target | None:
    """'rejected the allegations (that X)', 'refuted the report', 'dismissed it as false'."""
    if _negated(verb):
        return None
    if verb.dep_ == "amod":  # "X rubbished Y's claim" parsed with the verb as a modifier
        noun = verb.head.head if verb.head.dep_ == "poss" else verb.head
        return _noun_target(noun) if noun.lemma_.lower() in CLAIM_NOUNS else None
    for child in verb.children:  # "rejected that X": the clause right after the verb, not a later one
        clause = child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"} and _has_mark(child, "that")
        if clause and child.left_edge.i == verb.i + 1:
            return _clause_target(child)
    for child in verb.children:
        if child.dep_ in {"dobj", "obj"}:
            if _as_falsity(verb):
                return _noun_target(child, any_noun=True)
            target = _noun_target(child)
            if require_claim_noun and (
                target is None or target.noun is None or target.noun.lemma_.lower() not in CLAIM_NOUNS
            ):
                return None
            return target
    return None


def _as_falsity(verb: Token) -> bool:
    """'dismissed the report as false/a lie'."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            return any(_is_falsity_word(t) for t in prep.subtree)
    return False


def _is_falsity_word(token: Token) -> bool:
    """A falsity noun used as a noun ('a lie', not 'to lie'), a falsity adjective as an adjective."""
    lemma = token.lemma_.lower()
    if lemma in FALSITY_NOUNS:
        return token.pos_ in {"NOUN", "PROPN"}
    return (lemma in FALSITY_ADJECTIVES or lemma in OPINION_FALSITY) and (
        token.pos_ == "ADJ" or token.tag_ == "VBN"
    )


def _clause_target(clause: Token, min_content: int = 2) -> _Target | None:
    """A denied clause; one too thin to state anything ("denied it happened") points back instead."""
    if _is_proposal_clause(clause):
        return None
    words = clause.doc[clause.left_edge.i : clause.right_edge.i + 1]  # its subtree, read as a slice
    if sum(t.pos_ in _CONTENT_POS and not t.is_stop for t in words) < min_content:
        subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ in BACK_REFERENCE_PRONOUNS:
            return _Target(reference=subject.lower_)
        return None
    return _Target(inner=_clause(clause))


def _noun_target(noun: Token, any_noun: bool = False) -> _Target | None:
    """What a noun object of a denial stands for: its that-clause, or a back-reference to a claim."""
    if noun.lower_ in QUANTIFIERS:  # "many of the points"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), noun) if of is not None else noun
    lemma = noun.lemma_.lower()
    is_claim = lemma in CLAIM_NOUNS or lemma in FALSITY_NOUNS
    found, inner = _noun_claim(noun) if is_claim else (False, None)
    if found:
        return None if inner is None else _Target(inner, lemma, noun)
    portrayal = _portrayal(noun) if lemma in PORTRAYAL_NOUNS else None
    if portrayal is not None:  # "dispel the image of X as Y"
        return _Target(portrayal, lemma, noun)
    if lemma in PROPOSAL_NOUNS:
        return None
    if noun.lower_ in BACK_REFERENCE_PRONOUNS and _is_relative_pronoun(noun):
        return None  # "stereotypes that are untrue" describes, it answers nothing
    if is_claim or noun.lower_ in BACK_REFERENCE_PRONOUNS:
        return _Target(reference=noun.lower_, noun=noun)
    if any_noun and noun.pos_ in {"NOUN", "PROPN"}:
        return _Target(reference=noun.lower_, noun=noun)
    return None


def _is_relative_pronoun(token: Token) -> bool:
    return token.lower_ in {"that", "which"} and any(
        a.dep_ in {"relcl", "acl"} for a in [token.head, *token.head.ancestors][:2]
    )


def _noun_claim(noun: Token) -> tuple[bool, tuple[int, int] | None]:
    """Whether a complement says what a claim noun claims, and the claim it states (None when it proposes
    rather than asserts): its that-clause; what a report is 'saying' when the parse lost the clause; the
    whole noun phrase when an infinitive says what is claimed ('Trump's claim to know X'); or an 'of'
    phrase whose noun acts ('accounts of thousands cheering')."""
    clause = _complement_clause(noun)
    if clause is not None:  # named a claim, a that-clause states it however short ("that he is a fraud")
        target = _clause_target(clause, min_content=1)
        return True, None if target is None else target.inner
    participle = _reporting_participle(noun)
    if participle is not None:
        return True, _rest_of_clause(participle)
    if _infinitive_claim(noun):
        return True, _trim_tokens(_phrase_start(noun), noun.right_edge)
    event = _reported_event(noun) if noun.lemma_.lower() in STATEMENT_NOUNS else None
    if event is not None:
        return True, _trim_tokens(event.left_edge, event.right_edge)
    return False, None


def _reported_event(noun: Token) -> Token | None:
    """'accounts of thousands cheering': the 'of' phrase whose noun acts, which states the claim."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(c.dep_ == "acl" and c.tag_ == "VBG" for c in obj.subtree):
                    return obj
    return None


def _phrase_start(noun: Token) -> Token:
    """The first word of a noun's own phrase ('Trump's claim'), whatever the parser hung before it."""
    left = [_phrase_start(c) for c in noun.lefts if c.dep_ in _NOUN_MODIFIERS and c.pos_ != "VERB"]
    return min(left, key=lambda t: t.i, default=noun)


def _participle(noun: Token) -> Token | None:
    """The participle that says what a claim noun holds: 'the report saying', 'a report from X suggesting'."""
    near = [c for c in noun.children if c.dep_ in {"acl", "prep"}]
    near += [g for c in near if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
    found = next((t for t in near if t.tag_ == "VBG" and t.dep_ in {"acl", "pcomp"}), None)
    after = noun.right_edge.i + 1
    if found is None and after < noun.sent.end:  # the parser may hang it on the verb instead
        word = noun.doc[after]
        found = word if word.tag_ == "VBG" and word.lemma_.lower() in REPORTING_VERBS else None
    return found


def _reporting_participle(noun: Token) -> Token | None:
    """'a report suggesting ...' whose clause the parser did not hang under the participle."""
    participle = _participle(noun)
    if participle is None or participle.lemma_.lower() not in REPORTING_VERBS:
        return None
    return None if any(c.dep_ == "ccomp" for c in participle.children) else participle


def _rest_of_clause(participle: Token) -> tuple[int, int] | None:
    """The words after a reporting participle up to the end of its clause (a quote mark, semicolon,
    bracket or dash, a relative clause, the verb the participle's noun depends on, or the sentence end)."""
    governing = {a.i for a in participle.ancestors}  # "polls showing X [are] wrong"
    tokens: list[Token] = []
    for t in participle.doc[participle.i + 1 : participle.sent.end]:
        if t.text in _CLAUSE_BREAKS or t.i in governing:
            break
        if tokens and tokens[-1].text == "," and t.lower_ in _RELATIVES:
            break
        tokens.append(t)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if sum(t.pos_ in _CONTENT_POS and not t.is_stop for t in tokens) < 2:
        return None
    return _trim_tokens(tokens[0], tokens[-1])


def _infinitive_claim(noun: Token) -> bool:
    """'Trump's claim to understand the middle class'."""
    return noun.lemma_.lower() in STATEMENT_NOUNS and any(
        c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in noun.children
    )


def _portrayal(noun: Token) -> tuple[int, int] | None:
    """'the image of X as Y', a portrayal saying what someone is (the parser may hang 'as Y' on the verb)."""
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    after = noun.right_edge.i + 1
    as_prep = next((t for t in noun.subtree if t.lower_ == "as" and t.dep_ == "prep"), None)
    if as_prep is None and after < len(noun.doc) and noun.doc[after].lower_ == "as":
        as_prep = noun.doc[after]
    return None if as_prep is None else _trim_tokens(noun.left_edge, as_prep.right_edge)


def _said_clause(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "ccomp"), None)


def _complement_clause(noun: Token) -> Token | None:
    """The clause saying what a claim noun claims: 'the allegations that he lied', 'the report saying X'."""
    clause = _that_clause(noun)
    if clause is not None:
        return clause
    participle = _participle(noun)
    if participle is None:
        return None
    if participle.lemma_.lower() not in REPORTING_VERBS:
        return None  # "statements causing delays", "the idea of deporting them": no claim stated
    return _said_clause(
        participle
    )  # "a report (from X) saying (that) Y": Y; else see `_reporting_participle`


def _that_clause(noun: Token) -> Token | None:
    """A claim noun's that-clause, found by its 'that' within a few words, since parsers often hang it
    elsewhere; relative clauses ('the claims that were made') are not complements."""
    for t in noun.doc[noun.i + 1 : min(noun.i + 14, noun.sent.end)]:
        if t.pos_ in {"VERB", "AUX"}:
            return None  # "charges about X by pointing out that ...": the 'that' belongs to another verb
        if t.lower_ != "that":
            continue
        verb = t.head
        if t.dep_ in {"nsubj", "nsubjpass", "dobj"} or verb.i <= t.i:
            return None
        has_subject = any(c.dep_ in _SUBJECT_DEPS | {"expl"} and c != t for c in verb.children)
        return verb if has_subject and verb.pos_ in {"VERB", "AUX"} else None
    return None


def _has_mark(clause: Token, *marks: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def _is_proposal_clause(clause: Token) -> bool:
    """'that we should raise taxes' proposes, it does not assert."""
    return any(t.lower_ in PROPOSAL_MODALS for t in clause.doc[clause.left_edge.i : clause.i])


def _is_not_true(token: Token) -> bool:
    """'not true' and 'not the case', but not 'not true of previous nominees'."""
    if token.lower_ not in {"true", "case"} or any(c.dep_ == "prep" for c in token.children):
        return False
    if token.lower_ == "case":
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        copular = token.dep_ == "attr" and _is_copula(token.head)
        return the and copular and _negated(token.head) and not _hedged(token)
    if token.lower_ != "true":
        return False
    return _negated(token.head if token.dep_ == "acomp" else token) and not _hedged(token)


def _hedged(word: Token) -> bool:
    """'not always true', 'not necessarily the case': a qualification, not a denial."""
    return any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in [*word.children, *word.head.children])


def _falsity_target(word: Token) -> _Target | None:
    """'the claims are false', 'called it a lie', 'this fiction that X', 'It's nonsense'."""
    if word.lemma_.lower() in OPINION_FALSITY:
        return _opinion_target(word)
    return _falsity_target_of(word)


def _opinion_target(word: Token) -> _Target | None:
    """'wrong', 'absurd' deny only a claim ('the report is wrong') or a person's saying ('she is wrong',
    'wrong for saying X'); 'wrong about taxes' or 'the plan is absurd' are opinions."""
    target = _falsity_target_of(word)
    noun = None if target is None else target.noun
    if noun is not None and noun.lemma_.lower() in CLAIM_NOUNS - OPINION_NOUNS:  # not "his view is wrong"
        return target
    if word.dep_ != "acomp" or not _is_copula(word.head):
        return None
    subject = next((c for c in word.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or not (subject.lower_ in PERSON_PRONOUNS or subject.ent_type_ == "PERSON"):
        return None
    preps = [c for c in [*word.children, *word.head.children] if c.dep_ == "prep"]
    if any(p.lower_ != "for" for p in preps):
        return None
    saying = next((t for p in preps for t in p.children if t.dep_ == "pcomp"), None)
    # "wrong for saying X", "wrong to say X"
    saying = saying or next(
        (c for c in word.children if c.dep_ == "xcomp" and c.lemma_.lower() in SAYING_VERBS), None
    )
    clause = None if saying is None else next((c for c in saying.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        return _clause_target(clause)
    return None if preps else _Target(reference=subject.lower_, noun=subject)


def _is_definite_claim(noun: Token) -> bool:
    """'the false claims', 'his baseless charge': a particular claim, not a genre ('fake news stories')."""
    if noun.lemma_.lower() not in CLAIM_NOUNS or any(c.lower_ == "news" for c in noun.children):
        return False
    return _complement_clause(noun) is not None or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in noun.children
    )


def _is_copula(token: Token) -> bool:
    return token.lemma_.lower() in COPULAS or token.lower_ in {"'s", "’s", "'re", "’re"}


def _falsity_target_of(word: Token) -> _Target | None:
    lemma = word.lemma_.lower()
    if (
        word.dep_ == "amod"
    ):  # "the false claims", "Trump's baseless allegation that ..."; not "the wrong impression"
        strict = lemma not in OPINION_FALSITY
        return _noun_target(word.head) if strict and _is_definite_claim(word.head) else None
    if lemma not in {"true", "case"} and (_negated(word) or _negated(word.head)):
        return None  # "not necessarily wrong"
    found, inner = _noun_claim(word) if lemma in FALSITY_NOUNS else (False, None)
    if found:
        return None if inner is None else _Target(inner, lemma)
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.lemma_.lower() in QUANTITY_NOUNS:
        word = word.head.head  # "it's a bunch of malarkey"
    head = word.head
    # copular: "<subject> is false / a lie / not true / not the case", "<subject> appears to be fabricated"
    if word.dep_ in {"acomp", "attr"} and _is_copula(head):
        extraposed = _extraposed_clause(head)  # "it is false that X", "it's misleading to imply that X"
        if extraposed is not None:
            return _clause_target(extraposed)
        subject = _subject_of(head)
        return None if subject is None else _claimer_target(subject) or _noun_target(subject)
    if word.dep_ == "dobj" and head.lemma_.lower() in SPREAD_VERBS:  # "he is spreading lies"
        subject = _subject_of(head)
        return None if subject is None else _claimer_target(subject)
    if word.tag_ == "VBN" and any(
        c.dep_ == "auxpass" for c in word.children
    ):  # "is/appears to be fabricated"
        subject = _subject_of(word)
        return None if subject is None else _noun_target(subject)
    # labelling: "called the claims false", "described it as a lie"
    label = head if head.lemma_.lower() in LABEL_VERBS else head.head if head.dep_ == "prep" else None
    if label is not None and label.lemma_.lower() in LABEL_VERBS and label.pos_ == "VERB":
        for t in label.subtree:
            if t.dep_ in _OBJECT_DEPS and t != word and t.i > label.i:
                target = _noun_target(t)
                if target is not None:
                    return target
    return None


def _extraposed_clause(copula: Token) -> Token | None:
    """The that-clause an 'it' subject stands for: 'it is not true that X', 'it's misleading to say X'."""
    if not any(c.dep_ in _SUBJECT_DEPS and c.lower_ == "it" for c in copula.children):
        return None
    for child in copula.children:
        if child.dep_ == "ccomp" and _has_mark(child, "that"):
            return child
        if child.dep_ == "xcomp" and child.lemma_.lower() in SAYING_VERBS | REPORTING_VERBS | {"imply"}:
            return _said_clause(child)
    return None


def _claimer_target(subject: Token) -> _Target | None:
    """Who is said to spread falsehoods: 'anyone claiming that X (is peddling fiction)' states X inside the
    denial ('he spreads lies' is a label, answering no claim in particular)."""
    if any(c.dep_ == "acl" and c.lemma_.lower() in SAYING_VERBS for c in subject.children):
        return _Target(inner=_trim_tokens(subject.left_edge, subject.right_edge), noun=subject)
    return None


def _subject_of(verb: Token) -> Token | None:
    """A verb's subject, or that of the verb it completes or shares it with ('the figures appear to be
    false', 'the figures were cited but are false')."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None or verb.dep_ not in {"xcomp", "conj"}:
            return subject
        verb = verb.head
    return None


def _owners(noun: Token) -> list[Token]:
    """Who made the claim a noun names: 'Exxon's accusation', 'your claims', 'the AP report', 'a report by
    Bloomberg'."""
    owners = [c for c in noun.children if c.dep_ in {"poss", "compound"} or c.ent_type_ == "NORP"]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"by", "from"}:
            owners += [c for c in prep.children if c.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ == "in":  # "the points in Exxon's letter"
            owners += [g for c in prep.children if c.dep_ == "pobj" for g in c.children if g.dep_ == "poss"]
    return owners


def _owner_names(noun: Token, entities: EntityClusters) -> frozenset[str]:
    """The entity names among the owners of a claim noun."""
    names = set()
    for owner in _owners(noun):
        for token in owner.subtree:
            cluster = entities.cluster_at(token.idx, token.idx + len(token))
            if cluster is not None:
                names.add(cluster.canonical.lower())
    return frozenset(names)


def _clause(head: Token) -> tuple[int, int]:
    """Span of a clause without its leading 'that' (or 'when') and edge punctuation."""
    # "..., saying Y" after the clause is its reporter's gloss, not part of what is stated
    glosses = [c for c in head.children if c.dep_ == "advcl" and c.i > head.i and c.tag_ == "VBG"]
    glossed = {t.i for g in glosses if g.lemma_.lower() in SAYING_VERBS | REPORTING_VERBS for t in g.subtree}
    tokens = [t for t in head.subtree if t.i not in glossed]
    while len(tokens) > 1 and tokens[0].lower_ in {"that", "when", "whenever"} and tokens[0].i < head.i:
        tokens = tokens[1:]
    # a dash, a semicolon or a quote closed after a comma (',"') after the verb ends what the clause states
    end = next((t for t in tokens if t.i > head.i and _ends_clause(t)), None)
    if end is not None and end.i > tokens[0].i:
        tokens = [t for t in tokens if t.i < end.i]
    return _trim_tokens(tokens[0], tokens[-1])


def _ends_clause(token: Token) -> bool:
    if token.text in _CLAUSE_ENDS:
        return True
    doc = token.doc
    by_comma = (token.i > 0 and doc[token.i - 1].text == ",") or (
        token.i + 1 < len(doc) and doc[token.i + 1].text == ","
    )
    return token.text in _CLOSING_QUOTES and by_comma  # not scare quotes ('a "socialist" of ...')


def _trim_tokens(first: Token, last: Token) -> tuple[int, int]:
    """The span from one token to another, trimmed."""
    span = first.doc[first.i : last.i + 1]
    return _trim_within(span, span.start_char, span.end_char)


def _trim_within(span: Span, start: int, end: int) -> tuple[int, int]:
    """`_trim` of doc offsets inside a span, reading only the span's text: `doc.text` is rebuilt whole on
    each access, which per denial or clause made long documents quadratic."""
    offset = span.start_char
    start, end = _trim(span.text, start - offset, end - offset)
    return start + offset, end + offset


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _EDGE or text[start] in "\"'“”‘’"):
        start += 1
    while end > start and (text[end - 1] in _EDGE or text[end - 1] in ".\"'“”‘’"):
        end -= 1
    return start, end


def _line_of(sent: Span, token: Token) -> tuple[int, int]:
    """The sentence holding the cue, cut at line breaks (a headline is a sentence of its own)."""
    text, offset = sent.text, sent.start_char
    cue = token.idx - offset
    start, end = 0, len(text)
    before = text.rfind("\n", start, cue)
    after = text.find("\n", cue, end)
    if before >= 0:
        start = before + 1
    if after >= 0:
        end = after
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start + offset, end + offset


def _denier(
    token: Token, quotes: list[Quote], resolver: MentionResolver, denied: Token | None
) -> Speaker | None:
    """Who denies: the speaker of a quote holding the cue, else the subject of the cue's clause unless that
    is what is denied ('the report is false', 'Trump is wrong', 'she made it up')."""
    for quote in quotes:
        if quote.start <= token.idx < quote.end and quote.speaker is not None:
            return quote.speaker
    verb = token
    while verb.dep_ != "ROOT" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject == denied or subject.lemma_.lower() in CLAIM_NOUNS:
        return None
    if subject.lower_ in {"it", "this", "that"}:
        return None
    tokens = [t for t in subject.subtree if t.dep_ not in {"relcl", "acl", "punct", "appos"}]
    start, end = _trim_tokens(tokens[0], tokens[-1])
    return resolver.resolve(start, end) if end > start else None


def _unique_per_quote(denials: list[_Denial], quotes: list[Quote]) -> list[_Denial]:
    """A continuous quote is one denial however many of its sentences deny."""
    kept: list[_Denial] = []
    for denial in denials:
        quote = next((q for q in quotes if q.start <= denial.cue.idx < q.end), None)
        if quote is not None and any(quote.start <= k.cue.idx < quote.end for k in kept):
            continue
        kept.append(replace(denial, opens=denial.start if quote is None else min(quote.start, denial.start)))
    return kept


# ---------------------------------------------------------------- linking


def _clusters_by_token(doc: Doc, entities: EntityClusters) -> dict[int, EntityCluster]:
    """The cluster of each token inside an entity mention, as `entities.cluster_at` finds it for the token
    (the mention overlapping it most, the first on ties), built once: asking `cluster_at`, which scans
    every mention, for every token made claims quadratic on long documents."""
    starts = [t.idx for t in doc]
    best: dict[int, tuple[int, EntityCluster]] = {}
    for mention in entities.mentions:
        i = max(bisect_right(starts, mention.start) - 1, 0)
        while i < len(doc) and doc[i].idx < mention.end:
            token = doc[i]
            overlap = min(token.idx + len(token), mention.end) - max(token.idx, mention.start)
            if overlap > best.get(i, (0, None))[0]:
                best[i] = (overlap, entities.clusters[entities.cluster_of[mention]])
            i += 1
    return {i: cluster for i, (_, cluster) in best.items()}


def _terms(doc: Doc, start: int, end: int, clusters: dict[int, EntityCluster]) -> frozenset[str]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return frozenset() if span is None else _span_terms(span, clusters)


def _span_terms(span: Span, clusters: dict[int, EntityCluster]) -> frozenset[str]:
    """Content lemmas of a span; entity mentions become their canonical name, capitals their country."""
    terms = set()
    for token in span:
        cluster = clusters.get(token.i)
        if cluster is not None:
            name = cluster.canonical.lower()
            terms.add(CAPITAL_METONYMS.get(name, cluster.canonical).lower())
            continue
        lemma = token.lemma_.lower()
        if (
            token.pos_ in _CONTENT_POS
            and not token.is_stop
            and lemma not in NON_CONTENT_LEMMAS
            and re.search(r"\w", lemma)
        ):
            terms.add(CAPITAL_METONYMS.get(lemma, lemma).lower())
    return frozenset(terms)


def _pair(
    doc: Doc,
    text: str,
    denial: _Denial,
    candidates: list[_Candidate],
    clusters: dict[int, EntityCluster],
    common: frozenset[str],
    written: list[_Candidate],
) -> ClaimPair | None:
    inner, reference = denial.target.inner, denial.target.reference
    # the claims a denial can answer: outside it, by another party; later statements may repeat them
    eligible = [c for c in candidates if _outside(c, denial) and not _same_party(c.claimant, denial.denier)]
    owned = [c for c in eligible if _party_terms(c.claimant) & denial.claimant_hint]
    others = owned or eligible
    noun = denial.target.noun
    if noun is not None and _is_person(noun):  # "she is wrong", "she made it up": her claim, first stated
        earlier_owned = [c for c in owned if c.end <= denial.cue.idx]
        if not earlier_owned:
            return None
        return _link(text, denial, earlier_owned[0], "back_reference", frozenset({reference or ""}), 0.5)
    # "your allegations", "the AP report": nearness alone must not give a named owner's claim to another
    # ... nor to a word that names no claim ("dismissed the kerfuffle as absurd")
    # ... nor to an opinion's name ("rejected the notion", "disputed the argument"), which may answer a view
    near_ok = noun is None or (
        (noun.lower_ in BACK_REFERENCE_PRONOUNS or noun.lemma_.lower() in CLAIM_NOUNS - OPINION_NOUNS)
        and (bool(owned) or not _owners(noun))
    )
    if inner is not None:
        stated = next((c for c in candidates if (c.start, c.end) == inner), None)
        stated = stated or _Candidate(*inner, None, _terms(doc, *inner, clusters))
        # the claim is its first clear statement: an earlier one, or the denial's own unless it is a headline
        before = others if denial.headline else [c for c in others if c.start < denial.start]
        best = _best_overlap(stated.terms, before, _MIN_SHARED, _RESTATED_OVERLAP)
        if best is not None:
            first = _first_statement(best[0], eligible)
            return _link(text, denial, first, "content_overlap", best[1], best[2])
        # the writer may have stated it first, unattributed ("waterboarding, a torture technique, ...")
        prior = [] if denial.headline else [c for c in written if c.end <= denial.start]
        best = _best_overlap(stated.terms - common, prior, _MIN_SHARED, _RESTATED_OVERLAP)
        if best is not None:
            start, end = _trim(text, best[0].start, best[0].end)
            sentence = replace(best[0], start=start, end=end)
            return _link(text, denial, sentence, "content_overlap", best[1], best[2])
        first = _first_statement(stated, eligible)
        if first is not stated:
            return _link(text, denial, first, "content_overlap", first.terms & stated.terms, 0.8)
        return _link(text, denial, stated, "inside_denial", frozenset(), 0.9)
    # the parties of the denial say nothing of which claim it is
    probe = (
        _terms(doc, denial.start, denial.end, clusters) - _party_terms(denial.denier) - denial.claimant_hint
    )
    earlier = [c for c in others if c.end <= denial.cue.idx]
    if not earlier:  # a headline denial answers a claim the article reports below it
        best = _best_overlap(probe, others, _MIN_SHARED, 0.0)
        if best is None:
            return None
        return _link(text, denial, _first_statement(best[0], eligible), "content_overlap", best[1], best[2])
    pronoun = noun is not None and noun.lower_ in BACK_REFERENCE_PRONOUNS
    if pronoun and earlier[-1].start >= denial.start:  # "When X says Y, I don't believe that": Y
        return _link(text, denial, earlier[-1], "back_reference", frozenset({reference or ""}), 0.6)
    family = _kind_family(denial.target.noun)
    # a claim of the kind the back-reference names, by its named owner or by nobody named
    compatible = [
        c
        for c in eligible
        if c.end <= denial.cue.idx
        and _kinds(doc, c) & family
        and (c.claimant is None or not denial.claimant_hint or c in owned)
    ]
    if compatible and family is REPORT_KINDS:
        # "the report" is the report introduced earlier: its claim is the first it was said to make
        return _link(text, denial, compatible[0], "back_reference", frozenset({reference or ""}), 0.7)
    # nearness is counted to the start of the denier's utterance: the statement it answers comes before it
    chosen = _back_reference(probe, compatible or earlier, denial.opens, common, near_ok)
    if chosen is None:
        return None
    candidate, shared, score = chosen
    route: Route = "back_reference" if reference is not None else "content_overlap"
    terms = shared if route == "content_overlap" or shared else frozenset({reference or ""})
    return _link(text, denial, _first_statement(candidate, eligible), route, terms, score)


def _kind_family(noun: Token | None) -> frozenset[str]:
    """The words a claim named by `noun` can go by ('the report' ~ a report, an article, 'X reported')."""
    lemma = "" if noun is None else noun.lemma_.lower()
    return next((family for family in KIND_FAMILIES if lemma in family), frozenset())


def _outside(candidate: _Candidate, denial: _Denial) -> bool:
    """A claim lies outside its denial, or before the cue of a denial pointing back ("..., a view X disputed")."""
    if candidate.end <= denial.start or candidate.start >= denial.end:
        return True
    return (
        denial.target.reference is not None
        and candidate.start >= denial.start
        and candidate.end <= denial.cue.idx
    )


def _back_reference(
    probe: frozenset[str],
    earlier: list[_Candidate],
    denial_start: int,
    common: frozenset[str],
    near_ok: bool,
) -> tuple[_Candidate, frozenset[str], float] | None:
    """The earlier statement a denial answers: the one sharing the most telling content with it, else the
    statement just before the denial. Names found all over the article tell nothing."""
    best: tuple[int, _Candidate, frozenset[str]] | None = None
    for candidate in earlier:
        shared = (probe & candidate.terms) - common - _VERDICT_WORDS
        if len(shared) >= _MIN_SHARED and (best is None or len(shared) > best[0]):
            best = (len(shared), candidate, shared)
    if best is not None:
        return best[1], best[2], min(1.0, best[0] / 4)
    nearest = earlier[-1]
    if near_ok and denial_start - nearest.end <= _ADJACENT:
        return _opening_statement(nearest, earlier), frozenset(), 0.4
    return None


def _opening_statement(last: _Candidate, earlier: list[_Candidate]) -> _Candidate:
    """The first of the statements its claimant made in a row up to `last` (an account told over several
    sentences is claimed where it starts)."""
    first = last
    for candidate in reversed(earlier[: earlier.index(last)]):
        if not _same_party(candidate.claimant, last.claimant) or first.start - candidate.end > _ADJACENT:
            break
        first = candidate
    return first


def _written(doc: Doc, clusters: dict[int, EntityCluster], body_start: int) -> list[_Candidate]:
    """Every sentence of the body as a statement of the writer's, unattributed."""
    # trimmed only when one is linked (`_pair`): reading each sentence's text costs
    return [
        _Candidate(s.start_char, s.end_char, None, _span_terms(s, clusters))
        for s in doc.sents
        if s.start_char >= body_start
    ]


def _common_terms(sentences: list[_Candidate]) -> frozenset[str]:
    """Terms in many sentences of the article (its protagonists and topic)."""
    counts: dict[str, int] = {}
    for sent in sentences:
        for term in sent.terms:
            counts[term] = counts.get(term, 0) + 1
    limit = max(3, len(sentences) // 5)
    return frozenset(t for t, n in counts.items() if n > limit)


def _link(
    text: str, denial: _Denial, claim: _Candidate, route: Route, terms: frozenset[str], score: float
) -> ClaimPair:
    return _make_pair(text, claim.start, claim.end, claim.claimant, denial, route, sorted(terms), score)


def _first_statement(chosen: _Candidate, candidates: list[_Candidate]) -> _Candidate:
    """The earliest statement of the same proposition (the annotators' claim is its first clear statement)."""
    for candidate in candidates:
        if candidate.start >= chosen.start:
            break
        shared = chosen.terms & candidate.terms
        if candidate.terms == chosen.terms or (
            len(shared) >= _MIN_SHARED + 1
            and len(shared) >= _MIN_OVERLAP * min(len(chosen.terms), len(candidate.terms))
        ):
            return candidate
    return chosen


def _party_terms(party: Speaker | None) -> frozenset[str]:
    """Names a party goes by: its canonical name, and the words of its mention."""
    if party is None:
        return frozenset()
    names = {w.lower() for w in party.text.split() if w[:1].isupper()}
    if party.canonical:
        names.add(party.canonical.lower())
    return frozenset(names)


def _best_overlap(
    probe: frozenset[str], candidates: list[_Candidate], min_shared: int, min_ratio: float
) -> tuple[_Candidate, frozenset[str], float] | None:
    """The candidate sharing the most content terms with the probe; ties go to the earliest."""
    best = None
    for candidate in candidates:
        shared = probe & candidate.terms
        if len(shared) < min_shared or not candidate.terms:
            continue
        score = len(shared) / min(len(probe), len(candidate.terms))
        if score >= min_ratio and (best is None or len(shared) > len(best[1])):
            best = (candidate, shared, score)
    return best


def _same_party(claimant: Speaker | None, denier: Speaker | None) -> bool:
    if claimant is None or denier is None:
        return False
    if claimant.cluster is not None and claimant.cluster == denier.cluster:
        return True
    return claimant.text.lower() == denier.text.lower()


def _make_pair(
    text: str,
    start: int,
    end: int,
    claimant: Speaker | None,
    denial: _Denial,
    route: Route,
    terms: list[str],
    score: float,
) -> ClaimPair:
    cue = denial.cue
    return ClaimPair(
        claim=Claim(text=text[start:end], start=start, end=end, claimant=claimant),
        denial=Denial(
            text=text[denial.start : denial.end],
            start=denial.start,
            end=denial.end,
            denier=denial.denier,
            cue=Cue(text=cue.text, start=cue.idx, end=cue.idx + len(cue)),
        ),
        link=ClaimLink(route=route, terms=terms, score=round(min(score, 1.0), 3)),
    )
