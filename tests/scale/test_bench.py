"""`bench` end to end on a tiny dataset, with very few requests and without the load test: every
key page answers, the sweeps keep their promises, and the data is put back afterwards."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from enquiries.models import Enquiry, EnquiryEvent
from protocol_site.models import OutboxEmail
from scale.bench_pages import percentile

pytestmark = pytest.mark.django_db


def test_bench_runs_end_to_end(tmp_path):
    call_command("seed_scale", factor=0.001, stdout=StringIO())
    clocks = list(
        Enquiry.objects.order_by("pk").values_list(
            "pk", "escalation_rung", "escalated_to_id", "next_action_at", "reminded_cycle"
        )
    )
    events = EnquiryEvent.objects.count()
    out = StringIO()
    call_command(
        "bench", requests=2, warmup=1, due=3, no_load=True, output=str(tmp_path), stdout=out
    )
    text = out.getvalue()
    assert "Officer queue" in text and "budgets held" in text
    data = json.loads((tmp_path / "bench-factor-0.001.json").read_text())
    assert (tmp_path / "bench-factor-0.001.md").read_text().startswith("# Benchmark")
    pages = {page["name"]: page for page in data["pages"]}
    assert len(pages) == 15  # the floor, and the enquiry and complaint searches and filtered lists
    assert "× floor" in text and "CPU verdict" in text
    assert all(page["status"] == 200 and page["queries"] > 0 for page in pages.values())
    assert all(len(page["times_ms"]) == 2 for page in pages.values())
    idle, due = data["sweeps"]
    assert idle["ok"] and idle["steps"] == 0
    assert due["ok"] and 0 < due["due"] <= 3 and due["steps"] == due["due"]
    assert f"{due['due']} of {due['due']} escalated exactly once" in due["checks"]
    # Put back as it was.
    assert EnquiryEvent.objects.count() == events
    assert not OutboxEmail.objects.exists()
    after = list(
        Enquiry.objects.order_by("pk").values_list(
            "pk", "escalation_rung", "escalated_to_id", "next_action_at", "reminded_cycle"
        )
    )
    assert after == clocks


def test_bench_needs_a_seeded_database(tmp_path):
    with pytest.raises(CommandError, match="seed_scale"):
        call_command("bench", no_load=True, output=str(tmp_path), stdout=StringIO())


def test_percentiles_are_nearest_rank():
    values = [float(n) for n in range(1, 31)]
    assert percentile(values, 95) == 29.0
    assert percentile(values, 50) == 15.0
    assert percentile([], 95) == 0.0
