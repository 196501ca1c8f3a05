"""Filling in the answer form with the model, one sentence at a time, each checked as soon as
the model ends it.

The writer writes the form's labels itself (`Title:`, `Summary:`, `Key points:`, the bullets)
and the model only the values. When the model ends a sentence, the sentence checker reads it
against the article (desktop.core.checks.sentence), and the writer acts at once, in the same
pass, while the article is still in the model's context:
- a claim told without whose it is, a possibility told as a fact, an opinion piece's view
  told as fact, a sentence that begins with "He": the sentence is written anew from the
  words that mend it ("Mayor Ana Ruiz said", "The army could", "In an opinion column, X
  argues that"), and the model finishes it;
- a year the article lacks, or a name cut short ("Palmas" for "Los Palmas"), is mended in the text;
- a sentence its budget cut short, perhaps inside a number, keeps its clauses up to its last comma;
- a sentence the article does not support, that repeats another, that is no whole sentence
  or page clutter is taken back: a key point is begun differently or left out, the summary
  ends before it;
- loaded words are kept out of the model's choice as it writes (outside quotes).
After the key points, a criticism, condition or thanks the summary left out gets a key point
begun as the article begins it ("The Harbor Union has criticized").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Protocol

from desktop.core.checks.sentence import SUPPORT, Problem
from desktop.core.checks.support import number_values
from desktop.core.input.article import Voice
from desktop.core.language import claims
from desktop.core.language.text import NOT_AN_END, STOPWORDS, joined_at, sentences
from desktop.core.model import Session
from desktop.core.writing import prompts

TITLE_TOKENS = 32
SENTENCE_TOKENS = 90
WHOLE_CLAUSE_WORDS = 6  # what a sentence cut short must keep, up to its last comma, to be kept so
VOICE_POINTS = 2  # key points kept free for voices the summary leaves out
TRIES = 3  # ways a sentence may be written: as the model began it, then mended or begun anew
# Key points taken back in a row, below the least asked for, before the writer stops asking:
# each is begun otherwise than all those before it, and a note without points is little use.
FAILED_POINTS = 3


def answer_tokens(length: prompts.Length = prompts.STANDARD) -> int:
    """The room an answer needs in the model's context (the labels and a few retries included)."""
    return TITLE_TOKENS + (length.sentences + length.max_points) * SENTENCE_TOKENS + 64


LOOP_CHARS = 40  # the model writes these characters again: it is going round in circles
WHOLE_LOOP_CHARS = 160  # the same in an answer written whole

# A sentence ends with . ! or ? (maybe inside quotes or brackets), not after an initial such
# as the "S." in "U.S." nor after a title such as "Mr." or "Sen."; the writer checks this
# when the next word begins.
SENTENCE_END = re.compile(NOT_AN_END + r"[.!?][\"”’')\]]*$")

# What a problem calls for: written anew from words that mend it, or taken back.
MEND = ("attribution", "opinion", "modality", "dangling", "sensational")
# Problems whose mend is an opening that says whose it is ("Haas argues"), not a word in place
# of another (a dangling "He"'s name) or the article's own words (a modality's "could").
_OPENED = ("attribution", "opinion", "sensational")
DROP = SUPPORT | {"clutter", "fragment", "question", "repeat"}

class Judge(Protocol):
    """The sentence checker: sentence, part, the part's sentences before it, the title, how
    likely the sentence was to the model as it wrote it (None when unknown), and, for the
    summary, the key points (a summary's later sentence must not tell one again)."""

    def __call__(self, sentence: str, part: str, before: tuple, title: str, logprob: float | None,
                 points: tuple = ()) -> list[Problem]: ...


@dataclass
class Summary:
    """An answer as written: the title, the summary's sentences and the key points."""

    title: str = ""
    sentences: list[str] = field(default_factory=list)
    key_points: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the writer left out, for the user

    @property
    def summary(self) -> str:
        return " ".join(self.sentences)

    def form(self) -> str:
        return (f"{prompts.TITLE_LABEL} {self.title}\n{prompts.SUMMARY_LABEL} {self.summary}\n"
                f"{prompts.POINTS_LABEL}\n" + "".join(f"- {p}\n" for p in self.key_points))


