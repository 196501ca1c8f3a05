"""How neutral and faithful the summaries are, and how well the checks judge.

    .venv/bin/python benchmarks/quality.py pages [--model default] [--keys all|dev|held|KEY...]
        [--save DIR] [--notes DIR]
    .venv/bin/python benchmarks/quality.py neus [--model default] [--items 40] [--save DIR]
    .venv/bin/python benchmarks/quality.py summeval [--with-model]
    .venv/bin/python benchmarks/quality.py doubts [--model default] [--keys all|dev|held|KEY...]
    .venv/bin/python benchmarks/quality.py genre [--model default] [--keys all|dev|held|KEY...]
        [--record]

pages: the real web pages of ../shared/eval/pages/ (news reports, opinion, analysis, reviews,
  fact checks and more, none written here), read and cleaned as the app does, summarized
  through the engine. For each note: the genre found (against our labels in
  benchmarks/labels/pages.json), the checks' counts (opinions told as fact, claims without
  whose they are, possibilities told as fact, sentences without support...), and the key
  points that are fragments, repeats (of another point, or of the summary), or lose their
  evidence's attribution; and how much of each summary is copied (its words in runs of
  COPIED_RUN words the article has too). `--notes DIR`
  scores notes saved earlier (as Markdown, for instance by an older version of the app)
  with today's checks instead of summarizing; `--save DIR` keeps the notes, the writer's
  trace and the run's times and tokens (`stats`). "dev" are the pages whose key begins with
  0-7 (looked at while building), "held" the others. With benchmarks/labels/sentences.json
  (sentences of notes, labelled by a reader), the checks' precision and recall against those
  labels, each page read as the app reads it: with the genre the default model gave it
  (benchmarks/labels/readings.json).
neus: the first lead of each of the first N lines of ../shared/eval/neus-val.source, and the
  same measures for the NeuS neutral references (AllSides editors) as a comparison point.
summeval: the sentence checker's verdict on the machine summaries of ../shared/eval/summeval.json
  against the expert labels: balanced accuracy (a summary is predicted consistent when no
  sentence of it has a problem of support: unsupported, number, name, quote or negation).
  With the words alone, and with the model too (`--with-model`): each sentence's mean
  log-probability after the article, as if the model were writing it in a key point (as the
  app does); and as the app checks a finished note (`as_the_app`): the words, and the model's
  answer to whether the article says a sentence (`prompts.support_prompt`) where the sentence
  joins words the article keeps apart (`worth_asking`), doubted under the model's
  `support_odds`, with the marks around it half by half (the likelihood left out).
doubts: the model asked of each labelled summary sentence and key point whether its article
  says it, where the page is read in one pass. How its log odds of yes part the sentences a
  reader found unsupported from the others, per half, what it would add to the words' check at
  some marks, and the unsupported check's precision and recall as the app runs it.
genre: where the model is asked about a labelled page (`pipeline.genre_question_text`: its
  markers and its style tell no genre, it is English and read in one pass), its reading
  (`pipeline.reading_odds`) against the labels, for dev and held pages: the highest odds of a news report and the lowest of a piece
  of another kind, and what the model's `genre_odds` in models/registry.toml makes of them.
  `--record` keeps the default model's readings in benchmarks/labels/readings.json, for the
  checks' precision and recall (the pages mode runs without a model there).

Prints JSON.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import statistics
import sys
import time
from dataclasses import asdict, replace
from functools import cache
from pathlib import Path

from desktop.core import pipeline
from desktop.core.checks import sentence as checker
from desktop.core.checks import support
from desktop.core.checks.review import Review, review
from desktop.core.engine import Done, Engine
from desktop.core.input import genre as genre_mod
from desktop.core.input import read
from desktop.core.input.article import Article
from desktop.core.input.clean import clean
from desktop.core.language import claims
from desktop.core.language.text import content, sentences
from desktop.core.model import RunStats, registry
from desktop.core.writing import prompts
from desktop.core.writing.form import answer_tokens

ROOT = Path(__file__).resolve().parent
EVAL = ROOT.parents[1] / "shared" / "eval"
PAGES = EVAL / "pages"
LABELS = ROOT / "labels"
SUPPORT_KINDS = checker.SUPPORT
MEDIAN_WORDS = (400, 900)  # the pages whose time is reported as the median


# -- pages ----------------------------------------------------------------------------------

def page_article(key: str) -> Article:
    html = gzip.decompress((PAGES / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
    source = read.from_html(html, url=_truth()[key]["url"])
    cleaned = clean(source.text)
    return Article.build(read.check(cleaned.text), source, cleaned)


def _truth() -> dict:
    return json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))


def page_keys(choice: list[str]) -> list[str]:
    keys = sorted(_truth())
    if choice in (["all"], []):
        return keys
    if choice == ["dev"]:
        return [k for k in keys if k[0] in "01234567"]
    if choice == ["held"]:
        return [k for k in keys if k[0] not in "01234567"]
    return choice


def note_fields(text: str) -> tuple[str, str, list[str]]:
    """Title, summary and key points of a saved Markdown note."""
    body = text.split("---\n", 2)[-1]
    title = re.search(r"^# (.*)$", body, re.M).group(1).strip()
    summary = re.search(r"## Summary\n\n(.*?)\n\n## Key points", body, re.S).group(1).strip()
    points_block = re.search(r"## Key points\n\n(.*?)(?:\n\n\[\^|\Z)", body, re.S).group(1)
    points = [re.sub(r"\s*\[\^\d+\]$|\s*\*\(no supporting.*\)\*$", "", line[2:]).strip()
              for line in points_block.splitlines() if line.startswith("- ")]
    return title, summary, points


def _retells_speech(point: str, source) -> bool:
    """Whether a key point retells what its source's speaker says rather than the writer's
    words around the report ("Amid new threats to test a bomb in the Pacific, Trump tweeted
    that …": the threats are the writer's to tell); when the speech cannot be told apart, it
    counts as retold."""
    speech = checker.spoken(source)
    if speech is None:
        return True
    mine, theirs = set(content(point)), set(content(speech))
    return len(mine & theirs) >= len(mine & (set(content(source.text)) - theirs))


def says_whose(sentence: str) -> bool:
    """Whether a sentence says whose claim it tells, or who found it ("A study found", "The
    poll shows"), or names whose a clause of it is ("…, with some calling for unity")."""
    claim = claims.read(sentence)
    return claim.attributed or bool(claim.speakers) or checker.found_by(claim)


def measure(article: Article, title: str, summary: str, points: list[str], result: Review) -> dict:
    """One note's figures: its checks' counts and its key points' defects."""
    ctx = checker.Context(article)
    counts = result.counts()
    flagged_points = {(f.index, f.kind) for f in result.flags if f.part == "point"}
    lost = lost_speech = 0
    for point in points:  # key points whose evidence is attributed and that do not say whose
        evidence = ctx.evidence(point)
        said = says_whose(point) or point.lower().startswith("in an")
        if evidence.main and article.at(evidence.main).claim.attributed and not said:
            lost += 1
            lost_speech += _retells_speech(point, article.at(evidence.main))
    n_sentences = len(sentences(summary)) + len(points)
    said_above = tuple(summary[a:b] for a, b in sentences(summary))
    return {
        "genre": article.genre.kind,
        "words": read.word_count(article.text),
        "sentences": n_sentences,
        "key_points": len(points),
        "counts": counts,
        "flags": [f"{f.part}{f.index if f.part == 'point' else ''} {f.kind}: {f.text[:70]}"
                  for f in result.flags],
        "point_fragments": sum(1 for i in range(len(points)) if (i, "fragment") in flagged_points),
        "point_repeats": sum(1 for i in range(len(points)) if (i, "repeat") in flagged_points),
        # key points that tell again what a sentence of the summary above them tells
        "points_told_in_summary": sum(1 for p in points if any(
            f.kind == "repeat" for f in checker.check(p, "point", ctx, said_above))),
        "summary_copied": copied_share(summary, article.text),
        "points_losing_attribution": lost,
        "points_losing_speech_attribution": lost_speech,
        "clean": result.clean,
    }


COPIED_RUN = 8  # words in a row the summary and the article share: copied, not condensed


def copied_share(summary: str, article: str) -> float:
    """The share of the summary's words that stand in a run of COPIED_RUN or more words the
    article has too, in the same order: how much of it is copied rather than condensed."""
    def tokens(text: str) -> list[str]:
        return re.findall(r"[\w’'-]+", text.lower())

    mine, theirs = tokens(summary), tokens(article)
    runs = {tuple(theirs[i:i + COPIED_RUN]) for i in range(len(theirs) - COPIED_RUN + 1)}
    copied = set()
    for i in range(len(mine) - COPIED_RUN + 1):
        if tuple(mine[i:i + COPIED_RUN]) in runs:
            copied.update(range(i, i + COPIED_RUN))
    return round(len(copied) / len(mine), 3) if mine else 0.0


def summarize_pages(keys: list[str], model_name: str, save: Path | None) -> list[dict]:
    model = registry.resolve(model_name)
    engine = Engine(reuse_answers=False)
    rows = []
    try:
        for n, key in enumerate(keys, 1):
            article = page_article(key)
            t0 = time.perf_counter()
            done = next(e for e in engine.summarize(article, model) if isinstance(e, Done))
            seconds = time.perf_counter() - t0
            s, article = done.summary, done.article  # of the genre it was summarized as
            row = {"key": key, "seconds": round(seconds, 1),
                   **measure(article, s.title, s.summary, s.key_points, done.review)}
            rows.append(row)
            if save:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{key}.json").write_text(json.dumps(
                    {"title": s.title, "summary": s.summary, "points": s.key_points,
                     "notes": s.notes, "trace": done.result.trace, "genre": article.genre.kind,
                     "author": article.genre.author, "seconds": seconds,
                     "stats": asdict(done.result.stats)}, indent=1), encoding="utf-8")
            print(f"{n}/{len(keys)} {key} {seconds:.1f}s {article.genre.kind}: {s.title}",
                  file=sys.stderr, flush=True)
    finally:
        engine.close()
    return rows


