"""The one checker of a summary's sentences, against the article they come from.

The writer runs it on each sentence as soon as the model ends it (and writes the sentence
anew, or takes it back, when it finds a problem); the review runs it on the finished note,
whose counts and highlights the user sees. Each problem has a span, a reason a reader can act
on, and where it can be mended, the words to begin the sentence anew with.

What it checks, each against the sentence's evidence in the article:
- loaded: loaded wording (copied from the article, or brought in);
- opinion: a judgement stated as fact: judging words, "should", "I" or "you" that no one owns;
  in an opinion piece, the writer's view told without saying it is theirs;
- attribution: a claim the article attributes ("officials said") told without whose it is;
- modality: a possibility, plan, threat, condition or hearsay told as a fact;
- negation: a "not" lost or added;
- number, name, quote: not in the article;
- unsupported: no sentence of the article says this, or not who did what;
- dangling: refers back to something not named before ("He", "This approach");
- partial_name: part of a name ("Palmas" for "Los Palmas");
- clutter: about the page or the article, not the news ("X contributed to this report");
- fragment: not a whole sentence;
- question: a question, where the note tells what happened;
- repeat: says again what an earlier sentence said;
- sensational: a title in capitals or exclamation, or a copied opinion headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from desktop.core.checks import support
from desktop.core.checks.evidence import Evidence, EvidenceFinder
from desktop.core.input.article import Article, Sentence
from desktop.core.input.genre import NEWS, PRESS, person
from desktop.core.language import claims, lexicon
from desktop.core.language.text import (
    DAYS, MONTHS, STOPWORDS, TIME_WORDS, content, meaningful, possessive, starts_sentence, stem, words,
)

KINDS = {
    "loaded": "Loaded wording",
    "opinion": "An opinion stated as fact",
    "attribution": "A claim without whose it is",
    "modality": "A possibility stated as fact",
    "negation": "A negation lost or added",
    "number": "Number not in the article",
    "name": "Name not in the article",
    "quote": "Quote not in the article",
    "unsupported": "Not what the article says",
    "dangling": "Refers to something not yet named",
    "partial_name": "Part of a name",
    "clutter": "Page clutter",
    "fragment": "Not a whole sentence",
    "question": "A question, not a statement",
    "repeat": "Says again what is said above",
    "sensational": "Sensational title",
}
# The kinds that say the article does not say what the sentence says.
SUPPORT = frozenset({"unsupported", "number", "name", "quote", "negation"})
# A sentence whose meaningful words the article's sentences around its evidence lack, for
# this share of their weight (rare words weigh more), is not what the article says.
UNCOVERED = 0.34
# Nor is a sentence that the model, having read the article, finds this unlikely: the mean
# log-probability of its tokens after the article. On SummEval's machine summaries (see
# benchmarks/quality.py) it tells the faithful from the rest better than the words alone.
MIN_LOGPROB = -3.0
# A clause added at a sentence's end (", resulting in ...", ", a record rise") that the
# article's sentences lack for this share of its words' weight, and at least two words: a
# true beginning does not vouch for an invented end.
TAIL_UNCOVERED = 0.5
HEADLINE_TOLD = 0.8  # share of what a sentence has someone say that the headline has, to be it
HEADLINE_WORDS = 6  # words, at least, for a sentence to be read as a headline (not a first word nor a quote's)
HEADLINE_CAPITALS = 0.7  # share of them capitalized, at least, in a headline's capitals
REPEAT = 0.8  # share of a sentence's meaningful words that an earlier one already has
ADDS_LITTLE = 0.4  # share of its meaningful words, at most, that a sentence adds to an earlier one it retells
FRAGMENT_WORDS = 4
# Words a standalone sentence cannot begin with: they point back to something said before.
_BACK = {"he", "she", "they", "it", "his", "her", "their", "its", "him", "them", "this",
         "that", "these", "those", "such", "likewise", "similarly", "also", "moreover",
         "furthermore", "meanwhile", "however", "but", "and", "or", "so", "still", "instead",
         "therefore", "thus", "besides", "additionally", "otherwise", "then"}
# A contraction holds a verb: "it's", "don't", "they're", "we'll".
_CONTRACTED = r"[a-z]+n['’]t|[a-z]+['’](?:re|ve|ll|m|d)|(?:it|he|she|that|there|here|what|who|where)['’]s"
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|does|do|did|will|would|can|cannot|could|may|"
                     rf"might|must|shall|should|{_CONTRACTED})\b", re.IGNORECASE)
# A word in -ed or -en, in small letters ("Biden", "Allen" are names), that is no participle:
# "hundred", "even", "when", "women", "fishermen".
_PARTICIPLE = (r"(?!(?:hundred|speed|seed|feed|bed|red|shed|sacred|naked|wicked|greed|even|seven|"
               r"eleven|ten|then|when|often|[a-z]*men|children|between|screen|green|garden|kitchen|"
               r"chicken|golden|wooden|oven|heaven|token|citizen|teen|queen)\b)[a-z]+(?:ed|en)")
_VERB_HINTS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|cannot|could|may|"
    rf"might|must|shall|should|(?-i:{_PARTICIPLE})|won|led|met|got|gave|went|came|made|took|"
    r"said|told|left|held|kept|put|set|cut|hit|let|ran|saw|sold|paid|lost|built|sent|spent|"
    r"began|become|became|found|fell|rose|grew|knew|thought|brought|bought|fought|caught|"
    rf"taught|chose|drove|wrote|spoke|broke|stood|felt|meant|read|{_CONTRACTED})\b", re.IGNORECASE)
TICKER = re.compile(r"\(\s*(?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|OTC|AMEX|NYSEARCA|ETR|EPA|TYO|HKEX)"
                     r"\s*:\s*[A-Z0-9.]{1,8}\s*\)|\$[A-Z]{2,5}\b")
_PARTICLES = {"el", "la", "los", "las", "le", "les", "de", "del", "al", "san", "santa", "new",
              "st", "st.", "saint", "di", "da", "du", "van", "von", "ben", "bin", "abu"}
# "It is unclear whether ...": an "it" that points at nothing.
_EXPLETIVE = re.compile(r"\s*It(?:['’]s\s+|\s+(?:is|was|would be|will be|remains|remained|seems|seemed|"
                        r"appears|appeared|has been|had been|could be|may be|might be)\s+)"
                        r"(?:not\s+)?(?:\w+\s+){0,2}?(?:that|to|whether|if|when|how|why|who|unclear|"
                        r"clear|likely|unlikely|possible|impossible|expected|known|time|too)\b")


@dataclass(frozen=True)
class Problem:
    kind: str  # one of KINDS
    start: int  # span in the checked sentence
    end: int
    text: str
    reason: str
    fix: str = ""  # the words to write the sentence anew from, when they mend it
    copied: bool = False  # a loaded word the article itself uses
    mended: str = ""  # the sentence mended without the model: its words behind `fix`


@dataclass
class Context:
    """What the checks look up, computed once per article."""

    article: Article
    finder: EvidenceFinder = field(init=False)
    index: support.ArticleIndex = field(init=False)

    def __post_init__(self):
        self.finder = EvidenceFinder(self.article)
        # The writer an opinion piece's summary names is known from the page, not its text.
        self.index = support.ArticleIndex(f"{self.article.text}\n\n{self.article.genre.author}")

    @cached_property
    def lower_text(self) -> str:
        return self.article.text.lower()

    @cached_property
    def lower_words(self) -> set[str]:
        """The words the article writes in lower case somewhere: common words, not names."""
        return set(re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", self.article.text))

    def evidence(self, sentence: str) -> Evidence:
        return self.finder.find(sentence)

    @cached_property
    def told_together(self) -> list[set[str]]:
        """The meaningful words of each article sentence."""
        return [set(content(s.text)) for s in self.article.sentences]

    @cached_property
    def article_words(self) -> frozenset[str]:
        return frozenset().union(*self.told_together)

    @cached_property
    def any_where(self) -> frozenset[str]:
        """Words that go with any other: the headline's, the writer's name, the words of a report's frame."""
        return frozenset(set(content(self.article.headline)) | self.finder.frame_words)


def check(sentence: str, part: str, ctx: Context, before: tuple[str, ...] = (), title: str = "",
          compare: bool = True, logprob: float | None = None, doubted: bool = False,
          points: tuple[str, ...] = ()) -> list[Problem]:
    """The problems of one sentence of the summary. `part` is "title", "summary" or "point";
    `before`: the sentences before it (the summary's; for a key point, the other key points
    and, in the note as read, the summary's above them); `title`: the summary's title, which
    a key point must not repeat; `points`: the key points, which the summary's sentences after
    its first must not tell again (the writer's: it writes the summary after them). `compare`: the
    summary is in the article's language, so its words can be compared with the article's
    (else only names, numbers and the form are checked). `logprob`: how likely the sentence
    is to the model after reading the article, where known; `doubted`: the model, asked
    whether the article says it, doubts it (see `worth_asking`)."""
    first = part != "summary" or not before
    found: list[Problem] = []
    article = ctx.article
    english = article.english and compare
    claim = claims.read(sentence) if english else claims.Claim(sentence)
    evidence = ctx.evidence(sentence) if compare else Evidence((), 1.0)
    sources = [article.at(span) for span in evidence.spans]
    main = article.at(evidence.main) if evidence.main else None

    if english:
        for hit in lexicon.loaded(sentence):
            copied = lexicon.in_text(hit, article.text)
            source = "copied from the article" if copied else "not in the article"
            found.append(Problem("loaded", hit.start, hit.end, hit.text,
                                 f"{hit.term.reason} ({source})", copied=copied))
    for f in support.check(sentence, ctx.index, title=part == "title"):
        found.append(Problem(f.kind, f.start, f.end, f.text, f.reason))
    if compare and not evidence.supported and (part != "title" or not _headline_words(sentence, ctx)):
        found.append(_whole("unsupported", sentence, "No sentence of the article says this."))
    elif compare and part != "title" and (share := uncovered(sentence, evidence, ctx)) >= UNCOVERED:
        found.append(_whole("unsupported", sentence,
                            f"The article's sentences here do not say this ({share:.0%} of its "
                            "meaningful words are not in them): who did what may have changed."))
    elif compare and part != "title" and (tail := invented_tail(sentence, ctx, evidence)):
        found.append(Problem("unsupported", len(sentence) - len(tail), len(sentence), tail,
                             "The article's sentences here do not say this part: it may be "
                             "made up."))
    elif compare and english and part != "title" and (other := _described_elsewhere(sentence, evidence, article)):
        found.append(_whole("unsupported", sentence, other))
    elif compare and english and part != "title" and doubted and (pairs := untold_pairs(sentence, ctx)):
        a, b = pairs[0]
        found.append(_whole("unsupported", sentence,
                            f"No sentence of the article has “{a}” and “{b}” together, and the model "
                            "that read it doubts the article says this: who did what may have changed."))
    elif compare and part != "title" and logprob is not None and logprob < MIN_LOGPROB:
        found.append(_whole("unsupported", sentence,
                            f"The model that read the article finds this sentence unlikely "
                            f"(mean log-probability {logprob:.1f}): check it against the article."))
    if english:
        # What the note names above the sentence: a key point's title and earlier points; the
        # summary's first sentence's title, read just before it.
        named = (*before, title) if part == "point" else (title,) if first and title else ()
        dangling = _dangling(sentence, claim, part, first, before, main, named) \
            or _unowned_pronoun(sentence, claim, part, first, ctx)
        voiced = any(p.text.lower() in _FIRST_PERSON for p in dangling)  # the writer's own "I" or "we"
        found += _attribution(sentence, claim, main, sources, part, first, ctx, voiced) \
            or _tail_of_another(sentence, claim, main, part, ctx)
        if part != "title":  # a headline is compressed: its verbs are no claims of certainty
            found += _modality(sentence, claim, sources, article.headline, article.genre.author) or _asked(sentence, claim, main, article)
        found += dangling
        found += check_names(sentence, ctx) + _owner_swapped(sentence, ctx) + _number_swapped(sentence, main) \
            + (_name_doubled(sentence, sources) if part != "title" else [])
        if compare and part != "title":
            found += _writer_made_doer(sentence, claim, main, ctx)
        if part != "title":
            found += _fragment(sentence) or _headline_told(sentence, ctx) or _headline_capitals(sentence, ctx)
    if part != "title":
        found += _question(sentence)
    found += _clutter(sentence)
    if part != "title":
        # (the summary's first sentence may tell the main event a key point tells too)
        found += _repeat(sentence, before, ctx.finder.frame_words, told=True) \
            or (_repeat(sentence, (title,), ctx.finder.frame_words) if part == "point" and title
                and not _TOPIC.search(title) else []) \
            or (_repeat(sentence, points, ctx.finder.frame_words) if part == "summary" and before else [])
        if part == "summary" and title and not found and not title.rstrip().endswith("?") and not _framed(sentence):
            # A summary's sentence with no word the title lacks tells the reader nothing more
            # (an answer to a question is no repeat; nor an opinion piece's argument, framed
            # as its writer's, under a title that tells it: "In an opinion column, Haas argues …").
            found += _repeat(sentence, (title,), ctx.finder.frame_words, share=1.0)
    else:
        found += _sensational(sentence, ctx)
        if compare and english:
            found += _words_given_to_writer(sentence, claim, ctx)
    return sorted(found, key=lambda p: (p.start, p.kind))


# Where a sentence's clauses meet: words on either side of these need not be told together.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\s[-–]\s|\b(?:and|but|while|which|who|after|before|because|as|"
                           r"including|with|that|when|where)\b", re.IGNORECASE)


# A sentence that opens by pointing back: "The family-friendly event", "This show".
_POINTS_BACK = re.compile(r"(?:The|This|That|These|Those)((?:\s+[a-z][\w’'-]*){1,4})")


def _described_elsewhere(sentence: str, evidence: Evidence, article: Article) -> str:
    """Why a sentence that ties what one article sentence tells of "the event" to another
    thing gets it wrong, when the article's "the event" is the one its sentence before names
    ("The family-friendly event celebrates its 30th year" after a sentence on the Fair Hill
    Three-Day Event, told of another show): who has what has changed. "" when it does not."""
    spans = set(evidence.spans)
    if len(spans) < 2:
        return ""
    mine = set(content(sentence))
    for i, source in enumerate(article.sentences):
        if (source.start, source.end) not in spans or i == 0:
            continue
        opening = _POINTS_BACK.match(source.text)
        before = article.sentences[i - 1]
        if not opening or (before.start, before.end) in spans:
            continue
        for m in re.finditer(r"[\w’'-]+", opening.group(1)):  # its noun, whichever word it is
            word = m.group()
            if stem(word) not in mine or word in STOPWORDS:
                continue
            # What it points back to: the name before it that ends in that word ("… Three-Day Event").
            named = re.search(rf"((?:[A-Z][\w.&’'-]*\s+)+)(?i:{re.escape(word)})\b", before.text)
            name = set(content(named.group(1))) if named else set()
            if name and not name & mine:
                return (f"The article's “{source.text[:opening.start(1) + m.end()]}” points back to "
                        f"“{named.group(0).strip()}” in the sentence before it, which this sentence does "
                        "not name: who has what may have changed.")
    return ""


def untold_pairs(sentence: str, ctx: Context) -> list[tuple[str, str]]:
    """Neighbouring meaningful words of one clause of the sentence, both the article's, that no
    sentence of the article has together: the sentence joins what the article keeps apart, as
    "the campaign's data comes from the newspaper" of "the campaign told the newspaper" and
    "data on its staff" elsewhere; who did what may have changed."""
    found = []
    for clause in _CLAUSE_BREAK.split(sentence):
        told = [(w, stem(w)) for w in meaningful(clause)]
        told = [(w, s) for w, s in told if s in ctx.article_words and s not in ctx.any_where]
        for (a, sa), (b, sb) in zip(told, told[1:]):
            if sa != sb and not any(sa in t and sb in t for t in ctx.told_together):
                found.append((a, b))
    return found


def worth_asking(sentence: str, part: str, ctx: Context) -> bool:
    """Whether the model that read the article should be asked if it says the sentence (see
    `check`'s `doubted`): a sentence that joins words the article keeps apart, and that its
    words alone do not already find unsupported."""
    return part != "title" and ctx.article.english and bool(untold_pairs(sentence, ctx)) \
        and not any(p.kind in SUPPORT for p in check(sentence, part, ctx))


def asked_of(sentence: str, ctx: Context) -> str:
    """What the model is asked the article says (see `worth_asking`): the sentence without an
    opening that gives it to the piece's writer ("In an opinion column, Hanson argues that",
    "Hanson argues that"): that tells the piece, which says whatever it argues, not whether it
    says what follows."""
    rest = sentence[frame.end():].lstrip(" ,") if (frame := _FRAMES.match(sentence)) else sentence
    said = claims.read(rest)
    if not said.opening or not rest.startswith(said.opening) or not ctx.article.genre.author \
            or not _names_writer(said.opening, ctx.article.genre):
        return sentence
    told = re.sub(r"^\s*(?:that\s+)?", "", rest[len(said.opening):])
    return told if len(content(told)) >= 3 else sentence


