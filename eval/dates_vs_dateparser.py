"""Dates side by side: our extractor and dateparser's `search_dates` on the same gold documents.

Both are scored with the functions of ../shared/eval/score.py (relaxed overlap, one-to-one greedy
matching, value accuracy, value F1 = relaxed F1 × value accuracy), so the rows agree with `score.py`.
It also reports what the dates stage adds to the pipeline per document (budget: at most 10%).

    .venv/bin/python -m eval.dates_vs_dateparser [--shared ../shared] [--limit N] [--no-dateparser]
                                                 [--part even|odd] [--show FN,FP,WRONG]

TimeBank/AQUAINT is shown whole and split by document position in the file (even = the part the rules
were tuned on, odd = the held-back check). `--show` prints our errors of the chosen kinds per
document, for the tuning part only: it never prints an odd (held-back) document's errors, and it is
refused with `--part odd`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

GOLD_FILES = ("timebank-aquaint.jsonl", "seed.jsonl")
TIME_BUDGET = 0.10


@dataclass
class Tally:
    """Matching counts of one system on one set of documents, plus its running time."""

    counts: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    docs: int = 0


def load_scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise ImportError(shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dateparser_dates(text: str, reference: dt.date) -> list[dict[str, Any]]:
    """dateparser's finds as scorer items; it gives strings, so offsets are found in text order."""
    from dateparser.search import search_dates

    base = dt.datetime(reference.year, reference.month, reference.day)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    items, cursor = [], 0
    for phrase, moment in found:
        start = text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        has_time = (moment.hour, moment.minute) != (0, 0)
        value = moment.strftime("%Y-%m-%dT%H:%M") if has_time else moment.date().isoformat()
        items.append({"start": start, "end": cursor, "type": "TIME" if has_time else "DATE", "value": value})
    return items


def score_doc(
    scorer: ModuleType,
    doc: dict[str, Any],
    predicted: list[dict[str, Any]],
    show: frozenset[str] = frozenset(),
) -> Counter[str]:
    problems: Counter[str] = Counter()
    gold_span = scorer.SpanReader(doc["text"], problems, True)
    pred_span = scorer.SpanReader(doc["text"], problems, False)
    golds = [scorer.read_gold_date(item, gold_span) for item in doc["dates"]]
    preds = [scorer.read_pred_date(item, pred_span) for item in predicted]
    counts, errors = scorer.score_dates(golds, preds)
    for kind, item in errors:
        if kind in show:
            print(
                f"{doc.get('id', '?')} {doc.get('published_at')} {kind} {scorer.describe_date(kind, item, doc['text'])}"
            )
    counts["docs"] = 1
    result: Counter[str] = Counter(counts)
    return result


def row(scorer: ModuleType, name: str, tally: Tally) -> str:
    m = scorer.date_metrics(tally.counts)
    per_doc = 1000 * tally.seconds / max(tally.docs, 1)
    return (
        f"{name:<42} {m['gold']:>5} {m['pred']:>5} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
        f"{m['strict_f1']:>6.3f} {m['value_accuracy']:>6.3f} {m['value_f1']:>6.3f} {m['type_accuracy']:>6.3f} "
        f"{per_doc:>8.1f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="shared dir (data/, eval/)")
    parser.add_argument("--limit", type=int, default=0, help="documents per gold file (0: all)")
    parser.add_argument("--no-dateparser", action="store_true", help="only our extractor")
    parser.add_argument(
        "--part", choices=("even", "odd"), help="only this part of TimeBank/AQUAINT (even: tuned, odd: check)"
    )
    parser.add_argument(
        "--show",
        default="",
        help="print our errors of these kinds (FN,FP,WRONG) on the tuning part only: never for the odd "
        "(held-back) TimeBank/AQUAINT documents; refused with --part odd",
    )
    args = parser.parse_args()
    if args.show and args.part == "odd":
        parser.error("--show studies the tuning part only; the odd part is the held-back check")
    show = frozenset(kind.strip().upper() for kind in args.show.split(",") if kind.strip())
    paths = [args.shared / "data" / name for name in GOLD_FILES if (args.shared / "data" / name).exists()]
    if not paths or not (args.shared / "eval" / "score.py").exists():
        print(f"no date gold data or score.py under {args.shared}; nothing to compare")
        return 0

    from schemas import Feature
    from service.pipeline import Job, Pipeline
    from service.settings import Settings

    scorer = load_scorer(args.shared)
    pipeline = Pipeline(Settings().model_name)
    pipeline.warm_up()
    tallies: dict[str, Tally] = {}
    pipeline_seconds = dates_seconds = 0.0
    pipeline_docs = 0
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        docs = [json.loads(line) for line in lines if line.strip()]
        docs = docs[: args.limit] if args.limit else docs
        for index, doc in enumerate(docs):
            if doc.get("dates") is None:
                continue
            reference = (
                dt.date.fromisoformat(doc["published_at"]) if doc.get("published_at") else dt.date.today()
            )
            parts = [path.stem]
            held_back = path.stem.startswith("timebank") and index % 2 == 1
            if path.stem.startswith("timebank") and args.part and held_back != (args.part == "odd"):
                continue
            if path.stem.startswith("timebank"):
                parts.append(f"{path.stem} {'odd (check)' if held_back else 'even (tuned)'}")
            started = time.perf_counter()
            response = pipeline.run([Job(doc["text"], reference, features=frozenset(Feature))])[0]
            elapsed = time.perf_counter() - started
            ours = [d.model_dump(mode="json") for d in response.dates]
            dates_s = response.timings_ms.get("dates", 0.0) / 1000
            pipeline_seconds, dates_seconds, pipeline_docs = (
                pipeline_seconds + elapsed,
                dates_seconds + dates_s,
                pipeline_docs + 1,
            )
            systems = [("ours", ours, dates_s)]
            if not args.no_dateparser:
                started = time.perf_counter()
                theirs = dateparser_dates(doc["text"], reference)
                systems.append(("dateparser", theirs, time.perf_counter() - started))
            for part in parts:
                for system, predicted, seconds in systems:
                    tally = tallies.setdefault(f"{part} · {system}", Tally())
                    shown = show if system == "ours" and part == parts[-1] and not held_back else frozenset()
                    tally.counts.update(score_doc(scorer, doc, predicted, shown))
                    tally.seconds += seconds
                    tally.docs += 1
            print(f"\r{path.name} {index + 1}/{len(docs)}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)

    header = f"{'gold · system':<42} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'strF1':>6} {'valAcc':>6} {'valF1':>6} {'typAcc':>6} {'ms/doc':>8}"
    print(header)
    print("-" * len(header))
    for name, tally in tallies.items():
        print(row(scorer, name, tally))
    share = dates_seconds / pipeline_seconds if pipeline_seconds else 0.0
    print(
        f"\ndates stage: {1000 * dates_seconds / max(pipeline_docs, 1):.1f} ms/doc of "
        f"{1000 * pipeline_seconds / max(pipeline_docs, 1):.1f} ms/doc for the whole pipeline "
        f"(all features) = {share:.1%} (budget {TIME_BUDGET:.0%}: {'ok' if share <= TIME_BUDGET else 'OVER'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
