#!/usr/bin/env python3
"""Long fuzz runs of the whole pipeline: mutate seed scripts, run them sandboxed with a
time limit, and count any internal error, Python traceback or hang.

Usage: ``python scripts/fuzz/fuzz_run.py [--count N] [--seed S] [--timeout 1]``; prints
the counts and every failing input (to reproduce: ``gdscript run --sandbox FILE``).
``tests/unit/test_engine_fuzz.py`` runs the same mutations through hypothesis.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

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
]
PIECES = ["(", ")", "[", "]", "{", "}", ":", ",", ".", "\n", "\n\t", "\t", " ", "=", "==",
          "+", "-", "*", "/", "%", "**", "not", "in", "is", "as", "\"", "#", "$", "null",
          "self", "super", "await", "yield", "x", "0", "1.5", "-1", "[]", "{}", "func", "var",
          "return", "quit()", "print(", "get(\"__class__\")", "new()", ".new()", "E", "A"]


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


def problem(source: str, timeout: float) -> str | None:
    """What went wrong running ``source`` (None when it ended as a script may end)."""
    from gdscript.api import run_source
    from gdscript.sandbox import sandboxed

    started = time.monotonic()
    with sandboxed():
        result = run_source(source, dialect="auto", timeout=timeout)
    if time.monotonic() - started > timeout + 5:
        return "hang"
    for text in (result.stdout, result.stderr):
        if "internal error" in text or "Traceback" in text:
            return "internal error: " + text[-300:]
    return "internal error (exit 70)" if result.exit_code == 70 else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=1.0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    for n in range(args.count):
        source = mutate(rng, rng.choice(SEEDS), rng.randint(1, 4))
        found = problem(source, args.timeout)
        if found:
            failures += 1
            print(f"--- input {n}: {found}\n{source}\n", flush=True)
    print(f"{args.count} inputs, {failures} with internal errors or hangs")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
