"""Reflection data of script classes, computed at compile time (Godot 4).

``get_property_list()``, ``get_method_list()`` and ``get_signal_list()`` describe a
script's members with PropertyInfo / MethodInfo dictionaries (type, hint,
hint_string, usage, class_name...).  Godot fills them from its analyzer's data
types and from the ``@export*`` annotations; this module does the same from the
declarations the compiler sees:

* :class:`DataType` is a small model of Godot's analyzer ``DataType``: builtin,
  native class, script class, enum (values or the enum itself), or Variant,
  hard (declared, ``:=``) or weak (``var x = 1``);
* :class:`TypeModel` resolves type specifiers and infers the types of simple
  initializer expressions (literals, members, constants, enums, classes),
  through the compiler's class contexts and resolver;
* :func:`property_info`, :func:`method_info`, :func:`signal_info` and
  :func:`group_info` build the dictionaries (as plain dicts), following
  ``DataType::to_property_info`` and the parser's export annotation handlers.

Nothing here runs at script run time: the results are stored on ``ScriptInfo``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from . import nodes
from .errors import GDScriptError

# Godot's enum values (core/object/object.h, core/variant/variant.h).
NIL, BOOL, INT, FLOAT, STRING = 0, 1, 2, 3, 4
NODE_PATH, CALLABLE, OBJECT, DICTIONARY, ARRAY = 22, 25, 24, 27, 28
USAGE_STORAGE, USAGE_EDITOR, USAGE_DEFAULT = 2, 4, 6
USAGE_GROUP, USAGE_CATEGORY, USAGE_SUBGROUP = 64, 128, 256
USAGE_SCRIPT_VARIABLE, USAGE_CLASS_IS_ENUM, USAGE_NIL_IS_VARIANT = 4096, 65536, 131072
HINT_NONE, HINT_RANGE, HINT_ENUM = 0, 1, 2
HINT_RESOURCE_TYPE, HINT_TYPE_STRING, HINT_ARRAY_TYPE = 17, 23, 31
HINT_NODE_TYPE, HINT_DICTIONARY_TYPE, HINT_TOOL_BUTTON = 34, 38, 39
METHOD_NORMAL, METHOD_VARARG, METHOD_STATIC, METHOD_VIRTUAL_REQUIRED = 1, 16, 32, 128

# @export_* annotation -> (hint, the variable type it requires: NIL for any).
EXPORT_HINTS = {
    "@export": (0, NIL), "@export_enum": (2, NIL), "@export_file": (13, STRING),
    "@export_file_path": (44, STRING), "@export_dir": (14, STRING),
    "@export_global_file": (15, STRING), "@export_global_dir": (16, STRING),
    "@export_multiline": (18, STRING), "@export_placeholder": (20, STRING),
    "@export_range": (1, FLOAT), "@export_exp_easing": (4, FLOAT),
    "@export_color_no_alpha": (21, 20), "@export_node_path": (26, NODE_PATH),
    "@export_flags": (6, INT), "@export_flags_2d_render": (7, INT),
    "@export_flags_2d_physics": (8, INT), "@export_flags_2d_navigation": (9, INT),
    "@export_flags_3d_render": (10, INT), "@export_flags_3d_physics": (11, INT),
    "@export_flags_3d_navigation": (12, INT), "@export_flags_avoidance": (37, INT),
}
# Packed arrays export their element type (Godot's ``get_typed_container_type``).
PACKED_ELEMENTS = {29: INT, 30: INT, 31: INT, 32: FLOAT, 33: FLOAT, 34: STRING,
                   35: 5, 36: 9, 37: 20, 38: 12}


@dataclass
class DataType:
    kind: str = "variant"  # variant | builtin | native | class | enum
    builtin: int = NIL  # TYPE_*: OBJECT for classes, INT / DICTIONARY for enums
    native: str = ""  # native class; for an enum, its owner-qualified name ("Node::Mode")
    global_name: str = ""  # a script class's class_name
    values: tuple[tuple[str, int], ...] = ()  # an enum's (name, value) pairs
    meta: bool = False  # the type itself as a value (a class, an enum dictionary)
    elements: tuple[DataType, ...] = ()  # container element types
    hard: bool = True

    @property
    def is_variant(self) -> bool:
        return self.kind == "variant"

    def type_name(self) -> str:
        """How the type is written in hint strings (``int``, ``Node``, ``A.MyEnum``)."""
        from gdscript.stdlib.variant import type_name

        if self.kind == "builtin":
            return type_name(self.builtin)
        if self.kind == "enum":
            return self.native.replace("::", ".")
        if self.kind in ("native", "class"):
            return self.global_name or self.native
        return "Variant"


VARIANT = DataType()
WEAK = DataType(hard=False)


def builtin(type_id: int, *elements: DataType) -> DataType:
    return DataType("builtin", type_id, elements=tuple(elements))


# * PropertyInfo -------------------------------------------------------------------

def empty_info(name: str = "") -> dict[str, Any]:
    return {"name": name, "class_name": "", "type": NIL, "hint": HINT_NONE,
            "hint_string": "", "usage": USAGE_DEFAULT}


def to_property_info(t: DataType, name: str) -> dict[str, Any]:
    """Godot's ``DataType::to_property_info``."""
    info = empty_info(name)
    info["usage"] = 0
    if not t.hard:
        info["usage"] = USAGE_NIL_IS_VARIANT
        return info
    if t.kind == "variant":
        info["usage"] = USAGE_NIL_IS_VARIANT
    elif t.kind == "builtin":
        info["type"] = t.builtin
        _container_hint(t, info)
    elif t.kind in ("native", "class"):
        info["type"] = OBJECT
        if t.meta:
            info["class_name"] = "GDScriptNativeClass" if t.kind == "native" else "GDScript"
        else:
            info["class_name"] = t.global_name or t.native
    elif t.kind == "enum":
        if t.meta:
            info["type"] = DICTIONARY
        else:
            info["type"] = INT
            info["usage"] |= USAGE_CLASS_IS_ENUM
            info["class_name"] = t.native.replace("::", ".")
    return info


