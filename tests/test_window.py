"""The real window with the real test model, driven as a user drives it."""

import json
import os
import signal

import pytest
import yaml
from PySide6.QtCore import QMimeData, QSettings, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core import log
from desktop.core.engine import Done, Draft, Reading, Stopped
from desktop.ui.main_window import MainWindow
from desktop.ui.runner import Failed, Started
from tests.conftest import FIXTURES, runner_event

RUN_TIMEOUT_MS = 300_000


def made_brief(note: str = ""):
    """A finished summary as the window holds one, with the note `note`."""
    from desktop.core.brief import Brief
    from desktop.core.checks.review import Review
    from desktop.core.input.article import Article
    from desktop.core.model import RunStats
    from desktop.core.pipeline import Result
    from desktop.core.writing.form import Summary

    summary = Summary("Council approves bridge", ["The council voted for a bridge."], ["The vote was 7 to 2."])
    return Brief(Result(summary, Review(), RunStats(), 1, 1.0), Article("The council voted 7 to 2 for a bridge."),
                 note=note)


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.article_edit, key, modifiers)


def summarize(qtbot, window):
    with runner_event(qtbot, window.runner, Done):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_paste_summarize_save_copy_and_find_it_in_the_history(qtbot, window, article_text, tmp_path, monkeypatch):
    window.article_edit.setPlainText(article_text)
    summarize(qtbot, window)
    shown = window.result_view.toPlainText()
    assert "Summary" in shown and "Key points" in shown
    title = window.brief.title
    # Qt adds the app's name to the title itself: the window names only the note.
    assert window.windowTitle().startswith(title) and "Neutral Brief" not in window.windowTitle()
    assert not window.isWindowModified()  # the history keeps it: nothing to lose
    [kept] = window.history.search()
    assert kept.title == title and window.history.get(kept.id).article == article_text.strip()
    assert "tokens/s" in window.speed_label.text()

    target = tmp_path / "notes" / "bridge.md"
    target.parent.mkdir()
    offered = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: offered.append(a[2]) or (str(target), "Markdown note (*.md)"))
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert offered[0].endswith(".md") and offered[0] != ".md"  # named after the title
    text = target.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["model"] == "SmolLM2-135M-Instruct (Q4_1)" and meta["title"] == title
    assert f"# {meta['title']}" in body
    points = [line for line in body.split("## Key points")[1].splitlines() if line.startswith("- ")]
    assert 1 <= len(points) <= 7  # the tiny test model's unsupported points are left out
    assert meta["genre"] == "news report" and "checks" in meta
    assert window.article_edit.toPlainText() == article_text

    clipboard = QGuiApplication.clipboard()
    press(qtbot, window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    copied = clipboard.mimeData()
    assert copied.hasHtml() and "<h2>" in copied.html() and copied.html().count("<li>") == len(points)
    assert clipboard.text().startswith(title) and "---" not in clipboard.text() and "model:" not in clipboard.text()
    assert clipboard.text().count("• ") == len(points)
    press(qtbot, window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert clipboard.text() == body.lstrip("\n")  # the note's Markdown, without its front matter

    target_json = tmp_path / "notes" / "bridge"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target_json), "JSON (*.json)"))
    window.save_action.trigger()
    data = json.loads((tmp_path / "notes" / "bridge.json").read_text(encoding="utf-8"))
    assert data["title"] == title and len(data["key_points"]) == len(points)


def test_escape_stops_a_run_and_the_window_stays_usable(qtbot, window, long_article_text, article_text):
    window.article_edit.setPlainText(long_article_text)
    with runner_event(qtbot, window.runner, Reading):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not window.summarize_button.isEnabled() and window.stop_button.isEnabled()
    with runner_event(qtbot, window.runner, Stopped, 30_000):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert "Stopped" in window.state_label.text()
    assert window.article_edit.toPlainText() == long_article_text
    assert window.summarize_button.isEnabled() and not window.stop_button.isEnabled()

    window.article_edit.setPlainText(article_text)
    summarize(qtbot, window)
    assert "Key points" in window.result_view.toPlainText()


