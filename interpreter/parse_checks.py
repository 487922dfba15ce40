"""Checks Godot's parser makes beyond the grammar, and class assembly.

* :func:`assemble_class` turns the flat list of class-body items (annotations,
  ``extends``/``class_name`` markers, members) into a ClassNode, attaching each
  annotation to the member after it the way Godot's ``parse_program`` /
  ``parse_class_body`` do, with Godot's errors for unknown, misplaced,
  duplicated or inapplicable annotations and for member name conflicts.
* :func:`check_identifier` rejects identifiers that look like keywords.
* :func:`check_tree` is the post-parse pass over function bodies: local name
  conflicts, ``break``/``continue`` outside loops, static constructor rules,
  returning a value from a constructor.

Every problem is raised as ParseError with Godot's message.
"""

from __future__ import annotations

from . import messages
from . import nodes as n
from .errors import ParseError

# Annotation targets (Godot's AnnotationInfo::TargetKind).
SCRIPT, CLASS, VARIABLE, CONSTANT, SIGNAL, FUNCTION, STATEMENT, STANDALONE = (
    1, 2, 4, 8, 16, 32, 64, 128)
CLASS_LEVEL = CLASS | VARIABLE | CONSTANT | SIGNAL | FUNCTION

_EXPORTS = (
    "export", "export_enum", "export_file", "export_file_path", "export_dir",
    "export_global_file", "export_global_dir", "export_multiline", "export_placeholder",
    "export_range", "export_exp_easing", "export_color_no_alpha", "export_node_path",
    "export_flags", "export_flags_2d_render", "export_flags_2d_physics",
    "export_flags_2d_navigation", "export_flags_3d_render", "export_flags_3d_physics",
    "export_flags_3d_navigation", "export_flags_avoidance", "export_storage", "export_custom",
    "export_tool_button",
)
ANNOTATION_TARGETS = {
    "@tool": SCRIPT, "@icon": SCRIPT, "@static_unload": SCRIPT,
    "@abstract": SCRIPT | CLASS | FUNCTION, "@onready": VARIABLE,
    "@export_category": STANDALONE, "@export_group": STANDALONE,
    "@export_subgroup": STANDALONE, "@warning_ignore": CLASS_LEVEL | STATEMENT,
    "@warning_ignore_start": STANDALONE, "@warning_ignore_restore": STANDALONE,
    "@rpc": FUNCTION,
}
ANNOTATION_TARGETS.update(("@" + name, VARIABLE) for name in _EXPORTS)
_SCRIPT_ONLY = ("@tool", "@icon", "@static_unload")
_KIND_TARGET = {
    n.VariableNode: (VARIABLE, "variable"), n.ConstantNode: (CONSTANT, "constant"),
    n.SignalNode: (SIGNAL, "signal"), n.FunctionNode: (FUNCTION, "function"),
    n.ClassNode: (CLASS, "class"), n.EnumNode: (CONSTANT, "enum"),
}
_MEMBER_KIND = {
    n.VariableNode: "variable", n.ConstantNode: "constant", n.SignalNode: "signal",
    n.FunctionNode: "function", n.ClassNode: "class", n.EnumNode: "enum",
}
# 3.x keyword annotations and what they apply to.
_KEYWORD_TARGETS = {"export": VARIABLE, "onready": VARIABLE}

_KEYWORDS = (
    "as", "and", "assert", "await", "break", "breakpoint", "class", "class_name", "const",
    "continue", "elif", "else", "enum", "extends", "for", "func", "if", "in", "is", "match",
    "namespace", "not", "or", "pass", "preload", "return", "self", "signal", "static", "super",
    "trait", "var", "void", "while", "when", "yield", "true", "false", "null",
)
# Characters that look like ASCII letters (Unicode confusables for the keyword check).
_CONFUSABLES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s",
    "ј": "j", "ԁ": "d", "ɡ": "g", "һ": "h", "ӏ": "l", "ν": "v", "ο": "o", "α": "a", "ι": "i",
    "κ": "k", "τ": "t", "ѡ": "w", "ԝ": "w", "ք": "p", "ո": "n", "ս": "u", "А": "A", "Е": "E",
    "О": "O", "Р": "P", "С": "C", "Т": "T", "Х": "X", "ɑ": "a", "ƅ": "b", "ｅ": "e",
})


