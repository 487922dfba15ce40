"""String, StringName and NodePath: Godot's text types and their methods.

Values: String is a plain ``str``; ``StringName(str)`` compares equal to an
equal ``str`` (as in Godot 4); ``NodePath`` holds a parsed path.  Methods a
script calls live in tables ``name -> fn(self, *args)`` (Godot's defaults as
Python defaults): ``STRING_METHODS`` (4.x), ``STRING_METHODS_3`` (3.x),
``STRING_NAME_METHODS``, ``NODE_PATH_METHODS`` / ``NODE_PATH_METHODS_3``.
Static functions (``String.num``, ``String.chr``...) are in ``STRING_STATIC``.

3.x ``erase`` and ``insert``-style mutators cannot change a Python ``str``: the
3.x ``erase`` returns the new string and carries ``mutates_self = True``; the
runtime stores the result back into the receiver.

``format_percent(fmt, values, dialect)`` is Godot's ``String % values``.
The text algorithms live in ``string_methods`` helpers below; errors Godot
reports and continues from go to ``engine_error``.
"""

from __future__ import annotations

import math
import struct

from ..patterns import LazyPattern

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


class StringName(str):
    """Godot's StringName: an interned string, equal to an equal String."""

    GODOT_NAME = "StringName"
    __slots__ = ()


class NodePath:
    """Godot's NodePath: ``/``-separated names, ``:``-separated subnames."""

    GODOT_NAME = "NodePath"
    __slots__ = ("names", "subnames", "absolute")

    def __init__(self, path: Any = "") -> None:
        if isinstance(path, NodePath):
            self.names, self.subnames, self.absolute = path.names, path.subnames, path.absolute
            return
        text = str(path)
        self.absolute = text.startswith("/")
        body = text[1:] if self.absolute else text
        parts = body.split(":")
        self.names = tuple(n for n in parts[0].split("/") if n)
        self.subnames = tuple(s for s in parts[1:] if s)

    @classmethod
    def from_parts(cls, names: tuple[str, ...], subnames: tuple[str, ...],
                   absolute: bool) -> NodePath:
        path = cls()
        path.names, path.subnames, path.absolute = tuple(names), tuple(subnames), absolute
        return path

    def __str__(self) -> str:
        text = ("/" if self.absolute else "") + "/".join(self.names)
        return text + "".join(":" + s for s in self.subnames)

    def __repr__(self) -> str:
        return f"NodePath({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NodePath) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(("NodePath", str(self)))

    def __bool__(self) -> bool:
        return bool(self.names or self.subnames or self.absolute)


def _error(message: str) -> None:
    from gdscript.errors import engine_error
    engine_error(message)


def _bytes(data: bytes) -> Any:
    from .packed import PackedByteArray
    return PackedByteArray(data)


def _gstr(value: Any, dialect: int = 4) -> str:
    from .variant import stringify
    return value if isinstance(value, str) else stringify(value, dialect)


# * Searching --------------------------------------------------------------------

def find(s: str, what: str, from_: int = 0) -> int:
    if from_ < 0:
        from_ = len(s) - len(what) + from_ + 1
    if from_ < 0 or from_ > len(s) - len(what) or not what:
        return -1
    return s.find(what, from_)


def rfind(s: str, what: str, from_: int = -1) -> int:
    if from_ < 0:
        from_ = len(s) - len(what) + from_ + 1
    if from_ < 0 or from_ > len(s) - len(what) or not what:
        return -1
    return s.rfind(what, 0, from_ + len(what))


def findn(s: str, what: str, from_: int = 0) -> int:
    return find(s.lower(), what.lower(), from_)


def rfindn(s: str, what: str, from_: int = -1) -> int:
    return rfind(s.lower(), what.lower(), from_)


def count(s: str, what: str, from_: int = 0, to: int = 0) -> int:
    if not what or from_ < 0 or to < 0:
        return 0
    if to != 0 and from_ >= to:
        return 0
    return s.count(what, from_, len(s) if to == 0 else min(to, len(s)))


def countn(s: str, what: str, from_: int = 0, to: int = 0) -> int:
    return count(s.lower(), what.lower(), from_, to)


def glob_match(s: str, pattern: str, fold: bool) -> bool:
    """Godot's ``String.match``/``matchn``: ``*`` any run, ``?`` one character;
    ``fold``: case-insensitive."""
    import re

    if fold:
        s, pattern = s.lower(), pattern.lower()
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, s, re.DOTALL) is not None


def is_subsequence_of(s: str, text: str) -> bool:
    it = iter(text)
    return all(c in it for c in s)


# * Slicing and editing ---------------------------------------------------------------

def substr(s: str, from_: int, chars: int = -1) -> str:
    if chars == -1:
        chars = len(s) - from_
    if not s or from_ < 0 or from_ >= len(s) or chars <= 0:
        return ""
    return s[from_:from_ + chars]


