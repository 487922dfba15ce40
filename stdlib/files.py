"""Files and folders: FileAccess / DirAccess (4.x), File / Directory (3.x), and the path policy.

Paths
-----
``res://`` is the project folder and ``user://`` the per-project data folder; both map
to real folders through the module-level :data:`POLICY`:

* ``set_roots(res_dir, user_dir=None)``: the folders (the CLI sets them; ``--user-dir``).
  Defaults when nothing is set: ``res://`` is the current working directory (read at
  each use); ``user://`` is ``<tempdir>/gdscript-userdata-<uid>/<project name>-<hash>``,
  created on first use, so two projects never share one.
* ``set_confined(flag)``: in a confined (sandboxed) run only ``res://`` and ``user://``
  paths (and paths relative to them) are reachable: absolute paths, ``..`` climbing
  out of a root, and symbolic links leading out of it (paths are resolved and checked
  for containment) are refused.  A refusal is never an exception: the method returns
  ``ERR_FILE_NO_PERMISSION`` (or ``ERR_INVALID_PARAMETER`` for an unknown scheme such
  as ``http://``), ``null`` or an empty value, as Godot does for a failing call, after
  an engine error naming the path.
* Unconfined, absolute paths work as in Godot; relative paths are relative to
  ``res://`` (Godot runs a project with the project folder as working directory).

``globalize_path(path)`` / ``localize_path(os_path)`` convert between the two forms.

Behaviour follows Godot's ``core/io/file_access.cpp`` and ``drivers/unix``: reading past
the end sets ``ERR_FILE_EOF`` (``eof_reached()``) and yields zeros; ``get_line`` drops
``\\r`` and stops at ``\\n`` or NUL; ``store_var`` writes a 32-bit length and
``var_to_bytes`` data; ``open_compressed`` reads and writes Godot's block format
("GCPF" magic, 4096-byte blocks) with DEFLATE (zlib streams) and GZIP; FastLZ, Zstd and
Brotli, and the encrypted files, are unavailable (``ERR_UNAVAILABLE``).  Directory
listings give ``.`` and ``..`` first, then the names sorted (the OS order is arbitrary).
"""

from __future__ import annotations

import io
import os
import struct
import sys
import weakref

from ..errors import engine_error
from ..patterns import LazyPattern
from .global_constants import (ERR_ALREADY_EXISTS, ERR_CANT_CREATE, ERR_FILE_CANT_OPEN,
                               ERR_FILE_CANT_WRITE, ERR_FILE_CORRUPT, ERR_FILE_EOF,
                               ERR_FILE_NO_PERMISSION, ERR_FILE_NOT_FOUND,
                               ERR_FILE_UNRECOGNIZED, ERR_INVALID_PARAMETER, ERR_UNAVAILABLE,
                               FAILED, OK)
from .objects import RefCounted, Reference

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

_SCHEME = LazyPattern(r"^[A-Za-z][A-Za-z0-9+.-]*://")


# * Path policy ----------------------------------------------------------------------

class PathRefused(Exception):
    """A path the policy does not allow; ``code`` is the Error to return."""

    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class PathPolicy:
    """Maps ``res://`` / ``user://`` to folders and keeps a confined run inside them."""

    def __init__(self) -> None:
        self.res_dir: str | None = None
        self.user_dir: str | None = None
        self.confined = False

    def res_root(self) -> str:
        return os.path.realpath(self.res_dir or os.getcwd())

    def user_root(self) -> str:
        path = self.user_dir or _default_user_dir(self.res_root())
        os.makedirs(path, exist_ok=True)
        return os.path.realpath(path)

    def globalize(self, path: str, follow_links: bool = True) -> str:
        """The OS path for a Godot path; raises PathRefused.

        Confined, the resolved path must stay inside its root; with ``follow_links``
        false only the containing folder is resolved (for operations on a link itself).
        """
        path = str(path).replace("\\", "/")
        if path.startswith("res://"):
            return self._inside(self.res_root(), path[6:], path, follow_links)
        if path.startswith("user://"):
            return self._inside(self.user_root(), path[7:], path, follow_links)
        if _SCHEME.match(path):
            raise PathRefused(ERR_INVALID_PARAMETER, f"Unsupported path '{path}': only res:// and "
                                                     f"user:// paths, or file paths, are supported.")
        if os.path.isabs(path):
            if self.confined:
                raise PathRefused(ERR_FILE_NO_PERMISSION, f"Access to '{path}' is not allowed in a "
                                                          f"sandboxed run: use res:// or user:// paths.")
            return os.path.normpath(path)
        return self._inside(self.res_root(), path, path, follow_links)

    def _inside(self, root: str, relative: str, original: str, follow_links: bool) -> str:
        full = os.path.normpath(os.path.join(root, relative.lstrip("/")))
        if not self.confined:
            return full
        if follow_links or full == root:
            real = os.path.realpath(full)
        else:
            real = os.path.join(os.path.realpath(os.path.dirname(full)), os.path.basename(full))
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            raise PathRefused(ERR_FILE_NO_PERMISSION, f"Access to '{original}' is not allowed in a "
                                                      f"sandboxed run: it leads outside the project.")
        return full

    def localize(self, os_path: str) -> str:
        """``res://`` / ``user://`` form of an OS path when it lies in a root."""
        path = os.path.normpath(str(os_path))
        roots = sorted([(self.user_root(), "user://"), (self.res_root(), "res://")],
                       key=lambda pair: -len(pair[0]))
        for root, prefix in roots:
            if path == root:
                return prefix
            if path.startswith(root.rstrip(os.sep) + os.sep):
                return prefix + os.path.relpath(path, root).replace(os.sep, "/")
        return path.replace(os.sep, "/")


