"""Global utility functions of both dialects.

4.x expectations are the ``# Returns`` / ``# Prints`` examples of Godot's
@GlobalScope.xml and values derived from ``core/math/math_funcs.h``; 3.x ones were
printed by Godot 3.2.3 (godot3-server).
"""

from __future__ import annotations

import math

import pytest

from gdscript.errors import ScriptRuntimeError
from gdscript.stdlib import utility_functions as uf
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.math_vectors import Vector2, Vector3
from gdscript.stdlib.objects import Object, RefCounted, Reference

U4 = uf.UTILITY_FUNCTIONS_4
U3 = uf.UTILITY_FUNCTIONS_3


@pytest.fixture
def printed():
    lines: list[str] = []
    old = uf.set_output(lines.append, lambda text: lines.append("ERR:" + text))
    yield lines
    uf.set_output(*old)



class TestDocExamples4:
    def test_rounding_and_snapping(self):
        assert [U4["round"](x) for x in (2.4, 2.5, 2.6)] == [2.0, 3.0, 3.0]
        assert U4["round"](-2.5) == -3.0
        assert U4["snapped"](100, 32) == 96 and isinstance(U4["snapped"](100, 32), int)
        assert U4["snapped"](3.14159, 0.01) == pytest.approx(3.14)
        assert U4["snappedf"](32.0, 2.5) == 32.5
        assert U4["snappedi"](53, 16) == 48 and U4["snappedi"](4096, 100) == 4100
        assert U4["snapped"](Vector2(34, 70), Vector2(8, 8)) == Vector2(32, 72)

    def test_min_max(self):
        assert U4["max"](1, 7, 3, -6, 5) == 7 and U4["min"](1, 7, 3, -6, 5) == -6
        assert U4["maxf"](3.6, 24) == 24.0 and U4["maxf"](-3.99, -4) == -3.99
        assert U4["minf"](-3.99, -4) == -4.0 and U4["mini"](-3, -4) == -4 and U4["maxi"](-3, -4) == -3
        assert U4["max"](1, 2.5) == 2.5 and type(U4["max"](3, 2.0)) is int

    def test_move_toward_pingpong_nearest_po2(self):
        assert [U4["move_toward"](*a) for a in ((5, 10, 4), (10, 5, 4), (5, 10, 9), (10, 5, -1.5))] \
            == [9, 6, 10, 11.5]
        assert [U4["pingpong"](float(x), 3.0) for x in range(-3, 7)] == \
            [3.0, 2.0, 1.0, 0.0, 1.0, 2.0, 3.0, 2.0, 1.0, 0.0]
        assert [U4["nearest_po2"](x) for x in (3, 4, 5, 0, -1)] == [4, 4, 8, 0, 0]

    def test_sign_family(self):
        assert [U4["sign"](x) for x in (-6.0, 0.0, 6.0, math.nan)] == [-1.0, 0.0, 1.0, 0.0]
        assert U4["sign"](Vector3(-6.0, 0.0, 6.0)) == Vector3(-1, 0, 1)
        assert [U4["signi"](x) for x in (-6, 0, 6)] == [-1, 0, 1]
        assert U4["signf"](math.nan) == 0.0

    def test_interpolation(self):
        assert U4["lerp"](0, 4, 0.75) == 3.0 and U4["lerpf"](0, 4, 0.75) == 3.0
        assert U4["remap"](75, 0, 100, -1, 1) == 0.5
        assert [U4["smoothstep"](0, 2, x) for x in (-5.0, 0.5, 1.0, 2.0)] == [0.0, 0.15625, 0.5, 1.0]
        assert U4["lerp"](Vector2(0, 0), Vector2(4, 8), 0.5) == Vector2(2, 4)
        assert U4["inverse_lerp"](2, 4, 3) == 0.5

    def test_trig_and_exponentials(self):
        assert U4["rad_to_deg"](math.pi) == 180.0
        assert "%.6f" % U4["log"](10) == "2.302585"
        assert U4["pow"](2, 5) == 32.0 and U4["pow"](4, 1.5) == 8.0
        assert U4["sqrt"](9) == 3 and math.isnan(U4["sqrt"](-1))
        assert U4["atanh"](-2) == -math.inf and U4["acosh"](-1) == 0
        assert "%.6f" % U4["cosh"](1) == "1.543081"

    def test_error_and_type_strings(self):
        assert U4["error_string"](0) == "OK" and U4["error_string"](44) == "Busy"
        assert U4["error_string"](6) == "Out of memory"
        assert U4["error_string"](99) == "(invalid error code)"
        assert U4["type_string"](2) == "int" and U4["type_string"](4) == "String"

    def test_type_convert(self):
        assert U4["type_convert"]("Hi!", 2) == 0 and U4["type_convert"]("123", 2) == 123
        assert U4["type_convert"](123.4, 2) == 123 and U4["type_convert"]("Hi!", 0) is None
        assert U4["type_convert"](5, 5) == Vector2(0, 0)
        from gdscript.stdlib.math_vectors import Vector2i
        assert U4["type_convert"](Vector2i(1, 2), 5) == Vector2(1, 2)
        assert U4["type_convert"](Array([1, "a"]), 4) == '[1, "a"]'

    def test_hash_of_string(self):
        assert U4["hash"]("a") == 177670


