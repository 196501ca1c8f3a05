"""Model files from the Hugging Face hub, or any server that answers as it does (the
`HF_ENDPOINT` variable names it, as for Hugging Face's own tools): size and checksum asked
first, then the file downloaded into the models folder, resumable after a pause or a broken
connection, and verified by its sha256 before it is used."""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from desktop.core.model.registry import (CHUNK, ModelError, file_sha256, hash_file, locked, models_dir,
                                         remember_sha256)

DEFAULT_ENDPOINT = "https://huggingface.co"
TIMEOUT = 30  # seconds without an answer before a download stops (it resumes later)
REPO_FILE = re.compile(r"^(?P<repo>[\w.-]+/[\w.-]+)/(?P<file>[^/]+\.gguf)$")


class Paused(Exception):
    """The download was paused; what came is kept and the next download goes on from it."""


@dataclass(frozen=True)
class HubFile:
    repo: str  # "Qwen/Qwen2.5-3B-Instruct-GGUF"
    file: str  # "qwen2.5-3b-instruct-q4_k_m.gguf"
    revision: str = "main"

    @classmethod
    def parse(cls, text: str) -> "HubFile":
        """"OWNER/REPO/FILE.gguf" (ModelError when it is not)."""
        match = REPO_FILE.match(text.strip())
        if not match:
            raise ModelError(f"{text!r} is not a hub model: give OWNER/REPO/FILE.gguf, such as "
                             "Qwen/Qwen2.5-3B-Instruct-GGUF/qwen2.5-3b-instruct-q4_k_m.gguf.")
        return cls(match["repo"], match["file"])

    @property
    def url(self) -> str:
        endpoint = os.environ.get("HF_ENDPOINT", DEFAULT_ENDPOINT).rstrip("/")
        return f"{endpoint}/{self.repo}/resolve/{urllib.parse.quote(self.revision)}/{urllib.parse.quote(self.file)}"

    @property
    def path(self) -> Path:
        """Where it lands: the models folder, under its own name."""
        return models_dir() / self.file

    @property
    def partial(self) -> Path:
        return self.path.with_name(f".{self.file}.part")


@dataclass(frozen=True)
class Remote:
    size: int
    sha256: str  # "" when the server does not say (a file not stored with Git LFS)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the hub's first answer has the checksum; the file's host does not


class _KeepTokenHome(urllib.request.HTTPRedirectHandler):
    """Redirects followed, but the hub's token goes to the hub only, and never over plain
    http once the request was https."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            old, target = urllib.parse.urlsplit(req.full_url), urllib.parse.urlsplit(new.full_url)
            if old.scheme == "https" and target.scheme != "https":
                raise urllib.error.URLError("the hub redirected to an address that is not https")
            if target.netloc != old.netloc:
                new.remove_header("Authorization")
        return new


def _request(url: str, method: str = "GET", start: int = 0) -> urllib.request.Request:
    headers = {"User-Agent": "neutral-brief"}
    token = os.environ.get("HF_TOKEN")
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if start:
        headers["Range"] = f"bytes={start}-"
    return urllib.request.Request(url, method=method, headers=headers)


def _failure(hub: HubFile, exc: Exception) -> ModelError:
    if isinstance(exc, urllib.error.HTTPError):
        reason = {401: "the hub asks for an account: this model is gated (set HF_TOKEN)",
                  403: "the hub refuses access to it (a gated model: accept its terms on the hub, set HF_TOKEN)",
                  404: "no such file in that repository"}.get(exc.code, f"the hub answered HTTP {exc.code}")
    else:
        reason = f"the hub cannot be reached ({getattr(exc, 'reason', exc)}); try again when online"
    return ModelError(f"{hub.repo}/{hub.file}: {reason}.")


def remote(hub: HubFile) -> Remote:
    """The file's size and sha256, as the hub states them (ModelError when it cannot say).
    A redirect within the hub (a renamed repository) is followed; the one to the file's host
    carries the hub's answer in its headers."""
    opener = urllib.request.build_opener(_NoRedirect)
    url = hub.url
    for _ in range(5):
        try:
            response = opener.open(_request(url, "HEAD"), timeout=TIMEOUT)
        except urllib.error.HTTPError as exc:
            if exc.code not in (301, 302, 303, 307, 308):
                raise _failure(hub, exc) from exc
            response = exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise _failure(hub, exc) from exc
        headers = response.headers
        location = urllib.parse.urljoin(url, headers.get("Location", ""))
        if response.status in (200, 206) or headers.get("X-Linked-Size") or \
                urllib.parse.urlsplit(location).netloc != urllib.parse.urlsplit(url).netloc:
            break
        url = location
    size = headers.get("X-Linked-Size") or (headers.get("Content-Length") if response.status == 200 else "")
    if not (size or "").isdigit() or not int(size):
        raise ModelError(f"{hub.repo}/{hub.file}: the hub does not say how large the file is; "
                         "nothing was downloaded.")
    etag = (headers.get("X-Linked-Etag") or headers.get("ETag") or "").strip('"').removeprefix("W/").strip('"')
    return Remote(int(size), etag if re.fullmatch(r"[0-9a-f]{64}", etag) else "")


