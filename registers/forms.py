"""Form fields every app uses to choose someone or something from the registers."""

from __future__ import annotations

from django import forms

from .models import Councillor, Service


class ServiceChoiceField(forms.ModelChoiceField):
    """Services labelled with their directorate, so the list reads as grouped."""

    def label_from_instance(self, obj: Service) -> str:
        return f"{obj.directorate.name}: {obj.name}"


class CouncillorChoiceField(forms.ModelChoiceField):
    """Councillors named with their ward."""

    def label_from_instance(self, obj: Councillor) -> str:
        return f"{obj} ({obj.ward})" if obj.ward_id else str(obj)


def active_services():
    """Services that may be chosen, grouped by their directorate."""
    return (
        Service.objects.active().select_related("directorate").order_by("directorate__name", "name")
    )
