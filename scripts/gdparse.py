#!/usr/bin/env python3
"""Print the AST of a GDScript file as an indented tree.

Usage: scripts/gdparse.py FILE [--dialect 3|4|auto] [--statements]

Each node prints as ``Name [line:col-end_line:end_col] field=value ...`` with
its child nodes indented below it; parse errors print Godot-style and exit 1.
"""

from __future__ import annotations

import argparse
import sys

from gdscript import nodes as n
from gdscript.errors import ParseError
from gdscript.parser import parse, parse_statements

_HIDDEN = {"line", "column", "end_line", "end_column", "datatype", "reduced_value", "is_constant"}


def _scalar(value) -> bool:
    return not isinstance(value, (n.Node, list, tuple))


def dump(node, indent: int = 0, label: str = "", out=sys.stdout) -> None:
    """Write ``node`` and its children to ``out``."""
    pad = "  " * indent
    head = f"{pad}{label}{type(node).__name__} [{node.line}:{node.column}-" \
           f"{node.end_line}:{node.end_column}]"
    fields = node.__dataclass_fields__
    simple = [f"{k}={getattr(node, k)!r}" for k in fields
              if k not in _HIDDEN and _scalar(getattr(node, k))
              and getattr(node, k) not in (None, False, "")]
    out.write(head + (" " + " ".join(simple) if simple else "") + "\n")
    for k in fields:
        value = getattr(node, k)
        if isinstance(value, n.Node):
            dump(value, indent + 1, f"{k}: ", out)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                _dump_item(item, indent + 1, f"{k}[{i}]: ", out)


def _dump_item(item, indent, label, out) -> None:
    if isinstance(item, n.Node):
        dump(item, indent, label, out)
    elif isinstance(item, tuple):
        out.write("  " * indent + label + "pair\n")
        for j, sub in enumerate(item):
            if sub is not None:
                _dump_item(sub, indent + 1, f"[{j}]: ", out)
    else:
        out.write("  " * indent + label + repr(item) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Print the AST of a GDScript file.")
    ap.add_argument("file")
    ap.add_argument("--dialect", default="auto")
    ap.add_argument("--statements", action="store_true",
                    help="parse as function-body statements (a documentation fragment)")
    args = ap.parse_args(argv)
    try:
        with open(args.file, encoding="utf-8") as f:
            source = f.read()
    except OSError as e:
        print(f"cannot read {args.file}: {e.strerror}", file=sys.stderr)
        return 2
    dialect = args.dialect if args.dialect == "auto" else int(args.dialect)
    try:
        tree = (parse_statements if args.statements else parse)(source, args.file, dialect)
    except ParseError as e:
        print(e.render(), file=sys.stderr)
        return 1
    dump(tree)
    return 0


if __name__ == "__main__":
    sys.exit(main())
