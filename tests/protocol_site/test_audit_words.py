"""Audit events read as words ("Enquiry escalated"), never as their stored code: every action
code any app writes has words registered, the fallback makes an unknown code readable, and the
pages and the admin that show audit events show the words."""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from protocol_site.audit import audit_record
from protocol_site.audit_words import WORDS, audit_words, field_label, readable
from protocol_site.models import AuditEvent, User
from registers.admin import RegisterAdmin
from registers.manage.registry import REGISTERS
from registers.models import Officer
from tests.registers.factories import PostFactory

APPS = ["protocol_site", "registers", "declarations", "notices", "enquiries", "groups"]
APPS += ["complaints", "reports", "retention"]
CASE_STEPS = {"record_event", "record_once", "audit_case"}
CODE = re.compile(r"^[a-z_]+(\.[a-z_]+)+$")


# The registry and its fallback


def test_an_unknown_code_still_reads_as_words():
    assert readable("enquiry.holding_reply_sent") == "Enquiry: holding reply sent"
    assert readable("enquiries.enquiry.holding_reply_sent") == "Enquiry: holding reply sent"
    assert readable("exported") == "Exported"
    assert readable("") == "Event recorded"
    assert audit_words("nobody.registered_this") == "Nobody: registered this"


def test_registered_words_are_sentence_case_phrases_not_codes():
    assert audit_words("enquiries.enquiry.escalated") == "Enquiry escalated"
    assert audit_words("declarations.declaration.confirmed") == "Declaration confirmed"
    for code, phrase in WORDS.items():
        assert CODE.match(code), code
        assert phrase[0].isupper() and "_" not in phrase and "." not in phrase, (code, phrase)


def test_a_changed_value_is_named_by_its_field_label():
    assert field_label(Officer, "user.first_name") == "First name"
    assert field_label(Officer, "post", capital=False) == "post"
    assert field_label(Officer, "no_such_thing") == "No such thing"


# Every code written anywhere has words


def _modules() -> Iterator[tuple[str, ast.Module]]:
    root = Path(settings.BASE_DIR)
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(root).with_suffix("").parts)
            yield name.removesuffix(".__init__"), ast.parse(path.read_text(), str(path))


