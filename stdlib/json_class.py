"""JSON in both dialects: Godot 4's ``JSON`` class and Godot 3's ``JSON`` singleton.

4.x (``core/io/json.cpp``): ``JSON.stringify(data, indent="", sort_keys=true,
full_precision=false)`` and ``JSON.parse_string(text)`` are static; an instance
``parse(text, keep_text=false)`` returns an Error code and keeps ``data``, the
error line (0-based, like Godot) and message.  Floats print with
``String::num(x, max(1, 14 - floor(log10 |x|)))`` (exact ``0.0`` as ``0.0``),
ints as ints; other values become their ``str()`` in quotes.  Dictionary keys
are sorted (strings by code point) unless ``sort_keys`` is false.

3.x (checked against Godot 3.2.3): ``JSON.print(value, indent="", sort_keys=false)``
formats floats like ``str()`` (``2.0`` -> ``2``); ``to_json`` sorts keys.
``JSON.parse(text)`` returns a ``JSONParseResult`` (error, error_string,
error_line, result); the 3.x parser ignores text after the value and takes an
unknown escape as the character itself.

Both parsers return every number as a float, arrays as ``arrays.Array`` and
objects as ``dictionary.Dictionary``.
"""

from __future__ import annotations

import math
import re

from ..errors import engine_error
from .global_constants import ERR_PARSE_ERROR, OK
from .objects import Object, RefCounted, Reference

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

MAX_DEPTH = 1024  # Variant::MAX_RECURSION_DEPTH
_NUMBER = re.compile(r"-?\d*(?:\.\d*)?(?:[eE][+-]?\d+)?")


class JSONParseError(Exception):
    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


# * Parsing --------------------------------------------------------------------------

