"""Forms for democratic services' administration of the organisation.

Validation lives in the models' clean() where it is a rule of the register (a post cannot
report to itself) and here where it is about the input (a username already taken).
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.db.models import Q

from protocol_site.forms import GovukModelForm
from protocol_site.models import ClosureDay, User

from ..forms import CouncillorChoiceField, ServiceChoiceField
from ..models import (
    Councillor,
    Directorate,
    Officer,
    OfficerInterest,
    PoliticalGroup,
    Post,
    Service,
    StatutoryRole,
    TrainingAttendance,
    TrainingSession,
)
from ..models.training import ALREADY_RECORDED
from ..pickers import OfficerField


class ManageForm(GovukModelForm):
    """The base of every organisation register's form."""


class DirectorateForm(ManageForm):
    class Meta:
        model = Directorate
        fields = ["name", "is_active"]
        labels = {"is_active": "Active"}
        error_messages = {"name": {"unique": "There is already a directorate with this name"}}


class ServiceForm(ManageForm):
    error_names = {"lead_member": "the Cabinet/Lead Member"}

    complaints_officer = OfficerField(
        required=False,
        empty_label="No complaints officer named",
        label="Complaints officer",
        help_text="The officer to whom members may direct complaints about this service.",
    )

    lead_member = CouncillorChoiceField(
        queryset=Councillor.objects.select_related("user", "ward"),
        required=False,
        empty_label="No lead member named",
        label="Cabinet/Lead Member",
        help_text="The Cabinet/Lead Member whose portfolio covers this service.",
    )
    committee_chair = CouncillorChoiceField(
        queryset=Councillor.objects.select_related("user", "ward"),
        required=False,
        empty_label="No committee chair named",
        label="Committee chair",
        help_text="The chair of the committee that oversees this service.",
    )
    queue_delegate = OfficerField(
        required=False,
        empty_label="Only the head of service",
        label="Allocates the team queue",
        help_text="An officer the head of service names to allocate the team queue with them.",
    )

    class Meta:
        model = Service
        fields = [
            "directorate",
            "name",
            "complaints_officer",
            "lead_member",
            "committee_chair",
            "team_queue",
            "queue_delegate",
            "is_active",
        ]
        labels = {"is_active": "Active"}

    def clean(self):
        data = super().clean()
        directorate, name = data.get("directorate"), data.get("name")
        if directorate and name:
            clash = Service.objects.filter(directorate=directorate, name__iexact=name)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("name", f"{directorate} already has a service called {name}")
        return data


