"""The briefing pages' forms: they parse and check input; the services decide and write."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, required
from registers.forms import CouncillorChoiceField
from registers.models import Councillor, Ward
from registers.pickers import OfficerField, OfficerScope

from .models import BriefingRequest, RepresentativeMeeting, SeniorCapacity
from .services.requests import ADDRESSEE_TIERS


class BriefingRequestForm(GovukForm):
    """GRP-2: what a Group Leader asks for. A lead member or chair who does not lead a group
    asks only for a confidential briefing (004 §7.1): `group_leader=False` drops the choices."""

    kind = forms.ChoiceField(
        choices=BriefingRequest.Kind.choices,
        widget=forms.RadioSelect,
        label="What does the group need?",
        error_messages=required("Select a briefing note or an officer to attend"),
    )
    addressed_to = OfficerField(
        scope=OfficerScope(tiers=ADDRESSEE_TIERS),
        label="Who are you asking?",
        help_text="The Chief Executive or a Director. The Chief Executive clears every request.",
        empty_label="Choose the Chief Executive or a Director",
        error_messages=required("Select the Chief Executive or a Director"),
    )
    subject = forms.CharField(
        max_length=200,
        label="Subject",
        help_text="What the group wants to know about, in a sentence",
        error_messages=required("Enter the subject"),
    )
    topic = forms.CharField(
        max_length=150,
        label="Council business it is about",
        help_text="For example, the 2027/28 budget. Briefings on the same business are "
        "compared in the equal-access log.",
        error_messages=required("Enter the Council business it is about"),
    )
    details = forms.CharField(
        widget=forms.Textarea, required=False, label="Anything the officer should know"
    )
    meeting_date = forms.DateField(
        label="Date of the group meeting",
        error_messages=required("Enter the date of the group meeting"),
    )
    others_present = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Who else will be present",
        help_text="Besides the group's members",
    )
    non_council_attendees = forms.BooleanField(
        required=False,
        label="People who are not members of the council will be present (for example, an MP)",
        help_text="Officers attend only with the Chief Executive's written exception, copied "
        "to every Group Leader",
    )
    non_council_names = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Their names, and who they are",
    )
    decision_meeting = forms.CharField(
        max_length=150,
        required=False,
        label="The formal decision meeting",
        help_text="For example, Budget Council. Under equal access the note is offered to the "
        "other groups before it.",
    )
    decision_meeting_date = forms.DateField(
        required=False,
        label="Date of the decision meeting (optional)",
        help_text="For example, 24 2 2027",
    )
    alternative_budget = forms.BooleanField(
        required=False,
        label="Advice for the group's alternative budget",
    )
    confidential = forms.BooleanField(
        required=False,
        label="A private and confidential briefing for me, not for the group",
        help_text="It stays with you unless you record permission to share it",
    )

    def __init__(self, *args, group_leader: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not group_leader:
            for name in ("kind", "non_council_attendees", "non_council_names", "confidential"):
                del self.fields[name]
            del self.fields["alternative_budget"]
            self.fields["meeting_date"].label = "When you need it by"

    def clean(self):
        data = super().clean()
        if "kind" not in self.fields:
            data.update(kind=BriefingRequest.Kind.NOTE, confidential=True)
        return data


class DecisionForm(GovukForm):
    """The Chief Executive's decision: clear, nominate a representative, or decline."""

    CLEAR, NOMINATE, DECLINE = "clear", "nominate", "decline"
    decision = forms.ChoiceField(
        choices=[
            (CLEAR, "Clear it: the officer asked writes the note or attends"),
            (NOMINATE, "Nominate a representative to go in their stead"),
            (DECLINE, "Decline it: the issue is too political"),
        ],
        widget=forms.RadioSelect,
        label="Your decision",
        error_messages=required("Select clear, nominate or decline"),
    )
    nominee = OfficerField(required=False, label="The representative, if you nominate one")
    reason = forms.CharField(
        widget=forms.Textarea, required=False, label="Your reasons, if you decline"
    )
    exception_text = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Your written exception",
        help_text="Why officers may attend a meeting that includes people who are not "
        "members of the council. It is emailed to every Group Leader.",
    )

    def __init__(self, *args, briefing: BriefingRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].scope_to(exclude=(briefing.addressed_to_id,))
        if not briefing.non_council_attendees:
            del self.fields["exception_text"]

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision == self.NOMINATE and not data.get("nominee"):
            self.add_error("nominee", "Select the officer you nominate")
        if decision == self.DECLINE and not data.get("reason", "").strip():
            self.add_error("reason", "Give the reasons for declining")
        return data


