"""The council's protocol, read: `protocol_ref("visit_notice")` gives "(Protocol, paragraph
4.6)" where democratic services set a paragraph for the rule, and "" where none is set;
the council's options are read through protocol_site.council_rules.rule. One query per page
view at most (request_memo); writes are in registers.services.protocol.
"""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.text import format_lazy

from .models import CouncilProtocol
from .protocol_rules import RULES
from .request_memo import memoised

# The options a council keeps in the product, by setting name -> CouncilProtocol field.
OPTIONS = {
    "COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO": "complaint_about_chief_executive_goes_to",
    "GROUP_BRIEFING_EQUAL_ACCESS": "group_briefing_equal_access",
    "ELECTION_GUIDANCE_TO_ALL_OFFICERS": "election_guidance_to_all_officers",
    "DECLARATION_NOTIFY_RUNG": "declaration_notify_rung",
    "COMPLAINT_OFFICER_TO_STANDARDS_COMMITTEE": "complaint_officer_to_standards_committee",
    "OFFICER_PROTOCOL_COVERS": "officer_protocol_covers",
    "VISIT_SCHOOLS_THROUGH_HEADTEACHER": "visit_schools_through_headteacher",
    "VISIT_UNANNOUNCED_ALLOWED": "visit_unannounced_allowed",
}


def council_protocol() -> CouncilProtocol | None:
    """The council's protocol, or None for the neutral default."""
    return memoised("council_protocol", lambda: CouncilProtocol.objects.first())


def paragraph_for(rule: str) -> str:
    if rule not in RULES:
        raise KeyError(f"No protocol rule {rule!r}")
    protocol = council_protocol()
    if protocol is None:
        return ""
    return str(protocol.paragraphs.get(rule, "")).strip()


def protocol_ref(rule: str, *, lead: str = " ") -> str:
    """ "(Protocol, paragraph 5.02)" for the rule, preceded by `lead`; "" where none is set."""
    paragraph = paragraph_for(rule)
    return f"{lead}(Protocol, paragraph {paragraph})" if paragraph else ""


_lazy_ref = lazy(protocol_ref, str)


def protocol_cited(text: str, rule: str):
    """`text` with the rule's reference where "{ref}" is, worked out each time it is shown
    (for words fixed when a module loads, such as a step's introduction)."""
    return format_lazy(text, ref=_lazy_ref(rule))
