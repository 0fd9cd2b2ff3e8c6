"""Where the article denies something, and who denies it: each word that can start a denial (see
`denial_targets`) found in an assertion (not "if it were false", "would deny", "I hope it's fake"), one
denial a sentence and one a continuous quote. A pronoun denied ("I don't believe that") takes the clause
reported just before it in the sentence, or in the quote's sentence before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from schemas.enrich import Quote, Speaker
from service.extract.claim_nouns import owner_names
from service.extract.claim_syntax import (
    clause_span,
    content_words,
    is_proposal_clause,
    line_of,
    negated,
    trim_tokens,
    without_subordinator,
    words_among,
)
from service.extract.claim_terms import party_terms
from service.extract.denial_lexicon import (
    BACK_REFERENCE_PRONOUNS,
    CLAIM_NOUNS,
    HYPOTHETICAL_MODALS,
    LABEL_VERBS,
    NON_ASSERTIVE_VERBS,
    PORTRAYING_VERBS,
    SAYING_VERBS,
    SPREAD_VERBS,
)
from service.extract.denial_objects import Target, is_person
from service.extract.denial_targets import CUE_LEMMAS, CUE_WORDS, target_of
from service.extract.entities import EntityCluster
from service.extract.falsity_targets import is_falsity_word
from service.extract.mentions import MentionResolver
from service.extract.quote_speakers import phrase_of
from service.extract.syntax import child_by_dep

# Words opening a clause that conditions or times what it holds, rather than asserting it.
_CONDITIONS = frozenset({"if", "unless", "whether", "when", "whenever"})
# Subjects that stand for what is judged, never for who judges ("it is false", "these are lies")...
_THINGS = frozenset({"it", "this", "that", "these", "those"})
# ...unless a modifier makes them people ("those who run the shop", "those close to the owner").
_PEOPLE_MODIFIERS = frozenset({"relcl", "amod", "acl"})


@dataclass(frozen=True)
class FoundDenial:
    """One denial found in a sentence, before it is paired with a claim."""

    start: int
    end: int
    cue: Token
    denier: Speaker | None
    target: Target
    claimant_hint: frozenset[str]  # names owning the denied claim ("Exxon's accusation", "a report by X")
    headline: bool = False
    opens: int = -1  # where the utterance holding it starts (its quote, else the denial itself)


def find_denials(
    doc: Doc, quotes: list[Quote], clusters: dict[int, EntityCluster], resolver: MentionResolver
) -> list[FoundDenial]:
    """The article's denials in text order, one a sentence and one a continuous quote."""
    found: list[FoundDenial] = []
    for i in words_among(doc, CUE_LEMMAS, CUE_WORDS):
        token = doc[i]
        sent = token.sent
        if found and found[-1].cue.sent.start == sent.start:
            continue  # one denial per sentence
        denial = _denial_at(token, sent, quotes, clusters, resolver)
        if denial is not None:
            found.append(denial)
    return _unique_per_quote(found, quotes)


def _denial_at(
    token: Token,
    sent: Span,
    quotes: list[Quote],
    clusters: dict[int, EntityCluster],
    resolver: MentionResolver,
) -> FoundDenial | None:
    target = target_of(token, sent)
    # The hypothetical test walks the parse, so it runs only once a cue has matched (most tokens are none).
    if target is None or (target.inner is None and target.reference is None) or _hypothetical(token):
        return None
    if target.inner is None and target.reference in BACK_REFERENCE_PRONOUNS:
        # "When X says Y, I don't believe that", "she said Y, but that is false", '"We are told Y. It is
        # all lies," he said': Y
        said = _said_before(token.i, sent) or _said_before(sent.start, _quoted_sentence_before(sent, quotes))
        target = replace(target, inner=said)
    start, end = line_of(sent, token)
    hint = frozenset() if target.noun is None else owner_names(target.noun, clusters)
    if target.noun is not None and is_person(target.noun):  # "Trump is wrong": wrong in what Trump said
        hint = party_terms(resolver.resolve(target.noun.idx, target.noun.idx + len(target.noun)))
    return FoundDenial(start, end, token, _denier(token, quotes, resolver, target.noun), target, hint)


