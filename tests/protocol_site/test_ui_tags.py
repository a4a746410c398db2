"""The kernel's `ui` template tags draw each repeated GOV.UK piece with the same markup."""

import pytest
from django.apps import apps
from django.template import Context, RequestContext, Template
from django.test import RequestFactory


def render(source, request=None, **context):
    template = Template("{% load ui %}" + source)
    if request is not None:
        return template.render(RequestContext(request, context))
    return template.render(Context(context))


class Thing:
    TAG_COLOURS = {"status": {"open": "blue", "held": "green"}}
    TAG_LABELS = {"status": {"held": "Held & done"}}

    def __init__(self, status):
        self.status = status

    def get_status_display(self):
        return self.status.title()


def test_a_status_tag_takes_its_colour_and_words_from_the_model():
    assert render("{% status_tag t %}", t=Thing("open")) == (
        '<strong class="govuk-tag govuk-tag--blue">Open</strong>'
    )
    assert render("{% status_tag t %}", t=Thing("held")) == (
        '<strong class="govuk-tag govuk-tag--green">Held &amp; done</strong>'
    )
    assert render("{% status_tag t %}", t=Thing("other")) == (
        '<strong class="govuk-tag govuk-tag--grey">Other</strong>'
    )


@pytest.mark.parametrize(
    "model", [m for m in apps.get_models() if hasattr(m, "TAG_COLOURS")], ids=str
)
def test_every_choice_of_a_tagged_field_has_a_colour(model):
    for name, colours in model.TAG_COLOURS.items():
        field = next((f for f in model._meta.fields if f.name == name), None)
        if field is not None:
            assert set(colours) == {value for value, _ in field.choices}


def test_a_plain_tag_escapes_its_words():
    assert render('{% tag words "red" %}', words="<b>") == (
        '<strong class="govuk-tag govuk-tag--red">&lt;b&gt;</strong>'
    )


def test_a_summary_row_and_warning_text_wrap_their_content():
    html = render("{% row key %}<b>{{ value }}</b>{% endrow %}", key="A & B", value="<i>")
    assert html == (
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">A &amp; B</dt>'
        '<dd class="govuk-summary-list__value"><b>&lt;i&gt;</b></dd></div>'
    )
    html = render("{% warning %}Mind the gap.{% endwarning %}")
    assert '<span class="govuk-visually-hidden">Warning</span>Mind the gap.</strong>' in html


def test_buttons_link_to_a_view_or_submit_a_form():
    html = render('{% button "Change" "panels:change" 7 variant="warning" hidden=name %}', name="X")
    assert html == (
        '<a href="/panels/7/change/" role="button" draggable="false" '
        'class="govuk-button govuk-button--warning" data-module="govuk-button">'
        'Change<span class="govuk-visually-hidden"> X</span></a>'
    )
    assert render('{% submit "Save" %}') == (
        '<button type="submit" class="govuk-button" data-module="govuk-button">Save</button>'
    )


def test_list_navigation_keeps_the_query_marks_the_current_choice_and_adds_links():
    request = RequestFactory().get("/list/", {"q": "bins", "page": "3", "status": "open"})
    html = render(
        '{% list_nav "Filter by status" "Patterns" url "Hidden" "" param="status" '
        'choices=choices current="open" %}',
        request,
        choices={"any": "Any status", "open": "Open"},
        url="/patterns/",
    )
    assert '<nav aria-label="Filter by status">' in html
    assert 'href="?q=bins&amp;status=any">Any status</a>' in html
    assert 'href="?q=bins&amp;status=open" aria-current="page">Open</a>' in html
    assert 'href="/patterns/">Patterns</a>' in html
    assert "Hidden" not in html


def test_the_list_search_carries_the_other_choices_that_are_set():
    request = RequestFactory().get("/list/", {"q": "bins"})
    html = render(
        '{% list_search "Search by reference" tab=tab scope="" %}', request, tab="mine", q="bins"
    )
    assert '<input type="hidden" name="tab" value="mine">' in html
    assert 'name="scope"' not in html
    assert 'value="bins"' in html and ">Clear the search</a>" in html
    assert 'role="search"' not in html


def test_breadcrumbs_start_at_home():
    html = render(
        '{% breadcrumbs %}{% crumb "Panels" "panels:list" %}{% crumb name href="/x/" %}'
        "{% endbreadcrumbs %}",
        name="A & B",
    )
    item = '<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href='
    assert html == (
        '<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">'
        '<ol class="govuk-breadcrumbs__list">'
        f'{item}"/">Home</a></li>{item}"/panels/">Panels</a></li>{item}"/x/">A &amp; B</a></li>'
        "</ol></nav>"
    )


def test_a_label_that_already_says_optional_is_not_marked_twice():
    from django import forms

    class Form(forms.Form):
        why = forms.CharField(required=False, label="Why (optional)")
        note = forms.CharField(required=False, label="Note")

    html = Template("{% include 'forms/govuk_form.html' %}").render(Context({"form": Form()}))
    assert "Why (optional)" in html
    assert "(optional) (optional)" not in html
    assert "Note (optional)" in html


@pytest.mark.parametrize(
    ("typed", "shown"),
    [("Records are needed.", "Records are needed"), ("Wait...", "Wait..."), ("No stop", "No stop")],
)
def test_typed_text_inside_a_sentence_keeps_one_full_stop(typed, shown):
    html = Template("{% load ui %}{{ text|unstopped }}.").render(Context({"text": typed}))
    assert html == f"{shown}."