def _spliced(opening: str, sentence: str, article: str, source: Sentence | None = None) -> str:
    """The sentence behind an opening that takes a whole clause ("Ana Ruiz said that",
    "According to the survey"), so that the words stay the ones checked: a model asked to
    write on from the opening may say something else. "" when the opening takes no clause
    ("Tomas Berg criticized"). `source`: the article's sentence the opening comes from."""
    if opening.endswith(" that"):
        joint = " "
    elif re.match(r"(?:According to|As reported by|In the (?:view|words) of)\b", opening):
        joint = ", "
    else:
        return ""
    claim = claims.read(sentence)
    # A report of its own ("failed to find" reports no one, nor does the noun of "on several
    # charges"; a quote's "we were told" is the quoted speaker's, and splices as it is).
    reports = [m for m in claims.reporting_verbs_in(sentence)
               if lexicon.reporting_verbs().get(m.group().lower()) != "finding"]
    if any(m.kind in ("first person", "second person") for m in claim.judgements) or reports:
        return ""  # "Haas argues that you …", "Ortiz said that Ruiz, a nurse, said …": written anew
    first = re.match(r"([\w’'-]+?)(?:['’]s)?\b(\s+\S+)?", sentence)
    rest = sentence
    if first and not _keeps_capital(first.group(1), (first.group(2) or "").strip(), article):
        rest = sentence[:1].lower() + sentence[1:]
    rest = _as_pronoun(rest, source) if source else rest
    if opening.endswith(" that") and (advice := _advised(opening, sentence, rest)):
        return advice
    return opening + joint + rest if rest else ""


def _advised(opening: str, sentence: str, rest: str) -> str:
    """Advice after an opening that reports it, as advice: "Haas advises readers to visit …"
    of "Haas writes that" and "Visit …" (or "VISIT …"); "Police advised people not to enter
    …" of "Police said that" and "Do not enter …". "" when the sentence is no advice."""
    who = opening.rsplit(" ", 2)
    negative = re.match(r"(?:Don['’]t|Do not)\s+", sentence)
    verb = claims.advice_verb(sentence)
    if len(who) < 3 or not (verb or negative):
        return ""
    told = who[1].lower()
    past = told.endswith("ed") or lexicon.verb_lemma(told) != told  # a report's "said"
    then = rest[negative.end():] if negative else verb + rest[len(verb):]
    return f"{who[0]} {'advised people' if past else 'advises readers'} {'not to' if negative else 'to'} {then}"


def _clause_of(sentence: str, source: Sentence, ctx: Context) -> str:
    """Of a sentence of two clauses joined by ", but" or ";", the one the source says when
    the other retells another article sentence ("Investors might be misreading it, but the
    company is on track" of the CEO's "We are on track …" and the writer's "Investors might
    be misreading it"): the CEO said only the second. Else the sentence."""
    parts = re.split(r",\s+but\s+|;\s+", sentence, maxsplit=1)
    if len(parts) < 2:
        return sentence
    mains = [ctx.evidence(part).main for part in parts]
    own = [m == (source.start, source.end) for m in mains]
    if own.count(True) != 1 or None in mains:
        return sentence
    clause = parts[own.index(True)].strip().rstrip(".")
    return clause[:1].upper() + clause[1:] + "."


def _retells(sentence: str, source: Sentence) -> bool:
    """Whether the sentence's meaningful words are nearly all in what the source's speaker
    says (the whole source when its speech cannot be told apart), with its denials."""
    speech = _speech(source.text, source.claim) or source.text
    return _mostly_in(set(content(sentence)), speech) and _same_denials(speech, sentence)


def _same_denials(speech: str, sentence: str) -> bool:
    """Whether the sentence denies what the speech denies, no more, no less."""
    return _DENIES.findall(speech.lower()) == _DENIES.findall(sentence.lower())


def _mostly_in(told: set[str], text: str) -> bool:
    """Whether nearly all of the words told (SPEAKER_KEPT of them) are in the text."""
    return bool(told) and len(told & set(content(text))) >= SPEAKER_KEPT * len(told)


def _as_pronoun(rest: str, source: Sentence) -> str:
    """A clause that begins with the speaker's own name, told with the pronoun the article's
    sentence gives them right after its verb ("Ruiz said that [she] will run", not "that Ruiz
    will run"); "" when the article gives none (no splice), the clause as it is when it begins
    otherwise."""
    claim = source.claim
    name = (source.speaker or claim.speaker).split()
    subject = re.match(r"(?:[A-Z][\w’'.-]*\s+)*?([A-Z][\w’'-]+)\b(?!['’])\s+(?=[a-z])", rest)
    if name and claim.opening and not subject and re.match(rf"(?:[A-Z][\w’'.-]*\s+)*?{re.escape(name[-1])},", rest):
        return ""  # "Ruiz, 24, was deported": no "Ruiz said that Ruiz, 24, …"
    if not name or not subject or subject.group(1) != name[-1] or not claim.opening:
        return rest
    run = rest[:subject.end(1)].split()
    if any(w not in name for w in run):  # "Oslo nurses" of "The Oslo Nurses Union"
        return rest
    at = source.text.find(claim.opening)
    pronoun = re.match(r"\s+(?:that\s+)?(he|she|they)\b", source.text[at + len(claim.opening):]) if at >= 0 else None
    return pronoun.group(1) + rest[subject.end(1):] if pronoun else ""  # no "Patrick said that Patrick"


def _keeps_capital(word: str, after: str, article: str) -> bool:
    """Whether a sentence's first word stays capitalized inside another: "I", an acronym, a
    day or a month, a name of two capitalized words ("Emily Stone"), or a word the article
    writes with a capital inside a sentence, where it ends a name ("Mayor Ortiz said") rather
    than stands in a longer one ("the Columbus Police Department") or a heading ("A Job for
    Tuft Cells"), more often than in small letters (an address's "ortiz@" is none)."""
    if word == "I" or (len(word) > 1 and word.isupper()) or not word[:1].isupper():
        return True
    if word.lower() in STOPWORDS:
        return False
    if word.lower() in _CALENDAR or after[:1].isupper():
        return True
    small = len(re.findall(rf"(?<![@./\w]){re.escape(word.lower())}\b(?![@./]\w)", article))
    named = 0
    for match in re.finditer(rf"\b{re.escape(word)}\b(?:['’]s)?(\s+\S+)?", article):
        begins = re.search(r"(?:^|\n\s*|[.!?][\"”’)]*\s+)$", article[max(0, match.start() - 4):match.start()])
        if not begins and not (match.group(1) or "").strip()[:1].isupper():
            named += 1
    return named > small


def _whole(kind: str, sentence: str, reason: str, fix: str = "") -> Problem:
    return Problem(kind, 0, len(sentence), sentence, reason, fix)


# -- who did what ---------------------------------------------------------------------------

def _headline_words(title: str, ctx: Context) -> bool:
    """Whether a title is made of the article's headline's words (a headline is worded anew,
    and need not match one sentence)."""
    wanted = set(content(title))
    return bool(wanted) and len(wanted & set(content(ctx.article.headline))) >= 0.6 * len(wanted)


def uncovered(sentence: str, evidence: Evidence, ctx: Context) -> float:
    """The weighted share of the sentence's meaningful words that neither its evidence nor
    the sentences right around it (nor the headline) have: what it adds to the article."""
    if not evidence.spans:
        return 1.0
    near = {span for s in evidence.spans for span in ctx.finder.neighbours(s)}
    have = {w for a, b in near for w in content(ctx.article.text[a:b])}
    have |= set(content(ctx.article.headline))
    wanted = set(content(sentence)) - ctx.finder.frame_words
    if not wanted:
        return 0.0
    weights = {w: ctx.finder.weight_of(w) for w in wanted}
    missing = [w for w in wanted if w not in have and not _near_word(w, have)]
    return sum(weights[w] for w in missing) / sum(weights.values())


def invented_tail(sentence: str, ctx: Context, evidence: Evidence | None = None) -> str:
    """The clause added at the sentence's end, when the article's sentences lack it (see
    TAIL_UNCOVERED); "" otherwise."""
    match = _TAIL.search(sentence)
    evidence = evidence or ctx.evidence(sentence)
    if not match or not evidence.spans:
        return ""
    tail = sentence[match.end():]
    if re.search(r"[\"“”]", tail):
        return ""  # part of a quote: the quote check reads it
    share = uncovered(tail, evidence, ctx)
    wanted = set(content(tail)) - ctx.finder.frame_words
    if share >= TAIL_UNCOVERED and share * len(wanted) >= 2:
        return tail
    return tail if _of_another_thing(sentence[:match.start()], tail, evidence, ctx) else ""


def _of_another_thing(head: str, tail: str, evidence: Evidence, ctx: Context) -> bool:
    """Whether a "which" or "who" clause tells what the article says of something else: its
    own sentence there names other things, none of those the sentence names before it ("a new
    MacBook Pro …, which will have night mode" of "Night mode … in the iPhone 11"); or a
    "which", "with" or participle clause tells what it says of another size of the same thing
    ("a new 13-inch laptop …, featuring a physical Esc key" of "The 16-inch laptop features …")."""
    clause = bool(re.match(r"(?:which|who)\b", tail))
    if not clause and not re.match(r"(?:\w+ing|with)\b", tail):
        return False
    own = ctx.evidence(tail).main
    if not own or own == evidence.main:
        return False
    source = ctx.article.at(own).text
    verb = _FINITE.search(source)
    subject = source[:verb.start() if verb else len(source)].split(",")[0]
    # Another size of the same thing: "the 16-inch one" is not "a 13-inch one".
    theirs, mine = _sizes(subject), _sizes(head)
    if any(kind == k and size != n for kind, size in theirs for k, n in mine) and not theirs & mine:
        return True
    if not clause:
        return False
    if set(content(subject)) & set(content(head)):
        return False  # the same thing, named otherwise ("The bridge, designed by Arup, will carry …")
    named = {name for _, _, name in support.names(head, ctx.index)}
    there = {name for _, _, name in support.names(source, ctx.index)}
    return bool(named) and bool(there) and not named & there


# A size or a count joined to its unit: "13-inch", "5-door"; not an age or a span of time
# ("a 45-year-old man …, with his 12-year-old son"), which tells of someone else.
_SIZED = re.compile(r"\b(\d+(?:\.\d+)?)-(?!(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|"
                    r"nights?|games?|times?)\b)([A-Za-z]+)\b")


def _sizes(text: str) -> set[tuple[str, str]]:
    """(unit, number) of each size the text gives: {("inch", "13")} of "a 13-inch laptop"."""
    return {(m.group(2).lower(), m.group(1)) for m in _SIZED.finditer(text)}


def _tail_of_another(sentence: str, claim: claims.Claim, main: Sentence | None, part: str,
                     ctx: Context) -> list[Problem]:
    """A clause added at the sentence's end that retells another article sentence's claim,
    someone's to make ("…, highlighting that free speech carries responsibilities" of "The
    prosecutor said the case highlights that …"), with no word of whose it is, when the sentence
    is about another: the mend is the sentence without it."""
    match = _TAIL.search(sentence)
    if part == "title" or not main or not match or claim.attributed:
        return []
    tail = sentence[match.end():]
    if re.search(r"[\"“”]", tail) or not _COMMENTS.match(tail):
        return []  # a comment ("highlighting …"), not a fact added ("leaving three dead", "who export …")
    evidence = ctx.evidence(tail)
    source = ctx.article.at(evidence.main) if evidence.main else None
    if source is None or source.text == main.text or not source.claim.attributed or _mentions(sentence, source):
        return []
    if uncovered(tail, Evidence((evidence.main,), 1.0), ctx) >= TAIL_UNCOVERED:
        return []  # not what that sentence says (an invented tail is found as such)
    who = _who(source) or "someone else"
    return [Problem("attribution", match.end(), len(sentence), tail,
                    f"In the article, {who} says this part: the sentence tells it as its own.",
                    mended=sentence[:match.start()].rstrip(" ,;") + ".")]


# Participles that comment on what a sentence tells: "…, highlighting that …".
_COMMENTS = re.compile(r"(?:highlighting|underscoring|underlining|signaling|signalling|suggesting|showing|"
                       r"demonstrating|reflecting|indicating|illustrating|emphasizing|emphasising|stressing|"
                       r"raising\s+(?:questions|concerns|doubts|fears|hopes))\b")


# The last clause a sentence adds after its last comma: a participle, an appositive, "which",
# "as"; not its attribution ("according to", "saying").
_TAIL = re.compile(r",\s+(?!(?:according|saying|citing|adding)\b)"
                   r"(?=(?:\w+ing|a|an|which|who|as|while|with|after|before)\b)(?=[^,]*$)")


def _near_word(stem: str, have: set[str]) -> bool:
    """Another form of the word: same first five letters ("criminals"/"criminal")."""
    return len(stem) >= 5 and any(h[:5] == stem[:5] for h in have)


