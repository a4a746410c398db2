"""What the API's OpenAPI document says of the answers every view shares (drf-spectacular)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse

FIELD_ERRORS = OpenApiResponse(
    response=OpenApiTypes.OBJECT,
    description='Bad input: field errors, `{"field": ["message"]}`.',
)
NOT_SIGNED_IN = OpenApiResponse(description="No valid session or token.")
