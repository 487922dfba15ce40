"""GDScript source text -> AST (gdscript.nodes), for Godot 3.x and 4.x.

Entry points:

* ``parse(source, path=None, dialect="auto") -> ClassNode`` parses a script.
* ``parse_statements(source, path=None, dialect="auto") -> SuiteNode`` parses a
  sequence of function-body statements (documentation fragments).
* ``detect_dialect(source) -> 3 | 4``: 3 when the text uses 3-only syntax.

The lark LALR parser is built once per process from grammar/gdscript.lark and
cached on disk (``$XDG_CACHE_HOME/gdscript`` or ``~/.cache/gdscript``; no cache
if that is not writable).  AST nodes are built during parsing by
:class:`gdscript.ast_builder.AstBuilder`.  Every failure is a ParseError with
Godot's wording and a position; nothing else escapes (a bug would surface as
InternalError).
"""

from __future__ import annotations

import os
import re
import threading
from importlib import resources

from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from . import messages
from . import nodes as n
from .ast_builder import AstBuilder
from .parse_checks import check_statements
from .errors import GDScriptError, InternalError, ParseError
from .tokenizer import Indenter

__all__ = ["parse", "parse_statements", "detect_dialect"]

_lock = threading.Lock()
_parser: Lark | None = None
_builder = AstBuilder()
_indenter = Indenter()

_DIALECT3 = re.compile(
    r"""\byield\s*\(|\bsetget\b|\bPool(?:Byte|Int|Real|String|Vector2|Vector3|Color)Array\b
    |^[ \t]*(?:export\b[ \t]*(?:\(|var\b|onready\b)|onready[ \t]+var\b|tool[ \t]*(?:\#.*)?$
        |(?:remote|master|puppet|slave|sync|remotesync|mastersync|puppetsync)[ \t]+(?:func|var)\b)
    |(?:^|[=(,:\[]|\breturn\b)[ \t]*\.[A-Za-z_]\w*[ \t]*\(
    |^[ \t]*(?:static[ \t]+)?func[ \t]+\w+[ \t]*\([^)\n]*\)[ \t]*\.[ \t]*\(""",
    re.MULTILINE | re.VERBOSE,
)
_VCS_MARKER = re.compile(r"^(?:<<<<<<<|=======|>>>>>>>)", re.MULTILINE)


def _cache_path() -> str | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.path.join(base, "gdscript")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    return os.path.join(folder, "gdscript-grammar.lark.cache")


def _grammar_text() -> str:
    return resources.files("gdscript.grammar").joinpath("gdscript.lark").read_text("utf-8")


def _get_parser() -> Lark:
    """The process-wide Lark instance (built on first use)."""
    global _parser
    if _parser is None:
        options = dict(parser="lalr", lexer="contextual", postlex=_indenter,
                       transformer=_builder, start=["start", "statements"],
                       maybe_placeholders=True, propagate_positions=False)
        cache = _cache_path()
        try:
            _parser = Lark(_grammar_text(), cache=cache or False, **options)
        except OSError:
            _parser = Lark(_grammar_text(), **options)
    return _parser


def detect_dialect(source: str) -> int:
    """3 when ``source`` uses syntax only Godot 3.x has, else 4."""
    return 3 if _DIALECT3.search(source) else 4


def _resolve_dialect(source: str, dialect) -> int:
    if dialect in ("auto", None):
        return detect_dialect(source)
    if dialect in (3, "3"):
        return 3
    if dialect in (4, "4"):
        return 4
    raise ParseError(f'Unknown dialect "{dialect}" (expected 3, 4 or "auto").')


def parse(source: str, path: str | None = None, dialect: str | int = "auto") -> n.ClassNode:
    """Parse a whole script; returns its ClassNode (``dialect`` recorded on it)."""
    cls = _run(source, path, dialect, "start")
    cls.path = path
    return cls


def parse_statements(source: str, path: str | None = None,
                     dialect: str | int = "auto") -> n.SuiteNode:
    """Parse statements at function-body level (e.g. a documentation fragment)."""
    return _run(source, path, dialect, "statements")


def _run(source, path, dialect, start):
    if not isinstance(source, str):
        raise ParseError("Source must be text.", path=path)
    chosen = 4
    try:
        chosen = _resolve_dialect(source, dialect)
        source = _normalize(source)
        _check_vcs_markers(source)
        parser = _get_parser()
        with _lock:
            _builder.dialect = chosen
            _builder.engine_errors = []
            _indenter.dialect = chosen
            result = parser.parse(source, start=start)
        if start == "statements":
            check_statements(result)
        return result
    except ParseError as e:
        _locate(e, path, source)
        raise
    except UnexpectedInput as e:
        err = ParseError(describe_unexpected(e, source, chosen), *_position(e, source),
                         path=path, source=source)
        raise err from None
    except GDScriptError:
        raise
    except RecursionError as e:
        raise ParseError("Expression is too deeply nested.", _innermost_line(e), path=path,
                         source=source) from None
    except Exception as e:  # a bug in this parser, never the user's fault
        raise InternalError(f"parser failed on {path or '<script>'}: {e!r}") from e


