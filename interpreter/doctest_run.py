"""Running one documentation block in this process and judging it: ``run_block``.

Input: a :class:`gdscript.docsnippets.CodeBlock` and :class:`RunOptions`.  Output: an
:class:`Outcome` (status PASS, FAIL, ERROR or SKIP, a one-line reason, the document line it
is about, detail lines and the block's warnings).  ``doctest_pool`` calls this in a forked
child per block, so a block may change global state freely.

How a block runs (see ``docsnippets.classify``):

* ``script``: parsed as a script; without ``extends`` it extends Node.  A MainLoop/SceneTree
  script is the main loop; a Node script is added under a SceneTree's root; any other
  script is instantiated.  Frames run on a fast clock (timers fire without waiting) until
  nothing is pending, the time limit passes, or only ``_process`` callbacks are left for
  ``PERPETUAL_FRAMES`` frames (then the block is stopped and still passes).
* ``fragment``: the statements are the ``_ready`` body of a Node script.
* ``members+statements``: members form the script, the statements its ``_ready`` (or, if
  the members define ``_ready``, a function called after the node entered the tree).
* ``elided`` (``...`` placeholders): SKIP, "elided, not run".

Fixtures: ``NAME=EXPR`` adds ``var NAME = EXPR`` to the script when the block uses NAME and
does not declare it; ``$Name=EXPR`` adds the node EXPR as a child called Name before
``_ready`` (without one, a ``$Name`` naming a Node class gets a child of that class, the
node a scene would hold: see ``implied_children``); helpers (functions, classes) join a
block when it, a fixture it got, or another helper it got uses their name.  Claims
(``# Prints 3``) are checked with :mod:`gdscript.doctest_check`: printed output is attributed
to the GDScript lines on the stack when it was printed, and a value claim (``# Returns``,
``# a is``) gets a ``print`` of the value injected at a marked line
(``RECORD_BASE + line``) whose output is kept apart; an output claim gets an empty marker
print before its statement (``REACH_BASE + line``), so a claim in code that never ran is
"not reached" rather than failed.  A comment-only claim is also tried against the
statement and paragraph below it and the paragraph above it (``# Prints:`` after prints).
No claim is dropped silently: one that is vague, not reached, or in a block stopped by an
error is counted in the reason (``ran, 1 not checked``) or named in the details.

Sandbox hook: :func:`sandbox_scope` is entered around every run when ``RunOptions.sandbox``
is true: ``gdscript.sandbox.sandboxed()`` with the ``RunOptions.max_memory`` ceiling.
"""

from __future__ import annotations

import copy
import dataclasses
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from . import docsnippets, nodes, script
from .doctest_check import agrees, describe_mismatch
from .errors import GDScriptError, ParseError

RES_PATH = "res://doc_block.gd"
RECORD_BASE = 1_000_000
FIXTURE_BASE = 2_000_000
REACH_BASE = 3_000_000  # a marker print before a claimed statement: the statement was reached
PERPETUAL_FRAMES = 120  # 2 s of game time with only _process work left: stop, it never ends
PERPETUAL_WALL = 0.25  # ... and at least this much wall time (network polling needs time)
STATEMENTS_FUNCTION = "_doctest_statements"


class OutputLimitExceeded(BaseException):
    """Raised from the print sink when a block printed more than its limit."""


@dataclass(frozen=True)
class RunOptions:
    dialect: int | str = "auto"
    timeout: float = 10.0
    output_limit: int = 1_000_000
    fixtures: tuple[tuple[str, str], ...] = ()
    helpers: str = ""  # GDScript functions fixture expressions may call
    strict: bool = False
    sandbox: bool = True
    max_memory: float | None = -1  # MB; -1: the sandbox's default ceiling
    call: str | None = None  # run the block as a script and call this function (test files)
    workdir: str | None = None  # the pool's folder for block folders (see _block_folder)


@dataclass
class Outcome:
    status: str  # PASS, FAIL, ERROR, SKIP
    reason: str
    line: int
    details: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    claims_checked: int = 0
    duration: float = 0.0


# * Capture ---------------------------------------------------------------------


@dataclass
class _Piece:
    lines: tuple[int, ...]  # GDScript lines of the block's frames on the stack, innermost first
    text: str