def _container_hint(t: DataType, info: dict[str, Any]) -> None:
    if t.builtin == ARRAY and t.elements and not t.elements[0].is_variant:
        info["hint"], info["hint_string"] = HINT_ARRAY_TYPE, t.elements[0].type_name()
    elif t.builtin == DICTIONARY and t.elements:
        key, value = (t.elements + (VARIANT, VARIANT))[:2]
        if key.is_variant and value.is_variant:
            return
        info["hint"] = HINT_DICTIONARY_TYPE
        info["hint_string"] = f"{key.type_name()};{value.type_name()}"


def property_info(model: TypeModel, var: nodes.VariableNode, ctx: Any) -> dict[str, Any]:
    """A member variable's PropertyInfo (Godot's compiler: type info + export info)."""
    own = model.variable_type(var, ctx)
    info = to_property_info(own, var.name)
    export = model.export_info(var, ctx, own)
    if export is not None:
        if not own.hard or own.is_variant:
            info["type"], info["class_name"] = export["type"], export["class_name"]
        info["hint"], info["hint_string"] = export["hint"], export["hint_string"]
        info["usage"] = export["usage"]
    info["usage"] |= USAGE_SCRIPT_VARIABLE
    return info


def group_info(model: TypeModel, annotation: nodes.AnnotationNode) -> dict[str, Any] | None:
    """``@export_group`` / ``@export_subgroup`` / ``@export_category``."""
    usage = {"@export_group": USAGE_GROUP, "@export_subgroup": USAGE_SUBGROUP,
             "@export_category": USAGE_CATEGORY}.get(annotation.name)
    args = model.annotation_args(annotation)
    if usage is None or not args:
        return None
    info = empty_info(str(args[0]))
    info["usage"] = usage
    if usage != USAGE_CATEGORY and len(args) == 2:
        info["hint_string"] = str(args[1])
    return info


