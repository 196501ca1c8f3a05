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

from desktop.core import faithfulness, neutrality, prompts
from desktop.core.evidence import EvidenceFinder
from desktop.core.decoding import Decoder, RunStats, shared_start
from desktop.core.llm import LocalModel
from desktop.core.summary import MalformedOutput, parse
from desktop.core.text import content, norm, sentences

REWRITE_TOKENS = 96
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
    return found


def neutralize(model: LocalModel, answer: str, article: str, language: str | None,
               should_stop: Callable[[], bool], emit: Callable[..., None],
               stats: RunStats | None = None, speculative: bool = True) -> tuple[str, int]:
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

    def rewrite(sentence: str, issues: list[str], source: str) -> str:
        return _rewrite(Decoder(model, stats, start, should_stop, speculative), sentence, issues, source)

    flagged = sum(1 for text in [summary.title, summary.summary, *kept]
                  for a, b in sentences(text) if problems(text[a:b], index, text is summary.title))
    done = 0

    def mend(text: str, title: bool = False) -> str:
        nonlocal done
        out, last = [], 0
        for a, b in sentences(text):
            sentence = text[a:b]
            issues = problems(sentence, index, title)
            if issues:
                done += 1
                emit("checking", done, flagged)
                source = _source(finder, sentence)
                rewritten = rewrite(sentence, issues, source)
                sentence = _better(sentence, rewritten, index, title)
            out += [text[last:a], sentence]
            last = b
        out.append(text[last:])
        return neutrality.soften("".join(out))

    title = mend(summary.title, title=True)
    body = mend(summary.summary)
    points = [mend(p) for p in kept]
    # A key point still stating a name or number the article lacks goes too, if enough stay.
    faithful = [p for p in points if not faithfulness.check(p, index, wording=2.0)]
    if len(faithful) >= prompts.MIN_POINTS:
        points = faithful
    answer = (f"{prompts.TITLE_LABEL} {title}\n{prompts.SUMMARY_LABEL} {body}\n"
              f"{prompts.POINTS_LABEL}\n" + "".join(f"- {p}\n" for p in points))
    return answer, len(summary.key_points) - len(points)


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
    if not new or new.endswith(":") or len(new.split()) > 1.5 * len(old.split()) + 10:
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


def _rewrite(decoder: Decoder, sentence: str, issues: list[str], source: str) -> str:
    """The model's one-line rewrite of the sentence, greedily."""
    model = decoder.model

    def prompt(sentence: str, issues: list[str], source: str) -> list[int]:
        chat = prompts.rewrite_messages(sentence, issues, source)
        return model.tokenize(model.chat_prompt(chat), whole_prompt=True)

    fixed = shared_start(prompt("A", ["a"], "a"), prompt("B", ["b"], "b"))
    decoder.read(prompt(sentence, issues, source), fixed)
    text = codecs.getincrementaldecoder("utf-8")(errors="replace")
    line = ""
    for _ in range(REWRITE_TOKENS):
        token = decoder.next()
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
