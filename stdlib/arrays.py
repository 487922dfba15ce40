"""Godot's Array: a ``list`` subclass with typed / read-only flags and Godot's methods.

``METHODS`` (4.x) and ``METHODS_3`` (3.x) map Godot method names to
``fn(array, *args)``.  Callables passed by scripts (``map``, ``filter``,
``sort_custom``...) are any Python callables (the runtime's Callable objects
are Python-callable).  The 3.x ``sort_custom(obj, "method")`` and
``bsearch_custom(value, obj, "method")`` forms call ``obj.call(name, a, b)``
when the object has ``call``; otherwise they go through the module-level
hook ``call_method(obj, name, *args)``, which the runtime sets.

Element comparison follows Godot: ``find``/``has``/``count``/``erase`` need
the same type (``[1].find(1.0)`` is -1 in both dialects; in 4.x String and
StringName are alike).
"""

from __future__ import annotations

import functools

from .variant import (_strict_equal, godot_type_name, typeof, variant_less,
                      variant_sort_key)

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

INT32_MAX = 2 ** 31 - 1
ERR_INVALID_PARAMETER, ERR_LOCKED, OK = 31, 23, 0


def _no_hook(obj: Any, name: str, *args: Any) -> Any:
    raise NotImplementedError("arrays.call_method is set by the runtime")


call_method: Callable[..., Any] = _no_hook


def _call(obj: Any, name: str, *args: Any) -> Any:
    if hasattr(obj, "call") and not isinstance(obj, type):  # a class: its static funcs
        return obj.call(name, *args)
    return call_method(obj, name, *args)


class Array(list):
    """Godot's Array.  ``typed_builtin`` is a 4.x TYPE_* id (0 = untyped)."""

    GODOT_NAME = "Array"
    __slots__ = ("typed_builtin", "typed_class_name", "typed_script", "read_only")

    def __hash__(self) -> int:  # type: ignore[override]
        # Arrays are Dictionary keys in Godot, hashed by content (like Godot's).
        return hash(tuple(self))

    def __init__(self, items: Iterable[Any] = (), typed_builtin: int = 0,
                 typed_class_name: str = "", typed_script: Any = None) -> None:
        super().__init__(items)
        self.typed_builtin = typed_builtin
        self.typed_class_name = typed_class_name
        self.typed_script = typed_script
        self.read_only = False

    def __add__(self, other: Any) -> Any:
        # Godot's Array + Array: a new Array, typed when both sides have one type.
        if not isinstance(other, Array) or isinstance(other, tuple):
            return NotImplemented
        same = (self.typed_builtin, self.typed_class_name, self.typed_script) == \
            (other.typed_builtin, other.typed_class_name, other.typed_script)
        result = self._like(()) if same else Array()
        list.extend(result, self)
        list.extend(result, other)
        return result


    def _like(self, items: Iterable[Any]) -> "Array":
        return Array(items, self.typed_builtin, self.typed_class_name, self.typed_script)


def _error(message: str) -> None:
    from gdscript.errors import engine_error
    engine_error(message)


def _flags(arr: Any) -> tuple[int, bool]:
    return getattr(arr, "typed_builtin", 0), getattr(arr, "read_only", False)


def _locked(arr: Any) -> bool:
    if getattr(arr, "read_only", False):
        _error("Array is in read-only state.")
        return True
    return False


def _validate(arr: Any, value: Any, operation: str) -> tuple[bool, Any]:
    """Godot's ContainerTypeValidate for an array's elements (see ContainerType)."""
    if not getattr(arr, "typed_builtin", 0):
        return True, value
    ok, value = element_type(arr).validate(value, operation)
    if not ok:  # the ERR_FAIL_COND of the Array method itself
        name = "write[i]" if operation == "append_array" else "value"
        returning = {"insert": " Returning: ERR_INVALID_PARAMETER"}.get(operation, "")
        _error(f'Condition "!_p->typed.validate({name}, "{operation}")" is true.{returning}')
    return ok, value


