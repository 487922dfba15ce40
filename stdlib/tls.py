"""TLS configuration objects: X509Certificate, CryptoKey, TLSOptions (4.x).

Certificates and keys are kept as PEM text and handed to Python's ``ssl``
module; nothing here parses ASN.1 beyond the PEM armour (no third-party
crypto).  ``TLSOptions._context()`` builds the ``ssl.SSLContext`` that
``StreamPeerTLS`` uses.

Trust store: clients trust certifi's bundle unless ``set_default_trust_store``
(the CLI's ``--ca-file``) names another PEM file; a ``trusted_chain`` given to
``TLSOptions.client`` replaces the default store for that connection, as in
Godot.
"""

from __future__ import annotations

import base64
import os
import re
import ssl
import tempfile

import certifi

from ..errors import engine_error
from .global_constants import (
    ERR_FILE_CANT_OPEN,
    ERR_FILE_CANT_WRITE,
    ERR_INVALID_DATA,
    OK,
)
from .objects import RefCounted

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import ClassVar

_default_trust_store: str | None = None
_context_cache: dict[tuple, ssl.SSLContext] = {}

_PEM_BLOCK = re.compile(
    r"-----BEGIN ([A-Z0-9 ]+)-----\r?\n(.*?)-----END \1-----", re.S
)


def set_default_trust_store(pem_path: str | None) -> None:
    """Replace the default CA bundle (None: certifi's); used by ``--ca-file``."""
    global _default_trust_store
    _default_trust_store = pem_path
    _context_cache.clear()


def default_trust_store() -> str:
    """Path of the PEM bundle clients trust by default."""
    return _default_trust_store or certifi.where()


def _pem_blocks(text: str) -> list[tuple[str, str]]:
    """(label, whole block) for each well-formed PEM block whose body is base64."""
    blocks = []
    for match in _PEM_BLOCK.finditer(text):
        try:
            base64.b64decode("".join(match.group(2).split()), validate=True)
        except ValueError:
            continue
        blocks.append((match.group(1), match.group(0).strip() + "\n"))
    return blocks


