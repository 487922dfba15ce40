"""Key names: 4.x ``OS.get_keycode_string`` / ``find_keycode_from_string`` and 3.x
``OS.get_scancode_string`` / ``find_scancode_from_string`` / ``is_scancode_unicode``.

Godot names each key in a fixed table (core/os/keyboard.cpp).  Most names follow
from the ``KEY_*`` constant (``KEY_KP_ENTER`` -> "Kp Enter"); the rest are listed
in ``_SPELLED`` (4.x) and ``_SPELLED_3`` (3.x, recorded from Godot 3.2.3).
4.x modifiers print as "Ctrl+Alt+Shift+Meta+" (the Linux/Windows spelling) and
are parsed back; 3.x prints "Shift+Alt+Control+Meta+" and parses plain names only.
"""

from __future__ import annotations

from .global_constants import constants

_SPELLED = dict(pair.split("=") for pair in (
    "SYSREQ=SysReq PAGEUP=PageUp PAGEDOWN=PageDown CAPSLOCK=CapsLock NUMLOCK=NumLock "
    "SCROLLLOCK=ScrollLock VOLUMEDOWN=VolumeDown VOLUMEMUTE=VolumeMute VOLUMEUP=VolumeUp "
    "MEDIAPLAY=MediaPlay MEDIASTOP=MediaStop MEDIAPREVIOUS=MediaPrevious MEDIANEXT=MediaNext "
    "MEDIARECORD=MediaRecord HOMEPAGE=HomePage STANDBY=StandBy OPENURL=OpenURL "
    "LAUNCHMAIL=LaunchMail LAUNCHMEDIA=LaunchMedia LAUNCHA=LaunchA LAUNCHB=LaunchB "
    "LAUNCHC=LaunchC LAUNCHD=LaunchD LAUNCHE=LaunchE LAUNCHF=LaunchF JIS_EISU=JIS_Eisu "
    "JIS_KANA=JIS_Kana QUOTEDBL=QuoteDbl NUMBERSIGN=NumberSign PARENLEFT=ParenLeft "
    "PARENRIGHT=ParenRight BRACKETLEFT=BracketLeft BACKSLASH=BackSlash "
    "BRACKETRIGHT=BracketRight ASCIICIRCUM=AsciiCircum UNDERSCORE=UnderScore "
    "QUOTELEFT=QuoteLeft BRACELEFT=BraceLeft BRACERIGHT=BraceRight ASCIITILDE=AsciiTilde "
    "KEYBOARD=On-screen_keyboard").split())
# Not keys: the enum's markers and the modifier masks.
_NOT_KEYS = {"KEY_NONE", "KEY_SPECIAL", "KEY_CODE_MASK", "KEY_MODIFIER_MASK"}
_MODIFIERS = (("KEY_MASK_CMD_OR_CTRL", "Ctrl"), ("KEY_MASK_CTRL", "Ctrl"),
              ("KEY_MASK_ALT", "Alt"), ("KEY_MASK_SHIFT", "Shift"), ("KEY_MASK_META", "Meta"))
_PARSED_MODIFIERS = (("shift", "KEY_MASK_SHIFT"), ("ctrl", "KEY_MASK_CTRL"),
                     ("meta", "KEY_MASK_META"), ("alt", "KEY_MASK_ALT"))


def _key_text(constant: str) -> str:
    name = constant.removeprefix("KEY_") or constant
    if name in _SPELLED:
        return _SPELLED[name].replace("_", " ")
    return name.replace("_", " ").title() if not name.isdigit() else name


def _table() -> list[tuple[int, str]]:
    values = constants(4)
    return [(value, _key_text(name)) for name, value in values.items()
            if name.startswith("KEY_") and not name.startswith(("KEY_MASK_", "KEY_LOCATION_"))
            and name not in _NOT_KEYS]


_KEYS: list[tuple[int, str]] = []


def _keys() -> list[tuple[int, str]]:
    if not _KEYS:
        _KEYS.extend(_table())
    return _KEYS


def keycode_string(code: int) -> str:
    """``OS.get_keycode_string``: "Ctrl+Shift+A", "Escape", or the character itself."""
    masks = constants(4)
    parts = [text for mask, text in _MODIFIERS if code & masks[mask]]
    code &= masks["KEY_CODE_MASK"]
    if code == 0:
        return "+".join(parts)
    name = next((text for value, text in _keys() if value == code), None)
    parts.append(name if name is not None else chr(code) if code < 0x110000 else "")
    return "+".join(parts)


def find_keycode(text: str) -> int:
    """``OS.find_keycode_from_string``: the inverse, case-insensitive; 0 when unknown."""
    masks = constants(4)
    parts = text.split("+")
    last = parts[-1].lower()
    code = next((value for value, name in _keys() if name.lower() == last), 0)
    for part in parts[:-1]:
        for name, mask in _PARSED_MODIFIERS:
            if part.lower() == name:
                code |= masks[mask]
                break
    return code


