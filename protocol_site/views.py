"""What every app's pages share: a form posted through a service, its errors onto the form,
and never done twice.

Every form such a page shows carries a hidden one-time token (templates/forms/_token.html).
Sending it takes the token in the same transaction as the change it asks for; the same form
sent again (a double click, a resend, the back button) shows what the first did — the page it
went on to, with the same message — and changes nothing. A refused or invalid form keeps its
token, so the page shown again can be corrected and sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from protocol_site.cases.once import submission_record, submission_take

TOKEN = "submission_token"

# What a form did: the record the page goes on to and what to tell the person.
Result = tuple[int | None, str]


def posted_token(request) -> uuid.UUID | None:
    """The one-time token a POST carries, or None (a GET, none sent, or not a token)."""
    if request.method != "POST":
        return None
    try:
        return uuid.UUID(str(request.POST.get(TOKEN, "")))
    except ValueError:
        return None


def add_service_errors(form, error: ValidationError, aliases: dict[str, str] | None = None):
    """A service's ValidationError onto the form: dict keys onto fields, the rest non-field."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for key, errors in error.error_dict.items():
            field = aliases.get(key, key)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def once(request, attempt: Callable[[], Result | None]) -> Result | None:
    """`attempt()` -> what it did, or None when it did nothing (the page shows its form).

    A POST carrying a one-time token runs it in one transaction that first takes the token:
    if that form was sent before, the first submission's result comes back and `attempt` is
    not run (a repeat sent while the first is being done waits for it). If `attempt` did
    nothing, or raised (404, 403), the token is not kept."""
    token = posted_token(request)
    if token is None or not request.user.is_authenticated:
        return attempt()
    with transaction.atomic():
        first = submission_take(token, request.user)
        if first is not None:
            return first.object_pk, first.message
        result = attempt()
        if result is None:
            transaction.set_rollback(True)
        else:
            submission_record(token, object_pk=result[0], message=result[1])
        return result


def redrawn(form) -> bool:
    """A form with a button that changes it in place (inserting standard wording) is drawn
    again and sends nothing: its `redraw()` says whether this POST was such a button."""
    redraw = getattr(form, "redraw", None)
    return redraw is not None and redraw()


def attempt_form(request, form, perform: Callable, aliases: dict[str, str] | None = None):
    """Give `form` its one-time token (the one sent, when it is shown again); on a POST of a
    valid form, return perform(cleaned_data) -> (pk, message). None: show the form again,
    with the service's errors on it when it refused."""
    form.submission_token = posted_token(request) or uuid.uuid4()
    if request.method != "POST" or redrawn(form) or not form.is_valid():
        return None
    try:
        return perform(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error, aliases)
        return None


def submit(
    request, form, perform: Callable, *, done: Callable, aliases: dict[str, str] | None = None
):
    """A page's form, sent once: on a valid POST, `perform(cleaned_data)` -> (pk, message)
    and the answer is `done(request, pk, message)`, as it is for a repeat of the same form.
    None: show the form again (with the service's errors on it when it refused)."""
    result = once(request, lambda: attempt_form(request, form, perform, aliases))
    return None if result is None else done(request, *result)


def form_page(
    request,
    form,
    perform: Callable,
    *,
    done: Callable,
    template: str,
    context: Callable[[], dict] | None = None,
    aliases: dict[str, str] | None = None,
):
    """A page of one form that starts or changes something (a step on a case has `step_view`):
    sent once through `submit`, its answer; otherwise `template` drawn with the form and
    `context()`, what the page shows beside it."""
    answer = submit(request, form, perform, done=done, aliases=aliases)
    if answer is not None:
        return answer
    return render(request, template, {"form": form, **(context() if context else {})})


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
    `show(request, obj, form)` with the service's errors on the form. The token is taken
    before the case is read, so a repeat is answered as the first was even once the step is
    no longer open."""

    @require_http_methods(["GET", "POST"])
    def view(request, pk: int):
        page = {}

        def attempt():
            obj = load(request.user, pk)
            if not allowed(request.user, obj):
                raise PermissionDenied
            page["obj"], page["form"] = obj, make_form(request, obj)
            return attempt_form(
                request,
                page["form"],
                lambda data: (obj.pk, perform(request.user, obj, data)),
                aliases,
            )

        result = once(request, attempt)
        if result is not None:
            return done(request, *result)
        return show(request, page["obj"], page["form"])

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
    # The form's arguments that depend on who is writing: (user, case) -> {"wordings": ...}.
    viewer_kwargs: Callable | None = None
    aliases: dict = field(default_factory=dict)
    # What the page shows beside the form, for this case: {"question": ...}.
    context: Callable | None = None

    def make_form(self, request, case):
        kwargs = self.form_kwargs(case) if self.form_kwargs is not None else {}
        if self.viewer_kwargs is not None:
            kwargs.update(self.viewer_kwargs(request.user, case))
        if request.method != "POST":
            return self.form(None, **kwargs)
        return self.form(request.POST, request.FILES, **kwargs)

    def extra_context(self, case) -> dict:
        return self.context(case) if self.context is not None else {}


def case_step_view(name: str, step: CaseStep, *, load: Callable, done: Callable, render: Callable):
    """The page for `step`: `load(user, pk)` (404 out of scope), 403 unless the step is
    allowed, then the form; `render(request, case, step, form)` draws it. The view keeps its
    step (`view.case_step`), so the URLconf can be walked for every case's action pages."""
    view = step_view(
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
    view.case_step = step
    return view
