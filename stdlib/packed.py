"""Packed arrays (4.x ``Packed*Array``) and their 3.x names (``Pool*Array``).

Mutable Python objects; Godot's copy-on-assignment semantics are the runtime's
job (it copies where a script would observe sharing).  ``PackedByteArray`` is a
``bytearray``; the others are ``PackedArray`` (a ``list``) subclasses whose
``_coerce`` turns a value into the element type the way Godot does (int32
wraps, float32 rounds through ``struct 'f'``).  Every class has ``METHODS``
(4.x) and ``METHODS_3`` (3.x) tables ``name -> fn(self, *args)``; 3.x mutators
that Godot 3 names differently (``invert``, ``remove``) are in ``METHODS_3``.
Vector and Color element types come from ``math_types`` (imported lazily).
"""

from __future__ import annotations

import math
import struct

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, ClassVar

INT32_MAX = 2 ** 31 - 1


def _error(message: str) -> None:
    from gdscript.errors import engine_error
    engine_error(message)


def wrap_int(value: Any, bits: int) -> int:
    """Truncate like a C cast to a signed integer of ``bits`` bits."""
    value = int(value)
    half = 1 << (bits - 1)
    return ((value + half) % (1 << bits)) - half


def to_float32(value: Any) -> float:
    return struct.unpack("<f", struct.pack("<f", float(value)))[0]


def _math_type(name: str) -> Any:
    from . import math_types  # written by another helper; optional here
    return getattr(math_types, name)


class PackedArray(list):
    """Common base of the list-backed packed arrays."""

    GODOT_NAME: ClassVar[str] = "PackedArray"
    METHODS: ClassVar[dict[str, Callable[..., Any]]] = {}
    METHODS_3: ClassVar[dict[str, Callable[..., Any]]] = {}
    # Values of this exact type are stored as they are (no _coerce call): push_back's fast path.
    _gd_plain: ClassVar[type | None] = None

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(self._coerce(v) for v in items)

    @staticmethod
    def _coerce(value: Any) -> Any:
        return value

    def __repr__(self) -> str:
        return f"{self.GODOT_NAME}({list.__repr__(self)})"

    def __hash__(self) -> int:  # type: ignore[override]
        # Packed arrays are Dictionary keys in Godot, hashed by content.
        return hash((type(self), tuple(self)))

    def __add__(self, other: Any) -> Any:
        # Godot's ``+`` on two packed arrays of one type concatenates into a new one.
        if type(other) is not type(self):
            return NotImplemented
        result = type(self)()
        list.extend(result, self)
        list.extend(result, other)
        return result

    # Python would repeat, %-format or order these sequences; Godot has no such operators.
    def _no_operator(self, other: Any) -> Any:
        return NotImplemented

    __mul__ = __rmul__ = __imul__ = __mod__ = __rmod__ = _no_operator
    __lt__ = __le__ = __gt__ = __ge__ = _no_operator



class PackedInt32Array(PackedArray):
    GODOT_NAME = "PackedInt32Array"

    @staticmethod
    def _coerce(value: Any) -> int:
        return wrap_int(value, 32)


class PackedInt64Array(PackedArray):
    GODOT_NAME = "PackedInt64Array"

    @staticmethod
    def _coerce(value: Any) -> int:
        return wrap_int(value, 64)


class PackedFloat32Array(PackedArray):
    GODOT_NAME = "PackedFloat32Array"

    @staticmethod
    def _coerce(value: Any) -> float:
        return to_float32(value)


class PackedFloat64Array(PackedArray):
    GODOT_NAME = "PackedFloat64Array"
    _gd_plain = float

    @staticmethod
    def _coerce(value: Any) -> float:
        return float(value)


class PackedStringArray(PackedArray):
    GODOT_NAME = "PackedStringArray"
    _gd_plain = str

    @staticmethod
    def _coerce(value: Any) -> str:
        if type(value) is str:  # the common case, first
            return value
        if isinstance(value, str):
            return str.__str__(value)
        from .variant import stringify
        return stringify(value)


def _math_coercer(type_name: str) -> Callable[[Any], Any]:
    def coerce(value: Any) -> Any:
        try:
            cls = _math_type(type_name)
        except (ImportError, AttributeError):
            return value
        return value if isinstance(value, cls) else cls(*value)
    return staticmethod(coerce)  # type: ignore[return-value]


class PackedVector2Array(PackedArray):
    GODOT_NAME = "PackedVector2Array"
    _coerce = _math_coercer("Vector2")


class PackedVector3Array(PackedArray):
    GODOT_NAME = "PackedVector3Array"
    _coerce = _math_coercer("Vector3")


class PackedVector4Array(PackedArray):
    GODOT_NAME = "PackedVector4Array"
    _coerce = _math_coercer("Vector4")


