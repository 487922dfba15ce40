"""Hashing: Godot's ``hash()`` values, HashingContext, and Crypto's non-TLS helpers.

``godot_hash(value, dialect)`` reproduces Godot's ``Variant::hash`` where it is
cheap to do exactly:

* 4.x (``core/variant/variant.cpp``, ``core/templates/hashfuncs.h``): null 0, bool 0/1,
  int ``hash_one_uint64``, float ``hash_murmur3_one_double`` (no final mix), String and
  StringName djb2 over code points, Array / Dictionary murmur3 over the element hashes
  (seeded with the type id, then ``fmix32``).
* 3.x (checked against Godot 3.2.3): null 0, bool 0/1, int truncated to 32 bits, float
  ``hash_djb2_one_float``, String djb2, Array djb2 chain over element hashes.

Other types (vectors, objects, ...) get ``variant.variant_hash``: stable and equal for
equal values, but not Godot's number.

HashingContext wraps ``hashlib`` (MD5, SHA-1, SHA-256).  ``Crypto`` here only has the
parts that need no TLS library (random bytes, HMAC, constant-time compare); the TLS
module may extend it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from typing import Any

from ..errors import engine_error
from .global_constants import ERR_ALREADY_IN_USE, ERR_UNCONFIGURED, FAILED, OK
from .objects import RefCounted, Reference

MASK32 = 0xFFFFFFFF
MASK64 = (1 << 64) - 1
HASH_MURMUR3_SEED = 0x7F07C65
TYPE_ARRAY_4 = 28
TYPE_DICTIONARY_4 = 27


def hash_one_uint64(value: int) -> int:
    v = value & MASK64
    v = ((~v) + (v << 18)) & MASK64
    v ^= v >> 31
    v = (v * 21) & MASK64
    v ^= v >> 11
    v = (v + (v << 6)) & MASK64
    v ^= v >> 22
    return v & MASK32


def murmur3_one_32(value: int, seed: int = HASH_MURMUR3_SEED) -> int:
    value = (value * 0xCC9E2D51) & MASK32
    value = ((value << 15) | (value >> 17)) & MASK32
    value = (value * 0x1B873593) & MASK32
    seed ^= value
    seed = ((seed << 13) | (seed >> 19)) & MASK32
    return (seed * 5 + 0xE6546B64) & MASK32


def fmix32(h: int) -> int:
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & MASK32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & MASK32
    return h ^ (h >> 16)


def _double_bits(value: float) -> int:
    if value == 0.0:
        value = 0.0  # +0 and -0 hash alike
    elif value != value:
        return 0x7FF8000000000000  # one NaN for all NaNs
    return struct.unpack("<Q", struct.pack("<d", value))[0]


def murmur3_one_double(value: float, seed: int = HASH_MURMUR3_SEED) -> int:
    bits = _double_bits(value)
    return murmur3_one_32(bits >> 32, murmur3_one_32(bits & MASK32, seed))


def djb2_string(text: str) -> int:
    h = 5381
    for char in text:
        h = (h * 33 + ord(char)) & MASK32
    return h


def _is_plain_list(value: Any) -> bool:
    """An Array (not a packed array, whose hashes are not reproduced)."""
    return type(value) is list or type(value).__name__ == "Array"


def godot_hash(value: Any, dialect: int = 4) -> int:
    """Godot's ``hash(value)`` for the dialect (see the module docstring for coverage)."""
    return _hash3(value) if dialect == 3 else _hash4(value, 0)


def _hash4(value: Any, depth: int) -> int:
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return hash_one_uint64(value)
    if isinstance(value, float):
        return murmur3_one_double(value)
    if isinstance(value, str) and type(value).__name__ in ("str", "StringName"):
        return djb2_string(value)
    if depth > 100:
        engine_error("Max recursion reached")
        return 0
    if _is_plain_list(value):
        h = murmur3_one_32(TYPE_ARRAY_4)
        for item in value:
            h = murmur3_one_32(_hash4(item, depth + 1), h)
        return fmix32(h)
    if isinstance(value, dict):
        h = murmur3_one_32(TYPE_DICTIONARY_4)
        for key, item in value.items():
            h = murmur3_one_32(_hash4(key, depth + 1), h)
            h = murmur3_one_32(_hash4(item, depth + 1), h)
        return fmix32(h)
    from .variant import variant_hash
    return variant_hash(value)


