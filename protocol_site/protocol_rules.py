"""The rules the product enforces, each with a plain description, and the five reference
protocols as presets: for each, the paragraph behind each rule it has, and the per-council
options it implies. A council's own paragraphs are kept in CouncilProtocol (protocol_refs.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

RULES: dict[str, str] = {
    # Enquiries
    "enquiry_any_means": "Members' enquiries may be made by any means",
    "enquiry_routing": "General enquiries go through the Director; members may approach junior "
    "officers directly for casework",
    "enquiry_director_copied": "The Director is copied into enquiries to their service",
    "enquiry_response_time": "A response or holding reply within the working-day limit",
    "enquiry_more_time": "More time for an enquiry that is a disproportionate burden",
    "enquiry_guidance": "The Director's guidance where information is not readily available",
    "enquiry_decline": "A senior officer may decline an inappropriate enquiry, giving reasons",
    "enquiry_need_to_know": "Members need a 'need to know', not curiosity or a roving commission",
    "enquiry_party_political": "Officers do not do party-political work",
    "enquiry_confidential_casework": "Confidential casework is not disclosed",
    "enquiry_freedom_of_information": "Information anyone could have under FOI is given freely",
    "enquiry_use_of_information": "Information is used only for the purpose it was given",
    "enquiry_advise_chair": "The committee chair and lead member are advised of information given",
    "enquiry_volume": "Members act reasonably in the number of requests they make",
    "declared_relationship_conflict": "A declared relationship keeps a person out of the "
    "other's cases",
    # Complaints
    "complaint_raised_privately": "Concerns are raised privately, never in public",
    "complaint_informal_first": "Informal resolution is the first step",
    "complaint_service_contact": "Each service names an officer for members' complaints",
    "group_protocol_contact": "Each political group names a member to lead on resolving "
    "problems under the protocol",
    "complaint_patterns": "Numerous minor or personally motivated complaints",
    "complaint_about_member_reported": "An officer's complaint about a member is reported to "
    "the Chief Executive",
    "complaint_outcome_reported": "The Monitoring Officer reports the outcome",
    "complaint_about_chief_executive": "A complaint about the Chief Executive",
    "complaint_upheld_chief_executive": "The Chief Executive decides the action on an upheld "
    "complaint about a member, after telling the Leader and the Group Leader and consulting "
    "the Standards Committee chair",
    "complaint_standards_committee": "An officer may complain to the Standards Committee instead",
    "protocol_interpretation": "The Chief Executive rules on interpreting the protocol",
    # Registers
    "declaration_duty": "Close relationships between members and officers are declared",
    "declaration_manager_told": "The officer's manager is told of a declaration",
    "declaration_review": "The Monitoring Officer considers action on a declaration",
    "panel_member_posts": "The posts members take part in appointing or dismissing",
    "panel_conflict": "A member related to the officer concerned does not sit on the panel",
    "officer_interests": "The register of officers' interests",
    "restricted_posts": "Politically restricted posts",
    "visit_notice": "Members give the Director advance notice of a visit",
    "visit_arrangements": "The Director arranges a visit with regard to safety and timing",
    "member_training": "Member training and induction",
    "group_leader_induction": "Group Leaders make sure their new members attend induction",
    "visit_schools": "Visits to schools are arranged through the Headteacher",
    "visit_unannounced": "Special circumstances may warrant an unannounced visit",
    "officer_definition": "Who counts as an officer under the protocol",
    "co_opted_members": "Co-opted members",
    "statutory_officers": "The statutory officers",
    "member_roles": "Leader, lead members and committee chairs",
    # Groups and briefings
    "briefing_request": "Group Leaders may ask for a briefing note or an officer's attendance",
    "briefing_clearance": "The Chief Executive clears invitations to brief a group",
    "briefing_decline": "A representative may be sent, or a too-political request declined",
    "briefing_note_content": "Briefing notes give facts and options, no political implications "
    "or recommendation",
    "briefing_confidential": "A group's meetings and briefings are confidential to it",
    "briefing_equal_access": "A service available to one group is available to all",
    "briefing_members_only": "Only council members attend group meetings officers brief",
    "briefing_non_council_attendees": "Officers attend meetings with non-members only by the "
    "Chief Executive's written exception",
    "briefing_attendance_notice": "Notice of an officer's attendance goes to the proper officer "
    "and Group Leaders",
    "briefing_leave_before_decision": "Officers attend for the item and leave before any "
    "decision or party business",
    "briefing_attendance_concern": "Concerns about attendance are raised with the Chief Executive",
    "confidential_briefing": "Confidential briefings for a Group Leader, lead member or chair",
    "minority_parties": "Advice for minority parties",
    "representative_meeting": "Meetings with other elected representatives need prior "
    "authorisation",
    # Advice from the Monitoring Officer, lobbying, officers as constituents
    "mo_advice": "Members and officers seek the Monitoring Officer's advice on the protocol",
    "confidential_information_advice": "Members take the Monitoring Officer's legal advice "
    "before disclosing confidential information",
    "legality_advice": "Members consult the Monitoring Officer and the Chief Finance Officer "
    "on legality and financial impropriety",
    "freedom_of_information_advice": "Advice on whether a request falls within the Freedom of "
    "Information Act",
    "officer_constituents": "Officers who live locally may seek their councillor's help",
    "employment_lobbying": "Officers do not lobby members about their own employment; members "
    "tell the Monitoring Officer",
    # Local members, elections, review
    "ward_notices": "Local members are kept informed of matters affecting their ward",
    "ward_meetings": "Local members are invited to public meetings in their ward",
    "member_public_meeting": "A local member arranging a public meeting on council business "
    "tells the relevant officer",
    "media_interest": "Officers keep members informed of media interest in their area",
    "election_guidance": "Guidance for the pre-election period",
    "annual_review": "The protocol is monitored and reviewed every year",
}


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    paragraphs: dict[str, str]
    options: dict[str, object] = field(default_factory=dict)


PRESETS: dict[str, Preset] = {
    p.key: p
    for p in [
        Preset(
            "metropolitan",
            "Protocol on Member/Officer Relations (metropolitan borough, Assistant Director "
            "and Director ladder)",
            {
                "enquiry_routing": "4.5",
                "enquiry_director_copied": "4.5",
                "enquiry_response_time": "6.2",
                "enquiry_need_to_know": "6.4",
                "enquiry_party_political": "7.1",
                "enquiry_freedom_of_information": "6.7",
                "enquiry_volume": "6.5",
                "complaint_raised_privately": "4.1",
                "complaint_informal_first": "5.3",
                "complaint_service_contact": "5.3",
                "group_protocol_contact": "5.3",
                "complaint_patterns": "5.4",
                "complaint_about_member_reported": "5.2",
                "restricted_posts": "8.2",
                "visit_notice": "4.6",
                "visit_arrangements": "4.6",
                "visit_schools": "4.6",
                "briefing_request": "8.3",
                "briefing_decline": "8.3",
                "briefing_leave_before_decision": "8.4",
                "ward_notices": "6.6",
                "ward_meetings": "6.6",
                "freedom_of_information_advice": "6.7",
                "employment_lobbying": "4.8",
            },
            {"visit_schools_through_headteacher": True},
        ),
        Preset(
            "london",
            "Protocol on Councillor/Officer Relations (London-style constitution, Leadership "
            "Team and Lead Members)",
            {
                "enquiry_routing": "5.02",
                "enquiry_director_copied": "5.02",
                "enquiry_response_time": "1.05(c)",
                "enquiry_party_political": "1.07",
                "complaint_raised_privately": "5.03",
                "complaint_about_member_reported": "5.09",
                "complaint_about_chief_executive": "5.04",
                "panel_member_posts": "1.08",
                "visit_notice": "5.05",
                "visit_arrangements": "5.05",
                "visit_unannounced": "5.05",
                "member_roles": "1.15",
                "briefing_request": "1.11",
                "briefing_clearance": "1.11",
                "confidential_briefing": "1.15",
                "minority_parties": "1.13",
                "election_guidance": "8.01",
                "officer_constituents": "5.08",
                "employment_lobbying": "5.07",
            },
            {
                "complaint_about_chief_executive_goes_to": "leader",
                "election_guidance_to_all_officers": True,
                "visit_unannounced_allowed": True,
            },
        ),
        Preset(
            "borough_2020",
            "Protocol on Member/Officer Relations (borough, Strategic Directors, 2020 draft)",
            {
                "enquiry_any_means": "7.iii",
                "enquiry_director_copied": "7.iii",
                "enquiry_response_time": "7.iii",
                "enquiry_decline": "7.iii",
                "enquiry_party_political": "2.5.3",
                "declared_relationship_conflict": "6",
                "complaint_raised_privately": "10.c",
                "complaint_informal_first": "10.b",
                "complaint_about_member_reported": "10.b",
                "complaint_about_chief_executive": "10.c",
                "complaint_upheld_chief_executive": "10.b",
                "declaration_duty": "3.c.iii",
                "declaration_manager_told": "3.c.iii",
                "panel_conflict": "6",
                "visit_notice": "8",
                "visit_arrangements": "8.i",
                "member_training": "3.a.ix",
                "co_opted_members": "1.2",
                "officer_definition": "1.5",
                "statutory_officers": "2.7.1",
                "member_roles": "2.5",
                "briefing_request": "9",
                "briefing_decline": "9.b.ii",
                "briefing_note_content": "9.a.ii",
                "briefing_confidential": "9.b.iv",
                "ward_notices": "7.i",
                "ward_meetings": "7.ii",
                "employment_lobbying": "3.a.xiii",
            },
            {
                "complaint_about_chief_executive_goes_to": "monitoring_officer_and_hr",
                "complaint_officer_to_standards_committee": False,
                "group_briefing_equal_access": False,
                "declaration_notify_rung": "line_manager",
                "officer_protocol_covers": "employees",
            },
        ),
        Preset(
            "unitary",
            "Protocol for Member/Officer Relations (unitary, Standards and Audit Committee)",
            {
                "enquiry_any_means": "8.1",
                "enquiry_response_time": "8.1",
                "enquiry_more_time": "8.2",
                "enquiry_guidance": "9.3",
                "enquiry_decline": "9.1",
                "enquiry_need_to_know": "9.2",
                "enquiry_party_political": "4.4(d)",
                "enquiry_use_of_information": "10.1",
                "declared_relationship_conflict": "6.2",
                "complaint_raised_privately": "4.4(c)",
                "complaint_informal_first": "12.2",
                "complaint_about_member_reported": "14.1",
                "complaint_outcome_reported": "14.2",
                "complaint_standards_committee": "14.1",
                "declaration_duty": "5.2",
                "declaration_manager_told": "5.2(b)",
                "panel_member_posts": "6.1",
                "panel_conflict": "6.2",
                "officer_interests": "5.2(b)",
                "co_opted_members": "1.4",
                "officer_definition": "1.4",
                "briefing_note_content": "7.1(a)",
                "briefing_confidential": "7.1(c)",
                "briefing_equal_access": "7.1",
                "briefing_members_only": "7.1(e)",
                "briefing_leave_before_decision": "7.1(a)",
                "briefing_attendance_concern": "7.2",
                "protocol_interpretation": "7.2",
                "election_guidance": "11.3",
                "annual_review": "16.1",
                "mo_advice": "4.7",
                "confidential_information_advice": "10.2",
            },
            {
                "complaint_officer_to_standards_committee": True,
                "group_briefing_equal_access": True,
                "election_guidance_to_all_officers": False,
                "declaration_notify_rung": "head_of_service",
                "officer_protocol_covers": "all_staff",
            },
        ),
        Preset(
            "county",
            "Protocol on Member/Officer Relations (county, revised protocol)",
            {
                "enquiry_routing": "7.3",
                "enquiry_guidance": "7.4",
                "enquiry_party_political": "4.2",
                "enquiry_confidential_casework": "7.5",
                "enquiry_use_of_information": "7.6",
                "enquiry_advise_chair": "7.3",
                "enquiry_volume": "7.3",
                "complaint_raised_privately": "5.5",
                "complaint_informal_first": "12.2",
                "complaint_about_member_reported": "12.2",
                "complaint_about_chief_executive": "12.1",
                "protocol_interpretation": "13.1",
                "declaration_duty": "5.2",
                "declaration_review": "5.2",
                "member_training": "11.1",
                "group_leader_induction": "11.1",
                "co_opted_members": "1.2",
                "member_roles": "7.1",
                "briefing_request": "6.2",
                "briefing_note_content": "6.3",
                "briefing_confidential": "6.8",
                "briefing_equal_access": "7.2",
                "briefing_non_council_attendees": "6.6",
                "briefing_attendance_notice": "6.2",
                "briefing_leave_before_decision": "6.3",
                "briefing_attendance_concern": "6.9",
                "confidential_briefing": "7.1",
                "representative_meeting": "8.2",
                "ward_notices": "10",
                "ward_meetings": "10.5",
                "officer_constituents": "3.1",
                "legality_advice": "5.7",
                "mo_advice": "5.7",
                "member_public_meeting": "10.6",
                "media_interest": "9.2",
            },
            {"complaint_about_chief_executive_goes_to": "monitoring_officer"},
        ),
    ]
}
