"""From a cue word to its content: the dependency the content hangs off for each kind of cue ("said that
…" → the clause, "vowed to …" → the infinitive, "criticized the plan" → the object, "…, according to X"
→ the clause it modifies, "his claim that …" → the noun's clause), grown to the quoted stretches it cuts
into (`quote_extent`)."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from service.extract.cue_lexicon import ADDRESSEE_VERBS, AS_REPORTING_VERBS, LEXICON, CueLexicon
from service.extract.quote_extent import extend_by_marks, quote_after_colon, quote_just_before
from service.extract.quote_framing import MAX_FRAME_TOKENS, verb_after
from service.extract.quote_speakers import (
    is_cue_verb,
    is_time,
    phrase_of,
    source_of_according,
    speaker_of,
    subject_of,
)
from service.extract.quote_text import Attribution, span_of_tokens
from service.extract.syntax import child_by_dep, doc_text, has_mark

# The most words a subject right after a cue may have ("the new head of the agency").
MAX_SUBJECT_TOKENS = 8
# Words that start a clause content but are not part of what was said.
_COMPLEMENTIZERS = frozenset({"that"})
_NOUN_CUE_PREPOSITIONS = frozenset({"of", "about", "on", "for", "against", "over", "that"})


def _subtree(token: Token, without: Token | None = None) -> list[Token]:
    """The token's subtree, less `without`'s and less a reported conjunct ("he agrees X and said Y":
    "said Y" is an attribution of its own)."""
    reported = next((c for c in token.rights if c.dep_ in ("conj", "advcl") and is_cue_verb(c)), None)
    reported = reported or _closing_reported_relative(token)
    if reported is None and without is None:
        return list(token.subtree)
    skip = set() if without is None else {t.i for t in without.subtree}
    end = token.right_edge.i if reported is None else reported.left_edge.i - 1
    while reported is not None and end > token.i and token.doc[end].dep_ in ("cc", "punct"):
        end -= 1
    return [t for t in token.subtree if t.i not in skip and t.i <= end]


def _closing_reported_relative(token: Token) -> Token | None:
    """ "criticized the plan, which the auditors said was flawed": a relative clause that closes the
    content and reports someone's words is an attribution of its own."""
    last = token.right_edge
    for relative in (t for t in token.subtree if t.i > token.i and t.dep_ == "relcl" and is_cue_verb(t)):
        if relative.right_edge.i == last.i and relative.left_edge.i > token.i + 1:
            return relative
    return None


def _clause_content(clause: Token, cue: Token) -> tuple[int, int] | None:
    """The clause on its side of the cue ("talks that experts say could …" loses "that"), less the cue's own
    words when the parser hung the cue inside it."""
    tokens = _subtree(clause, without=cue if clause.is_ancestor(cue) else None)
    side = [t for t in tokens if (t.i > cue.i) == (clause.i > cue.i)]
    tokens = side or tokens
    while tokens and (tokens[0].lower_ in _COMPLEMENTIZERS and tokens[0].dep_ == "mark"):
        tokens = tokens[1:]
    return span_of_tokens(tokens)


