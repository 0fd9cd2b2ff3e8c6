"""What a claim noun says and whose claim it is: "the allegation that X", "a report saying X", "Trump's
claim to know X", "accounts of thousands cheering" state X; "Exxon's accusation", "a report by Bloomberg"
name its owner. Denials use it for what they deny, candidates for claims stated outside any quote.
"""

from __future__ import annotations

from spacy.tokens import Token

from schemas.enrich import Speaker
from service.extract.claim_syntax import SUBJECT_DEPS, content_words, said_clause, stated_clause, trim_tokens
from service.extract.denial_lexicon import OBJECT_VERBS, REPORTING_VERBS, STATEMENT_NOUNS
from service.extract.entities import EntityCluster
from service.extract.mentions import MentionResolver
from service.extract.syntax import DOUBLE_QUOTE_TOKENS

_CLAUSE_BREAKS = DOUBLE_QUOTE_TOKENS | {";", "(", ")", "—", "–"}
_NOUN_MODIFIERS = frozenset({"det", "poss", "amod", "compound", "nummod", "quantmod"})
# Dependents that fill a verb's object slot: with none, a 'that' before the verb is the object it lacks.
_OBJECT_SLOT_DEPS = frozenset({"dobj", "obj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "prt"})
# Dependents showing a verb has its own object, so a 'that' the parser made its object is a complementizer.
_OWN_OBJECT_DEPS = frozenset({"dobj", "xcomp"})
_RELATIVES = frozenset({"where", "which", "who", "when"})


def owner_speaker(noun: Token, resolver: MentionResolver) -> Speaker | None:
    """The party owning a claim noun ('Exxon's accusation', 'a report from Bloomberg'), as a speaker."""
    for owner in owners(noun):
        tokens = [t for t in owner.subtree if t.pos_ in {"PROPN", "NOUN"} and (t == owner or t.head == owner)]
        if tokens:
            start, end = trim_tokens(tokens[0], tokens[-1])
            if end > start:
                return resolver.resolve(start, end)
    return None


def noun_claim(noun: Token) -> tuple[bool, tuple[int, int] | None]:
    """Whether a complement says what a claim noun claims, and the claim it states (None when it proposes
    rather than asserts): its that-clause; what a report is 'saying' when the parse lost the clause; the
    whole noun phrase when an infinitive says what is claimed ('Trump's claim to know X'); or an 'of'
    phrase whose noun acts ('accounts of thousands cheering')."""
    clause = complement_clause(noun)
    if clause is not None:  # named a claim, a that-clause states it however short ("that he is a fraud")
        return True, stated_clause(clause, min_content=1)
    participle = _reporting_participle(noun)
    if participle is not None:
        return True, _rest_of_clause(participle)
    if _infinitive_claim(noun):
        return True, trim_tokens(_phrase_start(noun), noun.right_edge)
    event = _reported_event(noun) if noun.lemma_.lower() in STATEMENT_NOUNS else None
    if event is not None:
        return True, trim_tokens(event.left_edge, event.right_edge)
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
    if content_words(tokens) < 2:
        return None
    return trim_tokens(tokens[0], tokens[-1])


def _infinitive_claim(noun: Token) -> bool:
    """'Trump's claim to understand the middle class'."""
    return noun.lemma_.lower() in STATEMENT_NOUNS and any(
        c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in noun.children
    )


def complement_clause(noun: Token) -> Token | None:
    """The clause saying what a claim noun claims: 'the allegations that he lied', 'the report saying X'."""
    clause = _that_clause(noun)
    if clause is not None:
        return clause
    participle = _participle(noun)
    if participle is None:
        return None
    if participle.lemma_.lower() not in REPORTING_VERBS:
        return None  # "statements causing delays", "the idea of deporting them": no claim stated
    return said_clause(participle)  # "a report (from X) saying (that) Y": Y; else see `_reporting_participle`


def _that_clause(noun: Token) -> Token | None:
    """A claim noun's that-clause, found by its 'that' within a few words, since parsers often hang it
    elsewhere; relative clauses ('the claims that were made') are not complements."""
    for t in noun.doc[noun.i + 1 : min(noun.i + 14, noun.sent.end)]:
        if t.pos_ in {"VERB", "AUX"}:
            return None  # "charges about X by pointing out that ...": the 'that' belongs to another verb
        if t.lower_ != "that":
            continue
        verb = t.head
        # "the claims that were made": a relative pronoun; but not "a report that he was weighing quitting",
        # where the verb has its object and 'that' was misread as one
        own_object = _has_dependent(verb, _OWN_OBJECT_DEPS, besides=t)
        relative = t.dep_ in {"nsubj", "nsubjpass"} or (t.dep_ == "dobj" and not own_object)
        if relative or verb.i <= t.i:
            return None
        has_subject = _has_dependent(verb, SUBJECT_DEPS | {"expl"}, besides=t)
        if verb.lemma_.lower() in OBJECT_VERBS and not _has_dependent(verb, _OBJECT_SLOT_DEPS):
            return None  # "the story that she would tell": 'that' is the object it lacks
        return verb if has_subject and verb.pos_ in {"VERB", "AUX"} else None
    return None


def _has_dependent(verb: Token, deps: frozenset[str], besides: Token | None = None) -> bool:
    """Whether a verb has a dependent of one of these kinds, other than the given word."""
    return any(c.dep_ in deps and c != besides for c in verb.children)


def owners(noun: Token) -> list[Token]:
    """Who made the claim a noun names: 'Exxon's accusation', 'your claims', 'the AP report', 'a report by
    Bloomberg'."""
    # a common noun before it says what it is about ("the fraud claims"), not who made it
    owners = [
        c
        for c in noun.children
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") or c.ent_type_ == "NORP"
    ]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in {"by", "from"}:
            owners += [c for c in prep.children if c.dep_ == "pobj"]
        if prep.dep_ == "prep" and prep.lower_ == "in":  # "the points in Exxon's letter"
            owners += [g for c in prep.children if c.dep_ == "pobj" for g in c.children if g.dep_ == "poss"]
    return owners


def owner_names(noun: Token, clusters: dict[int, EntityCluster]) -> frozenset[str]:
    """The entity names among the owners of a claim noun."""
    names = set()
    for owner in owners(noun):
        for token in owner.subtree:
            cluster = clusters.get(token.i)
            if cluster is not None:
                names.add(cluster.canonical.lower())
    return frozenset(names)