def _read_text(path: str) -> str | None:
    real = _globalize(path)
    if real is None:
        return None
    try:
        with open(real, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if b"-----BEGIN" not in data and data[:1] == b"\x30":
        # DER: a single certificate, re-armoured.
        return ssl.DER_cert_to_PEM_cert(data)
    return data.decode("utf-8", "replace")


def _write_text(path: str, text: str) -> bool:
    real = _globalize(path)
    if real is None:
        return False
    try:
        with open(real, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError:
        return False
    return True


def _globalize(path: str) -> str | None:
    """The OS path of ``path`` by the file classes' policy (res://, user://, the sandbox's
    confinement); None after an engine error when the policy refuses it."""
    from .files import globalize_path

    return globalize_path(str(path))


class X509Certificate(RefCounted):
    """A certificate chain in PEM form (first certificate = leaf or CA)."""

    GODOT_NAME = "X509Certificate"

    def __init__(self) -> None:
        super().__init__()
        self._gd_pems: list[str] = []

    def load(self, path: str) -> int:
        text = _read_text(path)
        if text is None:
            engine_error(f"Cannot open X509Certificate file '{path}'.")
            return ERR_FILE_CANT_OPEN
        return self._set_from_text(text, path)

    def load_from_string(self, string: str) -> int:
        return self._set_from_text(string, "string")

    def _set_from_text(self, text: str, origin: str) -> int:
        pems = [block for label, block in _pem_blocks(text) if label == "CERTIFICATE"]
        if not pems:
            engine_error(f"Error parsing X509 certificates from {origin}.")
            return ERR_INVALID_DATA
        self._gd_pems = pems
        return OK

    def save(self, path: str) -> int:
        if not self._gd_pems:
            engine_error("Certificate not loaded.")
            return ERR_INVALID_DATA
        return OK if _write_text(path, self.save_to_string()) else ERR_FILE_CANT_WRITE

    def save_to_string(self) -> str:
        return "".join(self._gd_pems)

    def _der_chain(self) -> list[bytes]:
        return [ssl.PEM_cert_to_DER_cert(pem) for pem in self._gd_pems]


class CryptoKey(RefCounted):
    """A private key (or public key when ``is_public_only()``), kept as PEM."""

    GODOT_NAME = "CryptoKey"
    _PRIVATE_LABELS: ClassVar[tuple[str, ...]] = (
        "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY",
    )
    _PUBLIC_LABELS: ClassVar[tuple[str, ...]] = ("PUBLIC KEY", "RSA PUBLIC KEY")

    def __init__(self) -> None:
        super().__init__()
        self._gd_pem = ""
        self._gd_public_only = False

    def is_public_only(self) -> bool:
        return self._gd_public_only

    def load(self, path: str, public_only: bool = False) -> int:
        text = _read_text(path)
        if text is None:
            engine_error(f"Cannot open CryptoKey file '{path}'.")
            return ERR_FILE_CANT_OPEN
        return self.load_from_string(text, public_only)

    def load_from_string(self, string_key: str, public_only: bool = False) -> int:
        wanted = self._PUBLIC_LABELS if public_only else self._PRIVATE_LABELS
        for label, block in _pem_blocks(string_key):
            if label in wanted:
                self._gd_pem, self._gd_public_only = block, bool(public_only)
                return OK
        engine_error(f"Error parsing {'public' if public_only else 'private'} key.")
        return ERR_INVALID_DATA

    def save(self, path: str, public_only: bool = False) -> int:
        text = self.save_to_string(public_only)
        if not text:
            return ERR_INVALID_DATA
        return OK if _write_text(path, text) else ERR_FILE_CANT_WRITE

    def save_to_string(self, public_only: bool = False) -> str:
        if public_only and not self._gd_public_only:
            # Deriving a public key needs real crypto, which we do not ship.
            engine_error("Extracting a public key from a private key is not supported.")
            return ""
        return self._gd_pem


class TLSOptions(RefCounted):
    """Client or server TLS configuration (4.x); build with the static constructors."""

    GODOT_NAME = "TLSOptions"

    def __init__(self) -> None:
        super().__init__()
        self._gd_server = False
        self._gd_unsafe = False
        self._gd_trusted: X509Certificate | None = None
        self._gd_common_name = ""
        self._gd_key: CryptoKey | None = None
        self._gd_own_cert: X509Certificate | None = None

    @staticmethod
    def client(trusted_chain: X509Certificate | None = None,
               common_name_override: str = "") -> TLSOptions:
        options = TLSOptions()
        options._gd_trusted = trusted_chain
        options._gd_common_name = common_name_override
        return options

    @staticmethod
    def client_unsafe(trusted_chain: X509Certificate | None = None) -> TLSOptions:
        options = TLSOptions()
        options._gd_unsafe = True
        options._gd_trusted = trusted_chain
        return options

    @staticmethod
    def server(key: CryptoKey, certificate: X509Certificate) -> TLSOptions:
        options = TLSOptions()
        options._gd_server = True
        options._gd_key = key
        options._gd_own_cert = certificate
        return options

    def is_server(self) -> bool:
        return self._gd_server

    def is_unsafe_client(self) -> bool:
        return self._gd_unsafe

    def get_common_name_override(self) -> str:
        return self._gd_common_name

    def get_trusted_ca_chain(self) -> X509Certificate | None:
        return self._gd_trusted

    def get_private_key(self) -> CryptoKey | None:
        return self._gd_key

    def get_own_certificate(self) -> X509Certificate | None:
        return self._gd_own_cert

    # Internal: the ssl.SSLContext these options stand for -------------
    def _context(self) -> ssl.SSLContext:
        if self._gd_server:
            return _server_context(self._gd_key, self._gd_own_cert)
        trusted = self._gd_trusted.save_to_string() if self._gd_trusted is not None else None
        verify = not self._gd_unsafe
        return client_context(verify, trusted)


def client_context(verify: bool, trusted_pem: str | None = None) -> ssl.SSLContext:
    """A cached client context: verifying or not, trusting ``trusted_pem`` or the default store."""
    key = (verify, trusted_pem, default_trust_store())
    context = _context_cache.get(key)
    if context is None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        if verify:
            if trusted_pem:
                context.load_verify_locations(cadata=trusted_pem)
            else:
                context.load_verify_locations(cafile=default_trust_store())
        else:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        _context_cache[key] = context
    return context


def _server_context(key: CryptoKey | None, cert: X509Certificate | None) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if key is None or cert is None or not key._gd_pem or not cert._gd_pems:
        engine_error("TLS server options need a private key and a certificate.")
        return context
    # ssl only loads key material from files: write them briefly, then delete.
    with tempfile.TemporaryDirectory() as tmp:
        cert_path = os.path.join(tmp, "cert.pem")
        key_path = os.path.join(tmp, "key.pem")
        _write_text(cert_path, cert.save_to_string())
        _write_text(key_path, key._gd_pem)
        context.load_cert_chain(cert_path, key_path)
    return context


GODOT_CLASSES = {"X509Certificate": X509Certificate, "CryptoKey": CryptoKey}
GODOT_CLASSES_4 = {"TLSOptions": TLSOptions}
GODOT_CLASSES_3: dict[str, type] = {}