class Capture(script.ErrorReporter):
    """Printed text with its source lines, recorded values, script errors, stderr lines."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit
        self.size = 0
        self.pieces: list[_Piece] = []
        self.records: dict[int, list[str]] = {}
        self.reached: dict[int, int] = {}  # claimed statement line -> times it ran
        self.errors: list[tuple[str, int, str]] = []
        self.internal: list[str] = []
        self.stderr: list[str] = []
        self.err_pieces: list[_Piece] = []

    def _grow(self, text: str) -> None:
        self.size += len(text)
        if self.size > self.limit:
            raise OutputLimitExceeded()

    def out(self, text: str) -> None:
        self._grow(text)
        lines = _stack_lines()
        if lines and lines[0] >= REACH_BASE:
            line = lines[0] - REACH_BASE
            self.reached[line] = self.reached.get(line, 0) + 1
        elif lines and RECORD_BASE <= lines[0] < FIXTURE_BASE:
            self.records.setdefault(lines[0] - RECORD_BASE, []).append(text)
        else:
            self.pieces.append(_Piece(lines, text + "\n"))

    def raw(self, text: str) -> None:
        self._grow(text)
        self.pieces.append(_Piece(_stack_lines(), text))

    def err(self, text: str) -> None:
        self._grow(text)
        self.stderr.append(text)
        self.err_pieces.append(_Piece(_stack_lines(), text + "\n"))

    def engine(self, level: str, message: str, explanation: str | None) -> None:
        self.err(f"{level}: {message}")
        if explanation:
            self.err(f"   {explanation}")

    def script_error(self, message: str, path: str, line: int, function: str) -> None:
        self.errors.append((message, line, function))

    def internal_error(self, exc: BaseException) -> None:
        self.internal.append(f"{type(exc).__name__}: {exc}")

    def output_of(self, first: int, last: int, stderr: bool = False) -> list[str]:
        """Output lines printed while a line in first..last was on the stack."""
        pieces = self.err_pieces if stderr else self.pieces
        text = "".join(p.text for p in pieces if any(first <= n <= last for n in p.lines))
        if not text:
            return []
        return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")

    def messages_of(self, first: int, last: int) -> list[str]:
        """stderr lines of first..last as messages: no ``ERROR:`` prefix, no explanations."""
        lines = self.output_of(first, last, stderr=True)
        return [re.sub(r"^(?:ERROR|WARNING|SCRIPT ERROR): ", "", s) for s in lines
                if not s.startswith("   ")]


def _stack_lines() -> tuple[int, ...]:
    frame = sys._getframe(2)
    found = []
    while frame is not None:
        if frame.f_code.co_filename == RES_PATH:
            found.append(frame.f_lineno)
        frame = frame.f_back
    return tuple(found)


class _RawStdout:
    """sys.stdout during a run: printraw() writes here."""

    def __init__(self, capture: Capture) -> None:
        self.capture = capture

    def write(self, text: str) -> int:
        self.capture.raw(text)
        return len(text)

    def flush(self) -> None:
        pass


@contextmanager
def capturing(capture: Capture, dialect: int) -> Iterator[None]:
    from gdscript.stdlib import utility_functions

    from . import errors

    capture.dialect = dialect
    old_reporter = script.set_reporter(capture)
    old_sink = errors.set_engine_error_sink(capture.engine)
    old_output = utility_functions.set_output(capture.out, capture.err)
    old_stdout = sys.stdout
    sys.stdout = _RawStdout(capture)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout = old_stdout
        utility_functions.set_output(*old_output)
        errors.set_engine_error_sink(old_sink)
        script.set_reporter(old_reporter)


@contextmanager
def sandbox_scope(enabled: bool, max_memory: float | None = -1) -> Iterator[None]:
    """THE sandbox hook: every block runs inside this (see module docs)."""
    if not enabled:
        yield
        return
    from .sandbox import sandboxed

    with sandboxed(max_memory=max_memory):
        yield


# * Building the script -----------------------------------------------------------


@dataclass
class Program:
    tree: nodes.ClassNode
    dialect: int
    statements_function: str | None = None  # a function the driver calls after _ready
    children: list[tuple[str, str]] = field(default_factory=list)  # ($ name, method name)


def _parse_as(kind: str, text: str, dialect: int | str) -> tuple[nodes.ClassNode, str | None]:
    from .parser import parse, parse_statements
    from .runner import fragment_tree

    if kind == "fragment":
        return fragment_tree(text, RES_PATH, dialect), None
    if kind == "script":
        return parse(text, path=RES_PATH, dialect=dialect), None
    members, statements = docsnippets.split_members_and_statements(text, keep_lines=True)
    tree = parse(members, path=RES_PATH, dialect=dialect)
    suite = parse_statements(statements, path=RES_PATH, dialect=tree.dialect)
    taken = any(isinstance(m, nodes.FunctionNode) and m.name == "_ready" for m in tree.members)
    name = STATEMENTS_FUNCTION if taken else "_ready"
    tree.members.append(nodes.FunctionNode(line=suite.line or 1, column=1, name=name,
                                           body=suite))
    return tree, (name if taken else None)


def build_program(text: str, kind: str, dialect: int | str) -> Program:
    """Parse a block the way its kind says (the other way if that fails); ParseError else."""
    other = {"fragment": "script", "script": "fragment"}.get(kind)
    try:
        tree, call = _parse_as(kind, text, dialect)
    except ParseError as first:
        if other is None:
            raise
        try:
            tree, call = _parse_as(other, text, dialect)
        except ParseError:
            raise first from None
    if not tree.extends and not tree.extends_path:
        tree.extends = ["Node"]
    return Program(tree, int(tree.dialect), call)


def _call_function(program: Program, name: str) -> None:
    """Make the driver call function ``name`` (a ScriptRuntimeError-free check first)."""
    if not any(isinstance(m, nodes.FunctionNode) and m.name == name
               for m in program.tree.members):
        raise GDScriptError(f'Function "{name}()" not found in the script.')
    program.statements_function = name


def _relabel(node: Any, line: int) -> Any:
    """Set every position of ``node`` and its sub-nodes to ``line``."""
    for sub in _subnodes(node):
        sub.line = sub.end_line = line
    return node


def _subnodes(node: Any) -> Iterator[nodes.Node]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, nodes.Node):
            yield item
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def add_fixtures(program: Program, text: str, fixtures: tuple[tuple[str, str], ...],
                 helpers: str = "") -> None:
    """Fixture variables and children the block uses, and the helpers (see module docs)."""
    from .parser import parse

    declared = {m.name for m in program.tree.members if hasattr(m, "name")}
    _add_fixture_members(program, text, fixtures, declared)
    if not helpers.strip():
        return
    members = [m for m in parse(helpers, dialect=program.dialect).members
               if getattr(m, "name", None) and m.name not in declared]
    used = "\n".join([text] + [expr for name, expr in fixtures if _uses(text, name.lstrip("$"))])
    for member in _helpers_used(members, helpers.split("\n"), used):
        program.tree.members.append(_relabel(member, FIXTURE_BASE))


def _helpers_used(members: list[Any], lines: list[str], used: str) -> list[Any]:
    """The helpers ``used`` names, and the helpers those use, in their file's order."""
    chosen: list[Any] = []
    grew = True
    while grew:
        grew = False
        for member in members:
            if all(m is not member for m in chosen) and _uses(used, member.name):
                chosen.append(member)
                used += "\n" + "\n".join(lines[member.line - 1:max(member.end_line,
                                                                      member.line)])
                grew = True
    return [m for m in members if any(m is c for c in chosen)]


