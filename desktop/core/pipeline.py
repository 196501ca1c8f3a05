"""From an article to a checked summary: the passes, in order.

1. input: the article, read once (`desktop.core.input.article`): its sentences and who says
   what in them, its genre and writer, the voices a summary must keep.
2. model: the prompt, article first, read once per pass; the model reads the article with
   the loaded modifiers that can go without changing a fact already taken out. Where nothing
   told what kind of text it is, the model is first asked (its answers share that reading).
3. writing: the answer form filled in sentence by sentence, each checked and mended as soon
   as it ends (`desktop.core.writing.form`); a server's model writes it whole, and then each
   sentence is checked. A long article is read in parts (map), whose
   summaries are then joined (reduce).
4. checks: the finished summary reviewed with the same checker (`desktop.core.checks`); a
   sentence that joins words the article keeps apart is first put to the model as a yes-no
   question (a model whose answers were measured).
The note (`desktop.core.note`) is made of the result by whoever shows or saves it.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Callable

from desktop.core.checks import sentence as checker
from desktop.core.checks import support
from desktop.core.checks.evidence import Evidence
from desktop.core.checks.review import Flag, Review, review
from desktop.core.input import genre as genres
from desktop.core.input.article import Article, missing_voices, untold_openings
from desktop.core.input.read import word_count
from desktop.core.language import lexicon
from desktop.core.model import Cancelled, Model, RunStats
from desktop.core.language.text import language_of, sentences, starts_sentence, text_scripts
from desktop.core.writing import prompts
from desktop.core.writing.form import Summary, WholeWriter, Writer, answer_tokens


@dataclass
class Result:
    summary: Summary
    review: Review
    stats: RunStats
    parts: int  # passes of the model that read the article itself
    coverage: float  # share of the article's words that the model read
    trace: list = field(default_factory=list)  # each sentence the writer judged, and its fate
    genre: genres.Genre | None = None  # what kind of text it was summarized as
    checked: bool = True  # False: stopped before the model was asked about every sentence


def run(model: Model, article: Article, language: str | None,
        should_stop: Callable[[], bool], emit: Callable[..., None],
        length: prompts.Length = prompts.STANDARD) -> Result:
    """Summarize the article in one pass when it fits the model's context, else in parts.
    The summary is in the article's language, or in `language`; then it cannot be compared
    with the article word for word, and only its names, numbers and form are checked. It is
    as long as `length` asks."""
    stats = RunStats()
    start = time.perf_counter()
    asked, length = length, fitting(model, length)
    read_before = stats.prompt_tokens
    article = read_genre(model, article, language, asked, stats, should_stop,
                         lambda done, total: emit("reading", done, total))
    told_reading = stats.prompt_tokens > read_before  # the questions read the article, and said so
    ctx = checker.Context(article)
    compare = language is None
    english = article.english and compare
    language = language or own_language(article)
    avoid = (lexicon.avoidable_words() | prompts.example_words(article.text)) if english else frozenset()
    # A quote copies the article: a word the article never uses cannot be in one either.
    quotable = avoid & {w.lower() for w in re.findall(r"[\w’'-]+", article.text)}
    genre = article.genre

    def in_article_language(text: str) -> bool:
        """Whether a written sentence is in the article's language, so that its words can be
        compared with the article's (a small model asked for another language may write
        English all the same; a sentence of a few words is too short to tell)."""
        return english or len(text.split()) < 5 or language_of(text) == article.language

    def judge(sentence: str, part: str, before: tuple, title: str, logprob: float | None, points: tuple = ()):
        return checker.check(sentence, part, ctx, before, title,
                             compare and in_article_language(sentence), logprob, points=points)

    def mend(text: str, part: str) -> str:
        return _mend(text, part, ctx) if compare else text

    def voices(written: list[str]):
        return missing_voices(article, written, lambda s: ctx.evidence(s).spans) if english else []

    def untold(written: list[str]):
        return untold_openings(article, written, lambda s: ctx.evidence(s).spans) if english else []

    frame = checker.frame(ctx) if english else ""

    trace: list[dict] = []
    logprobs: dict[str, float] = {}

    # A summary in the article's language is written in its scripts (and the form's Latin).
    scripts = text_scripts(article.text) | {"LATIN"} if compare else None

    spare: list[str] = []  # the key points of a long article's parts

    def write(prompt: prompts.Prompt, final: bool = True) -> Summary:
        nonlocal told_reading  # what is left of the first prompt is read without a word
        progress = None if told_reading else (lambda done, total: emit("reading", done, total))
        told_reading = False
        session = model.session(prompt, stats, start, should_stop, avoid, progress, scripts, quotable)

        def emit_draft(kind, *rest):  # a draft says whether it is the article's summary
            emit(kind, {**rest[0], "final": final}) if kind == "draft" else emit(kind, *rest)
        if model.writes_into:
            writer = Writer(session, judge, emit_draft, mend, voices if final else (lambda w: []),
                            frame if final else "", length, tuple(spare) if final else (), article.dotted,
                            untold if final else (lambda w: []))
        else:  # a server: the answer is written whole, then checked
            writer = WholeWriter(session, judge, emit_draft, mend, frame if final else "",
                                 article.headline if final else "", length, tuple(spare) if final else (),
                                 article.dotted)
        summary = writer.run()
        trace.extend(writer.trace)
        logprobs.update(writer.logprobs)
        return summary

    text = model_text(article)
    room = model.n_ctx - answer_tokens(length)
    whole = prompts.summary_prompt(text, language, genre, length)
    if model.prompt_tokens(whole) <= room:
        summary, parts, coverage = write(whole), 1, 1.0
    else:
        pieces = _parts(model, text, language, genre, length)
        answers = []
        for number, piece in enumerate(pieces, 1):
            emit("part", number, len(pieces))
            written = write(prompts.part_prompt(piece, number, len(pieces), language, genre, length), final=False)
            answers.append(written.form())
            spare.extend(written.key_points)
        while True:
            emit("part", 0, len(pieces))  # 0: joining the parts
            combine = prompts.combine_prompt(answers, language, genre, length)
            if model.prompt_tokens(combine) <= room:
                summary = write(combine)
                break
            # So many parts that their answers do not fit at once: join them in groups first.
            overhead = model.prompt_tokens(prompts.combine_prompt([""], language, genre, length))
            groups = split_parts(model, "\n\n".join(answers), room - overhead)
            if len(groups) >= len(answers):  # joining no longer shortens them: never loop
                raise ContextTooSmall("The summaries of this article's parts do not fit the "
                                      "model's context; pick a model with a larger context.")
            answers = [write(prompts.combine_prompt([g], language, genre, length), final=False).form()
                       for g in groups]
        parts = len(pieces)
        coverage = round(sum(word_count(p) for p in pieces) / max(1, word_count(text)), 4)
    summary = _finish(summary, english, article.text, checker.full_names(article))
    if length != asked:
        summary.notes.append(f"This model's context is too small for a {asked.name} summary: "
                             f"a {length.name} one was written.")
    if compare and not in_article_language(" ".join([summary.title, *summary.sentences])):
        compare = False
        summary.notes.append(f"The model wrote in another language than the article's "
                             f"({article.language or 'not known'}): only names, numbers and the "
                             "form could be checked.")
    doubted, checked = _doubted(model, text, ctx, summary, stats, should_stop, emit) \
        if compare and parts == 1 else (set(), True)
    if not checked:
        summary.notes.append("Stopped while the model was asked about the note: the sentences it "
                             "was not asked about were checked by the rules alone.")
    result = review(summary.title, summary.summary, summary.key_points, ctx, compare, logprobs, doubted)
    stats.total_seconds = time.perf_counter() - start
    return Result(summary, result, stats, parts, coverage, trace, article.genre, checked)


def _doubted(model: Model, text: str, ctx: checker.Context, summary: Summary, stats: RunStats,
             should_stop: Callable[[], bool], emit: Callable[..., None]) -> tuple[set[str], bool]:
    """The sentences and key points that the model, asked whether the article (`text`, as it
    read it) says them, doubts: asked of those that join words the article keeps apart, by a
    model whose answers were measured (its `support_odds`). Each question reads only itself.
    The note is written by then: a Stop ends the questions, not the note (False: not all
    were asked)."""
    if model.support_odds is None:
        return set(), True
    # The summary's sentences as the review reads them (split again from its text).
    told = [("summary", summary.summary[a:b]) for a, b in sentences(summary.summary, ctx.article.dotted)] + \
        [("point", p) for p in summary.key_points]
    asked = [s for part, s in told if checker.worth_asking(s, part, ctx)]
    doubted: set[str] = set()
    for number, sentence in enumerate(asked):
        emit("checking", number, len(asked))
        try:
            question = prompts.support_prompt(text, checker.asked_of(sentence, ctx))
            if model.odds(question, stats, should_stop) < model.support_odds:
                doubted.add(sentence)
        except Cancelled:
            return doubted, False
    return doubted, True


def read_genre(model: Model, article: Article, language: str | None, length: prompts.Length,
               stats: RunStats, should_stop: Callable[[], bool],
               progress: Callable[[int, int], None] | None = None) -> Article:
    """The article with the genre its writing has to the model, where nothing on the page or in
    its style told and the model's answers have been measured (its `genre_odds`). The
    questions follow the article as the summary's prompt does, so that one reading of it
    serves both; `progress` is told of that reading."""
    text = genre_question_text(model, article, language, length) if model.genre_odds is not None else None
    if text is None:
        return article
    odds = reading_odds(model, text, stats, should_stop, progress)
    return replace(article, genre=genres.from_reading(article.genre, odds, model.genre_odds))


def genre_question_text(model: Model, article: Article, language: str | None,
                        length: prompts.Length = prompts.STANDARD) -> str | None:
    """The text the model is asked about its genre: the article, when nothing told its genre
    and it is as the model's answers were measured (English, read in one pass: the first
    part of a long one reads otherwise); None when it is not asked."""
    if not article.english or not genres.worth_reading(article.genre, len(article.sentences)):
        return None
    # Whole as the kind it may become, whose task is longer: else its summary goes in parts.
    read_as = replace(article, genre=genres.from_reading(article.genre, math.inf, 0.0))
    text = first_prompt(model, read_as, language, length).article
    return text if text == model_text(article).strip() else None


def reading_odds(model: Model, text: str, stats: RunStats, should_stop: Callable[[], bool],
                 progress: Callable[[int, int], None] | None = None) -> float:
    """How much more the model reads the text as its writer's views than as a news report: the
    genre questions' log odds, added up with their signs. The first question reads the text
    (and tells `progress`); the others only themselves."""
    return sum(sign * model.odds(prompts.question_prompt(text, question), stats, should_stop,
                                 progress if n == 0 else None)
               for n, (question, sign) in enumerate(prompts.GENRE_QUESTIONS))


MIN_ARTICLE_TOKENS = 256  # a part of a long article smaller than this is no part


class ContextTooSmall(Exception):
    """The model cannot hold the rules, a part of an article and an answer at once."""


def _needed(model: Model, length: prompts.Length) -> int:
    """The context a model needs for the rules, a part of an article and an answer at once."""
    return model.prompt_tokens(prompts.combine_prompt([""], length=length)) + MIN_ARTICLE_TOKENS + \
        answer_tokens(length)


def fitting(model: Model, length: prompts.Length) -> prompts.Length:
    """`length`, or the longest shorter one when the model's context cannot hold its answer."""
    shorter = [l for l in prompts.LENGTHS.values() if answer_tokens(l) <= answer_tokens(length)]
    for candidate in sorted(shorter, key=answer_tokens, reverse=True):
        if _needed(model, candidate) <= model.n_ctx:
            return candidate
    return length


