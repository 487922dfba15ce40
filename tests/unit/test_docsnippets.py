"""Tests for gdscript.docsnippets: block extraction per format, classification, claims.

Samples are our own documents under docs_samples/; the corpus tests read Godot's docs in
place from the shared/ directory next to the repository (GDSCRIPT_SHARED_DIR overrides).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from gdscript import docsnippets as ds

SAMPLES = Path(__file__).parent / "docs_samples"
REPO_ROOT = Path(__file__).resolve().parents[2]


def _blocks(name: str, **kw) -> list[tuple[int, str, str, str]]:
    return [(b.line, b.kind, b.lang, b.text) for b in ds.extract_blocks(SAMPLES / name, **kw)]


class TestRst:
    EXPECTED = [
        (13, "literal", "gdscript", 'var greeting = "hi"\nprint(greeting)'),
        (20, "code-tab", "gdscript", "func add(a, b):\n    return a + b"),
        (31, "code-tab", "gdscript", 'func tabbed():\n\tprint("tab indented")'),
        (42, "code-block", "gdscript", "var count = 0\ncount += 1"),
        (47, "code", "gdscript", 'print("code directive")'),
        (53, "literal", "gdscript", 'print("nested")'),
        (59, "literal", "gdscript", 'print("from a list")'),
        (71, "code-block", "gdscript", 'print("bare code-block uses the highlight language")'),
        (77, "code-block", "gdscript",
         'func mixed():\n\tif true:\n\t\tprint("tabs after spaces")'),
    ]

    def test_gdscript_blocks(self):
        assert _blocks("page.rst") == self.EXPECTED

    def test_other_languages_are_kept_apart(self):
        others = [(line, lang) for line, _, lang, _ in _blocks("page.rst", all_languages=True)
                  if lang != "gdscript"]
        assert others == [(25, "csharp"), (36, "console"), (65, "shell")]

    def test_comment_body_is_not_a_literal_block(self):
        assert all("not_code" not in text for *_, text in _blocks("page.rst", all_languages=True))

    @pytest.mark.parametrize("directive, lang", [
        (".. code-tab:: gdscript GDScript", "gdscript"),
        (".. code-tab:: gdscript", "gdscript"),
        (".. code-block:: GDScript", "gdscript"),
        (".. code-block:: gd", "gdscript"),
        (".. code:: csharp", "csharp"),
        (".. sourcecode:: gdscript", "gdscript"),
        (".. code-block::", "gdscript"),
    ])
    def test_directive_languages(self, directive, lang):
        text = f"Intro.\n\n{directive}\n   :emphasize-lines: 1\n\n   pass\n"
        [block] = ds.extract_blocks("x.rst", text, all_languages=True)
        assert (block.line, block.lang, block.text) == (6, lang, "pass")

    def test_literal_marker_forms(self):
        text = "Expanded form ::\n\n    a()\n\n::\n\n    b()\n\nNo blank line::\n    c()\n"
        assert [b.text for b in ds.extract_blocks("x.rst", text)] == ["a()", "b()"]

    def test_tab_straddling_the_block_indentation_is_kept(self):
        # Content indented 4 spaces; the second line's tab reaches column 8: one level deeper.
        text = ".. code-block:: gdscript\n\n    func f():\n\tpass\n"
        [block] = ds.extract_blocks("x.rst", text)
        assert block.text == "func f():\n\tpass"


class TestMarkdown:
    def test_fences(self):
        assert _blocks("page.md") == [
            (6, "fence", "gdscript", "var a = [1, 2]\nprint(a) # Prints [1, 2]"),
            (15, "fence", "gdscript", "func double(x):\n\treturn x * 2"),
            (22, "fence", "gdscript", 'print("indented fence")'),
            (26, "fence", "gdscript", 'var fence = "```"\nprint(fence)'),
        ]

    def test_other_fences(self):
        langs = [lang for _, _, lang, _ in _blocks("page.md", all_languages=True)]
        assert langs.count("python") == 1 and langs.count("") == 1


class TestXml:
    def test_codeblock_and_tabs(self):
        assert _blocks("Sample.xml") == [
            (9, "codeblock", "gdscript",
             'var s = "a & b"\nif s.length() < 10:\n\tprint(s) # Prints "a & b"'),
            (16, "codeblocks", "gdscript",
             "var total = 0\nfor i in range(3):\n\ttotal += i\n\nprint(total) # Prints 3"),
            (38, "codeblocks", "gdscript", "print('skip-lint tab')"),
        ]

    def test_non_gdscript_tags(self):
        others = [(line, kind, lang) for line, kind, lang, _ in
                  _blocks("Sample.xml", all_languages=True) if lang != "gdscript"]
        assert others == [(23, "codeblocks", "csharp"), (28, "codeblock", "text"),
                          (41, "codeblocks", "csharp")]

    def test_dialect_from_schema(self):
        assert {b.dialect_hint for b in ds.extract_blocks(SAMPLES / "Sample.xml")} == {4}

    def test_numeric_entities(self):
        text = "<class>\n\t[codeblock]\n\tprint(&#34;x&#x21;&#34;)\n\t[/codeblock]\n</class>"
        [block] = ds.extract_blocks("Y.xml", text)
        assert (block.line, block.text) == (3, 'print("x!")')


class TestOtherFormats:
    def test_gd_file_is_one_block(self):
        assert _blocks("sample.gd") == [
            (1, "file", "gdscript", 'extends Node\n\nfunc _ready():\n\tprint("whole file")')]

    def test_rendered_page(self):
        assert _blocks("rendered_page.txt") == [
            (9, "rendered", "gdscript",
             "var widget = Widget.new()\nwidget.size = 3\nprint(widget.size) # Prints 3"),
            (24, "rendered", "gdscript", "widget.resize(10)"),
            (27, "rendered", "gdscript", "var other = Widget.new()\nother.resize(2)"),
        ]

    @pytest.mark.parametrize("name, fmt", [
        ("page.rst", "rst"), ("page.md", "markdown"), ("Sample.xml", "xml"),
        ("sample.gd", "gdscript"), ("rendered_page.txt", "rendered")])
    def test_detect_format(self, name, fmt):
        assert ds.detect_format(name, (SAMPLES / name).read_text()) == fmt

    def test_txt_with_rst_content_is_rst(self):
        text = "Title\n=====\n\nExample::\n\n    print(1)\n"
        assert ds.detect_format("page.txt", text) == "rst"
        assert [b.line for b in ds.extract_blocks("page.txt", text)] == [6]

    def test_doc_line(self):
        block = ds.extract_blocks(SAMPLES / "Sample.xml")[1]
        assert block.doc_line(5) == 20


class TestDialect:
    @pytest.mark.parametrize("path, code, hint", [
        ("docs/3.x/page.md", "print(1)", 3),
        ("docs/godot-4.2/page.md", "print(1)", 4),
        ("page.md", "var a = PoolStringArray()", 3),
        ("page.md", "yield(get_tree(), 'idle_frame')", 3),
        ("page.md", "onready var x = 1", 3),
        ("page.md", "await get_tree().process_frame", 4),
        ("page.md", "@export var speed = 1", 4),
        ("page.md", "var b = PackedByteArray()", 4),
        ("page.md", "var a = PoolStringArray()\nawait x", None),
        ("page.md", "print(1)", None),
        ("docs/3.x/page.md", "await x", 3),  # the document's version wins over content
    ])
    def test_hints(self, path, code, hint):
        [block] = ds.extract_blocks(path, f"```gdscript\n{code}\n```\n")
        assert block.dialect_hint == hint

    def test_rst_generator_header(self):
        generator = "https://github.com/godotengine/godot/tree/3.5/doc/tools/make_rst.py"
        text = f".. Generator: {generator}.\n\nExample::\n\n    print(1)\n"
        assert ds.extract_blocks("x.rst", text)[0].dialect_hint == 3


class TestClassify:
    @pytest.mark.parametrize("code, expected", [
        ("extends Node\n\nfunc _ready():\n\tprint(1)", "script"),
        ("class_name Foo\nvar x = 1", "script"),
        ("signal hit\nenum {A, B}", "script"),
        ("@export var speed = 2.0", "script"),
        ("var a = [1]\na.append(2)\nprint(a)", "fragment"),
        ("var a = 1\nconst B = 2", "fragment"),
        ("print(1)", "fragment"),
        ("for i in 3:\n\tprint(i)", "fragment"),
        ("func f(x):\n\treturn x\nprint(f(1))", "members+statements"),
        ("extends Node\nprint(1)", "members+statements"),
        ("func f():\n\t...", "elided"),
        ("var x = 1\n# ...\nprint(x)", "elided"),
        ("tween.tween_property(...)", "elided"),
        ("var a = [...]", "elided"),
        ("func f():\n\tpass # ...", "script"),
        ("func f(...args):\n\tprint(args)", "script"),
        ('print("...")', "fragment"),
        ("var d = {\n\t'a': 1,\n}\nprint(d)", "fragment"),
    ])
    def test_classify(self, code, expected):
        assert ds.classify(code) == expected

    def test_classify_accepts_blocks(self):
        assert ds.classify(ds.extract_blocks(SAMPLES / "sample.gd")[0]) == "script"


class TestSplit:
    CODE = ("var total = 0\n"        # 1: before the first statement -> member
            "func add(x):\n"         # 2
            "\ttotal += x\n"         # 3
            "\n"                     # 4
            "# Add two numbers.\n"   # 5: comment goes with the next item
            "add(2)\n"               # 6
            "var local = [\n"        # 7: after a statement -> local
            "\t1,\n"                 # 8
            "]\n"                    # 9
            "print(total, local)")   # 10

    def test_split(self):
        members, statements = ds.split_members_and_statements(self.CODE)
        assert members == "var total = 0\nfunc add(x):\n\ttotal += x"
        assert statements == (
            "\n# Add two numbers.\nadd(2)\nvar local = [\n\t1,\n]\nprint(total, local)")

    def test_split_keeping_line_numbers(self):
        members, statements = ds.split_members_and_statements(self.CODE, keep_lines=True)
        assert members.split("\n")[1] == "func add(x):" and members.split("\n")[5] == ""
        assert statements.split("\n")[5] == "add(2)" and statements.split("\n")[0] == ""
        assert len(members.split("\n")) == len(statements.split("\n")) == 10

    def test_fragment_keeps_vars_as_locals(self):
        assert ds.split_members_and_statements("var a = 1\nprint(a)") == ("", "var a = 1\nprint(a)")

    def test_script_has_no_statements(self):
        code = "extends Node\nfunc f():\n\tpass"
        assert ds.split_members_and_statements(code) == (code, "")


class TestClaims:
    @pytest.mark.parametrize("line, kind, expected, quoted", [
        ('print("Hello") # Prints "Hello"', "prints", ["Hello"], True),
        ("print(1 + 2) # Prints 3", "prints", ["3"], False),
        ("print(x) # Prints: 3", "prints", ["3"], False),
        ("print(a) # Prints [1, 2]", "prints", ["[1, 2]"], False),
        ("print(a == b) # Prints true", "prints", ["true"], False),
        ("print(s) # prints 'single'", "prints", ["single"], True),
        ("print(s) # Prints `backticks`.", "prints", ["backticks"], True),
        ("print(v) # Prints (1.0, 2.0)", "prints", ["(1.0, 2.0)"], False),
        ("print(d) # Prints { \"k\": 1 }", "prints", ['{ "k": 1 }'], False),
        ("print(n) # Prints &lt;null&gt;".replace("&lt;", "<").replace("&gt;", ">"),
         "prints", ["<null>"], False),
        ("print(n) # Prints Node2D", "prints", ["Node2D"], False),
        ("print(s) # Prints \"Hi\" (a greeting)", "prints", ["Hi"], True),
        ("print(s) # Prints \"Hi\", in bold.", "prints", ["Hi"], True),
        ("print(s) # Prints '\"quoted\"'", "prints", ['"quoted"'], True),
        ("print(i) # Prints 1, the index.", "prints", ["1"], False),
        ("print(w) # Prints Hello world", "prints", ["Hello world"], False),
        ("print(p) # Prints ^\"\"", "prints", ['^""'], False),
        ("print(i) # Prints 2, 3, 4.", "prints", ["2", "3", "4"], False),
        ('s.to_upper() # Returns "ABC"', "returns", ["ABC"], True),
        ("a.find(2) # Returns -1", "returns", ["-1"], False),
        ("v.abs() # Returns Vector2(1, 2)", "returns", ["Vector2(1, 2)"], False),
        ("print(x) # Output: 7", "output", ["7"], False),
        ("print(x) # Result: 7", "result", ["7"], False),
        ('print(h) # outputs "ff"', "output", ["ff"], True),
        ("print(x) # Would print 5", "prints", ["5"], False),
        ("print(x) # Will print 5", "prints", ["5"], False),
        ("var a = floor(2.5) # a is 2.0", "is", ["2.0"], False),
        ("a = abs(-1) # a is now 1.", "is", ["1"], False),
        ('var e = "x.y".get_extension() # e is "y"', "is", ["y"], True),
        ("print(n) # 42", "value", ["42"], False),
        ('print(s) # "plain"', "value", ["plain"], True),
        ("randf() # Returns e.g. 0.5", "vague", [], False),
        ("print(fps) # Prints the frame rate.", "vague", [], False),
        ("var d = JSON.parse_string(s) # Returns null if parsing failed.", "vague", [], False),
        ("print(x) # May print 1, 2, 3.25, or \"Hi\".", "vague", [], False),
        ("print(x) # Might print 3", "vague", [], False),
        ('print("if x") # Prints "if x"', "prints", ["if x"], True),
        ("var s = asin(0.5) # s is 0.523599 or 30 degrees if converted", "is", ["0.523599"],
         False),
    ])
    def test_inline_forms(self, line, kind, expected, quoted):
        [claim] = ds.find_claims(line)
        assert (claim.kind, claim.expected_lines, claim.quoted) == (kind, expected, quoted)
        assert (claim.line, claim.statement_line, claim.attach) == (1, 1, "inline")
        assert claim.raw == line[line.index("#"):]

    @pytest.mark.parametrize("line", [
        "var a = 1 # This is a comment.",
        "print(x) # See the manual",
        "foo() # Default weight is 1",
        "var f = 2 # f is dynamically an integer",
        "pass # ...",
        "print('# Prints 3')",
        "# Print the result.",
        "call() # The URL below returns JSON as of writing.",
    ])
    def test_not_claims(self, line):
        assert ds.find_claims(line) == []

    def test_comment_line_is_claim_below_its_statement(self):
        [claim] = ds.find_claims("var a = abs(-1)\n# a is 1\n")
        assert (claim.kind, claim.subject, claim.expected_lines) == ("is", "a", ["1"])
        assert (claim.statement_line, claim.attach) == (1, "after")

    def test_comment_line_is_claim_above_its_statement(self):
        [claim] = ds.find_claims("# result is -2\nvar result = wrapi(-6, -5, -1)\n")
        assert (claim.kind, claim.subject, claim.expected_lines) == ("is", "result", ["-2"])
        assert (claim.statement_line, claim.attach) == (2, "before")

    @pytest.mark.parametrize("code", [
        "var data = f()\n# data is a String",  # a type in prose, not a value
        "var a = 1\n\n# b is 2\nvar c = 3",  # the subject is not next to the comment
        "# Vector2 is a value type\nvar v = Vector2()",
    ])
    def test_comment_line_is_prose_is_not_a_claim(self, code):
        assert ds.find_claims(code) == []

    def test_subject_of_is_claim(self):
        [claim] = ds.find_claims("var total = 1 + 2 # total is 3")
        assert claim.subject == "total"

    def test_multiline_prints(self):
        code = 'print("a")\nprint("b")\n# Prints:\n#     a\n#     b\n\nprint("c")'
        [claim] = ds.find_claims(code)
        assert (claim.line, claim.kind, claim.expected_lines) == (3, "prints", ["a", "b"])
        assert (claim.statement_line, claim.attach) == (2, "after")

    def test_claim_below_a_multiline_statement(self):
        code = "print([\n\t1,\n])\n# Prints [1]"
        [claim] = ds.find_claims(code)
        assert (claim.statement_line, claim.attach) == (1, "after")

    def test_claim_above_its_statement(self):
        code = "var a = 1\n\n# Prints 1\nprint(a)"
        [claim] = ds.find_claims(code)
        assert (claim.statement_line, claim.attach) == (4, "before")

    def test_claim_after_a_header_is_before(self):
        code = "func f():\n\t# Prints 5\n\tprint(5)"
        [claim] = ds.find_claims(code)
        assert (claim.statement_line, claim.attach) == (3, "before")

    def test_ambiguous_claims_follow_the_block_convention(self):
        before = "var v = 1\n\n# Returns 1\nf(1)\n# Returns 2\nf(2)"
        assert [(c.statement_line, c.attach) for c in ds.find_claims(before)] == \
            [(4, "before"), (6, "before")]
        after = "f(1)\n# Returns 1\n\nf(2)\n# Returns 2\nf(3)"
        assert [(c.statement_line, c.attach) for c in ds.find_claims(after)] == \
            [(1, "after"), (4, "after")]

    def test_mid_comment_claim(self):
        [claim] = ds.find_claims("# Access the value, prints '5'\nprint(v)")
        assert (claim.kind, claim.expected_lines, claim.statement_line) == ("prints", ["5"], 2)

    def test_claims_in_sample_blocks(self):
        first, second, _ = ds.extract_blocks(SAMPLES / "Sample.xml")
        assert [(c.line, c.expected_lines) for c in ds.find_claims(first)] == [(3, ["a & b"])]
        assert [(c.line, c.expected_lines) for c in ds.find_claims(second)] == [(5, ["3"])]


# * The real corpus, read in place


def _shared_dir() -> Path | None:
    shared = Path(os.environ.get("GDSCRIPT_SHARED_DIR") or REPO_ROOT.parent / "shared")
    if (shared / "docs").is_dir():
        return shared
    if os.environ.get("CI"):
        pytest.fail(f"shared documentation directory missing in CI: {shared}")
    return None


@pytest.fixture(scope="module")
def shared() -> Path:
    found = _shared_dir()
    if found is None:
        reason = "shared/docs not found (set GDSCRIPT_SHARED_DIR); corpus counts not checked"
        print(reason)
        pytest.skip(reason)
    return found


# GDScript blocks per file, measured with scripts/list_doc_blocks.py (rst counts checked by
# hand against the directives; XML counts also against a plain tag count below).
CORPUS_COUNTS = {
    "docs/3.x/classes/class_crypto.rst": 2,
    "docs/3.x/classes/class_httpclient.rst": 4,
    "docs/3.x/classes/class_httprequest.rst": 2,
    "docs/3.x/tutorials/networking/http_client_class.rst": 1,
    "docs/3.x/tutorials/networking/http_request_class.rst": 3,
    "docs/4.x/classes/class_crypto.rst": 2,
    "docs/4.x/classes/class_httpclient.rst": 4,
    "docs/4.x/classes/class_httprequest.rst": 2,
    "docs/4.x/classes/class_tlsoptions.rst": 1,
    "docs/4.x/tutorials/networking/http_client_class.rst": 1,
    "docs/4.x/tutorials/networking/http_request_class.rst": 3,
    "docs/4.x/xml/@GDScript.xml": 56,
    "docs/4.x/xml/@GlobalScope.xml": 87,
    "docs/4.x/xml/Array.xml": 24,
    "docs/4.x/xml/Dictionary.xml": 14,
    "docs/4.x/xml/HTTPClient.xml": 4,
    "docs/4.x/xml/HTTPRequest.xml": 2,
    "docs/4.x/xml/JSON.xml": 5,
    "docs/4.x/xml/OS.xml": 11,
    "docs/4.x/xml/PackedByteArray.xml": 1,
    "docs/4.x/xml/PackedStringArray.xml": 1,
    "docs/4.x/xml/StreamPeer.xml": 2,
    "docs/4.x/xml/String.xml": 42,
    "docs/4.x/xml/TLSOptions.xml": 1,
    "seeds/000_56f3de6c6098a3ce.txt": 2,
}


class TestCorpus:
    def test_counts_per_file(self, shared):
        counts: dict[str, int] = {}
        for block in ds.extract_from_paths([shared / "docs", shared / "seeds"]):
            rel = Path(block.path).relative_to(shared).as_posix()
            counts[rel] = counts.get(rel, 0) + 1
        assert counts == CORPUS_COUNTS

    def test_xml_counts_match_tags(self, shared):
        for xml in sorted((shared / "docs/4.x/xml").glob("*.xml")):
            text = xml.read_text(encoding="utf-8")
            tags = len(re.findall(r"\[codeblock\]|\[gdscript[^\]]*\]", text))
            assert len(ds.extract_blocks(xml)) == tags, xml.name

    def test_seed_3x_query_string_block(self, shared):
        seed = next((shared / "seeds").glob("000_*.txt"))
        [block] = [b for b in ds.extract_blocks(seed) if "String queryString = " in b.text]
        text = seed.read_text(encoding="utf-8").split("\n")
        assert block.line == 235 and text[block.line - 1].strip() == block.text.split("\n")[0]
        assert (block.kind, block.dialect_hint, block.text.count("\n")) == ("literal", 3, 2)

    def test_seed_4x_rendered_page_has_no_code(self, shared):
        seed = next((shared / "seeds").glob("001_*.txt"))
        assert ds.detect_format(seed, seed.read_text(encoding="utf-8")) == "rendered"
        assert ds.extract_blocks(seed) == []

    def test_block_lines_point_at_the_code(self, shared):
        for block in ds.extract_from_paths([shared / "docs"]):
            doc = Path(block.path).read_text(encoding="utf-8").split("\n")
            first = block.text.split("\n")[0].strip()
            source = doc[block.line - 1]
            if block.path.endswith(".xml"):
                source = source.replace("&quot;", '"').replace("&amp;", "&") \
                    .replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'")
            assert source.strip() == first, (block.path, block.line)

    def test_query_string_claim(self, shared):
        page = shared / "docs/4.x/classes/class_httpclient.rst"
        block = next(b for b in ds.extract_blocks(page) if "query_string_from_dict" in b.text)
        [claim] = ds.find_claims(block)
        assert (claim.kind, claim.expected_lines, claim.quoted) == \
            ("returns", ["username=user&password=pass"], True)
        assert claim.statement_line == 2 and block.doc_line(claim.line) == 1017
