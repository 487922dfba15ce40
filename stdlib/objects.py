"""Object, RefCounted (4.x) / Reference (3.x), Callable, Signal and deferred calls.

Theory of operation
-------------------
Every Godot object is a Python instance of :class:`Object`.  What a script may
see of a native class is read off the Python class once (``godot_api``):
public functions defined in the body of a stdlib class are Godot methods,
``property`` objects are Godot properties, UPPER_CASE values are constants, and
``SIGNALS`` lists the signals.  Names starting with ``_`` are never visible.
Python-internal state of an object lives in attributes named ``_gd_*`` so that
script members (plain names) never collide with it.

Signals: ``connect`` stores ``Connection(callable, flags, binds)`` per signal.
``emit_signal`` walks a snapshot of the list (Godot copies it too), drops
one-shot connections before calling them, and queues deferred ones on
``MESSAGE_QUEUE``, which the main loop flushes at the end of each frame.

Callable is a plain Python-callable object: a bound method of an object (by
name, resolved when called, as Godot does), or a Python function (a compiled
lambda or a builtin).  Anything that takes "a callable" in the stdlib may call
it like a Python function.
"""

from __future__ import annotations

import weakref
from types import MethodType

from ..errors import ScriptRuntimeError, engine_error
from .global_constants import ERR_INVALID_PARAMETER, OK

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable as PyCallable
    from typing import Any, ClassVar

# Connection flags (same values in 3.x and 4.x; 3.x calls ONE_SHOT "ONESHOT").
CONNECT_DEFERRED = 1
CONNECT_PERSIST = 2
CONNECT_ONE_SHOT = 4
CONNECT_REFERENCE_COUNTED = 8

# Calls queued by call_deferred / CONNECT_DEFERRED: (function, args).
MESSAGE_QUEUE: list[tuple[PyCallable[..., Any], tuple[Any, ...]]] = []


def flush_message_queue() -> None:
    """Run queued deferred calls, including ones queued while flushing."""
    while MESSAGE_QUEUE:
        batch = MESSAGE_QUEUE[:]
        del MESSAGE_QUEUE[:]
        for func, args in batch:
            if not target_freed(func):
                func(*args)


def target_freed(func: Any) -> bool:
    """A queued call whose object was freed since: Godot drops it silently."""
    target = getattr(func, "target", None) if isinstance(func, Callable) else None
    return target is not None and getattr(target, "_gd_freed", False)


# * Reflection of native classes ------------------------------------------

class GodotAPI:
    """A native class's methods, properties, constants and signals, as scripts see them."""

    __slots__ = ("methods", "properties", "constants", "signals")

    def __init__(self, methods: dict[str, Any], properties: dict[str, property],
                 constants: dict[str, Any], signals: tuple[str, ...]) -> None:
        self.methods = methods
        self.properties = properties
        self.constants = constants
        self.signals = signals


_api_cache: dict[type, GodotAPI] = {}
# Class attributes that describe a class to the runtime, not Godot constants.
_TABLE_NAMES = frozenset({"SIGNALS", "GODOT_NAME", "METHODS", "METHODS_3", "STATIC_METHODS",
                          "STATIC_METHODS_3", "CONSTANTS", "CONSTANTS_3", "MEMBERS"})

# Live objects by instance id (instance_from_id, is_instance_id_valid).
INSTANCES: weakref.WeakValueDictionary[int, Object] = weakref.WeakValueDictionary()


def godot_api(cls: type) -> GodotAPI:
    """What a script may reach on instances of the native class ``cls``."""
    api = _api_cache.get(cls)
    if api is not None:
        return api
    methods: dict[str, Any] = {}
    properties: dict[str, property] = {}
    constants: dict[str, Any] = {}
    signals: list[str] = []
    for klass in reversed(cls.__mro__):
        if klass is object or not klass.__module__.startswith("gdscript."):
            continue
        for name, value in vars(klass).items():
            if name.startswith("_"):
                continue
            if isinstance(value, property):
                properties[name] = value
            elif isinstance(value, (staticmethod, classmethod)) or callable(value):
                if name.isupper():
                    continue
                methods[name] = value
            elif name.isupper() and name not in _TABLE_NAMES and \
                    not isinstance(value, (dict, tuple, list)):
                constants[name] = value
        signals.extend(s for s in vars(klass).get("SIGNALS", ()) if s not in signals)
    api = GodotAPI(methods, properties, constants, tuple(signals))
    _api_cache[cls] = api
    return api


