"""ConfigFile (both dialects): INI-style sections of ``key=value`` with values in ``var_to_str`` form.

Text format (``core/io/config_file.cpp``; 3.x checked against Godot 3.2.3): sections in
insertion order, separated by a blank line; each starts with ``[name]`` and a blank
line, then one ``key=value`` line per key.  4.x leaves out the header of the unnamed
section, writes ``]`` in a section name as ``\\]`` and quotes keys that contain ``=``,
``"``, ``;``, ``[``, ``]``, spaces, control or non-ASCII characters
(``property_name_encode``); 3.x writes names and keys as they are.  Values are
written with ``variant.var_to_str`` for the dialect.

``load`` and ``parse`` merge into what the object already holds (neither clears it).
Reading skips ``;`` and ``#`` comment lines; a value may span lines.  A parse error
prints ``ConfigFile parse error at <path>:<line>: <message>.`` (``<string>`` for
``parse``), where line counts the newlines read before the error, and returns
``ERR_PARSE_ERROR``.  Files go through ``files.FileAccess``, so the path policy of
``files`` applies.  Encrypted files are unavailable (``ERR_UNAVAILABLE``).
"""

from __future__ import annotations


from ..errors import engine_error
from .global_constants import ERR_PARSE_ERROR, ERR_UNAVAILABLE, OK
from .objects import RefCounted, Reference

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any


class ConfigParseError(Exception):
    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


_MESSAGES = {
    4: {"eof": "Expected value, got EOF.", "identifier": "Unexpected identifier '{}'.",
        "string": "Unterminated string", "value": "Expected value, got '{}'.",
        "assign": "Expected '='", "tag": "Unexpected EOF while parsing simple tag"},
    3: {"eof": "Expected value, got EOF.", "identifier": "Unexpected identifier: '{}'.",
        "string": "Unterminated String.", "value": "Expected value, got '{}'.",
        "assign": "Expected '='", "tag": "Unexpected EOF while parsing simple tag"},
}
_CONSTANTS = frozenset({"null", "nil", "true", "false", "inf", "inf_neg", "nan"})


# * Reading -------------------------------------------------------------------------

