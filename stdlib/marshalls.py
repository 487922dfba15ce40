"""Godot's binary Variant format (``var_to_bytes`` / ``bytes_to_var``) and Marshalls.

``encode_variant(value, dialect)`` / ``decode_variant(data, dialect)`` follow
``core/io/marshalls.cpp``: a little-endian uint32 header (type id, plus flag bit 16
for 64-bit ints/floats or an object id), then the payload padded to 4 bytes.
Ints take 4 bytes unless outside int32, floats 4 bytes unless float32 loses
precision.  Type ids are the dialect's ``TYPE_*`` values (they differ: Array is 28
in 4.x, 19 in 3.x), which is the only 3.x/4.x difference for the supported
types; checked against Godot 3.2.3 output.

Supported: null, bool, int, float, String, StringName, Vector2/2i/3/3i/4/4i, Color,
Array, Dictionary, the packed arrays of bytes, ints, floats, strings, vectors and
colors, and Objects as ids (``var_to_bytes`` never encodes full objects).  Typed
containers are written untyped.  Other values raise ``MarshallError``.

``Marshalls`` (singleton in both dialects) wraps base64 around these and around
raw bytes and UTF-8 text.
"""

from __future__ import annotations

import base64
import binascii
import math
import struct

from ..errors import engine_error
from .objects import Object

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

FLAG_64 = 1 << 16
_VECTOR_TYPES = ("Vector2", "Vector2i", "Vector3", "Vector3i", "Vector4", "Vector4i", "Color")
_PACKED_FORMATS = {  # element struct format, element type name
    "PackedInt32Array": "<i", "PackedInt64Array": "<q", "PackedFloat32Array": "<f",
    "PackedFloat64Array": "<d"}
_PACKED_VECTORS = {"PackedVector2Array": ("Vector2", 2), "PackedVector3Array": ("Vector3", 3),
                   "PackedVector4Array": ("Vector4", 4), "PackedColorArray": ("Color", 4)}


class MarshallError(Exception):
    """Data that Godot's decoder rejects (the message is Godot's engine error)."""


def _type_ids(dialect: int) -> dict[str, int]:
    from .variant import TYPE_IDS_3, TYPE_IDS_4, NAMES_4_TO_3
    if dialect == 3:
        return {**{k: TYPE_IDS_3[v] for k, v in NAMES_4_TO_3.items() if v in TYPE_IDS_3}, **TYPE_IDS_3}
    return TYPE_IDS_4


def _type_name(value: Any) -> str:
    """The 4.x-style name of a value's type (packed arrays keep their 4.x names)."""
    if value is None:
        return "Nil"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    name = getattr(type(value), "GODOT_NAME", None)
    if name:
        return "Object" if isinstance(value, Object) else name
    for python_type, godot in ((str, "String"), (bytearray, "PackedByteArray"), (list, "Array"),
                               (dict, "Dictionary")):
        if isinstance(value, python_type):
            return godot
    return type(value).__name__


