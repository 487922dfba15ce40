"""The command line's network options: --offline, --resolve, --ca-file, serve-fixtures.

``apply_network_options(offline, resolve, ca_file)`` validates the options
(bad input raises UsageError with a message saying what was expected), then
installs them in the HTTP layer for the run and returns a function that undoes
it (overrides cleared, default trust store and fixture server stopped):

* ``--resolve HOST:PORT=ADDR:PORT`` (curl's --resolve, with ``=``): connections
  to HOST:PORT go to ADDR:PORT, before any name lookup.  PORT may be ``*``
  (any port); ``:PORT`` after ADDR may be left out (keep the requested port);
  IPv6 addresses go in brackets.
* ``--ca-file PEM``: the trust store becomes that file (certifi's bundle is no
  longer used).
* ``--offline``: starts the embedded FixtureServer and routes every host there
  (HTTP to its HTTP port, TLS to its HTTPS port); its CA is trusted for the run
  on top of the store above.  Loopback IP literals still go where they say, and
  ``--resolve`` entries win over the catch-all.  No request leaves the machine:
  without openssl (no HTTPS fixture) TLS connections go to the HTTP port and
  fail their handshake.

``serve_fixtures(port)`` is ``gdscript serve-fixtures [--port N]``: the same
server in the foreground, printing its URLs, until Ctrl-C.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from typing import TextIO

import certifi

from .errors import UsageError
from .fixture_server import FixtureServer

_RESOLVE_SYNTAX = "expected HOST:PORT=ADDR:PORT (e.g. example.com:443=127.0.0.1:8443)"
_HOST_PORT = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[^:\[\]=\s]+):(\*|[0-9]+)$")
_ADDRESS = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[^:\[\]=\s]+)(?::([0-9]+))?$")
_PEM_CERTIFICATE = re.compile(rb"-----BEGIN CERTIFICATE-----\s+[A-Za-z0-9+/=\s]+"
                              rb"-----END CERTIFICATE-----")

ResolveMap = dict[tuple[str, "int | None"], tuple[str, "int | None"]]


# * --resolve ------------------------------------------------------------------

def _port(text: str, entry: str) -> int:
    port = int(text)
    if not 1 <= port <= 65535:
        raise UsageError(f"Invalid --resolve value '{entry}': port {port} is out of range "
                         "(1-65535).")
    return port


def _unbracket(host: str) -> str:
    return host[1:-1] if host.startswith("[") else host


def parse_resolve(entry: str) -> tuple[tuple[str, int | None], tuple[str, int | None]]:
    """``HOST:PORT=ADDR[:PORT]`` -> ``((host, port|None), (addr, port|None))``."""
    source, sep, target = entry.partition("=")
    source_match = _HOST_PORT.match(source.strip()) if sep else None
    target_match = _ADDRESS.match(target.strip()) if sep else None
    if source_match is None or target_match is None:
        raise UsageError(f"Invalid --resolve value '{entry}': {_RESOLVE_SYNTAX}.")
    host, port_text = source_match.groups()
    addr, addr_port = target_match.groups()
    port = None if port_text == "*" else _port(port_text, entry)
    return ((_unbracket(host).lower(), port),
            (_unbracket(addr), None if addr_port is None else _port(addr_port, entry)))


def parse_resolve_list(entries: Iterable[str]) -> ResolveMap:
    mapping: ResolveMap = {}
    for entry in entries:
        key, target = parse_resolve(str(entry))
        mapping[key] = target
    return mapping


# * --ca-file --------------------------------------------------------------------

def read_ca_file(path: str) -> bytes:
    """The PEM file's bytes; UsageError unless it is a readable file with a certificate."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise UsageError(f"--ca-file: file not found: '{path}'.") from None
    except IsADirectoryError:
        raise UsageError(f"--ca-file: '{path}' is a directory, not a PEM file.") from None
    except OSError as error:
        raise UsageError(f"--ca-file: cannot read '{path}': {error.strerror}.") from None
    if not _PEM_CERTIFICATE.search(data):
        raise UsageError(f"--ca-file: '{path}' is not a PEM certificate file "
                         "(no -----BEGIN CERTIFICATE----- block).")
    return data


