"""The words people read for the audit events advice requests and lobbying reports write (see
protocol_site.audit_words): registered in AdviceConfig.ready()."""

AUDIT_WORDS: dict[str, str] = {
    "advice.request.asked": "Advice asked of the Monitoring Officer",
    "advice.request.advised": "Advice given",
    "advice.request.withdrawn": "Request for advice withdrawn",
    "advice.request.reminder": "Adviser reminded that advice is due",
    "advice.request.escalated": "Overdue advice passed on",
    "advice.request.viewed": "Request for advice viewed",
    "advice.lobbying.reported": "Lobbying about employment reported to the Monitoring Officer",
    "advice.lobbying.actioned": "Monitoring Officer's action on lobbying recorded",
    "advice.lobbying.viewed": "Lobbying report viewed",
}
