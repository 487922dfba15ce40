"""The binding side: GDScript classes used from Python, Python code used from GDScript.

``load(path)`` and ``compile_source(text)`` give a :class:`ScriptClass`; its
``new(...)`` makes an instance whose members and methods Python reaches as
attributes (:class:`ScriptObject`).  ``Runtime.register(name, target)`` makes a
Python function, class or value a global name of every script compiled after it.

Values cross the boundary converted (:func:`to_variant`, :func:`to_python`):
``None``/``bool``/``int``/``float``/``str`` as they are, ``list``/``tuple`` ↔ Array,
``dict`` ↔ Dictionary, ``bytes`` ↔ PackedByteArray; other Packed arrays come out
as lists, script instances as ``ScriptObject``; math types (Vector2, Color...)
pass unchanged.  A script error inside a call from Python raises
:class:`ScriptCallError` with Godot's message and the ``.gd`` location, instead of
being printed and answered with null as between scripts.

Coroutines (a method that awaits) need a main loop: use ``run_file`` for those.
"""

from __future__ import annotations

import keyword
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from . import errors, script

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

# Name -> (kind, what scripts see): ("function", fn), ("class", native-like class) or
# ("value", a constant).
REGISTERED: dict[str, tuple[str, Any]] = {}


class ScriptCallError(errors.ScriptRuntimeError):
    """A script error raised while Python called into GDScript."""


# * Values ------------------------------------------------------------------------

def to_variant(value: Any) -> Any:
    """A Python value as the GDScript value scripts handle."""
    from gdscript.stdlib.arrays import Array
    from gdscript.stdlib.dictionary import Dictionary
    from gdscript.stdlib.objects import Object
    from gdscript.stdlib.packed import PackedByteArray

    if value is None or isinstance(value, (bool, float, str, Object, Array, Dictionary)):
        return value
    if isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise OverflowError(f"{value} does not fit GDScript's 64-bit int")
        return value
    if isinstance(value, ScriptObject):
        return value.gd_object
    if isinstance(value, ScriptClass):
        return value.gd_class
    if isinstance(value, (list, tuple)):
        return Array(to_variant(item) for item in value)
    if isinstance(value, dict):
        return Dictionary((to_variant(k), to_variant(v)) for k, v in value.items())
    if isinstance(value, (bytes, bytearray, memoryview)):
        return PackedByteArray(bytes(value))
    if getattr(type(value), "__module__", "").startswith("gdscript."):
        return value  # Vector2, Color, Callable, Packed arrays...
    raise TypeError(f"a Python {type(value).__name__} cannot be passed to GDScript")


def to_python(value: Any) -> Any:
    """A GDScript value as plain Python data (see the module docstring)."""
    from gdscript.stdlib.objects import Object
    from gdscript.stdlib.packed import PackedByteArray

    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return str(value)  # StringName, NodePath -> str
    if isinstance(value, PackedByteArray):
        return bytes(value)
    if isinstance(value, dict):
        return {to_python(k): to_python(v) for k, v in value.items()}
    if isinstance(value, list) or hasattr(type(value), "_gd_sequence"):
        return [to_python(item) for item in value]
    if isinstance(value, _PythonBacked):
        return value._gd_py
    if isinstance(value, Object) and getattr(type(value), "_gd_script", None) is not None:
        return ScriptObject(value)
    return value


# * Script errors become exceptions ---------------------------------------------------

class _RecordingReporter(script.ErrorReporter):
    def __init__(self, dialect: int) -> None:
        super().__init__()
        self.dialect = dialect
        self.messages: list[tuple[str, str, int, str]] = []

    def script_error(self, message: str, path: str, line: int, function: str) -> None:
        self.messages.append((message, path, line, function))

    def internal_error(self, exc: BaseException) -> None:
        raise errors.InternalError(f"{type(exc).__name__}: {exc}") from exc


@contextmanager
def _raising_script_errors(dialect: int) -> Iterator[None]:
    from .errors import ENGINE_DIALECT

    reporter = _RecordingReporter(dialect)
    old = script.set_reporter(reporter)
    old_dialect = ENGINE_DIALECT[0]
    ENGINE_DIALECT[0] = dialect
    try:
        yield
    except errors.GDScriptError as exc:
        if not reporter.messages:
            raise ScriptCallError(exc.message, exc.line, exc.column, exc.path) from None
        raise
    finally:
        script.set_reporter(old)
        ENGINE_DIALECT[0] = old_dialect
    if reporter.messages:
        message, path, line, function = reporter.messages[0]
        raise ScriptCallError(f"{message} (in {function})", line, None, path)


