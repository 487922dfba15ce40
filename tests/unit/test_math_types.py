"""Godot's math value types: construction, immutability, operators, printing, methods.

3.x expected strings were checked against real Godot 3.2.3; 4.x strings come
from Godot 4's stringify test output and its C++ formatting rules.
"""

import math
import pathlib
import xml.etree.ElementTree as ET

import pytest

from gdscript.errors import ScriptRuntimeError
from gdscript.stdlib.math_types import (
    AABB, GODOT_CLASSES_3, GODOT_CLASSES_4, Basis, Basis3, Color, Color3, Plane, Projection, Quat,
    Quaternion, Rect2, Rect2i, Transform, Transform2D, Transform3D, Vector2, Vector2i, Vector3,
    Vector3i, Vector4, Vector4i, color8, named_color_3,
)


def s4(value):
    return value._gd_str(4)


def s3(value):
    return value._gd_str(3)


class TestRegistry:
    def test_dialect_tables(self):
        assert set(GODOT_CLASSES_4) == {
            "Vector2", "Vector2i", "Vector3", "Vector3i", "Vector4", "Vector4i", "Rect2", "Rect2i",
            "AABB", "Plane", "Transform2D", "Basis", "Quaternion", "Transform3D", "Projection",
            "Color"}
        assert set(GODOT_CLASSES_3) == {"Vector2", "Vector3", "Rect2", "AABB", "Plane",
                                        "Transform2D", "Basis", "Quat", "Transform", "Color"}
        assert GODOT_CLASSES_3["Quat"].GODOT_NAME == "Quat"
        assert GODOT_CLASSES_3["Transform"].GODOT_NAME == "Transform"


class TestVectorValues:
    def test_immutable_copy_on_member_set(self):
        a = Vector2(1, 2)
        b = a._with_member("x", 5)
        assert s4(a) == "(1.0, 2.0)" and s4(b) == "(5.0, 2.0)"
        with pytest.raises(AttributeError):
            a.x = 3

    def test_float32_components(self):
        v = Vector2(0.1, 2)
        assert v.x == 0.10000000149011612
        assert s3(Vector2(1e20, 1.0 / 3)) == "(100000002004087734272, 0.333333)"

    def test_int_components_wrap_and_truncate(self):
        assert s4(Vector2i(2**31, 5)) == "(-2147483648, 5)"
        assert s4(Vector2i(Vector2(1.9, -1.9))) == "(1, -1)"
        assert s4(Vector3i(2.7, -2.7, 0)) == "(2, -2, 0)"

    def test_index_and_errors(self):
        v = Vector3(1, 2, 3)
        assert v._get_index(2) == 3.0
        assert s4(v._with_index(0, 9)) == "(9.0, 2.0, 3.0)"
        with pytest.raises(ScriptRuntimeError, match=r"Out of bounds get index '3' \(on base: 'Vector3'\)"):
            v._get_index(3)
        with pytest.raises(ScriptRuntimeError, match="Invalid assignment of property or key 'x' with "
                           "value of type 'String' on a base object of type 'Vector3'."):
            v._with_member("x", "a")

    def test_constructor_mismatch(self):
        with pytest.raises(ScriptRuntimeError) as info:
            Vector2("a")
        assert info.value.message == 'No constructor of "Vector2" matches the signature "Vector2(String)".'
        with pytest.raises(ScriptRuntimeError, match=r'"Vector3i\(int, null\)"'):
            Vector3i(1, None)

    def test_truthiness_equality_hash(self):
        assert not Vector2() and Vector2(0, 1) and not Vector4i()
        assert Vector2(1, 2) == Vector2(1.0, 2.0) and hash(Vector2(1, 2)) == hash(Vector2(1.0, 2.0))
        assert Vector2(1, 2) != Vector2i(1, 2)

    def test_comparisons_are_lexicographic(self):
        assert Vector2(1, 2) < Vector2(1, 3)
        assert Vector2(2, 0) > Vector2(1, 5)
        assert Vector3i(1, 2, 3) <= Vector3i(1, 2, 3)


class TestVectorOperators:
    def test_arithmetic(self):
        assert s4(Vector2(1, 2) + Vector2(3, 4)) == "(4.0, 6.0)"
        assert s4(2 * Vector3(1, 2, 3)) == "(2.0, 4.0, 6.0)"
        assert s4(Vector2(1, 2) * Vector2(3, 4)) == "(3.0, 8.0)"
        assert s4(-Vector2(1, 0)) == "(-1.0, 0.0)"
        assert s4(Vector2(1, 2) / 0) == "(inf, inf)"

    def test_int_vector_division_truncates(self):
        assert s4(Vector2i(7, -7) / Vector2i(2, 2)) == "(3, -3)"
        assert s4(Vector2i(7, -7) / 2) == "(3, -3)"
        assert s4(Vector2i(7, -7) % 3) == "(1, -1)"
        assert s4(Vector2i(7, 7) * 0.5) == "(3.5, 3.5)"
        assert type(Vector3i(1, 2, 3) / 2.0) is Vector3

    def test_int_vector_division_by_zero(self):
        with pytest.raises(ScriptRuntimeError, match="Division by zero error in operator '/'."):
            Vector2i(1, 1) / Vector2i(1, 0)
        with pytest.raises(ScriptRuntimeError, match="Modulo by zero error in operator '%'."):
            Vector3i(1, 1, 1) % 0
        with pytest.raises(ScriptRuntimeError):
            Vector4i(1, 1, 1, 1) / 0.0

    def test_int_overflow_wraps(self):
        assert s4(Vector2i(2**31 - 1, 0) + Vector2i(1, 0)) == "(-2147483648, 0)"


