"""The compiler's fast paths (``interpreter/compiler_fast.py``) keep GDScript's meaning.

Each case runs a script whose values take a fast path and checks what Godot
prints (int64 wrap-around, C division, value semantics of packed arrays...).
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from gdscript import api


def run(body: str, dialect: int = 4) -> str:
    source = "extends SceneTree\n\n" + textwrap.dedent(body).strip() + "\n"
    result = api.run_source(source, dialect=dialect)
    return result.stdout + result.stderr


def generated(body: str) -> str:
    """The Python the compiler makes of a script (to check a fast path was taken)."""
    from pathlib import Path

    from gdscript.compiler import Compiler
    from gdscript.loader import Project, Resolver
    from gdscript.parser import parse

    source = "extends SceneTree\n\n" + textwrap.dedent(body).strip() + "\n"
    project = Project(Path("."), 4)
    tree = parse(source, path="res://t.gd", dialect=4)
    return ast.unparse(Compiler(tree, "res://t.gd", 4, Resolver(project, None)).compile().module)


class TestIntArithmetic:
    def test_known_ints_wrap_around_like_int64(self):
        assert run("""
            func _init():
                var big = 9223372036854775807
                big += 1
                var small = -9223372036854775808
                small = small - 1
                var product = 4611686018427387904
                product = product * 4
                print(big, " ", small, " ", product)
                quit()
            """) == "-9223372036854775808 9223372036854775807 0\n"

    def test_range_counters_subtract_below_zero(self):
        assert run("""
            func _init():
                var out = []
                for i in range(3):
                    out.append(i - 5)
                print(out)
                quit()
            """) == "[-5, -4, -3]\n"

    def test_modulo_and_division_truncate_like_c(self):
        assert run("""
            func _init():
                var a = -7
                var b = 7
                print(a % 3, " ", a / 2, " ", b % 3, " ", b / 2, " ", a % b, " ", a / b)
                quit()
            """) == "-1 -3 1 3 0 -1\n"

    def test_plain_python_code_for_known_ints(self):
        code = generated("""
            func _init():
                var total = 0
                for i in range(10):
                    total += i % 7
            """)
        assert "i % 7" in code and "_rt_op_mod" not in code and "type(" not in code

    def test_a_local_that_changes_type_takes_the_generic_path(self):
        assert run("""
            func _init():
                var v = 1
                v = "s"
                v += "t"
                var w = 2
                w = w * 1.5
                print(v, " ", w)
                quit()
            """) == "st 3.0\n"

    def test_equality_of_known_numbers(self):
        assert run("""
            func _init():
                var i = 1
                var f = 1.0
                print(i == f, " ", i != 2, " ", "a" == "a")
                quit()
            """) == "true true true\n"


class TestIntParameters:
    BODY = """
        func dec(n):
            if n < 1:
                return n
            return n - 1

        func _init():
            print(dec(5), " ", dec(2.5), " ", dec(-9223372036854775808), " ", dec(1))
            quit()
        """

    def test_guarded_body_and_generic_body_agree_with_godot(self):
        assert run(self.BODY) == "4 1.5 -9223372036854775808 0\n"

    def test_the_guard_is_generated(self):
        assert "if _rt_type_of(n) is int:" in generated(self.BODY)


class TestMethodCalls:
    def test_direct_calls_on_arrays_and_strings(self):
        assert run("""
            func _init():
                var a = []
                for i in range(5):
                    a.append(4 - i)
                a.sort()
                var p = PackedStringArray()
                for v in a:
                    p.append(str(v))
                print(a, " ", a.size(), " ", ",".join(p), " ", "abc".length())
                quit()
            """) == "[0, 1, 2, 3, 4] 5 0,1,2,3,4 3\n"

    def test_sort_of_mixed_values_keeps_godots_order(self):
        assert run("""
            func _init():
                var a = [2, "b", 1.5, "a", 1, null]
                a.sort()
                print(a)
                quit()
            """) == '[<null>, 1, 1.5, 2, "a", "b"]\n'

    def test_using_the_value_of_a_void_method_is_still_an_error(self):
        out = run("""
            func _init():
                var a = []
                var r = a.append(1)
                print(r)
                quit()
            """)
        assert 'Trying to get a return value of a method that returns "void"' in out


class TestSelfAppend:
    def test_shared_packed_byte_array_keeps_its_value(self):
        assert run("""
            func _init():
                var a = PackedByteArray([1])
                var b = a
                a = a + PackedByteArray([2])
                var c = a
                a += PackedByteArray([3])
                print(a, " ", b, " ", c)
                quit()
            """) == "[1, 2, 3] [1] [1, 2]\n"

    def test_unshared_buffer_grows_in_place(self, monkeypatch: pytest.MonkeyPatch):
        from gdscript.stdlib.packed import PackedByteArray

        copies = []
        real_add = PackedByteArray.__add__

        def counting_add(self, other):
            copies.append(len(self))
            return real_add(self, other)

        monkeypatch.setattr(PackedByteArray, "__add__", counting_add)
        out = run("""
            func _init():
                var chunk = PackedByteArray()
                chunk.resize(4096)
                var rb = PackedByteArray()
                for i in range(200):
                    rb = rb + chunk
                print(rb.size())
                quit()
            """)
        assert out == "819200\n"
        assert copies == []

    def test_string_building(self):
        assert run("""
            func _init():
                var s = ""
                for i in range(4):
                    s += str(i)
                var t = "x"
                t = t + s
                print(s, " ", t)
                quit()
            """) == "0123 x0123\n"

    def test_int_plus_string_is_still_an_error(self):
        out = run("""
            func _init():
                var s = "a"
                s += 1
                quit()
            """)
        assert "Invalid operands 'String' and 'int' in operator '+'." in out


class TestDialect3:
    def test_division_by_zero_message_is_godot_3s(self):
        out = run("""
            func _init():
                var a = 5
                var b = 0
                print(a / b)
                quit()
            """, dialect=3)
        assert "Division By Zero in operator '/'." in out


class TestPackedByteArrayIndex:
    """``a[i] = v`` on a PackedByteArray (the download benchmark fills its chunk so)."""

    def test_stores_the_low_byte_and_counts_from_the_end(self):
        assert run("""
            func _init():
                var a = PackedByteArray()
                a.resize(3)
                a[0] = 7
                a[-1] = 300
                a[1] = 2.9
                print(a)
                quit()
            """) == "[7, 2, 44]\n"

    def test_out_of_bounds_is_godots_error(self):
        out = run("""
            func _init():
                var a = PackedByteArray()
                a[2] = 1
                quit()
            """)
        assert "Out of bounds set index '2' (on base: 'PackedByteArray')" in out


class TestScriptMethodCalls:
    BODY = """
        class Counter:
            var value = 0
            func add(n, times = 1):
                value += n * times
                return value

        class Doubler extends Counter:
            func add(n, times = 1):
                value += 2 * n * times
                return value

        func _init():
            var c = Counter.new()
            c.add(1)
            c.add(2, 3)
            var d = Doubler.new()
            d.add(5)
            var e = Counter.new()
            e = Doubler.new()
            e.add(1)
            print(c.value, " ", d.value, " ", e.value, " ", c.add(0))
            quit()
        """

    def test_direct_calls_behave_like_dynamic_ones(self):
        assert run(self.BODY) == "7 10 2 7\n"

    def test_an_instance_of_the_exact_class_is_called_directly(self):
        code = generated(self.BODY)
        assert "c.add(1) if _rt_type_of(c) is _gd_main_Counter else" in code

    def test_wrong_argument_count_keeps_godots_message(self):
        out = run("""
            class Counter:
                func add(n):
                    return n

            func _init():
                var c = Counter.new()
                c.add(1, 2)
                quit()
            """)
        assert "Invalid call to function 'add' in base 'RefCounted" in out


class TestShadowing:
    def test_a_local_named_type_or_str(self):
        assert run("""
            class Box:
                func get_it(v):
                    return v

            func _init():
                var type = 3
                var str = "s"
                var b = Box.new()
                var total = type + 1
                str += "t"
                print(b.get_it(type), " ", total, " ", str, " ", type * 2)
                quit()
            """) == "3 4 st 6\n"
