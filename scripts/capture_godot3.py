#!/usr/bin/env python3
"""Capture (or check) what real Godot 3.2.3 prints for the Godot 3 differential corpus.

The corpus lives in ``tests/gd/godot3/``.  It holds small GDScript 3 programs
written for this project, each beside the output real Godot 3 gave for it; the
project's interpreter must reproduce that output with ``gdscript run --godot 3``.

Files of the corpus
-------------------
``<topic>_<name>.gd``
    A test program.  It ``extends SceneTree``, works from ``_init()`` (or from
    frames, timers and yields started there) and ends with ``quit()`` or
    ``quit(code)``.  Topics: array, class, dict, error, float, global, http, int,
    loop, match, math, pool, print, random, signal, string, yield.  Files named
    ``error_*.gd`` provoke errors on purpose (runtime errors are raised inside
    a helper function: in Godot 3 an error aborts only the function it
    happens in, which returns null; an error in ``_init`` itself would skip
    ``quit()`` and hang).  Tests never print object ids, paths or timings.
``http_<name>.gd``
    An HTTP program: it talks to the loopback server of this script (see "Loopback
    HTTP server" below), whose port and a port that refuses connections are its
    last two command-line arguments (``http_util.helper.gd`` reads them).
``<name>.helper.gd``
    A script used by tests (``extends "res://x.helper.gd"``, ``load``,
    ``preload``); never run on its own.
``<name>.out``
    Godot's stdout minus its 2-line banner (``Godot Engine v3.2.3...`` and a
    line holding one space), byte for byte.  Always present, possibly empty.
``<name>.err``
    Godot's stderr after filtering (see below); only written when not empty.
``<name>.code``
    The exit code followed by a newline; only written when it is not 0.

How a test runs
---------------
Every ``.gd`` file of the corpus (tests and helpers) is copied into a fresh
temporary directory, which becomes both the working directory and the project
folder: ``godot3-server --no-window --path TMP -s <name>.gd``.  So ``res://`` is
that folder, ``res://<name>.gd`` is the test itself, and files Godot writes
(``logs/``, ``user://``) never land in the repository.  The environment is
reduced to ``PATH``, ``HOME`` (the temporary directory) and
``LANG=en_US.UTF-8``: with ``LANG=C`` or ``C.UTF-8`` Godot 3 prints two
``Invalid locale`` errors on stderr; ``en_US.UTF-8`` silences them (Godot reads
``LANG`` itself, the locale need not be installed).  Each run is limited to
20 seconds; a run that times out is an error of the test, never captured.

Loopback HTTP server
--------------------
While ``http_`` programs run, a threaded server listens on 127.0.0.1 (port chosen
by the system, one per process, shared by parallel runs).  Its answers are fixed
bytes without Date or Server headers: ``/hello`` and ``/big`` (1000 bytes) with
Content-Length, ``/chunked``
(three chunks), ``/count`` (the number of the request on its connection, for
keep-alive), ``/headers`` (repeated and lower-case header names),
``/redirect/<path>`` (302 to ``/<path>``), ``/echo`` (the
request as received, the port shown as ``PORT`` and the User-Agent cut to its
product name, which names the build), anything else 404.  HEAD gets the head only.

Filtering of stderr
-------------------
Godot reports an error as a message line followed by a location line:

* script errors: ``SCRIPT ERROR: <func>: <message>`` then
  ``   At: res://<file>.gd:<line>.`` -- both kept as they are;
* engine errors and warnings: ``ERROR: <func>: <message>`` (or ``WARNING:``)
  then ``   At: <c++ file>:<line>.`` (``core/...cpp``, ``scene/...``,
  ``modules/...``).  The C++ location is specific to the build, so every
  ``   At: `` line that does not point into ``res://`` is dropped; the
  ``ERROR:``/``WARNING:`` line itself is kept.

Everything else on stderr (``printerr`` output, for one) is kept verbatim.

Usage
-----
``scripts/capture_godot3.py [FILES or DIRS...] [--check] [--jobs N]``

Without paths the whole corpus is processed.  Default mode writes the
expectation files (and removes stale ``.err``/``.code`` files); ``--check``
compares instead, prints a diff for each difference and exits 1 if any.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "gd" / "godot3"
GODOT = "godot3-server"
TIMEOUT_SECONDS = 20
HELPER_SUFFIX = ".helper.gd"
BANNER_PREFIX = "Godot Engine v3."
BUILD_LOCATION = re.compile(r"^   At: (?!res://).*$")


class CaptureError(Exception):
    """A test could not be captured (timeout, missing banner, missing Godot)."""


@dataclass(frozen=True)
class Outcome:
    """What Godot printed for one test, already filtered."""

    stdout: str
    stderr: str
    exit_code: int


def godot_available() -> bool:
    """True when the Godot 3 server binary is on PATH."""
    return shutil.which(GODOT) is not None


def is_test(path: Path) -> bool:
    """A corpus program that runs on its own (not a helper)."""
    return path.suffix == ".gd" and not path.name.endswith(HELPER_SUFFIX)


def corpus_tests(corpus: Path = CORPUS_DIR) -> list[Path]:
    """Every test program of the corpus, sorted by name."""
    return sorted(p for p in corpus.glob("*.gd") if is_test(p))


def strip_banner(stdout: str) -> str:
    """Remove Godot's 2-line banner; raise if it is not there."""
    lines = stdout.split("\n", 2)
    if len(lines) < 2 or not lines[0].startswith(BANNER_PREFIX) or lines[1].strip():
        raise CaptureError(f"unexpected start of stdout: {stdout[:120]!r}")
    return lines[2] if len(lines) == 3 else ""


