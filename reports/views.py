"""RPT-1: the annual report page and its CSV download, for the Monitoring Officer and
democratic services."""

from __future__ import annotations

import io
import zipfile

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from protocol_site.access import require
from protocol_site.council_rules import rule
from protocol_site.spreadsheet import csv_lines
from registers.roles import person_for

from .forms import PeriodForm
from .home import directorate_sections, may_see_directorate_report, may_see_report
from .selectors import Period, last_municipal_year
from .tables import period_label, report_tables


def _period(request) -> tuple[PeriodForm, Period]:
    """The period asked for, or the last municipal year when none (or a wrong one) is."""
    default = last_municipal_year()
    if "start_2" in request.GET or "last_2" in request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            return form, Period(form.cleaned_data["start"], form.cleaned_data["end"])
        return form, default
    initial = {"start": default.start, "last": default.end.fromordinal(default.end.toordinal() - 1)}
    return PeriodForm(initial=initial), default


@require_GET
@require(may_see_report)
def annual_report(request):
    form, period = _period(request)
    return render(
        request,
        "reports/annual.html",
        {
            "form": form,
            "period": period,
            "period_label": period_label(period),
            "sections": report_tables(period),
            "query": request.GET.urlencode(),
            "working_days": rule("ENQUIRY_WORKING_DAYS"),
        },
    )


@require_GET
@require(may_see_directorate_report)
def directorate_report(request):
    """A Director's directorate: the report's enquiry tables for the municipal year so far."""
    label, sections = directorate_sections(person_for(request.user))
    return render(
        request,
        "reports/directorate.html",
        {
            "period_label": label,
            "sections": sections,
            "working_days": rule("ENQUIRY_WORKING_DAYS"),
        },
    )


@require_GET
@require(may_see_report)
def annual_report_download(request):
    """One CSV file per table, zipped."""
    _form, period = _period(request)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for _title, tables in report_tables(period):
            for table in tables:
                text = "".join(csv_lines(table.columns, table.all_rows))
                archive.writestr(f"{table.slug}.csv", text.encode("utf-8"))
    name = f"annual-report-{period.start:%Y-%m-%d}-to-{period.end:%Y-%m-%d}.zip"
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
