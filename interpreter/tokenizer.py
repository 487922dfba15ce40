"""Tokenizer side of the parser: the indentation post-lexer and token helpers.

The terminals themselves live in grammar/gdscript.lark (lark's contextual
lexer produces them).  :class:`Indenter` sits between that lexer and the LALR
parser and turns the raw ``_NL`` tokens (newline plus the blank and comment
lines after it) into ``_NEWLINE`` / ``_INDENT`` / ``_DEDENT`` the way Godot's
tokenizer does:

* inside ``()``, ``[]``, ``{}`` newlines are ignored, except in the body of a
  multi-line lambda (``func(...):`` followed by a newline), which is indented
  like any block; the body ends when the indentation drops back, or at a
  ``,`` or closing bracket of the bracket level the lambda was opened in;
* a multi-line lambda outside brackets (``var f = func():``) is followed by an
  extra ``_NEWLINE`` after its ``_DEDENT``, so the enclosing statement ends;
* indentation is counted like Godot (tab = 4 columns) and mixing tabs and
  spaces gives Godot's messages;
* reserved words are typed as keywords wherever they appear (the contextual
  lexer alone would let them pass as names where no keyword is expected);
  ``match`` is a keyword only at the start of a statement.

It never looks ahead in the raw token stream: lark's contextual lexer picks
its terminal set from the parser state, so every token must be handed to the
parser before the next one is lexed.
"""

from __future__ import annotations

from collections.abc import Iterator

from lark import Token
from lark.lark import PostLex

from . import messages
from .errors import ParseError

TAB_SIZE = 4


# Reserved words: lark's contextual lexer only recognises a keyword where the
# parser state accepts it, so elsewhere it would pass as a NAME.
KEYWORDS = {
    word: word.upper() for word in (
        "and", "as", "assert", "await", "break", "breakpoint", "class", "class_name", "const",
        "continue", "elif", "else", "enum", "extends", "for", "func", "if", "in", "is",
        "not", "or", "pass", "preload", "return", "self", "signal", "static", "super", "var",
        "void", "while", "true", "false", "null",
    )
}

_OPENERS = {"LPAR": ")", "LSQB": "]", "LBRACE": "}"}
_CLOSERS = {"RPAR": ")", "RSQB": "]", "RBRACE": "}"}
# Token types after which ``func`` starts a declaration rather than a lambda.
_DECL_BEFORE_FUNC = frozenset({
    None, "_NEWLINE", "_INDENT", "_DEDENT", "STATIC", "_SEMI", "COLON", "RPAR", "ANNOTATION",
    "NAME", "EXPORT", "ONREADY", "REMOTE", "MASTER", "PUPPET", "SLAVE", "SYNC", "REMOTESYNC",
    "MASTERSYNC", "PUPPETSYNC",
})
_STATEMENT_START = frozenset({None, "_NEWLINE", "_INDENT", "_DEDENT", "_SEMI"})
_NORMAL, _LAMBDA_TOP, _LAMBDA_FRAME = 0, 1, 2


class Indenter(PostLex):
    """Post-lexer producing _NEWLINE/_INDENT/_DEDENT (see module docstring)."""

    always_accept = ("_NL",)

    def __init__(self) -> None:
        self.dialect = 4
        self.state: _IndentState | None = None

    def process(self, stream: Iterator[Token]) -> Iterator[Token]:
        self.state = _IndentState(self.dialect)
        return self.state.run(stream)

    def open_bracket(self) -> str | None:
        """The closing character the last parse was waiting for, if any."""
        brackets = self.state.brackets if self.state else None
        return brackets[-1] if brackets else None

    def block_kind(self) -> str:
        """"class" or "func": the kind of block the last parse stopped in."""
        return self.state.block_kinds[-1] if self.state else "class"