def score_notes(keys: list[str], folder: Path) -> list[dict]:
    rows = []
    for key in keys:
        path, saved = folder / f"{key}.md", folder / f"{key}.json"  # a note, or what --save keeps
        if path.exists():
            title, summary, points = note_fields(path.read_text(encoding="utf-8"))
        elif saved.exists():
            data = json.loads(saved.read_text(encoding="utf-8"))
            title, summary, points = data["title"], data["summary"], data["points"]
        else:
            continue
        article = page_article(key)
        result = review(title, summary, points, checker.Context(article))
        rows.append({"key": key, **measure(article, title, summary, points, result)})
    return rows


def page_report(rows: list[dict]) -> dict:
    labels = _labels()
    genre_rows = [r for r in rows if r["key"] in labels]
    confusion: dict[str, dict[str, int]] = {}
    for r in genre_rows:
        truth = labels[r["key"]]["genre"]
        if r["genre"] == "blog post":  # our name for what the labels call other
            r = {**r, "genre": "other"}
        confusion.setdefault(truth, {}).setdefault(r["genre"], 0)
        confusion[truth][r["genre"]] += 1
    opinion = {"opinion column", "editorial", "analysis", "review", "fact check"}
    found_opinion = [r for r in genre_rows if r["genre"] in opinion]
    true_opinion = [r for r in genre_rows if labels[r["key"]]["genre"] in opinion]
    both = [r for r in found_opinion if labels[r["key"]]["genre"] in opinion]
    points = sum(r["key_points"] for r in rows) or 1
    totals = {name: sum(r["counts"][name] for r in rows) for name in rows[0]["counts"]} if rows else {}
    timed = [r["seconds"] for r in rows if "seconds" in r and MEDIAN_WORDS[0] <= r["words"] <= MEDIAN_WORDS[1]]
    return {
        "notes": len(rows),
        "notes_clean": sum(1 for r in rows if r["clean"]),
        "sentences": sum(r["sentences"] for r in rows),
        "key_points": sum(r["key_points"] for r in rows),
        "check_counts": totals,
        "key_point_fragments": round(sum(r["point_fragments"] for r in rows) / points, 3),
        "key_point_repeats": round(sum(r["point_repeats"] for r in rows) / points, 3),
        "key_points_told_in_summary": round(sum(r.get("points_told_in_summary", 0) for r in rows) / points, 3),
        # how much the summaries copy: their words in runs of COPIED_RUN words the article has
        "summary_words_copied_median": round(statistics.median(r["summary_copied"] for r in rows), 3),
        "summaries_mostly_copied": sum(1 for r in rows if r["summary_copied"] > 0.5),
        "key_points_losing_attribution": round(sum(r["points_losing_attribution"] for r in rows) / points, 3),
        # of those, the points that retell the speaker's words, not the writer's around the report
        "key_points_losing_speech_attribution": round(sum(r.get("points_losing_speech_attribution", 0)
                                                          for r in rows) / points, 3),
        "genre_accuracy": round(sum(1 for r in genre_rows if r["genre"].replace("blog post", "other")
                                    == labels[r["key"]]["genre"]) / max(1, len(genre_rows)), 3),
        "opinion_pieces_found": {"precision": round(len(both) / max(1, len(found_opinion)), 3),
                                 "recall": round(len(both) / max(1, len(true_opinion)), 3)},
        "genre_confusion": confusion,
        "median_seconds_400_900_words": round(statistics.median(timed), 1) if timed else None,
        "check_accuracy": check_accuracy(),
    }