def _colon_quote(verb: Token, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """`X said: "…"` — the quoted stretch right after a colon that closes the cue's clause."""
    doc = verb.doc
    window = doc[verb.i + 1 : min(len(doc), verb.i + 1 + MAX_FRAME_TOKENS)]
    colon = next((t for t in window if t.text == ":"), None)
    if colon is None:
        return None
    following = next((t for t in doc[colon.i + 1 : colon.i + 4] if not t.is_space), None)
    quoted = None if following is None else next(((s, e) for s, e in quotes if s == following.idx), None)
    covered = None if quoted is None else doc.char_span(*quoted, alignment_mode="expand")
    if covered is None or len(covered) == 0:
        return None
    own = verb_after(doc, covered[-1])  # `X described it: "…," she said`: the quote's own attribution
    return None if own is not None and own.lemma_.lower() in LEXICON.colon else quoted


def _according_to(token: Token) -> Attribution | None:
    """ "…, according to X" / "According to X, …": the content is the rest of the clause it modifies."""
    source = source_of_according(token)
    if source is None or token.head is token:
        return None
    inside = {t.i for t in token.subtree}
    last = max(inside)
    clause = [t for t in token.head.subtree if t.i not in inside]
    before = [t for t in clause if t.i < token.i]
    after = [t for t in clause if t.i > last]
    content = span_of_tokens(before if len(before) >= len(after) else after)
    to = child_by_dep(token, "prep")
    cue = (token.idx, token.idx + len(token) if to is None else to.idx + len(to))
    return _make("according", content, cue, phrase_of(source))


def _attribution_for(token: Token, quotes: list[tuple[int, int]], lexicon: CueLexicon) -> Attribution | None:
    """The attribution this token cues, trying the content routes of its lemma in order."""
    lemma = token.lemma_.lower()
    cue = (token.idx, token.idx + len(token))
    if token.lower_ == "according":
        return _according_to(token)
    if token.pos_ == "NOUN" and token.lemma_.lower() in lexicon.noun:
        return _noun_cue(token)
    if token.pos_ not in ("VERB", "AUX"):
        return None
    if (as_reported := _as_reported(token)) is not None:
        return as_reported
    clause = child_by_dep(token, "ccomp") or _that_clause(token)
    if clause is not None and clause.i < token.i:
        clause = _clause_after(token) or clause
    if clause is None and lemma in lexicon.clause:
        clause = _clause_in_phrase(token) or _clause_after(token)
    if clause is not None and _across_paragraph(token, clause):
        clause = None
    if clause is not None and lemma in lexicon.clause:
        content = _clause_content(clause, token)
        if clause.i < token.i:
            content = quote_just_before(token, content, quotes)
        elif content is not None:
            content = quote_after_colon(token.doc, content, quotes)
        return _make("clause", content, cue, speaker_of(token))
    if clause is None and token.dep_ == "parataxis" and lemma in lexicon.clause:
        return _interrupting(token, cue)
    if (
        clause is None
        and lemma in lexicon.colon
        and (inverted := _inverted_after_sentence(token)) is not None
    ):
        return inverted
    if lemma in lexicon.colon and (quoted := _colon_quote(token, quotes)) is not None:
        return _make("colon", quoted, cue, speaker_of(token))
    infinitive = child_by_dep(token, "xcomp")
    if infinitive is not None and infinitive.i > token.i and lemma in lexicon.intention:
        return _make("intention", span_of_tokens(_subtree(infinitive)), cue, speaker_of(token))
    for prep in (c for c in token.children if c.dep_ == "prep" and c.i > token.i):
        target = child_by_dep(prep, "pobj", "pcomp")
        if f"{lemma} {prep.lower_}" in lexicon.preposition and target is not None and not is_time(target):
            cue = (token.idx, prep.idx + len(prep))
            return _make("preposition", span_of_tokens(_subtree(target)), cue, speaker_of(token))
    obj = child_by_dep(token, "dobj")
    listed = lemma in lexicon.object
    predicate = child_by_dep(token, "oprd") if listed and obj is None else None
    if predicate is not None and predicate.i > token.i:
        tokens = list(token.doc[token.i + 1 : predicate.right_edge.i + 1])  # "called her "third-rate""
        return _make("object", span_of_tokens(tokens), cue, speaker_of(token))
    if obj is None or obj.i < token.i or is_time(obj):
        return None
    if listed or _quote_as(token, obj, quotes):  # any verb that casts its object as a "quoted phrase"
        tokens = _subtree(obj)
        for extra in token.children:
            if extra.i > obj.i and (extra.dep_ in ("oprd", "xcomp", "ccomp") or _is_as(extra)):
                tokens.extend(extra.subtree)
        colon = next((t.i for t in tokens if t.text == ":" and t.i > obj.i), None)
        if colon is not None:  # "described the goal: "…"": the quote after the colon is said on its own
            tokens = [t for t in tokens if t.i < colon]
        return _make("object", span_of_tokens(tokens), cue, speaker_of(token))
    return None


def _as_reported(cue: Token) -> Attribution | None:
    """ "As the Herald reported, the mayor …", "…, as Lee put it": the clause an "as" clause of saying opens
    or closes is what was said (not "as he said he would", which reports a clause of its own)."""
    lemma = cue.lemma_.lower()
    it = child_by_dep(cue, "dobj") if lemma == "put" else None
    put_it = it is not None and it.lower_ == "it"
    reporting = lemma in AS_REPORTING_VERBS and (lemma != "put" or put_it)
    if cue.dep_ != "advcl" or not reporting or child_by_dep(cue, "ccomp"):
        return None
    subject = child_by_dep(cue, "nsubj")
    if subject is None or not has_mark(cue, "as"):
        return None
    main = cue.head
    if cue.right_edge.i < main.i:
        tokens = [t for t in _subtree(main, without=cue) if t.i > cue.right_edge.i]
    elif cue.right_edge.i >= main.right_edge.i - 1:
        tokens = [t for t in _subtree(main, without=cue) if t.i < cue.left_edge.i]
    else:
        return None  # "the plan, as Lee said, is …": the clause around the cue is read by other routes
    end = it.idx + len(it) if it is not None and put_it else cue.idx + len(cue)
    return _make("as", span_of_tokens(tokens), (cue.idx, end), phrase_of(subject))


def _inverted_after_sentence(cue: Token) -> Attribution | None:
    """ "The pledge appeals to older voters …, said Ann Holt, a pollster.": a verb of saying after a comma,
    its subject after it, reports its sentence up to the comma even where the parser made no clause of it."""
    doc = cue.doc
    comma = doc[cue.i - 1] if cue.i > cue.sent.start else None
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i), None)
    if comma is None or comma.text != "," or subject is None:
        return None
    content = span_of_tokens(list(doc[cue.sent.start : comma.i]))
    return _make("clause", content, (cue.idx, cue.idx + len(cue)), phrase_of(subject))


