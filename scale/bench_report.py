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
from .bench_pages import FLOOR, PageResult
from .bench_sweep import SweepResult

PAGE_P95_MS = 50
# Full-text searches and filtered lists of enquiries and complaints (scale.bench_pages).
FIND_P95_MS = 100
FIND_PAGES = (
    "Enquiry search (full text)",
    "Filtered enquiry list",
    "Complaint search (full text)",
    "Filtered complaint list",
)
PAGE_QUERIES = 15
# Python CPU per request (this process's time.process_time, p95): steadier than wall time on a
# shared machine. The enquiry detail has a tighter budget.
PAGE_CPU_MS = 15
CPU_MS_BY_PAGE = {"Enquiry detail": 10}
REPORT_P95_MS = 1000
SWEEP_IDLE_S = 0.5
SWEEP_DUE_S = 1.5  # 1,000 escalations due, batched (protocol_site.cases.batch)
LOAD_P95_MS = 250
REPORT_PAGE = "Annual report (one year)"


@dataclass
class Row:
    what: str
    p50: str
    p95: str
    queries: str
    budget: str
    held: bool | None  # None: a reference (the floor), no budget
    where: str = "-"  # where one request's time went: SQL and this process's CPU
    ratio: str = "-"  # p50 as a multiple of the floor's p50, timed in the same run
    cpu: str = "-"  # Python CPU per request, p50 / p95 ms
    cpu_budget: str = "-"
    cpu_held: bool | None = None  # None: no CPU budget
    load: str = "-"  # the 1-minute load average as its timing began and ended

    @property
    def verdict(self) -> str:
        return "-" if self.held is None else ("held" if self.held else "MISSED")

    @property
    def cpu_verdict(self) -> str:
        return "-" if self.cpu_held is None else ("held" if self.cpu_held else "MISSED")


def _ms(value: float) -> str:
    return f"{value:.1f}"


def _cpu_budget(page: PageResult) -> tuple[str, bool | None]:
    if page.name in (REPORT_PAGE, FLOOR):
        return "-", None
    budget = CPU_MS_BY_PAGE.get(page.name, PAGE_CPU_MS)
    return f"p95 ≤ {budget} ms", page.cpu_p95 <= budget


def page_rows(pages: list[PageResult], other_queries: dict[str, int] | None) -> list[Row]:
    floor = next((p for p in pages if p.name == FLOOR and not p.error and p.p50), None)
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
        if page.name == FLOOR:
            budget, held = "none: the yardstick", None
        elif page.name == REPORT_PAGE:
            budget, held = f"p95 ≤ {REPORT_P95_MS} ms", page.p95 <= REPORT_P95_MS
        elif page.name in FIND_PAGES:
            budget = f"p95 ≤ {FIND_P95_MS} ms, ≤ {PAGE_QUERIES} queries, same count"
            held = page.p95 <= FIND_P95_MS and page.queries <= PAGE_QUERIES and held_same
        else:
            budget = f"p95 ≤ {PAGE_P95_MS} ms, ≤ {PAGE_QUERIES} queries, same count"
            held = page.p95 <= PAGE_P95_MS and page.queries <= PAGE_QUERIES and held_same
        cpu_budget, cpu_held = _cpu_budget(page)
        rows.append(
            Row(
                page.name, _ms(page.p50), _ms(page.p95), f"{page.queries}{same}", budget, held,
                where=f"SQL {page.sql_ms:.0f}, CPU {page.cpu_p50:.0f}",
                ratio=f"{page.p50 / floor.p50:.1f}×" if floor else "-",
                cpu=f"{page.cpu_p50:.1f} / {page.cpu_p95:.1f}",
                cpu_budget=cpu_budget, cpu_held=cpu_held,
                load=f"{page.load[0]:.1f}→{page.load[1]:.1f}",
            )
        )  # fmt: skip
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


HEADERS = (
    "What", "p50 ms", "p95 ms", "× floor (p50)", "SQL queries", "ms in SQL / Python CPU",
    "Budget", "Verdict", "CPU ms p50 / p95", "CPU budget", "CPU verdict", "Load (1 min)",
)  # fmt: skip


def _cells(r: Row) -> tuple:
    return (r.what, r.p50, r.p95, r.ratio, r.queries, r.where, r.budget, r.verdict, r.cpu,
            r.cpu_budget, r.cpu_verdict, r.load)  # fmt: skip


def budgets_held(rows: list[Row]) -> tuple[int, int]:
    """(held, of): every time-and-queries budget and every CPU budget."""
    verdicts = [r.held for r in rows] + [r.cpu_held for r in rows]
    counted = [v for v in verdicts if v is not None]
    return sum(counted), len(counted)


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
    """The machine and the database server the run was timed on. The server's memory for
    table pages (shared_buffers) against the size of the enquiries table says whether a page
    that reads many enquiries read them from the server's memory or from the system's."""
    found = {"database": connection.vendor}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            found["database"] = f"PostgreSQL {cursor.fetchone()[0]}"
            cursor.execute("SHOW shared_buffers")
            found["shared_buffers"] = cursor.fetchone()[0]
            cursor.execute("SELECT pg_size_pretty(pg_table_size('enquiries_enquiry'))")
            found["enquiries_table"] = cursor.fetchone()[0]
    return found | {
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
    data["rows"] = [vars(r) | {"verdict": r.verdict, "cpu_verdict": r.cpu_verdict} for r in rows]
    data["written_at"] = timezone.now().isoformat()
    name = f"bench-factor-{factor:g}"
    (out_dir / f"{name}.json").write_text(json.dumps(data, indent=2, default=str), "utf-8")
    path = out_dir / f"{name}.md"
    path.write_text(markdown(rows, f"Benchmark at factor {factor:g}", notes), "utf-8")
    return path
