"""RegEx / RegExMatch on Python's ``re``: PCRE2 translation, errors, matches, ``sub``.

The 3.x expectations (error texts, match details, ``sub`` results, ASCII-only classes)
were printed by Godot 3.2.3 for the same patterns; the 4.x differences (``search_all``
over empty matches, the kept tail in ``sub``) follow ``modules/regex/regex.cpp``.
"""

from __future__ import annotations

import pytest

from gdscript.stdlib.global_constants import FAILED, OK
from gdscript.stdlib.regex import RegEx, RegEx3, RegExMatch



def compiled(pattern: str, cls: type = RegEx) -> RegEx:
    regex = cls()
    assert regex.compile(pattern) == OK
    return regex


class TestCompileErrors:
    # Godot 3.2.3's output for each pattern ("ERROR: compile: <offset>: <message>").
    @pytest.mark.parametrize("pattern, message", [
        ("(abc", "4: missing closing parenthesis"),
        ("abc)", "3: unmatched closing parenthesis"),
        ("[abc", "4: missing terminating ] for character class"),
        ("*a", "0: quantifier does not follow a repeatable item"),
        ("a{3,1}", "5: numbers out of order in {} quantifier"),
        ("[z-a]", "3: range out of order in character class"),
        ("\\", "1: \\ at end of pattern"),
        ("a\\y", "2: unrecognized character follows \\"),
        ("(?<=a+)b", "0: lookbehind assertion is not fixed length"),
        ("(?z)", "2: unrecognized character after (? or (?-"),
        ("a**", "2: quantifier does not follow a repeatable item"),
        ("(?P<1a>x)", "4: subpattern name must start with a non-digit"),
        ("a\\", "2: \\ at end of pattern"),
        ("(?#abc", "6: missing ) after (?# comment"),
    ])
    def test_godot3_messages(self, engine_messages, pattern, message):
        regex = RegEx3()
        assert regex.compile(pattern) == FAILED
        assert not regex.is_valid() and regex.get_pattern() == pattern
        assert engine_messages == [("ERROR", message, None)]

    def test_show_error_false(self, engine_messages):
        regex = RegEx.create_from_string("(", False)
        assert not regex.is_valid() and engine_messages == []

    @pytest.mark.parametrize("pattern", ["\\K", "(?R)", "(?|a)", "(*FAIL)", "\\p{L}", "\\g{-1}"])
    def test_unsupported_constructs_fail_with_a_reason(self, engine_messages, pattern):
        assert RegEx().compile(pattern) == FAILED
        assert "not supported" in engine_messages[-1][1]

    def test_invalid_regex_use(self, engine_messages):
        regex = RegEx3()
        assert regex.search("x") is None
        assert regex.get_group_count() == 0 and list(regex.get_names()) == []
        assert regex.sub("a", "b") == ""
        assert [m[1] for m in engine_messages] == [
            'Condition "!is_valid()" is true. Returned: __null',
            'Condition "!is_valid()" is true. Returned: 0',
            'Condition "!is_valid()" is true. Returned: result',
            'Condition "!is_valid()" is true. Returned: String()']


class TestMatches:
    def test_groups_and_names(self):
        for cls in (RegEx3, RegEx):
            regex = compiled("(?<x>a)|(?<y>b)(c)?", cls)
            match = regex.search("zzbq")
            assert match.get_names() == {"y": 2}  # only groups that took part
            assert list(match.get_strings()) == ["b", "", "b", ""]
            assert (match.get_start("y"), match.get_end(3), match.get_start(3)) == (2, -1, -1)
            assert (match.get_string(7), match.get_start(9), match.get_string("nope")) == ("", -1, "")
            assert list(regex.get_names()) == ["x", "y"] and regex.get_group_count() == 3
            assert match.subject == "zzbq" and match.get_group_count() == 3

    def test_offset_and_end(self):
        regex = compiled("(?<x>a)|(?<y>b)(c)?")
        assert regex.search("ab", 5) is None
        assert regex.search("abc", 0, 1).get_string() == "a"
        assert regex.search("xxab", 3).get_start() == 3

    def test_negative_offset_4x(self, engine_messages):
        assert compiled("a").search("a", -1) is None
        assert engine_messages[-1][2] == "RegEx search offset must be >= 0"

    def test_ascii_classes_and_case(self):
        # PCRE2 without UTF/UCP: \w, \d, \s and caseless matching are ASCII only.
        assert compiled("\\w+").search("éa").get_string() == "a"
        assert compiled("(?i)é").search("É") is None
        assert compiled("\\d+\\s").search("٣ 12\u00a0 12 ").get_string() == "12 "

    def test_search_all_empty_matches(self):
        spans3 = [(m.get_start(), m.get_end()) for m in compiled("x*", RegEx3).search_all("axxb")]
        assert spans3 == [(0, 0)]  # Godot 3 stops at the repeated end
        spans4 = [(m.get_start(), m.get_end()) for m in compiled("x*").search_all("axxb")]
        assert spans4 == [(0, 0), (1, 3), (3, 3), (4, 4)]
        words = [m.get_string() for m in compiled("\\S+").search_all("One  Two \n\tThree")]
        assert words == ["One", "Two", "Three"]

    def test_match_class(self):
        match = compiled("b").search("abc")
        assert isinstance(match, RegExMatch) and match.get_class() == "RegExMatch"


