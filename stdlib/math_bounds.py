"""Rect2, Rect2i, AABB and Plane as immutable values (contract: math_common).

Maths follows Godot's core/math/rect2.cpp, aabb.cpp and plane.cpp; the 3.x
tables map 3.x names (``clip``, ``grow_margin``, ``has_no_area``, ``center``,
``get_area``) onto the same code.  Methods that Godot documents as returning
``null`` on a miss (``intersects_ray``, ``intersect_3`` ...) return ``None``.
"""

from __future__ import annotations

import math

from gdscript.errors import engine_error

from .math_common import (
    CMP_EPSILON, MathValue, bad_access, bad_assign, f32, is_equal_approx, is_zero_approx,
    method_table, no_constructor, num3, num_real4,
)
from .math_vectors import Vector2, Vector2i, Vector3


def _is_num(value) -> bool:
    return isinstance(value, (int, float))


class _Box(MathValue):
    """``position`` + ``size`` boxes (Rect2, Rect2i, AABB); ``end`` is derived."""

    __slots__ = ("position", "size")
    _FIELDS = ("position", "size")
    MEMBERS = ("position", "size", "end")
    _VEC: type = Vector2
    _TWIN: type | None = None

    def __new__(cls, *args):
        vec, n = cls._VEC, len(cls._VEC._FIELDS)
        if not args:
            return cls._make(vec(), vec())
        if len(args) == 1 and type(args[0]) in (cls, cls._TWIN):
            return cls._make(vec(args[0].position), vec(args[0].size))
        if len(args) == 2 and all(type(a) in (vec, vec._TWIN) for a in args):
            return cls._make(vec(args[0]), vec(args[1]))
        if len(args) == 2 * n and all(_is_num(a) for a in args):
            return cls._make(vec(*args[:n]), vec(*args[n:]))
        raise no_constructor(cls.GODOT_NAME, args)

    @property
    def end(self):
        return self.position + self.size

    def _get_member(self, name):
        if name not in self.MEMBERS:
            raise bad_access(name, self.GODOT_NAME)
        return getattr(self, name)

    def _with_member(self, name, value):
        if type(value) is not self._VEC or name not in self.MEMBERS:
            raise bad_assign(name, value, self.GODOT_NAME)
        if name == "end":
            return self._make(self.position, value - self.position)
        return self._make(value, self.size) if name == "position" else self._make(self.position, value)

    def _gd_str(self, dialect):
        if dialect == 3:
            sep = " - " if self._VEC is Vector3 else ", "
            text = (", ".join(num3(c) for c in self.position._fields()) + sep
                    + ", ".join(num3(c) for c in self.size._fields()))
            return text if self._VEC is Vector3 else f"({text})"
        return f"[P: {self.position._gd_str(4)}, S: {self.size._gd_str(4)}]"

    def __bool__(self):
        return bool(self.position) or bool(self.size)

    # * shared Godot methods ------------------------------------------------------

    def abs(self):
        zero = self._VEC()
        return self._make(self.position + self.size.min(zero), self.size.abs())

    def encloses(self, other):
        return all(sp <= op and sp + ss >= op + os_ for sp, ss, op, os_ in
                   zip(self.position, self.size, other.position, other.size))

    def expand(self, to):
        begin = self.position.min(to)
        end = self.end.max(to)
        return self._make(begin, end - begin)

    def get_center(self):
        if self._VEC is Vector2i:
            return self.position + self.size / 2
        return self.position + self.size * 0.5

    def get_support(self, direction):
        comps = [p + (s if d > 0 else 0) for p, s, d in zip(self.position, self.size, direction)]
        return self._VEC._of(comps)

    def grow(self, by):
        n = len(self._VEC._FIELDS)
        delta = self._VEC._of([by] * n)
        return self._make(self.position - delta, self.size + delta * 2)

    def has_point(self, point):
        return all(p <= c < p + s for p, s, c in zip(self.position, self.size, point))

    def intersects(self, other, include_borders=False):
        for sp, ss, op, os_ in zip(self.position, self.size, other.position, other.size):
            if include_borders:
                if sp > op + os_ or sp + ss < op:
                    return False
            elif sp >= op + os_ or sp + ss <= op:
                return False
        return True

    def intersection(self, other):
        if not self.intersects(other):
            return type(self)()
        position = other.position.max(self.position)
        return self._make(position, other.end.min(self.end) - position)

    def merge(self, other):
        position = other.position.min(self.position)
        return self._make(position, other.end.max(self.end) - position)

    def is_equal_approx(self, other):
        return self.position.is_equal_approx(other.position) and self.size.is_equal_approx(other.size)

    def is_finite(self):
        return self.position.is_finite() and self.size.is_finite()


