"""A model behind an OpenAI-compatible HTTP server (llama-server, Ollama, vLLM, LM Studio,
llama-cpp-python's `llama_cpp.server`), as the pipeline uses it (see `desktop.core.model`).

A server writes an answer as a whole: most servers cannot go on from an answer begun by the
client, so the writer cannot mend a sentence as it is written, as it does with the local
model. The answer is streamed, its form parsed and each sentence checked by the same
checker (`desktop.core.writing.form.WholeWriter`). Token probabilities are used where the
server gives them. Plain `urllib`: no dependency, and a request ends when its socket does.

The API key is read from the environment (`NEUTRAL_BRIEF_API_KEY`) or the system keyring,
never from a note or a settings file, and never written anywhere.
"""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit
from typing import Callable, Iterator

from desktop.core.model import Cancelled, Prompt, RunStats, mean_logprob

KEY_VARIABLE = "NEUTRAL_BRIEF_API_KEY"
KEYRING_SERVICE = "neutral-brief"
DEFAULT_CONTEXT = 4096  # when the server does not say how many tokens its context holds
# Seconds a server may take to send the next part of an answer. A busy server answers one
# request at a time (llama_cpp.server): a batch's later requests wait behind the others.
TIMEOUT = 600.0
ANSWER_LIMIT = 700  # tokens of one answer: a whole form (about 400) with room to spare


class ServerError(Exception):
    """The server cannot be used; the message is meant for the user."""


@dataclass(frozen=True)
class Server:
    """An OpenAI-compatible server chosen by the user: its base URL (ending in /v1, or not)
    and the name of its model ("" for the server's first model)."""

    url: str
    model: str = ""
    # A key given for this session only (typed in Preferences where there is no keyring);
    # empty: the keyring's or the environment's. Never shown, never written.
    key: str = field(default="", repr=False)

    @property
    def label(self) -> str:
        return f"{self.model or 'the server’s model'} at {self.shown}"

    @property
    def base(self) -> str:
        url = self.url.strip().rstrip("/")
        return url if url.endswith("/v1") else url + "/v1"

    @property
    def shown(self) -> str:
        """The address as notes and the window show it: without a user name or password."""
        parts = urlsplit(self.base)
        return urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else ""))) \
            if parts.hostname and "@" in parts.netloc else self.base

    @property
    def root(self) -> str:
        return self.base[:-len("/v1")]


def api_key(server: Server) -> str | None:
    """The key for this server: the one given with it, else the system keyring's for its
    address (when the `keyring` package and a keyring are there), else the environment's."""
    if server.key:
        return server.key
    try:
        import keyring

        stored = keyring.get_password(KEYRING_SERVICE, server.base)
    except Exception:  # no keyring package, or no keyring on this desktop
        stored = None
    return stored or os.environ.get(KEY_VARIABLE) or None


