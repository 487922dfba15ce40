"""Compiled-code cache: a script's Python code object, kept on disk like ``__pycache__``.

A cached run neither imports lark nor builds the grammar: ``lookup`` gives back
the class of a script whose entry matches.  An entry is keyed by the script's
text, its ``res://`` path and file, the dialect, ``--strict`` and a fingerprint
of this implementation (version, Python version, and the size and mtime of
every module of the package), so editing either the script or gdscript
invalidates it.  It holds:

* the marshalled code object of the compiled module;
* the module's globals, pickled.  Values the compiler got from the ``Resolver``
  (runtime helpers, native classes, converters, other scripts' classes) are not
  pickled: each is stored as the resolver call that produced it, and replayed
  against this run's resolver, so it is rebuilt by name.  The compiler's own
  ``ScriptInfo`` objects are pickled by value.  Anything else that is not
  plain data, or a module-level class or function, makes the script uncachable;
* the scripts it depends on (every script the compile loaded, transitively),
  with a hash of each one's text, checked before the entry is used;
* the compatibility warnings the compile printed, printed again on use.

Safety: an unreadable, corrupt or stale entry is ignored and the script is
compiled again.  Unpickling only resolves names of this package (and a few
builtins).  ``GDSCRIPT_NO_CODE_CACHE=1`` turns the cache off; it lives in
``$XDG_CACHE_HOME/gdscript/code`` (or ``~/.cache/gdscript/code``).
"""

from __future__ import annotations

import copyreg
import io
import marshal
import os
import sys
import types

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

try:  # CPython's own SHA-256: hashlib would load OpenSSL first (milliseconds of start-up)
    from _sha256 import sha256
except ImportError:  # other Pythons (3.12 calls it _sha2)
    try:
        from _sha2 import sha256  # type: ignore[no-redef]
    except ImportError:
        from hashlib import sha256  # type: ignore[no-redef]

try:  # the C pickler itself: the pickle module imports re, a cost to every cached run's start
    from _pickle import Pickler, PicklingError, Unpickler, UnpicklingError, dumps
except ImportError:  # a Python without the C accelerator
    from pickle import Pickler, PicklingError, Unpickler, UnpicklingError, dumps

PICKLE_PROTOCOL = 5  # pickle.HIGHEST_PROTOCOL of every supported Python
FORMAT = 1
MAX_ENTRIES = 2000  # more than this in the folder: the older half is removed
_POSITION_ONLY = {"load_script_class", "preload", "class_attr", "global_class"}  # node args
_SAFE_BUILTINS = {"set", "frozenset", "staticmethod"}
_fingerprint: list[str] = []


class Stale(Exception):
    """The entry does not describe this run's world any more: compile again."""


