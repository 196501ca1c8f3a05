"""Does the article have the numbers, names and quotes a summary states, and its wording?

Deterministic and cheap, so it runs on every sentence written. Each finding is a span of the
checked text with a one-line reason.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from desktop.core.language import lexicon
from desktop.core.language.text import ABBREVIATIONS, STOPWORDS, meaningful, norm, sentences, starts_sentence, words

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
          "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
          "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
          "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12}
_SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12, "tn": 1e12}
_UNIT_WORDS = "|".join(sorted((w for w in _UNITS if w != "one"), key=len, reverse=True))
# A number: digits (with thousands separators or decimals, maybe an ordinal ending), or number
# words ("forty-five", "one million"), then perhaps a scale ("1.5 million", "£200million",
# "40 thousand"; a one-letter scale only when joined: "5m", not "100 m").
_NUMBER = re.compile(
    r"(?<![\w.])(?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:st|nd|rd|th)?"
    rf"|(?P<words>(?:{_UNIT_WORDS})(?:[\s-]+(?:{_UNIT_WORDS}))*\b|one(?=\s+(?:hundred|thousand|million|billion|trillion)\b)))"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn)\b|(?P<short>[mbk])\b)?",
    re.IGNORECASE)
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9}


# Names that mean the same thing; a name matches if the article has any of its group.
ALIASES = [
    {"us", "u.s", "usa", "u.s.a", "united states", "united states of america", "america",
     "american", "americans", "washington"},
    {"uk", "u.k", "britain", "great britain", "united kingdom", "british"},
    {"un", "u.n", "united nations"},
    {"eu", "e.u", "european union"},
    {"gop", "republican party", "republicans", "republican"},
    {"democrats", "democratic party", "democratic", "democrat"},
    {"nyc", "new york city"},
    {"ussr", "soviet union"},
    {"uae", "united arab emirates"},
    {"who", "world health organization"},
    {"nato", "north atlantic treaty organization"},
]


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    text: str
    kind: str  # "number", "name", "quote" or "wording"
    reason: str


def number_values(text: str) -> list[tuple[int, int, float]]:
    found = []
    for match in _NUMBER.finditer(text):
        if match.group("digits"):
            value = float(match.group("digits").replace(",", ""))
        else:
            value = _words_value(match.group("words"))
            if value is None:
                continue
        if match.group("scale"):
            value *= _SCALES[match.group("scale").lower()]
            end = match.end("scale")
        elif match.group("short"):
            value *= _SHORT_SCALES[match.group("short").lower()]
            end = match.end("short")
        else:
            end = match.end("digits") if match.group("digits") else match.end("words")
        found.append((match.start(), end, value))
    return found


def _words_value(phrase: str) -> float | None:
    total = 0
    for word in re.split(r"[\s-]+", phrase.strip().lower()):
        value = {"one": 1}.get(word, _UNITS.get(word))
        if value is None:
            return None
        total = max(total, 1) * 100 if value == 100 else total + value
    return float(total) if total else None


def _tokens_lower(text: str) -> set[str]:
    return {m.group().lower().replace("’", "'") for m in words(text)}


def _name_variants(name: str) -> set[str]:
    key = name.lower().replace("’", "'").rstrip(".")
    key = re.sub(r"'s$", "", key)
    key = re.sub(r"^the\s+", "", key)
    for group in ALIASES:
        if key in group:
            return group | {key}
    return {key}


class ArticleIndex:
    """What the checks look up in the article, computed once."""

    def __init__(self, article: str):
        self.lower = re.sub(r"\s+", " ", article.lower().replace("’", "'"))
        self.tokens = _tokens_lower(article)
        self.stems = {norm(t) for t in self.tokens}
        self.numbers = {round(v, 6) for _, _, v in number_values(article)}
        self.number_pairs = _told_together(article)
        self.pair_lines = _lines_by_pair(article)
        self.estimates = _estimates_only(article)
        softened = lexicon.soften(article)  # summaries may drop the article's loaded words
        self.pairs = set(_pairs(article)) | set(_pairs(softened))
        # Words the article writes in lower case are common words, not names.
        self.common = {norm(m.group()) for m in words(article) if m.group().islower()}
        # Initialisms of the article's names: "CDC" for "Centers for Disease Control".
        self.initials = {"".join(w[0] for w in name.split()
                                 if w[0].isupper() and w.lower() not in STOPWORDS).lower()
                         for name in _NAME.findall(article) if len(name.split()) > 1}

    def has_phrase(self, phrase: str) -> bool:
        return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", self.lower) is not None

    def has_name(self, name: str) -> bool:
        for variant in _name_variants(name):
            if self.has_phrase(variant) or variant.replace(".", "") in self.initials:
                return True
        # Every word of the name in the article ("Lena Ortiz" when it says "Mayor Ortiz"
        # and "Lena"), allowing plurals, possessives and small spelling differences.
        parts = [norm(w) for w in re.findall(r"[^\W_]+", name)
                 if w.lower() not in STOPWORDS and w not in ABBREVIATIONS]  # "Mr.", "Sen."
        return bool(parts) and all(self._has_word(p) for p in parts)

    def _has_word(self, stem: str) -> bool:
        if stem in self.stems:
            return True
        return len(stem) >= 5 and bool(difflib.get_close_matches(stem, self.stems, n=1, cutoff=0.85))


def _pairs(text: str) -> list[tuple[str, str]]:
    """Adjacent pairs of the text's meaningful words ("Ortiz thanked Berg": (ortiz, thank),
    (thank, berg)): the wording a claim is made of, whatever the small words around it."""
    stems = [norm(w) for w in meaningful(text)]
    return list(zip(stems, stems[1:]))


# A name: capitalized words, maybe joined by "of", "for", "the", "de" or "&" ("Secretary of
# State", "Centers for Disease Control"), or an acronym.
_WORD_OF_NAME = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’-]*)"  # "U.S." or "Ortiz's"
_NAME = re.compile(rf"\b{_WORD_OF_NAME}(?:[ \t]+(?:(?:of|for|the|de|del|da|von|van|&)[ \t]+)?"
                   rf"{_WORD_OF_NAME})*")


def title_case(text: str) -> bool:
    """Whether most words are capitalized, as in many headlines: then capitals say nothing."""
    found = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in STOPWORDS]
    return len(found) >= 3 and sum(w[0].isupper() for w in found) > 0.6 * len(found)


def names(text: str, index: ArticleIndex, title: bool = False) -> list[tuple[int, int, str]]:
    """Proper names in the text. A capitalized word that the article also writes in lower case
    (a sentence's first word, a title's words) is a common word, not a name. In a title-cased
    `title` only the names the article has are found (to count them); none can be checked."""
    found = []
    headline = title and title_case(text)
    for match in _NAME.finditer(text):
        parts = list(re.finditer(r"[^\s]+", match.group()))
        # Trim common words at either end ("The", "Officials", "In"), keep inner connectors.
        while parts and (_is_common(parts[0].group(), index) or (  # another language's article:
                re.fullmatch(r"[^\W\d_]", parts[0].group())  # "O calendário", "E Holm falou" ("J. K." stays)
                and starts_sentence(text, match.start() + parts[0].start()))):
            parts.pop(0)
        while parts and _is_common(parts[-1].group(), index):
            parts.pop()
        if not parts:
            continue
        start, end = match.start() + parts[0].start(), match.start() + parts[-1].end()
        name = text[start:end].rstrip(".,;:'’")
        if len(parts) == 1 and starts_sentence(text, start) and _COMMON_ENDING.search(name) \
                and not _capitalized_elsewhere(name, text, start):
            continue  # "Potential impact…", "Others said…": a common word begins the sentence
        if headline and not index.has_name(name):
            continue
        found.append((start, start + len(name), name))
    return found


# Endings of English common words (not names); used only for a sentence's lone first word.
_COMMON_ENDING = re.compile(r"(?:ed|ing|ly|ance|ence|ment|tion|sion|ity|ness|ive|al|ous|ful|"
                            r"less|able|ible|er|or|ie|ist|ism)s?$")


def _capitalized_elsewhere(name: str, text: str, position: int) -> bool:
    return any(m.start() != position and not starts_sentence(text, m.start())
               for m in re.finditer(r"\b" + re.escape(name) + r"\b", text))


def _is_common(word: str, index: ArticleIndex) -> bool:
    bare = re.sub(r"['’]s$", "", word.strip(".,;:'’\"")).strip(".")
    lower = bare.lower()
    return (not bare or bare[0].islower() or lower in STOPWORDS or lower in _UNITS
            or bare in ABBREVIATIONS or norm(lower) in index.common)


# Two numbers told as one: a score, a vote, a range ("beat them 70-44", "a 6-3 vote"). Its
# two numbers apart in the article ("14 11 6 15") are no such pair; in the article a pair may
# run "6 to 3", "5-to-4", "five to four", "$5 to $10", "Sept. 9 through Sept. 11",
# "between 2% and 3%", "2019/20", "Harbor 70, Bay 44".
_PAIR = re.compile(r"(?<![\w.,-])(\d+)\s?[-–]\s?(\d+)(?![\w.,-]?\d)")
# What may stand between two numbers told together: a range's or a score's word or mark, with
# the first number's unit and the second's sign or month around it.
_BETWEEN = re.compile(r"\s*(?:%|percent|per cent|[ap]\.m\.|[a-z]{1,9}\.?)?\s*"
                      r"(?:[-–—/]|-?\s?\b(?:to|until|through|and|or)\b-?)\s*[$£€]?\s*(?:[A-Z][a-z]{2,8}\.?\s+)?"
                      r"|,\s*(?:[A-Z][\w.’'-]*\s+){1,3}",  # a score: "Harbor 70, Bay 44"
                      re.IGNORECASE)


def _pair(a: float, b: float) -> tuple[float, float]:
    return (min(a, b), max(a, b))  # a score read either way round


def _told_together(article: str) -> set[tuple[float, float]]:
    """The pairs of numbers the article tells together, next to each other in one sentence."""
    return {pair for a, b in sentences(article) for pair in _pairs_in(article[a:b])}


def _pairs_in(text: str) -> set[tuple[float, float]]:
    values = number_values(text)
    return {_pair(round(first, 6), round(second, 6))
            for (_, end, first), (start, _, second) in zip(values, values[1:]) if _BETWEEN.fullmatch(text[end:start])}


def _lines_by_pair(article: str) -> dict[tuple[float, float], list[str]]:
    """The article's lines (paragraphs, a results list's rows) that tell each pair of numbers."""
    found: dict[tuple[float, float], list[str]] = {}
    for line in article.split("\n"):
        for pair in _pairs_in(line):
            found.setdefault(pair, []).append(line.lower())
    return found


PAIR_NAMES_BEFORE = 40  # characters before a score or a vote where its sides are named


def _pair_given_to_others(text: str, match: re.Match, index: "ArticleIndex") -> bool:
    """Whether the names told just before a pair ("Viera defeated Rockledge 70-44") are not all
    in any line of the article that gives the pair ("Palm Bay d. Rockledge 70-44")."""
    lines = index.pair_lines.get(_pair(*map(float, match.groups())), [])
    near = [name for start, _, name in names(text, index) if match.start() - PAIR_NAMES_BEFORE <= start < match.start()]
    return bool(lines and near) and not any(all(w.lower() in line for name in near for w in name.split())
                                            for line in lines)


# Words that make a number an estimate or a bound: "about a dozen", "more than 100", "up to
# 90 per cent". "over" and "under" only in a summary: in an article they may tell a span of
# time ("over three days") or an age ("under 18").
_ESTIMATE_WORDS = (r"about|around|several|a\s+few|a\s+couple\s+of|roughly|nearly|almost|approximately|some|"
                   r"an\s+estimated|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|"
                   r"as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|close\s+to|upwards\s+of")
_ESTIMATE_BEFORE = re.compile(rf"\b({_ESTIMATE_WORDS})\s+(?:a\s+)?[$£€]?$", re.IGNORECASE)
_ESTIMATE_BEFORE_ANY = re.compile(rf"(?:\b(?:{_ESTIMATE_WORDS}|(?:just\s+|well\s+)?(?:over|under)|north\s+of|"
                                  r"in\s+excess\s+of|above|below)\s+|~\s*)(?:a\s+)?[$£€]?$", re.IGNORECASE)
_ESTIMATE_AFTER = re.compile(r"\s*(?:or\s+so|or\s+more|or\s+fewer|or\s+less|-?plus\b|\+|-?odd\b)", re.IGNORECASE)
_A_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# "Up to" that is no bound: "it is up to 12 jurors", "rose up to 5 per cent".
_NO_BOUND = re.compile(r"\b(?:is|was|are|were|be|been|now|it['’]s|go|goes|went|gone|rose|rise|rises|risen|"
                       r"climbed|jumped|grew|increased)\s+up\s+to\s+[$£€]?$", re.IGNORECASE)


def _a_quantity(text: str, start: int, end: int) -> bool:
    """Whether the number counts or measures, not names a thing: "3M", "737 Max", "10
    Downing Street", a year."""
    named = re.fullmatch(r"\d+[A-Z]", text[start:end]) and not re.search(r"[$£€]\s*$", text[:start])
    return not named and not _A_YEAR.fullmatch(text[start:end]) and not re.match(r"[A-Za-z]|\s+[A-Z]", text[end:])


