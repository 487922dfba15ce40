"""Dictionary methods, both dialects (Godot 4 sources; 3.x recorded from Godot 3.2.3)."""

from __future__ import annotations

import pytest

from gdscript.stdlib import dictionary
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.strings import StringName
from gdscript.stdlib.variant import method_table, stringify

D = dictionary.METHODS
D3 = dictionary.METHODS_3


@pytest.fixture
def errors(engine_errors):
    return engine_errors


class TestBasics:
    def test_get_has_erase(self):
        d = Dictionary({"a": 1, "b": 2})
        assert D["get"](d, "a") == 1 and D["get"](d, "z") is None and D["get"](d, "z", 5) == 5
        assert D["has"](d, "a")
        assert D["has_all"](d, Array(["a", "b"]))
        assert not D["has_all"](d, ["a", "c"])
        assert D["erase"](d, "a") is True and D["erase"](d, "a") is False
        assert D["size"](d) == 1 and not D["is_empty"](d)

    def test_string_and_string_name_are_one_key(self):
        d = Dictionary({"a": 1})
        assert D["has"](d, StringName("a"))

    def test_keys_values_find_key(self):
        d = Dictionary({"x": 1, "y": 2})
        keys = D["keys"](d)
        assert isinstance(keys, Array) and keys == ["x", "y"] and D["values"](d) == [1, 2]
        assert D["find_key"](d, 2) == "y" and D["find_key"](d, 2.0) is None

    def test_get_or_add_and_set(self):
        d = Dictionary()
        assert D["get_or_add"](d, "k", 3) == 3 and D["get_or_add"](d, "k", 4) == 3
        assert D["set"](d, "j", 1) is True and d == {"k": 3, "j": 1}


class TestMergeSort:
    def test_merge(self):
        d = Dictionary({"a": 1, "b": 2})
        D["merge"](d, {"b": 9, "c": 3})
        assert d == {"a": 1, "b": 2, "c": 3}
        D["merge"](d, {"b": 9}, True)
        assert d["b"] == 9
        merged = D["merged"](d, {"z": 0})
        assert "z" in merged and "z" not in d

    def test_sort_orders_keys(self):
        d = Dictionary({"b": 1, "a": 2, "c": 3})
        D["sort"](d)
        assert list(d) == ["a", "b", "c"] and stringify(d) == '{ "a": 2, "b": 1, "c": 3 }'


class TestCopiesAndFlags:
    def test_duplicate(self):
        inner = Array([1])
        d = Dictionary({"k": inner})
        assert D["duplicate"](d)["k"] is inner
        deep = D["duplicate"](d, True)
        assert deep["k"] is not inner and deep["k"] == [1] and isinstance(deep, Dictionary)

    def test_read_only(self, errors):
        d = Dictionary({"a": 1})
        D["make_read_only"](d)
        assert D["is_read_only"](d)
        assert D["set"](d, "b", 2) is False and D["erase"](d, "a") is False
        D["clear"](d)
        assert d == {"a": 1}
        assert errors == ["Dictionary is in read-only state."] * 3

    def test_typed(self):
        d = Dictionary(typed_key=4, typed_value=2)
        assert D["is_typed"](d) and D["is_typed_key"](d) and D["get_typed_value_builtin"](d) == 2
        assert not D["is_typed"](Dictionary())
        assert D["is_same_typed"](d, Dictionary(typed_key=4, typed_value=2))

    def test_recursive_equal_and_hash(self):
        a = Dictionary({"x": Array([1])})
        b = Dictionary({"x": Array([1])})
        assert D["recursive_equal"](a, b, 10) and D["hash"](a) == D["hash"](b)
        assert not D["recursive_equal"](a, Dictionary({"x": Array([1.0])}), 10)


class TestGodot3:
    def test_table(self):
        assert method_table(Dictionary, 3) is D3 and method_table(dict, 4) is D
        assert D3["empty"](Dictionary()) and D3["erase"](Dictionary({1: 2}), 1) is True
        assert "merge" not in D3 and "empty" not in D


class TestKeyTypes:
    def test_has_tells_int_float_and_bool_keys_apart(self):
        d = Dictionary({"a": 1, 5: Array([1, 2])})
        assert D3["has"](d, 5) and not D3["has"](d, 5.0) and not D3["has"](d, True)
        assert D["has"](Dictionary({1.0: 0}), 1.0) and not D["has"](Dictionary({1.0: 0}), 1)
        assert D3["has_all"](d, Array(["a", 5])) and not D3["has_all"](d, Array(["a", 5.0]))
