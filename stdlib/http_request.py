"""HTTPRequest for both dialects: a Node that runs one HTTP request at a time.

Contract (Godot's scene/main/http_request.cpp, with the deliberate differences
listed in /work/shared/reference/http-hardening.md):

* ``request()`` checks, in order: the node is in the tree (ERR_UNCONFIGURED),
  no request is running (ERR_BUSY), the URL parses with an http/https scheme
  (ERR_INVALID_PARAMETER).  A failing ``connect_to_host`` returns
  ERR_CANT_CONNECT and still emits RESULT_CANT_CONNECT.
* The node owns an HTTPClient and steps it from NOTIFICATION_INTERNAL_PROCESS,
  i.e. once per frame of the main loop; ``use_threads`` is accepted but the
  work stays on that poll.  While a request runs the node holds the SceneTree
  (``_gd_hold``), so a run does not end before ``request_completed``.
* ``request_completed(result, response_code, headers, body)`` is emitted
  through a deferred call, after ``cancel_request()`` has reset the node, as in
  Godot.  ``body`` is empty when ``download_file`` is set.

Differences from Godot, on purpose: each frame drains the body for up to
``FRAME_BUDGET_SECONDS`` instead of reading one chunk (throughput no longer
tied to the frame rate); 303/307/308 are followed too (RFC 9110: 301/302/303
turn unsafe methods into GET and drop the body, 307/308 keep them), relative
``Location`` values are resolved, content headers are dropped with the body and
``Authorization`` when the origin changes; ``timeout`` is wall-clock time; a
body cut short is never a success (RESULT_CONNECTION_ERROR, or
RESULT_CHUNKED_BODY_SIZE_MISMATCH for chunked bodies); gzip/deflate (4.x
``accept_gzip``) inflate while streaming with ``body_size_limit`` enforced on
the inflated size as it grows, so a gzip bomb stops early.

``set_path_resolver(fn)`` installs how ``download_file`` paths (``res://``,
``user://``) map to files; by default both are relative to the working
directory.
"""

from __future__ import annotations

import re
import time
import zlib
from urllib.parse import urljoin

from ..errors import engine_error
from .global_constants import (
    ERR_BUSY, ERR_CANT_CONNECT, ERR_INVALID_PARAMETER, ERR_UNCONFIGURED, OK,
)
from .http_client import HTTPClient, HTTPClient3
from .nodes_extra import Node, Node3Mixin
from .objects import MESSAGE_QUEUE
from .packed import PackedByteArray, PackedStringArray
from .scene_tree import Timer, Timer3
from .tls import TLSOptions

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable as PyCallable
    from typing import Any, ClassVar

# Time one frame may spend moving the request forward (reading the body, mostly).
FRAME_BUDGET_SECONDS = 0.008

# Step outcomes of the request state machine.
_DONE, _AGAIN, _WAIT = "done", "again", "wait"

# Same values in both dialects; only the names differ (3.x says SSL, 4.x TLS).
_STATUS_HANDSHAKE_ERROR = 9
_RESULT_HANDSHAKE_ERROR = 5
_REDIRECTS = (301, 302, 303, 307, 308)
_SAFE_METHODS = (HTTPClient.METHOD_GET, HTTPClient.METHOD_HEAD, HTTPClient.METHOD_OPTIONS,
                 HTTPClient.METHOD_TRACE)
_BODY_HEADERS = ("content-type", "content-length", "content-location", "content-encoding",
                 "transfer-encoding")

# * Paths --------------------------------------------------------------------

_path_resolver: PyCallable[[str], str] | None = None


def set_path_resolver(resolver: PyCallable[[str], str] | None) -> None:
    """Install ``resolver(godot_path) -> filesystem path`` (None: the default mapping)."""
    global _path_resolver
    _path_resolver = resolver


