"""Articles from files and from a browser's HTML: what the user opens or pastes."""

import pytest

from desktop.core.input import read as article
from desktop.core.input.clean import clean
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
    cleaned = clean(article.read(PAGE).text)
    assert cleaned.text.startswith("Harbor town approves bridge plan after heated debate\n")
    for sentence in BODY_SENTENCES:
        assert sentence in cleaned.text
    for clutter in PAGE_CLUTTER:
        assert clutter.lower() not in cleaned.text.lower(), clutter
    assert cleaned.byline == "By Jonas Field"
    assert "2026-03-12" in cleaned.published


def test_the_same_page_read_again_gives_the_same_article():
    first = article.read(PAGE).text
    for _ in range(3):
        assert article.read(PAGE).text == first


def test_pasted_html_is_preferred_to_its_plain_text_and_plain_text_still_works():
    html = PAGE.read_text()
    assert "harborfan77" not in article.from_paste(html, "the page as plain text, harborfan77").text
    assert article.from_paste("", "just text").text == "just text"
    assert article.from_paste("<html><body><nav>Home</nav></body></html>", "fallback").text == "fallback"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "iso-8859-7"])
def test_text_files_in_other_encodings(tmp_path, encoding):
    text = ("Η Βουλή ψήφισε τον νέο νόμο για το νερό την Τρίτη. Ο υπουργός είπε ότι οι τιμές θα "
            "μείνουν σταθερές μέχρι το 2027." if encoding == "iso-8859-7" else
            "Le conseil a voté jeudi pour le pont. « C'est un tournant », a déclaré la maire; "
            "coût: 92 millions d'euros, prévu pour 2027 à Port-Alder.")
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    assert article.read(path).text == text


def word_document(path, paragraphs, extra=None):
    """A minimal .docx: the parts Word needs to open it, and the paragraphs."""
    import zipfile
    from xml.sax.saxutils import escape

    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{body}</w:body></w:document>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def test_word_documents(tmp_path):
    path = word_document(tmp_path / "article.docx", BODY_SENTENCES)
    assert article.read(path).text.split("\n\n") == BODY_SENTENCES


def test_pdf_text_layer(qapp, tmp_path):
    from PySide6.QtGui import QPdfWriter, QTextDocument

    path = tmp_path / "article.pdf"
    doc = QTextDocument()
    doc.setPlainText("\n\n".join(BODY_SENTENCES))
    doc.print_(QPdfWriter(str(path)))
    text = article.read(path).text
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


class _Counter:
    """Counts a prompt's tokens as words: enough to choose between one prompt and parts."""

    n_ctx = 4096

    def prompt_tokens(self, prompt) -> int:
        return len(" ".join([prompt.system, prompt.lead, prompt.article, prompt.task]).split())


def test_an_article_in_another_language_is_named_in_the_prompt():
    from desktop.core import pipeline
    from desktop.core.input.article import Article

    german = ("Der Stadtrat von Hafenau hat am Donnerstag mit sechs zu drei Stimmen beschlossen, "
              "eine neue Brücke über den Hafen zu bauen. Die Bürgermeisterin sagte, die Brücke "
              "werde im Mai eröffnet, wenn das Land den Kredit genehmigt. Der Verband der Fischer "
              "kritisierte den Plan, weil die Boote dann einen längeren Weg fahren müssten.")
    article_de = Article.build(german)
    assert (article_de.english, article_de.language) == (False, "German")
    # Told "the language of the article", a small model writes English: the language is named.
    assert "Write in German." in pipeline.first_prompt(_Counter(), article_de, None).task
    assert "Write in French." in pipeline.first_prompt(_Counter(), article_de, "French").task
    english = Article.build(" ".join(BODY_SENTENCES) + " The council said the bridge will open in May.")
    assert english.language == "English"
    assert "Write in the language of the article." in pipeline.first_prompt(_Counter(), english, None).task


def test_a_list_of_results_with_few_small_words_is_still_english():
    from desktop.core.input.article import Article

    results = ("Harbor Cup results\n\nPort Alder Sharks 70, Bayside Gulls 44. Ferry Hill Otters 14, "
               "Dune Park Crabs 11. Top scorer: Lena Ortiz, Sharks, 21 points. Next round: Saturday, "
               "March 4, North Pier Arena, 7 p.m. Tickets: $12 adults, $6 students.")
    article = Article.build(results)
    assert (article.english, article.language) == (True, "English")


def test_openings_of_what_the_note_does_not_tell_are_on_the_articles_subject():
    from desktop.core.input.article import Article, untold_openings

    article = Article.build(
        "Port Alder approves harbor bridge\n\nThe town council of Port Alder approved a harbor bridge on Thursday. "
        "Night buses on the coast road will run every hour from May, the operator said. "
        "The harbor bridge will carry 9000 cars a day across the harbor. "
        "It will open in 2029 after three years of work. "
        "Photo: The harbor bridge site in May, seen from the ferry pier. "
        "“The harbor bridge is the best thing we have done in years,” said one council member on Thursday. "
        "Mayor Lena Ortiz said the bridge would cut the drive to the hospital by 25 minutes.")
    told = ["Port Alder approves harbor bridge", "The town council of Port Alder approved a harbor bridge on Thursday."]
    evidence = lambda text: [(s.start, s.end) for s in article.sentences if s.text == text]
    openings = untold_openings(article, told, evidence)
    # The bridge's facts, most on the subject first; not the buses beside it, not "It will …".
    assert openings == ["The harbor bridge will carry 9000", "Mayor Lena Ortiz said the bridge"]