def filter_stderr(stderr: str) -> str:
    """Drop the build-specific C++ location lines of engine errors."""
    kept = [line for line in stderr.splitlines(keepends=True) if not BUILD_LOCATION.match(line)]
    return "".join(kept)


def godot_environment(home: str) -> dict[str, str]:
    """The whole environment Godot runs with."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "LANG": "en_US.UTF-8"}


def run_test(test: Path) -> Outcome:
    """Run one test under real Godot 3 from a scratch copy of its folder."""
    with tempfile.TemporaryDirectory(prefix="godot3-corpus-") as scratch:
        for script in test.parent.glob("*.gd"):
            shutil.copyfile(script, Path(scratch) / script.name)
        command = [GODOT, "--no-window", "--path", scratch, "-s", test.name]
        command += script_arguments(test)
        try:
            done = subprocess.run(
                command, cwd=scratch, env=godot_environment(scratch), capture_output=True,
                timeout=TIMEOUT_SECONDS, check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise CaptureError(f"{test.name}: no exit within {TIMEOUT_SECONDS} s") from exc
        except FileNotFoundError as exc:
            raise CaptureError(f"{GODOT} is not installed") from exc
    stdout = strip_banner(done.stdout.decode("utf-8", errors="replace"))
    stderr = filter_stderr(done.stderr.decode("utf-8", errors="replace"))
    return Outcome(stdout, stderr, done.returncode)


# * Loopback HTTP server for the http_*.gd programs ------------------------------
#
# Programs whose name starts with ``http_`` talk to this server, which answers
# fixed routes byte for byte (no Date or Server header), so what a program
# prints does not depend on time.  It listens on 127.0.0.1 on a port chosen by
# the system, started once per process and shared by parallel runs.  A program
# gets two command-line arguments (``OS.get_cmdline_args()``): the server's port,
# then a port that refuses connections (bound, never listening).

HTTP_PREFIX = "http_"
MAX_REQUESTS_PER_CONNECTION = 50
SOCKET_TIMEOUT_SECONDS = 10
HEAD_LIMIT = 64 * 1024
HELLO_BODY = b"Hello from the corpus server!\n"
CHUNKS = (b"alpha ", b"beta ", b"gamma\n")
BIG_BODY = b"0123456789" * 100  # larger than the smallest read_chunk_size (256)
HEADERS_ROUTE = (
    ("Content-Type", "text/plain; charset=utf-8"), ("X-Corpus", "yes"),
    ("X-Repeated", "first"), ("X-Repeated", "second"), ("x-lower-case", "kept  as sent"),
)


def needs_http_server(test: Path) -> bool:
    """True for the corpus programs that talk to the loopback HTTP server."""
    return test.name.startswith(HTTP_PREFIX)


def script_arguments(test: Path) -> list[str]:
    """Extra command-line arguments for a test: the two ports for http_ programs."""
    if not needs_http_server(test):
        return []
    server = shared_http_server()
    return [str(server.port), str(server.refused_port)]


def http_response(status: str, headers, body: bytes = b"", head_only: bool = False) -> bytes:
    """A response with Content-Length (the body left out for HEAD)."""
    lines = [f"HTTP/1.1 {status}", *(f"{name}: {value}" for name, value in headers),
             f"Content-Length: {len(body)}"]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")
    return head if head_only else head + body


def chunked_response() -> bytes:
    """The /chunked response: one HTTP chunk per element of CHUNKS."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in CHUNKS)
    return head + chunks + b"0\r\n\r\n"