def _uses(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w$.]){re.escape(name)}(?![\w])", text) is not None


def _add_fixture_members(program: Program, text: str, fixtures: tuple[tuple[str, str], ...],
                         declared: set[str]) -> None:
    from .parser import parse

    for index, (name, expr) in enumerate(fixtures):
        line = FIXTURE_BASE + index
        if name.startswith("$"):
            child = name[1:]
            if not re.search(rf"(?<![\w]){re.escape(child)}(?![\w])", text):
                continue
            method = f"_doctest_child_{index}"
            fn = parse(f"func {method}():\n\treturn {expr}\n", dialect=program.dialect)
            program.tree.members.append(_relabel(fn.members[0], line))
            program.children.append((child, method))
            continue
        used = _uses(text, name)
        local = re.search(rf"\b(?:var|const)\s+{re.escape(name)}\b|\bfor\s+{re.escape(name)}\b",
                          text)
        if used and not local and name not in declared:
            var = parse(f"var {name} = {expr}\n", dialect=program.dialect).members[0]
            program.tree.members.insert(0, _relabel(var, line))


# * Claims -------------------------------------------------------------------------

_SUITE_FIELDS = ("body", "true_block", "false_block", "loop", "block")


# * Implied scene children (kept apart: maintained with the HTTP stack) -------------------

_CHILD_PATH = re.compile(r"\$([A-Za-z_]\w*)(?![\w/\"])|\bget_node\(\s*\"([A-Za-z_]\w*)\"\s*\)")