# * Object ----------------------------------------------------------------

class Connection:
    """One connection of a signal: the callable, CONNECT_* flags, bound arguments.
    ``direct``: the receiving script method bound to its RefCounted target, when the
    callable is just that (emission calls it without the Callable's checks), else None."""

    __slots__ = ("callable", "flags", "binds", "direct")

    def __init__(self, callable: Any, flags: int, binds: tuple[Any, ...] = ()) -> None:
        self.callable = callable
        self.flags = flags
        self.binds = binds
        self.direct = _direct_method(callable)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Connection):
            return NotImplemented
        return (self.callable, self.flags, self.binds) == \
            (other.callable, other.flags, other.binds)

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value


def _direct_method(callable_: Any) -> Any:
    """``target.method`` as a bound Python method, for a Callable of a non-static script
    method of a RefCounted target (nothing can free it while the connection holds it),
    without bound or unbound arguments; else None."""
    if type(callable_) is not Callable or callable_.function is not None or \
            callable_.bound or callable_.unbound:
        return None
    target = callable_.target
    method = _instance_method(target, callable_.method)
    if method is None or not isinstance(target, RefCounted):
        return None
    return MethodType(method, target)


def _instance_method(target: Any, name: Any) -> Any:
    """The non-static script method ``name`` of ``target``'s class (a function taking the
    target first), or None.  A class's methods never change, so callers may keep it."""
    info = getattr(type(target), "_gd_script", None)
    if info is None or not isinstance(name, str) or info.is_static_method(name):
        return None
    return info.find_method(name)


def _via_call(exc: ScriptRuntimeError, method: str) -> ScriptRuntimeError:
    """Godot 3 names a method called through ``call()`` ``'m (via call)'``, and counts the
    method name as argument 1."""
    import re

    message = exc.message.replace(f"function '{method}'", f"function '{method} (via call)'", 1)
    message = re.sub(r"Cannot convert argument (\d+)",
                     lambda m: f"Cannot convert argument {int(m.group(1)) + 1}", message)
    exc.message = message
    exc.args = (message,)
    return exc


def _callv3(obj: Any, method: str, args: list[Any]) -> Any:
    """Godot 3's ``callv``: a call that cannot be made is an engine error, the result null."""
    import re

    from ..access import ArityError
    from ..errors import NATIVE_CALLS
    from ..runtime import HOOKS

    try:
        return HOOKS[3].call_method(obj, method, *args)
    except ArityError as exc:
        problem = f"Method expected {exc.expected} arguments, but called with {exc.given}."
    except ScriptRuntimeError as exc:
        found = re.search(r"Cannot convert argument .*", exc.message)
        if found is None and "Nonexistent function" not in exc.message:
            raise
        problem = found.group(0) if found else "Method not found."
    info = type(obj)._gd_script
    where = obj.get_class() + (f"({info.display_name()})" if info.outer is None else "")
    NATIVE_CALLS.append("callv")
    try:
        engine_error(f"Error calling method from 'callv': '{where}::{method}': {problem}.")
    finally:
        NATIVE_CALLS.pop()
    return None