def store_key(server: Server, key: str) -> bool:
    """Keep the key in the system keyring; False when there is none (then the environment
    variable is the way)."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, server.base, key)
        return True
    except Exception:
        return False


def check(server: Server) -> str:
    """Connect to the server as a summary would, and say what was found (ServerError if not)."""
    model = ServerModel(server)
    name = model.connect()
    return f"Connected: {name}, a context of {model.n_ctx} tokens."


class ServerModel:
    """The server's model (see `desktop.core.model.Model`); `connect` first."""

    writes_into = False  # the answer is written whole (see the module's doc)
    genre_odds = None  # a server gives no odds to trust
    support_odds = None

    def __init__(self, server: Server, timeout: float = TIMEOUT):
        self.server = server
        self.timeout = timeout
        self.key = api_key(server)
        self.name = server.model
        self.n_ctx = DEFAULT_CONTEXT
        self._tokenize: Callable[[str], int] | None = None

    # -- connecting ----------------------------------------------------------------------

    def connect(self) -> str:
        """Check that the server answers, takes the key and has the model; learn its context
        size and how it counts tokens. Returns the model's name."""
        listed = self._get(f"{self.server.base}/models")
        models = listed.get("data") if isinstance(listed, dict) else None
        if not isinstance(models, list):
            raise ServerError(f"The server at {self.server.shown} answered /models with no list of models: "
                              f"is it an OpenAI-compatible server?")
        listed = {"data": [m for m in models if isinstance(m, dict)]}
        names = [str(m.get("id", "")) for m in listed["data"]]
        if not self.name:
            if not names:
                raise ServerError(f"The server at {self.server.shown} lists no model; give one by name.")
            self.name = names[0]
        elif names and self.name not in names:
            raise ServerError(f"The server at {self.server.shown} has no model {self.name!r}; it has: "
                              f"{', '.join(names)}.")
        self.n_ctx = self._context(listed) or DEFAULT_CONTEXT
        self._tokenize = self._tokenizer()
        return self.name

    def _context(self, listed: dict) -> int | None:
        for model in listed.get("data", []):
            if isinstance(model, dict) and model.get("id") == self.name:
                for key in ("max_model_len", "context_length", "n_ctx"):  # vLLM, LM Studio, others
                    if isinstance(model.get(key), int):
                        return model[key]
        try:  # llama-server
            props = self._get(f"{self.server.root}/props")
            return int(props["default_generation_settings"]["n_ctx"])
        except (ServerError, KeyError, TypeError, ValueError):
            return None

    def _tokenizer(self) -> Callable[[str], int]:
        """How the server counts tokens: llama-cpp-python's, llama-server's and vLLM's
        endpoints; else an estimate that errs on the long side (three characters a token)."""
        ways = [(f"{self.server.root}/extras/tokenize", lambda t: {"input": t}),
                (f"{self.server.root}/tokenize", lambda t: {"content": t, "model": self.name, "prompt": t})]
        for url, body in ways:
            try:
                answer = self._post(url, body("a b"))
            except ServerError:
                continue
            if isinstance(answer.get("tokens"), list):
                return lambda text, url=url, body=body: len(self._post(url, body(text))["tokens"])
        return lambda text: len(text) // 3 + 1

    # -- the Model interface -------------------------------------------------------------

    def count(self, text: str) -> int:
        return self._tokenize(text) if text else 0

    def prompt_tokens(self, prompt: Prompt) -> int:
        template = 24  # the chat template's own tokens, about
        return self.count(prompt.system) + self.count(prompt.lead + prompt.article + prompt.task) + template

    def prepare(self, prompt: Prompt, should_stop: Callable[[], bool], keep: int | None = None) -> RunStats:
        """Nothing to read ahead: the server reads the prompt when it is asked."""
        return RunStats()

    def session(self, prompt: Prompt, stats: RunStats, start: float, should_stop: Callable[[], bool],
                avoid: frozenset[str] = frozenset(), progress: Callable[[int, int], None] | None = None,
                scripts: frozenset[str] | None = None, quotable: frozenset[str] | None = None) -> "ServerSession":
        return ServerSession(self, prompt, stats, start, should_stop)

    # -- HTTP ----------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        return headers

    def _get(self, url: str) -> dict:
        return self._json(self._open(urllib.request.Request(url, headers=self._headers())), url)

    def _post(self, url: str, body: dict):
        return self._json(self._open(self._request(url, body)), url)

    def _request(self, url: str, body: dict) -> urllib.request.Request:
        return urllib.request.Request(url, data=json.dumps(body).encode(), headers=self._headers(),
                                      method="POST")

    def _open(self, request: urllib.request.Request):
        where = self.server.shown
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            detail = _error_detail(exc)
            if exc.code in (401, 403):
                raise ServerError(f"The server at {where} refused the API key (HTTP {exc.code}). Set "
                                  f"{KEY_VARIABLE} or store the key in Preferences.") from exc
            raise ServerError(f"The server at {where} answered HTTP {exc.code}"
                              f"{': ' + detail if detail else ''}.") from exc
        except (socket.timeout, TimeoutError) as exc:
            raise ServerError(f"The server at {where} did not answer within {self.timeout:.0f} s.") from exc
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise ServerError(f"The server at {where} did not answer within {self.timeout:.0f} s.") from exc
            raise ServerError(f"Cannot reach the server at {where}: {getattr(reason, 'strerror', None) or reason}. "
                              "Is it running, and is the address right?") from exc
        except (ValueError, OSError) as exc:
            raise ServerError(f"Cannot reach the server at {where}: {exc}") from exc

    def _json(self, response, url: str):
        with response:
            try:
                raw = response.read()
            except (socket.timeout, TimeoutError) as exc:
                raise ServerError(f"The server at {self.server.shown} did not answer within "
                                  f"{self.timeout:.0f} s.") from exc
        try:
            return json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ServerError(f"The server's answer to {url} is not JSON, as an OpenAI-compatible "
                              f"server's is: {raw[:80]!r}") from exc

    def stream(self, prompt: Prompt, should_stop: Callable[[], bool], logprobs: bool = True) \
            -> Iterator[tuple[str, float | None]]:
        """The answer to the prompt, piece by piece as the server sends it, with each piece's
        log-probability where the server gives one."""
        body = {"model": self.name, "stream": True, "temperature": 0, "max_tokens": ANSWER_LIMIT,
                "messages": [{"role": "system", "content": prompt.system},
                             {"role": "user", "content": prompt.lead + prompt.article + prompt.task}]}
        if logprobs:
            body.update(logprobs=True, top_logprobs=1)  # some servers give none without top_logprobs
        try:
            response = self._open(self._request(f"{self.server.base}/chat/completions", body))
        except ServerError as exc:
            if logprobs and ("HTTP 400" in str(exc) or "HTTP 422" in str(exc)):
                yield from self.stream(prompt, should_stop, logprobs=False)  # a server without them
                return
            raise
        with response:
            for data in _events(response, self):
                if should_stop():
                    raise Cancelled
                if "error" in data:
                    raise ServerError(f"The server failed: {_message(data['error'])}")
                try:
                    choice = data["choices"][0] if data.get("choices") else {}
                    piece = (choice.get("delta") or {}).get("content") or ""
                    found = ((choice.get("logprobs") or {}).get("content") or [])
                except (AttributeError, KeyError, TypeError) as exc:
                    raise ServerError(f"The server sent a part of its answer that is not an "
                                      f"OpenAI chat chunk: {str(data)[:80]}") from exc
                logprob = sum(t.get("logprob", 0.0) for t in found) / len(found) if found else None
                if piece:
                    yield piece, logprob
                if choice.get("finish_reason"):
                    return


