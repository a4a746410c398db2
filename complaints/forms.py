"""The complaint pages' forms: they parse and check input; the services decide and write."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, required
from registers.forms import CouncillorChoiceField
from registers.models import Councillor, Service
from registers.pickers import OfficerField

from .models import DECISION_OUTCOMES, Referral


class ComplaintsOfficerChoiceField(forms.ModelChoiceField):
    """A service, named by its complaints officer."""

    def label_from_instance(self, obj: Service) -> str:
        return f"{obj.complaints_officer}, complaints officer for {obj.name}"


def current_councillors():
    return (
        Councillor.objects.serving()
        .select_related("user", "ward")
        .order_by("user__last_name", "user__first_name")
    )


class _Concern(GovukForm):
    summary = forms.CharField(
        max_length=200,
        label="Summarise the concern",
        help_text="In a sentence",
        error_messages=required("Enter a short summary"),
    )
    details = forms.CharField(
        widget=forms.Textarea,
        label="Describe the concern",
        help_text="What happened, when, and who was there",
        error_messages=required("Describe the concern"),
    )


class AboutOfficerForm(_Concern):
    """CMP-1: a councillor's concern about an officer."""

    about_officer = OfficerField(
        label="Which officer is it about?",
        error_messages=required("Select the officer it is about"),
    )
    complaints_service = ComplaintsOfficerChoiceField(
        queryset=Service.objects.none(),
        required=False,
        label="Who should deal with it first? (optional)",
        empty_label="The officer's line manager, as usual",
        help_text="Each service names an officer to whom members may direct a complaint if "
        "they cannot or prefer not to raise it with line managers. See who's who.",
    )
    field_order = ["about_officer", "complaints_service", "summary", "details"]
    error_names = {"complaints_service": "who should deal with it first"}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["about_officer"].scope_to(exclude_user=user.pk)
        self.fields["complaints_service"].queryset = (
            Service.objects.active()
            .filter(complaints_officer__is_active=True, complaints_officer__user__is_active=True)
            .select_related("directorate", "complaints_officer__user")
            .order_by("directorate__name", "name")
        )


class AboutCouncillorForm(_Concern):
    """CMP-2: an officer's concern about a councillor."""

    about_councillor = CouncillorChoiceField(
        queryset=Councillor.objects.none(),
        label="Which councillor is it about?",
        empty_label="Choose a councillor",
        error_messages=required("Select the councillor it is about"),
    )
    field_order = ["about_councillor", "summary", "details"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        councillors = current_councillors()
        if user is not None:
            councillors = councillors.exclude(user=user)
        self.fields["about_councillor"].queryset = councillors


class AcknowledgeForm(GovukForm):
    pass


class NotifySubjectForm(GovukForm):
    pass


class ResolveForm(GovukForm):
    outcome = forms.ChoiceField(
        choices=[(o.value, o.label) for o in DECISION_OUTCOMES],
        widget=forms.RadioSelect,
        label="How was this stage resolved?",
        help_text="Try informal resolution first",
        error_messages=required("Select how the stage was resolved"),
    )
    note = forms.CharField(
        widget=forms.Textarea,
        label="What was decided",
        help_text="The complainant reads this",
        error_messages=required("Say what was decided, for the complainant"),
    )
    management_note = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Management note (optional)",
        help_text="Confidential: never shown to the complainant or the subject",
    )


class ReferForm(GovukForm):
    referral = forms.ChoiceField(
        choices=Referral.choices,
        widget=forms.RadioSelect,
        label="Where is it referred?",
        error_messages=required("Select where it is referred"),
    )
    note = forms.CharField(
        widget=forms.Textarea,
        label="Why it is referred",
        error_messages=required("Say why it is referred"),
    )
    management_note = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Management note (optional)",
        help_text="Confidential: never shown to the complainant or the subject",
    )


class ReportForm(GovukForm):
    """003 §14.2–14.3: the Monitoring Officer's report of an officer's complaint about a member."""

    report = forms.CharField(
        widget=forms.Textarea,
        label="Findings, and the resolution or recommended action",
        help_text="The member, the officer, the Chief Executive and the officer's Director read "
        "this",
        error_messages=required("Write the findings and any recommended action"),
    )
    tell_group_leader = forms.BooleanField(
        required=False,
        label="Also tell the member's group leader of the complaint and the findings",
        help_text="In appropriate cases",
    )


class EscalateForm(GovukForm):
    reason = forms.CharField(
        widget=forms.Textarea,
        label="Reasons",
        error_messages=required("Give the reasons"),
    )


class WithdrawForm(GovukForm):
    error_names = {"reason": "the reason"}

    reason = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Why are you withdrawing it? (optional)",
    )


class MessageForm(GovukForm):
    """A message at the current stage; the handler may share theirs with the subject, once
    the subject has been told of the complaint (`share_with`: their name, or None)."""

    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label="Your message",
        error_messages=required("Enter your message"),
    )
    share_with_subject = forms.BooleanField(required=False)

    def __init__(self, *args, share_with=None, **kwargs):
        super().__init__(*args, **kwargs)
        if share_with is None:
            del self.fields["share_with_subject"]
            return
        field = self.fields["share_with_subject"]
        field.label = f"Also share this message with {share_with}, whom the complaint is about"
        field.help_text = (
            "They are emailed that there is a message for them. They never see the "
            "complainant's messages, nor any of yours you do not share"
        )
