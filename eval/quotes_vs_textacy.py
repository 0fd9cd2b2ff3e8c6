"""Our quotes next to textacy's `direct_quotations`, on the same gold documents and the same matching rules.

Both systems see the same spaCy parse; both are scored with the matching of the shared scorer
(`../shared/eval/score.py`: content match when the shared characters reach 50% of the shorter span,
one-to-one greedy, a speaker is right when it overlaps a gold speaker). textacy raises on an odd number of
quote marks: such a document counts as nothing found. Rows are also split into speech attributions
(the gold or predicted cue is a verb of saying, or "according to") and the rest.

    .venv/bin/python eval/quotes_vs_textacy.py [--shared ../shared] [--file polnear-dev.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.tokens import Doc
from textacy.extract.triples import direct_quotations

from service.extract.cue_lexicon import SPEECH_LEMMAS
from service.extract.entities import extract_entities
from service.extract.quotes import extract_quotes
from service.model import load_model
from service.settings import Settings

Pred = dict[str, Any]
COLUMNS = ("gold", "pred", "tp", "precision", "recall", "f1", "speaker_accuracy", "e2e_f1")
DIRECT_COLUMNS = ("direct_recall", "direct_precision")
HEADERS = {"speaker_accuracy": "speaker", "direct_recall": "dir_rec", "direct_precision": "dir_prec"}


def _load_scorer(shared: Path) -> ModuleType | None:
    path = shared / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if not path.is_file() or spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _is_speech(doc: Doc, cues: list[tuple[int, int]]) -> bool:
    return any(t.lemma_.lower() in SPEECH_LEMMAS for t in doc if any(s <= t.idx < e for s, e in cues))


def ours(doc: Doc) -> tuple[list[Pred], bool]:
    preds = []
    for quote in extract_quotes(doc, extract_entities(doc)):
        speaker = None if quote.speaker is None else (quote.speaker.start, quote.speaker.end)
        cues = [] if quote.cue is None else [(quote.cue.start, quote.cue.end)]
        preds.append(
            {"span": (quote.start, quote.end), "kind": quote.kind.value, "speaker": speaker, "cues": cues}
        )
    return preds, False


def textacy_quotes(doc: Doc) -> tuple[list[Pred], bool]:
    """textacy's triples; (nothing, True) where it refuses the document."""
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return [], True
    preds = []
    for speaker, cue, content in triples:
        who = (min(t.idx for t in speaker), max(t.idx + len(t) for t in speaker)) if speaker else None
        cues = [(t.idx, t.idx + len(t)) for t in cue]
        preds.append(
            {"span": (content.start_char, content.end_char), "kind": "direct", "speaker": who, "cues": cues}
        )
    return preds, False


def score(
    scorer: ModuleType,
    rows: list[dict[str, Any]],
    docs: list[Doc],
    system: Callable[[Doc], tuple[list[Pred], bool]],
) -> tuple[dict[str, Counter[str]], int]:
    """Counts per slice ("all", "speech", "other"), and how many documents the system refused."""
    totals = {name: Counter[str]() for name in ("all", "speech", "other")}
    refused = 0
    for row, doc in zip(rows, docs, strict=True):
        preds, failed = system(doc)
        refused += failed
        gold_items = row["quotes"] or []
        golds = [scorer.read_gold_quote(g, lambda o, _w: scorer.to_span(o)) for g in gold_items]
        speech_gold = [_is_speech(doc, [tuple(c) for c in g["cue"]]) for g in gold_items]
        speech_pred = [not p["cues"] or _is_speech(doc, p["cues"]) for p in preds]
        for name, keep_gold, keep_pred in (
            ("all", [True] * len(golds), [True] * len(preds)),
            ("speech", speech_gold, speech_pred),
            ("other", [not s for s in speech_gold], [not s for s in speech_pred]),
        ):
            sliced_gold = [g for g, keep in zip(golds, keep_gold, strict=True) if keep]
            sliced_pred = [p for p, keep in zip(preds, keep_pred, strict=True) if keep]
            counts, _ = scorer.score_quotes(sliced_gold, sliced_pred)
            totals[name].update(counts)
    return totals, refused


def _row(label: str, metrics: dict[str, Any], columns: tuple[str, ...]) -> str:
    cells = [f"{metrics[c]:.3f}" if isinstance(metrics[c], float) else str(metrics[c]) for c in columns]
    return f"{label:18}" + "".join(f"{cell:>10}" for cell in cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--file", default="polnear-dev.jsonl", help="gold file in SHARED/data")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    args = parser.parse_args()
    path = args.shared / "data" / args.file
    scorer = _load_scorer(args.shared)
    if not path.is_file() or scorer is None:
        print(f"no gold data or scorer under {args.shared}; nothing to compare")
        return 0
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in map(json.loads, handle) if r.get("quotes") is not None][: args.limit]
    nlp = load_model(Settings().model_name)
    docs = list(nlp.pipe(r["text"] for r in rows))
    print(f"{args.file}: {len(docs)} documents")
    print(f"{'system / slice':18}" + "".join(f"{HEADERS.get(c, c):>10}" for c in COLUMNS + DIRECT_COLUMNS))
    for name, system in (("ours", ours), ("textacy", textacy_quotes)):
        totals, refused = score(scorer, rows, docs, system)
        for slice_name, counts in totals.items():
            metrics = scorer.quote_metrics(counts)
            columns = COLUMNS + (DIRECT_COLUMNS if slice_name == "all" else ())
            print(_row(f"{name} {slice_name}", metrics, columns))
        if refused:
            print(
                f"  ({name} refused {refused} documents with unbalanced quote marks: counted as nothing found)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
