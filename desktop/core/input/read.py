"""The article as the user gives it: pasted text or HTML, or a file, read and checked.

Every failure is an `ArticleError` whose message names the file and says why, so the CLI exits
with 2 and the window shows a dialog; nothing here may raise anything else for bad input.
"""

from __future__ import annotations

import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

MIN_WORDS = 25
MAX_WORDS = 200_000
MAX_BYTES = 50 * 1024 * 1024  # a file, a paste, or a part of a Word document once unpacked
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
OPENABLE = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"})


class ArticleError(Exception):
    """The input cannot be summarized; the message says why, for the user."""


@dataclass(frozen=True)
class Source:
    """An article's text as read, and what the page said about it (empty when unknown)."""

    text: str
    url: str = ""
    site: str = ""
    section: str = ""  # the page's section or categories ("Opinion", "Kit Reviews")
    kind: str = ""  # the page's own type (og:type, schema.org @type): "OpinionNewsArticle"
    author: str = ""


# Chinese, Japanese and Korean are written without spaces: each character counts as a word.
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_WORDS = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:['’-][^\W{_CJK}]+)*")


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def normalize(text: str) -> str:
    """Text as the model may read it: no NUL or other control characters (llama.cpp stops
    reading at a NUL), one kind of line break, Unicode composed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs"))
    return unicodedata.normalize("NFC", text)


def check(text: str, name: str = "") -> str:
    """The text to summarize, or ArticleError when there is too little or too much of it;
    `name` is the file it came from, which the message then names."""
    def refuse(message: str) -> ArticleError:
        return ArticleError(f"{name}: {message}" if name else message)

    text = normalize(text).strip()
    if not text:
        raise refuse("there is no text in it to summarize." if name
                     else "There is no article to summarize: paste one or open a file.")
    words = word_count(text)
    if words < MIN_WORDS:
        raise refuse(f"{'the' if name else 'The'} text has {words} words; an article needs at least {MIN_WORDS}.")
    if words > MAX_WORDS:
        raise refuse(f"{'the' if name else 'The'} text has {words:,} words; Neutral Brief summarizes up to "
                     f"{MAX_WORDS:,} words at once. Summarize it in smaller pieces.")
    return text


def from_html(html: str, url: str = "") -> Source:
    """The main article of a web page (or a browser's copy of one): its title, standfirst,
    byline and date (which the cleaner then keeps as metadata), then its paragraphs."""
    import trafilatura  # takes a moment to import: only when HTML comes in

    body = extract_body(html)
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    try:
        meta = trafilatura.extract_metadata(html)
    except Exception:
        meta = None
    head, source = [], {}
    if meta is not None:
        title = (meta.title or "").strip()
        if paragraphs and paragraphs[0] == title:
            paragraphs.pop(0)
        if title:
            head.append(title)
        # The standfirst under the headline, when the body does not repeat it: often the
        # piece's own one-sentence summary, or an opinion piece's argument.
        standfirst = " ".join((meta.description or "").split())
        if len(standfirst.split()) >= 8 and " ".join(standfirst.split()[:8]) not in " ".join(body.split()):
            head.append(standfirst)
        author = (meta.author or "").strip()
        if author:
            head.append(f"By {author.split(';')[-1].strip()}")
        if meta.date:
            head.append(f"Published {meta.date}")
        url = url or meta.url or ""
        source = {"site": meta.sitename or meta.hostname or "", "author": author,
                  "section": ", ".join([*(meta.categories or [])]),
                  "kind": meta.pagetype or ""}
    source["kind"] = " ".join(filter(None, [source.get("kind", ""), _schema_types(html)]))
    if url and not source.get("site"):
        source["site"] = urlparse(url).hostname or ""
    return Source(text="\n\n".join(head + paragraphs), url=url, **source)


def extract_body(html: str) -> str:
    """The article's paragraphs, one a line.

    The precise extraction comes first. The page's own article paragraphs replace it when
    they hold all of it and much more, in paragraphs as long as an article's (a page laid
    out in several blocks, of which the precise extraction kept one). When the precise
    extraction finds too little, the article text the page declares (schema.org), the
    default extraction, a recall-minded one and the plain paragraphs follow, so that an
    article is never lost for being laid out unusually."""
    import trafilatura

    if len(html) > MAX_BYTES:
        raise ArticleError(f"the page is larger than {MAX_BYTES // 2**20} MB")

    def extract(**options) -> str:
        # No deduplication: trafilatura's is a cache shared by every page the process reads,
        # so the same page read twice lost its text (the cleaner removes repeated paragraphs).
        try:
            return trafilatura.extract(html, include_comments=False, include_tables=False,
                                       **options) or ""
        except Exception:  # a page that breaks the extractor is no article of ours
            return ""

    tree = _tree(html)
    body = extract(favor_precision=True)
    paragraphs = _paragraphs(tree)
    if _holds_more(paragraphs, body) or (word_count(body) < 3 * MIN_WORDS and _long(paragraphs)
                                         and word_count(paragraphs) >= 3 * word_count(body)):
        body = paragraphs
    for fallback in (lambda: _declared_body(tree), extract, lambda: extract(favor_recall=True),
                     lambda: paragraphs):
        if word_count(body) >= MIN_WORDS:
            break
        body = fallback()
    if word_count(body) < MIN_WORDS:
        raise ArticleError("No article text was found in this HTML.")
    return body


LONG_PARAGRAPH = 20  # words: what an article's paragraphs have on average, a page's clutter not


def _holds_more(paragraphs: str, body: str) -> bool:
    """Whether the page's paragraphs hold the extracted body and twice as much again, in
    paragraphs of an article's length."""
    have, wanted = _bag(paragraphs), _bag(body)
    if sum(have.values()) < 2 * max(1, sum(wanted.values())):
        return False
    if wanted and sum((have & wanted).values()) < 0.8 * sum(wanted.values()):
        return False
    extra = [line for line in paragraphs.splitlines()
             if sum((_bag(line) & wanted).values()) < 0.5 * max(1, len(line.split()))]
    return not extra or sum(len(line.split()) for line in extra) / len(extra) >= LONG_PARAGRAPH


def _long(paragraphs: str) -> bool:
    lines = [line for line in paragraphs.splitlines() if line.strip()]
    return bool(lines) and sum(len(line.split()) for line in lines) / len(lines) >= LONG_PARAGRAPH


def _bag(text: str):
    from collections import Counter

    return Counter(re.findall(r"\w+", text.lower()))


def _tree(html: str):
    from lxml import html as lxml_html

    try:
        return lxml_html.fromstring(html)
    except Exception:
        return None


def _paragraphs(tree) -> str:
    """The paragraphs of the page's largest <article> (or of the whole page)."""
    if tree is None:
        return ""
    import copy

    tree = copy.deepcopy(tree)
    for bad in tree.xpath("//script|//style|//nav|//header|//footer|//aside|//form|//noscript|"
                          "//figure|//figcaption"):
        bad.drop_tree()
    articles = tree.xpath("//article")
    root = max(articles, key=lambda a: len(a.text_content().split())) if articles else tree
    found: list[str] = []
    for element in root.iter("p", "h2", "h3", "li", "blockquote"):
        text = " ".join(element.text_content().split())
        if len(text.split()) >= 4 and text not in found:
            found.append(text)
    return "\n".join(found)


def _declared_body(tree) -> str:
    """The article text a page declares for search engines (schema.org `articleBody`)."""
    if tree is None:
        return ""
    best = ""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            stack = [json.loads(script.text_content())]
        except ValueError:
            continue
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                text = item.get("articleBody")
                if isinstance(text, str) and len(text.split()) > len(best.split()):
                    best = text
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return best


def _schema_types(html: str) -> str:
    """The schema.org types a page declares for itself ("OpinionNewsArticle", "Review")."""
    return " ".join(sorted(set(re.findall(r'"@type"\s*:\s*"(\w+)"', html[:500_000]))))


def from_paste(html: str, text: str) -> Source:
    """What a paste brings: the article extracted from its HTML (a browser's copy), or the
    plain text when there is no HTML or no article in it."""
    if html.strip():
        try:
            return from_html(html)
        except ArticleError:
            pass
    return Source(text=text)


BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]