_TYPE_OBJECT, _TYPE_FLOAT, _TYPE_INT, _TYPE_STRING, _TYPE_STRING_NAME = 24, 3, 2, 4, 21


class ContainerType:
    """Godot's ContainerTypeValidate: the element type of a typed Array, or the key or value
    type of a typed Dictionary (``builtin`` 0: any).  Objects may also need a native class
    (``class_name``) and a script class (``script``, a compiled class)."""

    __slots__ = ("builtin", "class_name", "script", "where")

    def __init__(self, builtin: int = 0, class_name: str = "", script: Any = None,
                 where: str = "TypedArray") -> None:
        self.builtin, self.class_name, self.script, self.where = \
            builtin, class_name, script, where

    def key(self) -> tuple[int, str, Any]:
        return self.builtin, self.class_name, self.script

    def validate(self, value: Any, operation: str, errors: bool = True) -> tuple[bool, Any]:
        """(ok, value): String and StringName convert into each other, int into float."""
        wanted = self.builtin
        if not wanted:
            return True, value
        have = typeof(value, 4)
        if have != wanted:
            if value is None and wanted == _TYPE_OBJECT:
                return True, value
            if wanted == _TYPE_STRING and have == _TYPE_STRING_NAME:
                return True, str.__str__(value)
            if wanted == _TYPE_STRING_NAME and have == _TYPE_STRING:
                from .strings import StringName
                return True, StringName(value)
            if wanted == _TYPE_FLOAT and have == _TYPE_INT:
                return True, float(value)
            if errors:
                from .variant import type_name
                self._fail(f"Attempted to {operation} a variable of type "
                           f"'{godot_type_name(value)}' into a {self.where} of type "
                           f"'{type_name(wanted)}'.")
            return False, value
        if wanted != _TYPE_OBJECT or not self.class_name:
            return True, value
        return self._validate_object(value, operation, errors), value

    def _validate_object(self, value: Any, operation: str, errors: bool) -> bool:
        if not value.is_class(self.class_name):
            if errors:
                self._fail(f"Attempted to {operation} an object of type '{value.get_class()}' "
                           f"into a {self.where}, which does not inherit from "
                           f"'{self.class_name}'.")
            return False
        if self.script is not None and not isinstance(value, self.script):
            if errors:  # Godot names the script's own class here: always GDScript
                self._fail(f"Attempted to {operation} an object into a {self.where}, that "
                           f"does not inherit from 'GDScript'.")
            return False
        return True

    @staticmethod
    def _fail(explanation: str) -> None:
        from gdscript.errors import engine_error
        engine_error("Method/function failed. Returning: false", explanation)


def element_type(arr: Any) -> ContainerType:
    """The ContainerType of an array's elements (builtin 0 when untyped)."""
    return ContainerType(getattr(arr, "typed_builtin", 0), getattr(arr, "typed_class_name", ""),
                         getattr(arr, "typed_script", None))


def _same(a: Any, b: Any) -> bool:
    """Godot 4's StringLikeVariantComparator."""
    text_like = ("String", "StringName")
    if godot_type_name(a) in text_like and godot_type_name(b) in text_like:
        return str.__eq__(a, b)
    return _strict_equal(a, b, 0)


# * Reading ---------------------------------------------------------------------------

def get(arr: list, index: int) -> Any:
    if not 0 <= index < len(arr):
        _error(f"Index p_index = {index} is out of bounds (p_instance->size() = {len(arr)}).")
        return None
    return arr[index]


def _edge(arr: list, index: int) -> Any:
    if not arr:
        _error("Can't take value from empty array.")
        return None
    return arr[index]


def find(arr: list, what: Any, from_: int = 0, eq: Callable[[Any, Any], bool] = _same) -> int:
    if from_ < 0:
        from_ = max(from_ + len(arr), 0)
    return next((i for i in range(from_, len(arr)) if eq(arr[i], what)), -1)


