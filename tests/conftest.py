"""Shared test fixtures: where the external yardsticks live, and how to need them.

Some tests need things outside the repository: Godot's GDScript test suite
(read in place, never copied), the documentation copies in ``shared/`` beside
the repository, and real Godot 3 (``godot3-server``).  ``need()`` skips a test
when one is absent on a developer's machine (printing why), and fails it in CI
(``CI`` set), where everything must be present.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
IN_CI = bool(os.environ.get("CI"))


def need(ok: bool, what: str) -> None:
    """Skip (developer machine) or fail (CI) when ``what`` is missing."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{what} is required in CI but missing", pytrace=False)
    pytest.skip(f"{what} is missing")


def shared_dir() -> Path:
    return Path(os.environ.get("GDSCRIPT_SHARED_DIR", REPO_ROOT.parent / "shared"))


def godot_suite_dir() -> Path:
    """Godot's ``modules/gdscript/tests/scripts`` (see README: "Godot's test suite")."""
    env = os.environ.get("GODOT_TESTS_DIR")
    if env:
        return Path(env)
    for base in (REPO_ROOT.parent / "godot", Path("/work/godot")):
        candidate = base / "modules" / "gdscript" / "tests" / "scripts"
        if candidate.is_dir():
            return candidate
    return REPO_ROOT.parent / "godot" / "modules" / "gdscript" / "tests" / "scripts"


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    need(path.is_dir(), f"the shared/ documentation folder ({path})")
    return path


@pytest.fixture(scope="session")
def godot_suite() -> Path:
    path = godot_suite_dir()
    need(path.is_dir(), f"Godot's GDScript test suite ({path}; set GODOT_TESTS_DIR)")
    return path


@pytest.fixture(scope="session")
def godot3_server() -> str:
    exe = shutil.which("godot3-server")
    need(exe is not None, "real Godot 3 (the Debian package godot3-server)")
    assert exe is not None
    return exe


def capturing(entry_of: Any) -> Any:
    """For fixtures: the engine errors raised while the fixture is in use, each as what
    ``entry_of(level, message, explanation)`` makes of it."""
    from gdscript import errors

    seen: list[Any] = []
    old = errors.set_engine_error_sink(lambda *entry: seen.append(entry_of(*entry)))
    try:
        yield seen
    finally:
        errors.set_engine_error_sink(old)


@pytest.fixture
def engine_messages() -> Any:
    """Engine errors as (level, message, explanation)."""
    yield from capturing(lambda *entry: entry)


@pytest.fixture
def engine_errors() -> Any:
    """Engine errors' messages."""
    yield from capturing(lambda level, message, explanation: message)


def run4_output(source: str) -> tuple[str, str]:
    """(stdout, stderr) of a 4.x script given indented with spaces, as in a test's
    triple-quoted string (run with tabs, as Godot's files are)."""
    import textwrap

    from gdscript.api import run_source

    result = run_source(textwrap.dedent(source).replace("    ", "\t"), dialect=4, timeout=20)
    return result.stdout, result.stderr
