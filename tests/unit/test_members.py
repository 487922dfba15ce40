"""Classes, members, reflection and callables (Godot 4): static variables and their
accessors, static initialization order, class callables, casts, typed object variables,
void method results, signals' one-shot connections."""

from __future__ import annotations

import textwrap

from conftest import run4_output as run4


def script_errors(stderr: str) -> list[str]:
    return [line[len("SCRIPT ERROR: "):] for line in stderr.splitlines()
            if line.startswith("SCRIPT ERROR: ")]


class TestStaticVariables:
    def test_static_accessors_run_when_read_and_written_through_the_class(self) -> None:
        out, _ = run4("""
            extends SceneTree
            static var prop := "a":
                get: return prop + "!"
                set(value): prop = "<" + value + ">"
            func _init():
                print(prop)
                prop = "b"
                print(prop)
                quit()
            """)
        assert out == "a!\n<b>!\n"

    def test_initializer_does_not_call_the_setter(self) -> None:
        out, _ = run4("""
            extends SceneTree
            static var y: int = 42:
                set(value):
                    print("setter ", value)
                    y = value
            func _init():
                print(y)
                y = 1
                print(y)
                quit()
            """)
        assert out == "42\nsetter 1\n1\n"

    def test_subclass_shares_the_static_variable_of_its_base(self) -> None:
        out, _ = run4("""
            extends SceneTree
            class A:
                static var x := 1
            class B extends A:
                pass
            func _init():
                B.x = 2
                print(A.x, " ", B.x)
                A.x = 3
                print(A.x, " ", B.x)
                quit()
            """)
        assert out == "2 2\n3 3\n"

    def test_static_init_runs_outer_class_first_then_inner_in_order(self) -> None:
        out, _ = run4("""
            extends SceneTree
            static var s = note("outer var")
            static func note(text):
                print(text)
                return text
            static func _static_init():
                print("outer init")
            class First:
                static func _static_init():
                    print("first init")
                class Nested:
                    static func _static_init():
                        print("nested init")
            class Second:
                static func _static_init():
                    print("second init")
            func _init():
                quit()
            """)
        assert out == "outer var\nouter init\nfirst init\nnested init\nsecond init\n"


class TestClassCallables:
    def test_constructors_as_callables_print_their_class_kind(self) -> None:
        out, _ = run4("""
            extends SceneTree
            class Inner:
                var v = 5
            func _init():
                var make: Callable = Inner.new
                print(make, " ", Node.new, " ", make.call().v)
                quit()
            """)
        assert out == "GDScript::new GDScriptNativeClass::new 5\n"

    def test_native_static_method_callable_calls_but_is_not_valid(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func _init():
                var parse: Callable = JSON.parse_string
                print(parse.call("[1]"), " ", parse.is_valid(), " ", Node.new.is_valid())
                quit()
            """)
        assert out == "[1.0] false true\n"  # JSON numbers are floats

    def test_non_static_native_method_called_on_the_class(self) -> None:
        _, err = run4("""
            extends SceneTree
            func f(thing):
                return thing.has_method("x")
            func _init():
                f(Node2D)
                quit()
            """)
        assert script_errors(err) == [
            "Invalid call. Nonexistent function 'has_method' in base 'Node2D'."]

    def test_missing_constant_on_a_script_class_names_gdscript(self) -> None:
        _, err = run4("""
            extends SceneTree
            class Inner:
                pass
            func _init():
                var t = Inner
                print(t.NOPE)
                quit()
            """)
        assert script_errors(err) == [
            "Invalid access to property or key 'NOPE' on a base object of type 'GDScript'."]


class TestCastsAndTypedObjects:
    def errors_of(self, body: str) -> list[str]:
        _, err = run4("extends SceneTree\nfunc _init():\n" +
                      textwrap.indent(textwrap.dedent(body), "    ") + "    quit()\n")
        return script_errors(err)

    def test_casting_a_freed_object(self) -> None:
        assert self.errors_of("""
            var n = Node.new()
            n.free()
            print(n as Node2D)
            """) == ["Trying to cast a freed object."]

    def test_casting_a_number_to_an_object_type(self) -> None:
        assert self.errors_of("""
            var i: Variant = 1
            print(i as Node)
            """) == ["Invalid cast: can't convert a non-object value to an object type."]

    def test_casting_an_object_to_int(self) -> None:
        assert self.errors_of("""
            var o: Variant = RefCounted.new()
            print(o as int)
            """) == ["Invalid cast: could not convert value to 'int'."]

    def test_assigning_a_freed_instance_to_a_typed_variable(self) -> None:
        assert self.errors_of("""
            var n = Node.new()
            n.free()
            var ok = n
            var bad: Node = n
            """) == ["Trying to assign invalid previously freed instance."]

    def test_assigning_a_number_to_a_native_typed_variable(self) -> None:
        assert self.errors_of("""
            var v: Variant = 3
            var n: Node = v
            """) == ["Trying to assign value of type 'int' to a variable of type 'Node'."]


class TestVoidResults:
    def test_using_the_result_of_void_methods_is_an_error(self) -> None:
        _, err = run4("""
            extends SceneTree
            func _init():
                var a
                a = [3, 1]
                a.sort()
                print(a)
                print(a.reverse())
                var o
                o = RefCounted.new()
                print(o.notify_property_list_changed())
                quit()
            """)
        void = 'Trying to get a return value of a method that returns "void"'
        assert script_errors(err) == [void]

    def test_free_result_and_value_returning_methods(self) -> None:
        out, err = run4("""
            extends SceneTree
            func _init():
                var a
                a = [1, 2]
                print(a.size())
                var n
                n = Node.new()
                print(n.free())
                quit()
            """)
        assert out == "2\n"
        assert script_errors(err) == [
            'Trying to get a return value of a method that returns "void"']


class TestSignals:
    def test_one_shot_connections_are_removed_before_any_is_called(self) -> None:
        out, _ = run4("""
            extends SceneTree
            signal s
            func foo():
                print("foo")
                s.emit()
            func bar():
                print("bar")
            func baz():
                print("baz")
            func _init():
                s.connect(foo, CONNECT_ONE_SHOT)
                s.connect(bar, CONNECT_ONE_SHOT)
                s.connect(baz)
                s.emit()
                s.emit()
                quit()
            """)
        assert out == "foo\nbaz\nbar\nbaz\nbaz\n"

    def test_orphan_nodes_are_listed(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func _init():
                var n = Node.new()
                n.name = "Lone"
                var id = n.get_instance_id()
                print(Node.get_orphan_node_ids().has(id))
                n.free()
                print(Node.get_orphan_node_ids().has(id))
                quit()
            """)
        assert out == "true\nfalse\n"