@dataclass
class _Sentence:
    text: str
    how: str  # how the model stopped: "next" (began another), "line", "loop" or "budget"


class Writer:
    """One answer form, written by the model in `session` and checked by `judge`.
    `mend`: deterministic repairs of a finished sentence (years, names); `voices`: the
    voices the written sentences leave out; `emit`: progress for the user; `spare`: the key
    points of a long article's parts, offered where the model's own fall short."""

    def __init__(self, session: Session, judge: Judge, emit: Callable[..., None],
                 mend: Callable[[str, str], str] = lambda text, part: text,
                 voices: Callable[[list[str]], list[Voice]] = lambda written: [],
                 frame: str = "", length: prompts.Length = prompts.STANDARD, spare: tuple[str, ...] = (),
                 dotted: frozenset[str] = frozenset(),
                 untold: Callable[[list[str]], list[str]] = lambda written: []):
        self.s = session
        self.length = length
        self.untold = untold  # how to begin key points on what no written sentence tells
        self.dotted = dotted  # the article's names with a full stop inside ("ID. Buzz")
        self.spare = spare  # key points of the article's parts, checked there
        self.judge = judge
        self.emit = emit
        self.mend_text = mend
        self.missing_voices = voices
        self.frame = frame  # how an opinion piece's summary begins ("In an opinion column, ...")
        self.draft = Summary()
        self.trace: list[dict] = []  # every sentence judged, and what became of it
        self.logprobs: dict[str, float] = {}  # how likely each sentence kept was to the model
        # First words of key points taken back: the model's choice is the same every time
        # (greedy), so a point is begun otherwise after one was taken back.
        self._refused: set[str] = set()
        # Sentences taken back: when the model, begun otherwise, writes one of them again
        # (a word's first token may be one letter, which cannot be refused), asking again
        # would only give it once more.
        self._taken_back: set[tuple[str, str]] = set()
        self._field = ""  # the value being written, and where it began in the answer
        self._field_start = 0
        self.dropped = 0

    def run(self) -> Summary:
        self._title()
        self.s.feed(f"\n{prompts.POINTS_LABEL}")
        self._points()
        self.s.feed(f"\n{prompts.SUMMARY_LABEL}")
        self._summary()
        self.trace.extend(leave_out_told(self.draft, self.judge))
        self._show()
        return self.draft

    # -- the values --------------------------------------------------------------------

    def _title(self) -> None:
        start = len(self.s.text)
        self._begin("title", start)
        avoid: frozenset[str] = frozenset()
        # The written title with the least wrong, and the words its mend begins with.
        best: tuple[tuple[int, int], str, str] | None = None
        for attempt in range(TRIES):
            written = self._write(TITLE_TOKENS, start, whole_line=True, avoid_start=avoid)
            title = written.text.strip()
            fixed = self.mend_text(title, "title") if title else title
            if fixed != title:  # a name cut short, a shouted word: mended in place
                self.s.cut(start)
                self.s.feed(" " + fixed)
                title = fixed
            problems = self.judge(title, "title", (), "", None) if title else []
            verdict, fix = _verdict(problems, attempt)
            self._trace("title", title, problems, verdict)
            wrong = _wrongness(problems)
            if title and (best is None or wrong < best[0]):
                best = (wrong, title, next((p.fix for p in problems if p.kind in _OPENED and p.fix), ""))
            if verdict == "keep" or attempt == TRIES - 1 or not title:
                break
            self.s.cut(start)
            if verdict == "mend":
                self.s.feed(" " + fix)
            else:  # begun with none of the words tried ("We", then "Got", ...), nor a quote
                # mark: "'We Got Her!'", then "'Got Her!'" would quote the headline again
                avoid = avoid | ({_bare(title.split()[0])} - {""}) | ({title[0]} if title[0] in _QUOTE_MARKS else set())
        if best and best[2] and best[0] != (0, 0) and not _reports_first(best[1]):
            # Every try flagged: the least wrong one, told as whose it is ("Hiltzik argues"
            # before the column's own headline), when that is less wrong (and it tells no
            # one's words already: "Judge rules …" takes no second speaker before it).
            first, *rest = best[1].split(" ", 1)
            told = " ".join([best[2], first.lower() if first.lower() in STOPWORDS else first, *rest])
            problems = self.judge(told, "title", (), "", None)
            self._trace("title", told, problems, "splice")
            if (wrong := _wrongness(problems)) < best[0]:
                best = (wrong, told, "")
        if best and best[1] != self.s.text[start:].strip():  # the last try was worse
            self.s.cut(start)
            self.s.feed(" " + best[1])
        self.draft.title = self.s.text[start:].strip()

    def _summary(self) -> None:
        self._begin("summary", len(self.s.text))
        if self.frame:
            self.s.feed(" " + self.frame)
        while len(self.draft.sentences) < self.length.sentences:
            written = self._sentence("summary", tuple(self.draft.sentences))
            if written is None:
                break
            self.draft.sentences.append(written.text)
            if written.how != "next":
                break

    def _points(self) -> None:
        most, least = self.length.max_points, self.length.min_points
        room = most - min(VOICE_POINTS, len(self.missing_voices(self._written())))
        failed = 0  # key points taken back in a row: the model has no more to say
        while len(self.draft.key_points) < room and failed < FAILED_POINTS:
            if not self._point():
                failed += 1
                if len(self.draft.key_points) >= least:
                    break
                continue
            failed = 0
            if len(self.draft.key_points) >= least and not self._model_goes_on():
                break
        for voice in self.missing_voices(self._written())[:most - len(self.draft.key_points)]:
            self._point(begin=voice.opening)
        for point in spare_points(self.draft, self.spare, self.judge, least):
            self.s.feed(f"\n- {point}")
            self.draft.key_points.append(point)
            self.trace.append({"part": "point", "text": point, "verdict": "spare", "problems": [], "logprob": None})
        # A model that kept no key point (each try a repeat of its title's fact) is begun on
        # the article's other facts, as the article begins them. Only then: a point forced
        # from a few words reads worse than one fewer (on NeuS, "According to data regarding
        # the diversity of their staffs, the campaign's data comes from The Hill").
        if not self.draft.key_points:
            for opening in self.untold([self.draft.title, *self._written()])[:least]:
                if len(self.draft.key_points) >= least:
                    break
                self._point(begin=opening)
        if len(self.draft.key_points) < least:
            self.draft.notes.append(too_few(len(self.draft.key_points)))

    def _point(self, begin: str = "") -> bool:
        line = len(self.s.text)
        self.s.feed("\n-")
        self._begin("point", len(self.s.text))
        written = self._sentence("point", tuple(self.draft.key_points), begin)
        if written is None:
            self.s.cut(line)
            return False
        self.draft.key_points.append(written.text)
        return True

    def _model_goes_on(self) -> bool:
        """Whether the model would begin another key point (a "-" on the next line)."""
        mark = len(self.s.text)
        self.s.feed("\n")
        piece = self.s.propose()
        self.s.cut(mark)
        return piece is not None and piece.lstrip().startswith("-")

    # -- one sentence ------------------------------------------------------------------

    def _sentence(self, part: str, before: tuple[str, ...], begin: str = "") -> _Sentence | None:
        """One sentence of the summary, or a key point, checked and mended; None when it is
        taken back. `begin`: the words it begins with, written for the model."""
        start = len(self.s.text)
        opening = begin or (self.frame if part == "summary" and not before else "")
        if opening:
            self.s.feed(" " + opening)
        avoid = frozenset(self._refused) if part == "point" and not opening else frozenset()
        mended = False
        fallback = ""
        spliced = ""  # a sentence mended without the model, to judge as it is
        for attempt in range(TRIES):
            written = _Sentence(spliced, "line") if spliced else \
                self._write(SENTENCE_TOKENS, start, whole_line=False, avoid_start=avoid)
            spliced = ""
            text = written.text
            if (part, text) in self._taken_back and not opening and _bare(text.split()[0]) not in avoid:
                # Written again as it was taken back: begun with another word, even "The".
                self.s.cut(start)
                avoid = avoid | {_bare(text.split()[0])}
                continue
            kept_logprob = None
            if written.how == "loop" and (said := _before_loop(self.s.text, self._field_start, start)):
                # Gone round in circles: its whole clauses before it began again are its sentence.
                kept_logprob = self.s.logprob(start, start + 1 + len(said))
                self.s.cut(start)
                self.s.feed(" " + said)
                written = _Sentence(said, "line")
                text = said
            if written.how == "loop" or not text or (part, text) in self._taken_back:
                fallback = fallback or text
                break
            written_text = text
            logprob = self.s.logprob(start) if kept_logprob is None else kept_logprob
            if written.how == "budget" and (whole := _whole_clauses(text)) != text:
                # Cut short where its budget ran out, perhaps inside a number ("Now $64" of
                # "$649.99"): it says what it says up to its last whole clause.
                self.s.cut(start)
                self.s.feed(" " + whole)
                text = whole
            fixed = self.mend_text(text, part)
            if fixed != text:  # a year the article lacks, a name cut short: mended in place
                self.s.cut(start)
                self.s.feed(" " + fixed)
                text = fixed
            fallback = fallback or text
            problems = self.judge(text, part, before, self.draft.title, logprob, _told_points(self.draft, part))
            verdict, fix = _verdict(problems, TRIES - 1 if mended else attempt)
            self._trace(part, text, problems, verdict)
            if verdict == "keep":
                if logprob is not None:
                    self.logprobs[text] = logprob
                return _Sentence(text, written.how)
            if verdict != "mend":
                self._taken_back.add((part, written_text))
            if part == "summary" and before and verdict == "drop":
                break  # the summary ends before it
            self.s.cut(start)
            if verdict in ("mend", "splice"):
                self.s.feed(" " + fix)
                avoid = frozenset()  # the words after the mend's opening are free ("Ortiz said that the …")
                mended = True
                spliced = fix if verdict == "splice" else ""
                fallback = spliced or fallback  # whose it is, said: the better sentence to keep
                continue
            if opening:
                self.s.feed(" " + opening)
            # Begun differently: the model's choice is the same every time (greedy).
            first = text[len(opening):].split()[:1] if opening else text.split()[:1]
            refused = {_bare(w) for w in first}
            if part == "point":
                # Later points stay free to begin with "The": refusing it would refuse most.
                self._refused |= refused - {"the", "a", "an"}
            # (every word tried so far: "Trump's", then "President", then not "Trump's" again)
            avoid = frozenset(avoid | refused | (self._refused if part == "point" and not opening else set()))
        self.s.cut(start)
        self.dropped += 1
        if part == "summary" and not before and fallback:
            # A summary needs a sentence: the model's first one stays, flagged, rather than none.
            self.s.feed(" " + fallback)
            return _Sentence(fallback, "line")
        return None

    def _write(self, budget: int, start: int, whole_line: bool,
               avoid_start: frozenset[str] = frozenset()) -> _Sentence:
        """Let the model write on from the answer's position `start` until its line ends, its
        answer ends, the budget is spent, or (unless `whole_line`) it begins a new sentence."""
        how = "budget"
        for step in range(budget):
            line = self.s.text[start:]
            piece = self.s.propose(avoid_start if step == 0 else frozenset())
            if piece is None:
                how = "line"
                break
            if "\n" in piece:
                if not line.strip() and not piece.replace("\n", "").strip():
                    self.s.take()  # the value begins on the next line
                    continue
                rest = piece.split("\n", 1)[0]
                if rest.strip():
                    self.s.feed(rest)
                how = "line"
                break
            if not whole_line and piece[:1].isspace() and SENTENCE_END.search(line) \
                    and not piece.strip()[:1].islower() \
                    and not joined_at(line, piece, self.dotted):  # "symptoms, e.g. a cough", "ID. Buzz" go on
                how = "next"
                break
            self.s.take()
            self._show()
            if _loops(self.s.text, self._field_start):
                how = "loop"
                break
        return _Sentence(self.s.text[start:].strip(), how)

    def _trace(self, part: str, text: str, problems: list[Problem], verdict: str) -> None:
        self.trace.append({"part": part, "text": text, "verdict": verdict,
                           "problems": sorted({p.kind for p in problems}),
                           "logprob": self.s.logprob(len(self.s.text) - len(text) - 1)})

    # -- the draft as the user sees it --------------------------------------------------

    def _begin(self, name: str, start: int) -> None:
        self._field, self._field_start = name, start

    def _written(self) -> list[str]:
        return [*self.draft.sentences, *self.draft.key_points]

    def _show(self) -> None:
        current = self.s.text[self._field_start:].strip()
        title = current if self._field == "title" else self.draft.title
        summary = self.draft.summary
        points = list(self.draft.key_points)
        if self._field == "summary":
            summary = current
        elif self._field == "point":
            points.append(current)
        self.emit("draft", {"title": title, "summary": summary, "points": [p for p in points if p]})


