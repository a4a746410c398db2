"""Forms for democratic services' registers of wards, members' roles and political groups."""

from __future__ import annotations

from django import forms

from ..forms import CouncillorChoiceField
from ..models import Councillor, CouncillorRole, PoliticalGroup, Ward
from .forms import ManageForm


class WardForm(ManageForm):
    seats = forms.IntegerField(label="Number of seats", min_value=1, max_value=20)

    class Meta:
        model = Ward
        fields = ["name", "seats"]
        labels = {"seats": "Number of seats"}
        error_messages = {"name": {"unique": "There is already a ward with this name"}}


class CouncillorRoleForm(ManageForm):
    error_names = {"starts_on": "the date the role starts", "ends_on": "the date the role ends"}

    councillor = CouncillorChoiceField(
        queryset=Councillor.objects.select_related("user", "ward"),
        empty_label="Choose a councillor",
    )

    class Meta:
        model = CouncillorRole
        fields = ["councillor", "kind", "portfolio", "committee", "starts_on", "ends_on"]
        labels = {"kind": "Role", "starts_on": "Starts on", "ends_on": "Ends on"}
        help_texts = {
            "portfolio": "For a Cabinet/Lead Member.",
            "committee": "For a committee chair.",
            "ends_on": "Leave blank while the role is held. For example, 31 5 2027",
        }


class PoliticalGroupForm(ManageForm):
    leader = CouncillorChoiceField(
        queryset=Councillor.objects.none(),
        required=False,
        label="Group leader",
        empty_label="No group leader",
        error_messages={"invalid_choice": "Select the group leader from the group's members"},
        help_text="One of the group's members.",
    )

    protocol_contact = CouncillorChoiceField(
        queryset=Councillor.objects.none(),
        required=False,
        label="Contact for the protocol",
        empty_label="No contact named",
        error_messages={"invalid_choice": "Select the contact from the group's members"},
        help_text="The member who leads for the group on finding and resolving problems "
        "between members and officers.",
    )

    class Meta:
        model = PoliticalGroup
        fields = ["name", "short_name", "leader", "protocol_contact", "is_active"]
        labels = {"short_name": "Short name", "is_active": "Active"}
        error_messages = {"name": {"unique": "There is already a group with this name"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            members = Councillor.objects.filter(group=self.instance).select_related("user", "ward")
            self.fields["leader"].queryset = members
            self.fields["protocol_contact"].queryset = members
        else:
            # A new group has no members yet: add the councillors, then choose these.
            del self.fields["leader"]
            del self.fields["protocol_contact"]
