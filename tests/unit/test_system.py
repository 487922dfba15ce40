"""OS, Engine and Time singletons.

Calendar values are checked against Godot 3.2.3 (``OS.get_datetime_from_unix_time``,
``OS.get_unix_time_from_datetime``) and the Time API rules of ``core/os/time.cpp``.
"""

from __future__ import annotations

import os
import time

import pytest

from gdscript.errors import ScriptRuntimeError
from gdscript.stdlib import system
from gdscript.stdlib.dictionary import Dictionary

OS4 = system.GODOT_SINGLETONS_4["OS"]
OS3 = system.GODOT_SINGLETONS_3["OS"]
TIME = system.GODOT_SINGLETONS_4["Time"]
ENGINE4 = system.GODOT_SINGLETONS_4["Engine"]
ENGINE3 = system.GODOT_SINGLETONS_3["Engine"]



class TestTime:
    def test_unix_time_to_dict_and_strings(self):
        assert TIME.get_datetime_dict_from_unix_time(1700000000) == {
            "year": 2023, "month": 11, "day": 14, "weekday": 2, "hour": 22, "minute": 13, "second": 20}
        assert TIME.get_datetime_string_from_unix_time(1700000000) == "2023-11-14T22:13:20"
        assert TIME.get_datetime_string_from_unix_time(1700000000, True) == "2023-11-14 22:13:20"
        assert TIME.get_date_string_from_unix_time(0) == "1970-01-01"
        assert TIME.get_time_string_from_unix_time(-1) == "23:59:59"
        assert TIME.get_date_dict_from_unix_time(-86400) == {"year": 1969, "month": 12, "day": 31, "weekday": 3}

    def test_far_dates(self):
        assert TIME.get_datetime_dict_from_unix_time(-62135596800)["year"] == 1
        assert TIME.get_unix_time_from_datetime_string("2400-02-29") == 13574563200
        assert TIME.get_datetime_string_from_unix_time(13574563200) == "2400-02-29T00:00:00"

    def test_strings_and_dicts_to_unix_time(self):
        assert TIME.get_unix_time_from_datetime_string("2023-11-14T22:13:20") == 1700000000
        assert TIME.get_unix_time_from_datetime_string("2023-11-14 22:13:20") == 1700000000
        assert TIME.get_unix_time_from_datetime_string("12:00:01") == 43201
        assert TIME.get_unix_time_from_datetime_dict(Dictionary({"year": 2023})) == 1672531200
        assert TIME.get_datetime_dict_from_datetime_string("2023-11-14T22:13:20", True)["weekday"] == 2
        assert "weekday" not in TIME.get_datetime_dict_from_datetime_string("2023-11-14", False)

    def test_datetime_dict_to_string(self):
        datetime = Dictionary({"year": 2024, "month": 2, "day": 29, "hour": 1, "minute": 2, "second": 3})
        assert TIME.get_datetime_string_from_datetime_dict(datetime, False) == "2024-02-29T01:02:03"

    def test_invalid_fields_are_engine_errors(self, engine_messages):
        assert TIME.get_unix_time_from_datetime_dict(Dictionary({"year": 2023, "month": 2, "day": 29})) == 0
        assert TIME.get_unix_time_from_datetime_dict(Dictionary({"month": 0})) == 0
        assert TIME.get_unix_time_from_datetime_dict(Dictionary()) == 0
        explanations = [entry[2] for entry in engine_messages]
        assert explanations == [
            "Invalid day value of: 29 which is larger than the maximum for this month, 28.",
            "Invalid month value of: 0, months are 1-indexed and cannot be 0. See the Time.Month enum "
            "for valid values.",
            "Invalid datetime Dictionary: Dictionary is empty"]

    def test_offset_strings(self):
        assert TIME.get_offset_string_from_offset_minutes(-330) == "-05:30"
        assert TIME.get_offset_string_from_offset_minutes(60) == "+01:00"

    def test_system_clock(self):
        assert abs(TIME.get_unix_time_from_system() - time.time()) < 5
        now = TIME.get_datetime_dict_from_system(True)
        assert set(now) == {"year", "month", "day", "weekday", "hour", "minute", "second", "dst"}
        assert len(TIME.get_datetime_string_from_system()) == 19
        assert set(TIME.get_time_zone_from_system()) == {"bias", "name"}
        first = TIME.get_ticks_usec()
        assert TIME.get_ticks_usec() >= first and TIME.get_ticks_msec() >= 0

    def test_constants(self):
        assert (system.Time.MONTH_DECEMBER, system.Time.WEEKDAY_SATURDAY) == (12, 6)