def _pad(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def _string(text: str) -> bytes:
    raw = str(text).encode("utf-8", errors="surrogatepass")
    return _pad(struct.pack("<I", len(raw)) + raw)


def encode_variant(value: Any, dialect: int = 4) -> Any:
    """``var_to_bytes(value)`` as a PackedByteArray (empty, after an error, if unsupported)."""
    from .packed import PackedByteArray
    try:
        return PackedByteArray(_encode(value, dialect, 0))
    except MarshallError as exc:
        engine_error(str(exc))
        return PackedByteArray()


def _encode(value: Any, dialect: int, depth: int) -> bytes:
    if depth > 1024:
        raise MarshallError("Potential infinite recursion detected. Bailing.")
    name = _type_name(value)
    ids = _type_ids(dialect)
    if name == "StringName" and dialect == 3:
        name = "String"
    if name not in ids:
        raise MarshallError(f"Unsupported type for var_to_bytes: {name}.")
    header = ids[name]
    body, flag = _payload(value, _CANONICAL_3.get(name, name), dialect, depth)
    return struct.pack("<I", header | flag) + body


def _payload(value: Any, name: str, dialect: int, depth: int) -> tuple[bytes, int]:
    if name == "Nil":
        return b"", 0
    if name == "bool":
        return struct.pack("<I", int(value)), 0
    if name == "int":
        if -2**31 <= value < 2**31:
            return struct.pack("<i", value), 0
        return struct.pack("<q", value), FLAG_64
    if name == "float":
        single = struct.unpack("<f", struct.pack("<f", value))[0] if math.isfinite(value) else value
        if single == value or math.isnan(value):
            return struct.pack("<f", value), 0
        return struct.pack("<d", value), FLAG_64
    if name in ("String", "StringName"):
        return _string(value), 0
    if name in _VECTOR_TYPES:
        fmt = "<i" if name.endswith("i") else "<f"
        return b"".join(struct.pack(fmt, getattr(value, f)) for f in type(value)._FIELDS), 0
    if name == "Object":
        return struct.pack("<Q", value.get_instance_id() & (2**64 - 1)), FLAG_64
    return _container_payload(value, name, dialect, depth), 0


def _container_payload(value: Any, name: str, dialect: int, depth: int) -> bytes:
    count = struct.pack("<I", len(value))
    if name == "Array":
        return count + b"".join(_encode(item, dialect, depth + 1) for item in value)
    if name == "Dictionary":
        return count + b"".join(_encode(k, dialect, depth + 1) + _encode(v, dialect, depth + 1)
                                for k, v in value.items())
    if name == "PackedByteArray":
        return _pad(count + bytes(value))
    if name in _PACKED_FORMATS:
        fmt = _PACKED_FORMATS[name]
        return count + b"".join(struct.pack(fmt, item) for item in value)
    if name == "PackedStringArray":
        return count + b"".join(_string(item) for item in value)
    if name in _PACKED_VECTORS:
        return count + b"".join(struct.pack("<f", getattr(item, f)) for item in value
                                for f in type(item)._FIELDS)
    raise MarshallError(f"Unsupported type for var_to_bytes: {name}.")


# * Decoding -------------------------------------------------------------------------

class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0

    def take(self, size: int) -> bytes:
        if self.offset + size > len(self.data):
            raise MarshallError('Condition "len < 4" is true. Returned: ERR_INVALID_DATA')
        chunk = self.data[self.offset:self.offset + size]
        self.offset += size
        return chunk

    def unpack(self, fmt: str) -> Any:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        size = self.unpack("<I")
        text = self.take(size).decode("utf-8", errors="replace")
        self.take(-size % 4)
        return text


def decode_variant(data: bytes, dialect: int = 4) -> Any:
    """``bytes_to_var(data)``; raises MarshallError like Godot's ERR_INVALID_DATA."""
    return _decode(_Reader(bytes(data)), dialect, 0)


def _decode(reader: _Reader, dialect: int, depth: int) -> Any:
    if depth > 1024:
        raise MarshallError("Potential infinite recursion detected. Bailing.")
    header = reader.unpack("<I")
    names = {v: k for k, v in _type_ids(dialect).items()}
    name = names.get(header & 0xFF)
    name = _CANONICAL_3.get(name, name)
    if name is None:
        raise MarshallError('Condition "(header & HEADER_TYPE_MASK) >= Variant::VARIANT_MAX" is true. '
                            "Returned: ERR_INVALID_DATA")
    return _decode_value(reader, name, header & FLAG_64, dialect, depth)


# 3.x type names -> the 4.x names the payload code uses.
_CANONICAL_3 = {"PoolIntArray": "PackedInt32Array", "PoolRealArray": "PackedFloat32Array",
                "PoolByteArray": "PackedByteArray", "PoolStringArray": "PackedStringArray",
                "PoolVector2Array": "PackedVector2Array", "PoolVector3Array": "PackedVector3Array",
                "PoolColorArray": "PackedColorArray", "Quat": "Quaternion", "Transform": "Transform3D"}


def _decode_value(reader: _Reader, name: str, wide: int, dialect: int, depth: int) -> Any:
    if name == "Nil":
        return None
    if name == "bool":
        return bool(reader.unpack("<I"))
    if name == "int":
        return reader.unpack("<q" if wide else "<i")
    if name == "float":
        return float(reader.unpack("<d" if wide else "<f"))
    if name in ("String", "StringName"):
        text = reader.string()
        if name == "StringName":
            from .strings import StringName
            return StringName(text)
        return text
    if name == "Object":
        from .utility_functions import instance_from_id
        return instance_from_id(reader.unpack("<q" if wide else "<i"))
    if name in _VECTOR_TYPES:
        return _decode_math(reader, name, dialect)
    return _decode_container(reader, name, dialect, depth)


def _class(name: str, dialect: int) -> Any:
    from . import class_table
    table = class_table(dialect)
    if name in table:
        return table[name]
    from .variant import NAMES_4_TO_3
    cls = table.get(NAMES_4_TO_3.get(name, name))
    if cls is None:
        raise MarshallError(f"Unsupported type in bytes_to_var: {name}.")
    return cls


def _decode_math(reader: _Reader, name: str, dialect: int) -> Any:
    cls = _class(name, dialect)
    fmt = "<i" if name.endswith("i") else "<f"
    return cls(*[reader.unpack(fmt) for _ in cls._FIELDS])


def _decode_container(reader: _Reader, name: str, dialect: int, depth: int) -> Any:
    count = reader.unpack("<I") & 0x7FFFFFFF
    if name == "Array":
        from .arrays import Array
        return Array([_decode(reader, dialect, depth + 1) for _ in range(count)])
    if name == "Dictionary":
        from .dictionary import Dictionary
        result = Dictionary()
        for _ in range(count):
            key = _decode(reader, dialect, depth + 1)
            result[key] = _decode(reader, dialect, depth + 1)
        return result
    cls = _class(name, dialect)
    if name == "PackedByteArray":
        data = reader.take(count)
        reader.take(-count % 4)
        return cls(data)
    if name in _PACKED_FORMATS:
        return cls([reader.unpack(_PACKED_FORMATS[name]) for _ in range(count)])
    if name == "PackedStringArray":
        return cls([reader.string() for _ in range(count)])
    if name in _PACKED_VECTORS:
        element, size = _PACKED_VECTORS[name]
        element_cls = _class(element, dialect)
        return cls([element_cls(*[reader.unpack("<f") for _ in range(size)]) for _ in range(count)])
    raise MarshallError(f"Unsupported type in bytes_to_var: {name}.")


# * Marshalls --------------------------------------------------------------------------

def _bytes(data: bytes) -> Any:
    from .packed import PackedByteArray
    return PackedByteArray(data)


def _b64decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(str(text), validate=False)
    except (binascii.Error, ValueError):
        return None


class Marshalls(Object):
    """Godot's Marshalls singleton: base64 of bytes, UTF-8 text and Variants."""

    GODOT_NAME = "Marshalls"
    _GD_DIALECT = 4

    def raw_to_base64(self, array: Any) -> str:
        return base64.b64encode(bytes(array)).decode("ascii")

    def base64_to_raw(self, base64_str: str) -> Any:
        data = _b64decode(base64_str)
        if data is None:
            engine_error('Condition "CryptoCore::b64_decode(...) != OK" is true. Returning: PackedByteArray()')
            return _bytes(b"")
        return _bytes(data)

    def utf8_to_base64(self, utf8_str: str) -> str:
        return base64.b64encode(str(utf8_str).encode("utf-8")).decode("ascii")

    def base64_to_utf8(self, base64_str: str) -> str:
        data = _b64decode(base64_str)
        if data is None:
            engine_error('Condition "CryptoCore::b64_decode(...) != OK" is true. Returning: String()')
            return ""
        return data.decode("utf-8", errors="replace")

    def variant_to_base64(self, variant: Any, full_objects: bool = False) -> str:
        return base64.b64encode(bytes(encode_variant(variant, self._GD_DIALECT))).decode("ascii")

    def base64_to_variant(self, base64_str: str, allow_objects: bool = False) -> Any:
        data = _b64decode(base64_str)
        if data is None:
            engine_error('Condition "CryptoCore::b64_decode(...) != OK" is true. Returning: Variant()')
            return None
        try:
            return decode_variant(data, self._GD_DIALECT)
        except MarshallError as exc:
            engine_error(str(exc))
            return None


class Marshalls3(Marshalls):
    _GD_DIALECT = 3


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"Marshalls": Marshalls}
GODOT_CLASSES_3 = {"Marshalls": Marshalls3}
