"""pytest plugin (entry point ``pytest11``): GDScript tests and documentation blocks as items.

* ``test_*.gd`` files are collected; each ``func test_*()`` is one item.  The script runs as
  ``gdscript doctest`` runs a block (a Node script under a SceneTree; without ``extends`` it
  extends Node) and the test function is called once the node is in the tree.  A failed
  ``assert``, a script error or a wrong ``# Prints`` claim fails the item, reported at the
  ``.gd`` line.
* With ``--gdscript-doctest``, every GDScript block of ``.rst`` and ``.md`` files is an item
  named after its first line; it passes, fails or is skipped (elided blocks) as in
  ``gdscript doctest``, with the fixtures of ``--gdscript-fixtures FILE``.

Every item runs in its own forked process (:mod:`gdscript.doctest_pool`) with a time limit
(``--gdscript-timeout``, default 10 s).  The plugin keeps no state between items, so it works
with pytest-xdist.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .docsnippets import CodeBlock, extract_blocks
from .doctest import read_fixtures
from .doctest_run import Outcome, RunOptions
from .errors import UsageError

_TEST_FUNCTION = re.compile(r"^(?:static\s+)?func\s+(test_\w*)\s*\(", re.M)
_DOC_SUFFIXES = {".rst", ".md"}


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("gdscript", "GDScript tests and documentation blocks")
    group.addoption("--gdscript-doctest", action="store_true", default=False,
                    help="collect the GDScript blocks of .rst and .md files as tests")
    group.addoption("--gdscript-timeout", type=float, default=10.0, metavar="SECONDS",
                    help="time limit per GDScript test or block (default 10)")
    group.addoption("--gdscript-godot", default="auto", choices=("3", "4", "auto"),
                    help="GDScript dialect (default: auto)")
    group.addoption("--gdscript-fixtures", action="append", default=[], metavar="FILE",
                    help="fixtures file for documentation blocks, as `gdscript doctest "
                         "--fixtures` (repeatable)")


def pytest_configure(config: pytest.Config) -> None:
    _fixtures(tuple(config.getoption("gdscript_fixtures")))  # a bad file: a usage error now


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".gd" and file_path.name.startswith("test_"):
        return GDScriptFile.from_parent(parent, path=file_path)
    if file_path.suffix in _DOC_SUFFIXES and parent.config.getoption("gdscript_doctest"):
        return DocumentFile.from_parent(parent, path=file_path)
    return None


def _options(config: pytest.Config, **changes: Any) -> RunOptions:
    godot = config.getoption("gdscript_godot")
    fixtures, helpers = _fixtures(tuple(config.getoption("gdscript_fixtures")))
    options = RunOptions(dialect=int(godot) if godot in ("3", "4") else "auto",
                         timeout=config.getoption("gdscript_timeout"), fixtures=fixtures,
                         helpers=helpers)
    return dataclasses.replace(options, **changes)


@functools.lru_cache(maxsize=4)
def _fixtures(paths: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], str]:
    """(fixtures, helper source) of the ``--gdscript-fixtures`` files."""
    found: list[tuple[str, str]] = []
    helpers = []
    for path in paths:
        try:
            fixtures, source = read_fixtures(path)
        except UsageError as exc:
            raise pytest.UsageError(exc.message) from None
        found.extend(fixtures)
        helpers.append(source)
    return tuple(found), "\n".join(h for h in helpers if h.strip())


@functools.lru_cache(maxsize=1)
def _warm_up() -> None:
    """Load the parser and the runtime once per process (each xdist worker warms itself)."""
    from .doctest_pool import warm_up

    warm_up(RunOptions(), freeze=False)


def _run(block: CodeBlock, options: RunOptions) -> Outcome:
    from .doctest_pool import run_isolated

    _warm_up()
    for _, outcome in run_isolated([block], options, warm=False):
        return outcome
    raise AssertionError("no outcome")  # pragma: no cover - run_isolated yields one per block


class GDScriptFailure(Exception):
    """An item's FAIL or ERROR outcome."""

    def __init__(self, path: str, outcome: Outcome) -> None:
        super().__init__(outcome.reason)
        self.path = path
        self.outcome = outcome


class _GDItem(pytest.Item):
    block: CodeBlock
    options: RunOptions

    def runtest(self) -> None:
        outcome = _run(self.block, self.options)
        if outcome.status == "SKIP":
            pytest.skip(outcome.reason)
        if outcome.status in ("FAIL", "ERROR"):
            raise GDScriptFailure(self.block.path, outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, GDScriptFailure):
            return _describe(excinfo.value, self.config.rootpath)
        return super().repr_failure(excinfo)


def _describe(failure: GDScriptFailure, root: Path) -> str:
    outcome = failure.outcome
    shown = os.path.relpath(failure.path, root) if failure.path.startswith(str(root)) \
        else failure.path
    lines = [f"{shown}:{outcome.line}: {outcome.status}: {outcome.reason}"]
    source = _source_line(failure.path, outcome.line)
    details = outcome.details
    if source:
        lines.append(f"    {source}")
        if details and details[0].strip() == source:
            details = details[1:]  # the runner shows the line too
    lines.extend(f"    {d}" for d in details)
    lines.extend(f"    warning: {w}" for w in outcome.warnings)
    return "\n".join(lines)


def _source_line(path: str, line: int) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return ""
    return text[line - 1].strip() if 0 < line <= len(text) else ""


class GDScriptFile(pytest.File):
    """A ``test_*.gd`` file: one item per ``func test_*()``."""

    def collect(self) -> Iterator[pytest.Item]:
        text = self.path.read_text(encoding="utf-8", errors="replace")
        block = CodeBlock(str(self.path), 1, text.replace("\r\n", "\n"), "gdscript", None,
                          "file")
        for m in _TEST_FUNCTION.finditer(block.text):
            line = block.text.count("\n", 0, m.start()) + 1
            yield GDScriptTest.from_parent(self, name=m[1], block=block, line=line)


class GDScriptTest(_GDItem):
    def __init__(self, *, block: CodeBlock, line: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.block = block
        self.line = line
        self.options = _options(self.config, call=self.name)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.line - 1, f"{self.path.name}::{self.name}"


class DocumentFile(pytest.File):
    """A documentation page: one item per GDScript block."""

    def collect(self) -> Iterator[pytest.Item]:
        for block in extract_blocks(self.path):
            yield DocumentBlock.from_parent(self, name=f"line {block.line}", block=block)


class DocumentBlock(_GDItem):
    def __init__(self, *, block: CodeBlock, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.block = block
        self.options = _options(self.config)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.block.line - 1, f"{self.path.name}:{self.block.line}"
