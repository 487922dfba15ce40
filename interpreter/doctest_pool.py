"""Running documentation blocks isolated and in parallel: ``run_isolated``.

Each block runs in its own forked child process (``doctest_run.run_block``), at most
``jobs`` at a time, so a block cannot leave state behind for the next one, and one that
hangs in native code or crashes the interpreter costs only its own child: the parent kills
a child ``HARD_GRACE`` seconds after the block's time limit and reports the block as ERROR.
Results come back through a pipe (pickled :class:`Outcome`) and are yielded in input order.

The parent warms up first (parser tables and lexers, stdlib imports) so children start
ready, and makes one folder under which each child makes its block's folder (the parent
removes it at the end).  Where ``os.fork`` does not exist the blocks run one by one in this
process instead.
"""

from __future__ import annotations

import dataclasses
import gc
import importlib
import os
import pickle
import selectors
import shutil
import signal
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .docsnippets import CodeBlock
from .doctest_run import Outcome, RunOptions, run_block

HARD_GRACE = 3.0


@dataclass
class _Child:
    index: int
    block: CodeBlock
    pid: int
    fd: int
    deadline: float
    data: list[bytes] = field(default_factory=list)


_WARM_UP = """\
extends Node
signal done(value)
const LIMIT := 3
enum Kind { A, B = 2 }
var items: Array = [1, 2.5, "x", Vector2(1, 2), {"k": [true, null]}]
func _ready():
\tfor i in range(LIMIT):
\t\tif i % 2 == 0 and not items.is_empty():
\t\t\tprint("%d %s" % [i, str(items[i])])  # Prints 0 1
\tmatch Kind.B:
\t\tKind.A: pass
\t\t_: print(len("abc"), Color(1, 0, 0))
\tvar total := 0.0
\twhile total < 1.0:
\t\ttotal += 0.5
\tdone.emit(total)
"""


def warm_up(options: RunOptions, freeze: bool = True) -> None:
    """Load the parser, the runtime and every stdlib module once, before forking.

    ``gc.freeze()`` (unless ``freeze`` is false) then keeps the collector from touching (and
    so copying) the parent's objects in every child.
    """
    from gdscript import stdlib

    for name in getattr(stdlib, "_MODULES", ()):
        importlib.import_module(f"gdscript.stdlib.{name}")
    block = CodeBlock("<warm-up>", 1, _WARM_UP, "gdscript", None, "fence")
    for dialect in (3, 4):
        run_block(block, RunOptions(dialect=dialect, timeout=options.timeout,
                                    sandbox=options.sandbox))
    _build_lexers()
    if freeze:
        gc.collect()
        gc.freeze()


def _build_lexers() -> None:
    """Build every lexer state's scanner of the parser now (lark builds each on first use,
    ~1 ms apiece, which every child would otherwise pay again)."""
    from .parser import _get_parser

    try:
        contextual = _get_parser().parser.lexer.lexer
        for lexer in contextual.lexers.values():
            lexer.scanner  # noqa: B018 - the property builds and keeps the scanner
    except AttributeError:  # another lark version: children build them as they go
        pass


Runner = Callable[[CodeBlock, RunOptions], Outcome]


def run_isolated(blocks: Iterable[CodeBlock], options: RunOptions, jobs: int = 1,
                 runner: Runner = run_block,
                 warm: bool = True) -> Iterator[tuple[CodeBlock, Outcome]]:
    """(block, outcome) for every block, in order (see module docs)."""
    if not hasattr(os, "fork"):
        for block in blocks:
            yield block, runner(block, options)
        return
    if warm:
        warm_up(options)
    workdir = tempfile.mkdtemp(prefix="gdscript-doctest-")
    options = dataclasses.replace(options, workdir=workdir)
    pool = _Pool(options, max(1, jobs), runner)
    try:
        yield from pool.run(list(blocks))
    finally:
        pool.kill_all()
        shutil.rmtree(workdir, ignore_errors=True)


