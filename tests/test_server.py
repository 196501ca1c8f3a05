"""Summaries through an OpenAI-compatible server, and whole folders at once: the CLI, the
engine and batches run against llama-cpp-python's real server with the test model."""

import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
import yaml

from desktop.core.engine import Done, Draft, Engine, Stopped
from desktop.core.input.article import Article
from desktop.core.model.server import KEY_VARIABLE, Server, ServerError, ServerModel
from desktop.core.writing.form import parse_form
from desktop.core.writing.prompts import LENGTHS
from tests.conftest import FIXTURES, free_port, start_llama_server
from tests.longtext import long_article

ARTICLE = FIXTURES / "article-harbor-bridge.txt"
# Summaries here are short: their length is not what is tested, and the test model writes them sooner.


def cli(*args, env=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True,
                          text=True, env=env, timeout=600, **kwargs)


def note_parts(path):
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def test_a_note_through_the_server_has_the_form_and_checks_of_a_local_one(tmp_path, llama_server, test_model):
    local, remote = tmp_path / "local.md", tmp_path / "server.md"
    assert cli("summarize", ARTICLE, "-o", local, "--model", "test", "--length", "short").returncode == 0
    result = cli("summarize", ARTICLE, "-o", remote, "--backend", llama_server, "--length", "short")
    assert result.returncode == 0, result.stderr
    local_front, local_body = note_parts(local)
    front, body = note_parts(remote)
    assert front["backend"] == llama_server and local_front["backend"] == "local"
    assert front["model"] == str(test_model.path)  # the name the server gives its model
    assert "model_sha256" not in front
    assert set(front) - {"byline", "published"} == set(local_front) - {"model_sha256", "byline", "published"}
    assert set(front["checks"]) - {"flagged"} == set(local_front["checks"]) - {"flagged"}
    headings = [line for line in body.splitlines() if line.startswith("#")]
    assert headings == [f"# {front['title']}", "## Summary", "## Key points"]
    assert [line for line in local_body.splitlines() if line.startswith("##")] == headings[1:]
    assert "Connecting to" in result.stderr


def test_the_server_model_is_chosen_by_name_and_a_wrong_name_is_refused(llama_server, test_model):
    result = cli("summarize", ARTICLE, "--backend", llama_server, "--length", "short", "--server-model", "no-such-model")
    assert result.returncode == 3
    assert "has no model 'no-such-model'" in result.stderr and str(test_model.path) in result.stderr
    named = cli("summarize", ARTICLE, "--backend", llama_server, "--length", "short", "--server-model", str(test_model.path))
    assert named.returncode == 0, named.stderr
    assert named.stdout.startswith("---\n")


def test_a_server_that_is_down_or_a_bad_address_gets_a_clear_message():
    down = cli("summarize", ARTICLE, "--backend", f"http://127.0.0.1:{free_port()}/v1")
    assert down.returncode == 3
    assert "Cannot reach the server" in down.stderr and "Traceback" not in down.stderr
    bad = cli("summarize", ARTICLE, "--backend", "localhost")
    assert bad.returncode == 2 and "needs a URL" in bad.stderr


def test_the_api_key_comes_from_the_environment_and_is_written_nowhere(tmp_path, test_model):
    proc, url = start_llama_server(test_model.path, "--api_key", "sesame-1234")
    try:
        env = {k: v for k, v in os.environ.items() if k != KEY_VARIABLE}
        refused = cli("summarize", ARTICLE, "--backend", url, env=env)
        assert refused.returncode == 3
        assert "refused the API key (HTTP 401)" in refused.stderr
        note = tmp_path / "note.md"
        taken = cli("summarize", ARTICLE, "--backend", url, "--length", "short", "-o", note, env={**env, KEY_VARIABLE: "sesame-1234"})
        assert taken.returncode == 0, taken.stderr
        assert "sesame" not in note.read_text() and "sesame" not in taken.stderr
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class _Broken(http.server.BaseHTTPRequestHandler):
    """A server that answers like a web page, or not at all for a while."""

    delay = 0.0

    def do_GET(self):
        time.sleep(self.delay)
        body = b"<html><body>It works!</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def broken_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Broken)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    _Broken.delay = 0.0


def test_a_server_that_answers_no_json_or_too_slowly_gets_a_clear_message(broken_server):
    url = f"http://127.0.0.1:{broken_server.server_address[1]}/v1"
    with pytest.raises(ServerError, match="not JSON"):
        ServerModel(Server(url)).connect()
    _Broken.delay = 2.0
    with pytest.raises(ServerError, match="did not answer within 1 s"):
        ServerModel(Server(url), timeout=1.0).connect()


