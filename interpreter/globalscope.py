"""The global scope of a script: builtin types, native classes, singletons, utility
functions and global constants, per dialect; plus construction, conversion, ``is``
and ``as`` for builtin types.

``global_value(name, dialect)`` is what an identifier means when nothing in the
script declares it; ``global_callable(name, dialect)`` what ``name(...)`` calls.
Both return ``MISSING`` for unknown names.  Lookups are cached per dialect.
"""

from __future__ import annotations

import math

from .errors import MISSING
from .errors import ScriptRuntimeError

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

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
    if dialect == 4:
        return global_enum(name)
    return MISSING


def global_enum(name: str) -> Any:
    """4.x ``Side``, ``Variant`` (for ``Variant.Type``): global enums as values."""
    from gdscript.stdlib.global_constants import ENUMS_4

    if name == "Variant":
        return VariantEnums()
    if name and "." not in name and name in ENUMS_4:
        return enum_dictionary(ENUMS_4[name])
    return MISSING


def enum_dictionary(values: dict[str, int]) -> Any:
    from gdscript.stdlib.dictionary import Dictionary

    enum = Dictionary(values)
    if hasattr(enum, "make_read_only"):
        enum.make_read_only()
    return enum


class VariantEnums:
    """``Variant`` in an expression: only its enums (``Variant.Type``,
    ``Variant.Operator``) are reachable."""

    MEMBERS = ("Type", "Operator")

    def _get_member(self, name: str) -> Any:
        from gdscript.stdlib.global_constants import ENUMS_4

        values = ENUMS_4.get(f"Variant.{name}")
        if values is None:
            raise ScriptRuntimeError(f"Invalid access to property or key '{name}' on a base "
                                     f"object of type 'Variant'.")
        return enum_dictionary(values)


def global_callable(name: str, dialect: int) -> Any:
    utility = _utility_table(dialect)
    if name in utility:
        return utility[name]
    if name in CONVERTERS or name in _builtin_classes(dialect):
        if name.startswith(("Packed", "Pool")) and name.endswith("Array"):
            return _packed_constructor(name, _constructor(name, dialect), dialect)
        return _constructor(name, dialect)
    return MISSING


def _packed_constructor(name: str, cls: Any, dialect: int) -> Any:
    """Godot makes a packed array from nothing, an Array or a packed array (3.x: one of
    the same type only); any other argument is a script error."""
    from gdscript.stdlib.packed import PackedArray

    def accepted(value: Any) -> bool:
        if dialect == 3 and isinstance(value, (PackedArray, bytearray)):
            return isinstance(value, cls)
        return isinstance(value, (list, bytearray))

    def construct_packed(*args: Any) -> Any:
        if len(args) > 1 or args and not accepted(args[0]):
            raise ScriptRuntimeError(f"Invalid call. Nonexistent '{name}' constructor.")
        return cls(*args)
    return construct_packed


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


def real_t(value: float) -> float:
    """Godot 3's ``real_t`` (a C float): ints and strings become floats through it."""
    import struct

    try:
        return struct.unpack("<f", struct.pack("<f", value))[0]
    except OverflowError:
        return math.copysign(math.inf, value)


def to_float_3(value: Any) -> float:
    """Godot 3's float(): a float stays a double, anything converted goes through real_t."""
    if type(value) is float:
        return value
    return real_t(to_float(value))


# Godot 3's Variant::can_convert_strict: what a typed variable or parameter accepts.
_STRICT_3 = {"int": ("int", "bool", "float"), "float": ("float", "bool", "int"),
             "bool": ("bool", "int", "float"), "String": ("String", "NodePath")}