def _labels() -> dict:
    path = LABELS / "pages.json"
    return json.loads(path.read_text(encoding="utf-8"))["pages"] if path.exists() else {}


CHECKED = ("opinion", "attribution", "modality", "unsupported", "dangling", "fragment")


def check_accuracy() -> dict:
    """Precision and recall of each check against sentences of notes labelled by a reader
    (benchmarks/labels/sentences.json: the page, the sentence, its part, and the problems a
    careful reader finds in it): over all of them, over the pages of the "dev" and "held"
    halves (the checks were last tuned looking at errors on dev pages only), and on the
    sample a second reader labelled, against each reader. The two readers scored against
    each other show how far careful readers agree: the ceiling for a check."""
    path = LABELS / "sentences.json"
    if not path.exists():
        return {}
    labelled = json.loads(path.read_text(encoding="utf-8"))["sentences"]
    contexts: dict[str, checker.Context] = {}
    guesses = []
    for at, item in enumerate(labelled):
        if item["key"] not in contexts:
            contexts[item["key"]] = checker.Context(read_as_the_app(item["key"]))
        kinds = {p.kind for p in checker.check(item["text"], item["part"], contexts[item["key"]],
                                               _summary_before(labelled, at), logprob=item.get("logprob"))}
        guesses.append({kind for kind in CHECKED
                        if kind in kinds or (kind == "unsupported" and bool(kinds & SUPPORT_KINDS))})
    truths = [set(item["problems"]) for item in labelled]
    held = set(page_keys(["held"]))
    report = {"all": _scores(guesses, truths),
              "dev": _scores(*_where(guesses, truths, labelled, lambda k: k not in held)),
              "held": _scores(*_where(guesses, truths, labelled, lambda k: k in held))}
    second = LABELS / "sentences_second_reading.json"
    if second.exists():
        sample = json.loads(second.read_text(encoding="utf-8"))["sentences"]
        if any(labelled[s["index"]]["text"] != s["text"] for s in sample):
            raise SystemExit("sentences_second_reading.json does not match sentences.json")
        theirs = [set(s["problems"]) for s in sample]
        report["second_reader_sample"] = {
            "checks_vs_first_reader": _scores([guesses[s["index"]] for s in sample], [truths[s["index"]] for s in sample]),
            "checks_vs_second_reader": _scores([guesses[s["index"]] for s in sample], theirs),
            "first_reader_vs_second": _scores([truths[s["index"]] for s in sample], theirs),
        }
    return report