class Object:
    """Godot's Object: identity, signals, metadata, free()."""

    GODOT_NAME: ClassVar[str] = "Object"
    SIGNALS: ClassVar[tuple[str, ...]] = ("script_changed", "property_list_changed")
    NOTIFICATION_POSTINITIALIZE = 0
    NOTIFICATION_PREDELETE = 1
    NOTIFICATION_EXTENSION_RELOADED = 2
    CONNECT_DEFERRED = CONNECT_DEFERRED
    CONNECT_PERSIST = CONNECT_PERSIST
    CONNECT_ONE_SHOT = CONNECT_ONE_SHOT
    CONNECT_REFERENCE_COUNTED = CONNECT_REFERENCE_COUNTED
    CONNECT_ONESHOT = CONNECT_ONE_SHOT  # Godot 3's spelling
    _gd_next_id: ClassVar[int] = 1
    # Set on compiled classes whose script defines _notification (read on every free).
    _gd_has_notification: ClassVar[bool] = False

    def __init__(self) -> None:
        self._gd_id = Object._gd_next_id
        Object._gd_next_id += 1
        INSTANCES[self._gd_id] = self
        self._gd_connections: dict[str, list[Connection]] = {}
        self._gd_user_signals: list[str] = []
        self._gd_meta: dict[str, Any] = {}
        self._gd_freed = False

    @classmethod
    def _gd_class_name(cls) -> str:
        for klass in cls.__mro__:
            name = vars(klass).get("GODOT_NAME")
            if name:
                return name
        return "Object"

    def _gd_str(self, dialect: int) -> str:
        to_string = _script_method(self, "_to_string")
        if to_string is not None:
            from .variant import stringify

            text = to_string(self)
            return text if isinstance(text, str) else stringify(text, dialect)
        name = self._gd_class_name()
        if dialect == 3:
            return f"[{name}:{self._gd_id}]"
        return f"<{name}#{self._gd_id}>"

    def _gd_notify(self, what: int) -> None:
        """Deliver a notification to the script's ``_notification`` (every level)."""
        handler = _script_method(self, "_notification")
        if handler is not None:
            handler(self, what)

    # Reflection: what scripts reach through get/set/call ---------------------
    def call(self, method: str, *args: Any) -> Any:
        from ..runtime import HOOKS

        info = getattr(type(self), "_gd_script", None)
        if info is not None and info.dialect == 3:
            try:
                return HOOKS[3].call_method(self, method, *args)
            except ScriptRuntimeError as exc:  # the call itself failed (a body reports its own)
                raise _via_call(exc, method) from None
        return HOOKS[info.dialect if info is not None else 4].call_method(self, method, *args)

    def callv(self, method: str, arg_array: Any) -> Any:
        info = getattr(type(self), "_gd_script", None)
        if info is not None and info.dialect == 3:
            return _callv3(self, method, list(arg_array))
        return self.call(method, *list(arg_array))

    def has_method(self, method: str) -> bool:
        from ..runtime import has_method

        return bool(has_method(self, method))

    def get(self, property: str) -> Any:  # noqa: A002 - Godot's parameter name
        from ..errors import ScriptRuntimeError
        from ..runtime import get_member

        try:
            return get_member(self, property)
        except ScriptRuntimeError:
            return None

    def set(self, property: str, value: Any) -> None:  # noqa: A002
        from ..errors import ScriptRuntimeError
        from ..runtime import set_member

        try:
            set_member(self, property, value)
        except ScriptRuntimeError:
            pass

    def get_script(self) -> Any:
        info = getattr(type(self), "_gd_script", None)
        return info.py_class if info is not None else None

    def get_property_list(self) -> Any:
        from .arrays import Array
        from .dictionary import Dictionary

        info = getattr(type(self), "_gd_script", None)
        if info is not None and info.dialect == 4:
            from ..member_info import property_list

            return property_list(self, info)
        result = Array()
        # PROPERTY_USAGE_SCRIPT_VARIABLE | PROPERTY_USAGE_DEFAULT in each dialect.
        usage = 8192 | 7 if info is not None and info.dialect == 3 else 4096 | 6
        for level in info.chain() if info is not None else ():
            for member in level.members.values():
                if not member.is_static:
                    # Godot 3 shows only exported members in the editor.
                    shown = usage if level.dialect == 4 or member.exported else 8192
                    result.append(Dictionary({"name": member.name, "class_name": "",
                                              "type": member.type_id, "hint": 0,
                                              "hint_string": "", "usage": shown}))
        for name in godot_api(type(self)).properties:
            result.append(Dictionary({"name": name, "class_name": "", "type": 0, "hint": 0,
                                      "hint_string": "", "usage": 6}))
        return result

    def get_method_list(self) -> Any:
        from .arrays import Array
        from .dictionary import Dictionary

        info = getattr(type(self), "_gd_script", None)
        if info is not None and info.dialect == 4:
            from ..member_info import method_list

            return method_list(self, info)
        result = Array()
        for level in info.chain() if info is not None else ():
            for name in level.methods:
                args = Array(Dictionary({"name": a, "class_name": "", "type": 0, "hint": 0,
                                         "hint_string": "", "usage": 6})
                             for a in level.method_args.get(name, ()))
                result.append(Dictionary({"name": name, "args": args, "default_args": Array(),
                                          "flags": 1, "id": 0, "return": Dictionary()}))
        for name in godot_api(type(self)).methods:
            result.append(Dictionary({"name": name, "args": Array(), "default_args": Array(),
                                      "flags": 1, "id": 0, "return": Dictionary()}))
        return result

    def get_signal_list(self) -> Any:
        from .arrays import Array
        from .dictionary import Dictionary

        names: list[str] = []
        info = getattr(type(self), "_gd_script", None)
        if info is not None and info.dialect == 4:
            from ..member_info import signal_list

            return signal_list(self, info)
        params: dict[str, list[str]] = {}
        for level in info.chain() if info is not None else ():
            names.extend(level.signals)
            params.update(level.signal_args)
        # The script's signals come first, then the class's, then user signals.
        names += list(godot_api(type(self)).signals) + self._gd_user_signals
        return Array(Dictionary({"name": n, "args": Array(Dictionary({"name": a})
                                                          for a in params.get(n, ())),
                                 "default_args": Array(), "flags": 1, "id": 0,
                                 "return": Dictionary()}) for n in names)

    # Godot methods ----------------------------------------------------
    def get_instance_id(self) -> int:
        return self._gd_id

    def get_class(self) -> str:
        return self._gd_class_name()

    def is_class(self, name: str) -> bool:
        return any(vars(k).get("GODOT_NAME") == name for k in type(self).__mro__)

    def has_signal(self, signal: str) -> bool:
        info = getattr(type(self), "_gd_script", None)
        if info is not None and info.has_signal(signal):
            return True
        return signal in godot_api(type(self)).signals or signal in self._gd_user_signals

    def has_user_signal(self, signal: str) -> bool:
        return signal in self._gd_user_signals

    def add_user_signal(self, signal: str, arguments: Any = None) -> None:
        if not self.has_signal(signal):
            self._gd_user_signals.append(signal)

    def connect(self, signal: str, callable_: Any, *rest: Any) -> int:
        """4.x ``connect(signal, callable, flags)``; 3.x ``connect(signal, target, method,
        binds=[], flags=0)`` (told apart by the second argument)."""
        binds: tuple[Any, ...] = ()
        old_form = isinstance(callable_, Object) and bool(rest) and isinstance(rest[0], str)
        if old_form:
            callable_ = Callable(callable_, rest[0])
            binds = tuple(rest[1]) if len(rest) > 1 and rest[1] is not None else ()
            flags = rest[2] if len(rest) > 2 else 0
        else:
            flags = rest[0] if rest else 0
        if not self.has_signal(signal):
            target = (f"method '{callable_.target.get_class()}.{callable_.method}'"
                      if old_form else f"callable '{_shown(callable_)}'")
            engine_error(f"In Object of type '{self.get_class()}': Attempt to connect "
                         f"nonexistent signal '{signal}' to {target}.")
            return ERR_INVALID_PARAMETER
        conns = self._gd_connections.setdefault(signal, [])
        if any(c.callable == callable_ for c in conns):
            given = (f"method '{callable_.method}'" if old_form
                     else f"callable '{_shown(callable_)}'")
            engine_error(f"Signal '{signal}' is already connected to given {given} in that "
                         f"object.")
            return ERR_INVALID_PARAMETER
        conns.append(Connection(callable_, flags, binds))
        return OK

    @staticmethod
    def _gd_callable_arg(callable_: Any, rest: tuple[Any, ...]) -> Any:
        if isinstance(callable_, Object) and rest and isinstance(rest[0], str):
            return Callable(callable_, rest[0])  # 3.x (target, method)
        return callable_

    def disconnect(self, signal: str, callable_: Any, *rest: Any) -> None:
        callable_ = self._gd_callable_arg(callable_, rest)
        conns = self._gd_connections.get(signal, [])
        kept = [c for c in conns if c.callable != callable_]
        if len(kept) == len(conns):
            engine_error(f"Attempt to disconnect a nonexistent connection from "
                         f"'{self._gd_str(4)}'. Signal: '{signal}', callable: "
                         f"'{_shown(callable_)}'.")
        self._gd_connections[signal] = kept

    def is_connected(self, signal: str, callable_: Any, *rest: Any) -> bool:
        callable_ = self._gd_callable_arg(callable_, rest)
        return any(c.callable == callable_ for c in self._gd_connections.get(signal, []))

    def emit_signal(self, signal: str, *args: Any) -> int:
        conns = self._gd_connections.get(signal)
        if not conns:
            if not self.has_signal(signal):
                engine_error(f'Can\'t emit non-existing signal "{signal}".')
                return ERR_INVALID_PARAMETER
            return OK
        snapshot = tuple(conns)
        for conn in snapshot:
            if conn.flags & CONNECT_ONE_SHOT:
                # One-shot connections all go before any is called (a nested emit skips them).
                conns[:] = [c for c in conns if not c.flags & CONNECT_ONE_SHOT]
                break
        for conn in snapshot:
            call_args = args + conn.binds if conn.binds else args
            if conn.flags & CONNECT_DEFERRED:
                MESSAGE_QUEUE.append((conn.callable, call_args))
                continue
            if conn.direct is not None:
                try:
                    conn.direct(*call_args)
                    continue
                except TypeError as exc:
                    if exc.__traceback__ is None or exc.__traceback__.tb_next is not None:
                        raise  # from inside the method
                    # A wrong argument count: the Callable's call words the error.
            try:
                conn.callable(*call_args)
            except _late().ArityError as error:
                self._gd_connection_arity_error(signal, conn, error)
        return OK

    def _gd_connection_arity_error(self, signal: str, conn: Connection, error: Any) -> None:
        """A connection called with the wrong arity is an engine error, as in Godot (the
        other connections still run)."""
        target = conn.callable
        owner = getattr(target, "target", None)
        info = getattr(type(owner), "_gd_script", None)
        where = (f"{owner.get_class()}({info.display_name()})" if info is not None
                 else owner.get_class() if isinstance(owner, Object) else "null")
        method = getattr(target, "method", None) or "<lambda>"
        if error.dialect == 3:
            engine_error(f"Error calling method from signal '{signal}': '{where}::{method}': "
                         f"Method expected {error.expected} arguments, but called with "
                         f"{error.given}..")
        else:
            engine_error(f"Error calling from signal '{signal}' to callable: "
                         f"'{where}::{method}': Method expected {error.expected} "
                         f"argument(s), but called with {error.given}.")

    def get_signal_connection_list(self, signal: str) -> list[dict[str, Any]]:
        return [{"signal": Signal(self, signal), "callable": c.callable, "flags": c.flags}
                for c in self._gd_connections.get(signal, [])]

    def call_deferred(self, method: str, *args: Any) -> Any:  # Godot: returns null
        MESSAGE_QUEUE.append((Callable(self, method), args))
        return None

    def set_meta(self, name: str, value: Any) -> None:
        if value is None:
            self._gd_meta.pop(name, None)
        else:
            self._gd_meta[name] = value

    def get_meta(self, name: str, default: Any = None) -> Any:
        return self._gd_meta.get(name, default)

    def has_meta(self, name: str) -> bool:
        return name in self._gd_meta

    def remove_meta(self, name: str) -> None:
        self._gd_meta.pop(name, None)

    def get_meta_list(self) -> list[str]:
        return list(self._gd_meta)

    def notification(self, what: int, reversed_: bool = False) -> None:
        self._gd_notify(what)

    def to_string(self) -> str:
        return self._gd_str(4)

    def notify_property_list_changed(self) -> None:
        self.emit_signal("property_list_changed")

    def is_queued_for_deletion(self) -> bool:
        return False

    def free(self) -> None:
        self._gd_freed = True