def globalize_path(path: str) -> str:
    """Where ``download_file`` writes: the resolver's answer, else the project's path policy
    (stdlib.files: res:// is the project folder, user:// its data folder)."""
    if _path_resolver is not None:
        return _path_resolver(path)
    from .files import globalize_path as policy_path

    resolved = policy_path(path)
    return resolved if resolved is not None else ""


# * URLs ---------------------------------------------------------------------

_VALID_INT = re.compile(r"[+-]?[0-9]+")


def parse_url(url: str) -> tuple[str, str, int, str] | None:
    """Godot 4's String.parse_url: (scheme with "://", host, port or 0, path); None if bad."""
    base, scheme = url, ""
    pos = base.find("://")
    if pos != -1 and all(c.isascii() and (c.isalnum() or c in "+-.") for c in base[:pos]):
        scheme, base = base[:pos + 3].lower(), base[pos + 3:]
    base = base.split("#", 1)[0]
    pos = base.find("/")
    path, base = (base[pos:], base[:pos]) if pos != -1 else ("", base)
    base = base[base.find("@") + 1:]  # credentials are dropped
    if base.startswith("["):
        pos = base.rfind("]")
        if pos == -1:
            return None
        host, base = base[1:pos], base[pos + 1:]
    elif base.count(":") > 1:
        return None
    else:
        pos = base.rfind(":")
        host, base = (base, "") if pos == -1 else (base[:pos], base[pos:])
    if not host:
        return None
    port = 0
    if base.startswith(":"):
        if not _VALID_INT.fullmatch(base[1:]):
            return None
        port = int(base[1:])
        if not 1 <= port <= 65535:
            return None
    return scheme, host.lower(), port, path


def _godot3_to_int(text: str) -> int:
    """Godot 3's String.to_int: the digits anywhere in the text, '-' before them negates."""
    value, sign = 0, 1
    for char in text:
        if "0" <= char <= "9":
            value = value * 10 + ord(char) - 48
        elif char == "-" and value == 0:
            sign = -sign
    return sign * value


def _header_name(line: str) -> str:
    return line.split(":", 1)[0].strip().lower() if ":" in line else ""


def _header_value(headers: list[str], name: str) -> str:
    """The first ``name: value`` header's value (stripped), or ""."""
    for line in headers:
        if _header_name(line) == name:
            return line.split(":", 1)[1].strip()
    return ""


# * Streaming decompression ---------------------------------------------------

class _Inflater:
    """gzip or deflate (zlib, or raw as some servers send) decoded piece by piece.

    ``feed(data, allowance)`` returns the output; it stops producing as soon
    as the output passes ``allowance`` bytes (None: no cap), so a small
    compressed input never inflates past the body size limit in memory.
    """

    def __init__(self, encoding: str, step: int) -> None:
        self.deflate = encoding == "deflate"
        self.step = max(step, 256)
        self.decoder = zlib.decompressobj(15 if self.deflate else 31)
        self.started = False

    @property
    def finished(self) -> bool:
        return self.decoder.eof

    def feed(self, data: bytes, allowance: int | None) -> bytearray:
        if self.deflate and not self.started:
            self.started = True
            try:
                return self._inflate(data, allowance)
            except zlib.error:
                self.decoder = zlib.decompressobj(-15)  # raw deflate, no zlib header
        self.started = True
        return self._inflate(data, allowance)

    def _inflate(self, data: bytes, allowance: int | None) -> bytearray:
        out = bytearray()
        while not self.decoder.eof:
            want = self.step if allowance is None else min(self.step, allowance - len(out) + 1)
            piece = self.decoder.decompress(data, want)
            out += piece
            if allowance is not None and len(out) > allowance:
                break
            data = self.decoder.unconsumed_tail
            if not data and len(piece) < want:
                break
        return out


# * HTTPRequest -----------------------------------------------------------------