# * MethodInfo ---------------------------------------------------------------------

def method_info(model: TypeModel, fn: nodes.FunctionNode, ctx: Any) -> dict[str, Any]:
    flags = METHOD_NORMAL
    if fn.is_abstract:
        flags |= METHOD_VIRTUAL_REQUIRED
    if fn.is_static:
        flags |= METHOD_STATIC
    if fn.rest_parameter is not None:
        flags |= METHOD_VARARG
    args = [to_property_info(model.parameter_type(p, ctx), p.name) for p in fn.parameters]
    defaults = [model.constant_value(p.initializer, ctx) for p in fn.parameters
                if p.initializer is not None]
    if fn.body is not None and suite_returns(fn.body):
        ret = to_property_info(model.spec_type(fn.return_type, ctx) if fn.return_type
                               else WEAK, "")
    else:
        ret = to_property_info(builtin(NIL), "")
    return {"name": fn.name or "", "args": args, "default_args": defaults, "flags": flags,
            "id": 0, "return": ret}


def signal_info(model: TypeModel, signal: nodes.SignalNode, ctx: Any) -> dict[str, Any]:
    args = [to_property_info(model.parameter_type(p, ctx), p.name) for p in signal.parameters]
    return {"name": signal.name, "args": args, "default_args": [], "flags": METHOD_NORMAL,
            "id": 0, "return": to_property_info(builtin(NIL), "")}


def suite_returns(suite: nodes.SuiteNode | None) -> bool:
    """Godot's ``has_return``: a ``return`` on every path through the block."""
    for st in suite.statements if suite is not None else ():
        if isinstance(st, nodes.ReturnNode):
            return True
        if isinstance(st, nodes.IfNode) and suite_returns(st.true_block) and \
                st.false_block is not None and suite_returns(st.false_block):
            return True
        if isinstance(st, nodes.MatchNode) and st.branches and \
                any(b.has_wildcard for b in st.branches) and \
                all(suite_returns(b.block) for b in st.branches):
            return True
    return False


def reflect(model: TypeModel, ctx: Any) -> tuple[list[tuple[bool, dict[str, Any]]],
                                                  dict[str, dict[str, Any]],
                                                  dict[str, dict[str, Any]]]:
    """(properties with their static flag, methods, signals) of one class, in
    declaration order (groups are properties too)."""
    properties: list[tuple[bool, dict[str, Any]]] = []
    methods: dict[str, dict[str, Any]] = {}
    signals: dict[str, dict[str, Any]] = {}
    for member in ctx.node.members:
        if isinstance(member, nodes.VariableNode):
            properties.append((member.is_static, property_info(model, member, ctx)))
        elif isinstance(member, nodes.AnnotationNode):
            group = group_info(model, member)
            if group is not None:
                properties.append((False, group))
        elif isinstance(member, nodes.FunctionNode) and member.name:
            methods[member.name] = method_info(model, member, ctx)
        elif isinstance(member, nodes.SignalNode):
            signals[member.name] = signal_info(model, member, ctx)
    return properties, methods, signals


def reflector(model: TypeModel, ctx: Any) -> Any:
    """``reflect`` for ``ctx``, deferred until a script asks (most never do); a
    declaration the model cannot describe leaves the lists empty rather than stopping
    a running script."""
    def build() -> Any:
        try:
            return reflect(model, ctx)
        except Exception:  # noqa: BLE001 - reflection must not break a running script
            return [], {}, {}
    return build


# * Types of declarations and expressions ------------------------------------------

