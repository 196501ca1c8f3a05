"""Articles from files and from a browser's HTML: what the user opens or pastes."""

import pytest

from desktop.core import article
from desktop.core.clean import clean
from tests.conftest import FIXTURES

PAGE = FIXTURES / "page-harbor-bridge.html"
BODY_SENTENCES = [
    "The town council of Port Alder voted 6 to 3 on Thursday",
    "The bridge will be 480 metres long",
    "Mayor Lena Ortiz said the vote was",
    "Fishermen's association chair Tomas Berg said",
    "Opposition councillor Rita Haas called the loan a burden",
    "A public hearing on the route is set for May 14.",
]
PAGE_CLUTTER = ["Home", "Subscribe", "cookies", "Cheap flights", "Artist's drawing", "Harbor Burger",
                "Share on", "Related stories", "bakery", "harborfan77", "waste of money", "All rights",
                "newsletter", "Privacy"]


def test_a_saved_web_page_yields_the_article_body_only():
    cleaned = clean(article.read(PAGE))
    assert cleaned.text.startswith("Harbor town approves bridge plan after heated debate\n")
    for sentence in BODY_SENTENCES:
        assert sentence in cleaned.text
    for clutter in PAGE_CLUTTER:
        assert clutter.lower() not in cleaned.text.lower(), clutter
    assert cleaned.byline == "By Jonas Field"
    assert "2026-03-12" in cleaned.published


def test_pasted_html_is_preferred_to_its_plain_text_and_plain_text_still_works():
    html = PAGE.read_text()
    assert "harborfan77" not in article.from_paste(html, "the page as plain text, harborfan77")
    assert article.from_paste("", "just text") == "just text"
    assert article.from_paste("<html><body><nav>Home</nav></body></html>", "fallback") == "fallback"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "iso-8859-7"])
def test_text_files_in_other_encodings(tmp_path, encoding):
    text = ("Η Βουλή ψήφισε τον νέο νόμο για το νερό την Τρίτη. Ο υπουργός είπε ότι οι τιμές θα "
            "μείνουν σταθερές μέχρι το 2027." if encoding == "iso-8859-7" else
            "Le conseil a voté jeudi pour le pont. « C'est un tournant », a déclaré la maire; "
            "coût: 92 millions d'euros, prévu pour 2027 à Port-Alder.")
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    assert article.read(path) == text


def test_word_documents(tmp_path):
    import docx

    document = docx.Document()
    for sentence in BODY_SENTENCES:
        document.add_paragraph(sentence)
    path = tmp_path / "article.docx"
    document.save(str(path))
    assert article.read(path).split("\n\n") == BODY_SENTENCES


def test_pdf_text_layer(qapp, tmp_path):
    from PySide6.QtGui import QPdfWriter, QTextDocument

    path = tmp_path / "article.pdf"
    doc = QTextDocument()
    doc.setPlainText("\n\n".join(BODY_SENTENCES))
    doc.print_(QPdfWriter(str(path)))
    text = article.read(path)
    for sentence in BODY_SENTENCES:
        assert sentence in text


@pytest.mark.parametrize("name, content, message", [
    ("scan.pdf", b"%PDF-1.4 not really", "not a readable PDF"),
    ("broken.docx", b"not a zip", "not a readable Word document"),
    ("photo.png", b"\x89PNG", "Neutral Brief opens"),
    ("binary.txt", b"\0\1\2\3", "not a text file"),
    ("nav.html", b"<html><body><nav>Home</nav></body></html>", "No article text"),
    ("missing.txt", None, "cannot be read"),
    ("empty.html", b"<html><body></body></html>", "No article text"),
])
def test_unreadable_files_get_a_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(article.ArticleError, match=message) as info:
        article.read(path)
    assert str(info.value).startswith(name)
