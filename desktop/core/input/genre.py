"""What kind of text an article is: a news report, or an opinion column, editorial, analysis,
review or fact check, whose judgements are its writer's and must be told as theirs.

The page's own word comes first (a section label above the article, the page's address, its
section or declared type, a byline that names a columnist, a closing line saying whose views
these are); without one, the writing itself: a text that speaks in the first person, addresses
its reader or tells them what should be done, sentence after sentence, is an opinion. Where
neither tells, the model that summarizes it is asked how it reads (`from_reading`), if its
answers have been measured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.language import claims, lexicon
from desktop.core.language.text import MONTHS, STOPWORDS, possessive, sentences

NEWS = "news report"
# A text whose page does not say what it is, written in the first and second person and
# telling the reader what to do or think: a blog post, a guide, a column, a sales page.
BLOG = "blog post"
# A company's or an organization's own statement about itself: its claims are its own.
PRESS = "press release"
KINDS = (NEWS, "opinion column", "editorial", "analysis", "review", "fact check", BLOG, PRESS)
# Where a marker word counts: in the page's address, its label, section or declared type.
_URL_WORDS = {
    "opinion column": r"opinions?|commentary|op-?eds?|columns?|columnists?|perspectives?|ideas|voices",
    "editorial": r"editorials?|our-view",
    "analysis": r"analysis|explainers?",
    "review": r"reviews?",
    "fact check": r"fact-?checks?|truth-o-meter",
    BLOG: r"blogs?",  # a company's or a person's: what its writer writes, not always an argument
}
_DECLARED = {"OpinionNewsArticle": "opinion column", "ReviewNewsArticle": "review",
             "Review": "review", "AnalysisNewsArticle": "analysis", "ClaimReview": "fact check",
             "BackgroundNewsArticle": "analysis"}
# The writing itself: shares of sentences that speak in the first person, address the reader,
# prescribe or judge, outside quotes.
STYLE_SENTENCES = 8  # fewer sentences than this say too little
OPINION_STYLE = 0.35  # share of sentences with those signs that makes a text an opinion


@dataclass(frozen=True)
class Genre:
    kind: str  # one of KINDS
    author: str = ""  # who holds its opinions: the writer, "the editorial board"
    reason: str = ""  # what told it, for the user: "the page's section: Opinion"

    @property
    def is_opinion(self) -> bool:
        """Whether its writer's judgements are the text (everything but a news report)."""
        return self.kind != NEWS

    @property
    def told_as(self) -> str:
        """How its summary tells it, for the user: "its views are told as Ana Ruiz's"."""
        what = "claims" if self.kind == PRESS else "views"
        return f"its {what} are told as {possessive(self.author) if self.author else 'its writer’s'}"


def detect(text: str, label: str = "", byline: str = "", url: str = "", section: str = "",
           declared: str = "", author: str = "", site: str = "") -> Genre:
    """The genre of an article (its cleaned text) and of the page it came from."""
    writer = _as_written(_author(byline, author), text)
    site = _as_written(site, text)
    for where, value in (("label above the article", label), ("section", section),
                         ("title", _title_label(text))):
        kind = _marker_kind(value)
        if kind:
            return _genre(kind, writer, site, f"the page's {where}: {value.strip()}")
    for name, kind in _DECLARED.items():
        if re.search(rf"\b{name}\b", declared):
            return _genre(kind, writer, site, f"the page declares itself a {name}")
    path = re.sub(r"^\w+://[^/]+", "", url.lower())
    for kind, words in _URL_WORDS.items():
        if re.search(rf"(?:^|[/_.-])(?:{words})(?:$|[/_.-])", path):
            return _genre(kind, writer, site, f"the page's address ({path.strip('/')[:60]})")
    if re.search(r"\b(?:columnist|contributor|opinion writer|editorial board)\b", byline, re.I):
        kind = "editorial" if "editorial" in byline.lower() else "opinion column"
        return _genre(kind, writer, site, f"the byline: {byline}")
    issuer, where = _issuer(text, url)
    if issuer:
        return Genre(PRESS, issuer, f"the page ends with its issuer's profile ({issuer}) {where}")
    ending = " ".join(text.split()[-80:]).lower()
    for phrase in lexicon.markers("genre", "opinion_endings"):
        if phrase in ending:
            return _genre("opinion column", writer, site, f"the closing line: “…{phrase}…”")
    share = opinion_style(text)
    if share >= OPINION_STYLE:
        return _genre(BLOG, writer, site,
                      f"its writing: {share:.0%} of its sentences speak in the first person, "
                      "address the reader or tell what should be done")
    if listed := _LIST_TITLE.match(headline(text)):
        return _genre(BLOG, writer, site, f"its title: a list of the writer's picks or advice "
                                          f"(“{listed.group().strip()} …”)")
    return Genre(NEWS, writer)


