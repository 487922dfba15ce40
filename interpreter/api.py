"""The Python API: run GDScript from Python and capture what it printed.

``run_file(path)`` and ``run_source(text)`` run a script as ``gdscript run``
does and return a :class:`RunResult` with the exit code, stdout and stderr
(print, printerr, script errors in Godot's format, engine errors).
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from . import errors, script
from .runner import RunTimeout, run_file as _run_file


@dataclass
class RunResult:
    exit_code: int
    stdout: str
    stderr: str


class CaptureReporter(script.ErrorReporter):
    """Script errors in Godot's console format, into a list of lines."""

    def __init__(self, lines: list[str], dialect: int) -> None:
        super().__init__()
        self.lines = lines
        self.dialect = dialect

    def script_error(self, message: str, path: str, line: int, function: str) -> None:
        self.lines.extend(script.format_script_error(message, path, line, function,
                                                     self.dialect))

    def internal_error(self, exc: BaseException) -> None:
        self.lines.append(f"gdscript: internal error: {type(exc).__name__}: {exc}")


@contextmanager
def captured(dialect: int) -> Iterator[tuple[list[str], list[str]]]:
    """Capture printed lines and errors while the block runs."""
    from gdscript.stdlib import utility_functions

    out: list[str] = []
    err: list[str] = []

    def engine(level: str, message: str, explanation: str | None) -> None:
        err.extend(errors.format_engine_error(level, message, explanation))

    reporter = CaptureReporter(err, dialect)
    old_reporter = script.set_reporter(reporter)
    old_sink = errors.set_engine_error_sink(engine)
    old_output = utility_functions.set_output(out.append, err.append)
    try:
        yield out, err
    finally:
        utility_functions.set_output(*old_output)
        errors.set_engine_error_sink(old_sink)
        script.set_reporter(old_reporter)


def run_file(path: str | Path, dialect: int | str = "auto", args: list[str] | None = None,
             timeout: float | None = None) -> RunResult:
    """Run a script file; its output is captured, not printed."""
    from .parser import detect_dialect
    from .source import read_source

    used = dialect if dialect != "auto" else detect_dialect(read_source(path))
    with captured(int(used)) as (out, err):
        try:
            code = _run_file(path, dialect=dialect, args=args, timeout=timeout)
        except RunTimeout:
            err.append(f"gdscript: timeout: the script ran longer than {timeout:g} s")
            code = 1
        except errors.GDScriptError as exc:
            err.append(exc.render())
            code = 1
        except Exception as exc:  # noqa: BLE001 - a bug of ours, reported, never raised
            err.append(f"gdscript: internal error (a bug in gdscript, not in your script): "
                       f"{type(exc).__name__}: {exc}")
            code = 70
    return RunResult(code, _joined(out), _joined(err))


def run_source(text: str, dialect: int | str = "auto", args: list[str] | None = None,
               timeout: float | None = None, name: str = "main.gd") -> RunResult:
    """Run GDScript source text (in a temporary project folder)."""
    with tempfile.TemporaryDirectory(prefix="gdscript-") as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        return run_file(path, dialect=dialect, args=args, timeout=timeout)


def _joined(lines: list[Any]) -> str:
    return "".join(f"{line}\n" for line in lines)
