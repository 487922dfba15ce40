"""The sandbox refuses every way out, with a GDScript error or an engine error."""

from __future__ import annotations

import textwrap
import time

import pytest
from gdscript.api import run_source
from gdscript.sandbox import sandboxed


def run_sandboxed(body: str) -> tuple[int, str, str]:
    src = "extends SceneTree\nfunc _init():\n" + textwrap.indent(
        textwrap.dedent(body).strip("\n"), "\t") + "\n\tprint(\"end\")\n\tquit()\n"
    with sandboxed():
        r = run_source(src, dialect=4, timeout=20)
    return r.exit_code, r.stdout, r.stderr


class TestPythonInternals:
    @pytest.mark.parametrize("expr", ['get("__class__")', 'get("_gd_script")',
                                      'get("__dict__")', 'get("__init__")'])
    def test_reflection_does_not_reach_python(self, expr: str) -> None:
        _, out, _ = run_sandboxed(f"print({expr})")
        assert out == "<null>\nend\n"

    def test_call_of_a_dunder_is_an_unknown_method(self) -> None:
        code, out, err = run_sandboxed('call("__init__")')
        assert out == "" and code == 1
        assert "Nonexistent function '__init__'" in err

    def test_member_access_of_a_dunder_fails(self) -> None:
        _, out, err = run_sandboxed('var s = "x"\nprint(s.__class__)')
        assert out == ""
        assert "Invalid access to property or key '__class__'" in err


class TestProcesses:
    @pytest.mark.parametrize("call", ['OS.execute("ls", [])', 'OS.create_process("ls", [])',
                                      'OS.shell_open("file:///etc/passwd")', "OS.kill(1)"])
    def test_refused(self, call: str) -> None:
        code, out, err = run_sandboxed(f"print({call})")
        assert out == "" and code == 1
        assert "is not allowed in a sandboxed run" in err


class TestFiles:
    @pytest.mark.parametrize("path", ["/etc/passwd", "res://../../etc/passwd",
                                      "user://../../../etc/passwd"])
    def test_paths_outside_the_project_are_refused(self, path: str) -> None:
        _, out, err = run_sandboxed(f'print(FileAccess.open("{path}", FileAccess.READ))')
        assert out == "<null>\nend\n"
        assert "is not allowed in a sandboxed run" in err

    @pytest.mark.parametrize("code", [
        'X509Certificate.new().load("/etc/ssl/certs/ca-certificates.crt")',
        'CryptoKey.new().load("res://../../etc/ssl/private/key.pem")',
        'Crypto.new().generate_self_signed_certificate(Crypto.new().generate_rsa(1024))'
        '.save("/tmp/escape.crt")'])
    def test_certificates_and_keys_obey_the_file_policy(self, code: str) -> None:
        _, out, err = run_sandboxed(f"print({code})")
        assert out.splitlines()[0] != "0"  # not OK
        assert "is not allowed in a sandboxed run" in err

    def test_user_files_still_work(self) -> None:
        _, out, _ = run_sandboxed("""
            var f = FileAccess.open("user://note.txt", FileAccess.WRITE)
            f.store_string("kept")
            f.close()
            print(FileAccess.get_file_as_string("user://note.txt"))
            """)
        assert out == "kept\nend\n"


class TestNetwork:
    def test_only_loopback(self) -> None:
        _, out, err = run_sandboxed("""
            var http = HTTPClient.new()
            print(http.connect_to_host("example.invalid", 80) == ERR_CANT_CONNECT)
            print(http.get_status() == HTTPClient.STATUS_CANT_CONNECT)
            """)
        assert out == "true\ntrue\nend\n"
        assert "refused in the sandbox" in err

    def test_loopback_allowed(self) -> None:
        _, out, _ = run_sandboxed("""
            var http = HTTPClient.new()
            print(http.connect_to_host("127.0.0.1", 9) == OK)
            """)
        assert out == "true\nend\n"


def test_settings_are_restored_after_the_block() -> None:
    from gdscript.stdlib import files, http_client, system

    with sandboxed():
        assert system.SANDBOX[0] and files.POLICY.confined and http_client.LOOPBACK_ONLY[0]
    assert not (system.SANDBOX[0] or files.POLICY.confined or http_client.LOOPBACK_ONLY[0])


def run_limited(src: str, timeout: float = 1.0, max_memory: float | None = None,
                dialect: int = 4) -> tuple[int, str, str, float]:
    started = time.monotonic()
    with sandboxed(max_memory=max_memory):
        r = run_source(textwrap.dedent(src).lstrip("\n"), dialect=dialect, timeout=timeout)
    return r.exit_code, r.stdout, r.stderr, time.monotonic() - started


TIMEOUT_MESSAGE = "gdscript: timeout: the script ran longer than 1 s\n"