def _normalize(source: str) -> str:
    if source.startswith("\ufeff"):
        source = source[1:]
    return source


def _check_vcs_markers(source: str) -> None:
    m = _VCS_MARKER.search(source)
    if m:
        line = source.count("\n", 0, m.start()) + 1
        raise ParseError(messages.VCS_CONFLICT_MARKER, line, 1)


def _innermost_line(e: BaseException) -> int | None:
    """The line of the innermost token or syntax node on the stack when ``e`` was raised."""
    line = None
    tb = e.__traceback__
    while tb is not None:
        for value in tb.tb_frame.f_locals.values():
            if isinstance(value, (Token, n.Node)) and isinstance(value.line, int):
                line = value.line
        tb = tb.tb_next
    return line


def _position(e: UnexpectedInput, source: str):
    if isinstance(e, UnexpectedEOF) or getattr(e, "token", None) is not None and \
            getattr(e.token, "type", None) == "$END":
        lines = source.splitlines() or [""]
        return len(lines), len(lines[-1]) + 1
    line = getattr(e, "line", None)
    column = getattr(e, "column", None)
    if isinstance(e, UnexpectedToken) and isinstance(e.token, Token):
        tok = e.token
        if tok.type in ("_NEWLINE", "_DEDENT", "_INDENT") and tok.line is not None:
            return tok.line, tok.column
    if line is None or line < 0:
        return None, None
    return line, column


def _locate(e: ParseError, path, source) -> None:
    if e.path is None:
        e.path = path
    if e.source is None:
        e.source = source


# * Syntax error wording -------------------------------------------------------

