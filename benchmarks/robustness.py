"""Throw a few hundred generated bad files at the article reader and the CLI.

    .venv/bin/python benchmarks/robustness.py [--cases 300] [--seed 1]

Files of every kind the app opens (.txt, .md, .html, .pdf, .docx) and a few it does not:
random bytes, truncated and corrupt documents, wrong encodings and BOMs, NUL bytes, empty and
huge (sparse) files, zip bombs, deeply nested HTML, encrypted and exotic PDFs, text without
spaces or written right to left. Each file is read in its own process as the app reads it
(reader, cleaning, checks), and given to `neutral-brief summarize` with a model that does
not exist (so nothing runs a model: bad input must be refused before, with exit code 2).
Reports: tracebacks (must be 0), how many files got a clear message naming the file, the
reader's peak memory and the slowest case. Prints JSON.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

READER = r"""
import json, sys, time
t0 = time.perf_counter()
from pathlib import Path
from desktop.core.input import read
from desktop.core.input.clean import clean
path = Path(sys.argv[1])
try:
    text = read.check(clean(read.read(path).text).text, path.name)
    outcome = {"ok": True, "words": read.word_count(text)}
except read.ArticleError as exc:
    outcome = {"ok": False, "message": str(exc)}
peak = [int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")][0] / 1024
print(json.dumps({**outcome, "seconds": time.perf_counter() - t0, "peak_mb": peak}))
"""


def cases(folder: Path, count: int, rng: random.Random) -> list[Path]:
    """Generated bad files, each kind in turn until `count`."""
    words = "the council voted on the harbor bridge plan and the mayor said it would open in May".split()
    prose = lambda n: " ".join(rng.choice(words) for _ in range(n)) + "."  # noqa: E731

    def text(name, data: bytes):
        (folder / name).write_bytes(data)

    def docx(name, document: bytes, extra=None, method=zipfile.ZIP_DEFLATED):
        with zipfile.ZipFile(folder / name, "w", method) as z:
            z.writestr("word/document.xml", document)
            for member, data in (extra or {}).items():
                z.writestr(member, data)

    def pdf(name, body: bytes):
        text(name, b"%PDF-1.4\n" + body + b"\n%%EOF\n")

    kinds = [
        lambda i: text(f"random{i}.txt", rng.randbytes(rng.randint(0, 20000))),
        lambda i: text(f"random{i}.pdf", rng.randbytes(rng.randint(0, 20000))),
        lambda i: text(f"random{i}.docx", rng.randbytes(rng.randint(0, 20000))),
        lambda i: text(f"random{i}.html", rng.randbytes(rng.randint(0, 20000))),
        lambda i: text(f"empty{i}.md", b""),
        lambda i: text(f"blank{i}.txt", b" \n\t " * rng.randint(0, 500)),
        lambda i: text(f"nul{i}.txt", (prose(800) + "\0" + prose(50)).encode()),
        lambda i: text(f"bom{i}.txt", rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
                                                   b"\xff\xfe\x00\x00"]) + rng.randbytes(rng.randint(1, 999))),
        lambda i: text(f"latin{i}.txt", prose(300).replace("e", "é").encode(rng.choice(["latin-1", "cp1252", "utf-16"]))),
        lambda i: text(f"cjk{i}.txt", ("港口镇议会投票决定修建一座新的公路桥。" * rng.randint(1, 50)).encode()),
        lambda i: text(f"rtl{i}.txt", ("مجلس المدينة صوت على بناء جسر جديد. " * rng.randint(1, 40)).encode()),
        lambda i: text(f"longline{i}.txt", prose(rng.randint(1000, 30000)).encode()),
        lambda i: text(f"repeats{i}.txt", ("\n\n".join([prose(40)] * rng.randint(50, 1500))).encode()),
        lambda i: text(f"nested{i}.html", b"<div>" * 5000 + prose(300).encode() + b"</div>" * 5000),
        lambda i: text(f"nobody{i}.html", b"<html><head><title>x</title></head></html>"),
        lambda i: text(f"scripts{i}.html", b"<html><body><script>" + rng.randbytes(5000) + b"</script></body></html>"),
        lambda i: text(f"page{i}.html", f"<html><body><article><p>{prose(400)}</p></article></body></html>".encode()),
        lambda i: text(f"cut{i}.html", f"<html><body><article><p>{prose(400)}</p>".encode()[:rng.randint(10, 800)]),
        lambda i: pdf(f"noxref{i}.pdf", b"1 0 obj << /Type /Catalog >> endobj"),
        lambda i: pdf(f"badstream{i}.pdf", b"1 0 obj << /Length 99999 /Filter /FlateDecode >> stream\n"
                      + rng.randbytes(200) + b"\nendstream endobj trailer << /Root 1 0 R >>"),
        lambda i: docx(f"brokenxml{i}.docx", b"<w:document><w:body><w:p>" + rng.randbytes(100)),
        lambda i: docx(f"bomb{i}.docx", b"<a>" + b" " * rng.randint(60, 120) * 1_000_000 + b"</a>"),
        lambda i: docx(f"photos{i}.docx", b"<a/>", {"word/media/big.bin": b"\0" * 80_000_000}),
        lambda i: docx(f"nodoc{i}.docx", b"<a/>") or (folder / f"nodoc{i}.docx").write_bytes(
            _zip({"other.xml": b"<a/>"})),
        lambda i: docx(f"entities{i}.docx", b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaaaaaaaa">'
                       + b"".join(b'<!ENTITY a%d "&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;&a%s;">' % (
                           (n,) + (b"" if n == 1 else str(n - 1).encode(),) * 10) for n in range(1, 9))
                       + b"]><a>&a8;</a>"),
        lambda i: _sparse(folder / f"sparse{i}.txt", (1 << 30) + rng.randint(0, 1 << 20)),
        lambda i: text(f"picture{i}.png", b"\x89PNG" + rng.randbytes(100)),
        lambda i: text(f"short{i}.md", prose(rng.randint(1, 20)).encode()),
    ]
    for i in range(count):
        kinds[i % len(kinds)](i)
    return sorted(folder.iterdir())


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def _sparse(path: Path, size: int) -> None:
    with path.open("wb") as f:
        f.truncate(size)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    results = []
    with tempfile.TemporaryDirectory(prefix="nb-robustness-") as tmp:
        folder = Path(tmp) / "cases"
        folder.mkdir()
        for path in cases(folder, args.cases, rng):
            t0 = time.perf_counter()
            reader = subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True,
                                    text=True, env=env, timeout=120)
            wall = time.perf_counter() - t0
            cli = subprocess.run([sys.executable, "-m", "desktop", "summarize", str(path), "--model",
                                  str(Path(tmp) / "no-model.gguf")], capture_output=True, text=True,
                                 env=env, timeout=120)
            try:
                outcome = json.loads(reader.stdout)
            except ValueError:
                outcome = {"ok": False, "message": "", "crash": reader.stderr[-500:]}
            message = outcome.get("message", "")
            cli_lines = cli.stderr.strip().splitlines()
            results.append({
                "file": path.name, "ok": outcome.get("ok", False), "seconds": round(wall, 2),
                "peak_mb": round(outcome.get("peak_mb", 0), 1),
                "traceback": "Traceback" in reader.stderr + cli.stderr,
                "clear": outcome.get("ok") or (message.startswith(path.name) and len(message) > len(path.name) + 5),
                "cli_exit": cli.returncode,
                "cli_clear": (cli.returncode == 2 and len(cli_lines) == 1 and path.name in cli_lines[0])
                             or (outcome.get("ok") and cli.returncode == 3),
                "message": message[:160],
            })
    refused = [r for r in results if not r["ok"]]
    slowest = max(results, key=lambda r: r["seconds"])
    print(json.dumps({
        "cases": len(results),
        "read": sum(1 for r in results if r["ok"]),
        "refused": len(refused),
        "tracebacks": sum(1 for r in results if r["traceback"]),
        "refused_with_clear_message": sum(1 for r in refused if r["clear"]),
        "cli_clear": sum(1 for r in results if r["cli_clear"]),
        "peak_mb_max": max(r["peak_mb"] for r in results),
        "slowest": {"file": slowest["file"], "seconds": slowest["seconds"]},
        "unclear": [r for r in results if not r["clear"] or not r["cli_clear"] or r["traceback"]][:10],
        "examples": [r["message"] for r in refused[:: max(1, len(refused) // 12)]][:12],
    }, indent=2))


if __name__ == "__main__":
    main()
