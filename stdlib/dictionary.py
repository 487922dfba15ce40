"""Godot's Dictionary: an insertion-ordered ``dict`` subclass with typed / read-only flags.

``METHODS`` (4.x) and ``METHODS_3`` (3.x) map Godot method names to
``fn(dictionary, *args)``.

Known gap, on purpose: Godot keeps ``1``, ``1.0`` and ``true`` as three
different keys, while a Python dict merges them (equal hashes and ``==``).
Wrapping every key would slow every access, so the runtime sees Python's
behaviour there.  String and StringName keys are the same key in both.
"""

from __future__ import annotations


from .arrays import Array, deep_copy
from .variant import container_equal, godot_type_name, type_name, variant_hash, variant_sort_key

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

ERR_LOCKED, OK = 23, 0


class Dictionary(dict):
    """Godot's Dictionary.  ``typed_key`` / ``typed_value`` are 4.x TYPE_* ids (0 = any)."""

    GODOT_NAME = "Dictionary"
    __slots__ = ("typed_key", "typed_value", "typed_key_class_name", "typed_value_class_name",
                 "typed_key_script", "typed_value_script", "read_only")

    def __hash__(self) -> int:  # type: ignore[override]
        # Dictionaries can be keys too, hashed by content.
        return hash(tuple(self.items()))

    def __init__(self, items: Any = (), typed_key: int = 0, typed_value: int = 0,
                 *typed: Any) -> None:
        if typed:  # Godot's Dictionary(base, key_type, key_class, key_script, value_type...)
            self._init_typed(items, typed_key, typed_value, *typed)
            return
        super().__init__(items)
        self.typed_key, self.typed_value = typed_key, typed_value
        self.typed_key_class_name = self.typed_value_class_name = ""
        self.typed_key_script = self.typed_value_script = None
        self.read_only = False

    def _init_typed(self, base: Any, key: int, key_class: str, key_script: Any = None,
                    value: int = 0, value_class: str = "", value_script: Any = None) -> None:
        from .arrays import ContainerType
        self.__init__()  # type: ignore[misc]
        set_types(self, ContainerType(key, str(key_class), key_script, "TypedDictionary.Key"),
                  ContainerType(value, str(value_class), value_script,
                                "TypedDictionary.Value"))
        assign(self, base)

    def _copy(self, items: Iterable[tuple[Any, Any]]) -> "Dictionary":
        copy = Dictionary(items, self.typed_key, self.typed_value)
        copy.typed_key_class_name = self.typed_key_class_name
        copy.typed_value_class_name = self.typed_value_class_name
        copy.typed_key_script = self.typed_key_script
        copy.typed_value_script = self.typed_value_script
        return copy


def _side_type(d: Any, side: str, where: str) -> Any:
    from .arrays import ContainerType
    return ContainerType(getattr(d, f"typed_{side}", 0), getattr(d, f"typed_{side}_class_name", ""),
                         getattr(d, f"typed_{side}_script", None), where)


def key_type(d: Any) -> Any:
    """The ContainerType of a dictionary's keys (builtin 0 when any key goes)."""
    return _side_type(d, "key", "TypedDictionary.Key")


def value_type(d: Any) -> Any:
    return _side_type(d, "value", "TypedDictionary.Value")


def _side_array(d: Any, side: str, items: Iterable[Any]) -> Array:
    """``keys()`` / ``values()``: an Array typed like that side of the dictionary."""
    return Array(items, *_side_type(d, side, "").key())


def set_types(d: Dictionary, key: Any, value: Any) -> None:
    """Make an empty dictionary typed (ContainerTypes for its keys and values)."""
    d.typed_key, d.typed_key_class_name, d.typed_key_script = key.key()
    d.typed_value, d.typed_value_class_name, d.typed_value_script = value.key()


def typed_set(d: Any, key: Any, value: Any) -> bool:
    """Godot's ``Dictionary::set``: the key and the value must fit the dictionary's types."""
    if getattr(d, "typed_key", 0) or getattr(d, "typed_value", 0):
        for side, where, item in (("key", "TypedDictionary.Key", key),
                                  ("value", "TypedDictionary.Value", value)):
            ok, item = _side_type(d, side, where).validate(item, "set")
            if not ok:
                _error(f'Condition "!_p->typed_{side}.validate({side}, "set")" is true. '
                       f'Returning: false')
                return False
            key, value = (item, value) if side == "key" else (key, item)
    dict.__setitem__(d, key, value)
    return True


def _error(message: str) -> None:
    from gdscript.errors import engine_error
    engine_error(message)


def _locked(d: Any) -> bool:
    if getattr(d, "read_only", False):
        _error("Dictionary is in read-only state.")
        return True
    return False


def _attr(d: Any, name: str, default: Any) -> Any:
    return getattr(d, name, default)


def get(d: dict, key: Any, default: Any = None) -> Any:
    return d.get(key, default)


def get_or_add(d: dict, key: Any, default: Any = None) -> Any:
    if key not in d:
        if _locked(d):
            return None
        d[key] = default
    return d[key]


def set_(d: dict, key: Any, value: Any) -> bool:
    if _locked(d):
        return False
    return typed_set(d, key, value)


