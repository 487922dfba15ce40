"""Okhsl colour space conversions for ``Color.from_ok_hsl`` and ``Color.ok_hsl_*``.

Björn Ottosson's Oklab / Okhsl model (the one Godot uses): sRGB <-> linear
sRGB <-> Oklab, with a gamut-aware chroma scale.  Pure functions on plain
floats, computed in double precision; ``Color`` rounds the results to float32.
A NaN (grey input has no hue) is left to the caller, as in Godot.
"""

from __future__ import annotations

import math

_TO_LMS = ((0.4122214708, 0.5363325363, 0.0514459929),
           (0.2119034982, 0.6806995451, 0.1073969566),
           (0.0883024619, 0.2817188376, 0.6299787005))
_LMS_TO_LAB = ((0.2104542553, 0.7936177850, -0.0040720468),
               (1.9779984951, -2.4285922050, 0.4505937099),
               (0.0259040371, 0.7827717662, -0.8086757660))
_LAB_TO_LMS = ((1.0, 0.3963377774, 0.2158037573),
               (1.0, -0.1055613458, -0.0638541728),
               (1.0, -0.0894841775, -1.2914855480))
_LMS_TO_RGB = ((4.0767416621, -3.3077115913, 0.2309699292),
               (-1.2684380046, 2.6097574011, -0.3413193965),
               (-0.0041960863, -0.7034186147, 1.7076147010))
# Polynomial fit of the maximum saturation, per channel that leaves the gamut first.
_SATURATION_FIT = ((1.19086277, 1.76576728, 0.59662641, 0.75515197, 0.56771245),
                   (0.73956515, -0.45954404, 0.08285427, 0.12541070, 0.14503204),
                   (1.35733652, -0.00915799, -1.15130210, -0.50559606, 0.00692167))
_TOE_K1, _TOE_K2 = 0.206, 0.03
_TOE_K3 = (1.0 + _TOE_K1) / (1.0 + _TOE_K2)
_MID, _MID_INV = 0.8, 1.25


def _div(a: float, b: float) -> float:
    if b == 0:
        return math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a * b or a)
    return a / b


