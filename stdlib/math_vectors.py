"""Vector2, Vector2i, Vector3, Vector3i, Vector4, Vector4i (Godot 4) and the
Godot 3 Vector2/Vector3, as immutable values (see math_common for the contract).

Float vectors keep float32 components, int vectors int32 components; every
result is normalised through ``f32``/``i32`` so printing and arithmetic agree
with a standard (single-precision) Godot build.  The maths follows Godot's
core/math/vector*.cpp; where 3.x differs the 3.x table points at its own
function (``angle_to_point`` sign, ``rotated`` of Vector2, ``slerp``).
"""

from __future__ import annotations

import math

from gdscript.errors import engine_error

from .math_common import (
    CMP_EPSILON, UNIT_EPSILON, MathValue, bad_assign, dot32, bezier_derivative, bezier_interpolate,
    cubic_interpolate, cubic_interpolate_in_time, division_by_zero, f32, fmt_tuple, fposmod,
    i32, is_equal_approx, is_zero_approx, lerp, method_table, modulo_by_zero, no_constructor,
    oob_get, oob_set, sign, snapped, trunc_to_i32,
)


def _is_scalar(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fdiv(a: float, b: float) -> float:
    """IEEE division (Python raises on zero)."""
    if b == 0:
        if a == 0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def _tdiv(a: int, b: int) -> int:
    """C integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _tmod(a: int, b: int) -> int:
    return a - b * _tdiv(a, b)


def _round_half_away(x: float) -> float:
    if math.isnan(x) or math.isinf(x):
        return x
    return math.copysign(math.floor(abs(x) + 0.5), x)


class _Vector(MathValue):
    """Component-wise behaviour shared by all six vector types."""

    __slots__ = ()
    _INT = False
    _TWIN: type | None = None  # the int/float counterpart (Vector2 <-> Vector2i)
    _FLOAT: type | None = None  # what int-vector * float gives

    def __new__(cls, *args):
        n = len(cls._FIELDS)
        if not args:
            return cls._make(*([0] * n if cls._INT else [0.0] * n))
        if len(args) == 1 and type(args[0]) in (cls, cls._TWIN):
            return cls._of(args[0]._fields())
        if len(args) == n and all(isinstance(a, (int, float)) for a in args):
            return cls._of(args)
        raise no_constructor(cls.GODOT_NAME, args)

    @classmethod
    def _of(cls, comps):
        if cls._INT:
            return cls._make(*[i32(c) if isinstance(c, int) else trunc_to_i32(c) for c in comps])
        return cls._make(*[f32(float(c)) for c in comps])

    def _map(self, fn):
        return self._of([fn(c) for c in self._fields()])

    def _zip(self, other, fn):
        return self._of([fn(a, b) for a, b in zip(self._fields(), other._fields())])

    # * members and indices ---------------------------------------------------

    def _with_member(self, name, value):
        if name not in self._FIELDS or not isinstance(value, (int, float)):
            raise bad_assign(name, value, self.GODOT_NAME)
        return self._of([value if f == name else getattr(self, f) for f in self._FIELDS])

    def _get_index(self, i):
        if not isinstance(i, int) or not 0 <= i < len(self._FIELDS):
            raise oob_get(i, self.GODOT_NAME)
        return getattr(self, self._FIELDS[i])

    def _with_index(self, i, value):
        if not isinstance(i, int) or not 0 <= i < len(self._FIELDS):
            raise oob_set(i, self.GODOT_NAME)
        return self._with_member(self._FIELDS[i], value)

    def _gd_str(self, dialect):
        return fmt_tuple(self._fields(), dialect, self._INT)

    # * operators --------------------------------------------------------------

    def __add__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._zip(other, lambda a, b: a + b)

    def __sub__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._zip(other, lambda a, b: a - b)

    def __mul__(self, other):
        if type(other) is type(self):
            return self._zip(other, lambda a, b: a * b)
        if not _is_scalar(other):
            return NotImplemented
        if self._INT and isinstance(other, float):
            return self._FLOAT._of([c * other for c in self._fields()])
        return self._map(lambda c: c * other)

    def __rmul__(self, other):
        if not _is_scalar(other):
            return NotImplemented
        return self.__mul__(other)

    def __truediv__(self, other):
        if type(other) is type(self):
            if self._INT:
                if 0 in other._fields():
                    raise division_by_zero()
                return self._zip(other, _tdiv)
            return self._zip(other, _fdiv)
        if not _is_scalar(other):
            return NotImplemented
        if not self._INT:
            return self._map(lambda c: _fdiv(c, other))
        if other == 0:
            raise division_by_zero()
        if isinstance(other, float):
            return self._FLOAT._of([c / other for c in self._fields()])
        return self._map(lambda c: _tdiv(c, other))

    def __mod__(self, other):
        if not self._INT:
            return NotImplemented
        if type(other) is type(self):
            if 0 in other._fields():
                raise modulo_by_zero()
            return self._zip(other, _tmod)
        if isinstance(other, int) and not isinstance(other, bool):
            if other == 0:
                raise modulo_by_zero()
            return self._map(lambda c: _tmod(c, other))
        return NotImplemented

    def __neg__(self):
        return self._map(lambda c: -c)

    def __pos__(self):
        return self

    def __lt__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() < other._fields()

    def __le__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() <= other._fields()

    def __gt__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() > other._fields()

    def __ge__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() >= other._fields()

    def __bool__(self):
        return any(self._fields())

    def __iter__(self):
        return iter(self._fields())

    # * methods shared by int and float vectors ----------------------------------

    def abs(self):
        return self._map(lambda c: -c if c < 0 else c + 0)

    def sign(self):
        return self._map(lambda c: (1 if c > 0 else (-1 if c < 0 else 0)) if self._INT else sign(c))

    def length_squared(self):
        if self._INT:
            return sum(c * c for c in self._fields())
        return dot32(self._fields(), self._fields())

    def length(self):
        if self._INT:
            return math.sqrt(float(self.length_squared()))
        return f32(math.sqrt(self.length_squared()))

    def distance_to(self, to):
        return (to - self).length()

    def distance_squared_to(self, to):
        return (to - self).length_squared()

    def clamp(self, lo, hi):
        return self._of([min(max(c, a), b) for c, a, b in
                         zip(self._fields(), lo._fields(), hi._fields())])

    def _clamp_scalar(self, lo, hi):
        return self._map(lambda c: min(max(c, lo), hi))

    def max(self, other):
        return self._zip(other, lambda a, b: a if a > b else b)

    def min(self, other):
        return self._zip(other, lambda a, b: a if a < b else b)

    def _max_scalar(self, value):
        return self._map(lambda c: c if c > value else value)

    def _min_scalar(self, value):
        return self._map(lambda c: c if c < value else value)

    def max_axis_index(self):
        comps = self._fields()
        if len(comps) == 2:
            return 1 if comps[0] < comps[1] else 0
        if len(comps) == 3:
            x, y, z = comps
            return (2 if y < z else 1) if x < y else (2 if x < z else 0)
        best = 0
        for i in range(1, 4):
            if comps[i] > comps[best]:
                best = i
        return best

    def min_axis_index(self):
        comps = self._fields()
        if len(comps) == 2:
            return 0 if comps[0] < comps[1] else 1
        if len(comps) == 3:
            x, y, z = comps
            return (0 if x < z else 2) if x < y else (1 if y < z else 2)
        best = 0
        for i in range(1, 4):
            if comps[i] < comps[best]:
                best = i
        return best

    def snapped(self, step):
        return self._zip(step, self._snap1)

    def _snapped_scalar(self, step):
        return self._map(lambda c: self._snap1(c, step))

    def _snap1(self, value, step):
        if self._INT:
            return int(math.floor(value / step + 0.5) * step) if step != 0 else value
        return snapped(value, step)

    def aspect(self):
        return f32(_fdiv(float(self._fields()[0]), float(self._fields()[1])))


class _FloatVector(_Vector):
    """Methods only float vectors have."""

    __slots__ = ()

    def ceil(self):
        return self._map(lambda c: math.ceil(c) if math.isfinite(c) else c)

    def floor(self):
        return self._map(lambda c: math.floor(c) if math.isfinite(c) else c)

    def round(self):
        return self._map(_round_half_away)

    def dot(self, other):
        return dot32(self._fields(), other._fields())

    def normalized(self):
        lsq = self.length_squared()
        if lsq == 0:
            return self._map(lambda c: 0.0) if len(self._FIELDS) == 4 else self
        length = f32(math.sqrt(lsq))
        return self._map(lambda c: c / length)

    def is_normalized(self):
        lsq = self.length_squared()
        return lsq == 1.0 or abs(lsq - 1.0) < UNIT_EPSILON

    def is_equal_approx(self, other):
        return all(is_equal_approx(a, b) for a, b in zip(self._fields(), other._fields()))

    def is_zero_approx(self):
        return all(is_zero_approx(c) for c in self._fields())

    def is_finite(self):
        return all(math.isfinite(c) for c in self._fields())

    def lerp(self, to, weight):
        weight = f32(weight)
        return self._zip(to, lambda a, b: a + (b - a) * weight)

    def direction_to(self, to):
        return (to - self).normalized()

    def limit_length(self, length=1.0):
        current = self.length()
        if current > 0 and length < current:
            return self._map(lambda c: f32(c / current) * length)
        return self

    def move_toward(self, to, delta):
        vd = to - self
        length = vd.length()
        if length <= delta or length < CMP_EPSILON:
            return to
        return self + vd._map(lambda c: f32(c / length) * delta)

    def posmod(self, mod):
        return self._map(lambda c: fposmod(c, mod))

    def posmodv(self, modv):
        return self._zip(modv, fposmod)

    def project(self, to):
        factor = f32(_fdiv(self.dot(to), to.length_squared()))
        return to * factor

    def slide(self, normal):
        return self - normal * self.dot(normal)

    def reflect(self, normal):
        return (normal * 2.0) * self.dot(normal) - self

    def bounce(self, normal):
        return -self.reflect(normal)

    def inverse(self):
        return self._map(lambda c: _fdiv(1.0, c))

    def cubic_interpolate(self, b, pre_a, post_b, weight):
        return self._of([cubic_interpolate(*c, weight) for c in
                         zip(self._fields(), b._fields(), pre_a._fields(), post_b._fields())])

    def cubic_interpolate_in_time(self, b, pre_a, post_b, weight, b_t, pre_a_t, post_b_t):
        return self._of([cubic_interpolate_in_time(*c, weight, b_t, pre_a_t, post_b_t) for c in
                         zip(self._fields(), b._fields(), pre_a._fields(), post_b._fields())])

    def bezier_interpolate(self, c1, c2, end, t):
        return self._of([bezier_interpolate(*c, t) for c in
                         zip(self._fields(), c1._fields(), c2._fields(), end._fields())])

    def bezier_derivative(self, c1, c2, end, t):
        return self._of([bezier_derivative(*c, t) for c in
                         zip(self._fields(), c1._fields(), c2._fields(), end._fields())])


class Vector2(_FloatVector):
    __slots__ = ("x", "y")
    GODOT_NAME = "Vector2"
    _FIELDS = ("x", "y")
    MEMBERS = ("x", "y")

    def angle(self):
        return f32(math.atan2(self.y, self.x))

    def angle_to(self, to):
        return f32(math.atan2(self.cross(to), self.dot(to)))

    def angle_to_point(self, to):
        return (to - self).angle()

    def _angle_to_point_3(self, to):
        return (self - to).angle()

    def cross(self, other):
        return f32(f32(self.x * other.y) - f32(self.y * other.x))

    def orthogonal(self):
        return Vector2._make(self.y, -self.x)

    def rotated(self, angle):
        angle = f32(angle)
        s, c = f32(math.sin(angle)), f32(math.cos(angle))
        return Vector2._of((self.x * c - self.y * s, self.x * s + self.y * c))

    def slerp(self, to, weight):
        start_sq, end_sq = self.length_squared(), to.length_squared()
        if start_sq == 0 or end_sq == 0:
            return self.lerp(to, weight)
        start_len = f32(math.sqrt(start_sq))
        result_len = lerp(start_len, math.sqrt(end_sq), weight)
        return self.rotated(self.angle_to(to) * weight) * f32(result_len / start_len)

    def _slerp_3(self, to, weight):
        if not self.is_normalized():
            engine_error("The start Vector2 must be normalized.")
            return Vector2()
        return self.rotated(self.angle_to(to) * weight)

    @staticmethod
    def from_angle(angle):
        angle = f32(angle)
        return Vector2._of((math.cos(angle), math.sin(angle)))


class Vector2i(_Vector):
    __slots__ = ("x", "y")
    GODOT_NAME = "Vector2i"
    _INT = True
    _FIELDS = ("x", "y")
    MEMBERS = ("x", "y")


class Vector3(_FloatVector):
    __slots__ = ("x", "y", "z")
    GODOT_NAME = "Vector3"
    _FIELDS = ("x", "y", "z")
    MEMBERS = ("x", "y", "z")

    def cross(self, b):
        return Vector3._of((f32(self.y * b.z) - f32(self.z * b.y), f32(self.z * b.x) - f32(self.x * b.z),
                            f32(self.x * b.y) - f32(self.y * b.x)))

    def angle_to(self, to):
        return f32(math.atan2(self.cross(to).length(), self.dot(to)))

    def signed_angle_to(self, to, axis):
        cross_to = self.cross(to)
        unsigned = f32(math.atan2(cross_to.length(), self.dot(to)))
        return -unsigned if cross_to.dot(axis) < 0 else unsigned

    def rotated(self, axis, angle):
        rows = axis_angle_rows(axis, angle)
        return Vector3._of([sum(r * c for r, c in zip(row, self._fields())) for row in rows])

    def slerp(self, to, weight):
        start_sq, end_sq = self.length_squared(), to.length_squared()
        if start_sq == 0 or end_sq == 0:
            return self.lerp(to, weight)
        axis = self.cross(to)
        axis_sq = axis.length_squared()
        if axis_sq == 0:
            return self.lerp(to, weight)
        axis = axis / f32(math.sqrt(axis_sq))
        start_len = f32(math.sqrt(start_sq))
        result_len = lerp(start_len, math.sqrt(end_sq), weight)
        return self.rotated(axis, self.angle_to(to) * weight) * f32(result_len / start_len)

    def _slerp_3(self, to, weight):
        return self.rotated(self.cross(to).normalized(), self.angle_to(to) * weight)

    def outer(self, b):
        from .math_transforms import Basis
        return Basis._from_rows([[a * c for c in b._fields()] for a in self._fields()])

    def _outer_3(self, b):
        from .math_transforms import Basis3
        return Basis3._from_rows([[a * c for c in b._fields()] for a in self._fields()])

    def _to_diagonal_matrix(self):
        from .math_transforms import Basis3
        return Basis3._from_rows([[self.x, 0, 0], [0, self.y, 0], [0, 0, self.z]])

    def octahedron_encode(self):
        total = abs(self.x) + abs(self.y) + abs(self.z)
        n = self / f32(total)
        if n.z >= 0:
            ox, oy = n.x, n.y
        else:
            ox = (1.0 - abs(n.y)) * (1.0 if n.x >= 0 else -1.0)
            oy = (1.0 - abs(n.x)) * (1.0 if n.y >= 0 else -1.0)
        return Vector2._of((ox * 0.5 + 0.5, oy * 0.5 + 0.5))

    @staticmethod
    def octahedron_decode(uv):
        fx, fy = uv.x * 2.0 - 1.0, uv.y * 2.0 - 1.0
        nz = 1.0 - abs(fx) - abs(fy)
        t = min(max(-nz, 0.0), 1.0)
        fx += -t if fx >= 0 else t
        fy += -t if fy >= 0 else t
        return Vector3._of((fx, fy, nz)).normalized()


class Vector3i(_Vector):
    __slots__ = ("x", "y", "z")
    GODOT_NAME = "Vector3i"
    _INT = True
    _FIELDS = ("x", "y", "z")
    MEMBERS = ("x", "y", "z")


class Vector4(_FloatVector):
    __slots__ = ("x", "y", "z", "w")
    GODOT_NAME = "Vector4"
    _FIELDS = ("x", "y", "z", "w")
    MEMBERS = ("x", "y", "z", "w")


class Vector4i(_Vector):
    __slots__ = ("x", "y", "z", "w")
    GODOT_NAME = "Vector4i"
    _INT = True
    _FIELDS = ("x", "y", "z", "w")
    MEMBERS = ("x", "y", "z", "w")


def axis_angle_rows(axis, angle):
    """Rotation matrix rows for ``axis`` (normalised) and ``angle``, as Basis::set_axis_angle."""
    ax, ay, az = axis.x, axis.y, axis.z
    angle = f32(angle)
    cosine, sine = f32(math.cos(angle)), f32(math.sin(angle))
    t = 1.0 - cosine
    return [
        [ax * ax + cosine * (1.0 - ax * ax), ax * ay * t - az * sine, ax * az * t + ay * sine],
        [ax * ay * t + az * sine, ay * ay + cosine * (1.0 - ay * ay), ay * az * t - ax * sine],
        [ax * az * t - ay * sine, ay * az * t + ax * sine, az * az + cosine * (1.0 - az * az)],
    ]


for _float, _int in ((Vector2, Vector2i), (Vector3, Vector3i), (Vector4, Vector4i)):
    _float._TWIN, _int._TWIN, _int._FLOAT = _int, _float, _float


# * Tables --------------------------------------------------------------------

_COMMON_FLOAT = ("abs bezier_derivative bezier_interpolate ceil clamp cubic_interpolate "
                 "cubic_interpolate_in_time direction_to distance_squared_to distance_to dot "
                 "floor is_equal_approx is_finite is_normalized is_zero_approx length "
                 "length_squared lerp max max_axis_index min min_axis_index posmod posmodv "
                 "round sign snapped")
_FLOAT_ALIASES = {"clampf": "_clamp_scalar", "maxf": "_max_scalar", "minf": "_min_scalar",
                  "snappedf": "_snapped_scalar"}
_COMMON_INT = ("abs clamp distance_squared_to distance_to length length_squared max "
               "max_axis_index min min_axis_index sign snapped")
_INT_ALIASES = {"clampi": "_clamp_scalar", "maxi": "_max_scalar", "mini": "_min_scalar",
                "snappedi": "_snapped_scalar"}

Vector2.METHODS = method_table(
    Vector2, _COMMON_FLOAT + " angle angle_to angle_to_point aspect bounce cross limit_length "
    "move_toward normalized orthogonal project reflect rotated slerp slide", _FLOAT_ALIASES)
Vector2.METHODS_3 = method_table(
    Vector2, "abs angle angle_to aspect bounce ceil cross cubic_interpolate direction_to "
    "distance_squared_to distance_to dot floor is_equal_approx is_normalized length "
    "length_squared limit_length move_toward normalized posmod posmodv project reflect rotated "
    "round sign slide snapped",
    {"angle_to_point": "_angle_to_point_3", "linear_interpolate": "lerp", "clamped": "limit_length",
     "tangent": "orthogonal", "slerp": "_slerp_3"})
Vector2.STATIC_METHODS = {"from_angle": Vector2.from_angle}
Vector2i.METHODS = method_table(Vector2i, _COMMON_INT + " aspect", _INT_ALIASES)
Vector3.METHODS = method_table(
    Vector3, _COMMON_FLOAT + " angle_to bounce cross inverse limit_length move_toward normalized "
    "octahedron_encode outer project reflect rotated signed_angle_to slerp slide", _FLOAT_ALIASES)
Vector3.METHODS_3 = method_table(
    Vector3, "abs angle_to bounce ceil cross cubic_interpolate direction_to distance_squared_to "
    "distance_to dot floor inverse is_equal_approx is_normalized length length_squared "
    "limit_length move_toward normalized posmod posmodv project reflect rotated round "
    "sign signed_angle_to slide snapped",
    {"linear_interpolate": "lerp", "max_axis": "max_axis_index", "min_axis": "min_axis_index",
     "to_diagonal_matrix": "_to_diagonal_matrix", "slerp": "_slerp_3",
     "outer": "_outer_3"})
Vector3.STATIC_METHODS = {"octahedron_decode": Vector3.octahedron_decode}
Vector3i.METHODS = method_table(Vector3i, _COMMON_INT, _INT_ALIASES)
Vector4.METHODS = method_table(Vector4, _COMMON_FLOAT + " inverse normalized", _FLOAT_ALIASES)
Vector4i.METHODS = method_table(Vector4i, _COMMON_INT, _INT_ALIASES)

_INF = math.inf
_I32_MIN, _I32_MAX = -(2**31), 2**31 - 1


def _axes(names: str) -> dict[str, int]:
    return {f"AXIS_{n}": i for i, n in enumerate(names)}


Vector2.CONSTANTS = {
    **_axes("XY"), "ZERO": Vector2(0, 0), "ONE": Vector2(1, 1), "INF": Vector2(_INF, _INF),
    "LEFT": Vector2(-1, 0), "RIGHT": Vector2(1, 0), "UP": Vector2(0, -1), "DOWN": Vector2(0, 1),
}
Vector2.CONSTANTS_3 = dict(Vector2.CONSTANTS)
Vector2i.CONSTANTS = {
    **_axes("XY"), "ZERO": Vector2i(0, 0), "ONE": Vector2i(1, 1),
    "MIN": Vector2i(_I32_MIN, _I32_MIN), "MAX": Vector2i(_I32_MAX, _I32_MAX),
    "LEFT": Vector2i(-1, 0), "RIGHT": Vector2i(1, 0), "UP": Vector2i(0, -1), "DOWN": Vector2i(0, 1),
}
Vector3.CONSTANTS_3 = {
    **_axes("XYZ"), "ZERO": Vector3(0, 0, 0), "ONE": Vector3(1, 1, 1),
    "INF": Vector3(_INF, _INF, _INF), "LEFT": Vector3(-1, 0, 0), "RIGHT": Vector3(1, 0, 0),
    "UP": Vector3(0, 1, 0), "DOWN": Vector3(0, -1, 0), "FORWARD": Vector3(0, 0, -1),
    "BACK": Vector3(0, 0, 1),
}
Vector3.CONSTANTS = {
    **Vector3.CONSTANTS_3, "MODEL_LEFT": Vector3(1, 0, 0), "MODEL_RIGHT": Vector3(-1, 0, 0),
    "MODEL_TOP": Vector3(0, 1, 0), "MODEL_BOTTOM": Vector3(0, -1, 0),
    "MODEL_FRONT": Vector3(0, 0, 1), "MODEL_REAR": Vector3(0, 0, -1),
}
Vector3i.CONSTANTS = {
    **_axes("XYZ"), "ZERO": Vector3i(0, 0, 0), "ONE": Vector3i(1, 1, 1),
    "MIN": Vector3i(_I32_MIN, _I32_MIN, _I32_MIN), "MAX": Vector3i(_I32_MAX, _I32_MAX, _I32_MAX),
    "LEFT": Vector3i(-1, 0, 0), "RIGHT": Vector3i(1, 0, 0), "UP": Vector3i(0, 1, 0),
    "DOWN": Vector3i(0, -1, 0), "FORWARD": Vector3i(0, 0, -1), "BACK": Vector3i(0, 0, 1),
}
Vector4.CONSTANTS = {**_axes("XYZW"), "ZERO": Vector4(0, 0, 0, 0), "ONE": Vector4(1, 1, 1, 1),
                     "INF": Vector4(_INF, _INF, _INF, _INF)}
Vector4i.CONSTANTS = {
    **_axes("XYZW"), "ZERO": Vector4i(0, 0, 0, 0), "ONE": Vector4i(1, 1, 1, 1),
    "MIN": Vector4i(*[_I32_MIN] * 4), "MAX": Vector4i(*[_I32_MAX] * 4),
}

# Godot's enums of these types (``Vector3.Axis``): enum name -> its constants.
for _vector, _names in ((Vector2, "XY"), (Vector2i, "XY"), (Vector3, "XYZ"), (Vector3i, "XYZ"),
                        (Vector4, "XYZW"), (Vector4i, "XYZW")):
    _vector.ENUMS = {"Axis": tuple(f"AXIS_{n}" for n in _names)}  # type: ignore[attr-defined]

GODOT_CLASSES_4 = {c.GODOT_NAME: c for c in (Vector2, Vector2i, Vector3, Vector3i, Vector4, Vector4i)}
GODOT_CLASSES_3 = {"Vector2": Vector2, "Vector3": Vector3}
