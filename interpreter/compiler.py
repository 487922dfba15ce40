"""Compiler: AST nodes (``nodes``) -> a Python ``ast.Module``, one class per GDScript class.

Input: a ``nodes.ClassNode`` from the parser, its path and dialect, and a
``Resolver`` that knows the names outside the script (native classes, global
``class_name`` scripts, singletons, utility functions, global constants).
Output: ``CompiledScript(module, globals)``: the module defines the outermost
class as ``_gd_main``; ``globals`` holds what the generated code refers to by
name (runtime helpers as ``_rt_*``, base classes, ``ScriptInfo`` objects,
constants).  The loader ``compile()``s and ``exec``s it.

Every generated node carries the position of the GDScript node it comes from
(``_pos``), so Python's tracebacks, and so Godot-style error messages, point
at the ``.gd`` line.  Each GDScript function body is wrapped in a ``try`` that
hands errors to ``script.report_error`` and returns null, as Godot's VM does.

Expressions are compiled by ``expr(node)``, which returns an ``ast.expr`` and
may append preparatory statements (lambda definitions) to the current
statement list.  Names are resolved here, once, by ``Scope``: local, member,
class constant, outer class constant, global.

This module must not import the runtime's stdlib classes for anything but
names: what a name *is* comes from the Resolver.

This module is the driver and the expressions; the other stages are mixins of
``Compiler``, one module each: ``compiler_classes`` (names, class contexts, the
module's classes, constants and members), ``compiler_typed`` (typed containers),
``compiler_statements`` (statements), ``compiler_fast`` (typed fast paths).
"""

from __future__ import annotations

import ast
import math
import operator
from typing import Any

from . import nodes
from .compiler_classes import ClassContext, ClassLayout, CompiledScript, Scope, pyname
from .compiler_fast import FastPaths
from .compiler_statements import Statements
from .compiler_typed import TypedContainers
from .errors import MISSING, AnalyzerError, InternalError
from .ops3 import BINARY_3

__all__ = ["MISSING", "ClassContext", "CompiledScript", "Compiler", "Scope", "pyname"]


# * The compiler ----------------------------------------------------------------------