class _Reader:
    """Sections, keys and values of ConfigFile text, in order."""

    def __init__(self, text: str, dialect: int) -> None:
        self.text = text
        self.dialect = dialect
        self.pos = 0
        self.messages = _MESSAGES[dialect]

    def entries(self) -> list[tuple[str, str, Any]]:
        text, section, found = self.text, "", []
        while True:
            self.skip_space()
            if self.pos >= len(text):
                return found
            char = text[self.pos]
            if char in ";#":
                end = text.find("\n", self.pos)
                self.pos = len(text) if end < 0 else end
            elif char == "[":
                section = self.tag()
            else:
                key = self.key()
                found.append((section, key, self.value()))

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def tag(self) -> str:
        text, start, name = self.text, self.pos + 1, []
        index = start
        while index < len(text) and text[index] != "]":
            if text[index] == "\\" and text[index + 1:index + 2] == "]" and self.dialect == 4:
                index += 1
            name.append(text[index])
            index += 1
        if index >= len(text):
            raise ConfigParseError(index, self.messages["tag"])
        self.pos = index + 1
        return "".join(name)

    def key(self) -> str:
        text = self.text
        if text[self.pos] == '"':
            from .strings import c_unescape
            end = self.string_end(self.pos)
            key = c_unescape(text[self.pos + 1:end - 1])
            self.pos = end
            self.skip_space()
        else:
            end = self.pos
            while end < len(text) and text[end] not in "=\n":
                end += 1
            key = text[self.pos:end].strip().split(" ")[0]
            self.pos = end
        if not text.startswith("=", self.pos):
            raise ConfigParseError(self.pos, self.messages["assign"])
        self.pos += 1
        return key

    def string_end(self, start: int) -> int:
        index = start + 1
        while index < len(self.text) and self.text[index] != '"':
            index += 2 if self.text[index] == "\\" else 1
        if index >= len(self.text):
            raise ConfigParseError(len(self.text), self.messages["string"])
        return index + 1

    def value(self) -> Any:
        from .variant import _TOKEN, _Parser
        tokens, depth = [], 0
        while True:
            match = _TOKEN.match(self.text, self.pos)
            if match is None or not match.lastgroup:
                self.fail_token()
            kind, token = match.lastgroup, match.group(match.lastgroup)
            if not tokens:
                self.check_first(kind, token, match.start(kind))
            tokens.append((kind, token))
            self.pos = match.end()
            if kind == "p":
                depth += 1 if token in "[{(" else -1 if token in "]})" else 0
            if depth <= 0 and not self.continues(kind, token):
                break
        try:
            return _Parser(tokens, self.dialect).value(0)[0]
        except (IndexError, ValueError, TypeError, KeyError, AttributeError):
            raise ConfigParseError(self.pos, self.messages["value"].format(tokens[-1][1])) from None

    def continues(self, kind: str, token: str) -> bool:
        """A constructor name (``Vector2``, ``Array[int]``) goes on with its arguments."""
        from .variant import _TOKEN
        ahead = _TOKEN.match(self.text, self.pos)
        bracket = ahead.group("p") if ahead is not None and ahead.lastgroup == "p" else None
        if kind == "id" and token not in _CONSTANTS:
            return bracket == "(" or (token == "Array" and bracket == "[")
        return kind == "p" and token == "]" and bracket == "("

    def check_first(self, kind: str, token: str, position: int) -> None:
        if kind == "id" and token not in _CONSTANTS and not _is_type_name(token, self.dialect):
            raise ConfigParseError(position, self.messages["identifier"].format(token))
        if kind == "p" and token in "]}),:":
            raise ConfigParseError(position, self.messages["value"].format(token))

    def fail_token(self) -> None:
        rest = self.text[self.pos:].lstrip()
        position = len(self.text) - len(rest)
        if not rest:
            raise ConfigParseError(len(self.text), self.messages["eof"])
        if rest[0] in "\"&^" and '"' in rest[:2]:
            raise ConfigParseError(len(self.text), self.messages["string"])
        raise ConfigParseError(position, self.messages["value"].format(rest[0]))


def _is_type_name(name: str, dialect: int) -> bool:
    from . import class_table
    from .variant import TYPE_IDS_3, TYPE_IDS_4
    return name in (TYPE_IDS_3 if dialect == 3 else TYPE_IDS_4) or name in class_table(dialect)


# * Writing -------------------------------------------------------------------------

def _property_name_encode(name: str) -> str:
    if any(c in '="; []' or ord(c) < 33 or ord(c) > 126 for c in name):
        return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return name


def encode_config(sections: dict[str, dict[str, Any]], dialect: int) -> str:
    from .variant import var_to_str
    blocks = []
    for section, keys in sections.items():
        lines = []
        if dialect == 3:
            lines.append(f"[{section}]\n\n")
        elif section:
            lines.append("[" + section.replace("]", "\\]") + "]\n\n")
        for key, value in keys.items():
            name = key if dialect == 3 else _property_name_encode(key)
            lines.append(f"{name}={var_to_str(value, dialect)}\n")
        blocks.append("".join(lines))
    return "\n".join(blocks)


# * ConfigFile ------------------------------------------------------------------------

def _strings(values: Any) -> Any:
    from .packed import PackedStringArray
    return PackedStringArray(list(values))


