"""The compiled-code cache (``interpreter/code_cache.py``, used by ``loader``).

Each test gets its own cache folder (``XDG_CACHE_HOME``).  "Compiled" is observed
by counting calls of the parser; what a script prints comes from ``api.run_file``.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gdscript import api, parser


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("GDSCRIPT_NO_CODE_CACHE", raising=False)
    return tmp_path / "xdg" / "gdscript" / "code"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths the parser was asked to parse (each one a compile)."""
    seen: list[str] = []
    real = parser.parse

    def counting(text: str, path: str | None = None, dialect: str | int = "auto") -> object:
        seen.append(path or "")
        return real(text, path=path, dialect=dialect)

    monkeypatch.setattr(parser, "parse", counting)
    return seen


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(textwrap.dedent(text).lstrip())
    return path


MAIN = """
extends SceneTree
const K = 7
var total := 0

func add(n: int) -> int:
    total += n * K
    return total

func _init():
    for i in range(4):
        add(i)
    print("total ", total, " ", [1, 2] + [3], " ", Vector2(1, 2))
    quit()
"""


class TestCacheHit:
    def test_second_run_uses_the_cache_and_prints_the_same(self, tmp_path, cache, parses):
        script = write(tmp_path, "main.gd", MAIN)
        first = api.run_file(script, dialect=4)
        assert first.stdout == "total 42 [1, 2, 3] (1.0, 2.0)\n"
        assert parses == ["res://main.gd"]
        assert len(list(cache.glob("*.gdc"))) == 1
        second = api.run_file(script, dialect=4)
        assert second.stdout == first.stdout
        assert parses == ["res://main.gd"]  # not parsed again

    def test_cached_run_rebuilds_globals_by_name(self, tmp_path, cache, parses):
        from gdscript.loader import load_script
        from gdscript.stdlib import class_table

        script = write(tmp_path, "main.gd", "extends RefCounted\nfunc f():\n\treturn 1\n")
        load_script(script, 4)
        cls, _ = load_script(script, 4)
        assert len(parses) == 1
        assert cls.__mro__[1] is class_table(4)["RefCounted"]
        assert cls._gd_script.methods == {"f": "f"}
        assert cls().f() == 1

    def test_a_cached_run_imports_no_parser(self, tmp_path, cache):
        script = write(tmp_path, "main.gd", MAIN)
        probe = ("import sys\nfrom gdscript.runner import run_file\n"
                 f"run_file({str(script)!r}, dialect=4)\n"
                 "print('lark' in sys.modules, 'gdscript.parser' in sys.modules,\n"
                 "      'gdscript.compiler' in sys.modules)\n")
        env = {"XDG_CACHE_HOME": str(cache.parent.parent), "PATH": "/usr/bin:/bin"}
        runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               env=env, timeout=60) for _ in range(2)]
        assert runs[0].stdout.splitlines()[-1] == "True True True"
        assert runs[1].stdout.splitlines() == ["total 42 [1, 2, 3] (1.0, 2.0)",
                                               "False False False"]


    def test_a_cached_command_line_run_imports_only_what_it_needs(self, tmp_path, cache):
        # Start-up time: a cached ``gdscript run`` leaves these modules unimported.  The
        # probe runs without ``site`` (an editable install's import hook imports pathlib
        # and re by itself), importing gdscript from a folder of links to its modules.
        import site

        import gdscript
        from gdscript import grammar, stdlib

        package = tmp_path / "pkg" / "gdscript"
        package.mkdir(parents=True)
        here = Path(gdscript.__file__).parent
        for item in here.iterdir():
            if item.suffix == ".py":
                (package / item.name).symlink_to(item)
        (package / "stdlib").symlink_to(Path(stdlib.__file__).parent)
        (package / "grammar").symlink_to(Path(grammar.__file__).parent)
        script = write(tmp_path, "main.gd", MAIN)
        heavy = ["argparse", "typing", "re", "enum", "pathlib", "pickle", "threading",
                 "signal", "shutil", "dataclasses", "inspect", "lark", "gdscript.parser",
                 "gdscript.compiler", "gdscript.stdlib.http_client", "ssl", "socket"]
        paths = [str(package.parent), *site.getsitepackages()]
        probe = (f"import sys\nsys.path[:0] = {paths!r}\nfrom gdscript.cli import main\n"
                 f"main(['run', {str(script)!r}])\n"
                 f"print([name for name in {heavy!r} if name in sys.modules])")
        env = {"XDG_CACHE_HOME": str(cache.parent.parent), "PATH": "/usr/bin:/bin"}
        runs = [subprocess.run([sys.executable, "-S", "-c", probe], capture_output=True,
                               text=True, env=env, timeout=60) for _ in range(2)]
        assert runs[0].stdout.splitlines()[0] == "total 42 [1, 2, 3] (1.0, 2.0)"
        assert "'lark'" in runs[0].stdout  # the first run compiles
        assert runs[1].stdout.splitlines() == ["total 42 [1, 2, 3] (1.0, 2.0)", "[]"]


