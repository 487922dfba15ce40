"""Tests for the pytest plugin (interpreter/pytest_plugin.py), run through pytest's pytester.

The plugin is loaded with ``-p`` unless the installed package already registers it as a
``pytest11`` entry point.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

SAMPLES = Path(__file__).parent / "doctest_samples"


def plugin_args() -> list[str]:
    registered = any(ep.value.startswith("gdscript.pytest_plugin")
                     for ep in entry_points(group="pytest11"))
    return [] if registered else ["-p", "gdscript.pytest_plugin"]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    # A subprocess, as pytest really runs: an in-process run restores sys.modules after each
    # inner session, which leaves two copies of lazily imported modules for the next one.
    return pytester.runpytest_subprocess(*plugin_args(), "-p", "no:cacheprovider", *args)


class TestGDScriptFiles:
    @pytest.fixture()
    def result(self, pytester: pytest.Pytester) -> pytest.RunResult:
        (pytester.path / "test_sample.gd").write_text(
            (SAMPLES / "gd_tests.gd").read_text(encoding="utf-8"), encoding="utf-8")
        return run(pytester, "-rA")

    def test_each_test_function_is_an_item(self, result: pytest.RunResult):
        result.assert_outcomes(passed=1, failed=3)
        result.stdout.fnmatch_lines(["PASSED test_sample.gd::test_passes"])
        assert "helper_is_not_a_test" not in result.stdout.str()

    def test_assert_failure_is_reported_at_the_gd_line(self, result: pytest.RunResult):
        result.stdout.fnmatch_lines([
            "test_sample.gd:15: FAIL: SCRIPT ERROR: Assertion failed.",
            "    assert(answer == 41)",
        ])

    def test_wrong_claim_shows_expected_and_actual(self, result: pytest.RunResult):
        result.stdout.fnmatch_lines([
            "test_sample.gd:19: FAIL: claim '# Prints \"goodbye\"': expected goodbye, "
            "got hello"])

    def test_script_error_is_reported_at_the_gd_line(self, result: pytest.RunResult):
        result.stdout.fnmatch_lines(["test_sample.gd:24: FAIL: SCRIPT ERROR: Out of bounds "
                                     "get index '3' (on base: 'Array')"])


class TestDocumentationBlocks:
    def test_blocks_are_items_only_with_the_option(self, pytester: pytest.Pytester):
        (pytester.path / "page.md").write_text(
            (SAMPLES / "claims_fail.md").read_text(encoding="utf-8"), encoding="utf-8")
        run(pytester).assert_outcomes()
        result = run(pytester, "--gdscript-doctest", "-rA")
        result.assert_outcomes(failed=10)
        result.stdout.fnmatch_lines(["page.md:4: FAIL: claim*expected Goodbye, got Hello",
                                     "FAILED page.md::line 4 - *"])

    def test_rst_blocks_pass_fail_and_skip(self, pytester: pytest.Pytester):
        (pytester.path / "page.rst").write_text(
            (SAMPLES / "outcomes.rst").read_text(encoding="utf-8"), encoding="utf-8")
        result = run(pytester, "--gdscript-doctest", "--gdscript-timeout", "2", "-rA")
        result.assert_outcomes(passed=4, failed=6, skipped=1)
        result.stdout.fnmatch_lines(["SKIPPED * elided, not run"])

    def test_fixtures_file_gives_the_names_a_page_does_not_define(
            self, pytester: pytest.Pytester):
        (pytester.path / "page.rst").write_text(
            (SAMPLES / "outcomes.rst").read_text(encoding="utf-8"), encoding="utf-8")
        fixtures = str(SAMPLES / "fixtures.txt")
        result = run(pytester, "--gdscript-doctest", "--gdscript-timeout", "2",
                     "--gdscript-fixtures", fixtures, "-rA")
        result.assert_outcomes(passed=6, failed=4, skipped=1)  # greeter and $Title now pass
        result.stdout.fnmatch_lines(["PASSED *page.rst::line 29*", "PASSED *page.rst::line 35*"])

    def test_unreadable_fixtures_file_is_a_usage_error(self, pytester: pytest.Pytester):
        (pytester.path / "page.md").write_text("```gdscript\nprint(1)\n```\n", encoding="utf-8")
        result = run(pytester, "--gdscript-doctest", "--gdscript-fixtures", "missing.txt")
        result.stderr.fnmatch_lines(["*--fixtures: cannot read 'missing.txt'*"])
        assert result.ret == pytest.ExitCode.USAGE_ERROR
