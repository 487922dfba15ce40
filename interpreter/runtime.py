"""Runtime: the small surface that compiled GDScript code calls.

Compiled modules import the names in ``__all__`` (through ``Hooks`` for their
dialect) and nothing else of this project.  Operators compile to plain Python
operators where Python already has Godot's meaning; the helpers here cover
what differs: integer division and modulo (truncating, with Godot's division by
zero error), 64-bit wrapping, and every member, index and method access on a
value, which goes through ``get_member``/``set_member``/``get_index``/
``set_index``/``call_method``.  Those hooks are also the sandbox: names
starting with ``_`` and anything that is not part of Godot's API of a value
are unreachable.

Errors: a script error is a ``ScriptRuntimeError``.  Python errors raised by
plain operators (``TypeError`` for ``1 + "a"``...) are translated into Godot's
messages by ``error_message``.  Each compiled function catches errors raised
in its own frame and reports them (see ``script.report_error``), so a failing
call returns null to its caller, as in Godot.

This module must not import the parser, the AST nodes or the compiler.
"""

from __future__ import annotations

import math
import sys

from .access import Hooks
from .errors import ScriptRuntimeError
from .patterns import LazyPattern

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

INT_MIN = -(2**63)
INT_MAX = 2**63 - 1

# What compiled code reaches (as ``_rt_<name>``) besides the helpers defined below.
__all__ = [
    "INT_MIN", "INT_MAX", "wrap_int", "int_div", "int_mod", "op_div", "op_mod", "op_pow",
    "op_lshift", "op_neg", "get_member", "set_member", "get_index", "set_index",
    "call_method", "has_method", "error_message", "Hooks", "BARE_YIELD", "report_error",
    "signal_of",
]


# * Integers ----------------------------------------------------------------

def wrap_int(value: Any) -> Any:
    """Wrap an int that left 64 bits the way Godot's int64 does; other values pass."""
    if type(value) is int and not INT_MIN <= value <= INT_MAX:
        return ((value - INT_MIN) & 0xFFFFFFFFFFFFFFFF) + INT_MIN
    return value


def int_div(a: int, b: int) -> int:
    """``int / int``: truncates toward zero; dividing by zero is a script error."""
    if b == 0:
        raise ScriptRuntimeError("Division by zero error in operator '/'.")
    q = abs(a) // abs(b)
    if (a < 0) != (b < 0):
        q = -q
    return wrap_int(q)


def int_mod(a: int, b: int) -> int:
    """``int % int`` as in C: the sign follows the dividend."""
    if b == 0:
        raise ScriptRuntimeError("Modulo by zero error in operator '%'.")
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def _is_int(v: Any) -> bool:
    return type(v) is int


def op_div(a: Any, b: Any) -> Any:
    """``/`` on operands whose types the compiler could not prove."""
    if type(a) is int and type(b) is int:
        return int_div(a, b)
    if type(a) is bool or type(b) is bool:
        raise _invalid_operands(a, b, "/")
    try:
        return a / b
    except ZeroDivisionError:
        # Godot: float division by zero gives inf or nan, like IEEE.
        if a != a or a == 0:
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, float(b))
    except TypeError:
        raise _invalid_operands(a, b, "/") from None


def op_mod(a: Any, b: Any, dialect: int = 4) -> Any:
    if type(a) is int and type(b) is int:
        return int_mod(a, b)
    if isinstance(a, str):
        from gdscript.stdlib.variant import format_percent

        return format_percent(a, b, dialect)
    if isinstance(a, float) or isinstance(b, float):
        if type(a) is bool or type(b) is bool or not isinstance(a, (int, float)):
            raise _invalid_operands(a, b, "%")
        if not isinstance(b, (int, float)):
            raise _invalid_operands(a, b, "%")
        return math.fmod(a, b) if b != 0 else math.nan
    try:
        return a % b
    except ZeroDivisionError:
        raise ScriptRuntimeError("Modulo by zero error in operator '%'.") from None
    except TypeError:
        raise _invalid_operands(a, b, "%") from None


def op_mod_3(a: Any, b: Any) -> Any:
    """``%`` in Godot 3 scripts: 3.x formatting and 3.x's division-by-zero message."""
    if type(a) is int and type(b) is int and b == 0:
        raise ScriptRuntimeError("Division By Zero in operator '%'.")
    if not isinstance(a, str) and (type(a) is bool or type(b) is bool):
        raise _invalid_operands_3(a, b, "%")
    return op_mod(a, b, 3)


