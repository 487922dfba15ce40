"""Godot's Color value type (both dialects), immutable like every math value.

Components are float32 (Godot's Color always uses ``float``).  4.x prints
``(r, g, b, a)`` with ``String::num(c, 4)``; 3.x prints ``r,g,b,a`` with 3.x
``String::num``.  HTML codes are RGBA in 4.x but ARGB in 3.x (``#aarrggbb``),
3.x named constants are lower-case (``Color.red``) with two-decimal values.
Maths follows core/math/color.cpp.
"""

from __future__ import annotations

import math

from gdscript.errors import engine_error

from .math_color_names import NAMED_COLORS_4
from .math_okcolor import okhsl_to_srgb, srgb_to_okhsl
from .math_common import (
    MathValue, bad_access, bad_assign, c_num, f32, is_equal_approx, method_table, no_constructor, num3,
    oob_get, oob_set,
)

_HEX = "0123456789abcdefABCDEF"


def _wrap64(value: int) -> int:
    return ((value + 2**63) % 2**64) - 2**63


def _fdiv(a: float, b: float) -> float:
    if b == 0:
        return math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a) * math.copysign(1, b)
    return a / b


def _round(x: float) -> int:
    return int(math.copysign(math.floor(abs(x) + 0.5), x)) if math.isfinite(x) else 0


def _to_hex(value: float) -> str:
    return "%02x" % min(max(_round(value * 255.0), 0), 255)


def _named_key(name: str) -> str:
    for ch in " -_'.":
        name = name.replace(ch, "")
    return name.upper()


_NAMED_LOOKUP_4 = {_named_key(n): v for n, v in NAMED_COLORS_4.items()}


