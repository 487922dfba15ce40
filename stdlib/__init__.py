"""Godot's classes and builtin types, implemented in Python.

Theory of operation
-------------------
Values a script handles are plain Python objects, chosen once here:

=================  ==========================================================
Godot              Python
=================  ==========================================================
null               ``None``
bool, int, float   ``bool``, ``int`` (wrapped to 64 bits by the runtime), ``float``
String             ``str``
StringName         ``strings.StringName`` (a ``str`` subclass)
NodePath           ``strings.NodePath``
Array              ``arrays.Array`` (a ``list`` subclass; typed / read-only flags)
Dictionary         ``dictionary.Dictionary`` (a ``dict`` subclass)
Packed*/Pool*      ``packed.Packed*Array`` (``PackedByteArray`` is a ``bytearray``)
Vector2, Color...  ``math_types.*``: immutable; setting a member returns a copy
Object and below   ``objects.Object`` subclasses (HTTPClient, Node, ...)
=================  ==========================================================

Godot methods of a class are Python methods with Godot's name.  Builtin value
types whose Python base class already owns a name (``str``, ``list``, ``dict``)
keep their Godot methods in a per-type ``METHODS`` table instead
(``name -> function(self, *args)``).  Names starting with ``_`` are never
reachable from a script.

Dialects: where Godot 3 and Godot 4 differ, each dialect gets its own entry
(a subclass or a separate table), never a global switch.  ``class_table(3)``
and ``class_table(4)`` map a Godot class name to the Python class for that
dialect.  Modules are imported lazily, on the first lookup of one of their
names, so start-up stays small.

This package must not import the parser, the compiler or the AST nodes.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

# Module (in this package) -> nothing else: each module lists its classes in
# GODOT_CLASSES (both dialects), GODOT_CLASSES_4 and GODOT_CLASSES_3 (one only).
_MODULES: tuple[str, ...] = (
    "objects",
    "strings",
    "arrays",
    "dictionary",
    "packed",
    "math_types",
    "http_client",
    "stream_peers",
    "tls",
    "nodes_extra",
    "scene_tree",
    "random_numbers",
    "system",
    "json_class",
    "marshalls",
    "hashing",
    "utility_functions",
    "http_request",
    "files",
    "regex",
    "config_file",
    "expression",
    "rid",
    "image",
    "project_settings",
)

_tables: dict[int, dict[str, Any]] = {}


class _ClassTable(dict):  # type: ignore[type-arg]
    """Godot class name -> Python class, importing a module on first use of its names."""

    def __init__(self, dialect: int, index: dict[str, str]) -> None:
        super().__init__()
        self.dialect = dialect
        self.index = index

    def __missing__(self, name: str) -> Any:
        module_name = self.index.get(name)
        if module_name is None:
            raise KeyError(name)
        module = importlib.import_module(f"{__name__}.{module_name}")
        for table in (getattr(module, "GODOT_CLASSES", {}),
                      getattr(module, f"GODOT_CLASSES_{self.dialect}", {})):
            for key, value in table.items():
                if self.index.get(key) == module_name:
                    dict.__setitem__(self, key, value)
        return dict.__getitem__(self, name)

    def __contains__(self, name: object) -> bool:
        return name in self.index

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[name] if name in self.index else default

    def load_all(self) -> dict[str, Any]:
        for name in self.index:
            self[name]
        return dict(self)


def class_table(dialect: int) -> dict[str, Any]:
    """Godot class name -> Python class, for dialect 3 or 4 (modules load lazily)."""
    table = _tables.get(dialect)
    if table is None:
        from .class_index import CLASS_MODULES_3, CLASS_MODULES_4

        table = _ClassTable(dialect, CLASS_MODULES_3 if dialect == 3 else CLASS_MODULES_4)
        _tables[dialect] = table
    return table