class _Rect(_Box):
    __slots__ = ()

    def get_area(self):
        area = self.size.x * self.size.y
        return area if self._VEC is Vector2i else f32(area)

    def has_area(self):
        return self.size.x > 0 and self.size.y > 0

    def _has_no_area(self):
        return self.size.x <= 0 or self.size.y <= 0

    def grow_individual(self, left, top, right, bottom):
        vec = self._VEC
        return self._make(self.position - vec._of((left, top)),
                          self.size + vec._of((left + right, top + bottom)))

    def grow_side(self, side, amount):
        amounts = [amount if side == i else 0 for i in range(4)]
        return self.grow_individual(*amounts)


class Rect2(_Rect):
    __slots__ = ()
    GODOT_NAME = "Rect2"
    _VEC = Vector2


class Rect2i(_Rect):
    __slots__ = ()
    GODOT_NAME = "Rect2i"
    _VEC = Vector2i

    def intersects(self, other):
        return _Box.intersects(self, other)


Rect2._TWIN, Rect2i._TWIN = Rect2i, Rect2


class AABB(_Box):
    __slots__ = ()
    GODOT_NAME = "AABB"
    _VEC = Vector3

    def get_volume(self):
        return f32(self.size.x * self.size.y * self.size.z)

    def has_volume(self):
        return self.size.x > 0 and self.size.y > 0 and self.size.z > 0

    def has_surface(self):
        return self.size.x > 0 or self.size.y > 0 or self.size.z > 0

    def _has_no_area(self):
        return self.size.x <= 0 or self.size.y <= 0 or self.size.z <= 0

    def _has_no_surface(self):
        return not self.has_surface()

    def has_point(self, point):
        return all(p <= c <= p + s for p, s, c in zip(self.position, self.size, point))

    def encloses(self, other):
        return all(sp <= op and sp + ss >= op + os_ for sp, ss, op, os_ in
                   zip(self.position, self.size, other.position, other.size))

    def intersection(self, other):
        lo, hi = [], []
        for sp, ss, op, os_ in zip(self.position, self.size, other.position, other.size):
            if sp > op + os_ or sp + ss < op:
                return AABB()
            lo.append(max(sp, op))
            hi.append(min(sp + ss, op + os_))
        return self._make(Vector3._of(lo), Vector3._of(hi) - Vector3._of(lo))

    def intersects(self, other):
        return _Box.intersects(self, other)

    def get_endpoint(self, idx):
        if not 0 <= idx < 8:
            engine_error(f'Index p_point = {idx} is out of bounds (8 = 8).')
            return Vector3()
        p, s = self.position, self.size
        return Vector3._of((p.x + (s.x if idx & 4 else 0), p.y + (s.y if idx & 2 else 0),
                            p.z + (s.z if idx & 1 else 0)))

    def _axis_pick(self, better):
        index, best = 0, self.size.x
        for i, value in ((1, self.size.y), (2, self.size.z)):
            if better(value, best):
                index, best = i, value
        return index, best

    def get_longest_axis_index(self):
        return self._axis_pick(lambda a, b: a > b)[0]

    def get_longest_axis_size(self):
        return self._axis_pick(lambda a, b: a > b)[1]

    def get_longest_axis(self):
        return Vector3._of([1 if i == self.get_longest_axis_index() else 0 for i in range(3)])

    def get_shortest_axis_index(self):
        return self._axis_pick(lambda a, b: a < b)[0]

    def get_shortest_axis_size(self):
        return self._axis_pick(lambda a, b: a < b)[1]

    def get_shortest_axis(self):
        return Vector3._of([1 if i == self.get_shortest_axis_index() else 0 for i in range(3)])

    def intersects_plane(self, plane):
        over = under = False
        for i in range(8):
            if plane.distance_to(self.get_endpoint(i)) > 0:
                over = True
            else:
                under = True
        return over and under

    def intersects_segment(self, start, end):
        lo, hi = 0.0, 1.0
        for i in range(3):
            seg_from, seg_to = start._get_index(i), end._get_index(i)
            box_begin = self.position._get_index(i)
            box_end = box_begin + self.size._get_index(i)
            length = seg_to - seg_from
            if seg_from < seg_to:
                if seg_from > box_end or seg_to < box_begin:
                    return None
                cmin = (box_begin - seg_from) / length if seg_from < box_begin else 0.0
                cmax = (box_end - seg_from) / length if seg_to > box_end else 1.0
            else:
                if seg_to > box_end or seg_from < box_begin:
                    return None
                cmin = (box_end - seg_from) / length if seg_from > box_end else 0.0
                cmax = (box_begin - seg_from) / length if seg_to < box_begin else 1.0
            lo, hi = max(lo, cmin), min(hi, cmax)
            if hi < lo:
                return None
        return start + (end - start) * lo

    def _intersects_segment_3(self, start, end):
        return self.intersects_segment(start, end) is not None  # 3.x answers a bool

    def _get_support_3(self, direction):
        # Godot 3's AABB::get_support picks the corner opposite the direction.
        half = self.size * 0.5
        comps = [c + (-h if d > 0 else h) for c, h, d in
                 zip(self.position + half, half, direction)]
        return Vector3._of(comps)

    def intersects_ray(self, start, direction):
        tmin, tmax = -1e20, 1e20
        end = self.end
        for i in range(3):
            d, f = direction._get_index(i), start._get_index(i)
            lo, hi = self.position._get_index(i), end._get_index(i)
            if d == 0:
                if f < lo or f > hi:
                    return None
                continue
            t1, t2 = sorted(((lo - f) / d, (hi - f) / d))
            tmin = max(tmin, t1)
            if t2 < tmax:
                if t2 < 0:
                    return None
                tmax = t2
            if tmin > tmax:
                return None
        return start + direction * tmin


