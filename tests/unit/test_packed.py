"""Packed arrays: element coercion, generic methods, PackedByteArray codecs, 3.x Pool names.

Expected values: Godot 4 C++ (variant_call.cpp, marshalls) and, for 3.x,
outputs recorded from real Godot 3.2.3 (deflate output is byte-identical).
"""

from __future__ import annotations

import math

import pytest

from gdscript.stdlib import packed
from gdscript.stdlib.packed import (PackedByteArray, PackedColorArray, PackedFloat32Array,
                                    PackedFloat64Array, PackedInt32Array, PackedInt64Array,
                                    PackedStringArray, PackedVector2Array)
from gdscript.stdlib.variant import method_table, stringify

B = PackedByteArray.METHODS
B3 = PackedByteArray.METHODS_3
G = PackedInt32Array.METHODS


@pytest.fixture
def errors(engine_errors):
    return engine_errors


class TestCoercion:
    def test_int_wrapping(self):
        assert PackedInt32Array([2147483648, -1, 3.9]) == [-2147483648, -1, 3]
        assert PackedInt64Array([2 ** 63]) == [-2 ** 63]
        assert list(PackedByteArray([-1, 256, 7])) == [255, 0, 7]

    def test_float32_rounds(self):
        assert PackedFloat32Array([0.1])[0] == pytest.approx(0.10000000149011612, abs=0)
        assert PackedFloat64Array([1])[0] == 1.0 and isinstance(PackedFloat64Array([1])[0], float)

    def test_strings(self):
        assert PackedStringArray(["a", 1, 2.5]) == ["a", "1", "2.5"]

    def test_set_coerces(self):
        arr = PackedInt32Array([0])
        G["set"](arr, 0, 2 ** 32 + 5)
        assert arr == [5]


class TestGenericMethods:
    def test_get_set_bounds(self, errors):
        arr = PackedInt32Array([1, 2, 3])
        assert G["get"](arr, 1) == 2 and G["get"](arr, 5) == 0
        G["set"](arr, 9, 1)
        assert errors == ["Index p_index = 5 is out of bounds (p_instance->size() = 3).",
                          "Index p_index = 9 is out of bounds (p_instance->size() = 3)."]
        assert PackedStringArray.METHODS["get"](PackedStringArray(), 0) == ""

    def test_edit(self, errors):
        arr = PackedInt32Array([1, 2, 3])
        G["push_back"](arr, 4)
        G["append_array"](arr, [5])
        assert G["insert"](arr, 0, 0) == 0 and arr == [0, 1, 2, 3, 4, 5]
        G["remove_at"](arr, 0)
        G["remove_at"](arr, 10)
        assert errors == ["Index p_index = 10 is out of bounds (size() = 5)."]
        assert G["erase"](arr, 3) is True and G["erase"](arr, 99) is False and arr == [1, 2, 4, 5]
        G["resize"](arr, 6)
        assert arr == [1, 2, 4, 5, 0, 0]
        G["fill"](arr, 7)
        assert arr == [7] * 6

    def test_search_sort_slice(self):
        arr = PackedInt32Array([3, 1, 2, 1])
        assert G["find"](arr, 1) == 1 and G["rfind"](arr, 1) == 3 and G["count"](arr, 1) == 2
        assert G["find"](arr, 1, -1) == 3 and G["has"](arr, 2)
        G["sort"](arr)
        assert arr == [1, 1, 2, 3]
        assert G["bsearch"](arr, 2) == 2
        assert G["bsearch"](arr, 1, False) == 2
        sliced = G["slice"](arr, 1, -1)
        assert sliced == [1, 2] and isinstance(sliced, PackedInt32Array)
        G["reverse"](arr)
        assert arr == [3, 2, 1, 1] and G["size"](arr) == 4 and not G["is_empty"](arr)
        copy = G["duplicate"](arr)
        assert copy == arr and copy is not arr
        assert PackedFloat64Array.METHODS["find"](PackedFloat64Array([math.nan]), math.nan) == 0

    def test_to_byte_array(self):
        assert bytes(G["to_byte_array"](PackedInt32Array([1, -1]))) == b"\x01\0\0\0\xff\xff\xff\xff"
        assert bytes(PackedFloat32Array.METHODS["to_byte_array"](PackedFloat32Array([1.0]))) == \
            b"\x00\x00\x80\x3f"