# Godot's names for tokens (gdscript_tokenizer.cpp token_names) where not the text.
_TOKEN_NAMES = {
    "NAME": "Identifier", "NUMBER": "Literal", "STRING": "Literal", "_NEWLINE": "Newline",
    "_INDENT": "Indent", "_DEDENT": "Dedent", "$END": "End of file", "ANNOTATION": "Annotation",
    "DOLLAR_PATH": "$", "UNIQUE_NODE": "%", "INFER": ":",
}
_OPERATORS = frozenset({
    "MINUS", "PLUS", "TILDE", "NOT", "BANG", "STAR", "SLASH", "PERCENT", "POW", "LSHIFT",
    "RSHIFT", "AMP", "PIPE", "CARET", "LT", "GT", "LE", "GE", "EQEQ", "NE", "AND", "OR",
    "AMPAMP", "PIPEPIPE", "IN", "AWAIT",
})
_EXPRESSION_START = frozenset({
    "NAME", "NUMBER", "STRING", "TRUE", "FALSE", "NULL", "SELF", "DOLLAR_PATH", "UNIQUE_NODE",
    "LPAR", "LSQB", "LBRACE", "FUNC", "PRELOAD", "SUPER", "MINUS", "PLUS", "TILDE", "NOT",
    "BANG", "AWAIT", "DOT",
})
_NAME_AFTER = {
    "VAR": messages.EXPECTED_VAR_NAME, "CONST": messages.EXPECTED_CONST_NAME,
    "SIGNAL": messages.EXPECTED_SIGNAL_NAME, "CLASS": messages.EXPECTED_CLASS_NAME,
    "CLASS_NAME": messages.EXPECTED_GLOBAL_CLASS_NAME, "FOR": messages.EXPECTED_FOR_VARIABLE,
    "EXTENDS": messages.EXPECTED_EXTENDS_NAME,
}
# (message, example sources): each example fails in one parser state; errors in
# that state (with that token, else with any token) get the message.
# "{found}" is the Godot name of the unexpected token.  More specific first.
_EXAMPLES = [
    (messages.expected_end_of_statement("variable declaration", "{found}"), [
        "var a == 1\n", "func f():\n\tvar a == 1\n", "func f():\n\tvar a: int == 1\n",
        "var a: int == 1\n", "func f():\n\tvar a = 1 var\n", "var a = 1 var b\n"]),
    (messages.expected_end_of_statement("constant declaration", "{found}"), [
        "const A = 1 const\n", "func f():\n\tconst A = 1 var\n"]),
    (messages.expected_end_of_statement("bodyless function declaration", "{found}"), [
        "func f() {\n", "func f() -> int {\n"]),
    (messages.expected_end_of_statement("signal declaration", "{found}"), [
        "signal s var\n", "signal s() var\n"]),
    (messages.expected_end_of_statement("superclass", "{found}"), ["extends A var\n"]),
    (messages.expected_end_of_statement("\"return\" statement", "{found}"), [
        "func f():\n\treturn 1 2\n"]),
    (messages.expected_conditional("if"), [
        "func f():\n\tif var a = 1:\n\t\tpass\n", "func f():\n\tif :\n\t\tpass\n",
        "func f():\n\tif\n"]),
    (messages.expected_conditional("elif"), [
        "func f():\n\tif a:\n\t\tpass\n\telif :\n\t\tpass\n"]),
    (messages.expected_conditional("while"), ["func f():\n\twhile :\n\t\tpass\n"]),
    (messages.expected_colon_after("if"), [
        "func f():\n\tif true\n\t\tpass\n", "func f():\n\tif a b\n"]),
    (messages.expected_colon_after("elif"), [
        "func f():\n\tif a:\n\t\tpass\n\telif b\n\t\tpass\n"]),
    (messages.expected_colon_after("while"), ["func f():\n\twhile a\n\t\tpass\n"]),
    (messages.EXPECTED_ELSE_COLON, ["func f():\n\tif a:\n\t\tpass\n\telse\n"]),
    ('Expected ":" after "for" condition.', ["func f():\n\tfor a in b\n\t\tpass\n"]),
    (messages.EXPECTED_IN_FOR, ["func f():\n\tfor a b:\n\t\tpass\n"]),
    ('Expected ":" after "match" expression.', ["func f():\n\tmatch a\n\t\t1: pass\n"]),
    (messages.EXPECTED_WHEN, ["func f():\n\tmatch a:\n\t\t1\n"]),
    (messages.EXPECTED_LAMBDA_COLON, [
        "var f = func () -> void\n\tpass\n", "var f = func ()\n\tpass\n",
        "var f = func (a)\n\tpass\n"]),
    ('Expected ":" after function declaration.', []),
    (messages.EXPECTED_GROUP_CLOSE, ["func f():\n\tvar a = (1\n", "var a = (1 var\n"]),
    (messages.EXPECTED_CALL_CLOSE, [
        "func f():\n\tf(1,2\n", "func f():\n\tf(1\n", "func f():\n\tf(1 2)\n",
        "func f():\n\ta.f(1\n"]),
    (messages.EXPECTED_ARRAY_CLOSE, ["func f():\n\tvar a = [1\n", "func f():\n\t[1 2]\n"]),
    (messages.EXPECTED_DICT_CLOSE, ["func f():\n\tvar a = {1: 2\n"]),
    (messages.EXPECTED_SUBSCRIPT_CLOSE, ["func f():\n\ta[1\n", "func f():\n\ta[1 2]\n"]),
    (messages.EXPECTED_AFTER_BRACKET, ["func f():\n\ta[] = 1\n", "func f():\n\ta[]\n"]),
    (messages.EXPECTED_ARRAY_ELEMENT, ["func f():\n\tvar a = [1,,]\n",
                                       "func f():\n\tvar a = [,]\n"]),
    (messages.EXPECTED_DICT_KEY, ['func f():\n\tvar a = { a = 1,, }\n',
                                  'func f():\n\tvar a = { 1: 1,, }\n',
                                  'func f():\n\tvar a = { , }\n']),
    (messages.EXPECTED_DICT_VALUE, ['func f():\n\tvar a = { 1: }\n',
                                    'func f():\n\tvar a = { a = }\n']),
    (messages.EXPECTED_ANNOTATION_ARGUMENT, ['@export_enum("A",, "B") var a\n',
                                             '@export_enum(,) var a\n']),
    (messages.EXPECTED_CALL_ARGUMENT, ["func f():\n\tf(1,,2)\n", "func f():\n\tf(,)\n"]),
    (messages.EXPECTED_AFTER_ELSE, ["func f():\n\tvar x = 1 if a else\n"]),
    (messages.EXPECTED_ELSE_TERNARY, ["func f():\n\tvar x = 1 if a\n"]),
    (messages.EXPECTED_TERNARY_CONDITION, ["func f():\n\tvar x = 1 if\n"]),
    (messages.EXPECTED_EXPRESSION_AFTER_EQUAL, [
        "func f():\n\ta =\n", "func f():\n\ta +=\n", "func f():\n\ta -=\n"]),
    ('Expected expression for variable initial value after "=".', [
        "var a =\n", "func f():\n\tvar a =\n", "var a :=\n"]),
    (messages.EXPECTED_ITERABLE, ["func f():\n\tfor a in :\n\t\tpass\n"]),
    (messages.EXPECTED_TYPE_AFTER_COLON, ["var a: = \n", "var a: 1\n", "func f(a: 1): pass\n"]),
    (messages.EXPECTED_RETURN_TYPE, ["func f() -> :\n\tpass\n", "func f() -> 1:\n\tpass\n"]),
    (messages.EXPECTED_TYPE_AFTER_AS, ["func f():\n\ta as 1\n"]),
    (messages.EXPECTED_TYPE_AFTER_IS, ["func f():\n\ta is 1\n"]),
    ('Expected type specifier after "is not".', ["func f():\n\ta is not 1\n"]),
    (messages.EXPECTED_IN_AFTER_NOT, ["func f():\n\ta not b\n"]),
    (messages.EXPECTED_ATTRIBUTE, ["func f():\n\ta.1\n", "func f():\n\ta.\n"]),
    (messages.EXPECTED_FUNC_NAME, ["func (a):\n\tpass\n", "func 1\n"]),
    ('Expected opening "(" after function name.', ["func f:\n\tpass\n"]),
    (messages.expected_closing_params("function"), ["func f(a b):\n\tpass\n"]),
    (messages.EXPECTED_PARAM_NAME, ["func f(1):\n\tpass\n", "func f(a, 1):\n\tpass\n"]),
    (messages.expected_indented_block("function declaration"), [
        "func f():\npass\n", "func f():\n"]),
    (messages.expected_indented_block('"if" block'), [
        "func f():\n\tif a:\n\tpass\n"]),
    (messages.expected_indented_block("class declaration"), ["class A:\nvar a\n"]),
    (messages.EXPECTED_MATCH_INDENT, ["func f():\n\tmatch a:\n\tpass\n"]),
    (messages.EXPECTED_PATTERN, ["func f():\n\tmatch a:\n\t\t:\n"]),
    (messages.EXPECTED_GUARD, ["func f():\n\tmatch a:\n\t\t1 when :\n"]),
    (messages.SUPER_EXPECTED, ["func f():\n\tsuper\n"]),
    ('Expected "(" after "preload".', ["func f():\n\tpreload\n"]),
    ('Expected ")" after preload path.', ['func f():\n\tpreload("a"\n']),
    (messages.EXPECTED_ASSERT_EXPRESSION, ["func f():\n\tassert()\n"]),
    ('Expected "(" after "assert".', ["func f():\n\tassert\n"]),
    (messages.EXPECTED_ENUM_KEY, ["enum {1}\n", "enum A {a, 1}\n"]),
    ('Expected "{" after enum name.', ["enum A\n"]),
    ('Expected "{" after "enum".', ["enum\n"]),
    (messages.EXPECTED_AWAIT_OPERAND, ["func f():\n\tawait\n"]),
    ('Expected ")" after annotation arguments.', ['@export_range(1 2) var a\n']),
]


