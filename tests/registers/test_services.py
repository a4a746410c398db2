"""registers.services: the writes to the registers, called directly (as a task, a command or the
admin would) rather than through a page."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from protocol_site.audit import audit_verify
from protocol_site.models import AuditEvent, ClosureDay, User
from registers import services
from registers.manage.forms import (
    ClosureDayForm,
    CouncillorForm,
    DirectorateForm,
    OfficerForm,
)
from registers.manage.member_forms import WardForm
from registers.models import Councillor, Directorate, Officer, Ward
from tests.protocol_site.factories import ClosureDayFactory, UserFactory

pytestmark = pytest.mark.django_db

NOT_DEMOCRATIC_SERVICES = [
    "councillor",
    "group_leader",
    "officer",
    "line_manager",
    "director",
    "chief_executive",
    "monitoring_officer",
    "outsider",
]


def directorate_form(name="Children's Services"):
    return DirectorateForm({"name": name, "is_active": "on"})


def officer_form(**overrides):
    data = {
        "username": "nia.jones",
        "first_name": "Nia",
        "last_name": "Jones",
        "email": "nia.jones@example.gov.uk",
        "employment_type": "employee",
        "is_active": "on",
        **overrides,
    }
    return OfficerForm(data)


@pytest.mark.parametrize("who", NOT_DEMOCRATIC_SERVICES)
def test_only_democratic_services_may_change_the_organisation(request, org, who):
    actor = request.getfixturevalue(who)
    day = ClosureDayFactory()
    with pytest.raises(PermissionDenied):
        services.register_entry_save(actor=actor, form=directorate_form())
    with pytest.raises(PermissionDenied):
        services.officer_save(actor=actor, form=officer_form())
    with pytest.raises(PermissionDenied):
        services.councillor_save(actor=actor, form=CouncillorForm({}))
    with pytest.raises(PermissionDenied):
        services.closure_day_delete(actor=actor, closure_day=day)
    with pytest.raises(PermissionDenied):
        services.register_entry_delete(actor=actor, instance=org.ward)
    assert not Directorate.objects.filter(name="Children's Services").exists()
    assert not User.objects.filter(username="nia.jones").exists()
    assert ClosureDay.objects.filter(pk=day.pk).exists()
    assert not AuditEvent.objects.exists()


def test_a_superuser_may_change_the_organisation(db):
    root = UserFactory(username="root", is_superuser=True)
    directorate = services.register_entry_save(actor=root, form=directorate_form())
    assert directorate.pk


def test_register_entry_save_creates_with_an_audit_event_and_history(democratic_services):
    directorate = services.register_entry_save(actor=democratic_services, form=directorate_form())
    event = AuditEvent.objects.get(action="registers.directorate.created")
    assert event.actor == democratic_services
    assert event.object_id == str(directorate.pk)
    assert event.before is None
    assert event.after == {"id": directorate.pk, "name": "Children's Services", "is_active": True}
    assert event.summary == "Directorate created: Children's Services"
    # Outside a request, the history still records who made the change.
    assert directorate.history.get().history_user == democratic_services
    assert audit_verify() == []


def test_register_entry_save_records_only_what_changed(democratic_services, org):
    form = WardForm({"name": "Riverside", "seats": 5}, instance=Ward.objects.get(pk=org.ward.pk))
    services.register_entry_save(actor=democratic_services, form=form)
    event = AuditEvent.objects.get(action="registers.ward.changed")
    assert (event.before, event.after) == ({"seats": 3}, {"seats": 5})
    assert event.summary == "Ward changed: Riverside (seats)"
    assert org.ward.history.first().history_user == democratic_services


def test_an_invalid_form_is_refused(democratic_services, org):
    with pytest.raises(ValidationError):
        services.register_entry_save(actor=democratic_services, form=directorate_form("Resources"))
    with pytest.raises(ValidationError):
        services.officer_save(actor=democratic_services, form=officer_form(username="officer"))
    assert not AuditEvent.objects.exists()


def test_officer_save_creates_the_account_and_profile_together(democratic_services, org):
    officer = services.officer_save(actor=democratic_services, form=officer_form(phone="123"))
    assert officer.user.username == "nia.jones"
    assert not officer.user.has_usable_password()
    assert Officer.objects.get(user__username="nia.jones").phone == "123"


def test_a_failing_profile_leaves_no_account(democratic_services, org, monkeypatch):
    def fail(self, *args, **kwargs):
        raise IntegrityError("boom")

    monkeypatch.setattr(Officer, "save", fail)
    with pytest.raises(ValidationError):
        services.officer_save(actor=democratic_services, form=officer_form())
    assert not User.objects.filter(username="nia.jones").exists()
    assert not AuditEvent.objects.exists()


def test_a_failing_profile_rolls_back_a_changed_account(democratic_services, org, monkeypatch):
    councillor = org.councillors.councillor
    form = CouncillorForm(
        {
            "username": "councillor",
            "first_name": "Changed",
            "last_name": "Baker",
            "email": "councillor@example.gov.uk",
            "ward": org.ward.pk,
            "group": org.group_a.pk,
            "term_start_0": "5",
            "term_start_1": "5",
            "term_start_2": "2022",
        },
        instance=councillor,
    )

    def fail(self, *args, **kwargs):
        raise IntegrityError("boom")

    monkeypatch.setattr(Councillor, "save", fail)
    with pytest.raises(ValidationError):
        services.councillor_save(actor=democratic_services, form=form)
    assert User.objects.get(pk=councillor.user_id).first_name == "Chris"


def test_closure_day_delete(democratic_services):
    day = ClosureDayFactory(date=datetime.date(2026, 12, 24))
    pk = day.pk
    services.closure_day_delete(actor=democratic_services, closure_day=day)
    assert not ClosureDay.objects.filter(pk=pk).exists()
    event = AuditEvent.objects.get(action="protocol_site.closureday.deleted")
    assert event.object_id == str(pk)
    assert event.before["date"] == "2026-12-24"
    deleted = ClosureDay.history.get(id=pk, history_type="-")
    assert deleted.history_user == democratic_services


def test_closure_day_form_refuses_a_duplicate_date(democratic_services):
    ClosureDayFactory(date=datetime.date(2026, 12, 24))
    form = ClosureDayForm({"date_0": "24", "date_1": "12", "date_2": "2026", "reason": "Again"})
    with pytest.raises(ValidationError):
        services.register_entry_save(actor=democratic_services, form=form)
    assert form.errors["date"] == ["There is already a closure day on that date"]
