"""String / StringName / NodePath methods.

Expected values: the examples in Godot's String.xml, Godot's C++ (ustring.cpp),
and for the 3.x table runs of real Godot 3.2.3.
"""

from __future__ import annotations

import pytest

from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib import strings
from gdscript.stdlib.packed import PackedByteArray, PackedStringArray
from gdscript.stdlib.strings import NodePath, StringName
from gdscript.stdlib.variant import method_table

S = strings.STRING_METHODS
S3 = strings.STRING_METHODS_3


def call(name, value, *args):
    return S[name](value, *args)


@pytest.fixture
def errors(engine_errors):
    return engine_errors


class TestStringName:
    def test_equal_to_string_and_hash_alike(self):
        assert StringName("a") == "a" and hash(StringName("a")) == hash("a")
        assert method_table(StringName, 4) is strings.STRING_NAME_METHODS
        assert "num" not in strings.STRING_NAME_METHODS
        assert "begins_with" in strings.STRING_NAME_METHODS


class TestSearch:
    def test_find_family(self):
        assert call("find", "Team", "I") == -1
        assert call("find", "Potato", "t") == 2
        assert call("find", "Potato", "t", 3) == 4
        assert call("find", "Potato", "t", 5) == -1
        assert call("find", "Potato", "t", -2) == 4   # negative from counts from the end
        assert call("rfind", "Potato", "t") == 4
        assert call("rfind", "Potato", "t", 3) == 2
        assert call("rfind", "abc", "") == -1
        assert call("findn", "ABC", "b") == 1
        assert call("count", "banana", "an") == 2 and call("countn", "BaNana", "an") == 2
        assert call("count", "banana", "a", 2, 4) == 1

    def test_contains_and_match(self):
        assert call("contains", "Node", "de") and not call("contains", "team", "I")
        assert call("containsn", "Node", "DE")
        assert call("match", "abc.gd", "*.gd") and call("match", "abc", "a?c")
        assert not call("match", "ABC", "a*") and call("matchn", "ABC", "a*")

    def test_subsequence(self):
        text = "Wow, incredible!"
        assert call("is_subsequence_of", "inedible", text)
        assert call("is_subsequence_of", "Word!", text)
        assert not call("is_subsequence_of", "Window", text)
        assert call("is_subsequence_of", "", text)


class TestSlicing:
    def test_left_right_negative(self):
        assert call("left", "Hello World!", 3) == "Hel"
        assert call("left", "Hello World!", -4) == "Hello Wo"
        assert call("right", "Hello World!", 3) == "ld!"
        assert call("right", "Hello World!", -4) == "o World!"
        assert call("left", "abc", 10) == "abc" and call("right", "abc", -10) == ""

    def test_substr_and_slices(self):
        assert call("substr", "Hello", 1, 3) == "ell" and call("substr", "Hello", 3) == "lo"
        assert call("substr", "Hello", 9) == "" and call("substr", "Hello", -1) == ""
        assert call("get_slice", "i/am/example/hi", "/", 2) == "example"
        assert call("get_slice_count", "i/am/example/string", "/") == 4
        assert call("get_slice_count", "i am example string", "/") == 1
        assert call("get_slicec", "a,b", ord(","), 1) == "b"

    def test_split(self):
        parts = call("split", "One,Two,Three,Four", ",", True, 2)
        assert list(parts) == ["One", "Two", "Three,Four"]
        assert list(call("rsplit", "One,Two,Three,Four", ",", True, 1)) == ["One,Two,Three", "Four"]
        assert list(call("split", "a,b,,c", ",", False)) == ["a", "b", "c"]
        assert list(call("split", "a,b,,c", ",")) == ["a", "b", "", "c"]
        assert list(call("split", "", ",")) == [""] and list(call("split", "", ",", False)) == []
        assert list(call("split", "abc", "")) == ["a", "b", "c"]
        assert isinstance(call("split", "a", ","), PackedStringArray)
        assert list(call("split_floats", "1,2.5,x", ",")) == [1.0, 2.5, 0.0]

    def test_edits(self, errors):
        assert call("insert", "abc", 1, "X") == "aXbc"
        assert call("erase", "abcdef", 1, 2) == "adef"
        assert call("replace", "aaa", "a", "b") == "bbb"
        assert call("replacen", "aAa", "a", "b") == "bbb"
        assert call("repeat", "ab", 3) == "ababab"
        assert call("reverse", "héllo") == "olléh"
        assert call("trim_prefix", "foobar", "foo") == "bar"
        assert call("trim_suffix", "foobar", "bar") == "foo"
        assert call("lstrip", "xxaxx", "x") == "axx" and call("rstrip", "xxaxx", "x") == "xxa"
        assert call("strip_edges", "\t a \n") == "a" and call("strip_edges", " a ", False) == " a"
        assert call("strip_escapes", "a\tb\nc") == "abc"
        assert call("repeat", "a", -1) == ""
        assert errors == ["Parameter count should be a positive number."]

    def test_padding(self):
        assert call("pad_zeros", "-1.5", 3) == "-001.5" and call("pad_zeros", "12345", 3) == "12345"
        assert call("pad_decimals", "1.5", 3) == "1.500"
        assert call("pad_decimals", "1.2345", 2) == "1.23"
        assert call("pad_decimals", "7", 2) == "7.00" and call("pad_decimals", "7.5", 0) == "7"
        assert call("lpad", "7", 3, "0") == "007" and call("rpad", "7", 3) == "7  "

    def test_indent_dedent(self):
        assert call("indent", "a\n\nb\n", "  ") == "  a\n\n  b\n"
        assert call("dedent", "    a\n      b\n\n    c") == "a\n  b\n\nc"


