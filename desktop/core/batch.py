"""Many articles at once: files, folders, links and lists of links, one note each, and a
report (`report.jsonl`) that also lets a stopped batch go on where it stopped.

Each finished article appends one line to the report (input, note, title, genre, checks,
seconds, error, settings), flushed to disk before the next begins; a note is written whole
or not at all. Running the same batch again skips the articles whose note was made with the
same settings and is still there. With a server, `jobs` articles are sent at once (each by
an engine of its own); the local model writes one at a time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from desktop.core.brief import Brief
from desktop.core.engine import Done, Engine, EngineError, ModelChoice, ModelLoadFailed, Stopped, identity
from desktop.core.input import read
from desktop.core.input.article import Article
from desktop.core.input.clean import Cleaned, clean
from desktop.core.input.fetch import fetch, is_link
from desktop.core.model.server import Server, ServerError, ServerModel
from desktop.core.note import formats
from desktop.core.note.markdown import write_atomic
from desktop.core.writing import prompts

REPORT = "report.jsonl"
STDIN = "-"


@dataclass(frozen=True)
class Item:
    """One article of a batch: where it comes from, and the note's file name."""

    source: str  # a file path, a link, or "-" for the text read from stdin
    name: str  # the note's file name in the output folder


def collect(inputs: Iterable[str], out: Path | None = None) -> list[Item]:
    """The articles the inputs name: files, the readable files in folders (and theirs, but
    not a notes folder `out` inside them), links, and files that list links one a line; the
    same article once. Raises ArticleError for an input that is none of these, or a folder
    that is the notes folder itself."""
    sources: list[str] = []
    notes = Path(out).resolve() if out is not None else None
    for given in map(str, inputs):
        path = Path(given)
        if given == STDIN or is_link(given):
            sources.append(given)
        elif path.is_dir():
            if notes == path.resolve():
                raise read.ArticleError(f"{given} is the folder the notes go to: choose another for them "
                                        "(a folder inside it is fine).")
            inside = notes if notes and notes.is_relative_to(path.resolve()) else None
            sources += sorted(str(p) for p in path.rglob("*")
                              if p.is_file() and p.suffix.lower() in read.OPENABLE and not p.name.startswith(".")
                              and not (inside and p.resolve().is_relative_to(inside)))
        elif path.is_file() and _lists_links(path):
            sources += [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        elif path.exists():
            sources.append(str(path))
        else:
            raise read.ArticleError(f"{given}: no such file or folder, and not a web address.")
    return [Item(source, f"{_stem(source)}.md") for source in dict.fromkeys(sources)]


def _lists_links(path: Path) -> bool:
    if path.suffix.lower() not in (".txt", ".urls", ".list") or path.stat().st_size > 1 << 20:
        return False
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError):
        return False
    return bool(lines) and all(is_link(line) for line in lines)


def _stem(source: str) -> str:
    if source == STDIN:
        return "stdin"
    if is_link(source):
        tail = re.sub(r"^https?://", "", source).rstrip("/")
        stem = re.sub(r"[^\w.-]+", "-", tail.rsplit("/", 1)[-1] if "/" in tail else tail)
        return re.sub(r"\.(html?|php|aspx?)$", "", stem)[:80].strip("-.") or "page"
    return Path(source).stem


def settings_key(model: ModelChoice, language: str | None, keep_clutter: bool,
                 length: prompts.Length = prompts.STANDARD) -> str:
    """What makes a note of the same article the same note: the model, the language, the
    length, the prompt and the cleaning."""
    raw = json.dumps([identity(model), language, prompts.PROMPT_VERSION, keep_clutter] +
                     ([length.name] if length != prompts.STANDARD else []))  # standard: as before lengths came
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def load_article(source: str, stdin_text: str = "", keep_clutter: bool = False) -> tuple[Article, Cleaned, read.Source]:
    """An input read, cleaned and checked, ready to summarize (ArticleError when it cannot be)."""
    if source == STDIN:
        page = read.Source(text=read.decode_text(stdin_text.encode("utf-8")))
        name = "stdin"
    elif is_link(source):
        page, name = fetch(source), source
    else:
        page, name = read.read(Path(source)), Path(source).name
    cleaned = clean(page.text)
    if keep_clutter:
        cleaned = Cleaned(text=cleaned.original)
    text = read.check(cleaned.text, name)
    return Article.build(text, page, cleaned), cleaned, page


def fingerprint(source: str, stdin_text: str = "") -> str:
    """What tells an input's content apart without reading it as an article: a file's bytes,
    the text on stdin; a link is its address (its page is not fetched again to compare)."""
    if source == STDIN:
        data = stdin_text.encode("utf-8")
    elif is_link(source):
        return source
    else:
        try:
            data = Path(source).read_bytes()
        except OSError:
            return ""  # read again, and its error reported, when its turn comes
    return hashlib.sha256(data).hexdigest()


def report_lines(out: Path) -> list[dict]:
    """The report's lines; a line cut short by a crash is left out (its article is made again)."""
    try:
        lines = (out / REPORT).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    entries = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("input"), str):
            entries.append(entry)
    return entries


