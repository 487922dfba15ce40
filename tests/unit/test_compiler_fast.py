"""The compiler's fast paths (``interpreter/compiler_fast.py``) keep GDScript's meaning.

Each case runs a script whose values take a fast path and checks what Godot
prints (int64 wrap-around, C division, value semantics of packed arrays...).
"""

from __future__ import annotations

import ast
import textwrap

import pytest

from gdscript import api


def run_split(body: str, dialect: int = 4) -> tuple[str, str]:
    """(stdout, stderr) of a script: ``extends SceneTree`` and ``body``."""
    source = "extends SceneTree\n\n" + textwrap.dedent(body).strip() + "\n"
    result = api.run_source(source, dialect=dialect)
    return result.stdout, result.stderr


def run(body: str, dialect: int = 4) -> str:
    return "".join(run_split(body, dialect))


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


class TestSubscripts:
    """``d[k]``, ``a[i]`` and their stores on locals known to be Dictionaries/Arrays."""

    def test_reads_and_writes_of_plain_containers(self):
        assert run("""
            func _init():
                var d = {}
                var a = [10, 20, 30]
                for i in range(3):
                    d[i * 2] = a[i]
                    a[-1 - i] = i
                d["k"] = a
                print(d, " ", a, " ", a[-3], " ", d[2], " ", d.size(), " ", a.size())
                quit()
            """) == '{ 0: 10, 2: 20, 4: 0, "k": [2, 1, 0] } [2, 1, 0] 2 20 4 3\n'

    def test_a_missing_key_is_godots_error(self):
        out = run("""
            func _init():
                var d = {1: 2}
                print(d[3])
                quit()
            """)
        assert "Invalid access to property or key '3' on a base object of type 'Dictionary'." \
            in out

    def test_index_out_of_range_or_not_an_int(self):
        out = run("""
            func _init():
                var a = [1, 2]
                print(a[1.9])
                print(a[5])
                quit()
            """)
        assert out.startswith("2\n")
        assert "Out of bounds get index '5' (on base: 'Array')" in out

    def test_typed_and_read_only_containers_keep_their_checks(self):
        # Constructed typed, so the locals are known Arrays / Dictionaries.
        out, err = run_split("""
            func _init():
                var a = Array([1.5], TYPE_FLOAT, "", null)
                a[0] = 2
                var d = Dictionary({}, TYPE_STRING, "", null, TYPE_FLOAT, "", null)
                d["x"] = 3
                var e = Dictionary({}, TYPE_NIL, "", null, TYPE_FLOAT, "", null)
                e[1] = 2
                var k = Dictionary({}, TYPE_FLOAT, "", null, TYPE_NIL, "", null)
                k[1] = 2
                print(a, " ", d, " ", e, " ", k)
                print(store_array(), " ", store_dictionary())
                quit()

            func store_array():  # a script error ends the function (returns null), as in Godot
                var r = [1]
                r.make_read_only()
                r[0] = 5
                return r

            func store_dictionary():
                var s = {1: 2}
                s.make_read_only()
                s[1] = 5
                return s
            """)
        assert out == '[2.0] { "x": 3.0 } { 1: 2.0 } { 1.0: 2 }\n<null> <null>\n'
        assert err.count("Invalid assignment on read-only value") == 2

    def test_the_fast_branch_is_generated(self):
        code = generated("""
            func _init():
                var d = {}
                d[1] = 2
                print(d[1])
            """)
        assert "d[_gd_k" in code and "_rt_dict_lookup(d, " in code


class TestExactlyTypedLocals:
    """A local every store of which makes one builtin type needs no type guard; one whose
    stores the inference cannot type keeps the guarded, generic code."""

    def test_no_guard_for_a_local_of_one_type(self):
        code = generated("""
            func _init():
                var d = {}
                var a = []
                var s = ","
                d[1] = 2
                a.append(d[1])
                print(d.size(), d.has(1), s.join(PackedStringArray(["x"])), a[0])
            """)
        assert "_rt_type_of(d)" not in code and "_rt_type_of(a)" not in code
        assert "_rt_type_of(s)" not in code
        assert "d[_gd_k" in code and "_rt_list_append(a, " in code

    def test_values_of_other_or_changing_types_keep_the_generic_code(self):
        out = run("""
            func _init():
                var d = {}
                var f = func(): d = [1, 2, 3]; return d.size()
                print(f.call(), " ", d.size())
                for c in [{}, [1], PackedStringArray(["x", "y"])]:
                    print(c.size())
                var e = {}
                match [7]:
                    var bound:
                        e = bound
                print(e.size(), " ", e[0])
                var g = {} if d.is_empty() else []
                g = [4]
                print(g.size(), " ", g[0])
                quit()
            """)
        assert out == "3 0\n0\n1\n2\n1 7\n1 4\n"