def _events(response, model: ServerModel) -> Iterator[dict]:
    """The JSON events of a server-sent event stream."""
    while True:
        try:
            line = response.readline()
        except (socket.timeout, TimeoutError) as exc:
            raise ServerError(f"The server at {model.server.shown} stopped answering for "
                              f"{model.timeout:.0f} s.") from exc
        except OSError as exc:
            raise ServerError(f"The connection to {model.server.shown} broke: {exc}") from exc
        if not line:
            return
        line = line.strip()
        if not line.startswith(b"data:"):
            continue
        payload = line[5:].strip()
        if payload == b"[DONE]":
            return
        try:
            yield json.loads(payload)
        except ValueError as exc:
            raise ServerError(f"The server sent a part of its answer that is not JSON: {payload[:80]!r}") from exc


def _error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        data = json.loads(exc.read())
    except Exception:
        return ""
    return _message(data.get("error", data.get("detail", ""))) if isinstance(data, dict) else ""


def _message(error) -> str:
    if isinstance(error, dict):
        return str(error.get("message", error))[:200]
    return str(error)[:200]


class ServerSession:
    """One answer of the server's model, streamed (a `desktop.core.model.Session` whose answer
    is written by the model alone: `feed` and `cut` are not offered)."""

    def __init__(self, model: ServerModel, prompt: Prompt, stats: RunStats, start: float,
                 should_stop: Callable[[], bool]):
        self.stats = stats
        self.start = start
        self.text = ""
        self._written: list[tuple[int, float]] = []
        self._proposed: tuple[str, float | None] | None = None
        t0 = time.perf_counter()
        stats.passes.append([model.prompt_tokens(prompt), 0])
        self._pieces = model.stream(prompt, should_stop)
        self._t0 = t0

    def propose(self, avoid_start: frozenset[str] = frozenset()) -> str | None:
        if self._proposed is None:
            self._proposed = next(self._pieces, None)
            if self.stats.passes[-1][1] == 0 and self._proposed is not None:
                # The server read this pass's prompt before its first piece came.
                self.stats.prompt_seconds += time.perf_counter() - self._t0
                self.stats.prompt_tokens += self.stats.passes[-1][0]
                if self.stats.generated_tokens == 0:
                    self.stats.first_token_seconds = time.perf_counter() - self.start
        return None if self._proposed is None else self._proposed[0]

    def take(self) -> None:
        piece, logprob = self._proposed
        self._proposed = None
        self.text += piece
        if logprob is not None:
            self._written.append((len(self.text), logprob))
        self.stats.generated_tokens += 1
        self.stats.passes[-1][1] += 1

    def feed(self, text: str) -> None:
        raise NotImplementedError("a server's answer is written by its model alone")

    def cut(self, length: int) -> None:
        raise NotImplementedError("a server's answer is written by its model alone")

    def logprob(self, start: int, end: int | None = None) -> float | None:
        return mean_logprob(self._written, start, end)