def _called(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literals(node) -> list[str] | None:
    """The strings an expression can be, or None if it is not written as literals."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _parameter(function: ast.FunctionDef, name: str) -> tuple[int | None, ast.AST | None]:
    """A parameter's position (None for keyword-only) and its default."""
    args = function.args
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for index, arg in enumerate(positional):
        if arg.arg == name:
            return index, defaults[index]
    for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        if arg.arg == name:
            return None, default
    raise LookupError(name)


def _passed(calls: list[ast.Call], index: int | None, name: str) -> list[ast.AST]:
    found = []
    for call in calls:
        found += [keyword.value for keyword in call.keywords if keyword.arg == name]
        if index is not None and len(call.args) > index:
            found.append(call.args[index])
    return found


def _written_codes() -> tuple[set[str], list[str]]:
    """Every audit action code the apps' source writes, and every place it cannot tell."""
    modules = list(_modules())
    calls: dict[str, list[ast.Call]] = {}
    for _, tree in modules:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                calls.setdefault(_called(node), []).append(node)
    cases = [m for m in apps.get_models() if getattr(m, "AUDIT_ACTION", None)]
    codes, unclear = set(), []
    for module, tree in modules:
        functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
        for function in functions:
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                where = f"{module}:{node.lineno}"
                if _called(node) == "audit_record" and function.name != "audit_case":
                    codes.update(_audit_record_codes(node, function, calls, where, unclear))
                elif _called(node) in CASE_STEPS and function.name not in CASE_STEPS:
                    codes.update(_case_step_codes(node, module, cases))
    return codes, unclear


def _audit_record_codes(node, function, calls, where, unclear) -> list[str]:
    action = next((k.value for k in node.keywords if k.arg == "action"), None)
    if isinstance(action, ast.Call) and _called(action) == "_action":
        return []  # a register entry's code: see the register entries' test below
    values = _literals(action)
    if values is not None:
        return values
    if isinstance(action, ast.Name):
        # A helper's parameter: the literals its callers pass, and its default.
        index, default = _parameter(function, action.id)
        passed = _passed(calls.get(function.name, []), index, action.id)
        found = [_literals(value) for value in [*passed, default] if value is not None]
        if found and all(values is not None for values in found):
            return [code for values in found for code in values]
    unclear.append(where)
    return []


def _case_step_codes(node, module: str, cases) -> list[str]:
    """A case step's code: the case's AUDIT_ACTION and the step's kind, where the kind is
    written as a literal or a module-level constant (the rest are the timeline's kinds)."""
    if len(node.args) < 2:
        return []
    kind = node.args[1]
    if isinstance(kind, ast.Constant):
        value = kind.value
    elif isinstance(kind, ast.Attribute):
        try:
            value = eval(ast.unparse(kind), vars(importlib.import_module(module)))  # noqa: S307
        except (NameError, AttributeError):
            return []
    else:
        return []
    case = ast.unparse(node.args[0]).rsplit(".", 1)[-1]
    mine = [m for m in cases if m.AUDIT_ACTION.endswith(case)]
    mine = mine or [m for m in cases if m._meta.app_config.name == module.split(".")[0]]
    codes = {f"{m.AUDIT_ACTION}.{value}" for m in mine}
    return sorted(codes & WORDS.keys()) or sorted(codes)[:1]


def test_every_action_code_the_source_writes_has_words():
    codes, unclear = _written_codes()
    assert not unclear, f"Write these audit actions as literal codes: {unclear}"
    assert len(codes) > 40  # the walk found the services' codes
    missing = sorted(code for code in codes if code not in WORDS)
    assert not missing, f"Register words for these audit actions: {missing}"


def test_every_case_step_has_words():
    for model in apps.get_models():
        if not getattr(model, "TIMELINE", None):
            continue
        steps = getattr(model, model.TIMELINE).rel.related_model
        for kind, _ in steps._meta.get_field("kind").choices:
            assert f"{model.AUDIT_ACTION}.{kind}" in WORDS, (model.__name__, kind)


def test_every_register_entry_event_has_words():
    models = {r.model for r in REGISTERS if not r.read_only}
    models |= {m for m, a in admin.site._registry.items() if isinstance(a, RegisterAdmin)}
    assert len(models) > 10
    for model in models:
        for verb in ("created", "changed", "deleted"):
            assert f"{model._meta.app_label}.{model._meta.model_name}.{verb}" in WORDS


# Where people read audit events


@pytest.mark.django_db
def test_the_audit_events_on_a_record_page_are_words(client_for, democratic_services, org):
    officer = org.officers.officer
    other_post = PostFactory(title="Planning Officer")
    url = reverse("manage:officer_edit", args=[officer.pk])
    client = client_for(democratic_services)
    client.post(
        url,
        {
            "username": "officer",
            "first_name": "Olly",
            "last_name": officer.user.last_name,
            "email": officer.user.email,
            "post": other_post.pk,
            "phone": "",
            "employment_type": "employee",
            "is_active": "on",
        },
    )
    audit_record(actor=None, action="registers.officer.unheard_of", obj=officer)
    page = client.get(reverse("manage:officer_detail", args=[officer.pk])).content.decode()
    start = page.index('id="audit-events"')
    events = page[start : page.index("</table>", start)]
    assert "Officer&#x27;s details changed" in events
    assert "Officer: unheard of" in events
    assert "Officer changed: Olly Hughes (first name, post)" in events
    assert "First name: Oliver" in events
    # A changed post reads as the posts' titles, never their ids.
    assert f"Post: {officer.post.title}" in events and "Planning Officer" in events
    assert not re.search(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b", events), "a stored code is shown"
    assert "user." not in events and "first_name" not in events


@pytest.mark.django_db
def test_the_admin_shows_audit_events_in_words(client, org):
    root = User.objects.create_superuser("root", "root@example.gov.uk", "pw-for-tests-only")
    event = audit_record(actor=None, action="enquiries.enquiry.escalated", obj=org.ward)
    client.force_login(root)
    listing = client.get(reverse("admin:protocol_site_auditevent_changelist")).content.decode()
    assert "Enquiry escalated" in listing
    assert "enquiries.enquiry.escalated</" not in listing and ">enquiries.enquiry" not in listing
    url = reverse("admin:protocol_site_auditevent_change", args=[event.pk])
    detail = client.get(url).content.decode()
    assert "Enquiry escalated" in detail and "enquiries.enquiry.escalated" not in detail
    assert str(AuditEvent.objects.get(pk=event.pk)).endswith("Enquiry escalated: Riverside")
