"""The stored Godot 3 corpus expectations still match what real Godot 3.2.3 prints.

Each program of ``tests/gd/godot3/`` is run under ``godot3-server`` exactly as
``scripts/capture_godot3.py`` runs it (same environment, folder and filtering)
and its stdout, filtered stderr and exit code are compared with the stored
``.out``/``.err``/``.code`` files.  All runs happen once, two at a time, in a
module fixture; each parametrized test then looks at its own result.

Without ``godot3-server`` the tests are skipped, except under CI (environment
variable ``CI`` set), where they fail: CI must install Godot 3.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "capture_godot3.py"


def load_capture_module():
    """Import scripts/capture_godot3.py (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("capture_godot3", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


capture = load_capture_module()
TESTS = capture.corpus_tests()


def run_or_error(test: Path):
    """A fresh Outcome, or the CaptureError explaining why there is none."""
    try:
        return capture.run_test(test)
    except capture.CaptureError as exc:
        return exc


@pytest.fixture(scope="module")
def fresh_outcomes() -> dict[str, object]:
    if not capture.godot_available():
        reason = f"{capture.GODOT} is not installed"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must install Godot 3.2.3 ({capture.GODOT})")
        pytest.skip(reason)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(run_or_error, TESTS)
        return {test.name: result for test, result in zip(TESTS, results)}


def test_corpus_is_big_enough():
    assert len(TESTS) >= 160


def test_every_test_has_a_stored_output():
    missing = [t.name for t in TESTS if not capture.expectation_files(t)["out"].exists()]
    assert missing == []


@pytest.mark.parametrize("test", TESTS, ids=[t.stem for t in TESTS])
def test_expectation_matches_godot3(test: Path, fresh_outcomes):
    actual = fresh_outcomes[test.name]
    if isinstance(actual, Exception):
        pytest.fail(str(actual))
    expected = capture.read_expectation(test)
    assert capture.describe_difference(test, expected, actual) == ""
    assert actual == expected


class TestFiltering:
    def test_banner_is_removed(self):
        out = "Godot Engine v3.2.3.stable.custom_build - https://godotengine.org\n \nhi\n"
        assert capture.strip_banner(out) == "hi\n"

    def test_missing_banner_is_an_error(self):
        with pytest.raises(capture.CaptureError):
            capture.strip_banner("hi\n")

    def test_build_locations_are_dropped_script_locations_kept(self):
        err = (
            "ERROR: f: boom.\n   At: core/object.cpp:830.\n"
            "SCRIPT ERROR: g: bad.\n   At: res://t.gd:4.\nplain\n"
        )
        assert capture.filter_stderr(err) == (
            "ERROR: f: boom.\nSCRIPT ERROR: g: bad.\n   At: res://t.gd:4.\nplain\n"
        )

    def test_helpers_are_not_tests(self):
        assert not capture.is_test(Path("x/animal_base.helper.gd"))
        assert capture.is_test(Path("x/class_inner.gd"))
