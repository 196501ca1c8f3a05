"""How fast a summary is, next to what llama.cpp itself allows, measured side by side.

    .venv/bin/python benchmarks/speed.py [--json] [--models default test] [--runs 3] [--articles 10]

For each model, on the user's example article cleaned as the app cleans it:
- floor: llama-cpp-python's low-level API and nothing of ours, same threads and batch size:
  for each pass the app made (the summary, then each rewritten sentence), a prompt of the same
  length (the app's own first prompt, cut to length) read in full batches, then as many tokens
  as the app wrote in that pass, greedily, one at a time, unconstrained;
- app_plain: the app's whole path through the core (cleaning, prompt, worker process,
  streaming, parsing, second pass, checks) with prompt lookup and saved prompt beginnings off:
  the same work as the floor;
- app: the same path as the app ships it (saved prompt beginnings on, prompt lookup off);
- app_lookup: the app with prompt lookup on, for `speculative_speedup` (generation time per
  token without / with it) and `identical_text` (the same answer as app_plain).
Floor and app runs alternate; figures are medians of `--runs`. Stored answers are off for these
and on for `warm_seconds` (the same text summarized again). `window_shown_seconds` is from
launching a Python process that starts the app as `neutral-brief` does (offscreen) to its
window shown; `peak_rss_mb` is the peak
memory of that window's process and of its model worker, after summarizing the article.
`--articles N` also summarizes N NeuS articles with and without prompt lookup, in one process,
to count how often batched evaluation changes the text.
"""

from __future__ import annotations

import argparse
import atexit
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

from desktop.core.input import read as article

from desktop.core.writing import form as generate

from desktop.core.model import registry as models

from desktop.core.writing import prompts
from desktop.core.input.clean import clean
from desktop.core.engine import Done, Engine, Text
from desktop.core.model.llama import BATCH, MAX_CONTEXT, LocalModel, default_threads
from desktop.core.language.lexicon import soften
from quality import EVAL, leads  # the same NeuS items as the quality benchmark

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "article-el-salvador-cecot.txt"


def seed_text() -> str:
    return article.check(clean(SEED.read_text(encoding="utf-8")).text)


