"""Godot's parser and tokenizer error messages, worded exactly as Godot words them.

Texts come from modules/gdscript/gdscript_parser.cpp and gdscript_tokenizer.cpp.
Constants are complete messages; functions fill in Godot's ``%s`` parts.
"""

from __future__ import annotations

# * Tokenizer -----------------------------------------------------------------

UNTERMINATED_STRING = "Unterminated string."
INVALID_ESCAPE = "Invalid escape in string."
INVALID_HEX_DIGIT = "Invalid hexadecimal digit in unicode escape sequence."
UNPAIRED_LEAD_SURROGATE = "Invalid UTF-16 sequence in string, unpaired lead surrogate."
UNPAIRED_TRAIL_SURROGATE = "Invalid UTF-16 sequence in string, unpaired trail surrogate."
CLOSING_WITHOUT_OPENING = 'Closing "{}" doesn\'t have an opening counterpart.'
MIXED_INDENT = "Mixed use of tabs and spaces for indentation."
UNINDENT_MISMATCH = "Unindent doesn't match the previous indentation level."
ADJACENT_UNDERSCORES = "Multiple underscores cannot be adjacent in a numeric literal."
VCS_CONFLICT_MARKER = 'Unexpected "VCS conflict marker" in class body.'
TERNARY_QUESTION = ('Unexpected "?" in source. If you want a ternary operator, use '
                    '"truthy_value if true_condition else falsy_value".')


def indent_char_mismatch(used: str, before: str) -> str:
    name = {" ": "space", "\t": "tab"}
    return (f"Used {name[used]} character for indentation instead of {name[before]} "
            "as used before in the file.")


def invalid_character(char: str) -> str:
    return f'Invalid character "{char}" (U+{ord(char):04X}).'


def similar_to_keyword(identifier: str, keyword: str) -> str:
    return (f'Identifier "{identifier}" is visually similar to the GDScript keyword '
            f'"{keyword}" and thus not allowed.')


# * Parser: syntax ----------------------------------------------------------------

ASSIGNMENT_IN_EXPRESSION = "Assignment is not allowed inside an expression."
EXPECTED_EXPRESSION_AFTER_EQUAL = 'Expected an expression after "=".'
EXPECTED_VAR_NAME = 'Expected variable name after "var".'
EXPECTED_CONST_NAME = 'Expected constant name after "const".'
EXPECTED_FUNC_NAME = 'Expected function name after "func".'
EXPECTED_SIGNAL_NAME = 'Expected signal name after "signal".'
EXPECTED_CLASS_NAME = 'Expected identifier for the class name after "class".'
EXPECTED_GLOBAL_CLASS_NAME = 'Expected identifier for the global class name after "class_name".'
EXPECTED_FOR_VARIABLE = 'Expected loop variable name after "for".'
EXPECTED_ARRAY_ELEMENT = "Expected expression as array element."
EXPECTED_DICT_KEY = "Expected expression as dictionary key."
EXPECTED_DICT_VALUE = "Expected expression as dictionary value."
EXPECTED_ANNOTATION_ARGUMENT = "Expected expression as the annotation argument."
EXPECTED_CALL_ARGUMENT = "Expected expression as the function argument."
EXPECTED_AFTER_BRACKET = 'Expected expression after "[".'
EXPECTED_AFTER_ELSE = 'Expected expression after "else".'
EXPECTED_TERNARY_CONDITION = 'Expected expression as ternary condition after "if".'
EXPECTED_ELSE_TERNARY = 'Expected "else" after ternary operator condition.'
EXPECTED_CALL_CLOSE = 'Expected closing ")" after call arguments.'
EXPECTED_GROUP_CLOSE = 'Expected closing ")" after grouping expression.'
EXPECTED_ARRAY_CLOSE = 'Expected closing "]" after array elements.'
EXPECTED_DICT_CLOSE = 'Expected closing "}" after dictionary elements.'
EXPECTED_SUBSCRIPT_CLOSE = 'Expected "]" after subscription index.'
EXPECTED_LAMBDA_COLON = 'Expected ":" after lambda declaration.'
EXPECTED_ATTRIBUTE = 'Expected identifier after "." for attribute access.'
EXPECTED_TYPE_AFTER_COLON = 'Expected type specifier after ":".'
EXPECTED_RETURN_TYPE = 'Expected return type or "void" after "->".'
EXPECTED_TYPE_AFTER_AS = 'Expected type specifier after "as".'
EXPECTED_TYPE_AFTER_IS = 'Expected type specifier after "is".'
EXPECTED_IN_AFTER_NOT = 'Expected "in" after "not" in content-test operator.'
EXPECTED_PARAM_NAME = "Expected parameter name."
EXPECTED_ITERABLE = 'Expected iterable after "in".'
EXPECTED_IN_FOR = 'Expected "in" or ":" after "for" variable name.'
EXPECTED_AWAIT_OPERAND = 'Expected signal or coroutine after "await".'
EXPECTED_ELSE_COLON = 'Expected ":" after "else".'
EXPECTED_MATCH_TEST = 'Expected expression to test after "match".'
EXPECTED_MATCH_INDENT = 'Expected an indented block after "match" statement.'
EXPECTED_PATTERN = "Expected expression for match pattern."
EXPECTED_GUARD = 'Expected expression for pattern guard after "when".'
EXPECTED_END_OF_FILE = "Expected end of file."
EXPECTED_ASSERT_EXPRESSION = "Expected expression to assert."
NODE_PATH_AFTER_DOLLAR = 'Expected node path as string or identifier after "$".'
NODE_PATH_AFTER_SLASH = 'Expected node path as string or identifier after "/".'
EXPECTED_EXTENDS_NAME = 'Expected superclass name after "extends".'
EXPECTED_ENUM_KEY = "Expected identifier for enum key."
EXPECTED_ENUM_CLOSE = 'Expected closing "}" for enum.'
ASSIGN_TARGET = ("Only identifier, attribute access, and subscription access can be used "
                 "as assignment target.")
