"""The HTTP programs of the Godot 3 corpus, their loopback server, and the HTTPRequest docs.

``tests/gd/godot3/http_*.gd`` are differential tests: their ``.out`` files are what
real Godot 3.2.3 printed talking to ``capture_godot3``'s loopback server
(``tests/test_godot3_expectations.py`` checks they still are); here each program
runs under ``gdscript run --godot 3`` and must print the same.  The server itself
must answer the same bytes on every run.  The last part runs the HTTPRequest
examples of Godot's docs (``/work/shared/docs``) offline, as ``gdscript doctest
--offline`` does, and checks what they print.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
from pathlib import Path

import pytest
from gdscript import docsnippets, doctest_run
from gdscript.doctest import read_fixtures
from gdscript.fixture_server import _release
from gdscript.network_options import apply_network_options
from gdscript.stdlib.http_client import HTTPClient3, _HTTPClientBase

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
DOCS = Path("/work/shared/docs")
HTTP_FIXTURES = Path(__file__).parent / "doctest_samples" / "http_fixtures.gd"


def load_script(name: str):
    """Import scripts/<name>.py (scripts/ is not a package); reuse an earlier import."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


capture = load_script("capture_godot3")
corpus = load_script("corpus_godot3")
HTTP_TESTS = [t for t in capture.corpus_tests() if capture.needs_http_server(t)]


