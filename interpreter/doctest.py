"""``gdscript doctest``: run the GDScript blocks of documentation and check what they claim.

``add_arguments(parser)`` declares the options, ``command(args)`` runs them and returns the
exit code (1 if any block failed or errored, else 0).  PATHs are documentation files or
folders (``.rst``, ``.md``, class-reference ``.xml``, ``.gd``, rendered ``.txt``; see
:mod:`gdscript.docsnippets`).

Output: one line per block on stdout, ``PASS|FAIL|ERROR|SKIP path:line reason``, then detail
lines indented by four spaces (the failing source line; each claim that was not checked); a
block's warnings (engine errors, compatibility warnings) go to stderr as ``path:line:
warning: ...``; the last line is exactly ``N passed, N failed, N
skipped`` (errors count as failed).  On a terminal a progress bar sits below the lines during
long runs.  ``--junit-xml FILE`` also writes a JUnit report.

Each block runs in its own process (:mod:`gdscript.doctest_pool`), ``-j N`` at a time, with
a time limit (``--timeout``, default 10 s), an output limit and the sandbox hook (see
:mod:`gdscript.doctest_run`).  Fixtures give names the documentation uses without defining
them: ``--fixture NAME=EXPR`` (``$Name=EXPR`` adds a child node) and ``--fixtures FILE``
(lines ``NAME=EXPR``; or a ``.gd`` file whose one-line top-level ``var NAME = EXPR`` are
fixtures and whose other members, functions and classes, are helpers: added to a block
when it, a fixture it got or another helper it got uses the helper's name).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import UsageError

if TYPE_CHECKING:  # the runner is imported when a run starts: `gdscript --help` stays fast
    from .docsnippets import CodeBlock
    from .doctest_run import Outcome, RunOptions

__all__ = ["add_arguments", "command", "run_doctest", "parse_fixture", "read_fixtures",
           "summary_line"]

DEFAULT_TIMEOUT = 10.0
DEFAULT_OUTPUT_LIMIT = 1_000_000
PROGRESS_MIN_BLOCKS = 20
_FIXTURE = re.compile(r"^\s*(\$?[A-Za-z_]\w*)\s*=\s*(\S.*?)\s*$")
_GD_FIXTURE = re.compile(r"^var\s+([A-Za-z_]\w*)\s*(?::\s*[\w.\[\]]+\s*)?=\s*(\S.*?)\s*$")


# * Arguments ----------------------------------------------------------------------------


def _dialect(value: str) -> str | int:
    if value in ("3", "4"):
        return int(value)
    if value == "auto":
        return "auto"
    raise argparse.ArgumentTypeError(f"must be 3, 4 or auto, not {value!r}")


def _positive_int(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be a number of seconds above 0, not {value!r}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``gdscript doctest``'s options on ``parser``."""
    from .cli import _positive  # cli imports this module only when doctest runs

    parser.add_argument("--godot", type=_dialect, default="auto", metavar="3|4|auto",
                        help="dialect (default: from each document's path or content)")
    parser.add_argument("--offline", action="store_true",
                        help="route every network connection to the embedded fixture server")
    parser.add_argument("--resolve", action="append", default=[], metavar="HOST:PORT=ADDR:PORT",
                        help="connect to ADDR:PORT instead of HOST:PORT (repeatable)")
    parser.add_argument("--ca-file", metavar="PEM", help="trust store for TLS (PEM file)")
    parser.add_argument("-j", "--jobs", type=_positive_int, default=1, metavar="N",
                        help="run N blocks at a time, each in its own process (default 1)")
    parser.add_argument("--junit-xml", metavar="FILE", help="also write a JUnit XML report")
    parser.add_argument("--strict", action="store_true",
                        help="a block also fails on a warning or an unreached claim")
    parser.add_argument("--timeout", type=_positive_float, default=DEFAULT_TIMEOUT,
                        metavar="SECONDS", help="time limit per block (default 10)")
    parser.add_argument("--output-limit", type=_positive_int, default=DEFAULT_OUTPUT_LIMIT,
                        metavar="CHARS", help="output limit per block (default 1000000)")
    parser.add_argument("--fixture", action="append", default=[], metavar="NAME=EXPR",
                        help="define NAME as the GDScript expression EXPR where a block uses "
                             "it without defining it; $Name=EXPR adds a child node")
    parser.add_argument("--fixtures", action="append", default=[], metavar="FILE",
                        help="fixtures file: NAME=EXPR lines, or a .gd file (see docs)")
    parser.add_argument("--max-memory", type=_positive("megabytes"), default=-1, metavar="MB",
                        help="memory ceiling of each block in MB (default: the sandbox's "
                             "1024)")
    parser.add_argument("--no-sandbox", dest="sandbox", action="store_false",
                        help="run blocks without the sandbox (debugging only)")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="documentation files or folders")


