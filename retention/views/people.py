"""Subject access (find a person, see what is held about them, download it) and erasure (the
same person's ended cases anonymised, after a confirmation), for democratic services and the
Monitoring Officer."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.cases import require
from protocol_site.views import form_page

from ..erasure import erasure_plan, person_erase
from ..forms import EraseForm, SearchForm
from ..permissions import can_answer_subject_access, can_erase
from ..selectors import (
    Found,
    constituent_subject,
    people_matching,
    person_subject,
    sender_subject,
    subject_cases,
)
from ..subject_access import subject_access_export


@require_GET
def subject_search(request):
    require(can_answer_subject_access, request.user)
    form = SearchForm(request.GET if "q" in request.GET else None)
    found = Found()
    if form.is_bound and form.is_valid():
        found = people_matching(request.user, form.cleaned_data["q"])
    return render(
        request,
        "retention/search.html",
        {"form": form, "found": found, "searched": form.is_bound},
    )


def _summary(request, subject):
    rows = []
    for kind, cases in subject_cases(subject).items():
        # A kind with no reference of its own is given one as its cases are read.
        fields = ("pk",) if kind.prefix else ("pk", "reference")
        rows.append((kind, [(case.reference, kind.url(case)) for case in cases.only(*fields)]))
    pages = f"retention:{subject.kind}"
    return render(
        request,
        "retention/subject.html",
        {
            "subject": subject,
            "rows": rows,
            "total": sum(len(cases) for _, cases in rows),
            "may_erase": can_erase(request.user),
            "download_url": reverse(f"{pages}_download", args=[subject.pk]),
            "erase_url": reverse(f"{pages}_erase", args=[subject.pk]),
        },
    )


@require_GET
def subject_person(request, pk: int):
    return _summary(request, person_subject(request.user, pk))


@require_GET
def subject_constituent(request, pk: int):
    return _summary(request, constituent_subject(request.user, pk))


@require_GET
def subject_sender(request, pk: int):
    return _summary(request, sender_subject(request.user, pk))


def _download(request, subject):
    name, data = subject_access_export(actor=request.user, subject=subject)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@never_cache
@require_GET
def subject_person_download(request, pk: int):
    return _download(request, person_subject(request.user, pk))


@never_cache
@require_GET
def subject_constituent_download(request, pk: int):
    return _download(request, constituent_subject(request.user, pk))


@never_cache
@require_GET
def subject_sender_download(request, pk: int):
    return _download(request, sender_subject(request.user, pk))


def _erase(request, subject):
    require(can_erase, request.user)
    back = f"retention:{subject.kind}"
    form = EraseForm(request.POST if request.method == "POST" else None)

    def perform(data):
        erasure = person_erase(actor=request.user, subject=subject, **data)
        return erasure.pk, (
            f"Erased: {erasure.cases_anonymised} "
            f"case{'' if erasure.cases_anonymised == 1 else 's'} anonymised."
        )

    def done(request, pk, message):
        messages.success(request, message)
        return redirect(back, subject.pk)

    return form_page(
        request,
        form,
        perform,
        done=done,
        template="retention/erase.html",
        context=lambda: {"subject": subject, "plan": erasure_plan(subject), "back": back},
    )


@require_http_methods(["GET", "POST"])
def erase_person(request, pk: int):
    return _erase(request, person_subject(request.user, pk))


@require_http_methods(["GET", "POST"])
def erase_constituent(request, pk: int):
    return _erase(request, constituent_subject(request.user, pk))


@require_http_methods(["GET", "POST"])
def erase_sender(request, pk: int):
    return _erase(request, sender_subject(request.user, pk))