# * Script classes and instances seen from Python ------------------------------------

class ScriptClass:
    """A compiled GDScript class; ``new(*args)`` runs ``_init`` and returns an instance."""

    def __init__(self, cls: type, dialect: int) -> None:
        self.gd_class = cls
        self.dialect = dialect

    def new(self, *args: Any) -> ScriptObject:
        with _raising_script_errors(self.dialect):
            obj = self.gd_class(*(to_variant(a) for a in args))
        return ScriptObject(obj, self.dialect)

    def __getattr__(self, name: str) -> Any:
        """Constants, enums, static variables and static functions of the class."""
        if name.startswith("_"):
            raise AttributeError(name)
        from .runtime import HOOKS

        hooks = HOOKS[self.dialect]
        try:
            value = hooks.get_member(self.gd_class, name)
        except errors.GDScriptError as exc:
            raise AttributeError(exc.message) from None
        return _callable_or_value(value, self.dialect)

    def __repr__(self) -> str:
        info = self.gd_class._gd_script
        return f"<ScriptClass {info.display_name()}>"


class ScriptObject:
    """An instance of a script class: its members and methods are attributes."""

    __slots__ = ("gd_object", "dialect")

    def __init__(self, obj: Any, dialect: int | None = None) -> None:
        object.__setattr__(self, "gd_object", obj)
        object.__setattr__(self, "dialect", dialect or _dialect_of(obj))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        from .runtime import HOOKS

        hooks = HOOKS[self.dialect]
        if hooks.has_method(self.gd_object, name):
            return _BoundMethod(self.gd_object, name, self.dialect)
        try:
            with _raising_script_errors(self.dialect):
                value = hooks.get_member(self.gd_object, name)
        except ScriptCallError as exc:
            raise AttributeError(exc.message) from None
        return to_python(value)

    def __setattr__(self, name: str, value: Any) -> None:
        from .runtime import HOOKS

        if name.startswith("_"):
            raise AttributeError(f"cannot set {name!r} on a script object")
        with _raising_script_errors(self.dialect):
            HOOKS[self.dialect].set_member(self.gd_object, name, to_variant(value))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScriptObject) and other.gd_object is self.gd_object

    def __hash__(self) -> int:
        return id(self.gd_object)

    def __repr__(self) -> str:
        from gdscript.stdlib.variant import stringify

        return f"<ScriptObject {stringify(self.gd_object, self.dialect)}>"


class _BoundMethod:
    def __init__(self, obj: Any, name: str, dialect: int) -> None:
        self.obj, self.name, self.dialect = obj, name, dialect

    def __call__(self, *args: Any) -> Any:
        from .runtime import HOOKS

        with _raising_script_errors(self.dialect):
            result = HOOKS[self.dialect].call_method(self.obj, self.name,
                                                    *(to_variant(a) for a in args))
        return to_python(result)

    def __repr__(self) -> str:
        return f"<script method {self.name}>"


def _callable_or_value(value: Any, dialect: int) -> Any:
    from gdscript.stdlib.objects import Callable

    if isinstance(value, Callable):
        def call(*args: Any) -> Any:
            with _raising_script_errors(dialect):
                result = value.callv(to_variant(list(args)))
            return to_python(result)
        return call
    return to_python(value)


def _dialect_of(obj: Any) -> int:
    info = getattr(type(obj), "_gd_script", None)
    return getattr(info, "dialect", 4) if info is not None else 4


# * Python code seen from GDScript ------------------------------------------------

class _PythonBacked:
    """Marker base of the native-like classes made for registered Python classes."""

    _gd_py: Any


def _call_host(name: str, fn: Any, args: tuple[Any, ...]) -> Any:
    """Call Python code from a script: its exceptions become script errors."""
    try:
        return fn(*(to_python(a) for a in args))
    except errors.GDScriptError:
        raise
    except Exception as exc:  # noqa: BLE001 - the host's error, shown as a script error
        raise errors.ScriptRuntimeError(f"Error calling registered Python function '{name}': "
                                        f"{type(exc).__name__}: {exc}") from None


def _registered_function(name: str, fn: Any) -> Any:
    def call_python(*args: Any) -> Any:
        result = _call_host(name, fn, args)
        try:
            return to_variant(result)
        except (TypeError, OverflowError) as exc:
            raise errors.ScriptRuntimeError(f"'{name}' returned a value GDScript cannot hold: "
                                            f"{exc}") from None

    call_python.__name__ = name
    return call_python