def left(s: str, length: int) -> str:
    if length < 0:
        length = len(s) + length
    return s[:length] if length > 0 else ""


def right(s: str, length: int) -> str:
    if length < 0:
        length = len(s) + length
    return s[len(s) - length:] if length > 0 else ""


def erase(s: str, position: int, chars: int = 1) -> str:
    if position < 0:
        _error(f"Invalid starting position for `String.erase()`: {position}. "
               "Starting position must be positive or zero.")
        return ""
    if chars < 0:
        _error(f"Invalid character count for `String.erase()`: {chars}. "
               "Character count must be positive or zero.")
        return ""
    return s[:position] + s[position + chars:]


def insert(s: str, position: int, what: str) -> str:
    if not what or position < 0:
        return s
    return s[:position] + what + s[position:]


def split(s: str, delimiter: str = "", allow_empty: bool = True, maxsplit: int = 0) -> Any:
    from .packed import PackedStringArray
    out: list[str] = []
    if not s:
        return PackedStringArray([""] if allow_empty else [])
    start = 0
    while True:
        end = start + 1 if not delimiter else s.find(delimiter, start)
        if end < 0 or end > len(s):
            end = len(s)
        if allow_empty or end > start:
            if 0 < maxsplit == len(out):
                out.append(s[start:])
                break
            out.append(s[start:end])
        if end == len(s):
            break
        start = end + len(delimiter)
    return PackedStringArray(out)


def rsplit(s: str, delimiter: str = "", allow_empty: bool = True, maxsplit: int = 0) -> Any:
    from .packed import PackedStringArray
    out: list[str] = []
    end = len(s)
    while True:
        if 0 < maxsplit <= len(out):
            if allow_empty or end > 0:
                out.append(s[:end])
            break
        start = (end - 1) if not delimiter else s.rfind(delimiter, 0, end)
        if start < 0 or (not delimiter and end <= 0):
            if allow_empty or end > 0:
                out.append(s[:end])
            break
        piece = s[start + len(delimiter):end] if delimiter else s[start:end]
        if allow_empty or piece:
            out.append(piece)
        end = start
        if not delimiter and end == 0:
            break
    out.reverse()
    return PackedStringArray(out)


def split_floats(s: str, delimiter: str, allow_empty: bool = True) -> Any:
    from .packed import PackedFloat64Array
    return PackedFloat64Array([to_float(p) for p in split(s, delimiter, allow_empty)])


def get_slice(s: str, delimiter: str, slice_: int) -> str:
    if not s or not delimiter or slice_ < 0:
        return ""
    parts = s.split(delimiter)
    return parts[slice_] if slice_ < len(parts) else ""


def get_slice_count(s: str, delimiter: str) -> int:
    if not s or not delimiter:
        return 0
    return s.count(delimiter) + 1


def get_slicec(s: str, delimiter: int, slice_: int) -> str:
    return get_slice(s, chr(delimiter), slice_)


def replace(s: str, what: str, forwhat: str) -> str:
    return s.replace(what, forwhat) if what else s


def replacen(s: str, what: str, forwhat: str) -> str:
    import re

    if not what:
        return s
    return re.sub(re.escape(what), lambda _m: forwhat, s, flags=re.IGNORECASE)


def repeat(s: str, count_: int) -> str:
    if count_ < 0:
        _error("Parameter count should be a positive number.")
        return ""
    return s * count_


def strip_edges(s: str, left_: bool = True, right_: bool = True) -> str:
    begin, end = 0, len(s)
    if left_:
        while begin < end and ord(s[begin]) <= 32:
            begin += 1
    if right_:
        while end > begin and ord(s[end - 1]) <= 32:
            end -= 1
    return s[begin:end]


def lpad(s: str, min_length: int, character: str = " ") -> str:
    return character * max(0, min_length - len(s)) + s


def rpad(s: str, min_length: int, character: str = " ") -> str:
    return s + character * max(0, min_length - len(s))


def pad_decimals(s: str, digits: int) -> str:
    point = s.find(".")
    if point == -1:
        if digits <= 0:
            return s
        s += "."
        point = len(s) - 1
    elif digits <= 0:
        return s[:point]
    decimals = len(s) - point - 1
    return s[:point + digits + 1] if decimals > digits else s + "0" * (digits - decimals)


def pad_zeros(s: str, digits: int) -> str:
    end = s.find(".")
    end = len(s) if end == -1 else end
    begin = 0
    while begin < end and not s[begin].isdigit():
        begin += 1
    if begin >= end:
        return s
    return s[:begin] + "0" * max(0, digits - (end - begin)) + s[begin:]


def indent(s: str, prefix: str) -> str:
    lines = s.split("\n")
    out = [prefix + line if line else line for line in lines[:-1]]
    out.append(prefix + lines[-1] if lines[-1] else "")
    return "\n".join(out)


