"""Take the README's screenshots of the real app under Xvfb: a finished summary of the user's
example (light theme, the evidence of a key point highlighted), the same in a dark theme,
the history panel after a few articles, and the model manager.

    xvfb-run -a -s "-screen 0 1280x800x24" sh -c 'openbox & sleep 1; .venv/bin/python docs/screenshots.py [MODEL]'

It uses a history and settings of its own (in a temporary folder), never the user's.
"""

import gzip
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
SEED = SHARED / "seed" / "article-el-salvador-cecot.txt"
PAGES = SHARED / "eval" / "pages"
# Three more real pages for the history: news reports, nothing chosen for how they read.
HISTORY_PAGES = 3

os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp()  # a history of its own

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e6e6e6"),
                        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                        (QPalette.ColorRole.Text, "#e6e6e6"), (QPalette.ColorRole.Button, "#353535"),
                        (QPalette.ColorRole.ButtonText, "#e6e6e6"), (QPalette.ColorRole.Highlight, "#3d7fd9"),
                        (QPalette.ColorRole.HighlightedText, "#ffffff"), (QPalette.ColorRole.ToolTipBase, "#353535"),
                        (QPalette.ColorRole.ToolTipText, "#e6e6e6"), (QPalette.ColorRole.PlaceholderText, "#8a8a8a"),
                        (QPalette.ColorRole.Link, "#7fb2f0")):
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationDisplayName("Neutral Brief")
    app.setStyle("Fusion")
    from desktop.core.engine import Done
    from desktop.core.input import read
    from desktop.ui.main_window import MainWindow
    from desktop.ui.runner import Failed

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("model/choice", sys.argv[1] if len(sys.argv) > 1 else "default")
    window = MainWindow(settings=settings)
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    pages = sorted(PAGES.glob("*.html.gz"))[:HISTORY_PAGES]
    htmls = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]
    # As a browser pastes a page: its HTML, and its text.
    pastes = [(html, read.from_html(html).text) for html in htmls] + [("", SEED.read_text(encoding="utf-8"))]
    steps = iter(pastes)

    def grab(name: str) -> None:
        app.primaryScreen().grabWindow(0).save(str(HERE / name))
        print(HERE / name, flush=True)

    def next_article() -> None:
        paste = next(steps, None)
        if paste is None:
            return finish()
        window.paste_article(*paste)  # read and cleaned in the background

    def finish() -> None:
        supported = [i for i, e in enumerate(window.review.evidence) if e.supported]
        if supported:
            window.show_evidence(supported[0])
        QTimer.singleShot(500, lambda: (grab("screenshot.png"), QTimer.singleShot(0, dark)) and None)

    def dark() -> None:
        app.setPalette(dark_palette())  # the summary is drawn anew in the theme's colours
        supported = [i for i, e in enumerate(window.review.evidence) if e.supported]
        if supported:
            window.show_evidence(supported[0])
        QTimer.singleShot(500, lambda: (grab("screenshot-dark.png"), QTimer.singleShot(0, history)) and None)

    def history() -> None:
        window.show_history()
        window._history_dialog.move(180, 120)
        window._history_dialog.list.setCurrentRow(1)
        QTimer.singleShot(800, lambda: (grab("screenshot-history.png"), QTimer.singleShot(0, manager)) and None)

    def manager() -> None:
        window._history_dialog.close()
        window.manage_models_action.trigger()
        window.model_manager.move(200, 140)
        window.model_manager.tree.setCurrentItem(window.model_manager.tree.topLevelItem(0))
        # The hub's sizes are asked in the background: wait for its answer (or its silence).
        QTimer.singleShot(6000, lambda: (grab("screenshot-models.png"), app.quit()) and None)

    def reported(event) -> None:
        if isinstance(event, Done):
            QTimer.singleShot(200, next_article)
        elif isinstance(event, Failed):
            print(event.message)
            app.exit(1)

    window.runner.event.connect(reported)
    # The paste is read and cleaned in the background: summarize once it is in the pane.
    window.reader.ready.connect(lambda *_: QTimer.singleShot(300, window.summarize_action.trigger))
    QTimer.singleShot(0, next_article)
    code = app.exec()
    window.setWindowModified(False)
    window.close()  # stops the engine
    return code


if __name__ == "__main__":
    sys.exit(main())
