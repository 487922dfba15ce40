"""Loader: the pipeline from a ``.gd`` file to a live class, and what names mean.

``load_script(path)`` reads, parses, compiles and executes a script once per
run (cached by resolved path), registering its source with ``linecache`` under
its ``res://`` name so tracebacks show GDScript lines.  ``Project`` knows the
project folder (``res://`` is the folder holding ``project.godot``, else the
main script's folder), the dialect, and the global ``class_name`` registry,
which is filled lazily by scanning the project's ``.gd`` files for
``class_name`` lines the first time an unknown name is looked up.

``Resolver`` answers the compiler's questions about names outside a script:
native classes, singletons, utility functions, global constants, other scripts.
"""

from __future__ import annotations

import linecache
import re
from functools import partial
from pathlib import Path
from typing import Any

from . import nodes
from .compiler import MISSING, Compiler
from .errors import AnalyzerError, GDScriptError, ParseError, ScriptRuntimeError
from .source import read_source

_CLASS_NAME_LINE = re.compile(r"^\s*class_name\s+([A-Za-z_][A-Za-z0-9_]*)", re.M)

BUILTIN_TYPES = {
    "int", "float", "bool", "String", "StringName", "NodePath", "Array", "Dictionary",
    "Vector2", "Vector2i", "Vector3", "Vector3i", "Vector4", "Vector4i", "Rect2", "Rect2i",
    "Transform2D", "Transform3D", "Transform", "Plane", "Quaternion", "Quat", "AABB", "Basis",
    "Projection", "Color", "RID", "Callable", "Signal", "PackedByteArray", "PackedInt32Array",
    "PackedInt64Array", "PackedFloat32Array", "PackedFloat64Array", "PackedStringArray",
    "PackedVector2Array", "PackedVector3Array", "PackedColorArray", "PackedVector4Array",
    "PoolByteArray", "PoolIntArray", "PoolRealArray", "PoolStringArray", "PoolVector2Array",
    "PoolVector3Array", "PoolColorArray", "Variant", "Nil", "void",
}


_DIALECT_HOOKS = {"get_member", "set_member", "get_index", "set_index", "call_method",
                  "has_method"}


class Project:
    """One run's view of the project: res:// root, dialect, loaded scripts, class names."""

    def __init__(self, root: Path, dialect: int, strict: bool = False) -> None:
        self.root = root.resolve()
        self.dialect = dialect
        self.strict = strict  # compatibility warnings become errors
        self.scripts: dict[Path, Any] = {}
        self.loading: set[Path] = set()
        self._class_files: dict[str, Path] | None = None

    @staticmethod
    def root_for(script: Path) -> Path:
        start = script.resolve().parent
        for folder in (start, *start.parents):
            if (folder / "project.godot").is_file():
                return folder
        return start

    def res_path(self, path: Path) -> str:
        try:
            return "res://" + path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def file_for(self, res: str, relative_to: Path | None = None) -> Path:
        if res.startswith("res://"):
            return self.root / res[len("res://"):]
        base = relative_to.parent if relative_to is not None else self.root
        return base / res

    def class_file(self, name: str) -> Path | None:
        if self._class_files is None:
            self._class_files = {}
            for file in sorted(self.root.rglob("*.gd")):
                try:
                    head = file.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
                m = _CLASS_NAME_LINE.search(head)
                if m:
                    self._class_files.setdefault(m.group(1), file)
        return self._class_files.get(name)

    def load_resource(self, path: str, type_hint: str = "", cache_mode: int = 1) -> Any:
        """``load(path)``: a script's class for ``.gd`` files; other resources are not known."""
        from .errors import engine_error

        if not isinstance(path, str):
            raise ScriptRuntimeError("Invalid type in function 'load'. Cannot convert argument "
                                     "1 to String.")
        file = self.file_for(path)
        if not path.endswith(".gd") or not file.is_file():
            engine_error(f'Resource file not found: {path} (expected type: {type_hint})')
            return None
        return self.load(file)

    def load(self, path: Path) -> Any:
        path = path.resolve()
        cls = self.scripts.get(path)
        if cls is not None:
            return cls
        if path in self.loading:
            raise AnalyzerError(f'Could not resolve script "{self.res_path(path)}": cyclic '
                                f'reference.', path=self.res_path(path))
        self.loading.add(path)
        try:
            text = read_source(path)
            cls = compile_class(text, self.res_path(path), self, path)
        finally:
            self.loading.discard(path)
        self.scripts[path] = cls
        return cls


def compile_class(text: str, res_path: str, project: Project, file: Path | None = None) -> Any:
    """Parse, compile and execute one script's source; returns its class."""
    from .parser import parse

    tree = parse(text, path=res_path, dialect=project.dialect)
    return compile_tree(tree, text, res_path, project, file)


def compile_tree(tree: nodes.ClassNode, text: str, res_path: str, project: Project,
                 file: Path | None = None) -> Any:
    """Compile and execute a parsed script; returns its class."""
    resolver = Resolver(project, file)
    try:
        compiled = Compiler(tree, res_path, project.dialect, resolver).compile()
    except GDScriptError as exc:
        exc.path = exc.path or res_path
        exc.source = text
        raise
    linecache.cache[res_path] = (len(text), None, text.splitlines(True), res_path)
    code = compile(compiled.module, res_path, "exec")
    namespace = dict(compiled.globals)
    try:
        exec(code, namespace)
    except GDScriptError:
        raise
    except Exception as exc:  # a constant or class body failed while the class was made
        raise _class_creation_error(exc, res_path, text) from None
    return namespace["_gd_main"]


