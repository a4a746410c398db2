"""Every form in the product, fed anything at all: validation never raises, and what is wrong
comes back as errors on the form's fields (or the form's own), which still renders.

The forms are found by walking every module of every app that lives in this repository, so a
new form is tested as soon as it exists. A form that cannot be built without arguments must be
listed in NEEDS with how to build it, or the first test fails and says so.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.http import QueryDict
from django.test import RequestFactory
from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from declarations.routing import other_side_search
from registers.roles import person_for
from tests.clock import clock_at
from tests.form_fuzz import assert_errors_are_field_errors, form_data
from tests.form_world import NOW, World

EXAMPLES = hypothesis_settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SKIP_PACKAGES = ("migrations", "settings")  # settings.production refuses to load without env


def product_apps() -> list[str]:
    """The installed apps whose code is in this repository (not in .venv)."""
    root = Path(settings.BASE_DIR).resolve()
    return [c.name for c in apps.get_app_configs() if Path(c.path).resolve().parent == root]


def product_modules():
    """Every module of the product's apps that could define a form: its source mentions one.

    (Modules that cannot, such as load-test scripts that patch the standard library when
    imported, are read but not imported.)"""
    for name in product_apps():
        package = import_module(name)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{name}."):
            if set(info.name.split(".")) & set(SKIP_PACKAGES):
                continue
            source = Path(info.module_finder.find_spec(info.name).origin)
            if "Form" in source.read_text(encoding="utf-8"):
                yield import_module(info.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def product_forms() -> dict[str, type[forms.BaseForm]]:
    """Every form class defined in the product: in the modules above, and any other the
    URLconf loads."""
    list(product_modules())
    import_module(settings.ROOT_URLCONF)
    prefixes = tuple(f"{name}." for name in product_apps())
    return dict(
        sorted(
            (f"{cls.__module__}.{cls.__qualname__}", cls)
            for cls in set(_subclasses(forms.BaseForm))
            if cls.__module__.startswith(prefixes) and "<locals>" not in cls.__qualname__
        )
    )


FORMS = product_forms()

# Bases other forms are built on, not forms anyone fills in.
BASES = {
    "protocol_site.forms.GovukModelForm": "a ModelForm base with no model",
    "registers.manage.forms.ManageForm": "a ModelForm base with no model",
    "registers.manage.forms.AccountFieldsMixin": "the account fields of OfficerForm and "
    "CouncillorForm, tested through them",
}


def _candidates(world):
    """What the declaration search offers an officer: councillors by name."""
    return other_side_search(person_for(world.user("officer")), "a")[0]


# Forms that cannot be built without arguments: how to build each, one entry per variant.
NEEDS = {
    "groups.forms.DecisionForm": {
        "briefing": lambda w: {"briefing": w.briefing},
        "with-non-council-attendees": lambda w: {"briefing": w.briefing_with_outsiders},
    },
    "groups.forms.ShareForm": {"group-leader": lambda w: {"actor": w.user("group_leader")}},
    "enquiries.conversation_forms.ShareForm": {"enquiry": lambda w: {"enquiry": w.enquiry}},
    "registers.visits.forms.VisitArrangeForm": {"visit": lambda w: {"visit": w.visit}},
    "protocol_site.security.UnlockingSetPasswordForm": {
        "user": lambda w: {"user": w.user("officer")}
    },
    "protocol_site.security.SignInForm": {
        "request": lambda w: {"request": RequestFactory().post("/sign-in/")}
    },
}
# Forms built without arguments that take optional ones too: each variant is tested as well.
VARIANTS = {
    "enquiries.forms.EnquiryForm": {
        "councillor": lambda w: {"councillor": w.org.councillors.councillor}
    },
    "enquiries.forms.ReassignForm": {"enquiry": lambda w: {"enquiry": w.enquiry}},
    "complaints.forms.AboutOfficerForm": {"user": lambda w: {"user": w.user("councillor")}},
    "complaints.forms.AboutCouncillorForm": {"user": lambda w: {"user": w.user("officer")}},
    "complaints.forms.MessageForm": {"sharing": lambda w: {"share_with": "Sam Officer"}},
    "notices.forms.WardNoticeForm": {"correcting": lambda w: {"correcting": True}},
    "groups.forms.BriefingRequestForm": {"lead-member": lambda w: {"group_leader": False}},
    "declarations.forms.ChoosePersonForm": {"candidates": lambda w: {"candidates": _candidates(w)}},
    "declarations.panels.forms.PanelForm": {"panel": lambda w: {"panel": w.panel}},
}


def _instance(cls):
    """A ModelForm's edit variant: the first saved row of its model, fetched afresh."""

    def build(world):
        world.registers  # noqa: B018 -- every register has a row
        model = cls._meta.model
        return {"instance": model.objects.order_by("pk").first()}

    return build