class Color(MathValue):
    __slots__ = ("r", "g", "b", "a")
    GODOT_NAME = "Color"
    _FIELDS = ("r", "g", "b", "a")
    MEMBERS = ("r", "g", "b", "a", "h", "s", "v", "r8", "g8", "b8", "a8", "ok_hsl_h", "ok_hsl_s",
               "ok_hsl_l")
    _DIALECT = 4

    def __new__(cls, *args):
        if not args:
            return cls._make(0.0, 0.0, 0.0, 1.0)
        first = args[0]
        if len(args) <= 2 and isinstance(first, (Color, str, int)) and not isinstance(first, bool):
            if len(args) == 2 and not isinstance(args[1], (int, float)):
                raise no_constructor(cls.GODOT_NAME, args)
            base = cls._from_one(first)
            return base if len(args) == 1 else base._with_alpha(args[1])
        if len(args) in (3, 4) and all(isinstance(a, (int, float)) for a in args):
            return cls._rgba(*args)
        raise no_constructor(cls.GODOT_NAME, args)

    @classmethod
    def _rgba(cls, r, g, b, a=1.0):
        return cls._make(f32(float(r)), f32(float(g)), f32(float(b)), f32(float(a)))

    @classmethod
    def _from_one(cls, value):
        if isinstance(value, Color):
            return cls._make(*value._fields())
        if isinstance(value, str):
            return cls._from_code(value)
        return cls.hex(value)

    @classmethod
    def _from_code(cls, code):
        if cls._DIALECT == 3:
            return cls._html_3(code)
        return cls.html(code) if cls.html_is_valid(code) else cls._named(code)

    def _with_alpha(self, alpha):
        return self._rgba(self.r, self.g, self.b, alpha)

    # * members -----------------------------------------------------------------

    def _get_member(self, name):
        if name in self._FIELDS:
            return getattr(self, name)
        getter = _DERIVED_GET.get(name)
        if getter is None:
            raise bad_access(name, self.GODOT_NAME)
        return getter(self)

    def _with_member(self, name, value):
        if not isinstance(value, (int, float)):
            raise bad_assign(name, value, self.GODOT_NAME)
        if name in self._FIELDS:
            values = [value if f == name else getattr(self, f) for f in self._FIELDS]
            return self._rgba(*values)
        if name in ("h", "s", "v"):
            hsv = {"h": self.h, "s": self.s, "v": self.v, name: value}
            return self.from_hsv(hsv["h"], hsv["s"], hsv["v"], self.a)
        if name in _OK_HSL:
            hsl = dict(zip(_OK_HSL, self._ok_hsl()), **{name: value})
            return self.from_ok_hsl(hsl["ok_hsl_h"], hsl["ok_hsl_s"], hsl["ok_hsl_l"], self.a)
        if name in ("r8", "g8", "b8", "a8"):
            if self._DIALECT == 4:
                value = min(max(int(value), 0), 255)
            return self._with_member(name[0], value / 255.0)
        raise bad_assign(name, value, self.GODOT_NAME)

    def _get_index(self, i):
        if not isinstance(i, int) or not 0 <= i < 4:
            raise oob_get(i, self.GODOT_NAME)
        return getattr(self, self._FIELDS[i])

    def _with_index(self, i, value):
        if not isinstance(i, int) or not 0 <= i < 4:
            raise oob_set(i, self.GODOT_NAME)
        return self._with_member(self._FIELDS[i], value)

    @property
    def h(self):
        lo, hi = min(self.r, self.g, self.b), max(self.r, self.g, self.b)
        delta = hi - lo
        if delta == 0:
            return 0.0
        if self.r == hi:
            h = (self.g - self.b) / delta
        elif self.g == hi:
            h = 2 + (self.b - self.r) / delta
        else:
            h = 4 + (self.r - self.g) / delta
        h = f32(h / 6.0)
        return f32(h + 1.0) if h < 0 else h

    @property
    def s(self):
        lo, hi = min(self.r, self.g, self.b), max(self.r, self.g, self.b)
        return f32((hi - lo) / hi) if hi != 0 else 0.0

    @property
    def v(self):
        return max(self.r, self.g, self.b)

    def _ok_hsl(self):
        """(h, s, l) in Okhsl, each clamped to [0, 1]; NaN (grey has no hue) reads 0."""
        return tuple(0.0 if math.isnan(x) else f32(min(max(x, 0.0), 1.0))
                     for x in srgb_to_okhsl(self.r, self.g, self.b))

    def _r8(self):
        return _round(self.r * 255.0)

    def _g8(self):
        return _round(self.g * 255.0)

    def _b8(self):
        return _round(self.b * 255.0)

    def _a8(self):
        return _round(self.a * 255.0)

    def _gd_str(self, dialect):
        if dialect == 3:
            return ",".join(num3(c) for c in self._fields())
        return "(" + ", ".join(c_num(c, 4) for c in self._fields()) + ")"

    # * operators ---------------------------------------------------------------

    def _zip(self, other, fn):
        return self._rgba(*[fn(a, b) for a, b in zip(self._fields(), other._fields())])

    def __add__(self, other):
        return self._zip(other, lambda a, b: a + b) if type(other) is type(self) else NotImplemented

    def __sub__(self, other):
        return self._zip(other, lambda a, b: a - b) if type(other) is type(self) else NotImplemented

    def __mul__(self, other):
        if type(other) is type(self):
            return self._zip(other, lambda a, b: a * b)
        if isinstance(other, (int, float)) and not isinstance(other, bool):
            return self._rgba(*[c * other for c in self._fields()])
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if type(other) is type(self):
            return self._zip(other, _fdiv)
        if isinstance(other, (int, float)) and not isinstance(other, bool):
            return self._rgba(*[_fdiv(c, other) for c in self._fields()])
        return NotImplemented

    def __neg__(self):
        return self._rgba(*[1.0 - c for c in self._fields()])

    def __pos__(self):
        return self

    # * Godot methods -------------------------------------------------------------

    def blend(self, over):
        sa = 1.0 - over.a
        alpha = self.a * sa + over.a
        if alpha == 0:
            return self._rgba(0, 0, 0, 0)
        mix = [(c * self.a * sa + o * over.a) / alpha for c, o in
               zip(self._fields()[:3], over._fields()[:3])]
        return self._rgba(*mix, alpha)

    def clamp(self, lo=None, hi=None):
        lo = lo if lo is not None else Color._make(0.0, 0.0, 0.0, 0.0)
        hi = hi if hi is not None else Color._make(1.0, 1.0, 1.0, 1.0)
        return self._rgba(*[min(max(c, a), b) for c, a, b in
                            zip(self._fields(), lo._fields(), hi._fields())])

    def darkened(self, amount):
        k = 1.0 - f32(amount)
        return self._rgba(self.r * k, self.g * k, self.b * k, self.a)

    def lightened(self, amount):
        amount = f32(amount)
        return self._rgba(*[c + (1.0 - c) * amount for c in self._fields()[:3]], self.a)

    def inverted(self):
        return self._rgba(1.0 - self.r, 1.0 - self.g, 1.0 - self.b, self.a)

    def _contrasted(self):
        return self._rgba(*[math.fmod(c + 0.5, 1.0) for c in self._fields()[:3]], self.a)

    def _gray(self):
        return f32((self.r + self.g + self.b) / 3.0)

    def get_luminance(self):
        return f32(0.2126 * self.r + 0.7152 * self.g + 0.0722 * self.b)

    def is_equal_approx(self, other):
        return all(is_equal_approx(a, b) for a, b in zip(self._fields(), other._fields()))

    def lerp(self, to, weight):
        weight = f32(weight)
        return self._zip(to, lambda a, b: a + (b - a) * weight)

    def srgb_to_linear(self):
        def conv(c):
            return c / 12.92 if c < 0.04045 else math.pow((c + 0.055) / 1.055, 2.4)
        return self._rgba(conv(self.r), conv(self.g), conv(self.b), self.a)

    def linear_to_srgb(self):
        def conv(c):
            return 12.92 * c if c < 0.0031308 else 1.055 * math.pow(c, 1.0 / 2.4) - 0.055
        return self._rgba(conv(self.r), conv(self.g), conv(self.b), self.a)

    def _pack(self, order: str, bits: int) -> int:
        scale = (1 << bits) - 1
        mask = scale
        value = 0
        for ch in order:
            value = (value << bits) | (_round(getattr(self, ch) * scale) & mask)
        return _wrap64(value)

    def to_rgba32(self):
        return self._pack("rgba", 8)

    def to_argb32(self):
        return self._pack("argb", 8)

    def to_abgr32(self):
        return self._pack("abgr", 8)

    def to_rgba64(self):
        return self._pack("rgba", 16)

    def to_argb64(self):
        return self._pack("argb", 16)

    def to_abgr64(self):
        return self._pack("abgr", 16)

    def to_html(self, with_alpha=True):
        text = _to_hex(self.r) + _to_hex(self.g) + _to_hex(self.b)
        return text + _to_hex(self.a) if with_alpha else text

    def _to_html_3(self, with_alpha=True):
        text = _to_hex(self.r) + _to_hex(self.g) + _to_hex(self.b)
        return _to_hex(self.a) + text if with_alpha else text

    # * static constructors -------------------------------------------------------

    @classmethod
    def hex(cls, value):
        value &= 0xFFFFFFFF
        return cls._rgba(*[((value >> s) & 0xFF) / 255.0 for s in (24, 16, 8, 0)])

    @classmethod
    def hex64(cls, value):
        value &= 0xFFFFFFFFFFFFFFFF
        return cls._rgba(*[((value >> s) & 0xFFFF) / 65535.0 for s in (48, 32, 16, 0)])

    @classmethod
    def from_rgba8(cls, r8, g8, b8, a8=255):
        return cls._rgba(r8 / 255.0, g8 / 255.0, b8 / 255.0, a8 / 255.0)

    @classmethod
    def from_rgbe9995(cls, rgbe):
        m = math.pow(2.0, (rgbe >> 27) - 15.0 - 9.0)
        return cls._rgba((rgbe & 0x1FF) * m, ((rgbe >> 9) & 0x1FF) * m, ((rgbe >> 18) & 0x1FF) * m, 1.0)

    @classmethod
    def from_hsv(cls, h, s, v, alpha=1.0):
        h, s, v = f32(h), f32(s), f32(v)
        if s == 0:
            return cls._rgba(v, v, v, alpha)
        h = math.fmod(f32(h * 6.0), 6.0)
        i = math.floor(h)
        f = h - i
        p, q, t = v * (1.0 - s), v * (1.0 - s * f), v * (1.0 - s * (1.0 - f))
        rgb = {0: (v, t, p), 1: (q, v, p), 2: (p, v, t), 3: (p, q, v), 4: (t, p, v)}.get(i, (v, p, q))
        return cls._rgba(*rgb, alpha)

    @classmethod
    def from_ok_hsl(cls, h, s, l, alpha=1.0):  # noqa: E741 - Godot's parameter name
        rgb = okhsl_to_srgb(f32(h), f32(s), f32(l))
        return cls._rgba(*[min(max(c, 0.0), 1.0) for c in rgb], min(max(f32(alpha), 0.0), 1.0))

    @staticmethod
    def html_is_valid(code):
        code = code[1:] if code.startswith("#") else code
        return len(code) in (3, 4, 6, 8) and all(ch in _HEX for ch in code)

    @classmethod
    def html(cls, code):
        digits = code[1:] if code.startswith("#") else code
        if not code:
            return cls()
        if not cls.html_is_valid(digits):
            engine_error(f"Invalid color code: {code}.")
            return cls()
        return cls._rgba(*cls._parse_hex(digits, alpha_first=False))

    @staticmethod
    def _parse_hex(digits, alpha_first):
        width = 1 if len(digits) < 5 else 2
        scale = 15.0 if width == 1 else 255.0
        values = [int(digits[i:i + width], 16) / scale for i in range(0, len(digits), width)]
        if len(values) == 4 and alpha_first:
            values = values[1:] + values[:1]
        return values

    @classmethod
    def _html_3(cls, code):
        digits = code[1:] if code.startswith("#") else code
        if not cls.html_is_valid(digits):
            engine_error(f"Invalid color code: {code}.")
            return cls()
        return cls._rgba(*cls._parse_hex(digits, alpha_first=True))

    @classmethod
    def _named(cls, name, default=None):
        value = _NAMED_LOOKUP_4.get(_named_key(name))
        if value is not None:
            return cls.hex(value)
        if default is None:
            engine_error(f"Invalid color name: {name}.")
            return cls()
        return default

    @classmethod
    def from_string(cls, text, default):
        return cls.html(text) if cls.html_is_valid(text) else cls._named(text, default)