class Compiler(ClassLayout, TypedContainers, Statements, FastPaths):
    def __init__(self, tree: nodes.ClassNode, path: str, dialect: int, resolver: Any) -> None:
        self.tree = tree
        self.path = path
        self.dialect = dialect
        self.resolver = resolver
        self.globals: dict[str, Any] = {}
        self.counter = 0
        self.stmts: list[ast.stmt] = []  # the statement list expressions prepend to
        self.scope: Scope | None = None
        self.cls: ClassContext | None = None
        self.function: nodes.FunctionNode | None = None
        self.is_coroutine = False
        self.loop_depth = 0
        self.setter_of: str | None = None  # inside a property accessor of this member
        self.discarded: nodes.Node | None = None  # the expression statement being compiled

    # * Helpers ------------------------------------------------------------------
    def fail(self, message: str, node: nodes.Node) -> AnalyzerError:
        return AnalyzerError(message, node.line, node.column, self.path)

    def new_global(self, value: Any, hint: str = "g") -> str:
        self.counter += 1
        name = f"_gd_{hint}{self.counter}"
        self.globals[name] = value
        return name

    def temp(self, hint: str = "t") -> str:
        self.counter += 1
        return f"_gd_{hint}{self.counter}"

    def rt(self, name: str) -> ast.expr:
        """A runtime helper, bound in the module's globals as ``_rt_<name>``."""
        key = f"_rt_{name}"
        if key not in self.globals:
            self.globals[key] = self.resolver.runtime_helper(name)
        return ast.Name(key, ast.Load())

    def call_rt(self, name: str, *args: ast.expr) -> ast.expr:
        return ast.Call(self.rt(name), list(args), [])

    @staticmethod
    def pos(node: ast.AST, src: nodes.Node) -> ast.AST:
        line = max(src.line, 1)
        node.lineno = line  # type: ignore[attr-defined]
        node.col_offset = max(src.column - 1, 0)  # type: ignore[attr-defined]
        node.end_lineno = max(src.end_line, line)  # type: ignore[attr-defined]
        node.end_col_offset = max(src.end_column - 1, 0)  # type: ignore[attr-defined]
        return node

    def located(self, tree: ast.AST, src: nodes.Node) -> ast.AST:
        for sub in ast.walk(tree):
            if isinstance(sub, (ast.expr, ast.stmt, ast.excepthandler, ast.arg)) and \
                    not hasattr(sub, "lineno"):
                self.pos(sub, src)
        return tree

    def const(self, value: Any) -> ast.expr:
        if value is None or isinstance(value, (bool, int, float, str)) and type(value) in (
                bool, int, float, str):
            return ast.Constant(value)
        return ast.Name(self.new_global(value, "k"), ast.Load())

    # * Functions ---------------------------------------------------------------------
    def function_def(self, name: str, args: list[str], body: list[ast.stmt],
                     src: nodes.Node, defaults: list[ast.expr] | None = None,
                     vararg: str | None = None, kwonly: list[tuple[str, ast.expr]] | None = None,
                     decorators: list[ast.expr] | None = None) -> ast.FunctionDef:
        arguments = ast.arguments(
            posonlyargs=[], args=[ast.arg(a) for a in args],
            vararg=ast.arg(vararg) if vararg else None,
            kwonlyargs=[ast.arg(k) for k, _ in (kwonly or [])],
            kw_defaults=[v for _, v in (kwonly or [])], kwarg=None, defaults=defaults or [])
        fn = ast.FunctionDef(name=name, args=arguments, body=body,
                             decorator_list=decorators or [], returns=None, type_params=[])
        return self.located(fn, src)  # type: ignore[return-value]

    def compile_method(self, fn: nodes.FunctionNode) -> list[ast.stmt]:
        name = fn.name or "<anonymous>"
        params = [p.name for p in fn.parameters]
        args = params if fn.is_static else ["self", *params]
        out: list[ast.stmt] = [self.compile_function(fn, pyname(name), args)]
        if fn.is_static:
            out.append(self.located(ast.Assign(
                [ast.Name(pyname(name), ast.Store())],
                ast.Call(ast.Name("staticmethod", ast.Load()),
                         [ast.Name(pyname(name), ast.Load())], [])), fn))  # type: ignore[arg-type]
            self.cls.info.static_methods.add(name)  # type: ignore[union-attr]
        self.cls.info.methods[name] = pyname(name)  # type: ignore[union-attr]
        self.cls.info.method_args[name] = [p.name for p in fn.parameters]  # type: ignore[union-attr]
        if fn.super_call_arguments is not None:
            out.append(self.super_args_function(fn))
        return out

    def super_args_function(self, fn: nodes.FunctionNode) -> ast.stmt:
        """3.x ``func _init(a).(x, y)``: the arguments for the base's ``_init``."""
        saved = self.scope, self.stmts, self.function
        self.scope = Scope()
        for p in fn.parameters:
            self.scope.declare(p.name)
        self.stmts, self.function = [], fn
        args = [self.expr(a) for a in fn.super_call_arguments or []]
        body = [*self.stmts, ast.Return(ast.Tuple(args, ast.Load()))]
        self.scope, self.stmts, self.function = saved
        params = ["self", *[pyname(p.name) for p in fn.parameters]]
        defaults = [ast.Constant(None)] * len(fn.parameters)
        return self.function_def("_gd_super_args", params, body, fn, defaults=defaults)

    def compile_function(self, fn: nodes.FunctionNode, name: str, args: list[str],
                         lambda_captures: list[str] | None = None) -> ast.stmt:
        saved = (self.scope, self.stmts, self.function, self.is_coroutine, self.loop_depth)
        self.scope = Scope(is_static=fn.is_static)
        self.function, self.is_coroutine, self.loop_depth = fn, False, 0
        for p in fn.parameters:
            self.scope.declare(p.name, datatype=self.declared_type(
                p.datatype_specifier, p.infer_type, p.initializer))
        for captured in lambda_captures or ():
            self.scope.declare(captured)
        if fn.rest_parameter is not None:
            self.scope.declare(fn.rest_parameter.name)
        body: list[ast.stmt] = []
        self.stmts = body
        if fn.rest_parameter is not None:  # ``...args`` is an Array, not a Python tuple
            rest = pyname(fn.rest_parameter.name)
            body.append(self.located(ast.Assign([ast.Name(rest, ast.Store())], self.call_rt(
                "make_array", ast.Call(ast.Name("list", ast.Load()),
                                       [ast.Name(rest, ast.Load())], []))), fn))  # type: ignore[arg-type]
        defaults: list[ast.expr] = []
        for p in fn.parameters:
            if p.initializer is not None:
                default = self.param_default(p, body)
                defaults.append(default)
            elif defaults:
                defaults.append(ast.Constant(None))
            conv = self.type_converter(p.datatype_specifier, parameter=True)
            # Arguments are checked at the call (parameter_spec); a 4.x default value is
            # converted here, where it is made.
            checked_at_call = self.parameter_spec(p) is not None and \
                (self.dialect == 3 or p.initializer is None)
            if conv is not None and not checked_at_call:
                body.append(self.located(ast.Assign(
                    [ast.Name(pyname(p.name), ast.Store())],
                    ast.Call(ast.Name(self.new_global(conv, "conv"), ast.Load()),
                             [ast.Name(pyname(p.name), ast.Load())], [])), p))  # type: ignore[arg-type]
        if fn.name == "_ready" and self.cls is not None and not fn.is_static:
            body.append(self.located(ast.Expr(self.call_rt("ready_members", ast.Name(
                "self", ast.Load()), ast.Name(self.cls.py_name, ast.Load()))), fn))  # type: ignore[arg-type]
        if fn.body is not None:
            self.function_body(fn, body, specialize=lambda_captures is None)
        if not body:
            body.append(ast.Pass())
        handler = ast.ExceptHandler(
            type=ast.Name("Exception", ast.Load()), name="_gd_e",
            body=[ast.Expr(self.call_rt("report_error", ast.Name("_gd_e", ast.Load()))),
                  ast.Return(ast.Constant(None))])
        wrapped: list[ast.stmt] = [ast.Try(body=body, handlers=[handler], orelse=[],
                                           finalbody=[])]
        is_coroutine = self.is_coroutine
        py_args = [pyname(a) if a != "self" else a for a in args]
        kwonly = [(pyname(n), ast.Name(pyname(n), ast.Load())) for n in lambda_captures or ()]
        vararg = pyname(fn.rest_parameter.name) if fn.rest_parameter is not None else None
        decorators = [self.rt("coroutine")] if is_coroutine else []
        typed_args = self.typed_args_decorator(fn, args)
        if typed_args is not None:  # outermost: the checks come before the call
            decorators.insert(0, typed_args)
        result = self.function_def(name, py_args, wrapped, fn, defaults=defaults,
                                   vararg=vararg, kwonly=kwonly, decorators=decorators)
        self.scope, self.stmts, self.function, self.is_coroutine, self.loop_depth = saved
        return result

    def param_default(self, p: nodes.ParameterNode, body: list[ast.stmt]) -> ast.expr:
        init = p.initializer
        if isinstance(init, nodes.LiteralNode) and init.string_kind in (None,
                                                                        nodes.STRING_PLAIN):
            return self.convert_to(ast.Constant(init.value), p.datatype_specifier, p) \
                if not isinstance(init.value, str) else ast.Constant(init.value)
        # Evaluated at call time, like Godot: a sentinel default, then the expression.
        sentinel = self.rt("MISSING")
        value = self.initial_value(init, p.datatype_specifier, p)  # type: ignore[arg-type]
        test = ast.Compare(ast.Name(pyname(p.name), ast.Load()), [ast.Is()], [sentinel])
        body.append(self.located(ast.If(test, [ast.Assign(
            [ast.Name(pyname(p.name), ast.Store())], value)], []), p))  # type: ignore[arg-type]
        return self.rt("MISSING")

    # * Expressions --------------------------------------------------------------------
    def is_declared(self, name: str) -> bool:
        scope = self.scope
        return scope is not None and scope.is_local(name)

    def local_name(self, name: str) -> str:
        return pyname(name)

    def condition(self, node: nodes.Node) -> ast.expr:
        if isinstance(node, nodes.BinaryOpNode) and node.operator in (nodes.OP_AND, nodes.OP_OR):
            op = ast.And() if node.operator == nodes.OP_AND else ast.Or()
            return self.pos(ast.BoolOp(op, [self.condition(node.left_operand),  # type: ignore[arg-type]
                                           self.condition(node.right_operand)]), node)  # type: ignore[arg-type, return-value]
        return self.expr(node)

    def expr(self, node: nodes.Node) -> ast.expr:
        method = getattr(self, f"expr_{type(node).__name__}", None)
        if method is None:
            raise InternalError(f"no expression compiler for {type(node).__name__}")
        result = method(node)
        return self.located(result, node)  # type: ignore[return-value]

    def expr_LiteralNode(self, node: nodes.LiteralNode) -> ast.expr:
        if node.string_kind == nodes.STRING_NAME:
            return self.call_rt("string_name", ast.Constant(node.value))
        if node.string_kind == nodes.STRING_NODE_PATH:
            return self.call_rt("node_path", ast.Constant(node.value))
        if self.dialect == 3:
            return self.constant_3(node.value)
        return ast.Constant(node.value)

    def constant_3(self, value: Any) -> ast.expr:
        """Godot 3 keeps one constant per value in a function, so 0.0 and -0.0 are one:
        the first one written wins."""
        if type(value) is float and (value == 0.0 or value != value) and \
                self.function is not None:
            pool = self.__dict__.setdefault("float_constants", {})
            value = pool.setdefault((id(self.function), value == 0.0), value)
        return ast.Constant(value)

    def constant_number_3(self, node: nodes.Node | None) -> int | float | None:
        """A number known when compiling: a literal, or INF, NAN, PI, TAU (negated or not)."""
        value = _number_literal(node)
        if value is not None:
            return value
        sign = 1
        if isinstance(node, nodes.UnaryOpNode) and node.operator == nodes.OP_NEG:
            node, sign = node.operand, -1
        if isinstance(node, nodes.IdentifierNode) and node.name in _FLOAT_CONSTANTS_3 and \
                not self.is_declared(node.name) and \
                (self.cls is None or self.cls.lookup_member(node.name) is None):
            return sign * _FLOAT_CONSTANTS_3[node.name]
        return None

    def fold_float_3(self, node: nodes.BinaryOpNode) -> ast.expr | None:
        """Godot 3's parser computes an operator on two constant numbers, one of them a
        float, when compiling (so a NaN it makes is a constant of the function)."""
        op = _FOLDABLE_3.get(node.operator)
        if op is None:
            return None
        left = self.constant_number_3(node.left_operand)
        right = self.constant_number_3(node.right_operand)
        if left is None or right is None or float not in (type(left), type(right)):
            return None
        if node.operator == nodes.OP_DIV and right == 0:
            return None  # left to run time
        result = op(float(left), float(right))  # the int converts to a double
        return ast.Constant(result) if type(result) is bool else self.constant_3(result)

    def fold_math_3(self, node: nodes.CallNode) -> ast.expr | None:
        """Godot 3's parser computes a math function of constant numbers when compiling."""
        callee = node.callee
        if not isinstance(callee, nodes.IdentifierNode) or \
                callee.name not in ("abs", "sign", "floor", "ceil", "round") or \
                self.is_declared(callee.name) or \
                (self.cls is not None and self.cls.lookup_member(callee.name) is not None):
            return None
        values = [_number_literal(arg) for arg in node.arguments]
        if len(values) != 1 or values[0] is None:
            return None
        try:
            result = self.resolver.global_callable(callee.name)(*values)
        except Exception:  # noqa: BLE001 - left to run time, which reports it
            return None
        return self.constant_3(result) if type(result) in (int, float) else None

    def expr_SelfNode(self, node: nodes.SelfNode) -> ast.expr:
        if self.scope is not None and self.scope.is_static:
            raise self.fail('Cannot use "self" inside a static function.', node)
        return ast.Name("self", ast.Load())

    def expr_ArrayNode(self, node: nodes.ArrayNode) -> ast.expr:
        return self.call_rt("make_array", ast.List([self.held(e, self.expr(e))
                                                    for e in node.elements], ast.Load()))

    def expr_DictionaryNode(self, node: nodes.DictionaryNode) -> ast.expr:
        pairs = [ast.Tuple([self.dict_key(k, node), self.held(v, self.expr(v))], ast.Load())
                 for k, v in node.elements]
        return self.call_rt("make_dict", ast.List(pairs, ast.Load()))

    def dict_key(self, key: nodes.Node, node: nodes.DictionaryNode) -> ast.expr:
        # Godot 4 makes ``{name = value}`` keys StringNames (3.x keeps Strings).
        if node.is_lua_style and self.dialect == 4 and isinstance(key, nodes.LiteralNode) \
                and isinstance(key.value, str):
            return self.call_rt("string_name", ast.Constant(key.value))
        return self.expr(key)

    def expr_TernaryOpNode(self, node: nodes.TernaryOpNode) -> ast.expr:
        return ast.IfExp(self.condition(node.condition), self.expr(node.true_expr),  # type: ignore[arg-type]
                         self.expr(node.false_expr))  # type: ignore[arg-type]

    def expr_UnaryOpNode(self, node: nodes.UnaryOpNode) -> ast.expr:
        if self.dialect == 3 and node.operator == nodes.OP_NEG:
            negated = self.constant_number_3(node)
            if negated is not None and negated != 2**63:
                return self.constant_3(negated)  # folded as Godot 3's parser does
        operand = self.expr(node.operand)  # type: ignore[arg-type]
        if node.operator == nodes.OP_NOT:
            return ast.UnaryOp(ast.Not(), operand)
        if node.operator == nodes.OP_NEG:
            if isinstance(operand, ast.Constant) and isinstance(operand.value, (int, float)) \
                    and not isinstance(operand.value, bool):
                return ast.Constant(-operand.value) if operand.value != 2**63 else \
                    ast.Constant(-(2**63))
            return self.call_rt("op_neg_3" if self.dialect == 3 else "op_neg", operand)
        if node.operator == nodes.OP_BIT_NOT:
            return ast.UnaryOp(ast.Invert(), operand)
        return self.call_rt("op_pos", operand)

    def expr_BinaryOpNode(self, node: nodes.BinaryOpNode) -> ast.expr:
        if self.dialect == 3:
            folded = self.fold_float_3(node)
            if folded is not None:
                return folded
        fast = self.fast_binary(node)
        if fast is not None:
            return fast
        op = node.operator
        if op in (nodes.OP_AND, nodes.OP_OR):
            return ast.Call(ast.Name("bool", ast.Load()), [self.condition(node)], [])
        left = self.expr(node.left_operand)  # type: ignore[arg-type]
        right = self.expr(node.right_operand)  # type: ignore[arg-type]
        return self.binary(op, left, right, node)

    _COMPARE = {nodes.OP_EQ: ast.Eq, nodes.OP_NE: ast.NotEq, nodes.OP_LT: ast.Lt,
                nodes.OP_LE: ast.LtE, nodes.OP_GT: ast.Gt, nodes.OP_GE: ast.GtE,
                nodes.OP_IN: ast.In, nodes.OP_NOT_IN: ast.NotIn}
    _WRAPPING = {nodes.OP_ADD: ast.Add, nodes.OP_SUB: ast.Sub, nodes.OP_MUL: ast.Mult}
    _PLAIN = {nodes.OP_SHR: ast.RShift, nodes.OP_BIT_AND: ast.BitAnd,
              nodes.OP_BIT_OR: ast.BitOr, nodes.OP_BIT_XOR: ast.BitXor}
    _HELPERS = {nodes.OP_DIV: "op_div", nodes.OP_MOD: "op_mod", nodes.OP_POW: "op_pow",
                nodes.OP_SHL: "op_lshift"}

    def binary(self, op: str, left: ast.expr, right: ast.expr, node: nodes.Node) -> ast.expr:
        if self.dialect == 3 and op in BINARY_3:  # Godot 3 refuses bools, bad shift counts
            return self.call_rt(BINARY_3[op], left, right)
        guarded = self.guarded_binary(op, left, right)
        if guarded is not None:
            return guarded
        if op in self._COMPARE:
            if op in (nodes.OP_EQ, nodes.OP_NE):
                helper = "op_eq" if op == nodes.OP_EQ else "op_ne"
                if self.dialect == 3:
                    helper += "_3"
                return self.call_rt(helper, left, right)
            if op in (nodes.OP_IN, nodes.OP_NOT_IN):
                test = self.call_rt("op_in", left, right)
                return test if op == nodes.OP_IN else ast.UnaryOp(ast.Not(), test)
            return ast.Compare(left, [self._COMPARE[op]()], [right])
        if op == nodes.OP_MUL:
            return self.call_rt("op_mul", left, right)
        if op in self._WRAPPING:
            # Plain Python arithmetic, wrapped to 64 bits only when an int left the range.
            t = "_gd_w"
            raw = ast.BinOp(left, self._WRAPPING[op](), right)
            walrus = ast.NamedExpr(ast.Name(t, ast.Store()), raw)
            in_range = ast.BoolOp(ast.Or(), [
                ast.Compare(ast.Call(self.rt("type_of"), [walrus], []),
                            [ast.IsNot()], [ast.Name("int", ast.Load())]),
                ast.Compare(ast.Constant(-(2**63)), [ast.LtE(), ast.LtE()],
                            [ast.Name(t, ast.Load()), ast.Constant(2**63 - 1)])])
            if op == nodes.OP_ADD:
                raw_ok = ast.Name(t, ast.Load())
                return ast.IfExp(in_range, raw_ok, self.call_rt("wrap_int", ast.Name(
                    t, ast.Load())))
            return ast.IfExp(in_range, ast.Name(t, ast.Load()),
                             self.call_rt("wrap_int", ast.Name(t, ast.Load())))
        if op in self._PLAIN:
            return ast.BinOp(left, self._PLAIN[op](), right)
        if op in self._HELPERS:
            helper = self._HELPERS[op]
            if helper in ("op_mod", "op_div") and self.dialect == 3:
                helper += "_3"
            return self.call_rt(helper, left, right)
        raise InternalError(f"unknown operator {op}")

    def expr_IdentifierNode(self, node: nodes.IdentifierNode) -> ast.expr:
        name = node.name
        if self.dialect == 3 and name in _FLOAT_CONSTANTS_3:
            value = self.constant_number_3(node)
            if value is not None:
                return self.constant_3(value)
        if self.is_declared(name):
            return ast.Name(self.local_name(name), ast.Load())
        return self.resolve_name(name, node)

    def resolve_name(self, name: str, node: nodes.Node) -> ast.expr:
        ctx = self.cls
        first = True
        while ctx is not None:
            found = ctx.lookup_member(name)
            if found is not None:
                kind, detail = found
                if kind in ("member", "method", "signal") and not first:
                    raise self.fail(f'Cannot access non-static member "{name}" from an '
                                    f'inner class.', node)
                return self.member_expr(ctx, name, kind, detail, node)
            ctx, first = ctx.outer, False
        if self.cls is not None and self.resolver.native_property(self.native_of(self.cls), name):
            self.require_instance(name, node)
            return self.call_rt("get_member", ast.Name("self", ast.Load()), ast.Constant(name))
        if self.cls is not None and self.resolver.native_method(self.native_of(self.cls), name):
            self.require_instance(name, node)
            return self.call_rt("get_member", ast.Name("self", ast.Load()), ast.Constant(name))
        if name == self.tree.class_name:
            return ast.Name("_gd_main", ast.Load())  # the script naming itself
        native = self.native_of(self.cls)
        if self.resolver.native_signal(native, name):
            self.require_instance(name, node)
            return self.call_rt("signal_ref", ast.Name("self", ast.Load()), ast.Constant(name))
        found, constant = self.resolver.native_constant(native, name)
        if found:
            return self.const(constant)
        value = self.resolver.global_value(name)
        if value is not MISSING:
            return self.global_ref(name, value)
        raise self.fail(f'Identifier "{name}" not declared in the current scope.', node)

    def require_instance(self, name: str, node: nodes.Node) -> None:
        if self.scope is not None and self.scope.is_static:
            raise self.fail(f'Cannot access non-static member "{name}" from the static '
                            f'function.', node)

    def global_ref(self, name: str, value: Any, prefix: str = "_gd_G_") -> ast.expr:
        # Values and callables of one name differ (``abs`` vs ``abs(x)``): prefix _gd_F_.
        key = f"{prefix}{name}"
        self.globals.setdefault(key, value)
        return ast.Name(key, ast.Load())

    def member_expr(self, ctx: ClassContext, name: str, kind: str, detail: Any,
                    node: nodes.Node) -> ast.expr:
        if kind == "member":
            self.require_instance(name, node)
            return ast.Attribute(ast.Name("self", ast.Load()), self.member_attr(name),
                                 ast.Load())
        if kind == "static":
            return ast.Attribute(self.class_ref(name), self.member_attr(name), ast.Load())
        if kind == "method":
            self.require_instance(name, node)
            return self.call_rt("method_ref", ast.Name("self", ast.Load()), ast.Constant(name))
        if kind == "static_method":
            return self.call_rt("get_member", ast.Name(ctx.py_name, ast.Load()),
                                ast.Constant(name))
        if kind == "signal":
            self.require_instance(name, node)
            return self.call_rt("signal_ref", ast.Name("self", ast.Load()), ast.Constant(name))
        if kind == "constant":
            return ast.Name(detail, ast.Load())
        if kind == "inherited_constant":
            return self.const(detail.constants[name])
        if kind == "class":  # an inner class, possibly compiled after this code
            return ast.Name(detail.py_name if detail else f"{ctx.py_name}_{name}", ast.Load())
        raise InternalError(f"unknown member kind {kind}")

    def expr_SubscriptNode(self, node: nodes.SubscriptNode) -> ast.expr:
        if node.is_attribute:
            base = self.expr(node.base)  # type: ignore[arg-type]
            fast = self.fast_member_get(base, node.attribute)
            if fast is not None:
                return fast
            return self.call_rt("get_member", base, ast.Constant(node.attribute))
        fast = self.fast_subscript_get(node)
        if fast is not None:
            return fast
        return self.call_rt("get_index", self.expr(node.base), self.expr(node.index))  # type: ignore[arg-type]

    def expr_CallNode(self, node: nodes.CallNode) -> ast.expr:
        if self.dialect == 3:
            folded = self.fold_math_3(node)
            if folded is not None:
                return folded
        args = self.call_arguments(node)
        callee = node.callee
        if isinstance(callee, nodes.IdentifierNode):
            return self.call_name(callee.name, args, node)
        if isinstance(callee, nodes.SubscriptNode) and callee.is_attribute:
            name = callee.attribute or ""
            if isinstance(callee.base, nodes.SelfNode):
                self.expr_SelfNode(callee.base)
                return self.call_self(name, args, node)
            base = self.expr(callee.base)  # type: ignore[arg-type]
            if self.dialect == 3 and isinstance(callee.base, nodes.SubscriptNode) and \
                    not isinstance(callee.base.base, nodes.SelfNode):
                base = self.call_rt("pool_copy_3", base)  # a method of a temporary value
            if name == "new" and isinstance(callee.base, nodes.IdentifierNode) and \
                    isinstance(base, ast.Name) and base.id.startswith("_gd_main"):
                return ast.Call(base, args, [])  # a class of this script: construct directly
            # A value taken from a call of a void method is an error (4.x, run time).
            fast = self.fast_method_call(callee.base, base, name, args,  # type: ignore[arg-type]
                                         used=node is not self.discarded,
                                         arg_nodes=node.arguments)
            if fast is not None:
                return fast
            hook = "call_method" if node is self.discarded or self.dialect == 3 \
                else "call_method_ret"
            return self.call_rt(hook, base, ast.Constant(name), *args)
        raise self.fail("Cannot call this expression; use .call() on a Callable.", node)

    def call_arguments(self, node: nodes.CallNode) -> list[ast.expr]:
        """The arguments; literals passed to typed container parameters of a function
        known here (this script's methods) become typed, as Godot's analyzer makes them."""
        callee, fn = node.callee, None
        name = callee.name if isinstance(callee, nodes.IdentifierNode) else \
            callee.attribute if isinstance(callee, nodes.SubscriptNode) and \
            callee.is_attribute and isinstance(callee.base, nodes.SelfNode) else None
        ctx = self.cls if name is not None and not self.is_declared(name) else None
        while ctx is not None and fn is None:
            found = ctx.lookup_member(name)  # type: ignore[arg-type]
            fn = found[1] if found is not None and isinstance(found[1], nodes.FunctionNode) \
                else None
            ctx = ctx.outer if found is None else None
        params = fn.parameters if fn is not None else []
        args = []
        for i, arg in enumerate(node.arguments):
            literal = self.typed_literal(arg, params[i].datatype_specifier) \
                if i < len(params) else None
            args.append(literal if literal is not None else self.held(arg, self.expr(arg)))
        return args

    def call_name(self, name: str, args: list[ast.expr], node: nodes.Node) -> ast.expr:
        if self.is_declared(name):
            raise self.fail(f'Function "{name}()" not found in base self.', node)
        ctx = self.cls
        first = True
        while ctx is not None:
            found = ctx.lookup_member(name)
            if found is not None and found[0] in ("method", "static_method"):
                if found[0] == "method" and not first:
                    raise self.fail(f'Cannot call non-static function "{name}()" from an '
                                    f'inner class.', node)
                if found[0] == "static_method":
                    return ast.Call(ast.Attribute(ast.Name(ctx.py_name, ast.Load()),
                                                  pyname(name), ast.Load()), args, [])
                return self.call_self(name, args, node)
            if found is not None and found[0] == "class":
                break
            ctx, first = ctx.outer, False
        if self.cls is not None and self.resolver.native_method(self.native_of(self.cls), name):
            self.require_instance(name, node)
            return self.call_rt("call_method", ast.Name("self", ast.Load()),
                                ast.Constant(name), *args)
        if name == "new" and self.cls is not None and self.dialect == 4:
            return ast.Call(ast.Name(self.cls.py_name, ast.Load()), args, [])  # this class
        value = self.resolver.global_callable(name)
        if value is not MISSING:
            call = ast.Call(self.global_ref(name, value, "_gd_F_"), args, [])
            return self.fast_global_call(name, call) or call
        shim = self.compat_shim(name, args, node)
        if shim is not None:
            return shim
        raise self.fail(f'Function "{name}()" not found in base self.', node)

    # Documentation slips Godot rejects but whose intent is clear: run them with a
    # compatibility warning (an error with --strict).  (native base, name) -> meaning.
    COMPAT_SHIMS = {
        ("SceneTree", "get_tree"): "the SceneTree script itself",
    }

    def compat_shim(self, name: str, args: list[ast.expr], node: nodes.Node) -> ast.expr | None:
        native = self.native_of(self.cls)
        if native is None or args:
            return None
        for klass in native.__mro__:
            meaning = self.COMPAT_SHIMS.get((getattr(klass, "GODOT_NAME", ""), name))
            if meaning is not None:
                break
        else:
            return None
        godot_error = f'Function "{name}()" not found in base self.'
        if self.resolver.strict:
            raise self.fail(godot_error, node)
        warning = (f"{self.path}:{node.line}: compatibility warning: Godot rejects this line "
                   f"({godot_error}); running {name}() as {meaning}.")
        self.resolver.warn(warning)
        return ast.Name("self", ast.Load())

    def call_self(self, name: str, args: list[ast.expr], node: nodes.Node) -> ast.expr:
        self.require_instance(name, node)
        found = self.cls.lookup_member(name) if self.cls else None
        if found is not None and found[0] in ("method", "static_method"):
            return ast.Call(ast.Attribute(ast.Name("self", ast.Load()), pyname(name),
                                          ast.Load()), args, [])
        return self.call_rt("call_method", ast.Name("self", ast.Load()), ast.Constant(name),
                            *args)

    def expr_SuperCallNode(self, node: nodes.SuperCallNode) -> ast.expr:
        if self.cls is None or self.function is None:
            raise self.fail('"super" can only be used inside a function.', node)
        args = [self.expr(a) for a in node.arguments]
        name = node.function_name or self.function.name or "_init"
        base = self.base_ref(self.cls)
        this = ast.Name("self", ast.Load())
        return self.call_rt("call_super", base, this, ast.Constant(name), *args)

    def require_function(self, keyword: str, node: nodes.Node) -> None:
        if self.function is None:
            raise self.fail(f'Cannot use "{keyword}" outside of a function.', node)

    def expr_AwaitNode(self, node: nodes.AwaitNode) -> ast.expr:
        self.require_function("await", node)
        self.is_coroutine = True
        return ast.Yield(self.expr(node.to_await))  # type: ignore[arg-type]

    def expr_YieldNode(self, node: nodes.YieldNode) -> ast.expr:
        self.require_function("yield", node)
        self.is_coroutine = True
        if node.object is None:
            return ast.Yield(self.rt("BARE_YIELD"))
        if node.signal is None:
            raise self.fail("yield() takes no arguments, or an object and a signal name.", node)
        return ast.Yield(self.call_rt("signal_of", self.expr(node.object),
                                      self.expr(node.signal)))  # type: ignore[arg-type]

    def expr_CastNode(self, node: nodes.CastNode) -> ast.expr:
        literal = self.typed_literal(node.operand, node.cast_type)
        if literal is not None:
            return literal
        return self.call_rt("cast", self.expr(node.operand), self.type_ref(node.cast_type),  # type: ignore[arg-type]
                            ast.Constant(self.dialect))

    def expr_TypeTestNode(self, node: nodes.TypeTestNode) -> ast.expr:
        typed = self.typed_spec(node.test_type)
        if typed is not None:  # ``x is Array[int]``: exactly that element type
            test: ast.expr = ast.Call(ast.Attribute(self.const(typed), "matches", ast.Load()),
                                      [self.expr(node.operand)], [])  # type: ignore[arg-type]
            return ast.UnaryOp(ast.Not(), test) if node.is_negated else test
        test = self.call_rt("is_type", self.expr(node.operand), self.type_ref(node.test_type))  # type: ignore[arg-type]
        return ast.UnaryOp(ast.Not(), test) if node.is_negated else test

    def type_ref(self, spec: nodes.TypeNode | None) -> ast.expr:
        if spec is None or not spec.type_chain:
            return ast.Constant(None)
        first, rest = spec.type_chain[0], spec.type_chain[1:]
        if len(spec.type_chain) == 1 and self.resolver.is_builtin_type(first) and \
                not self.resolver.is_native_class(first):
            return ast.Constant(first)
        if self.is_declared(first):  # ``x is some_script`` with the script in a variable
            base: ast.expr = ast.Name(self.local_name(first), ast.Load())
        else:
            base = self.resolve_name(first, spec)
        for name in rest:
            base = self.call_rt("get_member", base, ast.Constant(name))
        return base

    def expr_GetNodeNode(self, node: nodes.GetNodeNode) -> ast.expr:
        path = node.full_path if node.use_dollar or node.full_path.startswith("%") else \
            node.full_path
        return self.call_rt("call_method", ast.Name("self", ast.Load()),
                            ast.Constant("get_node"), self.call_rt("node_path",
                                                                   ast.Constant(path)))

    def expr_PreloadNode(self, node: nodes.PreloadNode) -> ast.expr:
        if node.resolved_path is None:
            raise self.fail("Preloaded path must be a constant string.", node)
        value = self.resolver.preload(node.resolved_path, node)
        return ast.Name(self.new_global(value, "pre"), ast.Load())

    def expr_LambdaNode(self, node: nodes.LambdaNode) -> ast.expr:
        fn = node.function
        assert fn is not None
        self.counter += 1
        py = f"_gd_lambda{self.counter}"
        params = {p.name for p in fn.parameters}
        # Locals of the enclosing function that the lambda uses are captured by value:
        # keyword-only parameters whose defaults are evaluated when the lambda is made.
        captures = sorted(n for n in _identifiers(fn) - params if self.is_declared(n))
        uses_self = self.scope is not None and not self.scope.is_static and self.cls is not None
        args = (["self"] if uses_self else []) + [p.name for p in fn.parameters]
        saved_setter = self.setter_of
        self.stmts.append(self.compile_function(fn, py, args, lambda_captures=captures))
        self.setter_of = saved_setter
        target: ast.expr = ast.Name(py, ast.Load())
        owner: ast.expr = ast.Constant(None)
        if uses_self:
            target = ast.Call(self.rt("partial"), [target, ast.Name("self", ast.Load())], [])
            owner = ast.Name("self", ast.Load())
        return self.call_rt("make_lambda", target, owner, ast.Constant(fn.name))





