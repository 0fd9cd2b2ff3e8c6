"""Named entities with clean spans, grouped into clusters of one real-world entity each.

spaCy's NER gives spans; this module trims what is not part of the name (markup debris, a leading
"the", titles) and groups mentions: the forms of one person's full name (with or without a middle name or
initial) are one cluster, named by the fullest; a surname or first name alone joins the person it names.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import numpy
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.tokens import Doc

from service.extract.lexicon import ALIASES, TITLE_WORDS
from service.extract.syntax import doc_text, is_title_case

# Labels that are names. Numbers, money and percentages are values, not entities; DATE and TIME are dates.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# Labels whose single-word mentions may be a surname that NER mislabelled ("Haas said" → ORG).
_RELABELABLE = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP"})

_OPENERS = "([{<"
_CLOSERS = ")]}>"
_EDGE_JUNK = " \t\r\n\"'“”‘’`*_#|•·-–—,;:.!?" + _OPENERS + _CLOSERS
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s)$")


@dataclass(frozen=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str


@dataclass
class EntityCluster:
    id: int
    canonical: str
    label: str
    mentions: list[EntityMention] = field(default_factory=list)


@dataclass
class EntityClusters:
    """Mentions in text order with the cluster of each; the shared mention model of the extractors."""

    mentions: list[EntityMention]
    clusters: list[EntityCluster]
    cluster_of: dict[EntityMention, int]

    def clusters_by_token(self, doc: Doc) -> dict[int, EntityCluster]:
        """The cluster of each token inside a mention (the mention overlapping it most, the first on ties),
        built once per document: looking a cluster up per token by scanning every mention is quadratic."""
        starts = doc.to_array(IDX).tolist()  # read off the arrays: a Token per word was most of the time
        ends = [start + length for start, length in zip(starts, doc.to_array(LENGTH).tolist(), strict=True)]
        best: dict[int, tuple[int, EntityCluster]] = {}
        for mention in self.mentions:
            i = max(bisect_right(starts, mention.start) - 1, 0)
            while i < len(starts) and starts[i] < mention.end:
                overlap = min(ends[i], mention.end) - max(starts[i], mention.start)
                if overlap > best.get(i, (0, None))[0]:
                    best[i] = (overlap, self.clusters[self.cluster_of[mention]])
                i += 1
        return {i: cluster for i, (_, cluster) in best.items()}


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        end -= 1
    return start, end


def clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim markup debris, a leading article and a possessive; None when nothing name-like is left."""
    start, end = _strip_edges(text, start, end)
    segment = text[start:end]
    # "CNN)American": a closing bracket inside the span ends what came before it.
    cut = max(segment.rfind(c) for c in _CLOSERS)
    if cut >= 0 and not any(o in segment[:cut] for o in _OPENERS):
        start += cut + 1
    # "Putin [Vladimir": an opening bracket with no closer starts debris.
    segment = text[start:end]
    for opener, closer in zip(_OPENERS, _CLOSERS, strict=True):
        i = segment.find(opener)
        if i >= 0 and closer not in segment[i:]:
            end = start + i
            segment = text[start:end]
    start, end = _strip_edges(text, start, end)
    if match := _LEADING_ARTICLE.match(text[start:end]):
        start += match.end()
    if match := _POSSESSIVE.search(text[start:end]):
        end = start + match.start()
    return (start, end) if any(ch.isalnum() for ch in text[start:end]) else None


_WORD = re.compile(r"\S+")


def strip_titles(name: str) -> str:
    """'Spokesperson Zhao Lijian' → 'Zhao Lijian', a suffix of `name` as written (offsets stay exact);
    a name that is only a title stays as it is."""
    words = list(_WORD.finditer(name))
    first = 0
    while first < len(words) - 1 and words[first].group().lower().rstrip(",") in TITLE_WORDS:
        first += 1
    return name[words[first].start() :] if words else name


def _is_title_only(name: str) -> bool:
    """'US National Security Advisor' is a role, not an organisation."""
    words = name.split()
    return bool(words) and words[-1].lower() in TITLE_WORDS


