"""The ``@export*`` annotations' PropertyInfo (Godot 4's ``export_annotations`` and
friends in ``gdscript_parser.cpp``): which type, hint, hint_string and usage an
exported member variable reports.  Companion of :mod:`member_info`, which owns
the type model; this module only applies the annotation rules to it."""

from __future__ import annotations

from typing import Any

from . import nodes
from .member_info import (
    ARRAY,
    CALLABLE,
    DICTIONARY,
    EXPORT_HINTS,
    HINT_ENUM,
    HINT_NODE_TYPE,
    HINT_RESOURCE_TYPE,
    HINT_TOOL_BUTTON,
    HINT_TYPE_STRING,
    INT,
    NIL,
    OBJECT,
    PACKED_ELEMENTS,
    STRING,
    USAGE_CLASS_IS_ENUM,
    USAGE_DEFAULT,
    USAGE_EDITOR,
    USAGE_NIL_IS_VARIANT,
    USAGE_STORAGE,
    DataType,
    builtin,
    empty_info,
    to_property_info,
)


def export_info(model: Any, var: nodes.VariableNode, ctx: Any,
                own: DataType) -> dict[str, Any] | None:
    """The export info of ``var`` (None when it has no export annotation)."""
    for annotation in var.annotations:
        name = annotation.name
        if name == "@export_storage":
            info = to_property_info(own, var.name)
            info["usage"] |= USAGE_STORAGE
            return info
        if name == "@export_custom":
            return _custom(model, annotation, own)
        if name == "@export_tool_button":
            args = [str(a) for a in model.annotation_args(annotation)]
            info = empty_info(var.name)
            info.update(type=CALLABLE, hint=HINT_TOOL_BUTTON, hint_string=",".join(args),
                        usage=USAGE_EDITOR)
            return info
        if name in EXPORT_HINTS:
            return _export(model, annotation, var, ctx, own)
    return None


def _custom(model: Any, annotation: nodes.AnnotationNode, own: DataType) -> dict[str, Any]:
    args = model.annotation_args(annotation)
    info = empty_info()
    info["type"] = own.builtin if own.kind == "builtin" else NIL
    info["hint"] = int(args[0]) if args and isinstance(args[0], int) else 0
    info["hint_string"] = str(args[1]) if len(args) > 1 and args[1] is not None else ""
    if len(args) > 2 and isinstance(args[2], int):
        info["usage"] = args[2]
    return info


def _hint_string(model: Any, annotation: nodes.AnnotationNode) -> str:
    from gdscript.stdlib.variant import stringify

    args = model.annotation_args(annotation)
    if annotation.name == "@export_range":
        # min, max, step are floats (shown as 1.0); extra hints stay strings.
        args = [float(a) if i < 3 and isinstance(a, (int, float)) else a
                for i, a in enumerate(args)]
    return ",".join(stringify(a, 4) if not isinstance(a, str) else a for a in args)


def _export(model: Any, annotation: nodes.AnnotationNode, var: nodes.VariableNode, ctx: Any,
            own: DataType) -> dict[str, Any]:
    hint, t_type = EXPORT_HINTS[annotation.name]
    info = empty_info(var.name)
    info.update(type=t_type, hint=hint, hint_string=_hint_string(model, annotation))
    export_type = own
    if own.is_variant and var.initializer is not None:
        export_type = model.expr_type(var.initializer, ctx)
    original_builtin = export_type.builtin if export_type.kind == "builtin" else NIL
    is_array = False
    if export_type.kind == "builtin" and export_type.builtin == ARRAY and \
            export_type.elements:
        is_array, export_type = True, export_type.elements[0]
    elif export_type.kind == "builtin" and export_type.builtin in PACKED_ELEMENTS:
        is_array, export_type = True, builtin(PACKED_ELEMENTS[export_type.builtin])
    name = annotation.name
    if name == "@export_range" and _is_builtin(export_type, INT):
        info["type"] = INT
    elif name == "@export_multiline" and _is_builtin(export_type, DICTIONARY):
        info["type"] = DICTIONARY
    elif name == "@export":
        _plain_export(export_type, info)
    elif name == "@export_enum":
        info["type"] = STRING if _is_builtin(export_type, STRING) else INT
    if is_array:
        prefix = f"{info['type']}/{info['hint']}" if info["hint"] else str(info["type"])
        info.update(type=original_builtin, hint=HINT_TYPE_STRING,
                    hint_string=f"{prefix}:{info['hint_string']}", usage=USAGE_DEFAULT,
                    class_name="")
    return info


def _is_builtin(t: DataType, type_id: int) -> bool:
    return t.kind == "builtin" and t.builtin == type_id


def _plain_export(t: DataType, info: dict[str, Any]) -> None:
    """``@export``: the info follows the variable's (or initializer's) type."""
    from gdscript.stdlib.strings import STRING_METHODS

    if t.kind == "builtin":
        info.update(type=t.builtin, hint=0, hint_string="")
    elif t.kind in ("native", "class"):
        resource = _is_resource(t.native)
        info.update(type=OBJECT, hint=HINT_RESOURCE_TYPE if resource else HINT_NODE_TYPE,
                    hint_string=t.global_name or t.native)
    elif t.kind == "enum" and t.meta:
        info["type"] = DICTIONARY
    elif t.kind == "enum":
        capitalize = STRING_METHODS["capitalize"]
        info.update(type=INT, hint=HINT_ENUM, hint_string=",".join(
            f"{capitalize(k)}:{v}" for k, v in t.values))
        info["usage"] |= USAGE_CLASS_IS_ENUM
        info["class_name"] = t.native.replace("::", ".")
    elif t.is_variant:
        info["type"] = NIL
        info["usage"] |= USAGE_NIL_IS_VARIANT


def _is_resource(native: str) -> bool:
    from gdscript.stdlib import class_table

    cls = class_table(4).get(native)
    return any(vars(k).get("GODOT_NAME") == "Resource" for k in getattr(cls, "__mro__", ()))