def check_identifier(tok, expected_message=None):
    """Reject identifiers visually similar to a keyword (Godot's confusable check)."""
    name = tok.value
    if name.isascii():
        return
    mapped = name.translate(_CONFUSABLES)
    if mapped != name and mapped in _KEYWORDS:
        raise ParseError(messages.similar_to_keyword(name, mapped), tok.line, tok.column)


def _error(message, where):
    raise ParseError(message, getattr(where, "line", None), getattr(where, "column", None))


# * Class assembly --------------------------------------------------------------


class _ClassAssembler:
    """State while walking one class body's items."""

    def __init__(self, cls, outermost):
        self.cls = cls
        self.outermost = outermost
        self.head = True  # still where @tool/extends/class_name may appear
        self.seen_head_marker = False  # extends or class_name already seen
        self.pending: list[n.AnnotationNode] = []
        self.names: dict[str, str] = {}
        self.warning_starts: dict[str, int] = {}

    def feed(self, item):
        if item is None:
            return
        if isinstance(item, n.AnnotationNode):
            self._annotation(item)
        elif isinstance(item, n.PassNode):
            return
        elif getattr(item, "kind", None) in ("extends", "class_name"):
            self._head_marker(item)
        else:
            self._member(item)

    def finish(self):
        if self.pending:
            a = self.pending[0]
            _error(messages.annotation_no_target(a.name), a)

    def _annotation(self, a):
        if a.is_keyword:
            if a.name == "tool":
                self.cls.is_tool = True
                self.cls.annotations.append(a)
            else:
                self.pending.append(a)
            return
        targets = ANNOTATION_TARGETS.get(a.name)
        if targets is None:
            _error(messages.REMOVED_ANNOTATIONS.get(a.name)
                   or messages.unrecognized_annotation(a.name), a)
        at_top = self.head and self.outermost
        if targets & CLASS and at_top:
            self.pending.append(a)  # script or next inner class: decided later
        elif a.name in _SCRIPT_ONLY:
            if not at_top or self.seen_head_marker:
                _error(messages.annotation_not_at_top(a.name) if self.outermost
                       else f'Annotation "{a.name}" is not allowed in this level.', a)
            self._flush_to_class()
            self._apply_script(a)
        elif targets & STANDALONE:
            self._standalone(a)
        else:
            self.pending.append(a)
            self.head = False

    def _apply_script(self, a):
        cls = self.cls
        if a.name == "@tool":
            if cls.is_tool:
                _error(messages.TOOL_TWICE, a)
            cls.is_tool = True
        elif a.name == "@icon":
            if cls.icon_path is not None:
                _error(messages.ICON_TWICE, a)
            arg = a.arguments[0] if a.arguments else None
            cls.icon_path = arg.value if isinstance(arg, n.LiteralNode) else ""
        elif a.name == "@abstract":
            cls.is_abstract = True
        cls.annotations.append(a)

    def _flush_to_class(self):
        for a in self.pending:
            self._apply_script(a)
        self.pending = []

    def _standalone(self, a):
        name = a.name
        if name in ("@warning_ignore_start", "@warning_ignore_restore"):
            for arg in a.arguments:
                if not isinstance(arg, n.LiteralNode) or not isinstance(arg.value, str):
                    continue
                warning = arg.value.upper()
                if name == "@warning_ignore_start":
                    if warning in self.warning_starts:
                        _error(messages.warning_already_ignored(
                            warning, self.warning_starts[warning]), a)
                    self.warning_starts[warning] = a.line
                elif self.warning_starts.pop(warning, None) is None:
                    _error(messages.warning_not_ignored(warning), a)
        else:
            self.head = False
        self.cls.members.append(a)

    def _head_marker(self, marker):
        cls = self.cls
        if self.outermost and not self.head:
            _error(f'Unexpected "{marker.kind}" in class body.', marker.token)
        if self.outermost:
            self._flush_to_class()
        self.seen_head_marker = True
        if marker.kind == "class_name":
            if cls.class_name is not None:
                _error(messages.CLASS_NAME_TWICE, marker.token)
            name, icon, extends = marker.values
            cls.class_name = name
            if self.outermost:
                cls.name = name
            if icon is not None:
                cls.icon_path = icon
            if extends is not None:
                self._head_marker(extends)
        else:
            if cls.extends_path is not None or cls.extends:
                _error(messages.EXTENDS_TWICE, marker.token)
            cls.extends_path, cls.extends = marker.values

    def _member(self, member):
        self.head = False
        target, kind = _KIND_TARGET[type(member)]
        for a in self.pending:
            self._attach(a, member, target, kind)
        self.pending = []
        self._check_name(member)
        self.cls.members.append(member)

    def _attach(self, a, member, target, kind):
        if a.is_keyword:
            wanted = _KEYWORD_TARGETS.get(a.name, FUNCTION | VARIABLE)
        else:
            wanted = ANNOTATION_TARGETS[a.name]
        if not wanted & target:
            _error(messages.annotation_not_applicable(a.name, kind), a)
        member.annotations.append(a)
        if isinstance(member, n.VariableNode):
            if a.name in ("@onready", "onready"):
                member.onready = True
            elif a.name.startswith(("@export", "export")) and a.name != "@export_storage":
                member.exported = True
        elif isinstance(member, n.FunctionNode):
            if a.name == "@abstract":
                member.is_abstract = True
            elif a.is_keyword:
                member.rpc_keyword = a.name
        elif isinstance(member, n.ClassNode) and a.name == "@abstract":
            member.is_abstract = True

    def _check_name(self, member):
        name = member.name
        kind = _MEMBER_KIND[type(member)]
        if isinstance(member, n.EnumNode) and name is None:
            for value in member.values:
                self._claim(value.name, "enum value", value)
            return
        self._claim(name, kind, member)

    def _claim(self, name, kind, where):
        previous = self.names.get(name)
        if previous is not None:
            _error(messages.member_conflict(kind, name, previous), where)
        self.names[name] = kind