def _dedent_line(line: str, margin: str) -> str:
    i = 0
    while i < len(line) and i < len(margin) and line[i] == margin[i]:
        i += 1
    return line[i:]


def dedent(s: str) -> str:
    """Godot's dedent: the first text line's leading blanks set the margin to strip."""
    lines = s.split("\n")
    texts = [ln for ln in lines if any(ord(c) > 32 for c in ln)]
    if not texts:
        return "\n" * (len(lines) - 1)
    first = texts[0]
    margin = first[:len(first) - len(first.lstrip("".join(chr(c) for c in range(33))))]
    return "\n".join(_dedent_line(ln, margin) if any(ord(c) > 32 for c in ln) else ""
                     for ln in lines)


# * Case ------------------------------------------------------------------------------

def to_upper(s: str) -> str:
    return "".join(u if len(u := c.upper()) == 1 else c for c in s)


def to_lower(s: str) -> str:
    return "".join(u if len(u := c.lower()) == 1 else c for c in s)


def _compound_words(s: str) -> str:
    if not s:
        return s
    cuts = [0]
    for i in range(1, len(s)):
        prev, cur = s[i - 1], s[i]
        nxt_lower = i + 1 < len(s) and s[i + 1].islower()
        if ((prev.islower() and cur.isupper())
                or ((prev.isupper() or prev.isdigit()) and cur.isupper() and nxt_lower)
                or (prev.isdigit() and cur.islower() and nxt_lower)
                or ((prev.isupper() or prev.islower()) and cur.isdigit())):
            cuts.append(i)
    words = " ".join(s[a:b] for a, b in zip(cuts, cuts[1:] + [len(s)]))
    import re

    return to_lower(re.sub(r"[\s_\-]", " ", words))


def capitalize(s: str) -> str:
    words = strip_edges(_compound_words(s)).split(" ")
    return " ".join(to_upper(w[0]) + w[1:] for w in words if w)


def to_pascal_case(s: str) -> str:
    return capitalize(s).replace(" ", "")


def to_camel_case(s: str) -> str:
    pascal = to_pascal_case(s)
    return to_lower(pascal[:1]) + pascal[1:]


def to_snake_case(s: str) -> str:
    return _compound_words(s).replace(" ", "_")


def to_kebab_case(s: str) -> str:
    return _compound_words(s).replace(" ", "-")


# * Comparison -----------------------------------------------------------------------

def _sign(a: Any, b: Any) -> int:
    return (a > b) - (a < b)


def casecmp_to(s: str, to: str) -> int:
    return _sign(s, to)


def nocasecmp_to(s: str, to: str) -> int:
    return _sign(to_lower(s), to_lower(to))


def _natural_key(s: str) -> list[Any]:
    import re

    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.findall(r"\d+|\D", s)]


def naturalcasecmp_to(s: str, to: str) -> int:
    return _sign(_natural_key(s), _natural_key(to))


def naturalnocasecmp_to(s: str, to: str) -> int:
    return naturalcasecmp_to(to_lower(s), to_lower(to))


def _file_key(s: str) -> tuple[int, str]:
    # Godot's file_cmp: names starting with "." then "_" sort first.
    return (0 if s.startswith(".") else 1 if s.startswith("_") else 2, s)


def filecasecmp_to(s: str, to: str) -> int:
    a, b = _file_key(s), _file_key(to)
    return _sign(a[0], b[0]) or naturalcasecmp_to(a[1], b[1])


def filenocasecmp_to(s: str, to: str) -> int:
    return filecasecmp_to(to_lower(s), to_lower(to))


def bigrams(s: str) -> Any:
    from .packed import PackedStringArray
    return PackedStringArray([s[i:i + 2] for i in range(len(s) - 1)])


def similarity(s: str, text: str) -> float:
    if s == text:
        return 1.0
    if len(s) < 2 or len(text) < 2:
        return 0.0
    src, tgt = list(bigrams(s)), list(bigrams(text))
    inter = sum(1 for b in src if b in tgt)
    return struct.unpack("f", struct.pack("f", 2.0 * inter / (len(src) + len(tgt))))[0]


def string_hash(s: str) -> int:
    """Godot's String hash (djb2 over code points, 32-bit)."""
    h = 5381
    for c in s:
        h = (h * 33 + ord(c)) & 0xFFFFFFFF
    return h


# * Conversion -----------------------------------------------------------------------

def to_int(s: str) -> int:
    end = s.find(".")
    digits, positive, value = 0, True, 0
    for c in s[: end if end >= 0 else len(s)]:
        if "0" <= c <= "9":
            value = value * 10 + ord(c) - 48
            digits += 1
            if value > 2 ** 63 - (1 if positive else 0):
                _error(f"Cannot represent {s} as a 64-bit signed integer, since the value is "
                       + ("too large." if positive else "too small."))
                return 2 ** 63 - 1 if positive else -2 ** 63
        elif c == "-" and value == 0:
            positive = not positive
    return value if positive else -value


