"""RSA for ``Crypto`` (4.x/3.x): key generation, PKCS#1 v1.5 sign/verify/encrypt/decrypt,
self-signed X.509 certificates, and the PEM/DER forms Godot (mbedTLS) reads and writes.

No third-party crypto is allowed here, so this is plain integer RSA on Python's
``pow``: keys of ``bits`` bits with e = 65537, PKCS#1 v1.5 padding (RFC 8017,
mbedTLS's default for RSA keys), private keys written as "RSA PRIVATE KEY"
(PKCS#1) and public keys as "PUBLIC KEY" (SubjectPublicKeyInfo), as
``mbedtls_pk_write_*_pem`` do.  Errors carry mbedTLS's error codes, which
Godot prints ("Error while encrypting: -16512").
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import math
import secrets
from dataclasses import dataclass

ERR_BAD_INPUT = -0x4080        # MBEDTLS_ERR_RSA_BAD_INPUT_DATA
ERR_INVALID_PADDING = -0x4100  # MBEDTLS_ERR_RSA_INVALID_PADDING
ERR_VERIFY_FAILED = -0x4380    # MBEDTLS_ERR_RSA_VERIFY_FAILED
ERR_KEY_INVALID = -0x3D00      # MBEDTLS_ERR_PK_KEY_INVALID_FORMAT

_RSA_OID = "1.2.840.113549.1.1.1"
_SHA256_RSA_OID = "1.2.840.113549.1.1.11"
# DER DigestInfo prefixes of RFC 8017 section 9.2, by HashingContext.HashType.
_DIGEST_INFO = {
    0: bytes.fromhex("3020300c06082a864886f70d020505000410"),  # MD5
    1: bytes.fromhex("3021300906052b0e03021a05000414"),        # SHA-1
    2: bytes.fromhex("3031300d060960864801650304020105000420"),  # SHA-256
}
DIGEST_SIZES = {0: 16, 1: 20, 2: 32}
_NAME_OIDS = {"CN": "2.5.4.3", "C": "2.5.4.6", "L": "2.5.4.7", "ST": "2.5.4.8",
              "O": "2.5.4.10", "OU": "2.5.4.11", "SERIALNUMBER": "2.5.4.5",
              "EMAILADDRESS": "1.2.840.113549.1.9.1", "DC": "0.9.2342.19200300.100.1.25"}


class RSAError(Exception):
    """An RSA operation failed; ``code`` is mbedTLS's error number."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# * DER --------------------------------------------------------------------------------

def _tlv(tag: int, body: bytes) -> bytes:
    size = len(body)
    if size < 0x80:
        return bytes([tag, size]) + body
    raw = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(raw)]) + raw + body