class TestMath4:
    def test_posmod_fposmod_with_negatives(self):
        assert U4["posmod"](-7, 3) == 2 and U4["posmod"](7, -3) == -2
        assert U4["fposmod"](-7, 3) == 2.0 and U4["fmod"](-7, 3) == -1.0

    def test_posmod_by_zero_is_engine_error(self, engine_messages):
        assert U4["posmod"](5, 0) == 0
        assert engine_messages[0][2] == "Division by zero in posmod is undefined. Returning 0 as fallback."

    def test_wrap(self):
        assert U4["wrapi"](-1, 0, 5) == 4 and U4["wrapi"](12, 3, 7) == 4 and U4["wrapi"](5, 5, 5) == 5
        assert U4["wrapf"](-0.5, 0, 1) == 0.5 and U4["wrapf"](7.25, 0, 2) == 1.25
        assert U4["wrap"](-1, 0, 5) == 4 and U4["wrap"](-1, 0, 5.0) == 4.0

    def test_ease_and_step_decimals(self):
        assert U4["ease"](0.5, 2) == 0.25 and U4["ease"](0.5, -2) == 0.5
        assert U4["step_decimals"](0.035) == 2 and U4["step_decimals"](5) == 0

    def test_abs_keeps_type(self):
        assert U4["abs"](-3) == 3 and type(U4["abs"](-3)) is int
        assert U4["abs"](-3.5) == 3.5 and U4["abs"](Vector2(-1, 2)) == Vector2(1, 2)
        assert type(U4["floor"](2.7)) is float and U4["floori"](2.7) == 2 and U4["ceili"](2.1) == 3

    def test_clamp(self):
        assert U4["clamp"](5, 1, 3) == 3 and U4["clamp"](0.5, 1, 3) == 1
        assert U4["clampi"](-2, 0, 9) == 0 and U4["clampf"](9.5, 0, 9) == 9.0

    def test_angles(self):
        assert U4["angle_difference"](0, math.pi / 2) == pytest.approx(math.pi / 2)
        assert U4["lerp_angle"](0, 3, 0.5) == 1.5
        assert U4["rotate_toward"](0, 1, 0.25) == 0.25

    def test_cubic_in_time_uses_godots_edge_weights(self):
        # Degenerate times hit the 0.0 / 1.0 / 0.5 branches of Math::cubic_interpolate_in_time.
        assert U4["cubic_interpolate_in_time"](1.0, 2.0, 0.0, 3.0, 0.5, 0.0, 0.0, 0.0) == 1.5