_FLOAT_PREFIX = LazyPattern(r"\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")


def to_float(s: str) -> float:
    match = _FLOAT_PREFIX.match(s)
    if not match:
        low = s.strip().lower()
        return {"inf": math.inf, "-inf": -math.inf, "nan": math.nan}.get(low, 0.0)
    return float(match.group(1))


def _radix_to_int(s: str, prefix: str, base: int, what: str) -> int:
    sign, body = 1, s
    if body.startswith("-"):
        sign, body = -1, body[1:]
    if body.lower().startswith(prefix):
        body = body[2:]
    value = 0
    for c in body:
        try:
            digit = int(c, base)
        except ValueError:
            _error(f"Invalid {what} notation character \"{c}\" (U+{ord(c):04X}) in string \"{s}\".")
            return 0
        value = value * base + digit
    return sign * value


def hex_to_int(s: str) -> int:
    return _radix_to_int(s, "0x", 16, "hexadecimal")


def bin_to_int(s: str) -> int:
    return _radix_to_int(s, "0b", 2, "binary")


def hex_decode(s: str) -> Any:
    if len(s) % 2:
        _error("Hexadecimal string of uneven length.")
        return _bytes(b"")
    try:
        return _bytes(bytes.fromhex(s))
    except ValueError:
        _error("Invalid hexadecimal character in string.")
        return _bytes(b"")


def is_valid_int(s: str) -> bool:
    body = s[1:] if len(s) > 1 and s[0] in "+-" else s
    return bool(body) and all("0" <= c <= "9" for c in body)


def is_valid_float(s: str) -> bool:
    """Godot's state machine: digits, one '.', an exponent whose digits may be missing."""
    body = s[1:] if s[:1] in ("+", "-") else s
    exponent = period = sign = exponent_digits = digits = False
    for c in body:
        if "0" <= c <= "9":
            exponent_digits, digits = (True, digits) if exponent else (exponent_digits, True)
        elif digits and not exponent and c in "eE":
            exponent = True
        elif not period and not exponent and c == ".":
            period = True
        elif c in "+-" and exponent and not exponent_digits and not sign:
            sign = True
        else:
            return False
    return digits


def is_valid_hex_number(s: str, with_prefix: bool = False) -> bool:
    body = s[1:] if s[:1] in ("+", "-") else s
    if with_prefix:
        if not body.startswith("0x"):
            return False
        body = body[2:]
    return bool(body) and all(c in "0123456789abcdefABCDEF" for c in body)


def is_valid_html_color(s: str) -> bool:
    body = s[1:] if s.startswith("#") else s
    return len(body) in (3, 4, 6, 8) and is_valid_hex_number(body)


def _split3(s: str, delimiter: str = "", allow_empty: bool = True, maxsplit: int = 0) -> Any:
    # Godot 3.2: an empty delimiter is never found, so the whole string is one part.
    if delimiter == "":
        from .packed import PackedStringArray
        return PackedStringArray([s] if s or allow_empty else [])
    return split(s, delimiter, allow_empty, maxsplit)


def _rsplit3(s: str, delimiter: str = "", allow_empty: bool = True, maxsplit: int = 0) -> Any:
    if delimiter == "":
        return _split3(s, "", allow_empty)
    return rsplit(s, delimiter, allow_empty, maxsplit)


def _is_valid_html_color3(s: str) -> bool:
    # Godot 3.2's Color::html_is_valid knows only the 6- and 8-digit forms.
    body = s[1:] if s.startswith("#") else s
    return len(body) in (6, 8) and is_valid_hex_number(body)


def is_valid_ascii_identifier(s: str) -> bool:
    import re

    return re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", s) is not None


def is_valid_unicode_identifier(s: str) -> bool:
    return s.isidentifier()


def is_valid_filename(s: str) -> bool:
    return bool(s) and strip_edges(s) == s and not any(c in s for c in ':/\\?*"|%<>')


def validate_filename(s: str) -> str:
    import re

    return re.sub(r'[:/\\?*"|%<>]', "_", s)


def validate_node_name(s: str) -> str:
    import re

    return re.sub(r'[.:@/"%]', "_", s)


def is_valid_ip_address(s: str) -> bool:
    import ipaddress
    try:
        ipaddress.ip_address(s)
    except ValueError:
        return False
    return True


# * Escaping and encoding ---------------------------------------------------------------

def c_unescape(s: str) -> str:
    for escaped, raw in (("\\a", "\a"), ("\\b", "\b"), ("\\f", "\f"), ("\\n", "\n"),
                         ("\\r", "\r"), ("\\t", "\t"), ("\\v", "\v"), ("\\'", "'"),
                         ('\\"', '"'), ("\\\\", "\\")):
        s = s.replace(escaped, raw)
    return s