class _Parser:
    """Godot's hand-written JSON tokenizer and recursive parser (both dialects)."""

    def __init__(self, text: str, dialect: int) -> None:
        self.text = text
        self.dialect = dialect
        self.index = 0
        self.line = 0

    def fail(self, message: str) -> JSONParseError:
        return JSONParseError(message, self.line)

    def token(self) -> tuple[str, Any]:
        text = self.text
        while self.index < len(text):
            char = text[self.index]
            if char == "\n":
                self.line += 1
                self.index += 1
            elif char in "{}[]:,":
                self.index += 1
                return char, None
            elif char == '"':
                return "string", self.string()
            elif ord(char) <= 32:
                self.index += 1
            elif char == "-" or char.isdigit() and char.isascii():
                match = _NUMBER.match(text, self.index)
                self.index = match.end()
                return "number", _to_float(match.group())
            elif char.isascii() and char.isalpha():
                start = self.index
                while self.index < len(text) and text[self.index].isascii() and text[self.index].isalpha():
                    self.index += 1
                return "identifier", text[start:self.index]
            else:
                raise self.fail("Unexpected character." if self.dialect == 3 else "Unexpected character")
        if self.dialect == 4 and not text:
            raise self.fail("Unknown error getting token")
        return "EOF", None

    def string(self) -> str:
        text, parts = self.text, []
        self.index += 1
        unterminated = "Unterminated String" if self.dialect == 3 else "Unterminated string"
        while True:
            if self.index >= len(text):
                raise self.fail(unterminated)
            char = text[self.index]
            if char == '"':
                self.index += 1
                return "".join(parts)
            if char == "\\":
                self.index += 1
                if self.index >= len(text):
                    raise self.fail(unterminated)
                parts.append(self.escape(text[self.index]))
            else:
                if char == "\n":
                    self.line += 1
                parts.append(char)
            self.index += 1

    def escape(self, char: str) -> str:
        simple = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\", "/": "/"}
        if char in simple:
            return simple[char]
        if char == "u":
            code = self.hex4()
            if 0xD800 <= code <= 0xDBFF and self.text[self.index + 1:self.index + 3] == "\\u":
                self.index += 2
                trail = self.hex4()
                if 0xDC00 <= trail <= 0xDFFF:
                    return chr(0x10000 + ((code - 0xD800) << 10) + (trail - 0xDC00))
                raise self.fail("Invalid UTF-16 sequence in string, unpaired lead surrogate")
            if 0xD800 <= code <= 0xDFFF and self.dialect == 4:
                kind = "lead" if code <= 0xDBFF else "trail"
                raise self.fail(f"Invalid UTF-16 sequence in string, unpaired {kind} surrogate")
            return chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"
        if self.dialect == 3:
            return char
        raise self.fail("Invalid escape sequence")

    def hex4(self) -> int:
        digits = self.text[self.index + 1:self.index + 5]
        if len(digits) < 4:
            raise self.fail("Unterminated String" if self.dialect == 3 else "Unterminated string")
        if not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise self.fail("Malformed hex constant in string")
        self.index += 4
        return int(digits, 16)

    def value(self, kind: str, token: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise self.fail("JSON structure is too deep")
        if kind == "{":
            return self.object(depth + 1)
        if kind == "[":
            return self.array(depth + 1)
        if kind == "identifier":
            if token in ("true", "false", "null"):
                return {"true": True, "false": False, "null": None}[token]
            if self.dialect == 3:
                raise self.fail(f"Expected 'true','false' or 'null', got '{token}'.")
            raise self.fail(f"Expected 'true', 'false', or 'null', got '{token}'")
        if kind in ("number", "string"):
            return token
        if self.dialect == 3:
            raise self.fail("Expected value, got " + _TOKEN_NAMES[kind] + ".")
        raise self.fail(f"Expected value, got '{_TOKEN_NAMES[kind]}'")

    def array(self, depth: int) -> Any:
        from .arrays import Array
        result, need_comma = Array(), False
        while self.index < len(self.text):
            kind, token = self.token()
            if kind == "]":
                return result
            if need_comma:
                if kind != ",":
                    raise self.fail("Expected ','")
                need_comma = False
                continue
            result.append(self.value(kind, token, depth))
            need_comma = True
        raise self.fail("Expected ']'")

    def object(self, depth: int) -> Any:
        from .dictionary import Dictionary
        result, need_comma = Dictionary(), False
        while self.index < len(self.text):
            kind, token = self.token()
            if kind == "}":
                return result
            if need_comma:
                if kind != ",":
                    raise self.fail("Expected '}' or ','")
                need_comma = False
                continue
            if kind != "string":
                raise self.fail("Expected key")
            if self.token()[0] != ":":
                raise self.fail("Expected ':'")
            result[token] = self.value(*self.token(), depth)
            need_comma = True
        raise self.fail("Expected '}'")


_TOKEN_NAMES = {"{": "'{'", "}": "'}'", "[": "'['", "]": "']'", "identifier": "identifier",
                "string": "string", "number": "number", ":": "':'", ",": "','", "EOF": "EOF"}


def _to_float(text: str) -> float:
    mantissa = text.rstrip("eE+-")
    try:
        return float(mantissa) if mantissa not in ("", "-", ".", "-.") else -0.0 if text.startswith("-") else 0.0
    except ValueError:
        return float(re.match(r"-?\d*\.?\d*", mantissa).group() or 0)


def parse_text(text: str, dialect: int = 4) -> Any:
    """Parse ``text``; raises JSONParseError(message, 0-based line)."""
    parser = _Parser(str(text), dialect)
    result = parser.value(*parser.token(), 0)
    if dialect == 4 and parser.index < len(parser.text):
        kind, _ = parser.token()
        if kind != "EOF":
            raise parser.fail("Expected 'EOF'")
    return result


# * Writing --------------------------------------------------------------------------

def _float4(number: float, full_precision: bool) -> str:
    from .variant import c_num, shortest_float
    if number == 0.0:
        return "0.0"
    if math.isnan(number) or math.isinf(number):
        return c_num(number, 0)
    if full_precision:
        text = shortest_float(number)
        return text if "." in text or "e" in text else text + ".0"
    precision = max(1, 14 - math.floor(math.log10(abs(number))))
    return c_num(number, precision)


def _escape(text: str) -> str:
    for raw, escaped in (("\\", "\\\\"), ("\b", "\\b"), ("\f", "\\f"), ("\n", "\\n"),
                         ("\r", "\\r"), ("\t", "\\t"), ("\v", "\\v"), ('"', '\\"')):
        text = text.replace(raw, escaped)
    return text


class _Writer:
    def __init__(self, indent: str, sort_keys: bool, dialect: int, full_precision: bool) -> None:
        self.indent = indent
        self.sort_keys = sort_keys
        self.dialect = dialect
        self.full_precision = full_precision
        self.markers: set[int] = set()

    def write(self, value: Any, level: int) -> str:
        from .variant import num3, stringify
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return num3(value) if self.dialect == 3 else _float4(value, self.full_precision)
        if isinstance(value, dict):
            return self.container(value, level, "{", "}")
        if isinstance(value, list) and not type(value).__name__ in _NOT_ARRAYS:
            return self.container(value, level, "[", "]")
        return '"' + _escape(value if isinstance(value, str) else stringify(value, self.dialect)) + '"'

    def container(self, value: Any, level: int, open_: str, close: str) -> str:
        if level > MAX_DEPTH:
            engine_error("JSON structure is too deep. Bailing.")
            return "..."
        if id(value) in self.markers:
            engine_error("Converting circular structure to JSON.")
            return '"[...]"' if open_ == "[" else '"{...}"'
        if not value and open_ == "[" and self.dialect == 4:
            return "[]"
        newline = "\n" if self.indent else ""
        self.markers.add(id(value))
        items = [self.indent * (level + 1) + self.item(value, entry, level) for entry in self.entries(value)]
        self.markers.discard(id(value))
        return open_ + newline + ("," + newline).join(items) + newline + self.indent * level + close

    def entries(self, value: Any) -> list[Any]:
        if not isinstance(value, dict):
            return list(value)
        keys = list(value.keys())
        if self.sort_keys:
            from functools import cmp_to_key

            from .variant import variant_less
            keys.sort(key=cmp_to_key(lambda a, b: -1 if variant_less(a, b) else (1 if variant_less(b, a) else 0)))
        return keys

    def item(self, container: Any, entry: Any, level: int) -> str:
        if not isinstance(container, dict):
            return self.write(entry, level + 1)
        from .variant import stringify
        key = entry if isinstance(entry, str) else stringify(entry, self.dialect)
        colon = ": " if self.indent else ":"
        return '"' + _escape(str(key)) + '"' + colon + self.write(container[entry], level + 1)


# Packed arrays that JSON writes as strings (Vector, Color and byte arrays).
_NOT_ARRAYS = frozenset({"PackedVector2Array", "PackedVector3Array", "PackedVector4Array",
                         "PackedColorArray"})


def stringify_json(data: Any, indent: str = "", sort_keys: bool = True, full_precision: bool = False,
                   dialect: int = 4) -> str:
    return _Writer(str(indent), bool(sort_keys), dialect, bool(full_precision)).write(data, 0)


# * Godot 4 ------------------------------------------------------------------------------

class JSON(RefCounted):
    """Godot 4's JSON: static stringify / parse_string, instance parse with error details."""

    GODOT_NAME = "JSON"

    def __init__(self) -> None:
        super().__init__()
        self._gd_data: Any = None
        self._gd_text = ""
        self._gd_error_line = 0
        self._gd_error_message = ""

    @property
    def data(self) -> Any:
        return self._gd_data

    @data.setter
    def data(self, value: Any) -> None:
        self._gd_data = value
        self._gd_text = ""

    @staticmethod
    def stringify(data: Any, indent: str = "", sort_keys: bool = True, full_precision: bool = False) -> str:
        return stringify_json(data, indent, sort_keys, full_precision, 4)

    @staticmethod
    def parse_string(json_string: str) -> Any:
        json = JSON()
        if json.parse(json_string) != OK:
            engine_error('Condition "error != Error::OK" is true. Returning: Variant()',
                         f"Parse JSON failed. Error at line {json._gd_error_line}: {json._gd_error_message}")
            return None
        return json._gd_data

    @staticmethod
    def from_native(variant: Any, full_objects: bool = False) -> Any:
        return from_native(variant, 0)

    @staticmethod
    def to_native(json: Any, allow_objects: bool = False) -> Any:
        return to_native(json, 0)

    def parse(self, json_text: str, keep_text: bool = False) -> int:
        try:
            self._gd_data = parse_text(json_text, 4)
            error, self._gd_error_line, self._gd_error_message = OK, 0, ""
        except JSONParseError as exc:
            self._gd_data = None
            error, self._gd_error_line, self._gd_error_message = ERR_PARSE_ERROR, exc.line, exc.message
        except RecursionError:
            self._gd_data = None
            error, self._gd_error_line, self._gd_error_message = ERR_PARSE_ERROR, 0, "JSON structure is too deep"
        if keep_text:
            self._gd_text = str(json_text)
        return error

    def get_data(self) -> Any:
        return self._gd_data

    def set_data(self, data: Any) -> None:
        self.data = data

    def get_parsed_text(self) -> str:
        return self._gd_text

    def get_error_line(self) -> int:
        return self._gd_error_line

    def get_error_message(self) -> str:
        return self._gd_error_message


# * JSON.from_native / to_native (4.x): Variants as JSON-compatible values ---------

def _native_name(value: Any) -> str:
    from .marshalls import _type_name
    return _type_name(value)


def from_native(value: Any, depth: int) -> Any:
    """Godot's ``JSON.from_native`` for builtin values (objects become ``null``)."""
    from .arrays import Array
    from .dictionary import Dictionary
    from .variant import stringify
    name = _native_name(value)
    if name in ("Nil", "bool"):
        return value
    prefix = {"int": "i:", "float": "f:", "String": "s:", "StringName": "sn:", "NodePath": "np:"}
    if name in prefix:
        return prefix[name] + stringify(value, 4)
    if depth > MAX_DEPTH:
        engine_error("Variant is too deep. Bailing.")
        return None
    if name == "Array":
        return Array([from_native(item, depth + 1) for item in value])
    if name == "Dictionary":
        args = Array()
        for key, item in value.items():
            args.extend((from_native(key, depth + 1), from_native(item, depth + 1)))
        return Dictionary({"type": "Dictionary", "args": args})
    fields = getattr(type(value), "_FIELDS", None)
    if fields is not None:
        return Dictionary({"type": name, "args": Array([getattr(value, f) for f in fields])})
    if name.startswith("Packed"):
        items = []
        for item in value:
            item_fields = getattr(type(item), "_FIELDS", None)
            items.extend([getattr(item, f) for f in item_fields] if item_fields else [item])
        return Dictionary({"type": name, "args": Array(items)})
    return None if name == "Object" else Dictionary({"type": name})


def to_native(value: Any, depth: int) -> Any:
    """Godot's ``JSON.to_native``: the inverse of ``from_native``."""
    from . import class_table, strings
    from .arrays import Array
    from .dictionary import Dictionary
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        for prefix, convert in (("i:", strings.to_int), ("f:", strings.to_float), ("s:", str),
                                ("sn:", class_table(4)["StringName"]), ("np:", class_table(4).get("NodePath"))):
            if value.startswith(prefix) and convert is not None:
                return convert(value[len(prefix):])
        engine_error("Invalid string, the type prefix is not recognized.")
        return None
    if isinstance(value, list):
        return Array([to_native(item, depth + 1) for item in value])
    if not isinstance(value, dict) or "type" not in value:
        engine_error('Condition "!dict.has(TYPE)" is true. Returning: Variant()')
        return None
    name, args = str(value["type"]), list(value.get("args", []))
    if name == "Dictionary":
        pairs = [to_native(item, depth + 1) for item in args]
        return Dictionary(dict(zip(pairs[0::2], pairs[1::2])))
    cls = class_table(4).get(name)
    if cls is None:
        engine_error(f'Invalid type "{name}".')
        return None
    element = {"PackedVector2Array": "Vector2", "PackedVector3Array": "Vector3",
               "PackedVector4Array": "Vector4", "PackedColorArray": "Color"}.get(name)
    if element is not None:
        element_cls = class_table(4)[element]
        size = len(element_cls._FIELDS)
        return cls([element_cls(*args[i:i + size]) for i in range(0, len(args), size)])
    return cls(args) if name.startswith("Packed") else cls(*args)


# * Godot 3 ------------------------------------------------------------------------------

class JSONParseResult(Reference):
    """What Godot 3's ``JSON.parse`` returns."""

    GODOT_NAME = "JSONParseResult"

    def __init__(self, error: int = OK, error_string: str = "", error_line: int = -1,
                 result: Any = None) -> None:
        super().__init__()
        self._gd_error = error
        self._gd_error_string = error_string
        self._gd_error_line = error_line
        self._gd_result = result

    def get_error(self) -> int:
        return self._gd_error

    def get_error_string(self) -> str:
        return self._gd_error_string

    def get_error_line(self) -> int:
        return self._gd_error_line

    def get_result(self) -> Any:
        return self._gd_result

    def set_error(self, error: int) -> None:
        self._gd_error = error

    def set_error_string(self, error_string: str) -> None:
        self._gd_error_string = error_string

    def set_error_line(self, error_line: int) -> None:
        self._gd_error_line = error_line

    def set_result(self, result: Any) -> None:
        self._gd_result = result

    error = property(get_error, set_error)
    error_string = property(get_error_string, set_error_string)
    error_line = property(get_error_line, set_error_line)
    result = property(get_result, set_result)


def _parse3(text: str) -> tuple[Any, str, int]:
    """(result, error message, line); the message is empty on success."""
    if not str(text):
        return None, "", 0  # Godot 3 fails on empty text without a message
    try:
        return parse_text(text, 3), "", 0
    except JSONParseError as exc:
        return None, exc.message, exc.line
    except RecursionError:
        return None, "JSON structure is too deep", 0


class JSON3(Object):
    """Godot 3's JSON singleton (``JSON.print`` / ``JSON.parse``)."""

    GODOT_NAME = "JSON"

    def print(self, value: Any, indent: str = "", sort_keys: bool = False) -> str:
        return stringify_json(value, indent, sort_keys, False, 3)

    def parse(self, json: str) -> JSONParseResult:
        result, message, line = _parse3(json)
        if message or not str(json):
            engine_error(f"Error parsing JSON at line {line}: {message}")
            return JSONParseResult(ERR_PARSE_ERROR, message, line, None)
        return JSONParseResult(OK, "", 0, result)


def to_json(value: Any) -> str:
    return stringify_json(value, "", True, False, 3)


def parse_json(text: str) -> Any:
    result, message, line = _parse3(text)
    if message or not str(text):
        engine_error(f"Error parsing JSON at line {line}: {message}")
        return None
    return result


def validate_json(text: str) -> str:
    _, message, line = _parse3(text)
    return f"{line}:{message}" if message or not str(text) else ""


# Static methods reachable on the class itself (``JSON.stringify(...)``).
JSON.STATIC_METHODS = {name: getattr(JSON, name)
                       for name in ("stringify", "parse_string", "from_native", "to_native")}

GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"JSON": JSON}
GODOT_CLASSES_3 = {"JSONParseResult": JSONParseResult}
