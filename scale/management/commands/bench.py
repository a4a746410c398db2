"""`manage.py bench`: time the key pages, the sweeps and 50 people at once against the seeded
database (not a test database), print the table and write it to var/bench/."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from scale import bench_report as report
from scale.bench_load import bench_load
from scale.bench_pages import bench_pages, choose_cast, scope_sizes
from scale.bench_sweep import bench_escalations_due, bench_nothing_due
from scale.seed import Refused, latest_seed, refuse_production, table_counts


def _load(values) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


class Command(BaseCommand):
    help = "Benchmark the seeded database (see `seed_scale`) against the product's budgets."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=30, help="Timed requests a page.")
        parser.add_argument("--warmup", type=int, default=3, help="Untimed requests first.")
        parser.add_argument("--due", type=int, default=1000, help="Escalations made due.")
        parser.add_argument("--users", type=int, default=50, help="People at once (locust).")
        parser.add_argument("--seconds", type=int, default=60, help="How long they stay.")
        parser.add_argument("--workers", type=int, default=4, help="gunicorn workers.")
        parser.add_argument("--no-load", action="store_true", help="Skip gunicorn and locust.")
        parser.add_argument(
            "--output", default=str(Path(settings.BASE_DIR) / "var" / "bench"), help="Where."
        )

    def handle(self, *args, **o):
        try:
            refuse_production()
        except Refused as error:
            raise CommandError(str(error)) from None
        seeded = latest_seed()
        if seeded is None:
            raise CommandError("Nothing to benchmark: run `manage.py seed_scale` first.")
        out = Path(o["output"])
        say = self.stdout.write
        if settings.DEBUG:
            say(self.style.WARNING("DEBUG is on: timings include debug overhead."))
        say(f"Benchmarking the dataset seeded at factor {seeded.factor:g} ({seeded}).")
        load_before = os.getloadavg()
        cast = choose_cast()
        scopes = scope_sizes(cast)
        say(f"Scopes: {scopes}")
        say("Key pages:")
        pages = bench_pages(warmup=o["warmup"], requests=o["requests"], say=say)
        say("Sweeps:")
        idle = bench_nothing_due(seeded.reference_time)
        say(f"  nothing due: worst {idle.worst:.3f} s; {'; '.join(idle.checks)}")
        due = bench_escalations_due(seeded.reference_time, wanted=o["due"])
        say(f"  {due.due} due: {due.worst:.2f} s, {due.steps} steps; {'; '.join(due.checks)}")
        load = None
        if not o["no_load"]:
            say(f"{o['users']} people on their dashboards for {o['seconds']} s (gunicorn, locust):")
            load = bench_load(
                out_dir=out, users=o["users"], seconds=o["seconds"], workers=o["workers"]
            )
            say(f"  {load.requests} requests, p95 {load.p95:.0f} ms, {load.failures} errors")
        other_factor, other_queries = report.previous_queries(out, seeded.factor)
        rows = report.page_rows(pages, other_queries)
        rows += report.sweep_rows(idle, due)
        if load is not None:
            rows.append(report.load_row(load))
        load_after = os.getloadavg()
        notes = [
            f"Factor {seeded.factor:g}, seeded {seeded.reference_time:%Y-%m-%d %H:%M} "
            f"in {seeded.seconds:g} s. {report.environment()}.",
            f"Load average (1, 5, 15 min) {_load(load_before)} at the start, "
            f"{_load(load_after)} at the end, on {os.cpu_count()} CPUs: other work on the "
            "machine slows every timing (each row gives the 1-minute load as it was timed).",
            "× floor: a page's p50 over the floor's, a bare Django view with one primary-key "
            "query and a tiny template, timed the same way in the same run (it moves with the "
            "machine's load less than the times do). CPU: this process's Python time per "
            "request (time.process_time), beside the wall time.",
            f"Each page: {o['warmup']} warm-up requests, then {o['requests']} timed through "
            "the Django test client (server time, no network).",
        ]
        if other_factor is not None:
            notes.append(f"Query counts compared with the last run at factor {other_factor:g}.")
        say("")
        say(report.table(rows))
        held, counted = report.budgets_held(rows)
        say(f"\n{held} of {counted} budgets held (time and queries, and Python CPU).")
        data = {
            "factor": seeded.factor,
            "seeded": seeded.counts,
            "rows_in_tables": table_counts(),
            "scopes": scopes,
            "pages": [vars(p) | {"p50": p.p50, "p95": p.p95} for p in pages],
            "sweeps": [vars(idle), vars(due)],
            "load": vars(load) if load else None,
            "notes": notes,
        }
        path = report.write(out, seeded.factor, data, rows, notes)
        say(f"Written to {path} and {path.with_suffix('.json')}.")
