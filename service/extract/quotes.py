"""Quotes and reported speech, each with its content, cue and speaker.

Two sources of evidence, combined:
- the parse: a cue word from `cue_lexicon` and the dependency its content hangs off ("said that …" →
  the clause, "vowed to …" → the infinitive, "criticized the plan" → the object, "…, according to X" →
  the clause it modifies), with the speaker as the cue's subject;
- the quote marks: quoted stretches extend a content the parse cut short (a quote of several sentences,
  a quote resumed after its attribution), and a quoted stretch no cue claims is still a quote, framed by
  the verb of its sentence or continuing the last speaker;
- the layout: a line "NAME: …" (a transcript turn, a credited headline).
Each word belongs to one attribution, as the annotators count it: cues inside quotes or inside another
content are dropped. Speakers are resolved to entity clusters by `mentions.MentionResolver`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from schemas import Cue, Quote, QuoteKind
from service.extract.cue_lexicon import (
    ADDRESSEE_VERBS,
    AS_REPORTING_VERBS,
    DATA_SOURCE_NOUNS,
    LEXICON,
    WEAK_CUES,
    CueLexicon,
)
from service.extract.entities import EntityClusters
from service.extract.mentions import MentionResolver
from service.extract.syntax import child_by_dep

DOUBLE_MARKS = '"“”„«»'
OPENING_MARKS = "“„«"
CLOSING_MARKS = "”»"
# A double mark, or a newline (where a quote left open ends unless the next paragraph reopens it).
_MARK_OR_NEWLINE = re.compile(r"''+|[\n\"“”„«»]")
_WEAK_ROUTES = frozenset(pair.split(" ", 1)[0] for pair in WEAK_CUES)
# Words that make a subject a share of respondents ("a majority of voters", "half", "most").
_SHARE_WORDS = frozenset({"percent", "%", "majority", "plurality", "half", "third", "quarter", "most"})
_DASHES = frozenset({"-", "–", "—", "--"})
_EDGE_PUNCT = " \t\r\n,;:.-–—"
_MARK_AND_PUNCT = DOUBLE_MARKS + "‘’'.,;:!?()[]"
_TITLE_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with"}
)
# A quoted stretch no cue claimed is a quote from this many words; with a verb framing it, from fewer.
MIN_UNCUED_WORDS = 4
MIN_FRAMED_WORDS = 2
# The most characters between a quote's end and its resumption after the attribution (which may hold a
# long apposition: "…," said Ann Lee, a former adviser to … who is now …. "…").
MAX_ATTRIBUTION_CHARS = 200
# The most characters between a quote and the next one that continues it across its attribution.
MAX_CONTINUATION_GAP = 60
# The most tokens a clause framing a quote ("…," the spokesman for the ministry said) may have.
MAX_FRAME_TOKENS = 12
# The most words a subject right after a cue may have ("the new head of the agency").
MAX_SUBJECT_TOKENS = 8
# ... and a bare attribution with a long apposition ("…," Ann Lee, the director of …, said).
MAX_BARE_FRAME_TOKENS = 20
# Dependencies of a speaker's head that are not part of the speaker mention ("Trump and Ryan" stay whole).
_NOT_SPEAKER_DEPS = frozenset({"relcl", "advcl"})
# A quote closed by a comma inside its mark: an attribution of its own follows it.
_OWN_ATTRIBUTION = re.compile(r",\s*(?:''|[\"”])$")
_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}|\b[ap]\.m\b")
# Words that start a clause content but are not part of what was said.
_COMPLEMENTIZERS = frozenset({"that"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_NOUN_CUE_PREPOSITIONS = frozenset({"of", "about", "on", "for", "against", "over", "that"})
_RELATIVE = frozenset({"who", "which", "that"})
# Passive subjects that stand for no one ("it was reported that …").
_EXPLETIVES = frozenset({"it", "there"})
# Subjects that point at a thing or a clause, never at a speaker ("that's the 'textbook definition'").
_NO_ONE = frozenset({"that", "this", "these", "those", "what"})
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_COLON_SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
# A cue hanging off another verb this way shares that verb's subject.
_SUBJECT_SHARING_DEPS = frozenset({"conj", "xcomp", "advcl", "parataxis", "pcomp", "acomp", "dep"})


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    route: str  # how the content was found: clause, colon, intention, preposition, object, according,
    # framed (the verb of the sentence around a quote), labelled (NAME: …), named colon (… NAME: "…"), uncued


# --- quote marks ----------------------------------------------------------------------------------


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches, marks included, in text order.

    Straight marks open or close by their neighbours (space before: opening; space or punctuation after:
    closing); two apostrophes ('') are a straight double mark, as some papers print it. A closing mark
    with nothing open is a stray and ignored; a mark left open closes at its paragraph's end, unless the
    next paragraph opens again (a multi-paragraph quote continues).
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _MARK_OR_NEWLINE.finditer(text):
        i, end = match.span()
        if match.group() == "\n":
            if open_at is not None and not _paragraph_reopens(text, i):
                spans.append((open_at, _rstrip(text, i)))
                open_at = None
            continue
        if _mark_role(text, i, end, open_at is not None) == "open":
            if open_at is None or not _continues_paragraph_quote(text, open_at, i):
                open_at = i  # an earlier mark left open in this paragraph was a stray
        elif open_at is not None:
            spans.append((open_at, end))
            open_at = None
    if open_at is not None:
        spans.append((open_at, _rstrip(text, len(text))))
    return [(s, e) for s, e in spans if any(c.isalnum() for c in text[s:e])]


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _paragraph_reopens(text: str, newline: int) -> bool:
    """Whether the next non-blank line starts with an opening mark (a multi-paragraph quote)."""
    rest = text[newline:].lstrip()
    return rest.startswith("''") or (bool(rest) and rest[0] in DOUBLE_MARKS and rest[0] not in CLOSING_MARKS)


def _continues_paragraph_quote(text: str, open_at: int, i: int) -> bool:
    """A re-opening mark at the start of a paragraph that continues a quote left open."""
    line_start = text.rfind("\n", open_at, i)
    return line_start >= 0 and not text[line_start:i].strip()


def _mark_role(text: str, i: int, end: int, is_open: bool) -> str:
    """Straight marks by their neighbours; curly ones by their shape, except an opening mark that can
    only close (`…here,“ said X`: words before it, a space after, a quote open)."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[end] if end < len(text) else " "
    space_before = before.isspace() or before in "([{—–-:"
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if ch in OPENING_MARKS:
        return "close" if is_open and space_after and not space_before else "open"
    if ch in CLOSING_MARKS:
        return "close"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "close" if is_open else "open"


