"""Object, RefCounted (4.x) / Reference (3.x): the root of Godot's class tree.

Signals live here: a class lists the signals it declares in ``SIGNALS``;
``connect``/``emit_signal`` work on any object.  Script instances (see the
runtime) are Objects too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from .global_constants import ERR_INVALID_PARAMETER, OK


class Object:
    """Godot's Object: identity, signals, free()."""

    SIGNALS: ClassVar[tuple[str, ...]] = ()
    _next_id: ClassVar[int] = 1

    def __init__(self) -> None:
        self._instance_id = Object._next_id
        Object._next_id += 1
        self._connections: dict[str, list[tuple[Callable[..., Any], int]]] = {}
        self._freed = False

    # Godot methods ----------------------------------------------------
    def get_instance_id(self) -> int:
        return self._instance_id

    def get_class(self) -> str:
        return type(self).godot_name()

    @classmethod
    def godot_name(cls) -> str:
        return getattr(cls, "GODOT_NAME", cls.__name__)

    def is_class(self, name: str) -> bool:
        return any(getattr(k, "GODOT_NAME", k.__name__) == name for k in type(self).__mro__)

    def has_signal(self, name: str) -> bool:
        return any(name in getattr(k, "SIGNALS", ()) for k in type(self).__mro__)

    def connect(self, signal: str, callable_: Callable[..., Any], flags: int = 0) -> int:
        if not self.has_signal(signal):
            return ERR_INVALID_PARAMETER
        self._connections.setdefault(signal, []).append((callable_, flags))
        return OK

    def disconnect(self, signal: str, callable_: Callable[..., Any]) -> None:
        conns = self._connections.get(signal, [])
        self._connections[signal] = [c for c in conns if c[0] != callable_]

    def is_connected(self, signal: str, callable_: Callable[..., Any]) -> bool:
        return any(c[0] == callable_ for c in self._connections.get(signal, []))

    def emit_signal(self, signal: str, *args: Any) -> int:
        for target, _flags in list(self._connections.get(signal, [])):
            target(*args)
        return OK

    def free(self) -> None:
        self._freed = True


class RefCounted(Object):
    """Godot 4's RefCounted: freed when unreferenced (Python's GC does that)."""

    GODOT_NAME = "RefCounted"


class Reference(RefCounted):
    """Godot 3's name for RefCounted."""

    GODOT_NAME = "Reference"


GODOT_CLASSES = {"Object": Object}
GODOT_CLASSES_4 = {"RefCounted": RefCounted}
GODOT_CLASSES_3 = {"Reference": Reference}