class TestOS:
    def test_identity(self):
        assert OS4.get_name() == "Linux" and OS3.get_name() == "X11"
        assert OS4.is_debug_build() and OS4.get_model_name() == "GenericDevice"
        assert OS4.has_feature("pc") and OS4.has_feature("debug") and not OS4.has_feature("editor")
        assert OS3.has_feature("X11") and not OS3.has_feature("standalone")
        assert OS4.get_process_id() == os.getpid() and OS4.get_processor_count() >= 1

    def test_environment(self, monkeypatch):
        monkeypatch.delenv("GDSCRIPT_TEST_VAR", raising=False)
        assert not OS4.has_environment("GDSCRIPT_TEST_VAR")
        OS4.set_environment("GDSCRIPT_TEST_VAR", "1")
        assert OS4.get_environment("GDSCRIPT_TEST_VAR") == "1"
        OS4.unset_environment("GDSCRIPT_TEST_VAR")
        assert OS4.get_environment("GDSCRIPT_TEST_VAR") == ""

    def test_locale(self, monkeypatch):
        monkeypatch.setenv("LANG", "de_DE.UTF-8")
        assert (OS4.get_locale(), OS4.get_locale_language()) == ("de_DE", "de")
        monkeypatch.delenv("LANG")
        assert OS4.get_locale() == "en"

    def test_cmdline_and_user_dir(self):
        old = (list(system.CMDLINE["engine"]), list(system.CMDLINE["user"]), system.USER_DATA_DIR[0])
        try:
            system.set_cmdline_args(["main.gd"], ["--level", "3"])
            assert list(OS4.get_cmdline_args()) == ["main.gd"]
            assert list(OS4.get_cmdline_user_args()) == ["--level", "3"]
            assert list(OS3.get_cmdline_args()) == ["main.gd", "--level", "3"]
            system.set_user_data_dir("/tmp/project-data")
            assert OS4.get_user_data_dir() == "/tmp/project-data"
        finally:
            system.set_cmdline_args(old[0], old[1])
            system.set_user_data_dir(old[2])

    def test_execute(self):
        output: list[str] = []
        code = OS4.execute("sh", ["-c", "echo out; echo err 1>&2; exit 3"], output, True)
        assert (code, output) == (3, ["out\nerr\n"])  # same as Godot 3.2.3's blocking execute
        assert OS3.execute("sh", ["-c", "exit 0"], True, []) == 0
        assert OS4.execute("/nonexistent/program", []) == -1

    def test_sandbox_blocks_processes(self):
        system.set_sandbox(True)
        try:
            for call in (lambda: OS4.execute("true", []), lambda: OS4.create_process("true", []),
                         lambda: OS4.kill(1), lambda: OS4.shell_open("https://example.com")):
                with pytest.raises(ScriptRuntimeError, match="not allowed in a sandboxed run"):
                    call()
            assert OS4.is_sandboxed()
        finally:
            system.set_sandbox(False)

    def test_create_process_and_exit_code(self):
        pid = OS4.create_process("sh", ["-c", "exit 7"])
        deadline = time.monotonic() + 10
        while OS4.is_process_running(pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert OS4.get_process_exit_code(pid) == 7

    def test_3x_calendar(self):
        assert OS3.get_datetime_from_unix_time(1700000000) == {
            "day": 14, "hour": 22, "minute": 13, "month": 11, "second": 20, "weekday": 2, "year": 2023}
        assert OS3.get_unix_time_from_datetime(Dictionary({
            "year": 2023, "month": 11, "day": 14, "hour": 22, "minute": 13, "second": 20})) == 1700000000
        assert OS3.get_unix_time_from_datetime(Dictionary({"year": 2023})) == 1672531200
        assert list(OS3.get_datetime()) == ["year", "month", "day", "weekday", "dst", "hour", "minute", "second"]
        assert list(OS3.get_date()) == ["year", "month", "day", "weekday", "dst"]
        assert abs(OS3.get_unix_time() - time.time()) < 5

    def test_misc(self):
        assert OS4.is_keycode_unicode(65) and not OS4.is_keycode_unicode(4194305)  # A, Escape
        assert len(OS4.get_entropy(16)) == 16
        assert OS4.get_memory_info()["physical"] != 0
        assert OS4.get_static_memory_usage() > 0 and OS4.get_static_memory_peak_usage() > 0
        assert OS4.request_permission("x") and list(OS4.get_granted_permissions()) == []


class TestEngine:
    def test_version_info(self):
        info = ENGINE3.get_version_info()
        assert info["string"] == "3.2.3-stable (custom_build)" and info["hex"] == 197123
        assert ENGINE4.get_version_info()["string"] == "4.6-dev (custom_build)"

    def test_properties_and_frames(self):
        assert (ENGINE4.physics_ticks_per_second, ENGINE4.time_scale, ENGINE4.max_fps) == (60, 1.0, 0)
        assert (ENGINE3.iterations_per_second, ENGINE3.target_fps, ENGINE3.editor_hint) == (60, 0, False)
        before = ENGINE4.get_process_frames()
        system.advance_frames(process=2, physics=1)
        assert ENGINE4.get_process_frames() == before + 2 and ENGINE3.get_idle_frames() == before + 2

    def test_singletons(self, engine_messages):
        assert ENGINE4.has_singleton("OS") and ENGINE4.get_singleton("Time") is TIME
        assert ENGINE3.has_singleton("JSON") and not ENGINE3.has_singleton("Time")
        assert ENGINE4.get_singleton("Nope") is None
        assert engine_messages[0][1] == "Failed to retrieve non-existent singleton 'Nope'."
        marker = system.Object()
        ENGINE4.register_singleton("Marker", marker)
        assert ENGINE4.get_singleton("Marker") is marker
        ENGINE4.unregister_singleton("Marker")
        assert not ENGINE4.has_singleton("Marker")

    def test_main_loop(self):
        loop = system.Object()
        system.set_main_loop(loop)
        try:
            assert ENGINE4.get_main_loop() is loop
        finally:
            system.set_main_loop(None)


class TestKeycodes:
    """OS.get_keycode_string / find_keycode_from_string (core/os/keyboard.cpp table)."""

    K = system.GODOT_SINGLETONS_4["OS"]

    def test_names_and_modifiers(self):
        from gdscript.stdlib.global_constants import constants
        c = constants(4)
        assert self.K.get_keycode_string(c["KEY_C"]) == "C"
        assert self.K.get_keycode_string(c["KEY_ESCAPE"]) == "Escape"
        assert self.K.get_keycode_string(c["KEY_MASK_SHIFT"] | c["KEY_TAB"]) == "Shift+Tab"
        assert self.K.get_keycode_string(
            c["KEY_MASK_CTRL"] | c["KEY_MASK_ALT"] | c["KEY_KP_ENTER"]) == "Ctrl+Alt+Kp Enter"
        assert self.K.get_keycode_string(c["KEY_MASK_META"]) == "Meta"
        assert self.K.get_keycode_string(c["KEY_PAGEUP"]) == "PageUp"
        assert self.K.get_keycode_string(c["KEY_KEYBOARD"]) == "On-screen keyboard"
        assert self.K.get_keycode_string(c["KEY_JIS_EISU"]) == "JIS Eisu"
        assert self.K.get_keycode_string(0x1F600) == "\U0001F600"   # not named: the character
        assert self.K.get_keycode_string(0) == ""

    def test_find(self):
        assert self.K.find_keycode_from_string("C") == 67
        assert self.K.find_keycode_from_string("escape") == 4194305
        assert self.K.find_keycode_from_string("Shift+Tab") == 37748738
        assert self.K.find_keycode_from_string("ctrl+alt+f5") == \
            268435456 | 67108864 | 4194336
        # "Unknown" is KEY_UNKNOWN's own name (the class reference claims 0).
        assert self.K.find_keycode_from_string("Unknown") == 8388607
        assert self.K.find_keycode_from_string("") == 0
        assert self.K.find_keycode_from_string("NoSuchKey") == 0

    def test_round_trip_of_every_named_key(self):
        from gdscript.stdlib.keycodes import _keys
        for code, name in _keys():
            assert self.K.find_keycode_from_string(self.K.get_keycode_string(code)) == code, name


class TestScancodes3:
    """Godot 3's OS scancode functions (values recorded from Godot 3.2.3)."""

    def test_strings(self):
        from gdscript.stdlib.global_constants import constants
        c = constants(3)
        assert OS3.get_scancode_string(c["KEY_A"]) == "A"
        assert OS3.get_scancode_string(c["KEY_ESCAPE"] | c["KEY_MASK_SHIFT"]) == "Shift+Escape"
        every = c["KEY_MASK_CTRL"] | c["KEY_MASK_ALT"] | c["KEY_MASK_META"] | c["KEY_MASK_KPAD"]
        assert OS3.get_scancode_string(c["KEY_CONTROL"] | every) == "Alt+Control+Meta+Control"
        assert OS3.get_scancode_string(c["KEY_BACKSPACE"]) == "BackSpace"
        assert OS3.get_scancode_string(c["KEY_ACIRCUMFLEX"]) == "AcircumFlex"
        assert OS3.get_scancode_string(c["KEY_SUPER_L"]) == "Super L"
        assert OS3.get_scancode_string(0x1F600) == "\U0001F600"

    def test_find_and_unicode(self):
        from gdscript.stdlib.global_constants import constants
        c = constants(3)
        assert OS3.find_scancode_from_string("Escape") == 16777217
        assert OS3.find_scancode_from_string("Shift+Tab") == 0      # 3.x parses no modifiers
        assert OS3.find_scancode_from_string("Unknown") == 33554431
        assert OS3.find_scancode_from_string("backspace") == c["KEY_BACKSPACE"]
        assert OS3.is_scancode_unicode(c["KEY_A"]) is True
        assert OS3.is_scancode_unicode(c["KEY_KP_5"]) is True
        assert OS3.is_scancode_unicode(c["KEY_KP_ENTER"]) is False
        assert OS3.is_scancode_unicode(c["KEY_F1"]) is False