VOID_ONLY_RETURN = '"void" is only allowed for a function return type.'
NESTED_TYPED_COLLECTIONS = "Nested typed collections are not supported."
PROPERTY_GETTER_TWICE = "Properties can only have one getter."
PROPERTY_SETTER_TWICE = "Properties can only have one setter."
PROPERTY_GET_OR_SET = 'Expected "get" or "set" for property declaration.'
EXPECTED_STATIC_TARGET = 'Expected "func" or "var" after "static".'
SUPER_EXPECTED = 'Expected "." or "(" after "super".'
EXPECTED_WHEN = 'Expected ":" or "when" after "match" patterns.'


def expected_end_of_statement(context: str, found: str) -> str:
    return f'Expected end of statement after {context}, found "{found}" instead.'


def expected_statement(found: str) -> str:
    return f'Expected statement, found "{found}" instead.'


def expected_colon_after(what: str) -> str:
    return f'Expected ":" after "{what}" condition.'


def expected_after_operator(op: str) -> str:
    return f'Expected expression after "{op}" operator.'


def expected_conditional(keyword: str) -> str:
    return f'Expected conditional expression after "{keyword}".'


def expected_indented_block(context: str) -> str:
    return f"Expected indented block after {context}."


def unexpected_in_class_body(debug_name: str) -> str:
    return f"Unexpected {debug_name} in class body."


def expected_closing_params(kind: str) -> str:
    return f'Expected closing ")" after {kind} parameters.'


# * Parser: checks ----------------------------------------------------------------

