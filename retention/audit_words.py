"""The words people read for the audit events retention writes (see
protocol_site.audit_words): registered in RetentionConfig.ready()."""

AUDIT_WORDS: dict[str, str] = {
    "retention.rule.changed": "Retention period changed",
    "retention.hold.set": "Legal hold set",
    "retention.hold.lifted": "Legal hold lifted",
    "retention.case.anonymised": "Case anonymised",
    "retention.subject_access.searched": "Subject access search",
    "retention.subject_access.exported": "Subject access export downloaded",
    "retention.person.erased": "Person's details erased",
}
