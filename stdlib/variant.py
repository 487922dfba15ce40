"""Variant-level services for builtin values: type ids, printing, equality, hashing.

Contract for the runtime (see stdlib/__init__.py for the value model):

* ``typeof(value, dialect)`` -> Godot's ``TYPE_*`` id (ids differ between 3.x and 4.x);
  ``type_name(type_id, dialect)`` -> Godot's type name (4.x ``type_string``);
  ``godot_type_name(value, dialect)`` -> the type name of a value.
* ``stringify(value, dialect)`` -> exactly what ``str()``/``print()`` produce.
  Values that are not builtin containers/scalars are printed through their
  ``_gd_str(dialect)`` method when they have one (math types, Objects).
* ``variant_equal(a, b)`` -> Godot's ``==``; ``variant_less`` is the order ``sort()`` uses.
* ``variant_hash(value)`` -> a stable hash (not Godot's numeric value).
* ``var_to_str`` / ``str_to_var`` (3.x ``var2str`` / ``str2var``) live in ``variant_text``-style
  helpers at the end of this module.
* ``method_table(value_type, dialect)`` -> ``name -> fn(self, *args)`` for String,
  StringName, NodePath, Array, Dictionary and the packed arrays.
"""

from __future__ import annotations

import functools
import math

from ..patterns import LazyPattern
from .global_constants import ENUMS_3, ENUMS_4

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

# * Type ids ------------------------------------------------------------------

# TYPE_* constant suffix -> Godot type name, per dialect.
_SUFFIX_NAMES_4 = {
    "NIL": "Nil", "BOOL": "bool", "INT": "int", "FLOAT": "float", "STRING": "String",
    "VECTOR2": "Vector2", "VECTOR2I": "Vector2i", "RECT2": "Rect2", "RECT2I": "Rect2i",
    "VECTOR3": "Vector3", "VECTOR3I": "Vector3i", "TRANSFORM2D": "Transform2D",
    "VECTOR4": "Vector4", "VECTOR4I": "Vector4i", "PLANE": "Plane", "QUATERNION": "Quaternion",
    "AABB": "AABB", "BASIS": "Basis", "TRANSFORM3D": "Transform3D", "PROJECTION": "Projection",
    "COLOR": "Color", "STRING_NAME": "StringName", "NODE_PATH": "NodePath", "RID": "RID",
    "OBJECT": "Object", "CALLABLE": "Callable", "SIGNAL": "Signal", "DICTIONARY": "Dictionary",
    "ARRAY": "Array", "PACKED_BYTE_ARRAY": "PackedByteArray",
    "PACKED_INT32_ARRAY": "PackedInt32Array", "PACKED_INT64_ARRAY": "PackedInt64Array",
    "PACKED_FLOAT32_ARRAY": "PackedFloat32Array", "PACKED_FLOAT64_ARRAY": "PackedFloat64Array",
    "PACKED_STRING_ARRAY": "PackedStringArray", "PACKED_VECTOR2_ARRAY": "PackedVector2Array",
    "PACKED_VECTOR3_ARRAY": "PackedVector3Array", "PACKED_COLOR_ARRAY": "PackedColorArray",
    "PACKED_VECTOR4_ARRAY": "PackedVector4Array",
}
_SUFFIX_NAMES_3 = {
    "NIL": "Nil", "BOOL": "bool", "INT": "int", "REAL": "float", "STRING": "String",
    "VECTOR2": "Vector2", "RECT2": "Rect2", "VECTOR3": "Vector3", "TRANSFORM2D": "Transform2D",
    "PLANE": "Plane", "QUAT": "Quat", "AABB": "AABB", "BASIS": "Basis",
    "TRANSFORM": "Transform", "COLOR": "Color", "NODE_PATH": "NodePath", "RID": "RID",
    "OBJECT": "Object", "DICTIONARY": "Dictionary", "ARRAY": "Array",
    "RAW_ARRAY": "PoolByteArray", "INT_ARRAY": "PoolIntArray", "REAL_ARRAY": "PoolRealArray",
    "STRING_ARRAY": "PoolStringArray", "VECTOR2_ARRAY": "PoolVector2Array",
    "VECTOR3_ARRAY": "PoolVector3Array", "COLOR_ARRAY": "PoolColorArray",
}
# 4.x class names as the Python classes spell them -> the 3.x name of that type.
NAMES_4_TO_3 = {
    "Quaternion": "Quat", "Transform3D": "Transform", "StringName": "String",
    "PackedByteArray": "PoolByteArray", "PackedInt32Array": "PoolIntArray",
    "PackedInt64Array": "PoolIntArray", "PackedFloat32Array": "PoolRealArray",
    "PackedFloat64Array": "PoolRealArray", "PackedStringArray": "PoolStringArray",
    "PackedVector2Array": "PoolVector2Array", "PackedVector3Array": "PoolVector3Array",
    "PackedColorArray": "PoolColorArray",
}


def _type_ids(enums: dict[str, dict[str, int]], suffixes: dict[str, str]) -> dict[str, int]:
    return {suffixes[name[5:]]: value for name, value in enums["Variant.Type"].items()
            if name[5:] in suffixes}


TYPE_IDS_4: dict[str, int] = _type_ids(ENUMS_4, _SUFFIX_NAMES_4)
TYPE_IDS_3: dict[str, int] = _type_ids(ENUMS_3, _SUFFIX_NAMES_3)
_TYPE_NAMES = {4: {v: k for k, v in TYPE_IDS_4.items()}, 3: {v: k for k, v in TYPE_IDS_3.items()}}