class TestErrors:
    def test_builtin_utility_message(self):
        with pytest.raises(ScriptRuntimeError) as info:
            U4["floor"](Dictionary())
        assert str(info.value) == ('Error calling utility function "floor()": Argument "x" must be '
                                   '"int", "float", "Vector2", "Vector2i", "Vector3", "Vector3i", '
                                   '"Vector4", or "Vector4i".')

    def test_gdscript_utility_message(self):
        with pytest.raises(ScriptRuntimeError) as info:
            U4["len"](1.5)
        assert str(info.value) == ('Error calling GDScript utility function "len()": '
                                   "Value of type 'float' can't provide a length.")

    def test_argument_type_and_count(self):
        with pytest.raises(ScriptRuntimeError, match=r'^Invalid type in utility function "sin\(\)"\. '
                                                     r"Cannot convert argument 1 from String to float\.$"):
            U4["sin"]("x")
        with pytest.raises(ScriptRuntimeError, match=r'Invalid call to utility function "max\(\)"\. '
                                                     r"Expected 2 argument\(s\)\."):
            U4["max"](1)

    def test_3x_messages(self):
        with pytest.raises(ScriptRuntimeError, match=r"^Invalid type in built-in function 'sin'\. "
                                                     r"Cannot convert argument 1 from String to float\.$"):
            U3["sin"]("x")
        with pytest.raises(ScriptRuntimeError, match=r"^Error calling built-in function 'len': "
                                                     r"Object can't provide a length\.$"):
            U3["len"](1.5)
        with pytest.raises(ScriptRuntimeError, match="'range': Step argument is zero!"):
            U3["range"](1, 2, 0)
        with pytest.raises(ScriptRuntimeError, match="'ord': Expected a string of length 1"):
            U3["ord"]("ab")

    def test_signatures(self):
        assert uf.SIGNATURES_4["lerp"] == uf.Signature("lerp", 3, 3)
        assert uf.SIGNATURES_4["print"].max_args is None
        assert uf.SIGNATURES_4["range"] == uf.Signature("range", 1, 3)
        assert uf.SIGNATURES_3["Color8"] == uf.Signature("Color8", 3, 4)


class TestGDScriptFunctions:
    def test_range(self):
        assert U4["range"](3) == [0, 1, 2] and U4["range"](2, 5) == [2, 3, 4]
        assert U4["range"](10, 0, -3) == [10, 7, 4, 1] and U4["range"](0, 10, 3) == [0, 3, 6, 9]
        assert U4["range"](-3) == [] and U4["range"](5, 2) == [] and U3["range"](1.5) == [0]
        assert isinstance(U4["range"](2), Array)

    def test_char_ord_len(self):
        assert U4["char"](65) == "A" and U4["ord"]("A") == 65
        assert U4["len"]("héllo") == 5 and U4["len"](Array([1, 2])) == 2 and U4["len"](Dictionary({1: 2})) == 1
        with pytest.raises(ScriptRuntimeError, match="between 0 and 2\\^32 - 1"):
            U4["char"](-1)

    def test_str(self):
        assert U4["str"](1, 2.0, Array([1])) == "12.0[1]"
        assert U3["str"](1, 2.0, Array([1])) == "12[1]"

    def test_is_instance_of_builtin(self):
        assert U4["is_instance_of"](1, 2) is True and U4["is_instance_of"]("a", 2) is False
        assert U4["is_instance_of"](RefCounted(), RefCounted) is True

    def test_type_exists(self):
        assert U4["type_exists"]("RefCounted") is True and U4["type_exists"]("Nope") is False

    def test_color8(self):
        color = U4["Color8"](255, 0, 128)
        assert (color.r, color.g, color.b, color.a) == (1.0, 0.0, pytest.approx(128 / 255), 1.0)


class TestObjects:
    def test_weakref(self):
        def weak_to_temporary():
            return U4["weakref"](RefCounted())
        assert weak_to_temporary().get_ref() is None  # the object died at once, like in Godot
        obj = RefCounted()
        ref = U4["weakref"](obj)
        assert ref.get_ref() is obj and U4["weakref"](None).get_ref() is None
        node = Object()
        ref = U4["weakref"](node)
        node.free()
        assert ref.get_ref() is None

    def test_instance_registry(self):
        obj = RefCounted()
        uf.register_instance(obj)
        assert U4["instance_from_id"](obj.get_instance_id()) is obj
        assert U4["is_instance_id_valid"](obj.get_instance_id()) is True
        assert U4["instance_from_id"](999_999_999) is None
        unregistered = RefCounted()  # found by the slow path
        assert U4["instance_from_id"](unregistered.get_instance_id()) is unregistered

    def test_is_instance_valid(self):
        obj = Object()
        assert U4["is_instance_valid"](obj) is True
        obj.free()
        assert U4["is_instance_valid"](obj) is False and U4["is_instance_valid"](None) is False

    def test_is_same(self):
        a = Array([1])
        assert U4["is_same"](a, a) and not U4["is_same"](a, Array([1]))
        assert U4["is_same"](math.nan, math.nan) and not U4["is_same"](1, 1.0)

    def test_funcref_3(self, monkeypatch):
        import gdscript.runtime as runtime
        obj = Reference()
        monkeypatch.setattr(runtime, "call_method", lambda target, name, *args: (target, name, args))
        monkeypatch.setattr(runtime, "has_method", lambda target, name: name == "helper")
        ref = U3["funcref"](obj, "helper")
        assert ref.call_func(2) == (obj, "helper", (2,)) and ref.call_funcv([3]) == (obj, "helper", (3,))
        assert ref.is_valid() and not U3["funcref"](obj, "nope").is_valid()


