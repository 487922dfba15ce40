#!/usr/bin/env python3
"""Parse-speed benchmark: source -> AST over every .gd file of a folder.

Usage: scripts/bench_parse.py [SUITE_DIR] [--passes N]

SUITE_DIR defaults to Godot's test suite (/work/godot/modules/gdscript/tests/
scripts, or $GODOT_TESTS_DIR); completion/ and lsp/ are skipped.  The one-time
parser construction is excluded.  Prints files, lines, seconds and lines/s,
taking the median of the passes.  Files that fail to parse are still timed
(the error is part of the work) and counted on a separate line.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from gdscript.errors import ParseError
from gdscript.parser import parse

DEFAULT_DIR = os.environ.get("GODOT_TESTS_DIR", "/work/godot/modules/gdscript/tests/scripts")
SKIP = ("completion", "lsp")


def collect(root: str) -> list[tuple[str, str]]:
    """(path, text) of every .gd under root, outside the skipped folders."""
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not (folder == root and d in SKIP))
        for name in sorted(names):
            if name.endswith(".gd"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    files.append((path, f.read()))
    return files


def one_pass(files) -> tuple[float, int]:
    failures = 0
    start = time.perf_counter()
    for path, text in files:
        try:
            parse(text, path, 4)
        except ParseError:
            failures += 1
    return time.perf_counter() - start, failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("suite_dir", nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--passes", type=int, default=5)
    args = ap.parse_args(argv)
    if not os.path.isdir(args.suite_dir):
        print(f"no such folder: {args.suite_dir}", file=sys.stderr)
        return 2
    files = collect(args.suite_dir)
    lines = sum(text.count("\n") + (not text.endswith("\n") and bool(text)) for _, text in files)
    parse("var warm_up = 1\n")  # builds (or loads) the parser outside the timing
    times = []
    failures = 0
    for _ in range(args.passes):
        seconds, failures = one_pass(files)
        times.append(seconds)
    median = statistics.median(times)
    print(f"files: {len(files)}")
    print(f"lines: {lines}")
    print(f"seconds: {median:.3f}")
    print(f"lines/s: {lines / median:.0f}")
    print(f"rejected files (parse errors): {failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
