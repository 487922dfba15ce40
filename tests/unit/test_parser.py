"""Table-driven tests of gdscript.parser: each construct parses to the expected node shape."""

import pytest

from gdscript import nodes as n
from gdscript.parser import detect_dialect, parse, parse_statements


def body(source, dialect=4):
    """Statements of the first function of ``source`` (auto-wrapped in a function)."""
    text = "func f():\n" + "".join("\t" + line + "\n" for line in source.split("\n"))
    return parse(text, dialect=dialect).members[0].body.statements


def expr(source, dialect=4):
    return parse_statements("x = " + source, dialect=dialect).statements[0].assigned_value


def shape(node):
    """A compact nested description of an expression."""
    if isinstance(node, n.BinaryOpNode):
        return (node.operator, shape(node.left_operand), shape(node.right_operand))
    if isinstance(node, n.UnaryOpNode):
        return (node.operator, shape(node.operand))
    if isinstance(node, n.IdentifierNode):
        return node.name
    if isinstance(node, n.LiteralNode):
        return node.value
    if isinstance(node, n.TernaryOpNode):
        return ("?:", shape(node.condition), shape(node.true_expr), shape(node.false_expr))
    if isinstance(node, n.CastNode):
        return ("as", shape(node.operand), ".".join(node.cast_type.type_chain))
    if isinstance(node, n.TypeTestNode):
        return ("is not" if node.is_negated else "is", shape(node.operand),
                ".".join(node.test_type.type_chain))
    if isinstance(node, n.AwaitNode):
        return ("await", shape(node.to_await))
    if isinstance(node, n.CallNode):
        return ("call", shape(node.callee), *map(shape, node.arguments))
    if isinstance(node, n.SubscriptNode):
        if node.is_attribute:
            return (".", shape(node.base), node.attribute)
        return ("[]", shape(node.base), shape(node.index))
    return type(node).__name__


class TestExpressions:
    @pytest.mark.parametrize("source, expected", [
        ("a + b * c", ("+", "a", ("*", "b", "c"))),
        ("a * b + c", ("+", ("*", "a", "b"), "c")),
        ("a - b - c", ("-", ("-", "a", "b"), "c")),
        ("2 ** 3 ** 2", ("**", ("**", 2, 3), 2)),
        ("-a ** 2", ("-", ("**", "a", 2))),
        ("+ + - x", ("+", ("+", ("-", "x")))),
        ("not a == b", ("not", ("==", "a", "b"))),
        ("!a and b", ("and", ("not", "a"), "b")),
        ("a && b || c", ("or", ("and", "a", "b"), "c")),
        ("a in b", ("in", "a", "b")),
        ("a not in b", ("not in", "a", "b")),
        ("a | b ^ c & d", ("|", "a", ("^", "b", ("&", "c", "d")))),
        ("a << 1 >> 2", (">>", ("<<", "a", 1), 2)),
        ("~a % 3", ("%", ("~", "a"), 3)),
        ("a if c else b", ("?:", "c", "a", "b")),
        ("a if c else b if d else e", ("?:", "c", "a", ("?:", "d", "b", "e"))),
        ("a + b as int", ("as", ("+", "a", "b"), "int")),
        ("a + b is int", ("+", "a", ("is", "b", "int"))),
        ("a is not Node", ("is not", "a", "Node")),
        ("await a.b() + 1", ("+", ("await", ("call", (".", "a", "b"))), 1)),
        ('get_node("x").y[0].z()', ("call", (".", ("[]", (".", ("call", "get_node", "x"), "y"),
                                                       0), "z"))),
        ("a <= b != c", ("!=", ("<=", "a", "b"), "c")),
    ])
    def test_precedence(self, source, expected):
        assert shape(expr(source)) == expected

    @pytest.mark.parametrize("source, value", [
        ("1_000", 1000), ("0x1F", 31), ("0b101", 5), ("1e3", 1000.0), (".5", 0.5), ("1.", 1.0),
        ("1e10", 1e10), ("0x_ff", 255), ("1_0.5_0", 10.5), ("true", True), ("null", None),
    ])
    def test_number_and_constant_literals(self, source, value):
        node = expr(source)
        assert node.value == value and type(node.value) is type(value)

    @pytest.mark.parametrize("source, value", [
        (r'"a\nb"', "a\nb"), (r"'it\'s'", "it's"), (r'"\u00e9\U01F600"', "é\U0001F600"),
        (r'"\uD83D\uDE00"', "\U0001F600"), ('"""tri\n"ple"""', 'tri\n"ple'),
        ("'''x'''", "x"), (r'r"\d\"x"', r'\d\"x'), (r'"\a\b\f\v\t\r\\"', "\a\b\f\v\t\r\\"),
        ('"line\\\ncont"', "linecont"), ('"multi\nline"', "multi\nline"),
    ])
    def test_string_literals(self, source, value):
        assert expr(source).value == value

    def test_string_name_and_node_path_are_marked(self):
        assert expr('&"name"').string_kind == n.STRING_NAME
        assert expr('^"a/b"').string_kind == n.STRING_NODE_PATH
        assert expr('"s"').string_kind == n.STRING_PLAIN

    @pytest.mark.parametrize("source, path, dollar", [
        ("$A/B", "A/B", True), ('$"A B"', "A B", True), ("%Unique", "%Unique", False),
        ("$%Unique", "%Unique", True), ("$A/%B", "A/%B", True),
    ])
    def test_get_node(self, source, path, dollar):
        node = expr(source)
        assert isinstance(node, n.GetNodeNode)
        assert (node.full_path, node.use_dollar) == (path, dollar)

    def test_get_node_method_call(self):
        assert shape(expr("$Node.method()")) == ("call", (".", "GetNodeNode", "method"))

    def test_array_dictionary_and_lua_dictionary(self):
        assert [e.value for e in expr("[1, 2,]").elements] == [1, 2]
        d = expr('{"a": 1, 2: [3]}')
        assert [k.value for k, _v in d.elements] == ["a", 2] and not d.is_lua_style
        lua = expr("{a = 1, b = 2}")
        assert lua.is_lua_style and [k.value for k, _v in lua.elements] == ["a", "b"]

    def test_dictionary_with_comments_inside(self):
        d = expr('{\n\t# c\n\t"a": 1, # c\n\t# c\n}')
        assert len(d.elements) == 1

    def test_lambdas(self):
        inline = expr("func(a): return a")
        assert inline.function.parameters[0].name == "a"
        assert isinstance(inline.function.body.statements[0], n.ReturnNode)
        named = expr("func named(a: int = 1) -> int:\n\treturn a")
        assert named.function.name == "named"
        assert named.function.return_type.type_chain == ["int"]

    def test_preload_super_and_self(self):
        assert expr('preload("res://a.gd")').resolved_path == "res://a.gd"
        s = body("super()\nsuper.m(1)\nself.x")
        assert (s[0].function_name, s[1].function_name) == (None, "m")
        assert isinstance(s[2].base, n.SelfNode)

    def test_typed_collections_with_spacing(self):
        v = parse("var d: Dictionary[ String , Array[ int ] ] = {}\n").members[0]
        t = v.datatype_specifier
        assert t.type_chain == ["Dictionary"]
        assert [c.type_chain for c in t.container_types] == [["String"], ["Array"]]
        assert t.container_types[1].container_types[0].type_chain == ["int"]