class PackedColorArray(PackedArray):
    GODOT_NAME = "PackedColorArray"
    _coerce = _math_coercer("Color")


class PackedByteArray(bytearray):
    """Godot's PackedByteArray (3.x PoolByteArray): bytes, printed as ints."""

    GODOT_NAME = "PackedByteArray"
    METHODS: ClassVar[dict[str, Callable[..., Any]]] = {}
    METHODS_3: ClassVar[dict[str, Callable[..., Any]]] = {}
    _gd_plain: ClassVar[type | None] = None  # every value goes through _coerce (0..255)

    def __hash__(self) -> int:  # type: ignore[override]
        # A Dictionary key in Godot, hashed by content.
        return hash((PackedByteArray, bytes(self)))

    def __init__(self, items: Any = ()) -> None:
        if isinstance(items, (bytes, bytearray)):
            super().__init__(items)
        else:
            super().__init__(v & 0xFF for v in (int(x) for x in items))

    @staticmethod
    def _coerce(value: Any) -> int:
        return int(value) & 0xFF

    def __repr__(self) -> str:
        return f"PackedByteArray({list(self)!r})"

    def __add__(self, other: Any) -> Any:
        if not isinstance(other, PackedByteArray):
            return NotImplemented
        result = PackedByteArray(self)
        result.extend(other)
        return result

    def _gd_set_index(self, key: Any, value: Any) -> None:
        """``a[i] = v`` (the runtime's index hook): a number stored as its low byte."""
        from gdscript.access import msg_set_invalid, msg_set_out_of_bounds
        from gdscript.errors import ENGINE_DIALECT, ScriptRuntimeError

        dialect = ENGINE_DIALECT[0]
        if type(key) is not int or not isinstance(value, (int, float)):
            raise ScriptRuntimeError(msg_set_invalid(dialect, key, self, value))
        index = key + len(self) if key < 0 else key
        if not 0 <= index < len(self):
            raise ScriptRuntimeError(msg_set_out_of_bounds(dialect, key, self, value))
        self[index] = int(value) & 0xFF

    # Python would repeat, %-format or order these sequences; Godot has no such operators.
    def _no_operator(self, other: Any) -> Any:
        return NotImplemented

    __mul__ = __rmul__ = __imul__ = __mod__ = __rmod__ = _no_operator
    __lt__ = __le__ = __gt__ = __ge__ = _no_operator



# * Generic methods (self is any packed array) --------------------------------------------

def _new(self: Any, items: Iterable[Any]) -> Any:
    return type(self)(items)


def get(self: Any, index: int) -> Any:
    if not 0 <= index < len(self):
        _error(f"Index p_index = {index} is out of bounds (p_instance->size() = {len(self)}).")
        return type(self)._coerce(0) if not isinstance(self, _VALUE_DEFAULTS) else _default(self)
    return self[index]


def _default(self: Any) -> Any:
    if isinstance(self, PackedStringArray):
        return ""
    name = {"PackedVector2Array": "Vector2", "PackedVector3Array": "Vector3",
            "PackedVector4Array": "Vector4", "PackedColorArray": "Color"}[type(self).GODOT_NAME]
    try:
        return _math_type(name)()
    except (ImportError, AttributeError):
        return None


def set_(self: Any, index: int, value: Any) -> None:
    if index < 0:
        index += len(self)
    if not 0 <= index < len(self):
        _error(f"Index p_index = {index} is out of bounds (p_instance->size() = {len(self)}).")
        return
    self[index] = type(self)._coerce(value)


def push_back(self: Any, value: Any) -> bool:
    if type(value) is self._gd_plain:
        self.append(value)
    else:
        self.append(type(self)._coerce(value))
    return False


def append_array(self: Any, array: Iterable[Any]) -> None:
    self.extend(type(self)._coerce(v) for v in array)


def insert(self: Any, index: int, value: Any) -> int:
    if index < 0:
        index += len(self)
    if not 0 <= index <= len(self):
        _error(f"Index p_pos = {index} is out of bounds (new_size = {len(self) + 1}).")
        return 31  # ERR_INVALID_PARAMETER
    list.insert(self, index, type(self)._coerce(value)) if isinstance(self, list) \
        else bytearray.insert(self, index, type(self)._coerce(value))
    return 0


def remove_at(self: Any, index: int) -> None:
    if index < 0:
        index += len(self)
    if not 0 <= index < len(self):
        _error(f"Index p_index = {index} is out of bounds (size() = {len(self)}).")
        return
    del self[index]


def resize(self: Any, new_size: int) -> int:
    if new_size < 0:
        _error("Size of a packed array cannot be negative.")
        return 31
    if new_size < len(self):
        del self[new_size:]
    else:
        filler = type(self)._coerce(0) if not isinstance(self, _VALUE_DEFAULTS) else _default(self)
        self.extend([filler] * (new_size - len(self)))
    return 0


