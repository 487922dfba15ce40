"""Variant services: printing (both dialects), type ids, equality, var_to_str,
String % and operators.

Expected texts come from Godot: 4.x from stringify.out / the C++ sources (see
shared/reference/variant-printing.md), 3.x from runs of real Godot 3.2.3.
"""

from __future__ import annotations

import math
import subprocess

import pytest

from gdscript.errors import ScriptRuntimeError, set_engine_error_sink
from gdscript.stdlib import variant
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.packed import (PackedByteArray, PackedFloat32Array, PackedFloat64Array,
                                    PackedColorArray, PackedInt32Array, PackedInt64Array,
                                    PackedStringArray)
from gdscript.stdlib.strings import NodePath, StringName, format_percent
from gdscript.stdlib.variant import stringify


@pytest.fixture
def errors():
    seen: list[str] = []
    old = set_engine_error_sink(lambda level, message, _explanation: seen.append(message))
    yield seen
    set_engine_error_sink(old)


class TestStringify4:
    @pytest.mark.parametrize("value, text", [
        (None, "<null>"), (True, "true"), (False, "false"), (-1, "-1"), (42, "42"),
        (1.0, "1.0"), (-1.25, "-1.25"), (0.25, "0.25"), (0.1 + 0.2, "0.3"),
        (1.0 / 3, "0.33333333333333"), (100.0 / 3, "33.3333333333333"),
        (math.pi, "3.14159265358979"), (1e15, "1000000000000000.0"),
        (1e20, "100000000000000000000.0"), (1e-5, "0.00001"), (1e-15, "0.0"), (-0.0, "0.0"),
        (math.inf, "inf"), (-math.inf, "-inf"), (math.nan, "nan"),
        (36900.9009009009, "36900.9009009009"), ("hello", "hello"),
        (StringName("name"), "name"), (NodePath("hello/world"), "hello/world"),
    ])
    def test_scalars(self, value, text):
        assert stringify(value) == text

    def test_containers_quote_strings(self):
        value = Array([1, "a", 2.0, None, StringName("s"), NodePath("n"), "it's"])
        assert stringify(value) == '[1, "a", 2.0, <null>, &"s", ^"n", "it\\\'s"]'

    def test_dictionaries_have_spaces_and_keep_order(self):
        assert stringify(Dictionary({"hello": 123})) == '{ "hello": 123 }'
        assert stringify(Dictionary()) == "{  }"
        assert stringify(Dictionary({"b": 1, "a": "x"})) == '{ "b": 1, "a": "x" }'
        assert stringify({1: Array([2, {"x": "y"}])}) == '{ 1: [2, { "x": "y" }] }'

    def test_packed_arrays(self):
        assert stringify(PackedByteArray([-1, 0, 1])) == "[255, 0, 1]"
        assert stringify(PackedInt32Array([-1, 0, 1])) == "[-1, 0, 1]"
        assert stringify(PackedInt64Array([-1, 0, 1])) == "[-1, 0, 1]"
        assert stringify(PackedFloat32Array([-1, 0, 1])) == "[-1.0, 0.0, 1.0]"
        assert stringify(PackedFloat64Array([-1, 0, 1])) == "[-1.0, 0.0, 1.0]"
        assert stringify(PackedStringArray(["hello", "world"])) == '["hello", "world"]'
        # float32 elements print with the double's 14 decimals
        assert stringify(PackedFloat32Array([0.1])) == "[0.10000000149012]"

    def test_recursion_limit(self, errors):
        arr = Array()
        arr.append(arr)
        text = stringify(arr)
        assert text.startswith("[[[") and text.endswith("[...]" + "]" * 101)
        assert errors == ["Maximum array recursion reached!"]

    def test_objects_use_their_hook_or_the_object_form(self):
        class WithHook:
            def _gd_str(self, dialect):
                return f"hook{dialect}"

        class Plain:
            def get_class(self):
                return "RefCounted"

            def get_instance_id(self):
                return 7
        assert stringify(Array([WithHook()])) == "[hook4]"
        assert stringify(Plain()) == "<RefCounted#7>"
        assert stringify(Plain(), 3) == "[RefCounted:7]"