def implied_children(text: str, fixtures: tuple[tuple[str, str], ...],
                     dialect: int) -> tuple[tuple[str, str], ...]:
    """``($Name, "Name.new()")`` for each child path of the block that names a Node class.

    A block written for a scene reaches its nodes by the names Godot gives new nodes, the
    class name: ``$HTTPRequest`` is a child of class HTTPRequest.  A ``$Name`` fixture of
    the same name wins; paths with ``/`` and names that are not Node classes are left alone.
    """
    from gdscript.stdlib import class_table
    from gdscript.stdlib.nodes_extra import Node

    given = {name[1:] for name, _ in fixtures if name.startswith("$")}
    found: list[str] = []
    for match in _CHILD_PATH.finditer(text):
        name = match[1] or match[2]
        cls = class_table(dialect).get(name)
        if name in given or name in found or not isinstance(cls, type):
            continue
        if issubclass(cls, Node):
            found.append(name)
    return tuple((f"${name}", f"{name}.new()") for name in found)


def _suites(node: Any) -> Iterator[nodes.SuiteNode]:
    """Every statement list under ``node`` (functions, branches, loops, inner classes)."""
    for sub in _subnodes(node):
        if isinstance(sub, nodes.SuiteNode):
            yield sub


def find_statement(tree: nodes.ClassNode, line: int) -> tuple[nodes.SuiteNode, int] | None:
    """(suite, index) of the innermost statement whose lines contain ``line``."""
    best: tuple[nodes.SuiteNode, int] | None = None
    best_size = None
    for suite in _suites(tree):
        for index, stmt in enumerate(suite.statements):
            last = max(stmt.end_line, stmt.line)
            if stmt.line <= line <= last and (best_size is None or last - stmt.line <= best_size):
                best, best_size = (suite, index), last - stmt.line
    return best


@dataclass
class PlannedClaim:
    claim: docsnippets.Claim
    mode: str  # "output" (printed output of lines first..last), "record", "unchecked"
    first: int = 0
    last: int = 0
    note: str = ""
    alternatives: list[tuple[int, int]] = field(default_factory=list)  # other spans to try


_PRINTS = {"print", "prints", "printt", "print_rich", "printraw", "print_debug", "printerr"}
_VALUE_STATEMENTS = (nodes.VariableNode, nodes.ConstantNode, nodes.AssignmentNode)


def _is_print(stmt: nodes.Node) -> bool:
    return isinstance(stmt, nodes.CallNode) and isinstance(stmt.callee, nodes.IdentifierNode) \
        and stmt.callee.name in _PRINTS


def _record_call(expr: nodes.Node, line: int, base: int = RECORD_BASE) -> nodes.CallNode:
    mark = base + line
    callee = nodes.IdentifierNode(line=mark, column=1, end_line=mark, end_column=1, name="print")
    return nodes.CallNode(line=mark, column=1, end_line=mark, end_column=1, callee=callee,
                          function_name="print", arguments=[_relabel(expr, mark)])


def _value_of(stmt: nodes.Node, subject: str | None, dialect: int) -> nodes.Node | None:
    """An expression giving the claimed value after ``stmt`` ran."""
    from .parser import parse_statements

    if subject:
        try:
            return parse_statements(subject + "\n", dialect=dialect).statements[0]
        except GDScriptError:
            return None
    if isinstance(stmt, (nodes.VariableNode, nodes.ConstantNode)):
        return nodes.IdentifierNode(name=stmt.name)
    if isinstance(stmt, nodes.AssignmentNode):
        return copy.deepcopy(stmt.assignee)
    return None


def plan_claims(program: Program, claims: list[docsnippets.Claim],
                text: str = "") -> list[PlannedClaim]:
    """Decide how each claim is checked, injecting value recorders into the tree."""
    planned = []
    inserts: list[tuple[nodes.SuiteNode, nodes.Node, nodes.Node]] = []
    for claim in claims:
        plan = _plan_one(program, claim, inserts)
        if plan.mode == "output" and claim.attach != "inline" and text:
            plan.alternatives = _alternative_spans(program, claim, text.split("\n"))
        planned.append(plan)
    for suite, anchor, new in inserts:
        where = _index_of(suite, anchor)
        reach = new.line >= REACH_BASE
        suite.statements.insert(where if reach else where + 1, new)
    return planned


