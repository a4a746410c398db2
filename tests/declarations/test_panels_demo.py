"""The demo panels: made through panel_save, once, one of them outside 003 §6.1."""

import pytest

from declarations.models import Panel
from declarations.panels import demo
from declarations.panels.rules import members_may_sit
from declarations.panels.services import conflicted_members
from protocol_site.models import User
from registers.demo import seed_demo

pytestmark = pytest.mark.django_db


def test_the_demo_panels_seed_once_and_one_is_outside_the_protocol():
    seed_demo()
    recorder = User.objects.get(username="dem.services")
    assert demo.seed(recorder) == len(demo.DEMO_PANELS)
    assert demo.seed(recorder) == 0
    panels = list(Panel.objects.select_related("post", "officer"))
    assert len(panels) == len(demo.DEMO_PANELS)
    assert all(panel.members.exists() for panel in panels)
    assert [members_may_sit(p.post, p.officer) for p in panels].count(False) == 1
    for panel in panels:
        assert conflicted_members(panel.members.all(), panel.officer) == []