class Color3(Color):
    """Godot 3's Color: ARGB html codes, lower-case constants, 3.x method names."""

    __slots__ = ()
    _DIALECT = 3
    MEMBERS = Color.MEMBERS[:11]


_OK_HSL = ("ok_hsl_h", "ok_hsl_s", "ok_hsl_l")
_DERIVED_GET = {"h": lambda c: c.h, "s": lambda c: c.s, "v": lambda c: c.v,
                "r8": Color._r8, "g8": Color._g8, "b8": Color._b8, "a8": Color._a8,
                **{name: (lambda c, i=i: c._ok_hsl()[i]) for i, name in enumerate(_OK_HSL)}}

NAMED_COLORS_3: dict[str, Color3] = {
    name.lower().replace("_", ""): Color3._rgba(
        *[round(((value >> s) & 0xFF) / 255.0, 2) for s in (24, 16, 8, 0)])
    for name, value in NAMED_COLORS_4.items()
}


def named_color_3(name: str, alpha: float = 1.0) -> Color3:
    """Godot 3's ``ColorN(name, alpha)``: the 3.x table, looked up in lower case."""
    color = NAMED_COLORS_3.get(name.lower())
    if color is None:
        engine_error(f"Invalid color name: {name}.")
        return Color3()
    return color._with_alpha(alpha)