class RefCounted(Object):
    """Godot 4's RefCounted: freed when unreferenced (Python's GC does that)."""

    GODOT_NAME = "RefCounted"

    def reference(self) -> bool:
        return True

    def unreference(self) -> bool:
        return False

    def get_reference_count(self) -> int:
        return 1

    def free(self) -> None:
        raise ScriptRuntimeError("Can't free a RefCounted object.")

    def __del__(self) -> None:
        # Python frees an unreferenced object at once, as Godot's refcount does.
        if not self._gd_has_notification or self._gd_freed:
            return
        self._gd_freed = True
        try:
            self._gd_notify(self.NOTIFICATION_PREDELETE)
        except Exception:  # noqa: BLE001 - nothing can be reported from a finalizer
            pass


class Reference(RefCounted):
    """Godot 3's name for RefCounted."""

    GODOT_NAME = "Reference"

    def free(self) -> None:
        raise ScriptRuntimeError("Can't 'free' a reference.")


def _shown(value: Any) -> str:
    """A value as Godot's messages show it."""
    from .variant import stringify

    return stringify(value, 4)


class _LateNames:
    """Names of the interpreter this module needs on hot paths (signal emission, Callable
    calls), imported once on first use: importing them at the top would be circular, and a
    function-level import costs on every call."""

    def __init__(self) -> None:
        from ..access import ArityError
        from ..runtime import HOOKS

        self.ArityError = ArityError
        self.HOOKS = HOOKS


