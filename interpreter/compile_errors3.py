"""How Godot 3 reports a script that does not compile when it is run with ``-s``.

Godot 3.2 prints the first error as a script error of ``GDScript::reload``,
then the engine error of the failed reload, and exits with code 0 without
running anything::

    SCRIPT ERROR: GDScript::reload: Parse Error: <message>
       At: res://<file>.gd:<line>.
    ERROR: reload: Method failed. Returning: ERR_PARSE_ERROR

``report(exc)`` prints that for one of our ParseError / AnalyzerError; the
messages that Godot 3 words differently from Godot 4 are translated (the
table covers the common ones; others keep the 4.x wording).
"""

from __future__ import annotations

import re
import sys

from .errors import GDScriptError

# Godot 4 wording (as our parser and analyzer give it) -> Godot 3 wording.
_MESSAGES_3: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r'^Identifier "(.+)" not declared in the current scope\.$'),
     "The identifier \"\\1\" isn't declared in the current scope."),
    (re.compile(r'^Function "(.+)\(\)" not found in base self\.$'),
     "The method \"\\1\" isn't declared in the current class."),
    (re.compile(r'^Expected closing "\)" after grouping expression\.$'),
     "Expected ')' in expression"),
    (re.compile(r'^Expected closing "\)" after call arguments\.$'), "Expected ',' or ')'"),
    (re.compile(r'^Expected ":" after "(if|elif|else|while|for)".*$'),
     "':' expected at end of line."),
]


def message_3(message: str) -> str:
    """Godot 3's wording of a compile error message."""
    for pattern, replacement in _MESSAGES_3:
        if pattern.match(message):
            return pattern.sub(replacement, message)
    return message


def line_3(exc: GDScriptError) -> int:
    """Godot 3's line: an error found where only the end of the file follows (an
    unclosed bracket) is reported on the line after the last one."""
    line = exc.line or 0
    source = exc.source
    if source is None or line < 1:
        return line
    lines = source.split("\n")
    rest = "\n".join(lines[line:])
    current = lines[line - 1] if line <= len(lines) else ""
    at_end = exc.column is None or exc.column > len(current.rstrip())
    if at_end and not rest.strip() and exc.message.startswith("Expected closing"):
        return source.count("\n") + 1
    return line


def report(exc: GDScriptError, path: str) -> None:
    """Print a compile error of the script at ``path`` (``res://...``) as Godot 3 does."""
    sys.stderr.write(f"SCRIPT ERROR: GDScript::reload: Parse Error: {message_3(exc.message)}\n"
                     f"   At: {exc.path or path}:{line_3(exc)}.\n"
                     "ERROR: reload: Method failed. Returning: ERR_PARSE_ERROR\n")
