"""The article, read once: its sentences with who says what in each, its headline, its
writer, its genre and the voices a neutral summary must keep. Everything after this (the
model's prompt, the writer, the checks, the note) works from this one reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from desktop.core.input import genre as genres
from desktop.core.input.clean import ADDRESSED_TO_AI, Cleaned
from desktop.core.input.read import Source
from desktop.core.language import claims, lexicon
from desktop.core.language.text import STOPWORDS, content, dotted_names, language_of, sentences, words

ENGLISH = 0.25  # share of English small words above which a text reads as English


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    claim: claims.Claim
    speaker: str = ""  # who says it, a pronoun resolved to the name it stands for
    addressed_to_ai: bool = False  # text that speaks to software, not to readers


@dataclass(frozen=True)
class Voice:
    """A sentence where someone named criticizes, sets a condition or thanks: a neutral
    summary keeps it, attributed to them."""

    speaker: str  # as the article names them: "The Harbor Union"
    kind: str  # criticism, condition or praise
    span: tuple[int, int]  # the article sentence
    opening: str  # how the article begins to report it: "The Harbor Union has criticized"
    asks: str = ""  # for a condition, what it asks for ("a new school")


VOICE_ORDER = ("criticism", "condition", "praise")  # most important first


@dataclass
class Article:
    text: str  # the cleaned text the summary is made of
    genre: genres.Genre = field(default_factory=lambda: genres.Genre(genres.NEWS))
    headline: str = ""  # the page's title, when the text begins with one
    english: bool = True  # the checks that read English words apply
    language: str = "English"  # its language's English name; "" when not known

    @classmethod
    def build(cls, text: str, source: Source | None = None, cleaned: Cleaned | None = None) -> "Article":
        source = source or Source(text=text)
        cleaned = cleaned or Cleaned(text=text)
        genre = genres.detect(text, label=cleaned.label, byline=cleaned.byline, url=source.url,
                              section=source.section, declared=source.kind,
                              author=source.author, site=source.site)
        # A list of results or events has few small words: the language model still tells it.
        language = "English" if is_english(text) else language_of(text)
        return cls(text, genre, genres.headline(text), language == "English", language)

    @cached_property
    def dotted(self) -> frozenset[str]:
        """Names the article writes with a full stop inside ("ID. Buzz"): no sentence ends there,
        in the article or in its summary. English only: another language's small words ("la",
        "Die") are no stopwords here."""
        return dotted_names(self.text) if self.english else frozenset()

    @cached_property
    def sentences(self) -> list[Sentence]:
        found, last_named, speaking, quoting = [], "", "", False
        spans = sentences(self.text, self.dotted)
        for n, (a, b) in enumerate(spans):
            sentence = self.text[a:b]
            after = self.text[spans[n + 1][0]:spans[n + 1][1]] if n + 1 < len(spans) else ""
            claim = claims.read(sentence) if self.english else claims.Claim(sentence)
            speaker = claim.speaker
            if claim.named:
                last_named = claim.speaker
            elif speaker and last_named and speaker.lower() in ("he", "she"):
                speaker = last_named  # "He said" after "Mayor Ana Ruiz said"
            elif speaker:
                speaker = ""
            elif self.english and (_QUOTE_ALONE.fullmatch(sentence) or quoting) and not _QUOTE_OWNED.match(after):
                speaker = speaking  # a quote on its own goes on from the one who just spoke
            elif self.english and lexicon.quoted_spans(sentence) and (owner := _OWNER_AFTER.match(after)):
                speaker = owner.group(1)  # quoted words whose speaker the next sentence names
            speaking = speaker
            # A quote of several sentences: those after its first have no opening mark.
            opened = len(_OPENS.findall(sentence)) > len(_CLOSES.findall(sentence))
            quoting = bool(speaker) and (opened or (quoting and not _CLOSES.search(sentence)))
            found.append(Sentence(a, b, sentence, claim, speaker,
                                  bool(ADDRESSED_TO_AI.search(sentence))))
        return found

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.sentences]

    def at(self, span: tuple[int, int]) -> Sentence:
        return next(s for s in self.sentences if (s.start, s.end) == span)

    @cached_property
    def voices(self) -> list[Voice]:
        """The article's criticism, conditions and praise by someone named, in its order."""
        found = []
        for s in self.sentences:
            claim = s.claim
            # A condition or thanks inside the speaker's quoted words counts too.
            condition = _CONDITION.search(s.text)
            speaker = s.speaker if s.speaker and claim.named else claim.speaker
            if condition and (claim.named or claim.opening):
                asks = _asks(s.text, condition.end())
                if content(asks) and _is_name(speaker):
                    found.append(Voice(speaker, "condition", (s.start, s.end), claim.opening or speaker, asks))
                    continue
            kind = claim.verb_kind if claim.verb_kind in ("criticism", "praise") else \
                "praise" if claim.verb_kind == "speech" and _THANKS.search(s.text) else ""
            if kind and claim.named and _is_name(claim.speaker):
                found.append(Voice(claim.speaker, kind, (s.start, s.end), claim.opening))
        return found

    @cached_property
    def names(self) -> set[str]:
        """Capitalized words the article writes in mid-sentence: its names' words."""
        return {m.group() for m in words(self.text)
                if m.group()[:1].isupper() and m.start() and self.text[m.start() - 2:m.start()].strip() not in ".!?"}