def fill(self: Any, value: Any) -> None:
    value = type(self)._coerce(value)
    for i in range(len(self)):
        self[i] = value


def _same(a: Any, b: Any) -> bool:
    return a == b or (a != a and b != b)


def find(self: Any, value: Any, from_: int = 0) -> int:
    if from_ < 0:
        from_ += len(self)
    for i in range(max(from_, 0), len(self)):
        if _same(self[i], value):
            return i
    return -1


def rfind(self: Any, value: Any, from_: int = -1) -> int:
    if from_ < 0:
        from_ += len(self)
    for i in range(min(from_, len(self) - 1), -1, -1):
        if _same(self[i], value):
            return i
    return -1


def count(self: Any, value: Any) -> int:
    return sum(1 for item in self if _same(item, value))


def erase(self: Any, value: Any) -> bool:
    index = find(self, value)
    if index < 0:
        return False
    del self[index]
    return True


def bsearch(self: Any, value: Any, before: bool = True) -> int:
    import bisect
    return (bisect.bisect_left if before else bisect.bisect_right)(list(self), value)


def slice_(self: Any, begin: int, end: int = INT32_MAX) -> Any:
    size = len(self)
    begin = max(0, min(begin + size if begin < 0 else begin, size))
    end = max(0, min(end + size if end < 0 else end, size))
    return _new(self, self[begin:end]) if begin < end else _new(self, ())


def sort(self: Any) -> None:
    if isinstance(self, _VALUE_DEFAULTS) and not isinstance(self, PackedStringArray):
        from .variant import variant_sort_key
        items = sorted(self, key=variant_sort_key)
    else:
        items = sorted(self)
    self[:] = type(self)(items)


def reverse(self: Any) -> None:
    self.reverse()


_ELEMENT_FORMATS = {"PackedInt32Array": "i", "PackedInt64Array": "q",
                    "PackedFloat32Array": "f", "PackedFloat64Array": "d"}


def to_byte_array(self: Any) -> PackedByteArray:
    """The elements' raw little-endian bytes (strings: UTF-8, each NUL-terminated)."""
    fmt = _ELEMENT_FORMATS.get(type(self).GODOT_NAME)
    if fmt is not None:
        return PackedByteArray(struct.pack(f"<{len(self)}{fmt}", *self))
    if isinstance(self, PackedStringArray):
        return PackedByteArray(b"".join(s.encode("utf-8") + b"\0" for s in self))
    floats = [float(c) for item in self for c in item]
    return PackedByteArray(struct.pack(f"<{len(floats)}f", *floats))


# * PackedByteArray methods -------------------------------------------------------------------

_CODECS = {"u8": ("B", 1), "s8": ("b", 1), "u16": ("H", 2), "s16": ("h", 2), "u32": ("I", 4),
           "s32": ("i", 4), "u64": ("Q", 8), "s64": ("q", 8), "half": ("e", 2),
           "float": ("f", 4), "double": ("d", 8)}


def _offset_ok(self: Any, offset: int, width: int, returning: str | None) -> bool:
    if 0 <= offset <= len(self) - width:
        return True
    cond = f"p_offset < 0 || p_offset > int64_t(size) - {width}"
    _error(f'Condition "{cond}" is true.' + (f" Returning: {returning}" if returning else ""))
    return False


def _decoder(code: str) -> Callable[..., Any]:
    fmt, width = _CODECS[code]

    def decode(self: Any, byte_offset: int) -> Any:
        if not _offset_ok(self, byte_offset, width, "0"):
            return 0 if fmt not in "efd" else 0.0
        return struct.unpack_from("<" + fmt, self, byte_offset)[0]
    return decode


def _encoder(code: str) -> Callable[..., Any]:
    fmt, width = _CODECS[code]

    def encode(self: Any, byte_offset: int, value: Any) -> None:
        if not _offset_ok(self, byte_offset, width, None):
            return
        if fmt in "efd":
            value = float(value)
            if fmt == "e" and abs(value) > 65504.0 and value == value:
                value = float("inf") if value > 0 else float("-inf")
        else:
            value = int(value) % (1 << (8 * width))
            if fmt.islower():
                value = wrap_int(value, 8 * width)
        struct.pack_into("<" + fmt, self, byte_offset, value)
    return encode


def _c_string(data: bytes) -> bytes:
    end = data.find(b"\0")
    return data if end < 0 else data[:end]


def _decode_text(codec: str, width: int) -> Callable[[Any], str]:
    def decode(self: Any) -> str:
        data = bytes(self)[: len(self) - len(self) % width]
        text = data.decode(codec, errors="replace")
        end = text.find("\0")
        return text if end < 0 else text[:end]
    return decode


def _ascii(self: Any) -> str:
    return "".join(chr(b) for b in _c_string(bytes(self)))


def _utf8(self: Any) -> str:
    return _c_string(bytes(self)).decode("utf-8", errors="replace")