def test_a_crashed_model_process_is_reported_and_the_next_run_works(qtbot, window, long_article_text,
                                                                     article_text):
    log.setup()  # as the app does at its start
    window.article_edit.setPlainText(long_article_text)
    with runner_event(qtbot, window.runner, Reading):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with runner_event(qtbot, window.runner, Failed, 30_000):
        os.kill(window.runner.engine.worker_pid, signal.SIGKILL)
    assert window.error_banner.isVisible()
    assert "model process stopped unexpectedly" in window.error_banner.text()
    assert str(log.path()) in window.error_banner.text()  # where to look, and what to send
    assert "stopped unexpectedly (SIGKILL" in log.path().read_text(encoding="utf-8")
    assert window.article_edit.toPlainText() == long_article_text
    assert window.summarize_button.isEnabled()

    window.article_edit.setPlainText(article_text)  # shorter: the next run is tested, not the reading in parts
    summarize(qtbot, window)
    assert not window.error_banner.isVisible()
    assert "Key points" in window.result_view.toPlainText()


def test_too_little_text_gets_a_message_not_a_run(qtbot, menus_window):
    assert not menus_window.summarize_button.isEnabled()  # nothing pasted yet
    menus_window.article_edit.setPlainText("Breaking news.")
    assert menus_window.summarize_button.isEnabled()
    menus_window.summarize_button.click()
    assert "an article needs at least" in menus_window.error_banner.text()
    assert menus_window.article_edit.toPlainText() == "Breaking news."
    assert not [ask for ask in menus_window.runner.asked if ask[0] == "summarize"]


def test_shortcuts_are_shown_in_menus_and_tooltips(menus_window):
    expected = {
        menus_window.summarize_action: "Ctrl+Return",
        menus_window.stop_action: "Esc",
        menus_window.save_action: QKeySequence(QKeySequence.StandardKey.Save).toString(),
        menus_window.copy_action: "Ctrl+Shift+C",
        menus_window.open_action: QKeySequence(QKeySequence.StandardKey.Open).toString(),
    }
    menus = [a for menu in menus_window.menuBar().actions() for a in menu.menu().actions()]
    for action, keys in expected.items():
        assert action.shortcut().toString() == keys
        assert keys in action.toolTip()
        assert action in menus
    assert "Ctrl+Return" in menus_window.summarize_button.toolTip()
    assert "Esc" in menus_window.stop_button.toolTip()


def test_open_article_replaces_text_undoably_and_refuses_unreadable_files(
        qtbot, menus_window, tmp_path, monkeypatch):
    path = tmp_path / "article.txt"
    path.write_text("Une phrase en français, écrite en Latin-1.\n" * 10, encoding="latin-1")
    menus_window.article_edit.setPlainText("what I pasted before")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    press(qtbot, menus_window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: menus_window.article_edit.toPlainText().startswith("Une phrase en français"))
    menus_window.article_edit.undo()
    assert menus_window.article_edit.toPlainText() == "what I pasted before"

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "x.png"), ""))
    menus_window.open_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings))
    assert "Neutral Brief opens" in warnings[0]
    assert menus_window.article_edit.toPlainText() == "what I pasted before"


def test_closing_with_an_unsaved_summary_asks_first(qtbot, menus_window, monkeypatch):
    menus_window.setWindowModified(True)
    asked = []

    def cancel(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    menus_window.close()
    assert asked and menus_window.isVisible()


def test_a_model_file_of_the_users_own_is_used_and_remembered(qtbot, window, test_model, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(test_model.path), ""))
    window.open_model_action.trigger()
    assert window.settings.value("model/choice") == str(test_model.path)
    assert not any(action.isChecked() for action in window.model_actions.values())
    qtbot.waitUntil(lambda: window.model_label.text() == "Model: SmolLM2-135M-Instruct.Q4_1.gguf",
                    timeout=RUN_TIMEOUT_MS)