def rfind(arr: list, what: Any, from_: int = -1, eq: Callable[[Any, Any], bool] = _same) -> int:
    if from_ < 0:
        from_ += len(arr)
    from_ = min(from_, len(arr) - 1)
    return next((i for i in range(from_, -1, -1) if eq(arr[i], what)), -1)


def find_custom(arr: list, method: Callable[..., Any], from_: int = 0) -> int:
    if from_ < 0:
        from_ = max(from_ + len(arr), 0)
    for i in range(from_, len(arr)):
        if _truth(method(arr[i]), "find_custom"):
            return i
    return -1


def rfind_custom(arr: list, method: Callable[..., Any], from_: int = -1) -> int:
    if from_ < 0:
        from_ += len(arr)
    for i in range(min(from_, len(arr) - 1), -1, -1):
        if _truth(method(arr[i]), "rfind_custom"):
            return i
    return -1


def _truth(result: Any, name: str) -> bool:
    if not isinstance(result, bool):
        _error(f"Error on method from '{name}': Return type of callable must be boolean.")
        return False
    return result


def _extreme(arr: list, better: Callable[[Any, Any], bool]) -> Any:
    if not arr:
        return None
    best = arr[0]
    for item in arr[1:]:
        if godot_type_name(item) != godot_type_name(best) and not (
                isinstance(item, (int, float)) and isinstance(best, (int, float))):
            return None
        if better(item, best):
            best = item
    return best


def pick_random(arr: list) -> Any:
    if not arr:
        _error("Can't take value from empty array.")
        return None
    from .random_numbers import GLOBAL_RANDOM_4
    return arr[GLOBAL_RANDOM_4.rand() % len(arr)]


# * Writing ---------------------------------------------------------------------------

def set_(arr: list, index: int, value: Any) -> None:
    if _locked(arr):
        return
    if not 0 <= index < len(arr):
        _error(f"Index p_index = {index} is out of bounds (p_instance->size() = {len(arr)}).")
        return
    ok, value = _validate(arr, value, "set")
    if ok:
        arr[index] = value


def push_back(arr: list, value: Any) -> None:
    try:  # the common case first: a plain, writable Array
        if not arr.read_only and not arr.typed_builtin:  # type: ignore[attr-defined]
            arr.append(value)
            return
    except AttributeError:  # a list without Array's slots set
        pass
    if _locked(arr):
        return
    ok, value = _validate(arr, value, "push_back")
    if ok:
        arr.append(value)


def push_front(arr: list, value: Any) -> None:
    if _locked(arr):
        return
    ok, value = _validate(arr, value, "push_front")
    if ok:
        arr.insert(0, value)


def append_array(arr: list, array: Iterable[Any]) -> None:
    if _locked(arr):
        return
    checked = []
    for item in array:
        ok, item = _validate(arr, item, "append_array")
        if not ok:
            return
        checked.append(item)
    arr.extend(checked)


def assign(arr: list, array: Iterable[Any]) -> None:
    if _locked(arr):
        return
    items = list(array)
    for i, item in enumerate(items):
        ok, items[i] = _validate(arr, item, "assign")
        if not ok:
            return
    arr[:] = items


def insert(arr: list, position: int, value: Any) -> int:
    if _locked(arr):
        return ERR_LOCKED
    ok, value = _validate(arr, value, "insert")
    if not ok:
        return ERR_INVALID_PARAMETER
    if position < 0:
        position += len(arr)
    if not 0 <= position <= len(arr):
        _error(f"The calculated index {position} is out of bounds (the array has {len(arr)} "
               "elements). Leaving the array untouched.")
        return ERR_INVALID_PARAMETER
    arr.insert(position, value)
    return OK