class TestVectorPrinting:
    def test_godot4(self):
        assert s4(Vector2(0.25, 1)) == "(0.25, 1.0)"
        assert s4(Vector2i(0, 0)) == "(0, 0)"
        assert s4(Vector3(0.25, 0.25, 1)) == "(0.25, 0.25, 1.0)"
        assert s4(Vector4(0.25, 0.25, 0.25, 1)) == "(0.25, 0.25, 0.25, 1.0)"
        assert s4(Vector2(0.1, 1234.5678)) == "(0.1, 1234.568)"

    def test_godot3(self):
        assert s3(Vector2(1, 2.5)) == "(1, 2.5)"
        assert s3(Vector2(0.1, -0.0)) == "(0.1, -0)"
        assert s3(Vector3(1, 2, 3.25)) == "(1, 2, 3.25)"


class TestVectorMethods:
    def test_basic(self):
        assert s4(Vector2(3, 4).normalized()) == "(0.6, 0.8)"
        assert s4(Vector2().normalized()) == "(0.0, 0.0)"
        assert Vector2(3, 4).length() == 5.0
        assert Vector2(1.5, -2.5).length() == pytest.approx(2.915476, abs=1e-6)
        assert Vector2(2, 1).aspect() == 2.0
        assert Vector3(1, 2, 3).max_axis_index() == 2 and Vector3(1, 2, 3).min_axis_index() == 0
        assert s4(Vector3(1, 2, 3).cross(Vector3(4, 5, 6))) == "(-3.0, 6.0, -3.0)"

    def test_godot3_checked_results(self):
        m3 = Vector2.METHODS_3
        assert m3["angle_to_point"](Vector2(1, 2), Vector2(3, 5)) == pytest.approx(-2.158799, abs=1e-6)
        assert s3(m3["linear_interpolate"](Vector2(1, 2), Vector2(3, 5), 0.5)) == "(2, 3.5)"
        assert s3(m3["clamped"](Vector2(3, 4), 2.5)) == "(1.5, 2)"
        assert s3(m3["tangent"](Vector2(3, 4))) == "(4, -3)"
        assert s3(m3["snapped"](Vector2(1, 1), Vector2(0.3, 0.3))) == "(0.9, 0.9)"
        assert s3(m3["rotated"](Vector2(1, 0), math.pi / 2)) == "(-0, 1)"
        assert s3(m3["slerp"](Vector2(1, 0), Vector2(0, 1), 0.5)) == "(0.707107, 0.707107)"
        assert s3(Vector2(1, 2).bounce(Vector2(0, 1))) == "(1, -2)"
        assert s3(Vector2(1, 2).reflect(Vector2(0, 1))) == "(-1, 2)"
        assert s3(Vector2(1, 2).slide(Vector2(0, 1))) == "(1, 0)"
        assert s3(Vector2(1, 2).cubic_interpolate(
            Vector2(3, 4), Vector2(0, 0), Vector2(5, 5), 0.3)) == "(1.5265, 2.6315)"
        assert s3(Vector2(1, 2).move_toward(Vector2(4, 6), 2)) == "(2.2, 3.6)"
        assert s3(Vector2(1, 2).direction_to(Vector2(4, 6))) == "(0.6, 0.8)"
        assert Vector2(1, 2).angle_to(Vector2(-2, 1)) == pytest.approx(1.570796, abs=1e-6)
        assert s3(Vector2(7, -3).posmod(2)) == "(1, 1)"
        assert s3(Vector2(1.5, -2.5).round()) == "(2, -3)"
        assert s3(Vector3(1, 2, 3).rotated(Vector3(0, 1, 0), 1.0)) == "(3.064715, 2, 0.779436)"
        assert s3(Vector3(1, 2, 3).project(Vector3(1, 1, 0))) == "(1.5, 1.5, 0)"
        assert s3(Vector3.METHODS_3["slerp"](Vector3(1, 2, 3), Vector3(0, 1, 5), 0.3)) == \
            "(0.713485, 1.65471, 3.279157)"
        assert Vector3.METHODS_3["max_axis"](Vector3(1, 2, 3)) == 2

    def test_godot4_differences(self):
        assert Vector2(1, 2).angle_to_point(Vector2(3, 5)) == pytest.approx(math.atan2(3, 2), abs=1e-6)
        assert s4(Vector2(2, 0).slerp(Vector2(0, 4), 0.5)) == "(2.12132, 2.12132)"
        assert s4(Vector2(0, 0).slerp(Vector2(0, 4), 0.25)) == "(0.0, 1.0)"
        assert s4(Vector2(3, 4).limit_length(2.5)) == "(1.5, 2.0)"
        assert s4(Vector2(3, 4).orthogonal()) == "(4.0, -3.0)"

    def test_scalar_variants_of_int_vectors(self):
        m = Vector2i.METHODS
        assert s4(m["clampi"](Vector2i(-5, 50), 0, 10)) == "(0, 10)"
        assert s4(m["snappedi"](Vector2i(7, 12), 5)) == "(5, 10)"
        assert s4(m["maxi"](Vector2i(-5, 50), 0)) == "(0, 50)"
        assert Vector2i(3, 4).length() == 5.0 and Vector2i(3, 4).length_squared() == 25
        assert s4(Vector3i(-3, 0, 2).sign()) == "(-1, 0, 1)"

    def test_approx_and_finite(self):
        assert Vector2(1, 1).is_equal_approx(Vector2(1.000001, 1))
        assert not Vector2(1, 1).is_equal_approx(Vector2(1.001, 1))
        assert Vector2(math.inf, 0).is_finite() is False
        assert Vector3(0.6, 0.8, 0).is_normalized()
        assert Vector4(0, 0, 0, 0).normalized() == Vector4()

    def test_octahedron_round_trip(self):
        n = Vector3(1, 2, -3).normalized()
        assert Vector3.octahedron_decode(n.octahedron_encode()).is_equal_approx(n)

    def test_constants(self):
        assert s4(Vector2.CONSTANTS["UP"]) == "(0.0, -1.0)"
        assert s4(Vector3.CONSTANTS["FORWARD"]) == "(0.0, 0.0, -1.0)"
        assert s4(Vector3.CONSTANTS["MODEL_FRONT"]) == "(0.0, 0.0, 1.0)"
        assert s4(Vector2i.CONSTANTS["MAX"]) == "(2147483647, 2147483647)"
        assert Vector4.CONSTANTS["AXIS_W"] == 3
        assert "MODEL_LEFT" not in Vector3.CONSTANTS_3


