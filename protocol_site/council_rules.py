"""The council's rules: the per-council options democratic services keep in the product.

`rule("ENQUIRY_WORKING_DAYS")` gives the council's value for a rule, named as its setting in
protocol_site/settings/protocol.py. The values live on the council's protocol row
(CouncilProtocol, with history); a rule the row has not set (or no row yet) takes the
environment's first value, and the row is seeded with every first value when it is created
(registers.services.rules), so after that the environment no longer changes anything.

Reads cost no query on a page: the row's rules are kept in the cache (shared by web, worker and
beat where the cache is Redis) and in the request's memo; saving or deleting the row drops the
cached copy as soon as it is written and again when the transaction commits. Tests that set a
rule with pytest-django's `settings` fixture keep working (no row: the setting applies); tests
that want the product's own path use the `council_rule` fixture (tests/conftest.py).

A change applies from the next deadline: deadlines are columns worked out when a step is
taken, so changing a rule never moves one already set.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .models import CouncilProtocol
from .request_memo import memoised

CACHE_KEY = "council_rules:v1"
# A copy cached by a process that read the row just before a change committed lives at most
# this long; every other copy is dropped when the change is saved.
CACHE_SECONDS = 300


@dataclass(frozen=True)
class RuleSpec:
    name: str  # the setting that gives its first value, e.g. ENQUIRY_WORKING_DAYS
    kind: str  # "days" (a whole number), "yes_no", "choice", "ladder_days", "rungs"
    label: str  # the question, in the council's words
    hint: str = ""
    minimum: int = 0
    maximum: int = 60

    @property
    def field(self) -> str:
        return self.name.lower()


def _days(name, label, hint="", minimum=0, maximum=60) -> RuleSpec:
    return RuleSpec(name, "days", label, hint, minimum, maximum)


# Every rule democratic services keep, in the order the rules page asks about them. Upload
# limits (ENQUIRY_ATTACHMENT_MAX_MB and ENQUIRY_ATTACHMENTS_MAX_FILES) stay deploy settings:
# the web server's body limit is set from them.
SPECS: tuple[RuleSpec, ...] = (
    _days(
        "ENQUIRY_WORKING_DAYS",
        "Working days an officer has to respond to an enquiry",
        "Counted from the working day the enquiry is received.",
        minimum=1,
    ),
    _days(
        "ENQUIRY_URGENT_WORKING_DAYS",
        "Working days an officer has to respond to an urgent enquiry",
        minimum=1,
    ),
    _days(
        "ENQUIRY_REMINDER_WORKING_DAYS_BEFORE",
        "Working days before the deadline the officer is reminded",
        "0 reminds them on the day the response is due.",
        maximum=20,
    ),
    RuleSpec(
        "ENQUIRY_ESCALATION_LADDER",
        "ladder_days",
        "Who an overdue enquiry goes to, and when",
        "Each person it goes to, and how many working days after the deadline (for the "
        "first) or after the one before. Leave the days blank to leave a person out.",
    ),
    RuleSpec(
        "ENQUIRY_ADVISE_CHAIR_AND_LEAD_MEMBER",
        "yes_no",
        "Are the committee chair and lead member told when factual information is given to a "
        "councillor?",
    ),
    _days(
        "ENQUIRY_WAITING_REMINDER_WORKING_DAYS",
        "Working days a question to the councillor waits before they are reminded",
        minimum=1,
    ),
    _days(
        "ENQUIRY_WAITING_CLOSE_WORKING_DAYS",
        "Working days an unanswered question waits before the enquiry closes",
        "0 never closes an enquiry for want of an answer.",
        maximum=120,
    ),
    _days(
        "ENQUIRY_FOLLOW_UP_WORKING_DAYS",
        "Working days a councillor has to follow up a response",
        "0 offers no follow-up: the councillor makes a new enquiry instead.",
    ),
    _days(
        "COMPLAINT_ACKNOWLEDGE_WORKING_DAYS",
        "Working days to acknowledge a complaint",
        minimum=1,
        maximum=30,
    ),
    _days("COMPLAINT_RESOLVE_WORKING_DAYS", "Working days to resolve a complaint", minimum=1),
    RuleSpec(
        "COMPLAINT_ESCALATION_LADDER",
        "rungs",
        "Who a councillor's complaint about an officer goes to, in turn",
    ),
    RuleSpec(
        "COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO",
        "choice",
        "Who a councillor's complaint about the Chief Executive goes to",
    ),
    RuleSpec(
        "COMPLAINT_COPY_MONITORING_OFFICER",
        "yes_no",
        "Is the Monitoring Officer copied into every complaint when it is raised?",
    ),
    RuleSpec(
        "COMPLAINT_ABOUT_MEMBER_REPORTED_TO",
        "rungs",
        "Who is told of an officer's complaint about a councillor",
        "Choose none if nobody is told when it is raised.",
    ),
    RuleSpec(
        "COMPLAINT_OFFICER_TO_STANDARDS_COMMITTEE",
        "yes_no",
        "May an officer take a complaint about a councillor straight to the Standards Committee?",
        "The complaint leaves this procedure and the Monitoring Officer is told.",
    ),
    _days(
        "VISIT_NOTICE_WORKING_DAYS",
        "Working days' notice a councillor gives the Director before visiting council premises",
        maximum=20,
    ),
    RuleSpec(
        "VISIT_SCHOOLS_THROUGH_HEADTEACHER",
        "yes_no",
        "Must a councillor's visit to a school be arranged through its Headteacher?",
    ),
    RuleSpec(
        "VISIT_UNANNOUNCED_ALLOWED",
        "yes_no",
        "May a councillor record an unannounced visit made in special circumstances?",
        "It is recorded afterwards with its reason, and the Director is told.",
    ),
    RuleSpec(
        "OFFICER_PROTOCOL_COVERS",
        "choice",
        "Who counts as an officer under the protocol",
        "Teachers in schools and staff of school governing bodies never do.",
    ),
    _days(
        "DECLARATION_CONFIRM_MONTHS",
        "Months after which a declared relationship must be confirmed again",
        minimum=1,
        maximum=24,
    ),
    _days(
        "DECLARATION_REMINDER_DAYS",
        "Days before then the person who declared it is reminded",
        minimum=1,
    ),
    RuleSpec(
        "DECLARATION_NOTIFY_RUNG",
        "choice",
        "Who is told of an officer's declared relationship",
    ),
    _days(
        "ADVICE_WORKING_DAYS",
        "Working days the Monitoring Officer has to give advice asked for",
        "Counted from the working day the request is received. The adviser is reminded on "
        "the morning it is due; advice still not given by the end of that day goes to the "
        "Deputy (or the Monitoring Officer, for advice asked of the Chief Finance Officer).",
        minimum=1,
    ),
    RuleSpec(
        "ELECTION_GUIDANCE_TO_ALL_OFFICERS",
        "yes_no",
        "Does pre-election guidance go to every officer, not only senior officers?",
    ),
    RuleSpec(
        "GROUP_BRIEFING_EQUAL_ACCESS",
        "yes_no",
        "Is advice given to one political group offered to the others?",
    ),
)
SPEC_BY_NAME: dict[str, RuleSpec] = {spec.name: spec for spec in SPECS}
FIELDS: tuple[str, ...] = tuple(spec.field for spec in SPECS)


def _stored() -> dict:
    """The row's rule fields ({} when there is no row), from the memo, the cache or one query."""

    def load() -> dict:
        values = cache.get(CACHE_KEY)
        if values is None:
            values = CouncilProtocol.objects.values(*FIELDS).first() or {}
            cache.set(CACHE_KEY, values, CACHE_SECONDS)
        return values

    return memoised(CACHE_KEY, load)