def _told_points(draft: Summary, part: str) -> tuple[str, ...]:
    """What a sentence of `part` must not tell again besides its part's: for the summary, the
    key points."""
    return tuple(draft.key_points) if part == "summary" else ()


def leave_out_told(draft: Summary, judge: Judge) -> list[dict]:
    """Take out of the key points those that tell again what a sentence of the summary tells
    (its first may tell the main event, as the point the model wrote before it did) while
    another point stays: the reader has it just above, and a short article has no more facts
    for the form's number of points (a lead of three sentences, its summary one of them, cannot
    give three new ones). Not for a sentence kept flagged for what the article does not say (a
    summary needs one): the point is the sound one; nor for a point that gives a number the
    summary does not ("150 people returned" after "People returned"). Their trace."""
    if len(draft.key_points) <= 1:
        return []
    sound = tuple(s for n, s in enumerate(draft.sentences)
                  if not any(p.kind in SUPPORT for p in judge(s, "summary", tuple(draft.sentences[:n]), draft.title, None)))
    numbers = {value for s in sound for *_, value in number_values(s)}
    gone = []
    for point in list(draft.key_points):
        if len(draft.key_points) <= 1 or not sound:
            break
        if any(p.kind == "repeat" for p in judge(point, "point", sound, "", None)) \
                and {value for *_, value in number_values(point)} <= numbers:
            draft.key_points.remove(point)
            gone.append({"part": "point", "text": point, "verdict": "drop", "problems": ["repeat"], "logprob": None})
    return gone


