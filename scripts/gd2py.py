"""Print the Python code a GDScript file compiles to (for reviews and bug reports).

Usage: python scripts/gd2py.py FILE.gd [--godot 3|4]
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

from gdscript.compiler import Compiler
from gdscript.errors import GDScriptError
from gdscript.loader import Project, Resolver
from gdscript.parser import parse
from gdscript.source import read_source


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--godot", choices=("3", "4", "auto"), default="auto")
    args = ap.parse_args()
    path = Path(args.file)
    try:
        text = read_source(path)
        dialect = args.godot if args.godot == "auto" else int(args.godot)
        tree = parse(text, path=str(path), dialect=dialect)
        project = Project(Project.root_for(path), tree.dialect)
        compiled = Compiler(tree, project.res_path(path), tree.dialect,
                            Resolver(project, path)).compile()
    except GDScriptError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    print(ast.unparse(compiled.module))
    return 0


if __name__ == "__main__":
    sys.exit(main())