def _identifiers(fn: nodes.FunctionNode) -> set[str]:
    found: set[str] = set()
    stack: list[nodes.Node] = [fn]
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.IdentifierNode):
            found.add(node.name)
        stack.extend(nodes.iter_children(node))
    return found




def _number_literal(node: nodes.Node | None) -> int | float | None:
    """The number a literal (or a negated literal) stands for, else None."""
    sign = 1
    if isinstance(node, nodes.UnaryOpNode) and node.operator == nodes.OP_NEG:
        node, sign = node.operand, -1
    if isinstance(node, nodes.LiteralNode) and type(node.value) in (int, float) and \
            node.string_kind in (None, nodes.STRING_PLAIN):
        return sign * node.value
    return None


_FLOAT_CONSTANTS_3 = {"INF": math.inf, "NAN": math.nan, "PI": math.pi, "TAU": math.tau}
_FOLDABLE_3 = {nodes.OP_ADD: operator.add, nodes.OP_SUB: operator.sub,
               nodes.OP_MUL: operator.mul, nodes.OP_DIV: operator.truediv,
               nodes.OP_LT: operator.lt, nodes.OP_GT: operator.gt, nodes.OP_LE: operator.le,
               nodes.OP_GE: operator.ge, nodes.OP_EQ: operator.eq, nodes.OP_NE: operator.ne}
