"""What a denial cue denies, form by form: the clause it states ("denied that X", "it is not true that X"),
or the word by which it points at a claim made elsewhere ("rejected the allegations", "that's a lie",
"she made it up"). Each form returns None where it proposes, hedges or answers no claim ("rejected the
offer", "denied him entry", "not always true", "his world view is wrong"), so nothing downstream sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from service.extract.claim_nouns import complement_clause, noun_claim
from service.extract.claim_syntax import (
    SUBJECT_DEPS,
    clause_span,
    content_words,
    is_proposal_clause,
    is_relative_pronoun,
    line_of,
    negated,
    said_clause,
    stated_clause,
    trim_tokens,
    trim_within,
    without_subordinator,
)
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
    LABEL_VERBS,
    OPINION_FALSITY,
    OPINION_NOUNS,
    PERSON_PRONOUNS,
    PORTRAYAL_NOUNS,
    PROPOSAL_NOUNS,
    QUANTIFIERS,
    QUANTITY_NOUNS,
    REFUTE_VERBS,
    REJECT_VERBS,
    REPORTING_VERBS,
    SAYING_VERBS,
    SPREAD_VERBS,
)
from service.extract.syntax import child_by_dep, has_mark

# Words that can start a denial, by lemma and by lower-case form (`target_of` tells which do).
CUE_LEMMAS = (
    DENY_VERBS
    | REFUTE_VERBS
    | REJECT_VERBS
    | FALSITY_NOUNS
    | FALSITY_ADJECTIVES
    | OPINION_FALSITY
    | {"make", "believe", "happen", "truth", "push"}
)
CUE_WORDS = HEADLINE_CUES | {"true", "case", "contrary"}
_APPOSITION_MARKS = frozenset({",", "-", "–", "—", "--"})
_QUOTE_TOKENS = frozenset({"''", "``", '"', "”", "“", "’", "‘"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Dependents by which a labelling verb names what it labels ("called the claims false", "described it as a lie").
_LABELLED_DEPS = frozenset({"dobj", "obj", "nsubjpass", "pobj", "attr", "oprd", "nmod", "appos", "conj"})


@dataclass(frozen=True)
class Target:
    """What a denial cue denies: a clause it states, and/or a word pointing at a claim made elsewhere."""

    inner: tuple[int, int] | None = None
    reference: str | None = None
    noun: Token | None = None  # the claim noun ("the allegations"), whose owner hints at the claimant


def is_person(token: Token) -> bool:
    """A word for a person ('she', 'Trump'): a verdict on them judges what they said."""
    return token.lower_ in PERSON_PRONOUNS or token.ent_type_ == "PERSON"


def target_of(token: Token, sent: Span) -> Target | None:
    """What the word denies, by the denial form it starts; None when it starts none."""
    lemma = token.lemma_.lower()
    if lemma in DENY_VERBS and token.pos_ == "VERB":
        return _deny_target(token)
    if lemma in REFUTE_VERBS and token.pos_ == "VERB":
        return _object_target(token, require_claim_noun=False)
    if lemma in REJECT_VERBS and token.pos_ == "VERB":
        return _object_target(token, require_claim_noun=True)
    if _is_falsity_word(token) or _is_not_true(token):
        return _falsity_target(token)
    if lemma == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return _made_up_target(token)
    if token.lower_ == "contrary":
        return _contrary_target(token)
    if lemma == "push" and token.pos_ == "VERB":
        return _pushback_target(token)
    if lemma in {"believe", "happen"} and token.pos_ == "VERB" and negated(token):
        return _disbelief_target(token)
    if lemma == "truth" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return _no_truth_target(token)
    if token.lower_ in HEADLINE_CUES and _in_headline(token, sent):
        return _headline_target(token, sent)
    return None


def _contrary_target(word: Token) -> Target | None:
    """'contrary to the claims of X, he is not plotting Y': the clause set against the claims."""
    to = next((c for c in word.children if c.lower_ == "to"), None)
    noun = None if to is None else child_by_dep(to, "pobj")
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS:
        return None
    verb = next((a for a in word.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    after = noun.right_edge.i
    said = said_clause(verb) if verb.lemma_.lower() in SAYING_VERBS else None
    if said is not None and said.left_edge.i > after:  # "contrary to X's claims, officials say Y": Y
        return Target(inner=clause_span(said), noun=noun)
    tokens = [t for t in verb.subtree if t.i > after and not (t.is_punct and t.i == after + 1)]
    if verb.i <= after or content_words(tokens) < 2:
        return None
    return Target(inner=trim_tokens(tokens[0], tokens[-1]), noun=noun)


def _pushback_target(verb: Token) -> Target | None:
    """'pushed back on/against the report (that X)': the claim noun after it."""
    if not any(c.lower_ == "back" for c in verb.children):
        return None
    noun = _prep_object(verb, {"on", "against"})
    if noun is None or noun.lemma_.lower() not in CLAIM_NOUNS or negated(verb):
        return None
    return _noun_target(noun)


def _disbelief_target(verb: Token) -> Target | None:
    """'Don't believe it', 'I don't believe that', 'it never happened': a pronoun for a claim made before."""
    subject = child_by_dep(verb, "nsubj")
    if verb.lemma_.lower() == "happen":  # a past event denied, not "it won't happen" or "can't be happening"
        if verb.tag_ != "VBD" and not any(c.lemma_ == "do" for c in verb.children):
            return None  # not "it hasn't happened (yet)", an expectation
        if any(c.tag_ == "MD" for c in verb.children):
            return None
        word = subject
    else:  # the speaker's or an imperative disbelief, not a report of someone else's
        if subject is not None and subject.lower_ not in {"i", "we"}:
            return None
        word = child_by_dep(verb, "dobj")
    if word is None or word.lower_ not in BACK_REFERENCE_PRONOUNS or is_relative_pronoun(word):
        return None
    return Target(reference=word.lower_, noun=word)


def _no_truth_target(truth: Token) -> Target | None:
    """'there is no truth to the reports (that X)'."""
    noun = _prep_object(truth, {"to", "in"})
    return None if noun is None else _noun_target(noun)


def _prep_object(word: Token, prepositions: set[str]) -> Token | None:
    """The object of the word's first preposition among these ('pushed back on X', 'no truth to X')."""
    prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
    return None if prep is None else child_by_dep(prep, "pobj")