def _registered_class(name: str, pycls: type) -> type:
    """A RefCounted subclass whose Godot API is the Python class's public methods and
    attributes (class attributes and annotations become properties)."""
    from gdscript.stdlib.objects import RefCounted

    namespace: dict[str, Any] = {"GODOT_NAME": name, "__module__": __name__,
                                 "__qualname__": name}

    def __init__(self: Any, *args: Any) -> None:
        RefCounted.__init__(self)
        self._gd_py = _call_host(name, pycls, args)

    namespace["__init__"] = __init__
    for attr in _public_names(pycls):
        member = getattr(pycls, attr)
        if callable(member) and not isinstance(member, type):
            namespace[attr] = _python_method(name, attr)
        else:
            namespace[attr] = _python_property(attr)
    for attr in getattr(pycls, "__annotations__", {}):
        if not attr.startswith("_") and attr not in namespace:
            namespace[attr] = _python_property(attr)
    return type(name, (RefCounted, _PythonBacked), namespace)


def _public_names(pycls: type) -> list[str]:
    names: list[str] = []
    for klass in reversed(pycls.__mro__):
        if klass is object:
            continue
        names.extend(n for n in vars(klass) if not n.startswith("_") and n not in names)
    return names


def _python_method(class_name: str, attr: str) -> Any:
    def method(self: Any, *args: Any) -> Any:
        return _registered_function(f"{class_name}.{attr}", getattr(self._gd_py, attr))(*args)

    method.__name__ = attr
    return method


def _python_property(attr: str) -> property:
    def get(self: Any) -> Any:
        return to_variant(getattr(self._gd_py, attr))

    def put(self: Any, value: Any) -> None:
        setattr(self._gd_py, attr, to_python(value))

    return property(get, put)


class Runtime:
    """What the host offers scripts.  ``Runtime.register(name, target)``: ``target`` a
    function (scripts call ``name(...)``), a class (scripts use ``name.new(...)``, its
    public methods and attributes) or a value (a global constant)."""

    @staticmethod
    def register(name: str, target: Any) -> None:
        if not name.isidentifier() or keyword.iskeyword(name) or name.startswith("_"):
            raise ValueError(f"{name!r} cannot be a GDScript global name")
        from .errors import MISSING
        from .globalscope import global_callable, global_value

        for dialect in (3, 4):
            if global_value(name, dialect) is not MISSING or \
                    global_callable(name, dialect) is not MISSING:
                raise ValueError(f"{name!r} is already a GDScript global (Godot {dialect})")
        if isinstance(target, type):
            REGISTERED[name] = ("class", _registered_class(name, target))
        elif callable(target):
            REGISTERED[name] = ("function", _registered_function(name, target))
        else:
            REGISTERED[name] = ("value", to_variant(target))

    @staticmethod
    def unregister(name: str) -> None:
        REGISTERED.pop(name, None)

    @staticmethod
    def registered() -> list[str]:
        return sorted(REGISTERED)


def registered_value(name: str) -> Any:
    """What a registered name means as a value (functions become Callables)."""
    from gdscript.stdlib.objects import Callable

    kind, target = REGISTERED[name]
    return Callable(function=target) if kind == "function" else target


def registered_callable(name: str) -> Any:
    """What ``name(...)`` calls, when ``name`` is a registered function."""
    kind, target = REGISTERED[name]
    return target if kind == "function" else None


# * Entry points ----------------------------------------------------------------------

def load(path: str | Path, dialect: int | str = "auto") -> ScriptClass:
    """Load a ``.gd`` file (and what it preloads) as a class usable from Python."""
    from .loader import load_script

    cls, project = load_script(path, dialect)
    return ScriptClass(cls, project.dialect)


def compile_source(text: str, dialect: int | str = "auto", name: str = "main.gd",
                   project_dir: str | Path | None = None) -> ScriptClass:
    """Compile GDScript source text as the script ``res://<name>`` of ``project_dir``
    (the current folder by default)."""
    from .loader import Project, compile_class
    from .parser import detect_dialect

    used = detect_dialect(text) if dialect == "auto" else int(dialect)
    project = Project(Path(project_dir or Path.cwd()), used)
    res_path = f"res://{name}"
    try:
        cls = compile_class(text, res_path, project)
    except errors.GDScriptError as exc:
        exc.source = exc.source or text
        exc.path = exc.path or res_path
        raise
    return ScriptClass(cls, used)
