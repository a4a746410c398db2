"""The CSV download of a list streams: 50,000 rows take no more memory than 5,000.

The rows are copies of one enquiry logged through the service (bulk-inserted: only their
reference differs), then downloaded by democratic services, who see them all. Python's own
allocations are traced (tracemalloc) while the response is read to its end; the peak for the
whole list must stay within what a tenth of it takes, plus a little, rather than grow with it.
Run with `-s` to see the numbers."""

from __future__ import annotations

import tracemalloc

import pytest
from django.urls import reverse

from enquiries.models import Enquiry

from .factories import casework

# Minutes on a busy machine: run with the drills (`pytest -m drill`), not in every run.
pytestmark = [pytest.mark.django_db, pytest.mark.drill]

ROWS = 50_000
CSV = reverse("enquiries:list_csv")


def _copies(first: Enquiry, count: int) -> None:
    skipped = {"id", "reference", "status", "search_vector"}  # status: "logged", by default
    fields = {
        f.attname: getattr(first, f.attname)
        for f in Enquiry._meta.concrete_fields
        if f.name not in skipped
    }
    start = Enquiry.objects.count()
    Enquiry.objects.bulk_create(
        (Enquiry(reference=f"ENQ-COPY-{start + n:06d}", **fields) for n in range(count)),
        batch_size=2000,
    )


def _download_peak(client, params) -> tuple[int, int]:
    """(rows read, peak bytes allocated while reading them)."""
    tracemalloc.start()
    try:
        response = client.get(CSV, params)
        rows = sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return rows, peak


def test_fifty_thousand_rows_stream_in_flat_memory(client_for, democratic_services, org):
    first = casework(org, subject="Pothole outside a house on Mill Lane")
    client = client_for(democratic_services)
    _copies(first, ROWS // 10 - 1)
    tenth_rows, tenth_peak = _download_peak(client, {"scope": "all", "status": "any"})
    _copies(first, ROWS - ROWS // 10)
    all_rows, all_peak = _download_peak(client, {"scope": "all", "status": "any"})
    print(
        f"\nCSV download: {tenth_rows} rows peaked at {tenth_peak / 2**20:.1f} MiB; "
        f"{all_rows} rows at {all_peak / 2**20:.1f} MiB"
    )
    assert (tenth_rows, all_rows) == (ROWS // 10, ROWS)
    # Ten times the rows, about the same memory: a chunk of rows at a time, never the list.
    assert all_peak < tenth_peak * 1.5 + 2 * 2**20