def _hash3(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value & MASK32
    if isinstance(value, float):
        return (5381 * 33 + hash_one_uint64(_double_bits(value))) & MASK32
    if isinstance(value, str) and type(value).__name__ in ("str", "StringName"):
        return djb2_string(value)
    if _is_plain_list(value):
        h = 5381 * 33 & MASK32
        for item in value:
            h = (h * 33 + _hash3(item)) & MASK32
        return h
    from .variant import variant_hash
    return variant_hash(value)


# * HashingContext --------------------------------------------------------------------

_ALGORITHMS = {0: "md5", 1: "sha1", 2: "sha256"}


def _bytes(value: Any) -> Any:
    from .packed import PackedByteArray
    return PackedByteArray(value)


class HashingContext(RefCounted):
    """Incremental MD5 / SHA-1 / SHA-256 (``start``, ``update``..., ``finish``)."""

    GODOT_NAME = "HashingContext"
    HASH_MD5 = 0
    HASH_SHA1 = 1
    HASH_SHA256 = 2

    def __init__(self) -> None:
        super().__init__()
        self._gd_hasher: Any = None

    def start(self, type_: int) -> int:
        if self._gd_hasher is not None:
            engine_error('Condition "ctx != nullptr" is true. Returning: ERR_ALREADY_IN_USE')
            return ERR_ALREADY_IN_USE
        if type_ not in _ALGORITHMS:
            return ERR_UNCONFIGURED
        self._gd_hasher = hashlib.new(_ALGORITHMS[type_])
        return OK

    def update(self, chunk: Any) -> int:
        if self._gd_hasher is None:
            engine_error('Condition "ctx == nullptr" is true. Returning: ERR_UNCONFIGURED')
            return ERR_UNCONFIGURED
        data = bytes(chunk)
        if not data:
            engine_error('Condition "len == 0" is true. Returning: FAILED')
            return FAILED
        self._gd_hasher.update(data)
        return OK

    def finish(self) -> Any:
        if self._gd_hasher is None:
            engine_error('Condition "ctx == nullptr" is true. Returning: PackedByteArray()')
            return _bytes(b"")
        digest = self._gd_hasher.digest()
        self._gd_hasher = None
        return _bytes(digest)


class HashingContext3(Reference):
    GODOT_NAME = "HashingContext"
    HASH_MD5 = 0
    HASH_SHA1 = 1
    HASH_SHA256 = 2
    __init__ = HashingContext.__init__
    start = HashingContext.start
    update = HashingContext.update
    finish = HashingContext.finish


# * Crypto (the parts that need no TLS library) ---------------------------------------

class Crypto(RefCounted):
    """Godot's Crypto: random bytes, HMAC and constant-time comparison."""

    GODOT_NAME = "Crypto"

    def generate_random_bytes(self, size: int) -> Any:
        if size < 0:
            engine_error('Condition "p_bytes < 0" is true. Returning: PackedByteArray()')
            return _bytes(b"")
        return _bytes(os.urandom(size))

    def hmac_digest(self, hash_type: int, key: Any, msg: Any) -> Any:
        if hash_type not in (1, 2):
            engine_error("Unsupported hash type for HMAC.")
            return _bytes(b"")
        return _bytes(hmac.new(bytes(key), bytes(msg), _ALGORITHMS[hash_type]).digest())

    def constant_time_compare(self, trusted: Any, received: Any) -> bool:
        trusted, received = bytes(trusted), bytes(received)
        if len(trusted) != len(received):
            engine_error('Condition "trusted.size() != received.size()" is true. Returning: false')
            return False
        return hmac.compare_digest(trusted, received)


class Crypto3(Reference):
    GODOT_NAME = "Crypto"
    generate_random_bytes = Crypto.generate_random_bytes
    hmac_digest = Crypto.hmac_digest
    constant_time_compare = Crypto.constant_time_compare


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"HashingContext": HashingContext, "Crypto": Crypto}
GODOT_CLASSES_3 = {"HashingContext": HashingContext3, "Crypto": Crypto3}