def _summary_before(labelled: list[dict], at: int) -> tuple[str, ...]:
    """The sentences of the same summary before this one: a summary's sentences are listed
    together, in the order written, and each is read after the ones before it, as in the note.
    (Two drafts' summaries listed next to each other read as one: 5 such pairs, none with a
    problem that depends on it. A key point is read on its own, as the readers labelled it;
    the app also has the title and the points before it.)"""
    if labelled[at]["part"] != "summary":
        return ()
    start = at
    while start and labelled[start - 1]["part"] == "summary" and labelled[start - 1]["key"] == labelled[at]["key"]:
        start -= 1
    return tuple(item["text"] for item in labelled[start:at])


READINGS = LABELS / "readings.json"


def read_as_the_app(key: str) -> Article:
    """A page's article with the genre the app gives it: where the model was asked how it
    reads (`quality.py genre --record`, with the default model), its answer counts as in
    `pipeline.read_genre`."""
    article = page_article(key)
    kept = _readings()
    odds = kept.get("odds", {}).get(key)
    return article if odds is None else replace(
        article, genre=genre_mod.from_reading(article.genre, odds, kept["genre_odds"]))


@cache
def _readings() -> dict:
    if not READINGS.exists():
        return {}
    kept = json.loads(READINGS.read_text(encoding="utf-8"))
    if kept["model_sha256"] != registry.resolve("default").sha256:
        raise SystemExit(f"{READINGS.name} holds another model's readings: run quality.py genre --record")
    return kept