class StrictBuiltin3:
    """A Godot 3 variable or parameter typed int, float, bool or String: values of the
    types Godot converts implicitly are converted, any other value is an error."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.accepted = _STRICT_3[name]
        self.convert = {"int": to_int_3, "float": to_float_3, "bool": to_bool,
                        "String": to_string_3}[name]

    def __call__(self, value: Any) -> Any:
        if _tname(value) not in self.accepted:
            raise ScriptRuntimeError(f"Trying to assign value of type '{_tname(value)}' to a "
                                     f"variable of type '{self.name}'.")
        return self.convert(value)

    def argument(self, value: Any, index: int) -> Any:
        if _tname(value) not in self.accepted:
            raise ArgumentTypeError(f"Cannot convert argument {index} from {_tname(value)} "
                                    f"to {self.name}.")
        return self.convert(value)


def typed_slot_converter(name: str, dialect: int) -> Any:
    """What assigning to a variable typed ``name`` applies (None: nothing)."""
    if dialect == 3 and name in _STRICT_3:
        return StrictBuiltin3(name)
    return converter_for(name, dialect)


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
CONVERTERS_3: dict[str, Any] = {"int": to_int_3, "float": to_float_3, "String": to_string_3}


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


def object_converter(name: str, native: bool, file_name: str) -> Any:
    """What assigning to a variable typed with class ``name`` checks (4.x)."""
    from gdscript.stdlib.objects import Object

    def convert(value: Any) -> Any:
        if isinstance(value, Object):
            if value._gd_freed:
                raise ScriptRuntimeError("Trying to assign invalid previously freed instance.")
            if native and not value.is_class(name):  # Godot's OPCODE_ASSIGN_TYPED_NATIVE
                from .access import object_type_name
                raise ScriptRuntimeError(f"Trying to assign value of type "
                                         f"'{object_type_name(value)}' to a variable of type "
                                         f"'{name}'.")
            return value
        if value is None or isinstance(value, type):
            return value
        if native:
            raise ScriptRuntimeError(f"Trying to assign value of type '{_tname(value)}' to a "
                                     f"variable of type '{name}'.")
        raise ScriptRuntimeError(f"Trying to assign a non-object value to a variable of type "
                                 f"'{file_name}'.")
    return convert


def cast_value(value: Any, type_ref: Any, dialect: int = 4) -> Any:
    from gdscript.stdlib.objects import Object

    if type_ref == "Variant":
        return value
    t = _python_type(type_ref)
    if isinstance(t, dict):  # ``x as SomeEnum``: an int
        t = int
    if not isinstance(t, type):
        raise ScriptRuntimeError("Invalid cast: the type is not a class or a builtin type.")
    if dialect == 4 and isinstance(value, Object) and value._gd_freed:
        raise ScriptRuntimeError("Trying to cast a freed object.")
    if t in (int, float, bool, str):
        if value is None:
            return None
        name = {int: "int", float: "float", bool: "bool", str: "String"}[t]
        try:
            return CONVERTERS[name](value)
        except ScriptRuntimeError:
            raise ScriptRuntimeError(
                f"Invalid cast: could not convert value to '{name}'.") from None
    if value is None:
        return None
    if _is_a(value, t) or (getattr(t, "GODOT_NAME", None) == "GDScript"
                           and hasattr(value, "_gd_script") and isinstance(value, type)):
        return value
    if isinstance(value, Object):
        return None  # an object of another class casts to null
    if issubclass(t, Object):
        raise ScriptRuntimeError(
            "Invalid cast: can't convert a non-object value to an object type.")
    raise ScriptRuntimeError(
        f"Invalid cast: could not convert value to '{getattr(t, 'GODOT_NAME', t.__name__)}'.")


# * Typed variables (4.x): Godot's OPCODE_ASSIGN_TYPED_BUILTIN ------------------------
# A value of another type converts only where Variant::can_convert_strict allows it.
_STRICT_SOURCES: dict[str, tuple[str, ...]] = {
    "bool": ("int", "float"), "int": ("bool", "float"), "float": ("bool", "int"),
    "String": ("NodePath", "StringName"), "StringName": ("String",),
    "NodePath": ("String",), "Color": ("String", "int"),
    "Vector2": ("Vector2i",), "Vector2i": ("Vector2",), "Vector3": ("Vector3i",),
    "Vector3i": ("Vector3",), "Vector4": ("Vector4i",), "Vector4i": ("Vector4",),
    "Rect2": ("Rect2i",), "Rect2i": ("Rect2",),
}
_PACKED = ("PackedByteArray", "PackedInt32Array", "PackedInt64Array", "PackedFloat32Array",
           "PackedFloat64Array", "PackedStringArray", "PackedVector2Array",
           "PackedVector3Array", "PackedColorArray", "PackedVector4Array")


def assign_converter(name: str) -> Any:
    """What assigning to a 4.x variable of builtin type ``name`` does (None: no check)."""
    sources = _PACKED if name == "Array" else ("Array",) if name in _PACKED else \
        _STRICT_SOURCES.get(name)
    if sources is None:
        return None
    return StrictBuiltin4(name, sources)


class StrictBuiltin4:
    """A Godot 4 variable or parameter of a builtin type: the value itself, a conversion
    Godot makes implicitly (Variant::can_convert_strict), or an error."""

    def __init__(self, name: str, sources: Any) -> None:
        self.name = name
        self.sources = sources
        self.construct_as = _constructor(name, 4)
        self.exact = {"int": int, "float": float, "bool": bool, "String": str}.get(name) or \
            _builtin_classes(4).get(name)

    def __call__(self, value: Any) -> Any:
        if type(value) is self.exact:  # the common case, without naming the type
            return value
        converted = self._converted(value)
        if converted is MISSING:
            raise ScriptRuntimeError(f"Trying to assign value of type '{_tname(value)}' to a "
                                     f"variable of type '{self.name}'.")
        return converted

    def argument(self, value: Any, index: int) -> Any:
        """A typed parameter's check, made at the call (an error of the caller's line)."""
        if type(value) is self.exact:
            return value
        converted = self._converted(value)
        if converted is MISSING:
            raise ArgumentTypeError(f"Cannot convert argument {index} from {_tname(value)} "
                                    f"to {self.name}.")
        return converted

    def _converted(self, value: Any) -> Any:
        """The value as this type, or MISSING when Godot refuses the conversion."""
        have = _tname(value)
        if have == self.name:
            return value
        return self.construct_as(value) if have in self.sources else MISSING


# * Typed containers -----------------------------------------------------------------
# The compiler describes an element type by a *ref*: None (Variant), a builtin type name
# ("int"), a class (native or compiled script), or a ConstRef to a name of a script
# class (an inner class, an enum, a preloaded script) read when first used.

class ConstRef:
    """A type named in a script class, read at run time (the class exists by then):
    ``names`` is a constant path from the ScriptInfo ``info`` (empty: the class itself)."""

    def __init__(self, info: Any, names: tuple[str, ...]) -> None:
        self.info, self.names = info, names

    def value(self) -> Any:
        if not self.names:
            return self.info.py_class
        _found, value = self.info.find_constant(self.names[0])
        for name in self.names[1:]:
            info = getattr(value, "_gd_script", None)
            if info is None:
                return "int"  # ``Native.Enum``
            _found, value = info.find_constant(name)
        return value


def container_type(ref: Any, where: str = "TypedArray") -> Any:
    """Godot's ContainerTypeValidate for an element type ref."""
    from gdscript.stdlib.arrays import ContainerType
    from gdscript.stdlib.variant import TYPE_IDS_4

    if isinstance(ref, ConstRef):
        ref = ref.value()
    if isinstance(ref, dict):  # a named enum: its values are ints
        ref = "int"
    if ref is None or ref == "Variant":
        return ContainerType(0, where=where)
    if isinstance(ref, str):
        return ContainerType(TYPE_IDS_4.get(ref, 0), where=where)
    info = getattr(ref, "_gd_script", None)
    if info is not None:
        native = getattr(info.native, "GODOT_NAME", "Object")
        return ContainerType(TYPE_IDS_4["Object"], native, ref, where)
    name = getattr(ref, "GODOT_NAME", None) or getattr(ref, "__name__", "Object")
    if name in TYPE_IDS_4 and name != "Object":  # builtin value types (Callable, Vector2...)
        return ContainerType(TYPE_IDS_4[name], where=where)
    return ContainerType(TYPE_IDS_4["Object"], name, None, where)