class TestReflection:
    def test_property_info_of_exports_and_declared_types(self) -> None:
        out, _ = run4("""
            extends Node
            enum Mode {FAST, SLOW = 5}
            @export_range(0, 10, 0.5, "or_greater") var speed := 1.0
            @export var mode: Mode
            @export_enum("Red", "Green") var color: String
            @export_flags("A", "B") var flags: Array[int]
            var plain: int
            var weak = 3
            func _init():
                for p in get_property_list():
                    if p.name in ["speed", "mode", "color", "flags", "plain", "weak"]:
                        print(p.name, " ", p.type, " ", p.hint, " ", p.hint_string, " ",
                              p.usage, " ", p.class_name)
                get_tree().quit()
            """)
        assert out.splitlines() == [
            "speed 3 1 0.0,10.0,0.5,or_greater 4102 ",
            "mode 2 2 Fast:0,Slow:5 69638 res://main.gd.Mode",
            "color 4 2 Red,Green 4102 ",
            "flags 28 23 2/6:A,B 4102 ",
            "plain 2 0  4096 ",
            "weak 0 0  135168 ",
        ]

    def test_groups_are_listed_in_declaration_order(self) -> None:
        out, _ = run4("""
            extends Node
            @export_group("Movement", "move_")
            @export var move_speed := 1
            @export_category("Looks")
            @export var tint := Color.RED
            func _init():
                for p in get_property_list():
                    if p.usage & (PROPERTY_USAGE_GROUP | PROPERTY_USAGE_CATEGORY) or \\
                            p.name in ["move_speed", "tint"]:
                        print(p.name, " ", p.usage, " ", p.hint_string)
                get_tree().quit()
            """)
        names = [line.split(" ")[0] for line in out.splitlines()]
        assert names[-4:] == ["Movement", "move_speed", "Looks", "tint"]
        assert out.splitlines()[-4] == "Movement 64 move_"

    def test_method_and_signal_lists(self) -> None:
        out, _ = run4("""
            extends SceneTree
            signal hit(damage: int, source)
            static func make(a: int, b := "x", c = 2.5) -> Array[int]:
                return []
            func act(...rest) -> void:
                pass
            func _init():
                for m in get_method_list():
                    if m.name in ["make", "act"]:
                        print(m.name, " ", m.flags, " ", m.default_args, " ",
                              m.args.map(func(a): return [a.name, a.type]), " ",
                              m.return.type, " ", m.return.hint_string)
                for s in get_signal_list():
                    if s.name == "hit":
                        print(s.args.map(func(a): return [a.name, a.type, a.usage]))
                quit()
            """)
        assert out.splitlines() == [
            'make 33 ["x", 2.5] [["a", 2], ["b", 4], ["c", 0]] 28 int',
            "act 17 [] [] 0 ",
            '[["damage", 2, 0], ["source", 0, 131072]]',
        ]

    def test_script_class_lists_static_variables_base_first(self) -> None:
        out, _ = run4("""
            extends SceneTree
            class A:
                static var a1: int
            class B extends A:
                static var b1 := "s"
                var not_static
            func _init():
                print((B as GDScript).get_property_list().map(func(p): return p.name))
                quit()
            """)
        assert out == '["a1", "b1"]\n'


