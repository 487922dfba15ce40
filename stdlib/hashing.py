"""Hashing: Godot's ``hash()`` values, HashingContext, and Crypto's non-TLS helpers.

``godot_hash(value, dialect)`` reproduces Godot's ``Variant::hash`` where it is
cheap to do exactly:

* 4.x (``core/variant/variant.cpp``, ``core/templates/hashfuncs.h``): null 0, bool 0/1,
  int ``hash_one_uint64``, float ``hash_murmur3_one_double`` (no final mix), String and
  StringName djb2 over code points, Array / Dictionary murmur3 over the element hashes
  (seeded with the type id, then ``fmix32``).
* 3.x (checked against Godot 3.2.3): null 0, bool 0/1, int truncated to 32 bits, float
  ``hash_djb2_one_float``, String djb2, Array / Dictionary djb2 chain over element
  hashes, math values a ``hash_djb2_one_float`` chain over their floats, pool arrays
  djb2 over their bytes or element hashes, NodePath the xor of its names' hashes.

Other types (vectors, objects, ...) get ``variant.variant_hash``: stable and equal for
equal values, but not Godot's number.

HashingContext wraps ``hashlib`` (MD5, SHA-1, SHA-256).  ``Crypto`` has random bytes,
HMAC, constant-time compare and RSA (``crypto_rsa``: keys, PKCS#1 v1.5 signatures and
encryption, self-signed certificates); keys and certificates are tls.py's CryptoKey and
X509Certificate, which keep PEM text.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct

from ..errors import engine_error
from . import crypto_rsa
from .global_constants import ERR_ALREADY_IN_USE, ERR_UNCONFIGURED, FAILED, OK
from .objects import RefCounted, Reference

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

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
    if isinstance(value, dict):  # seeded with TYPE_DICTIONARY (18), then key, value...
        h = (5381 * 33 + 18) & MASK32
        for key, item in value.items():
            h = (h * 33 + _hash3(key)) & MASK32
            h = (h * 33 + _hash3(item)) & MASK32
        return h
    special = _hash3_special(value)
    if special is not None:
        return special
    from .variant import variant_hash
    return variant_hash(value)


def _djb2_float_chain(values: Any, h: int = 5381) -> int:
    """Godot 3's ``hash_djb2_one_float`` applied to each value in turn."""
    for value in values:
        h = (h * 33 + hash_one_uint64(_double_bits(float(value)))) & MASK32
    return h


def _djb2_bytes(data: bytes) -> int:
    if not data:
        return 5381 * 33  # hash_djb2_one_64(0)
    h = 5381
    for byte in data:
        h = (h * 33 + byte) & MASK32
    return h


def _floats3(value: Any) -> tuple[list[float], int] | None:
    """The floats Godot 3 hashes for a math value, in its order, and the seed."""
    name = getattr(type(value), "GODOT_NAME", type(value).__name__)
    if name in ("Vector2", "Vector3", "Color", "Quat", "Quaternion"):
        return [float(x) for x in value._fields()], 5381
    if name in ("Rect2", "Plane"):
        return [float(x) for part in value._fields() for x in _tuple(part)], 5381
    if name == "AABB":
        position, size = value._fields()
        return [x for pair in zip(_tuple(position), _tuple(size)) for x in pair], 5831
    if name == "Transform2D":
        return [x for axis in value._fields() for x in _tuple(axis)], 5831
    if name == "Basis":
        return [x for row in value._fields()[0] for x in _tuple(row)], 5831
    if name in ("Transform", "Transform3D"):
        basis, origin = value._fields()
        rows = [_tuple(row) for row in basis._fields()[0]]
        return [x for row, o in zip(rows, _tuple(origin)) for x in (*row, o)], 5831
    return None


def _tuple(value: Any) -> tuple[float, ...]:
    if isinstance(value, (int, float)):
        return (float(value),)
    return tuple(float(x) for x in (value._fields() if hasattr(value, "_fields") else value))


