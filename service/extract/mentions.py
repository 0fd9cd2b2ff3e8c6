"""Who a speaker mention ("Sullivan", "he", "the spokesman", "who") refers to, by rules over entity clusters.

No coreference model can be installed, so the routes are few and explicit; quotes and claims share them:
- a named mention: the entity cluster of the mention's head word;
- apposition inside the mention ("the spokesman, Zhao Lijian"): the named part;
- a relative pronoun ("Sullivan, who said …"): the noun it hangs off;
- he / she: among the last three people named before it with no contrary gender, one known to have
  that gender or standing as a subject, else the latest; gender is learnt from honorifics and from
  pronouns already resolved, in text order;
- a title noun ("the president", "the spokesman"): the person last given that title ("President Biden",
  "Zhao, the foreign ministry spokesman", "Haas, president of the council").
Anything else keeps its span with `canonical` null.

API: `MentionResolver(doc, entities).resolve(start, end) -> Speaker`, or `resolve_speaker(doc, start, end,
entities)` for a one-off call.
"""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc, Span, Token

from schemas import Speaker
from service.extract.entities import EntityCluster, EntityClusters, EntityMention
from service.extract.lexicon import FEMALE_HONORIFICS, MALE_HONORIFICS, TITLE_WORDS
from service.extract.syntax import doc_text

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
GROUP_PRONOUNS = frozenset({"it", "they"})
GROUP_LABELS = frozenset({"ORG", "GPE", "NORP"})
# How far back (in characters) a pronoun may look for its person.
PRONOUN_WINDOW = 1500
# How many of the latest people a pronoun chooses among.
RECENT_PEOPLE = 3


