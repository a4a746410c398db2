"""The words people read for the audit events complaints write (see
protocol_site.audit_words): registered in ComplaintsConfig.ready()."""

AUDIT_WORDS: dict[str, str] = {
    "complaints.complaint.raised": "Complaint raised",
    "complaints.complaint.stage_opened": "Complaint stage opened",
    "complaints.complaint.mo_copied": "Monitoring Officer copied in",
    "complaints.complaint.acknowledged": "Complaint acknowledged",
    "complaints.complaint.resolved": "Outcome recorded",
    "complaints.complaint.referred": "Complaint referred",
    "complaints.complaint.escalated": "Complaint moved up a stage",
    "complaints.complaint.next_stage_requested": "Next stage asked for",
    "complaints.complaint.withdrawn": "Complaint withdrawn",
    "complaints.complaint.subject_notified": "Person complained about told",
    "complaints.complaint.reminder": "Overdue reminder sent",
    "complaints.complaint.acknowledge_reminder": "Reminder to acknowledge sent",
    "complaints.complaint.copied": "Complaint reported and copied",
    "complaints.complaint.reported": "Outcome reported",
    "complaints.complaint.group_leader_notified": "Group Leader told",
    "complaints.complaint.passed_on": "Complaint passed to another handler",
    "complaints.complaint.flagged": "Complaint flagged to the Monitoring Officer",
    "complaints.complaint.viewed": "Complaint viewed",
    "complaints.complaint.complainant_message": "Message from the complainant",
    "complaints.complaint.handler_message": "Message from the handler",
    "complaints.complaint.upheld_to_ce": "Upheld complaint sent to the Chief Executive",
    "complaints.complaint.ce_decision": "The Chief Executive's decision recorded",
    "complaints.complaint.standards_committee": "Taken to the Standards Committee",
    "complaints.ruling.recorded": "The Chief Executive's ruling on the protocol recorded",
}