def echo_body(request_line: str, headers: list[tuple[str, str]], body: bytes, port: int) -> bytes:
    """What /echo answers: the request as received, body bytes escaped.

    Header lines are echoed as sent, except two values that vary between runs
    or builds: the server's port (``PORT``) and the User-Agent, of which only
    the product name is kept.
    """
    lines = [request_line]
    for name, value in headers:
        if name.lower() == "user-agent":
            value = value.split("/", 1)[0] + "/..."
        lines.append(f"{name}:{value}".replace(f":{port}", ":PORT"))
    shown = "".join(chr(b) if 32 <= b < 127 else f"\\x{b:02x}" for b in body)
    return ("\n".join(lines) + f"\nbody ({len(body)} bytes): {shown}\n").encode("utf-8")


def route(method: str, target: str, request_line: str, headers, body: bytes, served: int,
          port: int) -> bytes:
    """The response bytes for one request; ``served`` counts requests on this connection."""
    head_only = method == "HEAD"
    plain = [("Content-Type", "text/plain")]
    path = target.split("?", 1)[0]
    if path == "/hello":
        return http_response("200 OK", plain, HELLO_BODY, head_only)
    if path.startswith("/redirect/"):
        where = path[len("/redirect/"):]
        moved = [("Location", "/" + where)]
        return http_response("302 Found", moved, b"", head_only)
    if path == "/big":
        return http_response("200 OK", plain, BIG_BODY, head_only)
    if path == "/chunked" and not head_only:
        return chunked_response()
    if path == "/echo":
        echoed = echo_body(request_line, headers, body, port)
        return http_response("200 OK", plain, echoed, head_only)
    if path == "/count":
        text = f"request {served} on this connection\n".encode("ascii")
        return http_response("200 OK", plain, text, head_only)
    if path == "/headers":
        return http_response("200 OK", HEADERS_ROUTE, b"see the headers\n", head_only)
    return http_response("404 Not Found", plain, f"no route for {target}\n".encode(), head_only)


class _CorpusHandler(socketserver.StreamRequestHandler):
    """Serves requests on one connection until the client closes it (keep-alive)."""

    def handle(self) -> None:
        self.connection.settimeout(SOCKET_TIMEOUT_SECONDS)
        for served in range(1, MAX_REQUESTS_PER_CONNECTION + 1):
            try:
                request = self.read_request()
            except (OSError, ValueError):
                return
            if request is None:
                return
            self.wfile.write(route(*request, served, self.server.server_address[1]))
            self.wfile.flush()

    def read_request(self):
        """(method, target, request line, headers, body), or None at end of stream."""
        request_line = self.rfile.readline(HEAD_LIMIT).decode("utf-8").rstrip("\r\n")
        if not request_line:
            return None
        headers = []
        while True:
            line = self.rfile.readline(HEAD_LIMIT).decode("utf-8").rstrip("\r\n")
            if not line:
                break
            name, _, value = line.partition(":")
            headers.append((name, value))
        lengths = [int(v) for n, v in headers if n.lower() == "content-length"]
        body = self.rfile.read(lengths[-1]) if lengths else b""
        method, target = (request_line.split(" ") + ["", ""])[:2]
        return method, target, request_line, headers, body