def _mul(matrix: tuple[tuple[float, ...], ...], v: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(sum(m * x for m, x in zip(row, v)) for row in matrix)


def _srgb_encode(a: float) -> float:
    return 12.92 * a if a <= 0.0031308 else 1.055 * math.pow(a, 0.4166666666666667) - 0.055


def _srgb_decode(a: float) -> float:
    return math.pow((a + 0.055) / 1.055, 2.4) if a > 0.04045 else a / 12.92


def _oklab_to_linear(lab: tuple[float, float, float]) -> tuple[float, ...]:
    return _mul(_LMS_TO_RGB, tuple(x ** 3 for x in _mul(_LAB_TO_LMS, lab)))


def _k_lms(a: float, b: float) -> tuple[float, float, float]:
    return tuple(row[1] * a + row[2] * b for row in _LAB_TO_LMS)  # type: ignore[return-value]


def _max_saturation(a: float, b: float) -> float:
    """Largest S = C/L inside sRGB for the hue (a, b): fit plus one Halley step."""
    channel = 0 if -1.88170328 * a - 0.80936493 * b > 1 else \
        1 if 1.81444104 * a - 1.19445276 * b > 1 else 2
    k0, k1, k2, k3, k4 = _SATURATION_FIT[channel]
    w = _LMS_TO_RGB[channel]
    s = k0 + k1 * a + k2 * b + k3 * a * a + k4 * a * b
    k = _k_lms(a, b)
    base = [1.0 + s * kk for kk in k]
    f = sum(wi * x ** 3 for wi, x in zip(w, base))
    f1 = sum(wi * 3.0 * kk * x * x for wi, kk, x in zip(w, k, base))
    f2 = sum(wi * 6.0 * kk * kk * x for wi, kk, x in zip(w, k, base))
    return s - _div(f * f1, f1 * f1 - 0.5 * f * f2)


def _cusp(a: float, b: float) -> tuple[float, float]:
    s_cusp = _max_saturation(a, b)
    rgb = _oklab_to_linear((1.0, s_cusp * a, s_cusp * b))
    l_cusp = math.copysign(abs(_div(1.0, max(rgb))) ** (1 / 3), _div(1.0, max(rgb)))
    return l_cusp, l_cusp * s_cusp


def _gamut_intersection(a: float, b: float, l1: float, c1: float, l0: float,
                        cusp: tuple[float, float]) -> float:
    cl, cc = cusp
    if (l1 - l0) * cc - (cl - l0) * c1 <= 0:
        return _div(cc * l0, c1 * cl + cc * (l0 - l1))
    t = _div(cc * (l0 - 1.0), c1 * (cl - 1.0) + cc * (l0 - l1))
    k = _k_lms(a, b)
    dt = [(l1 - l0) + c1 * kk for kk in k]
    lum, chroma = l0 * (1.0 - t) + t * l1, t * c1
    base = [lum + chroma * kk for kk in k]
    cubes = [x ** 3 for x in base]
    d1 = [3 * d * x * x for d, x in zip(dt, base)]
    d2 = [6 * d * d * x for d, x in zip(dt, base)]
    steps = []
    for row in _LMS_TO_RGB:
        f = sum(r * x for r, x in zip(row, cubes)) - 1
        f1 = sum(r * x for r, x in zip(row, d1))
        f2 = sum(r * x for r, x in zip(row, d2))
        u = _div(f1, f1 * f1 - 0.5 * f * f2)
        steps.append(-f * u if u >= 0 else math.inf)
    return t + min(steps)


def _toe(x: float) -> float:
    y = _TOE_K3 * x - _TOE_K1
    return 0.5 * (y + math.sqrt(y * y + 4 * _TOE_K2 * _TOE_K3 * x))


def _toe_inv(x: float) -> float:
    return _div(x * x + _TOE_K1 * x, _TOE_K3 * (x + _TOE_K2))


def _st_mid(a: float, b: float) -> tuple[float, float]:
    s = 0.11516993 + _div(1.0, 7.44778970 + 4.15901240 * b + a * (
        -2.19557347 + 1.75198401 * b + a * (-2.13704948 - 10.02301043 * b + a * (
            -4.24894561 + 5.38770819 * b + 4.69891013 * a))))
    t = 0.11239642 + _div(1.0, 1.61320320 - 0.68124379 * b + a * (
        0.40370612 + 0.90148123 * b + a * (-0.27087943 + 0.61223990 * b + a * (
            0.00299215 - 0.45399568 * b - 0.14661872 * a))))
    return s, t


def _chromas(lum: float, a: float, b: float) -> tuple[float, float, float]:
    """C_0, C_mid, C_max: the chroma scale of Okhsl at lightness ``lum`` for hue (a, b)."""
    cusp = _cusp(a, b)
    c_max = _gamut_intersection(a, b, lum, 1.0, lum, cusp)
    st_s, st_t = _div(cusp[1], cusp[0]), _div(cusp[1], 1 - cusp[0])
    k = _div(c_max, min(lum * st_s, (1 - lum) * st_t))
    mid_s, mid_t = _st_mid(a, b)
    ca, cb = lum * mid_s, (1.0 - lum) * mid_t
    c_mid = 0.9 * k * math.sqrt(math.sqrt(_div(1.0, _div(1.0, ca ** 4) + _div(1.0, cb ** 4))))
    ca, cb = lum * 0.4, (1.0 - lum) * 0.8
    c_0 = math.sqrt(_div(1.0, _div(1.0, ca * ca) + _div(1.0, cb * cb)))
    return c_0, c_mid, c_max


def okhsl_to_srgb(h: float, s: float, lightness: float) -> tuple[float, float, float]:
    if lightness == 1.0:
        return 1.0, 1.0, 1.0
    if lightness == 0.0:
        return 0.0, 0.0, 0.0
    a, b = math.cos(2 * math.pi * h), math.sin(2 * math.pi * h)
    lum = _toe_inv(lightness)
    c_0, c_mid, c_max = _chromas(lum, a, b)
    if s < _MID:
        t = _MID_INV * s
        k1 = _MID * c_0
        k2 = 1.0 - _div(k1, c_mid)
        chroma = _div(t * k1, 1.0 - k2 * t)
    else:
        t = (s - _MID) / (1 - _MID)
        k1 = _div((1.0 - _MID) * c_mid * c_mid * _MID_INV * _MID_INV, c_0)
        k2 = 1.0 - _div(k1, c_max - c_mid)
        chroma = c_mid + _div(t * k1, 1.0 - k2 * t)
    rgb = _oklab_to_linear((lum, chroma * a, chroma * b))
    return tuple(_srgb_encode(c) for c in rgb)  # type: ignore[return-value]


def srgb_to_okhsl(r: float, g: float, b: float) -> tuple[float, float, float]:
    lms = _mul(_TO_LMS, (_srgb_decode(r), _srgb_decode(g), _srgb_decode(b)))
    lum, la, lb = _mul(_LMS_TO_LAB, tuple(math.copysign(abs(x) ** (1 / 3), x) for x in lms))
    chroma = math.sqrt(la * la + lb * lb)
    a, bb = _div(la, chroma), _div(lb, chroma)
    h = 0.5 + 0.5 * math.atan2(-lb, -la) / math.pi
    if math.isnan(a):
        return h, math.nan, _toe(lum)
    c_0, c_mid, c_max = _chromas(lum, a, bb)
    if chroma < c_mid:
        k1 = _MID * c_0
        k2 = 1.0 - _div(k1, c_mid)
        s = _div(chroma, k1 + k2 * chroma) * _MID
    else:
        k1 = _div((1.0 - _MID) * c_mid * c_mid * _MID_INV * _MID_INV, c_0)
        k2 = 1.0 - _div(k1, c_max - c_mid)
        t = _div(chroma - c_mid, k1 + k2 * (chroma - c_mid))
        s = _MID + (1.0 - _MID) * t
    return h, s, _toe(lum)
