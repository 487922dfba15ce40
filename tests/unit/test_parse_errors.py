"""Parse errors: Godot's messages for snippets, and Godot's own test suite as yardstick."""

import os
from pathlib import Path

import pytest

from gdscript.errors import ParseError
from gdscript.parser import parse


def error_of(source, dialect=4):
    with pytest.raises(ParseError) as info:
        parse(source, dialect=dialect)
    return info.value


class TestMessages:
    @pytest.mark.parametrize("source, message", [
        ("func f():\n\tvar a == 1\n",
         'Expected end of statement after variable declaration, found "==" instead.'),
        ("func f():\n\tif true\n\t\tpass\n", 'Expected ":" after "if" condition.'),
        ("func f():\n\tf(1, 2\n", 'Expected closing ")" after call arguments.'),
        ("func f():\n\tvar a = (1\n", 'Expected closing ")" after grouping expression.'),
        ("func f():\n\tif a = 1:\n\t\tpass\n", "Assignment is not allowed inside an expression."),
        ("func f():\n\tvar = 1\n", 'Expected variable name after "var".'),
        ("func f():\n\tprint(a--)\n", 'Expected expression after "-" operator.'),
        ("func f():\n\tprint(not)\n", 'Expected expression after "not" operator.'),
        ("func f():\n\tvar x = [1,,]\n", "Expected expression as array element."),
        ("func f():\n\tf(1,,2)\n", "Expected expression as the function argument."),
        ('@export_enum("A",, "B") var a\n', "Expected expression as the annotation argument."),
        ("func f():\n\tvar x = 1 if a else\n", 'Expected expression after "else".'),
        ("func f():\n\tvar x = a ? 1 : 2\n",
         'Unexpected "?" in source. If you want a ternary operator, use '
         '"truthy_value if true_condition else falsy_value".'),
        ('func f():\n\tprint("abc)\n', "Unterminated string."),
        ('func f():\n\tprint("\\q")\n', "Invalid escape in string."),
        ("func f():\n\tprint(])\n", "Closing \"]\" doesn't have an opening counterpart."),
        ("func f():\n\tvar a = 1__0\n",
         "Multiple underscores cannot be adjacent in a numeric literal."),
        ("func f():\n\t$\n", 'Expected node path as string or identifier after "$".'),
        ("func f():\n\t$A/1\n", 'Expected node path as string or identifier after "/".'),
        ("@tool\n@tool\n", '"@tool" annotation can only be used once.'),
        ("@hello\nvar a\n", 'Unrecognized annotation: "@hello".'),
        ("@export\nfunc f(): pass\n", 'Annotation "@export" cannot be applied to a function.'),
        ("class_name A\n@icon(\"x\")\nvar a\n",
         'Annotation "@icon" must be at the top of the script, before "extends" and "class_name".'),
        ("func f():\n\tvar A = 1\n\tconst A = 2\n",
         'There is already a variable named "A" declared in this scope.'),
        ("const test = 1\nfunc test(): pass\n",
         'Function "test" has the same name as a previously declared constant.'),
        ("func f():\n\tcontinue\n", 'Cannot use "continue" outside of a loop.'),
        ("func f():\n\tfor i in 3:\n\t\tvar g = func(): continue\n",
         'Cannot use "continue" outside of a loop.'),
        ("func f():\n\tfunc g():\n\t\tpass\n",
         "Standalone lambdas cannot be accessed. Consider assigning it to a variable."),
        ("func f(...a, b): pass\n", "Cannot have parameters after the rest parameter."),
        ("func f(...a = 1): pass\n", "The rest parameter cannot have a default value."),
        ("func _static_init(): pass\n", "Static constructor must be declared static."),
        ("func _init():\n\treturn 1\n", "Constructor cannot return a value."),
        ('@warning_ignore_start("a")\n@warning_ignore_start("a")\n',
         'Warning "A" is already being ignored by "@warning_ignore_start" at line 1.'),
        ('@warning_ignore_restore("a")\n',
         'Warning "A" is not being ignored by "@warning_ignore_start".'),
        ("<<<<<<< HEAD\n", 'Unexpected "VCS conflict marker" in class body.'),
        ("func f():\n\tvar аs = 1\n",
         'Identifier "аs" is visually similar to the GDScript keyword "as" and thus not allowed.'),
        ("export var a = 1\n", 'The "export" keyword was removed in Godot 4. Use an export '
                               'annotation ("@export", "@export_range", etc.) instead.'),
        ("func f():\n\tyield(a, \"b\")\n", '"yield" was removed in Godot 4. Use "await" instead.'),
        ("var a\nerror = 1\n", 'Unexpected identifier "error" in class body.'),
        ("func f():\n\tmatch x:\n\t\tvar a, 1: pass\n",
         "Cannot use a variable bind with multiple patterns."),
    ])
    def test_godot_message(self, source, message):
        assert error_of(source).message == message

    def test_error_has_position_and_renders(self):
        err = error_of("func f():\n\tif true\n\t\tpass\n")
        assert err.line == 2
        assert err.render().startswith("<script>:2:")

    def test_dialect_3_accepts_what_4_rejects(self):
        source = "export var a = 1\nfunc f():\n\tyield(a, \"b\")\n"
        assert parse(source, dialect=3).dialect == 3
        with pytest.raises(ParseError):
            parse(source, dialect=4)

    def test_non_text_source(self):
        with pytest.raises(ParseError):
            parse(b"var a")  # type: ignore[arg-type]


# * Godot's test suite ------------------------------------------------------------

SUITE = Path(os.environ.get("GODOT_TESTS_DIR", "/work/godot/modules/gdscript/tests/scripts"))


def _suite_files():
    if not SUITE.is_dir():
        return [], []
    parseable, errors = [], []
    for path in sorted(SUITE.rglob("*.gd")):
        rel = path.relative_to(SUITE)
        if rel.parts[0] in ("completion", "lsp"):
            continue
        out = path.with_suffix(".out")
        lines = out.read_text(encoding="utf-8").split("\n") if out.exists() else ["GDTEST_OK"]
        if lines[0] == "GDTEST_PARSER_ERROR":
            errors.append(pytest.param(path, lines[1], id=str(rel)))
        else:
            parseable.append(pytest.param(path, id=str(rel)))
    return parseable, errors


PARSEABLE, ERRORS = _suite_files()


def _require_suite():
    if SUITE.is_dir():
        return
    if os.environ.get("CI"):
        pytest.fail(f"Godot's test suite is missing at {SUITE} (set GODOT_TESTS_DIR)")
    pytest.skip(f"Godot's test suite not found at {SUITE}; set GODOT_TESTS_DIR to run it")


class TestGodotSuite:
    def test_suite_present(self):
        _require_suite()
        assert len(PARSEABLE) > 500 and len(ERRORS) > 60

    @pytest.mark.parametrize("path", PARSEABLE)
    def test_parses(self, path):
        parse(path.read_text(encoding="utf-8"), str(path), 4)

    @pytest.mark.parametrize("path, message", ERRORS)
    def test_rejected_with_godot_message(self, path, message):
        with pytest.raises(ParseError) as info:
            parse(path.read_text(encoding="utf-8"), str(path), 4)
        assert info.value.message == message
