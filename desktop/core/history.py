"""What was summarized: every finished note with its article, searchable, in one SQLite file
in the user's data folder. The stored answers (the same text, model and settings give the
same answer, so a second summary of it is read instead of computed) live in it too.

Each call opens its own connection: the window, a batch's threads and the CLI may use the
file at once (SQLite's write-ahead log lets readers and one writer share it).
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

KEEP_ANSWERS = 500  # stored answers kept; the least recently used go first

_SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY,
    created TEXT NOT NULL,       -- ISO time, local
    title TEXT NOT NULL,
    source TEXT NOT NULL,        -- a file's path, a web address, or '' for pasted text
    model TEXT NOT NULL,
    genre TEXT NOT NULL,         -- JSON: kind, author, reason
    language TEXT NOT NULL,      -- the summary's language as asked ('' for the article's)
    length TEXT NOT NULL,
    article TEXT NOT NULL,
    note TEXT NOT NULL,          -- the Markdown note as saved
    result TEXT NOT NULL,        -- JSON: the summary with its checks (pipeline.to_data)
    answer TEXT NOT NULL DEFAULT ''  -- the key of its stored answer, deleted with it
);
CREATE VIRTUAL TABLE IF NOT EXISTS notes_text USING fts5(
    title, article, note, content='notes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS notes_added AFTER INSERT ON notes BEGIN
    INSERT INTO notes_text(rowid, title, article, note) VALUES (new.id, new.title, new.article, new.note);
END;
CREATE TRIGGER IF NOT EXISTS notes_deleted AFTER DELETE ON notes BEGIN
    INSERT INTO notes_text(notes_text, rowid, title, article, note)
    VALUES ('delete', old.id, old.title, old.article, old.note);
END;
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    used REAL NOT NULL
);
"""


@dataclass
class Entry:
    """One finished note and what it was made of."""

    title: str
    article: str
    note: str
    result: dict  # pipeline.to_data of the run
    model: str = ""
    genre: dict = field(default_factory=dict)  # kind, author, reason
    source: str = ""
    language: str = ""
    length: str = ""
    created: str = ""  # set when added
    answer: str = ""  # the key of its stored answer
    id: int = 0  # set when added


def default_path() -> Path:
    return Path(platformdirs.user_data_dir("neutral-brief")) / "history.sqlite3"