class TestCase:
    @pytest.mark.parametrize("text, capitalized", [
        ("move_local_x", "Move Local X"), ("sceneFile_path", "Scene File Path"),
        ("2D, FPS, PNG", "2d, Fps, Png")])
    def test_capitalize(self, text, capitalized):
        assert call("capitalize", text) == capitalized

    def test_conversions(self):
        assert call("to_snake_case", "Node2D") == "node_2d"
        assert call("to_snake_case", "Player ID") == "player_id"
        assert call("to_camel_case", "move_local_x") == "moveLocalX"
        assert call("to_pascal_case", "move_local_x") == "MoveLocalX"
        assert call("to_kebab_case", "Node2D") == "node-2d"
        assert call("to_upper", "straße") == "STRAßE"  # one character per character
        assert call("to_lower", "ÀB") == "àb"


class TestCompare:
    def test_cmp(self):
        assert call("casecmp_to", "a", "b") == -1 and call("casecmp_to", "b", "a") == 1
        assert call("casecmp_to", "a", "a") == 0 and call("casecmp_to", "B", "a") == -1
        assert call("nocasecmp_to", "B", "a") == 1
        assert call("naturalnocasecmp_to", "img2", "IMG10") == -1
        assert call("naturalcasecmp_to", "img12", "img10") == 1

    def test_similarity(self):
        assert call("similarity", "ABC123", "ABC123") == 1.0
        assert call("similarity", "ABC123", "XYZ456") == 0.0
        # Godot computes in float32: (2.0f * 4) / 10
        assert call("similarity", "ABC123", "123ABC") == pytest.approx(0.8, abs=1e-7)
        assert list(call("bigrams", "Get up!")) == ["Ge", "et", "t ", " u", "up", "p!"]

    def test_hash_is_djb2(self):
        assert call("hash", "") == 5381 and call("hash", "a") == 5381 * 33 + 97


