"""How neutral and faithful the summaries are, and how well the faithfulness check judges.

    .venv/bin/python benchmarks/quality.py [--model default] [--items 40] [--answers FILE]
        [--save-answers FILE]

1. Summaries: the first lead of each of the first N lines of ../shared/eval/neus-val.source,
   summarized through the core's engine (as the app does: cleaning, prompt, second pass),
   then measured with the app's checks against the lead. `--answers FILE` scores answers
   saved with `--save-answers` (for instance by an older version of the app) instead.
2. The same measures for the NeuS neutral references (AllSides editors) against the three
   leads they summarize: a comparison point.
3. The faithfulness check against the expert labels of ../shared/eval/summeval.json:
   balanced accuracy (a summary is predicted consistent when the check finds nothing).

Prints JSON with the model's sha256 and the prompt version.
"""

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from desktop.core import checks, faithfulness, models, neutrality, prompts
from desktop.core.clean import clean
from desktop.core.engine import Done, Engine
from desktop.core.summary import Summary, parse

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def leads(line: str) -> list[tuple[str, str]]:
    """(title, text) of each lead on a NeuS line."""
    found = []
    for lead in line.split(" [SEP] "):
        match = re.match(r"\s*TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", lead, re.S)
        if match:
            found.append((match.group(1).strip(), match.group(2).strip()))
    return found


def measure(summary, article: str) -> dict:
    """One summary's figures against its article, from the app's own checks."""
    index = faithfulness.ArticleIndex(article)
    review = checks.review(summary, article)
    loaded = [f for f in review.flags if f.kind == "loaded"]
    introduced = [f.text for f in loaded if not f.copied]
    copied = [f.text for f in loaded if f.copied]
    parts = [summary.title, summary.summary, *summary.key_points]
    names = [n for i, part in enumerate(parts) for _, _, n in faithfulness.names(part, index, i == 0)]
    unsupported = [f.text for f in review.flags if f.kind == "name"]
    text = "\n".join(parts)
    words = max(1, len(text.split()))
    return {
        "words": words,
        "introduced_loaded": introduced,
        "copied_loaded": copied,
        "introduced_per_100_words": round(100 * len(introduced) / words, 2),
        "copied_per_100_words": round(100 * len(copied) / words, 2),
        "names": len(names),
        "supported_names": len(names) - len(unsupported),
        "unsupported_names": unsupported,
        "entity_precision": round(1 - len(unsupported) / len(names), 3) if names else 1.0,
        "unsupported_numbers": [f.text for f in review.flags if f.kind == "number"],
        "new_wording_sentences": sum(1 for f in review.flags if f.kind == "wording"),
        "attributions": len(neutrality.ATTRIBUTION.findall(text)),
        "article_attributions": len(neutrality.ATTRIBUTION.findall(article)),
        "unattributed_judgements": sum(1 for f in review.flags if f.kind == "unattributed"),
        "key_points_without_evidence": review.counts()["key_points_without_evidence"],
    }


def averages(rows: list[dict]) -> dict:
    with_attribution = [r for r in rows if r["article_attributions"]]
    return {
        "summaries": len(rows),
        "introduced_loaded_per_100_words": round(statistics.mean(r["introduced_per_100_words"] for r in rows), 3),
        "copied_loaded_per_100_words": round(statistics.mean(r["copied_per_100_words"] for r in rows), 3),
        "share_with_introduced_loaded_term": round(sum(1 for r in rows if r["introduced_loaded"]) / len(rows), 3),
        # Of all the names in the summaries, the share that the article has.
        "entity_precision": round(sum(r["supported_names"] for r in rows)
                                  / max(1, sum(r["names"] for r in rows)), 3),
        "share_with_unsupported_number": round(sum(1 for r in rows if r["unsupported_numbers"]) / len(rows), 3),
        # Of the articles that attribute something to someone, the share of summaries that do too.
        "attributions_kept": round(sum(1 for r in with_attribution if r["attributions"])
                                   / max(1, len(with_attribution)), 3),
        "unattributed_judgements_per_summary": round(statistics.mean(r["unattributed_judgements"] for r in rows), 3),
        "new_wording_sentences_per_summary": round(statistics.mean(r["new_wording_sentences"] for r in rows), 3),
        "key_points_without_evidence_per_summary": round(statistics.mean(r["key_points_without_evidence"] for r in rows), 3),
    }


