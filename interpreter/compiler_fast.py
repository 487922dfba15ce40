"""Fast paths of the compiler: cheaper code where the types of values are known.

``FastPaths`` is a mixin of ``compiler.Compiler``.  The generic code the compiler
emits stays the reference; each method here either returns code with exactly
the same meaning for the case it handles, or None (then the generic code is
used).  So a semantic fix in the generic code applies everywhere, and a fast
path only ever narrows what it takes on.

Types come from ``infer_locals``: a flow-insensitive inference over one
function's locals (every value ever stored in a local, joined), starting from
literals, ``range()`` loop variables, declared scalar types and the results of
operators on such values.  ``uint`` is an int known to be in 0..INT64_MAX
(a range() counter, a non-negative literal, ``uint % c``): sums and differences
of those need fewer 64-bit overflow checks.  A ``uint`` local also gets the largest
value it can hold where its stores bound it (``x % c``, a range counter with literal
bounds, sums and products of bounded values that stay below INT_MAX); a bound still
growing after a few rounds of the fixpoint (a counter) is widened to unknown.  Sums
and products of bounded uints need no overflow check at all.  The same walk bounds
the int locals a loop steps (``total += i``): stored values and steps are bounded,
and each step runs a known number of times per call (``for`` over literal ranges or
arrays, never ``while``), so their largest magnitude is known too.

What is fast:

* ``int`` arithmetic: plain Python operators, with only the overflow checks a
  wrap-around could need (none for ``uint - uint``), ``%`` and ``/`` with C's
  truncation inlined for a positive constant divisor;
* comparisons of numbers (or of Strings) as plain Python comparisons;
* method calls on Arrays, Dictionaries, Strings and packed arrays: the method's
  function is called directly, behind an exact-type guard (any other value takes
  the generic ``call_method``); ``size()``, ``length()``, ``append()``/``push_back()``
  and ``Dictionary.has()`` are inlined as Python operations behind checks of the
  container's flags (read-only, typed) and of the appended value's type;
  ``my_signal.emit(...)`` is the object's ``emit_signal`` (no Signal value made);
* ``d[k]`` / ``a[i]`` and their stores on locals known to be Dictionaries, Arrays
  (or, for reads, packed arrays): Python's lookup, with a missing key, an index out
  of range, a typed or read-only container left to the generic code;
* ``other.x`` in a RefCounted class that declares the plain member ``x``: the
  attribute itself when ``other`` is exactly of that class;
* ``*``, ``%``, ``/``, ``==`` and ``!=`` on operands of unknown types: a check that
  both are ints (for equality: of one plain type), then Python's operator; anything
  else calls the runtime's helper;
* ``x = x + y`` / ``x += y`` on a local: Strings use CPython's in-place
  concatenation; a PackedByteArray whose old value nothing else references
  (``sys.getrefcount``) is extended in place, so the documented download loop is
  amortized linear while no script can observe the difference;
* functions whose untyped parameters are used as ints get a second body, chosen
  by an ``int`` guard on entry, compiled with those parameters known to be ints.

``GDSCRIPT_NO_FAST_PATHS=1`` compiles the generic code only (to compare).
"""

from __future__ import annotations

import ast
import os
from typing import Any

from . import nodes

INT_MIN, INT_MAX = -(2**63), 2**63 - 1
BOTTOM = "bottom"  # no value seen yet (optimistic start of the inference)
INTS = ("int", "uint")
NUMBERS = ("int", "uint", "float")
SCALARS = ("int", "uint", "float", "bool", "String")
_SIMPLE_SPECS = {"int": "int", "float": "float", "bool": "bool", "String": "String"}
_CONSTRUCTED = {"Array", "Dictionary", "PackedStringArray", "PackedByteArray",
                "PackedInt32Array", "PackedInt64Array", "PackedFloat32Array",
                "PackedFloat64Array", "PoolStringArray", "PoolByteArray", "PoolIntArray",
                "PoolRealArray"}
_CONVERSIONS = {"str": "String", "int": "int", "float": "float", "len": "int"}
_SIZE_METHODS = {"size", "length", "find", "rfind", "count"}
_INT_RESULT_TYPES = {"Array", "Dictionary", "String"} | _CONSTRUCTED
# (type, method, argument count) -> runtime helper doing the common case itself.
# Operators whose generic code is a runtime helper call, and that helper.
_GUARDED_HELPERS = {nodes.OP_EQ: "op_eq", nodes.OP_NE: "op_ne", nodes.OP_MUL: "op_mul",
                    nodes.OP_MOD: "op_mod", nodes.OP_DIV: "op_div"}
# The inferred type name of values a packed array's _gd_plain type stores unconverted.
_PLAIN_NAMES = {str: "String", float: "float"}
# Builtin types whose values index like a Python sequence (list-backed or bytearray).
_SEQUENCES = {"Array", "PackedStringArray", "PackedByteArray", "PackedInt32Array",
              "PackedInt64Array", "PackedFloat32Array", "PackedFloat64Array"}
_SPECIAL_METHODS = {("Array", "sort", 0): "array_sort", ("String", "join", 1): "string_join"}
_MAX_SPECIALIZED_NODES = 400  # larger functions are not compiled twice


def join(a: str | None, b: str | None) -> str | None:
    if a == BOTTOM:
        return b
    if b == BOTTOM or a == b:
        return a
    if a in INTS and b in INTS:
        return "int"
    return None


def literal_type(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.LiteralNode) and node.string_kind in (None, nodes.STRING_PLAIN):
        value = node.value
        if type(value) is int:
            return "uint" if value >= 0 else "int"
        return {bool: "bool", float: "float", str: "String"}.get(type(value))
    return None


def int_literal(node: nodes.Node | None) -> int | None:
    if isinstance(node, nodes.LiteralNode) and type(node.value) is int:
        return node.value
    if isinstance(node, nodes.UnaryOpNode) and node.operator == nodes.OP_NEG:
        inner = int_literal(node.operand)
        return -inner if inner is not None else None
    return None


# * Inference ----------------------------------------------------------------------

