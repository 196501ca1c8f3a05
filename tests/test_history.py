"""The history: a real SQLite file, searched, read back, deleted; and the stored answers in it."""

import threading

from desktop.core.history import KEEP_ANSWERS, Entry, History


def entry(title: str, article: str, note: str = "", **more) -> Entry:
    return Entry(title=title, article=article, note=note or f"# {title}\n", result={"summary": title}, **more)


def test_notes_are_found_by_any_word_of_title_article_or_note_newest_first(tmp_path):
    history = History(tmp_path / "history.sqlite3")
    first = history.add(entry("Council approves harbour bridge", "The council voted 7 to 2 on Tuesday.",
                              model="SmolLM2", genre={"kind": "news report"}, source="/home/a/bridge.html"))
    second = history.add(entry("Café owners protest rent rises", "Owners of cafés in the old town marched."))
    third = history.add(entry("Résumé of the budget debate", "Ministers disagreed.", note="# x\nThe bridge budget."))

    assert [e.id for e in history.search()] == [third, second, first]
    assert [e.id for e in history.search("bridge")] == [first, third]  # the title's match ranks first
    assert [e.id for e in history.search("cafe")] == [second]  # accents do not matter
    assert [e.id for e in history.search("RESUME")] == [third]  # nor case
    assert [e.id for e in history.search("harb")] == [first]  # a word's beginning is enough
    assert [e.id for e in history.search("council tuesday")] == [first]  # every word must be there
    assert history.search("council budget") == []
    # What FTS5 would read as its own syntax is taken as words.
    for query in ('"', "AND", "bridge OR", "-x", "title:bridge", "NEAR(", "*"):
        history.search(query)

    found = history.search("bridge")[0]
    assert found.article == "" and found.source == "/home/a/bridge.html"  # the list needs no article
    whole = history.get(first)
    assert whole.article == "The council voted 7 to 2 on Tuesday." and whole.result == {"summary": whole.title}
    assert whole.genre == {"kind": "news report"} and whole.model == "SmolLM2" and whole.created


def test_deleting_one_or_all_leaves_no_trace_in_the_file(tmp_path):
    path = tmp_path / "history.sqlite3"
    history = History(path)
    kept = history.add(entry("Kept note", "An ordinary article about trains."))
    gone = history.add(entry("Private note", "A confidential letter about zanzibarian finances."))
    history.delete(gone)
    assert history.get(gone) is None and [e.id for e in history.search("zanzibarian")] == []
    assert history.get(kept) is not None
    assert b"zanzibarian" not in b"".join(p.read_bytes() for p in tmp_path.iterdir())

    with_answer = history.add(entry("Answered note", "An article.", answer="k2"))
    history.keep_answer("k2", {"answer": "quokkaesque"})
    history.delete(with_answer)  # its stored answer is the same summary: it goes too
    assert history.answer("k2") is None
    assert b"quokkaesque" not in b"".join(p.read_bytes() for p in tmp_path.iterdir())

    history.keep_answer("k1", {"answer": "zanzibarian"})

    history.clear()
    assert len(history) == 0 and history.answer("k1") is None
    files = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"zanzibarian" not in files and b"trains" not in files
    assert (path.stat().st_mode & 0o077) == 0  # readable by its user alone


def test_stored_answers_are_kept_up_to_a_limit_least_recently_used_first(tmp_path):
    history = History(tmp_path / "history.sqlite3")
    for i in range(KEEP_ANSWERS + 5):
        if i == KEEP_ANSWERS:
            assert history.answer("key0") == {"n": 0}  # used now: it stays
        history.keep_answer(f"key{i}", {"n": i})
    assert history.answer("key0") == {"n": 0}
    assert history.answer("key1") is None  # the oldest unused went
    assert history.answer(f"key{KEEP_ANSWERS + 4}") == {"n": KEEP_ANSWERS + 4}


def _at_once(work, threads: int = 4) -> list[Exception]:
    """Run work(0) ... work(threads - 1) in threads that all begin together: what they raised."""
    start = threading.Barrier(threads)
    errors = []

    def run(i: int) -> None:
        start.wait()
        try:
            work(i)
        except Exception as exc:  # pragma: no cover - what the tests look for
            errors.append(exc)

    running = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for t in running:
        t.start()
    for t in running:
        t.join()
    return errors


def test_notes_added_at_once_from_many_threads_are_all_kept(tmp_path):
    history = History(tmp_path / "history.sqlite3")

    def add(n: int) -> None:
        for i in range(10):
            History(history.path).add(entry(f"Note {n}-{i}", "Text."))
            History(history.path).keep_answer(f"{n}-{i}", {"n": n})

    assert not _at_once(add) and len(history) == 40


def test_a_new_history_opened_by_many_threads_at_once_takes_every_note(tmp_path):
    # A batch's threads each open the history; on a new file they all make it at once.
    for n in range(40):  # the race is lost by chance: many new files make losing it sure
        path = tmp_path / f"history{n}.sqlite3"
        assert not _at_once(lambda i: History(path).add(entry(f"Note {i}", "Text."))) and len(History(path)) == 4


def test_a_history_file_that_is_no_database_is_set_aside_not_lost(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"not a database " * 100)
    history = History(path)
    history.add(entry("New note", "Text."))
    [aside] = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert aside.read_bytes() == b"not a database " * 100
    assert [e.title for e in history.search()] == ["New note"]
