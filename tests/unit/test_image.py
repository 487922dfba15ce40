"""Image's PNG decoder, ImageTexture, TextureRect, the fixture server's PNG and the docs.

PNGs are built here with zlib, and the five row filters are applied by the
forward filter below (written from the PNG specification, independent of the
decoder's inverse).  Error wording and return codes follow Godot's
core/io/image.cpp, drivers/png/png_driver_common.cpp and
scene/resources/image_texture.cpp; the 3.x values were checked against Godot 3.2.3.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from gdscript import api, docsnippets, doctest_run
from gdscript.fixture_server import PLACEHOLDER_PNG, PLACEHOLDER_SIDE
from gdscript.network_options import apply_network_options
from gdscript.stdlib import class_table
from gdscript.stdlib.color import Color, Color3
from gdscript.stdlib.global_constants import ERR_INVALID_PARAMETER, ERR_PARSE_ERROR, OK
from gdscript.stdlib.image import Image, Image3, ImageTexture, ImageTexture3

DOCS = Path("/work/shared/docs")



def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def forward_filter(kind: int, row: bytes, prior: bytes, bpp: int) -> bytes:
    """PNG filter ``kind`` applied to ``row`` (the encoder's side)."""
    out = bytearray()
    for i, value in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = prior[i]
        c = prior[i - bpp] if i >= bpp else 0
        if kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
        else:
            pred = (0, a, b, (a + b) // 2)[kind]
        out.append((value - pred) % 256)
    return bytes(out)


def make_png(width: int, height: int, ctype: int, pixels: bytes, bpp: int, kind: int = 0,
             extra: tuple[tuple[bytes, bytes], ...] = (), depth: int = 8) -> bytes:
    stride = width * bpp
    rows = [pixels[y * stride:(y + 1) * stride] for y in range(height)]
    raw = b"".join(bytes([kind]) + forward_filter(kind, row, prior, bpp)
                   for row, prior in zip(rows, [bytes(stride)] + rows[:-1], strict=True))
    header = struct.pack(">IIBBBBB", width, height, depth, ctype, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + b"".join(chunk(*c) for c in extra)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def sample_pixels(width: int, height: int, bpp: int) -> bytes:
    """Varied bytes, so that every filter predicts something non-trivial."""
    return bytes((x * 37 + y * 91 + c * 53 + (x * y) % 7) % 256
                 for y in range(height) for x in range(width) for c in range(bpp))


def decoded(data: bytes, cls: type = Image) -> Image:
    image = cls()
    assert image.load_png_from_buffer(data) == OK
    return image


class TestDecode:
    @pytest.mark.parametrize("kind", [0, 1, 2, 3, 4])
    @pytest.mark.parametrize(("ctype", "bpp", "fmt"), [(0, 1, Image.FORMAT_L8),
                                                       (4, 2, Image.FORMAT_LA8),
                                                       (2, 3, Image.FORMAT_RGB8),
                                                       (6, 4, Image.FORMAT_RGBA8)])
    def test_every_colour_type_and_filter(self, ctype, bpp, fmt, kind):
        pixels = sample_pixels(7, 5, bpp)
        image = decoded(make_png(7, 5, ctype, pixels, bpp, kind))
        assert (image.get_width(), image.get_height(), image.get_format()) == (7, 5, fmt)
        assert bytes(image.get_data()) == pixels
        assert not image.is_empty()

    def test_rgba_pixel_is_a_color_of_bytes_over_255(self):
        image = decoded(make_png(2, 1, 6, bytes([10, 20, 30, 40, 255, 0, 128, 255]), 4))
        assert image.get_pixel(1, 0) == Color(1.0, 0.0, 128 / 255, 1.0)
        assert image.get_pixel(0, 0) == Color(10 / 255, 20 / 255, 30 / 255, 40 / 255)

    def test_gray_pixel_spreads_to_rgb_with_opaque_alpha(self):
        image = decoded(make_png(1, 1, 0, bytes([51]), 1))
        assert image.get_pixel(0, 0) == Color(0.2, 0.2, 0.2, 1.0)

    def test_palette_expands_to_rgb8(self):
        plte = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255])
        image = decoded(make_png(3, 1, 3, bytes([2, 0, 1]), 1, extra=((b"PLTE", plte),)))
        assert image.get_format() == Image.FORMAT_RGB8
        assert bytes(image.get_data()) == bytes([0, 0, 255, 255, 0, 0, 0, 255, 0])

    def test_palette_with_trns_expands_to_rgba8(self):
        plte = bytes([1, 2, 3, 4, 5, 6])
        extra = ((b"PLTE", plte), (b"tRNS", bytes([9])))  # entry 1 has no alpha: opaque
        image = decoded(make_png(2, 1, 3, bytes([1, 0]), 1, 4, extra))
        assert image.get_format() == Image.FORMAT_RGBA8
        assert bytes(image.get_data()) == bytes([4, 5, 6, 255, 1, 2, 3, 9])

    def test_rgb_with_trns_key_becomes_transparent(self):
        extra = ((b"tRNS", bytes([0, 7, 0, 8, 0, 9])),)
        image = decoded(make_png(2, 1, 2, bytes([7, 8, 9, 7, 8, 10]), 3, 1, extra))
        assert image.get_format() == Image.FORMAT_RGBA8
        assert bytes(image.get_data()) == bytes([7, 8, 9, 0, 7, 8, 10, 255])

    def test_gray_with_trns_becomes_la8(self):
        image = decoded(make_png(2, 1, 0, bytes([5, 6]), 1, extra=((b"tRNS", b"\x00\x06"),)))
        assert image.get_format() == Image.FORMAT_LA8
        assert bytes(image.get_data()) == bytes([5, 255, 6, 0])

    def test_idat_split_over_chunks(self):
        pixels = sample_pixels(4, 4, 3)
        whole = make_png(4, 4, 2, pixels, 3, 2)
        start = whole.index(b"IDAT") - 4
        (length,) = struct.unpack(">I", whole[start:start + 4])
        data = whole[start + 8:start + 8 + length]
        split = whole[:start] + chunk(b"IDAT", data[:5]) + chunk(b"IDAT", data[5:]) + \
            whole[start + 12 + length:]
        assert bytes(decoded(split).get_data()) == pixels


def corrupt_cases() -> dict[str, bytes]:
    good = make_png(2, 2, 6, bytes(16), 4)
    crc_at = good.index(b"IHDR") + 4 + 13
    return {
        "not a png": b"GIF89a not a png at all",
        "bad crc": good[:crc_at] + bytes([good[crc_at] ^ 1]) + good[crc_at + 1:],
        "truncated": good[:-20],
        "bad filter": make_png(1, 1, 0, b"\x00", 1).replace(
            chunk(b"IDAT", zlib.compress(b"\x00\x00")), chunk(b"IDAT", zlib.compress(b"\x07\x00"))),
        "bad zlib": good[:good.index(b"IDAT") - 4] + chunk(b"IDAT", b"\xff" * 20)
        + chunk(b"IEND", b""),
    }


class TestErrors:
    def test_empty_buffer_is_invalid_parameter(self, engine_messages):
        assert Image().load_png_from_buffer(b"") == ERR_INVALID_PARAMETER
        assert engine_messages == [("ERROR", 'Condition "buffer_size == 0" is true. '
                                    "Returning: ERR_INVALID_PARAMETER", None)]

    def test_not_a_png_prints_godots_chain(self, engine_messages):
        image = Image()
        assert image.load_png_from_buffer(b"hello, this is text") == ERR_PARSE_ERROR
        assert [m[1] for m in engine_messages] == [
            'Condition "check_error(png_img)" is true. Returning: ERR_FILE_CORRUPT',
            'Condition "err" is true. Returning: Ref<Image>()',
            'Condition "image.is_null()" is true. Returning: ERR_PARSE_ERROR']
        assert engine_messages[0][2] == "Not a PNG file"
        assert image.is_empty() and image.get_size().x == 0

    @pytest.mark.parametrize("case", sorted(corrupt_cases()))
    def test_corrupt_buffers_are_parse_errors(self, engine_messages, case):
        image = Image()
        assert image.load_png_from_buffer(corrupt_cases()[case]) == ERR_PARSE_ERROR
        assert engine_messages[0][1].endswith("Returning: ERR_FILE_CORRUPT")
        assert image.is_empty()

    def test_sixteen_bit_is_reported_unsupported(self, engine_messages):
        data = make_png(1, 1, 0, b"\x12\x34", 2, depth=16)
        assert Image().load_png_from_buffer(data) == ERR_PARSE_ERROR
        assert engine_messages[0] == ("ERROR", "Unsupported png format.", None)

    def test_failed_load_keeps_the_previous_image(self, engine_messages):
        image = decoded(make_png(3, 2, 0, bytes(6), 1))
        assert image.load_png_from_buffer(b"junk") == ERR_PARSE_ERROR
        assert (image.get_width(), image.get_height()) == (3, 2)

    def test_get_pixel_out_of_bounds(self, engine_messages):
        image = decoded(make_png(2, 2, 0, bytes(4), 1))
        assert image.get_pixel(2, 0) == Color()
        assert engine_messages[0][1] == "Index p_x = 2 is out of bounds (width = 2)."

    def test_3x_uses_returned_and_is_valid_wording(self, engine_messages):
        assert Image3().load_png_from_buffer(b"nope") == ERR_PARSE_ERROR
        assert engine_messages[-1][1] == (
            'Condition "!image.is_valid()" is true. Returned: ERR_PARSE_ERROR')


class TestCreate:
    def test_create_empty_is_zeroed(self):
        image = Image.create_empty(3, 2, False, Image.FORMAT_RGBA8)
        assert bytes(image.get_data()) == bytes(24)
        assert image.get_size() == class_table(4)["Vector2i"](3, 2)

    def test_zero_width_is_refused(self, engine_messages):
        assert Image.create_empty(0, 2, False, Image.FORMAT_L8).is_empty()
        assert engine_messages[0][1] == (
            "The Image width specified (0 pixels) must be greater than 0 pixels.")

    def test_format_constants_of_each_dialect(self):
        assert (Image.FORMAT_RGBA8, Image.FORMAT_RGB565, Image.FORMAT_MAX) == (5, 7, 47)
        # Godot 3.2.3 printed [7, 25, 29, 36, 37] for these.
        assert [Image3.FORMAT_RGBA5551, Image3.FORMAT_PVRTC2, Image3.FORMAT_ETC,
                Image3.FORMAT_ETC2_RGB8A1, Image3.FORMAT_MAX] == [7, 25, 29, 36, 37]

    def test_3x_get_pixel_needs_lock(self, engine_messages):
        image = Image3()
        image.create(2, 2, False, Image3.FORMAT_RGB8)
        assert image.get_pixel(0, 0) == Color3(0, 0, 0, 1)
        assert engine_messages[0][1] == (
            "Image must be locked with 'lock()' before using get_pixel().")
        image.lock()
        assert image.get_pixel(1, 1) == Color3(0, 0, 0, 1) and len(engine_messages) == 1


class TestImageTexture:
    def test_4x_static_create_from_image(self):
        image = decoded(make_png(5, 3, 6, sample_pixels(5, 3, 4), 4))
        texture = ImageTexture.create_from_image(image)
        assert (texture.get_width(), texture.get_height()) == (5, 3)
        assert (texture.get_size().x, texture.get_size().y) == (5.0, 3.0)
        copy = texture.get_image()
        assert copy is not image and bytes(copy.get_data()) == bytes(image.get_data())

    def test_4x_empty_image_gives_null(self, engine_messages):
        assert ImageTexture.create_from_image(Image()) is None
        assert engine_messages[0][2] == "Invalid image: image is empty"

    def test_3x_instance_create_from_image_keeps_flags(self):
        texture = ImageTexture3()
        texture.create_from_image(decoded(make_png(4, 6, 0, bytes(24), 1), Image3), 3)
        assert (texture.get_width(), texture.get_height(), texture.flags) == (4, 6, 3)
        assert texture.get_data().get_size().y == 6

    def test_registered_as_resources_in_both_dialects(self):
        for dialect in (3, 4):
            table = class_table(dialect)
            for name in ("Image", "ImageTexture"):
                assert issubclass(table[name], table["Resource"])
            assert issubclass(table["TextureRect"], class_table(4)["Control"])

    @pytest.mark.parametrize("dialect", [3, 4])
    def test_texture_rect_holds_a_texture(self, dialect):
        make = ("var t = ImageTexture.create_from_image(img)" if dialect == 4 else
                "var t = ImageTexture.new()\n\tt.create_from_image(img)")
        source = (f"extends SceneTree\nfunc _init():\n\tvar img = Image.new()\n"
                  f"\tprint(img.load_png_from_buffer(Marshalls.base64_to_raw(\"{b64()}\")))\n"
                  f"\t{make}\n\tvar rect = TextureRect.new()\n\tprint(rect.texture)\n"
                  "\trect.texture = t\n\tprint(rect.texture.get_width(), \" \", rect is Control)\n"
                  "\trect.free()\n\tquit()\n")
        result = api.run_source(source, dialect=dialect)
        null, true = ("Null", "True") if dialect == 3 else ("<null>", "true")
        assert result.stdout == f"0\n{null}\n{PLACEHOLDER_SIDE} {true}\n", result.stderr


def b64() -> str:
    import base64

    return base64.b64encode(PLACEHOLDER_PNG).decode("ascii")


class TestFixturePNG:
    def test_placeholder_is_a_16px_rgba_gradient(self):
        image = decoded(PLACEHOLDER_PNG)
        assert (image.get_width(), image.get_height(), image.get_format()) == (16, 16, 5)
        assert image.get_pixel(3, 5) == Color(48 / 255, 80 / 255, 128 / 255, 1.0)


DOC_BLOCKS = [(DOCS / "4.x/classes/class_httprequest.rst", "Image.new()"),
              (DOCS / "3.x/classes/class_httprequest.rst", "Image.new()"),
              (DOCS / "4.x/xml/HTTPRequest.xml", "Image.new()")]


@pytest.fixture(scope="module")
def offline():
    undo = apply_network_options(True, [], None)
    yield
    undo()


@pytest.mark.skipif(not all(p.exists() for p, _ in DOC_BLOCKS), reason="no Godot docs here")
class TestHTTPRequestImageDocs:
    @pytest.mark.parametrize(("path", "needle"), DOC_BLOCKS)
    def test_doc_block_downloads_and_shows_the_image(self, offline, path, needle):
        blocks = [b for b in docsnippets.extract_from_paths([str(path)]) if needle in b.text]
        assert len(blocks) == 1
        outcome = doctest_run.run_block(blocks[0], doctest_run.RunOptions(timeout=20))
        assert outcome.status == "PASS", outcome.reason
        assert not any("ERROR" in w for w in outcome.warnings), outcome.warnings

    def test_offline_download_decodes_the_fixture_png(self, offline):
        source = """extends Node
func _ready():
	var http = HTTPRequest.new()
	add_child(http)
	http.request_completed.connect(_done)
	http.request("https://placehold.co/512.png")

func _done(result, code, headers, body):
	var image = Image.new()
	print(result, " ", code, " ", image.load_png_from_buffer(body), " ", image.get_size())
	print(image.get_pixel(15, 1))
	get_tree().quit()
"""
        result = api.run_source(source, dialect=4, timeout=20)
        assert result.stdout == "0 200 0 (16, 16)\n(0.9412, 0.0627, 0.502, 1.0)\n", result.stderr
