#!/usr/bin/env python3
"""Benchmark suite of issue 5: the `gdscript` engine against Godot 3.2.3 and Python.

Usage: python3 scripts/bench/run.py [--runs N] [--only NAME[,NAME]] [--no-godot]
           [--dialect 3|4] [--timeout S] [--download-mb MB] [--json FILE]

Every benchmark is a whole process timed by wall clock: ``gdscript run`` (the
console script installed beside this Python, else ``python -m gdscript``) of the
GDScript program (the 4.x form by default, ``--dialect 3`` for the 3.x form),
``godot3-server -s`` of its 3.x form, and its hand-written Python twin in
python/.  Each round runs the implementations one after the other, so machine
noise hits them alike.  Every program prints a ``checksum:`` line; all must
agree (a mismatch is flagged and makes the exit code 1).  Peak RSS comes from
``/usr/bin/time -f %M`` when present.  A run that times out or fails is not
repeated for that implementation, nor one slower than ``--slow`` seconds.  The
HTTP benchmark downloads from a loopback server started here (127.0.0.1) and
gets ``PORT SIZE`` as user arguments.  Targets of the issue are reported, not
asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import report  # noqa: E402
from loopback_server import LoopbackServer  # noqa: E402

TIME_BIN = "/usr/bin/time"
GODOT3 = "godot3-server"
# Python children run as an installed package does: with its modules' bytecode cached
# (an environment that sets PYTHONDONTWRITEBYTECODE would recompile every edited module
# on every start).
PYTHON_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# The ``gdscript`` command users type: the console script beside this Python, if any.
_SCRIPT = Path(sys.executable).with_name("gdscript")
GDSCRIPT = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "gdscript"]


@dataclass(frozen=True)
class Benchmark:
    name: str
    title: str
    target: str           # kind for report.target_lines
    forms: tuple[str, str]  # (3.x file, 4.x file), relative to this folder
    python: str
    http: bool = False    # gets PORT SIZE from the loopback server

    def form(self, dialect: int) -> str:
        return self.forms[0] if dialect == 3 else self.forms[1]


def _same(name: str) -> tuple[str, str]:
    return (f"{name}.gd", f"{name}.gd")


def _split(name: str) -> tuple[str, str]:
    return (f"{name}.3.gd", f"{name}.4.gd")


BENCHMARKS = (
    Benchmark("fib", "recursive fib(27)", "vs_engines", _same("fib"), "fib.py"),
    Benchmark("loop", "3,000,000 iterations with % and branches", "vs_engines",
              _same("loop"), "loop.py"),
    Benchmark("dictionary", "200,000-entry Dictionary built and iterated", "vs_engines",
              _same("dictionary"), "dictionary.py"),
    Benchmark("array_join", "Array append + sort + PackedStringArray join", "vs_engines",
              _split("array_join"), "array_join.py"),
    Benchmark("strings", "string building and % formatting", "", _same("strings"),
              "strings.py"),
    Benchmark("calls", "method calls on script objects and inner classes", "",
              _same("calls"), "calls.py"),
    Benchmark("signals", "signal emission, 3 receivers x 200,000", "", _split("signals"),
              "signals.py"),
    Benchmark("download_loop", "rb = rb + chunk, 5,000 chunks of 4 KiB", "download_loop",
              _split("download_loop"), "download_loop.py"),
    Benchmark("http_download", "HTTPClient poll loop, loopback download", "http",
              _split("http_download"), "http_download.py", http=True),
    Benchmark("empty", "empty script (start-up time)", "startup", _same("empty"), "empty.py"),
)


@dataclass
class RunOutcome:
    wall: float
    returncode: int | None  # None: timed out
    stdout: str
    stderr: str
    rss_kb: int | None


def run_process(cmd: list[str], timeout: float, env: dict[str, str] | None = None,
                cwd: Path = HERE) -> RunOutcome:
    """Run ``cmd`` once; wall time, output and peak RSS (killed after ``timeout``)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        full = cmd
        if os.access(TIME_BIN, os.X_OK):
            full = [TIME_BIN, "-f", "%M", "-o", rss_file.name, *cmd]
        start = time.perf_counter()
        proc = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                                env=env, start_new_session=True, text=True, errors="replace")
        try:
            out, err = proc.communicate(timeout=timeout)
            code: int | None = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # our own child's process group only
            out, err = proc.communicate()
            code = None
        wall = time.perf_counter() - start
        return RunOutcome(wall, code, out, err, _read_rss(rss_file.name))


