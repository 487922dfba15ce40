"""Shared machinery of Godot's math value types (Vector2, Color, Basis, ...).

Contract for every class built on :class:`MathValue` (the runtime relies on it):

* instances are immutable; ``_with_member(name, value)`` / ``_with_index(i, value)``
  return a modified copy (what ``v.x = 1`` compiles to);
* ``GODOT_NAME``, ``MEMBERS``, ``METHODS`` / ``METHODS_3``, ``STATIC_METHODS`` /
  ``STATIC_METHODS_3``, ``CONSTANTS`` / ``CONSTANTS_3`` describe what a script sees;
* ``_gd_str(dialect)`` is the text Godot's ``print``/``str`` produce.

Godot 4 standard builds keep ``real_t`` components as 32-bit floats, so float
components are rounded through float32 whenever a value is made (``f32``), and
integer components wrap to int32 (``i32``).  Printing follows ``String::num_real``
(float overload, 4.x) and ``String::num`` (3.x).
"""

from __future__ import annotations

import math
import struct

from gdscript.errors import ScriptRuntimeError

from .variant import c_num, num3, num_real  # Godot's String::num, shared with printing

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

CMP_EPSILON = 0.00001
UNIT_EPSILON = 0.001
_F32 = struct.Struct("f")


def f32(value: float) -> float:
    """Round a Python float to the nearest float32 (overflow gives +-inf like C)."""
    try:
        return _F32.unpack(_F32.pack(value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def dot32(a, b) -> float:
    """Sum of products rounded to float32 after every operation, like C++ float code."""
    total = 0.0
    for x, y in zip(a, b):
        total = f32(total + f32(x * y))
    return total


def i32(value: int) -> int:
    """Wrap an int to int32 like C++ two's-complement arithmetic."""
    return ((int(value) + 0x80000000) & 0xFFFFFFFF) - 0x80000000


def trunc_to_i32(value: float) -> int:
    """C++ float -> int32 cast (truncation); out-of-range values wrap here."""
    if math.isnan(value) or math.isinf(value):
        return -0x80000000
    return i32(int(value))


# * Number formatting ---------------------------------------------------------

def num_real4(value: float, trailing: bool = True) -> str:
    """Godot 4 ``String::num_real(float)``: how real_t components print."""
    return num_real(value, trailing, precision=6)

def fmt_tuple(values: tuple, dialect: int, is_int: bool = False) -> str:
    """``(a, b, ...)`` the way both dialects print vector-like components."""
    if is_int:
        parts = [str(v) for v in values]
    elif dialect == 3:
        parts = [num3(v) for v in values]
    else:
        parts = [num_real4(v) for v in values]
    return "(" + ", ".join(parts) + ")"


# * Scalar helpers (Math:: in core/math/math_funcs.h) ---------------------------

def is_equal_approx(a: float, b: float) -> bool:
    if a == b:
        return True
    tolerance = CMP_EPSILON * abs(a)
    if tolerance < CMP_EPSILON:
        tolerance = CMP_EPSILON
    return abs(a - b) < tolerance


def is_zero_approx(a: float) -> bool:
    return abs(a) < CMP_EPSILON


def fposmod(x: float, y: float) -> float:
    if y == 0:
        return math.nan
    value = math.fmod(x, y)
    if (value < 0 and y > 0) or (value > 0 and y < 0):
        value += y
    return value + 0.0


def snapped(value: float, step: float) -> float:
    if step != 0:
        return math.floor(value / step + 0.5) * step
    return value


def sign(value: float) -> float:
    return 1.0 if value > 0 else (-1.0 if value < 0 else 0.0)


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def cubic_interpolate(frm, to, pre, post, t):
    return 0.5 * ((frm * 2.0) + (-pre + to) * t
                  + (2.0 * pre - 5.0 * frm + 4.0 * to - post) * (t * t)
                  + (-pre + 3.0 * frm - 3.0 * to + post) * (t * t * t))


def cubic_interpolate_in_time(frm, to, pre, post, weight, to_t, pre_t, post_t):
    # Barry-Goldman pyramidal formulation, as in Math::cubic_interpolate_in_time.
    t = lerp(0.0, to_t, weight)
    a1 = lerp(pre, frm, 0.5 if pre_t == 0 else (t - pre_t) / -pre_t)
    a2 = lerp(frm, to, 0.5 if to_t == 0 else t / to_t)
    a3 = lerp(to, post, 0.5 if post_t - to_t == 0 else (t - to_t) / (post_t - to_t))
    b1 = lerp(a1, a2, 0.5 if to_t - pre_t == 0 else (t - pre_t) / (to_t - pre_t))
    b2 = lerp(a2, a3, 0.5 if post_t == 0 else t / post_t)
    return lerp(b1, b2, 0.5 if to_t == 0 else t / to_t)


def bezier_interpolate(start, c1, c2, end, t):
    omt = 1.0 - t
    return (start * (omt * omt * omt) + c1 * (omt * omt * t * 3.0)
            + c2 * (omt * t * t * 3.0) + end * (t * t * t))


def bezier_derivative(start, c1, c2, end, t):
    omt = 1.0 - t
    return ((c1 - start) * (3.0 * omt * omt) + (c2 - c1) * (6.0 * omt * t)
            + (end - c2) * (3.0 * t * t))


# * Errors ---------------------------------------------------------------------

def type_name(value: Any) -> str:
    """Godot's name for a value's type, as used in error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return getattr(type(value), "GODOT_NAME", "String")
    return getattr(type(value), "GODOT_NAME", type(value).__name__)


def no_constructor(name: str, args: tuple) -> ScriptRuntimeError:
    signature = f"{name}({', '.join(type_name(a) for a in args)})"
    return ScriptRuntimeError(f'No constructor of "{name}" matches the signature "{signature}".')


def is_num(value: Any) -> bool:
    """Godot's strict conversion to int/float accepts bool, int and float."""
    return isinstance(value, (int, float))


def division_by_zero() -> ScriptRuntimeError:
    return ScriptRuntimeError("Division by zero error in operator '/'.")


def modulo_by_zero() -> ScriptRuntimeError:
    return ScriptRuntimeError("Modulo by zero error in operator '%'.")


# * The base class -------------------------------------------------------------

class MathValue:
    """Immutable value with Godot's member/index protocol; subclasses set ``_FIELDS``."""

    __slots__ = ()
    GODOT_NAME = ""
    _FIELDS: tuple[str, ...] = ()
    MEMBERS: tuple[str, ...] = ()
    METHODS: dict[str, Callable] = {}
    METHODS_3: dict[str, Callable] = {}
    STATIC_METHODS: dict[str, Callable] = {}
    STATIC_METHODS_3: dict[str, Callable] = {}
    CONSTANTS: dict[str, Any] = {}
    CONSTANTS_3: dict[str, Any] = {}

    @classmethod
    def _make(cls, *values):
        """Build an instance from already-normalised field values (no checks)."""
        obj = object.__new__(cls)
        for name, value in zip(cls._FIELDS, values):
            object.__setattr__(obj, name, value)
        return obj

    def __setattr__(self, name, value):
        raise AttributeError(f"{self.GODOT_NAME} is immutable; use _with_member")

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self._FIELDS)

    def _get_member(self, name: str):
        if name not in self.MEMBERS:
            raise bad_access(name, self.GODOT_NAME)
        return getattr(self, name)

    def _with_member(self, name: str, value):
        if name not in self._FIELDS:
            raise bad_assign(name, value, self.GODOT_NAME)
        values = [value if f == name else getattr(self, f) for f in self._FIELDS]
        return type(self)(*values)

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        return hash((type(self).__name__, self._fields()))

    def __bool__(self):
        return self != type(self)()

    def __repr__(self):
        return f"{self.GODOT_NAME}{self._gd_str(4)}"

    def __str__(self):
        return self._gd_str(4)

    def _gd_str(self, dialect: int) -> str:
        raise NotImplementedError

    def __reduce__(self):
        return (type(self)._make, self._fields())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def oob_get(index: Any, base: str) -> ScriptRuntimeError:
    return ScriptRuntimeError(f"Out of bounds get index '{index}' (on base: '{base}')")


def oob_set(index: Any, base: str) -> ScriptRuntimeError:
    return ScriptRuntimeError(f"Out of bounds set index '{index}' (on base: '{base}')")


def bad_assign(name: str, value: Any, base: str) -> ScriptRuntimeError:
    return ScriptRuntimeError(
        f"Invalid assignment of property or key '{name}' with value of type "
        f"'{type_name(value)}' on a base object of type '{base}'.")


def bad_access(name: str, base: str) -> ScriptRuntimeError:
    return ScriptRuntimeError(
        f"Invalid access to property or key '{name}' on a base object of type '{base}'.")


def real_arg(value: Any, name: str, member: str) -> float:
    """A number assigned to a real_t member (float32); anything else is an error."""
    if isinstance(value, (int, float)):
        return f32(float(value))
    raise bad_assign(member, value, name)


def method_table(cls, names: str, aliases: dict[str, str] | None = None) -> dict[str, Callable]:
    """``{godot_name: function}`` for the space-separated Python method names.

    ``aliases`` maps a Godot name to the Python method that implements it (used
    for 3.x names such as ``linear_interpolate`` -> ``lerp``).  Python errors
    from bad argument types become a Godot-style runtime error.
    """
    table = {name: _guarded(cls, name, getattr(cls, name)) for name in names.split()}
    for godot_name, py_name in (aliases or {}).items():
        table[godot_name] = _guarded(cls, godot_name, getattr(cls, py_name))
    return table


def _guarded(cls, name: str, fn: Callable) -> Callable:
    def call(*args):
        try:
            return fn(*args)
        except (TypeError, AttributeError, ValueError) as exc:
            raise ScriptRuntimeError(
                f"Invalid call to function '{name}' in base '{cls.GODOT_NAME}': "
                f"invalid arguments ({exc}).") from None
    call.__name__ = name
    call.__wrapped__ = fn
    return call