def godot_type_name(value: Any, dialect: int = 4) -> str:
    """Godot's type name of ``value`` ("int", "Array", "PoolIntArray", "Object"...)."""
    if value is None:
        return "Nil"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    name = getattr(type(value), "GODOT_NAME", None)
    if name is None:
        if isinstance(value, str):
            name = "String"
        elif isinstance(value, list):
            name = "Array"
        elif isinstance(value, dict):
            name = "Dictionary"
        elif callable(value) and not hasattr(value, "get_instance_id"):
            name = "Callable"
        else:
            return "Object"
    if dialect == 3:
        name = NAMES_4_TO_3.get(name, name)
    ids = TYPE_IDS_3 if dialect == 3 else TYPE_IDS_4
    return name if name in ids else "Object"


def typeof(value: Any, dialect: int = 4) -> int:
    """Godot's ``typeof()``: the TYPE_* id of ``value`` for the dialect."""
    ids = TYPE_IDS_3 if dialect == 3 else TYPE_IDS_4
    return ids[godot_type_name(value, dialect)]


def type_name(type_id: int, dialect: int = 4) -> str:
    """Godot's ``type_string()``: the name of a TYPE_* id (``"<invalid type>"`` if none)."""
    return _TYPE_NAMES[3 if dialect == 3 else 4].get(type_id, "<invalid type>")


# * Numbers to text -------------------------------------------------------------

