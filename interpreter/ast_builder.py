"""Builds AST nodes (gdscript.nodes) from lark's LALR reductions, in one place.

:class:`AstBuilder` is passed to lark as ``transformer=``: lark calls the method
named like each grammar rule (or alias) with that rule's children (tokens and
already built nodes) as soon as the rule is reduced, so no parse tree is ever
built.  Positions come from the first and last child.  Binary expressions
arrive flat (``a + b * -c``) and :meth:`AstBuilder.expr` applies Godot's
precedence table (gdscript_parser.h ``Precedence``) with a Pratt loop.

Per-parse settings (dialect, source) live on the instance; the parser module
sets them under a lock before each parse.  Errors are raised as ParseError.
"""

from __future__ import annotations

import re

from lark import Token

from . import messages
from . import nodes as n
from .errors import ParseError
from .parse_checks import assemble_class, check_identifier

# Godot's Precedence enum values.
P_CAST, P_TERNARY, P_OR, P_AND, P_NOT, P_CONTENT, P_COMPARE = 2, 3, 4, 5, 6, 7, 8
P_BIT_OR, P_BIT_XOR, P_BIT_AND, P_SHIFT, P_ADD, P_FACTOR = 9, 10, 11, 12, 13, 14
P_SIGN, P_BIT_NOT, P_POWER, P_TYPE_TEST, P_AWAIT = 15, 16, 17, 18, 19

_INFIX = {
    "AS": P_CAST, "IF": P_TERNARY, "OR": P_OR, "PIPEPIPE": P_OR, "AND": P_AND, "AMPAMP": P_AND,
    "IN": P_CONTENT, "NOT": P_CONTENT, "LT": P_COMPARE, "GT": P_COMPARE, "LE": P_COMPARE,
    "GE": P_COMPARE, "EQEQ": P_COMPARE, "NE": P_COMPARE, "PIPE": P_BIT_OR, "CARET": P_BIT_XOR,
    "AMP": P_BIT_AND, "LSHIFT": P_SHIFT, "RSHIFT": P_SHIFT, "PLUS": P_ADD, "MINUS": P_ADD,
    "STAR": P_FACTOR, "SLASH": P_FACTOR, "PERCENT": P_FACTOR, "POW": P_POWER, "IS": P_TYPE_TEST,
}
_BINARY_OP = {
    "OR": n.OP_OR, "PIPEPIPE": n.OP_OR, "AND": n.OP_AND, "AMPAMP": n.OP_AND, "IN": n.OP_IN,
    "LT": n.OP_LT, "GT": n.OP_GT, "LE": n.OP_LE, "GE": n.OP_GE, "EQEQ": n.OP_EQ, "NE": n.OP_NE,
    "PIPE": n.OP_BIT_OR, "CARET": n.OP_BIT_XOR, "AMP": n.OP_BIT_AND, "LSHIFT": n.OP_SHL,
    "RSHIFT": n.OP_SHR, "PLUS": n.OP_ADD, "MINUS": n.OP_SUB, "STAR": n.OP_MUL,
    "SLASH": n.OP_DIV, "PERCENT": n.OP_MOD, "POW": n.OP_POW,
}
_PREFIX = {
    "MINUS": (P_SIGN, n.OP_NEG), "PLUS": (P_SIGN, n.OP_POS), "TILDE": (P_BIT_NOT, n.OP_BIT_NOT),
    "NOT": (P_NOT, n.OP_NOT), "BANG": (P_NOT, n.OP_NOT), "AWAIT": (P_AWAIT, None),
}
_ASSIGN_OP = {"=": None, "+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%", "**=": "**",
              "<<=": "<<", ">>=": ">>", "&=": "&", "|=": "|", "^=": "^"}
_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "'": "'", '"': '"', "\\": "\\", "\n": ""}
_ESCAPE_RE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{6}|\r?\n|[\s\S]?)")
_STRING_KINDS = {"&": n.STRING_NAME, "^": n.STRING_NODE_PATH}


