"""Named entities with clean spans, grouped into clusters of one real-world entity each.

spaCy's NER gives spans; this module trims what is not part of the name (markup debris, a leading
"the", titles) and groups mentions: a surname or partial name joins the fullest name of the same kind.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

import numpy
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.tokens import Doc

from service.extract.lexicon import ALIASES, TITLE_WORDS

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
    text = doc.text
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


def _full_name_for(
    token: str, label: str, full_names: dict[str, list[EntityMention]]
) -> EntityMention | None:
    """The fullest multi-word name of this kind containing the word, preferring it as a surname."""
    candidates = full_names.get(label, [])
    as_last = [m for m in candidates if m.text.split()[-1].lower() == token]
    pool = as_last or [m for m in candidates if token in (w.lower() for w in m.text.split())]
    return max(pool, key=lambda m: (len(m.text.split()), -m.start), default=None)


_INITIALS = re.compile(r"(?:[A-Z]\.)+|[A-Z]")
# A person's name split into its words without middle initials, and the initials' letters in order.
NameParts = tuple[tuple[str, ...], tuple[str, ...]]


def _name_parts(name: str) -> NameParts:
    words = name.split()
    initials = [w for w in words if _INITIALS.fullmatch(w)]
    bare = tuple(w.lower() for w in words if not _INITIALS.fullmatch(w))
    return bare, tuple(c for w in initials for c in w if c.isalpha())


def _fullest_same_name(
    mention: EntityMention, by_bare_name: dict[tuple[str, ...], list[tuple[EntityMention, tuple[str, ...]]]]
) -> EntityMention:
    """ "Donald Trump" and "Donald J. Trump" are one name: the same words once middle initials are left out,
    the fullest form naming the cluster. Names with different initials stay apart ("George H.W. Bush",
    "George W. Bush"), and so does a name without initials that could be either."""
    bare, initials = _name_parts(mention.text)
    same = by_bare_name.get(bare, [])
    if not initials and len({i for _, i in same if i}) > 1:
        return mention
    compatible = [f for f, i in same if not i or not initials or i == initials]
    return max(compatible, key=lambda f: (len(f.text.split()), -f.start), default=mention)


def cluster_mentions(mentions: list[EntityMention]) -> EntityClusters:
    """Group mentions: same name (or alias) and kind, or a single word that is part of a fuller name."""
    full_names: dict[str, list[EntityMention]] = defaultdict(list)
    for m in mentions:
        if len(m.text.split()) > 1:
            full_names[m.label].append(m)

    people_by_bare_name: dict[tuple[str, ...], list[tuple[EntityMention, tuple[str, ...]]]] = defaultdict(
        list
    )
    for full in full_names["PERSON"]:
        bare, initials = _name_parts(full.text)
        people_by_bare_name[bare].append((full, initials))

    relabelled: list[EntityMention] = []
    for m in mentions:
        words = m.text.split()
        if (
            len(words) == 1
            and m.label in _RELABELABLE
            and _full_name_for(words[0].lower(), "PERSON", full_names)
        ):
            m = EntityMention(m.start, m.end, m.text, "PERSON")
        relabelled.append(m)

    key_to_cluster: dict[tuple[str, str], int] = {}
    clusters: list[EntityCluster] = []
    cluster_of: dict[EntityMention, int] = {}
    for m in relabelled:
        anchor = m
        words = m.text.split()
        if len(words) == 1 and m.label == "PERSON":
            anchor = _full_name_for(words[0].lower(), m.label, full_names) or m
        elif m.label == "PERSON":
            anchor = _fullest_same_name(m, people_by_bare_name)
        canonical = _canonical(anchor.text)
        key = (m.label, canonical.lower())
        if key not in key_to_cluster:
            key_to_cluster[key] = len(clusters)
            clusters.append(EntityCluster(len(clusters), canonical, m.label))
        index = key_to_cluster[key]
        clusters[index].mentions.append(m)
        cluster_of[m] = index
    return EntityClusters(relabelled, clusters, cluster_of)


def extract_entities(doc: Doc) -> EntityClusters:
    return cluster_mentions(find_mentions(doc))
