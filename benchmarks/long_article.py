"""Time and peak memory of summarizing long articles, side by side in one run.

    .venv/bin/python benchmarks/long_article.py [--model test] [--sizes 5000 15000 30000]

The articles are real news leads from ../shared/eval/neus-val.source, joined in order until
each size is reached. Each size runs `neutral-brief summarize` in its own process; peak memory
is the largest resident set of that process and its model worker. Prints JSON; the ratios
compare each size with the smallest: time should grow about like the words, memory stay flat.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

NEUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "neus-val.source"

MEASURE = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - t0
print(done.returncode, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.stderr.write(done.stderr)
"""


def article_of(words: int) -> str:
    paragraphs, count = [], 0
    for line in NEUS.read_text(encoding="utf-8").splitlines():
        for lead in line.split(" [SEP] "):
            text = re.sub(r"^TITLE=>.*?ARTICLE=>\s*", "", lead).strip()
            if text:
                paragraphs.append(text)
                count += len(text.split())
            if count >= words:
                return "\n\n".join(paragraphs)
    raise SystemExit(f"only {count} words of leads in {NEUS}")


def run(words: int, model: str, folder: Path) -> dict:
    path = folder / f"article-{words}.txt"
    path.write_text(article_of(words), encoding="utf-8")
    out = folder / f"note-{words}.md"
    cmd = [sys.executable, "-c", MEASURE, sys.executable, "-m", "desktop", "summarize", str(path),
           "-o", str(out), "--model", model, "--keep-clutter", "--fresh"]
    result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    code, seconds, peak_kb = result.stdout.split()
    if code != "0":
        raise SystemExit(f"summarize failed at {words} words:\n{result.stderr}")
    front = out.read_text(encoding="utf-8").split("---\n")[1]
    parts = int(re.search(r"^parts: (\d+)", front, re.M).group(1))
    coverage = float(re.search(r"^coverage: ([\d.]+)", front, re.M).group(1))
    return {"words": len(path.read_text().split()), "seconds": round(float(seconds), 1),
            "peak_rss_mb": round(int(peak_kb) / 1024), "parts": parts, "coverage": coverage}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="test")
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 15000, 30000])
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for words in args.sizes:
            rows.append(run(words, args.model, Path(tmp)))
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)  # each size as it is done
    base = rows[0]
    for row in rows:
        row["words_ratio"] = round(row["words"] / base["words"], 2)
        row["time_ratio"] = round(row["seconds"] / base["seconds"], 2)
        row["memory_ratio"] = round(row["peak_rss_mb"] / base["peak_rss_mb"], 2)
        row["seconds_per_1000_words"] = round(1000 * row["seconds"] / row["words"], 2)
    print(json.dumps({"model": args.model, "runs": rows}, indent=2))


if __name__ == "__main__":
    main()
