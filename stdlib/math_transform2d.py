"""Transform2D (both dialects) as an immutable value (contract: math_common).

Stores its three columns (``x``, ``y``, ``origin``), indexable as ``t[0..2]``.
Products are rounded to float32 after every operation (``dot32``) because
Godot computes them in single precision and 3.x prints 6 decimals of them.
Maths follows core/math/transform_2d.cpp; ``Vector2 * Transform2D`` is the
inverse transform, as Godot 4's operator table says.  3.x ``translated`` is
the local translation (4.x ``translated_local``).
"""

from __future__ import annotations

import math

from gdscript.errors import engine_error

from .math_bounds import Rect2
from .math_common import (
    MathValue, bad_assign, dot32, f32, is_equal_approx, method_table, no_constructor, oob_get,
    oob_set,
)
from .math_vectors import Vector2


def _is_num(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _sgn(value: float) -> float:
    return 1.0 if value > 0 else (-1.0 if value < 0 else 0.0)


def _lerp_angle(a: float, b: float, weight: float) -> float:
    difference = math.fmod(b - a, math.tau)
    distance = math.fmod(2.0 * difference, math.tau) - difference
    return a + distance * weight


def _column_index(obj, i, setting=False):
    if not isinstance(i, int) or not 0 <= i < len(obj.MEMBERS):
        raise (oob_set if setting else oob_get)(i, obj.GODOT_NAME)
    return obj.MEMBERS[i]


# * Transform2D -------------------------------------------------------------------

class Transform2D(MathValue):
    __slots__ = ("x", "y", "origin")
    GODOT_NAME = "Transform2D"
    _FIELDS = ("x", "y", "origin")
    MEMBERS = ("x", "y", "origin")

    def __new__(cls, *args):
        kinds = tuple("v" if type(a) is Vector2 else ("n" if _is_num(a) else "?") for a in args)
        if not args:
            return cls._make(Vector2(1, 0), Vector2(0, 1), Vector2())
        if len(args) == 1 and type(args[0]) is Transform2D:
            return args[0]
        if len(args) == 1 and type(args[0]).__name__ in ("Transform3D", "Transform"):
            rows, origin = args[0].basis._rows, args[0].origin
            return cls._make(Vector2(rows[0].x, rows[1].x), Vector2(rows[0].y, rows[1].y),
                             Vector2(origin.x, origin.y))
        if kinds == ("n", "v"):
            rot = f32(args[0])
            c, s = f32(math.cos(rot)), f32(math.sin(rot))
            return cls._make(Vector2(c, s), Vector2(-s, c), args[1])
        if kinds == ("n", "v", "n", "v"):
            rot, scale, skew, pos = args
            return cls._make(Vector2(math.cos(rot) * scale.x, math.sin(rot) * scale.x),
                             Vector2(-math.sin(rot + skew) * scale.y, math.cos(rot + skew) * scale.y),
                             pos)
        if kinds == ("v", "v", "v"):
            return cls._make(*args)
        if kinds == ("n",) * 6:
            xx, xy, yx, yy, ox, oy = args
            return cls._make(Vector2(xx, xy), Vector2(yx, yy), Vector2(ox, oy))
        raise no_constructor(cls.GODOT_NAME, args)

    def _with_member(self, name, value):
        if name not in self._FIELDS or type(value) is not Vector2:
            raise bad_assign(name, value, self.GODOT_NAME)
        return self._make(*[value if f == name else getattr(self, f) for f in self._FIELDS])

    def _get_index(self, i):
        return getattr(self, _column_index(self, i))

    def _with_index(self, i, value):
        return self._with_member(_column_index(self, i, True), value)

    def _gd_str(self, dialect):
        if dialect == 3:
            return "(" + ", ".join(c._gd_str(3) for c in (self.x, self.y, self.origin)) + ")"
        return f"[X: {self.x._gd_str(4)}, Y: {self.y._gd_str(4)}, O: {self.origin._gd_str(4)}]"

    # * transforming -----------------------------------------------------------------

    def basis_xform(self, v):
        return Vector2._make(dot32((self.x.x, self.y.x), (v.x, v.y)),
                             dot32((self.x.y, self.y.y), (v.x, v.y)))

    def basis_xform_inv(self, v):
        return Vector2._of((self.x.dot(v), self.y.dot(v)))

    def xform(self, v):
        return self.basis_xform(v) + self.origin

    def xform_inv(self, v):
        return self.basis_xform_inv(v - self.origin)

    def _xform_rect(self, rect):
        x, y = self.x * rect.size.x, self.y * rect.size.y
        pos = self.xform(rect.position)
        return Rect2(pos, Vector2()).expand(pos + x).expand(pos + y).expand(pos + x + y)

    def _xform_inv_rect(self, rect):
        p, s = rect.position, rect.size
        ends = [self.xform_inv(Vector2(p.x + dx, p.y + dy)) for dx, dy in
                ((0, 0), (0, s.y), (s.x, s.y), (s.x, 0))]
        result = Rect2(ends[0], Vector2())
        for end in ends[1:]:
            result = result.expand(end)
        return result

    def __mul__(self, other):
        if type(other) is Transform2D:
            return self._make(self.basis_xform(other.x), self.basis_xform(other.y),
                              self.xform(other.origin))
        if type(other) is Vector2:
            return self.xform(other)
        if type(other) is Rect2:
            return self._xform_rect(other)
        if _is_num(other):
            return self._make(self.x * other, self.y * other, self.origin * other)
        return self._xform_packed(other, self.xform)

    def __rmul__(self, other):
        if type(other) is Vector2:
            return self.xform_inv(other)
        if type(other) is Rect2:
            return self._xform_inv_rect(other)
        if _is_num(other):
            return self * other
        return self._xform_packed(other, self.xform_inv)

    @staticmethod
    def _xform_packed(points, xform):
        """``Transform2D * PackedVector2Array`` (and the reverse, with ``xform_inv``)."""
        from .packed import PackedVector2Array
        if type(points) is not PackedVector2Array:
            return NotImplemented
        return PackedVector2Array([xform(p) for p in points])

    def __truediv__(self, other):
        if _is_num(other):
            return self._make(self.x / other, self.y / other, self.origin / other)
        return NotImplemented

    # * Godot methods ------------------------------------------------------------------

    def determinant(self):
        return f32(f32(self.x.x * self.y.y) - f32(self.x.y * self.y.x))

    def affine_inverse(self):
        det = self.determinant()
        if det == 0:
            engine_error('Condition "det == 0" is true. Returning: Transform2D()')
            return Transform2D()
        idet = f32(1.0 / det)
        x = Vector2._of((self.y.y * idet, -self.x.y * idet))
        y = Vector2._of((-self.y.x * idet, self.x.x * idet))
        basis = self._make(x, y, Vector2())
        return self._make(x, y, basis.basis_xform(-self.origin))

    def inverse(self):
        x, y = Vector2(self.x.x, self.y.x), Vector2(self.x.y, self.y.y)
        return self._make(x, y, self._make(x, y, Vector2()).basis_xform(-self.origin))

    def get_origin(self):
        return self.origin

    def get_rotation(self):
        return f32(math.atan2(self.x.y, self.x.x))

    def get_scale(self):
        return Vector2(self.x.length(), _sgn(self.determinant()) * self.y.length())

    def get_skew(self):
        sign = _sgn(self.determinant())
        dot = self.x.normalized().dot(self.y.normalized() * sign)
        return f32(math.acos(min(max(dot, -1.0), 1.0)) - math.pi * 0.5)

    def is_conformal(self):
        a, b, c, d = self.x.x, self.x.y, self.y.x, self.y.y
        return ((is_equal_approx(a, d) and is_equal_approx(b, -c))
                or (is_equal_approx(a, -d) and is_equal_approx(b, c)))

    def is_equal_approx(self, other):
        return all(a.is_equal_approx(b) for a, b in zip(self._fields(), other._fields()))

    def is_finite(self):
        return all(c.is_finite() for c in self._fields())

    def orthonormalized(self):
        x = self.x.normalized()
        y = (self.y - x * x.dot(self.y)).normalized()
        return self._make(x, y, self.origin)

    def rotated(self, angle):
        return Transform2D(angle, Vector2()) * self

    def rotated_local(self, angle):
        return self * Transform2D(angle, Vector2())

    def scaled(self, scale):
        return self._make(self.x * scale, self.y * scale, self.origin * scale)

    def scaled_local(self, scale):
        return self._make(self.x * scale.x, self.y * scale.y, self.origin)

    def translated(self, offset):
        return self._make(self.x, self.y, self.origin + offset)

    def translated_local(self, offset):
        return self._make(self.x, self.y, self.origin + self.basis_xform(offset))

    def interpolate_with(self, xform, weight):
        return Transform2D(
            _lerp_angle(self.get_rotation(), xform.get_rotation(), weight),
            self.get_scale().lerp(xform.get_scale(), weight),
            _lerp_angle(self.get_skew(), xform.get_skew(), weight),
            self.origin.lerp(xform.origin, weight))

    def looking_at(self, target=None):
        target = target if target is not None else Vector2()
        local = self.affine_inverse().xform(target)
        angle = self.get_rotation() + (local * self.get_scale()).angle()
        return Transform2D(angle, self.origin)


_T2D_4 = ("affine_inverse basis_xform basis_xform_inv determinant get_origin get_rotation "
          "get_scale get_skew interpolate_with inverse is_conformal is_equal_approx is_finite "
          "looking_at orthonormalized rotated rotated_local scaled scaled_local translated "
          "translated_local")
Transform2D.METHODS = method_table(Transform2D, _T2D_4)
Transform2D.METHODS_3 = method_table(
    Transform2D, "affine_inverse basis_xform basis_xform_inv get_origin get_rotation get_scale "
    "interpolate_with inverse is_equal_approx orthonormalized rotated scaled xform xform_inv",
    {"translated": "translated_local"})
Transform2D.CONSTANTS = {"IDENTITY": Transform2D(), "FLIP_X": Transform2D(-1, 0, 0, 1, 0, 0),
                         "FLIP_Y": Transform2D(1, 0, 0, -1, 0, 0)}
Transform2D.CONSTANTS_3 = dict(Transform2D.CONSTANTS)

GODOT_CLASSES_4 = {"Transform2D": Transform2D}
GODOT_CLASSES_3 = {"Transform2D": Transform2D}