def remove_at(arr: list, position: int) -> None:
    if _locked(arr):
        return
    if position < 0:
        position += len(arr)
    if not 0 <= position < len(arr):
        _error(f"The calculated index {position} is out of bounds (the array has {len(arr)} "
               "elements). Leaving the array untouched.")
        return
    del arr[position]


def erase(arr: list, value: Any, eq: Callable[[Any, Any], bool] = _same) -> None:
    if _locked(arr):
        return
    index = find(arr, value, 0, eq)
    if index >= 0:
        del arr[index]


def _default_element(arr: Any) -> Any:
    from .variant import type_name
    wanted = getattr(arr, "typed_builtin", 0)
    if not wanted or wanted == _TYPE_OBJECT:
        return None
    name = type_name(wanted)
    simple = {"int": 0, "float": 0.0, "bool": False, "String": ""}
    if name in simple:
        return simple[name]
    from . import class_table
    cls = class_table(4).get(name)
    return cls() if cls is not None else None


def resize(arr: list, size: int) -> int:
    if _locked(arr):
        return ERR_LOCKED
    if size < len(arr):
        del arr[max(size, 0):]
    else:
        arr.extend(_default_element(arr) for _ in range(size - len(arr)))
    return OK


def fill(arr: list, value: Any) -> None:
    if _locked(arr):
        return
    ok, value = _validate(arr, value, "fill")
    if ok:
        arr[:] = [value] * len(arr)


def pop_at(arr: list, position: int) -> Any:
    if _locked(arr) or not arr:
        return None
    if position < 0:
        position += len(arr)
    if not 0 <= position < len(arr):
        _error(f"The calculated index {position} is out of bounds (the array has {len(arr)} "
               "elements). Leaving the array untouched and returning `null`.")
        return None
    return arr.pop(position)


def _pop(arr: list, index: int) -> Any:
    if _locked(arr) or not arr:
        return None
    return arr.pop(index)


def clear(arr: list) -> None:
    if not _locked(arr):
        arr.clear()


# * Ordering ---------------------------------------------------------------------------

def _cmp_from_less(less: Callable[[Any, Any], Any]) -> Callable[[Any, Any], int]:
    return lambda a, b: -1 if less(a, b) else (1 if less(b, a) else 0)


def sort(arr: list) -> None:
    if not _locked(arr):
        arr.sort(key=variant_sort_key)


def sort_custom(arr: list, func: Callable[[Any, Any], Any]) -> None:
    if not _locked(arr):
        arr.sort(key=functools.cmp_to_key(_cmp_from_less(lambda a, b: bool(func(a, b)))))


def _bsearch(arr: list, value: Any, less: Callable[[Any, Any], Any], before: bool) -> int:
    lo, hi = 0, len(arr)
    while lo < hi:
        mid = (lo + hi) // 2
        go_right = less(arr[mid], value) if before else not less(value, arr[mid])
        lo, hi = (mid + 1, hi) if go_right else (lo, mid)
    return lo


def bsearch(arr: list, value: Any, before: bool = True) -> int:
    return _bsearch(arr, value, variant_less, before)


def bsearch_custom(arr: list, value: Any, func: Callable[..., Any], before: bool = True) -> int:
    return _bsearch(arr, value, lambda a, b: bool(func(a, b)), before)


def shuffle(arr: list, dialect: int = 4) -> None:
    """Godot's Fisher-Yates with the global generator, so ``seed()`` repeats it."""
    if _locked(arr):
        return
    from .random_numbers import GLOBAL_RANDOM_3, GLOBAL_RANDOM_4
    rng = GLOBAL_RANDOM_3 if dialect == 3 else GLOBAL_RANDOM_4
    for i in range(len(arr) - 1, 0, -1):
        j = rng.rand() % (i + 1)
        arr[i], arr[j] = arr[j], arr[i]


def reverse(arr: list) -> None:
    if not _locked(arr):
        arr.reverse()


