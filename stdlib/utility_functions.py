"""Godot's global utility functions (@GlobalScope and @GDScript), one table per dialect.

Contract for the runtime:

* ``UTILITY_FUNCTIONS_4`` / ``UTILITY_FUNCTIONS_3``: name -> Python callable taking the
  script's arguments positionally.  Every callable checks its arguments the way a
  Godot debug build does and raises ``ScriptRuntimeError`` with Godot's message
  (``Error calling utility function "floor()": ...``, 3.x ``Invalid type in
  built-in function 'sin'. ...``).  ``SIGNATURES_4`` / ``SIGNATURES_3`` give
  ``Signature(name, min_args, max_args)`` (``max_args`` is ``None`` for varargs)
  for the analyzer's argument-count checks.
* Printing goes through ``OUTPUT``: ``OUTPUT.write_out(line)`` / ``write_err(line)``
  take one printed message without its newline (``printraw`` always writes to stdout,
  as Godot's ``print_raw`` skips the print handlers).  ``set_output(out, err)`` installs
  capture functions (``None`` restores stdout/stderr) and returns the old pair.
  Captured ``print_rich`` text is the raw BBCode, as Godot's print handlers see it.
* ``push_error`` / ``push_warning`` go through ``errors.engine_error`` / ``engine_warning``.
* Objects: ``register_instance(obj)`` (to be called by ``Object.__init__``) feeds the weak
  id registry behind ``instance_from_id`` / ``is_instance_id_valid``; objects not
  registered are found by a slow scan of the garbage collector's objects.
* ``set_stack_provider(fn)``: ``fn()`` returns ``[(source, function, line), ...]``
  (innermost first) for ``get_stack`` / ``print_stack`` / ``print_debug``.
* ``SCRIPT_HOOKS``: ``inst_to_dict`` / ``dict_to_inst`` / ``is_instance_of`` for script
  classes, provided by the runtime.

Math semantics follow ``core/math/math_funcs.h`` and ``core/variant/variant_utility.cpp``
(4.x) and Godot 3.2.3 as observed (``tests/unit/test_utility_functions.py``).
"""

from __future__ import annotations

import math
import sys
import weakref as pyweakref
from collections import namedtuple

from ..errors import ScriptRuntimeError, engine_error, engine_warning
from ..patterns import LazyPattern
from . import random_numbers
from .objects import Object, RefCounted, Reference
from .random_numbers import f32, to_int64

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    import re
    from collections.abc import Callable
    from typing import Any

# * Output -------------------------------------------------------------------------


class Output:
    """Where print() and friends go: the process streams, or installed capture functions."""

    def __init__(self) -> None:
        self.out: Callable[[str], None] | None = None
        self.err: Callable[[str], None] | None = None

    @property
    def captured(self) -> bool:
        return self.out is not None

    def write_out(self, text: str) -> None:
        if self.out is not None:
            self.out(text)
        else:
            sys.stdout.write(text + "\n")

    def write_err(self, text: str) -> None:
        if self.err is not None:
            self.err(text)
        else:
            sys.stderr.write(text + "\n")

    def write_raw(self, text: str) -> None:
        # Godot's print_raw bypasses the print handlers: captures never see it.
        sys.stdout.write(text)
        sys.stdout.flush()


OUTPUT = Output()


def set_output(out: Callable[[str], None] | None,
               err: Callable[[str], None] | None = None) -> tuple[Any, Any]:
    """Install capture functions for printed lines; returns the previous pair."""
    old = (OUTPUT.out, OUTPUT.err)
    OUTPUT.out, OUTPUT.err = out, err if err is not None else out
    if out is None:
        OUTPUT.err = err
    return old


_ANSI = {"b": "1", "i": "3", "u": "4", "s": "9", "code": "2"}
_COLORS = {"black": 30, "red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35,
           "pink": 35, "purple": 35, "cyan": 36, "white": 37, "gray": 90, "grey": 90,
           "orange": 33, "lime": 92, "teal": 36}
_TAG = LazyPattern(r"\[(/?)([a-z_]+)(?:=([^\]]*))?\]")


def bbcode_to_ansi(text: str, ansi: bool) -> str:
    """print_rich: BBCode -> ANSI escapes (``ansi``) or plain text (tags removed)."""
    def replace(match: re.Match[str]) -> str:
        closing, tag, value = match.group(1), match.group(2), match.group(3)
        if not ansi:
            return ""
        if closing:
            return "\x1b[0m"
        if tag == "color" and value in _COLORS:
            return f"\x1b[{_COLORS[value]}m"
        return f"\x1b[{_ANSI[tag]}m" if tag in _ANSI else ""
    result = _TAG.sub(replace, text)
    return result + "\x1b[0m" if ansi and result != text else result


# * Argument checks and Godot's error messages -------------------------------------

# A utility function's arity; max_args None: vararg.
Signature = namedtuple("Signature", ["name", "min_args", "max_args"])


GDSCRIPT_FUNCTIONS = frozenset({
    "Color8", "char", "convert", "dict_to_inst", "get_stack", "inst_to_dict", "is_instance_of",
    "len", "ord", "print_debug", "print_stack", "range", "type_exists"})


def _where(name: str, dialect: int) -> str:
    if dialect == 3:
        return f"built-in function '{name}'"
    kind = "GDScript utility function" if name in GDSCRIPT_FUNCTIONS else "utility function"
    return f'{kind} "{name}()"'


def call_error(name: str, message: str, dialect: int = 4) -> ScriptRuntimeError:
    """A function-supplied message: ``Error calling utility function "f()": msg``."""
    return ScriptRuntimeError(f"Error calling {_where(name, dialect)}: {message}")


def _type_name(value: Any, dialect: int) -> str:
    from .variant import godot_type_name
    return godot_type_name(value, dialect)


def type_error(name: str, index: int, value: Any, expected: str, dialect: int = 4) -> ScriptRuntimeError:
    return ScriptRuntimeError(
        f"Invalid type in {_where(name, dialect)}. Cannot convert argument {index + 1} "
        f"from {_type_name(value, dialect)} to {expected}.")


def count_error(name: str, expected: int, dialect: int = 4) -> ScriptRuntimeError:
    if dialect == 3:
        return ScriptRuntimeError(f"Invalid call to {_where(name, 3)}. Expected {expected} arguments.")
    return ScriptRuntimeError(f"Invalid call to {_where(name, 4)}. Expected {expected} argument(s).")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float))


def _convert_arg(kind: str, value: Any) -> Any:
    """Godot's strict argument conversion; raises TypeError when not allowed."""
    if kind == "v":
        return value
    if kind == "f":
        if _is_number(value):
            return float(value)
    elif kind == "i":
        if isinstance(value, (int, float)):
            return to_int64(int(value)) if not isinstance(value, float) or math.isfinite(value) else 0
    elif kind == "s":
        if isinstance(value, str) or type(value).__name__ == "NodePath":
            return str(value)
    elif kind == "o":
        if value is None or isinstance(value, Object):
            return value
    else:
        return value
    raise TypeError(kind)


