"""The forms for complaints at the top of the council: they parse; the services decide."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, required
from protocol_site.protocol_refs import paragraph_for
from protocol_site.protocol_rules import RULES


class ChiefExecutiveDecisionForm(GovukForm):
    """002 §10.b: what was done before deciding, and the decision. The service names whatever
    is missing; the checkboxes name the people the registers name."""

    error_names = {
        "leader_told": "whether you told the Leader of the Council",
        "group_leader_told": "whether you told the member's Group Leader",
        "standards_chair_consulted": "whether you consulted the Standards Committee chair",
    }

    leader_told = forms.BooleanField(required=False)
    group_leader_told = forms.BooleanField(required=False)
    standards_chair_consulted = forms.BooleanField(required=False)
    decision = forms.CharField(
        widget=forms.Textarea,
        label="The course of action you decided on",
        error_messages=required("Enter the course of action you decided on"),
        help_text="The officer, the Monitoring Officer and, once told of the complaint, the "
        "member read this",
    )

    def __init__(self, *args, leader=None, group_leader=None, chair=None, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        if leader is None:
            fields["leader_told"].label = "I told the Leader of the Council"
            fields["leader_told"].help_text = "The registers name no Leader of the Council"
        else:
            fields["leader_told"].label = f"I told the Leader of the Council, {leader}"
        if group_leader is not None and group_leader == leader:
            fields["leader_told"].label += ", who is also the member's Group Leader"
            group_leader = None
        if group_leader is None:
            del fields["group_leader_told"]
        else:
            fields["group_leader_told"].label = f"I told the member's Group Leader, {group_leader}"
        who = f", {chair}" if chair is not None else ""
        fields[
            "standards_chair_consulted"
        ].label = f"I consulted the chair of the Standards Committee{who}"


class StandardsCommitteeForm(GovukForm):
    reason = forms.CharField(
        widget=forms.Textarea,
        label="Why you are taking it to the Standards Committee",
        help_text="The Monitoring Officer reads this, and those handling the complaint",
        error_messages=required("Say why you are taking it to the Standards Committee"),
    )


def rule_choices() -> list[tuple[str, str]]:
    """Each rule in words, with the council's paragraph for it where one is set."""
    choices = []
    for key, words in sorted(RULES.items(), key=lambda item: item[1]):
        paragraph = paragraph_for(key)
        choices.append((key, f"{words} (paragraph {paragraph})" if paragraph else words))
    return [("", "Choose the part of the protocol")] + choices


class RulingForm(GovukForm):
    """004 §13.1: the Chief Executive's ruling on interpreting the protocol."""

    title = forms.CharField(
        max_length=200,
        label="What is the ruling about?",
        help_text="In a sentence",
        error_messages=required("Enter what the ruling is about"),
    )
    rule = forms.ChoiceField(
        label="Which part of the protocol does it interpret?",
        error_messages=required("Select the part of the protocol the ruling interprets"),
    )
    ruling = forms.CharField(
        widget=forms.Textarea,
        label="The ruling",
        help_text="How the protocol is to be read. Group Leaders, the Monitoring Officer and "
        "democratic services read this",
        error_messages=required("Enter the ruling"),
    )
    ruled_on = forms.DateField(
        label="Date of the ruling",
        help_text="For example, 27 11 2026",
        error_messages=required("Enter the date of the ruling"),
    )
    monitoring_officer_consulted = forms.BooleanField(
        label="I consulted the Monitoring Officer before ruling",
        error_messages=required("Confirm you consulted the Monitoring Officer before ruling"),
    )
    error_names = {"ruled_on": "the date of the ruling"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule"].choices = rule_choices()
