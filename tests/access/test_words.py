"""No page or email shows our source documents' numbering ("001 §5.02", "Protocol 000, section
4.6") or a requirement ID ("REG-2"): a council's users know only their own protocol.

Every page the access world reaches is rendered for every role that may open it, once with the
neutral protocol and once with a reference protocol's paragraphs set; every email the world's
records sent is read; and every template, choice label and form wording is checked as written.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import CharField
from django.urls import NoReverseMatch, reverse

from protocol_site.models import OutboxEmail
from protocol_site.protocol_rules import PRESETS
from registers.services import protocol_apply_preset
from tests.test_forms_properties import FORMS
from tests.words import PageWords, citations, shown_empty, title_case

from .matrix import MATRIX, ROLES
from .test_access_matrix import client_as, quiet_refusals

COMMENT = re.compile(r"{#.*?#}|{% comment %}.*?{% endcomment %}", re.S)
SIGNED_IN = [role for role in ROLES if role not in ("anonymous", "outsider")]


def test_the_pattern_finds_what_it_should():
    assert citations("as the protocol asks (001 §5.02).")
    assert citations("(Protocol 002, section 8)")
    assert citations("cannot deal with them (REG-2).")
    assert not citations("ENQ-2026-000123 (Protocol, paragraph 5.02)")
    assert citations("working days for a full response (000 §6.2)")
    assert citations("reports the outcome (003\n  §14.2–14.3)")
    assert citations("## Political groups and briefings (GRP-1 to GRP-9)")
    assert citations("## Local members and elections (WARD-1, ELE-1)")
    assert not citations("UTF-8 with a byte-order mark")


def test_the_readme_cites_none_of_them():
    """Its readers are a council's IT staff, democratic services and Monitoring Officer: they know
    their own protocol's paragraphs, which the product cites, not our source documents."""
    found = citations(Path(settings.BASE_DIR, "README.md").read_text())
    assert not found, "\n".join(f"README.md: …{hit}…" for hit in found)


@pytest.mark.django_db
@pytest.mark.parametrize("preset", ["neutral", "unitary"])
@pytest.mark.parametrize("role", SIGNED_IN)
def test_no_page_cites_source_numbering_or_requirement_ids(request, role, preset, world):
    protocol_apply_preset(actor=None, preset=preset)
    found, cited = [], 0
    for url, page in pages(client_as(request, role), role, world):
        found += [f"{url}: …{hit}…" for hit in citations(page)]
        cited += "(Protocol, paragraph " in page
    assert not found, "\n".join(found)
    assert bool(cited) == (preset != "neutral")


def pages(client, role: str, world):
    """(url, page) for every page the world has that `role` may open."""
    with quiet_refusals():
        for name, row in MATRIX.items():
            if row.expected[role] != "200" or name.startswith("api:"):
                continue
            try:
                url = reverse(name, kwargs=world[row.record])
            except (KeyError, NoReverseMatch):
                continue
            response = client.get(url)
            kind = response.get("Content-Type", "")
            if response.status_code != 200 or response.streaming or "text/" not in kind:
                continue
            yield url, response.content.decode()


def proper_nouns() -> list[str]:
    """What the council's records call things: people's, wards', services' and posts' names,
    subjects and titles. These keep their capitals; the product's own words do not."""
    found = {settings.COUNCIL_NAME}
    found |= {user.get_full_name() for user in get_user_model().objects.all()}
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in PRODUCT_APPS | {"django"}:
            continue
        if model.__module__.split(".")[0] in PRODUCT_APPS:
            found |= {str(row) for row in model.objects.all()}  # "Cllr Chris Baker"
        names = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, CharField) and not f.choices and f.max_length and f.max_length <= 300
        ]
        if names:
            for row in model.objects.values_list(*names):
                found |= {str(value) for value in row if value}
    return sorted(found)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_pages_speak_in_sentence_case_and_show_no_blank_markers(request, role, world):
    """Headings, labels, buttons, hints and table headers are in sentence case ("Date
    received", not "Date Received") but for role titles and names; no select offers
    "---------" and no page shows "None" for a missing value."""
    client = client_as(request, role)  # the person first: their name is one of the nouns
    proper = proper_nouns()
    capitals, blanks = [], []
    for url, page in pages(client, role, world):
        for text in PageWords(page).chrome:
            capitals += [f"{url}: {hit} (in “{text}”)" for hit in title_case(text, proper)]
        blanks += [f"{url}: {hit}" for hit in shown_empty(page)]
    assert not blanks, "\n".join(sorted(set(blanks)))
    assert not capitals, "\n".join(sorted(set(capitals)))


