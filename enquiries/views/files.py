"""Downloading a file on an enquiry: only through these views, only for those who may read
the step it came with, audited like a view of the casework, never cached or sniffed."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from .. import services
from ..selectors import attachment_for, enquiry_for


def send_file(field, filename: str) -> FileResponse:
    """A stored file as a download: Content-Disposition attachment, no-store, nosniff."""
    try:
        handle = field.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=filename)
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def attachment_download(user, pk, file_pk) -> FileResponse:
    """The page's and the API's download: the enquiry in reach (else 404), the file on a step
    the user may read (else 404), the download audited."""
    enquiry = enquiry_for(user, pk)
    attachment = attachment_for(user, enquiry, file_pk)
    response = send_file(attachment.file, attachment.name)
    services.enquiry_attachment_downloaded(actor=user, attachment=attachment)
    return response


@require_GET
def enquiry_file(request, pk: int, file_pk: int):
    return attachment_download(request.user, pk, file_pk)