class TestBytes:
    def test_encode_decode(self, errors):
        buf = PackedByteArray(bytes(8))
        B["encode_s16"](buf, 0, -2)
        assert B["decode_s16"](buf, 0) == -2 and B["decode_u16"](buf, 0) == 65534
        B["encode_u32"](buf, 4, 2 ** 32 + 1)
        assert B["decode_u32"](buf, 4) == 1
        B["encode_double"](buf, 0, 1.5)
        assert B["decode_double"](buf, 0) == 1.5
        B["encode_half"](buf, 0, 0.5)
        assert B["decode_half"](buf, 0) == 0.5
        B["encode_float"](buf, 4, 0.1)
        assert B["decode_float"](buf, 4) == pytest.approx(0.1, rel=1e-7)
        assert B["decode_u8"](buf, 8) == 0
        assert errors == ['Condition "p_offset < 0 || p_offset > int64_t(size) - 1" is true. '
                          "Returning: 0"]

    def test_strings(self):
        data = PackedByteArray([104, 105, 0, 106, 255])
        assert B["get_string_from_ascii"](data) == "hi" and B["hex_encode"](data) == "6869006aff"
        assert B["get_string_from_utf8"](PackedByteArray("é".encode())) == "é"
        assert B["get_string_from_utf16"](PackedByteArray("hé".encode("utf-16-le"))) == "hé"
        assert B["get_string_from_utf32"](PackedByteArray("z".encode("utf-32-le"))) == "z"

    def test_compression_matches_godot3(self):
        text = PackedByteArray(b"hello hello hello")
        packed_ = B["compress"](text, 1)
        assert B["hex_encode"](packed_) == "789ccb48cdc9c957c84090003a2e067d"
        assert bytes(B["decompress"](packed_, 17, 1)) == b"hello hello hello"
        gz = B["compress"](PackedByteArray(b"hello"), 3)
        assert len(gz) == 25 and bytes(B["decompress_dynamic"](gz, -1, 3)) == b"hello"

    def test_decompress_errors(self, errors):
        assert len(B["decompress"](PackedByteArray(b"x"), 0, 1)) == 0
        assert len(B["decompress"](PackedByteArray(b"xx"), 4, 1)) == 0
        assert errors == ["Decompression buffer size must be greater than zero.",
                          "Decompression failed."]

    def test_reinterpret(self, errors):
        raw = PackedByteArray(b"\x01\0\0\0\x02\0\0\0")
        assert B["to_int32_array"](raw) == [1, 2] and B["to_int64_array"](raw) == [2 ** 33 + 1]
        assert B["to_int32_array"](PackedByteArray(b"\x01")) == []
        assert errors == ["PackedByteArray size must be a multiple of 4 (size of 32-bit integer) "
                          "to convert to PackedInt32Array."]

    def test_bswap(self):
        data = PackedByteArray(b"\x01\x02\x03\x04")
        B["bswap16"](data)
        assert bytes(data) == b"\x02\x01\x04\x03"


class TestGodot3:
    def test_pool_names(self):
        assert packed.GODOT_CLASSES_3["PoolIntArray"] is PackedInt32Array
        assert packed.GODOT_CLASSES_3["PoolRealArray"] is PackedFloat32Array
        assert method_table(PackedInt32Array, 3) is PackedInt32Array.METHODS_3

    def test_recorded(self):
        data = PackedByteArray([104, 105, 0, 106, 255])
        assert list(B3["subarray"](data, 1, 3)) == [105, 0, 106]
        assert list(B3["subarray"](data, -2, -1)) == [106, 255]
        arr = PackedInt32Array([2147483648, -1, 3.9])
        assert stringify(arr, 3) == "[-2147483648, -1, 3]"
        PackedInt32Array.METHODS_3["invert"](arr)
        PackedInt32Array.METHODS_3["remove"](arr, 0)
        assert arr == [-1, -2147483648]
        assert PackedStringArray.METHODS_3["join"](PackedStringArray(["a", "b"]), "-") == "a-b"
        assert "slice" not in PackedInt32Array.METHODS_3
        assert "invert" not in PackedInt32Array.METHODS