def check_room(model: Model) -> None:
    """Refuse a model that cannot hold a standard summary's rules, article part and answer."""
    needed = _needed(model, prompts.STANDARD)
    if model.n_ctx < needed:
        raise ContextTooSmall(f"This model's context holds {model.n_ctx} tokens; Neutral Brief "
                              f"needs at least {needed}. Pick another model.")


def first_prompt(model: Model, article: Article, language: str | None,
                 length: prompts.Length = prompts.STANDARD) -> prompts.Prompt:
    """The prompt the model reads first for this article (the whole of it, or its first
    part): what can be read ahead while the user has not asked for the summary yet."""
    language = language or own_language(article)
    length = fitting(model, length)
    text = model_text(article)
    whole = prompts.summary_prompt(text, language, article.genre, length)
    if model.prompt_tokens(whole) <= model.n_ctx - answer_tokens(length):
        return whole
    pieces = _parts(model, text, language, article.genre, length)
    return prompts.part_prompt(pieces[0], 1, len(pieces), language, article.genre, length)


def own_language(article: Article) -> str | None:
    """The language a prompt names when none is asked for: a non-English article's own, since
    a small model told to write "in the language of the article" writes English."""
    return None if article.english or not article.language else article.language


def _parts(model: Model, text: str, language: str | None, genre, length: prompts.Length) -> list[str]:
    overhead = model.prompt_tokens(prompts.part_prompt("", 99, 99, language, genre, length))
    return split_parts(model, text, model.n_ctx - answer_tokens(length) - overhead)


