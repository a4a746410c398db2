"""The subject access export: everything the product holds about one person, as one zip.

Why a zip of JSON and CSV files: the request is answered by a person (the data protection
officer) who reads and redacts it before it goes out. Each kind of record is a CSV that opens
in a spreadsheet for that review, and the same rows as JSON for anything that reads them by
machine; the files attached to the person's cases go in as they were sent, which neither a
JSON nor a CSV file could carry without encoding them. One download, audited."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from enquiries.models import EnquiryAttachment
from groups.models import Attendance
from protocol_site.audit import audit_record
from protocol_site.audit_words import audit_words
from protocol_site.cases import require
from protocol_site.models import AuditEvent
from registers.models import Councillor, Officer

from .kinds import stamp
from .models import Anonymisation
from .permissions import can_answer_subject_access
from .selectors import Subject, constituent_records, subject_cases


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    fields = sorted({key for row in rows for key in row})
    writer = csv.DictWriter(out, fieldnames=fields)
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {k: json.dumps(v) if isinstance(v, dict | list) else v for k, v in row.items()}
        )
    return out.getvalue()


def _timeline(kind, case, subject: Subject) -> list[dict]:
    rows = []
    if kind.timeline is None:
        return rows
    for step in getattr(case, kind.timeline).all():
        rows.append(
            {
                "case": case.reference,
                "at": stamp(step.at),
                "step": step.get_kind_display(),
                "by": str(step.actor) if step.actor_id else "",
                "by_them": subject.user is not None and step.actor_id == subject.user.pk,
                "text": step.detail,
            }
        )
    return rows


def _about_them(subject: Subject) -> Q:
    """Audit events the person did, or that are about their own records."""
    user = subject.user
    about = Q(actor=user) | Q(
        object_type=ContentType.objects.get_for_model(type(user)), object_id=str(user.pk)
    )
    for model, rows in (
        (Councillor, Councillor.objects.filter(user=user)),
        (Officer, Officer.objects.filter(user=user)),
    ):
        ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
        if ids:
            about |= Q(object_type=ContentType.objects.get_for_model(model), object_id__in=ids)
    return about


def subject_access_contents(subject: Subject) -> dict[str, list[dict]]:
    """Every record about the subject, by the name of its file in the export."""
    found = subject_cases(subject)
    contents: dict[str, list[dict]] = {}
    done = {
        (a.kind, a.case_id): a.at for a in Anonymisation.objects.all().only("kind", "case_id", "at")
    }
    messages = []
    for kind, cases in found.items():
        rows = []
        for case in cases:
            row = kind.export(case)
            anonymised = done.get((kind.kind.value, case.pk))
            row["anonymised_on"] = stamp(anonymised)
            rows.append(row)
            messages += _timeline(kind, case, subject)
        contents[kind.kind.value] = rows
    contents["messages_and_steps"] = messages
    if subject.kind != "person":  # a constituent, or a sender
        contents["constituent_details"] = [
            {
                "enquiry": r.enquiry.reference,
                "name": r.name,
                "address": r.address,
                "phone": r.phone,
                "email": r.email,
                "consented": r.consented,
                "recorded_at": stamp(r.recorded_at),
            }
            for r in constituent_records(subject).select_related("enquiry")
        ]
        return contents
    user = subject.user
    contents["person"] = [
        {
            "name": user.get_full_name(),
            "username": user.username,
            "email": user.email,
            "joined": stamp(user.date_joined),
            "last_sign_in": stamp(user.last_login),
            "is_councillor": Councillor.objects.filter(user=user).exists(),
            "is_officer": Officer.objects.filter(user=user).exists(),
        }
    ]
    contents["group_meeting_attendance"] = [
        {
            "attended_on": stamp(a.attended_on),
            "officer": str(a.officer),
            "senior_officer": str(a.senior_officer),
            "recorded_at": stamp(a.recorded_at),
        }
        for a in Attendance.objects.filter(
            Q(officer__user=user) | Q(senior_officer__user=user)
        ).select_related("officer__user", "senior_officer__user")
    ]
    contents["audit_trail"] = [
        {
            "at": stamp(e.at),
            "event": audit_words(e.action),
            "by": str(e.actor) if e.actor_id else "",
            "record": e.object_repr,
            "summary": e.summary,
        }
        for e in AuditEvent.objects.filter(_about_them(subject))
        .select_related("actor")
        .order_by("id")
    ]
    return contents


def _stored(name: str):
    def read() -> bytes:
        with default_storage.open(name, "rb") as handle:
            return handle.read()

    return read


def _attachments(subject: Subject) -> list[tuple[str, object]]:
    """(path in the zip, a function reading the file): the files attached to the subject's
    enquiries, and each email of theirs that became no enquiry as it came (.eml, its
    attachments in it)."""
    found = {kind.kind.value: cases for kind, cases in subject_cases(subject).items()}
    files = []
    enquiries = found.get("enquiry")
    if enquiries is not None:
        for attachment in EnquiryAttachment.objects.filter(enquiry__in=enquiries).select_related(
            "enquiry"
        ):
            files.append(
                (
                    f"files/{attachment.enquiry.reference}/{attachment.pk}-{attachment.name}",
                    _stored(attachment.file.name),
                )
            )
        for enquiry in enquiries.exclude(attachment=""):
            files.append(
                (
                    f"files/{enquiry.reference}/{enquiry.attachment.name.rsplit('/', 1)[-1]}",
                    _stored(enquiry.attachment.name),
                )
            )
    emails = found.get("inbound_email")
    if emails is not None:
        for email in emails.only("pk", "raw"):
            if email.raw:
                files.append((f"files/{email.reference}.eml", lambda raw=bytes(email.raw): raw))
    return files


def subject_access_export(
    *, actor, subject: Subject, now: datetime | None = None
) -> tuple[str, bytes]:
    """The export's file name and bytes; the download is audited (who, for whom, how much)."""
    require(can_answer_subject_access, actor)
    now = now or timezone.now()
    contents = subject_access_contents(subject)
    files = _attachments(subject)
    buffer = io.BytesIO()
    missing = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "README.txt",
            f"Subject access export made {timezone.localtime(now):%d %B %Y %H:%M}.\n"
            "Each kind of record is here twice: a CSV file to read in a spreadsheet and a JSON "
            "file with the same rows. Files attached to the cases, and emails as they came, are "
            "in files/. Review and "
            "redact other people's details before it is sent.\n",
        )
        for name, rows in contents.items():
            archive.writestr(f"{name}.json", json.dumps(rows, indent=2, ensure_ascii=False))
            archive.writestr(f"{name}.csv", _csv(rows) if rows else "")
        for path, read in files:
            try:
                archive.writestr(path, read())
            except OSError:
                missing.append(path)
        if missing:
            archive.writestr("files/MISSING.txt", "\n".join(missing) + "\n")
    counts = {name: len(rows) for name, rows in contents.items()}
    counts["files"] = len(files) - len(missing)
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="retention.subject_access.exported",
            summary=f"Subject access export for {subject.kind} {subject.pk}",
            after={"subject": subject.token, "counts": counts},
        )
    return f"subject-access-{subject.kind}-{subject.pk}-{now:%Y%m%d}.zip", buffer.getvalue()
