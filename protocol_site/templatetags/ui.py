"""The GOV.UK pieces every page repeats, drawn one way: `{% load ui %}`.

Status tags take their colour from a map kept beside the model's choices: a model lists, per
field, the GOV.UK tag colour of each value (`TAG_COLOURS = {"status": {Status.OPEN: "blue"}}`)
and, only where a tag's words differ from the choice's label, the words (`TAG_LABELS`).
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def tag(text, colour=""):
    """A GOV.UK tag: always words, never colour alone."""
    if colour:
        return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, text)
    return format_html('<strong class="govuk-tag">{}</strong>', text)


@register.simple_tag
def status_tag(obj, field="status"):
    """`obj`'s `field` (a value, or a method giving one) as a tag coloured by its model's map.

    A value missing from the map is grey.
    """
    value = getattr(obj, field)
    if callable(value):
        value = value()
    model = type(obj)
    text = getattr(model, "TAG_LABELS", {}).get(field, {}).get(value)
    if text is None:
        text = getattr(obj, f"get_{field}_display")()
    return tag(text, model.TAG_COLOURS[field].get(value, "grey"))
