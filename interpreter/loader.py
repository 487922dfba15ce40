"""Loader: the pipeline from a ``.gd`` file to a live class, and what names mean.

``load_script(path)`` reads, parses, compiles and executes a script once per
run (cached by resolved path), keeping its source under its ``res://`` name so
Python tracebacks (``--debug``) show GDScript lines.  ``Project`` knows the
project folder (``res://`` is the folder holding ``project.godot``, else the
main script's folder), the dialect, and the global ``class_name`` registry,
which is filled lazily by scanning the project's ``.gd`` files for
``class_name`` lines the first time an unknown name is looked up.

Compiled code is kept on disk between runs (``code_cache``): ``compile_class``
runs a script's cached code when its entry matches, so a cached run neither
parses nor compiles.  ``Project`` records what each script depends on for that.

``Resolver`` answers the compiler's questions about names outside a script:
native classes, singletons, utility functions, global constants, other scripts.
"""

from __future__ import annotations

import os
import sys
from functools import partial

from .errors import AnalyzerError, GDScriptError, ParseError, ScriptRuntimeError
from .patterns import LazyPattern
from .source import read_source

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:  # the AST and the compiler are imported only when a script is compiled
    from os import PathLike
    from typing import Any
    from . import nodes

_CLASS_NAME_LINE = LazyPattern(r"(?m)^\s*class_name\s+([A-Za-z_][A-Za-z0-9_]*)")

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
                  "call_method_ret", "has_method"}


class Project:
    """One run's view of the project: res:// root, dialect, loaded scripts, class names.
    Paths are strings (``os.path``: pathlib costs start-up time); any path-like is taken."""

    def __init__(self, root: str | PathLike[str], dialect: int, strict: bool = False) -> None:
        self.root = os.path.realpath(root)
        self.dialect = dialect
        self.strict = strict  # compatibility warnings become errors
        self.scripts: dict[str, Any] = {}
        self.loading: set[str] = set()
        self._class_files: dict[str, str] | None = None
        # For the compiled-code cache: text hash of each loaded script, the scripts each
        # one depends on (path -> hash, transitively), and the loads of compiles under way.
        self.hashes: dict[str, str] = {}
        self.deps: dict[str, dict[str, str]] = {}
        self.dep_logs: list[dict[str, str]] = []

    @staticmethod
    def root_for(script: str | PathLike[str]) -> str:
        """The folder holding ``project.godot`` above ``script``, else the script's own."""
        start = folder = os.path.dirname(os.path.realpath(script))
        while True:
            if os.path.isfile(os.path.join(folder, "project.godot")):
                return folder
            parent = os.path.dirname(folder)
            if parent == folder:
                return start
            folder = parent

    def res_path(self, path: str | PathLike[str]) -> str:
        real = os.path.realpath(path)
        if real == self.root or not real.startswith(self.root.rstrip(os.sep) + os.sep):
            return os.fspath(path)
        return "res://" + os.path.relpath(real, self.root).replace(os.sep, "/")

    def file_for(self, res: str, relative_to: str | PathLike[str] | None = None) -> str:
        if res.startswith("res://"):
            return os.path.join(self.root, res[len("res://"):])
        base = os.path.dirname(relative_to) if relative_to is not None else self.root
        return os.path.join(base, res)

    def class_file(self, name: str) -> str | None:
        if self._class_files is None:
            self._class_files = {}
            for file in _script_files(self.root):
                try:
                    with open(file, encoding="utf-8", errors="replace") as f:
                        head = f.read()
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
        if not path.endswith(".gd") or not os.path.isfile(file):
            engine_error(f'Resource file not found: {path} (expected type: {type_hint})')
            return None
        return self.load(file)

    def load(self, path: str | PathLike[str]) -> Any:
        path = os.path.realpath(path)
        cls = self.scripts.get(path)
        if cls is not None:
            self._note_dependency(path)
            return cls
        if path in self.loading:
            raise AnalyzerError(f'Could not resolve script "{self.res_path(path)}": cyclic '
                                f'reference.', path=self.res_path(path))
        self.loading.add(path)
        try:
            text = read_source(path)
            self.hashes[path] = _text_hash(text)
            cls = compile_class(text, self.res_path(path), self, path)
        finally:
            self.loading.discard(path)
        self.scripts[path] = cls
        self._note_dependency(path)
        return cls

    def _note_dependency(self, path: str) -> None:
        """A compile under way loaded ``path``: it depends on it and on what it needs."""
        if self.dep_logs:
            log = self.dep_logs[-1]
            log[path] = self.hashes.get(path, "")
            log.update(self.deps.get(path, {}))

    def dependencies_unchanged(self, deps: dict[str, str]) -> bool:
        for path, digest in deps.items():
            known = self.hashes.get(path)
            if known is None:
                try:
                    known = _text_hash(read_source(path))
                except GDScriptError:
                    return False
            if known != digest:
                return False
        return True