_KIND_NAMES = {"f": "float", "i": "int", "s": "String", "o": "Object"}


def _wrap(name: str, func: Callable[..., Any], kinds: str, dialect: int,
          defaults: int = 0, vararg: bool = False) -> Callable[..., Any]:
    """Check count and types of the arguments, then call ``func``."""
    fixed = len(kinds)

    def utility(*args: Any) -> Any:
        count = len(args)
        if count < fixed - defaults or (count > fixed and not vararg):
            raise count_error(name, fixed, dialect)
        if kinds.strip("v"):
            converted = list(args)
            for index, kind in enumerate(kinds[:count]):
                try:
                    converted[index] = _convert_arg(kind, args[index])
                except TypeError:
                    raise type_error(name, index, args[index], _KIND_NAMES[kind], dialect) from None
            return func(*converted)
        return func(*args)

    utility.__name__ = name
    utility.__qualname__ = name
    utility.__gd_name__ = name  # type: ignore[attr-defined]
    return utility


# * Math helpers (exact C++ operation order) -----------------------------------------

CMP_EPSILON = 0.00001


def is_equal_approx(a: float, b: float) -> bool:
    if a == b:
        return True
    tolerance = max(CMP_EPSILON * abs(a), CMP_EPSILON)
    return abs(a - b) < tolerance


def is_zero_approx(value: float) -> bool:
    return abs(value) < CMP_EPSILON


# The NaN an invalid x86 operation yields has its sign bit set: Godot 3 prints it "-nan".
DEFAULT_NAN = -math.nan


def c_fmod(x: float, y: float) -> float:
    if math.isnan(x) or math.isnan(y):
        return x if math.isnan(x) else y
    if y == 0 or math.isinf(x):
        return DEFAULT_NAN
    return math.fmod(x, y)


def fposmod(x: float, y: float) -> float:
    value = c_fmod(x, y)
    if (value < 0 and y > 0) or (value > 0 and y < 0):
        value += y
    return value + 0.0


def c_mod(x: int, y: int) -> int:
    """C++ ``%`` (truncating) on int64."""
    result = abs(x) % abs(y)
    return -result if x < 0 else result


def posmod(x: int, y: int) -> int:
    if y == 0:
        engine_error('Condition "p_y == 0" is true. Returning: 0',
                     "Division by zero in posmod is undefined. Returning 0 as fallback.")
        return 0
    value = c_mod(x, y)
    if (value < 0 and y > 0) or (value > 0 and y < 0):
        value += y
    return value


def sign(value: float) -> float:
    return 1.0 if value > 0 else (-1.0 if value < 0 else 0.0)


def snapped(value: float, step: float) -> float:
    if step != 0:
        value = math.floor(value / step + 0.5) * step
    return value