class NoteForm(GovukForm):
    """GRP-3: material facts, options and their merits; the author's confirmation to issue."""

    facts = forms.CharField(
        widget=forms.Textarea,
        label="Material facts",
        error_messages=required("Enter the material facts"),
    )
    options = forms.CharField(
        widget=forms.Textarea,
        label="Options, and their merits and demerits for the council",
        error_messages=required("Enter the options and their merits for the council"),
    )
    confirmed_no_politics = forms.BooleanField(
        required=False,
        label="I confirm this note contains no political implications and no recommendation",
        help_text="Needed to issue it. Not needed to save a draft.",
    )


class AttendanceForm(GovukForm):
    """GRP-4: when, with which senior officer, and that the officer left in time."""

    attended_on = forms.DateField(
        label="Date you attended", error_messages=required("Enter the date you attended")
    )
    senior_officer = OfficerField(
        label="The senior officer present",
        help_text="The Chief Executive, Deputy Chief Executive, Monitoring Officer or their "
        "nominee",
        error_messages=required("Select the senior officer who was present"),
    )
    senior_capacity = forms.ChoiceField(
        choices=SeniorCapacity.choices,
        widget=forms.RadioSelect,
        label="They attended as",
        error_messages=required("Say in what capacity the senior officer attended"),
    )
    left_before_decision = forms.BooleanField(
        required=False,
        label="I attended for the item only, and left before any decision was taken and "
        "before party business was discussed",
    )
    only_council_members = forms.BooleanField(
        required=False,
        label="Only members of the council were present",
    )


class ShareForm(GovukForm):
    """GRP-7: the member's permission to share a confidential briefing with someone."""

    user = forms.ModelChoiceField(
        queryset=Councillor.objects.none(),
        label="Who may read it",
        empty_label="Choose a councillor",
        error_messages=required("Select who may read it"),
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            Councillor.objects.serving()
            .exclude(user=actor)
            .select_related("user")
            .order_by("user__last_name", "user__first_name")
        )

    def clean_user(self):
        return self.cleaned_data["user"].user


class ReasonForm(GovukForm):
    error_names = {"reason": "the reason"}

    reason = forms.CharField(widget=forms.Textarea, required=False, label="Why (optional)")


class ConfirmForm(GovukForm):
    """A step with nothing to fill in: the button is the decision."""


class RepresentativeMeetingForm(GovukForm):
    """GRP-8: the officer asks before meeting an MP or another council's councillor."""

    kind = forms.ChoiceField(
        choices=RepresentativeMeeting.Kind.choices,
        widget=forms.RadioSelect,
        label="Who is the representative?",
        error_messages=required("Say who the representative is"),
    )
    representative = forms.CharField(
        max_length=150, label="Their name", error_messages=required("Enter their name")
    )
    representative_role = forms.CharField(
        max_length=150,
        label="Their office",
        help_text="For example, MP for Eastgate, or councillor, Northshire County Council",
        error_messages=required("Enter their office"),
    )
    subject = forms.CharField(
        max_length=200, label="Subject", error_messages=required("Enter the subject")
    )
    meeting_date = forms.DateField(
        label="Date of the meeting", error_messages=required("Enter the date of the meeting")
    )
    ward = forms.ModelChoiceField(
        queryset=Ward.objects.order_by("name"),
        label="The ward it concerns",
        empty_label="Choose a ward",
        error_messages=required("Select the ward it concerns"),
    )
    local_councillor = CouncillorChoiceField(
        queryset=Councillor.objects.none(),
        label="The local councillor who will be present",
        empty_label="Choose a councillor",
        error_messages=required("Select the local councillor who will be present"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["local_councillor"].queryset = (
            Councillor.objects.serving()
            .filter(ward__isnull=False)
            .select_related("user", "ward")
            .order_by("ward__name", "user__last_name")
        )


class RepresentativeDecisionForm(GovukForm):
    AUTHORISE, REFUSE = "authorise", "refuse"
    decision = forms.ChoiceField(
        choices=[(AUTHORISE, "Authorise it, and inform every Group Leader"), (REFUSE, "Refuse")],
        widget=forms.RadioSelect,
        label="Your decision",
        error_messages=required("Select authorise or refuse"),
    )
    note = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Conditions or reasons",
        help_text="Needed if you refuse",
    )


class RepresentativeHeldForm(GovukForm):
    held_on = forms.DateField(
        label="Date of the meeting", error_messages=required("Enter the date of the meeting")
    )
    local_councillor_present = forms.BooleanField(
        required=False, label="The local councillor was present throughout"
    )
