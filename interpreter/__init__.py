"""gdscript: Godot's GDScript (3.x and 4.x) running in Python, without Godot."""

__version__ = "0.1.0"
