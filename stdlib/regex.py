"""RegEx and RegExMatch (both dialects), on top of Python's ``re``.

Godot compiles patterns with PCRE2 (flags: ``PCRE2_DUPNAMES`` only, so ``\\d``, ``\\w``,
``\\s``, ``\\b`` and case-insensitive matching are ASCII-only).  Patterns are translated
to Python's dialect and compiled with ``re.ASCII``:

* translated: named groups ``(?<name>...)`` / ``(?'name'...)``, duplicate group names,
  back-references ``\\k<name>`` ``\\k'name'`` ``\\k{name}`` ``\\g{name}`` ``\\gN`` ``\\g{N}``,
  ``\\h`` ``\\H`` ``\\v`` ``\\V`` ``\\R``, ``\\z`` ``\\Z``, ``\\e``, ``\\cX``, ``\\x{hh..}``,
  ``\\o{..}``, ``\\Q...\\E``, POSIX classes ``[:alpha:]`` (and the others), and inline
  option settings ``(?i)`` anywhere (they become scoped groups up to the end of the
  enclosing group, repeated in each later alternative, as PCRE2 applies them).
  Possessive quantifiers and atomic groups are native in Python 3.11.
* not supported (``compile`` fails with an engine error saying so): ``\\K``, ``\\G``,
  ``\\p{..}`` / ``\\P{..}`` / ``\\X``, recursion and subroutine calls (``(?R)``,
  ``(?1)``, ``(?&name)``), branch reset ``(?|``, backtracking verbs ``(*...)``,
  conditionals on names or recursion, relative back-references ``\\g{-1}``, and
  back-references to a group that comes later in the pattern.

Compile errors print ``offset: message`` with PCRE2's wording for the common errors
(checked against Godot 3.2.3); the offset is computed from Python's error position and
can differ from PCRE2's by a few characters.

``sub`` follows ``pcre2_substitute`` without extended syntax: ``$n``, ``${n}``, ``$name``,
``${name}`` and ``$$``; a reference to a group that does not exist or did not take part
in the match, or a malformed ``$``, makes the whole result empty, as in Godot.

Dialect differences (``RegEx3``): 3.x has no ``create_from_string`` and no
``show_error``; ``get_names`` returns an Array; ``search_all`` stops at the first match
that ends where the previous one ended (4.x steps over empty matches); ``sub`` with an
``end`` drops the subject after ``end`` (4.x keeps it).
"""

from __future__ import annotations

import re

from ..errors import engine_error
from .global_constants import FAILED, OK
from .objects import RefCounted, Reference

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any


class RegexUnsupported(Exception):
    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


# * Translation PCRE2 -> Python -----------------------------------------------------

_HSPACE = "\\t \\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000"
_VSPACE = "\\n\\x0b\\f\\r\\x85\\u2028\\u2029"
_POSIX = {"alpha": "a-zA-Z", "digit": "0-9", "alnum": "a-zA-Z0-9", "upper": "A-Z",
          "lower": "a-z", "space": " \\t\\n\\r\\f\\v", "blank": " \\t", "xdigit": "0-9A-Fa-f",
          "word": "\\w", "cntrl": "\\x00-\\x1f\\x7f", "print": "\\x20-\\x7e",
          "graph": "\\x21-\\x7e", "punct": "!-/:-@\\[-`{-~", "ascii": "\\x00-\\x7f"}
_SIMPLE_ESCAPES = {"h": f"[{_HSPACE}]", "H": f"[^{_HSPACE}]", "v": f"[{_VSPACE}]",
                   "V": f"[^{_VSPACE}]", "R": f"(?:\\r\\n|[{_VSPACE}])", "z": "\\Z",
                   "Z": "(?=\\n?\\Z)", "e": "\\x1b"}
