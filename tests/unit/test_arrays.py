"""Array methods, both dialects.

Error texts are Godot 4's (core/variant/array.cpp, variant_call.cpp); the 3.x
expectations were recorded from real Godot 3.2.3.
"""

from __future__ import annotations

import pytest

from gdscript.stdlib import arrays
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.strings import StringName
from gdscript.stdlib.variant import method_table

A = arrays.METHODS
A3 = arrays.METHODS_3


@pytest.fixture
def errors(engine_errors):
    return engine_errors


class TestAccess:
    def test_get_set_bounds(self, errors):
        arr = Array([1, 2, 3])
        assert A["get"](arr, 1) == 2
        assert A["get"](arr, 10) is None
        A["set"](arr, 5, 0)
        assert errors == ["Index p_index = 10 is out of bounds (p_instance->size() = 3).",
                          "Index p_index = 5 is out of bounds (p_instance->size() = 3)."]

    def test_front_back_empty(self, errors):
        assert A["front"](Array([1, 2])) == 1 and A["back"](Array([1, 2])) == 2
        assert A["front"](Array()) is None and A["pick_random"](Array()) is None
        assert errors == ["Can't take value from empty array."] * 2

    def test_find_is_type_strict(self):
        arr = Array([1, "a", 1.0, StringName("b")])
        assert A["find"](arr, 1.0) == 2 and A["find"](arr, "b") == 3
        assert A["find"](arr, 1, -2) == -1 and A["rfind"](arr, 1) == 0
        assert A["count"](arr, 1) == 1 and A["has"](arr, "a") and not A["has"](arr, 2)
        assert A["find_custom"](arr, lambda v: v == "a") == 1
        assert A["rfind_custom"](Array([1, 2, 1]), lambda v: v == 1) == 2

    def test_min_max(self):
        assert A["max"](Array([3, 1, 2.5])) == 3 and A["min"](Array([3, 1, 2.5])) == 1
        assert A["max"](Array()) is None and A["min"](Array([1, "a"])) is None


class TestMutation:
    def test_insert_remove(self, errors):
        arr = Array([1, 2, 3])
        assert A["insert"](arr, -1, 9) == 0 and arr == [1, 2, 9, 3]
        assert A["insert"](arr, 10, 0) == 31
        A["remove_at"](arr, -1)
        assert arr == [1, 2, 9]
        A["remove_at"](arr, 7)
        assert errors == [
            "The calculated index 10 is out of bounds (the array has 4 elements). "
            "Leaving the array untouched.",
            "The calculated index 7 is out of bounds (the array has 3 elements). "
            "Leaving the array untouched."]

    def test_pops(self, errors):
        arr = Array([1, 2, 3, 4])
        assert A["pop_back"](arr) == 4 and A["pop_front"](arr) == 1 and A["pop_at"](arr, -1) == 3
        assert A["pop_at"](arr, 5) is None and arr == [2]
        assert A["pop_back"](Array()) is None and A["pop_at"](Array(), 0) is None
        assert errors == ["The calculated index 5 is out of bounds (the array has 1 elements). "
                          "Leaving the array untouched and returning `null`."]

    def test_resize_fill_erase(self):
        arr = Array([1])
        A["resize"](arr, 3)
        assert arr == [1, None, None]
        A["fill"](arr, 0)
        assert arr == [0, 0, 0]
        A["erase"](arr, 0)
        assert arr == [0, 0]
        typed = Array(typed_builtin=2)
        A["resize"](typed, 2)
        assert typed == [0, 0]

    def test_read_only(self, errors):
        arr = Array([1])
        A["make_read_only"](arr)
        A["push_back"](arr, 2)
        assert arr == [1] and A["is_read_only"](arr)
        assert errors == ["Array is in read-only state."]
        assert not A["is_read_only"](A["duplicate"](arr))

    def test_typed_validation(self, errors):
        arr = Array(typed_builtin=3)  # Array[float]
        A["push_back"](arr, 1)
        assert arr == [1.0] and isinstance(arr[0], float)
        A["push_back"](arr, "x")
        assert arr == [1.0]
        # Godot's ERR_FAIL_V_MSG in ContainerTypeValidate (the "Attempted to push_back a
        # variable of type 'String' into a TypedArray of type 'float'." explanation),
        # then the ERR_FAIL_COND of Array::push_back.
        assert errors == ["Method/function failed. Returning: false",
                          'Condition "!_p->typed.validate(value, "push_back")" is true.']
        assert A["is_typed"](arr) and A["get_typed_builtin"](arr) == 3


