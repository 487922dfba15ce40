"""Tests for ``gdscript doctest`` (interpreter/doctest*.py) on small documents written for them.

The documents live in ``tests/unit/doctest_samples``; expected outputs are what Godot prints
for the GDScript in them (simple arithmetic, strings and arrays).  The shared Godot docs are
used read-only for the seed yardstick.
"""

from __future__ import annotations

import argparse
import io
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gdscript import doctest, doctest_pool
from gdscript.docsnippets import CodeBlock, extract_blocks
from gdscript.doctest_check import agrees, describe_mismatch, numbers_agree
from gdscript.doctest_run import Outcome, RunOptions, run_block
from gdscript.errors import UsageError

from conftest import shared_dir

SAMPLES = Path(__file__).parent / "doctest_samples"
LINE = re.compile(r"^(PASS|FAIL|ERROR|SKIP) (\S+):(\d+) (.*)$")


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    parser = argparse.ArgumentParser()
    doctest.add_arguments(parser)
    code = doctest.command(parser.parse_args(list(argv)))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def results(lines: list[str]) -> dict[int, tuple[str, str]]:
    """document line -> (status, reason) of the block lines."""
    found = {}
    for line in lines:
        m = LINE.match(line)
        if m:
            found[int(m[3])] = (m[1], m[4])
    return found


def block(text: str, **options: object) -> Outcome:
    code = CodeBlock("doc.md", 10, text, "gdscript", 4, "fence")
    return run_block(code, RunOptions(**options))  # type: ignore[arg-type]