def _estimates_only(article: str) -> dict[float, str]:
    """The numbers the article gives only as an estimate or a bound, each with its word
    ("about"): told bare, such a number says more than the article knows."""
    bare: set[float] = set()
    hedged: dict[float, str] = {}
    for start, end, value in number_values(article):
        if not _a_quantity(article, start, end):
            continue
        before = article[max(0, start - 30):start]
        found = _ESTIMATE_BEFORE.search(before)
        if found and not _NO_BOUND.search(before):
            hedged.setdefault(round(value, 6), re.sub(r"\s+", " ", found.group(1)).lower())
        elif not _ESTIMATE_AFTER.match(article[end:]):
            bare.add(round(value, 6))
    return {value: word for value, word in hedged.items() if value not in bare}


def estimates_told_exactly(text: str, index: ArticleIndex) -> list[tuple[int, int, str]]:
    """The numbers of `text` told bare that the article gives only as an estimate or a
    bound: their span and the article's word for it ("about")."""
    found = []
    for start, end, value in number_values(text):
        word = index.estimates.get(round(value, 6))
        if word and _a_quantity(text, start, end) and not text[start:end].lower().endswith("dozen") \
                and not _ESTIMATE_BEFORE_ANY.search(text[max(0, start - 30):start]) \
                and not _ESTIMATE_AFTER.match(text[end:]):
            found.append((start, end, word))
    return found


