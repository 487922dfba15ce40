"""Member, index and method access on GDScript values: the hooks behind ``runtime``.

``Hooks(dialect)`` resolves ``obj.name``, ``obj[key]`` and ``obj.name(...)``
for every kind of value: script instances (their class carries a
``ScriptInfo`` as ``_gd_script``), native objects (``stdlib.objects.godot_api``),
class references, Dictionaries (``d.key``), math types (``MEMBERS`` and
``_get_member``/``_with_member``), and the builtin value types whose methods
live in ``METHODS`` tables.  A resolved access is cached per (type, name), so a
hot loop pays one dict lookup and one call.

Only names in those tables are reachable: Python attributes that are not part
of Godot's API (``__class__``, ``_gd_*`` internals) never are.  This is the
sandbox's first wall.

Value types are immutable here: ``set_member``/``set_index`` return the value
to store back (a new Vector2 for ``v.x = 1``; the same Array for ``a[0] = 1``).
"""

from __future__ import annotations

import operator
from functools import partial

from gdscript.stdlib.objects import Callable, Object, RefCounted, Signal, godot_api

from .errors import NATIVE_CALLS, ScriptRuntimeError

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable as PyCallable
    from typing import Any

    Getter = PyCallable[[Any], Any]


def _type_name(value: Any, dialect: int = 4) -> str:
    from gdscript.stdlib.variant import godot_type_name

    if isinstance(value, Object):
        return object_type_name(value)
    if dialect == 4 and isinstance(value, (list, dict)) and (
            getattr(value, "typed_builtin", 0) or getattr(value, "typed_key", 0) or
            getattr(value, "typed_value", 0)):
        from .globalscope import container_type_name
        return container_type_name(value)  # Godot's _get_var_type: Array[int]
    return godot_type_name(value, dialect)


def object_type_name(obj: Any) -> str:
    """Godot's ``_get_var_type`` for objects: ``Node (a.gd)``, freed, null."""
    if obj is None:
        return "null instance"
    if getattr(obj, "_gd_freed", False):
        return "previously freed"
    info = getattr(type(obj), "_gd_script", None)
    base = obj.get_class()
    if info is not None:
        return f"{base} ({info.display_name()})"
    return base


def _quote_key(key: Any) -> str:
    from gdscript.stdlib.variant import stringify

    if isinstance(key, str):
        return f"'{key}'"
    return f"'{stringify(key)}'"


# * Messages (Godot 4's, and Godot 3's where they differ) -------------------------

def msg_get_out_of_bounds(dialect: int, key: Any, base: Any) -> str:
    if dialect == 3:
        return f"Invalid get index {_quote_key(key)} (on base: '{_type_name(base, dialect)}')."
    return f"Out of bounds get index {_quote_key(key)} (on base: '{_type_name(base, dialect)}')"


def msg_get_missing(dialect: int, key: Any, base: Any) -> str:
    if dialect == 3:
        return f"Invalid get index {_quote_key(key)} (on base: '{_type_name(base, dialect)}')."
    return (f"Invalid access to property or key {_quote_key(key)} on a base object of type "
            f"'{_type_name(base, dialect)}'.")


def msg_set_out_of_bounds(dialect: int, key: Any, base: Any, value: Any) -> str:
    if dialect == 3:
        return (f"Invalid set index {_quote_key(key)} (on base: '{_type_name(base, dialect)}') with "
                f"value of type '{_type_name(value, dialect)}'")
    return f"Out of bounds set index {_quote_key(key)} (on base: '{_type_name(base, dialect)}')"


def msg_set_invalid(dialect: int, key: Any, base: Any, value: Any) -> str:
    if dialect == 3:
        return (f"Invalid set index {_quote_key(key)} (on base: '{_type_name(base, dialect)}') with "
                f"value of type '{_type_name(value, dialect)}'.")
    return (f"Invalid assignment of property or key {_quote_key(key)} with value of type "
            f"'{_type_name(value, dialect)}' on a base object of type '{_type_name(base, dialect)}'.")


def msg_call_on_null(dialect: int, name: str) -> str:
    if dialect == 3:
        return f"Invalid call. Nonexistent function '{name}' in base 'Nil'."
    return f"Cannot call method '{name}' on a null value."