class _IndentState:
    """The per-parse state of the indenter."""

    def __init__(self, dialect: int) -> None:
        self.dialect = dialect
        self.levels = [0]  # indentation columns
        self.kinds = [_NORMAL]  # what opened each level
        self.brackets: list[str] = []  # expected closing characters
        self.frames: list[int] = []  # bracket depth of each open lambda body
        self.pending_funcs: list[int] = []  # bracket depth of lambda headers awaiting ":"
        self.lambda_colon = False  # the previous token was a lambda's ":"
        self.indent_char: str | None = None
        self.prev_type: str | None = None
        self.block_kinds = ["class"]  # "class" or "func" body, per indentation level
        self.line_has_class = False  # a "class" keyword was seen on this logical line

    def run(self, stream: Iterator[Token]) -> Iterator[Token]:
        last = None
        for tok in stream:
            last = tok
            ttype = tok.type
            if ttype == "_NL":
                yield from self._newline(tok)
                continue
            if self.lambda_colon:
                self.lambda_colon = False
            if ttype in _OPENERS:
                self.brackets.append(_OPENERS[ttype])
            elif ttype in _CLOSERS or ttype == "COMMA":
                yield from self._close_frame(tok)
                if ttype != "COMMA":
                    self._pop_bracket(tok)
            elif ttype == "NAME" or ttype == "MATCH":
                value = tok.value
                if value == "match":  # a keyword only where a statement starts
                    starts = self.prev_type in _STATEMENT_START or (
                        self.prev_type == "COLON" and not self.brackets)
                    ttype = tok.type = "MATCH" if starts else "NAME"
                elif value in KEYWORDS:
                    if self.prev_type != "DOT":
                        ttype = tok.type = KEYWORDS[value]
            if ttype == "FUNC":
                if self.brackets or self.prev_type not in _DECL_BEFORE_FUNC \
                        or self.block_kinds[-1] != "class":
                    self.pending_funcs.append(len(self.brackets))
            elif ttype == "CLASS":
                self.line_has_class = True
            elif ttype == "COLON":
                if self.pending_funcs and self.pending_funcs[-1] == len(self.brackets):
                    self.pending_funcs.pop()
                    self.lambda_colon = True
            self.prev_type = tok.type
            yield tok
        yield from self._finish(last)

    # -- brackets ---------------------------------------------------------

    def _pop_bracket(self, tok: Token) -> None:
        char = _CLOSERS[tok.type]
        if not self.brackets or self.brackets[-1] != char:
            raise ParseError(messages.CLOSING_WITHOUT_OPENING.format(char), tok.line, tok.column)
        self.brackets.pop()
        depth = len(self.brackets)
        while self.pending_funcs and self.pending_funcs[-1] > depth:
            self.pending_funcs.pop()

    def _close_frame(self, tok: Token) -> Iterator[Token]:
        """A ``,`` or closing bracket ends a lambda body opened at this depth."""
        if self.frames and self.frames[-1] == len(self.brackets):
            yield Token.new_borrow_pos("_NEWLINE", "", tok)
            while self.kinds[-1] != _LAMBDA_FRAME:
                self.levels.pop()
                self.block_kinds.pop()
                kind = self.kinds.pop()
                yield Token.new_borrow_pos("_DEDENT", "", tok)
                if kind == _LAMBDA_TOP:
                    yield Token.new_borrow_pos("_NEWLINE", "", tok)
            self.levels.pop()
            self.block_kinds.pop()
            self.kinds.pop()
            self.frames.pop()
            yield Token.new_borrow_pos("_DEDENT", "", tok)
            self.prev_type = "_DEDENT"

    # -- newlines and indentation -------------------------------------------

    def _newline(self, tok: Token) -> Iterator[Token]:
        depth = len(self.brackets)
        in_frame = bool(self.frames) and self.frames[-1] == depth
        if self.prev_type is None:
            return  # blank lines and comments before the first token
        if depth and not in_frame and not self.lambda_colon:
            return  # newlines inside brackets are insignificant
        text = tok.value
        start = text.rfind("\n") + 1
        ws = text[start:]
        if "#" in ws:  # the file ends with a comment line
            return
        line = tok.line + text.count("\n")
        column = self._indent_width(ws, line)
        opening_lambda = self.lambda_colon
        self.lambda_colon = False
        yield Token("_NEWLINE", "", start_pos=tok.start_pos, line=tok.line, column=tok.column,
                    end_line=tok.line, end_column=tok.column)
        self.prev_type = "_NEWLINE"
        opened_class = self.line_has_class and not opening_lambda
        self.line_has_class = False
        top = self.levels[-1]
        if opening_lambda and column <= top:
            return  # no indented body: the grammar reports it
        if column > top:
            kind = _NORMAL
            if opening_lambda:
                kind = _LAMBDA_TOP
                if depth > (self.frames[-1] if self.frames else 0):
                    kind = _LAMBDA_FRAME
                    self.frames.append(depth)
            self.levels.append(column)
            self.kinds.append(kind)
            self.block_kinds.append("class" if opened_class else "func")
            yield Token("_INDENT", ws, start_pos=tok.start_pos, line=line, column=1,
                        end_line=line, end_column=len(ws) + 1)
            self.prev_type = "_INDENT"
        elif column < top:
            yield from self._dedent(column, line, tok)

    def _dedent(self, column: int, line: int, tok: Token) -> Iterator[Token]:
        while self.levels[-1] > column:
            self.levels.pop()
            self.block_kinds.pop()
            kind = self.kinds.pop()
            yield Token("_DEDENT", "", start_pos=tok.start_pos, line=line, column=1,
                        end_line=line, end_column=1)
            self.prev_type = "_DEDENT"
            if kind == _LAMBDA_TOP:
                yield Token("_NEWLINE", "", start_pos=tok.start_pos, line=line, column=1,
                            end_line=line, end_column=1)
                self.prev_type = "_NEWLINE"
            elif kind == _LAMBDA_FRAME:
                self.frames.pop()
                return  # back inside the brackets: indentation no longer matters
        if self.levels[-1] != column:
            raise ParseError(messages.UNINDENT_MISMATCH, line, 1)

    def _indent_width(self, ws: str, line: int) -> int:
        if not ws:
            return 0
        first = ws[0]
        if first not in " \t":  # form feed or similar: count it as nothing
            ws = ws.replace("\f", "")
            if not ws:
                return 0
            first = ws[0]
        if ws.count(first) != len(ws):
            raise ParseError(messages.MIXED_INDENT, line, 1)
        if self.indent_char is None:
            self.indent_char = first
        elif first != self.indent_char:
            raise ParseError(messages.indent_char_mismatch(first, self.indent_char), line, 1)
        return len(ws) * (TAB_SIZE if first == "\t" else 1)

    def _finish(self, last: Token | None) -> Iterator[Token]:
        if last is None:
            return
        if self.prev_type not in ("_NEWLINE", "_DEDENT", None):
            yield Token.new_borrow_pos("_NEWLINE", "", last)
        while len(self.levels) > 1:
            self.levels.pop()
            kind = self.kinds.pop()
            yield Token.new_borrow_pos("_DEDENT", "", last)
            if kind == _LAMBDA_TOP:
                yield Token.new_borrow_pos("_NEWLINE", "", last)
