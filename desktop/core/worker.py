"""The worker process: loads the model once and answers requests over a pipe.

Messages in: ("load", path, options), ("connect", url, model name, key) (a model behind an
OpenAI-compatible server; key "": the keyring's or the environment's), ("summarize", article,
language or None, length) and ("prepare", article, language or None, length) (read the article ahead, while the user has not
asked for its summary yet: stopped by Stop, and gone on with by the next request); options:
{"reuse": bool} (reuse evaluated prompt beginnings and articles; on in the app), "threads": int
(0: as many as the CPUs this process may use).
Messages out: ("loaded", info), ("part", number, parts) before each pass over a part of a long
article (number 0: joining the parts), ("reading", done, total), ("draft", fields) as the
answer grows, ("checking", number, questions) as the model is asked about the written note
(a Stop then keeps it), ("done", result) with the pipeline's result as plain data, ("prepared",),
("cancelled",) and ("error", kind, message[, traceback]).
"""

from __future__ import annotations

import os
import signal
import time
import traceback
from pathlib import Path


def main(conn, stop_flag) -> None:
    # Ctrl+C in a terminal reaches the whole process group: the parent stops the work (and
    # this process) in order, so the worker does not die of it mid-answer.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        _serve(conn, stop_flag)
    except (BrokenPipeError, ConnectionResetError):
        return  # the app closed its end mid-answer (it quit, or replaced this worker): nobody to tell


def _serve(conn, stop_flag) -> None:
    # Imported here, in the child, so the parent never loads llama.cpp.
    from desktop.core import pipeline
    from desktop.core.model import CONTEXT_VARIABLE, Cancelled, RunStats
    from desktop.core.model.server import Server, ServerError, ServerModel
    from desktop.core.writing import prompts

    def emit(*msg) -> None:
        conn.send(msg)

    model = None
    while True:
        try:
            request = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        kind = request[0]
        if kind == "load":
            from desktop.core.model.llama import LoadError, LocalModel  # not for a server's worker
            from desktop.core.model.session import Local

            t0 = time.perf_counter()
            options = request[2] if len(request) > 2 else {}
            try:
                model = Local(LocalModel(Path(request[1]), n_threads=options.get("threads") or None),
                              reuse=options.get("reuse", True), genre_odds=options.get("genre_odds"),
                              support_odds=options.get("support_odds"))
                # A model without a chat template, or that rearranges the chat, or whose
                # context is too small, is refused now rather than at every summary.
                model.model.prompt_segments(prompts.summary_prompt("A"))
                pipeline.check_room(model)
            except LoadError as exc:
                conn.send(("error", "load", str(exc)))
                continue
            except pipeline.ContextTooSmall as exc:  # maybe the size the user set
                told = f", or a larger ${CONTEXT_VARIABLE}" if os.environ.get(CONTEXT_VARIABLE) else ""
                conn.send(("error", "load", f"{str(exc).rstrip('.')}{told}."))
                continue
            except Exception as exc:  # llama.cpp may fail in ways of its own
                conn.send(("error", "load", f"The model could not be loaded: {type(exc).__name__}: {exc}"))
                continue
            conn.send(("loaded", {"n_ctx": model.n_ctx, "description": model.model.description,
                                  "seconds": time.perf_counter() - t0}))
            if options.get("reuse", True):
                try:  # while the user pastes: the summary starts sooner
                    model.prepare(prompts.summary_prompt("A"), stop_flag.is_set, keep=1)
                    model.context.foreign(frozenset({"LATIN"}))  # the tokens of other scripts
                except Cancelled:
                    pass
        elif kind == "connect":
            t0 = time.perf_counter()
            try:
                model = ServerModel(Server(request[1], request[2], request[3]))
                name = model.connect()
                pipeline.check_room(model)
            except (ServerError, pipeline.ContextTooSmall) as exc:
                conn.send(("error", "load", str(exc)))
                continue
            except Exception as exc:  # an answer no server should give: said, not a crash
                conn.send(("error", "load", f"The server cannot be used: {type(exc).__name__}: {exc}"))
                continue
            conn.send(("loaded", {"n_ctx": model.n_ctx, "description": name,
                                  "seconds": time.perf_counter() - t0}))
        elif kind == "prepare":
            try:
                # What the summary will read first: the questions of its genre, if it asks
                # them (answered then from memory), and its first prompt.
                article = pipeline.read_genre(model, request[1], request[2], request[3], RunStats(),
                                              stop_flag.is_set)
                model.prepare(pipeline.first_prompt(model, article, request[2], request[3]), stop_flag.is_set)
                conn.send(("prepared",))
            except Cancelled:
                conn.send(("cancelled",))
            except Exception as exc:
                conn.send(("error", "failed", f"{type(exc).__name__}: {exc}", traceback.format_exc()))
        elif kind == "summarize":
            try:
                result = pipeline.run(model, request[1], request[2], stop_flag.is_set, emit, request[3])
            except Cancelled:
                conn.send(("cancelled",))
            except ServerError as exc:  # a server that went away, or answered nonsense
                conn.send(("error", "failed", str(exc)))
            except Exception as exc:  # report (the log gets where), and stay alive for the next request
                conn.send(("error", "failed", f"{type(exc).__name__}: {exc}", traceback.format_exc()))
            else:
                conn.send(("done", pipeline.to_data(result)))