def element_type_name(builtin: int, class_name: str, script: Any) -> str:
    """Godot's ``_get_element_type``: a script's name, a native class or a builtin type."""
    from gdscript.stdlib.variant import type_name

    info = getattr(script, "_gd_script", None)
    if info is not None:
        return info.display_name()
    return class_name or type_name(builtin)


def container_type_name(value: Any) -> str:
    """``Array``, ``Array[int]``, ``Dictionary[String, int]``: how Godot names a container."""
    if isinstance(value, dict):
        key, val = getattr(value, "typed_key", 0), getattr(value, "typed_value", 0)
        if key or val:
            return "Dictionary[" + ", ".join(
                element_type_name(kind, getattr(value, f"typed_{side}_class_name", ""),
                                  getattr(value, f"typed_{side}_script", None))
                if kind else "Variant"
                for kind, side in ((key, "key"), (val, "value"))) + "]"
        return "Dictionary"
    typed = getattr(value, "typed_builtin", 0)
    if not typed:
        return "Array"
    return "Array[" + element_type_name(typed, getattr(value, "typed_class_name", ""),
                                        getattr(value, "typed_script", None)) + "]"


class ArgumentTypeError(ScriptRuntimeError):
    """A typed parameter refused its argument; reported at the call (see typed_args)."""