class TestClaimForms:
    def test_every_claim_form_that_holds_passes(self, capsys):
        code, lines, _ = run_cli(capsys, str(SAMPLES / "claims_pass.md"))
        found = results(lines)
        assert code == 0
        assert len(found) == 17
        assert all(status == "PASS" and reason == "1 claim checked"
                   for status, reason in found.values())
        assert lines[-1] == "17 passed, 0 failed, 0 skipped"

    def test_every_claim_form_that_is_wrong_fails_with_expected_and_actual(self, capsys):
        code, lines, _ = run_cli(capsys, str(SAMPLES / "claims_fail.md"))
        found = results(lines)
        assert code == 1
        assert found[4] == ("FAIL", "claim '# Prints \"Goodbye\"': expected Goodbye, got Hello")
        assert found[8] == ("FAIL", "claim '# Prints 4': expected 4, got 3")
        assert found[12] == ("FAIL", "claim '# Returns 8': expected 8, got 7")
        assert found[16] == ("FAIL", "claim '# Output: 41': expected 41, got 42")
        assert found[20] == ("FAIL", "claim '# Result: 7': expected 7, got 6")
        assert found[26] == ("FAIL", "claim '# Prints:': expected 2 lines: row 0 | row 2, "
                                     "got 2 lines: row 0 | row 1")
        assert found[33] == ("FAIL", "claim '# a is 6': expected 6, got 5")
        assert found[37] == ("FAIL", "claim '# r is 1.5': expected 1.5, got 1.4142135623731")
        assert found[42] == ("FAIL", "claim '# b is -4': expected -4, got 4")
        assert found[48] == ("FAIL", "claim '# Output:': expected 2 lines: a | c, "
                                     "got 2 lines: a | b")
        assert lines[-1] == "0 passed, 10 failed, 0 skipped"

    def test_output_of_a_called_function_belongs_to_the_call(self):
        outcome = block("func greet():\n\tprint(\"hi\")\n\ngreet()  # Prints \"hi\"\n")
        assert (outcome.status, outcome.reason) == ("PASS", "1 claim checked")

    def test_claim_in_a_function_never_called_is_not_reached(self):
        outcome = block("func never():\n\tprint(1)  # Prints 2\n")
        assert (outcome.status, outcome.reason) == ("PASS", "ran, 1 not reached")
        strict = block("func never():\n\tprint(1)  # Prints 2\n", strict=True)
        assert (strict.status, strict.reason) == ("FAIL", "1 claim(s) not reached")

    def test_vague_claim_is_reported_as_not_checked(self):
        outcome = block("print(randi())  # Prints a random integer\n")
        assert (outcome.status, outcome.reason) == ("PASS", "ran, 1 not checked")
        assert outcome.details == ["line 10: claim '# Prints a random integer' not checked: "
                                   "no definite value (prose, an example or a condition)"]

    def test_unreached_claim_is_named_in_the_details(self):
        outcome = block("func never():\n\tprint(1)  # Prints 2\n")
        assert outcome.details == ["line 11: claim '# Prints 2' not reached "
                                   "(the statement did not run)"]

    def test_claim_about_an_error_message_reads_stderr(self):
        outcome = block('push_error("bad")  # Prints "bad" as an error.\n')
        assert (outcome.status, outcome.reason) == ("PASS", "1 claim checked")
        assert outcome.warnings == ["ERROR: bad"]

    def test_printraw_pieces_join_into_one_line(self):
        outcome = block('printraw("A")\nprintraw("B")  # Prints "AB"\n')
        assert outcome.status == "FAIL"  # the claim covers its own statement only
        outcome = block('# Prints "AB"\nprintraw("A"); printraw("B")\n')
        assert (outcome.status, outcome.reason) == ("PASS", "1 claim checked")

    def test_conditional_and_uncertain_claims_are_reported_not_checked(self):
        outcome = block('var d = JSON.parse_string("[1]")  # Returns null if parsing failed.\n'
                        '# May print 1, 2 or 3.\nprint(randi_range(1, 3))\n')
        assert (outcome.status, outcome.reason) == ("PASS", "ran, 2 not checked")
        assert [d.split(":")[0] for d in outcome.details] == ["line 10", "line 11"]

    def test_claims_of_a_block_stopped_by_an_error_are_counted(self):
        outcome = block("print(1)  # Prints 1\nvar a = [][3]  # a is 0\nprint(2)  # Prints 2\n")
        assert (outcome.status, outcome.line, outcome.claims_checked) == ("FAIL", 11, 1)
        assert outcome.details == ["    var a = [][3]  # a is 0",
                                   "2 claims not checked: the block stopped at the error"]

    def test_claims_of_a_block_that_does_not_compile_are_counted(self):
        outcome = block("print(1)  # Prints 1\nprint(undefined_name)  # Prints 2\n")
        assert outcome.details == ["    print(undefined_name)  # Prints 2",
                                   "2 claims not checked: the block did not compile"]

    def test_error_inside_a_recorded_value_names_the_claimed_line(self):
        outcome = block("var items = [1]\nitems[4]  # Returns 1\n")
        assert (outcome.status, outcome.line) == ("FAIL", 11)
        assert outcome.reason.startswith("SCRIPT ERROR: Out of bounds get index '4'")
        assert outcome.details[0] == "    items[4]  # Returns 1"


class TestComparison:
    def test_exact_text_agrees(self):
        assert agrees(["[1, 2]"], ["[1, 2]"])
        assert not agrees(["[1, 2]"], ["[1, 3]"])

    def test_numbers_agree_to_the_written_precision(self):
        assert numbers_agree("0.463648", "0.46364760900081")  # rounded
        assert numbers_agree("1.414", "1.41421356")  # rounded or truncated
        assert numbers_agree("2.0", "2")
        assert not numbers_agree("0.5", "0.56")
        assert not numbers_agree("30", "30.0000128572704")  # an integer claim is exact
        assert agrees(["(0.5, 1.333)"], ["(0.5, 1.33333333)"])

    def test_constructor_and_null_spellings(self):
        assert agrees(["Vector2(1, 0)"], ["(1, 0)"])
        assert agrees(["null"], ["<null>"])

    def test_bbcode_and_tabs_as_a_terminal_shows_them(self):
        assert agrees(["Hello"], ["[color=green][b]Hello[/b][/color]"])
        assert agrees(["A       B"], ["A\tB"])

    def test_mismatch_description(self):
        assert describe_mismatch(["3"], []) == "expected 3, got no output"
        assert describe_mismatch(["a", "b"], ["a"]) == "expected 2 lines: a | b, got a"


