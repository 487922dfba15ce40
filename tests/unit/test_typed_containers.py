"""Typed Array / Dictionary semantics of Godot 4 (compiler literal typing, run-time checks),
read-only constants, and strict conversions of typed variables.

Expected messages are Godot's (modules/gdscript/gdscript_vm.cpp,
core/variant/container_type_validate.h, array.cpp, dictionary.cpp)."""

from __future__ import annotations

from conftest import run4_output as run4


class TestLiteralTyping:
    def test_declared_type_makes_a_literal_typed_and_converts_int_to_float(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func _init():
                var floats: Array[float] = [1, 2.5]
                print(floats, " ", floats.get_typed_builtin() == TYPE_FLOAT)
                var plain := [1]
                print(plain.is_typed())
                quit()
            """)
        assert out == "[1.0, 2.5] true\nfalse\n"

    def test_number_constants_take_the_element_type_at_compile_time(self) -> None:
        out, err = run4("""
            extends SceneTree
            func _init():
                var integers: Array[int] = [0.2, 4.5, -2.0]
                var x = 4.5
                var from_variable: Array[int] = [x]
                print(integers, " ", from_variable)
                quit()
            """)
        assert out == "[0, 4, -2] [0]\n"
        assert "Attempted to set a variable of type 'float' into a TypedArray of type 'int'." \
            in err

    def test_weakly_typed_variable_keeps_literals_untyped(self) -> None:
        out, _ = run4("""
            extends SceneTree
            var typed: Array[int]
            func _init():
                var weak = typed
                weak = [1]
                var hard := typed
                hard = [2]
                print(weak.is_typed(), " ", hard.is_typed())
                quit()
            """)
        assert out == "false true\n"

    def test_argument_return_cast_and_default_literals_are_typed(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func takes(a: Array[String]) -> int: return a.get_typed_builtin()
            func gives() -> Array[int]: return [3]
            func defaulted(d: Dictionary[int, String] = {1: "x"}): return d
            func _init():
                print(takes(["a"]), " ", gives().get_typed_builtin())
                print(([1] as Array[float]), " ", defaulted().get_typed_value_builtin())
                quit()
            """)
        assert out == "4 2\n[1.0] 4\n"

    def test_typed_dictionary_literal_and_type_test(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func _init():
                var d: Dictionary[String, int] = {&"k": 1}
                print(typeof(d.keys()[0]) == TYPE_STRING, " ", d is Dictionary[String, int])
                var a: Variant = [] as Array[int]
                print(a is Array[int], " ", a is Array[float])
                quit()
            """)
        assert out == "true true\ntrue false\n"


class TestRuntimeChecks:
    def test_untyped_array_assigned_to_typed_variable_is_an_error(self) -> None:
        out, err = run4("""
            extends SceneTree
            func _init():
                var basic := [1]
                var typed: Array[int] = basic
                print("not reached")
                quit()
            """)
        assert out == ""
        assert 'Trying to assign an array of type "Array" to a variable of type ' \
               '"Array[int]".' in err

    def test_untyped_argument_for_typed_parameter_fails_in_the_caller(self) -> None:
        out, err = run4("""
            extends SceneTree
            func expect(typed: Array[int]):
                print("entered")
            func _init():
                var basic := [1]
                expect(basic)
                print("not reached")
                quit()
            """)
        assert out == ""
        assert "Invalid type in function 'expect' in base 'SceneTree (" in err
        assert "The array of argument 1 (Array) does not have the same element type as " \
               "the expected typed array argument." in err
        assert "at: _init (" in err  # reported in the caller

    def test_packed_array_converts_for_a_typed_parameter(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func expect(a: Array[String]):
                print(a.get_typed_builtin() == TYPE_STRING, " ", a)
            func _init():
                expect(PackedStringArray(["x"]))
                quit()
            """)
        assert out == 'true ["x"]\n'

    def test_typed_dictionary_rejects_a_wrong_key_type(self) -> None:
        out, err = run4("""
            extends SceneTree
            func key() -> Variant: return "k"
            func _init():
                var d: Dictionary[int, int]
                d[key()] = 0
                quit()
            """)
        assert "Attempted to set a variable of type 'String' into a TypedDictionary.Key of " \
               "type 'int'." in err
        assert "Invalid assignment of property or key 'k' with value of type 'int' on a " \
               "base object of type 'Dictionary[int, int]'." in err

    def test_string_and_string_name_convert_into_typed_arrays(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func _init():
                var names: Array[StringName] = []
                names.push_back("a")
                print(typeof(names[0]) == TYPE_STRING_NAME)
                quit()
            """)
        assert out == "true\n"

    def test_resized_typed_array_of_arrays_gets_distinct_empty_arrays(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func _init():
                var arrays: Array[Array] = []
                arrays.resize(2)
                arrays[0].push_back(1)
                print(arrays)
                quit()
            """)
        assert out == "[[1], []]\n"