def _attribution(sentence: str, claim: claims.Claim, main: Sentence | None, sources: list[Sentence],
                 part: str, first: bool, ctx: Context, voiced: bool = False) -> list[Problem]:
    """A claim the article attributes, or an opinion, told as a plain fact. `voiced`: the
    sentence is in the writer's own voice, flagged as such ("Today, we are going to …")."""
    genre = ctx.article.genre
    said = claim.attributed or found_by(claim) or _framed(sentence) or _names_writer(sentence, genre)

    def unsaid(kind: str, start: int, end: int, text: str, reason: str, fix: str) -> Problem:
        """A problem of a sentence that says no one's it is: the opening mends it, and when it
        takes a clause, the sentence's own words follow it (a headline takes none)."""
        own = main if main and fix == _opening(main, part) else None  # the opening is main's speaker's
        told = _clause_of(sentence, own, ctx) if own else sentence  # not another's clause with it
        # Spliced behind the speaker's opening only when the words are theirs: else the model
        # writes on from the opening ("VW says that" not before the writer's own description).
        mended = _spliced(fix, told, ctx.article.text, own) \
            if fix and part != "title" and (own is None or _retells(told, own)) else ""
        return Problem(kind, start, end, text, reason, fix, mended=mended)

    # A question asserts no advice, and one that asks whether asserts no judgement ("Is it
    # fair to say the event was bad?"); "Why was it a blunder?" still judges.
    asked = _is_question(sentence)
    judging = _judging(genre)
    judged = [m for m in claim.judgements if m.kind in judging
              and not (asked and (m.kind == "prescriptive" or _YES_OR_NO.match(sentence)))]
    if judged and not said:
        marker = judged[0]
        if main and (main.claim.attributed or _contested(main)) and (who := _who(main)) \
                and re.search(rf"\b{re.escape(marker.text)}\b", main.text, re.IGNORECASE):
            return [unsaid("attribution", marker.start, marker.end, marker.text,
                           f"In the article, {who} judges so (“{marker.text}”): say so.",
                           _opening(main, part))]
        fix = _opening(main, part) if main and main.claim.attributed else (
            _writer_fix(ctx, part, first) or _reporter_fix(ctx, part, first, marker.text, sources))
        return [unsaid("opinion", marker.start, marker.end, marker.text,
                       f"“{marker.text}” judges, but the sentence does not say who judges so.", fix)]
    # A speaker's sentence that goes on with the writer's own judgement ("Wall Street
    # predicted $2.52 a share, but the results look OK" of two sentences, the second the
    # reporter's): the judgement is no one's the sentence names.
    # (not where the speaker may be the writer: a name of theirs, "she", a release's issuer)
    if judged and said and claim.speaker.lower() not in ("", *claims.PRONOUNS) and genre.kind != PRESS \
            and not _names_writer(sentence, genre) and not _framed(sentence) \
            and (own := _writers_judgement(judged, sources)):
        return [Problem("opinion", own.start, own.end, own.text,
                        f"“{own.text}” is the writer's judgement in the article, not {possessive(claim.speaker)}.")]
    # A fact check's verdict on what it checks ("The claim appears to have been made up") is
    # its writer's.
    if genre.kind == "fact check" and not said and part != "title" and (verdict := _VERDICT.search(sentence)):
        return [unsaid("opinion", verdict.start(), verdict.end(), verdict.group(),
                       f"This fact check's verdict is {possessive(genre.author or 'its writer')}: say it is theirs.",
                       _writer_fix(ctx, part, first))]
    if main and (stranger := _put_in_mouth(claim, main, sentence, ctx)):
        return [_whole("unsupported", sentence,
                       f"The article's sentence here is no word of {stranger}’s: the sentence "
                       "puts it in their mouth.")]
    if said and (given := _quote_given_to_another(sentence, claim, ctx)):
        (start, end), who, given_to = given
        whose = possessive(re.sub(r"^The\b", "the", who)) if who else "someone else’s"
        # A key point is begun anew with the quote's speaker; elsewhere it goes.
        fix = f"{who} said that" if who and part == "point" else ""
        return [Problem("attribution", start, end, sentence[start:end],
                        f"In the article these are {whose} words, quoted: not {possessive(given_to)}. "
                        "Say whose they are.", fix)]
    if main and (who := _told_by_another(sentence, claim, main, ctx)):
        return [_whole("attribution", sentence,
                       f"In the article, {who} says this, not its writer, {ctx.article.genre.author}: "
                       "say whose it is.", _opening(main, part))]
    if main and (other := _voice_swapped(sentence, claim, main, ctx)):
        return [_whole("attribution", sentence, f"In the article's sentence, this is {possessive(_lowered(other, ctx))} "
                       f"claim, not {possessive(_lowered(claim.speaker, ctx))}: say whose it is.")]
    if (swapped := _said_by_another(sentence, claim, ctx)) is not None:
        return [_whole("attribution", sentence, f"The article attributes this to {_lowered(_who(swapped), ctx)}, "
                       f"not to {_lowered(claim.speaker, ctx)}: say whose it is.", _opening(swapped, part))]
    if said and part != "title":  # the speaker's, so it must be theirs: a word the article lacks is not
        # ("must" may tell what they asked for, in other words)
        added = [h for h in lexicon.find(sentence) if h.term.category == "evaluative"
                 and not lexicon.in_text(h, ctx.article.text)]
        if added:
            return [Problem("opinion", added[0].start, added[0].end, added[0].text,
                            f"“{added[0].text}” is no word of the article: no one there judges so.")]
    if not main:
        return []
    # A view of the writer's in an opinion piece: in an argument (a column, an editorial)
    # whatever is no plain fact; elsewhere what the article's sentence judges (the summary may
    # tell its judgement in other words). The summary does not say whose it is.
    arguing = genre.kind in ("opinion column", "editorial", PRESS)  # a release's claims are all its issuer's
    # A checkable figure, not a view; a press release's figures are its issuer's word.
    fact = bool(support.number_values(sentence)) and genre.kind != PRESS
    wanted = set(content(sentence))
    # In an argument, what someone thinks or expects is the writer's reading of them, not
    # their word ("Ruiz never expected the vote"); what they said is theirs.
    minds = arguing and claim.verb_kind == "cognition" and not _framed(sentence) \
        and not _names_writer(sentence, genre)
    writers = [s for s in sources if not fact and (
        (minds and s.claim.verb_kind == "cognition")
        or (not s.claim.named and not s.speaker and (_judges_here(s, wanted, judging) or (arguing and not _plain_fact(s, genre.kind == PRESS)))))]
    # A question tells nothing as a fact (a judging word in it is found above). Words without
    # a verb ("How to make pear jam") in a key point or the summary are taken back as a
    # fragment, not given to the writer; a title needs none to judge ("A Case of Incoherence").
    # One in the writer's own voice is flagged for its "we", which names no one.
    asserts = not _is_question(sentence) and not (part != "title" and _fragment(sentence)) and not voiced
    if genre.kind != NEWS and (not said or minds) and writers and asserts:
        if genre.kind == PRESS:  # what the issuer says of itself: a claim, theirs to make
            return [unsaid("attribution", 0, len(sentence), sentence,
                           f"This press release is {possessive(genre.author or 'its issuer')} word: say it is theirs.",
                           _writer_fix(ctx, part, first))]
        return [unsaid("opinion", 0, len(sentence), sentence,
                       f"This {genre.kind} is {possessive(genre.author or 'its writer')} view: say it is theirs.",
                       _writer_fix(ctx, part, first))]
    if part == "title":  # a headline tells the event, not who said it
        return []
    # One voice's words of an article sentence that gives several ("…, with riders saying …").
    if not said and (voice := _voice_telling(sentence, main)) and not _same_person(voice, _who(main)):
        if _naming_words(voice) & set(content(" ".join(sentence.split()[:4]))):
            return []  # "Captains fear …": named first, with a verb not read as a report
        return [_whole("attribution", sentence, f"The article attributes this to {_lowered(voice, ctx)}: say so.")]
    if (_contested(main) or _assessed(main, sentence)) and not _about_the_report(sentence, main):  # a claim near it is not what it says
        who = _who(main)
        if not said and (who or _POLL.search(main.text)):
            return [unsaid("attribution", 0, len(sentence), sentence,
                           f"The article attributes this to {who or 'a poll'}: say so.",
                           _opening(main, part))]
        research = found_by(claim) and main.claim.verb_kind == "finding"  # "Researchers found" of "A study found"
        if said and (who or _POLL.search(main.text)) and not research and not _mentions(sentence, main) \
                and not _speaker_in(claim, [main]) and not _named_in(claim, main) \
                and not (who and _titled(who, claim.speaker, ctx)):
            # "Berg said …" of the mayor's words; not "…, not to Ortiz" of the same mayor named otherwise
            given = f", not to {_lowered(claim.speaker, ctx)}" if _a_voice_of(claim.speaker, ctx) else ""
            return [_whole("attribution", sentence,
                           f"The article attributes this to {_lowered(who, ctx) or 'a poll'}{given}: say whose it is.",
                           _opening(main, part))]
        # Given to the piece ("The article claims …") what the article has others say
        # ("Backers of tariffs say …"): the speaker's head word is not in the sentence.
        others = who or (main.claim.speaker if main.claim.speaker.lower() not in claims.PRONOUNS else "")
        head = _before_preposition(others)
        # ("…, but the accounts show …": the piece's own part may be what the sentence tells)
        if said and others and not research and _WRITER_WORDS.search(sentence) and not claim.named \
                and not set(content(head)) & set(content(sentence)) \
                and not re.search(r"(?:,|;)\s*(?:but|however|while|whereas|yet)\b", main.text):
            first = others.split()[0].lower()
            if first in ("the", "a", "an", "some", "many", "most") or claims.SIDES.fullmatch(first) \
                    or claims.EVIDENCE.fullmatch(first):
                others = others[:1].lower() + others[1:]  # "backers of tariffs", not a name
            return [_whole("attribution", sentence, f"The article has {others} say this: it is "
                           "not the piece's own claim. Say whose it is.", _opening(main, part))]
    return []


def _words_given_to_writer(title: str, claim: claims.Claim, ctx: Context) -> list[Problem]:
    """A title that tells what the piece's writer argues in a word the article never uses, in
    any form ("Wood argues that the future of banking is a scam" of a column that never says
    "scam"): a headline may be worded anew, but not a verdict put in the writer's mouth."""
    writer = set(content(ctx.article.genre.author))
    speaker = set(content(claim.speaker))
    at = title.find(claim.opening) if claim.opening else -1
    if at < 0 or not speaker or not speaker <= writer:
        return []
    have = set(content(ctx.article.text)) | writer
    told = at + len(claim.opening)  # what the title says they argue
    for word in words(title[told:]):
        stem = content(word.group())
        if stem and stem[0] not in have and not _near_word(stem[0], have):
            return [Problem("unsupported", told + word.start(), told + word.end(), word.group(),
                            f"“{word.group()}” is no word of the article: the title puts it in "
                            f"{possessive(ctx.article.genre.author)} mouth.")]
    return []


_FIRST_PERSON = set(lexicon.markers("opinion", "first_person"))


def _about_the_report(sentence: str, main: Sentence) -> bool:
    """Whether the sentence tells the report, not what it says: its words are in the article
    sentence's words around the speech ("The poll was released on Tuesday" of "The poll,
    released Tuesday, found that …")."""
    speech = set(content(_speech(main.text, main.claim) or ""))
    mine = set(content(sentence))
    return len(speech) >= 2 and bool(mine) and len(mine & speech) < len(mine) / 2 \
        and len(mine & set(content(main.text))) >= SPEAKER_KEPT * len(mine)


# A poll or a survey: "51 percent say", "a survey found".
_POLL = re.compile(r"\b(?:percent|per cent|%|poll|survey)\b", re.IGNORECASE)


def _writers_judgement(judged: list[claims.Marker], sources: list[Sentence]) -> claims.Marker | None:
    """The judging word that only a sentence in the writer's own voice has, of the article's
    sentences here (none that reports someone's words has it)."""
    def has(source: Sentence, marker: claims.Marker) -> bool:
        return bool(re.search(rf"\b{re.escape(marker.text)}\b", source.text, re.IGNORECASE))

    for marker in judged:
        mine = [s for s in sources if has(s, marker)]
        if mine and not any(s.claim.attributed or s.speaker for s in mine):
            return marker
    return None


def _plain_fact(source: Sentence, issued: bool = False) -> bool:
    """A sentence that states something checkable: a number or a date (not in a press release,
    `issued`: there its issuer's), or what someone else said."""
    return (bool(support.number_values(source.text)) and not issued) or source.claim.attributed


# What makes a summary's sentence a judgement someone must own ("I" and "you" in a summary
# make it no one's sentence: see the dangling check).
_JUDGING = {"evaluative", "prescriptive"}


def _judges_here(source: Sentence, wanted: set[str], judging: set[str] = _JUDGING) -> bool:
    """Whether the article's sentence judges where it says what the summary's sentence says
    (a judging word elsewhere in it is not the summary's)."""
    region = _region(source.text, wanted)
    if region is None:
        return _judges(source.claim, judging)
    a, b = region
    return any(a - 25 <= m.start <= b + 25 for m in source.claim.judgements
               if m.kind in judging or m.kind in lexicon.LOADED_CATEGORIES)


def _judges(claim: claims.Claim, judging: set[str] = _JUDGING) -> bool:
    return any(m.kind in judging or m.kind in lexicon.LOADED_CATEGORIES for m in claim.judgements)


def _judging(genre) -> set[str]:
    """The kinds of word that judge: in a review its verdicts on what it reviews too ("a
    solid machine"), which elsewhere describe ("a powerful storm")."""
    return _JUDGING | {lexicon.VERDICT} if genre.kind == "review" else _JUDGING


def _contested(source: Sentence) -> bool:
    """Whether the article's sentence reports a claim that is someone's to make, not a
    routine fact a spokesman gave ("the council said it met on Monday"): an accusation, a
    belief, a judgement, a prediction or possibility, a poll, or what someone argues; a quote
    on its own counts as its speaker's (`source.speaker`, carried from the sentence before)."""
    claim = source.claim
    kinds = _common_nouns(claim.speaker)
    if claim.verb_kind == "finding":  # a study's finding, not an event ("police found the car")
        at = source.text.find(claim.opening) + len(claim.opening) if claim.opening else -1
        clause = at >= 0 and bool(re.match(r"\s+that\b", source.text[at:]))
        return any(claims.EVIDENCE.fullmatch(w) and (clause or not _PEOPLE.fullmatch(w)) for w in kinds)
    if not claim.attributed and not source.speaker:  # (a quote on its own has its speaker's)
        return False
    if claim.verb_kind in ("criticism", "cognition") or _POLL.search(source.text):
        return True
    if any(claims.EVIDENCE.fullmatch(w) or claims.SIDES.fullmatch(w) for w in kinds):
        return True  # "according to a study", "witnesses said", "a complaint says", "experts say"
    # A threat is an event ("charged with threatening to kill"), not doubt about the claim.
    if any(m.kind != "threat" for m in claim.modal) or _judges(claim) or lexicon.quoted_spans(source.text):
        return True
    # What someone argues, warns or predicts, whether the verb reports it ("Ruiz argued") or
    # goes with it ("Arguing that ..., Ruiz has said").
    quotes = lexicon.quoted_spans(source.text)
    return bool(_ARGUES.search(claim.opening)) or any(
        not lexicon.inside(m.start(), quotes) for m in _ARGUING.finditer(source.text))


def _assessed(source: Sentence, sentence: str) -> bool:
    """Whether the sentence tells how risky or safe something is, as the article's sentence has
    its speaker assess it ("Ruiz says the risk from the storm continues"): theirs to make."""
    speech = _speech(source.text, source.claim) if source.claim.attributed else None
    said = _RISK.search(speech or "")
    return bool(said) and bool(set(content(said.group())) & set(content(sentence))) \
        and bool(_RISK.search(sentence))


# How risky or safe something is: "is unsafe", "poses a risk", "the risk continues", "at risk".
_RISK = re.compile(r"\b(?:is|are|was|were|remains?|remained|be|been|stays?)\s+(?:not\s+|still\s+|very\s+|too\s+)?"
                   r"(?:safe|unsafe|dangerous|risky|hazardous)\b|"
                   r"\b(?:poses?|posed|posing)\s+(?:a|an|no|little|any|the)?\s*(?:\w+\s+)?(?:risks?|danger|threat|hazard)\b|"
                   r"\b(?:[Rr]isks?|[Dd]angers?)\b(?:\s+\w+){0,5}?\s+(?:remains?|continues?|is|are|grows?|rises?)\b|"
                   r"\bat\s+risk\b")


# Sources that are people: what they find may be an event ("investigators found the van").
_PEOPLE = re.compile(r"(?:witness\w*|eyewitness\w*|investigators?|sources?|insiders?|scientists?|researchers?)")


def _common_nouns(speaker: str) -> list[str]:
    """The words that say what kind of speaker it is, in lower case: those before its first
    preposition ("a source" of "a source familiar with the matter"), not a name's ("the Data
    Protection Commission" is no "data")."""
    head = _before_preposition(speaker).split()
    capitals = [w for w in head if w[:1].isupper()]
    return [w.lower() for w in head
            if w[:1].islower() or (w is head[0] and capitals == [w] and len(head) <= 2)]


def found_by(claim: claims.Claim) -> bool:
    """Whether the sentence says who found it ("A study found", "The team discovered")."""
    return claim.verb_kind == "finding" and bool(claim.speaker)


_ARGUES = re.compile(r"\b(?:argu|claim|contend|insist|assert|alleg|suggest|predict|project|forecast|estimat|warn|"
                     r"maintain|believ|urg|demand)\w*", re.IGNORECASE)


# The same, in any form, that no noun shares ("demands", "estimates" may be nouns).
_ARGUING = re.compile(r"\b(?:[Aa]rgu(?:es|ed|ing)|[Cc]ontend(?:s|ed|ing)|[Ii]nsist(?:s|ed|ing)|"
                      r"[Pp]redict(?:s|ed|ing)|[Ww]arn(?:s|ed)|[Cc]laim(?:ed|ing))\b")


# What a fact check rates, and a verb that rates it: "The claim appears …", "this rumor is".
_VERDICT = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese)\s+(?:claims?|rumou?rs?|story|stories|quotes?|images?|"
                      r"photos?|videos?|posts?|memes?)\s+(?:is|was|are|were|appears?|seems?|has been|have been)\b")
_WRITER_WORDS = re.compile(r"\b(?:the|this) (?:author|writer|article|post|column|review|piece|"
                           r"story|report|editorial|analysis|blog)\b", re.IGNORECASE)


def _names_writer(sentence: str, genre) -> bool:
    """Whether the sentence says it tells the writer's view: it names the writer ("Wilson
    shares her tips") or the piece ("the author argues")."""
    if _WRITER_WORDS.search(sentence):
        return True
    if not genre.author:
        return False
    # A person by their surname: "Michael Reed said" names no Michael Hiltzik.
    named = genre.author.split()[-1:] if person(genre.author) and len(genre.author.split()) > 1 else [genre.author]
    names = set(content(" ".join(named))) - {"editori", "board"}
    return bool(names & set(content(sentence)))


_FRAMES = re.compile(r"^\s*In (?:an?|the|this) (?:opinion column|editorial|analysis|review|fact check|column|op-ed|press release)\b", re.I)


def _framed(sentence: str) -> bool:
    return bool(_FRAMES.search(sentence))


def _who(source: Sentence) -> str:
    """Whom the article names as saying it ("" when no one, or an unresolved "he")."""
    return source.speaker or (source.claim.speaker if source.claim.named else "")


def _opening(source: Sentence, part: str = "summary") -> str:
    """How to begin a sentence that reports the source's claim: as the article does ("Mayor
    Lena Ortiz said"), with a pronoun replaced by the name it stands for; a title in the
    present ("Mayor Lena Ortiz says"). "" when the article names no one to begin with."""
    claim = source.claim
    if not claim.opening and source.speaker:  # a quote on its own, of the speaker before it
        claim = claims.read(f"{source.speaker} said.")
    if not claim.opening or (claim.speaker.lower() in claims.PRONOUNS and not source.speaker) \
            or claim.opening.endswith("ing") or claims.nominal(claim.opening):
        return ""  # "signs telling", "fears among residents": no sentence begins so
    opening = claim.opening
    if source.speaker and claim.speaker.lower() in claims.PRONOUNS:
        opening = source.speaker + opening[len(claim.speaker):]
    opening = re.sub(r"\s+(?:also|later|then|once|again|further)\b|,\s*meanwhile,", "", opening)
    opening = re.sub(r"\btold$", "said", opening)  # whom they told is not in the opening
    if claim.verb_kind in ("speech", "cognition", "finding") and part != "title" \
            and not opening.lower().startswith("according"):
        opening += " that"  # what follows is what they said, not more of the sentence
    if part == "title":  # a headline: the speaker's name, in the present ("Kevin Mayer says")
        name = _naming_words(source.speaker or claim.speaker)
        words_ = opening.split()
        if name and len(words_) > 3:
            kept = [w for w in words_[:-1] if stem(w) in name] or words_[-2:-1]
            opening = " ".join([*kept, words_[-1]])
        opening = re.sub(r"\bsaid$", "says", opening)
    return opening[:1].upper() + opening[1:]


SCARE_QUOTE_WORDS = 3  # meaningful words from which a quote no one is named for is someone's
SPEAKER_KEPT = 0.75  # share of a sentence's meaningful words its one source must have