def msg_call_on_freed(dialect: int, name: str) -> str:
    if dialect == 3:
        return (f"Attempt to call function '{name}' in base 'null instance' on a null "
                f"instance.")
    return f"Cannot call method '{name}' on a previously freed instance."


def _freed_check(obj: Any, dialect: int = 4, name: str = "") -> None:
    if getattr(obj, "_gd_freed", False):
        if dialect == 3:  # a freed object reads as a null instance in Godot 3
            raise ScriptRuntimeError(f"Invalid get index '{name}' (on base: 'null instance').")
        raise ScriptRuntimeError("Invalid access to property or key on a previously freed "
                                 "instance.")


def _live_getter(obj: Any, inner: Getter, name: str, dialect: int) -> Any:
    """A cached getter of an object member: the object may have been freed since."""
    if obj._gd_freed:
        _freed_check(obj, dialect, name)
    return inner(obj)


class Hooks:
    """Access to values for one dialect (3 or 4)."""

    def __init__(self, dialect: int) -> None:
        self.dialect = dialect
        self._methods: dict[type, dict[str, Any] | None] = {}
        self._getters: dict[tuple[type, str], Getter] = {}
        self._callers: dict[tuple[type, str], Any] = {}

    # * Tables -----------------------------------------------------------
    def value_methods(self, value_type: type) -> dict[str, Any] | None:
        try:
            return self._methods[value_type]
        except KeyError:
            pass
        from gdscript.stdlib.variant import method_table

        try:
            table: dict[str, Any] | None = method_table(value_type, self.dialect)
        except TypeError:
            table = getattr(value_type, "METHODS_3" if self.dialect == 3 else "METHODS", None)
            if table is None and value_type.__module__.startswith("gdscript."):
                # Callable, Signal...: Godot methods are the class's public methods.
                table = dict(godot_api(value_type).methods)
        self._methods[value_type] = table
        return table

    # * Members ----------------------------------------------------------
    def get_member(self, obj: Any, name: str) -> Any:
        if isinstance(obj, type):
            return self._class_member(obj, name)
        try:
            getter = self._getters[type(obj), name]
        except KeyError:
            getter = self._make_getter(obj, name)
        return getter(obj)

    def _make_getter(self, obj: Any, name: str) -> Getter:
        t = type(obj)
        getter: Getter | None = None
        if isinstance(obj, Object):
            _freed_check(obj, self.dialect, name)
            inner = _object_getter(t, name) or _virtual_getter(t, name, self.dialect)
            if inner is None or isinstance(obj, RefCounted):
                getter = inner  # a RefCounted is only ever freed when nothing can reach it
            else:
                getter = partial(_live_getter, inner=inner, name=name, dialect=self.dialect)
        elif isinstance(obj, dict):
            return partial(_dict_member, name=name, dialect=self.dialect)
        elif name in getattr(t, "MEMBERS", ()):
            getter = operator.methodcaller("_get_member", name)
        else:
            table = self.value_methods(t)
            if table is not None and name in table:
                fn = table[name]
                getter = partial(_bound_builtin, fn=fn, name=name)
        if getter is None:
            raise ScriptRuntimeError(msg_get_missing(self.dialect, name, obj))
        self._getters[t, name] = getter
        return getter

    def _class_member(self, cls: type, name: str, calling: bool = False) -> Any:
        info = getattr(cls, "_gd_script", None)
        if info is not None:
            found, value = info.class_member(cls, name)
            if found:
                return value
        consts = getattr(cls, "CONSTANTS_3" if self.dialect == 3 else "CONSTANTS", None)
        if consts and name in consts:
            return consts[name]
        if self.dialect == 4:
            enum = _class_enum(cls, name)
            if enum is not None:
                return enum
        statics = getattr(cls, "STATIC_METHODS_3" if self.dialect == 3 else "STATIC_METHODS",
                          None)
        if statics and name in statics:
            return _class_callable(cls, name, statics[name])
        if issubclass(cls, Object):
            api = godot_api(cls)
            if name in api.constants:
                return api.constants[name]
            if name == "new":
                return _class_callable(cls, name, _native_constructor(cls))
            method = api.methods.get(name)
            if isinstance(method, (staticmethod, classmethod)):
                return _class_callable(cls, name, getattr(cls, name))
            if method is not None and calling:
                raise ScriptRuntimeError(f"Invalid call. Nonexistent function '{name}' in base "
                                         f"'{_class_display(cls)}'.")
            if method is not None:
                raise ScriptRuntimeError(
                    f"Cannot call non-static function '{name}' on the class '{cls.__name__}' "
                    f"directly. Make an instance instead.")
        elif cls.__module__.startswith("gdscript.") and \
                isinstance(vars(cls).get(name), staticmethod):
            return Callable(function=getattr(cls, name))  # Callable.create, ...
        elif cls is str and self.dialect == 4:
            from gdscript.stdlib.strings import STRING_STATIC

            if name in STRING_STATIC:  # String.num(), String.chr()...
                return Callable(function=STRING_STATIC[name], name=name)
        raise ScriptRuntimeError(f"Invalid access to property or key '{name}' on a base "
                                 f"object of type '{_class_object_type(cls)}'.")

    def set_member(self, obj: Any, name: str, value: Any) -> Any:
        if isinstance(obj, Object):
            _freed_check(obj)
            info = getattr(type(obj), "_gd_script", None)
            try:
                if info is not None and info.set_member(obj, name, value):
                    return obj
            except ScriptRuntimeError:  # the member's type refused it: Godot's set fails
                raise ScriptRuntimeError(msg_set_invalid(self.dialect, name, obj,
                                                         value)) from None
            hook = info.find_method("_set") if info is not None else None
            if hook is not None and hook(obj, name, value) is True:
                return obj  # the script's _set() took the property
            prop = godot_api(type(obj)).properties.get(name)
            if prop is not None and prop.fset is not None:
                prop.fset(obj, value)
                return obj
        elif isinstance(obj, dict):
            self.set_index(obj, name, value)
            return obj
        elif isinstance(obj, type):
            info = getattr(obj, "_gd_script", None)
            if info is not None and info.set_static(obj, name, value):
                return obj
        elif name in getattr(type(obj), "MEMBERS", ()):
            return obj._with_member(name, value)
        raise ScriptRuntimeError(msg_set_invalid(self.dialect, name, obj, value))

    # * Indexing ---------------------------------------------------------
    def get_index(self, obj: Any, key: Any) -> Any:
        t = type(obj)
        if isinstance(obj, (list, str, bytearray)) or hasattr(t, "_gd_sequence"):
            if type(key) is not int:
                if type(key) is float:
                    key = int(key)
                else:
                    raise ScriptRuntimeError(
                        f"Invalid access of index {_quote_key(key)} on a base object of type: "
                        f"'{_type_name(obj)}'.")
            size = len(obj)
            index = key + size if key < 0 else key
            if not 0 <= index < size:
                raise ScriptRuntimeError(msg_get_out_of_bounds(self.dialect, key, obj))
            return obj[index]
        if isinstance(obj, dict):
            try:
                return obj[key]
            except (KeyError, TypeError):
                raise ScriptRuntimeError(msg_get_missing(self.dialect, key, obj)) from None
        if hasattr(t, "_get_index"):
            if self.dialect == 3:
                try:
                    return obj._get_index(key)
                except ScriptRuntimeError as exc:  # 3.x words a bad index of a vector alike
                    if exc.message.startswith("Out of bounds get index"):
                        raise ScriptRuntimeError(msg_get_missing(3, key, obj)) from None
                    raise
            return obj._get_index(key)
        if isinstance(obj, Object) and isinstance(key, str):
            return self.get_member(obj, key)
        raise ScriptRuntimeError(f"Invalid access of index {_quote_key(key)} on a base "
                                 f"object of type: '{_type_name(obj)}'.")

    def set_index(self, obj: Any, key: Any, value: Any) -> Any:
        setter = getattr(obj, "_gd_set_index", None)
        if setter is not None:
            setter(key, value)
            return obj
        if isinstance(obj, list):
            if type(key) is not int:
                raise ScriptRuntimeError(
                    f"Invalid assignment of index {_quote_key(key)} (on base: "
                    f"'{_type_name(obj)}') with value of type '{_type_name(value)}'.")
            size = len(obj)
            index = key + size if key < 0 else key
            if not 0 <= index < size:
                raise ScriptRuntimeError(msg_set_out_of_bounds(self.dialect, key, obj, value))
            if getattr(obj, "read_only", False) or getattr(obj, "typed_builtin", 0):
                _set_checked_element(obj, index, key, value)
            else:
                obj[index] = value
            return obj
        if isinstance(obj, dict):
            if getattr(obj, "read_only", False) or getattr(obj, "typed_key", 0) or \
                    getattr(obj, "typed_value", 0):
                _set_checked_entry(obj, key, value)
            else:
                obj[key] = value
            return obj
        if isinstance(obj, str):
            return _string_with_char(obj, key, value, self.dialect)
        if hasattr(type(obj), "_with_index"):
            return obj._with_index(key, value)
        if isinstance(obj, Object) and isinstance(key, str):
            return self.set_member(obj, key, value)
        raise ScriptRuntimeError(
            f"Invalid assignment of index {_quote_key(key)} (on base: '{_type_name(obj)}') "
            f"with value of type '{_type_name(value)}'.")

    # * Calls ------------------------------------------------------------
    def call_method(self, obj: Any, name: str, *args: Any) -> Any:
        t = type(obj)
        try:
            fn = self._callers[t, name]
        except KeyError:
            if obj is None:
                raise ScriptRuntimeError(msg_call_on_null(self.dialect, name)) from None
            if isinstance(obj, type):
                return self._class_member(obj, name, calling=True)(*args)
            fn = self._make_caller(obj, name)
        if fn is None:  # a method looked up per object (freed checks)
            return self._call_object(obj, name, args, self.dialect)
        try:
            if self.dialect == 3:
                return _native_call(name, fn, obj, args)
            return fn(obj, *args)
        except TypeError as exc:
            raise _builtin_arity_error(exc, self.dialect, obj, name, fn, args) from None

    def call_method_ret(self, obj: Any, name: str, *args: Any) -> Any:
        """``call_method`` whose result is used: a void native method's is an error."""
        result = self.call_method(obj, name, *args)
        if result is None and self._returns_void(obj, name):
            raise ScriptRuntimeError('Trying to get a return value of a method that returns '
                                     '"void"')
        return result

    def _returns_void(self, obj: Any, name: str) -> bool:
        if isinstance(obj, type):
            return False
        if isinstance(obj, Object):
            if name == "free":
                return True
            info = getattr(type(obj), "_gd_script", None)
            if info is not None and info.find_method(name) is not None:
                return False  # script functions are checked by the analyzer only
            method = godot_api(type(obj)).methods.get(name)
        else:
            method = (self.value_methods(type(obj)) or {}).get(name)
        method = getattr(method, "__func__", method)
        returns = getattr(method, "__annotations__", {}).get("return", "?")
        return returns is None or returns == "None"

    def _make_caller(self, obj: Any, name: str) -> Any:
        t = type(obj)
        if isinstance(obj, Object):
            self._callers[t, name] = None
            return None
        table = self.value_methods(t)
        if table is not None and name in table:
            fn = table[name]
            self._callers[t, name] = fn
            return fn
        raise ScriptRuntimeError(f"Invalid call. Nonexistent function '{name}' in base "
                                 f"'{_type_name(obj)}'.")

    def _call_object(self, obj: Any, name: str, args: tuple[Any, ...], dialect: int) -> Any:
        if getattr(obj, "_gd_freed", False):
            raise ScriptRuntimeError(msg_call_on_freed(dialect, name))
        info = getattr(type(obj), "_gd_script", None)
        if info is not None:
            method = info.find_method(name)
            if method is not None:
                call_args = args if info.is_static_method(name) else (obj, *args)
                try:
                    return method(*call_args)
                except TypeError as exc:
                    if exc.__traceback__ is not None and exc.__traceback__.tb_next is None:
                        raise arity_error(dialect, obj, name, method, len(args)) from None
                    raise
        method = godot_api(type(obj)).methods.get(name)
        if method is None:
            raise ScriptRuntimeError(f"Invalid call. Nonexistent function '{name}' in base "
                                     f"'{object_type_name(obj)}'.")
        bound = getattr(obj, name)
        try:
            if dialect == 3:
                return _native_call(name, bound, None, args)
            return bound(*args)
        except TypeError as exc:
            raise _builtin_arity_error(exc, dialect, obj, name, bound, args) from None

    def has_method(self, obj: Any, name: str) -> bool:
        if isinstance(obj, Object):
            info = getattr(type(obj), "_gd_script", None)
            if info is not None and info.find_method(name) is not None:
                return True
            return name in godot_api(type(obj)).methods
        table = self.value_methods(type(obj))
        return table is not None and name in table


