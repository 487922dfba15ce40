"""Typed containers in the compiler: ``Array[T]`` and ``Dictionary[K, V]`` (4.x).

``TypedContainers`` is a mixin of ``compiler.Compiler``.  It turns a container
type written in a script into its run-time spec (``globalscope.TypedArraySpec``,
``TypedDictionarySpec``, made through the Resolver), types array and dictionary
literals written where such a type is expected (Godot's
update_array_literal_element_type), knows the static type of the expressions
typed containers depend on, and builds the argument checks of typed parameters
that run before a call, as Godot's VM does them.  3.x has no typed containers:
there the methods answer None (except the 3.x typed-builtin parameter checks).
"""

from __future__ import annotations

import ast
from typing import Any

from . import nodes
from .errors import MISSING

# * Code -----------------------------------------------------------------------------

class TypedContainers:
    """Mixin of ``Compiler``: typed container specs, literals and parameter checks."""

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
            element = spec.container_types[0].type_chain  # type: ignore[union-attr]
            items: ast.expr = ast.List([self.typed_element(e, element) for e in node.elements],
                                       ast.Load())
        else:
            items = ast.List([ast.Tuple([self.dict_key(k, node), self.expr(v)], ast.Load())
                              for k, v in node.elements], ast.Load())
        return ast.Call(ast.Attribute(self.const(typed), "literal", ast.Load()), [items], [])

    def typed_element(self, node: nodes.Node, element: list[str]) -> ast.expr:
        """A literal's element: a number constant takes the element type at compile time
        (Godot's update_const_expression_builtin_type: ``Array[int] = [4.5]`` holds 4)."""
        number = _number_constant(node)
        if number is not None and element == ["int"] and isinstance(number, float) and \
                number == number and abs(number) < 2.0**63:
            return ast.Constant(int(number))
        if number is not None and element == ["float"] and isinstance(number, int):
            return ast.Constant(float(number))
        return self.expr(node)

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
        """Checks of typed parameters, done before the call as Godot's VM does."""
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
        """A parameter's check done at the call: typed containers and typed builtins."""
        typed = self.typed_spec(p.datatype_specifier)
        if typed is None:
            conv = self.type_converter(p.datatype_specifier, parameter=True)
            typed = conv if hasattr(conv, "argument") else None
        return typed


def _number_constant(node: nodes.Node | None) -> int | float | None:
    """The value of an int or float literal, possibly negated; None otherwise."""
    if isinstance(node, nodes.UnaryOpNode) and node.operator == nodes.OP_NEG:
        inner = _number_constant(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, nodes.LiteralNode) and type(node.value) in (int, float):
        return node.value  # type: ignore[no-any-return]
    return None


def _type_label(spec: nodes.TypeNode) -> str:
    """``Array[int]``, ``Dictionary[String, Node]``: a type as Godot's messages name it."""
    name = ".".join(spec.type_chain)
    if not spec.container_types:
        return name
    return f"{name}[{', '.join(_type_label(t) for t in spec.container_types)}]"