def _plan_one(program: Program, claim: docsnippets.Claim,
              inserts: list[tuple[nodes.SuiteNode, nodes.Node, nodes.Node]]) -> PlannedClaim:
    if claim.kind == "vague" or not claim.expected_lines:
        return PlannedClaim(claim, "unchecked",
                            note="no definite value (prose, an example or a condition)")
    line = claim.statement_line or claim.line
    found = find_statement(program.tree, line)
    if found is None:
        return PlannedClaim(claim, "unchecked", note="no statement for the claim")
    suite, index = found
    stmt = suite.statements[index]
    wants_value = claim.kind in ("returns", "is", "result") or (
        claim.kind == "output" and not _is_print(stmt))
    if not wants_value or (_is_print(stmt) and claim.kind != "is"):
        marker = nodes.LiteralNode(value="")
        inserts.append((suite, stmt, _record_call(marker, stmt.line, REACH_BASE)))
        return PlannedClaim(claim, "output", stmt.line, max(stmt.end_line, stmt.line))
    head = stmt.line
    value = _value_of(stmt, claim.subject, program.dialect)
    if value is not None:
        inserts.append((suite, stmt, _record_call(value, head)))
    elif isinstance(stmt, _VALUE_STATEMENTS) or not _is_expression(stmt):
        return PlannedClaim(claim, "unchecked", note="no value to check")
    else:
        suite.statements[index] = _record_call(stmt, head)
    return PlannedClaim(claim, "record", head, head)


def _index_of(suite: nodes.SuiteNode, stmt: nodes.Node) -> int:
    return next(i for i, s in enumerate(suite.statements) if s is stmt)


def _alternative_spans(program: Program, claim: docsnippets.Claim,
                       lines: list[str]) -> list[tuple[int, int]]:
    """A comment-only claim may describe the statement below it or the paragraph below."""
    spans = _paragraph_above(claim, lines)
    below = claim.line + 1
    while below <= len(lines) and (not lines[below - 1].strip() or
                                   lines[below - 1].lstrip().startswith("#")):
        if not lines[below - 1].strip():
            return spans  # a blank line: nothing directly below belongs to the claim
        below += 1
    found = find_statement(program.tree, below) if below <= len(lines) else None
    if found is None:
        return spans
    stmt = found[0].statements[found[1]]
    spans.append((stmt.line, max(stmt.line, stmt.end_line)))
    end = below
    while end < len(lines) and lines[end].strip() and not lines[end].lstrip().startswith("#"):
        end += 1
    if end > spans[-1][1]:
        spans.append((below, end))
    return spans


def _paragraph_above(claim: docsnippets.Claim, lines: list[str]) -> list[tuple[int, int]]:
    """The code lines directly above a claim, up to a blank or comment line (``# Prints:``
    after a group of prints)."""
    top = claim.line - 1
    while top > 1 and lines[top - 2].strip() and not lines[top - 2].lstrip().startswith("#"):
        top -= 1
    if top < 1 or not lines[top - 1].strip() or lines[top - 1].lstrip().startswith("#"):
        return []
    return [(top, claim.line - 1)]


def _is_expression(stmt: nodes.Node) -> bool:
    statements = (nodes.IfNode, nodes.ForNode, nodes.WhileNode, nodes.MatchNode,
                  nodes.ReturnNode, nodes.AssertNode, nodes.BreakNode, nodes.ContinueNode,
                  nodes.PassNode, nodes.BreakpointNode, nodes.FunctionNode, nodes.ClassNode,
                  nodes.SignalNode, nodes.EnumNode)
    return not isinstance(stmt, statements + _VALUE_STATEMENTS)


@dataclass
class ClaimResults:
    failures: list[tuple[int, str]] = field(default_factory=list)  # (doc line, message)
    checked: int = 0
    unreached: list[tuple[int, str]] = field(default_factory=list)  # (doc line, claim)
    unchecked: list[tuple[int, str]] = field(default_factory=list)  # (doc line, why)

    def notes(self) -> list[str]:
        """Detail lines naming every claim that was not compared with the run."""
        return ([f"line {n}: claim {raw!r} not reached (the statement did not run)"
                 for n, raw in self.unreached] +
                [f"line {n}: claim {why}" for n, why in self.unchecked])


