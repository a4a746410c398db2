"""The access matrix: what a GET of every URL answers, for an anonymous visitor and for every
role, in the small council of tests/access/world.py (its records are named in the `record`
column; `-` for a URL with no arguments).

One row per URL name. A URL added to the URLconf fails tests/access/test_access_matrix.py
until it has a row here; a row whose URL has gone fails too. Write the status the protocol
requires, not whatever the page happens to answer.

Columns (the people of tests/conftest.py):

    ano  anonymous visitor              hos  Head of Service
    cll  councillor (group A)           ad   Assistant Director
    oth  councillor of group B          dir  Director (of Place, over the service)
    ldr  Group Leader (group A)         ce   Chief Executive (Head of Paid Service)
    off  officer                        mo   Monitoring Officer
    mgr  the officer's line manager     ds   democratic services
                                        out  signed in, with no role in the council

Codes:

    200  the page
    403  the role never reaches this page, or may not take this step on a record it sees
    404  the record is outside the person's reach: the same as not existing
    405  the URL takes only POST
    503  unhealthy: /healthz/all when no sweep has run (as in this world)
    in   302 to the sign-in page, coming back here afterwards
    >/   302 to that path
"""

from __future__ import annotations

from dataclasses import dataclass

ROLES = (
    "anonymous",
    "councillor",
    "other_group_councillor",
    "group_leader",
    "officer",
    "line_manager",
    "head_of_service",
    "assistant_director",
    "director",
    "chief_executive",
    "monitoring_officer",
    "democratic_services",
    "outsider",
)

