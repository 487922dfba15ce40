"""ProjectSettings: the project's settings and Godot's path mapping, without an editor.

Settings are read once per project folder from its ``project.godot`` (a ConfigFile:
``[application] config/name="X"`` is the setting ``application/config/name``),
over a few engine defaults scripts commonly read.  ``set_setting`` changes them for
the run only; ``save`` is refused (a run never rewrites the user's project file).
``globalize_path``/``localize_path`` map ``res://`` and ``user://`` as the file
classes do (``stdlib.files``), including the sandbox's confinement.
"""

from __future__ import annotations

import os

from ..errors import engine_error
from .objects import Object

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any

ERR_UNAVAILABLE = 2

# Engine defaults a script may read without a project.godot (Godot 4 names, then 3.x).
_DEFAULTS_4 = {
    "application/config/name": "",
    "application/run/main_scene": "",
    "display/window/size/viewport_width": 1152,
    "display/window/size/viewport_height": 648,
    "physics/common/physics_ticks_per_second": 60,
}
_DEFAULTS_3 = {
    "application/config/name": "",
    "application/run/main_scene": "",
    "display/window/size/width": 1024,
    "display/window/size/height": 600,
    "physics/common/physics_fps": 60,
}


class ProjectSettings(Object):
    """The ``ProjectSettings`` singleton (both dialects)."""

    GODOT_NAME = "ProjectSettings"
    SIGNALS = ("settings_changed",)
    _gd_defaults = _DEFAULTS_4

    def __init__(self) -> None:
        super().__init__()
        self._gd_loaded_for: str | None = None
        self._gd_values: dict[str, Any] = {}

    def _gd_settings(self) -> dict[str, Any]:
        from .files import POLICY

        root = POLICY.res_root()
        if self._gd_loaded_for != root:
            self._gd_loaded_for = root
            self._gd_values = dict(self._gd_defaults)
            self._gd_values.update(_read_project_file(os.path.join(root, "project.godot")))
        return self._gd_values

    def has_setting(self, name: str) -> bool:
        return str(name) in self._gd_settings()

    def get_setting(self, name: str, default_value: Any = None) -> Any:
        return self._gd_settings().get(str(name), default_value)

    def get_setting_with_override(self, name: str) -> Any:
        return self.get_setting(name)

    def set_setting(self, name: str, value: Any) -> None:
        settings = self._gd_settings()
        if value is None:
            settings.pop(str(name), None)
        else:
            settings[str(name)] = value

    def clear(self, name: str) -> None:
        self._gd_settings().pop(str(name), None)

    def globalize_path(self, path: str) -> str:
        from .files import POLICY, PathRefused

        try:
            return POLICY.globalize(str(path)) if _is_godot_path(path) else str(path)
        except PathRefused as refused:
            engine_error(refused.message)
            return ""

    def localize_path(self, path: str) -> str:
        from .files import POLICY

        return str(path) if _is_godot_path(path) else POLICY.localize(str(path))

    def save(self) -> int:
        engine_error("ProjectSettings.save() is not available: a run never rewrites the "
                     "project's project.godot.")
        return ERR_UNAVAILABLE


class ProjectSettings3(ProjectSettings):
    _gd_defaults = _DEFAULTS_3


def _is_godot_path(path: Any) -> bool:
    return str(path).startswith(("res://", "user://"))


def _read_project_file(path: str) -> dict[str, Any]:
    """``section/key`` -> value of a project.godot; empty when there is none."""
    from .config_file import ConfigFile

    if not os.path.isfile(path):
        return {}
    config = ConfigFile()
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return {}
    if config.parse(text) != 0:
        return {}
    values: dict[str, Any] = {}
    for section in config.get_sections():
        for key in config.get_section_keys(section):
            name = f"{section}/{key}" if section else str(key)
            values[name] = config.get_value(section, key)
    return values


GODOT_CLASSES: dict[str, type] = {}
GODOT_CLASSES_4 = {"ProjectSettings": ProjectSettings}
GODOT_CLASSES_3 = {"ProjectSettings": ProjectSettings3}
