"""The execution engine end to end: GDScript source in, printed output and exit code out."""

from __future__ import annotations

import textwrap

import pytest

from gdscript.api import run_source


def run4(src: str) -> tuple[int, str, str]:
    r = run_source(textwrap.dedent(src).replace("    ", "\t"), dialect=4, timeout=20)
    return r.exit_code, r.stdout, r.stderr


def run3(src: str) -> tuple[int, str, str]:
    r = run_source(textwrap.dedent(src).replace("    ", "\t"), dialect=3, timeout=20)
    return r.exit_code, r.stdout, r.stderr


class TestMainLoop:
    def test_scene_tree_script_quits_with_code(self) -> None:
        code, out, err = run4("""
            extends SceneTree
            func _init():
                print("hello")
                quit(3)
            """)
        assert (code, out, err) == (3, "hello\n", "")

    def test_node_script_gets_ready_and_process(self) -> None:
        code, out, _ = run4("""
            extends Node
            var frames = 0
            func _ready():
                print("ready ", get_parent().name)
            func _process(delta):
                frames += 1
                if frames == 3:
                    print("three frames")
                    get_tree().quit()
            """)
        assert (code, out) == (0, "ready root\nthree frames\n")

    def test_fragment_of_bare_statements_runs(self) -> None:
        code, out, _ = run4("""
            var x = 2
            print(x * 21)
            """)
        assert (code, out) == (0, "42\n")

    def test_run_ends_when_nothing_is_left(self) -> None:
        code, out, _ = run4("""
            extends RefCounted
            func _init():
                print("init only")
            """)
        assert (code, out) == (0, "init only\n")


class TestSemantics:
    def test_int_division_and_modulo(self) -> None:
        _, out, _ = run4("""
            extends SceneTree
            func _init():
                print(7 / 2, " ", -7 / 2, " ", -7 % 3, " ", 7.0 / 2)
                quit()
            """)
        assert out == "3 -3 -1 3.5\n"

    def test_int64_wraps(self) -> None:
        _, out, _ = run4("""
            extends SceneTree
            func _init():
                var big = 9223372036854775807
                print(big + 1)
                print(big * 2)
                quit()
            """)
        assert out == "-9223372036854775808\n-2\n"

    def test_inner_classes_inheritance_and_properties(self) -> None:
        _, out, _ = run4("""
            extends SceneTree
            class Animal:
                var name = "animal"
                func speak():
                    return "..."
                func describe():
                    return name + " says " + speak()
            class Dog extends Animal:
                func _init():
                    name = "dog"
                func speak():
                    return "woof"
            var health = 10:
                set(value):
                    health = clamp(value, 0, 100)
            func _init():
                print(Dog.new().describe())
                health = 500
                print(health)
                quit()
            """)
        assert out == "dog says woof\n100\n"

    def test_match_patterns_and_guards(self) -> None:
        _, out, _ = run4("""
            extends SceneTree
            func _init():
                for v in [1, [2, 3], {"k": 4}, {"k": 1}, "s"]:
                    match v:
                        1:
                            print("one")
                        [var a, var b]:
                            print("pair ", a, b)
                        {"k": var x} when x > 3:
                            print("big ", x)
                        _:
                            print("other ", v)
                quit()
            """)
        assert out == 'one\npair 23\nbig 4\nother { "k": 1 }\nother s\n'

    def test_lambdas_capture_by_value(self) -> None:
        _, out, _ = run4("""
            extends SceneTree
            func _init():
                var n = 1
                var f = func(): return n
                n = 2
                print(f.call(), " ", n)
                quit()
            """)
        assert out == "1 2\n"


class TestCoroutines:
    def test_await_timer_signal_and_coroutine(self) -> None:
        code, out, _ = run4("""
            extends SceneTree
            signal ping(a, b)
            func later(x):
                await create_timer(0.01).timeout
                return x + 1
            func _init():
                print(await later(41))
                ping.connect(func(a, b): print("ping ", a, b))
                ping.emit(1, 2)
                await process_frame
                quit(7)
            """)
        assert (code, out) == (7, "42\nping 12\n")

    def test_3x_yield_and_resume(self) -> None:
        code, out, _ = run3("""
            extends SceneTree
            func coro():
                var v = yield()
                print("resumed with ", v)
            func _init():
                var state = coro()
                print(state.is_valid())
                state.resume("hi")
                quit()
            """)
        assert (code, out) == (0, "True\nresumed with hi\n")


