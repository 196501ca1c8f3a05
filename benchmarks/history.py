"""The history at the size of years of daily use: how long keeping a note, searching, reading
one back and deleting take, and how large the file grows. Articles are the 57 real pages'
texts, repeated with a number so that each note is its own.

    .venv/bin/python benchmarks/history.py [--notes 3000]

Prints JSON: seconds per operation (median of repeats), the file's size per note.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.core.history import Entry, History  # noqa: E402

TRUTH = ROOT.parent / "shared" / "eval" / "pages" / "ground-truth.json"
QUERIES = ["election", "minister said", "clim", "football match", "prix", "the", "zzzz nothing"]


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=3000, help="notes kept (about 8 years at one a day)")
    args = parser.parse_args()
    bodies = [page["articleBody"] for page in json.loads(TRUTH.read_text(encoding="utf-8")).values()]
    with tempfile.TemporaryDirectory() as folder:
        history = History(Path(folder) / "history.sqlite3")
        adds = []
        for n in range(args.notes):
            body = f"{bodies[n % len(bodies)]}\n\nCopy {n}."
            entry = Entry(title=body.split(".")[0][:80], article=body, note=f"# Note {n}\n\n{body[:600]}",
                          result={"summary": {"title": "t"}}, model="m", genre={"kind": "news report"})
            adds.append(timed(lambda: history.add(entry)))
        size = history.path.stat().st_size
        searches = {q: statistics.median(timed(lambda: history.search(q)) for _ in range(5)) for q in QUERIES}
        listing = statistics.median(timed(lambda: history.search("")) for _ in range(5))
        ids = [e.id for e in history.search("")][:20]
        gets = [timed(lambda i=i: history.get(i)) for i in ids]
        deletes = [timed(lambda i=i: history.delete(i)) for i in ids[:5]]
        print(json.dumps({
            "notes": args.notes,
            "add_seconds": {"median": round(statistics.median(adds), 5), "worst": round(max(adds), 4)},
            "search_seconds": {q: round(s, 4) for q, s in searches.items()},
            "list_all_seconds": round(listing, 4),
            "get_seconds_median": round(statistics.median(gets), 5),
            "delete_seconds_median": round(statistics.median(deletes), 4),
            "file_mb": round(size / 1e6, 1),
            "kb_per_note": round(size / args.notes / 1e3, 1),
        }, indent=2))


if __name__ == "__main__":
    main()