class TestOrdering:
    def test_sort(self):
        arr = Array([3, 1.5, 2])
        A["sort"](arr)
        assert arr == [1.5, 2, 3]
        words = Array(["b", "a", "C"])
        A["sort"](words)
        assert words == ["C", "a", "b"]

    def test_sort_custom_and_bsearch(self):
        arr = Array([3, 1, 2])
        A["sort_custom"](arr, lambda a, b: a > b)
        assert arr == [3, 2, 1]
        assert A["bsearch"](Array([1, 2, 2, 3]), 2) == 1
        assert A["bsearch"](Array([1, 2, 2, 3]), 2, False) == 3
        assert A["bsearch_custom"](Array([3, 2, 1]), 2, lambda a, b: a > b) == 1

    def test_slice_end_exclusive(self, errors):
        arr = Array([0, 1, 2, 3, 4, 5])
        assert A["slice"](arr, 1, 3) == [1, 2]
        assert A["slice"](arr, -2) == [4, 5]
        assert A["slice"](arr, 4, 1, -1) == [4, 3, 2]
        assert A["slice"](arr, 0, 10, 2) == [0, 2, 4]
        assert A["slice"](arr, 5, -7, -1) == [5, 4, 3, 2, 1, 0]
        assert A["slice"](arr, 3, 1) == []
        assert A["slice"](arr, 0, 1, 0) == []
        assert errors == ["Slice step is positive, but bounds are decreasing.",
                          "Slice step cannot be zero."]


class TestFunctional:
    def test_map_filter_reduce(self):
        arr = Array([1, 2, 3])
        assert A["map"](arr, lambda v: v * 2) == [2, 4, 6]
        assert A["filter"](arr, lambda v: v % 2) == [1, 3]
        assert A["reduce"](arr, lambda acc, v: acc + v) == 6
        assert A["reduce"](arr, lambda acc, v: acc + v, 10) == 16
        assert A["any"](arr, lambda v: v > 2) and not A["all"](arr, lambda v: v > 2)

    def test_duplicate_deep(self):
        inner = Array([1])
        arr = Array([inner, Dictionary({"k": inner})])
        shallow, deep = A["duplicate"](arr), A["duplicate"](arr, True)
        assert shallow[0] is inner and deep[0] is not inner and deep[0] == [1]
        assert deep[1]["k"] is not inner and isinstance(deep[1], Dictionary)

    def test_assign_and_append_array(self):
        arr = Array([1])
        A["append_array"](arr, [2, 3])
        A["push_front"](arr, 0)
        assert arr == [0, 1, 2, 3]
        A["assign"](arr, [9])
        assert arr == [9] and A["size"](arr) == 1 and not A["is_empty"](arr)


class TestGodot3:
    """Recorded from Godot 3.2.3."""

    def test_slice_end_is_inclusive(self):
        arr = Array([0, 1, 2, 3, 4, 5])
        assert A3["slice"](arr, 1, 3) == [1, 2, 3]
        assert A3["slice"](arr, -2, -1) == [4, 5]
        assert A3["slice"](arr, 4, 1, -1) == [4, 3, 2, 1]
        assert A3["slice"](arr, 0, 10, 2) == [0, 2, 4]
        assert A3["slice"](arr, 3, 1) == []

    def test_renamed_and_strict(self):
        arr = Array([1, 2, 3])
        A3["remove"](arr, 1)
        A3["invert"](arr)
        assert arr == [3, 1] and A3["find_last"](Array([5, 6]), 6) == 1
        assert A3["find"](Array([1, 2]), 1.0) == -1 and not A3["has"](Array([1, 2]), 2.0)
        assert A3["count"](Array([1, "a", 1.0]), 1) == 1 and A3["empty"](Array())

    def test_sort_custom_with_object_and_name(self):
        class Target:
            def call(self, name, a, b):
                assert name == "cmp"
                return a > b
        arr = Array([3, 1, 2])
        A3["sort_custom"](arr, Target(), "cmp")
        assert arr == [3, 2, 1]

    def test_sort_custom_hook(self, monkeypatch):
        calls = []

        def hook(obj, name, a, b):
            calls.append(name)
            return a < b
        monkeypatch.setattr(arrays, "call_method", hook)
        arr = Array([2, 1])
        A3["sort_custom"](arr, object(), "less")
        assert arr == [1, 2] and calls and set(calls) == {"less"}

    def test_method_table_dispatch(self):
        assert method_table(Array, 3) is A3 and method_table(Array, 4) is A
        assert "slice" in A3 and "remove_at" not in A3 and "remove" not in A