def _string_with_char(text: str, key: Any, value: Any, dialect: int) -> str:
    """``s[i] = "c"``: Strings are values, so the new string is stored back."""
    size = len(text)
    index = key + size if type(key) is int and key < 0 else key
    if type(key) is not int or not isinstance(value, str) or not 0 <= index < size:
        if type(key) is int and not 0 <= index < size:
            raise ScriptRuntimeError(msg_set_out_of_bounds(dialect, key, text, value))
        raise ScriptRuntimeError(msg_set_invalid(dialect, key, text, value))
    return text[:index] + value[:1] + text[index + 1:]


def arity_error(dialect: int, obj: Any, name: str, method: Any, given: int,
                via: str = "") -> ScriptRuntimeError:
    """Godot's error for a script method called with the wrong number of arguments."""
    import inspect

    params = [p for p in inspect.signature(method).parameters.values()
              if p.kind == p.POSITIONAL_OR_KEYWORD and p.name != "self"]
    required = sum(1 for p in params if p.default is p.empty)
    expected = len(params) if given > len(params) else required
    plural = "arguments" if dialect == 3 else "argument(s)"
    error = ArityError(f"Invalid call to function '{name}{via}' in base "
                       f"'{object_type_name(obj)}'. Expected {expected} {plural}.")
    error.expected, error.given, error.dialect = expected, given, dialect
    return error