_UNSUPPORTED_ESCAPES = {"K": "\\K", "G": "\\G", "p": "\\p", "P": "\\P", "X": "\\X", "C": "\\C"}
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class _Translator:
    """One pass over a PCRE2 pattern, emitting Python syntax and a position map."""

    def __init__(self, pattern: str) -> None:
        self.src = pattern
        self.i = 0
        self.out: list[str] = []
        self.positions: list[int] = []  # source index of each output character
        self.frames: list[list[str]] = [[]]  # scoped option groups opened per nesting level
        self.names: dict[str, list[int]] = {}  # group name -> Python group numbers
        self.python_names: dict[str, str] = {}  # Python group name -> Godot name
        self.groups = 0

    def emit(self, text: str, at: int | None = None) -> None:
        self.out.append(text)
        self.positions.extend([self.i if at is None else at] * len(text))

    def fail(self, what: str) -> RegexUnsupported:
        return RegexUnsupported(f"{what} is not supported by this runtime's regular expressions", self.i)

    def run(self) -> str:
        src = self.src
        while self.i < len(src):
            char = src[self.i]
            if char == "\\":
                self.escape(in_class=False)
            elif char == "[":
                self.char_class()
            elif char == "(":
                self.group()
            elif char == ")":
                self.emit(")" * (len(self.frames[-1]) + 1))
                if len(self.frames) > 1:
                    self.frames.pop()
                self.i += 1
            elif char == "|":
                opened = self.frames[-1]
                self.emit(")" * len(opened) + "|" + "".join(f"(?{f}:" for f in opened))
                self.i += 1
            else:
                self.emit(char)
                self.i += 1
        self.emit(")" * sum(len(frame) for frame in self.frames))
        return "".join(self.out)

    # Escapes -----------------------------------------------------------------
    def escape(self, in_class: bool) -> None:
        src, start = self.src, self.i
        if start + 1 >= len(src):
            self.emit("\\")
            self.i += 1
            return
        letter = src[start + 1]
        self.i += 2
        if letter == "Q":
            end = src.find("\\E", self.i)
            end = len(src) if end < 0 else end
            self.emit(re.escape(src[self.i:end]), start)
            self.i = min(end + 2, len(src))
        elif letter == "E":
            return
        elif letter in _UNSUPPORTED_ESCAPES:
            self.i = start
            raise self.fail(_UNSUPPORTED_ESCAPES[letter])
        elif letter in _SIMPLE_ESCAPES and not (in_class and letter in "RzZ"):
            text = _SIMPLE_ESCAPES[letter]
            self.emit(text[1:-1] if in_class and text.startswith("[") and letter in "hv" else text, start)
            if in_class and letter in "HV":
                self.i = start
                raise self.fail(f"\\{letter} in a character class")
        elif letter == "c" and self.i < len(src):
            self.emit("\\x%02x" % (ord(src[self.i].upper()) ^ 0x40), start)
            self.i += 1
        elif letter in "xo" and self.i < len(src) and src[self.i] == "{":
            end = src.find("}", self.i)
            digits = src[self.i + 1:end] if end > 0 else ""
            try:
                code = int(digits, 16 if letter == "x" else 8)
            except ValueError:
                code = -1
            if not 0 <= code <= 0x10FFFF:
                self.emit("\\" + letter, start)
                return
            self.emit("\\U%08x" % code, start)
            self.i = end + 1
        elif letter in "kg" and not in_class:
            self.reference(letter, start)
        else:
            self.emit("\\" + letter, start)

    def reference(self, letter: str, start: int) -> None:
        src = self.src
        closers = {"<": ">", "'": "'", "{": "}"}
        if self.i < len(src) and src[self.i] in closers:
            end = src.find(closers[src[self.i]], self.i + 1)
            target = src[self.i + 1:end] if end > 0 else ""
            self.i = end + 1 if end > 0 else len(src)
        else:
            match = re.compile(r"-?\d+").match(src, self.i)
            target = match.group() if match else ""
            self.i = match.end() if match else self.i
        if target.startswith("-") or target.startswith("+"):
            self.i = start
            raise self.fail("A relative back-reference")
        if target.isdigit():
            self.emit(f"(?:\\{int(target)})", start)
        elif letter == "k" or target:
            groups = self.names.get(target)
            name = self.python_name(target, groups[0]) if groups else target
            self.emit(f"(?P={name})", start)
        else:
            self.emit("\\" + letter, start)

    # Character classes -------------------------------------------------------------
    def char_class(self) -> None:
        src = self.src
        self.emit("[")
        self.i += 1
        if src.startswith("^", self.i):
            self.emit("^")
            self.i += 1
        if src.startswith("]", self.i):
            self.emit("\\]")
            self.i += 1
        while self.i < len(src) and src[self.i] != "]":
            char = src[self.i]
            posix = re.compile(r"\[:(\^?)([a-z]+):\]").match(src, self.i)
            if posix:
                if posix.group(1) or posix.group(2) not in _POSIX:
                    raise self.fail(f"The POSIX class '{posix.group()}'")
                self.emit(_POSIX[posix.group(2)])
                self.i = posix.end()
            elif char == "\\":
                self.escape(in_class=True)
            else:
                # Python warns about possible set operations on these; PCRE2 takes them literally.
                self.emit("\\" + char if char in "[&~|" else char)
                self.i += 1
        if self.i < len(src):
            self.emit("]")
            self.i += 1

    # Groups ------------------------------------------------------------------
    def group(self) -> None:
        src, start = self.src, self.i
        rest = src[start:]
        if rest.startswith("(*"):
            raise self.fail("A backtracking verb '(*...)'")
        if not rest.startswith("(?"):
            self.open_capture(None, 1, start)
            return
        named = re.compile(r"\(\?(?:P?<(?![=!])|')").match(src, start)
        if named:
            self.named_group(named.end(), start)
            return
        options = re.compile(r"\(\?([imsxnUJ]*)(?:-([imsxnUJ]*))?([):])").match(src, start)
        if options:
            self.option_group(options, start)
            return
        if re.compile(r"\(\?(?:R|[+-]?\d|&|P>|\||\(\w)").match(src, start) and \
                not re.compile(r"\(\?\(\d+\)").match(src, start):
            raise self.fail(f"The construct '{rest[:3]}'")
        self.frames.append([])
        self.emit("(")
        self.i += 1

    def named_group(self, name_start: int, start: int) -> None:
        src = self.src
        match = _NAME.match(src, name_start)
        closer = ">" if src[name_start - 1] == "<" else "'"
        if not match or not src.startswith(closer, match.end()):
            self.emit(src[start:name_start].replace("(?<", "(?P<").replace("(?'", "(?P<"), start)
            self.i = name_start
            return
        self.open_capture(match.group(), match.end() + 1 - start, start)

    def open_capture(self, name: str | None, length: int, start: int) -> None:
        self.groups += 1
        self.frames.append([])
        if name is None:
            self.emit("(", start)
        else:
            self.names.setdefault(name, []).append(self.groups)
            self.emit(f"(?P<{self.python_name(name, self.groups)}>", start)
        self.i = start + length

    def python_name(self, name: str, group: int) -> str:
        """Duplicate names (PCRE2_DUPNAMES) get a private Python name per group."""
        first = self.names[name][0]
        python = name if group == first else f"_gd_dup{group}_{name}"
        self.python_names[python] = name
        return python

    def option_group(self, match: re.Match[str], start: int) -> None:
        on, off, end = match.group(1), match.group(2) or "", match.group(3)
        on, off = on.replace("n", "").replace("U", "").replace("J", ""), \
            off.replace("n", "").replace("U", "").replace("J", "")
        flags = on + ("-" + off if off else "")
        self.i = match.end()
        if end == ":":
            self.frames.append([])
            self.emit(f"(?{flags}:" if flags else "(?:", start)
        elif flags:
            self.frames[-1].append(flags)
            self.emit(f"(?{flags}:", start)