class CorpusHTTPServer(socketserver.ThreadingTCPServer):
    """The loopback server; ``port`` is where it listens on 127.0.0.1, ``refused_port``
    a port where connections are refused."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CorpusHandler)
        self.port = self.server_address[1]
        self._refusing = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._refusing.bind(("127.0.0.1", 0))
        self.refused_port = self._refusing.getsockname()[1]
        threading.Thread(target=self.serve_forever, name="corpus-http", daemon=True).start()


_SERVER_LOCK = threading.Lock()
_SERVER: list[CorpusHTTPServer] = []


def shared_http_server() -> CorpusHTTPServer:
    """The process-wide server, started on first use."""
    with _SERVER_LOCK:
        if not _SERVER:
            _SERVER.append(CorpusHTTPServer())
        return _SERVER[0]


def expectation_files(test: Path) -> dict[str, Path]:
    """The .out/.err/.code paths belonging to a test."""
    stem = test.with_suffix("")
    return {kind: Path(f"{stem}.{kind}") for kind in ("out", "err", "code")}


def read_expectation(test: Path) -> Outcome:
    """The stored expectation of a test (missing files mean empty / 0)."""
    files = expectation_files(test)
    if not files["out"].exists():
        raise CaptureError(f"{test.name}: no stored {files['out'].name}")
    err = files["err"].read_text(encoding="utf-8") if files["err"].exists() else ""
    code = int(files["code"].read_text(encoding="utf-8")) if files["code"].exists() else 0
    return Outcome(files["out"].read_text(encoding="utf-8"), err, code)


def write_expectation(test: Path, outcome: Outcome) -> None:
    """Store an outcome beside its test, removing files that must not exist."""
    files = expectation_files(test)
    files["out"].write_text(outcome.stdout, encoding="utf-8", newline="")
    code = f"{outcome.exit_code}\n" if outcome.exit_code else ""
    optional = {"err": outcome.stderr, "code": code}
    for kind, text in optional.items():
        if text:
            files[kind].write_text(text, encoding="utf-8", newline="")
        elif files[kind].exists():
            files[kind].unlink()


def describe_difference(test: Path, expected: Outcome, actual: Outcome) -> str:
    """A readable diff between a stored and a fresh outcome ('' when equal)."""
    parts = []
    for kind in ("stdout", "stderr"):
        want, got = getattr(expected, kind), getattr(actual, kind)
        if want != got:
            diff = difflib.unified_diff(
                want.splitlines(keepends=True), got.splitlines(keepends=True),
                f"{test.name} {kind} (stored)", f"{test.name} {kind} (godot3)",
            )
            parts.append("".join(diff))
    if expected.exit_code != actual.exit_code:
        codes = f"{expected.exit_code} stored, {actual.exit_code} now"
        parts.append(f"{test.name}: exit code {codes}\n")
    return "".join(parts)


def collect_tests(arguments: list[str]) -> list[Path]:
    """Tests named on the command line (files or folders), or the whole corpus."""
    if not arguments:
        return corpus_tests()
    tests: list[Path] = []
    for argument in arguments:
        path = Path(argument).resolve()
        if not path.exists():
            raise SystemExit(f"no such file or folder: {argument}")
        tests.extend(corpus_tests(path) if path.is_dir() else [path] if is_test(path) else [])
    return tests


def process(test: Path, check: bool) -> str:
    """Capture or check one test; return a message ('' when nothing to report)."""
    try:
        actual = run_test(test)
        if not check:
            write_expectation(test, actual)
            return ""
        return describe_difference(test, read_expectation(test), actual)
    except CaptureError as exc:
        return f"ERROR {exc}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("paths", nargs="*", help="test files or folders (default: the corpus)")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--jobs", type=int, default=2, help="parallel Godot runs (default 2)")
    options = parser.parse_args(argv)
    if not godot_available():
        print(f"{GODOT} is not installed", file=sys.stderr)
        return 2
    tests = collect_tests(options.paths)
    with ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        messages = list(pool.map(lambda test: process(test, options.check), tests))
    for message in messages:
        sys.stdout.write(message)
    failures = sum(1 for message in messages if message)
    verb = "checked" if options.check else "captured"
    print(f"{verb} {len(tests)} tests, {failures} with problems", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