@pytest.fixture(scope="module")
def outcome_lines() -> list[str]:
    out = io.StringIO()
    blocks = extract_blocks(SAMPLES / "outcomes.rst")
    options = RunOptions(timeout=2.0, output_limit=100_000)
    doctest.run_doctest(blocks, options, 2, out, io.StringIO())
    return out.getvalue().splitlines()


class TestOutcomes:

    def test_parse_error_names_the_document_line(self, outcome_lines):
        found = results(outcome_lines)
        assert found[9] == ("FAIL", 'Parse Error: Expected end of statement after variable '
                                    'declaration, found "Identifier" instead.')
        index = next(i for i, s in enumerate(outcome_lines) if ":9 " in s)
        assert outcome_lines[index + 1].strip() == "String text = fields"

    def test_runtime_error_names_the_document_line(self, outcome_lines):
        assert results(outcome_lines)[16] == (
            "FAIL", "SCRIPT ERROR: Out of bounds get index '5' (on base: 'Array')")

    def test_elided_block_is_skipped(self, outcome_lines):
        assert results(outcome_lines)[22] == ("SKIP", "elided, not run")

    def test_undefined_name_fails_without_a_fixture(self, outcome_lines):
        assert results(outcome_lines)[29] == (
            "FAIL", 'Analyzer Error: Identifier "greeter" not declared in the current scope.')

    def test_members_and_statements_and_scripts_run(self, outcome_lines):
        found = results(outcome_lines)
        assert found[41] == ("PASS", "1 claim checked")
        assert found[50] == ("PASS", "1 claim checked")
        assert found[59] == ("PASS", "ran, stopped after 120 frames of _process")

    def test_endless_loop_times_out(self, outcome_lines):
        assert results(outcome_lines)[70] == ("ERROR",
                                              "timeout: the block ran longer than 2 s")

    def test_output_limit_stops_the_block_at_the_printing_line(self, outcome_lines):
        assert results(outcome_lines)[78] == (
            "ERROR", "output limit: the block printed more than 100000 characters")
        at = next(i for i, s in enumerate(outcome_lines) if "outcomes.rst:78 " in s)
        assert outcome_lines[at + 1] == '        print("line number ", i)'

    def test_endless_output_of_a_process_callback_is_stopped(self):
        text = "extends Node\n\nfunc _process(delta):\n\tprint(\"tick\")\n"
        outcome = block(text, output_limit=5000)
        assert (outcome.status, outcome.reason, outcome.line) == (
            "ERROR", "output limit: the block printed more than 5000 characters", 13)
        assert outcome.details == ['    print("tick")']

    def test_child_node_the_page_does_not_define_fails_without_a_fixture(self, outcome_lines):
        assert results(outcome_lines)[35] == (
            "FAIL", "SCRIPT ERROR: Invalid access to property or key 'name' on a base object "
                    "of type 'Nil'.")

    def test_summary_counts_errors_as_failed(self, outcome_lines):
        assert outcome_lines[-1] == "4 passed, 6 failed, 1 skipped"