def assemble_class(cls, items, outermost):
    """Fill ``cls`` from its body items (see module docstring)."""
    assembler = _ClassAssembler(cls, outermost)
    for item in items:
        assembler.feed(item)
    assembler.finish()
    if outermost:
        check_tree(cls)
    return cls


# * Function bodies ---------------------------------------------------------------


class _Scope:
    """Local names of a function: a stack of blocks, each name -> kind."""

    def __init__(self):
        self.blocks: list[dict[str, str]] = [{}]

    def declare(self, name, kind, where):
        for block in self.blocks:
            if name in block:
                _error(messages.already_declared_local(block[name], name), where)
        self.blocks[-1][name] = kind


def check_tree(cls):
    """Post-parse checks over every function of ``cls`` and its inner classes."""
    for member in cls.members:
        if isinstance(member, n.ClassNode):
            check_tree(member)
        elif isinstance(member, n.FunctionNode):
            _check_static_init(member)
            _check_function(member, getattr(cls, "dialect", 4))
        elif isinstance(member, n.VariableNode):
            for accessor in (member.setter, member.getter):
                if isinstance(accessor, n.FunctionNode):
                    _check_function(accessor, getattr(cls, "dialect", 4))
            _check_expr_tree(member.initializer, None)
        elif isinstance(member, n.ConstantNode):
            _check_expr_tree(member.initializer, None)


