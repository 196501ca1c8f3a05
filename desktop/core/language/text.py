"""Words and sentences of plain text, with their positions, for the checks."""

from __future__ import annotations

import re
import unicodedata

STOPWORDS = frozenset("""a an the of to in on at for by with and or but nor so yet is are was were be been
being am has have had do does did he she it they we you i his her its their our your my him them us me
this that these those as from will would could should can may might must shall not no than then there
here who whom whose which what when where why how after before about into over under also just only
very more most some any such said says say all each other both either neither if while because until
up down out off again further once own same too s t""".split())

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# Titles and abbreviations after which a full stop does not end a sentence ("Sen. Paul").
ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "No", "vs", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt",
                 "Col", "Sgt", "Capt", "Jr", "Sr", "Prof", "Rev", "Mt", "Ft", "Jan", "Feb", "Aug",
                 "Sept", "Oct", "Nov", "Dec", "Inc", "Corp", "Co", "approx", "etc")
# Not after an initial ("U.S.", "J. Smith") nor after an abbreviation.
NOT_AN_END = r"(?<!\b[A-Z])" + "".join(rf"(?<!\b{a})" for a in ABBREVIATIONS)
# A sentence ends at . ! or ? (and closing quotes or brackets), then space and a capital
# (Latin, Greek or Cyrillic), digit, quote or bracket; or at a blank line.
_SENTENCE_END = re.compile(NOT_AN_END + r"[.!?][\"”’')\]»]*\s+(?=[A-ZÀ-ÖØ-ÞΑ-ΩА-ЯЁ0-9\"“‘'(«])|\n\s*\n")


def possessive(name: str) -> str:
    """ "Ortiz’s", "officials’"."""
    return name + ("’" if name.endswith("s") else "’s")


def starts_sentence(text: str, position: int) -> bool:
    """Whether `position` is where a sentence (or a line) begins."""
    before = text[:position].rstrip(" \t\"“‘(-*")
    return not before or before[-1] in ".!?:\n"


# A short capitalized word, its full stop and the capitalized word after it: a name with a
# stop inside ("ID. Buzz") where a text writes it so more than once.
_DOTTED = re.compile(r"\b[A-Z][A-Za-z]{0,3}\. [A-Z][\w-]*")


def dotted_names(text: str) -> frozenset[str]:
    """The names a text writes with a full stop inside, more than once and the same way ("ID.
    Buzz" of a carmaker's line): no sentence ends at their stop. Not after a small word ("…
    at NATO. The"), which begins a sentence."""
    counts: dict[str, int] = {}
    for match in _DOTTED.finditer(text):
        counts[match.group()] = counts.get(match.group(), 0) + 1
    return frozenset(name for name, n in counts.items()
                     if n >= 2 and name.rsplit(" ", 1)[1].lower() not in STOPWORDS)


def joined_at(before: str, after: str, dotted: frozenset[str]) -> bool:
    """Whether the stop that ends `before` is inside one of the `dotted` names, which `after`
    goes on with."""
    if not dotted:
        return False
    head = re.search(r"\b[A-Z][A-Za-z]{0,3}\.$", before.rstrip())
    tail = re.match(r"\s*([A-Z][\w-]*)", after)
    # (the model writes a word in pieces: " SP" may begin "SPACE")
    return bool(head and tail) and any(name.startswith(f"{head.group()} {tail.group(1)}") for name in dotted)


def sentences(text: str, dotted: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of each sentence, without surrounding white space; `dotted`: names with a
    full stop inside (`dotted_names`)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if dotted and joined_at(text[:match.start() + 1], text[match.end():], dotted):  # (no copies without)
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        if chunk.strip():
            a += len(chunk) - len(chunk.lstrip())
            b -= len(chunk) - len(chunk.rstrip())
            out.append((a, b))
    return out


DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december"})
# Words for a stretch of time: "this week", "last season".
TIME_WORDS = frozenset({"year", "week", "month", "morning", "afternoon", "evening", "weekend", "time",
                        "summer", "winter", "spring", "autumn", "fall", "season", "decade", "century", "day",
                        "quarter", "term", "round"})


def words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def norm(word: str) -> str:
    """A word's lower-case stem: possessive, plural and common endings off; a verb in small
    letters in its plain form ("getting", "fell": "get", "fall"). A capital may begin a name
    ("Manning", "Rose"), and a past that is also a noun ("shot", "thought") stays as it is."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    small = word[:1].islower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[:-len(suffix)]
            if small and suffix in ("ing", "ed") and _DOUBLED.search(w):
                w = w[:-1]  # "getting", "stopped": "get", "stop"
            return w
    return _plain_form(w) if small and w not in _PAST_NOUNS else w


# A short verb's last consonant, doubled before "-ing" or "-ed" ("gett", "plann"); not the
# "l", "s", "z" or "f" a word ends with ("call", "pass", "buzz", "staff").
_DOUBLED = re.compile(r"[^aeiou][aeiou]([bdgkmnprt])\1$")
# Irregular pasts that are nouns as well, whose plurals stay theirs ("shots", "thoughts").
_PAST_NOUNS = {"shot", "thought", "saw", "rose", "left", "met", "lent", "won", "found", "led"}


def _plain_form(word: str) -> str:
    from desktop.core.language import lexicon  # it reads its words with this module's help
    return lexicon.verb_lemma(word)


STEM = 6  # letters a stem keeps: "violating" and "violation", "deported" and "deportees" meet


def stem(word: str) -> str:
    """A coarse stem for matching a summary's words with the article's, whatever their form."""
    return norm(word)[:STEM]


def meaningful(text: str) -> list[str]:
    """The words that carry meaning, as written."""
    return [m.group() for m in words(text) if m.group().lower() not in STOPWORDS]


def content(text: str) -> list[str]:
    """The stems of the words that carry meaning."""
    return [stem(w) for w in meaningful(text)]


def text_scripts(text: str) -> frozenset[str]:
    """The writing systems of a text's letters: LATIN, CYRILLIC, CJK, ARABIC…"""
    found = set()
    for char in set(text):
        if char.isalpha():
            name = unicodedata.name(char, "")
            found.add(name.split(" ")[0] if name else "UNKNOWN")
    return frozenset(found)


# The English names of the languages py3langid tells apart that a reader most often has news in.
_LANGUAGES = {
    "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay",
    "nb": "Norwegian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sr": "Serbian",
    "sv": "Swedish", "sw": "Swahili", "th": "Thai", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}


def language_of(text: str) -> str:
    """The English name of the language `text` is written in, or "" when it is none of those
    named above. (py3langid loads its model at the first call: about a second.)"""
    import py3langid

    code, _ = py3langid.classify(text[:5000])
    return _LANGUAGES.get(code, "")

