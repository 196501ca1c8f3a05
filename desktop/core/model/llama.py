"""A GGUF model loaded with llama.cpp's low-level API (through llama-cpp-python).

Only the worker process imports this: a native crash here must not take the app down.
"""

from __future__ import annotations

import ctypes
import logging
from pathlib import Path

import llama_cpp
import numpy as np
from llama_cpp import _internals

from desktop.core.model import Prompt, context_size, default_threads

# Longer contexts slow every token down (attention grows with them); long articles are read
# in parts instead (see pipeline.run). $NEUTRAL_BRIEF_CONTEXT gives another size.
MAX_CONTEXT = 4096
BATCH = 512


class LoadError(Exception):
    """The file is not a model llama.cpp can load."""


class LocalModel:
    def __init__(self, path: Path, n_ctx: int | None = None, n_threads: int | None = None):
        logging.getLogger("llama-cpp-python").setLevel(logging.ERROR)
        llama_cpp.llama_backend_init()
        model_params = llama_cpp.llama_model_default_params()
        # AMX/repacked weight buffers segfault on the first decode on Sapphire Rapids
        # (llama.cpp issue 20824); plain CPU buffers are safe everywhere.
        model_params.use_extra_bufts = False
        try:
            n_ctx = n_ctx or context_size(MAX_CONTEXT)  # a wrong setting is said before the load
        except ValueError as exc:
            raise LoadError(str(exc)) from exc
        try:
            self._model = _internals.LlamaModel(path_model=str(path), params=model_params, verbose=False)
        except ValueError as exc:
            raise LoadError(f"llama.cpp could not load {path.name}: not a supported GGUF model.") from exc
        self.n_ctx = min(n_ctx, self._model.n_ctx_train())
        threads = n_threads or default_threads()
        ctx_params = llama_cpp.llama_context_default_params()
        ctx_params.n_ctx = self.n_ctx
        ctx_params.n_batch = BATCH
        ctx_params.n_ubatch = BATCH
        ctx_params.n_threads = threads
        ctx_params.n_threads_batch = threads
        ctx_params.no_perf = True
        try:
            self._ctx = _internals.LlamaContext(model=self._model, params=ctx_params, verbose=False)
        except ValueError as exc:
            raise LoadError(f"llama.cpp could not make a context for {path.name}: {exc}") from exc
        self._batch = _internals.LlamaBatch(n_tokens=BATCH, embd=0, n_seq_max=1, verbose=False)
        self._vocab = self._model.vocab
        self.n_vocab = self._model.n_vocab()
        self.description = self._model.desc()
        self.n_params = self._model.n_params()
        self._template = llama_cpp.llama_model_chat_template(self._model.model, None)
        self._piece_buf = ctypes.create_string_buffer(256)
        # Evaluated prompt beginnings (see decoding.Decoder.read); None: never reuse them.
        self.saved_prefixes: dict[tuple[int, ...], bytes] | None = {}

    def chat_prompt(self, messages: list[dict[str, str]]) -> str:
        """The messages in the model's own chat template, ending where the assistant speaks."""
        if not self._template:
            raise LoadError("This model file has no chat template; pick an instruct (chat) model.")
        keep = [(m["role"].encode(), m["content"].encode()) for m in messages]
        chat = (llama_cpp.llama_chat_message * len(keep))(
            *[llama_cpp.llama_chat_message(role=r, content=c) for r, c in keep]
        )
        size = 2 * sum(len(r) + len(c) for r, c in keep) + 1024
        buf = ctypes.create_string_buffer(size)
        n = llama_cpp.llama_chat_apply_template(self._template, chat, len(keep), True, buf, size)
        if n > size:
            buf = ctypes.create_string_buffer(n + 1)
            n = llama_cpp.llama_chat_apply_template(self._template, chat, len(keep), True, buf, n + 1)
        if n < 0:
            raise LoadError("llama.cpp does not know this model's chat template.")
        return buf.raw[:n].decode("utf-8")

    def prompt_segments(self, prompt: Prompt) -> list[list[int]]:
        """The prompt's tokens in three segments: what every prompt shares (the template, the
        rules, the lead), the article, and the task with the answer's beginning. The chat
        template's own markup is read with its special tokens; all text (ours and the
        article's) as plain text, so an article that contains "<|im_start|>" cannot speak
        as the system."""
        marks = [f"\u27e6{i}\u27e7" for i in range(6)]  # ⟦0⟧ ...: no text contains them
        messages = [{"role": "system", "content": f"{marks[0]}{prompt.system}{marks[1]}"},
                    {"role": "user", "content": f"{marks[2]}{prompt.lead}{marks[3]}{prompt.article}"
                                                f"{marks[4]}{prompt.task}{marks[5]}"}]
        rest, pieces = self.chat_prompt(messages), []
        for mark in marks:
            before, found, rest = rest.partition(mark)
            if not found:
                raise LoadError("This model's chat template rearranges the messages; pick another model.")
            pieces.append(before)
        head, system, markup, lead, article, task = pieces
        fixed = (self._tokens(head, special=True, bos=True) + self._tokens(system)
                 + self._tokens(markup, special=True) + self._tokens(lead))
        return [fixed, self._tokens(article),
                self._tokens(task) + self._tokens(rest, special=True) + self._tokens(prompt.answer)]

    def answer_tokens(self, word: str) -> list[int]:
        """The tokens that begin an answer with this word ("yes", "Yes", " yes")."""
        return [t for t in range(self.n_vocab)
                if self.piece(t).decode("utf-8", "replace").strip().lower() == word]

    def _tokens(self, text: str, special: bool = False, bos: bool = False) -> list[int]:
        if not text:
            return []
        return self._model.tokenize(text.encode("utf-8"), add_bos=bos, special=special)

    def tokenize(self, text: str) -> list[int]:
        """Plain text's tokens (special tokens read as text)."""
        return self._tokens(text)

    def piece(self, token: int) -> bytes:
        n = llama_cpp.llama_token_to_piece(self._vocab, token, self._piece_buf, len(self._piece_buf), 0, False)
        return self._piece_buf.raw[:max(n, 0)]

    def is_end(self, token: int) -> bool:
        return bool(llama_cpp.llama_vocab_is_eog(self._vocab, token))

    def reset(self) -> None:
        llama_cpp.llama_memory_clear(llama_cpp.llama_get_memory(self._ctx.ctx), True)

    def decode(self, tokens: list[int], n_past: int, all_logits: bool = False) -> None:
        """Evaluate up to BATCH tokens at positions n_past.., keeping the last token's logits
        (or every token's, to score a text)."""
        self._batch.set_batch(tokens, n_past=n_past, logits_all=all_logits)
        self._ctx.decode(self._batch)

    def save_state(self) -> bytes:
        """The evaluated context, to restore it later instead of reading its tokens again."""
        ctx = self._ctx.ctx
        size = llama_cpp.llama_state_seq_get_size(ctx, 0)
        buf = (ctypes.c_uint8 * size)()
        return bytes(buf[:llama_cpp.llama_state_seq_get_data(ctx, buf, size, 0)])

    def load_state(self, state: bytes) -> None:
        self.reset()
        buf = (ctypes.c_uint8 * len(state)).from_buffer_copy(state)
        if llama_cpp.llama_state_seq_set_data(self._ctx.ctx, buf, len(state), 0) != len(state):
            raise RuntimeError("llama.cpp could not restore a saved context")

    def forget(self, position: int) -> None:
        """Drop the context from this position on (to write it differently)."""
        llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(self._ctx.ctx), 0, position, -1)

    def logits(self) -> np.ndarray:
        """The last decode's logits for the next token (a view: copy before changing it)."""
        return np.ctypeslib.as_array(self._ctx.get_logits_ith(-1), shape=(self.n_vocab,))

    def logprob(self, token: int, row: int = -1) -> float:
        """The log-probability of this token as the next one (from the last logits, or those
        of the decoded batch's token `row`)."""
        logits = np.ctypeslib.as_array(self._ctx.get_logits_ith(row), shape=(self.n_vocab,))
        top = float(logits.max())
        return float(logits[token]) - top - float(np.log(np.exp(logits - top).sum()))

    def greedy(self, banned: set[int] | None = None) -> int:
        """The most likely next token, none of `banned`; temperature 0: reproducible."""
        logits = self.logits()
        if not banned:
            return int(logits.argmax())
        logits = logits.copy()
        logits[list(banned)] = -np.inf
        return int(logits.argmax())

    def top(self, n: int) -> list[int]:
        """The n most likely next tokens, most likely first."""
        logits = self.logits()
        top = np.argpartition(-logits, n)[:n]
        return [int(t) for t in top[np.argsort(-logits[top])]]