def _token_name(tok) -> str:
    ttype = getattr(tok, "type", "$END")
    if ttype in _TOKEN_NAMES:
        return _TOKEN_NAMES[ttype]
    return str(tok)


_table: dict | None = None


def _error_table() -> dict:
    """(parser state, token type) -> message, from the examples (built once)."""
    global _table
    if _table is None:
        table: dict = {}
        parser = _get_parser()
        for message, examples in _EXAMPLES:
            for example in examples:
                try:
                    with _lock:
                        _builder.dialect = _indenter.dialect = 4
                        parser.parse(example, start="start")
                except UnexpectedToken as e:
                    key = getattr(e.state, "position", None)
                    table.setdefault((key, e.token.type), message)
                    table.setdefault((key, "*"), message)
                except (UnexpectedInput, GDScriptError):
                    pass
        _table = table
    return _table


def describe_unexpected(e: UnexpectedInput, source: str, dialect: int = 4) -> str:
    """Godot's wording for a lark syntax error."""
    if isinstance(e, UnexpectedCharacters):
        return _describe_character(source, e.pos_in_stream)
    tok = getattr(e, "token", None)
    ttype = getattr(tok, "type", "$END")
    expected = set(getattr(e, "expected", None) or ())
    state = getattr(e, "state", None)
    stack = getattr(state, "value_stack", None) or []
    prev = stack[-1] if stack else None
    prev_type = prev.type if isinstance(prev, Token) else None
    found = _token_name(tok)
    closing = {"RPAR": ")", "RSQB": "]", "RBRACE": "}"}.get(ttype)
    if closing and _indenter.open_bracket() != closing:
        return messages.CLOSING_WITHOUT_OPENING.format(closing)
    if ttype in ("EQUAL", "ASSIGN_OP"):
        if prev_type in _NAME_AFTER:
            return _NAME_AFTER[prev_type]
        if "INFER" not in expected:
            return messages.ASSIGNMENT_IN_EXPRESSION
    if prev_type in _NAME_AFTER and ttype != "NAME":
        return _NAME_AFTER[prev_type]
    if prev_type == "DOLLAR_PATH" and prev.value == "$":
        return messages.NODE_PATH_AFTER_DOLLAR
    if prev_type == "DOLLAR_PATH" and prev.value.endswith("/"):
        return messages.NODE_PATH_AFTER_SLASH
    in_class_body = _indenter.block_kind() == "class"
    if in_class_body and "SIGNAL" in expected and "CLASS_NAME" in expected:
        if ttype == "NAME":
            if dialect == 4 and tok.value in messages.REMOVED_KEYWORDS_4:
                return messages.REMOVED_KEYWORDS_4[tok.value]
            return messages.unexpected_in_class_body(f'identifier "{tok.value}"')
        return messages.unexpected_in_class_body(f'"{found}"')
    if prev_type in _OPERATORS and ttype not in _EXPRESSION_START:
        if prev_type == "AWAIT":
            return messages.EXPECTED_AWAIT_OPERAND
        return messages.expected_after_operator(_token_name(prev))
    if not in_class_body and "PASS" in expected and "RETURN" in expected \
            and ttype not in _EXPRESSION_START:
        return messages.expected_statement(found)
    position = getattr(state, "position", None)
    table = _error_table()
    message = table.get((position, ttype)) or table.get((position, "*"))
    if message is not None:
        message = _refine_list_message(message, stack)
        return message.replace("{found}", found)
    if ttype == "$END":
        return "Unexpected end of file."
    return f'Unexpected "{found}".'


