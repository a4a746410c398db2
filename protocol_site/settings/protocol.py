"""The council's protocol rules (see README "Protocol settings"): first values from the environment.

Each feature's rules live here or in a module of their own beside it, imported by base.py.
"""

from .env import env_bool, env_choice, env_int, env_list

ENQUIRY_WORKING_DAYS = env_int("ENQUIRY_WORKING_DAYS", 10, minimum=1, maximum=60)
ENQUIRY_REMINDER_WORKING_DAYS_BEFORE = env_int(
    "ENQUIRY_REMINDER_WORKING_DAYS_BEFORE", 2, minimum=0, maximum=20
)
# rung:working days after the deadline (or after the previous rung) before it escalates there.
ENQUIRY_ESCALATION_LADDER = env_list(
    "ENQUIRY_ESCALATION_LADDER",
    ["line_manager:0", "assistant_director:3", "director:3", "monitoring_officer:5"],
)
# 004 §7.3: advise the committee chair and lead member when factual information is given.
ENQUIRY_ADVISE_CHAIR_AND_LEAD_MEMBER = env_bool("ENQUIRY_ADVISE_CHAIR_AND_LEAD_MEMBER", True)
ENQUIRY_ATTACHMENT_MAX_MB = env_int("ENQUIRY_ATTACHMENT_MAX_MB", 10, minimum=1, maximum=100)
# How many files one message, response or note may carry.
ENQUIRY_ATTACHMENTS_MAX_FILES = env_int("ENQUIRY_ATTACHMENTS_MAX_FILES", 5, minimum=1, maximum=20)
# A question to the councillor unanswered this many working days reminds them, once.
ENQUIRY_WAITING_REMINDER_WORKING_DAYS = env_int(
    "ENQUIRY_WAITING_REMINDER_WORKING_DAYS", 10, minimum=1, maximum=60
)
# ...and one unanswered this many working days closes the enquiry as no reply (0: never).
ENQUIRY_WAITING_CLOSE_WORKING_DAYS = env_int(
    "ENQUIRY_WAITING_CLOSE_WORKING_DAYS", 20, minimum=0, maximum=120
)
# After a response the councillor may follow up this many working days; the enquiry reopens.
ENQUIRY_FOLLOW_UP_WORKING_DAYS = env_int("ENQUIRY_FOLLOW_UP_WORKING_DAYS", 5, minimum=0, maximum=60)
# An urgent enquiry's clock: due this many working days after receipt.
ENQUIRY_URGENT_WORKING_DAYS = env_int("ENQUIRY_URGENT_WORKING_DAYS", 2, minimum=1, maximum=60)

# Complaints between members and officers (CMP-1 to CMP-6).
# Working-day targets for each stage (the Ombudsman's complaint handling code: 5 and 10).
COMPLAINT_ACKNOWLEDGE_WORKING_DAYS = env_int(
    "COMPLAINT_ACKNOWLEDGE_WORKING_DAYS", 5, minimum=1, maximum=30
)
COMPLAINT_RESOLVE_WORKING_DAYS = env_int(
    "COMPLAINT_RESOLVE_WORKING_DAYS", 10, minimum=1, maximum=60
)
# A member's concern about the Chief Executive goes to the Monitoring Officer (004 §12.1),
# to the Leader of the Council (001 §5.04), or to the Monitoring Officer and the Senior Human
# Resources Manager together (002 §10.c).
COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO = env_choice(
    "COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO",
    "MONITORING_OFFICER",
    ("MONITORING_OFFICER", "LEADER", "MONITORING_OFFICER_AND_HR"),
).lower()
# An officer may take a complaint about a member straight to the Standards Committee rather
# than through the protocol's procedure (003 §14.1, §15.1).
COMPLAINT_OFFICER_TO_STANDARDS_COMMITTEE = env_bool(
    "COMPLAINT_OFFICER_TO_STANDARDS_COMMITTEE", True
)
# Copy the Monitoring Officer into every complaint when it is raised (003 §13.1).
COMPLAINT_COPY_MONITORING_OFFICER = env_bool("COMPLAINT_COPY_MONITORING_OFFICER", True)
# The rungs a member's complaint about an officer climbs (registers.ladder.Rung values).
COMPLAINT_ESCALATION_LADDER = env_list(
    "COMPLAINT_ESCALATION_LADDER",
    ["line_manager", "assistant_director", "director", "monitoring_officer"],
)
# 003 §14.1: an officer's complaint about a member is reported to the Chief Executive and
# copied to the officer's Director (chief_executive and/or director, or none).
COMPLAINT_ABOUT_MEMBER_REPORTED_TO = env_list(
    "COMPLAINT_ABOUT_MEMBER_REPORTED_TO", ["chief_executive", "director"]
)

# Members' visits to council premises (REG-3): the Director is told at least this many working
# days before the visit (000 §4.6, 002 §8).
VISIT_NOTICE_WORKING_DAYS = env_int("VISIT_NOTICE_WORKING_DAYS", 2, minimum=0, maximum=20)

# Relationship declarations (REG-1): re-confirmed every so many months, the declarer reminded
# so many days before; the officer's line manager or Head of Service is told (002 §3.c.iii,
# 003 §5.2(b)).
DECLARATION_CONFIRM_MONTHS = env_int("DECLARATION_CONFIRM_MONTHS", 12, minimum=1, maximum=24)
DECLARATION_REMINDER_DAYS = env_int("DECLARATION_REMINDER_DAYS", 14, minimum=1, maximum=60)
DECLARATION_NOTIFY_RUNG = env_choice(
    "DECLARATION_NOTIFY_RUNG", "LINE_MANAGER", ("LINE_MANAGER", "HEAD_OF_SERVICE")
).lower()

# Pre-election periods (ELE-1): the Monitoring Officer's guidance is emailed to members and to
# senior officers, Head of Service and above (003 §11.3), or to every officer (001 §8.01).
ELECTION_GUIDANCE_TO_ALL_OFFICERS = env_bool("ELECTION_GUIDANCE_TO_ALL_OFFICERS", False)

# Political group briefings (GRP-6): advice given to one group is offered to the others before
# the formal decision meeting (003 §7.1(b)); false for councils that struck that rule (002 §9).
GROUP_BRIEFING_EQUAL_ACCESS = env_bool("GROUP_BRIEFING_EQUAL_ACCESS", True)

# Advice from the Monitoring Officer (or, on financial matters, the Chief Finance Officer): the
# working days within which a member's or officer's request for advice is answered.
ADVICE_WORKING_DAYS = env_int("ADVICE_WORKING_DAYS", 5, minimum=1, maximum=60)
