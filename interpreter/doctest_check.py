"""Comparing a documentation claim with what the block really printed or evaluated to.

Input: a claim's expected lines (from :func:`gdscript.docsnippets.find_claims`) and the
actual lines (printed output of the claimed statement, or the ``str()`` of a recorded value).
Output: whether they agree, and a one-line description of a mismatch.  Pure functions; nothing
here runs code.

Agreement is exact text after trailing blanks are removed, or, failing that, the same text
with numbers that agree to the precision the documentation wrote them with (``# a is
0.463648`` for ``0.46364760900081``: rounded, or truncated when three decimals or more;
``2.0`` for ``2``; an integer must be exact).  Also accepted: ``Vector2(1, 0)`` for Godot's
``(1, 0)``, ``Color(r, g, b)`` for ``(r, g, b, 1.0)``, ``Rect2(x, y, w, h)`` for
``[P: (x, y), S: (w, h)]``, ``null`` for ``<null>``; printed BBCode tags (``print_rich``) are
removed and tabs expanded to 8 columns, as a terminal shows them.
"""

from __future__ import annotations

import math
import re

__all__ = ["agrees", "describe_mismatch", "numbers_agree"]

_NUMBER = re.compile(r"(?<![\w.])-?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?(?![\w])|(?<!\w)-?inf\b|"
                     r"(?<!\w)nan\b", re.I)
_CONSTRUCTOR = re.compile(r"^(?:Vector[234]i?|Color|Rect2i?|Quaternion|Plane|AABB|Basis|"
                          r"Transform[23]D|Projection)(\(.*\))$")
_BBCODE = re.compile(r"\[/?(?:b|i|u|s|code|color|bgcolor|fgcolor|url|font_size|indent|"
                     r"center|right|left|fill)(?:=[^\]]*)?\]")
_NULL_WORDS = {"null", "<null>"}


def agrees(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` output lines are what ``expected`` says (see module docs)."""
    want = [s.rstrip() for s in expected]
    got = [s.rstrip() for s in actual]
    if want == got:
        return True
    if len(want) != len(got):
        return len(want) > 1 and len(got) == 1 and agrees([", ".join(want)], got)
    return all(_line_agrees(w, g) for w, g in zip(want, got, strict=True))


def _line_agrees(want: str, got: str) -> bool:
    if want == got or (want in _NULL_WORDS and got in _NULL_WORDS):
        return True
    plain = _BBCODE.sub("", got).expandtabs(8)
    if plain != got:
        return _line_agrees(want, plain)
    ctor = _CONSTRUCTOR.match(want)
    if ctor and _line_agrees(_constructor_values(want, ctor[1]), _flat_rect(got)):
        return True
    want_parts, want_numbers = _split_numbers(want)
    got_parts, got_numbers = _split_numbers(got)
    if not want_numbers or len(want_numbers) != len(got_numbers):
        return False
    if [_squash(p) for p in want_parts] != [_squash(p) for p in got_parts]:
        return False
    return all(numbers_agree(w, g) for w, g in zip(want_numbers, got_numbers, strict=True))


def _constructor_values(want: str, inner: str) -> str:
    """``Color(r, g, b)`` has alpha 1: Godot prints ``(r, g, b, 1.0)``."""
    if want.startswith("Color(") and inner.count(",") == 2:
        return inner[:-1] + ", 1)"
    return inner


def _flat_rect(got: str) -> str:
    """Godot prints Rect2 as ``[P: (x, y), S: (w, h)]``; constructors say ``(x, y, w, h)``."""
    m = re.fullmatch(r"\[P: \((.*)\), S: \((.*)\)\]", got)
    return f"({m[1]}, {m[2]})" if m else got


def _split_numbers(text: str) -> tuple[list[str], list[str]]:
    parts: list[str] = []
    numbers: list[str] = []
    last = 0
    for m in _NUMBER.finditer(text):
        parts.append(text[last:m.start()])
        numbers.append(m[0])
        last = m.end()
    parts.append(text[last:])
    return parts, numbers


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def numbers_agree(want: str, got: str) -> bool:
    """``got`` equals ``want`` to ``want``'s written precision (see module docs)."""
    try:
        w, g = float(want), float(got)
    except ValueError:
        return False
    if math.isnan(w) or math.isnan(g):
        return math.isnan(w) and math.isnan(g)
    if w == g:
        return True
    if math.isinf(w) or math.isinf(g):
        return False
    mantissa = want.lower().split("e")[0]
    if "." not in mantissa:
        return False  # an integer claim must be exact
    decimals = len(mantissa.split(".")[1])
    scale = 10.0 ** (int(want.lower().split("e")[1]) if "e" in want.lower() else 0)
    unit = 10.0 ** -decimals * scale
    slack = 1e-9 * max(1.0, abs(w))
    if abs(g - w) <= unit / 2 + slack:
        return True
    if decimals < 3:
        return False  # truncation only for long decimals (3.1415 for pi), not 0.5 for 0.56
    truncated = math.trunc(g / unit) * unit
    return abs(truncated - w) <= slack + unit * 1e-6


def describe_mismatch(expected: list[str], actual: list[str]) -> str:
    """``expected X, got Y`` with each side shown as one line."""
    return f"expected {_show(expected)}, got {_show(actual)}"


def _show(lines: list[str]) -> str:
    if not lines:
        return "no output"
    if len(lines) == 1:
        return repr(lines[0]) if lines[0].strip() != lines[0] or not lines[0] else lines[0]
    shown = " | ".join(lines[:6])
    return f"{len(lines)} lines: {shown}" + (" | ..." if len(lines) > 6 else "")