class Plane(MathValue):
    __slots__ = ("normal", "d")
    GODOT_NAME = "Plane"
    _FIELDS = ("normal", "d")
    MEMBERS = ("normal", "d", "x", "y", "z")

    def __new__(cls, *args):
        kinds = tuple("v" if type(a) is Vector3 else ("n" if _is_num(a) else "?") for a in args)
        if kinds == ():
            return cls._make(Vector3(), 0.0)
        if kinds == ("?",) and type(args[0]) is Plane:
            return args[0]
        if kinds in (("v",), ("v", "n")):
            return cls._make(args[0], f32(float(args[1])) if len(args) == 2 else 0.0)
        if kinds == ("v", "v"):
            return cls._make(args[0], args[0].dot(args[1]))
        if kinds == ("v", "v", "v"):
            p1, p2, p3 = args
            normal = (p1 - p3).cross(p1 - p2).normalized()
            return cls._make(normal, normal.dot(p1))
        if kinds == ("n",) * 4:
            return cls._make(Vector3(*args[:3]), f32(float(args[3])))
        raise no_constructor(cls.GODOT_NAME, args)

    @property
    def x(self):
        return self.normal.x

    @property
    def y(self):
        return self.normal.y

    @property
    def z(self):
        return self.normal.z

    def _with_member(self, name, value):
        if name == "normal" and type(value) is Vector3:
            return self._make(value, self.d)
        if name in ("d", "x", "y", "z") and _is_num(value):
            if name == "d":
                return self._make(self.normal, f32(float(value)))
            return self._make(self.normal._with_member(name, value), self.d)
        raise bad_assign(name, value, self.GODOT_NAME)

    def _gd_str(self, dialect):
        if dialect == 3:
            return ", ".join(num3(c) for c in (*self.normal._fields(), self.d))
        return f"[N: {self.normal._gd_str(4)}, D: {num_real4(self.d, False)}]"

    def __neg__(self):
        return self._make(-self.normal, -self.d + 0.0)

    def __pos__(self):
        return self

    def __bool__(self):
        return bool(self.normal) or self.d != 0

    def distance_to(self, point):
        return f32(self.normal.dot(point) - self.d)

    def get_center(self):
        return self.normal * self.d

    def _get_any_point(self):
        return self.get_center()

    def has_point(self, point, tolerance=1e-05):
        return abs(self.normal.dot(point) - self.d) <= tolerance

    def is_point_over(self, point):
        return self.normal.dot(point) > self.d

    def normalized(self):
        length = self.normal.length()
        if length == 0:
            return self._make(Vector3(), 0.0)
        return self._make(self.normal / length, f32(self.d / length))

    def project(self, point):
        return point - self.normal * self.distance_to(point)

    def is_equal_approx(self, other):
        return self.normal.is_equal_approx(other.normal) and is_equal_approx(self.d, other.d)

    def is_finite(self):
        return self.normal.is_finite() and math.isfinite(self.d)

    def intersect_3(self, b, c):
        n0, n1, n2 = self.normal, b.normal, c.normal
        denom = n0.cross(n1).dot(n2)
        if is_zero_approx(denom):
            return None
        total = n1.cross(n2) * self.d + n2.cross(n0) * b.d + n0.cross(n1) * c.d
        return total / denom

    def intersects_ray(self, start, direction):
        den = self.normal.dot(direction)
        if is_zero_approx(den):
            return None
        dist = (self.normal.dot(start) - self.d) / den
        if dist > CMP_EPSILON:
            return None
        return start + direction * -dist

    def intersects_segment(self, begin, end):
        segment = begin - end
        den = self.normal.dot(segment)
        if is_zero_approx(den):
            return None
        dist = (self.normal.dot(begin) - self.d) / den
        if dist < -CMP_EPSILON or dist > 1.0 + CMP_EPSILON:
            return None
        return begin + segment * -dist


