"""How well the app finds the article in a web page, next to trafilatura's defaults, in one run.

    .venv/bin/python benchmarks/extraction.py [--pages DIR]

For each of the 57 pages of ../shared/eval/pages/ (HTML as the site served it, and the
article's body as people annotated it): the app's reader (`desktop.core.input.read`, the
body it extracts, without the title and byline lines it adds above) and trafilatura's
`extract()` with its defaults. Scores are token-level precision, recall and F1 against the
annotation (a bag of lower-cased words; the benchmark's own metric counts shingles), averaged
over pages; a page from which no text came out scores 0 and counts as failed. Prints JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import trafilatura

from desktop.core.input import read

PAGES = Path(__file__).resolve().parents[2] / "shared" / "eval" / "pages"


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def score(found: str, truth: str) -> tuple[float, float, float]:
    got, want = tokens(found), tokens(truth)
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def ours(html: str) -> str:
    try:
        return read.extract_body(html)
    except read.ArticleError:
        return ""


def theirs(html: str) -> str:
    return trafilatura.extract(html) or ""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=Path, default=PAGES)
    args = parser.parse_args()
    truth = json.loads((args.pages / "ground-truth.json").read_text(encoding="utf-8"))
    results = {"app": [], "trafilatura_defaults": []}
    seconds = {"app": 0.0, "trafilatura_defaults": 0.0}
    worst = []
    for key, item in sorted(truth.items()):
        html = gzip.decompress((args.pages / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        for name, extract in (("app", ours), ("trafilatura_defaults", theirs)):
            t0 = time.perf_counter()
            text = extract(html)
            seconds[name] += time.perf_counter() - t0
            results[name].append((key, *score(text, item["articleBody"]), not text.strip()))
        worst.append((results["app"][-1][3], key))
    report = {}
    for name, rows in results.items():
        report[name] = {
            "pages": len(rows),
            "precision": round(statistics.mean(r[1] for r in rows), 3),
            "recall": round(statistics.mean(r[2] for r in rows), 3),
            "f1": round(statistics.mean(r[3] for r in rows), 3),
            "failed_pages": sum(1 for r in rows if r[4]),
            "seconds": round(seconds[name], 1),
        }
    report["app_worst_pages"] = [{"key": k, "f1": round(f, 3)} for f, k in sorted(worst)[:5]]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
