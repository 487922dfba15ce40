"""Runner for Godot's own GDScript test suite (``modules/gdscript/tests/scripts``).

Each test is ``name.gd`` with ``name.out``: a status line (``GDTEST_OK``,
``GDTEST_PARSER_ERROR``, ...) then the expected output.  The suite is Godot's
code: it is read from a path given at run time, never copied here.

For now tests run at the parse stage: a file whose expected status is
``GDTEST_PARSER_ERROR`` must be rejected (and ideally with Godot's first error
message, which is then an exact match), every other file must parse.  What was
produced for each test can be written with ``emit`` in the runner's format.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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


def run_test(test: SuiteTest) -> Outcome:
    from .parser import parse

    text = test.path.read_text(encoding="utf-8")
    try:
        parse(text, path=test.rel, dialect=4)
    except GDScriptError as exc:
        produced = f"{PARSER_ERROR}\n{exc.message}\n"
    else:
        produced = "PARSED\n"
    rejected = produced.startswith(PARSER_ERROR)
    expect_reject = test.expected_status == PARSER_ERROR
    expected = strip_warnings(test.expected) if test.expected else None
    exact = expected is not None and produced.strip() + "\n" == expected
    return Outcome(test, produced, rejected == expect_reject, exact)


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


def main(paths: list[Path], emit: Path | None = None, verbose: bool = False) -> int:
    missing = [p for p in paths if not p.exists()]
    if missing:
        from .errors import UsageError

        raise UsageError(f"{missing[0]}: no such file or folder")
    outcomes = [run_test(t) for t in discover(paths)]
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
