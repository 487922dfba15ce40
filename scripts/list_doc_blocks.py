#!/usr/bin/env python3
"""List the GDScript code blocks of documentation files, to measure a docs corpus.

Usage: list_doc_blocks.py [--all-languages] [--per-file] [--claims] PATH...

One line per block: ``path:line kind dialect lines class`` (dialect 3, 4 or ?; lines = the
block's line count; class = gdscript.docsnippets.classify), then ``--claims`` adds one line per
claim.  The summary (lines starting with ``#``) counts blocks by kind, class and dialect, and
the claims by kind; ``--per-file`` adds a block count per file.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from gdscript import docsnippets


class Tally:
    """Counters for the summary."""

    def __init__(self) -> None:
        self.kinds: Counter = Counter()
        self.classes: Counter = Counter()
        self.dialects: Counter = Counter()
        self.claims: Counter = Counter()
        self.files: Counter = Counter()
        self.langs: Counter = Counter()


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    tally = Tally()
    for block in docsnippets.extract_from_paths(args.paths, all_languages=args.all_languages):
        tally.langs[block.lang] += 1
        tally.files[block.path] += 1
        if block.is_gdscript:
            _report_block(block, args.claims, tally)
        else:
            print(f"{block.path}:{block.line} {block.kind} lang={block.lang} "
                  f"{block.text.count(chr(10)) + 1}")
    _summary(tally, args.per_file)
    return 0


def _report_block(block: docsnippets.CodeBlock, show_claims: bool, tally: Tally) -> None:
    cls = docsnippets.classify(block)
    dialect = block.dialect_hint or "?"
    print(f"{block.path}:{block.line} {block.kind} {dialect} "
          f"{block.text.count(chr(10)) + 1} {cls}")
    tally.kinds[block.kind] += 1
    tally.classes[cls] += 1
    tally.dialects[dialect] += 1
    for claim in docsnippets.find_claims(block):
        tally.claims[claim.kind] += 1
        if show_claims:
            target = claim.statement_line and block.doc_line(claim.statement_line)
            print(f"    claim {block.doc_line(claim.line)} {claim.kind} -> {target} "
                  f"{claim.expected_lines!r}")


def _fmt(counter: Counter) -> str:
    return " ".join(f"{k}={v}" for k, v in sorted(counter.items(), key=lambda kv: str(kv[0])))


def _summary(tally: Tally, per_file: bool) -> None:
    total = sum(tally.kinds.values())
    checkable = sum(v for k, v in tally.claims.items() if k != "vague")
    print(f"# {total} GDScript blocks in {len(tally.files)} files with blocks")
    print(f"# by kind: {_fmt(tally.kinds)}")
    print(f"# by class: {_fmt(tally.classes)}")
    print(f"# by dialect hint: {_fmt(tally.dialects)}")
    print(f"# claims: {sum(tally.claims.values())} ({_fmt(tally.claims)}); "
          f"checkable (not vague): {checkable}")
    if len(tally.langs) > 1 or "gdscript" not in tally.langs:
        print(f"# by language: {_fmt(tally.langs)}")
    if per_file:
        for path, count in sorted(tally.files.items()):
            print(f"# file {path} {count}")


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--all-languages", action="store_true",
                        help="also list non-GDScript blocks (C#, text, shell, ...)")
    parser.add_argument("--per-file", action="store_true", help="block count per file")
    parser.add_argument("--claims", action="store_true", help="list the claims of each block")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
