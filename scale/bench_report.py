"""The benchmark's budgets, its table, and the JSON and Markdown it leaves in var/bench/."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import dataclass
from pathlib import Path

from django.db import connection
from django.utils import timezone

from .bench_load import LoadResult
from .bench_pages import PageResult
from .bench_sweep import SweepResult

PAGE_P95_MS = 50
# A full-text search and a filtered list of enquiries (scale.bench_pages).
FIND_P95_MS = 100
FIND_PAGES = ("Enquiry search (full text)", "Filtered enquiry list")
PAGE_QUERIES = 15
REPORT_P95_MS = 1000
SWEEP_IDLE_S = 0.5
SWEEP_DUE_S = 10
LOAD_P95_MS = 250
REPORT_PAGE = "Annual report (one year)"


@dataclass
class Row:
    what: str
    p50: str
    p95: str
    queries: str
    budget: str
    held: bool
    where: str = "-"  # where one request's time went: SQL and this process's CPU

    @property
    def verdict(self) -> str:
        return "held" if self.held else "MISSED"


def _ms(value: float) -> str:
    return f"{value:.1f}"


def page_rows(pages: list[PageResult], other_queries: dict[str, int] | None) -> list[Row]:
    rows = []
    for page in pages:
        same = ""
        held_same = True
        if other_queries and page.name in other_queries:
            held_same = other_queries[page.name] == page.queries
            same = " (same as other factor)" if held_same else (
                f" (was {other_queries[page.name]} at other factor)"
            )  # fmt: skip
        if page.error:
            rows.append(Row(page.name, "-", "-", str(page.queries), page.error, False))
            continue
        if page.name == REPORT_PAGE:
            budget, held = f"p95 ≤ {REPORT_P95_MS} ms", page.p95 <= REPORT_P95_MS
        elif page.name in FIND_PAGES:
            budget = f"p95 ≤ {FIND_P95_MS} ms, ≤ {PAGE_QUERIES} queries, same count"
            held = page.p95 <= FIND_P95_MS and page.queries <= PAGE_QUERIES and held_same
        else:
            budget = f"p95 ≤ {PAGE_P95_MS} ms, ≤ {PAGE_QUERIES} queries, same count"
            held = page.p95 <= PAGE_P95_MS and page.queries <= PAGE_QUERIES and held_same
        where = f"SQL {page.sql_ms:.0f}, CPU {page.cpu_p50:.0f}"
        rows.append(Row(page.name, _ms(page.p50), _ms(page.p95), f"{page.queries}{same}",
                        budget, held, where))  # fmt: skip
    return rows


def sweep_rows(idle: SweepResult, due: SweepResult | None) -> list[Row]:
    rows = [
        Row(idle.name, _ms(1000 * sorted(idle.seconds)[len(idle.seconds) // 2]),
            _ms(1000 * idle.worst) + " (worst)", "-", f"≤ {SWEEP_IDLE_S} s, no steps",
            idle.ok and idle.worst <= SWEEP_IDLE_S),
    ]  # fmt: skip
    if due is not None:
        rows.append(
            Row(due.name, _ms(1000 * due.worst), _ms(1000 * due.worst), f"{due.steps} steps",
                f"≤ {SWEEP_DUE_S} s, each once", due.ok and due.worst <= SWEEP_DUE_S)
        )  # fmt: skip
    return rows


def load_row(load: LoadResult) -> Row:
    return Row(
        f"{load.users} users on dashboards, {load.seconds} s ({load.requests} requests, "
        f"{load.rps:.1f}/s, {load.failures} errors)",
        _ms(load.p50), _ms(load.p95), "-", f"p95 ≤ {LOAD_P95_MS} ms, 0 errors",
        load.requests > 0 and load.p95 <= LOAD_P95_MS and load.failures == 0,
    )  # fmt: skip


HEADERS = ("What", "p50 ms", "p95 ms", "SQL queries", "ms in SQL / Python CPU", "Budget", "Verdict")


def _cells(r: Row) -> tuple:
    return (r.what, r.p50, r.p95, r.queries, r.where, r.budget, r.verdict)


def table(rows: list[Row]) -> str:
    cells = [HEADERS] + [_cells(r) for r in rows]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(HEADERS))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(rows: list[Row], title: str, notes: list[str]) -> str:
    lines = [f"# {title}", "", *notes, "", "| " + " | ".join(HEADERS) + " |",
             "|" + "---|" * len(HEADERS)]  # fmt: skip
    for r in rows:
        lines.append("| " + " | ".join(str(c) for c in _cells(r)) + " |")
    return "\n".join(lines) + "\n"


def environment() -> dict:
    with connection.cursor() as cursor:
        version = connection.vendor
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            version = f"PostgreSQL {cursor.fetchone()[0]}"
    return {
        "database": version,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
    }


def previous_queries(out_dir: Path, factor: float) -> tuple[float | None, dict[str, int]]:
    """Query counts per page from the latest run at another factor, to compare with."""
    found = sorted(out_dir.glob("bench-factor-*.json"), key=lambda p: p.stat().st_mtime)
    for path in reversed(found):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("factor") != factor:
            return data["factor"], {p["name"]: p["queries"] for p in data.get("pages", [])}
    return None, {}


def write(out_dir: Path, factor: float, data: dict, rows: list[Row], notes: list[str]) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    data["rows"] = [vars(r) | {"verdict": r.verdict} for r in rows]
    data["written_at"] = timezone.now().isoformat()
    name = f"bench-factor-{factor:g}"
    (out_dir / f"{name}.json").write_text(json.dumps(data, indent=2, default=str), "utf-8")
    path = out_dir / f"{name}.md"
    path.write_text(markdown(rows, f"Benchmark at factor {factor:g}", notes), "utf-8")
    return path
