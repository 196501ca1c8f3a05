"""Articles per minute for a batch: the local model, and the same model behind llama-cpp-python's
OpenAI-compatible server at several `--jobs`, side by side in one run.

    .venv/bin/python benchmarks/batch.py [--model default] [--pages 20] [--max-words 1500] [--jobs 1 2 4]

The first `--pages` pages of ../shared/eval/pages/ (in name order) whose article has at most
`--max-words` words, as the app reads and cleans it (a 6000-word page read in parts takes a
quarter of an hour here and would be most of the measure), unpacked into a temporary folder, are
summarized by `desktop.core.batch.Batch` as `neutral-brief batch` does, stored answers off:
- local: the app's own worker (the writer checks and mends each sentence as it is written);
- server_jobs_N: `python -m llama_cpp.server` with the same GGUF file, 2 threads, requests
  not cutting each other, and N articles sent at once (the answer written whole, then checked).
For each: articles_per_minute, seconds per article (median), failed articles. `http`: the
round trip of one small request (a tokenize call) and how many requests one article takes,
to tell what the HTTP path itself adds per article from what the different writing costs.
Prints JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from desktop.core import batch, pipeline
from desktop.core.input import read
from desktop.core.model import registry
from desktop.core.model.server import Server, ServerModel

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "eval" / "pages"


def unpack(count: int, max_words: int, folder: Path) -> list[Path]:
    files = []
    for page in sorted(PAGES.glob("*.html.gz")):
        target = folder / page.name[:-3]
        target.write_bytes(gzip.decompress(page.read_bytes()))
        try:
            article, _, _ = batch.load_article(str(target))
        except read.ArticleError:
            article = None
        if article is None or read.word_count(article.text) > max_words:
            target.unlink()
            continue
        files.append(target)
        if len(files) == count:
            break
    return files


def start_server(model: Path, port: int = 8931) -> tuple[subprocess.Popen, str]:
    # (as the tests run it: without the weight buffers that crash on AMX CPUs)
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "llama_server.py"), "--model", str(model), "--port", str(port),
                             "--n_ctx", "4096", "--n_threads", "2", "--n_threads_batch", "2",
                             "--interrupt_requests", "False"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    for _ in range(600):
        try:
            urllib.request.urlopen(f"{url}/models", timeout=2).close()
            return proc, url
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("llama_cpp.server did not start")


def run_batch(files: list[Path], model, jobs: int) -> dict:
    with tempfile.TemporaryDirectory() as out:
        items = batch.collect([str(f) for f in files])
        t0 = time.perf_counter()
        entries = batch.Batch(items, Path(out), model, jobs=jobs, fresh=True).run()
        seconds = time.perf_counter() - t0
    made = [e for e in entries if not e["error"]]
    return {"articles": len(items), "made": len(made), "failed": len(entries) - len(made),
            "seconds": round(seconds, 1), "articles_per_minute": round(60 * len(made) / seconds, 2),
            "median_seconds_per_article": round(statistics.median(e["seconds"] for e in made), 1) if made else None}


class _Counting(ServerModel):
    requests = 0

    def _open(self, request):
        _Counting.requests += 1
        return super()._open(request)


def http_costs(url: str, files: list[Path]) -> dict:
    model = _Counting(Server(url))
    model.connect()
    t0 = time.perf_counter()
    for _ in range(20):
        model.count("A short sentence to count.")
    round_trip = (time.perf_counter() - t0) / 20
    article, _, _ = batch.load_article(str(files[0]))
    _Counting.requests = 0
    pipeline.run(model, article, None, lambda: False, lambda *a: None)
    return {"round_trip_ms": round(1000 * round_trip, 1), "requests_per_article": _Counting.requests,
            "added_seconds_per_article": round(round_trip * _Counting.requests, 2)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="default")
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--max-words", type=int, default=1500)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    model = registry.resolve(args.model)
    results = {"model": model.label}
    with tempfile.TemporaryDirectory() as folder:
        files = unpack(args.pages, args.max_words, Path(folder))
        results["pages"] = [f.name for f in files]
        results["local"] = run_batch(files, model, 1)
        print(json.dumps({"local": results["local"]}), file=sys.stderr, flush=True)  # kept if stopped
        proc, url = start_server(model.path)
        try:
            for jobs in args.jobs:
                results[f"server_jobs_{jobs}"] = run_batch(files, Server(url), jobs)
                print(json.dumps({f"server_jobs_{jobs}": results[f"server_jobs_{jobs}"]}), file=sys.stderr, flush=True)
            results["http"] = http_costs(url, files)
        finally:
            proc.terminate()
            proc.wait()
    local = results["local"]["articles_per_minute"]
    for jobs in args.jobs:
        key = f"server_jobs_{jobs}"
        results[key]["to_local"] = round(results[key]["articles_per_minute"] / local, 2) if local else None
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
