"""Loaded wording: find it, tell copied from introduced, and drop what can go safely.

The words come from `lexicon.toml`. Quotes are left alone everywhere: a quote is what someone
said, and the summary attributes it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desktop.core.text import STOPWORDS, sentences, starts_sentence

LOADED_CATEGORIES = ("intensifier", "pejorative", "promotional", "emotional", "speculative")

# Words that say whose claim a sentence reports.
ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|saying|told|tells|stated|according to|claim|claims|claimed|argued|argues|wrote|"
    r"writes|called|described|describes|criticized|criticised|criticizes|accused|accuses|"
    r"praised|praises|thanked|denied|denies|insisted|insists|warned|warns|believes?|believed|"
    r"announced|announces|reported|asserted|alleged|alleges|suggested|suggests|noted|"
    r"dismissed|dismisses|welcomed|condemned|contended|maintains|maintained|tweeted|"
    r"in the view of|in (?:his|her|their) view)\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    words: str
    category: str
    reason: str
    action: str  # "drop", "flag" or "swap"
    replacement: str = ""


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    term: Term


@cache
def _data() -> dict:
    return tomllib.loads(Path(__file__).with_name("lexicon.toml").read_text(encoding="utf-8"))


@cache
def lexicon() -> tuple[Term, ...]:
    terms = []
    for category, entry in _data().items():
        if not isinstance(entry, dict):
            continue
        for words in entry.get("drop", []):
            terms.append(Term(words, category, entry["reason"], "drop"))
        for words in entry.get("flag", []):
            terms.append(Term(words, category, entry["reason"], "flag"))
        for words, replacement in entry.get("swap", {}).items():
            terms.append(Term(words, category, entry["reason"], "swap", replacement))
    # Longer terms first, so that "illegal immigrants" wins over a shorter overlapping term.
    return tuple(sorted(terms, key=lambda t: -len(t.words)))


def _pattern(words: str, plural: bool = True) -> str:
    prefix = words.endswith("-")
    parts = [re.escape(w) for w in re.split(r"[\s-]+", words.strip("-"))]
    body = r"[\s-]+".join(parts)
    if prefix:
        return rf"\b{body}[\s-](?=\w)"
    return rf"\b{body}{'(?:s|es)?' if plural else ''}\b(?!-\w)"


@cache
def _matcher() -> tuple[re.Pattern, dict[str, Term]]:
    # Terms grouped by first letter, tried only at the start of a word: a plain alternation of
    # all of them took 40 ms on the seed article, for every check.
    by_letter: dict[str, list[str]] = {}
    names = {}
    for i, term in enumerate(lexicon()):
        names[f"t{i}"] = term
        group = f"(?P<t{i}>{_pattern(term.words, term.action != 'drop')})"
        by_letter.setdefault(term.words[0].lower(), []).append(group)
    body = "|".join(f"(?={re.escape(letter)})(?:{'|'.join(groups)})"
                    for letter, groups in by_letter.items())
    return re.compile(rf"\b(?:{body})", re.IGNORECASE), names


# Double quotes of any kind, and curly single quotes (a ’ inside a word is an apostrophe);
# straight single quotes are apostrophes.
_QUOTE = re.compile(r"[\"“”„«»]([^\"“”„«»]{1,3000})[\"“”„«»]|‘((?:[^‘’]|’(?=\w)){1,3000})’(?!\w)")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTE.finditer(text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


@cache
def _neutral_phrases() -> re.Pattern:
    return re.compile("|".join(_pattern(p) for p in _data()["neutral_phrases"]), re.IGNORECASE)


def find(text: str) -> list[Hit]:
    """Loaded and judging words in the text, outside quotes and set phrases."""
    pattern, names = _matcher()
    quotes = quoted_spans(text) + [m.span() for m in _neutral_phrases().finditer(text)]
    hits = []
    for match in pattern.finditer(text):
        if _inside(match.start(), quotes):
            continue
        term = names[match.lastgroup]
        if (match.group()[:1].isupper() and not starts_sentence(text, match.start())
                and term.words not in _data()["proper_adjectives"]):
            continue  # part of a name: "the Popular Party", "Super Tuesday"
        hits.append(Hit(match.start(), match.end(), match.group(), term))
    return hits


def loaded(text: str) -> list[Hit]:
    """The hits that count as loaded wording (judgements alone are checked by attribution)."""
    return [h for h in find(text) if h.term.category in LOADED_CATEGORIES]


def in_text(hit: Hit, article: str) -> bool:
    """Whether the article itself uses this term (so the summary copied it)."""
    return re.search(_pattern(hit.term.words), article, re.IGNORECASE) is not None


# Someone's own words left unquoted: "The fee would be low for us." ("US" is a country.)
_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|us|[Oo]urs?|I|[Mm]e|[Mm]y)\b")
_SPEAKER = Term("we/us/our", "speech", "Someone's own words: say who said them.", "flag")


def unattributed(text: str) -> list[tuple[int, int, Hit]]:
    """Sentences that pass a judgement (a judging word outside quotes), or speak in the first
    person, without saying whose words they are: (start, end, the word) for each. (Loaded
    words are flagged on their own, wherever they stand.)"""
    hits = [h for h in find(text) if h.term.category == "evaluative"]
    quotes = quoted_spans(text)
    found = []
    for start, end in sentences(text):
        inside = [h for h in hits if start <= h.start < end]
        if not inside:
            inside = [Hit(m.start(), m.end(), m.group(), _SPEAKER)
                      for m in _FIRST_PERSON.finditer(text, start, end)
                      if not _inside(m.start(), quotes)]
        if inside and not ATTRIBUTION.search(text[start:end]):
            found.append((start, end, inside[0]))
    return found


def soften(text: str) -> str:
    """Drop removable loaded modifiers (before the word they modify) and swap in plainer
    wording, outside quotes. Words that may state a fact are in the lexicon's flag lists and
    are never changed here."""
    out, last = [], 0
    for hit in find(text):
        if hit.term.action == "flag" or hit.start < last:
            continue
        out.append(text[last:hit.start])
        last = hit.end
        if hit.term.action == "swap":
            replacement = hit.term.replacement
            if hit.text[:1].isupper():
                replacement = replacement[:1].upper() + replacement[1:]
            out.append(replacement)
            continue
        after = hit.end
        while after < len(text) and text[after] in " -":  # the dropped word's space goes too
            after += 1
        following = text[after:after + 1]
        next_word = re.match(r"[\w'’-]*", text[after:]).group().lower()
        if not following.islower() or next_word in STOPWORDS:
            # Not a modifier of the next word ("it was massive.", "the walloping Sanders gave",
            # "woke up"): keep it.
            out.append(hit.text)
            continue
        last = after
        if hit.text[:1].isupper():  # a sentence keeps its capital
            out.append(following.upper())
            last += 1
        elif following:  # "an overwhelming win" -> "a win"
            out[-1] = re.sub(r"\b([Aa])n? $", lambda m: _article(m.group(1), following),
                             out[-1])
    out.append(text[last:])
    return "".join(out)


def _article(a: str, following: str) -> str:
    if following.lower() in "aeiou":
        return "An " if a == "A" else "an "
    return f"{a} "