# --- spans from the parse -------------------------------------------------------------------------


def _char_span(tokens: list[Token]) -> tuple[int, int] | None:
    """The stretch of text the tokens cover, without edge punctuation; None when no word is left.
    (`Doc.text` joins the whole document on every access, so only the hull's own text is read.)"""
    if not tokens:
        return None
    hull = tokens[0].doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]
    text, base = hull.text, hull.start_char
    trimmed = _trimmed(text, 0, len(text))
    return None if trimmed is None else (base + trimmed[0], base + trimmed[1])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The stretch without edge punctuation; None when no word is left."""
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return (start, end) if any(c.isalnum() for c in text[start:end]) else None


def _subtree(token: Token, without: Token | None = None) -> list[Token]:
    """The token's subtree, less `without`'s and less a reported conjunct ("he agrees X and said Y":
    "said Y" is an attribution of its own)."""
    reported = next((c for c in token.rights if c.dep_ in ("conj", "advcl") and _is_cue_verb(c)), None)
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
    for relative in (t for t in token.subtree if t.i > token.i and t.dep_ == "relcl" and _is_cue_verb(t)):
        if relative.right_edge.i == last.i and relative.left_edge.i > token.i + 1:
            return relative
    return None


def _is_cue_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and lemma in LEXICON.colon


def _clause_content(clause: Token, cue: Token) -> tuple[int, int] | None:
    """The clause on its side of the cue ("talks that experts say could …" loses "that"), less the cue's own
    words when the parser hung the cue inside it."""
    tokens = _subtree(clause, without=cue if clause.is_ancestor(cue) else None)
    side = [t for t in tokens if (t.i > cue.i) == (clause.i > cue.i)]
    tokens = side or tokens
    while tokens and (tokens[0].lower_ in _COMPLEMENTIZERS and tokens[0].dep_ == "mark"):
        tokens = tokens[1:]
    return _char_span(tokens)


def _phrase(head: Token, without: frozenset[str] = _NOT_SPEAKER_DEPS) -> tuple[int, int] | None:
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
    return _char_span(tokens[lo : hi + 1])


def _is_aside(child: Token) -> bool:
    """A participle set off by a comma ("Ann Lee, speaking in Ohio, said") describes the moment, not who
    speaks."""
    return child.dep_ == "acl" and child.i > 0 and child.doc[child.left_edge.i - 1].text == ","


def _past_dateline(subject: Token, verb: Token) -> tuple[int, int] | None:
    """A subject that is a dateline or timestamp ("LONDON (Reuters) -", "12:15 p.m.") is the parser's
    mistake: the speaker is then the first person named between it and the cue (the rest may be an
    aside: "12:15 p.m. Ann Lee, speaking in Ohio, is calling …"), else the last name there."""
    words = [t for t in subject.subtree if t.i < verb.i]
    if not words:
        return None
    is_dateline = (
        _is_time(subject)
        or _CLOCK_TIME.search(" ".join(t.text for t in words)) is not None
        or any(t.text == ")" for t in words)
        or (subject.text.isupper() and len(subject.text) > 2 and subject.ent_type_ == "GPE")
    )
    if not is_dateline:
        return None
    names = [
        e for e in verb.sent.ents if e.end <= verb.i and e.label_ in _SPEAKER_LABELS and e.start > words[0].i
    ]
    names = [e for e in names if not any(t.text == ")" for t in verb.doc[e.end : verb.i])]
    if not names:
        return None
    chosen = next((e for e in names if e.label_ == "PERSON"), names[-1])
    return (chosen.start_char, chosen.end_char)


def _speaker_of(verb: Token) -> tuple[int, int] | None:
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
    return _phrase(subjects[0]) if subjects else None


def _poll_of_respondents(subject: Token, verb: Token) -> tuple[int, int] | None:
    """ "In a survey out this week, 40 percent of parents said …": a share of respondents speaks through the poll
    named before it in the sentence, which the annotators take as the source."""
    if not _is_share(subject):
        return None
    doc = verb.doc
    polls = [t for t in doc[verb.sent.start : subject.left_edge.i] if t.lemma_.lower() in DATA_SOURCE_NOUNS]
    return _phrase(polls[-1]) if polls else None


def _is_share(token: Token) -> bool:
    return token.ent_type_ in ("PERCENT", "CARDINAL") or token.like_num or token.lower_ in _SHARE_WORDS


def _name_just_before(verb: Token) -> tuple[int, int] | None:
    """A name the parser did not make the cue's subject ("On Friday, Capt. Ola Berg, a navy spokesman in
    Porto, said" with the name hung on the date): the last person or organisation named before the cue
    in its sentence with no verb between, else the last name there."""
    names = [e for e in verb.sent.ents if e.end <= verb.i and e.label_ in _SPEAKER_LABELS]
    names = [
        e for e in names if not any(_is_verb(t) or t.text in DOUBLE_MARKS for t in verb.doc[e.end : verb.i])
    ]
    if not names:
        return None
    chosen = next((e for e in reversed(names) if e.label_ in _COLON_SPEAKER_LABELS), names[-1])
    return (chosen.start_char, chosen.end_char)


def _subject_by_parse(verb: Token) -> tuple[int, int] | None:
    """The cue's subject, or the subject of the verb it continues ("X declined, saying …", "X angered
    voters by saying …"), or the noun a participle describes ("a statement saying …")."""
    current = verb
    for _ in range(5):
        children = list(current.children)
        sources = [_source_of_according(c) for c in children if c.lower_ == "according"]
        if source := next((s for s in sources if s is not None), None):
            return _phrase(source)
        for child in children:
            if child.dep_ == "nsubj" and child.lower_ in _RELATIVE and current.dep_ == "relcl":
                antecedent = _phrase(current.head)  # "Sullivan, who said …": both words name the source
                end = child.idx + len(child)
                return (antecedent[0], end) if antecedent and antecedent[0] < end else _phrase(child)
            if child.dep_ == "nsubj":
                subject = _nearest_before([c for c in children if c.dep_ == "nsubj"], current)
                if _is_dummy_it(subject, current):
                    return None
                return (
                    _poll_of_respondents(subject, current)
                    or _past_dateline(subject, current)
                    or _phrase(subject)
                )
            if child.dep_ == "agent" and (by := child_by_dep(child, "pobj")) is not None:
                return _phrase(by)
        named = [c for c in children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < current.i]
        if named:  # "…," Lee barked: a verb has no compound, the parser missed its subject
            return _phrase(named[-1])
        passive_subject = child_by_dep(current, "nsubjpass")  # "X is expected to …", "X is assured of …"
        addressed = (
            current.lemma_.lower() in ADDRESSEE_VERBS and child_by_dep(current, "ccomp", "xcomp") is not None
        )
        # ^ but "we are told that …" names who heard it, not who told it
        if passive_subject is not None and passive_subject.lower_ not in _EXPLETIVES and not addressed:
            return _phrase(passive_subject)
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            noun = current.head  # "a statement saying …", but "X issued a statement saying …": X
            holder = noun.head.head if noun.dep_ == "pobj" else noun.head
            if (
                noun.dep_ in ("dobj", "pobj")
                and _is_verb(holder)
                and (holder_subject := _subject(holder)) is not None
            ):
                return _phrase(holder_subject)
            return _phrase(noun, _NOT_SPEAKER_DEPS | {"acl"})
        if current.dep_ not in _SUBJECT_SHARING_DEPS or current.head is current:
            return None
        reported = current.dep_ in ("conj", "advcl") and _is_cue_verb(current)
        current = current.head
        if current.dep_ == "prep" and current.head is not current:  # "by saying": past the preposition
            current = current.head
        if reported and current.dep_ == "ccomp" and _is_cue_verb(current.head) and current.head.i < current.i:
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