def _hash3_special(value: Any) -> int | None:
    """Godot 3.2's Variant::hash for math values, pool arrays, NodePath and RID."""
    from . import packed
    floats = _floats3(value) if hasattr(value, "_fields") else None
    if floats is not None:
        return _djb2_float_chain(*floats)
    if isinstance(value, packed.PackedByteArray):
        return _djb2_bytes(bytes(value))
    if isinstance(value, packed.PackedInt32Array):
        return _djb2_bytes(struct.pack(f"<{len(value)}i", *value))
    if isinstance(value, packed.PackedFloat32Array):
        if not value:
            return _djb2_float_chain([0.0])  # hash_djb2_one_float(0)
        return _djb2_bytes(struct.pack(f"<{len(value)}f", *value))
    if isinstance(value, packed.PackedStringArray):
        h = 5831
        for text in value:
            h = (h * 33 + djb2_string(text)) & MASK32
        return h
    if isinstance(value, (packed.PackedVector2Array, packed.PackedVector3Array,
                          packed.PackedColorArray)):
        return _djb2_float_chain((x for item in value for x in item._fields()), 5831)
    kind = type(value).__name__
    if kind == "NodePath":
        h = 1 if value.absolute else 0
        for name in (*value.names, *value.subnames):
            h ^= djb2_string(name)
        return h
    if kind == "RID":
        return (5381 * 33 + value._gd_rid) & MASK32
    return None


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


class HashingContext3(HashingContext, Reference):
    """3.x: the same class, a Reference."""

    GODOT_NAME = "HashingContext"


# * Crypto (the parts that need no TLS library) ---------------------------------------

class Crypto(RefCounted):
    """Godot's Crypto: random bytes, HMAC, constant-time comparison, and RSA keys,
    signatures, encryption and self-signed certificates (``crypto_rsa``)."""

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



    # RSA (crypto_rsa.py), with crypto_mbedtls.cpp's checks and messages ----------------
    def generate_rsa(self, size: int) -> Any:
        try:
            key = crypto_rsa.generate(int(size))
        except crypto_rsa.RSAError:
            engine_error('Condition "ret != 0" is true. Returning: nullptr')
            return None
        return _crypto_key(key.private_pem(), False)

    def generate_self_signed_certificate(self, key: Any,
                                         issuer_name: str = "CN=myserver,O=myorganisation,C=IT",
                                         not_before: str = "20140101000000",
                                         not_after: str = "20340101000000") -> Any:
        rsa = _rsa_key(key, "key.is_null()", "nullptr", "Invalid private key argument.")
        if rsa is None:
            return None
        try:
            text = crypto_rsa.self_signed_certificate(rsa, issuer_name, not_before, not_after)
        except crypto_rsa.RSAError as exc:
            engine_error('Condition "ret != 0" is true. Returning: nullptr',
                         f"Failed to generate certificate: {exc.code}")
            return None
        from .tls import X509Certificate
        certificate = X509Certificate()
        certificate.load_from_string(text)
        return certificate

    def sign(self, hash_type: int, hash: Any, key: Any) -> Any:  # noqa: A002 - Godot's name
        digest = _checked_digest(hash_type, hash, "Vector<uint8_t>()")
        rsa = None if digest is None else _rsa_key(key, "key.is_null()", "Vector<uint8_t>()",
                                                   "Invalid key provided.")
        if rsa is None:
            return _bytes(b"")
        if rsa.public_only:
            engine_error('Condition "key->is_public_only()" is true. Returning: Vector<uint8_t>()',
                         "Invalid key provided. Cannot sign with public_only keys.")
            return _bytes(b"")
        return _rsa_bytes(lambda: crypto_rsa.sign(rsa, hash_type, digest), "signing")

    def verify(self, hash_type: int, hash: Any, signature: Any, key: Any) -> bool:  # noqa: A002
        digest = _checked_digest(hash_type, hash, "false")
        rsa = None if digest is None else _rsa_key(key, "key.is_null()", "false",
                                                   "Invalid key provided.")
        if rsa is None:
            return False
        return crypto_rsa.verify(rsa, hash_type, digest, bytes(signature))

    def encrypt(self, key: Any, plaintext: Any) -> Any:
        rsa = _rsa_key(key, "key.is_null()", "Vector<uint8_t>()", "Invalid key provided.")
        if rsa is None:
            return _bytes(b"")
        return _rsa_bytes(lambda: crypto_rsa.encrypt(rsa, bytes(plaintext)), "encrypting")

    def decrypt(self, key: Any, ciphertext: Any) -> Any:
        rsa = _rsa_key(key, "key.is_null()", "Vector<uint8_t>()", "Invalid key provided.")
        if rsa is None:
            return _bytes(b"")
        if rsa.public_only:
            engine_error('Condition "key->is_public_only()" is true. Returning: Vector<uint8_t>()',
                         "Invalid key provided. Cannot decrypt using a public_only key.")
            return _bytes(b"")
        return _rsa_bytes(lambda: crypto_rsa.decrypt(rsa, bytes(ciphertext)), "decrypting")


