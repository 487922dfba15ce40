"""Godot 4's Projection (4x4 matrix of four Vector4 columns), immutable.

Internally a flat column-major list ``m`` (``m[c * 4 + r]``) mirrors Godot's
``real_t *matrix = &columns[0][0]`` so the formulas of core/math/projection.cpp
carry over index for index.  Not in Godot 3.  ``create_for_hmd`` and
``create_perspective_hmd`` are not implemented.
"""

from __future__ import annotations

import math

from .math_bounds import Plane
from .math_common import (
    MathValue, bad_assign, f32, method_table, no_constructor, oob_get, oob_set,
)
from .math_transforms import Basis, Transform3D
from .math_vectors import Vector2, Vector3, Vector4, _fdiv


def _plane(a, b, c, d, flip=False):
    normal = Vector3(a, b, c)
    if flip:
        normal = -normal
    return Plane(normal, d).normalized()


class Projection(MathValue):
    __slots__ = ("x", "y", "z", "w")
    GODOT_NAME = "Projection"
    _FIELDS = ("x", "y", "z", "w")
    MEMBERS = ("x", "y", "z", "w")

    def __new__(cls, *args):
        if not args:
            return cls._from_flat([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
        if len(args) == 1 and type(args[0]) is Projection:
            return args[0]
        if len(args) == 1 and isinstance(args[0], Transform3D):
            rows, o = args[0].basis._m(), args[0].origin
            return cls._from_flat([rows[0][0], rows[1][0], rows[2][0], 0, rows[0][1], rows[1][1],
                                   rows[2][1], 0, rows[0][2], rows[1][2], rows[2][2], 0,
                                   o.x, o.y, o.z, 1])
        if len(args) == 4 and all(type(a) is Vector4 for a in args):
            return cls._make(*args)
        raise no_constructor(cls.GODOT_NAME, args)

    @classmethod
    def _from_flat(cls, m):
        return cls._make(*[Vector4._of(m[i * 4:i * 4 + 4]) for i in range(4)])

    def _flat(self):
        return [c for col in self._fields() for c in col._fields()]

    def _to_transform3d(self):
        m = self._flat()
        basis = Basis._from_rows([[m[0], m[4], m[8]], [m[1], m[5], m[9]], [m[2], m[6], m[10]]])
        return Transform3D(basis, Vector3(m[12], m[13], m[14]))

    def _with_member(self, name, value):
        if name not in self._FIELDS or type(value) is not Vector4:
            raise bad_assign(name, value, self.GODOT_NAME)
        return self._make(*[value if f == name else getattr(self, f) for f in self._FIELDS])

    def _get_index(self, i):
        if not isinstance(i, int) or not 0 <= i < 4:
            raise oob_get(i, self.GODOT_NAME)
        return getattr(self, self._FIELDS[i])

    def _with_index(self, i, value):
        if not isinstance(i, int) or not 0 <= i < 4:
            raise oob_set(i, self.GODOT_NAME)
        return self._with_member(self._FIELDS[i], value)

    def _gd_str(self, dialect):
        cols = [c._gd_str(4) for c in self._fields()]
        return f"[X: {cols[0]}, Y: {cols[1]}, Z: {cols[2]}, W: {cols[3]}]"

    # * operators ------------------------------------------------------------------------

    def __mul__(self, other):
        if type(other) is Projection:
            a, b = self._flat(), other._flat()
            return self._from_flat([sum(a[k * 4 + i] * b[j * 4 + k] for k in range(4))
                                    for j in range(4) for i in range(4)])
        if type(other) is Vector4:
            m, v = self._flat(), other._fields()
            return Vector4._of([sum(m[c * 4 + r] * v[c] for c in range(4)) for r in range(4)])
        return NotImplemented

    def __rmul__(self, other):
        if type(other) is Vector4:
            m, v = self._flat(), other._fields()
            return Vector4._of([sum(m[c * 4 + r] * v[r] for r in range(4)) for c in range(4)])
        return NotImplemented

    def _xform3(self, v):
        m = self._flat()
        ret = [m[0 + r] * v.x + m[4 + r] * v.y + m[8 + r] * v.z + m[12 + r] for r in range(3)]
        w = m[3] * v.x + m[7] * v.y + m[11] * v.z + m[15]
        return Vector3._of([c / w for c in ret])

    # * static constructors ---------------------------------------------------------------

    @staticmethod
    def get_fovy(fovx, aspect):
        return math.degrees(math.atan(aspect * math.tan(math.radians(fovx) * 0.5)) * 2.0)

    @classmethod
    def create_perspective(cls, fovy, aspect, z_near, z_far, flip_fov=False):
        if flip_fov:
            fovy = cls.get_fovy(fovy, 1.0 / aspect)
        radians = math.radians(fovy / 2.0)
        delta_z, sine = z_far - z_near, math.sin(radians)
        if delta_z == 0 or sine == 0 or aspect == 0:
            return cls()
        cot = math.cos(radians) / sine
        return cls._from_flat([cot / aspect, 0, 0, 0, 0, cot, 0, 0,
                               0, 0, -(z_far + z_near) / delta_z, -1,
                               0, 0, -2 * z_near * z_far / delta_z, 0])

    @classmethod
    def create_orthogonal(cls, left, right, bottom, top, z_near, z_far):
        return cls._from_flat([2.0 / (right - left), 0, 0, 0, 0, 2.0 / (top - bottom), 0, 0,
                               0, 0, -2.0 / (z_far - z_near), 0,
                               -((right + left) / (right - left)), -((top + bottom) / (top - bottom)),
                               -((z_far + z_near) / (z_far - z_near)), 1])

    @classmethod
    def create_orthogonal_aspect(cls, size, aspect, z_near, z_far, flip_fov=False):
        if not flip_fov:
            size *= aspect
        return cls.create_orthogonal(-size / 2, size / 2, -size / aspect / 2, size / aspect / 2,
                                     z_near, z_far)

    @classmethod
    def create_frustum(cls, left, right, bottom, top, z_near, z_far):
        x = 2 * z_near / (right - left)
        y = 2 * z_near / (top - bottom)
        a = (right + left) / (right - left)
        b = (top + bottom) / (top - bottom)
        c = -(z_far + z_near) / (z_far - z_near)
        d = -2 * z_far * z_near / (z_far - z_near)
        return cls._from_flat([x, 0, 0, 0, 0, y, 0, 0, a, b, c, -1, 0, 0, d, 0])

    @classmethod
    def create_frustum_aspect(cls, size, aspect, offset, z_near, z_far, flip_fov=False):
        if not flip_fov:
            size *= aspect
        return cls.create_frustum(-size / 2 + offset.x, size / 2 + offset.x,
                                  -size / aspect / 2 + offset.y, size / aspect / 2 + offset.y,
                                  z_near, z_far)

    @classmethod
    def create_perspective_hmd(cls, fovy, aspect, z_near, z_far, flip_fov, eye,
                               intraocular_dist, convergence_dist):
        """One eye's perspective (1 left, 2 right, else mono), shifted by half the eye distance."""
        if flip_fov:
            fovy = cls.get_fovy(fovy, 1.0 / aspect)
        ymax = z_near * math.tan(math.radians(fovy / 2.0))
        xmax = ymax * aspect
        shift = _fdiv((intraocular_dist / 2.0) * z_near, convergence_dist)
        left, right, move = {1: (-xmax + shift, xmax + shift, intraocular_dist / 2.0),
                             2: (-xmax - shift, xmax - shift, -intraocular_dist / 2.0)}.get(
            eye, (-xmax, xmax, 0.0))
        translation = cls._from_flat([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, move, 0, 0, 1])
        return cls.create_frustum(left, right, -ymax, ymax, z_near, z_far) * translation

    @classmethod
    def create_for_hmd(cls, eye, aspect, intraocular_dist, display_width, display_to_lens,
                       oversample, z_near, z_far):
        """One eye's frustum of a head-mounted display; the identity for a mono ``eye``."""
        f1 = _fdiv(intraocular_dist * 0.5, display_to_lens)
        f2 = _fdiv((display_width - intraocular_dist) * 0.5, display_to_lens)
        f3 = _fdiv(display_width / 4.0, display_to_lens)
        add = ((f1 + f2) * (oversample - 1.0)) / 2.0
        f1, f2 = f1 + add, f2 + add
        f3 = _fdiv(f3 * oversample, aspect)
        if eye not in (1, 2):
            return cls()
        near_left, near_right = (f2, f1) if eye == 1 else (f1, f2)
        return cls.create_frustum(-near_left * z_near, near_right * z_near, -f3 * z_near,
                                  f3 * z_near, z_near, z_far)

    @classmethod
    def create_depth_correction(cls, flip_y):
        return cls._from_flat([1, 0, 0, 0, 0, -1 if flip_y else 1, 0, 0,
                               0, 0, -0.5, 0, 0, 0, 0.5, 1])

    @classmethod
    def create_light_atlas_rect(cls, rect):
        return cls._from_flat([rect.size.x, 0, 0, 0, 0, rect.size.y, 0, 0, 0, 0, 1, 0,
                               rect.position.x, rect.position.y, 0, 1])

    @classmethod
    def create_fit_aabb(cls, aabb):
        lo, hi = aabb.position, aabb.end
        return cls._from_flat([2 / (hi.x - lo.x), 0, 0, 0, 0, 2 / (hi.y - lo.y), 0, 0,
                               0, 0, 2 / (hi.z - lo.z), 0,
                               -(hi.x + lo.x) / (hi.x - lo.x), -(hi.y + lo.y) / (hi.y - lo.y),
                               -(hi.z + lo.z) / (hi.z - lo.z), 1])

    # * queries -----------------------------------------------------------------------------

    def determinant(self):
        m = self._flat()
        rows = [[m[c * 4 + r] for c in range(4)] for r in range(4)]
        return f32(_det(rows))

    def inverse(self):
        m = self._flat()
        rows = [[m[c * 4 + r] for c in range(4)] + [1.0 if r == k else 0.0 for k in range(4)]
                for r in range(4)]
        for col in range(4):
            pivot = max(range(col, 4), key=lambda r: abs(rows[r][col]))
            if rows[pivot][col] == 0:
                return self._from_flat([0.0] * 16)
            rows[col], rows[pivot] = rows[pivot], rows[col]
            p = rows[col][col]
            rows[col] = [v / p for v in rows[col]]
            for r in range(4):
                if r != col and rows[r][col] != 0:
                    factor = rows[r][col]
                    rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
        return self._from_flat([rows[r][4 + c] for c in range(4) for r in range(4)])

    def flipped_y(self):
        return self._make(self.x, -self.y, self.z, self.w)

    def is_orthogonal(self):
        return self.z.w == 0.0

    def jitter_offseted(self, offset):
        return self._make(self.x, self.y, self.z,
                          Vector4(self.w.x + offset.x, self.w.y + offset.y, self.w.z, self.w.w))

    def get_z_far(self):
        m = self._flat()
        return _plane(m[3] - m[2], m[7] - m[6], m[11] - m[10], m[15] - m[14]).d

    def get_z_near(self):
        m = self._flat()
        return _plane(m[3] + m[2], m[7] + m[6], m[11] + m[10], -m[15] - m[14]).d

    def _half_extents(self, near_plane):
        m = self._flat()
        right = _plane(m[3] - m[0], m[7] - m[4], m[11] - m[8], -m[15] + m[12])
        top = _plane(m[3] - m[1], m[7] - m[5], m[11] - m[9], -m[15] + m[13])
        res = near_plane.intersect_3(right, top) or Vector3()
        return Vector2(res.x, res.y)

    def get_viewport_half_extents(self):
        m = self._flat()
        return self._half_extents(_plane(m[3] - m[2], m[7] - m[6], m[11] - m[10], -m[15] + m[14]))

    def get_far_plane_half_extents(self):
        m = self._flat()
        return self._half_extents(_plane(m[3] + m[2], m[7] + m[6], m[11] + m[10], -m[15] - m[14]))

    def get_aspect(self):
        he = self.get_viewport_half_extents()
        return f32(he.x / he.y)

    def get_fov(self):
        m = self._flat()
        right = _plane(m[3] - m[0], m[7] - m[4], m[11] - m[8], -m[15] + m[12])
        if m[8] == 0 and m[9] == 0:
            return math.degrees(math.acos(abs(right.normal.x))) * 2.0
        left = _plane(m[3] + m[0], m[7] + m[4], m[11] + m[8], m[15] + m[12])
        return math.degrees(math.acos(abs(left.normal.x))) + math.degrees(math.acos(abs(right.normal.x)))

    def get_lod_multiplier(self):
        if self.is_orthogonal():
            return self.get_viewport_half_extents().x
        width = self.get_viewport_half_extents().x * 2.0
        return f32(1.0 / (self.get_z_near() / width))

    def get_pixels_per_meter(self, for_pixel_width):
        result = self._xform3(Vector3(1, 0, -1))
        return int((result.x * 0.5 + 0.5) * for_pixel_width)

    def get_projection_plane(self, plane):
        m = self._flat()
        sign = {0: (1, 2), 1: (-1, 2), 2: (1, 0), 3: (-1, 1), 4: (-1, 0), 5: (1, 1)}[plane]
        s, k = sign
        return _plane(m[3] + s * m[k], m[7] + s * m[4 + k], m[11] + s * m[8 + k],
                      m[15] + s * m[12 + k], flip=True)

    def perspective_znear_adjusted(self, new_znear):
        zfar, znear = self.get_z_far(), new_znear
        delta = zfar - znear
        m = self._flat()
        m[10] = -(zfar + znear) / delta
        m[14] = -2 * znear * zfar / delta
        return self._from_flat(m)


def _det(rows):
    if len(rows) == 1:
        return rows[0][0]
    total = 0.0
    for c, value in enumerate(rows[0]):
        if value:
            minor = [row[:c] + row[c + 1:] for row in rows[1:]]
            total += (-1) ** c * value * _det(minor)
    return total


Projection.METHODS = method_table(
    Projection, "determinant flipped_y get_aspect get_far_plane_half_extents get_fov "
    "get_lod_multiplier get_pixels_per_meter get_projection_plane get_viewport_half_extents "
    "get_z_far get_z_near inverse is_orthogonal jitter_offseted perspective_znear_adjusted")
Projection.STATIC_METHODS = {name: getattr(Projection, name) for name in (
    "create_depth_correction create_fit_aabb create_frustum create_frustum_aspect "
    "create_light_atlas_rect create_orthogonal create_orthogonal_aspect create_perspective "
    "create_perspective_hmd create_for_hmd get_fovy").split()}
Projection.CONSTANTS = {
    "PLANE_NEAR": 0, "PLANE_FAR": 1, "PLANE_LEFT": 2, "PLANE_TOP": 3, "PLANE_RIGHT": 4,
    "PLANE_BOTTOM": 5, "IDENTITY": Projection(), "ZERO": Projection._from_flat([0] * 16),
}

GODOT_CLASSES_4 = {"Projection": Projection}