def _subject(verb: Token) -> Token | None:
    """The verb's subject nearest before it (the parser may hang a quote's own subject on the cue too:
    `"Belief that …," Lee said`), else its first subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return _nearest_before(subjects, verb) if subjects else None


def _nearest_before(tokens: list[Token], anchor: Token) -> Token:
    before = [t for t in tokens if t.i < anchor.i]
    return before[-1] if before else tokens[0]


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
    own = _verb_after(doc, covered[-1])  # `X described it: "…," she said`: the quote's own attribution
    return None if own is not None and own.lemma_.lower() in LEXICON.colon else quoted


def _source_of_according(token: Token) -> Token | None:
    """The source in "according to X" (or the misspelt "according X")."""
    to = child_by_dep(token, "prep")
    return child_by_dep(token, "pobj") if to is None else child_by_dep(to, "pobj")


def _according_to(token: Token) -> Attribution | None:
    """ "…, according to X" / "According to X, …": the content is the rest of the clause it modifies."""
    source = _source_of_according(token)
    if source is None or token.head is token:
        return None
    inside = {t.i for t in token.subtree}
    last = max(inside)
    clause = [t for t in token.head.subtree if t.i not in inside]
    before = [t for t in clause if t.i < token.i]
    after = [t for t in clause if t.i > last]
    content = _char_span(before if len(before) >= len(after) else after)
    to = child_by_dep(token, "prep")
    cue = (token.idx, token.idx + len(token) if to is None else to.idx + len(to))
    return _make("according", content, cue, _phrase(source))


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
            content = _quote_just_before(token, content, quotes)
        elif content is not None:
            content = _quote_after_colon(token.doc, content, quotes)
        return _make("clause", content, cue, _speaker_of(token))
    if clause is None and token.dep_ == "parataxis" and lemma in lexicon.clause:
        return _interrupting(token, cue)
    if (
        clause is None
        and lemma in lexicon.colon
        and (inverted := _inverted_after_sentence(token)) is not None
    ):
        return inverted
    if lemma in lexicon.colon and (quoted := _colon_quote(token, quotes)) is not None:
        return _make("colon", quoted, cue, _speaker_of(token))
    infinitive = child_by_dep(token, "xcomp")
    if infinitive is not None and infinitive.i > token.i and lemma in lexicon.intention:
        return _make("intention", _char_span(_subtree(infinitive)), cue, _speaker_of(token))
    for prep in (c for c in token.children if c.dep_ == "prep" and c.i > token.i):
        target = child_by_dep(prep, "pobj", "pcomp")
        if f"{lemma} {prep.lower_}" in lexicon.preposition and target is not None and not _is_time(target):
            cue = (token.idx, prep.idx + len(prep))
            return _make("preposition", _char_span(_subtree(target)), cue, _speaker_of(token))
    obj = child_by_dep(token, "dobj")
    listed = lemma in lexicon.object
    predicate = child_by_dep(token, "oprd") if listed and obj is None else None
    if predicate is not None and predicate.i > token.i:
        tokens = list(token.doc[token.i + 1 : predicate.right_edge.i + 1])  # "called her "third-rate""
        return _make("object", _char_span(tokens), cue, _speaker_of(token))
    if obj is None or obj.i < token.i or _is_time(obj):
        return None
    if listed or _quote_as(token, obj, quotes):  # any verb that casts its object as a "quoted phrase"
        tokens = _subtree(obj)
        for extra in token.children:
            if extra.i > obj.i and (extra.dep_ in ("oprd", "xcomp", "ccomp") or _is_as(extra)):
                tokens.extend(extra.subtree)
        colon = next((t.i for t in tokens if t.text == ":" and t.i > obj.i), None)
        if colon is not None:  # "described the goal: "…"": the quote after the colon is said on its own
            tokens = [t for t in tokens if t.i < colon]
        return _make("object", _char_span(tokens), cue, _speaker_of(token))
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
    if subject is None or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    main = cue.head
    if cue.right_edge.i < main.i:
        tokens = [t for t in _subtree(main, without=cue) if t.i > cue.right_edge.i]
    elif cue.right_edge.i >= main.right_edge.i - 1:
        tokens = [t for t in _subtree(main, without=cue) if t.i < cue.left_edge.i]
    else:
        return None  # "the plan, as Lee said, is …": the clause around the cue is read by other routes
    end = it.idx + len(it) if it is not None and put_it else cue.idx + len(cue)
    return _make("as", _char_span(tokens), (cue.idx, end), _phrase(subject))


def _inverted_after_sentence(cue: Token) -> Attribution | None:
    """ "The pledge appeals to older voters …, said Ann Holt, a pollster.": a verb of saying after a comma,
    its subject after it, reports its sentence up to the comma even where the parser made no clause of it."""
    doc = cue.doc
    comma = doc[cue.i - 1] if cue.i > cue.sent.start else None
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i > cue.i), None)
    if comma is None or comma.text != "," or subject is None:
        return None
    start = max(cue.sent.start, _paragraph_start_token(cue))
    content = _char_span(list(doc[start : comma.i]))
    return _make("clause", content, (cue.idx, cue.idx + len(cue)), _phrase(subject))


def _paragraph_start_token(token: Token) -> int:
    breaks = [t.i for t in token.doc[token.sent.start : token.i] if "\n" in t.text]
    return breaks[-1] + 1 if breaks else token.sent.start


def _clause_in_phrase(cue: Token) -> Token | None:
    """ "X said during a news conference that …": the parser hung the reported clause on the noun of a
    phrase after the cue."""
    for prep in (c for c in cue.rights if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in (c for c in noun.rights if c.dep_ in ("acl", "ccomp", "relcl")):
                if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    return clause
    return None


def _across_paragraph(cue: Token, clause: Token) -> bool:
    """A clause the parser hung on a cue from another paragraph (it ran the two together): a quote
    there has an attribution of its own."""
    first, last = sorted((cue.i, clause.left_edge.i if clause.i > cue.i else clause.right_edge.i))
    return any("\n" in t.text for t in cue.doc[first:last])


def _quote_after_colon(doc: Doc, content: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """`X said that a deal is possible: "…"`: a quote right after a colon that closes a reported clause
    goes on with it, unless a comma closes it (its own attribution follows)."""
    last = doc.char_span(content[1] - 1, content[1], alignment_mode="expand")
    following = [] if last is None else [t for t in doc[last.end : last.end + 3] if not t.is_space]
    if len(following) < 2 or following[0].text != ":":
        return content
    index = bisect.bisect_left(quotes, following[1].idx, key=lambda q: q[0])
    if index == len(quotes) or quotes[index][0] != following[1].idx:
        return content
    covered = doc.char_span(*quotes[index], alignment_mode="expand")
    if covered is None or (len(covered) > 1 and covered[-2].text == ","):
        return content
    return (content[0], quotes[index][1])


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


def _quote_just_before(
    cue: Token, content: tuple[int, int] | None, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """`"…," he said` reports the quote closed just before it: where the parse hung more on the cue (an
    earlier sentence or paragraph it ran together with the quote), the content is that quote alone."""
    index = bisect.bisect_right(quotes, cue.idx, key=lambda q: q[1]) - 1
    if content is None or index < 0:
        return content
    q_start, q_end = quotes[index]
    if content[0] >= q_start or cue.idx - q_end > MAX_ATTRIBUTION_CHARS:
        return content
    index = cue.i - 1
    while index >= 0 and cue.doc[index].idx >= q_end:
        if "\n" in cue.doc[index].text:
            return content
        index -= 1
    return (q_start, q_end)


def _interrupting(cue_verb: Token, cue: tuple[int, int]) -> Attribution | None:
    """ "The plan, she said, is dead." / "The plan is dead, she said.": a cue set into the clause it
    reports (the parser's parataxis) has that whole clause as content, around the cue if need be. The
    cue's subject is the one nearest to it (the parser may hang the clause's own subject there too)."""
    subject = _subject(cue_verb)
    if subject is None or subject.i > cue_verb.i or cue_verb.head is cue_verb:
        return None
    aside = range(subject.left_edge.i, cue_verb.right_edge.i + 1)
    tokens = [t for t in cue_verb.head.subtree if t.i not in aside]
    content = _char_span(tokens)
    if content is None:
        return None
    return Attribution(content, cue, _phrase(subject), "interrupting")


def _that_clause(cue: Token) -> Token | None:
    """ "recalled in 2008 that before the vote, …": a reported clause the parser took for an adverbial
    one, which its "that" gives away."""
    for clause in (c for c in cue.rights if c.dep_ == "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in _COMPLEMENTIZERS for m in clause.children):
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
    content = _clause_content(clause, noun) if clause is not None else _char_span(_subtree(content_head))
    owner = child_by_dep(noun, "poss")
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head  # "expressed doubt", "in a statement"
    if owner is not None:
        speaker = _phrase(owner)
    elif noun.dep_ in ("dobj", "pobj") and holder.pos_ == "VERB":
        speaker = _speaker_of(holder)
    else:
        speaker = None
    return _make("noun", content, (noun.idx, noun.idx + len(noun)), speaker)


def _is_time(token: Token) -> bool:
    return token.ent_type_ in _TIME_LABELS


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


# --- combining parse and marks --------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _extend_by_marks(doc: Doc, text: str, found: Attribution, quotes: list[tuple[int, int]]) -> Attribution:
    """Grow a content to the quoted stretches it cuts into (a quote of several sentences)."""
    start, end = found.content
    first = bisect.bisect_right(quotes, start, key=lambda q: q[1])  # quotes are sorted and disjoint
    for q_start, q_end in quotes[first:]:
        if q_start >= end:
            break
        shared = text[max(start, q_start) : min(end, q_end)]
        touches = any(c.isalnum() for c in shared)
        inside_cue = q_start <= found.cue[0] < q_end
        if touches and not inside_cue and (q_start < start or q_end > end):
            start, end = min(start, q_start), max(end, q_end)
    if found.cue[0] >= end:
        end = _resumed_quote_end(doc, text, found.cue[1], end, quotes)
    return Attribution((start, end), found.cue, found.speaker, found.route)


def _resumed_quote_end(doc: Doc, text: str, cue_end: int, end: int, quotes: list[tuple[int, int]]) -> int:
    """`"…," X said. "…"`: a quote resumed in the same paragraph right after its attribution belongs to
    the same quote, which then spans the attribution too; so do further quotes that follow at once, but
    not one closed by a comma, which has an attribution of its own (`"…," she said. "…," she added`)."""
    for q_start, q_end in quotes[bisect.bisect_left(quotes, cue_end, key=lambda q: q[0]) :]:
        between = text[max(end, cue_end) : q_start]
        limit = MAX_ATTRIBUTION_CHARS if end < cue_end else 3
        if "\n" in between or len(between) > limit or (between.strip() and between.strip()[-1] not in ".,:;"):
            break
        if _OWN_ATTRIBUTION.search(text, q_start, q_end) or _another_clause(doc, cue_end, q_start):
            break
        end = q_end
    return end


def _another_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether a verb outside a subordinate clause stands between an attribution and the next quote
    (`"…," Lee said. Ruiz replied, "…"`, `"…," Lee told AP, referring to …`): that quote is not resumed."""
    between = doc.char_span(start, end, alignment_mode="contract")
    if between is None:
        return False
    inside = range(between.start, between.end)
    return any(
        t.pos_ == "VERB" and not any(_subordinate(a) for a in (t, *t.ancestors) if a.i in inside)
        for t in between
    )


