"""How long a finished, checked note takes, next to one plain pass of llama.cpp, side by side.

    .venv/bin/python benchmarks/speed.py [--models default test] [--articles 10] [--json]

For each model, on the user's example article and on `--articles` news pages of
../shared/eval/pages/ (cleaned as the app cleans them):
- app_seconds: the app's whole path through the core (article, prompt, worker process, the
  writer with its checks and mends, the review), stored answers off, from asking to the
  finished note; the rules were read when the model loaded, as in the app.
- floor_seconds: llama-cpp-python's low-level API and nothing of ours, same threads and batch
  size: the app's first prompt read in full batches, then as many tokens as the app wrote,
  greedily, one at a time. `note_to_single_pass` = app_seconds / floor_seconds (median and
  worst over the articles); `passes` and `prompt_tokens_all_passes` count what the app read.
- breakdown: where the app's seconds go: reading prompts, writing tokens, and the rest
  (checks, mends, questions and the pipe to the window).
- first_word_after_enter_seconds: the example article pasted (and read ahead by the worker,
  as the window does) 10 s before Ctrl+Enter; then the time to the title's first word.
  `first_word_cold_seconds`: the same without reading ahead.
- warm_seconds: the example again (its stored answer); window_shown_seconds: from launching
  a process that starts the app as `neutral-brief` does (offscreen) to its window shown;
  peak_rss_mb: the window's process and its model worker after summarizing the example.
Floor and app runs alternate per article. Prints JSON.
"""

from __future__ import annotations

import argparse
import atexit
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import llama_cpp
import numpy as np
from llama_cpp import _internals

from desktop.core import pipeline
from desktop.core.engine import Done, Draft, Engine, Prepared
from desktop.core.input import read
from desktop.core.input.article import Article
from desktop.core.input.clean import clean
from desktop.core.model import registry
from desktop.core.model import default_threads
from desktop.core.model.llama import BATCH, MAX_CONTEXT, LocalModel
from desktop.core.model.session import Local

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "article-el-salvador-cecot.txt"
PAGES = ROOT.parent / "shared" / "eval" / "pages"
READ_AHEAD_SECONDS = 10


def seed_article() -> Article:
    cleaned = clean(SEED.read_text(encoding="utf-8"))
    return Article.build(read.check(cleaned.text), cleaned=cleaned)


