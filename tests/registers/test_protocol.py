"""The council's protocol: the paragraph behind each rule, the presets, the options they set,
the page democratic services keep it on, and the tag and helper that cite it."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from complaints.routing import chief_executive_ladder
from protocol_site.council_rules import rule
from protocol_site.models import CouncilProtocol
from protocol_site.protocol_refs import protocol_ref
from protocol_site.protocol_rules import PRESETS, RULES
from protocol_site.request_memo import _memo
from registers.ladder import Rung
from registers.services import protocol_apply_preset, protocol_save

pytestmark = pytest.mark.django_db


def _render(text):
    return Template("{% load ui %}" + text).render(Context({}))


def test_with_no_protocol_nothing_is_cited_and_the_environment_decides(settings):
    settings.GROUP_BRIEFING_EQUAL_ACCESS = False
    assert protocol_ref("visit_notice") == ""
    assert _render('Told in advance{% protocol_ref "visit_notice" %}.') == "Told in advance."
    assert rule("GROUP_BRIEFING_EQUAL_ACCESS") is False


def test_a_set_paragraph_is_cited_in_the_councils_words(democratic_services):
    protocol_save(actor=democratic_services, details={}, paragraphs={"visit_notice": " 5.02 "})
    assert protocol_ref("visit_notice") == " (Protocol, paragraph 5.02)"
    assert protocol_ref("enquiry_routing") == ""
    assert (
        _render('Told in advance{% protocol_ref "visit_notice" %}.')
        == "Told in advance (Protocol, paragraph 5.02)."
    )


def test_an_unknown_rule_is_a_programming_error():
    with pytest.raises(KeyError):
        protocol_ref("no_such_rule")


def test_every_preset_cites_only_known_rules_and_options():
    for preset in PRESETS.values():
        assert set(preset.paragraphs) <= set(RULES), preset.key
        assert set(preset.options) <= {f.name for f in CouncilProtocol._meta.fields}


def test_a_preset_sets_paragraphs_and_the_options_it_implies(settings, democratic_services):
    settings.COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO = "monitoring_officer"
    protocol_apply_preset(actor=democratic_services, preset="london")
    assert protocol_ref("enquiry_routing") == " (Protocol, paragraph 5.02)"
    assert rule("COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO") == "leader"
    assert chief_executive_ladder()[0] == Rung.LEADER
    protocol_apply_preset(actor=democratic_services, preset="borough_2020")
    assert protocol_ref("enquiry_routing") == ""
    assert rule("GROUP_BRIEFING_EQUAL_ACCESS") is False
    assert chief_executive_ladder()[0] == Rung.MONITORING_OFFICER
    protocol_apply_preset(actor=democratic_services, preset="neutral")
    assert protocol_ref("enquiry_response_time") == ""
    settings.GROUP_BRIEFING_EQUAL_ACCESS = True
    assert rule("GROUP_BRIEFING_EQUAL_ACCESS") is True
    protocol = CouncilProtocol.objects.get()
    assert protocol.history.count() == 3


def test_the_management_command_applies_a_preset(capsys):
    call_command("protocol_preset", "county")
    assert protocol_ref("briefing_confidential") == " (Protocol, paragraph 6.8)"
    assert "paragraph references set" in capsys.readouterr().out


def test_only_democratic_services_change_the_protocol(councillor):
    with pytest.raises(PermissionDenied):
        protocol_apply_preset(actor=councillor, preset="county")
    with pytest.raises(PermissionDenied):
        protocol_save(actor=councillor, details={}, paragraphs={})


def test_a_page_asks_for_the_protocol_once_and_the_rules_come_from_the_cache(
    democratic_services,
):
    protocol_save(actor=democratic_services, details={}, paragraphs={"visit_notice": "4.6"})

    def page() -> int:
        token = _memo.set({})
        try:
            with CaptureQueriesContext(connection) as queries:
                for _ in range(5):
                    protocol_ref("visit_notice")
                    rule("GROUP_BRIEFING_EQUAL_ACCESS")
        finally:
            _memo.reset(token)
        return len(queries)

    assert page() == 2  # the protocol, and the rules for the cache
    assert page() == 1  # the protocol; the rules are cached


def test_the_page_is_democratic_services_alone(client_for, councillor, monitoring_officer):
    for user in (councillor, monitoring_officer):
        assert client_for(user).get(reverse("manage:protocol")).status_code == 403


def test_democratic_services_apply_a_preset_and_edit_a_paragraph(client_for, democratic_services):
    client = client_for(democratic_services)
    assert "The council's protocol" in client.get(reverse("manage:index")).content.decode()
    page = client.get(reverse("manage:protocol"))
    assert page.status_code == 200
    response = client.post(reverse("manage:protocol_preset"), {"preset-preset": "unitary"})
    assert response.status_code == 302
    assert protocol_ref("enquiry_more_time") == " (Protocol, paragraph 8.2)"
    data = {
        "protocol-title": "Our protocol",
        "protocol-version": "2026",
        "protocol-url": "",
        **{f"protocol-rule_{rule}": "" for rule in RULES},
        "protocol-rule_visit_notice": "12.3",
    }
    response = client.post(reverse("manage:protocol"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    protocol = CouncilProtocol.objects.get()
    assert protocol.paragraphs == {"visit_notice": "12.3"}
    assert protocol.title == "Our protocol"
    page = client.get(reverse("manage:protocol")).content.decode()
    assert 'value="12.3"' in page
    assert "Change history" in page
    assert client.get(reverse("manage:protocol_document")).status_code == 404


def test_forms_say_what_to_enter_and_never_show_djangos_own_words(client_for, democratic_services):
    from registers.manage.forms import CouncillorForm

    form = CouncillorForm(data={})
    assert not form.is_valid()
    errors = " ".join(str(e) for errors in form.errors.values() for e in errors)
    assert "This field is required." not in errors
    assert "Enter" in errors or "Select" in errors
    page = client_for(democratic_services).get(reverse("manage:councillor_add")).content.decode()
    assert "---------" not in page


def test_an_empty_value_reads_not_set_never_none():
    from registers.manage.selectors import display

    assert display(None) == display("") == display({}) == "Not set"
