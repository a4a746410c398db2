"""The officer picker without JavaScript: a select while the form offers few officers; at
scale a text input where a typed name is taken when it names one officer, offered as radios
when it names several, and an error when it names none. An id, however posted, must be one
the form offers."""

import pytest
from django import forms
from django.urls import reverse

from protocol_site.forms import GovukForm
from registers.models import Visit
from registers.pickers import OfficerField, OfficerScope
from tests.clock import clock_fixture
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import OfficerFactory, PostFactory

from .helpers import NOW, ask_for_visit

pytestmark = pytest.mark.django_db

monday_morning = clock_fixture(NOW, name="monday_morning")
NOT_FOUND = "No officer found called {}. Check the spelling or enter another name."


@pytest.fixture
def at_scale(monkeypatch):
    """The text input a large council gets, in a small test council."""
    monkeypatch.setattr("registers.pickers.SELECT_LIMIT", 0)


@pytest.fixture
def arrange(org, client_for, director):
    visit = ask_for_visit(org)
    client = client_for(director)
    url = reverse("visits:arrange", args=[visit.pk])

    def post(**data):
        return client.post(url, {"conditions": "", **data})

    post.page = lambda: client.get(url).content.decode()
    post.visit = visit
    return post


def officer_in(org, first: str, last: str, title: str = "Waste Officer"):
    post = PostFactory(title=title, service=org.service)
    return OfficerFactory(user=UserFactory(first_name=first, last_name=last), post=post)


def arranged_with(arrange):
    visit = Visit.objects.get(pk=arrange.visit.pk)
    assert visit.status == Visit.Status.ARRANGED
    return visit.meeting_officer


def test_a_form_offering_few_officers_shows_a_select(arrange, org):
    page = arrange.page()
    assert '<select class="govuk-select" id="id_meeting_officer" name="meeting_officer"' in page
    assert f'<option value="{org.officers.head_of_service.pk}">Gareth Evans (' in page
    assert "Margaret Lewis" not in page  # another directorate


def test_at_scale_it_is_a_text_input_that_searches_the_forms_officers(arrange, at_scale):
    page = arrange.page()
    assert "<select" not in page.split('id="id_meeting_officer"')[0].rsplit("<label", 1)[-1]
    assert 'name="meeting_officer" type="text"' in page
    assert 'data-module="app-officer-picker"' in page
    assert 'data-search-url="/officers/search/?scope=' in page
    assert "Enter their name, or part of it" in page


@pytest.mark.parametrize("typed", ["Gareth Evans", "  gareth   EVANS ", "Evans", "gar"])
def test_a_name_that_names_one_officer_is_taken(arrange, at_scale, org, typed):
    response = arrange(meeting_officer=typed)
    assert response.status_code == 302
    assert arranged_with(arrange) == org.officers.head_of_service


def test_a_name_that_names_no_officer_the_form_offers_is_an_error(arrange, at_scale):
    response = arrange(meeting_officer="Lewis")  # Margaret Lewis works in Resources
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="govuk-error-summary"' in page
    assert NOT_FOUND.format("Lewis") in page
    assert 'href="#id_meeting_officer"' in page
    assert 'value="Lewis"' in page  # what they typed, to correct
    assert Visit.objects.get(pk=arrange.visit.pk).status == Visit.Status.REQUESTED


def test_a_name_that_names_several_offers_them_to_choose_from(arrange, at_scale, org):
    jones = officer_in(org, "Sam", "Jones")
    jonas = officer_in(org, "Sam", "Jonas", title="Recycling Officer")
    response = arrange(meeting_officer="sam jon")
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 officers match sam jon. Select one, or enter more of their name" in page
    assert "Officers matching sam jon" in page
    for officer in (jonas, jones):
        assert f'name="meeting_officer_match" type="radio" value="{officer.pk}"' in page
    assert "Recycling Officer, Waste and Recycling" in page  # to tell them apart

    response = arrange(meeting_officer="sam jon", meeting_officer_match=jonas.pk)
    assert response.status_code == 302
    assert arranged_with(arrange) == jonas