class ArityError(ScriptRuntimeError):
    """A call with the wrong number of arguments (signals report it as an engine error)."""

    expected = 0
    given = 0
    dialect = 4


def _builtin_arity_error(exc: TypeError, dialect: int, obj: Any, name: str, fn: Any,
                        args: tuple[Any, ...]) -> Exception:
    """A builtin method called with the wrong number of arguments gets Godot's error;
    any other TypeError is left as it is (a bug, or an operator error to translate)."""
    import inspect

    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    # Raised while binding the arguments: the innermost frame is this module's call site.
    if tb is None or tb.tb_frame.f_code.co_filename != __file__:
        return exc
    try:
        params = [p for p in inspect.signature(fn).parameters.values()
                  if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        return exc
    if any(p.kind == p.VAR_POSITIONAL for p in inspect.signature(fn).parameters.values()):
        return exc
    bound_self = not inspect.ismethod(fn)
    count = len(params) - (1 if bound_self and params else 0)
    required = sum(1 for p in params if p.default is p.empty) - (1 if bound_self else 0)
    if required <= len(args) <= count:
        return exc  # the count was right: the TypeError came from somewhere else
    expected = count if len(args) > count else required
    plural = "arguments" if dialect == 3 else "argument(s)"
    return ScriptRuntimeError(f"Invalid call to function '{name}' in base "
                              f"'{_type_name(obj, dialect)}'. Expected {expected} {plural}.")


def _native_call(name: str, fn: Any, obj: Any, args: tuple[Any, ...]) -> Any:
    """Call a native method, remembering its name for Godot 3's engine-error prefix."""
    NATIVE_CALLS.append(name)
    try:
        return fn(*args) if obj is None else fn(obj, *args)
    finally:
        NATIVE_CALLS.pop()


def _native_constructor(cls: type) -> Any:
    def new(*args: Any) -> Any:
        return cls(*args)

    new.__name__ = "new"
    return new


def _class_enum(cls: type, name: str) -> Any:
    """``Node.ProcessMode``, ``Vector3.Axis``: a native enum as a Dictionary."""
    for klass in cls.__mro__:
        names = vars(klass).get("ENUMS", {}).get(name)
        if names is not None:
            from .globalscope import enum_dictionary
            from .member_info import class_constant

            return enum_dictionary({k: class_constant(klass, k) for k in names})
    return None


def _class_object_type(cls: type) -> str:
    """The class of a class used as a value: a script or a native class object."""
    return "GDScript" if hasattr(cls, "_gd_script") else "GDScriptNativeClass"


def _class_display(cls: type) -> str:
    info = getattr(cls, "_gd_script", None)
    if info is not None:
        return info.display_name()
    return getattr(cls, "GODOT_NAME", cls.__name__)


def _virtual_getter(t: type, name: str, dialect: int) -> Getter | None:
    """A property the script's ``_get()`` provides: null from it means there is none."""
    info = getattr(t, "_gd_script", None)
    hook = info.find_method("_get") if info is not None else None
    if hook is None:
        return None

    def get_virtual(obj: Any) -> Any:
        value = hook(obj, name)
        if value is None:
            raise ScriptRuntimeError(msg_get_missing(dialect, name, obj))
        return value
    return get_virtual


def _object_getter(t: type, name: str) -> Getter | None:
    info = getattr(t, "_gd_script", None)
    if info is not None:
        getter = info.member_getter(name)
        if getter is not None:
            return getter
    api = godot_api(t)
    if name in api.properties:
        return operator.attrgetter(name)
    if name in api.methods:
        return partial(_method_callable, name=name)
    if name in api.signals:
        return partial(_signal_value, name=name)
    if name in api.constants:
        value = api.constants[name]
        return lambda _obj: value
    return None


def _set_checked_element(arr: Any, index: int, key: Any, value: Any) -> None:
    """``arr[i] = v`` on a read-only or typed Array (Godot's Array::set checks)."""
    from gdscript.stdlib.arrays import _validate

    if arr.read_only:
        raise ScriptRuntimeError(f"Invalid assignment on read-only value (on base: "
                                 f"'{_type_name(arr)}').")
    ok, value = _validate(arr, value, "set")
    if not ok:
        raise ScriptRuntimeError(f"Invalid assignment of index {_quote_key(key)} (on base: "
                                 f"'{_type_name(arr)}') with value of type "
                                 f"'{_type_name(value)}'.")
    arr[index] = value


def _set_checked_entry(d: Any, key: Any, value: Any) -> None:
    """``d[k] = v`` on a read-only or typed Dictionary (Godot's Dictionary::set checks)."""
    from gdscript.errors import engine_error
    from gdscript.stdlib.dictionary import typed_set
    from gdscript.stdlib.variant import stringify

    if d.read_only:
        engine_error('Condition "_p->read_only" is true. Returning: false',
                     "Dictionary is in read-only state.")
        raise ScriptRuntimeError(f"Invalid assignment on read-only value (on base: "
                                 f"'{_type_name(d)}').")
    if not typed_set(d, key, value):
        text = stringify(key)
        where = f"'{text}'" if text else f"of type '{_type_name(key)}'"
        raise ScriptRuntimeError(f"Invalid assignment of property or key {where} with value "
                                 f"of type '{_type_name(value)}' on a base object of type "
                                 f"'{_type_name(d)}'.")


def _class_callable(cls: type, name: str, function: Any) -> Callable:
    """``Node.new``, ``JSON.parse_string``: a Callable on the class object."""
    return Callable(cls, name, function)


def _method_callable(obj: Any, name: str) -> Callable:
    return Callable(obj, name)


def _signal_value(obj: Any, name: str) -> Signal:
    return Signal(obj, name)


def _bound_builtin(obj: Any, fn: Any, name: str) -> Callable:
    return Callable(function=partial(fn, obj), name=name)


def _dict_member(d: dict[Any, Any], name: str, dialect: int) -> Any:
    try:
        return d[name]
    except KeyError:
        raise ScriptRuntimeError(msg_get_missing(dialect, name, d)) from None
