"""Demo requests for advice and a lobbying report for `manage.py seed_demo`: a councillor's
request the Monitoring Officer has answered, an officer's awaiting advice, a financial question
for the Chief Finance Officer too, and a councillor's report of lobbying. Made through the
services, once (keyed by the asker and the question)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from protocol_site.models import User
from registers.models import Officer

from .models import AdviceRequest, LobbyingReport, Topic
from .services import advice_ask, advice_give, lobbying_report

# (asker, topic, question, advice or "")
DEMO_REQUESTS = [
    (
        "cllr.demo",
        Topic.CONFIDENTIAL,
        "A resident has sent me the draft report on the depot closure, marked confidential. "
        "May I share it with the residents' association before the committee meets?",
        "Please do not share it. The draft was given to members in confidence and none of the "
        "exceptions in the Code of Conduct applies. The report will be published with the "
        "committee papers five clear working days before the meeting.",
    ),
    (
        "officer.demo",
        Topic.PROTOCOL,
        "A councillor has asked me to attend their ward surgery to explain the new bin "
        "collection rounds. Is that within the protocol?",
        "",
    ),
    (
        "leader.group",
        Topic.FINANCIAL,
        "Our group wants to propose moving the leisure reserve into highways in the budget "
        "amendment. Would that be within the budget framework?",
        "",
    ),
]
LOBBYING = (
    "cllr.demo",
    "He asked me to speak to the Director about stopping the restructure of his team, which "
    "would put his post at risk.",
)


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def seed(recorder) -> int:
    """Create the demo records that do not exist yet; returns how many were created."""
    created = 0
    mo = _user("monitoring.officer")
    for username, topic, question, advice in DEMO_REQUESTS:
        asker = _user(username)
        if asker is None or AdviceRequest.objects.filter(asker=asker, question=question).exists():
            continue
        case = advice_ask(actor=asker, topic=topic, question=question)
        if advice and mo is not None:
            advice_give(actor=mo, case=case, advice=advice)
        created += 1
    member = _user(LOBBYING[0])
    officer = Officer.objects.filter(user__username="manager.demo").select_related("user").first()
    if member and officer and not LobbyingReport.objects.filter(member=member).exists():
        lobbying_report(
            actor=member,
            officer=officer,
            lobbied_on=timezone.localdate() - timedelta(days=1),
            what=LOBBYING[1],
        )
        created += 1
    return created