def _check_static_init(fn):
    if fn.name == "_static_init":
        if not fn.is_static:
            _error(messages.STATIC_INIT_NOT_STATIC, fn)
        if fn.parameters or fn.rest_parameter is not None:
            _error(messages.STATIC_INIT_PARAMS, fn)


def _check_function(fn, dialect=4):
    scope = _Scope()
    for p in fn.parameters:
        scope.declare(p.name, "parameter", p)
        _check_expr_tree(p.initializer, None)
    if fn.rest_parameter is not None:
        scope.declare(fn.rest_parameter.name, "parameter", fn.rest_parameter)
    if fn.body is not None:
        _Walker(fn, scope, dialect).suite(fn.body, in_loop=False, new_block=False)


def _check_expr_tree(expr, walker):
    """Visit lambdas inside an expression (each is checked as a function)."""
    if expr is None:
        return
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, n.LambdaNode):
            _check_function(node.function)
            continue
        stack.extend(n.iter_children(node))


class _Walker:
    """Walks one function body."""

    def __init__(self, fn, scope, dialect=4):
        self.fn = fn
        self.scope = scope
        self.dialect = dialect
        self.is_constructor = fn.name in ("_init", "_static_init")

    def suite(self, suite, in_loop, new_block=True):
        if suite is None:
            return
        if new_block:
            self.scope.blocks.append({})
        for stmt in suite.statements:
            self.statement(stmt, in_loop)
        if new_block:
            self.scope.blocks.pop()

    def statement(self, s, in_loop):
        t = type(s)
        if t is n.VariableNode:
            _check_expr_tree(s.initializer, self)
            self.scope.declare(s.name, "variable", s)
        elif t is n.ConstantNode:
            _check_expr_tree(s.initializer, self)
            self.scope.declare(s.name, "constant", s)
        elif t is n.IfNode:
            _check_expr_tree(s.condition, self)
            self.suite(s.true_block, in_loop)
            self.suite(s.false_block, in_loop)
        elif t is n.WhileNode:
            _check_expr_tree(s.condition, self)
            self.suite(s.loop, True)
        elif t is n.ForNode:
            _check_expr_tree(s.list, self)
            self.scope.blocks.append({})
            self.scope.declare(s.variable, "for loop iterator", s)
            self.suite(s.loop, True, new_block=False)
            self.scope.blocks.pop()
        elif t is n.MatchNode:
            self._match(s, in_loop)
        elif t is n.ContinueNode or t is n.BreakNode:
            if not in_loop and not (t is n.ContinueNode and in_loop is None):
                _error(messages.CONTINUE_OUTSIDE_LOOP if t is n.ContinueNode
                       else messages.BREAK_OUTSIDE_LOOP, s)
        elif t is n.ReturnNode:
            if self.is_constructor and s.return_value is not None:
                _error(messages.CONSTRUCTOR_RETURNS, s)
            _check_expr_tree(s.return_value, self)
        else:
            _check_expr_tree(s, self)

    def _match(self, s, in_loop):
        _check_expr_tree(s.test, self)
        for branch in s.branches:
            self.scope.blocks.append({})
            for p in branch.patterns:
                self._binds(p)
            _check_expr_tree(branch.guard_body, self)
            # Godot 3: ``continue`` in a branch goes on to the next patterns (None says so).
            branch_loop = None if self.dialect == 3 and not in_loop else in_loop
            self.suite(branch.block, branch_loop, new_block=False)
            self.scope.blocks.pop()

    def _binds(self, p):
        if p.pattern_type == n.PATTERN_BIND:
            self.scope.declare(p.bind, "pattern bind", p)
        elif p.pattern_type == n.PATTERN_ARRAY:
            for x in p.array:
                self._binds(x)
        elif p.pattern_type == n.PATTERN_DICTIONARY:
            for _k, v in p.dictionary:
                if v is not None:
                    self._binds(v)


def check_statements(suite):
    """Post-parse checks for a statement sequence parsed on its own."""
    fn = n.FunctionNode(name=None, body=suite)
    _check_function(fn)
