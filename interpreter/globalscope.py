"""The global scope of a script: builtin types, native classes, singletons, utility
functions and global constants, per dialect; plus construction, conversion, ``is``
and ``as`` for builtin types.

``global_value(name, dialect)`` is what an identifier means when nothing in the
script declares it; ``global_callable(name, dialect)`` what ``name(...)`` calls.
Both return ``MISSING`` for unknown names.  Lookups are cached per dialect.
"""

from __future__ import annotations

import math
from typing import Any

from .compiler import MISSING
from .errors import ScriptRuntimeError

_SPECIAL_CONSTANTS = {"PI": math.pi, "TAU": math.tau, "INF": math.inf, "NAN": math.nan}


def _utility_table(dialect: int) -> dict[str, Any]:
    try:
        from gdscript.stdlib import utility_functions
    except ImportError:  # pragma: no cover - the module is part of the package
        return {}
    return getattr(utility_functions, f"UTILITY_FUNCTIONS_{dialect}", {})


def _singletons(dialect: int) -> dict[str, Any]:
    try:
        from gdscript.stdlib import system
    except ImportError:  # pragma: no cover
        return {}
    return getattr(system, f"GODOT_SINGLETONS_{dialect}", {})


def _builtin_classes(dialect: int) -> dict[str, Any]:
    from gdscript.stdlib import class_table

    return class_table(dialect)


def global_value(name: str, dialect: int) -> Any:
    if name in _SPECIAL_CONSTANTS:
        return _SPECIAL_CONSTANTS[name]
    from gdscript.stdlib.global_constants import constants

    consts = constants(dialect)
    if name in consts:
        return consts[name]
    singletons = _singletons(dialect)
    if name in singletons:
        return singletons[name]
    classes = _builtin_classes(dialect)
    if name in classes:
        return classes[name]
    if name in ("GDScriptFunctionState", "GDScript"):
        from . import script

        return getattr(script, name)
    if name in CONVERTERS:
        return BuiltinType(name)
    utility = _utility_table(dialect)
    if name in utility:
        from gdscript.stdlib.objects import Callable

        return Callable(function=utility[name])
    return MISSING


def global_callable(name: str, dialect: int) -> Any:
    utility = _utility_table(dialect)
    if name in utility:
        return utility[name]
    if name in CONVERTERS or name in _builtin_classes(dialect):
        return _constructor(name, dialect)
    return MISSING


class BuiltinType:
    """A builtin type used as a value (``int``, ``String``): prints and compares by name."""

    def __init__(self, name: str) -> None:
        self.name = name

    def _gd_str(self, dialect: int) -> str:
        return self.name


def converter_for(name: str, dialect: int) -> Any:
    """The conversion ``name(x)`` and typed variables of type ``name`` apply, per dialect."""
    if dialect == 3:
        return CONVERTERS_3.get(name) or CONVERTERS.get(name)
    return CONVERTERS.get(name)


def _constructor(name: str, dialect: int) -> Any:
    converter = converter_for(name, dialect)
    if converter is not None:
        def construct_builtin(*args: Any) -> Any:
            if not args:
                return construct(name)
            if len(args) == 1:
                return converter(args[0])
            raise ScriptRuntimeError(f'No constructor of "{name}" matches the signature.')
        return construct_builtin
    cls = _builtin_classes(dialect)[name]
    return cls


