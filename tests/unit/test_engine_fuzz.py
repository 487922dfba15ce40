"""Fuzzing the whole pipeline: mutated scripts are compiled and run (sandboxed, 1 s limit).

Whatever the input, a run ends with GDScript errors or output, never with an internal
error (a Python exception escaping the compiler or the runtime).  The mutations are
``scripts/fuzz/fuzz_run.py``'s, which does the long runs.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fuzz" / "fuzz_run.py"
_spec = importlib.util.spec_from_file_location("fuzz_run", SCRIPT)
assert _spec is not None and _spec.loader is not None
fuzz_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz_run)

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


class TestEngineFuzz:
    def test_seeds_run_cleanly(self) -> None:
        from gdscript.api import run_source
        from gdscript.sandbox import sandboxed

        for source in fuzz_run.SEEDS:
            with sandboxed():
                result = run_source(source, dialect="auto", timeout=5)
            assert result.stderr == "", (source, result.stderr)

    @FUZZ
    @given(st.integers(0, 2**32), st.integers(1, 4))
    def test_mutations_never_reach_python(self, seed: int, edits: int) -> None:
        rng = random.Random(seed)
        source = fuzz_run.mutate(rng, rng.choice(fuzz_run.SEEDS), edits)
        assert fuzz_run.problem(source, 1.0) is None, source


class TestFuzzerSemantics:
    """The long runs really are ``run --sandbox --timeout 1`` and a bounded ``check``."""

    def test_an_endless_loop_is_stopped_by_the_time_limit(self) -> None:
        import time

        started = time.monotonic()
        result = fuzz_run.run_input("extends SceneTree\nfunc _init():\n\twhile true:\n"
                                    "\t\tpass\n", 1.0)
        assert time.monotonic() - started < 8
        assert (result.exit_code, result.stderr) == (
            1, "gdscript: timeout: the script ran longer than 1 s\n")

    def test_the_sandbox_is_on(self) -> None:
        result = fuzz_run.run_input('extends SceneTree\nfunc _init():\n\tOS.execute("ls", [])'
                                    '\n\tquit()\n', 1.0)
        assert "is not allowed in a sandboxed run" in result.stderr

    def test_check_stops_an_endless_static_initializer(self, tmp_path) -> None:
        import time

        started = time.monotonic()
        source = ("extends Node\nstatic var x = f()\nstatic func f():\n\twhile true:\n"
                  "\t\tpass\n")
        assert fuzz_run.check_problem(source, 1.0, tmp_path) is None
        assert time.monotonic() - started < 8

    def test_check_reports_an_escaping_exception(self, tmp_path, monkeypatch) -> None:
        from gdscript import loader

        def broken(*args, **kwargs):
            raise KeyError("boom")

        monkeypatch.setattr(loader, "compile_tree", broken)
        found = fuzz_run.check_problem("extends Node\n", 1.0, tmp_path)
        assert found is not None and found.startswith("escaped: KeyError: 'boom'")
