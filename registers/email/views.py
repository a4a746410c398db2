from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from protocol_site.email_preferences import (
    FOR_INFORMATION,
    email_preference_set,
    for_information_choice,
)
from protocol_site.outbox import outbox_failed
from protocol_site.views import form_page

from ..roles import person_for
from ..services import failed_email_send_again
from .forms import EmailPreferenceForm, SendAgainForm

# The failed deliveries page shows the most recent; older ones are in the admin.
FAILED_LIMIT = 200


@require_http_methods(["GET", "POST"])
def email_preferences(request):
    """Every signed-in person: how they are sent emails for their information."""
    form = EmailPreferenceForm(
        request.POST if request.method == "POST" else None,
        initial={"for_information": for_information_choice(request.user)},
    )

    def perform(data):
        preference = email_preference_set(
            actor=request.user, for_information=data["for_information"]
        )
        return preference.pk, "Your email preferences are saved"

    def done(request, pk, message):
        messages.success(request, message)
        return redirect("email_preferences")

    return form_page(
        request,
        form,
        perform,
        done=done,
        template="registers/email/preferences.html",
        context=lambda: {"for_information_count": len(FOR_INFORMATION)},
    )


@require_http_methods(["GET", "POST"])
def failed_emails(request):
    """Democratic services: emails the mail server or GOV.UK Notify would not deliver, each
    with a button to send it again once the address is put right."""
    if not person_for(request.user).can_manage_organisation:
        raise PermissionDenied
    form = SendAgainForm(request.POST if request.method == "POST" else None)

    def perform(data):
        row = failed_email_send_again(actor=request.user, email=data["email"])
        return row.pk, f"The email will be sent again to {row.to_address}"

    def done(request, pk, message):
        messages.success(request, message)
        return redirect("failed_emails")

    return form_page(
        request, form, perform, done=done, template="registers/email/failed.html", context=_failed
    )


def _failed() -> dict:
    """The failed deliveries page beside its form: the most recent, and whether there are more."""
    rows = list(outbox_failed()[: FAILED_LIMIT + 1])
    return {
        "rows": rows[:FAILED_LIMIT],
        "more": len(rows) > FAILED_LIMIT,
        "limit": FAILED_LIMIT,
        "notify": settings.EMAIL_DELIVERY == "notify",
    }