def _where(guesses: list[set], truths: list[set], labelled: list[dict], keep) -> tuple[list, list]:
    chosen = [i for i, item in enumerate(labelled) if keep(item["key"])]
    return [guesses[i] for i in chosen], [truths[i] for i in chosen]


def _scores(guesses: list[set], truths: list[set]) -> dict:
    """Per kind: how many the truth has, how many were guessed, precision and recall."""
    report = {}
    for kind in CHECKED:
        tp = sum(1 for g, t in zip(guesses, truths) if kind in g and kind in t)
        guessed = sum(1 for g in guesses if kind in g)
        true = sum(1 for t in truths if kind in t)
        report[kind] = {"labelled_problems": true, "flagged": guessed,
                        "precision": round(tp / max(1, guessed), 3), "recall": round(tp / max(1, true), 3)}
    return report


# -- NeuS -----------------------------------------------------------------------------------

def leads(line: str) -> list[tuple[str, str]]:
    """(title, text) of each lead on a NeuS line."""
    found = []
    for lead in line.split(" [SEP] "):
        match = re.match(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", lead, re.S)
        if match:
            found.append((match.group(1).strip(), match.group(2).strip()))
    return found


def lead_figures(title: str, summary: str, points: list[str], result: Review, ctx: checker.Context) -> dict:
    """Issue 4's figures for one summary: loaded words, names, numbers and attribution."""
    parts = [title, summary, *points]
    words = max(1, sum(len(p.split()) for p in parts))
    loaded = [f for f in result.flags if f.kind == "loaded"]
    names = sum(len(support.names(p, ctx.index, i == 0)) for i, p in enumerate(parts))
    return {
        "summary_words": words,
        "introduced": sum(1 for f in loaded if not f.copied),
        "copied": sum(1 for f in loaded if f.copied),
        "names": names,
        "unsupported_names": sum(1 for f in result.flags if f.kind == "name"),
        "unsupported_numbers": sum(1 for f in result.flags if f.kind == "number"),
        "article_attributes": any(s.claim.attributed for s in ctx.article.sentences),
        "attributes": any(says_whose(p[a:b]) for p in parts for a, b in sentences(p)),
        "opinions_as_fact": sum(1 for f in result.flags if f.kind == "opinion"),
    }


def lead_averages(rows: list[dict]) -> dict:
    """The same averages as issue 4's closing note, to compare with it."""
    attributing = [r for r in rows if r["article_attributes"]]
    return {
        "share_with_introduced_loaded_term": round(sum(1 for r in rows if r["introduced"]) / len(rows), 3),
        "introduced_loaded_per_100_words": round(statistics.mean(100 * r["introduced"] / r["summary_words"] for r in rows), 3),
        "copied_loaded_per_100_words": round(statistics.mean(100 * r["copied"] / r["summary_words"] for r in rows), 3),
        "entity_precision": round(1 - sum(r["unsupported_names"] for r in rows) / max(1, sum(r["names"] for r in rows)), 3),
        "share_with_unsupported_number": round(sum(1 for r in rows if r["unsupported_numbers"]) / len(rows), 3),
        # Of the leads that attribute something to someone, the share of summaries that do too.
        "attributions_kept": round(sum(1 for r in attributing if r["attributes"]) / max(1, len(attributing)), 3),
        "opinions_as_fact_per_summary": round(statistics.mean(r["opinions_as_fact"] for r in rows), 3),
    }


def neus(items: int, model_name: str, save: Path | None) -> dict:
    lines = (EVAL / "neus-val.source").read_text(encoding="utf-8").splitlines()[:items]
    targets = (EVAL / "neus-val.target").read_text(encoding="utf-8").splitlines()[:items]
    model = registry.resolve(model_name)
    engine = Engine(reuse_answers=False)
    rows, references, seconds = [], [], []
    try:
        for n, line in enumerate(lines, 1):
            article = Article.build(clean(leads(line)[0][1]).text)
            t0 = time.perf_counter()
            done = next(e for e in engine.summarize(article, model) if isinstance(e, Done))
            seconds.append(time.perf_counter() - t0)
            s, article = done.summary, done.article
            rows.append({"key": str(n), **measure(article, s.title, s.summary, s.key_points, done.review),
                         **lead_figures(s.title, s.summary, s.key_points, done.review, checker.Context(article))})
            if save:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"neus-{n}.json").write_text(json.dumps(pipeline.to_data(done.result)), encoding="utf-8")
            print(f"{n}/{len(lines)} {seconds[-1]:.1f}s {s.title}", file=sys.stderr, flush=True)
    finally:
        engine.close()
    for line, target in zip(lines, targets):
        article = Article.build("\n\n".join(f"{t}. {text}" for t, text in leads(line)))
        title, text = leads(target)[0]
        result = review(title, text, [], checker.Context(article))
        references.append({"key": "ref", **measure(article, title, text, [], result),
                           **lead_figures(title, text, [], result, checker.Context(article))})
    return {"summaries": page_report(rows) | lead_averages(rows)
            | {"median_seconds": round(statistics.median(seconds), 1)},
            "neus_references": {"check_counts": page_report(references)["check_counts"],
                                "notes": len(references)} | lead_averages(references)}


