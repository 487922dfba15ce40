"""Summaries and tables for the benchmark runner (no processes here).

``summarize(times)`` gives median/min/max; ``checksum_verdict(results)`` says
whether every implementation printed the same checksum line; ``bench_table``
and ``summary_table`` render the text the runner prints; ``target_lines``
judges a benchmark's figures against the targets of issue 5 (reported, never
asserted).
"""

from __future__ import annotations

import statistics
from typing import Any

IMPLEMENTATIONS = ("gdscript", "godot3", "python")
MB = 1_000_000


def summarize(times: list[float]) -> dict[str, float] | None:
    """Median, min and max of the wall times, or None when there are none."""
    if not times:
        return None
    return {"median": statistics.median(times), "min": min(times), "max": max(times)}


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def median_of(result: dict[str, Any] | None) -> float | None:
    """The median wall time of one implementation's result, if it ran cleanly."""
    if not result or result.get("status") != "ok":
        return None
    summary = summarize(result.get("times", []))
    return summary["median"] if summary else None


def checksum_verdict(results: dict[str, dict[str, Any]]) -> tuple[bool, str]:
    """(agree, text): True when all implementations that ran printed one same checksum."""
    seen = {impl: r["checksums"] for impl, r in results.items() if r.get("checksums")}
    distinct = {line for lines in seen.values() for line in lines}
    if len(distinct) <= 1:
        return True, (f"checksums agree: {next(iter(distinct))}" if distinct
                      else "no checksum line printed")
    parts = "; ".join(f"{impl}: {' | '.join(sorted(lines))}" for impl, lines in seen.items())
    return False, f"!!! CHECKSUM MISMATCH !!! {parts}"


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _ratio_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _rss_text(result: dict[str, Any]) -> str:
    rss = result.get("rss_kb") or []
    return f"{max(rss) / 1024:.1f} MiB" if rss else "-"


def _row(impl: str, result: dict[str, Any]) -> str:
    status = result.get("status", "ok")
    summary = summarize(result.get("times", []))
    if status == "ok" and summary:
        cells = [_seconds(summary[k]) for k in ("median", "min", "max")]
        count = len(result["times"])
        note = f"{count} run{'s' if count > 1 else ''}"
        if result.get("note"):
            note += "; " + result["note"]
    else:
        label = {"timeout": f">{result.get('timeout', 0):g}s TIMEOUT",
                 "failed": "FAILED", "skipped": "skipped"}.get(status, status)
        cells = [label, "-", "-"]
        note = result.get("note", "")
    return (f"  {impl:<9} {cells[0]:>16} {cells[1]:>8} {cells[2]:>8} "
            f"{_rss_text(result):>11}  {note}")


def bench_table(name: str, title: str, results: dict[str, dict[str, Any]],
                targets: list[str]) -> str:
    """The per-benchmark block: one row per implementation, ratios, checksum, targets."""
    lines = [f"== {name}: {title}",
             f"  {'impl':<9} {'median s':>16} {'min s':>8} {'max s':>8} {'peak RSS':>11}"]
    lines += [_row(impl, results[impl]) for impl in IMPLEMENTATIONS if impl in results]
    gd = median_of(results.get("gdscript"))
    lines.append(f"  gdscript/godot3 {_ratio_text(ratio(gd, median_of(results.get('godot3'))))}"
                 f"   gdscript/python {_ratio_text(ratio(gd, median_of(results.get('python'))))}")
    lines.append("  " + checksum_verdict(results)[1])
    lines += [("  " if text.startswith("(") else "  target: ") + text for text in targets]
    for impl, result in results.items():
        if result.get("error"):
            lines.append(f"  {impl} error: " + result["error"].strip().replace("\n", "\n    "))
    return "\n".join(lines)


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "MISSED")