def json_escape(s: str) -> str:
    for raw, escaped in (("\\", "\\\\"), ("\b", "\\b"), ("\f", "\\f"), ("\n", "\\n"),
                         ("\r", "\\r"), ("\t", "\\t"), ("\v", "\\v"), ('"', '\\"')):
        s = s.replace(raw, escaped)
    return s


def xml_escape(s: str, escape_quotes: bool = False) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if escape_quotes:
        s = s.replace("'", "&apos;").replace('"', "&quot;")
    return s


def xml_unescape(s: str) -> str:
    for escaped, raw in (("&lt;", "<"), ("&gt;", ">"), ("&apos;", "'"), ("&quot;", '"'),
                         ("&amp;", "&")):
        s = s.replace(escaped, raw)
    return s


_URI_SAFE = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~"


def uri_encode(s: str) -> str:
    return "".join(chr(b) if b in _URI_SAFE else "%%%02X" % b for b in s.encode("utf-8"))


def percent_encode3(s: str) -> str:
    """Godot 3's ``percent_encode``: like http_escape, but lowercase hex digits."""
    return "".join(chr(b) if b in _URI_SAFE else "%%%02x" % b for b in s.encode("utf-8"))


def _percent_decode(s: str, plus_is_space: bool) -> str:
    """Godot's uri_decode: ``%`` + two of [0-9A-Z] decode; a bad second one drops the ``%``."""
    raw = s.encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == 0x25 and i + 2 < len(raw):
            if _upper_hex(raw[i + 1]):
                if _upper_hex(raw[i + 2]):
                    out.append(int(raw[i + 1:i + 3], 16) if all(
                        chr(b) in "0123456789ABCDEF" for b in raw[i + 1:i + 3]) else 0)
                    i += 2
            else:
                out.append(c)
        else:
            out.append(0x20 if c == 0x2B and plus_is_space else c)
        i += 1
    return out.decode("utf-8", errors="replace")


def _upper_hex(byte: int) -> bool:
    return 0x30 <= byte <= 0x39 or 0x41 <= byte <= 0x5A


def uri_decode(s: str) -> str:
    return _percent_decode(s, True)


def uri_file_decode(s: str) -> str:
    return _percent_decode(s, False)


def strip_escapes(s: str) -> str:
    return "".join(c for c in s if ord(c) >= 32)


def to_ascii_buffer(s: str) -> Any:
    return _bytes(bytes((ord(c) if ord(c) < 128 else 0x3F) for c in s))


def to_utf8_buffer(s: str) -> Any:
    return _bytes(s.encode("utf-8", errors="surrogatepass"))


def to_utf16_buffer(s: str) -> Any:
    return _bytes(s.encode("utf-16-le", errors="surrogatepass"))


def to_utf32_buffer(s: str) -> Any:
    return _bytes(s.encode("utf-32-le", errors="surrogatepass"))


def _digest(algorithm: str) -> tuple[Callable[[str], str], Callable[[str], Any]]:
    def text(s: str) -> str:
        import hashlib
        return hashlib.new(algorithm, s.encode("utf-8")).hexdigest()

    def buffer(s: str) -> Any:
        import hashlib
        return _bytes(hashlib.new(algorithm, s.encode("utf-8")).digest())
    return text, buffer


md5_text, md5_buffer = _digest("md5")
sha1_text, sha1_buffer = _digest("sha1")
sha256_text, sha256_buffer = _digest("sha256")


# * Paths ----------------------------------------------------------------------------

def is_absolute_path(s: str) -> bool:
    if len(s) > 1:
        return s[0] in "/\\" or ":/" in s or ":\\" in s
    return s in ("/", "\\")


def get_base_dir(s: str) -> str:
    end = 0
    pos = s.find("://")
    if pos != -1:
        end = pos + 3
    if end == 0:
        pos = s.find(":/")
        pos = s.find(":\\") if pos == -1 else pos
        end = pos + 2 if pos != -1 else 0
    if end == 0 and s.startswith("/"):
        end = 1
    base, rest = s[:end], s[end:]
    sep = max(rest.rfind("/"), rest.rfind("\\"))
    return base if sep == -1 else base + rest[:sep]


def get_file(s: str) -> str:
    sep = max(s.rfind("/"), s.rfind("\\"))
    return s if sep == -1 else s[sep + 1:]


def get_extension(s: str) -> str:
    pos = s.rfind(".")
    if pos < 0 or pos < max(s.rfind("/"), s.rfind("\\")):
        return ""
    return s[pos + 1:]


def get_basename(s: str) -> str:
    pos = s.rfind(".")
    if pos < 0 or pos < max(s.rfind("/"), s.rfind("\\")):
        return s
    return s[:pos]