# A title that counts the writer's advice ("7 Tips to …", "5 Easy Ways to …"), ranks the
# writer's picks ("The 10 best …", a list of three or more) or teaches ("How to …"): a guide or
# a list, whose choices are its writer's, not a news report. Not a news explainer ("5 things to
# know about …") nor a count of people in the news ("3 Best Friends Killed in Crash").
_LIST_TITLE = re.compile(r"(?:(?:the|our|my)\s+)?\d{1,3}\s+(?:[\w'’]+\s+)?(?:tips|ways|things|reasons|ideas|"
                         r"steps|tricks|hacks|secrets|habits|lessons)\b(?!\s+(?:to\s+know|we\s+(?:know|learned)))"
                         r"|the\s+(?:[3-9]|\d{2,3})\s+best\s+(?!-)\w|how\s+to\b", re.IGNORECASE)


# A press release ends with its issuer's profile ("About Ascom"; "Ascom is a global provider
# of …"), and a wire's line, a contact or a link to the issuer's site.
_ABOUT = re.compile(r"^About\s+([^\W\d_][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,4})\s*:?\s*$", re.MULTILINE)
_PROFILE = re.compile(r"^([^\W_][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,4}),?\s+(?:\([^)]{2,30}\)\s+)?"
                      r"(?:is|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,6}?(?:company|provider|platform|firm|maker|"
                      r"manufacturer|developer|leader|group|organi[sz]ation|network|agency|specialist|supplier|"
                      r"producer|retailer|operator|pioneer|innovator|brand)\b", re.MULTILINE)
# A wire's name, or a contact's line of its own ("Media contact: Tom Li"), or the legal notice
# of a listed company; not "did not respond to media inquiries".
_RELEASED = re.compile(r"\b(?:PR ?Newswire|Business ?Wire|GLOBE ?NEWSWIRE|ACCESSWIRE)\b|"
                       r"^\s*(?:media|press|investor)\s+(?:contacts?|relations)\s*:|forward-looking statements",
                       re.IGNORECASE | re.MULTILINE)
ISSUER_TAIL = 0.4  # the share of the text, from its end, where the issuer's profile stands


def _issuer(text: str, url: str) -> tuple[str, str]:
    """Who issued the text, when it is a press release: the name of the profile it ends with,
    where a wire's or a contact's line, or the page's own address, says it is the issuer's;
    and what told. ("", "") for any other text."""
    tail = text[int(len(text) * (1 - ISSUER_TAIL)):]
    found = _ABOUT.search(tail) or _PROFILE.search(tail)
    if not found:
        return "", ""
    name = found.group(1).strip()
    if name.lower() in STOPWORDS or name.lower() in claims.PRONOUNS:
        return "", ""  # "They are a group of …": no issuer's name
    squashed = re.sub(r"[^a-z0-9]", "", name.lower())
    host = re.sub(r"^\w+://", "", url.lower()).split("/")[0]
    if len(squashed) >= 3 and squashed in host.replace("-", "").split("."):  # ascom.com, not oxfordmail
        return name, "on its own site"
    if line := _RELEASED.search(tail):
        return name, f"and “{line.group()}”"
    return "", ""


def worth_reading(found: Genre, sentence_count: int) -> bool:
    """Whether the model should be asked how the article reads: nothing on the page or in its
    style told (it is a news report by default), and it is long enough to tell."""
    return found.kind == NEWS and sentence_count >= STYLE_SENTENCES


def from_reading(found: Genre, odds: float, trusted_from: float) -> Genre:
    """The genre from the model's reading of the writing (`odds`: how much more it reads as
    its writer's views than as a news report, in log odds; `trusted_from`: the odds from which
    that model is right, measured): an opinion column when a person signs it, else a blog post."""
    if found.kind != NEWS or odds < trusted_from:
        return found
    kind = "opinion column" if person(found.author) else BLOG
    return Genre(kind, found.author, "its writing, as the model reads it")


def _genre(kind: str, writer: str, site: str, reason: str) -> Genre:
    if kind == "editorial":
        board = f"the editorial board of {site}" if site else "the editorial board"
        return Genre(kind, board, reason)
    if not writer and kind in ("analysis", "fact check", "review", BLOG) and site:
        writer = site  # "In a fact check, Snopes writes that"
    return Genre(kind, writer, reason)


def _marker_kind(value: str) -> str:
    """The genre a label or section names ("Opinion", "Kit Reviews", "News Analysis")."""
    words = re.findall(r"[a-z][a-z'-]*", value.lower())
    phrases = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)}
    for kind, key in (("editorial", "editorial"), ("fact check", "analysis"),
                      ("opinion column", "opinion"), ("analysis", "analysis"), ("review", "review")):
        listed = set(lexicon.markers("genre", key))
        if kind == "fact check":
            listed = {"fact check", "fact-check", "factcheck"}
        elif kind == "analysis":
            listed -= {"fact check", "fact-check", "factcheck"}
        if phrases & listed:
            return kind
    return ""