def test_the_sentence_case_check_finds_what_it_should():
    assert title_case("Send Holding Reply", []) == ["Send Holding Reply"]
    assert title_case("Date Received", []) == ["Date Received"]
    assert not title_case("Ask the Monitoring Officer or the Chief Executive", [])
    assert not title_case("Enquiries from Jo Smith", ["Jo Smith"])
    assert not title_case("Due Monday 2 November 2026", [])
    assert shown_empty("<dt>Ward</dt><dd>None</dd><option>---------</option>") == [
        "None (after “Ward”)",
        "---------",
    ]
    assert not shown_empty("<p>None of these apply</p>")


@pytest.mark.django_db
def test_no_email_the_world_sent_cites_them(world):
    emails = list(OutboxEmail.objects.all())
    assert emails
    found = [
        f"{email.subject}: …{hit}…"
        for email in emails
        for hit in citations(f"{email.subject}\n{email.body_text}\n{email.body_html}")
    ]
    assert not found, "\n".join(found)


@pytest.mark.django_db
def test_no_email_the_world_sent_is_in_title_case(world):
    proper = proper_nouns()
    found = [
        f"{email.subject}: {hit}"
        for email in OutboxEmail.objects.all()
        for line in [email.subject, *email.body_text.splitlines()]
        for hit in title_case(line, proper)
    ]
    assert not found, "\n".join(sorted(set(found)))


def test_no_choice_or_form_label_is_in_title_case():
    """The words written in the code, as written: choices, model names, and every form's
    labels, hints and choices (the reference protocols' titles are proper nouns)."""
    proper = [preset.title for preset in PRESETS.values()]
    texts = []
    for model in apps.get_models():
        if model.__module__.split(".")[0] in PRODUCT_APPS:
            for field in model._meta.get_fields():
                labels = [str(label) for _, label in getattr(field, "flatchoices", []) or []]
                texts += [(f"{model.__name__}.{field.name}", t) for t in labels]
                texts.append(
                    (f"{model.__name__}.{field.name}", str(getattr(field, "verbose_name", "")))
                )
    for path, form in FORMS.items():
        for name, field in form.base_fields.items():
            # A model choice field's choices are rows (an officer picker's are read only when
            # first asked for, since who is offered hangs on the council's rules).
            listed = isinstance(field, forms.ModelChoiceField) or hasattr(field, "queryset")
            choices = [] if listed else getattr(field, "choices", [])
            for text in [field.label, field.help_text, *(label for _, label in choices)]:
                texts.append((f"{path}.{name}", str(text or "")))
    found = [
        f"{where}: {hit} in “{text}”" for where, text in texts for hit in title_case(text, proper)
    ]
    assert not found, "\n".join(sorted(set(found)))


def test_no_template_cites_them_as_written():
    found = []
    for path in Path(settings.BASE_DIR, "templates").rglob("*"):
        if path.suffix in (".html", ".txt"):
            text = COMMENT.sub("", path.read_text())
            found += [f"{path.relative_to(settings.BASE_DIR)}: …{hit}…" for hit in citations(text)]
    assert not found, "\n".join(found)


PRODUCT_APPS = {
    "protocol_site",
    "registers",
    "declarations",
    "notices",
    "enquiries",
    "groups",
    "complaints",
    "reports",
}


def test_no_choice_label_cites_them():
    found = []
    for model in apps.get_models():
        if model.__module__.split(".")[0] not in PRODUCT_APPS:
            continue
        for field in model._meta.get_fields():
            for text in (
                *(str(label) for _, label in getattr(field, "flatchoices", []) or []),
                str(getattr(field, "help_text", "")),
                str(getattr(field, "verbose_name", "")),
            ):
                found += [f"{model.__name__}.{field.name}: {hit}" for hit in citations(text)]
    assert not found, "\n".join(found)