class TestInvalidation:
    def test_editing_the_script_compiles_it_again(self, tmp_path, cache, parses):
        script = write(tmp_path, "main.gd", MAIN)
        api.run_file(script, dialect=4)
        script.write_text(MAIN.replace("const K = 7", "const K = 8"))
        assert api.run_file(script, dialect=4).stdout.startswith("total 48 ")
        assert len(parses) == 2

    def test_editing_a_dependency_compiles_the_dependent_again(self, tmp_path, cache, parses):
        # An inherited constant is compiled into the dependent as its value.
        write(tmp_path, "base.gd", "extends SceneTree\nconst C = 1\n")
        script = write(tmp_path, "main.gd", """
            extends "res://base.gd"
            func _init():
                print(C)
                quit()
            """)
        assert api.run_file(script, dialect=4).stdout == "1\n"
        write(tmp_path, "base.gd", "extends SceneTree\nconst C = 2\n")
        assert api.run_file(script, dialect=4).stdout == "2\n"
        assert parses.count("res://main.gd") == 2
        assert api.run_file(script, dialect=4).stdout == "2\n"
        assert parses.count("res://main.gd") == 2

    def test_corrupt_entries_are_ignored(self, tmp_path, cache, parses):
        script = write(tmp_path, "main.gd", MAIN)
        api.run_file(script, dialect=4)
        for entry in cache.glob("*.gdc"):
            entry.write_bytes(entry.read_bytes()[:40] + b"garbage")
        assert api.run_file(script, dialect=4).stdout == "total 42 [1, 2, 3] (1.0, 2.0)\n"
        assert len(parses) == 2

    def test_unreadable_cache_folder_still_runs(self, tmp_path, monkeypatch, parses):
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
        script = write(tmp_path, "main.gd", MAIN)
        for _ in range(2):
            assert api.run_file(script, dialect=4).stdout.startswith("total 42 ")
        assert len(parses) == 2

    def test_cache_can_be_turned_off(self, tmp_path, cache, parses, monkeypatch):
        monkeypatch.setenv("GDSCRIPT_NO_CODE_CACHE", "1")
        script = write(tmp_path, "main.gd", MAIN)
        api.run_file(script, dialect=4)
        api.run_file(script, dialect=4)
        assert len(parses) == 2
        assert not cache.exists()


class TestWhatIsReplayed:
    def test_compile_warnings_are_printed_on_cached_runs(self, tmp_path, cache, parses):
        script = write(tmp_path, "main.gd", "extends SceneTree\nfunc _init():\n"
                                            "\tprint(get_tree() == self)\n\tquit()\n")
        runs = [api.run_file(script, dialect=4) for _ in range(2)]
        assert len(parses) == 1
        assert runs[0].stdout == runs[1].stdout == "true\n"
        assert "compatibility warning" in runs[0].stderr
        assert runs[1].stderr == runs[0].stderr

    def test_values_that_cannot_be_rebuilt_leave_the_script_uncached(self, tmp_path, cache,
                                                                     parses):
        # An inherited Dictionary constant is referenced by identity: not cachable.
        write(tmp_path, "base.gd", 'extends SceneTree\nconst D = {"a": 1}\n')
        script = write(tmp_path, "main.gd", """
            extends "res://base.gd"
            func _init():
                print(D)
                quit()
            """)
        runs = [api.run_file(script, dialect=4) for _ in range(2)]
        assert runs[0].stdout == runs[1].stdout == '{ "a": 1 }\n'
        assert parses.count("res://main.gd") == 2
        assert parses.count("res://base.gd") == 1