class TestColor:
    def test_printing(self):
        assert s4(Color(1, 2, 3, 4)) == "(1.0, 2.0, 3.0, 4.0)"
        assert s4(Color(0.123456, 0.5, 0, 1)) == "(0.1235, 0.5, 0.0, 1.0)"
        assert s3(Color3(1, 0.5, 0, 1)) == "1,0.5,0,1"
        assert s3(Color3(0.123456, 0.2, 0.3)) == "0.123456,0.2,0.3,1"

    def test_constructors(self, engine_errors):
        assert s4(Color()) == "(0.0, 0.0, 0.0, 1.0)"
        assert s4(Color("red")) == "(1.0, 0.0, 0.0, 1.0)"
        assert s4(Color("#ff000080")) == "(1.0, 0.0, 0.0, 0.502)"
        assert s4(Color(Color("red"), 0.5)) == "(1.0, 0.0, 0.0, 0.5)"
        assert s4(Color(0x00FF00FF)) == "(0.0, 1.0, 0.0, 1.0)"
        assert s4(Color("Alice Blue")) == s4(Color.CONSTANTS["ALICE_BLUE"])
        assert s4(Color("nope")) == "(0.0, 0.0, 0.0, 1.0)"
        assert engine_errors == ["Invalid color name: nope."]
        with pytest.raises(ScriptRuntimeError, match='"Color\\(Vector2\\)"'):
            Color(Vector2())

    def test_godot3_html_is_argb(self, engine_errors):
        assert s3(Color3("#ff000080")) == "0,0,0.501961,1"
        assert s3(Color3("#8f00")) == "1,0,0,0.533333"
        assert s3(Color3("red")) == "0,0,0,1"
        assert engine_errors == ["Invalid color code: red."]
        assert Color3.METHODS_3["to_html"](Color3(1, 0, 0, 0.5)) == "80ff0000"
        assert Color3.METHODS_3["to_html"](Color3(-1, 2, 0.5)) == "ff00ff80"
        assert Color(1, 0, 0, 0.5).to_html() == "ff000080"
        assert Color(1, 0, 0).to_html(False) == "ff0000"

    def test_named_colors(self):
        assert len(Color.CONSTANTS) == 146
        assert s3(Color3.CONSTANTS_3["aliceblue"]) == "0.94,0.97,1,1"
        assert s3(Color3.CONSTANTS_3["gray"]) == "0.75,0.75,0.75,1"
        assert s3(Color3.CONSTANTS_3["transparent"]) == "1,1,1,0"
        assert s3(named_color_3("red", 0.5)) == "1,0,0,0.5"
        assert s3(color8(255, 128, 0)) == "1,0.501961,0,1"

    def test_hsv_and_bytes(self):
        c = Color(0.5, 0.25, 1.0)
        assert (round(c.h, 6), c.s, c.v) == (0.722222, 0.75, 1.0)
        assert s3(Color3.from_hsv(0.5, 0.5, 0.5, 1.0)) == "0.25,0.5,0.5,1"
        c = Color(0.5, 0.2, 0.999)
        assert [c._get_member(n) for n in ("r8", "g8", "b8", "a8")] == [128, 51, 255, 255]
        assert s4(c._with_member("r8", 300)) == "(1.0, 0.2, 0.999, 1.0)"
        assert s3(Color3(0.5, 0.2, 0.999)._with_member("r8", 300)) == "1.176471,0.2,0.999,1"

    def test_packing(self):
        c = Color(1, 0.5, 0.25)
        assert (c.to_rgba32(), c.to_argb32(), c.to_abgr32()) == (4286595327, 4294934592, 4282417407)
        c = Color(0.2, 0.4, 0.6)
        assert c.to_argb64() == -225179122361959 and c.to_abgr64() == -112590849690829
        assert c.to_rgba64() == 3689405110596272127
        assert s4(Color.hex(0xFF8040FF)) == "(1.0, 0.502, 0.251, 1.0)"

    def test_operations(self):
        c = Color(1, 0.5, 0.25)
        assert s3(Color3(*c._fields()).darkened(0.5)) == "0.5,0.25,0.125,1"
        assert s3(Color3(*c._fields()).lightened(0.5)) == "1,0.75,0.625,1"
        assert s3(Color3(*c._fields()).inverted()) == "0,0.5,0.75,1"
        assert s3(Color3(0.2, 0.4, 0.6).blend(Color3(1, 0, 0, 0.5))) == "0.6,0.2,0.3,1"
        assert s3(Color3(0.2, 0.4, 0.6) + Color3(0.1, 0.1, 0.1)) == "0.3,0.5,0.7,2"
        assert s3(-Color3(0.2, 0.4, 0.6, 1)) == "0.8,0.6,0.4,0"
        assert s3(Color3(1, 1, 1) / Color3(2, 4, 0)) == "0.5,0.25,inf,1"
        assert s3(Color3.METHODS_3["contrasted"](Color3(1, 0, 0))) == "0.5,0.5,0.5,1"
        assert Color(1, 1, 1).get_luminance() == pytest.approx(1.0)
        assert not Color(0, 0, 0, 1) and Color(0, 0, 0, 0)

    def test_from_string_and_validity(self):
        assert Color.html_is_valid("#abc") and not Color.html_is_valid("#abcde")
        assert s4(Color.from_string("nope", Color(0, 1, 0))) == "(0.0, 1.0, 0.0, 1.0)"
        assert s4(Color.from_rgba8(255, 0, 0, 255)) == "(1.0, 0.0, 0.0, 1.0)"