class TestPrinting:
    def test_print_family(self, printed):
        U4["print"]("a", "b", Array([1, 2, 3]))
        U4["prints"]("A", "B", "C")
        U4["printt"]("A", "B", "C")
        U4["printerr"]("err", 1)
        U3["prints"]("a", 1, None, True)
        assert printed == ["ab[1, 2, 3]", "A B C", "A\tB\tC", "ERR:err1", "a 1 Null True"]

    def test_print_rich_capture_gets_bbcode(self, printed):
        U4["print_rich"]("[color=green][b]Hello world![/b][/color]")
        assert printed == ["[color=green][b]Hello world![/b][/color]"]

    def test_print_rich_on_streams(self, capsys):
        U4["print_rich"]("[b]bold[/b] text")
        assert capsys.readouterr().out == "bold text\n"  # not a terminal: tags stripped
        assert uf.bbcode_to_ansi("[b]x[/b]", True) == "\x1b[1mx\x1b[0m\x1b[0m"

    def test_printraw(self, capsys):
        U4["printraw"]("A", "B")
        U4["printraw"]("C\n")
        assert capsys.readouterr().out == "ABC\n"

    def test_push_error_and_warning(self, engine_messages):
        U4["push_error"]("test error")
        U4["push_warning"]("test ", "warning")
        assert engine_messages == [("ERROR", "test error", None), ("WARNING", "test warning", None)]

    def test_print_debug_and_stack(self, printed):
        old = uf.set_stack_provider(lambda: [("res://a.gd", "test", 3), ("res://a.gd", "_init", 9)])
        try:
            U4["print_debug"]("x", 1)
            U4["print_stack"]()
            stack = U4["get_stack"]()
        finally:
            uf.set_stack_provider(old)
        assert printed == ["x1\n   At: res://a.gd:3:test()", "Frame 0 - res://a.gd:3 in function 'test'",
                           "Frame 1 - res://a.gd:9 in function '_init'"]
        assert stack[1] == {"source": "res://a.gd", "function": "_init", "line": 9}
        assert U4["get_stack"]() == []


class TestDialect3:
    """Values printed by Godot 3.2.3."""

    def test_number_types(self):
        assert type(U3["abs"](-3)) is int and U3["abs"](-3.5) == 3.5
        assert type(U3["floor"](3)) is float and U3["round"](-2.5) == -3.0
        assert type(U3["max"](1, 2)) is int and U3["max"](1, 2.5) == 2.5
        assert U3["max"](3, 2.0) == 3.0 and type(U3["max"](3, 2.0)) is float
        assert U3["clamp"](5, 1, 3) == 3 and type(U3["clamp"](2, 1.5, 3)) is float

    def test_renamed_math(self):
        assert U3["stepify"](13.37, 0.5) == 13.5 and U3["stepify"](7, 2) == 8.0
        assert U3["stepify"](-2.5, 1) == -2.0
        assert U3["range_lerp"](75, 0, 100, -1, 1) == 0.5 and U3["dectime"](60, 10, 0.1) == 59.0
        assert "%.6f" % U3["deg2rad"](180) == "3.141593" and "%.5f" % U3["rad2deg"](1) == "57.29578"
        assert "%.4f" % U3["linear2db"](0.5) == "-6.0206" and "%.6f" % U3["db2linear"](-6) == "0.501187"
        assert "%.6f" % U3["ease"](0.3, 0.4) == "0.590037"
        assert [U3["nearest_po2"](x) for x in (3, 0, -5, 1025)] == [4, 0, 0, 2048]

    def test_vectors(self):
        polar = U3["polar2cartesian"](2, 0.5)
        assert ("%.6f" % polar.x, "%.6f" % polar.y) == ("1.755165", "0.958851")
        cartesian = U3["cartesian2polar"](1, 1)
        assert ("%.6f" % cartesian.x, "%.6f" % cartesian.y) == ("1.414214", "0.785398")

    def test_decimals_is_deprecated(self, engine_messages):
        assert U3["decimals"](0.035) == 2
        assert engine_messages[0][0] == "WARNING"

    def test_hash(self):
        assert [U3["hash"](v) for v in ("a", "hello", 1, 1.5, None, True)] == \
            [177670, 261238937, 1, 3632008303, 0, 1]
        assert U3["hash"](Array([1, 2])) == 193377032

    def test_convert_and_colors(self):
        assert U3["convert"]("12", 2) == 12 and U3["convert"](1.7, 2) == 1
        assert str(U3["Color8"](255, 0, 128)._gd_str(3)) == "1,0,0.501961,1"
        assert U3["ColorN"]("red", 0.5)._gd_str(3) == "1,0,0,0.5"

    def test_json_functions(self):
        data = Dictionary({"a": 1, "b": Array([1.5, "x", None, True])})
        assert U3["to_json"](data) == '{"a":1,"b":[1.5,"x",null,true]}'
        assert U3["validate_json"]("[1]") == "" and U3["validate_json"]("[1,") == "0:Expected ']'"

    def test_var2bytes_roundtrip(self):
        assert list(U3["var2bytes"](1)) == [2, 0, 0, 0, 1, 0, 0, 0]
        assert U3["bytes2var"](U3["var2bytes"](Array([1, "x"]))) == [1, "x"]