# * Tables --------------------------------------------------------------------

_BOX_COMMON = "abs encloses expand get_center grow has_point intersection intersects merge"
Rect2.METHODS = method_table(Rect2, _BOX_COMMON + " get_area get_support grow_individual grow_side "
                             "has_area is_equal_approx is_finite")
Rect2.METHODS_3 = method_table(
    Rect2, "abs encloses expand get_area grow grow_individual has_point intersects "
    "is_equal_approx merge",
    {"clip": "intersection", "grow_margin": "grow_side", "has_no_area": "_has_no_area"})
Rect2i.METHODS = method_table(Rect2i, _BOX_COMMON + " get_area grow_individual grow_side has_area")
AABB.METHODS = method_table(
    AABB, _BOX_COMMON + " get_endpoint get_longest_axis get_longest_axis_index "
    "get_longest_axis_size get_shortest_axis get_shortest_axis_index get_shortest_axis_size "
    "get_support get_volume has_surface has_volume intersects_plane intersects_ray "
    "intersects_segment is_equal_approx is_finite")
AABB.METHODS_3 = method_table(
    AABB, "encloses expand get_endpoint get_longest_axis get_longest_axis_index "
    "get_longest_axis_size get_shortest_axis get_shortest_axis_index get_shortest_axis_size "
    "grow has_point intersection intersects intersects_plane is_equal_approx merge",
    {"get_area": "get_volume", "has_no_area": "_has_no_area", "has_no_surface": "_has_no_surface",
     "get_support": "_get_support_3", "intersects_segment": "_intersects_segment_3"})
Plane.METHODS = method_table(
    Plane, "distance_to get_center has_point intersect_3 intersects_ray intersects_segment "
    "is_equal_approx is_finite is_point_over normalized project")
Plane.METHODS_3 = method_table(
    Plane, "distance_to has_point intersect_3 intersects_ray intersects_segment is_equal_approx "
    "is_point_over normalized project", {"center": "get_center", "get_any_point": "_get_any_point"})
Plane.CONSTANTS = {"PLANE_YZ": Plane(1, 0, 0, 0), "PLANE_XZ": Plane(0, 1, 0, 0),
                   "PLANE_XY": Plane(0, 0, 1, 0)}
Plane.CONSTANTS_3 = dict(Plane.CONSTANTS)

GODOT_CLASSES_4 = {c.GODOT_NAME: c for c in (Rect2, Rect2i, AABB, Plane)}
GODOT_CLASSES_3 = {c.GODOT_NAME: c for c in (Rect2, AABB, Plane)}
