"""The GDScript grammar (``gdscript.lark``), shipped as package data.

One LALR(1) grammar covers both Godot 3.x and Godot 4.x GDScript; the dialect
is decided after parsing (see ``gdscript.parser``).
"""

from pathlib import Path

GRAMMAR_PATH = Path(__file__).with_name("gdscript.lark")
