"""The second pass, in the worker process: key points the article does not support go;
sentences with loaded or unattributed wording, or a name, number or quote the article lacks,
are rewritten by the model; loaded modifiers that can go without changing a fact are dropped;
key points still stating what the article lacks go (as long as enough points stay).

A rewrite is kept only when it has fewer problems than the sentence it replaces, keeps most of
its meaningful words, and brings no name, number or quote that the article lacks.
"""

from __future__ import annotations

import codecs
import re
import time
from typing import Callable

from desktop.core import faithfulness, neutrality, prompts, voices
from desktop.core.evidence import EvidenceFinder
from desktop.core.decoding import Decoder, RunStats, shared_start
from desktop.core.llm import LocalModel
from desktop.core.summary import MalformedOutput, parse
from desktop.core.text import content, norm, sentences

REWRITE_TOKENS = 96
REWRITE_ROUNDS = 2  # rewrites of one sentence at most
KEEP_WORDS = 0.6  # share of a sentence's meaningful words that its rewrite must keep


def problems(sentence: str, index: faithfulness.ArticleIndex, title: bool = False) -> list[str]:
    """What is wrong with a sentence, in words the model can act on."""
    found = [f'"{h.text}" is loaded ({h.term.category}); leave it out or use a plain word.'
             for h in neutrality.loaded(sentence) if h.term.action == "flag"]
    for _, _, hit in neutrality.unattributed(sentence):
        if hit.term.category == "speech":
            found.append(f'"{hit.text}" shows these are someone\'s own words: say who said them.')
        else:
            found.append(f'"{hit.text}" is a judgement: say who made it, or leave it out.')
    for f in faithfulness.check(sentence, index, wording=2.0, title=title):  # no wording flags
        found.append(f'"{f.text.strip()}" is not in the article: leave it out.')
    if pronoun := _PRONOUN_SPEAKS.match(sentence):
        found.append(f'"{pronoun.group(1)}" does not say who: name the speaker, as the article does.')
    return found


# "He said ..." in a summary: the reader cannot tell who, since the sentence before it in the
# article (which named them) is not in the summary.
_PRONOUN_SPEAKS = re.compile(r"\s*(He|She|They)\s+(?:\w+\s+){0,2}?(?:said|says|added|stated|told|"
                             r"wrote|argued|claimed|called|described)\b")


def neutralize(model: LocalModel, answer: str, article: str, language: str | None,
               should_stop: Callable[[], bool], emit: Callable[..., None],
               stats: RunStats | None = None, speculative: bool = False) -> tuple[str, int]:
    """The answer form with its flagged sentences rewritten and loaded modifiers dropped, and
    how many unsupported key points were left out. A summary in another language than the
    article's (`language` given) cannot be compared with it word for word: it stays as is."""
    try:
        summary = parse(answer)
    except MalformedOutput:
        return answer, 0  # the engine reports it; nothing to mend
    if language:
        return answer, 0
    index = faithfulness.ArticleIndex(article)
    finder = EvidenceFinder(article)
    # A key point that no sentence of the article supports is most likely made up: it goes,
    # as long as enough points stay (otherwise the window marks it).
    supported = [p for p in summary.key_points if finder.find(p).supported]
    kept = supported if len(supported) >= prompts.MIN_POINTS else summary.key_points
    stats = stats or RunStats()
    start = time.perf_counter()

    def decoder() -> Decoder:
        return Decoder(model, stats, start, should_stop, speculative)

    # A small model's key points often repeat its summary's sentences: each is rewritten once.
    # Years the article lacks go first where they can: surer than a rewrite.
    title, body, *kept = [faithfulness.without_unsupported_years(text, index)
                          for text in [summary.title, summary.summary, *kept]]
    flagged = len({(text[a:b], i == 0) for i, text in enumerate([title, body, *kept])
                   for a, b in sentences(text) if problems(text[a:b], index, i == 0)})
    rewritten: dict[tuple[str, bool], str] = {}

    def mend(text: str, title: bool = False) -> str:
        out, last = [], 0
        for a, b in sentences(text):
            sentence = text[a:b]
            if (sentence, title) not in rewritten and problems(sentence, index, title):
                emit("checking", len(rewritten) + 1, flagged)
                rewritten[sentence, title] = rewrite(sentence, title)
            sentence = rewritten.get((sentence, title), sentence)
            out += [text[last:a], sentence]
            last = b
        out.append(text[last:])
        return neutrality.soften("".join(out))

    def rewrite(sentence: str, title: bool) -> str:
        # A small model tends to copy the sentence as it was: the loaded words are kept out of
        # its rewrite (judgements are to be attributed, not dropped), and a rewrite that still
        # has a problem is rewritten once more.
        avoid: set[str] = set()
        original, source = sentence, _source(finder, sentence)
        for _ in range(REWRITE_ROUNDS):
            issues = problems(sentence, index, title)
            if not issues:
                break
            avoid |= _first_words(neutrality.loaded(sentence))
            chat = prompts.rewrite_messages(sentence, issues, source)
            twin = prompts.rewrite_messages("A", ["a"], "a")
            candidate = _write_line(decoder(), chat, twin, avoid=avoid)
            # A loaded word or judgement of the model's own ("deadly" made "dangerous") is
            # kept out of the next round; this round's rewrite is not taken.
            if brought := _judging_words(candidate) - _judging_words(original):
                avoid |= brought
                continue
            # Better than the last round, and still keeping the original sentence's facts.
            if (_better(original, candidate, index, title) != candidate
                    or len(problems(candidate, index, title)) >= len(issues)):
                break
            sentence = candidate
        return sentence

    title = mend(title, title=True)
    body = _faithful_sentences(mend(body), index)
    points = [mend(p) for p in kept]
    # A key point still stating a name or number the article lacks goes too, if enough stay.
    faithful = [p for p in points if not faithfulness.check(p, index, wording=2.0)]
    if len(faithful) >= prompts.MIN_POINTS:
        points = faithful
    dropped = len(summary.key_points) - len(points)
    # Criticism, a condition or thanks that the summary left out gets a key point of its own.
    left_out = voices.missing(article, [body, *points], finder)
    added = []
    for done, voice in enumerate(left_out, len(rewritten) + 1):
        emit("checking", done, len(rewritten) + len(left_out))
        point = _voice_point(decoder(), voice, article, index, finder)
        if point:
            added.append(point)
    points = _make_room(points, prompts.MAX_POINTS - len(added), article, finder) + added
    answer = (f"{prompts.TITLE_LABEL} {title}\n{prompts.SUMMARY_LABEL} {body}\n"
              f"{prompts.POINTS_LABEL}\n" + "".join(f"- {p}\n" for p in points))
    return answer, dropped


