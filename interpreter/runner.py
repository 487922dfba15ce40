"""Running a script as ``godot -s script.gd`` does: the main loop, nodes, fragments.

``run_file(path)`` loads a script and runs it by what it extends:

* ``SceneTree``/``MainLoop``: the script is the main loop (``_init`` runs on
  creation, then frames until ``quit()``);
* ``Node`` or a Node class: a SceneTree is made and the script's node is added
  under its root (``_ready``, ``_process``, timers and ``await`` work);
* anything else: an instance is created (``_init`` runs), then frames run while
  something is pending (an ``await``, a timer).

A file of bare statements (a documentation fragment) runs as the body of a
Node's ``_ready``.  The exit code is ``quit()``'s, else 0, or 1 after a script
error left the run unable to finish, or after ``--timeout``.
"""

from __future__ import annotations

import os
import sys

from .errors import ENGINE_DIALECT, AnalyzerError, CompileError, ParseError, UsageError
from .loader import Project, compile_tree, load_script
from .sandbox import OutOfMemory
from .script import REPORTER, ErrorReporter

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from os import PathLike
    from typing import Any
    from . import nodes


class RunTimeout(BaseException):
    """Raised inside running code when ``--timeout`` expires (not catchable by scripts)."""


def _main_loop_classes(dialect: int) -> tuple[type, type, type]:
    from gdscript.stdlib import scene_tree

    tree = scene_tree.SceneTree3 if dialect == 3 else scene_tree.SceneTree
    return scene_tree.MainLoop, tree, scene_tree.Node


# Script errors in this many frames, in most frames since the first one, mean the run
# cannot reach quit().
STUCK_FRAMES = 120


class ErrorWatch:
    """Ends a run that script errors have derailed, where Godot would hang: exit code 1
    when the loop ran out of work after an error, or an error repeats every frame."""

    def __init__(self) -> None:
        self.tree: Any = None
        self.errors = 0
        self.error_frames = 0
        self.first_frame = -1
        self.last_frame = -1

    def __call__(self) -> None:
        self.errors += 1
        if self.tree is None:
            return
        self.tree._gd_error_exit = True
        frame = getattr(self.tree, "_gd_frame", 0)
        if frame != self.last_frame:
            self.error_frames += 1
            self.last_frame = frame
            if self.first_frame < 0:
                self.first_frame = frame
        mostly = self.error_frames * 2 > frame - self.first_frame + 1
        if self.error_frames >= STUCK_FRAMES and mostly and not self.tree._gd_quit:
            from gdscript.stdlib.utility_functions import OUTPUT

            OUTPUT.write_err(f"gdscript: stopping the run: script errors in {STUCK_FRAMES} "
                             f"frames and counting (Godot would keep running)")
            self.tree._gd_request_quit(1)


def run_class(cls: Any, dialect: int, timeout: float | None = None) -> int:
    from gdscript.stdlib.scene_tree import run_main_loop

    from .script import ERROR_HOOKS

    main_loop_cls, tree_cls, node_cls = _main_loop_classes(dialect)
    watch = ErrorWatch()
    ERROR_HOOKS.append(watch)
    try:
        if issubclass(cls, main_loop_cls):
            tree = cls()
            watch.tree = tree
            if watch.errors:
                tree._gd_error_exit = True  # _init failed
            return run_main_loop(tree, max_seconds=timeout)
        tree = tree_cls()
        watch.tree = tree
        if issubclass(cls, node_cls):
            node = cls()
            return run_main_loop(tree, max_seconds=timeout, scene=node)
        instance = cls()
        code = run_main_loop(tree, max_seconds=timeout)
        del instance
        return code
    finally:
        ERROR_HOOKS.remove(watch)


def fragment_tree(source: str, path: str, dialect: int | str) -> nodes.ClassNode:
    """A class ``extends Node`` whose ``_ready`` is the fragment's statements."""
    from . import nodes
    from .parser import parse_statements

    suite = parse_statements(source, path=path, dialect=dialect)
    fn = nodes.FunctionNode(line=1, column=1, end_line=1, end_column=1, name="_ready",
                            body=suite)
    detected = getattr(suite, "dialect", None) or (dialect if isinstance(dialect, int) else 4)
    return nodes.ClassNode(line=1, column=1, end_line=1, end_column=1, extends=["Node"],
                           members=[fn], dialect=detected)


