"""Binary Variant encoding (var_to_bytes) and the Marshalls singleton.

Byte sequences and base64 strings were printed by Godot 3.2.3; the 4.x layout is
the same apart from the type ids (core/io/marshalls.cpp).
"""

from __future__ import annotations

import pytest

from gdscript import errors
from gdscript.stdlib import class_table, marshalls
from gdscript.stdlib.arrays import Array
from gdscript.stdlib.dictionary import Dictionary
from gdscript.stdlib.marshalls import MarshallError, decode_variant, encode_variant

T3 = class_table(3)
T4 = class_table(4)


class TestEncode3:
    @pytest.mark.parametrize("value, expected", [
        (1, [2, 0, 0, 0, 1, 0, 0, 0]),
        (1.5, [3, 0, 0, 0, 0, 0, 192, 63]),
        ("ab", [4, 0, 0, 0, 2, 0, 0, 0, 97, 98, 0, 0]),
        (1 << 40, [2, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0]),
        (0.1, [3, 0, 1, 0, 154, 153, 153, 153, 153, 153, 185, 63]),
        (Array([1]), [19, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0]),
        (Dictionary({"a": 1}), [18, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 1, 0, 0, 0, 97, 0, 0, 0,
                                2, 0, 0, 0, 1, 0, 0, 0]),
    ])
    def test_bytes_match_godot_3(self, value, expected):
        assert list(encode_variant(value, 3)) == expected
        assert decode_variant(bytes(expected), 3) == value

    def test_pool_arrays_and_vectors(self):
        assert list(encode_variant(T3["PoolIntArray"]([7]), 3)) == [21, 0, 0, 0, 1, 0, 0, 0, 7, 0, 0, 0]
        assert list(encode_variant(T3["Vector2"](1, 2), 3)) == [5, 0, 0, 0, 0, 0, 128, 63, 0, 0, 0, 64]
        strings = T3["PoolStringArray"](["x"])
        assert list(encode_variant(strings, 3)) == [23, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 120, 0, 0, 0]
        assert list(decode_variant(bytes(encode_variant(strings, 3)), 3)) == ["x"]


class TestEncode4:
    def test_type_ids(self):
        assert list(encode_variant(Array([None, True]), 4)) == [28, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
                                                                1, 0, 0, 0, 1, 0, 0, 0]
        assert list(encode_variant(T4["PackedByteArray"](b"\x01\x02"), 4)) == [29, 0, 0, 0, 2, 0, 0, 0,
                                                                              1, 2, 0, 0]

    def test_round_trips(self):
        values = [Dictionary({"k": Array([1, -2.25, "é"])}), T4["Vector3i"](1, -2, 3),
                  T4["PackedFloat64Array"]([0.1]), T4["PackedColorArray"]([T4["Color"](1, 0.5, 0, 1)]),
                  T4["StringName"]("name")]
        for value in values:
            decoded = decode_variant(bytes(encode_variant(value, 4)), 4)
            assert decoded == value and type(decoded) is type(value)

    def test_truncated_data(self):
        with pytest.raises(MarshallError):
            decode_variant(b"\x01\x02", 4)
        with pytest.raises(MarshallError):
            decode_variant(bytes([4, 0, 0, 0, 9, 0, 0, 0, 97]), 4)


class TestMarshalls:
    def test_godot_3_values(self):
        m = marshalls.Marshalls3()
        assert m.utf8_to_base64("héllo") == "aMOpbGxv" and m.base64_to_utf8("aMOpbGxv") == "héllo"
        assert m.raw_to_base64(T3["PoolByteArray"]([1, 2, 3])) == "AQID"
        assert list(m.base64_to_raw("AQID")) == [1, 2, 3]
        assert m.variant_to_base64(Array([1, "a"])) == "EwAAAAIAAAACAAAAAQAAAAQAAAABAAAAYQAAAA=="
        assert m.base64_to_variant(m.variant_to_base64(Dictionary({"k": 2.5}))) == {"k": 2.5}

    def test_bad_variant_data_is_engine_error(self):
        seen = []
        old = errors.set_engine_error_sink(lambda *entry: seen.append(entry))
        try:
            assert marshalls.Marshalls().base64_to_variant("AQI=") is None
        finally:
            errors.set_engine_error_sink(old)
        assert seen and seen[0][0] == "ERROR"