def check_claims(planned: list[PlannedClaim], capture: Capture,
                 block: docsnippets.CodeBlock) -> ClaimResults:
    """Compare each planned claim with the run (see :class:`ClaimResults`)."""
    results = ClaimResults()
    failures = results.failures
    for plan in planned:
        doc_line = block.doc_line(plan.claim.line)
        if plan.mode == "unchecked":
            results.unchecked.append((doc_line, f"{plan.claim.raw!r} not checked: {plan.note}"))
            continue
        if plan.mode == "record":
            actual = capture.records.get(plan.first)
            if actual is None:
                results.unreached.append((doc_line, plan.claim.raw))
                continue
        elif plan.first not in capture.reached:
            results.unreached.append((doc_line, plan.claim.raw))
            continue
        else:
            actual = _best_output(plan, capture)
        results.checked += 1
        if not agrees(plan.claim.expected_lines, actual):
            failures.append((doc_line, f"claim {plan.claim.raw!r}: "
                                       f"{describe_mismatch(plan.claim.expected_lines, actual)}"))
    return results


def _best_output(plan: PlannedClaim, capture: Capture) -> list[str]:
    """The output of the claim's span that agrees with it, else the most telling one."""
    candidates: list[list[str]] = []
    runs = capture.reached.get(plan.first, 1)
    for first, last in [(plan.first, plan.last), *plan.alternatives]:
        for actual in (capture.output_of(first, last), capture.messages_of(first, last)):
            if agrees(plan.claim.expected_lines, actual) or \
                    _each_run_agrees(plan.claim.expected_lines, actual, runs):
                return plan.claim.expected_lines
            candidates.append(actual)
    same_size = [c for c in candidates if len(c) == len(plan.claim.expected_lines)]
    return next(iter(same_size + [c for c in candidates if c]), [])


def _each_run_agrees(expected: list[str], actual: list[str], runs: int) -> bool:
    """A statement that ran ``runs`` times (a loop, ``_process``) printed the claim each time."""
    size = len(expected)
    if runs < 2 or len(actual) != runs * size:
        return False
    return all(agrees(expected, actual[i:i + size]) for i in range(0, len(actual), size))


# * Driving the main loop ---------------------------------------------------------------


class DoctestClock:
    """Fast game time (frames back to back); stops a loop that only has _process work."""

    def __init__(self) -> None:
        self.time = 0.0
        self.loop: Any = None
        self.idle_frames = 0
        self.started = time.monotonic()
        self.stopped = False

    def now(self) -> float:
        return self.time

    def sleep_until(self, when: float) -> None:
        self.time = max(self.time, when)
        if self.loop is None or not _only_perpetual(self.loop):
            self.idle_frames = 0
            return
        self.idle_frames += 1
        if self.idle_frames >= PERPETUAL_FRAMES and \
                time.monotonic() - self.started >= PERPETUAL_WALL:
            self.stopped = True
            self.loop._gd_request_quit(None)


def _only_perpetual(loop: Any) -> bool:
    """Nothing is awaited, held or timed: only _process-style callbacks keep the loop alive."""
    from gdscript.stdlib import objects

    if getattr(loop, "_gd_holds", None) or objects.MESSAGE_QUEUE:
        return False
    connections = getattr(loop, "_gd_connections", {})
    if any(connections.get(s) for s in getattr(loop, "_GD_FRAME_SIGNALS", ())):
        return False
    return not getattr(loop, "_gd_timers", None) and not getattr(loop, "_gd_delete_queue", None)


def drive(cls: Any, program: Program, clock: DoctestClock, timeout: float) -> int:
    """Run the compiled class as ``runner.run_class`` does, on ``clock``; the exit code."""
    from gdscript.stdlib.scene_tree import run_main_loop

    from .runner import _main_loop_classes

    main_loop_cls, tree_cls, node_cls = _main_loop_classes(program.dialect)
    if issubclass(cls, main_loop_cls):
        loop = cls()
        clock.loop = loop
        return run_main_loop(loop, clock=clock, max_seconds=timeout)
    loop = tree_cls()
    clock.loop = loop
    if not issubclass(cls, node_cls):
        instance = cls()
        if program.statements_function:
            getattr(type(instance), program.statements_function)(instance)
        code = run_main_loop(loop, clock=clock, max_seconds=timeout)
        del instance
        return code
    node = cls()
    for name, method in program.children:
        child = getattr(type(node), method)(node)
        child.set_name(name)
        node.add_child(child)
    if program.statements_function:
        loop._gd_root.add_child(node)
        getattr(type(node), program.statements_function)(node)
        return run_main_loop(loop, clock=clock, max_seconds=timeout)
    return run_main_loop(loop, clock=clock, max_seconds=timeout, scene=node)


# * One block -------------------------------------------------------------------------------


def run_block(block: docsnippets.CodeBlock, options: RunOptions) -> Outcome:
    """Run ``block`` in this process and judge it (see module docs)."""
    started = time.monotonic()
    outcome = _run_block(block, options)
    outcome.duration = time.monotonic() - started
    return outcome


