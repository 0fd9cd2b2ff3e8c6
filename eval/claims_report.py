"""Claim/denial pair figures without a server: parse once (cached), run the extractors, score like score.py.

    .venv/bin/python -m eval.claims_report ../shared/data/claims-polnear-train.jsonl \
        ../shared/data/polnear-train.jsonl [--show FN,FP,WL,FD,PARTY] [--gold-quotes]

FN lines say "[no denial found]" when no denial overlaps the gold one, "[denial unpaired]" when one was
found but linked to no claim (else the denial was found and paired with another claim); WL lists real
denials linked to the wrong claim, FD denials found where the gold has none, PARTY the denier or claimant
of a matched pair that differs from the gold one (the last line counts them: `denier_right` and
`claimant_right` of `matched`, borderline pairs included). `--gold-quotes` feeds the gold attributions in
place of the quotes extractor, to tell linking errors from quote errors. The scoring functions are
imported from ../shared/eval/score.py so the figures agree with it.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import spacy
from spacy.tokens import Doc, DocBin

from schemas.enrich import ClaimPair, Quote, QuoteKind, Speaker
from service.extract.claims import extract_claims
from service.extract.denials import find_denials
from service.extract.entities import extract_entities
from service.extract.mentions import MentionResolver
from service.extract.quotes import extract_quotes
from service.model import load_model
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CACHE = Path("/tmp/claims_report_cache")


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_jsonl(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _parse(nlp: spacy.language.Language, texts: list[str]) -> list[Doc]:
    key = hashlib.sha1("\x00".join([*nlp.pipe_names, *texts]).encode()).hexdigest()[:16]
    path = CACHE / f"{key}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts))
    CACHE.mkdir(exist_ok=True)
    DocBin(store_user_data=False, docs=docs).to_disk(path)
    return docs


def _gold_quotes(doc: dict[str, Any]) -> list[Quote]:
    text = doc["text"]
    quotes = []
    for q in doc.get("quotes") or []:
        kind = QuoteKind.direct if q["direct"] else QuoteKind.indirect
        speaker = None
        if q["speaker"]:
            s, e = q["speaker"][0]
            speaker = Speaker(text=text[s:e], start=s, end=e)
        quotes.append(
            Quote(
                text=text[q["start"] : q["end"]],
                start=q["start"],
                end=q["end"],
                kind=kind,
                speaker=speaker,
                cue=None,
            )
        )
    return quotes


def _same_denial(score: ModuleType, gold: tuple[int, int], pred: tuple[int, int]) -> bool:
    """The scorer's test for one side of a pair: overlap of at least 30% of the shorter span."""
    return bool(score.overlaps_enough(score.overlap(gold, pred), score.size(gold), score.size(pred), 30))