def model_text(article: Article) -> str:
    """The article as the model reads it: without the loaded modifiers that can go without
    changing a fact (a small model copies what it reads)."""
    return lexicon.soften(article.text) if article.english else article.text


def to_data(result: Result) -> dict:
    """The result as plain data (JSON), to send between processes and to store."""
    return asdict(result)


def from_data(data: dict) -> Result:
    """The result back from `to_data`; KeyError or TypeError when it is not one."""
    review = data["review"]
    return Result(
        summary=Summary(**data["summary"]),
        review=Review(flags=[Flag(**f) for f in review["flags"]],
                      evidence=[Evidence(tuple(tuple(s) for s in e["spans"]), e["score"],
                                         tuple(e["main"]) if e["main"] else None)
                                for e in review["evidence"]]),
        stats=RunStats(**data["stats"]), parts=data["parts"], coverage=data["coverage"],
        trace=data.get("trace", []), genre=genres.Genre(**data["genre"]) if data.get("genre") else None,
        checked=data.get("checked", True))


def _mend(text: str, part: str, ctx: checker.Context) -> str:
    """What can be mended in a sentence without the model: a year the article lacks goes
    where the sentence stays whole, a clause the article does not say goes from its end, the
    speaker of the article's sentence it retells is written before it (in place of a heading
    the model made its label), a name cut short is
    written whole, a shouted word in a title is written in plain case, a number the article
    gives as an estimate ("about 12") keeps its word."""
    text = support.with_estimates(support.without_unsupported_years(text, ctx.index), ctx.index)
    if part != "title" and ctx.article.english and (tail := checker.invented_tail(text, ctx)):
        text = text[:len(text) - len(tail)].rstrip(" ,;") + "."
    unlabelled = _without_heading(text, ctx.article.text)
    spoken = checker.with_speaker(unlabelled, part, ctx)
    text = spoken if spoken != unlabelled else text
    for problem in reversed(checker.check_names(text, ctx)):
        text = text[:problem.start] + problem.fix + text[problem.end:]
    if part == "title":
        for problem in reversed([p for p in checker.check(text, "title", ctx) if p.kind == "sensational"
                                 and p.text.isupper() and p.text.isalpha()]):
            text = text[:problem.start] + _plain_case(problem.text, problem.start == 0, ctx.article.text) \
                + text[problem.end:]
    return text


