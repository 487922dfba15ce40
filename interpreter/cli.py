"""The ``gdscript`` command line: ``check`` and ``godot-test``.

Each subcommand is one function taking the parsed arguments and returning the
exit code.  ``main`` turns user errors (``GDScriptError``) into a message and
exit code 1 (2 for bad usage), and a bug (any other exception) into a short
request for a report; the Python traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import sys

from . import __version__
from .errors import GDScriptError, UsageError

TYPE_CHECKING = False  # typing is imported by type checkers only: start-up time
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import Any


def _argument_type_error(message: str) -> Exception:
    import argparse

    return argparse.ArgumentTypeError(message)


def _dialect(value: str) -> str | int:
    if value in ("3", "4"):
        return int(value)
    if value == "auto":
        return "auto"
    raise _argument_type_error(f"must be 3, 4 or auto, not {value!r}")


def _positive(unit: str) -> Any:
    """An option type: a positive, finite number of ``unit``."""
    def convert(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = 0.0
        if not 0 < number < float("inf"):
            raise _argument_type_error(f"must be a positive number of {unit}, "
                                       f"not {value!r}")
        return number
    return convert


COMMANDS = ("check", "run", "doctest", "serve-fixtures", "godot-test")


def build_arg_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argparse parser; given the command line ``argv``, the subcommands it does not
    name are left without their options (argparse's set-up of each option costs start-up
    time)."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="gdscript",
        description="Run and check Godot's GDScript (3.x and 4.x) without Godot.",
    )
    parser.add_argument("--version", action="version", version=f"gdscript {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show Python tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = next((word for word in argv or () if not word.startswith("-")), None)

    def wanted(command: str) -> bool:
        return argv is None or named == command or named not in COMMANDS

    check = sub.add_parser("check", help="parse GDScript files and report every error")
    if wanted("check"):
        check.add_argument("--godot", type=_dialect, default="auto", metavar="3|4|auto",
                           help="dialect (default: auto-detect per file)")
        check.add_argument("files", nargs="+", metavar="FILE")
        check.set_defaults(handler=cmd_check)

    run = sub.add_parser("run", help="run a GDScript file as `godot -s FILE` would")
    if wanted("run"):
        add_run_arguments(run)
        run.set_defaults(handler=cmd_run)

    dt = sub.add_parser("doctest",
                        help="run the GDScript blocks of documentation and check their claims")
    if wanted("doctest") and (argv is None or "doctest" in argv):  # a big module
        from . import doctest as doctest_command

        doctest_command.add_arguments(dt)
        dt.set_defaults(handler=doctest_command.command)

    serve = sub.add_parser("serve-fixtures",
                           help="run the offline fixture HTTP(S) server in the foreground")
    if wanted("serve-fixtures"):
        serve.add_argument("--port", type=int, metavar="N", help="HTTP port (default: any free)")
        serve.set_defaults(handler=cmd_serve_fixtures)

    gtest = sub.add_parser("godot-test",
                           help="run Godot's own GDScript test-suite files")
    if wanted("godot-test"):
        gtest.add_argument("--emit", metavar="DIR",
                           help="write what was produced for each test to DIR/<path>.out")
        gtest.add_argument("-v", "--verbose", action="store_true",
                           help="print a line for every test, not only failures")
        gtest.add_argument("--stage", choices=("parse", "run"), default="run",
                           help="check only parsing, or run each test fully (default)")
        gtest.add_argument("paths", nargs="+", metavar="PATH")
        gtest.set_defaults(handler=cmd_godot_test)
    return parser


def add_run_arguments(run: argparse.ArgumentParser) -> None:
    import argparse

    run.add_argument("--godot", type=_dialect, default="auto", metavar="3|4|auto",
                     help="dialect (default: auto-detect)")
    run.add_argument("--timeout", type=_positive("seconds"), metavar="SECONDS",
                     help="stop the run after SECONDS of wall time (exit code 1)")
    run.add_argument("--strict", action="store_true",
                     help="treat compatibility warnings as Godot's errors")
    run.add_argument("--sandbox", action="store_true",
                     help="run untrusted code: no processes, files only in res:// and "
                          "user://, network only to loopback")
    run.add_argument("--allow-net", action="store_true",
                     help="with --sandbox: allow connections beyond loopback")
    run.add_argument("--max-memory", type=_positive("megabytes"), metavar="MB",
                     help="stop the run (exit code 1) when it uses MB more megabytes than "
                          "at start (default with --sandbox: 1024)")
    add_network_arguments(run)
    run.add_argument("script", metavar="SCRIPT")
    run.add_argument("args", nargs=argparse.REMAINDER, metavar="-- ARGS",
                     help="arguments for the script (OS.get_cmdline_user_args())")


def add_network_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--offline", action="store_true",
                        help="route every host to the embedded fixture server")
    parser.add_argument("--resolve", action="append", default=[],
                        metavar="HOST:PORT=ADDR:PORT", help="map one host (like curl)")
    parser.add_argument("--ca-file", metavar="PEM", help="trust these CAs instead of certifi's")


# The run command's options, for ``read_run_command``: flags it sets to True, and
# options taking a value (read with the same converters as argparse's).
RUN_FLAGS = {"--strict": "strict", "--sandbox": "sandbox", "--allow-net": "allow_net",
             "--offline": "offline"}
RUN_VALUES = {"--godot": ("godot", _dialect), "--timeout": ("timeout", _positive("seconds")),
              "--max-memory": ("max_memory", _positive("megabytes")),
              "--resolve": ("resolve", str), "--ca-file": ("ca_file", str)}


def read_run_command(words: Sequence[str]) -> Any:
    """``[--debug] run [OPTIONS] SCRIPT [ARGS...]`` read without argparse, whose import
    and set-up are a good part of a short run's start-up.  Only the plain forms are
    read here: anything else (help, abbreviations, ``--opt=value``, ``--``, a bad
    value, ...) returns None and goes to argparse, which reads or rejects it."""
    from types import SimpleNamespace

    args = SimpleNamespace(debug=False, command="run", handler=cmd_run, godot="auto",
                           timeout=None, max_memory=None, resolve=[], ca_file=None,
                           **dict.fromkeys(RUN_FLAGS.values(), False))
    position = 0
    if words[:1] == ["--debug"]:
        args.debug, position = True, 1
    if words[position:position + 1] != ["run"] or "--" in words:
        return None
    position += 1
    while position < len(words) and words[position].startswith("-"):
        word = words[position]
        if word in RUN_FLAGS:
            setattr(args, RUN_FLAGS[word], True)
            position += 1
            continue
        if word not in RUN_VALUES or position + 1 == len(words):
            return None
        value = words[position + 1]
        if value.startswith("-"):
            return None
        dest, convert = RUN_VALUES[word]
        try:
            converted = convert(value)
        except Exception:  # argparse's ArgumentTypeError: argparse reports it
            return None
        if dest == "resolve":
            args.resolve.append(converted)
        else:
            setattr(args, dest, converted)
        position += 2
    if position == len(words):
        return None
    args.script, args.args = words[position], list(words[position + 1:])
    return args


def cmd_check(args: argparse.Namespace) -> int:
    from .parser import parse
    from .source import read_source

    failed = 0
    for name in args.files:
        try:
            text = read_source(name)
            parse(text, path=name, dialect=args.godot)
        except UsageError as exc:  # unreadable file: its message names it already
            failed += 1
            print(f"gdscript: error: {exc.message}", file=sys.stderr)
        except GDScriptError as exc:
            failed += 1
            if exc.path is None:
                exc.path = name
            print(exc.render(), file=sys.stderr)
    return 1 if failed else 0


def cmd_run(args: argparse.Namespace) -> int:
    from .runner import RunTimeout, run_file

    user_args = list(args.args)
    if user_args[:1] == ["--"]:
        user_args = user_args[1:]
    from .sandbox import DEFAULT_MAX_MEMORY_MB, memory_ceiling, sandboxed

    undo = _network_options(args)
    limit = args.max_memory or (DEFAULT_MAX_MEMORY_MB if args.sandbox else None)
    scope = sandboxed(args.allow_net, limit) if args.sandbox else memory_ceiling(limit)
    try:
        with scope:
            return run_file(args.script, dialect=args.godot, args=user_args,
                            timeout=args.timeout, strict=args.strict)
    except RunTimeout:
        print(f"gdscript: timeout: the script ran longer than {args.timeout:g} s",
              file=sys.stderr)
        return 1
    finally:
        undo()


def _network_options(args: argparse.Namespace) -> Any:
    """Apply --offline/--resolve/--ca-file; returns the undo function."""
    if not (args.offline or args.resolve or args.ca_file):
        return lambda: None  # nothing to set up: keep start-up free of the HTTP stack
    from .network_options import apply_network_options

    return apply_network_options(offline=args.offline, resolve=args.resolve,
                                 ca_file=args.ca_file)


def cmd_serve_fixtures(args: argparse.Namespace) -> int:
    from .network_options import serve_fixtures

    return serve_fixtures(args.port)


def cmd_godot_test(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import godot_tests

    return godot_tests.main([Path(p) for p in args.paths],
                            emit=Path(args.emit) if args.emit else None,
                            verbose=args.verbose, stage=args.stage)


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = read_run_command(words)
    if args is None:
        parser = build_arg_parser(words)
        args = parser.parse_args(words)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
    try:
        return int(args.handler(args))
    except UsageError as exc:
        print(f"gdscript: error: {exc.message}", file=sys.stderr)
        return 2
    except GDScriptError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("gdscript: interrupted", file=sys.stderr)
        return 130
    except Exception:  # a bug of ours: never the user's fault
        if args.debug:
            import traceback

            from .loader import register_sources_for_tracebacks

            register_sources_for_tracebacks()
            traceback.print_exc()
        else:
            print("gdscript: internal error (a bug in gdscript, not in your script). "
                  "Please report it with the input that caused it; "
                  "rerun with --debug for the Python traceback.", file=sys.stderr)
        return 70


def console_main() -> None:
    """The ``gdscript`` command (and ``python -m gdscript``): ``main``, then the end of
    the process.  Files a script left open are closed first, as Godot closes them when
    it quits; then the interpreter's last garbage collections, which would walk every
    object of the run for nothing but tens of milliseconds, are skipped (``gc.freeze``)."""
    code = main()
    files = sys.modules.get("gdscript.stdlib.files")
    if files is not None:
        files.close_open_files()
    import gc

    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    console_main()
