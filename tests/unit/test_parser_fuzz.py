"""Fuzzing: random mutations of valid scripts and random text only ever raise ParseError."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gdscript.errors import ParseError
from gdscript.parser import parse

SCRIPTS = [
    "extends Node\nclass_name Foo\n\n@export var speed: float = 1.5\n@onready var l = $Label\n"
    "signal hit(amount: int)\nenum State { IDLE, RUN = 2 }\nconst K := [1, 2, {\"a\": 3}]\n\n"
    "func _ready() -> void:\n\tvar f = func(x):\n\t\treturn x * 2\n\tfor i in range(3):\n"
    "\t\tif i % 2 == 0 and not f.call(i) > 3:\n\t\t\tprint(i)\n\t\telif i: pass\n"
    "\t\telse:\n\t\t\tcontinue\n\tmatch speed:\n\t\t1.5, 2: pass\n\t\t[var a, ..]: print(a)\n"
    "\t\t_: pass\n\tawait get_tree().process_frame\n",
    "var p: int:\n\tset(v):\n\t\tp = v\n\tget:\n\t\treturn p\n\nstatic func s(a := 1, ...r):\n"
    "\tfoo(func():\n\t\tpass, %Uniq, &\"n\", ^\"a/b\", r\"raw\\d\")\n\treturn a if r else -a ** 2\n"
    "class Inner extends RefCounted:\n\tvar x = 0x1F + 0b1 + 1_000 + .5\n",
    "tool\nextends Node\nexport(int, 1, 10) var n = 5\nvar h = 1 setget set_h\n"
    "func _init(a).(a):\n\tyield(get_tree(), \"idle_frame\")\n\t.foo()\n",
]
PIECES = ["(", ")", "[", "]", "{", "}", ":", ",", ".", "..", "\n", "\n\t", "\t", " ", "\\\n",
          "func", "var", "if", "else", "match", "=", "==", "+", "-", "**", "not", "in", "is",
          "as", "\"", "'", "\"\"\"", "#", "@", "$", "%", "&", "^", "?", ";", "->", "await",
          "x", "1", "1.5", "class", "static", "return", "pass", "\\", "\r", "\u00e9", "\x00"]

FUZZ = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))


def check(source):
    try:
        parse(source)
    except ParseError:
        pass


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SCRIPTS))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["delete", "insert", "duplicate", "swap"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 20)))
        if kind == "delete":
            text = text[:i] + text[j:]
        elif kind == "insert":
            piece = draw(st.sampled_from(PIECES) | st.text(max_size=3))
            text = text[:i] + piece + text[i:]
        elif kind == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        else:
            k = draw(st.integers(0, len(text)))
            a, b = sorted((i, k))
            text = text[:a] + text[b:] + text[a:b]  # move a slice to the end
    return text


class TestFuzz:
    def test_seed_scripts_parse(self):
        for source in SCRIPTS:
            parse(source)

    @FUZZ
    @given(mutated())
    def test_mutations_raise_only_parse_errors(self, source):
        check(source)

    @settings(max_examples=150, deadline=None)
    @given(st.lists(st.sampled_from(PIECES) | st.text(max_size=2), max_size=30).map("".join))
    def test_random_text_raises_only_parse_errors(self, source):
        check(source)