def load_or_fragment(path: str, dialect: int | str, strict: bool = False) -> tuple[Any, int]:
    """Load a script; a file of bare statements runs as a fragment."""
    try:
        cls, project = load_script(path, dialect, strict)
        return cls, project.dialect
    except ParseError as first_error:
        from .source import read_source

        text = read_source(path)
        try:
            tree = fragment_tree(text, str(path), dialect)
        except ParseError:
            raise first_error from None
        project = Project(Project.root_for(path), tree.dialect, strict)
        return compile_tree(tree, text, project.res_path(path), project, path), tree.dialect


def run_file(path: str | PathLike[str], dialect: int | str = "auto", args: list[str] | None = None,
             timeout: float | None = None, strict: bool = False) -> int:
    """Run the script at ``path``; returns the exit code (errors are printed)."""
    from gdscript.stdlib import system

    file = os.fspath(path)
    if not os.path.exists(file):
        raise UsageError(f"{path}: no such file")
    if hasattr(system, "set_cmdline_args"):
        system.set_cmdline_args([file], list(args or []))
    _set_project_paths(Project.root_for(file))
    # Godot allows 1024 nested script calls; a GDScript call takes one to three Python frames.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 4000))
    reporter = REPORTER[0]
    errors_before = reporter.count
    if dialect == 3:  # engine errors while loading already print in 3.x form
        ENGINE_DIALECT[0] = 3
    try:
        with _deadline(timeout):
            try:
                cls, used_dialect = load_or_fragment(file, dialect, strict)
            except (ParseError, AnalyzerError, CompileError) as exc:
                if dialect != 3:
                    raise
                from . import compile_errors3  # Godot 3 prints it and exits with 0

                compile_errors3.report(exc, f"res://{os.path.basename(file)}")
                return 0
            reporter.dialect = used_dialect
            ENGINE_DIALECT[0] = used_dialect
            code = run_class(cls, used_dialect, timeout)
    except (OutOfMemory, MemoryError) as exc:
        _report_out_of_memory(exc, file)
        return 1
    if code == 0 and reporter.count > errors_before and reporter.internal_errors:
        return 70
    return code


def _report_out_of_memory(exc: BaseException, path: str) -> None:
    """A script error at the GDScript line that was running (the script's file if none)."""
    from .sandbox import script_location

    if isinstance(exc, OutOfMemory):
        message, where = exc.message, exc.where
    else:  # one allocation too large for the address space (or the machine)
        message, where = "Out of memory.", None
        tb = exc.__traceback__
        while tb is not None:
            where = script_location(tb.tb_frame) or where
            tb = tb.tb_next
    reporter = REPORTER[0]
    reporter.count += 1
    reporter.script_error(message, *(where or (path, 0, "<script>")))


def _set_project_paths(root: str) -> None:
    """res:// is the project folder; every builtin that takes a path resolves it alike."""
    from gdscript.stdlib import files

    files.set_roots(root, files.POLICY.user_dir)


class _deadline:
    """Raise RunTimeout in the main thread after ``seconds`` (wall clock)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self.armed = False
        self.old: Any = None

    def __enter__(self) -> None:
        if not self.seconds:
            return
        import signal
        import threading

        if threading.current_thread() is threading.main_thread() and \
                hasattr(signal, "SIGALRM"):
            self.old = signal.signal(signal.SIGALRM, self._fire)
            self.armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.armed:
            import signal

            signal.setitimer(signal.ITIMER_REAL, 0)
            # None: the handler was not set from Python (an embedding host's); none is better
            # than ours firing later.
            signal.signal(signal.SIGALRM, self.old if self.old is not None else signal.SIG_DFL)
            self.armed = False

    def _fire(self, signum: int, frame: Any) -> None:
        raise RunTimeout()


__all__ = ["ErrorReporter", "RunTimeout", "run_file", "run_class", "sys"]