class _HTTPRequestBase(Node):
    """What both dialects share; the RESULT_* constants live in each dialect's class."""

    GODOT_NAME = "HTTPRequest"
    SIGNALS = ("request_completed",)
    _CLIENT_CLASS: ClassVar[type] = HTTPClient
    _TIMER_CLASS: ClassVar[type] = Timer
    _DEFAULT_CHUNK_SIZE: ClassVar[int] = 65536
    _GZIP: ClassVar[bool] = True

    def __init__(self) -> None:
        super().__init__()
        self._gd_client = self._CLIENT_CLASS()
        self._gd_client.set_read_chunk_size(self._DEFAULT_CHUNK_SIZE)
        self._gd_download_file = ""
        self._gd_use_threads = False
        self._gd_accept_gzip = self._GZIP
        self._gd_body_size_limit = -1
        self._gd_max_redirects = 8
        self._gd_timeout = 0.0
        self._gd_tls_options: Any = None
        self._gd_validate_domain = True
        self._gd_holder: Any = None
        self._gd_requesting = False
        self._gd_deadline: float | None = None
        self._gd_url: tuple[bool, str, int, str] = (False, "", 80, "/")
        self._gd_method = 0
        self._gd_headers: list[str] = []
        self._gd_request_data = b""
        self._gd_reset_response()
        self._gd_redirections = 0
        # Godot's HTTPRequest owns a one-shot Timer child (child count, auto names);
        # the timeout itself is measured in wall-clock time.
        timer = self._TIMER_CLASS()
        timer.set_one_shot(True)
        self.add_child(timer)

    def _gd_reset_response(self) -> None:
        self._gd_request_sent = False
        self._gd_got_response = False
        self._gd_response_code = -1
        self._gd_response_headers: list[str] = []
        self._gd_chunked = False
        self._gd_body_len = -1
        self._gd_body = PackedByteArray()
        self._gd_downloaded = 0
        self._gd_final_size = 0
        self._gd_inflater: _Inflater | None = None
        self._gd_file: Any = None

    def _gd_drop_request(self) -> None:
        """What Godot's cancel_request() clears: get_body_size() and get_downloaded_bytes()
        keep their values (request_completed handlers read them) until the next request."""
        self._gd_request_sent = False
        self._gd_got_response = False
        self._gd_response_code = -1
        self._gd_body = PackedByteArray()
        self._gd_inflater = None

    # * Engine error texts ----------------------------------------------------
    def _gd_error(self, condition: str | None, returned: str | None = None,
                  message: str | None = None) -> None:
        """ERR_FAIL_* output: 4.x prints the condition and the message, 3.x the message only."""
        four = self._GD_DIALECT == 4
        if message and not four:
            engine_error(message)
            return
        head = f'Condition "{condition}" is true.' if condition else "Method/function failed."
        if returned:
            head += f" {'Returning' if four else 'Returned'}: {returned}"
        engine_error(head, message)

    def _gd_idle(self) -> bool:
        """Settings that Godot only changes between requests."""
        if self._gd_client.get_status() != self._gd_client.STATUS_DISCONNECTED:
            self._gd_error("get_http_client_status() != HTTPClient::STATUS_DISCONNECTED")
            return False
        return True

    # * Properties ---------------------------------------------------------------
    def set_download_file(self, path: str) -> None:
        if self._gd_idle():
            self._gd_download_file = str(path)

    def get_download_file(self) -> str:
        return self._gd_download_file

    def set_download_chunk_size(self, chunk_size: int) -> None:
        if self._gd_idle():
            self._gd_client.set_read_chunk_size(int(chunk_size))

    def get_download_chunk_size(self) -> int:
        return self._gd_client.get_read_chunk_size()

    def set_use_threads(self, enable: bool) -> None:
        if self._gd_idle():
            self._gd_use_threads = bool(enable)

    def is_using_threads(self) -> bool:
        return self._gd_use_threads

    def set_body_size_limit(self, bytes: int) -> None:  # noqa: A002 - Godot's name
        if self._gd_idle():
            self._gd_body_size_limit = int(bytes)

    def get_body_size_limit(self) -> int:
        return self._gd_body_size_limit

    def set_max_redirects(self, amount: int) -> None:
        self._gd_max_redirects = int(amount)

    def get_max_redirects(self) -> int:
        return self._gd_max_redirects

    def set_timeout(self, timeout: float) -> None:
        if timeout < 0:
            self._gd_error("p_timeout < 0")
            return
        self._gd_timeout = float(timeout)

    def get_timeout(self) -> float:
        return self._gd_timeout

    download_file = property(get_download_file, set_download_file)
    download_chunk_size = property(get_download_chunk_size, set_download_chunk_size)
    use_threads = property(is_using_threads, set_use_threads)
    body_size_limit = property(get_body_size_limit, set_body_size_limit)
    max_redirects = property(get_max_redirects, set_max_redirects)
    timeout = property(get_timeout, set_timeout)

    # * Queries and proxies ---------------------------------------------------------
    def get_http_client_status(self) -> int:
        return self._gd_client.get_status()

    def get_downloaded_bytes(self) -> int:
        return self._gd_downloaded

    def get_body_size(self) -> int:
        return self._gd_body_len

    def set_http_proxy(self, host: str, port: int) -> None:
        self._gd_client.set_http_proxy(host, port)

    def set_https_proxy(self, host: str, port: int) -> None:
        self._gd_client.set_https_proxy(host, port)

    # * Starting and stopping -----------------------------------------------------
    def _gd_start(self, url: str, headers: Any, method: int, data: bytes) -> int:
        if not self.is_inside_tree():
            self._gd_error("!is_inside_tree()", "ERR_UNCONFIGURED")
            return ERR_UNCONFIGURED
        if self._gd_requesting:
            self._gd_error("requesting", "ERR_BUSY", "HTTPRequest is processing a request. Wait "
                        "for completion or cancel it before attempting a new one.")
            return ERR_BUSY
        err = self._gd_set_url(str(url))
        if err != OK:
            return err
        self._gd_reset_response()
        self._gd_redirections = 0
        self._gd_method = int(method)
        self._gd_headers = [str(header) for header in (headers or ())]
        if self._gd_accept_gzip and not any(
                h.strip().lower().startswith("accept-encoding") for h in self._gd_headers):
            self._gd_headers.append("Accept-Encoding: gzip, deflate")
        self._gd_request_data = data
        self._gd_requesting = True
        self._gd_deadline = time.monotonic() + self._gd_timeout if self._gd_timeout > 0 else None
        self._gd_holder = self._gd_tree
        self._gd_holder._gd_hold(self)
        self._gd_client.set_blocking_mode(False)
        if self._gd_connect() != OK:
            self._gd_defer_done(self.RESULT_CANT_CONNECT)
            return ERR_CANT_CONNECT
        self.set_process_internal(True)
        return OK

    def _gd_set_url(self, url: str) -> int:
        parsed = parse_url(url)
        if parsed is None:
            self._gd_error("err != OK", "err", f"Error parsing URL: '{url}'.")
            return ERR_INVALID_PARAMETER
        scheme, host, port, path = parsed
        if scheme not in ("http://", "https://"):
            self._gd_error(None, "ERR_INVALID_PARAMETER", f"Invalid URL scheme: '{scheme}'.")
            return ERR_INVALID_PARAMETER
        tls = scheme == "https://"
        self._gd_url = (tls, host, port or (443 if tls else 80), path or "/")
        return OK

    def _gd_connect(self) -> int:
        tls, host, port, _path = self._gd_url
        if ":" in host:
            host = f"[{host}]"  # IPv6 literal: the client strips the brackets to connect
        options = None
        if tls:
            options = self._gd_tls_options or TLSOptions.client()
        return self._gd_client.connect_to_host(host, port, options)

    def cancel_request(self) -> None:
        self._gd_deadline = None
        if not self._gd_requesting:
            return
        self.set_process_internal(False)
        self._gd_close_file()
        self._gd_client.close()
        self._gd_drop_request()
        self._gd_requesting = False
        if self._gd_holder is not None:
            self._gd_holder._gd_release(self)
            self._gd_holder = None

    def _gd_close_file(self) -> None:
        if self._gd_file is not None:
            try:
                self._gd_file.close()
            except OSError:
                pass
            self._gd_file = None

    def _gd_defer_done(self, result: int, code: int = 0, headers: Any = (),
                       body: Any = b"") -> str:
        MESSAGE_QUEUE.append((self._gd_request_done, (result, code, headers, body)))
        return _DONE

    def _gd_request_done(self, result: int, code: int, headers: Any, body: Any) -> None:
        self.cancel_request()
        self.emit_signal("request_completed", result, code, PackedStringArray(headers),
                         body if isinstance(body, PackedByteArray) else PackedByteArray(body))

    def _gd_propagate_exit_tree(self) -> None:
        if self._gd_requesting:
            self.cancel_request()  # Godot: NOTIFICATION_EXIT_TREE
        super()._gd_propagate_exit_tree()

    # * Frame processing ------------------------------------------------------------
    def _gd_internal_process(self, delta: float) -> None:
        if not self._gd_requesting:
            self.set_process_internal(False)
            return
        if self._gd_deadline is not None and time.monotonic() >= self._gd_deadline:
            self.cancel_request()
            self._gd_defer_done(self.RESULT_TIMEOUT)
            return
        budget_end = time.monotonic() + FRAME_BUDGET_SECONDS
        while True:
            step = self._gd_update_connection()
            if step == _DONE:
                self.set_process_internal(False)
                return
            if step == _WAIT or time.monotonic() >= budget_end:
                return

    def _gd_update_connection(self) -> str:
        client = self._gd_client
        status = client.get_status()
        if status in (client.STATUS_RESOLVING, client.STATUS_CONNECTING,
                      client.STATUS_REQUESTING):
            client.poll()
            return _AGAIN if client.get_status() != status else _WAIT
        if status == client.STATUS_CONNECTED:
            return self._gd_on_connected()
        if status == client.STATUS_BODY:
            return self._gd_on_body()
        return self._gd_defer_done(self._gd_failure_result(status))

    def _gd_failure_result(self, status: int) -> int:
        client = self._gd_client
        results = {client.STATUS_CANT_RESOLVE: self.RESULT_CANT_RESOLVE,
                   client.STATUS_CONNECTION_ERROR: self.RESULT_CONNECTION_ERROR,
                   _STATUS_HANDSHAKE_ERROR: _RESULT_HANDSHAKE_ERROR}
        return results.get(status, self.RESULT_CANT_CONNECT)

    def _gd_on_connected(self) -> str:
        if not self._gd_request_sent:
            err = self._gd_client.request_raw(self._gd_method, self._gd_url[3],
                                              self._gd_headers, self._gd_request_data)
            if err != OK:
                return self._gd_defer_done(self.RESULT_CONNECTION_ERROR)
            self._gd_request_sent = True
            return _AGAIN
        if not self._gd_got_response:
            step = self._gd_handle_response()
            if step is not None:
                return step
            return self._gd_finish(PackedByteArray())  # a response without a body
        if self._gd_body_len < 0:
            return self._gd_finish(self._gd_body)
        return self._gd_complete(self.RESULT_CHUNKED_BODY_SIZE_MISMATCH)

    def _gd_complete(self, result: int) -> str:
        """End with ``result``, the response code and headers, and no body."""
        return self._gd_defer_done(result, self._gd_response_code, self._gd_response_headers)

    # * Response head ---------------------------------------------------------------
    def _gd_handle_response(self) -> str | None:
        """Take the response head: a step outcome (done, redirected) or None to go on."""
        client = self._gd_client
        if not client.has_response():
            return self._gd_defer_done(self.RESULT_NO_RESPONSE)
        self._gd_got_response = True
        self._gd_response_code = client.get_response_code()
        self._gd_chunked = client.is_response_chunked()
        self._gd_response_headers = [str(line) for line in client.get_response_headers()]
        self._gd_downloaded = self._gd_final_size = 0
        self._gd_inflater = None
        if self._gd_response_code in _REDIRECTS:
            step = self._gd_redirect()
            if step is not None:
                return step
        encoding = _header_value(self._gd_response_headers, "content-encoding").lower()
        if self._gd_accept_gzip and encoding in ("gzip", "deflate"):
            self._gd_inflater = _Inflater(encoding, self.get_download_chunk_size())
        return None

    def _gd_redirect(self) -> str | None:
        code = self._gd_response_code
        limit = self._gd_max_redirects
        if 0 <= limit <= self._gd_redirections:
            return self._gd_complete(self.RESULT_REDIRECT_LIMIT_REACHED)
        locations = [line for line in self._gd_response_headers
                     if _header_name(line) == "location"]
        if not locations:
            return None
        target = self._gd_redirect_target(locations[-1].split(":", 1)[1].strip())
        if target is None:
            return None  # not an http(s) target: the 3xx response is the answer
        self._gd_client.close()
        self._gd_apply_redirect(code, target)
        redirections = self._gd_redirections + 1
        self._gd_reset_response()
        self._gd_redirections = redirections
        if self._gd_connect() != OK:
            return self._gd_defer_done(self.RESULT_CANT_CONNECT)
        return _AGAIN

    def _gd_current_url(self) -> str:
        tls, host, port, path = self._gd_url
        host = f"[{host}]" if ":" in host else host
        return f"{'https' if tls else 'http'}://{host}:{port}{path}"

    def _gd_redirect_target(self, location: str) -> tuple[bool, str, int, str] | None:
        parsed = parse_url(urljoin(self._gd_current_url(), location))
        if parsed is None or parsed[0] not in ("http://", "https://"):
            return None
        scheme, host, port, path = parsed
        tls = scheme == "https://"
        return tls, host, port or (443 if tls else 80), path or "/"

    def _gd_apply_redirect(self, code: int, target: tuple[bool, str, int, str]) -> None:
        """RFC 9110: 303 (and 301/302 for unsafe methods) become GET without a body."""
        to_get = (code == 303 and self._gd_method != HTTPClient.METHOD_HEAD) or (
            code in (301, 302) and self._gd_method not in _SAFE_METHODS)
        if to_get:
            self._gd_method = HTTPClient.METHOD_GET
            self._gd_request_data = b""
            self._gd_headers = [h for h in self._gd_headers
                                if _header_name(h) not in _BODY_HEADERS]
        if target[:3] != self._gd_url[:3]:
            self._gd_headers = [h for h in self._gd_headers
                                if _header_name(h) != "authorization"]
        self._gd_url = target

    # * Body ------------------------------------------------------------------------
    def _gd_on_body(self) -> str:
        if not self._gd_got_response:
            step = self._gd_begin_body()
            if step is not None:
                return step
        return self._gd_read_body()

    def _gd_begin_body(self) -> str | None:
        step = self._gd_handle_response()
        if step is not None:
            return step
        client = self._gd_client
        no_body = (self._gd_method == HTTPClient.METHOD_HEAD
                   or self._gd_response_code in (204, 304))
        length = -1 if self._gd_chunked else client.get_response_body_length()
        if no_body or length == 0:
            return self._gd_finish(PackedByteArray())
        self._gd_body_len = length
        if 0 <= self._gd_body_size_limit < length:
            return self._gd_complete(self.RESULT_BODY_SIZE_LIMIT_EXCEEDED)
        if self._gd_download_file:
            try:
                self._gd_file = open(globalize_path(self._gd_download_file), "wb")  # noqa: SIM115
            except OSError:
                return self._gd_complete(self.RESULT_DOWNLOAD_FILE_CANT_OPEN)
        return None

    def _gd_read_body(self) -> str:
        client = self._gd_client
        chunk = client.read_response_body_chunk()
        self._gd_downloaded += len(chunk)
        if chunk:
            step = self._gd_store(chunk)
            if step is not None:
                return step
        if 0 <= self._gd_body_len <= self._gd_downloaded:
            return self._gd_finish(self._gd_body)
        status = client.get_status()
        if status == client.STATUS_BODY:
            return _AGAIN if chunk else _WAIT
        return self._gd_body_ended(status)

    def _gd_body_ended(self, status: int) -> str:
        """The client left STATUS_BODY before the declared length was reached."""
        client = self._gd_client
        if status == client.STATUS_CONNECTED and self._gd_chunked:
            return self._gd_finish(self._gd_body)  # the last chunk arrived
        if status == client.STATUS_DISCONNECTED:
            if self._gd_chunked:
                return self._gd_complete(self.RESULT_CHUNKED_BODY_SIZE_MISMATCH)
            if self._gd_body_len < 0:
                return self._gd_finish(self._gd_body)  # read until the server closed
        return self._gd_complete(self.RESULT_CONNECTION_ERROR)

    def _gd_store(self, chunk: PackedByteArray) -> str | None:
        """Inflate if needed, enforce the size limit, keep the bytes; a step if that failed."""
        limit = self._gd_body_size_limit
        data: Any = chunk
        if self._gd_inflater is not None:
            allowance = None if limit < 0 else limit - self._gd_final_size
            try:
                data = self._gd_inflater.feed(bytes(chunk), allowance)
            except zlib.error:
                return self._gd_complete(self.RESULT_BODY_DECOMPRESS_FAILED)
        self._gd_final_size += len(data)
        if 0 <= limit < self._gd_final_size:
            return self._gd_complete(self.RESULT_BODY_SIZE_LIMIT_EXCEEDED)
        if self._gd_file is None:
            self._gd_body += data
            return None
        try:
            self._gd_file.write(data)
        except OSError:
            return self._gd_complete(self.RESULT_DOWNLOAD_FILE_WRITE_ERROR)
        return None

    def _gd_finish(self, body: PackedByteArray) -> str:
        """Success, unless a compressed body ended before its stream did."""
        inflater = self._gd_inflater
        if inflater is not None and self._gd_downloaded and not inflater.finished:
            return self._gd_complete(self.RESULT_BODY_DECOMPRESS_FAILED)
        if self._gd_file is not None:
            try:
                self._gd_file.flush()
            except OSError:
                return self._gd_complete(self.RESULT_DOWNLOAD_FILE_WRITE_ERROR)
            body = PackedByteArray()
        return self._gd_defer_done(self.RESULT_SUCCESS, self._gd_response_code,
                                self._gd_response_headers, body)