class TestStringify3:
    """Outputs recorded from real Godot 3.2.3."""

    @pytest.mark.parametrize("value, text", [
        (1.0, "1"), (1.5, "1.5"), (-0.0, "-0"), (1e20, "100000000000000000000"),
        (1.0 / 3, "0.333333"), (1e-7, "0"), (123456789.123456789, "123456789.123457"),
        (-1.0 / 3, "-0.333333"), (0.1 + 0.2, "0.3"), (1e15, "1000000000000000"),
        (-2.5e-6, "-0.000003"), (0.1234565, "0.123456"), (0.9999999, "1"),
        (None, "Null"), (True, "True"), (False, "False"), (math.inf, "inf"),
    ])
    def test_scalars(self, value, text):
        assert stringify(value, 3) == text

    def test_huge_float_is_cut_to_255_characters(self):
        assert len(stringify(1e300, 3)) == 255

    def test_containers(self):
        value = Array([1, "a", None, 1.0, True, "it's"])
        assert stringify(value, 3) == "[1, a, Null, 1, True, it's]"
        assert stringify(Dictionary({"b": 1, "a": "x", 10: 2, 2: 3}), 3) == "{10:2, 2:3, a:x, b:1}"
        assert stringify(Dictionary(), 3) == "{}"
        assert stringify(Dictionary({None: 1, True: 2, 1.5: 3, "k": Array([1.0])}), 3) == \
            "{1.5:3, Null:1, True:2, k:[1]}"
        assert stringify(Dictionary({"b c": 'd"e', "a\n": 1}), 3) == '{a\n:1, b c:d"e}'

    def test_packed(self):
        assert stringify(PackedStringArray(["a", "b"]), 3) == "[a, b]"
        assert stringify(PackedFloat32Array([1, 2.5]), 3) == "[1, 2.5]"
        assert stringify(PackedByteArray([1, 255]), 3) == "[PoolByteArray]"
        assert stringify(PackedInt32Array([1, -2]), 3) == "[1, -2]"

    def test_cycle_stack_is_never_popped(self):
        # Godot 3.2 remembers every container it printed; empty ones share a NULL id.
        x = Array([1])
        assert stringify(Array([x, x]), 3) == "[[1], [...]]"
        assert stringify(Array([Array([1]), Array([1])]), 3) == "[[1], [1]]"
        assert stringify(Array([Array(), Array()]), 3) == "[[], [...]]"
        assert stringify(Array([Dictionary(), Array()]), 3) == "[{}, [...]]"
        d = Dictionary()
        d["x"] = d
        assert stringify(d, 3) == "{x:{...}}"

    def test_against_real_godot3(self, godot3_server, tmp_path):
        script = tmp_path / "t.gd"
        script.write_text('extends SceneTree\nfunc _init():\n'
                          '\tprint([1.0, 2.75, "s", null, {"z": 1, "a": [true]}], 1e-3)\n'
                          '\tquit()\n')
        out = subprocess.run([godot3_server, "--no-window", "-s", str(script)], text=True,
                             capture_output=True, timeout=60, env={"LANG": "C.UTF-8"},
                             stdin=subprocess.DEVNULL).stdout.splitlines()
        value = Array([1.0, 2.75, "s", None, Dictionary({"z": 1, "a": Array([True])})])
        assert out[2] == stringify(value, 3) + stringify(1e-3, 3)


class TestTypes:
    def test_typeof_both_dialects(self):
        assert variant.typeof(1.0, 4) == 3 and variant.typeof(1.0, 3) == 3
        assert variant.typeof(NodePath("a"), 4) == 22 and variant.typeof(NodePath("a"), 3) == 15
        assert variant.typeof(PackedInt32Array(), 4) == 30
        assert variant.typeof(PackedInt32Array(), 3) == 21
        assert variant.typeof(StringName("a"), 4) == 21 and variant.typeof(StringName("a"), 3) == 4
        assert variant.typeof(Array(), 4) == 28 and variant.typeof(Dictionary(), 4) == 27
        assert variant.typeof(True) == 1 and variant.typeof(None) == 0

    def test_type_names(self):
        assert variant.type_name(4) == "String"
        assert variant.type_name(38) == "PackedVector4Array"
        assert variant.type_name(3, 3) == "float" and variant.type_name(20, 3) == "PoolByteArray"
        assert variant.type_name(99) == "<invalid type>"


class TestEquality:
    def test_numbers_and_strings(self):
        assert variant.variant_equal(1, 1.0)
        assert variant.variant_equal("a", StringName("a"))
        assert not variant.variant_equal(1, "1")
        assert not variant.variant_equal(None, 0)
        assert variant.variant_equal(None, None)

    def test_containers_compare_element_types_strictly(self):
        assert variant.variant_equal(Array([1, Array([2])]), Array([1, Array([2])]))
        assert not variant.variant_equal(Array([1]), Array([1.0]))
        assert variant.variant_equal(Array([math.nan]), Array([math.nan]))
        assert variant.variant_equal(Dictionary({"a": 1}), Dictionary({"a": 1}))
        assert not variant.variant_equal(Dictionary({"a": 1}), Dictionary({"a": 2}))

    def test_sort_order(self):
        assert variant.variant_less(1, 2.5) and variant.variant_less("a", "b")
        assert variant.variant_less(None, 1)  # by type id when types differ