def spare_points(draft: Summary, spare: tuple[str, ...], judge: Judge, least: int) -> list[str]:
    """Where the model's own key points fell short of `least` (joining the summaries of a
    long article's parts, it may find every point it begins a repeat of its title), the
    parts' key points, checked there, that are whole, new and clean next to the final title
    and points."""
    taken: list[str] = []
    for point in spare:
        if len(draft.key_points) + len(taken) >= least:
            break
        if _verdict(judge(point, "point", (*draft.key_points, *taken), draft.title, None), 0)[0] == "keep":
            taken.append(point)
    return taken


def _reports_first(text: str) -> bool:
    """Whether the text opens by saying who says it ("Judge rules …", "Ruiz says …"); not a
    forecast ("Prices expected to rise")."""
    said = claims.read(text)
    return bool(said.opening) and text.startswith(said.opening) and said.verb_kind in ("speech", "criticism", "praise")


def too_few(points: int) -> str:
    found = "no key point" if points == 0 else "only one key point" if points == 1 else f"only {points} key points"
    return f"The model found {found} that the article supports."


def _verdict(problems: list[Problem], attempt: int) -> tuple[str, str]:
    """What to do with a finished sentence: "keep" it, "splice" it (the words given are the
    sentence mended), "mend" it (begin it anew with the words given), write it "again" begun
    otherwise, or "drop" it."""
    kinds = {p.kind for p in problems}
    if kinds & DROP:
        return "drop", ""
    mendable = [p for p in problems if p.kind in MEND]
    if not mendable:
        return "keep", ""
    if attempt >= TRIES - 1:
        # Tried: what is left of an opinion or a dropped attribution goes; the rest stays flagged.
        return ("drop" if kinds & {"attribution", "opinion", "modality"} else "keep"), ""
    spliced = next((p.mended for p in mendable if p.mended), "")
    if spliced and {p.kind for p in mendable} <= {"attribution", "opinion"}:
        return "splice", spliced  # else the words behind it need mending too: the model writes them
    fix = next((p.fix for p in mendable if p.fix), "")
    if fix:
        return "mend", fix
    if kinds & {"attribution", "opinion", "modality"}:
        # No one to attribute it to, and written without its judging word a small model says
        # something else (a "popular" crackdown became a "positive" one): it goes.
        return "drop", ""
    if {p.kind for p in mendable} == {"dangling"} and not any(_first_word(p) for p in mendable):
        # Begun otherwise, the model would not name "the deal" or "these accusations" either:
        # the sentence stays, flagged, rather than a worse one in its place.
        return "keep", ""
    return "again", ""