def _script_files(root: str) -> list[str]:
    """Every ``.gd`` file under ``root``, folder by folder in name order."""
    found = [os.path.join(folder, name) for folder, _, names in os.walk(root)
             for name in names if name.endswith(".gd")]
    return sorted(found, key=lambda path: path.split(os.sep))


def compile_class(text: str, res_path: str, project: Project, file: str | None = None) -> Any:
    """Parse, compile and execute one script's source (or run its cached code); returns
    its class."""
    from . import code_cache

    key = None
    if code_cache.usable(project):
        key = code_cache.entry_key(text, res_path, file, project.dialect, project.strict)
        cls = _run_cached(key, text, res_path, project, file)
        if cls is not None:
            return cls
    from .parser import parse

    tree = parse(text, path=res_path, dialect=project.dialect)
    return compile_tree(tree, text, res_path, project, file, cache_key=key)


def _run_cached(key: str, text: str, res_path: str, project: Project,
                file: str | None) -> Any:
    """The class from the cache entry ``key``, or None when there is no usable entry."""
    from . import code_cache

    entry = code_cache.read_entry(key)
    if entry is None:
        return None
    resolver = Resolver(project, file)
    project.dep_logs.append({})
    try:
        if not project.dependencies_unchanged(entry["deps"]):
            return None
        code = code_cache.entry_code(entry)
        namespace = code_cache.entry_globals(entry, resolver)
        if not set(project.dep_logs[-1]) <= set(entry["deps"]):
            return None  # a name now means another script
    except GDScriptError as exc:
        exc.path = exc.path or res_path
        raise
    except Exception:  # corrupt or stale: compile again
        return None
    finally:
        project.dep_logs.pop()
    for warning in entry["warnings"]:
        resolver.warn(warning)
    cls = _execute(code, namespace, text, res_path)
    if file is not None:
        project.deps[os.path.realpath(file)] = dict(entry["deps"])
    return cls


def compile_tree(tree: nodes.ClassNode, text: str, res_path: str, project: Project,
                 file: str | PathLike[str] | None = None, cache_key: str | None = None) -> Any:
    """Compile and execute a parsed script; returns its class (and caches its code under
    ``cache_key``)."""
    from .compiler import Compiler

    resolver: Any = Resolver(project, file)
    if cache_key is not None:
        from .code_cache import RecordingResolver

        resolver = RecordingResolver(resolver)
    project.dep_logs.append({})
    try:
        compiled = Compiler(tree, res_path, project.dialect, resolver).compile()
    except GDScriptError as exc:
        exc.path = exc.path or res_path
        exc.source = text
        raise
    except RecursionError as exc:
        raise _too_deeply_nested(exc, res_path, text) from None
    finally:
        deps = project.dep_logs.pop()
    try:
        code = compile(compiled.module, res_path, "exec")
    except RecursionError as exc:
        raise _too_deeply_nested(exc, res_path, text) from None
    entry = None
    if cache_key is not None:
        from .code_cache import dump_entry

        entry = dump_entry(compiled.globals, code, resolver, project.dialect, deps)
    cls = _execute(code, dict(compiled.globals), text, res_path)
    if entry is not None:
        from .code_cache import write_entry

        write_entry(cache_key, entry)
    if file is not None:
        project.deps[os.path.realpath(file)] = deps
    return cls


# res:// path -> source of every script run: the lines Python's tracebacks show
# (``--debug``), handed to linecache only when one is printed (it imports tokenize).
SOURCES: dict[str, str] = {}


def register_sources_for_tracebacks() -> None:
    import linecache

    for res_path, text in SOURCES.items():
        linecache.cache[res_path] = (len(text), None, text.splitlines(True), res_path)


def _execute(code: Any, namespace: dict[str, Any], text: str, res_path: str) -> Any:
    """Run a compiled module: its classes are made; returns the outermost one."""
    SOURCES[res_path] = text
    try:
        exec(code, namespace)
    except GDScriptError:
        raise
    except Exception as exc:  # a constant or class body failed while the class was made
        raise _class_creation_error(exc, res_path, text) from None
    return namespace["_gd_main"]


def _detect_dialect(text: str) -> int:
    """The dialect of a script's text (remembered by the code cache: no parser import)."""
    from . import code_cache

    known = code_cache.remembered_dialect(text)
    if known is not None:
        return known
    from .parser import detect_dialect

    found = detect_dialect(text)
    code_cache.remember_dialect(text, found)
    return found


def _text_hash(text: str) -> str:
    from .code_cache import text_hash

    return text_hash(text)