class TestVarToStr:
    def test_godot4(self):
        assert variant.var_to_str(1.0) == "1.0"
        assert variant.var_to_str(0.1 + 0.2) == "0.30000000000000004"
        assert variant.var_to_str(0.0) == "0.0"
        assert variant.var_to_str('a"b') == '"a\\"b"'
        assert variant.var_to_str(StringName("x")) == '&"x"'
        assert variant.var_to_str(NodePath("a/b:c")) == 'NodePath("a/b:c")'
        assert variant.var_to_str(Dictionary({"b": 1, "a": Array()})) == '{\n"a": [],\n"b": 1\n}'
        assert variant.var_to_str(PackedByteArray([1, 2])) == "PackedByteArray(1, 2)"

    def test_godot3_recorded(self):
        assert variant.var_to_str(1.0, 3) == "1.0"
        assert variant.var_to_str(0.1 + 0.2, 3) == "0.3"
        assert variant.var_to_str(1e20, 3) == "1e+20"
        assert variant.var_to_str(123456789.0, 3) == "1.23457e+08"
        assert variant.var_to_str(1.5e-7, 3) == "1.5e-07"
        assert variant.var_to_str(Array([1, "a", Dictionary({"k": 2.5, "a": Array()})]), 3) == \
            '[ 1, "a", {\n"a": [  ],\n"k": 2.5\n} ]'
        assert variant.var_to_str(Dictionary(), 3) == "{\n\n}"
        assert variant.var_to_str(PackedByteArray([1, 2]), 3) == "PoolByteArray( 1, 2 )"
        assert variant.var_to_str(PackedStringArray(["x"]), 3) == 'PoolStringArray( "x" )'

    def test_str_to_var_round_trip(self):
        value = variant.str_to_var('[1, 2.5, "x\\n", {"a": null}, &"n", PackedInt32Array(1, 2)]')
        assert value == [1, 2.5, "x\n", {"a": None}, "n", [1, 2]]
        assert isinstance(value[4], StringName) and isinstance(value[5], PackedInt32Array)
        assert variant.str_to_var("Array[int]([1])").typed_builtin == 2
        assert variant.str_to_var("[1,") is None


class TestFormatPercent:
    def test_recorded_from_godot3(self):
        assert format_percent("%5.2f|%-4d|%x|%s|%c", [3.14159, 7, 255, [1, "a"], 65], 3) == \
            " 3.14|7   |ff|[1, a]|A"
        assert format_percent("%f", 1, 3) == "1.000000"
        assert format_percent("%d", 3.9, 3) == "3"

    def test_flags(self):
        assert format_percent("%05d|%+d|%-5s|%5s", [-42, 3, "ab", "cd"]) == "-0042|+3|ab   |   cd"
        assert format_percent("%*d|%.*f", [4, 7, 2, 1.0]) == "   7|1.00"
        assert format_percent("%o %X %%", [8, 255]) == "10 FF %"
        assert format_percent("%s", [Array([1, "a"])]) == '[1, "a"]'
        assert format_percent("%s", 1.0) == "1.0"
        assert format_percent("%.1f", -0.04) == "-0.0"

    @pytest.mark.parametrize("fmt, args, message", [
        ("%d", ["a"], "a number is required"),
        ("%d %d", [1], "not enough arguments for format string"),
        ("%d", [1, 2], "not all arguments converted during string formatting"),
        ("%", [], "incomplete format"),
        ("%y", [1], "unsupported format character"),
        ("%c", ["ab"], "%c requires number or single-character string"),
        ("%v", [1], "%v requires a vector type (Vector2/3/4/2i/3i/4i)"),
        ("%..f", [1], "too many decimal points in format"),
    ])
    def test_errors(self, fmt, args, message):
        with pytest.raises(ScriptRuntimeError) as info:
            format_percent(fmt, args)
        assert str(info.value) == message + " in operator '%'."