def _make_room(points: list[str], room: int, article: str, finder: EvidenceFinder) -> list[str]:
    """At most `room` of the points: a voice the summary left out matters more than the
    list's last points, but not more than a point that reports another voice."""
    spans = {v.span for v in voices.voices(article) if v.kind != "speech"}
    kept = list(points)
    for point in reversed(points):
        if len(kept) > room and not spans & set(finder.find(point).spans):
            kept.remove(point)
    return kept[:room]


def _judging_words(text: str) -> set[str]:
    """The text's loaded words and unattributed judgements (see `_first_words`); not the
    first person ("us" would keep the model from writing "US")."""
    judged = [h for _, _, h in neutrality.unattributed(text) if h.term.category != "speech"]
    return _first_words([*neutrality.loaded(text), *judged])


def _first_words(hits: list[neutrality.Hit]) -> set[str]:
    """The hits' first words in lower case, without a joining hyphen ("mega" of the prefix
    "mega-"): what the model is kept from writing."""
    return {h.text.split()[0].lower().rstrip("-") for h in hits}


def _faithful_sentences(text: str, index: faithfulness.ArticleIndex) -> str:
    """The summary without its sentences that still state a name or number the article lacks
    (the rewrite did not mend them), as long as one sentence stays."""
    spans = sentences(text)
    keep = [(a, b) for a, b in spans if not faithfulness.check(text[a:b], index, wording=2.0)]
    if not keep or len(keep) == len(spans):
        return text
    return " ".join(text[a:b] for a, b in keep)


VOICE_WORDS = 40  # a longer key point is no key point
QUOTE_RUN = 5  # words of a quote in a row that a key point repeats: the quote repeated
QUOTE_MARKS = '"“”„«»‘'  # opening ones (and straight); "’" is also an apostrophe


def _voice_point(decoder: Decoder, voice: voices.Voice, article: str,
                 index: faithfulness.ArticleIndex, finder: EvidenceFinder) -> str:
    """A key point reporting this voice: the model's, when it is faithful and about the
    voice's sentence (and for a condition, says what it asks for), else the sentence itself
    when it is short and plain; else nothing."""
    sentence = article[voice.span[0]:voice.span[1]].strip()

    def fits(point: str) -> bool:
        return (0 < len(point.split()) <= VOICE_WORDS and not problems(point, index)
                and not neutrality.loaded(_unquoted(point))
                and voice.span in finder.find(point).spans
                and set(content(voice.asks)[:3]) <= set(content(point))
                and not _repeats_a_quote(point, sentence))

    # Begun as the article begins it ("Rubio said"), so that it says who. The sentence's
    # loaded words that `soften` cannot drop are kept out of the model's choice: those it
    # flags, and quoted ones ("our mega-prison"); then so are quotation marks (an exact
    # quote would need the word).
    outside = neutrality.loaded(sentence)
    quoted = _first_words(neutrality.loaded(_unquoted(sentence))) - _first_words(outside)
    avoid = _first_words([h for h in outside if h.term.action == "flag"]) | quoted
    chat = prompts.voice_messages(sentence, voice.speaker, unquoted=bool(quoted))
    twin = prompts.voice_messages("A", "a")
    begin = voice.opening[:1].upper() + voice.opening[1:]
    written = neutrality.soften(_write_line(decoder, chat, twin, begin,
                                            avoid | set(QUOTE_MARKS) if quoted else avoid))
    if fits(written):
        return written
    plain = neutrality.soften(sentence)
    return plain if fits(plain) else ""