class TestRectAABBPlane:
    def test_printing(self):
        assert s4(Rect2(0.25, 0.25, 0.5, 1)) == "[P: (0.25, 0.25), S: (0.5, 1.0)]"
        assert s4(Rect2i()) == "[P: (0, 0), S: (0, 0)]"
        assert s4(AABB(Vector3(), Vector3(1, 1, 1))) == "[P: (0.0, 0.0, 0.0), S: (1.0, 1.0, 1.0)]"
        assert s4(Plane(1, 2, 3, 4)) == "[N: (1.0, 2.0, 3.0), D: 4]"
        assert s3(Rect2(1, 2, 3, 4)) == "(1, 2, 3, 4)"
        assert s3(AABB(Vector3(1, 2, 3), Vector3(4, 5, 6))) == "1, 2, 3 - 4, 5, 6"
        assert s3(Plane(1, 2, 3, 4)) == "1, 2, 3, 4"

    def test_rect_methods(self):
        a, b = Rect2(0, 0, 2, 2), Rect2(1, 1, 3, 3)
        assert s3(a.intersection(b)) == "(1, 1, 1, 1)"
        assert s3(a.merge(b)) == "(0, 0, 4, 4)"
        assert s3(a.end) == "(2, 2)"
        assert s4(a._with_member("end", Vector2(5, 5))) == "[P: (0.0, 0.0), S: (5.0, 5.0)]"
        assert a.has_point(Vector2(0, 0)) and not a.has_point(Vector2(2, 1))
        assert not a.intersects(Rect2(2, 0, 1, 1)) and a.intersects(Rect2(2, 0, 1, 1), True)
        assert s4(Rect2(2, 2, -1, -1).abs()) == "[P: (1.0, 1.0), S: (1.0, 1.0)]"
        assert s4(a.grow_side(2, 1)) == "[P: (0.0, 0.0), S: (3.0, 2.0)]"
        assert s4(Rect2i(0, 0, 5, 5).get_center()) == "(2, 2)"
        assert s4(a.expand(Vector2(-1, 3))) == "[P: (-1.0, 0.0), S: (3.0, 3.0)]"

    def test_aabb_methods(self):
        box = AABB(Vector3(0, 0, 0), Vector3(2, 3, 1))
        assert box.get_volume() == 6.0 and box.get_longest_axis_index() == 1
        assert s4(box.get_endpoint(5)) == "(2.0, 0.0, 1.0)"
        assert s4(box.intersects_segment(Vector3(-1, 1, 0.5), Vector3(3, 1, 0.5))) == "(0.0, 1.0, 0.5)"
        assert box.intersects_segment(Vector3(-1, 5, 0), Vector3(3, 5, 0)) is None
        assert s4(box.intersects_ray(Vector3(1, 1, 5), Vector3(0, 0, -1))) == "(1.0, 1.0, 1.0)"
        assert box.has_point(Vector3(2, 3, 1))

    def test_plane(self):
        p = Plane(Vector3(1, 2, 3), Vector3(0, 0, 1), Vector3(4, 5, 6))
        assert s3(p) == "0, 0.707107, -0.707107, -0.707107"
        plane = Plane(Vector3(0, 1, 0), 2)
        assert plane.distance_to(Vector3(0, 5, 0)) == 3.0
        assert s4(plane.intersects_ray(Vector3(0, 5, 0), Vector3(0, -1, 0))) == "(0.0, 2.0, 0.0)"
        assert plane.intersects_ray(Vector3(0, 5, 0), Vector3(0, 1, 0)) is None
        # Negative zero components print without sign in 4.x (integer path), with it in 3.x.
        assert s4(-plane) == "[N: (0.0, -1.0, 0.0), D: -2]"
        assert s3(-plane) == "-0, -1, -0, -2"
        assert plane._get_member("y") == 1.0
        assert s4(Plane(Vector3(1, 0, 0), 0).intersect_3(Plane(Vector3(0, 1, 0), 2),
                                                          Plane(Vector3(0, 0, 1), 3))) == "(0.0, 2.0, 3.0)"