def paste(qtbot, window, html="", text=""):
    mime = QMimeData()
    if html:
        mime.setHtml(html)
    mime.setText(text)
    clipboard = QGuiApplication.clipboard()
    clipboard.setMimeData(mime)
    window.article_edit.setFocus()
    press(qtbot, window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # Free our QMimeData now: at process exit Qt would delete it after Python is gone (a crash).
    clipboard.clear()


def test_pasted_clutter_is_removed_shown_and_can_be_undone(qtbot, menus_window, article_text):
    paste(qtbot, menus_window, text=article_text)
    qtbot.waitUntil(menus_window.article.clean_bar.isVisible)
    shown = menus_window.article_edit.toPlainText()
    assert "ADVERTISEMENT" not in shown and "View All" not in shown
    assert "A public hearing on the route is set for May 14." in shown
    assert menus_window.article.clean_bar.isVisible()
    assert menus_window.article.clean_label.text() == "Removed 10 lines of page clutter."
    menus_window.article.show_removed_button.click()
    assert menus_window.article.removed_list.isVisible() and menus_window.article.removed_list.count() == 10
    assert menus_window.article.removed_list.item(1).text() == "advertisement marker: ad-image"
    menus_window.article.undo_clean_button.click()
    assert menus_window.article_edit.toPlainText() == article_text
    assert not menus_window.article.clean_bar.isVisible() and not menus_window.article.removed_list.isVisible()


def test_a_web_page_copied_from_a_browser_pastes_as_its_article(qtbot, menus_window):
    html = (FIXTURES / "page-harbor-bridge.html").read_text()
    paste(qtbot, menus_window, html=html, text="Home News Sport Weather Subscribe … harborfan77 …")
    qtbot.waitUntil(lambda: menus_window.article_edit.toPlainText().startswith("Harbor town"))
    shown = menus_window.article_edit.toPlainText()
    assert shown.startswith("Harbor town approves bridge plan after heated debate")
    assert "A public hearing on the route is set for May 14." in shown
    assert "harborfan77" not in shown and "Cheap flights" not in shown and "By Jonas Field" not in shown


def test_a_small_paste_into_an_article_is_an_ordinary_edit(qtbot, menus_window, article_text):
    menus_window.article_edit.setPlainText("The council met on Monday.")
    menus_window.article_edit.moveCursor(menus_window.article_edit.textCursor().MoveOperation.End)
    paste(qtbot, menus_window, text=" ADVERTISEMENT")
    assert menus_window.article_edit.toPlainText() == "The council met on Monday. ADVERTISEMENT"


def test_a_dropped_file_is_opened_and_cleaned(qtbot, menus_window):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES / "article-water-prices.txt"))])
    menus_window.article_edit.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: menus_window.article_edit.toPlainText().startswith("Water prices"))
    shown = menus_window.article_edit.toPlainText()
    assert shown.startswith("Water prices to rise 8 percent")
    assert "Sign up for our morning newsletter" not in shown
    assert menus_window.article.clean_bar.isVisible()


@pytest.fixture
def pages():
    """A local web server with the test pages: its address."""
    import http.server
    import threading

    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(FIXTURES), **k)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_link_opened_or_dropped_is_fetched_as_the_article_and_a_bad_one_said(qtbot, menus_window, pages, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    url = f"{pages}/page-harbor-bridge.html"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (url, True)))
    qtbot.keyClick(menus_window.article_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "bridge" in menus_window.article_edit.toPlainText().lower(), timeout=20_000)
    assert url in menus_window.state_label.text()
    assert menus_window._source.url == url

    menus_window.article_edit.clear()
    mime = QMimeData()
    mime.setUrls([QUrl(f"{pages}/article-water-prices.txt")])
    menus_window.article_edit.insertFromMimeData(mime)
    qtbot.waitUntil(lambda: menus_window.article_edit.toPlainText().startswith("Water prices"), timeout=20_000)

    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    menus_window.load_link(f"{pages}/gone.html")
    qtbot.waitUntil(lambda: bool(warned), timeout=20_000)
    assert "HTTP 404" in warned[0]
    assert menus_window.article_edit.toPlainText().startswith("Water prices")  # the article stays