class HTTPRequest(_HTTPRequestBase):
    """Godot 4's HTTPRequest."""

    RESULT_SUCCESS = 0
    RESULT_CHUNKED_BODY_SIZE_MISMATCH = 1
    RESULT_CANT_CONNECT = 2
    RESULT_CANT_RESOLVE = 3
    RESULT_CONNECTION_ERROR = 4
    RESULT_TLS_HANDSHAKE_ERROR = 5
    RESULT_NO_RESPONSE = 6
    RESULT_BODY_SIZE_LIMIT_EXCEEDED = 7
    RESULT_BODY_DECOMPRESS_FAILED = 8
    RESULT_REQUEST_FAILED = 9
    RESULT_DOWNLOAD_FILE_CANT_OPEN = 10
    RESULT_DOWNLOAD_FILE_WRITE_ERROR = 11
    RESULT_REDIRECT_LIMIT_REACHED = 12
    RESULT_TIMEOUT = 13

    def request(self, url: str, custom_headers: Any = None,
                method: int = HTTPClient.METHOD_GET, request_data: str = "") -> int:
        data = str(request_data).encode("utf-8", "surrogatepass")
        return self._gd_start(url, custom_headers, method, data)

    def request_raw(self, url: str, custom_headers: Any = None,
                    method: int = HTTPClient.METHOD_GET, request_data_raw: Any = None) -> int:
        return self._gd_start(url, custom_headers, method, bytes(request_data_raw or b""))

    def set_tls_options(self, client_options: Any) -> None:
        if client_options is None or client_options.is_server():
            self._gd_error("p_options.is_null() || p_options->is_server()")
            return
        self._gd_tls_options = client_options

    def set_accept_gzip(self, enable: bool) -> None:
        self._gd_accept_gzip = bool(enable)

    def is_accepting_gzip(self) -> bool:
        return self._gd_accept_gzip

    accept_gzip = property(is_accepting_gzip, set_accept_gzip)


