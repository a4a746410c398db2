"""/organisation/rules/: democratic services keep the council's rules (working days, who an
overdue enquiry or a complaint goes to, who is told of what), each asked in the council's words,
with the history of every change. A change applies from the next deadline worked out."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from protocol_site.council_rules import (
    SPEC_BY_NAME,
    SPECS,
    council_rules,
    first_value,
    rule_choices,
)
from protocol_site.forms import GovukForm
from protocol_site.models import CouncilProtocol

from .. import services
from ..ladder import RUNG_LABELS, Rung
from ..services.rules import LADDER_RUNGS, MEMBER_COMPLAINT_TOLD
from .selectors import HISTORY_LIMIT, HistoryEntry
from .views import organisation_manager_required

LADDER = "ENQUIRY_ESCALATION_LADDER"
SECTIONS = (
    (
        "Members' enquiries",
        (
            "ENQUIRY_WORKING_DAYS",
            "ENQUIRY_URGENT_WORKING_DAYS",
            "ENQUIRY_REMINDER_WORKING_DAYS_BEFORE",
            LADDER,
            "ENQUIRY_ADVISE_CHAIR_AND_LEAD_MEMBER",
            "ENQUIRY_WAITING_REMINDER_WORKING_DAYS",
            "ENQUIRY_WAITING_CLOSE_WORKING_DAYS",
            "ENQUIRY_FOLLOW_UP_WORKING_DAYS",
        ),
    ),
    (
        "Complaints",
        (
            "COMPLAINT_ACKNOWLEDGE_WORKING_DAYS",
            "COMPLAINT_RESOLVE_WORKING_DAYS",
            "COMPLAINT_ESCALATION_LADDER",
            "COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO",
            "COMPLAINT_COPY_MONITORING_OFFICER",
            "COMPLAINT_ABOUT_MEMBER_REPORTED_TO",
            "COMPLAINT_OFFICER_TO_STANDARDS_COMMITTEE",
        ),
    ),
    (
        "Visits and declared relationships",
        (
            "VISIT_NOTICE_WORKING_DAYS",
            "VISIT_SCHOOLS_THROUGH_HEADTEACHER",
            "VISIT_UNANNOUNCED_ALLOWED",
            "DECLARATION_CONFIRM_MONTHS",
            "DECLARATION_REMINDER_DAYS",
            "DECLARATION_NOTIFY_RUNG",
        ),
    ),
    ("Advice from the Monitoring Officer", ("ADVICE_WORKING_DAYS",)),
    (
        "Elections and political groups",
        ("ELECTION_GUIDANCE_TO_ALL_OFFICERS", "GROUP_BRIEFING_EQUAL_ACCESS"),
    ),
    ("Who counts as an officer", ("OFFICER_PROTOCOL_COVERS",)),
)
assert {name for _, names in SECTIONS for name in names} == set(SPEC_BY_NAME)

# What each rule is called in an error message ("Select whether ..."), where its question
# would read badly there.
ERROR_NAMES = {
    "complaint_about_chief_executive_goes_to": "who a complaint about the Chief Executive goes to",
    "declaration_notify_rung": "who is told of an officer's declared relationship",
    "enquiry_advise_chair_and_lead_member": "whether the committee chair and lead member are told",
    "complaint_copy_monitoring_officer": "whether the Monitoring Officer is copied in",
    "complaint_officer_to_standards_committee": "whether an officer may go straight to the "
    "Standards Committee",
    "election_guidance_to_all_officers": "whether pre-election guidance goes to every officer",
    "group_briefing_equal_access": "whether advice to one group is offered to the others",
    "complaint_escalation_ladder": "who a complaint about an officer goes to",
    "complaint_about_member_reported_to": "who is told of a complaint about a councillor",
    "visit_schools_through_headteacher": "whether a visit to a school is arranged through its "
    "Headteacher",
    "visit_unannounced_allowed": "whether a councillor may record an unannounced visit",
    "officer_protocol_covers": "who counts as an officer under the protocol",
}
YES_NO = [("True", "Yes"), ("False", "No")]


def ladder_field(rung: Rung) -> str:
    return f"{LADDER.lower()}__{rung.value}"


def _field(spec) -> forms.Field:
    if spec.kind == "days":
        return forms.IntegerField(
            label=spec.label,
            help_text=spec.hint,
            min_value=spec.minimum,
            max_value=spec.maximum,
            widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        )
    if spec.kind == "yes_no":
        return forms.TypedChoiceField(
            label=spec.label,
            help_text=spec.hint,
            choices=YES_NO,
            coerce=lambda value: value == "True",
            widget=forms.RadioSelect,
        )
    if spec.kind == "choice":
        return forms.ChoiceField(
            label=spec.label,
            help_text=spec.hint,
            choices=rule_choices(spec.name),
            widget=forms.RadioSelect,
        )
    allowed = MEMBER_COMPLAINT_TOLD if spec.name.endswith("REPORTED_TO") else LADDER_RUNGS
    return forms.MultipleChoiceField(
        label=spec.label,
        help_text=spec.hint,
        required=spec.name == "COMPLAINT_ESCALATION_LADDER",
        choices=[(rung.value, RUNG_LABELS[rung]) for rung in allowed],
        widget=forms.CheckboxSelectMultiple,
    )


def _rung_days_field(rung: Rung) -> forms.IntegerField:
    return forms.IntegerField(
        label=f"{RUNG_LABELS[rung]}: working days",
        required=False,
        min_value=0,
        max_value=SPEC_BY_NAME[LADDER].maximum,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
    )


class CouncilRulesForm(GovukForm):
    error_names = {
        **ERROR_NAMES,
        **{
            ladder_field(rung): f"the working days for the {RUNG_LABELS[rung]}"
            for rung in LADDER_RUNGS
        },
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fields are made here, in SPECS order; GovukForm words them when the form is cleaned.
        for spec in SPECS:
            if spec.kind == "ladder_days":
                for rung in LADDER_RUNGS:
                    self.fields[ladder_field(rung)] = _rung_days_field(rung)
            else:
                self.fields[spec.field] = _field(spec)

    @staticmethod
    def initial_for(values: dict[str, object]) -> dict[str, object]:
        """The form's starting values from the council's rules."""
        initial = {}
        for spec in SPECS:
            value = values[spec.name]
            if spec.kind == "ladder_days":
                for item in value:
                    name, _, days = str(item).partition(":")
                    initial[f"{spec.field}__{name}"] = int(days or 0)
            elif spec.kind == "yes_no":
                initial[spec.field] = str(bool(value))
            else:
                initial[spec.field] = value
        return initial

    def sections(self):
        """(heading, [(spec, bound field or the ladder's bound fields)]) for the template."""
        for heading, names in SECTIONS:
            rows = []
            for name in names:
                spec = SPEC_BY_NAME[name]
                if spec.kind == "ladder_days":
                    rows.append((spec, [self[ladder_field(rung)] for rung in LADDER_RUNGS]))
                else:
                    rows.append((spec, self[spec.field]))
            yield heading, rows

    def values(self) -> dict[str, object]:
        data = self.cleaned_data
        values = {}
        for spec in SPECS:
            if spec.kind == "ladder_days":
                values[spec.name] = [
                    f"{rung.value}:{data[ladder_field(rung)]}"
                    for rung in LADDER_RUNGS
                    if data.get(ladder_field(rung)) is not None
                ]
            else:
                values[spec.name] = data[spec.field]
        return values

    def add_service_errors(self, error: ValidationError) -> None:
        """The service's errors, by rule, on the field that asks about it."""
        for field, messages_ in error.message_dict.items():
            if field == LADDER.lower():
                field = ladder_field(LADDER_RUNGS[0])
            self.add_error(field if field in self.fields else None, messages_)


@organisation_manager_required
@require_http_methods(["GET", "POST"])
def council_rules_edit(request):
    posted = request.method == "POST"
    form = CouncilRulesForm(
        request.POST if posted else None,
        initial=CouncilRulesForm.initial_for(council_rules()),
        prefix="rules",
    )
    if posted and form.is_valid():
        try:
            services.council_rules_save(actor=request.user, values=form.values())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, "The council's rules are saved. They apply from now on.")
            return redirect("manage:rules")
    protocol = CouncilProtocol.objects.first()
    return render(
        request,
        "manage/rules.html",
        {"form": form, "history": rules_history(protocol) if protocol else []},
    )


def _shown(spec, value) -> str:
    if value is None or value == "":
        return "as first set up"
    if spec.kind == "yes_no":
        return "Yes" if value else "No"
    if spec.kind == "choice":
        return dict(rule_choices(spec.name)).get(value, str(value))
    if spec.kind == "ladder_days":
        parts = []
        for item in value:
            name, _, days = str(item).partition(":")
            parts.append(f"{RUNG_LABELS.get(Rung(name), name)} after {days or 0}")
        return ", ".join(parts)
    if spec.kind == "rungs":
        return ", ".join(RUNG_LABELS.get(Rung(name), name) for name in value) or "Nobody"
    return str(value)


def rules_history(protocol: CouncilProtocol) -> list[HistoryEntry]:
    """Who changed which rule, when, from what to what: newest first (other changes to the
    protocol are on its own page)."""
    records = list(protocol.history.select_related("history_user")[: HISTORY_LIMIT + 1])
    entries = []
    for index, record in enumerate(records[:HISTORY_LIMIT]):
        older = records[index + 1] if index + 1 < len(records) else None
        if older is None and record.history_type != "+":
            continue  # the history before this is past the limit
        entry = HistoryEntry(
            when=record.history_date,
            who=record.history_user.display_name if record.history_user else "The system",
            kind="Changed" if older is not None else "Set up, from the first values",
        )
        for spec in SPECS:
            new = getattr(record, spec.field)
            old = getattr(older, spec.field) if older is not None else first_value(spec.name)
            if old != new and not (older is None and new is None):
                label = str(protocol._meta.get_field(spec.field).verbose_name).capitalize()
                entry.changes.append((label, _shown(spec, old), _shown(spec, new)))
        if entry.changes:
            entries.append(entry)
    return entries