def to_int(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return 0 if math.isnan(value) else (2**63 - 1 if value > 0 else -(2**63))
        return int(value)
    if isinstance(value, str):
        from gdscript.stdlib import strings

        return strings.STRING_METHODS["to_int"](value)
    if value is None:
        return 0
    raise ScriptRuntimeError(f"Invalid type conversion from '{_tname(value)}' to 'int'.")


def to_float(value: Any) -> float:
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        from gdscript.stdlib import strings

        return strings.STRING_METHODS["to_float"](value)
    if value is None:
        return 0.0
    raise ScriptRuntimeError(f"Invalid type conversion from '{_tname(value)}' to 'float'.")


def to_bool(value: Any) -> bool:
    return bool(value)


def to_string(value: Any) -> str:
    if type(value) is str:
        return value
    from gdscript.stdlib.variant import stringify

    return stringify(value)


def _tname(value: Any) -> str:
    from gdscript.stdlib.variant import godot_type_name

    return godot_type_name(value)


def to_int_3(value: Any) -> int:
    """Godot 3's int(): a float converts as C++ does (NaN, inf, overflow: INT64_MIN)."""
    if type(value) is float:
        from gdscript.stdlib.utility_functions import c_to_int

        return c_to_int(value)
    return to_int(value)


def to_string_3(value: Any) -> str:
    if type(value) is str:
        return value
    from gdscript.stdlib.variant import stringify

    return stringify(value, 3)


def to_string_name(value: Any) -> Any:
    from gdscript.stdlib.strings import StringName

    return value if isinstance(value, StringName) else StringName(to_string(value))


CONVERTERS: dict[str, Any] = {
    "int": to_int, "float": to_float, "bool": to_bool, "String": to_string,
    "StringName": to_string_name,
}
CONVERTERS_3: dict[str, Any] = {"int": to_int_3, "String": to_string_3}


def construct(type_name: str, *args: Any) -> Any:
    if type_name in ("int", "float", "bool", "String") and not args:
        return {"int": 0, "float": 0.0, "bool": False, "String": ""}[type_name]
    from gdscript.stdlib import class_table

    for dialect in (4, 3):
        cls = class_table(dialect).get(type_name)
        if cls is not None:
            return cls(*args)
    return None


def _python_type(type_ref: Any) -> Any:
    if isinstance(type_ref, str):
        simple = {"int": int, "float": float, "bool": bool, "String": str}
        if type_ref in simple:
            return simple[type_ref]
        from gdscript.stdlib import class_table

        return class_table(4).get(type_ref) or class_table(3).get(type_ref)
    if isinstance(type_ref, BuiltinType):
        return _python_type(type_ref.name)
    return type_ref


def is_instance(value: Any, type_ref: Any) -> bool:
    if type_ref == "Variant":
        return True
    t = _python_type(type_ref)
    if getattr(t, "GODOT_NAME", None) == "GDScript" and isinstance(value, type) and \
            hasattr(value, "_gd_script"):
        return True  # a script class used as a value is a GDScript resource
    if isinstance(t, dict):  # a named enum used as a type: its values are ints
        t = int
    if t is None or not isinstance(t, type):
        return False
    if t is int:
        return type(value) is int
    if t is float:
        return type(value) is float
    if t is bool:
        return type(value) is bool
    if t is str:
        from gdscript.stdlib.strings import StringName

        return type(value) is str or (isinstance(value, str) and not
                                       isinstance(value, StringName))
    if getattr(value, "_gd_freed", False):
        raise ScriptRuntimeError("Left operand of 'is' is a previously freed instance.")
    return _is_a(value, t)


def _is_a(value: Any, t: type) -> bool:
    """isinstance, where native classes match by Godot name: a dialect's variant of a class
    (Node2D for 3.x) is a sibling of the other dialect's class, not a subclass."""
    if isinstance(value, t):
        return True
    if hasattr(t, "_gd_script") or not hasattr(t, "GODOT_NAME"):
        return False
    name = vars(t).get("GODOT_NAME")
    return name is not None and any(vars(k).get("GODOT_NAME") == name
                                    for k in type(value).__mro__)


def cast_value(value: Any, type_ref: Any) -> Any:
    if type_ref == "Variant":
        return value
    t = _python_type(type_ref)
    if isinstance(t, dict):  # ``x as SomeEnum``: an int
        t = int
    if not isinstance(t, type):
        raise ScriptRuntimeError("Invalid cast: the type is not a class or a builtin type.")
    if t in (int, float, bool, str):
        if value is None:
            return None
        name = {int: "int", float: "float", bool: "bool", str: "String"}[t]
        return CONVERTERS[name](value)
    if value is None:
        return None
    if _is_a(value, t) or (getattr(t, "GODOT_NAME", None) == "GDScript"
                           and hasattr(value, "_gd_script") and isinstance(value, type)):
        return value
    from gdscript.stdlib.objects import Object

    if isinstance(value, Object):
        return None  # an object of another class casts to null
    raise ScriptRuntimeError(
        f"Invalid cast: could not convert value to '{getattr(t, 'GODOT_NAME', t.__name__)}'.")


# * Typed containers -----------------------------------------------------------------

def container_type_name(value: Any) -> str:
    """``Array``, ``Array[int]``, ``Dictionary[String, int]``: how Godot names a container."""
    from gdscript.stdlib.variant import type_name

    if isinstance(value, dict):
        key, val = getattr(value, "typed_key", 0), getattr(value, "typed_value", 0)
        if key or val:
            return f"Dictionary[{type_name(key) if key else 'Variant'}, " \
                   f"{type_name(val) if val else 'Variant'}]"
        return "Dictionary"
    typed = getattr(value, "typed_builtin", 0)
    if not typed:
        return "Array"
    return f"Array[{getattr(value, 'typed_class_name', '') or type_name(typed)}]"


def typed_array_converter(element: str) -> Any:
    """What assigning to an ``Array[element]`` variable does: same type, or an error."""
    from gdscript.stdlib.variant import TYPE_IDS_4

    wanted = TYPE_IDS_4.get(element, TYPE_IDS_4["Object"])
    class_name = "" if element in TYPE_IDS_4 else element
    target = f"Array[{element}]"

    def convert(value: Any) -> Any:
        from gdscript.stdlib.arrays import Array

        if isinstance(value, Array) and value.typed_builtin == wanted and \
                value.typed_class_name == class_name:
            return value
        if isinstance(value, list):
            raise ScriptRuntimeError(f'Trying to assign an array of type '
                                     f'"{container_type_name(value)}" to a variable of type '
                                     f'"{target}".')
        raise ScriptRuntimeError(f"Trying to assign value of type '{_tname(value)}' to a "
                                 f"variable of type '{target}'.")

    convert.typed = (wanted, class_name)  # type: ignore[attr-defined]
    return convert


def typed_array(items: Any, element: str) -> Any:
    """An ``Array[element]`` from literal items (Godot converts int to float there)."""
    from gdscript.stdlib import arrays
    from gdscript.stdlib.variant import TYPE_IDS_4

    wanted = TYPE_IDS_4.get(element, TYPE_IDS_4["Object"])
    result = arrays.Array((), wanted, "" if element in TYPE_IDS_4 else element)
    for item in items:
        ok, value = arrays._validate(result, item, "set")  # noqa: SLF001 - same package family
        if not ok:
            raise ScriptRuntimeError(f"Trying to assign value of type '{_tname(item)}' to a "
                                     f"variable of type 'Array[{element}]'.")
        list.append(result, value)
    return result


def typed_parameter_converter(element: str) -> Any:
    """``Array[element]`` parameters and returns: an untyped array whose elements all fit is
    converted (Godot makes array literals typed at such call sites), anything else fails."""
    strict = typed_array_converter(element)

    def convert(value: Any) -> Any:
        from gdscript.stdlib.arrays import Array

        if isinstance(value, Array) and not value.typed_builtin:
            try:
                return typed_array(value, element)
            except ScriptRuntimeError:
                pass
        return strict(value)

    return convert