class TestTimeout:
    """--timeout is wall-clock time and stops code that never yields to the main loop."""

    @pytest.mark.parametrize("src", [
        """
        extends SceneTree
        func _init():
        \twhile true:
        \t\tpass
        """,
        """
        extends SceneTree
        func spin():
        \tvar i = 0
        \twhile true:
        \t\ti += 1
        func _init():
        \tspin()
        \tprint("not reached")
        """,
        """
        extends Node
        func _ready():
        \tvar total = 0
        \tfor i in range(100000000000):
        \t\ttotal += i
        \tprint(total)
        """,
        """
        extends SceneTree
        var frames = 0
        func _process(delta):
        \tframes += 1
        """,
    ], ids=["while in _init", "while in a function", "long for in _ready", "endless frames"])
    def test_stops_the_run(self, src: str) -> None:
        code, out, err, elapsed = run_limited(src)
        assert (code, out, err) == (1, "", TIMEOUT_MESSAGE)
        assert elapsed < 10

    def test_godot3_loop(self) -> None:
        code, _, err, _ = run_limited("""
            extends SceneTree
            func _init():
            \twhile true:
            \t\tvar a = [1, 2]
            """, dialect=3)
        assert (code, err) == (1, TIMEOUT_MESSAGE)


class TestStackOverflow:
    def test_endless_recursion_is_godots_error(self) -> None:
        code, out, err, _ = run_limited("""
            extends SceneTree
            func down(n):
            \tdown(n + 1)
            func _init():
            \tdown(0)
            \tprint("after")
            \tquit()
            """, timeout=20)
        first = err.splitlines()[:2]
        # Godot reports the overflow at the called function's first line (_initial_line).
        assert first[0].startswith("SCRIPT ERROR: Stack overflow")
        assert first[0].endswith("Check for infinite recursion in your script.")
        assert first[1] == "   at: down (res://main.gd:2)"
        assert (code, out) == (0, "after\n")


GROWING = """
    extends SceneTree
    func grow(a):
    \twhile true:
    \t\ta.append("x".repeat(1000) + str(a.size()))
    func _init():
    \tvar a = []
    \tgrow(a)
    \tprint("not reached")
    \tquit()
    """


class TestMemoryCeiling:
    def test_a_growing_array_ends_the_run_with_a_located_error(self) -> None:
        code, out, err, _ = run_limited(GROWING, timeout=60, max_memory=48)
        assert out == ""
        assert err == ("SCRIPT ERROR: Out of memory: the script used more than 48 MB (the run's "
                       "memory limit).\n   at: grow (res://main.gd:4)\n")
        assert code == 1

    def test_doubling_in_godot3(self) -> None:
        code, _, err, _ = run_limited("""
            extends SceneTree
            func _init():
            \tvar a = [0]
            \twhile true:
            \t\ta += a
            """, timeout=60, max_memory=48, dialect=3)
        assert err.splitlines() == ["SCRIPT ERROR: _init: Out of memory: the script used more "
                                    "than 48 MB (the run's memory limit).",
                                    "   At: res://main.gd:5."]
        assert code == 1

    def test_settings_are_restored(self) -> None:
        import resource
        import signal

        before = (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGPROF))
        run_limited(GROWING, timeout=60, max_memory=32)
        assert (resource.getrlimit(resource.RLIMIT_AS), signal.getsignal(signal.SIGPROF)) \
            == before
        assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)

    def test_a_modest_script_is_unaffected(self) -> None:
        code, out, err, _ = run_limited("""
            extends SceneTree
            func _init():
            \tvar a = []
            \tfor i in 20000:
            \t\ta.append(str(i))
            \tprint(a.size(), " ", a[-1])
            \tquit()
            """, max_memory=48)
        assert (code, out, err) == (0, "20000 19999\n", "")


def test_doctest_blocks_run_under_the_ceiling(monkeypatch: pytest.MonkeyPatch) -> None:
    from gdscript import sandbox
    from gdscript.docsnippets import CodeBlock
    from gdscript.doctest_run import RunOptions, run_block

    monkeypatch.setattr(sandbox, "DEFAULT_MAX_MEMORY_MB", 40)
    text = "var a = []\nwhile true:\n\ta.append(\"x\".repeat(4096) + str(a.size()))\n"
    outcome = run_block(CodeBlock("page.md", 10, text, "gdscript", None, "fence"),
                        RunOptions(dialect=4, timeout=60))
    assert (outcome.status, outcome.reason) == (
        "ERROR", "Out of memory: the script used more than 40 MB (the run's memory limit).")
    assert outcome.line == 12  # the block's third line (its first one is line 10)
    assert outcome.details == ['    a.append("x".repeat(4096) + str(a.size()))']


def test_doctest_max_memory_option_sets_each_blocks_ceiling(tmp_path) -> None:
    from gdscript.cli import main

    page = tmp_path / "page.md"
    page.write_text("```gdscript\nvar a = []\nwhile true:\n\ta.append(\"x\".repeat(4096) + "
                    "str(a.size()))\n```\n", encoding="utf-8")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["doctest", "--max-memory", "36", "--timeout", "60", str(page)])
    assert code == 1
    assert "Out of memory: the script used more than 36 MB" in out.getvalue()
    assert out.getvalue().rstrip().endswith("0 passed, 1 failed, 0 skipped")