@dataclass
class TypeModel:
    """Resolves type names and infers simple expression types for one compiled script."""

    compiler: Any
    root: Any  # the script's outermost ClassContext
    _visiting: set[int] = field(default_factory=set)

    @property
    def resolver(self) -> Any:
        return self.compiler.resolver

    # Declarations ----------------------------------------------------------
    def variable_type(self, var: nodes.VariableNode, ctx: Any) -> DataType:
        if var.datatype_specifier is not None:
            return self.spec_type(var.datatype_specifier, ctx)
        if var.initializer is None:
            return VARIANT if var.infer_type else WEAK
        inferred = self.expr_type(var.initializer, ctx)
        return inferred if var.infer_type else replace(inferred, hard=False)

    def parameter_type(self, p: nodes.ParameterNode, ctx: Any) -> DataType:
        if p.datatype_specifier is not None:
            return self.spec_type(p.datatype_specifier, ctx)
        if p.infer_type and p.initializer is not None:
            return self.expr_type(p.initializer, ctx)
        return WEAK

    def spec_type(self, spec: nodes.TypeNode | None, ctx: Any) -> DataType:
        from gdscript.stdlib.global_constants import ENUMS_4
        from gdscript.stdlib.variant import TYPE_IDS_4

        if spec is None or not spec.type_chain:
            return WEAK
        chain = spec.type_chain
        first = chain[0]
        if first == "Variant" and len(chain) == 1:
            return VARIANT
        if first == "Variant" and len(chain) == 2:  # Variant.Type, Variant.Operator
            values = ENUMS_4.get(f"Variant.{chain[1]}")
            return builtin_enum_value(f"Variant.{chain[1]}", values) if values else VARIANT
        if len(chain) == 2 and first in TYPE_IDS_4 and first != "Object":  # Vector3.Axis
            from gdscript.stdlib import class_table

            found = self.native_enum(class_table(4).get(first), chain[1])
            return replace(found, meta=False, builtin=INT) if found else VARIANT
        if len(chain) == 1 and first in TYPE_IDS_4 and first != "Object":
            elements = tuple(self.spec_type(c, ctx) if c.type_chain != ["Variant"]
                             else VARIANT for c in spec.container_types)
            return builtin(TYPE_IDS_4[first], *elements)
        found = self.name_type(first, ctx)
        for name in chain[1:]:
            found = self.member_type(found, name, ctx) if found is not None else None
        if found is None:
            return VARIANT
        return replace(found, meta=False, builtin=INT if found.kind == "enum" else found.builtin)

    def export_info(self, var: nodes.VariableNode, ctx: Any,
                    own: DataType) -> dict[str, Any] | None:
        from .member_export import export_info

        return export_info(self, var, ctx, own)

    # Names ---------------------------------------------------------------------
    def name_type(self, name: str, ctx: Any) -> DataType | None:
        """What a bare name denotes as a type (a meta type) or value type."""
        from gdscript.stdlib.global_constants import ENUMS_4

        found = self.script_name(name, ctx)
        if found is not None:
            return found
        if name in ENUMS_4 and name:
            return enum_type(name, "", ENUMS_4[name])
        native = self.compiler.native_of(ctx)
        native_enum = self.native_enum(native, name)
        if native_enum is not None:
            return native_enum
        return self.global_type(name)

    def global_type(self, name: str) -> DataType | None:
        from gdscript.stdlib import class_table
        from gdscript.stdlib.global_constants import ENUMS_4

        cls = class_table(4).get(name)
        if isinstance(cls, type) and hasattr(cls, "GODOT_NAME"):
            return DataType("native", OBJECT, native=name, meta=True)
        for enum_name, values in ENUMS_4.items():
            if name in values:
                return replace(enum_type(enum_name, "", values), meta=False, builtin=INT)
        if name == self.compiler.tree.class_name:
            return self.class_type(self.main_ctx())
        try:
            value = self.resolver.global_value(name)
        except GDScriptError:  # a script that cannot load (yet): no type from it
            return None
        info = getattr(value, "_gd_script", None)
        if info is not None:
            return script_type(info)
        return None

    def main_ctx(self) -> Any:
        return self.root

    def script_name(self, name: str, ctx: Any) -> DataType | None:
        scope = ctx
        while scope is not None:
            found = scope.lookup_member(name)
            if found is not None:
                return self.member_kind_type(scope, name, found, ctx)
            scope = scope.outer
        return None

    def member_kind_type(self, scope: Any, name: str, found: tuple[str, Any],
                         ctx: Any) -> DataType | None:
        kind, detail = found
        if kind == "class":
            return self.class_type(detail) if detail is not None else None
        if kind in ("member", "static"):
            if isinstance(detail, nodes.VariableNode):
                return self.variable_type(detail, scope)
            return None
        if kind == "constant":
            return self.constant_type(scope, name)
        if kind == "inherited_constant":
            return value_type(detail.constants.get(name))
        return None

    def constant_type(self, scope: Any, name: str) -> DataType | None:
        owner = scope
        while owner is not None:
            for member in owner.node.members:
                if isinstance(member, nodes.EnumNode):
                    if member.name == name:
                        return self.class_enum(owner, member)
                    for value in member.values:
                        if value.name == name:
                            return self.enum_value_type(owner, member)
                if isinstance(member, nodes.ConstantNode) and member.name == name:
                    return self.const_decl_type(member, owner)
            owner = owner.base_ctx
        return None

    def const_decl_type(self, const: nodes.ConstantNode, scope: Any) -> DataType | None:
        if const.datatype_specifier is not None:
            return self.spec_type(const.datatype_specifier, scope)
        if id(const) in self._visiting or const.initializer is None:
            return None
        self._visiting.add(id(const))
        try:
            return self.expr_type(const.initializer, scope)
        finally:
            self._visiting.discard(id(const))

    def class_enum(self, owner: Any, enum: nodes.EnumNode) -> DataType:
        return enum_type(enum.name or "", fqcn(owner), self.enum_values(owner, enum))

    def enum_value_type(self, owner: Any, enum: nodes.EnumNode) -> DataType:
        if enum.name is None:
            return builtin(INT)
        return replace(self.class_enum(owner, enum), meta=False, builtin=INT)

    def enum_values(self, owner: Any, enum: nodes.EnumNode) -> tuple[tuple[str, int], ...]:
        values: list[tuple[str, int]] = []
        next_value = 0
        for value in enum.values:
            if value.custom_value is not None:
                folded = self.constant_value(value.custom_value, owner)
                next_value = folded if type(folded) is int else next_value
            values.append((value.name, next_value))
            next_value += 1
        return tuple(values)

    def class_type(self, ctx: Any) -> DataType:
        info = ctx.info
        native = info.native._gd_class_name() if hasattr(info.native, "_gd_class_name") \
            else "RefCounted"
        return DataType("class", OBJECT, native=native,
                        global_name=info.name if info.is_global_name else "", meta=True)

    def native_enum(self, native: Any, name: str) -> DataType | None:
        """Enum ``name`` of a native class or builtin type (or of a base class)."""
        for klass in getattr(native, "__mro__", ()):
            values = vars(klass).get("ENUMS", {}).get(name)
            if values is not None:
                owner = vars(klass).get("GODOT_NAME", "")
                return enum_type(name, owner, tuple((k, class_constant(klass, k))
                                                    for k in values))
        return None

    def native_enum_value(self, native: Any, constant: str) -> DataType | None:
        """The enum type of ``Class.CONSTANT`` when the constant belongs to an enum."""
        for klass in getattr(native, "__mro__", ()):
            for enum_name, names in vars(klass).get("ENUMS", {}).items():
                if constant in names:
                    found = self.native_enum(klass, enum_name)
                    return replace(found, meta=False, builtin=INT) if found else None
        return None

    def member_type(self, base: DataType, name: str, ctx: Any) -> DataType | None:
        """``Base.name`` where Base is a type: an inner class, an enum, an enum value."""
        if base.kind == "class" and base.meta:
            inner = self.find_class_ctx(base, ctx)
            if inner is not None:
                found = inner.lookup_member(name)
                if found is not None:
                    return self.member_kind_type(inner, name, found, ctx)
            return None
        if base.kind == "native" and base.meta:
            from gdscript.stdlib import class_table

            cls = class_table(4).get(base.native)
            return self.native_enum(cls, name) or self.native_enum_value(cls, name)
        if base.kind == "enum" and base.meta:
            return replace(base, meta=False, builtin=INT)
        if base.kind == "builtin" and base.builtin == NIL and name == "Type":
            return None
        return None

    def find_class_ctx(self, t: DataType, ctx: Any) -> Any:
        stack = [self.main_ctx()]
        while stack:
            current = stack.pop()
            if current is None:
                continue
            if self.class_type(current) == t and current.node is not None:
                return current
            stack.extend(c for c in current.inner.values() if c is not None)
        return None

    # Expressions ----------------------------------------------------------------
    def expr_type(self, node: nodes.Node, ctx: Any) -> DataType:
        found = self._expr_type(node, ctx)
        return found if found is not None else VARIANT

    def _expr_type(self, node: nodes.Node, ctx: Any) -> DataType | None:
        from gdscript.stdlib.global_constants import ENUMS_4

        if isinstance(node, nodes.LiteralNode):
            return literal_type(node)
        if isinstance(node, nodes.UnaryOpNode) and node.operator == nodes.OP_NEG:
            return self._expr_type(node.operand, ctx)  # type: ignore[arg-type]
        if isinstance(node, nodes.ArrayNode):
            return builtin(ARRAY)
        if isinstance(node, nodes.DictionaryNode):
            return builtin(DICTIONARY)
        if isinstance(node, nodes.PreloadNode) and node.resolved_path:
            try:
                value = self.resolver.preload(node.resolved_path, node)
            except GDScriptError:
                return None
            info = getattr(value, "_gd_script", None)
            return script_type(info) if info is not None else None
        if isinstance(node, nodes.IdentifierNode):
            if node.name == "Variant":
                return None
            return self.name_type(node.name, ctx)
        if isinstance(node, nodes.SubscriptNode) and node.is_attribute:
            if isinstance(node.base, nodes.IdentifierNode) and node.base.name == "Variant":
                values = ENUMS_4.get(f"Variant.{node.attribute}")
                return enum_type(f"Variant.{node.attribute}", "", values) if values else None
            base = self._expr_type(node.base, ctx)  # type: ignore[arg-type]
            return self.member_type(base, node.attribute or "", ctx) if base else None
        return None

    def constant_value(self, node: nodes.Node | None, ctx: Any) -> Any:
        """The value of a constant expression (literals, negation, constants), else None."""
        from .errors import MISSING

        if isinstance(node, nodes.LiteralNode):
            return node.value if node.string_kind in (None, nodes.STRING_PLAIN) else \
                str(node.value)
        if isinstance(node, nodes.UnaryOpNode) and node.operator == nodes.OP_NEG:
            value = self.constant_value(node.operand, ctx)
            return -value if isinstance(value, (int, float)) else None
        if isinstance(node, nodes.IdentifierNode):
            value = self.resolver.global_value(node.name)
            if isinstance(value, (int, float, str)) and value is not MISSING:
                return value
        return None

    def annotation_args(self, annotation: nodes.AnnotationNode) -> list[Any]:
        return [self.constant_value(a, self.root) for a in annotation.arguments]