class TypedArraySpec:
    """What a variable, parameter or literal of type ``Array[T]`` does with values.

    Calling the spec is assignment to a typed variable: an Array of exactly that type
    passes (by reference), another Array is an error, a packed array converts."""

    def __init__(self, ref: Any, label: str) -> None:
        self.ref, self.label = ref, label
        self._type: Any = None

    @property
    def ctype(self) -> Any:
        if self._type is None:
            self._type = container_type(self.ref)
        return self._type

    def matches(self, value: Any) -> bool:
        from gdscript.stdlib.arrays import Array, element_type

        return isinstance(value, Array) and element_type(value).key() == self.ctype.key()

    def __call__(self, value: Any) -> Any:
        if self.matches(value):
            return value
        if isinstance(value, list):
            raise ScriptRuntimeError(f'Trying to assign an array of type '
                                     f'"{container_type_name(value)}" to a variable of type '
                                     f'"{self.label}".')
        if _is_packed(value):
            return self.converted(value)
        raise ScriptRuntimeError(f"Trying to assign value of type '{_tname(value)}' to a "
                                 f"variable of type '{self.label}'.")

    def empty(self) -> Any:
        from gdscript.stdlib.arrays import Array

        t = self.ctype
        return Array((), t.builtin, t.class_name, t.script)

    def literal(self, items: list[Any]) -> Any:
        """An ``Array[T]`` literal: each element is set as Godot's ``Array::set`` does."""
        from gdscript.stdlib.arrays import _default_element

        result = self.empty()
        t = self.ctype
        for item in items:
            ok, value = t.validate(item, "set")
            if not ok:
                from .errors import engine_error
                engine_error('Condition "!_p->typed.validate(value, "set")" is true.')
                value = _default_element(result)
            list.append(result, value)
        return result

    def converted(self, source: Any) -> Any:
        """Godot's ``Array(from, type...)`` / ``Dictionary(from, types...)``: the source's
        contents, converted (or empty)."""
        result = self.empty()
        self.assign(result, source)
        return result

    @staticmethod
    def assign(container: Any, source: Any) -> None:
        from gdscript.stdlib.arrays import assign

        assign(container, source)

    def argument(self, value: Any, index: int) -> Any:
        if self.matches(value):
            return value
        if isinstance(value, list) and not _is_packed(value):
            raise ArgumentTypeError(f"The array of argument {index} ({container_type_name(value)})"
                                    f" does not have the same element type as the expected "
                                    f"typed array argument.")
        if _is_packed(value):
            return self.converted(value)
        raise ArgumentTypeError(f"Cannot convert argument {index} from {_tname(value)} to "
                                f"Array.")


