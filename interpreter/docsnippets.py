"""Documentation snippets: find GDScript code blocks in docs and the output they claim.

The extraction half of ``gdscript doctest``.  Input: a documentation file (path and text).
Output: :class:`CodeBlock` records, one per code block, with the 1-based line of the block's
first code line in the document, the dedented code, its language, a Godot-version hint and the
marker kind.  :func:`classify` and :func:`split_members_and_statements` say how a runner should
run a block; :func:`find_claims` reads expected-output comments (``# Prints "x"``) as
:class:`Claim` records.  Nothing here runs code and nothing imports the interpreter.

Formats (chosen by :func:`detect_format` from the suffix, and from the content for ``.txt``):

- reStructuredText: ``.. code-tab::``, ``.. code-block::``, ``.. code::``, ``.. sourcecode::``
  (first argument = language; none = the page's highlight language) and ``::`` literal blocks,
  which take the highlight language: ``gdscript`` (godot-docs' ``conf.py``) until a
  ``.. highlight::`` directive changes it.  Widths count tabs to 8-column stops like docutils.
- Markdown: fenced blocks (backticks or tildes) with info string ``gdscript`` or ``gd``.
- Godot class-reference XML: ``[codeblock]`` (GDScript unless ``lang=`` says otherwise) and the
  ``[gdscript]`` / ``[csharp]`` tabs of ``[codeblocks]``; entities unescaped; the description's
  indentation (the opening tag's) removed.
- Rendered text (a docs web page copied as plain text, e.g. ``seeds/001_*.txt``): code is found
  by line shape, see :func:`_rendered_blocks`.
- ``.gd`` files: the whole file is one block.

Dedenting keeps tabs that are indentation; a block whose indentation mixes tabs and spaces is
rewritten to the character most of its lines use, so GDScript's tokenizer accepts it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

__all__ = [
    "CodeBlock",
    "Claim",
    "detect_format",
    "extract_blocks",
    "extract_from_paths",
    "classify",
    "split_members_and_statements",
    "find_claims",
    "has_elision",
]

DEFAULT_HIGHLIGHT = "gdscript"  # godot-docs conf.py: highlight_language = "gdscript"
GDSCRIPT_LANGS = {"gdscript", "gd"}
DOC_SUFFIXES = {".rst", ".md", ".markdown", ".xml", ".gd", ".txt"}


# * Records


@dataclass(frozen=True)
class CodeBlock:
    """One code block of a document.

    ``line`` is the document line (1-based) of the block's first code line; block line ``k``
    (1-based, blank lines included) is document line ``line + k - 1``.  ``kind`` names the
    marker: code-tab, code-block, code, literal, fence, codeblock, codeblocks, rendered, file.
    ``dialect_hint`` is 3, 4 or None (unknown).
    """

    path: str
    line: int
    text: str
    lang: str
    dialect_hint: int | None
    kind: str

    def doc_line(self, block_line: int) -> int:
        """The document line of 1-based line ``block_line`` of this block."""
        return self.line + block_line - 1

    @property
    def is_gdscript(self) -> bool:
        return self.lang in GDSCRIPT_LANGS


@dataclass(frozen=True)
class Claim:
    """An expected-output comment of a block (lines are 1-based lines of ``block.text``).

    kind: ``prints`` (print output), ``returns`` (str() of the statement's expression),
    ``output`` / ``result`` (``# Output: x``, ``# Result: x``), ``is`` (``# a is 5``, on the
    statement's line or a comment line next to it: the value of ``subject`` after
    ``statement_line``), ``value`` (``print(x) # [1, 2]``, a bare literal after a print call),
    ``vague`` (nothing definite to check: a claim verb followed by prose or ``e.g.``, a
    condition such as ``Returns null if parsing failed.``, or ``may print``).
    ``expected_lines`` are output lines; ``quoted`` says one level of quotes was removed (see
    :func:`_parse_value`).  ``attach`` is ``inline`` (comment on the statement's line),
    ``after`` (comment below the statement) or ``before`` (comment above it).
    """

    line: int
    kind: str
    expected_lines: list[str]
    statement_line: int | None
    raw: str
    quoted: bool = False
    subject: str | None = None
    attach: str = "inline"


# * Entry points


def detect_format(path: str | Path, text: str) -> str:
    """``rst``, ``markdown``, ``xml``, ``gdscript`` or ``rendered`` for a document."""
    suffix = Path(path).suffix.lower()
    by_suffix = {".rst": "rst", ".md": "markdown", ".markdown": "markdown", ".xml": "xml",
                 ".gd": "gdscript"}
    if suffix in by_suffix:
        return by_suffix[suffix]
    if text.lstrip().startswith("<?xml") or "<class name=" in text[:500]:
        return "xml"
    if re.search(r"^\s*(`{3,}|~{3,})", text, re.M) and not _RST_MARKER.search(text):
        return "markdown"
    if _RST_MARKER.search(text):
        return "rst"
    return "rendered"


_RST_MARKER = re.compile(r"^\s*\.\. [\w|_-]|^\S.*::\s*$|^[=\-~^]{4,}\s*$", re.M)


def read_document(path: str | Path) -> str:
    """A document's text (bytes that are not UTF-8 replaced); UsageError naming the file
    when it cannot be read or is larger than a script may be."""
    from .errors import UsageError
    from .source import MAX_SOURCE_BYTES

    try:
        size = Path(path).stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise UsageError(f"{path}: file too large ({size} bytes; "
                             f"the limit is {MAX_SOURCE_BYTES})")
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None


def extract_blocks(
    path: str | Path, text: str | None = None, *, all_languages: bool = False
) -> list[CodeBlock]:
    """Code blocks of one document (read from ``path`` unless ``text`` is given).

    By default only GDScript blocks; ``all_languages=True`` also returns the others (C# tabs,
    ``lang=text`` blocks, shell, ...) with their ``lang``.
    """
    if text is None:
        text = read_document(path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = detect_format(path, text)
    raw = _EXTRACTORS[fmt](text.split("\n"))
    doc_hint = _doc_dialect(str(path), text, fmt)
    blocks = []
    for line, body, lang, kind in raw:
        if not any(s.strip() for s in body):
            continue
        code = "\n".join(body)
        hint = doc_hint if doc_hint is not None else _content_dialect(code)
        blocks.append(CodeBlock(str(path), line, code, lang, hint, kind))
    return [b for b in blocks if all_languages or b.is_gdscript]


def extract_from_paths(
    paths: Iterable[str | Path], *, all_languages: bool = False
) -> Iterator[CodeBlock]:
    """Blocks of every documentation file under ``paths`` (files or directories), sorted."""
    for file in _doc_files(paths):
        yield from extract_blocks(file, all_languages=all_languages)


def _doc_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*")
                                if f.is_file() and f.suffix.lower() in DOC_SUFFIXES))
        elif p.is_file():
            files.append(p)
    return files


# * Indentation


def _width(ws: str, tab: int = 8) -> int:
    """Visual width of leading whitespace, tabs to ``tab``-column stops (docutils uses 8)."""
    col = 0
    for ch in ws:
        col = (col // tab + 1) * tab if ch == "\t" else col + 1
    return col


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def _strip_columns(line: str, base: int) -> str:
    """Remove ``base`` columns of indentation; a tab that crosses ``base`` is kept."""
    col, i = 0, 0
    while i < len(line) and line[i] in " \t" and col < base:
        nxt = (col // 8 + 1) * 8 if line[i] == "\t" else col + 1
        if nxt > base:
            break
        col, i = nxt, i + 1
    return line[i:]


def _dedent(lines: list[str]) -> list[str]:
    """Remove the common indentation (in columns), then make tab/space use consistent."""
    widths = [_width(_indent_of(s)) for s in lines if s.strip()]
    base = min(widths, default=0)
    out = [_strip_columns(s, base) if s.strip() else "" for s in lines]
    return _consistent_indentation(out)


def _consistent_indentation(lines: list[str]) -> list[str]:
    """If some lines indent with tabs and others with spaces, use the majority character."""
    indents = [_indent_of(s) for s in lines if s.strip() and _indent_of(s)]
    tabs = sum(1 for ws in indents if set(ws) == {"\t"})
    spaces = sum(1 for ws in indents if set(ws) == {" "})
    if not indents or tabs + spaces == len(indents) and (tabs == 0 or spaces == 0):
        return lines
    space_widths = [len(ws) for ws in indents if set(ws) == {" "}]
    unit = min(space_widths, default=4) or 4
    use_tabs = tabs >= spaces
    out = []
    for s in lines:
        ws = _indent_of(s)
        width = _width(ws, unit)
        levels, rest = divmod(width, unit)
        new_ws = ("\t" * levels if use_tabs else " " * (levels * unit)) + " " * rest
        out.append(new_ws + s[len(ws):])
    return out


def _trim_blank_edges(start: int, lines: list[str]) -> tuple[int, list[str]]:
    """Drop leading and trailing blank lines; ``start`` is the index of ``lines[0]``."""
    while lines and not lines[0].strip():
        start, lines = start + 1, lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return start, lines


# * reStructuredText

_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([A-Za-z][\w.+-]*)::(?:\s+(.*?))?\s*$")
_EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")
_OPTION = re.compile(r"^\s*:[\w-]+:")
_LIST_MARK = re.compile(r"^\s*(?:[-*+\u2022]\s+|\d+[.)]\s+|#\.\s+|\(\d+\)\s+)?")
_CODE_DIRECTIVES = {"code-tab": "code-tab", "code-block": "code-block", "code": "code",
                    "sourcecode": "code-block"}
_OPAQUE_DIRECTIVES = {"raw", "math", "literalinclude", "graphviz", "csv-table"}


def _rst_blocks(lines: list[str]) -> list[tuple[int, list[str], str, str]]:
    """(first line, dedented lines, lang, kind) of each code block of an rst page."""
    found: list[tuple[int, list[str], str, str]] = []
    highlight, i = DEFAULT_HIGHLIGHT, 0
    while i < len(lines):
        line = lines[i]
        m = _DIRECTIVE.match(line)
        if m:
            name, arg, indent = m[2].lower(), (m[3] or "").strip(), _width(m[1])
            if name == "highlight":
                highlight = _lang(arg) or highlight
            if name in _CODE_DIRECTIVES or name in _OPAQUE_DIRECTIVES:
                start, body, i = _directive_body(lines, i, indent)
                if name in _CODE_DIRECTIVES and body:
                    found.append((start + 1, _dedent(body), _lang(arg) or highlight,
                                  _CODE_DIRECTIVES[name]))
                continue
            i += 1
        elif _EXPLICIT.match(line):  # comment, target or substitution: skip its body
            _, _, i = _indented_after(lines, i + 1, _width(_indent_of(line)), need_blank=False)
        elif _is_literal_marker(line):
            start, body, end = _indented_after(lines, i + 1, _text_column(line))
            if body:
                found.append((start + 1, _dedent(body), highlight, "literal"))
                i = end
            else:
                i += 1
        else:
            i += 1
    return found


def _lang(arg: str) -> str:
    """Language word of a directive argument (``gdscript GDScript`` -> ``gdscript``)."""
    word = arg.split()[0].lower() if arg.split() else ""
    return "gdscript" if word in GDSCRIPT_LANGS else word


def _is_literal_marker(line: str) -> bool:
    stripped = line.rstrip()
    return stripped.endswith("::") and stripped.strip(":").strip() != "" or stripped.strip() == "::"


def _text_column(line: str) -> int:
    """Column where a paragraph line's text starts (list markers count as indentation)."""
    return _width(_LIST_MARK.match(line).group(0))


def _directive_body(lines: list[str], i: int, indent: int) -> tuple[int, list[str], int]:
    """Body of the directive on line ``i``: (first body index, lines, index after it)."""
    j = i + 1
    while j < len(lines) and lines[j].strip() and _OPTION.match(lines[j]) \
            and _width(_indent_of(lines[j])) > indent:
        j += 1
    return _indented_after(lines, j, indent, need_blank=False)


def _indented_after(
    lines: list[str], j: int, indent: int, need_blank: bool = True
) -> tuple[int, list[str], int]:
    """Lines from ``j`` indented deeper than ``indent``: (first index, lines, end index)."""
    if need_blank and j < len(lines) and lines[j].strip():
        return j, [], j
    end = j
    while end < len(lines) and (not lines[end].strip() or _width(_indent_of(lines[end])) > indent):
        end += 1
    start, body = _trim_blank_edges(j, lines[j:end])
    return start, body, end


# * Markdown

_FENCE_OPEN = re.compile(r"^(\s*)(`{3,}|~{3,})\s*\{?\.?([^\s`{}]*)")


def _markdown_blocks(lines: list[str]) -> list[tuple[int, list[str], str, str]]:
    found: list[tuple[int, list[str], str, str]] = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, lang = len(m[1]), m[2], _lang(m[3])
        end = i + 1
        while end < len(lines) and not _closes_fence(lines[end], fence):
            end += 1
        body = [_strip_columns(s, indent) for s in lines[i + 1:end]]
        start, body = _trim_blank_edges(i + 1, body)
        if body:
            found.append((start + 1, _dedent(body), lang, "fence"))
        i = end + 1
    return found


def _closes_fence(line: str, fence: str) -> bool:
    s = line.strip()
    return s.startswith(fence) and set(s) == {fence[0]}


# * Class reference XML

_XML_BLOCK = re.compile(
    r"\[(codeblock|gdscript|csharp)((?:\s+[\w-]+(?:=[\w-]+)?)*)\](.*?)\[/\1\]", re.S)
_XML_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);")
_XML_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def _xml_unescape(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        name = m[1]
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        return chr(int(name[1:])) if name.startswith("#") else _XML_NAMED[name]

    return _XML_ENTITY.sub(one, text)


def _xml_blocks(lines: list[str]) -> list[tuple[int, list[str], str, str]]:
    text = "\n".join(lines)
    found: list[tuple[int, list[str], str, str]] = []
    for m in _XML_BLOCK.finditer(text):
        tag, attrs = m[1], dict(re.findall(r"([\w-]+)=([\w-]+)", m[2]))
        lang = {"gdscript": "gdscript", "csharp": "csharp"}.get(tag) or _lang(
            attrs.get("lang", "gdscript"))
        kind = "codeblock" if tag == "codeblock" else "codeblocks"
        line_start = text.rfind("\n", 0, m.start()) + 1
        base = text[line_start:m.start()]
        body = m[3].split("\n")
        first = text.count("\n", 0, m.start(3)) + 1
        if len(body) > 1 and not body[0].strip():
            body, first = body[1:], first + 1
        first_index, body = _trim_blank_edges(first - 1, body)
        found.append((first_index + 1, _xml_dedent(body, base), lang, kind))
    return found


def _xml_dedent(body: list[str], base: str) -> list[str]:
    """Remove the opening tag's indentation (the description's), then any common rest."""
    if base.strip():  # the tag follows text on its line: fall back to common indentation
        base = ""
    out = []
    for s in body:
        if s.startswith(base):
            s = s[len(base):]
        elif not s.strip():
            s = ""
        out.append(_xml_unescape(s))
    return _dedent(out)


# * Plain GDScript files


def _gd_blocks(lines: list[str]) -> list[tuple[int, list[str], str, str]]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return [(1, lines, "gdscript", "file")] if lines else []


# * Rendered text

_GD_STRONG = re.compile(
    r"^\s*(?:extends\s+\w|class_name\s+\w|(?:static\s+)?func\s+\w+\s*\(|var\s+\w+\s*(?::|=|$)|"
    r"const\s+\w+\s*[:=]|signal\s+\w+|enum\s*\w*\s*\{|@\w+|(?:if|elif|while)\s.+:\s*(?:#.*)?$|"
    r"else\s*:|for\s+\w+\s+in\s.+:\s*$|match\s.+:\s*$|return\b|pass\s*$|await\s|yield\s*\(|"
    r"print\w*\s*\(|[\w.$\[\]\"]+\s*[-+*/%]?=\s*\S|"
    r"[\w$][\w.$]*(?:\[[^\]]*\])?(?:\.[\w]+)*\(.*\)\s*(?:#.*)?$)")
_CSHARP_LINE = re.compile(
    r";\s*(?://.*)?$|^\s*[{}]\s*;?$|^\s*(?:using|public|private|protected|internal|namespace)\s|"
    r"^\s*//|\bGD\.\w+\(|^\s*(?:string|int|float|bool|double|long)(?:\[\])?\s+\w+\s*=")
_TAB_LABEL = re.compile(r"^\s*(GDScript|C#|C\+\+|Python|Shell|Bash)\s*$")


def _rendered_blocks(lines: list[str]) -> list[tuple[int, list[str], str, str]]:
    """Code in a rendered page: runs of lines shaped like GDScript.

    A run is a maximal group of GDScript-shaped lines (``_GD_STRONG``: a declaration, a keyword
    statement, an assignment or a call statement), comment lines and lines indented under them,
    with single blank lines inside.  It counts as code when it follows a tab label line
    (``GDScript``; the C# label and C# panel after it are skipped) or a prose line ending in
    ``:`` (Sphinx renders ``::`` as ``:``), or when it has at least two GDScript-shaped lines.
    C#-shaped lines (``;`` endings, braces, ``GD.``) end a run.
    """
    found: list[tuple[int, list[str], str, str]] = []
    i = 0
    while i < len(lines):
        if not _starts_code(lines[i]):
            i += 1
            continue
        end = _code_run_end(lines, i)
        run = lines[i:end]
        strong = sum(1 for s in run if _GD_STRONG.match(s) and not s.strip().startswith("#"))
        if strong and (strong >= 2 or _code_context(lines, i)):
            start, body = _trim_blank_edges(i, run)
            found.append((start + 1, _dedent(body), "gdscript", "rendered"))
        i = max(end, i + 1)
    return found


def _starts_code(line: str) -> bool:
    return bool(_GD_STRONG.match(line)) and not _CSHARP_LINE.search(line) \
        and not _looks_like_prose(line)


def _looks_like_prose(line: str) -> bool:
    """A sentence: several words, no code punctuation, ends like prose."""
    s = line.strip()
    words = s.split()
    if len(words) >= 6 and not re.search(r"[=(){}\[\]]", s):
        return True
    return len(words) >= 8 and s.endswith(".") and "(" not in words[0]


def _code_run_end(lines: list[str], i: int) -> int:
    end = i + 1
    while end < len(lines):
        s = lines[end]
        if not s.strip():
            if end + 1 < len(lines) and _continues_code(lines[end + 1]):
                end += 1
                continue
            break
        if not _continues_code(s):
            break
        end += 1
    return end


def _continues_code(line: str) -> bool:
    s = line.strip()
    if _CSHARP_LINE.search(line) or _TAB_LABEL.match(line) or not s:
        return False
    return s.startswith("#") or line[:1] in " \t" or _starts_code(line) \
        or bool(re.match(r"^[\])}]", s))


def _code_context(lines: list[str], i: int) -> bool:
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    labels = 0
    while j >= 0 and _TAB_LABEL.match(lines[j]):
        labels, j = labels + 1, j - 1
    if labels:
        return True
    return j >= 0 and lines[j].rstrip().endswith(":") and not _GD_STRONG.match(lines[j])


_EXTRACTORS = {"rst": _rst_blocks, "markdown": _markdown_blocks, "xml": _xml_blocks,
               "gdscript": _gd_blocks, "rendered": _rendered_blocks}


# * Dialect hints

_PATH_DIALECT = re.compile(r"(?:^|[/\\_.-])(?:godot-?)?([34])(?:\.x|\.\d+)?(?=[/\\_-]|$)", re.I)
_DIALECT3 = re.compile(
    r"\bPool(?:Byte|Int|Real|String|Vector2|Vector3|Color)Array\b|\byield\s*\(|"
    r"^\s*(?:export(?:\(.*\))?\s+var|onready\s+var|tool\s*$)|\bsetget\b|\.instance\(\)|"
    r"\bJSON\.print\(|\b(?:deg2rad|rad2deg|rand_range|stepify|linear_interpolate|funcref|"
    r"parse_json|to_json)\(|^\s*(?:remote|master|puppet|remotesync|puppetsync)\s+func\b|"
    r"\bconnect\(\s*\"\w+\"\s*,\s*self\s*,|\bKinematicBody(?:2D)?\b|\bSpatial\b|"
    r"\b(?:File|Directory)\.new\(\)", re.M)
_DIALECT4 = re.compile(
    r"@(?:export\w*|onready|tool|rpc|warning_ignore|static_unload|icon|abstract)\b|\bawait\s|"
    r"\bPacked(?:Byte|Int32|Int64|Float32|Float64|String|Vector2|Vector3|Vector4|Color)Array\b|"
    r"\bsuper\s*[(.]|\.instantiate\(|\b(?:deg_to_rad|rad_to_deg|randf_range|snapped)\(|"
    r"\bJSON\.stringify\(|\bArray\[\w+\]|\b(?:Vector[234]i|Rect2i|StringName|Callable|"
    r"Node3D|CharacterBody[23]D|RefCounted|FileAccess|DirAccess|TLSOptions)\b|\.emit\(|"
    r"=\s*func\s*\w*\s*\(", re.M)


def _doc_dialect(path: str, text: str, fmt: str) -> int | None:
    """Godot major version of a whole document, from its path or its generator's marks."""
    m = _PATH_DIALECT.search(path.replace("\\", "/"))
    if m:
        return int(m[1])
    head = text[:3000]
    m = re.search(r"godot/tree/(\d)\.\d+/doc/tools", head)
    if m:
        return int(m[1])
    if "godot/tree/master/doc/tools" in head or "classref-" in text:
        return 4
    if "makerst.py" in head or "**(**" in text:
        return 3
    m = re.search(r'<class [^>]*version="(\d)', head)
    if m:
        return int(m[1])
    if fmt == "xml":  # 4.x XML: class.xsd schema, <param>; 3.x XML: <argument>
        return 4 if "class.xsd" in head or "<param index=" in text or "[codeblocks]" in text \
            else 3 if "<argument index=" in text else None
    m = re.search(r"^\s*\**Inherits:\**\s*(.*)$", head, re.M)
    if m and re.search(r"\bRefCounted\b", m[1]):
        return 4
    if m and re.search(r"\bReference\b", m[1]):
        return 3
    return None


def _content_dialect(code: str) -> int | None:
    three, four = bool(_DIALECT3.search(code)), bool(_DIALECT4.search(code))
    return 3 if three and not four else 4 if four and not three else None


# * Code view: strings and comments


_View = tuple[str, str, bool]  # (code with strings blanked, comment text, is continuation)
_Parsed = tuple[str, list[str], bool, "str | None", bool]  # kind, expected, quoted, subject, more


def _code_lines(text: str) -> list[_View]:
    """Per line: (code with string contents blanked, comment text, starts-as-continuation).

    A continuation line starts inside brackets, after a backslash or inside a triple-quoted
    string.  Comments are returned without the leading ``#``s.
    """
    out: list[_View] = []
    depth, in_triple, backslash = 0, "", False
    for line in text.split("\n"):
        cont = depth > 0 or bool(in_triple) or backslash
        code, comment, depth, in_triple = _scan_line(line, depth, in_triple)
        backslash = code.rstrip().endswith("\\")
        out.append((code, comment, cont))
    return out


def _scan_line(line: str, depth: int, in_triple: str) -> tuple[str, str, int, str]:
    code: list[str] = []
    i, quote = 0, in_triple
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if line.startswith(quote, i):
                code.append(quote)
                i, quote = i + len(quote), ""
                continue
            i += 1
            continue
        if ch == "#":
            return "".join(code), line[i:].lstrip("#").strip(), depth, ""
        if ch in "\"'":
            quote = ch * 3 if line.startswith(ch * 3, i) else ch
            code.append(quote)
            i += len(quote)
            continue
        depth += 1 if ch in "([{" else -1 if ch in ")]}" else 0
        depth = max(depth, 0)
        code.append(ch)
        i += 1
    still_triple = quote if len(quote) == 3 else ""
    return "".join(code), "", depth, still_triple


def _comment_start(line: str) -> int | None:
    """Index of the ``#`` starting ``line``'s comment, outside strings."""
    quote, i = "", 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 1
            elif line.startswith(quote, i):
                i += len(quote) - 1
                quote = ""
        elif ch == "#":
            return i
        elif ch in "\"'":
            quote = ch * 3 if line.startswith(ch * 3, i) else ch
            i += len(quote) - 1
        i += 1
    return None


# * Classification

_CLASS_ONLY = re.compile(
    r"^(?:extends|class_name|class|func|static|signal|enum|tool|export|onready|setget|"
    r"remote|master|puppet|remotesync|mastersync|puppetsync|sync|slave|@[\w.]+)\b")
_VAR_CONST = re.compile(r"^(?:var|const)\b")
_ELISION = re.compile(r"\.\.\.(?![\w])|\[\.\.\]")


def has_elision(text: str) -> bool:
    """``...`` as code (``f(...)``, ``[...]``, a bare ``...``) or a comment-only ``# ...`` line.

    ``pass # ...`` is not an elision (the comment is on a code line), nor ``func f(...args)``
    (Godot 4.5 rest parameters).
    """
    for code, comment, _ in _code_lines(text):
        if code.strip():
            if _ELISION.search(code):
                return True
        elif comment.startswith(("...", "[...]", "[..]", "\u2026")):
            return True
    return False


@dataclass
class _Item:
    """A top-level item: a top-level line with its continuation and indented lines."""

    first: int  # 0-based line index of the head
    last: int
    role: str  # "class" (class-level only), "var" (var/const), "statement", "loose"
    lines: list[int] = field(default_factory=list)


def _top_level_items(text: str) -> list[_Item]:
    items: list[_Item] = []
    pending: list[int] = []  # loose comment/blank lines waiting for the next item
    for idx, (code, _comment, cont) in enumerate(_code_lines(text)):
        head = code.strip()
        top = head and not cont and not code[:1].isspace()
        if top:
            role = "class" if _CLASS_ONLY.match(head) else "var" if _VAR_CONST.match(head) \
                else "statement"
            items.append(_Item(idx, idx, role, pending + [idx]))
            pending = []
        elif head and items:
            items[-1].lines.extend(pending + [idx])
            items[-1].last, pending = idx, []
        else:
            pending.append(idx)
    if pending:
        if items:
            items[-1].lines.extend(pending)
        else:
            items.append(_Item(pending[0], pending[-1], "loose", pending))
    return items


def classify(block: CodeBlock | str) -> str:
    """``script``, ``fragment``, ``members+statements`` or ``elided`` (see module docs).

    script: class-level items only (extends, class_name, func, class, signal, enum,
    annotations, 3.x export/onready/tool) with at least one that is not var/const.
    fragment: statements, possibly with var/const (run as a function body); also a block of
    only var/const or only comments.  members+statements: class-only items and statements
    at top level (use :func:`split_members_and_statements`).  elided: :func:`has_elision`.
    """
    text = block.text if isinstance(block, CodeBlock) else block
    if has_elision(text):
        return "elided"
    roles = {item.role for item in _top_level_items(text)}
    if "statement" in roles:
        return "members+statements" if "class" in roles else "fragment"
    return "script" if "class" in roles else "fragment"


def split_members_and_statements(text: str, keep_lines: bool = False) -> tuple[str, str]:
    """(members, statements) of a block, line by line.

    Class-only items go to members.  var/const lines go to members when the block has
    class-only items and they come before the first top-level statement (a function may use
    them); otherwise, as locals, to statements.  Comment and blank lines go with the item that
    follows them.  With ``keep_lines`` both texts keep every line (lines of the other part
    become empty), so line numbers match the block's.
    """
    items = _top_level_items(text)
    has_class = any(i.role == "class" for i in items)
    member_lines: set[int] = set()
    seen_statement = False
    for item in items:
        seen_statement = seen_statement or item.role == "statement"
        if item.role == "class" or (item.role == "var" and has_class and not seen_statement) \
                or (item.role == "loose" and not seen_statement and has_class):
            member_lines.update(item.lines)
    lines = text.split("\n")
    return (_select(lines, member_lines, True, keep_lines),
            _select(lines, member_lines, False, keep_lines))


def _select(lines: list[str], members: set[int], want_members: bool, keep: bool) -> str:
    picked = [s if (i in members) == want_members else "" for i, s in enumerate(lines)]
    if not keep:
        picked = [s for i, s in enumerate(lines) if (i in members) == want_members]
    while picked and not picked[-1].strip() and not keep:
        picked.pop()
    return "\n".join(picked)


# * Claims

_VERB = re.compile(
    r"^(?:(?P<pre>[^#]*?[,;:]|[^#]*?\b(?:and|then))\s+)?"
    r"(?P<verb>prints|will\s+print|would\s+print|should\s+print|outputs|will\s+output|"
    r"(?:may|might|can|could)\s+(?:print|return|output)|"
    r"output\s*:|result\s*:|returns|will\s+return|would\s+return)(?![\w])\s*(?P<colon>:)?\s*"
    r"(?P<rest>.*)$", re.I)
_IS_CLAIM = re.compile(r"^(?P<subj>[A-Za-z_]\w*(?:\.\w+)*(?:\[[^\]]*\])?)\s+is\s+(?:now\s+)?"
                       r"(?P<rest>.+)$")
_ANNOTATION = re.compile(
    r"^(?:\s*$|[.,;!]|\s*\(|\s+(?:to|in|on|when|if|and|as|because|for|with|after|before|"
    r"which|since|from|or|instead|here|there|via)\b)")
_PROSE_WORDS = {"the", "a", "an", "one", "either", "all", "each", "some", "something",
                "nothing", "its", "their", "this", "that", "whether", "out", "to", "it",
                "them", "if", "when", "how", "what", "which", "e.g.", "every", "any", "both",
                "whatever", "same", "different", "random", "of", "like", "not"}
_QUOTES = "\"'`"
_SIMPLE_LITERAL = r"-?(?:\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|inf|nan)|true|false|null|<null>"
_MAYBE = {"may", "might", "can", "could"}
_CONDITION = re.compile(r"(?:^|[\s,])(?:if|unless)\s[^\"'`\[\](){}]*$", re.I)
_PRINT_CALL = re.compile(r"^(?:print|prints|printt|print_rich|printraw|print_debug)\s*\(")


def find_claims(block: CodeBlock | str) -> list[Claim]:
    """Expected-output claims of a block's comments, in line order.

    A claim on a comment-only line talks about the statement directly above it (``after``)
    or, when a blank line or a block header is above and code directly below, the statement
    below it (``before``).  A claim with code both directly above and below follows the
    block's convention, taken from its unambiguous claims (``after`` when there are none).
    """
    text = block.text if isinstance(block, CodeBlock) else block
    lines = text.split("\n")
    views = _code_lines(text)
    found: list[tuple[Claim, tuple[int | None, int | None]]] = []
    i = 0
    while i < len(lines):
        claim, options, i = _claim_at(lines, views, i)
        if claim:
            found.append((claim, options))
    votes = [c.attach for c, _ in found if c.attach in ("after", "before")]
    convention = "before" if votes and votes.count("before") > votes.count("after") else "after"
    return [_resolve(claim, options, convention) for claim, options in found]


def _resolve(claim: Claim, options: tuple[int | None, int | None], convention: str) -> Claim:
    if claim.attach != "ambiguous":
        return claim
    after, before = options
    line = before if convention == "before" else after
    return replace(claim, statement_line=line, attach=convention)


def _claim_at(
    lines: list[str], views: list[_View], i: int
) -> tuple[Claim | None, tuple[int | None, int | None], int]:
    """The claim starting on line ``i`` (or None), its attachment options, the next line."""
    code, comment = views[i][0].strip(), views[i][1]
    start = _comment_start(lines[i])
    subject_code = code or _neighbour_code(views, i)
    parsed = _parse_claim_comment(comment, code, subject_code) if start is not None else None
    if parsed is None or start is None:
        return None, (None, None), i + 1
    raw = lines[i][start:].strip()
    kind, expected, quoted, subject, wants_more = parsed
    nxt = i + 1
    if wants_more and not code:
        expected, nxt = _continuation_lines(lines, views, i + 1)
        kind = kind if expected else "vague"
    if code:
        claim = Claim(i + 1, kind, expected, i + 1, raw, quoted, subject, "inline")
        return claim, (None, None), nxt
    after, before, attach = _attach(lines, views, i, nxt - 1)
    claim = Claim(i + 1, kind, expected, after if attach != "before" else before, raw, quoted,
                  subject, attach)
    return claim, (after, before), nxt


def _neighbour_code(views: list[_View], i: int) -> str:
    """Code of the nearest code lines above and below comment-only line ``i`` (within the
    comment's paragraph): where the subject of ``# a is 1`` must appear."""
    near = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(views) and not views[j][0].strip() and views[j][1]:
            j += step  # other comment lines of the same comment
        if 0 <= j < len(views) and views[j][0].strip():
            near.append(views[j][0])
    return "\n".join(near)


def _parse_claim_comment(comment: str, code: str, subject_code: str = "") -> _Parsed | None:
    """(kind, expected_lines, quoted, subject, wants_more) for a comment, or None.

    ``subject_code`` is where an ``X is V`` claim's subject must appear (the comment's own
    line, or for a comment-only line the code next to it)."""
    m = _VERB.match(comment)
    if m:
        verb = re.sub(r"\s+", " ", m["verb"].lower()).rstrip(": ")
        kind = {"result": "result", "output": "output", "outputs": "output",
                "will output": "output"}.get(verb, "returns" if "return" in verb else "prints")
        rest = m["rest"].strip()
        if verb.split()[0] in _MAYBE:  # "May print 1, 2, 3.25, or "Hi".": no definite value
            return "vague", [], False, None, False
        if not rest:
            return kind, [], False, None, bool(m["colon"]) or verb in {"output", "result"}
        values, quoted = _parse_value(rest)
        if values is None:  # prose after the verb; mid-sentence verbs are not claims at all
            return None if m["pre"] else ("vague", [], False, None, False)
        if _CONDITION.search(rest):  # "Returns null if parsing failed.": not this run's value
            return "vague", [], False, None, False
        return kind, values, quoted, None, False
    m = _IS_CLAIM.match(comment)
    subject = m and m["subj"].split("[")[0].split(".")[0]
    if m and re.search(rf"\b{re.escape(subject)}\b", subject_code or code or ""):
        values, quoted = _parse_value(m["rest"].strip(), literal_only=True)
        if values is not None:
            return "is", values, quoted, m["subj"], False
    if code and _PRINT_CALL.match(code):
        values, quoted = _parse_value(comment, literal_only=True)
        if values is not None:
            return "value", values, quoted, None, False
    return None


def _parse_value(rest: str, literal_only: bool = False) -> tuple[list[str] | None, bool]:
    """The expected lines of a claim and whether one level of quotes was removed.

    Quote rule: a value written inside one pair of quotes (``"x"``, ``'x'`` or backticks) is
    the text Godot prints for a String, so the quotes are removed once: ``# Prints "Hello"``
    for ``print("Hello")`` means the output ``Hello``; ``# Prints '"x"'`` means ``"x"``.
    Quotes inside a value (``["a", "b"]``, ``^""``) stay.  After the value, annotations are
    dropped: a final period, ``(robot face emoji)``, ``, in green``, ``to the console.``.
    A list of simple literals (``2, 3, 4.``) is one line per literal (a print in a loop).
    Text that starts like prose (``the FPS``, ``either ...``, ``e.g. 0.37``) gives None;
    ``literal_only`` accepts only a quoted string, a bracketed value or a simple literal.
    """
    if not rest:
        return None, False
    if rest[0] in _QUOTES:
        value, quoted = _quoted_value(rest)
        return ([value] if value is not None else None), quoted
    if rest[0] in "[{(" or re.match(r"^[A-Z]\w*\(", rest):
        end = _balanced_end(rest, 0)
        if end is not None and _ANNOTATION.match(rest[end:]):
            return [rest[:end]], False
        return (None, False) if literal_only else ([_trim_sentence(rest)], False)
    listed = re.fullmatch(rf"({_SIMPLE_LITERAL})(\s*,\s*(?:{_SIMPLE_LITERAL}))+\.?", rest)
    if listed and not literal_only:
        return [v.strip() for v in _trim_sentence(rest).split(",")], False
    first = rest.split()[0].rstrip(".,;:!")
    if not first or first.lower() in _PROSE_WORDS or first.lower().startswith("e.g"):
        return None, False
    if literal_only and not re.fullmatch(_SIMPLE_LITERAL, first):
        return None, False
    if _ANNOTATION.match(rest[len(first):]):
        return [first], False
    return (None, False) if literal_only else ([_trim_sentence(rest)], False)


def _quoted_value(rest: str) -> tuple[str | None, bool]:
    q = rest[0]
    for end in range(len(rest) - 1, 0, -1):
        if rest[end] == q and _ANNOTATION.match(rest[end + 1:]):
            inner = rest[1:end]
            return (inner.replace('\\"', '"') if q == '"' else inner), True
    return None, False


def _balanced_end(text: str, start: int) -> int | None:
    """Index just after the bracket group that starts at or after ``start``."""
    depth, quote = 0, ""
    for i in range(start, len(text)):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _trim_sentence(value: str) -> str:
    value = value.strip()
    if value.endswith(".") and not value.endswith(".."):
        value = value[:-1].rstrip()
    return value


def _continuation_lines(lines: list[str], views: list[_View], j: int) -> tuple[list[str], int]:
    """Comment-only lines after a ``# Prints:`` line, dedented: (lines, next index)."""
    body: list[str] = []
    while j < len(lines) and not views[j][0].strip() and lines[j].strip().startswith("#"):
        if _VERB.match(views[j][1]):
            break
        stripped = lines[j].strip()
        body.append(stripped[1:] if not stripped.startswith("##") else stripped.lstrip("#"))
        j += 1
    widths = [len(s) - len(s.lstrip()) for s in body if s.strip()]
    cut = min(widths, default=0)
    return [s[cut:].rstrip() for s in body], j


def _attach(
    lines: list[str], views: list[_View], first: int, last: int
) -> tuple[int | None, int | None, str]:
    """(statement above, statement below, attach) for a comment-only claim on lines first..last.

    attach is ``after``, ``before`` or ``ambiguous`` (code directly above and below).
    """
    above = first - 1
    while above >= 0 and not views[above][0].strip() and lines[above].strip().startswith("#"):
        above -= 1  # comment lines directly above belong to the same comment
    below = last + 1
    prev_code = above >= 0 and bool(views[above][0].strip())
    header_above = prev_code and views[above][0].rstrip().endswith(":")
    next_code = below < len(lines) and bool(views[below][0].strip())
    k = above
    while k >= 0 and not views[k][0].strip():
        k -= 1
    after = _statement_head(views, k) + 1 if k >= 0 and not header_above else None
    before = below + 1 if next_code else None
    if prev_code and not header_above:
        return after, before, "ambiguous" if next_code else "after"
    if next_code:
        return after, before, "before"
    return after, before, "after"


def _statement_head(views: list[_View], idx: int) -> int:
    """First line of the (possibly multi-line) statement that contains line ``idx``."""
    while idx > 0 and views[idx][2]:
        idx -= 1
    return idx