def fqcn(ctx: Any) -> str:
    """Godot's fully qualified class name: ``Name``, ``res://a.gd::Inner``..."""
    if ctx.outer is None:
        return ctx.node.class_name or ctx.info.path
    return f"{fqcn(ctx.outer)}::{ctx.node.name}"


def enum_type(name: str, owner: str, values: Any) -> DataType:
    pairs = tuple(values.items()) if isinstance(values, dict) else tuple(values)
    native = f"{owner}::{name}" if owner else name
    return DataType("enum", DICTIONARY, native=native, values=pairs, meta=True)


def builtin_enum_value(name: str, values: Any) -> DataType:
    return replace(enum_type(name, "", values), meta=False, builtin=INT)


def class_constant(klass: type, name: str) -> Any:
    """A constant of a native class (an attribute) or builtin type (its CONSTANTS)."""
    if name in vars(klass).get("CONSTANTS", {}):
        return klass.CONSTANTS[name]  # type: ignore[attr-defined]
    return getattr(klass, name, 0)


def script_type(info: Any) -> DataType:
    native = info.native._gd_class_name() if hasattr(info.native, "_gd_class_name") \
        else "RefCounted"
    return DataType("class", OBJECT, native=native,
                    global_name=info.name if info.is_global_name else "", meta=True)


