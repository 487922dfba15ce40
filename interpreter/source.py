"""Reading GDScript source files: the one place a file's bytes become text.

Every problem a user can cause here (a missing file, a folder, bytes that are
not UTF-8) becomes a ``UsageError`` naming the file, never a Python traceback.
"""

from __future__ import annotations

import os

from .errors import UsageError

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from pathlib import Path

# Larger files are refused rather than read: nothing legitimate is this big (the largest
# scripts of real projects are a few hundred KiB; compiling 1 MiB takes seconds and ~0.5 GB).
MAX_SOURCE_BYTES = 4 * 1024 * 1024


def read_source(path: str | Path) -> str:
    """The text of the script at ``path`` (UTF-8, a leading BOM dropped)."""
    try:
        if os.path.isdir(path):
            raise UsageError(f"{path}: is a folder, not a GDScript file")
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_SOURCE_BYTES:
                raise UsageError(f"{path}: file too large ({size} bytes; "
                                 f"the limit is {MAX_SOURCE_BYTES})")
            data = file.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return decode_source(data, str(path))


def decode_source(data: bytes, name: str) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UsageError(f"{name}:{line}: the file is not valid UTF-8 "
                         f"(byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text