class TypeEnv:
    """Types of one function's locals and how to type an expression with them;
    ``bounds``: the largest value each ``uint`` local can hold, where known."""

    def __init__(self, compiler: Any, locals_: dict[str, str | None],
                 bounds: dict[str, int | None] | None = None) -> None:
        self.compiler = compiler
        self.types = locals_
        self.bounds = bounds if bounds is not None else {}
        # Answers for nodes asked about already (of and bound ask about subexpressions
        # again); cleared whenever the locals' types or bounds change.
        self.memo: dict[tuple[int, str], Any] = {}

    def bound(self, node: nodes.Node | None) -> int | None:
        """The largest value of ``node``, an expression of type ``uint`` (None: unknown,
        up to INT_MAX)."""
        key = (id(node), "bound")
        if key not in self.memo:
            self.memo[key] = self._bound(node)
        return self.memo[key]

    def _bound(self, node: nodes.Node | None) -> int | None:
        value = int_literal(node)
        if value is not None:
            return value if value >= 0 else None
        if isinstance(node, nodes.IdentifierNode):
            return self.bounds.get(node.name)
        if not isinstance(node, nodes.BinaryOpNode) or self.of(node) != "uint":
            return None
        op, divisor = node.operator, int_literal(node.right_operand)
        left = self.bound(node.left_operand)
        if op in (nodes.OP_MOD, nodes.OP_DIV) and divisor is not None and divisor > 0:
            if op == nodes.OP_DIV:
                return None if left is None else left // divisor
            return divisor - 1 if left is None else min(left, divisor - 1)
        right = self.bound(node.right_operand)
        if op == nodes.OP_BIT_AND:
            known = [b for b in (left, right) if b is not None]
            return min(known) if known else None
        if left is None or right is None:
            return None
        value = left + right if op == nodes.OP_ADD else left * right \
            if op == nodes.OP_MUL else None
        return value if value is not None and value <= INT_MAX else None

    def of(self, node: nodes.Node | None) -> str | None:
        if node is None:
            return None
        found = literal_type(node)
        if found is not None:
            return found
        key = (id(node), "type")
        if key not in self.memo:
            method = getattr(self, f"of_{type(node).__name__}", None)
            self.memo[key] = method(node) if method is not None else None
        return self.memo[key]

    def of_IdentifierNode(self, node: nodes.IdentifierNode) -> str | None:
        return self.types.get(node.name)

    def of_ArrayNode(self, node: nodes.ArrayNode) -> str | None:
        return "Array"

    def of_DictionaryNode(self, node: nodes.DictionaryNode) -> str | None:
        return "Dictionary"

    def of_TernaryOpNode(self, node: nodes.TernaryOpNode) -> str | None:
        return join(self.of(node.true_expr), self.of(node.false_expr))

    def of_UnaryOpNode(self, node: nodes.UnaryOpNode) -> str | None:
        inner = self.of(node.operand)
        if node.operator == nodes.OP_NOT:
            return "bool"
        if inner == BOTTOM:
            return BOTTOM
        if node.operator == nodes.OP_NEG and inner in NUMBERS:
            return "float" if inner == "float" else "int"
        if node.operator == nodes.OP_BIT_NOT and inner in INTS:
            return "int"
        return None

    def of_BinaryOpNode(self, node: nodes.BinaryOpNode) -> str | None:
        op = node.operator
        if op in (nodes.OP_AND, nodes.OP_OR):
            return "bool"
        left, right = self.of(node.left_operand), self.of(node.right_operand)
        found = binary_type(op, left, right, int_literal(node.right_operand))
        if found == "int" and left == "uint" and (
                op == nodes.OP_DIV and (int_literal(node.right_operand) or 0) > 0 or
                right == "uint" and op in (nodes.OP_ADD, nodes.OP_MUL, nodes.OP_BIT_AND) and
                self.bounded(op, node.left_operand, node.right_operand)):
            return "uint"  # non-negative, and no 64-bit wrap-around possible
        return found

    def bounded(self, op: str, left: nodes.Node | None, right: nodes.Node | None) -> bool:
        """``left op right`` of two uints cannot exceed INT_MAX."""
        if op == nodes.OP_BIT_AND:
            return True
        a, b = self.bound(left), self.bound(right)
        if a is None or b is None:
            return False
        return (a + b if op == nodes.OP_ADD else a * b) <= INT_MAX

    def of_CallNode(self, node: nodes.CallNode) -> str | None:
        callee = node.callee
        if isinstance(callee, nodes.IdentifierNode):
            name = callee.name
            if not self.compiler.is_global_function(name):
                return None
            if name in _CONSTRUCTED:  # a constructor makes its type (typed or not)
                return name
            return _CONVERSIONS.get(name) if len(node.arguments) == 1 else None
        if isinstance(callee, nodes.SubscriptNode) and callee.is_attribute and \
                callee.attribute == "new" and isinstance(callee.base, nodes.IdentifierNode):
            inner = self.compiler.script_class_named(callee.base.name)
            return f"class:{inner.py_name}" if inner is not None else None
        if isinstance(callee, nodes.SubscriptNode) and callee.is_attribute:
            base = self.of(callee.base)
            if base == BOTTOM:
                return BOTTOM
            if base in _INT_RESULT_TYPES and callee.attribute in _SIZE_METHODS:
                return "int"
        return None


def binary_type(op: str, left: str | None, right: str | None, divisor: int | None) -> str | None:
    if left == BOTTOM or right == BOTTOM:
        return BOTTOM
    if op in (nodes.OP_EQ, nodes.OP_NE, nodes.OP_LT, nodes.OP_LE, nodes.OP_GT, nodes.OP_GE):
        known = left in NUMBERS and right in NUMBERS or left == right == "String"
        return "bool" if known else None
    if left in INTS and right in INTS:
        if op == nodes.OP_MOD and left == "uint" and divisor is not None and divisor > 0:
            return "uint"
        if op in (nodes.OP_ADD, nodes.OP_SUB, nodes.OP_MUL, nodes.OP_MOD, nodes.OP_DIV,
                  nodes.OP_BIT_AND, nodes.OP_BIT_OR, nodes.OP_BIT_XOR):
            return "int"
        return None
    if left in NUMBERS and right in NUMBERS and op in (nodes.OP_ADD, nodes.OP_SUB,
                                                        nodes.OP_MUL, nodes.OP_DIV):
        return "float"
    if left == right == "String" and op == nodes.OP_ADD:
        return "String"
    if left == "String" and op == nodes.OP_MOD:
        return "String"
    return None