def _clause_in_phrase(cue: Token) -> Token | None:
    """ "X said during a news conference that …": the parser hung the reported clause on the noun of a
    phrase after the cue."""
    for prep in (c for c in cue.rights if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in noun.rights if c.dep_ in ("acl", "ccomp", "relcl")):
                if has_mark(clause, "that"):
                    return clause
    return None


def _across_paragraph(cue: Token, clause: Token) -> bool:
    """A clause the parser hung on a cue from another paragraph (it ran the two together): a quote
    there has an attribution of its own."""
    first, last = sorted((cue.i, clause.left_edge.i if clause.i > cue.i else clause.right_edge.i))
    return any("\n" in t.text for t in cue.doc[first:last])


def _is_as(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ == "as"


def _quote_as(verb: Token, obj: Token, quotes: list[tuple[int, int]]) -> bool:
    """Whether the verb casts its object "as" a quoted phrase: any verb that does is a cue."""
    index = bisect.bisect_right(quotes, obj.idx, key=lambda q: q[0])
    if index == len(quotes) or quotes[index][0] > verb.right_edge.idx:
        return False  # no quote opens after the object in the verb's clause
    for prep in (c for c in verb.rights if c.i > obj.i and _is_as(c)):
        start, end = prep.idx, prep.right_edge.idx + len(prep.right_edge)
        index = bisect.bisect_right(quotes, start, key=lambda q: q[0])
        if index < len(quotes) and quotes[index][0] < end:
            return True
    return False


def _interrupting(cue_verb: Token, cue: tuple[int, int]) -> Attribution | None:
    """ "The plan, she said, is dead." / "The plan is dead, she said.": a cue set into the clause it
    reports (the parser's parataxis) has that whole clause as content, around the cue if need be. The
    cue's subject is the one nearest to it (the parser may hang the clause's own subject there too)."""
    subject = subject_of(cue_verb)
    if subject is None or subject.i > cue_verb.i or cue_verb.head is cue_verb:
        return None
    aside = range(subject.left_edge.i, cue_verb.right_edge.i + 1)
    tokens = [t for t in cue_verb.head.subtree if t.i not in aside]
    content = span_of_tokens(tokens)
    if content is None:
        return None
    return Attribution(content, cue, phrase_of(subject), "interrupting")


def _that_clause(cue: Token) -> Token | None:
    """ "recalled in 2008 that before the vote, …": a reported clause the parser took for an adverbial
    one, which its "that" gives away."""
    for clause in (c for c in cue.rights if c.dep_ == "advcl"):
        if has_mark(clause, *_COMPLEMENTIZERS):
            return clause
    return None


def _clause_after(cue: Token) -> Token | None:
    """The verb of a clause right after the cue ("…, Cruz said he is certain …"), or after its addressee
    and time ("told reporters on Monday he …"), which the parser may have hung elsewhere: on a phrase
    before the cue ("In a statement released …, X said he …"), or above the cue ("days after X told the
    paper he was …" → "was" heads "told")."""
    doc = cue.doc
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None  # "when they were announced, Lee said …": nothing is reported
    position, addressed = cue.i + 1, False
    for child in cue.rights:
        addressee = child.dep_ in ("dobj", "dative") and cue.lemma_.lower() in ADDRESSEE_VERBS
        if child.left_edge.i != position or not (addressee or child.dep_ in ("prep", "npadvmod")):
            break
        position, addressed = child.right_edge.i + 1, addressed or addressee
    while position < cue.sent.end and (
        doc[position].is_space
        or (addressed and doc[position].text == ",")  # "told CNN, his plan …"
        or (doc[position].lower_ in _COMPLEMENTIZERS and doc[position].dep_ == "mark")
    ):
        position += 1
    for token in doc[position : min(position + MAX_SUBJECT_TOKENS, cue.sent.end)]:
        if token.dep_ in ("nsubj", "nsubjpass") and token.left_edge.i == position:
            verb = token.head
            return verb if verb.i > token.i and verb.dep_ not in ("relcl", "acl") else None
        if token.pos in (VERB, AUX):
            break
    return None


def _noun_cue(noun: Token) -> Attribution | None:
    """ "his claim that …", "criticism of the plan", "questions about …": the clause or the object of
    the preposition is the content; a possessive is the source, else the subject of the verb holding the
    noun ("X expressed doubt about …")."""
    clause = child_by_dep(noun, "acl", "ccomp")
    target = None
    if clause is None:
        prep = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _NOUN_CUE_PREPOSITIONS), None
        )
        target = None if prep is None else child_by_dep(prep, "pobj", "pcomp")
    content_head = clause or target
    if content_head is None or content_head.i < noun.i:
        return None
    content = _clause_content(clause, noun) if clause is not None else span_of_tokens(_subtree(content_head))
    owner = child_by_dep(noun, "poss")
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head  # "expressed doubt", "in a statement"
    if owner is not None:
        speaker = phrase_of(owner)
    elif noun.dep_ in ("dobj", "pobj") and holder.pos_ == "VERB":
        speaker = speaker_of(holder)
    else:
        speaker = None
    return _make("noun", content, (noun.idx, noun.idx + len(noun)), speaker)