# * Compile errors: PCRE2's wording -----------------------------------------------

_PCRE_MESSAGES = (
    ("missing ), unterminated subpattern", "missing closing parenthesis", "end"),
    ("unbalanced parenthesis", "unmatched closing parenthesis", 0),
    ("unterminated character set", "missing terminating ] for character class", "end"),
    ("nothing to repeat", "quantifier does not follow a repeatable item", 0),
    ("multiple repeat", "quantifier does not follow a repeatable item", 0),
    ("min repeat greater than max repeat", "numbers out of order in {} quantifier", 3),
    ("bad character range", "range out of order in character class", 2),
    ("bad escape (end of pattern)", "\\ at end of pattern", "end"),
    ("bad escape", "unrecognized character follows \\", 1),
    ("look-behind requires fixed-width pattern", "lookbehind assertion is not fixed length", 0),
    ("invalid group reference", "reference to non-existent subpattern", 0),
    ("unknown group name", "reference to non-existent subpattern", 0),
    ("cannot refer to an open group", "reference to non-existent subpattern", 0),
    ("unknown extension", "unrecognized character after (? or (?-", 1),
    ("unknown flag", "unrecognized character after (? or (?-", 1),
    ("missing ), unterminated comment", "missing ) after (?# comment", "end"),
    ("missing >, unterminated name", "syntax error in subpattern name (missing terminator?)", 0),
    ("missing group name", "syntax error in subpattern name (missing terminator?)", 0),
)