def _class_creation_error(exc: Exception, res_path: str, text: str) -> GDScriptError:
    from .runtime import error_message

    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == res_path:
            line = tb.tb_lineno
        tb = tb.tb_next
    if isinstance(exc, NameError):
        message = "Could not resolve a constant: it depends on itself or on a later value."
    else:
        message = error_message(exc) or f"{type(exc).__name__}: {exc}"
    return AnalyzerError(message, line, None, res_path, text)


# * Name resolution for the compiler --------------------------------------------------

class Resolver:
    def __init__(self, project: Project, file: Path | None) -> None:
        self.project = project
        self.file = file
        self.dialect = project.dialect
        self.strict = project.strict

    def warn(self, message: str) -> None:
        """A compatibility warning: on stderr, once per line of a script."""
        from gdscript.stdlib.utility_functions import OUTPUT

        OUTPUT.write_err(message)

    def runtime_helper(self, name: str) -> Any:
        from . import runtime

        if name == "partial":
            return partial
        if name in _DIALECT_HOOKS:
            return getattr(runtime.HOOKS[self.dialect], name)
        return getattr(runtime, name)

    def default_base(self) -> Any:
        from gdscript.stdlib import class_table

        table = class_table(self.dialect)
        return table["RefCounted" if self.dialect == 4 else "Reference"]

    def load_script_class(self, res: str, node: nodes.Node) -> Any:
        path = self.project.file_for(res, self.file)
        if not path.is_file():
            raise AnalyzerError(f'Could not resolve script "{res}".', node.line, node.column)
        return self.project.load(path)

    def preload(self, res: str, node: nodes.Node) -> Any:
        if not res.endswith(".gd"):
            raise AnalyzerError(f'Preload file "{res}" does not exist.', node.line, node.column)
        return self.load_script_class(res, node)

    def class_attr(self, base: Any, name: str, node: nodes.Node) -> Any:
        info = getattr(base, "_gd_script", None)
        if info is not None:
            found, value = info.find_constant(name)
            if found:
                return value
        raise AnalyzerError(f'Could not find type "{name}" in the current scope.', node.line,
                            node.column)

    def global_class(self, name: str, node: nodes.Node) -> Any:
        from gdscript.stdlib import class_table

        table = class_table(self.dialect)
        if name in table and isinstance(table[name], type):
            return table[name]
        file = self.project.class_file(name)
        if file is not None:
            return self.project.load(file)
        raise AnalyzerError(f'Could not find base class "{name}".', node.line, node.column)

    def is_builtin_type(self, name: str) -> bool:
        return name in BUILTIN_TYPES

    def is_native_class(self, name: str) -> bool:
        """A name of this dialect's class table (Array, Vector2, Node...), not int/String."""
        from gdscript.stdlib import class_table

        return name not in ("int", "float", "bool", "String") and \
            isinstance(class_table(self.dialect).get(name), type)

    def converter(self, type_name: str) -> Any:
        from .globalscope import converter_for

        return converter_for(type_name, self.dialect)

    def type_id(self, spec: nodes.TypeNode | None) -> int:
        """Godot's TYPE_* of a declared type, in this dialect (0 when untyped)."""
        from gdscript.stdlib.variant import TYPE_IDS_3, TYPE_IDS_4

        if spec is None or not spec.type_chain:
            return 0
        ids = TYPE_IDS_3 if self.dialect == 3 else TYPE_IDS_4
        name = spec.type_chain[0]
        if len(spec.type_chain) == 1 and name in ids:
            return ids[name]
        return ids["Object"]

    def typed_array_converter(self, element: str, parameter: bool = False) -> Any:
        from .globalscope import typed_array_converter, typed_parameter_converter

        return (typed_parameter_converter if parameter else typed_array_converter)(element)

    def native_property(self, base: Any, name: str) -> bool:
        from gdscript.stdlib.objects import godot_api

        if not isinstance(base, type):
            return False
        info = getattr(base, "_gd_script", None)
        native = info.native if info is not None else base
        return name in godot_api(native).properties

    def native_method(self, base: Any, name: str) -> bool:
        from gdscript.stdlib.objects import godot_api

        if not isinstance(base, type):
            return False
        info = getattr(base, "_gd_script", None)
        native = info.native if info is not None else base
        return name in godot_api(native).methods

    def native_signal(self, native: Any, name: str) -> bool:
        from gdscript.stdlib.objects import godot_api

        return isinstance(native, type) and name in godot_api(native).signals

    def native_constant(self, native: Any, name: str) -> tuple[bool, Any]:
        from gdscript.stdlib.objects import godot_api

        if isinstance(native, type):
            constants = godot_api(native).constants
            if name in constants:
                return True, constants[name]
        return False, None

    def global_value(self, name: str) -> Any:
        from .globalscope import global_value

        value = global_value(name, self.dialect)
        if value is not MISSING:
            return value
        file = self.project.class_file(name)
        if file is not None:
            return self.project.load(file)
        return MISSING

    def global_callable(self, name: str) -> Any:
        from .globalscope import global_callable

        if name == "load":
            return self.project.load_resource
        return global_callable(name, self.dialect)


def load_script(path: str | Path, dialect: int | str = "auto",
                strict: bool = False) -> tuple[Any, Project]:
    """Load the script at ``path`` (and what it needs); returns (class, project)."""
    from .parser import detect_dialect

    file = Path(path)
    text = read_source(file)
    if dialect == "auto":
        dialect = detect_dialect(text)
    project = Project(Project.root_for(file), int(dialect), strict)
    try:
        cls = project.load(file)
    except ParseError as exc:
        exc.source = exc.source or text
        raise
    return cls, project
