"""Expression (both dialects): Godot's small expression language, parsed and evaluated here.

Follows ``core/math/expression.cpp``: literals (ints, floats, 4.x ``0x``/``0b``, strings in
either quote with escapes, ``true``/``false``/``null``, ``PI``/``TAU``/``INF``/``NAN``),
arrays, dictionaries, inputs by name or ``$n``, ``self`` (the base instance), indexing
``a[i]``, named indexing ``a.b``, method calls ``a.f(x)``, calls of base-instance methods
``f(x)``, constructors of builtin types ``Vector2(1, 2)`` and builtin functions
``sin(x)``.  Operators are collected in a flat list and reduced by priority the way
Godot does (lowest number first, left to right): ``**`` (4.x), ``~``, unary ``-``,
``* / %``, ``+ -``, ``<< >>``, ``&``, ``^``, ``|``, comparisons, ``in``, ``not``/``!``,
``and``/``&&``, ``or``/``||``.  Both operands are always evaluated (no short circuit).
Godot's quirks are kept: text after a complete expression is ignored (``"1 2"`` is 1),
unary ``+`` is not an operator, keywords are case-insensitive in 4.x (``True``, ``pi``).

Evaluation goes through the runtime's hooks for the dialect (``HOOKS[d]``: members,
indices, method calls), ``UTILITY_FUNCTIONS_d`` for builtin functions (4.x: the Variant
utility functions, not GDScript's own such as ``len``; 3.x: Expression's own list) and
``class_table(d)`` for constructors.  Errors give Godot's texts through
``get_error_text()``; with ``show_error`` an engine error is printed too.

``const_calls_only`` cannot know which methods are const here: it allows methods of
builtin values except known mutators (``append``, ``clear``, ``sort``...) and, on
objects, only ``get_*``/``is_*``/``has_*``/``to_*`` methods.
"""

from __future__ import annotations

import math

from ..errors import GDScriptError, engine_error
from .global_constants import ERR_INVALID_PARAMETER, OK
from .objects import Object, RefCounted, Reference

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any


class ExpressionError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# * Tokens -------------------------------------------------------------------------

_CONSTANTS = {"null": None, "true": True, "false": False, "pi": math.pi, "tau": math.tau,
              "inf": math.inf, "nan": math.nan}
_WORD_OPERATORS = {"in": "in", "not": "not", "or": "or", "and": "and"}
_SYMBOLS = (("**", "**"), ("==", "=="), ("!=", "!="), (">=", ">="), ("<=", "<="), ("<<", "<<"),
            (">>", ">>"), ("&&", "and"), ("||", "or"), ("!", "not"), ("<", "<"), (">", ">"),
            ("+", "+"), ("-", "-"), ("*", "*"), ("/", "/"), ("%", "%"), ("&", "&"), ("|", "|"),
            ("^", "^"), ("~", "~"), ("{", "{"), ("}", "}"), ("[", "["), ("]", "]"), ("(", "("),
            (")", ")"), (",", ","), (":", ":"))
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r"}
_OPERATORS = frozenset({"in", "==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "+", "-",
                        "*", "/", "%", "**", "<<", ">>", "&", "|", "^", "~"})
_PRIORITY = {"**": 0, "~": 1, "neg": 2, "*": 3, "/": 3, "%": 3, "+": 4, "-": 4, "<<": 5, ">>": 5,
             "&": 6, "^": 7, "|": 8, "<": 9, "<=": 9, ">": 9, ">=": 9, "==": 9, "!=": 9,
             "in": 11, "not": 12, "and": 13, "or": 14}
_UNARY = frozenset({"~", "neg", "not"})


