"""WARD-1 pages: the list (scoped to the viewer), one notice, recording and correcting one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.cases import require
from protocol_site.views import CaseStep, case_step_view, form_page
from registers.roles import require_person

from ..forms import NOTICE_ERROR_FIELDS, WardNoticeForm, WardNoticeWithdrawForm
from ..models import WardNotice
from ..permissions import can_correct, can_publish
from ..selectors import (
    sees_all_notices,
    uses_ward_notices,
    ward_notice_changes,
    ward_notice_for,
    ward_notices_listed,
    ward_notices_visible_to,
    wards_for_choice,
)
from ..services import ward_notice_publish, ward_notice_update, ward_notice_withdraw

PAGE_SIZE = 25
KINDS = {"any": "Any kind", **dict(WardNotice.Kind.choices)}


@require_GET
def notice_list(request):
    person = require_person(request, uses_ward_notices)
    sees_all = sees_all_notices(person)
    qs = ward_notices_visible_to(request.user)
    kind = request.GET.get("kind", "any")
    kind = kind if kind in KINDS else "any"
    if kind != "any":
        qs = qs.filter(kind=kind)
    wards, ward, mine = [], None, False
    if sees_all:
        wards = list(wards_for_choice())
        ward = next((w for w in wards if str(w.pk) == request.GET.get("ward")), None)
        if ward is not None:
            qs = qs.filter(wards=ward)
        mine = request.GET.get("mine") == "1"
        if mine:
            qs = qs.filter(recorded_by=request.user)
    q = request.GET.get("q", "").strip()[:100]
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(details__icontains=q))
    paginator = Paginator(ward_notices_listed(qs), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    own_ward = person.councillor.ward if person.councillor is not None else None
    return render(
        request,
        "notices/list.html",
        {
            "sees_all": sees_all,
            "own_ward": own_ward,
            "kinds": KINDS,
            "kind": kind,
            "wards": wards,
            "ward": ward,
            "mine": mine,
            "q": q,
            "filtered": kind != "any" or ward is not None or mine or bool(q),
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
            "may_publish": can_publish(request.user),
        },
    )


@require_GET
def notice_detail(request, pk: int):
    require_person(request, uses_ward_notices)
    notice = ward_notice_for(request.user, pk)
    return render(
        request,
        "notices/detail.html",
        {
            "notice": notice,
            "wards": list(notice.wards.all()),
            "may_correct": can_correct(request.user, notice),
            "changes": ward_notice_changes(notice),
        },
    )


def _told(notice: WardNotice) -> str:
    names = ", ".join(str(w) for w in notice.wards.all())
    return f"The members for {names} are being emailed."


def _recorded(notice: WardNotice) -> tuple[int, str]:
    return notice.pk, f"Notice recorded: {notice.title}. {_told(notice)}"


@require_http_methods(["GET", "POST"])
def notice_new(request):
    require(can_publish, request.user)
    form = WardNoticeForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: _recorded(ward_notice_publish(actor=request.user, **form.service_values())),
        done=_to_notice,
        template="notices/form.html",
        context=lambda: {"notice": None},
        aliases=NOTICE_ERROR_FIELDS,
    )


def _changeable(user, pk: int) -> WardNotice:
    """A notice in reach, for someone who records notices (403 before anything else)."""
    require(can_publish, user)
    return ward_notice_for(user, pk)


def _may_change(user, notice: WardNotice) -> bool:
    """The officer who recorded it, or democratic services, while it still stands."""
    return can_correct(user, notice) and not notice.is_withdrawn


def _to_notice(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("notices:detail", pk)


@require_http_methods(["GET", "POST"])
def notice_change(request, pk: int):
    notice = _changeable(request.user, pk)
    if not _may_change(request.user, notice):
        raise PermissionDenied
    form = WardNoticeForm(
        request.POST if request.method == "POST" else None,
        initial=WardNoticeForm.initial_for(notice),
        correcting=True,
    )
    revision = notice.revision

    def _saved(saved: WardNotice) -> tuple[int, str]:
        told = " The ward members are being told." if saved.revision != revision else ""
        return saved.pk, f"Notice saved: {saved.title}.{told}"

    return form_page(
        request,
        form,
        lambda data: _saved(
            ward_notice_update(actor=request.user, notice=notice, **form.service_values())
        ),
        done=_to_notice,
        template="notices/form.html",
        context=lambda: {"notice": notice},
        aliases=NOTICE_ERROR_FIELDS,
    )


def _withdraw(actor, notice, data):
    withdrawn = ward_notice_withdraw(actor=actor, notice=notice, **data)
    return f"Notice withdrawn: {withdrawn.title}. The ward members are being told."


WITHDRAW = CaseStep(
    title="Withdraw the notice",
    submit="Withdraw the notice",
    form=WardNoticeWithdrawForm,
    allowed=_may_change,
    perform=_withdraw,
    warning=True,
)
notice_withdraw = case_step_view(
    "notice_withdraw",
    WITHDRAW,
    load=_changeable,
    done=_to_notice,
    render=lambda request, notice, step, form: render(
        request, "notices/withdraw.html", {"form": form, "notice": notice, "step": step}
    ),
)