def test_stop_cancels_the_request_and_the_engine_goes_on(llama_server, article_text):
    engine = Engine(reuse_answers=False)
    try:
        article = Article.build(long_article(900))
        events = []
        for event in engine.summarize(article, Server(llama_server), None, LENGTHS["short"]):
            events.append(event)
            if isinstance(event, Draft):
                engine.cancel()
        assert isinstance(events[-1], Stopped)
        done = [e for e in engine.summarize(Article.build(article_text), Server(llama_server), None, LENGTHS["short"])
                if isinstance(e, Done)]
        assert done and done[0].summary.title
    finally:
        engine.close()


def _articles(folder, count):
    folder.mkdir()
    texts = [ARTICLE.read_text(), (FIXTURES / "article-water-prices.txt").read_text()]
    texts += [long_article(350, seed=n) for n in range(count - 2)]
    for n, text in enumerate(texts[:count]):
        (folder / f"article-{n}.txt").write_text(text)
    return sorted(folder.iterdir())


def _report(out):
    return [json.loads(line) for line in (out / "report.jsonl").read_text().splitlines()]


def test_batch_makes_a_note_per_article_and_a_report_and_skips_them_next_time(tmp_path, llama_server):
    files = _articles(tmp_path / "in", 2)
    (tmp_path / "in" / "notes.odt").write_text("not an article format")
    out = tmp_path / "notes"
    result = cli("batch", tmp_path / "in", "-o", out, "--backend", llama_server, "--length", "short", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    report = _report(out)
    assert sorted(r["input"] for r in report) == [str(f) for f in files]
    for entry in report:
        assert entry["error"] is None and entry["seconds"] > 0 and entry["genre"]
        assert isinstance(entry["checks"]["unsupported_claims"], int)
        front, _ = note_parts(out / entry["note"])
        assert front["title"] == entry["title"] and front["backend"] == llama_server
    again = cli("batch", tmp_path / "in", "-o", out, "--backend", llama_server, "--length", "short")
    assert again.returncode == 0 and "0 note(s) made, 2 made before" in again.stderr
    assert len(_report(out)) == 2
    (out / report[0]["note"]).unlink()  # a note deleted since: made again
    third = cli("batch", tmp_path / "in", "-o", out, "--backend", llama_server, "--length", "short")
    assert "1 note(s) made, 1 made before" in third.stderr
    assert (out / report[0]["note"]).is_file()


def test_batch_stopped_with_ctrl_c_loses_nothing_and_the_next_run_finishes_the_rest(tmp_path, llama_server):
    files = _articles(tmp_path / "in", 2)
    out = tmp_path / "notes"
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "batch", str(tmp_path / "in"), "-o", str(out),
                             "--backend", llama_server, "--length", "short"], stderr=subprocess.PIPE, text=True,
                            start_new_session=True,  # as from a terminal, even when the tests run in the background:
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not (out / "report.jsonl").is_file():
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl+C reaches the whole group
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Run the same command again to finish" in stderr and "Traceback" not in stderr
    first = _report(out)
    assert len(first) == 1
    for entry in first:
        assert (out / entry["note"]).read_text().startswith("---\n")
    assert not list(out.glob(".*.tmp"))  # no half-written note
    rest = cli("batch", tmp_path / "in", "-o", out, "--backend", llama_server, "--length", "short")
    assert rest.returncode == 0, rest.stderr
    report = _report(out)
    assert sorted(r["input"] for r in report) == [str(f) for f in files]  # each once
    assert "1 note(s) made, 1 made before" in rest.stderr


def test_batch_reads_links_and_stdin_and_reports_what_it_cannot_read(tmp_path, llama_server):
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(FIXTURES), **k)
    pages = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=pages.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{pages.server_address[1]}"
        links = tmp_path / "links.txt"
        links.write_text(f"{base}/page-harbor-bridge.html\n{base}/missing.html\n")
        out = tmp_path / "notes"
        result = cli("batch", links, "-", "-o", out, "--backend", llama_server, "--length", "short",
                     input=(FIXTURES / "article-water-prices.txt").read_text())
    finally:
        pages.shutdown()
    assert result.returncode == 1  # one article failed: said, and the others made
    report = {r["input"]: r for r in _report(out)}
    assert "HTTP 404" in report[f"{base}/missing.html"]["error"]
    page = report[f"{base}/page-harbor-bridge.html"]
    front, _ = note_parts(out / page["note"])
    assert front["source_url"] == f"{base}/page-harbor-bridge.html"
    assert report["-"]["error"] is None and (out / "stdin.md").is_file()


