"""Godot 3 helpers: operators, pool copies, compile-error wording, literals, typed slots,
hashes.  Expected values were read from real Godot 3.2.3 (``godot3-server``)."""

from __future__ import annotations

import pytest

from gdscript.ast_builder import strtod_3
from gdscript.compile_errors3 import line_3, message_3
from gdscript.errors import ParseError, ScriptRuntimeError
from gdscript.globalscope import ArgumentTypeError, StrictBuiltin3, real_t, to_float_3
from gdscript.ops3 import (
    op_add_3,
    op_bit_and_3,
    op_le_3,
    op_lt_3,
    op_mul_3,
    op_neg_3,
    op_shl_3,
    op_shr_3,
    pool_copy_3,
)
from gdscript.stdlib import class_table
from gdscript.stdlib.hashing import godot_hash


class TestOperators3:
    def test_bool_is_not_a_number(self):
        with pytest.raises(ScriptRuntimeError, match="'bool' and 'int' in operator '\\+'"):
            op_add_3(True, 1)
        with pytest.raises(ScriptRuntimeError, match="'float' and 'bool' in operator '\\*'"):
            op_mul_3(2.5, True)
        with pytest.raises(ScriptRuntimeError, match="'bool' and 'bool' in operator '&'"):
            op_bit_and_3(True, False)

    def test_bools_compare_with_lt_but_not_le(self):
        assert op_lt_3(False, True) is True
        with pytest.raises(ScriptRuntimeError, match="operator '<='"):
            op_le_3(False, True)
        with pytest.raises(ScriptRuntimeError, match="'int' and 'bool' in operator '<'"):
            op_lt_3(1, True)

    def test_shift_count_must_be_0_to_63(self):
        assert op_shl_3(1, 63) == -(2**63)
        assert op_shr_3(-8, 1) == -4
        for count in (64, -1, 70):
            with pytest.raises(ScriptRuntimeError, match="'int' and 'int' in operator '<<'"):
                op_shl_3(1, count)
            with pytest.raises(ScriptRuntimeError, match="operator '>>'"):
                op_shr_3(8, count)

    def test_negation_of_bool_names_the_type_twice(self):
        with pytest.raises(ScriptRuntimeError,
                           match="'bool' and 'bool' in operator '- \\(negation\\)'"):
            op_neg_3(True)
        assert op_neg_3(-(2**63)) == -(2**63)

    def test_add_wraps_to_64_bits(self):
        assert op_add_3(2**63 - 1, 1) == -(2**63)


class TestPoolCopy3:
    def test_pool_arrays_are_copied_other_values_shared(self):
        table = class_table(3)
        ints = table["PoolIntArray"]([1, 2])
        copy = pool_copy_3(ints)
        copy.append(3)
        assert list(ints) == [1, 2] and type(copy) is type(ints)
        data = table["PoolByteArray"]([1, 2])
        assert pool_copy_3(data) == data and pool_copy_3(data) is not data
        plain = [1]
        assert pool_copy_3(plain) is plain


class TestCompileErrors3:
    def test_messages_in_godot3_wording(self):
        assert message_3('Identifier "x" not declared in the current scope.') == \
            'The identifier "x" isn\'t declared in the current scope.'
        assert message_3('Function "foo()" not found in base self.') == \
            'The method "foo" isn\'t declared in the current class.'
        assert message_3('Expected closing ")" after call arguments.') == "Expected ',' or ')'"
        assert message_3("Something else.") == "Something else."

    def test_unclosed_bracket_at_the_end_is_reported_after_the_last_line(self):
        source = "extends SceneTree\nfunc _init():\n\tvar x = (1 +\n\tquit(5)\n"
        exc = ParseError('Expected closing ")" after grouping expression.', 4, 9,
                         "res://a.gd", source)
        assert line_3(exc) == 5
        exc = ParseError('Expected closing ")" after call arguments.', 3, 2, "res://a.gd",
                         source)
        assert line_3(exc) == 3


class TestLiterals3:
    def test_strtod_rounds_long_mantissas_twice(self):
        # Godot 3 reads 9007199254740993.0 as ...994 and 12345678901234567.0 as ...566.
        assert strtod_3("9007199254740993.0") == 9007199254740994.0
        assert strtod_3("12345678901234567.0") == 12345678901234566.0
        assert strtod_3("0.5") == 0.5 and strtod_3("1e3") == 1000.0
        assert strtod_3("2.5e-3") == pytest.approx(0.0025)


class TestTypedSlots3:
    def test_strict_conversions(self):
        as_int = StrictBuiltin3("int")
        assert as_int(3.7) == 3 and as_int(True) == 1
        with pytest.raises(ScriptRuntimeError,
                           match="Trying to assign value of type 'String' to a variable of "
                                 "type 'int'"):
            as_int("3")
        with pytest.raises(ArgumentTypeError, match="Cannot convert argument 1 from Nil to int"):
            as_int.argument(None, 1)
        assert StrictBuiltin3("float")(16777217) == 16777216.0  # through a C float
        with pytest.raises(ScriptRuntimeError):
            StrictBuiltin3("String")(5)

    def test_float_constructor_goes_through_real_t_except_for_floats(self):
        assert to_float_3(16777217) == 16777216.0
        assert to_float_3("16777217") == 16777216.0
        assert to_float_3(0.1) == 0.1
        assert real_t(1e300) == float("inf")


class TestHash3:
    def test_values_match_godot_3(self):
        table = class_table(3)
        vec2, vec3 = table["Vector2"], table["Vector3"]
        cases = [
            ({"a": 1}, 199259710), ({}, 177591), (vec2(1, 2), 239150682),
            (vec3(1, 2, 3), 2929672911), (table["Color"](0.1, 0.2, 0.25, 0.5), 3184855918),
            (table["Rect2"](1, 2, 3, 4), 2726970714), (table["Transform2D"](), 276519677),
            (table["AABB"](vec3(1, 2, 3), vec3(4, 5, 6)), 1183223312),
            (table["Basis"](), 147415432), (table["Transform"](), 809317609),
            (table["PoolIntArray"]([1, 2]), 1744189352),
            (table["PoolStringArray"](["a"]), 370093),
            (table["PoolByteArray"]([1, 2]), 5859944), (table["PoolByteArray"](), 177573),
            (table["PoolRealArray"]([1.5]), 2086480004),
            (table["PoolVector2Array"]([vec2(1, 2)]), 239640732),
            (table["NodePath"]("a/b"), 1), (table["NodePath"]("/a"), 177671),
        ]
        for value, expected in cases:
            assert godot_hash(value, 3) == expected, value


class TestBigIntLiterals3:
    def test_an_int_too_big_is_int64_max_and_an_engine_error_kept_on_the_tree(self):
        from gdscript.parser import parse

        source = "extends SceneTree\nfunc f():\n\treturn [9223372036854775808, 0xFFFFFFFFFFFFFFFF]\n"
        tree = parse(source, path="res://big.gd", dialect=3)
        assert tree.engine_errors == [
            "ERROR: to_int64: Cannot represent 9223372036854775808 as 64-bit integer, provided "
            "value is too big.",
            "ERROR: hex_to_int64: Cannot represent 0xFFFFFFFFFFFFFFFF as 64-bit integer, "
            "provided value is too big."]
        again = parse("extends SceneTree\n", path="res://small.gd", dialect=3)
        assert again.engine_errors == []