class TestTransforms:
    def test_printing(self):
        assert s4(Transform2D()) == "[X: (1.0, 0.0), Y: (0.0, 1.0), O: (0.0, 0.0)]"
        assert s4(Basis()) == "[X: (1.0, 0.0, 0.0), Y: (0.0, 1.0, 0.0), Z: (0.0, 0.0, 1.0)]"
        assert s4(Transform3D()) == ("[X: (1.0, 0.0, 0.0), Y: (0.0, 1.0, 0.0), Z: (0.0, 0.0, 1.0), "
                                     "O: (0.0, 0.0, 0.0)]")
        assert s4(Quaternion(1, 2, 3, 4)) == "(1, 2, 3, 4)"
        assert s4(Projection()) == ("[X: (1.0, 0.0, 0.0, 0.0), Y: (0.0, 1.0, 0.0, 0.0), "
                                    "Z: (0.0, 0.0, 1.0, 0.0), W: (0.0, 0.0, 0.0, 1.0)]")
        assert s3(Transform2D()) == "((1, 0), (0, 1), (0, 0))"
        assert s3(Basis3()) == "((1, 0, 0), (0, 1, 0), (0, 0, 1))"
        assert s3(Transform()) == "1, 0, 0, 0, 1, 0, 0, 0, 1 - 0, 0, 0"
        assert s3(Quat()) == "(0, 0, 0, 1)"

    def test_transform2d_godot3_checked(self):
        t = Transform2D(0.3, Vector2(1, 2))
        assert s3(t) == "((0.955337, 0.29552), (-0.29552, 0.955337), (1, 2))"
        assert s3(t.affine_inverse()) == "((0.955336, -0.29552), (0.29552, 0.955336), (-1.546377, -1.615153))"
        assert s3(t * Transform2D(0.5, Vector2(3, 4))) == \
            "((0.696707, 0.717356), (-0.717356, 0.696707), (2.683928, 6.707907))"
        m = Transform2D(Vector2(1, 2), Vector2(3, 4), Vector2(5, 6))
        assert s3(m * Vector2(1, 1)) == "(9, 12)"
        assert s3(Vector2(1, 1) * m) == "(-14, -32)"
        assert s3(t.get_scale()) == "(1, 1)" and t.get_rotation() == pytest.approx(0.3)
        assert s3(t.scaled(Vector2(2, 3))) == "((1.910673, 0.886561), (-0.59104, 2.866009), (2, 6))"
        assert s3(Transform2D.METHODS_3["translated"](t, Vector2(2, 3))) == \
            "((0.955337, 0.29552), (-0.29552, 0.955337), (2.024112, 5.45705))"
        assert s3(t.interpolate_with(Transform2D(1.2, Vector2(3, 1)), 0.5)) == \
            "((0.731689, 0.681639), (-0.681639, 0.731689), (2, 1.5))"

    def test_basis_and_quaternion_godot3_checked(self):
        b = Basis3(Vector3(0, 1, 0), 0.5)
        assert s3(b) == "((0.877583, 0, 0.479426), (0, 1, 0), (-0.479426, 0, 0.877583))"
        assert s3(Quat(Vector3(0, 1, 0), 0.5)) == "(0, 0.247404, 0, 0.968912)"
        x_rot = Basis3(Vector3(1, 0, 0), 1.0)
        assert s3(x_rot.get_euler()) == "(1, 0, 0)"
        assert s3(Quat(x_rot)) == "(0.479426, 0, 0, 0.877583)"
        tilted = Basis3(Vector3(1, 2, 3).normalized(), 0.7)
        assert s3(tilted.get_euler()) == "(0.071453, 0.406884, 0.584191)"
        assert s3(tilted.get_rotation_quaternion()) == "(0.091643, 0.183287, 0.27493, 0.939373)"
        assert s3(Quat(Vector3(0, 1, 0), 0.5) * Vector3(1, 0, 0)) == "(0.877583, 0, -0.479426)"
        assert s3(Quat(Vector3(0, 1, 0), 0.5).slerp(Quat(Vector3(1, 0, 0), 1.0), 0.3)) == \
            "(0.150767, 0.177837, 0, 0.972442)"
        rot = Basis3(Vector3(1, 0, 0), 0.3)
        assert s3(rot._get_index(1)) == "(0, 0.955337, 0.29552)" and s3(rot.x) == "(1, 0, 0)"

    def test_transform3d_godot3_checked(self):
        t = Transform(Basis3(Vector3(0, 1, 0), 0.5), Vector3(1, 2, 3))
        assert s3(t) == "0.877583, 0, 0.479426, 0, 1, 0, -0.479426, 0, 0.877583 - 1, 2, 3"
        assert s3(t * Vector3(1, 1, 1)) == "(2.357008, 3, 3.398157)"
        assert s3(Transform.METHODS_3["translated"](t, Vector3(1, 0, 0))) == \
            "0.877583, 0, 0.479426, 0, 1, 0, -0.479426, 0, 0.877583 - 1.877583, 2, 2.520575"
        assert s3(Transform().looking_at(Vector3(1, 2, 3), Vector3(0, 1, 0))) == \
            ("-0.948683, -0.169031, -0.267261, 0, 0.845154, -0.534522, 0.316228, -0.507093, "
             "-0.801784 - 0, 0, 0")

    def test_basis_algebra(self):
        b = Basis(Vector3(1, 2, 3).normalized(), 0.7)
        assert (b * b.inverse()).is_equal_approx(Basis())
        assert b.determinant() == pytest.approx(1.0, abs=1e-6)
        assert (b.transposed() * b).is_equal_approx(Basis())
        v = Vector3(1, -2, 0.5)
        assert (v * b).is_equal_approx(b.inverse() * v)
        assert Basis.from_euler(b.get_euler()).is_equal_approx(b)
        for order in range(6):
            assert Basis.from_euler(Vector3(0.1, 0.2, 0.3), order).get_euler(order).is_equal_approx(
                Vector3(0.1, 0.2, 0.3))
        assert s4(Basis.from_scale(Vector3(2, 3, 4)).get_scale()) == "(2.0, 3.0, 4.0)"
        assert not Basis() and Basis.CONSTANTS["FLIP_X"]

    def test_basis_members_are_columns(self):
        b = Basis(Vector3(1, 2, 3), Vector3(4, 5, 6), Vector3(7, 8, 9))
        assert s4(b._get_member("y")) == "(4.0, 5.0, 6.0)"
        assert s4(b * Vector3(1, 0, 0)) == "(1.0, 2.0, 3.0)"
        changed = b._with_member("x", Vector3(0, 0, 0))
        assert s4(changed) == "[X: (0.0, 0.0, 0.0), Y: (4.0, 5.0, 6.0), Z: (7.0, 8.0, 9.0)]"
        assert s4(b.x) == "(1.0, 2.0, 3.0)"

    def test_quaternion(self):
        q = Quaternion(Vector3(0, 0, 1), math.pi / 2)
        assert (q * Vector3(1, 0, 0)).is_equal_approx(Vector3(0, 1, 0))
        assert (Vector3(0, 1, 0) * q).is_equal_approx(Vector3(1, 0, 0))
        assert q.get_angle() == pytest.approx(math.pi / 2, abs=1e-6)
        assert q.is_normalized() and not Quaternion() and Quaternion(0, 0, 0, 0)
        assert Quaternion.from_euler(Vector3(0.1, 0.2, 0.3)).get_euler().is_equal_approx(
            Vector3(0.1, 0.2, 0.3))
        assert q.exp().is_finite() and q.log().w == 0.0

    def test_transform3d(self):
        t = Transform3D(Basis(Vector3(0, 1, 0), 0.5), Vector3(1, 2, 3))
        v = Vector3(4, 5, 6)
        assert (v * t).is_equal_approx(t.affine_inverse() * v)
        assert (t * t.affine_inverse()).is_equal_approx(Transform3D())
        box = t * AABB(Vector3(), Vector3(1, 1, 1))
        assert box.has_point(t * Vector3(1, 1, 1))
        plane = t * Plane(Vector3(0, 1, 0), 1)
        assert plane.has_point(t * Vector3(7, 1, -2), 1e-4)
        assert s4(Transform3D.CONSTANTS["FLIP_Z"].basis.z) == "(0.0, 0.0, -1.0)"

    def test_projection(self):
        p = Projection.create_perspective(90, 1.5, 0.1, 100)
        assert p.get_z_near() == pytest.approx(0.1, rel=1e-4)
        assert p.get_z_far() == pytest.approx(100, rel=1e-3)
        assert p.get_fov() == pytest.approx(2 * math.degrees(math.atan(1.5)), rel=1e-4)
        assert p.get_aspect() == pytest.approx(1.5, rel=1e-5)
        assert not p.is_orthogonal()
        assert Projection.create_orthogonal(-1, 1, -1, 1, 0.1, 10).is_orthogonal()
        assert (p * p.inverse()).x.is_equal_approx(Vector4(1, 0, 0, 0))
        assert Projection().determinant() == 1.0
        t = Transform3D(Basis(Vector3(0, 1, 0), 0.5), Vector3(1, 2, 3))
        assert Transform3D(Projection(t)).is_equal_approx(t)