def test_a_second_stdin_article_is_made_anew_and_names_never_collide(tmp_path, llama_server):
    out = tmp_path / "notes"
    first = cli("batch", "-", "-o", out, "--backend", llama_server, "--length", "short", input=ARTICLE.read_text())
    assert first.returncode == 0, first.stderr
    again = cli("batch", "-", "-o", out, "--backend", llama_server, "--length", "short", input=ARTICLE.read_text())
    assert "0 note(s) made, 1 made before" in again.stderr
    other = cli("batch", "-", "-o", out, "--backend", llama_server, "--length", "short",
                input=(FIXTURES / "article-water-prices.txt").read_text())
    assert "1 note(s) made, 0 made before" in other.stderr  # new text on stdin: a new note
    assert "Water" in (out / "stdin.md").read_text()


def test_a_new_input_never_takes_the_name_of_another_inputs_note(tmp_path):
    from desktop.core import batch

    (tmp_path / "in" / "sub").mkdir(parents=True)
    for path in (tmp_path / "in" / "x.txt", tmp_path / "in" / "sub" / "x.txt"):
        path.write_text("text")
    out = tmp_path / "notes"
    out.mkdir()
    (out / "x.md").write_text("the note of in/x.txt")
    earlier = [{"input": str(tmp_path / "in" / "x.txt"), "note": "x.md"}]
    items = batch.Batch(batch.collect([tmp_path / "in"]), out, Server("http://127.0.0.1:1"))._named(earlier)
    names = {item.source: item.name for item in items}
    assert names[str(tmp_path / "in" / "x.txt")] == "x.md"
    assert names[str(tmp_path / "in" / "sub" / "x.txt")] == "x-2.md"


def test_the_notes_folder_is_never_read_as_articles(tmp_path):
    from desktop.core import batch
    from desktop.core.input.read import ArticleError

    articles = tmp_path / "articles"
    (articles / "notes").mkdir(parents=True)
    (articles / "a.txt").write_text("text")
    (articles / "notes" / "a.md").write_text("a note")
    assert [i.source for i in batch.collect([articles], articles / "notes")] == [str(articles / "a.txt")]
    assert [i.source for i in batch.collect([articles], tmp_path)] == [str(articles / "a.txt"),
                                                                        str(articles / "notes" / "a.md")]
    with pytest.raises(ArticleError, match="the folder the notes go to"):
        batch.collect([articles], articles)


@pytest.mark.parametrize("url, message", [
    ("http://127.0.0.1:abc/page", "nonnumeric port"),
    ("http://127.0.0.1:{closed}/wiki/Straße", "could not be fetched"),
    ("ftp://example.org/a", "not a web address"),
])
def test_a_link_that_cannot_be_fetched_gets_a_message(url, message):
    from desktop.core.input.fetch import fetch
    from desktop.core.input.read import ArticleError

    with pytest.raises(ArticleError, match=message):
        fetch(url.replace("{closed}", str(free_port())), timeout=5)  # a port free now, not at collection


def test_a_server_address_with_a_password_is_shown_without_it():
    chosen = Server("http://reader:secret@gpu-box:8000", "qwen", key="k-123")
    assert chosen.shown == "http://gpu-box:8000/v1" and "secret" not in chosen.label
    assert "k-123" not in repr(chosen)


@pytest.mark.parametrize("answer, expected", [
    ("Title: Port to open\nKey points:\n- The port opens.\n- Ships come.\nSummary: The port opens. Ships come.",
     ("Port to open", "The port opens. Ships come.", ["The port opens.", "Ships come."])),
    ("**Title:** Port to open\n\n**Key points:**\n1. The port opens\n2. Ships come\n  in May.\n\n**Summary:**\nIt opens.",
     ("Port to open", "It opens.", ["The port opens", "Ships come in May."])),
    ("Port to open\nKey points: 1. The port opens, 2. Ships come.\nSummary: It opens.",
     ("Port to open", "It opens.", ["The port opens.", "Ships come."])),
    ("## Title\nPort to open\n\n## Key Points\n- A.\n- B.\n\n## Summary\nIt opens. Then.",
     ("Port to open", "It opens. Then.", ["A.", "B."])),
    ("Title: X\nKey points:\n1. The vote is on June 3. Members agree.\n2. Other.\n\nThe paragraph after.",
     ("X", "The paragraph after.", ["The vote is on June 3. Members agree.", "Other."])),
    ("Title: X\n\nSummary: S first.\n\nKey points:\n- A.\n- B.", ("X", "S first.", ["A.", "B."])),
])
def test_an_answer_written_whole_is_parsed_whatever_its_markup(answer, expected):
    assert parse_form(answer) == expected


