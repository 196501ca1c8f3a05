"""A finished summary as the window, the CLI and a batch hand it on: its note in each format,
its file name, and its entry in the history."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import cached_property

from desktop.core.engine import Done, ModelChoice
from desktop.core.history import Entry
from desktop.core.input import read
from desktop.core.input.article import Article
from desktop.core.input.clean import Cleaned
from desktop.core.input.genre import Genre
from desktop.core.model.server import Server
from desktop.core.note import formats
from desktop.core.note.markdown import NoteInfo, checked_body, render
from desktop.core.pipeline import Result, from_data, to_data
from desktop.core.writing.prompts import LENGTHS, STANDARD, Length


@dataclass
class Brief:
    result: Result  # the summary and its checks
    article: Article  # what was summarized
    model: ModelChoice | str = ""  # its name alone for a note reopened from the history
    cleaned: Cleaned = field(default_factory=lambda: Cleaned(text=""))  # what the cleaning said
    page: read.Source = field(default_factory=lambda: read.Source(text=""))  # what the page said
    source: str = ""  # the file or web address it came from ("" for pasted text)
    language: str | None = None  # the summary's language as asked (None: the article's)
    length: Length = STANDARD  # as asked
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc).astimezone())
    note: str = ""  # the note as it was made, for one reopened from the history
    answer: str = ""  # the key of its stored answer, which goes with it when it is deleted

    @classmethod
    def of(cls, done: Done, cleaned: Cleaned | None = None, page: read.Source | None = None,
           source: str = "", language: str | None = None, length: Length = STANDARD) -> "Brief":
        return cls(done.result, done.article, done.model, cleaned or Cleaned(text=""),
                   page or read.Source(text=""), source, language, length, answer=done.answer)

    @classmethod
    def from_entry(cls, entry: Entry) -> "Brief":
        """A note from the history, as it was made (ValueError when it cannot be read)."""
        try:
            result = from_data(entry.result)
            genre = Genre(**entry.genre)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"this note of the history cannot be read ({exc})") from exc
        return cls(result, Article(entry.article, genre=genre), model=entry.model, source=entry.source,
                   language=entry.language or None, length=LENGTHS.get(entry.length, STANDARD),
                   created=datetime.fromisoformat(entry.created),
                   note=entry.note)

    @property
    def summary(self):
        return self.result.summary

    @property
    def review(self):
        return self.result.review

    @property
    def title(self) -> str:
        return self.result.summary.title

    @cached_property
    def info(self) -> NoteInfo:
        result, article = self.result, self.article
        return NoteInfo(
            model=self.model, source_words=read.word_count(article.text), genre=article.genre.kind,
            author=article.genre.author, length=self.length.name, parts=result.parts, coverage=result.coverage,
            byline=self.cleaned.byline, published=self.cleaned.published, source_url=self.page.url,
            site=self.page.site, created=self.created)

    @cached_property
    def markdown(self) -> str:
        """The note as saved: front matter, then the summary with its evidence."""
        return self.note or render(self.summary, self.info, self.review, self.article.text)

    def text(self, form: str) -> str:
        """The note in `form`: "md" (the whole note), "txt" or "json" (see formats)."""
        if form == "md":
            return self.markdown
        if form == "txt":
            return formats.plain_text(self.summary)
        if form == "json":
            return formats.as_json(self.summary, self.info, self.review, self.article.text)
        raise ValueError(f"unknown format {form!r}; one of {', '.join(formats.FORMATS)}")

    @property
    def markdown_body(self) -> str:
        """The note without its front matter: what pastes into another Markdown document."""
        return checked_body(self.summary, self.review, self.article.text)

    @property
    def rich_text(self) -> str:
        return formats.rich_text(self.summary)

    def file_name(self, suffix: str = ".md") -> str:
        return formats.file_name(self.title, suffix)

    def history_entry(self) -> Entry:
        model = self.model
        return Entry(
            title=self.title, article=self.article.text, note=self.markdown, result=to_data(self.result),
            model=model.model if isinstance(model, Server) else model if isinstance(model, str) else model.label, genre=asdict(self.article.genre),
            source=self.source or self.page.url, language=self.language or "", length=self.length.name,
            created=self.created.isoformat(timespec="seconds"), answer=self.answer)