def _utf8_3(self: Any) -> str:
    """Godot 3.2's ``parse_utf8``: a BOM is skipped; a bad sequence prints "Unicode error:
    ..." and gives "" (Godot keeps a half-filled buffer after a bad continuation byte:
    here the characters decoded before it).  Surrogates and 5-6 byte forms are accepted."""
    data = _c_string(bytes(self))
    data = data[3:] if data[:3] == b"\xef\xbb\xbf" else data
    problem = _utf8_3_scan(data)
    if problem:
        _unicode_error_3(problem)
        return ""
    chars: list[str] = []
    pos = 0
    while pos < len(data):
        lead = data[pos]
        size = _utf8_3_length(lead)
        code = lead if size == 1 else lead & (0xFF >> (size + 1))
        for i in range(1, size):
            byte = data[pos + i]
            if byte & 0xC0 != 0x80:
                _unicode_error_3("invalid utf8")
                return "".join(chars)
            if code == 0 and i == 2 and ((byte & 0x7F) >> (7 - size)) == 0:
                _unicode_error_3("invalid utf8 overlong")
                return "".join(chars)
            code = (code << 6) | (byte & 0x3F)
        chars.append(chr(code) if code <= 0x10FFFF else "\ufffd")
        pos += size
    return "".join(chars)


def _utf8_3_length(lead: int) -> int:
    for size, mask, value in ((1, 0x80, 0), (2, 0xE0, 0xC0), (3, 0xF0, 0xE0), (4, 0xF8, 0xF0),
                              (5, 0xFC, 0xF8), (6, 0xFE, 0xFC)):
        if lead & mask == value:
            return size
    return 0


def _utf8_3_scan(data: bytes) -> str:
    """Godot 3's first pass: the lead bytes and lengths only."""
    pos = 0
    while pos < len(data):
        size = _utf8_3_length(data[pos])
        if size == 0:
            return "invalid skip"
        if size == 2 and data[pos] & 0x1E == 0:
            return "overlong rejected"
        pos += size
    return "no space left" if pos > len(data) else ""


def _unicode_error_3(reason: str) -> None:
    from .utility_functions import OUTPUT
    OUTPUT.write_out(f"Unicode error: {reason}")


def hex_encode(self: Any) -> str:
    return bytes(self).hex()


COMPRESSION_FASTLZ, COMPRESSION_DEFLATE, COMPRESSION_GZIP = 0, 1, 3


# * FastLZ (compression mode 0, the default): Godot pads inputs under 16 bytes with zeros.
# Compression writes level 1 streams; they equal Godot's for the short inputs checked
# (tests), while longer ones may pick other matches (still valid; Godot also writes level 2
# above 64 KiB).  Decompression reads levels 1 and 2 exactly.

_FASTLZ_HASH_BITS = 13
_FASTLZ_MAX_COPY, _FASTLZ_MAX_LEN, _FASTLZ_MAX_DISTANCE = 32, 264, 8192


def _fastlz_hash(sequence: int) -> int:
    return (sequence * 2654435769) >> (32 - _FASTLZ_HASH_BITS) & ((1 << _FASTLZ_HASH_BITS) - 1)


def _u24(data: bytes, at: int) -> int:
    return data[at] | data[at + 1] << 8 | data[at + 2] << 16


def fastlz_compress(data: bytes) -> bytes:
    """FastLZ 0.5 level 1, as Godot's ``Compression::compress`` calls it."""
    data = data.ljust(16, b"\0")
    out = bytearray()
    table = [0] * (1 << _FASTLZ_HASH_BITS)
    anchor, ip, bound, limit = 0, 2, len(data) - 2, len(data) - 13
    while ip < limit:
        ip, ref = _fastlz_find(data, table, ip, limit)
        if ref < 0:
            break
        _fastlz_literals(out, data[anchor:ip])
        length = _fastlz_compare(data, ref + 3, ip + 3, bound)
        _fastlz_put_match(out, length, ip - ref - 1)
        ip += length
        for _ in range(2):  # hash the two positions at the end of the match
            table[_fastlz_hash(_u24(data, ip))] = ip
            ip += 1
        anchor = ip
    _fastlz_literals(out, data[anchor:])
    return bytes(out)


def _fastlz_find(data: bytes, table: list[int], ip: int, limit: int) -> tuple[int, int]:
    """The next position whose 3 bytes were seen within reach, and where (-1: none)."""
    while True:
        sequence = _u24(data, ip)
        slot = _fastlz_hash(sequence)
        ref, table[slot] = table[slot], ip
        found = ip - ref < _FASTLZ_MAX_DISTANCE and _u24(data, ref) == sequence
        if ip >= limit:
            return ip, -1
        if found:
            return ip, ref
        ip += 1