# Before a number an estimate's word cannot go: "the 12 owners" is no "the about 12 owners".
_NO_ROOM = re.compile(r"(?:\b(?:the|these|those|its|his|her|their|our|all|a|an)|\w['’]s)\s+[$£€]?$|[\d.,-]$",
                      re.IGNORECASE)


def with_estimates(text: str, index: ArticleIndex) -> str:
    """The text with the article's word written before each number it gives only as an
    estimate ("12 owners met" -> "About 12 owners met"), where it fits."""
    for start, _, word in reversed(estimates_told_exactly(text, index)):
        if _NO_ROOM.search(text[:start]) or word in ("several", "a few", "a couple of"):
            continue  # "several 12" tells no number
        at = start - 1 if re.search(r"[$£€]$", text[:start]) else start
        first = not text[:at].strip() or re.search(r"[.!?:]\s*$", text[:at])
        number = text[at:at + 1].lower() + text[at + 1:] if first else text[at:]  # "About twelve"
        text = text[:at] + (word[:1].upper() + word[1:] if first else word) + " " + number
    return text


def check(text: str, index: ArticleIndex, title: bool = False) -> list[Finding]:
    """The numbers, names and quotes in `text` (a summary's sentence) that the article lacks."""
    findings: list[Finding] = []
    for start, end in lexicon.quoted_spans(text):
        closed = end - 1 if text[end - 1] in "\"“”„«»’" else end  # a quote cut off has no closing mark
        inner = re.sub(r"\s+", " ", text[start + 1:closed].lower().replace("’", "'")).strip(" .,")
        if inner and not index.has_phrase(inner):
            findings.append(Finding(start, end, text[start:end], "quote",
                                    "Quote not found in the article."))
    for start, end, value in number_values(text):
        if round(value, 6) not in index.numbers:
            findings.append(Finding(start, end, text[start:end], "number",
                                    "Number not in the article."))
    for start, end, word in estimates_told_exactly(text, index):
        findings.append(Finding(start, end, text[start:end], "number",
                                f"The article gives this number as an estimate or a bound (“{word}”): say so."))
    for match in _PAIR.finditer(text):
        if any(f.kind == "number" and match.start() <= f.start < match.end() for f in findings):
            continue
        if _pair(*map(float, match.groups())) not in index.number_pairs:
            findings.append(Finding(match.start(), match.end(), match.group(), "number",
                                    "The article does not give these numbers together."))
        elif _pair_given_to_others(text, match, index):
            findings.append(Finding(match.start(), match.end(), match.group(), "number",
                                    "The article gives this score or count to others: who did what "
                                    "may have changed."))
    for start, end, name in names(text, index, title):
        if not index.has_name(name):
            findings.append(Finding(start, end, name, "name", "Name not in the article."))
    return sorted(findings, key=lambda f: f.start)


