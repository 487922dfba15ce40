"""gdscript: Godot's GDScript (3.x and 4.x) running in Python, without Godot.

The Python API (imported on first use, so ``gdscript run`` starts small):
``run_file``/``run_source`` run a script and capture its output (``gdscript.api``);
``load``/``compile_source`` give script classes usable from Python and
``Runtime.register`` exposes Python code to scripts (``gdscript.embedding``).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "run_file": "api", "run_source": "api", "RunResult": "api",
    "load": "embedding", "compile_source": "embedding", "Runtime": "embedding",
    "ScriptClass": "embedding", "ScriptObject": "embedding", "ScriptCallError": "embedding",
}


def __getattr__(name: str) -> Any:
    if name in ("api", "embedding", "errors"):
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'gdscript' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = sorted(_LAZY)