def _made_up_target(verb: Token) -> Target | None:
    """'made up the story', 'she just made it up'."""
    if negated(verb):
        return None
    words = [*verb.children, *(g for c in verb.children if c.dep_ == "prt" for g in c.children)]
    obj = next((c for c in words if c.dep_ in {"dobj", "nsubj"} and c.i > verb.i), None)
    target = None if obj is None else _noun_target(obj)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if target is not None and subject is not None and is_person(subject):
        return replace(target, noun=subject)  # "she made it up": she made the claim
    return target


def _in_headline(token: Token, sent: Span) -> bool:
    """A title-case line ('Trump Denies Tyson Was Invited'), where the tagger misreads verbs as names."""
    start, end = line_of(sent, token)
    words = [w for w in sent.text[start - sent.start_char : end - sent.start_char].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _headline_target(token: Token, sent: Span) -> Target | None:
    """'X Denies Y Invited to Z': what follows the cue word is the denied claim."""
    word = token.lower_  # one of HEADLINE_CUES (`target_of`)
    end = line_of(sent, token)[1]
    rest = [t for t in sent if token.i < t.i and t.idx + len(t) <= end]
    if word in HEADLINE_CLAIM_CUES and not (rest and rest[0].lemma_.lower() in CLAIM_NOUNS):
        return None
    if sum(t.is_alpha and not t.is_stop for t in rest) < 2:
        return None
    return Target(inner=trim_within(sent, rest[0].idx, end))


def _deny_target(verb: Token) -> Target | None:
    """'denied that X' / 'denied it' / 'which he denied'; not 'denied him entry' or 'no denying'."""
    if negated(verb) or any(c.dep_ == "dative" for c in verb.children):
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
        if claim_noun is None:
            return None
        return _relative_target(claim_noun)  # "X said Y, a charge that Z denied": Y
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objects = objects or [c for c in verb.children if c.dep_ == "nsubjpass" and verb.tag_ == "VBN"]
    for child in objects[:1]:
        if child.lemma_.lower() in DENIED_THINGS:
            return None
        target = _noun_target(child)
        if target is None and child.lemma_.lower() in DENIED_CHARGES:
            return Target(reference=child.lower_, noun=child)
        return target
    return None


def _relative_target(noun: Token) -> Target | None:
    """What a claim noun that a relative clause denies stands for: the clause it is set beside ('Y, a
    charge that Z denied'), else the noun itself ('the allegations, which he denied')."""
    apposed = _apposed_clause(noun)
    return Target(apposed, noun.lower_, noun) if apposed is not None else _noun_target(noun)


def _apposed_clause(noun: Token) -> tuple[int, int] | None:
    """The clause a claim noun is set beside after a comma or dash ('the vote was rigged, a charge that
    ...'): what the noun names, however the parser hung the noun; a reported clause before a report of it."""
    first = noun.left_edge
    doc = noun.doc
    mark = first.i - 1
    while mark > 0 and doc[mark].text in _QUOTE_TOKENS:  # 'X was "unfit," an idea that ...'
        mark -= 1
    if mark < 1 or doc[mark].text not in _APPOSITION_MARKS or first.lower_ not in {"a", "an", "the"}:
        return None
    before = doc[mark - 1]
    clauses = [
        t
        for t in [before, *before.ancestors]
        if t.pos_ in {"VERB", "AUX", "ADJ"} and child_by_dep(t, *SUBJECT_DEPS) is not None and t.i < mark
    ]
    verb = next((t for t in clauses if t.dep_ == "ccomp"), clauses[-1] if clauses else None)
    if verb is None:
        return None
    words = without_subordinator([t for t in verb.subtree if t.i < mark], verb)
    return trim_tokens(words[0], words[-1]) if content_words(words) >= 2 else None


def _noun_like(clause: Token) -> bool:
    """'denied the change being sought': a subject with a participle, a thing denied, not a statement."""
    finite = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in clause.children)
    return has_subject and not any(t.tag_ in _FINITE_TAGS for t in finite)