def _rsa_bytes(operation: Any, doing: str) -> Any:
    """The PackedByteArray an RSA ``operation()`` makes; on failure Godot's engine error
    ("Error while signing: code"...) and an empty array."""
    try:
        return _bytes(operation())
    except crypto_rsa.RSAError as exc:
        engine_error('Condition "ret" is true. Returning: out', f"Error while {doing}: {exc.code}")
        return _bytes(b"")


def _crypto_key(pem: str, public_only: bool) -> Any:
    from .tls import CryptoKey
    key = CryptoKey()
    key.load_from_string(pem, public_only)
    return key


def _rsa_key(key: Any, condition: str, returning: str, message: str) -> Any:
    """The RSA numbers of a CryptoKey, or None after Godot's error for a missing key."""
    pem = getattr(key, "_gd_pem", "") if key is not None else ""
    if not pem:
        engine_error(f'Condition "{condition}" is true. Returning: {returning}', message)
        return None
    try:
        rsa = crypto_rsa.key_from_pem(pem)
    except (crypto_rsa.RSAError, ValueError, IndexError):
        engine_error(f'Condition "{condition}" is true. Returning: {returning}',
                     "Only RSA keys are supported.")
        return None
    return rsa.public() if key.is_public_only() else rsa


def _checked_digest(hash_type: int, digest: Any, returning: str) -> bytes | None:
    size = crypto_rsa.DIGEST_SIZES.get(hash_type)
    if size is None:
        engine_error("Method/function failed. Returning: MBEDTLS_MD_NONE", "Invalid hash type.")
        engine_error(f'Condition "type == MBEDTLS_MD_NONE" is true. Returning: {returning}',
                     "Invalid hash type.")
        return None
    data = bytes(digest)
    if len(data) != size:
        engine_error(f'Condition "p_hash.size() != size" is true. Returning: {returning}',
                     f"Invalid hash provided. Size must be {size}")
        return None
    return data


class Crypto3(Reference):
    GODOT_NAME = "Crypto"
    generate_random_bytes = Crypto.generate_random_bytes
    generate_rsa = Crypto.generate_rsa
    generate_self_signed_certificate = Crypto.generate_self_signed_certificate
    hmac_digest = Crypto.hmac_digest
    constant_time_compare = Crypto.constant_time_compare
    # In the 3.x documentation (3.3 and later), as in 4.x.
    sign = Crypto.sign
    verify = Crypto.verify
    encrypt = Crypto.encrypt
    decrypt = Crypto.decrypt


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"HashingContext": HashingContext, "Crypto": Crypto}
GODOT_CLASSES_3 = {"HashingContext": HashingContext3, "Crypto": Crypto3}
