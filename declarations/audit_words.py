"""The words people read for the audit events declarations and panels write (see
protocol_site.audit_words): registered in DeclarationsConfig.ready()."""

AUDIT_WORDS: dict[str, str] = {
    "declarations.declaration.declared": "Relationship declared",
    "declarations.declaration.manager_notified": "Manager told of the declaration",
    "declarations.declaration.information_requested": "More information asked for",
    "declarations.declaration.information_given": "More information given",
    "declarations.declaration.reviewed": "Declaration reviewed by the Monitoring Officer",
    "declarations.declaration.confirmed": "Declaration confirmed",
    "declarations.declaration.changed": "Declaration changed",
    "declarations.declaration.withdrawn": "Declaration withdrawn",
    "declarations.declaration.confirm_reminder": "Reminder to confirm the declaration sent",
    "declarations.declaration.lapsed": "Declaration lapsed",
    "declarations.declaration.viewed": "Declaration viewed",
    "declarations.register.exported": "Declarations downloaded as a spreadsheet",
    "declarations.panel.created": "Appointment panel recorded",
    "declarations.panel.changed": "Appointment panel changed",
    "declarations.panel.member_stood_down": "Related member stood down from the panel",
}