def _int(value: int) -> bytes:
    return _tlv(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big", signed=True))


def _seq(*parts: bytes) -> bytes:
    return _tlv(0x30, b"".join(parts))


def _oid(dotted: str) -> bytes:
    numbers = [int(n) for n in dotted.split(".")]
    body = bytearray([numbers[0] * 40 + numbers[1]])
    for number in numbers[2:]:
        chunk = [number & 0x7F]
        number >>= 7
        while number:
            chunk.append(0x80 | (number & 0x7F))
            number >>= 7
        body.extend(reversed(chunk))
    return _tlv(0x06, bytes(body))


_NULL = b"\x05\x00"


def _read(data: bytes, pos: int = 0) -> tuple[int, bytes, int]:
    """(tag, body, position after) of the DER element at ``pos``."""
    if pos + 2 > len(data):
        raise RSAError(ERR_KEY_INVALID)
    tag, size = data[pos], data[pos + 1]
    pos += 2
    if size & 0x80:
        count = size & 0x7F
        size = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    if pos + size > len(data):
        raise RSAError(ERR_KEY_INVALID)
    return tag, data[pos:pos + size], pos + size


def _items(body: bytes) -> list[tuple[int, bytes]]:
    items, pos = [], 0
    while pos < len(body):
        tag, value, pos = _read(body, pos)
        items.append((tag, value))
    return items


def _ints(body: bytes) -> list[int]:
    return [int.from_bytes(v, "big", signed=True) for tag, v in _items(body) if tag == 0x02]


# * Keys -------------------------------------------------------------------------------

@dataclass(frozen=True)
class RSAKey:
    n: int
    e: int
    d: int = 0
    p: int = 0
    q: int = 0

    @property
    def size(self) -> int:
        return (self.n.bit_length() + 7) // 8

    @property
    def public_only(self) -> bool:
        return self.d == 0

    def public(self) -> RSAKey:
        return RSAKey(self.n, self.e)

    def private_der(self) -> bytes:
        dp, dq = self.d % (self.p - 1), self.d % (self.q - 1)
        return _seq(*(_int(v) for v in (0, self.n, self.e, self.d, self.p, self.q, dp, dq,
                                        pow(self.q, -1, self.p))))

    def public_der(self) -> bytes:
        rsa_public = _seq(_int(self.n), _int(self.e))
        return _seq(_seq(_oid(_RSA_OID), _NULL), _tlv(0x03, b"\x00" + rsa_public))

    def private_pem(self) -> str:
        return pem("RSA PRIVATE KEY", self.private_der())

    def public_pem(self) -> str:
        return pem("PUBLIC KEY", self.public_der())


def pem(label: str, der: bytes) -> str:
    text = base64.b64encode(der).decode("ascii")
    lines = [text[i:i + 64] for i in range(0, len(text), 64)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----\n"


def key_from_pem(text: str) -> RSAKey:
    """An RSA key from PEM: PKCS#1 or PKCS#8 private, SubjectPublicKeyInfo or PKCS#1 public."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) < 2 or not lines[0].startswith("-----BEGIN "):
        raise RSAError(ERR_KEY_INVALID)
    label = lines[0][len("-----BEGIN "):].rstrip("-")
    try:
        der = base64.b64decode("".join(lines[1:-1]))
    except ValueError:
        raise RSAError(ERR_KEY_INVALID) from None
    return _key_from_der(label, der)


def _key_from_der(label: str, der: bytes) -> RSAKey:
    tag, body, _ = _read(der)
    items = _items(body)
    if label == "RSA PRIVATE KEY":
        values = _ints(body)
        return RSAKey(values[1], values[2], values[3], values[4], values[5])
    if label == "RSA PUBLIC KEY":
        n, e = _ints(body)[:2]
        return RSAKey(n, e)
    if label == "PRIVATE KEY" and len(items) >= 3 and items[2][0] == 0x04:
        return _key_from_der("RSA PRIVATE KEY", items[2][1])
    if label == "PUBLIC KEY" and len(items) == 2 and items[1][0] == 0x03:
        return _key_from_der("RSA PUBLIC KEY", items[1][1][1:])
    raise RSAError(ERR_KEY_INVALID)


# * Key generation ---------------------------------------------------------------------

def _primes_below(limit: int) -> list[int]:
    flags = bytearray([1]) * limit
    flags[:2] = b"\x00\x00"
    for p in range(2, int(limit ** 0.5) + 1):
        if flags[p]:
            flags[p * p::p] = bytes(len(range(p * p, limit, p)))
    return [p for p in range(3, limit) if flags[p]]


_SIEVE_PRIMES = _primes_below(1 << 18)
_WINDOW = 16384


def _miller_rabin_rounds(bits: int) -> int:
    # mbedTLS's counts for random candidates (error below 2^-80).
    return 2 if bits >= 1300 else 3 if bits >= 850 else 4 if bits >= 650 else \
        8 if bits >= 350 else 12 if bits >= 250 else 27


def _miller_rabin(n: int, rounds: int) -> bool:
    d, r = n - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for _ in range(rounds):
        x = pow(secrets.randbelow(n - 3) + 2, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(bits: int, e: int) -> int:
    """A random prime of exactly ``bits`` bits (top two set) with gcd(e, p - 1) = 1.

    Odd candidates from a random start are sieved by the primes below 2^18, then a
    base-2 Fermat test and Miller-Rabin run on the survivors only."""
    while True:
        start = secrets.randbits(bits) | (3 << (bits - 2)) | 1
        alive = bytearray([1]) * _WINDOW
        for p in _SIEVE_PRIMES:
            first = (p - start % p) * ((p + 1) // 2) % p   # start + 2 * first == 0 (mod p)
            alive[first::p] = bytes(len(range(first, _WINDOW, p)))
        for i in (i for i in range(_WINDOW) if alive[i]):
            candidate = start + 2 * i
            if candidate.bit_length() != bits:
                break
            if math.gcd(e, candidate - 1) == 1 and pow(2, candidate - 1, candidate) == 1 \
                    and _miller_rabin(candidate, _miller_rabin_rounds(bits)):
                return candidate


def generate(bits: int, e: int = 65537) -> RSAKey:
    """A new key whose modulus has exactly ``bits`` bits (mbedTLS allows 128..8192, even)."""
    if bits < 128 or bits > 8192 or bits % 2:
        raise RSAError(ERR_BAD_INPUT)
    while True:
        p, q = _prime(bits // 2, e), _prime(bits - bits // 2, e)
        if p == q:
            continue
        p, q = max(p, q), min(p, q)
        d = pow(e, -1, (p - 1) * (q - 1) // math.gcd(p - 1, q - 1))
        if (p * q).bit_length() == bits:
            return RSAKey(p * q, e, d, p, q)


# * PKCS#1 v1.5 ------------------------------------------------------------------------

def _apply(key: RSAKey, block: bytes, private: bool) -> bytes:
    value = int.from_bytes(block, "big")
    if value >= key.n:
        raise RSAError(ERR_BAD_INPUT)
    result = pow(value, key.d if private else key.e, key.n)
    return result.to_bytes(key.size, "big")


def sign(key: RSAKey, hash_type: int, digest: bytes) -> bytes:
    info = _DIGEST_INFO[hash_type] + digest
    if len(info) + 11 > key.size:
        raise RSAError(ERR_BAD_INPUT)
    block = b"\x00\x01" + b"\xff" * (key.size - len(info) - 3) + b"\x00" + info
    return _apply(key, block, private=True)


def verify(key: RSAKey, hash_type: int, digest: bytes, signature: bytes) -> bool:
    if len(signature) != key.size:
        return False
    try:
        block = _apply(key, signature, private=False)
    except RSAError:
        return False
    info = _DIGEST_INFO[hash_type] + digest
    expected = b"\x00\x01" + b"\xff" * (key.size - len(info) - 3) + b"\x00" + info
    return len(info) + 11 <= key.size and secrets.compare_digest(block, expected)


def encrypt(key: RSAKey, plaintext: bytes) -> bytes:
    if len(plaintext) + 11 > key.size:
        raise RSAError(ERR_BAD_INPUT)
    padding = bytes(secrets.randbelow(255) + 1 for _ in range(key.size - len(plaintext) - 3))
    return _apply(key, b"\x00\x02" + padding + b"\x00" + plaintext, private=False)


def decrypt(key: RSAKey, ciphertext: bytes) -> bytes:
    if len(ciphertext) != key.size:
        raise RSAError(ERR_BAD_INPUT)
    block = _apply(key, ciphertext, private=True)
    end = block.find(b"\x00", 2)
    if block[:2] != b"\x00\x02" or end < 10:
        raise RSAError(ERR_INVALID_PADDING)
    return block[end + 1:]


# * Self-signed certificates -----------------------------------------------------------

def _name(text: str) -> bytes:
    """A distinguished name from "CN=a,O=b,C=IT" (mbedtls_x509_string_to_names order)."""
    rdns = []
    for part in (p for p in text.split(",") if p.strip()):
        kind, _, value = part.partition("=")
        oid = _NAME_OIDS.get(kind.strip().upper())
        if oid is None or not _:
            raise RSAError(ERR_BAD_INPUT)
        tag = 0x13 if kind.strip().upper() == "C" else \
            0x16 if kind.strip().upper() == "EMAILADDRESS" else 0x0C
        rdns.append(_tlv(0x31, _seq(_oid(oid), _tlv(tag, value.encode("utf-8")))))
    return _seq(*rdns)


def _time(text: str) -> bytes:
    """"YYYYMMDDhhmmss" as UTCTime before 2050, GeneralizedTime from then on."""
    try:
        when = datetime.datetime.strptime(text, "%Y%m%d%H%M%S")
    except ValueError:
        raise RSAError(ERR_BAD_INPUT) from None
    if when.year < 2050:
        return _tlv(0x17, (text[2:] + "Z").encode("ascii"))
    return _tlv(0x18, (text + "Z").encode("ascii"))


def self_signed_certificate(key: RSAKey, issuer: str, not_before: str, not_after: str) -> str:
    """PEM of a v3 CA certificate for ``key``, signed by itself with SHA-256."""
    algorithm = _seq(_oid(_SHA256_RSA_OID), _NULL)
    serial = int.from_bytes(secrets.token_bytes(20), "big") >> 1  # positive, as DER needs
    basic_constraints = _seq(_tlv(0x01, b"\xff"), _int(0))  # CA, path length 0
    extension = _seq(_oid("2.5.29.19"), _tlv(0x01, b"\xff"), _tlv(0x04, basic_constraints))
    name = _name(issuer)
    tbs = _seq(_tlv(0xA0, _int(2)), _int(serial), algorithm, name,
               _seq(_time(not_before), _time(not_after)), name, key.public_der(),
               _tlv(0xA3, _seq(extension)))
    signature = sign(key, 2, hashlib.sha256(tbs).digest())
    return pem("CERTIFICATE", _seq(tbs, algorithm, _tlv(0x03, b"\x00" + signature)))