def exchange(request: bytes, port: int, wait_for: int = 1) -> bytes:
    """Send raw request bytes, read until ``wait_for`` responses (blank-line heads) came."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request)
        data = b""
        while data.count(b"HTTP/1.1 ") < wait_for or not data.endswith((b"\n", b"\r\n\r\n")):
            piece = sock.recv(65536)
            if not piece:
                break
            data += piece
        return data


# * The loopback server -------------------------------------------------------------


@pytest.fixture(scope="module")
def port():
    return capture.shared_http_server().port


class TestCorpusServer:
    def test_the_server_is_shared(self, port):
        assert capture.shared_http_server().port == port

    def test_only_http_programs_get_the_ports(self, port):
        refused = capture.shared_http_server().refused_port
        assert capture.script_arguments(Path("http_x.gd")) == [str(port), str(refused)]
        assert capture.script_arguments(Path("string_format.gd")) == []

    def test_the_refused_port_refuses(self):
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", capture.shared_http_server().refused_port), 5)

    def test_content_length_answer_has_no_date_and_exact_length(self, port):
        data = exchange(b"GET /hello HTTP/1.1\r\nHost: x\r\n\r\n", port)
        head, body = data.split(b"\r\n\r\n", 1)
        assert head.startswith(b"HTTP/1.1 200 OK\r\n")
        assert b"date:" not in head.lower() and b"server:" not in head.lower()
        assert f"Content-Length: {len(capture.HELLO_BODY)}".encode() in head
        assert body == capture.HELLO_BODY

    def test_same_bytes_every_time(self, port):
        request = b"GET /chunked HTTP/1.1\r\n\r\n"
        assert exchange(request, port) == exchange(request, port)

    def test_chunked_answer_holds_one_chunk_per_piece(self, port):
        data = exchange(b"GET /chunked HTTP/1.1\r\n\r\n", port)
        for piece in capture.CHUNKS:
            assert b"%x\r\n%s\r\n" % (len(piece), piece) in data
        assert data.endswith(b"0\r\n\r\n")

    def test_keep_alive_requests_are_counted_per_connection(self, port):
        data = exchange(b"GET /count HTTP/1.1\r\n\r\n" * 2, port, wait_for=2)
        assert b"request 1 on this connection" in data
        assert b"request 2 on this connection" in data
        assert b"request 1 " in exchange(b"GET /count HTTP/1.1\r\n\r\n", port)

    def test_head_announces_the_length_without_a_body(self, port):
        data = exchange(b"HEAD /hello HTTP/1.1\r\n\r\n", port)
        assert data.endswith(b"\r\n\r\n")
        assert f"Content-Length: {len(capture.HELLO_BODY)}".encode() in data

    def test_echo_hides_the_port_and_the_build(self, port):
        request = (f"PUT /echo HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                   "User-Agent: GodotEngine/3.2.3.stable (Server)\r\nX-A:  b \r\n"
                   "Content-Length: 3\r\n\r\na\x01b").encode()
        body = exchange(request, port).split(b"\r\n\r\n", 1)[1].decode()
        assert "Host: 127.0.0.1:PORT\n" in body
        assert "User-Agent: GodotEngine/...\n" in body
        assert "X-A:  b \n" in body  # header values as sent
        assert body.endswith("body (3 bytes): a\\x01b\n")

    def test_unknown_path_is_a_404(self, port):
        data = exchange(b"GET /nope?a=1 HTTP/1.1\r\n\r\n", port)
        assert data.startswith(b"HTTP/1.1 404 Not Found\r\n")
        assert data.endswith(b"no route for /nope?a=1\n")


# * Differential programs -------------------------------------------------------------


class TestHTTPProgramsMatchGodot3:
    def test_every_case_is_there_with_godots_output(self):
        stems = {t.stem for t in HTTP_TESTS}
        assert {"http_get_content_length", "http_get_chunked", "http_not_found",
                "http_connect_errors", "http_post_form", "http_request_raw_put", "http_head",
                "http_keep_alive", "http_headers_dict", "http_status_sequence",
                "http_request_node"} <= stems
        assert all(capture.expectation_files(t)["out"].exists() for t in HTTP_TESTS)

    @pytest.mark.parametrize("test", HTTP_TESTS, ids=[t.stem for t in HTTP_TESTS])
    def test_gdscript_prints_what_godot3_printed(self, test):
        _, same, diff = corpus.compare(test)
        assert same, diff

    def test_3x_writes_host_first_4x_after_the_user_headers(self):
        assert HTTPClient3._HOST_FIRST and not _HTTPClientBase._HOST_FIRST


# * HTTPRequest examples of Godot's docs -----------------------------------------------


class TestImpliedChildren:
    def test_a_node_class_path_becomes_a_child_of_that_class(self):
        text = '$HTTPRequest.request("x")\nget_node("Timer").start()\n$HTTPRequest.cancel_request()'
        assert doctest_run.implied_children(text, (), 4) == (
            ("$HTTPRequest", "HTTPRequest.new()"), ("$Timer", "Timer.new()"))

    def test_both_dialects(self):
        assert doctest_run.implied_children("$HTTPRequest.request(u)", (), 3) == (
            ("$HTTPRequest", "HTTPRequest.new()"),)

    def test_not_classes_paths_and_quoted_names_are_left_alone(self):
        text = '$Player.jump()\n$HTTPRequest/Child.x()\n$"HTTPRequest".y()\n$Vector2.z()'
        assert doctest_run.implied_children(text, (), 4) == ()

    def test_a_fixture_child_of_that_name_wins(self):
        fixtures = (("$HTTPRequest", "Node.new()"),)
        assert doctest_run.implied_children("$HTTPRequest.x()", fixtures, 4) == ()


DOC_PAGES = [DOCS / f"{v}/{p}" for v in ("3.x", "4.x")
             for p in ("tutorials/networking/http_request_class.rst",
                       "classes/class_httprequest.rst")]


def doc_blocks():
    if not all(page.exists() for page in DOC_PAGES):
        return []
    return list(docsnippets.extract_from_paths([str(p) for p in DOC_PAGES]))


@pytest.fixture(scope="module")
def offline():
    undo = apply_network_options(True, [], None)
    yield
    undo()


@pytest.fixture
def printed(monkeypatch):
    lines: list[str] = []
    original = doctest_run.Capture.out

    def out(self, text):
        lines.append(text)
        original(self, text)

    monkeypatch.setattr(doctest_run.Capture, "out", out)
    return lines


def run_doc_block(block) -> doctest_run.Outcome:
    fixtures, helpers = read_fixtures(str(HTTP_FIXTURES))
    options = doctest_run.RunOptions(fixtures=tuple(fixtures), helpers=helpers, timeout=20)
    return doctest_run.run_block(block, options)


@pytest.mark.skipif(not doc_blocks(), reason="Godot's docs are not in /work/shared/docs")
class TestHTTPRequestDocs:
    def block(self, version: str, page: str, needle: str):
        path = str(DOCS / version / page)
        found = [b for b in doc_blocks() if b.path == path and needle in b.text]
        assert len(found) == 1
        return found[0]

    def test_tutorial_4x_prints_the_release_name(self, offline, printed):
        block = self.block("4.x", "tutorials/networking/http_request_class.rst", "json[\"name\"]")
        outcome = run_doc_block(block)
        assert outcome.status == "PASS", outcome.reason
        assert printed == [_release("godotengine", "godot")["name"]]

    def test_tutorial_4x_post_fragment_runs_with_the_fixtures_file(self, offline):
        block = self.block("4.x", "tutorials/networking/http_request_class.rst", "data_to_send")
        outcome = run_doc_block(block)
        assert outcome.status == "PASS", outcome.reason

    @pytest.mark.parametrize("needle", ["_on_request_completed", "YourCustomUserAgent",
                                        "_make_post_request"])
    def test_tutorial_3x_blocks_find_their_httprequest_child(self, offline, needle):
        block = self.block("3.x", "tutorials/networking/http_request_class.rst", needle)
        outcome = run_doc_block(block)
        assert outcome.status == "PASS", outcome.reason
        assert not any("Node not found" in w for w in outcome.warnings)

    @pytest.mark.parametrize("version", ["3.x", "4.x"])
    def test_class_reference_example_prints_the_user_agent(self, offline, printed, version):
        block = self.block(version, "classes/class_httprequest.rst", "User-Agent")
        outcome = run_doc_block(block)
        assert outcome.status == "PASS", outcome.reason
        assert len(printed) == 1 and printed[0].startswith("GodotEngine/")
        if version == "3.x":
            assert printed == [HTTPClient3()._user_agent()]