class TestErrors:
    def test_error_aborts_the_function_and_the_caller_continues(self) -> None:
        _, out, err = run4("""
            extends SceneTree
            func f():
                var a = [1]
                print(a[5])
                print("not reached")
            func _init():
                f()
                print("caller continues")
                quit()
            """)
        assert out == "caller continues\n"
        assert err == ("SCRIPT ERROR: Out of bounds get index '5' (on base: 'Array')\n"
                       "   at: f (res://main.gd:5)\n")

    def test_3x_error_format(self) -> None:
        _, _, err = run3("""
            extends SceneTree
            func f():
                return 1 / 0
            func _init():
                f()
                quit()
            """)
        assert err.splitlines()[1] == "   At: res://main.gd:4."

    @pytest.mark.parametrize("src", ["func f(:\n\tpass\n", "extends SceneTree\nvar = 3\n"])
    def test_syntax_errors_are_reported_not_raised(self, src: str) -> None:
        r = run_source(src, dialect=4)
        assert r.exit_code == 1
        assert "Parse Error" in r.stderr and "Traceback" not in r.stderr


class TestDerailedRuns:
    def test_error_in_init_ends_with_exit_code_1(self) -> None:
        code, out, err = run4("""
            extends SceneTree
            func _init():
                var a = []
                print(a[3])
                quit()
            """)
        assert code == 1 and out == ""
        assert "Out of bounds get index '3'" in err

    def test_error_every_frame_stops_the_run(self) -> None:
        code, _, err = run4("""
            extends Node
            func _process(delta):
                var a = []
                print(a[3])
                get_tree().quit()
            """)
        assert code == 1
        assert "stopping the run: script errors in 120 frames" in err


class TestSignalsAndArity:
    def test_signal_to_a_handler_of_the_wrong_arity_is_an_engine_error(self) -> None:
        code, out, err = run4("""
            extends SceneTree
            signal needs_two(a, b)
            func handler(a, b):
                print("handler ", a, " ", b)
            func _init():
                needs_two.connect(handler)
                needs_two.emit(1)
                needs_two.emit(1, 2)
                print("after")
                quit()
            """)
        assert (code, out) == (0, "handler 1 2\nafter\n")
        assert err == ("ERROR: Error calling from signal 'needs_two' to callable: "
                       "'SceneTree(main.gd)::handler': Method expected 2 argument(s), "
                       "but called with 1.\n")

    def test_call_with_too_many_arguments(self) -> None:
        _, out, err = run4("""
            extends SceneTree
            class T:
                func two(a, b = 1):
                    return a + b
            func call_it(t):
                print(t.call("two", 1, 2, 3))
            func _init():
                call_it(T.new())
                print("caller goes on")
                quit()
            """)
        assert out == "caller goes on\n"
        assert "Invalid call to function 'two' in base 'RefCounted (T)'. Expected 2 argument(s)." \
            in err


class TestBuiltinArity:
    def test_builtin_method_with_wrong_argument_count(self) -> None:
        _, out, err = run4("""
            extends SceneTree
            func f():
                var d = {"a": 1}
                print(d.keys([]))
            func _init():
                f()
                print("on")
                quit()
            """)
        assert out == "on\n"
        assert ("Invalid call to function 'keys' in base 'Dictionary'. "
                "Expected 0 argument(s).") in err

    def test_direct_call_with_wrong_count(self) -> None:
        _, out, err = run4("""
            extends SceneTree
            func coro(a):
                await process_frame
            func f():
                coro(1, 2)
            func _init():
                f()
                print("on")
                quit()
            """)
        assert out == "on\n"
        assert "Invalid call to function 'coro'. Expected 1 argument(s)." in err

    def test_await_outside_a_function_is_an_analyzer_error(self) -> None:
        r = run_source("extends SceneTree\nvar x = await process_frame\n", dialect=4)
        assert r.exit_code == 1
        assert 'Analyzer Error: Cannot use "await" outside of a function.' in r.stderr
