"""Who says what in the article: sentences where a named person or body criticizes, thanks
or praises, or says something. A neutral summary keeps these voices, attributed to them; the
second pass adds a key point for an important one the summary left out (see neutralize)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.evidence import EvidenceFinder
from desktop.core.text import sentences

# Most important first: a summary that drops the criticism is not neutral.
KINDS = {
    "criticism": r"critici[sz]e[sd]?|condemn(?:s|ed)?|dismiss(?:es|ed)?|reject(?:s|ed)?|"
                 r"accus(?:es|ed)|den(?:y|ies|ied)|warn(?:s|ed)?|oppos(?:es|ed)|object(?:s|ed)?|"
                 r"disput(?:es|ed)|slam(?:s|med)?|decr(?:y|ies|ied)",
    "thanks": r"thank(?:s|ed)?|grateful|prais(?:es|ed)|welcom(?:es|ed)|applaud(?:s|ed)?|"
              r"hail(?:s|ed)?|commend(?:s|ed)?",
    "speech": r"sa(?:id|ys)|told|stated|announc(?:es|ed)|argu(?:es|ed)|claim(?:s|ed)?|"
              r"offer(?:s|ed)|promis(?:es|ed)|vow(?:s|ed)?|call(?:s|ed)\s+for",
}
_VERB = re.compile("|".join(rf"\b(?P<{kind}>{words})\b" for kind, words in KINDS.items()))
# A name right before the verb: capitalized words (with "of", "the" ... inside), then maybe
# helping words ("has criticized", "would later say").
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w’'.&-]*)(?:\s+(?:of|the|for|and|de|da|van|von|al)?\s*[A-Z][\w’'.&-]*)*)"
    r"(?:,[^,]{1,60},)?\s+(?:(?:has|have|had|was|were|is|are|also|later|then|would|will|"
    r"had\s+been|has\s+been|once|again|publicly)\s+)*$")
_NOT_NAMES = {"He", "She", "They", "It", "We", "I", "You", "This", "That", "These", "Those",
              "There", "Who", "But", "And", "However", "While", "When"}
MAX_VOICES = 2  # voices the second pass adds at most


@dataclass(frozen=True)
class Voice:
    speaker: str  # as the article names them: "Amnesty International", "The Green Party"
    kind: str  # criticism, thanks or speech
    span: tuple[int, int]  # the article sentence


def voices(article: str) -> list[Voice]:
    """The article's attributed sentences, in its order, with their speakers."""
    found = []
    for a, b in sentences(article):
        sentence = article[a:b]
        kinds = [m.lastgroup for m in _VERB.finditer(sentence)]
        speaker = None
        for match in _VERB.finditer(sentence):
            name = _NAME_BEFORE.search(sentence[max(0, match.start() - 200):match.start()])
            words = name.group(1).split() if name else []
            while words and words[0] in _NOT_NAMES:  # "But Smith criticized"
                words.pop(0)
            if words:
                speaker = " ".join(words)
                break
        if speaker:
            kind = next(k for k in KINDS if k in kinds)
            found.append(Voice(speaker, kind, (a, b)))
    return found


def missing(article: str, written: list[str], finder: EvidenceFinder | None = None) -> list[Voice]:
    """The most important voices that none of the written sentences reports: none is backed
    by the voice's sentence while naming its speaker. One per speaker, at most MAX_VOICES."""
    finder = finder or EvidenceFinder(article)
    covered = set()
    for text in written:
        for a, b in sentences(text):
            covered.update((span, text[a:b]) for span in finder.find(text[a:b]).spans)
    out, speakers = [], set()
    for voice in sorted(voices(article), key=lambda v: list(KINDS).index(v.kind)):
        if voice.kind == "speech" or voice.speaker in speakers:
            continue
        names = [n for n in voice.speaker.split() if n[:1].isupper() and n != "The"]
        if any(span == voice.span and any(re.search(rf"\b{re.escape(n)}\b", s) for n in names)
               for span, s in covered):
            continue
        speakers.add(voice.speaker)
        out.append(voice)
    return out[:MAX_VOICES]