class HTTPRequest3(Node3Mixin, _HTTPRequestBase):
    """Godot 3's HTTPRequest: ``ssl_validate_domain`` argument, no gzip, 3.x URL parsing."""

    GODOT_NAME = "HTTPRequest"
    _CLIENT_CLASS = HTTPClient3
    _TIMER_CLASS = Timer3
    _DEFAULT_CHUNK_SIZE = 4096  # what Godot 3.2.3 reports (the 3.5 docs say 65536)
    _GZIP = False
    RESULT_SUCCESS = 0
    RESULT_CHUNKED_BODY_SIZE_MISMATCH = 1
    RESULT_CANT_CONNECT = 2
    RESULT_CANT_RESOLVE = 3
    RESULT_CONNECTION_ERROR = 4
    RESULT_SSL_HANDSHAKE_ERROR = 5
    RESULT_NO_RESPONSE = 6
    RESULT_BODY_SIZE_LIMIT_EXCEEDED = 7
    RESULT_REQUEST_FAILED = 8
    RESULT_DOWNLOAD_FILE_CANT_OPEN = 9
    RESULT_DOWNLOAD_FILE_WRITE_ERROR = 10
    RESULT_REDIRECT_LIMIT_REACHED = 11
    RESULT_TIMEOUT = 12

    def request(self, url: str, custom_headers: Any = None, ssl_validate_domain: bool = True,
                method: int = HTTPClient.METHOD_GET, request_data: str = "") -> int:
        self._gd_validate_domain = bool(ssl_validate_domain)
        data = str(request_data).encode("utf-8", "surrogatepass")
        return self._gd_start(url, custom_headers, method, data)

    def request_raw(self, url: str, custom_headers: Any = None, ssl_validate_domain: bool = True,
                    method: int = HTTPClient.METHOD_GET, request_data_raw: Any = None) -> int:
        self._gd_validate_domain = bool(ssl_validate_domain)
        return self._gd_start(url, custom_headers, method, bytes(request_data_raw or b""))

    def _gd_set_url(self, url: str) -> int:
        """Godot 3's _parse_url: scheme (any case), then host[:port] up to the first '/'."""
        lower = url.lower()
        if not lower.startswith(("http://", "https://")):
            self._gd_error(None, message=f"Malformed URL: {url}.")
            return ERR_INVALID_PARAMETER
        tls = lower.startswith("https://")
        rest = url[8:] if tls else url[7:]
        slash = rest.find("/")
        host, path = (rest, "/") if slash == -1 else (rest[:slash], rest[slash:])
        port = 443 if tls else 80
        colon = host.rfind(":") if host.startswith("[") else host.find(":")
        if colon != -1 and not host.endswith("]"):
            port = _godot3_to_int(host[colon + 1:])
            host = host[:colon]
            if port < 1 or port > 65535:
                self._gd_error("port < 1 || port > 65535", "ERR_INVALID_PARAMETER")
                return ERR_INVALID_PARAMETER
        host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
        self._gd_url = (tls, host, port, path)
        return OK

    def _gd_connect(self) -> int:
        tls, host, port, _path = self._gd_url
        if ":" in host:
            host = f"[{host}]"
        return self._gd_client.connect_to_host(host, port, tls, self._gd_validate_domain)


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"HTTPRequest": HTTPRequest}
GODOT_CLASSES_3 = {"HTTPRequest": HTTPRequest3}
