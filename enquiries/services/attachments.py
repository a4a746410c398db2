"""Files on the conversation: checked before anything is written, stored through the site's
storage (settings STORAGES), each a row beside the step it came with."""

from __future__ import annotations

from protocol_site.uploads import check_attachments

from ..models import EnquiryAttachment, EnquiryEvent
from .intake import enquiry_record_view


def checked_files(files, *, field: str = "files") -> list:
    """The files, every one checked (size, type, signature, how many), or a ValidationError on
    `field`. Services call it first, so a refused file leaves nothing half-saved."""
    return check_attachments(files, field=field)


def _plain_name(name: str) -> str:
    """The name to show: printable characters only (no NUL for PostgreSQL), at most 255."""
    return "".join(ch for ch in name if ch.isprintable())[:255] or "file"


def attach_files(event: EnquiryEvent, files: list, *, actor) -> list[EnquiryAttachment]:
    """Store `files` (already checked) on `event`, inside the caller's transaction. A file that
    cannot be stored takes the ones stored before it away again, and fails the step."""
    stored: list[EnquiryAttachment] = []
    try:
        for upload in files:
            attachment = EnquiryAttachment(
                enquiry_id=event.enquiry_id,
                event=event,
                name=_plain_name(upload.name),
                size=upload.size,
                uploaded_by=actor,
            )
            attachment.file.save(upload.name, upload, save=False)
            stored.append(attachment)
            attachment.save()
    except Exception:
        for attachment in stored:
            attachment.file.delete(save=False)
        raise
    return stored


def enquiry_attachment_downloaded(*, actor, attachment: EnquiryAttachment) -> None:
    """A download of a file on confidential casework is audited, as a view of it is."""
    enquiry_record_view(
        actor=actor,
        enquiry=attachment.enquiry,
        action="enquiries.enquiry.attachment_downloaded",
        detail=f"File: {attachment.name}.",
    )
