"""Offline fixture HTTP(S) server: deterministic pages on 127.0.0.1.

``FixtureServer().start()`` returns ``(http_port, https_port)``; ``stop()``
shuts both down.  Pages (any method, HTTP/1.1 keep-alive):

  /get /headers /post (also /put /patch /delete /anything)   httpbin-style JSON echo
  /status/<code>     empty body with that status
  /chunked           Transfer-Encoding: chunked, five text chunks
  /bytes/<n>         n bytes, byte i = i % 256 (at most 1 GiB)
  /gzip              gzip-encoded JSON (Content-Encoding: gzip, mtime 0)
  /redirect/<n>      302 to /redirect/<n-1>, the last one to /get
  /delay/<s>         waits min(s, 10) seconds, then answers like /get
  /repos/<owner>/<repo>/releases/latest   a GitHub-API-shaped release (JSON with
                     "name" and "tag_name"), the service Godot's HTTPRequest tutorial calls
  /<n>, /<n>.png, /<w>x<h>[.png]   image-placeholder style: a 16x16 RGBA PNG
                     (``PLACEHOLDER_PNG``; red = 16 * x, green = 16 * y, blue 128, alpha 255)
  anything else      a small HTML page naming the host and the path

HTTPS uses a CA created for this run with the ``openssl`` command (the runtime
may not depend on a crypto library); ``ca_pem_path`` is its PEM file.  The
server answers any SNI name with a leaf certificate for that name, created on
first use, so ``--offline`` can route every host here and TLS still verifies
against the run's CA.  Without ``openssl`` only HTTP runs: ``https_port`` is
None and ``tls_error`` says why.

``resolve_override(host, port, tls)`` is the catch-all for
``gdscript.stdlib.http_client.set_resolve_overrides`` (``--offline``).
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import shutil
import socketserver
import ssl
import struct
import subprocess
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

MAX_DELAY_SECONDS = 10.0
MAX_BYTES = 1 << 30
_PATTERN = bytes(range(256)) * 4096  # 1 MiB; byte i of /bytes/<n> is i % 256
_SAFE_NAME = re.compile(r"^[A-Za-z0-9*]([A-Za-z0-9.-]{0,252})$")
_PLACEHOLDER_PATH = re.compile(r"^/\d{1,5}(x\d{1,5})?(\.png)?$")
PLACEHOLDER_SIDE = 16


def _placeholder_png(side: int) -> bytes:
    """An 8-bit RGBA PNG, side x side, pixel (x, y) = (16x, 16y, 128, 255) mod 256."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"".join(bytes(((16 * x) % 256, (16 * y) % 256, 128, 255))
                                        for x in range(side)) for y in range(side))
    header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


PLACEHOLDER_PNG = _placeholder_png(PLACEHOLDER_SIDE)