class _Pool:
    def __init__(self, options: RunOptions, jobs: int, runner: Runner) -> None:
        self.runner = runner
        self.options = options
        self.jobs = jobs
        self.selector = selectors.DefaultSelector()
        self.children: dict[int, _Child] = {}

    def run(self, blocks: list[CodeBlock]) -> Iterator[tuple[CodeBlock, Outcome]]:
        done: dict[int, Outcome] = {}
        next_start = next_yield = 0
        while next_yield < len(blocks):
            while next_start < len(blocks) and len(self.children) < self.jobs:
                self._start(next_start, blocks[next_start])
                next_start += 1
            for child, outcome in self._wait():
                done[child.index] = outcome
            while next_yield in done:
                yield blocks[next_yield], done.pop(next_yield)
                next_yield += 1

    def _start(self, index: int, block: CodeBlock) -> None:
        read_fd, write_fd = os.pipe()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork with server threads
            pid = os.fork()
        if pid == 0:  # the child: run, send the outcome, leave without cleanup
            os.close(read_fd)
            _child_main(self.runner, block, self.options, write_fd)
        os.close(write_fd)
        os.set_blocking(read_fd, False)
        deadline = time.monotonic() + self.options.timeout + HARD_GRACE
        child = _Child(index, block, pid, read_fd, deadline)
        self.children[read_fd] = child
        self.selector.register(read_fd, selectors.EVENT_READ, child)

    def _wait(self) -> list[tuple[_Child, Outcome]]:
        now = time.monotonic()
        wait = max(0.0, min(c.deadline for c in self.children.values()) - now)
        finished = []
        for key, _ in self.selector.select(timeout=wait):
            child: _Child = key.data
            chunk = _read(child.fd)
            if chunk:
                child.data.append(chunk)
            elif chunk is not None:
                finished.append((child, self._reap(child)))
        now = time.monotonic()
        for child in [c for c in self.children.values() if c.deadline <= now]:
            _kill(child.pid)
            self._forget(child)
            os.waitpid(child.pid, 0)
            finished.append((child, Outcome(
                "ERROR", f"timeout: the block ran longer than {self.options.timeout:g} s "
                "(killed)", child.block.line)))
        return finished

    def _reap(self, child: _Child) -> Outcome:
        self._forget(child)
        _, status = os.waitpid(child.pid, 0)
        try:
            outcome = pickle.loads(b"".join(child.data))
            if isinstance(outcome, Outcome):
                return outcome
        except Exception:  # noqa: BLE001 - a truncated result: the child died
            pass
        how = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
               else f"exit code {os.WEXITSTATUS(status)}")
        return Outcome("ERROR", f"the block's process died ({how})", child.block.line)

    def _forget(self, child: _Child) -> None:
        self.selector.unregister(child.fd)
        os.close(child.fd)
        del self.children[child.fd]

    def kill_all(self) -> None:
        for child in list(self.children.values()):
            _kill(child.pid)
            self._forget(child)
            os.waitpid(child.pid, 0)
        self.selector.close()


def _read(fd: int) -> bytes | None:
    """Available bytes; b"" at end of file; None when nothing is ready after all."""
    try:
        return os.read(fd, 1 << 16)
    except BlockingIOError:
        return None


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _child_main(runner: Runner, block: CodeBlock, options: RunOptions, write_fd: int) -> None:
    code = 0
    try:
        try:
            outcome = runner(block, options)
        except BaseException as exc:  # noqa: BLE001 - whatever happened, report it
            outcome = Outcome("ERROR", f"internal error: {type(exc).__name__}: {exc}",
                              block.line)
        data = pickle.dumps(outcome)
        view = memoryview(data)
        while view:
            written = os.write(write_fd, view)
            view = view[written:]
    except BaseException:  # noqa: BLE001 - the parent reports the missing result
        code = 1
    finally:
        os._exit(code)
