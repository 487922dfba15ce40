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


# * Crypto: RSA ------------------------------------------------------------------------

import ssl  # noqa: E402

import pytest  # noqa: E402

from conftest import capturing  # noqa: E402
from gdscript.stdlib import crypto_rsa  # noqa: E402
from gdscript.stdlib.packed import PackedByteArray  # noqa: E402
from gdscript.stdlib.tls import CryptoKey, X509Certificate  # noqa: E402


@pytest.fixture
def engine_errors():
    """Engine errors as (message, explanation)."""
    yield from capturing(lambda level, message, explanation: (message, explanation))


@pytest.fixture(scope="module")
def key_2048():
    return Crypto().generate_rsa(2048)


class TestRSAKeys:
    def test_generated_key_pem_and_numbers(self):
        key = Crypto().generate_rsa(1024)
        assert isinstance(key, CryptoKey) and not key.is_public_only()
        pem = key.save_to_string()
        assert pem.startswith("-----BEGIN RSA PRIVATE KEY-----\n")
        rsa = crypto_rsa.key_from_pem(pem)
        assert rsa.n.bit_length() == 1024 and rsa.e == 65537 and rsa.p * rsa.q == rsa.n
        assert pow(pow(12345, rsa.e, rsa.n), rsa.d, rsa.n) == 12345

    def test_python_ssl_accepts_key_and_self_signed_certificate(self, key_2048, tmp_path):
        cert = Crypto().generate_self_signed_certificate(key_2048, "CN=example.com,O=Game,C=IT")
        assert isinstance(cert, X509Certificate)
        (tmp_path / "c.crt").write_text(cert.save_to_string())
        (tmp_path / "k.key").write_text(key_2048.save_to_string())
        decoded = ssl._ssl._test_decode_cert(str(tmp_path / "c.crt"))
        assert decoded["subject"] == ((("commonName", "example.com"),),
                                      (("organizationName", "Game"),), (("countryName", "IT"),))
        assert decoded["issuer"] == decoded["subject"] and decoded["version"] == 3
        assert decoded["notBefore"] == "Jan  1 00:00:00 2014 GMT"
        assert decoded["notAfter"] == "Jan  1 00:00:00 2034 GMT"
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tmp_path / "c.crt", tmp_path / "k.key")  # key matches cert
        client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        client.load_verify_locations(tmp_path / "c.crt")                # parses as a CA

    def test_certificate_signature_verifies_with_the_key(self, key_2048):
        cert = Crypto().generate_self_signed_certificate(key_2048)
        der = ssl.PEM_cert_to_DER_cert(cert.save_to_string())
        _, body, _ = crypto_rsa._read(der)
        (tbs_tag, tbs), _, (_, bits) = crypto_rsa._items(body)
        tbs_der = crypto_rsa._tlv(tbs_tag, tbs)
        rsa = crypto_rsa.key_from_pem(key_2048.save_to_string())
        assert crypto_rsa.verify(rsa, 2, hashlib.sha256(tbs_der).digest(), bits[1:])

    def test_bad_sizes_fail(self, engine_errors):
        assert Crypto().generate_rsa(7) is None
        assert engine_errors == [('Condition "ret != 0" is true. Returning: nullptr', None)]

    def test_other_key_forms_are_read(self):
        rsa = crypto_rsa.generate(512)
        spki = crypto_rsa.key_from_pem(rsa.public_pem())
        assert spki == rsa.public() and spki.public_only
        pkcs8 = crypto_rsa._seq(crypto_rsa._int(0), crypto_rsa._seq(
            crypto_rsa._oid("1.2.840.113549.1.1.1"), crypto_rsa._NULL),
            crypto_rsa._tlv(0x04, rsa.private_der()))
        assert crypto_rsa.key_from_pem(crypto_rsa.pem("PRIVATE KEY", pkcs8)) == rsa
        with pytest.raises(crypto_rsa.RSAError):
            crypto_rsa.key_from_pem("-----BEGIN EC PRIVATE KEY-----\nMAA=\n-----END EC PRIVATE KEY-----")


