"""The article as the user gives it: pasted text or HTML, or a file, read and checked."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

MIN_WORDS = 25
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
OPENABLE = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"})


class ArticleError(Exception):
    """The input cannot be summarized; the message says why, for the user."""


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


def check(text: str) -> str:
    """The text to summarize, or ArticleError when there is too little of it."""
    text = text.strip()
    if not text:
        raise ArticleError("There is no article to summarize: paste one or open a file.")
    words = word_count(text)
    if words < MIN_WORDS:
        raise ArticleError(f"The text has {words} words; an article needs at least {MIN_WORDS}.")
    return text


def from_html(html: str) -> str:
    """The main article of a web page (or a browser's copy of one): its title, byline and date
    (which the cleaner then keeps as metadata), then its paragraphs."""
    import trafilatura  # takes a moment to import: only when HTML comes in

    body = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=True)
    if not body or word_count(body) < MIN_WORDS:
        raise ArticleError("No article text was found in this HTML.")
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    meta = trafilatura.extract_metadata(html)
    head = []
    if meta is not None:
        title = (meta.title or "").strip()
        if paragraphs and paragraphs[0] == title:
            paragraphs.pop(0)
        if title:
            head.append(title)
        if meta.author:
            head.append(f"By {meta.author.strip()}")
        if meta.date:
            head.append(f"Published {meta.date}")
    return "\n\n".join(head + paragraphs)


def from_paste(html: str, text: str) -> str:
    """What a paste brings: the article extracted from its HTML (a browser's copy), or the
    plain text when there is no HTML or no article in it."""
    if html.strip():
        try:
            return from_html(html)
        except ArticleError:
            pass
    return text


BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]


def decode_text(data: bytes) -> str:
    """Text in whatever encoding it came: a BOM's, UTF-8, else the most likely one."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\0" in data[:4096]:
        raise ArticleError("this is not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise ArticleError("the text's encoding could not be recognized")
    # Short texts often fit several code pages equally well: prefer the most common one.
    ties = [r.encoding for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
    return data.decode("cp1252") if "cp1252" in ties else str(best)


def read(path: Path) -> str:
    """The article text of a .txt, .md, .html, .pdf or .docx file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in OPENABLE:
        raise ArticleError(f"{path.name}: Neutral Brief opens {', '.join(OPENABLE)} files.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path.name} cannot be read: {exc.strerror or exc}.") from exc
    try:
        if suffix == ".pdf":
            return _pdf_text(path)
        if suffix == ".docx":
            return _docx_text(path)
        text = decode_text(data)
        return from_html(text) if suffix in HTML_SUFFIXES else text
    except ArticleError as exc:
        raise ArticleError(f"{path.name}: {exc}") from exc


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(path).pages]
    except (PdfReadError, ValueError, OSError) as exc:
        raise ArticleError(f"not a readable PDF ({exc})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise ArticleError("this PDF has no text layer (a scan?); nothing to summarize")
    # PDF lines break inside paragraphs: join them, keep blank-line paragraph breaks.
    text = re.sub(r"(?<![.!?:\"”\n])\n(?!\n)", " ", text)
    return re.sub(r"[ \t]+", " ", text)


def _docx_text(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ArticleError(f"not a readable Word document ({exc})") from exc
    return "\n\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())
