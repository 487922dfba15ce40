"""The benchmark runner of issue 5 (scripts/bench/): its arithmetic, tables and
checksum check, its process handling, its loopback server, and that every
benchmark program parses (`gdscript check`) or compiles (the Python twins).
Nothing here is timed: the suite itself is run by hand with run.py.
"""

from __future__ import annotations

import importlib
import py_compile
import socket
import subprocess
import sys
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parents[2] / "scripts" / "bench"
sys.path.insert(0, str(BENCH_DIR))
report = importlib.import_module("report")
run = importlib.import_module("run")
loopback_server = importlib.import_module("loopback_server")


def result(times, status="ok", checksums=("checksum: 1",), **extra):
    base = {"status": status, "times": list(times), "rss_kb": [], "checksums": list(checksums),
            "elapsed_ms": []}
    base.update(extra)
    return base


class TestSummaries:
    def test_median_min_max_odd_count(self):
        assert report.summarize([3.0, 1.0, 2.0, 9.0, 4.0]) == {"median": 3.0, "min": 1.0,
                                                              "max": 9.0}

    def test_median_even_count_is_mean_of_middle_two(self):
        assert report.summarize([4.0, 1.0, 2.0, 3.0])["median"] == 2.5

    def test_no_times_no_summary(self):
        assert report.summarize([]) is None

    def test_ratio_of_missing_or_zero_is_none(self):
        assert report.ratio(2.0, 4.0) == 0.5
        assert report.ratio(None, 4.0) is None
        assert report.ratio(2.0, None) is None
        assert report.ratio(2.0, 0.0) is None

    def test_median_of_failed_result_is_none(self):
        assert report.median_of(result([1.0], status="failed")) is None
        assert report.median_of(result([1.0, 5.0, 2.0])) == 2.0


class TestChecksums:
    def test_agreeing_checksums(self):
        ok, text = report.checksum_verdict({"gdscript": result([1]), "godot3": result([1])})
        assert ok and text == "checksums agree: checksum: 1"

    def test_mismatch_is_loud_and_names_both(self):
        ok, text = report.checksum_verdict({"gdscript": result([1], checksums=["checksum: 1"]),
                                            "python": result([1], checksums=["checksum: 2"])})
        assert not ok
        assert "CHECKSUM MISMATCH" in text and "checksum: 2" in text and "gdscript" in text

    def test_two_lines_from_one_implementation_mismatch(self):
        ok, _ = report.checksum_verdict({"gdscript": result([1], checksums=["a", "b"])})
        assert not ok

    def test_failed_run_without_checksum_does_not_count(self):
        ok, _ = report.checksum_verdict({"gdscript": result([], status="failed", checksums=[]),
                                         "python": result([1])})
        assert ok


class TestTables:
    def results(self):
        return {"gdscript": result([2.0, 4.0, 3.0], rss_kb=[2048, 1024]),
                "godot3": result([1.0, 2.0, 1.5]),
                "python": result([], status="timeout", checksums=[], timeout=120.0)}

    def test_bench_table_rows_and_ratios_from_medians(self):
        text = report.bench_table("fib", "recursive fib", self.results(), ["x"])
        lines = text.splitlines()
        assert lines[0] == "== fib: recursive fib"
        gd_row = next(line for line in lines if line.strip().startswith("gdscript "))
        assert gd_row.split()[1:5] == ["3.000", "2.000", "4.000", "2.0"]
        assert "gdscript/godot3 2.00x" in text
        assert "gdscript/python -" in text
        assert ">120s TIMEOUT" in text
        assert "target: x" in text

    def test_summary_table_row(self):
        text = report.summary_table([{"name": "fib", "results": self.results()}])
        row = text.splitlines()[2].split()
        assert row == ["fib", "3.000", "1.500", ">120s", "2.00x", "-", "ok", "-"]

    def test_summary_counts_targets_met(self):
        row = {"name": "fib", "results": self.results(),
               "targets": ["a: 1.2x MISSED", "b: 0.9x met", "c: - n/a"]}
        assert report.summary_table([row]).splitlines()[2].split()[-1] == "1/3"


class TestTargets:
    def test_engine_ratios_met_and_missed(self):
        lines = report.target_lines("vs_engines", {"gdscript": result([1.2]),
                                                   "godot3": result([1.0]),
                                                   "python": result([1.0])})
        assert lines[0].endswith("1.20x MISSED")
        assert lines[1].endswith("1.20x met")

    def test_startup_limit(self):
        assert report.target_lines("startup", {"gdscript": result([0.1])})[0].endswith("met")
        assert report.target_lines("startup", {"gdscript": result([0.2])})[0].endswith("MISSED")

    def test_download_loop_limit_not_applicable_when_failed(self):
        line = report.target_lines("download_loop", {"gdscript": result([], status="failed")})[0]
        assert line.endswith("n/a")

    def test_http_rate_and_rss_ratio(self):
        body = 200 * report.MB
        gd = result([1.0], elapsed_ms=[500, 400, 300], rss_kb=[int(body * 2 / 1024)])
        lines = report.target_lines("http", {"gdscript": gd}, body)
        assert "500 MB/s in-script" in lines[0] and "(200 MB/s over" in lines[0]
        assert lines[0].endswith("met")
        assert "2.00x met" in lines[1]