HEADLINE_WORDS = 30


def headline(text: str) -> str:
    """The text's first line, when it reads as its headline: more lines follow, it is short
    and it does not end with a full stop; else ""."""
    first = text.strip().split("\n", 1)[0].strip()
    if "\n" in text.strip() and len(first.split()) <= HEADLINE_WORDS and not re.search(r"[.]\s*$", first):
        return first
    return ""


def _title_label(text: str) -> str:
    """A label the title itself carries: "Opinion: ...", "... review: ...", "Review | ..."."""
    first = text.strip().split("\n", 1)[0]
    if len(first.split()) > 25:
        return ""
    match = re.match(r"\s*([A-Za-z' -]{3,30})\s*[:|–—]\s", first) or re.search(r"\b(review|analysis)\s*[:|–—]", first, re.I)
    return match.group(1) if match else ""


def _as_written(name: str, text: str) -> str:
    """A name the page shouts as the article writes it in mixed capitals ("Factcheck.org" for
    a page's "FACTCHECK.ORG"): the note names them in the article's words. Any other name as
    the page gives it ("Reuters" stays, though a dateline shouts "REUTERS")."""
    if not name.isupper():
        return name
    found = [m.group() for m in re.finditer(rf"(?<![\w.]){re.escape(name)}(?!\w)", text, re.IGNORECASE)]
    return next((w for w in found if not w.isupper() and not w.islower()), name)


def _author(byline: str, author: str) -> str:
    """The writer's name from the page or the byline ("By Ana Ruiz and Tom Li" -> "Ana Ruiz
    and Tom Li"); "" when unknown."""
    written = re.sub(r"^\s*(?:by|von|por|par)\s+", "", byline, flags=re.I)
    # A page may name its publisher first ("Condé Nast; Ana Ruiz"): the name the byline
    # shows wins, else the last one named.
    names = [n.strip() for n in author.split(";") if n.strip()] or [written]
    people = [n for n in names if person(n)]
    name = next((n for n in people if n in written), (people or names)[0] if people else names[-1])
    name = re.split(r"\s*[,|]\s*|\s+(?:is|for|in)\s+", name.strip())[0]
    if re.match(r"(?:The|A|An)\s+\w+$", name):  # "The Russian": no one's name
        return ""
    name = _without_title(name)
    return name if re.match(r"[A-Z]", name) and len(name.split()) <= 6 else ""


def _without_title(name: str) -> str:
    """A name without what a byline gives after it ("Tom Li News reporter" -> "Tom Li"): cut
    at its first word not in capitals (a job, a date's day), then drop a publisher's word or
    a month left at its end ("Ana Ruiz November")."""
    kept = []
    parts = name.split()
    if len(parts) >= 3 and parts[0][:1].isupper() and all(p.isalpha() and p.islower() for p in parts[1:]):
        return ""  # "Syrian defense ministries": an adjective and its noun, no one's name
    for word in parts:
        if not word[:1].isupper() and word not in _NAME_PARTICLES:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1].lower().strip(".") in _PUBLISHERS | MONTHS:
        kept.pop()
    return " ".join(kept)


# Small words inside a person's name: "Ana de la Cruz", "Ludwig van Beethoven".
_NAME_PARTICLES = {"de", "la", "del", "da", "di", "du", "van", "von", "der", "den", "al", "bin", "ben", "le", "and"}
_PUBLISHERS = {"nast", "media", "news", "press", "staff", "group", "inc", "network", "publishing",
               "digital", "wire", "service", "reuters", "associated", "agency", "desk", "team"}


# A newsroom's desks and publications, which sign articles as a writer would (not words that
# are also surnames: "Matt Daily", "Ana Herald").
_DESKS = {"sport", "sports", "editorial", "editors", "magazine", "podcast", "bureau", "newsroom",
          "reports", "online", "opinion", "business", "politics", "journal", "tribune", "gazette"}


def person(name: str) -> bool:
    """Whether a name looks like a person's: two to four capitalized words, none of a
    publisher's or a desk's ("Condé Nast", "Staff Reports", "Telegraph Sport"), not "The ..."."""
    parts = name.split()
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() for p in parts) and parts[0] != "The" \
        and not {p.lower().strip(".") for p in parts} & (_PUBLISHERS | _DESKS)


def opinion_style(text: str) -> float:
    """The share of the text's sentences that speak in the first person, address the reader,
    prescribe ("should", "must") or judge, outside quotes; 0 for short or non-English text."""
    spans = sentences(text)
    if len(spans) < STYLE_SENTENCES:
        return 0.0
    signs = 0
    for a, b in spans:
        claim = claims.read(text[a:b])
        if claim.named:  # a reported voice is not the writer's own
            continue
        if any(m.kind in ("first person", "second person", "prescriptive", "evaluative")
               for m in claim.judgements):
            signs += 1
    return signs / len(spans)