class TestMathElements:
    def test_vector_arrays_print(self):
        math_types = pytest.importorskip("gdscript.stdlib.math_types")
        if not hasattr(math_types, "Vector2"):
            pytest.skip("math_types.Vector2 not available yet")
        arr = PackedVector2Array([(1, 1), (0, 0)])
        assert stringify(arr) == "[(1.0, 1.0), (0.0, 0.0)]"
        assert len(PackedColorArray()) == 0


class TestFastLZ:
    """Compression mode 0 (FastLZ); byte values recorded from godot3-server (Godot 3.2.3)."""

    @pytest.mark.parametrize("raw, compressed", [
        (bytes([1] * 8), [1, 1, 1, 128, 1, 7] + [0] * 8),
        (bytes([1, 2, 3]), [15, 1, 2, 3] + [0] * 13),
        (b"hello hello hello hello world, hello world!",
         [5, *b"hello ", 224, 9, 5, 18, *b"world, hello world!"]),
        (bytes((i * 7) % 13 for i in range(300)),
         [12, 0, 7, 1, 8, 2, 9, 3, 10, 4, 11, 5, 12, 6, 224, 253, 12, 224, 13, 12, 2, 12, 6, 0]),
    ])
    def test_compress_matches_godot(self, raw, compressed):
        assert list(packed.compress(PackedByteArray(raw))) == compressed
        assert bytes(packed.fastlz_decompress(bytes(compressed), 1 << 16)).rstrip(b"\0") == \
            raw.rstrip(b"\0")

    def test_decompress_buffer_sizes(self):
        data = PackedByteArray(b"hello hello hello hello world, hello world!")
        packed_data = packed.compress(data)
        assert bytes(packed.decompress(packed_data, 43)) == bytes(data)
        assert len(packed.decompress(packed_data, 100)) == 43  # what FastLZ wrote
        assert len(packed.decompress(packed_data, 5)) == 0  # too small: FastLZ fails
        short = packed.compress(PackedByteArray([1] * 8))
        assert list(packed.decompress(short, 8)) == [1] * 8 + [0] * 8  # Godot decodes 16

    def test_round_trip_long_input(self):
        raw = bytes((i * i) % 251 if i % 3 else 7 for i in range(20000))
        assert packed.fastlz_decompress(packed.fastlz_compress(raw), len(raw)) == raw


class TestNoSequenceOperators:
    """Python would repeat, %-format or order packed arrays; Godot has no such operators."""

    @pytest.mark.parametrize("expr, message", [
        ("PackedByteArray([1, 2]) * 2", "'PackedByteArray' and 'int' in operator '*'"),
        ("2 * PackedInt32Array([1])", "'int' and 'PackedInt32Array' in operator '*'"),
        ("PackedByteArray([37, 100]) % 5", "'PackedByteArray' and 'int' in operator '%'"),
        ("PackedFloat32Array([1]) < PackedFloat32Array([2])",
         "'PackedFloat32Array' and 'PackedFloat32Array' in operator '<'"),
    ])
    def test_script_error(self, expr, message):
        from gdscript.api import run_source
        result = run_source(f"extends SceneTree\nfunc _init():\n\tprint({expr})\n\tquit()\n",
                            dialect=4)
        assert result.stdout == ""
        assert f"SCRIPT ERROR: Invalid operands {message}." in result.stderr

    def test_equality_and_concatenation_still_work(self):
        a = packed.PackedInt64Array([1, 2])
        assert a == packed.PackedInt64Array([1, 2]) and a != packed.PackedInt64Array([2])
        assert list(a + a) == [1, 2, 1, 2]
        b = packed.PackedByteArray([1])
        assert list(b + b) == [1, 1]
        with pytest.raises(TypeError):
            b * 2