class _Bindings:
    """Every store into each local of one function (not into nested lambdas), with how
    many times it can run per call (``runs``, aligned with ``stores``; None: unknown)."""

    def __init__(self) -> None:
        self.stores: dict[str, list[tuple[Any, ...]]] = {}
        self.runs: dict[str, list[int | None]] = {}
        self._runs: int | None = 1  # of the node being visited

    def add(self, name: str, *store: Any) -> None:
        self.stores.setdefault(name, []).append(store)
        self.runs.setdefault(name, []).append(self._runs)

    def walk(self, node: nodes.Node) -> None:
        stack: list[tuple[nodes.Node, int | None]] = [(node, 1)]
        while stack:
            current, runs = stack.pop()
            if isinstance(current, nodes.LambdaNode):
                continue  # its own function: it cannot store into our locals
            self._runs = runs
            self.visit(current)
            if isinstance(current, nodes.ForNode):
                trips = _trip_count(current)
                loop_runs = None if runs is None or trips is None else runs * trips
                stack += [(current.list, runs), (current.loop, loop_runs)]  # type: ignore[list-item]
            elif isinstance(current, nodes.WhileNode):
                stack += [(current.condition, None), (current.loop, None)]  # type: ignore[list-item]
            else:
                stack.extend((child, runs) for child in nodes.iter_children(current))

    def visit(self, node: nodes.Node) -> None:
        if isinstance(node, nodes.VariableNode):
            spec = node.datatype_specifier
            declared = _SIMPLE_SPECS.get(spec.type_chain[0]) if spec is not None and \
                len(spec.type_chain) == 1 and not spec.container_types else None
            if declared is not None:
                self.add(node.name, "typed", declared)  # converted on every store
            elif spec is not None:
                self.add(node.name, "unknown")
            else:
                self.add(node.name, "expr", node.initializer)
        elif isinstance(node, nodes.ConstantNode):
            self.add(node.name, "expr", node.initializer)
        elif isinstance(node, nodes.AssignmentNode) and \
                isinstance(node.assignee, nodes.IdentifierNode):
            name = node.assignee.name
            if node.operator is None:
                self.add(name, "expr", node.assigned_value)
            else:  # x op= v types as x op v
                self.add(name, "op", node.operator, nodes.BinaryOpNode(
                    line=node.line, column=node.column, end_line=node.end_line,
                    end_column=node.end_column, operator=node.operator,
                    left_operand=node.assignee, right_operand=node.assigned_value))
        elif isinstance(node, nodes.ForNode):
            self.add(node.variable, *self.loop_store(node))
        elif isinstance(node, nodes.PatternNode) and node.pattern_type == nodes.PATTERN_BIND:
            self.add(node.bind or "", "unknown")

    @staticmethod
    def loop_store(node: nodes.ForNode) -> tuple[Any, ...]:
        spec = node.datatype_specifier
        if spec is not None:
            declared = _SIMPLE_SPECS.get(spec.type_chain[0]) if len(spec.type_chain) == 1 \
                else None
            return ("typed", declared) if declared else ("unknown",)
        source = node.list
        if isinstance(source, nodes.CallNode) and isinstance(source.callee,
                                                             nodes.IdentifierNode) \
                and source.callee.name == "range" and 1 <= len(source.arguments) <= 3:
            return ("range", source.arguments)
        return ("unknown",)


def infer_locals(compiler: Any, fn: nodes.FunctionNode, assumed: dict[str, str] | None = None
                 ) -> tuple[dict[str, str | None], dict[str, int | None], dict[str, int]]:
    """(name -> type, name -> largest value of a ``uint`` local, name -> largest magnitude
    of a bounded int local) for the locals of ``fn`` (None or absent: unknown).
    ``assumed`` parameter types hold on entry (a guard checked them)."""
    bindings = _Bindings()
    for p in fn.parameters:
        bindings.add(p.name, *(("typed", assumed[p.name]) if assumed and p.name in assumed
                               else ("unknown",)))
    if fn.rest_parameter is not None:
        bindings.add(fn.rest_parameter.name, "unknown")
    if fn.body is not None:
        bindings.walk(fn.body)
    stores = {name: s for name, s in bindings.stores.items()
              if not compiler.names_outside_function(name)}
    types: dict[str, str | None] = {name: BOTTOM for name in stores}
    bounds: dict[str, int | None] = {}
    growth: dict[str, int] = {}
    env = TypeEnv(compiler, types, bounds)
    for _ in range(50):  # monotone: a handful of rounds reach the fixpoint
        changed = False
        for name, its_stores in stores.items():
            found: str | None = BOTTOM
            for store in its_stores:
                found = join(found, _store_type(env, store))
            bound = _joined_bound(env, its_stores) if found == "uint" else None
            if bound is not None and types[name] == "uint" and name in bounds:
                previous = bounds[name]
                if previous is None:
                    bound = None  # unknown stays unknown: the rounds end
                elif bound > previous:
                    growth[name] = growth.get(name, 0) + 1
                    if growth[name] > _BOUND_ROUNDS:  # still growing: a counter, say
                        bound = None
            if found != types[name] or bound != bounds.get(name):
                changed = True
                env.memo.clear()  # answers given with the old type or bound
            types[name], bounds[name] = found, bound
        if not changed:
            break
    else:
        return {}, {}, {}
    known = {name: (None if t == BOTTOM else t) for name, t in types.items()}
    return (known, {name: b for name, b in bounds.items() if types[name] == "uint"},
            _accumulator_magnitudes(bindings, stores, TypeEnv(compiler, known, bounds)))


# Rounds a uint local's largest value may grow in before it is taken as unknown.
_BOUND_ROUNDS = 4


def _store_type(env: TypeEnv, store: tuple[Any, ...]) -> str | None:
    kind = store[0]
    if kind == "typed":
        return store[1]
    if kind == "expr":
        return env.of(store[1]) if store[1] is not None else None
    if kind == "op":
        return env.of(store[2])  # the local op value, as a BinaryOpNode
    if kind == "range":
        span = _literal_range(store[1])
        if span is not None:
            return "uint" if span.start >= 0 and span.step > 0 else "int"
        kinds = [env.of(a) for a in store[1]]
        if BOTTOM in kinds:
            return BOTTOM
        return "int"  # range_iter refuses anything that is not a number
    return None


def _joined_bound(env: TypeEnv, stores: list[tuple[Any, ...]]) -> int | None:
    """The largest value any of a uint local's stores gives (None: unknown)."""
    largest = 0
    for store in stores:
        kind = store[0]
        if _store_type(env, store) == BOTTOM:
            continue  # no value yet (its inputs are not typed so far)
        if kind == "expr" and store[1] is not None:
            found = env.bound(store[1])
        elif kind == "op":
            found = env.bound(store[2])
        elif kind == "range":
            span = _literal_range(store[1])
            found = None if span is None else max(span[-1], 0) if span else 0
        else:
            found = None
        if found is None:
            return None
        largest = max(largest, found)
    return largest