# * Copies and functional helpers --------------------------------------------------------

def deep_copy(value: Any) -> Any:
    """Godot's ``duplicate(true)`` for nested Arrays and Dictionaries (Objects shared)."""
    from .dictionary import Dictionary
    if isinstance(value, Array):
        return value._like(deep_copy(v) for v in value)
    if isinstance(value, Dictionary):
        return value._copy(((deep_copy(k), deep_copy(v)) for k, v in value.items()))
    if isinstance(value, list):
        return type(value)(deep_copy(v) for v in value)
    if isinstance(value, dict):
        return type(value)((deep_copy(k), deep_copy(v)) for k, v in value.items())
    return value


def duplicate(arr: Any, deep: bool = False) -> Any:
    copy = deep_copy(arr) if deep else _like(arr, arr)
    if isinstance(copy, Array):
        copy.read_only = False
    return copy


def _like(arr: Any, items: Iterable[Any]) -> Array:
    return arr._like(items) if isinstance(arr, Array) else Array(items)


def slice_(arr: list, begin: int, end: int = INT32_MAX, step: int = 1, deep: bool = False) -> Array:
    if step == 0:
        _error("Slice step cannot be zero.")
        return _like(arr, ())
    size = len(arr)
    if size == 0 or (begin < -size and step < 0) or (begin >= size and step > 0):
        return _like(arr, ())
    begin = max(-size, min(begin, size - 1))
    begin = begin + size if begin < 0 else begin
    end = max(-size - 1, min(end, size))
    end = end + size if end < 0 else end
    if step > 0 and begin > end:
        _error("Slice step is positive, but bounds are decreasing.")
        return _like(arr, ())
    if step < 0 and begin < end:
        _error("Slice step is negative, but bounds are increasing.")
        return _like(arr, ())
    items = [arr[i] for i in range(begin, end, step)]
    return _like(arr, (deep_copy(v) for v in items) if deep else items)


def _slice3(arr: list, begin: int, end: int, step: int = 1, deep: bool = False) -> Array:
    """Godot 3.2: ``end`` is inclusive; indices clamp to the array."""
    if step == 0:
        _error("Array slice step size cannot be zero.")
        return Array()
    if not arr:
        return Array()
    size = len(arr)

    def clamp(i: int) -> int:
        i = max(-size, min(i, size - 1))
        return i + size if i < 0 else i
    begin, end = clamp(begin), clamp(end)
    stop = end + (1 if step > 0 else -1)
    items = [arr[i] for i in range(begin, stop, step)]
    return Array(deep_copy(v) for v in items) if deep else Array(items)


def filter_(arr: list, method: Callable[..., Any]) -> Array:
    return _like(arr, (v for v in arr if method(v)))


def map_(arr: list, method: Callable[..., Any]) -> Array:
    return Array(method(v) for v in arr)


def reduce(arr: list, method: Callable[..., Any], accum: Any = None) -> Any:
    start = 0
    if accum is None and arr:
        accum, start = arr[0], 1
    for item in arr[start:]:
        accum = method(accum, item)
    return accum


def make_read_only(arr: Any) -> None:
    if isinstance(arr, Array):
        arr.read_only = True


