"""The summary pane: the answer while it is written, then the summary with its checks.

Flagged words and sentences are highlighted and underlined; hovering one says why (in a
tooltip and the status bar). Each key point is a link:
clicking it asks the window to show its evidence in the article.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextBrowser, QToolTip

from desktop.core.checks.review import Flag, Review
from desktop.core.input.genre import Genre
from desktop.core.writing.form import Summary

# Faithfulness problems (a name, number, quote or negation the article lacks) are red; wording problems
# amber. A flag is also underlined and says its reason on hover: never told by colour alone.
RED, AMBER = QColor("#e5533d"), QColor("#f2b20f")
HUES = {"number": RED, "name": RED, "quote": RED, "unsupported": RED, "negation": RED}


def flag_colors(palette: QPalette) -> dict[str, str]:
    """Each kind's background: its hue mixed into the theme's base colour, so that the
    theme's own text colour stays readable on it, light theme or dark."""
    base = palette.color(QPalette.ColorRole.Base)

    def mix(hue: QColor) -> str:
        share = 0.3 if base.lightness() > 128 else 0.45
        return QColor(*(round(a + (b - a) * share) for a, b in
                        ((base.red(), hue.red()), (base.green(), hue.green()), (base.blue(), hue.blue())))).name()
    return {"red": mix(RED), "amber": mix(AMBER)}


def _marked(text: str, flags: list[Flag], first: int, href: str, ink: str, colors: dict[str, str]) -> str:
    """The text as HTML with each flag's span highlighted and underlined; flags are numbered
    from `first`. Where flags overlap (a loaded word in a flagged sentence), the innermost
    wins. With `href`, the rest of the text links there. Links are drawn in `ink`, the text's
    colour."""
    owner = [-1] * len(text)
    order = sorted(range(len(flags)), key=lambda i: -(flags[i].end - flags[i].start))
    for i in order:  # longest first, so shorter spans paint over them
        for pos in range(max(0, flags[i].start), min(len(text), flags[i].end)):
            owner[pos] = i
    out, pos = [], 0
    while pos < len(text):
        i, end = owner[pos], pos
        while end < len(text) and owner[end] == i:
            end += 1
        chunk = html.escape(text[pos:end])
        if i < 0 and href:
            out.append(f'<a href="{href}" style="color:{ink}; text-decoration:none">{chunk}</a>')
        elif i < 0:
            out.append(chunk)
        else:
            color = colors["red" if flags[i].kind in HUES else "amber"]
            out.append(f'<a href="flag:{first + i}" style="background:{color}; color:{ink}; '
                       f'text-decoration:underline">{chunk}</a>')
        pos = end
    return "".join(out)


class SummaryView(QTextBrowser):
    point_clicked = Signal(int)  # the key point's index
    flag_hovered = Signal(str)  # the flag's reason ("" when the pointer leaves it)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setPlaceholderText("The summary appears here as the model writes it.")
        self.flags: list[Flag] = []
        self._shown = None  # what show_summary showed last, to draw again in a new theme
        self.anchorClicked.connect(self._clicked)
        self.highlighted.connect(self._hovered)

    def show_draft(self, title: str, summary: str, points: list[str]) -> None:
        """The answer while it is being written, as plain text: whatever the model writes
        (Markdown, HTML, a link to a file) is shown as the text it is, never rendered."""
        self._shown = None
        self.flags = []
        items = "".join(f"<li>{html.escape(p)}</li>" for p in points)
        self.setHtml(f"<h1>{html.escape(title) or '…'}</h1><h2>Summary</h2><p>{html.escape(summary)}</p>"
                     + (f"<h2>Key points</h2><ul>{items}</ul>" if points else ""))

    def show_summary(self, summary: Summary, review: Review, genre: Genre | None = None) -> None:
        self._shown = (summary, review, genre)
        self.flags = []
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText).name()  # the theme's muted text
        parts = []
        if genre is not None and genre.is_opinion:
            whose = f" by {genre.author}" if genre.author else ""
            parts.append(f"<p style='color:{quiet}'><i>{html.escape(genre.kind.capitalize() + whose)}: "
                         f"{html.escape(genre.told_as)} ({html.escape(genre.reason)}).</i></p>")

        def marked(text: str, part: str, index: int = 0, href: str = "") -> str:
            flags = review.of(part, index)
            first = len(self.flags)
            self.flags += flags
            return _marked(text, flags, first, href, self.palette().text().color().name(),
                           flag_colors(self.palette()))

        parts.append(f"<h1>{marked(summary.title, 'title')}</h1>")
        parts.append(f"<h2>Summary</h2><p>{marked(summary.summary, 'summary')}</p>")
        parts.append("<h2>Key points</h2><ul>")
        for i, point in enumerate(summary.key_points):
            supported = i < len(review.evidence) and review.evidence[i].supported
            mark = ("" if supported else f' <i style="color:{quiet}">(no supporting sentence '
                    'found in the article)</i>')
            parts.append(f"<li>{marked(point, 'point', i, f'point:{i}')}{mark}</li>")
        parts.append("</ul>")
        counts = review.counts()
        problems = len(review.flags)
        parts.append(f"<p style='color:{quiet}'><small>Checks: {problems} flagged "
                     f"(hover a highlight for the reason); "
                     f"{counts['key_points_with_evidence']} of {len(summary.key_points)} key points "
                     f"found in the article (click one to see where).</small></p>")
        self.setHtml("".join(parts))

    def clear(self) -> None:
        self._shown = None
        super().clear()

    def changeEvent(self, event) -> None:
        """A theme changed while a summary is shown (dark mode turned on): drawn anew in its
        colours."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange) and self._shown:
            self.show_summary(*self._shown)

    def viewportEvent(self, event) -> bool:
        """A flag's reason as the tooltip of its highlight."""
        if event.type() == QEvent.Type.ToolTip:
            reason = self.reason_at(event.pos())
            if reason:
                QToolTip.showText(event.globalPos(), reason, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def reason_at(self, pos) -> str:
        kind, _, value = self.anchorAt(pos).partition(":")
        if kind == "flag" and value.isdigit() and int(value) < len(self.flags):
            return self.flags[int(value)].reason
        return ""

    @Slot(QUrl)
    def _clicked(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "point":
            self.point_clicked.emit(int(value))
        elif kind == "flag" and value.isdigit() and int(value) < len(self.flags):
            flag = self.flags[int(value)]
            self._hovered(url)
            if flag.part == "point":  # a flagged key point is still a key point
                self.point_clicked.emit(flag.index)

    @Slot(QUrl)
    def _hovered(self, url: QUrl) -> None:
        kind, _, value = url.toString().partition(":")
        if kind == "flag" and value.isdigit() and int(value) < len(self.flags):
            flag = self.flags[int(value)]
            self.flag_hovered.emit(f"“{flag.text[:60]}”: {flag.reason}")
        else:
            self.flag_hovered.emit("")