class TestTranslation:
    @pytest.mark.parametrize("pattern, subject, expected", [
        ("a++b", "aaab", "aaab"),
        ("a++a", "aaaa", None),  # possessive: no backtracking
        ("(?>a+)a", "aaa", None),
        ("x\\h+y", "x \t\u00a0y", "x \t\u00a0y"),
        ("x\\Hy", "x-y", "x-y"),
        ("a\\Rb", "a\r\nb", "a\r\nb"),
        ("[[:digit:][:upper:]]+", "abC12d", "C12"),
        ("\\Q.*\\E+", "a.*.*", ".*"),
        ("\\x{41}\\x{1F600}", "A\U0001F600", "A\U0001F600"),
        ("a(?i)b|c", "C", "C"),  # the option reaches later alternatives
        ("(?:a(?i)b)c", "aBc", "aBc"),
        ("(?:a(?i)b)c", "aBC", None),  # ... but ends with its group
        ("(?<q>['\"]).*?\\k<q>", "say 'hi' now", "'hi'"),
        ("(?'n'a)\\g{n}", "aa", "aa"),
        ("(a)\\g1", "aa", "aa"),
        ("end\\z", "end\n", None),
        ("end\\Z", "end\n", "end"),
        ("\\cA", "\x01", "\x01"),
    ])
    def test_pcre_syntax(self, pattern, subject, expected):
        match = compiled(pattern).search(subject)
        assert (match.get_string() if match else None) == expected

    def test_duplicate_names(self):
        regex = compiled("(?<n>a)|(?<n>b)")
        assert regex.get_group_count() == 2 and list(regex.get_names()) == ["n"]
        match = regex.search("b")
        assert match.get_string("n") == "b" and match.get_names() == {"n": 2}
        assert regex.sub("ab", "<$n>", True) == "<a><b>"


class TestSub:
    def test_godot3_results(self):
        regex = compiled("(?<x>a)|(?<y>b)(c)?", RegEx3)
        assert regex.sub("abcab", "[$1|${y}|$2]", True) == ""  # $1 unset in a match: error
        assert regex.sub("abcab", "[$0]", False, 1) == "a[bc]ab"
        assert regex.sub("abcab", "<$3>", True) == ""
        assert regex.sub("abcab", "<$9>", True) == ""  # no such group
        assert regex.sub("abcabab", "-", True, 0, 4) == "---"  # 3.x drops the rest
        assert compiled("x*", RegEx3).sub("axxb", "-", True) == "-a--b-"

    def test_4x_keeps_text_after_end(self):
        regex = compiled("(?<x>a)|(?<y>b)(c)?")
        assert regex.sub("abcabab", "-", True, 0, 4) == "---bab"

    def test_replacement_syntax(self):
        regex = compiled("(\\w)(?<rest>\\w*)")
        assert regex.sub("hello world", "$2$1", True) == "elloh orldw"
        assert regex.sub("hello", "${rest}-${1}$$\\n") == "ello-h$\\n"
        assert regex.sub("hello", "$rest!") == "ello!"
        assert regex.sub("hello", "$") == ""
        assert regex.sub("none here", "x") == "x here"
        assert compiled("z").sub("abc", "$9") == "abc"  # no match: the replacement is not read