def _span(node, first, last):
    """Set ``node``'s span from the first and last token/node; return node."""
    node.line = first.line
    node.column = first.column
    node.end_line = last.end_line
    node.end_column = last.end_column
    return node


class _Marker:
    """Non-AST results passed up to an enclosing rule (extends, class_name, ...)."""

    __slots__ = ("kind", "values", "token")

    def __init__(self, kind, values, token):
        self.kind = kind
        self.values = values
        self.token = token


class AstBuilder:
    """lark transformer callbacks; one method per grammar rule or alias."""

    def __init__(self) -> None:
        self.dialect = 4
        self.engine_errors: list[str] = []  # Godot 3 tokenizer errors of this parse

    # * Class level ---------------------------------------------------------

    def start(self, c):
        cls = n.ClassNode(line=1, column=1, dialect=self.dialect)
        cls.engine_errors, self.engine_errors = self.engine_errors, []
        for item in reversed(c):
            if isinstance(item, n.Node):
                cls.end_line, cls.end_column = item.end_line, item.end_column
                break
        assemble_class(cls, c, outermost=True)
        return cls

    def statements(self, c):
        node = self.suite(c)
        if not c:
            node.line = node.column = node.end_line = node.end_column = 1
        return node

    def annotation(self, c):
        tok = c[0]
        node = n.AnnotationNode(name=tok.value, arguments=c[1:-1] if len(c) > 1 else [])
        return _span(node, tok, c[-1])

    def kw_annotation(self, c):
        tok = c[0]
        if self.dialect == 4:
            message = messages.REMOVED_KEYWORDS_4.get(tok.value) or \
                messages.unexpected_in_class_body(f'identifier "{tok.value}"')
            raise ParseError(message, tok.line, tok.column)
        node = n.AnnotationNode(name=tok.value, arguments=c[1:-1] if len(c) > 1 else [],
                                is_keyword=True)
        return _span(node, tok, c[-1])

    def extends_decl(self, c):
        first = c[1]
        path = None
        names = [t.value for t in c[2:]]
        if first.type == "STRING":
            path = self._string_value(first)[0]
        else:
            names.insert(0, first.value)
        return _Marker("extends", (path, names), c[0])

    def class_name_decl(self, c):
        check_identifier(c[1])
        icon = self._string_value(c[3])[0] if c[3] is not None else None
        return _Marker("class_name", (c[1].value, icon, c[4]), c[0])

    def class_decl(self, c):
        check_identifier(c[1])
        cls = n.ClassNode(name=c[1].value, dialect=self.dialect)
        body = c[3]
        items = body if isinstance(body, list) else [body]
        if c[2] is not None:
            items = [c[2], *items]
        assemble_class(cls, items, outermost=False)
        last = c[1]
        for item in reversed(items):
            if isinstance(item, n.Node):
                last = item
                break
        return _span(cls, c[0], last)

    def class_body(self, c):
        return [x for x in c if x is not None]

    def doc_string(self, c):
        return None

    # * Functions --------------------------------------------------------------

    def func_head(self, c):
        static, func_tok, name = c[0], c[1], c[2]
        check_identifier(name)
        fn = n.FunctionNode(name=name.value, is_static=static is not None)
        params = c[3:-2]
        self._set_parameters(fn, params, "function")
        fn.super_call_arguments = c[-2]
        fn.return_type = c[-1]
        return _span(fn, static or func_tok, c[-1] or name)

    def _set_parameters(self, fn, params, kind):
        seen = set()
        for p in params:
            is_rest = isinstance(p, _Marker)
            param = p.values if is_rest else p
            if param.name in seen:
                raise ParseError(messages.parameter_redeclared(param.name, kind),
                                 param.line, param.column)
            seen.add(param.name)
            if fn.rest_parameter is not None:
                raise ParseError(messages.PARAMS_AFTER_REST, param.line, param.column)
            if is_rest:
                if param.initializer is not None:
                    raise ParseError(messages.REST_WITH_DEFAULT, param.line, param.column)
                fn.rest_parameter = param
            else:
                fn.parameters.append(param)

    def func_decl(self, c):
        fn, body = c
        fn.body = body
        fn.end_line, fn.end_column = body.end_line, body.end_column
        return fn

    def bodyless_func(self, c):
        return c[0]

    def super_args(self, c):
        return list(c)

    def param(self, c):
        rest, name, type_, init = c
        check_identifier(name)
        node = n.ParameterNode(name=name.value, datatype_specifier=type_)
        if init is not None:
            node.infer_type, node.initializer = init
        _span(node, rest or name, node.initializer or type_ or name)
        return _Marker("rest", node, rest) if rest is not None else node

    def initializer(self, c):
        return (c[0].type == "INFER", c[1])

    def signal_decl(self, c):
        check_identifier(c[1])
        node = n.SignalNode(name=c[1].value)
        fn = n.FunctionNode()
        self._set_parameters(fn, c[2:], "signal")
        if fn.rest_parameter is not None:
            node.parameters = [*fn.parameters, fn.rest_parameter]
        else:
            node.parameters = fn.parameters
        for p in node.parameters:
            if p.initializer is not None:
                raise ParseError(messages.SIGNAL_PARAM_DEFAULT, p.line, p.column)
        return _span(node, c[0], c[-1])

    def enum_decl(self, c):
        name = c[1] if isinstance(c[1], Token) and c[1].type == "NAME" else None
        values = [v for v in c[1:-1] if isinstance(v, n.EnumValue)]
        seen = {}
        for i, v in enumerate(values):
            if v.name in seen:
                raise ParseError(messages.enum_name_repeated(v.name, seen[v.name]),
                                 v.line, v.column)
            seen[v.name] = v.line
            v.index = i
        node = n.EnumNode(name=name.value if name else None, values=values)
        return _span(node, c[0], c[-1])

    def enum_value(self, c):
        check_identifier(c[0])
        node = n.EnumValue(name=c[0].value, custom_value=c[1])
        return _span(node, c[0], c[1] or c[0])

    # * Variables, constants, properties -----------------------------------

    def var_decl(self, c):
        static, var_tok, name, tail = c
        type_, init, prop = tail or (None, None, None)
        check_identifier(name, messages.EXPECTED_VAR_NAME)
        node = n.VariableNode(name=name.value, datatype_specifier=type_,
                              is_static=static is not None)
        last = type_ or name
        if init is not None:
            node.infer_type, node.initializer = init
            last = node.initializer
        if prop is not None:
            self._apply_property(node, prop)
            last = prop.token
        return _span(node, static or var_tok, last)

    def _apply_property(self, node, prop):
        node.property_style = prop.kind
        for which, value, tok in prop.values:
            if getattr(node, which + "ter") is not None:
                msg = messages.PROPERTY_SETTER_TWICE if which == "set" else \
                    messages.PROPERTY_GETTER_TWICE
                raise ParseError(msg, tok.line, tok.column)
            setattr(node, which + "ter", value)

    def var_prop(self, c):
        return c[0]

    def var_tail(self, c):
        type_ = init = prop = None
        for x in c:
            if isinstance(x, n.TypeNode):
                type_ = x
            elif isinstance(x, tuple):
                init = x
            elif x is not None:
                prop = x
        return type_, init, prop

    def setget(self, c):
        kw, setter, _comma, getter = c
        if self.dialect == 4:
            raise ParseError(messages.expected_end_of_statement("variable declaration",
                                                                "Identifier"), kw.line, kw.column)
        values = []
        if setter is not None:
            values.append(("set", setter.value, setter))
        if getter is not None:
            values.append(("get", getter.value, getter))
        return _Marker(n.PROPERTY_SETGET, values, getter or setter or kw)

    def prop_ref(self, c):
        which = c[0]
        if which.value not in ("set", "get"):
            raise ParseError(messages.PROPERTY_GET_OR_SET, which.line, which.column)
        return (which.value, c[2].value, which)

    def prop_inline(self, c):
        return _Marker(n.PROPERTY_INLINE, list(c), c[-1][2])

    def prop_block(self, c):
        return _Marker(n.PROPERTY_BLOCK, list(c), c[-1][2])

    def prop_set(self, c):
        which, param, body = c
        if which.value != "set":
            raise ParseError(messages.PROPERTY_GET_OR_SET, which.line, which.column)
        fn = n.FunctionNode(name="@setter", body=body)
        p = _span(n.ParameterNode(name=param.value), param, param)
        fn.parameters.append(p)
        return ("set", _span(fn, which, body), which)

    def prop_get(self, c):
        which, body = c[0], c[-1]
        if which.value != "get":
            raise ParseError(messages.PROPERTY_GET_OR_SET, which.line, which.column)
        fn = n.FunctionNode(name="@getter", body=body)
        return ("get", _span(fn, which, body), which)

    def const_decl(self, c):
        const_tok, name, type_, init = c
        check_identifier(name, messages.EXPECTED_CONST_NAME)
        node = n.ConstantNode(name=name.value, datatype_specifier=type_)
        node.infer_type, node.initializer = init
        return _span(node, const_tok, node.initializer)

    def type(self, c):
        first = c[0]
        if first.type == "VOID":
            return _span(n.TypeNode(type_chain=["void"]), first, first)
        chain = []
        containers = []
        for x in c:
            if isinstance(x, Token):
                chain.append(x.value)
            else:
                containers.append(x)
        return _span(n.TypeNode(type_chain=chain, container_types=containers), first, c[-1])

    # * Statements -------------------------------------------------------------

    def suite(self, c):
        node = n.SuiteNode()
        stmts = node.statements
        for x in c:
            if isinstance(x, n.AnnotationNode):
                node.annotations.append(x)
            elif isinstance(x, n.LambdaNode):
                raise ParseError(messages.STANDALONE_LAMBDA, x.line, x.column)
            else:
                stmts.append(x)
        if c:
            _span(node, c[0], c[-1])
        return node

    def lambda_body(self, c):
        return self.suite(c) if c else n.SuiteNode()  # empty: the lambda sets its span

    def assign(self, c):
        target, op, value = c
        if not isinstance(target, (n.IdentifierNode, n.SubscriptNode)):
            raise ParseError(messages.ASSIGN_TARGET, target.line, target.column)
        node = n.AssignmentNode(assignee=target, assigned_value=value,
                                operator=_ASSIGN_OP[op.value])
        return _span(node, target, value)

    def return_stmt(self, c):
        value = c[1] if len(c) > 1 else None
        return _span(n.ReturnNode(return_value=value), c[0], c[-1])

    def pass_stmt(self, c):
        return _span(n.PassNode(), c[0], c[0])

    def break_stmt(self, c):
        return _span(n.BreakNode(), c[0], c[0])

    def continue_stmt(self, c):
        return _span(n.ContinueNode(), c[0], c[0])

    def breakpoint_stmt(self, c):
        return _span(n.BreakpointNode(), c[0], c[0])

    def assert_stmt(self, c):
        node = n.AssertNode(condition=c[1], message=c[2] if len(c) > 3 else None)
        return _span(node, c[0], c[-1])

    def if_stmt(self, c):
        node = n.IfNode(condition=c[1], true_block=c[2])
        _span(node, c[0], c[-1] or c[-2])
        tail = node
        for clause in c[3:-1]:  # elif clauses: chain them through false_block
            tail.false_block = _span(n.SuiteNode(statements=[clause]), clause, clause)
            tail = clause
        if c[-1] is not None:
            tail.false_block = c[-1]
        return node

    def elif_clause(self, c):
        return _span(n.IfNode(condition=c[1], true_block=c[2]), c[0], c[2])

    def else_clause(self, c):
        return c[1]

    def while_stmt(self, c):
        return _span(n.WhileNode(condition=c[1], loop=c[2]), c[0], c[2])

    def for_stmt(self, c):
        for_tok, var, type_, _in, iterable, body = c
        check_identifier(var, messages.EXPECTED_FOR_VARIABLE)
        node = n.ForNode(variable=var.value, datatype_specifier=type_, list=iterable, loop=body)
        return _span(node, for_tok, body)

    def match_stmt(self, c):
        node = n.MatchNode(test=c[1])
        pending = []
        for item in c[2:]:
            if isinstance(item, Token):
                continue  # a branch-less "pass"
            if isinstance(item, n.AnnotationNode):
                pending.append(item)
            else:
                item.annotations = pending
                pending = []
                node.branches.append(item)
        return _span(node, c[0], c[-1])

    def match_branch(self, c):
        body = c[-1]
        when, guard = c[-3], c[-2]
        patterns = c[:-3]
        if when is not None and when.value != "when":
            raise ParseError(messages.EXPECTED_WHEN, when.line, when.column)
        node = n.MatchBranchNode(patterns=patterns, block=body, guard_body=guard)
        for p in patterns:
            if p.pattern_type == n.PATTERN_WILDCARD:
                node.has_wildcard = True
            elif p.pattern_type == n.PATTERN_REST:
                raise ParseError(messages.REST_OUTSIDE_PATTERN, p.line, p.column)
            if len(patterns) > 1 and _has_bind(p):
                raise ParseError(messages.BIND_WITH_MULTIPLE_PATTERNS, p.line, p.column)
        return _span(node, patterns[0], body)

    def expr_pattern(self, c):
        expr = c[0]
        if isinstance(expr, n.LiteralNode):
            node = n.PatternNode(pattern_type=n.PATTERN_LITERAL, literal=expr)
        elif isinstance(expr, n.IdentifierNode) and expr.name == "_":
            node = n.PatternNode(pattern_type=n.PATTERN_WILDCARD)
        else:
            node = n.PatternNode(pattern_type=n.PATTERN_EXPRESSION, expression=expr)
        return _span(node, expr, expr)

    def bind_pattern(self, c):
        check_identifier(c[1])
        return _span(n.PatternNode(pattern_type=n.PATTERN_BIND, bind=c[1].value), c[0], c[1])

    def rest_pattern(self, c):
        return _span(n.PatternNode(pattern_type=n.PATTERN_REST), c[0], c[0])

    def array_pattern(self, c):
        items = c[1:-1]
        for p in items[:-1]:
            if p.pattern_type == n.PATTERN_REST:
                raise ParseError(messages.REST_NOT_LAST_ARRAY, p.line, p.column)
        return _span(n.PatternNode(pattern_type=n.PATTERN_ARRAY, array=items), c[0], c[-1])

    def dict_pattern(self, c):
        entries = c[1:-1]
        for key, _value in entries[:-1]:
            if key is None:
                raise ParseError(messages.REST_NOT_LAST_DICT, c[0].line, c[0].column)
        node = n.PatternNode(pattern_type=n.PATTERN_DICTIONARY, dictionary=entries)
        return _span(node, c[0], c[-1])

    def dict_pattern_entry(self, c):
        if isinstance(c[0], Token):
            return (None, _span(n.PatternNode(pattern_type=n.PATTERN_REST), c[0], c[0]))
        value = c[1]
        if value is not None and value.pattern_type == n.PATTERN_REST:
            raise ParseError(messages.REST_OUTSIDE_PATTERN, value.line, value.column)
        return (c[0], value)

    # * Expressions ------------------------------------------------------------

    def expr(self, c):
        node, pos = self._pratt(c, 0, 0)
        return node

    pat_expr = expr

    def _pratt(self, items, pos, min_prec):
        item = items[pos]
        if isinstance(item, Token):  # prefix operator
            prec, op = _PREFIX[item.type]
            operand, pos = self._pratt(items, pos + 1, prec)
            if op is None:
                left = _span(n.AwaitNode(to_await=operand), item, operand)
            else:
                left = _span(n.UnaryOpNode(operator=op, operand=operand), item, operand)
        else:
            left = item
            pos += 1
        count = len(items)
        while pos < count:
            tok = items[pos]
            ttype = tok.type
            prec = _INFIX[ttype]
            if prec < min_prec:
                break
            if ttype == "IF":
                cond = items[pos + 1]
                false_expr, pos = self._pratt(items, pos + 3, P_TERNARY)
                left = _span(n.TernaryOpNode(condition=cond, true_expr=left,
                                             false_expr=false_expr), left, false_expr)
            elif ttype == "AS":
                type_ = items[pos + 1]
                left = _span(n.CastNode(operand=left, cast_type=type_), left, type_)
                pos += 2
            elif ttype == "IS":
                negated = isinstance(items[pos + 1], Token)
                type_ = items[pos + 2] if negated else items[pos + 1]
                left = _span(n.TypeTestNode(operand=left, test_type=type_, is_negated=negated),
                             left, type_)
                pos += 3 if negated else 2
            elif ttype == "NOT":  # "not in"
                right, pos = self._pratt(items, pos + 2, prec + 1)
                left = _span(n.BinaryOpNode(operator=n.OP_NOT_IN, left_operand=left,
                                            right_operand=right), left, right)
            else:
                right, pos = self._pratt(items, pos + 1, prec + 1)
                left = _span(n.BinaryOpNode(operator=_BINARY_OP[ttype], left_operand=left,
                                            right_operand=right), left, right)
        return left, pos

    def attribute(self, c):
        base, name = c
        node = n.SubscriptNode(base=base, attribute=name.value, is_attribute=True)
        return _span(node, base, name)

    def call(self, c):
        callee = c[0]
        args = c[1:-1]
        name = None
        if isinstance(callee, n.IdentifierNode):
            name = callee.name
            if name == "yield" and self.dialect == 3:
                return self._yield(callee, args, c[-1])
        elif isinstance(callee, n.SubscriptNode) and callee.is_attribute:
            name = callee.attribute
        node = n.CallNode(callee=callee, function_name=name, arguments=args)
        return _span(node, callee, c[-1])

    def _yield(self, callee, args, rpar):
        node = n.YieldNode(object=args[0] if args else None,
                           signal=args[1] if len(args) > 1 else None)
        return _span(node, callee, rpar)

    def subscript(self, c):
        return _span(n.SubscriptNode(base=c[0], index=c[1]), c[0], c[2])

    def identifier(self, c):
        tok = c[0]
        name = tok.value
        if name == "yield" and self.dialect == 4:
            raise ParseError(messages.YIELD_REMOVED, tok.line, tok.column)
        if not name.isascii():
            check_identifier(tok)
        return n.IdentifierNode(tok.line, tok.column, tok.end_line, tok.end_column, name=name)

    def number(self, c):
        tok = c[0]
        return n.LiteralNode(tok.line, tok.column, tok.end_line, tok.end_column,
                             value=_number_value(tok) if self.dialect == 4 else
                             _number_value_3(tok, self.engine_errors))

    def string(self, c):
        tok = c[0]
        value, kind = self._string_value(tok)
        return n.LiteralNode(tok.line, tok.column, tok.end_line, tok.end_column,
                             value=value, string_kind=kind)

    def true(self, c):
        return _span(n.LiteralNode(value=True), c[0], c[0])

    def false(self, c):
        return _span(n.LiteralNode(value=False), c[0], c[0])

    def null(self, c):
        return _span(n.LiteralNode(value=None), c[0], c[0])

    def self(self, c):
        return _span(n.SelfNode(), c[0], c[0])

    def get_node(self, c):
        tok = c[0]
        text = tok.value
        if text[0] == "$":
            path = text[1:]
            if not path:
                raise ParseError(messages.NODE_PATH_AFTER_DOLLAR, tok.line, tok.column)
            if path.endswith("/"):
                raise ParseError(messages.NODE_PATH_AFTER_SLASH, tok.line,
                                 tok.column + len(text) - 1)
            node = n.GetNodeNode(full_path=_unquote_path(path), use_dollar=True)
        else:
            node = n.GetNodeNode(full_path=_unquote_path(text), use_dollar=False)
        return _span(node, tok, tok)

    def array(self, c):
        return _span(n.ArrayNode(elements=c[1:-1]), c[0], c[-1])

    def dictionary(self, c):
        entries = c[1:-1]
        node = n.DictionaryNode(elements=[e[:2] for e in entries])
        node.is_lua_style = bool(entries) and len(entries[0]) == 3
        return _span(node, c[0], c[-1])

    def dict_entry(self, c):
        return (c[0], c[1])

    def lua_entry(self, c):
        tok = c[0]
        if tok.type == "STRING":
            key = self.string([tok])
        else:
            key = _span(n.LiteralNode(value=tok.value, string_kind=n.STRING_PLAIN), tok, tok)
        return (key, c[2], True)

    def lambda_expr(self, c):
        func_tok = c[0]
        has_name = isinstance(c[1], Token)
        fn = n.FunctionNode(name=c[1].value if has_name else None, return_type=c[-2], body=c[-1])
        if not fn.body.line:  # ``func():`` with nothing after the colon
            _span(fn.body, func_tok, c[-2] or c[-3] if len(c) > 2 else func_tok)
        self._set_parameters(fn, c[2 if has_name else 1:-2], "lambda")
        _span(fn, func_tok, c[-1])
        return _span(n.LambdaNode(function=fn), func_tok, c[-1])

    def preload(self, c):
        path = c[1]
        resolved = path.value if isinstance(path, n.LiteralNode) and \
            isinstance(path.value, str) else None
        return _span(n.PreloadNode(path=path, resolved_path=resolved), c[0], c[-1])

    def super_call(self, c):
        name = None
        args = c[1:-1]
        if args and isinstance(args[0], Token):
            name = args[0].value
            args = args[1:]
        return _span(n.SuperCallNode(function_name=name, arguments=args), c[0], c[-1])

    def dot_super_call(self, c):
        node = n.SuperCallNode(function_name=c[1].value, arguments=c[2:-1], is_dot_call=True)
        return _span(node, c[0], c[-1])

    # * Literals ---------------------------------------------------------------

    def _string_value(self, tok):
        """(value, string_kind) of a STRING token, decoding escapes like Godot."""
        text = tok.value
        prefix = text[0]
        kind = n.STRING_PLAIN
        raw = False
        if prefix == "@":  # Godot 3's NodePath literal
            if self.dialect != 3:
                raise ParseError(messages.invalid_character("@"), tok.line, tok.column)
            text, kind = text[1:], n.STRING_NODE_PATH
        if prefix in "&^r":
            text = text[1:]
            if prefix == "r":
                raw = True
            else:
                kind = _STRING_KINDS[prefix]
        quote = 3 if text[:3] in ('"""', "'''") and len(text) >= 6 else 1
        body = text[quote:-quote]
        if raw or "\\" not in body:
            return body, kind
        return _decode_escapes(body, tok), kind