def _object_target(verb: Token, require_claim_noun: bool) -> Target | None:
    """'rejected the allegations (that X)', 'refuted the report', 'dismissed it as false'."""
    if negated(verb):
        return None
    if verb.dep_ == "amod":  # "X rubbished Y's claim" parsed with the verb as a modifier
        noun = verb.head.head if verb.head.dep_ == "poss" else verb.head
        return _noun_target(noun) if noun.lemma_.lower() in CLAIM_NOUNS else None
    relative = child_by_dep(verb, "dobj")
    if verb.dep_ == "relcl" and (relative is None or relative.lower_ in {"that", "which"}):
        # "X said Y, a claim (that) the engineers rejected": Y
        apposed = _apposed_clause(verb.head) if verb.head.lemma_.lower() in CLAIM_NOUNS else None
        if apposed is not None:
            return Target(apposed, verb.head.lower_, verb.head)
    for child in verb.children:  # "rejected that X": the clause right after the verb, not a later one
        clause = child.dep_ == "ccomp" and child.pos_ in {"VERB", "AUX"} and has_mark(child, "that")
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


def _clause_target(clause: Token) -> Target | None:
    """A denied clause; one too thin to state anything ("denied it happened") points back instead."""
    inner = stated_clause(clause, min_content=2)
    if inner is not None:
        return Target(inner=inner)
    subject = child_by_dep(clause, *SUBJECT_DEPS)
    if subject is not None and subject.lower_ in BACK_REFERENCE_PRONOUNS and not is_proposal_clause(clause):
        return Target(reference=subject.lower_)
    return None


