"""Every API endpoint that takes a POST, PUT or PATCH, sent bodies built to break a server:
impossible times (31 February, 25:00, a +99:00 offset), numbers too large for a float (1e400)
or for any id column, NUL and lone surrogates, nesting deeper than a decoder goes, and bodies
that are not an object at all. The answer is always a 4xx, never a server error: a body that
is a JSON object gets field errors, one that is not gets DRF's `detail`.

The API's URLconf is walked: an endpoint that takes a write and has no entry in WRITERS fails
the first test. Each example runs in a savepoint that is rolled back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol_site.models import AuditEvent, OutboxEmail
from tests.clients import token_client
from tests.clock import at, clock_at
from tests.complaints.helpers import about_officer
from tests.enquiries.factories import casework
from tests.form_fuzz import text

EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOW = at(2026, 12, 23, 12, 0)
WRITES = {"post", "put", "patch"}


def _api_views(resolver):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _api_views(entry)
        elif isinstance(entry, URLPattern):
            yield f"api:{entry.name}", getattr(entry.callback, "cls", None)


def _writes(view) -> list[str]:
    return sorted(method for method in WRITES if view is not None and hasattr(view, method))


API_WRITES = {
    name: _writes(view)
    for name, view in _api_views(get_resolver("protocol_site.api_urls"))
    if _writes(view)
}


def _enquiry(org, role: str) -> dict:
    """A body the endpoint would take from `role`; examples spoil some of its fields."""
    body = {
        "subject": "Missed bin collection on Elm Road",
        "details": "Residents report three missed collections.",
        "kind": "casework",
        "service": org.service.pk,
    }
    if role == "officer":
        body |= {
            "councillor": org.councillors.councillor.pk,
            "channel": "email",
            "received_at": "2026-12-23T10:00:00+00:00",
        }
    return body


def _saying(field: str) -> Callable:
    return lambda org, role: {field: "Any news on this, please?"}


@dataclass(frozen=True)
class Write:
    """Who writes to an endpoint, the fields it reads, a body each of them would have sent
    (examples spoil some of its fields), and whether it is a step on one enquiry."""

    roles: tuple[str, ...]
    fields: tuple[str, ...]
    body: Callable
    on_enquiry: bool = True
    # A step on another kind of case: the case, made from the council (`on_enquiry` unread).
    on_case: Callable | None = None


ENQUIRY_FIELDS = (
    "subject",
    "details",
    "kind",
    "service",
    "ward",
    "approached_officer",
    "councillor",
    "channel",
    "received_at",
    "urgent_reason",
)
WRITERS = {
    "api:enquiry-list": Write(("councillor", "officer"), ENQUIRY_FIELDS, _enquiry, False),
    "api:enquiry-messages": Write(("councillor", "officer"), ("message",), _saying("message")),
    "api:enquiry-notes": Write(("officer",), ("note",), _saying("note")),
    "api:enquiry-ask": Write(("officer",), ("question",), _saying("question")),
    "api:enquiry-answer": Write(("councillor",), ("answer",), _saying("answer")),
    "api:enquiry-chase": Write(("councillor",), ("message",), _saying("message")),
    "api:enquiry-withdraw": Write(("councillor",), ("reason",), _saying("reason")),
    # Cllr Baker's complaint about the officer, with the line manager at stage 1.
    "api:complaint-messages": Write(
        ("councillor", "line_manager"),
        ("message", "share_with_subject"),
        _saying("message"),
        on_case=about_officer,
    ),
    "api:enquiry-sharing": Write(
        ("councillor",),
        ("councillors",),
        lambda org, role: {"councillors": [org.councillors.group_leader.pk]},
    ),
    "api:enquiry-links": Write(
        ("officer",), ("enquiries",), lambda org, role: {"enquiries": [casework(org).pk]}
    ),
    "api:enquiry-unlink": Write(("officer",), (), lambda org, role: {}),
    "api:enquiry-respond-linked": Write(
        ("officer",), ("response", "minor"), lambda org, role: {"response": "Done.", "minor": False}
    ),
    "api:enquiry-constituent": Write(
        ("councillor",),
        ("name", "address", "phone", "email", "consented"),
        lambda org, role: {"name": "Alex Resident", "phone": "01632 960000", "consented": True},
    ),
    "api:enquiry-follow-up": Write(("councillor",), ("message",), _saying("message")),
    "api:enquiry-urgent": Write(("councillor",), ("reason",), _saying("reason")),
}

IMPOSSIBLE_TIMES = [
    "2026-02-31T10:00:00+00:00",
    "2026-02-29T10:00:00+00:00",
    "2026-12-23T25:00:00+00:00",
    "2026-12-23T10:60:00+00:00",
    "2026-12-23T10:00:00+99:00",
    "2026-12-23T10:00:00-24:00",
    "0001-01-01T00:00:00+23:59",
    "9999-12-31T23:59:59-23:59",
    "1900-01-01T00:00:00+00:00",
    "2999-01-01T00:00:00+00:00",
    "2026-12-23T10:00:00Z",
    "2026-12-23",
]


def _deep(depth: int, open_: str = "[", close: str = "]") -> str:
    return open_ * depth + "1" + close * depth


# A field's value, as the JSON text sent: some of it only JSON text can carry (1e400).
RAW_VALUES = [
    "1e400",
    "-1e400",
    "1e-400",
    "1" + "0" * 30,
    "1" + "0" * 5000,  # more digits than Python reads as a whole number
    str(2**63),
    str(-(2**63) - 1),
    "1.5",
    "NaN",
    "Infinity",
    '"\\u0000"',
    '"a\\u0000b"',
    '"\\ud800"',
    '"\\udfff1"',
    '"1\\u0000"',
    _deep(100),
    _deep(5000),
    _deep(100_000),
    _deep(5000, '{"a":', "}"),
    "true",
    "null",
    "{}",
    "[]",
]
fragments = st.one_of(
    st.sampled_from(RAW_VALUES),
    st.sampled_from(IMPOSSIBLE_TIMES).map(json.dumps),
    text.map(json.dumps),
    st.integers().map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(json.dumps),
)
# Whole bodies that are not an object, or not JSON at all.
BODIES = ["", "{", "[]", "null", "1e400", '"\\u0000"', _deep(100_000), _deep(5000, '{"a":', "}")]


def _object(fields: dict[str, str]) -> str:
    return "{" + ",".join(f"{json.dumps(k)}: {v}" for k, v in fields.items()) + "}"


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


def _counts() -> tuple[int, int]:
    return AuditEvent.objects.count(), OutboxEmail.objects.count()


def _not_json(constant: str):
    raise ValueError(f"{constant} is not JSON")


def _is_an_object(raw: str) -> bool:
    """Whether `raw` is a JSON object (NaN and Infinity are not JSON)."""
    try:
        return isinstance(json.loads(raw, parse_constant=_not_json), dict)
    except (ValueError, RecursionError):
        return False


def test_every_api_endpoint_that_takes_a_write_is_listed():
    assert API_WRITES, "the walk found no API endpoint taking a POST"
    assert set(API_WRITES) == set(WRITERS), (
        "List each API endpoint that takes a POST, PUT or PATCH in WRITERS in "
        "tests/test_api_properties.py, with who writes to it: "
        f"{sorted(set(API_WRITES) ^ set(WRITERS))}"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "role"), [(name, role) for name, write in WRITERS.items() for role in write.roles]
)
def test_a_write_of_anything_is_a_4xx_with_field_errors_never_a_server_error(
    request, org, name, role
):
    client = token_client(request.getfixturevalue(role))
    write = WRITERS[name]
    if write.on_case is not None:
        with clock_at(at(2026, 12, 1, 9, 0)):
            url = reverse(name, kwargs={"pk": write.on_case(org).pk})
    elif write.on_enquiry:
        with clock_at(at(2026, 12, 1, 9, 0)):  # Cllr Baker's casework, with the officer
            url = reverse(name, kwargs={"pk": casework(org).pk})
    else:
        url = reverse(name)
    valid = write.body(org, role)
    fields = write.fields
    # An endpoint that reads no field (a bare step) is sent stray fields instead.
    spoiled = st.dictionaries(
        st.sampled_from(fields or ("stray",)), fragments, min_size=1, max_size=3
    )
    bodies = st.one_of(
        spoiled.map(
            lambda changes: _object({k: json.dumps(v) for k, v in valid.items()} | changes)
        ),
        st.sampled_from(BODIES),
    )

    @EXAMPLES
    @given(raw=bodies)
    def check(raw):
        with clock_at(NOW), rolled_back():
            before = _counts()
            for method in API_WRITES[name]:
                response = getattr(client, method)(url, raw, content_type="application/json")
                status = response.status_code
                if status in (201, 200) and method == "post":
                    continue  # the spoiled field happened to be one it could take
                assert 400 <= status < 500, (method, raw[:200], status, response.content[:300])
                errors = response.json()
                if status == 400 and _is_an_object(raw):
                    assert set(errors) <= {*fields, "non_field_errors"}, (raw[:200], errors)
                    assert all(
                        isinstance(m, str) for messages in errors.values() for m in messages
                    ), errors
                else:
                    assert "detail" in errors or status == 400, errors
                if method == "post":
                    assert _counts() == before or status in (200, 201)

    check()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("received_at", "says"),
    [
        ("2026-02-31T10:00:00+00:00", "real date"),
        ("2026-12-23T25:00:00+00:00", "real date"),
        ("2026-12-23T10:00:00+99:00", "real date"),
        ("1900-01-01T00:00:00+00:00", "on or after"),
        ("2999-01-01T00:00:00+00:00", "in the past"),
    ],
)
def test_an_impossible_or_implausible_time_of_receipt_is_a_field_error(
    org, officer, received_at, says
):
    body = _enquiry(org, "officer") | {"received_at": received_at}
    with clock_at(NOW):
        response = token_client(officer).post(reverse("api:enquiry-list"), body, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["received_at"]
    assert says in response.json()["received_at"][0].lower()


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["1e400", "-1e400", "1" + "0" * 30, "1.5e308"])
def test_a_number_too_large_for_any_id_is_a_field_error(org, councillor, raw):
    body = _object({k: json.dumps(v) for k, v in _enquiry(org, "councillor").items()})
    body = body.replace(f'"service": {org.service.pk}', f'"service": {raw}')
    response = token_client(councillor).post(
        reverse("api:enquiry-list"), body, content_type="application/json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["service"]


@pytest.mark.django_db
@pytest.mark.parametrize("raw", [_deep(100_000), _deep(5000, '{"a":', "}")])
def test_a_body_nested_too_deeply_is_a_400(councillor, raw):
    response = token_client(councillor).post(
        reverse("api:enquiry-list"), raw, content_type="application/json"
    )
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]


@pytest.mark.django_db
def test_a_lone_surrogate_is_mended_and_answered_in_utf_8(org, councillor):
    sent = _object(
        {k: json.dumps(v) for k, v in _enquiry(org, "councillor").items()}
        | {"subject": '"Bins \\ud800"', "kind": '"\\udfff"'}
    )
    client = token_client(councillor)
    with clock_at(NOW):
        response = client.post(reverse("api:enquiry-list"), sent, content_type="application/json")
    assert response.status_code == 400
    assert list(response.json()) == ["kind"]
    assert "\ufffd" in response.json()["kind"][0]