def cases() -> list[tuple[str, str]]:
    found = []
    for path, cls in FORMS.items():
        if path in BASES:
            continue
        if path in NEEDS:
            found += [(path, variant) for variant in NEEDS[path]]
            continue
        found.append((path, "plain"))
        found += [(path, variant) for variant in VARIANTS.get(path, {})]
        if issubclass(cls, forms.BaseModelForm):
            found.append((path, "instance"))
    return found


CASES = cases()


def kwargs_for(world, path: str, variant: str) -> dict:
    if variant == "plain":
        return {}
    if variant == "instance":
        return _instance(FORMS[path])(world)
    return {**NEEDS, **VARIANTS}[path][variant](world)


@pytest.fixture
def world(org):
    with clock_at(NOW):
        yield World(org)


def test_the_walk_finds_the_products_forms():
    assert {
        "enquiries.forms.EnquiryForm",
        "complaints.forms.ResolveForm",
        "registers.manage.forms.OfficerForm",
        "notices.forms.WardNoticeForm",
        "protocol_site.passwords.OutboxPasswordResetForm",
    } <= set(FORMS)
    assert len(FORMS) >= 50


def test_the_lists_name_only_forms_that_exist():
    assert set(BASES) | set(NEEDS) | set(VARIANTS) <= set(FORMS)
    assert not set(NEEDS) & (set(VARIANTS) | set(BASES))


@pytest.mark.django_db
def test_every_form_is_built_without_arguments_or_listed_with_how_to_build_it(world):
    unbuildable = []
    for path, cls in FORMS.items():
        if path in BASES or path in NEEDS:
            continue
        try:
            cls()
        except Exception as error:  # noqa: BLE001 -- any failure means it must be listed
            unbuildable.append(f"{path}: {type(error).__name__}: {error}")
    assert not unbuildable, (
        "These forms cannot be built without arguments: add each to NEEDS in "
        "tests/test_forms_properties.py with how to build it:\n" + "\n".join(unbuildable)
    )
    for path, variants in NEEDS.items():
        for build in variants.values():
            FORMS[path](**build(world))


def browser_post(data: dict, files: dict) -> tuple[QueryDict, MultiValueDict]:
    """The data as Django receives a browser's POST: every value a string, lists repeated."""
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, [str(v) for v in value] if isinstance(value, list) else [str(value)])
    return query, MultiValueDict({key: [upload] for key, upload in files.items()})


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "variant"), CASES, ids=[f"{p}[{v}]" for p, v in CASES])
def test_a_form_given_anything_answers_with_field_errors(world, path, variant):
    cls = FORMS[path]
    empty = cls(data={}, **kwargs_for(world, path, variant))
    assert_errors_are_field_errors(empty)  # posted empty, it asks for what it needs
    required = {n for n, field in empty.fields.items() if field.required and not field.disabled}
    assert required <= set(empty.errors)
    template = cls(**kwargs_for(world, path, variant))

    @EXAMPLES
    @given(drawn=form_data(template))
    def check(drawn):
        data, files = browser_post(*drawn)
        for upload in files.values():
            upload.seek(0)
        form = cls(data=data, files=files, **kwargs_for(world, path, variant))
        assert_errors_are_field_errors(form)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("1", "1", "2200000000", "must be a real date"),  # too large for a C integer
        ("31", "12", "9999", "must be between 1900 and 2100"),  # no room to count on from
        ("1", "1", "1899", "must be between 1900 and 2100"),
    ],
)
def test_a_date_out_of_any_range_is_a_field_error(world, day, month, year, message):
    data = {"explanation": "x", "expected_date_0": day, "expected_date_1": month}
    form = FORMS["enquiries.forms.HoldingReplyForm"](data={**data, "expected_date_2": year})
    assert_errors_are_field_errors(form)
    assert message in form.errors["expected_date"][0]


@pytest.mark.django_db
def test_an_id_too_large_for_any_column_is_not_a_choice(world):
    form = FORMS["declarations.panels.forms.PanelForm"](data={"members": [str(2**63)]})
    assert_errors_are_field_errors(form)
    assert "members" in form.errors