_DOCS = pathlib.Path("/work/godot/doc/classes")


@pytest.mark.skipif(not _DOCS.is_dir(), reason="Godot class docs not available")
class TestApiCoverage:
    """Documented 4.x methods, members and constants that the tables expose."""

    @pytest.mark.parametrize("name, minimum", [
        ("Vector2", 0.95), ("Vector2i", 0.95), ("Vector3", 0.95), ("Vector3i", 0.95),
        ("Vector4", 0.95), ("Vector4i", 0.95), ("Color", 0.95), ("Rect2", 0.95),
        ("Rect2i", 0.8), ("AABB", 0.8), ("Plane", 0.8), ("Transform2D", 0.8),
        ("Transform3D", 0.8), ("Basis", 0.8), ("Quaternion", 0.8), ("Projection", 0.8)])
    def test_coverage(self, name, minimum):
        cls = GODOT_CLASSES_4[name]
        root = ET.parse(_DOCS / f"{name}.xml").getroot()
        documented = ({("m", m.get("name")) for m in root.iter("method")}
                      | {("p", m.get("name")) for m in root.iter("member")}
                      | {("c", m.get("name")) for m in root.iter("constant")})
        have = ({("m", n) for n in (*cls.METHODS, *cls.STATIC_METHODS)}
                | {("p", n) for n in cls.MEMBERS} | {("c", n) for n in cls.CONSTANTS})
        assert len(documented & have) / len(documented) >= minimum, sorted(documented - have)