class TestGodot3Semantics:
    """Godot 3.2.3's Variant ``==`` and ``SortArray`` (values recorded from godot3-server)."""

    def test_equal3(self):
        assert arrays.equal3(Array([1]), Array([1])) and arrays.equal3(Array([Array([1])]), Array([Array([1])]))
        assert not arrays.equal3(Array([1, 2]), Array([1, 2.0]))
        assert not arrays.equal3(Array([float("nan")]), Array([float("nan")]))
        assert not arrays.equal3(Array([Dictionary()]), Array([Dictionary()]))
        shared = Dictionary()
        assert arrays.equal3(Array([shared]), Array([shared]))

    def test_has_find_with_nan_and_dicts(self):
        nan = float("nan")
        assert A3["has"](Array([nan]), nan) is False and A3["find"](Array([nan]), nan) == -1
        assert A3["count"](Array([nan]), nan) == 0
        assert A3["has"](Array([Array([1])]), Array([1])) is True
        assert A3["has"](Array([Dictionary()]), Dictionary()) is False

    def test_sort_mixed_types(self):
        arr = Array([3, "a", 1.5, None, True, Array([0])])
        A3["sort"](arr)
        assert arr == [1.5, 3, "a", None, True, [0]]
        pair = Array([True, False])
        A3["sort"](pair)
        assert pair == [False, True]

    def test_sort_custom_is_godots_unstable_introsort(self):
        words = Array(["kiwi", "fig", "pear", "plum", "date", "lime", "yam", "pea", "apple",
                       "mango", "grape", "melon", "lemon", "guava", "olive", "peach", "nut",
                       "cherry", "banana", "orange", "ab", "c"])
        A3["sort_custom"](words, _ByLength(), "bylen")
        assert words == ["c", "ab", "fig", "nut", "pea", "yam", "lime", "date", "plum", "pear",
                         "kiwi", "apple", "mango", "grape", "melon", "lemon", "guava", "olive",
                         "peach", "cherry", "banana", "orange"]

    def test_sort_mixed_past_the_insertion_threshold(self):
        mixed = Array([3, "a", 2, None, 1.5, "b", True, 0, False, "c", -1, Array([1]), 7, 7.5,
                       "z", 4, 5, None, 6, 8, "d", 2.5])
        A3["sort"](mixed)
        assert mixed == [-1, 2.5, "d", 6, 8, None, 4, 5, "z", 7, 7.5, [1], "c", False, 0, True,
                         "b", 1.5, None, 2, "a", 3]
        assert [type(v) for v in mixed[13:16]] == [bool, int, bool]

    def test_sort_custom_on_a_class_calls_its_static_method(self, monkeypatch):
        calls = []

        class Script:
            def call(self, name, *args):  # an instance method: must not be used
                raise AssertionError("unbound call")

        def hook(obj, name, a, b):
            calls.append((obj, name))
            return a < b
        monkeypatch.setattr(arrays, "call_method", hook)
        arr = Array([2, 1])
        A3["sort_custom"](arr, Script, "shorter")
        assert arr == [1, 2] and calls[0] == (Script, "shorter")


class _ByLength:
    def call(self, name, a, b):
        return len(a) < len(b)


class TestShuffle:
    def test_godot3_shuffle_follows_seed(self):
        from gdscript.stdlib.random_numbers import GLOBAL_FUNCTIONS_3
        GLOBAL_FUNCTIONS_3["seed"](7)
        arr = Array([1, 2, 3, 4, 5, 6])
        A3["shuffle"](arr)
        assert arr == [4, 5, 3, 1, 2, 6]  # godot3-server after seed(7)

    def test_godot4_shuffle_and_pick_random_repeat_after_seed(self):
        from gdscript.stdlib.random_numbers import GLOBAL_FUNCTIONS_4
        runs = []
        for _ in range(2):
            GLOBAL_FUNCTIONS_4["seed"](3)
            arr = Array(range(10))
            arrays.METHODS["shuffle"](arr)
            runs.append((list(arr), arrays.METHODS["pick_random"](arr)))
        assert runs[0] == runs[1] and sorted(runs[0][0]) == list(range(10))


class TestHashMethod:
    def test_array_hash_is_the_global_hash(self):
        # hash([1, 2]) in Godot 3.2.3 is 193377032; Array.hash() gives the same number.
        assert A3["hash"](Array([1, 2])) == 193377032
        from gdscript.stdlib.hashing import godot_hash
        assert arrays.METHODS["hash"](Array([1, "a"])) == godot_hash(Array([1, "a"]), 4)


class TestGodot3Bounds:
    """3.x Array.remove / insert / resize take no negative index (recorded from Godot 3.2.3)."""

    def test_remove_insert_resize(self, errors):
        m = arrays.METHODS_3
        a = Array([1, 2])
        m["remove"](a, 5)
        m["remove"](a, -1)
        m["insert"](a, 9, 0)
        m["insert"](a, -1, 0)
        m["resize"](a, -1)
        assert list(a) == [1, 2]
        assert errors == [
            "Index p_index = 5 is out of bounds (size() = 2).",
            "Index p_index = -1 is out of bounds (size() = 2).",
            "Index p_pos = 9 is out of bounds (size() + 1 = 3).",
            "Index p_pos = -1 is out of bounds (size() + 1 = 3).",
            'Condition "p_size < 0" is true. Returned: ERR_INVALID_PARAMETER',
        ]
        m["insert"](a, 2, 3)
        m["remove"](a, 0)
        m["resize"](a, 4)
        assert list(a) == [2, 3, None, None]