def _default_user_dir(res_root: str) -> str:
    import hashlib
    import tempfile
    name = os.path.basename(res_root.rstrip(os.sep)) or "root"
    digest = hashlib.sha1(res_root.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return os.path.join(tempfile.gettempdir(), f"gdscript-userdata-{uid}", f"{name}-{digest}")


POLICY = PathPolicy()


def set_roots(res_dir: str | None, user_dir: str | None = None) -> None:
    POLICY.res_dir = str(res_dir) if res_dir else None
    POLICY.user_dir = str(user_dir) if user_dir else None


def set_confined(confined: bool) -> None:
    POLICY.confined = bool(confined)


def globalize_path(path: str) -> str | None:
    """OS path for ``path``, or ``None`` after an engine error if the policy refuses it."""
    try:
        return POLICY.globalize(path)
    except PathRefused as refused:
        engine_error(refused.message)
        return None


def localize_path(os_path: str) -> str:
    return POLICY.localize(os_path)


def _resolve(path: str, follow_links: bool = True) -> tuple[str | None, int]:
    """(OS path, OK) or (None, error code) after reporting a refusal."""
    try:
        return POLICY.globalize(path, follow_links), OK
    except PathRefused as refused:
        engine_error(refused.message)
        return None, refused.code


def _join(base: str, path: str) -> str:
    """Godot's ``base.path_join(path)`` unless ``path`` is already absolute."""
    path = str(path).replace("\\", "/")
    if _SCHEME.match(path) or path.startswith("/") or not base:
        return path
    return base + path if base.endswith("/") else base + "/" + path


def _simplify(path: str) -> str:
    """Collapse ``.`` and ``..`` in a Godot path, keeping its prefix (``..`` stops at it)."""
    match = _SCHEME.match(path)
    prefix = match.group() if match else ("/" if path.startswith("/") else "")
    parts: list[str] = []
    for part in path[len(prefix):].split("/"):
        if part in ("", "."):
            continue
        if part != "..":
            parts.append(part)
        elif parts:
            parts.pop()
    return prefix + "/".join(parts)


# * Streams: a plain file, or Godot's compressed block format -----------------------

_MAGIC = b"GCPF"
_BLOCK_SIZE = 4096
COMPRESSION_FASTLZ, COMPRESSION_DEFLATE, COMPRESSION_ZSTD, COMPRESSION_GZIP, COMPRESSION_BROTLI = range(5)


def _compress(data: bytes, mode: int) -> bytes:
    import zlib
    if mode == COMPRESSION_GZIP:
        packer = zlib.compressobj(6, zlib.DEFLATED, 31)
        return packer.compress(data) + packer.flush()
    return zlib.compress(data)


def _decompress(data: bytes, mode: int) -> bytes:
    import zlib
    return zlib.decompress(data, 31 if mode == COMPRESSION_GZIP else 15)


def read_compressed(raw: bytes) -> tuple[int, bytes]:
    """(Error, content) of a file in Godot's compressed format."""
    import zlib
    if raw[:4] != _MAGIC or len(raw) < 16:
        return ERR_FILE_UNRECOGNIZED, b""
    mode, block_size, total = struct.unpack_from("<III", raw, 4)
    if mode not in (COMPRESSION_DEFLATE, COMPRESSION_GZIP):
        return ERR_UNAVAILABLE, b""
    count = total // max(block_size, 1) + 1
    sizes = struct.unpack_from(f"<{count}I", raw, 16)
    position, content = 16 + 4 * count, bytearray()
    try:
        for size in sizes:
            if size:
                content += _decompress(raw[position:position + size], mode)
            position += size
    except zlib.error:
        return ERR_FILE_CORRUPT, b""
    return (OK, bytes(content)) if len(content) == total else (ERR_FILE_CORRUPT, b"")


def write_compressed(content: bytes, mode: int) -> bytes:
    count = len(content) // _BLOCK_SIZE + 1
    blocks = [_compress(content[i * _BLOCK_SIZE:(i + 1) * _BLOCK_SIZE], mode) for i in range(count)]
    header = _MAGIC + struct.pack(f"<III{count}I", mode, _BLOCK_SIZE, len(content), *map(len, blocks))
    return header + b"".join(blocks) + _MAGIC


def _os_mode(flags: int) -> str | None:
    return {1: "rb", 2: "wb", 3: "r+b", 7: "w+b"}.get(flags)


def _open_os(os_path: str, flags: int) -> tuple[Any, int]:
    """(Python file, OK) or (None, Error) like FileAccessUnix::open_internal."""
    mode = _os_mode(flags)
    if mode is None:
        return None, ERR_INVALID_PARAMETER
    if os.path.isdir(os_path):
        return None, ERR_FILE_CANT_OPEN
    try:
        return open(os_path, mode), OK  # noqa: SIM115 (kept open by the FileAccess)
    except FileNotFoundError:
        return None, ERR_FILE_NOT_FOUND
    except OSError:
        return None, ERR_FILE_CANT_OPEN


class _CompressedSink(io.BytesIO):
    """In-memory content of a compressed file, written to disk when closed."""

    def __init__(self, target: Any, mode: int, content: bytes = b"") -> None:
        super().__init__(content)
        self.target = target
        self.mode = mode

    def close(self) -> None:
        if self.target is not None and not self.closed:
            self.target.write(write_compressed(self.getvalue(), self.mode))
            self.target.close()
            self.target = None
        super().close()


_OPEN_ERROR = {"file": OK, "dir": OK}
_NOT_OPEN = ('Parameter "f" is null.', "File must be opened before use.")


def _packed_bytes(data: bytes) -> Any:
    from .packed import PackedByteArray
    return PackedByteArray(data)


def _packed_strings(values: Any) -> Any:
    from .packed import PackedStringArray
    return PackedStringArray([str(v) for v in values])


# Every FileAccess with an open file: what the process closes at exit (Godot frees every
# object when it quits, which flushes and closes its files).
OPEN_FILES: weakref.WeakSet[Any] = weakref.WeakSet()


def close_open_files() -> None:
    """Close (flush, delete if temporary) every file a script left open."""
    for file in list(OPEN_FILES):
        try:
            file._gd_close()
        except OSError as exc:  # a full disk...: say so, and close the others
            sys.stderr.write(f"gdscript: could not finish writing {file._gd_path}: "
                             f"{exc.strerror or exc}\n")


# * FileAccess (4.x) -----------------------------------------------------------------

class FileAccess(RefCounted):
    """Godot 4's FileAccess: static ``open`` returns an instance or null."""

    GODOT_NAME = "FileAccess"
    _GD_DIALECT = 4
    READ, WRITE, READ_WRITE, WRITE_READ = 1, 2, 3, 7
    COMPRESSION_FASTLZ = COMPRESSION_FASTLZ
    COMPRESSION_DEFLATE = COMPRESSION_DEFLATE
    COMPRESSION_ZSTD = COMPRESSION_ZSTD
    COMPRESSION_GZIP = COMPRESSION_GZIP
    COMPRESSION_BROTLI = COMPRESSION_BROTLI
    UNIX_READ_OWNER, UNIX_WRITE_OWNER, UNIX_EXECUTE_OWNER = 256, 128, 64
    UNIX_READ_GROUP, UNIX_WRITE_GROUP, UNIX_EXECUTE_GROUP = 32, 16, 8
    UNIX_READ_OTHER, UNIX_WRITE_OTHER, UNIX_EXECUTE_OTHER = 4, 2, 1
    UNIX_SET_USER_ID, UNIX_SET_GROUP_ID, UNIX_RESTRICTED_DELETE = 2048, 1024, 512

    def __init__(self) -> None:
        super().__init__()
        self._gd_stream: Any = None
        self._gd_path = ""
        self._gd_os_path = ""
        self._gd_error = OK
        self._gd_big_endian = False
        self._gd_delete_on_close = False

    def __del__(self) -> None:
        try:
            self._gd_close()
        except Exception:  # noqa: BLE001 (interpreter shutdown: nothing to report to)
            pass

    # Opening ---------------------------------------------------------------
    def _gd_open(self, path: str, flags: int, compression: int | None = None) -> int:
        self._gd_close()
        os_path, error = _resolve(path)
        if os_path is None:
            return error
        if compression is not None:
            return self._gd_open_compressed(str(path), os_path, flags, compression)
        stream, error = _open_os(os_path, flags)
        if stream is None:
            return error
        self._gd_stream, self._gd_path, self._gd_os_path = stream, str(path), os_path
        OPEN_FILES.add(self)
        self._gd_error = OK
        return OK

    def _gd_open_compressed(self, path: str, os_path: str, flags: int, mode: int) -> int:
        if mode not in (COMPRESSION_DEFLATE, COMPRESSION_GZIP):
            engine_error(f"Compression mode {mode} is not available: only COMPRESSION_DEFLATE "
                         f"and COMPRESSION_GZIP are supported.")
            return ERR_UNAVAILABLE
        if flags == self.READ_WRITE:
            return ERR_UNAVAILABLE
        raw, error = _open_os(os_path, flags)
        if raw is None:
            return error
        if flags & self.WRITE:
            stream: Any = _CompressedSink(raw, mode)
        else:
            with raw:
                error, content = read_compressed(raw.read())
            if error != OK:
                return error
            stream = io.BytesIO(content)
        self._gd_stream, self._gd_path, self._gd_os_path = stream, path, os_path
        OPEN_FILES.add(self)
        self._gd_error = OK
        return OK

    def _gd_close(self) -> None:
        stream, self._gd_stream = self._gd_stream, None
        OPEN_FILES.discard(self)
        if stream is not None:
            stream.close()
            if self._gd_delete_on_close:
                try:
                    os.remove(self._gd_os_path)
                except OSError:
                    pass

    @classmethod
    def _gd_make(cls, path: str, flags: int, compression: int | None = None) -> Any:
        file = cls()
        error = file._gd_open(path, flags, compression)
        _OPEN_ERROR["file"] = error
        return file if error == OK else None

    @staticmethod
    def open(path: str, flags: int) -> Any:
        return FileAccess._gd_make(path, flags)

    @staticmethod
    def open_compressed(path: str, mode_flags: int, compression_mode: int = 0) -> Any:
        return FileAccess._gd_make(path, mode_flags, compression_mode)

    @staticmethod
    def open_encrypted(path: str, mode_flags: int, key: Any, iv: Any = None) -> Any:
        return _no_encryption()

    @staticmethod
    def open_encrypted_with_pass(path: str, mode_flags: int, pass_: str) -> Any:
        return _no_encryption()

    @staticmethod
    def create_temp(mode_flags: int, prefix: str = "", extension: str = "", keep: bool = False) -> Any:
        import tempfile
        folder = POLICY.user_root() if POLICY.confined else tempfile.gettempdir()
        suffix = "." + str(extension).lstrip(".") if extension else ""
        handle, os_path = tempfile.mkstemp(suffix, str(prefix) or "_", folder)
        os.close(handle)
        path = POLICY.localize(os_path) if POLICY.confined else os_path
        file = FileAccess._gd_make(path, mode_flags)
        if file is not None:
            file._gd_delete_on_close = not keep
        return file

    @staticmethod
    def get_open_error() -> int:
        return _OPEN_ERROR["file"]

    # Whole files -------------------------------------------------------------
    @staticmethod
    def file_exists(path: str) -> bool:
        try:
            return os.path.isfile(POLICY.globalize(path))
        except PathRefused:
            return False

    @staticmethod
    def get_file_as_bytes(path: str) -> Any:
        os_path, error = _resolve(path)
        stream, error = _open_os(os_path, 1) if os_path else (None, error)
        _OPEN_ERROR["file"] = error
        if stream is None:
            return _packed_bytes(b"")
        with stream:
            return _packed_bytes(stream.read())

    @staticmethod
    def get_file_as_string(path: str) -> str:
        return bytes(FileAccess.get_file_as_bytes(path)).decode("utf-8", errors="replace")

    @staticmethod
    def get_md5(path: str) -> str:
        return _digest(path, "md5")

    @staticmethod
    def get_sha256(path: str) -> str:
        return _digest(path, "sha256")

    @staticmethod
    def get_modified_time(file: str) -> int:
        return _stat_field(file, "st_mtime")

    @staticmethod
    def get_access_time(file: str) -> int:
        return _stat_field(file, "st_atime")

    @staticmethod
    def get_size(file: str) -> int:
        os_path, _ = _resolve(file)
        if os_path is None or not os.path.isfile(os_path):
            engine_error(f"Cannot create FileAccess for path '{file}'.")
            return -1
        return os.path.getsize(os_path)

    @staticmethod
    def get_unix_permissions(file: str) -> int:
        return _stat_field(file, "st_mode") & 0o7777

    @staticmethod
    def set_unix_permissions(file: str, permissions: int) -> int:
        os_path, error = _resolve(file)
        if os_path is None:
            return error
        try:
            os.chmod(os_path, int(permissions) & 0o7777)
        except OSError:
            return FAILED
        return OK

    @staticmethod
    def get_hidden_attribute(file: str) -> bool:
        return False

    @staticmethod
    def set_hidden_attribute(file: str, hidden: bool) -> int:
        return ERR_UNAVAILABLE

    @staticmethod
    def get_read_only_attribute(file: str) -> bool:
        return False

    @staticmethod
    def set_read_only_attribute(file: str, ro: bool) -> int:
        return ERR_UNAVAILABLE

    # State -------------------------------------------------------------------
    @property
    def big_endian(self) -> bool:
        return self._gd_big_endian

    @big_endian.setter
    def big_endian(self, value: bool) -> None:
        self._gd_big_endian = bool(value)

    def is_open(self) -> bool:
        return self._gd_stream is not None

    def close(self) -> None:
        self._gd_close()

    def flush(self) -> None:
        if self._gd_check():
            self._gd_stream.flush()

    def get_error(self) -> int:
        return self._gd_error

    def eof_reached(self) -> bool:
        return self._gd_check() and self._gd_error == ERR_FILE_EOF

    def get_path(self) -> str:
        return self._gd_path

    def get_path_absolute(self) -> str:
        return self._gd_os_path.replace(os.sep, "/")

    def get_position(self) -> int:
        return self._gd_stream.tell() if self._gd_check() else 0

    def get_length(self) -> int:
        if not self._gd_check():
            return 0
        position = self._gd_stream.tell()
        length = self._gd_stream.seek(0, io.SEEK_END)
        self._gd_stream.seek(position)
        return length

    def seek(self, position: int) -> None:
        if self._gd_check():
            if position < 0:
                engine_error('Condition "p_position < 0" is true.')
                return
            self._gd_stream.seek(position)
            self._gd_error = OK

    def seek_end(self, position: int = 0) -> None:
        if self._gd_check():
            self._gd_stream.seek(max(self.get_length() + position, 0))
            self._gd_error = OK

    def resize(self, length: int) -> int:
        if not self._gd_check():
            return ERR_FILE_CANT_OPEN
        try:
            self._gd_stream.truncate(max(int(length), 0))
        except OSError:
            return FAILED
        return OK

    def _gd_check(self) -> bool:
        if self._gd_stream is None:
            engine_error(*_NOT_OPEN)
            return False
        return True

    # Reading -----------------------------------------------------------------
    def _gd_read(self, size: int) -> bytes:
        if not self._gd_check():
            return b"\0" * size
        try:
            data = self._gd_stream.read(size)
        except (OSError, ValueError):
            data = b""
        if len(data) < size:
            self._gd_error = ERR_FILE_EOF
        return data

    def _gd_unpack(self, fmt: str) -> Any:
        size = struct.calcsize(fmt)
        data = self._gd_read(size).ljust(size, b"\0")
        return struct.unpack((">" if self._gd_big_endian else "<") + fmt, data)[0]

    def get_8(self) -> int:
        return self._gd_unpack("B")

    def get_16(self) -> int:
        return self._gd_unpack("H")

    def get_32(self) -> int:
        return self._gd_unpack("I")

    def get_64(self) -> int:
        value = self._gd_unpack("Q")
        return value - (1 << 64) if value >= 1 << 63 else value

    def get_half(self) -> float:
        return self._gd_unpack("e")

    def get_float(self) -> float:
        return self._gd_unpack("f")

    def get_double(self) -> float:
        return self._gd_unpack("d")

    def get_real(self) -> float:
        return self.get_float()

    def get_buffer(self, length: int) -> Any:
        if length < 0:
            engine_error('Condition "p_length < 0" is true. Returning: data',
                         "Length of buffer cannot be smaller than 0.")
            return _packed_bytes(b"")
        return _packed_bytes(self._gd_read(int(length)))

    def get_line(self) -> str:
        line = bytearray()
        while True:
            data = self._gd_read(1)
            if not data or data in (b"\n", b"\0"):
                break
            if data != b"\r":
                line += data
        return line.decode("utf-8", errors="replace")

    def get_as_text(self) -> str:
        if not self._gd_check():
            return ""
        position = self._gd_stream.tell()
        self._gd_stream.seek(0)
        data = self._gd_stream.read()
        self._gd_stream.seek(position)
        return data.decode("utf-8", errors="replace")

    def get_csv_line(self, delim: str = ",") -> Any:
        if len(delim) != 1:
            engine_error('Condition "p_delim.length() != 1" is true. Returning: Vector<String>()',
                         "Only single character delimiters are supported to parse CSV lines.")
            return _packed_strings([])
        return _packed_strings(_parse_csv(self._gd_csv_text(), delim))

    def _gd_csv_text(self) -> str:
        text = ""
        while True:
            if self.eof_reached():
                break
            text += self.get_line() + "\n"
            if text.count('"') % 2 == 0:
                break
        return text[:-1]

    def get_pascal_string(self) -> str:
        length = self.get_32()
        return self._gd_read(length).decode("utf-8", errors="replace")

    def get_var(self, allow_objects: bool = False) -> Any:
        from .marshalls import MarshallError, decode_variant
        length = self.get_32()
        data = self._gd_read(length)
        if len(data) != length:
            engine_error('Condition "(uint32_t)buff.size() != len" is true. Returning: Variant()')
            return None
        try:
            return decode_variant(data, self._GD_DIALECT)
        except (MarshallError, struct.error, ValueError):
            engine_error('Condition "err != OK" is true. Returning: Variant()',
                         "Error when trying to decode Variant.")
            return None

    # Writing -----------------------------------------------------------------
    def _gd_write(self, data: bytes) -> bool:
        if not self._gd_check():
            return False
        try:
            self._gd_stream.write(data)
        except (OSError, ValueError):
            self._gd_error = ERR_FILE_CANT_WRITE
            return False
        return True

    def _gd_pack(self, fmt: str, value: Any) -> bool:
        order = ">" if self._gd_big_endian else "<"
        if fmt in "BHIQ":
            value = int(value) & ((1 << (8 * struct.calcsize(fmt))) - 1)
        try:
            return self._gd_write(struct.pack(order + fmt, value))
        except (OverflowError, struct.error):
            return self._gd_write(struct.pack(order + fmt, float("inf") if value > 0 else float("-inf")))

    def store_8(self, value: int) -> bool:
        return self._gd_pack("B", value)

    def store_16(self, value: int) -> bool:
        return self._gd_pack("H", value)

    def store_32(self, value: int) -> bool:
        return self._gd_pack("I", value)

    def store_64(self, value: int) -> bool:
        return self._gd_pack("Q", value)

    def store_half(self, value: float) -> bool:
        return self._gd_pack("e", float(value))

    def store_float(self, value: float) -> bool:
        return self._gd_pack("f", float(value))

    def store_double(self, value: float) -> bool:
        return self._gd_pack("d", float(value))

    def store_real(self, value: float) -> bool:
        return self.store_float(value)

    def store_buffer(self, buffer: Any) -> bool:
        return self._gd_write(bytes(buffer))

    def store_string(self, string: str) -> bool:
        return self._gd_write(_utf8(string))

    def store_line(self, line: str) -> bool:
        return self._gd_write(_utf8(line) + b"\n")

    def store_csv_line(self, values: Any, delim: str = ",") -> bool:
        if len(delim) != 1:
            engine_error('Condition "p_delim.length() != 1" is true. Returning: false',
                         "Only single character delimiters are supported to parse CSV lines.")
            return False
        return self.store_line(_csv_line(values, delim))

    def store_pascal_string(self, string: str) -> bool:
        data = _utf8(string)
        return self.store_32(len(data)) and self._gd_write(data)

    def store_var(self, value: Any, full_objects: bool = False) -> bool:
        from .marshalls import encode_variant
        data = bytes(encode_variant(value, self._GD_DIALECT))
        return self.store_32(len(data)) and self._gd_write(data)


def _utf8(text: Any) -> bytes:
    return str(text).encode("utf-8", errors="surrogatepass")


def _no_encryption() -> None:
    engine_error("Encrypted files are not available: this runtime has no AES implementation.")
    _OPEN_ERROR["file"] = ERR_UNAVAILABLE
    return None


def _digest(path: str, algorithm: str) -> str:
    import hashlib
    os_path, _ = _resolve(path)
    if os_path is None or not os.path.isfile(os_path):
        return ""
    try:
        with open(os_path, "rb") as stream:
            return hashlib.new(algorithm, stream.read()).hexdigest()
    except OSError:
        return ""


def _stat_field(file: str, field: str) -> int:
    os_path, _ = _resolve(file)
    if os_path is None:
        return 0
    try:
        return int(getattr(os.stat(os_path), field))
    except OSError:
        return 0


def _parse_csv(line: str, delim: str) -> list[str]:
    fields, current, in_quote, index = [], "", False, 0
    while index < len(line):
        char = line[index]
        if not in_quote and char == delim:
            fields.append(current)
            current = ""
        elif char == '"':
            if in_quote and line[index + 1:index + 2] == '"':
                current += '"'
                index += 1
            else:
                in_quote = not in_quote
        else:
            current += char
        index += 1
    fields.append(current)
    return fields


def _csv_line(values: Any, delim: str) -> str:
    cells = []
    for value in values:
        value = str(value)
        if '"' in value or delim in value or "\n" in value:
            value = '"' + value.replace('"', '""') + '"'
        cells.append(value)
    return delim.join(cells)


# * File (3.x) -----------------------------------------------------------------------

class File3(Reference):
    """Godot 3's File: ``File.new()``, then ``open(path, mode)`` returning an Error."""

    GODOT_NAME = "File"
    READ, WRITE, READ_WRITE, WRITE_READ = 1, 2, 3, 7
    COMPRESSION_FASTLZ = COMPRESSION_FASTLZ
    COMPRESSION_DEFLATE = COMPRESSION_DEFLATE
    COMPRESSION_ZSTD = COMPRESSION_ZSTD
    COMPRESSION_GZIP = COMPRESSION_GZIP

    def __init__(self) -> None:
        super().__init__()
        self._gd_file = _File3Access()

    def open(self, path: str, flags: int) -> int:
        return self._gd_file._gd_open(path, flags)

    def open_compressed(self, path: str, mode_flags: int, compression_mode: int = 0) -> int:
        return self._gd_file._gd_open(path, mode_flags, compression_mode)

    def open_encrypted(self, path: str, mode_flags: int, key: Any) -> int:
        _no_encryption()
        return ERR_UNAVAILABLE

    def open_encrypted_with_pass(self, path: str, mode_flags: int, password: str) -> int:
        _no_encryption()
        return ERR_UNAVAILABLE

    def file_exists(self, path: str) -> bool:
        return FileAccess.file_exists(path)

    def get_md5(self, path: str) -> str:
        return _digest(path, "md5")

    def get_sha256(self, path: str) -> str:
        return _digest(path, "sha256")

    def get_modified_time(self, file: str) -> int:
        return _stat_field(file, "st_mtime")

    def get_len(self) -> int:
        return self._gd_file.get_length()

    def get_as_text(self) -> str:
        # 3.x reads the file line by line from the start, dropping carriage returns.
        file = self._gd_file
        if not file._gd_check():
            return ""
        position = file.get_position()
        file.seek(0)
        lines = [file.get_line()]
        while not file.eof_reached():
            lines.append(file.get_line())
        file.seek(position)
        return "\n".join(lines)

    @property
    def endian_swap(self) -> bool:
        return self._gd_file._gd_big_endian

    @endian_swap.setter
    def endian_swap(self, value: bool) -> None:
        self._gd_file._gd_big_endian = bool(value)

    def get_endian_swap(self) -> bool:
        return self.endian_swap

    def set_endian_swap(self, enable: bool) -> None:
        self.endian_swap = enable


class _File3Access(FileAccess):
    """FileAccess with the 3.x encoding of ``store_var`` / ``get_var``."""

    _GD_DIALECT = 3


def _file3_forward(name: str, returns: bool) -> Any:
    def method(self: File3, *args: Any) -> Any:
        result = getattr(self._gd_file, name)(*args)
        return result if returns else None
    method.__name__ = name
    return method


for _name in ("close", "flush", "is_open", "get_error", "eof_reached", "get_path", "get_path_absolute",
              "get_position", "seek", "seek_end", "get_8", "get_16", "get_32", "get_64",
              "get_float", "get_double", "get_real", "get_buffer", "get_line", "get_csv_line",
              "get_pascal_string", "get_var"):
    setattr(File3, _name, _file3_forward(_name, True))
for _name in ("store_8", "store_16", "store_32", "store_64", "store_float", "store_double",
              "store_real", "store_buffer", "store_string", "store_line", "store_csv_line",
              "store_pascal_string", "store_var"):
    setattr(File3, _name, _file3_forward(_name, False))
File3.__module__ = __name__


# * DirAccess (4.x) ------------------------------------------------------------------

class DirAccess(RefCounted):
    """Godot 4's DirAccess: a current folder, listing, and file-system operations."""

    GODOT_NAME = "DirAccess"

    def __init__(self) -> None:
        super().__init__()
        self._gd_current = "res://"
        self._gd_listing: list[str] | None = None
        self._gd_current_is_dir = False
        self._gd_include_navigational = False
        self._gd_include_hidden = False

    @property
    def include_navigational(self) -> bool:
        return self._gd_include_navigational

    @include_navigational.setter
    def include_navigational(self, value: bool) -> None:
        self._gd_include_navigational = bool(value)

    @property
    def include_hidden(self) -> bool:
        return self._gd_include_hidden

    @include_hidden.setter
    def include_hidden(self, value: bool) -> None:
        self._gd_include_hidden = bool(value)

    def set_include_navigational(self, enable: bool) -> None:
        self.include_navigational = enable

    def get_include_navigational(self) -> bool:
        return self.include_navigational

    def set_include_hidden(self, enable: bool) -> None:
        self.include_hidden = enable

    def get_include_hidden(self) -> bool:
        return self.include_hidden

    # Opening and the current folder -----------------------------------------------
    @classmethod
    def _gd_make(cls, path: str) -> Any:
        folder = cls()
        error = folder.change_dir(path)
        _OPEN_ERROR["dir"] = error
        return folder if error == OK else None

    @staticmethod
    def open(path: str) -> Any:
        return DirAccess._gd_make(path)

    @staticmethod
    def get_open_error() -> int:
        return _OPEN_ERROR["dir"]

    @staticmethod
    def create_temp(prefix: str = "", keep: bool = False) -> Any:
        import tempfile
        folder = POLICY.user_root() if POLICY.confined else tempfile.gettempdir()
        os_path = tempfile.mkdtemp("", str(prefix) or "_", folder)
        return DirAccess._gd_make(POLICY.localize(os_path) if POLICY.confined else os_path)

    def _gd_path(self, path: str) -> str:
        return _simplify(_join(self._gd_current, str(path)))

    def _gd_os(self, path: str, follow_links: bool = True) -> tuple[str | None, int]:
        return _resolve(self._gd_path(path), follow_links)

    def change_dir(self, to_dir: str) -> int:
        target = self._gd_path(to_dir)
        os_path, error = _resolve(target)
        if os_path is None:
            return error
        if not os.path.isdir(os_path):
            return ERR_INVALID_PARAMETER
        self._gd_current = target
        return OK

    def get_current_dir(self, include_drive: bool = True) -> str:
        return self._gd_current

    def get_current_drive(self) -> int:
        return 0

    @staticmethod
    def get_drive_count() -> int:
        return 0

    @staticmethod
    def get_drive_name(idx: int) -> str:
        return ""

    def get_space_left(self) -> int:
        import shutil
        os_path, _ = self._gd_os(".")
        try:
            return shutil.disk_usage(os_path).free if os_path else 0
        except OSError:
            return 0

    def get_filesystem_type(self) -> str:
        return ""

    def is_case_sensitive(self, path: str) -> bool:
        return True

    def is_bundle(self, path: str) -> bool:
        return False

    def is_equivalent(self, path_a: str, path_b: str) -> bool:
        first, _ = self._gd_os(path_a)
        second, _ = self._gd_os(path_b)
        try:
            return bool(first and second) and os.path.samefile(first, second)
        except OSError:
            return False

    # Listing -----------------------------------------------------------------------
    def list_dir_begin(self) -> int:
        os_path, error = self._gd_os(".")
        if os_path is None:
            return error
        try:
            names = sorted(os.listdir(os_path))
        except OSError:
            return ERR_FILE_CANT_OPEN
        self._gd_listing = [".", ".."] + names
        return OK

    def get_next(self) -> str:
        while self._gd_listing:
            name = self._gd_listing.pop(0)
            if name in (".", "..") and not self._gd_include_navigational:
                continue
            if name.startswith(".") and name not in (".", "..") and not self._gd_include_hidden:
                continue
            os_path, _ = self._gd_os(name)
            self._gd_current_is_dir = bool(os_path) and os.path.isdir(os_path)
            return name
        self.list_dir_end()
        return ""

    def current_is_dir(self) -> bool:
        return self._gd_current_is_dir

    def list_dir_end(self) -> None:
        self._gd_listing = None
        self._gd_current_is_dir = False

    def _gd_contents(self, directories: bool) -> Any:
        names = []
        if self.list_dir_begin() == OK:
            name = self.get_next()
            while name:
                if self.current_is_dir() == directories:
                    names.append(name)
                name = self.get_next()
        return _packed_strings(sorted(names))

    def get_files(self) -> Any:
        return self._gd_contents(False)

    def get_directories(self) -> Any:
        return self._gd_contents(True)

    @staticmethod
    def get_files_at(path: str) -> Any:
        return DirAccess._gd_contents_at(path, False)

    @staticmethod
    def get_directories_at(path: str) -> Any:
        return DirAccess._gd_contents_at(path, True)

    @staticmethod
    def _gd_contents_at(path: str, directories: bool) -> Any:
        folder = DirAccess._gd_make(path)
        if folder is None:
            engine_error('Condition "da.is_null()" is true. Returning: PackedStringArray()',
                         f'Couldn\'t open directory at path "{path}".')
            return _packed_strings([])
        return folder._gd_contents(directories)

    # Queries and changes --------------------------------------------------------------
    def file_exists(self, path: str) -> bool:
        os_path, _ = self._gd_os_quiet(path)
        return bool(os_path) and os.path.isfile(os_path)

    def dir_exists(self, path: str) -> bool:
        os_path, _ = self._gd_os_quiet(path)
        return bool(os_path) and os.path.isdir(os_path)

    def _gd_os_quiet(self, path: str, follow_links: bool = True) -> tuple[str | None, int]:
        try:
            return POLICY.globalize(self._gd_path(path), follow_links), OK
        except PathRefused as refused:
            return None, refused.code

    @staticmethod
    def dir_exists_absolute(path: str) -> bool:
        return DirAccess().dir_exists(path)

    def make_dir(self, path: str) -> int:
        os_path, error = self._gd_os(path)
        if os_path is None:
            return error
        try:
            os.mkdir(os_path)
        except FileExistsError:
            return ERR_ALREADY_EXISTS
        except OSError:
            return ERR_CANT_CREATE
        return OK

    def make_dir_recursive(self, path: str) -> int:
        os_path, error = self._gd_os(path)
        if os_path is None:
            return error
        try:
            os.makedirs(os_path, exist_ok=True)
        except OSError:
            return ERR_CANT_CREATE
        return OK

    @staticmethod
    def make_dir_absolute(path: str) -> int:
        return DirAccess().make_dir(path)

    @staticmethod
    def make_dir_recursive_absolute(path: str) -> int:
        return DirAccess().make_dir_recursive(path)

    def remove(self, path: str) -> int:
        os_path, error = self._gd_os(path, follow_links=False)
        if os_path is None:
            return error
        try:
            if os.path.isdir(os_path) and not os.path.islink(os_path):
                os.rmdir(os_path)
            else:
                os.remove(os_path)
        except OSError:
            return FAILED
        return OK

    @staticmethod
    def remove_absolute(path: str) -> int:
        return DirAccess().remove(path)

    def rename(self, from_: str, to: str) -> int:
        source, error = self._gd_os(from_, follow_links=False)
        target, error2 = self._gd_os(to, follow_links=False)
        if source is None or target is None:
            return error if source is None else error2
        try:
            os.replace(source, target)
        except OSError:
            return FAILED
        return OK

    @staticmethod
    def rename_absolute(from_: str, to: str) -> int:
        return DirAccess().rename(from_, to)

    def copy(self, from_: str, to: str, chmod_flags: int = -1) -> int:
        import shutil
        source, error = self._gd_os(from_)
        if source is None:
            return error
        stream, error = _open_os(source, 1)
        if stream is None:
            engine_error('Condition "err != OK" is true. Returning: err', f"Failed to open {from_}")
            return error
        target, error = self._gd_os(to)
        sink, error = _open_os(target, 2) if target else (None, error)
        if sink is None:
            stream.close()
            engine_error('Condition "err != OK" is true. Returning: err', f"Failed to open {to}")
            return error
        with stream, sink:
            shutil.copyfileobj(stream, sink)
        if chmod_flags != -1:
            os.chmod(target, int(chmod_flags) & 0o7777)
        return OK

    @staticmethod
    def copy_absolute(from_: str, to: str, chmod_flags: int = -1) -> int:
        return DirAccess().copy(from_, to, chmod_flags)

    def is_link(self, path: str) -> bool:
        os_path, _ = self._gd_os_quiet(path, follow_links=False)
        return bool(os_path) and os.path.islink(os_path)

    def read_link(self, path: str) -> str:
        os_path, _ = self._gd_os_quiet(path, follow_links=False)
        try:
            return os.readlink(os_path) if os_path else str(path)
        except OSError:
            return str(path)

    def create_link(self, source: str, target: str) -> int:
        source_os, error = self._gd_os(source)
        target_os, error2 = self._gd_os(target, follow_links=False)
        if source_os is None or target_os is None:
            return error if source_os is None else error2
        try:
            os.symlink(source_os, target_os)
        except OSError:
            return FAILED
        return OK




# * Directory (3.x) ------------------------------------------------------------------

class Directory3(Reference):
    """Godot 3's Directory: ``Directory.new()``, ``open(path)`` returning an Error."""

    GODOT_NAME = "Directory"

    def __init__(self) -> None:
        super().__init__()
        self._gd_dir = DirAccess()

    def open(self, path: str) -> int:
        return self._gd_dir.change_dir(path)

    def list_dir_begin(self, skip_navigational: bool = False, skip_hidden: bool = False) -> int:
        self._gd_dir.include_navigational = not skip_navigational
        self._gd_dir.include_hidden = not skip_hidden
        return self._gd_dir.list_dir_begin()

    def get_drive(self, idx: int) -> str:
        return ""


def _directory3_forward(name: str) -> Any:
    def method(self: Directory3, *args: Any) -> Any:
        return getattr(self._gd_dir, name)(*args)
    method.__name__ = name
    return method


for _name in ("get_next", "current_is_dir", "list_dir_end", "change_dir", "get_current_dir",
              "get_current_drive", "get_drive_count", "get_space_left", "make_dir",
              "make_dir_recursive", "file_exists", "dir_exists", "remove", "rename", "copy"):
    setattr(Directory3, _name, _directory3_forward(_name))


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"FileAccess": FileAccess, "DirAccess": DirAccess}
GODOT_CLASSES_3 = {"File": File3, "Directory": Directory3}
