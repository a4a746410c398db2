"""Text the database cannot hold (NUL, lone surrogates): taken out of query parameters, refused
in form fields with an error naming the field. The sweep over every URL is in
tests/access/test_unstorable_characters.py."""

from __future__ import annotations

import pytest
from django import forms
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from enquiries.models import Enquiry
from protocol_site.forms import GovukForm
from protocol_site.unstorable import (
    StorableQueryMiddleware,
    holds_unstorable,
    mend_surrogates,
    storable,
)
from registers.models import Service

NUL = "\x00"


@pytest.mark.parametrize(
    ("value", "held"),
    [
        ("plain", False),
        ("é 𝔘 🦄", False),
        (f"a{NUL}b", True),
        ("\ud800", True),
        (["1", "2", f"{NUL}"], True),
        (("31", "12", "2026"), False),
        ({"a": f"x{NUL}"}, True),
        (None, False),
        (12, False),
    ],
)
def test_what_the_database_cannot_hold(value, held):
    assert holds_unstorable(value) is held


def test_storable_takes_out_nul_and_lone_surrogates_only():
    assert storable(f"ENQ{NUL}-2026-\ud83d0001 é🦄") == "ENQ-2026-0001 é🦄"


def test_lone_surrogates_in_parsed_json_become_the_replacement_character():
    body = {"subject": "a\ud800b", "k\udfff": ["\ud83d", {"x": "🦄"}], "n": 1}
    assert mend_surrogates(body) == {
        "subject": "a\ufffdb",
        "k\ufffd": ["\ufffd", {"x": "🦄"}],
        "n": 1,
    }
    assert mend_surrogates("\udc00") == "\ufffd"
    deep = inner = []
    for _ in range(5000):  # deeper than a recursive walk could go
        inner.append([])
        inner = inner[0]
    inner.append("\ud800")
    mend_surrogates(deep)
    assert inner == ["\ufffd"]


def test_the_middleware_cleans_every_query_parameter_name_and_value():
    seen = {}

    def view(request):
        seen["GET"] = request.GET
        return HttpResponse()

    request = RequestFactory().get("/", {"q": f"Elm{NUL} Road", f"so{NUL}rt": "due", "page": "2"})
    StorableQueryMiddleware(view)(request)
    assert seen["GET"].dict() == {"q": "Elm Road", "sort": "due", "page": "2"}
    assert not seen["GET"]._mutable
    untouched = RequestFactory().get("/", {"q": "Elm Road"})
    original = untouched.GET
    StorableQueryMiddleware(view)(untouched)
    assert seen["GET"] is original


class AllKindsForm(GovukForm):
    name = forms.CharField(label="Name")
    kind = forms.ChoiceField(label="Kind", choices=[("a", "A")])
    service = forms.ModelChoiceField(queryset=Service.objects.all(), label="Service")
    services = forms.ModelMultipleChoiceField(queryset=Service.objects.all(), required=False)
    on = forms.DateField(label="Date of the meeting")


@pytest.mark.django_db
def test_every_kind_of_field_refuses_a_nul_naming_itself(org):
    form = AllKindsForm(
        {
            "name": f"Cllr{NUL} Baker",
            "kind": f"a{NUL}",
            "service": f"{org.service.pk}{NUL}",
            "services": [str(org.service.pk), f"x{NUL}"],
            "on_0": "1",
            "on_1": f"1{NUL}",
            "on_2": "2027",
        }
    )
    assert not form.is_valid()
    hidden = "must not contain hidden characters such as a null character"
    assert form.errors == {
        "name": [f"Name {hidden}"],
        "kind": [f"Kind {hidden}"],
        "service": [f"Service {hidden}"],
        "services": [f"Services {hidden}"],
        "on": [f"Date of the meeting {hidden}"],
    }


@pytest.mark.django_db
def test_a_form_without_nul_is_cleaned_as_before(org):
    form = AllKindsForm(
        {"name": "Cllr Baker", "kind": "a", "service": org.service.pk, "on_0": "1"}
        | {"on_1": "2", "on_2": "2027"}
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == "Cllr Baker"


@pytest.mark.django_db
def test_an_enquiry_typed_with_a_nul_is_refused_on_the_page_and_nothing_is_saved(
    client_for, councillor, org
):
    data = {
        "subject": f"Missed bin{NUL} collection",
        "details": "Residents report three missed collections.",
        "kind": Enquiry.Kind.CASEWORK,
        "service": org.service.pk,
        "ward": org.ward.pk,
    }
    response = client_for(councillor).post(reverse("enquiries:new"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "Subject must not contain hidden characters such as a null character" in html
    assert not Enquiry.objects.exists()