def path_join(s: str, file: str) -> str:
    if not s:
        return file
    if s.endswith("/") or file.startswith("/"):
        return s + file
    return s + "/" + file


def simplify_path(s: str) -> str:
    drive = ""
    pos = s.find("://")
    if pos > 0 and s[:pos].isascii() and s[:pos].isalnum():
        drive, s = s[:pos + 3], s[pos + 3:]
    elif s.startswith(("/", "\\")):
        drive, s = s[:1], s[1:]
    else:
        pos = s.find(":/")
        pos = s.find(":\\") if pos == -1 else pos
        if pos != -1 and pos < s.find("/"):
            drive, s = s[:pos + 2], s[pos + 2:]
    dirs: list[str] = []
    for part in s.replace("\\", "/").split("/"):
        if part in ("", "."):
            continue
        if part == ".." and dirs and dirs[-1] != "..":
            dirs.pop()
        else:
            dirs.append(part)
    return drive + "/".join(dirs)


# * Formatting --------------------------------------------------------------------------

def format_(s: str, values: Any, placeholder: str = "{_}", dialect: int = 4) -> str:
    if isinstance(values, dict):
        for key, value in values.items():
            s = s.replace(placeholder.replace("_", _gstr(key, dialect)), _gstr(value, dialect))
        return s
    if dialect == 4 and _is_object(values):
        return _format_object(s, values, placeholder)
    if not isinstance(values, (list, tuple)):
        _error("Invalid type: use Array, Dictionary or Object." if dialect == 4 else
               "Invalid type: use Array or Dictionary.")
        return s
    from .variant import godot_type_name
    for index, value in enumerate(values):
        if isinstance(value, list) and godot_type_name(value) == "Array":  # a [key, value] pair
            if len(value) != 2:
                _error(f"Invalid format: the inner Array at index {index} needs to contain "
                       "only 2 elements, as a key-value pair.")
                continue
            key, value = value
            s = s.replace(placeholder.replace("_", _gstr(key, dialect)), _gstr(value, dialect))
        elif "_" in placeholder:
            s = s.replace(placeholder.replace("_", str(index)), _gstr(value, dialect))
        else:  # "{}" placeholders are filled one by one
            s = s.replace(placeholder, _gstr(value, dialect), 1)
    return s


def _is_object(value: Any) -> bool:
    from .objects import Object
    return isinstance(value, Object)


def _format_object(s: str, obj: Any, placeholder: str) -> str:
    """4.x ``format(object)``: each property of ``get_property_list`` is a key."""
    if getattr(obj, "_gd_freed", False):
        _error('Parameter "obj" is null.')
        return s
    for info in obj.get_property_list():
        name = info["name"]
        s = s.replace(placeholder.replace("_", name), _gstr(obj.get(name)))
    return s


def join(s: str, parts: Any) -> str:
    return s.join(_gstr(p) for p in parts)


def num(number: float, decimals: int = -1) -> str:
    from .variant import c_num
    return c_num(float(number), decimals)


_PYTHON_BASES = {10: "d", 8: "o", 16: "x"}  # Python's own digits for these bases


def num_int64(number: int, base: int = 10, capitalize_hex: bool = False) -> str:
    if not 2 <= base <= 36:
        _error(f"Condition \"base < 2 || base > 36\" is true. Returning: \"\"")
        return ""
    if base in _PYTHON_BASES:
        return format(number, "X" if capitalize_hex and base == 16 else _PYTHON_BASES[base])
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    digits = digits.upper() if capitalize_hex else digits
    value, out = abs(number), ""
    while True:
        out = digits[value % base] + out
        value //= base
        if value == 0:
            break
    return ("-" if number < 0 else "") + out


def num_uint64(number: int, base: int = 10, capitalize_hex: bool = False) -> str:
    return num_int64(number % 2 ** 64, base, capitalize_hex)


def num_scientific(number: float) -> str:
    from .variant import shortest_float
    return shortest_float(float(number))


def humanize_size(size: int) -> str:
    magnitude, div = 0, 1
    while size > div * 1024 and magnitude < 6:
        div *= 1024
        magnitude += 1
    if magnitude == 0:
        return f"{size} B"
    whole = size // div
    digits = 2 if whole < 100 else 1 if whole < 1024 else 0
    unit = ("KiB", "MiB", "GiB", "TiB", "PiB", "EiB")[magnitude - 1]
    return pad_decimals(num(size / div), digits) + " " + unit


def unicode_at(s: str, at: int) -> int:
    if not 0 <= at < len(s):
        _error(f"Index p_idx = {at} is out of bounds (length() = {len(s)}).")
        return 0
    return ord(s[at])


def char(code: int) -> str:
    return chr(code) if 0 <= code <= 0x10FFFF else "\ufffd"


from .variant import format_percent  # noqa: E402  (Godot's String % operator)


