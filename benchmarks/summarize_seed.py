"""Time one summary of the user's example article with each model, through the core's engine.

    .venv/bin/python benchmarks/summarize_seed.py [MODEL ...]    (default: test default)

The article is cleaned first, as the app does. Prints JSON: per model, the load time, prompt and generated tokens, seconds to the first
generated token (from the request, the model already loaded) and in total.
"""

import json
import sys
import time
from pathlib import Path

from desktop.core import article, models
from desktop.core.clean import clean
from desktop.core.engine import Done, Engine, Loaded

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article-el-salvador-cecot.txt"


def measure(name: str) -> dict:
    model = models.resolve(name)
    text = article.check(clean(SEED.read_text(encoding="utf-8")).text)  # as the app does
    engine = Engine(reuse_answers=False)
    try:
        t0 = time.perf_counter()
        loaded = [e for e in engine.load(model) if isinstance(e, Loaded)]
        load_seconds = time.perf_counter() - t0
        done = [e for e in engine.summarize(text, model) if isinstance(e, Done)][0]
    finally:
        engine.close()
    s = done.stats
    return {
        "model": model.label,
        "load_seconds": round(load_seconds, 2),
        "context": loaded[0].n_ctx,
        "prompt_tokens": s.prompt_tokens,
        "generated_tokens": s.generated_tokens,
        "prompt_seconds": round(s.prompt_seconds, 2),
        "first_token_seconds": round(s.first_token_seconds, 2),
        "total_seconds": round(s.total_seconds, 2),
        "prompt_tokens_per_second": round(s.prompt_tokens / s.prompt_seconds, 1),
        "generated_tokens_per_second": round(s.generation_rate, 1),
        "key_points": len(done.summary.key_points),
    }


if __name__ == "__main__":
    names = sys.argv[1:] or ["test", "default"]
    print(json.dumps({name: measure(name) for name in names}, indent=2))
