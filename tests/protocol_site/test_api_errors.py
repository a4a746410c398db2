"""The API's exception handler: a service's Django ValidationError is a 400 with DRF's field
errors, and its PermissionDenied a 403, for every endpoint, without a view converting them."""

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView


def answer_to(exc: Exception):
    """What an API view answers when the service it calls raises `exc`."""

    class Raises(APIView):
        permission_classes = [AllowAny]
        authentication_classes = []

        def post(self, request):
            raise exc

    response = Raises.as_view()(APIRequestFactory().post("/", {}, format="json"))
    return response.status_code, response.data


@pytest.mark.parametrize(
    ("exc", "errors"),
    [
        (
            ValidationError({"service": "Select a current service"}),
            {"service": ["Select a current service"]},
        ),
        (
            ValidationError(
                {
                    "received_at": ["It cannot be in the future.", "Give a time."],
                    NON_FIELD_ERRORS: ["It is already closed."],
                }
            ),
            {
                "received_at": ["It cannot be in the future.", "Give a time."],
                "non_field_errors": ["It is already closed."],
            },
        ),
        (ValidationError("It is already closed."), {"non_field_errors": ["It is already closed."]}),
        (
            ValidationError(["One thing.", "Another."]),
            {"non_field_errors": ["One thing.", "Another."]},
        ),
        (
            ValidationError("Give %(what)s.", params={"what": "a reason"}),
            {"non_field_errors": ["Give a reason."]},
        ),
    ],
)
def test_a_services_validation_error_is_400_with_field_errors(exc, errors):
    assert answer_to(exc) == (400, errors)


def test_a_services_refusal_is_403_with_its_words():
    status, data = answer_to(PermissionDenied("Only a councillor can log it."))
    assert (status, data["detail"]) == (403, "Only a councillor can log it.")


def test_a_refusal_without_words_is_403_with_the_standard_words():
    status, data = answer_to(PermissionDenied())
    assert (status, str(data["detail"])) == (
        403,
        "You do not have permission to perform this action.",
    )
