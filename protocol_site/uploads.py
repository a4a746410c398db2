"""Files people attach to a case: one check of size, type and signature for every upload, on
every page and in the API, and the form field that takes several files at once.

Each allowed type has the bytes its files start with, so a renamed executable is refused as well
as a wrong extension."""

from __future__ import annotations

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

ZIP = (b"PK\x03\x04",)
ATTACHMENT_TYPES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "odt": ZIP,
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "txt": None,  # plain text: no signature, but it must be text
}
ATTACHMENT_TYPE_NAMES = (
    "PDF, Word (.docx), Excel (.xlsx), OpenDocument text (.odt), JPG, PNG or text"
)


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character may straddle the 2,048-byte cut: allow a short tail.
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True


def check_attachment(upload, *, which: str = "The selected file") -> None:
    """Raise a ValidationError unless the upload is an allowed type within the size limit.
    `which` names the file in the message when there are several."""
    limit_mb = settings.ENQUIRY_ATTACHMENT_MAX_MB
    if upload.size == 0:
        raise ValidationError(f"{which} is empty")
    if upload.size > limit_mb * 1024 * 1024:
        raise ValidationError(f"{which} must be smaller than {limit_mb}MB")
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(f"{which} must be a {ATTACHMENT_TYPE_NAMES} file")
    upload.seek(0)  # a file stored once already (one response to linked enquiries) is read again
    head = upload.read(2048)
    upload.seek(0)
    signatures = ATTACHMENT_TYPES[extension]
    if signatures is None:
        if not _is_text(head):
            if which == "The selected file":
                which = "The selected text file"
            raise ValidationError(f"{which} must be plain text")
    elif not head.startswith(signatures):
        raise ValidationError(f"{which} is not a real .{extension} file: its contents do not match")


def check_attachments(files, *, field: str) -> list:
    """Every file checked, and no more than ENQUIRY_ATTACHMENTS_MAX_FILES of them; the first
    problem is an error on `field`, before anything is stored."""
    files = [upload for upload in (files or []) if upload]
    limit = settings.ENQUIRY_ATTACHMENTS_MAX_FILES
    if len(files) > limit:
        raise ValidationError({field: f"Select up to {limit} files"})
    for upload in files:
        which = f"The selected file ‘{upload.name}’" if len(files) > 1 else "The selected file"
        try:
            check_attachment(upload, which=which)
        except ValidationError as error:
            raise ValidationError({field: error.messages}) from None
    return files


def attachments_hint() -> str:
    return (
        f"{ATTACHMENT_TYPE_NAMES}, up to {settings.ENQUIRY_ATTACHMENT_MAX_MB}MB each and "
        f"{settings.ENQUIRY_ATTACHMENTS_MAX_FILES} files at most"
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A GOV.UK file upload that takes several files (the `multiple` attribute; no JavaScript
    needed). Its cleaned value is a list, checked by check_attachments."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", attachments_hint())
        super().__init__(**kwargs)
        self.error_messages["empty"] = "The selected file is empty"

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned = [super(MultipleFileField, self).clean(upload, initial) for upload in files]
        cleaned = [upload for upload in cleaned if upload]
        try:
            return check_attachments(cleaned, field="files")
        except ValidationError as error:
            raise ValidationError(error.message_dict["files"]) from None
