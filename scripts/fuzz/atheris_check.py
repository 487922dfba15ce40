#!/usr/bin/env python3
"""Coverage-guided fuzzing with atheris (libFuzzer for Python) of ``check`` (parser,
analyzer, compiler) or of a sandboxed run: the long-run companion of ``fuzz_run.py``.

atheris is not a dependency of this project; install it in a separate environment that
also sees the project (the wheel is built for CPython 3.8-3.11 on Linux and macOS)::

    python3 -m venv --system-site-packages /tmp/atheris-venv
    /tmp/atheris-venv/bin/pip install atheris
    /tmp/atheris-venv/bin/python scripts/fuzz/atheris_check.py [--target check|run] \\
        CORPUS_DIR [libFuzzer options, e.g. -max_total_time=600 -max_len=4096]

An empty ``CORPUS_DIR`` is first filled with ``fuzz_run.py``'s seed scripts.  Every input
is decoded as UTF-8 (bad bytes replaced, as ``gdscript`` refuses such files earlier) and
goes through ``fuzz_run.check_problem`` (``--target check``) or ``fuzz_run.problem``
(``--target run``: ``run --sandbox --timeout 1``).  A problem (an internal error, an
exception that is not a GDScript error, a hang the time limit did not stop) raises
``FuzzFinding``, so libFuzzer stops and writes the input to ``crash-<sha1>``; rerun one
input with ``... atheris_check.py crash-<sha1>``.  ``-timeout`` is libFuzzer's per-input
limit; its SIGALRM handler is replaced by the runner's time limit, so hangs are caught by a
watchdog thread instead (the process ends with exit code 3 and prints the input).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


class FuzzFinding(Exception):
    """An input made the pipeline fail in a way no user input may."""


def load_fuzz_run() -> Any:
    spec = importlib.util.spec_from_file_location("fuzz_run", HERE / "fuzz_run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_corpus(folder: Path, fuzz_run: Any) -> None:
    """Fill an empty corpus folder with the seed scripts (one file each)."""
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        return
    seeds = fuzz_run.load_seeds([fuzz_run.CORPUS] if fuzz_run.CORPUS.is_dir() else [])
    for n, text in enumerate(seeds):
        (folder / f"seed-{n:04d}.gd").write_text(text, encoding="utf-8")


def make_target(fuzz_run: Any, target: str, timeout: float) -> Any:
    import contextlib
    import io
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="gdscript-atheris-"))
    watchdog = fuzz_run.Watchdog(timeout + fuzz_run.HANG_GRACE)

    def one_input(data: bytes) -> None:
        source = data.decode("utf-8", errors="replace")
        watchdog.begin(source)
        with contextlib.redirect_stdout(io.StringIO()):
            found = (fuzz_run.check_problem(source, timeout, root) if target == "check"
                     else fuzz_run.problem(source, timeout))
        watchdog.end()
        if found:
            raise FuzzFinding(f"{found}\n--- input:\n{source!r}")

    return one_input


def import_pipeline(target: str) -> None:
    """Import what the target runs (inside ``instrument_imports``, so that it is traced)."""
    import importlib

    for name in ("api", "parser", "ast_builder", "parse_checks", "compiler", "loader",
                 "runtime", "script", "access", "globalscope", "sandbox", "runner"):
        importlib.import_module(f"gdscript.{name}")
    if target == "run":
        from gdscript import stdlib

        for name in getattr(stdlib, "_MODULES", ()):
            importlib.import_module(f"gdscript.stdlib.{name}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], add_help=True)
    ap.add_argument("--target", choices=("check", "run"), default="check")
    ap.add_argument("--timeout", type=float, default=1.0, help="the run's time limit")
    args, libfuzzer_args = ap.parse_known_args()
    try:
        import atheris
    except ImportError:
        print("atheris is not installed; see this script's docstring for how to install it "
              "in a separate environment.", file=sys.stderr)
        return 2
    fuzz_run = load_fuzz_run()
    for arg in libfuzzer_args:
        if not arg.startswith("-") and Path(arg).is_dir():
            seed_corpus(Path(arg), fuzz_run)
    with atheris.instrument_imports(include=["gdscript", "lark"]):
        import_pipeline(args.target)
    atheris.Setup([sys.argv[0], *libfuzzer_args], make_target(fuzz_run, args.target,
                                                                args.timeout))
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