class _Scripted:
    """A session that writes the given answer piece by piece (for the form's rules alone; the
    server tests above run the real server)."""

    def __init__(self, answer: str, ends: bool):
        self.pieces, self.ends, self.text, self.piece = answer.split(" "), ends, "", None

    def propose(self):
        if self.piece is None and self.pieces:
            self.piece = (" " if self.text else "") + self.pieces.pop(0)
        return self.piece if self.piece is not None else (None if self.ends else " again")

    def take(self):
        self.text, self.piece = self.text + self.piece, None

    def logprob(self, start, end=None):
        return None


def test_an_answer_cut_short_loses_its_unfinished_sentence_and_a_point_keeps_one_sentence(monkeypatch):
    from desktop.core.writing import form

    answer = ("Title: Port opens\nKey points:\n- The port opened on Monday. Ships came at once.\n"
              "- The mayor spoke.\nSummary: The port opened on Monday. The mayor said that the")
    whole = form.WholeWriter(_Scripted(answer, ends=True), lambda *a: [], lambda *a: None).run()
    assert whole.key_points == ["The port opened on Monday.", "The mayor spoke."]
    assert whole.sentences == ["The port opened on Monday.", "The mayor said that the"]  # as the model ended it
    monkeypatch.setattr(form, "answer_tokens", lambda length: len(answer.split(" ")))  # the budget ends it mid-sentence
    cut = form.WholeWriter(_Scripted(answer, ends=False), lambda *a: [], lambda *a: None).run()
    assert cut.sentences == ["The port opened on Monday."]


@pytest.mark.parametrize("kind", ["unsupported", "negation"])
def test_a_summary_the_article_does_not_support_is_left_out_not_kept_as_a_fallback(kind):
    from desktop.core.checks.sentence import Problem
    from desktop.core.writing import form

    def judge(sentence, part, *rest):  # the summary copies the prompt's example, or denies what the article says
        return [Problem(kind, 0, len(sentence), sentence, "The article does not say this.")] \
            if part == "summary" else []

    answer = "Title: Lights festival opens\nKey points:\n- Artworks light the city.\nSummary: The city will double parking fees."
    whole = form.WholeWriter(_Scripted(answer, ends=True), judge, lambda *a: None).run()
    assert whole.sentences == [] and whole.key_points == ["Artworks light the city."]
    assert any("left out; the key points stand" in note for note in whole.notes)


def test_a_key_point_the_summary_of_an_answer_written_whole_tells_again_goes():
    from desktop.core.checks.sentence import Problem
    from desktop.core.writing import form

    def judge(sentence, part, before, *rest):  # the checker's repeat rule, in short
        return [Problem("repeat", 0, len(sentence), sentence, "Says again what the summary says.")] \
            if part == "point" and any(sentence.rstrip(".") in b for b in before) else []

    answer = ("Title: Port opens\nKey points:\n- The port opened on Monday.\n- Ships came at once.\n"
              "- The mayor spoke.\n- Fishermen stayed away.\nSummary: The port opened on Monday after a year of work.")
    whole = form.WholeWriter(_Scripted(answer, ends=True), judge, lambda *a: None).run()
    assert whole.sentences == ["The port opened on Monday after a year of work."]
    assert whole.key_points == ["Ships came at once.", "The mayor spoke.", "Fishermen stayed away."]
    # Below the form's three points too; the note tells of too few only where the model wrote
    # too few, not where the summary tells one of them.
    three = form.WholeWriter(_Scripted(answer.replace("- Fishermen stayed away.\n", ""), ends=True), judge,
                             lambda *a: None).run()
    assert three.key_points == ["Ships came at once.", "The mayor spoke."]
    assert not any("key point" in note for note in three.notes)
    two = form.WholeWriter(_Scripted(answer.replace("- The mayor spoke.\n- Fishermen stayed away.\n", ""), ends=True),
                           judge, lambda *a: None).run()
    assert two.key_points == ["Ships came at once."]
    assert "The model found only 2 key points that the article supports." in two.notes