def with_speaker(sentence: str, part: str, ctx: Context) -> str:
    """The sentence with its source's speaker written before it, when it retells what one
    article sentence has its speaker say, even a routine fact ("NASA said that the five
    companies had been selected"), and it says no one's: who said what is the note's to keep.
    The sentence as it is when its source is not clear, names no one or more than one, or the
    words it retells are the writer's there ("After the storm hit, Ortiz said ...")."""
    if part == "title" or not ctx.article.english:
        return sentence
    claim = claims.read(sentence)
    if claim.attributed or found_by(claim) or _framed(sentence) or _names_writer(sentence, ctx.article.genre):
        return sentence
    evidence = ctx.evidence(sentence)
    if not evidence.main:
        return sentence
    source = ctx.article.at(evidence.main)
    said = source.claim
    if not said.named or not _a_speaker(said.speaker, said.opening) or _mentions(sentence, source) or _ASIDE.search(source.text):
        return sentence
    if said.verb_kind == "finding" and not _contested(source):
        return sentence  # "Police found the van": an event, no one's word
    speech = _speech(source.text, said)
    if speech is None or not _mostly_in(set(content(sentence)), speech) or not _same_denials(speech, sentence):
        return sentence  # "Ortiz said reports that it reopens were false": not what she said
    opening = _opening(source, part)
    if not opening or opening.split()[0].lower() in _BACK or _TELLS.search(opening):
        return sentence  # "Her manager said that", "Smith told that": no sentence begins so
    return _spliced(opening, sentence, ctx.article.text, source) or sentence


# A writer's aside after the speech: "Ruiz said Monday, referring to the storm that hit the
# coast": the storm is the writer's to tell, not the speaker's.
_ASIDE = re.compile(r"\b(?:said|says|told \w+)(?:\s+\w+){0,2},\s+(?:referring|responding|speaking|"
                    r"pointing|alluding|reacting)\b")
# Words that deny: a speech with more or other of them than the sentence says something else.
_DENIES = re.compile(r"\b(?:not|no|never|false|untrue|wrong|denied)\b|n[’']t\b")
# Verbs that tell someone: their "that" needs whom they told.
_TELLS = re.compile(r"\b(?:told|tells|tell|informed|informs|assured|assures|reminded|notified|briefed)\b")
AFTER_WORDS = 6  # at most this many words, and no verb, after a closing "…, Ruiz said" (a day, a title)


def _speech(text: str, said: claims.Claim) -> str | None:
    """What the sentence has its one speaker say, without the writer's words around it: after
    an opening "Ruiz said", before a closing ", Ruiz said Monday", both sides of ", Ruiz said,"
    and after the report when a clause of the writer's comes first; before a closing "according
    to a poll by …", and on into "…, who said …"; not past a joining word (", but the council
    ..."), without a relative clause ("Jones, who was arrested in 2019").
    None when another voice speaks in it too, the speaker asks or doubts rather than says
    ("Ruiz asked whether", "declined to say when"), or the report cannot be found."""
    found = _report_span(text, said)
    if found is None or len(said.speakers) > 1 or _NOT_SAYING.search(said.opening):
        return None
    start, end = found
    before, after = text[:start].strip(), text[end:].strip()
    after_words = re.sub(r"^[,\s]+|[\s.,;:\"”]+$", "", after).split()
    quoted = bool(re.search(r",[\"”’']+$", before))
    if quoted:  # "“The pier reopened,” Ruiz said.": the quote
        before = before.rstrip("\"”’'").strip("\"“‘'")
    goes_on = _GOES_ON.match(after)
    if not before:
        speech = after
    elif before.endswith(",") and goes_on:  # "…, according to a source, who said the pier …"
        speech = f"{before} {after[goes_on.end():]}"
    elif before.endswith(",") and after.startswith(",") and not _JOINS.match(after):
        speech = f"{before} {after}"  # "The pier, Ruiz said, will reopen."
    elif before.endswith(",") and ((len(after_words) <= AFTER_WORDS or quoted
                                    or (said.verb_kind == "source" and _SOURCE_TAIL.match(after)))
                                   and not _FINITE.search(after) or _WHEN_SAID.match(after)):
        # "The pier reopened, Ruiz said Monday.", "…, Ruiz said Monday as she …", or a quote
        # before a report that goes on ("“…,” Ruiz said of the storm in a statement.")
        speech = before
    else:
        speech = after  # "After the storm hit, Ruiz said the pier would reopen."
    if re.match(r"[\s,]*(?:whether|if|when|how|why|what|who)\b", speech, re.IGNORECASE):
        return None
    if not quoted:  # ", but the council voted ...": the writer's again (not inside their quote)
        speech = _JOINS.split(speech)[0]
    return re.sub(r",\s+(?:who|which|whose|whom|where)\b[^,]*(?:,|$)", ",", speech)


# The rest of a closing source's name: "…, according to a poll by the Herald and a TV station"
# (after "according to" only: after "said" it is what they said).
_SOURCE_TAIL = re.compile(r"(?:by|of|from|for|with|at|in|among|on behalf of)\b", re.IGNORECASE)
# The speaker goes on in a clause of their own: "…, according to a source, who said that …".
_GOES_ON = re.compile(r",?\s*who\s+(?:also\s+)?(?:said|says|added|adds|noted|notes|told\s+(?:[^,]*?(?=\bthat\b)|\w+))\b(?:\s+that\b)?\s*",
                      re.IGNORECASE)
def spoken(source: Sentence) -> str | None:
    """What the article's sentence has its speaker say, without the writer's words around the
    report; None when that cannot be told (see `_speech`)."""
    return _speech(source.text, source.claim) if source.claim.attributed else None


# When it was said, and no "that" after it: the report ends the sentence's speech ("…, Ruiz
# argued Wednesday as she opened the trial"), not "Ruiz said Monday that …".
_WHEN_SAID = re.compile(rf"(?:on\s+)?(?:{'|'.join(sorted(DAYS))}|today|yesterday)\b(?!\s+that\b)", re.IGNORECASE)


# Where a speaker's words end and the writer's go on: "; ", ", but ...", ", a decision that".
_JOINS = re.compile(r"\s*(?:;|,\s+(?:but|and|though|although|while|yet|whereas|so)\b|"
                    r",\s+an?\s+\w+\s+(?:that|which)\b)", re.IGNORECASE)
# An opening that asks, doubts or denies, rather than says: "Ruiz asked", "did not say".
_NOT_SAYING = re.compile(r"\b(?:not|never|no|declined|declines|refused|refuses|asked|asks|wondered|"
                         r"questioned|denied|denies|disputed|rejected)\b", re.IGNORECASE)


def _report_span(text: str, said: claims.Claim) -> tuple[int, int] | None:
    """Where the sentence says who says it: "Ruiz said", "according to the survey", or
    "said Lt. Ana Ruiz" (read as "Lt. Ana Ruiz said")."""
    at = text.find(said.opening)
    if at >= 0:
        return at, at + len(said.opening)
    who = text.find(said.speaker)
    verb = said.opening[len(said.speaker):].strip() if said.opening.startswith(said.speaker) else ""
    if who < 0 or not verb:
        return None
    before = text.rfind(verb, 0, who)
    if before < 0 or who - (before + len(verb)) > 3:
        return None
    return before, who + len(said.speaker)


def _a_speaker(who: str, opening: str = "") -> bool:
    """Whether a reported speaker is someone: a name ("NASA", "Lt. Ana Ruiz"), people
    ("officials", "police"), or one who "said" and is named as people are ("an airport official
    said"); not a thing read as one ("a deal announced at ...", "the talks")."""
    found = [m.group() for m in words(who)]
    return any(w[:1].isupper() and w.lower() not in STOPWORDS for w in found) \
        or bool(found and found[-1].lower() in claims.UNNAMED | {"police", "authorities"}) \
        or bool(found and re.search(r"\b(?:said|says)$", opening) and _PERSONISH.search(_head(who)))


# The ending of a word for people or an office: "official", "spokeswoman", "residents",
# "lawyer", "executive"; not "the talks" or "the wall" that a phrase was misread as.
_PERSONISH = re.compile(r"(?:m[ae]n|person|people|ers?|ors?|ists?|ians?|ants?|ents?|ives?|als?|ees?)$")


def _head(phrase: str) -> str:
    """The last word before a phrase's first preposition: "executives" of "executives of both"."""
    head = _before_preposition(phrase).split()
    return head[-1].lower() if head else ""


def _before_preposition(phrase: str) -> str:
    """A speaker's words before their first preposition: "a source" of "a source familiar with
    the matter", "backers" of "backers of tariffs"."""
    return re.split(r"\s+(?:with|to|of|by|for|in|from|at|on)\s+", phrase)[0]


def _mentions(sentence: str, source: Sentence) -> bool:
    """Whether the sentence names one of the source's speakers (any meaningful word of one)."""
    speakers = [source.speaker, *source.claim.speakers]
    speakers = [s for s in speakers if s and s.lower() not in claims.PRONOUNS]
    if not speakers:
        return True  # no one to name: "it is believed", "was reported"
    mine = set(content(sentence))
    for speaker in speakers:
        if not (wanted := _naming_words(speaker)) or wanted & mine or any(_near_word(w, mine) for w in wanted):
            return True
    return False


def _writer_made_doer(sentence: str, claim: claims.Claim, main: Sentence | None, ctx: Context) -> list[Problem]:
    """A sentence that makes the piece's writer do what its source tells no one doing, or the
    reader ("Haas will visit the fair" of "Visit the fair on Sunday"; "Haas tested the phone"
    of "My son tested the phone"): not what they write, but an act the article does not give
    them. The writer's own "I" or "we" there is theirs ("I tested the phone")."""
    author = ctx.article.genre.author
    if not author or not ctx.article.genre.is_opinion or main is None or claim.attributed \
            or main.text.strip() == ctx.article.headline.strip():  # a headline tells no one doing it
        return []
    named = author.split()[-1] if person(author) else author
    opening = re.match(rf"(?:{re.escape(author)}|{re.escape(named)})\b", sentence)
    if not opening or not _acts(sentence[opening.end():], claims.advice_verb(main.text)):
        return []
    if {"i", "we"} & {w.group().lower() for w in words(main.text)} or _names_writer(main.text, ctx.article.genre):
        return []
    return [_whole("unsupported", sentence,
                   f"The article does not say that {author} does this: who did what may have changed.")]


def _acts(rest: str, advised: str = "") -> bool:
    """Whether the words after a writer's name make them the doer: a verb, maybe after "will",
    "has" or "also"; not one that tells what they write or think, nor "is" (who they are).
    Doing what their own sentence, `advised`, tells the reader to do is an act ("Haas will
    order the menu" of "Order the menu", though "order" may report)."""
    found = re.match(r"\s+((?:(?:will|would|has|have|had|also|then)\s+)*)([a-z]+)(\s+[a-z]+)?", rest)
    if not found:
        return False
    verb, after = found.group(2), (found.group(3) or "").strip()
    if advised and verb in lexicon.verb_forms(advised):
        return True
    told = lexicon.writer_verb_forms()
    return verb not in STOPWORDS and verb not in told and f"{verb} {after}" not in told


def _put_in_mouth(claim: claims.Claim, main: Sentence, sentence: str, ctx: Context) -> str:
    """The person the sentence says said it, when its own source in the article is a plain
    statement (no quote, no one reporting it) that does not name them, nor has them speak in
    the sentences around it or at the article's head: "Taylor wrote that the couple had
    replaced the bedding" of "The couple had replaced the bedding"; "" otherwise (the writer
    of an opinion piece may be named)."""
    if not claim.named or claim.verb_kind not in ("speech", "cognition") or not claim.opening \
            or not sentence.startswith(claim.opening) or _names_writer(sentence, ctx.article.genre):
        return ""
    if main.claim.attributed or main.speaker or re.search(r"[\"“”]", main.text):
        return ""
    wanted = _naming_words(claim.speaker)
    if not wanted or _a_kind_of_speaker(claim.speaker.split()):
        return ""  # a name only: "Officials said" may tell a source the article gives elsewhere
    if set(content(_OWNERS.sub("", main.text))) & wanted:
        return ""  # named there, not only as an owner ("Dempsey's questions found that …")
    if _their_people_did(claim, main.text, wanted):
        return ""
    # A speaker of the sentences around it, or of the whole piece (a release's "Acme announces").
    around = [ctx.article.at(span) for span in ctx.finder.neighbours((main.start, main.end))]
    around += ctx.article.sentences[:2]
    speakers = {w for s in around for name in (s.speaker, *s.claim.speakers) if name
                for w in _naming_words(name)}
    return "" if wanted & speakers or any(_near_word(w, speakers) for w in wanted) else claim.speaker


def _their_people_did(claim: claims.Claim, text: str, wanted: set[str]) -> bool:
    """Whether the article's sentence has the speaker's own people do what the sentence says
    the speaker did: "NASA confirmed" of "A team led by researchers out of NASA's Goddard …
    has confirmed" (the name after "of", "from" or "at" in the subject, no clause of its own
    between it and the same verb); not "a lawyer suing Portco's insurer, which …, has confirmed"."""
    verb = stem(claim.opening.split()[-1])
    done = next((m for m in words(text) if stem(m.group()) == verb), None)
    if done is None:
        return False
    subject = text[:done.start()]
    for name in words(subject):
        if stem(name.group()) in wanted or set(content(name.group())) & wanted:
            before, after = subject[:name.start()], subject[name.end():]
            return bool(re.search(r"\b(?:of|from|at|out of)\s+(?:the\s+)?$", before, re.IGNORECASE)) \
                and not re.search(r"\b(?:which|who|whose|that)\b", after, re.IGNORECASE)
    return False


def _told_by_another(sentence: str, claim: claims.Claim, main: Sentence, ctx: Context) -> str:
    """Who the article has say what the sentence gives its writer ("Turak writes that the
    airline will grow again" of "Emirates President Tim Clark told reporters that the airline
    will grow again"): the speaker of its source, named, when the sentence begins with the
    writer saying it and retells what they say, and the writer does not say it too in a
    sentence of their own; "" otherwise."""
    genre = ctx.article.genre
    if not genre.author or not claim.opening or not sentence.startswith(claim.opening) \
            or not _names_writer(claim.opening, genre):
        return ""
    who = _who(main)
    speech = _speech(main.text, main.claim) if main.claim.attributed and main.claim.named else None
    if not who or not speech or _names_writer(who, genre) or not who.split()[-1][:1].isupper():
        return ""  # someone named ("Emirates President Tim Clark"), not "the new system called …",
        # nor one of the writer's own (a press release's "Ascom CEO Jane Berg")
    told = set(content(sentence[len(claim.opening):]))

    def writers(source: Sentence) -> bool:  # told in the writer's own voice: plainly, or "I agree: …"
        speaker = source.speaker or source.claim.speaker
        return not (source.claim.attributed or source.speaker) or speaker.lower() in ("i", "we") \
            or (bool(speaker) and _names_writer(speaker, genre))

    own = any(_mostly_in(told, s.text) for s in ctx.article.sentences if writers(s))
    return who if _mostly_in(told, speech) and not own else ""


def _voice_swapped(sentence: str, claim: claims.Claim, main: Sentence, ctx: Context) -> str:
    """Another voice of the article's sentence whose words the sentence gives to one of the
    others ("Ruiz said the steel was late" of "Ruiz said the bridge would open, but engineers
    said the steel was late"): that voice, named; "" otherwise."""
    if not claim.named or not claim.opening or not sentence.startswith(claim.opening) \
            or _names_writer(claim.opening, ctx.article.genre):
        return ""
    told = set(content(sentence[len(claim.opening):]))
    parts = voices(main.text)
    mine = [said for who, said in parts if _same_person(who, claim.speaker)]
    if not told or len(parts) < 2 or not mine or any(_mostly_in(told, said) for said in mine):
        return ""
    return next((who for who, said in parts if not _same_person(who, claim.speaker)
                 and _mostly_in(told, said) and not _mostly_in(told, main.text.replace(said, " ", 1))), "")


def _voice_telling(sentence: str, main: Sentence) -> str:
    """The one named voice of the article's sentence whose words the sentence tells ("" when
    the sentence gives one voice, or tells none's alone, or the writer's)."""
    told = set(content(sentence))
    telling = [who for who, said in voices(main.text) if _mostly_in(told - set(content(who)), said)]
    return telling[0] if len(telling) == 1 else ""


def voices(text: str) -> list[tuple[str, str]]:
    """Each voice of a sentence that gives more than one, and what it says: the words from its
    report to the next ("Ruiz said [the bridge would open], but engineers said [the steel was
    late]"); the writer's own clause before a voice's aside is the voice "" ("[The line cut
    two routes], with riders saying [the timetable was never published]"). A report with no
    one named ("in a statement"), or a pronoun's ("… that it ordered …"), is part of the
    words it is in; so is a report inside another's words with no break between ("The judge
    ruled that the state must consider …"). [] when a report cannot be placed, or closes what
    it reports (", Ruiz said.")."""
    found = []
    for who, opening, _ in claims.reports(text):
        if not who or who.lower() in claims.PRONOUNS:
            continue
        at = text.find(opening)
        if at < 0 or not opening.startswith(who) and not claims.nominal(opening):
            return []  # "said Ana Ruiz", "according to …": a report after its words, or unplaced
        found.append((at, at + len(opening), who))
    placed: list[tuple[int, int, str]] = []
    for report in sorted(found):
        if not placed or _VOICE_BREAK.search(text, placed[-1][1], report[0]):
            placed.append(report)
    if placed and placed[0][0] > 0 and _VOICE_BREAK.search(text, 0, placed[0][0]) \
            and not claims.read(text[:placed[0][0]]).attributed:
        placed.insert(0, (0, 0, ""))  # the writer's own clause before an aside: "The line cut routes, with riders saying …"
    if len({who for *_, who in placed}) < 2:
        return []
    return [(who, text[end:placed[i + 1][0] if i + 1 < len(placed) else len(text)])
            for i, (_, end, who) in enumerate(placed)]


