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
"""

from __future__ import annotations

import ast
import keyword
from dataclasses import dataclass, field
from typing import Any

from . import nodes
from .errors import AnalyzerError, InternalError

MISSING = object()


# * Names -------------------------------------------------------------------------

def pyname(name: str) -> str:
    """The Python identifier for a GDScript identifier (locals, members, methods)."""
    if keyword.iskeyword(name) or name.startswith(("_gd", "_rt_", "__")) or \
            name in ("self", "None", "True", "False"):
        return f"_gd_u_{name}"
    return name


@dataclass
class CompiledScript:
    module: ast.Module
    globals: dict[str, Any]


@dataclass
class ClassContext:
    """Compile-time knowledge of one GDScript class being compiled."""

    node: nodes.ClassNode
    info: Any  # script.ScriptInfo
    py_name: str
    outer: ClassContext | None
    base_class: Any  # the Python base class: native or an already loaded script class
    base_ctx: ClassContext | None = None  # or a class compiled in this same module
    static_inits: list[ast.stmt] = field(default_factory=list)  # run after the class exists
    members: dict[str, nodes.VariableNode] = field(default_factory=dict)
    methods: dict[str, nodes.FunctionNode] = field(default_factory=dict)
    signals: set[str] = field(default_factory=set)
    constants: dict[str, Any] = field(default_factory=dict)  # name -> global name
    inner: dict[str, ClassContext] = field(default_factory=dict)

    def lookup_member(self, name: str) -> tuple[str, Any] | None:
        """(kind, detail) for a name of this class or its script bases."""
        if name in self.members:
            var = self.members[name]
            return ("static" if var.is_static else "member"), var
        if name in self.methods:
            fn = self.methods[name]
            return ("static_method" if fn.is_static else "method"), fn
        if name in self.signals:
            return "signal", None
        if name in self.constants:
            return "constant", self.constants[name]
        if name in self.inner:
            return "class", self.inner[name]
        if self.base_ctx is not None:
            return self.base_ctx.lookup_member(name)
        info = self.info.base
        while info is not None:
            member = info.members.get(name)
            if member is not None:
                return ("static" if member.is_static else "member"), member
            if name in info.methods:
                return ("static_method" if name in info.static_methods else "method"), None
            if name in info.signals:
                return "signal", None
            if name in info.constants:
                return "inherited_constant", info
            info = info.base
        return None


class Scope:
    """Locals of one function, with block nesting (a lambda's captures are its locals)."""

    def __init__(self, parent: Scope | None = None, is_static: bool = False) -> None:
        self.parent = parent
        self.blocks: list[set[str]] = [set()]
        self.converters: dict[str, Any] = {}  # typed locals: name -> conversion
        self.is_static = is_static

    def declare(self, name: str, converter: Any = None) -> None:
        self.blocks[-1].add(name)
        if converter is not None:
            self.converters[name] = converter
        else:
            self.converters.pop(name, None)

    def is_local(self, name: str) -> bool:
        return any(name in b for b in self.blocks)

    def push(self) -> None:
        self.blocks.append(set())

    def pop(self) -> None:
        self.blocks.pop()


# * The compiler ----------------------------------------------------------------------

class Compiler:
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

    # * Module and classes --------------------------------------------------------
    def compile(self) -> CompiledScript:
        body: list[ast.stmt] = []
        ctx = self.class_context(self.tree, None, "_gd_main")
        self.compile_class(ctx, body)
        module = ast.Module(body=body, type_ignores=[])
        ast.fix_missing_locations(module)
        return CompiledScript(module, self.globals)

    def class_context(self, node: nodes.ClassNode, outer: ClassContext | None,
                      py_name: str) -> ClassContext:
        from .script import ScriptInfo

        base = self.resolve_base(node, outer)
        base_ctx = base if isinstance(base, ClassContext) else None
        base_class = None if base_ctx is not None else base
        base_info = base_ctx.info if base_ctx is not None else getattr(base, "_gd_script", None)
        native = base_info.native if base_info is not None else base_class
        is_global = outer is None and bool(node.class_name)
        name = node.class_name if outer is None else node.name
        info = ScriptInfo(name=name, path=self.path, dialect=self.dialect, native=native,
                          base=base_info, outer=outer.info if outer else None,
                          is_global_name=is_global)
        ctx = ClassContext(node, info, py_name, outer, base_class, base_ctx)
        for member in node.members:
            if isinstance(member, nodes.VariableNode):
                ctx.members[member.name] = member
            elif isinstance(member, nodes.FunctionNode):
                ctx.methods[member.name or ""] = member
            elif isinstance(member, nodes.SignalNode):
                ctx.signals.add(member.name)
            elif isinstance(member, nodes.ClassNode):
                ctx.inner[member.name or ""] = None  # type: ignore[assignment]
            elif isinstance(member, (nodes.ConstantNode, nodes.EnumNode)) and member.name:
                ctx.constants[member.name] = f"_gd_c_{py_name}_{member.name}"
            if isinstance(member, nodes.EnumNode) and member.name is None:
                for value in member.values:
                    ctx.constants[value.name] = f"_gd_c_{py_name}_{value.name}"
        return ctx

    def resolve_base(self, node: nodes.ClassNode, outer: ClassContext | None) -> Any:
        if node.extends_path:
            base = self.resolver.load_script_class(node.extends_path, node)
            for name in node.extends:
                base = self.resolver.class_attr(base, name, node)
            return base
        if node.extends:
            first, rest = node.extends[0], node.extends[1:]
            base = self.enclosing_class(first, outer)
            if base is None:
                base = self.resolver.global_class(first, node)
            for name in rest:
                if isinstance(base, ClassContext):
                    inner = base.inner.get(name)
                    if inner is None:
                        raise self.fail(f'Could not find type "{name}" in the current scope.',
                                        node)
                    base = inner
                else:
                    base = self.resolver.class_attr(base, name, node)
            return base
        return self.resolver.default_base()

    @staticmethod
    def enclosing_class(name: str, ctx: ClassContext | None) -> Any:
        """A class named ``name`` seen from ``ctx``: an inner class of it or of an enclosing
        class (compiled here), or one its script base declares."""
        while ctx is not None:
            inner = ctx.inner.get(name)
            if inner is not None:
                return inner
            info = ctx.info.base
            while info is not None:
                found, value = info.find_constant(name)
                if found and isinstance(value, type):
                    return value
                info = info.base
            ctx = ctx.outer
        return None

    def compile_class(self, ctx: ClassContext, out: list[ast.stmt]) -> None:
        outer_cls = self.cls
        self.cls = ctx
        node = ctx.node
        info_name = self.new_global(ctx.info, "info")
        # Inner classes first (their bases before them): members may refer to them.
        for member in _inner_classes_in_base_order(node):
            inner_ctx = self.class_context(member, ctx, f"{ctx.py_name}_{member.name}")
            ctx.inner[member.name or ""] = inner_ctx
            self.compile_class(inner_ctx, out)
            self.cls = ctx
        self.compile_constants(ctx, out)
        body: list[ast.stmt] = [
            ast.Assign([ast.Name("_gd_script", ast.Store())], ast.Name(info_name, ast.Load())),
        ]
        self.compile_members(ctx, body)
        for member in node.members:
            if isinstance(member, nodes.FunctionNode):
                body.extend(self.compile_method(member))
            elif isinstance(member, nodes.SignalNode):
                ctx.info.signals.append(member.name)
        class_def = ast.ClassDef(name=ctx.py_name, bases=[self.base_ref(ctx)],
                                 keywords=[], body=body, decorator_list=[])
        self.located(class_def, node)
        out.append(class_def)
        out.extend(ctx.static_inits)
        out.append(self.located(ast.Expr(self.call_rt(
            "finish_class", ast.Name(ctx.py_name, ast.Load()))), node))  # type: ignore[arg-type]
        for name, inner in ctx.inner.items():
            out.append(self.located(ast.Expr(self.call_rt(
                "set_class_constant", ast.Name(ctx.py_name, ast.Load()), ast.Constant(name),
                ast.Name(inner.py_name, ast.Load()))), node))  # type: ignore[arg-type]
        self.cls = outer_cls

    def base_ref(self, ctx: ClassContext) -> ast.expr:
        if ctx.base_ctx is not None:
            return ast.Name(ctx.base_ctx.py_name, ast.Load())
        return ast.Name(self.new_global(ctx.base_class, "base"), ast.Load())

    def native_of(self, ctx: ClassContext | None) -> Any:
        return ctx.info.native if ctx is not None else None

    def compile_constants(self, ctx: ClassContext, out: list[ast.stmt]) -> None:
        """Constants and enums become module globals (and ScriptInfo.constants)."""
        for member in ctx.node.members:
            if isinstance(member, nodes.ConstantNode):
                gname = f"_gd_c_{ctx.py_name}_{member.name}"
                ctx.constants[member.name] = gname
                value = self.static_expr(member.initializer)
                out.append(self.located(ast.Assign([ast.Name(gname, ast.Store())], value),
                                        member))  # type: ignore[arg-type]
                out.append(self.located(ast.Expr(self.call_rt(
                    "register_constant", ast.Constant(id(ctx.info)),
                    ast.Name(self.new_global(ctx.info, "info"), ast.Load()),
                    ast.Constant(member.name), ast.Name(gname, ast.Load()))),
                    member))  # type: ignore[arg-type]
            elif isinstance(member, nodes.EnumNode):
                self.compile_enum(ctx, member, out)

    def compile_enum(self, ctx: ClassContext, enum: nodes.EnumNode,
                     out: list[ast.stmt]) -> None:
        next_value = 0
        pairs: list[tuple[str, ast.expr]] = []
        info_ref = ast.Name(self.new_global(ctx.info, "info"), ast.Load())
        own = {v.name: f"_gd_c_{ctx.py_name}_{v.name}" for v in enum.values}
        hidden = {k: ctx.constants[k] for k in own if k in ctx.constants}
        ctx.constants.update(own)  # values may use earlier values of the same enum
        for value in enum.values:
            if value.custom_value is not None:
                expr = self.static_expr(value.custom_value)
                folded = _fold_int(value.custom_value)
                next_value = (folded + 1) if folded is not None else next_value + 1
            else:
                expr = ast.Constant(next_value)
                next_value += 1
            gname = f"_gd_c_{ctx.py_name}_{value.name}"
            out.append(self.located(ast.Assign([ast.Name(gname, ast.Store())], expr), value))  # type: ignore[arg-type]
            pairs.append((value.name, ast.Name(gname, ast.Load())))
            if enum.name is None:
                ctx.constants[value.name] = gname
                out.append(self.located(ast.Expr(self.call_rt(
                    "register_constant", ast.Constant(0), info_ref, ast.Constant(value.name),
                    ast.Name(gname, ast.Load()))), value))  # type: ignore[arg-type]
        if enum.name is not None:
            for key in own:
                ctx.constants.pop(key, None)
            ctx.constants.update(hidden)
            gname = f"_gd_c_{ctx.py_name}_{enum.name}"
            ctx.constants[enum.name] = gname
            dict_expr = self.call_rt("make_enum", ast.List(
                [ast.Tuple([ast.Constant(k), v], ast.Load()) for k, v in pairs], ast.Load()))
            out.append(self.located(ast.Assign([ast.Name(gname, ast.Store())], dict_expr), enum))  # type: ignore[arg-type]
            out.append(self.located(ast.Expr(self.call_rt(
                "register_constant", ast.Constant(0), info_ref, ast.Constant(enum.name),
                ast.Name(gname, ast.Load()))), enum))  # type: ignore[arg-type]

    def static_expr(self, node: nodes.Node | None) -> ast.expr:
        """An expression evaluated at class-creation time (constants, enum values)."""
        saved = self.scope, self.stmts, self.function
        self.scope, self.stmts, self.function = Scope(is_static=True), [], None
        try:
            value = self.expr(node) if node is not None else ast.Constant(None)
            if self.stmts:
                raise self.fail("Constant expressions cannot define lambdas here.", node)  # type: ignore[arg-type]
            return value
        finally:
            self.scope, self.stmts, self.function = saved

    # * Members ---------------------------------------------------------------------
    def compile_members(self, ctx: ClassContext, body: list[ast.stmt]) -> None:
        from .script import MemberInfo

        init_body: list[ast.stmt] = []
        ready_body: list[ast.stmt] = []
        static_inits: list[tuple[str, nodes.VariableNode]] = []
        self.scope, self.function = Scope(), None
        for var in ctx.members.values():
            name = pyname(var.name)
            has_acc = var.property_style != nodes.PROPERTY_NONE
            store = f"_gd_b_{var.name}" if has_acc else name
            converter = self.type_converter(self.inferred_type(var))
            ctx.info.members[var.name] = MemberInfo(var.name, name, has_acc, var.is_static,
                                                   converter,
                                                   self.resolver.type_id(
                                                       self.inferred_type(var) or
                                                       (self.literal_type(var.initializer)
                                                        if var.exported else None)))
            if var.is_static:
                static_inits.append((store, var))
                continue
            if var.onready:  # the type's default now, the initializer before _ready
                init_body.append(self.located(ast.Assign(
                    [ast.Attribute(ast.Name("self", ast.Load()), store, ast.Store())],
                    self.type_default(var.datatype_specifier)), var))  # type: ignore[arg-type]
            target = ready_body if var.onready else init_body
            self.stmts = target
            value = self.member_default(var)
            target.append(self.located(ast.Assign(
                [ast.Attribute(ast.Name("self", ast.Load()), store, ast.Store())], value), var))  # type: ignore[arg-type]
            if has_acc:
                body.extend(self.compile_accessors(ctx, var, store))
        self.scope = None
        body.append(self.function_def("_gd_init_members", ["self"], init_body or [ast.Pass()],
                                      ctx.node))
        if ready_body:
            body.append(self.function_def("_gd_ready_members", ["self"], ready_body, ctx.node))
            if "_ready" not in ctx.methods:
                # @onready members initialize before _ready: give the class one.
                call = self.call_rt("ready_chain", ast.Name("self", ast.Load()),
                                    ast.Name(ctx.py_name, ast.Load()))
                body.append(self.function_def("_ready", ["self"], [ast.Expr(call)], ctx.node))
        # Static variables start as their type's default in the class body; their
        # initializers run once the class exists (they may call its static functions).
        ctx.static_inits = []
        for store, var in static_inits:
            self.scope = Scope(is_static=True)
            self.stmts = body
            body.append(self.located(ast.Assign([ast.Name(store, ast.Store())],
                                                self.type_default(var.datatype_specifier)), var))  # type: ignore[arg-type]
            if var.property_style != nodes.PROPERTY_NONE:
                body.extend(self.compile_accessors(ctx, var, store))
            if var.initializer is not None:
                init_stmts: list[ast.stmt] = []
                self.stmts = init_stmts
                value = self.member_default(var)
                init_stmts.append(self.located(ast.Assign(
                    [ast.Attribute(ast.Name(ctx.py_name, ast.Load()), store, ast.Store())],
                    value), var))  # type: ignore[arg-type]
                ctx.static_inits.extend(init_stmts)
            self.scope = None

    def member_default(self, var: nodes.VariableNode) -> ast.expr:
        if var.initializer is not None:
            return self.initial_value(var.initializer, var.datatype_specifier, var)
        return self.type_default(var.datatype_specifier)

    def initial_value(self, init: nodes.Node, spec: nodes.TypeNode | None,
                      src: nodes.Node) -> ast.expr:
        element = self.array_element(spec)
        if element is not None and isinstance(init, nodes.ArrayNode):
            # A literal takes the declared element type (converting int to float).
            items = ast.List([self.expr(e) for e in init.elements], ast.Load())
            return self.call_rt("typed_array", items, ast.Constant(element))
        if element is not None and not isinstance(init, nodes.IdentifierNode):
            # A value of no static type (a call, a member) converts when its elements fit;
            # only a variable known to hold an untyped array is refused, as in Godot.
            converter = self.type_converter(spec, parameter=True)
            return ast.Call(ast.Name(self.new_global(converter, "conv"), ast.Load()),
                            [self.expr(init)], [])
        return self.convert_to(self.expr(init), spec, src)

    def type_default(self, spec: nodes.TypeNode | None) -> ast.expr:
        if spec is None or not spec.type_chain:
            return ast.Constant(None)
        name = spec.type_chain[0] if len(spec.type_chain) == 1 else None
        simple = {"int": 0, "float": 0.0, "bool": False, "String": ""}
        if name in simple:
            return ast.Constant(simple[name])
        element = self.array_element(spec)
        if element is not None:
            return self.call_rt("typed_array", ast.List([], ast.Load()), ast.Constant(element))
        if name is not None and self.resolver.is_builtin_type(name):
            return self.call_rt("default_value", ast.Constant(name),
                                self.const(self.container_spec(spec)))
        return ast.Constant(None)

    def container_spec(self, spec: nodes.TypeNode) -> Any:
        if not spec.container_types:
            return None
        return tuple(".".join(t.type_chain) for t in spec.container_types)

    def type_converter(self, spec: nodes.TypeNode | None, parameter: bool = False) -> Any:
        if spec is None or len(spec.type_chain) != 1:
            return None
        element = self.array_element(spec)
        if element is not None:
            return self.resolver.typed_array_converter(element, parameter)
        return self.resolver.converter(spec.type_chain[0])

    @staticmethod
    def array_element(spec: nodes.TypeNode | None) -> str | None:
        """``int`` for ``Array[int]`` (one-name element types), else None."""
        if spec is None or spec.type_chain != ["Array"] or len(spec.container_types) != 1:
            return None
        chain = spec.container_types[0].type_chain
        return chain[0] if len(chain) == 1 and chain[0] != "Variant" else None

    def convert_to(self, value: ast.expr, spec: nodes.TypeNode | None,
                   src: nodes.Node) -> ast.expr:
        converter = self.type_converter(spec)
        if converter is None:
            return value
        return ast.Call(ast.Name(self.new_global(converter, "conv"), ast.Load()), [value], [])

    def compile_accessors(self, ctx: ClassContext, var: nodes.VariableNode,
                          store: str) -> list[ast.stmt]:
        """A Python property named like the member, calling the GDScript accessors."""
        out: list[ast.stmt] = []
        getter = setter = None
        for kind, acc in (("get", var.getter), ("set", var.setter)):
            if acc is None:
                continue
            if isinstance(acc, nodes.FunctionNode):
                fname = f"_gd_{kind}_{var.name}"
                fn = acc
                fn.name = fname
                params = [p.name for p in fn.parameters]
                self.setter_of = var.name
                out.append(self.compile_function(fn, fname, ["self", *params]))
                self.setter_of = None
                acc_name = fname
            else:
                acc_name = pyname(acc)
            if kind == "get":
                getter = acc_name
            else:
                setter = acc_name
        prop = self.call_rt("make_property", ast.Constant(store), ast.Constant(getter),
                            ast.Constant(setter), ast.Constant(self.dialect))
        out.append(self.located(ast.Assign([ast.Name(pyname(var.name), ast.Store())], prop),
                                var))  # type: ignore[arg-type]
        return out

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
            self.scope.declare(p.name)
        for captured in lambda_captures or ():
            self.scope.declare(captured)
        if fn.rest_parameter is not None:
            self.scope.declare(fn.rest_parameter.name)
        body: list[ast.stmt] = []
        self.stmts = body
        defaults: list[ast.expr] = []
        for p in fn.parameters:
            if p.initializer is not None:
                default = self.param_default(p, body)
                defaults.append(default)
            elif defaults:
                defaults.append(ast.Constant(None))
            conv = self.type_converter(p.datatype_specifier, parameter=True)
            if conv is not None:
                body.append(self.located(ast.Assign(
                    [ast.Name(pyname(p.name), ast.Store())],
                    ast.Call(ast.Name(self.new_global(conv, "conv"), ast.Load()),
                             [ast.Name(pyname(p.name), ast.Load())], [])), p))  # type: ignore[arg-type]
        if fn.name == "_ready" and self.cls is not None and not fn.is_static:
            body.append(self.located(ast.Expr(self.call_rt("ready_members", ast.Name(
                "self", ast.Load()), ast.Name(self.cls.py_name, ast.Load()))), fn))  # type: ignore[arg-type]
        if fn.body is not None:
            self.block(fn.body.statements, body)
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
        value = self.convert_to(self.expr(init), p.datatype_specifier, p)  # type: ignore[arg-type]
        test = ast.Compare(ast.Name(pyname(p.name), ast.Load()), [ast.Is()], [sentinel])
        body.append(self.located(ast.If(test, [ast.Assign(
            [ast.Name(pyname(p.name), ast.Store())], value)], []), p))  # type: ignore[arg-type]
        return self.rt("MISSING")

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
        self.emit(ast.Continue(), st)

    def stmt_ReturnNode(self, st: nodes.ReturnNode) -> None:
        value = self.expr(st.return_value) if st.return_value is not None else ast.Constant(None)
        self.emit(ast.Return(value), st)

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
        self.scope.declare(st.name, self.type_converter(self.inferred_type(st)))  # type: ignore[union-attr]
        self.emit(ast.Assign([ast.Name(pyname(st.name), ast.Store())], value), st)

    def stmt_ConstantNode(self, st: nodes.ConstantNode) -> None:
        value = self.expr(st.initializer)  # type: ignore[arg-type]
        self.scope.declare(st.name)  # type: ignore[union-attr]
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
            source = self.call_rt("iterate", self.expr(iterable))  # type: ignore[arg-type]
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
        target = st.assignee
        if st.operator is None:
            value = self.expr(st.assigned_value)  # type: ignore[arg-type]
        else:
            current = self.expr(target)  # type: ignore[arg-type]
            value = self.binary(st.operator, current, self.expr(st.assigned_value), st)  # type: ignore[arg-type]
        self.assign(target, value, st)  # type: ignore[arg-type]

    def assign(self, target: nodes.Node, value: ast.expr, st: nodes.Node) -> None:
        if isinstance(target, nodes.IdentifierNode):
            self.assign_name(target, value, st)
        elif isinstance(target, nodes.SubscriptNode):
            tmp = self.temp("v")
            self.emit(ast.Assign([ast.Name(tmp, ast.Store())], value), st)
            base_tmp = self.temp("b")
            base = self.expr(target.base)  # type: ignore[arg-type]
            self.emit(ast.Assign([ast.Name(base_tmp, ast.Store())], base), st)
            if target.is_attribute:
                new = self.call_rt("set_member", ast.Name(base_tmp, ast.Load()),
                                   ast.Constant(target.attribute), ast.Name(tmp, ast.Load()))
            else:
                new = self.call_rt("set_index", ast.Name(base_tmp, ast.Load()),
                                   self.expr(target.index), ast.Name(tmp, ast.Load()))  # type: ignore[arg-type]
            new_tmp = self.temp("n")
            self.emit(ast.Assign([ast.Name(new_tmp, ast.Store())], new), st)
            # Value types (Vector2, ...) come back as a new value: store it back.
            if isinstance(target.base, nodes.SubscriptNode) or (
                    isinstance(target.base, nodes.IdentifierNode)
                    and self.is_variable(target.base.name)):
                write_back: list[ast.stmt] = []
                saved = self.stmts
                self.stmts = write_back
                self.assign(target.base, ast.Name(new_tmp, ast.Load()), st)
                self.stmts = saved
                self.emit(ast.If(ast.Compare(ast.Name(new_tmp, ast.Load()), [ast.IsNot()],
                                             [ast.Name(base_tmp, ast.Load())]),
                                 write_back, []), st)
        elif isinstance(target, nodes.SelfNode):
            raise self.fail("Cannot assign a new value to a constant.", st)
        else:
            raise self.fail("Assignment is not allowed inside an expression.", st)

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
        return ast.Constant(node.value)

    def expr_SelfNode(self, node: nodes.SelfNode) -> ast.expr:
        if self.scope is not None and self.scope.is_static:
            raise self.fail('Cannot use "self" inside a static function.', node)
        return ast.Name("self", ast.Load())

    def expr_ArrayNode(self, node: nodes.ArrayNode) -> ast.expr:
        return self.call_rt("make_array", ast.List([self.expr(e) for e in node.elements],
                                                   ast.Load()))

    def expr_DictionaryNode(self, node: nodes.DictionaryNode) -> ast.expr:
        pairs = [ast.Tuple([self.dict_key(k, node), self.expr(v)], ast.Load())
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
        operand = self.expr(node.operand)  # type: ignore[arg-type]
        if node.operator == nodes.OP_NOT:
            return ast.UnaryOp(ast.Not(), operand)
        if node.operator == nodes.OP_NEG:
            if isinstance(operand, ast.Constant) and isinstance(operand.value, (int, float)) \
                    and not isinstance(operand.value, bool):
                return ast.Constant(-operand.value) if operand.value != 2**63 else \
                    ast.Constant(-(2**63))
            return self.call_rt("op_neg", operand)
        if node.operator == nodes.OP_BIT_NOT:
            return ast.UnaryOp(ast.Invert(), operand)
        return self.call_rt("op_pos", operand)

    def expr_BinaryOpNode(self, node: nodes.BinaryOpNode) -> ast.expr:
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
                ast.Compare(ast.Call(ast.Name("type", ast.Load()), [walrus], []),
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

    def global_ref(self, name: str, value: Any) -> ast.expr:
        key = f"_gd_G_{name}"
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
            return self.call_rt("get_member", base, ast.Constant(node.attribute))
        return self.call_rt("get_index", self.expr(node.base), self.expr(node.index))  # type: ignore[arg-type]

    def expr_CallNode(self, node: nodes.CallNode) -> ast.expr:
        args = [self.expr(a) for a in node.arguments]
        callee = node.callee
        if isinstance(callee, nodes.IdentifierNode):
            return self.call_name(callee.name, args, node)
        if isinstance(callee, nodes.SubscriptNode) and callee.is_attribute:
            name = callee.attribute or ""
            if isinstance(callee.base, nodes.SelfNode):
                self.expr_SelfNode(callee.base)
                return self.call_self(name, args, node)
            base = self.expr(callee.base)  # type: ignore[arg-type]
            if name == "new" and isinstance(callee.base, nodes.IdentifierNode) and \
                    isinstance(base, ast.Name) and base.id.startswith("_gd_main"):
                return ast.Call(base, args, [])  # a class of this script: construct directly
            return self.call_rt("call_method", base, ast.Constant(name), *args)
        raise self.fail("Cannot call this expression; use .call() on a Callable.", node)

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
        value = self.resolver.global_callable(name)
        if value is not MISSING:
            return ast.Call(self.global_ref(name, value), args, [])
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
        return self.call_rt("cast", self.expr(node.operand), self.type_ref(node.cast_type))  # type: ignore[arg-type]

    def expr_TypeTestNode(self, node: nodes.TypeTestNode) -> ast.expr:
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


def _inner_classes_in_base_order(node: nodes.ClassNode) -> list[nodes.ClassNode]:
    """Inner classes, each after the sibling it extends (Godot allows any order)."""
    inner = [m for m in node.members if isinstance(m, nodes.ClassNode)]
    by_name = {c.name: c for c in inner}
    ordered: list[nodes.ClassNode] = []
    visiting: set[str] = set()

    def visit(cls: nodes.ClassNode) -> None:
        if cls in ordered or cls.name in visiting:
            return
        visiting.add(cls.name or "")
        base = by_name.get(cls.extends[0]) if cls.extends and not cls.extends_path else None
        if base is not None:
            visit(base)
        ordered.append(cls)

    for cls in inner:
        visit(cls)
    return ordered


def _identifiers(fn: nodes.FunctionNode) -> set[str]:
    found: set[str] = set()
    stack: list[nodes.Node] = [fn]
    while stack:
        node = stack.pop()
        if isinstance(node, nodes.IdentifierNode):
            found.add(node.name)
        stack.extend(nodes.iter_children(node))
    return found


def _fold_int(node: nodes.Node) -> int | None:
    if isinstance(node, nodes.LiteralNode) and type(node.value) is int:
        return node.value
    if isinstance(node, nodes.UnaryOpNode) and node.operator == nodes.OP_NEG:
        inner = _fold_int(node.operand)  # type: ignore[arg-type]
        return -inner if inner is not None else None
    return None