def _fastlz_compare(data: bytes, ref: int, ip: int, bound: int) -> int:
    """FastLZ's ``flz_cmp``: matching bytes plus the first differing one."""
    start = ref
    if data[ref:ref + 4] == data[ip:ip + 4] and ip + 4 <= len(data):
        ref, ip = ref + 4, ip + 4
    while ip < bound:
        same = data[ref] == data[ip]
        ref, ip = ref + 1, ip + 1
        if not same:
            break
    return ref - start


def _fastlz_literals(out: bytearray, run: bytes) -> None:
    for at in range(0, len(run), _FASTLZ_MAX_COPY):
        chunk = run[at:at + _FASTLZ_MAX_COPY]
        out.append(len(chunk) - 1)
        out += chunk


def _fastlz_put_match(out: bytearray, length: int, distance: int) -> None:
    while length > _FASTLZ_MAX_LEN - 2:
        out += bytes([(7 << 5) + (distance >> 8), _FASTLZ_MAX_LEN - 2 - 7 - 2, distance & 255])
        length -= _FASTLZ_MAX_LEN - 2
    if length < 7:
        out += bytes([(length << 5) + (distance >> 8), distance & 255])
    else:
        out += bytes([(7 << 5) + (distance >> 8), length - 7, distance & 255])


def fastlz_decompress(data: bytes, max_size: int) -> bytes | None:
    """Levels 1 and 2; ``None`` where FastLZ's checks fail (output over ``max_size``...)."""
    level2 = data[0] >> 5 == 1
    out, ip, ctrl = bytearray(), 1, data[0] & 31
    while True:
        if ctrl >= 32:
            length, distance = (ctrl >> 5) - 1, (ctrl & 31) << 8
            if length == 6:
                code = 255 if level2 else 0
                while True:
                    code = data[ip]
                    ip, length = ip + 1, length + code
                    if not level2 or code != 255:
                        break
            code = data[ip]
            ip, distance = ip + 1, distance + code
            if level2 and code == 255 and distance == (31 << 8) + 255:
                distance = (data[ip] << 8 | data[ip + 1]) + 8191
                ip += 2
            start = len(out) - distance - 1
            if start < 0 or len(out) + length + 3 > max_size:
                return None
            for i in range(length + 3):  # byte by byte: the source may overlap the output
                out.append(out[start + i])
        else:
            if len(out) + ctrl + 1 > max_size or ip + ctrl + 1 > len(data):
                return None
            out += data[ip:ip + ctrl + 1]
            ip += ctrl + 1
        if ip >= len(data):
            return bytes(out)
        ctrl, ip = data[ip], ip + 1


def _compressor(mode: int) -> Any:
    import zlib
    if mode not in (COMPRESSION_DEFLATE, COMPRESSION_GZIP):
        return None
    return zlib.compressobj(wbits=15 if mode == COMPRESSION_DEFLATE else 31)


def compress(self: Any, compression_mode: int = 0) -> PackedByteArray:
    if compression_mode == COMPRESSION_FASTLZ:
        return PackedByteArray(fastlz_compress(bytes(self)) if self else b"")
    packer = _compressor(compression_mode)
    if packer is None:
        _error(f"Compression mode {compression_mode} is not available (only deflate and gzip).")
        return PackedByteArray()
    if not self:
        return PackedByteArray()
    return PackedByteArray(packer.compress(bytes(self)) + packer.flush())


def _inflate(data: bytes, mode: int, limit: int) -> bytes | None:
    import zlib
    if mode not in (COMPRESSION_DEFLATE, COMPRESSION_GZIP):
        _error(f"Compression mode {mode} is not available (only deflate and gzip).")
        return None
    try:
        unpacker = zlib.decompressobj(wbits=15 if mode == COMPRESSION_DEFLATE else 31)
        return unpacker.decompress(data, limit) if limit > 0 else unpacker.decompress(data)
    except zlib.error:
        return None


def decompress(self: Any, buffer_size: int, compression_mode: int = 0) -> PackedByteArray:
    if buffer_size <= 0:
        _error("Decompression buffer size must be greater than zero.")
        return PackedByteArray()
    if not self:
        _error("Compressed buffer size must be greater than zero.")
        return PackedByteArray()
    if compression_mode == COMPRESSION_FASTLZ:
        return PackedByteArray(_fastlz_into_buffer(bytes(self), buffer_size))
    out = _inflate(bytes(self), compression_mode, buffer_size)
    if out is None:
        _error("Decompression failed.")
        return PackedByteArray()
    return PackedByteArray(out)


def _fastlz_into_buffer(data: bytes, buffer_size: int) -> bytes:
    """Godot decodes into at least 16 bytes and returns what FastLZ wrote (0 on failure);
    the array keeps ``buffer_size`` bytes of it and zeros up to that count."""
    out = fastlz_decompress(data, max(buffer_size, 16))
    if not out:
        return b""
    return out[:buffer_size].ljust(len(out), b"\0")