_LIST_MESSAGES = {
    # message -> (for an annotation, for an array, for a call)
    messages.EXPECTED_ARRAY_ELEMENT: (messages.EXPECTED_ANNOTATION_ARGUMENT,
                                      messages.EXPECTED_ARRAY_ELEMENT,
                                      messages.EXPECTED_CALL_ARGUMENT),
    messages.EXPECTED_ARRAY_CLOSE: ('Expected ")" after annotation arguments.',
                                    messages.EXPECTED_ARRAY_CLOSE, messages.EXPECTED_CALL_CLOSE),
}
for _key in (messages.EXPECTED_CALL_ARGUMENT, messages.EXPECTED_ANNOTATION_ARGUMENT):
    _LIST_MESSAGES[_key] = _LIST_MESSAGES[messages.EXPECTED_ARRAY_ELEMENT]
for _key in (messages.EXPECTED_CALL_CLOSE, 'Expected ")" after annotation arguments.'):
    _LIST_MESSAGES[_key] = _LIST_MESSAGES[messages.EXPECTED_ARRAY_CLOSE]


def _refine_list_message(message: str, stack: list) -> str:
    """Argument lists share parser states: tell annotation/array/call apart."""
    choices = _LIST_MESSAGES.get(message)
    if choices is None:
        return message
    for i in range(len(stack) - 1, -1, -1):
        value = stack[i]
        if not isinstance(value, Token) or value.type == "COMMA":
            continue
        if value.type == "LSQB":
            return choices[1]
        if value.type == "LPAR" and i > 0 and isinstance(stack[i - 1], Token) \
                and stack[i - 1].type in ("ANNOTATION", "EXPORT"):
            return choices[0]
        break
    return choices[2]


def _describe_character(source: str, pos: int) -> str:
    char = source[pos] if 0 <= pos < len(source) else ""
    if char == "?":
        return messages.TERNARY_QUESTION
    if char in "\"'" or (char in "r&^" and source[pos + 1:pos + 2] in ("'", '"')):
        return messages.UNTERMINATED_STRING
    if char == "$":
        return messages.NODE_PATH_AFTER_DOLLAR
    if char == "\\":
        return 'Unexpected "\\" in source.'
    if not char:
        return "Unexpected end of file."
    return messages.invalid_character(char)


def debug_tokens(source: str, dialect: int = 4) -> list[tuple[str, str]]:
    """The post-lexed token stream of ``source`` as (type, value) pairs, lexed
    without parser context (so state-dependent terminals may differ slightly)."""
    parser = _get_parser()
    with _lock:
        _indenter.dialect = dialect
        return [(t.type, t.value) for t in parser.lex(source)]