class Floor:
    """Plain greedy decoding with llama-cpp-python's low-level API."""

    def __init__(self, path: Path):
        llama_cpp.llama_backend_init()
        params = llama_cpp.llama_model_default_params()
        params.use_extra_bufts = False  # as the app: repacked weights crash on this CPU
        self.model = _internals.LlamaModel(path_model=str(path), params=params, verbose=False)
        ctx_params = llama_cpp.llama_context_default_params()
        ctx_params.n_ctx = min(MAX_CONTEXT, self.model.n_ctx_train())
        ctx_params.n_batch = ctx_params.n_ubatch = BATCH
        ctx_params.n_threads = ctx_params.n_threads_batch = default_threads()
        self.ctx = _internals.LlamaContext(model=self.model, params=ctx_params, verbose=False)
        self.batch = _internals.LlamaBatch(n_tokens=BATCH, embd=0, n_seq_max=1, verbose=False)
        self.n_vocab = self.model.n_vocab()

    def run(self, prompt: list[int], passes: list[list[int]]) -> float:
        t0 = time.perf_counter()
        for prompt_tokens, generated in passes:
            tokens = (prompt * (prompt_tokens // len(prompt) + 1))[:prompt_tokens]
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


def app_run(engine: Engine, text: str, model: models.ModelFile) -> dict:
    t0 = time.perf_counter()
    first = None
    texts = 0
    for event in engine.summarize(text, model):
        if isinstance(event, Text) and event.delta:
            texts += 1
            if texts == 2 and first is None:  # the first is the form's label, then the model's
                first = time.perf_counter() - t0
        if isinstance(event, Done):
            return {"seconds": time.perf_counter() - t0, "first_token_seconds": first,
                    "done": event}
    raise RuntimeError("the run ended without a summary")


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
    from desktop.ui.main_window import MainWindow
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
    window.runner.finished.connect(done)
    window.runner.failed.connect(lambda message: (report.update(failed=message), finish(window)) and None)
    window.article_edit.setPlainText(open(seed, encoding="utf-8").read())
    window.summarize()

QTimer.singleShot(0, shown)  # runs once the app's event loop starts, the window shown
from desktop.cli import main
main([])
"""


def window_run(choice: str, summarize: bool) -> dict:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{home}/config",
                   XDG_CACHE_HOME=f"{home}/cache")
        launched = time.time()
        out = subprocess.run([sys.executable, "-c", WINDOW_CHILD, str(launched), choice, str(SEED),
                              "1" if summarize else "0"], env=env, cwd=ROOT, capture_output=True,
                             text=True, timeout=900)
    if out.returncode != 0:
        raise RuntimeError(f"window run failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(values) -> float:
    return round(statistics.median(values), 3)


def measure(name: str, runs: int) -> dict:
    model = models.resolve(name)
    text = seed_text()
    helper = LocalModel(model.path)  # builds the app's first prompt, to read the same tokens
    prompt = generate.form_prompt(helper, prompts.messages(soften(text)))
    del helper
    floor = Floor(model.path)
    plain_engine = Engine(speculative=False, reuse_prefixes=False, reuse_answers=False)
    app_engine = Engine(reuse_answers=False)
    lookup_engine = Engine(speculative=True, reuse_answers=False)
    engines = (plain_engine, app_engine, lookup_engine)
    try:
        for engine in engines:
            list(engine.load(model))
            app_run(engine, text, model)  # untimed: the worker's first run (and warm-up) done
        floor_plain, plain, app, lookup = [], [], [], []
        for _ in range(runs):
            plain.append(app_run(plain_engine, text, model))
            floor_plain.append(floor.run(prompt, plain[-1]["done"].stats.passes))
            app.append(app_run(app_engine, text, model))
            lookup.append(app_run(lookup_engine, text, model))
    finally:
        for engine in engines:
            engine.close()

    engine = Engine()
    try:
        app_run(engine, text, model)
        warm = [app_run(engine, text, model) for _ in range(runs)]
    finally:
        engine.close()
    assert all(w["done"].reused for w in warm)

    shown = [window_run(name, summarize=False)["window_shown_seconds"] for _ in range(runs)]
    window = window_run(name, summarize=True)

    p_done, a_done, l_done = plain[0]["done"], app[0]["done"], lookup[0]["done"]

    def per_token(runs):  # generation seconds per token, median over the runs
        return statistics.median(r["done"].stats.generation_seconds / r["done"].stats.generated_tokens
                                 for r in runs)

    floor_seconds = median(floor_plain)
    return {
        "model": model.label,
        "model_sha256": model.sha256,
        "threads": default_threads(),
        "prompt_tokens": p_done.stats.passes[0][0],
        "prompt_tokens_all_passes": sum(p[0] for p in p_done.stats.passes),
        "generated_tokens": p_done.stats.generated_tokens,
        "passes": len(p_done.stats.passes),
        "floor_seconds": floor_seconds,
        "app_plain_seconds": median(r["seconds"] for r in plain),
        "app_plain_to_floor": round(median(r["seconds"] for r in plain) / floor_seconds, 3),
        "app_seconds": median(r["seconds"] for r in app),
        "app_to_floor": round(median(r["seconds"] for r in app) / floor_seconds, 3),
        "app_same_answer_as_plain": a_done.raw == p_done.raw,
        "app_reused_prompt_tokens": a_done.stats.reused_tokens,
        "first_token_seconds": median(r["first_token_seconds"] for r in app),
        "first_token_seconds_plain": median(r["first_token_seconds"] for r in plain),
        "app_lookup_seconds": median(r["seconds"] for r in lookup),
        "speculative_speedup": round(per_token(plain) / per_token(lookup), 3),
        "lookup_generated_tokens": l_done.stats.generated_tokens,
        "drafted_tokens": l_done.stats.drafted_tokens,
        "accepted_tokens": l_done.stats.accepted_tokens,
        "identical_text": p_done.raw == l_done.raw,
        "warm_seconds": median(w["seconds"] for w in warm),
        "window_shown_seconds": median(shown),
        "peak_rss_mb": {"gui": round(window["gui_peak_rss_mb"], 1),
                        "worker": round(window["worker_peak_rss_mb"], 1)},
        "runs": runs,
    }


def speculative_check(name: str, count: int) -> dict:
    """The first `count` NeuS articles, summarized with and without prompt lookup."""
    model = LocalModel(models.resolve(name).path)
    model.saved_prefixes = None
    lines = (EVAL / "neus-val.source").read_text(encoding="utf-8").splitlines()
    identical, first_changes, plain_time, fast_time, plain_tokens, fast_tokens = 0, [], 0.0, 0.0, 0, 0
    for line in lines[:count]:
        text = soften(article.check(clean(leads(line)[0][1]).text))
        stop = lambda: False  # noqa: E731
        plain = generate.summarize(model, text, None, stop, lambda *a: None, speculative=False)
        fast = generate.summarize(model, text, None, stop, lambda *a: None, speculative=True)
        plain_time += plain.stats.generation_seconds
        fast_time += fast.stats.generation_seconds
        plain_tokens += plain.stats.generated_tokens
        fast_tokens += fast.stats.generated_tokens
        if plain.answer == fast.answer:
            identical += 1
        else:
            a, b = model.tokenize(plain.answer), model.tokenize(fast.answer)
            first_changes.append(next(i for i, (x, y) in enumerate(zip(a + [-1], b + [-2])) if x != y))
    return {"articles": count, "identical_texts": identical,
            "first_changed_token": first_changes,
            "speedup_per_token": round((plain_time / plain_tokens) / (fast_time / fast_tokens), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print only the JSON")
    parser.add_argument("--models", nargs="+", default=["default", "test"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=0,
                        help="also check prompt lookup's text on this many NeuS articles")
    args = parser.parse_args()
    # Answers stored by this run go to a folder of its own, not among the user's.
    os.environ["XDG_CACHE_HOME"] = cache = tempfile.mkdtemp(prefix="neutral-brief-speed-")
    atexit.register(shutil.rmtree, cache, ignore_errors=True)
    report = {}
    for name in args.models:
        report[name] = measure(name, args.runs)
        if args.articles:
            report[name]["speculative_articles"] = speculative_check(name, args.articles)
        if not args.json:
            shown = ("floor_seconds", "app_plain_seconds", "app_seconds", "app_to_floor",
                     "app_plain_to_floor", "first_token_seconds", "speculative_speedup",
                     "identical_text", "warm_seconds", "window_shown_seconds", "peak_rss_mb")
            print(f"{name}: " + ", ".join(f"{k} {report[name][k]}" for k in shown), file=sys.stderr)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