def _has_bind(p):
    if p.pattern_type == n.PATTERN_BIND:
        return True
    if p.pattern_type == n.PATTERN_ARRAY:
        return any(_has_bind(x) for x in p.array)
    if p.pattern_type == n.PATTERN_DICTIONARY:
        return any(v is not None and _has_bind(v) for _k, v in p.dictionary)
    return False


def _number_value(tok):
    text = tok.value
    if "__" in text:
        raise ParseError(messages.ADJACENT_UNDERSCORES, tok.line, tok.column)
    clean = text.replace("_", "")
    # Underscores only where digits must be (``0x_``, ``1e_``): no number at all.
    if clean[:2] in ("0x", "0X", "0b", "0B") and len(clean) == 2:
        raise ParseError(f'Unexpected underscore after "0{text[1]}".', tok.line, tok.column)
    if clean[:2] not in ("0x", "0X") and re.search(r"[eE][+-]?$", clean):
        raise ParseError('Expected exponent value after "e".', tok.line, tok.column)
    if clean[:2] in ("0x", "0X"):
        return int(clean[2:], 16)
    if clean[:2] in ("0b", "0B"):
        return int(clean[2:], 2)
    if "." in clean or "e" in clean or "E" in clean:
        return float(clean)
    return int(clean)


def _number_value_3(tok, engine_errors):
    """Godot 3's tokenizer: decimal floats go through its own strtod (which rounds twice
    for long mantissas), an int too big for 64 bits is INT64_MAX and an engine error
    (appended to ``engine_errors``: the compiler prints it on every load)."""
    text = tok.value.replace("_", "")
    is_hex = text[:2] in ("0x", "0X")
    if not is_hex and re.search(r"[eE][+-]?$", text):  # Godot 3.2.3's wording
        raise ParseError(f"Parse error: Invalid numeric constant: {text}", tok.line, tok.column)
    if not is_hex and ("." in text or "e" in text or "E" in text):
        return strtod_3(text)
    value = _number_value(tok)
    if isinstance(value, int) and value > 2**63 - 1:
        engine_errors.append(f"ERROR: {'hex_to_int64' if is_hex else 'to_int64'}: Cannot "
                             f"represent {text} as 64-bit integer, provided value is too big.")
        return 2**63 - 1
    return value