def _read_rss(path: str) -> int | None:
    try:
        lines = Path(path).read_text().split()
    except OSError:
        return None
    return int(lines[-1]) if lines and lines[-1].isdigit() else None


def tagged_lines(text: str, tag: str) -> list[str]:
    """Lines starting with ``tag`` (e.g. 'checksum:'), whitespace collapsed."""
    return [" ".join(line.split()) for line in text.splitlines() if line.startswith(tag)]


ERROR_MARKERS = ("SCRIPT ERROR", "Parse Error", "gdscript:", "Traceback", "ERROR:")


def script_error(outcome: RunOutcome) -> str | None:
    """The error text of a run: a reported error, else the tail of a failed run's output."""
    text = outcome.stderr + outcome.stdout
    marker = next((m for m in ERROR_MARKERS if m in text), None)
    if marker is not None:
        start = text.find(marker)
        return text[start:start + 600]
    if outcome.returncode in (0, None):
        return None  # clean, or killed by the timeout with nothing to say
    return text[-600:] or f"exit code {outcome.returncode}"


def commands(bench: Benchmark, impl: str, dialect: int,
             args: list[str]) -> tuple[list[str], dict | None]:
    """The command line (and environment) of one implementation of ``bench``.

    Godot 3 gets the script's absolute path: it runs in a scratch directory,
    where it writes its logs/ folder."""
    if impl == "gdscript":
        return ([*GDSCRIPT, "run", "--godot", str(dialect), bench.form(dialect), "--", *args],
                PYTHON_ENV)
    if impl == "godot3":
        env = dict(os.environ, LANG="en_US.UTF-8")
        return ([GODOT3, "--no-window", "-s", str(HERE / bench.form(3)), "--", *args], env)
    return ([sys.executable, str(Path("python") / bench.python), *args], PYTHON_ENV)


def record(result: dict[str, Any], outcome: RunOutcome, timeout: float) -> None:
    """Fold one run into an implementation's result (status ok / failed / timeout)."""
    if outcome.returncode is None:
        result.update(status="timeout", timeout=timeout, note=f"killed after {timeout:g} s")
        error = script_error(outcome)
        if error:
            result["error"] = error
        return
    error = script_error(outcome)
    if error:
        result.update(status="failed", error=error, note=f"exit code {outcome.returncode}")
        return
    result["times"].append(outcome.wall)
    if outcome.rss_kb is not None:
        result["rss_kb"].append(outcome.rss_kb)
    for line in tagged_lines(outcome.stdout, "checksum:"):
        if line not in result["checksums"]:
            result["checksums"].append(line)
    for line in tagged_lines(outcome.stdout, "elapsed_ms:"):
        result["elapsed_ms"].append(int(line.split()[-1]))


def run_benchmark(bench: Benchmark, impls: list[str], options: argparse.Namespace,
                  port: int | None) -> dict[str, dict[str, Any]]:
    """N rounds; in each, every implementation still in the race runs once."""
    args = [str(port), str(options.download_mb * report.MB)] if bench.http else []
    results = {impl: {"status": "ok", "times": [], "rss_kb": [], "checksums": [],
                      "elapsed_ms": []} for impl in impls}
    for round_no in range(options.runs):
        for impl in impls:
            if results[impl]["status"] != "ok" or results[impl].get("capped"):
                continue
            cmd, env = commands(bench, impl, options.dialect, args)
            cwd = Path(options.scratch) if impl == "godot3" else HERE
            outcome = run_process(cmd, options.timeout, env, cwd)
            record(results[impl], outcome, options.timeout)
            if (results[impl]["status"] == "ok" and outcome.wall > options.slow
                    and round_no + 1 < options.runs):
                results[impl]["note"] = f"runs capped: one took {outcome.wall:.0f} s > --slow"
                results[impl]["capped"] = True
            print(f"  [{bench.name} round {round_no + 1}/{options.runs}] {impl}: "
                  f"{results[impl]['status']} {outcome.wall:.3f} s", file=sys.stderr, flush=True)
    return results


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per implementation (default 5)")
    parser.add_argument("--only", help="comma-separated benchmark names")
    parser.add_argument("--no-godot", action="store_true", help="skip Godot 3")
    parser.add_argument("--no-python", action="store_true", help="skip the Python twins")
    parser.add_argument("--dialect", type=int, choices=(3, 4), default=4,
                        help="which form gdscript runs (default 4)")
    parser.add_argument("--timeout", type=float, default=120.0,
                        help="seconds per run before it is killed (default 120)")
    parser.add_argument("--slow", type=float, default=30.0,
                        help="after a run longer than this, do not repeat it (default 30 s)")
    parser.add_argument("--download-mb", type=int, default=200,
                        help="body size of the HTTP download in MB of 10^6 bytes (default 200)")
    parser.add_argument("--json", metavar="FILE", help="save all results as JSON")
    parser.add_argument("--from-json", metavar="FILE",
                        help="print the tables of a saved --json file instead of running")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    options = parser.parse_args(argv)
    if options.runs < 1 or options.timeout <= 0 or not 1 <= options.download_mb <= 1000:
        parser.error("--runs and --timeout must be positive, --download-mb 1..1000")
    return options


