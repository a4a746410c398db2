"""The panel form: it parses and offers the choices; panel_save checks and writes."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, ModelMultipleChoiceField
from registers.models import Councillor, Post
from registers.pickers import OfficerField

from ..models import Panel
from .selectors import serving_councillors


class PostChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Post) -> str:
        return f"{obj.title} ({obj.get_tier_display()})"


class MembersField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Councillor) -> str:
        group = f" ({obj.group.name})" if obj.group_id else ""
        return f"{obj}{group}"


class PanelForm(GovukForm):
    purpose = forms.ChoiceField(
        choices=Panel.Purpose.choices,
        widget=forms.RadioSelect,
        label="What is the panel for?",
        error_messages={
            "required": "Select whether the panel is for an appointment or a dismissal"
        },
    )
    post = PostChoiceField(
        queryset=Post.objects.none(),
        label="Post",
        empty_label="Choose a post",
        error_messages={"required": "Select the post"},
    )
    officer = OfficerField(
        required=False,
        label="Officer concerned",
        empty_label="None: an outside candidate",
        help_text="The officer being dismissed, or an internal candidate",
    )
    candidate_name = forms.CharField(
        required=False,
        max_length=200,
        label="Outside candidate's name",
        help_text="Only for a candidate who is not an officer of the council",
    )
    meets_on = forms.DateField(
        label="Date the panel meets",
        error_messages={"required": "Enter the date the panel meets"},
    )
    members = MembersField(
        queryset=Councillor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Members sitting on the panel",
        help_text="Select all that apply. A member related to or associated with the officer "
        "concerned must not sit",
    )
    notes = forms.CharField(widget=forms.Textarea, required=False, label="Notes")

    def __init__(self, *args, panel: Panel | None = None, **kwargs):
        if panel is not None and panel.pk and "initial" not in kwargs:
            kwargs["initial"] = {
                "purpose": panel.purpose,
                "post": panel.post_id,
                "officer": panel.officer_id,
                "candidate_name": panel.candidate_name,
                "meets_on": panel.meets_on,
                "members": [m.pk for m in panel.members.all()],
                "notes": panel.notes,
            }
        super().__init__(*args, **kwargs)
        self.fields["meets_on"].error_messages["required"] = "Enter the date the panel meets"
        current = panel if panel is not None and panel.pk else None
        self.fields["post"].queryset = (
            Post.objects.active() | Post.objects.filter(pk=getattr(current, "post_id", None))
        ).order_by("tier", "title")
        if current is not None and current.officer_id:
            self.fields["officer"].scope_to(keep=current.officer_id)
        keep = [m.pk for m in current.members.all()] if current else []
        self.fields["members"].queryset = serving_councillors(keep)
