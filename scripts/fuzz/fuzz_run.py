#!/usr/bin/env python3
"""Long fuzz runs of the whole pipeline: mutated and generated scripts go through
``check`` (parser, analyzer, compiler) or ``run --sandbox --timeout 1``, in this process;
every internal error, Python exception, traceback or hang is counted and printed.

Usage::

    python scripts/fuzz/fuzz_run.py [--count N] [--seed S] [--timeout 1] [--check-only]
                                    [--seeds DIR ...] [--no-corpus]

* default mode: each input runs as ``gdscript run --sandbox --timeout 1 FILE`` does (the
  sandbox, its memory ceiling, and the wall-clock limit that also stops loops without
  await);
* ``--check-only``: each input is parsed, analyzed and compiled to a class (its
  constants and static initializers run, sandboxed, under the same time limit), not run.

Inputs are mutations (deletions, inserted tokens, duplicated slices) of seed scripts: the
few below plus every ``.gd`` file under 4 KiB in ``--seeds`` folders (default: the
project's Godot 3 corpus, ``tests/gd/godot3``; ``--no-corpus`` skips it); one input in
eight is a generated token soup.  A watchdog thread ends the process with exit code 3,
printing the input, if one input takes ``--timeout`` + 10 s: a hang the time limit could
not stop.  Exit code 1 if any input failed.  To reproduce a failure: save the printed
input and run ``gdscript run --sandbox --timeout 1 FILE`` (or ``gdscript check``).
``tests/unit/test_engine_fuzz.py`` runs the same mutations through hypothesis.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "gd" / "godot3"
MAX_SEED_SIZE = 4096
HANG_GRACE = 10.0

SEEDS = [
    "extends SceneTree\nvar n := 3\nsignal s(x)\nclass A:\n\tvar v = [1, 2.5, \"x\"]\n"
    "\tfunc f(a, b = 2):\n\t\treturn a * b + v.size()\nfunc _init():\n\tvar a = A.new()\n"
    "\tprint(a.f(n), a.v, {\"k\": n}, Vector2(1, 2) * 2)\n\ts.connect(func(x): print(x))\n"
    "\ts.emit(n)\n\tfor i in range(n):\n\t\tmatch i:\n\t\t\t0: print(\"zero\")\n"
    "\t\t\t[var q]: print(q)\n\t\t\t_: print(i % 2, \"%d\" % i)\n\tquit()\n",
    "extends SceneTree\nenum E { A, B = 5 }\nconst K = [E.A, E.B]\nvar p: int:\n\tset(v):\n"
    "\t\tp = clamp(v, 0, 10)\nfunc g(x: int) -> String:\n\treturn str(x) + \"!\"\n"
    "func _init():\n\tp = 50\n\tprint(p, g(p), K, E.keys(), \"abc\".substr(1), [3, 1, 2].max())\n"
    "\tvar d = {}\n\td[1] = PackedByteArray([1, 2])\n\tprint(d, typeof(d[1]))\n\tquit(2)\n",
    "extends SceneTree\nfunc coro():\n\tvar v = yield()\n\treturn v\nfunc _init():\n"
    "\tvar s = coro()\n\tprint(s.resume(4))\n\tvar x = 7 / 2\n\tprint(x, str2var(\"[1]\"), "
    "PoolIntArray([1, 2]))\n\tquit()\n",
    "extends Node\nstatic var count := 0\nvar t := 0.0\nfunc _ready():\n\tvar i := 0\n"
    "\twhile i < 50:\n\t\ti += 1\n\t\tif i % 7 == 0:\n\t\t\tcontinue\n\t\tcount += i\n"
    "\tawait get_tree().process_frame\n\tprint(count, \" \", \"%.2f\" % t)\n"
    "\tget_tree().quit()\nfunc _process(delta):\n\tt += delta\n",
]
PIECES = ["(", ")", "[", "]", "{", "}", ":", ",", ".", "\n", "\n\t", "\t", " ", "=", "==",
          "+", "-", "*", "/", "%", "**", "not", "in", "is", "as", "\"", "#", "$", "null",
          "self", "super", "await", "yield", "x", "0", "1.5", "-1", "[]", "{}", "func", "var",
          "return", "quit()", "print(", "get(\"__class__\")", "new()", ".new()", "E", "A",
          "while true:", "for i in 9999999:", "static", "const", "class", "extends", "@",
          "match", "if", "else", "elif", "->", "1 << 62", "\"x\".repeat(9)", "\\", "'",
          "\u00e9", "\x00", "\r", ";", "pass", "break", "continue", "preload(\"a.gd\")"]


def mutate(rng: random.Random, text: str, edits: int) -> str:
    """``edits`` random deletions, insertions of a piece, or duplications."""
    for _ in range(edits):
        kind = rng.choice(("delete", "insert", "duplicate"))
        i = rng.randint(0, len(text))
        j = rng.randint(i, min(len(text), i + 12))
        if kind == "delete":
            text = text[:i] + text[j:]
        elif kind == "insert":
            text = text[:i] + rng.choice(PIECES) + text[i:]
        else:
            text = text[:j] + text[i:j] + text[j:]
    return text


def generate(rng: random.Random) -> str:
    """A token soup, sometimes behind a plausible head."""
    body = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
    head = rng.choice(["", "extends SceneTree\nfunc _init():\n\t", "func f():\n\t"])
    return head + body


def load_seeds(folders: list[Path]) -> list[str]:
    seeds = list(SEEDS)
    for folder in folders:
        for file in sorted(folder.rglob("*.gd")):
            if file.stat().st_size <= MAX_SEED_SIZE:
                seeds.append(file.read_text(encoding="utf-8", errors="replace"))
    return seeds


def next_input(rng: random.Random, seeds: list[str]) -> str:
    if rng.random() < 0.125:
        return generate(rng)
    return mutate(rng, rng.choice(seeds), rng.randint(1, 4))


# * The two pipelines ----------------------------------------------------------------------


def run_input(source: str, timeout: float):  # -> gdscript.api.RunResult
    """Run ``source`` as ``gdscript run --sandbox --timeout TIMEOUT FILE`` does."""
    from gdscript.api import run_source
    from gdscript.sandbox import sandboxed

    with sandboxed():
        return run_source(source, dialect="auto", timeout=timeout)


def problem(source: str, timeout: float) -> str | None:
    """What went wrong running ``source`` as ``run --sandbox --timeout`` (None: nothing)."""
    started = time.monotonic()
    try:
        result = run_input(source, timeout)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - the point is to catch any escape
        return f"escaped: {type(exc).__name__}: {exc}\n{traceback.format_exc()}"
    if time.monotonic() - started > timeout + 5:
        return "hang (the time limit came late)"
    for text in (result.stdout, result.stderr):
        if "internal error" in text or "Traceback" in text:
            return "internal error: " + text[-300:]
    return "internal error (exit 70)" if result.exit_code == 70 else None


CHECK_PATH = "res://fuzz.gd"


def check_problem(source: str, timeout: float, root: Path) -> str | None:
    """What went wrong parsing, analyzing and compiling ``source`` (None: nothing)."""
    from gdscript.api import captured
    from gdscript.errors import GDScriptError
    from gdscript.loader import Project, compile_tree
    from gdscript.parser import parse
    from gdscript.runner import RunTimeout, _deadline
    from gdscript.sandbox import OutOfMemory, sandboxed

    try:
        with captured(4) as (_, err), sandboxed(), _deadline(timeout):
            tree = parse(source, path=CHECK_PATH)
            compile_tree(tree, source, CHECK_PATH, Project(root, tree.dialect), None)
    except (GDScriptError, RunTimeout, OutOfMemory):
        return None
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - the point is to catch any escape
        return f"escaped: {type(exc).__name__}: {exc}\n{traceback.format_exc()}"
    internal = [line for line in err if "internal error" in line]
    return "internal error: " + internal[0] if internal else None


# * Driver ------------------------------------------------------------------------------------


class Watchdog:
    """Ends the process (exit code 3) when one input runs past its limit: a real hang."""

    def __init__(self, limit: float) -> None:
        self.limit = limit
        self.source = ""
        self.started = 0.0
        threading.Thread(target=self._watch, daemon=True, name="fuzz watchdog").start()

    def begin(self, source: str) -> None:
        self.source, self.started = source, time.monotonic()

    def end(self) -> None:
        self.started = 0.0

    def _watch(self) -> None:
        while True:
            time.sleep(1.0)
            started = self.started
            if started and time.monotonic() - started > self.limit:
                out = sys.__stdout__  # the inputs' own stdout goes to a sink
                out.write(f"--- HANG: one input ran over {self.limit:g} s\n{self.source!r}\n")
                out.flush()
                os._exit(3)


def arguments(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=1.0)
    ap.add_argument("--check-only", action="store_true",
                    help="parse, analyze and compile each input; do not run it")
    ap.add_argument("--seeds", type=Path, action="append", default=[], metavar="DIR",
                    help="also mutate the .gd files in DIR")
    ap.add_argument("--no-corpus", action="store_true",
                    help=f"do not add {CORPUS.relative_to(REPO)} to the seeds")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    folders = args.seeds + ([] if args.no_corpus or not CORPUS.is_dir() else [CORPUS])
    seeds = load_seeds(folders)
    rng = random.Random(args.seed)
    watchdog = Watchdog(args.timeout + HANG_GRACE)
    failures = 0
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="gdscript-fuzz-") as root:
        for n in range(args.count):
            source = next_input(rng, seeds)
            watchdog.begin(source)
            with contextlib.redirect_stdout(io.StringIO()):  # printraw() writes there
                found = (check_problem(source, args.timeout, Path(root)) if args.check_only
                         else problem(source, args.timeout))
            watchdog.end()
            if found:
                failures += 1
                print(f"--- input {n}: {found}\n{source!r}\n", flush=True)
            if n and n % 5000 == 0:
                print(f"... {n} inputs, {failures} failed, {time.monotonic() - started:.0f} s",
                      file=sys.stderr, flush=True)
    mode = "check" if args.check_only else f"run --sandbox --timeout {args.timeout:g}"
    print(f"{args.count} inputs through {mode} ({len(seeds)} seeds, seed {args.seed}) in "
          f"{time.monotonic() - started:.0f} s: {failures} with internal errors, "
          f"exceptions or hangs")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