def _canonical(name: str) -> str:
    return ALIASES.get(name.lower(), name)


def find_mentions(doc: Doc) -> list[EntityMention]:
    """NER spans that are names, cleaned; PERSON spans lose their leading titles."""
    text = doc_text(doc)
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        span = clean_span(text, ent.start_char, ent.end_char)
        if span is None:
            continue
        start, end = span
        if ent.label_ == "PERSON":
            start = end - len(strip_titles(text[start:end]))
        elif ent.label_ == "ORG" and _is_title_only(text[start:end]):
            continue
        mentions.append(EntityMention(start, end, text[start:end], ent.label_))
    return _add_missed_surnames(doc, mentions)


def _add_missed_surnames(doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
    """A part of a name NER missed ("Zhao denied ...") once the full name ("Zhao Lijian") was recognised."""
    surnames = {
        word
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) > 1
        for word in m.text.split()
        if word.isalpha() and word.istitle() and len(word) > 1
    }
    if not surnames:
        return mentions
    covered = {i for m in mentions for i in range(m.start, m.end)}
    words = doc.to_array(ORTH)
    candidates = numpy.flatnonzero(numpy.isin(words, [doc.vocab.strings[s] for s in surnames])).tolist()
    missed = [
        EntityMention(t.idx, t.idx + len(t), t.text, "PERSON")
        for t in (doc[i] for i in candidates)
        if t.idx not in covered
    ]
    return sorted(mentions + missed, key=lambda m: m.start) if missed else mentions


_INITIALS = re.compile(r"(?:[A-Z]\.)+|[A-Z]")


@dataclass
class _Person:
    """One person named in full, in every form the text uses ('Ada Moreno', 'Ada K. Moreno')."""

    forms: list[EntityMention]

    @cached_property
    def fullest(self) -> EntityMention:
        """The form naming the cluster: the one with most words, the first on ties."""
        return max(self.forms, key=lambda m: (len(m.text.split()), -m.start))


def _name_parts(name: str) -> tuple[str, str, tuple[str, ...]]:
    """First word, last word and what stands between, initials as letters ('H.W.' and 'H. W.' alike)."""
    words = name.lower().split()
    middle: list[str] = []
    for word in words[1:-1]:
        middle.extend(word.replace(".", "") if _INITIALS.fullmatch(word.upper()) else [word])
    return words[0], words[-1], tuple(middle)


def _people(full_names: list[EntityMention]) -> dict[EntityMention, _Person]:
    """The person each full name names. Forms sharing first and last word are one person when at most one
    middle part is used ("Mary Ellis", "Mary K. Ellis"); with several ("George H.W. Bush", "George W. Bush")
    each middle is its own person and the form without one, which could be either, is left alone."""
    by_ends: dict[tuple[str, str], list[tuple[EntityMention, tuple[str, ...]]]] = defaultdict(list)
    for mention in full_names:
        first, last, middle = _name_parts(mention.text)
        by_ends[(first, last)].append((mention, middle))
    people: dict[EntityMention, _Person] = {}
    for forms in by_ends.values():
        middles = {middle for _, middle in forms if middle}
        groups: dict[tuple[str, ...], list[EntityMention]] = defaultdict(list)
        for mention, middle in forms:
            groups[middle if len(middles) > 1 else ()].append(mention)
        for group in groups.values():
            person = _Person(group)
            people.update(dict.fromkeys(group, person))
    return people