def _accumulator_magnitudes(bindings: _Bindings, stores: dict[str, list[tuple[Any, ...]]],
                            env: TypeEnv) -> dict[str, int]:
    """name -> the largest ``abs(value)`` of int locals whose every store is either a
    bounded value or a bounded step (``x += e``, ``x -= e``, ``x = x + e``...) that runs a
    known number of times per call: in ``for`` loops over literal ranges or arrays, in no
    ``while``.  Locals belong to one call, so the counts multiply along the nesting."""

    def magnitude(value: nodes.Node | None) -> int | None:
        literal = int_literal(value)
        if literal is not None:
            return abs(literal)
        return env.bound(value) if env.of(value) == "uint" else None

    found: dict[str, int] = {}
    for name, its_stores in stores.items():
        if env.types.get(name) not in INTS:
            continue
        largest, steps = 0, 0
        for store, runs in zip(its_stores, bindings.runs[name]):
            kind, step = store[0], None
            if kind == "op" and store[1] in (nodes.OP_ADD, nodes.OP_SUB):
                step = store[2].right_operand
            elif kind == "expr" and isinstance(store[1], nodes.BinaryOpNode) and \
                    store[1].operator in (nodes.OP_ADD, nodes.OP_SUB) and \
                    isinstance(store[1].left_operand, nodes.IdentifierNode) and \
                    store[1].left_operand.name == name:
                step = store[1].right_operand
            if step is not None:
                size = magnitude(step)
                if size is None or runs is None:
                    break
                steps += size * runs
            elif kind == "expr" and store[1] is not None:
                size = magnitude(store[1])
                if size is None:
                    break
                largest = max(largest, size)
            elif kind == "range" and _literal_range(store[1]) is not None:
                span = _literal_range(store[1])
                largest = max(largest, abs(span.start), abs(span.stop))  # type: ignore[union-attr]
            else:
                break  # typed, unknown, or another operator
        else:
            if largest + steps <= INT_MAX:
                found[name] = largest + steps
    return found


def _literal_range(arguments: list[nodes.Node]) -> range | None:
    """``range(...)`` of literal ints (None: other arguments, or a zero step)."""
    ends = [int_literal(a) for a in arguments]
    if 1 <= len(ends) <= 3 and all(e is not None for e in ends) and \
            (len(ends) < 3 or ends[2] != 0):
        return range(*ends)  # type: ignore[arg-type]
    return None


def _trip_count(node: nodes.ForNode) -> int | None:
    """How many times a ``for`` loop's body runs at most (None: not known here)."""
    source = node.list
    if isinstance(source, nodes.CallNode) and isinstance(source.callee, nodes.IdentifierNode) \
            and source.callee.name == "range":
        span = _literal_range(source.arguments)
        return None if span is None else len(span)
    if isinstance(source, nodes.ArrayNode):
        return len(source.elements)
    return None


# * Code -----------------------------------------------------------------------------

