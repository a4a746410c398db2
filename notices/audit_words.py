"""The words people read for the audit events ward notices and election periods write (see
protocol_site.audit_words): registered in NoticesConfig.ready()."""

AUDIT_WORDS: dict[str, str] = {
    "notices.ward_notice.published": "Ward notice published",
    "notices.ward_notice.changed": "Ward notice changed",
    "notices.ward_notice.withdrawn": "Ward notice withdrawn",
    "notices.election_period.declared": "Pre-election period declared",
    "notices.election_period.changed": "Pre-election period changed",
    "notices.election_period.ended": "Pre-election period ended early",
    "notices.member_meeting.told": "Officer told of a member's public meeting",
    "notices.member_meeting.cancelled": "Member's public meeting cancelled",
    "notices.protocol.published": "Protocol published",
    "notices.protocol.read": "Protocol read and confirmed",
    "notices.protocol.reminded": "Reminded to read the protocol",
}
