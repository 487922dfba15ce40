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

``sandboxed()`` switches all of these on for the ``with`` block and restores the
previous settings afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def sandboxed(allow_net: bool = False) -> Iterator[None]:
    from gdscript.stdlib import files, http_client, system

    old = (system.SANDBOX[0], files.POLICY.confined, http_client.LOOPBACK_ONLY[0])
    system.set_sandbox(True)
    files.set_confined(True)
    http_client.LOOPBACK_ONLY[0] = not allow_net
    try:
        yield
    finally:
        system.set_sandbox(old[0])
        files.set_confined(old[1])
        http_client.LOOPBACK_ONLY[0] = old[2]
