"""The word lists of `lexicon.toml`: loaded wording (find it, tell copied from introduced, drop
what can go safely), and the markers of speech, possibility, negation, opinion and genre.

Quotes are left alone everywhere: a quote is what someone said, and the summary attributes it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

from desktop.core.language.text import STOPWORDS, starts_sentence

LOADED_CATEGORIES = ("intensifier", "pejorative", "promotional", "emotional", "speculative")
JUDGING_CATEGORIES = (*LOADED_CATEGORIES, "evaluative")
VERDICT = "verdict"  # judges in a review only (see lexicon.toml)


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
def data() -> dict:
    return tomllib.loads(Path(__file__).with_name("lexicon.toml").read_text(encoding="utf-8"))


@cache
def terms() -> tuple[Term, ...]:
    found = []
    for category in (*JUDGING_CATEGORIES, VERDICT):
        entry = data()[category]
        for words in entry.get("drop", []):
            found.append(Term(words, category, entry["reason"], "drop"))
        for words in entry.get("flag", []):
            found.append(Term(words, category, entry["reason"], "flag"))
        for words, replacement in entry.get("swap", {}).items():
            found.append(Term(words, category, entry["reason"], "swap", replacement))
    # Longer terms first, so that "illegal immigrants" wins over a shorter overlapping term.
    return tuple(sorted(found, key=lambda t: -len(t.words)))


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
    # all of them is many times slower, and it runs for every sentence written.
    by_letter: dict[str, list[str]] = {}
    names = {}
    for i, term in enumerate(terms()):
        names[f"t{i}"] = term
        group = f"(?P<t{i}>{_pattern(term.words, term.action != 'drop')})"
        by_letter.setdefault(term.words[0].lower(), []).append(group)
    body = "|".join(f"(?={re.escape(letter)})(?:{'|'.join(groups)})"
                    for letter, groups in by_letter.items())
    return re.compile(rf"\b(?:{body})", re.IGNORECASE), names


# Double quotes of any kind, and curly single quotes (a ’ inside a word is an apostrophe);
# straight single quotes are apostrophes.
_QUOTE = re.compile(r"[\"“”„«»]([^\"“”„«»]{1,3000})[\"“”„«»]|‘((?:[^‘’]|’(?=\w)){1,3000})’(?!\w)")


# A quote opened and never closed (a sentence cut inside it: 'he said: "I am excited to'):
# quoted to the end of its line.
_OPEN_QUOTE = re.compile(r"(?:^|(?<=[\s:(—–]))[\"“„«][^\"“”„«»\n]*$", re.MULTILINE)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _QUOTE.finditer(text)]
    end = spans[-1][1] if spans else 0
    return spans + [m.span() for m in _OPEN_QUOTE.finditer(text, end)]


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


@cache
def _neutral_phrases() -> re.Pattern:
    return re.compile("|".join(_pattern(p) for p in data()["neutral_phrases"]), re.IGNORECASE)


def find(text: str) -> list[Hit]:
    """Loaded and judging words in the text, outside quotes and set phrases."""
    pattern, names = _matcher()
    quotes = quoted_spans(text) + [m.span() for m in _neutral_phrases().finditer(text)]
    hits = []
    headline = title_case(text)
    for match in pattern.finditer(text):
        if inside(match.start(), quotes):
            continue
        if match.group()[:1].isupper() and not starts_sentence(text, match.start()) and not headline:
            continue  # part of a name: "the Popular Party", "Super Tuesday"
        hits.append(Hit(match.start(), match.end(), match.group(), names[match.lastgroup]))
    return hits


def title_case(text: str) -> bool:
    """Whether the text capitalizes its words as a headline does ("Map Reveals Tantalizing
    Features"): then a capital says nothing about a name."""
    if text.rstrip().endswith("."):
        return False  # a sentence, however many names it has
    long = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)[1:] if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.7 * len(long)


def loaded(text: str) -> list[Hit]:
    """The hits that count as loaded wording (judgements alone are checked by attribution)."""
    return [h for h in find(text) if h.term.category in LOADED_CATEGORIES]


def judging(text: str) -> list[Hit]:
    """The hits that pass a judgement someone has to own."""
    return [h for h in find(text) if h.term.category == "evaluative"]


def in_text(hit: Hit, article: str) -> bool:
    """Whether the article itself uses this term (so the summary copied it)."""
    return re.search(_pattern(hit.term.words), article, re.IGNORECASE) is not None


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