def erase(d: dict, key: Any) -> bool:
    if _locked(d) or key not in d:
        return False
    del d[key]
    return True


def find_key(d: dict, value: Any) -> Any:
    from .arrays import _same
    return next((k for k, v in d.items() if _same(v, value)), None)


def merge(d: dict, other: dict, overwrite: bool = False) -> None:
    if _locked(d):
        return
    for key, value in other.items():
        if overwrite or key not in d:
            d[key] = value


def merged(d: dict, other: dict, overwrite: bool = False) -> "Dictionary":
    copy = duplicate(d)
    merge(copy, other, overwrite)
    return copy


def duplicate(d: dict, deep: bool = False) -> "Dictionary":
    if deep:
        copy = deep_copy(d)
    elif isinstance(d, Dictionary):
        copy = d._copy(d.items())
    else:
        copy = Dictionary(d)
    if isinstance(copy, Dictionary):
        copy.read_only = False
    return copy


def sort(d: dict) -> None:
    if _locked(d):
        return
    items = sorted(d.items(), key=lambda pair: variant_sort_key(pair[0]))
    d.clear()
    d.update(items)


def assign(d: dict, other: dict) -> None:
    if _locked(d):
        return
    if not (getattr(d, "typed_key", 0) or getattr(d, "typed_value", 0)):
        d.clear()
        d.update(other)
        return
    checked = []
    for key, value in other.items():
        for item, side in ((key, key_type(d)), (value, value_type(d))):
            ok, _ = side.validate(item, "assign", errors=False)
            if not ok:
                _error(f'Unable to convert {"key" if item is key else "value"} from '
                       f'"{godot_type_name(item)}" to "{type_name(side.builtin)}".')
                return
        checked.append((key_type(d).validate(key, "assign")[1],
                        value_type(d).validate(value, "assign")[1]))
    d.clear()
    d.update(checked)


def clear(d: dict) -> None:
    if not _locked(d):
        d.clear()


def make_read_only(d: Any) -> None:
    if isinstance(d, Dictionary):
        d.read_only = True


def _typed(d: Any, side: str) -> int:
    return _attr(d, f"typed_{side}", 0)


def _same_typed(a: Any, b: Any, side: str) -> bool:
    return _side_type(a, side, "").key() == _side_type(b, side, "").key()


# Telling 1, 1.0 and true apart means scanning the keys; beyond this size ``has`` trusts
# Python's lookup (the gap the module docstring describes) so it stays O(1).
EXACT_KEY_SCAN_LIMIT = 64


def has(d: dict, key: Any) -> bool:
    """``key in d``, except that 1, 1.0 and true stay different keys as in Godot."""
    if key not in d:
        return False
    if type(key) not in (int, float, bool) or len(d) > EXACT_KEY_SCAN_LIMIT:
        return True
    return any(type(stored) is type(key) and stored == key for stored in d)


METHODS: dict[str, Callable[..., Any]] = {
    "assign": assign, "clear": clear, "duplicate": duplicate,
    "duplicate_deep": lambda d, mode=1: duplicate(d, True), "erase": erase,
    "find_key": find_key, "get": get, "get_or_add": get_or_add,
    "get_typed_key_builtin": lambda d: _typed(d, "key"),
    "get_typed_key_class_name": lambda d: _attr(d, "typed_key_class_name", ""),
    "get_typed_key_script": lambda d: _attr(d, "typed_key_script", None),
    "get_typed_value_builtin": lambda d: _typed(d, "value"),
    "get_typed_value_class_name": lambda d: _attr(d, "typed_value_class_name", ""),
    "get_typed_value_script": lambda d: _attr(d, "typed_value_script", None),
    "has": has, "has_all": lambda d, keys: all(has(d, k) for k in keys),
    "hash": variant_hash, "is_empty": lambda d: not d,
    "is_read_only": lambda d: _attr(d, "read_only", False),
    "is_same_typed": lambda a, b: _same_typed(a, b, "key") and _same_typed(a, b, "value"),
    "is_same_typed_key": lambda a, b: _same_typed(a, b, "key"),
    "is_same_typed_value": lambda a, b: _same_typed(a, b, "value"),
    "is_typed": lambda d: bool(_typed(d, "key") or _typed(d, "value")),
    "is_typed_key": lambda d: bool(_typed(d, "key")),
    "is_typed_value": lambda d: bool(_typed(d, "value")),
    "keys": lambda d: _side_array(d, "key", d.keys()),
    "values": lambda d: _side_array(d, "value", d.values()),
    "make_read_only": make_read_only, "merge": merge, "merged": merged,
    "recursive_equal": lambda a, b, recursion_count: container_equal(a, b, 0),
    "set": set_, "size": len, "sort": sort,
}

METHODS_3: dict[str, Callable[..., Any]] = {
    "clear": clear, "duplicate": duplicate, "empty": lambda d: not d, "erase": erase,
    "get": get, "has": METHODS["has"], "has_all": METHODS["has_all"],
    "hash": lambda d: variant_hash(d, 3),
    "keys": METHODS["keys"], "size": len, "values": METHODS["values"],
}

GODOT_CLASSES = {"Dictionary": Dictionary}

