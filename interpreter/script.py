"""Script classes at run time: what a compiled class knows about itself, instance
creation, error reporting from compiled functions, and coroutines (await/yield).

A GDScript class compiles to a Python class whose bases are its GDScript base
(another compiled class) or its native base (a ``stdlib`` class).  The class
carries a :class:`ScriptInfo` as ``_gd_script``: its members, methods, signals,
constants and the chain of script levels, which ``access`` reads to resolve
``obj.name`` and which instance creation walks (member initializers base
first, then ``_init``: in 4.x only the nearest one, in 3.x every level's).

Errors: every compiled function wraps its body in ``try``/``except`` and hands
any exception to :func:`report_error`, which prints Godot's ``SCRIPT ERROR``
(through the current :class:`ErrorReporter`) and makes the call return null,
as Godot's VM does.

Coroutines: a function containing ``await`` (3.x ``yield``) compiles to a
generator; :func:`start_coroutine` runs it to its first suspension and returns
a :class:`GDScriptFunctionState` (or the result, when it never suspended).
"""

from __future__ import annotations

import operator
import sys
from types import TracebackType

from gdscript.stdlib.objects import (
    CONNECT_ONE_SHOT,
    Callable,
    Object,
    RefCounted,
    Signal,
)

from .errors import InternalError, ScriptRuntimeError

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable as PyCallable
    from typing import Any

# * Error reporting ------------------------------------------------------------


class ErrorReporter:
    """Where script errors go.  The CLI prints them; the test runner captures them."""

    def __init__(self) -> None:
        self.count = 0
        self.internal_errors = 0
        self.debug = False
        self.dialect = 4

    def script_error(self, message: str, path: str, line: int, function: str) -> None:
        for text in format_script_error(message, path, line, function, self.dialect):
            sys.stderr.write(text + "\n")

    def internal_error(self, exc: BaseException) -> None:
        sys.stderr.write("gdscript: internal error (a bug in gdscript, not in your script): "
                         f"{type(exc).__name__}: {exc}. Please report it"
                         + ("" if self.debug else "; rerun with --debug for the traceback")
                         + ".\n")
        if self.debug:
            import traceback

            from .loader import register_sources_for_tracebacks

            register_sources_for_tracebacks()
            traceback.print_exception(exc)


def format_script_error(message: str, path: str, line: int, function: str,
                        dialect: int) -> list[str]:
    """Godot's console form of a script error (3.x and 4.x differ)."""
    if dialect == 3:
        return [f"SCRIPT ERROR: {function}: {message}", f"   At: {path}:{line}."]
    return [f"SCRIPT ERROR: {message}", f"   at: {function} ({path}:{line})"]


REPORTER = [ErrorReporter()]

# Called after every reported script error (the runner watches for stuck runs).
ERROR_HOOKS: list[PyCallable[[], None]] = []


def set_reporter(reporter: ErrorReporter) -> ErrorReporter:
    old = REPORTER[0]
    REPORTER[0] = reporter
    return old


def _script_frame(tb: TracebackType | None) -> tuple[str, int, str] | None:
    """The innermost frame of GDScript code in a traceback: (path, line, function)."""
    found = None
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename.startswith(("res://", "user://")) or \
                code.co_filename.endswith(".gd"):
            found = (code.co_filename, tb.tb_lineno, code.co_name)
        tb = tb.tb_next
    return found


