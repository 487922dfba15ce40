"""Image (with a pure-Python PNG decoder), ImageTexture and TextureRect, both dialects.

Contract: ``Image.load_png_from_buffer(bytes)`` decodes 8-bit non-interlaced PNGs
of every colour type (gray, gray+alpha, RGB, RGBA, palette; a ``tRNS`` chunk adds
alpha) into Godot's formats L8 / LA8 / RGB8 / RGBA8, as Godot's libpng loader
does.  Failures print Godot's chain of engine errors and return
``ERR_PARSE_ERROR`` (an empty buffer: ``ERR_INVALID_PARAMETER``); what this
decoder does not support (16-bit or 1/2/4-bit depths, Adam7 interlacing) is
reported as Godot reports an unsupported PNG format.  Nothing is drawn:
``ImageTexture`` keeps a copy of its image and ``TextureRect`` holds a texture.
"""

from __future__ import annotations

import struct
import zlib

from ..errors import engine_error
from .color import Color, Color3
from .global_constants import (
    ERR_FILE_CORRUPT,
    ERR_INVALID_PARAMETER,
    ERR_PARSE_ERROR,
    ERR_UNAVAILABLE,
    OK,
)
from .math_vectors import Vector2, Vector2i
from .packed import PackedByteArray
from .scene_tree import Control, Resource, Resource3, _node_class, dialect3

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    from typing import Any, ClassVar

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_FORMATS_4 = (
    "L8 LA8 R8 RG8 RGB8 RGBA8 RGBA4444 RGB565 RF RGF RGBF RGBAF RH RGH RGBH RGBAH RGBE9995 "
    "DXT1 DXT3 DXT5 RGTC_R RGTC_RG BPTC_RGBA BPTC_RGBF BPTC_RGBFU ETC ETC2_R11 ETC2_R11S "
    "ETC2_RG11 ETC2_RG11S ETC2_RGB8 ETC2_RGBA8 ETC2_RGB8A1 ETC2_RA_AS_RG DXT5_RA_AS_RG "
    "ASTC_4x4 ASTC_4x4_HDR ASTC_8x8 ASTC_8x8_HDR R16 RG16 RGB16 RGBA16 R16I RG16I RGB16I "
    "RGBA16I MAX").split()
_FORMATS_3 = (
    "L8 LA8 R8 RG8 RGB8 RGBA8 RGBA4444 RGBA5551 RF RGF RGBF RGBAF RH RGH RGBH RGBAH RGBE9995 "
    "DXT1 DXT3 DXT5 RGTC_R RGTC_RG BPTC_RGBA BPTC_RGBF BPTC_RGBFU PVRTC2 PVRTC2A PVRTC4 "
    "PVRTC4A ETC ETC2_R11 ETC2_R11S ETC2_RG11 ETC2_RG11S ETC2_RGB8 ETC2_RGBA8 ETC2_RGB8A1 "
    "MAX").split()
FORMAT_L8, FORMAT_LA8, FORMAT_R8, FORMAT_RG8, FORMAT_RGB8, FORMAT_RGBA8 = range(6)
# Bytes per pixel of the formats this module can hold (the same numbers in both dialects).
PIXEL_SIZE = {FORMAT_L8: 1, FORMAT_LA8: 2, FORMAT_R8: 1, FORMAT_RG8: 2, FORMAT_RGB8: 3,
              FORMAT_RGBA8: 4}
MAX_SIDE = 1 << 24
MAX_PIXELS = 1 << 28


# * PNG decoding -------------------------------------------------------------------

class PNGError(Exception):
    """A PNG this decoder rejects; ``code`` is the Error png_to_image would return."""

    def __init__(self, message: str, code: int = ERR_FILE_CORRUPT) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# PNG colour type -> samples per pixel.
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def decode_png(data: bytes) -> tuple[int, int, int, bytes]:
    """``(width, height, FORMAT_*, pixel bytes)`` of an 8-bit PNG, or raise PNGError."""
    if bytes(data[:8]) != PNG_SIGNATURE:
        raise PNGError("Not a PNG file")
    chunks = _read_chunks(memoryview(data)[8:])
    header = chunks.get(b"IHDR")
    if not header or len(header[0]) != 13:
        raise PNGError("Missing IHDR before IDAT")
    width, height, depth, ctype, _comp, _filter, interlace = struct.unpack(">IIBBBBB", header[0])
    if ctype not in _CHANNELS or width == 0 or height == 0:
        raise PNGError("Invalid IHDR data")
    if depth != 8 or interlace:
        raise PNGError("Unsupported png format.", ERR_UNAVAILABLE)
    if b"IDAT" not in chunks:
        raise PNGError("Not enough image data")
    try:
        raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    except zlib.error as error:
        raise PNGError(f"IDAT: {error}") from None
    channels = _CHANNELS[ctype]
    pixels = unfilter(raw, width * channels, height, channels)
    trns = chunks.get(b"tRNS", [None])[0]
    fmt, out = _to_godot(pixels, ctype, chunks.get(b"PLTE", [None])[0], trns)
    return width, height, fmt, out