# -- genre, as the model reads it -------------------------------------------------------------

def genre_reading(keys: list[str], model_name: str, record: bool) -> dict:
    from desktop.core.model.llama import LocalModel
    from desktop.core.model.session import Local

    chosen = registry.resolve(model_name)
    if record and (chosen.sha256 != registry.resolve("default").sha256 or keys != page_keys(["all"])
                   or chosen.genre_odds is None):
        raise SystemExit("--record keeps the default model's readings of all pages (and its genre_odds)")
    model = Local(LocalModel(chosen.path), genre_odds=chosen.genre_odds)
    labels = _labels()
    rows = []
    for key in keys:
        article = page_article(key)
        text = pipeline.genre_question_text(model, article, None)
        if key not in labels or text is None:
            continue
        t0 = time.perf_counter()
        odds = pipeline.reading_odds(model, text, RunStats(), lambda: False)
        rows.append({"key": key, "label": labels[key]["genre"], "odds": round(odds, 2),
                     "seconds": round(time.perf_counter() - t0, 1),
                     "read_as": genre_mod.from_reading(article.genre, odds, chosen.genre_odds).kind
                     if chosen.genre_odds is not None else ""})
        print(f"{key} {rows[-1]}", file=sys.stderr, flush=True)
    report = {}
    for part, keep in (("dev", lambda k: k[0] in "01234567"), ("held", lambda k: k[0] not in "01234567")):
        mine = [r for r in rows if keep(r["key"])]
        news = [r["odds"] for r in mine if r["label"] == "news report"]
        other = [r["odds"] for r in mine if r["label"] != "news report"]
        report[part] = {"pages_asked": len(mine), "news_reports": len(news),
                        "highest_news_report": max(news, default=None),
                        "other_kinds": len(other), "lowest_other_kind": min(other, default=None)}
        if chosen.genre_odds is not None:
            report[part] |= {"news_read_as_opinion": sum(1 for o in news if o >= chosen.genre_odds),
                             "others_read_as_opinion": sum(1 for o in other if o >= chosen.genre_odds)}
    if record:
        READINGS.write_text(json.dumps(
            {"_about": "The default model's genre readings (log odds) of the pages it is asked "
                       "about, written by `quality.py genre --record`.",
             "model_sha256": chosen.sha256, "genre_odds": chosen.genre_odds,
             "odds": {r["key"]: r["odds"] for r in rows}}, indent=1) + "\n", encoding="utf-8")
    return {"genre_odds": chosen.genre_odds, **report, "per_page": rows}


# -- the model asked whether the article says it, of every labelled sentence ----------------------
# (the app asks only of a sentence that joins words the article keeps apart: `worth_asking`)

MARKS = (0.0, 0.5, 1.0, 1.5, 2.0)


def asked_odds(model, text: str, sentence: str) -> float:
    """The model's log odds that the article (`text`, read once) says the sentence."""
    return model.odds(prompts.support_prompt(text, sentence), RunStats(), lambda: False)