def decode_text(data: bytes) -> str:
    """Text in whatever encoding it came: a BOM's, UTF-8, else the most likely one."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"the file begins as {encoding.upper()} text but is not "
                                   f"(byte {exc.start})") from exc
    if b"\0" in data[:4096]:
        raise ArticleError("this is not a text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _guess(data)
    controls = sum(1 for c in text[:100_000] if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if controls > 0.01 * min(len(text), 100_000):
        raise ArticleError("this is not a text file")
    return text


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    results = from_bytes(data[:1_000_000])
    best = results.best()
    if best is None:
        raise ArticleError("the text's encoding could not be recognized")
    # Short texts often fit several code pages equally well: prefer the most common one.
    ties = [r.encoding for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
    encoding = "cp1252" if "cp1252" in ties else best.encoding
    return data.decode(encoding, errors="replace")


def read(path: Path) -> Source:
    """The article of a .txt, .md, .html, .pdf or .docx file."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in OPENABLE:
        raise ArticleError(f"{name}: Neutral Brief opens {', '.join(OPENABLE)} files.")
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ArticleError(f"{name} is not a file.")
        if size > MAX_BYTES:
            raise ArticleError(f"{name} is {size / 2**20:,.0f} MB; Neutral Brief opens files of up "
                               f"to {MAX_BYTES // 2**20} MB.")
        if suffix == ".pdf":
            return Source(text=_pdf_text(path))
        if suffix == ".docx":
            return Source(text=_docx_text(path))
        text = decode_text(path.read_bytes())
        return from_html(text) if suffix in HTML_SUFFIXES else Source(text=text)
    except ArticleError as exc:
        message = str(exc)
        raise ArticleError(message if message.startswith(name) else f"{name}: {message}") from exc
    except OSError as exc:
        raise ArticleError(f"{name} cannot be read: {exc.strerror or exc}.") from exc
    except MemoryError as exc:
        raise ArticleError(f"{name}: the file is too large to read.") from exc


