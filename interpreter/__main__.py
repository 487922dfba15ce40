"""``python -m gdscript``: the same as the ``gdscript`` command."""

from .cli import console_main

console_main()