def color8(r8: int, g8: int, b8: int, a8: int = 255) -> Color3:
    """Godot 3's global ``Color8``."""
    return Color3._rgba(r8 / 255.0, g8 / 255.0, b8 / 255.0, a8 / 255.0)


Color.METHODS = method_table(
    Color, "blend clamp darkened get_luminance inverted is_equal_approx lerp lightened "
    "linear_to_srgb srgb_to_linear to_abgr32 to_abgr64 to_argb32 to_argb64 to_html to_rgba32 "
    "to_rgba64")
Color.STATIC_METHODS = {
    "from_hsv": Color.from_hsv, "from_rgba8": Color.from_rgba8, "from_rgbe9995": Color.from_rgbe9995,
    "from_ok_hsl": Color.from_ok_hsl, "from_string": Color.from_string, "hex": Color.hex, "hex64": Color.hex64, "html": Color.html,
    "html_is_valid": Color.html_is_valid,
}
Color.CONSTANTS = {name: Color.hex(value) for name, value in NAMED_COLORS_4.items()}
Color3.METHODS_3 = method_table(
    Color3, "blend darkened inverted is_equal_approx lightened to_abgr32 to_abgr64 to_argb32 "
    "to_argb64 to_rgba32 to_rgba64",
    {"linear_interpolate": "lerp", "contrasted": "_contrasted", "gray": "_gray",
     "to_html": "_to_html_3", "from_hsv": "from_hsv"})
Color3.METHODS_3["from_hsv"] = lambda self, *args: Color3.from_hsv(*args)
Color3.STATIC_METHODS_3 = {"from_hsv": Color3.from_hsv}
Color3.CONSTANTS_3 = dict(NAMED_COLORS_3)

GODOT_CLASSES_4 = {"Color": Color}
GODOT_CLASSES_3 = {"Color": Color3}