def test_the_note_records_byline_coverage_and_parts(qtbot, window, tmp_path, monkeypatch):
    window.load_article(FIXTURES / "article-water-prices.txt")
    qtbot.waitUntil(lambda: window.article_edit.toPlainText().startswith("Water prices"))
    summarize(qtbot, window)
    target = tmp_path / "water.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.save_action.trigger()
    meta = yaml.safe_load(target.read_text().split("---\n")[1])
    assert meta["byline"] == "By Anna Lee"
    assert meta["published"] == "Published 10:32 AM EST, March 3, 2026"
    assert meta["coverage"] == 1.0 and meta["parts"] == 1


def test_summary_language_choice_persists(qtbot, menus_window):
    menus_window.language_actions["French"].trigger()
    assert menus_window.language == "French"
    assert menus_window.language_actions["French"].isChecked()
    assert not menus_window.language_actions[None].isChecked()


def test_stop_pressed_while_the_model_still_loads_cancels_the_waiting_summary(
        qtbot, window, article_text, test_model, monkeypatch):
    # A model load is queued first (as at start-up, or after picking a model): the summary
    # waits behind it, and Esc must stop that summary, not be forgotten.
    window.runner.load(str(test_model.path))
    window.article_edit.setPlainText(article_text)
    with runner_event(qtbot, window.runner, Stopped):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        press(qtbot, window, Qt.Key.Key_Escape)
    assert window.result_view.toPlainText() == ""
    assert window.summarize_button.isEnabled()
    summarize(qtbot, window)  # and the next run is not stopped by the old request
    assert "Key points" in window.result_view.toPlainText()


def test_a_new_summary_offers_to_save_the_unsaved_one(qtbot, window, article_text, monkeypatch):
    window.settings.setValue("history/enabled", "false")  # with the history on, nothing is lost
    window.article_edit.setPlainText(article_text)
    summarize(qtbot, window)
    assert window.isWindowModified()
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    window.summarize_action.trigger()
    assert asked and not window._running  # cancelled: the unsaved note stays
    assert "Key points" in window.result_view.toPlainText()


