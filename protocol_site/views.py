"""What every app's pages share: a form posted through a service, its errors onto the form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.views.decorators.http import require_http_methods


def add_service_errors(form, error: ValidationError, aliases: dict[str, str] | None = None):
    """A service's ValidationError onto the form: dict keys onto fields, the rest non-field."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for key, errors in error.error_dict.items():
            field = aliases.get(key, key)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def submit(request, form, perform: Callable, aliases: dict[str, str] | None = None):
    """On a POST of a valid form, return perform(cleaned_data); None means show the form
    again, with the service's errors on it when it refused."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return perform(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error, aliases)
        return None


def step_view(
    name: str,
    *,
    load: Callable,
    allowed: Callable,
    make_form: Callable,
    perform: Callable,
    done: Callable,
    show: Callable,
    aliases: dict[str, str] | None = None,
    title: str = "",
):
    """One action page on a case, as every app has them: `load(user, pk)` (404 out of scope),
    `allowed(user, obj)` (403 if not), `make_form(request, obj)`, then on a valid POST
    `perform(user, obj, cleaned_data)` -> message and `done(request, pk, message)`; otherwise
    `show(request, obj, form)` with the service's errors on the form."""

    @require_http_methods(["GET", "POST"])
    def view(request, pk: int):
        obj = load(request.user, pk)
        if not allowed(request.user, obj):
            raise PermissionDenied
        form = make_form(request, obj)
        message = submit(request, form, lambda data: perform(request.user, obj, data), aliases)
        if message is not None:
            return done(request, obj.pk, message)
        return show(request, obj, form)

    view.__name__ = name
    view.__doc__ = title
    return view


@dataclass(frozen=True)
class CaseStep:
    """One action page on a case, declared: its words, who may open it (`allowed(user, case)`,
    the app's can_<verb> rule), its form and the service call `perform(actor, case, data)`,
    which returns what to tell the person afterwards."""

    title: str
    submit: str
    form: type
    allowed: Callable
    perform: Callable
    intro: str = ""
    warning: bool = False
    # The form's own arguments for this case: {"enquiry": case}, {"initial": {...}}.
    form_kwargs: Callable | None = None
    aliases: dict = field(default_factory=dict)
    # What the page shows beside the form, for this case: {"question": ...}.
    context: Callable | None = None

    def make_form(self, request, case):
        kwargs = self.form_kwargs(case) if self.form_kwargs is not None else {}
        return self.form(request.POST if request.method == "POST" else None, **kwargs)

    def extra_context(self, case) -> dict:
        return self.context(case) if self.context is not None else {}


def case_step_view(name: str, step: CaseStep, *, load: Callable, done: Callable, render: Callable):
    """The page for `step`: `load(user, pk)` (404 out of scope), 403 unless the step is
    allowed, then the form; `render(request, case, step, form)` draws it."""
    return step_view(
        name,
        load=load,
        allowed=step.allowed,
        make_form=step.make_form,
        perform=step.perform,
        done=done,
        show=lambda request, case, form: render(request, case, step, form),
        aliases=step.aliases,
        title=step.title,
    )
