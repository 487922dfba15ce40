"""Runner for Godot's own GDScript test suite (``modules/gdscript/tests/scripts``).

Each test is ``name.gd`` with ``name.out``: a status line (``GDTEST_OK``,
``GDTEST_PARSER_ERROR``, ...) then the expected output.  The suite is Godot's
code: it is read from a path given at run time, never copied here.

A test runs as Godot's runner runs it: parse, compile (analyzer errors), then
instantiate the script (``_init``) and call ``test()``, capturing what is
printed and every error in the runner's format (see
shared/reference/godot-test-suite.md).  The produced text is compared with the
``.out`` file without its ``~~`` warning lines, as Godot's release builds do.
With ``stage="parse"`` only the parse stage is checked: a ``parser/errors``
file must be rejected, every other file must parse.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GDScriptError

# Folders Godot's runner skips (completion and language-server tests).
SKIPPED_FOLDERS = {"completion", "lsp"}
PARSER_ERROR = "GDTEST_PARSER_ERROR"


@dataclass
class SuiteTest:
    path: Path
    rel: str  # relative to the suite root, with "/" separators
    expected: str | None  # contents of the .out file, None for support scripts

    @property
    def expected_status(self) -> str | None:
        return self.expected.split("\n", 1)[0].strip() if self.expected else None

    @property
    def folder(self) -> str:
        return self.rel.rsplit("/", 1)[0] if "/" in self.rel else "."


@dataclass
class Outcome:
    test: SuiteTest
    produced: str
    passed: bool  # the stage outcome is the expected one
    exact: bool  # the produced text equals the expected output


def find_suite_root(path: Path) -> Path:
    """The folder holding ``project.godot`` above ``path`` (else ``path`` itself)."""
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if (folder / "project.godot").is_file():
            return folder
    return start


def discover(paths: Iterable[Path]) -> list[SuiteTest]:
    tests: dict[Path, SuiteTest] = {}
    for path in paths:
        root = find_suite_root(path.resolve())
        files = [path] if path.is_file() else sorted(path.rglob("*.gd"))
        for file in files:
            file = file.resolve()
            rel = file.relative_to(root).as_posix()
            if SKIPPED_FOLDERS & set(rel.split("/")[:-1]):
                continue
            out = file.with_name(file.name[:-3] + ".out")
            expected = out.read_text(encoding="utf-8") if out.is_file() else None
            tests[file] = SuiteTest(file, rel, expected)
    return list(tests.values())


def strip_warnings(expected: str) -> str:
    """Drop ``~~`` warning lines, as Godot's release builds do."""
    return "".join(line for line in expected.splitlines(True) if not line.startswith("~~"))


def run_test(test: SuiteTest, stage: str = "run") -> Outcome:
    """Run one suite test as Godot's runner does (``stage="parse"``: parse only)."""
    text = test.path.read_text(encoding="utf-8")
    if stage == "parse":
        produced = _parse_only(text, test)
    else:
        produced = SuiteRun(test, text).produce()
    expected = strip_warnings(test.expected) if test.expected else None
    exact = expected is not None and produced.strip() + "\n" == expected
    if stage == "parse":
        rejected = produced.startswith(PARSER_ERROR)
        passed = rejected == (test.expected_status == PARSER_ERROR)
    else:
        passed = exact
    return Outcome(test, produced, passed, exact)


def _parse_only(text: str, test: SuiteTest) -> str:
    from .parser import parse

    try:
        parse(text, path=test.rel, dialect=4)
    except GDScriptError as exc:
        return f"{PARSER_ERROR}\n{exc.message}\n"
    return "PARSED\n"


