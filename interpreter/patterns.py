"""Regular expressions compiled on first use.

Importing ``re`` (with the ``enum`` module it needs) is a noticeable part of a
short run's start-up, and most runs never use the patterns the runtime keeps:
those are ``LazyPattern``s, compiled when one of their methods is first called.
Flags go inline in the pattern (``(?m)``, ``(?s)``).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    import re
    from typing import Any


class LazyPattern:
    """``re.compile(source)``, made by the first call of one of its methods."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            import re

            self._compiled = re.compile(self.source)
        return self._compiled

    def match(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().match(*args)

    def search(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().search(*args)

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        return self.compiled().fullmatch(*args)

    def sub(self, *args: Any) -> str:
        return self.compiled().sub(*args)