class _CertificateAuthority:
    """A throw-away CA and leaf certificates made with the openssl command."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.ca_pem = os.path.join(directory, "ca.pem")
        self.ca_key = os.path.join(directory, "ca.key")
        self.leaf_key = os.path.join(directory, "leaf.key")
        self._serial = int(time.time() * 1000)
        self._contexts: dict[str, ssl.SSLContext] = {}
        self._lock = threading.Lock()
        self._openssl("req", "-x509", "-new", "-newkey", "ec", "-pkeyopt",
                      "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", self.ca_key,
                      "-out", self.ca_pem, "-days", "3", "-subj", "/CN=gdscript fixture CA",
                      "-addext", "basicConstraints=critical,CA:TRUE",
                      "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        self._openssl("genpkey", "-algorithm", "EC", "-pkeyopt",
                      "ec_paramgen_curve:prime256v1", "-out", self.leaf_key)

    @staticmethod
    def _openssl(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=30)

    def context_for(self, name: str, alt_names: str) -> ssl.SSLContext:
        """A server context presenting a leaf for ``alt_names`` (cached under ``name``)."""
        with self._lock:
            context = self._contexts.get(name)
            if context is None:
                context = self._make_context(name, alt_names)
                self._contexts[name] = context
            return context

    def _make_context(self, name: str, alt_names: str) -> ssl.SSLContext:
        self._serial += 1
        stem = os.path.join(self.directory, f"leaf{self._serial}")
        with open(stem + ".ext", "w", encoding="ascii") as ext:
            ext.write(f"subjectAltName={alt_names}\nbasicConstraints=CA:FALSE\n"
                      "extendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\n"
                      "authorityKeyIdentifier=keyid:always\n")
        cn = name if len(name) <= 64 else "fixture"
        self._openssl("req", "-new", "-key", self.leaf_key, "-subj", f"/CN={cn}",
                      "-out", stem + ".csr")
        self._openssl("x509", "-req", "-in", stem + ".csr", "-CA", self.ca_pem,
                      "-CAkey", self.ca_key, "-set_serial", str(self._serial), "-days", "3",
                      "-extfile", stem + ".ext", "-out", stem + ".pem")
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(stem + ".pem", self.leaf_key)
        return context


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, indent=2, sort_keys=True) + "\n").encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    """Routes every method through ``_dispatch``."""

    protocol_version = "HTTP/1.1"
    server_version = "gdscript-fixture/1.0"
    sys_version = ""
    timeout = 30  # idle keep-alive connections end eventually
    scheme = "http"
    tls_context: ssl.SSLContext | None = None

    def setup(self) -> None:
        if self.tls_context is not None:
            self.request.settimeout(self.timeout)
            self.request = self.tls_context.wrap_socket(self.request, server_side=True)
        super().setup()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            if self.tls_context is not None:
                self.request.close()  # the server only closes the socket it accepted

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self._dispatch()

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        path, body = parts.path, self._read_body()
        segments = path.strip("/").split("/")
        route = segments[0] if segments else ""
        arg = segments[1] if len(segments) > 1 else ""
        if route in ("get", "headers") and len(segments) == 1:
            self._echo(parts, body, with_body=False, only_headers=route == "headers")
        elif route in ("post", "put", "patch", "delete", "anything"):
            self._echo(parts, body, with_body=True)
        elif route == "status" and arg.isdigit() and 100 <= int(arg) <= 599:
            self._send(int(arg), b"", "text/plain")
        elif route == "chunked" and len(segments) == 1:
            self._chunked()
        elif route == "bytes" and arg.isdigit() and int(arg) <= MAX_BYTES:
            self._bytes(int(arg))
        elif route == "gzip" and len(segments) == 1:
            data = gzip.compress(_json_bytes({"gzipped": True, "method": self.command,
                                              "headers": self._headers()}), mtime=0)
            self._send(200, data, "application/json", {"Content-Encoding": "gzip"})
        elif route == "redirect" and arg.isdigit() and int(arg) >= 1:
            target = "/get" if int(arg) == 1 else f"/redirect/{int(arg) - 1}"
            self._send(302, b"", "text/plain", {"Location": target})
        elif route == "delay" and _is_number(arg):
            time.sleep(min(max(float(arg), 0.0), MAX_DELAY_SECONDS))
            self._echo(parts, body, with_body=False)
        elif route == "repos" and len(segments) == 5 and segments[3:] == ["releases", "latest"]:
            self._send(200, _json_bytes(_release(segments[1], segments[2])), "application/json")
        elif _PLACEHOLDER_PATH.match(path):
            self._send(200, PLACEHOLDER_PNG, "image/png")
        else:
            self._page(path)

    def _read_body(self) -> bytes:
        length = self.headers.get("Content-Length")
        if length and length.strip().isdigit():
            return self.rfile.read(int(length))
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked_body()
        return b""

    def _read_chunked_body(self) -> bytes:
        data = bytearray()
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline().strip():
                    pass
                return bytes(data)
            data += self.rfile.read(size)
            self.rfile.readline()

    def _headers(self) -> dict[str, str]:
        return {name: value for name, value in self.headers.items()}

    def _url(self, parts: Any) -> str:
        host = self.headers.get("Host", "")
        query = f"?{parts.query}" if parts.query else ""
        return f"{self.scheme}://{host}{parts.path}{query}"

    def _echo(self, parts: Any, body: bytes, with_body: bool, only_headers: bool = False) -> None:
        if only_headers:
            self._send(200, _json_bytes({"headers": self._headers()}), "application/json")
            return
        result: dict[str, Any] = {
            "args": dict(parse_qsl(parts.query, keep_blank_values=True)),
            "headers": self._headers(),
            "method": self.command,
            "origin": self.client_address[0],
            "url": self._url(parts),
        }
        if with_body:
            result.update(_body_fields(body, self.headers.get("Content-Type", "")))
        self._send(200, _json_bytes(result), "application/json")

    def _send(self, code: int, data: bytes, content_type: str,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if code >= 200 and code not in (204, 304):
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD" and code >= 200 and code not in (204, 304):
            self.wfile.write(data)

    def _chunked(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if self.command == "HEAD":
            return
        for index in range(5):
            piece = f"This is chunk {index + 1} of 5.\n".encode()
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def _bytes(self, count: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(count))
        self.end_headers()
        if self.command == "HEAD":
            return
        view = memoryview(_PATTERN)
        while count > 0:
            step = min(count, len(view))
            self.wfile.write(view[:step])
            count -= step

    def _page(self, path: str) -> None:
        host = html.escape(self.headers.get("Host", ""))
        where = html.escape(path)
        text = (f"<!DOCTYPE html>\n<html>\n<head><title>Fixture page {host}{where}</title></head>\n"
                f"<body>\n<h1>Fixture page</h1>\n<p>Host: {host}</p>\n<p>Path: {where}</p>\n"
                "</body>\n</html>\n")
        self._send(200, text.encode("utf-8"), "text/html; charset=utf-8")


def _release(owner: str, repo: str) -> dict[str, Any]:
    """The fields of a GitHub "latest release" answer that examples read."""
    tag = "fixture-stable"
    return {"name": f"{repo} {tag}", "tag_name": tag, "draft": False, "prerelease": False,
            "html_url": f"https://github.com/{owner}/{repo}/releases/tag/{tag}"}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _body_fields(body: bytes, content_type: str) -> dict[str, Any]:
    text = body.decode("utf-8", "replace")
    form: dict[str, str] = {}
    parsed_json = None
    if content_type.startswith("application/x-www-form-urlencoded"):
        form = dict(parse_qsl(text, keep_blank_values=True))
    try:
        parsed_json = json.loads(text) if text else None
    except ValueError:
        parsed_json = None
    return {"data": text, "files": {}, "form": form, "json": parsed_json}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that vanish or fail TLS are normal here


class FixtureServer:
    """The embedded server; ``start()`` once, ``stop()`` when done."""

    def __init__(self, host: str = "127.0.0.1", http_port: int = 0, https_port: int = 0) -> None:
        self.host = host
        self._ports = (http_port, https_port)
        self.http_port: int | None = None
        self.https_port: int | None = None
        self.ca_pem_path: str | None = None
        self.tls_error: str | None = None
        self._servers: list[socketserver.BaseServer] = []
        self._directory: str | None = None
        self._authority: _CertificateAuthority | None = None

    def start(self) -> tuple[int, int | None]:
        if self._servers:
            return self.http_port, self.https_port  # type: ignore[return-value]
        self.http_port = self._serve(_Handler, self._ports[0])
        context = self._tls_context()
        if context is not None:
            handler = type("_TLSHandler", (_Handler,), {"scheme": "https",
                                                         "tls_context": context})
            self.https_port = self._serve(handler, self._ports[1])
        return self.http_port, self.https_port

    def _serve(self, handler: type, port: int) -> int:
        server = _Server((self.host, port), handler)
        self._servers.append(server)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True, name="fixture server").start()
        return server.server_address[1]

    def _tls_context(self) -> ssl.SSLContext | None:
        if shutil.which("openssl") is None:
            self.tls_error = "the openssl command is not available: HTTPS fixture disabled"
            return None
        self._directory = tempfile.mkdtemp(prefix="gdscript-fixture-")
        try:
            self._authority = _CertificateAuthority(self._directory)
            context = self._authority.context_for(
                "", "DNS:localhost,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1")
        except (OSError, subprocess.SubprocessError, ssl.SSLError) as error:
            self.tls_error = f"could not create fixture certificates with openssl: {error}"
            return None
        self.ca_pem_path = self._authority.ca_pem
        context.sni_callback = self._on_sni
        return context

    def _on_sni(self, sock: ssl.SSLObject, name: str | None, _context: Any) -> None:
        if not name or name == "localhost" or not _SAFE_NAME.match(name):
            return
        assert self._authority is not None
        try:
            sock.context = self._authority.context_for(name, f"DNS:{name}")
        except (OSError, subprocess.SubprocessError, ssl.SSLError):
            return

    def resolve_override(self, host: str, port: int, tls: bool) -> tuple[str, int] | None:
        """--offline: every host goes to this server (HTTPS port for TLS connections)."""
        port = self.https_port if tls else self.http_port
        return (self.host, port) if port is not None else None

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers = []
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None
            self.ca_pem_path = None

    def __enter__(self) -> FixtureServer:
        self.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