class ConfigFile(RefCounted):
    """Godot 4's ConfigFile."""

    GODOT_NAME = "ConfigFile"
    _GD_DIALECT = 4

    def __init__(self) -> None:
        super().__init__()
        self._gd_sections: dict[str, dict[str, Any]] = {}

    def set_value(self, section: str, key: str, value: Any) -> None:
        section, key = str(section), str(key)
        if value is None:
            keys = self._gd_sections.get(section)
            if keys is not None:
                keys.pop(key, None)
                if not keys:
                    del self._gd_sections[section]
            return
        self._gd_sections.setdefault(section, {})[key] = value

    def get_value(self, section: str, key: str, default: Any = None) -> Any:
        keys = self._gd_sections.get(str(section))
        if keys is None or str(key) not in keys:
            if default is None:
                engine_error(f'Condition "!values.has(p_section) || !values[p_section].has(p_key)" is '
                             f'true. Returning: p_default',
                             f'Couldn\'t find the given section "{section}" and key "{key}", '
                             f'and no default was given.')
            return default
        return keys[str(key)]

    def has_section(self, section: str) -> bool:
        return str(section) in self._gd_sections

    def has_section_key(self, section: str, key: str) -> bool:
        return str(key) in self._gd_sections.get(str(section), {})

    def get_sections(self) -> Any:
        return _strings(self._gd_sections)

    def get_section_keys(self, section: str) -> Any:
        keys = self._gd_sections.get(str(section))
        if keys is None:
            engine_error('Condition "!values.has(p_section)" is true. Returning: PackedStringArray()',
                         f'Cannot get keys from nonexistent section "{section}".')
            return _strings([])
        return _strings(keys)

    def erase_section(self, section: str) -> None:
        if str(section) not in self._gd_sections:
            engine_error('Condition "!values.has(p_section)" is true.',
                         f'Cannot erase nonexistent section "{section}".')
            return
        del self._gd_sections[str(section)]

    def erase_section_key(self, section: str, key: str) -> None:
        keys = self._gd_sections.get(str(section))
        if keys is None:
            engine_error('Condition "!values.has(p_section)" is true.',
                         f'Cannot erase key "{key}" from nonexistent section "{section}".')
            return
        if str(key) not in keys:
            engine_error('Condition "!values[p_section].has(p_key)" is true.',
                         f'Cannot erase nonexistent key "{key}" from section "{section}".')
            return
        del keys[str(key)]
        if not keys:
            del self._gd_sections[str(section)]

    def clear(self) -> None:
        self._gd_sections.clear()

    def encode_to_text(self) -> str:
        return encode_config(self._gd_sections, self._GD_DIALECT)

    def parse(self, data: str) -> int:
        return self._gd_parse(str(data), "<string>")

    def _gd_parse(self, text: str, path: str) -> int:
        reader = _Reader(text, self._GD_DIALECT)
        try:
            entries = reader.entries()
        except ConfigParseError as exc:
            line = text.count("\n", 0, exc.position)
            engine_error(f"ConfigFile parse error at {path}:{line}: {exc.message}.")
            return ERR_PARSE_ERROR
        except RecursionError:
            engine_error(f"ConfigFile parse error at {path}:0: Too deep.")
            return ERR_PARSE_ERROR
        for section, key, value in entries:
            self._gd_sections.setdefault(section, {})[key] = value
        return OK

    def load(self, path: str) -> int:
        from .files import FileAccess
        file = FileAccess.open(path, FileAccess.READ)
        if file is None:
            return FileAccess.get_open_error()
        text = file.get_as_text()
        file.close()
        return self._gd_parse(text, str(path))

    def save(self, path: str) -> int:
        from .files import FileAccess
        file = FileAccess.open(path, FileAccess.WRITE)
        if file is None:
            return FileAccess.get_open_error()
        file.store_string(self.encode_to_text())
        file.close()
        return OK

    def load_encrypted(self, path: str, key: Any) -> int:
        return _no_encryption()

    def load_encrypted_pass(self, path: str, password: str) -> int:
        return _no_encryption()

    def save_encrypted(self, path: str, key: Any) -> int:
        return _no_encryption()

    def save_encrypted_pass(self, path: str, password: str) -> int:
        return _no_encryption()


def _no_encryption() -> int:
    engine_error("Encrypted files are not available: this runtime has no AES implementation.")
    return ERR_UNAVAILABLE


class ConfigFile3(Reference, ConfigFile):
    """Godot 3's ConfigFile: the same API; 3.x text format and value syntax."""

    GODOT_NAME = "ConfigFile"
    _GD_DIALECT = 3


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"ConfigFile": ConfigFile}
GODOT_CLASSES_3 = {"ConfigFile": ConfigFile3}