def _party_right(gold: dict[str, Any] | None, pred: Speaker | None, text: str) -> bool:
    """A denier or claimant is right when both are absent, or the spans overlap, or the predicted mention
    resolves to a name whose last word the gold mention holds ("he" for "Mr. Ailes")."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if pred.start < gold["end"] and gold["start"] < pred.end:
        return True
    surname = (pred.canonical or "").split()[-1:]
    return bool(surname) and surname[0].lower() in text[gold["start"] : gold["end"]].lower().split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("claims")
    parser.add_argument("gold")
    parser.add_argument("--show", default="", help="comma list of FN,FP,WL,FD,PARTY to print")
    parser.add_argument("--gold-quotes", action="store_true")
    args = parser.parse_args()

    score = _load_scorer()
    lines = {line["doc"]: line for line in _read_jsonl(args.claims)}
    docs = [
        d
        for d in _read_jsonl(args.gold)
        if d["id"].rsplit("/", 1)[-1].removesuffix(".txt") in lines or d["id"] in lines
    ]
    nlp = load_model(Settings().model_name)
    parsed = _parse(nlp, [d["text"] for d in docs])

    totals = {
        "gold": 0,
        "pred": 0,
        "tp": 0,
        "denial_hit": 0,
        "matched": 0,
        "denier_right": 0,
        "claimant_right": 0,
    }
    routes: dict[str, list[int]] = {}
    show = set(filter(None, args.show.split(",")))
    for gold_doc, doc in zip(docs, parsed, strict=True):
        name = (
            gold_doc["id"]
            if gold_doc["id"] in lines
            else gold_doc["id"].rsplit("/", 1)[-1].removesuffix(".txt")
        )
        entities = extract_entities(doc)
        quotes = _gold_quotes(gold_doc) if args.gold_quotes else extract_quotes(doc, entities)
        pairs: list[ClaimPair] = extract_claims(doc, quotes, entities)
        span = score.SpanReader(doc.text, score.Counter(), True)
        golds = [score.read_gold_claim(c, span) for c in lines[name]["claims"]]
        preds: list[dict[str, Any]] = [
            {"claim": (p.claim.start, p.claim.end), "denial": (p.denial.start, p.denial.end), "obj": p}
            for p in pairs
        ]
        counts, errors = score.score_claims(golds, preds)
        raw = lines[name]["claims"]
        for gi, pi in score.match_greedy(golds, preds, score.claim_overlap):
            pair = preds[pi]["obj"]
            totals["matched"] += 1
            totals["denier_right"] += _party_right(raw[gi].get("denier"), pair.denial.denier, doc.text)
            totals["claimant_right"] += _party_right(raw[gi].get("claimant"), pair.claim.claimant, doc.text)
            if "PARTY" in show:
                for role, gold_party, ours in (
                    ("denier", raw[gi].get("denier"), pair.denial.denier),
                    ("claimant", raw[gi].get("claimant"), pair.claim.claimant),
                ):
                    if not _party_right(gold_party, ours, doc.text):
                        said = None if ours is None else (ours.text, ours.canonical)
                        print(
                            f"PARTY {name[:40]} {role}: gold {gold_party and gold_party['text']!r}, ours {said}"
                        )
        found = [
            (d.start, d.end)
            for d in find_denials(
                doc, quotes, entities.clusters_by_token(doc), MentionResolver(doc, entities)
            )
        ]
        wrong = {id(item) for kind, item in errors if kind == "FP"}
        for p in preds:
            hit = any(_same_denial(score, g["denial"], p["denial"]) for g in golds)
            totals["denial_hit"] += hit
            if hit and "WL" in show and id(p) in wrong:
                gold_claims = [
                    doc.text[g["claim"][0] : g["claim"][1]][:150]
                    for g in golds
                    if _same_denial(score, g["denial"], p["denial"])
                ]
                link = p["obj"].link
                print(
                    f"WL {name[:40]} [{link.route} {link.terms}]\n   D: {doc.text[p['denial'][0] : p['denial'][1]][:200]!r}\n   C: {doc.text[p['claim'][0] : p['claim'][1]][:150]!r}\n   G: {gold_claims}"
                )
            if not hit and "FD" in show:
                print(f"FD {name[:50]} {doc.text[p['denial'][0] : p['denial'][1]][:200]!r}")
        for k in ("gold", "pred", "tp"):
            totals[k] += counts[k]
        for p in preds:
            route = p["obj"].link.route + (
                ":near:" + ",".join(p["obj"].link.terms) if p["obj"].link.score == 0.4 else ""
            )
            routes.setdefault(route, [0, 0])
            routes[route][0] += 1
            routes[route][1] += id(p) not in wrong
        for kind, item in errors:
            if kind in show:
                text = doc.text
                c, d = item["claim"], item["denial"]
                extra = ""
                if "obj" in item:
                    link = item["obj"].link
                    extra = f" [{link.route} {link.terms} {link.score:.2f}]"
                elif not any(_same_denial(score, d, p["denial"]) for p in preds):
                    unpaired = any(_same_denial(score, d, f) for f in found)
                    extra = " [denial unpaired]" if unpaired else " [no denial found]"
                print(
                    f"{kind} {name[:50]}{extra}\n   C: {text[c[0] : c[1]][:200]!r}\n   D: {text[d[0] : d[1]][:200]!r}"
                )
    metrics = score.prf(totals["tp"], totals["pred"], totals["gold"])
    print("routes (predicted, not false):", routes, file=sys.stderr)
    print(json.dumps({**totals, **{k: round(v, 3) for k, v in metrics.items()}}), file=sys.stderr)


if __name__ == "__main__":
    main()