METHODS: dict[str, Callable[..., Any]] = {
    "all": lambda a, method: all(bool(method(v)) for v in a),
    "any": lambda a, method: any(bool(method(v)) for v in a),
    "append": push_back, "append_array": append_array, "assign": assign,
    "back": lambda a: _edge(a, -1), "front": lambda a: _edge(a, 0),
    "bsearch": bsearch, "bsearch_custom": bsearch_custom, "clear": clear,
    "count": lambda a, value: sum(1 for v in a if _same(v, value)),
    "duplicate": duplicate, "duplicate_deep": lambda a, mode=1: duplicate(a, True),
    "erase": erase, "fill": fill, "filter": filter_, "find": find, "find_custom": find_custom,
    "get": get, "get_typed_builtin": lambda a: _flags(a)[0],
    "get_typed_class_name": lambda a: getattr(a, "typed_class_name", ""),
    "get_typed_script": lambda a: getattr(a, "typed_script", None),
    "has": lambda a, value: find(a, value) >= 0, "hash": lambda a: _godot_hash(a, 4), "insert": insert,
    "is_empty": lambda a: not a, "is_read_only": lambda a: _flags(a)[1],
    "is_same_typed": lambda a, b: element_type(a).key() == element_type(b).key(),
    "is_typed": lambda a: _flags(a)[0] != 0, "make_read_only": make_read_only, "map": map_,
    "max": lambda a: _extreme(a, lambda x, y: variant_less(y, x)),
    "min": lambda a: _extreme(a, variant_less), "pick_random": pick_random, "pop_at": pop_at,
    "pop_back": lambda a: _pop(a, -1), "pop_front": lambda a: _pop(a, 0),
    "push_back": push_back, "push_front": push_front, "reduce": reduce, "remove_at": remove_at,
    "resize": resize, "reverse": reverse, "rfind": rfind, "rfind_custom": rfind_custom,
    "set": set_, "shuffle": shuffle, "size": len, "slice": slice_, "sort": sort,
    "sort_custom": sort_custom,
}


def _insert3(arr: list, position: int, value: Any) -> None:
    # Godot 3's Vector takes no negative index (recorded from 3.2.3).
    if not 0 <= position <= len(arr):
        _error(f"Index p_pos = {position} is out of bounds (size() + 1 = {len(arr) + 1}).")
        return
    insert(arr, position, value)


def _remove3(arr: list, position: int) -> None:
    if not 0 <= position < len(arr):
        _error(f"Index p_index = {position} is out of bounds (size() = {len(arr)}).")
        return
    remove_at(arr, position)


def _resize3(arr: list, size: int) -> None:
    if size < 0:
        _error('Condition "p_size < 0" is true. Returned: ERR_INVALID_PARAMETER')
        return
    resize(arr, size)


def _godot_hash(value: Any, dialect: int) -> int:
    """``Array.hash()`` is ``hash(array)``."""
    from .hashing import godot_hash
    return godot_hash(value, dialect)


# * Godot 3 sorting: its own introsort, so comparators that are not total orders
# (mixed types, sort_custom) give Godot's exact order ------------------------------------

_THRESHOLD = 16


def _less3(a: Any, b: Any) -> bool:
    """3.x ``Variant::evaluate(OP_LESS)``; an invalid comparison counts as false."""
    ka, kb = godot_type_name(a, 3), godot_type_name(b, 3)
    if ka in ("int", "float") and kb in ("int", "float"):
        return a < b
    if ka != kb or ka not in _ORDERED_3 and not ka.startswith("Pool"):
        return False
    return variant_less(a, b)


# The 3.x types with an OP_LESS of their own (besides numbers and Pool*Arrays).
_ORDERED_3 = frozenset({"String", "bool", "Vector2", "Vector3", "Object"})


def sort3(arr: list, less: Callable[[Any, Any], Any] = _less3) -> None:
    """Godot 3's ``SortArray``: introsort, then insertion sort (unstable, like Godot)."""
    if _locked(arr) or len(arr) < 2:
        return
    items = list(arr)
    _GodotSort(items, lambda a, b: bool(less(a, b))).run()
    arr[:] = items