def _without_heading(text: str, article: str) -> str:
    """The sentence without a heading of the article that the model made its label
    ("Funding: The city pays …" where "Funding" is a line of its own), for a speaker to be
    written before it: not "… said that funding: the city pays …". (Without a speaker the label
    stays: a heading may tell where or what the rest is about, "Georgia: Warnock leads".)"""
    match = _LABEL.match(text)
    if match and not lexicon.reporting_pattern().search(match.group(1)) and \
            re.search(rf"(?:^|\n)[ \t]*{re.escape(match.group(1))}[ \t]*:?[ \t]*(?:\n|$)", article, re.IGNORECASE):
        return text[match.end():]
    return text


def _plain_case(word: str, first: bool, article: str) -> str:
    """A shouted word in lower case, or as a name the article writes it ("Polygraph" of
    "POLYGRAPH", where the article never has "polygraph"); a title's first word capitalized."""
    found = [m.group() for m in re.finditer(rf"\b{re.escape(word)}\b", article, re.IGNORECASE)
             if not starts_sentence(article, m.start())]  # a sentence's first word says nothing
    named = [w for w in found if not w.isupper()]
    plain = named[0] if named and not any(w.islower() for w in found) else word.lower()
    return plain[:1].upper() + plain[1:] if first else plain


def _finish(summary: Summary, english: bool, article: str, names: dict[str, str] | None = None) -> Summary:
    """The loaded modifiers that can go without changing a fact are dropped; stock tickers and
    a dateline the model copied from `article` go; every sentence and key point ends as a
    sentence does; a person first named by surname alone is named in full (`names`, from
    `checker.full_names`)."""
    def tidy(text: str) -> str:
        text = lexicon.soften(text) if english else text
        text = _AN_NUMBER.sub(lambda m: m.group(1) + "n", text) if english else text
        text = re.sub(r"\s+", " ", checker.TICKER.sub("", text)).replace(" ,", ",").replace(" .", ".").strip()
        return _LIST_MARK.sub("", text)  # a summary the model began as a list item ("- The council …")

    def ended(text: str) -> str:
        return _ended(_lower_after_that(_without_dateline(tidy(text), article), article))

    points = _without_shared_label([ended(p) for p in summary.key_points], article)
    names = names or {}
    return Summary(tidy(summary.title), checker.with_names_in_full([ended(s) for s in summary.sentences], names),
                   checker.with_names_in_full(points, names), summary.notes)