def op_div_3(a: Any, b: Any) -> Any:
    """``/`` in Godot 3 scripts: dividing an int or float by zero is an error."""
    if type(b) in (int, float) and b == 0 and type(a) in (int, float):
        raise ScriptRuntimeError("Division By Zero in operator '/'.")
    return op_div(a, b)


def op_mul(a: Any, b: Any) -> Any:
    """``*`` on operands of unknown types: Python would repeat strings and lists
    (packed arrays refuse repetition themselves; Transform2D * PackedVector2Array is real)."""
    try:
        r = a * b
    except TypeError:
        raise _invalid_operands(a, b, "*") from None
    t = type(r)
    if t is int:
        if type(a) is bool or type(b) is bool:
            raise _invalid_operands(a, b, "*")
        return r if INT_MIN <= r <= INT_MAX else wrap_int(r)
    if t is str or t is list or (t is not float and isinstance(r, (str, list))
                                 and not isinstance(r, PackedArray)):
        raise _invalid_operands(a, b, "*")
    return r


def op_pow(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        if b < 0:
            return 0 if abs(a) != 1 else (a if b % 2 else 1)
        return wrap_int(pow(a, b, 2**64)) if b > 64 else wrap_int(a**b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and \
            type(a) is not bool and type(b) is not bool:
        try:
            return float(a) ** float(b)
        except (OverflowError, ZeroDivisionError):
            return math.inf
    raise _invalid_operands(a, b, "**")


def op_lshift(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        if b < 0:
            return 0
        return wrap_int((a << b) & 0xFFFFFFFFFFFFFFFF) if b < 64 else 0
    raise _invalid_operands(a, b, "<<")


def op_neg(a: Any) -> Any:
    if type(a) is bool:
        raise ScriptRuntimeError("Invalid operand of type 'bool' for unary operator '-'.")
    try:
        return wrap_int(-a)
    except TypeError:
        raise ScriptRuntimeError(
            f"Invalid operand of type '{_tname(a)}' for unary operator '-'.") from None


# * Error translation --------------------------------------------------------

def _tname(value: Any) -> str:
    from gdscript.stdlib.variant import godot_type_name

    return godot_type_name(value)


def _invalid_operands(a: Any, b: Any, op: str) -> ScriptRuntimeError:
    return ScriptRuntimeError(
        f"Invalid operands '{_tname(a)}' and '{_tname(b)}' in operator '{op}'.")


_PY_TYPE_NAMES = {"str": "String", "NoneType": "Nil", "list": "Array", "dict": "Dictionary",
                  "bytearray": "PackedByteArray", "bytes": "PackedByteArray"}
_BINOP = LazyPattern(r"unsupported operand type\(s\) for (\S+): '(\w+)' and '(\w+)'")
_CONCAT = LazyPattern(r'can only concatenate (\w+) \(not "(\w+)"\) to (\w+)')
_COMPARE = LazyPattern(r"'(\S+)' not supported between instances of '(\w+)' and '(\w+)'")
_UNARY = LazyPattern(r"bad operand type for unary (\S+): '(\w+)'")
_PY_OPS = {"**": "**", "//": "/", "pow()": "**"}
_ARITY = LazyPattern(r"(?:\w+\.)?(\w+)\(\) (?:takes (?:from \d+ to )?(\d+) positional "
                     r"arguments? but (\d+) (?:was|were) given|missing (\d+) required positional)")


def _godot_name_of_py(name: str) -> str:
    return _PY_TYPE_NAMES.get(name, name)


def error_message(exc: BaseException) -> str | None:
    """Godot's message for a Python error raised by compiled code, or None (a bug)."""
    if isinstance(exc, ScriptRuntimeError):
        return exc.message
    if isinstance(exc, RecursionError):
        return "Stack overflow (stack size: 1024). Check for infinite recursion in your script."
    if isinstance(exc, MemoryError):  # one allocation larger than the memory ceiling allows
        return "Out of memory."
    if isinstance(exc, ZeroDivisionError):
        return "Division by zero error in operator '/'."
    if isinstance(exc, TypeError):
        text = str(exc)
        m = _BINOP.search(text)
        if m:
            op = _PY_OPS.get(m.group(1), m.group(1))
            return (f"Invalid operands '{_godot_name_of_py(m.group(2))}' and "
                    f"'{_godot_name_of_py(m.group(3))}' in operator '{op}'.")
        m = _CONCAT.search(text)
        if m:
            return (f"Invalid operands '{_godot_name_of_py(m.group(3))}' and "
                    f"'{_godot_name_of_py(m.group(2))}' in operator '+'.")
        m = _COMPARE.search(text)
        if m:
            return (f"Invalid operands '{_godot_name_of_py(m.group(2))}' and "
                    f"'{_godot_name_of_py(m.group(3))}' in operator '{m.group(1)}'.")
        m = _ARITY.match(text)
        if m and not m.group(1).startswith("_gd_"):
            # A direct call to a script function with the wrong count (self not counted).
            expected = int(m.group(2)) - 1 if m.group(2) else None
            count = f" Expected {expected} argument(s)." if expected is not None else ""
            return f"Invalid call to function '{m.group(1)}'.{count}"
        m = _UNARY.search(text)
        if m:
            return (f"Invalid operand of type '{_godot_name_of_py(m.group(2))}' "
                    f"for unary operator '{m.group(1)}'.")
    if isinstance(exc, OverflowError):
        return "Numeric overflow."
    return None


# * Hooks: member, index and method access, per dialect ------------------------

HOOKS = {3: Hooks(3), 4: Hooks(4)}


def _install_stdlib_hooks() -> None:
    from gdscript.stdlib import arrays

    arrays.call_method = HOOKS[4].call_method


_install_stdlib_hooks()

# Dialect-neutral entry points (objects' APIs do not depend on the dialect).
get_member = HOOKS[4].get_member
set_member = HOOKS[4].set_member
get_index = HOOKS[4].get_index
set_index = HOOKS[4].set_index
call_method = HOOKS[4].call_method
has_method = HOOKS[4].has_method


# * Helpers for compiled code (bound as ``_rt_<name>`` in generated modules) ----------

from gdscript.stdlib.objects import Callable, Object, Signal  # noqa: E402
from gdscript.stdlib.packed import PackedArray  # noqa: E402

from .script import (  # noqa: E402
    BARE_YIELD,
    make_new,
    report_error,
    script_init,
    signal_of,
    start_coroutine,
)

MISSING = object()  # default-argument sentinel: "evaluate the default expression"


def coroutine(generator_function: Any) -> Any:
    """Decorator for compiled functions containing await/yield."""
    def run(*args: Any) -> Any:
        return start_coroutine(generator_function(*args))

    run.__name__ = generator_function.__name__
    run.__qualname__ = generator_function.__qualname__
    run._gd_coroutine = True  # type: ignore[attr-defined]
    return run


# Virtuals Godot calls at every level of a script's inheritance, not just the most
# derived one: name -> base level first?  (_notification in both dialects; the rest
# are Godot 3's call_multilevel / call_multilevel_reversed.)
MULTILEVEL = {"_notification": False}
MULTILEVEL_3 = {"_ready": True, "_enter_tree": True, "_exit_tree": False, "_process": False,
                "_physics_process": False, "_input": False, "_unhandled_input": False,
                "_unhandled_key_input": False, "_notification": False}


def finish_class(cls: Any) -> None:
    """Complete a compiled class: link its ScriptInfo, install ``__init__``."""
    info = cls._gd_script
    info.py_class = cls
    cls.__init__ = script_init
    cls._gd_new = make_new(cls)
    cls._gd_has_notification = info.find_method("_notification") is not None
    for name, base_first in (MULTILEVEL_3 if info.dialect == 3 else MULTILEVEL).items():
        levels = [level.py_class.__dict__[level.methods[name]] for level in info.chain()
                  if name in level.methods and level.methods[name] in level.py_class.__dict__]
        if len(levels) > 1:
            setattr(cls, name, _all_levels(levels if base_first else levels[::-1], name))


def static_init(cls: Any) -> None:
    """Run a class's own ``_static_init`` (4.x), once its static variables are set."""
    info = cls._gd_script
    if "_static_init" in info.methods and info.dialect == 4:
        getattr(cls, info.methods["_static_init"])()


def _all_levels(functions: list[Any], name: str) -> Any:
    def every_level(self: Any, *args: Any) -> Any:
        result = None
        for function in functions:
            result = function(self, *args)
        return result

    every_level.__name__ = name
    return every_level


def set_class_constant(cls: Any, name: str, value: Any) -> None:
    cls._gd_script.constants[name] = value


def register_constant(_unused: Any, info: Any, name: str, value: Any) -> None:
    info.constants[name] = value


def make_enum(pairs: list[tuple[str, int]]) -> Any:
    from gdscript.stdlib.dictionary import Dictionary

    enum = Dictionary(pairs)
    if hasattr(enum, "make_read_only"):
        pass
    return enum


def ready_members(obj: Any, cls: Any) -> None:
    """Before the first ``_ready``: the @onready members of every level, base first."""
    if getattr(obj, "_gd_ready_done", False):
        return
    obj._gd_ready_done = True
    for level in cls._gd_script.chain():
        init = level.py_class.__dict__.get("_gd_ready_members")
        if init is not None:
            init(obj)


def ready_chain(obj: Any, cls: Any) -> None:
    """A synthesized ``_ready``: @onready members, then the base script's ``_ready``."""
    ready_members(obj, cls)
    base = cls._gd_script.base
    method = base.find_method("_ready") if base is not None else None
    if method is not None:
        method(obj)


def make_property(store: str, getter: str | None, setter: str | None, dialect: int) -> property:
    def fget(self: Any) -> Any:
        if getter is not None:
            return getattr(self, getter)()
        return getattr(self, store)

    def fset(self: Any, value: Any) -> None:
        if setter is not None:
            getattr(self, setter)(value)
        else:
            setattr(self, store, value)

    return property(fget, fset)


class StaticProperty:
    """A static variable with accessors: read through the class, it runs the getter.
    (Writing a class attribute cannot run code: writes go through ``set_member``.)"""

    def __init__(self, store: str, getter: str | None, setter: str | None) -> None:
        self.store, self.getter, self.setter = store, getter, setter

    def __get__(self, obj: Any, owner: Any) -> Any:
        if self.getter is not None:
            return getattr(owner, self.getter)()
        return getattr(owner, self.store)

    def set(self, owner: Any, value: Any) -> None:
        if self.setter is not None:
            getattr(owner, self.setter)(value)
        else:
            setattr(owner, self.store, value)


def make_static_property(store: str, getter: str | None, setter: str | None,
                         dialect: int) -> StaticProperty:
    return StaticProperty(store, getter, setter)


def default_value(type_name: str, container: Any) -> Any:
    from .globalscope import construct

    return construct(type_name)


def range_iter(*args: Any) -> range:
    """``for i in range(...)``: a Python range (Godot converts float bounds to int)."""
    ints = [int(a) if isinstance(a, float) else a for a in args]
    for a in ints:
        if type(a) is not int:
            raise ScriptRuntimeError(f"Invalid type in function 'range'. Cannot convert "
                                     f"argument from {_tname(a)} to int.")
    if len(ints) == 3 and ints[2] == 0:
        raise ScriptRuntimeError("Step argument is zero!")
    return range(*ints)


def iterate(value: Any) -> Any:
    """What ``for x in value`` walks, with Godot's meaning for each type."""
    if type(value) is int:
        return range(value)
    if type(value) is float:
        return range(math.ceil(value))
    if isinstance(value, dict):
        return list(value.keys())
    if value is None:
        raise ScriptRuntimeError("Trying to iterate on a null value.")
    if isinstance(value, (list, str, bytearray)) or hasattr(value, "__iter__"):
        return value
    raise ScriptRuntimeError(f"Unable to iterate on object of type '{_tname(value)}'.")


def iterate4(value: Any) -> Any:
    """4.x ``for``: as :func:`iterate`, but a float walks floats and an object with
    ``_iter_init``/``_iter_next``/``_iter_get`` is a custom iterator."""
    if type(value) is float:
        return (float(i) for i in range(math.ceil(value)))
    from gdscript.stdlib.objects import Object

    if isinstance(value, Object) and has_method(value, "_iter_init"):
        return _custom_iteration(value)
    return iterate(value)


def _custom_iteration(obj: Any) -> Any:
    from gdscript.stdlib.arrays import Array

    state = Array([None])  # Godot passes the iterator state in a one-element array
    if not call_method(obj, "_iter_init", state):
        return
    while True:
        yield call_method(obj, "_iter_get", state[0])
        if not call_method(obj, "_iter_next", state):
            return


def gd_assert(condition: Any, message: Any = None) -> None:
    if not condition:
        text = "Assertion failed."
        if message:
            text = f"Assertion failed: {message}"
        raise ScriptRuntimeError(text)


def match_value(value: Any, pattern: Any) -> bool:
    """A literal/expression pattern: same type family and equal (Godot's match)."""
    if type(value) is not type(pattern):
        numeric = (int, float)
        if isinstance(value, str) and isinstance(pattern, str):
            return value == pattern
        if type(value) in numeric and type(pattern) in numeric:
            return False
        if isinstance(value, (list, dict)) and isinstance(pattern, (list, dict)):
            return type(value) is type(pattern) and value == pattern
        return False
    return bool(value == pattern)


def match_array(value: Any, count: int, rest: bool) -> bool:
    if not isinstance(value, list):
        return False
    return len(value) >= count if rest else len(value) == count


def match_dict(value: Any, count: int, rest: bool) -> bool:
    if not isinstance(value, dict):
        return False
    return len(value) >= count if rest else len(value) == count


def op_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    if type(a) in _CONTAINERS and type(b) is type(a):
        # Godot's recursive_equal: elements must also have the same types ("a" != &"a").
        return _container_equal(a, b, 0)
    return bool(a == b) if type(a) is not bool and type(b) is not bool or \
        type(a) is type(b) else False


def _containers() -> tuple[type, ...]:
    from gdscript.stdlib.arrays import Array
    from gdscript.stdlib.dictionary import Dictionary

    return Array, Dictionary


_CONTAINERS = frozenset(_containers())
from gdscript.stdlib.variant import container_equal as _container_equal  # noqa: E402


def op_ne(a: Any, b: Any) -> bool:
    return not op_eq(a, b)


def _eq_family(value: Any) -> str:
    if value is None:
        return "nil"
    if type(value) in (int, float):
        return "number"
    if type(value) is bool:
        return "bool"
    if isinstance(value, str):
        return "string"
    from gdscript.stdlib.objects import Object

    if isinstance(value, Object):
        return "object"
    return type(value).__name__


def op_eq_3(a: Any, b: Any) -> bool:
    """Godot 3's ``==``: values of unrelated types are an error, Dictionaries compare by
    reference, null equals only null and objects."""
    fa, fb = _eq_family(a), _eq_family(b)
    if fa != fb and "nil" not in (fa, fb):
        raise _invalid_operands_3(a, b, "==")
    if isinstance(a, dict) and isinstance(b, dict):
        return a is b
    if isinstance(a, list) and isinstance(b, list):
        from gdscript.stdlib.arrays import equal3

        return bool(equal3(a, b))
    if fa == "number" and fb == "number" and type(a) is not type(b):
        return float(a) == float(b)  # the int converts to a double, as in C++
    return op_eq(a, b)


def _invalid_operands_3(a: Any, b: Any, op: str) -> ScriptRuntimeError:
    from gdscript.stdlib.variant import godot_type_name

    return ScriptRuntimeError(f"Invalid operands '{godot_type_name(a, 3)}' and "
                              f"'{godot_type_name(b, 3)}' in operator '{op}'.")


def op_ne_3(a: Any, b: Any) -> bool:
    return not op_eq_3(a, b)


def op_in(a: Any, b: Any) -> bool:
    if isinstance(b, str) and not isinstance(a, str):
        raise _invalid_operands(a, b, "in")
    try:
        return a in b
    except TypeError:
        raise _invalid_operands(a, b, "in") from None


def op_pos(a: Any) -> Any:
    if isinstance(a, str) or a is None:
        raise ScriptRuntimeError(f"Invalid operand of type '{_tname(a)}' for unary operator '+'.")
    return a


def string_name(text: str) -> Any:
    from gdscript.stdlib.strings import StringName

    return StringName(text)


def node_path(text: str) -> Any:
    from gdscript.stdlib.strings import NodePath

    return NodePath(text)


def make_array(items: list[Any]) -> Any:
    from gdscript.stdlib.arrays import Array

    return Array(items)


def make_dict(pairs: list[tuple[Any, Any]]) -> Any:
    from gdscript.stdlib.dictionary import Dictionary

    d = Dictionary()
    for key, value in pairs:
        d[key] = value
    return d


def method_ref(obj: Any, name: str) -> Callable:
    return Callable(obj, name)


def signal_ref(obj: Any, name: str) -> Signal:
    return Signal(obj, name)


def make_lambda(function: Any, owner: Any, name: str | None) -> Callable:
    callable_ = Callable(function=function, name=name or "<anonymous lambda>")
    if owner is not None:
        callable_.target = owner
    return callable_


def call_super(base: Any, obj: Any, name: str, *args: Any) -> Any:
    info = getattr(base, "_gd_script", None)
    if info is not None:
        method = info.find_method(name)
        if method is not None:
            return method(obj, *args)
    if name == "_init":
        return None
    method = getattr(base, name, None)
    if method is None or name.startswith("_gd"):
        raise ScriptRuntimeError(f"Invalid call. Nonexistent function '{name}' in base.")
    return method(obj, *args)


def cast(value: Any, type_ref: Any, dialect: int = 4) -> Any:
    from .globalscope import cast_value

    return cast_value(value, type_ref, dialect)


def is_type(value: Any, type_ref: Any) -> bool:
    from .globalscope import is_instance

    return is_instance(value, type_ref)


def script_class(info: Any) -> Any:
    """The class of a ScriptInfo (for static members of script bases)."""
    return info.py_class


from .globalscope import (  # noqa: E402, F401 - typed containers, made by the compiler
    ConstRef,
    TypedArraySpec,
    TypedDictionarySpec,
    assign_converter,
    typed_args,
)
from .ops3 import (  # noqa: E402, F401 - Godot 3's operators, called by compiled code
    MatchContinue,
    op_add_3,
    op_bit_and_3,
    op_bit_or_3,
    op_bit_xor_3,
    op_ge_3,
    op_gt_3,
    op_le_3,
    op_lt_3,
    op_mul_3,
    op_neg_3,
    op_shl_3,
    pool_copy_3,
    op_shr_3,
    op_sub_3,
)


def constant_value(value: Any) -> Any:
    """A 4.x constant: its arrays and dictionaries, nested ones too, become read-only."""
    from gdscript.stdlib.arrays import Array
    from gdscript.stdlib.dictionary import Dictionary

    if isinstance(value, (Array, Dictionary)) and not value.read_only:
        value.read_only = True
        for item in (value if isinstance(value, Array) else (*value.keys(), *value.values())):
            constant_value(item)
    return value


# * Fast paths' helpers (compiler_fast) ---------------------------------------------

# ``x = x + chunk`` may extend x in place when only the local x references it: the count
# of the local plus the call's argument.  Without reference counts, never.
getrefcount = getattr(sys, "getrefcount", lambda value: 0)
extend_bytes = bytearray.extend
# Names no script local can shadow (``var type``); str() of an int is its decimal
# digits in Godot as in Python.
type_of, str_class = type, str
length_of = len
from gdscript.stdlib.variant import format_percent  # noqa: E402, F401 - "..." % values
emit_signal = Object.emit_signal  # ``my_signal.emit(...)`` on this object's own signal
# Values of one of these types compare with == as Python compares them.
plain_equality_types = frozenset((int, float, bool, str))
list_append = list.append
dict_lookup = dict.get
absent = object()  # dict_lookup's default: no such key

# Dictionary.has(): a key found by Python's lookup in a Dictionary larger than this needs
# no scan for an exactly typed match (dict_has does it).
from gdscript.stdlib.dictionary import (  # noqa: E402
    EXACT_KEY_SCAN_LIMIT as exact_key_scan_limit, has as dict_has)


def array_sort(arr: Any) -> None:
    """``Array.sort()``: an Array of only ints or only Strings sorts as Python sorts them
    (Godot's order for those); anything else takes Godot's general order."""
    kinds = set(map(type, arr))
    if not arr.read_only and (kinds <= {int} or kinds == {str}):
        list.sort(arr)
        return None
    return call_method(arr, "sort")


def string_join(separator: str, parts: Any) -> str:
    """``String.join()``: a PackedStringArray holds Strings only, joined as Python does."""
    if type(parts) is _packed_class("PackedStringArray"):
        try:
            return str.join(separator, parts)
        except TypeError:  # an element stored without conversion: the general method
            pass
    return call_method(separator, "join", parts)


def _packed_class(name: str) -> Any:
    from gdscript.stdlib import packed

    return getattr(packed, name)


def __getattr__(name: str) -> Any:
    if name == "PackedByteArray":  # imported when a compiled module first asks
        from gdscript.stdlib.packed import PackedByteArray

        return PackedByteArray
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