# A sentence that is all one quote, or its first sentence: “We are on track,” with no one
# named for it (‘…’ too); the sentence after it may name whose it is ("That is how Ruiz put it").
_QUOTE_ALONE = re.compile(r"\s*[\"“‘](?:[^\"“”‘’]|(?<=[A-Za-z])’(?=[A-Za-z]))+(?:[\"”’]|[.!?][\"”’]?)?\s*")
# A sentence that names whose the quoted words before it are: "That's the optimistic view
# mouthed by Michael Reed, …", "So says Ana Ruiz", "Those are the words of the mayor, Ana Ruiz".
_OWNER_AFTER = re.compile(
    r"\s*(?:(?:That|This|Those|These)(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:view|views|words?|claim|promise|assessment|verdict|argument|message|pitch|line|prediction|forecast|"
    r"hope|take|boast|vision)\b[^.;:]{0,40}?\b(?:by|of|from)|So\s+(?:says|said))\s+"
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})")
_QUOTE_OWNED = re.compile(r"\s*(?:That|This|So)(?:['’]s|\s+is|\s+was)?\s+(?:how|what)\b|\s*[Ss]o\s+said\b")
_OPENS = re.compile(r"“|‘(?![a-z])|(?:^|(?<=\s))\"")
_CLOSES = re.compile(r"”|(?<![A-Za-z])’|(?<=[a-z])’(?=\s|$)|\"(?=\s|$|[,.;:!?])")

# What a condition asks for follows these words; "if" and "unless" set other conditions.
_CONDITION = re.compile(r"\b(?:in exchange for|in return for|on (?:the )?condition (?:that|of)|"
                        r"provided that|as long as|only if)\b", re.IGNORECASE)
# Thanks said in other words: "X said the city was grateful to Y".
_THANKS = re.compile(r"\b(?:grateful|thankful|appreciat(?:e|es|ed|ive))\b", re.IGNORECASE)
# The words after the condition, up to a comma, a bracket or the sentence's end ("U.S. aid"
# stays whole).
_OBJECT = re.compile(r"\s*(?:of\s+|that\s+)?(.{1,60}?)\s*(?=[,;:!?)]|(?<!\b[A-Z])\.(?:[\"”’]|\s|$)|$)")


def _asks(sentence: str, position: int) -> str:
    following = _OBJECT.match(sentence, position)
    return re.sub(r"[\"“”‘’«»]", "", following.group(1)).strip() if following else ""