def report_error(exc: BaseException) -> None:
    """Report an error raised in a compiled function; the caller then returns null."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, InternalError)):
        raise exc
    from .runtime import error_message

    reporter = REPORTER[0]
    message = error_message(exc)
    where = _script_frame(exc.__traceback__)
    if message is None:
        reporter.count += 1
        reporter.internal_errors += 1
        reporter.internal_error(exc)
        return
    reporter.count += 1
    for hook in ERROR_HOOKS:
        hook()
    path, line, function = where if where else ("<unknown>", 0, "<unknown>")
    if isinstance(exc, ScriptRuntimeError) and exc.line is not None and where is None:
        line = exc.line
    reporter.script_error(message, path, line, _gd_function_name(function))


def _gd_function_name(co_name: str) -> str:
    if co_name.startswith("_gd_co_"):
        return co_name[len("_gd_co_"):]
    if co_name.startswith("_gd_lambda"):
        return "<anonymous lambda>"
    return co_name


# * Script classes ---------------------------------------------------------------


class MemberInfo:
    """One member variable of a script class."""

    def __init__(self, name: str, pyname: str, has_accessors: bool = False,
                 is_static: bool = False, convert: PyCallable[[Any], Any] | None = None,
                 type_id: int = 0, exported: bool = False) -> None:
        self.name = name
        self.pyname = pyname
        self.has_accessors = has_accessors
        self.is_static = is_static
        self.convert = convert  # typed members: the conversion
        self.type_id = type_id  # Godot's TYPE_* of the declared type (0: untyped)
        self.exported = exported  # ``export``/``@export``: shown in the editor

    def __repr__(self) -> str:
        return f"MemberInfo({self.name!r}, {self.pyname!r})"


class ScriptInfo:
    """What a compiled class knows about itself (one per GDScript class)."""

    def __init__(self, name: str | None, path: str, dialect: int, native: type,
                 base: ScriptInfo | None = None, outer: ScriptInfo | None = None) -> None:
        self.name = name
        self.path = path
        self.dialect = dialect
        self.native = native
        self.base = base
        self.outer = outer
        self.members: dict[str, MemberInfo] = {}
        self.methods: dict[str, str] = {}  # Godot name -> Python name
        self.method_args: dict[str, list[str]] = {}  # parameter names
        self.static_methods: set[str] = set()
        self.signals: list[str] = []
        self.signal_args: dict[str, list[str]] = {}  # parameter names
        self.constants: dict[str, Any] = {}
        self.py_class: Any = None
        self.is_global_name = False  # ``class_name`` (not an inner class)
        # () -> (properties [(is_static, PropertyInfo)], {method: MethodInfo},
        # {signal: MethodInfo}): see member_info; built on first use.
        self.reflector: Any = None
        self._reflection: Any = None

    def __repr__(self) -> str:
        return f"ScriptInfo({self.name!r}, {self.path!r})"

    def reflection(self) -> tuple[list[tuple[bool, dict[str, Any]]], dict[str, Any],
                                  dict[str, Any]]:
        if self._reflection is None:
            self._reflection = self.reflector() if self.reflector is not None else \
                ([], {}, {})
        return self._reflection

    def display_name(self) -> str:
        """How Godot names the script in messages (``Node (name)``)."""
        if self.dialect == 3:
            return "" if self.outer is not None else self.path.rsplit("/", 1)[-1]
        if self.name:
            return self.name
        return self.path.rsplit("/", 1)[-1]

    def chain(self) -> list[ScriptInfo]:
        """The levels of the inheritance chain, the outermost base first."""
        levels = []
        info: ScriptInfo | None = self
        while info is not None:
            levels.append(info)
            info = info.base
        levels.reverse()
        return levels

    # Lookups through the inheritance chain ----------------------------
    def level_with(self, table: str, name: str) -> ScriptInfo | None:
        """The nearest level (this class, then its bases) whose ``table`` (members,
        methods, signals, constants) has ``name``."""
        info: ScriptInfo | None = self
        while info is not None:
            if name in getattr(info, table):
                return info
            info = info.base
        return None

    def find_member(self, name: str) -> MemberInfo | None:
        level = self.level_with("members", name)
        return level.members[name] if level is not None else None

    def find_method(self, name: str) -> Any:
        level = self.level_with("methods", name)
        return getattr(self.py_class, level.methods[name]) if level is not None else None

    def is_static_method(self, name: str) -> bool:
        level = self.level_with("methods", name)
        return level is not None and name in level.static_methods

    def has_signal(self, name: str) -> bool:
        return self.level_with("signals", name) is not None

    def find_constant(self, name: str) -> tuple[bool, Any]:
        level = self.level_with("constants", name)
        return (True, level.constants[name]) if level is not None else (False, None)

    # Hooks used by access.Hooks ----------------------------------------
    def member_getter(self, name: str) -> PyCallable[[Any], Any] | None:
        member = self.find_member(name)
        if member is not None:
            if member.is_static:
                cls = self.py_class
                return lambda _obj: getattr(cls, member.pyname)
            return operator.attrgetter(member.pyname)
        if self.find_method(name) is not None:
            return lambda obj: Callable(obj, name)
        if self.has_signal(name):
            return lambda obj: Signal(obj, name)
        found, value = self.find_constant(name)
        if found:
            return lambda _obj: value
        return None

    def set_member(self, obj: Any, name: str, value: Any) -> bool:
        member = self.find_member(name)
        if member is None:
            return False
        if member.is_static:
            return self.set_static(type(obj), name, value)
        if member.convert is not None:
            value = member.convert(value)
        setattr(obj, member.pyname, value)
        return True

    def set_static(self, cls: Any, name: str, value: Any) -> bool:
        level = self.level_with("members", name)
        member = level.members[name] if level is not None else None
        if member is None or not member.is_static:
            return False
        if member.convert is not None:
            value = member.convert(value)
        # Stored on the declaring class, so subclasses share it.
        owner = level.py_class  # type: ignore[union-attr]
        prop = vars(owner).get(member.pyname)
        if member.has_accessors and hasattr(prop, "set"):
            prop.set(owner, value)
        else:
            setattr(owner, member.pyname, value)
        return True

    def class_member(self, cls: Any, name: str) -> tuple[bool, Any]:
        if name == "new":
            return True, Callable(cls, "new", cls._gd_new)
        if name == "resource_path":
            return True, self.path
        member = self.find_member(name)
        if member is not None and member.is_static:
            return True, getattr(cls, member.pyname)
        found, value = self.find_constant(name)
        if found:
            return True, value
        method = self.find_method(name)
        if method is not None:
            return True, Callable(function=method)
        return script_class_member(cls, name)


def script_init(self: Any, *args: Any) -> None:
    """``__init__`` of every compiled class: native init, members, then ``_init``."""
    info: ScriptInfo = type(self)._gd_script
    info.native.__init__(self)
    levels = info.chain()
    for level in levels:
        level.py_class.__dict__["_gd_init_members"](self)
    if info.dialect == 3:
        _init3(self, levels, args)
        return
    init = info.find_method("_init")
    if init is not None:
        init(self, *args)
    elif args:
        raise ScriptRuntimeError(
            f"Invalid call to function 'new' in base '{info.display_name()}'. "
            f"Expected 0 argument(s).")


def _init3(self: Any, levels: list[ScriptInfo], args: tuple[Any, ...]) -> None:
    # 3.x runs every level's _init, base first; ``func _init(a).(b)`` passes b up.
    arg_sets = {id(levels[-1]): args}
    for level in reversed(levels):
        init = level.py_class.__dict__.get("_init")
        super_args = level.py_class.__dict__.get("_gd_super_args")
        if super_args is not None and level.base is not None:
            arg_sets[id(level.base)] = tuple(super_args(self, *arg_sets.get(id(level), ())))
        if init is None and level.base is not None and id(level.base) not in arg_sets:
            arg_sets[id(level.base)] = ()
    for level in levels:
        init = level.py_class.__dict__.get("_init")
        if init is not None:
            init(self, *arg_sets.get(id(level), ()))


def make_new(cls: Any) -> PyCallable[..., Any]:
    def new(*args: Any) -> Any:
        return cls(*args)

    new.__name__ = "new"
    return new


# * Coroutines -----------------------------------------------------------------

BARE_YIELD = object()  # what a 3.x ``yield()`` sends to the driver


class GDScriptFunctionState(RefCounted):
    """A suspended function: resumes when what it awaits is done (3.x: ``resume()``)."""

    GODOT_NAME = "GDScriptFunctionState"
    SIGNALS = ("completed",)

    def __init__(self, generator: Any) -> None:
        super().__init__()
        self._gd_gen = generator
        self._gd_done = False
        self._gd_result: Any = None

    def is_valid(self, extended_check: bool = False) -> bool:
        return not self._gd_done

    def resume(self, arg: Any = None) -> Any:
        if self._gd_done:  # the function has returned: Godot cleared it
            from .errors import engine_error

            engine_error('Condition "!function" is true. Returned: Variant()')
            return None
        return self._gd_step(arg)

    def _gd_step(self, value: Any) -> Any:
        gen = self._gd_gen
        while True:
            try:
                awaited = gen.send(value)
            except StopIteration as stop:
                self._gd_done = True
                self._gd_result = stop.value
                self.emit_signal("completed", stop.value)
                return stop.value
            if awaited is BARE_YIELD:
                return self
            if isinstance(awaited, Signal):
                self._gd_wait_signal(awaited)
                return self
            if isinstance(awaited, GDScriptFunctionState):
                if not awaited._gd_done:
                    awaited.connect("completed", Callable(function=self._gd_step),
                                    CONNECT_ONE_SHOT)
                    return self
                value = awaited._gd_result
                continue
            value = awaited  # awaiting a plain value resumes at once

    def _gd_wait_signal(self, signal: Signal) -> None:
        target = signal.target
        if target is None or getattr(target, "_gd_freed", False):
            raise ScriptRuntimeError("Trying to await a signal of a null or freed instance.")

        def resume(*args: Any) -> None:
            from gdscript.stdlib.arrays import Array

            if not args:
                self._gd_step(None)
            elif len(args) == 1:
                self._gd_step(args[0])
            else:
                self._gd_step(Array(args))

        target.connect(signal.name, Callable(function=resume), CONNECT_ONE_SHOT)


def start_coroutine(generator: Any) -> Any:
    """Run a compiled coroutine to its first suspension."""
    state = GDScriptFunctionState(generator)
    result = state._gd_step(None)
    return result


def signal_of(obj: Any, name: str) -> Signal:
    """3.x ``yield(obj, "signal")``: the signal to wait for."""
    if not isinstance(obj, Object):
        raise ScriptRuntimeError("First argument of yield() not of type object.")
    if not obj.has_signal(name):
        raise ScriptRuntimeError(f"Signal '{name}' not found in object.")
    return Signal(obj, name)


# * GDScript: a script as a resource -------------------------------------------------------

class GDScript(RefCounted):
    """Godot's GDScript resource.  Compiled script classes stand for themselves as values;
    this class gives scripts ``GDScript.new()`` with ``source_code`` and ``reload()``,
    and is the type ``x is GDScript`` tests against."""

    GODOT_NAME = "GDScript"

    def __init__(self) -> None:
        super().__init__()
        self._gd_source = ""
        self._gd_class: Any = None

    source_code = property(lambda self: self._gd_source,
                           lambda self, text: setattr(self, "_gd_source", str(text)))

    def reload(self, keep_state: bool = False) -> int:
        """Compile ``source_code`` (as a script of the current folder); an Error code."""
        from pathlib import Path

        from .errors import GDScriptError
        from .loader import Project, compile_class

        project = Project(Path.cwd(), 4)
        try:
            self._gd_class = compile_class(self._gd_source, "res://gdscript_resource.gd",
                                           project)
        except GDScriptError as exc:
            from .errors import engine_error

            engine_error(f"Failed to load script: {exc.message}")
            return 43  # ERR_PARSE_ERROR
        return 0

    def new(self, *args: Any) -> Any:
        if self._gd_class is None:
            raise ScriptRuntimeError("Cannot instance script because it's not compiled.")
        return self._gd_class(*args)

    def can_instantiate(self) -> bool:
        return self._gd_class is not None


def script_class_member(cls: Any, name: str) -> tuple[bool, Any]:
    """Members a script class has because it is a GDScript resource (``get_class()``...)."""
    info: ScriptInfo = cls._gd_script
    resource_api: dict[str, PyCallable[..., Any]] = {
        "get_class": lambda: "GDScript",
        "is_class": lambda name: name in ("GDScript", "Script", "Resource", "RefCounted",
                                          "Object"),
        "get_instance_base_type": lambda: info.native._gd_class_name()
        if hasattr(info.native, "_gd_class_name") else info.native.__name__,
        "get_base_script": lambda: info.base.py_class if info.base is not None else None,
        "get_global_name": lambda: info.name if info.is_global_name else "",
        "get_path": lambda: info.path if info.outer is None else "",
        "can_instantiate": lambda: True,
        "get_script_method_list": lambda: _method_list(info),
        "has_script_signal": lambda signal: info.has_signal(signal),
        "get_script_constant_map": lambda: _constant_map(info),
        "get_property_list": lambda: _static_properties(info),
        "get_method_list": lambda: _empty_list(),  # GDScript's own (native) methods
        "get_signal_list": lambda: _empty_list(),
    }
    function = resource_api.get(name)
    if function is None:
        return False, None
    return True, Callable(function=function)


def _method_list(info: ScriptInfo) -> Any:
    from gdscript.stdlib.arrays import Array
    from gdscript.stdlib.dictionary import Dictionary

    return Array(Dictionary({"name": name, "args": Array(Dictionary({"name": a})
                                                          for a in info.method_args.get(name, ())),
                             "default_args": Array(), "flags": 1, "id": 0,
                             "return": Dictionary()})
                 for name in _script_methods(info))


def _script_methods(info: ScriptInfo) -> list[str]:
    """Godot 3 lists the implicit initializer ``_init`` of every script first."""
    names = list(info.methods)
    if info.dialect == 3:
        names = ["_init"] + [name for name in names if name != "_init"]
    return names


def _static_properties(info: ScriptInfo) -> Any:
    from .member_info import static_property_list

    return static_property_list(info)


def _empty_list() -> Any:
    from gdscript.stdlib.arrays import Array

    return Array()


def _constant_map(info: ScriptInfo) -> Any:
    from gdscript.stdlib.dictionary import Dictionary

    return Dictionary(info.constants)
