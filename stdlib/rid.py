"""RID: an opaque resource id (Godot's servers hand them out); headless, ids only."""

from __future__ import annotations


TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any, ClassVar


class RID:
    """Godot's RID value: compares and hashes by id; ``RID()`` is the invalid id 0."""

    GODOT_NAME = "RID"
    __slots__ = ("_gd_rid",)
    METHODS: ClassVar[dict[str, Any]] = {}

    def __init__(self, other: Any = None) -> None:
        self._gd_rid = other._gd_rid if isinstance(other, RID) else 0

    @classmethod
    def _gd_from_int(cls, value: int) -> RID:
        rid = cls()
        rid._gd_rid = int(value)
        return rid

    def get_id(self) -> int:
        return self._gd_rid

    def is_valid(self) -> bool:
        return self._gd_rid != 0

    def _gd_str(self, dialect: int) -> str:
        return f"RID({self._gd_rid})" if dialect == 4 else "[RID]"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RID) and other._gd_rid == self._gd_rid

    def __lt__(self, other: RID) -> bool:
        return self._gd_rid < other._gd_rid

    def __le__(self, other: RID) -> bool:
        return self._gd_rid <= other._gd_rid

    def __gt__(self, other: RID) -> bool:
        return self._gd_rid > other._gd_rid

    def __ge__(self, other: RID) -> bool:
        return self._gd_rid >= other._gd_rid

    def __hash__(self) -> int:
        return hash(("RID", self._gd_rid))

    def __bool__(self) -> bool:
        return self._gd_rid != 0


RID.METHODS = {"get_id": RID.get_id, "is_valid": RID.is_valid}

GODOT_CLASSES = {"RID": RID}