class TestGodot3Numbers:
    """Recorded from Godot 3.2.3 (godot3-server)."""

    def test_max_min_with_nan_return_the_second_value(self):
        assert U3["max"](math.nan, 1) == 1.0 and U3["min"](math.nan, 1) == 1.0
        assert math.isnan(U3["clamp"](math.nan, 0, 1))
        assert U3["max"](2, 7) == 7 and U3["min"](2.5, 1) == 1.0

    def test_ceil_floor_keep_the_sign_of_zero(self):
        assert math.copysign(1, U3["ceil"](-0.5)) == -1 and U3["ceil"](-0.5) == 0
        assert math.copysign(1, U3["floor"](-0.0)) == -1
        assert math.copysign(1, U3["floor"](0.5)) == 1

    def test_round_is_floor_of_half_up(self):
        assert U3["round"](2.5) == 3 and U3["round"](-2.5) == -3
        assert math.copysign(1, U3["round"](-0.0)) == 1
        assert math.copysign(1, U3["round"](-0.4)) == -1
        assert U3["round"](0.49999999999999994) == 1.0
        assert U4["round"](0.49999999999999994) == 0.0

    def test_invalid_operations_give_the_x86_negative_nan(self):
        for value in (U3["sqrt"](-1.0), U3["log"](-1.0), U3["fmod"](1.0, 0.0),
                      U3["pow"](-1.0, 0.5), U3["fposmod"](1.0, 0.0)):
            assert math.isnan(value) and math.copysign(1, value) == -1
        for value in (U3["acos"](2.0), U3["asin"](2.0)):
            assert math.isnan(value) and math.copysign(1, value) == 1


class TestInstToDict:
    """inst_to_dict: @subpath, @path, then member variables as StringName keys."""

    def test_script_instance(self, tmp_path):
        from gdscript.api import run_file
        script = tmp_path / "saved.gd"
        script.write_text(
            "extends SceneTree\nvar foo = \"bar\"\nstatic var shared = 1\nvar n: int\n"
            "class Inner:\n\tvar x = 5\n"
            "func _init():\n\tvar d = inst_to_dict(self)\n\tprint(d.keys())\n"
            "\tprint(d.values())\n\tprint(inst_to_dict(Inner.new()))\n"
            "\tprint(inst_to_dict(null))\n\tprint(inst_to_dict(RefCounted.new()))\n\tquit()\n")
        result = run_file(script, dialect=4)
        lines = result.stdout.splitlines()
        assert lines[0] == '["@subpath", "@path", &"foo", &"n"]'
        assert lines[1].startswith('[^"", "') and lines[1].endswith('saved.gd", "bar", 0]')
        assert lines[2].startswith('{ "@subpath": ^"Inner", "@path": ')
        assert lines[2].endswith('&"x": 5 }')
        assert lines[3] == "<null>"
        assert ('Error calling GDScript utility function "inst_to_dict()": Not a script with '
                'an instance.') in result.stderr