class TestContractDetails:
    def test_unknown_member_errors(self):
        with pytest.raises(ScriptRuntimeError, match="Invalid access to property or key 'q' on a base "
                           "object of type 'Rect2'."):
            Rect2()._get_member("q")
        with pytest.raises(ScriptRuntimeError, match="'Color'"):
            Color()._get_member("q")
        with pytest.raises(ScriptRuntimeError, match="'Basis'"):
            Basis()._get_member("origin")

    def test_derived_members(self):
        c = Color(1, 0, 0)._with_member("h", 1.0 / 3.0)
        assert c.is_equal_approx(Color(0, 1, 0))
        assert s4(Transform2D()._with_index(2, Vector2(5, 6))) == "[X: (1.0, 0.0), Y: (0.0, 1.0), O: (5.0, 6.0)]"
        assert s4(Plane(1, 0, 0, 3)._with_member("y", 2)) == "[N: (1.0, 2.0, 0.0), D: 3]"
        assert s4(Transform3D()._with_member("origin", Vector3(1, 2, 3)).origin) == "(1.0, 2.0, 3.0)"

    def test_conversion_constructors(self):
        assert s4(Rect2(Rect2i(1, 2, 3, 4))) == "[P: (1.0, 2.0), S: (3.0, 4.0)]"
        assert s4(Rect2i(Rect2(1.9, 2.1, 3.5, 4.5))) == "[P: (1, 2), S: (3, 4)]"
        t = Transform3D(Transform2D(0.5, Vector2(1, 2)))
        assert s4(t.origin) == "(1.0, 2.0, 0.0)"
        assert Transform2D(t).is_equal_approx(Transform2D(0.5, Vector2(1, 2)))
        assert s4(Plane(Vector3(0, 1, 0), Vector3(5, 3, 1))) == "[N: (0.0, 1.0, 0.0), D: 3]"
        assert s4(Quaternion(Basis())) == "(0, 0, 0, 1)"
        assert s4(Transform2D(0.0, Vector2(2, 3), 0.0, Vector2())) == \
            "[X: (2.0, 0.0), Y: (0.0, 3.0), O: (0.0, 0.0)]"

    def test_value_semantics_of_nested_members(self):
        t = Transform3D()
        basis = t.basis._with_member("x", Vector3(2, 0, 0))
        t2 = t._with_member("basis", basis)
        assert s4(t.basis.x) == "(1.0, 0.0, 0.0)" and s4(t2.basis.x) == "(2.0, 0.0, 0.0)"

    def test_godot3_vector2_slerp_needs_normalized(self, engine_errors):
        assert s3(Vector2.METHODS_3["slerp"](Vector2(2, 0), Vector2(0, 4), 0.5)) == "(0, 0)"
        assert engine_errors == ["The start Vector2 must be normalized."]

    def test_method_table_reports_bad_arguments(self):
        with pytest.raises(ScriptRuntimeError, match="'dot' in base 'Vector2'"):
            Vector2.METHODS["dot"](Vector2(), "x")

    def test_quaternion_operators(self):
        q = Quaternion(1, 2, 3, 4)
        assert s4(q + q) == "(2, 4, 6, 8)" and s4(-q) == "(-1, -2, -3, -4)"
        assert s4(q * 2) == "(2, 4, 6, 8)" and s4(q / 2) == "(0.5, 1, 1.5, 2)"
        assert s4(q * q.inverse()) == "(0, 0, 0, 30)"


class TestOkhsl:
    """Okhsl anchors from Oklab's published values (sRGB red: L 0.627955, hue 29.2339 deg)."""

    def test_red_in_okhsl(self):
        red = Color(1, 0, 0)
        assert red._get_member("ok_hsl_h") == pytest.approx(29.2339 / 360, abs=1e-4)
        assert red._get_member("ok_hsl_l") == pytest.approx(0.568085, abs=1e-4)
        assert red._get_member("ok_hsl_s") == pytest.approx(1.0, abs=1e-3)

    def test_black_white_and_grey_have_no_hue_saturation(self):
        assert Color(0, 0, 0)._get_member("ok_hsl_l") == 0.0
        assert Color(1, 1, 1)._get_member("ok_hsl_l") == pytest.approx(1.0, abs=1e-6)
        assert Color(0.5, 0.5, 0.5)._get_member("ok_hsl_s") == pytest.approx(0.0, abs=1e-4)
        assert s4(Color.from_ok_hsl(0.3, 1.0, 1.0)) == "(1.0, 1.0, 1.0, 1.0)"
        assert s4(Color.from_ok_hsl(0.3, 1.0, 0.0, 0.5)) == "(0.0, 0.0, 0.0, 0.5)"

    @pytest.mark.parametrize("hsl", [(0.58, 0.5, 0.79), (0.1, 0.9, 0.3), (0.9, 0.2, 0.6)])
    def test_round_trip(self, hsl):
        color = Color.from_ok_hsl(*hsl, 0.8)
        back = tuple(color._get_member(n) for n in ("ok_hsl_h", "ok_hsl_s", "ok_hsl_l"))
        assert back == pytest.approx(hsl, abs=2e-4)
        assert color.a == pytest.approx(0.8)

    def test_results_are_clamped_and_member_assignment_copies(self):
        vivid = Color.from_ok_hsl(0.0, 2.0, 0.5, 3.0)
        assert all(0.0 <= c <= 1.0 for c in vivid._fields())
        base = Color(0.2, 0.6, 0.9)
        darker = base._with_member("ok_hsl_l", 0.3)
        assert darker._get_member("ok_hsl_l") == pytest.approx(0.3, abs=1e-4)
        assert darker._get_member("ok_hsl_h") == pytest.approx(base._get_member("ok_hsl_h"),
                                                              abs=1e-3)
        assert s4(base) == "(0.2, 0.6, 0.9, 1.0)"

    def test_godot3_color_has_no_okhsl(self):
        assert "ok_hsl_h" not in Color3.MEMBERS and "ok_hsl_h" in Color.MEMBERS
        assert "from_ok_hsl" not in Color3.STATIC_METHODS_3


