"""JSON: Godot 4's class (rules of core/io/json.cpp) and Godot 3's singleton.

The 3.x expectations were printed by Godot 3.2.3 for the same inputs.
"""

from __future__ import annotations

import pytest

from gdscript.stdlib import json_class
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.json_class import JSON, JSON3
from gdscript.stdlib.math_vectors import Vector2
from gdscript.stdlib.packed import PackedInt32Array, PackedVector2Array

SAMPLE = Dictionary({
    "b": 1, "a": Array([1.5, 2.0, 'x\n"q"/', None, False]),
    "c": Dictionary({"z": 0.1, "y": 1e20, "w": -0.0, "u": 1.0 / 3, "t": 100})})



class TestStringify4:
    def test_compact_sorted(self):
        assert JSON.stringify(SAMPLE) == (
            '{"a":[1.5,2.0,"x\\n\\"q\\"/",null,false],"b":1,'
            '"c":{"t":100,"u":0.333333333333333,"w":0.0,"y":100000000000000000000.0,"z":0.1}}')

    def test_indented_unsorted(self):
        text = JSON.stringify(Dictionary({"b": Array([1]), "a": Dictionary()}), "  ", False)
        assert text == '{\n  "b": [\n    1\n  ],\n  "a": {\n\n  }\n}'

    def test_floats(self):
        values = Array([1.0, 0.1, 1e-7, 100.0 / 3, 123456789.125])
        assert JSON.stringify(values) == "[1.0,0.1,0.0000001,33.3333333333333,123456789.125]"
        assert JSON.stringify(Array([0.1, 1.0]), "", True, True) == "[0.1,1.0]"

    def test_other_values_are_quoted_strings(self):
        assert JSON.stringify(Vector2(1, 2)) == '"(1.0, 2.0)"'
        assert JSON.stringify(PackedInt32Array([1, 2])) == "[1,2]"

    def test_circular_structure(self, engine_messages):
        data = Array([1])
        data.append(data)
        assert JSON.stringify(data) == '[1,"[...]"]'
        assert engine_messages[0][1] == "Converting circular structure to JSON."


class TestParse4:
    def test_values_and_types(self):
        json = JSON()
        assert json.parse('{"a": [1, 2.5e3, -0.5, true, null], "c": "\\u00e9\\n\\ud83d\\ude00"}') == 0
        assert json.data == {"a": [1.0, 2500.0, -0.5, True, None], "c": "é\n😀"}
        assert type(json.data["a"][0]) is float
        assert isinstance(json.data, Dictionary) and isinstance(json.data["a"], Array)

    @pytest.mark.parametrize("text, line, message", [
        ("[1,", 0, "Expected ']'"), ('{"a" 1}', 0, "Expected ':'"), ("[1] x", 0, "Expected 'EOF'"),
        ("nul", 0, "Expected 'true', 'false', or 'null', got 'nul'"), ('"abc', 0, "Unterminated string"),
        ("{1:2}", 0, "Expected key"), ("\n\n[1 2]", 2, "Expected ','"), (".5", 0, "Unexpected character"),
        ('"\\x"', 0, "Invalid escape sequence"), ("", 0, "Unknown error getting token"),
        ('"\\ud800"', 0, "Invalid UTF-16 sequence in string, unpaired lead surrogate"),
        ("]", 0, "Expected value, got '']''"),  # json.cpp quotes the already quoted token name
    ])
    def test_errors(self, text, line, message):
        json = JSON()
        assert json.parse(text) == 43
        assert (json.get_error_line(), json.get_error_message(), json.data) == (line, message, None)

    def test_trailing_commas_are_accepted(self):
        assert JSON.parse_string("[1,]") == [1.0] and JSON.parse_string('{"a":1,}') == {"a": 1.0}

    def test_keep_text(self):
        json = JSON()
        json.parse("[1]", True)
        assert json.get_parsed_text() == "[1]"
        json.data = 5
        assert json.get_parsed_text() == "" and json.get_data() == 5

    def test_parse_string_failure(self, engine_messages):
        assert JSON.parse_string("[1,") is None
        assert engine_messages[0][2] == "Parse JSON failed. Error at line 0: Expected ']'"


class TestNative4:
    def test_round_trip(self):
        value = Array([1, 2.5, "x", None, True, Vector2(1, 2), Dictionary({"a": PackedInt32Array([1, 2])}),
                       PackedVector2Array([Vector2(3, 4)])])
        native = JSON.from_native(value)
        assert JSON.stringify(native) == (
            '["i:1","f:2.5","s:x",null,true,{"args":[1.0,2.0],"type":"Vector2"},'
            '{"args":["s:a",{"args":[1,2],"type":"PackedInt32Array"}],"type":"Dictionary"},'
            '{"args":[3.0,4.0],"type":"PackedVector2Array"}]')
        back = JSON.to_native(native)
        assert back == value and type(back[1]) is float and isinstance(back[7], PackedVector2Array)


class TestJSON3:
    def test_print(self):
        assert JSON3().print(SAMPLE) == (
            '{"b":1,"a":[1.5,2,"x\\n\\"q\\"/",null,false],'
            '"c":{"z":0.1,"y":100000000000000000000,"w":-0,"u":0.333333,"t":100}}')
        assert JSON3().print(Dictionary({"b": 1, "a": Array([2])}), "\t", True) == \
            '{\n\t"a": [\n\t\t2\n\t],\n\t"b": 1\n}'
        assert json_class.to_json(Dictionary({"b": 1, "a": 2})) == '{"a":2,"b":1}'

    @pytest.mark.parametrize("text, error, message, line", [
        ('{"a": 1}', 0, "", 0), ("[1,", 43, "Expected ']'", 0), ("[1] x", 0, "", 0), ("", 43, "", 0),
        ("nul", 43, "Expected 'true','false' or 'null', got 'nul'.", 0), ('"abc', 43, "Unterminated String", 0),
        ("\n\n[1 2]", 43, "Expected ','", 2), (".5", 43, "Unexpected character.", 0), ("[1,]", 0, "", 0),
    ])
    def test_parse(self, text, error, message, line, engine_messages):
        result = JSON3().parse(text)
        assert (result.error, result.error_string, result.error_line) == (error, message, line)
        if error:
            assert engine_messages == [("ERROR", f"Error parsing JSON at line {line}: {message}", None)]

    def test_lenient_values(self):
        assert JSON3().parse('"\\x"').result == "x"
        assert JSON3().parse("-").result == 0.0
        assert JSON3().parse("[01]").result == [1.0]

    def test_utility_functions(self, engine_messages):
        assert json_class.parse_json('[1, 2.5, "x"]') == [1.0, 2.5, "x"]
        assert json_class.validate_json('{"a":1}\n[2') == ""
        assert json_class.validate_json('{"a" 1}') == "0:Expected ':'"
        assert json_class.parse_json("[1,") is None
        assert engine_messages == [("ERROR", "Error parsing JSON at line 0: Expected ']'", None)]