_LATE: list[_LateNames] = []


def _late() -> _LateNames:
    if not _LATE:
        _LATE.append(_LateNames())
    return _LATE[0]


def _script_method(obj: Any, name: str) -> Any:
    """The script's own definition of a virtual (``_to_string``...), or None."""
    info = getattr(type(obj), "_gd_script", None)
    return info.find_method(name) if info is not None else None


# * Callable and Signal ---------------------------------------------------

def _murmur_round(value: int, h: int) -> int:
    """One block of MurmurHash3 (x86, 32-bit): ``hash_murmur3_one_32`` in Godot."""
    value = (value * 0xCC9E2D51) & 0xFFFFFFFF
    value = ((value << 15) | (value >> 17)) & 0xFFFFFFFF
    value = (value * 0x1B873593) & 0xFFFFFFFF
    h ^= value
    h = ((h << 13) | (h >> 19)) & 0xFFFFFFFF
    return (h * 5 + 0xE6546B64) & 0xFFFFFFFF


def _fmix32(h: int) -> int:
    for shift, factor in ((16, 0x85EBCA6B), (13, 0xC2B2AE35)):
        h = ((h ^ (h >> shift)) * factor) & 0xFFFFFFFF
    return h ^ (h >> 16)


def _murmur_fmix(number: int, seed: int) -> int:
    """``hash_fmix32(hash_murmur3_one_64(number, seed))`` from Godot's hashfuncs."""
    number &= (1 << 64) - 1
    low = _murmur_round(number & 0xFFFFFFFF, seed & 0xFFFFFFFF)
    return _fmix32(_murmur_round(number >> 32, low))