def target_lines(kind: str, results: dict[str, dict[str, Any]],
                 body_size: int | None = None) -> list[str]:
    """Issue 5's targets for one benchmark kind, each with its measured figure."""
    gd_result = results.get("gdscript", {})
    gd = median_of(gd_result)
    if kind == "vs_engines":
        r3 = ratio(gd, median_of(results.get("godot3")))
        rpy = ratio(gd, median_of(results.get("python")))
        return [f"gdscript/godot3 <= 1.00x: {_ratio_text(r3)} {_verdict(None if r3 is None else r3 <= 1.0)}",
                f"gdscript/python <= 1.50x: {_ratio_text(rpy)} {_verdict(None if rpy is None else rpy <= 1.5)}"]
    if kind in ("startup", "download_loop"):
        limit = 0.15 if kind == "startup" else 0.5
        return [f"gdscript median <= {limit:.2f} s: {_seconds(gd)} s "
                f"{_verdict(None if gd is None else gd <= limit)}"]
    if kind == "http":
        return _http_targets(gd_result, gd, body_size or 0) + [_rates(results, body_size or 0)]
    return []


def _http_targets(result: dict[str, Any], wall: float | None, body_size: int) -> list[str]:
    elapsed = result.get("elapsed_ms") or []
    transfer = statistics.median(elapsed) / 1000 if elapsed and result.get("status") == "ok" else None
    rate = body_size / MB / transfer if transfer else None
    wall_rate = body_size / MB / wall if wall else None
    rss = result.get("rss_kb") or []
    rss_ratio = max(rss) * 1024 / body_size if rss and body_size and result.get("status") == "ok" else None
    rate_text = "-" if rate is None else f"{rate:.0f} MB/s"
    wall_text = "-" if wall_rate is None else f"{wall_rate:.0f} MB/s"
    rss_text = "-" if rss_ratio is None else f"{rss_ratio:.2f}x"
    return [f"gdscript transfer >= 500 MB/s: {rate_text} in-script "
            f"({wall_text} over the whole process) {_verdict(None if rate is None else rate >= 500)}",
            f"gdscript peak RSS <= 2.5x body ({body_size / MB:.0f} MB): {rss_text} "
            f"{_verdict(None if rss_ratio is None else rss_ratio <= 2.5)}"]


def _rates(results: dict[str, dict[str, Any]], body_size: int) -> str:
    """In-script transfer rate of every implementation that finished (for comparison)."""
    parts = []
    for impl, result in results.items():
        elapsed = result.get("elapsed_ms") or []
        if result.get("status") == "ok" and elapsed and statistics.median(elapsed) > 0:
            parts.append(f"{impl} {body_size / MB / (statistics.median(elapsed) / 1000):.0f} MB/s")
    return "(in-script rates: " + (", ".join(parts) or "none") + ")"


def summary_table(rows: list[dict[str, Any]]) -> str:
    """One line per benchmark: medians of the three implementations and both ratios."""
    head = (f"{'benchmark':<14} {'gdscript s':>11} {'godot3 s':>11} {'python s':>10} "
            f"{'gd/godot3':>10} {'gd/python':>10}  checksums  targets met")
    lines = [head, "-" * len(head)]
    for row in rows:
        res = row["results"]
        cells = [_cell(res.get(impl)) for impl in IMPLEMENTATIONS]
        gd = median_of(res.get("gdscript"))
        r3 = ratio(gd, median_of(res.get("godot3")))
        rpy = ratio(gd, median_of(res.get("python")))
        agree = "ok" if checksum_verdict(res)[0] else "MISMATCH"
        lines.append(f"{row['name']:<14} {cells[0]:>11} {cells[1]:>11} {cells[2]:>10} "
                     f"{_ratio_text(r3):>10} {_ratio_text(rpy):>10}  {agree:<9}  "
                     f"{_targets_met(row.get('targets', []))}")
    return "\n".join(lines)


def _targets_met(targets: list[str]) -> str:
    """'met/judged' over the target lines of one benchmark ('-' when it has none)."""
    judged = [t for t in targets if t.endswith((" met", " MISSED", " n/a"))]
    if not judged:
        return "-"
    met = sum(t.endswith(" met") for t in judged)
    return f"{met}/{len(judged)}"


def _cell(result: dict[str, Any] | None) -> str:
    if result is None:
        return "-"
    status = result.get("status", "ok")
    if status == "ok":
        return _seconds(median_of(result))
    return {"timeout": f">{result.get('timeout', 0):g}s", "failed": "FAILED", "skipped": "skipped"}.get(status, status)