def decompress_dynamic(self: Any, max_output_size: int,
                       compression_mode: int = 0) -> PackedByteArray:
    out = _inflate(bytes(self), compression_mode, max(max_output_size, 0))
    if out is None:
        _error("Decompression failed.")
        return PackedByteArray()
    return PackedByteArray(out)


def _reinterpret(cls: type, fmt: str, width: int, what: str) -> Callable[[Any], Any]:
    def convert(self: Any) -> Any:
        if len(self) % width:
            _error(f"PackedByteArray size must be a multiple of {width} ({what}) to convert to "
                   f"{cls.GODOT_NAME}.")
            return cls()
        return cls(struct.unpack(f"<{len(self) // width}{fmt}", bytes(self)))
    return convert


def _to_vectors(cls: type, fields: int) -> Callable[[Any], Any]:
    def convert(self: Any) -> Any:
        usable = len(self) - len(self) % (4 * fields)
        floats = struct.unpack(f"<{usable // 4}f", bytes(self[:usable]))
        return cls([floats[i:i + fields] for i in range(0, len(floats), fields)])
    return convert


def _bswap(width: int) -> Callable[..., None]:
    def swap(self: Any, offset: int = 0, count_: int = -1) -> None:
        if not self or count_ == 0:
            return
        if offset < 0 or offset > len(self) - width:
            _error(f'Condition "p_offset < 0 || p_offset > int64_t(sz) - {width}" is true.')
            return
        count_ = (len(self) - offset) // width if count_ < 0 else count_
        for i in range(offset, offset + count_ * width, width):
            self[i:i + width] = self[i:i + width][::-1]
    return swap


def _subarray3(self: Any, from_: int, to: int) -> PackedByteArray:
    size = len(self)
    from_ = from_ + size if from_ < 0 else from_
    to = to + size if to < 0 else to
    if not (0 <= from_ < size) or not (0 <= to < size):
        _error(f"Index p_from = {from_} is out of bounds (size() = {size}).")
        return PackedByteArray()
    return PackedByteArray(self[from_:to + 1])


# * encode_var / decode_var: Godot's binary Variant serialization (marshalls.cpp) --------------

_FLAG_64 = 1 << 16
_MATH_FLOATS = {"Vector2": 2, "Vector3": 3, "Vector4": 4, "Color": 4, "Quaternion": 4, "Plane": 4,
                "Rect2": 4}
_MATH_INTS = {"Vector2i": 2, "Vector3i": 3, "Vector4i": 4, "Rect2i": 4}


class _Unencodable(Exception):
    pass


def _pad4(data: bytes) -> bytes:
    return data + b"\0" * (-len(data) % 4)


def _encode_string(text: str) -> bytes:
    raw = text.encode("utf-8", errors="surrogatepass")
    return _pad4(struct.pack("<I", len(raw)) + raw)


def encode_variant(value: Any) -> bytes:
    """Godot 4's ``encode_variant`` for builtin values (Objects are not encodable here)."""
    from .variant import TYPE_IDS_4, godot_type_name
    name = godot_type_name(value, 4)
    type_id = TYPE_IDS_4[name]
    if name == "Nil":
        return struct.pack("<I", 0)
    if name == "bool":
        return struct.pack("<II", type_id, int(value))
    if name == "int":
        if -2 ** 31 <= value < 2 ** 31:
            return struct.pack("<Ii", type_id, value)
        return struct.pack("<Iq", type_id | _FLAG_64, value)
    if name == "float":
        if math.isnan(value) or to_float32(value) == value or math.isinf(value):
            return struct.pack("<If", type_id, value)
        return struct.pack("<Id", type_id | _FLAG_64, value)
    header = struct.pack("<I", type_id)
    if name in ("String", "StringName"):
        return header + _encode_string(str.__str__(value))
    if name == "Array":
        return header + struct.pack("<I", len(value)) + b"".join(encode_variant(v) for v in value)
    if name == "Dictionary":
        return header + struct.pack("<I", len(value)) + b"".join(
            encode_variant(k) + encode_variant(v) for k, v in value.items())
    if name == "PackedByteArray":
        return header + _pad4(struct.pack("<I", len(value)) + bytes(value))
    if name == "PackedStringArray":
        return header + struct.pack("<I", len(value)) + b"".join(_encode_string(s) for s in value)
    if name in _ELEMENT_FORMATS:
        fmt = _ELEMENT_FORMATS[name]
        return header + struct.pack(f"<I{len(value)}{fmt}", len(value), *value)
    if name in _MATH_FLOATS or name in _MATH_INTS:
        parts = list(value)
        return header + struct.pack(f"<{len(parts)}{'f' if name in _MATH_FLOATS else 'i'}", *parts)
    if name.startswith("Packed"):
        floats = [float(c) for item in value for c in item]
        return header + struct.pack(f"<I{len(floats)}f", len(value), *floats)
    raise _Unencodable(name)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def string(self) -> str:
        (length,) = self.take("I")
        raw = self.data[self.pos:self.pos + length]
        if len(raw) < length:
            raise struct.error("short string")
        self.pos += length + (-length % 4)
        return raw.decode("utf-8", errors="replace")