def _read_chunks(view: memoryview) -> dict[bytes, list[bytes]]:
    chunks: dict[bytes, list[bytes]] = {}
    pos = 0
    while pos + 12 <= len(view):
        length, kind = struct.unpack(">I4s", view[pos:pos + 8])
        body = bytes(view[pos + 8:pos + 8 + length])
        if pos + 12 + length > len(view):
            raise PNGError("Not enough image data")
        (crc,) = struct.unpack(">I", view[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise PNGError(f"{kind.decode('latin-1')}: CRC error")
        if kind == b"IEND":
            return chunks
        chunks.setdefault(kind, []).append(body)
        pos += 12 + length
    raise PNGError("Not enough image data")


def unfilter(raw: bytes, stride: int, height: int, bpp: int) -> bytearray:
    """Undo PNG's per-row filters (None, Sub, Up, Average, Paeth) on 8-bit samples."""
    if len(raw) < (stride + 1) * height:
        raise PNGError("Not enough image data")
    out = bytearray(stride * height)
    prior = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        row = bytearray(raw[start + 1:start + 1 + stride])
        if kind > 4:
            raise PNGError("bad adaptive filter value")
        _FILTERS[kind](row, prior, bpp)
        out[y * stride:(y + 1) * stride] = row
        prior = row
    return out


def _none(row: bytearray, prior: bytearray, bpp: int) -> None:
    pass


def _sub(row: bytearray, prior: bytearray, bpp: int) -> None:
    for i in range(bpp, len(row)):
        row[i] = (row[i] + row[i - bpp]) & 0xFF


def _up(row: bytearray, prior: bytearray, bpp: int) -> None:
    for i in range(len(row)):
        row[i] = (row[i] + prior[i]) & 0xFF


def _average(row: bytearray, prior: bytearray, bpp: int) -> None:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        row[i] = (row[i] + ((left + prior[i]) >> 1)) & 0xFF


def _paeth(row: bytearray, prior: bytearray, bpp: int) -> None:
    for i in range(len(row)):
        a = row[i - bpp] if i >= bpp else 0
        b = prior[i]
        c = prior[i - bpp] if i >= bpp else 0
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
        row[i] = (row[i] + pred) & 0xFF


_FILTERS = (_none, _sub, _up, _average, _paeth)


def _to_godot(pixels: bytearray, ctype: int, plte: bytes | None,
              trns: bytes | None) -> tuple[int, bytes]:
    """Samples of colour type ``ctype`` -> (Godot format, bytes), as libpng's simple API."""
    if ctype == 3:
        return _expand_palette(pixels, plte, trns)
    if trns is None or ctype in (4, 6):
        return {0: FORMAT_L8, 2: FORMAT_RGB8, 4: FORMAT_LA8, 6: FORMAT_RGBA8}[ctype], bytes(pixels)
    channels = 1 if ctype == 0 else 3
    if len(trns) != 2 * channels:
        raise PNGError("tRNS: invalid")
    key = bytes(trns[1::2])  # 8-bit samples sit in the low byte of each 16-bit entry
    out = bytearray()
    for i in range(0, len(pixels), channels):
        sample = pixels[i:i + channels]
        out += sample + (b"\x00" if sample == key else b"\xff")
    return (FORMAT_LA8 if ctype == 0 else FORMAT_RGBA8), bytes(out)


def _expand_palette(indices: bytearray, plte: bytes | None,
                    trns: bytes | None) -> tuple[int, bytes]:
    if not plte or len(plte) % 3:
        raise PNGError("Missing PLTE before IDAT")
    count = len(plte) // 3
    alpha = (trns or b"") + b"\xff" * count
    colours = [plte[i * 3:i * 3 + 3] + (alpha[i:i + 1] if trns else b"") for i in range(count)]
    out = bytearray()
    for index in indices:
        if index >= count:
            raise PNGError("palette index out of range")  # libpng maps these to black
        out += colours[index]
    return (FORMAT_RGBA8 if trns else FORMAT_RGB8), bytes(out)


# * Image ----------------------------------------------------------------------------

class Image(Resource):
    """Godot 4's Image: width, height, format and pixel bytes (formats L8..RGBA8)."""

    GODOT_NAME = "Image"
    _COLOR: ClassVar[type] = Color
    _RETURN_WORD: ClassVar[str] = "Returning"

    def __init__(self) -> None:
        super().__init__()
        self._gd_width = 0
        self._gd_height = 0
        self._gd_format = FORMAT_L8
        self._gd_data = b""

    def _gd_fail(self, condition: str, value: str, explanation: str | None = None) -> None:
        engine_error(f'Condition "{condition}" is true. {self._RETURN_WORD}: {value}', explanation)

    def load_png_from_buffer(self, buffer: Any) -> int:
        data = bytes(buffer)
        if not data:
            self._gd_fail("buffer_size == 0", "ERR_INVALID_PARAMETER")
            return ERR_INVALID_PARAMETER
        try:
            width, height, fmt, pixels = decode_png(data)
        except PNGError as error:
            self._gd_report_png_error(error)
            return ERR_PARSE_ERROR
        self._gd_width, self._gd_height, self._gd_format, self._gd_data = width, height, fmt, pixels
        return OK

    def _gd_report_png_error(self, error: PNGError) -> None:
        if error.code == ERR_UNAVAILABLE:
            engine_error(error.message)
        else:
            self._gd_fail("check_error(png_img)", "ERR_FILE_CORRUPT", error.message)
        self._gd_fail("err", "Ref<Image>()")
        self._gd_fail("image.is_null()", "ERR_PARSE_ERROR")

    def get_width(self) -> int:
        return self._gd_width

    def get_height(self) -> int:
        return self._gd_height

    def get_size(self) -> Any:
        return Vector2i(self._gd_width, self._gd_height)

    def get_format(self) -> int:
        return self._gd_format

    def is_empty(self) -> bool:
        return not self._gd_data

    def get_data(self) -> PackedByteArray:
        return PackedByteArray(self._gd_data)

    def has_mipmaps(self) -> bool:
        return False

    def get_pixel(self, x: int, y: int) -> Any:
        if not 0 <= x < self._gd_width:
            engine_error(f"Index p_x = {x} is out of bounds (width = {self._gd_width}).")
            return self._COLOR()
        if not 0 <= y < self._gd_height:
            engine_error(f"Index p_y = {y} is out of bounds (height = {self._gd_height}).")
            return self._COLOR()
        return self._gd_color_at(y * self._gd_width + x)

    def get_pixelv(self, point: Any) -> Any:
        return self.get_pixel(int(point.x), int(point.y))

    def _gd_color_at(self, index: int) -> Any:
        size = PIXEL_SIZE[self._gd_format]
        px = [v / 255.0 for v in self._gd_data[index * size:(index + 1) * size]]
        fmt = self._gd_format
        if fmt in (FORMAT_L8, FORMAT_LA8):
            return self._COLOR(px[0], px[0], px[0], px[1] if fmt == FORMAT_LA8 else 1.0)
        if fmt in (FORMAT_R8, FORMAT_RG8):
            return self._COLOR(px[0], px[1] if fmt == FORMAT_RG8 else 0.0, 0.0, 1.0)
        return self._COLOR(px[0], px[1], px[2], px[3] if fmt == FORMAT_RGBA8 else 1.0)

    def _gd_initialize(self, width: int, height: int, use_mipmaps: bool, fmt: int) -> bool:
        """Godot's initialize_data (no mipmaps are made); False after an error."""
        for side, value in (("width", width), ("height", height)):
            if value <= 0:
                engine_error(f"The Image {side} specified ({value} pixels) must be greater "
                             "than 0 pixels.")
                return False
            if value > MAX_SIDE:
                engine_error(f"The Image {side} specified ({value} pixels) cannot be greater "
                             f"than {MAX_SIDE} pixels.")
                return False
        if fmt not in PIXEL_SIZE:
            engine_error(f"The Image format specified ({fmt}) is not supported here "
                         "(only L8, LA8, R8, RG8, RGB8 and RGBA8 are).")
            return False
        self._gd_width, self._gd_height, self._gd_format = width, height, fmt
        self._gd_data = bytes(width * height * PIXEL_SIZE[fmt])
        return True

    @staticmethod
    def create_empty(width: int, height: int, use_mipmaps: bool, format: int) -> Any:  # noqa: A002
        image = Image()
        image._gd_initialize(width, height, use_mipmaps, format)
        return image

    @staticmethod
    def create(width: int, height: int, use_mipmaps: bool, format: int) -> Any:  # noqa: A002
        return Image.create_empty(width, height, use_mipmaps, format)

    @staticmethod
    def load_from_file(path: str) -> Any:
        from .files import FileAccess

        data = FileAccess.get_file_as_bytes(path)
        image = Image()
        return image if data and image.load_png_from_buffer(data) == OK else None


for _index, _name in enumerate(_FORMATS_4):
    setattr(Image, f"FORMAT_{_name}", _index)


class Image3(Image, Resource3):
    """Godot 3's Image: ``create`` fills this image; ``get_pixel`` needs ``lock()``."""

    GODOT_NAME = "Image"
    _COLOR = Color3
    _RETURN_WORD = "Returned"

    def __init__(self) -> None:
        super().__init__()
        self._gd_locked = False

    def create(self, width: int, height: int, use_mipmaps: bool, format: int) -> None:  # noqa: A002
        if width <= 0:
            engine_error("Image width must be greater than 0.")
            return
        if height <= 0:
            engine_error("Image height must be greater than 0.")
            return
        self._gd_initialize(width, height, use_mipmaps, format)

    def _gd_fail(self, condition: str, value: str, explanation: str | None = None) -> None:
        condition = "!image.is_valid()" if condition == "image.is_null()" else condition
        super()._gd_fail(condition, value, explanation)

    def lock(self) -> None:
        self._gd_locked = True

    def unlock(self) -> None:
        self._gd_locked = False

    def get_pixel(self, x: int, y: int) -> Any:
        if not self._gd_locked:
            engine_error("Image must be locked with 'lock()' before using get_pixel().")
            return Color3()
        return super().get_pixel(x, y)

    def get_size(self) -> Any:
        return Vector2(self._gd_width, self._gd_height)


for _index, _name in enumerate(_FORMATS_3):
    setattr(Image3, f"FORMAT_{_name}", _index)


# * ImageTexture and TextureRect -------------------------------------------------------

class ImageTexture(Resource):
    """Godot 4's ImageTexture: a copy of an image (no GPU); ``create_from_image`` is static."""

    GODOT_NAME = "ImageTexture"
    _IMAGE: ClassVar[type] = Image

    def __init__(self) -> None:
        super().__init__()
        self._gd_image: Image | None = None

    def _gd_set(self, image: Any) -> bool:
        if not isinstance(image, Image) or image.is_empty():
            if self._gd_image is not None:
                engine_error("Invalid image")
            return False
        copy = type(image)()
        copy._gd_width, copy._gd_height = image._gd_width, image._gd_height
        copy._gd_format, copy._gd_data = image._gd_format, image._gd_data
        self._gd_image = copy
        return True

    @staticmethod
    def create_from_image(image: Any) -> Any:
        if not isinstance(image, Image) or image.is_empty():
            condition, why = (("p_image->is_empty()", "image is empty") if isinstance(image, Image)
                              else ("p_image.is_null()", "null"))
            engine_error(f'Condition "{condition}" is true. Returning: Ref<ImageTexture>()',
                         f"Invalid image: {why}")
            return None
        texture = ImageTexture()
        texture._gd_set(image)
        return texture

    def set_image(self, image: Any) -> None:
        self._gd_set(image)

    def update(self, image: Any) -> None:
        self._gd_set(image)

    def get_image(self) -> Any:
        return self._gd_image

    def get_format(self) -> int:
        return self._gd_image._gd_format if self._gd_image else FORMAT_L8

    def get_width(self) -> int:
        return self._gd_image._gd_width if self._gd_image else 0

    def get_height(self) -> int:
        return self._gd_image._gd_height if self._gd_image else 0

    def get_size(self) -> Any:
        return Vector2(self.get_width(), self.get_height())

    def has_alpha(self) -> bool:
        return self.get_format() in (FORMAT_LA8, FORMAT_RGBA8)


class ImageTexture3(ImageTexture, Resource3):
    """Godot 3's ImageTexture: ``create_from_image`` fills this texture; ``flags`` kept."""

    GODOT_NAME = "ImageTexture"
    FLAG_MIPMAPS, FLAG_REPEAT, FLAG_FILTER, FLAGS_DEFAULT = 1, 2, 4, 7

    def __init__(self) -> None:
        super().__init__()
        self.flags = 7

    def create_from_image(self, image: Any, flags: int = 7) -> None:  # type: ignore[override]
        if not isinstance(image, Image) or image.is_empty():
            for _ in range(2):  # Godot 3.2.3 reports it from two internal calls
                engine_error("Image width must be greater than 0.")
            return
        self._gd_set(image)
        self.flags = int(flags)

    def get_data(self) -> Any:
        return self._gd_image

    def get_flags(self) -> int:
        return self.flags

    def set_flags(self, flags: int) -> None:
        self.flags = int(flags)


TextureRect = _node_class("TextureRect", Control, (), {
    "texture": None, "expand_mode": 0, "stretch_mode": 0, "flip_h": False, "flip_v": False})

GODOT_CLASSES: dict[str, Any] = {}
GODOT_CLASSES_4 = {"Image": Image, "ImageTexture": ImageTexture, "TextureRect": TextureRect}
GODOT_CLASSES_3 = {"Image": Image3, "ImageTexture": ImageTexture3,
                   "TextureRect": dialect3(TextureRect)}