class TestConversion:
    def test_to_int_is_lenient(self, errors):
        assert call("to_int", "-12.5") == -12 and call("to_int", " 1a2") == 12
        assert call("to_int", "") == 0 and call("to_int", "abc") == 0
        assert call("to_int", "99999999999999999999") == 2 ** 63 - 1
        assert errors == ["Cannot represent 99999999999999999999 as a 64-bit signed integer, "
                          "since the value is too large."]

    def test_to_float(self):
        assert call("to_float", "1e3x") == 1000.0 and call("to_float", ".5") == 0.5
        assert call("to_float", "abc") == 0.0 and call("to_float", "-2.5") == -2.5

    def test_radix(self, errors):
        assert call("hex_to_int", "0xff") == 255 and call("hex_to_int", "ab") == 171
        assert call("bin_to_int", "101") == 5 and call("bin_to_int", "-0b10") == -2
        assert call("hex_to_int", "0xfz") == 0 and len(errors) == 1
        assert bytes(call("hex_decode", "00ff")) == b"\x00\xff"

    @pytest.mark.parametrize("name, text, expected", [
        ("is_valid_int", "7", True), ("is_valid_int", "1.65", False), ("is_valid_int", "+3", True),
        ("is_valid_int", "-", False), ("is_valid_float", "1.7", True),
        ("is_valid_float", "24", True),
        ("is_valid_float", "7e3", True), ("is_valid_float", "Hello", False),
        ("is_valid_hex_number", "A08E", True), ("is_valid_hex_number", "-AbCdEf", True),
        ("is_valid_hex_number", "2.5", False), ("is_valid_identifier", "node_2d", True),
        ("is_valid_identifier", "1st_method", False), ("is_valid_identifier", "MyMethod#2", False),
        ("is_valid_unicode_identifier", "állóképesség", True),
        ("is_valid_html_color", "#ff0", True),
        ("is_valid_html_color", "ff00f", False), ("is_valid_ip_address", "::1", True),
        ("is_valid_ip_address", "256.0.0.1", False), ("is_valid_filename", "a:b", False),
        ("is_absolute_path", "res://a", True), ("is_relative_path", "a/b", True),
    ])
    def test_validators(self, name, text, expected):
        assert call(name, text) is expected

    def test_statics(self):
        T = strings.STRING_STATIC
        assert T["chr"](65) == "A" and T["chr"](129302) == "\U0001F916"
        assert T["num"](3.14159, 2) == "3.14" and T["num"](1.0) == "1.0" and T["num"](5, 0) == "5"
        assert T["num_int64"](-255, 16, True) == "-FF" and T["num_uint64"](-1, 16) == "f" * 16
        assert T["humanize_size"](123456789) == "117.7 MiB" and T["humanize_size"](100) == "100 B"


class TestEncoding:
    def test_escapes(self):
        assert call("c_escape", "it's\"\n") == "it\\'s\\\"\\n"
        assert call("c_unescape", "a\\tb\\\\") == "a\tb\\"
        assert call("json_escape", 'a"\n') == 'a\\"\\n'
        assert call("xml_escape", "<a href='x'>", True) == "&lt;a href=&apos;x&apos;&gt;"
        assert call("xml_unescape", "&lt;&amp;gt;") == "<&gt;"
        assert call("uri_encode", "Godot Engine:docs") == "Godot%20Engine%3Adocs"
        assert call("uri_decode", "Meowdot%20Engine%3Adocs+x") == "Meowdot Engine:docs x"
        assert call("uri_file_decode", "a+b%20c") == "a+b c"
        assert call("validate_node_name", 'a.b:c@d/e"f%g') == "a_b_c_d_e_f_g"
        assert call("validate_filename", "a:b?c") == "a_b_c"

    def test_buffers(self):
        assert isinstance(call("to_utf8_buffer", "é"), PackedByteArray)
        assert bytes(call("to_utf8_buffer", "é")) == b"\xc3\xa9"
        assert bytes(call("to_ascii_buffer", "aé")) == b"a?"
        assert bytes(call("to_utf16_buffer", "a")) == b"a\x00"
        assert bytes(call("to_utf32_buffer", "a")) == b"a\x00\x00\x00"
        assert call("md5_text", "") == "d41d8cd98f00b204e9800998ecf8427e"
        assert call("sha256_text", "abc").startswith("ba7816bf")
        assert len(call("sha1_buffer", "abc")) == 20

    def test_unicode_at(self, errors):
        assert call("unicode_at", "aé", 1) == 233
        assert call("unicode_at", "abc", 5) == 0
        assert errors == ["Index p_idx = 5 is out of bounds (length() = 3)."]


