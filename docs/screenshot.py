"""Take the README's screenshot: the real window, a finished summary of the user's example,
with the evidence of its first supported key point highlighted in the article.

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python docs/screenshot.py [MODEL]
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article-el-salvador-cecot.txt"
OUT = Path(__file__).resolve().parent / "screenshot.png"


def main() -> int:
    app = QApplication(sys.argv[:1])
    from desktop.ui.main_window import MainWindow

    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("model/choice", sys.argv[1] if len(sys.argv) > 1 else "default")
    window = MainWindow(settings=settings)
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    window.paste_article("", SEED.read_text(encoding="utf-8"))  # as if pasted: cleaned

    # Slots return nothing: PySide6 over-releases a slot's return value.
    def save_and_quit() -> None:
        app.primaryScreen().grabWindow(0).save(str(OUT))
        window.setWindowModified(False)  # quit() closes the window, which would ask to save
        app.quit()

    def shoot(_=None) -> None:
        supported = [i for i, e in enumerate(window.review.evidence) if e.supported]
        if supported:
            window.show_evidence(supported[0])
        QTimer.singleShot(500, save_and_quit)

    def fail(message: str) -> None:
        print(message)
        app.exit(1)

    window.runner.finished.connect(shoot)
    window.runner.failed.connect(fail)
    # The paste is read and cleaned in the background: summarize once it is in the pane.
    window.reader.ready.connect(lambda *_: QTimer.singleShot(300, window.summarize_action.trigger))
    code = app.exec()
    window.setWindowModified(False)
    window.close()  # after a failure: stops the engine
    print(OUT)
    return code


if __name__ == "__main__":
    sys.exit(main())