def decode_variant(reader: _Reader) -> Any:
    from .arrays import Array
    from .dictionary import Dictionary
    from .strings import StringName
    from .variant import type_name
    (header,) = reader.take("I")
    name, wide = type_name(header & 0xFFFF), bool(header & _FLAG_64)
    if name == "Nil":
        return None
    if name in ("bool", "int"):
        (value,) = reader.take("q" if wide else "i")
        return bool(value) if name == "bool" else value
    if name == "float":
        return reader.take("d" if wide else "f")[0]
    if name in ("String", "StringName"):
        text = reader.string()
        return StringName(text) if name == "StringName" else text
    if name == "Array":
        (count_,) = reader.take("I")
        return Array(decode_variant(reader) for _ in range(count_ & 0x7FFFFFFF))
    if name == "Dictionary":
        (count_,) = reader.take("I")
        result = Dictionary()
        for _ in range(count_ & 0x7FFFFFFF):
            key = decode_variant(reader)
            result[key] = decode_variant(reader)
        return result
    return _decode_packed(reader, name)


def _decode_packed(reader: _Reader, name: str) -> Any:
    cls = GODOT_CLASSES_4.get(name)
    if name == "PackedByteArray":
        (length,) = reader.take("I")
        data = reader.data[reader.pos:reader.pos + length]
        reader.pos += length + (-length % 4)
        return PackedByteArray(data)
    if name == "PackedStringArray":
        (count_,) = reader.take("I")
        return PackedStringArray(reader.string() for _ in range(count_))
    if name in _ELEMENT_FORMATS:
        (count_,) = reader.take("I")
        return cls(reader.take(f"{count_}{_ELEMENT_FORMATS[name]}"))
    if name in _MATH_FLOATS or name in _MATH_INTS:
        width = (_MATH_FLOATS | _MATH_INTS)[name]
        return _math_type(name)(*reader.take(f"{width}{'f' if name in _MATH_FLOATS else 'i'}"))
    if cls is not None:
        (count_,) = reader.take("I")
        width = {"PackedVector2Array": 2, "PackedVector3Array": 3}.get(name, 4)
        floats = reader.take(f"{count_ * width}f")
        return cls([floats[i:i + width] for i in range(0, len(floats), width)])
    raise struct.error(f"cannot decode {name}")


def encode_var(self: Any, byte_offset: int, value: Any, allow_objects: bool = False) -> int:
    if byte_offset < 0:
        _error('Condition "p_offset < 0" is true. Returning: -1')
        return -1
    try:
        data = encode_variant(value)
    except _Unencodable:
        return -1
    if byte_offset + len(data) > len(self):
        return -1
    self[byte_offset:byte_offset + len(data)] = data
    return len(data)


def _decoded(self: Any, byte_offset: int) -> tuple[Any, int] | None:
    try:
        reader = _Reader(bytes(self[byte_offset:]))
        return decode_variant(reader), reader.pos
    except (struct.error, KeyError, ValueError, TypeError, AttributeError, ImportError):
        return None


def decode_var(self: Any, byte_offset: int, allow_objects: bool = False) -> Any:
    if byte_offset < 0:
        _error('Condition "p_offset < 0" is true. Returning: Variant()')
        return None
    result = _decoded(self, byte_offset)
    return None if result is None else result[0]


def decode_var_size(self: Any, byte_offset: int, allow_objects: bool = False) -> int:
    if byte_offset < 0:
        _error('Condition "p_offset < 0" is true. Returning: 0')
        return 0
    result = _decoded(self, byte_offset)
    return 0 if result is None else result[1]


def has_encoded_var(self: Any, byte_offset: int, allow_objects: bool = False) -> bool:
    if byte_offset < 0:
        _error('Condition "p_offset < 0" is true. Returning: false')
        return False
    return _decoded(self, byte_offset) is not None