def _noun_target(noun: Token, any_noun: bool = False) -> Target | None:
    """What a noun object of a denial stands for: its that-clause, or a back-reference to a claim."""
    if noun.lower_ in QUANTIFIERS:  # "many of the points"
        noun = _prep_object(noun, {"of"}) or noun
    lemma = noun.lemma_.lower()
    is_claim = lemma in CLAIM_NOUNS or lemma in FALSITY_NOUNS
    found, inner = noun_claim(noun) if is_claim else (False, None)
    if found:
        return None if inner is None else Target(inner, lemma, noun)
    portrayal = _portrayal(noun) if lemma in PORTRAYAL_NOUNS else None
    if portrayal is not None:  # "dispel the image of X as Y"
        return Target(portrayal, lemma, noun)
    if lemma in PROPOSAL_NOUNS:
        return None
    if noun.lower_ in BACK_REFERENCE_PRONOUNS and is_relative_pronoun(noun):
        return None  # "stereotypes that are untrue" describes, it answers nothing
    if is_claim or noun.lower_ in BACK_REFERENCE_PRONOUNS:
        return Target(reference=noun.lower_, noun=noun)
    if any_noun and noun.pos_ in {"NOUN", "PROPN"}:
        return Target(reference=noun.lower_, noun=noun)
    return None


def _portrayal(noun: Token) -> tuple[int, int] | None:
    """'the image of X as Y', a portrayal saying what someone is (the parser may hang 'as Y' on the verb)."""
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    after = noun.right_edge.i + 1
    as_prep = next((t for t in noun.subtree if t.lower_ == "as" and t.dep_ == "prep"), None)
    if as_prep is None and after < len(noun.doc) and noun.doc[after].lower_ == "as":
        as_prep = noun.doc[after]
    return None if as_prep is None else trim_tokens(noun.left_edge, as_prep.right_edge)


def _is_not_true(token: Token) -> bool:
    """'not true' and 'not the case', but not 'not true of previous nominees'."""
    if token.lower_ not in {"true", "case"} or any(c.dep_ == "prep" for c in token.children):
        return False
    if token.lower_ == "case":
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        copular = token.dep_ == "attr" and _is_copula(token.head)
        return the and copular and negated(token.head) and not _hedged(token)
    return negated(token.head if token.dep_ == "acomp" else token) and not _hedged(token)


def _hedged(word: Token) -> bool:
    """'not always true', 'not necessarily the case': a qualification, not a denial."""
    return any(c.dep_ == "advmod" and c.lower_ in HEDGES for c in [*word.children, *word.head.children])


def _falsity_target(word: Token) -> Target | None:
    """'the claims are false', 'called it a lie', 'this fiction that X', 'It's nonsense'."""
    if word.lemma_.lower() in OPINION_FALSITY:
        return _opinion_target(word)
    return _falsity_target_of(word)


def _opinion_target(word: Token) -> Target | None:
    """'wrong', 'absurd' deny only a claim ('the report is wrong') or a person's saying ('she is wrong',
    'wrong for saying X'); 'wrong about taxes' or 'the plan is absurd' are opinions."""
    target = _falsity_target_of(word)
    noun = None if target is None else target.noun
    if noun is not None and noun.lemma_.lower() in CLAIM_NOUNS - OPINION_NOUNS:  # not "his view is wrong"
        return target
    if word.dep_ != "acomp" or not _is_copula(word.head):
        return None
    subject = child_by_dep(word.head, *SUBJECT_DEPS)
    if subject is None or not is_person(subject):
        return None
    preps = [c for c in [*word.children, *word.head.children] if c.dep_ == "prep"]
    if any(p.lower_ != "for" for p in preps):
        return None
    saying = next((t for p in preps for t in p.children if t.dep_ == "pcomp"), None)
    # "wrong for saying X", "wrong to say X"
    saying = saying or next(
        (c for c in word.children if c.dep_ == "xcomp" and c.lemma_.lower() in SAYING_VERBS), None
    )
    clause = None if saying is None else said_clause(saying)
    if clause is not None:  # what the person said, stated here; the person is its claimant
        target = _clause_target(clause)
        return None if target is None else replace(target, noun=subject)
    return None if preps else Target(reference=subject.lower_, noun=subject)


def _is_definite_claim(noun: Token) -> bool:
    """'the false claims', 'his baseless charge': a particular claim, not a genre ('fake news stories')."""
    if noun.lemma_.lower() not in CLAIM_NOUNS or any(c.lower_ == "news" for c in noun.children):
        return False
    return complement_clause(noun) is not None or any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in noun.children
    )


