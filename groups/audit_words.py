"""The words people read for the audit events briefings and meetings with other elected
representatives write (see protocol_site.audit_words): registered in GroupsConfig.ready()."""

AUDIT_WORDS: dict[str, str] = {
    "groups.briefing.requested": "Briefing requested",
    "groups.briefing.cleared": "Briefing cleared by the Chief Executive",
    "groups.briefing.nominated": "Representative nominated to brief the group",
    "groups.briefing.declined": "Briefing declined",
    "groups.briefing.exception": "Written exception copied to Group Leaders",
    "groups.briefing.notice": "Notice of attendance given",
    "groups.briefing.note_saved": "Briefing note drafted",
    "groups.briefing.note_issued": "Briefing note issued",
    "groups.briefing.offered": "Briefing offered to other groups",
    "groups.briefing.received": "Briefing received by another group",
    "groups.briefing.attended": "Officer's attendance recorded",
    "groups.briefing.shared": "Permission to share the briefing recorded",
    "groups.briefing.unshared": "Permission to share the briefing withdrawn",
    "groups.briefing.withdrawn": "Briefing request withdrawn",
    "groups.briefing.flagged": "Briefing flagged to the Monitoring Officer",
    "groups.representative_meeting.requested": "Meeting with another representative requested",
    "groups.representative_meeting.authorised": "Meeting authorised by the Chief Executive",
    "groups.representative_meeting.refused": "Meeting refused by the Chief Executive",
    "groups.representative_meeting.held": "Meeting held",
}