def _said_before(cue: int, sent: Span | None) -> tuple[int, int] | None:
    """The last clause reported in a sentence before token `cue`, which a pronoun after it points back to."""
    said = None
    for verb in [] if sent is None else sent:
        if verb.i >= cue:
            break
        if _portrayed(verb) and verb.dep_ == "advcl" and verb.right_edge.i < cue:
            said = clause_span(verb)  # "when I am described as X, it is not true"
            continue
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SAYING_VERBS:
            continue
        if any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in verb.children):
            continue  # "I'll say it again": the speaker's own words
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause.i >= cue or is_proposal_clause(clause):
                continue
            if clause.right_edge.i < cue:
                said = clause_span(clause)
            else:  # "they argue X and that is not true", the verdict parsed as a conjunct of X
                said = _before_conjunct(clause, verb.doc[cue]) or said
    return said


def _before_conjunct(clause: Token, cue: Token) -> tuple[int, int] | None:
    """The words of a clause before the conjunct holding the cue, when the parser ran the two together."""
    conjunct = next((a for a in [cue, *cue.ancestors] if a.dep_ == "conj" and clause in a.ancestors), None)
    if conjunct is None:
        return None
    start = clause.left_edge
    subject = child_by_dep(clause.head, "dobj")  # "argue the reason is X": a subject parsed as the object
    if subject is not None and subject.i < clause.i and child_by_dep(clause, "nsubj", "expl") is None:
        start = subject.left_edge
    words = [t for t in clause.doc[start.i : conjunct.left_edge.i] if not t.is_space]
    while words and (words[-1].dep_ == "cc" or words[-1].is_punct):
        words.pop()
    words = without_subordinator(words, clause)
    return trim_tokens(words[0], words[-1]) if content_words(words) >= 2 else None


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


def _hypothetical(token: Token) -> bool:
    """'if it wasn't true', 'could it be misleading?', 'would deny': no denial is made."""
    held = True
    for t in [token, *token.ancestors]:
        # "if it is false", "even when he was wrong": a condition or a time, not a verdict
        if any(c.dep_ in {"mark", "advmod"} and c.lower_ in _CONDITIONS for c in t.children):
            return True
        if t.dep_ == "relcl":
            held = False  # "allegations that he lied, which he has denied": a verdict on them
        if held and t.dep_ == "acl" and t.head.lemma_.lower() in CLAIM_NOUNS:
            return True  # "the idea that he was wrong": what someone holds, not a verdict
        # "never admitting he was wrong", "I hope it's fake"
        if t.dep_ in {"ccomp", "xcomp"} and (negated(t.head) or t.head.lemma_.lower() in NON_ASSERTIVE_VERBS):
            return True
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in t.children):
            return True
        if t.dep_ in {"ROOT", "ccomp"}:
            break
    sent = token.sent
    return sent.text.rstrip().endswith("?")


def _denier(
    token: Token, quotes: list[Quote], resolver: MentionResolver, denied: Token | None
) -> Speaker | None:
    """Who denies: the speaker of a quote holding the cue, else the subject of the cue's clause unless that
    is what is denied ('the report is false', 'Trump is wrong', 'she made it up'); none for a verdict the
    writer passes in passing ('the senator repeated the false claim that X')."""
    in_relative = token.dep_ == "relcl" and child_by_dep(token, "nsubj") is not None
    passing = _in_passing(token)
    for quote in [] if in_relative else quotes:  # "..., a charge that X denied": X, whoever is quoted
        if quote.start <= token.idx < quote.end and quote.speaker is not None:
            if _passed_on(passing, quote):
                continue  # "the senator repeated the false claim", read as his statement: he repeats it
            return quote.speaker
    subject = None if passing is not None else _judging_subject(token, denied)
    phrase = None if subject is None else phrase_of(subject)
    return None if phrase is None else resolver.resolve(*phrase)