def rule_choices(name: str) -> list[tuple[str, str]]:
    """The values a "choice" rule may take, with their words."""
    if name == "COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO":
        return list(CouncilProtocol.ChiefExecutiveComplaints.choices)
    if name == "DECLARATION_NOTIFY_RUNG":
        return list(CouncilProtocol.DeclarationNotify.choices)
    if name == "OFFICER_PROTOCOL_COVERS":
        return list(CouncilProtocol.OfficerCoverage.choices)
    raise KeyError(name)


def first_value(name: str):
    """The environment's first value for a rule (its setting)."""
    return getattr(settings, name)


def rule(name: str):
    """The council's value for the rule named by its setting, e.g. rule("ENQUIRY_WORKING_DAYS")."""
    spec = SPEC_BY_NAME[name]  # KeyError for a name that is not a council rule
    value = _stored().get(spec.field)
    if value is None or value == "":
        return first_value(name)
    return value


def council_rules() -> dict[str, object]:
    """Every rule's value, by setting name (the rules page and the API)."""
    return {spec.name: rule(spec.name) for spec in SPECS}


def rules_cache_drop() -> None:
    """Drop the cached copy now and again when the transaction commits (a reader between the
    two would otherwise cache the values from before the change)."""
    cache.delete(CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))


def _dropped(sender, **kwargs) -> None:
    rules_cache_drop()


post_save.connect(_dropped, sender=CouncilProtocol, dispatch_uid="council_rules_saved")
post_delete.connect(_dropped, sender=CouncilProtocol, dispatch_uid="council_rules_deleted")