class TestPaths:
    def test_parts(self):
        assert call("get_base_dir", "res://dir/file.gd") == "res://dir"
        assert call("get_base_dir", "/file") == "/" and call("get_base_dir", "file") == ""
        assert call("get_file", "a/b/c.tar.gz") == "c.tar.gz"
        assert call("get_extension", "a/b/c.tar.gz") == "gz"
        assert call("get_extension", "a.b/c") == ""
        assert call("get_basename", "a/b/c.tar.gz") == "a/b/c.tar"
        assert call("path_join", "a", "b") == "a/b" and call("path_join", "a/", "b") == "a/b"
        assert call("path_join", "", "b") == "b"

    def test_simplify(self):
        assert call("simplify_path", "./path/../path//file") == "path/file"
        assert call("simplify_path", "res://a/./b/../c") == "res://a/c"
        assert call("simplify_path", "/a/../../b") == "/../b"


class TestFormat:
    def test_documented_examples(self):
        assert call("format", "{0} {1}", ["{1}", "x"]) == "x x"
        assert call("format", "{0} {1}", ["x", "{0}"]) == "x {0}"
        assert call("format", "{a} {b}", {"a": "{b}", "b": "c"}) == "c c"
        pairs = [["id", 42], ["name", "Godot"]]
        assert call("format", "User {id} is {name}.", pairs) == "User 42 is Godot."
        assert call("format", "{x}$x", {"x": 1.0}, "$_") == "{x}1.0"
        assert call("join", ", ", ["Apple", "Orange"]) == "Apple, Orange"


class TestGodot3Table:
    """3.x names and semantics (recorded from Godot 3.2.3)."""

    def test_renamed(self):
        assert S3["right"]("abcdef", 2) == "cdef" and S3["left"]("abcdef", 2) == "ab"
        assert S3["left"]("abcdef", -2) == ""
        assert S3["percent_decode"]("a+b%20c") == "a+b c"
        assert S3["http_escape"]("a b") == "a%20b"
        assert S3["plus_file"]("abc", "d") == "abc/d"
        assert S3["find_last"]("xax", "x") == 2 and S3["empty"]("")
        assert S3["is_valid_integer"]("12") and S3["ord_at"]("A", 0) == 65
        assert S3["c_escape"]("it's\"\n") == "it\\'s\\\"\\n"

    def test_erase_returns_the_new_string_for_the_runtime_to_store(self):
        assert S3["erase"]("abcdef", 1, 2) == "adef"
        assert getattr(S3["erase"], "mutates_self", False)

    def test_4x_only_names_absent(self):
        assert "path_join" not in S3 and "to_utf8_buffer" not in S3 and "contains" not in S3


class TestNodePath:
    def test_parts(self):
        path = NodePath("/root/Node:position:x")
        N = strings.NODE_PATH_METHODS
        assert str(path) == "/root/Node:position:x" and N["is_absolute"](path)
        assert N["get_name_count"](path) == 2 and N["get_name"](path, 1) == "Node"
        assert N["get_subname_count"](path) == 2 and N["get_subname"](path, 0) == "position"
        assert N["get_concatenated_names"](path) == "/root/Node"
        assert N["get_concatenated_subnames"](path) == "position:x"
        assert str(N["get_as_property_path"](NodePath("a/b:c"))) == ":a/b:c"
        assert N["is_empty"](NodePath("")) and NodePath("a") == NodePath("a")

    def test_slice_and_errors(self, errors):
        N = strings.NODE_PATH_METHODS
        assert str(N["slice"](NodePath("a/b/c:d"), 1, 3)) == "b/c"
        assert str(N["slice"](NodePath("a/b/c:d"), -2)) == "c:d"
        assert N["get_name"](NodePath("a"), 3) == ""
        assert errors == ["Index p_idx = 3 is out of bounds (data->path.size() = 1)."]