# Where one voice's words end and another's report may begin: "; ", ", but", " while", ", with",
# ", prompting" (not a preposition's "-ing": ", including", ", according").
_VOICE_BREAK = re.compile(r";|,\s+(?:but|and|while|whereas|though|although|yet|so|with|"
                          r"(?!(?:during|including|according|regarding|concerning|following)\b)\w+ing)\b|"
                          r"\s(?:but|while|whereas)\s")


def _quote_given_to_another(sentence: str, claim: claims.Claim, ctx: Context) -> tuple[tuple[int, int], str, str] | None:
    """A quote the sentence gives to someone the article does not quote it from: its span in
    the sentence, who said it (where the article's sentence names them, else ""), and to whom
    the sentence gives it. To the writer of a piece ("Hiltzik argues that the merger will
    create a "stronger" company", Reed's words), unless the sentence names another speaker for
    it; or to a named speaker when the article's sentences with the quote name only others
    ("Dempsey said the symptoms were "extremely distressing"", Taylor's words)."""
    genre = ctx.article.genre
    writer = _naming_words(genre.author) if genre.author else set()
    others = [name for name in claim.speakers
              if not (_naming_words(name) & writer) and not _WRITER_WORDS.fullmatch(name)]
    to_writer = _names_writer(sentence, genre) or _framed(sentence)
    if to_writer:
        if others:
            return None  # "Hiltzik says Reed expects "synergies"": the quote's speaker is told
        given_to = genre.author or "the writer"
    elif claim.named and len(others) == 1 and _proper(claim.speaker):
        given_to = claim.speaker
    else:
        return None
    for start, end in lexicon.quoted_spans(sentence):
        quoted = sentence[start:end].strip("\"“”‘’' .,")
        if not content(quoted):
            continue
        sayers = [_who(source) for source in ctx.article.sentences
                  if (at := source.text.lower().find(quoted.lower())) >= 0
                  and lexicon.inside(at, lexicon.quoted_spans(source.text))]
        if not sayers or any(_same_person(who, given_to) for who in sayers):
            continue
        if not to_writer:
            if all(_proper(who) for who in sayers):  # every sentence that quotes it names another person
                return (start, end), sayers[0], given_to
        # A word or two with no one named may be the writer's own (there is no "end").
        elif sayers[0] or len(content(quoted)) >= SCARE_QUOTE_WORDS:
            return (start, end), sayers[0], given_to
    return None


def _same_person(one: str, other: str) -> bool:
    """Whether two names may name the same one: a person by their surname ("Michael Reed" is
    not "Michael Hiltzik"), a description by its words ("the mayor", "Mayor Ruiz")."""
    if _proper(one) and _proper(other) and len(one.split()) > 1 and len(other.split()) > 1:
        return one.split()[-1].lower() == other.split()[-1].lower()
    return bool(_naming_words(one) & _naming_words(other))


def _proper(name: str) -> bool:
    """A person's or a body's own name ("Ana Ruiz", "NASA"), not a description ("the authors")."""
    first = name.split()[0] if name.split() else ""
    return first[:1].isupper() and first.lower() not in STOPWORDS


# A name as an owner of a thing, not of words or a view ("Berg's questions", not "In Berg's view").
_OWNERS = re.compile(r"[\w-]+['’]s\b(?!\s+(?:view|views|account|telling|words|statement|opinion|estimate|"
                     r"position|version|recollection|testimony|analysis|assessment|argument|claim|report)\b)")


def _said_by_another(sentence: str, claim: claims.Claim, ctx: Context) -> Sentence | None:
    """The article's sentence that has another of its voices say what the sentence gives its
    named speaker ("Berg said the bridge would cut the drive" of "Mayor Ortiz said the bridge
    would cut the drive"; residents' view in a poll given to the mayor): the speaker speaks
    elsewhere in the article, what follows the sentence's opening retells that sentence's
    speech, the speaker is not named there, and nowhere in the article says it. None
    otherwise: "Police said" or "Portco said" of an officer's words may name the same voice
    otherwise (the writer named as saying it is `_told_by_another`'s)."""
    if not claim.named or not claim.opening or not sentence.startswith(claim.opening) \
            or _names_writer(claim.opening, ctx.article.genre) or not _a_voice_of(claim.speaker, ctx):
        return None
    told = set(content(sentence[len(claim.opening):]))
    evidence = ctx.evidence(sentence[len(claim.opening):])
    if not told or not evidence.main:
        return None
    source = ctx.article.at(evidence.main)
    if not source.claim.attributed or not _who(source) or _mentions(sentence, source):
        return None
    speech = _speech(source.text, source.claim) or source.text  # (a poll's: "…, a survey found")
    if not _mostly_in(told, speech) or any(_mostly_in(told, s.text) and _named_in(claim, s)
                                           for s in ctx.article.sentences):
        return None
    return source


def _titled(title: str, name: str, ctx: Context) -> bool:
    """Whether the article names one person both ways: "the mayor" and "Ortiz" of "Mayor Lena
    Ortiz"."""
    head, last = title.split()[-1:], name.split()[-1:]
    return bool(head and last) and bool(re.search(
        rf"\b(?i:{re.escape(head[0])})\s+(?:[A-Z][\w.’'-]*\s+){{0,3}}{re.escape(last[0])}\b", ctx.article.text))


def _a_kind_of_speaker(words_: list[str]) -> bool:
    """Whether a speaker's words tell a kind of speaker, not one: "officials", "police",
    "critics", "a study"."""
    return any(w.lower() in claims.UNNAMED | {"police", "authorities"} or claims.SIDES.fullmatch(w.lower())
               or claims.EVIDENCE.fullmatch(w.lower()) for w in words_)


def _a_voice_of(speaker: str, ctx: Context) -> bool:
    """Whether the article has this speaker, named by their own name, say something somewhere:
    one of its voices ("Tomas Berg", "Berg"), not a kind of speaker ("Police", "Witnesses")."""
    wanted = _naming_words(speaker)
    if not wanted or _a_kind_of_speaker(_before_preposition(speaker).split()):
        return False
    return any(wanted & _naming_words(name) for s in ctx.article.sentences
               for name in (s.speaker, *s.claim.speakers) if name)


def _named_in(claim: claims.Claim, source: Sentence) -> bool:
    """Whether the claim's speaker is named in the article's sentence outside what is said
    there, or speaks in it (a quote on its own): "the port authority" in "… according to a
    study by the port authority"; not "the reef" of "… argued that the reef could recover"."""
    report = _report_span(source.text, source.claim) if source.claim.opening else None
    around = source.text
    if report:  # the report and the side of it the speech is not on ("…, according to a study by …")
        before, after = source.text[:report[0]], source.text[report[1]:]
        around = source.text[report[0]:] if len(before.split()) > len(after.split()) else source.text[:report[1]]
    return bool(_naming_words(claim.speaker) & (set(content(around)) | set(content(source.speaker))))


def _lowered(speaker: str, ctx: Context) -> str:
    """A speaker as named inside a sentence: its first word in lower case where the article
    writes it so, or it is a small word or a number ("the finance office", "officials",
    "fifty-one percent of voters"); a name as it is ("Mayor Lena Ortiz")."""
    first = re.match(r"[\w’']+", speaker)
    if not first:
        return speaker
    word = first.group()
    if word.lower() in ctx.lower_words or word.lower() in STOPWORDS or re.match(r"[\w-]+\s+percent\b", speaker, re.I):
        return speaker[:1].lower() + speaker[1:]
    return speaker


def _speaker_in(claim: claims.Claim, sources: list[Sentence]) -> bool:
    """Whether the summary's speaker is one the article's sentence has: the same "he" (the
    dangling check asks whom it names), or words it uses ("The authors" of "The authors of
    the study published in the journal ... argued", whose nearest phrase is the journal)."""
    speaker = claim.speaker.lower()
    if speaker in claims.PRONOUNS:
        return any(s.claim.speaker.lower() == speaker for s in sources)
    wanted = _naming_words(claim.speaker)
    return bool(wanted) and any(wanted <= set(content(_speaking_part(s))) for s in sources)


def _speaking_part(source: Sentence) -> str:
    """The article sentence up to its reporting verb: who speaks, not what they say."""
    opening = source.claim.opening
    at = source.text.find(opening) if opening else -1
    return source.text[:at + len(opening)] if at >= 0 else ""


def _naming_words(speaker: str) -> set[str]:
    """The words that name a speaker: its last word ("ministries" of "the Russian and
    Syrian defense ministries") and the name it ends with ("Kevin Mayer" of "Disney
    executive Kevin Mayer"), or its number ("Fifty-one percent")."""
    found = [m.group() for m in words(speaker)]
    if found and found[-1].lower() in ("percent", "cent"):
        found = found[:-1]
    if not found:
        return set()
    name = []
    for word in reversed(found):
        if not word[:1].isupper():
            break
        name.insert(0, word)
    return {stem(w) for w in (name or found[-1:]) if w.lower() not in STOPWORDS}


def _writer_fix(ctx: Context, part: str, first: bool) -> str:
    """How to begin a sentence that tells an opinion piece's view as its writer's."""
    genre = ctx.article.genre
    if genre.kind == NEWS:
        return ""
    author = genre.author or "the writer"
    writers = re.split(r"\s+and\s+|\s*&\s*", author)
    people = genre.kind not in ("editorial", PRESS) and all(person(w) for w in writers)  # no board or issuer
    plural = people and len(writers) > 1  # "Ana Ruiz and Tom Li argue"; "Procter & Gamble" is one
    verb = ("argue" if plural else "argues") if genre.kind in ("opinion column", "editorial") \
        else "says" if genre.kind == PRESS else ("write" if plural else "writes")
    if part == "summary" and first:
        return f"In {_a(genre.kind)} {genre.kind}, {author} {verb} that"
    # People by their surnames; a site, a desk or the board by its whole name ("Telegraph Sport").
    short = " and ".join(w.split()[-1] for w in writers) if people else author
    short = short[:1].upper() + short[1:]
    if part == "title":  # a headline: "Haas argues ...", "Snopes checks the claim that ..."
        checks = "check" if plural else "checks"
        return f"{short} {checks} the claim that" if genre.kind == "fact check" else f"{short} {verb}"
    return f"{short} {verb} that" if part == "point" else f"{short} also {verb} that"


def _reporter_fix(ctx: Context, part: str, first: bool, word: str, sources: list[Sentence]) -> str:
    """How to begin a sentence that tells a news report's own judgement ("incoherent", in
    the reporter's voice, not a quote's) as its writer's: "Ana Ruiz writes that"; "" when the
    article's sentences here do not judge so or its writer is unknown, or for a title (a
    news report's headline tells the news, written anew without the judging word)."""
    author = ctx.article.genre.author
    if part == "title":
        return ""
    own = [m for s in sources for m in re.finditer(rf"\b{re.escape(word)}\b", s.text, re.IGNORECASE)
           if not lexicon.inside(m.start(), lexicon.quoted_spans(s.text))]
    if not person(author) or not own:
        return ""
    return f"{author if part == 'summary' and first else author.split()[-1]} writes that"


def _a(kind: str) -> str:
    return "an" if kind[0] in "aeiou" else "a"


def frame(ctx: Context) -> str:
    """The beginning of an opinion piece's summary: "In an opinion column, Ana Ruiz argues
    that"; "" for a news report. A fact check's begins with the claim it rates, which is no
    word of its writer's: "In a fact check, PolitiFact checks the claim that"."""
    begun = _writer_fix(ctx, "summary", True)
    return re.sub(r"\b(write|writes) that$", lambda m: ("check" if m.group(1) == "write" else "checks")
                  + " the claim that", begun) if ctx.article.genre.kind == "fact check" else begun


# -- how sure -------------------------------------------------------------------------------

def _modality(sentence: str, claim: claims.Claim, sources: list[Sentence], headline: str = "",
              author: str = "") -> list[Problem]:
    """A possibility, plan, threat, condition, hearsay or advice in the evidence, where it
    speaks of what the sentence says, that the sentence tells as a fact; a negation lost or
    added. `author`: the piece's writer, whose advice a mend says is theirs."""
    found = []
    mine = {m.kind for m in claim.modal} | ({"future"} if _FUTURE.search(sentence) else set())
    if claim.attributed:
        mine |= {"said"}
    wanted = set(content(sentence))
    plain = [s for s in sources if s.text != headline]  # a headline drops the article's doubts
    for source in sources:
        region = _region(source.text, wanted)
        if region is None:
            continue
        a, b = region
        if (verb := claims.advice_verb(source.text)) and _advice_done(sentence, verb, sources):
            # Mended as the writer's advice; someone else's is theirs to give (the attribution's to mend).
            fix = "" if source.claim.attributed else \
                f"{author} advises readers to {verb}" if author else f"Readers are advised to {verb}"
            found.append(_whole("modality", sentence, f"The article's sentence here is advice (“{verb} …”): "
                                "the sentence tells it as what someone does.", fix))
            break
        # In the article, quoted words count too: a summary that reports a quote in its own
        # words must keep its "could" and its "not".
        near = [m for m in _markers(source.text) if a - 25 <= m.start <= b]
        near = [m for m in near if not _kept(m, mine, source) and _governs(source.text, m, sentence)
                and not re.search(rf"\b{re.escape(m.text)}\b", sentence, re.IGNORECASE)
                and not _told_plainly(m, source, plain, wanted)]
        if near:
            marker = near[0]
            prefix = source.text[:marker.end]
            fix = prefix if len(prefix.split()) <= 12 and prefix[:1].isupper() else ""
            found.append(_whole("modality", sentence,
                                f"The article says “{marker.text}” here ({marker.kind}): "
                                "the sentence tells it as a fact.", fix))
            break
        coming = "" if mine & {"future", "possibility", "plan", "condition"} else \
            _coming(source.text, a, b, sentence)
        if coming:
            found.append(_whole("modality", sentence, f"The article says “{coming}” here: the "
                                "sentence tells as done what is still to come."))
            break
        negated = [m for m in _negations(source.text, "lost")
                   if a - 25 <= m.start <= b and _negates(source.text, m, sentence)]
        if negated and not _negations(sentence) and not any(p.kind == "negation" for p in found):
            # One lost negation is enough; a later source may still show a lost "could".
            found.append(_whole("negation", sentence,
                                f"The article says “{negated[0].text}” here: the sentence "
                                "leaves it out."))
    if claim.negations and sources and not any(_negations(s.text) for s in sources):
        marker = claim.negations[0]
        found.append(Problem("negation", marker.start, marker.end, marker.text,
                             f"“{marker.text}”: the article's sentences here do not negate."))
    return found


# Words that keep advice advice: "readers should visit", "recommends visiting", "worth a visit".
_ADVISED = re.compile(r"\b(?:should|can|could|may|might|must|ought|recommend\w*|advis\w*|suggest\w*|urg\w*|"
                      r"encourag\w*|invit\w*|tips?|ideas?|picks?|options?|worth|want\w*|chance)\b", re.IGNORECASE)
# What makes the word after it a noun or an infinitive: "a visit", "a place to visit".
_NOUN_BEFORE = {"a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "my", "your",
                "of", "for", "in", "on", "at", "with", "by", "from", "no", "every", "each", "to"}


def _advice_done(sentence: str, verb: str, sources: list[Sentence]) -> bool:
    """Whether the sentence has someone do what the article's advice tells its reader to do
    ("Riders will spend a day in the country" of "Spend a day in the country"): the verb
    after a subject of its clause, with no word of advice before it, where no other sentence
    of its evidence tells anyone doing it ("5,000 people visited the fair" may be told so)."""
    forms = lexicon.verb_forms(verb)
    if any(not claims.advice_verb(s.text) and forms & {w.group().lower() for w in words(s.text)} for s in sources):
        return False
    quotes = lexicon.quoted_spans(sentence)
    for m in words(sentence):
        word = m.group().lower()
        if word not in forms or lexicon.inside(m.start(), quotes):
            continue
        before, after = sentence[:m.start()], sentence[m.end():]
        clause = _CLAUSE_BREAK.split(before)[-1].split()
        if not clause or clause[-1].lower() in _NOUN_BEFORE or _ADVISED.search(before):
            continue  # none before it in its clause: told as advice again ("…, and visit the fair")
        if word.endswith("ing") and clause[-1].lower() not in ("is", "are", "was", "were", "be", "been"):
            continue  # a gerund: "Highlights include visiting the fair"
        if word.endswith("s") and re.match(r"\s+(?:to|of|along|at|in|on|from|for|by|with)\b", after):
            continue  # a noun: "Weekend visits to the fair rose"
        return True
    return False


# Words that tell a question as one: "asks whether", "it is unclear if", "questions".
_ASKING = re.compile(r"\b(?:whether|if|ask\w*|question\w*|wonder\w*|unclear|unknown|debat\w*)\b", re.IGNORECASE)


def _is_question(text: str) -> bool:
    return bool(re.search(r"\?[\"”’')\]]*\s*$", text))