def literal_type(node: nodes.LiteralNode) -> DataType | None:
    if node.string_kind == nodes.STRING_NAME:
        return builtin(21)
    if node.string_kind == nodes.STRING_NODE_PATH:
        return builtin(NODE_PATH)
    ids = {bool: BOOL, int: INT, float: FLOAT, str: STRING, type(None): NIL}
    type_id = ids.get(type(node.value))
    return builtin(type_id) if type_id is not None else None


def value_type(value: Any) -> DataType | None:
    info = getattr(value, "_gd_script", None)
    if info is not None:
        return script_type(info)
    if isinstance(value, bool):
        return builtin(BOOL)
    if isinstance(value, int):
        return builtin(INT)
    return None


# * Lists as scripts see them (Array[Dictionary]) -------------------------------------

def _dictionary(info: dict[str, Any]) -> Any:
    from gdscript.stdlib.arrays import Array
    from gdscript.stdlib.dictionary import Dictionary

    from .globalscope import typed_array

    out = Dictionary(info)
    if "args" in info:  # a MethodInfo
        out["args"] = typed_array([Dictionary(a) for a in info["args"]], "Dictionary")
        out["default_args"] = Array(info["default_args"])
        out["return"] = Dictionary(info["return"])
    return out


def _native_property(name: str) -> dict[str, Any]:
    info = empty_info(name)
    return info