class _PersonIndex:
    """The person a single word names ('Sullivan', 'Hillary'): among those whose full name ends with it
    (else holds it), the first named (a headline counts), preferring people also named plainly in running
    text. A writer names a second person of the same name in full each time and leaves the bare name to
    the main one, who comes first; a headline's misread words ("Angry Moreno") are no one. Indexed by word
    and answered once per word: scanning every person for every bare name is quadratic on long texts."""

    def __init__(self, persons: list[_Person], plainly_named: frozenset[EntityMention]) -> None:
        self._by_last: dict[str, list[_Person]] = defaultdict(list)
        self._by_word: dict[str, list[_Person]] = defaultdict(list)
        self._rank: dict[int, tuple[bool, int]] = {}
        for person in persons:
            self._by_last[person.fullest.text.split()[-1].lower()].append(person)
            for word in dict.fromkeys(w.lower() for f in person.forms for w in f.text.split()):
                self._by_word[word].append(person)
            named_plainly = any(f in plainly_named for f in person.forms)
            self._rank[id(person)] = (named_plainly, -min(f.start for f in person.forms))
        self._found: dict[str, _Person | None] = {}

    def person_for(self, word: str) -> _Person | None:
        if word not in self._found:
            pool = self._by_last.get(word) or self._by_word.get(word, [])
            self._found[word] = max(pool, key=lambda p: self._rank[id(p)], default=None)
        return self._found[word]


def cluster_mentions(
    mentions: list[EntityMention], plainly_named: frozenset[EntityMention] = frozenset()
) -> EntityClusters:
    """Group mentions: same name (or alias) and kind, or a single word that is part of a person's name
    (`plainly_named`: the full names read in running text, as a proper noun first; see `_PersonIndex`)."""
    people = _people([m for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1])
    index = _PersonIndex(list({id(p): p for p in people.values()}.values()), plainly_named)

    relabelled: list[EntityMention] = []
    for m in mentions:
        words = m.text.split()
        if len(words) == 1 and m.label in _RELABELABLE and index.person_for(words[0].lower()):
            m = EntityMention(m.start, m.end, m.text, "PERSON")
        relabelled.append(m)

    key_to_cluster: dict[tuple[str, str], int] = {}
    clusters: list[EntityCluster] = []
    cluster_of: dict[EntityMention, int] = {}
    for m in relabelled:
        anchor = m
        if m in people:
            anchor = people[m].fullest
        elif m.label == "PERSON" and len(m.text.split()) == 1:
            person = index.person_for(m.text.lower())
            anchor = m if person is None else person.fullest
        canonical = _canonical(anchor.text)
        key = (m.label, canonical.lower())
        if key not in key_to_cluster:
            key_to_cluster[key] = len(clusters)
            clusters.append(EntityCluster(len(clusters), canonical, m.label))
        clusters[key_to_cluster[key]].mentions.append(m)
        cluster_of[m] = key_to_cluster[key]
    return EntityClusters(relabelled, clusters, cluster_of)


def extract_entities(doc: Doc) -> EntityClusters:
    mentions = find_mentions(doc)
    return cluster_mentions(mentions, plainly_named(doc, mentions))


def plainly_named(doc: Doc, mentions: list[EntityMention]) -> frozenset[EntityMention]:
    """Full names of people outside a title-case line, opened by a proper noun unless what follows is a
    full name itself: NER reads a headline's capitalised words ("Angry Moreno Quits") or a sentence's
    first word ("Surely Ada Moreno") into names, while a first name may look like a word ("Will Moreno").
    Lines are found by bisecting the line breaks and judged once: searching the text around each name is
    quadratic on a long text without breaks."""
    text = doc_text(doc)
    breaks = [match.start() for match in re.finditer("\n", text)]
    title_case: dict[tuple[int, int], bool] = {}
    plain = set()
    for mention in mentions:
        if mention.label != "PERSON" or len(mention.text.split()) < 2:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or (span[0].pos_ != "PROPN" and len(mention.text.split()) > 2):
            continue
        # the breaks before the name and from its end on bound its line
        line = (bisect_left(breaks, mention.start), bisect_left(breaks, mention.end))
        if line not in title_case:
            start = breaks[line[0] - 1] + 1 if line[0] > 0 else 0
            end = breaks[line[1]] if line[1] < len(breaks) else len(text)
            title_case[line] = is_title_case(text[start:end])
        if not title_case[line]:
            plain.add(mention)
    return frozenset(plain)