class TestConstantsAndConversions:
    def test_constants_are_deeply_read_only(self) -> None:
        out, err = run4("""
            extends SceneTree
            const NESTED = [{}]
            func _init():
                print(NESTED.is_read_only(), " ", NESTED[0].is_read_only())
                var inner = NESTED[0]
                inner["k"] = 1
                quit()
            """)
        assert out == "true true\n"
        assert "Invalid assignment on read-only value (on base: 'Dictionary')." in err

    def test_typed_variable_refuses_a_non_convertible_value(self) -> None:
        out, err = run4("""
            extends SceneTree
            var text = "x"
            func _init():
                var f: float = 2
                var c: Color = "red"
                print(f, " ", c == Color.RED)
                var bad: float = text
                print("not reached")
                quit()
            """)
        assert out == "2.0 true\n"
        assert "Trying to assign value of type 'String' to a variable of type 'float'." in err

    def test_typed_return_converts(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func half() -> float: return 1
            func names() -> PackedStringArray: return ["a"]
            func _init():
                print(typeof(half()) == TYPE_FLOAT, " ",
                      typeof(names()) == TYPE_PACKED_STRING_ARRAY)
                quit()
            """)
        assert out == "true true\n"


class TestClassElementsAndIteration:
    def test_inner_class_elements_are_checked_by_script(self) -> None:
        out, err = run4("""
            extends SceneTree
            class Foo: pass
            class Bar extends Foo: pass
            func _init():
                var bars: Array[Bar] = [Bar.new(), Foo.new()]
                print(bars.size(), " ", bars[1], " ", bars.get_typed_script() == Bar,
                      " ", bars.get_typed_class_name())
                quit()
            """)
        assert out == "2 <null> true RefCounted\n"
        assert "Attempted to set an object into a TypedArray, that does not inherit from " \
               "'GDScript'." in err

    def test_for_over_a_float_walks_floats_and_custom_iterators_run(self) -> None:
        out, _ = run4("""
            extends SceneTree
            class Three:
                func _iter_init(state): state[0] = 0; return true
                func _iter_next(state): state[0] += 1; return state[0] < 3
                func _iter_get(current): return current * 10
            func _init():
                for f in 2.0:
                    print(typeof(f) == TYPE_FLOAT)
                for v in Three.new():
                    print(v)
                quit()
            """)
        assert out == "true\ntrue\n0\n10\n20\n"

    def test_typed_member_refuses_a_foreign_value_set_from_outside(self) -> None:
        _, err = run4("""
            extends SceneTree
            class Holder:
                var items: Array[int]
            func _init():
                var h = Holder.new()
                h.items = ["x"]
                quit()
            """)
        assert "Invalid assignment of property or key 'items' with value of type 'Array' " \
               "on a base object of type 'RefCounted (Holder)'." in err


class TestTypedBuiltinParameters:
    def test_wrong_argument_is_an_error_of_the_call_in_the_caller(self) -> None:
        out, err = run4("""
            extends SceneTree
            func take(n: int, c: Color = 'blue') -> String:
                return str(n) + " " + str(c)
            func _init():
                print(take(2.9))
                var s = "x"
                print(take(s))
                print("not reached: the caller stops at the error")
            """)
        assert out == "2 (0.0, 0.0, 1.0, 1.0)\n"
        assert err.splitlines()[:2] == [
            "SCRIPT ERROR: Invalid type in function 'take' in base 'SceneTree (main.gd)'. "
            "Cannot convert argument 1 from String to int.",
            "   at: _init (res://main.gd:8)"]