def cache_dir() -> str | None:
    if os.environ.get("GDSCRIPT_NO_CODE_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "gdscript", "code")


def _read(folder: str, name: str) -> bytes:
    with open(os.path.join(folder, name), "rb") as file:
        return file.read()


def text_hash(text: str) -> str:
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def implementation_fingerprint() -> str:
    """Changes whenever gdscript's code (or Python) changes."""
    if not _fingerprint:
        from . import __version__

        options = os.environ.get("GDSCRIPT_NO_FAST_PATHS", "")  # changes the code made
        h = sha256(f"{FORMAT} {__version__} {sys.version} {options}".encode())
        package = os.path.dirname(os.path.realpath(__file__))
        stdlib = sys.modules.get("gdscript.stdlib")
        above = os.path.dirname(package)
        folders = [package, os.path.join(above, "stdlib"), os.path.join(above, "grammar")]
        if stdlib is not None and getattr(stdlib, "__file__", None):
            folders[1] = os.path.dirname(os.path.realpath(stdlib.__file__))
        for folder in folders:
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                if entry.name.endswith((".py", ".lark")):
                    st = entry.stat()
                    h.update(f"{entry.name} {st.st_mtime_ns} {st.st_size};".encode())
        _fingerprint.append(h.hexdigest())
    return _fingerprint[0]


def entry_key(text: str, res_path: str, file: str | None, dialect: int, strict: bool) -> str:
    h = sha256()
    for part in (implementation_fingerprint(), str(dialect), str(bool(strict)), res_path,
                 str(file) if file is not None else "", text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:40]


def usable(project: Any) -> bool:
    """Names a host registered (``Runtime.register``) change what names mean: no cache."""
    embedding = sys.modules.get("gdscript.embedding")
    return cache_dir() is not None and not getattr(embedding, "REGISTERED", None)


# * Remembered dialect of auto-detected scripts ----------------------------------------

def remembered_dialect(text: str) -> int | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        value = _read(folder, f"{text_hash(text)[:40]}.dialect").decode()
    except (OSError, ValueError):
        return None
    return int(value) if value in ("3", "4") else None


def remember_dialect(text: str, dialect: int) -> None:
    folder = cache_dir()
    if folder is not None:
        _write(folder, f"{text_hash(text)[:40]}.dialect", str(dialect).encode())


# * Recording what the compiler asked the resolver -----------------------------------

class RecordingResolver:
    """Wraps a ``Resolver``: remembers how each value it returned can be asked for again."""

    def __init__(self, resolver: Any) -> None:
        self._inner = resolver
        self.recipes: dict[int, tuple[Any, ...]] = {}
        self.warnings: list[str] = []
        self._alive: list[Any] = []  # keeps ids unique while recipes refer to them

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._inner, name)
        if name.startswith("_") or not callable(value):
            return value
        if name == "warn":
            return self._warn

        def recorded(*args: Any) -> Any:
            result = value(*args)
            self._note(name, args, result)
            return result

        return recorded

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        self._inner.warn(message)

    def _note(self, name: str, args: tuple[Any, ...], result: Any) -> None:
        from .nodes import Node

        if any(isinstance(a, Node) for a in args):
            if name not in _POSITION_ONLY:
                return  # the node means something: the value cannot be asked for again
            args = tuple(None if isinstance(a, Node) else a for a in args)
        if type(result) is tuple:
            for index, item in enumerate(result):
                self._track(item, ("call", name, args, index))
        else:
            self._track(result, ("call", name, args, None))

    def _track(self, value: Any, recipe: tuple[Any, ...]) -> None:
        if value is None or type(value) in (bool, int, float, str) or id(value) in self.recipes:
            return
        self.recipes[id(value)] = recipe
        self._alive.append(value)
        info = vars(value).get("_gd_script") if isinstance(value, type) else None
        if info is not None:  # another script's class: its ScriptInfo chain by reference
            self._track(info, ("attr", value, "_gd_script"))
            for attr in ("base", "outer"):
                linked = getattr(info, attr, None)
                if linked is not None:
                    self._track(linked, ("attr", info, attr))


class _GlobalsPickler(Pickler):
    def __init__(self, file: Any, recipes: dict[int, tuple[Any, ...]]) -> None:
        super().__init__(file, protocol=PICKLE_PROTOCOL)
        self.recipes = recipes

    def persistent_id(self, obj: Any) -> Any:
        return self.recipes.get(id(obj))

    def reducer_override(self, obj: Any) -> Any:
        from .script import MemberInfo, ScriptInfo

        if isinstance(obj, type):
            return NotImplemented  # by reference (pickle checks it is found by name)
        if isinstance(obj, types.FunctionType) and "<locals>" not in obj.__qualname__:
            return NotImplemented
        if isinstance(obj, types.BuiltinFunctionType) and isinstance(obj.__self__,
                                                                    types.ModuleType):
            return NotImplemented
        if type(obj) is ScriptInfo and obj.reflector is not None:
            # Its reflection is built from the AST on first use: a cached run has no AST.
            state = dict(vars(obj), _reflection=obj.reflection(), reflector=None)
            return copyreg.__newobj__, (ScriptInfo,), state
        if type(obj) in (ScriptInfo, MemberInfo, set, frozenset) or \
                getattr(type(obj), "_gd_cachable", False):
            return NotImplemented
        if obj is Ellipsis:
            return NotImplemented
        raise PicklingError(f"not cachable: {type(obj).__name__}")


