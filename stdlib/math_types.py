"""Godot's math value types, gathered for the class registry.

The classes live in math_vectors (Vector2..Vector4i), math_bounds (Rect2,
Rect2i, AABB, Plane), math_transform2d (Transform2D), math_transforms (Basis,
Quaternion, Transform3D; 3.x Quat, Transform), math_projection (Projection) and color
(Color).  Every one is an immutable value; the contract the runtime relies on
(MEMBERS, _get_member/_with_member, _get_index/_with_index, METHODS[_3],
STATIC_METHODS[_3], CONSTANTS[_3], _gd_str(dialect)) is described in
math_common.  Godot 3 helpers (``Color8``, ``ColorN``) are ``color8`` and
``named_color_3``.
"""

from __future__ import annotations

from . import color, math_bounds, math_projection, math_transform2d, math_transforms, math_vectors
from .color import Color, Color3, color8, named_color_3
from .math_bounds import AABB, Plane, Rect2, Rect2i
from .math_common import MathValue
from .math_projection import Projection
from .math_transform2d import Transform2D
from .math_transforms import Basis, Basis3, Quat, Quaternion, Transform, Transform3D
from .math_vectors import Vector2, Vector2i, Vector3, Vector3i, Vector4, Vector4i

GODOT_CLASSES_4: dict[str, type] = {}
GODOT_CLASSES_3: dict[str, type] = {}
for _module in (math_vectors, math_bounds, math_transform2d, math_transforms, math_projection,
                color):
    GODOT_CLASSES_4.update(_module.GODOT_CLASSES_4)
    GODOT_CLASSES_3.update(getattr(_module, "GODOT_CLASSES_3", {}))

__all__ = [
    "AABB", "Basis", "Basis3", "Color", "Color3", "MathValue", "Plane", "Projection", "Quat",
    "Quaternion", "Rect2", "Rect2i", "Transform", "Transform2D", "Transform3D", "Vector2",
    "Vector2i", "Vector3", "Vector3i", "Vector4", "Vector4i", "GODOT_CLASSES_3", "GODOT_CLASSES_4",
    "color8", "named_color_3",
]
