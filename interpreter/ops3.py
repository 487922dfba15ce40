"""Godot 3's operators on operands whose types the compiler could not prove.

Godot 3 refuses more than Python does: a bool is not a number for arithmetic,
bitwise operators, shifts or ``<=``/``>=`` (``<`` and ``>`` compare two bools);
a shift count outside 0..63 is an error.  Each helper checks those cases, then
does what the dialect-neutral code does (a Python ``TypeError`` is translated
to Godot's message by ``runtime.error_message``).  The compiler calls these for
3.x scripts only; code whose operand types are known takes the fast paths.
"""

from __future__ import annotations


from .errors import ScriptRuntimeError

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

INT_MIN, INT_MAX = -(2**63), 2**63 - 1


def _invalid(a: Any, b: Any, op: str) -> ScriptRuntimeError:
    from gdscript.stdlib.variant import godot_type_name

    return ScriptRuntimeError(f"Invalid operands '{godot_type_name(a, 3)}' and "
                              f"'{godot_type_name(b, 3)}' in operator '{op}'.")


def _wrapped(r: Any) -> Any:
    if type(r) is int and not INT_MIN <= r <= INT_MAX:
        return ((r - INT_MIN) % 2**64) + INT_MIN
    return r


def op_add_3(a: Any, b: Any) -> Any:
    if type(a) is bool or type(b) is bool:
        raise _invalid(a, b, "+")
    return _wrapped(a + b)


def op_sub_3(a: Any, b: Any) -> Any:
    if type(a) is bool or type(b) is bool:
        raise _invalid(a, b, "-")
    return _wrapped(a - b)


def op_lt_3(a: Any, b: Any) -> bool:
    if (type(a) is bool) != (type(b) is bool):
        raise _invalid(a, b, "<")
    return a < b


def op_gt_3(a: Any, b: Any) -> bool:
    if (type(a) is bool) != (type(b) is bool):
        raise _invalid(a, b, ">")
    return a > b


def op_le_3(a: Any, b: Any) -> bool:
    if type(a) is bool or type(b) is bool:
        raise _invalid(a, b, "<=")
    return a <= b


def op_ge_3(a: Any, b: Any) -> bool:
    if type(a) is bool or type(b) is bool:
        raise _invalid(a, b, ">=")
    return a >= b


def _ints(a: Any, b: Any, op: str) -> None:
    if type(a) is not int or type(b) is not int:
        raise _invalid(a, b, op)


def op_bit_and_3(a: Any, b: Any) -> int:
    _ints(a, b, "&")
    return a & b


def op_bit_or_3(a: Any, b: Any) -> int:
    _ints(a, b, "|")
    return a | b


def op_bit_xor_3(a: Any, b: Any) -> int:
    _ints(a, b, "^")
    return a ^ b


def op_shl_3(a: Any, b: Any) -> int:
    _ints(a, b, "<<")
    if not 0 <= b <= 63:
        raise _invalid(a, b, "<<")
    return _wrapped((a << b) & 0xFFFFFFFFFFFFFFFF)


def op_shr_3(a: Any, b: Any) -> int:
    _ints(a, b, ">>")
    if not 0 <= b <= 63:
        raise _invalid(a, b, ">>")
    return a >> b


def op_neg_3(a: Any) -> Any:
    """Unary minus: Godot 3 names the operand's type twice in its message."""
    if type(a) is bool or isinstance(a, (str, list, dict)) or a is None:
        raise _invalid(a, a, "- (negation)")
    try:
        return _wrapped(-a)
    except TypeError:
        raise _invalid(a, a, "- (negation)") from None


def op_mul_3(a: Any, b: Any) -> Any:
    if type(a) is bool or type(b) is bool:
        raise _invalid(a, b, "*")
    from .runtime import op_mul

    return op_mul(a, b)


_POOLS: list[type] = []  # PackedArray, PackedByteArray (imported on first use)


def pool_copy_3(value: Any) -> Any:
    """Godot 3's pool arrays are values (copy-on-write): a variable, parameter, element or
    result that receives one gets its own copy."""
    if not _POOLS:
        from gdscript.stdlib.packed import PackedArray, PackedByteArray

        _POOLS[:] = [PackedArray, PackedByteArray]
    if isinstance(value, _POOLS[0]):
        copy = type(value)()
        list.extend(copy, value)
        return copy
    if isinstance(value, _POOLS[1]):
        return type(value)(value)
    return value


class MatchContinue(Exception):
    """``continue`` in a 3.x match branch: leave the branch, test the next patterns."""


# Compiler operator name -> helper name, for the binary operators above.
BINARY_3 = {"+": "op_add_3", "-": "op_sub_3", "*": "op_mul_3", "<": "op_lt_3", ">": "op_gt_3",
            "<=": "op_le_3", ">=": "op_ge_3", "&": "op_bit_and_3", "|": "op_bit_or_3",
            "^": "op_bit_xor_3", "<<": "op_shl_3", ">>": "op_shr_3"}