# * Method tables --------------------------------------------------------------------------

def _c_escape(s: str) -> str:
    from .variant import c_escape
    return c_escape(s)


_SHARED: dict[str, Callable[..., Any]] = {
    "begins_with": lambda s, text: s.startswith(text),
    "ends_with": lambda s, text: s.endswith(text),
    "bigrams": bigrams, "c_escape": _c_escape, "c_unescape": c_unescape,
    "capitalize": capitalize, "casecmp_to": casecmp_to, "nocasecmp_to": nocasecmp_to,
    "count": count, "countn": countn, "dedent": dedent, "find": find, "findn": findn,
    "rfind": rfind, "rfindn": rfindn, "format": format_, "get_base_dir": get_base_dir,
    "get_basename": get_basename, "get_extension": get_extension, "get_file": get_file,
    "hash": string_hash, "hex_to_int": hex_to_int, "insert": insert,
    "is_subsequence_of": is_subsequence_of,
    "is_valid_filename": is_valid_filename, "is_valid_float": is_valid_float,
    "is_valid_hex_number": is_valid_hex_number, "is_valid_html_color": is_valid_html_color,
    "is_valid_identifier": is_valid_ascii_identifier, "is_valid_ip_address": is_valid_ip_address,
    "json_escape": json_escape, "length": len,
    "lstrip": lambda s, chars: s.lstrip(chars) if chars else s,
    "rstrip": lambda s, chars: s.rstrip(chars) if chars else s,
    "match": lambda s, expr: glob_match(s, expr, False),
    "matchn": lambda s, expr: glob_match(s, expr, True),
    "md5_buffer": md5_buffer, "md5_text": md5_text, "sha1_buffer": sha1_buffer,
    "sha1_text": sha1_text, "sha256_buffer": sha256_buffer, "sha256_text": sha256_text,
    "pad_decimals": pad_decimals, "pad_zeros": pad_zeros, "repeat": repeat,
    "replace": replace, "replacen": replacen, "rsplit": rsplit, "similarity": similarity,
    "split": split, "split_floats": split_floats, "strip_edges": strip_edges,
    "strip_escapes": strip_escapes, "substr": substr, "to_float": to_float, "to_int": to_int,
    "to_lower": to_lower, "to_upper": to_upper,
    "trim_prefix": lambda s, prefix: s[len(prefix):] if prefix and s.startswith(prefix) else s,
    "trim_suffix": lambda s, suffix: s[:-len(suffix)] if suffix and s.endswith(suffix) else s,
    "xml_escape": xml_escape, "xml_unescape": xml_unescape,
    "is_empty": lambda s: not s, "get_slice": get_slice, "get_slice_count": get_slice_count,
    "get_slicec": get_slicec,
}

STRING_METHODS: dict[str, Callable[..., Any]] = {
    **_SHARED,
    "bin_to_int": bin_to_int, "contains": lambda s, what: what in s,
    "containsn": lambda s, what: what.lower() in s.lower(),
    "erase": erase, "filecasecmp_to": filecasecmp_to, "filenocasecmp_to": filenocasecmp_to,
    "hex_decode": hex_decode, "indent": indent, "is_absolute_path": is_absolute_path,
    "is_relative_path": lambda s: not is_absolute_path(s),
    "is_subsequence_ofn": lambda s, text: is_subsequence_of(s.lower(), text.lower()),
    "is_valid_ascii_identifier": is_valid_ascii_identifier, "is_valid_int": is_valid_int,
    "is_valid_unicode_identifier": is_valid_unicode_identifier,
    "join": join, "left": left, "right": right, "lpad": lpad, "rpad": rpad,
    "naturalcasecmp_to": naturalcasecmp_to, "naturalnocasecmp_to": naturalnocasecmp_to,
    "path_join": path_join,
    "remove_char": lambda s, what: s.replace(chr(what), ""),
    "remove_chars": lambda s, chars: "".join(c for c in s if c not in chars),
    "replace_char": lambda s, key, with_: s.replace(chr(key), chr(with_)),
    "replace_chars": lambda s, keys, with_: "".join(chr(with_) if c in keys else c for c in s),
    "reverse": lambda s: s[::-1], "simplify_path": simplify_path,
    "to_ascii_buffer": to_ascii_buffer, "to_camel_case": to_camel_case,
    "to_kebab_case": to_kebab_case, "to_pascal_case": to_pascal_case,
    "to_snake_case": to_snake_case, "to_multibyte_char_buffer": lambda s, enc="": to_utf8_buffer(s),
    "to_utf8_buffer": to_utf8_buffer, "to_utf16_buffer": to_utf16_buffer,
    "to_utf32_buffer": to_utf32_buffer, "to_wchar_buffer": to_utf32_buffer,
    "unicode_at": unicode_at, "uri_decode": uri_decode, "uri_encode": uri_encode,
    "uri_file_decode": uri_file_decode, "validate_filename": validate_filename,
    "validate_node_name": validate_node_name,
}
STRING_NAME_METHODS: dict[str, Callable[..., Any]] = dict(STRING_METHODS)