def test_namesakes_are_offered_by_their_posts(arrange, at_scale, org):
    first = officer_in(org, "Jane", "Smith", title="Driver")
    second = officer_in(org, "Jane", "Smith", title="Loader")
    officer_in(org, "Jane", "Smithson")
    page = arrange(meeting_officer="jane smith").content.decode()
    assert "More than one officer is called jane smith. Select the one you mean" in page
    assert page.count('name="meeting_officer_match"') == 2
    assert "Smithson" not in page
    assert arrange(meeting_officer="jane smith", meeting_officer_match=second.pk).status_code == 302
    assert arranged_with(arrange) == second and first != second


def test_the_id_the_autocomplete_posts_is_taken_with_the_name_it_stands_for(arrange, at_scale, org):
    gareth = org.officers.head_of_service
    response = arrange(meeting_officer="Gareth Evans", meeting_officer_id=gareth.pk)
    assert response.status_code == 302
    assert arranged_with(arrange) == gareth


def test_a_name_typed_over_a_chosen_one_wins(arrange, at_scale, org):
    other = officer_in(org, "Priya", "Nair")
    gareth = org.officers.head_of_service
    response = arrange(meeting_officer="Priya Nair", meeting_officer_id=gareth.pk)
    assert response.status_code == 302
    assert arranged_with(arrange) == other


WHERE = ["meeting_officer", "meeting_officer_id", "meeting_officer_match"]


@pytest.mark.parametrize("where", WHERE)
def test_an_officer_the_form_does_not_offer_is_a_field_error(arrange, at_scale, org, where):
    margaret = org.officers.monitoring_officer  # Resources: not this visit's directorate
    data = {"meeting_officer": "Margaret Lewis", where: str(margaret.pk)}
    response = arrange(**data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select the officer who will meet the member" in page
    assert "Head of Legal" not in page  # nothing about her shows
    assert Visit.objects.get(pk=arrange.visit.pk).status == Visit.Status.REQUESTED


@pytest.mark.parametrize(
    "hostile", ["0", "-1", "999999", str(2**63), "9" * 30, "1.5", "٣", "a\x00b", "%", "x" * 500]
)
def test_hostile_input_is_a_field_error_never_a_failure(arrange, at_scale, hostile):
    for where in WHERE:
        response = arrange(**{where: hostile})
        assert response.status_code == 200, (where, hostile)
        assert 'class="govuk-error-summary"' in response.content.decode()


def test_a_posted_id_still_works_in_the_select(arrange, org):
    hostile = arrange(meeting_officer=org.officers.monitoring_officer.pk)
    assert hostile.status_code == 200
    assert "Select the officer who will meet the member" in hostile.content.decode()
    response = arrange(meeting_officer=org.officers.head_of_service.pk)
    assert response.status_code == 302
    assert arranged_with(arrange) == org.officers.head_of_service


class _Pick(GovukForm):
    officer = OfficerField(label="Officer to pass it to")
    note = forms.CharField(label="Why")


def test_a_chosen_officer_is_remembered_when_another_field_has_an_error(at_scale, org):
    gareth = org.officers.head_of_service
    form = _Pick(data={"officer": "evans", "note": ""})
    assert not form.is_valid() and "officer" not in form.errors
    html = form.render()
    assert 'value="Gareth Evans"' in html
    assert f'name="officer_id" value="{gareth.pk}"' in html
    again = _Pick(data={"officer": "Gareth Evans", "officer_id": str(gareth.pk), "note": "x"})
    assert again.is_valid() and again.cleaned_data["officer"] == gareth


def test_nothing_entered_says_what_to_enter(at_scale, org):
    form = _Pick(data={"officer": "", "note": "x"})
    assert form.errors["officer"] == ["Select the officer to pass it to"]


def test_an_officer_already_chosen_is_kept_when_they_have_left(at_scale, org):
    """A panel recorded with an officer who has since left can still be saved unchanged."""
    left = org.officers.officer
    left.is_active = False
    left.save(update_fields=["is_active"])
    field = OfficerField(label="Officer concerned")
    with pytest.raises(forms.ValidationError):
        field.clean(str(left.pk))
    field.scope_to(keep=left.pk)
    assert field.clean(str(left.pk)) == left
    assert OfficerScope.from_token(field.scope.token()) == field.scope
