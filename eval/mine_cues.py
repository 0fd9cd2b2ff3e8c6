"""Mine cue-word statistics from the PolNeAR TRAIN split, to choose the lemmas of `cue_lexicon.py`.

Runs the quote extractor's content routes with every lemma allowed, and counts, per route and lemma,
how many of the attributions it finds match a gold content (the scorer's rule: shared characters >= 50%
of the shorter span). A lemma belongs in a route's list when that precision is high enough. Only counts
and lemmas are printed, never text of the data.

    .venv/bin/python eval/mine_cues.py [--shared ../shared] [--limit 400] [--min-count 3] [--min-precision 0.4]
                                       [--cache /tmp/train.spacy]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from service.extract.cue_lexicon import LEXICON, CueLexicon
from service.extract.quote_routes import candidate_attributions
from service.extract.quote_text import quoted_spans
from service.model import load_model
from service.settings import Settings


class _Every:
    """A container holding every lemma: lets each route propose what it would find for any word."""

    def __contains__(self, item: object) -> bool:
        return True


EVERY = _Every()
PERMISSIVE = CueLexicon(EVERY, EVERY, EVERY, EVERY, EVERY, EVERY)
ROUTES = ("clause", "colon", "intention", "preposition", "object", "noun")


Spans = list[tuple[int, int]]


def _overlap(a: tuple[int, int], parts: Spans) -> int:
    return sum(max(0, min(e, a[1]) - max(s, a[0])) for s, e in parts)


def _matches(content: tuple[int, int], cue: tuple[int, int], golds: list[tuple[Spans, Spans]]) -> bool:
    """A gold attribution with this cue word and a content sharing >= 50% of the shorter span."""
    length = content[1] - content[0]
    for parts, cues in golds:
        shared = _overlap(content, parts)
        if _overlap(cue, cues) and shared and 2 * shared >= min(length, sum(e - s for s, e in parts)):
            return True
    return False


def _listed(route: str, key: str) -> bool:
    return key in getattr(LEXICON, route)


def mine(
    path: Path, limit: int, cache: Path | None
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    nlp = load_model(Settings().model_name)
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for _, line in zip(range(limit), handle, strict=False)]
    if cache is not None and cache.is_file():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))[: len(rows)]
    else:
        docs = list(nlp.pipe(r["text"] for r in rows))
        if cache is not None:
            DocBin(docs=docs).to_disk(cache)
    found: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    for row, doc in zip(rows, docs, strict=True):
        golds: list[tuple[Spans, Spans]] = [
            ([(s, e) for s, e in q["spans"]], [(s, e) for s, e in q["cue"]]) for q in row["quotes"] or []
        ]
        quotes = quoted_spans(doc.text)
        for item in candidate_attributions(doc, quotes, PERMISSIVE):
            if any(s <= item.cue[0] and item.cue[1] <= e for s, e in quotes):
                continue  # words inside a quote are never annotated as a cue of their own
            cue = doc.text[item.cue[0] : item.cue[1]]
            token = next((t for t in doc if t.idx == item.cue[0]), None)
            lemma = token.lemma_.lower() if token is not None else cue.lower()
            key = (item.route, f"{lemma} {cue.split()[-1].lower()}" if item.route == "preposition" else lemma)
            found[key] += 1
            hits[key] += _matches(item.content, item.cue, golds)
    return found, hits


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=400, help="train documents to read")
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.4)
    parser.add_argument("--cache", type=Path, help="parsed documents (spaCy DocBin) to reuse between runs")
    args = parser.parse_args()
    path = args.shared / "data" / "polnear-train.jsonl"
    if not path.is_file():
        print(f"no training data at {path}; nothing to mine")
        return 0
    found, hits = mine(path, args.limit, args.cache)
    for route in ROUTES:
        rows = sorted(
            ((k[1], n, hits[k] / n) for k, n in found.items() if k[0] == route and n >= args.min_count),
            key=lambda r: -r[2],
        )
        good = [r for r in rows if r[2] >= args.min_precision]
        print(f"\n== {route}: {len(good)} of {len(rows)} lemmas reach precision {args.min_precision}")
        for lemma, n, precision in rows:
            flag = "*" if precision >= args.min_precision else " "
            listed = "listed" if _listed(route, lemma) else ""
            print(f" {flag} {lemma:24} {n:5d} {precision:5.2f} {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