def lerpf(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def c_round(value: float) -> float:
    """std::round: halves away from zero."""
    if not math.isfinite(value):
        return value
    magnitude = abs(value)
    result = math.floor(magnitude)
    if magnitude - result >= 0.5:  # exact, unlike magnitude + 0.5 (0.49999999999999994)
        result += 1
    return math.copysign(result, value)


def round3(value: float) -> float:
    """Godot 3's ``Math::round``: floor(x + 0.5) mirrored for negatives (round(-0.0) is 0)."""
    if not math.isfinite(value):
        return value
    return float(math.floor(value + 0.5)) if value >= 0 else -float(math.floor(-value + 0.5))


def c_floor(value: float) -> float:
    return math.copysign(math.floor(value), value) if math.isfinite(value) else value


def c_ceil(value: float) -> float:
    """std::ceil: keeps the sign, so ceil(-0.5) is -0.0."""
    return math.copysign(math.ceil(value), value) if math.isfinite(value) else value


def c_to_int(value: float) -> int:
    """C++ double -> int64 conversion (x86 gives INT64_MIN for nan/inf/overflow)."""
    if not math.isfinite(value) or not -2**63 <= value < 2**63:
        return -2**63
    return int(value)


def c_pow(x: float, y: float) -> float:
    try:
        return math.pow(x, y)
    except (OverflowError, ValueError):
        if x == 0 and y < 0:
            return math.inf
        if x < 0 and not float(y).is_integer():
            return DEFAULT_NAN
        return math.inf


def c_call(func: Callable[[float], float], x: float) -> float:
    """A libm function with C's results for domain/range errors (nan, inf)."""
    try:
        return func(x)
    except ValueError:
        if func in (math.log, math.log10, math.log2) and x == 0:
            return -math.inf
        if func is math.atanh and abs(x) == 1:
            return math.copysign(math.inf, x)
        return DEFAULT_NAN if func in (math.sqrt, math.log, math.log10, math.log2) else math.nan
    except OverflowError:
        return math.inf


def ease(x: float, curve: float) -> float:
    x = min(max(x, 0.0), 1.0)
    if curve > 0:
        if curve < 1.0:
            return 1.0 - c_pow(1.0 - x, 1.0 / curve)
        return c_pow(x, curve)
    if curve < 0:
        if x < 0.5:
            return c_pow(x * 2.0, -curve) * 0.5
        return (1.0 - c_pow(1.0 - (x - 0.5) * 2.0, -curve)) * 0.5 + 0.5
    return 0.0


_STEP_LIMITS = (0.9999, 0.09999, 0.009999, 0.0009999, 0.00009999, 0.000009999,
                0.0000009999, 0.00000009999, 0.000000009999, 0.0000000009999)


def step_decimals(step: float) -> int:
    absolute = abs(step)
    decimals = absolute - int(absolute) if math.isfinite(absolute) else 0.0
    for index, limit in enumerate(_STEP_LIMITS):
        if decimals >= limit:
            return index
    return 0


def wrapf(value: float, low: float, high: float) -> float:
    span = high - low
    if is_zero_approx(span):
        return low
    result = value - (span * math.floor((value - low) / span)) if math.isfinite(value) else math.nan
    if is_equal_approx(result, high):
        return low
    return result


def wrapi(value: int, low: int, high: int) -> int:
    span = high - low
    if span == 0:
        return low
    return low + c_mod(c_mod(value - low, span) + span, span)


def angle_difference(a: float, b: float) -> float:
    difference = c_fmod(b - a, math.tau)
    return c_fmod(2.0 * difference, math.tau) - difference


def nearest_po2(value: int) -> int:
    number = (value - 1) & random_numbers.MASK64
    for shift in (1, 2, 4, 8, 16, 32):
        number |= number >> shift
    return to_int64(number + 1)


def cubic_interpolate(a: float, b: float, pre: float, post: float, t: float) -> float:
    return 0.5 * ((a * 2.0) + (-pre + b) * t + (2.0 * pre - 5.0 * a + 4.0 * b - post) * (t * t)
                  + (-pre + 3.0 * a - 3.0 * b + post) * (t * t * t))


def _angle_points(a: float, b: float, pre: float, post: float) -> tuple[float, float, float, float]:
    from_rot = c_fmod(a, math.tau)
    pre_diff = c_fmod(pre - from_rot, math.tau)
    pre_rot = from_rot + c_fmod(2.0 * pre_diff, math.tau) - pre_diff
    to_diff = c_fmod(b - from_rot, math.tau)
    to_rot = from_rot + c_fmod(2.0 * to_diff, math.tau) - to_diff
    post_diff = c_fmod(post - to_rot, math.tau)
    post_rot = to_rot + c_fmod(2.0 * post_diff, math.tau) - post_diff
    return from_rot, to_rot, pre_rot, post_rot


def cubic_interpolate_in_time(a, b, pre, post, weight, to_t, pre_t, post_t):
    # Barry-Goldman method, as Math::cubic_interpolate_in_time.
    t = lerpf(0.0, to_t, weight)
    a1 = lerpf(pre, a, 0.0 if pre_t == 0 else (t - pre_t) / -pre_t)
    a2 = lerpf(a, b, 0.5 if to_t == 0 else t / to_t)
    a3 = lerpf(b, post, 1.0 if post_t - to_t == 0 else (t - to_t) / (post_t - to_t))
    b1 = lerpf(a1, a2, 0.0 if to_t - pre_t == 0 else (t - pre_t) / (to_t - pre_t))
    b2 = lerpf(a2, a3, 1.0 if post_t == 0 else t / post_t)
    return lerpf(b1, b2, 0.5 if to_t == 0 else t / to_t)


def bezier_interpolate(start: float, c1: float, c2: float, end: float, t: float) -> float:
    omt = 1.0 - t
    omt2 = omt * omt
    t2 = t * t
    return start * (omt2 * omt) + c1 * omt2 * t * 3.0 + c2 * omt * t2 * 3.0 + end * (t2 * t)


def bezier_derivative(start: float, c1: float, c2: float, end: float, t: float) -> float:
    omt = 1.0 - t
    return (c1 - start) * 3.0 * (omt * omt) + (c2 - c1) * 6.0 * omt * t + (end - c2) * 3.0 * (t * t)


def smoothstep(a: float, b: float, s: float) -> float:
    if is_equal_approx(a, b):
        if a <= b:
            return 0.0 if s <= a else 1.0
        return 1.0 if s <= b else 0.0
    x = min(max((s - a) / (b - a), 0.0), 1.0)
    return x * x * (3.0 - 2.0 * x)


def move_toward(a: float, b: float, delta: float) -> float:
    return b if abs(b - a) <= delta else a + sign(b - a) * delta


def rotate_toward(a: float, b: float, delta: float) -> float:
    difference = angle_difference(a, b)
    absolute = abs(difference)
    return a + min(max(delta, absolute - math.pi), absolute) * (1.0 if difference >= 0.0 else -1.0)


def pingpong(value: float, length: float) -> float:
    if length == 0.0:
        return 0.0
    x = (value - length) / (length * 2.0)
    return abs((x - math.floor(x)) * length * 2.0 - length)


def inverse_lerp(a: float, b: float, value: float) -> float:
    try:
        return (value - a) / (b - a)
    except ZeroDivisionError:
        return math.nan if value == a else math.copysign(math.inf, value - a)


def remap(value: float, istart: float, istop: float, ostart: float, ostop: float) -> float:
    return lerpf(ostart, ostop, inverse_lerp(istart, istop, value))


def linear_to_db(linear: float) -> float:
    return c_call(math.log, linear) * 8.6858896380650365530225783783321


def db_to_linear(db: float) -> float:
    return c_call(math.exp, db * 0.11512925464970228420089957273422)


# * Functions on Variants (int/float/vector dispatch) ---------------------------------

_VECTOR_NAMES = ("Vector2", "Vector2i", "Vector3", "Vector3i", "Vector4", "Vector4i")
_NUMERIC_MSG = ('Argument "x" must be "int", "float", "Vector2", "Vector2i", "Vector3", '
                '"Vector3i", "Vector4", or "Vector4i".')


def _is_vector(value: Any) -> bool:
    return getattr(type(value), "GODOT_NAME", None) in _VECTOR_NAMES


def _vector_or_number(name: str, int_op: Callable[[int], Any], float_op: Callable[[float], Any],
                      method: str) -> Callable[[Any], Any]:
    def dispatch(x: Any) -> Any:
        if isinstance(x, bool):
            raise call_error(name, _NUMERIC_MSG)
        if isinstance(x, int):
            return int_op(x)
        if isinstance(x, float):
            return float_op(x)
        if _is_vector(x):
            return getattr(x, method)()
        raise call_error(name, _NUMERIC_MSG)
    return dispatch


def _int_sign(x: int) -> int:
    return (x > 0) - (x < 0)


def snapped_variant(x: Any, step: Any) -> Any:
    if isinstance(x, bool) or not (isinstance(x, (int, float)) or _is_vector(x)):
        raise call_error("snapped", _NUMERIC_MSG)
    if isinstance(x, (int, float)):
        if isinstance(step, bool) or not isinstance(step, (int, float)):
            raise call_error("snapped", 'Argument "step" must be "int" or "float".')
        if isinstance(step, int):
            return to_int64(int(snapped(float(x), float(step))))
        return snapped(float(x), step)
    if type(step) is not type(x):
        raise type_error("snapped", 1, step, _type_name(x, 4))
    return x.snapped(step)


_LERP_TYPES = ("Vector2", "Vector3", "Vector4", "Quaternion", "Basis", "Color", "Transform2D",
               "Transform3D", "Quat", "Transform")
_LERP_MSG = ('Argument "from" must be "int", "float", "Vector2", "Vector3", "Vector4", "Color", '
             '"Quaternion", "Basis", "Transform2D", or "Transform3D".')


def _lerp_value(a: Any, b: Any, weight: float) -> Any:
    name = getattr(type(a), "GODOT_NAME", None)
    if name in ("Quaternion", "Quat", "Basis"):
        return a.slerp(b, weight)
    if name in ("Transform2D", "Transform3D", "Transform"):
        return a.interpolate_with(b, weight)
    if hasattr(a, "lerp"):
        return a.lerp(b, weight)
    return a.linear_interpolate(b, weight)


def lerp_variant(a: Any, b: Any, weight: Any) -> Any:
    weight = _convert_numeric("lerp", 2, weight, 4)
    if isinstance(a, (int, float)) and not isinstance(a, bool):
        if isinstance(b, bool) or not isinstance(b, (int, float)) or type(a) is not type(b):
            raise type_error("lerp", 1, b, _type_name(a, 4))
        return lerpf(float(a), float(b), weight)
    if getattr(type(a), "GODOT_NAME", None) not in _LERP_TYPES:
        raise call_error("lerp", _LERP_MSG)
    if type(b) is not type(a):
        raise type_error("lerp", 1, b, _type_name(a, 4))
    return _lerp_value(a, b, weight)


def _convert_numeric(name: str, index: int, value: Any, dialect: int) -> float:
    if not isinstance(value, (int, float)):
        raise type_error(name, index, value, "float", dialect)
    return float(value)


def _extreme(name: str, pick_later: Callable[[Any, Any], bool], min_count: int = 2) -> Callable[..., Any]:
    def extreme(*args: Any) -> Any:
        if len(args) < min_count:
            raise count_error(name, min_count)
        for index, value in enumerate(args):
            if not isinstance(value, (int, float)):
                raise type_error(name, index, value, "float")
        best = args[0]
        for value in args[1:]:
            if pick_later(best, value):
                best = value
        return best
    return extreme


def clamp_variant(value: Any, low: Any, high: Any) -> Any:
    try:
        if value < low:
            value = low
    except TypeError:
        raise type_error("clamp", 1, low, _type_name(value, 4)) from None
    try:
        if value > high:
            value = high
    except TypeError:
        raise type_error("clamp", 2, high, _type_name(value, 4)) from None
    return value


def wrap_variant(x: Any, low: Any, high: Any) -> Any:
    for index, value in enumerate((x, low, high)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            expected = "float" if index == 0 else _type_name(x, 4)
            raise type_error("wrap", index, value, expected)
    if isinstance(x, int) and isinstance(low, int) and isinstance(high, int):
        return wrapi(x, low, high)
    return wrapf(float(x), float(low), float(high))


# * Objects: registry, weak references, FuncRef ---------------------------------------

from .objects import INSTANCES as INSTANCE_REGISTRY  # noqa: E402  (filled by Object.__init__)


def register_instance(obj: Object) -> None:
    """Record ``obj`` under its instance id (Object.__init__ calls this)."""
    INSTANCE_REGISTRY[obj.get_instance_id()] = obj


def _alive(obj: Any) -> bool:
    return isinstance(obj, Object) and not getattr(obj, "_gd_freed", False)


def instance_from_id(instance_id: int) -> Any:
    obj = INSTANCE_REGISTRY.get(instance_id)
    if obj is None:
        obj = _find_instance(instance_id)
    return obj if _alive(obj) else None


def _find_instance(instance_id: int) -> Any:
    """Slow path for objects made before (or without) ``register_instance``."""
    import gc
    for candidate in gc.get_objects():
        if isinstance(candidate, Object) and getattr(candidate, "_gd_id", None) == instance_id:
            INSTANCE_REGISTRY[instance_id] = candidate
            return candidate
    return None


def is_instance_valid(value: Any) -> bool:
    return _alive(value)


class WeakRef(RefCounted):
    """A weak reference to an Object (``weakref(obj)``)."""

    GODOT_NAME = "WeakRef"

    def __init__(self, target: Any = None) -> None:
        super().__init__()
        self._gd_target = pyweakref.ref(target) if target is not None else None

    def get_ref(self) -> Any:
        target = self._gd_target() if self._gd_target is not None else None
        return target if _alive(target) else None


class WeakRef3(Reference):
    GODOT_NAME = "WeakRef"
    get_ref = WeakRef.get_ref

    def __init__(self, target: Any = None) -> None:
        super().__init__()
        self._gd_target = pyweakref.ref(target) if target is not None else None


def make_weakref(obj: Any, dialect: int = 4) -> Any:
    if obj is not None and not isinstance(obj, Object):
        raise type_error("weakref", 0, obj, "Object", dialect)
    return (WeakRef3 if dialect == 3 else WeakRef)(obj if _alive(obj) else None)


class FuncRef(Reference):
    """Godot 3's FuncRef: an object and a method name, called by name."""

    GODOT_NAME = "FuncRef"

    def __init__(self, instance: Any = None, function: str = "") -> None:
        super().__init__()
        self._gd_instance = pyweakref.ref(instance) if instance is not None else None
        self._gd_function = str(function)

    def _gd_target(self) -> Any:
        target = self._gd_instance() if self._gd_instance is not None else None
        return target if _alive(target) else None

    def set_instance(self, instance: Any) -> None:
        self._gd_instance = pyweakref.ref(instance) if instance is not None else None

    def set_function(self, name: str) -> None:
        self._gd_function = str(name)

    def call_func(self, *args: Any) -> Any:
        target = self._gd_target()
        if target is None:
            engine_error('Condition "!obj" is true. Returned: Variant()')
            return None
        from ..runtime import call_method
        return call_method(target, self._gd_function, *args)

    def call_funcv(self, arg_array: Any) -> Any:
        return self.call_func(*list(arg_array))

    def is_valid(self) -> bool:
        target = self._gd_target()
        if target is None:
            return False
        from ..runtime import has_method
        return bool(has_method(target, self._gd_function))


def is_same(a: Any, b: Any) -> bool:
    if isinstance(a, (list, dict, bytearray, Object)) or isinstance(b, (list, dict, bytearray, Object)):
        return a is b
    if _type_name(a, 4) != _type_name(b, 4):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    from .variant import variant_equal
    return variant_equal(a, b)


_rid_counter = [0]


def rid_allocate_id() -> int:
    _rid_counter[0] += 1
    return _rid_counter[0]


def rid_from_int64(base: int) -> Any:
    from . import class_table
    rid = class_table(4).get("RID")
    if rid is None:
        raise ScriptRuntimeError("RID values are not supported.")
    return rid(base)


# * Printing -----------------------------------------------------------------------

def _join(args: tuple[Any, ...], dialect: int, separator: str = "") -> str:
    from .variant import stringify
    return separator.join(stringify(arg, dialect) for arg in args)


def _printer(dialect: int, separator: str = "", stream: str = "out") -> Callable[..., None]:
    def print_(*args: Any) -> None:
        text = _join(args, dialect, separator)
        (OUTPUT.write_err if stream == "err" else OUTPUT.write_out)(text)
    return print_


def _print_rich(dialect: int) -> Callable[..., None]:
    def print_rich(*args: Any) -> None:
        text = _join(args, dialect)
        if OUTPUT.captured:
            OUTPUT.write_out(text)
        else:
            OUTPUT.write_out(bbcode_to_ansi(text, sys.stdout.isatty()))
    return print_rich


def _printraw(dialect: int) -> Callable[..., None]:
    return lambda *args: OUTPUT.write_raw(_join(args, dialect))


def _print_verbose(dialect: int) -> Callable[..., None]:
    def print_verbose(*args: Any) -> None:
        from . import system
        if system.VERBOSE[0]:
            OUTPUT.write_out(_join(args, dialect))
    return print_verbose


def _push(dialect: int, warning: bool) -> Callable[..., None]:
    name = "push_warning" if warning else "push_error"

    def push(*args: Any) -> None:
        if not args and dialect == 4:
            raise count_error(name, 1)
        (engine_warning if warning else engine_error)(_join(args, dialect))
    return push


# * The call stack (filled by the runtime) ----------------------------------------

def _no_stack() -> list[tuple[str, str, int]]:
    return []


STACK_PROVIDER: list[Callable[[], list[tuple[str, str, int]]]] = [_no_stack]


def set_stack_provider(provider: Callable[[], list[tuple[str, str, int]]] | None) -> Any:
    """Install the runtime's call-stack reader (``None``: no stack); returns the old one."""
    old = STACK_PROVIDER[0]
    STACK_PROVIDER[0] = provider or _no_stack
    return old


def get_stack() -> Any:
    from .arrays import Array
    from .dictionary import Dictionary
    return Array([Dictionary({"source": source, "function": function, "line": line})
                  for source, function, line in STACK_PROVIDER[0]()])


def print_stack() -> None:
    for index, (source, function, line) in enumerate(STACK_PROVIDER[0]()):
        OUTPUT.write_out(f"Frame {index} - {source}:{line} in function '{function}'")


def _print_debug(dialect: int) -> Callable[..., None]:
    def print_debug(*args: Any) -> None:
        text = _join(args, dialect)
        stack = STACK_PROVIDER[0]()
        if stack:
            source, function, line = stack[0]
            text += f"\n   At: {source}:{line}:{function}()"
        OUTPUT.write_out(text)
    return print_debug


class ScriptHooks:
    """Script-level services the runtime provides (defaults: no scripts known)."""

    def inst_to_dict(self, obj: Any) -> Any:
        """``@subpath`` (inner class names), ``@path`` (the script file), then every
        non-static member variable, base script's first."""
        from .dictionary import Dictionary
        from .strings import NodePath, StringName

        info = getattr(type(obj), "_gd_script", None)
        if info is None:
            raise ValueError("Not a script with an instance.")
        inner: list[str] = []
        level = info
        while level.outer is not None:
            inner.append(level.name or "")
            level = level.outer
        if not info.path.startswith("res://") or "::" in info.path:
            raise ValueError("Not based on a resource file.")
        result = Dictionary({"@subpath": NodePath("/".join(reversed(inner))),
                             "@path": info.path})
        for script in info.chain():
            for member in script.members.values():
                if not member.is_static and member.name not in result:
                    result[StringName(member.name)] = getattr(obj, member.pyname, None)
        return result

    def dict_to_inst(self, data: Any) -> Any:
        raise ValueError("Invalid instance dictionary format (missing @path).")

    def is_instance_of(self, value: Any, type_: Any) -> Any:
        return NotImplemented


SCRIPT_HOOKS = ScriptHooks()


def _inst_to_dict(name: str, dialect: int) -> Callable[[Any], Any]:
    def inst_to_dict(obj: Any) -> Any:
        if obj is None:
            return None
        if not isinstance(obj, Object):
            raise type_error(name, 0, obj, "Object", dialect)
        try:
            return SCRIPT_HOOKS.inst_to_dict(obj)
        except ValueError as exc:
            raise call_error(name, str(exc), dialect) from None
    return inst_to_dict


def _dict_to_inst(name: str, dialect: int) -> Callable[[Any], Any]:
    def dict_to_inst(data: Any) -> Any:
        if not isinstance(data, dict):
            raise type_error(name, 0, data, "Dictionary", dialect)
        if "@path" not in data:
            raise call_error(name, "Invalid instance dictionary format (missing @path).", dialect)
        try:
            return SCRIPT_HOOKS.dict_to_inst(data)
        except ValueError as exc:
            raise call_error(name, str(exc), dialect) from None
    return dict_to_inst


# * @GDScript and other non-math functions ---------------------------------------

ERROR_NAMES = (
    "OK", "Failed", "Unavailable", "Unconfigured", "Unauthorized", "Parameter out of range",
    "Out of memory", "File not found", "File: Bad drive", "File: Bad path",
    "File: Permission denied", "File already in use", "Can't open file", "Can't write file",
    "Can't read file", "File unrecognized", "File corrupt", "Missing dependencies for file",
    "End of file", "Can't open", "Can't create", "Query failed", "Already in use", "Locked",
    "Timeout", "Can't connect", "Can't resolve", "Connection error", "Can't acquire resource",
    "Can't fork", "Invalid data", "Invalid parameter", "Already exists", "Does not exist",
    "Can't read database", "Can't write database", "Compilation failed", "Method not found",
    "Link failed", "Script failed", "Cyclic link detected", "Invalid declaration",
    "Duplicate symbol", "Parse error", "Busy", "Skip", "Help", "Bug", "Printer on fire")


def error_string(error: int) -> str:
    return ERROR_NAMES[error] if 0 <= error < len(ERROR_NAMES) else "(invalid error code)"


def _variant_count(dialect: int) -> int:
    from .variant import TYPE_IDS_3, TYPE_IDS_4
    return max((TYPE_IDS_3 if dialect == 3 else TYPE_IDS_4).values()) + 1


def type_string(type_id: int) -> str:
    from .variant import type_name
    if not 0 <= type_id < _variant_count(4):
        engine_error('Index p_type = %d is out of bounds ((int)Variant::VARIANT_MAX = %d).'
                     % (type_id, _variant_count(4)), "Invalid type argument to type_string(), use the TYPE_* constants.")
        return "<invalid type>"
    return type_name(type_id, 4)


def _length(name: str, dialect: int) -> Callable[[Any], int]:
    def length(value: Any) -> int:
        if isinstance(value, (str, list, dict, bytearray)):
            return len(value)
        if dialect == 3:
            raise call_error(name, "Object can't provide a length.", 3)
        raise call_error(name, f"Value of type '{_type_name(value, 4)}' can't provide a length.")
    return length


def _division_round_up(num: int, den: int) -> int:
    offset = 1 if num < 0 and den < 0 else -1
    quotient = num + den + offset
    return abs(quotient) // abs(den) * (1 if (quotient >= 0) == (den > 0) else -1)


def _range(dialect: int) -> Callable[..., Any]:
    def range_(*args: Any) -> Any:
        from .arrays import Array
        if not 1 <= len(args) <= 3:
            raise count_error("range", 3 if len(args) > 3 else 1, dialect)
        values = []
        for index, arg in enumerate(args):
            if isinstance(arg, bool) or not isinstance(arg, (int, float)):
                raise type_error("range", index, arg, "int", dialect)
            values.append(int(arg))
        start, stop, step = (0, values[0], 1) if len(values) == 1 else (values + [1])[:3]
        if step == 0:
            raise call_error("range", "Step argument is zero!", dialect)
        if (step > 0 and start >= stop) or (step < 0 and start <= stop):
            return Array()
        count = _division_round_up(stop - start if step > 0 else start - stop, abs(step))
        if count > 2**31 - 1:
            raise call_error("range", "Range too big.", dialect)
        return Array(range(start, stop, step))
    return range_


def _char(dialect: int) -> Callable[[Any], str]:
    def char(code: int) -> str:
        if dialect == 4 and not 0 <= code <= 0xFFFFFFFF:
            raise call_error("char", "Expected an integer between 0 and 2^32 - 1.")
        if code == 0 or code < 0:
            return ""
        if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return "\ufffd"
        return chr(code)
    return char


def _ord(dialect: int) -> Callable[[str], int]:
    def ord_(text: str) -> int:
        if len(text) != 1:
            raise call_error("ord", "Expected a string of length 1 (a character).", dialect)
        return ord(text)
    return ord_


def _type_exists(dialect: int) -> Callable[[str], bool]:
    def type_exists(name: str) -> bool:
        from . import class_table
        cls = class_table(dialect).get(str(name))
        return isinstance(cls, type) and issubclass(cls, Object)
    return type_exists


def _is_instance_of(value: Any, type_: Any) -> bool:
    from .variant import typeof
    if isinstance(type_, int) and not isinstance(type_, bool):
        if not 0 <= type_ < _variant_count(4):
            raise call_error("is_instance_of", "Invalid type argument for is_instance_of(), "
                             "use TYPE_* constants for built-in types.")
        return typeof(value, 4) == type_
    if isinstance(type_, Object) and type_._gd_freed:
        raise call_error("is_instance_of", "Type argument is a previously freed instance.")
    if isinstance(value, Object) and value._gd_freed:
        raise call_error("is_instance_of", "Value argument is a previously freed instance.")
    result = SCRIPT_HOOKS.is_instance_of(value, type_)
    if result is not NotImplemented:
        return bool(result)
    if isinstance(type_, type) and issubclass(type_, Object):
        return isinstance(value, type_)
    raise call_error("is_instance_of", "Invalid type argument for is_instance_of(), should be "
                     "a TYPE_* constant, a class or a script.")


def type_convert(value: Any, type_id: int, dialect: int = 4) -> Any:
    """Variant conversion operators: never fails, falls back to the type's default."""
    from .variant import type_name, typeof
    if typeof(value, dialect) == type_id:
        return value
    name = type_name(type_id, dialect)
    if name == "<invalid type>":
        engine_error("Invalid type argument to type_convert(), use the TYPE_* constants. "
                     "Returning the unconverted Variant.")
        return value
    return _convert_to(value, name, dialect)


def _convert_to(value: Any, name: str, dialect: int) -> Any:
    from . import class_table
    from .variant import stringify
    if name == "Nil":
        return None
    if name == "bool":
        return bool(value) if not isinstance(value, str) else value != ""
    if name in ("int", "float"):
        if isinstance(value, str):
            from . import strings
            number = strings.to_int(value) if name == "int" else strings.to_float(value)
        else:
            number = value if isinstance(value, (int, float)) else 0
        if name == "int":
            return to_int64(int(number)) if not isinstance(number, float) or math.isfinite(number) else 0
        return float(number)
    if name in ("String", "StringName"):
        text = stringify(value, dialect)
        return text if name == "String" else class_table(dialect)["StringName"](text)
    cls = class_table(dialect).get(name)
    if cls is None:
        return None
    fields = getattr(type(value), "_FIELDS", None)
    try:
        if fields is not None and len(fields) == len(getattr(cls, "_FIELDS", ())):
            return cls(*(getattr(value, f) for f in fields))  # Vector2i -> Vector2 and the like
        return cls(value) if isinstance(value, (list, dict, bytearray, str)) else cls()
    except Exception:  # noqa: BLE001 - Godot's conversion operators fall back to defaults
        return cls()


def _convert(dialect: int) -> Callable[[Any, int], Any]:
    def convert(value: Any, type_id: int) -> Any:
        if not 0 <= type_id < _variant_count(dialect):
            raise call_error("convert", "Invalid type argument to convert(), use TYPE_* constants.", dialect)
        return type_convert(value, type_id, dialect)
    return convert


def _color8(dialect: int) -> Callable[..., Any]:
    def color8(r8: int, g8: int, b8: int, a8: int = 255) -> Any:
        from . import class_table
        color = class_table(dialect)["Color"]
        if dialect == 3:
            return color(r8 / 255.0, g8 / 255.0, b8 / 255.0, a8 / 255.0)
        return color.from_rgba8(r8, g8, b8, a8)
    return color8


def color_n(name: str, alpha: float = 1.0) -> Any:
    from .color import named_color_3
    return named_color_3(name, alpha)


def _hash(dialect: int) -> Callable[[Any], int]:
    def hash_(value: Any) -> int:
        from .hashing import godot_hash
        return godot_hash(value, dialect)
    return hash_


def _var_to_str(dialect: int) -> Callable[[Any], str]:
    def var_to_str(value: Any) -> str:
        from .variant import var_to_str as write
        return write(value, dialect)
    return var_to_str


def _str_to_var(dialect: int) -> Callable[[str], Any]:
    def str_to_var(text: str) -> Any:
        from .variant import str_to_var as parse
        return parse(text, dialect)
    return str_to_var


def _var_to_bytes(dialect: int) -> Callable[[Any], Any]:
    def var_to_bytes(value: Any, full_objects: bool = False) -> Any:
        from .marshalls import encode_variant
        return encode_variant(value, dialect)
    return var_to_bytes


def _bytes_to_var(name: str, dialect: int) -> Callable[[Any], Any]:
    def bytes_to_var(data: Any, allow_objects: bool = False) -> Any:
        from .marshalls import MarshallError, decode_variant
        try:
            return decode_variant(bytes(data), dialect)
        except MarshallError as exc:
            engine_error(str(exc))
            if dialect == 3:
                raise call_error(name, "Not enough bytes for decoding bytes, or invalid format.", 3) from None
            return None
    return bytes_to_var


def _typeof(dialect: int) -> Callable[[Any], int]:
    def typeof(value: Any) -> int:
        from .variant import typeof as variant_typeof
        return variant_typeof(value, dialect)
    return typeof


def _str(dialect: int) -> Callable[..., str]:
    def str_(*args: Any) -> str:
        if not args and dialect == 4:
            raise count_error("str", 1)
        return _join(args, dialect)
    return str_


# * The tables -----------------------------------------------------------------------

def _math_functions() -> dict[str, tuple[Callable[..., Any], str]]:
    """Functions on plain floats/ints shared by both dialects: name -> (function, kinds)."""
    return {
        "sin": (math.sin, "f"), "cos": (math.cos, "f"), "tan": (math.tan, "f"),
        "sinh": (lambda x: c_call(math.sinh, x), "f"), "cosh": (lambda x: c_call(math.cosh, x), "f"),
        "tanh": (math.tanh, "f"), "asin": (lambda x: c_call(math.asin, x), "f"),
        "acos": (lambda x: c_call(math.acos, x), "f"), "atan": (math.atan, "f"),
        "atan2": (math.atan2, "ff"), "sqrt": (lambda x: c_call(math.sqrt, x), "f"),
        "fmod": (c_fmod, "ff"), "fposmod": (fposmod, "ff"), "posmod": (posmod, "ii"),
        "pow": (c_pow, "ff"), "log": (lambda x: c_call(math.log, x), "f"),
        "exp": (lambda x: c_call(math.exp, x), "f"), "is_nan": (math.isnan, "f"),
        "is_inf": (math.isinf, "f"), "is_equal_approx": (is_equal_approx, "ff"),
        "is_zero_approx": (is_zero_approx, "f"), "ease": (ease, "ff"),
        "step_decimals": (step_decimals, "f"), "lerp_angle": (
            lambda a, b, t: a + angle_difference(a, b) * t, "fff"),
        "inverse_lerp": (inverse_lerp, "fff"), "smoothstep": (smoothstep, "fff"),
        "move_toward": (move_toward, "fff"), "wrapi": (wrapi, "iii"), "wrapf": (wrapf, "fff"),
    }


def _functions_4() -> dict[str, tuple[Callable[..., Any], str]]:
    table = _math_functions()
    table["ease"] = (lambda x, c: ease(f32(x), f32(c)), "ff")
    table["step_decimals"] = (lambda s: step_decimals(f32(s)), "f")
    table.update({
        "asinh": (math.asinh, "f"), "acosh": (lambda x: c_call(math.acosh, x) if x >= 1 else 0.0, "f"),
        "atanh": (lambda x: c_call(math.atanh, max(min(x, 1.0), -1.0)), "f"),
        "is_finite": (math.isfinite, "f"),
        "floorf": (c_floor, "f"), "floori": (lambda x: c_to_int(c_floor(x)), "f"),
        "ceilf": (c_ceil, "f"), "ceili": (lambda x: c_to_int(c_ceil(x)), "f"),
        "roundf": (c_round, "f"), "roundi": (lambda x: c_to_int(c_round(x)), "f"),
        "absf": (abs, "f"), "absi": (lambda x: to_int64(abs(x)), "i"),
        "signf": (sign, "f"), "signi": (_int_sign, "i"),
        "snappedf": (snapped, "ff"), "snappedi": (lambda x, s: to_int64(int(snapped(x, s))), "fi"),
        "lerpf": (lerpf, "fff"), "cubic_interpolate": (cubic_interpolate, "fffff"),
        "cubic_interpolate_angle": (
            lambda a, b, pre, post, t: cubic_interpolate(*_angle_points(a, b, pre, post)[:2],
                                                         *_angle_points(a, b, pre, post)[2:], t), "fffff"),
        "cubic_interpolate_in_time": (cubic_interpolate_in_time, "ffffffff"),
        "cubic_interpolate_angle_in_time": (
            lambda a, b, pre, post, w, tt, pt, qt: cubic_interpolate_in_time(
                *_angle_points(a, b, pre, post)[:2], *_angle_points(a, b, pre, post)[2:], w, tt, pt, qt),
            "ffffffff"),
        "bezier_interpolate": (bezier_interpolate, "fffff"),
        "bezier_derivative": (bezier_derivative, "fffff"),
        "angle_difference": (angle_difference, "ff"), "remap": (remap, "fffff"),
        "rotate_toward": (rotate_toward, "fff"),
        "deg_to_rad": (lambda x: x * (math.pi / 180.0), "f"),
        "rad_to_deg": (lambda x: x * (180.0 / math.pi), "f"),
        "linear_to_db": (linear_to_db, "f"), "db_to_linear": (db_to_linear, "f"),
        "pingpong": (pingpong, "ff"), "maxf": (lambda a, b: a if a > b else b, "ff"),
        "maxi": (max, "ii"), "minf": (lambda a, b: a if a < b else b, "ff"), "mini": (min, "ii"),
        "clampf": (lambda x, lo, hi: lo if x < lo else (hi if x > hi else x), "fff"),
        "clampi": (lambda x, lo, hi: lo if x < lo else (hi if x > hi else x), "iii"),
        "nearest_po2": (nearest_po2, "i"),
        "abs": (_vector_or_number("abs", lambda x: to_int64(abs(x)), abs, "abs"), "v"),
        "sign": (_vector_or_number("sign", _int_sign, sign, "sign"), "v"),
        "floor": (_vector_or_number("floor", int, c_floor, "floor"), "v"),
        "ceil": (_vector_or_number("ceil", int, c_ceil, "ceil"), "v"),
        "round": (_vector_or_number("round", int, c_round, "round"), "v"),
        "snapped": (snapped_variant, "vv"), "lerp": (lerp_variant, "vvv"),
        "clamp": (clamp_variant, "vvv"), "wrap": (wrap_variant, "vvv"),
        "error_string": (error_string, "i"), "type_string": (type_string, "i"),
        "typeof": (_typeof(4), "v"), "type_convert": (type_convert, "vi"),
        "var_to_str": (_var_to_str(4), "v"), "str_to_var": (_str_to_var(4), "s"),
        "var_to_bytes": (_var_to_bytes(4), "v"), "bytes_to_var": (_bytes_to_var("bytes_to_var", 4), "v"),
        "var_to_bytes_with_objects": (_var_to_bytes(4), "v"),
        "bytes_to_var_with_objects": (_bytes_to_var("bytes_to_var_with_objects", 4), "v"),
        "hash": (_hash(4), "v"), "instance_from_id": (instance_from_id, "i"),
        "is_instance_id_valid": (lambda i: instance_from_id(i) is not None, "i"),
        "is_instance_valid": (is_instance_valid, "v"), "is_same": (is_same, "vv"),
        "rid_allocate_id": (rid_allocate_id, ""), "rid_from_int64": (rid_from_int64, "i"),
        "weakref": (make_weakref, "v"),
        "char": (_char(4), "i"), "ord": (_ord(4), "s"), "len": (_length("len", 4), "v"),
        "type_exists": (_type_exists(4), "s"), "is_instance_of": (_is_instance_of, "vv"),
        "convert": (_convert(4), "vi"), "inst_to_dict": (_inst_to_dict("inst_to_dict", 4), "v"),
        "dict_to_inst": (_dict_to_inst("dict_to_inst", 4), "v"),
        "get_stack": (get_stack, ""), "print_stack": (print_stack, ""),
        "Color8": (_color8(4), "iiii"),
    })
    return table


def _varargs_4() -> dict[str, tuple[Callable[..., Any], int]]:
    return {
        "max": (_extreme("max", lambda best, x: best < x), 2),
        "min": (_extreme("min", lambda best, x: best > x), 2),
        "str": (_str(4), 1), "print": (_printer(4), 0), "print_rich": (_print_rich(4), 0),
        "print_verbose": (_print_verbose(4), 0), "printerr": (_printer(4, "", "err"), 0),
        "printraw": (_printraw(4), 0), "prints": (_printer(4, " "), 0),
        "printt": (_printer(4, "\t"), 0), "push_error": (_push(4, False), 1),
        "push_warning": (_push(4, True), 1), "print_debug": (_print_debug(4), 0),
        "range": (_range(4), 1),
    }


_DEFAULTS = {"Color8": 1, "ColorN": 1, "var2bytes": 1, "bytes2var": 1}


def _build(dialect: int, fixed: dict[str, tuple[Callable[..., Any], str]],
           varargs: dict[str, tuple[Callable[..., Any], int]],
           random: dict[str, Callable[..., Any]]) -> tuple[dict[str, Any], dict[str, Signature]]:
    table: dict[str, Any] = {}
    signatures: dict[str, Signature] = {}
    for name, (func, kinds) in fixed.items():
        defaults = _DEFAULTS.get(name, 0)
        table[name] = _wrap(name, func, kinds, dialect, defaults)
        signatures[name] = Signature(name, len(kinds) - defaults, len(kinds))
    for name, (func, min_args) in varargs.items():
        func.__gd_name__ = name  # type: ignore[attr-defined]
        table[name] = func
        signatures[name] = Signature(name, min_args, 3 if name == "range" else None)
    for name, func in random.items():
        kinds = {"seed": "i", "rand_from_seed": "i", "rand_seed": "i", "randi_range": "ii",
                 "randf_range": "ff", "rand_range": "ff", "randfn": "ff"}.get(name, "")
        table[name] = _wrap(name, func, kinds, dialect)
        signatures[name] = Signature(name, len(kinds), len(kinds))
    for name, func in table.items():
        # How a utility function prints as a Callable: "@GlobalScope::print", "@GDScript::len".
        func.__name__ = ("@GDScript::" if name in GDSCRIPT_FUNCTIONS else "@GlobalScope::") + name
    return table, signatures


UTILITY_FUNCTIONS_4, SIGNATURES_4 = _build(
    4, _functions_4(), _varargs_4(), random_numbers.GLOBAL_FUNCTIONS_4)


def _number3(name: str, int_op: Callable[[int], Any], float_op: Callable[[float], Any]) -> Callable[[Any], Any]:
    """3.x functions that keep an int argument an int (abs, sign)."""
    def number(x: Any) -> Any:
        if isinstance(x, int) and not isinstance(x, bool):
            return int_op(x)
        return float_op(_convert_numeric(name, 0, x, 3))
    return number


def _pick3(name: str, pick: Callable[..., Any]) -> Callable[..., Any]:
    """3.x max/min/clamp: int when every argument is an int, else float."""
    def pick_numbers(*args: Any) -> Any:
        for index, arg in enumerate(args):
            _convert_numeric(name, index, arg, 3)
        if all(isinstance(a, int) and not isinstance(a, bool) for a in args):
            return pick(*args)
        return float(pick(*(float(a) for a in args)))
    return pick_numbers


def _lerp3(a: Any, b: Any, weight: Any) -> Any:
    weight = _convert_numeric("lerp", 2, weight, 3)
    if isinstance(a, (int, float)):
        return lerpf(float(a), _convert_numeric("lerp", 1, b, 3), weight)
    if type(b) is not type(a):
        raise type_error("lerp", 1, b, _type_name(a, 3), 3)
    return _lerp_value(a, b, weight)


def _vector3(x: float, y: float) -> Any:
    from . import class_table
    return class_table(3)["Vector2"](x, y)


def _decimals(step: float) -> int:
    engine_warning("GDScript method 'decimals' is deprecated and has been renamed to "
                   "'step_decimals', please update your code accordingly.")
    return step_decimals(step)


def _dectime(value: float, amount: float, step: float) -> float:
    result = abs(value) - amount * step
    return max(result, 0.0) * (-1.0 if value < 0 else 1.0)


def _nearest_po2_3(value: int) -> int:
    number = (value - 1) & 0xFFFFFFFF
    for shift in (1, 2, 4, 8, 16):
        number |= number >> shift
    return (number + 1) & 0xFFFFFFFF


def _funcref(instance: Any, name: str) -> Any:
    return FuncRef(instance, name)


def _json3(name: str) -> Callable[..., Any]:
    def call(*args: Any) -> Any:
        from . import json_class
        return getattr(json_class, name)(*args)
    return call


def _functions_3() -> dict[str, tuple[Callable[..., Any], str]]:
    table = _math_functions()
    table.update({
        "floor": (c_floor, "f"), "ceil": (c_ceil, "f"), "round": (round3, "f"),
        "abs": (_number3("abs", abs, abs), "v"), "sign": (_number3("sign", _int_sign, sign), "v"),
        "decimals": (_decimals, "f"), "stepify": (snapped, "ff"), "lerp": (_lerp3, "vvv"),
        "range_lerp": (remap, "fffff"), "dectime": (_dectime, "fff"),
        "deg2rad": (lambda x: x * (math.pi / 180.0), "f"),
        "rad2deg": (lambda x: x * (180.0 / math.pi), "f"),
        "linear2db": (linear_to_db, "f"), "db2linear": (db_to_linear, "f"),
        "polar2cartesian": (lambda r, th: _vector3(r * math.cos(th), r * math.sin(th)), "ff"),
        "cartesian2polar": (lambda x, y: _vector3(math.sqrt(x * x + y * y), math.atan2(y, x)), "ff"),
        # C's MAX/MIN macros: with a NaN the comparison fails and the second value wins
        "max": (_pick3("max", lambda a, b: a if a > b else b), "vv"),
        "min": (_pick3("min", lambda a, b: a if a < b else b), "vv"),
        "clamp": (_pick3("clamp", lambda x, lo, hi: lo if x < lo else (hi if x > hi else x)), "vvv"),
        "nearest_po2": (_nearest_po2_3, "i"), "weakref": (lambda o: make_weakref(o, 3), "o"),
        "funcref": (_funcref, "os"), "convert": (_convert(3), "vi"), "typeof": (_typeof(3), "v"),
        "type_exists": (_type_exists(3), "s"), "char": (_char(3), "i"), "ord": (_ord(3), "s"),
        "var2str": (_var_to_str(3), "v"), "str2var": (_str_to_var(3), "s"),
        "var2bytes": (_var_to_bytes(3), "vv"), "bytes2var": (_bytes_to_var("bytes2var", 3), "vv"),
        "inst2dict": (_inst_to_dict("inst2dict", 3), "v"),
        "dict2inst": (_dict_to_inst("dict2inst", 3), "v"),
        "validate_json": (_json3("validate_json"), "s"), "parse_json": (_json3("parse_json"), "s"),
        "to_json": (_json3("to_json"), "v"), "hash": (_hash(3), "v"),
        "Color8": (_color8(3), "iiii"), "ColorN": (color_n, "sf"),
        "print_stack": (print_stack, ""), "get_stack": (get_stack, ""),
        "instance_from_id": (instance_from_id, "i"), "len": (_length("len", 3), "v"),
        "is_instance_valid": (is_instance_valid, "v"),
    })
    return table


def _varargs_3() -> dict[str, tuple[Callable[..., Any], int]]:
    return {
        "str": (_str(3), 0), "print": (_printer(3), 0), "printerr": (_printer(3, "", "err"), 0),
        "printraw": (_printraw(3), 0), "prints": (_printer(3, " "), 0),
        "printt": (_printer(3, "\t"), 0), "push_error": (_push(3, False), 1),
        "push_warning": (_push(3, True), 1), "print_debug": (_print_debug(3), 0),
        "range": (_range(3), 1),
    }


UTILITY_FUNCTIONS_3, SIGNATURES_3 = _build(
    3, _functions_3(), _varargs_3(), random_numbers.GLOBAL_FUNCTIONS_3)


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"WeakRef": WeakRef}
GODOT_CLASSES_3 = {"WeakRef": WeakRef3, "FuncRef": FuncRef}