def _is_copula(token: Token) -> bool:
    return token.lemma_.lower() in COPULAS or token.lower_ in {"'s", "’s", "'re", "’re"}


def _falsity_target_of(word: Token) -> Target | None:
    """What a word of falsity is said of: the claim it qualifies, is predicated of, or labels."""
    lemma = word.lemma_.lower()
    # "the false claims", "Trump's baseless allegation that ..."; not "the wrong impression"
    if word.dep_ == "amod" or (word.dep_ == "conj" and word.head.dep_ == "amod"):
        noun = word.head if word.dep_ == "amod" else word.head.head  # "the absurd and inaccurate claim"
        strict = lemma not in OPINION_FALSITY
        return _noun_target(noun) if strict and _is_definite_claim(noun) else None
    if lemma not in {"true", "case"} and (negated(word) or negated(word.head)):
        return None  # "not necessarily wrong"
    found, inner = noun_claim(word) if lemma in FALSITY_NOUNS else (False, None)
    if found:
        return None if inner is None else Target(inner, lemma)
    if word.dep_ == "pobj" and word.head.lower_ == "of" and word.head.head.lemma_.lower() in QUANTITY_NOUNS:
        word = word.head.head  # "it's a bunch of malarkey"
    head = word.head
    # copular: "<subject> is false / a lie / not true / not the case", "<subject> appears to be fabricated"
    if word.dep_ in {"acomp", "attr"} and _is_copula(head):
        extraposed = _extraposed_clause(head)  # "it is false that X", "it's misleading to imply that X"
        if extraposed is not None:
            return _clause_target(extraposed)
        subject = _subject_of(head)
        if subject is not None and is_relative_pronoun(subject) and head.head.lemma_.lower() in CLAIM_NOUNS:
            return _relative_target(head.head)  # "X, an idea that was untrue": X
        return None if subject is None else _claimer_target(subject) or _noun_target(subject)
    if word.dep_ == "dobj" and head.lemma_.lower() in SPREAD_VERBS:  # "he is spreading lies"
        subject = _subject_of(head)
        return None if subject is None else _claimer_target(subject)
    if word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children):  # "appears to be fabricated"
        subject = _subject_of(word)
        return None if subject is None else _noun_target(subject)
    # labelling: "called the claims false", "described it as a lie"
    label = head if head.lemma_.lower() in LABEL_VERBS else head.head if head.dep_ == "prep" else None
    if label is not None and label.lemma_.lower() in LABEL_VERBS and label.pos_ == "VERB":
        for t in label.subtree:
            if t.dep_ in _LABELLED_DEPS and t != word and t.i > label.i:
                target = _noun_target(t)
                if target is not None:
                    return target
    return None


def _extraposed_clause(copula: Token) -> Token | None:
    """The that-clause an 'it' subject stands for: 'it is not true that X', 'it's misleading to say X'."""
    if not any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in copula.children):
        return None
    for child in copula.children:
        if child.dep_ == "ccomp" and has_mark(child, "that"):
            return child
        if child.dep_ == "xcomp" and child.lemma_.lower() in SAYING_VERBS | REPORTING_VERBS | {"imply"}:
            return said_clause(child)
    return None


def _claimer_target(subject: Token) -> Target | None:
    """Who is said to spread falsehoods: 'anyone claiming that X (is peddling fiction)' states X inside the
    denial ('he spreads lies' is a label, answering no claim in particular)."""
    if any(c.dep_ == "acl" and c.lemma_.lower() in SAYING_VERBS for c in subject.children):
        return Target(inner=trim_tokens(subject.left_edge, subject.right_edge), noun=subject)
    return None


def _subject_of(verb: Token) -> Token | None:
    """A verb's subject, or that of the verb it completes or shares it with ('the figures appear to be
    false', 'the figures were cited but are false')."""
    for _ in range(3):
        subject = child_by_dep(verb, *SUBJECT_DEPS)
        if subject is not None or verb.dep_ not in {"xcomp", "conj"}:
            return subject
        verb = verb.head
    return None
