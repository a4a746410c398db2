"""The GOV.UK pieces every page repeats, drawn one way: `{% load ui %}`.

Status tags take their colour from a map kept beside the model's choices: a model lists, per
field, the GOV.UK tag colour of each value (`TAG_COLOURS = {"status": {Status.OPEN: "blue"}}`)
and, only where a tag's words differ from the choice's label, the words (`TAG_LABELS`).
"""

from django import template
from django.forms.models import ModelChoiceIterator
from django.template.defaulttags import querystring
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from protocol_site.protocol_refs import protocol_ref
from protocol_site.register_cache import kept

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


@register.simple_tag
def button(text, viewname, *args, variant="", hidden=""):
    """A link styled as a GOV.UK button to the view `viewname` (with `args`).

    `variant` is "secondary" or "warning"; `hidden` adds words for screen readers only (which
    thing a "Change" button changes).
    """
    return format_html(
        '<a href="{}" role="button" draggable="false" class="govuk-button{}" '
        'data-module="govuk-button">{}{}</a>',
        reverse(viewname, args=args),
        f" govuk-button--{variant}" if variant else "",
        text,
        format_html('<span class="govuk-visually-hidden"> {}</span>', hidden) if hidden else "",
    )


@register.simple_tag
def submit(text, variant=""):
    """A form's GOV.UK submit button; `variant` is "secondary" or "warning"."""
    return format_html(
        '<button type="submit" class="govuk-button{}" data-module="govuk-button">{}</button>',
        f" govuk-button--{variant}" if variant else "",
        text,
    )


class WrapNode(template.Node):
    """Renders its content inside `markup`, with `key` (if any) before it."""

    def __init__(self, markup, nodelist, key=None):
        self.markup, self.nodelist, self.key = markup, nodelist, key

    def render(self, context):
        content = self.nodelist.render(context)
        if self.key is None:
            return format_html(self.markup, content)
        return format_html(self.markup, self.key.resolve(context), content)


@register.tag
def row(parser, token):
    """`{% row "Key" %}value{% endrow %}`: one row of a GOV.UK summary list."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% row %} takes the row's key")
    nodelist = parser.parse(("endrow",))
    parser.delete_first_token()
    return WrapNode(
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{}</dt>'
        '<dd class="govuk-summary-list__value">{}</dd></div>',
        nodelist,
        parser.compile_filter(bits[1]),
    )


@register.tag
def warning(parser, token):
    """`{% warning %}words{% endwarning %}`: GOV.UK warning text."""
    nodelist = parser.parse(("endwarning",))
    parser.delete_first_token()
    return WrapNode(
        '<div class="govuk-warning-text">'
        '<span class="govuk-warning-text__icon" aria-hidden="true">!</span>'
        '<strong class="govuk-warning-text__text">'
        '<span class="govuk-visually-hidden">Warning</span>{}</strong></div>',
        nodelist,
    )


@register.simple_tag
def crumb(text, viewname="", *args, href=""):
    """One link in the breadcrumbs: to the view `viewname` (with `args`), or to `href`."""
    return format_html(
        '<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{}">'
        "{}</a></li>",
        href or reverse(viewname, args=args),
        text,
    )


class BreadcrumbsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        return format_html(
            '<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">'
            '<ol class="govuk-breadcrumbs__list">{}{}</ol></nav>',
            crumb("Home", "home"),
            self.nodelist.render(context),
        )


@register.tag
def breadcrumbs(parser, token):
    """`{% breadcrumbs %}{% crumb … %}…{% endbreadcrumbs %}`: GOV.UK breadcrumbs from Home."""
    nodelist = parser.parse(("endbreadcrumbs",))
    parser.delete_first_token()
    return BreadcrumbsNode(nodelist)


@register.inclusion_tag("includes/_list_nav.html", takes_context=True)
def list_nav(context, label, *links, param="", choices=None, current="", heading=""):
    """A row of links above a list, named `label` for screen readers.

    Each of `choices` ({value: words}) links to this page with `param` set to its value (and the
    first page), the `current` one marked; `links` are further (words, url) pairs, left out where
    the url is empty.
    """
    items = [
        {
            "text": text,
            "href": querystring(context, **{param: key, "page": None}),
            "current": key == current,
        }
        for key, text in (choices or {}).items()
    ]
    pairs = zip(links[::2], links[1::2], strict=True)
    items += [{"text": text, "href": href} for text, href in pairs if href]
    return {"label": label, "heading": heading, "items": items}


@register.inclusion_tag("includes/_list_search.html", takes_context=True)
def list_search(context, label, *, landmark="", width="two-thirds", sorts=None, **keep):
    """The search box above a list: the search words `q`, `label` naming it.

    `keep` are the list's other choices (its tab, its status…), carried as hidden fields when
    set; `sorts` ({value: words}) adds a "Sort by" choice; `landmark` names the form as a
    search landmark.
    """
    return {
        "label": label,
        "landmark": landmark,
        "width": width,
        "sorts": sorts,
        "sort": context.get("sort", ""),
        "q": context.get("q", ""),
        "keep": {name: value for name, value in keep.items() if value},
    }


@register.simple_tag(name="protocol_ref")
def protocol_ref_tag(rule):
    """` (Protocol, paragraph 5.02)` for a rule of the council's protocol, with its leading
    space, or nothing where democratic services set no paragraph for it."""
    return protocol_ref(rule)


@register.filter
def unstopped(text):
    """Typed text set inside a sentence the template ends: without its own last full stop, so
    the page never shows "..". An ellipsis is kept."""
    text = str(text).rstrip()
    if text.endswith(".") and not text.endswith(".."):
        return text[:-1]
    return text


@register.simple_tag
def select_options(field):
    """The `<option>`s of bound select `field`, drawn as `{% for option in field %}` would
    draw them but without a widget and a template per option: a filter panel offers every
    councillor and service, and the page is drawn on every request. Grouped choices take
    Django's own way."""
    widget = field.field.widget
    chosen = widget.format_value(field.value())
    choices = _choices(widget.choices)
    if any(isinstance(label, list | tuple) for _, label in choices):
        return mark_safe("".join(_option(o.data) for o in field))  # noqa: S308 (escaped)
    drawn, has_selected = [], False
    for value, label in choices:
        value = "" if value is None else value
        selected = (not has_selected or widget.allow_multiple_selected) and str(value) in chosen
        has_selected |= selected
        drawn.append(_option({"value": value, "label": label, "selected": selected}))
    return mark_safe("".join(drawn))  # noqa: S308 (each part escaped)


def _choices(choices) -> list:
    """The (value, label) pairs; a model's rows read in one plain query (not the server-side
    cursor Django's iterator opens, nor the count that `list()` would ask it for)."""
    if isinstance(choices, ModelChoiceIterator):
        empty = choices.field.empty_label
        key = getattr(choices.field, "choices_key", None)
        if key is None:
            rows = [choices.choice(obj) for obj in choices.queryset.all()]
        else:
            rows = kept(f"choices:{key}", lambda: _model_rows(choices))
        return rows if empty is None else [("", empty), *rows]
    return [choice for choice in choices]  # noqa: C416 (no len(): a lazy iterator counts)


def _model_rows(choices: ModelChoiceIterator) -> list[tuple[str, str]]:
    field = choices.field
    return [(str(obj.pk), str(field.label_from_instance(obj))) for obj in choices.queryset.all()]


def _option(data) -> str:
    value = "" if data["value"] is None else data["value"]
    return (
        f'<option value="{conditional_escape(value)}"'
        f"{' selected' if data['selected'] else ''}>{conditional_escape(data['label'])}</option>"
    )