class _Tokenizer:
    """Godot's Expression tokenizer (``_get_token``), one token at a time."""

    def __init__(self, text: str, dialect: int, builtins: Any) -> None:
        self.text = text
        self.dialect = dialect
        self.builtins = builtins
        self.pos = 0

    def next(self) -> tuple[str, Any]:
        text = self.text
        while self.pos < len(text) and ord(text[self.pos]) <= 32:
            self.pos += 1
        if self.pos >= len(text):
            return "eof", None
        char = text[self.pos]
        if char in "\"'":
            return "constant", self.string(char)
        if char == "$":
            return self.input_index()
        if char == "=":
            if text.startswith("==", self.pos):
                self.pos += 2
                return "op", "=="
            raise ExpressionError("Expected '='")
        if char.isdigit() or (char == "." and text[self.pos + 1:self.pos + 2].isdigit()):
            return "constant", self.number()
        if char == "_" or char.isidentifier():
            return self.word()
        if char == ".":
            self.pos += 1
            return ".", None
        if char == "*" and text.startswith("**", self.pos) and self.dialect == 3:
            self.pos += 1
            return "op", "*"
        for symbol, name in _SYMBOLS:
            if text.startswith(symbol, self.pos):
                self.pos += len(symbol)
                return ("op", name) if name in _OPERATORS else (name, None)
        raise ExpressionError("Unexpected character.")

    def input_index(self) -> tuple[str, Any]:
        start = self.pos = self.pos + 1
        while self.pos < len(self.text) and self.text[self.pos].isdigit():
            self.pos += 1
        if self.pos == start:
            raise ExpressionError("Expected number after '$'")
        return "input", int(self.text[start:self.pos])

    def string(self, quote: str) -> str:
        text, parts = self.text, []
        self.pos += 1
        while True:
            if self.pos >= len(text):
                raise ExpressionError("Unterminated String")
            char = text[self.pos]
            self.pos += 1
            if char == quote:
                return "".join(parts)
            if char != "\\":
                parts.append(char)
                continue
            if self.pos >= len(text):
                raise ExpressionError("Unterminated String")
            escaped = text[self.pos]
            self.pos += 1
            if escaped in "uU" and (escaped == "u" or self.dialect == 4):
                parts.append(self.hex_char(4 if escaped == "u" else 6))
            else:
                parts.append(_ESCAPES.get(escaped, escaped))

    def hex_char(self, width: int) -> str:
        digits = self.text[self.pos:self.pos + width]
        if len(digits) < width:
            raise ExpressionError("Unterminated String")
        if not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise ExpressionError("Malformed hex constant in string")
        self.pos += width
        code = int(digits, 16)
        if 0xD800 <= code <= 0xDBFF and self.text.startswith("\\u", self.pos):
            self.pos += 2
            low = ord(self.hex_char_raw())
            if 0xDC00 <= low <= 0xDFFF:
                return chr(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
            raise ExpressionError("Invalid UTF-16 sequence in string, unpaired lead surrogate")
        return chr(code) if not 0xD800 <= code <= 0xDFFF else "\ufffd"

    def hex_char_raw(self) -> str:
        digits = self.text[self.pos:self.pos + 4]
        if len(digits) < 4 or not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise ExpressionError("Malformed hex constant in string")
        self.pos += 4
        return chr(int(digits, 16))

    def number(self) -> Any:
        text, start = self.text, self.pos
        if self.dialect == 4 and text[start] == "0" and text[start + 1:start + 2] in ("x", "X", "b", "B"):
            return self.radix_number(16 if text[start + 1] in "xX" else 2)
        exponent = "eE" if self.dialect == 4 else "e"
        end, is_float = start, False
        while end < len(text) and text[end].isdigit():
            end += 1
        if end < len(text) and text[end] == ".":
            is_float, end = True, end + 1
            while end < len(text) and text[end].isdigit():
                end += 1
        if end < len(text) and text[end] in exponent:
            end += 1
            is_float = is_float or self.dialect == 4 or text[end:end + 1] == "-"
            if end < len(text) and text[end] in "+-":
                end += 1
            while end < len(text) and text[end].isdigit():
                end += 1
        self.pos = end
        if self.dialect == 3 and not is_float:
            # Godot 3 reads "1e3" with String::to_int, which skips what is not a digit.
            return int("".join(c for c in text[start:end] if c.isdigit()) or 0)
        return _to_number(text[start:end], is_float)

    def radix_number(self, base: int) -> int:
        digits = "0123456789abcdefABCDEF" if base == 16 else "01"
        end = self.pos + 2
        while end < len(self.text) and self.text[end] in digits:
            end += 1
        body, self.pos = self.text[self.pos + 2:end], end
        return int(body, base) if body else 0

    def word(self) -> tuple[str, Any]:
        text, start = self.text, self.pos
        self.pos += 1
        while self.pos < len(text) and (text[self.pos] == "_" or text[self.pos].isalnum()):
            self.pos += 1
        word = text[start:self.pos]
        key = word.lower() if self.dialect == 4 else word
        if key in _WORD_OPERATORS:
            return "op", _WORD_OPERATORS[key]
        if self.dialect == 3 and word in ("PI", "TAU", "INF", "NAN"):
            return "constant", _CONSTANTS[word.lower()]
        if key in _CONSTANTS and (self.dialect == 4 or key in ("null", "true", "false")):
            return "constant", _CONSTANTS[key]
        if key == "self":
            return "self", None
        if _type_exists(word, self.dialect):
            return "type", word
        if word in self.builtins:
            return "builtin", word
        return "identifier", word


def _to_number(text: str, is_float: bool) -> Any:
    mantissa = text.rstrip("eE+-")
    try:
        return float(mantissa) if is_float else int(float(mantissa)) if "e" in mantissa.lower() \
            else int(mantissa)
    except ValueError:
        return 0.0 if is_float else 0


def _type_exists(name: str, dialect: int) -> bool:
    from .variant import TYPE_IDS_3, TYPE_IDS_4
    return name in (TYPE_IDS_3 if dialect == 3 else TYPE_IDS_4) and name not in ("Nil", "Object")


# * Parsing -------------------------------------------------------------------------
# Nodes are tuples: ("const", v) ("input", i) ("self",) ("op", name, a, b) ("index", base, i)
# ("named", base, name) ("array", items) ("dict", pairs) ("construct", type, args)
# ("builtin", name, args) ("call", base, name, args)

class _Parser:
    def __init__(self, text: str, input_names: list[str], dialect: int, builtins: Any,
                 signatures: Any) -> None:
        self.tokens = _Tokenizer(text, dialect, builtins)
        self.input_names = input_names
        self.signatures = signatures
        self.dialect = dialect

    def peek(self) -> tuple[str, Any]:
        saved = self.tokens.pos
        token = self.tokens.next()
        self.tokens.pos = saved
        return token

    def expect(self, kind: str, message: str) -> None:
        if self.tokens.next()[0] != kind:
            raise ExpressionError(message)

    def items(self, close: str, message: str) -> list[Any]:
        found = []
        while True:
            if self.peek()[0] == close:
                self.tokens.next()
                return found
            found.append(self.expression())
            kind, _ = self.peek()
            if kind == ",":
                self.tokens.next()
            elif kind != close:
                raise ExpressionError(message)

    def expression(self) -> Any:
        parts: list[Any] = []
        while True:
            kind, value = self.tokens.next()
            if kind == "op" and value in ("-", "not"):
                parts.append(("operator", "neg" if value == "-" else "not"))
                continue
            parts.append(self.postfix(self.operand(kind, value)))
            kind, value = self.peek()
            if kind != "op":
                break
            self.tokens.next()
            parts.append(("operator", value))
        return self.reduce(parts)

    def operand(self, kind: str, value: Any) -> Any:
        if kind == "{":
            return ("dict", self.pairs())
        if kind == "[":
            return ("array", self.items("]", "Expected ',' or ']'"))
        if kind == "(":
            inner = self.expression()
            self.expect(")", "Expected ')'")
            return inner
        if kind == "identifier":
            if self.peek()[0] == "(":
                self.tokens.next()
                return ("call", ("self",), value, self.items(")", "Expected ',' or ')'"))
            if value in self.input_names:
                return ("input", self.input_names.index(value))
            return ("named", ("self",), value)
        if kind in ("input", "constant"):
            return ("input", value) if kind == "input" else ("const", value)
        if kind == "self":
            return ("self",)
        if kind in ("type", "builtin"):
            self.expect("(", "Expected '('")
            args = self.items(")", "Expected ',' or ')'")
            if kind == "builtin":
                self.check_count(value, len(args))
                return ("builtin", value, args)
            return ("construct", value, args)
        raise ExpressionError("Expected expression.")

    def pairs(self) -> list[tuple[Any, Any]]:
        found = []
        while True:
            if self.peek()[0] == "}":
                self.tokens.next()
                return found
            key = self.expression()
            self.expect(":", "Expected ':'")
            found.append((key, self.expression()))
            kind, _ = self.peek()
            if kind == ",":
                self.tokens.next()
            elif kind != "}":
                raise ExpressionError("Expected ',' or '}'")

    def check_count(self, name: str, count: int) -> None:
        signature = self.signatures.get(name)
        if signature is None or signature.max_args is None or signature.min_args != signature.max_args:
            return
        if count != signature.max_args:
            suffix = "argument(s)." if self.dialect == 4 else "arguments."
            raise ExpressionError(f"Builtin func '{name}' expects {signature.max_args} {suffix}")

    def postfix(self, node: Any) -> Any:
        while True:
            kind, _ = self.peek()
            if kind == "[":
                self.tokens.next()
                index = self.expression()
                self.expect("]", "Expected ']' at end of index.")
                node = ("index", node, index)
            elif kind == ".":
                self.tokens.next()
                kind, name = self.tokens.next()
                if kind != "identifier" and not (kind == "builtin" and self.dialect == 4):
                    raise ExpressionError("Expected identifier after '.'")
                if self.peek()[0] == "(":
                    self.tokens.next()
                    node = ("call", node, name, self.items(")", "Expected ',' or ')'"))
                else:
                    node = ("named", node, name)
            else:
                return node

    @staticmethod
    def reduce(parts: list[Any]) -> Any:
        """Godot's reduction: take the operator of lowest priority number, leftmost first."""
        is_op = lambda part: isinstance(part, tuple) and part[0] == "operator"  # noqa: E731
        while len(parts) > 1:
            best = min((i for i, p in enumerate(parts) if is_op(p)), key=lambda i: _PRIORITY[parts[i][1]])
            name = parts[best][1]
            if name in _UNARY:
                operand = best
                while is_op(parts[operand]):
                    operand += 1
                    if operand == len(parts):
                        raise ExpressionError("Unexpected end of expression...")
                for i in range(operand - 1, best - 1, -1):
                    parts[i:i + 2] = [("op", parts[i][1], parts[i + 1], None)]
                continue
            if best < 1 or best >= len(parts) - 1 or is_op(parts[best - 1]):
                raise ExpressionError("Parser bug...")
            if is_op(parts[best + 1]):
                raise ExpressionError("Unexpected two consecutive operators.")
            parts[best - 1:best + 2] = [("op", name, parts[best - 1], parts[best + 1])]
        if is_op(parts[0]):
            raise ExpressionError("Unexpected end of expression...")
        return parts[0]


# * Evaluation ----------------------------------------------------------------------

_OPERATOR_NAMES = {"neg": "unary-", "not": "not", "~": "~"}
_MUTATORS = frozenset({"append", "append_array", "push_back", "push_front", "pop_back", "pop_front",
                       "pop_at", "insert", "erase", "remove_at", "clear", "sort", "sort_custom",
                       "shuffle", "reverse", "resize", "fill", "merge", "assign", "set",
                       "make_read_only", "remove", "invert", "sort_custom"})


class _Evaluator:
    def __init__(self, inputs: list[Any], base: Any, const_only: bool, dialect: int) -> None:
        from gdscript.runtime import HOOKS
        self.inputs = inputs
        self.base = base
        self.const_only = const_only
        self.dialect = dialect
        self.hooks = HOOKS[dialect]

    def run(self, node: Any) -> Any:
        kind = node[0]
        if kind == "const":
            return node[1]
        if kind == "input":
            if not 0 <= node[1] < len(self.inputs):
                raise ExpressionError(f"Invalid input {node[1]} (not passed) in expression")
            return self.inputs[node[1]]
        if kind == "self":
            if self.base is None:
                raise ExpressionError("self can't be used because instance is null (not passed)")
            return self.base
        return getattr(self, "node_" + kind)(*node[1:])

    def node_op(self, name: str, left: Any, right: Any) -> Any:
        a = self.run(left)
        b = self.run(right) if right is not None else None
        try:
            return _evaluate(name, a, b, self.dialect)
        except (GDScriptError, TypeError, ValueError, ZeroDivisionError, OverflowError, AttributeError):
            shown = _OPERATOR_NAMES.get(name, name)
            raise ExpressionError(f"Invalid operands to operator {shown}, {_type(a, self.dialect)} "
                                  f"and {_type(b, self.dialect)}.") from None

    def node_index(self, base_node: Any, index_node: Any) -> Any:
        base, index = self.run(base_node), self.run(index_node)
        try:
            return self.hooks.get_index(base, index)
        except (GDScriptError, TypeError, KeyError, IndexError, AttributeError):
            raise ExpressionError(f"Invalid index of type {_type(index, self.dialect)} for base type "
                                  f"{_type(base, self.dialect)}") from None

    def node_named(self, base_node: Any, name: str) -> Any:
        base = self.run(base_node)
        try:
            return self.hooks.get_member(base, name)
        except (GDScriptError, TypeError, KeyError, AttributeError):
            raise ExpressionError(f"Invalid named index '{name}' for base type "
                                  f"{_type(base, self.dialect)}") from None

    def node_array(self, items: list[Any]) -> Any:
        from .arrays import Array
        return Array(self.run(item) for item in items)

    def node_dict(self, pairs: list[tuple[Any, Any]]) -> Any:
        from .dictionary import Dictionary
        result = Dictionary()
        for key, value in pairs:
            result[self.run(key)] = self.run(value)
        return result

    def node_construct(self, type_name: str, arg_nodes: list[Any]) -> Any:
        args = [self.run(arg) for arg in arg_nodes]
        try:
            return _construct(type_name, args, self.dialect)
        except (GDScriptError, TypeError, ValueError, KeyError, OverflowError):
            raise ExpressionError(f"Invalid arguments to construct '{type_name}'") from None

    def node_builtin(self, name: str, arg_nodes: list[Any]) -> Any:
        from . import utility_functions
        args = [self.run(arg) for arg in arg_nodes]
        table = getattr(utility_functions, f"UTILITY_FUNCTIONS_{self.dialect}")
        try:
            return table[name](*args)
        except (GDScriptError, TypeError, ValueError, OverflowError) as exc:
            if self.dialect == 3:
                raise ExpressionError("Builtin Call Failed. ") from None
            text = exc.message if isinstance(exc, GDScriptError) else str(exc)
            raise ExpressionError(f"Builtin call failed: {text}") from None

    def node_call(self, base_node: Any, name: str, arg_nodes: list[Any]) -> Any:
        base = self.run(base_node)
        args = [self.run(arg) for arg in arg_nodes]
        if self.const_only and not _const_call(base, name):
            raise ExpressionError(f"On call to '{name}':")
        try:
            return self.hooks.call_method(base, name, *args)
        except (GDScriptError, TypeError, ValueError, KeyError, AttributeError, IndexError):
            raise ExpressionError(f"On call to '{name}':") from None


def _type(value: Any, dialect: int) -> str:
    from .variant import godot_type_name
    return godot_type_name(value, dialect)


def _const_call(base: Any, name: str) -> bool:
    if isinstance(base, Object):
        return name.startswith(("get_", "is_", "has_", "to_"))
    return name not in _MUTATORS


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _evaluate(name: str, a: Any, b: Any, dialect: int) -> Any:
    from gdscript import runtime

    from .variant import binary_operator, variant_equal
    if name in ("and", "or", "not"):
        truth = {"and": lambda: bool(a) and bool(b), "or": lambda: bool(a) or bool(b),
                 "not": lambda: not a}
        return truth[name]()
    if name in ("==", "!="):
        return variant_equal(a, b) == (name == "==")
    if name == "in":
        return _contains(b, a)
    if name == "neg":
        return runtime.op_neg(a)
    if name in ("~", "<<", ">>", "&", "|", "^"):
        return _bitwise(name, a, b)
    if _is_number(a) and _is_number(b):
        return _numeric(name, a, b, runtime)
    if isinstance(a, bool) or isinstance(b, bool):
        raise TypeError(name)
    if name in ("/", "%", "**"):
        return {"/": runtime.op_div, "%": lambda x, y: runtime.op_mod(x, y, dialect),
                "**": runtime.op_pow}[name](a, b)
    if name in ("+", "<", "<=", ">", ">="):
        try:
            return binary_operator(name, a, b, dialect)
        except GDScriptError:
            pass
    if isinstance(a, _CONTAINERS) or isinstance(b, _CONTAINERS):
        raise TypeError(name)  # Python's str * int, list + list... are not Godot operators
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "<": lambda: a < b,
            "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b}[name]()


_CONTAINERS = (str, list, dict, bytearray)


def _numeric(name: str, a: Any, b: Any, runtime: Any) -> Any:
    if name == "/":
        return runtime.op_div(a, b)
    if name == "%":
        return runtime.op_mod(a, b)
    if name == "**":
        return runtime.op_pow(a, b)
    result = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "<": lambda: a < b,
              "<=": lambda: a <= b, ">": lambda: a > b, ">=": lambda: a >= b}[name]()
    return runtime.wrap_int(result)