def _run_block(block: docsnippets.CodeBlock, options: RunOptions) -> Outcome:
    kind = "script" if options.call else docsnippets.classify(block)
    if kind == "elided":
        return Outcome("SKIP", "elided, not run", block.line)
    dialect = options.dialect
    if dialect == "auto" and block.dialect_hint is not None:
        dialect = block.dialect_hint
    try:
        program = build_program(block.text, kind, dialect)
        if options.call:
            _call_function(program, options.call)
        fixtures = options.fixtures + implied_children(block.text, options.fixtures,
                                                      program.dialect)
        add_fixtures(program, block.text, fixtures, options.helpers)
        planned = plan_claims(program, docsnippets.find_claims(block), block.text)
    except GDScriptError as exc:
        return _compile_failure(block, exc)
    capture = Capture(options.output_limit)
    clock = DoctestClock()
    problem = _execute(program, block, capture, clock, options)
    if problem is not None:
        return problem
    return _judge(block, planned, capture, clock, options)


def _execute(program: Program, block: docsnippets.CodeBlock, capture: Capture,
             clock: DoctestClock, options: RunOptions) -> Outcome | None:
    """Compile and run; an Outcome when the run itself went wrong, else None."""
    from pathlib import Path

    from gdscript.stdlib import files

    from .loader import Project, compile_tree
    from .runner import RunTimeout, _deadline
    from .sandbox import OutOfMemory

    timeout = options.timeout
    running: int | None = None
    with _block_folder(options.workdir) as folder:
        project = Project(Path(folder), program.dialect)
        old_roots = (files.POLICY.res_dir, files.POLICY.user_dir)
        files.set_roots(folder, str(Path(folder) / "user"))
        try:
            with sandbox_scope(options.sandbox, options.max_memory), \
                    capturing(capture, program.dialect), \
                    _deadline(timeout):
                cls = compile_tree(program.tree, block.text, RES_PATH, project, None)
                code = drive(cls, program, clock, timeout)
        except GDScriptError as exc:
            return _compile_failure(block, exc)
        except RunTimeout as exc:
            code, running = -1, _script_line(exc.__traceback__)
        except OutputLimitExceeded as exc:
            return _stopped(block, "ERROR", f"output limit: the block printed more than "
                            f"{options.output_limit} characters", exc)
        except RecursionError as exc:
            return _stopped(block, "FAIL", "Stack overflow (infinite recursion?)", exc)
        except OutOfMemory as exc:  # the sandbox's memory ceiling
            return _stopped(block, "ERROR", exc.message, exc)
        except Exception as exc:  # noqa: BLE001 - a bug of ours, reported per block
            return Outcome("ERROR", f"internal error: {type(exc).__name__}: {exc}", block.line)
        finally:
            files.set_roots(*old_roots)
    timed_out = code == -1 or getattr(clock.loop, "_gd_timed_out", False)
    if timed_out:
        where = running if code == -1 else None
        return Outcome("ERROR", f"timeout: the block ran longer than {timeout:g} s",
                       _doc_line(block, where), _source_line(block, where),
                       warnings=capture.stderr[:20])
    return None


def _script_line(tb: Any) -> int | None:
    """The block line running when an exception was raised (innermost block frame)."""
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == RES_PATH:
            line = tb.tb_lineno
        tb = tb.tb_next
    return _block_line(line)


def _stopped(block: docsnippets.CodeBlock, status: str, reason: str,
             exc: BaseException) -> Outcome:
    """A run stopped by a limit: reported at the block line that was running."""
    line = _script_line(exc.__traceback__)
    return Outcome(status, reason, _doc_line(block, line),
                   _source_line(block, line))


@contextmanager
def _block_folder(workdir: str | None) -> Iterator[str]:
    """The block's res:// folder (user:// is ``user`` in it).

    With ``workdir`` (a forked child of the pool, whose parent removes ``workdir`` at the
    end) a fresh sub-folder that is not removed here: one mkdir instead of a temporary
    folder's create-and-remove, which is most of a simple block's cost.
    """
    import tempfile

    if workdir is not None:
        yield tempfile.mkdtemp(prefix="block-", dir=workdir)
        return
    with tempfile.TemporaryDirectory(prefix="gdscript-doctest-") as folder:
        yield folder


def _block_line(line: int | None) -> int | None:
    """The block line of a script line: injected recorders and markers carry an offset."""
    if line is not None and RECORD_BASE <= line < FIXTURE_BASE:
        return line - RECORD_BASE
    if line is not None and line >= REACH_BASE:
        return line - REACH_BASE
    return line


