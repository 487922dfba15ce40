"""Packed arrays (4.x ``Packed*Array``) and their 3.x names (``Pool*Array``).

Mutable Python objects; Godot's copy-on-assignment semantics are the runtime's
job (it copies where a script would observe sharing).
"""

from __future__ import annotations


class PackedByteArray(bytearray):
    """Godot's PackedByteArray (3.x PoolByteArray): bytes, printed as ints."""

    GODOT_NAME = "PackedByteArray"


GODOT_CLASSES_4 = {"PackedByteArray": PackedByteArray}
GODOT_CLASSES_3 = {"PoolByteArray": PackedByteArray}
