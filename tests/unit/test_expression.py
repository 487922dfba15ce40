"""Expression: Godot's expression language, both dialects.

3.x results and error texts were printed by Godot 3.2.3 for the same expressions
(``parse`` then ``execute([3, 4], null, false)`` with input names ``["x"]``); 4.x
follows ``core/math/expression.cpp`` (operator priorities, ``**``, case-insensitive
keywords, utility functions, error texts).
"""

from __future__ import annotations

import math

import pytest

from gdscript.stdlib.arrays import Array
from gdscript.stdlib.expression import Expression, Expression3
from gdscript.stdlib.global_constants import ERR_INVALID_PARAMETER, OK
from gdscript.stdlib.math_vectors import Vector2
from gdscript.stdlib.packed import PackedStringArray
from gdscript.stdlib.regex import RegEx



def run(text: str, cls: type = Expression, names=("x", "y"), inputs=(3, 4), base=None) -> object:
    expression = cls()
    if expression.parse(text, PackedStringArray(names)) != OK:
        return ("parse error", expression.get_error_text())
    value = expression.execute(Array(inputs), base, False)
    return ("failed", expression.get_error_text()) if expression.has_execute_failed() else value


class TestGodot3Observed:
    @pytest.mark.parametrize("text, expected", [
        ("1 + 2 * 3", 7), ("-2 * 3", -6), ("7 / 2", 3), ("1 2", 1), ("$0 + $1", 7),
        ("1e3", 13), ("1e-3", 0.001), ("0x10", 0), ('"abc".length()', 3), ("3 in [1,2]", False),
        ("not 1 == 2", True), ("str(1)", "1"), ("[1] + [2]", [1, 2]), ("x * y", 12),
        ("foo", ("failed", "self can't be used because instance is null (not passed)")),
        ("foo()", ("failed", "self can't be used because instance is null (not passed)")),
        ("True", ("failed", "self can't be used because instance is null (not passed)")),
        ("(1", ("parse error", "Expected ')'")),
        ("1 +", ("parse error", "Expected expression.")),
        ("~5", ("parse error", "Expected expression.")),
        ("max(1)", ("parse error", "Builtin func 'max' expects 2 arguments.")),
        ('"a" - 1', ("failed", "Invalid operands to operator -, String and int.")),
        ("[1,2][5]", ("failed", "Invalid index of type int for base type Array")),
        ('sin("x")', ("failed", "Builtin Call Failed. ")),
        ("Vector2(1, 2, 3, 4)", ("failed", "Invalid arguments to construct 'Vector2'")),
        ('{"a": 1}.b', ("failed", "Invalid named index 'b' for base type Dictionary")),
        ("5 % 0", ("failed", "Invalid operands to operator %, int and int.")),
        ("1 / 0", ("failed", "Invalid operands to operator /, int and int.")),
        ('1 < "a"', ("failed", "Invalid operands to operator <, int and String.")),
    ])
    def test_results(self, text, expected):
        assert run(text, Expression3) == expected

    def test_math_builtins_and_constants(self):
        assert run("deg2rad(180)", Expression3) == math.pi
        assert run("PI", Expression3) == math.pi and run("INF", Expression3) == math.inf

    def test_parse_error_then_execute(self, engine_messages):
        expression = Expression3()
        assert expression.parse("1 +") == ERR_INVALID_PARAMETER
        assert expression.execute() is None
        assert engine_messages[-1][2] == "There was previously a parse error: Expected expression.."


class TestGodot4:
    @pytest.mark.parametrize("text, expected", [
        ("-2 ** 2", -4),  # ** binds tighter than unary minus
        ("2 ** 3 ** 2", 64),  # left to right
        ("7.0 / 2", 3.5), ("7 % 3", 1), ("1 | 6 ^ 3 & 5", 7), ("1 << 4 >> 2", 4),
        ("0x1F + 0b101", 36), ("1e3", 1000.0), ("True and PI > 3", True), ("nan == nan", False),
        ('"b" in "abc"', True), ('"k" in {"k": 1}', True), ("not true or true", True),
        ('"ab\\u0041\\t"', "abA\t"), ("'single'", "single"), ("[1, [2, 3]][1][0]", 2),
        ('{"a": {"b": 5}}.a.b', 5), ("Vector2(1, 2) + Vector2(1, 1)", Vector2(2, 3)),
        ("Vector2(3, 4).length()", 5.0), ('int("12") + float(3)', 15.0), ("sqrt(16)", 4.0),
        ("abs(-3)", 3), ("max(1, 7, 3)", 7), ("[3, 1, 2].max()", 3), ("null == null", True),
        ("len([1])", ("failed", "self can't be used because instance is null (not passed)")),
        ("x ** y", 81), ("$1 - $0", 1),
        ("$2", ("failed", "Invalid input 2 (not passed) in expression")),
        ("1 + + 2", ("parse error", "Expected expression.")),
        ("a = 1", ("parse error", "Expected '='")),
        ('"open', ("parse error", "Unterminated String")),
        ("1 # 2", ("parse error", "Unexpected character.")),
        ("[1, 2", ("parse error", "Expected ',' or ']'")),
        ("Vector2 + 1", ("parse error", "Expected '('")),
        ("atan2(1)", ("parse error", "Builtin func 'atan2' expects 2 argument(s).")),
        ("x.", ("parse error", "Expected identifier after '.'")),
        ("not", ("parse error", "Expected expression.")),
        ('"a" + 1', ("failed", "Invalid operands to operator +, String and int.")),
        ("-'a'", ("failed", "Invalid operands to operator unary-, String and Nil.")),
        ("[].nope()", ("failed", "On call to 'nope':")),
        ('"ab" * 2', ("failed", "Invalid operands to operator *, String and int.")),
        ("[1] - [1]", ("failed", "Invalid operands to operator -, Array and Array.")),
        ("Vector2(1, 2) * 2", Vector2(2, 4)),
    ])
    def test_results(self, text, expected):
        assert run(text) == expected

    def test_base_instance(self):
        regex = RegEx.create_from_string("a+")
        assert run("get_pattern() + '!'", base=regex) == "a+!"
        assert run("self.search('baa').get_string()", base=regex) == "aa"
        assert run("self.is_valid()", base=regex) is True

    def test_const_calls_only(self):
        expression = Expression()
        expression.parse("x.append(1)", PackedStringArray(["x"]))
        data = Array([0])
        assert expression.execute(Array([data]), None, False, True) is None
        assert expression.get_error_text() == "On call to 'append':" and data == [0]
        expression.parse("x.size()", PackedStringArray(["x"]))
        assert expression.execute(Array([data]), None, False, True) == 1
        assert not expression.has_execute_failed()

    def test_show_error_prints(self, engine_messages):
        expression = Expression()
        expression.parse("foo")
        assert expression.execute() is None and expression.has_execute_failed()
        assert engine_messages[-1][2] == "self can't be used because instance is null (not passed)"

    def test_both_operands_are_evaluated(self):
        # No short circuit: the failing right side of "and" is still evaluated.
        assert run("false and foo") == ("failed", "self can't be used because instance is null "
                                                  "(not passed)")