def avoidable_words() -> frozenset[str]:
    """The loaded words a writer can always do without (the drop and swap lists, and the
    flagged labels and emotional words), in lower case: kept out of the model's choice."""
    words = set()
    for term in terms():
        if term.category in ("evaluative", VERDICT) or (term.action == "flag" and term.category == "speculative"):
            continue  # judgements are attributed, not dropped; hedges must stay
        if " " not in term.words.strip("-"):
            words.add(term.words.strip("-").lower())
    return frozenset(words)


# -- markers: speech, possibility, negation, opinion ----------------------------------------

def _forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """A verb's forms: "argue" -> argue, argues, argued, arguing; "deny" -> denies, denied."""
    if " " in lemma:  # "point out": its verb's forms, then the rest
        head, rest = lemma.split(" ", 1)
        return {f"{form} {rest}" for form in _forms(head, irregular)}
    forms = {lemma, *irregular.get(lemma, [])}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif re.search(r"(?:s|sh|ch|x|z)$", lemma):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        doubled = lemma + lemma[-1] if re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma) and len(lemma) <= 4 else lemma
        forms |= {lemma + "s", doubled + "ed", doubled + "ing"}
    return forms


@cache
def reporting_verbs() -> dict[str, str]:
    """Each form of a reporting verb, and its kind: speech, criticism, praise, cognition or
    finding (what a study shows)."""
    entry = data()["reporting"]
    irregular = entry.get("irregular", {})
    found: dict[str, str] = {}
    for kind in ("finding", "cognition", "praise", "criticism", "speech"):  # the first listed wins
        for lemma in entry[kind]:
            for form in _forms(lemma, irregular):
                found[form] = kind
    return found


@cache
def verb_forms(lemma: str) -> frozenset[str]:
    """A verb's forms, irregular ones too: "spend" -> spend, spends, spent, spending."""
    irregular = {**data()["past"], **data()["reporting"].get("irregular", {})}
    return frozenset(_forms(lemma, irregular))


@cache
def writer_verb_forms() -> frozenset[str]:
    """The forms of every verb that tells what a writer writes or thinks rather than an event
    they took part in: the reporting verbs and the page's own ("lists", "reviewed")."""
    return frozenset(reporting_verbs()).union(*(verb_forms(lemma) for lemma in data()["reporting"]["page"]))


@cache
def speech_verb_forms() -> frozenset[str]:
    """The one-word forms of the reporting verbs of speech that are no nouns as well ("says",
    "explained"; not "states", "ruled", "orders")."""
    entry = data()["reporting"]
    nouns = set(entry["ambiguous"])
    return frozenset(form for lemma in entry["speech"] if lemma not in nouns and " " not in lemma
                     for form in _forms(lemma, entry.get("irregular", {})))


@cache
def _lemmas() -> dict[str, str]:
    return {form: lemma for lemma, forms in data()["past"].items() for form in forms}


def verb_lemma(word: str) -> str:
    """The plain form of an irregular past ("lost" -> "lose"); other words as they are."""
    return _lemmas().get(word.lower(), word.lower())


@cache
def reporting_pattern() -> re.Pattern:
    """Any form of a reporting verb, or a phrase that attributes ("according to")."""
    words = sorted([*reporting_verbs(), *data()["reporting"]["phrases"]], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b",
                      re.IGNORECASE)


def _word_pattern(words: list[str]) -> re.Pattern:
    # "n't" joins its verb: no word boundary before it. An apostrophe may be curly ("n’t").
    alternatives = [re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for w in sorted(words, key=len, reverse=True)]
    return re.compile(r"(?:\b|(?=n['’]t))(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


@cache
def modality() -> tuple[tuple[str, re.Pattern], ...]:
    """(family, pattern) for each kind of word that makes a statement less than a fact."""
    return tuple((family, _word_pattern(words)) for family, words in data()["modality"].items())


@cache
def negation(kind: str = "words") -> re.Pattern:
    """Words of negation ("words"), or those a summary must keep ("lost")."""
    return _word_pattern(data()["negation"][kind])


@cache
def prescriptive() -> re.Pattern:
    return _word_pattern(data()["opinion"]["prescriptive"])


@cache
def impressions() -> re.Pattern:
    """What something looks, seems or sounds ("look OK", "seems very promising")."""
    words = "|".join(map(re.escape, data()["opinion"]["impressions"]))
    return re.compile(rf"\b(?:looks?|looked|looking|seems?|seemed|sounds?|sounded)\s+(?:(?:[a-z]+ly|very|quite|pretty|rather|fairly)\s+)?(?:{words})\b",
                      re.IGNORECASE)


@cache
def clutter() -> re.Pattern:
    return _word_pattern(data()["clutter"]["phrases"])


def markers(section: str, kind: str) -> list[str]:
    return data()[section][kind]