_POWERS_OF_10 = (10.0, 100.0, 1.0e4, 1.0e8, 1.0e16, 1.0e32, 1.0e64, 1.0e128, 1.0e256)


def strtod_3(text):
    """Godot 3's ``built_in_strtod`` on an unsigned decimal literal: at most 18 mantissa
    digits read as two ints, then scaled by a product of powers of ten."""
    found = re.match(r"(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$", text)
    if found is None:
        return float(text)
    whole, frac = found.group(1), found.group(2) or ""
    digits = whole + frac
    frac_exp = -len(frac)
    if len(digits) > 18:
        frac_exp += len(digits) - 18
        digits = digits[:18]
    if not digits:
        return 0.0
    fraction = 1.0e9 * int(digits[:-9] or "0") + int(digits[-9:])
    exponent = frac_exp + int(found.group(3) or 0)
    scale, power = 1.0, min(abs(exponent), 511)
    for factor in _POWERS_OF_10:
        if power == 0:
            break
        if power & 1:
            scale *= factor
        power >>= 1
    return fraction / scale if exponent < 0 else fraction * scale


def _unquote_path(path):
    if '"' not in path and "'" not in path:
        return path
    return re.sub(r"""(["'])(.*?)\1""", r"\2", path)


def _decode_escapes(body, tok):
    out = []
    pos = 0
    lead = None  # pending UTF-16 lead surrogate
    for m in _ESCAPE_RE.finditer(body):
        out.append(body[pos:m.start()])
        pos = m.end()
        esc = m.group(1)
        if esc[:1] in ("u", "U") and len(esc) > 1:
            code = int(esc[1:], 16)
            if 0xD800 <= code <= 0xDBFF:
                lead = code
                continue
            if 0xDC00 <= code <= 0xDFFF:
                if lead is None:
                    _escape_error(messages.UNPAIRED_TRAIL_SURROGATE, body, m.start(), tok)
                code = (lead << 10) + code - ((0xD800 << 10) + 0xDC00 - 0x10000)
                lead = None
            out.append(chr(code))
            continue
        if lead is not None:
            _escape_error(messages.UNPAIRED_LEAD_SURROGATE, body, m.start(), tok)
        if esc in ("u", "U") or esc[:1] in ("u", "U"):
            _escape_error(messages.INVALID_HEX_DIGIT, body, m.start(), tok)
        if esc == "\r\n":
            continue
        value = _ESCAPES.get(esc)
        if value is None:
            _escape_error(messages.INVALID_ESCAPE, body, m.start(), tok)
        out.append(value)
    if lead is not None:
        _escape_error(messages.UNPAIRED_LEAD_SURROGATE, body, len(body), tok)
    out.append(body[pos:])
    return "".join(out)


def _escape_error(message, body, offset, tok):
    prefix = body[:offset]
    line = tok.line + prefix.count("\n")
    if "\n" in prefix:
        column = len(prefix) - prefix.rfind("\n")
    else:
        opening = tok.value.index(body) if body else 0
        column = tok.column + opening + offset
    raise ParseError(message, line, column)
