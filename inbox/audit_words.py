"""The words people read for the audit events email coming in writes (see
protocol_site.audit_words): registered in InboxConfig.ready()."""

AUDIT_WORDS: dict[str, str] = {
    "inbox.inboundemail.triaged": "Email received held for triage",
    "inbox.inboundemail.turned_into_enquiry": "Email received turned into an enquiry",
    "inbox.inboundemail.discarded": "Email received discarded",
    "inbox.inboundemail.viewed": "Email received viewed",
}
