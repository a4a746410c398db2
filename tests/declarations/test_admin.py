"""The Django admin shows declarations and their history, and changes nothing."""

import pytest
from django.urls import reverse

from .helpers import officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]


@pytest.fixture
def admin_client_(client_for, outsider):
    outsider.is_staff = outsider.is_superuser = True
    outsider.save(update_fields=["is_staff", "is_superuser"])
    return client_for(outsider)


def test_the_admin_lists_shows_and_keeps_history_read_only(admin_client_, org):
    declaration = officer_declares(org)
    changelist = reverse("admin:declarations_declaration_changelist")
    html = admin_client_.get(changelist).content.decode()
    assert declaration.reference in html
    page = admin_client_.get(
        reverse("admin:declarations_declaration_change", args=[declaration.pk])
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="details"' not in html and "_save" not in html
    history = reverse("admin:declarations_declaration_history", args=[declaration.pk])
    assert admin_client_.get(history).status_code == 200
    assert admin_client_.get(reverse("admin:declarations_declaration_add")).status_code == 403
    steps = reverse("admin:declarations_declarationstep_changelist")
    assert admin_client_.get(steps).status_code == 200