class TestGodot3Recorded:
    """More 3.x results recorded from Godot 3.2.3 (see the 3.x table's overrides)."""

    def test_overrides(self):
        assert S3["find"]("Potato", "t", -2) == -1          # 3.x does not wrap negative from
        assert S3["right"]("abc", -1) == "abc"
        assert S3["hex_to_int"]("0xff") == 255 and S3["hex_to_int"]("-ff") == 0  # prefix required
        assert S3["http_unescape"]("a%20b+c") == "a b+c"
        assert S3["format"]("{a} {0}", {"a": 1.0}) == "1 {0}"
        assert S3["humanize_size"]("", 123456789) == "117.7 MiB"
        assert S3["is_valid_float"]("1.")
        assert S3["is_valid_float"]("1e")
        assert not S3["is_valid_float"]("-")


class TestErrors4:
    def test_erase_and_insert_edges(self, errors):
        assert call("erase", "abc", -1) == "" and call("erase", "abc", 0, -1) == ""
        assert errors == [
            "Invalid starting position for `String.erase()`: -1. "
            "Starting position must be positive or zero.",
            "Invalid character count for `String.erase()`: -1. "
            "Character count must be positive or zero."]
        assert call("insert", "abc", 9, "X") == "abcX" and call("insert", "abc", -1, "X") == "abc"
        assert call("count", "aaaa", "a", 3, 2) == 0 and call("count", "aaaa", "a", -1) == 0

    def test_statics_through_a_value(self):
        assert call("num", "", 2.5) == "2.5" and call("chr", "", 66) == "B"


class TestGodot3FormatAndEncode:
    """Recorded from Godot 3.2.3 (godot3-server)."""

    def test_format_fills_bare_placeholders_in_turn(self):
        assert S3["format"]("{} and {}", Array(["x", "y"]), "{}") == "x and y"
        assert S3["format"]("$a-$b", Dictionary({"a": 1, "b": 2}), "$_") == "1-2"
        assert S3["format"]("{0}{0}{1}", Array(["ab", 5.5])) == "abab5.5"
        assert S3["format"]("{k} {1}", Array([Array(["k", "v"]), "z"])) == "v z"

    def test_percent_encode_is_lowercase_hex(self):
        assert S3["percent_encode"]("a b/é+%") == "a%20b%2f%c3%a9%2b%25"
        assert S3["http_escape"]("a b&c=d/é?") == "a%20b%26c%3Dd%2F%C3%A9%3F"


class TestFormatObject:
    """4.x ``format(object)`` uses the object's property list (ustring.cpp String::format)."""

    def run(self, body):
        from gdscript.api import run_source
        return run_source("extends SceneTree\nvar speed = 3\nvar label = \"fast\"\n"
                          "func _init():\n" + body + "\tquit()\n", dialect=4)

    def test_script_and_native_properties(self):
        result = self.run('\tprint("{label} at {speed}, {missing}".format(self))\n'
                          '\tprint("{visible} {position}".format(Node2D.new()))\n')
        assert result.stdout == "fast at 3, {missing}\ntrue (0.0, 0.0)\n"

    def test_other_types_are_an_error(self):
        result = self.run('\tprint("{0}".format(5))\n')
        assert result.stdout == "{0}\n"
        assert "Invalid type: use Array, Dictionary or Object." in result.stderr

    def test_godot3_message(self):
        # Godot 3.2.3: "ERROR: format: Invalid type: use Array or Dictionary."
        from gdscript.api import run_source
        result = run_source('extends SceneTree\nfunc _init():\n\tprint("{a}".format(self))\n'
                            '\tquit()\n', dialect=3)
        assert result.stdout == "{a}\n"
        assert "Invalid type: use Array or Dictionary." in result.stderr


class TestGodot3Split:
    """3.2.3: an empty delimiter is never found (recorded: "abc".split("") is [abc])."""

    def test_empty_delimiter(self):
        from gdscript.stdlib.strings import STRING_METHODS, STRING_METHODS_3
        assert list(STRING_METHODS_3["split"]("abc", "")) == ["abc"]
        assert list(STRING_METHODS_3["rsplit"]("abc", "")) == ["abc"]
        assert list(STRING_METHODS_3["split"]("", "")) == [""]
        assert list(STRING_METHODS_3["split"]("", "", False)) == []
        assert list(STRING_METHODS_3["split"]("a,b", ",", True, 0)) == ["a", "b"]
        assert list(STRING_METHODS["split"]("abc", "")) == ["a", "b", "c"]          # 4.x
