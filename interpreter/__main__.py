"""``python -m gdscript``: the same as the ``gdscript`` command."""

import sys

from .cli import main

sys.exit(main())