# Static functions, called without a receiver (``String.num(1.5)``).
STRING_STATIC: dict[str, Callable[..., Any]] = {
    "num": num, "num_int64": num_int64, "num_uint64": num_uint64,
    "num_scientific": num_scientific, "chr": char, "humanize_size": humanize_size,
}


def _ignoring_receiver(function: Callable[..., Any]) -> Callable[..., Any]:
    return lambda _receiver, *args: function(*args)


# Godot also lets a script call a static through a value ("".num(2)).
STRING_METHODS.update({name: _ignoring_receiver(f) for name, f in STRING_STATIC.items()})


def _erase3(s: str, position: int, chars: int) -> str:
    return s[:max(position, 0)] + s[max(position, 0) + max(chars, 0):]


_erase3.mutates_self = True  # type: ignore[attr-defined]


def _right3(s: str, position: int) -> str:
    if position < 0:
        return s
    return s[position:] if position < len(s) else ""


def _find3(s: str, what: str, from_: int = 0) -> int:
    return -1 if from_ < 0 else find(s, what, from_)


def _hex_to_int3(s: str, with_prefix: bool = True) -> int:
    body = s[1:] if s[:1] in "+-" else s
    if with_prefix and not body.startswith("0x"):
        return 0
    return hex_to_int(s)


def _format3(s: str, values: Any, placeholder: str = "{_}") -> str:
    return format_(s, values, placeholder, 3)


STRING_METHODS_3: dict[str, Callable[..., Any]] = {
    **_SHARED,
    "empty": lambda s: not s, "erase": _erase3, "find_last": lambda s, what: rfind(s, what),
    "http_escape": uri_encode, "http_unescape": uri_file_decode,
    "find": _find3, "hex_to_int": _hex_to_int3, "format": _format3,
    "humanize_size": lambda _receiver, size: humanize_size(size),
    "percent_encode": percent_encode3, "percent_decode": uri_file_decode,
    "is_abs_path": is_absolute_path, "is_rel_path": lambda s: not is_absolute_path(s),
    "is_subsequence_ofi": lambda s, text: is_subsequence_of(s.lower(), text.lower()),
    "is_valid_integer": is_valid_int, "ord_at": unicode_at, "plus_file": path_join,
    "to_ascii": to_ascii_buffer, "to_utf8": to_utf8_buffer,
    "left": lambda s, position: s[:position] if position > 0 else "", "right": _right3,
    "join": join, "is_valid_html_color": _is_valid_html_color3, "split": _split3,
    "rsplit": _rsplit3,
}


def _np_slice(path: NodePath, begin: int, end: int = 2147483647) -> NodePath:
    parts = list(path.names) + list(path.subnames)
    size = len(parts)
    begin = max(0, min(begin + size if begin < 0 else begin, size))
    end = max(0, min(end + size if end < 0 else end, size))
    names = tuple(parts[begin:min(end, len(path.names))])
    subs = tuple(parts[max(begin, len(path.names)):end])
    return NodePath.from_parts(names, subs, path.absolute and begin == 0)


def _np_index(items: tuple[str, ...], idx: int, what: str) -> str:
    if not 0 <= idx < len(items):
        _error(f"Index p_idx = {idx} is out of bounds (data->{what}.size() = {len(items)}).")
        return StringName("")
    return StringName(items[idx])


def _np_property_path(path: NodePath) -> NodePath:
    if not path.names:
        return path
    return NodePath.from_parts((), ("/".join(path.names),) + path.subnames, False)


NODE_PATH_METHODS: dict[str, Callable[..., Any]] = {
    "get_as_property_path": _np_property_path,
    "get_concatenated_names": lambda p: StringName(("/" if p.absolute else "") + "/".join(p.names)),
    "get_concatenated_subnames": lambda p: StringName(":".join(p.subnames)),
    "get_name": lambda p, idx: _np_index(p.names, idx, "path"),
    "get_name_count": lambda p: len(p.names),
    "get_subname": lambda p, idx: _np_index(p.subnames, idx, "subpath"),
    "get_subname_count": lambda p: len(p.subnames),
    "hash": lambda p: string_hash(str(p)), "is_absolute": lambda p: p.absolute,
    "is_empty": lambda p: not p, "slice": _np_slice,
}
NODE_PATH_METHODS_3: dict[str, Callable[..., Any]] = {
    k: v for k, v in NODE_PATH_METHODS.items()
    if k not in ("slice", "hash", "get_concatenated_names")
}


GODOT_CLASSES = {"String": str, "NodePath": NodePath}
GODOT_CLASSES_4 = {"StringName": StringName}