STANDALONE_LAMBDA = "Standalone lambdas cannot be accessed. Consider assigning it to a variable."
CONTINUE_OUTSIDE_LOOP = 'Cannot use "continue" outside of a loop.'
BREAK_OUTSIDE_LOOP = 'Cannot use "break" outside of a loop.'
BIND_WITH_MULTIPLE_PATTERNS = "Cannot use a variable bind with multiple patterns."
REST_OUTSIDE_PATTERN = "Rest pattern can only be used inside array and dictionary patterns."
REST_NOT_LAST_ARRAY = 'The ".." pattern must be the last element in the pattern array.'
REST_NOT_LAST_DICT = 'The ".." pattern must be the last element in the pattern dictionary.'
PARAMS_AFTER_REST = "Cannot have parameters after the rest parameter."
REST_WITH_DEFAULT = "The rest parameter cannot have a default value."
MANDATORY_AFTER_OPTIONAL = "Cannot have mandatory parameters after optional parameters."
SIGNAL_PARAM_DEFAULT = "Signal parameters cannot have a default value."
STATIC_INIT_NOT_STATIC = "Static constructor must be declared static."
STATIC_INIT_PARAMS = "Static constructor cannot have parameters."
CONSTRUCTOR_RETURNS = "Constructor cannot return a value."
YIELD_REMOVED = '"yield" was removed in Godot 4. Use "await" instead.'
TOOL_TWICE = '"@tool" annotation can only be used once.'
ICON_TWICE = '"@icon" annotation can only be used once.'
CLASS_NAME_TWICE = '"class_name" can only be used once.'
EXTENDS_TWICE = '"extends" can only be used once.'
SELF_IN_STATIC = 'Cannot use "self" inside a static function.'
UNEXPECTED_STANDALONE_ANNOTATION = "Unexpected standalone annotation."
REMOVED_ANNOTATIONS = {
    "@deprecated": '"@deprecated" annotation does not exist. Use "## @deprecated: Reason here." '
                   'instead.',
    "@experimental": '"@experimental" annotation does not exist. Use "## @experimental: Reason '
                     'here." instead.',
    "@tutorial": '"@tutorial" annotation does not exist. Use "## @tutorial(Title): '
                 'https://example.com" instead.',
}
REMOVED_KEYWORDS_4 = {
    "export": 'The "export" keyword was removed in Godot 4. Use an export annotation ("@export", '
              '"@export_range", etc.) instead.',
    "onready": 'The "onready" keyword was removed in Godot 4. Use the "@onready" annotation '
               'instead.',
    "tool": 'The "tool" keyword was removed in Godot 4. Use the "@tool" annotation instead.',
    "remote": 'The "remote" keyword was removed in Godot 4. Use the "@rpc" annotation with '
              '"any_peer" instead.',
    "remotesync": 'The "remotesync" keyword was removed in Godot 4. Use the "@rpc" annotation '
                  'with "any_peer" and "call_local" instead.',
    "master": 'The "master" keyword was removed in Godot 4. Use the "@rpc" annotation with '
              '"any_peer" and perform a check inside the function instead.',
    "mastersync": 'The "mastersync" keyword was removed in Godot 4. Use the "@rpc" annotation '
                  'with "any_peer" and "call_local", and perform a check inside the function '
                  'instead.',
    "puppet": 'The "puppet" keyword was removed in Godot 4. Use the "@rpc" annotation with '
              '"authority" instead.',
    "puppetsync": 'The "puppetsync" keyword was removed in Godot 4. Use the "@rpc" annotation '
                  'with "authority" and "call_local" instead.',
}


def unrecognized_annotation(name: str) -> str:
    return f'Unrecognized annotation: "{name}".'


def annotation_not_applicable(name: str, kind: str) -> str:
    return f'Annotation "{name}" cannot be applied to a {kind}.'


def annotation_not_statement(name: str) -> str:
    return f'Annotation "{name}" cannot be applied to a statement.'


def annotation_not_at_top(name: str) -> str:
    return (f'Annotation "{name}" must be at the top of the script, before "extends" and '
            '"class_name".')


def enum_name_repeated(name: str, line: int) -> str:
    return f'Name "{name}" was already in this enum (at line {line}).'


def annotation_no_target(name: str) -> str:
    return f'Annotation "{name}" does not precede a valid target, so it will have no effect.'


def annotation_once_per_script(name: str) -> str:
    return f'"{name}" annotation can only be used once per script.'


def already_declared_local(kind: str, name: str) -> str:
    return f'There is already a {kind} named "{name}" declared in this scope.'


def member_conflict(kind: str, name: str, other_kind: str) -> str:
    return f'{kind.capitalize()} "{name}" has the same name as a previously declared {other_kind}.'


def parameter_redeclared(name: str, kind: str) -> str:
    return f'Parameter with name "{name}" was already declared for this {kind}.'


def warning_already_ignored(warning: str, line: int) -> str:
    return (f'Warning "{warning}" is already being ignored by "@warning_ignore_start" '
            f"at line {line}.")


def warning_not_ignored(warning: str) -> str:
    return f'Warning "{warning}" is not being ignored by "@warning_ignore_start".'


def annotation_too_many_args(name: str, most: int, given: int) -> str:
    return f'Annotation "{name}" requires at most {most} arguments, but {given} were given.'


def annotation_too_few_args(name: str, least: int, given: int) -> str:
    return f'Annotation "{name}" requires at least {least} arguments, but {given} were given.'