class TestStatements:
    @pytest.mark.parametrize("op", ["+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", "&=",
                                    "|=", "^="])
    def test_compound_assignment(self, op):
        node = body(f"a {op} 2")[0]
        assert isinstance(node, n.AssignmentNode) and node.operator == op[:-1]

    def test_if_elif_else_chain(self):
        node = body("if a: return\nelif b:\n\tpass\nelse: pass")[0]
        assert isinstance(node.true_block.statements[0], n.ReturnNode)
        elif_node = node.false_block.statements[0]
        assert isinstance(elif_node, n.IfNode) and elif_node.condition.name == "b"
        assert isinstance(elif_node.false_block.statements[0], n.PassNode)

    def test_loops(self):
        stmts = body("for x in y: pass\nfor i: int in range(3):\n\tbreak\nwhile true: continue")
        assert stmts[0].variable == "x" and stmts[0].datatype_specifier is None
        assert stmts[1].datatype_specifier.type_chain == ["int"]
        assert isinstance(stmts[1].loop.statements[0], n.BreakNode)
        assert isinstance(stmts[2].loop.statements[0], n.ContinueNode)

    def test_semicolons(self):
        stmts = body("a(); b();;;\nc()")
        assert [s.function_name for s in stmts] == ["a", "b", "c"]

    def test_misc_statements(self):
        stmts = body('breakpoint\nassert(a, "m")\nvar v := 1\nconst C: int = 2\nawait s')
        assert [type(s).__name__ for s in stmts] == [
            "BreakpointNode", "AssertNode", "VariableNode", "ConstantNode", "AwaitNode"]
        assert stmts[2].infer_type and stmts[3].datatype_specifier.type_chain == ["int"]

    def test_match_patterns(self):
        source = ("match x:\n\t1, 2: pass\n\tA.B: pass\n\tvar b when b > 1: pass\n"
                  "\t[1, var c, ..]: pass\n\t{\"k\": 1, \"j\", ..}: pass\n"
                  "\t@warning_ignore(\"unreachable_pattern\")\n\t_: pass")
        m = body(source)[0]
        kinds = [[p.pattern_type for p in b.patterns] for b in m.branches]
        assert kinds == [["literal", "literal"], ["expression"], ["bind"], ["array"],
                         ["dictionary"], ["wildcard"]]
        assert m.branches[2].guard_body.operator == ">"
        assert [p.pattern_type for p in m.branches[3].patterns[0].array] == [
            "literal", "bind", "rest"]
        assert m.branches[5].has_wildcard
        assert m.branches[5].annotations[0].name == "@warning_ignore"

    def test_warning_ignore_before_statement(self):
        suite = parse('func f():\n\t@warning_ignore("unused")\n\tvar a = 1\n').members[0].body
        assert suite.annotations[0].name == "@warning_ignore"
        assert isinstance(suite.statements[0], n.VariableNode)