def _unquoted(text: str) -> str:
    """The text with its quotation marks blanked out, so that the words inside count."""
    for a, b in neutrality.quoted_spans(text):
        text = f"{text[:a]} {text[a + 1:b - 1]} {text[b:]}"
    return text


def _repeats_a_quote(point: str, sentence: str) -> bool:
    """Whether the point repeats words the sentence quotes (a whole quote of three words or
    more, or QUOTE_RUN of them in a row) as its own: without quotation marks, and not as
    reported speech ("adding that they are willing ...")."""
    def words(text: str) -> str:
        return " ".join(re.findall(r"\w+", text.lower()))

    outside = point
    for a, b in reversed(neutrality.quoted_spans(point)):
        outside = f"{outside[:a]} … {outside[b:]}"
    said = words(outside)
    for a, b in neutrality.quoted_spans(sentence):
        quote = words(sentence[a:b]).split()
        runs = [quote] if 3 <= len(quote) < QUOTE_RUN else [
            quote[i:i + QUOTE_RUN] for i in range(len(quote) - QUOTE_RUN + 1)]
        for run in runs:
            found = re.search(rf"\b{' '.join(run)}\b", said)
            if found and not _REPORTED.search(said[:found.start()]):
                return True
    return False


# Reported speech: a speaking verb, then "that" ("Bukele said that ...").
_REPORTED = re.compile(r"\b(?:said|says|saying|added|adding|stated|stating|told|wrote|argued|"
                       r"arguing|announced|warned|insisted)\b.*\bthat\b")


SOURCE_CHARS = 1500  # room in the context for what the article says there


def _source(finder: EvidenceFinder, sentence: str) -> str:
    """The article's sentences behind this one, and the sentence before them (which often
    names the "he" or "she" who speaks)."""
    spans = finder.find(sentence).spans or finder.best(sentence)
    if not spans:
        return ""
    first = finder.spans.index(spans[0])
    if first > 0:
        spans = (finder.spans[first - 1], *spans)
    return " ".join(finder.article[a:b] for a, b in spans)[-SOURCE_CHARS:]


def _better(old: str, new: str, index: faithfulness.ArticleIndex, title: bool = False) -> str:
    """The rewrite when it is better: fewer problems, most of the old sentence's meaningful
    words kept (not "Here is the sentence:"), and no new name, number or quote."""
    if (not new or new.endswith(":") or len(new.split()) > 1.5 * len(old.split()) + 10
            or len(new.split()) < len(old.split()) / 2):  # a fragment ("The Red Hand gang.")
        return old
    if len(problems(new, index, title)) >= len(problems(old, index, title)):
        return old
    problem_words = [h.text for h in neutrality.find(old)]
    problem_words += [f.text for f in faithfulness.check(old, index, wording=2.0, title=title)]
    flagged = {norm(w) for text in problem_words for w in re.findall(r"\w+", text)}
    wanted = set(content(old)) - flagged
    if wanted and len(wanted & set(content(new))) < KEEP_WORDS * len(wanted):
        return old
    known = {(f.kind, f.text) for f in faithfulness.check(old, index, wording=2.0)}
    added = [f for f in faithfulness.check(new, index, wording=2.0) if (f.kind, f.text) not in known]
    return old if added else new


def _write_line(decoder: Decoder, chat: list[dict[str, str]], twin: list[dict[str, str]],
                begin: str = "", avoid: set[str] | None = None) -> str:
    """The model's one-line answer to the chat, greedily, beginning with `begin` (written for
    it) and without the words in `avoid`; empty when cut off. `twin` is a chat of the same
    kind about something else: what they share (the rules, the ask) is evaluated once."""
    model = decoder.model

    def prompt(chat: list[dict[str, str]]) -> list[int]:
        return model.tokenize(model.chat_prompt(chat), whole_prompt=True)

    tokens = prompt(chat)
    decoder.speculative = decoder.speculative and not avoid  # each avoided token would redo a draft
    decoder.read(tokens, shared_start(tokens, prompt(twin)))
    if begin:
        decoder.feed(model.tokenize(begin))
    text = codecs.getincrementaldecoder("utf-8")(errors="replace")
    line = begin
    for _ in range(REWRITE_TOKENS):
        token = decoder.next(avoid)
        if model.is_end(token):
            break
        line += text.decode(model.piece(token))
        if "\n" in line.strip():
            break
        decoder.accept(token)
    else:
        return ""  # cut off: not a whole sentence
    line = line.strip().split("\n")[0].strip()
    if line.count('"') == 2 and line.startswith('"') and line.endswith('"'):
        line = line[1:-1]  # the model quoted its whole answer
    return line
