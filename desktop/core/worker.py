"""The worker process: loads the model once and answers requests over a pipe.

Messages in: ("load", path, options) and ("summarize", article, language or None); options:
{"speculative": bool, "reuse_prefixes": bool} (see desktop.core.decoding).
Messages out: ("loaded", info), ("part", number, parts) before each pass over a part of a long
article (number 0: joining the parts), ("reading", done, total), ("text", delta), ("cut", length)
when the answer is cut back to its first `length` characters, ("checking", done, total) while
flagged sentences are rewritten (the final answer comes with "done"), ("done", stats, answer, info),
("cancelled",) and ("error", kind, message).
"""

from __future__ import annotations

import time
from dataclasses import asdict
from pathlib import Path


def main(conn, stop_flag) -> None:
    # Imported here, in the child, so the parent never loads llama.cpp.
    from desktop.core.decoding import Cancelled
    from desktop.core.generate import summarize, warm_up
    from desktop.core.llm import LoadError, LocalModel
    from desktop.core.neutrality import soften
    from desktop.core.neutralize import neutralize

    def emit(*msg) -> None:
        conn.send(msg)

    model = None
    options: dict = {}
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        kind = request[0]
        if kind == "load":
            t0 = time.perf_counter()
            options = request[2] if len(request) > 2 else {}
            try:
                model = LocalModel(Path(request[1]))
            except LoadError as exc:
                conn.send(("error", "load", str(exc)))
                continue
            conn.send(("loaded", {"n_ctx": model.n_ctx, "description": model.description,
                                  "seconds": time.perf_counter() - t0}))
            if not options.get("reuse_prefixes", True):
                model.saved_prefixes = None
                continue
            try:
                warm_up(model, stop_flag.is_set)  # while the user pastes: the summary starts sooner
            except Exception:  # e.g. no chat template: the summary itself will say so
                pass
        elif kind == "summarize":
            try:
                t0 = time.perf_counter()
                # The model reads the article without the loaded modifiers that can go safely:
                # a small model copies what it reads.
                speculative = options.get("speculative", False)
                result = summarize(model, soften(request[1]), request[2], stop_flag.is_set, emit,
                                   speculative)
                result.answer, dropped = neutralize(model, result.answer, request[1], request[2],
                                                    stop_flag.is_set, emit, result.stats, speculative)
                result.stats.total_seconds = time.perf_counter() - t0
            except Cancelled:
                conn.send(("cancelled",))
            except Exception as exc:  # report, and stay alive for the next request
                conn.send(("error", "failed", f"{type(exc).__name__}: {exc}"))
            else:
                conn.send(("done", asdict(result.stats), result.answer,
                           {"parts": result.parts, "coverage": result.coverage,
                            "unsupported_points_left_out": dropped}))
