"""Every page that takes a POST (the pages of tests/test_form_pages_properties.py), posted a NUL
in every field of its form at once: never a server error, nothing saved, and the page says
which fields cannot take it. Run it on PostgreSQL (DATABASE_URL) too: SQLite would store a NUL
where PostgreSQL fails."""

from __future__ import annotations

import pytest
from django import forms

from tests.clock import clock_at
from tests.form_world import NOW, World
from tests.test_form_pages_properties import (
    PAGES,
    _copy,
    _counts,
    _page_form,
    client_for_page,
    rolled_back,
)

NUL = "\x00"
REFUSED = "must not contain hidden characters such as a null character"


def _nul_everywhere(form: forms.BaseForm) -> dict[str, str | list[str]]:
    """Each field's value with a NUL in it: a date's boxes, a choice's saved ids, any text."""
    data = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if isinstance(field, forms.FileField) or field.disabled:
            continue
        if isinstance(field.widget, forms.MultiWidget):
            for suffix in field.widget.widgets_names:
                data[f"{key}{suffix}"] = f"1{NUL}"
        elif isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            data[key] = [f"1{NUL}", f"2{NUL}"]
        else:
            data[key] = f"1{NUL}a"
    return data


@pytest.fixture
def world(org):
    with clock_at(NOW):
        yield World(org)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(n for n in PAGES if not n.startswith("api:")))
def test_a_nul_in_every_field_is_refused_by_name_never_a_server_error(world, name):
    page = PAGES[name]
    signed_in = client_for_page(world, page)
    url = page.url(name, signed_in, world)
    with clock_at(page.clock), rolled_back():
        shown = _copy(signed_in).get(url)
        form = _page_form(shown) if shown.status_code == 200 else None
        data = _nul_everywhere(form) if form is not None else {"x": NUL}
        client = _copy(signed_in)
        page_url = url if page.prepare is None else page.url(name, client, world)
        before = _counts()
        response = client.post(page_url, data)
        assert response.status_code < 500, (page_url, response.status_code)
        if form is not None and data and response.status_code == 200:
            html = response.content.decode()
            assert "govuk-error-summary" in html, page_url
            assert REFUSED in html, page_url
            assert _counts() == before, f"{page_url} refused the post but saved something"
