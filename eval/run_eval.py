"""`make eval`: score a freshly started server on every shared gold file that exists; print one table.

The gold data lives outside the project (../shared, dev only, not redistributable) and is read in place.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from service.localserver import running_server

# (gold file, claims file or None) in the order the table shows them.
GOLD = [
    ("seed.jsonl", "claims-seed.jsonl"),
    ("timebank-aquaint.jsonl", None),
    ("polnear-dev.jsonl", "claims-polnear-dev.jsonl"),
    ("polnear-train.jsonl", "claims-polnear-train.jsonl"),
]
COLUMNS = [
    ("entities.f1", "ent F1"),
    ("dates.f1", "date F1"),
    ("dates.value_f1", "val F1"),
    ("quotes.f1", "quo F1"),
    ("quotes.e2e_f1", "e2e F1"),
    ("quotes.speaker_accuracy", "spk acc"),
    ("quotes.direct_recall", "dir R"),
    ("quotes.direct_precision", "dir P"),
    ("claims.precision", "clm P"),
    ("claims.recall", "clm R"),
    ("claims.f1", "clm F1"),
    ("service.docs_per_second", "docs/s"),
]


def score(base: str, shared: Path, gold: str, claims: str | None, out: Path) -> dict[str, float]:
    command = [sys.executable, str(shared / "eval" / "score.py"), "--url", base, "--quiet", "--out", str(out)]
    if claims and (shared / "data" / claims).exists():
        command += ["--claims", str(shared / "data" / claims)]
    subprocess.run([*command, str(shared / "data" / gold)], check=True)
    metrics: dict[str, float] = json.loads(out.read_text())
    return metrics


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--only", nargs="*", help="gold file names to score (default: all that exist)")
    args = parser.parse_args()
    available = [
        (g, c) for g, c in GOLD if (args.shared / "data" / g).exists() and (not args.only or g in args.only)
    ]
    if not available:
        print(f"no gold files under {args.shared / 'data'}; nothing to score")
        return 0
    rows: dict[str, dict[str, float]] = {}
    # Quality, not latency, is measured here: a generous deadline keeps a busy machine from turning
    # slow documents into 503s that would count as "nothing found".
    server = running_server(ENRICH_REQUEST_TIMEOUT_SECONDS="600")
    with server as base, tempfile.TemporaryDirectory() as tmp:
        for gold, claims in available:
            print(f"scoring {gold} ...", file=sys.stderr)
            rows[gold] = score(base, args.shared, gold, claims, Path(tmp) / f"{gold}.json")
    print(f"{'gold file':<24}" + "".join(f"{title:>9}" for _, title in COLUMNS))
    for gold, metrics in rows.items():
        cells = "".join(f"{metrics[k]:>9.3f}" if k in metrics else f"{'-':>9}" for k, _ in COLUMNS)
        print(f"{gold:<24}{cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