class TestUtf8Godot3:
    """PoolByteArray.get_string_from_utf8 in 3.x (values recorded from Godot 3.2.3)."""

    @pytest.fixture
    def printed(self):
        from gdscript.stdlib import utility_functions
        lines: list[str] = []
        old = utility_functions.set_output(lines.append, lines.append)
        yield lines
        utility_functions.set_output(*old)

    @pytest.mark.parametrize("data, text, message", [
        ([104, 105], "hi", None),
        ([0xC3, 0xA9, 0x41], "éA", None),
        ([65, 0, 66], "A", None),                          # stops at NUL
        ([0xEF, 0xBB, 0xBF, 0x41], "A", None),             # BOM skipped
        ([0xF0, 0x9F, 0x98, 0x80], "\U0001F600", None),
        ([1, 2, 255], "", "Unicode error: invalid skip"),
        ([0x80, 0x41], "", "Unicode error: invalid skip"),
        ([0xC3], "", "Unicode error: no space left"),
        ([0xE2, 0x82], "", "Unicode error: no space left"),
        ([0xC0, 0x80], "", "Unicode error: overlong rejected"),
    ])
    def test_decoding(self, printed, data, text, message):
        method = packed.BYTE_METHODS_3["get_string_from_utf8"]
        assert method(PackedByteArray(data)) == text
        assert printed == ([message] if message else [])

    def test_surrogate_is_kept_as_a_character(self, printed):
        method = packed.BYTE_METHODS_3["get_string_from_utf8"]
        assert method(PackedByteArray([0xED, 0xA0, 0x80])) == "\ud800" and printed == []


class TestGodot3PoolBounds:
    """3.x PoolVector methods (messages recorded from Godot 3.2.3)."""

    def test_no_negative_indices_and_messages(self):
        from gdscript.errors import set_engine_error_sink
        seen: list[str] = []
        old = set_engine_error_sink(lambda level, message, explanation: seen.append(message))
        try:
            m = PackedInt32Array.METHODS_3
            a = PackedInt32Array([1])
            m["insert"](a, 9, 1)
            m["insert"](a, -1, 5)
            m["remove"](a, -1)
            m["set"](a, 4, 1)
            m["resize"](a, -1)
            assert list(a) == [1]
            m["insert"](a, 1, 7)
            m["set"](a, 0, 3)
            assert list(a) == [3, 7]
        finally:
            set_engine_error_sink(old)
        assert seen == [
            "Index p_pos = 9 is out of bounds (s + 1 = 2).",
            "Index p_pos = -1 is out of bounds (s + 1 = 2).",
            "Index p_index = -1 is out of bounds (s = 1).",
            "Index p_index = 4 is out of bounds (size() = 1).",
            "Size of PoolVector cannot be negative.",
        ]


class TestPushBack:
    """push_back / append of every packed type, through the method tables scripts use."""

    def test_each_packed_type_appends_its_element_type(self):
        from gdscript.api import run_source

        r = run_source('extends SceneTree\nfunc _init():\n'
                       '\tvar b = PackedByteArray()\n\tb.append(300)\n\tb.push_back(7)\n'
                       '\tvar s = PackedStringArray()\n\ts.append("x")\n\ts.append(5)\n'
                       '\tvar f = PackedFloat64Array()\n\tf.append(1.5)\n\tf.append(2)\n'
                       '\tvar i = PackedInt32Array()\n\ti.append(2147483648)\n'
                       '\tprint(b, s, f, i)\n\tquit()\n', dialect=4)
        assert (r.stdout, r.stderr) == ('[44, 7]["x", "5"][1.5, 2.0][-2147483648]\n', "")