class PostForm(ManageForm):
    error_names = {"acting_until": "the date the acting arrangement ends"}

    service = ServiceChoiceField(
        queryset=Service.objects.select_related("directorate"),
        required=False,
        empty_label="Not in a service (for example, a Director's post)",
    )
    acting_holder = OfficerField(
        required=False,
        empty_label="Nobody is acting up",
        label="Acting holder",
        help_text="An officer acting up into this post while it is vacant or its holder is away.",
    )

    class Meta:
        model = Post
        fields = [
            "title",
            "tier",
            "directorate",
            "service",
            "reports_to",
            "politically_restricted",
            "restriction_reason",
            "acting_holder",
            "acting_until",
            "is_active",
        ]
        labels = {
            "is_active": "Active",
            "politically_restricted": "Politically restricted",
            "restriction_reason": "Why the post is politically restricted",
            "acting_until": "Acting until",
        }
        help_texts = {
            "directorate": "Leave blank for a post above the directorates, or to take the "
            "service's directorate.",
            "restriction_reason": "Needed when the post is politically restricted.",
            "acting_until": "Leave blank if the end date is not known. For example, 31 3 2027",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directorate"].empty_label = "No directorate"
        reports_to = self.fields["reports_to"]
        reports_to.empty_label = "Reports to no post (the top of the structure)"
        reports_to.error_messages["invalid_choice"] = (
            "Select a post from the list: a post cannot report to itself"
        )
        if self.instance.pk:
            reports_to.queryset = reports_to.queryset.exclude(pk=self.instance.pk)


class AccountFieldsMixin(forms.Form):
    """The User account fields of a person's profile form (officer or councillor)."""

    username = forms.CharField(
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="What the person signs in with. Letters, digits and @ . + - _ only.",
        error_messages={"invalid": "Username must only include letters, digits and @ . + - _"},
    )
    first_name = forms.CharField(max_length=150, label="First name")
    last_name = forms.CharField(max_length=150, label="Last name")
    email = forms.EmailField(label="Email address")

    account_fields = ("username", "first_name", "last_name", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user if self.instance.user_id else None
        if user is not None:
            for name in self.account_fields:
                self.initial.setdefault(name, getattr(user, name))
        self.order_fields([*self.account_fields, *self._meta.fields])

    def _other_users(self):
        users = User.objects.all()
        if self.instance.user_id:
            users = users.exclude(pk=self.instance.user_id)
        return users

    def clean_username(self):
        username = self.cleaned_data["username"]
        if self._other_users().filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is already taken")
        return username

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if self._other_users().filter(email__iexact=email).exists():
            raise forms.ValidationError("Another person already has that email address")
        return email

    def account_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.account_fields}


class OfficerForm(AccountFieldsMixin, ManageForm):
    class Meta:
        model = Officer
        fields = ["post", "phone", "employment_type", "is_active"]
        labels = {
            "is_active": "Active",
            "phone": "Phone number",
            "employment_type": "How they work for the council",
        }
        help_texts = {
            "employment_type": "Teachers in schools are not officers under the protocol: they "
            "are not offered for enquiries or complaints.",
            "is_active": "Untick when the officer leaves: they can no longer sign in, and their "
            "records are kept.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        post = self.fields["post"]
        post.empty_label = "No post"
        vacant = Q(holder__isnull=True)
        if self.instance.pk:
            vacant |= Q(holder=self.instance)
        post.queryset = Post.objects.filter(vacant).order_by("tier", "title")
        post.help_text = "Posts with no holder."
        employment = self.fields["employment_type"]
        employment.widget = forms.RadioSelect(choices=employment.choices)
        employment.error_messages["required"] = "Select how they work for the council"


class StatutoryRoleForm(ManageForm):
    error_names = {
        "officer": "the officer who holds the role",
        "since": "the date they took on the role",
    }

    officer = OfficerField(label="Held by")

    class Meta:
        model = StatutoryRole
        fields = ["kind", "officer", "since", "away_from", "away_until"]
        labels = {
            "kind": "Statutory role",
            "since": "Held since",
            "away_from": "Away from (optional)",
            "away_until": "Away until (optional)",
        }
        help_texts = {
            "away_from": "Leave or sickness. While the holder is away the role counts as "
            "vacant: the Deputy Monitoring Officer acts for the Monitoring Officer.",
            "away_until": "The last day they are away.",
        }
        error_messages = {
            "kind": {"unique": "That role already has a holder: open it and change who holds it"}
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["kind"].disabled = True


class CouncillorForm(AccountFieldsMixin, ManageForm):
    error_names = {
        "term_start": "the date the term of office starts",
        "term_end": "the date the term of office ends",
        "co_opted_to": "the committee they are co-opted to",
    }

    class Meta:
        model = Councillor
        fields = ["ward", "group", "term_start", "term_end", "co_opted", "co_opted_to"]
        labels = {
            "term_start": "Term of office starts",
            "term_end": "Term of office ends",
            "co_opted": "Co-opted member",
            "co_opted_to": "Co-opted to",
        }
        help_texts = {"ward": "Leave blank only for a co-opted member."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ward"].empty_label = "No ward (co-opted member)"
        self.fields["group"].empty_label = "No political group"
        self.fields["group"].queryset = PoliticalGroup.objects.active() | (
            PoliticalGroup.objects.filter(pk=self.instance.group_id)
        )


class ClosureDayForm(ManageForm):
    class Meta:
        model = ClosureDay
        fields = ["date", "reason"]

    def clean_date(self):
        date = self.cleaned_data["date"]
        clash = ClosureDay.objects.filter(date=date)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if date and clash.exists():
            raise forms.ValidationError("There is already a closure day on that date")
        return date


class OfficerInterestForm(ManageForm):
    error_names = {
        "starts_on": "the date the interest started",
        "ends_on": "the date the interest ended",
    }

    officer = OfficerField()

    class Meta:
        model = OfficerInterest
        fields = ["officer", "kind", "description", "starts_on", "ends_on"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"kind": "Kind of interest", "starts_on": "From", "ends_on": "To"}
        help_texts = {
            "description": "What the interest is: the employer, business, body, or land or "
            "property, and the officer's part in it.",
            "starts_on": "For example, 1 4 2026",
            "ends_on": "Leave blank while the interest continues. For example, 31 3 2027",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = OfficerInterest.Kind.choices  # radios: no blank choice


class TrainingSessionForm(ManageForm):
    error_names = {"held_on": "the date of the session"}

    class Meta:
        model = TrainingSession
        fields = ["title", "kind", "held_on", "provider"]
        widgets = {"kind": forms.RadioSelect}
        labels = {"kind": "Kind of session", "held_on": "Date"}
        help_texts = {
            "provider": "Who gives it: a council team, the LGA, or an outside trainer.",
            "held_on": "For example, 14 5 2026",
        }


class TrainingSessionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.get_kind_display().lower()})"


class TrainingAttendanceForm(ManageForm):
    session = TrainingSessionChoiceField(
        queryset=TrainingSession.objects.all(), empty_label="Choose a session"
    )
    councillor = CouncillorChoiceField(
        queryset=Councillor.objects.select_related("user", "ward"),
        empty_label="Choose a councillor",
    )

    class Meta:
        model = TrainingAttendance
        fields = ["session", "councillor", "attended"]
        labels = {"attended": "Attended"}
        help_texts = {"attended": "Untick for a councillor who was booked but did not attend."}

    def clean(self):
        data = super().clean()
        session, councillor = data.get("session"), data.get("councillor")
        if session and councillor:
            clash = TrainingAttendance.objects.filter(session=session, councillor=councillor)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("councillor", ALREADY_RECORDED)
        return data