def _rect_of(view, text, after=""):
    """Where `text` stands in the summary pane (after the text `after`, scrolled into view),
    in viewport coordinates."""
    start = view.document().find(after).selectionEnd() if after else 0
    cursor = view.document().find(text, start)
    assert not cursor.isNull(), f"{text!r} is not shown"
    cursor.setPosition(cursor.selectionStart() + min(2, len(text) // 2))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    return view.cursorRect(cursor)


def test_flagged_wording_is_highlighted_with_its_reason(qtbot):
    from desktop.core.checks.evidence import Evidence
    from desktop.core.checks.review import Flag, Review
    from desktop.core.writing.form import Summary
    from desktop.ui.summary_view import SummaryView

    view = SummaryView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    hovered = []
    view.flag_hovered.connect(hovered.append)
    summary = Summary(title="Council approves bridge", sentences=["The reckless plan passed."],
                      key_points=["The bridge will open in May."])
    flags = [Flag("summary", 0, 4, 11, "reckless", "opinion", "“reckless” judges, but no one owns it."),
             Flag("point", 0, 0, 28, "The bridge will open in May.", "modality",
                  "The article says “could” here: the sentence tells it as a fact.")]
    view.show_summary(summary, Review(flags=flags, evidence=[Evidence(((0, 5),), 1.0)]))
    for flag in flags:
        qtbot.mouseMove(view.viewport(), _rect_of(view, flag.text).center())
        qtbot.waitUntil(lambda: any(flag.reason in h for h in hovered), timeout=5000)


def test_clicking_a_key_point_highlights_its_evidence_in_the_article(qtbot, window, article_text, test_model):
    from desktop.core.checks import sentence as checker
    from desktop.core.checks.review import review
    from desktop.core.input.article import Article
    from desktop.core.model import RunStats
    from desktop.core.pipeline import Result
    from desktop.core.writing.form import Summary

    text = article_text.split("Image:")[0].strip()
    window.article_edit.setPlainText(text)
    article = Article.build(text)
    points = ["The bridge will be 480 metres long.", "Mayor Lena Ortiz said the vote was a turning point."]
    summary = Summary("Port Alder approves bridge", ["The council voted for a bridge."], points)
    result = Result(summary, review(summary.title, summary.summary, points, checker.Context(article)),
                    RunStats(), 1, 1.0)
    window.runner.event.emit(Done(result, test_model, article))  # as the runner reports a summary
    qtbot.mouseClick(window.result_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=_rect_of(window.result_view, points[0][:30], "Key points").center())
    shown = window.evidence_shown
    assert shown and all(s.replace("\u2029", "\n") in text for s in shown)
    assert "480 metres long" in " ".join(shown)
    assert "Key point 1" in window.state_label.text()


def test_a_key_point_without_evidence_is_marked(qtbot):
    from desktop.core.checks.review import Review
    from desktop.core.checks.evidence import Evidence
    from desktop.core.writing.form import Summary
    from desktop.ui.summary_view import SummaryView

    view = SummaryView()
    qtbot.addWidget(view)
    summary = Summary(title="T", sentences=["S."], key_points=["Found.", "Invented."])
    view.show_summary(summary, Review(evidence=[Evidence(((0, 6),), 1.0), Evidence((), 0.1)]))
    text = view.toPlainText()
    assert "Found." in text and "Invented. (no supporting sentence found in the article)" in text
    assert "1 of 2 key points found in the article" in text


def test_the_kind_of_text_and_whose_word_it_is_are_shown_above_the_summary(qtbot):
    from desktop.core.checks.review import Review
    from desktop.core.input.genre import Genre
    from desktop.core.writing.form import Summary
    from desktop.ui.summary_view import SummaryView

    view = SummaryView()
    qtbot.addWidget(view)
    summary = Summary(title="T", sentences=["In a press release, Harbor Ferries says that it adds boats."])
    view.show_summary(summary, Review(), Genre("press release", "Harbor Ferries", "its profile"))
    assert "Press release by Harbor Ferries: its claims are told as Harbor Ferries’ (its profile)." in view.toPlainText()
    view.show_summary(summary, Review(), Genre("opinion column", "Rita Holm", "the page's section: Opinion"))
    assert "Opinion column by Rita Holm: its views are told as Rita Holm’s" in view.toPlainText()


def test_an_answer_being_written_is_shown_as_text_never_rendered(qtbot):
    from desktop.ui.summary_view import SummaryView

    view = SummaryView()
    qtbot.addWidget(view)
    view.show_draft("Title", "See ![x](/etc/passwd) and <img src='/etc/passwd'> **bold**", [])
    text = view.toPlainText()
    assert "![x](/etc/passwd)" in text and "<img src='/etc/passwd'>" in text and "**bold**" in text


def test_a_long_answer_streamed_into_the_window_leaves_python_sound(qtbot, window):
    """PySide6 6.12.0 dropped a reference to True for every signal a Python slot received, so
    the app aborted after a few thousand tokens (pyproject.toml keeps that version out)."""
    import sys

    window.runner.event.emit(Started())
    before = sys.getrefcount(True)
    answer = ""
    for word in ["Bridge", " repairs"] + [" word"] * 300:
        answer += word
        window.runner.event.emit(Draft("Bridge repairs", answer, []))
    qtbot.wait(10)
    assert abs(sys.getrefcount(True) - before) < 50
    assert window.result_view.toPlainText().count("word") > 100  # the answer was shown


def test_closing_while_a_summary_is_written_asks_first(qtbot, window, monkeypatch):
    window._running = True
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    window.close()
    assert asked and "being written" in asked[0] and window.isVisible()
    window._running = False


def test_the_article_being_edited_comes_back_after_the_window_closes(qtbot, tmp_path, test_model):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.article_edit.setPlainText("The council voted on Thursday to build a bridge. " * 5)
    qtbot.waitUntil(lambda: not first._draft_timer.isActive(), timeout=5000)
    first.runner.shutdown()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.article_edit.toPlainText().startswith("The council voted on Thursday")
    again.runner.shutdown()


def test_saving_asks_before_replacing_a_note_the_dialog_did_not_ask_about(qtbot, window, tmp_path, monkeypatch):
    existing = tmp_path / "brief.md"
    existing.write_text("my earlier note")
    window.brief = made_brief("---\ntitle: x\n---\n# x\n")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "brief"), ""))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    window.save_action.setEnabled(True)
    window.save_note()
    assert asked and "brief.md already exists" in asked[0]
    assert existing.read_text() == "my earlier note"