class MentionResolver:
    """Built once per document: knows every person's gender and title, then resolves any span."""

    def __init__(self, doc: Doc, entities: EntityClusters) -> None:
        self._doc = doc
        self._text = doc_text(doc)
        self._entities = entities
        self._persons = [m for m in entities.mentions if m.label == "PERSON"]
        self._person_starts = [m.start for m in self._persons]
        self._mention_at_char = {i: m for m in entities.mentions for i in range(m.start, m.end)}
        self._gender: dict[int, str] = {}
        self._titles: list[tuple[int, str, int]] = []  # (char position, title lemma, cluster id)
        self._learn_honorifics_and_titles()
        self._pronoun_cluster: dict[int, int] = {}
        self._learn_pronouns()

    # --- learning, in text order -------------------------------------------------------------------

    def _cluster_id(self, mention: EntityMention) -> int:
        return self._entities.cluster_of[mention]

    def _learn_honorifics_and_titles(self) -> None:
        for mention in self._persons:
            cluster = self._cluster_id(mention)
            span = self._doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for word in _titles_before(span):
                if word in MALE_HONORIFICS:
                    self._gender.setdefault(cluster, "m")
                elif word in FEMALE_HONORIFICS:
                    self._gender.setdefault(cluster, "f")
                self._titles.append((mention.start, word, cluster))
            for word in _titles_in_apposition(span):
                self._titles.append((mention.start, word, cluster))

    def _learn_pronouns(self) -> None:
        """Read from the arrays, without building a Token for every word (most of the cost)."""
        if len(self._doc) == 0:
            return
        strings = self._doc.vocab.strings
        genders = {strings[word]: "m" for word in MALE_PRONOUNS} | {strings[w]: "f" for w in FEMALE_PRONOUNS}
        rows = self._doc.to_array([LOWER, IDX])
        for i in numpy.flatnonzero(numpy.isin(rows[:, 0], list(genders))).tolist():
            gender, idx = genders[int(rows[i, 0])], int(rows[i, 1])
            cluster = self._nearest_person(idx, gender)
            if cluster is not None:
                self._pronoun_cluster[idx] = cluster
                self._gender.setdefault(cluster, gender)

    def _nearest_person(self, before: int, gender: str) -> int | None:
        """Among the last few people mentioned before `before` and of no contrary gender, the one known to
        have this gender or standing as a subject, else the latest."""
        index = bisect.bisect_left(self._person_starts, before) - 1
        candidates: list[tuple[int, int]] = []  # (salience, cluster), latest first
        seen: set[int] = set()
        while index >= 0 and len(seen) < RECENT_PEOPLE:
            mention = self._persons[index]
            if mention.start < before - PRONOUN_WINDOW:
                break
            cluster = self._cluster_id(mention)
            if cluster not in seen and self._gender.get(cluster, gender) == gender:
                seen.add(cluster)
                salience = (cluster in self._gender) + self._is_subject(mention)
                candidates.append((salience, cluster))
            index -= 1
        return max(candidates, key=lambda c: c[0])[1] if candidates else None

    def _is_subject(self, mention: EntityMention) -> bool:
        span = self._doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "nsubjpass")

    # --- resolving ---------------------------------------------------------------------------------

    def resolve(self, start: int, end: int) -> Speaker:
        """A speaker for the mention [start, end): its span always, its cluster when a route finds one."""
        text = self._text
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        end = max(start, end)
        cluster = self._cluster_for(start, end)
        return Speaker(
            text=text[start:end],
            start=start,
            end=end,
            canonical=None if cluster is None else cluster.canonical,
            cluster=None if cluster is None else cluster.id,
        )

    def _cluster_for(self, start: int, end: int) -> EntityCluster | None:
        span = self._doc.char_span(start, end, alignment_mode="expand") if end > start else None
        if span is None or len(span) == 0:
            return None
        head = span.root
        return self._cluster_of_token(head, span, depth=0)

    def _cluster_of_token(self, head: Token, span: Span, depth: int) -> EntityCluster | None:
        clusters = self._entities.clusters
        named = self._mention_at_char.get(head.idx)
        if named is not None:
            return clusters[self._cluster_id(named)]
        for child in head.children:  # "the spokesman, Zhao Lijian"
            if child.dep_ == "appos" and (found := self._mention_at_char.get(child.idx)) is not None:
                return clusters[self._cluster_id(found)]
        lower = head.lower_
        if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and depth < 2:
            antecedent = head.head.head
            return self._cluster_of_token(antecedent, span, depth + 1)
        if _pronoun_gender(head) is not None:
            resolved = self._pronoun_cluster.get(head.idx)
            return None if resolved is None else clusters[resolved]
        if lower in GROUP_PRONOUNS:
            return self._nearest_group(head.idx)
        lemma = head.lemma_.lower()
        if lemma in TITLE_WORDS or lower in TITLE_WORDS:
            return self._titled(head.idx, {lemma, lower})
        return None

    def _titled(self, before: int, words: set[str]) -> EntityCluster | None:
        """The person last given this title before the mention (or first given it, if only after)."""
        for pos, word, cluster in reversed(self._titles):  # in text order
            if word in words and pos < before:
                return self._entities.clusters[cluster]
        return None

    def _nearest_group(self, before: int) -> EntityCluster | None:
        candidates = [
            m for m in self._entities.mentions if m.label in GROUP_LABELS and before - 600 <= m.start < before
        ]
        if not candidates:
            return None
        return self._entities.clusters[self._cluster_id(candidates[-1])]


def resolve_speaker(doc: Doc, start: int, end: int, entities: EntityClusters) -> Speaker:
    """One-off resolution; build a `MentionResolver` once per document when resolving many mentions."""
    return MentionResolver(doc, entities).resolve(start, end)


def _pronoun_gender(token: Token) -> str | None:
    lower = token.lower_
    if lower in MALE_PRONOUNS:
        return "m"
    if lower in FEMALE_PRONOUNS:
        return "f"
    return None


def _titles_before(span: Span) -> list[str]:
    """Title words right before or at the start of a name: "President Joe Biden", "Mr. Haas"."""
    words = []
    index = span.start - 1
    for token in span:
        if token.lower_ in TITLE_WORDS:
            words.append(token.lower_)
    while index >= 0 and span.doc[index].lower_ in TITLE_WORDS:
        words.append(span.doc[index].lower_)
        index -= 1
    return words


def _titles_in_apposition(span: Span) -> list[str]:
    """Title nouns in an apposition to the name: "Zhao, the ministry's spokesman"; "Haas, president of …"."""
    head = span.root
    words = []
    for child in head.children:
        if child.dep_ == "appos" and child.i >= span.end:
            for token in [child, *child.children]:
                if token.lower_ in TITLE_WORDS or token.lemma_.lower() in TITLE_WORDS:
                    words.append(token.lemma_.lower())
                    words.append(token.lower_)
    return words