def _pdf_text(path: Path) -> str:
    import logging

    from pypdf import PdfReader

    # pypdf logs each oddity of a broken file on stderr; the one message the user gets is ours.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArticleError("the PDF is protected by a password")
        pages, words = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            words += word_count(pages[-1])
            if words > MAX_WORDS:
                break
    except ArticleError:
        raise
    except OSError:
        raise
    except Exception as exc:  # pypdf raises many kinds for broken or exotic files
        reason = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__
        raise ArticleError(f"not a readable PDF ({reason})") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise ArticleError("this PDF has no text layer (a scan?); nothing to summarize")
    # PDF lines break inside paragraphs: join them, keep blank-line paragraph breaks.
    text = re.sub(r"(?<![.!?:\"”\n])\n(?!\n)", " ", text)
    return re.sub(r"[ \t]+", " ", text)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_text(path: Path) -> str:
    """The paragraphs of a Word document's body, read from its XML without unpacking anything
    else (a document may carry huge pictures), and refused if its text part is too large."""
    try:
        with zipfile.ZipFile(path) as package:
            try:
                info = package.getinfo("word/document.xml")
            except KeyError:
                raise ArticleError("not a readable Word document (it has no document part)") from None
            if info.file_size > MAX_BYTES:
                raise ArticleError(f"the document's text part unpacks to {info.file_size / 2**20:,.0f} MB; "
                                   f"Neutral Brief reads up to {MAX_BYTES // 2**20} MB")
            paragraphs, current = [], []
            with package.open(info) as part:
                for _, element in ElementTree.iterparse(_Capped(part, MAX_BYTES)):
                    tag = element.tag
                    if tag == f"{_W}t" and element.text:
                        current.append(element.text)
                    elif tag == f"{_W}tab":
                        current.append("\t")
                    elif tag in (f"{_W}br", f"{_W}cr"):
                        current.append("\n")
                    elif tag == f"{_W}p":
                        paragraphs.append("".join(current).strip())
                        current = []
                        element.clear()
    except ArticleError:
        raise
    except (zipfile.BadZipFile, ElementTree.ParseError, ValueError, RuntimeError, EOFError,
            NotImplementedError) as exc:  # not a zip, broken XML, encrypted or odd packing
        raise ArticleError(f"not a readable Word document ({exc})") from exc
    return "\n\n".join(p for p in paragraphs if p)


class _Capped:
    """A file-like reader that refuses to go past `limit` bytes (a zip member can lie about
    its size)."""

    def __init__(self, stream, limit: int):
        self.stream, self.left = stream, limit

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size if size >= 0 else self.left + 1)
        self.left -= len(data)
        if self.left < 0:
            raise ArticleError(f"the document's text part is larger than {MAX_BYTES // 2**20} MB")
        return data
