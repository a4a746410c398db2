"""Who else may read an enquiry and write on it: the ward colleagues its councillor shared it
with. A share grants nothing by itself being stored: the reach is worked out when asked, and
only while the colleague serves the same ward as the councillor (see selectors)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from protocol_site.any_of import AnyOf


class EnquiryShare(models.Model):
    """The councillor shared the enquiry with a ward colleague."""

    enquiry = models.ForeignKey(
        "enquiries.Enquiry", on_delete=models.CASCADE, related_name="shares"
    )
    councillor = models.ForeignKey(
        "registers.Councillor", on_delete=models.PROTECT, related_name="shared_enquiries"
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["shared_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["enquiry", "councillor"], name="enquiry_shared_once")
        ]
        indexes = [models.Index(fields=["councillor", "enquiry"], name="enquiry_share_idx")]

    def __str__(self) -> str:
        return f"{self.enquiry} shared with {self.councillor}"


def serves_now(councillor) -> bool:
    """The colleague's side of the rule: in office today, able to sign in, with a ward."""
    return (
        councillor is not None
        and councillor.ward_id is not None
        and councillor.in_office
        and councillor.user.is_active
    )


def shared_with_q(councillor) -> models.Q:
    """Enquiries shared with `councillor` that they may reach today: the share stands, they
    serve, and they serve the ward of the councillor who made the enquiry. Worked out at every
    read, so a term that ends or a change of ward ends the reach with nothing to tidy up."""
    if not serves_now(councillor):
        return models.Q(pk__in=[])
    shared = EnquiryShare.objects.filter(
        councillor=councillor, enquiry__councillor__ward_id=councillor.ward_id
    ).values("enquiry_id")
    return models.Q(AnyOf("pk", shared))


def ward_colleagues(enquiry):
    """Who the councillor may share the enquiry with: the other members serving their ward."""
    from registers.models import Councillor

    ward_id = enquiry.councillor.ward_id
    if ward_id is None:
        return Councillor.objects.none()
    return (
        Councillor.objects.serving()
        .filter(ward_id=ward_id)
        .exclude(pk=enquiry.councillor_id)
        .select_related("user")
    )