def inspect_binds(function, count: int) -> bool:
    """inspect's answer: ``function`` takes ``count`` positional arguments."""
    import inspect

    try:
        inspect.signature(function).bind(*([None] * count))
    except TypeError:
        return False
    return True


class TestMethodArity:
    def test_agrees_with_inspect_for_every_builtin_method(self):
        # The direct-call check reads code objects (inspect costs start-up time); it must
        # answer as inspect's signature binding does, for each method and argument count.
        from gdscript.loader import BUILTIN_TYPES, accepts_positional
        from gdscript.runtime import HOOKS
        from gdscript.stdlib import class_table

        answers = []
        for dialect in (3, 4):
            for name in sorted(BUILTIN_TYPES):
                cls = class_table(dialect).get(name)
                methods = HOOKS[dialect].value_methods(cls) if isinstance(cls, type) else None
                for function in (methods or {}).values():
                    answers += [(accepts_positional(function, count),
                                 inspect_binds(function, count)) for count in range(7)]
        assert len(answers) > 5000
        assert {pair for pair in answers if pair[0] != pair[1]} == set()
        assert {expected for _, expected in answers} == {True, False}

    @pytest.mark.parametrize("function", [len, list.append, [].append, dict.get, {}.get,
                                          str.join, bytearray.extend, divmod, abs])
    def test_builtins_read_from_their_text_signature(self, function):
        from gdscript.loader import accepts_positional

        for count in range(5):
            assert accepts_positional(function, count) == inspect_binds(function, count), count


class TestInlineMethods:
    def test_has_keeps_exact_key_types_in_small_dictionaries(self):
        assert run("""
            func _init():
                var d = {1: "a", "s": 2}
                var big = {}
                for i in range(100):
                    big[i] = i
                print(d.has(1), d.has(1.0), d.has(true), d.has("s"), d.has(2),
                      " ", big.has(99), big.has(100))
                quit()
            """) == "truefalsefalsetruefalse truefalse\n"

    def test_packed_append_converts_other_types(self):
        assert run("""
            func _init():
                var p = PackedStringArray()
                p.append("a")
                p.append(5)
                var f = PackedFloat64Array()
                f.append(2)
                f.push_back(0.5)
                print(p, " ", f, " ", typeof(f[0]) == TYPE_FLOAT)
                quit()
            """) == '["a", "5"] [2.0, 0.5] true\n'

    def test_typed_array_append_converts_and_read_only_refuses(self):
        out, err = run_split("""
            func _init():
                var a = Array([], TYPE_FLOAT, "", null)
                a.append(1)
                a.push_back(2)
                var r = [1]
                r.make_read_only()
                r.append(2)
                r.push_back(3)
                print(a, " ", r, " ", typeof(a[0]) == TYPE_FLOAT)
                quit()
            """)
        assert out == "[1.0, 2.0] [1] true\n"
        assert err.count("Array is in read-only state.") == 2


class TestGuardedOperators:
    """``*``, ``%``, ``/``, ``==``, ``!=`` on values of unknown types: Python's operator
    when both are ints (or, for equality, of one plain type), else the runtime's."""

    def test_same_results_as_godot_for_every_operand_kind(self):
        assert run("""
            func mul(a, b):
                return a * b

            func mod(a, b):
                return a % b

            func div(a, b):
                return a / b

            func eq(a, b):
                return [a == b, a != b]

            func _init():
                print(mul(3, 4), " ", mul(4611686018427387904, 4), " ", mul(2, 1.5), " ",
                      mul(Vector2(1, 2), 2))
                print(mod(7, 3), " ", mod(-7, 3), " ", mod(7, -3), " ", mod(7.5, 2))
                print(div(7, 2), " ", div(-7, 2), " ", div(7, 2.0))
                print(eq(1, 1), eq(1, 1.0), eq("a", "a"), eq("a", &"a"), eq(true, 1),
                      eq([1], [1]), eq(null, null))
                quit()
            """) == ("12 0 3.0 (2.0, 4.0)\n"
                     "1 -1 1 1.5\n"
                     "3 -3 3.5\n"
                     "[true, false][true, false][true, false][true, false][false, true]"
                     "[true, false][true, false]\n")

    def test_errors_stay_godots(self):
        out, err = run_split("""
            func mul(a, b):
                return a * b

            func mod(a, b):
                return a % b

            func _init():
                print(mod(1, 0))
                print(mul("ab", 2))
                quit()
            """)
        assert "Modulo by zero error in operator '%'." in err
        assert "Invalid operands 'String' and 'int' in operator '*'." in err

    def test_the_guard_is_generated(self):
        code = generated("""
            func f(a, b):
                return a * b
            """)
        assert "is int and -9223372036854775808 <= (_gd_w := (_gd_a" in code


