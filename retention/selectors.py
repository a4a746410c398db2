"""Reads for the retention pages, each for someone the rules let see it (403 otherwise): the
schedule, the holds, and the people a subject access search finds."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404

from enquiries.models import ConstituentDetails
from inbox.models import InboundEmail
from protocol_site.cases import require

from .kinds import CaseKind, case_kind, case_kinds
from .models import Anonymisation, LegalHold, RetentionRule
from .permissions import can_answer_subject_access, can_see_retention
from .services import retention_rules_ensure

SEARCH_LIMIT = 25


def schedule_for(user) -> list[RetentionRule]:
    require(can_see_retention, user)
    return list(RetentionRule.objects.select_related("changed_by")) or retention_rules_ensure()


def rule_for(user, kind: str) -> RetentionRule:
    require(can_see_retention, user)
    rule = RetentionRule.objects.filter(kind=kind).first()
    if rule is None:
        raise Http404
    return rule


def holds_for(user) -> QuerySet[LegalHold]:
    require(can_see_retention, user)
    return LegalHold.objects.select_related("set_by", "lifted_by")


def hold_for(user, pk: int) -> LegalHold:
    hold = holds_for(user).filter(pk=pk).first()
    if hold is None:
        raise Http404
    return hold


def anonymised_for(user) -> QuerySet[Anonymisation]:
    require(can_see_retention, user)
    return Anonymisation.objects.all()


def case_by_reference(reference: str) -> tuple[CaseKind, object] | None:
    """The case with this reference, of whichever kind."""
    for kind in case_kinds():
        case = kind.find(reference)
        if case is not None:
            return kind, case
    return None


@dataclass(frozen=True)
class Subject:
    """Whom a subject access request or an erasure is about: a person who signs in (by their
    account); a constituent (by the details recorded on one enquiry, matched to every enquiry
    that records the same name or email); or someone who emailed the council (by the address
    of an email that became no enquiry). A constituent or a sender is matched to the emails
    that became no enquiry from any address they are known by."""

    kind: str  # "person", "constituent" or "sender"
    pk: int
    label: str
    user: object = None
    details: ConstituentDetails | None = None
    address: str = ""  # a sender's

    @property
    def token(self) -> str:
        """How the Erasure record names them: never their name."""
        return f"{self.kind}:{self.pk}"


def _all_words(field: str, words: list[str]) -> Q:
    match = Q()
    for word in words:
        match &= Q(**{f"{field}__icontains": word})
    return match


def _unmatched_emails() -> QuerySet[InboundEmail]:
    """Emails that became no enquiry, and say who sent them."""
    return case_kind("inbound_email").cases().exclude(from_address="")


@dataclass
class Found:
    users: list = field(default_factory=list)
    constituents: list = field(default_factory=list)
    senders: list = field(default_factory=list)


def people_matching(user, query: str) -> Found:
    """Councillors and officers (accounts), constituents (one row per distinct name and email)
    and people who emailed the council (one row per address) whose name, username or email
    contains `query`."""
    require(can_answer_subject_access, user)
    query = query.strip()
    if len(query) < 2:
        return Found()
    users = (
        get_user_model()
        .objects.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(username__icontains=query)
            | Q(email__icontains=query)
        )
        .select_related("councillor", "officer")
        .order_by("last_name", "first_name")[:SEARCH_LIMIT]
    )
    words = query.split()
    rows = (
        ConstituentDetails.objects.filter(
            _all_words("name", words) | Q(email__iexact=query) | Q(phone=query)
        )
        .order_by("name", "pk")
        .values("pk", "name", "email")[: SEARCH_LIMIT * 4]
    )
    seen, constituents = set(), []
    for row in rows:
        key = (row["name"].strip().lower(), row["email"].strip().lower())
        if key not in seen:
            seen.add(key)
            constituents.append(row)
    emails = (
        _unmatched_emails()
        .filter(_all_words("from_name", words) | Q(from_address__iexact=query))
        .order_by("from_address", "pk")
        .values("pk", "from_name", "from_address")[: SEARCH_LIMIT * 4]
    )
    addresses, senders = set(), []
    for row in emails:
        if row["from_address"].lower() not in addresses:
            addresses.add(row["from_address"].lower())
            senders.append(row)
    return Found(list(users), constituents[:SEARCH_LIMIT], senders[:SEARCH_LIMIT])


def person_subject(user, pk: int) -> Subject:
    require(can_answer_subject_access, user)
    person = get_user_model().objects.filter(pk=pk).first()
    if person is None:
        raise Http404
    return Subject("person", person.pk, person.display_name, user=person)


def constituent_subject(user, pk: int) -> Subject:
    require(can_answer_subject_access, user)
    details = ConstituentDetails.objects.filter(pk=pk).first()
    if details is None:
        raise Http404
    return Subject("constituent", details.pk, details.name or details.email, details=details)


def sender_subject(user, pk: int) -> Subject:
    require(can_answer_subject_access, user)
    email = _unmatched_emails().filter(pk=pk).first()
    if email is None:
        raise Http404
    label = email.from_name or email.from_address
    return Subject("sender", email.pk, label, address=email.from_address)


def constituent_records(subject: Subject) -> QuerySet[ConstituentDetails]:
    """Every enquiry's record of this constituent: the same name, or the same email (a
    sender's: the same email)."""
    if subject.kind == "sender":
        return ConstituentDetails.objects.filter(email__iexact=subject.address)
    if subject.kind != "constituent":
        return ConstituentDetails.objects.none()
    details = subject.details
    same = Q(pk=details.pk)
    if details.name.strip():
        same |= Q(name__iexact=details.name.strip())
    if details.email.strip():
        same |= Q(email__iexact=details.email.strip())
    return ConstituentDetails.objects.filter(same)


def constituent_addresses(subject: Subject) -> list[str]:
    """Every email address a constituent or a sender is known by."""
    if subject.kind == "sender":
        return [subject.address]
    emails = constituent_records(subject).exclude(email="").values_list("email", flat=True)
    return sorted({email.strip().lower() for email in emails})


def subject_cases(subject: Subject) -> dict[CaseKind, QuerySet]:
    """Every case the subject is party to, by kind (a constituent or a sender: the cases about
    them, of the kinds that hold a constituent's details)."""
    found = {}
    records, addresses = constituent_records(subject), constituent_addresses(subject)
    for kind in case_kinds():
        if subject.kind == "person":
            pks = kind.cases().filter(kind.party_to(subject.user)).values("pk")
        elif kind.of_constituent is not None:
            pks = kind.cases().filter(kind.of_constituent(records, addresses)).values("pk")
        else:
            continue
        found[kind] = kind.cases().filter(pk__in=pks).order_by("pk")
    return found