def _whole_clauses(text: str) -> str:
    """A sentence cut short, up to its last comma ("A for $2, B for $3, C for $6" -> "A for
    $2, B for $3"); as it is when that leaves too little of it."""
    cut = text.rfind(", ")
    kept = text[:cut].rstrip() if cut > 0 else ""
    return kept if len(kept.split()) >= WHOLE_CLAUSE_WORDS else text


def _before_loop(text: str, field_start: int, start: int) -> str:
    """What the sentence from `start` says before it begins to write again what its value
    wrote (`_loops`), up to its last comma, and not ending in a clause about its subject
    ("The council, which met on Monday"); "" when that leaves too little of it."""
    again = LOOP_CHARS
    while again < len(text) - start and text.find(text[-again - 1:], field_start, len(text) - again - 1) >= 0:
        again += 1
    kept = text[start:len(text) - again].strip()
    while (cut := kept.rfind(", ")) > 0:
        kept = kept[:cut].rstrip()
        if not re.match(r"(?:which|who|whose|whom|where)\b", kept[kept.rfind(", ") + 2:] if ", " in kept else ""):
            return kept if len(kept.split()) >= WHOLE_CLAUSE_WORDS else ""
    return ""


def _wrongness(problems: list[Problem]) -> tuple[int, int]:
    """How wrong a sentence is, to compare tries: words the article does not support are worse
    than any number of flagged ones."""
    return sum(p.kind in DROP for p in problems), len(problems)