class TestQuaternionCubic:
    AXIS = Vector3(0, 1, 0)

    def q(self, angle):
        return Quaternion(self.AXIS, angle)

    def test_evenly_spaced_rotations_interpolate_linearly(self):
        pre, a, b, post = self.q(-1.0), self.q(0.0), self.q(1.0), self.q(2.0)
        mid = a.spherical_cubic_interpolate(b, pre, post, 0.5)
        assert mid.is_equal_approx(self.q(0.5))
        assert a.spherical_cubic_interpolate(b, pre, post, 0.0).is_equal_approx(a)
        assert a.spherical_cubic_interpolate(b, pre, post, 1.0).is_equal_approx(b)

    def test_in_time_with_uniform_times_matches(self):
        pre, a, b, post = self.q(-1.0), self.q(0.0), self.q(1.0), self.q(2.0)
        timed = a.spherical_cubic_interpolate_in_time(b, pre, post, 0.25, 1.0, -1.0, 2.0)
        assert timed.is_equal_approx(self.q(0.25))

    def test_unnormalized_start_is_an_error(self, engine_errors):
        result = Quaternion(1, 1, 1, 1).spherical_cubic_interpolate(
            self.q(1.0), self.q(0.0), self.q(2.0), 0.5)
        assert s4(result) == "(0, 0, 0, 1)"
        assert engine_errors == ["The start quaternion (1, 1, 1, 1) must be normalized."]


class TestProjectionHmd:
    def test_mono_perspective_is_plain_perspective(self):
        mono = Projection.create_perspective_hmd(90.0, 1.0, 0.1, 100.0, False, 0, 0.064, 10.0)
        assert mono == Projection.create_perspective(90.0, 1.0, 0.1, 100.0)

    def test_left_eye_is_shifted(self):
        # ymax 0.1, xmax 0.15, frustum shift 0.00032, eye translation 0.032.
        left = Projection.create_perspective_hmd(90.0, 1.5, 0.1, 100.0, False, 1, 0.064, 10.0)
        assert left.x.x == pytest.approx(0.2 / 0.3, rel=1e-6)
        assert left.z.x == pytest.approx(0.00064 / 0.3, rel=1e-4)
        assert left.w.x == pytest.approx(0.2 / 0.3 * 0.032, rel=1e-5)

    def test_for_hmd_right_eye_and_mono(self):
        # f1 0.8 + 0.4375, f2 0.95 + 0.4375, f3 0.875 * 1.5 -> frustum width 0.2625.
        right = Projection.create_for_hmd(2, 1.0, 0.064, 0.14, 0.04, 1.5, 0.1, 100.0)
        assert right.x.x == pytest.approx(0.2 / 0.2625, rel=1e-5)
        assert right.y.y == pytest.approx(0.2 / 0.2625, rel=1e-5)
        assert right.z.x == pytest.approx(0.015 / 0.2625, rel=1e-4)
        assert Projection.create_for_hmd(0, 1.0, 0.064, 0.14, 0.04, 1.5, 0.1, 100.0) == \
            Projection()


class TestTransformPackedArrays:
    def test_transform2d_times_packed_vector2_array(self):
        from gdscript.stdlib.packed import PackedVector2Array
        t = Transform2D(0.5, Vector2(3, 4))
        points = PackedVector2Array([Vector2(1, 2), Vector2(-1, 0)])
        moved = t * points
        assert type(moved) is PackedVector2Array
        assert [s4(p) for p in moved] == [s4(t * Vector2(1, 2)), s4(t * Vector2(-1, 0))]
        back = points * t
        assert back[0].is_equal_approx(t.affine_inverse() * Vector2(1, 2))
        assert t * PackedVector2Array() == PackedVector2Array()

    def test_transform3d_times_packed_vector3_array(self):
        from gdscript.stdlib.packed import PackedVector2Array, PackedVector3Array
        t = Transform3D(Basis(Vector3(0, 1, 0), 0.5), Vector3(1, 2, 3))
        points = PackedVector3Array([Vector3(1, 2, 3)])
        assert s4((t * points)[0]) == s4(t * Vector3(1, 2, 3))
        assert (points * t)[0].is_equal_approx(Vector3(1, 2, 3) * t)
        with pytest.raises(TypeError):
            t * PackedVector2Array([Vector2()])


class TestAABBGodot3:
    """Recorded from Godot 3.2.3: get_support's corner is inverted, intersects_segment is a bool."""

    def test_get_support_and_segment(self):
        box = AABB(Vector3(0, 0, 0), Vector3(2, 2, 2))
        support = AABB.METHODS_3["get_support"](box, Vector3(1, -1, 0))
        assert s3(support) == "(0, 2, 2)"
        assert s4(box.get_support(Vector3(1, -1, 0))) == "(2.0, 0.0, 0.0)"   # 4.x
        segment = AABB.METHODS_3["intersects_segment"]
        assert segment(box, Vector3(-1, 1, 1), Vector3(3, 1, 1)) is True
        assert segment(box, Vector3(-1, 5, 1), Vector3(3, 5, 1)) is False
        assert s4(box.intersects_segment(Vector3(-1, 1, 1), Vector3(3, 1, 1))) == "(0.0, 1.0, 1.0)"