def _make(
    route: str,
    content: tuple[int, int] | None,
    cue: tuple[int, int],
    speaker: tuple[int, int] | None,
) -> Attribution | None:
    """An attribution, unless the content is empty or (where it should not) holds the cue."""
    if content is None or (content[0] <= cue[0] and cue[1] <= content[1]):
        return None
    return Attribution(content, cue, speaker, route)


def candidate_attributions(
    doc: Doc, quotes: list[tuple[int, int]], lexicon: CueLexicon = LEXICON
) -> list[Attribution]:
    """Every attribution the lexicon's cues find, nested ones included (also used to mine cues)."""
    text = doc_text(doc)
    found = []
    for i in _possible_cues(doc, lexicon):
        attribution = _attribution_for(doc[i], quotes, lexicon)
        if attribution is not None:
            found.append(extend_by_marks(doc, text, attribution, quotes))
    return found


def _possible_cues(doc: Doc, lexicon: CueLexicon) -> list[int]:
    """Positions of the words `_attribution_for` does not turn away at once ("according", a listed noun, a
    verb), read from the arrays: building a Token for every word was most of the stage's time."""
    if len(doc) == 0:
        return []
    rows = doc.to_array([POS, LOWER, LEMMA])
    pos, lower = rows[:, 0], rows[:, 1]
    strings = doc.vocab.strings
    possible = numpy.isin(pos, (VERB, AUX)) | (lower == strings["according"])
    for i in numpy.flatnonzero(pos == NOUN).tolist():
        possible[i] |= strings[int(rows[i, 2])].lower() in lexicon.noun
    return list(numpy.flatnonzero(possible).tolist())