def doubts(keys: list[str], model_name: str) -> dict:
    """The model's answers on the labelled sentences: those the words pass that it doubts,
    mark by mark; and the unsupported check's precision and recall as the app runs it (the
    model asked only where `worth_asking`, doubting under its `support_odds`)."""
    from desktop.core.model.llama import LocalModel
    from desktop.core.model.session import Local

    chosen = registry.resolve(model_name)
    model = Local(LocalModel(chosen.path))
    labelled = json.loads((LABELS / "sentences.json").read_text(encoding="utf-8"))["sentences"]
    held = set(page_keys(["held"]))
    rows = []  # (held, unsupported by the reader, passed by the words, odds, found so by the app)
    for key in sorted({item["key"] for item in labelled} & set(keys)):
        article = read_as_the_app(key)
        text = pipeline.model_text(article)
        if model.prompt_tokens(prompts.summary_prompt(text, None, article.genre)) > \
                model.n_ctx - answer_tokens(prompts.STANDARD):
            continue  # read in parts: no one prompt holds the article
        ctx = checker.Context(article)
        for at, item in enumerate(labelled):
            if item["key"] != key or item["part"] == "title":
                continue
            before = _summary_before(labelled, at)
            kinds = {p.kind for p in checker.check(item["text"], item["part"], ctx, before,
                                                   logprob=item.get("logprob"))}
            odds = asked_odds(model, text, checker.asked_of(item["text"], ctx))
            doubted = chosen.support_odds is not None and odds < chosen.support_odds \
                and checker.worth_asking(item["text"], item["part"], ctx)
            app = {p.kind for p in checker.check(item["text"], item["part"], ctx, before,
                                                 logprob=item.get("logprob"), doubted=doubted)}
            rows.append((key in held, "unsupported" in item["problems"], not kinds & SUPPORT_KINDS, odds,
                         bool(app & SUPPORT_KINDS)))
        print(key, file=sys.stderr, flush=True)
    report = {}
    for half, is_held in (("dev", False), ("held", True)):
        mine = [r for r in rows if r[0] == is_held]
        bad, good = [r[3] for r in mine if r[1]], [r[3] for r in mine if not r[1]]
        report[half] = {"unsupported": len(bad), "supported": len(good),
                        "median_odds_unsupported": round(statistics.median(bad), 2) if bad else None,
                        "median_odds_supported": round(statistics.median(good), 2) if good else None,
                        "beyond_words": {str(mark): {
                            "unsupported_doubted": sum(1 for r in mine if r[2] and r[1] and r[3] < mark),
                            "supported_doubted": sum(1 for r in mine if r[2] and not r[1] and r[3] < mark)}
                            for mark in MARKS},
                        "as_the_app": _precision_recall([r[4] for r in mine], [r[1] for r in mine])}
    return {"support_odds": chosen.support_odds, **report}


def _precision_recall(found: list[bool], true: list[bool]) -> dict:
    hits = sum(1 for f, t in zip(found, true) if f and t)
    return {"precision": round(hits / max(1, sum(found)), 3), "recall": round(hits / max(1, sum(true)), 3)}


# -- SummEval -------------------------------------------------------------------------------

def detokenize(text: str) -> str:
    """SummEval's summaries are lower-cased and split like the Penn Treebank: join them back."""
    text = re.sub(r" (['’]s|n't|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r" ([.,;:!?%)])", r"\1", text)
    text = re.sub(r"([($]) ", r"\1", text)
    text = text.replace("`` ", '"').replace(" ''", '"').replace("-lrb-", "(").replace("-rrb-", ")")
    return text.replace("# ", "£")


def _balanced(passes: list[bool], labels: list[int]) -> dict:
    """Balanced accuracy of a check that passes the consistent summaries (label 1) and
    catches the rest."""
    caught = [not p for p, label in zip(passes, labels) if label == 0]
    passed = [p for p, label in zip(passes, labels) if label == 1]
    rate_caught, rate_passed = sum(caught) / max(1, len(caught)), sum(passed) / max(1, len(passed))
    return {"items": len(passes), "balanced_accuracy": round((rate_caught + rate_passed) / 2, 3),
            "inconsistent_caught": round(rate_caught, 3), "consistent_passed": round(rate_passed, 3)}


