"""What one sentence claims, and how: who says it (if anyone), whether it is a possibility,
plan, threat, condition or hearsay rather than a fact, whether it negates, and whether it
passes a judgement. The same reading serves the article's sentences and the summary's, so the
checks can compare them.

English only: for other languages every sentence reads as a plain statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from desktop.core.language import lexicon
from desktop.core.language.text import DAYS, MONTHS, STOPWORDS, TIME_WORDS

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# Speakers the sentence does not name: "Some said", "Others warned".
UNNAMED = {"some", "many", "others", "most", "several", "few", "critics", "experts", "officials"}
# Sources whose word is a finding, an account or an allegation, not a routine fact: "according
# to a study", "to a source familiar with", "to a complaint", "to local media".
EVIDENCE = re.compile(r"(?:stud(?:y|ies)|research\w*|scientists?|reports?|paper|analysis|data|"
                      r"survey|witness\w*|eyewitness\w*|accounts?|investigat\w*|documents?|"
                      r"estimates?|sources?|insiders?|anonymity|complaints?|lawsuits?|suits?|"
                      r"indictments?|filings?|affidavits?|allegations?|media|newspapers?|outlets?|"
                      r"matter|trials?|experiments?|reviews?|polls?)")
# Speakers who take a side, so that what they say is their view: "critics say", "backers argue".
SIDES = re.compile(r"(?:critics?|experts?|analysts?|backers?|supporters?|opponents?|proponents?|"
                   r"advocates?|skeptics?|sceptics?|economists?|observers?|defenders?|detractors?|"
                   r"commentators?|pundits?)")
# Words that may stand between a speaker and the verb: "Smith has also said".
_HELPERS = {"has", "have", "had", "was", "were", "is", "are", "also", "later", "then",
            "would", "will", "had been", "has been", "once", "again", "publicly", "previously",
            "repeatedly", "recently", "earlier", "further", "separately", "reportedly",
            "allegedly", "privately", "initially", "did", "does",
            "do", "not", "never", "often", "already", "still", "even", "can", "could", "may",
            "might", "should", "must", "just", "openly", "quickly", "immediately", "angrily",
            "cannot", "very"}  # ("very recently said")
_CONTRACTED = {"ve": "have", "d": "would", "ll": "will", "re": "are", "m": "am"}
# Small words that may be part of a speaker: "the Ministry of Health", "51 percent of voters".
_NP_SMALL = {"the", "a", "an", "of", "for", "and", "its", "his", "her", "their", "de", "van",
             "von", "al", "&", "percent", "per", "cent", "%", "some", "many", "most", "other",
             "several", "two", "three", "four", "both", "all", "u.s.", "new"}
_MAX_SPEAKER_WORDS = 8
# Prepositions a speaker's phrase goes on over after a source ("a study [in] 19 people").
_ALONG = {"in", "at", "from", "by", "with", "on", "among", "to"}
# Verbs before "to say" that leave the speaker the sentence's subject: "declined to say".
_CONTROL = {"declined", "declines", "refused", "refuses", "wanted", "wants", "on", "continued",
            "continues", "tried", "tries", "began", "begins", "started", "hastened", "rushed",
            "went", "goes", "had", "has", "have", "was", "is", "were", "are", "quick", "yet",
            "decline", "refuse", "want", "try", "begin", "used", "sought", "seeks", "appeared"}
# Speakers that are no-one: "it said" of a thing is fine, but "This said" is no speaker.
_NOT_SPEAKERS = {"this", "that", "these", "those", "which", "who", "what", "there", "here",
                 "time", "statement", "report", "reports", "story", "article", "post"}


@dataclass(frozen=True)
class Marker:
    kind: str  # a modality family, "negation", or what kind of judgement
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Claim:
    text: str
    speaker: str = ""  # who says it, as the sentence names them ("he" for a pronoun)
    speakers: tuple[str, ...] = ()  # everyone it reports, the speaker first
    opening: str = ""  # how the sentence begins to report it: "The Harbor Union has criticized"
    verb_kind: str = ""  # speech, criticism, praise, cognition, or "source" (according to ...)
    attributed: bool = False  # the sentence says it is someone's claim, named or not
    modal: tuple[Marker, ...] = ()
    negations: tuple[Marker, ...] = ()
    judgements: tuple[Marker, ...] = ()  # judging and loaded words, "should", "I", "you"

    @property
    def named(self) -> bool:
        """Whether the speaker is named here (not a pronoun, not "some")."""
        return bool(self.speaker) and self.speaker.lower() not in PRONOUNS | {"some", "many", "others", "most", "several", "few"}


def read(sentence: str) -> Claim:
    """The claim of one sentence (see the module's doc)."""
    quotes = lexicon.quoted_spans(sentence)

    def outside(matches) -> list[re.Match]:
        return [m for m in matches if not lexicon.inside(m.start(), quotes)]

    reports, asides = _reports(sentence, quotes)
    speaker, opening, kind = reports[0] if reports else ("", "", "")
    speakers = tuple(dict.fromkeys(r[0] for r in reports + asides if r[0]))
    hearsay = False
    modal = []
    for family, pattern in lexicon.modality():
        for m in outside(pattern.finditer(sentence)):
            if not_modal(sentence, m):
                continue
            modal.append(Marker(family, m.start(), m.end(), m.group()))
            hearsay = hearsay or family == "hearsay"
    negations = [Marker("negation", m.start(), m.end(), m.group())
                 for m in outside(lexicon.negation().finditer(sentence))]
    judgements = [Marker(h.term.category, h.start, h.end, h.text) for h in lexicon.find(sentence)]
    judgements += [Marker("prescriptive", m.start(), m.end(), m.group())
                   for m in outside(lexicon.prescriptive().finditer(sentence))]
    judgements += [Marker("evaluative", m.start(), m.end(), m.group())
                   for m in outside(lexicon.impressions().finditer(sentence))]
    if command := _imperative(sentence):
        judgements.append(Marker("prescriptive", command.start(1), command.end(1), command.group(1)))
    for m in outside(_PERSON.finditer(sentence)):
        word = m.group()
        if word == "us" or word.lower() != "us":  # "US" is a country
            person = "first person" if word.lower() in _FIRST else "second person"
            judgements.append(Marker(person, m.start(), m.end(), word))
    hearsay = hearsay or _said_of_a_thing(sentence)
    attributed = (bool(speaker) and kind != "finding") or kind in ("source", "passive") or hearsay \
        or bool(_UNNAMED_SOURCE.search(sentence))
    return Claim(sentence, speaker, speakers, opening, kind, attributed, tuple(sorted(modal, key=_at)),
                 tuple(negations), tuple(sorted(judgements, key=_at)))


def advice_verb(sentence: str) -> str:
    """The verb a sentence of advice opens with ("visit" of "Visit the fair on Sunday"); ""
    when the sentence tells the reader to do nothing (or not to do something)."""
    match = _imperative(sentence)
    return match.group(1).lower() if match and match.group(1).lower() in _commands() else ""


def _imperative(sentence: str) -> re.Match | None:
    """A sentence that tells the reader what to do ("Keep a food journal", "Don't wait",
    a listing's "VISIT the show"): it begins with a verb of advice and its object, with no
    subject before it."""
    match = _COMMAND.match(sentence)
    if not match or re.fullmatch(r"Don['’]t|Do not", match.group(1)):
        return match
    verb, after, then = match.group(1).lower(), match.group(2), (match.group(3) or "").lower()
    # Its object in lower case: "VISIT the show", not a title in capitals ("GET OUT screens
    # Friday"), unless the whole sentence is shouted.
    if verb not in _commands() or (not after[0].islower() and not sentence.isupper()):
        return None
    after = after.lower()
    # A word of manner and then another order or the end: "Start small and ...", "Think big."
    manner = then == "and" or bool(re.match(r"[,.!]", sentence[match.end(2):match.end(2) + 1]))
    if after not in _OBJECTS and not (manner and after.isalpha() and after not in STOPWORDS):
        return None
    if after in _COUNTING and then in TIME_WORDS | DAYS | MONTHS:
        return None  # "Watch this week ...": a time
    return match


@cache
def _commands() -> frozenset[str]:
    return frozenset(lexicon.markers("opinion", "commands"))


# The first word, then the next two: "Keep a food", "Don't throw".
_COMMAND = re.compile(r"\s*(Don['’]t|Do not|[A-Z][a-z]+|[A-Z]{2,})\s+([A-Za-z][\w’'-]*)(?:\s+([\w’'-]+))?")
# What follows a command's verb: its object or a particle ("Eat more fiber", "Sign up").
_OBJECTS = {"the", "a", "an", "your", "yourself", "yourselves", "you", "it", "them", "this", "that",
            "these", "those", "some", "any", "every", "each", "all", "what", "how", "up", "out",
            "away", "back", "off", "down", "on", "him", "her", "us", "me", "one", "more", "less"}
_COUNTING = {"this", "that", "these", "those", "every", "each", "one", "all"}


def not_modal(text: str, match: re.Match) -> bool:
    """A modal word used otherwise: the noun "claims", the month "May" ("on May 16", "in
    May"), or a comparison ("about as long as a bus", "more than expected in May")."""
    word = match.group()
    if word.lower().startswith("expected") and re.search(r"\b(?:than|as)\s+$", text[:match.start()], re.IGNORECASE):
        return True  # a measure: "rose more than expected in May", "as expected"
    if word.lower() == "claims" and _noun_claims(text, match):
        return True  # the noun: "the claims", "unemployment claims in May"
    if word == "May" and (re.match(r"\s+\d", text[match.end():])
                          or re.search(r"\b(?:in|on|of|since|until|by|from|to|early|late|mid|last|next)\s+$",
                                       text[:match.start()], re.IGNORECASE)):
        return True
    return word.lower() == "as long as" and bool(re.search(
        r"\b(?:about|nearly|almost|roughly|just|twice|half|is|was|are|were|be)\s+$", text[:match.start()],
        re.IGNORECASE))


def _noun_claims(text: str, match: re.Match) -> bool:
    """Whether "claims" is the noun: after a determiner ("the claims"); or, unless a pronoun
    or a name in mid-sentence says it ("He claims in his book that"), after a preposition
    ("riddled with false claims") or before one, a verb or the clause's end ("unemployment
    claims in May", "claims rose")."""
    before = text[:match.start()]
    if _DETERMINED.search(before):
        return True
    pronoun = re.search(r"\b(?:he|she|it|they|we|i|you)\s+$", before, re.IGNORECASE)
    name = re.search(r"([^\s.!?])\s+[A-Z][\w’'-]*\s+$", before)  # a capital not at a sentence's start
    if pronoun or name:
        return False
    if _AFTER_PREPOSITION.search(before):
        return True  # a preposition's object: "riddled with false claims", "of claims"
    return bool(_NOUN_AFTER.match(text[match.end():]))


_AFTER_PREPOSITION = re.compile(r"\b(?:with|of|about|against|over|to|from|by|on|in|for|despite|amid)\s+"
                                r"(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)


# What follows a noun "claims", not the verb: a preposition, a verb, the clause's end.
_NOUN_AFTER = re.compile(r"\s*(?:[;.!?)]|$)|\s+(?:in|of|for|from|about|on|against|by|were|are|have|"
                         r"had|rose|fell|and|or|was|is)\b", re.IGNORECASE)


def _at(marker: Marker) -> int:
    return marker.start


_FIRST = set(lexicon.markers("opinion", "first_person"))
_PERSON = re.compile(r"\b(?:" + "|".join(sorted(_FIRST | set(lexicon.markers("opinion", "second_person")),
                                                key=len, reverse=True)) + r")\b", re.IGNORECASE)
# A claim with no one named: "it is believed", "was reported", "sources say".
_UNNAMED_SOURCE = re.compile(r"\b(?:it is|it was|it's)\s+(?:widely\s+)?"
                             r"(?:said|believed|reported|thought|claimed|alleged|understood|"
                             r"feared|rumou?red)\b|\b(?:sources|witnesses|observers)\s+(?:say|said)\b",
                             re.IGNORECASE)
_WORD = re.compile(r"[\w’'%&.-]+")


Report = tuple[str, str, str]  # (speaker, opening, kind of verb)


def _reports(sentence: str, quotes: list[tuple[int, int]]) -> tuple[list[Report], list[Report]]:
    """(speaker, opening, kind of verb) for each reporting verb, in order: the speaker "" when
    the verb reports without naming one ("was criticized", "in a statement"). And apart, the
    asides: reports in a clause of their own that tell whose that clause is, not the sentence
    ("Wages rose, with the union claiming a win"; "…, raising fears among traders that …")."""
    found: list[Report] = []
    asides: list[Report] = []
    for match in reporting_verbs_in(sentence, quotes):
        word = re.sub(r"\s+", " ", match.group().lower())
        if word.startswith(("according", "in the view", "in the words", "as reported", "per a")):
            after = _phrase_after(sentence, match.end())
            opening = sentence[match.start():match.end()] + (f" {after}" if after else "")
            found.append((after, opening if after else "", "source"))
            continue
        if " " in word and word.split()[0] not in lexicon.reporting_verbs():
            found.append(("", "", "source"))  # "in a statement", "in an interview"
            continue
        kind = lexicon.reporting_verbs().get(word, "speech")
        if with_phrase := _with_speaker(sentence, match):
            asides.append((with_phrase[0], " ".join(sentence[with_phrase[1]:match.end()].split()), kind))
            continue
        before, passive = _subject_before(sentence, match.start())
        if passive:  # "was criticized by the union": the union speaks; else no one named
            by = re.match(r"\s+by\s+", sentence[match.end():])
            after = _phrase_after(sentence, match.end() + by.end()) if by else ""
            if after:
                found.append((after, f"{after} {match.group()}", kind))
            elif kind in ("speech", "criticism", "praise"):  # "is accused": by someone unnamed
                found.append(("", "", "passive"))
            continue
        if before:
            start = sentence.rfind(before, 0, match.start())
            if _compared(sentence, start, match.end(), before):
                continue  # "as bad as the sceptics thought", "worse than analysts expected": the writer's measure
            found.append((before, " ".join(sentence[start:match.end()].split()), kind))
            continue
        after = _speaker_after(sentence, match.end())
        if after:
            found.append((after, f"{after} {match.group()}", kind))
            continue
        beside = _subject_before(sentence, match.start(), beside=True)[0]
        if beside:
            start = sentence.rfind(beside, 0, match.start())
            found.append((beside, " ".join(sentence[start:match.end()].split()), kind))
            continue
        if word.endswith("ing") and sentence[:match.start()].rstrip().endswith(","):
            # "Ortiz confirmed the plan, adding that ...": the sentence's subject speaks.
            leading = _leading_phrase(sentence)
            subject = _subject_before(sentence, len(leading) + 1)[0] if leading else ""
            if subject:
                found.append((subject, subject, kind))
    for at, report in _nominal_reports(sentence, quotes):
        # The sentence's own only where it opens with it: "Fears among traders that … grew".
        (found if _OPENS_WITH_NOUN.fullmatch(sentence[:at]) else asides).append(report)
    named = [r for r in found if r[0]]
    return named + [r for r in found if not r[0]], asides


def reports(sentence: str) -> list[Report]:
    """(speaker, opening, kind of verb) of each report in the sentence, the asides too (see
    `_reports`): those of the sentence first, the speakers named before the unnamed."""
    found, asides = _reports(sentence, lexicon.quoted_spans(sentence))
    return found + asides


def _nominal_reports(sentence: str, quotes: list[tuple[int, int]]) -> list[tuple[int, Report]]:
    """Reports told by a noun and whose they are, each with where it begins: "fears among
    residents that the dam could break", "allegations by the union that …" (the opening is
    the noun's phrase); not a time ("warnings from 2019 that") nor a relative clause ("claims
    from the storm that were filed")."""
    found = []
    for m in _NOMINAL.finditer(sentence):
        speaker, first = m.group(2), m.group(2).split()[0].lower()
        last = speaker.split()[-1].lower()
        if lexicon.inside(m.start(), quotes) or (first in STOPWORDS and first not in _NP_SMALL) \
                or last in _NP_SMALL or last[:1].isdigit() or last in TIME_WORDS | DAYS | MONTHS \
                or first in TIME_WORDS or last in _WHEN or _RELATIVE_THAT.match(sentence, m.end()):
            continue
        kind = "criticism" if m.group(1).lower().startswith(("allegation", "accusation", "complaint", "criticism")) \
            else "cognition" if m.group(1).lower().startswith(("fear", "concern", "worr", "hope", "doubt")) else "speech"
        found.append((m.start(), (speaker, " ".join(m.group(0)[:-len("that")].split()), kind)))
    return found


# A time after "from", not a speaker: "doubts from the start that".
_WHEN = {"start", "outset", "beginning", "first", "onset"}
# What may stand before a report's noun that opens a sentence: "There are fears among …".
_OPENS_WITH_NOUN = re.compile(r"\s*(?:(?:there|here)\s+(?:is|are|was|were|have been|has been)\s+)?"
                              r"(?:(?:the|growing|new|mounting|widespread)\s+)*", re.IGNORECASE)
# "that" beginning a relative clause, not what someone says: "claims from the storm that were filed".
_RELATIVE_THAT = re.compile(r"\s+(?:was|were|is|are|had|has|have)\b")


def nominal(opening: str) -> bool:
    """Whether a report's opening is a noun's ("fears among residents"), which begins no
    sentence."""
    return bool(_NOMINAL.match(f"{opening} that"))


# A report's noun, whose speaker, then what they say: "concerns among some scientists that".
_NOMINAL = re.compile(r"\b(fears?|concerns?|worries|warnings?|allegations?|accusations?|hopes?|doubts?|"
                      r"complaints?|criticism|suggestions?|predictions?|assurances?|speculation|claims?)\s+"
                      r"(?:among|by|from)\s+((?:[\w’'.&-]+\s+){0,5}?[\w’'.&-]+)\s+that\b", re.IGNORECASE)


def _compared(sentence: str, start: int, end: int, speaker: str) -> bool:
    """Whether a speaker and their verb are the measure of a comparison ("worse than analysts
    expected", "as bad as the sceptics thought it would be"), not the sentence's source: a
    comparison before them, nothing of theirs after the verb but a pronoun's "would be", and
    no count as the speaker ("More than 60 percent of residents say ...")."""
    counted = speaker[:1].isdigit() or speaker.split()[0].lower() in _COUNTS
    if counted or not _COMPARED.search(sentence[:start]):
        return False
    return bool(re.match(r"\s*(?:(?:it|they|he|she|we)\s+(?:would|will|had|might|could)(?:\s+be)?\b)?\s*(?:[,.;:!?)]|$)",
                         sentence[end:]))


_COUNTS = {"some", "many", "most", "several", "few", "all", "both", "dozens", "hundreds", "thousands"}
# A comparison that a speaker and their verb can close: "worse than", "as bad as" (not "as
# well as", "as many as").
_COMPARED = re.compile(r"(?:\b(?:\w+er|more|less|fewer|worse|better|rather)\s+than|"
                       r"\bas\s+(?!well\b|many\b|much\b|long\b|soon\b)[\w-]+\s+as)\s+$", re.IGNORECASE)


def _leading_phrase(sentence: str) -> str:
    """The sentence's first words up to its first lower-case word that is no small word of a
    name: its subject when it begins with a name ("Mayor Ana Ruiz would later ...")."""
    determiner = re.match(r"\s*(?:The|A|An|Its|His|Her|Their)\s+[a-z][\w’'-]*", sentence)
    if determiner:  # "The mayor"
        return determiner.group()
    first = re.match(r"\s*([A-Z][a-z]+)\b(,|\s+(?:after|before|afterwards|thereafter)\b)?", sentence)
    if first and (first.group(1).lower() in STOPWORDS - PRONOUNS or (first.group(1).endswith("ly") and first.group(2))):
        return ""  # an adverb, not a subject: "Shortly after, ...", "However, ..."
    match = re.match(r"\s*((?:[A-Z][\w’'.&-]*|of|the|for|and|de|van|von|al)(?:\s+(?:[A-Z][\w’'.&-]*|of|the|for|and|de|van|von|al))*)", sentence)
    return match.group(1) if match else ""


def _not_a_verb(sentence: str, match: re.Match) -> bool:
    """A reporting word used otherwise: capitalized in mid-sentence (a name, a headline's
    "Expected"), or a noun ("a $9 billion order for", "the claims")."""
    word = match.group()
    before, after = sentence[:match.start()], sentence[match.end():]
    if word[:1].isupper() and before.strip() and before.rstrip()[-1] not in ".!?:\"“":
        return True
    if before.endswith("-") or re.match(r"-\w", after):  # "so-called", "well-known"
        return True
    if _STRANDED.match(after):  # "the result he hoped for."
        return True
    if word.lower() in ("called", "named", "dubbed") and re.search(r"\b[a-z][\w-]*\s+$", before) \
            and before.split()[-1].lower() not in PRONOUNS and (named := _NAMED.match(after)) \
            and (re.match(r"\s*(?:[,.;:)]|$)", after[named.end():]) or _A_THING.search(before)):
        return True  # a name given: "a storm named Ida hit", "the new system called Harbor Watch, …"
        # ("called Ruiz a liar", "called Ruiz dishonest": what someone said of them)
    if _SAID_TO_BE.match(after) and word.lower() in _SAID_OF and not re.search(r"\b(?:is|are|was|were|be|been)\s+$", before):
        return True  # "the deal said to be worth …": hearsay (see read), no one's report
    if word.lower().endswith("ing") and _with_speaker(sentence, match):
        return False  # "…, with critics saying that …": the critics speak
    if _DETERMINED.search(before) or (word.lower().endswith("ing") and _DESCRIBED.search(before)):
        return True  # a noun: "the claims", "the long-running dispute", "a significant finding"
    if word.lower().endswith("ing") and _NAMING.search(before):
        return True  # a word's "-ing" with no "is" or "after": "wireless charging", "Trump attacking"
    lemma = _ambiguous_forms().get(word.lower())
    if lemma in _MOSTLY_NOUNS:  # "Analysts project that", "the office projects that"
        last = (before.split()[-1:] or [""])[0]
        if word.lower() == lemma and not (last[:1].isupper() or last.lower().endswith("s")):
            return True  # "a road project that", "the weather forecast that day"
        if word.lower() != lemma and _COUNTED.search(before):
            return True  # "three projects that failed"
    if lemma is None or re.search(r"[\"”’],?\s*$", before):
        return False  # (after the quote it reports: "“…”, adds Olivier Bosc")
    owned = _OWNED_OBJECT.search(before)
    if owned and _VERB_BEFORE.search(before[:owned.start()]):
        return True  # "boils down to their empty charges that": a noun ("An aide to his campaign notes": a verb)
    if _HEADLINE_REPORT.fullmatch(before) and word.lower().endswith("s") and _CLAUSE_AFTER.match(after):
        return False  # a headline's "Judge rules the toll must go": a clause after it, no "that"
    return not re.match(r"\s*(?:that\b|[\"“‘:,])", after)


# A headline's subject before its verb: a few words with no determiner ("Federal judge", "Court").
_HEADLINE_REPORT = re.compile(r"\s*(?!(?:The|A|An|This|These|Its|His|Her|Their)\b)[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){0,2}\s+")
# A clause: a few words, then its verb ("asylum-seekers must be considered", "the pier is safe").
_CLAUSE_AFTER = re.compile(r"(?:\s+(?!(?:that|which|who|from|of|in|on|at|for|with|by|to)\b)[\w’'-]+){1,4}?\s+(?:must|should|will|would|can|could|may|might|is|are|was|were|"
                           r"has|have|had)\b")


def _with_speaker(sentence: str, match: re.Match) -> tuple[str, int] | None:
    """The speaker of a reporting verb's "-ing" after "with" ("some" of "The bill passed, with
    some calling for a recount"; "critics" of "with critics saying"), and where it begins; None
    elsewhere. A verb whose "-ing" often tells a deed reports only before what it tells ("with
    the firm posting a loss" does not)."""
    word = match.group().lower()
    phrase = _WITH_PHRASE.search(sentence, 0, match.start())
    if not word.endswith("ing") or not phrase or (word in _DOING and not _TOLD_AFTER.match(sentence, match.end())):
        return None
    words = phrase.group(1).split()
    first, last = words[0].lower(), words[-1].lower()
    if len(words) == 1 and first in UNNAMED:
        return words[0], phrase.start(1)
    if any(w.lower() in STOPWORDS and w.lower() not in _NP_SMALL for w in words) or last in _NP_SMALL \
            or re.search(r"['’]s?$", last) \
            or not (any(w[0].isupper() for w in words) or _is_noun_phrase(words)):
        return None  # "with a ruling that", "with the mayor's warning that": a noun, no speaker
    return " ".join(words), phrase.start(1)  # ("with reporters on Monday saying": no speaker of a time)


# "with" and a speaker's phrase of up to five words right before the verb.
_WITH_PHRASE = re.compile(r"\bwith\s+((?:[\w’'.&-]+\s+){1,5})$", re.IGNORECASE)
# Reporting verbs whose "-ing" after "with" often tells a deed, not words ("with the firm
# posting a loss", "calling off the game", "ordering evacuations", "charging a fee").
_DOING = {"calling", "posting", "ordering", "charging", "offering", "holding", "backing", "ruling",
          "attacking", "adding", "reporting", "showing", "finding", "signaling", "signalling", "projecting"}
# What one of them goes on with when it reports: "calling for", "posting that", a quote.
_TOLD_AFTER = re.compile(r"\s*(?:that\b|for\b|on\b|[\"“‘:,])")


# A name after "called", not followed by what they were called: "called Harbor Watch, which".
# "a storm", "an app": what an indefinite article begins is a thing given a name, not a speaker.
_A_THING = re.compile(r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_NAMED = re.compile(r"\s+[\"“]?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*(?![\w’'.&-])[\"”]?(?!\s+[\"“]?(?:a|an|the|his|her|their|its|my|our|your)\b)")
# A thing "said to be" something: hearsay without a speaker ("was said to" is a passive's).
_SAID_TO_BE = re.compile(r"\s+to\s+(?:be|have)\b")
_SAID_OF = {"said", "reported", "thought", "believed"}


def _said_of_a_thing(sentence: str) -> bool:
    """Whether the sentence tells what a thing is "said to be" after its noun ("The boat said
    to be worth 2 million dollars sank"), which is hearsay."""
    return any(_SAID_TO_BE.match(sentence, m.end()) and _not_a_verb(sentence, m)
               for m in re.finditer(r"\b(?:said|reported|thought|believed)\b", sentence))


# Verbs that are mostly nouns: "The budget office projects that", not "a road project that".
_MOSTLY_NOUNS = {"project", "forecast"}
_COUNTED = re.compile(r"\b(?:\d[\d,]*|two|three|four|five|several|many|some|few|all|both|other|new)\s+$",
                      re.IGNORECASE)
# A preposition left at the end of a clause: the verb is inside a relative clause.
_STRANDED = re.compile(r"\s+(?:for|about|of|on|with|to|at|in)\s*(?:[,;.!?]|$)", re.IGNORECASE)
# A word that makes what follows a noun: "the", "its", "a long-running".
_DETERMINED = re.compile(r"\b(?:the|a|an|its|his|her|their|our|my|your|this|these|"
                         r"those)\s+(?:[\w-]+-[\w-]+\s+)?$|['’]s\s+$", re.IGNORECASE)
# A word right before an "-ing" that makes it no verb of a clause: not a helper ("is", "keeps"),
# a preposition ("after saying"), a conjunction or a mark.
_NAMING = re.compile(r"(?<![,;:(\"“—–-])\b(?!(?:is|are|was|were|be|been|being|am|keep|keeps|kept|"
                     r"start|starts|started|stop|stops|stopped|after|before|by|while|when|without|"
                     r"since|in|on|for|despite|from|of|about|upon|and|or|but|also|then|not|"
                     r"just|still|now|again|repeatedly|publicly|reportedly|allegedly|even)\b)"
                     r"[A-Za-z][\w’'.-]*\s+$", re.IGNORECASE)
# A preposition's object that someone owns, with a describing word: "to their empty [charges]"
# (not those a speaker's phrase goes on with: "lawyers for her family claim", "a study by").
_OWNED_OBJECT = re.compile(r"\b(?:to|from|about|into|against|over|like)\s+"
                           r"(?:its|his|her|their|our|my|your)\s+[a-z][\w-]*\s+$", re.IGNORECASE)
# A verb's last word before its preposition: "comes down", "pointed", "responded", "objects".
_VERB_BEFORE = re.compile(r"\b(?:down|up|out|back|off|[a-z]+ed|[a-z]+[^s\W]s)\s*$")
_DESCRIBED = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)\s+[a-z]+\s+$", re.IGNORECASE)


@cache
def _ambiguous_forms() -> dict[str, str]:
    """The plain and "-s" forms of verbs that are also nouns."""
    found = {}
    for lemma in lexicon.markers("reporting", "ambiguous"):
        for form in (lemma, lemma + "s", lemma + "es", lemma[:-1] + "ies" if lemma.endswith("y") else lemma):
            found[form] = lemma
    return found


def reporting() -> re.Pattern:
    return lexicon.reporting_pattern()


def reporting_verbs_in(sentence: str, quotes: list[tuple[int, int]] | None = None) -> list[re.Match]:
    """The reporting words of the sentence used as verbs, outside its quotes (`quotes`, when
    found already): not the noun of "on several charges" or "the claims"."""
    quotes = lexicon.quoted_spans(sentence) if quotes is None else quotes
    return [m for m in reporting().finditer(sentence)
            if not lexicon.inside(m.start(), quotes) and not _not_a_verb(sentence, m)]


def _subject_before(sentence: str, position: int, beside: bool = False) -> tuple[str, bool]:
    """The noun phrase right before a verb ("The Harbor Union has", "51 percent of
    voters", "he"), skipping helping words ("has also", "declined to"); "" when what stands
    there is no speaker. And whether the verb is passive ("was criticized"): then the phrase
    is who is reported on, not who speaks. `beside`: the verb follows an appositive, and the
    phrase is the one before it, whole ("Ana Ruiz, the mayor, said")."""
    head = sentence[:position]
    while (aside := _ASIDE_BEFORE_VERB.search(head, max(0, len(head) - 80))) and aside.start() > 0:
        if aside.group().split()[0] in _DAY_NAMES and head[:aside.start()].split()[-1][:1].isupper():
            break  # "Joe Friday": a name's day
        head = head[:aside.start()] + " "  # "The DOJ (DOJ) on Monday announced": the DOJ speaks
    original = head
    head = _PLACE_COMMA.sub(r"\1\2\3", head)  # "A judge in Washington, D.C. ruled": one place
    clause = re.split(r"[,;:()\[\]“”\"]|\b(?:that|but|which|who|while|whereas|though|although|as|when|after|"
                      r"before|because)\s", head)[-1]
    if beside:
        if clause.strip() or not head.rstrip().endswith(","):
            return "", False
        clause = _before_appositive(head)  # "Ana Ruiz, the mayor, said": Ana Ruiz speaks
    words = _WORD.findall(clause)
    helpers = []
    while words:
        if re.search(r"n['’]t$", words[-1].lower()):  # "isn't", "did not"
            helpers.append(re.sub(r"n['’]t$", "", words.pop().lower()))
        elif contracted := re.fullmatch(r"(\w+)['’](ve|d|ll|re|m)", words[-1], re.IGNORECASE):
            words[-1] = contracted.group(1)  # "We’ve asked": "we" asks; "They're told": passive
            helpers.append(_CONTRACTED[contracted.group(2).lower()])
        elif words[-1].lower() in _HELPERS:
            helpers.append(words.pop().lower())
        elif words[-1].lower() == "to" and len(words) > 1 and words[-2].lower() in _CONTROL:
            words = words[:-2] if words[-2].lower() != "on" else words[:-3]  # "declined to say"
        else:
            break
    verb = re.match(r"\w+", sentence[position:])
    # "He is saying": he speaks ("is considering a challenge" weighs it, and tells no claim)
    progressive = bool(verb and verb.group().lower().endswith("ing")
                       and lexicon.reporting_verbs().get(verb.group().lower()) == "speech")
    passive = bool(set(helpers) & {"am", "was", "were", "is", "are", "been", "be", "being"}) and not progressive
    if not words:
        return "", passive
    if words[-1].lower() in PRONOUNS or (len(words) == 1 and words[0].lower() in UNNAMED):
        return words[-1], passive
    kept: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word, lower = words[i], words[i].lower()
        if len(kept) == _MAX_SPEAKER_WORDS:
            break
        if lower == "and":  # inside a name only: "the Russian and Syrian ministries"
            if not (kept and kept[0][0].isupper() and i and words[i - 1][0].isupper()):
                if _singular_verb(sentence, position):
                    return "", passive  # "the data on X and [Y] suggests": its subject stands further back, unread
                break
        elif lower in _ALONG and kept and (_source_noun(words[:i]) or (
                i >= 2 and re.fullmatch(r"[a-z]+ed", words[i - 1]) and words[i - 2].lower() not in STOPWORDS)):
            pass  # "a study in 19 people", "researchers at the university", "people displaced by the storm"
        elif lower in ("in", "at", "from") and kept and i and (kept[0][:1].isupper() or (
                kept[0].lower() == "the" and words[i - 1].lower().endswith("s"))) \
                and re.fullmatch(r"[a-z]+", words[i - 1].lower() if i == 1 else words[i - 1]) \
                and words[i - 1].lower() not in STOPWORDS and not words[i - 1].lower().endswith(("ing", "ly")):
            pass  # someone of a place: "a federal judge in Texas", "residents in the town" (not "Speaking in")
        elif lower in STOPWORDS and lower not in _NP_SMALL:
            break
        elif lower in _HELPERS and not word[0].isupper():
            break
        kept.insert(0, word)
    while kept and kept[0].lower() in {"of", "for", "and", "&"}:
        kept.pop(0)
    last = kept[-1].lower() if kept else ""
    capitals = [w for w in kept if w[:1].isupper()]
    if len(capitals) >= 3 and all(w.isupper() for w in capitals):
        return "", passive  # a shouted headline ("PLAGUE OUTBREAK FEARS"), no speaker
    if not kept or (last in _NP_SMALL and last not in {"percent", "%", "cent"}) or last in _NOT_SPEAKERS:
        return "", passive
    if not (any(w[0].isupper() for w in kept) or _is_noun_phrase(kept)):
        return "", passive
    if beside and kept != _WORD.findall(clause):
        return "", passive  # "Dealing in cocaine or a narcotic drug, …": no subject's phrase
    if _CLAUSE_INSIDE.search(" ".join(kept)):
        return "", passive  # "Patrick launched a tour of early-voting [states], …": a clause, no speaker
    phrase = " ".join(kept)
    if phrase not in original:  # as the sentence writes it: "in Washington, D.C."
        found = re.search(r",?\s+".join(map(re.escape, kept)), original)
        phrase = found.group() if found else phrase
    return phrase, passive


# A comma inside a place, after "in", "at" or "from", before the short form of a state or a
# district ("in Washington, D.C.", "in Alder, N.S.,"): not a sentence's opening place before
# its subject ("In Geneva, Guterres said").
_PLACE_COMMA = re.compile(r"(\b(?:in|at|from)\s+[A-Z][\w.]*),(\s+(?:[A-Z][a-z]{0,4}\.)+),?(\s*)$")

_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those"}


# A past verb and its object inside what would be a speaker's phrase ("Patrick launched a
# tour", "the mayor toured coastal"), not a participle and its phrase ("the man accused of
# fraud", "people displaced by the storm", "residents interviewed last week").
_CLAUSE_INSIDE = re.compile(r"\b[a-z]+ed\s+(?!(?:of|on|in|at|by|with|for|to|from|about|under|over|into|near|"
                            r"after|before|during|since|this|last|early|late|earlier)\b)[a-z]")


def _before_appositive(head: str) -> str:
    """The subject a verb's appositive or relative clause stands beside ("Ana Ruiz" of "After
    the vote, Ana Ruiz, the mayor, said"; "Officials, who asked not to be named, said"): the
    first of the phrases between commas, before the verb, that does not begin with a small word
    ("After the vote"); "" when none."""
    clause = re.split(r"[;:()\[\]“”\"]|\b(?:that|but|while|as|when|after|before|because)\s", head)[-1]
    phrases = [p for p in clause.split(",")[:-1] if p.strip()]
    for phrase in phrases[:-1]:  # the last is the appositive
        first, last = phrase.split()[0].lower(), phrase.split()[-1].lower()
        if (first not in STOPWORDS or first in _DETERMINERS) and not first.endswith("ly") \
                and first not in _SENTENCE_ADVERBS and last not in TIME_WORDS | DAYS | MONTHS:
            return phrase
    return ""


# Words that open a sentence before its subject: "Meanwhile, Ana Ruiz, the mayor, said".
_SENTENCE_ADVERBS = {"meanwhile", "however", "yesterday", "today", "tonight", "tomorrow", "now",
                     "then", "still", "instead", "also", "moreover", "furthermore", "separately",
                     "similarly", "indeed", "overall", "finally", "earlier", "later", "last", "next",
                     "this", "that", "once", "again", "thus", "therefore", "nevertheless", "nonetheless",
                     "besides", "otherwise", "elsewhere", "here", "there", "yes", "no", "well"}


def _singular_verb(sentence: str, position: int) -> bool:
    """Whether the verb at `position` agrees with one subject ("says", "suggests", "has said"),
    which two joined by "and" are not."""
    verb = re.match(r"[a-z]+", sentence[position:])
    return bool(verb) and (verb.group() in ("has", "is", "was") or (
        verb.group().endswith("s") and not verb.group().endswith("ss")))


def _source_noun(words: list[str]) -> bool:
    """Whether a source or a side stands among the last few words ("a study", "sources
    close", "a study of 3,000 nurses at 12 hospitals")."""
    return any(EVIDENCE.fullmatch(w.lower()) or SIDES.fullmatch(w.lower()) for w in words[-6:])


# What may stand between a speaker and the verb and is no part of the speaker: a bracket
# ("Ana Ruiz (D-Calif.)"), a day or a time ("on Monday", "last week"); a bare day after a
# capital is a name's ("Joe Friday"). (A paper's "The Mail on Sunday" loses its day.)
_DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_DAYS = "(?:" + "|".join(sorted(_DAY_NAMES)) + ")"
_ASIDE_BEFORE_VERB = re.compile(
    r"\s*\([^()]{1,40}\)\s*$|\s+on\s+" + _DAYS + r"(?:\s+(?:morning|afternoon|evening|night))?\s*$|"
    r"\s+" + _DAYS + r"\s*$|"
    r"\s+(?:yesterday|today|tonight|(?:last|this|earlier this|late last|early last|next)\s+"
    r"(?:week|weekend|month|year|morning|afternoon|evening|night|spring|summer|fall|autumn|winter))\s*$")


def _is_noun_phrase(words: list[str]) -> bool:
    """Lower-case speakers: "officials", "the company", "critics", "51 percent": a determiner
    or a number first, or a plural noun."""
    first, last = words[0].lower(), words[-1].lower()
    return (first in {"the", "a", "an", "its", "his", "her", "their", "some", "many", "most",
                      "several", "other", "both", "all"}
            or first[:1].isdigit() or last.endswith("s") or last in {"police", "staff", "people"})


def _speaker_after(sentence: str, position: int) -> str:
    """The speaker after the verb in '..., said Ana Ruiz.' or '... was criticized by the
    union'; "" otherwise."""
    rest = sentence[position:]
    occasion = f"(?:{_OCCASION})?" if re.search(r"\b(?:said|says|added|adds|wrote|writes|noted|explained)\s*$",
                                                 sentence[:position]) else ""
    name = re.match(r"\s+((?:[A-Z][\w’'.-]*|the|a|an|of)(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and))*)"
                    rf"{occasion}\s*[,.;:!?]?\s*$|"
                    r"\s+((?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|the|for))*),", rest)
    if not name:
        return _described_after_quote(sentence, position)
    words = (name.group(1) or name.group(2) or "").split()
    if words and not re.fullmatch(r"(?:[A-Z]\.)+", words[-1]):  # "Diaz." ends; "U.S." stays
        words[-1] = words[-1].rstrip(".")
    while words and words[-1].lower() in _NP_SMALL:
        words.pop()
    return " ".join(words) if words and any(w[0].isupper() for w in words) else ""


def _described_after_quote(sentence: str, position: int) -> str:
    """The speaker a quote's verb is followed by when it is described, not named:
    '"We never saw this," said the mayor.', '"…," said one senior official on Monday.';
    "" elsewhere (after no quote, the verb's words may be its object: "said the plan")."""
    if not re.search(r"[,!?…][\"”’']\s+\S+\s*$", sentence[:position]):
        return ""
    phrase = re.match(r"\s+([^,;:!?\"“”]+?)\s*(?:[,;:!?]|\.?\s*$)", sentence[position:])
    if not phrase:
        return ""
    words = []
    for word in phrase.group(1).split():
        if word.lower() in _AFTER_SPEAKER:
            break
        words.append(word)
    # A name after its description goes by the name, without where they are from:
    # "43-year-old Martin Taylor of Aberdeenshire" is Martin Taylor.
    named = next((i for i, word in enumerate(words) if word[:1].isupper()), 0)
    if words and words[0].lower() not in _DESCRIBING:
        words = words[named:]
        if "of" in words[2:] and all(w[:1].isupper() for w in words[:words.index("of")]):
            words = words[:words.index("of")]
    if not words or len(words) > _MAX_SPEAKER_WORDS or words[0].lower() in STOPWORDS - _DESCRIBING:
        return ""
    while words and words[-1].lower() in _NP_SMALL:
        words.pop()
    return " ".join(words)


# What ends a described speaker: when, where or how they said it ("the mayor on Monday").
_AFTER_SPEAKER = {"on", "in", "at", "during", "after", "before", "when", "while", "who", "which", "that",
                  "last", "this", "yesterday", "today", "tonight", "earlier", "later", "recently", "as"}
# Small words that may begin one: "the mayor", "one official", "a spokesperson", "his wife".
_DESCRIBING = {"the", "a", "an", "one", "two", "three", "his", "her", "their", "its", "another",
               "some", "many", "several", "he", "she", "they", "we", "i"}


# Where a speaker said it, after their name at a sentence's end: "said Ana Ruiz in a statement".
_OCCASION = (r"\s+(?:in|at|during)\s+(?:a|an|the|his|her|its|their|[A-Z][\w’'-]*[’']s)\s+(?:[\w’'-]+\s+){0,3}?"
             r"(?:statement|interview|release|post|report|speech|briefing|conference|email|letter|"
             r"video|note|filing|message|hearing|meeting)(?:\s+(?:on|last|this)\s+\w+)?")


# Words a speaker's phrase goes on after, as after a participle: "a person close to the family".
_NEEDS_OBJECT = {"familiar", "close", "briefed", "knowledgeable", "loyal", "linked", "opposed"}


def _phrase_after(sentence: str, position: int) -> str:
    """The noun phrase that follows ("according to [the Ministry of Health], ...")."""
    words = []
    for word in _WORD.findall(re.split(r"[,;:()\"“”]", sentence[position:])[0]):
        lower = word.lower().rstrip(".")
        small = lower in STOPWORDS and lower not in _NP_SMALL and not word[:1].isupper()  # "US" is a name
        if small and lower in ("with", "to", "by", "in") and words and (
                words[-1].lower() in _NEEDS_OBJECT or words[-1].lower().endswith("ed")):
            small = False  # "a source familiar with the matter", "accounts corroborated by video"
        if len(words) == _MAX_SPEAKER_WORDS or small:
            break
        words.append(word.rstrip("."))
    while words and words[-1].lower() in _NP_SMALL:
        words.pop()
    return " ".join(words)


@cache
def reporting_words() -> frozenset[str]:
    return frozenset(lexicon.reporting_verbs())