class TestOperators:
    def test_binary(self):
        assert variant.binary_operator("+", Array([1]), Array([2])) == [1, 2]
        joined = variant.binary_operator("+", PackedInt32Array([1]), PackedInt32Array([2]))
        assert isinstance(joined, PackedInt32Array) and joined == [1, 2]
        assert variant.binary_operator("<", "a", StringName("b"))
        assert variant.binary_operator(">=", Array([1, 2]), Array([1]))
        message = "Invalid operands 'Array' and 'int' in operator '<'."
        with pytest.raises(ScriptRuntimeError, match=message):
            variant.binary_operator("<", Array(), 1)

    def test_index_errors(self):
        assert variant.index_get(Array([1, 2, 3]), -1) == 3
        message = r"^Out of bounds get index '4' \(on base: 'Array'\)$"
        with pytest.raises(ScriptRuntimeError, match=message):
            variant.index_get(Array([1]), 4)
        message = "Invalid access to property or key 'x' on a base object of type 'Dictionary'."
        with pytest.raises(ScriptRuntimeError, match=message):
            variant.index_get(Dictionary(), "x")


class TestHash:
    def test_recorded_from_godot3(self):
        assert variant.variant_hash(1, 3) == 1 and variant.variant_hash(-1, 3) == 4294967295
        assert variant.variant_hash("a", 3) == 177670 and variant.variant_hash(None, 3) == 0
        assert variant.variant_hash(True, 3) == 1 and variant.variant_hash("abc") == 193485963

    def test_containers_hash_by_value(self):
        assert variant.variant_hash(Array([1, "a"])) == variant.variant_hash(Array([1, "a"]))
        assert variant.variant_hash(Array([1])) != variant.variant_hash(Array([1.0]))


class TestGlobalConstants:
    def test_both_dialects(self):
        from gdscript.stdlib import global_constants as gc
        four, three = gc.constants(4), gc.constants(3)
        assert four["TYPE_MAX"] == 39 and three["TYPE_MAX"] == 27
        assert three["TYPE_REAL"] == 3 and "TYPE_REAL" not in four
        assert four["KEY_ESCAPE"] == 4194305 and three["KEY_ESCAPE"] == 16777217
        assert four["OP_MODULE"] == three["OP_MODULE"] == 12
        assert four["PROPERTY_HINT_RANGE"] == 1 and four["SIDE_BOTTOM"] == 3
        assert three["MARGIN_BOTTOM"] == 3 and gc.ERR_PRINTER_ON_FIRE == 48
        assert gc.ENUMS_4["Variant.Type"]["TYPE_STRING_NAME"] == 21


class TestGodot3Recorded:
    """var2str, NaN and ``%`` details recorded from Godot 3.2.3 (godot3-server)."""

    def test_var2str_math_types(self):
        from gdscript.stdlib import class_table
        c3 = class_table(3)
        assert variant.var_to_str(c3["Vector2"](1, 2), 3) == "Vector2( 1, 2 )"
        assert variant.var_to_str(c3["Rect2"](0, 0, 1, 1), 3) == "Rect2( 0, 0, 1, 1 )"
        assert variant.var_to_str(c3["Color"](1, 0, 0), 3) == "Color( 1, 0, 0, 1 )"
        assert variant.var_to_str(c3["Transform2D"](), 3) == "Transform2D( 1, 0, 0, 1, 0, 0 )"
        assert variant.var_to_str(c3["Quat"](), 3) == "Quat( 0, 0, 0, 1 )"
        assert variant.var_to_str(c3["Transform"](), 3) == \
            "Transform( 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0 )"
        assert variant.var_to_str(c3["Plane"](1, 0, 0, 2), 3) == "Plane( 1, 0, 0, 2 )"
        colors = PackedColorArray([c3["Color"](0, 0, 0)])
        assert variant.var_to_str(colors, 3) == "PoolColorArray( 0, 0, 0, 1 )"

    def test_var_to_str_math_types_godot4(self):
        from gdscript.stdlib import class_table
        c4 = class_table(4)
        assert variant.var_to_str(c4["Vector2"](1, 2.5)) == "Vector2(1, 2.5)"
        assert variant.var_to_str(c4["Vector2i"](1, 2)) == "Vector2i(1, 2)"
        assert variant.var_to_str(c4["Basis"]()) == "Basis(1, 0, 0, 0, 1, 0, 0, 0, 1)"

    def test_var2str_floats_go_through_float32(self):
        assert variant.var_to_str(1e-300, 3) == "0.0"
        assert variant.var_to_str(-math.inf, 3) == "-inf.0"
        assert variant.var_to_str(math.inf, 3) == "inf"
        assert variant.var_to_str(-0.0, 3) == "0.0"
        assert variant.var_to_str(12345.6789, 3) == "12345.7"
        assert variant.var_to_str(-math.nan, 3) == "-nan.0"

    def test_nan_sign_is_printed(self):
        assert stringify(-math.nan, 3) == "-nan" and stringify(math.nan, 3) == "nan"
        assert stringify(Array([-math.nan]), 3) == "[-nan]"
        assert stringify(-math.nan, 4) == "nan"
        assert format_percent("%f|%.2f", [-math.nan, math.nan], 3) == "-nan.000000|nan.00"

    def test_integer_padding_puts_the_sign_before_the_digits(self):
        assert format_percent("[%5d|%-5d|%05d|%+5d|%-+5d|%+05d|%d|%+d]",
                              [-12, -12, -12, 12, 12, 12, -12, 12], 3) == \
            "[   -12|12 -  |-00012|   +12|12 +  |+00012|-12|+12]"
        assert format_percent("[%5x|%-5x|%05x|%-5o]", [-255, -255, -255, -8], 3) == \
            "[   -ff|ff -  |-000ff|10 -  ]"
        assert format_percent("%-5d|", [-12], 4) == "-12  |"

    def test_float_formats_pad_infinity(self):
        assert format_percent("[%5.1f|%08.2f]", [-math.inf, -3.14159], 3) == "[-inf.0|-0003.14]"

    def test_char_takes_a_byte(self):
        assert format_percent("%c|%5c", [255, 65], 3) == "ÿ|    A"
        with pytest.raises(ScriptRuntimeError) as info:
            format_percent("%c", [9731], 3)
        assert str(info.value) == "unsigned byte integer is greater than maximum in operator '%'."
        assert format_percent("%c", [9731], 4) == "☃"