class Batch:
    """Summarize `items` into notes in `out`. `progress(item, entry)` is called as each
    article ends (entry: its report line; None when it was made before and skipped).
    `stop()` ends it after the articles in progress are stopped; nothing written is lost."""

    def __init__(self, items: list[Item], out: Path, model: ModelChoice, language: str | None = None,
                 jobs: int = 1, fresh: bool = False, keep_clutter: bool = False, stdin_text: str = "",
                 length: prompts.Length = prompts.STANDARD):
        self.items = items
        self.out = Path(out)
        self.model = model
        self.language = language
        self.length = length
        self.jobs = max(1, jobs) if isinstance(model, Server) else 1  # one local model at a time
        self.fresh = fresh
        self.keep_clutter = keep_clutter
        self.stdin_text = stdin_text
        self.key = ""  # the settings, once the model is known (a server's by the name it gives)
        self._stopping = threading.Event()
        self._engines: list[Engine] = []
        self._lock = threading.Lock()

    def stop(self) -> None:
        self._stopping.set()
        for engine in list(self._engines):
            engine.cancel()

    @property
    def stopped(self) -> bool:
        return self._stopping.is_set()

    def run(self, progress: Callable[[Item, dict | None], None] = lambda item, entry: None) -> list[dict]:
        """The report lines of the articles made in this run."""
        self.out.mkdir(parents=True, exist_ok=True)
        if isinstance(self.model, Server):
            try:  # its model's name, which the notes and the settings go by; a dead server ends it now
                self.model = Server(self.model.url, ServerModel(self.model).connect(), self.model.key)
            except ServerError as exc:
                raise ModelLoadFailed(str(exc)) from exc
        self.key = settings_key(self.model, self.language, self.keep_clutter, self.length)
        previous = report_lines(self.out)
        self.items = self._named(previous)
        made = set() if self.fresh else {
            e["input"] for e in previous
            if e.get("settings") == self.key and not e.get("error") and e.get("note")
            and (self.out / e["note"]).is_file() and e.get("fingerprint") == fingerprint(e["input"], self.stdin_text)}
        todo = []
        for item in self.items:
            if item.source in made:
                progress(item, None)
            else:
                todo.append(item)
        entries: list[dict] = []
        engines = [Engine(reuse_answers=not self.fresh) for _ in range(min(self.jobs, len(todo)) or 1)]
        self._engines = engines
        free = list(engines)

        def record(item: Item, entry: dict | None) -> None:
            if entry is not None:  # None: stopped halfway, made again next time
                entries.append(entry)
                self._append(entry)
                progress(item, entry)

        try:
            with ThreadPoolExecutor(max_workers=len(engines)) as pool:
                running = {}
                queue = list(todo)
                try:
                    while queue or running:
                        while queue and free and not self.stopped:
                            item = queue.pop(0)
                            engine = free.pop()
                            running[pool.submit(self._one, engine, item)] = (engine, item)
                        if not running:
                            break
                        finished, _ = wait(running, return_when=FIRST_COMPLETED)
                        for future in finished:
                            engine, item = running.pop(future)
                            free.append(engine)
                            record(item, future.result())
                except BaseException:  # Ctrl+C, or a model that cannot load: the others stop too
                    self.stop()
                    for future, (_, item) in running.items():  # what ended meanwhile is kept
                        if future.exception() is None:
                            record(item, future.result())
                    raise
        finally:
            for engine in engines:
                engine.close()
        return entries

    def _named(self, previous: list[dict]) -> list[Item]:
        """The items with their notes' names: an input's own note from an earlier run keeps
        its name; a new one never takes a name another input's note has in this folder."""
        own = {e["input"]: e["note"] for e in previous if isinstance(e.get("note"), str)}
        taken = set(own.values())
        named = {}
        for item in self.items:
            if item.source in own:
                named[item.source] = own[item.source]
        for item in self.items:
            if item.source in named:
                continue
            name = formats.unused_name(item.name, lambda n: n in taken or (self.out / n).exists())
            taken.add(name)
            named[item.source] = name
        return [Item(item.source, named[item.source]) for item in self.items]

    def _one(self, engine: Engine, item: Item) -> dict | None:
        """One article's note, and its report line (None when stopped before it was done)."""
        t0 = time.perf_counter()
        entry = {"input": item.source, "note": None, "title": None, "genre": None, "checks": None,
                 "seconds": None, "error": None, "settings": self.key,
                 "fingerprint": fingerprint(item.source, self.stdin_text)}
        try:
            article, cleaned, page = load_article(item.source, self.stdin_text, self.keep_clutter)
            entry["genre"] = article.genre.kind
            done = None
            for event in engine.summarize(article, self.model, self.language, self.length):
                if isinstance(event, Done):
                    done = event
                elif isinstance(event, Stopped):
                    return None
            if done is None or not done.result.checked:  # stopped while the model checked it
                return None
            brief = Brief.of(done, cleaned, page, item.source, self.language, self.length)
            write_atomic(self.out / item.name, brief.markdown)
            entry.update(note=item.name, title=done.summary.title, checks=done.review.counts(),
                         genre=done.article.genre.kind)  # as the model may have read it
        except read.ArticleError as exc:
            entry["error"] = str(exc)
        except ModelLoadFailed:
            raise  # no article can be made: the batch ends with this message
        except EngineError as exc:
            if self.stopped:
                return None
            entry["error"] = str(exc)
        except OSError as exc:
            entry["error"] = f"Cannot write {self.out / item.name}: {exc.strerror or exc}"
        except Exception as exc:  # one article's fault is that article's, not the batch's
            entry["error"] = f"Unexpected error: {type(exc).__name__}: {exc}"
        entry["seconds"] = round(time.perf_counter() - t0, 2)
        return entry

    def _append(self, entry: dict) -> None:
        report = self.out / REPORT
        with self._lock, open(report, "a+b") as f:
            f.seek(0, os.SEEK_END)
            if f.tell():
                f.seek(-1, os.SEEK_END)
                if f.read(1) != b"\n":  # a line cut short by a crash stays a line of its own
                    f.write(b"\n")
            f.write((json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