def summeval(model_name: str | None) -> dict:
    """The faithfulness check's balanced accuracy on SummEval: the words alone; with the
    model's likelihood of each sentence (`with_model`); and as the app checks a note
    (`as_the_app`: the words, and the model asked of the sentences that join words the article
    keeps apart, doubted under its `support_odds`), with the marks around it half by half."""
    found_items = json.loads((EVAL / "summeval.json").read_text(encoding="utf-8"))
    # In the order of their numbers, reported in halves too: a mark chosen on one half is seen
    # at work on the other.
    items = [found_items[k] for k in sorted(found_items, key=lambda k: int(k.rsplit("_", 1)[1]))]
    scorer = chosen = None
    if model_name:
        from desktop.core.model.llama import LocalModel
        from desktop.core.model.session import Local

        chosen = registry.resolve(model_name)
        scorer = Local(LocalModel(chosen.path))
    labels = [int(item["label"]) for item in items]
    by_label: dict[str, list[bool]] = {"words": [], "with_model": []}  # per item: whether it passed
    # per item, per sentence: its problems without doubt and with it, and the model's odds if asked
    asked: list[list[tuple[bool, bool, float]]] = []
    for item in items:
        article = Article.build(item["document"])
        ctx = checker.Context(article)
        claim = detokenize(item["claim"])
        parts = [p.strip() + "." for p in re.split(r"(?<=\.)\s+", claim) if p.strip(" .")]
        words = {p.kind for part in parts for p in checker.check(part, "point", ctx)}
        by_label["words"].append(not words & SUPPORT_KINDS)
        if scorer:
            session = scorer.session(prompts.summary_prompt(item["document"]), RunStats(),
                                     time.perf_counter(), lambda: False)
            session.feed(f" {article.headline or 'News'}\n{prompts.POINTS_LABEL}\n-")
            found = {p.kind for part in parts for p in checker.check(
                part, "point", ctx, logprob=session.likelihood(" " + part))}
            by_label["with_model"].append(not found & SUPPORT_KINDS)
            asked.append([(
                bool({p.kind for p in checker.check(part, "point", ctx)} & SUPPORT_KINDS),
                bool({p.kind for p in checker.check(part, "point", ctx, doubted=True)} & SUPPORT_KINDS),
                asked_odds(scorer, item["document"], checker.asked_of(part, ctx))
                if checker.worth_asking(part, "point", ctx) else math.inf)
                for part in parts])
    report = {}
    halves = {"first_half": range(len(items) // 2), "second_half": range(len(items) // 2, len(items))}

    def scored(passes: list[bool]) -> dict:
        return _balanced(passes, labels) | {
            half: _balanced([passes[i] for i in chosen], [labels[i] for i in chosen])["balanced_accuracy"]
            for half, chosen in halves.items()}

    def passes_at(mark: float) -> list[bool]:
        return [not any(plain or (doubted and odds < mark) for plain, doubted, odds in sentences)
                for sentences in asked]

    for name, passes in by_label.items():
        if passes:
            report[name] = scored(passes)
    if asked:
        report["as_the_app"] = {"support_odds": chosen.support_odds, "asked": sum(
            1 for sentences in asked for *_, odds in sentences if odds < math.inf)}
        if chosen.support_odds is not None:
            report["as_the_app"] |= scored(passes_at(chosen.support_odds))
        report["as_the_app"]["by_mark"] = {str(m): {half: scored(passes_at(m))[half] for half in halves}
                                           for m in MARKS + (2.5, 3.0)}
    return report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["pages", "neus", "summeval", "genre", "doubts"])
    parser.add_argument("--model", default="default")
    parser.add_argument("--keys", nargs="*", default=["all"])
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--notes", type=Path, help="score these saved notes instead")
    parser.add_argument("--with-model", action="store_true", help="summeval: the model's likelihood too")
    parser.add_argument("--record", action="store_true", help="genre: keep the readings for the checks' scores")
    args = parser.parse_args()
    header = {"prompt_version": prompts.PROMPT_VERSION}
    if args.mode == "summeval":
        print(json.dumps(header | {"summeval_faithfulness": summeval(args.model if args.with_model else None)},
                         indent=2))
        return
    model = registry.resolve(args.model)
    header |= {"model": model.label, "model_sha256": model.sha256}
    if args.mode == "neus":
        print(json.dumps(header | neus(args.items, args.model, args.save), indent=2))
        return
    keys = page_keys(args.keys)
    if args.mode == "doubts":
        print(json.dumps(header | doubts(keys, args.model), indent=2))
        return
    if args.mode == "genre":
        print(json.dumps(header | genre_reading(keys, args.model, args.record), indent=2))
        return
    rows = score_notes(keys, args.notes) if args.notes else summarize_pages(keys, args.model, args.save)
    print(json.dumps(header | {"source": str(args.notes) if args.notes else "this version",
                               "pages": page_report(rows), "per_page": rows}, indent=2))


if __name__ == "__main__":
    main()