def _pcre_error(exc: re.error, pattern: str, positions: list[int]) -> tuple[int, str]:
    python_pos = exc.pos or 0
    offset = positions[python_pos] if python_pos < len(positions) else len(pattern)
    text = exc.msg
    if text.startswith("bad character in group name"):
        name = text.split("'")[1] if "'" in text else ""
        if name[:1].isdigit():
            return offset, "subpattern name must start with a non-digit"
        return offset, "syntax error in subpattern name (missing terminator?)"
    for python_text, pcre_text, shift in _PCRE_MESSAGES:
        if text.startswith(python_text):
            return (len(pattern) if shift == "end" else min(offset + shift, len(pattern))), pcre_text
    return offset, text


def compile_pattern(pattern: str) -> tuple[Any, dict[str, list[int]], str | None]:
    """(compiled, name -> group numbers, None) or (None, {}, "offset: message")."""
    translator = _Translator(pattern)
    try:
        translated = translator.run()
        return re.compile(translated, re.ASCII), translator.names, None
    except RegexUnsupported as exc:
        return None, {}, f"{exc.offset}: {exc.message}"
    except re.error as exc:
        offset, message = _pcre_error(exc, pattern, translator.positions)
        return None, {}, f"{offset}: {message}"
    except (RecursionError, OverflowError):
        return None, {}, f"{len(pattern)}: regular expression is too large"


# * Replacement strings (pcre2_substitute, not extended) ------------------------------

class _BadReplacement(Exception):
    pass


def _replacement_parts(replacement: str, group_count: int, names: dict[str, list[int]]) -> list[Any]:
    """Literal strings and group references (lists of candidate group numbers)."""
    parts: list[Any] = []
    literal, index = [], 0
    while index < len(replacement):
        char = replacement[index]
        if char != "$":
            literal.append(char)
            index += 1
            continue
        if replacement.startswith("$$", index):
            literal.append("$")
            index += 2
            continue
        braced = replacement.startswith("${", index)
        match = re.compile(r"\d+|[A-Za-z0-9_]+").match(replacement, index + (2 if braced else 1))
        if not match or (braced and not replacement.startswith("}", match.end())):
            raise _BadReplacement
        token = match.group()
        groups = [int(token)] if token.isdigit() else names.get(token)
        if not groups or groups[0] > group_count:
            raise _BadReplacement
        parts.extend(["".join(literal), groups])
        literal = []
        index = match.end() + (1 if braced else 0)
    parts.append("".join(literal))
    return parts


def _expand(parts: list[Any], match: re.Match[str]) -> str:
    pieces = []
    for part in parts:
        if isinstance(part, str):
            pieces.append(part)
            continue
        value = next((match.group(g) for g in part if match.group(g) is not None), None)
        if value is None:
            raise _BadReplacement  # PCRE2_ERROR_UNSET
        pieces.append(value)
    return "".join(pieces)


# * RegExMatch --------------------------------------------------------------------