class TestFormatPlans:
    """A format string used again runs from its plan (``variant._plan``), and integer
    conversions may be Python's ``%``: both must give exactly what reading the format
    character by character (``_Sprintf``, Godot's state machine) gives."""

    @staticmethod
    def by_state_machine(fmt: str, args: list, dialect: int) -> str:
        try:
            return variant._Sprintf(fmt, list(args), dialect).run()
        except variant._FormatError as exc:
            return f"error: {exc}"

    @staticmethod
    def by_plan(fmt: str, args: list, dialect: int) -> str | None:
        plan = variant._plan(fmt, dialect)
        if plan is None:
            return None
        try:
            return variant._run_plan(plan, list(args), dialect)
        except variant._FormatError as exc:
            return f"error: {exc}"

    def test_random_formats_and_values_agree(self):
        from hypothesis import given, settings
        from hypothesis import strategies as st

        from gdscript.stdlib.math_types import Vector2

        values = st.one_of(st.integers(-2**63, 2**63 - 1), st.integers(-300, 300),
                           st.floats(allow_nan=False),
                           st.booleans(), st.text(max_size=3),
                           st.just(Vector2(1.5, -2)), st.none())
        conversion = st.tuples(
            st.lists(st.sampled_from(["-", "+", "0", "u"]), max_size=3).map("".join),
            st.sampled_from(["", "1", "3", "5", "12", "*"]),
            st.sampled_from(["", ".", ".0", ".2", ".*"]),
            st.sampled_from(list("doxXfsvc%"))).map(lambda parts: "%" + "".join(parts))
        soup = st.lists(st.sampled_from(list("%-+0123456789.*udoxXfsvc")), max_size=6)
        fmt = st.lists(st.one_of(conversion, conversion, st.text("ab ", max_size=2),
                                 soup.map("".join)), max_size=5).map("".join)

        @settings(max_examples=600, deadline=None, derandomize=True)
        @given(fmt, st.lists(values, max_size=4), st.sampled_from([3, 4]))
        def agree(fmt: str, args: list, dialect: int) -> None:
            planned = self.by_plan(fmt, args, dialect)
            if planned is not None:
                assert planned == self.by_state_machine(fmt, args, dialect)

        agree()

    def test_every_flag_width_and_conversion_agree(self):
        import itertools

        values = [0, 7, -12, 255, -255, 2**63 - 1, -2**63, 7.9, -0.5, True, "a", "ab", None]
        for flags, width, precision, conversion, dialect in itertools.product(
                ["", "-", "+", "0", "-+", "+0", "0-", "u", "0u", "-u"], ["", "3", "12"],
                ["", ".2"], "doxXfsc", [3, 4]):
            fmt = f"<%{flags}{width}{precision}{conversion}>"
            for value in values:
                planned = self.by_plan(fmt, [value], dialect)
                assert planned is not None, fmt
                assert planned == self.by_state_machine(fmt, [value], dialect), \
                    (fmt, value, dialect)

    def test_common_formats_have_plans(self):
        for fmt in ("item %d=%s|", "%05d-%x-%s", "%.2f", "%-8s|%+d", "%X %o %c %v"):
            assert variant._plan(fmt, 4) is not None, fmt
        assert variant._plan("%*d", 4) is None  # the width is a value: read each time
        assert variant._plan("%-05d", 4) is None  # warns each time, as Godot does
