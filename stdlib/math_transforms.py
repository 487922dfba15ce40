"""Basis, Quaternion and Transform3D (3.x: Quat, Transform) as
immutable values (contract: math_common).

Basis keeps Godot's row storage (``_rows``: three row Vector3); its script
members ``x``/``y``/``z`` and ``basis[i]`` are the columns, as in Godot.
Maths follows core/math/basis.cpp, quaternion.cpp and transform_3d.cpp.
``Vector3 * Transform3D`` is the inverse transform, as Godot's operator table says.
"""

from __future__ import annotations

import math

from gdscript.errors import engine_error

from .math_bounds import AABB, Plane
from .math_common import (
    CMP_EPSILON, UNIT_EPSILON, MathValue, cubic_interpolate, cubic_interpolate_in_time, bad_access, bad_assign, dot32, f32, is_equal_approx, is_zero_approx,
    method_table, no_constructor, num3, num_real4, oob_get, oob_set,
)
from .math_transform2d import Transform2D, _column_index, _is_num, _sgn
from .math_vectors import Vector3, _fdiv, axis_angle_rows


# * Basis -------------------------------------------------------------------------

def _rows_mul(a, b):
    return [[dot32(a[i], [b[k][j] for k in range(3)]) for j in range(3)] for i in range(3)]