class TestEnumsAsValues:
    def test_global_builtin_and_native_enums(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func _init():
                print(Variant.Type.TYPE_INT, " ", Side.SIDE_RIGHT, " ",
                      Node.ProcessMode.PROCESS_MODE_ALWAYS, " ", Vector3.Axis.AXIS_Z)
                var t: Variant.Type
                var m: Node.ProcessMode
                print(t, " ", m)
                quit()
            """)
        assert out == "2 2 3 2\n0 0\n"


class TestClassOrder:
    def test_script_extends_its_own_inner_class_declared_later(self) -> None:
        out, _ = run4("""
            extends Helper
            func _init():
                greet()
                Engine.get_main_loop().quit()
            class Helper extends Base.Nested:
                pass
            class Base:
                class Nested extends SceneTree:
                    func greet():
                        print("hi")
            """)
        assert out == "hi\n"

    def test_constants_and_enums_in_any_order(self) -> None:
        out, _ = run4("""
            extends SceneTree
            const C1 := E1.V1
            enum E1 {V1 = E2.V + 2, V2 = V1 - 1}
            enum E2 {V = 2}
            enum {EV1 = 42, UNUSED = EV3, EV2}
            enum {EV3 = EV1 + 1}
            func _init():
                print(C1, " ", E1.V2, " ", EV2, " ", EV3)
                quit()
            """)
        assert out == "4 3 44 43\n"

    def test_members_used_before_their_initializer_hold_their_default(self) -> None:
        out, _ = run4("""
            extends SceneTree
            var f: Callable = func(): y += 10; return 1
            var x: int = f.call() + y
            var y: int
            func _init():
                print(x, " ", y)
                quit()
            """)
        assert out == "11 0\n"


class TestCallsAndReturns:
    def test_rest_parameter_is_an_array(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func f(a, ...rest):
                print(a, " ", rest, " ", typeof(rest) == TYPE_ARRAY)
            func _init():
                f(1, 2, 3)
                quit()
            """)
        assert out == "1 [2, 3] true\n"

    def test_returning_a_call_from_a_void_function_returns_null(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func side(v):
                print("side ", v)
                return v
            func void_one() -> void:
                return side(5)
            func _init():
                var f := void_one
                print(f.call())
                quit()
            """)
        assert out == "side 5\n<null>\n"

    def test_bare_new_in_a_static_function_makes_the_class(self) -> None:
        out, _ = run4("""
            extends SceneTree
            class Thing:
                var v := "made"
                static func make() -> Thing:
                    return new()
            func _init():
                print(Thing.make().v)
                quit()
            """)
        assert out == "made\n"

    def test_string_static_methods_through_the_type_and_an_instance(self) -> None:
        out, _ = run4("""
            extends SceneTree
            func _init():
                var s := "x"
                print(String.num_uint64(8589934592), " ", s.num_uint64(255, 16))
                quit()
            """)
        assert out == "8589934592 ff\n"

    def test_setter_chain_reads_each_link_once(self) -> None:
        out, _ = run4("""
            extends SceneTree
            class Inner:
                var sub: Vector2
            var prop: Inner:
                get:
                    print("get prop")
                    return prop
            func _init():
                prop = Inner.new()
                prop.sub.x = 2.0
                print(prop.sub)
                quit()
            """)
        assert out == "get prop\nget prop\n(2.0, 0.0)\n"

    def test_export_enum_on_a_wrong_type_is_an_analyzer_error(self) -> None:
        _, err = run4("""
            extends SceneTree
            @export_enum("A", "B") var x: Color
            func _init():
                quit()
            """)
        assert '"@export_enum" annotation requires a variable of type "int", "Array[int]"' \
            in err and 'but type "Color" was given instead.' in err