def _passed_on(noun: Token | None, quote: Quote) -> bool:
    """Whether the quote is the claim noun as a verb of spreading reports it ('repeated the false claim'):
    its speaker passes the claim on, while a verb answering it ('condemned the false claim') rejects it."""
    verb = None if noun is None else noun.head
    return (
        verb is not None
        and verb.lemma_.lower() in SPREAD_VERBS
        and quote.cue is not None
        and quote.cue.start == verb.idx
    )


def _in_passing(cue: Token) -> Token | None:
    """The noun a falsity word qualifies when the noun is an argument of its verb ('repeated the false
    claim', 'targets of his baseless charges'): the writer's verdict, not the subject's; none when the verb
    labels the noun ('called them false claims', 'described it as a baseless charge', 'these are baseless
    allegations')."""
    if cue.dep_ == "conj" and cue.head.dep_ == "amod":  # "the absurd and false claim"
        cue = cue.head
    if cue.dep_ != "amod":
        return None
    noun = cue.head
    opened = any(c.dep_ in {"det", "poss"} and c.i < cue.i for c in noun.children)  # "the debunked claim"
    if not (opened or is_falsity_word(cue)):  # a verb misread as a modifier: "X rubbished Y's claim"
        return None
    labelled = noun.dep_ in {"attr", "oprd"} or (noun.dep_ == "pobj" and noun.head.lower_ == "as")
    return None if labelled or _labelled_by_verb(noun) else noun


def _labelled_by_verb(noun: Token) -> bool:
    """The object of a labelling verb is its label when no other follows ('called those false rumours',
    the parser's object for 'called them false claims'); when one does, the verb passes a verdict of its
    own if that label is false ('called the baseless claim a lie', 'described it as a lie', not 'called
    the baseless claim a distraction')."""
    verb = noun.head
    if verb.lemma_.lower() not in LABEL_VERBS:
        return False
    labels = [
        c
        for c in verb.children
        if c.i > noun.i and (c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as"))
    ]
    return not labels or any(is_falsity_word(t) for label in labels for t in label.subtree)


def _judging_subject(token: Token, denied: Token | None) -> Token | None:
    """The subject of the clause holding the cue; past what is judged ('It is false', 'The report is
    wrong') to who says so, when a verb of saying reports the verdict ('..., the company said')."""
    verb = token
    while True:
        while verb.dep_ != "ROOT" and child_by_dep(verb, "nsubj") is None:
            verb = verb.head
        subject = child_by_dep(verb, "nsubj")
        if subject is None:
            return None
        if verb.dep_ == "relcl" and subject.tag_ in {"WP", "WDT"}:
            subject = verb.head  # "The owner, who denied X": the owner
        thing = subject.lower_ in _THINGS and not any(c.dep_ in _PEOPLE_MODIFIERS for c in subject.children)
        judged = subject == denied or subject.lemma_.lower() in CLAIM_NOUNS or thing
        if not judged:
            return subject
        if verb.dep_ not in {"ccomp", "parataxis"} or verb.head.lemma_.lower() not in SAYING_VERBS:
            return None
        verb = verb.head


def _unique_per_quote(denials: list[FoundDenial], quotes: list[Quote]) -> list[FoundDenial]:
    """A continuous quote is one denial however many of its sentences deny."""
    kept: list[FoundDenial] = []
    for denial in denials:
        quote = next((q for q in quotes if q.start <= denial.cue.idx < q.end), None)
        if quote is not None and any(quote.start <= k.cue.idx < quote.end for k in kept):
            continue
        kept.append(replace(denial, opens=denial.start if quote is None else min(quote.start, denial.start)))
    return kept