_QUOTE_MARKS = "\"“”'‘’«»„"


def _bare(word: str) -> str:
    """A first word as a word to refuse: without the quote mark or bracket before it, nor the
    marks after it ("won" of "'Won!':")."""
    found = re.match(r"\w+(?:['’-]\w+)*", word.lower().lstrip(_QUOTE_MARKS + "("))
    return found.group() if found else word.lower().strip(_QUOTE_MARKS + "(")


def _first_word(problem: Problem) -> bool:
    """Whether the problem is the sentence's first word ("He", "This"), which a sentence
    begun otherwise leaves out."""
    return problem.start <= 2 and len(problem.text.split()) == 1


def _loops(text: str, start: int, chars: int = LOOP_CHARS) -> bool:
    """Whether the last `chars` characters of the answer stand earlier in its value (or
    its key points) too: the model goes round in circles."""
    if len(text) - start < chars + 20:
        return False
    tail = text[-chars:]
    return text.find(tail, start, len(text) - chars) >= 0


# -- an answer written whole -------------------------------------------------------------

# A label with its value on the line ("**Title:** …"), or alone on its line ("## Summary").
_LABEL = re.compile(r"^[#*_\s]*(title|key points|summary)[*_\s]*(?::[*_\s]*(.*)|$)", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*•–]|\d+[.)])\s+(.*)$")


