"""Tests of the indentation post-lexer (gdscript.tokenizer) through the parser's token stream."""

import pytest

from gdscript.errors import ParseError
from gdscript.parser import debug_tokens, parse


def types(source, dialect=4):
    return [t for t, _v in debug_tokens(source, dialect)]


class TestIndentation:
    def test_indent_and_dedent_around_a_block(self):
        assert types("func f():\n\tpass\nvar a\n") == [
            "FUNC", "NAME", "LPAR", "RPAR", "COLON", "_NEWLINE", "_INDENT", "PASS",
            "_NEWLINE", "_DEDENT", "VAR", "NAME", "_NEWLINE"]

    def test_dedents_close_every_level_at_end_of_file(self):
        toks = types("func f():\n\tif a:\n\t\tpass")
        assert toks[-4:] == ["PASS", "_NEWLINE", "_DEDENT", "_DEDENT"]

    def test_blank_and_comment_lines_at_any_indentation_are_ignored(self):
        source = "func f():\n\tpass\n# col 0\n\t\t# deeper\n\n\tpass\n  # end\n"
        assert types(source).count("_INDENT") == 1
        assert types(source).count("_DEDENT") == 1

    def test_newlines_inside_brackets_are_ignored(self):
        assert "_NEWLINE" not in types("var a = [1,\n\t2,\n]")[:-1]

    def test_backslash_continuation_with_comment_lines(self):
        toks = types("var a = 1 + \\\n# note\n\t# more\n\t2\n")
        assert toks == ["VAR", "NAME", "EQUAL", "NUMBER", "PLUS", "NUMBER", "_NEWLINE"]


class TestLambdasInBrackets:
    def test_multiline_lambda_body_inside_call_is_indented(self):
        toks = types("func f():\n\tfoo(func():\n\t\tpass\n\t, 2)\n")
        i = toks.index("PASS")
        assert toks[i - 2:i] == ["_NEWLINE", "_INDENT"]
        assert toks[i + 1:i + 4] == ["_NEWLINE", "_DEDENT", "COMMA"]

    def test_lambda_body_closed_by_bracket(self):
        toks = types("func f():\n\tfoo(func():\n\t\tpass)\n")
        i = toks.index("PASS")
        assert toks[i + 1:i + 4] == ["_NEWLINE", "_DEDENT", "RPAR"]

    def test_lambda_outside_brackets_gets_a_newline_after_its_dedent(self):
        toks = types("var f = func():\n\tpass\nvar g\n")
        i = toks.index("PASS")
        assert toks[i + 1:i + 5] == ["_NEWLINE", "_DEDENT", "_NEWLINE", "VAR"]

    def test_lambda_in_dict_and_array(self):
        source = ("func f():\n\tvar d = {\n\t\t'a': func(x):\n\t\t\treturn x,\n\t}\n"
                  "\tvar a = [func():\n\t\tpass\n\t]\n")
        tree = parse(source)
        body = tree.members[0].body.statements
        assert body[0].initializer.elements[0][1].function.body.statements[0].return_value.name \
            == "x"
        assert type(body[1].initializer.elements[0]).__name__ == "LambdaNode"

    def test_nested_multiline_lambdas_in_parameter_default(self):
        source = ("static func f(\n\t\tg := func ():\n\t\t\tvar h := func ():\n"
                  "\t\t\t\tprint(1)\n\t\t\th.call()\n):\n\tg.call()\n")
        fn = parse(source).members[0]
        inner = fn.parameters[0].initializer.function.body.statements
        assert [type(s).__name__ for s in inner] == ["VariableNode", "CallNode"]


class TestTabsAndSpaces:
    def test_tab_after_spaces_is_rejected(self):
        with pytest.raises(ParseError) as e:
            parse("func f():\n    pass\nfunc g():\n\tpass\n")
        assert e.value.message == ("Used tab character for indentation instead of space as "
                                   "used before in the file.")
        assert e.value.line == 4

    def test_space_after_tab_is_rejected(self):
        with pytest.raises(ParseError) as e:
            parse("func f():\n\tpass\nfunc g():\n  pass\n")
        assert e.value.message == ("Used space character for indentation instead of tab as "
                                   "used before in the file.")

    def test_mixed_in_one_line(self):
        with pytest.raises(ParseError, match="Mixed use of tabs and spaces"):
            parse("func f():\n\t pass\n")

    def test_unindent_mismatch(self):
        with pytest.raises(ParseError, match="Unindent doesn't match"):
            parse("func f():\n    if a:\n        pass\n  pass\n")


class TestKeywords:
    def test_keywords_are_not_names_where_a_name_is_expected(self):
        with pytest.raises(ParseError, match='Expected variable name after "var"'):
            parse("func f():\n\tvar while = 1\n")

    def test_match_is_a_keyword_only_at_statement_start(self):
        tree = parse('func f():\n\tvar match = "x".match("y")\n\tmatch match:\n\t\t_: pass\n')
        stmts = tree.members[0].body.statements
        assert stmts[0].initializer.function_name == "match"
        assert type(stmts[1]).__name__ == "MatchNode"