class SuiteRun:
    """One test run in Godot's runner format: status line, then captured output."""

    def __init__(self, test: SuiteTest, text: str) -> None:
        self.test = test
        self.text = text
        self.lines: list[str] = []
        self.runtime_error = False

    # Sinks installed while the test runs.
    def out(self, text: str) -> None:
        self.lines.append(text)

    def engine(self, level: str, message: str, explanation: str | None) -> None:
        self.runtime_error = True
        self.lines.append(f">> {level}: {message}")
        if explanation:
            self.lines.append(f">>   {explanation}")

    def produce(self) -> str:
        from .errors import AnalyzerError, ParseError
        from .loader import Project

        root = find_suite_root(self.test.path)
        project = Project(root, 4)
        try:
            # Loading runs static initializers, which may print: capture that too.
            cls = self.captured(lambda: project.load(self.test.path))
        except ParseError as exc:
            return f"{PARSER_ERROR}\n{exc.message}\n"
        except AnalyzerError as exc:
            errors = "".join(f">> ERROR at line {line}: {msg}\n" for line, msg in exc.errors)
            return f"GDTEST_ANALYZER_ERROR\n{errors}"
        if self.test.path.name.endswith(".norun.gd"):
            return "GDTEST_OK\n"
        self.captured(lambda: self.run(cls))
        status = "GDTEST_RUNTIME_ERROR" if self.runtime_error else "GDTEST_OK"
        return status + "\n" + "".join(line + "\n" for line in self.lines)

    def captured(self, action: Any) -> Any:
        """Run ``action`` with prints, engine errors and script errors captured."""
        from gdscript.stdlib import utility_functions

        from . import errors, script

        old_reporter = script.set_reporter(_CaptureReporter(self))  # type: ignore[arg-type]
        old_sink = errors.set_engine_error_sink(self.engine)
        old_output = utility_functions.set_output(self.out, self.out)
        try:
            return action()
        finally:
            utility_functions.set_output(*old_output)
            errors.set_engine_error_sink(old_sink)
            script.set_reporter(old_reporter)

    def run(self, cls: object) -> None:
        from . import script

        try:
            instance = cls()  # type: ignore[operator]
            test = getattr(instance, "test", None)
            if test is None:
                self.lines.append("GDTEST_LOAD_ERROR: no test() function")
                self.runtime_error = True
            else:
                test()
        except Exception as exc:  # noqa: BLE001 - an error outside any function
            script.report_error(exc)


class _CaptureReporter:
    def __init__(self, run: SuiteRun) -> None:
        self.run = run
        self.count = 0
        self.internal_errors = 0
        self.debug = False

    def script_error(self, message: str, path: str, line: int, function: str) -> None:
        self.run.runtime_error = True
        rel = path[len("res://"):] if path.startswith("res://") else path
        self.run.lines.append(f">> SCRIPT ERROR at {rel}:{line} on {function}(): {message}")

    def internal_error(self, exc: BaseException) -> None:
        self.run.runtime_error = True
        self.run.lines.append(f">> INTERNAL ERROR: {type(exc).__name__}: {exc}")


def _run_guarded(test: SuiteTest, stage: str) -> Outcome:
    """One test; a bug of ours in one test is that test's failure, not the run's end."""
    try:
        return run_test(test, stage)
    except Exception as exc:  # noqa: BLE001 - reported per test, the run goes on
        return Outcome(test, f"INTERNAL ERROR: {type(exc).__name__}: {exc}\n", False, False)


def summarize(outcomes: list[Outcome]) -> list[str]:
    by_folder: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_folder.setdefault(outcome.test.folder, []).append(outcome)
    lines = [f"{'folder':<24} {'tests':>6} {'passed':>7} {'exact':>6}"]
    for folder in sorted(by_folder):
        group = by_folder[folder]
        passed = sum(o.passed for o in group)
        exact = sum(o.exact for o in group)
        lines.append(f"{folder:<24} {len(group):>6} {passed:>7} {exact:>6}")
    total = len(outcomes)
    lines.append(f"{'total':<24} {total:>6} {sum(o.passed for o in outcomes):>7} "
                 f"{sum(o.exact for o in outcomes):>6}")
    return lines


def main(paths: list[Path], emit: Path | None = None, verbose: bool = False,
         stage: str = "run") -> int:
    missing = [p for p in paths if not p.exists()]
    if missing:
        from .errors import UsageError

        raise UsageError(f"{missing[0]}: no such file or folder")
    tests = [t for t in discover(paths) if stage == "parse" or t.expected is not None]
    outcomes = [_run_guarded(t, stage) for t in tests]
    for outcome in outcomes:
        if verbose or not outcome.passed:
            mark = "PASS" if outcome.passed else "FAIL"
            first = outcome.produced.strip().replace("\n", " | ")
            print(f"{mark} {outcome.test.rel}: {first}")
        if emit is not None:
            target = emit / (outcome.test.rel[:-3] + ".out")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(outcome.produced, encoding="utf-8")
    print("\n".join(summarize(outcomes)))
    sys.stdout.flush()
    return 0 if all(o.passed for o in outcomes) else 1
