"""The Django admin (technical back office): every model is registered, lists render, the audit
trail and outbox are read-only, and saves go through registers.services."""

import pytest
from django.contrib import admin
from django.urls import reverse

from protocol_site.models import AuditEvent, ClosureDay, OutboxEmail, User
from registers.admin import RegisterAdmin
from registers.manage.registry import REGISTERS
from registers.models import Directorate
from tests.protocol_site.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def root(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def _changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def test_every_register_and_kernel_model_is_in_the_admin():
    for model in [*(r.model for r in REGISTERS), AuditEvent, OutboxEmail, User]:
        assert admin.site.is_registered(model), model
    # Closure days are democratic services' register: saved through the same services.
    assert isinstance(admin.site._registry[ClosureDay], RegisterAdmin)


def test_admin_lists_render(client_for, root, org):
    client = client_for(root)
    for model in [*(r.model for r in REGISTERS), AuditEvent, OutboxEmail, User]:
        assert client.get(_changelist(model)).status_code == 200, model
    assert client.get(_changelist(OutboxEmail), {"status__exact": "pending"}).status_code == 200
    history = reverse("admin:registers_post_history", args=[org.posts.officer.pk])
    assert client.get(history).status_code == 200


def test_the_audit_trail_and_outbox_are_read_only_in_the_admin(client_for, root, rf):
    request = rf.get("/")
    request.user = root
    for model in (AuditEvent, OutboxEmail):
        model_admin = admin.site._registry[model]
        assert not model_admin.has_add_permission(request)
        assert not model_admin.has_change_permission(request)
        assert not model_admin.has_delete_permission(request)
    add = reverse("admin:protocol_site_auditevent_add")
    assert client_for(root).get(add).status_code == 403


def test_an_admin_save_goes_through_the_service(client_for, root):
    response = client_for(root).post(
        reverse("admin:registers_directorate_add"), {"name": "Adults", "is_active": "on"}
    )
    assert response.status_code == 302
    directorate = Directorate.objects.get(name="Adults")
    assert AuditEvent.objects.filter(
        action="registers.directorate.created", object_id=str(directorate.pk), actor=root
    ).exists()
    assert directorate.history.get().history_user == root


def test_an_officer_made_inactive_in_the_admin_cannot_sign_in_and_is_signed_out(
    client_for, root, officer, org
):
    from django.contrib.sessions.models import Session

    signed_in = client_for(officer)
    assert Session.objects.count() == 1
    profile = org.officers.officer
    url = reverse("admin:registers_officer_change", args=[profile.pk])
    response = client_for(root).post(
        url, {"user": officer.pk, "post": profile.post_id, "employment_type": "employee"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    officer.refresh_from_db()
    assert officer.is_active is False
    assert signed_in.get(reverse("home")).status_code == 302  # sent to sign-in
    assert Session.objects.filter().count() == 1  # root's only
