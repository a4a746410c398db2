"""Acting on several enquiries chosen on a list: acknowledge them, or reassign them to one
officer. The list's checkboxes bring the choice here (no JavaScript needed); this page shows
what was chosen and asks for what the step needs; each enquiry then goes through the same
service as on its own page, and the page after lists which were done and which were not, why."""

from __future__ import annotations

import json

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from protocol_site.views import form_page

from .. import forms, services
from ..selectors import enquiries_visible_to
from .common import require_person

ACTIONS = {
    "acknowledge": {
        "title": "Acknowledge enquiries",
        "submit": "Acknowledge them",
        "form": forms.BulkAcknowledgeForm,
        "did": "Acknowledged",
        "not": "Not acknowledged",
        "intro": "Each councillor is told that their enquiry is being dealt with. The clocks "
        "keep running.",
    },
    "reassign": {
        "title": "Reassign enquiries",
        "submit": "Reassign them",
        "form": forms.BulkReassignForm,
        "did": "Reassigned",
        "not": "Not reassigned",
        "intro": "Each enquiry passes to the officer you choose, as if reassigned on its own "
        "page. The clocks keep running.",
    },
}
# Ids beyond the cap are not read: the service refuses the step by its count.
MOST_IDS_READ = services.BULK_MAX + 1


def _chosen_ids(data) -> tuple[list[int], int]:
    """The enquiry ids chosen (whole numbers only, each once) and how many were sent."""
    ids = []
    for value in data.getlist("enquiries"):
        value = str(value).strip()
        if value.isdigit() and len(value) < 12 and int(value) not in ids:
            ids.append(int(value))
    return ids, len(ids)


def _chosen(user, ids: list[int]):
    """The chosen enquiries in the viewer's reach, in the order chosen; the rest are as if
    they did not exist."""
    found = {
        e.pk: e
        for e in enquiries_visible_to(user)
        .filter(pk__in=ids[:MOST_IDS_READ])
        .select_related("councillor__user", "assigned_to__user", "service")
    }
    return [found[pk] for pk in ids[:MOST_IDS_READ] if pk in found]


@require_http_methods(["GET", "POST"])
def enquiries_bulk(request):
    require_person(request, lambda person: person.officer is not None)
    data = request.POST if request.method == "POST" else request.GET
    action = data.get("action", "")
    if action not in ACTIONS:
        action = "reassign" if "to" in data else "acknowledge"
    words = ACTIONS[action]
    ids, sent = _chosen_ids(data)
    chosen = _chosen(request.user, ids)
    if sent > services.BULK_MAX:
        chosen = chosen[: services.BULK_MAX]
    form = words["form"](request.POST if request.method == "POST" else None)

    problem = ""
    if sent > services.BULK_MAX:
        problem = f"Select {services.BULK_MAX} enquiries or fewer ({sent} selected)"
    elif not chosen:
        problem = "Select at least one enquiry"

    def perform(cleaned):
        if problem:
            raise ValidationError(problem)
        if action == "reassign":
            result = services.enquiries_reassign(
                actor=request.user, enquiries=chosen, to=cleaned["to"], note=cleaned["note"]
            )
        else:
            result = services.enquiries_acknowledge(actor=request.user, enquiries=chosen)
        outcome = {
            "action": action,
            "to": str(cleaned["to"]) if action == "reassign" else "",
            "done": [[e.pk, e.reference, e.subject] for e in result.done],
            "refused": [[e.pk, e.reference, e.subject, why] for e, why in result.refused],
            "missing": sent - len(chosen),
        }
        return None, json.dumps(outcome)

    return form_page(
        request,
        form,
        perform,
        done=_results,
        template="enquiries/bulk.html",
        context=lambda: {
            "words": words,
            "action": action,
            "chosen": chosen,
            "missing": max(sent - len(chosen), 0) if sent <= services.BULK_MAX else 0,
            "problem": problem if not form.is_bound else "",
            "most": services.BULK_MAX,
        },
    )


def _results(request, _pk, message: str):
    outcome = json.loads(message)
    words = ACTIONS[outcome["action"]]
    return render(request, "enquiries/bulk_done.html", {"outcome": outcome, "words": words})