# * Godot 3 -----------------------------------------------------------------------------

_SPELLED_3 = dict(pair.split("=") for pair in (
    "BACKTAB=BackTab BACKSPACE=BackSpace SYSREQ=SysReq PAGEUP=PageUp PAGEDOWN=PageDown "
    "CAPSLOCK=CapsLock NUMLOCK=NumLock SCROLLLOCK=ScrollLock VOLUMEDOWN=VolumeDown "
    "VOLUMEMUTE=VolumeMute VOLUMEUP=VolumeUp BASSBOOST=BassBoost BASSUP=BassUp "
    "BASSDOWN=BassDown TREBLEUP=TrebleUp TREBLEDOWN=TrebleDown MEDIAPLAY=MediaPlay "
    "MEDIASTOP=MediaStop MEDIAPREVIOUS=MediaPrevious MEDIANEXT=MediaNext "
    "MEDIARECORD=MediaRecord HOMEPAGE=HomePage STANDBY=StandBy LAUNCHMAIL=LaunchMail "
    "LAUNCHMEDIA=LaunchMedia LAUNCHA=LaunchA LAUNCHB=LaunchB LAUNCHC=LaunchC LAUNCHD=LaunchD "
    "LAUNCHE=LaunchE LAUNCHF=LaunchF QUOTEDBL=QuoteDbl NUMBERSIGN=NumberSign "
    "PARENLEFT=ParenLeft PARENRIGHT=ParenRight BRACKETLEFT=BracketLeft BACKSLASH=BackSlash "
    "BRACKETRIGHT=BracketRight ASCIICIRCUM=AsciiCircum UNDERSCORE=UnderScore "
    "QUOTELEFT=QuoteLeft BRACELEFT=BraceLeft BRACERIGHT=BraceRight ASCIITILDE=AsciiTilde "
    "NOBREAKSPACE=NoBreakSpace EXCLAMDOWN=ExclamDown BROKENBAR=BrokenBar "
    "GUILLEMOTLEFT=GuillemotLeft NOTSIGN=NotSign PLUSMINUS=PlusMinus TWOSUPERIOR=TwoSuperior "
    "THREESUPERIOR=ThreeSuperior PERIODCENTERED=PeriodCentered ONESUPERIOR=OneSuperior "
    "GUILLEMOTRIGHT=GuillemotRight ONEQUARTER=OneQuarter ONEHALF=OneHalf "
    "THREEQUARTERS=ThreeQuarters QUESTIONDOWN=QuestionDown ACIRCUMFLEX=AcircumFlex").split())
_NOT_IN_TABLE_3 = {"KEY_OPENURL"}  # 3.2's table misses it: it prints as a character
_MODIFIERS_3 = (("KEY_MASK_SHIFT", "Shift"), ("KEY_MASK_ALT", "Alt"),
                ("KEY_MASK_CTRL", "Control"), ("KEY_MASK_META", "Meta"))
_SPECIAL_KEY_3 = 1 << 24
_KEYS_3: list[tuple[int, str, str]] = []


def _keys_3() -> list[tuple[int, str, str]]:
    """(code, name, constant) of Godot 3's table."""
    if not _KEYS_3:
        for name, value in constants(3).items():
            if not name.startswith("KEY_") or name.startswith("KEY_MASK_") or \
                    name in ("KEY_CODE_MASK", "KEY_MODIFIER_MASK") or name in _NOT_IN_TABLE_3:
                continue
            bare = name.removeprefix("KEY_")
            text = _SPELLED_3.get(bare) or (bare if bare.isdigit() else
                                            bare.replace("_", " ").title())
            _KEYS_3.append((value, text, name))
    return _KEYS_3


def scancode_string_3(code: int) -> str:
    masks = constants(3)
    text = "".join(f"{name}+" for mask, name in _MODIFIERS_3 if code & masks[mask])
    code &= masks["KEY_CODE_MASK"]
    name = next((n for value, n, _ in _keys_3() if value == code), None)
    if name is not None:
        return text + name
    return text + (chr(code) if 0 < code <= 0x10FFFF else "\ufffd" if code else "")


def find_scancode_3(text: str) -> int:
    wanted = text.lower()
    return next((value for value, name, _ in _keys_3() if name.lower() == wanted), 0)


def scancode_has_unicode_3(code: int) -> bool:
    """False for the special (non-character) keys, except the keypad's and "Unknown"."""
    if not code & _SPECIAL_KEY_3:
        return True
    constant = next((c for value, _, c in _keys_3() if value == code), "KEY_OPENURL")
    return constant == "KEY_UNKNOWN" or (constant.startswith("KEY_KP_") and
                                         constant != "KEY_KP_ENTER")
