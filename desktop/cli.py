"""`neutral-brief`: the window with no arguments, headless work with a subcommand."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop import __version__
from desktop.core import batch, desktop_entry
from desktop.core.brief import Brief
from desktop.core.engine import Done, Draft, Engine, EngineError, Loading, ModelLoadFailed, Part, Reading, Stopped
from desktop.core.input import read as article
from desktop.core.input.fetch import is_link
from desktop.core.model import gguf, hub
from desktop.core.model import registry as models
from desktop.core.model.server import KEY_VARIABLE, Server
from desktop.core.note import formats
from desktop.core.note.markdown import write_atomic
from desktop.core.writing import prompts

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_MODEL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class Failure(Exception):
    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neutral-brief",
        usage="%(prog)s [FILE or URL ...] | %(prog)s COMMAND ...",
        description="Neutral summaries of news articles with a local model. With no command, opens "
                    "the window (with the article FILE or URL, when given; a running window gets it).",
        epilog=f"Articles: {', '.join(article.OPENABLE)} files, web addresses (http, https), or - for "
               "stdin. Exit codes: 0 done, 1 failed, 2 bad input or usage, 3 model missing or unusable "
               "(or the server), 130 stopped with Ctrl+C.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command")
    s = sub.add_parser("summarize", help="summarize an article file into a Markdown note")
    s.add_argument("article", help="a .txt, .md, .html, .pdf or .docx file, a web address, or - for stdin")
    s.add_argument("-o", "--output", type=Path,
                   help="write the note to this file, or into this folder named after its title "
                        "(default: print it)")
    s.add_argument("--stream", action="store_true",
                   help="print the title and each key point to stdout as soon as it is written and "
                        "checked, then the summary (with a server's model, all at the end: its answer "
                        "is checked whole); the note goes to -o")
    s.add_argument("--format", choices=formats.FORMATS, default="md",
                   help="md: the Markdown note (default); txt: plain text; json: the note's fields, "
                        "each key point with its evidence and each flag")
    _model_options(s)
    b = sub.add_parser("batch", help="summarize many articles into a folder of notes and a report")
    b.add_argument("inputs", nargs="+", help="files, folders, web addresses, files listing web addresses, "
                                            "or - for one article from stdin")
    b.add_argument("-o", "--output", type=Path, required=True, help="the folder for the notes and report.jsonl")
    b.add_argument("--jobs", type=int, default=1, help="articles sent to a server at once (default 1)")
    _model_options(b)
    m = sub.add_parser("models", help="list or fetch models")
    msub = m.add_subparsers(dest="models_command", required=True)
    msub.add_parser("list", help="show the known models and whether they are fetched")
    f = msub.add_parser("fetch", help="download, assemble and verify a model: a registry name, or a GGUF "
                                      "file on the Hugging Face hub as OWNER/REPO/FILE.gguf ($HF_ENDPOINT "
                                      "names another hub)")
    f.add_argument("name")
    i = msub.add_parser("info", help="what a GGUF model file says about itself")
    i.add_argument("model", help="a registry name or a GGUF file")
    d = sub.add_parser("install-desktop-entry", help="add Neutral Brief to the desktop's app launcher")
    d.add_argument("--uninstall", action="store_true", help="remove the launcher entry and icon")
    parser.commands = list(sub.choices)
    return parser


def _model_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default="default", help="a registry name (default, test) or a GGUF path")
    p.add_argument("--backend", metavar="URL",
                   help="use the model of an OpenAI-compatible server at URL (llama-server, Ollama, vLLM) "
                        f"instead of a local one; its API key is read from ${KEY_VARIABLE} or the keyring")
    p.add_argument("--server-model", metavar="NAME", default="",
                   help="the server's model to use (default: the first it lists)")
    p.add_argument("--language", help="write the summary in this language (default: the article's)")
    p.add_argument("--length", choices=list(prompts.LENGTHS), default=prompts.STANDARD.name,
                   help="short: three key points and a sentence; standard (default): three to seven "
                        "and up to three sentences; detailed: five to ten and up to five sentences")
    p.add_argument("--fresh", action="store_true",
                   help="run the model even if this text was summarized before with the same settings")
    p.add_argument("--keep-clutter", action="store_true",
                   help="give the model the text as it is, without removing page clutter")


class _ProgressBar:
    """A text progress bar on stderr, redrawn only when what it shows changes."""

    def __init__(self):
        self._shown = None

    def __call__(self, label: str, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if (label, percent) == self._shown:
            return
        self._shown = (label, percent)
        filled = 30 * percent // 100
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (30 - filled)}] {percent:3d}%"
                         f" {done / 1e6:7.1f}/{total / 1e6:.1f} MB  {label[:40]:<40}")
        sys.stderr.flush()


def _models_list() -> None:
    for name, spec in models.registry().items():
        state = "fetched" if models.is_fetched(name) else "not fetched"
        print(f"{name:8} {spec.title}  {spec.size / 1e6:,.0f} MB  {spec.license}  [{state}]")
        print(f"{'':8} {models.models_dir() / spec.file}")


def _models_fetch(name: str) -> None:
    if name not in models.registry() and "/" in name:
        bar = _ProgressBar()
        try:
            path = hub.download(hub.HubFile.parse(name), lambda done, total: bar(name.rsplit("/", 1)[-1], done, total))
        except models.ModelError as exc:
            raise Failure(str(exc), EXIT_MODEL) from exc
        sys.stderr.write("\n")
        print(path)
        return
    try:
        path = models.fetch(name, progress=_ProgressBar())
    except models.UnknownModel as exc:
        raise Failure(str(exc), EXIT_USAGE) from exc
    except models.ModelError as exc:
        raise Failure(str(exc), EXIT_MODEL) from exc
    sys.stderr.write("\n")
    print(path)


def _models_info(model: str) -> None:
    path = models.model_path(model) if model in models.registry() else Path(model)
    try:
        info = gguf.read_info(path)
    except (gguf.GGUFError, OSError) as exc:
        raise Failure(f"{path}: {exc}", EXIT_MODEL) from exc
    for label, value in info.lines():
        print(f"{label}: {value}")


def _summarize(args) -> None:
    if args.output is not None:
        _check_output(args.output, Path(args.article))
    stdin = sys.stdin.read() if args.article == batch.STDIN else ""
    try:
        read_article, cleaned, page = batch.load_article(args.article, stdin, args.keep_clutter)
    except article.ArticleError as exc:
        raise Failure(str(exc), EXIT_USAGE) from exc
    model = _model(args)
    if cleaned.removed and not args.keep_clutter:
        sys.stderr.write(f"{cleaned.summary} (--keep-clutter keeps them)\n")
    engine = Engine(reuse_answers=not args.fresh)
    done = None
    stream = _Stream() if args.stream and not isinstance(model, Server) else None
    try:
        part = "the article"
        for event in engine.summarize(read_article, model, args.language, prompts.LENGTHS[args.length]):
            if isinstance(event, Loading):
                verb = "Connecting to" if isinstance(model, Server) else "Loading"
                sys.stderr.write(f"{verb} {model.label}…\n")
            elif isinstance(event, Part):
                part = f"part {event.number} of {event.parts}" if event.number else "the parts' summaries"
                if not sys.stderr.isatty():  # a log gets a line per part, not redrawn percentages
                    sys.stderr.write(f"Reading {part}…\n")
            elif isinstance(event, Reading) and sys.stderr.isatty():
                end = "\n" if event.done == event.total else ""
                sys.stderr.write(f"\rReading {part}: {100 * event.done // max(1, event.total)}%{end}")
            elif isinstance(event, Draft) and stream:
                stream.draft(event)
            elif isinstance(event, Done):
                done = event
            elif isinstance(event, Stopped):
                raise Failure("Stopped.", EXIT_FAILED)
    except ModelLoadFailed as exc:
        raise Failure(str(exc), EXIT_MODEL) from exc
    except EngineError as exc:
        raise Failure(str(exc), EXIT_FAILED) from exc
    finally:
        engine.close()
    result = done.result
    stats = result.stats
    if done.reused:
        sys.stderr.write("This text was summarized before with the same model and settings: "
                         "that answer is reused (--fresh runs the model again).\n")
    if result.parts > 1:
        sys.stderr.write(f"The article was read in {result.parts} parts (coverage {result.coverage:.0%}).\n")
    genre = done.article.genre  # as the page, its style or the model tells
    if genre.is_opinion:
        sys.stderr.write(f"This reads as {genre.kind} ({genre.reason}): {genre.told_as}.\n")
    sys.stderr.write(f"Read {stats.prompt_tokens} tokens, wrote {stats.generated_tokens} in "
                     f"{stats.total_seconds:.1f} s (first token after {stats.first_token_seconds:.1f} s, "
                     f"{stats.generation_rate:.1f} tokens/s)\n")
    for note in result.summary.notes:
        sys.stderr.write(f"{note}\n")
    for flag in result.review.flags:
        sys.stderr.write(f"Check: “{flag.text[:70]}”: {flag.reason}\n")
    brief = Brief.of(done, cleaned, page, source=args.article if args.article != batch.STDIN else "",
                  language=args.language, length=prompts.LENGTHS[args.length])
    note = brief.text(args.format)
    if args.stream:
        (stream or _Stream()).end(done.summary)
    if args.output:
        path = _free(args.output / brief.file_name(f".{args.format}"), Path(args.article)) \
            if args.output.is_dir() else args.output
        try:
            write_atomic(path, note)
        except OSError as exc:
            raise Failure(f"Cannot write {path}: {exc.strerror or exc}", EXIT_FAILED) from exc
        sys.stderr.write(f"Wrote {path}\n")
    elif not args.stream:
        sys.stdout.write(note)


def _free(path: Path, article: Path) -> Path:
    """`path`, or "name-2.md" … when a file (or the article) has its name."""
    name = formats.unused_name(path.name, lambda n: (path.parent / n).exists()
                               or (path.parent / n).resolve() == article.resolve())
    return path.parent / name


class _Stream:
    """The final summary on stdout as it is written: the title once the first key point
    begins, each key point once the next begins (the writer has checked it by then), the
    summary at the end. The note (-o) has the same words, tidied."""

    def __init__(self):
        self.title = False
        self.points = 0

    def draft(self, draft: Draft) -> None:
        if not draft.final:  # a part's summary, not the article's
            return
        if not self.title and (draft.points or draft.summary):
            self._print(f"# {draft.title}\n\n## Key points\n\n")
            self.title = True
        finished = len(draft.points) if draft.summary else len(draft.points) - 1
        while self.points < finished:
            self._print(f"- {draft.points[self.points]}\n")
            self.points += 1

    def end(self, summary) -> None:
        if not self.title:
            self._print(f"# {summary.title}\n\n## Key points\n\n")
        for point in summary.key_points[self.points:]:
            self._print(f"- {point}\n")
        self._print(f"\n## Summary\n\n{summary.summary}\n")

    @staticmethod
    def _print(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()


def _batch(args) -> None:
    try:
        items = batch.collect(args.inputs, args.output)
    except article.ArticleError as exc:
        raise Failure(str(exc), EXIT_USAGE) from exc
    if not items:
        raise Failure("No articles in the inputs given (files: " + ", ".join(article.OPENABLE) + ").", EXIT_USAGE)
    if args.output.exists() and not args.output.is_dir():
        raise Failure(f"{args.output} is a file; -o takes a folder for the notes.", EXIT_USAGE)
    model = _model(args)
    if args.jobs > 1 and not isinstance(model, Server):
        sys.stderr.write("The local model writes one article at a time; --jobs applies to a server.\n")
    stdin = sys.stdin.read() if batch.STDIN in args.inputs else ""
    run = batch.Batch(items, args.output, model, args.language, args.jobs, args.fresh, args.keep_clutter, stdin,
                      prompts.LENGTHS[args.length])
    bar = _BatchBar(len(items)) if sys.stderr.isatty() else None
    failed = made = skipped = 0

    def progress(item, entry) -> None:
        nonlocal failed, made, skipped
        if entry is None:
            skipped += 1
        elif entry["error"]:
            failed += 1
            sys.stderr.write(("\n" if bar else "") + f"{item.source}: {entry['error']}\n")
        else:
            made += 1
        if bar:
            bar(made + failed + skipped, item.source)

    try:
        run.run(progress)
    except KeyboardInterrupt:
        run.stop()
        sys.stderr.write(f"\nStopped: {made} note(s) made, {len(items) - made - skipped - failed} left. "
                         "Run the same command again to finish.\n")
        raise Failure("Stopped.", EXIT_INTERRUPTED) from None
    except ModelLoadFailed as exc:
        raise Failure(str(exc), EXIT_MODEL) from exc
    if bar:
        sys.stderr.write("\n")
    sys.stderr.write(f"{made} note(s) made, {skipped} made before, {failed} failed; "
                     f"report: {args.output / batch.REPORT}\n")
    if failed:
        raise Failure(f"{failed} article(s) failed (see the report).", EXIT_FAILED)


class _BatchBar:
    """Articles done of all, on one redrawn line of a terminal."""

    def __init__(self, total: int):
        self.total = total

    def __call__(self, done: int, label: str) -> None:
        filled = 30 * done // max(self.total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{' ' * (30 - filled)}] {done}/{self.total} {label[-40:]:<40}")
        sys.stderr.flush()


def _model(args):
    """The model the options name: a server's, or a local file (fetched, verified)."""
    if args.backend:
        if "://" not in args.backend:
            raise Failure(f"--backend needs a URL such as http://127.0.0.1:8080/v1, not {args.backend!r}.",
                          EXIT_USAGE)
        return Server(args.backend, args.server_model)
    try:
        return models.resolve(args.model)
    except models.ModelError as exc:
        raise Failure(str(exc), EXIT_MODEL) from exc


