"""/organisation/protocol/: democratic services keep the council's protocol, the paragraph of it
behind each rule the product enforces; or apply a reference preset (which also sets the options
that protocol implies among the council's rules)."""

from __future__ import annotations

import os

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from protocol_site.forms import GovukForm, GovukModelForm
from protocol_site.models import CouncilProtocol
from protocol_site.protocol_rules import PRESETS, RULES

from .. import services
from .selectors import history_for
from .views import organisation_manager_required


class ProtocolForm(GovukModelForm):
    """The protocol's details and its paragraph for each rule (the options it sets are the
    council's rules, on /organisation/rules/)."""

    url = forms.URLField(label="Link to the protocol", required=False, assume_scheme="https")

    class Meta:
        model = CouncilProtocol
        fields = ["title", "version", "url", "document"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        paragraphs = self.instance.paragraphs if self.instance.pk else {}
        self.error_names = {f"rule_{rule}": "the paragraph" for rule in RULES}
        for rule, description in RULES.items():
            self.fields[f"rule_{rule}"] = forms.CharField(
                label=description,
                required=False,
                max_length=30,
                initial=paragraphs.get(rule, ""),
            )

    def paragraphs(self) -> dict[str, str]:
        return {rule: self.cleaned_data[f"rule_{rule}"] for rule in RULES}

    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class PresetForm(GovukForm):
    error_names = {"preset": "the reference protocol to start from"}

    preset = forms.ChoiceField(
        label="Start from a reference protocol",
        choices=[(p.key, p.title) for p in PRESETS.values()]
        + [("neutral", "None: no paragraph references")],
        help_text="Sets every rule's paragraph and the options that protocol implies. You can "
        "change them afterwards.",
    )


@organisation_manager_required
@require_http_methods(["GET", "POST"])
def protocol_edit(request):
    instance = CouncilProtocol.objects.first() or CouncilProtocol()
    posted = request.method == "POST"
    form = ProtocolForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=instance,
        prefix="protocol",
    )
    if posted and form.is_valid():
        try:
            services.protocol_save(
                actor=request.user, details=form.details(), paragraphs=form.paragraphs()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The council's protocol is saved.")
            return redirect("manage:protocol")
    return render(
        request,
        "manage/protocol.html",
        {
            "form": form,
            "preset_form": PresetForm(prefix="preset"),
            "protocol": instance,
            "history": history_for(instance) if instance.pk else [],
        },
    )


@organisation_manager_required
@require_POST
def protocol_preset(request):
    form = PresetForm(request.POST, prefix="preset")
    if form.is_valid():
        services.protocol_apply_preset(actor=request.user, preset=form.cleaned_data["preset"])
        messages.success(request, "The preset is applied. Check each paragraph below.")
    return redirect("manage:protocol")


@require_GET
def protocol_document(request):
    """The council's protocol as uploaded, for anyone signed in."""
    protocol = CouncilProtocol.objects.first()
    if protocol is None or not protocol.document:
        raise Http404
    return FileResponse(
        protocol.document.open("rb"),
        filename=os.path.basename(protocol.document.name),
        content_type="application/pdf",
    )
