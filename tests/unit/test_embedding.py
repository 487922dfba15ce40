"""The Python API's binding side: script classes from Python, Python code from scripts."""

from __future__ import annotations

import pytest

import gdscript
from gdscript.embedding import REGISTERED, to_python, to_variant
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.packed import PackedByteArray, PackedInt32Array

PLAYER = """extends RefCounted
const LIMIT = 5
enum Kind { A, B = 4 }
var hp := 10
var tags = ["x", {"k": [1, 2]}]
static var made = 0
func _init(start = 10):
	hp = start
	made += 1
func take(n: int) -> int:
	hp -= n
	return hp
func size_of(b: PackedByteArray) -> int:
	return b.size()
func echo(v):
	return v
func broken():
	return hp / 0
static func twice(x):
	return x * 2
"""


@pytest.fixture
def registry():
    saved = dict(REGISTERED)
    yield gdscript.Runtime
    REGISTERED.clear()
    REGISTERED.update(saved)


class TestValues:
    def test_python_to_variant_containers(self):
        value = to_variant([1, (2.5, "s"), {"k": b"\x01\x02"}])
        assert type(value) is Array and type(value[1]) is Array
        assert type(value[2]) is Dictionary
        assert type(value[2]["k"]) is PackedByteArray and bytes(value[2]["k"]) == b"\x01\x02"

    def test_variant_to_python_is_plain_data(self):
        value = Array([1, Dictionary({"a": PackedInt32Array([3, 4])}), PackedByteArray(b"z")])
        assert to_python(value) == [1, {"a": [3, 4]}, b"z"]
        assert type(to_python(value)) is list

    def test_int_beyond_64_bits_is_refused(self):
        with pytest.raises(OverflowError):
            to_variant(2**63)

    def test_arbitrary_python_object_is_refused(self):
        with pytest.raises(TypeError, match="cannot be passed to GDScript"):
            to_variant(object())


class TestScriptClass:
    def test_new_runs_init_and_members_read_and_write(self):
        player = gdscript.compile_source(PLAYER).new(20)
        assert player.hp == 20
        assert player.take(3) == 17
        player.hp = 99
        assert player.hp == 99
        assert player.tags == ["x", {"k": [1, 2]}]

    def test_constants_enums_statics_from_the_class(self):
        cls = gdscript.compile_source(PLAYER)
        assert cls.LIMIT == 5
        assert cls.Kind == {"A": 0, "B": 4}
        assert cls.twice(21) == 42
        cls.new()
        cls.new()
        assert cls.made == 2

    def test_bytes_arrive_as_packed_byte_array(self):
        player = gdscript.compile_source(PLAYER).new()
        assert player.size_of(b"abcd") == 4
        assert player.echo({"a": (1, 2)}) == {"a": [1, 2]}

    def test_script_error_raises_with_gd_location(self):
        player = gdscript.compile_source(PLAYER, name="player.gd").new()
        with pytest.raises(gdscript.ScriptCallError) as info:
            player.broken()
        assert "Division by zero" in info.value.message
        assert (info.value.path, info.value.line) == ("res://player.gd", 18)

    def test_missing_member_is_attribute_error(self):
        player = gdscript.compile_source(PLAYER).new()
        with pytest.raises(AttributeError, match="'nope'"):
            player.nope  # noqa: B018
        assert not hasattr(player, "_gd_script")

    def test_load_from_file(self, tmp_path):
        (tmp_path / "player.gd").write_text(PLAYER, encoding="utf-8")
        cls = gdscript.load(tmp_path / "player.gd")
        assert cls.new(7).take(2) == 5

    def test_parse_error_is_a_gdscript_error(self):
        with pytest.raises(gdscript.errors.ParseError) as info:
            gdscript.compile_source("func f(:\n\tpass\n")
        assert info.value.line == 1


class TestRegister:
    def test_function_called_from_script(self, registry):
        registry.register("py_join", lambda parts, sep: sep.join(parts))
        cls = gdscript.compile_source('func f():\n\treturn py_join(["a", "b"], "-")\n'
                                      'func g():\n\treturn py_join.call(["c"], "+")\n')
        obj = cls.new()
        assert obj.f() == "a-b"
        assert obj.g() == "c"

    def test_python_exception_becomes_script_error(self, registry):
        registry.register("py_fail", lambda: 1 / 0)
        cls = gdscript.compile_source("func f():\n\treturn py_fail()\n")
        with pytest.raises(gdscript.ScriptCallError, match="ZeroDivisionError") as info:
            cls.new().f()
        assert info.value.line == 2

    def test_class_used_with_new_and_its_attributes(self, registry):
        class Counter:
            count: int = 0

            def __init__(self, start):
                self.count = start

            def bump(self, by):
                self.count += by
                return self.count

        registry.register("Counter", Counter)
        cls = gdscript.compile_source("func f():\n\tvar c = Counter.new(3)\n\tc.bump(2)\n"
                                      "\tc.count += 10\n\treturn [c.count, c]\n")
        count, counter = cls.new().f()
        assert count == 15
        assert isinstance(counter, Counter) and counter.count == 15

    def test_value_is_a_global_constant(self, registry):
        registry.register("SETTINGS", {"depth": 3})
        cls = gdscript.compile_source("func f():\n\treturn SETTINGS.depth * 2\n")
        assert cls.new().f() == 6

    def test_builtin_names_and_bad_names_are_refused(self, registry):
        with pytest.raises(ValueError, match="already a GDScript global"):
            registry.register("print", print)
        with pytest.raises(ValueError, match="cannot be a GDScript global name"):
            registry.register("not a name", 1)

    def test_unregistered_name_is_an_analyzer_error(self, registry):
        with pytest.raises(gdscript.errors.AnalyzerError, match='"py_nothing\\(\\)" not found'):
            gdscript.compile_source("func f():\n\treturn py_nothing()\n")


class TestRunFile:
    def test_run_file_captures_output_and_exit_code(self, tmp_path):
        path = tmp_path / "main.gd"
        path.write_text('extends SceneTree\nfunc _init():\n\tprint("hi ", OS.get_cmdline_user_args())'
                        '\n\tquit(4)\n', encoding="utf-8")
        result = gdscript.run_file(path, args=["a"])
        assert (result.exit_code, result.stdout) == (4, 'hi ["a"]\n')