def _bitwise(name: str, a: Any, b: Any) -> int:
    from gdscript import runtime
    if type(a) is not int or (name != "~" and type(b) is not int):
        raise TypeError(name)
    if name == "~":
        return ~a
    if name == "<<":
        return runtime.op_lshift(a, b)
    if name == ">>":
        return a >> b if b >= 0 else 0
    return {"&": a & b, "|": a | b, "^": a ^ b}[name]


def _contains(container: Any, item: Any) -> bool:
    from .variant import variant_equal
    if isinstance(container, str):
        if not isinstance(item, str):
            raise TypeError("in")
        return item in container
    if isinstance(container, dict):
        return any(variant_equal(key, item) for key in container)
    if isinstance(container, (list, bytearray)) or hasattr(container, "__iter__"):
        return any(variant_equal(value, item) for value in container)
    raise TypeError("in")


def _construct(type_name: str, args: list[Any], dialect: int) -> Any:
    from . import class_table
    simple = {"int": (int, 0), "float": (float, 0.0), "bool": (bool, False), "String": (str, "")}
    if type_name in simple:
        convert, default = simple[type_name]
        if not args:
            return default
        if len(args) != 1:
            raise TypeError(type_name)
        value = args[0]
        if type_name == "String":
            from .variant import stringify
            return value if isinstance(value, str) else stringify(value, dialect)
        if type_name in ("int", "float") and isinstance(value, str):
            from .strings import STRING_METHODS
            return STRING_METHODS["to_int" if type_name == "int" else "to_float"](value)
        if value is not None and not isinstance(value, (int, float, bool)):
            raise TypeError(type_name)
        return convert(value or 0)
    cls = class_table(dialect).get(type_name)
    if cls is None:
        raise TypeError(type_name)
    return cls(*args)