TABLE = """
# Signing in and out: the only pages open to anonymous visitors; `logout` takes a POST. The
# council's directory (sso_*) is not set up in the tests' settings: not there (test_sso.py).
# The second factor is for the Chief Executive, the Monitoring Officer and democratic services
# (tests/registers/test_second_factor.py); none has an authenticator app here yet.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
home                              -             in  200 200 200 200 200 200 200 200 200 200 200 200
healthz                           -             200 200 200 200 200 200 200 200 200 200 200 200 200
# Every check, for monitoring: no sweep has run in this world, so it answers 503 to anyone.
healthz_all                       -             503 503 503 503 503 503 503 503 503 503 503 503 503
decisions                         -             in  200 200 200 200 200 200 200 200 200 200 200 200
login                             -             200 >/  >/  >/  >/  >/  >/  >/  >/  >/  >/  >/  >/
sso_start                         -             404 404 404 404 404 404 404 404 404 404 404 404 404
sso_callback                      -             404 404 404 404 404 404 404 404 404 404 404 404 404
second_factor_set_up              -             in  403 403 403 403 403 403 403 403 200 200 200 403
second_factor_verify              -             in  403 403 403 403 403 403 403 403 >/account/second-factor/set-up/ >/account/second-factor/set-up/ >/account/second-factor/set-up/ 403
second_factor_recovery_codes      -             in  >/  >/  >/  >/  >/  >/  >/  >/  >/  >/  >/  >/
second_factor_replace             -             in  403 403 403 403 403 403 403 403 >/account/second-factor/set-up/ >/account/second-factor/set-up/ >/account/second-factor/set-up/ 403
# Democratic services reset someone else's authenticator app (a lost phone).
second_factor_people              -             in  403 403 403 403 403 403 403 403 403 403 200 403
second_factor_reset               authenticator in  403 403 403 403 403 403 403 403 403 403 200 403
logout                            -             in  405 405 405 405 405 405 405 405 405 405 405 405
password_reset                    -             200 200 200 200 200 200 200 200 200 200 200 200 200
password_reset_done               -             200 200 200 200 200 200 200 200 200 200 200 200 200
password_reset_confirm            reset         200 200 200 200 200 200 200 200 200 200 200 200 200
password_reset_complete           -             200 200 200 200 200 200 200 200 200 200 200 200 200

# Each person's email preferences: everyone signed in, their own only (no record in the URL).
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
email_preferences                 -             in  200 200 200 200 200 200 200 200 200 200 200 200

# The officer search behind the forms' officer pickers: anyone with a place in the council.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
officer_search                    -             in  200 200 200 200 200 200 200 200 200 200 200 403

# The organisation and its registers (ORG-1, ORG-2, ORG-4, REG-3, REG-4): democratic
# services only. Every other signed-in person is refused (403).
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
manage:index                      -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:protocol                   -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:protocol_preset            -             in  403 403 403 403 403 403 403 403 403 403 405 403
manage:protocol_document          -             in  404 404 404 404 404 404 404 404 404 404 404 404
manage:rules                      -             in  403 403 403 403 403 403 403 403 403 403 200 403
failed_emails                     -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:directorate_list           -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:directorate_export         -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:directorate_add            -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:directorate_detail         directorate   in  403 403 403 403 403 403 403 403 403 403 200 403
manage:directorate_edit           directorate   in  403 403 403 403 403 403 403 403 403 403 200 403
manage:service_list               -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:service_export             -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:service_add                -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:service_detail             service       in  403 403 403 403 403 403 403 403 403 403 200 403
manage:service_edit               service       in  403 403 403 403 403 403 403 403 403 403 200 403
manage:post_list                  -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:post_export                -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:post_add                   -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:post_detail                post          in  403 403 403 403 403 403 403 403 403 403 200 403
manage:post_edit                  post          in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officer_list               -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officer_export             -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officer_add                -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officer_detail             officer       in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officer_edit               officer       in  403 403 403 403 403 403 403 403 403 403 200 403
manage:statutoryrole_list         -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:statutoryrole_export       -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:statutoryrole_add          -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:statutoryrole_detail       statutory     in  403 403 403 403 403 403 403 403 403 403 200 403
manage:statutoryrole_edit         statutory     in  403 403 403 403 403 403 403 403 403 403 200 403
manage:ward_list                  -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:ward_export                -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:ward_add                   -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:ward_detail                ward          in  403 403 403 403 403 403 403 403 403 403 200 403
manage:ward_edit                  ward          in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillor_list            -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillor_export          -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillor_add             -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillor_detail          councillor    in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillor_edit            councillor    in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillorrole_list        -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillorrole_export      -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillorrole_add         -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillorrole_detail      cllr_role     in  403 403 403 403 403 403 403 403 403 403 200 403
manage:councillorrole_edit        cllr_role     in  403 403 403 403 403 403 403 403 403 403 200 403
manage:politicalgroup_list        -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:politicalgroup_export      -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:politicalgroup_add         -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:politicalgroup_detail      group         in  403 403 403 403 403 403 403 403 403 403 200 403
manage:politicalgroup_edit        group         in  403 403 403 403 403 403 403 403 403 403 200 403
manage:closureday_list            -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:closureday_export          -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:closureday_add             -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:closureday_detail          closureday    in  403 403 403 403 403 403 403 403 403 403 200 403
manage:closureday_edit            closureday    in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officerinterest_list       -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officerinterest_export     -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officerinterest_add        -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officerinterest_detail     interest      in  403 403 403 403 403 403 403 403 403 403 200 403
manage:officerinterest_edit       interest      in  403 403 403 403 403 403 403 403 403 403 200 403
manage:restrictedpost_list        -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:restrictedpost_export      -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:visit_list                 -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:visit_export               -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingsession_list       -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingsession_export     -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingsession_add        -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingsession_detail     training      in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingsession_edit       training      in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingattendance_list    -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingattendance_export  -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingattendance_add     -             in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingattendance_detail  attendee      in  403 403 403 403 403 403 403 403 403 403 200 403
manage:trainingattendance_edit    attendee      in  403 403 403 403 403 403 403 403 403 403 200 403
manage:closureday_delete          closureday    in  403 403 403 403 403 403 403 403 403 403 200 403

# Absences and cover: officers record their own and their staff's, democratic services
# anyone's; an absence is seen by the officer, their cover, those above them and democratic
# services. Who's who is for every councillor and officer.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
cover:list                        -             in  403 403 403 200 200 200 200 200 200 200 200 403
cover:new                         -             in  403 403 403 200 200 200 200 200 200 200 200 403
cover:end                         absence       in  404 404 404 200 200 200 200 200 200 404 200 404
whos_who                          -             in  200 200 200 200 200 200 200 200 200 200 200 403

# Members' visits (REG-3): a councillor's own, the Director's directorate's, all for the
# Monitoring Officer and democratic services; to anyone else a visit does not exist.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
visits:list                       -             in  200 200 200 403 403 403 403 200 403 200 200 403
visits:new                        -             in  200 200 200 403 403 403 403 403 403 403 403 403
visits:unannounced                -             in  200 200 200 403 403 403 403 403 403 403 403 403
visits:detail                     visit         in  200 404 404 404 404 404 404 200 404 200 200 404
visits:arrange                    visit         in  403 404 404 404 404 404 404 200 404 403 403 404
visits:cancel                     visit         in  200 404 404 404 404 404 404 403 404 403 403 404

# Members' enquiries (ENQ): the councillor's own and the officer's chain of management;
# democratic services keep the register (not the casework text or attachment); the
# Monitoring Officer sees volumes only, not another member's enquiry; line managers up see the
# performance of their part of the council; only senior management (Head of Service and up)
# decide on more time and decline (003 §8.2, 002 §7.iii). The conversation: the councillor
# and those who may work on it write messages; officers add internal notes and ask the
# councillor; only the councillor answers, chases, withdraws, follows up and marks it urgent (or
# no longer urgent).
# A file on a step downloads for those who may read the step (democratic services do not read
# the casework).
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
enquiries:list                    -             in  200 200 200 200 200 200 200 200 200 200 200 403
enquiries:list_csv                -             in  200 200 200 200 200 200 200 200 200 200 200 403
enquiries:new                     -             in  200 200 200 403 403 403 403 403 403 403 403 403
enquiries:saved_list              -             in  200 200 200 200 200 200 200 200 200 200 200 403
enquiries:saved_add               -             in  200 200 200 200 200 200 200 200 200 200 200 403
enquiries:saved_rename            saved_view    in  404 404 404 200 404 404 404 404 404 404 404 404
enquiries:saved_delete            saved_view    in  404 404 404 200 404 404 404 404 404 404 404 404
enquiries:record                  -             in  403 403 403 200 200 200 200 200 200 200 200 403
enquiries:performance             -             in  403 403 403 403 200 200 200 200 200 200 200 403
enquiries:detail                  enquiry       in  200 404 404 200 200 200 200 200 200 404 200 404
enquiries:acknowledge             enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:holding                 enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:extension               enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:extension_decide        extension     in  403 404 404 403 403 200 200 200 200 404 403 404
enquiries:guidance                enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:reassign                enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:respond                 enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:decline                 enquiry       in  403 404 404 403 403 200 200 200 200 404 403 404
enquiries:message                 enquiry       in  200 404 404 200 200 200 200 200 200 404 403 404
enquiries:note                    enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:ask                     enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:answer                  enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404
enquiries:chase                   enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404
enquiries:withdraw                enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404
enquiries:share                   enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404
enquiries:link                    enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:unlink                  enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:respond_linked          enquiry       in  403 404 404 200 200 200 200 200 200 404 403 404
enquiries:follow_up               enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404
enquiries:urgent                  enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404
enquiries:not_urgent              enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404
enquiries:attachment              enquiry       in  200 404 404 200 200 200 200 200 200 404 404 404
enquiries:file                    enquiry_file  in  200 404 404 200 200 200 200 200 200 404 404 404
enquiries:copy                    enquiry       in  404 404 404 404 404 404 404 404 404 404 404 404
# Team queues: every officer of the service sees its queue and picks up from it; its Head of
# Service (or the officer they name) allocates. Others who see the enquiry may not take it.
enquiries:team_queue              -             in  403 403 403 200 200 200 200 200 200 200 200 403
# Only the head of service names who allocates its queue with them (the Monitoring Officer
# heads Legal and Democratic Services); democratic services set it in the registers.
enquiries:team_delegate           -             in  403 403 403 403 403 200 403 403 403 200 403 403
# Bulk actions: any officer may choose enquiries from their lists (each is then checked as on
# its own page); councillors have no bulk steps.
enquiries:bulk                    -             in  403 403 403 200 200 200 200 200 200 200 200 403
enquiries:pick_up                 queued        in  403 404 404 200 200 200 403 403 403 404 403 404
enquiries:allocate                queued        in  403 404 404 403 403 200 403 403 403 404 403 404
# The constituent's details: the councillor records them; they, the officer dealing with it
# and their managers see them (the API); democratic services, who see the enquiry, do not.
enquiries:constituent             enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404
# The constituent is a council officer: their councillor asks the Monitoring Officer first.
enquiries:seek_advice             enquiry       in  200 404 404 403 403 403 403 403 403 404 403 404

# Standard wording: democratic services keep every service's, the Head of Service their own
# service's (the record is the officer's service's wording). The Monitoring Officer heads
# Legal Services: they keep its wording, and another service's is not theirs (404).
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
enquiries:wording_list            -             in  403 403 403 403 403 200 403 403 403 200 200 403
enquiries:wording_add             -             in  403 403 403 403 403 200 403 403 403 200 200 403
enquiries:wording_change          wording       in  403 403 403 403 403 200 403 403 403 404 200 403
enquiries:wording_retire          wording       in  403 403 403 403 403 200 403 403 403 404 200 403

# Complaints (CMP-5): the complainant, the stage's handler and the Monitoring Officer
# (copied); the officer complained about only once told; the managers above the handler (the
# next stages of the chain) see it but do not act on it; no other Director, nor democratic
# services. `about_member` is reported to the Chief Executive and copied to the Director.
# Messages at each stage: only the complainant and the stage's handler write; the API lists
# to everyone who sees it the messages they may read (none, for the managers above).
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
complaints:list                   -             in  200 200 200 200 200 200 200 200 200 200 200 403
complaints:list_csv               -             in  200 200 200 200 200 200 200 200 200 200 200 403
complaints:new                    -             in  200 200 200 200 200 200 200 200 200 200 200 403
complaints:patterns               -             in  403 403 403 403 403 403 403 403 403 200 403 403
complaints:detail                 complaint     in  200 404 404 404 200 200 200 200 404 200 404 404
complaints:acknowledge            complaint     in  403 404 404 404 200 403 403 403 404 403 404 404
complaints:resolve                complaint     in  403 404 404 404 200 403 403 403 404 403 404 404
complaints:refer                  complaint     in  403 404 404 404 200 403 403 403 404 403 404 404
complaints:escalate               complaint     in  200 404 404 404 200 403 403 403 404 403 404 404
complaints:withdraw               complaint     in  200 404 404 404 403 403 403 403 404 403 404 404
complaints:notify_subject         complaint     in  403 404 404 404 200 403 403 403 404 200 404 404
complaints:report                 about_member  in  404 404 404 403 403 403 403 403 403 200 404 404
complaints:message                complaint     in  200 404 404 404 200 403 403 403 404 403 404 404
# The top of the council: the Chief Executive decides on an upheld complaint about a member;
# the officer who raised one may take it to the Standards Committee; the Chief Executive's
# rulings on the protocol are read by Group Leaders, the MO and democratic services.
complaints:chief_executive_decision upheld      in  404 404 404 403 403 403 403 403 200 403 404 404
complaints:standards_committee    about_member  in  404 404 404 200 403 403 403 403 403 403 404 404
complaints:rulings                -             in  403 403 200 403 403 403 403 403 200 200 200 403
complaints:ruling_new             -             in  403 403 403 403 403 403 403 403 200 403 403 403
complaints:ruling_detail          ruling        in  403 403 200 403 403 403 403 403 200 200 200 403

# Political groups (GRP-7): a group's briefings are its own; another group's councillors get
# 404; the Chief Executive and the Monitoring Officer see all, the Director those addressed
# to them. Group B reads group A's note only through its offer (GRP-6); Cllr Baker reads
# the leader's confidential briefing only through its share (004 §7.1).
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
groups:list                       -             in  200 200 200 200 200 200 200 200 200 200 200 403
groups:new                        -             in  403 403 200 403 403 403 403 403 403 403 403 403
groups:equal_access               -             in  403 403 403 403 403 403 403 403 200 200 403 403
# A Group Leader sees their own group's members' induction and training; democratic services
# (who keep the training register) every group's; to anyone else the page does not exist.
groups:induction                  group         in  404 404 200 404 404 404 404 404 404 404 200 404
groups:detail                     briefing      in  200 404 200 404 404 404 404 200 200 200 404 404
groups:decide                     briefing      in  403 404 403 404 404 404 404 403 200 403 404 404
groups:withdraw                   briefing      in  403 404 200 404 404 404 404 403 403 403 404 404
groups:note                       note          in  403 404 403 404 404 404 404 200 403 403 404 404
groups:attendance                 attendance    in  403 404 403 404 404 404 404 200 403 403 404 404
groups:share                      confidential  in  404 404 200 404 404 404 404 403 403 403 404 404
groups:unshare                    unshare       in  405 405 405 405 405 405 405 405 405 405 405 405
groups:offer                      offer         in  404 200 404 404 404 404 404 404 404 404 404 404
groups:shared                     share         in  200 404 404 404 404 404 404 404 404 404 404 404
groups:representatives            -             in  200 200 200 200 200 200 200 200 200 200 200 403
groups:representative_new         -             in  403 403 403 200 200 200 200 200 200 200 200 403
groups:representative             meeting       in  200 404 404 404 404 404 404 200 200 200 404 404
groups:representative_decide      meeting       in  403 404 404 404 404 404 404 403 200 403 404 404
groups:representative_held        authorised    in  403 404 404 404 404 404 404 200 403 403 404 404

# Advice from the Monitoring Officer: confidential to whoever asked (Cllr Baker) and the
# Monitoring Officer's office; councillors and officers ask. Lobbying about employment: Cllr
# Baker's report about the officer, for the reporter and the Monitoring Officer only.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
advice:list                       -             in  200 200 200 200 200 200 200 200 200 200 200 403
advice:new                        -             in  200 200 200 200 200 200 200 200 200 200 200 403
advice:detail                     advice        in  200 404 404 404 404 404 404 404 404 200 404 404
advice:respond                    advice        in  403 404 404 404 404 404 404 404 404 200 404 404
advice:withdraw                   advice        in  200 404 404 404 404 404 404 404 404 403 404 404
advice:lobbying_list              -             in  200 200 200 403 403 403 403 403 403 200 403 403
advice:lobbying_new               -             in  200 200 200 403 403 403 403 403 403 403 403 403
advice:lobbying_detail            lobbying      in  200 404 404 404 404 404 404 404 404 200 404 404
advice:lobbying_action            lobbying      in  403 404 404 404 404 404 404 404 404 200 404 404

# Relationship declarations (REG-1): the declarer, the person named and the manager told;
# the Monitoring Officer reviews; the whole register is for the Monitoring Officer and
# democratic services. A councillor declares only with an officer (404 for a councillor).
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
declarations:list                 -             in  200 200 200 200 200 200 200 200 200 200 200 403
declarations:find                 -             in  200 200 200 200 200 200 200 200 200 200 200 403
declarations:new                  declarable    in  404 404 404 200 200 200 200 200 200 200 200 403
declarations:queue                -             in  403 403 403 403 403 403 403 403 403 200 403 403
declarations:register             -             in  403 403 403 403 403 403 403 403 403 200 200 403
declarations:register_csv         -             in  403 403 403 403 403 403 403 403 403 200 200 403
declarations:detail               declaration   in  404 200 404 200 200 404 404 404 404 200 200 404
declarations:change               declaration   in  404 403 404 200 403 404 404 404 404 403 200 404
declarations:withdraw             declaration   in  404 403 404 200 403 404 404 404 404 403 403 404
declarations:confirm              declaration   in  404 403 404 403 403 404 404 404 404 403 403 404
declarations:answer               declaration   in  404 403 404 403 403 404 404 404 404 403 403 404
declarations:review               declaration   in  404 403 404 403 403 404 404 404 404 200 403 404
declarations:ask                  declaration   in  404 403 404 403 403 404 404 404 404 200 403 404

# Appointment and dismissal panels (REG-2): democratic services and the Monitoring Officer.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
panels:list                       -             in  403 403 403 403 403 403 403 403 403 200 200 403
panels:add                        -             in  403 403 403 403 403 403 403 403 403 200 200 403
panels:detail                     panel         in  403 403 403 403 403 403 403 403 403 200 200 403
panels:change                     panel         in  403 403 403 403 403 403 403 403 403 200 200 403

# Ward notices (WARD-1) for officers and the ward's members; pre-election periods (ELE-1)
# read by everyone signed in, declared and changed by the Monitoring Officer.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
notices:list                      -             in  200 200 200 200 200 200 200 200 200 200 200 403
notices:new                       -             in  403 403 403 200 200 200 200 200 200 200 200 403
notices:detail                    notice        in  200 200 200 200 200 200 200 200 200 200 200 403
notices:change                    notice        in  403 403 403 200 403 403 403 403 403 403 200 403
notices:withdraw                  notice        in  403 403 403 200 403 403 403 403 403 403 200 403
# Members' public meetings: the councillor arranging it and the officer told (the Head of
# Service) see it; the Monitoring Officer and democratic services see them all; only the
# councillor cancels it.
member_meetings:list              -             in  200 200 200 200 200 200 200 200 200 200 200 403
member_meetings:new               -             in  200 200 200 403 403 403 403 403 403 403 403 403
member_meetings:detail            member_meeting in  200 404 404 404 404 200 404 404 404 200 200 404
member_meetings:cancel            member_meeting in  200 404 404 404 404 403 404 404 404 403 403 404
api:member-meeting-list           -             403 200 200 200 200 200 200 200 200 200 200 200 200
notices:periods                   -             in  200 200 200 200 200 200 200 200 200 200 200 200
notices:period_new                -             in  403 403 403 403 403 403 403 403 403 200 403 403
notices:period                    period        in  200 200 200 200 200 200 200 200 200 200 200 200
notices:period_change             period        in  403 403 403 403 403 403 403 403 403 200 403 403
notices:period_end                period        in  403 403 403 403 403 403 403 403 403 200 403 403

# The council's protocol: read by everyone signed in, confirmed by members and officers;
# published, with who has not confirmed and reminders, by democratic services.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
notices:protocol                  -             in  200 200 200 200 200 200 200 200 200 200 200 200
notices:protocol_publish          -             in  403 403 403 403 403 403 403 403 403 403 200 403
notices:protocol_version          protocol      in  200 200 200 200 200 200 200 200 200 200 200 200
notices:protocol_confirm          protocol      in  200 200 200 200 200 200 200 200 200 200 200 403
notices:protocol_readers          protocol      in  403 403 403 403 403 403 403 403 403 403 200 403
notices:protocol_remind           protocol      in  403 403 403 403 403 403 403 403 403 403 200 403

# Email received: the triage list and its pages are democratic services' alone.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
inbox:list                        -             in  403 403 403 403 403 403 403 403 403 403 200 403
inbox:detail                      inbound       in  403 403 403 403 403 403 403 403 403 403 200 403
inbox:turn                        inbound       in  403 403 403 403 403 403 403 403 403 403 200 403
inbox:discard                     inbound       in  403 403 403 403 403 403 403 403 403 403 200 403

# Annual report (RPT-1): the Monitoring Officer and democratic services; the directorate
# report for a Director.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
reports:annual                    -             in  403 403 403 403 403 403 403 403 200 200 200 403
reports:annual_download           -             in  403 403 403 403 403 403 403 403 200 200 200 403
reports:directorate               -             in  403 403 403 403 403 403 403 200 403 403 403 403

# Retention and subject access: democratic services and the Monitoring Officer; only
# democratic services change the schedule. The download and erasure pages are theirs too.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
retention:schedule                -             in  403 403 403 403 403 403 403 403 403 200 200 403
retention:rule_change             rule          in  403 403 403 403 403 403 403 403 403 403 200 403
retention:holds                   -             in  403 403 403 403 403 403 403 403 403 200 200 403
retention:hold_new                -             in  403 403 403 403 403 403 403 403 403 200 200 403
retention:hold_lift               hold          in  403 403 403 403 403 403 403 403 403 200 200 403
retention:search                  -             in  403 403 403 403 403 403 403 403 403 200 200 403
retention:person                  person        in  403 403 403 403 403 403 403 403 403 200 200 403
retention:person_download         person        in  403 403 403 403 403 403 403 403 403 200 200 403
retention:person_erase            person        in  403 403 403 403 403 403 403 403 403 200 200 403
retention:constituent             constituent   in  403 403 403 403 403 403 403 403 403 200 200 403
retention:constituent_download    constituent   in  403 403 403 403 403 403 403 403 403 200 200 403
retention:constituent_erase       constituent   in  403 403 403 403 403 403 403 403 403 200 200 403
# Someone who emailed the council, found by the address of an email that became no enquiry.
retention:sender                  inbound       in  403 403 403 403 403 403 403 403 403 200 200 403
retention:sender_download         inbound       in  403 403 403 403 403 403 403 403 403 200 200 403
retention:sender_erase            inbound       in  403 403 403 403 403 403 403 403 403 200 200 403

# The JSON API answers 403 rather than redirecting; detail is scoped exactly as the pages.
# Internal notes are for officers, never the councillor; the conversation's steps take POST.
# url name                        record        ano cll oth ldr off mgr hos ad  dir ce  mo  ds  out
api:enquiry-list                  -             403 200 200 200 200 200 200 200 200 200 200 200 200
api:enquiry-detail                enquiry       403 200 404 404 200 200 200 200 200 200 404 200 404
api:enquiry-messages              enquiry       403 200 404 404 200 200 200 200 200 200 404 200 404
api:enquiry-notes                 enquiry       403 403 404 404 200 200 200 200 200 200 404 200 404
api:enquiry-attachments           enquiry       403 200 404 404 200 200 200 200 200 200 404 200 404
api:enquiry-attachment            enquiry_file  403 200 404 404 200 200 200 200 200 200 404 404 404
api:enquiry-ask                   enquiry       403 405 405 405 405 405 405 405 405 405 405 405 405
api:enquiry-answer                enquiry       403 405 405 405 405 405 405 405 405 405 405 405 405
api:enquiry-chase                 enquiry       403 405 405 405 405 405 405 405 405 405 405 405 405
api:enquiry-sharing               enquiry       403 200 404 404 403 403 403 403 403 403 404 403 404
api:enquiry-links                 enquiry       403 403 404 404 200 200 200 200 200 200 404 403 404
api:enquiry-unlink                enquiry       403 405 405 405 405 405 405 405 405 405 405 405 405
api:enquiry-respond-linked        enquiry       403 405 405 405 405 405 405 405 405 405 405 405 405
api:enquiry-withdraw              enquiry       403 405 405 405 405 405 405 405 405 405 405 405 405
api:enquiry-constituent           enquiry       403 200 404 404 200 200 200 200 200 200 404 403 404
api:enquiry-wording               enquiry       403 403 404 404 200 200 200 200 200 200 404 403 404
api:enquiry-follow-up             enquiry       403 405 405 405 405 405 405 405 405 405 405 405 405
api:enquiry-urgent                enquiry       403 405 405 405 405 405 405 405 405 405 405 405 405
api:complaint-list                -             403 200 200 200 200 200 200 200 200 200 200 200 200
api:advice-list                   -             403 200 200 200 200 200 200 200 200 200 200 200 200
api:lobbying-list                 -             403 200 200 200 200 200 200 200 200 200 200 200 200
# Absences and team queues, as on their pages: officers and democratic services; team queues
# are officers' alone.
api:absence-list                  -             403 403 403 403 200 200 200 200 200 200 200 200 403
api:team-queue                    -             403 403 403 403 200 200 200 200 200 200 200 200 403
api:complaint-detail              complaint     403 200 404 404 404 200 200 200 200 404 200 404 404
api:complaint-messages            complaint     403 200 404 404 404 200 200 200 200 404 200 404 404
api:ruling-list                   -             403 403 403 200 403 403 403 403 403 200 200 200 403
api:schema                        -             403 200 200 200 200 200 200 200 200 200 200 200 200
api:council-rules                 -             403 200 200 200 200 200 200 200 200 200 200 200 200

"""


@dataclass(frozen=True)
class Row:
    name: str
    record: str
    expected: dict[str, str]  # role -> code


def _parse(table: str) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for number, line in enumerate(table.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, record, *codes = line.split()
        if len(codes) != len(ROLES):
            raise ValueError(f"Line {number} ({name}): {len(codes)} codes for {len(ROLES)} roles")
        if name in rows:
            raise ValueError(f"Line {number}: {name} has two rows")
        for code in codes:
            if code not in {"200", "403", "404", "405", "503", "in"} and not code.startswith(">/"):
                raise ValueError(f"Line {number} ({name}): unknown code {code!r}")
        rows[name] = Row(name, record, dict(zip(ROLES, codes, strict=True)))
    return rows


MATRIX = _parse(TABLE)