class TestRunnerProcesses:
    def test_tagged_lines_collapse_whitespace(self):
        text = "banner\nchecksum:  1   2\nelapsed_ms: 5\n"
        assert run.tagged_lines(text, "checksum:") == ["checksum: 1 2"]

    def test_record_ok_run(self):
        res = result([], checksums=[])
        run.record(res, run.RunOutcome(0.5, 0, "checksum: 7\nelapsed_ms: 12\n", "", 900), 10)
        assert res["times"] == [0.5] and res["checksums"] == ["checksum: 7"]
        assert res["elapsed_ms"] == [12] and res["rss_kb"] == [900]

    def test_record_script_error_with_exit_code_zero_fails(self):
        res = result([], checksums=[])
        err = "SCRIPT ERROR: Invalid call.\n   at: _init (res://x.gd:3)\n"
        run.record(res, run.RunOutcome(0.5, 0, "", err, 900), 10)
        assert res["status"] == "failed" and res["error"].startswith("SCRIPT ERROR: Invalid call.")
        assert res["times"] == []

    def test_record_timeout(self):
        res = result([], checksums=[])
        run.record(res, run.RunOutcome(10.0, None, "", "", None), 10)
        assert res["status"] == "timeout" and res["timeout"] == 10

    def test_run_process_output_and_rss(self):
        outcome = run.run_process([sys.executable, "-c", "print('checksum: 3')"], 30)
        assert outcome.returncode == 0 and outcome.stdout == "checksum: 3\n"
        if Path(run.TIME_BIN).exists():
            assert outcome.rss_kb and outcome.rss_kb > 1000

    def test_run_process_kills_after_timeout(self):
        outcome = run.run_process([sys.executable, "-c", "import time; time.sleep(30)"], 0.5)
        assert outcome.returncode is None and outcome.wall < 10

    def test_godot3_gets_user_arguments_after_double_dash(self):
        bench = next(b for b in run.BENCHMARKS if b.name == "http_download")
        cmd, env = run.commands(bench, "godot3", 4, ["1234", "99"])
        assert cmd[-5:] == ["-s", str(BENCH_DIR / "http_download.3.gd"), "--", "1234", "99"]
        assert env["LANG"] == "en_US.UTF-8"
        cmd, _ = run.commands(bench, "gdscript", 4, ["1234", "99"])
        assert cmd[cmd.index("--godot"):] == ["--godot", "4", "http_download.4.gd", "--",
                                              "1234", "99"]

    def test_unknown_benchmark_name_is_refused(self):
        with pytest.raises(SystemExit, match="unknown benchmark"):
            run.selected("fib,nope")
        assert [b.name for b in run.selected("loop, fib")] == ["loop", "fib"]


class TestLoopbackServer:
    def fetch(self, port, request):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(request)
            data = b""
            while chunk := conn.recv(65536):
                data += chunk
        return data

    def test_serves_pattern_bytes_with_length(self):
        with loopback_server.LoopbackServer() as port:
            data = self.fetch(port, b"GET /bytes/1300000 HTTP/1.1\r\nHost: x\r\n\r\n")
        head, body = data.split(b"\r\n\r\n", 1)
        assert b"Content-Length: 1300000" in head and head.startswith(b"HTTP/1.1 200")
        assert len(body) == 1300000
        assert body[255] == 255 and body[256] == 0 and body[1299999] == 1299999 % 256

    def test_other_paths_get_404(self):
        with loopback_server.LoopbackServer() as port:
            data = self.fetch(port, b"GET /etc/passwd HTTP/1.1\r\n\r\n")
        assert data.startswith(b"HTTP/1.1 404")


def gd_programs():
    return [(b.form(d), d) for b in run.BENCHMARKS for d in (3, 4)]


class TestPrograms:
    @pytest.mark.parametrize("name,dialect", sorted(set(gd_programs())))
    def test_gdscript_program_parses(self, name, dialect):
        proc = subprocess.run([sys.executable, "-m", "gdscript", "check", "--godot", str(dialect),
                               str(BENCH_DIR / name)], capture_output=True, text=True, timeout=60)
        assert proc.returncode == 0, proc.stderr

    @pytest.mark.parametrize("bench", run.BENCHMARKS, ids=lambda b: b.name)
    def test_python_twin_compiles(self, bench, tmp_path):
        py_compile.compile(str(BENCH_DIR / "python" / bench.python), doraise=True,
                           cfile=str(tmp_path / f"{bench.name}.pyc"))

    def test_no_twin_shadows_a_standard_module(self):
        names = {p.stem for p in (BENCH_DIR / "python").glob("*.py")}
        assert not names & set(sys.stdlib_module_names)
