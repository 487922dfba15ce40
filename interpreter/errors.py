"""Errors: one hierarchy for everything a user can cause, and one for bugs.

Every stage raises a subclass of :class:`GDScriptError` for problems in the
user's script (syntax, analysis, runtime).  Anything else escaping a stage is a
bug in this project and is wrapped as :class:`InternalError`, so no Python
traceback reaches a user for something they did.

Positions are 1-based ``line``/``column`` like Godot and lark.  ``render()``
gives the command-line form ``path:line:col: Kind: message`` followed by the
source line and a caret.

Engine errors (Godot's ``ERR_PRINT``: printed, but the script goes on) are not
exceptions: builtins call :func:`engine_error`, which hands the message to the
sink the runtime installed (the test runner's capture, or stderr).
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable

    EngineErrorSink = Callable[[str, str, "str | None"], None]

# "No such name" from the resolver's lookups (None is a value a name can have).  It lives
# here, in a module every stage imports, so a cached run need not import the compiler.
MISSING = object()


class GDScriptError(Exception):
    """A problem in a user's GDScript (or its use of the command line)."""

    kind = "Error"

    def __init__(
        self,
        message: str,
        line: int | None = None,
        column: int | None = None,
        path: str | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        self.source = source

    def __str__(self) -> str:
        return self.message

    def located(self) -> str:
        """``path:line:col`` as far as it is known."""
        parts = [self.path or "<script>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self) -> str:
        """The command-line form: location, kind, message, source line, caret."""
        text = f"{self.located()}: {self.kind}: {self.message}"
        if self.source is not None and self.line is not None:
            lines = self.source.splitlines()
            if 1 <= self.line <= len(lines):
                src = lines[self.line - 1].replace("\t", "    ")
                raw = lines[self.line - 1]
                text += f"\n    {src}"
                if self.column is not None:
                    # Tabs were widened above; widen the caret's offset alike.
                    prefix = raw[: max(self.column - 1, 0)].replace("\t", "    ")
                    text += "\n    " + " " * len(prefix) + "^"
        return text


class ParseError(GDScriptError):
    """The source is not valid GDScript (Godot's GDTEST_PARSER_ERROR)."""

    kind = "Parse Error"


class AnalyzerError(GDScriptError):
    """The source parses but breaks a static rule (Godot's GDTEST_ANALYZER_ERROR)."""

    kind = "Analyzer Error"

    def __init__(self, message: str, line: int | None = None, column: int | None = None,
                 path: str | None = None, source: str | None = None,
                 errors: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message, line, column, path, source)
        # Godot reports every analyzer error of a file, not just the first.
        self.errors = errors if errors is not None else [(line or 0, message)]


class CompileError(GDScriptError):
    kind = "Compile Error"


class ScriptRuntimeError(GDScriptError):
    """A runtime error raised by a script (Godot's ``SCRIPT ERROR``)."""

    kind = "Runtime Error"


class UsageError(GDScriptError):
    """Bad command-line use: missing file, unknown option value, unreadable input."""

    kind = "Error"


class InternalError(Exception):
    """A bug in this project, never the user's fault."""


# * Engine errors: printed, and the script goes on ------------------------

# The dialect of the running script: Godot 3 and 4 print engine errors differently.
ENGINE_DIALECT = [4]


def format_engine_error(level: str, message: str, explanation: str | None) -> list[str]:
    """Godot's console lines for an engine error: ``ERROR: msg`` (3.x: ``ERROR: func: msg``)."""
    if ENGINE_DIALECT[0] == 3:
        function = native_function() or "call"
        return [f"{level}: {function}: {message}"] + ([f"   {explanation}"] if explanation
                                                      else [])
    return [f"{level}: {message}"] + ([f"   {explanation}"] if explanation else [])


def _stderr_sink(level: str, message: str, explanation: str | None) -> None:
    for line in format_engine_error(level, message, explanation):
        sys.stderr.write(line + "\n")


_sink: EngineErrorSink = _stderr_sink

# Names of the native methods running now (innermost last).  Godot 3 prefixes an engine
# error with the C++ function that raised it, which is mostly the method a script called.
NATIVE_CALLS: list[str] = []


def native_function() -> str | None:
    """The native method an engine error comes from, if one is running."""
    return NATIVE_CALLS[-1] if NATIVE_CALLS else None


def set_engine_error_sink(sink: EngineErrorSink | None) -> EngineErrorSink:
    """Install ``sink`` for engine errors (``None`` restores stderr); returns the old one."""
    global _sink
    old = _sink
    _sink = sink if sink is not None else _stderr_sink
    return old


def engine_error(message: str, explanation: str | None = None) -> None:
    """Report an engine error (Godot's ``ERR_PRINT``); execution continues."""
    _sink("ERROR", message, explanation)


def engine_warning(message: str, explanation: str | None = None) -> None:
    """Report an engine warning (Godot's ``WARN_PRINT``); execution continues."""
    _sink("WARNING", message, explanation)
