"""The sandbox for untrusted scripts (default for ``doctest``, ``run --sandbox``).

What a sandboxed script can reach:

* Python internals: never, sandboxed or not.  Every member, index and call on a
  value goes through ``access.Hooks``, which only knows Godot's API (so
  ``get("__class__")``, ``call("__init__")`` and dunder names fail as unknown
  members); compiled code never applies Python attribute access to a value.
* Processes: ``OS.execute``, ``create_process``, ``shell_open``, ``kill``... are
  refused with a script error (``stdlib.system.set_sandbox``).
* Files: only ``res://`` and ``user://`` (no absolute paths, no ``..`` or symlink
  escaping a root: ``stdlib.files.set_confined``).
* Network: loopback addresses only (the ``--offline`` fixture server included)
  unless ``allow_net`` (``stdlib.http_client.LOOPBACK_ONLY``).
* Memory: at most ``max_memory`` MB more than the process used on entry
  (:class:`memory_ceiling`; ``run --max-memory``, default ``DEFAULT_MAX_MEMORY_MB``).

``sandboxed()`` switches all of these on for the ``with`` block and restores the
previous settings afterwards.

The memory ceiling has two parts.  A watchdog (``SIGPROF`` every 10 ms of CPU time,
main thread only) compares the resident size with the ceiling and raises
:class:`OutOfMemory`, which scripts cannot catch; the runner reports it as a script
error at the line that was running.  ``RLIMIT_AS`` is the backstop for one huge
allocation between two ticks: it makes that allocation fail with ``MemoryError``
instead of waking the system's out-of-memory killer.
"""

from __future__ import annotations

import os
from types import FrameType

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from collections.abc import Iterator
    from contextlib import AbstractContextManager
    from typing import Any

DEFAULT_MAX_MEMORY_MB = 1024
WATCH_INTERVAL = 0.01  # seconds of CPU time between two looks at the resident size
# Address space is not memory: thread stacks and malloc arenas reserve much more than
# they use, so the hard limit leaves this much room above twice the ceiling.
ADDRESS_SLACK = 1 << 30


class OutOfMemory(BaseException):
    """The run crossed its memory ceiling (a BaseException: scripts cannot catch it)."""

    def __init__(self, limit_mb: float, where: tuple[str, int, str] | None) -> None:
        super().__init__(f"Out of memory: the script used more than {limit_mb:g} MB")
        self.limit_mb = limit_mb
        self.where = where  # (path, line, function) of the GDScript code running, if any

    @property
    def message(self) -> str:
        return (f"Out of memory: the script used more than {self.limit_mb:g} MB "
                "(the run's memory limit).")


def sandboxed(allow_net: bool = False,
              max_memory: float | None = -1) -> AbstractContextManager[None]:
    """The sandbox for the ``with`` block; ``max_memory`` in MB (-1: the module's
    ``DEFAULT_MAX_MEMORY_MB`` at the time of the call; None: no ceiling)."""
    from contextlib import contextmanager  # here: unsandboxed runs start without it

    return contextmanager(_sandboxed)(allow_net, max_memory)


def _sandboxed(allow_net: bool, max_memory: float | None) -> Iterator[None]:
    from gdscript.stdlib import files, http_client, system

    if max_memory == -1:
        max_memory = DEFAULT_MAX_MEMORY_MB
    old = (system.SANDBOX[0], files.POLICY.confined, http_client.LOOPBACK_ONLY[0])
    system.set_sandbox(True)
    files.set_confined(True)
    http_client.LOOPBACK_ONLY[0] = not allow_net
    try:
        with memory_ceiling(max_memory):
            yield
    finally:
        system.set_sandbox(old[0])
        files.set_confined(old[1])
        http_client.LOOPBACK_ONLY[0] = old[2]


def _statm() -> tuple[int, int] | None:
    """(address space, resident size) of this process in bytes; None without /proc."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            size, resident = statm.read().split()[:2]
    except (OSError, ValueError):
        return None
    page = os.sysconf("SC_PAGE_SIZE")
    return int(size) * page, int(resident) * page


def script_location(frame: FrameType | None) -> tuple[str, int, str] | None:
    """(path, line, function) of the innermost GDScript frame at or above ``frame``."""
    from .script import _gd_function_name

    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith(("res://", "user://")) or \
                code.co_filename.endswith(".gd"):
            return code.co_filename, frame.f_lineno, _gd_function_name(code.co_name)
        frame = frame.f_back
    return None


class memory_ceiling:
    """Allow the ``with`` block ``limit_mb`` MB above the resident size at entry (see
    module docs); ``None`` or 0: no limit.  Settings are restored on exit."""

    def __init__(self, limit_mb: float | None) -> None:
        self.limit_mb = limit_mb
        self.ceiling = 0
        self.fired = False
        self.watching = False
        self.old_timer: tuple[float, float] = (0.0, 0.0)
        self.old_handler: Any = None
        self.old_rlimit: tuple[int, int] | None = None

    def __enter__(self) -> memory_ceiling:
        usage = _statm() if self.limit_mb else None
        if usage is None:
            return self
        limit = int(self.limit_mb * (1 << 20))  # type: ignore[operator]
        self.ceiling = usage[1] + limit
        self._limit_address_space(usage[0] + 2 * limit + ADDRESS_SLACK)
        import signal  # here: a run without a ceiling does not need them
        import threading

        if threading.current_thread() is threading.main_thread():
            self.old_handler = signal.signal(signal.SIGPROF, self._tick)
            self.watching = True
            self.old_timer = signal.setitimer(signal.ITIMER_PROF, WATCH_INTERVAL,
                                              WATCH_INTERVAL)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.watching:
            import signal

            signal.setitimer(signal.ITIMER_PROF, *self.old_timer)  # an outer ceiling's, or off
            # None: a handler not set from Python (a profiler's); SIGPROF's default is fatal.
            signal.signal(signal.SIGPROF, self.old_handler if self.old_handler is not None
                          else signal.SIG_IGN)
            self.watching = False
        if self.old_rlimit is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, self.old_rlimit)
            self.old_rlimit = None

    def _limit_address_space(self, size: int) -> None:
        try:
            import resource

            old = resource.getrlimit(resource.RLIMIT_AS)
            hard = old[1]
            if old[0] != resource.RLIM_INFINITY:
                size = min(size, old[0])
            resource.setrlimit(resource.RLIMIT_AS, (
                size if hard == resource.RLIM_INFINITY else min(size, hard), hard))
            self.old_rlimit = old
        except (ImportError, OSError, ValueError):  # no rlimits here: the watchdog alone
            pass

    def _tick(self, signum: int, frame: FrameType | None) -> None:
        if self.fired:
            return  # once: the runner is unwinding and reporting
        usage = _statm()
        if usage is not None and usage[1] > self.ceiling:
            self.fired = True
            raise OutOfMemory(self.limit_mb or 0, script_location(frame))
