"""Everything a user can get wrong on the command line ends in a clear message with a
location and a non-zero exit code, never a Python traceback (the real ``gdscript`` command,
in a subprocess)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

OK_SCRIPT = 'extends SceneTree\nfunc _init():\n\tprint("ran")\n\tquit()\n'


def gdscript(*args: str, cwd: Path, timeout: float = 120,
             prefix: tuple[str, ...] = ()) -> tuple[int, str, str]:
    proc = subprocess.run([*prefix, sys.executable, "-m", "gdscript", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr, proc.stderr
    return proc.returncode, proc.stdout, proc.stderr


def script(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


class TestArguments:
    @pytest.mark.parametrize("args, message", [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["run", "--timeout", "-1", "a.gd"], "--timeout: must be a positive number of seconds"),
        (["run", "--timeout", "nan", "a.gd"], "--timeout: must be a positive number of seconds"),
        (["run", "--timeout", "0", "a.gd"], "--timeout: must be a positive number of seconds"),
        (["run", "--max-memory", "lots", "a.gd"], "--max-memory: must be a positive number of "
                                                  "megabytes, not 'lots'"),
        (["run", "--godot", "5", "a.gd"], "--godot: must be 3, 4 or auto, not '5'"),
        (["check"], "the following arguments are required: FILE"),
    ])
    def test_usage_errors(self, tmp_path: Path, args: list[str], message: str) -> None:
        code, out, err = gdscript(*args, cwd=tmp_path)
        assert code == 2 and out == ""
        assert message in err

    def test_missing_file(self, tmp_path: Path) -> None:
        for command, code in (("run", 2), ("check", 1)):
            assert gdscript(command, "nope.gd", cwd=tmp_path) == (
                code, "", "gdscript: error: nope.gd: no such file\n")


class TestRunCommandReader:
    """``gdscript run`` is read without argparse when its form is plain; what it reads
    must be exactly what argparse reads, and everything else must go to argparse."""

    @pytest.mark.parametrize("words", [
        ["run", "a.gd"],
        ["run", "a.gd", "--strict", "x"],  # after the script: the script's arguments
        ["--debug", "run", "--godot", "3", "a.gd", "-b", "c"],
        ["run", "--godot", "auto", "--timeout", "2.5", "--max-memory", "10", "--sandbox",
         "--allow-net", "--offline", "--ca-file", "ca.pem", "--strict", "a.gd"],
        ["run", "--resolve", "a:1=b:2", "--resolve", "c:1=d:2", "a.gd"],
    ])
    def test_same_as_argparse(self, words: list[str]) -> None:
        from gdscript import cli

        fast = cli.read_run_command(words)
        assert fast is not None
        assert vars(fast) == vars(cli.build_arg_parser(words).parse_args(words))

    @pytest.mark.parametrize("words", [
        ["run"], ["run", "-h"], ["--help"], ["check", "a.gd"], ["run", "a.gd", "--", "x"],
        ["run", "--off", "a.gd"], ["run", "--godot=3", "a.gd"], ["run", "--godot", "5", "a.gd"],
        ["run", "--timeout", "-1", "a.gd"], ["run", "--timeout"], ["run", "--strict"],
    ])
    def test_other_forms_go_to_argparse(self, words: list[str]) -> None:
        from gdscript import cli

        assert cli.read_run_command(words) is None

    def test_knows_every_run_option(self) -> None:
        from gdscript import cli

        parser = cli.build_arg_parser(["run"])
        run = next(action for action in parser._actions if action.dest == "command")
        options = {flag for action in run.choices["run"]._actions
                   for flag in action.option_strings if flag not in ("-h", "--help")}
        assert options == set(cli.RUN_FLAGS) | set(cli.RUN_VALUES)


class TestUnreadableFiles:
    @pytest.mark.parametrize("command, code", [("run", 2), ("check", 1), ("doctest", 2)])
    def test_a_folder_as_script(self, tmp_path: Path, command: str, code: int) -> None:
        (tmp_path / "folder.gd").mkdir()
        (tmp_path / "folder.gd" / "x.md").write_bytes(b"")
        result = gdscript(command, "folder.gd", cwd=tmp_path)
        if command == "doctest":  # a folder of documents: its (here no) blocks
            assert result[0] == 0 and "0 passed, 0 failed" in result[1]
        else:
            assert result == (code, "", "gdscript: error: folder.gd: is a folder, not a "
                                        "GDScript file\n")

    @pytest.mark.parametrize("command, code", [("run", 2), ("check", 1)])
    def test_not_utf8_names_the_line(self, tmp_path: Path, command: str, code: int) -> None:
        data = b'extends SceneTree\nfunc _init():\n\tprint("caf\xe9")\n'
        script(tmp_path, "latin1.gd", data)
        assert gdscript(command, "latin1.gd", cwd=tmp_path) == (
            code, "", "gdscript: error: latin1.gd:3: the file is not valid UTF-8 (byte 0xe9 "
                      f"at offset {data.index(0xe9)})\n")

    @pytest.mark.parametrize("command, code", [("run", 2), ("check", 1), ("doctest", 2)])
    def test_permission_denied(self, tmp_path: Path, command: str, code: int) -> None:
        path = script(tmp_path, "secret.gd", OK_SCRIPT)
        path.chmod(0)
        prefix: tuple[str, ...] = ()
        if os.geteuid() == 0:  # root reads anything: drop the capabilities that allow it
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("running as root without setpriv")
            prefix = (setpriv, "--bounding-set", "-dac_override,-dac_read_search")
        result = gdscript(command, "secret.gd", cwd=tmp_path, prefix=prefix)
        assert result[0] == code and result[1] == ""
        assert result[2] in ("gdscript: error: secret.gd: permission denied\n",
                             "gdscript: error: secret.gd: cannot read: Permission denied\n")

    @pytest.mark.parametrize("command, code", [("run", 2), ("check", 1), ("doctest", 2)])
    def test_huge_file_is_refused_at_once(self, tmp_path: Path, command: str,
                                          code: int) -> None:
        with (tmp_path / "huge.gd").open("w", encoding="utf-8") as f:
            f.write("extends SceneTree\n")
            f.write("# filler comment line\n" * 2_500_000)  # 55 MB
        result = gdscript(command, "huge.gd", cwd=tmp_path, timeout=60)
        assert result[0] == code and result[1] == ""
        assert result[2].startswith("gdscript: error: huge.gd: file too large (55000018 bytes;")


class TestDeepNesting:
    def test_thousand_parentheses_run(self, tmp_path: Path) -> None:
        script(tmp_path, "p.gd", "extends SceneTree\nfunc _init():\n\tprint(" + "(" * 1000
               + "7" + ")" * 1000 + ")\n\tquit()\n")
        assert gdscript("run", "p.gd", cwd=tmp_path) == (0, "7\n", "")
        assert gdscript("check", "p.gd", cwd=tmp_path) == (0, "", "")

    def test_two_hundred_nested_ifs_run(self, tmp_path: Path) -> None:
        body = "".join("\t" * (i + 1) + f"if {i} < 500:\n" for i in range(200))
        script(tmp_path, "ifs.gd", "extends SceneTree\nfunc _init():\n" + body + "\t" * 201
               + 'print("deep")\n\tquit()\n')
        assert gdscript("run", "ifs.gd", cwd=tmp_path) == (0, "deep\n", "")

    @pytest.mark.parametrize("command, path", [("run", "res://u.gd"), ("check", "u.gd")])
    def test_too_deep_for_the_parser(self, tmp_path: Path, command: str, path: str) -> None:
        script(tmp_path, "u.gd", "extends SceneTree\nfunc _init():\n\tvar a = 1\n\tprint("
               + "-" * 5000 + "a)\n")
        code, out, err = gdscript(command, "u.gd", cwd=tmp_path)
        assert (code, out) == (1, "")
        assert err.startswith(f"{path}:4: Parse Error: Expression is too deeply nested.\n")

    def test_too_deep_for_the_compiler(self, tmp_path: Path) -> None:
        script(tmp_path, "c.gd", "extends SceneTree\nfunc _init():\n\tvar a = 1\n\tprint("
               + " + ".join(["a"] * 20000) + ")\n")
        code, out, err = gdscript("run", "c.gd", cwd=tmp_path)
        assert (code, out) == (1, "")
        assert err.startswith("res://c.gd:4: Analyzer Error: Expression is too deeply nested.")


class TestMemory:
    def test_max_memory_stops_a_growing_array(self, tmp_path: Path) -> None:
        script(tmp_path, "grow.gd", "extends SceneTree\nfunc _init():\n\tvar a = []\n"
               "\twhile true:\n\t\ta.append(\"x\".repeat(4096) + str(a.size()))\n")
        assert gdscript("run", "--max-memory", "40", "grow.gd", cwd=tmp_path) == (
            1, "", "SCRIPT ERROR: Out of memory: the script used more than 40 MB (the run's "
                   "memory limit).\n   at: _init (res://grow.gd:5)\n")

    def test_one_impossible_allocation(self, tmp_path: Path) -> None:
        script(tmp_path, "big.gd", 'extends SceneTree\nfunc _init():\n\tvar s = "xy".repeat('
               '1 << 42)\n\tprint(s.length())\n')
        assert gdscript("run", "--sandbox", "big.gd", cwd=tmp_path) == (
            1, "", "SCRIPT ERROR: Out of memory.\n   at: _init (res://big.gd:3)\n")


class TestFoundByFuzzing:
    @pytest.mark.parametrize("literal, message", [
        ("1e_", 'Expected exponent value after "e".'),
        ("2E+_", 'Expected exponent value after "e".'),
        ("0x_", 'Unexpected underscore after "0x".'),
        ("0b_", 'Unexpected underscore after "0b".'),
    ])
    def test_number_without_digits(self, tmp_path: Path, literal: str, message: str) -> None:
        script(tmp_path, "n.gd", f"extends SceneTree\nfunc _init():\n\tprint({literal})\n")
        code, _, err = gdscript("check", "n.gd", cwd=tmp_path)
        assert code == 1
        assert err.startswith(f"n.gd:3:8: Parse Error: {message}\n")

    def test_setget_naming_a_missing_function(self, tmp_path: Path) -> None:
        # Godot 3.2.3: "Parse Error: The getter function isn't defined." at the variable.
        script(tmp_path, "s.gd", "extends SceneTree\nvar f setget , get_f\n"
               "func _init():\n\tprint(f)\n\tquit()\n")
        # Godot 3 prints a script's compile error and exits with 0.
        code, out, err = gdscript("run", "--godot", "3", "s.gd", cwd=tmp_path)
        assert (code, out) == (0, "")
        assert err.startswith("SCRIPT ERROR: GDScript::reload: Parse Error: The getter "
                              "function isn't defined.\n   At: res://s.gd:2.\n")

    @pytest.mark.parametrize("dialect, literal", [("3", "3e_"), ("3", "0e_")])
    def test_godot3_number_without_exponent_digits(self, tmp_path: Path, dialect: str,
                                                   literal: str) -> None:
        # Godot 3.2.3 prints exactly this and exits with 0.
        script(tmp_path, "n.gd", f"extends SceneTree\nfunc _init():\n\tprint({literal})\n")
        code, out, err = gdscript("run", "--godot", dialect, "n.gd", cwd=tmp_path)
        number = literal.replace("_", "")
        assert (code, out) == (0, "")
        assert err.startswith("SCRIPT ERROR: GDScript::reload: Parse Error: Parse error: "
                              f"Invalid numeric constant: {number}\n   At: res://n.gd:3.\n")

    def test_str2var_of_an_unknown_constructor(self, tmp_path: Path) -> None:
        script(tmp_path, "v.gd", 'extends SceneTree\nfunc _init():\n\tprint(str_to_var('
               '"Color( 1or( 1, 0, 0, 1 )"), " ", str_to_var("sqrt( 4 )"))\n\tquit()\n')
        assert gdscript("run", "v.gd", cwd=tmp_path) == (0, "<null> <null>\n", "")

    @pytest.mark.parametrize("dialect, call, message", [
        ("4", "PackedStringArray(f)", "SCRIPT ERROR: Invalid call. Nonexistent "
                                      "'PackedStringArray' constructor.\n   at: _init "
                                      "(res://p.gd:4)\n"),
        # Godot 3.2.3: the same words; a packed array of another type is refused too.
        ("3", "PoolStringArray(f)", "SCRIPT ERROR: _init: Invalid call. Nonexistent "
                                    "'PoolStringArray' constructor.\n   At: res://p.gd:4.\n"),
        ("3", "PoolIntArray(PoolByteArray([1]))", "SCRIPT ERROR: _init: Invalid call. "
                                                  "Nonexistent 'PoolIntArray' constructor.\n"
                                                  "   At: res://p.gd:4.\n"),
    ])
    def test_packed_array_from_a_wrong_value(self, tmp_path: Path, dialect: str, call: str,
                                             message: str) -> None:
        script(tmp_path, "p.gd", f"extends SceneTree\nfunc _init():\n\tvar f = false\n"
               f"\tprint({call})\n\tquit()\n")
        code, out, err = gdscript("run", "--godot", dialect, "p.gd", cwd=tmp_path)
        assert (out, err) == ("", message)
        assert code == 1


class TestExit:
    """The command ends its process without the interpreter's last collections: what a
    script left open must still reach the disk, as when Godot quits."""

    def test_files_left_open_are_written(self, tmp_path: Path) -> None:
        script(tmp_path, "project.godot", "")
        script(tmp_path, "main.gd", """extends SceneTree
class Holder:
	var file
	var me
var plain
var packed
func _init():
	plain = FileAccess.open("res://plain.txt", FileAccess.WRITE)
	plain.store_string("plain text")
	var holder = Holder.new()
	holder.me = holder  # a cycle: only a collection would free it
	holder.file = FileAccess.open_compressed("res://packed.bin", FileAccess.WRITE,
			FileAccess.COMPRESSION_GZIP)
	holder.file.store_string("compressed text")
	packed = holder
	quit()
""")
        code, out, err = gdscript("run", "main.gd", cwd=tmp_path)
        assert (code, err) == (0, "")
        assert (tmp_path / "plain.txt").read_text() == "plain text"
        check = script(tmp_path, "check.gd", """extends SceneTree
func _init():
	var f = FileAccess.open_compressed("res://packed.bin", FileAccess.READ,
			FileAccess.COMPRESSION_GZIP)
	print(f.get_as_text())
	quit()
""")
        assert gdscript("run", check.name, cwd=tmp_path)[1] == "compressed text\n"