def _numbered(line: str) -> list[str]:
    """"1. One thing, 2. another." on one line: its items, where the numbers run 1, 2, 3…;
    [] when the line is not such a list (a "3." inside a point stays in it)."""
    if not re.match(r"1[.)]\s", line):
        return []
    cuts, number = [], 1
    for match in re.finditer(r"(?:^|[\s,;])(\d+)[.)]\s+", line):
        if int(match.group(1)) == number:
            cuts.append((match.start(), match.end()))
            number += 1
    if len(cuts) < 2:
        return []
    ends = [a for a, _ in cuts[1:]] + [len(line)]
    items = [line[b:e].strip(" ,;") for (_, b), e in zip(cuts, ends)]
    return [i if i[-1:] in ".!?\"”’)" else i + "." for i in items if i]


def parse_form(text: str) -> tuple[str, str, list[str]]:
    """The title, summary and key points of an answer form written by a model on its own:
    labels maybe in bold, as headings or without their colon, bullets as dashes, stars or
    numbers, a title maybe without its label; a paragraph of prose after a blank line, where
    no label says what it is, is the summary."""
    title, summary, points = "", [], []
    section, blank = "title", False
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            blank = True
            continue
        label = _LABEL.match(line)
        if label:
            section, blank = label.group(1).lower(), False
            line = (label.group(2) or "").strip()
            if not line:
                continue
        bullet = _BULLET.match(line)
        if section == "title" and not title and not bullet:
            title = line.strip("#*_ ")
        elif section == "summary" or (not bullet and blank and (points or title)):
            section = "summary"
            summary.append(bullet.group(1) if bullet else line)
        elif section == "key points" or bullet:
            section = "key points"
            items = _numbered(line)
            if items:
                points += items
            elif bullet:
                points.append(bullet.group(1).strip())
            elif points:
                points[-1] += " " + line
            else:
                points.append(line)
        blank = False
    return title, " ".join(summary).strip(), [p for p in points if p]


_ENDS = re.compile(r"[.!?][\"”’')\]]*(?=\s|$)")  # where a sentence may end