def _combined_store(parts: list[bytes]) -> str:
    """A temporary PEM bundle holding ``parts``; the caller deletes it."""
    with tempfile.NamedTemporaryFile("wb", prefix="gdscript-trust-", suffix=".pem",
                                     delete=False) as handle:
        for part in parts:
            handle.write(part.rstrip(b"\n") + b"\n")
    return handle.name


# * Applying the options -----------------------------------------------------------

def apply_network_options(offline: bool = False, resolve: Iterable[str] = (),
                          ca_file: str | None = None) -> Callable[[], None]:
    """Install the options for this run; returns the function that removes them again."""
    from .stdlib import http_client, tls  # the stdlib is imported only when used

    mapping = parse_resolve_list([resolve] if isinstance(resolve, str) else resolve)
    ca_data = read_ca_file(ca_file) if ca_file is not None else None
    server = _start_offline_server() if offline else None
    store, temporary = _trust_store(server, ca_file, ca_data)
    catch_all = _offline_route(server) if server is not None else None
    http_client.set_resolve_overrides(mapping, catch_all)
    tls.set_default_trust_store(store)

    def undo() -> None:
        http_client.set_resolve_overrides()
        tls.set_default_trust_store(None)
        if server is not None:
            server.stop()
        if temporary is not None:
            _remove(temporary)

    return undo


def _start_offline_server() -> FixtureServer:
    server = FixtureServer()
    try:
        server.start()
    except OSError as error:
        raise UsageError(f"--offline: cannot start the fixture server: {error}.") from None
    if server.tls_error:
        sys.stderr.write(f"Warning: --offline: {server.tls_error}; "
                         "HTTPS requests will fail.\n")
    return server


def _trust_store(server: FixtureServer | None, ca_file: str | None,
                 ca_data: bytes | None) -> tuple[str | None, str | None]:
    """(default trust store path or None for certifi, temporary file to delete or None)."""
    if server is None or server.ca_pem_path is None:
        return ca_file, None
    with open(server.ca_pem_path, "rb") as handle:
        fixture_ca = handle.read()
    if ca_data is None:
        with open(certifi.where(), "rb") as handle:
            ca_data = handle.read()
    path = _combined_store([fixture_ca, ca_data])
    return path, path


def _offline_route(server: FixtureServer) -> Callable[[str, int, bool], tuple[str, int]]:
    def route(host: str, port: int, tls: bool) -> tuple[str, int]:
        target = server.resolve_override(host, port, tls)
        # No HTTPS fixture: the HTTP port makes the handshake fail, still offline.
        return target if target is not None else (server.host, server.http_port or 9)

    return route


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


# * serve-fixtures -----------------------------------------------------------------

_ROUTES = ("/get", "/headers", "/post", "/put", "/patch", "/delete", "/anything",
           "/status/<code>", "/chunked", "/bytes/<n>", "/gzip", "/redirect/<n>", "/delay/<s>")


def serve_fixtures(port: int | None = None, stop: threading.Event | None = None,
                   out: TextIO | None = None) -> int:
    """Run the fixture server in the foreground until Ctrl-C (or ``stop`` is set); exit code."""
    out = out if out is not None else sys.stdout
    if port is not None and not 0 <= port <= 65535:
        raise UsageError(f"--port: {port} is out of range (0-65535).")
    server = FixtureServer(http_port=port or 0)
    try:
        http_port, https_port = server.start()
    except OSError as error:
        server.stop()
        raise UsageError(f"serve-fixtures: cannot listen on 127.0.0.1:{port}: "
                         f"{error.strerror or error}.") from None
    try:
        _print_banner(server, http_port, https_port, out)
        waiter = stop if stop is not None else threading.Event()
        while not waiter.wait(0.5):
            pass
    except KeyboardInterrupt:
        out.write("Stopped.\n")
    finally:
        server.stop()
    return 0


def _print_banner(server: FixtureServer, http_port: int, https_port: int | None,
                  out: TextIO) -> None:
    out.write(f"Serving fixtures on http://{server.host}:{http_port}/\n")
    if https_port is not None:
        out.write(f"                and https://{server.host}:{https_port}/ "
                  f"(CA: {server.ca_pem_path})\n")
    else:
        out.write(f"No HTTPS: {server.tls_error}\n")
    out.write(f"Routes: {' '.join(_ROUTES)}\n")
    out.write("Press Ctrl-C to stop.\n")
    out.flush()