_YES_OR_NO = re.compile(r"[\"“‘']?(?:is|are|was|were|should|could|would|can|will|do|does|did|has|have|had|"
                        r"might|must|may|shall)\b", re.IGNORECASE)


def _asked(sentence: str, claim: claims.Claim, main: Sentence | None, article: Article) -> list[Problem]:
    """The article's sentence asks whether ("Should the vote be held earlier?"), and the
    summary's tells the answer as a fact ("The vote was held earlier"). A question that asks
    what, why or how ("What is my favourite walk?") has its answer after it, as one the next
    sentence answers ("Yes: …"); a headline's question is the article's to answer."""
    if main is None or main.text == article.headline or not (_YES_OR_NO.match(main.text) and _is_question(main.text)):
        return []
    if _is_question(sentence) or _ASKING.search(sentence) \
            or any(m.kind in ("possibility", "condition") for m in claim.modal):
        return []  # told as a question, or with its doubt
    after = next((s.text for s in article.sentences if s.start >= main.end), "")
    if re.match(r"[\"“]?(?:yes|no|absolutely|not really|not quite|of course)\b", after, re.IGNORECASE):
        return []
    return [_whole("modality", sentence, "The article asks this as a question: the sentence "
                   "tells it as a fact.")]


# What the article says is to come: "will reduce", "will soon open".
_COMING = re.compile(r"\bwill((?:\s+[a-z]+){1,3})")


def _coming(source: str, a: int, b: int, sentence: str) -> str:
    """Where the article's sentence says something will come (between `a` and `b`) and the
    summary's tells it as done ("will reduce" -> "has reduced"): the article's words."""
    for match in _COMING.finditer(source):
        if not a - 25 <= match.start() <= b:
            continue
        after = match.group(1).split()
        verbs = [w for w in after if w not in _AUXILIARIES and not w.endswith("ly")]
        if not verbs or verbs[0] == "not" or not _told_done(sentence, verbs[0], source):
            continue
        return "will " + " ".join(after[:after.index(verbs[0]) + 1])
    return ""


def _told_done(sentence: str, verb: str, source: str) -> bool:
    """Whether the sentence tells the verb as done ("reduced", "has reduced", "lost") where
    the article's sentence does not ("two years after it opened its first shop")."""
    for match in re.finditer(r"\b(?:(has|have|had|was|were)\s+)?([a-z]+)\b", sentence, re.IGNORECASE):
        word = match.group(2).lower()
        past = word.endswith("ed") or lexicon.verb_lemma(word) != word or match.group(1)
        if word != verb and past and _same_verb(word, verb) \
                and not re.search(rf"\b{re.escape(word)}\b", source, re.IGNORECASE):
            return True
    return False


def _governs(text: str, marker: claims.Marker, sentence: str) -> bool:
    """Whether a modal word bears on what the summary says: the verb a possibility, plan or
    threat governs ("could [open]", "going to [talk]") is the summary's, in any form ("could
    lose", "lost"); a condition or hearsay bears on the whole sentence."""
    if marker.kind not in ("possibility", "plan", "threat"):
        return True
    word = _borne(text, marker)
    return True if word is None else bool(word) and _says_word(sentence, word)


def _negates(text: str, marker: claims.Marker, sentence: str) -> bool:
    """Whether a negation denies what the summary says: the word it bears on ("did not [vote]",
    "refused to [sign]", "found no [evidence]") is the summary's, in any form."""
    if marker.text.lower().startswith(("den", "rule")):
        return True  # a denial bears on the whole claim after it ("denied reports that it paid")
    return bool(word := _borne(text, marker)) and _says_word(sentence, word)


def _borne(text: str, marker: claims.Marker) -> str | None:
    """The word a modal word or a negation bears on: the first after it that is no small word
    ("could soon [open]", "did not [vote]"); "" where it bears on none ("could barely walk":
    what was; "not only": it adds), None where no word follows."""
    for match in words(text[marker.end:marker.end + 60]):
        word = match.group().lower()
        if (word in _HARDLY and marker.text.lower() == "could") \
                or (word in ("only", "just", "merely") and marker.text.lower().replace("’", "'") in ("not", "n't")):
            return ""
        if word in STOPWORDS or word in _AUXILIARIES or word.endswith("ly") or word in ("yet", "any", "t"):
            continue
        return word
    return None


def _says_word(text: str, word: str) -> bool:
    return any(_same_verb(word, w.group()) for w in words(text))


def _told_plainly(marker: claims.Marker, source: Sentence, sources: list[Sentence], wanted: set[str]) -> bool:
    """Whether another of the article's sentences here tells plainly what "evidence of" only
    points to ("found evidence of plumes" beside "detected the plume's water vapor"): the word
    it bears on and more of the summary's words, with no modal word or negation there. (A
    headline drops the article's doubts: it is no such sentence.)"""
    word = _borne(source.text, marker)
    return marker.text.lower() in _POINTERS and bool(word) and any(
        other is not source and _says_word(other.text, word) and _region(other.text, wanted)
        and not _markers(other.text) and not _negations(other.text)
        for other in sources)


# A possibility's words that point to a thing without saying it is there.
_POINTERS = {"evidence of", "indications of"}


_HARDLY = {"barely", "hardly", "scarcely", "not", "never", "no", "n't"}


_AUXILIARIES = {"be", "been", "being", "have", "has", "had", "get", "also", "soon", "still", "then",
                "now", "already", "even", "never", "ever", "well", "each", "both", "all"}


def _same_verb(one: str, other: str) -> bool:
    """Two forms of one word ("share", "shares"; "lose", "lost")."""
    a, b = stem(lexicon.verb_lemma(one)), stem(lexicon.verb_lemma(other))
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _markers(text: str) -> list[claims.Marker]:
    """The possibility, plan, threat, condition and hearsay words of a text, quotes included."""
    found = [claims.Marker(family, m.start(), m.end(), m.group())
             for family, pattern in lexicon.modality() for m in pattern.finditer(text)
             if not claims.not_modal(text, m)]
    return sorted(found, key=lambda m: m.start)


def _negations(text: str, kind: str = "words") -> list[claims.Marker]:
    return [claims.Marker("negation", m.start(), m.end(), m.group())
            for m in lexicon.negation(kind).finditer(text)]


# What a summary's sentence must say to keep the article's kind of uncertainty.
_KEPT = {"possibility": {"possibility", "condition"}, "condition": {"condition", "possibility"},
         "plan": {"plan", "future", "possibility", "condition", "said"},
         "threat": {"threat", "said", "possibility"}, "hearsay": {"hearsay", "said"}}
_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|is to|are to|is due to)\b", re.IGNORECASE)
# Plans a plain "will" tells as they are: what is fixed for a date. An aim, a plan, a hope,
# an expectation or a promise may not come: "will" makes it certain.
_SCHEDULED = re.compile(r"(?:set|scheduled|on track|poised|about|going) to", re.IGNORECASE)


def _kept(marker: claims.Marker, mine: set[str], source: Sentence) -> bool:
    """Whether the summary's sentence keeps the kind of uncertainty of the article's word: a
    "will" keeps what is fixed for a date, and the "would" of reported speech ("Ortiz said
    the pier would close"), not a hypothetical ("a toll would raise fares")."""
    kept = _KEPT[marker.kind] & mine
    if kept - {"future"}:
        return True
    reported = marker.text.lower() == "would" and _reported_before(source, marker.start)
    return bool(kept) and (bool(_SCHEDULED.fullmatch(marker.text)) or reported)


def _reported_before(source: Sentence, position: int) -> bool:
    """Whether the article's sentence reports speech before `position` ("Ortiz said ...",
    "they were told ...")."""
    return source.claim.attributed and any(
        lexicon.reporting_verbs().get(m.group().lower()) == "speech"
        for m in claims.reporting().finditer(source.text[:position]))


def _region(text: str, wanted: set[str]) -> tuple[int, int] | None:
    """Where in an article sentence the summary sentence's words stand: from the first to the
    last of them (None when fewer than two are there)."""
    places = [m.start() for m in words(text) if stem(m.group()) in wanted
              and m.group().lower() not in STOPWORDS]
    if len(places) < 2:
        return None
    return min(places), max(places)


# -- reading on its own ---------------------------------------------------------------------

def _dangling(sentence: str, claim: claims.Claim, part: str, first: bool, earlier: tuple[str, ...],
              main: Sentence | None, named: tuple[str, ...] = ()) -> list[Problem]:
    """A sentence that begins by pointing back ("He said", "This approach", "Likewise") with
    nothing before it to point to. `named`: what the note says above a key point (its title
    and the points before), where "the deal" may have been named."""
    match = re.match(r"\s*[\"“‘(]?([A-Za-z]+)", sentence)
    if not match or _about_the_article(sentence):
        return []
    # "So-called" is no "So".
    word = "" if sentence[match.end():match.end() + 1] == "-" else match.group(1).lower()
    before = earlier[-1] if earlier else ""
    standalone = part != "summary" or first
    if standalone and (when := _AFTER_WHAT.match(sentence)):
        return [Problem("dangling", when.start(1), when.end(1), when.group(1),
                        f"“{when.group(1)}”: after what? The sentence does not say.")]
    # The writer's own "I" or "we" is no one the note's voice can be, wherever it stands.
    if (found := _unnamed_subject(sentence)) and (standalone or found.group().split()[0] in ("I", "We")) \
            and not _named_above(sentence, named):
        return [Problem("dangling", found.start(), found.end(), found.group(),
                        f"“{found.group()}”: which one? The sentence does not name it.")]
    can_refer = part == "summary" and not first and _has_name(before)
    if word == "it" and _EXPLETIVE.match(sentence):
        return []
    if word in _BACK and not can_refer and not (word in ("it", "this", "that") and _time_after(sentence, match.end())):
        name = main.speaker if main and main.speaker else ""
        fix = name if name and word in ("he", "she", "they") else ""
        return [Problem("dangling", match.start(1), match.end(1), match.group(1),
                        f"“{match.group(1)}” points back to something the summary has not named.", fix)]
    if standalone and part != "title" and (told := _reported_this(sentence, claim)):
        return [Problem("dangling", told.start(1), told.end(1), told.group(1),
                        f"“{told.group(1)}” points back to something the sentence has not named.")]
    if standalone and part != "title" and (shell := _shell_noun(sentence)) and not _told_above(shell.group(1), named):
        return [Problem("dangling", shell.start(), shell.end(), shell.group(),
                        f"“{shell.group()}”: which one? The sentence does not say what it is.")]
    if (page := _ON_THE_PAGE.search(sentence)) or (standalone and (page := _DONE_BEFORE.search(sentence))
                                                   and not _VERB_HINTS.search(sentence[:page.start()])
                                                   and not _SOME_VERB.search(sentence[:page.start()])):
        return [Problem("dangling", page.start(), page.end(), page.group(),
                        f"“{page.group()}” points to something the note does not show.")]
    if first or part != "summary":
        clause = re.split(r"[,;:]", sentence, maxsplit=1)[0]
        demo = re.search(r"\b(this|these|those)\s+([a-z]+)", clause)
        # "this inquiry" under a title or a point that names the inquiry points to it.
        if demo and demo.group(2).rstrip("s") not in TIME_WORDS and demo.group(2) not in STOPWORDS \
                and demo.start() > 0 and not any(set(content(demo.group(2))) & set(content(text)) for text in named):
            return [Problem("dangling", demo.start(), demo.end(), demo.group(),
                            f"“{demo.group()}” points back to something the summary has not named.")]
    return []


def _reported_this(sentence: str, said: claims.Claim) -> re.Match | None:
    """A bare "this", "these" or "those" as the subject of what the sentence's speaker, named
    first, is reported to say ("The office admitted that this could mislead"), which points to
    nothing the sentence names; not one that what follows names ("said this is the first
    time", "said this was not the time")."""
    if not said.opening or not sentence.startswith(said.opening):
        return None
    return _THIS_SUBJECT.match(sentence, len(said.opening))


_THIS_SUBJECT = re.compile(r"\s+(?:that\s+)?([Tt]his|[Tt]hese|[Tt]hose)\s+(?:(?:is|was|are|were)(?!\s+(?:the|a|an|not|no)\b)|"
                           r"could|would|will|may|might|has|had|have|can|should|must|means?|meant)\b")


# A noun that stands for what was told before it ("the situation", "the move", "the plan"),
# when nothing after it says what it is ("the plan to double the toll", "the move by the
# council", "the plan unveiled on Monday", "the plan Ortiz announced", "the plan, a bridge").
_SHELL = re.compile(r"\b[Tt]he\s+(situations?|moves?|decisions?|plans?|proposals?|ideas?|issues?|incidents?|"
                    r"problems?|efforts?|measures?|steps?|changes?|developments?|announcements?|remarks?|"
                    r"comments?|claims?|allegations?|report|findings?)\b"
                    r"(?!\s+(?:of|to|that|for|in|on|by|with|between|against|over|at|from|about|which|who|"
                    r"where|whereby|under|into|among|[a-z]+(?:ed|en)|[A-Z\d][\w’'-]*)\b)"
                    r"(?!\s*(?:,\s*(?:a|an|the|which|who|one)\b|[-’'(—–]))")
# Words before it that may have told what it stands for: "…voted for a toll bridge and Berg
# criticized the plan".
SHELL_WORDS_BEFORE = 6


def _shell_noun(sentence: str) -> re.Match | None:
    """A noun that stands for something told before it, in the sentence's first clause (after
    a comma it may name what it stands for before it), after a few words of its own."""
    clause = re.split(r"[,;:]", sentence, maxsplit=1)[0]
    found = _SHELL.search(sentence)
    if not found or found.start() >= len(clause):
        return None
    before = re.findall(r"\w+", sentence[:found.start()])
    return found if 0 < len(before) <= SHELL_WORDS_BEFORE else None


# Where the page shows something: "the tweet shown above", "courses like the ones above".
_ON_THE_PAGE = re.compile(r"\b(?:(?:shown|listed|mentioned|pictured|linked)\s+|the\s+ones?\s+)"
                          r"(?:above|below)\b(?!\s+\$?\d)", re.IGNORECASE)
# An action told before, with no verb of its own before it: "A mission to do just that",
# "plans to do the same." (not "do the same job").
_DONE_BEFORE = re.compile(r"\bdo(?:es|ing)?\s+(?:just|exactly)\s+that\b|"
                          r"\bdo(?:es|ing)?\s+the\s+same\b(?=\s*(?:[,.;:!?]|$|as\b|too\b))", re.IGNORECASE)
# A verb before it, which the action may be: "plans", "closed".
_SOME_VERB = re.compile(r"\b(?:[a-z]{3,}(?:s|ed))\b")


# An opening that places the sentence after something told before it: "A short time later,",
# "Finally,", "The next day,".
_AFTER_WHAT = re.compile(r"\s*((?:\w+\s+)?(?:short\s+)?(?:time|while|moments?|minutes?|hours?|days?|weeks?|"
                         r"months?|years?|decades?)\s+later|later|afterwards?|thereafter|finally|"
                         r"shortly\s+(?:after|afterwards|thereafter)|soon\s+after(?:wards)?|"
                         r"(?:on\s+)?the\s+(?:next|following)\s+(?:day|morning|night|week|month|year))\s*,",
                         re.IGNORECASE)


def _about_the_article(sentence: str) -> bool:
    """Whether the sentence opens on the article itself ("The article discusses", "In this
    post, ..."): page clutter, which says so; the reader knows which article."""
    return bool(_ABOUT_THE_ARTICLE.match(sentence))


_ABOUT_THE_ARTICLE = re.compile(r"\s*(?:In\s+)?(?:the|this)\s+(?:article|story|post)\b", re.IGNORECASE)


# A sentence that begins with "The company", "The deal", "The 56-year-old", "I", "Others" or
# "There were also" and does not name it: on its own, a reader cannot tell who or what. ("A
# company" brings in something new, and "the authors" are the piece's own.)
_UNNAMED = re.compile(r"\s*(?:The\s+\d+-year-old\b|The\s+(?!author\b)(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\b|"
                      r"(?:I|My|We|Our|Others|Another|There (?:were|was|are|is) also)\b)")


def _unowned_pronoun(sentence: str, claim: claims.Claim, part: str, first: bool,
                     ctx: Context) -> list[Problem]:
    """A pronoun inside a standalone sentence that nothing before it names: "In an interview,
    he said ...", or "Ruiz writes that it is ..." of the writer, who is no "it"; the writer's
    own "I" or "we" in any sentence."""
    speaker = claim.speaker.lower()
    # The writer's own "I" or "we" is no one the note's voice can be, wherever it stands (an
    # "our" after the summary's first sentence may be the people it names).
    if speaker in ("", "i", "we") and (voice := _writer_voice(sentence, claim)) \
            and (part != "summary" or first or voice.text.lower() in ("i", "we")):
        return [Problem("dangling", voice.start, voice.end, voice.text,
                        f"“{voice.text}”: whose? The sentence does not say who speaks.")]
    if part == "summary" and not first:
        return []
    at = sentence.find(claim.opening) if claim.opening else -1
    intro = _INTRO.match(sentence)
    if speaker in ("he", "she", "they") and at > 0 and intro and not _names_something(intro.group()):
        return [Problem("dangling", at, at + len(claim.speaker), claim.speaker,
                        f"“{claim.speaker}”: who? The sentence does not name them.")]
    writer = set(content(ctx.article.genre.author))
    said = re.compile(r"\s+that\s+(it|its)\b").match(sentence, at + len(claim.opening)) if at >= 0 else None
    if said and _EXPLETIVE.match("It" + sentence[said.end(1):]):
        said = None  # "argues that it is time to ..."
    # (a company that issues a release is an "it": "Acme says that it will expand")
    if said and writer and claim.speaker and set(content(claim.speaker)) <= writer \
            and ctx.article.genre.kind != PRESS and person(ctx.article.genre.author):
        return [Problem("dangling", said.start(1), said.end(1), said.group(1),
                        f"“{said.group(1)}”: what? The sentence does not name it.")]
    return []