class TypedDictionarySpec(TypedArraySpec):
    """``Dictionary[K, V]``: as TypedArraySpec, for both the keys and the values."""

    def __init__(self, key_ref: Any, value_ref: Any, label: str) -> None:
        super().__init__(None, label)
        self.refs = key_ref, value_ref
        self._types: Any = None

    @property
    def ctypes(self) -> Any:
        if self._types is None:
            self._types = (container_type(self.refs[0], "TypedDictionary.Key"),
                           container_type(self.refs[1], "TypedDictionary.Value"))
        return self._types

    def matches(self, value: Any) -> bool:
        from gdscript.stdlib.dictionary import Dictionary, key_type, value_type

        return isinstance(value, Dictionary) and \
            (key_type(value).key(), value_type(value).key()) == \
            (self.ctypes[0].key(), self.ctypes[1].key())

    def __call__(self, value: Any) -> Any:
        if self.matches(value):
            return value
        if isinstance(value, dict):
            raise ScriptRuntimeError(f'Trying to assign a dictionary of type '
                                     f'"{container_type_name(value)}" to a variable of type '
                                     f'"{self.label}".')
        raise ScriptRuntimeError(f"Trying to assign value of type '{_tname(value)}' to a "
                                 f"variable of type '{self.label}'.")

    def empty(self) -> Any:
        from gdscript.stdlib.dictionary import Dictionary, set_types

        result = Dictionary()
        set_types(result, *self.ctypes)
        return result

    def literal(self, pairs: list[tuple[Any, Any]]) -> Any:  # type: ignore[override]
        from gdscript.stdlib.dictionary import typed_set

        result = self.empty()
        for key, value in pairs:
            typed_set(result, key, value)
        return result

    @staticmethod
    def assign(container: Any, source: Any) -> None:
        from gdscript.stdlib.dictionary import assign

        assign(container, source)

    def argument(self, value: Any, index: int) -> Any:
        if self.matches(value):
            return value
        if isinstance(value, dict):
            raise ArgumentTypeError(f"The dictionary of argument {index} "
                                    f"({container_type_name(value)}) does not have the same "
                                    f"element type as the expected typed dictionary argument.")
        raise ArgumentTypeError(f"Cannot convert argument {index} from {_tname(value)} to "
                                f"Dictionary.")


def _is_packed(value: Any) -> bool:
    return getattr(type(value), "GODOT_NAME", "").startswith(("Packed", "Pool"))


def typed_args(checks: list[tuple[int, int, Any]], function: str) -> Any:
    """A decorator: check the typed parameters ``(python position, Godot argument number,
    spec)`` before the function runs, as Godot's VM does: a refused argument is an error of
    the call, in the caller."""
    return TypedArgs(checks, function)


class TypedArgs:
    """The decorator ``typed_args`` makes (plain data, so the code cache can keep it)."""

    _gd_cachable = True

    def __init__(self, checks: list[tuple[int, int, Any]], function: str) -> None:
        self.checks = checks
        self.function = function

    def __call__(self, fn: Any) -> Any:
        import functools

        checks, function = self.checks, self.function

        @functools.wraps(fn)
        def checked(*args: Any, **kwargs: Any) -> Any:
            args = list(args)  # type: ignore[assignment]
            for position, number, spec in checks:
                if position < len(args) and not _is_default(args[position]):
                    try:
                        args[position] = spec.argument(args[position], number)  # type: ignore[index]
                    except ArgumentTypeError as exc:
                        raise ScriptRuntimeError(
                            f"Invalid type in function '{function}' in base "
                            f"'{_base_name(args)}'. {exc.message}") from None
            return fn(*args, **kwargs)
        return checked


def _is_default(value: Any) -> bool:
    from .runtime import MISSING as default_marker

    return value is default_marker


def _base_name(args: Any) -> str:
    from gdscript.stdlib.objects import Object

    from .access import object_type_name

    return object_type_name(args[0]) if args and isinstance(args[0], Object) else "Object"


def typed_array(items: Any, element: str) -> Any:
    """An ``Array[element]`` from literal items (Godot converts int to float there)."""
    return TypedArraySpec(_global_ref(element), f"Array[{element}]").literal(items)


def _global_ref(element: str) -> Any:
    from gdscript.stdlib.variant import TYPE_IDS_4

    if element in TYPE_IDS_4 and element != "Object":
        return element
    value = global_value(element, 4)
    return None if value is MISSING else value