# * Fixtures -------------------------------------------------------------------------------


def parse_fixture(text: str) -> tuple[str, str]:
    """``NAME=EXPR`` -> (name, expr); UsageError when it is not that shape."""
    m = _FIXTURE.match(text)
    if not m:
        raise UsageError(f"--fixture: expected NAME=EXPR (e.g. http=HTTPClient.new()), "
                         f"not {text!r}")
    _check_expression(m[1], m[2])
    return m[1], m[2]


def _check_expression(name: str, expr: str) -> None:
    from .errors import GDScriptError
    from .parser import parse_statements

    try:
        parse_statements(f"var _fixture = {expr}\n", dialect="auto")
    except GDScriptError as exc:
        raise UsageError(f"fixture {name}: {exc.message}") from None


def read_fixtures(path: str) -> tuple[list[tuple[str, str]], str]:
    """(fixtures, helper source) of a fixtures file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--fixtures: cannot read '{path}': {exc.strerror}") from None
    if path.endswith(".gd"):
        return _gd_fixtures(text)
    fixtures = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            fixtures.append(parse_fixture(line))
        except UsageError as exc:
            raise UsageError(f"{path}:{number}: {exc.message}") from None
    return fixtures, ""


def _gd_fixtures(text: str) -> tuple[list[tuple[str, str]], str]:
    fixtures, helpers = [], []
    for line in text.splitlines():
        m = _GD_FIXTURE.match(line)
        if m and "#" not in m[2]:
            fixtures.append((m[1], m[2]))
            helpers.append("")
        else:
            helpers.append(line)
    return fixtures, "\n".join(helpers)


# * Running --------------------------------------------------------------------------------


def _options(args: argparse.Namespace) -> RunOptions:
    from .doctest_run import RunOptions

    fixtures: list[tuple[str, str]] = []
    helpers = []
    for path in args.fixtures:
        found, source = read_fixtures(path)
        fixtures.extend(found)
        helpers.append(source)
    fixtures.extend(parse_fixture(f) for f in args.fixture)
    return RunOptions(dialect=args.godot, timeout=args.timeout,
                      output_limit=args.output_limit, fixtures=tuple(fixtures),
                      helpers="\n".join(h for h in helpers if h.strip()), strict=args.strict,
                      sandbox=args.sandbox, max_memory=args.max_memory)


def _network(args: argparse.Namespace):  # -> undo function or None
    if not (args.offline or args.resolve or args.ca_file):
        return None
    try:
        from .network_options import apply_network_options
    except ImportError:
        raise UsageError("--offline, --resolve and --ca-file are not available in this "
                         "build (no network_options module)") from None
    return apply_network_options(args.offline, args.resolve, args.ca_file)


def collect(paths: Iterable[str]) -> list[CodeBlock]:
    """The GDScript blocks under ``paths``; UsageError for a path that does not exist."""
    from .docsnippets import extract_from_paths

    for path in paths:
        if not Path(path).exists():
            raise UsageError(f"{path}: no such file or folder")
    return list(extract_from_paths(paths))


def command(args: argparse.Namespace) -> int:
    """``gdscript doctest``: the exit code (1 if any block failed)."""
    options = _options(args)
    blocks = collect(args.paths)
    undo = _network(args)
    try:
        counts, records = run_doctest(blocks, options, args.jobs, sys.stdout, sys.stderr)
    finally:
        if undo is not None:
            undo()
    if args.junit_xml:
        write_junit(args.junit_xml, records)
    return 1 if counts["failed"] else 0


def run_doctest(blocks: list[CodeBlock], options: RunOptions, jobs: int, out: TextIO,
                err: TextIO) -> tuple[Counter[str], list[tuple[CodeBlock, Outcome]]]:
    """Run and report every block; (counts, (block, outcome) records)."""
    from .doctest_pool import run_isolated

    counts: Counter[str] = Counter(passed=0, failed=0, skipped=0)
    records: list[tuple[CodeBlock, Outcome]] = []
    progress = _Progress(err, len(blocks))
    for block, outcome in run_isolated(blocks, options, jobs):
        progress.clear()
        report_block(block, outcome, out, err)
        counts[_COUNT_KEY[outcome.status]] += 1
        records.append((block, outcome))
        progress.advance()
    progress.clear()
    out.write(summary_line(counts) + "\n")
    out.flush()
    return counts, records


_COUNT_KEY = {"PASS": "passed", "FAIL": "failed", "ERROR": "failed", "SKIP": "skipped"}


def summary_line(counts: Counter[str]) -> str:
    return f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped"


def report_block(block: CodeBlock, outcome: Outcome, out: TextIO, err: TextIO) -> None:
    where = f"{block.path}:{outcome.line}"
    out.write(f"{outcome.status} {where} {outcome.reason}\n")
    for line in outcome.details:
        out.write(f"    {line}\n")
    out.flush()
    for warning in outcome.warnings:
        if warning.startswith(f"{block.path}:"):  # it names its own line ("path:54: ...")
            err.write(f"{warning}\n")
        else:
            err.write(f"{block.path}:{block.line}: warning: {warning}\n")
    if outcome.warnings:
        err.flush()


class _Progress:
    """``[#####.....] 120/814`` on stderr while a long run goes, only on a terminal."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.done = 0
        self.shown = False
        self.enabled = total >= PROGRESS_MIN_BLOCKS and _is_terminal(stream)
        self.last_draw = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if not self.enabled or now - self.last_draw < 0.1:
            return
        self.last_draw = now
        width = 30
        filled = width * self.done // max(self.total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# * JUnit XML ---------------------------------------------------------------------------------


def write_junit(path: str, records: list[tuple[CodeBlock, Outcome]]) -> None:
    """A JUnit XML report: one testcase per block, classname = document path."""
    counts = Counter(o.status for _, o in records)
    total_time = sum(o.duration for _, o in records)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<testsuites><testsuite name="gdscript doctest" tests="{len(records)}" '
             f'failures="{counts["FAIL"]}" errors="{counts["ERROR"]}" '
             f'skipped="{counts["SKIP"]}" time="{total_time:.3f}">']
    for block, outcome in records:
        lines.append(_junit_case(block, outcome))
    lines.append("</testsuite></testsuites>")
    try:
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"--junit-xml: cannot write '{path}': {exc.strerror}") from None


def _junit_case(block: CodeBlock, outcome: Outcome) -> str:
    head = (f"<testcase classname={_attr(block.path)} "
            f"name={_attr(f'{block.path}:{outcome.line}')} time=\"{outcome.duration:.3f}\"")
    tag = {"FAIL": "failure", "ERROR": "error", "SKIP": "skipped"}.get(outcome.status)
    if tag is None:
        return head + "/>"
    body = html.escape(_xml_safe("\n".join(outcome.details + outcome.warnings)), quote=False)
    return (f"{head}><{tag} message={_attr(outcome.reason)}>{body}</{tag}>"
            "</testcase>")


def _attr(text: str) -> str:
    return f'"{html.escape(_xml_safe(text), quote=True)}"'


def _xml_safe(text: str) -> str:
    return re.sub(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "?", text)
