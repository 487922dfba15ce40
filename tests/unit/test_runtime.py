"""The runtime's operator helpers and error translation (interpreter/runtime.py)."""

from __future__ import annotations

import math

import pytest

from gdscript import runtime
from gdscript.errors import ScriptRuntimeError

INT_MAX = 2**63 - 1
INT_MIN = -(2**63)


class TestIntegers:
    @pytest.mark.parametrize(("value", "wrapped"), [
        (INT_MAX + 1, INT_MIN),
        (INT_MIN - 1, INT_MAX),
        (2**64, 0),
        (2**64 + 5, 5),
        (-(2**64) - 1, -1),
        (12, 12),
    ])
    def test_wrap_int(self, value: int, wrapped: int) -> None:
        assert runtime.wrap_int(value) == wrapped

    def test_wrap_leaves_floats_alone(self) -> None:
        assert runtime.wrap_int(1e300) == 1e300

    @pytest.mark.parametrize(("a", "b", "q"), [(7, 2, 3), (-7, 2, -3), (7, -2, -3),
                                               (-7, -2, 3), (0, 5, 0)])
    def test_int_div_truncates_toward_zero(self, a: int, b: int, q: int) -> None:
        assert runtime.int_div(a, b) == q

    def test_int_div_of_int_min_by_minus_one_wraps(self) -> None:
        assert runtime.int_div(INT_MIN, -1) == INT_MIN

    @pytest.mark.parametrize(("a", "b", "r"), [(7, 3, 1), (-7, 3, -1), (7, -3, 1),
                                               (-7, -3, -1)])
    def test_int_mod_sign_follows_dividend(self, a: int, b: int, r: int) -> None:
        assert runtime.int_mod(a, b) == r

    def test_division_by_zero_is_godots_error(self) -> None:
        with pytest.raises(ScriptRuntimeError, match=r"Division by zero error in operator '/'\."):
            runtime.op_div(1, 0)
        with pytest.raises(ScriptRuntimeError, match=r"Modulo by zero error in operator '%'\."):
            runtime.op_mod(1, 0)


class TestFloats:
    def test_float_division_by_zero_is_ieee(self) -> None:
        assert runtime.op_div(1.0, 0) == math.inf
        assert runtime.op_div(-1.0, 0.0) == -math.inf
        assert math.isnan(runtime.op_div(0.0, 0.0))

    def test_mixed_division_is_float(self) -> None:
        assert runtime.op_div(7, 2.0) == 3.5

    def test_pow(self) -> None:
        assert runtime.op_pow(2, 10) == 1024
        assert runtime.op_pow(2, 64) == 0  # wraps like int64
        assert runtime.op_pow(2.0, 0.5) == pytest.approx(math.sqrt(2))

    def test_left_shift_wraps(self) -> None:
        assert runtime.op_lshift(1, 63) == INT_MIN
        assert runtime.op_lshift(1, 64) == 0


class TestErrorTranslation:
    @pytest.mark.parametrize(("expr", "message"), [
        (lambda: 1 + "a", "Invalid operands 'int' and 'String' in operator '+'."),
        (lambda: "a" + 1, "Invalid operands 'String' and 'int' in operator '+'."),
        (lambda: None - 1, "Invalid operands 'Nil' and 'int' in operator '-'."),
        (lambda: 1 < "a", "Invalid operands 'int' and 'String' in operator '<'."),
        (lambda: -"a", "Invalid operand of type 'String' for unary operator '-'."),
    ])
    def test_python_type_errors_become_godot_messages(self, expr, message: str) -> None:
        with pytest.raises(TypeError) as info:
            expr()
        assert runtime.error_message(info.value) == message

    def test_recursion_error_is_stack_overflow(self) -> None:
        assert runtime.error_message(RecursionError()).startswith("Stack overflow")

    def test_unknown_errors_are_bugs(self) -> None:
        assert runtime.error_message(KeyError("x")) is None

    def test_invalid_operands_from_helpers(self) -> None:
        with pytest.raises(ScriptRuntimeError, match="Invalid operands 'bool' and 'int'"):
            runtime.op_div(True, 1)