def summarize_all(items: list[str], model_name: str) -> tuple[list[str], list[float]]:
    model = models.resolve(model_name)
    engine = Engine(reuse_answers=False)
    answers, seconds = [], []
    try:
        for n, item in enumerate(items, 1):
            t0 = time.perf_counter()
            done = [e for e in engine.summarize(clean(item).text, model) if isinstance(e, Done)][0]
            seconds.append(time.perf_counter() - t0)
            answers.append(done.raw)
            print(f"{n}/{len(items)} {seconds[-1]:.1f}s {done.summary.title}", file=sys.stderr, flush=True)
    finally:
        engine.close()
    return answers, seconds


def detokenize(text: str) -> str:
    """SummEval's summaries are lower-cased and split like the Penn Treebank: join them back."""
    text = re.sub(r" (['’]s|n't|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r" ([.,;:!?%)])", r"\1", text)
    text = re.sub(r"([($]) ", r"\1", text)
    text = text.replace("`` ", '"').replace(" ''", '"').replace("-lrb-", "(").replace("-rrb-", ")")
    return text.replace("# ", "£")


def summeval() -> dict:
    items = json.loads((EVAL / "summeval.json").read_text(encoding="utf-8")).values()
    by_label = {0: [], 1: []}
    shown = []
    for item in items:
        findings = faithfulness.check(detokenize(item["claim"]), faithfulness.ArticleIndex(item["document"]))
        predicted_consistent = not findings
        by_label[int(item["label"])].append(predicted_consistent)
        if len(shown) < 5 and findings and int(item["label"]) == 0:
            shown.append([f"{f.kind}: {f.text[:80]}" for f in findings][:3])
    recall_inconsistent = sum(1 for p in by_label[0] if not p) / len(by_label[0])
    recall_consistent = sum(1 for p in by_label[1] if p) / len(by_label[1])
    return {
        "items": sum(len(v) for v in by_label.values()),
        "balanced_accuracy": round((recall_inconsistent + recall_consistent) / 2, 3),
        "inconsistent_caught": round(recall_inconsistent, 3),
        "consistent_passed": round(recall_consistent, 3),
        "examples_caught": shown,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="default")
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--answers", type=Path, help="score these saved answers instead")
    parser.add_argument("--save-answers", type=Path)
    args = parser.parse_args()

    lines = (EVAL / "neus-val.source").read_text(encoding="utf-8").splitlines()[:args.items]
    targets = (EVAL / "neus-val.target").read_text(encoding="utf-8").splitlines()[:args.items]
    items = [leads(line)[0][1] for line in lines]
    seconds = []
    if args.answers:
        saved = json.loads(args.answers.read_text(encoding="utf-8"))
        answers, source = saved["answers"], saved["version"]
        args.model = saved.get("model", args.model)
    else:
        answers, seconds = summarize_all(items, args.model)
        source = prompts.PROMPT_VERSION
    if args.save_answers:
        args.save_answers.write_text(json.dumps({"version": source, "model": args.model,
                                                 "answers": answers}), encoding="utf-8")
    rows = [measure(parse(a), clean(item).text) for a, item in zip(answers, items)]
    references = []
    for line, target in zip(lines, targets):
        article = "\n\n".join(f"{t}. {text}" for t, text in leads(line))
        title, text = leads(target)[0]
        references.append(measure(Summary(title=title, summary=text, key_points=[]), article))
    model = models.resolve(args.model)
    print(json.dumps({
        "model": model.label,
        "model_sha256": model.sha256,
        "prompt_version": source,
        "summaries": averages(rows),
        "median_seconds": round(statistics.median(seconds), 1) if seconds else None,
        "neus_references": averages(references),
        "summeval_faithfulness": summeval(),
        "per_summary": rows,
    }, indent=2))


if __name__ == "__main__":
    main()
