#!/usr/bin/env python3
"""Measure how much of Godot's documented API this project implements.

Usage: ``api_coverage.py GODOT_DOC_CLASSES_DIR [CLASS...] [-v] [--dialect 3|4] [--extra DIR]``

Reads Godot's class-reference XML (``doc/classes/*.xml``; ``--extra`` names more
folders to look in, e.g. a module's ``doc_classes``) and prints, per class,
methods, properties (members), constants and operators: implemented vs
documented, as counts and percentages; ``-v`` lists the missing names.

What counts as implemented:
* builtin value types (String, Array, Packed*Array...): the names in their
  ``METHODS`` table (``gdscript.stdlib.variant.method_table``) plus static
  tables such as ``strings.STRING_STATIC``;
* ``@GlobalScope``: the constants of ``global_constants.constants(dialect)``;
* every other class: the Python class that ``gdscript.stdlib.class_table(dialect)``
  maps the name to; its public attributes (methods, properties, constants) count,
  as do names in its own ``METHODS`` / ``PROPERTIES`` / ``MEMBERS`` / ``CONSTANTS``
  attributes;
* operators (dialect 4): every documented overload (operator and right-hand
  type, e.g. ``* (Transform2D)``) is run through a compiled GDScript function on
  sample values; it counts when it raises no error and returns the documented
  type. ``-v`` tells why each missing overload failed.

``EXCLUDED`` lists documented names left out on purpose, each with the reason;
they do not count against a class (unless implemented anyway) and are printed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("methods", "properties", "constants", "operators")

# Class -> documented name -> why this project leaves it out.
EXCLUDED: dict[str, dict[str, str]] = {
    "OS": {
        "execute_with_pipe": "returns pipes as FileAccess objects streaming from a live child "
                             "process; running programs is off in sandboxed runs and the "
                             "streaming FileAccess has no equivalent here",
    },
    "Engine": {
        "get_license_text": "no Godot credits or license data is bundled (get_license_info "
                            "and friends answer with empty data)",
        "register_script_language": "ScriptLanguage objects are engine internals",
        "unregister_script_language": "ScriptLanguage objects are engine internals",
        "get_script_language": "ScriptLanguage objects are engine internals",
        "get_script_language_count": "ScriptLanguage objects are engine internals",
    },
    "Callable": {
        "rpc": "needs a MultiplayerAPI with a network peer (scene tree networking)",
        "rpc_id": "needs a MultiplayerAPI with a network peer (scene tree networking)",
    },
}


@dataclass
class Operator:
    op: str              # as the class reference spells it: "*", "[]", "unary-"
    right: str | None    # right-hand type; None for unary operators
    returns: str

    @property
    def signature(self) -> str:
        return self.op if self.right is None else f"{self.op} ({self.right})"


@dataclass
class Documented:
    name: str
    names: dict[str, set[str]] = field(default_factory=lambda: {k: set() for k in KINDS})
    operators: list[Operator] = field(default_factory=list)


def read_class(path: Path) -> Documented:
    """The documented names of one class-reference XML file."""
    root = ET.parse(path).getroot()
    doc = Documented(root.get("name", path.stem))
    for kind, section, tag in (("methods", "methods", "method"),
                               ("properties", "members", "member"),
                               ("constants", "constants", "constant")):
        for node in root.findall(f"{section}/{tag}"):
            doc.names[kind].add(node.get("name", ""))
    for node in root.findall("operators/operator"):
        param = node.find("param")
        ret = node.find("return")
        operator = Operator(node.get("name", "").removeprefix("operator ").strip(),
                            param.get("type") if param is not None else None,
                            ret.get("type", "Variant") if ret is not None else "Variant")
        doc.operators.append(operator)
        doc.names["operators"].add(operator.signature)
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


def implemented_names(class_name: str, dialect: int,
                      doc: Documented | None = None) -> dict[str, set[str]] | None:
    """Implemented names per kind for ``class_name``, or ``None`` if the class is unknown.

    With ``doc``, its documented operators are probed (dialect 4 only)."""
    names = _static_names(class_name, dialect)
    if names is not None and doc is not None and dialect == 4:
        names["operators"] = set(probe_operators(doc))
    return names


def _static_names(class_name: str, dialect: int) -> dict[str, set[str]] | None:
    builtins = _builtin_types()
    if class_name == "@GlobalScope":
        from gdscript.stdlib.global_constants import constants
        names = {k: set() for k in KINDS}
        names["constants"].update(constants(dialect))
        return names
    if class_name in builtins:
        return _builtin_names(builtins[class_name], dialect)
    import gdscript.stdlib as stdlib
    cls = stdlib.class_table(dialect).get(class_name)
    if cls is None:
        from gdscript.stdlib import math_types
        cls = getattr(math_types, class_name, None) if dialect == 4 else None
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
                       ("properties", "MEMBERS"), ("constants", "CONSTANTS")):
        names[kind].update(getattr(cls, attr, None) or ())
    return names


def _builtin_names(value_type: type, dialect: int) -> dict[str, set[str]]:
    from gdscript.stdlib import strings, variant
    names = {k: set() for k in KINDS}
    names["methods"].update(variant.method_table(value_type, dialect))
    if value_type is str:
        names["methods"].update(strings.STRING_STATIC)
    return names


# * Operator probing ---------------------------------------------------------------------

# GDScript expressions for a sample value of each type (non-zero, indexable at 1).
SAMPLES: dict[str, str] = {
    "int": "1", "float": "1.5", "bool": "true", "Variant": "1",
    "String": '"%s"', "StringName": '&"%s"', "NodePath": '^"a/b"',
    "Array": "[1, 2]", "Dictionary": "{1: 2}", "Object": "self",
    "Vector2": "Vector2(1, 2)", "Vector2i": "Vector2i(1, 2)",
    "Vector3": "Vector3(1, 2, 3)", "Vector3i": "Vector3i(1, 2, 3)",
    "Vector4": "Vector4(1, 2, 3, 4)", "Vector4i": "Vector4i(1, 2, 3, 4)",
    "Color": "Color(0.5, 0.25, 1, 1)", "Rect2": "Rect2(0, 0, 2, 2)",
    "Rect2i": "Rect2i(0, 0, 2, 2)", "AABB": "AABB(Vector3(), Vector3(1, 1, 1))",
    "Plane": "Plane(Vector3(0, 1, 0), 1)", "Quaternion": "Quaternion()",
    "Transform2D": "Transform2D()", "Transform3D": "Transform3D()", "Basis": "Basis()",
    "Projection": "Projection()", "RID": "RID()",
    "Callable": 'Callable(self, "sample_int")', "Signal": 'Signal(self, "probed")',
    "PackedByteArray": "PackedByteArray([1, 2])",
    "PackedInt32Array": "PackedInt32Array([1, 2])",
    "PackedInt64Array": "PackedInt64Array([1, 2])",
    "PackedFloat32Array": "PackedFloat32Array([1, 2])",
    "PackedFloat64Array": "PackedFloat64Array([1, 2])",
    "PackedStringArray": 'PackedStringArray(["a", "b"])',
    "PackedVector2Array": "PackedVector2Array([Vector2(1, 2), Vector2(3, 4)])",
    "PackedVector3Array": "PackedVector3Array([Vector3(1, 2, 3), Vector3(4, 5, 6)])",
    "PackedVector4Array": "PackedVector4Array([Vector4(1, 2, 3, 4), Vector4(5, 6, 7, 8)])",
    "PackedColorArray": "PackedColorArray([Color(1, 0, 0), Color(0, 1, 0)])",
}
_UNARY = {"unary-": "-", "unary+": "+", "not": "not ", "~": "~"}


def _operator_body(operator: Operator) -> tuple[str, str]:
    if operator.right is None:
        return "a", f"{_UNARY.get(operator.op, operator.op)}a"
    if operator.op == "[]":
        return "a, b", "a[b]"
    return "a, b", f"a {operator.op} b"


def _probe_source(doc: Documented) -> str:
    lines = ["extends RefCounted", "signal probed"]
    types = {doc.name} | {o.right for o in doc.operators if o.right}
    for type_name in sorted(types):
        lines += [f"func sample_{type_name}():", f"\treturn {SAMPLES[type_name]}"]
    for i, operator in enumerate(doc.operators):
        params, body = _operator_body(operator)
        lines += [f"func op_{i}({params}):", f"\treturn {body}"]
    return "\n".join(lines) + "\n"


class _Recorder:
    """Collects script errors raised while one probe runs."""

    def __init__(self) -> None:
        from gdscript import script
        self.messages: list[str] = []
        recorder = self

        class Reporter(script.ErrorReporter):
            def script_error(self, message: str, path: str, line: int, function: str) -> None:
                recorder.messages.append(message)

            def internal_error(self, exc: BaseException) -> None:
                recorder.messages.append(f"internal error: {type(exc).__name__}: {exc}")

        self.reporter = Reporter()


def probe_operators(doc: Documented) -> dict[str, str]:
    """Documented operator signature -> "" when it works; failures are left out.

    ``probe_failures(doc)`` gives the reasons."""
    return {sig: "" for sig, why in _probe(doc).items() if not why}


def probe_failures(doc: Documented) -> dict[str, str]:
    return {sig: why for sig, why in _probe(doc).items() if why}


_PROBE_CACHE: dict[tuple[str, ...], dict[str, str]] = {}


def _cache_key(doc: Documented) -> tuple[str, ...]:
    return (doc.name, *(f"{o.signature}->{o.returns}" for o in doc.operators))


def _probe(doc: Documented) -> dict[str, str]:
    """Run every documented operator overload; signature -> "" or why it failed."""
    key = _cache_key(doc)
    if key in _PROBE_CACHE:
        return _PROBE_CACHE[key]
    types = {doc.name} | {o.right for o in doc.operators if o.right}
    if not doc.operators or not types <= SAMPLES.keys():
        result = {o.signature: "no sample value for a type" for o in doc.operators}
    else:
        result = _run_probe(doc)
    _PROBE_CACHE[key] = result
    return result


def _run_probe(doc: Documented) -> dict[str, str]:
    from gdscript import errors, script
    from gdscript.loader import Project, compile_class
    from gdscript.stdlib.variant import godot_type_name

    recorder = _Recorder()
    old_reporter = script.set_reporter(recorder.reporter)
    old_sink = errors.set_engine_error_sink(lambda *_: None)
    result: dict[str, str] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="api-coverage-") as folder:
            try:
                cls = compile_class(_probe_source(doc), "res://probe.gd",
                                    Project(Path(folder), 4))
            except errors.GDScriptError as exc:
                return {o.signature: f"probe did not compile: {exc}" for o in doc.operators}
            obj = cls()
            for i, operator in enumerate(doc.operators):
                recorder.messages.clear()
                args = [obj.call(f"sample_{doc.name}")]
                if operator.right is not None:
                    args.append(obj.call(f"sample_{operator.right}"))
                value = obj.call(f"op_{i}", *args)
                got = godot_type_name(value)
                if recorder.messages:
                    result[operator.signature] = recorder.messages[0]
                elif operator.returns not in ("Variant", got):
                    result[operator.signature] = f"returned {got}, documented {operator.returns}"
                else:
                    result[operator.signature] = ""
    finally:
        errors.set_engine_error_sink(old_sink)
        script.set_reporter(old_reporter)
    return result


# * Report ------------------------------------------------------------------------------

def report(doc: Documented, have: dict[str, set[str]] | None, verbose: bool) -> list[str]:
    lines = [doc.name + ("" if have is not None else "  (not implemented)")]
    have = have or {k: set() for k in KINDS}
    excluded = EXCLUDED.get(doc.name, {})
    for kind in KINDS:
        left_out = {n for n in excluded if n in doc.names[kind] and n not in have[kind]}
        wanted = doc.names[kind] - left_out
        if not wanted and not left_out:
            continue
        missing = sorted(wanted - have[kind])
        done = len(wanted) - len(missing)
        share = 100.0 * done / len(wanted) if wanted else 100.0
        lines.append(f"  {kind:<10} {done:>4}/{len(wanted):<4} {share:6.1f}%"
                     + (f"  ({len(left_out)} excluded)" if left_out else ""))
        if verbose and missing:
            lines.append("    missing: " + ", ".join(missing))
            if kind == "operators":
                failures = probe_failures(doc) if _cache_key(doc) in _PROBE_CACHE else {}
                lines += [f"      {sig}: {failures[sig]}" for sig in missing if sig in failures]
        lines += [f"    excluded {name}: {excluded[name]}" for name in sorted(left_out)]
    return lines


def find_class(name: str, folders: list[Path]) -> Path | None:
    for folder in folders:
        path = folder / f"{name}.xml"
        if path.is_file():
            return path
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("doc_dir", type=Path)
    parser.add_argument("classes", nargs="*")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--dialect", type=int, choices=(3, 4), default=4)
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="another folder of class-reference XML files")
    args = parser.parse_intermixed_args(argv)
    if not args.doc_dir.is_dir():
        print(f"error: not a directory: {args.doc_dir}", file=sys.stderr)
        return 2
    folders = [args.doc_dir, *args.extra]
    if args.classes:
        paths: list[Path | None] = [find_class(c, folders) for c in args.classes]
    else:
        paths = sorted(p for folder in folders for p in folder.glob("*.xml"))
    status = 0
    for name, path in zip(args.classes or [p.stem for p in paths if p], paths):
        if path is None:
            print(f"error: no class reference for {name} in {args.doc_dir}", file=sys.stderr)
            status = 2
            continue
        doc = read_class(path)
        have = implemented_names(doc.name, args.dialect, doc)
        print("\n".join(report(doc, have, args.verbose)))
    return status


if __name__ == "__main__":
    sys.exit(main())