_LIST_MARK = re.compile(r"^(?:[-*•–]\s+)+")  # the marks form._BULLET reads, without its numbers ("1. FC Köln")

# A page's label before its items' headlines: "Daily Deals: ", "LIVE: ".
_LABEL = re.compile(r"^([^\W\d][\w'’&-]*(?:\s+[\w'’&-]+){0,2}):\s+(?=[\w“\"$£€])")


def _without_shared_label(points: list[str], article: str) -> list[str]:
    """The key points without the label more than one of them begins with, where the article
    too begins more than one of its lines or sentences with it (a list of headlines: "Daily
    Deals: Apple Watch for $169"): it tells no fact. A speaker's ("Ruiz said:") stays."""
    labels = [m.group(1) if (m := _LABEL.match(p)) else "" for p in points]
    shared = {label for label in labels if label and labels.count(label) >= 2
              and len(re.findall(rf"(?:^|[\n.!?]\s*){re.escape(label)}:", article)) >= 2
              and not lexicon.reporting_pattern().search(label)}
    return [_capitalized(p[len(label) + 1:].lstrip()) if label in shared else p
            for p, label in zip(points, labels)]


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


# "a" before a number said with a vowel first: "an 8-year-old", "an 11%", "an 18,000-seat"
# (not "a 110" or "a 1,800").
_AN_NUMBER = re.compile(r"\b([Aa])(?= (?:8|1[18](?![\d.])|1[18],\d{3}))")


# A wire story's dateline: "New York, NY – ", "LONDON (Reuters) — ".
_DATELINE = re.compile(r"^((?:(?:[A-Z][\w.'-]*\s){0,3}[A-Z][\w.'-]*,(?:\s[A-Z][\w.]*){1,3}|[A-Z]{3,}(?:\s[A-Z]{3,})*)"
                       r"\s*(?:\([^)]{1,25}\))?)\s*[–—-]{1,2}\s+(?=[A-Z0-9“\"])")


