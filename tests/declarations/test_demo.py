"""The demo declarations: made through the services, one reviewed, one awaiting review, one
due for re-confirmation and reminded, each once."""

import pytest

from declarations import demo
from declarations.models import Declaration, DeclarationStep
from declarations.panels import demo as panels_demo
from declarations.selectors import due_for_confirmation, review_queue, told_of
from protocol_site.models import User
from registers.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_the_demo_declarations_seed_once_at_different_points():
    seed_demo()
    recorder = User.objects.get(username="dem.services")
    assert demo.seed(recorder) == len(demo.DEMO_DECLARATIONS) + len(panels_demo.DEMO_PANELS)
    assert demo.seed(recorder) == 0
    statuses = sorted(Declaration.objects.values_list("status", flat=True))
    assert statuses == ["reviewed", "submitted", "submitted"]
    officer = User.objects.get(username="officer.demo")
    due = due_for_confirmation(officer).get()
    assert due.other_party.username == "leader.group"
    assert due.steps.filter(kind=DeclarationStep.Kind.CONFIRM_REMINDER).count() == 1
    mo = User.objects.get(username="monitoring.officer")
    assert review_queue(mo).count() == 2
    manager = User.objects.get(username="manager.demo")
    assert told_of(manager).count() == 2