class RegExMatch(RefCounted):
    """One match: the subject, each group's span, and the names of groups that took part."""

    GODOT_NAME = "RegExMatch"

    def __init__(self, subject: str = "", spans: list[tuple[int, int]] | None = None,
                 names: dict[str, int] | None = None) -> None:
        super().__init__()
        self._gd_subject = subject
        self._gd_spans = spans or []
        self._gd_names = names or {}

    def _gd_find(self, name: Any) -> int:
        if isinstance(name, (int, float)) and not isinstance(name, bool):
            index = int(name)
            return index if 0 <= index < len(self._gd_spans) else -1
        if isinstance(name, str):
            return self._gd_names.get(name, -1)
        return -1

    def get_subject(self) -> str:
        return self._gd_subject

    def get_group_count(self) -> int:
        return max(len(self._gd_spans) - 1, 0)

    def get_names(self) -> Any:
        from .dictionary import Dictionary
        return Dictionary(sorted(self._gd_names.items()))

    def get_strings(self) -> Any:
        from .arrays import Array
        return Array(self._gd_text(span) for span in self._gd_spans)

    def _gd_text(self, span: tuple[int, int]) -> str:
        return "" if span[0] < 0 else self._gd_subject[span[0]:span[1]]

    def get_string(self, name: Any = 0) -> str:
        index = self._gd_find(name)
        return "" if index < 0 else self._gd_text(self._gd_spans[index])

    def get_start(self, name: Any = 0) -> int:
        index = self._gd_find(name)
        return -1 if index < 0 else self._gd_spans[index][0]

    def get_end(self, name: Any = 0) -> int:
        index = self._gd_find(name)
        return -1 if index < 0 else self._gd_spans[index][1]

    subject = property(get_subject)
    names = property(get_names)
    strings = property(get_strings)


# * RegEx -------------------------------------------------------------------------

class _RegExBase(RefCounted):
    """What both dialects' RegEx share."""

    GODOT_NAME = "RegEx"
    _GD_INVALID = 'Condition "!is_valid()" is true. Returning: '
    _GD_DIALECT = 4
    _GD_MATCH: type = RegExMatch

    def __init__(self) -> None:
        super().__init__()
        self._gd_pattern = ""
        self._gd_compiled: Any = None
        self._gd_names: dict[str, list[int]] = {}

    def clear(self) -> None:
        self._gd_compiled = None
        self._gd_names = {}

    def compile(self, pattern: str, show_error: bool = True) -> int:
        self._gd_pattern = str(pattern)
        self.clear()
        compiled, names, error = compile_pattern(self._gd_pattern)
        if compiled is None:
            if show_error:
                engine_error(error or "")
            return FAILED
        self._gd_compiled, self._gd_names = compiled, names
        return OK

    def is_valid(self) -> bool:
        return self._gd_compiled is not None

    def get_pattern(self) -> str:
        return self._gd_pattern

    def get_group_count(self) -> int:
        if not self._gd_check("0"):
            return 0
        return self._gd_compiled.groups

    def get_names(self) -> Any:
        from .packed import PackedStringArray
        if not self._gd_check("result"):
            return PackedStringArray()
        return PackedStringArray(sorted(self._gd_names))

    def _gd_check(self, returning: str) -> bool:
        if self._gd_compiled is None:
            engine_error(self._GD_INVALID + returning)
            return False
        return True

    def _gd_offset_ok(self, offset: int, what: str, returning: str) -> bool:
        if offset < 0:
            engine_error(f'Condition "p_offset < 0" is true. Returning: {returning}',
                         f"RegEx {what} offset must be >= 0")
            return False
        return True

    def _gd_match(self, subject: str, match: re.Match[str]) -> RegExMatch:
        spans = [match.span(group) for group in range(self._gd_compiled.groups + 1)]
        names = {}
        for name, groups in self._gd_names.items():
            taking_part = [g for g in groups if spans[g][0] != -1]
            if taking_part:
                names[name] = taking_part[0]
        return self._GD_MATCH(subject, spans, names)

    def _gd_end(self, subject: str, end: int) -> int:
        return end if 0 <= end < len(subject) else len(subject)

    def search(self, subject: str, offset: int = 0, end: int = -1) -> RegExMatch | None:
        if not self._gd_check("nullptr") or not self._gd_offset_ok(offset, "search", "nullptr"):
            return None
        subject = str(subject)
        if offset > len(subject):
            return None
        match = self._gd_compiled.search(subject, offset, self._gd_end(subject, end))
        return None if match is None else self._gd_match(subject, match)

    def search_all(self, subject: str, offset: int = 0, end: int = -1) -> Any:
        from .arrays import Array
        results = Array()
        if not self._gd_offset_ok(offset, "search", "Array()"):
            return results
        match = self.search(subject, offset, end)
        while match is not None:
            position = match.get_end()
            if match.get_start() == position:
                position += 1
            results.append(match)
            match = self.search(subject, position, end)
        return results

    def sub(self, subject: str, replacement: str, all: bool = False, offset: int = 0,  # noqa: A002
            end: int = -1) -> str:
        if not self._gd_check("String()") or not self._gd_offset_ok(offset, "sub", "String()"):
            return ""
        subject = str(subject)
        length = self._gd_end(subject, end)
        substituted = self._gd_substitute(subject, str(replacement), bool(all), offset, length)
        if substituted is None:
            return ""
        return substituted + subject[length:] if self._GD_DIALECT == 4 else substituted

    def _gd_substitute(self, subject: str, replacement: str, every: bool, offset: int,
                       length: int) -> str | None:
        if offset > length:
            return None
        pieces, position, parts = [], 0, None
        for match in self._gd_compiled.finditer(subject, offset, length):
            try:
                if parts is None:
                    parts = _replacement_parts(replacement, self._gd_compiled.groups, self._gd_names)
                pieces.extend([subject[position:match.start()], _expand(parts, match)])
            except _BadReplacement:
                return None
            position = match.end()
            if not every:
                break
        pieces.append(subject[position:length])
        return "".join(pieces)


