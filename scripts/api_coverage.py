#!/usr/bin/env python3
"""Measure how much of Godot's documented API this project implements.

Usage: ``api_coverage.py GODOT_DOC_CLASSES_DIR [CLASS...] [-v] [--dialect 3|4]``

Reads Godot's class-reference XML (``doc/classes/*.xml``) and prints, per class,
methods, properties (members), constants and operators: implemented vs
documented, as counts and percentages; ``-v`` lists the missing names.

What counts as implemented:
* builtin value types (String, Array, Packed*Array...): the names in their
  ``METHODS`` table (``gdscript.stdlib.variant.method_table``) plus static
  tables such as ``strings.STRING_STATIC``; operators from ``variant.OPERATORS``;
* ``@GlobalScope``: the constants of ``global_constants.constants(dialect)``;
* every other class: the Python class that ``gdscript.stdlib.class_table(dialect)``
  maps the name to; its public attributes (methods, properties, constants) count,
  as do names in its own ``METHODS`` / ``PROPERTIES`` / ``CONSTANTS`` / ``OPERATORS``
  attributes when it has them.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("methods", "properties", "constants", "operators")


@dataclass
class Documented:
    name: str
    names: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})


def read_class(path: Path) -> Documented:
    """The documented names of one class-reference XML file."""
    root = ET.parse(path).getroot()
    doc = Documented(root.get("name", path.stem))
    for kind, section, tag in (("methods", "methods", "method"),
                               ("properties", "members", "member"),
                               ("constants", "constants", "constant"),
                               ("operators", "operators", "operator")):
        for node in root.findall(f"{section}/{tag}"):
            name = node.get("name", "")
            if kind == "operators":
                name = name.removeprefix("operator ").strip()
            doc.names[kind].add(name)
    for node in root.findall("constructors/constructor"):
        doc.names["methods"].discard(node.get("name", ""))
    doc.names["methods"].discard(doc.name)  # Godot 3 lists constructors as methods
    return doc


def _builtin_types() -> dict[str, Any]:
    from gdscript.stdlib import arrays, dictionary, packed, strings
    table: dict[str, Any] = {"String": str, "StringName": strings.StringName,
                             "NodePath": strings.NodePath, "Array": arrays.Array,
                             "Dictionary": dictionary.Dictionary}
    table.update(packed.GODOT_CLASSES_4)
    table.update(packed.GODOT_CLASSES_3)
    return table


def implemented_names(class_name: str, dialect: int) -> dict[str, set[str]] | None:
    """Implemented names per kind for ``class_name``, or ``None`` if the class is unknown."""
    from gdscript.stdlib import variant
    builtins = _builtin_types()
    if class_name == "@GlobalScope":
        from gdscript.stdlib.global_constants import constants
        names = {k: set() for k in KINDS}
        names["constants"].update(constants(dialect))
        return names
    if class_name in builtins:
        return _builtin_names(class_name, builtins[class_name], dialect)
    import gdscript.stdlib as stdlib
    cls = stdlib.class_table(dialect).get(class_name)
    if cls is None:
        return None
    names = {k: set() for k in KINDS}
    for attr in dir(cls):
        if attr.startswith("_"):
            continue
        value = getattr(cls, attr, None)
        kind = "constants" if attr.isupper() else "methods" if callable(value) else "properties"
        names[kind].add(attr)
        if kind == "methods":
            names["properties"].add(attr)  # properties may be Python properties or methods
    for kind, attr in (("methods", "METHODS"), ("properties", "PROPERTIES"),
                       ("constants", "CONSTANTS"), ("operators", "OPERATORS")):
        names[kind].update(getattr(cls, attr, None) or ())
    names["operators"].update(variant.OPERATORS.get(class_name, ()))
    return names


def _builtin_names(class_name: str, value_type: type, dialect: int) -> dict[str, set[str]]:
    from gdscript.stdlib import strings, variant
    names = {k: set() for k in KINDS}
    names["methods"].update(variant.method_table(value_type, dialect))
    if value_type is str:
        names["methods"].update(strings.STRING_STATIC)
    names["operators"].update(variant.OPERATORS.get(class_name, ()))
    return names


def report(doc: Documented, have: dict[str, set[str]] | None, verbose: bool) -> list[str]:
    lines = [doc.name + ("" if have is not None else "  (not implemented)")]
    have = have or {k: set() for k in KINDS}
    for kind in KINDS:
        wanted = doc.names[kind]
        if not wanted:
            continue
        missing = sorted(wanted - have[kind])
        done = len(wanted) - len(missing)
        lines.append(f"  {kind:<10} {done:>4}/{len(wanted):<4} {100.0 * done / len(wanted):6.1f}%")
        if verbose and missing:
            lines.append("    missing: " + ", ".join(missing))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doc_dir", type=Path)
    parser.add_argument("classes", nargs="*")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--dialect", type=int, choices=(3, 4), default=4)
    args = parser.parse_args(argv)
    if not args.doc_dir.is_dir():
        print(f"error: not a directory: {args.doc_dir}", file=sys.stderr)
        return 2
    paths = [args.doc_dir / f"{c}.xml" for c in args.classes] or sorted(args.doc_dir.glob("*.xml"))
    status = 0
    for path in paths:
        if not path.is_file():
            print(f"error: no class reference for {path.stem} in {args.doc_dir}", file=sys.stderr)
            status = 2
            continue
        doc = read_class(path)
        print("\n".join(report(doc, implemented_names(doc.name, args.dialect), args.verbose)))
    return status


if __name__ == "__main__":
    sys.exit(main())
