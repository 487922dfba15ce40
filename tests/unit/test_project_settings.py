"""ProjectSettings: settings read from project.godot, run-only changes, path mapping."""

from __future__ import annotations

import os

import pytest

from gdscript import errors
from gdscript.stdlib import files
from gdscript.stdlib.project_settings import ProjectSettings, ProjectSettings3


@pytest.fixture
def project(tmp_path):
    (tmp_path / "project.godot").write_text(
        'config_version=5\n\n[application]\n\nconfig/name="Demo"\n'
        'run/main_scene="res://main.tscn"\n\n[display]\n\nwindow/size/viewport_width=640\n',
        encoding="utf-8")
    old = (files.POLICY.res_dir, files.POLICY.user_dir, files.POLICY.confined)
    files.set_roots(str(tmp_path), str(tmp_path / "user"))
    yield tmp_path
    files.set_roots(old[0], old[1])
    files.set_confined(old[2])


class TestSettings:
    def test_values_come_from_project_godot_over_defaults(self, project):
        settings = ProjectSettings()
        assert settings.get_setting("application/config/name") == "Demo"
        assert settings.get_setting("display/window/size/viewport_width") == 640
        assert settings.get_setting("display/window/size/viewport_height") == 648
        assert settings.has_setting("application/run/main_scene")

    def test_missing_setting_gives_the_default_value(self, project):
        settings = ProjectSettings()
        assert not settings.has_setting("game/lives")
        assert settings.get_setting("game/lives") is None
        assert settings.get_setting("game/lives", 3) == 3

    def test_set_setting_lasts_for_the_run_and_null_erases(self, project):
        settings = ProjectSettings()
        settings.set_setting("game/lives", 5)
        assert settings.get_setting("game/lives") == 5
        settings.set_setting("game/lives", None)
        assert not settings.has_setting("game/lives")
        assert "lives" not in (project / "project.godot").read_text(encoding="utf-8")

    def test_godot3_defaults_use_godot3_names(self, tmp_path):
        files.set_roots(str(tmp_path))
        try:
            assert ProjectSettings3().get_setting("display/window/size/width") == 1024
            assert ProjectSettings3().get_setting("display/window/size/viewport_width") is None
        finally:
            files.set_roots(None)

    def test_save_is_refused_with_an_engine_error(self, project):
        seen = []
        old = errors.set_engine_error_sink(lambda *entry: seen.append(entry))
        try:
            assert ProjectSettings().save() == 2
        finally:
            errors.set_engine_error_sink(old)
        assert "never rewrites" in seen[0][1]


class TestPaths:
    def test_globalize_and_localize_round_trip(self, project):
        settings = ProjectSettings()
        path = settings.globalize_path("res://saves/slot1.save")
        assert path == os.path.join(os.path.realpath(project), "saves", "slot1.save")
        assert settings.localize_path(path) == "res://saves/slot1.save"
        assert settings.globalize_path("/already/absolute") == "/already/absolute"

    def test_confined_run_refuses_escapes(self, project):
        files.set_confined(True)
        seen = []
        old = errors.set_engine_error_sink(lambda *entry: seen.append(entry))
        try:
            assert ProjectSettings().globalize_path("res://../outside.txt") == ""
        finally:
            errors.set_engine_error_sink(old)
        assert "outside the project" in seen[0][1]