class RegEx(_RegExBase):
    """Godot 4's RegEx."""

    @staticmethod
    def create_from_string(pattern: str, show_error: bool = True) -> RegEx:
        regex = RegEx()
        regex.compile(pattern, show_error)
        return regex


class RegExMatch3(Reference, RegExMatch):
    GODOT_NAME = "RegExMatch"


class RegEx3(Reference, _RegExBase):
    """Godot 3's RegEx (see the module docstring for the differences)."""

    GODOT_NAME = "RegEx"
    _GD_INVALID = 'Condition "!is_valid()" is true. Returned: '
    _GD_DIALECT = 3
    _GD_MATCH = RegExMatch3

    def compile(self, pattern: str) -> int:  # type: ignore[override]
        return _RegExBase.compile(self, pattern, True)

    def get_names(self) -> Any:
        from .arrays import Array
        if not self._gd_check("result"):
            return Array()
        return Array(sorted(self._gd_names))

    def search(self, subject: str, offset: int = 0, end: int = -1) -> RegExMatch | None:
        if not self._gd_check("__null"):
            return None
        subject = str(subject)
        if not 0 <= offset <= len(subject):
            return None
        match = self._gd_compiled.search(subject, offset, self._gd_end(subject, end))
        return None if match is None else self._gd_match(subject, match)

    def search_all(self, subject: str, offset: int = 0, end: int = -1) -> Any:
        from .arrays import Array
        results, last_end = Array(), -1
        match = self.search(subject, offset, end)
        while match is not None and match.get_end() != last_end:
            results.append(match)
            last_end = match.get_end()
            match = self.search(subject, last_end, end)
        return results

    def sub(self, subject: str, replacement: str, all: bool = False, offset: int = 0,  # noqa: A002
            end: int = -1) -> str:
        if not self._gd_check("String()"):
            return ""
        return _RegExBase.sub(self, subject, replacement, all, max(offset, 0), end)


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"RegEx": RegEx, "RegExMatch": RegExMatch}
GODOT_CLASSES_3 = {"RegEx": RegEx3, "RegExMatch": RegExMatch3}