def selected(only: str | None) -> list[Benchmark]:
    if not only:
        return list(BENCHMARKS)
    names = [n.strip() for n in only.split(",") if n.strip()]
    known = {b.name: b for b in BENCHMARKS}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"run.py: unknown benchmark(s) {', '.join(unknown)}; "
                         f"known: {', '.join(known)}")
    return [known[n] for n in names]


def implementations(options: argparse.Namespace) -> tuple[list[str], list[str]]:
    """(implementations to run, notes about the ones left out)."""
    impls, notes = ["gdscript"], []
    if options.no_godot:
        notes.append("godot3 column skipped (--no-godot)")
    elif shutil.which(GODOT3) is None:
        notes.append(f"godot3 column skipped: {GODOT3} is not installed")
    else:
        impls.append("godot3")
    if options.no_python:
        notes.append("python column skipped (--no-python)")
    else:
        impls.append("python")
    return impls, notes


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    if options.list:
        for bench in BENCHMARKS:
            print(f"{bench.name:<14} {bench.title}")
        return 0
    if options.from_json:
        saved = json.loads(Path(options.from_json).read_text())
        print(_header(saved["meta"]))
        return print_rows(saved["benchmarks"], saved["meta"])
    benches = selected(options.only)
    impls, notes = implementations(options)
    meta = {"dialect": options.dialect, "runs": options.runs, "timeout": options.timeout,
            "download_bytes": options.download_mb * report.MB, "notes": notes}
    print(_header(meta), flush=True)
    rows = []
    with LoopbackServer() as port, tempfile.TemporaryDirectory() as options.scratch:
        for bench in benches:
            results = run_benchmark(bench, impls, options, port if bench.http else None)
            rows.append({"name": bench.name, "title": bench.title, "target": bench.target,
                         "results": results})
            print_block(rows[-1], meta)
    if options.json:
        Path(options.json).write_text(json.dumps({"meta": meta, "benchmarks": rows}, indent=2))
    return print_summary(rows)


def _header(meta: dict[str, Any]) -> str:
    lines = [f"gdscript runs the {meta['dialect']}.x form; {meta['runs']} runs each, "
             f"timeout {meta['timeout']:g} s; wall clock of whole processes", *meta["notes"]]
    return "\n".join(lines)


def print_block(row: dict[str, Any], meta: dict[str, Any]) -> None:
    body = meta["download_bytes"] if row["target"] == "http" else None
    targets = report.target_lines(row["target"], row["results"], body)
    row["targets"] = targets
    print("\n" + report.bench_table(row["name"], row["title"], row["results"], targets),
          flush=True)


def print_summary(rows: list[dict[str, Any]]) -> int:
    """The closing summary table; 1 when any checksum disagreed."""
    print("\nSummary (medians)\n" + report.summary_table(rows))
    mismatch = [r["name"] for r in rows if not report.checksum_verdict(r["results"])[0]]
    if mismatch:
        print(f"\n!!! CHECKSUM MISMATCH in: {', '.join(mismatch)} !!!")
    return 1 if mismatch else 0


def print_rows(rows: list[dict[str, Any]], meta: dict[str, Any]) -> int:
    kinds = {b.name: b.target for b in BENCHMARKS}
    for row in rows:
        row.setdefault("target", kinds.get(row["name"], ""))
        print_block(row, meta)
    return print_summary(rows)


if __name__ == "__main__":
    sys.exit(main())