class History:
    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path is not None else default_path()
        self._ready = False

    @contextmanager
    def _db(self):
        """A connection in a transaction, the file and its tables made on first use."""
        if not self._ready:
            self._prepare()
        with closing(sqlite3.connect(self.path, timeout=15)) as db:
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA secure_delete=ON")  # what is deleted is overwritten, not left in free pages
            with db:
                yield db

    def _prepare(self) -> None:
        """Make the file and its tables. A file that is not a database (a crash of the disk,
        a file put there by hand) is set aside, renamed, never deleted, and a new one begun."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path.touch(mode=0o600)  # what users read may be private: theirs alone
        # Where answers were stored before they lived here: gone, so that Delete All leaves none.
        shutil.rmtree(Path(platformdirs.user_cache_dir("neutral-brief")) / "answers", ignore_errors=True)
        for attempt in range(2):
            try:
                with closing(sqlite3.connect(self.path, timeout=15)) as db:
                    _write_ahead(db)
                    db.executescript(_SCHEMA)
                break
            except sqlite3.DatabaseError as exc:
                if attempt or isinstance(exc, sqlite3.OperationalError):  # locked, read-only: not broken
                    raise
                aside = self.path.with_name(f"{self.path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
                log.warning("%s cannot be read (%s): kept as %s, and a new history begun", self.path, exc, aside)
                self.path.replace(aside)
                self.path.touch(mode=0o600)
        self._ready = True

    # -- notes --------------------------------------------------------------------------

    def add(self, entry: Entry) -> int:
        entry.created = entry.created or datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
        with self._db() as db:
            cursor = db.execute(
                "INSERT INTO notes (created, title, source, model, genre, language, length, article, note,"
                " result, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (entry.created, entry.title, entry.source, entry.model, json.dumps(entry.genre),
                 entry.language, entry.length, entry.article, entry.note, json.dumps(entry.result),
                 entry.answer))
            entry.id = cursor.lastrowid
        return entry.id

    def search(self, query: str = "", limit: int = 500) -> list[Entry]:
        """The notes whose title, article or note has every word of `query` (a word's
        beginning is enough; case and accents do not matter), best match first; with no
        query, all of them, newest first. Only their titles and where they came from are
        filled in: `get` reads one whole."""
        terms = _terms(query)
        with self._db() as db:
            if terms:
                rows = db.execute(
                    "SELECT n.id, n.created, n.title, n.source, n.model, n.genre, n.language, n.length"
                    " FROM notes_text JOIN notes n ON n.id = notes_text.rowid"
                    " WHERE notes_text MATCH ? ORDER BY bm25(notes_text, 10.0, 1.0, 2.0), n.id DESC LIMIT ?",
                    (terms, limit)).fetchall()
            else:
                rows = db.execute("SELECT id, created, title, source, model, genre, language, length"
                                  " FROM notes ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_entry(row) for row in rows]

    def get(self, entry_id: int) -> Entry | None:
        with self._db() as db:
            row = db.execute("SELECT * FROM notes WHERE id = ?", (entry_id,)).fetchone()
        return _entry(row) if row is not None else None

    def delete(self, entry_id: int) -> None:
        """The note, and its stored answer (the same summary), gone for good."""
        with self._db() as db:
            db.execute("DELETE FROM answers WHERE key IN (SELECT answer FROM notes WHERE id = ?)", (entry_id,))
            db.execute("DELETE FROM notes WHERE id = ?", (entry_id,))
            # The search index keeps a deleted note's words until its segments are merged.
            db.execute("INSERT INTO notes_text(notes_text) VALUES ('optimize')")
        self._checkpoint()

    def _checkpoint(self) -> None:
        """Write the log's pages into the file and empty the log, so that a deleted note
        stays in neither (a reader still busy may keep it for a moment; the next delete
        goes on)."""
        with closing(sqlite3.connect(self.path, timeout=15)) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def clear(self) -> None:
        """Every note and every stored answer goes; the file is compacted so that nothing of
        them stays on disk."""
        with self._db() as db:
            db.execute("DELETE FROM notes")
            db.execute("INSERT INTO notes_text(notes_text) VALUES ('delete-all')")
            db.execute("DELETE FROM answers")
        with closing(sqlite3.connect(self.path, timeout=15)) as db:
            db.execute("VACUUM")
        self._checkpoint()

    def __len__(self) -> int:
        with self._db() as db:
            return db.execute("SELECT count(*) FROM notes").fetchone()[0]

    # -- stored answers -----------------------------------------------------------------

    def answer(self, key: str) -> dict | None:
        """The answer stored under `key`, or None (also when it cannot be read)."""
        try:
            with self._db() as db:
                row = db.execute("SELECT data FROM answers WHERE key = ?", (key,)).fetchone()
                if row is None:
                    return None
                db.execute("UPDATE answers SET used = ? WHERE key = ?", (time.time(), key))
            data = json.loads(row["data"])
        except (sqlite3.Error, OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def keep_answer(self, key: str, data: dict) -> None:
        """Store an answer; a full disk or a read-only folder only costs the speed-up."""
        try:
            with self._db() as db:
                db.execute("INSERT OR REPLACE INTO answers (key, data, used) VALUES (?, ?, ?)",
                           (key, json.dumps(data), time.time()))
                db.execute("DELETE FROM answers WHERE key NOT IN "
                           "(SELECT key FROM answers ORDER BY used DESC LIMIT ?)", (KEEP_ANSWERS,))
        except (sqlite3.Error, OSError):
            pass


def _write_ahead(db: sqlite3.Connection, wait: float = 15) -> None:
    """Put the file in write-ahead-log mode. The switch needs the file to itself, and SQLite
    answers "locked" at once, without the connection's timeout, while another connection
    makes or switches the same new file (a batch's threads opening the history together):
    so it is asked again until the wait is over."""
    deadline = time.monotonic() + wait
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _terms(query: str) -> str:
    """The query as FTS5 reads it: each word quoted (so that no word is taken for an
    operator) and matched by its beginning."""
    words = re.findall(r"\w+", query)
    return " ".join(f'"{w}"*' for w in words)


def _entry(row: sqlite3.Row) -> Entry:
    keys = row.keys()
    return Entry(
        id=row["id"], created=row["created"], title=row["title"], source=row["source"], model=row["model"],
        genre=json.loads(row["genre"]), language=row["language"], length=row["length"],
        article=row["article"] if "article" in keys else "", note=row["note"] if "note" in keys else "",
        result=json.loads(row["result"]) if "result" in keys else {})
