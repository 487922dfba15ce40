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
import math
import operator
from dataclasses import dataclass, field
from typing import Any

from . import nodes
from .compiler_fast import FastPaths
from .errors import MISSING, AnalyzerError, InternalError
from .member_info import TypeModel, reflector
from .ops3 import BINARY_3



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
    resolved: bool = False  # its base class is known

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
        self.types: dict[str, nodes.TypeNode] = {}  # locals of a known (hard) type
        self.is_static = is_static

    def declare(self, name: str, converter: Any = None,
                datatype: nodes.TypeNode | None = None) -> None:
        self.blocks[-1].add(name)
        if converter is not None:
            self.converters[name] = converter
        else:
            self.converters.pop(name, None)
        if datatype is not None:
            self.types[name] = datatype
        else:
            self.types.pop(name, None)

    def is_local(self, name: str) -> bool:
        return any(name in b for b in self.blocks)

    def push(self) -> None:
        self.blocks.append(set())

    def pop(self) -> None:
        self.blocks.pop()


# * The compiler ----------------------------------------------------------------------

class Compiler(FastPaths):
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

    # * Module and classes --------------------------------------------------------
    def compile(self) -> CompiledScript:
        for line in self.tree.engine_errors:  # through the resolver: cached runs repeat it
            self.resolver.warn(line)
        body: list[ast.stmt] = []
        ctx = self.class_context(self.tree, None, "_gd_main")
        self.resolve_bases(ctx, set())
        self.type_model = TypeModel(self, ctx)
        # Every class of the file (base before derived), inner classes as constants of
        # their outer class, every constant (each after the constants it uses), then
        # static initialization.
        constants: list[ast.stmt] = []
        for each in _base_first(ctx):
            self.compile_class(each, body, constants)
        self.register_inner_classes(ctx, body)
        body.extend(_dependency_order(constants))
        self.static_initialization(ctx, body)
        for each in _base_first(ctx):  # built when a script first asks
            each.info.reflector = reflector(self.type_model, each)
        module = ast.Module(body=body, type_ignores=[])
        ast.fix_missing_locations(module)
        return CompiledScript(module, self.globals)

    def static_initialization(self, ctx: ClassContext, out: list[ast.stmt]) -> None:
        """Once every class exists, as Godot: static variables, then ``_static_init``,
        for a class before its inner classes (in declaration order)."""
        out.extend(ctx.static_inits)
        out.append(self.located(ast.Expr(self.call_rt(
            "static_init", ast.Name(ctx.py_name, ast.Load()))), ctx.node))  # type: ignore[arg-type]
        for member in ctx.node.members:
            if isinstance(member, nodes.ClassNode):
                self.static_initialization(ctx.inner[member.name or ""], out)

    def class_context(self, node: nodes.ClassNode, outer: ClassContext | None,
                      py_name: str) -> ClassContext:
        """The context of ``node`` and of its inner classes (their bases resolved later)."""
        from .script import ScriptInfo

        is_global = outer is None and bool(node.class_name)
        name = node.class_name if outer is None else node.name
        info = ScriptInfo(name=name, path=self.path, dialect=self.dialect, native=None,  # type: ignore[arg-type]
                          outer=outer.info if outer else None, is_global_name=is_global)
        ctx = ClassContext(node, info, py_name, outer, None)
        for member in node.members:
            if isinstance(member, nodes.VariableNode):
                ctx.members[member.name] = member
            elif isinstance(member, nodes.FunctionNode):
                ctx.methods[member.name or ""] = member
            elif isinstance(member, nodes.SignalNode):
                ctx.signals.add(member.name)
            elif isinstance(member, nodes.ClassNode):
                ctx.inner[member.name or ""] = self.class_context(
                    member, ctx, f"{py_name}_{member.name}")
            elif isinstance(member, (nodes.ConstantNode, nodes.EnumNode)) and member.name:
                ctx.constants[member.name] = f"_gd_c_{py_name}_{member.name}"
            if isinstance(member, nodes.EnumNode) and member.name is None:
                for value in member.values:
                    ctx.constants[value.name] = f"_gd_c_{py_name}_{value.name}"
        return ctx

    def resolve_bases(self, ctx: ClassContext, visiting: set[int]) -> None:
        """Resolve the base of ``ctx`` (its base's first) and of its inner classes."""
        self.resolve_class_base(ctx, visiting)
        for inner in ctx.inner.values():
            self.resolve_bases(inner, visiting)

    def resolve_class_base(self, ctx: ClassContext, visiting: set[int]) -> None:
        if ctx.resolved:
            return
        if id(ctx) in visiting:
            raise self.fail(f'Could not resolve class "{ctx.info.name or ctx.py_name}": '
                            f'Cyclic reference.', ctx.node)
        visiting.add(id(ctx))
        base = self.resolve_base(ctx.node, ctx)
        if isinstance(base, ClassContext):
            self.resolve_class_base(base, visiting)
        visiting.discard(id(ctx))
        ctx.base_ctx = base if isinstance(base, ClassContext) else None
        ctx.base_class = None if ctx.base_ctx is not None else base
        base_info = ctx.base_ctx.info if ctx.base_ctx is not None else \
            getattr(base, "_gd_script", None)
        ctx.info.base = base_info
        ctx.info.native = base_info.native if base_info is not None else ctx.base_class
        ctx.resolved = True

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

    def compile_class(self, ctx: ClassContext, out: list[ast.stmt],
                      constants: list[ast.stmt]) -> None:
        """One class's definition into ``out``, its constants into ``constants``."""
        outer_cls = self.cls
        self.cls = ctx
        node = ctx.node
        info_name = self.new_global(ctx.info, "info")
        self.compile_constants(ctx, constants)
        body: list[ast.stmt] = [
            ast.Assign([ast.Name("_gd_script", ast.Store())], ast.Name(info_name, ast.Load())),
        ]
        self.compile_members(ctx, body)
        for member in node.members:
            if isinstance(member, nodes.FunctionNode):
                body.extend(self.compile_method(member))
            elif isinstance(member, nodes.SignalNode):
                ctx.info.signals.append(member.name)
                ctx.info.signal_args[member.name] = [p.name for p in member.parameters]
        class_def = ast.ClassDef(name=ctx.py_name, bases=[self.base_ref(ctx)],
                                 keywords=[], body=body, decorator_list=[])
        self.located(class_def, node)
        out.append(class_def)
        out.append(self.located(ast.Expr(self.call_rt(
            "finish_class", ast.Name(ctx.py_name, ast.Load()))), node))  # type: ignore[arg-type]
        self.cls = outer_cls

    def register_inner_classes(self, ctx: ClassContext, out: list[ast.stmt]) -> None:
        """Inner classes are constants of their outer class (``Outer.Inner``)."""
        for name, inner in ctx.inner.items():
            out.append(self.located(ast.Expr(self.call_rt(
                "set_class_constant", ast.Name(ctx.py_name, ast.Load()), ast.Constant(name),
                ast.Name(inner.py_name, ast.Load()))), ctx.node))  # type: ignore[arg-type]
            self.register_inner_classes(inner, out)

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
                value = self.static_expr(member.initializer, member)
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
        previous: str | None = None  # a value known only at run time: next = it + 1
        for value in enum.values:
            if value.custom_value is not None:
                expr = self.static_expr(value.custom_value)
                folded = _fold_int(value.custom_value)
                next_value = (folded + 1) if folded is not None else next_value + 1
                previous = None if folded is not None else f"_gd_c_{ctx.py_name}_{value.name}"
            elif previous is not None:
                expr = ast.BinOp(ast.Name(previous, ast.Load()), ast.Add(), ast.Constant(1))
                previous = f"_gd_c_{ctx.py_name}_{value.name}"
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

    def static_expr(self, node: nodes.Node | None,
                    const: nodes.ConstantNode | None = None) -> ast.expr:
        """An expression evaluated at class-creation time (constants, enum values)."""
        saved = self.scope, self.stmts, self.function
        self.scope, self.stmts, self.function = Scope(is_static=True), [], None
        try:
            if const is not None and node is not None:
                value = self.constant_value(const)
            else:
                value = self.expr(node) if node is not None else ast.Constant(None)
            if self.stmts:
                raise self.fail("Constant expressions cannot define lambdas here.", node)  # type: ignore[arg-type]
            return value
        finally:
            self.scope, self.stmts, self.function = saved

    # * Members ---------------------------------------------------------------------
    def compile_members(self, ctx: ClassContext, body: list[ast.stmt]) -> None:
        from .script import MemberInfo

        ready_body: list[ast.stmt] = []
        static_inits: list[tuple[str, nodes.VariableNode]] = []
        self.scope, self.function = Scope(), None
        if self.dialect == 4:
            self.check_export_enums(ctx)
        init_body: list[ast.stmt] = self.early_defaults(ctx)
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
                                                        if var.exported else None)),
                                                   exported=bool(var.exported))
            if var.is_static:
                static_inits.append((store, var))
                continue
            if var.onready:  # the type's default now, the initializer before _ready
                init_body.append(self.located(ast.Assign(
                    [ast.Attribute(ast.Name("self", ast.Load()), store, ast.Store())],
                    self.type_default(self.declared_type(
                        var.datatype_specifier, var.infer_type, var.initializer))), var))  # type: ignore[arg-type]
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

    EXPORT_ENUM_TYPES = ("int", "Array[int]", "PackedByteArray", "PackedInt32Array",
                         "PackedInt64Array", "String", "Array[String]", "PackedStringArray")

    def check_export_enums(self, ctx: ClassContext) -> None:
        """``@export_enum`` needs an int or String variable (or an array of them)."""
        for var in ctx.members.values():
            spec = var.datatype_specifier
            if spec is None or spec.type_chain == ["Variant"]:
                continue
            for annotation in var.annotations:
                label = _type_label(spec)
                if annotation.name == "@export_enum" and label not in self.EXPORT_ENUM_TYPES:
                    allowed = ", ".join(f'"{t}"' for t in self.EXPORT_ENUM_TYPES[:-1])
                    raise self.fail(f'"@export_enum" annotation requires a variable of type '
                                    f'{allowed}, or "{self.EXPORT_ENUM_TYPES[-1]}", but type '
                                    f'"{label}" was given instead.', annotation)

    def early_defaults(self, ctx: ClassContext) -> list[ast.stmt]:
        """Godot sets every member to its type's default before running initializers: a
        member used by an earlier initializer (directly, or through a call or lambda)
        holds that default.  Only members after the first non-literal initializer can
        be used that way, so only those are set twice."""
        out: list[ast.stmt] = []
        reachable = False
        for var in ctx.members.values():
            if var.is_static or var.onready:
                continue
            if reachable:
                store = f"_gd_b_{var.name}" if var.property_style != nodes.PROPERTY_NONE \
                    else pyname(var.name)
                out.append(self.located(ast.Assign(
                    [ast.Attribute(ast.Name("self", ast.Load()), store, ast.Store())],
                    self.type_default(self.declared_type(
                        var.datatype_specifier, var.infer_type, var.initializer))), var))  # type: ignore[arg-type]
            init = var.initializer
            if isinstance(init, nodes.UnaryOpNode):
                init = init.operand
            if init is not None and not isinstance(init, nodes.LiteralNode):
                reachable = True
        return out

    def member_default(self, var: nodes.VariableNode) -> ast.expr:
        if var.initializer is not None:
            return self.initial_value(var.initializer, var.datatype_specifier, var)
        return self.type_default(var.datatype_specifier)

    def initial_value(self, init: nodes.Node, spec: nodes.TypeNode | None,
                      src: nodes.Node) -> ast.expr:
        if self.dialect == 3:
            self.check_literal_type_3(init, spec, strict=False)
        literal = self.typed_literal(init, spec)
        if literal is not None:
            return literal
        return self.convert_to(self.held(init, self.expr(init)), spec, src)

    def type_default(self, spec: nodes.TypeNode | None) -> ast.expr:
        if spec is None or not spec.type_chain:
            return ast.Constant(None)
        name = spec.type_chain[0] if len(spec.type_chain) == 1 else None
        simple = {"int": 0, "float": 0.0, "bool": False, "String": ""}
        if name in simple:
            return ast.Constant(simple[name])
        typed = self.typed_spec(spec)
        if typed is not None:
            return ast.Call(ast.Attribute(self.const(typed), "empty", ast.Load()), [], [])
        if name is not None and self.resolver.is_builtin_type(name):
            return self.call_rt("default_value", ast.Constant(name),
                                self.const(self.container_spec(spec)))
        if self.dialect == 4 and spec.type_chain not in (["Object"], ["Variant"]) and \
                self.type_model.spec_type(spec, self.cls).kind == "enum":
            return ast.Constant(0)  # an enum-typed variable starts at 0
        return ast.Constant(None)

    def container_spec(self, spec: nodes.TypeNode) -> Any:
        if not spec.container_types:
            return None
        return tuple(".".join(t.type_chain) for t in spec.container_types)

    def type_converter(self, spec: nodes.TypeNode | None, parameter: bool = False) -> Any:
        if spec is None or len(spec.type_chain) != 1:
            return None
        typed = self.typed_spec(spec)
        if typed is not None:
            return typed
        if self.dialect == 4:  # Godot's strict typed assignment (Variant::can_convert_strict)
            converter = self.resolver.assign_converter(spec.type_chain[0])
        else:
            converter = self.resolver.converter(spec.type_chain[0])
        if converter is None and not parameter and self.dialect == 4:
            converter = self.object_converter(spec.type_chain[0])
        return converter

    def object_converter(self, name: str) -> Any:
        """Assigning to a variable typed with a class: no freed instances, no non-objects."""
        ctx = self.cls
        while ctx is not None:
            found = ctx.lookup_member(name)
            if found is not None:
                return self.resolver.object_converter(name, False) \
                    if found[0] == "class" else None
            ctx = ctx.outer
        if self.resolver.is_native_class(name):
            return self.resolver.object_converter(name, True)
        return None

    def convert_to(self, value: ast.expr, spec: nodes.TypeNode | None,
                   src: nodes.Node) -> ast.expr:
        converter = self.type_converter(spec)
        if converter is None:
            return value
        return ast.Call(ast.Name(self.new_global(converter, "conv"), ast.Load()), [value], [])

    # * Typed containers: Array[T], Dictionary[K, V] ----------------------------------
    def typed_spec(self, spec: nodes.TypeNode | None) -> Any:
        """The run-time spec (globalscope.TypedArraySpec...) of a typed container type."""
        if spec is None or spec.type_chain not in (["Array"], ["Dictionary"]) or \
                not spec.container_types or self.dialect != 4:
            return None
        label = _type_label(spec)
        cache = self.__dict__.setdefault("_typed_specs", {})
        key = (id(self.cls), label)
        if key not in cache:
            refs = [self.element_ref(t) for t in spec.container_types] + [None]
            if spec.type_chain == ["Array"]:
                made = self.resolver.runtime_helper("TypedArraySpec")(refs[0], label) \
                    if refs[0] is not None else None
            else:
                made = self.resolver.runtime_helper("TypedDictionarySpec")(
                    refs[0], refs[1], label) if refs[0] or refs[1] else None
            cache[key] = made
        return cache[key]

    def element_ref(self, spec: nodes.TypeNode) -> Any:
        """An element type as globalscope.container_type takes it (None: Variant)."""
        chain = spec.type_chain
        if not chain or chain == ["Variant"]:
            return None
        first = chain[0]
        if len(chain) == 1 and self.resolver.is_builtin_type(first) and \
                not self.resolver.is_native_class(first):
            return first
        const_ref = self.resolver.runtime_helper("ConstRef")
        ctx = self.cls
        while ctx is not None:
            found = ctx.lookup_member(first)
            if found is not None and found[0] in ("constant", "class", "inherited_constant"):
                return const_ref(ctx.info, tuple(chain))
            ctx = ctx.outer
        if first == self.tree.class_name and self.cls is not None:
            outermost = self.cls
            while outermost.outer is not None:
                outermost = outermost.outer
            return const_ref(outermost.info, tuple(chain[1:]))
        value = self.resolver.global_value(first)
        if value is MISSING:
            return None
        return value if len(chain) == 1 else "int"  # ``Native.Enum``

    def constant_value(self, const: nodes.ConstantNode) -> ast.expr:
        """A constant's value: typed as declared, and (4.x) its containers read-only."""
        value = self.typed_literal(const.initializer, const.datatype_specifier)
        if value is None:
            value = self.convert_to(self.expr(const.initializer),  # type: ignore[arg-type]
                                    const.datatype_specifier, const)
        if self.dialect == 4 and isinstance(const.initializer, (
                nodes.ArrayNode, nodes.DictionaryNode, nodes.CallNode)):
            value = self.call_rt("constant_value", value)
        return value

    def typed_literal(self, node: nodes.Node | None, spec: nodes.TypeNode | None) -> Any:
        """An array or dictionary literal in a typed context becomes typed (Godot's
        update_array_literal_element_type): the ast building it, or None."""
        if not isinstance(node, (nodes.ArrayNode, nodes.DictionaryNode)):
            return None
        typed = self.typed_spec(spec)
        is_array = isinstance(node, nodes.ArrayNode)
        if typed is None or is_array != (spec.type_chain == ["Array"]):  # type: ignore[union-attr]
            return None
        if is_array:
            items: ast.expr = ast.List([self.expr(e) for e in node.elements], ast.Load())
        else:
            items = ast.List([ast.Tuple([self.dict_key(k, node), self.expr(v)], ast.Load())
                              for k, v in node.elements], ast.Load())
        return ast.Call(ast.Attribute(self.const(typed), "literal", ast.Load()), [items], [])

    def static_type(self, node: nodes.Node | None, depth: int = 0) -> nodes.TypeNode | None:
        """The hard type the analyzer knows for an expression (only the cases typed
        containers need: typed variables, casts, literals)."""
        if isinstance(node, nodes.SubscriptNode) and node.is_attribute and \
                isinstance(node.base, nodes.SelfNode) and depth < 8:  # ``self.member``
            found = self.cls.lookup_member(node.attribute or "") if self.cls else None
            if found is not None and isinstance(found[1], nodes.VariableNode):
                return self.static_type(nodes.IdentifierNode(name=found[1].name), depth + 1) \
                    if not self.is_declared(found[1].name) else found[1].datatype_specifier
            return None
        if isinstance(node, nodes.IdentifierNode) and depth < 8:
            if self.is_declared(node.name):
                return self.scope.types.get(node.name)  # type: ignore[union-attr]
            found = self.cls.lookup_member(node.name) if self.cls else None
            if found is not None and isinstance(found[1], nodes.VariableNode):
                var = found[1]
                if var.datatype_specifier is not None or not var.infer_type:
                    return var.datatype_specifier
                return self.static_type(var.initializer, depth + 1)
            return None
        if isinstance(node, nodes.CastNode):
            return node.cast_type
        if isinstance(node, nodes.CallNode) and isinstance(node.callee, nodes.IdentifierNode):
            name = node.callee.name  # a builtin type's constructor: ``Vector2i(1, 2)``
            if self.resolver.is_builtin_type(name) and not self.is_declared(name) and \
                    (self.cls is None or self.cls.lookup_member(name) is None):
                return nodes.TypeNode(type_chain=[name])
            return None
        if isinstance(node, nodes.ArrayNode):
            return nodes.TypeNode(type_chain=["Array"])
        if isinstance(node, nodes.DictionaryNode):
            return nodes.TypeNode(type_chain=["Dictionary"])
        return self.literal_type(node)

    def declared_type(self, spec: nodes.TypeNode | None, infer: bool,
                      init: nodes.Node | None) -> nodes.TypeNode | None:
        """A variable's hard type: declared, or inferred with ``:=``."""
        return spec if spec is not None or not infer else self.static_type(init)

    def typed_args_decorator(self, fn: nodes.FunctionNode, args: list[str]) -> ast.expr | None:
        """Checks of typed container parameters, done before the call as Godot's VM does."""
        checks = []
        for number, p in enumerate(fn.parameters, 1):
            typed = self.parameter_spec(p)
            if typed is not None:
                checks.append((args.index(p.name), number, typed))
        if not checks:
            return None
        make = self.resolver.runtime_helper("typed_args")
        return self.const(make(checks, fn.name or "<anonymous lambda>"))

    def parameter_spec(self, p: nodes.ParameterNode) -> Any:
        """A parameter's check done at the call: typed containers; in 3.x typed builtins."""
        typed = self.typed_spec(p.datatype_specifier)
        if typed is None and self.dialect == 3:
            conv = self.type_converter(p.datatype_specifier, parameter=True)
            typed = conv if hasattr(conv, "argument") else None
        return typed

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
                fn.is_static = var.is_static
                out.append(self.compile_function(
                    fn, fname, params if var.is_static else ["self", *params]))
                if var.is_static:
                    out.append(self.located(ast.Assign(
                        [ast.Name(fname, ast.Store())],
                        ast.Call(ast.Name("staticmethod", ast.Load()),
                                 [ast.Name(fname, ast.Load())], [])), fn))  # type: ignore[arg-type]
                self.setter_of = None
                acc_name = fname
            else:
                if var.property_style == nodes.PROPERTY_SETGET and acc not in ctx.methods:
                    # 3.x: a function of this very class (inherited ones do not count).
                    raise self.fail(f"The {kind}ter function isn't defined.", var)
                acc_name = pyname(acc)
            if kind == "get":
                getter = acc_name
            else:
                setter = acc_name
        prop = self.call_rt("make_static_property" if var.is_static else "make_property",
                            ast.Constant(store), ast.Constant(getter),
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
            if conv is not None and self.parameter_spec(p) is None:
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
                self.assign(target.base, ast.Name(new_tmp, ast.Load()), st, outer)
                self.stmts = saved
                self.emit(ast.If(ast.Compare(ast.Name(new_tmp, ast.Load()), [ast.IsNot()],
                                             [ast.Name(base_tmp, ast.Load())]),
                                 write_back, []), st)
        elif isinstance(target, nodes.SelfNode):
            raise self.fail("Cannot assign a new value to a constant.", st)
        else:
            raise self.fail("Assignment is not allowed inside an expression.", st)

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
            return self.call_rt("get_member", base, ast.Constant(node.attribute))
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
                                         used=node is not self.discarded)
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


