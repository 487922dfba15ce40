"""Statements in the compiler: GDScript statements -> Python statements.

``Statements`` is a mixin of ``compiler.Compiler``.  ``block`` compiles a suite
into a statement list (each statement through ``stmt_<NodeClass>``, its Python
statements carrying the GDScript position); it covers returns, local variables
and constants, ``if``/``while``/``for``, ``assert``, ``match`` (patterns, guards,
Godot 3's fall-through ``continue``) and assignments to locals, members,
subscripts and attributes, with the member and class references they need.
"""

from __future__ import annotations

import ast
from typing import Any

from . import nodes
from .compiler_classes import pyname
from .errors import InternalError

# * Code -----------------------------------------------------------------------------

class Statements:
    """Mixin of ``Compiler``: ``stmt_<NodeClass>`` for each statement node."""

    # * Statements ---------------------------------------------------------------------
    def block(self, statements: list[nodes.Node], out: list[ast.stmt]) -> None:
        saved = self.stmts
        self.stmts = out
        self.scope.push()  # type: ignore[union-attr]
        for st in statements:
            self.statement(st)
        self.scope.pop()  # type: ignore[union-attr]
        self.stmts = saved

    def sub_block(self, suite: nodes.SuiteNode | None) -> list[ast.stmt]:
        out: list[ast.stmt] = []
        if suite is not None:
            self.block(suite.statements, out)
        return out or [ast.Pass()]

    def emit(self, stmt: ast.stmt, src: nodes.Node) -> None:
        self.stmts.append(self.located(stmt, src))  # type: ignore[arg-type]

    def statement(self, st: nodes.Node) -> None:
        method = getattr(self, f"stmt_{type(st).__name__}", None)
        if method is not None:
            method(st)
            return
        if isinstance(st, nodes.Node) and type(st).__name__.endswith("Node"):
            self.discarded = st
            self.emit(ast.Expr(self.expr(st)), st)
            return
        raise InternalError(f"no statement compiler for {type(st).__name__}")

    def stmt_PassNode(self, st: nodes.PassNode) -> None:
        self.emit(ast.Pass(), st)

    def stmt_BreakpointNode(self, st: nodes.BreakpointNode) -> None:
        self.emit(ast.Pass(), st)

    def stmt_AnnotationNode(self, st: nodes.AnnotationNode) -> None:
        pass  # statement annotations (@warning_ignore) have no run-time effect

    def stmt_BreakNode(self, st: nodes.BreakNode) -> None:
        self.emit(ast.Break(), st)

    def stmt_ContinueNode(self, st: nodes.ContinueNode) -> None:
        if getattr(self, "match_branch", None) == (id(self.function), self.loop_depth):
            self.emit(ast.Raise(self.rt("MatchContinue"), None), st)  # 3.x: next patterns
            return
        self.emit(ast.Continue(), st)

    def held(self, node: nodes.Node, value: ast.expr) -> ast.expr:
        """A value that gets a new holder (variable, argument, element, result): in 3.x a
        pool array read from a variable or an element is copied."""
        if self.dialect == 3 and isinstance(node, (nodes.IdentifierNode, nodes.SubscriptNode)):
            return self.call_rt("pool_copy_3", value)
        return value

    def check_literal_type_3(self, value: nodes.Node | None, spec: nodes.TypeNode | None,
                             strict: bool) -> None:
        """Godot 3's parser refuses a literal of another builtin type where a builtin type
        is declared: a returned value must match exactly, an assigned one convert."""
        declared = self.literal_type(value) if isinstance(value, nodes.LiteralNode) else None
        if declared is None or spec is None or len(spec.type_chain) != 1:
            return
        want, have = spec.type_chain[0], declared.type_chain[0]
        if want not in ("int", "float", "bool", "String") or want == have:
            return
        if not strict and {want, have} <= {"int", "float", "bool"}:
            return
        if strict:
            raise self.fail(f"The returned value type ({have}) doesn't match the function "
                            f"return type ({want}).", value)
        raise self.fail(f"The assigned value type ({have}) doesn't match the variable's type "
                        f"({want}).", value)

    def stmt_ReturnNode(self, st: nodes.ReturnNode) -> None:
        if self.dialect == 3 and self.function is not None:
            self.check_literal_type_3(st.return_value, self.function.return_type, strict=True)
        value = self.typed_literal(st.return_value, self.function.return_type
                                   if self.function is not None else None)
        if value is None and st.return_value is not None:
            value = self.held(st.return_value, self.expr(st.return_value))
            spec = self.function.return_type if self.function is not None else None
            known = self.static_type(st.return_value)
            # Godot 3 returns the value as it is (no conversion, no check).
            if spec is not None and self.dialect == 4 and self.typed_spec(spec) is None and (
                    known is None or known.type_chain != spec.type_chain):  # typed return
                converter = self.type_converter(spec, parameter=True)
                if converter is not None:
                    value = ast.Call(self.const(converter), [value], [])
        if value is not None and self.dialect == 4 and self.function is not None and \
                self.function.return_type is not None and self.function.return_type.is_void:
            self.emit(ast.Expr(value), st)  # ``return f()`` in a void function: null
            value = None
        self.emit(ast.Return(value if value is not None else ast.Constant(None)), st)

    @classmethod
    def inferred_type(cls, var: nodes.VariableNode) -> nodes.TypeNode | None:
        """The declared type, or for ``var x := <literal>`` the literal's type."""
        if var.datatype_specifier is not None or not var.infer_type:
            return var.datatype_specifier
        return cls.literal_type(var.initializer)

    @staticmethod
    def literal_type(init: nodes.Node | None) -> nodes.TypeNode | None:
        """The type of a literal initializer (exported untyped vars take it too)."""
        if isinstance(init, nodes.UnaryOpNode) and init.operator == nodes.OP_NEG:
            init = init.operand
        if isinstance(init, nodes.LiteralNode) and init.string_kind in (None, nodes.STRING_PLAIN):
            name = {bool: "bool", int: "int", float: "float", str: "String"}.get(
                type(init.value))
            if name is not None:
                return nodes.TypeNode(type_chain=[name])
        return None

    def stmt_VariableNode(self, st: nodes.VariableNode) -> None:
        if st.initializer is not None:
            value = self.initial_value(st.initializer, st.datatype_specifier, st)
        else:
            value = self.type_default(st.datatype_specifier)
        datatype = self.declared_type(st.datatype_specifier, st.infer_type, st.initializer)
        self.scope.declare(st.name, self.type_converter(datatype), datatype)  # type: ignore[union-attr]
        self.emit(ast.Assign([ast.Name(pyname(st.name), ast.Store())], value), st)

    def stmt_ConstantNode(self, st: nodes.ConstantNode) -> None:
        value = self.constant_value(st)
        datatype = self.declared_type(st.datatype_specifier, True, st.initializer)
        self.scope.declare(st.name, datatype=datatype)  # type: ignore[union-attr]
        self.emit(ast.Assign([ast.Name(pyname(st.name), ast.Store())], value), st)

    def stmt_IfNode(self, st: nodes.IfNode) -> None:
        test = self.condition(st.condition)  # type: ignore[arg-type]
        body = self.sub_block(st.true_block)
        orelse: list[ast.stmt] = []
        if st.false_block is not None:
            orelse = self.sub_block(st.false_block)
        self.emit(ast.If(test, body, orelse), st)

    def stmt_WhileNode(self, st: nodes.WhileNode) -> None:
        # The condition may need preparatory statements: re-evaluate them each turn.
        cond_stmts: list[ast.stmt] = []
        saved = self.stmts
        self.stmts = cond_stmts
        test = self.condition(st.condition)  # type: ignore[arg-type]
        self.stmts = saved
        self.loop_depth += 1
        body = self.sub_block(st.loop)
        self.loop_depth -= 1
        if cond_stmts:
            loop_body = [*cond_stmts, ast.If(ast.UnaryOp(ast.Not(), test), [ast.Break()], []),
                         *body]
            self.emit(ast.While(ast.Constant(True), loop_body, []), st)
        else:
            self.emit(ast.While(test, body, []), st)

    def stmt_ForNode(self, st: nodes.ForNode) -> None:
        iterable = st.list
        if isinstance(iterable, nodes.CallNode) and isinstance(iterable.callee,
                                                              nodes.IdentifierNode) \
                and iterable.callee.name == "range" and not self.is_declared("range"):
            source = self.call_rt("range_iter", *[self.expr(a) for a in iterable.arguments])
        else:
            source = self.call_rt("iterate4" if self.dialect == 4 else "iterate",
                                  self.expr(iterable))  # type: ignore[arg-type]
        self.scope.push()  # type: ignore[union-attr]
        self.scope.declare(st.variable)  # type: ignore[union-attr]
        target = pyname(st.variable)
        self.loop_depth += 1
        body = self.sub_block(st.loop)
        self.loop_depth -= 1
        self.scope.pop()  # type: ignore[union-attr]
        conv = self.type_converter(st.datatype_specifier)
        if conv is not None:
            body.insert(0, ast.Assign([ast.Name(target, ast.Store())], ast.Call(
                ast.Name(self.new_global(conv, "conv"), ast.Load()),
                [ast.Name(target, ast.Load())], [])))
        self.emit(ast.For(ast.Name(target, ast.Store()), source, body, []), st)

    def stmt_AssertNode(self, st: nodes.AssertNode) -> None:
        args = [self.expr(st.condition)]  # type: ignore[arg-type]
        if st.message is not None:
            args.append(self.expr(st.message))
        self.emit(ast.Expr(self.call_rt("gd_assert", *args)), st)

    def stmt_MatchNode(self, st: nodes.MatchNode) -> None:
        value_name = self.temp("m")
        value = ast.Name(value_name, ast.Load())
        self.emit(ast.Assign([ast.Name(value_name, ast.Store())], self.expr(st.test)), st)  # type: ignore[arg-type]
        if any(b.guard_body is not None for b in st.branches):
            self.match_with_guards(st, value)
            return
        if self.dialect == 3 and any(_continues(b.block) for b in st.branches):
            self.match_fall_through(st, value)
            return
        chain: list[ast.stmt] = self.stmts
        for branch in st.branches:
            self.scope.push()  # type: ignore[union-attr]
            binds: list[ast.stmt] = []
            test = self.patterns_test(branch, value, binds)
            body = binds + self.sub_block(branch.block)
            self.scope.pop()  # type: ignore[union-attr]
            node = self.located(ast.If(test, body, []), branch)
            chain.append(node)  # type: ignore[arg-type]
            chain = node.orelse  # type: ignore[attr-defined]

    def match_fall_through(self, st: nodes.MatchNode, value: ast.expr) -> None:
        """Godot 3: ``continue`` in a branch leaves it and tests the next branches."""
        done = ast.Name(self.temp("matched"), ast.Store())
        self.emit(ast.Assign([done], ast.Constant(False)), st)
        for branch in st.branches:
            self.scope.push()  # type: ignore[union-attr]
            binds: list[ast.stmt] = []
            test = self.patterns_test(branch, value, binds)
            saved = getattr(self, "match_branch", None)
            self.match_branch = (id(self.function), self.loop_depth)
            body = self.sub_block(branch.block)
            self.match_branch = saved
            self.scope.pop()  # type: ignore[union-attr]
            again = ast.ExceptHandler(type=self.rt("MatchContinue"), name=None,
                                      body=[ast.Assign([done], ast.Constant(False))])
            taken = [ast.Assign([done], ast.Constant(True)), *binds,
                     ast.Try(body=body, handlers=[again], orelse=[], finalbody=[])]
            test = ast.BoolOp(ast.And(), [ast.UnaryOp(ast.Not(), ast.Name(done.id, ast.Load())),
                                          test])
            self.emit(ast.If(test, taken, []), branch)

    def patterns_test(self, branch: nodes.MatchBranchNode, value: ast.expr,
                      binds: list[ast.stmt]) -> ast.expr:
        tests = [self.pattern(p, value, binds) for p in branch.patterns]
        return tests[0] if len(tests) == 1 else ast.BoolOp(ast.Or(), tests)

    def match_with_guards(self, st: nodes.MatchNode, value: ast.expr) -> None:
        """Guards need the binds first, and a failed guard falls through to the next branch."""
        done = self.temp("matched")
        self.emit(ast.Assign([ast.Name(done, ast.Store())], ast.Constant(False)), st)
        for branch in st.branches:
            self.scope.push()  # type: ignore[union-attr]
            inner: list[ast.stmt] = []
            test = self.patterns_test(branch, value, inner)
            saved = self.stmts
            self.stmts = inner
            guard = self.condition(branch.guard_body) if branch.guard_body is not None \
                else ast.Constant(True)
            self.stmts = saved
            body = [ast.Assign([ast.Name(done, ast.Store())], ast.Constant(True)),
                    *self.sub_block(branch.block)]
            inner.append(ast.If(guard, body, []))
            self.scope.pop()  # type: ignore[union-attr]
            not_done = ast.UnaryOp(ast.Not(), ast.Name(done, ast.Load()))
            self.emit(ast.If(ast.BoolOp(ast.And(), [not_done, test]), inner, []), branch)

    def pattern(self, p: nodes.PatternNode, value: ast.expr, binds: list[ast.stmt]) -> ast.expr:
        kind = p.pattern_type
        if kind == nodes.PATTERN_WILDCARD:
            return ast.Constant(True)
        if kind == nodes.PATTERN_BIND:
            self.scope.declare(p.bind)  # type: ignore[union-attr, arg-type]
            binds.append(ast.Assign([ast.Name(pyname(p.bind or ""), ast.Store())], value))  # type: ignore[arg-type]
            return ast.Constant(True)
        if kind in (nodes.PATTERN_LITERAL, nodes.PATTERN_EXPRESSION):
            src = p.literal if kind == nodes.PATTERN_LITERAL else p.expression
            return self.call_rt("match_value", value, self.expr(src))  # type: ignore[arg-type]
        if kind == nodes.PATTERN_ARRAY:
            rest = any(e.pattern_type == nodes.PATTERN_REST for e in p.array)
            items = [e for e in p.array if e.pattern_type != nodes.PATTERN_REST]
            tests: list[ast.expr] = [self.call_rt("match_array", value, ast.Constant(len(items)),
                                                  ast.Constant(rest))]
            for i, sub in enumerate(items):
                elem = ast.Subscript(value, ast.Constant(i), ast.Load())
                tests.append(self.pattern(sub, elem, binds))
            return tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)
        if kind == nodes.PATTERN_DICTIONARY:
            rest = any(k is None for k, _ in p.dictionary)
            entries = [(k, v) for k, v in p.dictionary if k is not None]
            tests = [self.call_rt("match_dict", value, ast.Constant(len(entries)),
                                  ast.Constant(rest))]
            for key, sub in entries:
                key_expr = self.expr(key)
                tests.append(ast.Compare(key_expr, [ast.In()], [value]))
                if sub is not None:
                    elem = ast.Subscript(value, self.expr(key), ast.Load())
                    tests.append(self.pattern(sub, elem, binds))
            return tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)
        raise InternalError(f"unknown pattern type {kind}")

    def stmt_AssignmentNode(self, st: nodes.AssignmentNode) -> None:
        if self.fast_self_append(st):
            return
        target = st.assignee
        literal = self.typed_literal(st.assigned_value, self.static_type(target)) \
            if st.operator is None else None
        if literal is not None:
            value = literal
        elif st.operator is None:
            value = self.held(st.assigned_value, self.expr(st.assigned_value))  # type: ignore[arg-type]
        else:
            value = self.fast_compound(st)  # type: ignore[assignment]
            if value is None:
                current = self.expr(target)  # type: ignore[arg-type]
                value = self.binary(st.operator, current, self.expr(st.assigned_value), st)  # type: ignore[arg-type]
        self.assign(target, value, st)  # type: ignore[arg-type]

    def assign(self, target: nodes.Node, value: ast.expr, st: nodes.Node,
               pre_base: ast.expr | None = None) -> None:
        """``target = value``; ``pre_base``: the already evaluated base of ``target``
        (a chain ``a.b.c = v`` reads ``a`` and ``a.b`` once, then writes back)."""
        if isinstance(target, nodes.IdentifierNode):
            self.assign_name(target, value, st)
        elif isinstance(target, nodes.SubscriptNode):
            tmp = self.temp("v")
            self.emit(ast.Assign([ast.Name(tmp, ast.Store())], value), st)
            fast = self.fast_subscript_set(target, ast.Name(tmp, ast.Load()), st) \
                if pre_base is None else None
            if fast is None:
                self.assign_subscript(target, tmp, st, pre_base, None)
                return
            branch, key = fast
            saved = self.stmts
            self.stmts = branch.orelse
            try:
                self.assign_subscript(target, tmp, st, pre_base, ast.Name(key, ast.Load()))
            finally:
                self.stmts = saved
            self.emit(branch, st)
        elif isinstance(target, nodes.SelfNode):
            raise self.fail("Cannot assign a new value to a constant.", st)
        else:
            raise self.fail("Assignment is not allowed inside an expression.", st)

    def assign_subscript(self, target: nodes.SubscriptNode, tmp: str, st: nodes.Node,
                         pre_base: ast.expr | None, index: ast.expr | None) -> None:
        """``target = tmp`` through the runtime's set_member / set_index (``index``: the
        already evaluated index, if it is)."""
        base_tmp = self.temp("b")
        outer: ast.expr | None = None
        if pre_base is not None:
            base = pre_base
        elif isinstance(target.base, nodes.SubscriptNode):
            outer_tmp = self.temp("o")
            self.emit(ast.Assign([ast.Name(outer_tmp, ast.Store())],
                                 self.expr(target.base.base)), st)  # type: ignore[arg-type]
            outer = ast.Name(outer_tmp, ast.Load())
            base = self.subscript_read(target.base, outer)
        else:
            base = self.expr(target.base)  # type: ignore[arg-type]
        self.emit(ast.Assign([ast.Name(base_tmp, ast.Store())], base), st)
        if target.is_attribute:
            new = self.call_rt("set_member", ast.Name(base_tmp, ast.Load()),
                               ast.Constant(target.attribute), ast.Name(tmp, ast.Load()))
        else:
            new = self.call_rt("set_index", ast.Name(base_tmp, ast.Load()),
                               index or self.expr(target.index), ast.Name(tmp, ast.Load()))  # type: ignore[arg-type]
        new_tmp = self.temp("n")
        self.emit(ast.Assign([ast.Name(new_tmp, ast.Store())], new), st)
        # Value types (Vector2, ...) come back as a new value: store it back.
        if isinstance(target.base, nodes.SubscriptNode) or (
                isinstance(target.base, nodes.IdentifierNode)
                and self.is_variable(target.base.name)):
            write_back: list[ast.stmt] = []
            saved = self.stmts
            self.stmts = write_back
            self.assign(target.base, ast.Name(new_tmp, ast.Load()), st, outer)
            self.stmts = saved
            self.emit(ast.If(ast.Compare(ast.Name(new_tmp, ast.Load()), [ast.IsNot()],
                                         [ast.Name(base_tmp, ast.Load())]),
                             write_back, []), st)

    def subscript_read(self, node: nodes.SubscriptNode, base: ast.expr) -> ast.expr:
        """``base.attribute`` / ``base[index]`` with the base already evaluated."""
        if node.is_attribute:
            return self.call_rt("get_member", base, ast.Constant(node.attribute))
        return self.call_rt("get_index", base, self.expr(node.index))  # type: ignore[arg-type]

    def assign_name(self, target: nodes.IdentifierNode, value: ast.expr, st: nodes.Node) -> None:
        name = target.name
        if self.is_declared(name):
            converter = self.scope.converters.get(name)  # type: ignore[union-attr]
            if converter is not None:
                value = ast.Call(ast.Name(self.new_global(converter, "conv"), ast.Load()),
                                 [value], [])
            self.emit(ast.Assign([ast.Name(self.local_name(name), ast.Store())], value), st)
            return
        found = self.cls.lookup_member(name) if self.cls else None  # type: ignore[union-attr]
        if found is not None and found[0] == "static" and \
                self.member_attr(name) == pyname(name) and self.has_accessors(name):
            # A class attribute cannot run a setter: go through the script's set_static.
            self.emit(ast.Expr(self.call_rt("set_member", self.class_ref(name),
                                            ast.Constant(name), value)), st)
            return
        if found is not None and found[0] in ("member", "static"):
            self.emit(ast.Assign([self.member_target(name, found)], self.member_value(
                name, value)), st)
            return
        if found is not None:
            raise self.fail(f'Cannot assign a new value to a constant.', st)
        if self.resolver.native_property(self.native_of(self.cls), name):
            self.emit(ast.Expr(self.call_rt("set_member", ast.Name("self", ast.Load()),
                                            ast.Constant(name), value)), st)
            return
        raise self.fail(f'Identifier "{name}" not declared in the current scope.', target)

    def is_variable(self, name: str) -> bool:
        """A name that can be assigned: a local, a member or a native property of self."""
        if self.is_declared(name):
            return True
        found = self.cls.lookup_member(name) if self.cls else None
        if found is not None:
            return found[0] in ("member", "static")
        return bool(self.cls) and self.resolver.native_property(self.native_of(self.cls), name)

    def has_accessors(self, name: str) -> bool:
        member = self.cls.info.find_member(name) if self.cls else None
        return member is not None and member.has_accessors

    def member_value(self, name: str, value: ast.expr) -> ast.expr:
        member = self.cls.info.members.get(name) if self.cls else None  # type: ignore[union-attr]
        if member is not None and member.convert is not None:
            return ast.Call(ast.Name(self.new_global(member.convert, "conv"), ast.Load()),
                            [value], [])
        return value

    def member_target(self, name: str, found: tuple[str, Any]) -> ast.expr:
        attr = self.member_attr(name)
        if found[0] == "static":
            return ast.Attribute(self.class_ref(name), attr, ast.Store())
        return ast.Attribute(ast.Name("self", ast.Load()), attr, ast.Store())

    def member_attr(self, name: str) -> str:
        """The attribute a member is read/written through from inside its class."""
        var = self.cls.members.get(name) if self.cls else None
        if var is not None and var.property_style != nodes.PROPERTY_NONE:
            # Inside its own accessors (4.x) or anywhere by bare name (3.x setget),
            # a member is its backing field; elsewhere the property runs the accessor.
            if self.setter_of == name or (self.dialect == 3 and
                                          var.property_style == nodes.PROPERTY_SETGET):
                return f"_gd_b_{name}"
        return pyname(name)

    def class_ref(self, name: str) -> ast.expr:
        """The class that holds static member ``name`` (this class or a base)."""
        ctx = self.cls
        if ctx is not None and name in ctx.members:
            return ast.Name(ctx.py_name, ast.Load())
        base = ctx.base_ctx if ctx else None
        while base is not None:
            if name in base.members:
                return ast.Name(base.py_name, ast.Load())
            base = base.base_ctx
        info = ctx.info.base if ctx else None
        while info is not None:
            if name in info.members:
                return self.call_rt("script_class", self.const(info))
            info = info.base
        raise InternalError(f"static member {name} not found")


def _continues(suite: nodes.SuiteNode | None) -> bool:
    """Whether a block has a ``continue`` that is not inside a loop of its own."""
    stack = list(suite.statements) if suite is not None else []
    while stack:
        st = stack.pop()
        if isinstance(st, nodes.ContinueNode):
            return True
        if isinstance(st, (nodes.WhileNode, nodes.ForNode)):
            continue
        for child in (getattr(st, "true_block", None), getattr(st, "false_block", None)):
            if child is not None:
                stack.extend(child.statements)
        if isinstance(st, nodes.MatchNode):
            for branch in st.branches:
                stack.extend(branch.block.statements if branch.block else ())
    return False