class _GlobalsUnpickler(Unpickler):
    def __init__(self, data: bytes, resolver: Any) -> None:
        super().__init__(io.BytesIO(data))
        self.resolver = resolver

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("gdscript.") or module == "gdscript" or (
                module == "builtins" and name in _SAFE_BUILTINS) or \
                (module == "functools" and name == "partial"):
            return super().find_class(module, name)
        raise Stale(f"unexpected global {module}.{name}")

    def persistent_load(self, pid: Any) -> Any:
        if pid[0] == "attr":
            return getattr(pid[1], pid[2])
        _, name, args, index = pid
        value = getattr(self.resolver, name)(*args)
        if index is not None:
            value = value[index]
        compiler = sys.modules.get("gdscript.compiler")  # its MISSING: "no such name"
        if value is None or (compiler is not None and value is compiler.MISSING):
            raise Stale(f"{name}{args!r} no longer resolves")
        return value


def dump_entry(namespace: dict[str, Any], code: Any, recorder: RecordingResolver,
               dialect: int, deps: dict[str, str]) -> bytes | None:
    """The entry for a compiled module (before it runs), or None if it cannot be cached."""
    buffer = io.BytesIO()
    try:
        _GlobalsPickler(buffer, recorder.recipes).dump(namespace)
    except (PicklingError, TypeError, AttributeError, RecursionError):
        return None
    entry = {"format": FORMAT, "dialect": dialect, "deps": deps,
             "warnings": recorder.warnings, "code": marshal.dumps(code),
             "globals": buffer.getvalue()}
    return dumps(entry, protocol=PICKLE_PROTOCOL)


def read_entry(key: str) -> dict[str, Any] | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = _read(folder, f"{key}.gdc")
        entry = _EntryUnpickler(io.BytesIO(data)).load()
    except Exception:  # unreadable or corrupt: compile again
        return None
    if not isinstance(entry, dict) or entry.get("format") != FORMAT:
        return None
    return entry


class _EntryUnpickler(Unpickler):
    """The outer entry is plain data only."""

    def find_class(self, module: str, name: str) -> Any:
        raise UnpicklingError(f"unexpected global {module}.{name}")


def entry_code(entry: dict[str, Any]) -> Any:
    code = marshal.loads(entry["code"])
    if not isinstance(code, types.CodeType):
        raise Stale("not a code object")
    return code


def entry_globals(entry: dict[str, Any], resolver: Any) -> dict[str, Any]:
    namespace = _GlobalsUnpickler(entry["globals"], resolver).load()
    if not isinstance(namespace, dict):
        raise Stale("globals are not a dict")
    return namespace


def write_entry(key: str, data: bytes) -> None:
    folder = cache_dir()
    if folder is not None:
        _write(folder, f"{key}.gdc", data)


def _write(folder: str, name: str, data: bytes) -> None:
    """Atomic write; a cache that cannot be written is simply not used."""
    try:
        os.makedirs(folder, exist_ok=True)
        tmp = os.path.join(folder, f".{name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as file:
            file.write(data)
        os.replace(tmp, os.path.join(folder, name))
        if int.from_bytes(os.urandom(1), "little") < 4:
            _prune(folder)
    except OSError:
        pass


def _prune(folder: str) -> None:
    entries = [e for e in os.scandir(folder) if e.name.endswith((".gdc", ".dialect"))]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e.stat().st_mtime)
    for entry in entries[:len(entries) // 2]:
        try:
            os.unlink(entry.path)
        except OSError:
            pass
