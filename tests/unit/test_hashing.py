"""Godot's hash() values, HashingContext and Crypto's TLS-free helpers.

3.x hash values were printed by Godot 3.2.3; the 4.x String hash comes from the
@GlobalScope docs (``hash("a")`` prints 177670) and the others from
core/templates/hashfuncs.h.
"""

from __future__ import annotations

import hashlib

from gdscript.stdlib import hashing
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.hashing import Crypto, HashingContext, godot_hash


class TestGodotHash:
    def test_godot_3_values(self):
        assert [godot_hash(v, 3) for v in ("a", "hello", 1, 1.5, None, True)] == \
            [177670, 261238937, 1, 3632008303, 0, 1]
        assert godot_hash(Array([1, 2]), 3) == 193377032

    def test_godot_4_scalars(self):
        assert godot_hash("a", 4) == 177670 and godot_hash(None, 4) == 0 and godot_hash(True, 4) == 1
        assert godot_hash(1, 4) == hashing.hash_one_uint64(1)
        assert godot_hash(0.0, 4) == godot_hash(-0.0, 4)
        assert godot_hash(float("nan"), 4) == godot_hash(-float("nan"), 4)

    def test_godot_4_containers_depend_on_content(self):
        assert godot_hash(Array([1, 2]), 4) == godot_hash(Array([1, 2]), 4)
        assert godot_hash(Array([1, 2]), 4) != godot_hash(Array([2, 1]), 4)
        assert godot_hash(Dictionary({"a": 1}), 4) != godot_hash(Array(["a", 1]), 4)

    def test_murmur_helpers(self):
        # fmix32 is a bijection with 0 -> 0; one murmur round of 0 with seed 0 is 0xE6546B64.
        assert hashing.fmix32(0) == 0 and hashing.murmur3_one_32(0, 0) == 0xE6546B64


class TestHashingContext:
    def test_sha256_in_chunks(self):
        context = HashingContext()
        assert context.start(HashingContext.HASH_SHA256) == 0
        assert context.update(bytearray(b"ab")) == 0 and context.update(bytearray(b"c")) == 0
        assert bytes(context.finish()) == hashlib.sha256(b"abc").digest()

    def test_md5_and_sha1(self):
        for kind, name in ((HashingContext.HASH_MD5, "md5"), (HashingContext.HASH_SHA1, "sha1")):
            context = HashingContext()
            context.start(kind)
            context.update(bytearray(b"godot"))
            assert bytes(context.finish()) == hashlib.new(name, b"godot").digest()

    def test_misuse_returns_godot_errors(self):
        from gdscript import errors
        seen = []
        old = errors.set_engine_error_sink(lambda *entry: seen.append(entry))
        try:
            context = HashingContext()
            assert context.update(bytearray(b"x")) == 3  # ERR_UNCONFIGURED
            assert context.start(0) == 0 and context.start(0) == 22  # ERR_ALREADY_IN_USE
            assert bytes(HashingContext().finish()) == b""
        finally:
            errors.set_engine_error_sink(old)
        assert len(seen) == 3


class TestCrypto:
    def test_random_bytes_and_hmac(self):
        crypto = Crypto()
        assert len(crypto.generate_random_bytes(32)) == 32
        digest = crypto.hmac_digest(HashingContext.HASH_SHA256, bytearray(b"key"), bytearray(b"msg"))
        import hmac
        assert bytes(digest) == hmac.new(b"key", b"msg", "sha256").digest()
        assert crypto.constant_time_compare(bytearray(b"ab"), bytearray(b"ab"))
        assert not crypto.constant_time_compare(bytearray(b"ab"), bytearray(b"ac"))