def _type_label(spec: nodes.TypeNode) -> str:
    """``Array[int]``, ``Dictionary[String, Node]``: a type as Godot's messages name it."""
    name = ".".join(spec.type_chain)
    if not spec.container_types:
        return name
    return f"{name}[{', '.join(_type_label(t) for t in spec.container_types)}]"


def _base_first(root: ClassContext) -> list[ClassContext]:
    """Every class of a file, each after its base when the base is in the file too."""
    ordered: list[ClassContext] = []
    done: set[int] = set()

    def visit(ctx: ClassContext) -> None:
        if id(ctx) in done:
            return
        done.add(id(ctx))
        if ctx.base_ctx is not None:
            visit(ctx.base_ctx)
        ordered.append(ctx)

    stack = [root]
    while stack:
        ctx = stack.pop(0)
        visit(ctx)
        stack.extend(ctx.inner.values())
    return ordered


def _dependency_order(statements: list[ast.stmt]) -> list[ast.stmt]:
    """Constant definitions (``_gd_c_*`` assignments, each with the statements after it)
    ordered so that each comes after the constants its value uses; Godot resolves
    constants in any order.  A cycle keeps source order (and fails as in Godot)."""
    units: list[tuple[str, list[ast.stmt]]] = []
    for st in statements:
        target = st.targets[0] if isinstance(st, ast.Assign) else None
        if isinstance(target, ast.Name) and target.id.startswith("_gd_c_"):
            units.append((target.id, [st]))
        elif units:
            units[-1][1].append(st)
        else:
            units.append(("", [st]))
    defined = {name for name, _ in units}
    needs = {name: {n.id for n in ast.walk(stmts[0].value) if isinstance(n, ast.Name)  # type: ignore[attr-defined]
                    and n.id in defined and n.id != name} if name else set()
             for name, stmts in units}
    out: list[ast.stmt] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(name: str, stmts: list[ast.stmt]) -> None:
        if name in placed or name in visiting:
            return
        visiting.add(name)
        for dep in sorted(needs.get(name, ())):
            place(dep, by_name[dep])
        visiting.discard(name)
        placed.add(name)
        out.extend(stmts)

    by_name = {name: stmts for name, stmts in units if name}
    for name, stmts in units:
        if name:
            place(name, stmts)
        else:
            out.extend(stmts)
    return out


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
