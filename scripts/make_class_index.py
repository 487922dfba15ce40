"""Regenerate stdlib/class_index.py from the stdlib modules' GODOT_CLASSES tables."""

from __future__ import annotations

import importlib
from pathlib import Path

import gdscript.stdlib as stdlib


def build_index() -> dict[int, dict[str, str]]:
    """Godot class name -> module, per dialect (a later module wins, as in class_table)."""
    index: dict[int, dict[str, str]] = {3: {}, 4: {}}
    for name in stdlib._MODULES:
        module = importlib.import_module(f"gdscript.stdlib.{name}")
        for dialect in (3, 4):
            for key in (*getattr(module, "GODOT_CLASSES", {}),
                        *getattr(module, f"GODOT_CLASSES_{dialect}", {})):
                index[dialect][key] = name
    return index


def render(index: dict[int, dict[str, str]]) -> str:
    path = Path(stdlib.__file__).with_name("class_index.py")
    head = path.read_text(encoding="utf-8").split("CLASS_MODULES_4 = {")[0]
    parts = [head]
    for dialect in (4, 3):
        parts.append(f"CLASS_MODULES_{dialect} = {{\n")
        parts.extend(f"    {k!r}: {v!r},\n" for k, v in sorted(index[dialect].items()))
        parts.append("}\n" + ("\n" if dialect == 4 else ""))
    return "".join(parts)


if __name__ == "__main__":
    target = Path(stdlib.__file__).with_name("class_index.py")
    target.write_text(render(build_index()), encoding="utf-8")
    print(f"wrote {target}")