class _GodotSort:
    def __init__(self, items: list, less: Callable[[Any, Any], bool]) -> None:
        self.items, self.less = items, less

    def run(self) -> None:
        size = len(self.items)
        self.introsort(0, size, 2 * (size.bit_length() - 1))
        if size > _THRESHOLD:
            self.insertion_sort(0, _THRESHOLD)
            for i in range(_THRESHOLD, size):
                self.unguarded_insert(i, self.items[i])
        else:
            self.insertion_sort(0, size)

    def median(self, a: Any, b: Any, c: Any) -> Any:
        less = self.less
        if less(a, b):
            return b if less(b, c) else (c if less(a, c) else a)
        return a if less(a, c) else (c if less(b, c) else b)

    def partition(self, first: int, last: int, pivot: Any) -> int:
        items, less = self.items, self.less
        while True:
            while first < len(items) - 1 and less(items[first], pivot):
                first += 1
            last -= 1
            while last > 0 and less(pivot, items[last]):
                last -= 1
            if first >= last:
                return first
            items[first], items[last] = items[last], items[first]
            first += 1

    def introsort(self, first: int, last: int, depth: int) -> None:
        while last - first > _THRESHOLD:
            if depth == 0:  # Godot heap-sorts here; reached only by adversarial input
                part = self.items[first:last]
                part.sort(key=functools.cmp_to_key(_cmp_from_less(self.less)))
                self.items[first:last] = part
                return
            depth -= 1
            items = self.items
            pivot = self.median(items[first], items[first + (last - first) // 2], items[last - 1])
            cut = self.partition(first, last, pivot)
            self.introsort(cut, last, depth)
            last = cut

    def insertion_sort(self, first: int, last: int) -> None:
        items = self.items
        for i in range(first + 1, last):
            value = items[i]
            if self.less(value, items[first]):
                items[first + 1:i + 1] = items[first:i]
                items[first] = value
            else:
                self.unguarded_insert(i, value)

    def unguarded_insert(self, last: int, value: Any) -> None:
        items = self.items
        before = last - 1
        while before >= 0 and self.less(value, items[before]):
            items[last] = items[before]
            last = before
            before -= 1
        items[last] = value


def equal3(a: Any, b: Any) -> bool:
    """Godot 3's Variant ``operator==`` (find/has/count/erase, and Array ``==``): types
    must match, NaN equals nothing, Dictionaries compare by reference, Arrays by items."""
    if type(a) is float and type(b) is float:
        return a == b
    if isinstance(a, dict) or isinstance(b, dict):
        return a is b
    if isinstance(a, list) and godot_type_name(a) == godot_type_name(b) == "Array":
        return a is b or len(a) == len(b) and all(map(equal3, a, b))
    return _strict_equal(a, b, 0)


_strict3 = equal3


METHODS_3: dict[str, Callable[..., Any]] = {
    "append": push_back, "back": METHODS["back"], "front": METHODS["front"],
    "bsearch": bsearch,
    "bsearch_custom": lambda a, value, obj, func, before=True:
        _bsearch(a, value, lambda x, y: bool(_call(obj, func, x, y)), before),
    "clear": clear, "count": lambda a, value: sum(1 for v in a if _strict3(v, value)),
    "duplicate": duplicate, "empty": lambda a: not a,
    "erase": lambda a, value: erase(a, value, _strict3),
    "find": lambda a, what, from_=0: -1 if from_ < 0 else find(a, what, from_, _strict3),
    "find_last": lambda a, value: rfind(a, value, -1, _strict3),
    "has": lambda a, value: find(a, value, 0, _strict3) >= 0, "hash": lambda a: _godot_hash(a, 3),
    "insert": _insert3, "invert": reverse, "max": METHODS["max"], "min": METHODS["min"],
    "pop_back": METHODS["pop_back"], "pop_front": METHODS["pop_front"],
    "push_back": push_back, "push_front": push_front, "remove": _remove3, "resize": _resize3,
    "rfind": lambda a, what, from_=-1: rfind(a, what, from_, _strict3),
    "shuffle": lambda a: shuffle(a, 3), "size": len, "slice": _slice3, "sort": sort3,
    "sort_custom": lambda a, obj, func: sort3(a, lambda x, y: _call(obj, func, x, y)),
}

GODOT_CLASSES = {"Array": Array}