def _without_dateline(text: str, article: str) -> str:
    """The sentence without the dateline it begins with, when the article begins a paragraph
    with it: a name and a title before a dash ("Ana Ruiz, Mayor – …") or "NATO — Russia talks"
    are no dateline."""
    match = _DATELINE.match(text)
    if match and re.search(rf"(?:^|\n)\s*{re.escape(match.group(1))}\s*[–—-]", article):
        return text[match.end():]
    return text


def _lower_after_that(text: str, article: str) -> str:
    """A word after "that" in small letters when the article writes it so inside its sentences
    and never in capitals there: "argues that Former President ..." -> "that former President"
    (a name, "that Google ...", keeps its capital)."""
    def lower(match: re.Match) -> str:
        word = match.group(1)
        small = re.search(rf"\b{word.lower()}\b", article)
        capital = re.search(rf"[a-z,] {word}\b", article)  # inside a sentence
        return f"that {word.lower()}" if small and not capital else match.group()
    return re.sub(r"\bthat ([A-Z][a-z]+)\b", lower, text)


_END_MARKS = ".!?…。！？।؟"
_QUOTE_CLOSERS = "\"”」』"  # a full stop goes before these; after a bracket


def _ended(text: str) -> str:
    """A sentence or key point as the others are: its open quote closed, and a full stop where
    it has no end mark ("Viera won 70-44" -> "Viera won 70-44.") or an exclamation mark of its
    own; Thai, which uses none, as it is."""
    text = re.sub(r"([.!?])\s+([\"”])$", r"\1\2", text)  # "… scale. \"" -> "… scale.\""
    if text.endswith("!") and not lexicon.inside(len(text) - 1, lexicon.quoted_spans(text)):
        text = text[:-1] + "."  # the page's excitement, not the news: "… discounted right now."
    text = re.sub(r"\s*[,;:–—-]+$", "", text) if not re.search(r"[\u0370-\u03ff]", text) else text
    if not text or re.search(r"[\u0e00-\u0e7f]$", text):
        return text
    last = max(text.rfind('"'), text.rfind("“"), text.rfind("”"))
    if last >= 0 and text[last] == "“":
        text += "”"
    elif last >= 0 and text[last] == '"' and text.count('"') % 2 and (
            last == 0 or text[last - 1] in " ([—–") and text[last + 1:last + 2].strip():
        text += '"'  # an opening quote: at the start or after a space, before a word; not an inch's mark
    body = text.rstrip(_QUOTE_CLOSERS)
    if re.search(rf"[{_END_MARKS}]$|[\u0370-\u03ff][;.]$", body) or re.search(rf"[{_END_MARKS}][)\]]$", body):
        return text
    mark = "。" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff」』）】]$", body) else "."
    return body + mark + text[len(body):]


def split_parts(model: Model, text: str, budget: int) -> list[str]:
    """Consecutive parts of at most `budget` tokens, cut between paragraphs where possible,
    else between sentences, else between words (or characters, for text without spaces)."""
    parts: list[str] = []
    current: list[str] = []
    used = 0
    for piece in _pieces(model, text, budget):
        size = model.count(piece) + 2  # and the blank line between pieces
        if current and used + size > budget:
            parts.append("\n\n".join(current))
            current, used = [], 0
        current.append(piece)
        used += size
    if current:
        parts.append("\n\n".join(current))
    return parts


def _pieces(model: Model, text: str, budget: int):
    for paragraph in (p.strip() for p in re.split(r"\n+", text)):
        if not paragraph:
            continue
        if model.count(paragraph) + 2 <= budget:
            yield paragraph
            continue
        for sentence in re.split(r"(?<=[.!?。！？])\s*", paragraph):
            if model.count(sentence) + 2 <= budget:
                yield sentence
                continue
            words = sentence.split()
            if len(words) <= 1:  # no spaces (Chinese, Japanese): cut between characters
                words, joiner = list(sentence), ""
            else:
                joiner = " "
            step = max(1, budget // 3)  # a word is rarely more than 3 tokens
            yield from (joiner.join(words[i:i + step]) for i in range(0, len(words), step))