class TestClassLevel:
    def test_members_in_order_with_annotations(self):
        source = ('@tool\n@icon("res://i.svg")\nclass_name X extends Y\n'
                  '@export_range(0, 10) var a: int = 1\n@onready var b = $B\n'
                  'signal s(a: int, b)\nenum E { A, B = 2, }\nenum { C }\nconst K := 3\n'
                  'static var sv = 1\nstatic func sf() -> void: pass\n'
                  'class Inner extends Node:\n\tvar i\n'
                  '@abstract func g()\n')
        cls = parse(source)
        assert cls.is_tool and cls.icon_path == "res://i.svg"
        assert (cls.class_name, cls.extends) == ("X", ["Y"])
        assert [type(m).__name__ for m in cls.members] == [
            "VariableNode", "VariableNode", "SignalNode", "EnumNode", "EnumNode",
            "ConstantNode", "VariableNode", "FunctionNode", "ClassNode", "FunctionNode"]
        a, b, s, e = cls.members[:4]
        assert a.exported and a.annotations[0].arguments[1].value == 10
        assert b.onready
        assert [p.name for p in s.parameters] == ["a", "b"]
        assert [(v.name, v.custom_value and v.custom_value.value) for v in e.values] == [
            ("A", None), ("B", 2)]
        assert cls.members[6].is_static and cls.members[7].is_static
        assert cls.members[8].extends == ["Node"] and cls.members[8].members[0].name == "i"
        assert cls.members[9].is_abstract and cls.members[9].body is None

    def test_properties(self):
        source = ("var a: int: set = _s, get = _g\nvar b = 1:\n\tset(value):\n\t\tb = value\n"
                  "\tget:\n\t\treturn b\nfunc _s(v): pass\nfunc _g(): return 1\n")
        a, b = parse(source).members[:2]
        assert (a.property_style, a.setter, a.getter) == ("inline", "_s", "_g")
        assert b.property_style == "block"
        assert b.setter.parameters[0].name == "value"
        assert isinstance(b.getter.body.statements[0], n.ReturnNode)

    def test_one_line_declarations(self):
        cls = parse("class C: var a\nfunc f(): pass\n")
        assert cls.members[0].members[0].name == "a"

    def test_extends_path_and_inner(self):
        cls = parse('extends "res://base.gd".Inner\n')
        assert (cls.extends_path, cls.extends) == ("res://base.gd", ["Inner"])

    def test_variadic_function(self):
        fn = parse("func f(a, ...args: Array):\n\tpass\n").members[0]
        assert [p.name for p in fn.parameters] == ["a"] and fn.rest_parameter.name == "args"

    def test_positions(self):
        cls = parse("func f():\n\tvar x = a + 1\n")
        var = cls.members[0].body.statements[0]
        assert (var.line, var.column, var.end_line, var.end_column) == (2, 2, 2, 15)
        add = var.initializer
        assert (add.line, add.column, add.end_column) == (2, 10, 15)
        assert (cls.members[0].line, cls.members[0].column) == (1, 1)


class TestDialect3:
    SOURCE = ('tool\nextends Node\nexport(int, 1, 10) var n = 5\nonready var l = $L\n'
              'var h = 1 setget set_h, get_h\nremote func r():\n\tyield(get_tree(), "x")\n'
              '\t.r()\nfunc _init(a).(a):\n\tpass\n')

    def test_detected_as_3(self):
        assert detect_dialect(self.SOURCE) == 3
        assert detect_dialect("extends Node\nfunc f():\n\tawait g()\n") == 4

    def test_3x_constructs(self):
        cls = parse(self.SOURCE)
        assert cls.dialect == 3 and cls.is_tool
        n_var, l_var, h_var, r_fn, init = cls.members
        assert n_var.exported and [a.value for a in n_var.annotations[0].arguments[1:]] == [1, 10]
        assert l_var.onready
        assert (h_var.property_style, h_var.setter, h_var.getter) == ("setget", "set_h", "get_h")
        assert r_fn.rpc_keyword == "remote"
        y, sup = r_fn.body.statements
        assert isinstance(y, n.YieldNode) and y.signal.value == "x"
        assert isinstance(sup, n.SuperCallNode) and sup.is_dot_call
        assert init.super_call_arguments[0].name == "a"

    def test_dialect_4_records_4(self):
        assert parse("var a\n").dialect == 4


class TestStatementsEntryPoint:
    def test_parse_statements(self):
        suite = parse_statements('var a = 1\nprint(a)\nfor i in 3:\n\tprint(i)\n')
        assert [type(s).__name__ for s in suite.statements] == [
            "VariableNode", "CallNode", "ForNode"]