class Basis(MathValue):
    __slots__ = ("_rows",)
    GODOT_NAME = "Basis"
    _FIELDS = ("_rows",)
    MEMBERS = ("x", "y", "z")

    def __new__(cls, *args):
        kinds = tuple("v" if type(a) is Vector3 else ("n" if _is_num(a) else "?") for a in args)
        if not args:
            return cls._from_rows([[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        if len(args) == 1 and isinstance(args[0], Basis):
            return cls._make(args[0]._rows)
        if len(args) == 1 and isinstance(args[0], Quaternion):
            return cls._from_quaternion(args[0])
        if kinds == ("v", "n"):
            return cls._from_rows(axis_angle_rows(args[0], args[1]))
        if kinds == ("v", "v", "v"):
            return cls._from_columns(*args)
        if kinds == ("v",) and cls is Basis3:
            return cls.from_euler(args[0])
        raise no_constructor(cls.GODOT_NAME, args)

    @classmethod
    def _from_rows(cls, rows):
        return cls._make(tuple(Vector3._of(row) for row in rows))

    @classmethod
    def _from_columns(cls, x, y, z):
        return cls._from_rows([[x.x, y.x, z.x], [x.y, y.y, z.y], [x.z, y.z, z.z]])

    @classmethod
    def _from_quaternion(cls, q):
        d = q.length_squared()
        s = 2.0 / d
        xs, ys, zs = q.x * s, q.y * s, q.z * s
        wx, wy, wz = q.w * xs, q.w * ys, q.w * zs
        xx, xy, xz = q.x * xs, q.x * ys, q.x * zs
        yy, yz, zz = q.y * ys, q.y * zs, q.z * zs
        return cls._from_rows([[1.0 - (yy + zz), xy - wz, xz + wy],
                               [xy + wz, 1.0 - (xx + zz), yz - wx],
                               [xz - wy, yz + wx, 1.0 - (xx + yy)]])

    def _m(self):
        return [list(row._fields()) for row in self._rows]

    def _column(self, i):
        return Vector3._of([row._fields()[i] for row in self._rows])

    @property
    def x(self):
        return self._column(0)

    @property
    def y(self):
        return self._column(1)

    @property
    def z(self):
        return self._column(2)

    def _get_member(self, name):
        if name not in self.MEMBERS:
            raise bad_access(name, self.GODOT_NAME)
        return self._column(self.MEMBERS.index(name))

    def _with_member(self, name, value):
        if name not in self.MEMBERS or type(value) is not Vector3:
            raise bad_assign(name, value, self.GODOT_NAME)
        cols = [value if n == name else self._get_member(n) for n in self.MEMBERS]
        return self._from_columns(*cols)

    def _get_index(self, i):
        return self._get_member(_column_index(self, i))

    def _with_index(self, i, value):
        return self._with_member(_column_index(self, i, True), value)

    def _gd_str(self, dialect):
        if dialect == 3:
            return "(" + ", ".join(r._gd_str(3) for r in self._rows) + ")"
        return f"[X: {self.x._gd_str(4)}, Y: {self.y._gd_str(4)}, Z: {self.z._gd_str(4)}]"

    def _gd_str_flat3(self):
        return ", ".join(num3(c) for row in self._rows for c in row._fields())

    # * operators ----------------------------------------------------------------------

    def xform(self, v):
        return Vector3._make(*[dot32(row._fields(), v._fields()) for row in self._rows])

    def xform_inv(self, v):
        return Vector3._of([self.tdotx(v), self.tdoty(v), self.tdotz(v)])

    def __mul__(self, other):
        if isinstance(other, Basis):
            return self._from_rows(_rows_mul(self._m(), other._m()))
        if type(other) is Vector3:
            return self.xform(other)
        if _is_num(other):
            return self._from_rows([[c * other for c in row] for row in self._m()])
        return NotImplemented

    def __rmul__(self, other):
        if type(other) is Vector3:
            return self.xform_inv(other)
        if _is_num(other):
            return self * other
        return NotImplemented

    def __truediv__(self, other):
        if _is_num(other):
            return self._from_rows([[c / other for c in row] for row in self._m()])
        return NotImplemented

    # * Godot methods ------------------------------------------------------------------

    def tdotx(self, v):
        m = self._m()
        return f32(m[0][0] * v.x + m[1][0] * v.y + m[2][0] * v.z)

    def tdoty(self, v):
        m = self._m()
        return f32(m[0][1] * v.x + m[1][1] * v.y + m[2][1] * v.z)

    def tdotz(self, v):
        m = self._m()
        return f32(m[0][2] * v.x + m[1][2] * v.y + m[2][2] * v.z)

    def determinant(self):
        m = self._m()
        return f32(m[0][0] * (m[1][1] * m[2][2] - m[2][1] * m[1][2])
                   - m[1][0] * (m[0][1] * m[2][2] - m[2][1] * m[0][2])
                   + m[2][0] * (m[0][1] * m[1][2] - m[1][1] * m[0][2]))

    def inverse(self):
        m = self._m()

        def cofac(r1, c1, r2, c2):
            return f32(f32(m[r1][c1] * m[r2][c2]) - f32(m[r1][c2] * m[r2][c1]))

        co = [cofac(1, 1, 2, 2), cofac(1, 2, 2, 0), cofac(1, 0, 2, 1)]
        det = dot32(m[0], co)
        if det == 0:
            engine_error('Condition "det == 0" is true.')
            return self
        s = f32(1.0 / det)
        return self._from_rows([
            [co[0] * s, cofac(0, 2, 2, 1) * s, cofac(0, 1, 1, 2) * s],
            [co[1] * s, cofac(0, 0, 2, 2) * s, cofac(0, 2, 1, 0) * s],
            [co[2] * s, cofac(0, 1, 2, 0) * s, cofac(0, 0, 1, 1) * s]])

    def transposed(self):
        return self._from_columns(*self._rows)

    def orthonormalized(self):
        x = self.x.normalized()
        y = (self.y - x * x.dot(self.y)).normalized()
        z = (self.z - x * x.dot(self.z) - y * y.dot(self.z)).normalized()
        return self._from_columns(x, y, z)

    def get_scale(self):
        sign = _sgn(self.determinant())
        return Vector3(self.x.length(), self.y.length(), self.z.length()) * sign

    def scaled(self, scale):
        rows = self._rows
        return self._make((rows[0] * scale.x, rows[1] * scale.y, rows[2] * scale.z))

    def scaled_local(self, scale):
        return self * Basis.from_scale(scale)

    def rotated(self, axis, angle):
        return type(self)(axis, angle) * self

    def is_conformal(self):
        x, y, z = self.x, self.y, self.z
        x_len = x.length_squared()
        return (is_equal_approx(x_len, y.length_squared()) and is_equal_approx(x_len, z.length_squared())
                and is_zero_approx(x.dot(y)) and is_zero_approx(x.dot(z)) and is_zero_approx(y.dot(z)))

    def is_equal_approx(self, other):
        return all(a.is_equal_approx(b) for a, b in zip(self._rows, other._rows))

    def is_finite(self):
        return all(r.is_finite() for r in self._rows)

    def _get_quaternion(self):
        m = self._m()
        trace = m[0][0] + m[1][1] + m[2][2]
        temp = [0.0] * 4
        if trace > 0:
            s = math.sqrt(trace + 1.0)
            temp[3] = s * 0.5
            s = 0.5 / s
            temp[0] = (m[2][1] - m[1][2]) * s
            temp[1] = (m[0][2] - m[2][0]) * s
            temp[2] = (m[1][0] - m[0][1]) * s
        else:
            if m[0][0] < m[1][1]:
                i = 2 if m[1][1] < m[2][2] else 1
            else:
                i = 2 if m[0][0] < m[2][2] else 0
            j, k = (i + 1) % 3, (i + 2) % 3
            s = math.sqrt(m[i][i] - m[j][j] - m[k][k] + 1.0)
            temp[i] = s * 0.5
            s = 0.5 / s
            temp[3] = (m[k][j] - m[j][k]) * s
            temp[j] = (m[j][i] + m[i][j]) * s
            temp[k] = (m[k][i] + m[i][k]) * s
        return _quat_class(self)(*temp)

    def get_rotation_quaternion(self):
        m = self.orthonormalized()
        if m.determinant() < 0:
            m = m.scaled(Vector3(-1, -1, -1))
        return m._get_quaternion()

    def get_euler(self, order=2):
        return Vector3._of(_EULER_GETTERS[order](self._m()))

    @classmethod
    def from_euler(cls, euler, order=2):
        c, s = math.cos(euler.x), math.sin(euler.x)
        xmat = [[1, 0, 0], [0, c, -s], [0, s, c]]
        c, s = math.cos(euler.y), math.sin(euler.y)
        ymat = [[c, 0, s], [0, 1, 0], [-s, 0, c]]
        c, s = math.cos(euler.z), math.sin(euler.z)
        zmat = [[c, -s, 0], [s, c, 0], [0, 0, 1]]
        a, b, d = {0: (xmat, ymat, zmat), 1: (xmat, zmat, ymat), 2: (ymat, xmat, zmat),
                   3: (ymat, zmat, xmat), 4: (zmat, xmat, ymat), 5: (zmat, ymat, xmat)}[order]
        return cls._from_rows(_rows_mul(a, _rows_mul(b, d)))

    @classmethod
    def from_scale(cls, scale):
        return cls._from_rows([[scale.x, 0, 0], [0, scale.y, 0], [0, 0, scale.z]])

    @classmethod
    def looking_at(cls, target, up=None, use_model_front=False):
        up = up if up is not None else Vector3(0, 1, 0)
        if target.is_zero_approx():
            engine_error("The target vector can't be zero.")
            return cls()
        if up.is_zero_approx():
            engine_error("The up vector can't be zero.")
            return cls()
        v_z = target.normalized()
        if not use_model_front:
            v_z = -v_z
        v_x = up.cross(v_z)
        if v_x.is_zero_approx():
            engine_error("The target vector and up vector can't be parallel to each other.")
            return cls()
        v_x = v_x.normalized()
        return cls._from_columns(v_x, v_z.cross(v_x), v_z)

    def slerp(self, to, weight):
        q = self._get_quaternion().slerp(to._get_quaternion(), weight)
        b = type(self)(q)
        rows = [r * lerp_len for r, lerp_len in zip(b._rows, [
            a.length() + (c.length() - a.length()) * weight for a, c in zip(self._rows, to._rows)])]
        return self._make(tuple(rows))

    def _get_orthogonal_index(self):
        orth = self._m()
        for i in range(3):
            for j in range(3):
                v = orth[i][j]
                orth[i][j] = 1.0 if v > 0.5 else (-1.0 if v < -0.5 else 0.0)
        for index, rows in enumerate(_ORTHO_BASES):
            if rows == orth:
                return index
        return 0


def _euler_xyz(m):
    sy = m[0][2]
    if sy < 1.0 - CMP_EPSILON:
        if sy > -(1.0 - CMP_EPSILON):
            if m[1][0] == 0 and m[0][1] == 0 and m[1][2] == 0 and m[2][1] == 0 and m[1][1] == 1:
                return 0.0, math.atan2(m[0][2], m[0][0]), 0.0
            return (math.atan2(-m[1][2], m[2][2]), math.asin(sy), math.atan2(-m[0][1], m[0][0]))
        return math.atan2(m[2][1], m[1][1]), -math.pi / 2, 0.0
    return math.atan2(m[2][1], m[1][1]), math.pi / 2, 0.0


def _euler_xzy(m):
    sz = m[0][1]
    if sz < 1.0 - CMP_EPSILON:
        if sz > -(1.0 - CMP_EPSILON):
            return (math.atan2(m[2][1], m[1][1]), math.atan2(m[0][2], m[0][0]), math.asin(-sz))
        return -math.atan2(m[1][2], m[2][2]), 0.0, math.pi / 2
    return -math.atan2(m[1][2], m[2][2]), 0.0, -math.pi / 2


def _euler_yxz(m):
    m12 = m[1][2]
    if m12 < 1 - CMP_EPSILON:
        if m12 > -(1 - CMP_EPSILON):
            if m[1][0] == 0 and m[0][1] == 0 and m[0][2] == 0 and m[2][0] == 0 and m[0][0] == 1:
                return math.atan2(-m12, m[1][1]), 0.0, 0.0
            return (math.asin(-m12), math.atan2(m[0][2], m[2][2]), math.atan2(m[1][0], m[1][1]))
        return math.pi * 0.5, math.atan2(m[0][1], m[0][0]), 0.0
    return -math.pi * 0.5, -math.atan2(m[0][1], m[0][0]), 0.0


def _euler_yzx(m):
    sz = m[1][0]
    if sz < 1.0 - CMP_EPSILON:
        if sz > -(1.0 - CMP_EPSILON):
            return (math.atan2(-m[1][2], m[1][1]), math.atan2(-m[2][0], m[0][0]), math.asin(sz))
        return math.atan2(m[2][1], m[2][2]), 0.0, -math.pi / 2
    return math.atan2(m[2][1], m[2][2]), 0.0, math.pi / 2


def _euler_zxy(m):
    sx = m[2][1]
    if sx < 1.0 - CMP_EPSILON:
        if sx > -(1.0 - CMP_EPSILON):
            return (math.asin(sx), math.atan2(-m[2][0], m[2][2]), math.atan2(-m[0][1], m[1][1]))
        return -math.pi / 2, math.atan2(m[0][2], m[0][0]), 0.0
    return math.pi / 2, math.atan2(m[0][2], m[0][0]), 0.0


def _euler_zyx(m):
    sy = m[2][0]
    if sy < 1.0 - CMP_EPSILON:
        if sy > -(1.0 - CMP_EPSILON):
            return (math.atan2(m[2][1], m[2][2]), math.asin(-sy), math.atan2(m[1][0], m[0][0]))
        return 0.0, math.pi / 2, -math.atan2(m[0][1], m[1][1])
    return 0.0, -math.pi / 2, -math.atan2(m[0][1], m[1][1])


_EULER_GETTERS = (_euler_xyz, _euler_xzy, _euler_yxz, _euler_yzx, _euler_zxy, _euler_zyx)


def _ortho_bases():
    # The 24 axis-aligned rotations in the order of Godot's _ortho_bases table.
    bases = []
    for euler in [(0, 0, 0), (0, 0, 1), (0, 0, 2), (0, 0, 3), (2, 0, 0), (2, 0, 1), (2, 0, 2),
                  (2, 0, 3), (1, 0, 0), (1, 0, 1), (1, 0, 2), (1, 0, 3), (3, 0, 0), (3, 0, 1),
                  (3, 0, 2), (3, 0, 3), (0, 1, 0), (1, 1, 0), (2, 1, 0), (3, 1, 0), (0, 3, 0),
                  (1, 3, 0), (2, 3, 0), (3, 3, 0)]:
        b = Basis.from_euler(Vector3(*[k * math.pi / 2 for k in euler]), 0)
        bases.append([[round(c) + 0.0 for c in row._fields()] for row in b._rows])
    return bases


# * Quaternion --------------------------------------------------------------------

class Quaternion(MathValue):
    __slots__ = ("x", "y", "z", "w")
    GODOT_NAME = "Quaternion"
    _FIELDS = ("x", "y", "z", "w")
    MEMBERS = ("x", "y", "z", "w")

    def __new__(cls, *args):
        kinds = tuple("v" if type(a) is Vector3 else ("n" if _is_num(a) else "?") for a in args)
        if not args:
            return cls._make(0.0, 0.0, 0.0, 1.0)
        if len(args) == 1 and isinstance(args[0], Quaternion):
            return cls._make(*args[0]._fields())
        if len(args) == 1 and isinstance(args[0], Basis):
            return cls._make(*args[0]._get_quaternion()._fields())
        if kinds == ("v", "n"):
            return cls._axis_angle(*args)
        if kinds == ("v", "v"):
            return cls._arc(*args)
        if kinds == ("v",) and cls is Quat:
            return cls._make(*Basis3.from_euler(args[0])._get_quaternion()._fields())
        if kinds == ("n",) * 4:
            return cls._make(*[f32(float(a)) for a in args])
        raise no_constructor(cls.GODOT_NAME, args)

    @classmethod
    def _of(cls, comps):
        return cls._make(*[f32(float(c)) for c in comps])

    @classmethod
    def _axis_angle(cls, axis, angle):
        d = axis.length()
        if d == 0:
            return cls._make(0.0, 0.0, 0.0, 0.0)
        half = f32(angle) * 0.5
        s = math.sin(half) / d
        return cls._of((axis.x * s, axis.y * s, axis.z * s, math.cos(half)))

    @classmethod
    def _arc(cls, v0, v1):
        c = v0.cross(v1)
        d = v0.dot(v1)
        if d < -1.0 + CMP_EPSILON:
            return cls._make(0.0, 1.0, 0.0, 0.0)
        s = math.sqrt((1.0 + d) * 2.0)
        return cls._of((c.x / s, c.y / s, c.z / s, s * 0.5))

    def _with_member(self, name, value):
        if name not in self._FIELDS or not isinstance(value, (int, float)):
            raise bad_assign(name, value, self.GODOT_NAME)
        return self._of([value if f == name else getattr(self, f) for f in self._FIELDS])

    def _get_index(self, i):
        return getattr(self, _column_index(self, i))

    def _with_index(self, i, value):
        return self._with_member(_column_index(self, i, True), value)

    def _gd_str(self, dialect):
        fmt = num3 if dialect == 3 else (lambda c: num_real4(c, False))
        return "(" + ", ".join(fmt(c) for c in self._fields()) + ")"

    # * operators -----------------------------------------------------------------------

    def __add__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._of([a + b for a, b in zip(self._fields(), other._fields())])

    def __sub__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._of([a - b for a, b in zip(self._fields(), other._fields())])

    def __neg__(self):
        return self._of([-c for c in self._fields()])

    def __pos__(self):
        return self

    def __mul__(self, q):
        if type(q) is type(self):
            x, y, z, w = self._fields()
            return self._of((w * q.x + x * q.w + y * q.z - z * q.y,
                             w * q.y + y * q.w + z * q.x - x * q.z,
                             w * q.z + z * q.w + x * q.y - y * q.x,
                             w * q.w - x * q.x - y * q.y - z * q.z))
        if type(q) is Vector3:
            return self.xform(q)
        if _is_num(q):
            return self._of([c * q for c in self._fields()])
        return NotImplemented

    def __rmul__(self, other):
        if type(other) is Vector3:
            return self.inverse().xform(other)
        if _is_num(other):
            return self * other
        return NotImplemented

    def __truediv__(self, other):
        if _is_num(other):
            return self._of([_fdiv(c, other) for c in self._fields()])
        return NotImplemented

    # * Godot methods ------------------------------------------------------------------

    def xform(self, v):
        u = Vector3(self.x, self.y, self.z)
        uv = u.cross(v)
        return v + (uv * self.w + u.cross(uv)) * 2.0

    def dot(self, q):
        return f32(sum(a * b for a, b in zip(self._fields(), q._fields())))

    def length_squared(self):
        return self.dot(self)

    def length(self):
        return f32(math.sqrt(self.length_squared()))

    def normalized(self):
        length = self.length()
        return self._of([_fdiv(c, length) for c in self._fields()])

    def is_normalized(self):
        return abs(self.length_squared() - 1.0) < UNIT_EPSILON

    def inverse(self):
        return self._of((-self.x, -self.y, -self.z, self.w))

    def is_equal_approx(self, other):
        return all(is_equal_approx(a, b) for a, b in zip(self._fields(), other._fields()))

    def is_finite(self):
        return all(math.isfinite(c) for c in self._fields())

    def angle_to(self, to):
        d = self.dot(to)
        return f32(math.acos(min(max(d * d * 2 - 1, -1.0), 1.0)))

    def get_angle(self):
        return f32(2 * math.acos(min(max(self.w, -1.0), 1.0)))

    def get_axis(self):
        if abs(self.w) > 1 - CMP_EPSILON:
            return Vector3(self.x, self.y, self.z)
        r = 1.0 / math.sqrt(1 - self.w * self.w)
        return Vector3(self.x * r, self.y * r, self.z * r)

    def get_euler(self, order=2):
        return Basis(self).get_euler(order)

    def log(self):
        v = self.get_axis() * self.get_angle()
        return self._of((v.x, v.y, v.z, 0.0))

    def exp(self):
        v = Vector3(self.x, self.y, self.z)
        theta = v.length()
        v = v.normalized()
        if theta < CMP_EPSILON or not v.is_normalized():
            return self._make(0.0, 0.0, 0.0, 1.0)
        return self._axis_angle(v, theta)

    def slerp(self, to, weight):
        cosom = self.dot(to)
        if cosom < 0:
            cosom, to = -cosom, -to
        if 1.0 - cosom > CMP_EPSILON:
            omega = math.acos(min(cosom, 1.0))
            sinom = math.sin(omega)
            scale0 = math.sin((1.0 - weight) * omega) / sinom
            scale1 = math.sin(weight * omega) / sinom
        else:
            scale0, scale1 = 1.0 - weight, weight
        return self._of([scale0 * a + scale1 * b for a, b in zip(self._fields(), to._fields())])

    def spherical_cubic_interpolate(self, b, pre_a, post_b, weight):
        return self._spherical_cubic(b, pre_a, post_b, lambda *c: cubic_interpolate(*c, weight),
                                     weight)

    def spherical_cubic_interpolate_in_time(self, b, pre_a, post_b, weight, b_t, pre_a_t,
                                            post_b_t):
        def curve(*c):
            return cubic_interpolate_in_time(*c, weight, b_t, pre_a_t, post_b_t)
        return self._spherical_cubic(b, pre_a, post_b, curve, weight)

    def _spherical_cubic(self, b, pre_a, post_b, curve, weight):
        """Cubic interpolation in the exponential map, done from both ends and blended."""
        for q, which in ((self, "start"), (b, "end")):
            if not q.is_normalized():
                engine_error(f"The {which} quaternion {q._gd_str(4)} must be normalized.")
                return Quaternion()
        from_q, pre_q, to_q, post_q = (Basis(q).get_rotation_quaternion()
                                       for q in (self, pre_a, b, post_b))
        pre_q = -pre_q if math.copysign(1.0, from_q.dot(pre_q)) < 0 else pre_q
        flip2 = math.copysign(1.0, from_q.dot(to_q)) < 0
        to_q = -to_q if flip2 else to_q
        to_post = to_q.dot(post_q)
        post_q = -post_q if (to_post <= 0 if flip2 else math.copysign(1.0, to_post) < 0) \
            else post_q

        def blend_from(origin, frm, to):
            inv = origin.inverse()
            logs = [(inv * q).log() if q is not origin else Quaternion._make(0.0, 0.0, 0.0, 0.0)
                    for q in (frm, to, pre_q, post_q)]
            ln = [curve(*(getattr(q, axis) for q in logs)) for axis in "xyz"]
            return origin * self._of((*ln, 0.0)).exp()
        q1 = blend_from(from_q, from_q, to_q)
        q2 = blend_from(to_q, from_q, to_q)
        return q1.slerp(q2, weight)

    def slerpni(self, to, weight):
        dot = self.dot(to)
        if abs(dot) > 0.9999:
            return self
        theta = math.acos(dot)
        sin_t = 1.0 / math.sin(theta)
        new_factor = math.sin(weight * theta) * sin_t
        inv_factor = math.sin((1.0 - weight) * theta) * sin_t
        return self._of([inv_factor * a + new_factor * b for a, b in zip(self._fields(), to._fields())])

    @classmethod
    def from_euler(cls, euler):
        ha1, ha2, ha3 = euler.y * 0.5, euler.x * 0.5, euler.z * 0.5
        c1, s1 = math.cos(ha1), math.sin(ha1)
        c2, s2 = math.cos(ha2), math.sin(ha2)
        c3, s3 = math.cos(ha3), math.sin(ha3)
        return cls._of((s1 * c2 * s3 + c1 * s2 * c3, s1 * c2 * c3 - c1 * s2 * s3,
                        -s1 * s2 * c3 + c1 * c2 * s3, s1 * s2 * s3 + c1 * c2 * c3))


# * Transform3D -------------------------------------------------------------------

class Transform3D(MathValue):
    __slots__ = ("basis", "origin")
    GODOT_NAME = "Transform3D"
    _FIELDS = ("basis", "origin")
    MEMBERS = ("basis", "origin")
    _BASIS: type = Basis

    def __new__(cls, *args):
        kinds = tuple("v" if type(a) is Vector3 else ("n" if _is_num(a) else "?") for a in args)
        basis_cls = cls._BASIS
        if not args:
            return cls._make(basis_cls(), Vector3())
        if len(args) == 1:
            return cls._from_one(args[0], args)
        if len(args) == 2 and isinstance(args[0], Basis) and type(args[1]) is Vector3:
            return cls._make(basis_cls(args[0]), args[1])
        if kinds == ("v",) * 4:
            return cls._make(basis_cls._from_columns(*args[:3]), args[3])
        if kinds == ("n",) * 12 and cls is Transform:
            rows = [args[0:3], args[3:6], args[6:9]]
            return cls._make(basis_cls._from_rows(rows), Vector3(*args[9:]))
        raise no_constructor(cls.GODOT_NAME, args)

    @classmethod
    def _from_one(cls, value, args):
        if isinstance(value, Transform3D):
            return cls._make(value.basis, value.origin)
        if isinstance(value, (Basis, Quaternion)):
            return cls._make(cls._BASIS(value), Vector3())
        if type(value) is Transform2D:
            rows = [[value.x.x, value.y.x, 0], [value.x.y, value.y.y, 0], [0, 0, 1]]
            return cls._make(cls._BASIS._from_rows(rows), Vector3(value.origin.x, value.origin.y, 0))
        if type(value).__name__ == "Projection":
            return value._to_transform3d()
        raise no_constructor(cls.GODOT_NAME, args)

    def _with_member(self, name, value):
        if name == "basis" and isinstance(value, Basis):
            return self._make(value, self.origin)
        if name == "origin" and type(value) is Vector3:
            return self._make(self.basis, value)
        raise bad_assign(name, value, self.GODOT_NAME)

    def _get_index(self, i):
        raise oob_get(i, self.GODOT_NAME)

    def _with_index(self, i, value):
        raise oob_set(i, self.GODOT_NAME)

    def _gd_str(self, dialect):
        if dialect == 3:
            return self.basis._gd_str_flat3() + " - " + ", ".join(num3(c) for c in self.origin)
        b = self.basis
        return (f"[X: {b.x._gd_str(4)}, Y: {b.y._gd_str(4)}, Z: {b.z._gd_str(4)}, "
                f"O: {self.origin._gd_str(4)}]")

    # * transforming ----------------------------------------------------------------------

    def xform(self, v):
        return self.basis.xform(v) + self.origin

    def xform_inv(self, v):
        return self.basis.xform_inv(v - self.origin)

    def _xform_aabb(self, box):
        lo, hi = box.position._fields(), box.end._fields()
        m = self.basis._m()
        tmin, tmax = list(self.origin._fields()), list(self.origin._fields())
        for i in range(3):
            for j in range(3):
                e, f = m[i][j] * lo[j], m[i][j] * hi[j]
                tmin[i] += min(e, f)
                tmax[i] += max(e, f)
        return AABB(Vector3._of(tmin), Vector3._of(tmax) - Vector3._of(tmin))

    def _xform_inv_aabb(self, box):
        points = [self.xform_inv(box.get_endpoint(i)) for i in range(8)]
        result = AABB(points[0], Vector3())
        for p in points[1:]:
            result = result.expand(p)
        return result

    def _xform_plane(self, plane):
        point = self.xform(plane.normal * plane.d)
        normal = self.basis.inverse().transposed().xform(plane.normal).normalized()
        return Plane(normal, normal.dot(point))

    def _xform_inv_plane(self, plane):
        point = self.affine_inverse().xform(plane.normal * plane.d)
        normal = self.basis.transposed().xform(plane.normal).normalized()
        return Plane(normal, normal.dot(point))

    def __mul__(self, other):
        if isinstance(other, Transform3D):
            return self._make(self.basis * other.basis, self.xform(other.origin))
        if type(other) is Vector3:
            return self.xform(other)
        if type(other) is AABB:
            return self._xform_aabb(other)
        if type(other) is Plane:
            return self._xform_plane(other)
        if _is_num(other):
            return self._make(self.basis * other, self.origin * other)
        return self._xform_packed(other, self.xform)

    def __rmul__(self, other):
        if type(other) is Vector3:
            return self.xform_inv(other)
        if type(other) is AABB:
            return self._xform_inv_aabb(other)
        if type(other) is Plane:
            return self._xform_inv_plane(other)
        if _is_num(other):
            return self * other
        return self._xform_packed(other, self.xform_inv)

    @staticmethod
    def _xform_packed(points, xform):
        """``Transform3D * PackedVector3Array`` (and the reverse, with ``xform_inv``)."""
        from .packed import PackedVector3Array
        if type(points) is not PackedVector3Array:
            return NotImplemented
        return PackedVector3Array([xform(p) for p in points])

    def __truediv__(self, other):
        if _is_num(other):
            return self._make(self.basis / other, self.origin / other)
        return NotImplemented

    # * Godot methods -----------------------------------------------------------------------

    def affine_inverse(self):
        basis = self.basis.inverse()
        return self._make(basis, basis.xform(-self.origin))

    def inverse(self):
        basis = self.basis.transposed()
        return self._make(basis, basis.xform(-self.origin))

    def is_equal_approx(self, other):
        return self.basis.is_equal_approx(other.basis) and self.origin.is_equal_approx(other.origin)

    def is_finite(self):
        return self.basis.is_finite() and self.origin.is_finite()

    def orthonormalized(self):
        return self._make(self.basis.orthonormalized(), self.origin)

    def rotated(self, axis, angle):
        rot = self._BASIS(axis, angle)
        return self._make(rot * self.basis, rot.xform(self.origin))

    def rotated_local(self, axis, angle):
        return self._make(self.basis * self._BASIS(axis, angle), self.origin)

    def scaled(self, scale):
        return self._make(self.basis.scaled(scale), self.origin * scale)

    def scaled_local(self, scale):
        return self._make(self.basis.scaled_local(scale), self.origin)

    def translated(self, offset):
        return self._make(self.basis, self.origin + offset)

    def translated_local(self, offset):
        return self._make(self.basis, self.origin + self.basis.xform(offset))

    def looking_at(self, target, up=None, use_model_front=False):
        basis = self._BASIS.looking_at(target - self.origin, up, use_model_front)
        return self._make(basis, self.origin)

    def interpolate_with(self, xform, weight):
        src_scale, dst_scale = self.basis.get_scale(), xform.basis.get_scale()
        src_rot = self.basis.get_rotation_quaternion()
        dst_rot = xform.basis.get_rotation_quaternion()
        rot = self._BASIS(src_rot.slerp(dst_rot, weight).normalized())
        basis = rot * Basis.from_scale(src_scale.lerp(dst_scale, weight))
        return self._make(basis, self.origin.lerp(xform.origin, weight))


# * Godot 3 names -------------------------------------------------------------------

class Basis3(Basis):
    """3.x Basis: also ``Basis(euler)``; its rotation type is Quat."""

    __slots__ = ()


class Quat(Quaternion):
    __slots__ = ()
    GODOT_NAME = "Quat"


class Transform(Transform3D):
    __slots__ = ()
    GODOT_NAME = "Transform"
    _BASIS = Basis3


def _quat_class(basis):
    return Quat if isinstance(basis, Basis3) else Quaternion


_ORTHO_BASES = _ortho_bases()

Basis.METHODS = method_table(
    Basis, "determinant get_euler get_rotation_quaternion get_scale inverse is_conformal "
    "is_equal_approx is_finite orthonormalized rotated scaled scaled_local slerp tdotx tdoty "
    "tdotz transposed")
Basis.STATIC_METHODS = {"from_euler": Basis.from_euler, "from_scale": Basis.from_scale,
                        "looking_at": Basis.looking_at}
Basis3.METHODS_3 = method_table(
    Basis3, "determinant get_euler get_scale inverse is_equal_approx orthonormalized rotated "
    "scaled slerp tdotx tdoty tdotz transposed xform xform_inv",
    {"get_rotation_quat": "get_rotation_quaternion", "get_orthogonal_index": "_get_orthogonal_index"})


def _flip_constants(basis_cls):
    return {"IDENTITY": basis_cls(),
            "FLIP_X": basis_cls._from_rows([[-1, 0, 0], [0, 1, 0], [0, 0, 1]]),
            "FLIP_Y": basis_cls._from_rows([[1, 0, 0], [0, -1, 0], [0, 0, 1]]),
            "FLIP_Z": basis_cls._from_rows([[1, 0, 0], [0, 1, 0], [0, 0, -1]])}


Basis.CONSTANTS = _flip_constants(Basis)
Basis3.CONSTANTS_3 = _flip_constants(Basis3)

Quaternion.METHODS = method_table(
    Quaternion, "angle_to dot exp get_angle get_axis get_euler inverse is_equal_approx is_finite "
    "is_normalized length length_squared log normalized slerp slerpni spherical_cubic_interpolate "
    "spherical_cubic_interpolate_in_time")
Quaternion.STATIC_METHODS = {"from_euler": Quaternion.from_euler}
Quaternion.CONSTANTS = {"IDENTITY": Quaternion()}
Quat.METHODS_3 = method_table(
    Quat, "angle_to dot get_euler inverse is_equal_approx is_normalized length length_squared "
    "normalized slerp slerpni xform")
Quat.CONSTANTS_3 = {"IDENTITY": Quat()}

Transform3D.METHODS = method_table(
    Transform3D, "affine_inverse interpolate_with inverse is_equal_approx is_finite looking_at "
    "orthonormalized rotated rotated_local scaled scaled_local translated translated_local")
Transform3D.CONSTANTS = {name: Transform3D(b, Vector3()) for name, b in Basis.CONSTANTS.items()}
Transform.METHODS_3 = method_table(
    Transform, "affine_inverse interpolate_with inverse is_equal_approx looking_at "
    "orthonormalized rotated scaled xform xform_inv", {"translated": "translated_local"})
Transform.CONSTANTS_3 = {name: Transform(b, Vector3()) for name, b in Basis3.CONSTANTS_3.items()}

GODOT_CLASSES_4 = {"Basis": Basis, "Quaternion": Quaternion,
                   "Transform3D": Transform3D}
GODOT_CLASSES_3 = {"Basis": Basis3, "Quat": Quat, "Transform": Transform}
