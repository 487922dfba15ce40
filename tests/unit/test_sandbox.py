"""The sandbox refuses every way out, with a GDScript error or an engine error."""

from __future__ import annotations

import textwrap

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
