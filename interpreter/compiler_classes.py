"""Class layout in the compiler: names, class contexts, and each class's Python shape.

``pyname``, ``CompiledScript``, ``ClassContext`` and ``Scope`` are the data the
whole compiler shares (``compiler`` re-exports them).  ``ClassLayout`` is a mixin
of ``compiler.Compiler`` that compiles the module and its classes: resolving base
classes (bases in the same file first), the Python class of each GDScript class,
constants (in dependency order, as Godot resolves them in any order) and enums,
static variables and their initialization, member variables with their defaults
and type conversions, and properties for members with accessors.
"""

from __future__ import annotations

import ast
import keyword
from dataclasses import dataclass, field
from typing import Any

from . import nodes
from .compiler_typed import _type_label
from .member_info import TypeModel, reflector

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


# * Code -----------------------------------------------------------------------------

class ClassLayout:
    """Mixin of ``Compiler``: the module, its classes, constants, enums and members."""

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
                          outer=outer.info if outer else None)
        info.is_global_name = is_global
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

    # * Property accessors ------------------------------------------------------------
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


def _fold_int(node: nodes.Node) -> int | None:
    if isinstance(node, nodes.LiteralNode) and type(node.value) is int:
        return node.value
    if isinstance(node, nodes.UnaryOpNode) and node.operator == nodes.OP_NEG:
        inner = _fold_int(node.operand)  # type: ignore[arg-type]
        return -inner if inner is not None else None
    return None