def _check_output(output: Path, source: Path) -> None:
    """Refuse, before any work, a note path that is the article itself or cannot be written."""
    try:
        if output.resolve() == source.resolve():
            raise Failure(f"{output}: the note would replace the article it summarizes; "
                          "choose another file.", EXIT_USAGE)
    except OSError:
        pass
    if output.is_dir():  # the note goes in it, named after its title
        if not os.access(output, os.W_OK):
            raise Failure(f"Cannot write into {output}: permission denied.", EXIT_USAGE)
        return
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise Failure(f"Cannot write {output}: the folder {folder} does not exist.", EXIT_USAGE)
    if not os.access(folder, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise Failure(f"Cannot write {output}: permission denied.", EXIT_USAGE)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser()
    if not argv or (argv[0] not in parser.commands and not argv[0].startswith("-")):
        unknown = [a for a in argv if not (Path(a).exists() or is_link(a))]
        if unknown:
            parser.print_usage(sys.stderr)
            sys.stderr.write(f"neutral-brief: {unknown[0]}: no such file, web address or command "
                             f"({', '.join(parser.commands)}).\n")
            return EXIT_USAGE
        from desktop.ui.app import run

        return run(argv)  # the window, with the files or web addresses given
    args = parser.parse_args(argv)  # exits with 2 on bad usage
    try:
        if args.command == "summarize":
            _summarize(args)
        elif args.command == "batch":
            _batch(args)
        elif args.command == "models" and args.models_command == "list":
            _models_list()
        elif args.command == "models" and args.models_command == "info":
            _models_info(args.model)
        elif args.command == "models":
            _models_fetch(args.name)
        elif args.command == "install-desktop-entry":
            for path in (desktop_entry.uninstall() if args.uninstall else desktop_entry.install()):
                print(path)
    except Failure as exc:
        sys.stderr.write(f"neutral-brief: {exc}\n")
        return exc.code
    except KeyboardInterrupt:
        sys.stderr.write("\nneutral-brief: Stopped.\n")
        return EXIT_INTERRUPTED
    return EXIT_OK