def property_list(obj: Any, info: Any) -> Any:
    """``get_property_list()`` of a script instance: the native class's properties,
    then each script level's members (the most derived level first)."""
    from gdscript.stdlib.objects import godot_api

    from .globalscope import typed_array

    items = [_native_property(name) for name in godot_api(type(obj)).properties]
    for level in reversed(info.chain()):
        items.extend(p for is_static, p in level.reflection()[0] if not is_static)
    return typed_array([_dictionary(p) for p in items], "Dictionary")


def static_property_list(info: Any) -> Any:
    """``get_property_list()`` of a script class: its static variables, base first."""
    from .globalscope import typed_array

    items = [p for level in info.chain() for is_static, p in level.reflection()[0]
             if is_static]
    return typed_array([_dictionary(p) for p in items], "Dictionary")


def method_list(obj: Any, info: Any) -> Any:
    """``get_method_list()``: native methods, then each script level's (derived first)."""
    from gdscript.stdlib.objects import godot_api

    from .globalscope import typed_array

    items = [{"name": name, "args": [], "default_args": [], "flags": METHOD_NORMAL, "id": 0,
              "return": empty_info()} for name in godot_api(type(obj)).methods]
    for level in reversed(info.chain()):
        items.extend(level.reflection()[1].values())
    return typed_array([_dictionary(m) for m in items], "Dictionary")


def signal_list(obj: Any, info: Any) -> Any:
    """``get_signal_list()``: the script's signals (derived first), the class's, then
    user signals."""
    from gdscript.stdlib.objects import godot_api

    from .globalscope import typed_array

    items: list[dict[str, Any]] = []
    for level in reversed(info.chain()):
        items.extend(level.reflection()[2].values())
    for name in [*godot_api(type(obj)).signals, *obj._gd_user_signals]:
        items.append({"name": name, "args": [], "default_args": [], "flags": METHOD_NORMAL,
                      "id": 0, "return": empty_info()})
    return typed_array([_dictionary(m) for m in items], "Dictionary")
