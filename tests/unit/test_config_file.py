"""ConfigFile: text format, editing rules, parsing and errors, in both dialects.

3.x texts and messages were printed by Godot 3.2.3 (``ConfigFile.save`` then the file
read back; ``parse`` errors); 4.x writing follows ``core/io/config_file.cpp``
(``property_name_encode`` keys, ``\\]`` in section names, no header for the unnamed
section).
"""

from __future__ import annotations

import pytest

from gdscript.stdlib import files
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.config_file import ConfigFile, ConfigFile3
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.global_constants import ERR_FILE_NOT_FOUND, ERR_PARSE_ERROR, ERR_UNAVAILABLE, OK



@pytest.fixture
def project(tmp_path):
    files.set_roots(str(tmp_path), str(tmp_path / "user"))
    yield tmp_path
    files.set_roots(None, None)


def sample(cls: type) -> ConfigFile:
    config = cls()
    config.set_value("s", "a b", 1)
    config.set_value("s", "k", Array([1, 2.5, "x"]))
    config.set_value("", "top", Dictionary({"a": True}))
    config.set_value("t]x", 'q"', "line\nnext")
    return config


class TestWriting:
    def test_godot3_text(self, project):
        assert sample(ConfigFile3).save("res://c.cfg") == OK
        assert (project / "c.cfg").read_text() == (
            '[s]\n\na b=1\nk=[ 1, 2.5, "x" ]\n\n[]\n\ntop={\n"a": true\n}\n\n'
            '[t]x]\n\nq"="line\nnext"\n')

    def test_godot4_text(self):
        assert sample(ConfigFile).encode_to_text() == (
            '[s]\n\n"a b"=1\nk=[1, 2.5, "x"]\n\ntop={\n"a": true\n}\n\n'
            '[t\\]x]\n\n"q\\""="line\nnext"\n')

    def test_roundtrip_4x(self, project):
        assert sample(ConfigFile).save("user://r.cfg") == OK
        loaded = ConfigFile()
        assert loaded.load("user://r.cfg") == OK
        # The unnamed section is written without a header, so after "[s]" it reads back
        # as part of "s" (Godot 4 does the same).
        assert list(loaded.get_sections()) == ["s", "t]x"]
        assert loaded.get_value("s", "k") == [1, 2.5, "x"]
        assert loaded.get_value("s", "top") == {"a": True}
        assert loaded.get_value("t]x", 'q"') == "line\nnext"
        assert loaded.get_value("s", "a b") == 1

    def test_roundtrip_3x_plain_names(self, project):
        config = ConfigFile3()
        config.set_value("game", "level", 3)
        config.set_value("game", "scores", Array([1.5, "x"]))
        assert config.save("user://p.cfg") == OK
        loaded = ConfigFile3()
        assert loaded.load("user://p.cfg") == OK
        assert loaded.get_value("game", "scores") == [1.5, "x"]
        assert loaded.get_value("game", "level") == 3


class TestEditing:
    def test_missing_values(self, engine_messages):
        config = sample(ConfigFile)
        assert config.get_value("s", "nope") is None
        assert engine_messages[-1][2] == ('Couldn\'t find the given section "s" and key "nope", '
                                          'and no default was given.')
        assert config.get_value("nope", "nope", 3) == 3 and len(engine_messages) == 1

    def test_erase_errors(self, engine_messages):
        config = sample(ConfigFile3)
        config.erase_section("zz")
        config.erase_section_key("s", "zz")
        config.erase_section_key("zz", "k")
        assert list(config.get_section_keys("zz")) == []
        assert [m[2] for m in engine_messages] == [
            'Cannot erase nonexistent section "zz".',
            'Cannot erase nonexistent key "zz" from section "s".',
            'Cannot erase key "k" from nonexistent section "zz".',
            'Cannot get keys from nonexistent section "zz".']

    def test_null_erases_and_empty_sections_go(self):
        config = sample(ConfigFile3)
        config.set_value("s", "k", None)
        assert list(config.get_section_keys("s")) == ["a b"]
        config.set_value("s", "a b", None)
        assert not config.has_section("s") and list(config.get_sections()) == ["", "t]x"]
        config.erase_section_key("t]x", 'q"')
        assert list(config.get_sections()) == [""]
        assert config.has_section_key("", "top") and not config.has_section_key("", "x")
        config.clear()
        assert list(config.get_sections()) == []


class TestParsing:
    def test_parse_merges(self):
        config = ConfigFile3()
        assert config.parse("[a]\nx=1\n") == OK
        assert config.parse("[b]\ny=2\n; comment\nz = [1,\n 2]\nw=\"q\"\n") == OK
        assert list(config.get_sections()) == ["a", "b"]
        assert config.get_value("b", "z") == [1, 2] and config.get_value("b", "w") == "q"

    @pytest.mark.parametrize("cls, text, message", [
        (ConfigFile3, "[c]\nx=\n", "ConfigFile parse error at <string>:2: Expected value, got EOF.."),
        (ConfigFile3, "[c]\nx=foo(\n", "ConfigFile parse error at <string>:1: Unexpected identifier: 'foo'.."),
        (ConfigFile, "[c]\nx=foo(\n", "ConfigFile parse error at <string>:1: Unexpected identifier 'foo'.."),
    ])
    def test_parse_errors(self, engine_messages, cls, text, message):
        assert cls().parse(text) == ERR_PARSE_ERROR
        assert engine_messages == [("ERROR", message, None)]

    def test_constructors_and_quoted_keys(self):
        config = ConfigFile()
        text = 'x=PackedStringArray("a", "b")\n"key with space"=&"name"\ny=Array[int]([1, 2])\n'
        assert config.parse(text) == OK
        assert list(config.get_value("", "x")) == ["a", "b"]
        assert config.get_value("", "key with space") == "name"
        assert config.get_value("", "y") == [1, 2]

    def test_load_errors(self, project, engine_messages):
        assert ConfigFile().load("res://missing.cfg") == ERR_FILE_NOT_FOUND
        assert ConfigFile().load_encrypted_pass("res://x.cfg", "pw") == ERR_UNAVAILABLE
        assert "not available" in engine_messages[-1][1]
