"""The council's protocol: the current version and earlier ones for everyone signed in;
confirming it has been read for members and officers; publishing, who has read it and
reminders for democratic services and the Monitoring Officer."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.cases import require
from protocol_site.protocol_refs import council_protocol
from protocol_site.views import CaseStep, case_step_view, form_page
from registers.roles import require_person

from ..forms import ConfirmForm, ProtocolVersionForm
from ..models import ProtocolVersion
from ..permissions import can_confirm_reading, can_keep_protocol
from ..selectors import (
    current_protocol,
    protocol_not_read,
    protocol_readers,
    protocol_reading,
    protocol_version_for,
)
from ..services import protocol_confirm_read, protocol_publish, protocol_remind

PAGE_SIZE = 50
WHO = {"": "Members and officers", "members": "Members", "officers": "Officers"}


def _signed_in(person) -> bool:
    return bool(getattr(person.user, "is_authenticated", False))


def _version_page(request, version: ProtocolVersion | None):
    current = current_protocol()
    return render(
        request,
        "notices/protocol.html",
        {
            "version": version,
            "is_current": version is not None and current is not None and version == current,
            "reading": protocol_reading(request.user, version) if version else None,
            "may_confirm": can_confirm_reading(request.user),
            "may_keep": can_keep_protocol(request.user),
            "versions": ProtocolVersion.objects.annotate(read_by=Count("readings")),
            "adopted": council_protocol(),
        },
    )


@require_GET
def protocol_current(request):
    require_person(request, _signed_in)
    return _version_page(request, current_protocol())


@require_GET
def protocol_version(request, pk: int):
    require_person(request, _signed_in)
    return _version_page(request, protocol_version_for(pk))


def _to_version(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("notices:protocol_version", pk)


@require_http_methods(["GET", "POST"])
def protocol_publish_page(request):
    require(can_keep_protocol, request.user)
    form = ProtocolVersionForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: (
            (version := protocol_publish(actor=request.user, **data)).pk,
            f"Protocol published: {version.version}. Members and officers have been asked to "
            "read it.",
        ),
        done=_to_version,
        template="notices/protocol_publish.html",
        context=lambda: {"readers": protocol_readers()},
    )


@require_GET
def protocol_readers_page(request, pk: int):
    require(can_keep_protocol, request.user)
    version = protocol_version_for(pk)
    kind = request.GET.get("who", "")
    kind = kind if kind in WHO else ""
    unread = protocol_not_read(version, kind=kind).select_related("councillor", "officer__post")
    paginator = Paginator(unread, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "notices/protocol_readers.html",
        {
            "version": version,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
            "kind": kind,
            "who": WHO,
            "who_label": WHO[kind],
            "asked": protocol_readers(kind=kind).count(),
            "read": version.readings.filter(user__in=protocol_readers(kind=kind)).count(),
        },
    )


def _confirm(actor, version, data):
    protocol_confirm_read(actor=actor, version=version)
    return f"Thank you: you have confirmed you have read the protocol, {version.version}."


CONFIRM = CaseStep(
    title="Confirm you have read the protocol",
    submit="I have read it",
    form=ConfirmForm,
    allowed=lambda user, version: can_confirm_reading(user),
    perform=_confirm,
)
protocol_confirm = case_step_view(
    "protocol_confirm",
    CONFIRM,
    load=lambda user, pk: protocol_version_for(pk),
    done=_to_version,
    render=lambda request, version, step, form: render(
        request, "notices/protocol_step.html", {"form": form, "version": version, "step": step}
    ),
)


def _remind(actor, version, data):
    reminded = protocol_remind(actor=actor, version=version)
    return f"{reminded} {'person' if reminded == 1 else 'people'} reminded to read the protocol."


REMIND = CaseStep(
    title="Remind those who have not confirmed",
    submit="Send the reminders",
    form=ConfirmForm,
    allowed=lambda user, version: can_keep_protocol(user),
    perform=_remind,
    context=lambda version: {"unread": protocol_not_read(version).count()},
)


def _to_readers(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("notices:protocol_readers", pk)


protocol_remind_page = case_step_view(
    "protocol_remind",
    REMIND,
    load=lambda user, pk: protocol_version_for(pk),
    done=_to_readers,
    render=lambda request, version, step, form: render(
        request,
        "notices/protocol_step.html",
        {"form": form, "version": version, "step": step, **step.extra_context(version)},
    ),
)