class FastPaths:
    """Mixin of ``Compiler``: typed code for the cases above (None: not handled)."""

    local_types: dict[str, str | None] = {}
    local_bounds: dict[str, int | None] = {}
    local_magnitudes: dict[str, int] = {}

    # Names ---------------------------------------------------------------------
    def names_outside_function(self: Any, name: str) -> bool:
        """A name the class chain defines (a local of that name could be read as the
        member before its declaration: no type for it)."""
        ctx = self.cls
        while ctx is not None:
            if ctx.lookup_member(name) is not None:
                return True
            ctx = ctx.outer
        return False

    def is_global_function(self: Any, name: str) -> bool:
        if self.is_declared(name) or self.names_outside_function(name):
            return False
        native = self.native_of(self.cls)
        return native is None or not self.resolver.native_method(native, name)

    def known_type(self: Any, node: nodes.Node | None) -> str | None:
        if isinstance(node, nodes.IdentifierNode) and not self.is_declared(node.name):
            return None
        found = TypeEnv(self, self.local_types, self.local_bounds).of(node)
        return None if found == BOTTOM else found

    def exactly_typed(self: Any, node: nodes.Node, code: ast.expr) -> bool:
        """``node`` (compiled to ``code``) certainly holds a value of exactly the class
        of its known builtin type, so no type guard is needed: a String literal, or a
        local read as a plain name whose every store gives that type (the inference
        sees every store, as it does for the int locals it types)."""
        if isinstance(node, nodes.LiteralNode):
            return literal_type(node) == "String"
        return isinstance(node, nodes.IdentifierNode) and isinstance(code, ast.Name) and \
            self.is_declared(node.name) and self.known_type(node) in _INT_RESULT_TYPES

    def in_int_range(self: Any, op: str, left: nodes.Node, right: nodes.Node) -> bool:
        """``left op right`` (+, - or * of two ints) cannot leave the int64 range: both
        sides' largest magnitudes are known and small enough."""
        sides = [self.magnitude(left), self.magnitude(right)]
        if None in sides:
            return False
        a, b = sides
        return (a * b if op == nodes.OP_MUL else a + b) <= INT_MAX  # type: ignore[operator]

    def magnitude(self: Any, node: nodes.Node) -> int | None:
        """The largest ``abs()`` an int expression can have (None: not known)."""
        literal = int_literal(node)
        if literal is not None:
            return abs(literal)
        if isinstance(node, nodes.IdentifierNode) and self.is_declared(node.name) and \
                node.name in self.local_magnitudes:
            return self.local_magnitudes[node.name]
        env = TypeEnv(self, self.local_types, self.local_bounds)
        return env.bound(node) if env.of(node) == "uint" else None

    # Operators -----------------------------------------------------------------
    def fast_binary(self: Any, node: nodes.BinaryOpNode) -> ast.expr | None:
        if self.function is None:
            return None
        op = node.operator
        left_t, right_t = self.known_type(node.left_operand), self.known_type(node.right_operand)
        if left_t is None or right_t is None:
            return None
        if left_t in INTS and right_t in INTS:
            return self.fast_int_binary(op, node.left_operand, node.right_operand,
                                        left_t, right_t)
        plain = self.plain_operator(op, left_t, right_t)
        if plain is None:
            return None
        left, right = self.expr(node.left_operand), self.expr(node.right_operand)
        return _apply(plain, left, right)

    def fast_compound(self: Any, st: nodes.AssignmentNode) -> ast.expr | None:
        """The new value of ``x op= y`` for a local x (typed code), or None."""
        target = st.assignee
        if not isinstance(target, nodes.IdentifierNode) or not self.is_declared(target.name):
            return None
        pair = nodes.BinaryOpNode(line=st.line, column=st.column, end_line=st.end_line,
                                  end_column=st.end_column, operator=st.operator or "",
                                  left_operand=target, right_operand=st.assigned_value)
        return self.fast_binary(pair)

    def guarded_binary(self: Any, op: str, left: ast.expr, right: ast.expr) -> ast.expr | None:
        """An operator the generic code does with a runtime helper, on operands of
        unknown types: plain Python behind a check that both are ints (``==`` / ``!=``:
        both of one type among int, float, bool, String), else the helper."""
        if self.function is None or self.dialect != 4 or op not in _GUARDED_HELPERS:
            return None
        if op == nodes.OP_MOD and isinstance(left, ast.Constant) and type(left.value) is str:
            return self.call_rt("format_percent", left, right)  # "..." % values
        if any(isinstance(side, ast.Constant) and type(side.value) is not int
               for side in (left, right)):
            return None  # never two ints
        a, b = self.temp("a"), self.temp("b")
        same_type = [ast.Call(self.rt("type_of"), [ast.NamedExpr(ast.Name(a, ast.Store()), left)],
                              []),
                     ast.Call(self.rt("type_of"), [ast.NamedExpr(ast.Name(b, ast.Store()), right)],
                              [])]
        a_value, b_value = ast.Name(a, ast.Load()), ast.Name(b, ast.Load())
        fallback = self.call_rt(_GUARDED_HELPERS[op], a_value, b_value)
        if op in (nodes.OP_EQ, nodes.OP_NE):
            test = ast.Compare(same_type[0], [ast.Is(), ast.In()],
                               [same_type[1], self.rt("plain_equality_types")])
            compare = ast.Eq if op == nodes.OP_EQ else ast.NotEq
            return ast.IfExp(test, ast.Compare(a_value, [compare()], [b_value]), fallback)
        both_ints = ast.Compare(same_type[0], [ast.Is(), ast.Is()],
                                [same_type[1], ast.Name("int", ast.Load())])
        if op == nodes.OP_MUL:
            product = ast.NamedExpr(ast.Name("_gd_w", ast.Store()),
                                    ast.BinOp(a_value, ast.Mult(), b_value))
            test = ast.BoolOp(ast.And(), [both_ints, ast.Compare(
                ast.Constant(INT_MIN), [ast.LtE(), ast.LtE()], [product, ast.Constant(INT_MAX)])])
            return ast.IfExp(test, ast.Name("_gd_w", ast.Load()), fallback)
        # % and / : C's truncation is Python's floor for a non-negative dividend and a
        # positive divisor.
        test = ast.BoolOp(ast.And(), [
            both_ints, ast.Compare(a_value, [ast.GtE()], [ast.Constant(0)]),
            ast.Compare(b_value, [ast.Gt()], [ast.Constant(0)])])
        py_op = ast.Mod if op == nodes.OP_MOD else ast.FloorDiv
        return ast.IfExp(test, ast.BinOp(a_value, py_op(), b_value), fallback)

    @staticmethod
    def plain_operator(op: str, left_t: str, right_t: str) -> Any:
        compare = {nodes.OP_EQ: ast.Eq, nodes.OP_NE: ast.NotEq}.get(op)
        # int == float converts the int to a double: left to the generic code.
        mixed = (left_t == "float") != (right_t == "float")
        if compare is not None and (left_t in NUMBERS and right_t in NUMBERS and not mixed or
                                    left_t == right_t and left_t in ("String", "bool")):
            return compare
        if "float" in (left_t, right_t) and left_t in NUMBERS and right_t in NUMBERS:
            return {nodes.OP_ADD: ast.Add, nodes.OP_SUB: ast.Sub,
                    nodes.OP_MUL: ast.Mult}.get(op)
        if left_t == right_t == "String" and op == nodes.OP_ADD:
            return ast.Add
        return None

    def fast_int_binary(self: Any, op: str, left_node: nodes.Node, right_node: nodes.Node,
                        left_t: str, right_t: str) -> ast.expr | None:
        divisor = int_literal(right_node)
        if op in (nodes.OP_EQ, nodes.OP_NE):
            left, right = self.expr(left_node), self.expr(right_node)
            return _apply(ast.Eq if op == nodes.OP_EQ else ast.NotEq, left, right)
        if op in (nodes.OP_ADD, nodes.OP_SUB, nodes.OP_MUL):
            left, right = self.expr(left_node), self.expr(right_node)
            raw = ast.BinOp(left, {nodes.OP_ADD: ast.Add, nodes.OP_SUB: ast.Sub,
                                   nodes.OP_MUL: ast.Mult}[op](), right)
            low, high = _overflow_sides(op, left_t, right_t, int_literal(left_node), divisor)
            if self.in_int_range(op, left_node, right_node):
                low = high = False
            return self.wrapped(raw, low, high)
        if op in (nodes.OP_MOD, nodes.OP_DIV) and divisor is not None and divisor > 0:
            left = self.expr(left_node)
            if op == nodes.OP_DIV and divisor == 1:
                return left
            py_op = ast.Mod if op == nodes.OP_MOD else ast.FloorDiv
            if left_t == "uint":
                return ast.BinOp(left, py_op(), ast.Constant(divisor))
            return _truncating(left, py_op, divisor)
        if op in (nodes.OP_MOD, nodes.OP_DIV) and self.dialect == 4:
            helper = "int_mod" if op == nodes.OP_MOD else "int_div"
            return self.call_rt(helper, self.expr(left_node), self.expr(right_node))
        return None

    def wrapped(self: Any, raw: ast.expr, low: bool, high: bool) -> ast.expr:
        """``raw`` (an int), wrapped to 64 bits when it can leave the range on that side."""
        if not (low or high):
            return raw
        t = "_gd_w"
        walrus = ast.NamedExpr(ast.Name(t, ast.Store()), raw)
        if low and high:
            test: ast.expr = ast.Compare(ast.Constant(INT_MIN), [ast.LtE(), ast.LtE()],
                                         [walrus, ast.Constant(INT_MAX)])
        elif high:
            test = ast.Compare(walrus, [ast.LtE()], [ast.Constant(INT_MAX)])
        else:
            test = ast.Compare(walrus, [ast.GtE()], [ast.Constant(INT_MIN)])
        return ast.IfExp(test, ast.Name(t, ast.Load()),
                         self.call_rt("wrap_int", ast.Name(t, ast.Load())))

    # Method calls ----------------------------------------------------------------
    def fast_method_call(self: Any, base_node: nodes.Node, base: ast.expr, name: str,
                         args: list[ast.expr], used: bool,
                         arg_nodes: list[nodes.Node] | None = None) -> ast.expr | None:
        if self.function is None or self.dialect != 4:
            return None
        if name == "emit" and not used and isinstance(base, ast.Call) and \
                isinstance(base.func, ast.Name) and base.func.id == "_rt_signal_ref":
            # ``my_signal.emit(...)``: no Signal value made for each emission.
            return ast.Call(self.rt("emit_signal"), [*base.args, *args], [])
        base_t = self.known_type(base_node)
        if base_t is not None and base_t.startswith("class:"):
            return self.fast_script_call(base_t[len("class:"):], base, name, args, used)
        if base_t not in _INT_RESULT_TYPES or base_t is None:
            return None
        found = self.resolver.builtin_method(base_t, name, len(args), used)
        if found is None:
            return None
        cls, function = found
        special = _SPECIAL_METHODS.get((base_t, name, len(args)))
        if special is not None:
            function_ref = self.rt(special)
        else:
            function_ref = ast.Name(self.new_global(function, "M"), ast.Load())
        first, again = _evaluated_once(self, base, "o")
        direct = ast.Call(function_ref, [again(), *args], [])
        arg_types = [self.known_type(a) for a in arg_nodes or ()]
        inline = self.inline_method(base_t, cls, name, again, args, used, direct, arg_types)
        if self.exactly_typed(base_node, base):
            return inline or direct  # no guard, no generic branch (nor their globals)
        guard = _is_type(self, first, ast.Name(self.new_global(cls, "T"), ast.Load()))
        hook = "call_method_ret" if used else "call_method"
        generic = self.call_rt(hook, again(), ast.Constant(name), *args)
        return ast.IfExp(guard, inline or direct, generic)

    def inline_method(self: Any, base_t: str, cls: Any, name: str, base: Any,
                      args: list[ast.expr], used: bool, call: ast.Call,
                      arg_types: list[str | None]) -> ast.expr | None:
        """The method's common case as Python operations, falling back to ``call`` (the
        direct call of the method's function) where that case does not hold; the value's
        exact type is checked already (``arg_types``: the arguments' known types, if
        any).  None: no inline form."""
        if not args and used and (name == "size" and base_t != "String" or
                                  name == "length" and base_t == "String"):
            return ast.Call(self.rt("length_of"), [base()], [])
        if name in ("append", "push_back") and len(args) == 1 and not used:
            if base_t == "Array":
                plain = ast.UnaryOp(ast.Not(), ast.BoolOp(ast.Or(), [
                    ast.Attribute(base(), "read_only", ast.Load()),
                    ast.Attribute(base(), "typed_builtin", ast.Load())]))
                return ast.IfExp(plain, ast.Call(self.rt("list_append"), [base(), args[0]], []),
                                 call)
            plain_type = getattr(cls, "_gd_plain", None)
            if issubclass(cls, list) and plain_type is not None and arg_types and \
                    arg_types[0] == _PLAIN_NAMES.get(plain_type):  # stored as it is
                return ast.Call(self.rt("list_append"), [base(), args[0]], [])
            if issubclass(cls, list) and plain_type is not None:
                value = self.temp("x")
                test = _is_type(self, ast.NamedExpr(ast.Name(value, ast.Store()), args[0]),
                                ast.Name(self.new_global(plain_type, "T"), ast.Load()))
                call.args[1] = ast.Name(value, ast.Load())
                return ast.IfExp(test, ast.Call(self.rt("list_append"), [
                    base(), ast.Name(value, ast.Load())], []), call)
        if base_t == "Dictionary" and name == "has" and len(args) == 1:
            key = self.temp("k")
            # Python's lookup, then Dictionary.has's scan for 1 / 1.0 / true when the
            # Dictionary is small enough to get one.
            return ast.BoolOp(ast.And(), [
                ast.Compare(ast.NamedExpr(ast.Name(key, ast.Store()), args[0]), [ast.In()],
                            [base()]),
                ast.BoolOp(ast.Or(), [
                    ast.Compare(ast.Call(self.rt("length_of"), [base()], []), [ast.Gt()],
                                [self.rt("exact_key_scan_limit")]),
                    ast.Call(self.rt("dict_has"), [base(), ast.Name(key, ast.Load())], [])])])
        return None

    # Subscripts ------------------------------------------------------------------
    def fast_subscript_get(self: Any, node: nodes.SubscriptNode) -> ast.expr | None:
        """``d[k]`` of a Dictionary, ``a[i]`` of an Array or packed array: Python's lookup
        behind an exact-type guard; a missing key or an index out of range (or anything
        else) takes the generic ``get_index``, which reports it."""
        if self.function is None or self.dialect != 4 or node.is_attribute:
            return None
        base_t = self.known_type(node.base)
        if base_t != "Dictionary" and base_t not in _SEQUENCES:
            return None
        cls = self.resolver.builtin_class(base_t)
        if cls is None:
            return None
        base, index = self.expr(node.base), self.expr(node.index)
        first, again = _evaluated_once(self, base, "o")
        key = self.temp("k")
        key_first = ast.NamedExpr(ast.Name(key, ast.Store()), index)

        def generic(index_again: ast.expr) -> ast.expr:
            return self.call_rt("get_index", again(), index_again)

        if base_t == "Dictionary":
            found = ast.NamedExpr(ast.Name("_gd_w", ast.Store()), ast.Call(
                self.rt("dict_lookup"), [again(), key_first, self.rt("absent")], []))
            hit = ast.IfExp(ast.Compare(found, [ast.IsNot()], [self.rt("absent")]),
                            ast.Name("_gd_w", ast.Load()), generic(ast.Name(key, ast.Load())))
        else:
            hit = ast.IfExp(self.index_in_range(key_first, again(), ast.Name(key, ast.Load())),
                            ast.Subscript(again(), ast.Name(key, ast.Load()), ast.Load()),
                            generic(ast.Name(key, ast.Load())))
        if self.exactly_typed(node.base, base):
            return hit
        guard = _is_type(self, first, ast.Name(self.new_global(cls, "T"), ast.Load()))
        return ast.IfExp(guard, hit, generic(index))

    def index_in_range(self: Any, key_first: ast.expr, sequence: ast.expr,
                       key: ast.expr) -> ast.expr:
        """``type(key) is int and -len(sequence) <= key < len(sequence)``."""
        size = self.temp("n")
        return ast.BoolOp(ast.And(), [
            _is_type(self, key_first, ast.Name("int", ast.Load())),
            ast.Compare(ast.UnaryOp(ast.USub(), ast.NamedExpr(
                ast.Name(size, ast.Store()), ast.Call(self.rt("length_of"), [sequence], []))),
                [ast.LtE(), ast.Lt()], [key, ast.Name(size, ast.Load())])])

    def fast_subscript_set(self: Any, target: nodes.SubscriptNode, value: ast.expr,
                           st: nodes.Node) -> tuple[ast.If, str] | None:
        """``d[k] = v`` / ``a[i] = v`` on a local Dictionary or Array: an ``if`` whose
        body stores the common case, and the temporary the key was evaluated into (the
        caller fills the ``else`` with the generic code, reading that key).  None: no
        fast branch."""
        base_node = target.base
        if self.function is None or self.dialect != 4 or target.is_attribute or \
                not isinstance(base_node, nodes.IdentifierNode) or \
                not self.is_declared(base_node.name):
            return None
        base_t = self.known_type(base_node)
        if base_t not in ("Dictionary", "Array"):
            return None
        cls = self.resolver.builtin_class(base_t)
        if cls is None:
            return None
        local = self.local_name(base_node.name)

        def base() -> ast.expr:
            return ast.Name(local, ast.Load())

        def unset(flag: str) -> ast.expr:
            return ast.UnaryOp(ast.Not(), ast.Attribute(base(), flag, ast.Load()))

        key = self.temp("k")
        self.emit(ast.Assign([ast.Name(key, ast.Store())], self.expr(target.index)), st)
        checks = [unset("read_only")]
        if not self.exactly_typed(base_node, base()):
            checks.insert(0, _is_type(self, base(), ast.Name(self.new_global(cls, "T"),
                                                             ast.Load())))
        if base_t == "Dictionary":
            checks += [unset("typed_key"), unset("typed_value")]
        else:
            checks += [unset("typed_builtin"), self.index_in_range(
                ast.Name(key, ast.Load()), base(), ast.Name(key, ast.Load()))]
        store = ast.Assign([ast.Subscript(base(), ast.Name(key, ast.Load()), ast.Store())], value)
        return ast.If(ast.BoolOp(ast.And(), checks), [store], []), key

    def fast_global_call(self: Any, name: str, call: ast.Call) -> ast.expr | None:
        """``str(x)`` of an int is Python's decimal form: no generic conversion."""
        if name != "str" or len(call.args) != 1 or self.function is None:
            return None
        first, again = _evaluated_once(self, call.args[0], "s")
        call.args = [again()]
        return ast.IfExp(_is_type(self, first, ast.Name("int", ast.Load())),
                         ast.Call(self.rt("str_class"), [again()], []), call)

    def script_class_named(self: Any, name: str) -> Any:
        """The ClassContext of an inner class ``name`` of this script, compiled already."""
        if self.is_declared(name):
            return None
        ctx = self.cls
        while ctx is not None:
            found = ctx.lookup_member(name)
            if found is not None:
                kind, detail = found
                return detail if kind == "class" and detail is not None else None
            ctx = ctx.outer
        return None

    def fast_script_call(self: Any, py_class: str, base: ast.expr, name: str,
                         args: list[ast.expr], used: bool) -> ast.expr | None:
        """``obj.method(...)`` on an instance of an inner class of this script: a direct
        Python call behind an exact-class guard.  Only for RefCounted classes (nothing can
        free them) and a non-static method of the script taking that many arguments."""
        ctx = _context_named(self.cls, py_class)
        found = ctx.lookup_member(name) if ctx is not None else None
        if found is None or found[0] != "method" or not isinstance(found[1], nodes.FunctionNode):
            return None
        fn = found[1]
        required = sum(1 for p in fn.parameters if p.initializer is None)
        if fn.rest_parameter is not None or not required <= len(args) <= len(fn.parameters):
            return None
        if not _never_freed(ctx):
            return None
        first, again = _evaluated_once(self, base, "o")
        guard = _is_type(self, first, ast.Name(py_class, ast.Load()))
        from .compiler import pyname

        direct = ast.Call(ast.Attribute(again(), pyname(name), ast.Load()), args, [])
        hook = "call_method_ret" if used else "call_method"
        generic = self.call_rt(hook, again(), ast.Constant(name), *args)
        return ast.IfExp(guard, direct, generic)

    def fast_member_get(self: Any, base: ast.expr, name: str) -> ast.expr | None:
        """``other.x`` inside a class declaring the plain member ``x``: read directly when
        ``other`` is exactly an instance of this class (a RefCounted one: it cannot have
        been freed), else the generic ``get_member``."""
        ctx = self.cls
        if self.function is None or self.dialect != 4 or ctx is None or \
                (isinstance(base, ast.Name) and base.id == "self"):
            return None
        var = ctx.members.get(name)
        if var is None or var.is_static or var.property_style != nodes.PROPERTY_NONE:
            return None
        if not _never_freed(ctx):
            return None
        first, again = _evaluated_once(self, base, "o")
        guard = _is_type(self, first, ast.Name(ctx.py_name, ast.Load()))
        direct = ast.Attribute(again(), self.member_attr(name), ast.Load())
        return ast.IfExp(guard, direct, self.call_rt("get_member", again(), ast.Constant(name)))

    # x = x + y on a local ---------------------------------------------------------
    def fast_self_append(self: Any, st: nodes.AssignmentNode) -> bool:
        """``x = x + y`` or ``x += y`` on a local x: emitted here (True) or not handled."""
        target = st.assignee
        if self.function is None or not isinstance(target, nodes.IdentifierNode) or \
                not self.is_declared(target.name) or \
                self.scope.converters.get(target.name) is not None or \
                getattr(self.scope, "types", {}).get(target.name) is not None:
            return False
        name = target.name
        if st.operator == nodes.OP_ADD:
            added = st.assigned_value
        elif st.operator is None and isinstance(st.assigned_value, nodes.BinaryOpNode) and \
                st.assigned_value.operator == nodes.OP_ADD and \
                isinstance(st.assigned_value.left_operand, nodes.IdentifierNode) and \
                st.assigned_value.left_operand.name == name:
            added = st.assigned_value.right_operand
        else:
            return False
        own_t = self.known_type(target)
        if own_t in ("int", "uint", "float", "bool"):
            return False
        local = ast.Name(self.local_name(name), ast.Load())
        temp = self.temp("a")
        self.emit(ast.Assign([ast.Name(temp, ast.Store())], self.expr(added)), st)
        value = ast.Name(temp, ast.Load())
        store = ast.Name(self.local_name(name), ast.Store())
        generic = [ast.Assign([store], self.binary(nodes.OP_ADD, local, value, st))]
        bytes_test = ast.BoolOp(ast.And(), [
            _is_type(self, local, self.rt("PackedByteArray")), _is_type(self, value, self.rt(
                "PackedByteArray")),
            ast.Compare(self.call_rt("getrefcount", local), [ast.Eq()], [ast.Constant(2)])])
        grow = [ast.Expr(self.call_rt("extend_bytes", local, value))]
        chain = ast.If(bytes_test, grow, generic)
        if own_t in (None, "String"):
            str_type = self.rt("str_class")
            text_test = ast.BoolOp(ast.And(), [_is_type(self, local, str_type),
                                               _is_type(self, value, str_type)])
            concat = [ast.Assign([store], ast.BinOp(local, ast.Add(), value))]
            chain = ast.If(text_test, concat, [chain])
        if own_t is None:  # a number accumulating (the common case) skips those checks
            generic_again = [ast.Assign([store], self.binary(nodes.OP_ADD, local, value, st))]
            chain = ast.If(_is_type(self, local, ast.Name("int", ast.Load())), generic_again,
                           [chain])
        self.emit(chain, st)
        return True

    # Function bodies ---------------------------------------------------------------
    def function_body(self: Any, fn: nodes.FunctionNode, out: list[ast.stmt],
                      specialize: bool) -> None:
        """``fn``'s statements, typed; with a second body for int parameters if it pays."""
        saved = self.local_types, self.local_bounds, self.local_magnitudes
        try:
            ints = self.int_parameters(fn) if specialize else []
            self.local_types, self.local_bounds, self.local_magnitudes = infer_locals(self, fn)
            if not ints:
                self.block(fn.body.statements, out)
                return
            generic: list[ast.stmt] = []
            self.block(fn.body.statements, generic)
            fast: list[ast.stmt] = []
            self.local_types, self.local_bounds, self.local_magnitudes = infer_locals(
                self, fn, {n: "int" for n in ints})
            resolver, self.resolver = self.resolver, _Quiet(self.resolver)
            try:  # the same statements again: their warnings were printed once already
                self.block(fn.body.statements, fast)
            finally:
                self.resolver = resolver
            out.append(self.located(ast.If(self.int_guard(ints), fast or [ast.Pass()],
                                           generic or [ast.Pass()]), fn))
        finally:
            self.local_types, self.local_bounds, self.local_magnitudes = saved

    # Parameters known to be ints behind a guard -----------------------------------------
    def int_parameters(self: Any, fn: nodes.FunctionNode) -> list[str]:
        """Untyped parameters a specialized body should assume to be ints."""
        if fn.body is None or fn.rest_parameter is not None:
            return []
        count = 0
        used: set[str] = set()
        params = {p.name for p in fn.parameters if p.datatype_specifier is None and
                  not p.infer_type}
        stack: list[nodes.Node] = [fn.body]
        while stack:
            node = stack.pop()
            count += 1
            if count > _MAX_SPECIALIZED_NODES or isinstance(
                    node, (nodes.LambdaNode, nodes.AwaitNode, nodes.YieldNode)):
                return []
            if isinstance(node, nodes.BinaryOpNode) and node.operator in (
                    nodes.OP_ADD, nodes.OP_SUB, nodes.OP_MUL, nodes.OP_MOD, nodes.OP_LT,
                    nodes.OP_LE, nodes.OP_GT, nodes.OP_GE):
                for side, other in ((node.left_operand, node.right_operand),
                                    (node.right_operand, node.left_operand)):
                    if isinstance(side, nodes.IdentifierNode) and side.name in params and \
                            int_literal(other) is not None:
                        used.add(side.name)
            stack.extend(nodes.iter_children(node))
        return sorted(used)

    def int_guard(self: Any, names: list[str]) -> ast.expr:
        int_type = ast.Name("int", ast.Load())
        tests = [_is_type(self, ast.Name(self.local_name(n), ast.Load()), int_type)
                 for n in names]
        return tests[0] if len(tests) == 1 else ast.BoolOp(ast.And(), tests)