class TestBoundedInts:
    """Locals whose largest value is known (``x % c``, range counters, products of such)
    need no 64-bit overflow checks; the checks stay wherever a value can grow past
    INT_MAX (expected values: Python's arithmetic wrapped to int64)."""

    def test_results_wrap_where_they_can_and_only_there(self):
        assert run("""
            func _init():
                var x = 1
                for i in range(100):
                    x = x * 3
                var c = 0
                for i in range(50):
                    c = c * 7 + 5
                var y = 0
                var small = 0
                for i in range(2000):
                    y = (i % 2000) * 9223372036854775
                    small = (i % 1001) * 9223372036854775
                var z = 12345
                for i in range(1000):
                    z = (z * 1103515245 + 12345) % 2147483648
                print(x, " ", c, " ", y, " ", small, " ", z)
                quit()
            """) == ("-2984622845537545263 -3303397949292270104 -9223372036856391 "
                     "9204925292781065450 1603858065\n")

    def test_no_checks_where_the_bound_proves_them_useless(self):
        code = generated("""
            func _init():
                var z = 12345
                var total = 0
                for i in range(1000):
                    z = (z * 1103515245 + 12345) % 2147483648
                    total += z
                print(z, total)
            """)
        assert "z = (z * 1103515245 + 12345) % 2147483648" in code
        assert "total = total + z" in code  # 1000 steps of at most 2**31: an accumulator


class TestAccumulators:
    """Int locals stepped by bounded amounts in loops of known trip counts cannot
    overflow, so they need no checks; everywhere else the checks (and int64 wrap-around)
    stay.  Expected values: Python's arithmetic wrapped to int64."""

    BODY = """
        func _init():
            var small = 0
            for i in range(10):
                small += 5
                small -= i
            var listed = 0
            for v in [1, 2, 3]:
                listed += 4611686018427387904
            var looping = 0
            var k = 0
            while k < 100:
                looping += 9223372036854775807
                k += 1
            var nested = 0
            for i in range(3):
                for j in range(4):
                    nested = nested + i * j
            var third = 3074457345618258602  # INT_MAX / 3: four steps overflow
            var stepped = 0
            for i in range(4):
                stepped += third
            var arrayed = 0
            for v in [1, 2, 3, 4]:
                arrayed = arrayed + third
            var whiled = 0
            k = 0
            while k < 4:
                whiled += third
                k += 1
            print(small, " ", listed, " ", looping, " ", nested)
            print(stepped, " ", arrayed, " ", whiled)
            quit()
        """

    def test_values(self):
        assert run(self.BODY) == ("5 -4611686018427387904 -100 18\n" +
                                  "-6148914691236517208 " * 2 + "-6148914691236517208\n")

    def test_checks_only_where_a_value_can_grow_past_int64(self):
        code = generated(self.BODY)
        assert "small = small + 5" in code and "small = small - i" in code
        assert "nested = nested + i * j" in code
        assert "listed = _gd_w if" in code and "looping = _gd_w if" in code


class TestMemberReads:
    """``other.x`` in a class declaring ``x``: direct for an instance of exactly that
    class, the generic lookup for anything else."""

    BODY = """
        class Point:
            var x = 0
            var y = 0
            func _init(px = 0, py = 0):
                x = px
                y = py
            func dot(other):
                return x * other.x + y * other.y

        class Point3 extends Point:
            var z = 5

        func _init():
            var p = Point.new(3, 4)
            print(p.dot(Point.new(5, 6)), " ", p.dot(Point3.new(1, 1)), " ",
                  p.dot({"x": 2, "y": 10}))
            p.dot(null)
            quit()
        """

    def test_values_and_errors(self):
        out, err = run_split(self.BODY)
        assert out == "39 7 46\n"
        assert "Invalid access to property or key 'x' on a base object of type 'Nil'." in err

    def test_the_direct_read_is_generated(self):
        assert "other.x if _rt_type_of(other) is _gd_main_Point else" in generated(self.BODY)