class TestRSAOperations:
    def setup_method(self):
        self.crypto = Crypto()
        self.key = self.crypto.generate_rsa(1024)
        self.public = CryptoKey()
        rsa = crypto_rsa.key_from_pem(self.key.save_to_string())
        self.public.load_from_string(rsa.public_pem(), True)
        self.digest = PackedByteArray(hashlib.sha256(b"Some data").digest())

    def test_sign_and_verify(self):
        signature = self.crypto.sign(HashingContext.HASH_SHA256, self.digest, self.key)
        assert len(signature) == 128
        assert self.crypto.verify(HashingContext.HASH_SHA256, self.digest, signature, self.key)
        assert self.crypto.verify(HashingContext.HASH_SHA256, self.digest, signature, self.public)
        other = PackedByteArray(hashlib.sha256(b"other").digest())
        assert not self.crypto.verify(HashingContext.HASH_SHA256, other, signature, self.key)
        signature[5] ^= 1
        assert not self.crypto.verify(HashingContext.HASH_SHA256, self.digest, signature, self.key)

    def test_signature_is_deterministic_pkcs1_v15(self):
        # PKCS#1 v1.5 signatures have no randomness: the same input signs the same way.
        md5 = PackedByteArray(hashlib.md5(b"x").digest())
        first = self.crypto.sign(HashingContext.HASH_MD5, md5, self.key)
        assert first == self.crypto.sign(HashingContext.HASH_MD5, md5, self.key)
        assert self.crypto.verify(HashingContext.HASH_MD5, md5, first, self.public)

    def test_encrypt_decrypt(self):
        plain = PackedByteArray("héllo ✓".encode("utf-8"))
        encrypted = self.crypto.encrypt(self.public, plain)
        assert len(encrypted) == 128 and encrypted != self.crypto.encrypt(self.public, plain)
        assert self.crypto.decrypt(self.key, encrypted) == plain
        assert self.crypto.decrypt(self.key, self.crypto.encrypt(self.key, b"")) == b""

    def test_errors_use_godots_messages(self, engine_errors):
        assert self.crypto.sign(HashingContext.HASH_SHA256, PackedByteArray(b"short"),
                                self.key) == b""
        assert self.crypto.sign(HashingContext.HASH_SHA256, self.digest, self.public) == b""
        assert self.crypto.decrypt(self.public, PackedByteArray(bytes(128))) == b""
        assert self.crypto.encrypt(self.key, PackedByteArray(bytes(118))) == b""   # 128 - 11 max
        assert self.crypto.decrypt(self.key, PackedByteArray(bytes(10))) == b""
        assert self.crypto.decrypt(self.key, PackedByteArray(bytes(128))) == b""
        assert self.crypto.encrypt(None, b"x") == b""
        assert [e[1] for e in engine_errors] == [
            "Invalid hash provided. Size must be 32",
            "Invalid key provided. Cannot sign with public_only keys.",
            "Invalid key provided. Cannot decrypt using a public_only key.",
            "Error while encrypting: -16512",
            "Error while decrypting: -16512",
            "Error while decrypting: -16640",
            "Invalid key provided.",
        ]
        assert engine_errors[0][0] == ('Condition "p_hash.size() != size" is true. '
                                       'Returning: Vector<uint8_t>()')


class TestGodot3Classes:
    def test_hashing_context_3_is_a_working_reference(self):
        from gdscript.stdlib.hashing import HashingContext3
        from gdscript.stdlib.objects import Reference
        context = HashingContext3()
        assert isinstance(context, Reference)
        assert context.start(HashingContext3.HASH_SHA1) == 0
        context.update(PackedByteArray(b"abc"))
        # SHA-1("abc") from Godot 3.2.3 (and FIPS 180 test vectors).
        assert context.finish().hex() == "a9993e364706816aba3e25717850c26c9cd0d89d"


class TestCrypto3RSA:
    def test_godot3_crypto_encrypts_and_signs_like_godot4(self):
        from gdscript.stdlib.hashing import Crypto3

        crypto = Crypto3()
        key = crypto.generate_rsa(1024)
        data = b"Some data"
        encrypted = crypto.encrypt(key, data)
        assert bytes(encrypted) != data and len(encrypted) == 128
        assert bytes(crypto.decrypt(key, encrypted)) == data
        digest = hashlib.sha256(data).digest()
        signature = crypto.sign(HashingContext.HASH_SHA256, digest, key)
        assert crypto.verify(HashingContext.HASH_SHA256, digest, signature, key)
        assert not crypto.verify(HashingContext.HASH_SHA256, hashlib.sha256(b"x").digest(),
                                 signature, key)