class _Quiet:
    """A resolver whose warnings are not printed (statements compiled a second time)."""

    def __init__(self, resolver: Any) -> None:
        self._resolver = resolver

    def __getattr__(self, name: str) -> Any:
        return getattr(self._resolver, name)

    def warn(self, message: str) -> None:
        pass


def _never_freed(ctx: Any) -> bool:
    """Instances of the class of ``ctx`` are RefCounted: nothing can free one a script
    still reaches (no freed-instance check needed)."""
    return any(vars(k).get("GODOT_NAME") in ("RefCounted", "Reference")
               for k in getattr(ctx.info.native, "__mro__", ()))


def _context_named(ctx: Any, py_name: str) -> Any:
    """The ClassContext called ``py_name`` among ``ctx``'s inner classes and outers'."""
    while ctx is not None:
        stack = [ctx]
        while stack:
            current = stack.pop()
            if current is not None and current.py_name == py_name:
                return current
            stack.extend(c for c in (current.inner.values() if current else ()) if c)
        ctx = ctx.outer
    return None


def _evaluated_once(compiler: Any, value: ast.expr, hint: str) -> tuple[ast.expr, Any]:
    """(first use, maker of later uses) of ``value``: a local is read again (no temporary
    keeps its object alive, which would defeat ``getrefcount``); anything else goes
    through a temporary."""
    if isinstance(value, ast.Name):
        return value, lambda: ast.Name(value.id, ast.Load())
    if isinstance(value, ast.Constant):
        return value, lambda: ast.Constant(value.value)
    temp = compiler.temp(hint)
    return (ast.NamedExpr(ast.Name(temp, ast.Store()), value),
            lambda: ast.Name(temp, ast.Load()))