def _too_deeply_nested(exc: RecursionError, res_path: str, text: str) -> GDScriptError:
    """Python's stack ran out compiling (thousands of nested operators): an error at the
    line of the innermost syntax node being compiled."""
    from .nodes import Node

    line = None
    tb = exc.__traceback__
    while tb is not None:
        for value in tb.tb_frame.f_locals.values():
            if isinstance(value, Node) and getattr(value, "line", 0):
                line = value.line
        tb = tb.tb_next
    return AnalyzerError("Expression is too deeply nested.", line, None, res_path, text)


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
    def __init__(self, project: Project, file: str | PathLike[str] | None) -> None:
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

    def assign_converter(self, type_name: str) -> Any:
        """What assigning to a 4.x variable of builtin type ``type_name`` does (or None)."""
        from .globalscope import assign_converter

        return assign_converter(type_name)

    def builtin_method(self, type_name: str, name: str, argc: int, used: bool) -> Any:
        """(class, function) to call ``value.name(...)`` directly on a value of the builtin
        class ``type_name`` with ``argc`` arguments; None when only the generic call has
        the right meaning (no such method, wrong count, the value of a void method used)."""
        from gdscript.stdlib import class_table

        from .runtime import HOOKS

        cls = class_table(self.dialect).get(type_name)
        function = (HOOKS[self.dialect].value_methods(cls) or {}).get(name) \
            if isinstance(cls, type) else None
        if function is None:
            return None
        if not accepts_positional(function, argc + 1):
            return None
        returns = getattr(function, "__annotations__", {}).get("return", "?")
        if used and (returns is None or returns == "None"):
            return None
        return cls, function

    def builtin_class(self, type_name: str) -> Any:
        """The class of this dialect's builtin type ``type_name`` (Array, Dictionary...)."""
        from gdscript.stdlib import class_table

        cls = class_table(self.dialect).get(type_name)
        return cls if isinstance(cls, type) else None

    def default_base(self) -> Any:
        from gdscript.stdlib import class_table

        table = class_table(self.dialect)
        return table["RefCounted" if self.dialect == 4 else "Reference"]

    def load_script_class(self, res: str, node: nodes.Node) -> Any:
        path = self.project.file_for(res, self.file)
        if not os.path.isfile(path):
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
        from .globalscope import typed_slot_converter

        return typed_slot_converter(type_name, self.dialect)

    def object_converter(self, name: str, native: bool) -> Any:
        from gdscript.stdlib import class_table
        from gdscript.stdlib.objects import Object

        from .globalscope import object_converter

        if native:
            cls = class_table(self.dialect).get(name)
            if not (isinstance(cls, type) and issubclass(cls, Object)):
                return None
        return object_converter(name, native, os.path.basename(self.file) if self.file else "")

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
        from .errors import MISSING
        from .globalscope import global_value

        value = global_value(name, self.dialect)
        if value is not MISSING:
            return value
        embedding = sys.modules.get("gdscript.embedding")  # loaded only by hosts that register
        if embedding is not None and name in embedding.REGISTERED:
            return embedding.registered_value(name)
        file = self.project.class_file(name)
        if file is not None:
            return self.project.load(file)
        return MISSING

    def global_callable(self, name: str) -> Any:
        from .errors import MISSING
        from .globalscope import global_callable

        if name == "load":
            return self.project.load_resource
        found = global_callable(name, self.dialect)
        embedding = sys.modules.get("gdscript.embedding")
        if found is MISSING and embedding is not None and name in embedding.REGISTERED:
            return embedding.registered_callable(name) or MISSING
        return found


def accepts_positional(function: Any, count: int) -> bool:
    """``function`` can be called with ``count`` positional arguments.  Read from its
    code object: a cached run asks this again, and ``inspect`` costs start-up time."""
    while hasattr(function, "__wrapped__"):  # as inspect.signature reads a wrapper
        function = function.__wrapped__
    code = getattr(function, "__code__", None)
    bound = getattr(function, "__self__", None) is not None
    if code is not None and bound:
        count += 1  # a bound method: its first argument is given
    if code is None:  # a builtin: its text signature, when it is a plain one
        text = getattr(function, "__text_signature__", None) or ""
        names = [name.strip() for name in text.strip("()").split(",")]
        if names and all(name.isidentifier() or name.startswith("$") or name == "/"
                         for name in names):
            # "$self"/"$module" is given already when the builtin is bound to something.
            return count == sum(name.isidentifier() or name.startswith("$") and not bound
                                for name in names)
        import inspect

        try:
            inspect.signature(function).bind(*([None] * count))
        except (TypeError, ValueError):
            return False
        return True
    keyword_defaults = function.__kwdefaults__ or {}
    if any(name not in keyword_defaults for name in
           code.co_varnames[code.co_argcount:code.co_argcount + code.co_kwonlyargcount]):
        return False  # a keyword-only argument without a default
    required = code.co_argcount - len(function.__defaults__ or ())
    return required <= count and (count <= code.co_argcount or
                                  bool(code.co_flags & _CO_VARARGS))


_CO_VARARGS = 0x04  # inspect.CO_VARARGS


def load_script(path: str | PathLike[str], dialect: int | str = "auto",
                strict: bool = False) -> tuple[Any, Project]:
    """Load the script at ``path`` (and what it needs); returns (class, project)."""
    file = os.fspath(path)
    text = read_source(file)
    if dialect == "auto":
        dialect = _detect_dialect(text)
    project = Project(Project.root_for(file), int(dialect), strict)
    try:
        cls = project.load(file)
    except ParseError as exc:
        exc.source = exc.source or text
        raise
    return cls, project