def download(hub: HubFile, progress: Callable[[int, int], None] = lambda done, total: None,
             should_stop: Callable[[], bool] = lambda: False) -> Path:
    """Download the file into the models folder and verify it; a file already there and
    whole is kept. Raises Paused when `should_stop` says so (what came is kept for the next
    call), ModelError when the hub refuses, cannot be reached, or sends another file."""
    expected = remote(hub)
    hub.path.parent.mkdir(parents=True, exist_ok=True)
    with locked(hub.path.with_name(hub.path.name + ".lock"), None):  # one download of a file at a time
        if hub.path.is_file() and hub.path.stat().st_size == expected.size and \
                (not expected.sha256 or file_sha256(hub.path) == expected.sha256):
            progress(expected.size, expected.size)
            return hub.path
        start = hub.partial.stat().st_size if hub.partial.is_file() else 0
        if start > expected.size:
            start = 0  # another file was begun under this name
        if start < expected.size:
            _receive(hub, expected, start, progress, should_stop)
        return _verified(hub, expected)


def _receive(hub: HubFile, expected: Remote, start: int, progress, should_stop) -> None:
    """Append the rest of the file to the partial file; what came stays when it stops."""
    opener = urllib.request.build_opener(_KeepTokenHome)
    try:
        response = opener.open(_request(hub.url, start=start), timeout=TIMEOUT)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise _failure(hub, exc) from exc
    with response:
        if start and response.status != 206:
            start = 0  # the server sends the whole file again
        with open(hub.partial, "r+b" if start else "wb") as out:
            out.seek(start)
            out.truncate()
            done = start
            progress(done, expected.size)
            while True:
                if should_stop():
                    raise Paused(f"Paused at {done / 1e6:,.0f} of {expected.size / 1e6:,.0f} MB.")
                try:
                    chunk = response.read(CHUNK)
                except OSError as exc:  # the connection broke: what came is kept
                    raise _failure(hub, exc) from exc
                if not chunk:
                    break
                out.write(chunk)
                done += len(chunk)
                progress(done, expected.size)
    if done < expected.size:  # the connection ended early: what came is kept
        raise ModelError(f"{hub.repo}/{hub.file}: the connection ended at {done / 1e6:,.0f} of "
                         f"{expected.size / 1e6:,.0f} MB; downloading again goes on from there.")


def _verified(hub: HubFile, expected: Remote) -> Path:
    """The whole partial file, checked and given its name; deleted when it is another file."""
    size = hub.partial.stat().st_size
    sha = hash_file(hub.partial)
    if size != expected.size or (expected.sha256 and sha != expected.sha256):
        hub.partial.unlink(missing_ok=True)
        raise ModelError(f"{hub.repo}/{hub.file}: the file that came is not the one the hub describes "
                         f"({size:,} bytes, sha256 {sha[:12]}…; expected {expected.size:,} bytes"
                         f"{', sha256 ' + expected.sha256[:12] + '…' if expected.sha256 else ''}). "
                         "It was deleted; download it again.")
    os.replace(hub.partial, hub.path)
    remember_sha256(hub.path, sha)  # so loading it does not hash it again
    return hub.path