BYTE_METHODS: dict[str, Callable[..., Any]] = {
    **{f"decode_{code}": _decoder(code) for code in _CODECS},
    **{f"encode_{code}": _encoder(code) for code in _CODECS},
    "get_string_from_ascii": _ascii, "get_string_from_utf8": _utf8,
    "get_string_from_utf16": _decode_text("utf-16-le", 2),
    "get_string_from_utf32": _decode_text("utf-32-le", 4),
    "get_string_from_wchar": _decode_text("utf-32-le", 4),
    "get_string_from_multibyte_char": lambda self, encoding="": _utf8(self),
    "hex_encode": hex_encode, "compress": compress, "decompress": decompress,
    "decompress_dynamic": decompress_dynamic,
    "to_int32_array": _reinterpret(PackedInt32Array, "i", 4, "size of 32-bit integer"),
    "to_int64_array": _reinterpret(PackedInt64Array, "q", 8, "size of 64-bit integer"),
    "to_float32_array": _reinterpret(PackedFloat32Array, "f", 4, "size of float"),
    "to_float64_array": _reinterpret(PackedFloat64Array, "d", 8, "size of double"),
    "to_vector2_array": _to_vectors(PackedVector2Array, 2),
    "to_vector3_array": _to_vectors(PackedVector3Array, 3),
    "to_vector4_array": _to_vectors(PackedVector4Array, 4),
    "to_color_array": _to_vectors(PackedColorArray, 4),
    "bswap16": _bswap(2), "bswap32": _bswap(4), "bswap64": _bswap(8),
    "encode_var": encode_var, "decode_var": decode_var, "decode_var_size": decode_var_size,
    "has_encoded_var": has_encoded_var,
}
BYTE_METHODS_3: dict[str, Callable[..., Any]] = {
    "compress": compress, "decompress": decompress, "get_string_from_ascii": _ascii,
    "get_string_from_utf8": _utf8_3, "hex_encode": hex_encode, "subarray": _subarray3,
}


_VALUE_DEFAULTS = (PackedStringArray, PackedVector2Array, PackedVector3Array,
                   PackedVector4Array, PackedColorArray)

GENERIC_METHODS: dict[str, Callable[..., Any]] = {
    "append": push_back, "append_array": append_array, "bsearch": bsearch,
    "clear": lambda self: self.clear(), "count": count, "duplicate": lambda self: _new(self, self),
    "erase": erase, "fill": fill, "find": find, "get": get,
    "has": lambda self, v: find(self, v) >= 0,
    "insert": insert, "is_empty": lambda self: len(self) == 0, "push_back": push_back,
    "remove_at": remove_at, "resize": resize, "reverse": reverse, "rfind": rfind, "set": set_,
    "size": len, "slice": slice_, "sort": sort,
}
def _insert3(self: Any, index: int, value: Any) -> int:
    # Godot 3's PoolVector takes no negative index; the messages name its locals.
    if not 0 <= index <= len(self):
        _error(f"Index p_pos = {index} is out of bounds (s + 1 = {len(self) + 1}).")
        return 31
    return insert(self, index, value)


def _remove3(self: Any, index: int) -> None:
    if not 0 <= index < len(self):
        _error(f"Index p_index = {index} is out of bounds (s = {len(self)}).")
        return
    del self[index]


def _set3(self: Any, index: int, value: Any) -> None:
    if not 0 <= index < len(self):
        _error(f"Index p_index = {index} is out of bounds (size() = {len(self)}).")
        return
    self[index] = type(self)._coerce(value)


def _resize3(self: Any, new_size: int) -> int:
    if new_size < 0:
        _error("Size of PoolVector cannot be negative.")
        return 31
    return resize(self, new_size)


GENERIC_METHODS_3: dict[str, Callable[..., Any]] = {
    "append": push_back, "append_array": append_array, "empty": lambda self: len(self) == 0,
    "insert": _insert3, "invert": reverse, "push_back": push_back, "remove": _remove3,
    "resize": _resize3, "set": _set3, "size": len,
}

for _cls in (PackedInt32Array, PackedInt64Array, PackedFloat32Array, PackedFloat64Array,
             PackedStringArray, PackedVector2Array, PackedVector3Array, PackedVector4Array,
             PackedColorArray):
    _cls.METHODS = {**GENERIC_METHODS, "to_byte_array": to_byte_array}
    _cls.METHODS_3 = dict(GENERIC_METHODS_3)


def _join(self: Any, delimiter: str = "") -> str:
    return delimiter.join(self)


PackedStringArray.METHODS_3["join"] = _join
PackedByteArray.METHODS = {**GENERIC_METHODS, **BYTE_METHODS}
PackedByteArray.METHODS_3 = {**GENERIC_METHODS_3, **BYTE_METHODS_3}

GODOT_CLASSES_4 = {cls.GODOT_NAME: cls for cls in (
    PackedByteArray, PackedInt32Array, PackedInt64Array, PackedFloat32Array, PackedFloat64Array,
    PackedStringArray, PackedVector2Array, PackedVector3Array, PackedVector4Array,
    PackedColorArray)}
GODOT_CLASSES_3 = {
    "PoolByteArray": PackedByteArray, "PoolIntArray": PackedInt32Array,
    "PoolRealArray": PackedFloat32Array, "PoolStringArray": PackedStringArray,
    "PoolVector2Array": PackedVector2Array, "PoolVector3Array": PackedVector3Array,
    "PoolColorArray": PackedColorArray,
}