def _apply(op: Any, left: ast.expr, right: ast.expr) -> ast.expr:
    if op in (ast.Eq, ast.NotEq):
        return ast.Compare(left, [op()], [right])
    return ast.BinOp(left, op(), right)


def _is_type(compiler: Any, value: ast.expr, cls: ast.expr) -> ast.expr:
    """``type(value) is cls``, with Python's ``type`` (a script may have a local "type")."""
    return ast.Compare(ast.Call(compiler.rt("type_of"), [value], []), [ast.Is()], [cls])


def _truncating(left: ast.expr, py_op: Any, divisor: int) -> ast.expr:
    """C's ``left % divisor`` / ``left / divisor`` (truncation) for a positive divisor."""
    t = "_gd_w"
    walrus = ast.NamedExpr(ast.Name(t, ast.Store()), left)
    positive = ast.BinOp(ast.Name(t, ast.Load()), py_op(), ast.Constant(divisor))
    negated = ast.UnaryOp(ast.USub(), ast.BinOp(ast.UnaryOp(ast.USub(), ast.Name(
        t, ast.Load())), py_op(), ast.Constant(divisor)))
    return ast.IfExp(ast.Compare(walrus, [ast.GtE()], [ast.Constant(0)]), positive, negated)


def _overflow_sides(op: str, left_t: str, right_t: str, left_c: int | None,
                    right_c: int | None) -> tuple[bool, bool]:
    """(can go below INT64_MIN, can go above INT64_MAX) for int ``left op right``."""
    left_nonneg = left_t == "uint" or (left_c is not None and left_c >= 0)
    right_nonneg = right_t == "uint" or (right_c is not None and right_c >= 0)
    left_nonpos = left_c is not None and left_c <= 0
    right_nonpos = right_c is not None and right_c <= 0
    if op == nodes.OP_ADD:
        return (not (left_nonneg or right_nonneg), not (left_nonpos or right_nonpos))
    if op == nodes.OP_SUB:
        if left_nonneg and right_nonneg:
            return False, False
        return (not right_nonpos, not right_nonneg)
    if left_c is not None and right_c is not None and INT_MIN <= left_c * right_c <= INT_MAX:
        return False, False
    return True, True


def _generic_only() -> None:
    """``GDSCRIPT_NO_FAST_PATHS=1``: compile only the generic code (to compare)."""
    def plain_body(self: Any, fn: nodes.FunctionNode, out: list[ast.stmt],
                   specialize: bool) -> None:
        self.block(fn.body.statements, out)

    FastPaths.function_body = plain_body  # type: ignore[method-assign]
    for name in ("fast_binary", "fast_compound", "fast_method_call", "fast_global_call",
                 "guarded_binary", "fast_subscript_get", "fast_subscript_set",
                 "fast_member_get"):
        setattr(FastPaths, name, lambda self, *args, **kwargs: None)
    FastPaths.fast_self_append = lambda self, st: False  # type: ignore[method-assign]


if os.environ.get("GDSCRIPT_NO_FAST_PATHS"):
    _generic_only()