def _subordinate(verb: Token) -> bool:
    """A relative clause or one opened by a subordinator ("…," Lee said, when the vote was called, "…")."""
    return verb.dep_ in ("relcl", "acl") or (verb.dep_ == "advcl" and child_by_dep(verb, "mark") is not None)


def _paragraph_of(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _cue_around(doc: Doc, span: tuple[int, int], quotes: list[tuple[int, int]]) -> Attribution | None:
    """A quote no listed cue claimed, whose own attribution frames it: after the quote (`"…," the judge
    exclaimed`, `"…!" he wrote.`), just before it (`Adelson said, "…"`, `As the site notes: "…"`), or the
    verb of its sentence before it (`X reacted to the deal: "…"`, `… released a statement:`); never a verb
    inside another quote."""
    covered = doc.char_span(span[0], span[1], alignment_mode="expand")
    inside = [] if covered is None else list(covered)
    if not inside:
        return None
    framing = (_verb_after(doc, inside[-1]), _verb_before(doc, inside[0]), _root_before(inside[0], span))
    verb = next(
        (v for v in framing if v is not None and _quote_around((v.idx, v.idx + 1), quotes) is None), None
    )
    speaker = None if verb is None else _speaker_of(verb)
    if verb is None or speaker is None:
        return _credit_before(doc, inside[0], span)
    return Attribution(span, (verb.idx, verb.idx + len(verb)), speaker, "framed")


def _credit_before(doc: Doc, first: Token, span: tuple[int, int]) -> Attribution | None:
    """`From the report: "…"`, `Here is Ann Lee in 1992: "…"`: a quote after a colon that closes a
    phrase with no verb of its own is the last person or organisation named there, else its last noun."""
    colon = next((t for t in reversed(doc[max(0, first.i - 3) : first.i]) if not t.is_space), None)
    if colon is None or colon.text != ":":
        return None
    start = colon.i
    while start > colon.sent.start and "\n" not in doc[start - 1].text:
        start -= 1
    phrase = doc[start : colon.i]
    if any(_is_verb(t) and t.lemma_ != "be" for t in phrase):
        return None
    names = [e for e in phrase.ents if e.label_ in _COLON_SPEAKER_LABELS]
    nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound"]
    if names:
        speaker: tuple[int, int] | None = (names[-1].start_char, names[-1].end_char)
    else:
        speaker = _phrase(nouns[-1]) if nouns else None
    if speaker is None:
        return None
    return Attribution(span, (colon.idx, colon.idx + 1), speaker, "named colon")


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass")


def _verb_after(doc: Doc, last: Token) -> Token | None:
    """The verb of a short clause right after the quote. The parser often makes `he wrote.` a sentence of
    its own; across a sentence break it counts only when the quote ends in a comma, the next word is
    lower-case (a pronoun or "the spokesman", not a new sentence) or the clause is a bare attribution
    (`"…." Lee said.`). A longer clause counts when it starts with the verb (`"…!" beamed a delegate from
    …`) or is a bare attribution (`"…," Ann Lee, a lawyer for the family, said, adding …`)."""
    after: list[Token] = []
    aside = 0  # inside brackets ("Rep. Ann Lee (D-Ohio) said"): skipped
    for token in doc[last.i + 1 : last.i + 2 + MAX_BARE_FRAME_TOKENS]:
        if token.text in ("(", ")"):
            aside = max(0, aside + (1 if token.text == "(" else -1))
            continue
        if aside:
            continue
        if "\n" in token.text or (token.text in _MARK_AND_PUNCT and token.text not in ".,!?"):
            break
        after.append(token)
        if token.text in ".!?":
            break
    words = [t for t in after if not t.is_punct and not t.is_space]
    verb = next((t for t in words if _is_verb(t)), None)
    if verb is None:
        return None
    bare = _is_bare_attribution(verb, words)
    same_sentence = words[0].sent == last.sent
    if not (same_sentence or bare or _ends_utterance(last) == "," or words[0].text[0].islower()):
        return None
    if len(after) > MAX_FRAME_TOKENS and not (bare or verb is words[0]):
        return None
    subject = _subject(verb)
    has_subject = verb is words[0] or (subject is not None and subject in words and subject.i < verb.i)
    closed = _ends_utterance(last) != "" or (last.i > 0 and doc[last.i - 1].text == ".")
    return verb if closed or has_subject else None  # a quoted phrase's sentence goes on past it


def _is_bare_attribution(verb: Token, words: list[Token]) -> bool:
    """A verb of saying with its subject among the words before it (or, where the parser lost the
    subject, a name first and no other verb before it) and no clause reported after it."""
    subject = _subject(verb)
    if subject is not None:
        before = subject in words and subject.i < verb.i
    else:
        leading = [t for t in words if t.i < verb.i]
        before = bool(leading) and leading[0].pos_ in ("PROPN", "PRON") and not any(map(_is_verb, leading))
    return (
        verb.lemma_.lower() in LEXICON.colon
        and before
        and not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    )


def _ends_utterance(last: Token) -> str:
    """The punctuation closing a quoted stretch inside its mark ("…," / "…!" / "…?"), or ""."""
    doc = last.doc
    is_mark = last.text in DOUBLE_MARKS or last.text.startswith("''")
    before_mark = doc[last.i - 1] if is_mark and last.i > 0 else last
    return before_mark.text if before_mark.text in (",", "!", "?") else ""


def _verb_before(doc: Doc, first: Token) -> Token | None:
    """The verb of the clause that ends in a comma or colon right before the quote, in its paragraph: the
    last verb of saying there ("Lee is airing an ad in which he declares, "…""), else the sentence's root."""
    previous = next((t for t in reversed(doc[max(0, first.i - 3) : first.i]) if not t.is_space), None)
    if previous is None or previous.text not in (",", ":"):
        return None
    clause = list(doc[previous.sent.start : previous.i])
    breaks = [t.i for t in clause if "\n" in t.text]
    if breaks:
        clause = list(doc[breaks[-1] + 1 : previous.i])
    verbs = [t for t in clause if _is_verb(t)]
    root = previous.sent.root
    saying = [t for t in verbs if t.lemma_.lower() in LEXICON.colon]
    if saying:
        return saying[-1]
    return root if root in verbs else (verbs[-1] if verbs else None)


def _root_before(first: Token, span: tuple[int, int]) -> Token | None:
    sentence = first.sent
    root = sentence.root
    return root if root.idx < span[0] and root.pos_ in ("VERB", "AUX") else None


def _is_utterance(doc: Doc, span: tuple[int, int]) -> bool:
    """A quote closed by a comma, "!" or "?" inside its mark is something said (`"Boston," he answered`),
    even when its words look like a title (slogans and names cited that way count as quotes too)."""
    covered = doc.char_span(span[0], span[1], alignment_mode="expand")
    return covered is not None and len(covered) > 0 and _ends_utterance(covered[-1]) != ""


def _labelled_lines(text: str, entities: EntityClusters) -> list[Attribution]:
    """`NAME: what was said` — a transcript turn or a headline credited to its source ("Newspaper: …"):
    the label is a name of a few capitalised words (an entity, or capitals as transcripts write speakers)."""
    found = []
    for match in _LABELLED_LINE.finditer(text):
        label_start, label_end = match.span("label")
        label = match.group("label")
        named = any(
            m.label in _SPEAKER_LABELS and label_start <= m.start and m.end <= label_end
            for m in entities.mentions
        )
        shouting = label.replace(" ", "").replace(".", "").isupper()
        if (
            (named or shouting)
            and _looks_like_title(label.split())
            and label.upper() not in _NOT_SPEAKER_LABELS
        ):
            content = (match.start("content"), _rstrip(text, match.end("content")))
            found.append(Attribution(content, match.span("colon"), (label_start, label_end), "labelled"))
    return found


def _named_colon_quotes(
    doc: Doc, text: str, quotes: list[tuple[int, int]], entities: EntityClusters
) -> list[Attribution]:
    """`… - Pollster Ann Lee: "…"`, `More from the Institute: "…"`: a quote right after a colon that
    closes a name is that name's (a credit inside a line, where `_labelled_lines` needs the line start),
    unless a verb governs the name (`X told CNN: "…"`, `X said on Twitter: "…"`: X is the source) and no
    dash sets the name off as a credit."""
    named_ending_at = {m.end: m for m in entities.mentions if m.label in _COLON_SPEAKER_LABELS}
    found = []
    for start, end in quotes:
        colon = start - 1
        while colon >= 0 and text[colon] in " \t":
            colon -= 1
        if colon < 0 or text[colon] != ":":
            continue
        name = named_ending_at.get(colon)
        span = None if name is None else doc.char_span(name.start, name.end, alignment_mode="expand")
        credited = span is not None and any(
            t.text in _DASHES for t in doc[max(0, span.start - 3) : span.start]
        )
        if name is not None and span is not None and (credited or not _governed_by_verb(span.root)):
            found.append(Attribution((start, end), (colon, colon + 1), (name.start, name.end), "named colon"))
        elif (dashed := _DASHED_CREDIT.search(text, max(0, colon - 80), colon)) is not None:
            found.append(Attribution((start, end), (colon, colon + 1), dashed.span("name"), "named colon"))
    return found


# "… - Ann Weller:" / "… — Pew Research:" before a quote: a credit the entity recognizer may miss.
_DASHED_CREDIT = re.compile(r" [-–—] (?P<name>[A-Z][\w.'’&]*(?: [A-Z][\w.'’&]*){0,4})$")


def _governed_by_verb(token: Token) -> bool:
    """An object of a verb, directly or through a preposition ("told CNN", "wrote on Twitter")."""
    head = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in ("dobj", "dative", "pobj") and _is_verb(head)


def _looks_like_title(words: list[str]) -> bool:
    """ "State of the Union", "Make America Great Again": every word but short function words capitalised."""
    letters = [w.strip(_MARK_AND_PUNCT) for w in words]
    content = [w for w in letters if w and w[0].isalpha() and w.lower() not in _TITLE_FUNCTION_WORDS]
    return all(w[0].isupper() for w in content)


_LABELLED_LINE = re.compile(
    r"^[ \t]*(?P<label>[A-Z][\w.'’-]*(?: [\w.'’-]+){0,4})(?P<colon>:)[ \t]+(?P<content>\S[^\n]*)$",
    re.MULTILINE,
)
# Labels before a colon that name a kind of text, not its source.
_NOT_SPEAKER_LABELS = frozenset(
    {
        "UPDATE",
        "NOTE",
        "EDITOR'S NOTE",
        "EDITOR’S NOTE",
        "PHOTO",
        "VIDEO",
        "WATCH",
        "READ",
        "RELATED",
        "SOURCE",
        "Q",
        "A",
    }
)


def _uncued_quotes(
    doc: Doc, text: str, quotes: list[tuple[int, int]], found: list[Attribution]
) -> list[Attribution]:
    """Quoted stretches no cue claimed (titles aside, unless a verb after them frames them as said, as in
    `"Boston," he answered`; a title in a list is also closed by a comma): the verb of the sentence
    around the quote is the cue; a quote alone in its sentence continues the last speaker before it in its
    paragraph, else the next one in its paragraph, else the last one in the paragraph before, else the
    person named nearest (`_person_near`). A quote resuming an attribution grows that attribution in
    `found`, in place, instead of being returned."""
    extra: list[Attribution] = []
    for span in quotes:
        length = span[1] - span[0]
        if any(_overlap(span, f.content) * 2 >= length for f in found):
            continue
        words = text[span[0] : span[1]].split()
        if extra and _overlap(span, extra[-1].content) * 2 >= length:
            continue  # resumed after the attribution of the quote before
        framed = _cue_around(doc, span, quotes)
        utterance = framed is not None and framed.cue[0] >= span[1] and _is_utterance(doc, span)
        if not utterance and _looks_like_title(words):
            continue
        if framed is not None and (utterance or len(words) >= MIN_FRAMED_WORDS):
            extra.append(_extend_by_marks(doc, text, framed, quotes))
            continue
        if len(words) < MIN_UNCUED_WORDS:
            continue
        paragraph = _paragraph_of(text, span[0])
        if (credit := _credit_line_after(text, span)) is not None:
            extra.append(Attribution(span, (span[0], span[0]), credit, "uncued"))
            continue
        previous = _paragraph_of(text, max(0, paragraph[0] - 2))
        spoken = [f for f in found + extra if f.speaker is not None]
        before = [f for f in spoken if previous[0] <= f.cue[0] < span[0]]
        after = [f for f in spoken if span[1] <= f.cue[0] < paragraph[1]]
        if after and not any(f.cue[0] >= paragraph[0] for f in before):
            before = []  # the speaker of the paragraph before gives way to one named in this paragraph
        nearest = (
            max(before, key=lambda f: f.cue[0])
            if before
            else min(after, key=lambda f: f.cue[0], default=None)
        )
        if nearest is not None and nearest in before and _continues(text, nearest, span):
            grown = Attribution((nearest.content[0], span[1]), nearest.cue, nearest.speaker, nearest.route)
            found[:] = [grown if f is nearest else f for f in found]
            extra[:] = [grown if f is nearest else f for f in extra]
            continue
        speaker = _person_near(doc, previous[0], span, quotes) if nearest is None else nearest.speaker
        extra.append(Attribution(span, (span[0], span[0]), speaker, "uncued"))
    return extra


# A line that only names who said the quote left open above it, and closes it: `"… ¶ Ann Lee, Policy
# Institute."` (a pull-quote credit).
_CREDIT_LINE = re.compile(
    r"[ \t]*(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})(?:,[^\n.]{0,60})?\.?[\"”][ \t]*$"
)


def _credit_line_after(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The name on a credit line right after a quote's paragraph, if the next line is one."""
    end = text.find("\n", span[1] - 1)
    if end < 0 or _paragraph_of(text, span[0])[1] != end:
        return None
    start = end
    while start < len(text) and text[start] in "\n \t":
        start += 1
    line_end = _paragraph_of(text, start)[1] if start < len(text) else start
    match = _CREDIT_LINE.fullmatch(text, start, line_end)
    return None if match is None else match.span("name")


def _person_near(
    doc: Doc, since: int, span: tuple[int, int], quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """With no attribution around, the person last named before the quote (in its paragraph or the one
    before), outside quotes, else the first one named after it in its sentence."""
    people = [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and _quote_around((e.start_char, e.end_char), quotes) is None
    ]
    before = [e for e in people if since <= e.start_char and e.end_char <= span[0]]
    covered = doc.char_span(span[0], span[1], alignment_mode="expand")
    sentence_end = covered[-1].sent.end if covered is not None and len(covered) > 0 else 0
    after = [e for e in people if e.start_char >= span[1] and e.end <= sentence_end]
    chosen = before[-1] if before else (after[0] if after else None)
    return None if chosen is None else (chosen.start_char, chosen.end_char)


def _continues(text: str, before: Attribution, span: tuple[int, int]) -> bool:
    """A quote that follows a quoted content with only that content's attribution between (`"…," X said.
    ¶ "…"`) goes on with it, as one attribution."""
    end = before.content[1]
    return (
        0 < end <= span[0]
        and text[end - 1] in DOUBLE_MARKS + "'"
        and span[0] - end <= MAX_CONTINUATION_GAP
        and before.cue[0] >= end
    )


def _kind(text: str, content: tuple[int, int], quotes: list[tuple[int, int]]) -> QuoteKind:
    segment = text[content[0] : content[1]]
    if not any(m in segment for m in DOUBLE_MARKS):
        return QuoteKind.indirect
    quoted = sum(_overlap(content, q) for q in quotes)
    return QuoteKind.direct if quoted * 10 >= (content[1] - content[0]) * 9 else QuoteKind.partial


def _quote_around(span: tuple[int, int], quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    index = bisect.bisect_right(quotes, span[0], key=lambda q: q[0]) - 1
    inside = index >= 0 and quotes[index][0] <= span[0] and span[1] <= quotes[index][1]
    return quotes[index] if inside else None


def _speaker_outside_quotes(
    doc: Doc, found: Attribution, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """A speaker inside a quote that its cue is not in is the parser's mistake (`"Yes, I agree," Ann Lee,
    the founder, tells …` parsed with "I" as the subject): the speaker is then the first noun phrase
    between the quote and the cue, or right after the cue (`"…," read one.`), or unknown."""
    speaker = found.speaker
    quote = None if speaker is None else _quote_around(speaker, quotes)
    if quote is None or _quote_around(found.cue, quotes) is not None:
        return speaker
    between = doc.char_span(quote[1], found.cue[0], alignment_mode="contract")
    cue = doc.char_span(*found.cue, alignment_mode="expand")
    after = [] if cue is None else list(doc[cue.end : cue.end + MAX_FRAME_TOKENS])
    for stretch in ([] if between is None else list(between), after):
        head = _first_noun_phrase_head(stretch)
        if head is not None:
            return _phrase(head)
    return None


def _first_noun_phrase_head(tokens: list[Token]) -> Token | None:
    """The head of the first noun phrase in a stretch of words, before any punctuation but commas."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.is_punct and token.text != ",":
            return None
        nominal = token.pos_ in ("PROPN", "NOUN", "PRON", "NUM") or token.dep_ in ("nsubj", "attr")
        if nominal and not (token.head.i in inside and token.head.pos_ in ("PROPN", "NOUN")):
            return token
    return None


def _outermost(found: list[Attribution], quotes: list[tuple[int, int]]) -> list[Attribution]:
    """Each word belongs to one attribution: drop those cued inside a quote or inside another content."""

    def inside(cue: tuple[int, int], span: tuple[int, int]) -> bool:
        return span[0] <= cue[0] and cue[1] <= span[1]

    return [
        f
        for f in found
        if _quote_around(f.cue, quotes) is None
        and not any(
            inside(f.cue, other.content) and not inside(other.cue, f.content)
            for other in found
            if other is not f
        )
    ]


def _is_weak(doc: Doc, found: Attribution) -> bool:
    """A cue the lexicon counts only when its content holds a quote ("pushed the bill" is rarely said)."""
    if found.route not in _WEAK_ROUTES:
        return False
    cue = doc.char_span(found.cue[0], found.cue[1], alignment_mode="expand")
    lemmas = "_".join(t.lemma_.lower() for t in cue) if cue is not None else ""
    return f"{found.route} {lemmas}" in WEAK_CUES


def _priority(doc: Doc, found: Attribution) -> int:
    """Which of two attributions of one stretch wins: a credit by layout, then a verb of saying that
    reports a clause or quote ("…," she said), then the rest in text order."""
    if found.route in ("labelled", "named colon"):
        return 0
    if found.route not in ("clause", "colon", "interrupting", "as"):
        return 2
    cue = doc.char_span(found.cue[0], found.cue[1], alignment_mode="expand")
    saying = cue is not None and len(cue) > 0 and cue[0].lemma_.lower() in LEXICON.colon
    return 1 if saying else 2


def _dedupe(found: list[Attribution]) -> list[Attribution]:
    """One attribution per stretch of content: the first found (in cue priority) wins an overlap."""
    kept: list[Attribution] = []
    for item in found:
        length = item.content[1] - item.content[0]
        if all(
            _overlap(item.content, k.content) * 2 < min(length, k.content[1] - k.content[0]) for k in kept
        ):
            kept.append(item)
    return kept


def candidate_attributions(
    doc: Doc, quotes: list[tuple[int, int]], lexicon: CueLexicon = LEXICON, text: str | None = None
) -> list[Attribution]:
    """Every attribution the lexicon's cues find, nested ones included (also used to mine cues). Pass
    `text` when at hand: `Doc.text` joins every token on each access."""
    text = doc.text if text is None else text
    found = []
    for i in _possible_cues(doc, lexicon):
        attribution = _attribution_for(doc[i], quotes, lexicon)
        if attribution is not None and (attribution := _in_cue_paragraph(text, attribution, quotes)):
            found.append(_extend_by_marks(doc, text, attribution, quotes))
    return found


def _in_cue_paragraph(text: str, found: Attribution, quotes: list[tuple[int, int]]) -> Attribution | None:
    """A content read off the parse stays on its cue's line: the parser runs a headline into the lead, or a
    paragraph into the next, where no full stop parts them. Quoted text may still carry it on."""
    start, end = found.content
    line_start, line_end = _paragraph_of(text, found.cue[0])[0], _paragraph_of(text, found.cue[1])[1]
    if line_start <= start and end <= line_end:
        return found
    outside = [(start, min(end, line_start)), (max(start, line_end), end)]
    if any(_overlap(part, q) for part in outside if part[0] < part[1] for q in quotes):
        return found
    clipped = _trimmed(text, max(start, line_start), min(end, line_end))
    return None if clipped is None else replace(found, content=clipped)


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


def extract_quotes(doc: Doc, entities: EntityClusters) -> list[Quote]:
    """Direct, partial and indirect quotes with cue and speaker, in text order (code-point offsets)."""
    text = doc.text
    quotes = quoted_spans(text)
    candidates = (
        _labelled_lines(text, entities)
        + _named_colon_quotes(doc, text, quotes, entities)
        + candidate_attributions(doc, quotes, text=text)
    )
    found = _dedupe(sorted(_outermost(candidates, quotes), key=lambda f: _priority(doc, f)))
    found += _uncued_quotes(doc, text, quotes, found)
    resolver = MentionResolver(doc, entities, text)
    results = []
    for item in sorted(found, key=lambda f: f.content):
        start, end = item.content
        cue = (
            None
            if item.cue[0] == item.cue[1]
            else Cue(text=text[item.cue[0] : item.cue[1]], start=item.cue[0], end=item.cue[1])
        )
        speaker_span = _speaker_outside_quotes(doc, item, quotes)
        if speaker_span is not None and text[speaker_span[0] : speaker_span[1]].lower() in _NO_ONE:
            speaker_span = None
        kind = _kind(text, item.content, quotes)
        if kind is QuoteKind.indirect and (speaker_span is None or _is_weak(doc, item)):
            continue  # reported speech with no one reporting it, or a weak cue without a quote
        speaker = None if speaker_span is None else resolver.resolve(*speaker_span)
        results.append(Quote(text=text[start:end], start=start, end=end, kind=kind, speaker=speaker, cue=cue))
    return results