class WholeWriter:
    """An answer written whole by a model that takes no text from the writer (a server):
    streamed and shown as it grows, then parsed, and each sentence checked by `judge`.
    What the writer would take back is left out; what it would mend stays, flagged; an
    opinion piece's summary begins with `frame`; a title the article does not support gives
    way to `headline` (the page's own, checked in turn). The same attributes as `Writer`."""

    def __init__(self, session: Session, judge: Judge, emit: Callable[..., None],
                 mend: Callable[[str, str], str] = lambda text, part: text, frame: str = "",
                 headline: str = "", length: prompts.Length = prompts.STANDARD, spare: tuple[str, ...] = (),
                 dotted: frozenset[str] = frozenset()):
        self.s = session
        self.dotted = dotted
        self.headline = headline
        self.spare = spare
        self.length = length
        self.judge = judge
        self.emit = emit
        self.mend_text = mend
        self.frame = frame
        self.draft = Summary()
        self.trace: list[dict] = []
        self.logprobs: dict[str, float] = {}
        self.dropped = 0
        self._invented = False  # the sentence judged last says what the article does not

    def run(self) -> Summary:
        answer = ""
        for _ in range(answer_tokens(self.length)):
            if self.s.propose() is None:
                answer = self.s.text  # the model ended its answer
                break
            self.s.take()
            # Round in circles (a summary may repeat a key point's words, not a whole paragraph):
            # what it wrote before the loop is what it has to say.
            if _loops(self.s.text, 0, WHOLE_LOOP_CHARS):
                break
            title, summary, points = parse_form(self.s.text)
            self.emit("draft", {"title": title, "summary": summary, "points": points})
        # Cut short (a loop, the budget): its last sentence, unfinished, goes.
        answer = answer or self.s.text[:max((m.end() for m in _ENDS.finditer(self.s.text)), default=0)]
        title, summary, points = parse_form(answer)
        self.draft.title = self._title(title)
        for point in points[:self.length.max_points]:
            first = sentences(point, self.dotted)[0]  # a key point is one sentence
            kept = self._judged(point[first[0]:first[1]], "point", tuple(self.draft.key_points))
            if kept:
                self.draft.key_points.append(kept)
        for point in spare_points(self.draft, self.spare, self.judge, self.length.min_points):
            self.draft.key_points.append(point)
            self.trace.append({"part": "point", "text": point, "verdict": "spare", "problems": [], "logprob": None})
        spans = sentences(summary, self.dotted)
        for number, (a, b) in enumerate(spans[:self.length.sentences]):
            sentence = summary[a:b]
            if number == 0 and self.frame:
                sentence = _framed(sentence, self.frame)
            kept = self._judged(sentence, "summary", tuple(self.draft.sentences))
            if kept is None and not self.draft.sentences and not self._invented:
                kept = sentence  # a summary needs a sentence: the first stays, flagged
            elif kept is None:
                break  # the summary ends before it, as the writer would end it
            self.draft.sentences.append(kept)
        if not self.draft.sentences:
            self.draft.notes.append("The model's summary is missing or says what the article does not: "
                                    "it was left out; the key points stand." if summary else
                                    "The model wrote no summary, only a title and key points.")
        if self.dropped:
            self.draft.notes.append(f"{self.dropped} sentence(s) of the server's answer were left out: "
                                    "the checks found them unsupported or incomplete.")
        if len(self.draft.key_points) < self.length.min_points:
            self.draft.notes.append(too_few(len(self.draft.key_points)))
        self.trace.extend(leave_out_told(self.draft, self.judge))  # not too few: the summary tells them
        self.emit("draft", {"title": self.draft.title, "summary": self.draft.summary,
                            "points": list(self.draft.key_points)})
        return self.draft

    def _title(self, title: str) -> str:
        for candidate in (title, self.headline):
            candidate = self.mend_text(candidate, "title") if candidate else candidate
            if not candidate:
                continue
            problems = self.judge(candidate, "title", (), "", None)
            verdict = "drop" if {p.kind for p in problems} & DROP and candidate != self.headline else "keep"
            self.trace.append({"part": "title", "text": candidate, "verdict": verdict,
                               "problems": sorted({p.kind for p in problems}), "logprob": None})
            if verdict == "keep":
                return candidate
        return title

    def _judged(self, text: str, part: str, before: tuple[str, ...]) -> str | None:
        """The sentence, mended where that needs no model, or None when it is left out."""
        found = self.s.text.find(text[:40])
        logprob = self.s.logprob(found, found + len(text)) if found >= 0 else None
        text = self.mend_text(text, part)
        problems = self.judge(text, part, before, self.draft.title, logprob, _told_points(self.draft, part))
        verdict, _ = _verdict(problems, TRIES - 1)
        # Something the article does not say (a name, a number, a claim, a denial turned): never
        # kept as a fallback.
        self._invented = any(p.kind in SUPPORT for p in problems)
        self.trace.append({"part": part, "text": text, "verdict": verdict,
                           "problems": sorted({p.kind for p in problems}), "logprob": logprob})
        if verdict == "drop":
            self.dropped += 1
            return None
        if logprob is not None:
            self.logprobs[text] = logprob
        return text


def _framed(sentence: str, frame: str) -> str:
    """The first sentence of an opinion piece's summary told as its writer's view: "In an
    opinion column, Ana Ruiz argues that the plan …" ("The plan" in lower case, a name not)."""
    if sentence.lower().startswith(frame.lower()[:20]):
        return sentence
    first = sentence.split(maxsplit=1)[0] if sentence.split() else ""
    if first.lower() in STOPWORDS:
        sentence = sentence[0].lower() + sentence[1:]
    return f"{frame} {sentence}"