def test_a_model_that_cannot_even_be_looked_up_is_reported_and_the_next_run_works(
        qtbot, window, article_text, monkeypatch):
    from desktop.core.model import registry

    looked_up = registry.resolve

    def denied(choice):
        raise PermissionError(13, "Permission denied", "model.gguf")

    monkeypatch.setattr(registry, "resolve", denied)
    window.article_edit.setPlainText(article_text)
    with runner_event(qtbot, window.runner, Failed):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Permission denied" in window.error_banner.text(), timeout=RUN_TIMEOUT_MS)
    assert window.article_edit.toPlainText() == article_text
    monkeypatch.setattr(registry, "resolve", looked_up)
    summarize(qtbot, window)  # the runner thread lived on: the next summary is written
    assert window.result_view.toPlainText().strip() and window.brief is not None


def test_a_stop_while_the_model_checks_the_written_note_keeps_it(qtbot, menus_window, article_text, test_model,
                                                                  monkeypatch):
    from desktop.core.checks import sentence as checker
    from desktop.core.checks.review import review
    from desktop.core.engine import Checking
    from desktop.core.input.article import Article
    from desktop.core.model import RunStats
    from desktop.core.pipeline import Result
    from desktop.core.writing.form import Summary

    window = menus_window
    stops = []
    monkeypatch.setattr(window.runner, "stop", lambda: stops.append(True))  # the worker answers with the note
    window.article_edit.setPlainText(article_text)
    window.summarize_button.click()
    window.runner.event.emit(Checking(0, 2))  # the note is written; the model is asked about it
    assert "question 1 of 2" in window.state_label.text() and "Stop keeps the note" in window.state_label.text()
    window.stop_button.click()
    assert stops and window.state_label.text() == "Stopping…"
    window.runner.event.emit(Checking(1, 2))  # sent before the Stop reached the worker: no news
    assert window.state_label.text() == "Stopping…"
    article = Article.build(article_text)
    remark = "Stopped while the model was asked about the note: the rules checked the rest."
    summary = Summary("Port Alder approves bridge", ["The council voted for a bridge."],
                      ["The bridge will be 480 metres long."], [remark])
    result = Result(summary, review(summary.title, summary.summary, summary.key_points, checker.Context(article)),
                    RunStats(), 1, 1.0, checked=False)
    window.runner.event.emit(Done(result, test_model, article))
    assert "480 metres long" in window.result_view.toPlainText()
    assert remark in window.state_label.text()
    assert window.save_action.isEnabled() and window.summarize_button.isEnabled()
    assert window.article_edit.toPlainText() == article_text