def page_articles(count: int) -> list[tuple[str, Article]]:
    """The first `count` English news pages of 300 to 1200 words (by key), as the app reads them."""
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    found = []
    for key in sorted(truth):
        html = gzip.decompress((PAGES / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
        try:
            source = read.from_html(html, url=truth[key]["url"])
            cleaned = clean(source.text)
            article = Article.build(read.check(cleaned.text), source, cleaned)
        except read.ArticleError:
            continue
        if article.english and article.genre.kind == "news report" and \
                300 <= read.word_count(article.text) <= 1200:
            found.append((key, article))
        if len(found) == count:
            break
    return found


class Floor:
    """Plain greedy decoding with llama-cpp-python's low-level API."""

    def __init__(self, path: Path):
        llama_cpp.llama_backend_init()
        params = llama_cpp.llama_model_default_params()
        params.use_extra_bufts = False  # as the app: repacked weights crash on some CPUs
        self.model = _internals.LlamaModel(path_model=str(path), params=params, verbose=False)
        ctx_params = llama_cpp.llama_context_default_params()
        ctx_params.n_ctx = min(MAX_CONTEXT, self.model.n_ctx_train())
        ctx_params.n_batch = ctx_params.n_ubatch = BATCH
        ctx_params.n_threads = ctx_params.n_threads_batch = default_threads()
        self.ctx = _internals.LlamaContext(model=self.model, params=ctx_params, verbose=False)
        self.batch = _internals.LlamaBatch(n_tokens=BATCH, embd=0, n_seq_max=1, verbose=False)
        self.n_vocab = self.model.n_vocab()

    def run(self, tokens: list[int], generated: int) -> float:
        t0 = time.perf_counter()
        llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(self.ctx.ctx), True)
        for i in range(0, len(tokens), BATCH):
            self.batch.set_batch(tokens[i:i + BATCH], n_past=i, logits_all=False)
            self.ctx.decode(self.batch)
        n_past = len(tokens)
        for _ in range(generated):
            logits = np.ctypeslib.as_array(self.ctx.get_logits_ith(-1), shape=(self.n_vocab,))
            self.batch.set_batch([int(logits.argmax())], n_past=n_past, logits_all=False)
            self.ctx.decode(self.batch)
            n_past += 1
        return time.perf_counter() - t0


def app_run(engine: Engine, article: Article, model: registry.ModelFile) -> dict:
    t0 = time.perf_counter()
    first = None
    for event in engine.summarize(article, model):
        if first is None and isinstance(event, Draft) and event.title.strip():
            first = time.perf_counter() - t0
        if isinstance(event, Done):
            return {"seconds": time.perf_counter() - t0, "first_word_seconds": first, "done": event}
    raise RuntimeError("the run ended without a summary")


def first_word(model: registry.ModelFile, article: Article, read_ahead: bool) -> float:
    """Seconds from Ctrl+Enter to the title's first word, the article pasted 10 s before."""
    engine = Engine(reuse_answers=False)
    try:
        list(engine.load(model))
        pasted = time.perf_counter()
        if read_ahead:
            assert any(isinstance(e, Prepared) for e in engine.prepare(article, model))
        time.sleep(max(0.0, READ_AHEAD_SECONDS - (time.perf_counter() - pasted)))
        return app_run(engine, article, model)["first_word_seconds"]
    finally:
        engine.close()


WINDOW_CHILD = r"""
import json, os, sys, time
launched, choice, seed, summarize = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4] == "1"
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from desktop.core.desktop_entry import APP_ID
app = QApplication(sys.argv[:1])
app.setOrganizationName(APP_ID)
app.setApplicationName(APP_ID)
QSettings().setValue("model/choice", choice)
report = {}

def peak_mb(pid="self"):  # VmHWM: ru_maxrss would count the launching process too
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024

def finish(window):
    window.setWindowModified(False)  # no "save the note?" question
    print(json.dumps(report), flush=True)
    window.close()

def shown():
    from desktop.core.engine import Done
    from desktop.ui.main_window import MainWindow
    from desktop.ui.runner import Failed
    window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
    report["window_shown_seconds"] = time.time() - launched
    report["visible"] = window.isVisible()
    if not summarize:
        return finish(window)
    def done(result):
        report["gui_peak_rss_mb"] = peak_mb()
        report["worker_peak_rss_mb"] = peak_mb(window.runner.engine.worker_pid)
        report["key_points"] = len(result.summary.key_points)
        finish(window)
    def reported(event):
        if isinstance(event, Done):
            done(event)
        elif isinstance(event, Failed):
            report.update(failed=event.message)
            finish(window)
    window.runner.event.connect(reported)
    window.article_edit.setPlainText(open(seed, encoding="utf-8").read())
    window.summarize()

QTimer.singleShot(0, shown)  # runs once the app's event loop starts, the window shown
from desktop.cli import main
main([])
"""


def window_run(choice: str, summarize: bool) -> dict:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{home}/config",
                   XDG_CACHE_HOME=f"{home}/cache", XDG_DATA_HOME=f"{home}/data")
        launched = time.time()
        out = subprocess.run([sys.executable, "-c", WINDOW_CHILD, str(launched), choice, str(SEED),
                              "1" if summarize else "0"], env=env, cwd=ROOT, capture_output=True,
                             text=True, timeout=900)
    if out.returncode != 0:
        raise RuntimeError(f"window run failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(name: str, count: int) -> dict:
    model = registry.resolve(name)
    *pages, spare = page_articles(count + 1)
    articles = [("example", seed_article()), *pages]
    helper = Local(LocalModel(model.path))  # the app's first prompt, to read the same tokens
    prompts_of = {key: [t for s in helper.model.prompt_segments(pipeline.first_prompt(helper, a, None)) for t in s]
                  for key, a in articles}
    del helper
    floor = Floor(model.path)
    engine = Engine(reuse_answers=False)
    rows = []
    try:
        list(engine.load(model))
        # Untimed: the worker's first run, on an article not measured (else its read state
        # would be reused by the timed run).
        app_run(engine, spare[1], model)
        for key, article in articles:
            app = app_run(engine, article, model)
            stats = app["done"].stats
            floor_seconds = floor.run(prompts_of[key], stats.generated_tokens)
            rows.append({
                "article": key, "words": read.word_count(article.text),
                "app_seconds": round(app["seconds"], 2), "floor_seconds": round(floor_seconds, 2),
                "note_to_single_pass": round(app["seconds"] / floor_seconds, 3),
                "passes": len(stats.passes),
                "prompt_tokens_all_passes": sum(p[0] for p in stats.passes),
                "prompt_tokens_read": stats.prompt_tokens, "generated_tokens": stats.generated_tokens,
                "breakdown_seconds": {"reading": round(stats.prompt_seconds, 2),
                                      "writing": round(stats.generation_seconds, 2),
                                      "rest": round(app["seconds"] - stats.prompt_seconds - stats.generation_seconds, 2)},
            })
            print(f"{name} {key}: app {app['seconds']:.1f}s, floor {floor_seconds:.1f}s", file=sys.stderr, flush=True)
    finally:
        engine.close()

    warm_engine = Engine()
    try:
        app_run(warm_engine, articles[0][1], model)
        warm = app_run(warm_engine, articles[0][1], model)
    finally:
        warm_engine.close()
    assert warm["done"].reused
    ratios = [r["note_to_single_pass"] for r in rows]
    window = window_run(name, summarize=True)
    return {
        "model": model.label,
        "model_sha256": model.sha256,
        "threads": default_threads(),
        "note_to_single_pass": {"median": round(statistics.median(ratios), 3), "worst": max(ratios)},
        "first_word_after_enter_seconds": round(first_word(model, articles[0][1], read_ahead=True), 2),
        "first_word_cold_seconds": round(first_word(model, articles[0][1], read_ahead=False), 2),
        "warm_seconds": round(warm["seconds"], 3),
        "window_shown_seconds": round(statistics.median(
            window_run(name, summarize=False)["window_shown_seconds"] for _ in range(3)), 2),
        "peak_rss_mb": {"gui": round(window["gui_peak_rss_mb"], 1),
                        "worker": round(window["worker_peak_rss_mb"], 1)},
        "articles": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON")
    parser.add_argument("--models", nargs="+", default=["default", "test"])
    parser.add_argument("--articles", type=int, default=10)
    args = parser.parse_args()
    # Answers stored by this run go to a folder of its own, not among the user's.
    os.environ["XDG_CACHE_HOME"] = cache = tempfile.mkdtemp(prefix="neutral-brief-speed-")
    atexit.register(shutil.rmtree, cache, ignore_errors=True)
    report = {name: measure(name, args.articles) for name in args.models}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