def c_num(value: float, decimals: int) -> str:
    """Godot 4 ``String::num(double, decimals)``: fixed decimals, zeros trimmed."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "-inf" if value < 0 else "inf"
    if decimals < 0:
        decimals = 14
        if abs(value) > 10:
            decimals -= math.floor(math.log10(abs(value)))
    decimals = min(decimals, 16)
    text = ("%f" % value) if decimals < 0 else ("%.*f" % (decimals, value))
    text = text[:324]
    if "." in text:
        text = text.rstrip("0")
        if text.endswith("."):
            text += "0"
    return text


def num_real(value: float, trailing: bool = True, precision: int = 14) -> str:
    """Godot 4 ``String::num_real``: how a float prints (``precision`` 14 for a double,
    6 for the float components of math types)."""
    if math.isnan(value) or math.isinf(value):
        return c_num(value, 0)
    if abs(value) < 2.0 ** 63 and float(int(value)) == value:
        return str(int(value)) + (".0" if trailing else "")
    decimals = precision
    if abs(value) > 10:
        decimals -= math.floor(math.log10(abs(value)))
    return c_num(value, decimals)


def num3(value: float) -> str:
    """Godot 3 ``String::num(x)``: ``%lf`` with zeros and the point stripped."""
    if math.isnan(value):  # printf shows the sign bit of a NaN
        return "-nan" if math.copysign(1.0, value) < 0 else "nan"
    if math.isinf(value):
        return "-inf" if value < 0 else "inf"
    text = ("%f" % value)[:255]
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def shortest_float(value: float, single: bool = False) -> str:
    """Godot's ``num_scientific`` (grisu2): shortest round-trip digits, JSON-like layout."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "-inf" if value < 0 else "inf"
    if value == 0:
        return "-0.0" if math.copysign(1, value) < 0 else "0.0"
    text = repr(value) if not single else _shortest_single(value)
    mantissa, _, exp = text.partition("e")
    digits = mantissa.lstrip("-").replace(".", "")
    point = len(mantissa.lstrip("-").split(".")[0]) + (int(exp) if exp else 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    digits = stripped.rstrip("0") or "0"
    return ("-" if value < 0 else "") + _layout(digits, point)


def _shortest_single(value: float) -> str:
    import struct
    for precision in range(1, 10):
        text = "%.*e" % (precision - 1, value)
        if struct.unpack("<f", struct.pack("<f", float(text)))[0] == value:
            return text
    return repr(value)


def _layout(digits: str, point: int) -> str:
    """Place the decimal point like nlohmann's grisu2 ``format_buffer`` (exp range -4..15)."""
    k = len(digits)
    if k <= point <= 15:
        return digits + "0" * (point - k) + ".0"
    if 0 < point <= 15:
        return digits[:point] + "." + digits[point:]
    if -4 < point <= 0:
        return "0." + "0" * (-point) + digits
    exp = point - 1
    body = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{body}e{'+' if exp >= 0 else '-'}{abs(exp):02d}"


# * Printing -----------------------------------------------------------------------

MAX_RECURSION = 100


def c_escape(text: str) -> str:
    """Godot's ``String::c_escape`` (single quotes are escaped too)."""
    for raw, escaped in (("\\", "\\\\"), ("\a", "\\a"), ("\b", "\\b"), ("\f", "\\f"),
                         ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"), ("\v", "\\v"),
                         ("'", "\\'"), ('"', '\\"')):
        text = text.replace(raw, escaped)
    return text


def stringify(value: Any, dialect: int = 4) -> str:
    """Godot's ``str(value)`` / ``print(value)`` text for the dialect."""
    if dialect == 3:
        return _stringify3(value, [])
    return _stringify4(value, 0)


def _stringify_scalar(value: Any, dialect: int) -> str | None:
    if value is None:
        return "Null" if dialect == 3 else "<null>"
    if value is True:
        return "True" if dialect == 3 else "true"
    if value is False:
        return "False" if dialect == 3 else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return num3(value) if dialect == 3 else num_real(value)
    if isinstance(value, str):
        return str.__str__(value)
    return None


def _stringify4(value: Any, depth: int) -> str:
    scalar = _stringify_scalar(value, 4)
    if scalar is not None:
        return scalar
    from .packed import PackedByteArray, PackedArray
    if isinstance(value, dict):
        if depth > MAX_RECURSION:
            _engine_error("Maximum dictionary recursion reached!")
            return "{ ... }"
        pairs = [f"{_clean4(k, depth + 1)}: {_clean4(v, depth + 1)}" for k, v in value.items()]
        return "{ " + ", ".join(pairs) + " }"
    if isinstance(value, list) and not isinstance(value, PackedArray):
        if depth > MAX_RECURSION:
            _engine_error("Maximum array recursion reached!")
            return "[...]"
        return "[" + ", ".join(_clean4(item, depth + 1) for item in value) + "]"
    if isinstance(value, (PackedArray, PackedByteArray)):
        return "[" + ", ".join(_clean4(item, depth) for item in value) + "]"
    return _stringify_other(value, 4)


def _clean4(value: Any, depth: int) -> str:
    """Godot's ``stringify_variant_clean``: strings quoted inside containers."""
    if isinstance(value, str):
        kind = getattr(type(value), "GODOT_NAME", "")
        prefix = {"StringName": "&", "NodePath": "^"}.get(kind, "")
        return prefix + '"' + c_escape(str.__str__(value)) + '"'
    if hasattr(value, "GODOT_NAME") and type(value).GODOT_NAME == "NodePath":
        return '^"' + c_escape(str(value)) + '"'
    return _stringify4(value, depth)


def _stringify3(value: Any, seen: list[Any]) -> str:
    """Godot 3.2: no quotes; dict pairs sorted; a never-popped stack of container ids."""
    scalar = _stringify_scalar(value, 3)
    if scalar is not None:
        return scalar
    from .packed import PackedArray, PackedByteArray
    if isinstance(value, dict):
        key = id(value) if value else None
        if key in seen:
            return "{...}"
        seen.append(key)
        pairs = sorted(_stringify3(k, seen) + ":" + _stringify3(v, seen) for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    if isinstance(value, list) and not isinstance(value, PackedArray):
        key = id(value) if value else None
        if key in seen:
            return "[...]"
        seen.append(key)
        return "[" + ", ".join(_stringify3(item, seen) for item in value) + "]"
    if isinstance(value, (PackedArray, PackedByteArray)):
        name = NAMES_4_TO_3.get(type(value).GODOT_NAME, type(value).GODOT_NAME)
        if name in ("PoolByteArray", "PoolColorArray"):  # Godot 3.2 prints only the type
            return f"[{name}]"
        return "[" + ", ".join(_stringify3(item, seen) for item in value) + "]"
    return _stringify_other(value, 3)


def _stringify_other(value: Any, dialect: int) -> str:
    if isinstance(value, type):  # a class used as a value: a script, or a native class
        kind = "GDScript" if hasattr(value, "_gd_script") else "GDScriptNativeClass"
        return f"[{kind}:{id(value) & 0xFFFFFF}]" if dialect == 3 else \
            f"<{kind}#{id(value) & 0xFFFFFF}>"
    hook = getattr(value, "_gd_str", None)
    if hook is not None:
        return hook(dialect)
    if getattr(type(value), "GODOT_NAME", None) == "NodePath":
        return str(value)
    name = godot_type_name(value, dialect)
    if name != "Object":
        return f"[{name}]" if dialect == 3 else f"<{name}>"
    cls = value.get_class() if hasattr(value, "get_class") else type(value).__name__
    ident = value.get_instance_id() if hasattr(value, "get_instance_id") else id(value)
    return f"[{cls}:{ident}]" if dialect == 3 else f"<{cls}#{ident}>"


def _engine_error(message: str) -> None:
    from gdscript.errors import engine_error
    engine_error(message)


# * Equality, ordering, hashing ------------------------------------------------------

def _kind(value: Any) -> str:
    return godot_type_name(value, 4)


def variant_equal(a: Any, b: Any) -> bool:
    """Godot 4's ``a == b``: int/float numeric, String/StringName alike, containers deep."""
    if a is None or b is None:
        return a is b or _is_null_object(a if b is None else b)
    ka, kb = _kind(a), _kind(b)
    if ka in ("int", "float") and kb in ("int", "float"):
        return a == b
    if ka in ("String", "StringName") and kb in ("String", "StringName"):
        return str.__eq__(a, b)
    if ka != kb:
        return False
    if ka in ("Array", "Dictionary") or ka.startswith("Packed"):
        return container_equal(a, b, 0)
    if ka == "Object":
        return a is b
    return bool(a == b)


def _is_null_object(value: Any) -> bool:
    return value is None or bool(getattr(value, "_gd_freed", False))


def container_equal(a: Any, b: Any, depth: int) -> bool:
    """Godot's ``recursive_equal``: same size, elements of the same type and equal."""
    if a is b:
        return True
    if len(a) != len(b):
        return False
    if depth > MAX_RECURSION:
        _engine_error("Max recursion reached")
        return True
    if isinstance(a, dict):
        for key, value in a.items():
            if key not in b or not _strict_equal(value, b[key], depth + 1):
                return False
        return True
    return all(_strict_equal(x, y, depth + 1) for x, y in zip(a, b))


def _strict_equal(a: Any, b: Any, depth: int) -> bool:
    """Godot's ``hash_compare``: types must match; NaN equals NaN."""
    ka, kb = _kind(a), _kind(b)
    if ka != kb:
        return False
    if ka == "float":
        return a == b or (math.isnan(a) and math.isnan(b))
    if ka in ("Array", "Dictionary") or ka.startswith("Packed"):
        return container_equal(a, b, depth)
    if ka == "Object":
        return a is b
    return bool(a == b)


# Godot's Variant::operator< for sort(): by type id first when the types differ.
def variant_less(a: Any, b: Any) -> bool:
    """The order Array.sort() uses (Godot's ``StringLikeVariantOrder``)."""
    ka, kb = _kind(a), _kind(b)
    if ka in ("int", "float") and kb in ("int", "float"):
        return a < b
    if ka in ("String", "StringName") and kb in ("String", "StringName"):
        return str(a) < str(b)
    if ka != kb:
        return TYPE_IDS_4[ka] < TYPE_IDS_4[kb]
    if ka in ("Nil", "Object"):
        return id(a) < id(b) if ka == "Object" else False
    if ka in ("Array",) or ka.startswith("Packed"):
        return _sequence_less(a, b)
    try:
        return bool(a < b)
    except TypeError:
        return False


def variant_sort_key(value: Any) -> Any:
    """A ``sorted`` key that orders like ``variant_less``."""
    return _SORT_KEY(value)


def _sequence_less(a: Any, b: Any) -> bool:
    for x, y in zip(a, b):
        if variant_less(x, y):
            return True
        if variant_less(y, x):
            return False
    return len(a) < len(b)


_SORT_KEY = functools.cmp_to_key(
    lambda a, b: -1 if variant_less(a, b) else (1 if variant_less(b, a) else 0))


def variant_hash(value: Any, dialect: int = 4) -> int:
    """Godot's ``hash()``: exact for null, bool, int and String/StringName (djb2);
    other values get a deterministic 32-bit hash of their type and text."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value & 0xFFFFFFFF if dialect == 3 else _hash_one_uint64(value)
    if isinstance(value, str) and _kind(value) in ("String", "StringName"):
        from .strings import string_hash
        return string_hash(value)
    import zlib
    return zlib.crc32(f"{_kind(value)}:{stringify(value, 4)}".encode("utf-8"))


def _hash_one_uint64(number: int) -> int:
    mask = (1 << 64) - 1
    v = number & mask
    v = (~v + (v << 18)) & mask
    v ^= v >> 31
    v = (v * 21) & mask
    v ^= v >> 11
    v = (v + (v << 6)) & mask
    v ^= v >> 22
    return v & 0xFFFFFFFF


# * String % values ----------------------------------------------------------------------

class _FormatError(Exception):
    pass


def format_percent(fmt: str, values: Any, dialect: int = 4) -> str:
    """Godot's ``String % values`` (``String::sprintf``); raises ScriptRuntimeError on misuse."""
    args = values if isinstance(values, list) else [values]  # only read
    key = (fmt, dialect)
    try:
        plan = _PLANS[key]
    except KeyError:
        plan = _plan(fmt, dialect)
        if len(_PLANS) < _MAX_PLANS:
            _PLANS[key] = plan
    try:
        if plan is not None:
            return _run_plan(plan, args, dialect)
        return _Sprintf(fmt, args, dialect).run()
    except _FormatError as exc:
        from gdscript.errors import ScriptRuntimeError
        raise ScriptRuntimeError(f"{exc} in operator '%'.") from None


# A format string's plan: its literal text and conversions, each with the flags in force
# (what _Sprintf.run finds reading it), so a format used again is not read again.
# None: formats whose reading has effects or depends on the values (``*``, a warning,
# an error): _Sprintf reads those each time.
_PLANS: dict[tuple[str, int], list[Any] | None] = {}
_MAX_PLANS = 4096
_PLAIN_FLAGS = (0, 6, False, False, False, False, False)  # no width, precision or flags


def _plan(fmt: str, dialect: int) -> list[Any] | None:
    reader = _Sprintf(fmt, [], dialect)
    pieces: list[Any] = []
    text: list[str] = []
    in_format = False
    for c in fmt:
        if not in_format:
            if c == "%":
                in_format = True
                reader._reset()
            else:
                text.append(c)
            continue
        if c == "%":
            text.append("%")
        elif c in "doxXfvsc":
            if text:
                pieces.append("".join(text))
                text = []
            flags = (reader.min_chars, reader.min_decimals, reader.in_decimals, reader.zeros,
                     reader.left, reader.sign, reader.as_unsigned)
            pieces.append((c, flags, _python_integer_spec(c, flags, dialect)))
        elif c == "*" or c == "0" and reader.left and not reader.in_decimals and \
                reader.min_chars == 0:
            return None
        else:
            try:
                reader._flag(c)
            except _FormatError:
                return None
            continue
        in_format = False
    if in_format:
        return None
    if text:
        pieces.append("".join(text))
    return pieces


def _python_integer_spec(c: str, flags: tuple[Any, ...], dialect: int) -> str | None:
    """Python's ``%`` spec that writes a 4.x integer conversion exactly as Godot does
    (no precision, no ``u``, not ``0`` with ``-``), or None."""
    min_chars, _, in_decimals, zeros, left, sign, as_unsigned = flags
    if c not in "doxX" or dialect != 4 or in_decimals or as_unsigned or zeros and left:
        return None
    return ("%" + ("-" if left else "") + ("+" if sign else "") + ("0" if zeros else "") +
            (str(min_chars) if min_chars else "") + c)


def _run_plan(plan: list[Any], args: list[Any], dialect: int) -> str:
    runner: _Sprintf | None = None  # made for the first conversion that needs one
    index = 0  # the next argument (the runner's while there is one)
    out: list[str] = []
    for piece in plan:
        if type(piece) is str:
            out.append(piece)
            continue
        c, flags, python_spec = piece
        if index < len(args):
            value = args[index]
            if python_spec is not None and type(value) in (int, float):
                index += 1
                out.append(python_spec % int(value))
                continue
            if c == "s" and flags == _PLAIN_FLAGS and type(value) is str:
                index += 1
                out.append(str.__str__(value))
                continue
        if runner is None:
            runner = _Sprintf("", args, dialect)
        runner.index = index
        (runner.min_chars, runner.min_decimals, runner.in_decimals, runner.zeros,
         runner.left, runner.sign, runner.as_unsigned) = flags
        out.append(runner._conversion(c))  # type: ignore[arg-type]
        index = runner.index
    if index != len(args):
        raise _FormatError("not all arguments converted during string formatting")
    return "".join(out)


class _Sprintf:
    """One run of Godot's sprintf state machine."""

    def __init__(self, fmt: str, args: list[Any], dialect: int) -> None:
        self.fmt, self.args, self.dialect, self.index = fmt, args, dialect, 0
        self.as_unsigned = False  # Godot never resets this flag between conversions
        self._reset()

    def _reset(self) -> None:
        self.min_chars, self.min_decimals, self.in_decimals = 0, 6, False
        self.zeros = self.left = self.sign = False

    def _next(self) -> Any:
        if self.index >= len(self.args):
            raise _FormatError("not enough arguments for format string")
        self.index += 1
        return self.args[self.index - 1]

    def run(self) -> str:
        out: list[str] = []
        in_format = False
        for c in self.fmt:
            if not in_format:
                if c == "%":
                    in_format = True
                    self._reset()
                else:
                    out.append(c)
                continue
            piece = self._conversion(c)
            if piece is not None:
                out.append(piece)
                in_format = False
        if in_format:
            raise _FormatError("incomplete format")
        if self.index != len(self.args):
            raise _FormatError("not all arguments converted during string formatting")
        return "".join(out)

    def _conversion(self, c: str) -> str | None:
        if c == "%":
            return "%"
        if c in "doxX":
            return self._integer(c)
        if c == "f":
            return self._float()
        if c == "v":
            return self._vector()
        if c in "sc":
            text = self._string() if c == "s" else self._char()
            pad = _strings().rpad if self.left else _strings().lpad
            return pad(text, self.min_chars)
        self._flag(c)
        return None

    def _flag(self, c: str) -> None:
        if c == "-":
            self.left = True
        elif c == "+":
            self.sign = True
        elif c == "u":
            self.as_unsigned = True
        elif c.isdigit() and c.isascii():
            self._digit(int(c))
        elif c == ".":
            if self.in_decimals:
                raise _FormatError("too many decimal points in format")
            self.in_decimals, self.min_decimals = True, 0
        elif c == "*":
            self._star()
        else:
            raise _FormatError("unsupported format character")

    def _digit(self, n: int) -> None:
        if self.in_decimals:
            self.min_decimals = self.min_decimals * 10 + n
        elif n == 0 and self.min_chars == 0:
            if self.left:
                from gdscript.errors import engine_warning
                engine_warning("'0' flag ignored with '-' flag in string format")
            else:
                self.zeros = True
        else:
            self.min_chars = self.min_chars * 10 + n

    def _star(self) -> None:
        value = self._next()
        if _is_num(value):
            size = int(value)
        elif _vector_items(value) is not None:
            size = int(_vector_items(value)[0])
        else:
            raise _FormatError("* wants number or vector")
        if self.in_decimals:
            self.min_decimals = size
        else:
            self.min_chars = size

    def _signed(self, body: str, negative: bool, finite: bool = True, sign: bool = False) -> str:
        pad_count = self.min_chars - 1 if (negative or sign) else self.min_chars
        pad = "0" if self.zeros and finite else " "
        length = len(body)
        body = (_strings().rpad if self.left else _strings().lpad)(body, pad_count, pad)
        if negative or sign:
            mark = "-" if negative else "+"
            at = 0 if (self.left or self.zeros and finite) else len(body) - length
            body = body[:at] + mark + body[at:]
        return body

    def _integer(self, c: str) -> str:
        value = self._next()
        if not _is_num(value):
            raise _FormatError("a number is required")
        value = int(value)
        base = {"d": 10, "o": 8}.get(c, 16)
        if self.as_unsigned:
            unsigned = value % 2 ** 64
            if base == 16 and -2 ** 31 <= value < 0:
                unsigned &= 0xFFFFFFFF
            body = _strings().num_int64(unsigned, base, c == "X")
        else:
            body = _strings().num_int64(abs(value), base, c == "X")
        negative = value < 0 and not self.as_unsigned
        if self.dialect == 3:
            return self._signed3(body, negative)
        return self._signed(body, negative, True, self.sign)

    def _signed3(self, body: str, negative: bool) -> str:
        """Godot 3.2's integers: padded to the full width, then the sign put just before
        the digits (so ``%-5d`` of -12 gives ``12 -  ``)."""
        length = len(body)
        pad = "0" if self.zeros else " "
        body = (_strings().rpad if self.left else _strings().lpad)(body, self.min_chars, pad)
        if negative or self.sign:
            at = 0 if self.zeros else len(body) - length
            body = body[:at] + ("-" if negative else "+") + body[at:]
        return body

    def _float(self) -> str:
        value = self._next()
        if not _is_num(value):
            raise _FormatError("a number is required")
        value = float(value)
        finite = math.isfinite(value)
        body = c_num(abs(value), self.min_decimals)
        if finite or self.dialect == 3:  # 3.x pads inf too: "inf.0"
            body = _strings().pad_decimals(body, self.min_decimals)
        return self._signed(body, math.copysign(1, value) < 0, finite, self.sign)

    def _vector(self) -> str:
        items = _vector_items(self._next())
        if items is None:
            raise _FormatError("%v requires a vector type (Vector2/3/4/2i/3i/4i)")
        parts = []
        for value in items:
            value = float(value)
            finite = math.isfinite(value)
            body = c_num(abs(value), self.min_decimals)
            body = _strings().pad_decimals(body, self.min_decimals) if finite else body
            parts.append(self._signed(body, value < 0, finite))
        return "(" + ", ".join(parts) + ")"

    def _string(self) -> str:
        from .variant import stringify
        return stringify(self._next(), self.dialect)

    def _char(self) -> str:
        value = self._next()
        if _is_num(value):
            code = int(value)
            if self.dialect == 3 and not 0 <= code <= 255:  # 3.x %c takes a byte (CharType)
                side = "lower than minimum" if code < 0 else "greater than maximum"
                raise _FormatError(f"unsigned byte integer is {side}")
            if code < 0:
                raise _FormatError("unsigned integer is lower than minimum")
            if 0xD800 <= code <= 0xDFFF:
                raise _FormatError("unsigned integer is invalid Unicode character")
            if code > 0x10FFFF:
                raise _FormatError("unsigned integer is greater than maximum")
            return chr(code)
        if godot_type_name(value) == "String" and len(value) == 1:
            return value
        raise _FormatError("%c requires number or single-character string")


def _is_num(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _vector_items(value: Any) -> tuple[Any, ...] | None:
    name = getattr(type(value), "GODOT_NAME", "")
    if name.startswith("Vector") and name[-1] in "234i":
        return tuple(value)
    return None


def _strings() -> Any:
    from . import strings
    return strings


# * Method tables -------------------------------------------------------------------

def method_table(value_type: type, dialect: int) -> dict[str, Callable[..., Any]]:
    """Godot method name -> ``fn(self, *args)`` for a builtin value type and dialect."""
    from . import arrays, dictionary, packed, strings
    three = dialect == 3
    if issubclass(value_type, strings.NodePath):
        return strings.NODE_PATH_METHODS_3 if three else strings.NODE_PATH_METHODS
    if issubclass(value_type, str):
        if issubclass(value_type, strings.StringName) and not three:
            return strings.STRING_NAME_METHODS
        return strings.STRING_METHODS_3 if three else strings.STRING_METHODS
    if issubclass(value_type, (packed.PackedArray, packed.PackedByteArray)):
        return value_type.METHODS_3 if three else value_type.METHODS
    if issubclass(value_type, list):
        return arrays.METHODS_3 if three else arrays.METHODS
    if issubclass(value_type, dict):
        return dictionary.METHODS_3 if three else dictionary.METHODS
    raise TypeError(f"no method table for {value_type.__name__}")


__all__ = [
    "TYPE_IDS_3", "TYPE_IDS_4", "c_escape", "container_equal", "godot_type_name",
    "method_table", "num3", "num_real", "shortest_float", "str_to_var", "stringify",
    "type_name", "typeof", "var_to_str", "variant_equal", "variant_hash", "variant_less",
]


# * var_to_str / str_to_var (3.x var2str / str2var) -------------------------------------------

def var_to_str(value: Any, dialect: int = 4) -> str:
    """Godot's ``var_to_str`` (4.x VariantWriter, compat mode) / 3.x ``var2str``."""
    return _Writer(dialect).write(value, 0)


class _Writer:
    def __init__(self, dialect: int) -> None:
        self.three = dialect == 3

    def write(self, value: Any, depth: int) -> str:
        if value is None or isinstance(value, bool):
            return {None: "null", True: "true", False: "false"}[value]
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return self._float(value)
        name = godot_type_name(value, 4)
        if name == "String":
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if name == "StringName":
            return ('"' if self.three else '&"') + c_escape(value) + '"'
        if name == "NodePath":
            return 'NodePath("' + c_escape(str(value)) + '")'
        if name == "Array":
            return self._array(value, depth)
        if name == "Dictionary":
            return self._dict(value, depth)
        if name.startswith("Packed"):
            return self._packed(value, name)
        if name in ("Callable", "Signal") and not self.three:
            return f"{name}()"  # not serializable: VariantWriter writes an empty one
        if isinstance(value, type) and not self.three:
            return _class_text(value)
        if hasattr(value, "_FIELDS"):  # math values: the name and every number, flattened
            shown = godot_type_name(value, 3) if self.three else name
            items = ", ".join(_components(value, self.three))
            return f"{shown}( {items} )" if self.three else f"{shown}({items})"
        return stringify(value, 3 if self.three else 4)

    def _float(self, value: float) -> str:
        if self.three:  # VariantWriter 3.x goes through real_t (float32), then "%lg"
            value = _to_single(value)
            text = "0" if value == 0 else num3(value) if value != value else "%g" % value
        elif value == 0:
            text = "0"
        elif value == -math.inf:
            text = "inf_neg"
        else:
            import struct
            single = struct.unpack("<f", struct.pack("<f", value))[0] == value
            text = shortest_float(value, single)
            text = text[:-2] if text.endswith(".0") else text
        exempt = ("inf", "nan") if self.three else ("inf", "-inf", "nan")  # 3.x: "-inf.0"
        if text not in exempt and not any(c in text for c in ".eE"):
            text += ".0"
        return text

    def _array(self, value: list, depth: int) -> str:
        if depth > MAX_RECURSION:
            _engine_error("Max recursion reached")
            return "[]"
        items = ", ".join(self.write(v, depth + 1) for v in value)
        if self.three:
            return "[ " + items + " ]"
        typed = getattr(value, "typed_builtin", 0)
        body = "[" + items + "]"
        return f"Array[{type_name(typed)}]({body})" if typed else body

    def _dict(self, value: dict, depth: int) -> str:
        if not value:
            return "{\n\n}" if self.three else "{}"
        if self.three:
            keys = sorted(value, key=lambda k: stringify(k, 3))
        else:
            keys = sorted(value, key=variant_sort_key)
        pairs = ",\n".join(f"{self.write(k, depth + 1)}: {self.write(value[k], depth + 1)}"
                           for k in keys)
        return "{\n" + pairs + "\n}"

    def _packed(self, value: Any, name: str) -> str:
        if name in ("PackedFloat32Array", "PackedFloat64Array"):
            items = [self._float(v) for v in value]
        elif name == "PackedStringArray":
            items = ['"' + c_escape(v) + '"' for v in value]
        elif name in ("PackedByteArray", "PackedInt32Array", "PackedInt64Array"):
            items = [str(v) for v in value]
        else:
            items = [c for v in value for c in _components(v, self.three)]
        if self.three:
            return f"{NAMES_4_TO_3.get(name, name)}( {', '.join(items)} )"
        return f"{name}({', '.join(items)})"


def _class_text(cls: type) -> str:
    """A class as a value (4.x): a script file as a resource reference, else an Object."""
    info = getattr(cls, "_gd_script", None)
    if info is not None and info.outer is None and info.path.startswith("res://"):
        return f'Resource("{info.path}")'
    kind = "GDScript" if info is not None else "GDScriptNativeClass"
    return f'Object({kind},"script":null)\n'


def _to_single(value: float) -> float:
    import struct
    try:
        return struct.unpack("<f", struct.pack("<f", value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def _components(value: Any, three: bool) -> list[str]:
    """The numbers of a math value in VariantWriter order (rows of a Basis, columns else)."""
    return [_component(number, three) for number in _numbers(value)]


def _numbers(value: Any) -> list[Any]:
    if isinstance(value, (int, float)):
        return [value]
    parts = value._fields() if hasattr(value, "_fields") else value
    return [number for part in parts for number in _numbers(part)]


def _component(number: Any, three: bool) -> str:
    if type(number) is int:
        return str(number)
    if number == 0:
        return "0"  # VariantWriter's rtos_fix: no negative zero
    if three:
        return "%g" % number
    return shortest_float(float(number)).removesuffix(".0")


_TOKEN = LazyPattern(r'(?s)\s*(?:(?P<num>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?'
                     r'|\.\d+(?:[eE][+-]?\d+)?))'
                     r'|(?P<str>[&^]?"(?:[^"\\]|\\.)*")|(?P<id>[A-Za-z_][A-Za-z0-9_]*)'
                     r'|(?P<p>[\[\]{}(),:]))')


def str_to_var(text: str, dialect: int = 4) -> Any:
    """Godot's ``str_to_var`` / 3.x ``str2var`` for builtin values; ``None`` if unparsable."""
    tokens = []
    pos = 0
    while pos < len(text.rstrip()):
        match = _TOKEN.match(text, pos)
        if not match:
            return None
        tokens.append((match.lastgroup, match.group(match.lastgroup)))
        pos = match.end()
    try:
        value, rest = _Parser(tokens, dialect).value(0)
    except (IndexError, ValueError, TypeError, KeyError):
        return None
    return value


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], dialect: int) -> None:
        self.tokens, self.dialect = tokens, dialect

    def value(self, i: int) -> tuple[Any, int]:
        kind, tok = self.tokens[i]
        if kind == "num":
            is_float = any(c in tok for c in ".eE")
            return (float(tok) if is_float else int(tok)), i + 1
        if kind == "str":
            return self._string(tok), i + 1
        if tok == "[":
            return self._array(i + 1)
        if tok == "{":
            return self._dict(i + 1)
        if kind == "id":
            return self._identifier(tok, i + 1)
        raise ValueError(tok)

    def _string(self, tok: str) -> Any:
        from .strings import NodePath, StringName, c_unescape
        body = c_unescape(tok.lstrip("&^")[1:-1])
        return StringName(body) if tok[0] == "&" else NodePath(body) if tok[0] == "^" else body

    def _items(self, i: int, close: str) -> tuple[list[Any], int]:
        items: list[Any] = []
        while self.tokens[i][1] != close:
            item, i = self.value(i)
            items.append(item)
            if self.tokens[i][1] == ",":
                i += 1
        return items, i + 1

    def _array(self, i: int) -> tuple[Any, int]:
        from .arrays import Array
        items, i = self._items(i, "]")
        return Array(items), i

    def _dict(self, i: int) -> tuple[Any, int]:
        from .dictionary import Dictionary
        result = Dictionary()
        while self.tokens[i][1] != "}":
            key, i = self.value(i)
            if self.tokens[i][1] != ":":
                raise ValueError("expected ':'")
            result[key], i = self.value(i + 1)
            if self.tokens[i][1] == ",":
                i += 1
        return result, i + 1

    def _identifier(self, name: str, i: int) -> tuple[Any, int]:
        consts = {"null": None, "nil": None, "true": True, "false": False, "inf": math.inf,
                  "inf_neg": -math.inf, "nan": math.nan}
        if name in consts:
            return consts[name], i
        if name == "Array" and self.tokens[i][1] == "[":
            kind, i = self.tokens[i + 1][1], i + 3  # Array[T]( [...] )
            items, i = self.value(i + 1)
            items.typed_builtin = TYPE_IDS_4.get(kind, 0)
            return items, i + 1
        if self.tokens[i][1] != "(":
            raise ValueError(name)
        args, i = self._items(i + 1, ")")
        return self._construct(name, args), i

    def _construct(self, name: str, args: list[Any]) -> Any:
        from . import class_table
        from .strings import NodePath
        if name == "NodePath":
            return NodePath(args[0] if args else "")
        if name == "StringName":
            from .strings import StringName
            return StringName(args[0] if args else "")
        cls = class_table(self.dialect).get(name)
        if cls is None:
            from . import math_types  # noqa: F401  (math types register themselves there)
            cls = getattr(math_types, name, None)
            if not isinstance(cls, type):  # not a type's name: text str_to_var cannot parse
                raise ValueError(name)
        if name.endswith("Array") and ("Vector" in name or "Color" in name):
            width = {"2": 2, "3": 3, "4": 4}.get(name.split("Vector")[-1][:1], 4)
            return cls([args[j:j + width] for j in range(0, len(args), width)])
        if name.startswith(("Packed", "Pool")):
            return cls(args)
        return cls(*args)


# * Operators on builtin values ------------------------------------------------------------

_COMPARABLE = ("String", "StringName", "Array", "int", "float", "bool")

# Godot type name -> operators (as the class reference spells them) that
# ``binary_operator`` / ``index_get`` implement for it.
OPERATORS: dict[str, frozenset[str]] = {
    "String": frozenset({"==", "!=", "<", "<=", ">", ">=", "+", "%", "[]"}),
    "StringName": frozenset({"==", "!=", "<", "<=", ">", ">=", "+", "%"}),
    "NodePath": frozenset({"==", "!="}),
    "Array": frozenset({"==", "!=", "<", "<=", ">", ">=", "+", "[]"}),
    "Dictionary": frozenset({"==", "!=", "[]"}),
    **{name: frozenset({"==", "!=", "+", "[]"}) for name in _SUFFIX_NAMES_4.values()
       if name.startswith("Packed")},
}


def binary_operator(op: str, a: Any, b: Any, dialect: int = 4) -> Any:
    """``a op b`` for String/Array/Dictionary/packed operands (``==``, ``<``, ``+``, ``%``...).

    Raises ScriptRuntimeError with Godot's text when the operands do not fit.
    """
    if op == "==":
        return variant_equal(a, b)
    if op == "!=":
        return not variant_equal(a, b)
    ka, kb = godot_type_name(a), godot_type_name(b)
    if op == "%" and ka in ("String", "StringName"):
        return format_percent(str(a), b, dialect)
    if op == "+" and ka in ("String", "StringName") and kb in ("String", "StringName"):
        return str.__add__(str(a), str(b))
    if op == "+" and ka == kb and (ka == "Array" or ka.startswith("Packed")):
        from .arrays import Array
        return Array(list(a) + list(b)) if ka == "Array" else type(a)(list(a) + list(b))
    if op in ("<", "<=", ">", ">=") and ka == kb and ka in _COMPARABLE or \
            op in ("<", "<=", ">", ">=") and {ka, kb} <= {"String", "StringName"}:
        less = variant_less(a, b) if op in ("<", ">=") else variant_less(b, a)
        return less if op in ("<", ">") else not less
    raise _script_error(f"Invalid operands '{godot_type_name(a, dialect)}' and "
                        f"'{godot_type_name(b, dialect)}' in operator '{op}'.")


def _script_error(message: str) -> Exception:
    from gdscript.errors import ScriptRuntimeError
    return ScriptRuntimeError(message)


def index_get(base: Any, index: Any, dialect: int = 4) -> Any:
    """``base[index]`` for String, Array, Dictionary and packed arrays (negative indices wrap)."""
    kind = godot_type_name(base, dialect)
    if isinstance(base, dict) and index in base:
        return base[index]
    if isinstance(base, dict) or isinstance(index, bool) or not isinstance(index, (int, float)):
        shown = stringify(index, dialect)
        shown = f"'{shown}'" if shown else f"of type '{godot_type_name(index, dialect)}'"
        if dialect == 3:
            raise _script_error(f"Invalid get index {shown} (on base: '{kind}').")
        raise _script_error(f"Invalid access to property or key {shown} on a base object of "
                            f"type '{kind}'.")
    position = int(index)
    size = len(base)
    if -size <= position < size:
        return base[position]
    raise _script_error(f"Out of bounds get index '{position}' (on base: '{kind}')")
