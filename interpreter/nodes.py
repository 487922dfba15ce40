"""AST node classes: what the parser produces and the analyzer/compiler consume.

Names and fields follow Godot's parser nodes (modules/gdscript/gdscript_parser.h)
with Python types.  Contract:

* Every node has 1-based ``line``/``column`` and ``end_line``/``end_column``
  (end column is one past the last character, like lark).
* Node lists are Python lists; optional children are ``None``.
* Literal values are Python values (int, float, str, bool, None); a string
  literal's ``string_kind`` says whether it is a plain String, a StringName
  (``&"x"``) or a NodePath (``^"x"``).
* Operators are the string constants below (``OP_*``); an ``AssignmentNode``
  keeps the binary operator of a compound assignment (``"+"`` for ``+=``).
* Every node ends with the same block of analyzer fields (``datatype``,
  ``reduced_value``, ``is_constant``), ``None`` until an analyzer fills them.
* 3.x-only syntax has its own nodes or fields (``YieldNode``, ``SuperCallNode``
  for ``.m()``, ``VariableNode.property_style == "setget"``, keyword
  annotations such as ``export``/``onready``/``remote`` as ``AnnotationNode``
  with ``is_keyword=True``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# * Operators ---------------------------------------------------------------

OP_ADD = "+"
OP_SUB = "-"
OP_MUL = "*"
OP_DIV = "/"
OP_MOD = "%"
OP_POW = "**"
OP_SHL = "<<"
OP_SHR = ">>"
OP_BIT_AND = "&"
OP_BIT_OR = "|"
OP_BIT_XOR = "^"
OP_LT = "<"
OP_GT = ">"
OP_LE = "<="
OP_GE = ">="
OP_EQ = "=="
OP_NE = "!="
OP_AND = "and"  # also "&&"
OP_OR = "or"  # also "||"
OP_IN = "in"
OP_NOT_IN = "not in"
# Unary operators.
OP_NEG = "-"
OP_POS = "+"
OP_BIT_NOT = "~"
OP_NOT = "not"  # also "!"

BINARY_OPERATORS = frozenset({
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_POW, OP_SHL, OP_SHR, OP_BIT_AND,
    OP_BIT_OR, OP_BIT_XOR, OP_LT, OP_GT, OP_LE, OP_GE, OP_EQ, OP_NE, OP_AND, OP_OR,
    OP_IN, OP_NOT_IN,
})
UNARY_OPERATORS = frozenset({OP_NEG, OP_POS, OP_BIT_NOT, OP_NOT})

# String literal kinds (LiteralNode.string_kind).
STRING_PLAIN = "string"
STRING_NAME = "string_name"
STRING_NODE_PATH = "node_path"

# PatternNode.pattern_type values.
PATTERN_LITERAL = "literal"
PATTERN_EXPRESSION = "expression"
PATTERN_BIND = "bind"
PATTERN_ARRAY = "array"
PATTERN_DICTIONARY = "dictionary"
PATTERN_REST = "rest"
PATTERN_WILDCARD = "wildcard"

# VariableNode.property_style values.
PROPERTY_NONE = "none"
PROPERTY_SETGET = "setget"  # 3.x: var x setget set_x, get_x
PROPERTY_INLINE = "inline"  # 4.x: var x: set = _s, get = _g
PROPERTY_BLOCK = "block"  # 4.x: indented set(value): / get: bodies


@dataclass(slots=True, eq=False)
class Node:
    """Base of every node: its source span."""

    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    # --- analyzer fields (filled by a later stage; None from the parser) ---
    datatype: Any = None
    reduced_value: Any = None
    is_constant: Any = None


# * Types and annotations -----------------------------------------------------

@dataclass(slots=True, eq=False)
class TypeNode(Node):
    """A type specifier: ``int``, ``A.B``, ``Array[int]``, ``Dictionary[K, V]``, ``void``."""

    type_chain: list[str] = field(default_factory=list)
    container_types: list[TypeNode] = field(default_factory=list)

    @property
    def is_void(self) -> bool:
        return self.type_chain == ["void"]


@dataclass(slots=True, eq=False)
class AnnotationNode(Node):
    """``@name(args)``; 3.x keywords (export, onready, remote, ...) with is_keyword=True."""

    name: str = ""  # "@export" for annotations, "export" for 3.x keywords
    arguments: list[Node] = field(default_factory=list)
    is_keyword: bool = False


# * Class level ---------------------------------------------------------------

@dataclass(slots=True, eq=False)
class ClassNode(Node):
    """A script (outermost) or inner class; ``members`` in source order."""

    name: str | None = None  # inner class name; for the script, its class_name
    class_name: str | None = None  # global name from ``class_name``
    extends_path: str | None = None  # ``extends "res://x.gd"``
    extends: list[str] = field(default_factory=list)  # ``extends A.B`` -> ["A", "B"]
    icon_path: str | None = None
    # VariableNode, ConstantNode, FunctionNode, SignalNode, EnumNode, ClassNode,
    # and standalone AnnotationNode (@export_group, @warning_ignore_start...).
    members: list[Node] = field(default_factory=list)
    annotations: list[AnnotationNode] = field(default_factory=list)
    is_tool: bool = False
    is_abstract: bool = False
    dialect: int = 4
    path: str | None = None
    engine_errors: list[str] = field(default_factory=list)  # 3.x tokenizer's, per load


@dataclass(slots=True, eq=False)
class ParameterNode(Node):
    """A function/lambda/signal parameter."""

    name: str = ""
    datatype_specifier: TypeNode | None = None
    initializer: Node | None = None  # default value
    infer_type: bool = False  # ``a := 1``


@dataclass(slots=True, eq=False)
class SuiteNode(Node):
    """A block of statements; ``annotations`` holds statement annotations seen in it."""

    statements: list[Node] = field(default_factory=list)
    annotations: list[AnnotationNode] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class FunctionNode(Node):
    """``func name(params) -> type: body``; also the function of a LambdaNode."""

    name: str | None = None  # None for anonymous lambdas
    parameters: list[ParameterNode] = field(default_factory=list)
    rest_parameter: ParameterNode | None = None  # ``...args`` (4.5+)
    return_type: TypeNode | None = None
    body: SuiteNode | None = None  # None for bodyless (@abstract) functions
    is_static: bool = False
    is_abstract: bool = False
    annotations: list[AnnotationNode] = field(default_factory=list)
    super_call_arguments: list[Node] | None = None  # 3.x ``func _init(a).(a):``
    rpc_keyword: str | None = None  # 3.x remote/master/puppet/... keyword


@dataclass(slots=True, eq=False)
class VariableNode(Node):
    """``var`` at class level (member) or in a function body (local)."""

    name: str = ""
    datatype_specifier: TypeNode | None = None
    initializer: Node | None = None
    infer_type: bool = False  # ``var x := ...``
    property_style: str = PROPERTY_NONE
    # Names (str) for setget/inline style, FunctionNode for block style.
    setter: str | FunctionNode | None = None
    getter: str | FunctionNode | None = None
    is_static: bool = False
    onready: bool = False
    exported: bool = False
    annotations: list[AnnotationNode] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class ConstantNode(Node):
    """``const NAME := value`` (class member or local)."""

    name: str = ""
    datatype_specifier: TypeNode | None = None
    initializer: Node | None = None
    infer_type: bool = False
    annotations: list[AnnotationNode] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class SignalNode(Node):
    """``signal name(params)``."""

    name: str = ""
    parameters: list[ParameterNode] = field(default_factory=list)
    annotations: list[AnnotationNode] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class EnumValue(Node):
    """One ``NAME [= value]`` of an enum (Godot's EnumNode::Value)."""

    name: str = ""
    custom_value: Node | None = None
    index: int = 0  # position in the enum


@dataclass(slots=True, eq=False)
class EnumNode(Node):
    """``enum [Name] { A, B = 2 }``; name None for anonymous enums."""

    name: str | None = None
    values: list[EnumValue] = field(default_factory=list)
    annotations: list[AnnotationNode] = field(default_factory=list)


# * Statements ----------------------------------------------------------------

@dataclass(slots=True, eq=False)
class IfNode(Node):
    """``if``; an ``elif`` is an IfNode alone in the false_block."""

    condition: Node | None = None
    true_block: SuiteNode | None = None
    false_block: SuiteNode | None = None


@dataclass(slots=True, eq=False)
class ForNode(Node):
    """``for variable[: type] in list: loop``."""

    variable: str = ""
    datatype_specifier: TypeNode | None = None
    list: Node | None = None
    loop: SuiteNode | None = None


@dataclass(slots=True, eq=False)
class WhileNode(Node):
    """``while condition: loop``."""

    condition: Node | None = None
    loop: SuiteNode | None = None


@dataclass(slots=True, eq=False)
class PatternNode(Node):
    """A match pattern; which fields are set depends on ``pattern_type``."""

    pattern_type: str = PATTERN_LITERAL
    literal: LiteralNode | None = None
    expression: Node | None = None
    bind: str | None = None
    array: list[PatternNode] = field(default_factory=list)
    # (key expression, value pattern or None); a rest ``..`` entry is (None, rest pattern).
    dictionary: list[tuple[Node | None, PatternNode | None]] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class MatchBranchNode(Node):
    """``pattern, pattern when guard: block``."""

    patterns: list[PatternNode] = field(default_factory=list)
    block: SuiteNode | None = None
    guard_body: Node | None = None
    has_wildcard: bool = False
    annotations: list[AnnotationNode] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class MatchNode(Node):
    """``match test:`` with its branches."""

    test: Node | None = None
    branches: list[MatchBranchNode] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class ReturnNode(Node):
    """``return [value]``."""

    return_value: Node | None = None


@dataclass(slots=True, eq=False)
class AssertNode(Node):
    """``assert(condition[, message])``."""

    condition: Node | None = None
    message: Node | None = None


@dataclass(slots=True, eq=False)
class BreakNode(Node):
    """``break``."""


@dataclass(slots=True, eq=False)
class ContinueNode(Node):
    """``continue``."""


@dataclass(slots=True, eq=False)
class PassNode(Node):
    """``pass``."""


@dataclass(slots=True, eq=False)
class BreakpointNode(Node):
    """``breakpoint``."""


@dataclass(slots=True, eq=False)
class AssignmentNode(Node):
    """``assignee = value`` or compound ``assignee op= value`` (operator "+" for "+=")."""

    assignee: Node | None = None
    assigned_value: Node | None = None
    operator: str | None = None  # None for plain "="


# * Expressions ---------------------------------------------------------------

@dataclass(slots=True, eq=False)
class IdentifierNode(Node):
    """A name (variable, member, class, constant such as PI)."""

    name: str = ""


@dataclass(slots=True, eq=False)
class LiteralNode(Node):
    """A literal value: int, float, str, bool or None (null)."""

    value: Any = None
    string_kind: str | None = None  # STRING_PLAIN/STRING_NAME/STRING_NODE_PATH for strings


@dataclass(slots=True, eq=False)
class SelfNode(Node):
    """``self``."""


@dataclass(slots=True, eq=False)
class BinaryOpNode(Node):
    """``left operator right``."""

    operator: str = ""
    left_operand: Node | None = None
    right_operand: Node | None = None


@dataclass(slots=True, eq=False)
class UnaryOpNode(Node):
    """``operator operand`` (-, +, ~, not)."""

    operator: str = ""
    operand: Node | None = None


@dataclass(slots=True, eq=False)
class TernaryOpNode(Node):
    """``true_expr if condition else false_expr``."""

    condition: Node | None = None
    true_expr: Node | None = None
    false_expr: Node | None = None


@dataclass(slots=True, eq=False)
class CallNode(Node):
    """``callee(arguments)``; function_name set when callee is a name or attribute."""

    callee: Node | None = None
    function_name: str | None = None
    arguments: list[Node] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class SuperCallNode(Node):
    """``super(args)``, ``super.m(args)``, 3.x ``.m(args)``; function_name None for ``super()``."""

    function_name: str | None = None
    arguments: list[Node] = field(default_factory=list)
    is_dot_call: bool = False  # 3.x ``.m()`` form


@dataclass(slots=True, eq=False)
class SubscriptNode(Node):
    """``base.attribute`` (is_attribute) or ``base[index]``."""

    base: Node | None = None
    index: Node | None = None
    attribute: str | None = None
    is_attribute: bool = False


@dataclass(slots=True, eq=False)
class ArrayNode(Node):
    """``[elements]``."""

    elements: list[Node] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class DictionaryNode(Node):
    """``{key: value}`` or Lua style ``{key = value}`` (key then a string LiteralNode)."""

    elements: list[tuple[Node, Node]] = field(default_factory=list)
    is_lua_style: bool = False


@dataclass(slots=True, eq=False)
class LambdaNode(Node):
    """``func [name](params): body`` used as a value."""

    function: FunctionNode | None = None


@dataclass(slots=True, eq=False)
class AwaitNode(Node):
    """``await to_await``."""

    to_await: Node | None = None


@dataclass(slots=True, eq=False)
class YieldNode(Node):
    """3.x ``yield([object, signal])``; both None for bare ``yield()``."""

    object: Node | None = None
    signal: Node | None = None


@dataclass(slots=True, eq=False)
class CastNode(Node):
    """``operand as cast_type``."""

    operand: Node | None = None
    cast_type: TypeNode | None = None


@dataclass(slots=True, eq=False)
class TypeTestNode(Node):
    """``operand is test_type`` / ``operand is not test_type`` (is_negated)."""

    operand: Node | None = None
    test_type: TypeNode | None = None
    is_negated: bool = False


@dataclass(slots=True, eq=False)
class GetNodeNode(Node):
    """``$A/B``, ``$"A B"``, ``%Unique``, ``$%Unique``: full_path is the path text."""

    full_path: str = ""
    use_dollar: bool = True


@dataclass(slots=True, eq=False)
class PreloadNode(Node):
    """``preload(path)``; resolved_path is the string when path is a literal."""

    path: Node | None = None
    resolved_path: str | None = None


def iter_children(node: Node):
    """Yield the direct child nodes of ``node`` (in field order)."""
    for name in _child_fields(type(node)):
        value = getattr(node, name)
        if isinstance(value, Node):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, Node):
                    yield item
                elif isinstance(item, tuple):
                    for sub in item:
                        if isinstance(sub, Node):
                            yield sub


_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}
_SKIP_FIELDS = frozenset({"line", "column", "end_line", "end_column", "datatype",
                          "reduced_value", "is_constant"})


def _child_fields(cls: type) -> tuple[str, ...]:
    names = _CHILD_FIELDS.get(cls)
    if names is None:
        names = tuple(n for n in cls.__dataclass_fields__ if n not in _SKIP_FIELDS)
        _CHILD_FIELDS[cls] = names
    return names