class Callable:
    """A method of an object (looked up by name when called) or a Python function."""

    __slots__ = ("target", "method", "function", "bound", "unbound", "name", "_gd_direct")

    def __init__(self, target: Any = None, method: str | None = None,
                 function: PyCallable[..., Any] | None = None, name: str | None = None) -> None:
        self.target = target
        self.method = method
        self.function = function
        self.bound: tuple[Any, ...] = ()
        self.unbound = 0
        self.name = name  # what get_method() answers for a lambda or builtin
        # A script method of the target, found on the first call: fn(target, *args).
        self._gd_direct: PyCallable[..., Any] | None = None

    def _gd_copy(self) -> Callable:
        copy = Callable(self.target, self.method, self.function, self.name)
        copy.bound, copy.unbound = self.bound, self.unbound
        return copy

    def __call__(self, *args: Any) -> Any:
        if self.unbound:
            args = args[: max(len(args) - self.unbound, 0)]
        if self.bound:
            args = args + self.bound
        if self.function is not None:
            return self.function(*args)
        target = self.target
        direct = self._gd_direct
        if direct is not None and not target._gd_freed:
            try:
                return direct(target, *args)
            except TypeError as exc:
                if exc.__traceback__ is None or exc.__traceback__.tb_next is not None:
                    raise  # from inside the method
                # A wrong argument count: the general call words the error.
        if target is None or getattr(target, "_gd_freed", False):
            raise ScriptRuntimeError(
                f"Attempt to call function 'null::{self.method} (Callable)' on a null instance.")
        if direct is None:
            self._gd_direct = _instance_method(target, self.method)
        info = getattr(type(target), "_gd_script", None)
        hooks = _late().HOOKS[info.dialect if info is not None else 4]
        return hooks.call_method(target, self.method, *args)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Callable):
            return NotImplemented
        if self.function is not None or other.function is not None:
            return self.function is other.function and self.bound == other.bound
        return (self.target is other.target and self.method == other.method
                and self.bound == other.bound)

    def __hash__(self) -> int:
        return hash((id(self.target), self.method, id(self.function)))

    def _gd_str(self, dialect: int) -> str:
        if isinstance(self.target, type):  # a class's ``new`` or static method
            kind = "GDScript" if hasattr(self.target, "_gd_script") else "GDScriptNativeClass"
            return f"{kind}::{self.method}"
        if self.function is not None:
            name = getattr(self.function, "__name__", "")
            return f"{name}(lambda)" if name.startswith("<") or not name else name
        owner = self.target._gd_class_name() if isinstance(self.target, Object) else "null"
        return f"{owner}::{'null' if self.method is None else self.method}"

    # Godot methods ----------------------------------------------------
    def call(self, *args: Any) -> Any:
        return self(*args)

    def callv(self, args: Any) -> Any:
        return self(*list(args))

    def call_deferred(self, *args: Any) -> None:
        MESSAGE_QUEUE.append((self, args))

    def bind(self, *args: Any) -> Callable:
        copy = self._gd_copy()
        copy.bound = tuple(args) + copy.bound
        return copy

    def bindv(self, args: Any) -> Callable:
        return self.bind(*list(args))

    def unbind(self, count: int) -> Callable:
        copy = self._gd_copy()
        copy.unbound += count
        return copy

    def get_bound_arguments(self) -> list[Any]:
        return list(self.bound)

    def get_bound_arguments_count(self) -> int:
        return len(self.bound) - self.unbound

    def get_unbound_arguments_count(self) -> int:
        # Arguments bound after ``unbind`` fill the unbound slots first.
        return max(self.unbound - len(self.bound), 0)

    def hash(self) -> int:
        """Godot's hash of a method Callable: the method name's hash mixed with the object id."""
        from .strings import string_hash

        if self.function is not None:
            return _murmur_fmix(id(self.function), len(self.bound))
        return _murmur_fmix(self.get_object_id(), string_hash(self.method or ""))

    def get_method(self) -> str | None:
        if self.function is not None:
            return self.name
        return self.method

    @staticmethod
    def create(variant: Any, method: str) -> Callable:
        """A Callable for a method of any value (``Callable.create(dict, &"clear")``)."""
        if isinstance(variant, Object):
            return Callable(variant, str(method))
        from ..runtime import HOOKS

        table = HOOKS[4].value_methods(type(variant)) or {}
        function = table.get(str(method))
        if function is None:
            return Callable(variant, str(method))
        from functools import partial

        return Callable(function=partial(function, variant), name=str(method))

    def get_argument_count(self) -> int:
        """How many arguments a call takes (bound ones excluded, unbound ones added)."""
        import inspect

        target = self.function
        if target is None and isinstance(self.target, Object):
            info = getattr(type(self.target), "_gd_script", None)
            method = info.find_method(self.method) if info is not None else None
            target = method if method is not None else getattr(self.target, self.method, None)
            skip = 1
        else:
            skip = 0
        if target is None:
            return 0
        try:
            params = [p for p in inspect.signature(target).parameters.values()
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
        except (TypeError, ValueError):
            return 0
        if isinstance(self.target, Object) and self.function is None and \
                params and params[0].name == "self":
            skip = 1
        elif skip and params and params[0].name != "self":
            skip = 0
        return max(len(params) - skip - len(self.bound) + self.unbound, 0)

    def get_object(self) -> Any:
        return self.target

    def get_object_id(self) -> int:
        return self.target.get_instance_id() if isinstance(self.target, Object) else 0

    def is_custom(self) -> bool:
        return self.function is not None

    def is_standard(self) -> bool:
        return self.function is None

    def is_null(self) -> bool:
        return self.function is None and self.target is None

    def is_valid(self) -> bool:
        if isinstance(self.target, type) and not hasattr(self.target, "_gd_script"):
            # Godot's native class object has ``new`` but not the class's static methods.
            return self.method == "new"
        if self.function is not None:
            return True
        if self.target is None or getattr(self.target, "_gd_freed", False):
            return False
        from ..runtime import has_method

        return bool(has_method(self.target, self.method))


class Signal:
    """A signal of an object, as a value: ``obj.some_signal``."""

    __slots__ = ("target", "name")

    def __init__(self, target: Any = None, name: str | None = None) -> None:
        self.target = target
        self.name = name

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Signal):
            return NotImplemented
        return self.target is other.target and self.name == other.name

    def __hash__(self) -> int:
        return hash((id(self.target), self.name))

    def _gd_str(self, dialect: int) -> str:
        owner = self.target._gd_class_name() if isinstance(self.target, Object) else "null"
        return f"{owner}::[signal]{self.name}"

    # Godot methods ----------------------------------------------------
    def connect(self, callable_: Any, flags: int = 0) -> int:
        return self.target.connect(self.name, callable_, flags)

    def disconnect(self, callable_: Any) -> None:
        self.target.disconnect(self.name, callable_)

    def is_connected(self, callable_: Any) -> bool:
        return self.target.is_connected(self.name, callable_)

    def emit(self, *args: Any) -> None:
        self.target.emit_signal(self.name, *args)

    def get_connections(self) -> list[dict[str, Any]]:
        return self.target.get_signal_connection_list(self.name)

    def get_name(self) -> str | None:
        return self.name

    def get_object(self) -> Any:
        return self.target

    def get_object_id(self) -> int:
        return self.target.get_instance_id() if isinstance(self.target, Object) else 0

    def has_connections(self) -> bool:
        if not isinstance(self.target, Object):
            engine_error('Parameter "obj" is null.')
            return False
        return bool(self.target._gd_connections.get(self.name))

    def is_null(self) -> bool:
        return self.target is None


GODOT_CLASSES = {"Object": Object, "Callable": Callable, "Signal": Signal}
GODOT_CLASSES_4 = {"RefCounted": RefCounted}
GODOT_CLASSES_3 = {"Reference": Reference}