# * Expression ----------------------------------------------------------------------

# Godot 3's Expression has its own list of builtin functions.
_BUILTINS_3 = frozenset((
    "sin cos tan sinh cosh tanh asin acos atan atan2 sqrt fmod fposmod posmod floor ceil round "
    "abs sign pow log exp is_nan is_inf ease step_decimals stepify lerp lerp_angle inverse_lerp "
    "range_lerp smoothstep move_toward dectime randomize randi randf rand_range seed rand_seed "
    "deg2rad rad2deg linear2db db2linear polar2cartesian cartesian2polar wrapi wrapf max min "
    "clamp nearest_po2 weakref funcref convert typeof type_exists char ord str print printerr "
    "printraw var2str str2var var2bytes bytes2var").split())


class Expression(RefCounted):
    """Godot 4's Expression."""

    GODOT_NAME = "Expression"
    _GD_DIALECT = 4

    def __init__(self) -> None:
        super().__init__()
        self._gd_root: Any = None
        self._gd_error = ""
        self._gd_parse_failed = False
        self._gd_execute_failed = False

    def _gd_builtins(self) -> tuple[Any, Any]:
        from . import utility_functions
        if self._GD_DIALECT == 3:
            names = {n: None for n in _BUILTINS_3 if n in utility_functions.UTILITY_FUNCTIONS_3}
            return names, utility_functions.SIGNATURES_3
        names = {n: None for n in utility_functions.UTILITY_FUNCTIONS_4
                 if n not in utility_functions.GDSCRIPT_FUNCTIONS}
        return names, utility_functions.SIGNATURES_4

    def parse(self, expression: str, input_names: Any = ()) -> int:
        builtins, signatures = self._gd_builtins()
        parser = _Parser(str(expression), [str(n) for n in input_names], self._GD_DIALECT,
                         builtins, signatures)
        self._gd_error, self._gd_parse_failed, self._gd_root = "", False, None
        try:
            self._gd_root = parser.expression()
        except ExpressionError as exc:
            self._gd_error, self._gd_parse_failed = exc.message, True
            return ERR_INVALID_PARAMETER
        except RecursionError:
            self._gd_error, self._gd_parse_failed = "Expression is too deeply nested.", True
            return ERR_INVALID_PARAMETER
        return OK

    def execute(self, inputs: Any = (), base_instance: Any = None, show_error: bool = True,
                const_calls_only: bool = False) -> Any:
        if self._gd_parse_failed:
            engine_error('Condition "error_set" is true. Returning: Variant()',
                         f"There was previously a parse error: {self._gd_error}.")
            return None
        self._gd_execute_failed = False
        if self._gd_root is None:
            return None
        evaluator = _Evaluator(list(inputs or ()), base_instance, bool(const_calls_only),
                               self._GD_DIALECT)
        try:
            return evaluator.run(self._gd_root)
        except (ExpressionError, RecursionError) as exc:
            self._gd_execute_failed = True
            self._gd_error = exc.message if isinstance(exc, ExpressionError) else "Stack overflow."
            if show_error:
                engine_error('Condition "p_show_error" is true. Returning: Variant()', self._gd_error)
            return None

    def has_execute_failed(self) -> bool:
        return self._gd_execute_failed

    def get_error_text(self) -> str:
        return self._gd_error


class Expression3(Reference, Expression):
    """Godot 3's Expression: 3.x builtin functions, no ``**``, case-sensitive keywords."""

    GODOT_NAME = "Expression"
    _GD_DIALECT = 3

    def execute(self, inputs: Any = (), base_instance: Any = None,  # type: ignore[override]
                show_error: bool = True) -> Any:
        return Expression.execute(self, inputs, base_instance, show_error, False)


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"Expression": Expression}
GODOT_CLASSES_3 = {"Expression": Expression3}