def _source_line(block: docsnippets.CodeBlock, line: int | None) -> list[str]:
    """The block's line ``line`` as a detail line, when it is one of the block's lines."""
    line = _block_line(line)
    if line is None or not 0 < line <= _line_count(block):
        return []
    return [f"    {block.text.split(chr(10))[line - 1].strip()}"]


_RES_LINE = re.compile(re.escape(RES_PATH) + r":(\d+)")


def _relocate(warning: str, block: docsnippets.CodeBlock) -> str:
    """``res://doc_block.gd:N`` in a warning -> the document's ``path:line``."""
    return _RES_LINE.sub(lambda m: f"{block.path}:{_doc_line(block, int(m[1]))}", warning)


def _compile_failure(block: docsnippets.CodeBlock, exc: GDScriptError) -> Outcome:
    line = _doc_line(block, exc.line)
    details = _source_line(block, exc.line)
    claims = sum(1 for c in docsnippets.find_claims(block) if c.kind != "vague")
    if claims:
        details.append(f"{claims} claim{'s' if claims != 1 else ''} not checked: the block "
                       "did not compile")
    fixture = exc.line is not None and FIXTURE_BASE <= exc.line < REACH_BASE
    prefix = "fixture: " if fixture else ""
    return Outcome("FAIL", f"{prefix}{exc.kind}: {exc.message}", line, details)


def _line_count(block: docsnippets.CodeBlock) -> int:
    return block.text.count("\n") + 1


def _doc_line(block: docsnippets.CodeBlock, line: int | None) -> int:
    line = _block_line(line)
    if line is None or not 0 < line <= _line_count(block):
        return block.line
    return block.doc_line(line)


def _judge(block: docsnippets.CodeBlock, planned: list[PlannedClaim], capture: Capture,
           clock: DoctestClock, options: RunOptions) -> Outcome:
    warnings = [_relocate(w, block) for w in capture.stderr]
    if capture.internal:
        return Outcome("ERROR", f"internal error: {capture.internal[0]}", block.line,
                       capture.internal[1:], warnings)
    results = check_claims(planned, capture, block)
    if options.call:  # one test function of a file ran: the others' claims never run
        results.unreached, results.unchecked = [], []
    if capture.errors:
        message, line, function = capture.errors[0]
        details = _source_line(block, line) + [
            f"SCRIPT ERROR: {m} (line {_doc_line(block, n)}, in {f}())"
            for m, n, f in capture.errors[1:6]]
        stopped = _doc_line(block, line)  # a claim on the failing statement is untested
        results.unchecked += [(n, m) for n, m in results.failures if n == stopped]
        details += [f"line {n}: {m}" for n, m in results.failures if n != stopped]
        details += _untested(results)
        prefix = "fixture: " if FIXTURE_BASE <= line < REACH_BASE else ""
        return Outcome("FAIL", f"{prefix}SCRIPT ERROR: {message}", _doc_line(block, line),
                       details, warnings, results.checked)
    checked = results.checked
    if results.failures:
        line, message = results.failures[0]
        details = [f"line {n}: {m}" for n, m in results.failures[1:]] + results.notes()
        return Outcome("FAIL", message, line, details, warnings, checked)
    if options.strict and warnings:
        return Outcome("FAIL", f"warning: {warnings[0]}", block.line, warnings[1:], [], checked)
    if options.strict and results.unreached:
        return Outcome("FAIL", f"{len(results.unreached)} claim(s) not reached", block.line,
                       results.notes(), warnings, checked)
    return Outcome("PASS", _pass_reason(results, clock), block.line, results.notes(),
                   warnings, checked)


def _untested(results: ClaimResults) -> list[str]:
    count = len(results.unreached) + len(results.unchecked)
    if not count:
        return []
    return [f"{count} claim{'s' if count != 1 else ''} not checked: the block stopped at "
            "the error"]


def _pass_reason(results: ClaimResults, clock: DoctestClock) -> str:
    checked = results.checked
    parts = [f"{checked} claim{'s' if checked != 1 else ''} checked" if checked else "ran"]
    if results.unreached:
        parts.append(f"{len(results.unreached)} not reached")
    if results.unchecked:
        parts.append(f"{len(results.unchecked)} not checked")
    if clock.stopped:
        parts.append(f"stopped after {PERPETUAL_FRAMES} frames of _process")
    return ", ".join(parts)