class TestFormats:
    """One small document per format: blocks found, run, and reported at their lines."""

    def test_each_format_runs_with_claims_at_document_lines(self, capsys):
        names = ["formats.rst", "formats.md", "Formats.xml", "formats.gd"]
        code, lines, _ = run_cli(capsys, *(str(SAMPLES / n) for n in names))
        found = {(Path(m[2]).name, int(m[3])): (m[1], m[4])
                 for m in map(LINE.match, lines) if m}
        ok = ("PASS", "1 claim checked")
        assert found == {
            ("formats.rst", 6): ok,  # literal block, default highlight
            ("formats.rst", 13): ("FAIL", "claim '# Prints 5': expected 5, got 4"),  # code-tab
            ("formats.rst", 22): ok,  # code-block with options
            ("formats.rst", 28): ok,  # code
            ("formats.rst", 40): ok,  # literal block after highlight went back to gdscript
            ("formats.md", 4): ok,  # ```gdscript
            ("formats.md", 9): ("FAIL", "claim '# Prints 2.5': expected 2.5, got 2"),  # ~~~gd
            ("Formats.xml", 5): ok,  # [codeblock]
            ("Formats.xml", 11): ("FAIL", "claim '# Prints \"x > y\"': expected x > y, "
                                          "got x < y"),  # [gdscript] tab, entities unescaped
            ("formats.gd", 1): ok,  # the whole file
        }
        assert code == 1 and lines[-1] == "7 passed, 3 failed, 0 skipped"

    def test_warnings_name_the_document_line(self):
        text = ('extends SceneTree\n\nfunc _init():\n\tpush_warning("w")\n'
                '\tprint(get_tree() == self)  # Prints true\n\tquit()\n')
        code = CodeBlock("page.rst", 40, text, "gdscript", 4, "code-block")
        out, err = io.StringIO(), io.StringIO()
        doctest.report_block(code, run_block(code, RunOptions()), out, err)
        assert out.getvalue() == "PASS page.rst:40 1 claim checked\n"
        assert err.getvalue().splitlines() == [  # compiling warns before running does
            'page.rst:44: compatibility warning: Godot rejects this line (Function '
            '"get_tree()" not found in base self.); running get_tree() as the SceneTree '
            'script itself.',
            "page.rst:40: warning: WARNING: w"]

    def test_res_paths_are_the_blocks_own_folder(self, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        outcome = block('var f = FileAccess.open("res://out.txt", FileAccess.WRITE)\n'
                        'f.store_string("x")\nf.close()\n'
                        'print(FileAccess.file_exists("res://out.txt"))  # Prints true\n')
        assert (outcome.status, outcome.reason) == ("PASS", "1 claim checked")
        assert list(tmp_path.iterdir()) == []  # not the current folder


class TestFixtures:
    def test_fixture_file_provides_names_and_child_nodes(self, capsys):
        code, lines, _ = run_cli(capsys, "--fixtures", str(SAMPLES / "fixtures.txt"),
                                 "--timeout", "2", str(SAMPLES / "outcomes.rst"))
        found = results(lines)
        assert found[29] == ("PASS", "1 claim checked")
        assert found[35] == ("PASS", "1 claim checked")
        assert code == 1

    def test_fixture_option_and_gd_fixture_file(self, tmp_path):
        gd = tmp_path / "fixtures.gd"
        gd.write_text("var numbers = _make(3)\n\nfunc _make(n):\n\treturn range(n)\n")
        fixtures, helpers = doctest.read_fixtures(str(gd))
        assert fixtures == [("numbers", "_make(3)")]
        outcome = block("print(numbers)  # Prints [0, 1, 2]\n", fixtures=tuple(fixtures),
                        helpers=helpers)
        assert (outcome.status, outcome.reason) == ("PASS", "1 claim checked")

    def test_helpers_join_only_blocks_that_use_them(self, tmp_path):
        gd = tmp_path / "fixtures.gd"
        gd.write_text("var total = _sum(2)\n\nfunc _sum(n):\n\treturn _twice(n) + 1\n\n"
                      "func _twice(n):\n\treturn n * 2\n\nfunc broken():\n"
                      "\treturn Missing.new()\n\nclass Shape:\n\tvar sides = 3\n")
        fixtures, helpers = doctest.read_fixtures(str(gd))
        options = {"fixtures": tuple(fixtures), "helpers": helpers}
        # total needs _sum, which needs _twice; `broken` (which would not compile) stays out
        outcome = block("print(total)  # Prints 5\n", **options)
        assert (outcome.status, outcome.reason) == ("PASS", "1 claim checked")
        outcome = block("print(Shape.new().sides)  # Prints 3\n", **options)
        assert (outcome.status, outcome.reason) == ("PASS", "1 claim checked")
        outcome = block("print(broken())\n", **options)
        assert outcome.reason == ('fixture: Analyzer Error: Identifier "Missing" not declared '
                                  'in the current scope.')

    def test_fixture_is_not_injected_over_a_definition(self):
        outcome = block("var x = 1\nprint(x)  # Prints 1\n", fixtures=(("x", "5"),))
        assert (outcome.status, outcome.reason) == ("PASS", "1 claim checked")

    def test_bad_fixture_is_a_usage_error(self):
        assert doctest.parse_fixture("a = [1, 2]") == ("a", "[1, 2]")
        with pytest.raises(UsageError, match="expected NAME=EXPR"):
            doctest.parse_fixture("no equals sign")
        with pytest.raises(UsageError, match="fixture a:"):
            doctest.parse_fixture("a = (1 +")


class TestGodotDocsFixtures:
    """The project's fixtures for Godot's docs: the fragments that only lack a name run."""

    FIXTURES = SAMPLES / "godot_docs_fixtures.gd"

    def test_fragments_run_and_their_claims_are_checked(self, capsys):
        docs = shared_dir() / "docs" / "4.x" / "xml"
        if not docs.is_dir():
            pytest.skip("shared docs missing")
        pages = [str(docs / name) for name in ("HTTPClient.xml", "JSON.xml", "StreamPeer.xml")]
        code, lines, _ = run_cli(capsys, "--offline", "--fixtures", str(self.FIXTURES), *pages)
        found = results(lines)
        # query_string_from_dict examples use the page's http_client: their claims hold
        assert found[102] == ("PASS", "1 claim checked")
        assert found[115] == ("PASS", "1 claim checked")
        assert found[29] == ("PASS", "ran, 1 not checked")  # json_string; conditional claim
        assert found[193] == found[237] == ("PASS", "ran")  # put_data of the StreamPeer

    def test_without_fixtures_the_same_fragments_fail_on_the_name(self, capsys):
        docs = shared_dir() / "docs" / "4.x" / "xml"
        if not docs.is_dir():
            pytest.skip("shared docs missing")
        code, lines, _ = run_cli(capsys, "--offline", str(docs / "HTTPClient.xml"))
        assert results(lines)[103] == ("FAIL", 'Analyzer Error: Identifier "http_client" not '
                                               "declared in the current scope.")


class TestCommand:
    def test_seed_block_fails_with_its_parse_error(self, capsys):
        seeds = shared_dir() / "seeds"
        if not seeds.is_dir():
            pytest.skip("shared seeds missing")
        code, lines, _ = run_cli(capsys, str(seeds))
        fails = [s for s in lines if s.startswith("FAIL ") and ".txt:236 " in s]
        assert code == 1
        assert fails == [f"FAIL {seeds / '000_56f3de6c6098a3ce.txt'}:236 Parse Error: Expected "
                         'end of statement after variable declaration, found "Identifier" '
                         "instead."]

    def test_parallel_run_gives_the_same_lines(self, capsys):
        one = run_cli(capsys, str(SAMPLES / "claims_fail.md"))
        two = run_cli(capsys, "-j", "2", str(SAMPLES / "claims_fail.md"))
        assert one[1] == two[1]

    def test_junit_report(self, capsys, tmp_path):
        report = tmp_path / "report.xml"
        run_cli(capsys, "--junit-xml", str(report), str(SAMPLES / "claims_fail.md"),
                str(SAMPLES / "claims_pass.md"))
        suite = ET.parse(report).getroot().find("testsuite")
        assert suite is not None
        assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("27", "10", "0")
        failure = suite.find("testcase/failure")
        assert failure is not None and failure.get("message", "").startswith("claim ")

    def test_missing_path_is_a_usage_error(self, capsys):
        with pytest.raises(UsageError, match="no such file or folder"):
            run_cli(capsys, "does/not/exist.md")

    def test_exit_code_zero_when_nothing_fails(self, capsys, tmp_path):
        doc = tmp_path / "ok.md"
        doc.write_text("```gdscript\nprint(\"ok\")  # Prints \"ok\"\n```\n")
        code, lines, _ = run_cli(capsys, str(doc))
        assert (code, lines) == (0, [f"PASS {doc}:2 1 claim checked",
                                     "1 passed, 0 failed, 0 skipped"])


class TestIsolation:
    def test_a_block_cannot_change_state_for_the_next(self, capsys, tmp_path):
        doc = tmp_path / "state.md"
        doc.write_text('```gdscript\nOS.set_environment("DOCTEST_STATE", "changed")\n'
                       'print(OS.get_environment("DOCTEST_STATE"))  # Prints "changed"\n```\n\n'
                       '```gdscript\nprint(OS.has_environment("DOCTEST_STATE"))  # Prints false\n'
                       '```\n')
        code, lines, _ = run_cli(capsys, str(doc))
        assert lines[-1] == "2 passed, 0 failed, 0 skipped"

    def test_block_folders_live_in_one_run_folder_removed_at_the_end(self):
        text = ('var f = FileAccess.open("res://out.txt", FileAccess.WRITE)\n'
                'f.store_string("x")\nf.close()\n')
        codes = [CodeBlock("doc.md", n, text, "gdscript", 4, "fence") for n in (1, 5)]
        seen = []

        def run_and_name_the_folder(code: CodeBlock, options: RunOptions) -> Outcome:
            outcome = run_block(code, options)
            outcome.details = [str(options.workdir)]
            return outcome

        for _, outcome in doctest_pool.run_isolated(codes, RunOptions(), 2,
                                                    runner=run_and_name_the_folder, warm=False):
            seen.append(outcome)
        assert [o.status for o in seen] == ["PASS", "PASS"]
        workdir = Path(seen[0].details[0])
        assert seen[1].details[0] == str(workdir) and not workdir.exists()

    def test_warm_up_builds_every_lexer_state(self):
        from gdscript.parser import _get_parser

        doctest_pool.warm_up(RunOptions(), freeze=False)
        lexers = _get_parser().parser.lexer.lexer.lexers.values()
        assert lexers and all(lexer._scanner is not None for lexer in lexers)

    def test_a_hung_process_is_killed(self, monkeypatch):
        monkeypatch.setattr(doctest_pool, "HARD_GRACE", 0.2)

        def hang(code: CodeBlock, options: RunOptions) -> Outcome:
            time.sleep(60)
            raise AssertionError("not reached")

        code = CodeBlock("doc.md", 3, "pass", "gdscript", 4, "fence")
        started = time.monotonic()
        outcomes = list(doctest_pool.run_isolated([code], RunOptions(timeout=0.3), 1,
                                                  runner=hang, warm=False))
        assert time.monotonic() - started < 10
        assert [(o.status, o.reason) for _, o in outcomes] == [
            ("ERROR", "timeout: the block ran longer than 0.3 s (killed)")]

    def test_a_crashed_process_is_an_error(self):
        import os

        def crash(code: CodeBlock, options: RunOptions) -> Outcome:
            os._exit(3)

        code = CodeBlock("doc.md", 3, "pass", "gdscript", 4, "fence")
        outcomes = list(doctest_pool.run_isolated([code], RunOptions(), 1, runner=crash,
                                                  warm=False))
        assert [(o.status, o.reason) for _, o in outcomes] == [
            ("ERROR", "the block's process died (exit code 3)")]


class TestProgress:
    def test_progress_bar_only_on_a_terminal(self):
        class Terminal(io.StringIO):
            def isatty(self) -> bool:
                return True

        stream = Terminal()
        bar = doctest._Progress(stream, 40)
        bar.advance()
        bar.clear()
        assert stream.getvalue() == "\r[" + "." * 30 + "] 1/40\r\x1b[2K"
        plain = io.StringIO()
        quiet = doctest._Progress(plain, 40)
        quiet.advance()
        assert plain.getvalue() == ""