def _is_name(speaker: str) -> bool:
    """A speaker a voice point can name: capitalized words, not a sentence's opening word
    ("After", "In") nor a possessive ("Trump's lawyer")."""
    kept = [w for w in speaker.split() if w.lower() not in STOPWORDS]
    return bool(kept) and all(w[0].isupper() or w.lower() in ("percent", "%") for w in kept[:1]) \
        and not re.search(r"['’]s\b", speaker) and speaker.split()[0] not in _OPENERS


_OPENERS = {"In", "After", "Before", "When", "While", "As", "But", "And", "However", "Critics"}


def is_english(text: str) -> bool:
    found = [m.group().lower() for m in words(text[:20_000])]
    return bool(found) and sum(w in STOPWORDS for w in found) / len(found) >= ENGLISH


def missing_voices(article: Article, written: list[str], evidence_of) -> list[Voice]:
    """The most important voices that none of the written sentences reports: no sentence is
    backed by the voice's sentence while naming its speaker; for a condition, none says what
    it asks for (its first three meaningful words). One per speaker and kind.
    `evidence_of(sentence)` gives the article spans behind a written sentence."""
    covered = [(span, text) for text in written for span in evidence_of(text)]
    said = [set(content(text)) for text in written]
    out, seen = [], set()
    for voice in sorted(article.voices, key=lambda v: VOICE_ORDER.index(v.kind)):
        if (voice.speaker, voice.kind) in seen:
            continue
        if voice.kind == "condition":
            if any(set(content(voice.asks)[:3]) <= words_ for words_ in said):
                continue
        else:
            parts = [n for n in voice.speaker.split() if n[:1].isupper() and n != "The"]
            if any(span == voice.span and any(re.search(rf"\b{re.escape(n)}\b", s) for n in parts)
                   for span, s in covered):
                continue
        seen.add((voice.speaker, voice.kind))
        out.append(voice)
    return out


LEAD_WORDS = 6  # how much of an untold sentence a key point is begun with (less lets the model drift)
_NOT_OPENINGS = STOPWORDS - {"the", "a", "an"}  # "It", "But", "After": no way to begin anew


def untold_openings(article: Article, written: list[str], evidence_of) -> list[str]:
    """How to begin key points on what the article tells and no written sentence does, for a
    model that tells one fact again and again: the first words (up to a comma) of sentences
    that no written sentence is backed by, those with the most words of the headline and the
    first sentences (the article's subject, not what the page carries beside it) first. Not
    the headline, a question, a quote or a caption ("Photo: …"), nor one that begins with a
    small word, which may point back ("It", "But", "After that")."""
    covered = {span for text in written for span in evidence_of(text)}
    told = article.sentences
    subject = {word for s in (article.headline, *(s.text for s in told[:2])) for word in content(s)}
    ranked = []
    for n, s in enumerate(told):
        opening = s.text.split(",", 1)[0].split()[:LEAD_WORDS]
        shared = len(subject & set(content(s.text)))
        if (s.start, s.end) in covered or s.text == article.headline or len(s.text.split()) < 8 \
                or s.text.rstrip().endswith("?") or len(opening) < 3 or s.text[0] in "\"“‘'«" \
                or ":" in " ".join(opening) or re.split(r"['’]", opening[0].lower())[0] in _NOT_OPENINGS \
                or not shared:
            continue
        ranked.append((-shared, n, " ".join(opening)))
    return [opening for _, _, opening in sorted(ranked)]


def speaker_words(speaker: str) -> set[str]:
    """The words by which a summary can name a speaker: "the Russian and Syrian defense
    ministries" -> russian, syrian, defense, ministry."""
    return {w for w in content(speaker)} - {"percent", "cent"}


def judging_markers() -> set[str]:
    return set(lexicon.JUDGING_CATEGORIES) | {"prescriptive", "first person", "second person"}
