#!/usr/bin/env python3
"""Run the Godot 3 differential corpus through ``gdscript run --godot 3`` and compare.

Each test of ``tests/gd/godot3`` runs exactly as ``capture_godot3.py`` runs it
under real Godot (every corpus file copied into a fresh folder, which is the
working directory and ``res://``), and its stdout, filtered stderr and exit
code are compared with the stored expectation files.  ``http_*`` programs get
the same command-line arguments as under Godot (``capture.script_arguments``:
the ports of capture_godot3's loopback HTTP server).

Usage: ``scripts/corpus_godot3.py [TESTS...] [--jobs N] [-v]``; prints one line
per failing test (all with ``-v``), the differences with ``--diff``, and a
summary ``N/M identical (P %)``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import capture_godot3 as capture  # noqa: E402

TIMEOUT = 30


def run_ours(test: Path) -> capture.Outcome:
    """Run one corpus test under gdscript, as capture_godot3 runs it under Godot."""
    with tempfile.TemporaryDirectory(prefix="gd3corpus-") as tmp:
        for source in test.parent.glob("*.gd"):
            shutil.copy(source, Path(tmp) / source.name)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": tmp, "LANG": "en_US.UTF-8"}
        command = [sys.executable, "-m", "gdscript", "run", "--godot", "3",
                   "--timeout", str(TIMEOUT), test.name, *capture.script_arguments(test)]
        try:
            proc = subprocess.run(command, cwd=tmp, env=env, capture_output=True,
                                  text=True, timeout=TIMEOUT + 10)
        except subprocess.TimeoutExpired:
            return capture.Outcome("", "gdscript did not finish\n", -1)
        return capture.Outcome(proc.stdout, capture.filter_stderr(proc.stderr),
                               proc.returncode)


def compare(test: Path) -> tuple[Path, bool, str]:
    expected = capture.read_expectation(test)
    actual = run_ours(test)
    same = expected == actual
    diff = "" if same else capture.describe_difference(test, expected, actual)
    return test, same, diff


def run_corpus(tests: list[Path], jobs: int = 2) -> list[tuple[Path, bool, str]]:
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(compare, tests))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tests", nargs="*")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--diff", action="store_true", help="show the differences")
    args = ap.parse_args(argv)
    tests = capture.collect_tests(args.tests) if args.tests else capture.corpus_tests()
    results = run_corpus(tests, args.jobs)
    for test, same, diff in results:
        if args.verbose or not same:
            print(f"{'SAME' if same else 'DIFF'} {test.name}")
            if diff and args.diff:
                print(diff)
    same_count = sum(1 for _, same, _ in results if same)
    print(f"{same_count}/{len(results)} identical ({100.0 * same_count / len(results):.1f} %)")
    return 0 if same_count == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
