"""The words people read for the audit events the registers write (see
protocol_site.audit_words): registered in RegistersConfig.ready()."""


def _entry(code: str, noun: str, *, added: str = "added") -> dict[str, str]:
    """A register entry's three events, from the Django admin or /organisation/."""
    return {
        f"{code}.created": f"{noun} {added}",
        f"{code}.changed": f"{noun} changed",
        f"{code}.deleted": f"{noun} deleted",
    }


AUDIT_WORDS: dict[str, str] = {
    "protocol.changed": "Council's protocol changed",
    "protocol.rules_changed": "Council's rules changed",
    "registers.register.exported": "Register downloaded as a spreadsheet",
    "registers.failed_email.sent_again": "Email not delivered sent again",
    "registers.absence.recorded": "Absence and cover recorded",
    "registers.service.queue_delegate": "Who allocates a team queue named by its head",
    "registers.absence.cancelled": "Absence cancelled before it began",
    "registers.absence.ended": "Absence ended early",
    "registers.visit.requested": "Visit requested",
    "registers.visit.arranged": "Visit arranged",
    "registers.visit.cancelled": "Visit cancelled",
    "registers.visit.unannounced": "Unannounced visit recorded",
    "registers.second_factor.set_up": "Authenticator app set up",
    "registers.second_factor.given": "Second sign-in step passed",
    "registers.second_factor.recovery_code_used": "Recovery code used to sign in",
    "registers.second_factor.replaced": "Authenticator app removed to set up a new one",
    "registers.second_factor.reset": "Authenticator app reset by democratic services",
    **_entry("registers.directorate", "Directorate"),
    **_entry("registers.service", "Service"),
    **_entry("registers.post", "Post"),
    **_entry("registers.officer", "Officer"),
    "registers.officer.changed": "Officer's details changed",
    **_entry("registers.statutoryrole", "Statutory officer role", added="recorded"),
    **_entry("registers.ward", "Ward"),
    **_entry("registers.councillor", "Councillor"),
    "registers.councillor.changed": "Councillor's details changed",
    **_entry("registers.councillorrole", "Councillor's role", added="recorded"),
    **_entry("registers.politicalgroup", "Political group"),
    **_entry("protocol_site.closureday", "Closure day"),
    **_entry("registers.officerinterest", "Officer's interest", added="registered"),
    **_entry("registers.trainingsession", "Training session"),
    **_entry("registers.trainingattendance", "Training attendance", added="recorded"),
}
