"""Who says what in the article: sentences where a named person or body criticizes, sets a
condition ("in exchange for a fee"), thanks or praises, or says something. A neutral summary
keeps these voices, attributed to them; the second pass adds a key point for an important one
the summary left out (see neutralize)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.evidence import EvidenceFinder
from desktop.core.text import content, sentences

# Most important first: a summary that drops the criticism is not neutral.
KINDS = {
    "criticism": r"critici[sz]e[sd]?|condemn(?:s|ed)?|dismiss(?:es|ed)?|reject(?:s|ed)?|"
                 r"accus(?:es|ed)|den(?:y|ies|ied)|warn(?:s|ed)?|oppos(?:es|ed)|object(?:s|ed)?|"
                 r"disput(?:es|ed)|slam(?:s|med)?|decr(?:y|ies|ied)",
    "condition": r"[Ii]n\s+exchange\s+for|[Ii]n\s+return\s+for|on\s+(?:the\s+)?condition\s+(?:that|of)|"
                 r"provided\s+that|for\s+a\s+fee",
    "thanks": r"thank(?:s|ed)?|grateful|prais(?:es|ed)|welcom(?:es|ed)|applaud(?:s|ed)?|"
              r"hail(?:s|ed)?|commend(?:s|ed)?",
    "speech": r"sa(?:id|ys)|told|stated|announc(?:es|ed)|argu(?:es|ed)|claim(?:s|ed)?|"
              r"offer(?:s|ed)|promis(?:es|ed)|vow(?:s|ed)?|call(?:s|ed)\s+for",
}
_VERB = re.compile("|".join(rf"\b(?P<{kind}>{words})\b" for kind, words in KINDS.items()))
# A name: capitalized words, with "of", "the" ... inside.
_NAME = r"((?:[A-Z][\w’'.&-]*)(?:\s+(?:of|the|for|and|de|da|van|von|al)?\s*[A-Z][\w’'.&-]*)*)"
# A name right before the verb, then maybe helping words ("has criticized", "would later say").
_NAME_BEFORE = re.compile(
    _NAME + r"(?:,[^,]{1,60},)?\s+(?:(?:has|have|had|was|were|is|are|also|later|then|would|will|"
    r"had\s+been|has\s+been|once|again|publicly)\s+)*$")
# A name that begins the sentence, then what looks like its verb ("Bukele would", "Smith
# agreed"); not "Trump's lawyer" nor "The Trump administration".
_SUBJECT = re.compile(_NAME + r"(?<!['’]s)\s+(?:would|will|has|had|have|is|was|are|were|can|"
                      r"could|may|might|also|later|then|\w+ed|\w+s)\b")
_NOT_NAMES = {"He", "She", "They", "It", "We", "I", "You", "This", "That", "These", "Those",
              "There", "Who", "But", "And", "However", "While", "When", "In", "On", "At", "After",
              "According", "As", "For", "With", "Under", "Critics"}
MAX_VOICES = 3  # voices the second pass adds at most
# What a condition asks for: the words after "in exchange for", up to a comma, a bracket or
# the sentence's end ("U.S. aid" stays whole).
_CONDITION_OBJECT = re.compile(r"\s*(.{1,60}?)\s*(?=[,;:!?)]|(?<!\b[A-Z])\.(?:[\"”’]|\s|$)|$)")


@dataclass(frozen=True)
class Voice:
    speaker: str  # as the article names them: "Amnesty International", "The Green Party"
    kind: str  # criticism, condition, thanks or speech
    span: tuple[int, int]  # the article sentence
    opening: str  # how the article begins to report it: "Rubio said", "Amnesty has criticized"
    asks: str = ""  # for a condition, what it asks for: "a fee"


def voices(article: str) -> list[Voice]:
    """The article's attributed sentences, in its order, with their speakers. A condition's
    speaker may also be the sentence's subject ("Bukele would later verify his offer, adding
    that ... in exchange for a fee")."""
    found = []
    for a, b in sentences(article):
        sentence = article[a:b]
        matches = list(_VERB.finditer(sentence))
        kinds = [m.lastgroup for m in matches]
        if not kinds:
            continue
        kind = next(k for k in KINDS if k in kinds)
        speaker = opening = None
        for match in matches:
            if match.lastgroup == "condition":
                continue
            window = max(0, match.start() - 200)
            name = _NAME_BEFORE.search(sentence[window:match.start()])
            if words := _named(name.group(1) if name else ""):
                speaker = " ".join(words)
                # The opening begins at the name's first kept word.
                first = list(re.finditer(r"\S+", name.group(1)))[-len(words)]
                opening = sentence[window + name.start(1) + first.start():match.end()]
                break
        if not speaker and kind == "condition":
            subject = _SUBJECT.match(sentence)
            if words := _named(subject.group(1) if subject else ""):
                speaker = opening = " ".join(words)
        if not speaker:
            continue
        asks = ""
        if kind == "condition":
            asks = _asks(sentence, next(m for m in matches if m.lastgroup == "condition"))
            if not content(asks):
                continue  # nothing to tell whether a summary kept it
        found.append(Voice(speaker, kind, (a, b), " ".join(opening.split()), asks))
    return found


def _asks(sentence: str, condition: re.Match) -> str:
    """What the condition asks for: "a fee" of "for a fee", "U.S. aid" of "in exchange for
    U.S. aid."; quotation marks left out."""
    if condition.group().startswith("for"):
        return condition.group().split(None, 1)[1]
    following = _CONDITION_OBJECT.match(sentence, condition.end())
    return re.sub(r"[\"“”‘’«»]", "", following.group(1)).strip() if following else ""


def _named(name: str) -> list[str]:
    """The words of a found name, without a pronoun or joining word before it ("But Smith");
    none when only an article is left ("The offer came ...")."""
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    return words if set(words) - {"The", "A", "An"} else []


def missing(article: str, written: list[str], finder: EvidenceFinder | None = None) -> list[Voice]:
    """The most important voices that none of the written sentences reports: none is backed
    by the voice's sentence while naming its speaker; for a condition, none says what it asks
    for (its first three meaningful words). One per speaker and kind, at most MAX_VOICES."""
    finder = finder or EvidenceFinder(article)
    covered = set()
    for text in written:
        for a, b in sentences(text):
            covered.update((span, text[a:b]) for span in finder.find(text[a:b]).spans)
    said = [set(content(text[a:b])) for text in written for a, b in sentences(text)]
    out, seen = [], set()
    for voice in sorted(voices(article), key=lambda v: list(KINDS).index(v.kind)):
        if voice.kind == "speech" or (voice.speaker, voice.kind) in seen:
            continue
        if voice.kind == "condition":
            if any(set(content(voice.asks)[:3]) <= words for words in said):
                continue
        else:
            names = [n for n in voice.speaker.split() if n[:1].isupper() and n != "The"]
            if any(span == voice.span and any(re.search(rf"\b{re.escape(n)}\b", s) for n in names)
                   for span, s in covered):
                continue
        seen.add((voice.speaker, voice.kind))
        out.append(voice)
    return out[:MAX_VOICES]
