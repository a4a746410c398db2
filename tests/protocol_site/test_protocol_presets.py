"""Each preset's paragraphs are really in its reference protocol: the paragraph's number (and
its lettered or numbered sub-paragraph) is in the protocol's text, followed closely by words of
the rule it is set for. Pages print them only as "(Protocol, paragraph 5.02)".

The five reference protocols the presets come from are kept beside this test
(reference_protocols/<preset>.txt), so the check always runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from protocol_site.protocol_refs import protocol_ref
from protocol_site.protocol_rules import PRESETS, RULES
from tests.words import citations

# The reference protocol each preset comes from, one file a preset.
REFERENCE_PROTOCOLS = Path(__file__).parent / "reference_protocols"

# Words of each rule, one of which follows the paragraph's number in the protocol.
RULE_WORDS = {
    "enquiry_any_means": r"any means|in whatever form",
    "enquiry_routing": r"routing|Director",
    "enquiry_director_copied": r"copy|copying",
    "enquiry_response_time": r"respon|working days",
    "enquiry_more_time": r"disproportionate|delay|deadline",
    "enquiry_guidance": r"guidance",
    "enquiry_decline": r"declin|inappropriate",
    "enquiry_need_to_know": r"need to know",
    "enquiry_party_political": r"party.political|political purpose|political impartiality",
    "enquiry_confidential_casework": r"confidential",
    "enquiry_freedom_of_information": r"Freedom of Information",
    "enquiry_use_of_information": r"purpose",
    "enquiry_advise_chair": r"chair",
    "enquiry_volume": r"reasonabl",
    "declared_relationship_conflict": r"related|relat",
    "complaint_raised_privately": r"public|privately",
    "complaint_informal_first": r"informal|resolve",
    "complaint_service_contact": r"named Officer",
    "group_protocol_contact": r"group member",
    "complaint_patterns": r"numerous complaints",
    "complaint_about_member_reported": r"complain|breach|contraven|conduct",
    "complaint_outcome_reported": r"outcome",
    "complaint_about_chief_executive": r"Chief Executive",
    "complaint_upheld_chief_executive": r"Standards Committee",
    "complaint_standards_committee": r"Standards and Audit Committee",
    "protocol_interpretation": r"interpretation|raised with the Chief Executive",
    "declaration_duty": r"relationship|friendship",
    "declaration_manager_told": r"manager|Head of Service",
    "declaration_review": r"Monitoring Officer",
    "panel_member_posts": r"appoint",
    "panel_conflict": r"relat|friend",
    "officer_interests": r"Interests",
    "restricted_posts": r"politically restricted",
    "visit_notice": r"visit",
    "visit_arrangements": r"visit",
    "member_training": r"training",
    "co_opted_members": r"co-opted",
    "statutory_officers": r"Statutory Officer",
    "member_roles": r"Lead Member|Chair|Cabinet",
    "briefing_request": r"group",
    "briefing_clearance": r"Chief Executive",
    "briefing_decline": r"declin|representative|cannot be required",
    "briefing_note_content": r"facts|information",
    "briefing_confidential": r"confidential",
    "briefing_equal_access": r"all other political groups|shared among",
    "briefing_members_only": r"only include Council Members",
    "briefing_non_council_attendees": r"non-County Council members",
    "briefing_attendance_notice": r"notice of attendance",
    "briefing_leave_before_decision": r"leave prior|not be present|not expected to be present",
    "briefing_attendance_concern": r"raised with the Chief Executive",
    "confidential_briefing": r"private|confidential",
    "minority_parties": r"minority parties",
    "representative_meeting": r"prior authorisation",
    "mo_advice": r"Monitoring Officer",
    "confidential_information_advice": r"legal advice",
    "legality_advice": r"legality|financial impropriety",
    "freedom_of_information_advice": r"Freedom of Information",
    "officer_constituents": r"constituent|local residents",
    "employment_lobbying": r"employ|their job",
    "ward_notices": r"informed|in their wards",
    "ward_meetings": r"invited",
    "election_guidance": r"election",
    "annual_review": r"annual",
    "officer_definition": r"employees|agency staff|Teachers in Schools",
    "group_leader_induction": r"induction",
    "visit_unannounced": r"unannounced",
    "visit_schools": r"schools|Headteacher",
    "member_public_meeting": r"public meeting",
    "media_interest": r"media interest",
}
# How far after the paragraph's number its words may be, at most.
NEAR = 1500
NUMBER = re.compile(r"\d+(?:\.\d+)*")
# Where a paragraph ends: the next numbered paragraph, or for a lettered or roman
# sub-paragraph, the next of those too.
NUMBERED = r"^[ \t\-]*\d+(?:\.\d+)*\.?\s"
LETTERED = r"^[ \t\-]*\(?[a-z]{1,5}[.)]\s"


def _plain(text: str) -> str:
    """The protocol without its markup: bold, headings, links and change marks."""
    text = re.sub(r"\]\([^)]*\)", "", text)
    return re.sub(r"[*#~\[\]]", "", text)


def _parts(paragraph: str) -> tuple[str, list[str]]:
    """ "3.c.iii" -> ("3", ["c", "iii"]); "5.2(b)" -> ("5.2", ["b"]); "2.7.1" -> ("2.7.1", [])."""
    head = NUMBER.match(paragraph).group()
    rest = re.split(r"[.()]+", paragraph[len(head) :])
    return head, [part for part in rest if part]


def _found(text: str, paragraph: str, words: str) -> bool:
    head, parts = _parts(paragraph)
    # A renumbered paragraph keeps its old, struck-out number in front ("4.5 1.2 This…").
    old = r"(?:\d+(?:\.\d+)*\s+)?"
    starts = re.finditer(rf"(?m)^[ \t\-]*{old}{re.escape(head)}\.?(?=\s)", text)
    numbered = re.compile(NUMBERED, re.M)
    for start in starts:
        after = numbered.search(text, start.end())
        section_end = after.start() if after is not None else len(text)
        for at in _sub_paragraphs(text, start.end(), section_end, parts):
            if re.search(words, _paragraph(text, at, lettered=bool(parts)), re.I):
                return True
    return False


def _sub_paragraphs(text: str, at: int, end: int, parts: list[str]) -> Iterator[int]:
    """Where each reading of the sub-paragraphs `parts`, in turn, inside a section begins."""
    if not parts:
        yield at
        return
    marker = re.compile(rf"^[ \t\-]*\(?{re.escape(parts[0])}[.)](?=\s)", re.M)
    for found in marker.finditer(text, at, end):
        yield from _sub_paragraphs(text, found.end(), end, parts[1:])


def _paragraph(text: str, at: int, *, lettered: bool) -> str:
    ends = re.compile(f"{NUMBERED}|{LETTERED}" if lettered else NUMBERED, re.M)
    found = ends.search(text, at)
    end = found.start() if found is not None else len(text)
    return text[at : min(end, at + NEAR)]


def test_every_rule_a_preset_sets_has_words_to_check():
    assert set(RULE_WORDS) == set(RULES)
    assert {path.stem for path in REFERENCE_PROTOCOLS.glob("*.txt")} == set(PRESETS)


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_each_preset_paragraph_is_in_its_reference_protocol(key):
    path = REFERENCE_PROTOCOLS / f"{key}.txt"
    text = _plain(path.read_text())
    missing = [
        f"{rule}: {paragraph}"
        for rule, paragraph in PRESETS[key].paragraphs.items()
        if not _found(text, paragraph, RULE_WORDS[rule])
    ]
    assert not missing, f"{key}: not found in {path.name}: {missing}"


def test_the_check_finds_a_paragraph_and_refuses_a_wrong_one():
    text = _plain(
        "### **3** **EXPECTATIONS**\n**c. Limitations**\n- ii. Nothing here\n"
        "- iii. Personal friendships should be avoided.\n- 4.5 Copy the Director.\n"
    )
    assert _found(text, "3.c.iii", RULE_WORDS["declaration_duty"])
    assert _found(text, "4.5", RULE_WORDS["enquiry_director_copied"])
    assert not _found(text, "4.6", RULE_WORDS["enquiry_director_copied"])
    assert not _found(text, "3.d.iii", RULE_WORDS["declaration_duty"])
    assert not _found(text, "4.5", RULE_WORDS["restricted_posts"])
    assert not _found(text, "3.c.ii", RULE_WORDS["declaration_duty"])  # the next one's words
    assert not _found(text, "3", RULE_WORDS["enquiry_director_copied"])


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(PRESETS))
def test_pages_print_a_preset_paragraph_as_the_councils_own(key, democratic_services):
    from registers.services import protocol_apply_preset

    protocol_apply_preset(actor=democratic_services, preset=key)
    for rule, paragraph in PRESETS[key].paragraphs.items():
        printed = protocol_ref(rule)
        assert printed == f" (Protocol, paragraph {paragraph})"
        assert not citations(printed), printed