def _writer_voice(sentence: str, claim: claims.Claim) -> claims.Marker | None:
    """The writer's own "I" or "we" after an opening phrase ("Today, we're going to talk
    about"), outside quotes (the claim's first-person markers): not in what someone is said to
    say, not a numeral ("World War I") nor a party's initial ("Sen. Bernie Sanders (I-Vt.)")."""
    for found in claim.judgements:
        before = sentence[:found.start]
        if found.kind != "first person" or not before.strip():
            continue
        if ":" in before or claims.reporting().search(before):
            continue  # someone's words: "Ortiz: we will build it", "Berg, who chairs it, said we"
        words_before = before.split()
        if found.text == "I" and (_NUMBERED.fullmatch(words_before[-1]) or before.endswith("(")
                                  or sentence[found.end:found.end + 1] in ("-", "–", "—")
                                  or (len(words_before) > 1 and words_before[-1][:1].isupper()
                                      and not words_before[-1].endswith(","))):
            continue  # a numeral or an initial: "World War I", "a phase I trial", "(I-Vt.)"
        return found
    return None


_NUMBERED = re.compile(r"phase|type|class|stage|schedule|category|grade|level|part|chapter", re.IGNORECASE)


# An opening phrase with no subject of its own: "In an interview, he said" (not "When police
# arrived, they said", whose clause has one).
_INTRO = re.compile(r"\s*(?:In|At|On|During|Speaking|Asked|Later|Earlier|Last|This|Following|To [a-z]+)\b[^,]*,\s*[a-z]")
_CALENDAR = DAYS | MONTHS


def _names_something(phrase: str) -> bool:
    """Whether an opening phrase names someone ("In Ortiz's interview"), dates aside."""
    return any(m.group()[:1].isupper() and m.group().lower() not in _CALENDAR for m in words(phrase)[1:])


def _unnamed_subject(sentence: str) -> re.Match | None:
    """The opening words of a sentence that begins by pointing at something its subject does
    not name ("The company struggled", not "The company behind Acme said")."""
    found = _UNNAMED.match(sentence)
    if not found or _AMOUNT_OF.match(sentence):
        return None
    rest = sentence[found.end():]
    if found.group().strip()[:1] in "IMWO" and found.group().strip().split()[0] in ("I", "My", "We", "Our"):
        return found  # the writer speaking: whose "I" is it?
    return None if _names_in_subject(rest) else found


def _told_above(noun: str, named: tuple[str, ...]) -> bool:
    """Whether a word of the noun's family stands in the title or an earlier key point
    ("the allegations" after "allegedly", "the plan" after "plans")."""
    root = stem(noun)

    def kin(word: str) -> bool:  # "mov" of "moves" and "move"; "decid" and "decis"
        return word[:4] == root[:4] or (len(word) >= 3 and root.startswith(word))

    return any(kin(word) for text in named for word in content(text))


def _named_above(sentence: str, named: tuple[str, ...]) -> bool:
    """Whether the note names above what the sentence's subject points at: a word of its
    first three after "The" ("deal" of "The deal", "law" of "The new law") stands in the
    title or an earlier key point."""
    subject = []
    for word in sentence.split()[1:4]:  # up to its verb: "The dog [was found]", "The missing hiker [was]"
        bare = word.strip(",;:.!?\"“”")
        if subject and (bare.lower() in STOPWORDS or _VERB_HINTS.fullmatch(bare) or re.fullmatch(r"[a-z]+ing", bare)):
            break
        subject.append(bare)
        if bare != word:
            break
    wanted = set(content(" ".join(subject)))
    if subject and subject[-1].lower() in ("authors", "researchers", "scientists") \
            and any(_STUDY.search(text) for text in named):
        return True  # the people behind a study named above ("According to a study, …")
    return bool(wanted) and any(wanted & set(content(text)) for text in named)


_STUDY = re.compile(r"\b(?:study|studies|paper|survey|research)\b", re.IGNORECASE)


# "The number of people who ..." says what it counts: it points at nothing before it.
_AMOUNT_OF = re.compile(r"\s*The\s+(?:number|share|rate|proportion|percentage|amount|price|cost|"
                        r"value|level|majority|total)\s+of\b")


def _names_in_subject(rest: str) -> bool:
    """Whether the rest of a sentence's subject names what it is: "(The team) of NASA
    scientists found", "(The company), Acme, said", "(The new) 13-inch MacBook Pro"; not "(The
    company) struggled on Monday", "(The company) cut Acme's budget"."""
    if _CALLED.match(rest):
        return True
    found = words(rest)[:5]
    for i, m in enumerate(found):
        word = m.group()
        if word[:1].isupper() and word.lower() not in _CALENDAR:  # "began last November"
            return True
        if word.lower() in _SUBJECT_SMALL or word[:1].isdigit() or _UNITS.fullmatch(word.lower()):
            continue
        # The noun phrase goes on over words that describe it; it ends at a verb's form, a
        # helper or a mark ("The company struggled", "The cat was found in Santa Fe").
        if re.fullmatch(_PARTICIPLE + "|[a-z]+ing", word) or _FINITE.fullmatch(word) \
                or lexicon.verb_lemma(word) != word.lower() or word.lower() in lexicon.reporting_verbs() \
                or word.lower() in STOPWORDS or re.search(r"[,;:.]", rest[:m.start()]):
            return False
        if re.match(r"\s*[—–,(]\s*[A-Z]", rest[m.end():]):
            return True  # a name set beside it: "The five companies — Blue Origin, ..."
        following = found[i + 1].group().lower() if i + 1 < len(found) else ""
        joined = rest[m.start() - 1:m.start()] == "-" or rest[m.end():m.end() + 1] == "-"  # "13-inch"
        if not (joined or following in _SUBJECT_SMALL):
            return False  # a plain word, maybe a verb ("cut", "put"): no describing word
    return False


# A subject's name given after what it is: "(The new) alarm management solution called Digistat".
_CALLED = re.compile(r"(?:\s+[a-z][\w-]*){0,4}\s+(?:called|named|dubbed)\s+[\"“]?[A-Z]")
# Words that continue a subject before its name: "the team of NASA", "the company, Acme".
_SUBJECT_SMALL = {"of", "for", "at", "in", "from", "behind", "called", "named", "the", "a", "an",
                  "and", "s", "new"}


def _time_after(sentence: str, position: int) -> bool:
    following = re.match(r"\s+([a-z]+)", sentence[position:])
    return bool(following) and following.group(1) in TIME_WORDS


def _has_name(sentence: str) -> bool:
    return any(m.group()[:1].isupper() for m in words(sentence)[1:])


def _name_doubled(sentence: str, sources: list[Sentence]) -> list[Problem]:
    """A sentence that begins with a full name and names it again, where each of the article's
    sentences behind it names it once: the doer stands where the article has someone else, or
    no one ("Ana Ruiz and Tom Li will attend a talk with Ana Ruiz and Tom Li" of "Attend a talk
    with Ana Ruiz and Tom Li")."""
    m = _FULL_NAME.match(sentence)
    if m:
        name = m.group()
        if sentence.count(name) >= 2 and sources and all(s.text.count(name) <= 1 for s in sources):
            return [_whole("unsupported", sentence,
                           f"The sentence names {name} twice where the article names them once: "
                           "who did what may have changed.")]
    return []


_FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")  # two or more capitalized words


def _number_swapped(sentence: str, main: Sentence | None) -> list[Problem]:
    """A number of the sentence's evidence told as another of the same kind: "the 13-inch
    model has an Esc key" where the article's sentence says the 16-inch one has it (the
    13-inch one being elsewhere in the article, the name and number checks pass)."""
    if not main:
        return []
    numbers = [(start, end, value, _unit_after(sentence, end)) for start, end, value in support.number_values(sentence)]
    told = [(start, end, value, _unit_after(main.text, end)) for start, end, value in support.number_values(main.text)]
    for start, end, value, unit in numbers:
        if not unit or any(value == v for _, _, v, _ in told):
            continue
        theirs = [(s, e, v) for s, e, v, u in told if u == unit]
        # (one that also tells the article's number joins two facts: "23 percent … and 37 percent")
        if theirs and not {v for _, _, v, u in numbers if u == unit} & {v for _, _, v in theirs}:
            (a, b, _), stop = theirs[0], end + len(unit) + 1
            return [Problem("number", start, stop, sentence[start:stop],
                            f"The article's sentence here says {main.text[a:b + len(unit) + 1]}, "
                            f"not {sentence[start:stop]}.")]
    return []


def _unit_after(text: str, end: int) -> str:
    """What a number counts: the word right after it ("13-inch", "30 jets", "5 percent")."""
    found = re.match(r"(?:-|\s)([a-z]{2,})\b", text[end:])
    return found.group(1) if found and found.group(1) not in STOPWORDS else ""


def _owner_swapped(sentence: str, ctx: Context) -> list[Problem]:
    """A name given as the owner of what the article says it is: "Europa's moon" where the
    article has "Jupiter's moon Europa" (and never Europa owning a moon). Not a relation both
    ways: "Google's rival Microsoft" where the article has "Microsoft's rival Google"."""
    text = ctx.article.text
    for m in _OWNS.finditer(sentence):
        owner = m.group(1)
        for thing in _owned_nouns(m.group(2)):
            if re.search(rf"\b{re.escape(owner)}['’]s\s+(?:[\w-]+\s+){{0,2}}?(?i:{re.escape(thing)})\b", text):
                continue  # the article has it so too
            other = re.search(rf"\b(?!It\b)([A-Z][\w.-]+)['’]s\s+(?:[\w-]+\s+){{0,2}}?(?i:{re.escape(thing)}),?\s+"
                              rf"{re.escape(owner)}\b", text)
            if other and other.group(1) != owner and other.group(1) not in sentence[m.start(2):m.end() + 40]:
                return [Problem("unsupported", m.start(), m.end(), m.group(),
                                f"The article has “{other.group()}”: the sentence makes {owner} the owner.")]
    return []


# A name and what it owns: "Jupiter's moon", "Acme's chief executive".
_OWNS = re.compile(r"\b([A-Z][\w.-]+)['’]s((?:\s+[A-Za-z]+){1,3})")


def _owned_nouns(words_after: str) -> list[str]:
    """The words of what a name owns, up to the first small word or verb: "icy moon" of
    "Jupiter's icy moon Europa", "lawyers" of "Trump's lawyers argued the case"."""
    found = []
    for word in words_after.split():
        if word.lower() in STOPWORDS or re.fullmatch(r"[a-z]+(?:ed|ing)", word):
            break
        found.append(word)
    return found


def check_names(sentence: str, ctx: Context) -> list[Problem]:
    """A name written without the small word it always has in the article: "Palmas" where
    the article only ever writes "Los Palmas"."""
    found = []
    text = ctx.article.text
    for m in re.finditer(r"\b[A-Z][a-z]{2,}\b", sentence):
        name = m.group()
        if re.search(rf"\b\w+[ -]{name}\b", sentence[max(0, m.start() - 12):m.end()]) and \
                sentence[max(0, m.start() - 4):m.start()].strip().lower() in _PARTICLES:
            continue  # written whole here
        uses = [u.start() for u in re.finditer(rf"\b{name}\b", text)]
        if len(uses) < 2:
            continue
        befores = {re.search(r"(\S+)[ -]$", text[max(0, u - 10):u]) for u in uses}
        words_before = {b.group(1) for b in befores if b}
        if len(words_before) == 1 and None not in befores:
            particle = next(iter(words_before))
            if particle.lower() in _PARTICLES and particle[:1].isupper():
                whole = f"{particle} {name}"
                found.append(Problem("partial_name", m.start(), m.end(), name,
                                     f"The article always writes “{whole}”.", whole))
    return found


def full_names(article: Article) -> dict[str, str]:
    """The people the article names in full as speakers and also by surname alone ("Emirates
    President Tim Clark said …", "Clark revealed …"): surname -> "Tim Clark". A surname
    given more than one first name (two Trumps) is left out."""
    speakers = {s.speaker or s.claim.speaker for s in article.sentences}
    names = {}
    for who in speakers:
        m = re.search(r"(?<![\w.’'-])([A-Z][a-z]+)\s+([A-Z][a-z]{2,})$", who)
        if not m or m.group(1).lower() in STOPWORDS | _CALENDAR or m.group(2) not in speakers:
            continue  # the surname alone must speak too: a person's, not "Europa Clipper"
        first, last = m.groups()
        if re.search(rf"\b(?:{first.lower()}|{last.lower()})\b", article.text):
            continue  # a common word ("Summary Studies"), no one's name
        before = {re.search(r"(\S*)\s*$", article.text[:u.start()]).group(1)
                  for u in re.finditer(rf"\b{last}\b", article.text)}
        if {b for b in before if b[:1].isupper() and b[-1:].isalpha()} == {first}:  # no other first name
            names[last] = m.group()
    return names


def _alone(text: str, name: re.Match) -> bool:
    """Whether a name stands without a capitalized word or "the" before it or a capitalized
    word after it ("Clark said", not "Tim Clark", "the Clark family" or "Clark County")."""
    return not re.search(r"(?:\b[A-Z][\w.’'-]*|\b[Tt]he)\s+$", text[max(0, name.start() - 30):name.start()]) \
        and not re.match(r"\s+[A-Z]", text[name.end():])


def with_names_in_full(texts: list[str], names: dict[str, str]) -> list[str]:
    """The sentences, read in order, with a person's first mention by surname alone written in
    full ("Clark revealed" -> "Tim Clark revealed"): a reader does not know who "Clark" is.
    Quoted words stay as they are."""
    out: list[str] = []
    said: list[str] = []  # the sentences before, without their quotes
    for text in texts:
        for last, full in names.items():
            if any(_alone(e, m) or full in e for e in said for m in re.finditer(rf"\b{re.escape(last)}\b", e)):
                continue  # named before
            quotes = lexicon.quoted_spans(text)
            m = next((m for m in re.finditer(rf"\b{re.escape(last)}\b", text)
                      if not lexicon.inside(m.start(), quotes)), None)
            if m and _alone(text, m):
                text = text[:m.start()] + full + text[m.end():]
        out.append(text)
        said.append(_unquoted(text))
    return out


def _unquoted(text: str) -> str:
    """The text with its quoted words blanked out."""
    for start, end in lexicon.quoted_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _headline_told(sentence: str, ctx: Context) -> list[Problem]:
    """The article's headline, in its capitals, told as what someone says ("Ruiz argues that
    Trump's Trade War Keeps World Guessing"): a headline's words, no sentence."""
    said = re.search(r"\bthat\s+(.+?)[.!?]?$", sentence)
    headline = ctx.article.headline
    told = set(content(said.group(1))) if said else set()
    # (a word more may be the model's: "President Trump's …" of "Trump's …")
    if said and headline and support.title_case(headline) and support.title_case(said.group(1)) \
            and len(told & set(content(headline))) >= HEADLINE_TOLD * len(told):
        return [_whole("fragment", sentence, "Not a whole sentence: the article's headline, copied.")]
    return []


def _headline_capitals(sentence: str, ctx: Context) -> list[Problem]:
    """Another headline of the page, in its capitals ("Black Friday Is Next Week, But Several
    Deals Go Live Today"): nearly every word inside it is capitalized, common words the article
    writes in lower case among them, and small words too (not "The patient had Feather Duvet
    Lung disease", nor "Riders compete at the Talent Search Finals East")."""
    quotes = lexicon.quoted_spans(sentence)
    inner = capitals = common = small = 0
    for word in re.finditer(r"[^\W\d_][\w'’-]*", sentence):
        if starts_sentence(sentence, word.start()) or lexicon.inside(word.start(), quotes):
            continue  # a sentence's, a label's or a quoted title's first word
        inner += 1
        if word.group()[0].isupper():
            lower = word.group().lower()
            capitals += 1
            common += lower in ctx.lower_words and lower not in STOPWORDS | DAYS | MONTHS
            # "But", "Are": a name's own are lower case ("Bank of Ohio"), or "The" ("The Anchor Inn")
            small += lower in STOPWORDS - {"the", "a", "an"}
    if inner >= HEADLINE_WORDS and capitals >= HEADLINE_CAPITALS * inner and common >= 2 and small:
        return [_whole("fragment", sentence, "Not a sentence: a headline's words, in its capitals.")]
    return []


# An interview's question or answer as the page prints it, tagged and without its speaker.
_TRANSCRIPT_LINE = re.compile(r"(?:Q|A|Question|Answer)\s*:\s+\S")  # (not "A. J. Brown")


# An opening that says whose and nothing more: "According to data on its staff.", "Ruiz said that."
_ONLY_WHOSE = re.compile(r"(?:(?:According to|As reported by|In the (?:view|words) of)\b[^,;:]*|"
                         r"[^,;:]*\b(?:says|said|argues|argued|writes|wrote|adds|added|notes|noted|claims|"
                         r"claimed|reports|reported)\s+that)[.!]?")


