"""The words people read for the audit events enquiries write (see
protocol_site.audit_words): registered in EnquiriesConfig.ready()."""

AUDIT_WORDS: dict[str, str] = {
    "enquiries.enquiry.logged": "Enquiry logged",
    "enquiries.enquiry.routed": "Enquiry routed to an officer",
    "enquiries.enquiry.acknowledged": "Enquiry acknowledged",
    "enquiries.enquiry.holding_reply": "Holding reply sent",
    "enquiries.enquiry.extension_requested": "More time asked for",
    "enquiries.enquiry.extension_agreed": "More time agreed",
    "enquiries.enquiry.extension_refused": "More time refused",
    "enquiries.enquiry.guidance_sought": "Director's guidance sought",
    "enquiries.enquiry.reassigned": "Enquiry reassigned",
    "enquiries.enquiry.responded": "Enquiry answered",
    "enquiries.enquiry.declined": "Enquiry declined",
    "enquiries.enquiry.reminder": "Reminder sent",
    "enquiries.enquiry.escalated": "Enquiry escalated",
    "enquiries.enquiry.advised": "Chair and lead member advised",
    "enquiries.enquiry.flagged": "Enquiry flagged to the Monitoring Officer",
    "enquiries.enquiry.viewed": "Confidential casework viewed",
    "enquiries.enquiry.attachment_downloaded": "Casework attachment downloaded",
}
