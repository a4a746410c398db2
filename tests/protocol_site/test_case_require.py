"""The case kit's permission check: a rule's own words, or a plain refusal."""

import pytest
from django.core.exceptions import PermissionDenied

from protocol_site.cases import denies, require


@denies("Only the owner can do this.")
def can_touch(user, thing) -> bool:
    return thing["owner"] == user


def test_require_passes_when_the_rule_allows():
    require(can_touch, "ann", {"owner": "ann"})


def test_require_refuses_with_the_rules_words():
    with pytest.raises(PermissionDenied, match="Only the owner can do this."):
        require(can_touch, "bob", {"owner": "ann"})


def test_a_rule_without_words_refuses_plainly():
    with pytest.raises(PermissionDenied, match="You cannot do this."):
        require(lambda user: False, "bob")