def _fragment(sentence: str) -> list[Problem]:
    """Not a whole sentence: too short, or without a verb."""
    plain = re.sub(r"[\"“”]|[‘’](?![a-z])|(?<![A-Za-z])[‘’]", "", sentence).strip()  # not "it’s"
    found = plain.split()
    if len(found) < FRAGMENT_WORDS or (plain[:1].islower() and not re.match(r"[a-z]+[A-Z]", plain)):  # not "iPhone"
        return [_whole("fragment", sentence, "Not a whole sentence.")]
    if plain.endswith(":"):
        return [_whole("fragment", sentence, "Not a whole sentence: it stops where its list begins.")]
    if _ONLY_WHOSE.fullmatch(plain):  # a mend's opening the model wrote nothing after
        return [_whole("fragment", sentence, "Not a whole sentence: it says whose, not what.")]
    if _TRANSCRIPT_LINE.match(plain):  # "Q: What comes next?", "A: Inspired and humbled."
        return [_whole("fragment", sentence, "An interview's line as printed: say who asked or answered what.")]
    if re.search(r"(?:\.\s?\.\s?\.|…)$", sentence.rstrip()):  # (a quote's own "…" ends in its mark)
        return [_whole("fragment", sentence, "Not a whole sentence: it trails off.")]
    listed = re.match(r"[^:]{2,60}:\s+(.*)$", plain)
    if listed and listed.group(1).count(",") >= 2 and not (_FINITE.search(listed.group(1))
                                                          or _VERB_HINTS.search(listed.group(1))):
        # "Palm Bay (1-0): Tolivert 25 points, Davis 17 points, …": a results row's list
        return [_whole("fragment", sentence, "Not a whole sentence: a list of items.")]

    if re.fullmatch(r"[A-Z][a-z]+ed", found[0]) and found[1][:1].islower() and not _main_verb(found[1:]):
        # ("Arrested on Monday." ; not "Spiced honey jam is a gift", "Armed police arrested two men")
        return [_whole("fragment", sentence, "Not a whole sentence: it does not say who.")]
    if (_NO_SUBJECT.match(plain) and not _FINITE.search(plain)) \
            or (re.match(r"To [a-z]+\b", plain) and "," not in plain):
        # "Plans to double the fee"; "To post signs telling ..." with no clause after it.
        return [_whole("fragment", sentence, "Not a whole sentence: it does not say who.")]
    if re.match(r"How to\b", plain) or (
            re.match(r"(?:Why|How)\s+(?!(?:do|does|did|is|are|was|were|can|could|will|would|should)\b)[a-z]+", plain)
            and not re.search(r"[.!?][\"”’')\]]*$", plain) and "," not in plain):
        # A headline's question: "How to make jam", "Why focus matters" (not "How the
        # council will pay remains unclear.", a whole sentence).
        return [_whole("fragment", sentence, "Not a whole sentence: a headline's question.")]
    if _tells_no_one(plain):
        return [_whole("fragment", sentence, "Not a whole sentence: it does not say whom they told.")]
    claim = claims.read(plain)
    reports = bool(claim.verb_kind)  # a reporting verb read as a verb, not "calls for"
    verb = claim.opening.split()[-1].lower() if claim.opening else ""
    present = _present_verb(found)
    if not re.search(r"[.!?][\"”’')\]]*$", plain) and not (_FINITE.search(plain) or reports or present
                                                            or _active_past(plain)):
        return [_whole("fragment", sentence, "Not a whole sentence: a headline's words, no verb.")]
    if found[-1].strip(".!?\"”’')").lower() in _TAKES_OBJECT and not _PASSIVE.search(plain):
        # A verb that needs an object ends it, without "was" or "have been": a headline's
        # passive ("Ten cases reported.", "Two men arrested.").
        return [_whole("fragment", sentence, "Not a whole sentence: a headline's words, no verb.")]
    # A question may begin with its verb ("Was it a mistake ...?"), a sentence with "It's".
    rest = " ".join(found[0 if plain.endswith("?") or re.fullmatch(_CONTRACTED, found[0], re.I) else 1:])
    hints = list(_VERB_HINTS.finditer(rest))
    if not (hints or reports or present):
        return [_whole("fragment", sentence, "Not a whole sentence: it has no verb.")]
    if (not reports or verb in _TAKES_OBJECT) and not _PASSIVE.search(plain) \
            and all(_headline_passive(rest, m) for m in hints) and not present:
        # Its only verb is a headline's passive before a place or a time: "Cat found in Santa
        # Fe after ...", "Two men arrested after a chase".
        return [_whole("fragment", sentence, "Not a whole sentence: a headline's words, no verb.")]
    return []


def _tells_no_one(text: str) -> bool:
    """A verb that tells someone, with "that" at once after it and no "was" before it: "Ruiz
    told that ..." lacks whom she told ("was told that", "told reporters that" are whole)."""
    for match in _TELLS_THAT.finditer(text):
        before = text[:match.start()].rstrip()
        if not before.endswith(",") and not {w.lower() for w in before.split()[-3:]} & _BE:
            return True
    return False


# "told that" and a clause's subject: not "told that story", "told that court".
_TELLS_THAT = re.compile(r"\b(?:told|informed|assured|reminded|notified)\s+that\s+"
                         r"(?:the|a|an|he|she|they|it|we|i|you|his|her|their|its|[A-Z]\w*)\b")
_BE = {"was", "were", "is", "are", "am", "be", "been", "being", "get", "gets", "got"}


def _headline_passive(text: str, verb: re.Match) -> bool:
    """A verb that needs an object, followed by a place or a time and then no object: "found
    in Santa Fe after ...", not "found in a statement 12 new cases" or "found in favor of"."""
    after = text[verb.end():]
    if verb.group().lower() not in _TAKES_OBJECT or re.match(r"\s+in\s+favou?r\b", after) \
            or not re.match(rf"\s+(?:{_PLACE_OR_TIME})\b", after):
        return False
    previous = ""
    for word in re.findall(r"[\w$%'’-]+|[,;]", after):
        lower = word.lower()
        starts_phrase = lower in _DETERMINERS or word[:1].isdigit() or word[:1] == "$"
        if starts_phrase and previous and previous not in _PREPOSITIONS | _DETERMINERS | {"and", "or", ",", ";"} \
                and not previous[:1].isdigit():
            return False  # a noun phrase after a noun: the verb's object ("in November a plan")
        previous = lower
    return True


_PLACE_OR_TIME = "in|at|near|after|during|inside|outside|off|across|along|from|over"
_PREPOSITIONS = {"in", "at", "on", "near", "after", "during", "inside", "outside", "off", "across", "along",
                 "from", "over", "to", "for", "with", "by", "of", "into", "before", "since", "under",
                 "behind", "between", "among", "against", "without", "about", "than"}
_DETERMINERS = {"the", "a", "an", "her", "his", "their", "its", "our", "this", "these", "those", "some"}


def _question(sentence: str) -> list[Problem]:
    """A question of its own, in any language: the article may ask it, but a summary tells
    what happened. A question it quotes ('Ortiz asked: "Why wait?"') is a statement's."""
    text = sentence.strip()
    end = re.search(r"[?？؟]$", text)
    if end and not lexicon.inside(end.start(), lexicon.quoted_spans(text)):
        return [_whole("question", sentence, "A question, not a statement: say what happened.")]
    return []


# Verbs that take an object, in the form a headline's passive uses.
_TAKES_OBJECT = {"reported", "confirmed", "announced", "found", "discovered", "detected", "recorded",
                 "identified", "diagnosed", "released", "launched", "unveiled", "arrested", "killed",
                 "injured", "seized", "approved", "rejected", "revealed", "charged", "sentenced"}
# What makes a passive whole: "were reported", "have been found", "got arrested".
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|get|got|gets)\b", re.IGNORECASE)
# A past tense with its object, a whole sentence even without a full stop ("Ana Ruiz tested
# the app", "Viera defeated Rockledge 70-44"); a headline's passive goes on with a place or a
# cause ("Cat found in ...").
_ACTIVE_PAST = re.compile(r"\b([a-z]{3,}ed)\s+(?:(the|a|an|his|her|their|its|our|this|that|these|those|\d[\d,]*|"
                          r"two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)\s+)?(\w+)")


def _main_verb(found: list[str]) -> bool:
    """Whether the words have a verb of their own, before any clause of "who", "which" or "after"
    ("Founded in 1990 by fishermen who were tired of the toll" has none)."""
    main = re.split(r"\b(?:who|which|that|after|before|when|while|because|since)\b", " ".join(found))[0]
    # (a past tense with its object, whatever the verb: "arrested two men", "built the pier")
    return bool(_FINITE.search(main)) or any(m.group(2) for m in _ACTIVE_PAST.finditer(main)) \
        or _active_past(main) or _present_verb(main.split())


def _active_past(text: str) -> bool:
    """Whether a past tense takes an object: a name or a determined noun ("defeated
    Rockledge", "tested the app"), not a time after a headline's passive ("rescued a day
    after", "stranded Tuesday")."""
    for m in _ACTIVE_PAST.finditer(text):
        verb, determiner, word = m.groups()
        if verb in _TAKES_OBJECT or word.lower().rstrip("s") in TIME_WORDS or word.lower() in _CALENDAR:
            continue
        if determiner or word[:1].isupper():
            return True
    return False

# A sentence that begins with its verb, a headline's way: "Plans to double the fee".
_NO_SUBJECT = re.compile(r"(?:Plans|Aims|Wants|Seeks|Hopes|Vows|Promises|Pledges|Threatens|Agrees|"
                         r"Refuses|Decides|Intends|Expects|Prepares|Moves|Looks|Tries)\s+to\s+[a-z]+\b")


# Words after which a word ending in "s" is a plural noun ("of dollars", "two schools"), not
# a verb ("the town needs").
_BEFORE_NOUNS = {"a", "an", "the", "of", "for", "to", "in", "on", "at", "by", "with", "from",
                 "and", "or", "its", "his", "her", "their", "our", "your", "my", "this", "that",
                 "these", "those", "some", "many", "more", "most", "all", "both", "several",
                 "few", "other", "into", "about", "over", "under", "per", "than", "new", "no"}


def _present_verb(found: list[str]) -> bool:
    """Whether a word reads as a verb in the present ("the town needs", "it costs")."""
    for i, (before, word) in enumerate(zip(found, found[1:])):
        bare = word.strip(".,;:!?").lower()
        named = before[:1].isupper() and i >= 2 and found[i - 1].lower() in _BEFORE_NOUNS  # "before the Iowa caucuses"
        if (len(bare) >= 4 and bare.endswith("s") and not bare.endswith(("ss", "'s", "’s"))
                and bare not in STOPWORDS  # "this", "those" ("is", "was" are helpers, found as such)
                and not word.endswith(":")  # a label: "Daily Deals: ..."
                and not (word[:1].isupper() and before[:1].isupper())  # a name: "Apple Watch Series 3"
                and before.lower().strip(",") not in _BEFORE_NOUNS and not before[:1].isdigit()
                and not _GERUND.fullmatch(before)  # "facing calls": its object
                and not _UNITS.fullmatch(before.lower()) and not named):
            return True
    # A plural subject's verb, which has no "s": "Taste receptors monitor the gut", "Leadership
    # and visibility exist on a spectrum" (a plural noun or two nouns joined, then a plain word,
    # then what a verb takes after it).
    for i in range(1, len(found) - 2):
        subject, word, after = found[i - 1].lower(), found[i], found[i + 1].lower()
        plural = (len(subject) >= 4 and subject.endswith("s") and not subject.endswith(("ss", "us", "is"))) \
            or "and" in (w.lower() for w in found[max(0, i - 3):i - 1])
        # (not a word that reads as an adjective: "Residents angry at the toll")
        adjective = re.search(r"(?:ful|ous|ive|ic|able|ible|less)$", word) \
            or (word.endswith("y") and after not in _DETERMINERS)
        if plural and re.fullmatch(r"[a-z]{3,}", word) and word not in STOPWORDS and not adjective \
                and not re.search(r"(?:s|ing|ed|ly)$", word) \
                and (after in _VERB_TAKES or found[i + 1][:1].isupper()):  # "companies include Acme"
            return True
    return False


# Words that follow a verb, not a noun that goes on a noun ("exist on", "monitor the").
_VERB_TAKES = {"on", "in", "at", "to", "the", "a", "an", "with", "from", "across", "into", "that",
               "their", "its", "his", "her", "our", "your", "more", "less", "up", "out", "down", "off"}
_GERUND = re.compile(r"(?!\w*thing$)\w{3,}ing")  # not "nothing", "king"
_UNITS = re.compile(r"one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|millions?")


def _clutter(sentence: str) -> list[Problem]:
    found = [Problem("clutter", m.start(), m.end(), m.group(),
                     "About the page or the article, not the news.")
             for m in lexicon.clutter().finditer(sentence)]
    found += [Problem("clutter", m.start(), m.end(), m.group(), "A stock ticker code.")
              for m in TICKER.finditer(sentence)]
    return found


def _repeat(sentence: str, earlier: tuple[str, ...], frame: set[str] = frozenset(),
            share: float = REPEAT, told: bool = False) -> list[Problem]:
    """A sentence whose meaningful words are nearly all in one before it; `told`: the words of
    what each tells, whoever each has say it ("Officials said the pier closed on Monday" after
    "The pier closed on Monday, the port said"). (A title is compared whole: its subject may be
    a point's speaker, "Hickenlooper joins the race" and "Hickenlooper announced his bid".)
    Told again with a detail added is a repeat too, where the detail is a small part of it and
    no clause of its own ("Ruiz said that in 30 years she has never seen such a flood" after "Ruiz
    said she has never seen such a flood"; not "… and could open in 2029", "…; Berg opposed it"), among sentences of
    the same part (`told`); a key point may add to the title."""
    def meaning(text: str) -> set[str]:
        return _told_words(text, frame) if told else set(content(text)) - frame

    mine = meaning(sentence)
    if not mine:
        return []
    for other in earlier:
        theirs = meaning(other)
        both = mine & theirs
        if theirs and (len(both) >= share * len(mine) or told and _retold(sentence, other, mine, theirs, meaning)):
            return [_whole("repeat", sentence, f"Says again what “{other[:60]}” says.")]
    return []


def _retold(sentence: str, other: str, mine: set[str], theirs: set[str], meaning) -> bool:
    """Whether the sentence tells the other again with a small detail added and no clause of
    its own: nearly all the other's words, few more, no more verbs, and each joined clause
    about what the other tells."""
    clauses = [words for clause in _JOINED_CLAUSES.split(sentence) if (words := meaning(clause))]
    return len(mine & theirs) >= REPEAT * len(theirs) and len(mine - theirs) <= ADDS_LITTLE * len(mine) \
        and len(_FINITE.findall(sentence)) <= len(_FINITE.findall(other)) \
        and all(words & theirs for words in clauses)


# Where a sentence joins a clause of its own: "; Berg opposed it", ", and residents pay a toll".
_JOINED_CLAUSES = re.compile(r";|,\s+(?:and|but|while|yet|so|whereas)\b")


def _told_words(sentence: str, frame: set[str]) -> set[str]:
    """The meaningful words of what the sentence tells, without who says it ("Ortiz said",
    "according to the port"); a verb that judges is part of what it tells ("Ortiz praised")."""
    claim = claims.read(sentence)
    said = claim.opening if claim.verb_kind in ("speech", "source") else ""
    return set(content(sentence)) - frame - set(content(said))


# A title that tells what a piece is about, not what it says: a key point that says it is no
# repeat ("Regan's favorite weekend activity is hiking" under "Regan writes about her favorite
# weekend activity").
_TOPIC = re.compile(r"\b(?:writes?|wrote|reflects?)\s+about\b", re.IGNORECASE)


def _sensational(title: str, ctx: Context) -> list[Problem]:
    found = []
    for m in re.finditer(r"\b[A-Z]{4,}\b", title):
        if re.search(rf"\b{m.group().lower()}\b", ctx.lower_text.replace(m.group().lower(), "", 0)) \
                and not _acronym(m.group(), ctx.article.text):
            found.append(Problem("sensational", m.start(), m.end(), m.group(),
                                 "Shouting capitals: write it in plain case."))
    if "!" in title:
        found.append(Problem("sensational", title.index("!"), title.index("!") + 1, "!",
                             "An exclamation: state the news plainly."))
    headline = ctx.article.headline
    genre = ctx.article.genre
    if genre.kind != NEWS and headline and _same(title, headline) and not _framed(title) \
            and not claims.read(title).attributed:
        found.append(_whole("sensational", title,
                            f"The {genre.kind}'s own headline: say whose view it is.",
                            _writer_fix(ctx, "title", False)))
    return found


def _acronym(word: str, text: str) -> bool:
    """Whether the article writes the word in capitals apart from shouted headlines: "NASA"."""
    lower = re.search(rf"\b{word.capitalize()}\b|\b{word.lower()}\b", text)
    return lower is None


def _same(a: str, b: str) -> bool:
    x, y = set(content(a)), set(content(b))
    return bool(x and y) and len(x & y) >= 0.7 * min(len(x), len(y))