_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_YEAR_BEFORE_NOUN = re.compile(r"\b(?:the|this|that|a|its|his|her|their)\s+$", re.IGNORECASE)
_YEAR_AFTER = re.compile(r",?\s+(?:in|during)\s+$")  # "... won in 2020" ("until 2020" is a fact)
_YEAR_FIRST = re.compile(r"(?:^|(?<=[.!?]\s))(?:In|During)\s+$")  # "In 2020, ..."
# Another number close by ("in 2020 and 2021", "the 2020 to 2024 period") or a unit ("2020
# dollars"): the year is part of something larger, flagged rather than cut.
_NEAR_NUMBER = re.compile(r"\d|\b(?:and|or|to|through)\s*$")
_YEAR_UNIT = re.compile(r"\s*(?:[-–]|and\b|or\b|to\b|through\b|dollars\b|prices\b|\d)")


def without_unsupported_years(text: str, index: ArticleIndex) -> str:
    """The text without the years the article lacks, where they go without breaking the
    sentence: "in the 2020 election" -> "in the election", "won in 2020." -> "won.",
    "In 2020, they won" -> "They won". A small model adds years that an article implies."""
    for start, end, value in reversed(number_values(text)):
        if not _YEAR.fullmatch(text[start:end]) or round(value, 6) in index.numbers:
            continue
        before, after = text[:start], text[end:]
        if _NEAR_NUMBER.search(before[-12:]) or _YEAR_UNIT.match(after):
            continue
        next_word = re.match(r"[\s,]*(\S*)", after).group(1)
        if _YEAR_BEFORE_NOUN.search(before) and re.match(r"\s+[^\W\d_]", after):
            text = before + after.lstrip()
        elif (first := _YEAR_FIRST.search(before)) and after.startswith(",") and (
                next_word.islower() or next_word[:1].isupper()):  # not "iPhone"
            rest = after[1:].lstrip()
            text = before[:first.start()] + rest[:1].upper() + rest[1:]
        elif (phrase := _YEAR_AFTER.search(before)) and re.match(r"(?:[\s.,;:!?)]|$)", after):
            text = before[:phrase.start()] + after
    return text


def new_wording(sentence: str, index: ArticleIndex) -> float:
    """The share of the sentence's pairs of meaningful words that the article never has."""
    pairs = _pairs(sentence)
    if not pairs:
        return 0.0
    return sum(1 for p in pairs if p not in index.pairs) / len(pairs)
